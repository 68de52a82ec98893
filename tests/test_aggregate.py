"""``iaterr aggregate``: one library from many sources (local git repositories, CSV files, a local HTTP server).

No test needs the network: every repository is made here with git, every CSV is written here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from iaterr.aggregate.run import LOCK_FILE

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to make source repositories")

GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=Test", "-c", "init.defaultBranch=main"]


def git(folder: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True, text=True).stdout.strip()


def commit(folder: Path, message: str = "maj") -> str:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)
    return git(folder, "rev-parse", "HEAD")


def make_repo(folder: Path, cases: list[str], collectivites: list[str], *, init: bool = True) -> Path:
    """A data repository holding copies of this project's own records ``cases`` and ``collectivites``."""
    (folder / "data" / "cas-usage").mkdir(parents=True)
    (folder / "data" / "collectivites").mkdir(parents=True)
    shutil.copy(ROOT / "iaterr.yaml", folder / "iaterr.yaml")
    for name in cases:
        shutil.copy(ROOT / "data" / "cas-usage" / f"{name}.yaml", folder / "data" / "cas-usage")
    for name in collectivites:
        shutil.copy(ROOT / "data" / "collectivites" / f"{name}.yaml", folder / "data" / "collectivites")
    if init:
        git(folder, "init", "-q")
        commit(folder, "init")
    return folder


def record(ident: str, collectivite: str, nom: str, date: str = "2025-01", extra: str = "") -> str:
    return (f'version_schema: "1.0"\nidentifiant: {ident}\ncollectivite: {collectivite}\nnom: {nom}\n'
            f'statut: en_production\ndate_debut: "2024"\ndate_mise_a_jour: "{date}"\n'
            "description: Un agent conversationnel répond aux questions des habitants sur les démarches "
            "administratives courantes, à toute heure.\ntheme: citoyennete_sante_solidarite\n" + extra)


def collectivite(ident: str, nom: str) -> str:
    return f'version_schema: "1.0"\nidentifiant: {ident}\nnom: {nom}\ntype: commune\n'


def small_repo(folder: Path, coll: str, cases: dict[str, str], *, default: bool = False) -> Path:
    """A repository of one collectivité ``coll`` with the records ``cases`` (identifier → text)."""
    (folder / "data" / "cas-usage").mkdir(parents=True)
    (folder / "data" / "collectivites").mkdir(parents=True)
    config = 'version_schema: "1.0"\n' + (f"collectivite_defaut: {coll}\n" if default else "")
    (folder / "iaterr.yaml").write_text(config, encoding="utf-8")
    (folder / "data" / "collectivites" / f"{coll}.yaml").write_text(
        collectivite(coll, coll.replace("-", " ").title()), encoding="utf-8")
    for ident, text in cases.items():
        (folder / "data" / "cas-usage" / f"{ident}.yaml").write_text(text, encoding="utf-8")
    git(folder, "init", "-q")
    commit(folder, "init")
    return folder


def sources_file(folder: Path, entries: list[dict[str, str]], nom: str | None = None) -> Path:
    lines = ([f"nom: {nom}"] if nom else []) + ["sources:"]
    for entry in entries:
        first = True
        for key, value in entry.items():
            lines.append(f"  {'- ' if first else '  '}{key}: {json.dumps(value)}")
            first = False
    path = folder / "sources.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def lock(out: Path) -> dict:
    return json.loads((out / LOCK_FILE).read_text(encoding="utf-8"))


def by_address(out: Path) -> dict[str, dict]:
    return {s["adresse"]: s for s in lock(out)["sources"]}


@pytest.fixture
def two_repos(tmp_path):
    a = make_repo(tmp_path / "bordeaux", ["bordeaux-metropole-stacoptim", "bordeaux-metropole-calque-plantabilite"],
                  ["bordeaux-metropole"])
    b = make_repo(tmp_path / "lyon", ["metropole-de-lyon-ia-rbre", "metropole-de-lyon-immersion-ia"],
                  ["metropole-de-lyon"])
    return a, b


# ---------------------------------------------------------------- step 1: a working data repository


