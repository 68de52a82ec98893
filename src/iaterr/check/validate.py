"""``validate``: is every record well formed, and do the records agree?

Work is split in two:

* per file (:func:`check_file`, cacheable: its result depends only on the file's bytes and path):
  bytes → YAML document → model, giving diagnostics, a small summary of the record and, when asked
  for, the validated record as plain data;
* across files (:func:`cross_checks`, recomputed on every run from the summaries): unique
  identifiers, identifiers matching file names, references to collectivités, SIRETs.

Reading files, the cache and the views of records are :mod:`iaterr.check.loader`'s. Nothing here
prints or writes.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iaterr import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from iaterr.base.diagnostics import Diagnostic, Severity, format_path, with_hint
from iaterr.model.dates import parse_partial_date
from iaterr.model.kinds import FOLDERS, model_of
from iaterr.model.vocab import STATUTS, THEMES
from iaterr.repo.config import Repository

if TYPE_CHECKING:  # the model (pydantic) and the YAML reader are imported when a file is checked, not by a run
    # served from the cache
    from pydantic import BaseModel, ValidationError

    from iaterr.model.visibility import View
    from iaterr.repo.yamlio import Document

YAML_SUFFIXES = (".yaml", ".yml")


#: the keys of a :class:`Summary`, and the slot that holds each
_SLOTS = {"identifiant": "identifiant", "identifiant@": "identifiant_at", "collectivite": "collectivite",
          "collectivite@": "collectivite_at", "date_mise_a_jour": "date_mise_a_jour",
          "date_mise_a_jour@": "date_mise_a_jour_at", "theme": "theme", "statut": "statut", "siret": "siret",
          "siret@": "siret_at", "siret_ok": "siret_ok", "@": "at"}
#: values many records share (a collectivité's identifier, codes, dates): one string each, not one per record
_SHARED = frozenset({"collectivite", "theme", "statut", "date_mise_a_jour"})
_POSITIONS: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_ABSENT = object()


def shared_position(position: tuple[Any, ...]) -> tuple[Any, ...]:
    """One tuple for each (line, column) of a summary: the records of a repository mostly share theirs (the
    identifier on line 2…), and a run keeps a summary per file. Bounded: positions beyond a few thousand
    distinct ones are kept as they are."""
    shared = _POSITIONS.get(position)
    if shared is not None:
        return shared
    if len(_POSITIONS) < 4096:
        _POSITIONS[position] = position
    return position


class Summary(Mapping[str, Any]):
    """What the checks across records read of a record (identifiant, collectivite, siret, theme, statut,
    date_mise_a_jour and their positions, under the keys of :data:`_SLOTS`), read-only, as a mapping. A run
    keeps one per file: slotted (a third of a dictionary's size), values many records share interned, positions
    shared. An unknown key given raises :class:`KeyError`."""

    __slots__ = tuple(_SLOTS.values())

    def __init__(self, values: Mapping[str, Any] = {}) -> None:  # noqa: B006 - read only
        for key, value in values.items():
            if key in _SHARED and type(value) is str:  # noqa: E721
                value = sys.intern(value)
            elif key[-1:] == "@" and isinstance(value, (tuple, list)):
                value = shared_position(tuple(value))
            object.__setattr__(self, _SLOTS[key], value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a summary is read-only")

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, _SLOTS[key])
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        name = _SLOTS.get(key)
        return default if name is None else getattr(self, name, default)

    def __contains__(self, key: object) -> bool:
        name = _SLOTS.get(key) if isinstance(key, str) else None
        return name is not None and hasattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return (key for key, name in _SLOTS.items() if hasattr(self, name))

    def pairs(self) -> list[tuple[str, Any]]:
        """Its keys and values (what ``items()`` gives, read once)."""
        return [(key, value) for key, name in _SLOTS.items() if (value := getattr(self, name, _ABSENT)) is not _ABSENT]

    def __len__(self) -> int:
        return sum(1 for _key in self)

    def __repr__(self) -> str:
        return f"Summary({dict(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Summary, (dict(self),))



@dataclass(slots=True)
class FileResult:
    """What reading and validating one record file gave: the one shape every command works from (one per
    file for the whole run: slotted, no per-object dictionary)."""

    rel: str
    kind: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: identifiant, collectivite, siret, theme, statut, date_mise_a_jour and their positions
    summary: Mapping[str, Any] = field(default_factory=Summary)
    #: hash of the file's bytes ("" when it could not be read)
    digest: str = ""
    #: the record's public view, when asked for and the file has no error of its own
    public: View | None = None
    #: the record with its restricted fields, when asked for explicitly (never cached)
    full: View | None = None
    #: what each ``prepare`` function of the load made of the public view, by name
    prepared: dict[str, Any] = field(default_factory=dict)
    #: what the ``analyse`` function of the load made of the parsed file (lint), never cached
    analysis: Any = None
    #: what the ``emit`` function of the load made of the use case (the register's page), never cached
    emitted: Any = None
    #: the file's stamp and the time just before it was read, from where it was read, until the cache has it
    stamped: Any = None
    #: what the load's ``keep`` function kept of it in the main process (its other values then let go)
    kept: Any = None

    @property
    def has_errors(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.diagnostics)


class KeptResult:
    """A file's result once the load's ``keep`` function has taken what its caller needs of it
    (:attr:`~iaterr.check.loader.Want.keep`), when the file has no finding of its own: its path, kind and summary
    (the checks across records read them) and what was kept. Made when :class:`KeptResults` is iterated."""

    __slots__ = ("rel", "kind", "summary", "kept")
    #: no finding of its own (a file with some keeps its whole :class:`FileResult`)
    diagnostics: tuple[Diagnostic, ...] = ()
    has_errors = False

    def __init__(self, rel: str, kind: str, summary: Mapping[str, Any], kept: Any) -> None:
        self.rel, self.kind, self.summary, self.kept = rel, kind, summary, kept

    def __repr__(self) -> str:
        return f"KeptResult({self.rel!r}, {self.kind!r})"


#: in a :class:`KeptResults` column of identifiers: the identifier is the file's name
_NAME = object()


def stem_of(rel: str) -> str:
    """A record's file name without its extension (its identifier, when it is right)."""
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


class KeptResults:
    """The results a load's ``keep`` function took (files without findings of their own), in columns: per file, its
    place among the files, its path (the loader's string), its kind, what was kept, and its summary's values, a
    column per key (an identifier that is the file's name is not kept: it is the name; the other values are
    interned or shared already). Iterated in the order of the files, each is given as a :class:`KeptResult` made
    then, whose summary reads the columns: a load of many records holds a few pointers per file, not an object
    per file and per summary, until the checks across records are done."""

    def __init__(self) -> None:
        self.places = array("I")
        self.rels: list[str] = []
        self.kinds: list[str] = []
        self.values: list[Any] = []
        self.columns: dict[str, list[Any]] = {}

    def add(self, place: int, rel: str, kind: str, summary: Mapping[str, Any], value: Any) -> None:
        row = len(self.rels)
        self.places.append(place)
        self.rels.append(rel)
        self.kinds.append(sys.intern(kind))
        self.values.append(value)
        for key, held in (summary.pairs() if isinstance(summary, Summary) else summary.items()):
            if key == "identifiant" and held == stem_of(rel):
                held = _NAME
            column = self.columns.get(key)
            if column is None:
                column = self.columns[key] = [None] * row
            column.append(held)
        for column in self.columns.values():
            if len(column) == row:
                column.append(None)

    def sort(self) -> None:
        """Sort the rows in the order of the files (they are added as they arrive)."""
        order = sorted(range(len(self.rels)), key=self.places.__getitem__)
        if all(a < b for a, b in zip(order, order[1:])):
            return
        self.places = array("I", (self.places[n] for n in order))
        self.rels = [self.rels[n] for n in order]
        self.kinds = [self.kinds[n] for n in order]
        self.values = [self.values[n] for n in order]
        self.columns = {key: [column[n] for n in order] for key, column in self.columns.items()}

    def __len__(self) -> int:
        return len(self.rels)

    def __iter__(self) -> Iterator[KeptResult]:
        for row in range(len(self.rels)):
            yield self.result(row)

    def result(self, row: int) -> KeptResult:
        return KeptResult(self.rels[row], self.kinds[row], _ColumnSummary(self, row), self.values[row])

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]


