"""The lint engine: rules, their configuration, silences and fixes.

A rule has a stable code, a family, a default severity, a title, a rationale
with its legal or practical reference, messages in French and English and,
where safe, an automatic fix. Its check function receives a
:class:`RecordContext` (one record) or a :class:`RepoContext` (all of them)
and yields :class:`Finding` objects; the engine turns them into the same
:class:`~iaterr.base.diagnostics.Diagnostic` objects as ``validate``, so the
renderers, positions and exit codes are shared.

A rule is silenced for one record by a comment naming its code, anywhere in the
file, followed by a justification::

    # iaterr: ignore[ia-act-annexe-iii-sans-risque-eleve] tâche préparatoire étroite (art. 6(3))

A silence that hides nothing, names an unknown code or gives no reason is
itself reported.

Rules are declared, not registered: ``@rule(...)`` turns a check function into a
:class:`Rule` object and changes nothing elsewhere (no global table, no message
catalogue, no code list is written). Each family module lists its rules in a
``RULES`` tuple; :mod:`iaterr.lint.rules` collects the families explicitly, like
yamllint collects its rule modules. A diagnostic of a rule carries the rule's own
message templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from iaterr.base.diagnostics import Severity
from iaterr.repo.config import LintConfig
from iaterr.repo.gitops import GitHistory

if TYPE_CHECKING:  # the model (pydantic) is imported when a record is walked
    from pydantic import BaseModel

    from iaterr.model.introspect import FieldSpec
    from iaterr.model.qualification import Qualification

Scope = Literal["cas_usage", "collectivite", "depot"]

FAMILIES = {
    "transparence": ("Transparence (CRPA)", "Transparency (CRPA)"),
    "ia_act": ("Règlement européen sur l'IA", "EU AI Act"),
    "rgpd": ("Protection des données (RGPD)", "Data protection (GDPR)"),
    "vie_privee": ("Vie privée", "Privacy"),
    "qualite": ("Qualité", "Quality"),
    "fraicheur": ("Fraîcheur", "Freshness"),
    "doublons": ("Doublons", "Duplicates"),
    "securite": ("Sécurité des textes", "Text safety"),
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
    #: a severity for this finding rather than the rule's (a duty that does not bind yet is reported as a
    #: warning by a rule whose default is an error); the repository's configuration of the rule still wins
    severite: Severity | None = None


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
    #: how ``reference`` is cited in English (build it with ``iaterr.model.droit.reference(code, "en")``)
    reference_en: str = ""

    @property
    def texts(self) -> dict[str, str]:
        """The message and hint templates that diagnostics of this rule carry."""
        out = {"fr": self.message_fr, "en": self.message_en}
        if self.aide_fr:
            out.update(aide_fr=self.aide_fr, aide_en=self.aide_en or self.aide_fr)
        return out

    def titre(self, lang: str) -> str:
        return self.titre_en if lang == "en" else self.titre_fr

    def justification(self, lang: str) -> str:
        return self.justification_en if lang == "en" else self.justification_fr

    def citation(self, lang: str) -> str:
        """The rule's reference, cited in ``lang``."""
        return self.reference_en if lang == "en" else self.reference


def rule(**kwargs: Any) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    """Declare a rule: ``@rule(code=..., famille=..., severite=Severity.WARNING, portee=..., ...)`` makes the
    function below the ``check`` of a :class:`Rule`."""

    def make(check: Callable[..., Iterable[Finding]]) -> Rule:
        return declare(check=check, **kwargs)

    return make


def declare(**kwargs: Any) -> Rule:
    """Declare a rule; without ``check``, the engine itself applies it (the silence rules)."""
    declared = Rule(**kwargs)
    if declared.famille not in FAMILIES:
        raise ValueError(f"unknown family {declared.famille}")
    return declared


# ---------------------------------------------------------------- what a rule sees


#: The ``lint:`` section of ``iaterr.yaml``, with its defaults: what a rule may be tuned by.
LintSettings = LintConfig


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

    @cached_property
    def texts(self) -> list[tuple[tuple, str, FieldSpec]]:
        """:func:`iter_texts` of the record, walked once for all the rules that read it."""
        from iaterr.model.kinds import model_of

        return list(iter_texts(model_of(self.kind), self.data))

    @cached_property
    def qualification(self) -> Qualification:
        """:func:`iaterr.model.qualification.qualify` of the record and its collectivité on ``today``, computed once
        for all the rules that read it."""
        from iaterr.model.qualification import qualify

        return qualify(self.data, self.collectivite, self.today)


def iter_texts(model: type[BaseModel], data: Any, _path: tuple = (), _restricted: bool = False,
               ) -> Iterator[tuple[tuple, str, FieldSpec]]:
    """Every text value of ``data`` (a raw record of ``model``) as ``(path, value, spec)``.

    Scalars of any kind are yielded when they are strings (free text, e-mails, URLs, codes…):
    filter on ``spec.kind``. Sub-models and lists are walked; keys the model does not know are
    skipped (``validate`` reports them). A field inside a restricted field is restricted too:
    the spec yielded then carries ``meta.visibilite == "restreint"``.
    """
    from iaterr.model.introspect import specs

    if not isinstance(data, dict):
        return
    fields = specs(model)
    for name, value in data.items():
        spec = fields.get(name)
        if spec is None or value is None:
            continue
        if _restricted and spec.meta.visibilite != "restreint":
            spec = replace(spec, meta=replace(spec.meta, visibilite="restreint"))
        restricted = spec.meta.visibilite == "restreint"
        path = _path + (name,)
        items: list[tuple[tuple, Any]]
        if isinstance(value, list):
            items = [(path + (i,), item) for i, item in enumerate(value)]
        else:
            items = [(path, value)]
        for item_path, item in items:
            if spec.submodel is not None:
                yield from iter_texts(spec.submodel, item, item_path, restricted)
            elif isinstance(item, str):
                yield item_path, item, spec


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
    "FAMILIES", "Finding", "Fix", "GitHistory", "LintSettings", "RecordContext", "RepoContext", "Rule",
    "Silence", "declare", "find_silences", "iter_texts", "months_between", "rule", "setting_severity", "today_or",
]
