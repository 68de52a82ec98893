"""Work spread over processes when it pays: the one pool of iaterr (reading records, rendering pages).

The work is a function of a chunk of items and of a *shared* value (what every chunk needs: what a load
keeps, the renderer of the site…). The shared value reaches each worker once, when it starts (inherited
with ``fork``, pickled once per worker elsewhere), never once per chunk. Workers die with their parent
(:func:`~iaterr.base.files.die_with_parent`). Where no process can be started, the work is done in this one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from iaterr.base.files import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

_SHARED: Any = None
#: chunks given to the pool ahead of the one the caller waits for, per worker
AHEAD = 2


#: this process's id, kept up to date in the processes forked (asked on hot paths: no system call each time)
_PID = [os.getpid()]
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=lambda: _PID.__setitem__(0, os.getpid()))


def usable_cores() -> int:
    """The cores this process may run on: those of its CPU affinity (a container or ``taskset`` may give it fewer
    than the machine has), else the machine's."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # no affinity on this system
        return os.cpu_count() or 1


def this_process() -> int:
    """The id of the process running (what :func:`os.getpid` says, without asking the system)."""
    return _PID[0]


def give_back_memory() -> None:
    """Before processes are forked: the memory this one freed given back to the system (glibc's
    ``malloc_trim``), so that they do not start with it as theirs too (a process forked counts the pages it
    shares as its own). Elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # another C library (musl): nothing to give back this way
        pass


def _start(shared: Any) -> None:
    """The start of a worker: what it inherited from the process that forked it is set aside from its garbage
    collections (``gc.freeze``: those objects are never traversed by them)."""
    global _SHARED
    import gc

    gc.freeze()
    _SHARED = shared
    die_with_parent()


class _WorkFailed(Exception):
    """The work itself failed in a worker (not the pool): its error, to be raised as it is."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(error)
        self.error = error


def _run(work: Callable[[list[Any], Any], list[Any]], chunk: list[Any]) -> list[Any]:
    return work(chunk, _SHARED)


def in_chunks(work: Callable[[list[T], Any], list[R]], items: Sequence[T], shared: Any = None, *,
              jobs: int | None, threshold: int, min_chunk: int, chunks_per_job: int,
              fork_only: bool = False, ahead: int = AHEAD) -> list[R]:
    """``work(chunk, shared)`` over ``items`` cut in chunks, results in the order of ``items``. ``jobs``: the
    number of processes (default: one per core from ``threshold`` items on, else one). ``fork_only``: a
    shared value that cannot be pickled (it is then used in this process where ``fork`` is not available).
    ``ahead``: the chunks given to each worker ahead of the one the caller waits for (all of them, for work of
    uneven chunks whose results are small: no worker waits while another ends a long one)."""
    return [r for part in chunk_results(work, items, shared, jobs=jobs, threshold=threshold, min_chunk=min_chunk,
                                        chunks_per_job=chunks_per_job, fork_only=fork_only, ahead=ahead)
            for r in part]


def chunk_results(work: Callable[[list[T], Any], list[R]], items: Sequence[T], shared: Any = None, *,
                  jobs: int | None, threshold: int, min_chunk: int, chunks_per_job: int,
                  fork_only: bool = False, max_chunk: int | None = None, ahead: int = AHEAD) -> Iterator[list[R]]:
    """:func:`in_chunks`, chunk by chunk as they are done (in the order of ``items``): the caller can keep only
    what it needs of each chunk, so that memory does not grow with the number of items. ``max_chunk`` bounds
    the size of a chunk (and so what one result holds)."""
    if jobs is None:
        jobs = usable_cores() if len(items) >= threshold else 1
    jobs = max(1, min(jobs, len(items)))
    size = max(min_chunk, len(items) // (jobs * chunks_per_job))
    if max_chunk:
        size = max(1, min(size, max_chunk))
    starts = range(0, len(items), size)  # each chunk made when it is given (items may be made on access)

    def chunk_at(start: int) -> list[T]:
        return list(items[start:start + size])

    if jobs == 1:
        for start in starts:
            yield work(chunk_at(start), shared)
        return
    import collections
    import functools
    import itertools
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    if fork_only and "fork" not in methods:
        for start in starts:
            yield work(chunk_at(start), shared)
        return
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if "fork" in methods:
        give_back_memory()
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                                 initargs=(shared,)) as pool:
            # a few chunks ahead per worker, not all of them: results done while the caller is busy with the
            # previous ones wait in memory, and a slower caller would otherwise hold most of them at once
            run = functools.partial(_run, work)
            waiting = collections.deque(pool.submit(run, chunk_at(start)) for start in starts[:jobs * ahead])
            following = (chunk_at(start) for start in starts[jobs * ahead:])
            while waiting:
                try:
                    part = waiting.popleft().result()
                except BrokenProcessPool:
                    raise
                except BaseException as exc:  # the work's own failure (a full disk…): said as it is, never
                    raise _WorkFailed(exc) from exc  # done again here over what the worker had begun
                for chunk in itertools.islice(following, 1):
                    waiting.append(pool.submit(run, chunk))
                done += 1
                yield part
    except _WorkFailed as failed:
        raise failed.error from None
    except (OSError, RuntimeError):  # no processes to be had here (none started, or one killed): the rest here
        for start in starts[done:]:
            yield work(chunk_at(start), shared)
