"""One library from many sources: which record is kept, under which identifier, and how it is written.

* **The same collectivité** (same identifier) in several sources: one record, from a source that is its
  own — one whose ``iaterr.yaml`` names it (``collectivite_defaut``), else one holding no other
  collectivité — else from the first source of the sources file; the others are kept aside as linked
  copies.
* **The same project** seen twice — the same collectivité and either the same identifier or the same
  name, in two different sources (a collectivité's own record and an older Bibliothèque copy): one
  record is kept, the others are linked to it. Kept: a record from the collectivité's own source, else
  the most recently updated (``date_mise_a_jour``), else the first source's.
* **An identifier clash** — different projects of different collectivités under one identifier: each
  is namespaced by its collectivité (``paris-chatbot``, ``lyon-chatbot``), a number added if that is
  still taken; every renaming is reported.
* A use case whose collectivité is in no source is left out, and reported.

Everything is decided from small summaries, in an order that depends only on the sources and their
records: the same inputs give the same aggregate.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from iaterr.base.files import UnsafePath, read_regular

#: The first line(s) of an aggregated record: where it comes from.
PROVENANCE = "# Source (iaterr aggregate) : "
MAX_IDENT = 80


@dataclass
class Rec:
    """One valid record of one source, as the merge needs it (its bytes stay in a file: ``path``)."""

    source: int
    kind: str
    rel: str
    path: str
    ident: str
    collectivite: str | None
    nom: str
    date: str
    digest: str
    restricted: bool
    #: decided by the merge: the identifier it is written under ("" until decided)
    out: str = ""
    #: for a linked copy: the aggregate's file of the record kept instead
    linked_to: str | None = None
    #: for a linked copy: the record kept instead
    match: Rec | None = None
    #: its bytes at ``path`` are already those of a public aggregate (read back from a previous run)
    clean: bool = False
    #: where the previous aggregate had it (relative to it), when it comes from there
    previous: str | None = None
    #: a collectivité's SIRET (14 digits), when it gives one
    siret: str | None = None
    #: decided by the merge: the collectivité a use case is written under, when not its own identifier (the same
    #: collectivité, by its SIRET, kept under another identifier)
    coll_out: str | None = None
    #: ``coll_out`` of the previous run (a file taken back as it is only if that did not change)
    previous_coll_out: str | None = None
    #: the identifier the previous run wrote this use case under (it stays with it: a public address never moves
    #: to another project)
    previous_out: str | None = None
    #: this is the last valid state of a record now invalid in its source (kept, marked stale)
    stale: bool = False
    #: SHA-256 of the bytes the aggregate holds for it (checked before a file of the previous run is taken back)
    written_digest: str | None = None

    def to_lock(self) -> dict[str, Any]:
        entry = {"type": self.kind, "source": self.rel, "identifiant": self.ident, "collectivite": self.collectivite,
                 "nom": self.nom, "date_mise_a_jour": self.date, "empreinte": self.digest,
                 "restreint": self.restricted}
        if self.siret:
            entry["siret"] = self.siret
        if self.coll_out:
            entry["collectivite_ecrite"] = self.coll_out
        if self.stale:
            entry["perime"] = True
        if self.written_digest:
            entry["empreinte_ecrite"] = self.written_digest
        return entry


@dataclass
class Plan:
    kept: list[Rec] = field(default_factory=list)
    linked: list[Rec] = field(default_factory=list)
    #: (record, old identifier, new identifier)
    renamed: list[tuple[Rec, str, str]] = field(default_factory=list)
    #: use cases whose collectivité is in no source
    orphans: list[Rec] = field(default_factory=list)
    #: ``id`` of the renamed records whose identifier was not shared but already given to another record (by a
    #: previous run)
    displaced: set[int] = field(default_factory=set)


FOLDER = {"cas_usage": "cas-usage", "collectivite": "collectivites"}


def out_file(rec: Rec) -> str:
    return f"data/{FOLDER[rec.kind]}/{rec.out}.yaml"


def _short(text: str, suffix_from: str) -> str:
    """``text`` cut to an identifier's length, a hash of ``suffix_from`` at its end when cut."""
    if len(text) <= MAX_IDENT:
        return text
    tail = hashlib.sha256(suffix_from.encode()).hexdigest()[:6]
    return text[:MAX_IDENT - 7].rstrip("-") + "-" + tail