class _ColumnSummary(Mapping[str, Any]):
    """The summary of one row of a :class:`KeptResults`, read from its columns."""

    __slots__ = ("_table", "_row")

    def __init__(self, table: KeptResults, row: int) -> None:
        self._table, self._row = table, row

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        column = self._table.columns.get(key)
        held = None if column is None else column[self._row]
        if held is None:
            return default
        return stem_of(self._table.rels[self._row]) if held is _NAME else held

    def __iter__(self) -> Iterator[str]:
        return (key for key, column in self._table.columns.items() if column[self._row] is not None)

    def __len__(self) -> int:
        return sum(1 for _key in self)


class InOrder:
    """The results of one load — whole (:class:`FileResult`) and kept (:class:`KeptResults`) — in the order of
    their files, as often as they are iterated (the checks across records go over them a few times)."""

    def __init__(self, whole: list[FileResult], places: array[int], kept: KeptResults) -> None:
        self.whole, self.places, self.kept = whole, places, kept

    def __iter__(self) -> Iterator[FileResult | KeptResult]:
        return self._merged(False)

    def drain(self) -> Iterator[FileResult | KeptResult]:
        """Each result once, in order, let go as it is given (the whole ones) and all at the end (the kept)."""
        try:
            yield from self._merged(True)
        finally:
            self.whole.clear()
            self.kept.clear()

    def of_kind(self, kind: str) -> Iterator[FileResult | KeptResult]:
        """The results of ``kind``, in order (a kept one made only when it is of that kind)."""
        return self._merged(False, kind)

    def _merged(self, release: bool, kind: str | None = None) -> Iterator[FileResult | KeptResult]:
        n, whole, kept = 0, self.whole, self.kept
        for row in range(len(kept) + 1):
            while n < len(whole) and (row == len(kept) or self.places[n] < kept.places[row]):
                result = whole[n]
                if release:
                    whole[n] = None  # type: ignore[call-overload]
                if kind is None or result.kind == kind:
                    yield result
                n += 1
            if row < len(kept) and (kind is None or kept.kinds[row] == kind):
                yield kept.result(row)


