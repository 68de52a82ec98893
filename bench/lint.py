#!/usr/bin/env python3
"""Speed benchmark of ``iaterr lint`` against ``iaterr validate`` (cold).

    /work/venv/bin/python bench/lint.py --records 10000
    python bench/lint.py --records 2000 --repeat 5 --doublons

Run it with the Python of the virtualenv where iaterr is installed: the command is
looked up next to that Python first, then on the PATH (``--iaterr`` to give another
one, e.g. ``--iaterr "python -m iaterr"``).

On one generated repository (``bench/generate.py``, reused when it is already there
with the same size and seed), in the same run and as whole processes, alternately:

a. ``iaterr validate --no-cache --format json``;
b. ``iaterr lint --format json``;

each with ``IATERR_CACHE_DIR`` pointed at a fresh, empty temporary folder, so that
both start cold (the OS page cache is warm for both). Times are wall clock
(``time.perf_counter`` around the child), best and median of ``--repeat`` runs; the
CPU time (user + system, the child and its own children, from ``os.wait4``) and
the peak memory of each child are shown too, since the wall-clock ratio depends on
how many cores are free. The target, from the project's issue: lint within 5× the
cold validate at 10,000 records (PASS/MISS on the best wall-clock times).

Both runs must see the same files in error: the files with an error of
``validate`` in one, the files with an error of a ``validate`` code in the other
(lint's own error rules are counted apart).

``--doublons`` also checks the duplicate rule against the brute-force comparison
of every pair of use cases of a collectivité (the definition, as it was first
written): the pairs found in this process by ``iaterr.lint.rules.doublons`` must be
the same, and so must the findings in lint's output. At 10,000 records the brute
force takes minutes.

The exit code is 0 even when the target is missed (this is a benchmark, not a
test), 1 when the two runs or the duplicate check disagree.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Run, Series, ensure_repo, fmt_s, fr, run_child  # noqa: E402  (bench/common.py)

#: lint (cold, since it has no cache of its own) within this many times validate --no-cache, at 10,000 records
TARGET_RATIO = 5.0


def timed(cmd: list[str], repo: Path) -> Run:
    """One cold run: a fresh, empty cache folder of the bench's own, never the user's."""
    cache = tempfile.mkdtemp(prefix="iaterr-bench-lint-cache-")
    try:
        before = os.times()
        run = run_child(cmd, repo, {**os.environ, "IATERR_CACHE_DIR": cache}, json_out=True)
        after = os.times()
        # wait4 counts the child alone; the children times of this process also hold the checking processes
        # that the child started and waited for
        run.cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        return run
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def find_iaterr(option: str | None) -> list[str]:
    if option:  # the children run in the repository: a relative program is resolved here
        cmd = shlex.split(option)
        program = Path(cmd[0])
        cmd[0] = str(program.absolute()) if program.parent != Path() and program.exists() else cmd[0]
        return cmd
    local = Path(sys.executable).parent / "iaterr"
    found = str(local) if local.exists() else shutil.which("iaterr")
    if found is None:
        raise SystemExit("iaterr introuvable : lancez ce script avec le Python du virtualenv d'iaterr, ou --iaterr")
    return [found]


# ---------------------------------------------------------------- what the runs found


def diagnostics(run: Run) -> list[dict]:
    return json.loads(run.stdout)["diagnostics"]


def files_in_error(diags: list[dict], codes: set[str] | None = None) -> set[str]:
    """Files with an error; with ``codes``, an error of one of these codes only."""
    return {d["fichier"] for d in diags if d["severite"] == "erreur" and (codes is None or d["code"] in codes)}


def validate_codes() -> set[str]:
    try:
        from iaterr.base.diagnostics import CODES
    except ImportError:  # not installed: use the source tree
        sys.path.insert(0, str(HERE.parent / "src"))
        from iaterr.base.diagnostics import CODES
    return set(CODES)


# ---------------------------------------------------------------- duplicates, brute force


def brute_force_pairs(names: list[str], descriptions: list[str]) -> list[tuple[int, int, str]]:
    """Every pair of one collectivité, as the rule was first written: names, then descriptions."""
    from iaterr.lint.rules.doublons import descriptions_proches, noms_proches

    out = []
    for j in range(1, len(names)):
        for i in range(j):
            if noms_proches(names[i], names[j]):
                out.append((i, j, "nom"))
            elif descriptions_proches(descriptions[i], descriptions[j]):
                out.append((i, j, "description"))
    return out


def check_doublons(repo: Path, lint_diags: list[dict]) -> tuple[bool, str]:
    """The pairs of ``paires_proches`` and lint's findings against the brute force, on ``repo``."""
    from iaterr.base.files import read_regular
    from iaterr.lint.rules.doublons import _normalise_texte, normalise_nom, paires_proches
    from iaterr.repo.yamlio import read_document

    def text(data: dict, key: str) -> str:
        value = data.get(key)
        return value.strip() if isinstance(value, str) else ""

    groups: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for path in sorted((repo / "data" / "cas-usage").glob("*.yaml")):
        rel = f"data/cas-usage/{path.name}"
        try:
            data = read_document(read_regular(path), rel).data
        except Exception:  # noqa: BLE001 - a file lint cannot read has no finding either
            continue
        coll = data.get("collectivite") if isinstance(data, dict) else None
        if isinstance(coll, str) and coll.strip():
            groups[coll.strip()].append((rel, data))
    fast_s = brute_s = 0.0
    fast_all: list[tuple[str, str, str]] = []
    brute_all: list[tuple[str, str, str]] = []
    for records in groups.values():
        records.sort(key=lambda r: r[0])
        names = [normalise_nom(text(d, "nom")) for _, d in records]
        descriptions = [_normalise_texte(text(d, "description")) for _, d in records]
        start = time.perf_counter()
        fast = paires_proches(names, descriptions)
        fast_s += time.perf_counter() - start
        start = time.perf_counter()
        brute = brute_force_pairs(names, descriptions)
        brute_s += time.perf_counter() - start
        fast_all += [(records[j][0], records[i][0], why) for i, j, why in fast]
        brute_all += [(records[j][0], records[i][0], why) for i, j, why in brute]
    found = Counter((d["fichier"], d["chemin"]) for d in lint_diags if d["code"] == "doublon-probable")
    expected = Counter((second, why) for second, _, why in brute_all)
    ok = fast_all == brute_all and found == expected
    same_pairs = "identiques" if fast_all == brute_all else "DIFFÉRENTES"
    report = (f"doublons : {len(brute_all)} paires par comparaison exhaustive ({fmt_s(brute_s)}), "
              f"{len(fast_all)} par blocage ({fmt_s(fast_s)}) : {same_pairs} ; constats de lint "
              f"{'identiques' if found == expected else 'DIFFÉRENTS'} ({sum(found.values())} / "
              f"{sum(expected.values())})")
    return ok, report


