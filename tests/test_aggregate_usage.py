"""``iaterr aggregate`` as a network's data officer runs it: what a second review of #16 found, each reproduced.

- a bad value in a member's restricted store keeps the record (without its restricted fields), not drops it;
- the sources file's mistakes are all named, each with its line; a number is not an address;
- a sources file naming no source is said;
- the CSV source's rejected rows are named by their CSV line, not by an internal file;
- the report goes to the standard output (a log keeps it apart from the progress);
- the output folder is named as given (``--out``), never by the build's temporary folder;
- the help's fixed words are French.

No test needs the network: every repository is made here with git.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from tests.test_aggregate import commit, lock, record, small_repo, sources_file

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to make source repositories")



def _public_with_store(tmp_path: Path, coll: str, values: str) -> Path:
    repo = small_repo(tmp_path / coll, coll, {f"{coll}-chatbot": record(f"{coll}-chatbot", coll, f"Chatbot {coll}"),
                                              f"{coll}-arbres": record(f"{coll}-arbres", coll, f"Arbres {coll}")})
    (repo / "iaterr.yaml").write_text('version_schema: "1.0"\npublic: true\n', encoding="utf-8")
    commit(repo)
    store = tmp_path / f"{coll}-restreint"
    (store / "cas-usage").mkdir(parents=True)
    (store / "iaterr-restreint.yaml").write_text(_marker([os.path.realpath(repo)]), encoding="utf-8")
    (store / "cas-usage" / f"{coll}-chatbot.yaml").write_text(values, encoding="utf-8")
    (store / "cas-usage" / f"{coll}-arbres.yaml").write_text("nom_algorithme: PLANTE-ARBRES-BON\n", encoding="utf-8")
    return store


def test_a_bad_value_in_a_store_keeps_the_record_without_its_restricted_fields(cli, tmp_path):
    """docs/restreint.md: a store that cannot be used gives its records without their restricted fields. One bad
    value in one store file dropped the whole record from the members' library (a fresh-eyes review)."""
    store = _public_with_store(tmp_path, "paris", "nom_algorithme: PLANTE-CHATBOT\nhebergement: sur_la_lune\n")
    sources = sources_file(tmp_path, [{"depot": "paris", "restreint": str(store)}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    assert result.exit_code == 1, result.output  # a finding: the network tells the collectivité
    said = " ".join(result.output.split())
    assert "le fichier cas-usage/paris-chatbot.yaml:2 de son magasin restreint" in said and str(store) in said, said
    assert "sur_la_lune" not in said  # a restricted value is never quoted
    assert "sans ses champs restreints" in said, said
    chatbot = out / "data" / "cas-usage" / "paris-chatbot.yaml"
    assert chatbot.is_file(), sorted(p.name for p in (out / "data" / "cas-usage").iterdir())
    assert "PLANTE" not in chatbot.read_text(encoding="utf-8")  # none of that store file's values
    assert "PLANTE-ARBRES-BON" in (out / "data" / "cas-usage" / "paris-arbres.yaml").read_text(encoding="utf-8")
    state = lock(out)["sources"][0]
    assert [r["fichier"] for r in state["restreints_rejetes"]] == ["data/cas-usage/paris-chatbot.yaml"], state
    assert cli("validate", "--repo", str(out)).exit_code == 0
    english = cli("aggregate", str(sources), "--out", str(out), "--membres", "--lang", "en")
    assert english.exit_code == 1 and "without its restricted fields" in " ".join(english.output.split())
    # a public library never reads the store: nothing to say there
    public = cli("aggregate", str(sources), "--out", str(tmp_path / "public"))
    assert public.exit_code == 0, public.output


def _usage_error(cli, tmp_path: Path, text: str, *args: str):
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("aggregate", str(path), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()
    return " ".join(result.output.split())


def test_every_mistake_of_the_sources_file_is_named_with_its_line(cli, tmp_path):
    said = _usage_error(cli, tmp_path, "nom: Réseau\nsources:\n  - depot: a\n    couleur: bleu\n"
                                       "  - depot: ext::sh -c x\n  - csv: b.csv\n    branche: main\n")
    assert "sources.yaml:4" in said and "clé inconnue « couleur »" in said, said
    assert "sources.yaml:5" in said and "« ext »" in said, said
    assert "sources.yaml:7" in said and "« branche »" in said, said
    assert said.count("✗") == 3, said
    english = _usage_error(cli, tmp_path, "sources:\n  - depot: a\n    couleur: bleu\n", "--lang", "en")
    assert "sources.yaml:3" in english and "unknown key “couleur”" in english, english


def test_the_expected_keys_of_an_entry_name_restreint(cli, tmp_path):
    said = _usage_error(cli, tmp_path, "sources:\n  - depot: a\n    couleur: bleu\n")
    assert "restreint" in said.split("attendues")[1], said


@pytest.mark.parametrize("value", ["12", "3.5", "true", "null", "[a, b]", "{x: 1}"])
def test_a_number_or_a_list_is_not_an_address(cli, tmp_path, value):
    said = _usage_error(cli, tmp_path, f"sources:\n  - csv: {value}\n")
    assert "sources.yaml:2" in said and "une adresse" in said, said


def test_a_quoted_number_is_a_file_name(tmp_path):
    from iaterr.aggregate.sources import parse_sources

    parsed = parse_sources(b'sources:\n  - csv: "12"\n', "s.yaml", tmp_path)
    assert parsed.sources[0].target == str(tmp_path / "12")


def test_a_sources_file_without_any_source_is_said(cli, tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("nom: Réseau\nsources: []\n", encoding="utf-8")
    result = cli("aggregate", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "ne nomme aucune source" in " ".join(result.output.split()), result.output


def test_the_rows_of_a_csv_source_are_named_by_their_line(cli, tmp_path):
    """A CSV source's rejected row is named by its line in the CSV (what its author sees in a spreadsheet), not by
    the YAML file the aggregate makes of it; a cell holding a line break moves the next rows' lines."""
    import csv
    import io

    exported = cli("export", "--format", "csv")
    assert exported.exit_code == 0
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    statut, description = rows[0].index("statut"), rows[0].index("description")
    rows[1][description] = "Première ligne.\nDeuxième ligne."  # row 1 spans lines 2 and 3 of the file
    rows[3][statut] = "inconnu_du_schema"  # row 3 then starts on line 5
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    sources = sources_file(tmp_path, [{"csv": "export.csv"}])
    result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "ligne 5 laissée de côté" in said, said
    assert "data/cas-usage/" not in said, said
    rejected = lock(tmp_path / "out")["sources"][0]["rejets"]
    assert [r["ligne"] for r in rejected] == [5], rejected
    # unchanged on the next run: said again from the lock file, with its line
    again = cli("aggregate", str(sources), "--out", str(tmp_path / "out"), "--lang", "en")
    assert again.exit_code == 1 and "line 5 left out" in " ".join(again.output.split()), again.output


def test_the_report_is_on_the_standard_output(tmp_path):
    from typer.testing import CliRunner

    from iaterr.cli.main import app

    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    sources = sources_file(tmp_path, [{"depot": "paris"}])
    result = CliRunner().invoke(app, ["aggregate", str(sources), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Bibliothèque écrite dans" in result.stdout, (result.stdout, result.stderr)
    assert "Bibliothèque écrite dans" not in result.stderr


@pytest.mark.parametrize("command", ["aggregate", "register"])
def test_the_output_folder_is_named_as_given_not_by_its_temporary_folder(cli, tmp_path, monkeypatch, command):
    from iaterr.base.files import is_temporary

    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    real_mkdir = Path.mkdir

    def refused(self, *args, **kwargs):
        if is_temporary(self.name):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    out = tmp_path / "sortie"
    if command == "aggregate":
        result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "paris"}])), "--out", str(out))
    else:
        result = cli("register", "build", "--repo", str(tmp_path / "paris"), "--out", str(out))
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert ".iaterr-tmp" not in said, said
    assert str(out) in said and "permission" in said.lower(), said


@pytest.mark.parametrize("args", [["restreint", "--help"], ["register", "--help"], ["--help"]])
def test_the_help_of_a_group_is_french(cli, args):
    result = cli(*args)
    assert result.exit_code == 0
    assert not re.search(r"\b(COMMAND|ARGS|Commands|Usage)\b", result.output), result.output
    assert "COMMANDE [ARGUMENTS]…" in result.output
    assert "Options :" in result.output and "Commandes :" in result.output, result.output
    english = cli(*args, lang="en")
    assert "COMMAND [ARGS]..." in english.output and "Options:" in english.output, english.output


def test_the_lock_file_has_no_empty_read_date_for_a_source_read_now(cli, tmp_path):
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    sources = sources_file(tmp_path, [{"depot": "paris"}])
    assert cli("aggregate", str(sources), "--out", str(tmp_path / "out")).exit_code == 0
    state = lock(tmp_path / "out")["sources"][0]
    assert state["lu_le"], state
    json.dumps(state)


def test_linked_copies_are_one_line_per_source(cli, tmp_path):
    """An older copy of a whole register (the Bibliothèque's) links every record: one line says so, with two
    examples, instead of one line per record (a second review found the report drowned in them)."""
    names = {f"projet-{n}": f"Projet numéro {n}" for n in range(4)}
    small_repo(tmp_path / "copie", "paris", {f"copie-{k}": record(f"copie-{k}", "paris", v) for k, v in names.items()})
    small_repo(tmp_path / "paris", "paris", {k: record(k, "paris", v) for k, v in names.items()}, default=True)
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "paris"}, {"depot": "copie"}])), "--out",
                 str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "copies liées" in line]
    assert len(lines) == 1, result.output
    assert "copie : 5 fiche(s) gardée(s) à part" in lines[0] and lines[0].rstrip().endswith("; …)."), lines


