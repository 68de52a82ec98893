"""Running the lint rules over a repository, on the one road of the records.

Every record is read through :func:`iaterr.check.loader.load`: in the checking processes, the file is
parsed and validated once, then the rules about one record run on it right there (they need its node
tree for positions), and what the rules about the whole repository need comes back with the result.
Those run afterwards in this process. Findings about restricted fields never quote their values.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from iaterr.base.diagnostics import CODES, Diagnostic, Severity, with_hint
from iaterr.check.loader import RecordFile, Want, collect_files, load
from iaterr.check.validate import Checked, ValidationReport, scrub
from iaterr.lint.engine import (
    Finding,
    Fix,
    LintSettings,
    RecordContext,
    RepoContext,
    Rule,
    Silence,
    find_silences,
    setting_severity,
)
from iaterr.model.kinds import model_of
from iaterr.repo.config import CONFIG_FILE, Repository
from iaterr.repo.gitops import GitHistory, file_history
from iaterr.repo.yamlio import position, read_document

#: Codes of ``validate`` that a silence may hide (warnings only: an error is never silenced).
SILENCEABLE_VALIDATION = {code for code, severity in CODES.items() if severity != Severity.ERROR}


@dataclass
class LintReport(ValidationReport):
    #: the fixes found, by file: (diagnostic, fix)
    fixes: dict[str, list[tuple[Diagnostic, Fix]]] = field(default_factory=dict)
    history: GitHistory = field(default_factory=GitHistory)


@dataclass
class Inspected:
    """What the checking process found of one record for lint (of a record outside the files linted, only
    its data, for the repository-wide rules)."""

    data: dict[str, Any]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixes: list[tuple[int, Fix]] = field(default_factory=list)
    silences: list[Silence] = field(default_factory=list)
    #: safe fixes of the file's validation findings, by index in its result's diagnostics: made from the findings
    #: as found, before the values of restricted fields were masked (never cached nor shown)
    validation_fixes: list[tuple[int, Fix]] = field(default_factory=list)


def settings_of(repo: Repository) -> LintSettings:
    """The ``lint:`` section of the repository's configuration, a copy of its own."""
    lint = repo.config.lint
    return replace(lint, regles=dict(lint.regles))


def _validation_fix(d: Diagnostic) -> Fix | None:
    """Safe fixes of validation findings: a canonical code, an ISO date, a compact SIRET, no mailto:."""
    p = d.params
    hint: tuple[Any, dict[str, Any]] = p.get("_hint") or (None, {})
    if d.code == "valeur-non-canonique" and "code" in p and isinstance(p["code"], str):
        return Fix(d.path, p["code"])
    if d.code == "date-invalide" and hint[0] == "date-iso":
        return Fix(d.path, hint[1]["iso"])
    if d.code == "siret-format" and hint[0] == "siret-espaces":
        return Fix(d.path, hint[1]["compact"])
    if d.code == "email-invalide" and hint[0] == "mailto":
        return Fix(d.path, hint[1]["sans_mailto"])
    return None


def _diagnostic(rule: Rule, finding: Finding, rel: str, severity: Severity, root: Any) -> Diagnostic:
    if finding.line is not None:
        line, col = finding.line, 1
    elif root is not None:
        line, col = position(root, finding.path, key=finding.at_key)
    else:
        line, col = 1, 1
    params = dict(finding.params)
    if rule.aide_fr:
        with_hint(params, f"lint.{rule.code}", **finding.params)
    return Diagnostic(rule.code, rel, line, col, finding.path, params, severity, rule.texts)


def inspect_record(codes: tuple[str, ...], settings: LintSettings, history: GitHistory, today: date,
                   collectivites: dict[str, dict[str, Any]], f: RecordFile, checked: Checked, *,
                   selected: frozenset[str] | None = None) -> Inspected | None:
    """In a checking process: the rules ``codes`` about one record, run on its parsed file when it is one of
    the files linted (``selected``; None: all). (Rules are sent to the processes by code and found again in
    the registry: a rule is not something to pickle.)"""
    from iaterr.lint.rules import RULES

    doc = checked.document
    if not isinstance(doc.data, dict):
        return None
    if selected is not None and f.rel not in selected:
        return Inspected(doc.data)
    rules = [RULES[code] for code in codes]
    coll = collectivites.get(str(doc.data.get("collectivite"))) if f.kind == "cas_usage" else None
    ctx = RecordContext(f.rel, f.kind, doc.data, doc.root, coll, settings, history, today,
                        valid=not checked.result.has_errors)
    diags: list[Diagnostic] = []
    fixes: list[tuple[int, Fix]] = []
    for r in rules:
        if r.portee != f.kind:
            continue
        severity = setting_severity(settings, r.code, r.severite)
        if severity is None or r.check is None:
            continue
        for finding in r.check(ctx) or ():
            if finding.fix is not None:
                fixes.append((len(diags), finding.fix))
            own = finding.severite if finding.severite is not None and r.code not in settings.regles else None
            diags.append(_diagnostic(r, finding, f.rel, own or severity, doc.root))
    scrubbed = scrub(diags, model_of(f.kind), doc.data, values_only=True)
    safe = [(index, _validation_fix(d)) for index, d in enumerate(checked.unmasked)]
    return Inspected(doc.data, scrubbed, fixes, find_silences(checked.raw.decode("utf-8", "replace")),
                     [(index, fix) for index, fix in safe if fix is not None])


