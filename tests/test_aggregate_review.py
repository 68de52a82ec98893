"""``iaterr aggregate``: what a network's data officer found by using it (review of #16), each reproduced here.

No test needs the network: every repository is made here with git.
"""

from __future__ import annotations

import shutil

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