def test_repositories_and_a_csv_make_one_repository_every_command_works_on(cli, tmp_path, two_repos):
    a, b = two_repos
    export = cli("export", "--repo", str(ROOT), "--format", "csv", "-o", str(tmp_path / "tout.csv"))
    assert export.exit_code == 0, export.output
    sources = sources_file(tmp_path, [{"depot": "bordeaux", "branche": "main"}, {"depot": str(b)},
                                      {"csv": "tout.csv"}], nom="Bibliothèque d'essai")
    out = tmp_path / "bibliotheque"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Bibliothèque écrite dans" in result.output
    names = sorted(p.name for p in (out / "data" / "cas-usage").iterdir())
    own = sorted(p.name for p in (ROOT / "data" / "cas-usage").iterdir())
    assert names == own  # every project once: the repositories' records and the CSV's others
    assert "Bibliothèque d'essai" in (out / "iaterr.yaml").read_text(encoding="utf-8")
    for args in (["validate"], ["lint"], ["export", "--format", "json", "-o", str(tmp_path / "e.json")],
                 ["register", "build", "-o", str(tmp_path / "site")]):
        done = cli(*args, "--repo", str(out))
        assert done.exit_code in (0, 1), done.output
        assert "Traceback" not in done.output and "erreur interne" not in done.output
    assert cli("validate", "--repo", str(out)).exit_code == 0
    exported = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert len(exported["cas_usage"]) == len(own)
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_record_of_a_repository_is_kept_byte_for_byte_under_its_provenance_line(cli, tmp_path, two_repos):
    a, _b = two_repos
    head = git(a, "rev-parse", "HEAD")
    out = tmp_path / "out"
    assert cli("aggregate", str(sources_file(tmp_path, [{"depot": "bordeaux"}])), "--out", str(out)).exit_code == 0
    source = (a / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").read_bytes()
    written = (out / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").read_bytes()
    first, rest = written.split(b"\n", 1)
    assert rest == source
    assert first.decode() == (f"# Source (iaterr aggregate) : bordeaux (commit {head}), "
                              "data/cas-usage/bordeaux-metropole-stacoptim.yaml")


# ---------------------------------------------------------------- step 2: provenance, clashes, the same project twice


def test_the_lock_file_says_what_was_read_when_and_the_outcome(cli, tmp_path, two_repos):
    a, b = two_repos
    csv = tmp_path / "un.csv"
    assert cli("export", "--repo", str(b), "--format", "csv", "-o", str(csv)).exit_code == 0
    out = tmp_path / "out"
    cli("aggregate", str(sources_file(tmp_path, [{"depot": "bordeaux"}, {"csv": "un.csv"}])), "--out", str(out))
    sources = by_address(out)
    depot = sources["bordeaux"]
    assert depot["etat"] == "lu" and depot["version"] == {"commit": git(a, "rev-parse", "HEAD")}
    assert depot["lu_le"] and depot["verifie_le"] and depot["type"] == "depot"
    assert {f["fichier"] for f in depot["fiches"]} == {
        "data/cas-usage/bordeaux-metropole-stacoptim.yaml",
        "data/cas-usage/bordeaux-metropole-calque-plantabilite.yaml", "data/collectivites/bordeaux-metropole.yaml"}
    fichier = sources["un.csv"]
    assert fichier["type"] == "csv" and fichier["version"]["empreinte"] == hashlib.sha256(csv.read_bytes()).hexdigest()
    assert all(f["source"] and f["empreinte"] for f in fichier["fiches"])


def test_an_identifier_two_collectivites_use_is_namespaced_by_each_and_reported(cli, tmp_path):
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    small_repo(tmp_path / "lyon", "lyon", {"chatbot": record("chatbot", "lyon", "Assistant de Lyon")})
    sources = sources_file(tmp_path, [{"depot": "paris"}, {"depot": "lyon"}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (out / "data" / "cas-usage").iterdir())
    assert names == ["lyon-chatbot.yaml", "paris-chatbot.yaml"]
    assert "identifiant: lyon-chatbot\n" in (out / "data" / "cas-usage" / "lyon-chatbot.yaml").read_text("utf-8")
    assert "« chatbot »" in result.output and "« lyon-chatbot »" in result.output
    assert cli("validate", "--repo", str(out)).exit_code == 0
    first = {p.name: p.read_bytes() for p in (out / "data" / "cas-usage").iterdir()}
    # the same inputs give the same names, whatever the order of the sources file
    sources_file(tmp_path, [{"depot": "lyon"}, {"depot": "paris"}])
    assert cli("aggregate", str(sources), "--out", str(out), "--complet").exit_code == 0
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == sorted(first)


def test_the_same_project_in_its_collectivites_repository_and_an_older_copy_is_linked_not_duplicated(cli, tmp_path):
    small_repo(tmp_path / "copie", "paris", {"chatbot-paris": record("chatbot-paris", "paris", "Chatbot", "2025-01")})
    own = small_repo(tmp_path / "paris", "paris", {
        "paris-chatbot": record("paris-chatbot", "paris", "Chatbot", "2024-06")}, default=True)
    # the copy comes first and is newer: the collectivité's own record is kept all the same
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "copie"}, {"depot": "paris"}])), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == ["paris-chatbot.yaml"]
    copy = by_address(out)["copie"]["fiches"]
    linked = [f for f in copy if f["type"] == "cas_usage"]
    assert linked[0]["lien"] == "data/cas-usage/paris-chatbot.yaml"
    assert (out / linked[0]["fichier"]).is_file() and not linked[0]["fichier"].startswith("data/")
    assert "même projet" in result.output
    del own