def merge(records: list[Rec], own: dict[int, dict[str, int]]) -> Plan:
    """Decide what the aggregate holds. ``own``: by source, the collectivités it is the own source of, with
    how surely (0: declared in its ``iaterr.yaml``, 1: the only collectivité it holds)."""
    plan = Plan()

    def owns(rec: Rec, coll: str | None) -> int:
        """0: the source declares the collectivité its own (``collectivite_defaut``); 1: it holds only that
        one; 2: neither."""
        return own.get(rec.source, {}).get(coll or "", 2)

    # collectivités: one per identifier
    colls = sorted((r for r in records if r.kind == "collectivite"),
                   key=lambda r: (owns(r, r.ident), r.source, r.rel))
    kept_coll: dict[str, Rec] = {}
    for rec in colls:
        first = kept_coll.get(rec.ident)
        if first is None:
            rec.out = rec.ident
            kept_coll[rec.ident] = rec
            plan.kept.append(rec)
        else:
            rec.out = rec.ident
            rec.linked_to = out_file(first)
            rec.match = first
            plan.linked.append(rec)

    # one collectivité under two identifiers (the same SIRET): one record, its use cases written under it
    alias: dict[str, str] = {}
    by_siret: dict[str, list[Rec]] = {}
    for rec in kept_coll.values():
        if rec.siret:
            by_siret.setdefault(rec.siret, []).append(rec)
    for group in by_siret.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda r: (owns(r, r.ident), r.source, r.rel))
        for other in group[1:]:
            alias[other.ident] = group[0].ident
            other.linked_to = out_file(group[0])
            other.match = group[0]
            plan.kept.remove(other)
            plan.linked.append(other)
    for ident in alias:
        del kept_coll[ident]

    def coll_of(rec: Rec) -> str | None:
        return alias.get(rec.collectivite or "", rec.collectivite)

    # use cases: the same project once
    cases = [r for r in records if r.kind == "cas_usage"]
    for rec in cases:
        if coll_of(rec) not in kept_coll:
            plan.orphans.append(rec)
        elif coll_of(rec) != rec.collectivite:
            rec.coll_out = coll_of(rec)
    cases = [r for r in cases if coll_of(r) in kept_coll]
    cases.sort(key=lambda r: (owns(r, coll_of(r)), _newest_first(r.date), r.source, r.rel))
    by_ident: dict[tuple[str | None, str], Rec] = {}
    by_name: dict[tuple[str | None, str], list[Rec]] = {}
    kept: list[Rec] = []
    for rec in cases:
        coll = coll_of(rec)
        match = by_ident.get((coll, rec.ident))
        if match is not None and match.source == rec.source:
            match = None  # cannot happen in a valid source; never link a source to itself
        if match is None and rec.nom:
            match = next((k for k in by_name.get((coll, rec.nom), []) if k.source != rec.source), None)
        if match is not None:
            rec.out = rec.ident
            rec.match = match
            plan.linked.append(rec)
            continue
        by_ident.setdefault((coll, rec.ident), rec)
        by_name.setdefault((coll, rec.nom), []).append(rec)
        kept.append(rec)

    # an identifier a use case had in the previous run stays with it (its public address never moves to another
    # project); then identifier clashes between the projects kept
    taken: set[str] = set()
    for rec in sorted(kept, key=lambda r: (r.source, r.rel)):
        if rec.previous_out and rec.previous_out not in taken:
            rec.out = rec.previous_out
            taken.add(rec.out)
    groups: dict[str, list[Rec]] = {}
    for rec in kept:
        groups.setdefault(rec.ident, []).append(rec)
    for rec in kept:
        if not rec.out and len(groups[rec.ident]) == 1 and rec.ident not in taken:
            rec.out = rec.ident
            taken.add(rec.out)
    for rec in kept:
        if rec.out and rec.out != rec.ident:
            plan.renamed.append((rec, rec.ident, rec.out))
    for ident in sorted(groups):
        for rec in sorted(groups[ident], key=lambda r: (r.source, r.rel)):
            if rec.out:
                continue
            if len(groups[ident]) == 1:
                plan.displaced.add(id(rec))
            coll = coll_of(rec) or ""
            base = ident if ident.startswith(coll + "-") else _short(f"{coll}-{ident}", f"{coll}/{ident}")
            candidate, number = base, 1
            while candidate in taken:
                number += 1
                candidate = _short(f"{base}-{number}", f"{base}/{number}")
                if len(candidate) > MAX_IDENT:  # pragma: no cover - _short keeps it within bounds
                    break
            taken.add(candidate)
            rec.out = candidate
            if candidate != ident:
                plan.renamed.append((rec, ident, candidate))
    plan.kept += kept
    for rec in plan.linked:
        if rec.match is not None:
            rec.linked_to = out_file(rec.match)
    plan.kept.sort(key=lambda r: (r.kind, r.out))
    return plan