@dataclass
class ValidationReport:
    root: Path
    #: each file's result, but those a ``keep`` function took without findings (:attr:`kept`), in file order
    results: list[FileResult]
    diagnostics: list[Diagnostic]
    files_read: int = 0
    files_cached: int = 0
    ignored: list[str] = field(default_factory=list)
    #: the results a load's ``keep`` function took, of files without findings of their own, in file order
    kept: KeptResults = field(default_factory=KeptResults)
    #: the place among the files of each of ``results`` (a load with ``keep``): :meth:`in_order` merges the two
    places: array[int] = field(default_factory=lambda: array("I"))

    def in_order(self) -> Iterator[FileResult | KeptResult]:
        """``results`` and ``kept``, in the order of their files."""
        return iter(InOrder(self.results, self.places, self.kept))

    def drain(self) -> Iterator[FileResult | KeptResult]:
        """:meth:`in_order`, each whole result let go as it is given, the report emptied at the end (its results
        are never all in memory together with what the caller makes of them)."""
        return InOrder(self.results, self.places, self.kept).drain()

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)

    def records(self, kind: str) -> list[FileResult]:
        return [r for r in self.results if r.kind == kind]

    def files_with_findings(self) -> int:
        return len({d.file for d in self.diagnostics})

    def files_with_errors(self) -> dict[str, int]:
        """File → number of errors, cross-record ones included."""
        errors: dict[str, int] = {}
        for d in self.diagnostics:
            if d.severity == Severity.ERROR:
                errors[d.file] = errors.get(d.file, 0) + 1
        return errors

    def theme_status_table(self) -> dict[str, Counter[str]]:
        table: dict[str, Counter[str]] = {}
        for result in self.records("cas_usage"):
            theme = result.summary.get("theme")
            statut = result.summary.get("statut")
            if theme and statut:
                table.setdefault(theme, Counter())[statut] += 1
        return table