def test_between_two_copies_the_most_recently_updated_is_kept(cli, tmp_path):
    small_repo(tmp_path / "ancienne", "paris", {"chatbot": record("chatbot", "paris", "Chatbot", "2023-01")})
    small_repo(tmp_path / "recente", "paris", {"chatbot": record("chatbot", "paris", "Chatbot", "2025-03")})
    # neither is the collectivité's own (both hold the one collectivité: both claim it; the date decides)
    out = tmp_path / "out"
    cli("aggregate", str(sources_file(tmp_path, [{"depot": "ancienne"}, {"depot": "recente"}])), "--out", str(out))
    text = (out / "data" / "cas-usage" / "chatbot.yaml").read_text(encoding="utf-8")
    assert "2025-03" in text and "recente" in text.splitlines()[0]


# ---------------------------------------------------------------- step 3: robustness


def test_failing_sources_are_reported_and_never_stop_the_others(cli, tmp_path, two_repos):
    a, _b = two_repos
    (tmp_path / "pas-iaterr").mkdir()
    (tmp_path / "pas-iaterr" / "README.md").write_text("rien\n", encoding="utf-8")
    git(tmp_path / "pas-iaterr", "init", "-q")
    commit(tmp_path / "pas-iaterr")
    bad = small_repo(tmp_path / "invalide", "nice", {
        "bon": record("bon", "nice", "Bon"),
        "mauvais": record("mauvais", "nice", "Mauvais").replace("statut: en_production", "statut: envole")})
    sources = sources_file(tmp_path, [{"depot": "absent"}, {"depot": "pas-iaterr"}, {"depot": "invalide"},
                                      {"depot": "bordeaux", "branche": "inexistante"}, {"depot": "lyon"}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "introuvable" in result.output
    assert "pas un dépôt iaterr" in result.output
    assert "branche introuvable" in result.output
    assert "data/cas-usage/mauvais.yaml:5:9 laissée de côté" in result.output, result.output
    names = sorted(p.name for p in (out / "data" / "cas-usage").iterdir())
    assert names == ["bon.yaml", "metropole-de-lyon-ia-rbre.yaml", "metropole-de-lyon-immersion-ia.yaml"]
    states = {k: v["etat"] for k, v in by_address(out).items()}
    assert states == {"absent": "echec", "pas-iaterr": "echec", "invalide": "lu", "bordeaux": "echec", "lyon": "lu"}
    assert by_address(out)["invalide"]["rejets"][0]["codes"] == ["valeur-hors-vocabulaire"] or \
        by_address(out)["invalide"]["rejets"][0]["fichier"] == "data/cas-usage/mauvais.yaml"
    assert cli("validate", "--repo", str(out)).exit_code == 0
    del a, bad


def test_a_source_that_fails_keeps_its_last_good_state_marked_stale_until_it_recovers(cli, tmp_path, two_repos):
    a, _b = two_repos
    sources = sources_file(tmp_path, [{"depot": "bordeaux"}, {"depot": "lyon"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    before = by_address(out)["bordeaux"]
    hidden = tmp_path / "ailleurs"
    a.rename(hidden)
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 1
    assert "périmé" in result.output
    stale = by_address(out)["bordeaux"]
    assert stale["etat"] == "perime" and stale["version"] == before["version"] and stale["lu_le"] == before["lu_le"]
    assert stale["erreur"]["cle"] == "agregation.erreur.introuvable"
    assert (out / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").is_file()
    assert cli("validate", "--repo", str(out)).exit_code == 0
    hidden.rename(a)
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert by_address(out)["bordeaux"]["etat"] == "inchange"


def test_a_source_that_stops_being_an_iaterr_repository_stays_stale(cli, tmp_path, two_repos):
    a, _b = two_repos
    sources = sources_file(tmp_path, [{"depot": "bordeaux"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    (a / "iaterr.yaml").unlink()
    commit(a)
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 1
    state = by_address(out)["bordeaux"]
    assert state["etat"] == "perime" and state["erreur"]["cle"] == "agregation.erreur.pas-iaterr"
    assert len(list((out / "data" / "cas-usage").iterdir())) == 2


def test_links_in_a_source_are_never_followed(cli, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text(record("secret", "paris", "SECRET-HORS-DEPOT"), encoding="utf-8")
    repo = small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot")})
    os.symlink(secret, repo / "data" / "cas-usage" / "lien.yaml")
    commit(repo)
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "paris"}])), "--out", str(out))
    assert result.exit_code == 1
    assert "lien.yaml laissée de côté" in result.output
    assert not any("SECRET-HORS-DEPOT" in p.read_text("utf-8") for p in out.rglob("*") if p.is_file())


def test_the_public_aggregate_holds_no_restricted_value(cli, tmp_path):
    text = record("chatbot", "paris", "Chatbot", extra="nom_algorithme: VALEUR-RESTREINTE-42\n"
                                                       "hebergement: interne\ncontact: VALEUR-RESTREINTE-43@ville.fr\n")
    small_repo(tmp_path / "paris", "paris", {"chatbot": text})
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "paris"}])), "--out", str(out))
    assert result.exit_code == 0, result.output
    for path in out.rglob("*"):
        if path.is_file():
            assert "VALEUR-RESTREINTE" not in path.read_text(encoding="utf-8"), path
    written = (out / "data" / "cas-usage" / "chatbot.yaml").read_text(encoding="utf-8")
    assert "nom: Chatbot" in written
    assert cli("validate", "--repo", str(out)).exit_code == 0


