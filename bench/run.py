#!/usr/bin/env python3
"""Speed benchmark of ``iaterr validate`` against ``check-jsonschema``.

    /work/venv/bin/python bench/run.py --records 10000
    python bench/run.py --records 2000 --repeat 5 --skip-check-jsonschema

Run it with the Python of the virtualenv where iaterr (and check-jsonschema, the
``bench`` extra) are installed: both commands are looked up next to that Python
first, then on the PATH.

On one generated repository (``bench/generate.py``, reused when it is already
there with the same size and seed), in the same run and on the same files:

a. ``iaterr validate --no-cache --format json``, with an empty cache folder (``IATERR_CACHE_DIR`` points
   at a folder of the bench, emptied before each cold run; the OS page cache is warm for both tools);
b. ``iaterr validate --format json`` again with a warm cache, nothing changed;
c. the same after changing the content of one file;
d. ``check-jsonschema --schemafile schema/cas-usage.schema.json data/cas-usage/*.yaml``
   and the same for collectivités (file lists passed directly, in chunks only if
   the command line would be too long; times summed).

Times are wall clock (``time.perf_counter`` around the child), best of
``--repeat`` runs (median shown too). Peak memory is the ``ru_maxrss`` of each
child alone, from ``os.wait4`` on its pid. Both tools' failing files are counted
and compared with the invalid files the generator planted. The figures are
printed as a Markdown table with PASS/MISS per target; the exit code is 0 even
when a target is missed: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Run, Series, ensure_repo, fmt_s, fr, run_child  # noqa: E402  (bench/common.py)

#: targets, defined at 10,000 records
TARGET_RATIO = 0.25  # iaterr cold / check-jsonschema
TARGET_EXPORT_RATIO = 1.5  # iaterr export --csv / iaterr validate (cold)
TARGET_WARM_S = 0.8  # iaterr, warm cache, nothing changed
TARGET_MEMORY_MB = 300  # peak RSS of any iaterr run


# ---------------------------------------------------------------- running a child


def find_tool(name: str) -> str | None:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


# ---------------------------------------------------------------- the tools


def iaterr_failing(run: Run) -> tuple[set[str], dict]:
    payload = json.loads(run.stdout)
    files = {d["fichier"] for d in payload["diagnostics"] if d["severite"] == "erreur"}
    return files, payload["resume"]


def chunks(files: list[str], fixed: list[str]) -> list[list[str]]:
    """Split ``files`` so that each command line stays well under ARG_MAX."""
    try:
        budget = os.sysconf("SC_ARG_MAX") // 2
    except (ValueError, OSError):  # pragma: no cover
        budget = 128 * 1024
    budget -= sum(len(a) + 1 for a in fixed) + sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    out: list[list[str]] = [[]]
    size = 0
    for f in files:
        cost = len(f.encode()) + 1 + 8  # + the argv pointer
        if out[-1] and size + cost > budget:
            out.append([])
            size = 0
        out[-1].append(f)
        size += cost
    return out


def check_jsonschema_info(tool: str) -> str:
    """Version of check-jsonschema and whether its ruamel.yaml parses in C (``ruamel.yaml.clib``)."""
    python = Path(tool).resolve().parent / "python"
    probe = ("import importlib.metadata as m, ruamel.yaml.main as y; "
             "print(m.version('check-jsonschema'), m.version('ruamel.yaml'), y.CParser is not None)")
    try:
        out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=60).stdout.split()
        cj_version, ruamel_version, c_parser = out
    except (OSError, ValueError, subprocess.SubprocessError):
        return "?"
    parser = "analyseur C (ruamel.yaml.clib)" if c_parser == "True" else "analyseur Python pur"
    return f"{cj_version} (ruamel.yaml {ruamel_version}, {parser})"


def check_jsonschema_once(tool: str, repo: Path) -> tuple[float, int, set[str], int]:
    """Both kinds, every chunk: total seconds, peak RSS (kB), failing files, invocations."""
    seconds = 0.0
    peak = 0
    failing: set[str] = set()
    calls = 0
    for folder, schema in (("cas-usage", "cas-usage"), ("collectivites", "collectivite")):
        files = sorted(f"data/{folder}/{p.name}" for p in (repo / "data" / folder).glob("*.yaml"))
        fixed = [tool, "--output-format", "json", "--schemafile", f"schema/{schema}.schema.json"]
        for part in chunks(files, fixed):
            run = run_child(fixed + part, repo)
            calls += 1
            seconds += run.seconds
            peak = max(peak, run.maxrss_kb)
            payload = json.loads(run.stdout)
            failing |= {e["filename"] for e in payload.get("errors", [])}
            failing |= {e["filename"] for e in payload.get("parse_errors", [])}
    return seconds, peak, failing, calls


def source_state() -> str:
    """Size and time of iaterr's own files: its validation cache is dropped when they change."""
    import hashlib
    import importlib.util

    spec = importlib.util.find_spec("iaterr")
    if spec is None or not spec.submodule_search_locations:
        return "?"
    h = hashlib.sha1()
    for base in spec.submodule_search_locations:
        for path in sorted(Path(base).rglob("*.py")):
            st = path.stat()
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def git_head() -> str:
    try:
        out = subprocess.run(["git", "-C", str(HERE.parent), "log", "-1", "--format=%h %s"],
                             capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(HERE.parent), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return out.stdout.strip() + (" (src/ modifié, non commité)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "?"


# ---------------------------------------------------------------- machine


def machine(head: str | None = None) -> dict[str, str]:
    info: dict[str, str] = {"nproc": str(os.cpu_count())}
    try:
        info["nproc"] = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or info["nproc"]
    except OSError:
        pass
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memoire"] = f"{fr(int(line.split()[1]) / 1024 / 1024, 1)} Gio"
                break
    except OSError:
        pass
    info["os"] = platform.platform()
    info["python"] = platform.python_version()
    info["commit iaterr"] = head or git_head()
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("iaterr", "pydantic", "pydantic-core", "PyYAML", "check-jsonschema", "jsonschema", "ruamel.yaml"):
        try:
            info[dist] = version(dist)
        except PackageNotFoundError:
            info[dist] = "absent"
    try:
        import yaml

        info["PyYAML"] += " (libyaml : oui)" if yaml.__with_libyaml__ else " (libyaml : non)"
    except ImportError:
        pass
    return info


# ---------------------------------------------------------------- main






def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"




def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", type=int, default=10_000, help="number of use cases (default 10000)")
    ap.add_argument("--repeat", "-k", type=int, default=3, help="runs per iaterr measure, best kept (default 3)")
    ap.add_argument("--repeat-check-jsonschema", type=int, default=None,
                    help="runs of check-jsonschema (default: --repeat, at most 2 when one run takes over 10 s)")
    ap.add_argument("--skip-check-jsonschema", action="store_true", help="measure iaterr only")
    ap.add_argument("--check-jsonschema", dest="cj_path", metavar="PATH",
                    help="check-jsonschema executable to use (e.g. from another virtualenv)")
    ap.add_argument("--seed", type=int, default=20240516)
    ap.add_argument("--repo", type=Path, help="generated repository (default bench/out/repo-N)")
    ap.add_argument("--regenerate", action="store_true", help="generate the repository even when it exists")
    ap.add_argument("--json", type=Path, help="also write the raw figures to this file")
    args = ap.parse_args(argv)

    repo = (args.repo or HERE / "out" / f"repo-{args.records}").resolve()
    manifest = ensure_repo(args.records, args.seed, repo, args.regenerate)
    iaterr = find_tool("iaterr")
    if iaterr is None:
        raise SystemExit("iaterr introuvable : lancez ce script avec le Python du virtualenv d'iaterr")
    cj = None if args.skip_check_jsonschema else (args.cj_path or find_tool("check-jsonschema"))
    if not args.skip_check_jsonschema and cj is None:
        raise SystemExit("check-jsonschema introuvable : pip install 'iaterr[bench]' (ou --skip-check-jsonschema)")

    # the children's cache: a folder of the bench's own, never the user's
    cache_dir = Path(tempfile.mkdtemp(prefix="iaterr-bench-cache-"))
    os.environ["IATERR_CACHE_DIR"] = str(cache_dir)
    base = [iaterr, "validate", "--repo", str(repo), "--format", "json"]
    n_files = manifest["records"] + manifest["collectivites"]
    expected = {x["fichier"] for x in manifest["invalides"]}
    expected_schema = {x["fichier"] for x in manifest["invalides"] if x["schema"]}

    state, head = source_state(), git_head()

    # (a) cold: no cache at all
    cold = Series("iaterr, à froid (`--no-cache`)")
    for _ in range(args.repeat):
        shutil.rmtree(cache_dir, ignore_errors=True)
        cold.runs.append(run_child(base + ["--no-cache"], repo))
    iaterr_fail, resume = iaterr_failing(cold.runs[0])

    # first run with the cache: reads everything and writes the cache
    first = Series("iaterr, premier passage (écrit le cache)")
    for _ in range(args.repeat):
        shutil.rmtree(cache_dir, ignore_errors=True)
        first.runs.append(run_child(base, repo))

    # (b) warm, nothing changed
    warm = Series("iaterr, cache chaud, rien de changé")
    for _ in range(args.repeat):
        warm.runs.append(run_child(base, repo))
    warm_resume = iaterr_failing(warm.runs[-1])[1]
    same_as_cold = json.loads(warm.runs[-1].stdout)["diagnostics"] == json.loads(cold.runs[0].stdout)["diagnostics"]

    # (c) warm, one file changed (its content, hence its size and time)
    changed = Series("iaterr, cache chaud, un fichier modifié")
    target = next(p for p in sorted((repo / "data" / "cas-usage").glob("*.yaml"))
                  if f"data/cas-usage/{p.name}" not in expected)
    original = target.read_bytes()
    try:
        for k in range(args.repeat):
            target.write_bytes(original + f"# modification {k + 1} pour le banc d'essai\n".encode() + b"#" * k)
            changed.runs.append(run_child(base, repo))
        changed_resume = iaterr_failing(changed.runs[-1])[1]
    finally:
        target.write_bytes(original)

    # (d) check-jsonschema
    cj_times: list[float] = []
    cj_peak = 0
    cj_fail: set[str] = set()
    cj_calls = 0
    if cj:
        want = args.repeat_check_jsonschema
        k = 0
        while True:
            seconds, peak, cj_fail, cj_calls = check_jsonschema_once(cj, repo)
            cj_times.append(seconds)
            cj_peak = max(cj_peak, peak)
            k += 1
            limit = want if want is not None else (min(args.repeat, 2) if cj_times[0] > 10 else args.repeat)
            if k >= limit:
                break

    # ------------------------------------------------------------ report
    warnings: list[str] = []
    if source_state() != state:
        warnings.append("Le code d'iaterr a changé pendant la mesure : toutes les exécutions ne portent peut-être "
                        "pas sur la même version.")
    # (e) export of the same records to the open-data CSV, against the cold validation
    exporting = Series("iaterr export --csv, cache vide (tout relu)")
    export_out = cache_dir.parent / f"{cache_dir.name}-export.csv"
    export_cmd = [base[0], "export", "--repo", str(repo), "--csv", "-o", str(export_out)]
    for _ in range(args.repeat):
        shutil.rmtree(cache_dir, ignore_errors=True)
        exporting.runs.append(run_child(export_cmd, repo))
    cold_csv = export_out.read_bytes()
    exporting_warm = Series("iaterr export --csv, cache chaud")
    for _ in range(args.repeat):
        exporting_warm.runs.append(run_child(export_cmd, repo))
    same_export = export_out.read_bytes() == cold_csv
    export_out.unlink(missing_ok=True)
    warm_reread = [iaterr_failing(r)[1]["fichiers_relus"] for r in warm.runs]
    changed_reread = [iaterr_failing(r)[1]["fichiers_relus"] for r in changed.runs]
    if any(warm_reread) or any(n != 1 for n in changed_reread):
        warnings.append(f"Fichiers relus à chaud : {warm_reread} (attendu 0), après une modification : "
                        f"{changed_reread} (attendu 1) : mesure à chaud faussée, relancez.")
    iaterr_peak = max(s.peak_mb for s in (cold, first, warm, changed))
    export_ratio = exporting.best / cold.best
    lines = [
        f"## Résultats : {manifest['records']} cas d'usage, {manifest['collectivites']} collectivités "
        f"({n_files} fichiers, {fr(manifest['octets_cas_usage'] / 1e6, 1)} Mo de cas d'usage)",
        "",
        f"Meilleur temps sur {args.repeat} exécution(s) pour iaterr"
        + (f", sur {len(cj_times)} pour check-jsonschema" if cj_times else "") + ".",
        "",
        "| Mesure | Meilleur temps | Médiane | Mémoire max | Cible | Verdict |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    ratio = cold.best / min(cj_times) if cj_times else None
    cold_target = f"≤ {fr(TARGET_RATIO, 2)} × check-jsonschema" + (f" (≤ {fmt_s(TARGET_RATIO * min(cj_times))})"
                                                            if cj_times else "")
    cold_verdict = verdict(ratio <= TARGET_RATIO) if ratio is not None else "—"
    lines.append(f"| (a) {cold.label} | {fmt_s(cold.best)} | {fmt_s(cold.median)} | {cold.peak_mb:.0f} Mo "
                 f"| {cold_target} | {cold_verdict} |")
    lines.append(f"| {first.label} | {fmt_s(first.best)} | {fmt_s(first.median)} | {first.peak_mb:.0f} Mo | — | — |")
    lines.append(f"| (b) {warm.label} | {fmt_s(warm.best)} | {fmt_s(warm.median)} | {warm.peak_mb:.0f} Mo "
                 f"| < {fr(TARGET_WARM_S, 1)} s | {verdict(warm.best < TARGET_WARM_S)} |")
    lines.append(f"| (c) {changed.label} | {fmt_s(changed.best)} | {fmt_s(changed.median)} "
                 f"| {changed.peak_mb:.0f} Mo | — | — |")
    if cj_times and ratio is not None:
        calls = f" ({cj_calls} appels)" if cj_calls > 2 else ""
        lines.append(f"| (d) check-jsonschema{calls} | {fmt_s(min(cj_times))} "
                     f"| {fmt_s(statistics.median(cj_times))} | {cj_peak / 1024:.0f} Mo | référence | — |")
        lines.append(f"| Rapport (a) / (d) | {fr(ratio, 3)} | | | ≤ {fr(TARGET_RATIO, 2)} | {cold_verdict} |")
    lines.append(f"| Mémoire max d'iaterr (toutes exécutions) | | | {iaterr_peak:.0f} Mo | < {TARGET_MEMORY_MB} Mo "
                 f"| {verdict(iaterr_peak < TARGET_MEMORY_MB)} |")
    lines.append(f"| (e) {exporting.label} | {fmt_s(exporting.best)} | {fmt_s(exporting.median)} "
                 f"| {exporting.peak_mb:.0f} Mo | ≤ {fr(TARGET_EXPORT_RATIO, 1)} × (a) | "
                 f"{verdict(export_ratio <= TARGET_EXPORT_RATIO)} |")
    lines.append(f"| Rapport (e) / (a) | {fr(export_ratio, 2)} | | | ≤ {fr(TARGET_EXPORT_RATIO, 1)} "
                 f"| {verdict(export_ratio <= TARGET_EXPORT_RATIO)} |")
    lines.append(f"| (f) {exporting_warm.label} | {fmt_s(exporting_warm.best)} | {fmt_s(exporting_warm.median)} "
                 f"| {exporting_warm.peak_mb:.0f} Mo | — | — |")
    lines.append(f"| À chaud = à froid (diagnostics de `validate`, octets du CSV) | "
                 f"{'oui' if same_as_cold and same_export else 'NON'} | | | identiques | "
                 f"{verdict(same_as_cold and same_export)} |")
    lines.append("")
    if cj:
        cj_info = check_jsonschema_info(cj)
        lines += [f"check-jsonschema : `{cj}`, version {cj_info} ; cas d'usage et collectivités, "
                  "temps additionnés.", ""]
        if "Python pur" in cj_info:
            lines += ["Sans `ruamel.yaml.clib`, check-jsonschema lit le YAML en Python pur, environ 3,5 fois plus "
                      "lentement : le rapport (a) / (d) est alors flatteur. Pour la comparaison exigeante, "
                      "installez `ruamel.yaml.clib` à côté de check-jsonschema (voir docs/benchmarks.md).", ""]
    if manifest["records"] != 10_000:
        lines += ["Les cibles sont définies pour 10 000 cas d'usage ; à cette taille, les verdicts sont "
                  "indicatifs.", ""]

    # sanity: did both tools do the same work?
    lines += ["### Contrôle : fichiers signalés en erreur", ""]
    miss, extra = expected - iaterr_fail, iaterr_fail - expected
    lines.append(f"- iaterr : {len(iaterr_fail)} fichiers en erreur ; {len(expected)} fichiers invalides "
                 f"générés ; manquants {len(miss)}, inattendus {len(extra)}.")
    if cj_times:
        miss_cj, extra_cj = expected_schema - cj_fail, cj_fail - expected_schema
        lines.append(f"- check-jsonschema : {len(cj_fail)} fichiers en erreur ; {len(expected_schema)} attendus "
                     f"(clé SIRET fausse : {len(expected) - len(expected_schema)} fichier(s) que le schéma JSON "
                     f"ne peut pas voir) ; "
                     f"manquants {len(miss_cj)}, inattendus {len(extra_cj)}.")
        for f in sorted(miss_cj | extra_cj)[:10]:
            lines.append(f"  - check-jsonschema {'manque' if f in miss_cj else 'signale en trop'} : `{f}`")
    for f in sorted(miss | extra)[:10]:
        lines.append(f"  - iaterr {'manque' if f in miss else 'signale en trop'} : `{f}`")
    lines.append(f"- Cache : à chaud, {warm_resume['fichiers_relus']} fichier relu, "
                 f"{warm_resume['fichiers_en_cache']} en cache ; un fichier modifié, "
                 f"{changed_resume['fichiers_relus']} relu, {changed_resume['fichiers_en_cache']} en cache.")
    lines.append("")
    for w in warnings:
        lines.append(f"**Attention** : {w}")
        lines.append("")
    print("\n".join(lines))

    if args.json:
        raw = {
            "records": manifest["records"], "collectivites": manifest["collectivites"], "machine": machine(head),
            "iaterr": {s.label: {"secondes": [r.seconds for r in s.runs], "maxrss_ko": [r.maxrss_kb for r in s.runs]}
                       for s in (cold, first, warm, changed)},
            "check_jsonschema": {"executable": cj, "version": cj_info if cj else None,
                                 "secondes": cj_times, "maxrss_ko": cj_peak, "appels": cj_calls},
            "ratio": ratio, "resume_iaterr": resume,
            "fichiers_en_erreur": {"iaterr": len(iaterr_fail), "check_jsonschema": len(cj_fail),
                                   "attendus": len(expected), "attendus_schema": len(expected_schema)},
        }
        args.json.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    print("### Machine\n")
    for key, value in machine(head).items():
        print(f"- {key} : {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
