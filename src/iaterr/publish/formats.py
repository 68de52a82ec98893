"""The registry of export formats: name → what it is and how it is written.

``iaterr export --format NAME`` looks its format up here; the register website takes its downloads
from here; the examples in ``docs/exemples/`` are made from here; the leak tests run over every entry.
A format added here is available everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iaterr.check.loader import Spool
from iaterr.model.visibility import View
from iaterr.publish import opendata, standards
from iaterr.publish.export import ExportSet, load_items
from iaterr.repo.config import Repository


@dataclass(frozen=True)
class Format:
    name: str
    #: file name extension of the output
    extension: str
    #: (items, lang) → the text in pieces, one after another (a record at a time: a writer holds one piece,
    #: whatever the number of records); the items are views of the valid records (public unless asked otherwise)
    chunks: Callable[[ExportSet, str], Iterable[str]]
    #: False for a format that does not read records (the Table Schema)
    reads_records: bool = True
    #: values prepared from each use case's public view in the checking processes (and cached), when the
    #: writer needs nothing else of a use case: the fast road of big exports
    prepare: tuple[tuple[str, Callable[[View], Any]], ...] = ()

    def write(self, items: ExportSet, lang: str) -> str:
        """The whole text of the export of ``items``."""
        return "".join(self.chunks(items, lang))


def _standard(name: str) -> Callable[[ExportSet, str], Iterable[str]]:
    def chunks(items: ExportSet, lang: str) -> Iterable[str]:
        return standards.render_chunks(name, items, lang=lang)

    return chunks


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("csv", "csv", lambda items, _lang: opendata.csv_lines(items.items, items.include_restricted),
           prepare=((opendata.CSV_CELLS, opendata.csv_cells),)),
    Format("json", "json", lambda items, _lang: opendata.json_chunks(items)),
    Format("bibliotheque", "csv", lambda items, _lang: opendata.bibliotheque_lines(items)),
    *(Format(code, "json", _standard(code)) for code in standards.STANDARDS),
    Format("table-schema", "json", lambda _items, _lang: [opendata.table_schema_text()],
           reads_records=False),
)}


def get(name: str) -> Format:
    """The format ``name`` (``KeyError`` when there is none: callers check :data:`FORMATS` first)."""
    return FORMATS[name]


def export(repo: Repository | None, name: str, *, lang: str = "fr", include_restricted: bool = False,
           paths: list[Path] | None = None, jobs: int | None = None) -> tuple[str, ExportSet]:
    """The text of the export ``name`` of ``repo`` (or of ``paths`` in it), and the items it holds (a list).
    :func:`exporting` gives the same text in pieces, in bounded memory."""
    fmt = get(name)
    if not fmt.reads_records or repo is None:
        empty = ExportSet([], [], include_restricted)
        return fmt.write(empty, lang), empty
    prepare = fmt.prepare if not include_restricted else ()
    items = load_items(repo, include_restricted=include_restricted, paths=paths, jobs=jobs, prepare=prepare)
    return fmt.write(items, lang), items


@contextmanager
def exporting(repo: Repository | None, name: str, *, lang: str = "fr", include_restricted: bool = False,
              paths: list[Path] | None = None, jobs: int | None = None,
              use_cache: bool = True) -> Iterator[tuple[Iterator[str], ExportSet]]:
    """The export ``name`` of ``repo`` (or of ``paths`` in it) as pieces of text to write one after another,
    and its items (:class:`~iaterr.publish.export.StreamedItems`: counted, iterated again while the block
    lasts): the same bytes as :func:`export`, in memory that does not grow with the records' length. Each use
    case's view and prepared text wait in a temporary file (:class:`~iaterr.check.loader.Spool`, removed when
    the block ends), what is sorted is a short key per use case."""
    fmt = get(name)
    if not fmt.reads_records or repo is None:
        empty = ExportSet([], [], include_restricted)
        yield iter(fmt.chunks(empty, lang)), empty
        return
    prepare = fmt.prepare if not include_restricted else ()
    spool = Spool()
    try:
        items = load_items(repo, include_restricted=include_restricted, paths=paths, jobs=jobs, prepare=prepare,
                           spool=spool, spooled=frozenset(n for n, _f in prepare), stream=True,
                           use_cache=use_cache)
        yield iter(fmt.chunks(items, lang)), items
    finally:
        spool.close()


def write_items(name: str, items: ExportSet, lang: str = "fr") -> str:
    """The export ``name`` of items already loaded (with their full views)."""
    return get(name).write(items, lang)
