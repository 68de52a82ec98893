"""What the register website knows of the records: public views, read through the one loader.

Each valid use case gives a :class:`Record`: the hash of its public view, what list pages show of it,
its cells of the open-data CSV and its entry of the JSON export. Those are prepared from the public
view in the checking processes and cached with it (:mod:`iaterr.check.cache`), so that a rebuild reads
only the records that changed. The open data the site offers are exactly ``export --csv`` and
``export --json`` (a test compares them).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from iaterr.base.rows import MadeOnAccess
from iaterr.base.text import json_indented
from iaterr.check.loader import RecordFile, Spool
from iaterr.check.validate import FileResult, stem_of
from iaterr.model.visibility import View
from iaterr.model.vocab import NIVEAUX_RISQUE, STATUTS, THEMES, TYPES_ALGORITHME, TYPES_COLLECTIVITE, Vocabulary
from iaterr.publish.export import ExportItem, load_kept
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
    #: its prepared texts (:func:`pack_texts`): the rest of what list pages show of it (nom, resume, mots) and
    #: where the use case itself says requests go (contact_droits; its collectivité may say it instead), as JSON
    #: (:attr:`liste`); its own cells of the open-data CSV, encoded (:attr:`csv`); its entry of the JSON export,
    #: its collectivité left as a placeholder (:attr:`json`). The three texts, or where the build's spool keeps
    #: them, packed in one integer
    texts: tuple[str, str, str] | int
    #: its public view, when read in this run (else read when its page must be rendered)
    data: View | None = None
    #: what its pages were made of where it was read (the build's ``emit`` function), until the build takes them
    emitted: Any = None
    #: its whole summary (:func:`site_summary`), only while its page is being rendered (:meth:`SiteData.summary`)
    summary: Mapping[str, Any] = field(default_factory=lambda: NO_SUMMARY)

    @property
    def liste(self) -> str | int:
        """What the lists show of it (JSON), or where the spool keeps it (:meth:`SiteData.text` reads either)."""
        return _unpacked(self.texts, 0)

    @property
    def csv(self) -> str | int:
        """Its cells of the open-data CSV, or where the spool keeps them."""
        return _unpacked(self.texts, 1)

    @property
    def json(self) -> str | int:
        """Its entry of the JSON export, or where the spool keeps it."""
        return _unpacked(self.texts, 2)


#: the bits of one spooled text's place (:class:`~iaterr.check.loader.Spooled`: offset and length) in a record's
#: packed texts
_PLACE_BITS = 80
_PLACE_MASK = (1 << _PLACE_BITS) - 1


def pack_texts(liste: str | int, csv: str | int, json_entry: str | int) -> tuple[str, str, str] | int:
    """A record's three prepared texts as :class:`Record` keeps them: where the spool keeps them, packed in one
    integer (one object of some 60 bytes per record, not three), or the texts themselves when they are texts."""
    places = (liste, csv, json_entry)
    if all(type(p) is not str and 0 <= int(p) <= _PLACE_MASK for p in places):  # noqa: E721
        return _packed(int(liste), int(csv), int(json_entry))
    return (str(liste), str(csv), str(json_entry))


def _packed(liste: int, csv: int, json_entry: int) -> int:
    return liste | csv << _PLACE_BITS | json_entry << (2 * _PLACE_BITS)


def _unpacked(texts: tuple[str, str, str] | int, n: int) -> str | int:
    if isinstance(texts, tuple):
        return texts[n]
    return (texts >> (_PLACE_BITS * n)) & _PLACE_MASK


class Records(MadeOnAccess[Record]):
    """The valid use cases of a site, kept column by column: per use case, its file's path (shared with the
    loader's), a pointer to its collectivité's identifier (interned), the hash of its view in 10 bytes, four
    small numbers for its codes, six for where its texts are in the spool, and the hashes of its pages where it
    was read in 21 bytes per language. Its identifier is its file's name (a use case whose identifier is not is
    invalid; one would be kept aside). Each access makes a :class:`Record` (let go after use): what is set on
    that object (its view, its summary) stays with it, not in the table."""

    #: a page's hash where its record was read: a flag (0: none, 1: written, 2: carried over) and 20 bytes
    _PAGE = 21

    def __init__(self, views: bool = False, languages: int = 0) -> None:
        self._rels: list[str] = []
        self._colls: list[str] = []
        self._hashes = bytearray()
        #: theme, statut, risque, types of each record: positions in ``_values`` (each code or tuple once)
        self._codes = array("H")
        self._values: list[Any] = []
        self._positions: dict[Any, int] = {}
        #: offset and length of each of the three texts in the spool
        self._places = array("Q")
        #: the texts themselves when they are not spooled (a build without spool), else empty
        self._texts: list[tuple[str, str, str]] = []
        #: the pages' hashes of each record, in each of the build's ``languages``
        self._pages = bytearray()
        self._width = languages
        #: what does not fit the columns (an identifier not its file's name, a hash not of 20 hexadecimal digits,
        #: pages' hashes of another shape), by row: rarely anything
        self._odd: dict[tuple[int, str], Any] = {}
        self._data: list[View | None] | None = [] if views else None

    def add(self, rel: str, identifiant: str, collectivite: str, digest: str, codes: tuple[str, str, str,
            tuple[str, ...]], texts: tuple[str | int, str | int, str | int], data: View | None = None,
            emitted: tuple[str | None, ...] | None = None) -> int:
        """A use case added at the end; returns its row."""
        row = len(self._rels)
        self._rels.append(rel)
        if identifiant != stem_of(rel):
            self._odd[(row, "identifiant")] = identifiant
        self._colls.append(sys.intern(collectivite))
        try:
            packed = bytes.fromhex(digest)
        except ValueError:
            packed = b""
        if len(packed) != 10 or packed.hex() != digest:
            self._odd[(row, "hash")], packed = digest, bytes(10)
        self._hashes += packed
        self._codes.extend(self._position(value) for value in codes)
        if all(type(t) is not str for t in texts):  # noqa: E721 - places in the spool
            for place in texts:
                self._places.extend((int(place) >> 32, int(place) & 0xFFFFFFFF))
        else:
            self._places.extend((0,) * 6)
            self._odd[(row, "texts")] = tuple(str(t) for t in texts)
        self._add_pages(row, emitted)
        if self._data is not None:
            self._data.append(data)
        return row

    def _position(self, value: Any) -> int:
        position = self._positions.get(value)
        if position is None:
            position = self._positions[value] = len(self._values)
            self._values.append(value)
            if position > 0xFFFF:
                raise ValueError("more than 65,536 distinct codes")
        return position

    def _add_pages(self, row: int, emitted: tuple[str | None, ...] | None) -> None:
        packed = bytearray()
        if emitted is not None and len(emitted) == self._width:
            for done in emitted:
                content = (done or "").lstrip("=")
                try:
                    value = bytes.fromhex(content) if done is not None else bytes(20)
                except ValueError:
                    break
                if done is not None and (len(value) != 20 or value.hex() != content):
                    break
                packed.append(0 if done is None else 2 if done.startswith("=") else 1)
                packed += value
            else:
                self._pages += packed
                return
        self._pages += bytes(self._width * self._PAGE)
        if emitted is not None:
            self._odd[(row, "pages")] = emitted

    def emitted(self, row: int) -> tuple[str | None, ...] | None:
        """What the build's ``emit`` function gave for the record's pages (:class:`_CasePages`), or None (no page
        made where it was read)."""
        odd = self._odd.get((row, "pages")) if self._odd else None
        if odd is not None:
            return cast(tuple[str | None, ...], odd)
        start, done = row * self._width * self._PAGE, []
        for n in range(self._width):
            at = start + n * self._PAGE
            flag = self._pages[at]
            value = self._pages[at + 1:at + self._PAGE].hex()
            done.append(None if flag == 0 else "=" + value if flag == 2 else value)
        return tuple(done) if any(d is not None for d in done) else None

    def forget_emitted(self) -> None:
        """The pages' hashes let go once the build has taken them."""
        self._pages, self._width = bytearray(), 0
        for key in [key for key in self._odd if key[1] == "pages"]:
            del self._odd[key]

    def __len__(self) -> int:
        return len(self._rels)

    def identifiant(self, row: int) -> str:
        return cast(str, self._odd.get((row, "identifiant"))) if self._odd and (row, "identifiant") in self._odd \
            else stem_of(self._rels[row])

    def collectivite(self, row: int) -> str:
        return self._colls[row]

    def rels(self) -> list[str]:
        """The records' files, row by row."""
        return self._rels

    def _made(self, row: int) -> Record:
        rel = self._rels[row]
        at, codes, values, places = row * 4, self._codes, self._values, self._places
        theme, statut, risque, types = values[codes[at]], values[codes[at + 1]], values[codes[at + 2]], \
            values[codes[at + 3]]
        at = row * 6
        texts: tuple[str, str, str] | int = _packed(places[at] << 32 | places[at + 1],
                                                    places[at + 2] << 32 | places[at + 3],
                                                    places[at + 4] << 32 | places[at + 5])
        ident, digest = stem_of(rel), self._hashes[row * 10:row * 10 + 10].hex()
        emitted = self.emitted(row) if self._width else None
        odd = self._odd
        if odd:  # rarely anything
            ident = odd.get((row, "identifiant"), ident)
            digest = odd.get((row, "hash"), digest)
            texts = odd.get((row, "texts"), texts)
            emitted = odd.get((row, "pages"), emitted)
        return Record(rel, ident, self._colls[row], digest, theme, statut, types, risque, texts,
                      None if self._data is None else self._data[row], emitted)

    def select(self, rows: Iterable[int], key: Callable[[int], Any] | None = None) -> Records:
        """A table of ``rows`` only (the valid use cases), in the order of ``key`` (of a row), or as given."""
        order = sorted(rows, key=key) if key is not None else list(rows)
        table = Records(self._data is not None, self._width)
        table._values, table._positions = self._values, self._positions
        size = self._width * self._PAGE
        for new, row in enumerate(order):
            table._rels.append(self._rels[row])
            table._colls.append(self._colls[row])
            table._hashes += self._hashes[row * 10:row * 10 + 10]
            table._codes.extend(self._codes[row * 4:row * 4 + 4])
            table._places.extend(self._places[row * 6:row * 6 + 6])
            table._pages += self._pages[row * size:(row + 1) * size]
            for what in ("identifiant", "hash", "texts", "pages"):
                if (row, what) in self._odd:
                    table._odd[(new, what)] = self._odd[(row, what)]
            if table._data is not None and self._data is not None:
                table._data.append(self._data[row])
        return table


