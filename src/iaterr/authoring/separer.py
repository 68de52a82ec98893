"""``iaterr restreint separer``: move every restricted value of ``data/`` to the restricted store.

Each record file keeps its path (its ``git log --follow`` history stays) and loses only the lines of its
restricted fields: they are cut from the text where they stand alone (every other byte kept), else removed by
a ruamel.yaml round trip (comments, order and layout of the rest kept). The new text is checked to hold
exactly the public data it held before. The values go to the companion file in the store first (a temporary
file and a rename), then the record is rewritten the same way: an interruption never loses a value.

A value already in the store is not written twice: an equal one is simply removed from the record, a
different one is a conflict (the record is left as it is). Nothing here prints; no value is ever put in a
message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.base.files import UnsafePath, os_reason, read_regular
from iaterr.check.loader import collect_files
from iaterr.repo.config import Repository, RepositoryError
from iaterr.repo.restreint import Store, companion_fields, write_companion


@dataclass
class Move:
    """The restricted fields of one record file."""

    rel: str
    kind: str
    #: the fields moved to the store (in the record's order)
    fields: list[str]
    #: how the companion file is named
    companion: str
    #: fields already in the store with the same value (only removed from the record)
    already: list[str] = field(default_factory=list)
    #: the record's new text
    text: str = ""
    #: the values to write to the store (ruamel objects: their style kept)
    values: dict[str, Any] = field(default_factory=dict)
    #: each moved field's own comments (on its lines in the record), written with it in the store
    comments: dict[str, str] = field(default_factory=dict)


@dataclass
class Problem:
    rel: str
    #: "conflit" (a different value in the store), "invalide" (a record that cannot be read or rewritten) or
    #: "sous-dossier" (a record in a sub-folder of data/cas-usage/ or data/collectivites/: the store has no
    #: file for it; nothing is written while there is one)
    kind: str
    champ: str = ""
    companion: str = ""
    #: why: a text, or a message as ``{"t": key, "p": params}``
    detail: Any = ""


@dataclass
class Plan:
    moves: list[Move] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def values(self) -> int:
        return sum(len(m.fields) for m in self.moves)

    @property
    def blocking(self) -> bool:
        """Problems that stop the whole run before anything is written (records the store cannot mirror)."""
        return any(p.kind == "sous-dossier" for p in self.problems)


def restricted_names(kind: str) -> list[str]:
    from iaterr.model.introspect import specs
    from iaterr.model.kinds import model_of
    from iaterr.model.visibility import is_public

    return [name for name, spec in specs(model_of(kind)).items() if not is_public(spec)]


def _plain(value: Any) -> Any:
    """A value as plain data (texts stripped), to compare a record's value with the store's."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return None if value is None else str(value).strip()


def plan(repo: Repository, store: Store) -> Plan:
    """What ``separer`` would move, record by record (nothing written)."""
    from iaterr.repo.yamlio import read_document

    out = Plan()
    for f in collect_files(repo, store=None).files:
        try:
            raw = read_regular(f.path, f.inode)
        except (OSError, UnsafePath) as exc:
            out.problems.append(Problem(f.rel, "invalide", detail=file_reason(exc)))
            continue
        doc = read_document(raw, f.rel)
        if not isinstance(doc.data, dict):
            if doc.diagnostics:
                out.problems.append(Problem(f.rel, "invalide", detail=doc.diagnostics[0].code))
            continue
        names = [name for name in restricted_names(f.kind) if doc.data.get(name) not in (None, "", [], {})]
        if not names:
            continue
        if store.inner(f.rel) is None:  # a sub-folder: said up front, before anything is written
            out.problems.append(Problem(f.rel, "sous-dossier", champ=", ".join(names)))
            continue
        shown = store.display(f.rel)
        try:
            stored = companion_fields(store, f.rel)
        except (OSError, UnsafePath) as exc:  # the store's file, not the record, is said
            out.problems.append(Problem(f.rel, "compagnon", companion=shown, detail=file_reason(exc)))
            continue
        move = Move(f.rel, f.kind, [], shown)
        conflict = False
        for name in names:
            if stored.get(name) is None:
                move.fields.append(name)
            elif _plain(stored[name]) == _plain(doc.data[name]):
                move.already.append(name)
            else:
                out.problems.append(Problem(f.rel, "conflit", champ=name, companion=shown))
                conflict = True
        if conflict:
            continue
        try:
            move.text, move.values, move.comments = _separated(raw, f.rel, f.kind, move.fields + move.already)
        except _Unwritable as exc:
            out.problems.append(Problem(f.rel, "commentaires" if str(exc) == "commentaires" else "invalide",
                                        detail=str(exc)))
            continue
        # a value already in the store is written again only to bring its comment along
        move.values = {k: v for k, v in move.values.items() if k in move.fields or k in move.comments}
        out.moves.append(move)
    return out


