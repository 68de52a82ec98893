"""The whole path of a collectivité: init, new --commit, validate, git log."""

from __future__ import annotations

import subprocess

import git


def test_init_then_new_commit_then_validate(cli, tmp_path, monkeypatch):
    """A civil servant whose git knows who they are: init commits the register, new --commit the record, and
    nothing is left untracked."""
    for key, value in (("GIT_AUTHOR_NAME", "Agent de Testville"), ("GIT_AUTHOR_EMAIL", "agent@testville.fr"),
                       ("GIT_COMMITTER_NAME", "Agent de Testville"), ("GIT_COMMITTER_EMAIL", "agent@testville.fr")):
        monkeypatch.setenv(key, value)
    target = tmp_path / "registre"
    result = cli("init", str(target), "--nom", "Ville de Testville", "--type", "commune",
                 "--siret", "24310063300391", "--contact", "contact@testville.fr")
    assert result.exit_code == 0, result.output
    repo = git.Repo(target)
    assert not repo.is_dirty(untracked_files=True) and len(list(repo.iter_commits())) == 1

    result = cli("new", "--repo", str(target), "--defaults", "--commit",
                 "--set", "nom=Détection des fuites d'eau",
                 "--set", "statut=en_experimentation",
                 "--set", "description=Analyse des débits de nuit pour cibler la recherche de fuites.",
                 "--set", "theme=Transition écologique et énergétique",
                 "--set", "sous_themes=gestion_eau",
                 "--set", "decisions_individuelles=false")
    assert result.exit_code == 0, result.output

    validated = cli("validate", "--repo", str(target), "--strict")
    assert validated.exit_code == 0, validated.output

    log = subprocess.run(["git", "log", "--format=%s"], cwd=target, capture_output=True, text=True).stdout
    assert log.splitlines()[0] == "Ajoute le cas d'usage « Détection des fuites d'eau » (Ville de Testville)"
    assert "data/cas-usage/detection-des-fuites-d-eau.yaml" in repo.git.show("--name-only", "--format=", "HEAD")
    assert not repo.is_dirty(untracked_files=True)
    record = (target / "data/cas-usage/detection-des-fuites-d-eau.yaml").read_text(encoding="utf-8")
    assert "collectivite: ville-de-testville" in record