@dataclass
class SiteData:
    records: Records
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
    return digest, sys.intern(theme), sys.intern(statut), _types(types), sys.intern(risque)


#: the tuples of types of algorithm met, each once (a few dozen combinations for any number of records)
_TYPES: dict[str, tuple[str, ...]] = {}


def _types(text: str) -> tuple[str, ...]:
    kept = _TYPES.get(text)
    if kept is None:
        kept = tuple(sys.intern(t) for t in text.split())
        if len(_TYPES) < 4096:
            _TYPES[sys.intern(text)] = kept
    return kept


def _list_text(shown: View) -> str:
    """In the checking processes: the rest of what the lists and the search show of a use case, as a text (kept
    in the build's spool, never in memory): nom, resume, mots, and its own address for requests."""
    return json.dumps({"nom": shown.get("nom", ""), "resume": one_line(shown), "mots": search_words(shown),
                       **{name: shown.get(name) or "" for name in CASE_CHANNELS}}, ensure_ascii=False)


PREPARE = ((SITE_SUMMARY, site_codes), (SITE_LIST, _list_text), (CSV_CELLS, csv_cells), (SITE_JSON, json_fragment))
SPOOLED = frozenset({SITE_LIST, CSV_CELLS, SITE_JSON})


def load_site_data(repo: Repository, *, use_cache: bool = True, jobs: int | None = None, views: bool = False,
                   today: date | None = None, emit: Callable[[RecordFile, FileResult, View], Any] | None = None,
                   spool: Spool | None = None, languages: int = 0,
                   known: Mapping[str, View] | None = None) -> SiteData:
    """The valid use cases and collectivités, public fields only, as ``load_items`` keeps them. With
    ``views``, each record carries its public view; with ``emit``, what that function made of it where it was
    read (its pages, in each of ``languages``); with ``spool``, its CSV cells and JSON entry are kept there, not
    in memory. Each use case is put in the :class:`Records` table as its result arrives (:func:`site_record`):
    the results are never all kept whole. ``known``: the collectivités' views read before (the build's first
    reading): a collectivité read again as it was is given as that same view, not a second copy of it."""
    table = Records(views, languages)
    kept, collectivites, skipped = load_kept(
        repo, prepare=PREPARE, keep=functools.partial(site_record, table, views=views, known=known or {}),
        views=views,
        use_cache=use_cache, jobs=jobs, today=today, emit=emit, spool=spool,
        spooled=SPOOLED if spool is not None else frozenset())
    row_of = {rel: row for row, rel in enumerate(table.rels())}
    rows = [row_of[rel] for rel, _kept in kept]
    del kept, row_of
    records = table.select(rows, key=lambda row: (table.collectivite(row), table.identifiant(row)))
    return SiteData(records, collectivites, skipped, spool)