def file_reason(exc: BaseException) -> Any:
    """Why a file could not be read, for people (a message, never a Python class name)."""
    import errno

    if isinstance(exc, UnsafePath):
        return {"t": "restreint.raison.lien"}
    if isinstance(exc, IsADirectoryError):
        return {"t": "restreint.raison.dossier"}
    if isinstance(exc, PermissionError):
        return {"t": "restreint.raison.permission"}
    if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
        return {"t": "restreint.raison.absent"}
    return os_reason(exc) or {"t": "restreint.raison.inconnue"}


class _Unwritable(Exception):
    pass


def _separated(raw: bytes, rel: str, kind: str, names: list[str]) -> tuple[str, dict[str, Any], dict[str, str]]:
    """The record's text without the fields ``names``, their values as ruamel read them, and each one's own
    comments (those on its lines: they may say as much as the value, and go to the store with it). The text keeps
    every other byte when the fields stand on their own lines; else a round trip, refused (``commentaires``) when
    it would lose any other comment or leave one of the fields' own in the record."""
    from collections import Counter

    from iaterr.repo.yamlio import comments, read_document, roundtrip_yaml, top_level_spans

    if raw.startswith(b"\xef\xbb\xbf"):
        raise _Unwritable("bom")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unwritable("encodage") from exc
    try:
        loaded = roundtrip_yaml().load(text)
    except Exception as exc:  # noqa: BLE001 - ruamel's errors have no common base worth naming here
        raise _Unwritable(type(exc).__name__) from exc
    if not hasattr(loaded, "keys"):
        raise _Unwritable("racine")
    values = {name: loaded[name] for name in names if name in loaded}
    before = read_document(raw, rel).data
    assert isinstance(before, dict)
    expected = {k: v for k, v in before.items() if k not in names}
    spans = top_level_spans(text, names)
    every = comments(text)
    own: dict[str, list[str]] = {}
    for name, (start, end) in (spans or _key_lines(text, names)).items():
        mine = [c for at, c in every if start <= at < end]
        if mine:
            own[name] = mine
    kept = Counter(c for _at, c in every) - Counter(c for cs in own.values() for c in cs)
    candidates = ([lambda: _cut(text, spans)] if spans is not None else []) + [lambda: _roundtrip(text, names)]
    lost = False
    for candidate in candidates:
        try:
            out = candidate()
        except _Unwritable:
            continue
        after = read_document(out.encode("utf-8"), rel)
        if not isinstance(after.data, dict) or after.diagnostics or after.data != expected:
            continue
        # every comment of the rest kept, none of the fields' own left behind (it may say as much as the value)
        if Counter(c for _at, c in comments(out)) != kept:
            lost = True
            continue
        return out, values, {name: " ".join(cs) for name, cs in own.items()}
    raise _Unwritable("commentaires" if lost else "reecriture")


def _key_lines(text: str, names: list[str]) -> dict[str, tuple[int, int]]:
    """Where the keys ``names`` stand when they cannot be cut by lines: from their line's start to the end of their
    value's line (or of the key's line, for an alias), to find their own comments."""
    import yaml

    from iaterr.repo.yamlio import read_document

    root = read_document(text.encode("utf-8"), "x").root
    out: dict[str, tuple[int, int]] = {}
    if not isinstance(root, yaml.MappingNode):
        return out
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value in names:
            start = text.rfind("\n", 0, key.start_mark.index) + 1
            end = value.end_mark.index if value.start_mark.index >= key.end_mark.index else key.end_mark.index
            newline = text.find("\n", end)
            out[key.value] = (start, len(text) if newline < 0 else newline + 1)
    return out


def _cut(text: str, spans: dict[str, tuple[int, int]]) -> str:
    from iaterr.repo.yamlio import cut_spans

    return cut_spans(text, spans.values())


def _roundtrip(text: str, names: list[str]) -> str:
    import io

    from iaterr.repo.yamlio import roundtrip_yaml

    y = roundtrip_yaml()
    data = y.load(text)
    for name in names:
        data.pop(name, None)
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()


def apply(repo: Repository, store: Store, moves: list[Move]) -> None:
    """Write each move: the store's file first, then the record (each whole or not at all). Raises
    :class:`RepositoryError` for a file that cannot be written (what was written before stays consistent:
    a value is in the store before it leaves the record)."""
    from iaterr.repo.writing import write_whole

    for move in moves:
        if move.values:
            try:
                write_companion(store, move.rel, move.values, move.comments)
            except UnsafePath as exc:
                raise RepositoryError("cli.lien-refuse", chemin=move.companion, cible=exc.target) from exc
        write_whole(repo.root / move.rel, move.text, root=repo.root)


# ---------------------------------------------------------------- writers: restricted answers to the store


@dataclass
class Routed:
    """What a writer puts in a record file of a public repository, and what goes to the store instead."""

    rel: str
    #: the record's text, without restricted values when the repository is public
    text: str
    #: the restricted values for the store (none when the repository is not public)
    values: dict[str, Any] = field(default_factory=dict)
    store: Store | None = None
    #: the values' own comments (see :class:`Move`)
    comments: dict[str, str] = field(default_factory=dict)


