"""An open-data CSV following iaterr's Table Schema, made back into a data repository.

The CSV is what ``iaterr export --format csv`` writes (:mod:`iaterr.publish.opendata`): one row per use
case, its collectivité's fields first (``collectivite_*``), list items joined by `` | ``, the sub-fields of a
list of tables in one column each, items aligned by position, cells made inert for spreadsheets (a leading
apostrophe). Each row becomes a use-case file and each collectivité a file of its own, written as YAML in a
folder with its ``iaterr.yaml``: the records are then read and checked by the one loader, like a repository's.
A row whose identifier or collectivité is missing or unusable as a file name is still written (as
``ligne-N``) so that its errors are reported by the checks, never silently dropped.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import yaml

from iaterr.base.files import atomic_write
from iaterr.base.text import restore

LIST_SEPARATOR = " | "
_IDENT = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: the first column of an export with restricted fields
RESTRICTED_MARK = "avertissement"


class CsvError(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _typed(text: str, kind: str) -> Any:
    if kind == "booleen":
        return True if text == "true" else False if text == "false" else text
    return text


def _layout() -> tuple[dict[str, Any], dict[str, Any]]:
    """Columns of the open-data CSV by name: those of a use case and those of its collectivité."""
    from iaterr.publish.opendata import columns

    cas: dict[str, Any] = {}
    coll: dict[str, Any] = {}
    for col in columns(include_restricted=True):
        (coll if col.source == "collectivite" else cas)[col.name] = col
    return cas, coll


def _record(row: dict[str, str], cols: dict[str, Any]) -> dict[str, Any]:
    """The record's fields from a row's cells, in the model's order."""
    out: dict[str, Any] = {}
    tables: dict[str, dict[str, tuple[Any, list[str]]]] = {}
    for name, col in cols.items():
        cell = row.get(name)
        if cell is None or cell == "":
            continue
        if col.sub is not None:
            tables.setdefault(col.field, {})[col.sub.name] = (col.sub, cell.split(LIST_SEPARATOR))
            out.setdefault(col.field, None)
            continue
        if col.spec.is_list:
            out[col.field] = [restore(v) for v in cell.split(LIST_SEPARATOR)]
        else:
            out[col.field] = _typed(restore(cell), col.spec.kind)
    for field_name, subs in tables.items():
        length = max(len(values) for _spec, values in subs.values())
        items = []
        for index in range(length):
            item = {}
            for sub, (spec, values) in subs.items():
                value = values[index] if index < len(values) else ""
                if value != "":
                    item[sub] = _typed(restore(value), spec.kind)
            items.append(item)
        out[field_name] = items
    return {k: v for k, v in out.items() if v is not None}


def _dump(data: dict[str, Any], kind: str) -> str:
    schema = "cas-usage" if kind == "cas_usage" else "collectivite"
    head = f"# yaml-language-server: $schema=../../schema/{schema}.schema.json\n"
    return head + yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                            sort_keys=False, width=100, default_flow_style=False)


def csv_to_repository(raw: bytes, folder: Path) -> dict[str, int]:
    """Write in ``folder`` a data repository holding the records of the CSV ``raw``; returns the line of the CSV
    (1-based, where its row starts: a cell may hold line breaks) each written file comes from, so that a rejected
    record is named by its line, as the person who wrote the CSV knows it. :class:`CsvError` when the file is not
    an open-data CSV of iaterr's Table Schema."""
    from iaterr import SCHEMA_VERSION

    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CsvError("agregation.csv.encodage", octet=exc.start) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError("agregation.csv.vide") from None
    except csv.Error as exc:
        raise CsvError("agregation.csv.illisible", detail=str(exc)) from exc
    cas_cols, coll_cols = _layout()
    if not {"identifiant", "collectivite", "nom"} <= set(header):
        raise CsvError("agregation.csv.entetes", colonnes=["identifiant", "collectivite", "nom"])
    atomic_write(folder / "iaterr.yaml", f'version_schema: "{SCHEMA_VERSION}"\n', fsync=False)
    cas_dir = folder / "data" / "cas-usage"
    coll_dir = folder / "data" / "collectivites"
    cas_dir.mkdir(parents=True, exist_ok=True)
    coll_dir.mkdir(parents=True, exist_ok=True)
    first_line = reader.line_num + 1  # where the next row starts
    written_coll: set[str] = set()
    written_cas: set[str] = set()
    lines: dict[str, int] = {}
    try:
        for cells in reader:
            number, first_line = first_line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            row = dict(zip(header, cells))
            cas = _record(row, cas_cols)
            ident = cas.get("identifiant")
            stem = ident if isinstance(ident, str) and _IDENT.fullmatch(ident) and ident not in written_cas \
                else f"ligne-{number}"
            written_cas.add(stem)
            atomic_write(cas_dir / f"{stem}.yaml", _dump(cas, "cas_usage"), fsync=False)
            lines[f"data/cas-usage/{stem}.yaml"] = number
            owner = cas.get("collectivite")
            if isinstance(owner, str) and _IDENT.fullmatch(owner) and owner not in written_coll:
                coll = {"version_schema": cas.get("version_schema", SCHEMA_VERSION), "identifiant": owner,
                        **_record(row, coll_cols)}
                written_coll.add(owner)
                atomic_write(coll_dir / f"{owner}.yaml", _dump(coll, "collectivite"), fsync=False)
                lines[f"data/collectivites/{owner}.yaml"] = number
    except csv.Error as exc:
        raise CsvError("agregation.csv.illisible", detail=str(exc)) from exc
    return lines
