"""Import of the Bibliothèque d'IA territoriales' CSV export into records.

The export (``docs/import.md``, ``../shared/domain/bibliotheque-ia.md``) repeats
each collectivité on every row of its projects and carries known defects: SIRETs
whose checksum fails, types and statuses outside the Bibliothèque's own
enumerations, list cells separated by ``-``, text where a URL should be, dates as
spreadsheet serial numbers in other exports. This module:

1. reads the file (encoding, delimiter, quoted multi-line cells, column names
   matched without regard to case, accents or punctuation);
2. maps every cell to a field of the model through its type and vocabularies,
   repairing what can be repaired safely and leaving out what cannot, each time
   with a finding tied to the row's **source line** (the physical line where the
   row starts);
3. groups rows by collectivité and matches collectivités and use cases with the
   repository's records (SIRET, then name; collectivité and normalised project
   name, then identifier);
4. creates, updates or leaves records unchanged, each new or changed file checked
   by ``validate`` before it is written.

Nothing here prints: :func:`import_bibliotheque` returns an :class:`ImportReport`.

Records created by the import carry a marker comment; in them the fields the
export has are updated by every later import (the export is their source), while
fields added by hand and comments are kept. Records the import did not create
(written by hand, or from the booklet) are only completed: a field they lack is
added, a field they have is never overwritten, and the differences are reported.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from iaterr.base.diagnostics import Diagnostic, Severity
from iaterr.check.validate import check_file
from iaterr.i18n import CATALOGUES, message, quote
from iaterr.model import SECTIONS, CasUsage, Collectivite
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.questions import check_answer
from iaterr.model.types import french_date_to_iso, parse_partial_date, siret_checksum_ok
from iaterr.model.vocab import MISES_EN_OEUVRE, SOUS_THEMES, THEMES, Vocabulary, fold
from iaterr.repo.config import Repository
from iaterr.authoring.records import new_record, write_record
from iaterr.model.identifiers import slugify
from iaterr.repo.records import to_commented
from iaterr.base.files import atomic_write
from iaterr.repo.yamlio import dump_roundtrip, load_roundtrip, read_document

# ---------------------------------------------------------------- findings and report

#: Levels of a finding. ``repare``: a value was repaired and imported; ``ecarte``: a value was left
#: out; ``ignore``: a row was not imported; ``info``: worth knowing; ``avertissement``: about the file.
REPARE, ECARTE, IGNORE, INFO, AVERTISSEMENT = "repare", "ecarte", "ignore", "info", "avertissement"
LEVELS = (IGNORE, ECARTE, AVERTISSEMENT, REPARE, INFO)
FAILING = {ECARTE, IGNORE}

#: What happened to a record.
CREE, MIS_A_JOUR, INCHANGE, IGNOREE = "cree", "mis_a_jour", "inchange", "ignoree"
ACTIONS = (CREE, MIS_A_JOUR, INCHANGE, IGNOREE)

MODELS = {"cas_usage": CasUsage, "collectivite": Collectivite}


@dataclass
class Finding:
    """Something the import did or could not do, tied to a source line (None: the whole file)."""

    level: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def message(self, lang: str = "fr") -> str:
        params = {}
        for name, value in self.params.items():
            if isinstance(value, list) and value and all(isinstance(v, dict) and "t" in v for v in value):
                value = " ; ".join(message(v["t"], lang, **v.get("p", {})) for v in value)
            elif isinstance(value, list) and name != "suggestions":  # lists of names: all of them, not a choice
                value = ", ".join(quote(str(v), lang) for v in value)
            params[name] = value
        return message(self.key, lang, **params)


@dataclass
class RecordResult:
    kind: str
    identifiant: str
    chemin: str
    action: str
    lignes: list[int] = field(default_factory=list)
    #: for an update: the fields changed
    champs: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    source: str
    encoding: str
    delimiter: str
    rows: int
    export_date: str
    dry_run: bool
    findings: list[Finding] = field(default_factory=list)
    records: list[RecordResult] = field(default_factory=list)

    def count(self, action: str, kind: str | None = None) -> int:
        return sum(1 for r in self.records if r.action == action and (kind is None or r.kind == kind))

    def count_level(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)

    @property
    def exit_code(self) -> int:
        """0: everything imported (repairs included); 1: rows skipped or values left out."""
        return 1 if any(f.level in FAILING for f in self.findings) else 0

    def to_dict(self, lang: str = "fr") -> dict[str, Any]:
        return {
            "fichier": self.source,
            "encodage": self.encoding,
            "separateur": self.delimiter,
            "lignes": self.rows,
            "date_export": self.export_date,
            "simulation": self.dry_run,
            "fiches": [
                {"type": r.kind, "identifiant": r.identifiant, "chemin": r.chemin, "action": r.action,
                 "lignes": r.lignes, "champs": r.champs}
                for r in self.records
            ],
            "constats": [
                {"ligne": f.line, "niveau": f.level, "code": f.key.removeprefix("importer."),
                 "message": f.message(lang)}
                for f in self.findings
            ],
            "resume": {
                **{action: self.count(action) for action in ACTIONS},
                **{level: self.count_level(level) for level in LEVELS},
            },
            "code_sortie": self.exit_code,
        }


class SourceError(Exception):
    """The file cannot be imported at all (a usage error: exit code 2)."""

    def __init__(self, key: str, hint: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key, self.hint, self.params = key, hint, params


# ---------------------------------------------------------------- columns


def column_key(name: str) -> str:
    """A column name without case, accents, spaces or punctuation: ``Nom_collectivité`` → ``nomcollectivite``."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass(frozen=True)
class Target:
    kind: str  # "cas_usage" or "collectivite"; "" for a column recognised but not imported
    name: str
    spec: FieldSpec | None = None