# ---------------------------------------------------------------- one file


@dataclass
class Checked:
    """:func:`check_file`'s answer: the result, the parsed document and, when asked, the validated data."""

    result: FileResult
    document: Document
    #: the validated record as plain data (codes, ISO dates), when ``keep`` and it is valid on its own
    data: dict[str, Any] | None = None
    #: the file's bytes
    raw: bytes = b""
    #: ``result.diagnostics`` as found, before the values of restricted fields were masked, in the same order:
    #: for safe fixes (lint), never cached nor shown
    unmasked: list[Diagnostic] = field(default_factory=list)


def check_file(raw: bytes, rel: str, kind: str, *, keep: bool = False, public: bool = False,
               companion: tuple[str, bytes] | None = None) -> Checked:
    """Validate the bytes of one record file of ``kind``. With ``keep``, the validated record is kept as
    plain data. No diagnostic quotes the value of a restricted field.

    ``public``: the file belongs to a public repository, where a restricted value in it is an error.
    ``companion``: the file of the restricted store that goes with it (how it is named, its bytes): its
    restricted fields are merged into the record before validation; diagnostics on its values name it."""
    ValidationError, diagnostic_from_pydantic = _pydantic()
    position = _yamlio().position

    model = model_of(kind)
    doc = _yamlio().read_document(raw, rel)
    result = FileResult(rel, kind, list(doc.diagnostics))
    checked = Checked(result, doc, raw=raw, unmasked=result.diagnostics)
    data = doc.data
    if not isinstance(data, dict):
        return checked
    diags = result.diagnostics
    if public:
        _restricted_in_public(model, data, doc.root, rel, diags)
    merged: set[str] = set()
    companion_root: Any = None
    if companion is not None:
        data, merged, companion_root = _merge_companion(model, data, doc.root, rel, companion, diags)

    def locate(path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        if path and path[0] in merged:
            return position(companion_root, path, key=key)
        return position(doc.root, path, key=key)

    try:
        instance = model.model_validate(data)
        if keep:
            checked.data = instance.model_dump(mode="json", exclude_none=True)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            # as found (a safe fix is made from it): masked with the others below, by ``scrub``
            diags.append(diagnostic_from_pydantic(err, rel, model, data, locate, redact=False))
    version = data.get("version_schema")
    if isinstance(version, str) and version.strip() and version not in SUPPORTED_SCHEMA_VERSIONS:
        line, col = position(doc.root, ("version_schema",))
        diags.append(Diagnostic("version-schema", rel, line, col, ("version_schema",), with_hint(
            {"valeur": version, "versions": list(SUPPORTED_SCHEMA_VERSIONS)}, "version-schema")))
    elif isinstance(version, str):
        _newer_fields(model, data, version, doc.root, rel, diags)
    _non_canonical(model, data, (), doc.root, rel, diags)
    if kind == "cas_usage":
        _record_checks(data, doc.root, rel, diags)
    if merged and companion is not None:
        # what is said of a value of the companion names the companion's file, masked even as found (lint
        # --fix, which works from the findings as found, never writes a restricted value into the record)
        diags[:] = [_in_companion(d, companion[0], companion_root).redacted() if d.file == rel and d.path
                    and d.path[0] in merged else d for d in diags]
    result.diagnostics = scrub(diags, model, data)
    result.summary = Summary(_summary(kind, data, doc.root))
    if any(d.severity == Severity.ERROR for d in result.diagnostics):
        checked.data = None
    return checked


@functools.cache
def _yamlio() -> Any:
    """:mod:`iaterr.repo.yamlio`, imported when a file is first checked (never by a run served from the cache),
    once: an import statement costs more than the checks of a field."""
    from iaterr.repo import yamlio

    return yamlio


@functools.cache
def _pydantic() -> tuple[type[ValidationError], Any]:
    """pydantic's ``ValidationError`` and :func:`~iaterr.model.errors.diagnostic_from_pydantic`, imported when a
    file is first checked, once."""
    from pydantic import ValidationError as Error

    from iaterr.model.errors import diagnostic_from_pydantic

    return Error, diagnostic_from_pydantic


def _title(spec: Any) -> dict[str, str]:
    return {"fr": spec.meta.titre_fr, "en": spec.meta.titre_en}


def _restricted_in_public(model: type[BaseModel], data: dict[str, Any], root: Any, rel: str,
                          diags: list[Diagnostic]) -> None:
    """Each restricted value of a record file of a public repository: an error (never quoting the value)."""
    from iaterr.model.introspect import specs
    from iaterr.model.visibility import restricted_paths

    position = _yamlio().position
    for path, value in restricted_paths(model, data):
        if value in ("", [], {}):  # an empty key holds no value
            continue
        owner: Any = model
        for part in path[:-1]:
            if isinstance(part, str):
                owner = specs(owner)[part].submodel
        spec = specs(owner)[str(path[-1])]
        line, column = position(root, path, key=True)
        diags.append(Diagnostic("restreint-dans-depot-public", rel, line, column, path, with_hint(
            {"champ": format_path(path), "titre": _title(spec)}, "restreint-separer")))


def _merge_companion(model: type[BaseModel], data: dict[str, Any], root: Any, rel: str,
                     companion: tuple[str, bytes], diags: list[Diagnostic]) -> tuple[dict[str, Any], set[str], Any]:
    """``data`` with the restricted fields of the companion file added: (merged data, names merged, the
    companion's YAML root). A public or unknown field in the companion, or a field given in both files, is an
    error; the companion's own YAML problems are said on its file."""
    from iaterr.model.introspect import specs
    from iaterr.model.visibility import is_public
    from iaterr.repo.yamlio import position, read_document

    shown, raw = companion
    doc = read_document(raw, shown)
    # a store file empty or of comments only holds no restricted value: not a broken record
    diags.extend(d for d in doc.diagnostics if d.code != "fichier-vide")
    if not isinstance(doc.data, dict):
        return data, set(), None
    fields = specs(model)
    out = dict(data)
    merged: set[str] = set()
    for name, value in doc.data.items():
        spec = fields.get(name)
        if spec is None or is_public(spec):
            line, column = position(doc.root, (name,), key=True)
            diags.append(Diagnostic("restreint-champ-public", shown, line, column, (), with_hint(
                {"champ": name}, "restreint-champ-public", fiche=rel)))
            continue
        if value is None:
            continue
        if data.get(name) not in (None, "", [], {}):
            line, column = position(root, (name,), key=True)
            diags.append(Diagnostic("restreint-double", rel, line, column, (), with_hint(
                {"champ": name, "titre": _title(spec), "compagnon": shown}, "restreint-double")))
            continue
        out[name] = value
        merged.add(name)
    return out, merged, doc.root


def _in_companion(d: Diagnostic, shown: str, root: Any) -> Diagnostic:
    position = _yamlio().position

    line, column = position(root, d.path)
    return Diagnostic(d.code, shown, line, column, d.path, d.params, d.severity, d.texts)


def scrub(diags: list[Diagnostic], model: type[BaseModel], data: dict[str, Any], *,
          values_only: bool = False) -> list[Diagnostic]:
    """``diags`` with no value of a restricted field in them: a diagnostic about a restricted field, or one
    whose parameters quote a restricted text, is :meth:`~Diagnostic.redacted` (``values_only``: only its
    parameters that quote the record, for lint rules whose other parameters explain)."""
    from iaterr.model.visibility import path_is_public

    if not diags:  # nothing to mask (a record as usually written)
        return []
    secrets = _restricted_texts(model, data)
    out = []
    for d in diags:
        if not path_is_public(model, d.path):
            d = d.redacted(values_only=values_only)
        if secrets and _quotes(d.params, secrets):  # a restricted text quoted elsewhere: that parameter hidden
            d = Diagnostic(d.code, d.file, d.line, d.column, d.path, _without(d.params, secrets), d.severity, d.texts)
        out.append(d)
    return out


def _without(params: dict[str, Any], secrets: list[str]) -> dict[str, Any]:
    from iaterr.base.diagnostics import REDACTED

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return REDACTED if _quotes(value, secrets) else value
        if isinstance(value, dict):
            if "fr" in value and any(_quotes(v, secrets) for v in value.values()):
                return REDACTED  # a text in both languages: hidden whole
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):  # a hint
            return (value[0], {k: clean(v) for k, v in value[1].items()})
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        return value

    return {k: clean(v) for k, v in params.items()}