# ---------------------------------------------------------------- step 4: incremental


def test_a_rerun_reads_again_only_what_changed(cli, tmp_path, two_repos, monkeypatch):
    a, b = two_repos
    csv = tmp_path / "un.csv"
    assert cli("export", "--repo", str(ROOT), "--format", "csv", "-o", str(csv)).exit_code == 0
    sources = sources_file(tmp_path, [{"depot": "bordeaux"}, {"depot": "lyon"}, {"csv": "un.csv"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    first = by_address(out)
    from iaterr.aggregate import fetch as fetching

    clones: list[str] = []
    real = fetching.clone

    def counted(source, folder, timeout):
        clones.append(source.location)
        return real(source, folder, timeout)

    monkeypatch.setattr(fetching, "clone", counted)
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0
    assert clones == []
    assert {k: v["etat"] for k, v in by_address(out).items()} == {k: "inchange" for k in first}
    assert by_address(out)["bordeaux"]["lu_le"] == first["bordeaux"]["lu_le"]
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == sorted(
        p.name for p in (ROOT / "data" / "cas-usage").iterdir())
    # one repository changes: only it is fetched again
    path = b / "data" / "cas-usage" / "metropole-de-lyon-ia-rbre.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nom: IA rbre", "nom: IA rbre (v2)"), encoding="utf-8")
    head = commit(b)
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert clones == ["lyon"]
    states = by_address(out)
    assert states["lyon"]["etat"] == "lu" and states["lyon"]["version"]["commit"] == head
    assert states["bordeaux"]["etat"] == "inchange" and states["un.csv"]["etat"] == "inchange"
    assert "IA rbre (v2)" in (out / "data" / "cas-usage" / "metropole-de-lyon-ia-rbre.yaml").read_text("utf-8")
    del a


def test_a_csv_over_http_is_asked_with_its_validators(cli, tmp_path):
    import functools
    import http.server
    import threading

    served = tmp_path / "servi"
    served.mkdir()
    assert cli("export", "--repo", str(ROOT), "--format", "csv", "-o", str(served / "registre.csv")).exit_code == 0
    requests: list[tuple[str, str | None]] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            requests.append((self.path, self.headers.get("If-Modified-Since")))
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/registre.csv"
        sources = sources_file(tmp_path, [{"csv": url}, {"csv": url.replace("registre", "absent")}])
        out = tmp_path / "out"
        result = cli("aggregate", str(sources), "--out", str(out), "--essais", "0")
        assert result.exit_code == 1
        assert "le serveur a répondu 404" in result.output
        assert len(list((out / "data" / "cas-usage").iterdir())) == len(list((ROOT / "data" / "cas-usage").iterdir()))
        assert by_address(out)[url]["version"]["last_modified"]
        requests.clear()
        assert cli("aggregate", str(sources), "--out", str(out), "--essais", "0").exit_code == 1
        asked = [since for path, since in requests if path == "/registre.csv"]
        assert asked and asked[0] is not None  # a conditional request: answered 304, nothing read again
        assert by_address(out)[url]["etat"] == "inchange"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- usage errors and the output folder


@pytest.mark.parametrize(("text", "expected"), [
    ("sources: 3\n", "une clé « sources » suivie d'une liste"),
    ("sources:\n  - depot: 'ext::sh -c touch% /tmp/x'\n", "n'est pas accepté"),
    ("sources:\n  - depot: '--upload-pack=touch /tmp/x'\n", "qui ne commence pas par un tiret"),
    ("sources:\n  - depot: a\n    csv: b\n", "soit « depot »"),
    ("sources:\n  - depot: a\n    branche: '-x'\n", "un nom de branche est attendu"),
    ("sources:\n  - depot: a\n  - depot: a\n", "déjà l'entrée n° 1"),
    ("sources:\n  - depot: a\n    couleur: bleu\n", "clé inconnue « couleur »"),
    ("sources: [\n", "illisible"),
])
def test_an_unusable_sources_file_is_a_usage_error(cli, tmp_path, text, expected):
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("aggregate", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_iaterr_did_not_write_is_never_replaced(cli, tmp_path, two_repos):
    out = tmp_path / "out"
    out.mkdir()
    (out / "important.txt").write_text("à garder\n", encoding="utf-8")
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "bordeaux"}])), "--out", str(out))
    assert result.exit_code == 2
    assert "ne vient pas d'iaterr aggregate" in result.output
    assert (out / "important.txt").read_text(encoding="utf-8") == "à garder\n"


