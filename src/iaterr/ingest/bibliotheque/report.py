"""What an import did: findings tied to source lines, what happened to each record, the report.

Nothing here prints: the command line renders an :class:`ImportReport` (:mod:`iaterr.cli.importer`),
as text or as JSON (:meth:`ImportReport.to_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iaterr.base.diagnostics import Diagnostic
from iaterr.i18n import message, quote

#: Levels of a finding. ``repare``: a value was repaired and imported; ``ecarte``: a value was left
#: out; ``ignore``: a row was not imported; ``info``: worth knowing; ``avertissement``: about the file.
REPARE, ECARTE, IGNORE, INFO, AVERTISSEMENT = "repare", "ecarte", "ignore", "info", "avertissement"
LEVELS = (IGNORE, ECARTE, AVERTISSEMENT, REPARE, INFO)
FAILING = {ECARTE, IGNORE}
#: The finding of a record the system refused to write (a full disk, a read-only folder…): the import failed.
WRITE_FAILED = "importer.ecriture-impossible"

#: What happened to a record.
CREE, MIS_A_JOUR, INCHANGE, IGNOREE = "cree", "mis_a_jour", "inchange", "ignoree"
ACTIONS = (CREE, MIS_A_JOUR, INCHANGE, IGNOREE)


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
            if isinstance(value, dict) and set(value) == {"fr", "en"}:  # said in both languages (the model's)
                value = value[lang if lang in value else "fr"]
            if isinstance(value, list) and value and all(isinstance(v, dict) and "t" in v for v in value):
                value = " ; ".join(message(v["t"], lang, **v.get("p", {})) for v in value)
            elif isinstance(value, list) and name != "suggestions":  # lists of names: all of them, not a choice
                value = ", ".join(quote(str(v), lang) for v in value)
            params[name] = value
        return message(self.key, lang, **params)


def diagnostic_param(diag: Diagnostic) -> dict[str, Any]:
    """A diagnostic as the parameter of a finding (rendered in the reader's language)."""
    return {"t": f"diag.{diag.code}", "p": {k: v for k, v in diag.params.items() if k != "_hint"}}


@dataclass
class RecordResult:
    kind: str
    identifiant: str
    chemin: str
    action: str
    lignes: list[int] = field(default_factory=list)
    #: for an update: the fields changed
    champs: list[str] = field(default_factory=list)
    #: what is (or, with dry_run, would be) written, field by field: {"champ", "avant", "apres"}
    diff: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ImportReport:
    source: str
    encoding: str
    delimiter: str
    rows: int
    #: None: the file does not say it (no date in its name, no decided update date)
    export_date: str | None
    dry_run: bool
    findings: list[Finding] = field(default_factory=list)
    records: list[RecordResult] = field(default_factory=list)

    def count(self, action: str, kind: str | None = None) -> int:
        return sum(1 for r in self.records if r.action == action and (kind is None or r.kind == kind))

    def count_level(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)

    @property
    def rows_skipped(self) -> int:
        """How many source rows were skipped (a row refused for several reasons counts once)."""
        return len({f.line for f in self.findings if f.level == IGNORE and f.line is not None})

    @property
    def unwritten(self) -> int:
        """How many records the system refused to write."""
        return len({f.params.get("fiche") for f in self.findings if f.key == WRITE_FAILED})

    @property
    def exit_code(self) -> int:
        """0: everything imported (repairs included); 1: rows skipped or values left out; 2: a record could
        not be written (the import is to be run again once the disk or the folder is put right)."""
        if self.unwritten:
            return 2
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
                 "lignes": r.lignes, "champs": r.champs, "differences": r.diff}
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
                "lignes_ignorees": self.rows_skipped,
            },
            "code_sortie": self.exit_code,
        }


class SourceError(Exception):
    """The file cannot be imported at all (a usage error: exit code 2)."""

    def __init__(self, key: str, hint: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key, self.hint, self.params = key, hint, params
