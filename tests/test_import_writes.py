"""`iaterr import bibliotheque` when the disk refuses: a record folder that is a file, a write that fails
for one record. The import says which record it could not write and why, reports what it did write,
and exits with 2; never an internal error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from iaterr.base.files import contained

EXPORT = Path(__file__).parent / "fixtures" / "bibliotheque" / "bibliotheque-ia-export-2025-04-16.csv"


@pytest.fixture
def empty_repo(tmp_path, cli) -> Path:
    dest = tmp_path / "vide"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def _folder_is_a_file(repo: Path, folder: str) -> None:
    path = repo / "data" / folder
    shutil.rmtree(path)
    path.write_text("pas un dossier\n", encoding="utf-8")


# ---------------------------------------------------------------- a component that is a file


def test_contained_a_file_on_the_way_means_the_rest_does_not_exist(tmp_path):
    (tmp_path / "fichier").write_text("x", encoding="utf-8")
    path = tmp_path / "fichier" / "dessous" / "fiche.yaml"
    assert contained(tmp_path, path) == path
    with pytest.raises(NotADirectoryError):
        contained(tmp_path, path, must_exist=True)


def test_dry_run_with_a_record_folder_that_is_a_file_is_no_internal_error(cli, empty_repo):
    _folder_is_a_file(empty_repo, "cas-usage")
    result = cli("import", "bibliotheque", str(EXPORT), "--repo", str(empty_repo), "--dry-run", "--format", "json")
    output = result.stdout + result.stderr
    assert "Erreur interne" not in output and "Traceback" not in output, output
    assert result.exit_code in (0, 1), output
    report = json.loads(result.stdout)
    assert sum(1 for f in report["fiches"] if f["type"] == "cas_usage" and f["action"] == "cree") == 23


def test_import_with_a_record_folder_that_is_a_file_says_it_cannot_write(cli, empty_repo):
    _folder_is_a_file(empty_repo, "cas-usage")
    result = cli("import", "bibliotheque", str(EXPORT), "--repo", str(empty_repo))
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "Erreur interne" not in output and "Traceback" not in output, output
    assert "Impossible d'écrire" in output and "data/cas-usage/" in output, output
    assert "data/cas-usage est un fichier, pas un dossier" in output, output
    assert (empty_repo / "data" / "cas-usage").read_text(encoding="utf-8") == "pas un dossier\n"
