#!/usr/bin/env python3
"""Peak memory of ``validate``, ``export`` (every format of the registry) and ``register build`` by repository
size, cold and warm (issue #16: bounded memory at the scale of every French collectivité).

    .venv/bin/python bench/memoire.py bench/out/repo-2000 bench/out/repo-10000
    .venv/bin/python bench/memoire.py bench/out/repo-2000 bench/out/repo-100000 --commands validate,csv,json
    .venv/bin/python bench/memoire.py bench/out/repo-2000 --src ../autre-version/src      # another version

Each run is one process (``python -m iaterr …``) whose peak memory (``ru_maxrss`` of ``os.wait4``: the largest of
the process and the workers it waited for), wall time and CPU time are read from the system. *Cold*: a new,
empty cache folder (``IATERR_CACHE_DIR``); *warm*: the same command again with the cache the cold run left. The
output of ``export`` goes to a temporary file, ``register build`` to a temporary folder. Printed: a table of
sizes × commands (peak MB), then, between the smallest and each larger repository, the growth of the peak in KB
per use case — what stays in memory for each record. A benchmark, not a test: the exit code is 0 whatever it
finds (a command that fails is said and skipped).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from common import fr, run_child  # bench/common.py

ROOT = Path(__file__).resolve().parents[1]
#: every format of the registry that reads records (the Table Schema does not)
FORMATS = ("csv", "json", "bibliotheque", "eurocities", "algoritmeregister", "atrs", "ai-act")
COMMANDS = ("validate", *FORMATS, "register")


def records_of(repo: Path) -> int:
    manifest = repo / "bench-manifest.json"
    if manifest.is_file():
        return int(json.loads(manifest.read_text(encoding="utf-8"))["records"])
    return sum(1 for _ in (repo / "data" / "cas-usage").glob("*.y*ml"))


def argv(command: str, repo: Path, out: Path, restricted: bool) -> list[str]:
    base = [sys.executable, "-m", "iaterr"]
    if command == "validate":
        return [*base, "validate", "--quiet", "--repo", str(repo)]
    if command == "register":
        return [*base, "register", "build", "--repo", str(repo), "--out", str(out / "site")]
    extra = ["--include-restricted"] if restricted else []
    return [*base, "export", "--format", command, *extra, "--repo", str(repo), "-o", str(out / "export.out")]


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float] | None:
    """(peak MB, wall s, CPU s) of one process, or None when it failed."""
    done = run_child(cmd, env=env, check=False)
    if done.returncode not in (0, 1):
        print(f"échec ({done.returncode}) : {' '.join(cmd[3:6])}…\n{done.stderr[-1500:]}", file=sys.stderr)
        return None
    return done.maxrss_kb / 1024, done.seconds, done.cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repos", nargs="+", type=Path, help="generated repositories (bench/generate.py)")
    parser.add_argument("--commands", default=",".join(COMMANDS),
                        help=f"among {', '.join(COMMANDS)} (default: all)")
    parser.add_argument("--modes", default="froid,chaud", help="froid, chaud or both (default)")
    parser.add_argument("--restricted", action="store_true", help="exports with --include-restricted")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the iaterr sources to run (PYTHONPATH)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    commands = [c for c in args.commands.split(",") if c]
    unknown = [c for c in commands if c not in COMMANDS]
    if unknown:
        parser.error(f"unknown commands: {', '.join(unknown)}")
    modes = [m for m in args.modes.split(",") if m in ("froid", "chaud")]
    repos = sorted(((records_of(r), r.resolve()) for r in args.repos), key=lambda x: x[0])
    figures: dict[str, dict[str, dict[int, tuple[float, float, float]]]] = {}
    for command in commands:
        for size, repo in repos:
            cache = tempfile.mkdtemp(prefix="iaterr-memoire-cache-")
            out = Path(tempfile.mkdtemp(prefix="iaterr-memoire-out-"))
            env = dict(os.environ, IATERR_CACHE_DIR=cache, NO_COLOR="1", PYTHONPATH=str(args.src.resolve()))
            try:
                for mode in ("froid", "chaud"):
                    measured = run(argv(command, repo, out, args.restricted), env)
                    if measured is not None and mode in modes:
                        figures.setdefault(command, {}).setdefault(mode, {})[size] = measured
                        peak, wall, cpu = measured
                        print(f"{command:18} {mode:5} {size:>7} fiches : {fr(peak, 0):>6} Mo  {fr(wall, 1):>6} s "
                              f"(CPU {fr(cpu, 1)} s)", file=sys.stderr, flush=True)
                    if measured is None or "chaud" not in modes:
                        break
            finally:
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
    sizes = [size for size, _repo in repos]
    print("| Commande | Cache | " + " | ".join(f"{size} fiches" for size in sizes)
          + "".join(f" | Ko/fiche {sizes[0]}→{size}" for size in sizes[1:]) + " |")
    print("| --- | --- |" + " ---: |" * (2 * len(sizes) - 1))
    for command in commands:
        for mode in modes:
            row = figures.get(command, {}).get(mode, {})
            label = "register build" if command == "register" else command if command == "validate" else \
                f"export {command}"
            cells = [f"{fr(row[size][0], 0)} Mo" if size in row else "—" for size in sizes]
            growth = []
            for size in sizes[1:]:
                if size in row and sizes[0] in row:
                    kb = (row[size][0] - row[sizes[0]][0]) * 1024 / (size - sizes[0])
                    growth.append(fr(kb, 2))
                else:
                    growth.append("—")
            print(f"| {label} | {mode} | " + " | ".join(cells + growth) + " |")
    if args.json:
        args.json.write_text(json.dumps({c: {m: {str(s): v for s, v in by.items()} for m, by in modes_.items()}
                                         for c, modes_ in figures.items()}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