def test_the_aggregate_is_replaced_whole_or_not_at_all(cli, tmp_path, two_repos, monkeypatch):
    sources = sources_file(tmp_path, [{"depot": "bordeaux"}, {"depot": "lyon"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    from iaterr.aggregate import run

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device", str(out / "data"))

    monkeypatch.setattr(run, "_lock", broken)
    result = cli("aggregate", str(sources), "--out", str(out), "--complet")
    assert result.exit_code == 2
    assert "plus de place sur le disque" in result.output
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".iaterr-tmp-")] == []


def test_messages_in_english(cli, tmp_path, two_repos):
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "bordeaux"}, {"depot": "absent"}])), "--out",
                 str(out), "--lang", "en")
    assert result.exit_code == 1
    assert "not found" in result.output and "Library written in" in result.output


# ---------------------------------------------------------------- reading one source: retries, time limits, CSV cells


class _Flaky:
    """A local HTTP server answering 503 ``failures`` times, then the file; or sleeping ``delay`` seconds."""

    def __init__(self, body: bytes, failures: int = 0, delay: float = 0.0) -> None:
        import http.server
        import threading

        self.calls = 0
        flaky = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                flaky.calls += 1
                if flaky.calls <= failures:
                    self.send_response(503)
                    self.end_headers()
                    return
                if delay:
                    import time

                    time.sleep(delay)
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/registre.csv"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _csv_bytes(cli, tmp_path) -> bytes:
    path = tmp_path / "registre.csv"
    assert cli("export", "--repo", str(ROOT), "--format", "csv", "-o", str(path)).exit_code == 0
    return path.read_bytes()


def test_a_source_failing_for_a_while_is_tried_again(cli, tmp_path):
    from iaterr.aggregate.fetch import Limits, fetch
    from iaterr.aggregate.sources import Source

    server = _Flaky(_csv_bytes(cli, tmp_path), failures=2)
    try:
        source = Source("csv", server.url, server.url)
        got = fetch(source, None, tmp_path / "travail", Limits(timeout=10, retries=2, delay=0.01))
        assert got.attempts == 3 and got.root is not None
        assert (got.root / "data" / "cas-usage").is_dir()
        server.calls = 0
        from iaterr.aggregate.fetch import FetchError

        with pytest.raises(FetchError) as caught:
            fetch(source, None, tmp_path / "travail", Limits(timeout=10, retries=1, delay=0.01))
        assert caught.value.key == "agregation.erreur.http" and caught.value.params["essais"] == 2
    finally:
        server.close()


def test_a_source_that_does_not_answer_in_time_is_given_up(cli, tmp_path):
    from iaterr.aggregate.fetch import FetchError, Limits, fetch
    from iaterr.aggregate.sources import Source

    server = _Flaky(_csv_bytes(cli, tmp_path), delay=3)
    try:
        source = Source("csv", server.url, server.url)
        with pytest.raises(FetchError) as caught:
            fetch(source, None, tmp_path / "travail", Limits(timeout=0.5, retries=0, delay=0.01))
        assert caught.value.key == "agregation.erreur.reseau" and caught.value.retry
    finally:
        server.close()


