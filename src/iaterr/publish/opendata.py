"""The open-data CSV, its Table Schema, the JSON export and the Bibliothèque's CSV.

All columns come from the model: one row per use case, its collectivité's
identity first (``collectivite_*`` columns), then every field of the use case in
the model's order. A list is joined with `` | ``; a list of tables becomes one
column per sub-field (``donnees_nom``, ``donnees_source``…), items aligned by
position. Dates are ISO 8601 (``AAAA``, ``AAAA-MM`` or ``AAAA-MM-JJ``), booleans
``true``/``false``, numbers with a decimal point. Every cell is encoded by
:func:`iaterr.base.text.csv_cell`: a cell a spreadsheet would run as a formula is made
inert, a cell holding a line break or a separator is quoted.

Which fields become columns is decided by :func:`iaterr.model.visibility.shown_fields`
alone, and the data come from the views of :func:`iaterr.publish.export.load_items`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from iaterr import SCHEMA_VERSION, __version__
from iaterr.base.text import csv_cell, csv_line, json_indented, neutralise
from iaterr.model import CasUsage, Collectivite
from iaterr.model.introspect import FieldSpec
from iaterr.model.types import DATE_PATTERN, RESUME_MAX
from iaterr.model.visibility import View, shown_fields
from iaterr.publish.export import ExportItem, ExportSet

LIST_SEPARATOR = " | "
_SKIP_COLLECTIVITE = {"identifiant", "version_schema"}


@dataclass(frozen=True)
class Column:
    name: str
    #: where the value comes from: "cas" or "collectivite", the field, and the sub-field for tables
    source: str
    field: str
    spec: FieldSpec
    sub: FieldSpec | None = None

    @property
    def leaf(self) -> FieldSpec:
        return self.sub or self.spec


def columns(include_restricted: bool = False) -> list[Column]:
    """The columns of the open-data CSV, in a stable order."""
    out: list[Column] = []
    for source, model, prefix in (("collectivite", Collectivite, "collectivite_"), ("cas", CasUsage, "")):
        for name, spec in shown_fields(model, include_restricted).items():
            if source == "collectivite" and name in _SKIP_COLLECTIVITE:
                continue
            if spec.submodel is not None:
                for sub_name, sub in shown_fields(spec.submodel, include_restricted).items():
                    out.append(Column(f"{prefix}{name}_{sub_name}", source, name, spec, sub))
            else:
                out.append(Column(prefix + name, source, name, spec))
    return out


def _converter(spec: FieldSpec, in_list: bool = False) -> Callable[[Any], str]:
    """How a value of ``spec`` becomes cell text (chosen once per column: exports are hot loops). The
    cell is encoded (made inert, quoted) when the line is: :func:`~iaterr.base.text.csv_line`; each item
    of a list is made inert too, since a spreadsheet may split the cell at its separators."""
    if spec.kind == "booleen":
        return lambda v: "true" if v is True else "false" if v is False else ""
    if spec.kind in ("nombre",):
        return lambda v: "" if v is None else repr(float(v))
    if in_list:
        return lambda v: "" if v is None else neutralise(str(v))
    return lambda v: "" if v is None else str(v)


def _column_reader(col: Column) -> Callable[[dict[str, Any], dict[str, Any]], str]:
    convert = _converter(col.leaf, in_list=col.sub is not None or col.spec.is_list)
    source_is_coll = col.source == "collectivite"
    name = col.field
    if col.sub is not None:
        sub = col.sub.name

        def read_table(cas: dict, coll: dict) -> str:
            entries = cas.get(name)
            if not entries:
                return ""
            parts = [convert(e.get(sub)) for e in entries]
            return LIST_SEPARATOR.join(parts) if any(parts) else ""

        return read_table
    if col.spec.is_list:
        def read_list(cas: dict, coll: dict) -> str:
            values = (coll if source_is_coll else cas).get(name)
            return LIST_SEPARATOR.join(convert(v) for v in values) if values else ""

        return read_list

    def read(cas: dict, coll: dict) -> str:
        return convert((coll if source_is_coll else cas).get(name))

    return read


def _cell_encoder(col: Column) -> Callable[[Any], str]:
    """How a value of a use case's column (never None) becomes its encoded cell: what :func:`_column_reader`
    reads of it, encoded by :func:`~iaterr.base.text.csv_cell`, in one step (a use case's cells are made for
    every record)."""
    convert = _converter(col.leaf, in_list=col.sub is not None or col.spec.is_list)
    if col.sub is not None:
        sub = col.sub.name

        def table(entries: Any) -> str:
            if not entries:
                return ""
            parts = [convert(e.get(sub)) for e in entries]
            return csv_cell(LIST_SEPARATOR.join(parts)) if any(parts) else ""

        return table
    if col.spec.is_list:
        return lambda values: csv_cell(LIST_SEPARATOR.join([convert(v) for v in values])) if values else ""
    if col.leaf.kind in ("booleen", "nombre"):
        return lambda value: csv_cell(convert(value))
    return csv_cell  # str(value), encoded


Reader = Callable[[dict[str, Any], dict[str, Any]], str]
#: a use case's columns: how many, and for each of its fields, the place and cell encoder of each of its columns
CasCells = tuple[int, dict[str, list[tuple[int, Callable[[Any], str]]]]]
_READERS: dict[bool, tuple[list[Column], list[Reader], CasCells]] = {}


def _readers(include_restricted: bool) -> tuple[list[Column], list[Reader], CasCells]:
    """The columns, the readers of the collectivité's, and the use case's (:data:`CasCells`)."""
    if include_restricted not in _READERS:
        cols = columns(include_restricted)
        coll = [_column_reader(c) for c in cols if c.source == "collectivite"]
        own = [c for c in cols if c.source == "cas"]
        by_field: dict[str, list[tuple[int, Callable[[Any], str]]]] = {}
        for index, col in enumerate(own):
            by_field.setdefault(col.field, []).append((index, _cell_encoder(col)))
        _READERS[include_restricted] = (cols, coll, (len(own), by_field))
    return _READERS[include_restricted]


def csv_cells(cas: View) -> str:
    """The use case's own part of its open-data CSV line, encoded (prepared ahead, in the checking
    processes, from its public view)."""
    return _cas_cells(cas, _readers(cas.restricted)[2])


def _cas_cells(cas: dict[str, Any], plan: CasCells) -> str:
    """``csv_line([read(cas, {}) for read in <the use case's column readers>])``, the same text: an absent value
    is an empty cell, any other is encoded by its column's encoder (only the fields the use case gives are
    looked at: most columns are empty)."""
    count, by_field = plan
    cells = [""] * count
    for name, value in cas.items():
        if value is not None:
            for index, encode in by_field.get(name, ()):
                cells[index] = encode(value)
    return ",".join(cells)


#: The name under which :func:`csv_cells` is prepared and cached.
CSV_CELLS = "csv-opendata"


#: First column of an export with restricted fields, on every row: nobody can miss it.
RESTRICTED_MARK = ("avertissement", "NON PUBLIABLE : contient des champs restreints")


def to_csv(items: ExportSet) -> str:
    """The open-data CSV. Each line is the collectivité's cells (encoded once per collectivité) and the use
    case's own cells (encoded ahead by ``csv_cells`` when the items were loaded with it)."""
    return "".join(csv_lines(items.items, items.include_restricted))


def csv_lines(items: Iterable[ExportItem], include_restricted: bool = False) -> Iterator[str]:
    """:func:`to_csv`, line by line (each with its line end), from items given one at a time: a writer keeps
    one line in memory, whatever the number of records."""
    cols, coll_readers, cas_readers = _readers(include_restricted)
    mark = [RESTRICTED_MARK] if include_restricted else []
    yield csv_line([m[0] for m in mark] + [c.name for c in cols]) + "\n"
    coll_parts: dict[str, str] = {}
    for item in items:
        key = str(item.collectivite.get("identifiant"))
        if key not in coll_parts:
            coll_parts[key] = csv_line([m[1] for m in mark] + [read({}, item.collectivite) for read in coll_readers])
        own = item.prepared.get(CSV_CELLS)
        if own is None:
            own = _cas_cells(item.cas, cas_readers)
        yield coll_parts[key] + "," + own + "\n"


def to_json(items: ExportSet) -> str:
    """The JSON export: the views of the items (an :class:`ExportSet` holds nothing else)."""
    return "".join(json_chunks(items))


def json_chunks(items: ExportSet) -> Iterator[str]:
    """:func:`to_json` in pieces, one use case at a time."""
    return json_document(json_head(items.include_restricted), "cas_usage", (
        json_indented({**item.cas, "collectivite": item.collectivite})
        for item in items.items))


def json_head(include_restricted: bool) -> dict[str, Any]:
    """What the JSON export says before its list of use cases (``cas_usage``)."""
    return {
        "iaterr": __version__,
        "version_schema": SCHEMA_VERSION,
        "publiable": not include_restricted,
        **({"avertissement": "Contient des champs restreints : ne pas publier."} if include_restricted else {}),
    }


def json_document(head: dict[str, Any], key: str, elements: Iterable[str]) -> Iterator[str]:
    """``json.dumps({**head, key: [...]}, ensure_ascii=False, indent=2) + "\\n"`` written in pieces, the same
    bytes: the list (the document's last key) element by element. ``elements``: each element's text as
    ``json.dumps(element, ensure_ascii=False, indent=2)`` writes it (no line break inside a JSON string: the
    element is indented one level deeper by indenting its lines)."""
    if key in head:
        raise ValueError(f"{key!r} must be the document's last key")
    whole = json.dumps({**head, key: []}, ensure_ascii=False, indent=2)
    prefix = whole[:-len("[]\n}")]
    first = True
    for text in elements:
        yield (prefix + "[\n" if first else ",\n") + "    " + text.replace("\n", "\n    ")
        first = False
    yield prefix + "[]\n}\n" if first else "\n  ]\n}\n"


# ---------------------------------------------------------------- Table Schema

_TYPES = {"entier": "integer", "nombre": "number", "booleen": "boolean"}


def _field_schema(col: Column) -> dict[str, Any]:
    spec = col.leaf
    meta = spec.meta
    title = meta.titre_fr if col.sub is None else f"{col.spec.meta.titre_fr} : {meta.titre_fr}"
    listed = col.spec.is_list or spec.is_list
    field: dict[str, Any] = {
        "name": col.name,
        "title": title,
        "description": meta.aide_fr + (f" Plusieurs valeurs : séparées par « {LIST_SEPARATOR.strip()} »."
                                       if listed else ""),
        "type": "string" if listed else _TYPES.get(spec.kind, "string"),
    }
    if meta.exemple is not None and not isinstance(meta.exemple, (list, dict)):
        field["example"] = "true" if meta.exemple is True else "false" if meta.exemple is False else str(meta.exemple)
    elif isinstance(meta.exemple, list) and meta.exemple and not any(isinstance(v, (list, dict)) for v in meta.exemple):
        field["example"] = LIST_SEPARATOR.join(str(v) for v in meta.exemple)  # a list cell, as the CSV writes it
    if field["type"] == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    constraints: dict[str, Any] = {}
    if spec.required and col.sub is None and col.source == "cas":
        constraints["required"] = True
    if col.source == "collectivite" and col.field in ("nom", "type"):
        constraints["required"] = True
    if not listed:
        if spec.vocab is not None:
            constraints["enum"] = spec.vocab.codes
        elif spec.kind == "date":
            constraints["pattern"] = DATE_PATTERN.strip("^$")
        elif spec.kind == "siret":
            constraints["pattern"] = r"\d{14}"
        elif spec.kind == "identifiant":
            constraints["pattern"] = r"[a-z0-9]+(-[a-z0-9]+)*"
        elif spec.kind == "url":
            constraints["pattern"] = r"https?://\S+"
    if col.source == "cas" and col.field == "resume":
        constraints["maxLength"] = RESUME_MAX
    if col.field == "latitude":
        constraints.update(minimum=-90, maximum=90)
    if col.field == "longitude":
        constraints.update(minimum=-180, maximum=180)
    if spec.kind == "entier" and not listed:
        constraints["minimum"] = 0
    if constraints:
        field["constraints"] = constraints
    return field


#: Dates of the Table Schema: bump ``SCHEMA_MODIFIED`` with the record format's version.
SCHEMA_CREATED = "2026-11-22"
SCHEMA_MODIFIED = "2026-12-01"


def table_schema() -> dict[str, Any]:
    """The Table Schema of the open-data CSV, following schema.data.gouv.fr's conventions."""
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": "registre-ia-algorithmes-collectivites",
        "title": "Registre des usages de l'IA et des algorithmes publics des collectivités",
        "description": "Une ligne par cas d'usage de l'intelligence artificielle ou d'un algorithme public d'une "
                       "collectivité territoriale, avec l'identité de la collectivité. Champs publics du modèle "
                       "iaterr, qui couvre le modèle de données de la Bibliothèque d'IA territoriales, les éléments "
                       "de transparence du CRPA (L311-3-1, R311-3-1-1, R311-3-1-2, L312-1-3) et le règlement "
                       "européen sur l'IA. Généré par iaterr depuis son modèle : ne pas modifier à la main.",
        "homepage": "https://lesinterconnectes.github.io/Bibliotheque-IA-territoriale",
        "path": "schema/tableschema/schema.json",
        "version": f"{SCHEMA_VERSION}.0",
        "created": SCHEMA_CREATED,
        "lastModified": SCHEMA_MODIFIED,
        "contributors": [{"title": "iaterr", "role": "author"}],
        "sources": [
            {"title": "Code des relations entre le public et l'administration, articles L311-3-1, R311-3-1-1, "
                      "R311-3-1-2 et L312-1-3", "path": "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000031366350"},
            {"title": "Règlement (UE) 2024/1689 sur l'intelligence artificielle",
             "path": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
            {"title": "Modèle de données de la Bibliothèque d'IA territoriales",
             "path": "https://lesinterconnectes.github.io/Bibliotheque-IA-territoriale"},
        ],
        "resources": [
            {"title": "Exemple de fichier valide", "path": "exemple-valide.csv"},
            {"title": "Exemple de fichier invalide", "path": "exemple-invalide.csv"},
        ],
        "fields": [_field_schema(c) for c in columns()],
        "missingValues": [""],
    }


def table_schema_text() -> str:
    return json.dumps(table_schema(), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- the Bibliothèque's CSV

#: Column order of the Bibliothèque's public export (2025-04-16).
BIBLIOTHEQUE_PUBLIC = ("Nom_collectivite", "Nom_du_projet", "SIRET", "Latitude", "Longitude", "Type_de_collectivite",
                       "Date_de_demarrage", "Statut_du_projet", "Partenaires", "Description_service", "Theme",
                       "Sous_Theme", "Audience", "URL_Service", "URL_Logo", "Date_de_derniere_mise_a_jour")

#: How the Bibliothèque's export separates the items of a multi-valued cell: partners with a bare hyphen
#: (« DRYAS-Kocliko-Domofrance »), sub-themes and audiences with a comma and a space.
BIBLIOTHEQUE_SEPARATORS = {"Partenaires": "-"}
BIBLIOTHEQUE_LIST_SEPARATOR = ", "
#: Its coordinates are written with seven decimals (« 48.8497900 »).
_BIBLIOTHEQUE_DECIMALS = {"Latitude": 7, "Longitude": 7}
#: Line breaks inside a cell: the Bibliothèque's export writes them as the record keeps them (a bare line feed);
#: rows end with a bare line feed too, as its export's do.
BIBLIOTHEQUE_NEWLINE = "\n"


def _french_date(value: str) -> str:
    """An ISO date at the precision it holds, the Bibliothèque's way: ``2024-05`` → ``05/2024``,
    ``2024-05-12`` → ``12/05/2024``, ``2024`` → ``2024``."""
    return "/".join(reversed(value.split("-")))


def _list_separator(items: list[str], column: str) -> str:
    """The Bibliothèque's separator for ``column`` (« - » between partners), unless an item holds it: then
    « , », which its export uses too (« Rueil-Malmaison Habitat » joined with « - » would be read back as two
    partners). A name holding a comma cannot be told from two names in any of its cells."""
    separator = BIBLIOTHEQUE_SEPARATORS.get(column, BIBLIOTHEQUE_LIST_SEPARATOR)
    if separator.strip() and any(separator.strip() in item for item in items):
        separator = BIBLIOTHEQUE_LIST_SEPARATOR
    return separator


def _bibliotheque_cell(value: Any, spec: FieldSpec, column: str = "") -> str:
    if value is None or value == []:
        return ""
    if isinstance(value, list):  # each item made inert too: a spreadsheet may split the cell at its separators
        items = [_bibliotheque_cell(v, spec) for v in value]
        return _list_separator(items, column).join(neutralise(item) for item in items)
    if spec.vocab is not None:
        term = spec.vocab.get(value)
        return term.bibliotheque_label if term is not None else str(value)
    if spec.kind == "date":
        return _french_date(value)
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, (int, float)) and column in _BIBLIOTHEQUE_DECIMALS:
        return f"{float(value):.{_BIBLIOTHEQUE_DECIMALS[column]}f}"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def bibliotheque_columns(include_restricted: bool) -> list[tuple[str, str, str, FieldSpec]]:
    """(column, source, field, spec) for the Bibliothèque's CSV: the fields shown
    (:func:`~iaterr.model.visibility.shown_fields`) that have a column of its public export, in that
    export's order, then, with restricted output, the other fields of its data model under their names."""
    out = []
    for source, model in (("collectivite", Collectivite), ("cas", CasUsage)):
        for name, spec in shown_fields(model, include_restricted).items():
            if spec.meta.bibliotheque_export:
                if source == "cas" and name == "collectivite":
                    continue  # the collectivité's name comes from its own record
                out.append((spec.meta.bibliotheque_export, source, name, spec))
    by_column = {c[0]: c for c in out}
    order = {column: index for index, column in enumerate(BIBLIOTHEQUE_PUBLIC)}
    first = sorted(out, key=lambda c: order.get(c[0], len(order)))
    if not include_restricted:
        return first
    extra = []
    for name, spec in shown_fields(CasUsage, include_restricted).items():
        if spec.submodel is not None:
            for sub_name, sub in shown_fields(spec.submodel, include_restricted).items():
                if sub.meta.bibliotheque:
                    extra.append((sub.meta.bibliotheque, "cas", f"{name}.{sub_name}", sub))
        elif spec.meta.bibliotheque and spec.meta.bibliotheque_export not in by_column:
            extra.append((spec.meta.bibliotheque, "cas", name, spec))
    return first + extra


def to_bibliotheque_csv(items: ExportSet) -> str:
    return "".join(bibliotheque_lines(items))


def bibliotheque_lines(items: ExportSet) -> Iterator[str]:
    """:func:`to_bibliotheque_csv` line by line (each with its line end)."""
    cols = bibliotheque_columns(items.include_restricted)
    mark = [RESTRICTED_MARK] if items.include_restricted else []
    yield csv_line([m[0] for m in mark] + [c[0] for c in cols]) + BIBLIOTHEQUE_NEWLINE
    for item in items.items:
        row = [m[1] for m in mark]
        for column, source, name, spec in cols:
            data = item.collectivite if source == "collectivite" else item.cas
            if "." in name:
                outer, inner = name.split(".")
                values = [e.get(inner) for e in data.get(outer) or [] if isinstance(e, dict) and e.get(inner)]
                row.append(_bibliotheque_cell(values, spec, column))
            else:
                row.append(_bibliotheque_cell(data.get(name), spec, column))
        yield csv_line(row) + BIBLIOTHEQUE_NEWLINE
