"""How many processes a command starts: one per core it may run on, not one per core of the machine."""

from __future__ import annotations

import os

import pytest

from iaterr.base import parallel


def _double(chunk: list[int], _shared: object) -> list[int]:
    return [2 * x for x in chunk]


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity on this system")
def test_a_process_bound_to_one_core_starts_no_other(monkeypatch):
    # a container or `taskset` that gives the command one core of a larger machine: processes on it would only
    # take turns (and each costs its memory)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert parallel.usable_cores() == 1
    import concurrent.futures

    started = []

    class Pool:
        def __init__(self, *args, **kwargs):
            started.append(kwargs)
            raise RuntimeError("no process here")  # the work is then done in this process

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    assert list(parallel.in_chunks(_double, list(range(100)), jobs=None, threshold=10, min_chunk=5,
                                   chunks_per_job=2)) == [2 * x for x in range(100)]
    assert not started


def test_the_cores_a_process_may_use(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    if hasattr(os, "sched_getaffinity"):
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 2, 5})
        assert parallel.usable_cores() == 3
        monkeypatch.delattr(os, "sched_getaffinity")
    assert parallel.usable_cores() == 8  # where the system says nothing of affinity: the machine's cores
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert parallel.usable_cores() == 1


def _frozen(chunk: list[int], _shared: object) -> list[int]:
    import gc

    return [gc.get_freeze_count() for _ in chunk]


def test_a_worker_sets_aside_what_it_inherits_from_its_garbage_collections():
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this system: a worker inherits nothing")
    counts = parallel.in_chunks(_frozen, list(range(40)), jobs=2, threshold=1, min_chunk=10, chunks_per_job=2)
    assert len(counts) == 40 and min(counts) > 1000  # the modules, classes and values of this process
