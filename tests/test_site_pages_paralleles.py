"""The list pages, the open data and the search index of a big register are written by one process per core
(#14: the build's time), from the records' texts in the build's spool. The site must be the same, byte for
byte, whichever the number of processes; a spool is added to only by the process that made it, and read by
the processes it starts only once flushed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import bench_generate

RECORDS = 160


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def depot(tmp_path_factory) -> Path:
    generate = bench_generate()
    base = tmp_path_factory.mktemp("paralleles")
    generate.generate(RECORDS, base / "depot", seed=20241202, invalid_rate=0.0)
    return base / "depot"


def test_pages_written_in_several_processes_are_those_of_one(depot, tmp_path):
    from iaterr.publish.site import build as build_module
    from iaterr.repo.config import open_repository

    repo = open_repository(depot)
    one = build_module.build_site(repo, tmp_path / "un", jobs=1, use_cache=False, langs=["fr", "en"])
    several = build_module.build_site(repo, tmp_path / "trois", jobs=3, use_cache=False, langs=["fr", "en"])
    assert one.written == several.written  # same pages, reported in the same order
    first, second = _tree(tmp_path / "un"), _tree(tmp_path / "trois")
    assert sorted(first) == sorted(second)
    different = [page for page in first if first[page] != second[page]]
    assert different == []
    assert len([p for p in first if p.startswith(("themes/", "en/themes/"))]) >= 4


def test_pages_handed_out_biggest_first_come_back_in_order(depot, tmp_path, monkeypatch):
    """The pages showing every record go first to the processes; the results are put back in the pages' order
    (the manifest and the page state do not depend on which process ended first)."""
    from iaterr.publish.site import build as build_module
    from iaterr.repo.config import open_repository

    handed: list[list[tuple[str, int]]] = []
    real = build_module.in_chunks

    def spy(work, items, shared, **kwargs):
        handed.append([(shared[0][n].path, build_module._weight(shared[0][n])) for n in items])
        return real(work, items, shared, **kwargs)

    monkeypatch.setattr(build_module, "in_chunks", spy)
    result = build_module.build_site(open_repository(depot), tmp_path / "site", jobs=2, use_cache=False)
    order = handed[0]
    whole = build_module.WHOLE_PAGES & {path for path, _weight in order}  # a sitemap only with the site's address
    assert len(whole) == 3
    assert {path for path, _weight in order[:3]} == whole
    weights = [weight for _path, weight in order]
    assert weights == sorted(weights, reverse=True) and weights[3] > 1  # then the longest lists
    # reported in the pages' order, not in the order they were handed out or ended
    written = result.written
    assert written.index("index.html") < written.index("themes/" + next(
        p for p in written if p.startswith("themes/")).split("/", 1)[1]) < written.index("collectivites/index.html")
    assert written.index("assets/recherche.js") < written.index("index.html")


def _in_a_child(check) -> bool:
    """``check()`` run in a process started now (``fork``, as the build's), its answer sent back."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            os.write(write, b"1" if check() else b"0")
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.waitpid(pid, 0)
    os.close(read)
    return answer == b"1"


def _refused(action) -> bool:
    try:
        action()
    except RuntimeError:
        return True
    return False


def test_a_spool_is_read_by_the_processes_it_starts_once_flushed(tmp_path):
    from iaterr.check.loader import Spool

    spool = Spool()
    refs = [spool.put(f"texte {n} é" * (n + 1)) for n in range(200)]
    spool.flush()
    # the child reads every text at its own place, and may not add one
    assert _in_a_child(lambda: all(spool.get(ref) == f"texte {n} é" * (n + 1)
                                   for n, ref in reversed(list(enumerate(refs)))) and _refused(
        lambda: spool.put("ajout")))
    # the parent reads after the child: reads move no shared position, and it can still add texts
    assert spool.get(refs[0]) == "texte 0 é"
    late = spool.put("après")
    assert spool.get(late) == "après"
    assert spool.get(refs[-1]) == "texte 199 é" * 200
    spool.close()


def test_a_text_added_after_a_process_started_is_never_read_there(tmp_path):
    from iaterr.check.loader import Spool

    spool = Spool()
    spool.flush()
    # a reference beyond what was flushed when the child started
    assert _in_a_child(lambda: _refused(lambda: spool.get(1 << 32 | 5)))
    spool.close()


def test_a_process_letting_a_spool_go_writes_nothing_of_it(tmp_path):
    """What waits to be written is the spool's own: a process started meanwhile that lets its copy go (or ends)
    never writes it out into the file it shares with the process that made the spool."""
    import gc

    from iaterr.check.loader import Spool

    spool = Spool()
    first = spool.put("en attente " * 50)  # not flushed
    pid = os.fork()
    if pid == 0:
        try:
            del spool
            gc.collect()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.fstat(spool.file.fileno()).st_size == 0
    second = spool.put("ensuite")
    assert spool.get(first) == "en attente " * 50 and spool.get(second) == "ensuite"
    assert os.fstat(spool.file.fileno()).st_size == spool.size
    spool.close()


def _full_disk_on_third(chunk: list[int], where: str) -> list[int]:
    with open(where, "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()} {chunk[0]}\n")
    if chunk[0] == 3:
        raise OSError(28, "No space left on device", "/site/page.html")
    return chunk


def test_a_failure_of_the_work_in_a_process_is_raised_as_it_is_never_done_again_here(tmp_path):
    """A page-writing process that met a full disk: the work was done again in the main process, over the pages
    the worker had begun, and the person read « file exists » instead of the full disk (noticed last session)."""
    import multiprocessing

    from iaterr.base import parallel

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no processes are forked on this system")
    where = str(tmp_path / "faits.txt")
    with pytest.raises(OSError) as raised:
        parallel.in_chunks(_full_disk_on_third, list(range(8)), where, jobs=2, threshold=1, min_chunk=1,
                           chunks_per_job=4)
    assert raised.value.errno == 28
    done = [line.split() for line in Path(where).read_text(encoding="utf-8").splitlines()]
    assert all(int(pid) != os.getpid() for pid, _chunk in done), done  # nothing done again in this process
    assert [chunk for _pid, chunk in done].count("3") == 1


def test_a_full_disk_while_pages_are_written_in_processes_is_said_as_such(cli, depot, tmp_path, monkeypatch):
    from iaterr.publish.site import output

    real, real_chunks = output.Staging.write, output.Staging.write_chunks
    main = os.getpid()

    def refused(self, rel):
        if rel.startswith("themes/") and os.getpid() != main:
            raise OSError(28, "No space left on device", f"{self.path}/{rel}")

    def full(self, rel, payload):
        refused(self, rel)
        return real(self, rel, payload)

    def full_chunks(self, rel, chunks):
        refused(self, rel)
        return real_chunks(self, rel, chunks)

    monkeypatch.setattr(output.Staging, "write", full)
    monkeypatch.setattr(output.Staging, "write_chunks", full_chunks)
    out = tmp_path / "site"
    result = cli("register", "build", "--repo", str(depot), "--out", str(out), "--jobs", "2", "--no-cache")
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "plus de place sur le disque" in said and "existe" not in said, said
    assert ".iaterr-tmp" not in said and str(out) in said, said
    assert not out.exists()