def route(repo: Repository, rel: str, kind: str, text: str) -> Routed:
    """``text`` (a record about to be written at ``rel``) made fit for ``repo``: in a public repository, its
    restricted values are taken out for the store. Raises :class:`RepositoryError` when the repository is
    public and has no store (``restreint.refus-ecriture``: nothing is written), or its store must not be read."""
    from iaterr.repo.restreint import locate
    from iaterr.repo.yamlio import read_document

    if not repo.config.public:
        return Routed(rel, text)
    raw = text.encode("utf-8")
    data = read_document(raw, rel).data
    if not isinstance(data, dict):
        return Routed(rel, text)
    names = [name for name in restricted_names(kind) if data.get(name) not in (None, "", [], {})]
    if not names:
        return Routed(rel, text)
    store = locate(repo).store
    if store is None:
        raise RepositoryError("restreint.refus-ecriture", champs=", ".join(names), fichier=rel)
    # the comment line of a section whose fields all leave (« # --- Informations réservées… --- ») goes too:
    # it would stand in the published file over nothing
    text = _without_emptied_sections(text, names)
    try:
        public, values, own = _separated(text.encode("utf-8"), rel, kind, names)
    except _Unwritable as exc:
        raise RepositoryError("restreint.invalide", fichier=rel, detail=str(exc)) from exc
    return Routed(rel, public, values, store, own)


def _section_labels() -> set[str]:
    from iaterr.model import SECTIONS

    return {f"# --- {section.label(lang)} ---" for section in SECTIONS.values() for lang in ("fr", "en")}


def _without_emptied_sections(text: str, names: list[str]) -> str:
    """``text`` without the section comment lines (and the blank line before each) whose top-level keys, up to
    the next section comment, are all among ``names``. Only comments go: the data are the same."""
    import re

    labels = _section_labels()
    lines = text.splitlines(keepends=True)
    heads = [i for i, line in enumerate(lines) if line.strip() in labels]
    drop: set[int] = set()
    for n, head in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        keys = [m.group(1) for m in (re.match(r"^([^\s#:][^:]*?)\s*:", line) for line in lines[head + 1:end]) if m]
        if keys and all(key in names for key in keys):
            drop.add(head)
            if head > 0 and not lines[head - 1].strip():
                drop.add(head - 1)
    return "".join(line for i, line in enumerate(lines) if i not in drop) if drop else text


def store_routed(routed: Routed) -> Path | None:
    """Write the restricted values of ``routed`` to its store (before the record is written: a value is never
    lost between the two). Returns the companion file written."""
    if not routed.values or routed.store is None:
        return None
    try:
        return write_companion(routed.store, routed.rel, routed.values, routed.comments)
    except UnsafePath as exc:
        raise RepositoryError("cli.lien-refuse", chemin=routed.store.display(routed.rel), cible=exc.target) from exc


def store_changed(repo: Repository, rel: str, values: dict[str, Any], cleared: list[str]) -> str:
    """An edit's restricted answers in a public repository: ``values`` set in the store's file of ``rel``, the
    fields ``cleared`` (emptied) removed from it (the file goes when nothing is left). Returns the file as shown.
    Raises :class:`RepositoryError` (no store: ``restreint.refus-ecriture``)."""
    from iaterr.repo.restreint import locate, remove_from_companion

    store = locate(repo).store
    if store is None:
        if values:
            raise RepositoryError("restreint.refus-ecriture", champs=", ".join(values), fichier=rel)
        return ""
    try:
        if values:
            write_companion(store, rel, values)
        if cleared:
            remove_from_companion(store, rel, cleared)
    except UnsafePath as exc:
        raise RepositoryError("cli.lien-refuse", chemin=store.display(rel), cible=exc.target) from exc
    return store.display(rel)


def stored_summary(repo: Repository, rel: str, kind: str, data: dict[str, Any]) -> tuple[str, list[str]] | None:
    """Where a new record's restricted answers went in a public repository: the store's file (as shown) and the
    fields (None: not public, or none given)."""
    if not repo.config.public:
        return None
    from iaterr.repo.restreint import locate

    names = [name for name in restricted_names(kind) if data.get(name) not in (None, "", [], {})]
    store = locate(repo).store if names else None
    return None if store is None else (store.display(rel), names)


def move_companion(repo: Repository, old_rel: str, new_rel: str) -> None:
    """A record renamed: its companion file follows it in the store."""
    from iaterr.repo.restreint import locate, remove_from_companion

    if not (repo.config.public or repo.config.restreint):
        return
    store = locate(repo).store
    if store is None:
        return
    values = companion_fields(store, old_rel)
    if not values:
        return
    from iaterr.repo.restreint import read_companion
    from iaterr.repo.yamlio import roundtrip_yaml

    raw = read_companion(store, old_rel)
    loaded = roundtrip_yaml().load(raw.decode("utf-8")) if raw else {}
    write_companion(store, new_rel, dict(loaded))
    remove_from_companion(store, old_rel, list(values))
