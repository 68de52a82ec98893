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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iaterr import SCHEMA_VERSION, __version__
from iaterr.check.loader import RecordFile, Spool, Spooled
from iaterr.check.validate import FileResult
from iaterr.model.visibility import View
from iaterr.model.vocab import NIVEAUX_RISQUE, STATUTS, THEMES, TYPES_ALGORITHME, TYPES_COLLECTIVITE, Vocabulary
from iaterr.publish.export import ExportItem, load_items
from iaterr.publish.notice import CASE_CHANNELS, request_channels
from iaterr.publish.opendata import CSV_CELLS, csv_cells, csv_lines
from iaterr.publish.site.recherche import one_line, search_words
from iaterr.repo.config import Repository

#: the names under which :func:`site_summary` and :func:`json_fragment` are prepared and cached (the CSV cells
#: are those of ``export --csv``: :data:`~iaterr.publish.opendata.CSV_CELLS`); a new name whenever what they
#: hold changes (the cache keeps values by name)
SITE_SUMMARY = "site-resume-3"
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


@dataclass
class Record:
    """A valid use case, as the site needs it."""

    rel: str
    identifiant: str
    collectivite: str
    #: hash of its public view
    hash: str
    #: nom, theme, statut, types, risque: what list pages show; contact_droits: where the use case itself says
    #: requests go (its collectivité may say it instead)
    summary: dict[str, Any]
    #: its own cells of the open-data CSV, encoded (or where the build's spool keeps them)
    csv: str | Spooled
    #: its entry of the JSON export, its collectivité left as a placeholder (or where the spool keeps it)
    json: str | Spooled
    #: its public view, when read in this run (else read when its page must be rendered)
    data: View | None = None
    #: its pages rendered (or carried over) in the checking process by the build's ``emit`` function:
    #: path → (hash of its inputs, of its context, of its content, carried over)
    emitted: dict[str, tuple[str, str, str, bool]] | None = None


@dataclass
class SiteData:
    records: list[Record]
    #: valid collectivités: identifiant → public view
    collectivites: dict[str, View]
    skipped: list[tuple[str, int]] = field(default_factory=list)
    #: where the records' long prepared texts (CSV cells, JSON entries) are kept, when not in memory
    spool: Spool | None = None

    def text(self, value: str | Spooled) -> str:
        if isinstance(value, str):
            return value
        assert self.spool is not None
        return self.spool.get(value)


def digest_of(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def json_fragment(cas: View) -> str:
    """The use case's entry in ``to_json``'s list, indented as there, its collectivité a placeholder."""
    text = json.dumps({**cas, "collectivite": "\0"}, ensure_ascii=False, indent=2)
    return "    " + text.replace("\n", "\n    ")


def site_summary(shown: View) -> dict[str, Any]:
    """What the lists of the site show of a use case, and the hash of its public view (in the checking
    processes). Its CSV cells and JSON fragment are prepared apart: long texts are cached as they are."""
    return {
        "hash": digest_of(dict(shown)),
        "summary": {"nom": shown.get("nom", ""), "theme": shown.get("theme", ""), "statut": shown.get("statut", ""),
                    "types": list(shown.get("type_algorithme") or []),
                    "risque": shown.get("niveau_risque_ia") or NO_RISK,
                    "resume": one_line(shown), "mots": search_words(shown),
                    **{name: shown.get(name) or "" for name in CASE_CHANNELS}},
    }


PREPARE = ((SITE_SUMMARY, site_summary), (CSV_CELLS, csv_cells), (SITE_JSON, json_fragment))


def load_site_data(repo: Repository, *, use_cache: bool = True, jobs: int | None = None, views: bool = False,
                   today: date | None = None, emit: Callable[[RecordFile, FileResult, View], Any] | None = None,
                   spool: Spool | None = None) -> SiteData:
    """The valid use cases and collectivités, public fields only, as ``load_items`` keeps them. With
    ``views``, each record carries its public view; with ``emit``, what that function made of it where it was
    read (its pages); with ``spool``, its CSV cells and JSON entry are kept there, not in memory."""
    items = load_items(repo, prepare=PREPARE, views=views, use_cache=use_cache, jobs=jobs, today=today, emit=emit,
                       spool=spool, spooled=frozenset({CSV_CELLS, SITE_JSON}) if spool is not None else frozenset())
    collectivites: dict[str, View] = {}
    records: list[Record] = []
    for item in items.items:
        kept = item.prepared[SITE_SUMMARY]
        coll = item.collectivite
        collectivites[coll["identifiant"]] = coll
        records.append(Record(item.rel, item.cas["identifiant"], coll["identifiant"], kept["hash"], kept["summary"],
                              item.prepared[CSV_CELLS], item.prepared[SITE_JSON], item.cas if views else None,
                              item.emitted))
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
    return [r for r in site.records if not request_channels(r.summary, site.collectivites[r.collectivite])]


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
    """Exactly ``opendata.to_json`` of the public items, assembled from each record's prepared entry, piece by
    piece."""
    meta = {"iaterr": __version__, "version_schema": SCHEMA_VERSION, "publiable": True}
    if not site.records:
        yield json.dumps({**meta, "cas_usage": []}, ensure_ascii=False, indent=2) + "\n"
        return
    colls: dict[str, str] = {}
    yield json.dumps(meta, ensure_ascii=False, indent=2)[:-2] + ',\n  "cas_usage": [\n'
    for index, r in enumerate(site.records):
        if r.collectivite not in colls:
            text = json.dumps(site.collectivites[r.collectivite], ensure_ascii=False, indent=2)
            colls[r.collectivite] = '"collectivite": ' + text.replace("\n", "\n      ")
        yield ("" if index == 0 else ",\n") + site.text(r.json).replace(_PLACEHOLDER, colls[r.collectivite], 1)
    yield "\n  ]\n}\n"


def json_text(site: SiteData) -> str:
    """Exactly ``opendata.to_json`` of the public items (:func:`json_chunks`, whole)."""
    return "".join(json_chunks(site))