def _targets() -> dict[str, Target]:
    """Column keys of the export and of the Bibliothèque's data model, from the model's metadata.

    ``coll_nom`` names the collectivité of a use case and the collectivité's own name: it is read
    once, as the collectivité's name. Fields held in sub-records (``donnees_source``…) are known,
    but not imported: one column cannot fill a structured entry.
    """
    out: dict[str, Target] = {}
    for kind, model in (("collectivite", Collectivite), ("cas_usage", CasUsage)):
        for name, spec in specs(model).items():
            names = [spec.meta.bibliotheque, spec.meta.bibliotheque_export]
            target = Target(kind, name, spec) if spec.submodel is None else Target("", name, spec)
            for alias in names:
                if alias:
                    out.setdefault(column_key(alias), target)
            if spec.submodel is not None:
                for sub_name, sub in specs(spec.submodel).items():
                    for alias in (sub.meta.bibliotheque, sub.meta.bibliotheque_export):
                        if alias:
                            out.setdefault(column_key(alias), Target("", f"{name}.{sub_name}", sub))
    return out


TARGETS = _targets()
#: The columns that must be present for a row to make a record.
REQUIRED_COLUMNS = (("collectivite", "nom"), ("cas_usage", "nom"))


def _export_column_names() -> list[str]:
    names = []
    for model in (Collectivite, CasUsage):
        for spec in specs(model).values():
            if spec.meta.bibliotheque_export and spec.meta.bibliotheque_export not in names:
                names.append(spec.meta.bibliotheque_export)
    return names


# ---------------------------------------------------------------- reading the file


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


def read_export(path: Path) -> Export:
    """Read and decode the file, find its delimiter and columns; rows are kept as text."""
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

    # the delimiter that makes the most columns known (then the most columns)
    best: tuple[int, int, str] | None = None
    for delimiter in (",", ";", "\t"):
        header = _first_row(text, delimiter)
        known = sum(1 for h in header if column_key(h) in TARGETS)
        score = (known, len(header), delimiter)
        if best is None or score[:2] > best[:2]:
            best = score
    assert best is not None
    known, _n, delimiter = best
    if known == 0:
        first = text.strip().splitlines()[0][:120]
        raise SourceError("importer.pas-un-csv", "importer.pas-un-csv.aide", chemin=str(path), entete=first)

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

    columns: list[Column] = []
    seen: dict[tuple[str, str], str] = {}
    for index, raw_name in enumerate(header):
        name = raw_name.strip()
        target = TARGETS.get(column_key(name))
        used = any(index < len(r.cells) and r.cells[index].strip() for r in rows)
        if target is None:
            if name or used:
                params: dict[str, Any] = {"colonne": name or f"#{index + 1}"}
                close = difflib.get_close_matches(name, _export_column_names(), n=2, cutoff=0.6)
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
    missing = [f"{_export_name(kind, n)}" for kind, n in REQUIRED_COLUMNS if (kind, n) not in seen]
    if missing:
        raise SourceError("importer.colonnes-manquantes", "importer.colonnes-manquantes.aide",
                          chemin=str(path), colonnes=missing)
    return Export(path, encoding, delimiter, columns, rows, findings)


def _export_name(kind: str, name: str) -> str:
    meta = specs(MODELS[kind])[name].meta
    return meta.bibliotheque_export or meta.bibliotheque or name


# ---------------------------------------------------------------- values of the Bibliothèque's enumerations

#: The values the Bibliothèque's own data model enumerates (see ``../shared/domain/bibliotheque-ia.md``).
#: A cell outside them is reported as repaired even when iaterr's vocabulary knows the spelling
#: ("Terminé" for "Terminée", "Métropole", "EPT"…), so that the export's defects stay visible.
LIBRARY_VALUES: dict[tuple[str, str], set[str]] = {
    ("cas_usage", "statut"): {"En expérimentation", "En déploiement", "Terminée", "Abandonné",
                              "En réflexion", "En construction", "POC"},
    ("collectivite", "type"): {"Commune", "EPCI", "Département", "Région", "Syndicat mixte", "Opérateur"},
    ("cas_usage", "publics"): {"Grand public", "Bénéficiaire", "Agent", "Association", "Elu", "Entreprises",
                               "Collectivités", "Etablissement scolaire", "Etablissement santé"},
    ("cas_usage", "theme"): {t.fr for t in THEMES.terms},
    ("cas_usage", "sous_themes"): {t.fr for t in SOUS_THEMES.terms} | {"Eclairage public", "Education"},
}


