"""Reading the export file: encoding, delimiter, columns, and each row with its source line.

The **source line** of a row is the physical line of the file where the row starts (header
included): a quoted cell over several lines moves the rows after it. Rows are kept as text;
:mod:`~iaterr.ingest.bibliotheque.rows` turns them into values.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.base.files import os_reason
from iaterr.ingest.bibliotheque.columns import (
    EXPORT_LAYOUT,
    REQUIRED_COLUMNS,
    TARGETS,
    V0_MARKERS,
    V0_TARGETS,
    Target,
    column_key,
    export_column_names,
    export_name,
)
from iaterr.ingest.bibliotheque.report import AVERTISSEMENT, ECARTE, IGNORE, INFO, Finding, SourceError

#: Why a row cannot be read as a row of the table (its cells would be misplaced or cut): it is skipped whole.
TRONQUEE, COURTE, LONGUE = "tronquee", "courte", "longue"


@dataclass
class Column:
    index: int
    header: str
    target: Target | None


@dataclass
class SourceRow:
    line: int
    cells: list[str]
    #: None, or why the row is skipped whole: :data:`TRONQUEE` (the file ends inside it), :data:`COURTE`
    #: (fewer cells than the header), :data:`LONGUE` (more non-empty cells than the header)
    problem: str | None = None


@dataclass
class Export:
    path: Path
    encoding: str
    delimiter: str
    columns: list[Column]
    rows: list[SourceRow]
    findings: list[Finding]
    #: export names of the missing columns of fields every record needs: no row can make a record
    missing_required: list[str] = field(default_factory=list)


def _decode(raw: bytes, findings: list[Finding]) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise SourceError("importer.encodage-inconnu", "importer.encodage-inconnu.aide") from exc
    if raw.startswith(b"PK\x03\x04") or b"\x00" in raw[:4096]:
        raise SourceError("importer.pas-un-csv.binaire", "importer.pas-un-csv.aide")
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as exc:
            raise SourceError("importer.encodage-inconnu", "importer.encodage-inconnu.aide") from exc
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise SourceError("importer.encodage-inconnu", "importer.encodage-inconnu.aide") from exc
    findings.append(Finding(AVERTISSEMENT, "importer.encodage-cp1252"))
    return text, "Windows-1252"


def _first_row(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except (StopIteration, csv.Error):
        return []


def _delimiter(text: str) -> tuple[str, int]:
    """The delimiter that makes the most columns known (then the most columns), and how many are known."""
    best: tuple[int, int, str] | None = None
    for delimiter in (",", ";", "\t"):
        header = _first_row(text, delimiter)
        known = sum(1 for h in header if column_key(h) in TARGETS)
        score = (known, len(header), delimiter)
        if best is None or score[:2] > best[:2]:
            best = score
    assert best is not None
    return best[2], best[0]


def _rows(text: str, delimiter: str) -> tuple[list[str], list[SourceRow]]:
    """The header and the non-empty rows, each with the line where it starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[SourceRow] = []
    header: list[str] = []
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not header:
                header = cells
                continue
            if not any(c.strip() for c in cells):
                continue
            rows.append(SourceRow(start, cells))
    except csv.Error as exc:
        raise SourceError("importer.csv-invalide", ligne=reader.line_num, erreur=str(exc)) from exc
    return header, rows


def _ends_in_quoted_cell(text: str, delimiter: str) -> bool:
    """Does the file end inside a quoted cell (a cell opened by « " » and never closed)?"""
    try:
        for _cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        # the strict reader stops at the end of the data inside quotes; on another error (a stray quote inside
        # an unquoted cell, which the lenient reader accepts), an odd number of quotes says the same
        return "unexpected end of data" in str(exc) or text.count('"') % 2 == 1
    return False


def _row_lengths(text: str, delimiter: str, header: list[str], rows: list[SourceRow],
                 findings: list[Finding]) -> None:
    """Rows that are not rows of the table: the last one when the file ends inside it (a quoted cell left
    open, or a short row without a final newline), rows shorter than the header (a cell is missing: every
    cell after it would be misplaced) or longer (a separator inside an unquoted cell). Each is skipped whole,
    with its line; a cut file is said once for the whole file."""
    width = len(header)
    if not rows:
        return
    last = rows[-1]
    open_quote = _ends_in_quoted_cell(text, delimiter)
    no_newline = not text.endswith(("\n", "\r"))
    if open_quote or (no_newline and len(last.cells) < width):
        last.problem = TRONQUEE
        findings.append(Finding(IGNORE, "importer.fichier-tronque", {"ligne": last.line}))
    elif no_newline and len(rows) > 1:
        # complete in its cells, but perhaps cut inside its last one: the value is checked as any other
        findings.append(Finding(AVERTISSEMENT, "importer.fin-sans-retour", {}, last.line))
    for row in rows:
        if row.problem:
            continue
        if len(row.cells) < width:
            row.problem = COURTE
            findings.append(Finding(IGNORE, "importer.ligne-courte", {
                "nombre": len(row.cells), "colonnes": width, "manque": width - len(row.cells)},
                row.line))
        elif any(c.strip() for c in row.cells[width:]):
            row.problem = LONGUE
            findings.append(Finding(IGNORE, "importer.ligne-longue",
                                    {"nombre": len(row.cells), "colonnes": width}, row.line))
    if last.problem == TRONQUEE:
        findings.append(Finding(IGNORE, "importer.ligne-tronquee",
                                {"nombre": len(last.cells), "colonnes": width}, last.line))


