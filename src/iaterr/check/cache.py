"""A cache of per-file validation results, so that an unchanged repository is
checked again in well under a second.

An entry is keyed on the file's path, size and modification time (nanoseconds);
the whole cache is dropped when iaterr itself changes (version and the size and
time of its own source files). Cross-record checks are never cached: they run
again on every call from the cached summaries. The cache lives in
``.iaterr-cache/`` at the repository root, which holds its own ``.gitignore``
so that git never sees it. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from iaterr import __version__
from iaterr.check.diagnostics import Diagnostic
from iaterr.repo.yamlio import atomic_write

CACHE_DIR = ".iaterr-cache"
CACHE_FILE = "validate.json"


def ensure_cache_dir(folder: Path) -> Path:
    """The cache folder, created with a ``.gitignore`` that keeps it out of git."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Caches d'iaterr : ne pas versionner.\n*\n", encoding="utf-8")
    return folder


class ValidationCache:
    def __init__(self, path: Path, entries: dict[str, Any]) -> None:
        self.path = path
        self.entries = entries
        self.dirty = False
        self.used: set[str] = set()

    @classmethod
    def open(cls, root: Path) -> ValidationCache:
        path = root / CACHE_DIR / CACHE_FILE
        entries: dict[str, Any] = {}
        try:
            with open(path, encoding="utf-8") as fh:
                payload = json.load(fh)
            if payload.get("empreinte") == _stable_fingerprint():
                entries = payload.get("fichiers", {})
        except (OSError, ValueError, AttributeError):
            entries = {}
        return cls(path, entries)

    def get(self, rel: str, stat: os.stat_result):
        from iaterr.check.validate import FileResult

        entry = self.entries.get(rel)
        if entry is None or entry[0] != stat.st_size or entry[1] != stat.st_mtime_ns:
            return None
        self.used.add(rel)
        try:
            kind, diags, summary = entry[2], entry[3], entry[4]
            return FileResult(rel, kind, [Diagnostic.from_dict(d) for d in diags],
                              {k: tuple(v) if k.endswith("@") else v for k, v in summary.items()})
        except (KeyError, IndexError, TypeError, ValueError):
            return None

    def put(self, rel: str, stat: os.stat_result, result) -> None:
        self.entries[rel] = [stat.st_size, stat.st_mtime_ns, result.kind,
                             [d.to_dict() for d in result.diagnostics], result.summary]
        self.used.add(rel)
        self.dirty = True

    def save(self) -> None:
        # forget files that are gone; only when something changed
        if len(self.used) != len(self.entries):
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
            self.dirty = True
        if not self.dirty:
            return
        try:
            ensure_cache_dir(self.path.parent)
            payload = {"empreinte": _stable_fingerprint(), "fichiers": self.entries}
            atomic_write(self.path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a read-only checkout still validates, only slower


@cache
def _stable_fingerprint() -> str:
    """Changes whenever iaterr's code changes (version, size and time of its sources)."""
    import hashlib

    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha1(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:  # pragma: no cover
            continue
        h.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()