def _typo(text: str) -> str:
    """Typography only: apostrophes and spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def _is_canonical(kind: str, name: str, vocab: Vocabulary, raw: str) -> bool:
    allowed = LIBRARY_VALUES.get((kind, name))
    if allowed is not None:
        return _typo(raw) in {_typo(v) for v in allowed}
    term = vocab.resolve(raw)
    return term is not None and _typo(raw) in (term.code, _typo(term.fr))


#: Collectivité types the export is known to get wrong, corrected with the reason reported.
#: Ville de Paris is typed "Département" in the 2025-04-16 export: since 2019 it is a collectivité à
#: statut particulier (the domain notes list it as a wrong value; iaterr's vocabulary already maps the
#: name "Ville de Paris" to statut_particulier).
TYPE_CORRECTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("ville-de-paris", "departement"): ("statut_particulier", "importer.raison.paris"),
}

# ---------------------------------------------------------------- splitting list cells

_PARTICLES = {"de", "du", "des", "la", "le", "les", "sur", "sous", "en", "et", "aux", "au", "lès", "lez", "d", "l"}
_SAINTS = {"saint", "sainte", "st", "ste"}
_PLACEHOLDERS = {"n/a", "na", "nc", "n.c.", "aucun", "aucune", "neant", "néant", "sans objet", "sans", "nsp"}
_STRONG = re.compile(r"\n|;|(?<!\d),|,(?!\d)")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+|\s+[–—]|[–—]\s+")
_BARE_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")


def _hyphen_key(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def known_compound_pairs(names: list[str]) -> set[tuple[str, str]]:
    """Pairs of words joined by a hyphen in known names (collectivités, partners of the repository):
    ``Paris-Saclay`` gives (paris, saclay), so that a list cell never splits it."""
    pairs: set[tuple[str, str]] = set()
    for name in names:
        for token in re.findall(r"[^\s,;()]+(?:-[^\s,;()]+)+", name):
            parts = [_hyphen_key(p) for p in token.split("-")]
            pairs.update(zip(parts, parts[1:]))
    return pairs


def _keeps_hyphen(left: str, right: str, known: set[tuple[str, str]]) -> bool:
    """Is the hyphen between ``left`` and ``right`` part of a name rather than a list separator?"""
    if (_hyphen_key(left), _hyphen_key(right)) in known:
        return True
    if left.isdigit() and right.isdigit():  # a range: 2023-2024
        return True
    for word in (left, right):
        if word.islower() and word.casefold() in _PARTICLES:  # Val-de-Loire, Noisy-le-Grand
            return True
    if re.match(r"^[dl]['’]", right):  # Villeneuve-d'Ascq
        return True
    if left.casefold().rstrip(".") in _SAINTS:  # Saint-Quentin
        return True
    # fragments too short to name anything on their own: Exo-Dev, e-administration (not EDF, an acronym)
    short = [len(w) for w in (re.sub(r"[^\w]", "", left), re.sub(r"[^\w]", "", right))
             if w and not w.isupper() and not w.isdigit()]
    return (len(short) == 2 and max(short) <= 3) or any(n <= 2 for n in short)


def _split_hyphens(piece: str, known: set[tuple[str, str]]) -> list[str]:
    parts, start = [], 0
    for m in _BARE_HYPHEN.finditer(piece):
        left = re.search(r"[^\s-]+$", piece[: m.start()])
        right = re.match(r"[^\s-]+", piece[m.end():])
        if left and right and not _keeps_hyphen(left.group(), right.group(), known):
            parts.append(piece[start: m.start()])
            start = m.end()
    parts.append(piece[start:])
    return [p.strip() for p in parts if p.strip()]


def is_placeholder(text: str) -> bool:
    """A cell that says "nothing": ``/``, ``-``, ``N/A``, ``aucun``…"""
    value = text.strip()
    return bool(value) and (re.fullmatch(r"[\W_]+", value) is not None or value.casefold() in _PLACEHOLDERS)


def split_list(cell: str, known: set[tuple[str, str]] = frozenset()) -> tuple[list[str], bool]:  # type: ignore[assignment]
    """Items of a list cell, and whether bare hyphens were taken as separators.

    Newlines, ``;`` and ``,`` (not between digits) always separate, and so do dashes with a
    space on either side. A bare hyphen separates only in a cell that uses no ``,`` nor ``;``
    (the export writes ``DRYAS-Kocliko-Domofrance``) and only between two words that do not
    form a name: particles (Val-de-Loire), Saint-…, ranges of numbers, short fragments (Exo-Dev)
    and hyphenated names already known (Paris-Saclay) keep their hyphen.
    """
    text = cell.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    uses_commas = re.search(r";|(?<!\d),|,(?!\d)", text) is not None
    items: list[str] = []
    split_on_hyphen = False
    for piece in _STRONG.split(text):
        for sub in _SPACED_DASH.split(piece):
            sub = " ".join(sub.split())
            if not sub:
                continue
            if uses_commas:
                items.append(sub)
                continue
            parts = _split_hyphens(sub, known)
            split_on_hyphen |= len(parts) > 1
            items.extend(parts)
    return items, split_on_hyphen


# ---------------------------------------------------------------- converting cells


def _clean(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u202f", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _diag_param(diag: Diagnostic) -> dict[str, Any]:
    return {"t": f"diag.{diag.code}", "p": {k: v for k, v in diag.params.items() if k != "_hint"}}


_ONE_LINE = {("cas_usage", "nom"), ("collectivite", "nom"), ("cas_usage", "nom_algorithme")}
_EXCEL_EPOCH = date(1899, 12, 30)


class RowParser:
    """Turns the cells of one row into field values, recording what was repaired or left out."""

    def __init__(self, line: int, findings: list[Finding], known: set[tuple[str, str]]) -> None:
        self.line = line
        self.findings = findings
        self.known = known
        self.rejected: set[tuple[str, str]] = set()

    def note(self, level: str, key: str, **params: Any) -> None:
        self.findings.append(Finding(level, key, params, self.line))

    # -- one cell
    def convert(self, target: Target, raw: str, column: str) -> Any:
        spec = target.spec
        assert spec is not None
        text = _clean(raw)
        if not text:
            return None
        if is_placeholder(text) and not (spec.vocab is not None and spec.vocab.resolve(text)):
            self.note(REPARE, "importer.valeur-remplissage", colonne=column, valeur=text)
            return None
        kind, name = target.kind, target.name
        if spec.vocab is not None:
            return self._codes(target, text, column) if spec.is_list else self._code(target, text, column)
        if spec.is_list:
            return self._texts(target, text, column)
        if (kind, name) in _ONE_LINE:
            one = " ".join(text.split())
            if "\n" in text:
                self.note(REPARE, "importer.une-ligne", colonne=column, valeur=one)
            text = one
        elif spec.kind == "siret":
            return self._siret(target, text, column)
        elif spec.kind == "url":
            return self._url(target, text, column)
        elif spec.kind == "email":
            if text.lower().startswith("mailto:"):
                self.note(REPARE, "importer.mailto", colonne=column, valeur=text)
                text = text[7:].strip()
        elif spec.kind == "date":
            return self._date(target, text, column)
        elif spec.kind == "nombre":
            if re.fullmatch(r"[+-]?\d+,\d+", text):
                fixed = text.replace(",", ".")
                self.note(REPARE, "importer.virgule-decimale", colonne=column, valeur=text, nombre=fixed)
                text = fixed
            return self._checked(target, text, column, typed=True)
        return self._checked(target, text, column)

    def _checked(self, target: Target, value: Any, column: str, *, typed: bool = False) -> Any:
        typed_value, diags = check_answer(MODELS[target.kind], target.name, value)
        if diags:
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.valeur-refusee", colonne=column, valeur=value, raison=_diag_param(diags[0]))
            return None
        return typed_value if typed else value

    def _term(self, target: Target, raw: str, column: str):
        vocab = target.spec.vocab  # type: ignore[union-attr]
        term = vocab.resolve(raw)
        if term is None:
            close = vocab.suggest(raw)
            if close:
                self.note(ECARTE, "importer.valeur-inconnue.proche", colonne=column, valeur=raw, suggestions=close)
            else:
                self.note(ECARTE, "importer.valeur-inconnue", colonne=column, valeur=raw)
            self.rejected.add((target.kind, target.name))
            return None
        if not _is_canonical(target.kind, target.name, vocab, raw):
            key = ("importer.hors-enumeration" if (target.kind, target.name) in LIBRARY_VALUES
                   else "importer.valeur-convertie")
            self.note(REPARE, key, colonne=column, valeur=raw, code=term.code)
        return term

    def _code(self, target: Target, text: str, column: str) -> str | None:
        term = self._term(target, " ".join(text.split()), column)
        return term.code if term else None

    def _codes(self, target: Target, text: str, column: str) -> list[str] | None:
        vocab = target.spec.vocab  # type: ignore[union-attr]
        pieces = [" ".join(p.split()) for p in _STRONG.split(text)]
        items: list[str] = []
        for piece in pieces:
            for sub in _SPACED_DASH.split(piece):
                sub = sub.strip()
                if not sub or is_placeholder(sub):
                    continue
                if vocab.resolve(sub) is None and "-" in sub:
                    parts = [p.strip() for p in sub.split("-") if p.strip()]
                    if parts and all(vocab.resolve(p) for p in parts):
                        items.extend(parts)
                        continue
                items.append(sub)
        codes: list[str] = []
        for item in items:
            term = self._term(target, item, column)
            if term is not None and term.code not in codes:
                codes.append(term.code)
        return codes or None

    def _texts(self, target: Target, text: str, column: str) -> list[str] | None:
        items, hyphens = split_list(text, self.known)
        kept = [i for i in items if not is_placeholder(i)]
        if len(kept) < len(items):
            self.note(REPARE, "importer.valeur-remplissage", colonne=column,
                      valeur=", ".join(i for i in items if is_placeholder(i)))
        if hyphens and kept:
            self.note(REPARE, "importer.liste-traits-union", colonne=column, valeur=" ".join(text.split()),
                      elements=kept)
        return kept or None

    def _siret(self, target: Target, text: str, column: str) -> str | None:
        compact = re.sub(r"[\s.\u00a0\u202f-]", "", text)
        if re.fullmatch(r"\d{14}0+", compact) and re.fullmatch(r"\d{14}\.0+", text.strip()):
            compact = compact[:14]  # a number a spreadsheet wrote as 24310063300391.0
        if not re.fullmatch(r"\d{14}", compact):
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.siret-format", colonne=column, valeur=text)
            return None
        if not siret_checksum_ok(compact):
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.siret-cle", colonne=column, valeur=text)
            return None
        if compact != text:
            self.note(REPARE, "importer.siret-compacte", colonne=column, valeur=text, siret=compact)
        return compact

    def _url(self, target: Target, text: str, column: str) -> str | None:
        value = text.strip()
        if re.match(r"^www\.[^\s]+\.[^\s]+$", value, re.IGNORECASE):
            fixed = "https://" + value
            if not check_answer(MODELS[target.kind], target.name, fixed)[1]:
                self.note(REPARE, "importer.url-completee", colonne=column, valeur=value, url=fixed)
                return fixed
        if check_answer(MODELS[target.kind], target.name, value)[1]:
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.url-texte", colonne=column, valeur=" ".join(value.split()))
            return None
        return value

    def _date(self, target: Target, text: str, column: str) -> str | None:
        value = text.strip()
        m = re.fullmatch(r"(.+?)[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", value)
        if m:
            value = m.group(1)
        iso: str | None = None
        serial = False
        if parse_partial_date(value):
            iso = value
        elif french_date_to_iso(value):
            iso = french_date_to_iso(value)
        elif re.fullmatch(r"\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d{1,2}[-.]\d{4}", value):
            iso = french_date_to_iso(re.sub(r"[-.]", "/", value))
        elif (m2 := re.fullmatch(r"(\d{4})/(\d{1,2})(?:/(\d{1,2}))?", value)):
            candidate = f"{m2.group(1)}-{int(m2.group(2)):02d}" + (f"-{int(m2.group(3)):02d}" if m2.group(3) else "")
            iso = candidate if parse_partial_date(candidate) else None
        elif re.fullmatch(r"\d{5}(?:[.,]0+)?", value):
            number = int(re.split(r"[.,]", value)[0])
            if 20000 <= number <= 80000:  # 1954 to 2119: a spreadsheet's day count
                iso = (_EXCEL_EPOCH + timedelta(days=number)).isoformat()
                serial = True
        if iso is None:
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.date-invalide", colonne=column, valeur=text)
            return None
        if serial:
            self.note(REPARE, "importer.date-serie", colonne=column, valeur=text, date=iso)
        elif value != text.strip() or not (parse_partial_date(text.strip()) or french_date_to_iso(text.strip())):
            self.note(REPARE, "importer.date-convertie", colonne=column, valeur=text, date=iso)
        return iso


# ---------------------------------------------------------------- rows


@dataclass
class ParsedRow:
    line: int
    coll: dict[str, Any]
    uc: dict[str, Any]
    #: fields whose value was refused (a SIRET with a wrong checksum…)
    rejected: set[tuple[str, str]]


def parse_row(export: Export, row: SourceRow, findings: list[Finding], known: set[tuple[str, str]]) -> ParsedRow:
    parser = RowParser(row.line, findings, known)
    coll: dict[str, Any] = {}
    uc: dict[str, Any] = {}
    extra = [c for c in row.cells[len(export.columns):] if c.strip()]
    if extra:
        parser.note(ECARTE, "importer.cellules-en-trop", nombre=len(extra), colonnes=len(export.columns))
    for column in export.columns:
        if column.target is None or column.index >= len(row.cells):
            continue
        value = parser.convert(column.target, row.cells[column.index], column.header)
        if value is None:
            continue
        (coll if column.target.kind == "collectivite" else uc)[column.target.name] = value
    # partners that are a way of building the project, not a partner: "développé en régie"
    partners = uc.get("partenaires")
    if partners:
        kept = []
        for item in partners:
            term = MISES_EN_OEUVRE.resolve(item)
            if term is None:
                kept.append(item)
                continue
            if "mise_en_oeuvre" not in uc:
                uc["mise_en_oeuvre"] = term.code
            parser.note(REPARE, "importer.partenaire-mise-en-oeuvre", valeur=item, code=term.code)
        if kept:
            uc["partenaires"] = kept
        else:
            del uc["partenaires"]
    # a sub-theme of another theme than the row's: validate would refuse the record
    theme, subs = uc.get("theme"), uc.get("sous_themes")
    if theme and subs:
        kept = []
        for code in subs:
            parent = SOUS_THEMES[code].parent
            if parent == theme:
                kept.append(code)
            else:
                parser.note(ECARTE, "importer.sous-theme-hors-theme", sous_theme=code, parent=parent, theme=theme)
        if kept:
            uc["sous_themes"] = kept
        else:
            del uc["sous_themes"]
    # known errors of the collectivité type
    name, ctype = coll.get("nom"), coll.get("type")
    if name and ctype:
        fix = TYPE_CORRECTIONS.get((slugify(name), ctype))
        if fix:
            coll["type"] = fix[0]
            parser.note(REPARE, "importer.type-corrige", collectivite=name, avant=ctype, apres=fix[0],
                        raison={"t": fix[1]})
        elif fold(name).startswith("syndicat") and ctype not in ("syndicat", "syndicat_mixte"):
            parser.note(INFO, "importer.type-a-verifier", collectivite=name, code=ctype)
    return ParsedRow(row.line, coll, uc, parser.rejected)


# ---------------------------------------------------------------- records of the repository


MARK_TOKEN = "iaterr import bibliotheque"
#: Lint rules that fire on an imported use case only because the public export lacks the fields (or a
#: date) that would settle them: the import says so with a justified silence, rule by rule.
UC_SILENCES = ("crpa-decisions-non-renseignees", "ia-act-risque-non-evalue", "qualite-fin-sans-date",
               "fraicheur-experimentation-longue")
COLL_SILENCES = ("siret-manquant",)
_SILENCE_REASONS = ("importer.silence.absent", "importer.silence.siret-faux")


@dataclass
class Existing:
    kind: str
    ident: str
    path: Path
    data: dict[str, Any]
    text: str

    @property
    def owned(self) -> bool:
        return is_owned(self.text)


def is_owned(text: str) -> bool:
    """Was this record created by the import (its marker comment is still there)?"""
    return any(line.startswith("#") and MARK_TOKEN in line for line in text.splitlines())


def load_records(repo: Repository, kind: str) -> list[Existing]:
    folder = repo.kind_dir(kind)
    out = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        raw = path.read_bytes()
        doc = read_document(raw, path.name)
        data = doc.data if isinstance(doc.data, dict) else {}
        out.append(Existing(kind, str(data.get("identifiant") or path.stem), path, data,
                            raw.decode("utf-8", "replace")))
    return out


_GENERIC_WORDS = {
    "de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "par", "pour", "sur", "avec", "aux", "au", "un", "une",
    "ia", "projet", "experimentation", "intelligence", "artificielle", "the", "of", "and", "ville", "commune",
    "communaute", "agglomeration", "metropole", "departement", "region", "ca", "cc", "cu", "ept", "epci",
    "syndicat", "etablissement", "public", "territorial",
}


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", fold(text)) if len(w) >= 3 and w not in _GENERIC_WORDS}


def similar_names(a: str, b: str) -> bool:
    """Names close enough to be the same thing described twice (never enough to merge records): most of
    the distinctive words of the shorter one are in the other ("Détection des fuites d'eau par l'IA" and
    "Expérimentation IA pour la détection des fuites d'eau")."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