def _collectivites(repo: Repository) -> dict[str, dict[str, Any]]:
    """The collectivités as written, by identifier: what the rules about a use case see of its collectivité.
    Parsed only (they are read again, and validated, with the other records)."""
    from iaterr.base.files import UnsafePath, read_regular

    out: dict[str, dict[str, Any]] = {}
    for f in collect_files(repo, [repo.kind_dir("collectivite")]).files:
        try:
            data = read_document(read_regular(f.path, f.inode), f.rel).data
        except (OSError, UnsafePath):
            continue
        if isinstance(data, dict):
            out[str(data.get("identifiant") or Path(f.rel).stem)] = data
    return out


def run_lint(
    repo: Repository,
    paths: Iterable[Path] | None = None,
    *,
    use_cache: bool = True,
    today: date | None = None,
    history: GitHistory | None = None,
    jobs: int | None = None,
) -> LintReport:
    """Validate, then apply every enabled rule; returns all diagnostics, silences applied. With ``paths``,
    the findings are those of the files under them: the rules about one record run on those files only, the
    others are read for what the checks across records and the repository-wide rules need of them."""
    from iaterr.lint.rules import RULES

    today = today or date.today()
    settings = settings_of(repo)
    if history is None:
        history = file_history(repo.root)
    selected = {f.rel for f in collect_files(repo, list(paths)).files} if paths else None

    collectivites = _collectivites(repo)
    rules = tuple(RULES.values())
    inspect = functools.partial(inspect_record, tuple(RULES), settings, history, today, collectivites,
                                selected=None if selected is None else frozenset(selected))
    validation = load(repo, want=Want(analyse=inspect), use_cache=use_cache, today=today, jobs=jobs)

    inspected = {r.rel: r.analysis for r in validation.results if isinstance(r.analysis, Inspected)}
    diagnostics: list[Diagnostic] = []
    fixes: dict[str, list[tuple[Diagnostic, Fix]]] = {}
    for rel, found in inspected.items():
        diagnostics += found.diagnostics
        for index, fix in found.fixes:
            fixes.setdefault(rel, []).append((found.diagnostics[index], fix))
    diagnostics += _repository_rules(rules, settings, history, today, validation, inspected, collectivites,
                                     selected)

    for result in validation.results:  # after the rules' fixes, in the order of the report
        safe = inspected[result.rel].validation_fixes if result.rel in inspected else []
        if safe:
            pairs = sorted(((result.diagnostics[index], fix) for index, fix in safe),
                           key=lambda pair: pair[0].sort_key())
            fixes.setdefault(result.rel, []).extend(pairs)
    diagnostics += _check_settings(repo, settings, RULES) if selected is None else []
    # validation warnings may be tuned like rules (never an error)
    validated = []
    for d in validation.diagnostics:
        if d.code in settings.regles and d.code in SILENCEABLE_VALIDATION:
            severity = setting_severity(settings, d.code, d.level)
            if severity is None:
                continue
            d.severity = severity
        validated.append(d)
    silences = {rel: found.silences for rel, found in inspected.items()}
    all_diags = _apply_silences(validated + diagnostics, silences, selected, RULES)
    silenced = {id(d) for d in validated + diagnostics} - {id(d) for d in all_diags}
    fixes = {rel: [(d, fx) for d, fx in items if id(d) not in silenced] for rel, items in fixes.items()}
    if selected is not None:
        all_diags = [d for d in all_diags if d.file in selected]
        fixes = {rel: items for rel, items in fixes.items() if rel in selected}
        results = [r for r in validation.results if r.rel in selected]
    else:
        results = validation.results
    all_diags.sort(key=Diagnostic.sort_key)
    return LintReport(validation.root, results, all_diags, validation.files_read, validation.files_cached,
                      validation.ignored, fixes={k: v for k, v in fixes.items() if v}, history=history)


