"""What the register website knows of the records: public views, read through the one loader.

Each valid use case gives a :class:`Record`: the hash of its public view, what list pages show of it,
its cells of the open-data CSV and its entry of the JSON export. Those are prepared from the public
view in the checking processes and cached with it (:mod:`iaterr.check.cache`), so that a rebuild reads
only the records that changed. The open data the site offers are exactly ``export --csv`` and
``export --json`` (a test compares them).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from iaterr.base.text import json_indented
from iaterr.check.loader import RecordFile, Spool
from iaterr.check.validate import FileResult
from iaterr.model.visibility import View
from iaterr.model.vocab import NIVEAUX_RISQUE, STATUTS, THEMES, TYPES_ALGORITHME, TYPES_COLLECTIVITE, Vocabulary
from iaterr.publish.export import ExportItem, load_items
from iaterr.publish.notice import CASE_CHANNELS, request_channels
from iaterr.publish.opendata import CSV_CELLS, csv_cells, csv_lines, json_document, json_head
from iaterr.publish.site.recherche import one_line, search_words
from iaterr.repo.config import Repository

#: the names under which :func:`site_summary` and :func:`json_fragment` are prepared and cached (the CSV cells
#: are those of ``export --csv``: :data:`~iaterr.publish.opendata.CSV_CELLS`); a new name whenever what they
#: hold changes (the cache keeps values by name)
SITE_SUMMARY = "site-resume-6"
SITE_LIST = "site-liste-1"
SITE_JSON = "site-json"
#: the JSON fragment of a use case holds this in place of its collectivité (YAML cannot hold a NUL)
_PLACEHOLDER = '"collectivite": "\\u0000"'
#: risk tier of a use case that gives none (a filter value of its own)
NO_RISK = "non-renseigne"

#: filter name → (folder of its pages, vocabulary, summary key)
FILTERS: dict[str, tuple[str, Vocabulary, str]] = {
    "theme": ("themes", THEMES, "theme"),
    "statut": ("statuts", STATUTS, "statut"),
    "type": ("types-algorithme", TYPES_ALGORITHME, "types"),
    "risque": ("risques", NIVEAUX_RISQUE, "risque"),
}
VOCABS = {v.name: v for v in (THEMES, STATUTS, TYPES_ALGORITHME, NIVEAUX_RISQUE, TYPES_COLLECTIVITE)}


#: a record's summary while its page is not being rendered
NO_SUMMARY: Mapping[str, Any] = MappingProxyType({})


@dataclass(slots=True)
class Record:
    """A valid use case, as the site needs it. What stays in memory for each is a few short values (its file,
    identifier, collectivité, the hash of its view, the codes the filters count): what its rows show (name,
    summary, search words) waits in the build's spool with its open data, read back when a list is written
    (:meth:`SiteData.summary`)."""

    rel: str
    identifiant: str
    collectivite: str
    #: hash of its public view
    hash: str
    #: theme, statut, types, risque: the codes the filters and counts need (interned: shared by many records)
    theme: str
    statut: str
    types: tuple[str, ...]
    risque: str
    #: the rest of what list pages show of it (nom, resume, mots) and where the use case itself says requests
    #: go (contact_droits; its collectivité may say it instead): JSON text, or where the spool keeps it
    liste: str | int
    #: its own cells of the open-data CSV, encoded (or where the build's spool keeps them: offset and length in
    #: one integer, :meth:`SiteData.text`)
    csv: str | int
    #: its entry of the JSON export, its collectivité left as a placeholder (or where the spool keeps it)
    json: str | int
    #: its public view, when read in this run (else read when its page must be rendered)
    data: View | None = None
    #: what its pages were made of where it was read (the build's ``emit`` function), until the build takes them
    emitted: Any = None
    #: its whole summary (:func:`site_summary`), only while its page is being rendered (:meth:`SiteData.summary`)
    summary: Mapping[str, Any] = field(default_factory=lambda: NO_SUMMARY)


@dataclass
class SiteData:
    records: list[Record]
    #: valid collectivités: identifiant → public view
    collectivites: dict[str, View]
    skipped: list[tuple[str, int]] = field(default_factory=list)
    #: where the records' long prepared texts (CSV cells, JSON entries) are kept, when not in memory
    spool: Spool | None = None

    def text(self, value: str | int) -> str:
        """A prepared text of a record: as it is, or read back from the spool (``value``: its offset and length,
        packed)."""
        if isinstance(value, str):
            return value
        assert self.spool is not None
        return self.spool.get(value)

    def summary(self, r: Record) -> dict[str, Any]:
        """What :func:`site_summary` gives of ``r``: its codes, and what the spool keeps of it, read back."""
        return {**json.loads(self.text(r.liste)), "theme": r.theme, "statut": r.statut, "types": list(r.types),
                "risque": r.risque}


def digest_of(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def json_fragment(cas: View) -> str:
    """The use case's entry in ``to_json``'s list, as :func:`~iaterr.publish.opendata.json_document` takes it,
    its collectivité a placeholder. The last one made is remembered with its view (:func:`view_digest`, prepared
    first, makes it from the same view)."""
    if _LAST_FRAGMENT[0] is cas:
        return _LAST_FRAGMENT[1]
    text = json_indented({**cas, "collectivite": "\0"})
    _LAST_FRAGMENT[:] = [cas, text]
    return text


#: the view :func:`json_fragment` last made a fragment of, and that fragment
_LAST_FRAGMENT: list[Any] = [None, ""]


def view_digest(shown: View) -> str:
    """The hash of a use case's public view (whether its pages must be made again, whether it changed during a
    build): of its JSON entry (:func:`json_fragment`, which holds every field but its collectivité) and its
    collectivité."""
    return digest_of(json_fragment(shown) + "\n" + str(shown.get("collectivite")))


def site_summary(shown: View) -> dict[str, Any]:
    """What the lists of the site show of a use case, and the hash of its public view. Its CSV cells and JSON
    fragment are prepared apart: long texts are cached as they are."""
    codes = _codes(shown)
    return {"hash": view_digest(shown), "summary": {**json.loads(_list_text(shown)), "theme": codes[0],
                                                          "statut": codes[1], "types": codes[2], "risque": codes[3]}}


def _codes(shown: View) -> list[Any]:
    return [shown.get("theme", ""), shown.get("statut", ""), list(shown.get("type_algorithme") or []),
            shown.get("niveau_risque_ia") or NO_RISK]


def site_codes(shown: View) -> str:
    """In the checking processes: the hash of a use case's public view and the codes its filters count, as one
    short text (:func:`codes_of` reads it): theme, status, types, risk tier."""
    theme, statut, types, risque = _codes(shown)
    return "\x1f".join([view_digest(shown), str(theme), str(statut), " ".join(map(str, types)), str(risque)])


def codes_of(text: str) -> tuple[str, str, str, tuple[str, ...], str]:
    """What :func:`site_codes` made: hash, theme, status, types, risk tier (codes interned: many records share
    them)."""
    digest, theme, statut, types, risque = text.split("\x1f")
    return (digest, sys.intern(theme), sys.intern(statut), tuple(sys.intern(t) for t in types.split()),
            sys.intern(risque))


def _list_text(shown: View) -> str:
    """In the checking processes: the rest of what the lists and the search show of a use case, as a text (kept
    in the build's spool, never in memory): nom, resume, mots, and its own address for requests."""
    return json.dumps({"nom": shown.get("nom", ""), "resume": one_line(shown), "mots": search_words(shown),
                       **{name: shown.get(name) or "" for name in CASE_CHANNELS}}, ensure_ascii=False)


PREPARE = ((SITE_SUMMARY, site_codes), (SITE_LIST, _list_text), (CSV_CELLS, csv_cells), (SITE_JSON, json_fragment))
SPOOLED = frozenset({SITE_LIST, CSV_CELLS, SITE_JSON})


def load_site_data(repo: Repository, *, use_cache: bool = True, jobs: int | None = None, views: bool = False,
                   today: date | None = None, emit: Callable[[RecordFile, FileResult, View], Any] | None = None,
                   spool: Spool | None = None) -> SiteData:
    """The valid use cases and collectivités, public fields only, as ``load_items`` keeps them. With
    ``views``, each record carries its public view; with ``emit``, what that function made of it where it was
    read (its pages); with ``spool``, its CSV cells and JSON entry are kept there, not in memory."""
    items = load_items(repo, prepare=PREPARE, views=views, use_cache=use_cache, jobs=jobs, today=today, emit=emit,
                       spool=spool, spooled=SPOOLED if spool is not None else frozenset())
    collectivites: dict[str, View] = {}
    for item in items.items:
        collectivites[item.collectivite["identifiant"]] = item.collectivite
    records: list[Record] = []
    pending = items.items if isinstance(items.items, list) else list(items.items)
    while pending:
        item = pending.pop()  # let go as its record is made (the records are sorted below)
        coll = item.collectivite
        digest, theme, statut, types, risque = codes_of(item.prepared[SITE_SUMMARY])
        records.append(Record(item.rel, item.cas["identifiant"], coll["identifiant"], digest, theme, statut, types,
                              risque, item.prepared[SITE_LIST], item.prepared[CSV_CELLS],
                              item.prepared[SITE_JSON], item.cas if views else None, item.emitted))
    for ident, coll in items.collectivites.items():
        collectivites.setdefault(ident, coll)
    records.sort(key=lambda rec: (rec.collectivite, rec.identifiant))
    return SiteData(records, collectivites, items.skipped, spool)


def collectivites_alone(repo: Repository, *, use_cache: bool = True, jobs: int | None = None,
                        today: date | None = None) -> dict[str, View]:
    """The public views of the collectivités whose files are valid on their own (read before the use cases: a
    use case's page is rendered where it is read, and needs its collectivité's). The whole load decides which
    are valid against the others; a page rendered with a collectivité it finds invalid is not kept."""
    from iaterr.check.loader import Want, load

    report = load(repo, [repo.kind_dir("collectivite")], want=Want(public=frozenset({"collectivite"})),
                  use_cache=use_cache, jobs=jobs, today=today)
    errors = report.files_with_errors()
    return {str(r.public["identifiant"]): r.public for r in report.records("collectivite")
            if r.public is not None and r.rel not in errors and r.public.get("identifiant")}


def without_channel(site: SiteData) -> list[Record]:
    """The use cases whose page would give no way to send a request (no address of the use case nor of its
    collectivité: :func:`~iaterr.publish.notice.request_channels`)."""
    # a collectivité that gives an address answers for all its use cases: only the others' texts are read back
    answered = {c: bool(request_channels({}, d)) for c, d in site.collectivites.items()}
    return [r for r in site.records if not answered[r.collectivite]
            and not request_channels(site.summary(r), site.collectivites[r.collectivite])]


def public_views(repo: Repository, rels: list[str], *, jobs: int | None = None) -> dict[str, View]:
    """The public views of the use cases at ``rels`` (relative paths), read again (from the cache when their
    content is unchanged); a file that has meanwhile become invalid is left out."""
    from iaterr.check.loader import Want, load

    if not rels:
        return {}
    report = load(repo, [Path(repo.root) / rel for rel in rels], want=Want(public=frozenset({"cas_usage"})),
                  jobs=jobs)
    errors = report.files_with_errors()
    return {r.rel: r.public for r in report.results if r.public is not None and r.rel not in errors}


# ---------------------------------------------------------------- open data


def csv_chunks(site: SiteData) -> Iterator[str]:
    """Exactly ``export --csv`` of the public items (:func:`~iaterr.publish.opendata.csv_lines`), line by line:
    each record's cells read back from where they are kept, one at a time."""
    from iaterr.model import CasUsage
    from iaterr.model.visibility import view

    items = (ExportItem(r.rel, view(CasUsage, {"identifiant": r.identifiant, "collectivite": r.collectivite}),
                        site.collectivites[r.collectivite], {CSV_CELLS: site.text(r.csv)}) for r in site.records)
    return csv_lines(items)


def json_chunks(site: SiteData) -> Iterator[str]:
    """Exactly ``opendata.to_json`` of the public items (:func:`~iaterr.publish.opendata.json_document`),
    assembled from each record's prepared entry, piece by piece."""
    colls: dict[str, str] = {}

    def entry(r: Record) -> str:
        if r.collectivite not in colls:
            text = json_indented(site.collectivites[r.collectivite])
            colls[r.collectivite] = '"collectivite": ' + text.replace("\n", "\n  ")
        return site.text(r.json).replace(_PLACEHOLDER, colls[r.collectivite], 1)

    return json_document(json_head(False), "cas_usage", (entry(r) for r in site.records))


def json_text(site: SiteData) -> str:
    """Exactly ``opendata.to_json`` of the public items (:func:`json_chunks`, whole)."""
    return "".join(json_chunks(site))
