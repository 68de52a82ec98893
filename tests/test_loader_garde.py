"""A load with a ``keep`` function (#14: the register's build) holds the results of files without findings in
columns (:class:`iaterr.check.validate.KeptResults`), not whole: the checks across records find exactly what they
find over whole results, and every file comes back in its place."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from iaterr.check.loader import Want, load
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 2)


def _keep_cases(result):
    return f"gardé:{result.rel}" if result.kind == "cas_usage" else None


def _diagnostics(report):
    return [(d.code, d.file, d.line, d.column, repr(d.params)) for d in report.diagnostics]


def _compare(root: Path, partial: list[Path] | None = None) -> None:
    repo = open_repository(root)
    whole = load(repo, partial, use_cache=False, today=TODAY)
    kept = load(repo, partial, want=Want(keep=_keep_cases), use_cache=False, today=TODAY)
    assert _diagnostics(kept) == _diagnostics(whole)
    # every file in its place, whole or kept; a kept one with its summary, and what the function kept
    order = list(kept.in_order())
    assert [r.rel for r in order] == [r.rel for r in whole.results]
    for before, after in zip(whole.results, order, strict=True):
        assert dict(after.summary) == dict(before.summary), after.rel
        assert after.kind == before.kind
        if type(after).__name__ == "KeptResult":
            assert not before.diagnostics and after.kept == f"gardé:{after.rel}"
    assert len(kept.kept) >= 1


def test_the_checks_across_records_find_the_same_over_kept_results(tmp_path):
    twin = {**GOOD_SIMPLE, "identifiant": "jumeau"}
    records = [GOOD_DECISION, GOOD_SIMPLE, twin,
               {**GOOD_SIMPLE, "identifiant": "ailleurs", "collectivite": "ville-inconnue"},
               {**GOOD_SIMPLE, "identifiant": "futur", "date_mise_a_jour": "2031-01-01"}]
    root = make_repo(tmp_path / "depot", records)
    cases = root / "data" / "cas-usage"
    # the same identifier in two files (one in a subfolder, one .yml), and an identifier not its file's name
    (cases / "sous").mkdir()
    shutil.copy(cases / "jumeau.yaml", cases / "sous" / "jumeau.yaml")
    shutil.copy(cases / "jumeau.yaml", cases / "jumeau.yml")
    (cases / "jumeau.yaml").rename(cases / "autre-nom.yaml")
    # a second collectivité with the same SIRET
    coll = (root / "data" / "collectivites" / f"{COLLECTIVITE['identifiant']}.yaml").read_text(encoding="utf-8")
    (root / "data" / "collectivites" / "double.yaml").write_text(
        coll.replace(f"identifiant: {COLLECTIVITE['identifiant']}", "identifiant: double"), encoding="utf-8")
    _compare(root)
    codes = {d[0] for d in _diagnostics(load(open_repository(root), want=Want(keep=_keep_cases),
                                             use_cache=False, today=TODAY))}
    assert {"identifiant-duplique", "identifiant-nom-fichier", "collectivite-inconnue", "date-future",
            "siret-duplique"} <= codes


def test_a_partial_load_with_keep_finds_the_same(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE, {**GOOD_SIMPLE, "identifiant": "trois"}])
    (root / "data" / "cas-usage" / "trois.yaml").rename(root / "data" / "cas-usage" / "quatre.yaml")
    _compare(root, [root / "data" / "cas-usage" / "quatre.yaml", root / "data" / "collectivites"])


@pytest.mark.skipif(not (ROOT / "data" / "cas-usage").is_dir(), reason="the embedded data (data/) is absent")
def test_the_embedded_data_loads_the_same_with_keep(tmp_path):
    shutil.copytree(ROOT, tmp_path / "depot", ignore=shutil.ignore_patterns(".git", ".venv", "bench", "*.pyc"))
    _compare(tmp_path / "depot")


def test_the_file_list_gives_back_each_file_as_listed():
    from iaterr.check.loader import FileList, RecordFile

    files = FileList()
    given = [RecordFile("cas_usage", "/depot/", "data/cas-usage/a.yaml", 12, False),
             RecordFile("collectivite", "/depot/", "data/collectivites/b.yaml", (1 << 40) + 3, True,
                        "/magasin/data/collectivites/b.yaml", "magasin:b.yaml"),
             RecordFile("cas_usage", "/autre/", "data/cas-usage/c.yml", 0, False)]
    for f in given:
        files.append(f)
    assert list(files) == given and files[1] == given[1] and files[-1] == given[-1] and files[1:] == given[1:]
    assert len(files) == 3 and files.rel(2) == "data/cas-usage/c.yml"
    assert files[0].rel is given[0].rel  # the one string every result shares
    with pytest.raises(IndexError):
        files[3]
    files.clear()
    assert len(files) == 0


def test_chunks_are_made_as_they_are_given():
    """The files to read are made chunk by chunk (each file is made on access from the list's columns), not all
    at once before the first chunk is read."""
    from iaterr.base.parallel import chunk_results

    made: list[int] = []

    class Lazy:
        def __len__(self) -> int:
            return 10

        def __getitem__(self, index: slice) -> list[int]:
            items = list(range(10))[index]
            made.extend(items)
            return items

    seen = []
    for part in chunk_results(lambda chunk, _shared: chunk, Lazy(), jobs=1, threshold=1, min_chunk=3,
                              chunks_per_job=1, max_chunk=3):
        seen.append((part, len(made)))
    assert seen == [([0, 1, 2], 3), ([3, 4, 5], 6), ([6, 7, 8], 9), ([9], 10)]


def test_files_are_listed_in_the_order_of_their_paths(tmp_path):
    """The record folders are walked a folder at a time, each folder's entries sorted: the files come in the
    order ``sorted`` gives their paths (a folder named like the start of a file's name, accents, capitals)."""
    from iaterr.check.loader import collect_files

    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    cases = root / "data" / "cas-usage"
    for rel in ["a-b.yaml", "a/b.yaml", "a/a.yml", "a.b.yaml", "a.yaml", "A.yaml", "é.yaml", "z/y/x.yaml",
                "z-.yaml", "a0.yaml"]:
        (cases / rel).parent.mkdir(parents=True, exist_ok=True)
        (cases / rel).write_text("identifiant: x\n", encoding="utf-8")
    rels = [f.rel for f in collect_files(open_repository(root)).files]
    assert rels == sorted(rels) and len(rels) == 12