def _repository_rules(rules: tuple[Rule, ...], settings: LintSettings, history: GitHistory, today: date,
                      validation: ValidationReport, inspected: dict[str, Inspected],
                      collectivites: dict[str, dict[str, Any]], selected: set[str] | None) -> list[Diagnostic]:
    """The rules about the whole repository (their findings in the files ``selected``, None: all); positions
    read again from the files that have findings, only."""
    contexts = []
    for result in validation.results:
        found = inspected.get(result.rel)
        if found is None:
            continue
        coll = collectivites.get(str(found.data.get("collectivite"))) if result.kind == "cas_usage" else None
        contexts.append(RecordContext(result.rel, result.kind, found.data, None, coll, settings, history, today,
                                      valid=not result.has_errors))
    kinds = {c.rel: c.kind for c in contexts}
    last: tuple[str, Any] = ("", None)  # the node tree of the last file placed (not kept for every file)
    out: list[Diagnostic] = []
    for r in rules:
        severity = setting_severity(settings, r.code, r.severite)
        if r.portee != "depot" or severity is None or r.check is None:
            continue
        for finding in r.check(RepoContext(contexts, settings, history, today)) or ():
            rel = finding.file or ""
            if selected is not None and rel not in selected:
                continue
            found = inspected.get(rel)
            root = None
            if found is not None and finding.line is None:
                if last[0] != rel:  # the node tree of a file with findings, read again
                    last = (rel, _root_of(validation.root, rel))
                root = last[1]
            d = _diagnostic(r, finding, rel, severity, root)
            if found is not None:
                d = scrub([d], model_of(kinds.get(rel, "cas_usage")), found.data, values_only=True)[0]
            out.append(d)
    return out


def _root_of(root: Path, rel: str) -> Any:
    from iaterr.base.files import UnsafePath, read_regular

    try:
        return read_document(read_regular(Path(os.path.join(root, rel))), rel).root
    except (OSError, UnsafePath):
        return None


_SEVERITY_WORDS = {"erreur", "error", "avertissement", "warning", "info", "desactivee", "désactivée", "off",
                   "non", "false", "aucune"}


def _check_settings(repo: Repository, settings: LintSettings, rules: dict[str, Rule]) -> list[Diagnostic]:
    """Codes and severities of ``lint.regles`` in iaterr.yaml that mean nothing."""
    from iaterr.lint.rules.silences import CONFIG_REGLE_INCONNUE, CONFIG_SEVERITE_INCONNUE

    if not settings.regles:
        return []
    try:
        root = read_document((repo.root / CONFIG_FILE).read_bytes(), CONFIG_FILE).root
    except OSError:
        root = None
    out = []
    for code, value in settings.regles.items():
        where = ("lint", "regles", code)
        if code not in rules and code not in SILENCEABLE_VALIDATION:
            line, col = position(root, where, key=True) if root is not None else (1, 1)
            r = CONFIG_REGLE_INCONNUE
            out.append(Diagnostic(r.code, CONFIG_FILE, line, col, where, with_hint(
                {"code": code}, f"lint.{r.code}"), r.severite, r.texts))
        elif str(value).strip().lower() not in _SEVERITY_WORDS:
            line, col = position(root, where) if root is not None else (1, 1)
            r = CONFIG_SEVERITE_INCONNUE
            out.append(Diagnostic(r.code, CONFIG_FILE, line, col, where, with_hint(
                {"code": code, "valeur": value}, f"lint.{r.code}"), r.severite, r.texts))
    return out


def _apply_silences(diags: list[Diagnostic], silences: dict[str, list[Silence]], selected: set[str] | None,
                    rules: dict[str, Rule]) -> list[Diagnostic]:
    from iaterr.lint.rules.silences import SILENCE_CODE_INCONNU, SILENCE_INUTILE, SILENCE_SANS_JUSTIFICATION

    kept: list[Diagnostic] = []
    for d in diags:
        hidden = False
        if d.code in rules or (d.code in SILENCEABLE_VALIDATION and d.severity != Severity.ERROR):
            for s in silences.get(d.file, []):
                if d.code in s.codes:
                    s.used.add(d.code)
                    hidden = True
        if not hidden:
            kept.append(d)
    for rel, items in silences.items():
        if selected is not None and rel not in selected:
            continue
        for s in items:
            for code in s.codes:
                if code not in rules and code not in SILENCEABLE_VALIDATION:
                    kept.append(_engine_diagnostic(SILENCE_CODE_INCONNU, rel, s, {"code": code}))
                elif code not in s.used:
                    kept.append(_engine_diagnostic(SILENCE_INUTILE, rel, s, {"code": code}))
            if not s.reason:
                kept.append(_engine_diagnostic(SILENCE_SANS_JUSTIFICATION, rel, s, {"codes": s.codes}))
    return kept


def _engine_diagnostic(r: Rule, rel: str, s: Silence, params: dict[str, Any]) -> Diagnostic:
    return Diagnostic(r.code, rel, s.line, s.column, (), with_hint(params, f"lint.{r.code}", **params), r.severite,
                      r.texts)




__all__ = ["LintReport", "run_lint", "settings_of", "Silence"]
