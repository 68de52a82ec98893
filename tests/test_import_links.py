"""The import reads records through the one loader: a record that is a symbolic link is skipped and reported,
never followed, never written through."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from iaterr.ingest.bibliotheque import import_bibliotheque
from iaterr.repo.config import open_repository

FIXTURES = Path(__file__).parent / "fixtures" / "bibliotheque"
EXPORT = FIXTURES / "bibliotheque-ia-export-2025-04-16.csv"


@pytest.fixture
def empty_repo(tmp_path, cli) -> Path:
    dest = tmp_path / "vide"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def findings(report: dict, code: str) -> list[dict]:
    return [f for f in report["constats"] if f["code"] == code]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def newer_export(tmp_path: Path) -> Path:
    rows = list(csv.reader(EXPORT.open(encoding="utf-8", newline="")))
    assert rows[2][1] == "ViPARE"
    rows[2][7] = "En déploiement"
    path = tmp_path / "bibliotheque-ia-export-2025-06-01.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_record_that_is_a_link_is_skipped_and_reported_never_written_through(empty_repo, tmp_path, cli, dry_run):
    import_bibliotheque(open_repository(empty_repo), EXPORT)
    record = empty_repo / "data/cas-usage/metz-vipare.yaml"
    outside = tmp_path / "dehors" / "metz-vipare.yaml"
    outside.parent.mkdir()
    outside.write_bytes(record.read_bytes())
    record.unlink()
    record.symlink_to(outside)
    target = outside.read_bytes()

    result = cli("import", "bibliotheque", str(newer_export(tmp_path)), "--repo", str(empty_repo), "--format",
                 "json", *(["--dry-run"] if dry_run else []))
    report = json.loads(result.stdout)
    assert outside.read_bytes() == target  # the ViPARE row changed its status: never written through the link
    assert record.is_symlink() and os.readlink(record) == str(outside)
    (link,) = findings(report, "lien-ignore")
    assert (link["ligne"], link["niveau"]) == (None, "avertissement")
    assert "data/cas-usage/metz-vipare.yaml" in link["message"] and "lien symbolique" in link["message"]
    # the record is not read: the row does not match it, and its new record takes another name
    paths = {f["chemin"]: f["action"] for f in report["fiches"]}
    assert "data/cas-usage/metz-vipare.yaml" not in paths
    assert paths["data/cas-usage/metz-vipare-2.yaml"] == "cree"
    assert (empty_repo / "data/cas-usage/metz-vipare-2.yaml").exists() is not dry_run


def test_a_record_folder_that_is_a_link_gets_nothing_written_through_it(empty_repo, tmp_path, cli):
    folder = empty_repo / "data/cas-usage"
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    shutil.rmtree(folder)
    folder.symlink_to(outside, target_is_directory=True)

    result = cli("import", "bibliotheque", str(FIXTURES / "cp1252.csv"), "--repo", str(empty_repo), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1  # rows not imported
    assert tree(outside) == {}
    assert [f["message"] for f in findings(report, "lien-ignore")][0].startswith("data/cas-usage est un lien")
    refused = findings(report, "chemin-lien")
    assert [(f["ligne"], f["niveau"]) for f in refused] == [(2, "ignore")]
    assert "data/cas-usage" in refused[0]["message"]
    assert {f["type"]: f["action"] for f in report["fiches"] if f["type"] == "cas_usage"} == {"cas_usage": "ignoree"}
    # the collectivités, in a folder that is no link, are written
    assert sorted(p.name for p in (empty_repo / "data/collectivites").glob("*.yaml")) == [
        "departement-de-la-vendee.yaml"]