def _marker(links: list[str]) -> str:
    from iaterr.repo.restreint import marker_text

    return marker_text("un dépôt", links)


def test_a_store_linked_to_another_repository_is_not_read(cli, tmp_path):
    """docs/restreint.md: another repository's store is refused. The sources file named a store made for another
    collectivité under this source, and its restricted values went into this source's records (a fresh-eyes
    review): the marker's links are compared with the source."""
    store = _public_with_store(tmp_path, "paris", "nom_algorithme: PLANTE-AUTRE-DEPOT\n")
    (store / "iaterr-restreint.yaml").write_text(_marker([str(tmp_path / "lyon")]), encoding="utf-8")
    sources = sources_file(tmp_path, [{"depot": "paris", "restreint": str(store)}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    said = " ".join(result.output.split())
    assert "magasin restreint d'un autre dépôt" in said and "non lu" in said, said
    assert not [p for p in out.rglob("*.yaml") if "PLANTE" in p.read_text(encoding="utf-8")]
    assert (out / "data" / "cas-usage" / "paris-chatbot.yaml").is_file()
    # linked to this source (its real path, as `iaterr restreint separer` writes it): read
    (store / "iaterr-restreint.yaml").write_text(_marker([os.path.realpath(tmp_path / "paris")]), encoding="utf-8")
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    assert result.exit_code == 0, result.output
    assert "PLANTE-AUTRE-DEPOT" in (out / "data" / "cas-usage" / "paris-chatbot.yaml").read_text(encoding="utf-8")


def test_a_remote_source_is_named_as_its_store_marker_names_it(tmp_path):
    from iaterr.repo.restreint import source_identities

    assert source_identities("https://jeton@Forge.example/ville/registre-ia.git") == {"forge.example/ville/registre-ia"}
    assert source_identities("git@forge.example:ville/registre-ia.git") == {"forge.example/ville/registre-ia"}
    (tmp_path / "depot").mkdir()
    assert source_identities(str(tmp_path / "depot")) == {os.path.realpath(tmp_path / "depot")}


def test_every_mistake_of_the_registre_section_is_named_in_the_order_of_the_file(cli, tmp_path):
    said = _usage_error(cli, tmp_path, "registre:\n  url: pas-une-url\n  couleur: rouge\n  langues: [de]\n"
                                       "  logo: logo.svg\nsources:\n  - depot: a\n    couleur: bleu\n")
    places = [said.index(f"sources.yaml:{n}") for n in (2, 3, 4, 5, 8)]
    assert places == sorted(places), said
    assert "registre.url" in said and "registre.couleur" in said and "registre.langues" in said, said
    assert said.count("✗") == 5, said


def test_the_sources_file_s_mistakes_in_english_are_english(cli, tmp_path):
    english = _usage_error(cli, tmp_path, "sources:\n  - depot: a\n    couleur: bleu\n", "--lang", "en")
    assert "sources.yaml:3: sources[1].couleur: unknown key" in english, english
    broken = _usage_error(cli, tmp_path, "sources:\n  - depot: [\n", "--lang", "en")
    assert "Syntaxe" not in broken and "invalide" not in broken, broken


def test_a_rejected_record_of_a_repository_is_named_with_the_line_and_column_of_its_first_error(cli, tmp_path):
    bad = record("arbres", "paris", "Arbres").replace('date_debut: "2024"', 'date_debut: "2024-13"')
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot"), "arbres": bad})
    sources = sources_file(tmp_path, [{"depot": "paris"}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "data/cas-usage/arbres.yaml:6:13 laissée de côté : Date invalide" in result.output, result.output
    assert lock(out)["sources"][0]["rejets"][0]["ligne"] == 6
    again = cli("aggregate", str(sources), "--out", str(out))  # unchanged: said again from the lock file
    assert "data/cas-usage/arbres.yaml:6:13 laissée de côté" in again.output, again.output


def test_a_csv_address_with_credentials_is_asked_with_them_and_they_never_follow_a_redirection(cli, tmp_path):
    """``https://user:secret@host/x.csv``: urllib took ``user:secret@host`` for a host name and the run said the
    server's name did not exist (a fresh-eyes review). The credentials go as HTTP Basic to that server only."""
    import base64
    import functools
    import http.server
    import threading

    served = tmp_path / "servi"
    served.mkdir()
    assert cli("export", "--format", "csv", "-o", str(served / "registre.csv")).exit_code == 0
    seen: list[tuple[int, str, str | None]] = []

    def handler_on(port_of_other: list[int]):
        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                seen.append((self.server.server_address[1], self.path, self.headers.get("Authorization")))
                if self.path == "/ailleurs.csv":
                    self.send_response(302)
                    self.send_header("Location", f"http://127.0.0.1:{port_of_other[0]}/registre.csv")
                    self.end_headers()
                    return
                super().do_GET()

            def log_message(self, *args):
                pass
        return Handler

    other_port: list[int] = []
    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_on(other_port),
                                                                                    directory=str(served)))
               for _ in range(2)]
    other_port.append(servers[1].server_address[1])
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = servers[0].server_address[1]
        sources = sources_file(tmp_path, [{"csv": f"http://jean:mot%20de%20passe@127.0.0.1:{port}/registre.csv"},
                                          {"csv": f"http://jean:secret@127.0.0.1:{port}/ailleurs.csv"}])
        out = tmp_path / "out"
        result = cli("aggregate", str(sources), "--out", str(out), "--essais", "0")
        assert result.exit_code == 0, result.output
        expected = "Basic " + base64.b64encode(b"jean:mot de passe").decode()
        assert (port, "/registre.csv", expected) in seen, seen
        assert (servers[1].server_address[1], "/registre.csv", None) in seen, seen  # not sent to the other server
        assert "secret" not in result.output and "passe" not in result.output
        assert "secret" not in (out / "iaterr-sources.lock.json").read_text(encoding="utf-8")
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_branche_or_restreint_with_a_csv_is_said_to_go_with_depot_only(cli, tmp_path):
    said = _usage_error(cli, tmp_path, "sources:\n  - csv: a.csv\n    restreint: ../b\n  - csv: c.csv\n"
                                       "    branche: main\n")
    assert "sources.yaml:3 : sources[1].restreint : « restreint » ne va qu'avec « depot »" in said, said
    assert "sources.yaml:5 : sources[2].branche : « branche » ne va qu'avec « depot »" in said, said
    assert "clé inconnue" not in said


def test_counts_say_what_is_valid_now_and_lists_read_as_french(cli, tmp_path):
    arbres = record("arbres", "paris", "Arbres", extra="budget: moins_50k\n")
    repo = small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot"), "arbres": arbres})
    (repo / "iaterr.yaml").write_text('version_schema: "1.0"\npublic: true\n', encoding="utf-8")
    commit(repo)
    sources = sources_file(tmp_path, [{"depot": "paris"}])
    out = tmp_path / "out"
    first = cli("aggregate", str(sources), "--out", str(out))
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())
    assert "(« data/cas-usage/arbres.yaml ») :" in said and "autre(s)" not in said, said  # one file: no "et 0 autre(s)"
    (repo / "data" / "cas-usage" / "chatbot.yaml").write_text(
        record("chatbot", "paris", "Chatbot").replace("statut: en_production", "statut: envole"), encoding="utf-8")
    commit(repo)
    second = cli("aggregate", str(sources), "--out", str(out))
    assert second.exit_code == 1, second.output
    # 3 records kept (one of them its last valid state), 2 valid now
    assert "lue (commit" in second.output and "2 fiche(s) valide(s), 1 laissée(s) de côté" in second.output, \
        second.output