# ---------------------------------------------------------------- comparing and writing values


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def same_value(spec: FieldSpec, current: Any, new: Any) -> bool:
    """Do a value read from a record (text as written) and an imported one mean the same?"""
    if _empty(current) and _empty(new):
        return True
    if spec.vocab is not None:
        def codes(v: Any) -> list[str]:
            items = v if isinstance(v, list) else [v]
            out = []
            for item in items:
                term = spec.vocab.resolve(str(item)) if item is not None else None  # type: ignore[union-attr]
                out.append(term.code if term else str(item))
            return out

        return codes(current) == codes(new)
    if spec.kind == "nombre":
        try:
            return float(str(current)) == float(str(new))
        except ValueError:
            return False
    if isinstance(current, list) or isinstance(new, list):
        return isinstance(current, list) and isinstance(new, list) and [str(c) for c in current] == [str(n) for n in new]
    return str(current) == str(new)


def _comment_token(text: str):
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(text, CommentMark(0), None)


def _last_holder(cmap: Any, key: Any) -> tuple[Any, Any, int]:
    """The container and key whose trailing comment ends the value of ``key`` (and the slot index)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    holder, hkey = cmap, key
    value = cmap[key]
    while isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        if isinstance(value, CommentedSeq):
            holder, hkey = value, len(value) - 1
        else:
            holder, hkey = value, list(value.keys())[-1]
        value = holder[hkey]
    return holder, hkey, (2 if isinstance(holder, CommentedMap) else 0)


def _is_block(value: Any) -> bool:
    """Block scalars end their own line: a comment after them needs one newline less."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, (FoldedScalarString, LiteralScalarString))


