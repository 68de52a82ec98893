"""Issue #16: ``validate`` and ``export`` in bounded memory — the streaming is real, and changes no byte.

On a small generated repository (bench/generate.py): while a streamed export is written, only the item being
written is alive (counted among the live objects), where the list road holds them all; every format gives the
same bytes streamed or whole, public or with restricted fields, warm or cold; the JSON written element by element
is ``json.dumps`` of the whole document; the loader asks the cache for a chunk of files at a time and keeps
slotted results.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from conftest import bench_generate
from iaterr.check import loader
from iaterr.check.cache import RecordCache
from iaterr.check.loader import load
from iaterr.model.visibility import View
from iaterr.publish.export import ExportItem, StreamedItems
from iaterr.publish.formats import FORMATS, export, exporting
from iaterr.publish.opendata import json_document
from iaterr.repo.config import open_repository

RECORDS = 25


@pytest.fixture(scope="module")
def depot(tmp_path_factory) -> Path:
    generate = bench_generate()
    where = tmp_path_factory.mktemp("memoire") / "depot"
    generate.generate(RECORDS, where, seed=16)
    return where


def _live(kind: type) -> int:
    return sum(1 for o in gc.get_objects() if type(o) is kind)


def test_streamed_export_holds_one_item_at_a_time(depot: Path) -> None:
    repo = open_repository(depot)
    # the list road, as a control: every item alive at once (the counting sees them)
    _text, whole = export(repo, "json", jobs=1)
    assert len(whole.items) > RECORDS // 2
    assert _live(ExportItem) >= len(whole.items)
    n = len(whole.items)
    del whole, _text
    gc.collect()
    assert _live(ExportItem) == 0
    most_items = most_views = pieces = 0
    with exporting(repo, "json", jobs=1) as (chunks, items):
        assert isinstance(items.items, StreamedItems) and len(items.items) == n
        collectivites = len(items.collectivites)
        for _piece in chunks:
            pieces += 1
            if pieces % 6 == 0:
                most_items = max(most_items, _live(ExportItem))
                most_views = max(most_views, _live(View))
    assert pieces == n + 1
    assert most_items <= 2, f"{most_items} export items alive at once out of {n}"
    # the collectivités' views are kept (one per collectivité), the use cases' are made one at a time
    assert most_views <= collectivites + 4, f"{most_views} views alive for {n} use cases"


#: each writer (the foreign registers share theirs), public and with restricted fields; every format is compared
#: with the version before the streaming on data/ and bench/out/repo-2000 (docs/benchmarks.md)
CASES = [("csv", False), ("json", False), ("bibliotheque", False), ("ai-act", False),
         ("csv", True), ("json", True), ("atrs", True)]


@pytest.mark.parametrize(("name", "restricted"), CASES)
def test_streamed_export_same_bytes(depot: Path, name: str, restricted: bool) -> None:
    repo = open_repository(depot)
    whole, listed = export(repo, name, include_restricted=restricted, jobs=1)
    with exporting(repo, name, include_restricted=restricted, jobs=1) as (chunks, items):
        streamed = "".join(chunks)
        assert len(items.items) == len(listed.items)
        assert items.skipped == listed.skipped
    assert streamed == whole
    if FORMATS[name].extension == "json":
        json.loads(streamed)


@pytest.mark.parametrize("name", ["csv", "json"])
def test_streamed_export_warm_is_cold(depot: Path, name: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "froid"))
    repo = open_repository(depot)
    texts = []
    for _run in range(2):  # the first fills the cache, the second reads it
        with exporting(repo, name, jobs=1) as (chunks, _items):
            texts.append("".join(chunks))
    assert texts[0] == texts[1]
    with exporting(repo, name, jobs=1, use_cache=False) as (chunks, _items):
        assert "".join(chunks) == texts[0]


@pytest.mark.parametrize("elements", [
    [],
    [{"a": 1}],
    [{"a": [1, 2, {"b": []}], "c": {}, "d": "ligne\nsuite « é » \u2028"}, [], "x", 1.5, None, {"z": {"y": [{}]}}],
])
def test_json_document_is_json_dumps_of_the_whole(elements: list) -> None:
    head = {"iaterr": "1", "publiable": True, "vide": [], "objet": {"k": [1]}}
    streamed = "".join(json_document(head, "cas_usage", (json.dumps(e, ensure_ascii=False, indent=2)
                                                         for e in elements)))
    assert streamed == json.dumps({**head, "cas_usage": elements}, ensure_ascii=False, indent=2) + "\n"
    with pytest.raises(ValueError):
        list(json_document(head, "publiable", []))


def test_loader_reads_the_cache_by_chunks(depot: Path, monkeypatch) -> None:
    repo = open_repository(depot)
    first = load(repo, jobs=1)  # fills the cache
    asked: list[int | None] = []
    original = RecordCache.entries

    def entries(self, rels=None):
        asked.append(None if rels is None else len(rels))
        return original(self, rels)

    monkeypatch.setattr(RecordCache, "entries", entries)
    monkeypatch.setattr(loader, "CHUNK", 7)
    warm = load(repo, jobs=1)
    assert warm.files_cached == len(first.results) and warm.files_read == 0
    assert asked and None not in asked and max(asked) <= 7 and sum(asked) == len(first.results)
    assert [d.to_dict() for d in warm.diagnostics] == [d.to_dict() for d in first.diagnostics]
    assert [(r.rel, r.summary) for r in warm.results] == [(r.rel, r.summary) for r in first.results]
    # one slotted result per file (no dictionary per object), its path the listed file's own string
    assert not hasattr(warm.results[0], "__dict__")
    paths = {f.rel: f.rel for f in loader.collect_files(repo).files}
    assert all(r.rel == paths[r.rel] for r in warm.results)


def _note(chunk: list[int], where: str) -> list[int]:
    with open(where, "a", encoding="utf-8") as out:
        out.write(f"{chunk[0]}\n")
    return chunk


def test_pool_runs_a_few_chunks_ahead_of_the_caller(tmp_path: Path) -> None:
    """Chunks done while the caller is busy wait in memory: the pool is given a few ahead, not all."""
    import multiprocessing
    import time

    from iaterr.base import parallel

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the pool is only bounded where processes are forked here (no fork on this system)")
    where = str(tmp_path / "faits.txt")
    parts = parallel.chunk_results(_note, list(range(40)), where, jobs=2, threshold=1, min_chunk=1,
                                   chunks_per_job=1, max_chunk=1)
    first = next(parts)
    time.sleep(0.5)  # a busy caller: without a bound, the pool would do the 40 chunks meanwhile
    done = len(Path(where).read_text(encoding="utf-8").split())
    assert done <= 2 * parallel.AHEAD + 1, f"{done} chunks done while the caller held the first"
    assert [first, *parts] == [[i] for i in range(40)]


def test_files_are_read_a_bounded_chunk_at_a_time(depot: Path, monkeypatch) -> None:
    """What the chunks in flight hold (each file's result with its prepared texts, about 8 KB a use case) does
    not grow with the repository: a chunk holds at most READ_CHUNK files, whatever the number of files."""
    sizes: list[int] = []
    original = loader._load_chunk

    def chunk(files, want):
        sizes.append(len(files))
        return original(files, want)

    monkeypatch.setattr(loader, "_load_chunk", chunk)
    monkeypatch.setattr(loader, "READ_CHUNK", 6)
    report = load(open_repository(depot), jobs=1, use_cache=False)
    assert sum(sizes) == report.files_read > 12
    assert max(sizes) <= 6 and len(sizes) >= report.files_read // 6


def test_memory_freed_is_given_back_before_processes_are_forked(monkeypatch) -> None:
    """A forked process counts the pages it shares as its own: the pool gives back what this process freed
    before forking (once per pool, not per chunk)."""
    import multiprocessing

    from iaterr.base import parallel

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this system: nothing is shared with the processes started")
    calls: list[int] = []
    monkeypatch.setattr(parallel, "give_back_memory", lambda: calls.append(1))
    assert parallel.in_chunks(_double, list(range(30)), None, jobs=2, threshold=1, min_chunk=1,
                              chunks_per_job=4) == [2 * n for n in range(30)]
    assert calls == [1]
    parallel.give_back_memory()  # the real one: harmless wherever it runs


def _double(chunk: list[int], _shared: object) -> list[int]:
    return [2 * n for n in chunk]