def test_a_use_case_waiting_for_its_collectivite_is_not_lost_by_a_re_run(cli, tmp_path):
    """A use case whose collectivité is in no source is left out (reported, exit 1). The next run found its source
    unchanged, took it back from the lock, which does not hold it: the use case was gone, exit 0, and stayed gone
    when a source describing its collectivité was added (only --complet brought it back; a fresh-eyes review)."""
    repo = small_repo(tmp_path / "lyon", "lyon", {"chatbot": record("chatbot", "lyon", "Chatbot de Lyon"),
                                                  "velos": record("velos", "villeurbanne", "Vélos")})
    del repo
    sources = sources_file(tmp_path, [{"depot": "lyon"}])
    out = tmp_path / "out"
    for _run in range(2):
        result = cli("aggregate", str(sources), "--out", str(out))
        assert result.exit_code == 1, result.output
        said = " ".join(result.output.split())
        assert "velos.yaml laissée de côté : sa collectivité « villeurbanne »" in said, said
        assert ": lue (commit" in said and "2 fiche(s) valide(s)" in said, said  # the one left out not counted
    small_repo(tmp_path / "villeurbanne", "villeurbanne", {})
    sources = sources_file(tmp_path, [{"depot": "lyon"}, {"depot": "villeurbanne"}])
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "data" / "cas-usage" / "velos.yaml").is_file(), result.output
    fresh = cli("aggregate", str(sources), "--out", str(tmp_path / "frais"))
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == \
        sorted(p.name for p in (tmp_path / "frais" / "data" / "cas-usage").iterdir()), fresh.output


