"""Changing an existing record: ``iaterr edit``.

:func:`open_for_edit` reads a use case as ``validate`` reads it and keeps its bytes. :func:`edited_record`
applies new answers to those bytes through ruamel's round-trip document: a value that did not change is
not touched, a changed value is rewritten in place (its end-of-line and following comments kept, section
comments included), a new field is inserted at its place in the model's order, a removed one takes its
comments' place to its neighbour. The text is checked exactly as ``validate`` will read it, and read back to
the data it was made from. :func:`write_edit` writes it atomically (line ends kept, a byte order mark, which
``validate`` refuses, dropped); a new identifier renames the file
(``git mv`` when git tracks it), never over another record.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iaterr import SCHEMA_VERSION
from iaterr.authoring.records import collectivite_problem, existing_identifiers
from iaterr.base.diagnostics import Diagnostic, Severity
from iaterr.base.files import UnsafePath, contained, os_reason, read_regular
from iaterr.check.validate import check_file
from iaterr.model import KINDS
from iaterr.model.fields import newer_than
from iaterr.model.introspect import specs
from iaterr.model.questions import canonical
from iaterr.repo.config import Repository, RepositoryError
from iaterr.repo.records import render_record, to_commented
from iaterr.repo.writing import write_whole
from iaterr.repo.yamlio import dump_roundtrip, read_document, roundtrip_yaml

BOM = b"\xef\xbb\xbf"


class EditError(Exception):
    """The record cannot be edited: ``key`` and ``params`` say why, for a message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass
class OpenRecord:
    """A record as it is on disk: its bytes, what they say, and where it is."""

    kind: str
    identifiant: str
    path: Path
    rel: str
    raw: bytes
    #: the data as read (every field, restricted ones included: the person editing is the one who wrote them;
    #: in a public repository, with the restricted fields its store holds)
    data: dict[str, Any]
    version: str
    #: the restricted fields taken from the store (a public repository), not in the record's text
    stored: dict[str, Any] = field(default_factory=dict)


@dataclass
class EditedRecord:
    source: OpenRecord
    identifiant: str
    path: Path
    rel: str
    data: dict[str, Any]
    text: str
    #: the fields whose value changed (added, changed or removed)
    changed: list[str]
    problems: list[Diagnostic] = field(default_factory=list)
    #: the record format the text declares (raised to the current one when a new field needs it)
    version: str = SCHEMA_VERSION
    #: the text reads back as the record written afresh from ``data`` would (a safeguard: False refuses it)
    faithful: bool = True
    #: a public repository: the record's text without the restricted fields changed (they go to the store,
    #: never into the record file, nor does their section's comment), and those fields
    public_text: str | None = None
    restricted_changed: list[str] = field(default_factory=list)
    #: set by :func:`write_edit`: the store's file written (as shown), the fields set there and those removed
    stored_in: str = ""
    stored_set: list[str] = field(default_factory=list)
    stored_removed: list[str] = field(default_factory=list)

    @property
    def renamed(self) -> bool:
        return self.identifiant != self.source.identifiant

    @property
    def taken(self) -> bool:
        """The new identifier is another record's."""
        return any(d.code == "identifiant-duplique" for d in self.problems)

    @property
    def valid(self) -> bool:
        return not self.problems and self.faithful


def open_for_edit(repo: Repository, identifiant: str, kind: str = "cas_usage") -> OpenRecord:
    """The record ``identifiant`` of ``kind``; raises :class:`EditError` when there is none, when it is
    reached through a link, or when it cannot be read as a mapping."""
    path = repo.record_path(kind, identifiant)
    rel = repo.rel(path)
    if "/" in identifiant or "\\" in identifiant or identifiant in ("", ".", ".."):
        raise EditError("edit.introuvable", identifiant=identifiant, dossier=repo.rel(repo.kind_dir(kind)))
    try:
        raw = read_regular(contained(repo.root, path, must_exist=True))
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise EditError("edit.introuvable", identifiant=identifiant, dossier=repo.rel(repo.kind_dir(kind))) from exc
    except UnsafePath as exc:
        raise EditError("cli.lien-refuse", chemin=str(exc.link or path), cible=exc.target) from exc
    except OSError as exc:
        raise EditError("edit.illisible", chemin=rel, erreur=os_reason(exc)) from exc
    doc = read_document(raw, rel)
    # a byte order mark is only refused: the edited record is written without it
    errors = [d for d in doc.diagnostics if d.severity == Severity.ERROR and d.code != "bom"]
    if not isinstance(doc.data, dict) or errors:
        d = errors[0] if errors else None
        raise EditError("edit.illisible", chemin=f"{rel}:{d.line}" if d else rel,
                        erreur=d.message() if d else "")
    version = str(doc.data.get("version_schema") or SCHEMA_VERSION)
    data = dict(doc.data)
    stored = _stored_fields(repo, rel)
    for name, value in stored.items():
        data.setdefault(name, value)
    return OpenRecord(kind, identifiant, path, rel, raw, data, version,
                      {k: v for k, v in stored.items() if k not in doc.data})


