#!/usr/bin/env python3
"""The register's cold build (no site, no cache) against a peer: the version of iaterr at which issue #14 was
filed, run in the same session, the two alternated (A B A B…) so that the machine's drift hits both.

    .venv/bin/python bench/registre_froid.py                          # 2 000 and 10 000 records, 3 pairs
    .venv/bin/python bench/registre_froid.py --records 10000 --pairs 5 --peer 410cb14

For each size: the repository of ``bench/generate.py`` (made when missing); each run is a whole ``iaterr register
build`` process with a new cache folder and a new output folder (kept until every series has run: see
``--supprimer-aussitot``), whose wall time, CPU time (itself and its children) and peak memory (``ru_maxrss`` of
the largest process) are read from the system. The peer runs from a git worktree of the ``--peer`` commit
(``bench/out/pair-<commit>``, made once) with this checkout's virtual environment. Issue #14's targets were stated
against that version on the filer's laptop (8.9 s and 436 MB then; 6 s and 300 MB asked), so they are read here as
ratios: time at most 0.67 × the peer's, peak memory at most 0.69 × the peer's, and memory that grows with the
records no more than the search index does (the growth from the smallest to the largest size, compared with the
growth of ``assets/recherche.js``). A benchmark, not a test: the exit code is 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import generated, run_child  # bench/common.py

ROOT = Path(__file__).resolve().parents[1]
TIME_TARGET, MEMORY_TARGET = 6 / 8.9, 300 / 436


def peer_tree(commit: str) -> Path:
    where = ROOT / "bench" / "out" / f"pair-{commit}"
    if not (where / "src" / "iaterr").is_dir():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--force", "--detach", str(where), commit],
                       check=True, capture_output=True)
    return where


def cold(repo: Path, src: Path, where: Path, made: list[Path]) -> tuple[float, float, float, int]:
    """Wall s, CPU s (with children), peak MB of one cold build, and the size of its search index; the site and
    the cache are made in a new folder under ``where``, added to ``made`` (deleted by the caller)."""
    folder = Path(tempfile.mkdtemp(prefix="iaterr-bench-", dir=where))
    made.append(folder)
    cache, out = folder / "cache", folder / "site"
    env = dict(os.environ, IATERR_CACHE_DIR=str(cache), NO_COLOR="1", PYTHONPATH=str(src))
    run = run_child([sys.executable, "-m", "iaterr", "register", "build", "--repo", str(repo), "--out", str(out)],
                    env=env)
    index = out / "assets" / "recherche.js"
    return run.seconds, run.cpu, run.maxrss_kb / 1024, index.stat().st_size if index.exists() else 0


def delete(made: list[Path]) -> None:
    """The runs' folders deleted, the deletion written out before anything else is timed."""
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)
    made.clear()
    os.sync()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--peer", default="410cb14", help="the peer's commit (default: where #14 was filed)")
    # where the sites and caches are made: by default beside the generated repositories, on their disk, as a
    # collectivité builds its register in its repository's folder. Making a file in the system's temporary folder
    # cost the VM of docs/benchmarks.md up to 0.9 ms of system time (a folder two levels under /tmp): a cost of the
    # disk, not of either version, paid 10,000 times a build
    parser.add_argument("--dossier", type=Path, default=ROOT / "bench" / "out",
                        help="where the sites and caches are made (default: bench/out, beside the repositories)")
    # ext4 without a journal (the VM of docs/benchmarks.md) does not reuse an inode freed in the last minute (five
    # more while its block is unwritten): each file created then scans past every such inode of its group. Perf
    # showed 90 % of a file creation's kernel time there after the previous run's 10,000 pages were deleted, a
    # cost of the deletion, paid by whichever run came next. The runs' folders are therefore kept until every
    # series has run; --supprimer-aussitot deletes each right after its run (as before). Other deletions count too
    # (a test suite's temporary files): on such a disk, start the bench after six minutes without large deletions
    parser.add_argument("--supprimer-aussitot", action="store_true",
                        help="delete each run's site and cache right after it (each next run pays the deletion)")
    args = parser.parse_args()
    args.dossier.mkdir(parents=True, exist_ok=True)
    peer = peer_tree(args.peer)
    results = {}
    made: list[Path] = []
    try:
        for records in args.records:
            repo = generated(records)
            runs: dict[str, list[tuple[float, float, float, int]]] = {"A": [], "B": []}
            for _pair in range(args.pairs):
                runs["A"].append(cold(repo, ROOT / "src", args.dossier, made))
                if args.supprimer_aussitot:
                    delete(made)
                runs["B"].append(cold(repo, peer / "src", args.dossier, made))
                if args.supprimer_aussitot:
                    delete(made)
            results[records] = runs
    finally:
        delete(made)
    print("| Fiches | Version | Durée, médiane (min–max) | CPU, médiane | Pic mémoire, médiane | Rapport durée A/B "
          "(cible ≤ 0,67) | Rapport mémoire A/B (cible ≤ 0,69) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for records, runs in results.items():
        ratio_t = statistics.median(a[0] / b[0] for a, b in zip(runs["A"], runs["B"]))
        ratio_m = statistics.median(a[2] / b[2] for a, b in zip(runs["A"], runs["B"]))
        for name, label in (("A", "cette version"), ("B", f"pair ({args.peer})")):
            walls = [r[0] for r in runs[name]]
            print(f"| {records} | {label} | {statistics.median(walls):.1f} s ({min(walls):.1f}–{max(walls):.1f}) | "
                  f"{statistics.median(r[1] for r in runs[name]):.1f} s | "
                  f"{statistics.median(r[2] for r in runs[name]):.0f} Mo | "
                  + (f"{ratio_t:.2f} | {ratio_m:.2f} |" if name == "A" else "— | — |"))
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for name, label in (("A", "cette version"), ("B", "pair")):
            grow = statistics.median(r[2] for r in results[large][name]) - \
                statistics.median(r[2] for r in results[small][name])
            index = (results[large][name][0][3] - results[small][name][0][3]) / 2**20
            print(f"\n{label} : de {small} à {large} fiches, le pic mémoire croît de {grow:.0f} Mo "
                  f"({grow * 1024 / (large - small):.1f} Ko par fiche) ; l'index de recherche de {index:.1f} Mo.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
