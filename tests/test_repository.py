"""The data repository: discovery, configuration, the real data, the cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT
from iaterr.check.loader import validate_repository
from iaterr.repo.config import RepositoryError, embedded_root, open_repository


def test_real_data_is_valid(cli):
    result = cli("validate", "--repo", str(ROOT), "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["valide"] is True
    assert payload["resume"]["erreurs"] == 0
    assert payload["resume"]["n_cas"] >= 9 and payload["resume"]["n_coll"] >= 9
    # unknown SIRETs are left empty and flagged, never made up
    flagged = {d["fichier"] for d in payload["diagnostics"] if d["code"] == "siret-manquant"}
    assert "data/collectivites/issy-les-moulineaux.yaml" in flagged
    assert "data/collectivites/sicoval.yaml" not in flagged


def test_real_data_holds_the_booklet_cases_and_issygpt():
    repo = open_repository(ROOT)
    names = {p.stem for p in repo.kind_dir("cas_usage").glob("*.yaml")}
    for expected in ("sicoval-detection-fuites-eau", "noisy-le-grand-recital", "issy-les-moulineaux-issygpt",
                     "bordeaux-metropole-calque-plantabilite", "aix-marseille-provence-callbot-encombrants",
                     "rennes-metropole-pilotage-stations-epuration", "saint-quentin-en-yvelines-data-hub-mobilite",
                     "montpellier-mediterranee-metropole-strategie-ia-data",
                     "metropole-rouen-normandie-ia-generative-delibia"):
        assert expected in names
    text = repo.record_path("cas_usage", "sicoval-detection-fuites-eau").read_text(encoding="utf-8")
    assert "113 705" in text and "Leakmited" in text


def test_every_record_starts_with_its_schema_line():
    for kind, schema in (("cas-usage", "cas-usage"), ("collectivites", "collectivite")):
        for path in (ROOT / "data" / kind).glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schema/{schema}.schema.json", path


def test_text_summary(cli):
    result = cli("validate", "--repo", str(ROOT), "--no-cache")
    assert result.exit_code == 0
    assert "Cas d'usage par thème et par statut" in result.stdout
    assert "Transformation" in result.stdout and "Mobilités" in result.stdout
    assert "✓" in result.stdout


def test_found_by_walking_up(cli, repo_copy, monkeypatch):
    monkeypatch.chdir(repo_copy / "data" / "cas-usage")
    result = cli("validate", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["resume"]["n_cas"] >= 9


def test_embedded_data_when_no_repository(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert embedded_root() is not None
    result = cli("validate", "--format", "json")
    assert result.exit_code == 0
    assert "données embarquées" in result.stderr


def test_missing_repository_is_a_usage_error(cli, tmp_path):
    result = cli("validate", "--repo", str(tmp_path))
    assert result.exit_code == 2
    assert "Aucun dépôt iaterr" in result.stderr and "iaterr init" in result.stderr
    assert "Traceback" not in result.output


def test_broken_configuration(cli, repo_copy):
    (repo_copy / "iaterr.yaml").write_text("langue: klingon\n", encoding="utf-8")
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2
    assert "Configuration invalide" in result.stderr
    (repo_copy / "iaterr.yaml").write_text("langue: [fr\n", encoding="utf-8")
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "iaterr.yaml:2:1" in result.stderr.replace("\n", "")


def test_configured_language(cli, repo_copy):
    (repo_copy / "iaterr.yaml").write_text('version_schema: "1.0"\nlangue: en\n', encoding="utf-8")
    result = cli("validate", "--repo", str(repo_copy))
    assert "Use cases by theme and status" in result.stdout


@pytest.mark.parametrize("args,words", [
    (("--format", "xml"), "Format inconnu"),
    (("--lang", "de"), "Langue inconnue"),
    (("does-not-exist.yaml",), "Chemin introuvable"),
])
def test_usage_errors_exit_2(cli, args, words):
    result = cli("validate", "--repo", str(ROOT), *args)
    assert result.exit_code == 2
    assert words in result.stderr


def test_path_outside_repository(cli, tmp_path):
    other = tmp_path / "x.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    result = cli("validate", "--repo", str(ROOT), str(other))
    assert result.exit_code == 2 and "n'est pas dans le dépôt" in result.stderr


def test_warnings_fail_only_when_strict(cli):
    assert cli("validate", "--repo", str(ROOT), "--no-cache").exit_code == 0
    result = cli("validate", "--repo", str(ROOT), "--no-cache", "--strict", "--format", "json")
    assert result.exit_code == 1  # the SIRETs left empty are warnings
    assert json.loads(result.stdout)["valide"] is False


def test_yaml_outside_record_folders_is_reported(cli, repo_copy):
    (repo_copy / "data" / "egare.yaml").write_text("nom: x\n", encoding="utf-8")
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    codes = {(d["fichier"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("data/egare.yaml", "fichier-hors-dossier") in codes


def test_internal_failure_is_a_message_not_a_traceback(cli, monkeypatch):
    import iaterr.check.loader as module

    def boom(*args, **kwargs):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(module, "validate_repository", boom)
    result = cli("validate", "--repo", str(ROOT))
    assert result.exit_code == 2
    assert "Erreur interne" in result.stderr and "panne simulée" in result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- cache


def test_cache_reuses_unchanged_files_and_rereads_changed_ones(repo_copy):
    repo = open_repository(repo_copy)
    cold = validate_repository(repo)
    assert cold.files_read == len(cold.results) and cold.files_cached == 0
    warm = validate_repository(repo)
    assert warm.files_read == 0 and warm.files_cached == len(cold.results)
    assert [d.to_dict() for d in warm.diagnostics] == [d.to_dict() for d in cold.diagnostics]
    # break one record: only it is read again, and the error shows
    path = repo.record_path("cas_usage", "sicoval-detection-fuites-eau")
    text = path.read_text(encoding="utf-8").replace("statut: en_deploiement", "statut: en_cours")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    after = validate_repository(repo)
    assert after.files_read == 1
    assert any(d.code == "valeur-inconnue" for d in after.diagnostics)


def test_cross_record_checks_run_even_from_cache(repo_copy):
    repo = open_repository(repo_copy)
    validate_repository(repo)
    (repo.kind_dir("collectivite") / "sicoval.yaml").unlink()
    report = validate_repository(repo)
    assert any(d.code == "collectivite-inconnue" and "sicoval" in d.file for d in report.diagnostics)


def test_cache_lives_outside_the_repository_and_survives_garbage(repo_copy, tmp_path, monkeypatch):
    from iaterr.check.cache import cache_file

    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    before = sorted(p.relative_to(repo_copy) for p in repo_copy.rglob("*"))
    repo = open_repository(repo_copy)
    validate_repository(repo)
    assert sorted(p.relative_to(repo_copy) for p in repo_copy.rglob("*")) == before  # nothing written there
    path = cache_file(repo_copy)
    assert path.is_file() and tmp_path / "cache" in path.parents
    path.write_bytes(b"pas une base SQLite" * 100)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    report = validate_repository(repo)
    assert report.files_cached == 0 and report.errors == 0
    again = validate_repository(repo)  # the cache was made afresh
    assert again.files_read == 0 and again.files_cached == len(again.results)


def test_cache_of_an_older_iaterr_is_remade_with_larger_pages(repo_copy, tmp_path, monkeypatch):
    import sqlite3

    from iaterr.check.cache import PAGE_SIZE, cache_file

    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    path = cache_file(repo_copy)
    path.parent.mkdir(parents=True)
    old = sqlite3.connect(path)  # as iaterr made it before: SQLite's default pages, another version's fingerprint
    old.execute("PRAGMA page_size=4096")
    old.execute("PRAGMA journal_mode=WAL")
    old.execute("CREATE TABLE meta (cle TEXT PRIMARY KEY, valeur TEXT NOT NULL)")
    old.execute("INSERT INTO meta VALUES ('empreinte', 'une version plus ancienne')")
    old.commit()
    old.close()
    repo = open_repository(repo_copy)
    cold = validate_repository(repo)
    assert cold.files_cached == 0 and cold.errors == 0
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check.close()
    warm = validate_repository(repo)
    assert warm.files_read == 0 and warm.files_cached == len(cold.results)
    assert [d.to_dict() for d in warm.diagnostics] == [d.to_dict() for d in cold.diagnostics]


def test_cache_of_an_older_iaterr_in_use_elsewhere_still_serves(repo_copy, tmp_path, monkeypatch):
    """Another run reading the old file meanwhile: its pages cannot be changed, the cache works as it is."""
    import sqlite3

    from iaterr.check.cache import cache_file

    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    path = cache_file(repo_copy)
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA page_size=4096")
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("CREATE TABLE meta (cle TEXT PRIMARY KEY, valeur TEXT NOT NULL)")
    other.execute("INSERT INTO meta VALUES ('empreinte', 'une version plus ancienne')")
    other.execute("BEGIN")
    other.execute("SELECT * FROM meta").fetchall()  # a read under way
    try:
        repo = open_repository(repo_copy)
        cold = validate_repository(repo)
        warm = validate_repository(repo)
    finally:
        other.execute("COMMIT")
        other.close()
    assert sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0] == 4096  # left as it was
    assert cold.errors == 0 and warm.files_read == 0 and warm.files_cached == len(cold.results)
    assert [d.to_dict() for d in warm.diagnostics] == [d.to_dict() for d in cold.diagnostics]


def test_repository_error_for_missing_config(tmp_path):
    with pytest.raises(RepositoryError):
        open_repository(tmp_path)


def test_record_paths(repo_copy):
    repo = open_repository(repo_copy)
    assert repo.kind_of(repo.record_path("cas_usage", "x")) == "cas_usage"
    assert repo.kind_of(repo.record_path("collectivite", "x")) == "collectivite"
    assert repo.kind_of(repo_copy / "data" / "x.yaml") is None
    assert repo.kind_of(Path("/elsewhere/x.yaml")) is None


@pytest.mark.parametrize("root", ["broken", "data"])
def test_parallel_checking_gives_the_same_report(root, repo_copy):
    from conftest import BROKEN

    repo = open_repository(BROKEN if root == "broken" else repo_copy)
    one = validate_repository(repo, use_cache=False, jobs=1)
    two = validate_repository(repo, use_cache=False, jobs=2)
    assert [d.to_dict() for d in two.diagnostics] == [d.to_dict() for d in one.diagnostics]
    assert [r.summary for r in two.results] == [r.summary for r in one.results]


@pytest.mark.parametrize("root", ["broken", "data"])
def test_parallel_lint_and_export_give_the_same_results(root, repo_copy):
    """The checking processes receive what they run by value or by name (a rule is found again in the
    registry): lint and export in two processes give exactly what one gives."""
    from conftest import BROKEN
    from iaterr.lint.run import run_lint
    from iaterr.publish.export import load_items
    from iaterr.repo.gitops import GitHistory

    repo = open_repository(BROKEN if root == "broken" else repo_copy)
    one = run_lint(repo, use_cache=False, jobs=1, history=GitHistory())
    two = run_lint(repo, use_cache=False, jobs=2, history=GitHistory())
    assert [d.to_dict() for d in two.diagnostics] == [d.to_dict() for d in one.diagnostics]
    assert one.diagnostics and any(d.code in ("doublon-probable", "qualite-description-courte") or d.texts
                                   for d in one.diagnostics)
    a = load_items(repo, use_cache=False, jobs=1)
    b = load_items(repo, use_cache=False, jobs=2)
    assert [dict(i.cas) for i in a.items] == [dict(i.cas) for i in b.items] and a.skipped == b.skipped


def test_jobs_option(cli):
    result = cli("validate", "--repo", str(ROOT), "--no-cache", "--jobs", "2", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["valide"]
    assert cli("validate", "--repo", str(ROOT), "--jobs", "0").exit_code == 2
