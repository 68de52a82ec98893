"""The lint engine: rules, their configuration, silences and fixes.

A rule has a stable code, a family, a default severity, a title, a rationale
with its legal or practical reference, messages in French and English and,
where safe, an automatic fix. Its check function receives a
:class:`RecordContext` (one record) or a :class:`RepoContext` (all of them)
and yields :class:`Finding` objects; the engine turns them into the same
:class:`~iaterr.check.diagnostics.Diagnostic` objects as ``validate``, so the
renderers, positions and exit codes are shared.

A rule is silenced for one record by a comment naming its code, anywhere in the
file, followed by a justification::

    # iaterr: ignore[ia-act-annexe-iii-sans-risque-eleve] tâche préparatoire étroite (art. 6(3))

A silence that hides nothing, names an unknown code or gives no reason is
itself reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Literal

from iaterr.check.diagnostics import CODES, Severity
from iaterr.i18n import CATALOGUES

Scope = Literal["cas_usage", "collectivite", "depot"]

FAMILIES = {
    "transparence": ("Transparence (CRPA)", "Transparency (CRPA)"),
    "ia_act": ("Règlement européen sur l'IA", "EU AI Act"),
    "vie_privee": ("Vie privée", "Privacy"),
    "qualite": ("Qualité", "Quality"),
    "fraicheur": ("Fraîcheur", "Freshness"),
    "doublons": ("Doublons", "Duplicates"),
    "silences": ("Silences", "Silences"),
    "configuration": ("Configuration", "Configuration"),
}


@dataclass(frozen=True)
class Fix:
    """Replace the value at ``path`` by ``value`` (a safe, local change)."""

    path: tuple
    value: Any


@dataclass
class Finding:
    path: tuple = ()
    params: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    #: position at the key rather than at the value (for a missing value, the parent is used)
    at_key: bool = False
    #: for repository-wide rules: the file the finding belongs to
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    famille: str
    severite: Severity
    portee: Scope
    titre_fr: str
    titre_en: str
    justification_fr: str
    justification_en: str
    reference: str
    message_fr: str
    message_en: str
    aide_fr: str = ""
    aide_en: str = ""
    correction: bool = False
    check: Callable[..., Iterable[Finding]] | None = None

    def titre(self, lang: str) -> str:
        return self.titre_en if lang == "en" else self.titre_fr

    def justification(self, lang: str) -> str:
        return self.justification_en if lang == "en" else self.justification_fr


RULES: dict[str, Rule] = {}


def rule(**kwargs: Any) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Declare a rule: ``@rule(code=..., famille=..., severite=Severity.WARNING, portee=..., ...)``."""

    def register(check: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        declare(check=check, **kwargs)
        return check

    return register


def declare(**kwargs: Any) -> Rule:
    """Declare a rule; without ``check``, the engine itself applies it (the silence rules)."""
    declared = Rule(**kwargs)
    if declared.code in RULES or declared.code in CODES:
        raise ValueError(f"rule code defined twice: {declared.code}")
    if declared.famille not in FAMILIES:
        raise ValueError(f"unknown family {declared.famille}")
    RULES[declared.code] = declared
    CODES[declared.code] = declared.severite
    # the messages join the catalogue, so that diagnostics render as any other
    CATALOGUES["fr"][f"diag.{declared.code}"] = declared.message_fr
    CATALOGUES["en"][f"diag.{declared.code}"] = declared.message_en
    if declared.aide_fr:
        CATALOGUES["fr"][f"hint.lint.{declared.code}"] = declared.aide_fr
        CATALOGUES["en"][f"hint.lint.{declared.code}"] = declared.aide_en
    return declared


# ---------------------------------------------------------------- what a rule sees


@dataclass
class GitHistory:
    """When each record file last changed, from git (and the working tree)."""

    available: bool = False
    shallow: bool = False
    #: relative path → date of the last commit that touched it (today for uncommitted changes)
    last_change: dict[str, date] = field(default_factory=dict)
    #: relative path → date of the first commit that added it
    first_seen: dict[str, date] = field(default_factory=dict)
    #: in a shallow clone, the date of the oldest commit present: files not seen since are at least that old
    boundary: date | None = None
    reason: str = ""


@dataclass
class LintSettings:
    """The ``lint:`` section of ``iaterr.yaml``, with its defaults."""

    regles: dict[str, str] = field(default_factory=dict)
    fraicheur_mois: int = 12
    experimentation_mois: int = 24
    description_min: int = 80


@dataclass
class RecordContext:
    rel: str
    kind: str
    data: dict[str, Any]
    root: Any
    #: the record's collectivité (raw data), for a use case whose reference resolves
    collectivite: dict[str, Any] | None
    settings: LintSettings
    history: GitHistory
    today: date
    #: True when the record passed validation without error
    valid: bool = True

    def get(self, *path: Any) -> Any:
        node: Any = self.data
        for part in path:
            if isinstance(part, int):
                node = node[part] if isinstance(node, list) and part < len(node) else None
            else:
                node = node.get(part) if isinstance(node, dict) else None
        return node

    def text(self, *path: Any) -> str:
        value = self.get(*path)
        return value.strip() if isinstance(value, str) else ""


@dataclass
class RepoContext:
    records: list[RecordContext]
    settings: LintSettings
    history: GitHistory
    today: date


# ---------------------------------------------------------------- silences

SILENCE_RE = re.compile(r"#\s*iaterr\s*:\s*ignore\s*\[([^\]]*)\]\s*(.*)$")


@dataclass
class Silence:
    line: int
    column: int
    codes: list[str]
    reason: str
    used: set[str] = field(default_factory=set)


def find_silences(text: str) -> list[Silence]:
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "#" not in line or "iaterr" not in line:
            continue
        m = SILENCE_RE.search(line)
        if m:
            codes = [c.strip() for c in m.group(1).split(",") if c.strip()]
            reason = m.group(2).strip(" —–-:;")
            out.append(Silence(number, m.start() + 1, codes, reason))
    return out


def setting_severity(settings: LintSettings, code: str, default: Severity) -> Severity | None:
    """The configured severity of ``code``; None when the rule is disabled."""
    value = settings.regles.get(code)
    if value is None:
        return default
    value = str(value).strip().lower()
    if value in ("off", "desactivee", "désactivée", "non", "false", "aucune"):
        return None
    for severity in Severity:
        if value in (severity.value, {"erreur": "error", "avertissement": "warning", "info": "info"}[severity.value]):
            return severity
    return default


def today_or(value: date | None) -> date:
    return value or date.today()


def months_between(a: date, b: date) -> int:
    """Whole months from ``a`` to ``b``."""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        months -= 1
    return months


__all__ = [
    "FAMILIES", "Finding", "Fix", "GitHistory", "LintSettings", "RULES", "RecordContext", "RepoContext", "Rule",
    "Silence", "declare", "find_silences", "months_between", "rule", "setting_severity", "today_or",
]