def _restricted_texts(model: type[BaseModel], data: dict[str, Any]) -> list[str]:
    from iaterr.model.visibility import restricted_paths

    found: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str):
            text = value.strip()
            if len(text) >= 4 and not _is_code(text):
                found.append(text)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)

    for _path, value in restricted_paths(model, data):
        collect(value)
    return found


def _is_code(text: str) -> bool:
    """A vocabulary code, a number, a date, a boolean: no secret in it, and found everywhere."""
    return re.fullmatch(r"[a-z0-9_]+|[\d.,: -]+", text) is not None or text.lower() in ("true", "false", "oui", "non")


def _quotes(value: Any, secrets: list[str]) -> bool:
    """Does ``value`` quote one of ``secrets``, whole or as an excerpt (a beginning cut with "…")?"""
    if isinstance(value, str):
        if any(secret in value for secret in secrets):
            return True
        core = value.strip(" «»“”\"'…").rstrip(".")
        return len(core) >= 12 and any(core in secret for secret in secrets)
    if isinstance(value, dict):
        return any(_quotes(v, secrets) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_quotes(v, secrets) for v in value)
    return False


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _summary(kind: str, data: dict, root: Any) -> dict[str, Any]:
    position = _yamlio().position

    out: dict[str, Any] = {}
    keys = ("identifiant", "collectivite", "date_mise_a_jour") if kind == "cas_usage" else ("identifiant", "siret")
    for key in keys:
        value = _str(data.get(key))
        if value is not None:
            out[key] = value
            out[key + "@"] = position(root, (key,))
    # the update date, kept only when it is a date (ISO: compared as text with today's, at its precision)
    if "date_mise_a_jour" in out and parse_partial_date(out["date_mise_a_jour"]) is None:
        del out["date_mise_a_jour"]
    if kind == "cas_usage":
        for key, vocab in (("theme", THEMES), ("statut", STATUTS)):
            raw = _str(data.get(key))
            term = vocab.resolve(raw) if raw else None
            if term:
                out[key] = term.code
    else:
        out["siret_ok"] = bool(out.get("siret")) and re.fullmatch(r"\d{14}", out["siret"]) is not None
        out["@"] = (1, 1)
    return out


