"""Applying the safe fixes found by ``lint``, keeping comments and layout."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.base.diagnostics import Diagnostic
from iaterr.base.files import UnsafePath, atomic_write, contained, read_regular
from iaterr.lint.engine import Fix
from iaterr.model import KINDS
from iaterr.model.introspect import spec_at
from iaterr.repo.config import Repository
from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml


@dataclass
class FileChange:
    rel: str
    before: str
    after: str
    #: (diagnostic, old value, new value) of each fix applied
    applied: list[tuple[Diagnostic, Any, Any]] = field(default_factory=list)

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                            fromfile=f"a/{self.rel}", tofile=f"b/{self.rel}"))


def _styled(model, path: tuple, old: Any, new: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    from iaterr.repo.records import _scalar

    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(new)
    spec = spec_at(model, path)
    return _scalar(spec.kind if spec else "texte", new)


def _set(doc: Any, path: tuple, value_for: Any) -> tuple[Any, Any] | None:
    node = doc
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    last = path[-1]
    try:
        old = node[last]
    except (KeyError, IndexError, TypeError):
        return None
    new = value_for(old)
    node[last] = new
    return old, new


def apply_fixes(repo: Repository, fixes: dict[str, list[tuple[Diagnostic, Fix]]], *, write: bool) -> list[FileChange]:
    """Apply ``fixes`` file by file (a round trip through ruamel.yaml); write only when asked."""
    changes = []
    for rel, items in sorted(fixes.items()):
        path = repo.root / rel
        kind = repo.kind_of(path)
        if kind is None:
            continue
        model = KINDS[kind][1]
        try:  # never through a link: a fix is written where the record is
            before = read_regular(contained(repo.root, path, must_exist=True)).decode("utf-8")
        except (OSError, UnicodeDecodeError, UnsafePath):
            continue
        y = roundtrip_yaml()
        try:
            doc = y.load(io.StringIO(before))
        except Exception:  # noqa: BLE001 - a file ruamel cannot load is left alone
            continue
        change = FileChange(rel, before, before)
        for d, fix in items:
            if not fix.path:
                continue
            done = _set(doc, fix.path, lambda old, fx=fix, m=model: _styled(m, fx.path, old, fx.value))
            if done is not None and str(done[0]) != str(done[1]):
                change.applied.append((d, str(done[0]), str(done[1])))
        if not change.applied:
            continue
        change.after = dump_roundtrip(doc)
        if write:
            atomic_write(Path(path), change.after, root=repo.root)
        changes.append(change)
    return changes