def _stored_fields(repo: Repository, rel: str) -> dict[str, Any]:
    """The restricted fields the store of a public repository holds for ``rel`` (none: not public, no store,
    or a store file that cannot be read — ``validate`` says why)."""
    if not repo.config.public:
        return {}
    from iaterr.repo.restreint import companion_fields, locate

    try:
        store = locate(repo).store
        return companion_fields(store, rel) if store is not None else {}
    except (RepositoryError, OSError, UnsafePath):
        return {}


# ---------------------------------------------------------------- comments that follow a value


def _tail(parent: Any, key: Any) -> tuple[Any, int] | None:
    """Where the comment that follows the value ``parent[key]`` is kept by ruamel: (the comment holder, the
    index of the key or item in its ``ca.items``), found by going down to the value's last scalar."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = parent[key]
    if isinstance(value, CommentedMap) and len(value):
        return _tail(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value):
        return _tail(value, len(value) - 1)
    return (parent, key)


def _slot(parent: Any) -> int:
    from ruamel.yaml.comments import CommentedSeq

    return 0 if isinstance(parent, CommentedSeq) else 2


def _take_tail(parent: Any, key: Any) -> Any:
    """Remove and return the comment token that follows ``parent[key]`` (None when there is none)."""
    holder, index = _tail(parent, key)  # type: ignore[misc]
    entry = holder.ca.items.get(index)
    if not entry:
        return None
    slot = _slot(holder)
    token = entry[slot] if len(entry) > slot else None
    if token is not None:
        entry[slot] = None
        if _block(holder[index]):  # a block scalar ends its own line: the comment says one line break less
            token.value = "\n" + token.value
    return token


def _block(value: Any) -> bool:
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, (FoldedScalarString, LiteralScalarString))


def _put_tail(parent: Any, key: Any, token: Any) -> None:
    """Attach ``token`` after the value ``parent[key]``, before any comment already there."""
    if token is None:
        return
    holder, index = _tail(parent, key)  # type: ignore[misc]
    if _block(holder[index]) and token.value.startswith("\n"):
        token.value = token.value[1:]
    slot = _slot(holder)
    entry = holder.ca.items.setdefault(index, [None, None, None, None] if slot == 2 else [None, None])
    while len(entry) <= slot:
        entry.append(None)
    if entry[slot] is None:
        entry[slot] = token
    else:  # both kept, the one moved here first
        entry[slot].value = token.value.rstrip("\n") + "\n" + entry[slot].value.lstrip("\n")


# ---------------------------------------------------------------- applying the answers


def _normal(value: Any) -> Any:
    """A value as compared: what the reader gives, without empties."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def edited_record(repo: Repository, source: OpenRecord, answers: dict[str, Any], *, lang: str = "fr",
                  today: date | None = None, known_collectivites: set[str] | None = None,
                  stamp_update: bool = True) -> EditedRecord:
    """``source`` with ``answers`` (the whole new data, canonical values) applied; checked, nothing written.
    ``stamp_update``: when anything changed and the update date was not changed by hand, it becomes today's."""
    kind = source.kind
    model = KINDS[kind][1]
    new = canonical(model, {k: v for k, v in answers.items() if v not in (None, "", []) and k != "version_schema"})
    old = canonical(model, {k: v for k, v in source.data.items() if k != "version_schema"})
    changed = [k for k in [*specs(model), *[k for k in {**old, **new} if k not in specs(model)]]
               if _normal(old.get(k)) != _normal(new.get(k))]
    if changed and stamp_update and kind == "cas_usage" and "date_mise_a_jour" not in changed:
        stamp = (today or date.today()).isoformat()
        if new.get("date_mise_a_jour") != stamp:
            new["date_mise_a_jour"] = stamp
            changed.append("date_mise_a_jour")
    ident = str(new.get("identifiant") or source.identifiant)
    version = source.version
    if any(k in specs(model) and newer_than(specs(model)[k].meta, version) for k in new):
        version = SCHEMA_VERSION
    text = _apply(source, model, new, changed, version, lang)
    rel = f"data/{KINDS[kind][0]}/{ident}.yaml"
    path = Path(repo.root) / rel
    problems = [d for d in check_file(text.encode("utf-8"), rel, kind).result.diagnostics
                if d.severity == Severity.ERROR]
    if kind == "cas_usage" and new.get("collectivite"):
        known = known_collectivites if known_collectivites is not None else existing_identifiers(repo, "collectivite")
        problem = collectivite_problem(rel, str(new["collectivite"]), known)
        if problem is not None:
            problems.append(problem)
    if ident != source.identifiant and ident in existing_identifiers(repo, kind):
        problems.append(Diagnostic("identifiant-duplique", rel, path=("identifiant",),
                                       params={"identifiant": ident, "autre": rel}))
    data = {"version_schema": version, **new}
    # the text reads as the same record as one written afresh from the same data (the store's fields left
    # where they are are not in the text)
    in_text = {k: v for k, v in data.items() if not (k in source.stored and k not in changed)}
    fresh = read_document(render_record(kind, in_text, lang=lang).encode("utf-8"), rel).data
    faithful = read_document(text.encode("utf-8"), rel).data == fresh
    public_text, restricted_changed = None, []
    if repo.config.public:
        from iaterr.authoring.separer import restricted_names

        hidden = set(restricted_names(kind))
        restricted_changed = [k for k in changed if k in hidden]
        if restricted_changed:
            public_text = _apply(source, model, {k: v for k, v in new.items() if k not in hidden},
                                 [k for k in changed if k not in hidden], version, lang)
    return EditedRecord(source, ident, path, rel, data, text, changed, problems, version, faithful, public_text,
                        restricted_changed)


