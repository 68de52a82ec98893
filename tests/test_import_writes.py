"""`iaterr import bibliotheque` when the disk refuses: a record folder that is a file, a write that fails
for one record. The import says which record it could not write and why, reports what it did write,
and exits with 2; never an internal error."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from iaterr.base import files
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


# ---------------------------------------------------------------- a write that fails for one record


def _refuse_write(monkeypatch, which):
    """The rename that puts a file in place fails as on a full disk for the files ``which(n, path)`` names
    (``n``: how many files iaterr has put in place so far, this one included)."""
    real = os.replace
    count = [0]

    def replace(src, dst, *args, **kwargs):
        count[0] += 1
        if which(count[0], Path(dst)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", replace)


def test_a_failed_write_leaves_the_report_of_the_others(cli, empty_repo, monkeypatch):
    _refuse_write(monkeypatch, lambda n, _path: n == 2)
    result = cli("import", "bibliotheque", str(EXPORT), "--repo", str(empty_repo), "--format", "json")
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "Traceback" not in output and "Erreur interne" not in output, output
    report = json.loads(result.stdout)
    assert report["code_sortie"] == 2
    first, second = report["fiches"][0], report["fiches"][1]
    # the first record is written and said to be
    assert first["action"] == "cree" and (empty_repo / first["chemin"]).is_file()
    # the second is named, with the system's reason, counted as not written, and not on disk
    assert second["action"] == "ignoree" and not (empty_repo / second["chemin"]).exists()
    failed = [f for f in report["constats"] if f["code"] == "ecriture-impossible"]
    assert failed and all(second["chemin"] in f["message"] for f in failed), failed
    assert "plus de place sur le disque" in failed[0]["message"]
    # the import went on: the other records are written
    written = [f for f in report["fiches"] if f["action"] == "cree"]
    assert len(written) > 2 and all((empty_repo / f["chemin"]).is_file() for f in written)
    assert not list(empty_repo.rglob(".iaterr-tmp-*"))


def test_a_failed_write_is_said_in_the_text_report(cli, empty_repo, monkeypatch):
    _refuse_write(monkeypatch, lambda n, _path: n == 2)
    result = cli("import", "bibliotheque", str(EXPORT), "--repo", str(empty_repo))
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "Impossible d'écrire data/collectivites/metz.yaml" in output, output
    assert "plus de place sur le disque" in output, output  # the system's reason, in French
    assert "data/collectivites/bordeaux-metropole.yaml" in output  # listed as created
    assert (empty_repo / "data/collectivites/bordeaux-metropole.yaml").is_file()
    # the use case of the collectivité that could not be written is not imported, and says why
    assert "Ligne ignorée : la fiche de la collectivité « Ville de Metz » ne peut pas être écrite" in output
    assert not (empty_repo / "data/cas-usage/metz-vipare.yaml").exists()


def test_a_failed_update_is_said_and_the_record_left_as_it_was(cli, empty_repo, tmp_path, monkeypatch):
    assert cli("import", "bibliotheque", str(EXPORT), "--repo", str(empty_repo)).exit_code in (0, 1)
    changed = tmp_path / "bibliotheque-ia-export-2025-05-16.csv"
    changed.write_text(EXPORT.read_text(encoding="utf-8").replace(
        "Le projet Vipare aide les collectivités", "Le projet Vipare aide désormais les collectivités").replace(
        "Le projet vise à mettre en place et piloter", "Le projet vise à mettre en place puis piloter"),
        encoding="utf-8")
    target = empty_repo / "data/cas-usage/metz-vipare.yaml"
    before = target.read_bytes()
    _refuse_write(monkeypatch, lambda _n, path: path.name == target.name)
    result = cli("import", "bibliotheque", str(changed), "--repo", str(empty_repo), "--format", "json")
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    report = json.loads(result.stdout)
    entry = next(f for f in report["fiches"] if f["chemin"] == "data/cas-usage/metz-vipare.yaml")
    assert entry["action"] == "ignoree"
    failed = [f for f in report["constats"] if f["code"] == "ecriture-impossible"]
    assert len(failed) == 1 and "data/cas-usage/metz-vipare.yaml" in failed[0]["message"], failed
    assert target.read_bytes() == before
    # the other update is written
    other = next(f for f in report["fiches"] if f["chemin"] == "data/cas-usage/bordeaux-metropole-stacoptim.yaml")
    assert other["action"] == "mis_a_jour"
    assert "puis piloter" in (empty_repo / other["chemin"]).read_text(encoding="utf-8")
