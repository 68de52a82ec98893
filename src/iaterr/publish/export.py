"""What every publication starts from: the valid records, their collectivité, as views.

:func:`load_items` reads the repository through the one loader (:func:`iaterr.check.loader.load`), keeps
the use cases that pass validation (the others are returned as skipped, with their number of errors)
and gives each with its collectivité as :class:`~iaterr.model.visibility.View` objects: public
fields only, unless restricted output was explicitly asked for. An :class:`ExportSet` refuses items
that are not such views, or whose views do not match the set's ``include_restricted``: a writer given
an export set cannot publish a restricted field by mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iaterr.base.rows import MadeOnAccess
from iaterr.check.loader import SPOOLED_VIEW, RecordFile, Spool, Spooled, SpooledView, Want, load
from iaterr.check.validate import FileResult, KeptResult, ValidationReport
from iaterr.model import CasUsage
from iaterr.model.visibility import View, view
from iaterr.repo.config import Repository

BOTH = frozenset({"cas_usage", "collectivite"})
#: diagnostics of files that are not read at all
UNREAD = frozenset({"lien-symbolique", "extension-non-reconnue", "nom-fichier-invalide", "fichier-illisible"})


@dataclass
class ExportItem:
    rel: str
    #: the use case (codes, ISO dates, booleans, lists); only ``identifiant`` and ``collectivite`` when the
    #: export asked for prepared values instead
    cas: View
    #: its collectivité
    collectivite: View
    #: values prepared ahead in the checking processes (e.g. the use case's part of a CSV line), by name
    prepared: dict[str, Any] = field(default_factory=dict)
    #: what the load's ``emit`` function made of it in the checking process (the register's page)
    emitted: Any = None


class NotAView(TypeError):
    """An export item whose data did not come from :func:`~iaterr.model.visibility.view`."""


def _check(where: str, data: Any, include_restricted: bool) -> None:
    if not isinstance(data, View):
        raise NotAView(f"{where}: not a view of a record")
    if data.restricted and not include_restricted:
        raise NotAView(f"{where}: restricted fields in a public export")


#: what a streamed export keeps of each use case until it is written: its sort key (collectivité, identifier),
#: its file, its collectivité's identifier, its identifier, where its view is in the spool (or None), its
#: prepared values (texts in the spool) and what ``emit`` made of it
_Key = tuple[str, str, str, str, str, "SpooledView | None", tuple[tuple[str, Any], ...], Any]


class StreamedItems(MadeOnAccess[ExportItem]):
    """The items of an export, read back one at a time from a :class:`~iaterr.check.loader.Spool` in the
    export's order: what stays in memory for each use case is a tuple of a few strings and offsets (its view
    and its long prepared texts are in the spool's temporary file). Iterated as often as needed while the
    spool is open; each item is checked as it is made, as an :class:`ExportSet` checks a list."""

    def __init__(self, keys: list[_Key], spool: Spool, include_restricted: bool,
                 collectivites: dict[str, View]) -> None:
        self._keys = keys
        self._spool = spool
        self._restricted = include_restricted
        self._collectivites = collectivites

    def __len__(self) -> int:
        return len(self._keys)

    def _made(self, n: int) -> ExportItem:
        return self._item(self._keys[n])

    def _item(self, key: _Key) -> ExportItem:
        _coll, _ident, rel, coll_id, ident, ref, prepared, emitted = key
        if ref is not None:
            cas = self._spool.view(ref)
        else:
            cas = view(CasUsage, {"identifiant": ident, "collectivite": coll_id})
        values = {name: self._spool.get(value) if isinstance(value, Spooled) else value for name, value in prepared}
        item = ExportItem(rel, cas, self._collectivites[coll_id], values, emitted)
        _check(rel, item.cas, self._restricted)
        _check(rel, item.collectivite, self._restricted)
        return item


@dataclass
class ExportSet:
    #: a list, or :class:`StreamedItems` (``load_items(..., stream=True)``), in the export's order
    items: Sequence[ExportItem]
    #: records left out because they do not pass validation: (file, number of errors)
    skipped: list[tuple[str, int]] = field(default_factory=list)
    include_restricted: bool = False
    #: every valid collectivité (with or without a valid use case), by identifier
    collectivites: dict[str, View] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.items, StreamedItems):  # streamed items are checked as they are made
            for item in self.items:
                _check(item.rel, item.cas, self.include_restricted)
                _check(item.rel, item.collectivite, self.include_restricted)
        for ident, data in self.collectivites.items():
            _check(ident, data, self.include_restricted)


def _collectivites(report: ValidationReport, include_restricted: bool) -> dict[str, View]:
    """The valid collectivités of ``report``, by identifier."""
    errors = report.files_with_errors()
    collectivites: dict[str, View] = {}
    for result in report.records("collectivite"):
        shown = result.full if include_restricted else result.public
        if result.rel not in errors and shown is not None:
            collectivites[shown["identifiant"]] = shown
    return collectivites


def _use_cases(report: ValidationReport,
               skipped: list[tuple[str, int]]) -> Iterator[tuple[FileResult | KeptResult, str, str]]:
    """The use cases of ``report`` without errors (their own or against the others), with their identifier and
    their collectivité's; the others put in ``skipped`` with their number of errors, and so are the files not
    read at all (a link, a misnamed or unreadable file). Each result is let go (taken out of ``report``) as it
    is given: the caller keeps what it needs of it, and the two are never all in memory together."""
    errors = report.files_with_errors()
    unread = [d for d in report.diagnostics if d.code in UNREAD]
    read = {r.rel for r in report.results} | set(report.kept.rels) if unread else set()
    for result in report.drain():
        if result.kind != "cas_usage":
            continue
        ident, coll_id = result.summary.get("identifiant"), result.summary.get("collectivite")
        if result.rel in errors or not ident or not coll_id:
            skipped.append((result.rel, errors.get(result.rel, 0)))
            continue
        yield result, ident, coll_id
    for d in unread:
        if d.file not in read and (d.file, 1) not in skipped:
            skipped.append((d.file, 1))


def load_kept(repo: Repository, *, prepare: tuple[tuple[str, Callable[[View], Any]], ...],
              keep: Callable[[FileResult], Any], views: bool = False, use_cache: bool = True, jobs: int | None = None,
              today: date | None = None, emit: Callable[[RecordFile, FileResult, View], Any] | None = None,
              spool: Spool | None = None, spooled: frozenset[str] = frozenset(),
              ) -> tuple[list[tuple[str, Any]], dict[str, View], list[tuple[str, int]]]:
    """What ``keep`` made of each valid use case as its result arrived (:attr:`~iaterr.check.loader.Want.keep`:
    the results are not all kept whole until the end), with its file, in the order of their files; the valid
    collectivités' public views; the use cases left out (as :func:`load_items` says them). ``prepare``,
    ``views``, ``emit``, ``spool`` and ``spooled``: as for :func:`load_items` (public fields only). A use case of
    which ``keep`` kept nothing, or whose collectivité is not valid, is left out."""
    want = Want(public=BOTH if views else frozenset({"collectivite"}), prepare=prepare, emit=emit, spool=spooled,
                keep=keep)
    report = load(repo, want=want, jobs=jobs, use_cache=use_cache, today=today, spool=spool)
    collectivites = _collectivites(report, False)
    kept: list[tuple[str, Any]] = []
    skipped: list[tuple[str, int]] = []
    for result, _ident, coll_id in _use_cases(report, skipped):
        if result.kept is None or coll_id not in collectivites:
            skipped.append((result.rel, 0))
        else:
            kept.append((result.rel, result.kept))
    return kept, collectivites, skipped


def load_items(repo: Repository, *, include_restricted: bool = False, paths: Iterable[Path] | None = None,
               jobs: int | None = None, prepare: tuple[tuple[str, Callable[[View], Any]], ...] = (),
               views: bool | None = None, use_cache: bool = True, today: date | None = None,
               emit: Callable[[RecordFile, FileResult, View], Any] | None = None, spool: Spool | None = None,
               spooled: frozenset[str] = frozenset(), stream: bool = False) -> ExportSet:
    """The repository's valid use cases with their collectivités, ready to publish, in one pass.

    With ``prepare`` (named functions of a use case's public view, run in the checking processes and
    cached), each item's ``prepared`` holds their results and, unless ``views`` is True, its ``cas`` only
    ``identifiant`` and ``collectivite``. With ``include_restricted``, views hold the restricted fields
    too, ``prepare`` is not used, and nothing is cached. ``emit`` and ``spooled`` (kept in ``spool``): see
    :class:`~iaterr.check.loader.Want`.

    ``stream`` (with ``spool``): the items are :class:`StreamedItems`, each use case's view and its ``spooled``
    texts kept in ``spool`` as it is read and given back one item at a time, in the same order: memory holds a
    few short values per use case, whatever the size of the records (exports at the scale of every
    collectivité). Prepared texts come back as texts."""
    views = not prepare if views is None else views
    if stream and spool is None:
        raise ValueError("stream=True needs a spool")
    spool_views = stream and (views or include_restricted)
    if include_restricted:
        want = Want(full=BOTH, spool_views=spool_views)
    elif not views:
        want = Want(public=frozenset({"collectivite"}), prepare=prepare, emit=emit, spool=spooled)
    else:
        want = Want(public=BOTH, prepare=prepare, emit=emit, spool=spooled, spool_views=spool_views)
    if paths is not None:  # the selected use cases, and every collectivité they may belong to
        paths = [*paths, repo.kind_dir("collectivite")]
    report = load(repo, paths, want=want, jobs=jobs, use_cache=use_cache, today=today, spool=spool)
    collectivites = _collectivites(report, include_restricted)
    items: list[ExportItem] = []
    keys: list[_Key] = []
    skipped: list[tuple[str, int]] = []
    for result, ident, coll_id in _use_cases(report, skipped):
        assert isinstance(result, FileResult)  # a load without ``keep``
        if stream:
            ref = result.prepared.pop(SPOOLED_VIEW, None)
            present = ref is not None if spool_views else bool(result.prepared)
            if not present or coll_id not in collectivites:
                skipped.append((result.rel, 0))
                continue
            coll_key, ident_key = (ref.collectivite, ref.identifiant) if ref is not None else (coll_id, ident)
            keys.append((coll_key, ident_key, result.rel, coll_id, ident, ref, tuple(result.prepared.items()),
                         result.emitted))
            continue
        if include_restricted:
            cas = result.full
        elif not views:
            cas = view(CasUsage, {"identifiant": ident, "collectivite": coll_id}) if result.prepared else None
        else:
            cas = result.public
        coll = collectivites.get(coll_id)
        if cas is None or coll is None:  # its collectivité has errors: left out with it
            skipped.append((result.rel, 0))
            continue
        items.append(ExportItem(result.rel, cas, coll, result.prepared, result.emitted))
    if stream:
        assert spool is not None
        keys.sort(key=lambda key: (key[0], key[1]))
        return ExportSet(StreamedItems(keys, spool, include_restricted, collectivites), skipped,
                         include_restricted, collectivites)
    items.sort(key=lambda item: (item.cas.get("collectivite", ""), item.cas.get("identifiant", "")))
    return ExportSet(items, skipped, include_restricted, collectivites)
