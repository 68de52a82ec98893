"""``iaterr aggregate``: what a network's data officer found by using it (review of #16), each reproduced here.

No test needs the network: every repository is made here with git.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.test_aggregate import by_address, collectivite, commit, git, record, small_repo, sources_file

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