def _apply(source: OpenRecord, model: Any, new: dict[str, Any], changed: list[str], version: str,
           lang: str) -> str:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    raw = source.raw[len(BOM):] if source.raw.startswith(BOM) else source.raw
    text = raw.decode("utf-8")
    if not changed and version == source.version:
        return text
    crlf = "\r\n" in text
    tree = roundtrip_yaml().load(io.StringIO(text.replace("\r\n", "\n")))
    fresh = to_commented(model, new, lang=lang, sections=False)
    order = [*specs(model)]
    for name in changed:
        if name in tree and name not in fresh:  # removed: its comments stay, after the value before it
            keys = list(tree)
            token = _take_tail(tree, name)
            del tree[name]
            position = keys.index(name)
            if token is not None:
                if position > 0:
                    _put_tail(tree, keys[position - 1], token)
                else:
                    tree.ca.comment = tree.ca.comment or [None, []]
            continue
        if name not in fresh:
            continue
        if name in tree:
            token = _take_tail(tree, name)
            tree[name] = fresh[name]
            _put_tail(tree, name, token)
            continue
        # new: after the last key of the file that comes before it in the model's order
        _insert(tree, name, fresh[name], order, model, lang)
    if version != source.version:
        old = tree.get("version_schema")
        value: Any = version
        if isinstance(old, SingleQuotedScalarString):
            value = SingleQuotedScalarString(version)
        elif isinstance(old, DoubleQuotedScalarString):
            value = DoubleQuotedScalarString(version)
        if "version_schema" in tree:
            tree["version_schema"] = value
        else:
            tree.insert(0, "version_schema", value)
    out = dump_roundtrip(tree)
    return out.replace("\n", "\r\n") if crlf else out


