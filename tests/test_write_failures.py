"""A disk that refuses a write (full, read-only, a file where a folder should be): every command that writes
says which file it could not write and why, exits with 2, shows no traceback and leaves nothing half-written."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest

from iaterr.base import files

sys.path.insert(0, str(Path(__file__).parent))
from lint_fixtures import GOOD_SIMPLE, make_repo  # noqa: E402

EXPORT = Path(__file__).parent / "fixtures" / "bibliotheque" / "bibliotheque-ia-export-2025-04-16.csv"


@pytest.fixture
def disk_full(monkeypatch):
    """From now on, every file iaterr writes fails as on a full disk (the rename that would put it in place)."""

    def refuse(src, dst, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    def arm() -> None:
        monkeypatch.setattr(files.os, "replace", refuse)

    return arm


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _said_clearly(result, what: str) -> None:
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "Erreur interne" not in output and "Traceback" not in output, output
    assert "Impossible d'écrire" in output and what in output, output
    assert "plus de place sur le disque" in output, output  # the system's reason, in French


def test_new_says_which_record_it_could_not_write(cli, tmp_path, disk_full):
    root = tmp_path / "depot"
    make_repo(root, [GOOD_SIMPLE])
    before = _tree(root)
    disk_full()
    result = cli("new", "--repo", str(root), "--no-input", "--defaults", "--set", "nom=Comptage des vélos",
                 "--set", "statut=en_reflexion", "--set", "description=Compter les vélos aux carrefours.",
                 "--set", "theme=mobilites")
    _said_clearly(result, "comptage-des-velos.yaml")
    after = _tree(root)
    assert {k: v for k, v in after.items() if not k.startswith(".iaterr/")} == before  # the draft may stay


def test_a_record_folder_that_is_a_file_is_a_message_not_an_internal_error(cli, tmp_path):
    root = tmp_path / "depot"
    make_repo(root, [GOOD_SIMPLE])
    folder = root / "data/cas-usage"
    shutil.rmtree(folder)
    folder.write_text("pas un dossier\n", encoding="utf-8")
    result = cli("new", "--repo", str(root), "--no-input", "--defaults", "--set", "nom=Comptage des vélos",
                 "--set", "statut=en_reflexion", "--set", "description=Compter les vélos aux carrefours.",
                 "--set", "theme=mobilites")
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "Erreur interne" not in output and "Impossible d'écrire" in output, output


def test_lint_fix_says_which_record_it_could_not_write(cli, tmp_path, disk_full):
    root = tmp_path / "depot"
    make_repo(root, [GOOD_SIMPLE])
    path = root / "data/cas-usage/detection-fuites.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("statut: en_deploiement", "statut: En déploiement"),
                    encoding="utf-8")
    before = _tree(root)
    disk_full()
    result = cli("lint", "--repo", str(root), "--fix")
    _said_clearly(result, "detection-fuites.yaml")
    assert _tree(root) == before


def test_import_says_which_record_it_could_not_write(cli, tmp_path, disk_full):
    root = tmp_path / "depot"
    assert cli("init", str(root), "--no-git", "--non-interactif").exit_code == 0
    before = _tree(root)
    disk_full()
    result = cli("import", "bibliotheque", str(EXPORT), "--repo", str(root))
    _said_clearly(result, ".yaml")
    assert _tree(root) == before


def test_init_says_which_file_it_could_not_write(cli, tmp_path, disk_full):
    disk_full()
    result = cli("init", str(tmp_path / "depot"), "--no-git", "--non-interactif")
    _said_clearly(result, "iaterr.yaml")


def test_export_says_which_file_it_could_not_write(cli, repo_copy, tmp_path, disk_full):
    disk_full()
    out = tmp_path / "cas.csv"
    result = cli("export", "--repo", str(repo_copy), "--format", "csv", "--out", str(out))
    _said_clearly(result, "cas.csv")
    assert not out.exists() and not list(tmp_path.glob(".iaterr-tmp-*"))
