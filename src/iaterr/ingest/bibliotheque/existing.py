"""The repository's records as the import sees them, and matching the export's rows with them.

Records are read through the project's one loader (:func:`iaterr.check.loader.load`): a record file
that is a symbolic link is reported by the loader (``lien-symbolique``) and never read; the import
lists it in :attr:`Records.links`, to report it, and leaves it alone.

A record whose head holds the import's marker comment (:data:`MARK_TOKEN`) was created by the import
(:func:`is_owned`); the others were written by hand or from the booklet, and are only completed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.check.loader import RecordFile, Want, load
from iaterr.check.validate import Checked
from iaterr.model.identifiers import slugify
from iaterr.model.vocab import fold
from iaterr.repo.config import Repository

#: In the marker comment of every record the import created, whatever its language
#: (``importer.marqueur`` in both catalogues).
MARK_TOKEN = "iaterr import bibliotheque"


@dataclass
class Existing:
    """A record of the repository: its data as written (text values) and the text of its file."""

    kind: str
    ident: str
    path: Path
    data: dict[str, Any]
    text: str

    @property
    def owned(self) -> bool:
        return is_owned(self.text)


#: The provenance line the import writes under its marker: the export's date and file
#: (``importer.provenance`` in both catalogues: « export du 2025-04-16 », "export of 2025-04-16").
_PROVENANCE = re.compile(r"^#.*" + re.escape(MARK_TOKEN)
                         + r".*\b(?:export (?:du|of) (\d{4}-\d{2}-\d{2})\b|export non daté|undated export)")


def provenance_date(text: str) -> str | None:
    """The date of the export a record was last imported from, as its provenance comment says (None: not said)."""
    for line in text.splitlines():
        m = _PROVENANCE.match(line)
        if m:
            return m.group(1)
    return None


def is_provenance(line: str) -> bool:
    return bool(_PROVENANCE.match(line))


def is_owned(text: str) -> bool:
    """Was this record created by the import (its marker comment is still there)?"""
    return any(line.startswith("#") and MARK_TOKEN in line for line in text.splitlines())


@dataclass
class Records:
    collectivites: list[Existing] = field(default_factory=list)
    cas_usage: list[Existing] = field(default_factory=list)
    #: record files that are symbolic links: (path relative to the repository, the link's target), not read
    links: list[tuple[str, str]] = field(default_factory=list)


def as_written(_file: RecordFile, checked: Checked) -> tuple[Any, str]:
    """What the import keeps of each record the loader reads: its data as written and its text."""
    return checked.document.data, checked.raw.decode("utf-8", "replace")


def read_records(repo: Repository) -> Records:
    """The repository's records, read by the loader (links reported by it and left out), in path order."""
    report = load(repo, want=Want(analyse=as_written), use_cache=False)
    out = Records()
    by_kind = {"collectivite": out.collectivites, "cas_usage": out.cas_usage}
    for result in sorted(report.results, key=lambda r: r.rel):
        if result.kind not in by_kind or not isinstance(result.analysis, tuple):
            continue  # unreadable, or a link the loader refused to follow
        data, text = result.analysis
        data = data if isinstance(data, dict) else {}
        path = Path(repo.root) / result.rel
        by_kind[result.kind].append(Existing(result.kind, str(data.get("identifiant") or path.stem), path,
                                             data, text))
    for d in report.diagnostics:
        if d.code == "lien-symbolique" and (d.file, str(d.params.get("cible", ""))) not in out.links:
            out.links.append((d.file, str(d.params.get("cible", ""))))
    return out


# ---------------------------------------------------------------- identifiers of new records

#: Identifiers are made as for every record (``slugify``: cut between words).
identifier = slugify


def collectivite_identifier(name: str) -> str:
    """``Ville de Metz`` → ``metz`` (the repository's habit), others: the slug of the name."""
    base = re.sub(r"^(ville|commune)\s+(de\s+|d['’]\s*)", "", name.strip(), flags=re.IGNORECASE)
    return identifier(base) or identifier(name)


def use_case_identifier(coll_id: str, nom: str) -> str:
    """``<collectivité>-<projet>``, as the repository's records are named (``sicoval-detection-fuites-eau``)."""
    return identifier(f"{coll_id} {nom}")


# ---------------------------------------------------------------- matching


def match_collectivite(colls: list[Existing], name: str, siret: str | None) -> tuple[Existing | None, str]:
    """The record of a collectivité of the export, by SIRET then by name; and by what (``siret``, ``nom``)."""
    if siret:
        for e in colls:
            if str(e.data.get("siret") or "") == siret:
                return e, "siret"
    key = slugify(name)
    for e in colls:
        if slugify(str(e.data.get("nom") or "")) == key:
            return e, "nom"
    return None, ""


def match_use_case(cases: list[Existing], coll_id: str, nom: str) -> Existing | None:
    """The record of a use case of the export: same collectivité and normalised name, then identifier."""
    key = slugify(nom)
    derived = use_case_identifier(coll_id, nom)
    same = [e for e in cases if str(e.data.get("collectivite")) == coll_id
            and slugify(str(e.data.get("nom") or "")) == key]
    if same:
        same.sort(key=lambda e: (e.ident != derived, e.ident))
        return same[0]
    for e in cases:
        if e.ident == derived and str(e.data.get("collectivite")) == coll_id:
            return e
    return None


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