def site_record(table: Records, result: FileResult, *, views: bool = False,
                known: Mapping[str, View] = MappingProxyType({})) -> bool | None:
    """What the site keeps of a use case, put in ``table`` (the ``keep`` function of its load, in the main process,
    as the result arrives): its file, identifiers, codes, the hash of its view, where its prepared texts are, its
    pages' hashes and, with ``views``, its public view. Returns True (its row is found by its file: no object
    per record is made while the records are read), or None for a result it cannot use (a collectivité's is kept
    whole: its view is the one of ``known`` when they are equal)."""
    if result.kind == "collectivite":
        shown = result.public
        same = known.get(str(shown.get("identifiant"))) if shown is not None else None
        if same is not None and same == shown and same.restricted == shown.restricted:
            result.public = same
        return None
    prepared = result.prepared
    codes = prepared.get(SITE_SUMMARY)
    ident, coll = result.summary.get("identifiant"), result.summary.get("collectivite")
    if result.kind != "cas_usage" or not isinstance(codes, str) or not ident or not coll:
        return None
    if views and result.public is None:
        return None
    digest, theme, statut, types, risque = codes_of(codes)
    table.add(result.rel, ident, coll, digest, (theme, statut, risque, types),
              (prepared[SITE_LIST], prepared[CSV_CELLS], prepared[SITE_JSON]), result.public if views else None,
              result.emitted)
    return True


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
