"""``iaterr aggregate``: what a network's data officer found by using it (review of #16), each reproduced here.

No test needs the network: every repository is made here with git.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from tests.test_aggregate import by_address, commit, git, record, small_repo, sources_file

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to make source repositories")


def _not_iaterr(folder, *, init: bool = True):
    folder.mkdir()
    (folder / "README.md").write_text("rien\n", encoding="utf-8")
    if init:
        git(folder, "init", "-q")
        commit(folder, "init")
    return folder


@pytest.mark.parametrize("kind", ["depot-git", "dossier", "config-invalide"])
def test_a_source_that_failed_on_its_first_read_keeps_failing_while_it_is_broken(cli, tmp_path, kind):
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    if kind == "config-invalide":
        small_repo(tmp_path / "casse", "nice", {"bon": record("bon", "nice", "Bon")})
        (tmp_path / "casse" / "iaterr.yaml").write_text("version_schema: [\n", encoding="utf-8")
        commit(tmp_path / "casse")
    else:
        _not_iaterr(tmp_path / "casse", init=kind == "depot-git")
    sources = sources_file(tmp_path, [{"depot": "paris"}, {"depot": "casse"}])
    out = tmp_path / "out"
    for run in range(3):
        args = ["aggregate", str(sources), "--out", str(out)] + (["--complet"] if run == 2 else [])
        result = cli(*args)
        assert result.exit_code == 1, (run, result.output)
        assert "Aucune fiche n'en a encore été lue" in result.output, (run, result.output)
        assert "inchangée" not in result.output.split("casse")[1].split("\n")[0], (run, result.output)
        assert "périmé" not in result.output, (run, result.output)
        state = by_address(out)["casse"]
        assert state["etat"] == "echec" and state["erreur"]["cle"].startswith("agregation.erreur."), state
        assert state["lu_le"] is None, state
        assert state["fiches"] == []
        assert by_address(out)["paris"]["etat"] == ("lu" if run in (0, 2) else "inchange")


@pytest.mark.parametrize("foreign", [".git", "site", "LISEZMOI.md", "data/cas-usage/ajout-a-la-main.yaml",
                                     ".agregation/copies-liees/note.txt"])
def test_the_output_folder_is_never_replaced_over_files_aggregate_did_not_write(cli, tmp_path, foreign):
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    sources = sources_file(tmp_path, [{"depot": "paris"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    if foreign == ".git":
        git(out, "init", "-q")
        commit(out, "bibliothèque")
    elif foreign == "site":
        result = cli("register", "build", "--repo", str(out))  # its default --out: the repository's site/
        assert (out / "site" / "index.html").is_file(), result.output
    else:
        (out / foreign).parent.mkdir(parents=True, exist_ok=True)
        (out / foreign).write_text("à garder\n", encoding="utf-8")
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    (tmp_path / "paris" / "data" / "cas-usage" / "chatbot.yaml").write_text(
        record("chatbot", "paris", "Chatbot de Paris", "2025-06"), encoding="utf-8")
    commit(tmp_path / "paris")
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "n'a pas écrits" in result.output and foreign.split("/")[-1] in result.output, result.output
    assert "Traceback" not in result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert "2025-06" not in (out / "data" / "cas-usage" / "chatbot.yaml").read_text(encoding="utf-8")
    english = cli("aggregate", str(sources), "--out", str(out), "--lang", "en")
    assert english.exit_code == 2 and "did not write" in english.output, english.output


def test_a_sources_list_emptied_or_shrunk_by_most_of_the_library_is_refused_without_the_option(cli, tmp_path):
    small_repo(tmp_path / "paris", "paris", {f"projet-{n}": record(f"projet-{n}", "paris", f"Projet {n}")
                                             for n in range(3)})
    small_repo(tmp_path / "lyon", "lyon", {"chatbot": record("chatbot", "lyon", "Assistant de Lyon")})
    out = tmp_path / "out"
    assert cli("aggregate", str(sources_file(tmp_path, [{"depot": "paris"}, {"depot": "lyon"}])), "--out",
               str(out)).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    empty = tmp_path / "vide.yaml"
    empty.write_text("nom: Biblio\nsources: []\n", encoding="utf-8")
    for sources in (empty, sources_file(tmp_path, [{"depot": "lyon"}])):  # 6 of 6, then 4 of 6 records would go
        result = cli("aggregate", str(sources), "--out", str(out))
        assert result.exit_code == 2, result.output
        assert "--autoriser-retrait" in result.output and "paris" in result.output, result.output
        assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    english = cli("aggregate", str(empty), "--out", str(out), "--lang", "en")
    assert english.exit_code == 2 and "--autoriser-retrait" in english.output and "would remove" in english.output
    # a smaller part goes without the option
    small = cli("aggregate", str(sources_file(tmp_path, [{"depot": "paris"}])), "--out", str(out))
    assert small.exit_code == 0, small.output
    assert "lyon n'est plus dans le fichier de sources" in small.output
    # with the option, the removal is done and reported
    result = cli("aggregate", str(empty), "--out", str(out), "--autoriser-retrait")
    assert result.exit_code == 0, result.output
    assert "paris n'est plus dans le fichier de sources : ses 4 fiche(s)" in result.output
    assert list((out / "data" / "cas-usage").iterdir()) == []


def test_a_published_record_that_becomes_invalid_keeps_its_last_valid_state_marked_stale(cli, tmp_path):
    lyon = small_repo(tmp_path / "lyon", "lyon", {"arbres": record("arbres", "lyon", "Arbres"),
                                                  "chatbot": record("chatbot", "lyon", "Assistant de Lyon")})
    first = git(lyon, "rev-parse", "HEAD")
    sources = sources_file(tmp_path, [{"depot": "lyon"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    published = (out / "data" / "cas-usage" / "arbres.yaml").read_bytes()
    path = lyon / "data" / "cas-usage" / "arbres.yaml"
    path.write_text(record("arbres", "lyon", "Arbres").replace("statut: en_production", "statut: nimporte"),
                    encoding="utf-8")
    (lyon / "data" / "cas-usage" / "chatbot.yaml").write_text(
        record("chatbot", "lyon", "Assistant de Lyon", "2025-06"), encoding="utf-8")
    second = commit(lyon)
    for run in range(2):  # read, then unchanged: the same outcome
        result = cli("aggregate", str(sources), "--out", str(out))
        assert result.exit_code == 1, result.output
        assert "data/cas-usage/arbres.yaml" in result.output and "périmée" in result.output, result.output
        assert (out / "data" / "cas-usage" / "arbres.yaml").read_bytes() == published
        assert f"commit {first}" in published.decode("utf-8").splitlines()[0]
        chatbot = (out / "data" / "cas-usage" / "chatbot.yaml").read_text(encoding="utf-8")
        assert "2025-06" in chatbot and f"commit {second}" in chatbot.splitlines()[0]
        fiches = {f["source"]: f for f in by_address(out)["lyon"]["fiches"]}
        assert fiches["data/cas-usage/arbres.yaml"].get("perime") is True
        assert "perime" not in fiches["data/cas-usage/chatbot.yaml"]
        assert by_address(out)["lyon"]["rejets"][0]["fichier"] == "data/cas-usage/arbres.yaml"
        assert by_address(out)["lyon"]["etat"] == ("lu" if run == 0 else "inchange")
        assert cli("validate", "--repo", str(out)).exit_code == 0
    english = cli("aggregate", str(sources), "--out", str(out), "--complet", "--lang", "en")
    assert english.exit_code == 1 and "marked stale" in english.output, english.output
    path.write_text(record("arbres", "lyon", "Arbres", "2025-07"), encoding="utf-8")
    commit(lyon)
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "2025-07" in (out / "data" / "cas-usage" / "arbres.yaml").read_text(encoding="utf-8")
    assert all("perime" not in f for f in by_address(out)["lyon"]["fiches"])


def test_an_identifier_stays_with_the_record_that_had_it(cli, tmp_path):
    paris = small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    small_repo(tmp_path / "lyon", "lyon", {"chatbot": record("chatbot", "lyon", "Assistant de Lyon")})
    sources = sources_file(tmp_path, [{"depot": "paris"}, {"depot": "lyon"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    page = out / "data" / "cas-usage" / "paris-chatbot.yaml"
    assert "nom: Chatbot de Paris\n" in page.read_text(encoding="utf-8")
    # Paris then writes a record of its own under the identifier the library gave to its chatbot
    (paris / "data" / "cas-usage" / "paris-chatbot.yaml").write_text(
        record("paris-chatbot", "paris", "Autre robot de Paris"), encoding="utf-8")
    commit(paris)
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "nom: Chatbot de Paris\n" in page.read_text(encoding="utf-8")
    other = out / "data" / "cas-usage" / "paris-chatbot-2.yaml"
    assert "nom: Autre robot de Paris\n" in other.read_text(encoding="utf-8")
    assert "identifiant: paris-chatbot-2\n" in other.read_text(encoding="utf-8")
    assert "« paris-chatbot » déjà donné" in result.output and "« paris-chatbot-2 »" in result.output, result.output
    assert cli("validate", "--repo", str(out)).exit_code == 0
    # the same when everything is read again, and when the clash that gave the name is gone
    assert cli("aggregate", str(sources), "--out", str(out), "--complet").exit_code == 0
    assert "nom: Chatbot de Paris\n" in page.read_text(encoding="utf-8")
    sources_file(tmp_path, [{"depot": "paris"}])
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert "nom: Chatbot de Paris\n" in page.read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == ["paris-chatbot-2.yaml",
                                                                              "paris-chatbot.yaml"]


def _ci_steps(text: str) -> dict[str, list[str]]:
    """The shell steps of the two CI recipes of docs/bibliotheque.md (GitLab ``script:`` items, GitHub ``run:``)."""
    import re

    gitlab = text.split("```yaml\nbibliotheque:\n", 1)[1].split("```", 1)[0]
    github = text.split("```yaml\non:\n", 1)[1].split("```", 1)[0]
    script = gitlab.split("  script:\n", 1)[1].split("  artifacts:", 1)[0]
    return {"gitlab": [re.sub(r"\s+#.*$", "", line.strip()[2:]) for line in script.splitlines()
                       if line.strip().startswith("- ")],
            "github": [line.strip()[len("- run: "):] for line in github.splitlines()
                       if line.strip().startswith("- run: ")]}


@pytest.mark.parametrize("forge", ["gitlab", "github"])
def test_the_ci_recipes_of_the_docs_publish_a_library_whose_site_has_findings(tmp_path, forge):
    """The documented nightly job, step by step, on a library with a source in failure and pages that miss a way
    to make a request (register build exits 1): every step passes and the site is written."""
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    steps = [s for s in _ci_steps((root / "docs" / "bibliotheque.md").read_text(encoding="utf-8"))[forge]
             if not s.startswith("pip install")]
    assert any("register build" in s for s in steps) and any("aggregate" in s for s in steps)
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    (tmp_path / "sources.yaml").write_text("sources:\n  - depot: paris\n  - depot: absent\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    codes = []
    for step in steps:
        alone = subprocess.run(["bash", "-c", step.split(" || ")[0]], cwd=tmp_path, env=env, capture_output=True,
                               text=True)
        codes.append(alone.returncode)
        done = subprocess.run(["bash", "-e", "-c", step], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    assert 1 in codes  # the recipe was tried on findings, not on a perfect library
    build = next(i for i, s in enumerate(steps) if "register build" in s)
    assert codes[build] == 1
    assert (tmp_path / "public" / "index.html").is_file()


def test_a_local_source_of_the_wrong_kind_says_which_key_to_use(cli, tmp_path):
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    assert cli("export", "--repo", str(tmp_path / "paris"), "--format", "csv", "-o",
               str(tmp_path / "registre.csv")).exit_code == 0
    sources = sources_file(tmp_path, [{"depot": "registre.csv"}, {"csv": "paris"}])
    result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "introuvable" not in result.output, result.output
    assert "« csv: » au lieu de « depot: »" in result.output and "« depot: » au lieu de « csv: »" in result.output
    english = cli("aggregate", str(sources), "--out", str(tmp_path / "out"), "--lang", "en")
    assert "“csv:” instead of “depot:”" in english.output and "“depot:” instead of “csv:”" in english.output
    states = {k: (v["etat"], v["erreur"]["cle"]) for k, v in by_address(tmp_path / "out").items()}
    assert states == {"registre.csv": ("echec", "agregation.erreur.fichier-pas-depot"),
                      "paris": ("echec", "agregation.erreur.dossier-pas-csv")}


def test_the_sources_file_sets_the_librarys_registre_section(cli, tmp_path):
    from iaterr.repo.config import load_config

    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "nom: Bibliothèque du réseau\n"
        "registre:\n"
        "  url: https://biblio.example.org/\n"
        "  editeur: Réseau d'exemple\n"
        "  adresse: 1 place de la Mairie, 29000 Quimper\n"
        "  directeur_publication: Camille Martin, présidente\n"
        "  hebergeur: Hébergeur SAS, 2 rue du Port, 59100 Roubaix\n"
        "  langues: [fr, en]\n"
        "sources:\n  - depot: paris\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    config = load_config(out)
    assert config.nom == "Bibliothèque du réseau"
    assert config.registre.url == "https://biblio.example.org/"
    assert config.registre.directeur_publication == "Camille Martin, présidente"
    assert config.registre.hebergeur == "Hébergeur SAS, 2 rue du Port, 59100 Roubaix"
    assert config.registre.langues == ["fr", "en"]
    build = cli("register", "build", "--repo", str(out), "--out", str(tmp_path / "site"))
    assert "Mentions légales incomplètes" not in build.output, build.output
    legal = (tmp_path / "site" / "mentions-legales.html").read_text(encoding="utf-8")
    assert "Camille Martin, présidente" in legal and "Hébergeur SAS" in legal
    # a change of the section alone is taken at the next run (the sources did not change)
    sources.write_text(sources.read_text(encoding="utf-8").replace("Camille Martin", "Dominique Durand"),
                       encoding="utf-8")
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert load_config(out).registre.directeur_publication == "Dominique Durand, présidente"


@pytest.mark.parametrize("text, expected", [
    ("registre:\n  couleur: rouge\nsources: []\n", "registre.couleur"),
    ("registre:\n  inconnue: x\nsources: []\n", "registre.inconnue"),
    ("registre: [url]\nsources: []\n", "registre"),
    ("registre:\n  logo: logo.svg\nsources: []\n", "registre.logo"),
    ("source:\n  - depot: paris\n", "« source » (attendues : nom, registre, sources)"),
])
def test_an_unusable_registre_section_or_top_level_key_is_a_usage_error(cli, tmp_path, text, expected):
    sources = tmp_path / "sources.yaml"
    sources.write_text(text, encoding="utf-8")
    result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_record_whose_collectivite_is_described_by_another_source_is_kept(cli, tmp_path):
    small_repo(tmp_path / "lyon", "lyon", {"chatbot": record("chatbot", "lyon", "Assistant de Lyon")})
    reseau = tmp_path / "reseau"
    (reseau / "data" / "cas-usage").mkdir(parents=True)
    (reseau / "iaterr.yaml").write_text('version_schema: "1.0"\n', encoding="utf-8")
    (reseau / "data" / "cas-usage" / "lyon-arbres.yaml").write_text(record("lyon-arbres", "lyon", "Arbres"),
                                                                    encoding="utf-8")
    git(reseau, "init", "-q")
    commit(reseau)
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "reseau"}, {"depot": "lyon"}])), "--out",
                 str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "data" / "cas-usage").iterdir()) == ["chatbot.yaml", "lyon-arbres.yaml"]
    assert by_address(out)["reseau"]["rejets"] == []
    assert cli("validate", "--repo", str(out)).exit_code == 0
    # with the collectivité in no source, it is left out and reported
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "reseau"}])), "--out", str(tmp_path / "seul"))
    assert result.exit_code == 1, result.output
    assert "data/cas-usage/lyon-arbres.yaml laissée de côté : sa collectivité « lyon » n'est dans aucune source" \
        in result.output


def test_a_file_of_the_library_edited_by_hand_is_written_again_from_its_source(cli, tmp_path):
    small_repo(tmp_path / "paris", "paris", {"chatbot": record("chatbot", "paris", "Chatbot de Paris")})
    small_repo(tmp_path / "lyon", "lyon", {"arbres": record("arbres", "lyon", "Arbres")})
    sources = sources_file(tmp_path, [{"depot": "paris"}, {"depot": "lyon"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    page = out / "data" / "cas-usage" / "chatbot.yaml"
    written = page.read_bytes()
    with page.open("a", encoding="utf-8") as fh:
        fh.write("contact: injecte@example.org\n")  # a restricted field, added by hand
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == written
    assert by_address(out)["paris"]["etat"] == "lu" and by_address(out)["lyon"]["etat"] == "inchange"
    assert all(len(f["empreinte_ecrite"]) == 64 for s in by_address(out).values() for f in s["fiches"])


def test_messages_name_each_source_by_its_branch_and_a_linked_copy_by_the_source_kept(cli, tmp_path):
    lyon = small_repo(tmp_path / "lyon", "lyon", {"chatbot": record("chatbot", "lyon", "Assistant de Lyon")})
    git(lyon, "branch", "publication")
    small_repo(tmp_path / "copie", "lyon", {"arbres": record("arbres", "lyon", "Arbres")})
    sources = sources_file(tmp_path, [{"depot": "lyon", "branche": "main"}, {"depot": "lyon", "branche": "absente"},
                                      {"depot": "copie", "nom": "Copie ancienne"}])
    result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "lyon [absente] : branche introuvable" in result.output, result.output
    assert "✓ lyon [main] : lue" in result.output, result.output
    # the copy of the collectivité lyon kept aside says which source the kept one comes from
    # (one line per source, however many copies it holds: a second review found one line per copy noisy)
    said = " ".join(result.output.split())
    assert "Copie ancienne (copie) : 1 fiche(s) gardée(s) à part, comme copies liées" in said, said
    assert "(data/collectivites/lyon.yaml = data/collectivites/lyon.yaml de lyon [main])" in said, said


def test_failures_are_told_in_french_with_their_place_and_the_tool_s_own_words_as_detail(cli, tmp_path):
    from iaterr.aggregate.fetch import git_error_key

    assert git_error_key("fatal: unable to access 'https://forge.invalid/x.git/': could not resolve host: "
                         "forge.invalid") == "agregation.erreur.hote"
    assert git_error_key("fatal: authentication failed for 'https://forge.example/x.git/'") == \
        "agregation.erreur.acces"
    assert git_error_key("fatal: early eof") == "agregation.erreur.git"
    small_repo(tmp_path / "casse", "nice", {"bon": record("bon", "nice", "Bon")})
    (tmp_path / "casse" / "iaterr.yaml").write_text('version_schema: "1.0"\nregistre: [url\n', encoding="utf-8")
    commit(tmp_path / "casse")
    small_repo(tmp_path / "cle", "nice", {"bon": record("bon", "nice", "Bon")})
    (tmp_path / "cle" / "iaterr.yaml").write_text('version_schema: "1.0"\nregistre:\n  couleur: rouge\n',
                                                  encoding="utf-8")
    commit(tmp_path / "cle")
    sources = sources_file(tmp_path, [{"depot": (tmp_path / "absent").as_uri()}, {"depot": "casse"},
                                      {"depot": "cle"}])
    result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("✗")]
    assert len(lines) == 3, result.output
    assert "dépôt introuvable à cette adresse ou accès refusé" in lines[0] and "(message de git : " in lines[0]
    assert "son iaterr.yaml est invalide (iaterr.yaml:3:1) : Syntaxe YAML invalide" in lines[1], lines[1]
    assert "son iaterr.yaml est invalide (iaterr.yaml) : registre.couleur : une couleur #rrggbb attendue" \
        in lines[2], lines[2]
    assert all(".. " not in line and ". Aucune fiche" in line for line in lines), lines
    english = cli("aggregate", str(sources), "--out", str(tmp_path / "out"), "--lang", "en")
    assert "registre.couleur: a #rrggbb colour expected" in english.output, english.output


def test_a_source_with_records_left_out_is_not_shown_as_all_good(cli, tmp_path):
    small_repo(tmp_path / "nice", "nice", {
        "bon": record("bon", "nice", "Bon"),
        "mauvais": record("mauvais", "nice", "Mauvais").replace("statut: en_production", "statut: envole")})
    sources = sources_file(tmp_path, [{"depot": "nice"}])
    for expected in ("⚠ nice : lue (commit ", "⚠ nice : inchangée (commit "):
        result = cli("aggregate", str(sources), "--out", str(tmp_path / "out"))
        assert result.exit_code == 1
        line = next(li for li in result.output.splitlines() if li.startswith(expected[:6]))
        assert line.startswith(expected) and "2 fiche(s) valide(s), 1 laissée(s) de côté" in line, result.output
        assert "✓" not in result.output


def test_a_record_that_becomes_invalid_keeps_its_last_valid_state_when_another_library_file_was_edited(
        cli, tmp_path):
    """Found by a fresh-eyes review: a hand edit of another record's file in the library (rewritten from its
    source at the next run) took away the last valid state of every record of that source, so a newer record
    that became invalid was silently replaced by an older copy from another source. Each record's last valid
    state is judged on its own."""
    recente = small_repo(tmp_path / "recente", "paris", {
        "chatbot": record("chatbot", "paris", "Chatbot", "2025-03"),
        "arbres": record("arbres", "paris", "Arbres")})
    small_repo(tmp_path / "ancienne", "paris", {"chatbot": record("chatbot", "paris", "Chatbot", "2023-01")})
    sources = sources_file(tmp_path, [{"depot": "recente"}, {"depot": "ancienne"}])
    out = tmp_path / "out"
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    published = (out / "data" / "cas-usage" / "chatbot.yaml").read_bytes()
    assert "recente" in published.decode("utf-8").splitlines()[0]
    edited = out / "data" / "cas-usage" / "arbres.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# retouche à la main\n", encoding="utf-8")
    (recente / "data" / "cas-usage" / "chatbot.yaml").write_text(
        record("chatbot", "paris", "Chatbot", "2025-03").replace("statut: en_production", "statut: nimporte"),
        encoding="utf-8")
    commit(recente)
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "périmée" in result.output, result.output
    assert (out / "data" / "cas-usage" / "chatbot.yaml").read_bytes() == published
    assert "retouche" not in edited.read_text(encoding="utf-8")  # the hand edit is still undone
    fiches = {f["source"]: f for f in by_address(out)["recente"]["fiches"]}
    assert fiches["data/cas-usage/chatbot.yaml"].get("perime") is True


def test_a_library_is_told_to_complete_its_legal_notice_in_the_sources_file(cli, tmp_path):
    """The library's iaterr.yaml is rewritten by every aggregation: the register's hint names the sources file's
    registre: section, not iaterr.yaml (a fresh-eyes review followed the old hint and lost the edit)."""
    small_repo(tmp_path / "lyon", "lyon", {"arbres": record("arbres", "lyon", "Arbres")})
    out = tmp_path / "out"
    assert cli("aggregate", str(sources_file(tmp_path, [{"depot": "lyon"}])), "--out", str(out)).exit_code == 0
    built = cli("register", "build", "--repo", str(out), "--out", str(tmp_path / "site"))
    assert "section registre: du fichier de sources d'iaterr aggregate" in built.output, built.output
    assert "section registre d'iaterr.yaml" not in built.output
    own = cli("register", "build", "--repo", str(tmp_path / "lyon"), "--out", str(tmp_path / "site-lyon"))
    assert "section registre d'iaterr.yaml" in own.output, own.output
