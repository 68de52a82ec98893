"""What every publication starts from: the valid records, their collectivité, as views.

:func:`load_items` reads the repository through the one loader (:func:`iaterr.check.loader.load`), keeps
the use cases that pass validation (the others are returned as skipped, with their number of errors)
and gives each with its collectivité as :class:`~iaterr.model.visibility.View` objects: public
fields only, unless restricted output was explicitly asked for. An :class:`ExportSet` refuses items
that are not such views, or whose views do not match the set's ``include_restricted``: a writer given
an export set cannot publish a restricted field by mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iaterr.check.loader import RecordFile, Spool, Want, load
from iaterr.check.validate import FileResult
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


@dataclass
class ExportSet:
    items: list[ExportItem]
    #: records left out because they do not pass validation: (file, number of errors)
    skipped: list[tuple[str, int]] = field(default_factory=list)
    include_restricted: bool = False
    #: every valid collectivité (with or without a valid use case), by identifier
    collectivites: dict[str, View] = field(default_factory=dict)

    def __post_init__(self) -> None:
        checked = [(item.rel, data) for item in self.items for data in (item.cas, item.collectivite)]
        checked += [(ident, data) for ident, data in self.collectivites.items()]
        for where, data in checked:
            if not isinstance(data, View):
                raise NotAView(f"{where}: not a view of a record")
            if data.restricted and not self.include_restricted:
                raise NotAView(f"{where}: restricted fields in a public export")


def load_items(repo: Repository, *, include_restricted: bool = False, paths: Iterable[Path] | None = None,
               jobs: int | None = None, prepare: tuple[tuple[str, Callable[[View], Any]], ...] = (),
               views: bool | None = None, use_cache: bool = True, today: date | None = None,
               emit: Callable[[RecordFile, FileResult, View], Any] | None = None, spool: Spool | None = None,
               spooled: frozenset[str] = frozenset()) -> ExportSet:
    """The repository's valid use cases with their collectivités, ready to publish, in one pass.

    With ``prepare`` (named functions of a use case's public view, run in the checking processes and
    cached), each item's ``prepared`` holds their results and, unless ``views`` is True, its ``cas`` only
    ``identifiant`` and ``collectivite``. With ``include_restricted``, views hold the restricted fields
    too, ``prepare`` is not used, and nothing is cached. ``emit`` and ``spooled`` (kept in ``spool``): see
    :class:`~iaterr.check.loader.Want`."""
    views = not prepare if views is None else views
    if include_restricted:
        want = Want(full=BOTH)
    elif not views:
        want = Want(public=frozenset({"collectivite"}), prepare=prepare, emit=emit, spool=spooled)
    else:
        want = Want(public=BOTH, prepare=prepare, emit=emit, spool=spooled)
    if paths is not None:  # the selected use cases, and every collectivité they may belong to
        paths = [*paths, repo.kind_dir("collectivite")]
    report = load(repo, paths, want=want, jobs=jobs, use_cache=use_cache, today=today, spool=spool)
    errors = report.files_with_errors()
    collectivites: dict[str, View] = {}
    for result in report.records("collectivite"):
        shown = result.full if include_restricted else result.public
        if result.rel not in errors and shown is not None:
            collectivites[shown["identifiant"]] = shown
    items: list[ExportItem] = []
    skipped: list[tuple[str, int]] = []
    for result in report.records("cas_usage"):
        ident, coll_id = result.summary.get("identifiant"), result.summary.get("collectivite")
        if result.rel in errors or not ident or not coll_id:
            skipped.append((result.rel, errors.get(result.rel, 0)))
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
        items.append(ExportItem(result.rel, cas, coll, dict(result.prepared), result.emitted))
    # files that are not read at all (a link, a misnamed or unreadable file) are left out too, and said so
    read = {r.rel for r in report.results}
    for d in report.diagnostics:
        if d.code in UNREAD and d.file not in read and (d.file, 1) not in skipped:
            skipped.append((d.file, 1))
    items.sort(key=lambda item: (item.cas.get("collectivite", ""), item.cas.get("identifiant", "")))
    return ExportSet(items, skipped, include_restricted, collectivites)