def _newer_fields(model: type[BaseModel], data: dict, version: str, root: Any, rel: str, out: list) -> None:
    """A field the record's declared format does not have: an iaterr of that format would refuse the file."""
    position = _yamlio().position

    for name, meta in _newer(model, version):
        if name in data:
            line, col = position(root, (name,), key=True)
            out.append(Diagnostic("champ-version-schema", rel, line, col, (name,), with_hint(
                {"champ": name, "depuis": meta.depuis, "version": version},
                "champ-version-schema", actuelle=SCHEMA_VERSION)))


_NEWER: dict[tuple[type[BaseModel], str], list[tuple[str, Any]]] = {}


def _newer(model: type[BaseModel], version: str) -> list[tuple[str, Any]]:
    """The fields of ``model`` (name, metadata), in its order, that came after the record format ``version``
    (:func:`~iaterr.model.fields.newer_than`), remembered for a few versions (files may declare any)."""
    found = _NEWER.get((model, version))
    if found is None:
        from iaterr.model.fields import fields_of, newer_than

        found = [(name, meta) for name, meta in fields_of(model).items() if newer_than(meta, version)]
        if len(_NEWER) < 64:
            _NEWER[(model, version)] = found
    return found


@functools.cache
def _coded(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """The fields of ``model`` (name, spec), in its order, that :func:`_non_canonical` looks into: those
    holding a code of a vocabulary, and the tables."""
    from iaterr.model.introspect import specs

    return [(name, spec) for name, spec in specs(model).items()
            if spec.vocab is not None or spec.submodel is not None]


def _non_canonical(model: type[BaseModel], data: dict, path: tuple, root: Any, rel: str, out: list) -> None:
    """Warn where a label or alias stands for a code: valid, but not canonical."""
    position = _yamlio().position

    for name, spec in _coded(model):
        value = data.get(name)
        if value is None:
            continue
        if spec.vocab is not None:
            items = enumerate(value) if spec.is_list and isinstance(value, list) else [(None, value)]
            for index, item in items:
                if not isinstance(item, str):
                    continue
                term = spec.vocab.resolve(item)
                if term is not None and term.code != item:
                    where = path + (name,) + (() if index is None else (index,))
                    line, col = position(root, where)
                    out.append(Diagnostic("valeur-non-canonique", rel, line, col, where, with_hint(
                        {"valeur": item, "code": term.code}, "code-canonique", code=term.code)))
        elif spec.submodel is not None:
            items = enumerate(value) if spec.is_list and isinstance(value, list) else [(None, value)]
            for index, item in items:
                if isinstance(item, dict):
                    where = path + (name,) + (() if index is None else (index,))
                    _non_canonical(spec.submodel, item, where, root, rel, out)


def _record_checks(data: dict, root: Any, rel: str, out: list) -> None:
    position = _yamlio().position
    pairs: list[tuple[tuple, tuple]] = [(("date_debut",), ("date_fin",))]
    dates_cles = data.get("dates_cles")
    if isinstance(dates_cles, list):
        pairs += [(("dates_cles", i, "date"), ("dates_cles", i, "fin")) for i in range(len(dates_cles))]
    for first, second in pairs:
        a, b = _date_at(data, first), _date_at(data, second)
        if a and b and _later(a[1], b[1]):
            line, col = position(root, second)
            out.append(Diagnostic("dates-ordre", rel, line, col, second, with_hint(
                {"champ_1": format_path(first), "date_1": a[0], "champ_2": format_path(second), "date_2": b[0]},
                "dates-ordre")))


def _date_at(data: dict, path: tuple) -> tuple[str, tuple[int, ...]] | None:
    node: Any = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, str):
        return None
    parsed = parse_partial_date(node)
    return (node, parsed) if parsed else None