def _newest_first(date: str) -> tuple[int, ...]:
    """A sort key putting the latest ``date_mise_a_jour`` first (a record without one last)."""
    digits = re.findall(r"\d+", date or "")
    return tuple(-int(d) for d in digits) + (0,) if digits else (1,)


# ---------------------------------------------------------------- writing one record


def _line(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?m)^{key}[ \t]*:[ \t]*(?P<value>[^\n#]*?)[ \t]*(?P<comment>#[^\n]*)?$")


_LINES = {key: _line(key) for key in ("identifiant", "collectivite")}


class Unwritable(Exception):
    """A record whose aggregated text could not be made (it is then left out, and reported)."""


def provenance_line(location: str, version: str, rel: str) -> str:
    from iaterr.base.text import printable_line

    return f"{PROVENANCE}{printable_line(location)} ({printable_line(version)}), {printable_line(rel)}\n"


def record_text(rec: Rec, provenance: str, *, public: bool) -> bytes:
    """The bytes of ``rec`` as the aggregate holds it: a provenance line first (the previous run's replaced), the
    restricted fields taken out of a public aggregate (unless done already: ``rec.clean``), the identifier
    renamed when the merge said so. Any change beyond the first line is checked: the text must still be a
    valid record, holding no restricted value."""
    try:
        raw = read_regular(rec.path)
    except (OSError, UnsafePath) as exc:
        raise Unwritable(str(exc)) from exc
    if public and rec.restricted and not rec.clean:
        stripped = public_bytes(raw, out_file(rec), rec.kind)
        if stripped is None:
            raise Unwritable("restreint")
        raw = stripped
    bom = b""
    if raw.startswith(b"\xef\xbb\xbf"):
        bom, raw = raw[:3], raw[3:]
    text = raw.decode("utf-8")
    lines = text.splitlines(keepends=True)
    if rec.previous is not None and lines and lines[0].startswith(PROVENANCE):
        lines.pop(0)  # this aggregate's own line, from the previous run; a source's own lines (an aggregate of
        # aggregates) are kept below it: the chain of provenance
    text = "".join(lines)
    renamed = bool(rec.out) and rec.out != _current(text, "identifiant")
    if renamed:
        text = _renamed(text, "identifiant", rec.out)
    moved = rec.kind == "cas_usage" and (rec.coll_out or rec.collectivite) != _current(text, "collectivite")
    if moved:
        text = _renamed(text, "collectivite", rec.coll_out or rec.collectivite or "")
    out = bom + (provenance + text).encode("utf-8")
    if (renamed or moved) and not _checked(out, out_file(rec), rec.kind):
        raise Unwritable("verification")
    return out


def public_bytes(raw: bytes, rel: str, kind: str) -> bytes | None:
    """``raw`` (a valid record) without its restricted fields, checked valid and free of any restricted value;
    None when that cannot be made."""
    bom = b""
    if raw.startswith(b"\xef\xbb\xbf"):
        bom, raw = raw[:3], raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    out = bom + _without_restricted(text, kind).encode("utf-8")
    if _checked(out, rel, kind):
        return out
    try:  # the lines cut were not the whole field: a round trip
        out = bom + _roundtrip(text, _strip(kind)).encode("utf-8")
    except Unwritable:
        return None
    return out if _checked(out, rel, kind) else None


def members_bytes(raw: bytes, companion: bytes, rel: str, kind: str) -> bytes | None:
    """``raw`` (a valid record of a public repository) with the fields of its companion file in the restricted
    store added at its end (a members-only aggregate), checked valid; None when that cannot be made."""
    from iaterr.check.validate import check_file

    try:
        extra = companion.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [line for line in extra.splitlines(keepends=True) if line.strip() not in ("---", "...")]
    text = raw if raw.endswith(b"\n") or not raw else raw + b"\n"
    out = text + "".join(lines).encode("utf-8")
    if not out.endswith(b"\n"):
        out += b"\n"
    checked = check_file(out, rel, kind, keep=True)
    return out if not checked.result.has_errors and checked.data is not None else None


def _checked(raw: bytes, rel: str, kind: str) -> bool:
    """Is ``raw`` a valid record holding no restricted value?"""
    from iaterr.check.validate import check_file
    from iaterr.model.kinds import model_of
    from iaterr.model.visibility import restricted_paths

    checked = check_file(raw, rel, kind, keep=True)
    if checked.result.has_errors or checked.data is None:
        return False
    return not any(v not in (None, "", [], {}) for _p, v in restricted_paths(model_of(kind), checked.data))


def _current(text: str, key: str) -> str | None:
    found = list(_LINES[key].finditer(text))
    if len(found) != 1:
        return None
    return found[0].group("value").strip().strip("\"'")


def _renamed(text: str, key: str, value: str) -> str:
    """``text`` with its ``key`` (identifiant, collectivite) set to ``value``: on its own line when it is written
    plainly, else by a round trip."""
    found = list(_LINES[key].finditer(text))
    if len(found) == 1 and re.fullmatch(r"[\"']?[a-z0-9-]+[\"']?", found[0].group("value").strip()):
        match = found[0]
        return text[:match.start()] + f"{key}: {value}" + text[match.end():]
    return _roundtrip(text, lambda data: data.__setitem__(key, value))


def _restricted_names(kind: str) -> set[str]:
    from iaterr.model.introspect import specs
    from iaterr.model.kinds import model_of
    from iaterr.model.visibility import is_public

    return {name for name, spec in specs(model_of(kind)).items() if not is_public(spec)}


def _strip(kind: str) -> Any:
    names = _restricted_names(kind)

    def strip(data: Any) -> None:
        for key in [k for k in data if k in names]:
            del data[key]

    return strip


def _without_restricted(text: str, kind: str) -> str:
    """``text`` without the lines of its restricted fields (top-level keys of a block mapping: from the key's
    line to the end of its value). Cheap; checked by the caller, who falls back on a round trip."""
    from iaterr.repo.yamlio import cut_spans, top_level_spans

    spans = top_level_spans(text, _restricted_names(kind))
    if spans is None:
        return _roundtrip(text, _strip(kind))
    return cut_spans(text, spans.values())


def _roundtrip(text: str, change: Any) -> str:
    import io

    from iaterr.repo.yamlio import roundtrip_yaml

    y = roundtrip_yaml()
    try:
        data = y.load(text)
    except Exception as exc:  # noqa: BLE001 - ruamel's errors have no common base worth naming here
        raise Unwritable(type(exc).__name__) from exc
    if not hasattr(data, "keys"):
        raise Unwritable("racine")
    change(data)
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()