def _take_trailing(cmap: Any, key: Any) -> tuple[str, int] | None:
    """Remove the comment lines that follow the value of ``key``: (their text, blank lines before them)."""
    holder, hkey, slot = _last_holder(cmap, key)
    items = holder.ca.items.get(hkey)
    if not items or items[slot] is None:
        return None
    token = items[slot]
    value = token.value
    if not value.startswith("\n"):  # an end-of-line comment stays where it is
        first, _sep, rest = value.partition("\n")
        if not rest.strip():
            return None
        token.value = first + "\n"
        value = "\n" + rest
    else:
        items[slot] = None
    body = value.lstrip("\n")
    newlines = len(value) - len(body)
    return body, max(0, newlines - (0 if _is_block(holder[hkey]) else 1))


def _put_trailing(cmap: Any, key: Any, body: str, blank: int) -> None:
    holder, hkey, slot = _last_holder(cmap, key)
    items = holder.ca.items.setdefault(hkey, [None, None, None, None])
    while len(items) < 4:
        items.append(None)
    newlines = blank + (0 if _is_block(holder[hkey]) else 1)
    items[slot] = _comment_token("\n" * newlines + body)


def set_key(cmap: Any, model: type, key: str, value: Any, lang: str) -> None:
    """Set ``key`` in a round-trip mapping: in place if present, else in the model's order, in its section."""
    styled = to_commented(model, {key: value}, lang=lang, sections=False)[key]
    if key in cmap:
        cmap[key] = styled
        return
    fields = specs(model)
    order = list(fields)
    where = order.index(key)
    existing = list(cmap.keys())
    ranked = [k for k in existing if k in fields]
    prev = next((k for k in reversed(ranked) if order.index(k) < where), None)
    nxt = next((k for k in ranked if order.index(k) > where), None)
    section = fields[key].meta.section
    if nxt is not None and fields[nxt].meta.section == section:
        cmap.insert(existing.index(nxt), key, styled)
        return
    if prev is None:
        cmap.insert(0, key, styled)
        return
    cmap.insert(existing.index(prev) + 1, key, styled)
    moved = _take_trailing(cmap, prev)
    if fields[prev].meta.section != section:
        _put_trailing(cmap, prev, f"# --- {SECTIONS[section].label(lang)} ---\n", 1)
    if moved:
        _put_trailing(cmap, key, *moved)