def test_an_unreachable_git_server_is_reported_with_its_tries(cli, tmp_path, two_repos):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sources = sources_file(tmp_path, [{"depot": f"http://jeton-secret@127.0.0.1:{port}/depot.git"},
                                      {"depot": "bordeaux"}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out), "--essais", "0")
    assert result.exit_code == 1
    assert "git a échoué" in result.output
    assert "jeton-secret" not in result.output and "jeton-secret" not in (out / LOCK_FILE).read_text("utf-8")
    assert (out / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").is_file()


def test_a_record_through_an_open_data_csv_comes_back_with_the_same_public_values(cli, tmp_path):
    text = record("chatbot", "paris", "=SOMME(A1) un nom qui ressemble à une formule",
                  extra="partenaires:\n  - -Tiret\n  - '@Arobase'\n  - Normal ; =B2\n")
    repo = small_repo(tmp_path / "paris", "paris", {"chatbot": text})
    exported = tmp_path / "registre.csv"
    assert cli("export", "--repo", str(repo), "--format", "csv", "-o", str(exported)).exit_code == 0
    assert "'=SOMME" in exported.read_text(encoding="utf-8")  # made inert for spreadsheets
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"csv": "registre.csv"}])), "--out", str(out))
    assert result.exit_code == 0, result.output
    for args in ((repo, "source.json"), (out, "agregat.json")):
        assert cli("export", "--repo", str(args[0]), "--format", "json", "-o", str(tmp_path / args[1])).exit_code == 0
    before = json.loads((tmp_path / "source.json").read_text(encoding="utf-8"))["cas_usage"]
    after = json.loads((tmp_path / "agregat.json").read_text(encoding="utf-8"))["cas_usage"]
    assert after == before


def test_progress_is_reported_by_phase(tmp_path, two_repos):
    from iaterr.aggregate.run import aggregate
    from iaterr.aggregate.sources import read_sources

    seen: list[tuple[str, int, int]] = []
    sources = sources_file(tmp_path, [{"depot": "bordeaux"}, {"depot": "lyon"}])
    aggregate(read_sources(sources), tmp_path / "out", progress=lambda *a: seen.append(a))
    assert {p for p, _d, _t in seen} == {"sources", "fiches", "ecriture"}
    assert ("sources", 2, 2) in seen and ("fiches", 2, 2) in seen