def _by_position(header: list[str], findings: list[Finding]) -> list[str]:
    """The header read by position when it is the export's layout but for one or two labels (a duplicated or
    mislabelled column, as in the 2025-04-16 export as first published, whose project-name column is
    labelled « SIRET »); each relabelled column is reported by its position and name. Otherwise as it is."""
    names = [h.strip() for h in header]
    if len(names) != len(EXPORT_LAYOUT):
        return names
    wrong = [i for i, (name, known) in enumerate(zip(names, EXPORT_LAYOUT, strict=True))
             if column_key(name) != column_key(known)]
    if not wrong or len(wrong) > 2:
        return names
    # the other labels must not name the expected column elsewhere (that is a reordered header, read by name)
    if any(column_key(names[i]) == column_key(EXPORT_LAYOUT[j]) for i in wrong for j in wrong if i != j):
        return names
    for i in wrong:
        findings.append(Finding(AVERTISSEMENT, "importer.colonne-par-position",
                                {"position": i + 1, "colonne": names[i] or f"#{i + 1}", "lue": EXPORT_LAYOUT[i]}))
        names[i] = EXPORT_LAYOUT[i]
    return names


def _columns(path: Path, header: list[str], rows: list[SourceRow], findings: list[Finding]) -> list[Column]:
    """The columns of the header, each with the field it fills (None: not imported, with a finding)."""
    columns: list[Column] = []
    seen: dict[tuple[str, str], str] = {}
    v0 = V0_MARKERS <= {column_key(h) for h in header}
    if v0:
        findings.append(Finding(INFO, "importer.modele-v0", {"colonnes": [
            h.strip() for h in header if column_key(h) in V0_TARGETS]}))
    for index, raw_name in enumerate(header):
        name = raw_name.strip()
        target = (V0_TARGETS.get(column_key(name)) if v0 else None) or TARGETS.get(column_key(name))
        used = any(index < len(r.cells) and r.cells[index].strip() for r in rows)
        if target is None:
            if name or used:
                params: dict[str, Any] = {"colonne": name or f"#{index + 1}"}
                close = difflib.get_close_matches(name, export_column_names(), n=2, cutoff=0.6)
                key = "importer.colonne-inconnue.proche" if close else "importer.colonne-inconnue"
                if close:
                    params["suggestions"] = close
                findings.append(Finding(ECARTE if used else INFO, key, params))
            columns.append(Column(index, name, None))
            continue
        if not target.kind:
            findings.append(Finding(ECARTE if used else INFO, "importer.colonne-non-importee",
                                    {"colonne": name, "champ": target.name}))
            columns.append(Column(index, name, None))
            continue
        slot = (target.kind, target.name)
        if slot in seen:
            findings.append(Finding(ECARTE if used else INFO, "importer.colonne-double",
                                    {"colonne": name, "premiere": seen[slot]}))
            columns.append(Column(index, name, None))
            continue
        seen[slot] = name
        columns.append(Column(index, name, target))
    missing = [export_name(kind, n) for kind, n in REQUIRED_COLUMNS if (kind, n) not in seen]
    if missing:
        doubles = [f.params["colonne"] for f in findings if f.key == "importer.colonne-double"]
        if doubles:  # a mislabelled column is perhaps the missing one: the duplicated labels are named
            raise SourceError("importer.colonnes-manquantes.double", "importer.colonnes-manquantes.aide",
                              chemin=str(path), colonnes=missing, doubles=doubles)
        raise SourceError("importer.colonnes-manquantes", "importer.colonnes-manquantes.aide",
                          chemin=str(path), colonnes=missing)
    return columns


def _absent(columns: list[Column], findings: list[Finding]) -> list[str]:
    """The columns of the export's layout a header that has most of them lacks: each said once, for the whole
    file. Those of fields every record needs are returned (no row can make a record)."""
    present = {column_key(c.header) for c in columns} | {
        column_key(export_name(c.target.kind, c.target.name)) for c in columns if c.target and c.target.kind}
    lacking = [name for name in EXPORT_LAYOUT if column_key(name) not in present]
    if not lacking or len(lacking) > len(EXPORT_LAYOUT) // 4:
        return []
    fatal = []
    for name in lacking:
        target = TARGETS[column_key(name)]
        if target.spec is not None and target.spec.required:
            fatal.append(name)
            findings.append(Finding(IGNORE, "importer.colonne-absente.obligatoire", {"colonne": name}))
        else:
            findings.append(Finding(ECARTE, "importer.colonne-absente", {"colonne": name}))
    return fatal


def read_export(path: Path) -> Export:
    """Read and decode the file, find its delimiter and columns; rows are kept as text.

    Raises :class:`~iaterr.ingest.bibliotheque.report.SourceError` when the file cannot be read as an
    export at all."""
    path = Path(path)
    if not path.exists():
        raise SourceError("importer.fichier-introuvable", chemin=str(path))
    if path.is_dir():
        raise SourceError("importer.fichier-dossier", chemin=str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError("importer.fichier-illisible", chemin=str(path), erreur=os_reason(exc)) from exc
    findings: list[Finding] = []
    text, encoding = _decode(raw, findings)
    if not text.strip():
        raise SourceError("importer.fichier-vide", chemin=str(path))
    delimiter, known = _delimiter(text)
    if known == 0:
        first = text.strip().splitlines()[0][:120]
        raise SourceError("importer.pas-un-csv", "importer.pas-un-csv.aide", chemin=str(path), entete=first)
    header, rows = _rows(text, delimiter)
    header = _by_position(header, findings)
    columns = _columns(path, header, rows, findings)
    fatal = _absent(columns, findings)
    _row_lengths(text, delimiter, header, rows, findings)
    if not rows:
        findings.append(Finding(IGNORE, "importer.aucune-ligne"))
    return Export(path, encoding, delimiter, columns, rows, findings, fatal)
