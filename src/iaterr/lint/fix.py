"""Applying the safe fixes found by ``lint``, keeping comments and layout."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.base.diagnostics import REDACTED, Diagnostic
from iaterr.base.files import UnsafePath, contained, read_regular
from iaterr.lint.engine import Fix
from iaterr.model.introspect import spec_at
from iaterr.model.kinds import model_of
from iaterr.model.visibility import path_is_public
from iaterr.repo.config import Repository, RepositoryError
from iaterr.repo.writing import write_whole
from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml


@dataclass
class FileChange:
    rel: str
    before: str
    after: str
    #: (diagnostic, old value, new value) of each fix applied; a restricted field's values are not given
    applied: list[tuple[Diagnostic, Any, Any]] = field(default_factory=list)
    #: the record's model (for what may be shown of it)
    model: Any = None

    def diff(self) -> str:
        """The change as a unified diff, the values of restricted fields masked in both versions (a diff may
        end up in a public CI log)."""
        before, after = _masked(self.before, self.model), _masked(self.after, self.model)
        return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                            fromfile=f"a/{self.rel}", tofile=f"b/{self.rel}"))


class NotWritten(RepositoryError):
    """A fixed file could not be written: the message of the failure, and the files ``written`` before it."""

    def __init__(self, failure: RepositoryError, written: list[FileChange]) -> None:
        super().__init__(failure.key, **failure.params)
        self.written = written


def _masked(text: str, model: Any) -> str:
    """``text`` with the value of every restricted field replaced by a mark (positions from libyaml)."""
    from iaterr.i18n import message
    from iaterr.model.visibility import restricted_paths
    from iaterr.repo.yamlio import read_document, span

    if model is None:
        return text
    doc = read_document(text.encode("utf-8"), "-")
    if not isinstance(doc.data, dict):
        return text
    mark = message(REDACTED["t"])
    spans = sorted((span(doc.root, path) for path, _value in restricted_paths(model, doc.data)), reverse=True)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            text = text[:start] + mark + ("\n" if text[end - 1] == "\n" else "") + text[end:]
    return text


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
    """Apply ``fixes`` file by file (a round trip through ruamel.yaml); write only when asked. A file that
    cannot be written stops there: :class:`NotWritten` holds the files written before it."""
    changes: list[FileChange] = []
    for rel, items in sorted(fixes.items()):
        path = repo.root / rel
        kind = repo.kind_of(path)
        if kind is None:
            continue
        model = model_of(kind)
        try:  # never through a link: a fix is written where the record is
            before = read_regular(contained(repo.root, path, must_exist=True)).decode("utf-8")
        except (OSError, UnicodeDecodeError, UnsafePath):
            continue
        y = roundtrip_yaml()
        try:
            doc = y.load(io.StringIO(before))
        except Exception:  # noqa: BLE001 - a file ruamel cannot load is left alone
            continue
        change = FileChange(rel, before, before, model=model)
        for d, fix in items:
            if not fix.path:
                continue
            done = _set(doc, fix.path, lambda old, fx=fix, m=model: _styled(m, fx.path, old, fx.value))
            if done is not None and str(done[0]) != str(done[1]):
                if path_is_public(model, d.path):
                    change.applied.append((d, str(done[0]), str(done[1])))
                else:  # the value of a restricted field is never shown
                    change.applied.append((d, REDACTED, REDACTED))
        if not change.applied:
            continue
        change.after = dump_roundtrip(doc)
        if write:
            try:
                write_whole(Path(path), change.after, root=repo.root)
            except RepositoryError as exc:
                raise NotWritten(exc, changes) from exc
        changes.append(change)
    return changes