def _later(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Is ``a`` strictly later than ``b``, compared at their common precision?"""
    n = min(len(a), len(b))
    return a[:n] > b[:n]



# ---------------------------------------------------------------- across records


def cross_checks(repo: Repository, results: Iterable[FileResult | KeptResult], *, partial: bool,
                 today: date | None) -> list[Diagnostic]:
    """The checks across records: identifiers unique and equal to their file's name, collectivités referred to
    that exist, update dates not in the future, SIRETs unique. ``results`` is gone over a few times, a result at a
    time (a list, or :class:`InOrder`): what is held meanwhile is a hash per record, and the identifiers met more
    than once, not the results by kind."""
    if iter(results) is results:  # an iterator: gone over once only
        results = list(results)

    def of_kind(kind: str) -> Iterator[FileResult | KeptResult]:
        if isinstance(results, InOrder):
            return results.of_kind(kind)
        return (r for r in results if r.kind == kind)
    out: list[Diagnostic] = []
    today = today or date.today()
    today_iso = today.isoformat()

    # every file name in each kind folder, for checks on a partial selection
    stems: dict[str, set[str]] = {}
    for kind in FOLDERS:
        if partial:
            try:
                names = os.listdir(repo.kind_dir(kind))
            except OSError:
                names = []
            stems[kind] = {n.rsplit(".", 1)[0] for n in names if n.endswith(YAML_SUFFIXES)}
        elif kind == "collectivite":  # a whole run needs only the collectivités' names (references to them)
            stems[kind] = {stem_of(r.rel) for r in of_kind(kind)}
        else:
            stems[kind] = set()

    for kind in FOLDERS:
        # the identifiers met more than once, known first by their hashes (a few bytes per record)
        hashes = sorted(hash(ident) for r in of_kind(kind) if (ident := r.summary.get("identifiant")))
        twice = {h for h, following in zip(hashes, hashes[1:]) if h == following}
        del hashes
        first: dict[str, str] = {}
        for r in of_kind(kind):
            ident = r.summary.get("identifiant")
            if not ident:
                continue
            line, col = r.summary.get("identifiant@", (1, 1))
            name = r.rel.rsplit("/", 1)[-1]
            stem = name.rsplit(".", 1)[0]
            if ident != stem:
                out.append(Diagnostic("identifiant-nom-fichier", r.rel, line, col, ("identifiant",), with_hint(
                    {"identifiant": ident, "fichier": name}, "nom-fichier", attendu=f"{ident}.yaml")))
            again = hash(ident) in twice
            other = first.get(ident) if again else None
            if other is None and partial and ident != stem and ident in stems[kind]:
                other = f"{FOLDERS[kind]}/{ident}.yaml"
            if other is not None:
                out.append(Diagnostic("identifiant-duplique", r.rel, line, col, ("identifiant",), with_hint(
                    {"identifiant": ident, "autre": other}, "identifiant-duplique")))
            elif again:
                first[ident] = r.rel

    known = stems["collectivite"] | {r.summary.get("identifiant") for r in of_kind("collectivite")}
    known.discard(None)
    folder = f"data/{FOLDERS['collectivite']}/"
    for r in of_kind("cas_usage"):
        ref = r.summary.get("collectivite")
        if ref and ref not in known:
            line, col = r.summary.get("collectivite@", (1, 1))
            params: dict[str, Any] = {"collectivite": ref, "dossier": folder}
            close = difflib.get_close_matches(ref, sorted(k for k in known if k), n=3, cutoff=0.6)
            if close:
                with_hint(params, "vous-vouliez-dire", suggestions=close)
            else:
                with_hint(params, "collectivite-creer", fichier=f"{folder}{ref}.yaml")
            out.append(Diagnostic("collectivite-inconnue", r.rel, line, col, ("collectivite",), params))
        maj = r.summary.get("date_mise_a_jour")
        if maj and maj > today_iso[:len(maj)]:
            line, col = r.summary.get("date_mise_a_jour@", (1, 1))
            out.append(Diagnostic("date-future", r.rel, line, col, ("date_mise_a_jour",),
                                  {"champ": "date_mise_a_jour", "valeur": maj}))

    sirets: dict[str, str] = {}
    for r in of_kind("collectivite"):
        siret = r.summary.get("siret")
        ident = r.summary.get("identifiant") or Path(r.rel).stem
        if not siret:
            if r.summary.get("identifiant"):
                out.append(Diagnostic("siret-manquant", r.rel, 1, 1, ("siret",), with_hint(
                    {"collectivite": ident}, "siret-manquant")))
            continue
        if not r.summary.get("siret_ok"):
            continue
        if siret in sirets:
            line, col = r.summary.get("siret@", (1, 1))
            out.append(Diagnostic("siret-duplique", r.rel, line, col, ("siret",),
                                  {"siret": siret, "autre": sirets[siret]}))
        else:
            sirets[siret] = ident
    return out
