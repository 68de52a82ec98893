#!/usr/bin/env python3
"""The register's home page at 2,000 and 10,000 use cases: its weight, its search index, the time a search or a
filter takes in headless Chromium, and the cold build (time and peak memory).

    .venv/bin/python bench/site_filtrage.py                      # 2 000 and 10 000 records
    .venv/bin/python bench/site_filtrage.py --records 2000 --cpu 4

For each size: generates the repository (``bench/generate.py``, reused when there), builds the register cold (empty
cache folder, new output folder) in a child process whose wall time and ``ru_maxrss`` are measured, then opens
``index.html`` in Chromium (``tests/browser.py``) and times ``window.IATERR_RECHERCHER(query)`` — the page's own
search: fold the query, filter every record, draw the first page of results — for a few queries, each
``--repeat`` times (median), with the CPU normal and slowed ``--cpu`` times (DevTools CPU throttling, a slow
phone). Prints a Markdown table; ratios are to the targets of issue #14 (home page < 150 KB, search < 100 ms,
cold build < 6 s and < 300 MB at 10 000 records). A benchmark, not a test: the exit code is 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from common import generated, run_child  # noqa: E402 - bench/common.py

QUERIES = ("eau", "réseaux", "chatbot", "intelligence artificielle", "zzzz")
TARGET_HTML, TARGET_MS = 150_000, 100.0


def cold_build(repo: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of ``iaterr register build`` with empty caches, in a child process."""
    env = dict(os.environ, IATERR_CACHE_DIR=tempfile.mkdtemp(prefix="iaterr-bench-cache-"), NO_COLOR="1")
    run = run_child([sys.executable, "-m", "iaterr", "register", "build", "--repo", str(repo), "--out", str(out)],
                    env=env)
    return run.seconds, run.maxrss_kb / 1024


def search_times(site: Path, repeat: int, cpu: float) -> dict[str, float]:
    from browser import open_page, start_browser

    driver = start_browser(Path(tempfile.mkdtemp(prefix="iaterr-bench-chromium-")))
    try:
        times: dict[str, float] = {}
        for rate in (1.0, cpu):
            driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": rate})
            open_page(driver, site / "index.html")
            for query in QUERIES:
                runs = [driver.execute_script("return window.IATERR_RECHERCHER(arguments[0])", query)
                        for _ in range(repeat)]
                times[f"{query}@{rate:g}"] = statistics.median(runs)
            runs = []
            for _ in range(repeat):  # a filter: the status select, then back to all
                runs.append(driver.execute_script("""
                    var s = document.getElementById('f-statut'), t0 = performance.now();
                    s.value = s.options[1].value; s.dispatchEvent(new Event('change'));
                    var t = performance.now() - t0; s.value = ''; s.dispatchEvent(new Event('change')); return t;"""))
            times[f"filtre statut@{rate:g}"] = statistics.median(runs)
        driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 1})
        return times
    finally:
        driver.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cpu", type=float, default=4.0, help="CPU slowdown for the second series (default 4)")
    args = parser.parse_args()
    rows = []
    for records in args.records:
        repo = generated(records)
        out = Path(tempfile.mkdtemp(prefix="iaterr-bench-site-")) / "site"
        seconds, peak = cold_build(repo, out)
        html = (out / "index.html").stat().st_size
        index = (out / "assets" / "recherche.js").stat().st_size
        times = search_times(out, args.repeat, args.cpu)
        rows.append((records, seconds, peak, html, index, times))
    print("| Fiches | Construction à froid | Pic mémoire | Accueil (HTML) | Index de recherche | Recherche / filtre, "
          f"médiane (pire) | Idem, CPU ÷{args.cpu:g} |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for records, seconds, peak, html, index, times in rows:
        normal = [v for k, v in times.items() if k.endswith("@1")]
        slow = [v for k, v in times.items() if not k.endswith("@1")]
        print(f"| {records} | {seconds:.1f} s | {peak:.0f} Mo | {html / 1000:.0f} Ko ({html / TARGET_HTML:.2f} × "
              f"cible) | {index / 1e6:.2f} Mo | {statistics.median(normal):.0f} ms ({max(normal):.0f} ms ; "
              f"{max(normal) / TARGET_MS:.2f} × cible) | {statistics.median(slow):.0f} ms ({max(slow):.0f} ms) |")
    print()
    for records, *_rest, times in rows:
        print(f"{records} fiches : " + " ; ".join(f"{k} {v:.1f} ms" for k, v in times.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
