"""Reading the export file: encoding, delimiter, columns, and each row with its source line.

The **source line** of a row is the physical line of the file where the row starts (header
included): a quoted cell over several lines moves the rows after it. Rows are kept as text;
:mod:`~iaterr.ingest.bibliotheque.rows` turns them into values.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iaterr.ingest.bibliotheque.columns import (
    REQUIRED_COLUMNS,
    TARGETS,
    Target,
    column_key,
    export_column_names,
    export_name,
)
from iaterr.ingest.bibliotheque.report import AVERTISSEMENT, ECARTE, INFO, Finding, SourceError


@dataclass
class Column:
    index: int
    header: str
    target: Target | None


@dataclass
class SourceRow:
    line: int
    cells: list[str]


@dataclass
class Export:
    path: Path
    encoding: str
    delimiter: str
    columns: list[Column]
    rows: list[SourceRow]
    findings: list[Finding]


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


def _columns(path: Path, header: list[str], rows: list[SourceRow], findings: list[Finding]) -> list[Column]:
    """The columns of the header, each with the field it fills (None: not imported, with a finding)."""
    columns: list[Column] = []
    seen: dict[tuple[str, str], str] = {}
    for index, raw_name in enumerate(header):
        name = raw_name.strip()
        target = TARGETS.get(column_key(name))
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
        raise SourceError("importer.colonnes-manquantes", "importer.colonnes-manquantes.aide",
                          chemin=str(path), colonnes=missing)
    return columns


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
        raise SourceError("importer.fichier-illisible", chemin=str(path), erreur=exc.strerror or str(exc)) from exc
    findings: list[Finding] = []
    text, encoding = _decode(raw, findings)
    if not text.strip():
        raise SourceError("importer.fichier-vide", chemin=str(path))
    delimiter, known = _delimiter(text)
    if known == 0:
        first = text.strip().splitlines()[0][:120]
        raise SourceError("importer.pas-un-csv", "importer.pas-un-csv.aide", chemin=str(path), entete=first)
    header, rows = _rows(text, delimiter)
    columns = _columns(path, header, rows, findings)
    return Export(path, encoding, delimiter, columns, rows, findings)
