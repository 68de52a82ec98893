"""Merging imported values into an existing record, editing its YAML in round trip (comments kept).

:func:`plan_update` decides which values an import writes into a record: in a record the import
created, every value of the export that changed; in another record, only the fields it lacks (a
field it has is never overwritten, the differences are reported). :func:`apply_values` writes them
at their place in the model's order and section, keeping the record's comments and layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from iaterr.model import SECTIONS
from iaterr.model.introspect import FieldSpec, specs
from iaterr.repo.records import to_commented
from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml

# ---------------------------------------------------------------- comparing values


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def same_value(spec: FieldSpec, current: Any, new: Any) -> bool:
    """Do a value read from a record (text as written) and an imported one mean the same?"""
    if is_empty(current) and is_empty(new):
        return True
    vocab = spec.vocab
    if vocab is not None:
        def codes(v: Any) -> list[str]:
            items = v if isinstance(v, list) else [v]
            out = []
            for item in items:
                term = vocab.resolve(str(item)) if item is not None else None
                out.append(term.code if term else str(item))
            return out

        return codes(current) == codes(new)
    if spec.kind == "nombre":
        try:
            return float(str(current)) == float(str(new))
        except ValueError:
            return False
    if isinstance(current, list) or isinstance(new, list):
        return isinstance(current, list) and isinstance(new, list) and [str(c) for c in current] == [
            str(n) for n in new]
    return str(current) == str(new)


# ---------------------------------------------------------------- what an update writes


@dataclass
class Plan:
    #: the values to write, in the model's order
    values: dict[str, Any] = field(default_factory=dict)
    #: fields whose export value differs from the record's, kept as they are (a record the import did not create)
    kept: list[str] = field(default_factory=list)


def plan_update(model: type[BaseModel], current: dict[str, Any], values: dict[str, Any], *, owned: bool) -> Plan:
    """What an import of ``values`` writes into a record holding ``current`` (see the module's docstring)."""
    plan = Plan()
    fields = specs(model)
    for key in fields:
        if key not in values:
            continue
        value = values[key]
        if is_empty(current.get(key)):
            plan.values[key] = value
        elif same_value(fields[key], current.get(key), value):
            continue
        elif owned:
            plan.values[key] = value
        else:
            plan.kept.append(key)
    return plan


def apply_values(text: str, model: type[BaseModel], values: dict[str, Any], lang: str) -> str:
    """``text`` (a record) with ``values`` set, edited in round trip: comments and layout kept."""
    cmap = roundtrip_yaml().load(text.replace("\r\n", "\n").replace("\r", "\n"))
    for key, value in values.items():
        set_key(cmap, model, key, value, lang)
    return dump_roundtrip(cmap)


# ---------------------------------------------------------------- round-trip editing


def _comment_token(text: str) -> CommentToken:
    return CommentToken(text, CommentMark(0), None)


def _last_holder(cmap: Any, key: Any) -> tuple[Any, Any, int]:
    """The container and key whose trailing comment ends the value of ``key`` (and the slot index)."""
    holder, hkey = cmap, key
    value = cmap[key]
    while isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        if isinstance(value, CommentedSeq):
            holder, hkey = value, len(value) - 1
        else:
            holder, hkey = value, list(value.keys())[-1]
        value = holder[hkey]
    return holder, hkey, (2 if isinstance(holder, CommentedMap) else 0)


def _is_block(value: Any) -> bool:
    """Block scalars end their own line: a comment after them needs one newline less."""
    return isinstance(value, (FoldedScalarString, LiteralScalarString))


def _take_trailing(cmap: Any, key: Any) -> tuple[str, int] | None:
    """Remove the comment lines that follow the value of ``key``: (their text, blank lines before them)."""
    holder, hkey, slot = _last_holder(cmap, key)
    items = holder.ca.items.get(hkey)
    if not items or items[slot] is None:
        return None
    token = items[slot]
    value = token.value
    if not value.startswith("\n"):  # an end-of-line comment stays where it is
        first, _sep, rest = value.partition("\n")
        if not rest.strip():
            return None
        token.value = first + "\n"
        value = "\n" + rest
    else:
        items[slot] = None
    body = value.lstrip("\n")
    newlines = len(value) - len(body)
    return body, max(0, newlines - (0 if _is_block(holder[hkey]) else 1))


def _put_trailing(cmap: Any, key: Any, body: str, blank: int) -> None:
    holder, hkey, slot = _last_holder(cmap, key)
    items = holder.ca.items.setdefault(hkey, [None, None, None, None])
    while len(items) < 4:
        items.append(None)
    newlines = blank + (0 if _is_block(holder[hkey]) else 1)
    items[slot] = _comment_token("\n" * newlines + body)


def set_key(cmap: Any, model: type[BaseModel], key: str, value: Any, lang: str) -> None:
    """Set ``key`` in a round-trip mapping: in place if present, else in the model's order, in its section."""
    styled = to_commented(model, {key: value}, lang=lang, sections=False)[key]
    if key in cmap:
        cmap[key] = styled
        return
    fields = specs(model)
    order = list(fields)
    where = order.index(key)
    existing = list(cmap.keys())
    ranked = [k for k in existing if k in fields]
    prev = next((k for k in reversed(ranked) if order.index(k) < where), None)
    nxt = next((k for k in ranked if order.index(k) > where), None)
    section = fields[key].meta.section
    if nxt is not None and fields[nxt].meta.section == section:
        cmap.insert(existing.index(nxt), key, styled)
        return
    if prev is None:
        cmap.insert(0, key, styled)
        return
    cmap.insert(existing.index(prev) + 1, key, styled)
    moved = _take_trailing(cmap, prev)
    if fields[prev].meta.section != section:
        _put_trailing(cmap, prev, f"# --- {SECTIONS[section].label(lang)} ---\n", 1)
    if moved:
        _put_trailing(cmap, key, *moved)


# ---------------------------------------------------------------- comments at the head of a record


def header_index(lines: list[str]) -> int:
    """Where comments of the import go: after the leading comments, before the first section heading."""
    for index, line in enumerate(lines):
        if not line.startswith("#") or line.startswith("# ---"):
            return index
    return len(lines)


def with_header_lines(text: str, new_lines: list[str]) -> str:
    lines = text.split("\n")
    at = header_index(lines)
    return "\n".join(lines[:at] + new_lines + lines[at:])


def with_provenance(text: str, line: str, is_provenance: Any) -> str:
    """``text`` with its provenance comment set to ``line``: replaced in place, else added after the marker."""
    lines = text.split("\n")
    for index, current in enumerate(lines):
        if is_provenance(current):
            lines[index] = line
            return "\n".join(lines)
    return with_header_lines(text, [line])