def _insert(tree: Any, name: str, value: Any, order: list[str], model: Any, lang: str) -> None:
    """Insert the new field ``name`` after the last field of the file that the model puts before it. The
    comments that followed that field stay before the next one when they open its section (the new field
    then goes before them when it belongs to the section before, after them when it opens that section).
    A field of a section the file does not have yet gets its section's comment line."""
    from iaterr.model import SECTIONS

    def rank(key: str) -> int:
        return order.index(key) if key in order else len(order)

    def section(key: str) -> str | None:
        return specs(model)[key].meta.section if key in specs(model) else None

    keys = list(tree)
    before = [k for k in keys if rank(k) <= rank(name)]
    after = [k for k in keys if rank(k) > rank(name)]
    position = keys.index(before[-1]) + 1 if before else 0
    mine = section(name)
    previous = section(before[-1]) if before else None
    following = section(after[0]) if after else None
    tree.insert(position, name, value)
    if before and mine == previous:  # same section as the field before: the comments follow the new field
        _put_tail(tree, name, _take_tail(tree, before[-1]))
    elif mine != following and mine is not None:  # a section the file does not have: its comment line
        label = SECTIONS[mine].label(lang)
        if before:
            from ruamel.yaml.error import CommentMark
            from ruamel.yaml.tokens import CommentToken

            _put_tail(tree, before[-1], CommentToken(f"\n\n# --- {label} ---\n", CommentMark(0), None))
        else:
            tree.yaml_set_comment_before_after_key(name, before=f"--- {label} ---")


def write_edit(repo: Repository, edited: EditedRecord) -> Path:
    """Write ``edited`` whole (temporary file and rename); a new identifier moves the file: ``git mv`` when git
    tracks it, so that its history follows. Raises :class:`EditError` when the record is not valid or the new
    identifier is taken, :class:`~iaterr.repo.config.RepositoryError` when it cannot be written."""
    if edited.taken:
        raise EditError("edit.identifiant-pris", identifiant=edited.identifiant, chemin=edited.rel)
    if not edited.valid:
        raise EditError("edit.invalide")
    from iaterr.authoring.separer import move_companion, route, store_changed, store_routed

    # a public repository: restricted answers go to its store, never into the record file
    routed = route(repo, edited.rel, edited.source.kind,
                   edited.public_text if edited.public_text is not None else edited.text)
    data = routed.text.encode("utf-8")
    to_set = {k: edited.data[k] for k in edited.restricted_changed if k in edited.data}
    to_clear = [k for k in edited.restricted_changed if k not in edited.data]
    if to_set and routed.store is None:
        from iaterr.repo.restreint import locate

        if locate(repo).store is None:
            raise RepositoryError("restreint.refus-ecriture", champs=", ".join(to_set), fichier=edited.rel)
    if edited.renamed:
        move_companion(repo, edited.source.rel, edited.rel)
    store_routed(routed)
    if edited.restricted_changed:
        edited.stored_in = store_changed(repo, edited.rel, to_set, to_clear)
        edited.stored_set = [*routed.values, *to_set]
        edited.stored_removed = to_clear
    elif routed.values and routed.store is not None:
        edited.stored_in, edited.stored_set = routed.store.display(edited.rel), list(routed.values)
    if not edited.renamed:
        write_whole(edited.source.path, data, root=repo.root)
        return edited.source.path
    if edited.path.exists() or edited.path.is_symlink():
        raise EditError("edit.identifiant-pris", identifiant=edited.identifiant, chemin=edited.rel)
    if _tracked(repo.root, edited.source.rel):
        _git(repo.root, "mv", "--", edited.source.rel, edited.rel)
        try:
            write_whole(edited.path, data, root=repo.root)
        except RepositoryError:  # not written: the file goes back to its name, as it was
            _git(repo.root, "mv", "--", edited.rel, edited.source.rel)
            raise
        _git(repo.root, "add", "--", edited.rel)  # the rename is staged: its content too, never the old one
        return edited.path
    write_whole(edited.path, data, root=repo.root)
    try:
        os.unlink(contained(repo.root, edited.source.path))
    except (OSError, UnsafePath) as exc:
        raise RepositoryError("cli.ecriture-impossible", chemin=edited.source.rel, erreur=str(exc)) from exc
    return edited.path


def _tracked(root: Path, rel: str) -> bool:
    try:
        import git

        repo = git.Repo(root)
        return bool(repo.git.ls_files("--error-unmatch", "--", rel))
    except Exception:  # noqa: BLE001 - not a git repository, not tracked, no git: a plain rename
        return False


def _git(root: Path, command: str, *args: str) -> None:
    import git

    try:
        getattr(git.Repo(root).git, command)(*args)
    except git.GitCommandError as exc:
        detail = (exc.stderr or str(exc)).strip().splitlines()
        raise RepositoryError("cli.ecriture-impossible", chemin=args[-1], erreur=detail[-1] if detail else str(exc)) \
            from exc


__all__ = ["EditError", "EditedRecord", "OpenRecord", "edited_record", "open_for_edit", "write_edit"]