# ---------------------------------------------------------------- main








def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", type=int, default=10_000, help="number of use cases (default 10000)")
    ap.add_argument("--repeat", "-k", type=int, default=3, help="runs of each command, best kept (default 3)")
    ap.add_argument("--seed", type=int, default=20240516)
    ap.add_argument("--repo", type=Path, help="generated repository (default bench/out/repo-N)")
    ap.add_argument("--regenerate", action="store_true", help="generate the repository even when it exists")
    ap.add_argument("--iaterr", metavar="CMD", help="command that runs iaterr (default: next to this Python)")
    ap.add_argument("--doublons", action="store_true",
                    help="also check the duplicate rule against the brute-force comparison (slow)")
    ap.add_argument("--json", type=Path, help="also write the raw figures to this file")
    args = ap.parse_args(argv)

    repo = (args.repo or HERE / "out" / f"repo-{args.records}").resolve()
    manifest = ensure_repo(args.records, args.seed, repo, args.regenerate)
    iaterr = find_iaterr(args.iaterr)
    validate = Series("`iaterr validate --no-cache --format json`")
    lint = Series("`iaterr lint --format json`")
    for _ in range(args.repeat):  # alternately, so that both see the same state of the machine
        validate.runs.append(timed(iaterr + ["validate", "--no-cache", "--format", "json", "--repo", str(repo)], repo))
        lint.runs.append(timed(iaterr + ["lint", "--format", "json", "--repo", str(repo)], repo))

    codes = validate_codes()
    v_diags, l_diags = diagnostics(validate.runs[0]), diagnostics(lint.runs[0])
    v_files, l_files = files_in_error(v_diags), files_in_error(l_diags, codes)
    lint_only = files_in_error(l_diags) - l_files
    same_files = v_files == l_files
    stable = all(r.stdout == lint.runs[0].stdout for r in lint.runs)
    ratio, cpu_ratio = lint.best / validate.best, lint.cpu / validate.cpu

    n_files = manifest["records"] + manifest["collectivites"]
    print(f"\n## iaterr lint, {manifest['records']} cas d'usage ({n_files} fichiers), {args.repeat} passages\n")
    print(f"Machine : {platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}\n")
    print("| Mesure | Meilleur | Médiane | Temps CPU | Mémoire max |")
    print("|---|---:|---:|---:|---:|")
    for s in (validate, lint):
        print(f"| {s.label} | {fmt_s(s.best)} | {fmt_s(s.median)} | {fmt_s(s.cpu)} | {fr(s.peak_mb, 0)} Mo |")
    verdict = "PASS" if ratio <= TARGET_RATIO else "MISS"
    print(f"\nRapport lint / validate à froid : **{fr(ratio, 2)}×** (objectif ≤ {fr(TARGET_RATIO, 0)}× à 10 000 "
          f"cas d'usage) : **{verdict}** ; en temps CPU : {fr(cpu_ratio, 2)}×.")
    print(f"Fichiers en erreur : validate {len(v_files)}, lint {len(l_files)} (codes de validate) : "
          f"{'les mêmes' if same_files else 'DIFFÉRENTS'} ; {len(lint_only)} autres fichiers en erreur par les "
          f"règles de lint. Sorties de lint identiques d'un passage à l'autre : {'oui' if stable else 'NON'}.")
    if not same_files:
        print(f"  seulement validate : {sorted(v_files - l_files)[:10]}")
        print(f"  seulement lint : {sorted(l_files - v_files)[:10]}")
    ok = same_files and stable
    doublons = None
    if args.doublons:
        doublons_ok, doublons = check_doublons(repo, l_diags)
        print(doublons[0].upper() + doublons[1:] + ".")
        ok = ok and doublons_ok
    if args.json:
        args.json.write_text(json.dumps({
            "records": manifest["records"], "repeat": args.repeat,
            "validate": [r.seconds for r in validate.runs], "lint": [r.seconds for r in lint.runs],
            "validate_cpu": [r.cpu for r in validate.runs], "lint_cpu": [r.cpu for r in lint.runs],
            "ratio": ratio, "cpu_ratio": cpu_ratio, "pass": ratio <= TARGET_RATIO, "same_files": same_files,
            "doublons": doublons,
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