@pytest.mark.parametrize("marker", ['iaterr-restreint: 1\ndepot: "Registre de Lyon"\n',
                                    'iaterr-restreint: 2\ndepot: "x"\nlie-a: []\n', "iaterr-restreint: 3\n"])
def test_a_store_whose_marker_names_no_repository_is_not_read(cli, tmp_path, marker):
    """A marker of an earlier version (or an empty ``lie-a``) names no repository: it cannot be checked to be this
    source's store, and another collectivité's values went into its records (a second fresh-eyes review)."""
    store = _public_with_store(tmp_path, "paris", "nom_algorithme: PLANTE-SANS-LIEN\n")
    (store / "iaterr-restreint.yaml").write_text(marker, encoding="utf-8")
    sources = sources_file(tmp_path, [{"depot": "paris", "restreint": str(store)}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "ne le lie à aucun dépôt" in said and "iaterr restreint lier" in said, said
    assert not [p for p in out.rglob("*.yaml") if "PLANTE" in p.read_text(encoding="utf-8")]
    assert lock(out)["sources"][0]["restreint_erreur"]["cle"] == "agregation.restreint.sans-lien"


def test_more_mistakes_of_the_sources_file_are_each_named(cli, tmp_path):
    """A second fresh-eyes review: a csv entry with both branche and restreint had only the first said; a key given
    twice (the second block of sources silently won) was not said; « sources: 3 » had no line."""
    said = _usage_error(cli, tmp_path, "sources:\n  - csv: a.csv\n    branche: main\n    restreint: ../b\n")
    assert "sources.yaml:3" in said and "sources.yaml:4" in said and said.count("ne va qu'avec") == 2, said
    twice = _usage_error(cli, tmp_path, "sources:\n  - depot: a\nnom: Réseau\nsources:\n  - depot: b\n")
    assert "sources.yaml:4" in twice and "sources" in twice, twice
    assert "sources.yaml:2" in _usage_error(cli, tmp_path, "nom: Réseau\nsources: 3\n")
    empty = _usage_error(cli, tmp_path, 'sources:\n  - depot: a\n    restreint: ""\n')
    assert "sources.yaml:3" in empty and "la valeur est vide" in empty and "guillemets" not in empty, empty


def test_a_csv_refused_by_its_server_says_how_to_give_credentials(cli, tmp_path):
    from tests.test_aggregate import answering

    with answering(401) as port:
        url = f"http://127.0.0.1:{port}/prive.csv"
        result = cli("aggregate", str(sources_file(tmp_path, [{"csv": url}])), "--out", str(tmp_path / "out"),
                     "--essais", "0")
        said = " ".join(result.output.split())
        assert result.exit_code == 1 and "répondu 401 : accès refusé" in said and "identifiant:mot-de-passe@" in said


def test_validate_says_one_collectivite_in_the_singular(cli, tmp_path):
    """« 1 collectivités » in validate's summary (seen on an aggregate of one source)."""
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    said = cli("validate", "--repo", str(tmp_path / "paris")).output
    assert "1 cas d'usage, 1 collectivité, 2 fichiers vérifiés" in said, said
    english = cli("validate", "--repo", str(tmp_path / "paris"), "--lang", "en").output
    assert "1 use case, 1 authority, 2 files checked" in english, english


def test_a_members_only_library_is_its_owner_s_alone(cli, tmp_path):
    import stat

    store = _public_with_store(tmp_path, "paris", "nom_algorithme: PLANTE-PERMISSIONS\n")
    sources = sources_file(tmp_path, [{"depot": "paris", "restreint": str(store)}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out), "--membres").exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0, oct(out.stat().st_mode)
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0  # public again: readable by all
    assert stat.S_IMODE(out.stat().st_mode) & 0o005 == 0o005, oct(out.stat().st_mode)


def test_a_csv_row_whose_collectivite_is_in_no_source_is_named_by_its_line(cli, tmp_path):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(cli("export", "--format", "csv").stdout)))
    coll = rows[0].index("collectivite")
    rows[2][coll] = "commune-inconnue"
    for name in rows[0]:
        if name.startswith("collectivite_"):
            rows[2][rows[0].index(name)] = ""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("aggregate", str(sources_file(tmp_path, [{"csv": "export.csv"}])), "--out", str(tmp_path / "out"))
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "ligne 3 laissée de côté : sa collectivité « commune-inconnue »" in said, said