def _header_index(lines: list[str]) -> int:
    """Where comments of the import go: after the leading comments, before the first section heading."""
    for index, line in enumerate(lines):
        if not line.startswith("#") or line.startswith("# ---"):
            return index
    return len(lines)


def _reason_patterns() -> list[re.Pattern[str]]:
    out = []
    for key in _SILENCE_REASONS:
        for catalogue in CATALOGUES.values():
            template = catalogue[key]
            out.append(re.compile(re.escape(template).replace(re.escape("{date}"), ".+?") + r"\s*$"))
    return out


def _silence_lines(text: str) -> list[tuple[int, list[str], str]]:
    """The import's own silence lines: (index, codes, reason)."""
    from iaterr.lint.engine import SILENCE_RE

    patterns = _reason_patterns()
    out = []
    for index, line in enumerate(text.split("\n")):
        m = SILENCE_RE.match(line) if line.startswith("#") else None
        if m and any(p.match(m.group(2).strip()) for p in patterns):
            out.append((index, [c.strip() for c in m.group(1).split(",") if c.strip()], m.group(2).strip()))
    return out


def _other_silenced(text: str) -> set[str]:
    from iaterr.lint.engine import find_silences

    ours = {index + 1 for index, _c, _r in _silence_lines(text)}
    return {code for s in find_silences(text) if s.line not in ours for code in s.codes}


def with_import_silence(text: str, codes: list[str], reason: str) -> str:
    """``text`` whose import silence names exactly ``codes`` (an existing reason is kept)."""
    lines = text.split("\n")
    found = _silence_lines(text)
    if found and found[0][1] == codes and len(found) == 1:
        return text
    index = found[0][0] if found else None
    if found:
        reason = found[0][2]
        for i, _c, _r in reversed(found):
            del lines[i]
    if codes:
        line = f"# iaterr: ignore[{', '.join(codes)}] {reason}"
        lines.insert(index if index is not None else _header_index(lines), line)
    return "\n".join(lines)


def with_header_lines(text: str, new_lines: list[str]) -> str:
    lines = text.split("\n")
    at = _header_index(lines)
    return "\n".join(lines[:at] + new_lines + lines[at:])


# ---------------------------------------------------------------- lint rules the export cannot satisfy


def firing_codes(repo: Repository, kind: str, data: dict[str, Any], coll: dict[str, Any] | None) -> list[str]:
    """Which of the rules the public export cannot satisfy fire on ``data`` (in a fixed order)."""
    import iaterr.lint.rules  # noqa: F401 - registers the rules
    from iaterr.lint.engine import RecordContext, setting_severity
    from iaterr.lint.rules import RULES
    from iaterr.repo.gitops import GitHistory
    from iaterr.lint.run import settings_of

    settings = settings_of(repo)
    if kind == "collectivite":
        if _empty(data.get("siret")) and setting_severity(settings, "siret-manquant", Severity.WARNING):
            return ["siret-manquant"]
        return []
    from iaterr.lint.run import environment_today

    ctx = RecordContext("-", "cas_usage", data, None, coll, settings, GitHistory(), environment_today() or date.today())
    out = []
    for code in UC_SILENCES:
        rule = RULES[code]
        if setting_severity(settings, code, rule.severite) is None or rule.check is None:
            continue
        if any(True for _f in rule.check(ctx) or ()):
            out.append(code)
    return out


# ---------------------------------------------------------------- the import


@dataclass
class _Group:
    """One collectivité of the export: its rows and merged values."""

    name: str
    lines: list[int] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)
    siret_rejected: bool = False
    ident: str | None = None
    existing: Existing | None = None
    ok: bool = True
    errors: list[dict[str, Any]] = field(default_factory=list)


def export_date_of(path: Path, rows: list[ParsedRow]) -> str:
    """The date of the export: in the file name (``…-2025-04-16.csv``), else its latest update date."""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", path.name)
    if m and parse_partial_date(m.group(0)):
        return m.group(0)
    dates = sorted(str(r.uc["date_mise_a_jour"]) for r in rows if r.uc.get("date_mise_a_jour"))
    return dates[-1] if dates else date.today().isoformat()


#: Identifiers are made as for every record (``slugify``: cut between words).
identifier = slugify


def collectivite_identifier(name: str) -> str:
    """``Ville de Metz`` → ``metz`` (the repository's habit), others: the slug of the name."""
    base = re.sub(r"^(ville|commune)\s+(de\s+|d['’]\s*)", "", name.strip(), flags=re.IGNORECASE)
    return identifier(base) or identifier(name)


def use_case_identifier(coll_id: str, nom: str) -> str:
    """``<collectivité>-<projet>``, as the repository's records are named (``sicoval-detection-fuites-eau``)."""
    return identifier(f"{coll_id} {nom}")


