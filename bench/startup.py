#!/usr/bin/env python3
"""Start-up of the ``iaterr`` command, against the floor of the same interpreter doing nothing.

    python bench/startup.py --repeat 21

Times, as whole processes, in the same run and interleaved (floor, then each command, round after
round, so that a drift of the machine's speed hits them all):

- the floor: ``python -c pass`` with the interpreter of iaterr's virtualenv;
- ``iaterr --version`` and ``iaterr --help`` (targets: under 0.15 s);
- ``iaterr validate`` on the embedded data (run from a folder outside any repository), with a warm
  cache (target: under 0.3 s) — the first call, which fills the cache, is not counted.

Medians are quoted (a shared machine is noisy), with each command's ratio to the floor. The cache
folder is one of the bench's own (``IATERR_CACHE_DIR``). iaterr's modules are compiled first, as
``pip install`` does. Exit code 0 even when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"--version": 0.15, "--help": 0.15, "validate": 0.30}


def _time(cmd: list[str], cwd: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: code de sortie {done.returncode}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="rounds (odd: a true median)")
    args = parser.parse_args(argv)
    here = Path(sys.executable).parent
    iaterr = str(here / "iaterr") if (here / "iaterr").exists() else "iaterr"
    outside = tempfile.mkdtemp(prefix="iaterr-bench-ailleurs-")
    # as after `pip install`: iaterr's modules compiled once (an environment with PYTHONDONTWRITEBYTECODE
    # would otherwise compile iaterr's sources at every start, which no installed copy does)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("iaterr")
    assert spec is not None and spec.origin is not None
    compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)
    os.environ["IATERR_CACHE_DIR"] = tempfile.mkdtemp(prefix="iaterr-bench-cache-")
    commands = {
        "floor": [sys.executable, "-c", "pass"],
        "--version": [iaterr, "--version"],
        "--help": [iaterr, "--help"],
        "validate": [iaterr, "validate"],
    }
    for cmd in commands.values():  # warm-up: the OS caches, and iaterr's cache of the embedded data
        _time(cmd, outside)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            times[name].append(_time(cmd, outside))
    floor = statistics.median(times["floor"])
    print("| Commande | Médiane | Min | Max | Rapport au plancher | Cible | Verdict |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    print(f"| plancher : `python -c pass` | {floor:.3f} s | {min(times['floor']):.3f} s "
          f"| {max(times['floor']):.3f} s | 1 | — | — |")
    for name in ("--version", "--help", "validate"):
        median = statistics.median(times[name])
        label = f"`iaterr {name}`" + (" (données embarquées, cache chaud)" if name == "validate" else "")
        target = TARGETS[name]
        print(f"| {label} | {median:.3f} s | {min(times[name]):.3f} s | {max(times[name]):.3f} s "
              f"| {median / floor:.1f} | < {target:.2f} s | {'PASS' if median < target else 'MISS'} |")
    print(f"\n{args.repeat} tours entrelacés ; Python {sys.version.split()[0]} ; {os.cpu_count()} processeurs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