@pytest.mark.parametrize("value", ["4", "true"])
def test_a_store_address_is_a_text(cli, tmp_path, value):
    said = _usage_error(cli, tmp_path, f"sources:\n  - depot: a\n    restreint: {value}\n")
    assert "sources.yaml:3" in said and "pas un nombre ni un booléen" in said, said


def test_a_store_given_as_a_link_is_said_to_be_named_in_the_sources_file(cli, tmp_path):
    store = _public_with_store(tmp_path, "paris", "nom_algorithme: PLANTE-LIEN\n")
    (tmp_path / "lien").symlink_to(store)
    sources = sources_file(tmp_path, [{"depot": "paris", "restreint": "lien"}])
    result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"), "--membres")
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "lien symbolique" in said and "fichier de sources" in said, said
    assert "iaterr.yaml" not in said and "IATERR_RESTREINT" not in said, said


def test_a_refused_ssh_connection_is_said_by_ssh_s_own_line():
    """Over SSH, git's « fatal: Could not read from remote repository » follows every failure; ssh's line before
    it says which (a refused connection, an unknown host)."""
    from iaterr.aggregate.fetch import _last_line, git_error_key

    said = _last_line(b"ssh: connect to host 127.0.0.1 port 1: Connection refused\r\n"
                      b"fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access "
                      b"rights\nand the repository exists.\n")
    assert said == "ssh: connect to host 127.0.0.1 port 1: Connection refused"
    assert git_error_key(_last_line(b"ssh: Could not resolve hostname forge.invalid: Name or service not known\r\n"
                                    b"fatal: Could not read from remote repository.\n").lower()) == \
        "agregation.erreur.hote"
