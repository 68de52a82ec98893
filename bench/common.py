"""What the benchmark scripts share: French numbers, the generated repository."""

from __future__ import annotations

import json
import sys
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
