"""What the benchmark scripts share: French numbers, the generated repository."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import generate  # bench/generate.py


def fr(number: float, digits: int) -> str:
    """A number as written in French: decimal comma."""
    return f"{number:.{digits}f}".replace(".", ",")


def fmt_s(seconds: float) -> str:
    return f"{fr(seconds, 2 if seconds < 10 else 1)} s"


def ensure_repo(records: int, seed: int, out: Path, regenerate: bool) -> dict:
    """The generated repository of ``records`` use cases in ``out``: reused when it is there with the same size,
    seed and generator, else generated."""
    manifest_path = out / generate.MANIFEST
    if not regenerate and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        n = len(list((out / "data" / "cas-usage").glob("*.yaml")))
        if (manifest.get("records") == records and manifest.get("seed") == seed and n == records
                and manifest.get("generateur") == generate.GENERATOR_VERSION):
            print(f"Dépôt réutilisé : {out}", file=sys.stderr)
            return manifest
    print(f"Génération de {records} cas d'usage dans {out}…", file=sys.stderr)
    return generate.generate(records, out, seed)


def generated(records: int) -> Path:
    """``bench/out/repo-N`` of :mod:`generate` with its default seed, made when missing."""
    repo = Path(__file__).resolve().parent / "out" / f"repo-{records}"
    if not (repo / "iaterr.yaml").is_file():
        generate.generate(records, repo)
    return repo


@dataclass
class Run:
    """One run of a child process."""

    seconds: float
    cpu: float
    maxrss_kb: int
    returncode: int
    stdout: str
    stderr: str = ""


@dataclass
class Series:
    """Several runs of the same command."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return min(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.maxrss_kb for r in self.runs) / 1024


def run_child(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None, json_out: bool = False,
              check: bool = True) -> Run:
    """Run ``cmd``: wall-clock time, CPU time and peak RSS of the child and the processes it waited for
    (``wait4``). With ``check``, any exit code but 0 (fine) and 1 (findings) stops the bench, as does an output
    that is not JSON when ``json_out``; without, the caller reads ``returncode``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if check and (returncode not in (0, 1) or (json_out and not stdout.lstrip().startswith("{"))):
        raise SystemExit(f"{' '.join(cmd[:4])}… failed with exit code {returncode}:\n{stderr[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, returncode, stdout, stderr)