class _Importer:
    def __init__(self, repo: Repository, export: Export, *, dry_run: bool, lang: str) -> None:
        self.repo = repo
        self.export = export
        self.dry_run = dry_run
        self.lang = lang  # the records' language
        self.findings: list[Finding] = list(export.findings)
        self.records: list[RecordResult] = []
        self.colls = load_records(repo, "collectivite")
        self.cases = load_records(repo, "cas_usage")
        self.taken = {"collectivite": {e.path.stem for e in self.colls} | {e.ident for e in self.colls},
                      "cas_usage": {e.path.stem for e in self.cases} | {e.ident for e in self.cases}}
        self.written: dict[str, dict[str, Any]] = {}

    def note(self, level: str, key: str, line: int | None = None, **params: Any) -> None:
        self.findings.append(Finding(level, key, params, line))

    def known_names(self) -> list[str]:
        names = [str(e.data.get("nom") or "") for e in self.colls]
        for e in self.cases:
            for key in ("partenaires", "fournisseurs"):
                value = e.data.get(key)
                if isinstance(value, list):
                    names += [str(v) for v in value if isinstance(v, str)]
        coll_columns = [c.index for c in self.export.columns if c.target and c.target.kind == "collectivite"
                        and c.target.name == "nom"]
        for row in self.export.rows:
            names += [row.cells[i] for i in coll_columns if i < len(row.cells)]
        return names

    def unique(self, kind: str, base: str) -> str:
        base = base or "fiche"
        candidate, n = base, 1
        while candidate in self.taken[kind]:
            n += 1
            suffix = f"-{n}"
            candidate = base[: 80 - len(suffix)].rstrip("-") + suffix
        self.taken[kind].add(candidate)
        return candidate

    def rel(self, path: Path) -> str:
        return self.repo.rel(path)

    # -- the whole run
    def run(self) -> tuple[list[ParsedRow], str]:
        known = known_compound_pairs(self.known_names())
        rows = [parse_row(self.export, row, self.findings, known) for row in self.export.rows]
        export_date = export_date_of(self.export.path, rows)
        usable = []
        for row in rows:
            if not row.coll.get("nom"):
                self.note(IGNORE, "importer.collectivite-manquante", row.line)
            elif not row.uc.get("nom"):
                self.note(IGNORE, "importer.projet-manquant", row.line)
            else:
                usable.append(row)
        groups = self.group(usable)
        for group in groups.values():
            self.collectivite(group, export_date)
        by_row = {line: g for g in groups.values() for line in g.lines}
        seen: dict[tuple[str, str], int] = {}
        for row in usable:
            group = by_row[row.line]
            if not group.ok:
                self.note(IGNORE, "importer.collectivite-invalide", row.line, collectivite=group.name,
                          erreurs=group.errors)
                continue
            key = (group.ident or "", slugify(row.uc["nom"]))
            if key in seen:
                self.note(IGNORE, "importer.ligne-double", row.line, ligne=seen[key])
                continue
            seen[key] = row.line
            self.use_case(row, group, export_date)
        return rows, export_date

    # -- collectivités
    def group(self, rows: list[ParsedRow]) -> dict[int, _Group]:
        groups: dict[int, _Group] = {}
        by_siret: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for row in rows:
            name = row.coll["nom"]
            siret = row.coll.get("siret")
            gid = by_siret.get(siret) if siret else None
            if gid is None:
                gid = by_name.get(slugify(name))
            if gid is None:
                gid = len(groups)
                groups[gid] = _Group(name)
            group = groups[gid]
            by_name.setdefault(slugify(name), gid)
            if siret:
                by_siret.setdefault(siret, gid)
            group.lines.append(row.line)
            if ("collectivite", "siret") in row.rejected:
                group.siret_rejected = True
            for key, value in row.coll.items():
                if key not in group.values:
                    group.values[key] = value
                    group.first_line[key] = row.line
                    continue
                spec = specs(Collectivite)[key]
                if not same_value(spec, group.values[key], value):
                    column = next((c.header for c in self.export.columns if c.target is not None
                                   and (c.target.kind, c.target.name) == ("collectivite", key)), key)
                    self.note(ECARTE, "importer.conflit", row.line, champ=column, valeur=value,
                              collectivite=group.name, ligne=group.first_line[key], premiere=group.values[key])
        return groups

    def match_collectivite(self, group: _Group) -> tuple[Existing | None, str]:
        siret = group.values.get("siret")
        if siret:
            for e in self.colls:
                if str(e.data.get("siret") or "") == siret:
                    return e, "siret"
        key = slugify(group.name)
        for e in self.colls:
            if slugify(str(e.data.get("nom") or "")) == key:
                return e, "nom"
        return None, ""

    def collectivite(self, group: _Group, export_date: str) -> None:
        existing, how = self.match_collectivite(group)
        line = group.lines[0]
        values = dict(group.values)
        if existing is not None:
            group.ident = existing.ident
            group.existing = existing
            if not existing.owned:
                self.note(INFO, "importer.collectivite-rattachee", line, collectivite=group.name,
                          fiche=self.rel(existing.path), par={"t": f"importer.par.{how}"})
            # an update refused by validation leaves the record as it is: its use cases still refer to it
            self.update(existing, values, group.lines, export_date, siret_rejected=group.siret_rejected,
                        coll_data=None)
            return
        ident = self.unique("collectivite", collectivite_identifier(group.name))
        group.ident = ident
        for e in self.colls:
            if similar_names(group.name, str(e.data.get("nom") or "")):
                self.note(INFO, "importer.collectivite-proche", line, collectivite=group.name,
                          fiche=self.rel(e.path), nom=str(e.data.get("nom")))
        data = {"identifiant": ident, **values}
        ok, errors = self.create("collectivite", ident, data, group.lines, export_date,
                                 siret_rejected=group.siret_rejected, coll_data=None)
        if not ok:
            group.ok = False
            group.errors = errors
        else:
            self.written[ident] = data

    # -- use cases
    def match_use_case(self, coll_id: str, nom: str) -> Existing | None:
        key = slugify(nom)
        derived = use_case_identifier(coll_id, nom)
        same = [e for e in self.cases if str(e.data.get("collectivite")) == coll_id
                and slugify(str(e.data.get("nom") or "")) == key]
        if same:
            same.sort(key=lambda e: (e.ident != derived, e.ident))
            return same[0]
        for e in self.cases:
            if e.ident == derived and str(e.data.get("collectivite")) == coll_id:
                return e
        return None

    def use_case(self, row: ParsedRow, group: _Group, export_date: str) -> None:
        coll_id = group.ident or ""
        values = dict(row.uc)
        coll_data = self.written.get(coll_id) or (group.existing.data if group.existing else None)
        existing = self.match_use_case(coll_id, values["nom"])
        if existing is not None:
            if not existing.owned:
                self.note(INFO, "importer.fiche-existante", row.line, fiche=self.rel(existing.path))
            self.update(existing, values, [row.line], export_date, siret_rejected=False, coll_data=coll_data)
            return
        ident = self.unique("cas_usage", use_case_identifier(coll_id, values["nom"]))
        for e in self.cases:
            if str(e.data.get("collectivite")) == coll_id and similar_names(values["nom"], str(e.data.get("nom") or "")):
                self.note(INFO, "importer.doublon-possible", row.line, fiche=self.rel(e.path),
                          nom=str(e.data.get("nom")))
        data = {"identifiant": ident, "collectivite": coll_id, **values}
        self.create("cas_usage", ident, data, [row.line], export_date, siret_rejected=False, coll_data=coll_data)

    # -- writing
    def silence(self, kind: str, plain: dict[str, Any], coll_data: dict[str, Any] | None, text: str,
                export_date: str, *, owned: bool, siret_rejected: bool) -> str:
        codes = firing_codes(self.repo, kind, plain, coll_data)
        codes = [c for c in codes if c not in _other_silenced(text)]
        if not owned:
            current = {c for _i, cs, _r in _silence_lines(text) for c in cs}
            codes = [c for c in codes if c in current]
        key = "importer.silence.siret-faux" if kind == "collectivite" and siret_rejected else "importer.silence.absent"
        return with_import_silence(text, codes, message(key, self.lang, date=export_date))

    def check(self, kind: str, rel: str, text: str) -> list[dict[str, Any]]:
        result = check_file(text.encode("utf-8"), rel, kind).result
        return [_diag_param(d) for d in result.diagnostics if d.severity == Severity.ERROR]

    def create(self, kind: str, ident: str, data: dict[str, Any], lines: list[int], export_date: str, *,
               siret_rejected: bool, coll_data: dict[str, Any] | None) -> tuple[bool, list[dict[str, Any]]]:
        path = self.repo.record_path(kind, ident)
        rel = self.rel(path)

        def finish(text: str, _data: dict[str, Any]) -> str:
            text = with_header_lines(text, ["# " + message("importer.marqueur", self.lang)])
            plain = read_document(text.encode("utf-8"), rel).data or {}
            return self.silence(kind, plain, coll_data, text, export_date, owned=True, siret_rejected=siret_rejected)

        # the import creates the collectivités it refers to in the same run
        record = new_record(self.repo, kind, data, lang=self.lang, finish=finish, stamp_update=False,
                            known_collectivites={str(data.get("collectivite"))})
        errors = [_diag_param(d) for d in record.problems]
        if errors:
            for line in lines:
                self.note(IGNORE, "importer.fiche-invalide", line, fiche=rel, erreurs=errors)
            self.records.append(RecordResult(kind, ident, rel, IGNOREE, lines))
            return False, errors
        if not self.dry_run:
            write_record(self.repo, record)
        self.records.append(RecordResult(kind, ident, rel, CREE, lines))
        return True, []

    def update(self, existing: Existing, values: dict[str, Any], lines: list[int], export_date: str, *,
               siret_rejected: bool, coll_data: dict[str, Any] | None) -> str | None:
        kind = existing.kind
        model = MODELS[kind]
        fields = specs(model)
        rel = self.rel(existing.path)
        owned = existing.owned
        current = existing.data
        # the theme the record will have decides which sub-themes it may take
        theme = values.get("theme") if (owned or _empty(current.get("theme"))) else current.get("theme")
        theme_term = THEMES.resolve(str(theme)) if theme else None
        if values.get("sous_themes") and theme_term is not None:
            subs = [c for c in values["sous_themes"] if SOUS_THEMES[c].parent == theme_term.code]
            for code in values["sous_themes"]:
                if code not in subs:
                    self.note(ECARTE, "importer.sous-theme-hors-theme", lines[0], sous_theme=code,
                              parent=SOUS_THEMES[code].parent, theme=theme_term.code)
            values = {**values, "sous_themes": subs} if subs else {k: v for k, v in values.items() if k != "sous_themes"}
        changed: list[str] = []
        kept: list[str] = []
        todo: dict[str, Any] = {}
        for key in fields:
            if key not in values:
                continue
            value = values[key]
            if _empty(current.get(key)):
                todo[key] = value
            elif same_value(fields[key], current.get(key), value):
                continue
            elif owned:
                todo[key] = value
            else:
                kept.append(key)
        if kept:
            self.note(INFO, "importer.valeurs-gardees", lines[0], fiche=rel, champs=kept)
        text = existing.text
        if todo:
            cmap = load_roundtrip(existing.path)
            for key, value in todo.items():
                set_key(cmap, model, key, value, self.lang)
                changed.append(key)
            text = dump_roundtrip(cmap)
        plain = read_document(text.encode("utf-8"), rel).data or {}
        text = self.silence(kind, plain, coll_data, text, export_date, owned=owned, siret_rejected=siret_rejected)
        if text == existing.text:
            self.records.append(RecordResult(kind, existing.ident, rel, INCHANGE, lines))
            return INCHANGE
        errors = self.check(kind, rel, text)
        if errors:
            for line in lines:
                self.note(IGNORE, "importer.mise-a-jour-invalide", line, fiche=rel, erreurs=errors)
            self.records.append(RecordResult(kind, existing.ident, rel, IGNOREE, lines))
            return None
        if not self.dry_run:
            atomic_write(existing.path, text, root=self.repo.root)
        if not changed:  # only the import's silence changed
            changed = ["# iaterr: ignore"]
        self.records.append(RecordResult(kind, existing.ident, rel, MIS_A_JOUR, lines, changed))
        return MIS_A_JOUR


def import_bibliotheque(repo: Repository, path: Path, *, dry_run: bool = False,
                        lang: str | None = None) -> ImportReport:
    """Import the export at ``path`` into ``repo``; with ``dry_run``, write nothing.

    ``lang``: the language of the comments written in records (default: the repository's).
    Raises :class:`SourceError` when the file cannot be read as an export at all.
    """
    export = read_export(Path(path))
    importer = _Importer(repo, export, dry_run=dry_run, lang=lang or repo.config.langue)
    _rows, export_date = importer.run()
    findings = sorted(importer.findings, key=lambda f: f.line or 0)
    return ImportReport(
        source=str(path), encoding=export.encoding, delimiter=export.delimiter, rows=len(export.rows),
        export_date=export_date, dry_run=dry_run, findings=findings, records=importer.records,
    )
