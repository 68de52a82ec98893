"""One row of the export into the values of a collectivité and of a use case, with row-level repairs.

Beyond each cell (:mod:`~iaterr.ingest.bibliotheque.cells`), a row is repaired as a whole: a
"partner" that is a way of building the project, known errors of the collectivité type. Sub-themes
of another theme than the row's are kept: the Bibliothèque's records combine them (``lint`` says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iaterr.ingest.bibliotheque.cells import RowParser
from iaterr.ingest.bibliotheque.dates import DateOrder
from iaterr.ingest.bibliotheque.report import INFO, REPARE, Finding
from iaterr.ingest.bibliotheque.source import Export, SourceRow
from iaterr.model.identifiers import slugify
from iaterr.model.types import parse_partial_date
from iaterr.model.vocab import MISES_EN_OEUVRE, fold

#: Collectivité types the export is known to get wrong, corrected with the reason reported.
#: Ville de Paris is typed "Département" in the 2025-04-16 export: since 2019 it is a collectivité à
#: statut particulier (the domain notes list it as a wrong value; iaterr's vocabulary already maps the
#: name "Ville de Paris" to statut_particulier).
TYPE_CORRECTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("ville-de-paris", "departement"): ("statut_particulier", "importer.raison.paris"),
}


@dataclass
class ParsedRow:
    line: int
    coll: dict[str, Any]
    uc: dict[str, Any]
    #: fields whose value was refused (a SIRET with a wrong checksum…)
    rejected: set[tuple[str, str]]
    #: use-case fields whose column is in the file and whose cell is empty on this row
    blank: frozenset[str] = frozenset()


def parse_row(export: Export, row: SourceRow, findings: list[Finding], known: set[tuple[str, str]],
              dates: DateOrder | None = None) -> ParsedRow:
    parser = RowParser(row.line, findings, known, dates)
    coll: dict[str, Any] = {}
    uc: dict[str, Any] = {}
    for column in export.columns:
        if column.target is None or column.index >= len(row.cells):
            continue
        value = parser.convert(column.target, row.cells[column.index], column.header)
        if value is None:
            continue
        (coll if column.target.kind == "collectivite" else uc)[column.target.name] = value
    header = next((c.header for c in export.columns if c.target is not None
                   and (c.target.kind, c.target.name) == ("cas_usage", "partenaires")), "Partenaires")
    _partners(parser, uc, header)
    _collectivite_type(parser, coll)
    blank = frozenset(c.target.name for c in export.columns
                      if c.target is not None and c.target.kind == "cas_usage"
                      and (c.index >= len(row.cells) or not row.cells[c.index].strip()))
    return ParsedRow(row.line, coll, uc, parser.rejected, blank)


def _partners(parser: RowParser, uc: dict[str, Any], header: str) -> None:
    """Partners that are a way of building the project, not a partner: "développé en régie"."""
    partners = uc.get("partenaires")
    if not partners:
        return
    kept = []
    for item in partners:
        term = MISES_EN_OEUVRE.resolve(item)
        if term is None:
            kept.append(item)
            continue
        if "mise_en_oeuvre" not in uc:
            uc["mise_en_oeuvre"] = term.code
        # the partner becomes the value of mise_en_oeuvre: a finding about that field
        parser.note(REPARE, "importer.partenaire-mise-en-oeuvre", ("cas_usage", "mise_en_oeuvre"), colonne=header)
    if kept:
        uc["partenaires"] = kept
    else:
        del uc["partenaires"]


def _collectivite_type(parser: RowParser, coll: dict[str, Any]) -> None:
    """Known errors of the collectivité type."""
    name, ctype = coll.get("nom"), coll.get("type")
    if not (name and ctype):
        return
    fix = TYPE_CORRECTIONS.get((slugify(name), ctype))
    if fix:
        coll["type"] = fix[0]
        parser.note(REPARE, "importer.type-corrige", ("collectivite", "type"), collectivite=name, avant=ctype,
                    apres=fix[0], raison={"t": fix[1]})
    elif fold(name).startswith("syndicat") and ctype not in ("syndicat", "syndicat_mixte"):
        parser.note(INFO, "importer.type-a-verifier", ("collectivite", "type"), collectivite=name, code=ctype)


def export_date_of(path: Path, rows: list[ParsedRow]) -> str | None:
    """The date of the export: in the file name (``…-2025-04-16.csv``), else its latest update date; None
    when neither says it (no date in the name, every update date empty or undecided): never today's."""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", path.name)
    if m and parse_partial_date(m.group(0)):
        return m.group(0)
    dates = sorted(str(r.uc["date_mise_a_jour"]) for r in rows if r.uc.get("date_mise_a_jour"))
    return dates[-1] if dates else None
