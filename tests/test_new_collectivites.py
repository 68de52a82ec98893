"""`iaterr new` and the repository's collectivités: one that exists but is not valid is still offered and
accepted (its file is there: the use case that names it is valid), and is said to be invalid, with its
file; never said to be missing."""

from __future__ import annotations

import sys
from pathlib import Path

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

import iaterr.cli.recording as new_module
from iaterr.cli import questionnaire
from iaterr.repo.yamlio import read_document

sys.path.insert(0, str(Path(__file__).parent))
from lint_fixtures import COLLECTIVITE, make_repo  # noqa: E402
from test_new import Driver, _select  # noqa: E402

ANSWERS = ["--set", "nom=Comptage des vélos", "--set", "statut=en_reflexion",
           "--set", "description=Compter les vélos aux carrefours.", "--set", "theme=mobilites"]


def _repo(root: Path, **change: str) -> Path:
    """A repository whose one collectivité, ville-de-test, is not valid (its web site is no address)."""
    coll = {**COLLECTIVITE, "identifiant": "ville-de-test", "nom": "Ville de Test",
            "site_web": "pas une adresse", **change}
    return make_repo(root, [], collectivite=coll)


def _written(root: Path) -> dict:
    path = root / "data/cas-usage/comptage-des-velos.yaml"
    return read_document(path.read_bytes(), path.name).data


def _said_invalid_not_missing(output: str) -> None:
    assert "introuvable" not in output and "Créez le fichier" not in output, output
    assert "aucune collectivité" not in output.lower(), output
    assert "data/collectivites/ville-de-test.yaml" in output and "pas valide" in output, output


def test_an_invalid_collectivite_named_with_set_is_accepted(cli, tmp_path):
    root = _repo(tmp_path / "depot")
    result = cli("new", "--repo", str(root), "--no-input", "--set", "collectivite=ville-de-test", *ANSWERS)
    output = result.stdout + result.stderr
    assert result.exit_code == 0, output
    assert _written(root)["collectivite"] == "ville-de-test"
    _said_invalid_not_missing(output)


def test_the_only_collectivite_is_the_default_even_when_invalid(cli, tmp_path):
    root = _repo(tmp_path / "depot")
    result = cli("new", "--repo", str(root), "--no-input", "--defaults", *ANSWERS)
    output = result.stdout + result.stderr
    assert result.exit_code == 0, output
    assert _written(root)["collectivite"] == "ville-de-test"
    _said_invalid_not_missing(output)


def test_a_collectivite_that_cannot_be_read_is_not_missing_either(cli, tmp_path):
    root = _repo(tmp_path / "depot")
    (root / "data/collectivites/ville-de-test.yaml").write_text("nom: [pas fermé\n", encoding="utf-8")
    result = cli("new", "--repo", str(root), "--no-input", "--set", "collectivite=ville-de-test", *ANSWERS)
    output = result.stdout + result.stderr
    assert result.exit_code == 0, output
    _said_invalid_not_missing(output)


def test_a_missing_collectivite_is_still_missing(cli, tmp_path):
    root = _repo(tmp_path / "depot")
    result = cli("new", "--repo", str(root), "--no-input", "--set", "collectivite=ville-absente", *ANSWERS)
    assert result.exit_code == 1
    assert "ville-absente" in result.stderr and "introuvable" in result.stderr
    assert not (root / "data/cas-usage/comptage-des-velos.yaml").exists()


def test_the_questionnaire_offers_an_invalid_collectivite(cli, tmp_path, monkeypatch):
    root = _repo(tmp_path / "depot")
    driver = Driver({
        "Collectivité": _select(0),
        "Nom du projet": "Comptage des vélos\r",
        "Statut": _select(0),
        "Description du service": "Compter les vélos aux carrefours.\r",
        "Thème principal": "\r",
        "Décisions individuelles": _select(1),  # Non
        "Interagit avec le public": _select(1),  # Non
        "Enregistrer cette fiche": "\r",
    })
    with create_pipe_input() as pipe:
        driver.pipe = pipe
        monkeypatch.setattr(new_module, "interactive", lambda: True)
        monkeypatch.setattr(questionnaire, "PROMPT_IO", {"input": pipe, "output": DummyOutput(),
                                                         "before_prompt": driver})
        result = cli("new", "--repo", str(root))
    output = result.stdout + result.stderr
    assert result.exit_code == 0, output
    assert _written(root)["collectivite"] == "ville-de-test"
    _said_invalid_not_missing(output)
