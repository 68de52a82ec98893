"""Work spread over processes when it pays: the one pool of iaterr (reading records, rendering pages).

The work is a function of a chunk of items and of a *shared* value (what every chunk needs: what a load
keeps, the renderer of the site…). The shared value reaches each worker once, when it starts (inherited
with ``fork``, pickled once per worker elsewhere), never once per chunk. Workers die with their parent
(:func:`~iaterr.base.files.die_with_parent`). Where no process can be started, the work is done in this one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from iaterr.base.files import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

_SHARED: Any = None


def _start(shared: Any) -> None:
    global _SHARED
    _SHARED = shared
    die_with_parent()


def _run(work: Callable[[list[Any], Any], list[Any]], chunk: list[Any]) -> list[Any]:
    return work(chunk, _SHARED)


def in_chunks(work: Callable[[list[T], Any], list[R]], items: list[T], shared: Any = None, *,
              jobs: int | None, threshold: int, min_chunk: int, chunks_per_job: int,
              fork_only: bool = False) -> list[R]:
    """``work(chunk, shared)`` over ``items`` cut in chunks, results in the order of ``items``. ``jobs``: the
    number of processes (default: one per core from ``threshold`` items on, else one). ``fork_only``: a
    shared value that cannot be pickled (it is then used in this process where ``fork`` is not available)."""
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(items) >= threshold else 1
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        return work(items, shared)
    import functools
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    if fork_only and "fork" not in methods:
        return work(items, shared)
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    size = max(min_chunk, len(items) // (jobs * chunks_per_job))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                                 initargs=(shared,)) as pool:
            return [r for part in pool.map(functools.partial(_run, work), chunks) for r in part]
    except (OSError, RuntimeError):  # no processes to be had here: do it in this one
        return work(items, shared)