def test_a_remote_is_asked_for_its_head_with_ls_remote(cli, tmp_path, two_repos, monkeypatch):
    a, _b = two_repos
    url = a.as_uri()  # file://…: a remote as git sees one
    sources = sources_file(tmp_path, [{"depot": url, "branche": "main"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    from iaterr.aggregate import fetch as fetching

    asked: list[list[str]] = []
    real = fetching._git

    def spy(args, timeout, cwd=None):
        asked.append(args)
        return real(args, timeout, cwd)

    monkeypatch.setattr(fetching, "_git", spy)
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert [args[0] for args in asked] == ["ls-remote"] and by_address(out)[url]["etat"] == "inchange"
    (a / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").unlink()
    head = commit(a)
    asked.clear()
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert [args[0] for args in asked] == ["ls-remote", "clone"]
    assert by_address(out)[url]["version"] == {"commit": head}
    assert not (out / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").exists()


def test_the_head_of_a_local_repository_is_read_as_git_reads_it(tmp_path, two_repos):
    from iaterr.aggregate.fetch import local_head

    a, _b = two_repos
    git(a, "branch", "autre")
    head = git(a, "rev-parse", "HEAD")
    assert local_head(a, None) == head and local_head(a, "autre") == head
    git(a, "pack-refs", "--all")
    assert local_head(a, "main") == head and local_head(a, "absente") is None
    bare = tmp_path / "nu.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(a), str(bare)], check=True)
    assert local_head(bare, "main") == head
    os.symlink(a / ".git", tmp_path / "lien")
    (tmp_path / "vers-lien").mkdir()
    os.symlink(a / ".git", tmp_path / "vers-lien" / ".git")
    assert local_head(tmp_path / "vers-lien", None) is None  # a link is never followed: git is asked instead


def test_a_plain_folder_is_read_where_it_is_and_again_only_when_it_changed(cli, tmp_path):
    folder = tmp_path / "dossier"
    make_repo(folder, ["metz-vipare"], ["metz"], init=False)
    sources = sources_file(tmp_path, [{"depot": "dossier"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert by_address(out)["dossier"]["etat"] == "lu"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert by_address(out)["dossier"]["etat"] == "inchange"
    path = folder / "data" / "cas-usage" / "metz-vipare.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nom: ", "nom: Nouveau ", 1), encoding="utf-8")
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert by_address(out)["dossier"]["etat"] == "lu"
    assert "nom: Nouveau " in (out / "data" / "cas-usage" / "metz-vipare.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.rglob("*")) == sorted(["data", "cas-usage", "collectivites", "iaterr.yaml",
                                                                "metz-vipare.yaml", "metz.yaml"])


def test_an_aggregate_of_aggregates_keeps_the_chain_of_provenance(cli, tmp_path, two_repos):
    first = tmp_path / "departement"
    assert cli("aggregate", str(sources_file(tmp_path, [{"depot": "bordeaux"}])), "--out", str(first)).exit_code == 0
    git(first, "init", "-q")
    commit(first)
    (tmp_path / "region").mkdir()
    sources = sources_file(tmp_path / "region", [{"depot": str(first)}])
    out = tmp_path / "region" / "out"
    for _run in range(2):  # the second run takes the records back from the first: the chain stays as it was
        assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
        lines = (out / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").read_text("utf-8").splitlines()
        assert lines[0].startswith(f"# Source (iaterr aggregate) : {first} (commit ")
        assert lines[1].startswith("# Source (iaterr aggregate) : bordeaux (commit ")
        assert not lines[2].startswith("# Source")


def test_with_many_sources_only_the_failing_ones_are_named(cli, tmp_path):
    from iaterr.cli.aggregate import LISTED

    entries = []
    for index in range(LISTED + 1):
        name = f"ville-{index}"
        small_repo(tmp_path / name, name, {f"{name}-chatbot": record(f"{name}-chatbot", name, f"Chatbot {index}")})
        entries.append({"depot": name})
    entries.append({"depot": "absente"})
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, entries)), "--out", str(out))
    assert result.exit_code == 1
    assert "✗ absente : introuvable" in result.output
    assert "ville-3 : lue" not in result.output
    assert f"{LISTED + 1} cas d'usage" in result.output
    assert f"{LISTED + 2} source(s) ({LISTED + 1} lue(s)" in result.output


def answering(status: int, headers: dict[str, str] | None = None):
    """A local HTTP server answering every GET with ``status`` and ``headers`` (no body): its port, while in use."""
    import contextlib
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()

        def log_message(self, *args):
            pass

    @contextlib.contextmanager
    def serving():
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield server.server_address[1]
        finally:
            server.shutdown()
            server.server_close()

    return serving()


def test_a_csv_redirected_elsewhere_than_http_is_refused(tmp_path):
    from iaterr.aggregate.fetch import FetchError, Limits, fetch
    from iaterr.aggregate.sources import Source

    with answering(302, {"Location": "ftp://127.0.0.1/registre.csv"}) as port:
        url = f"http://127.0.0.1:{port}/registre.csv"
        with pytest.raises(FetchError) as caught:
            fetch(Source("csv", url, url), None, tmp_path / "travail", Limits(timeout=5, retries=0, delay=0))
        assert caught.value.key == "agregation.erreur.http"


SHARED_EXPORT = ROOT.parent / "shared" / "data" / "bibliotheque-ia-export-2025-04-16.csv"


@pytest.mark.skipif(not SHARED_EXPORT.is_file(), reason=f"the Bibliothèque's real export is not there: {SHARED_EXPORT}")
def test_the_bibliotheques_own_export_is_sent_to_iaterr_import(cli, tmp_path, two_repos):
    sources = sources_file(tmp_path, [{"csv": str(SHARED_EXPORT)}, {"depot": "bordeaux"}])
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 1
    assert "ce n'est pas un CSV du schéma d'iaterr" in result.output
    assert "iaterr import bibliotheque" in result.output
    assert (out / "data" / "cas-usage" / "bordeaux-metropole-stacoptim.yaml").is_file()


def test_a_members_only_aggregate_keeps_restricted_fields_and_switching_back_leaves_none(cli, tmp_path):
    text = record("chatbot", "paris", "Chatbot", extra="nom_algorithme: VALEUR-RESTREINTE-44\n")
    small_repo(tmp_path / "paris", "paris", {"chatbot": text})
    sources = sources_file(tmp_path, [{"depot": "paris"}])
    out = tmp_path / "out"

    def holding() -> list[str]:
        return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                      if p.is_file() and "VALEUR-RESTREINTE" in p.read_text(encoding="utf-8"))

    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert holding() == []
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    assert result.exit_code == 0, result.output
    assert "réservé aux membres" in result.output
    assert holding() == ["data/cas-usage/chatbot.yaml"]
    assert "RÉSERVÉ AUX MEMBRES" in (out / "iaterr.yaml").read_text(encoding="utf-8")
    assert lock(out)["public"] is False and by_address(out)["paris"]["etat"] == "lu"
    assert cli("validate", "--repo", str(out)).exit_code == 0
    exported = tmp_path / "export.csv"
    assert cli("export", "--repo", str(out), "--format", "csv", "-o", str(exported)).exit_code == 0
    assert "VALEUR-RESTREINTE" not in exported.read_text(encoding="utf-8")  # its exports stay public
    # back to a public aggregate: the members-only files are never reused
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert holding() == [] and lock(out)["public"] is True
    assert by_address(out)["paris"]["etat"] == "lu"


def test_a_tampered_lock_file_is_never_trusted_to_name_files(cli, tmp_path, two_repos):
    sources = sources_file(tmp_path, [{"depot": "bordeaux"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    data = lock(out)
    for entry in data["sources"][0]["fiches"]:
        entry["identifiant"] = "../../../evade"
    (out / LOCK_FILE).write_text(json.dumps(data), encoding="utf-8")
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    shutil.rmtree(out / "data" / "collectivites")
    os.symlink(outside, out / "data" / "collectivites")
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert by_address(out)["bordeaux"]["etat"] == "lu"  # read again, not taken from the tampered aggregate
    assert not (tmp_path / "evade.yaml").exists() and list(outside.iterdir()) == []
    assert not (out / "data" / "collectivites").is_symlink()
    assert cli("validate", "--repo", str(out)).exit_code == 0


def test_a_source_taken_out_of_the_sources_file_takes_its_records_with_it(cli, tmp_path, two_repos):
    out = tmp_path / "out"
    assert cli("aggregate", str(sources_file(tmp_path, [{"depot": "bordeaux"}, {"depot": "lyon"}])), "--out",
               str(out)).exit_code == 0
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "lyon"}])), "--out", str(out))
    assert result.exit_code == 0
    assert "bordeaux n'est plus dans le fichier de sources : ses 3 fiche(s)" in result.output
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == [
        "metropole-de-lyon-ia-rbre.yaml", "metropole-de-lyon-immersion-ia.yaml"]
    assert list(by_address(out)) == ["lyon"]


def _luhn(digits13: str) -> str:
    for last in "0123456789":
        number = digits13 + last
        total = 0
        for index, char in enumerate(reversed(number)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return number
    raise AssertionError


def test_one_collectivite_under_two_identifiers_is_one_by_its_siret(cli, tmp_path):
    siret = _luhn("2133006350001")
    copy = small_repo(tmp_path / "copie", "bordeaux", {
        "bordeaux-stacoptim": record("bordeaux-stacoptim", "bordeaux", "Stacoptim", "2024-01"),
        "bordeaux-autre": record("bordeaux-autre", "bordeaux", "Un autre projet", "2024-01")})
    own = small_repo(tmp_path / "propre", "bordeaux-metropole", {
        "bordeaux-metropole-stacoptim": record("bordeaux-metropole-stacoptim", "bordeaux-metropole", "Stacoptim",
                                               "2023-01")}, default=True)
    for folder, ident in ((copy, "bordeaux"), (own, "bordeaux-metropole")):
        path = folder / "data" / "collectivites" / f"{ident}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f'siret: "{siret}"\n', encoding="utf-8")
        commit(folder)
    sources = sources_file(tmp_path, [{"depot": "copie"}, {"depot": "propre"}])
    out = tmp_path / "out"
    for _run in range(2):  # the second run takes everything back from the first: the same library
        result = cli("aggregate", str(sources), "--out", str(out))
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in (out / "data" / "collectivites").iterdir()) == ["bordeaux-metropole.yaml"]
        assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == [
            "bordeaux-autre.yaml", "bordeaux-metropole-stacoptim.yaml"]
        moved = (out / "data" / "cas-usage" / "bordeaux-autre.yaml").read_text(encoding="utf-8")
        assert "\ncollectivite: bordeaux-metropole\n" in moved
        validated = cli("validate", "--repo", str(out))
        assert validated.exit_code == 0 and "siret-duplique" not in validated.output
    fiches = {f["identifiant"]: f for f in by_address(out)["copie"]["fiches"]}
    assert fiches["bordeaux"]["lien"] == "data/collectivites/bordeaux-metropole.yaml"
    assert fiches["bordeaux-stacoptim"]["lien"] == "data/cas-usage/bordeaux-metropole-stacoptim.yaml"
    assert fiches["bordeaux-autre"]["collectivite"] == "bordeaux"
    assert fiches["bordeaux-autre"]["collectivite_ecrite"] == "bordeaux-metropole"
