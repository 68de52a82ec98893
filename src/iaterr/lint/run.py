"""Running the lint rules over a repository."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from iaterr.check.diagnostics import CODES, Diagnostic, Severity, with_hint
from iaterr.check.validate import ValidationReport, collect_files, validate_repository
from iaterr.lint.engine import (
    RULES, Finding, Fix, GitHistory, LintSettings, RecordContext, RepoContext, Rule, Silence, find_silences,
    setting_severity,
)
from iaterr.repo.config import Repository
from iaterr.repo.yamlio import position, read_document

#: Codes of ``validate`` that a silence may hide (warnings only: an error is never silenced).
SILENCEABLE_VALIDATION = {code for code, severity in CODES.items() if severity != Severity.ERROR}


@dataclass
class LintReport(ValidationReport):
    #: the fixes found, by file: (diagnostic, fix)
    fixes: dict[str, list[tuple[Diagnostic, Fix]]] = field(default_factory=dict)
    history: GitHistory = field(default_factory=GitHistory)


def settings_of(repo: Repository) -> LintSettings:
    lint = getattr(repo.config, "lint", None)
    if lint is None:
        return LintSettings()
    return LintSettings(**lint.model_dump())


def _validation_fixes(d: Diagnostic) -> Fix | None:
    """Safe fixes of validation findings: a canonical code, an ISO date, a compact SIRET, no mailto:."""
    p = d.params
    hint = p.get("_hint") or (None, {})
    if d.code == "valeur-non-canonique":
        return Fix(d.path, p["code"])
    if d.code == "date-invalide" and hint[0] == "date-iso":
        return Fix(d.path, hint[1]["iso"])
    if d.code == "siret-format" and hint[0] == "siret-espaces":
        return Fix(d.path, hint[1]["compact"])
    if d.code == "email-invalide" and hint[0] == "mailto":
        return Fix(d.path, hint[1]["sans_mailto"])
    return None


def run_lint(
    repo: Repository,
    paths: Iterable[Path] | None = None,
    *,
    use_cache: bool = True,
    today: date | None = None,
    history: GitHistory | None = None,
    jobs: int | None = None,
) -> LintReport:
    """Validate, then apply every enabled rule; returns all diagnostics, silences applied."""
    import iaterr.lint.rules  # noqa: F401 - registers the rules

    today = today or date.today()
    paths = list(paths) if paths else None
    validation = validate_repository(repo, paths, use_cache=use_cache, today=today, jobs=jobs)
    settings = settings_of(repo)
    if history is None:
        from iaterr.repo.gitops import file_history

        history = file_history(repo.root)

    # every record is read for the repository-wide rules; findings are kept for the selected files
    all_files, _ignored = collect_files(repo)
    selected = {f.rel for f in collect_files(repo, paths)[0]} if paths else None
    errors_by_file: dict[str, bool] = {}
    for d in validation.diagnostics:
        if d.severity == Severity.ERROR:
            errors_by_file[d.file] = True

    texts: dict[str, str] = {}
    contexts: list[RecordContext] = []
    collectivites: dict[str, dict[str, Any]] = {}
    parsed = []
    for f in all_files:
        try:
            raw = Path(f.path).read_bytes()
        except OSError:
            continue
        doc = read_document(raw, f.rel)
        if not isinstance(doc.data, dict):
            continue
        texts[f.rel] = raw.decode("utf-8", "replace")
        parsed.append((f, doc))
        if f.kind == "collectivite":
            ident = doc.data.get("identifiant") or Path(f.rel).stem
            collectivites[str(ident)] = doc.data
    for f, doc in parsed:
        coll = collectivites.get(str(doc.data.get("collectivite"))) if f.kind == "cas_usage" else None
        contexts.append(RecordContext(f.rel, f.kind, doc.data, doc.root, coll, settings, history, today,
                                      valid=not errors_by_file.get(f.rel, False)))
    by_rel = {c.rel: c for c in contexts}

    found: list[tuple[Rule, Finding, str]] = []
    for r in RULES.values():
        if setting_severity(settings, r.code, r.severite) is None or r.check is None:
            continue
        if r.portee == "depot":
            for finding in r.check(RepoContext(contexts, settings, history, today)) or ():
                found.append((r, finding, finding.file or ""))
            continue
        for ctx in contexts:
            if ctx.kind == r.portee:
                for finding in r.check(ctx) or ():
                    found.append((r, finding, ctx.rel))

    diagnostics: list[Diagnostic] = []
    fixes: dict[str, list[tuple[Diagnostic, Fix]]] = {}
    for r, finding, rel in found:
        if selected is not None and rel not in selected:
            continue
        severity = setting_severity(settings, r.code, r.severite)
        ctx = by_rel.get(rel)
        if finding.line is not None:
            line, col = finding.line, 1
        elif ctx is not None:
            line, col = position(ctx.root, finding.path, key=finding.at_key)
        else:
            line, col = 1, 1
        params = dict(finding.params)
        if r.aide_fr:
            with_hint(params, f"lint.{r.code}", **finding.params)
        d = Diagnostic(r.code, rel, line, col, finding.path, params, severity)
        diagnostics.append(d)
        if finding.fix is not None:
            fixes.setdefault(rel, []).append((d, finding.fix))
    for d in validation.diagnostics:
        fix = _validation_fixes(d)
        if fix is not None:
            fixes.setdefault(d.file, []).append((d, fix))

    diagnostics += _check_settings(repo, settings) if selected is None else []
    # validation warnings may be tuned like rules (never an error)
    validated = []
    for d in validation.diagnostics:
        if d.code in settings.regles and d.code in SILENCEABLE_VALIDATION:
            severity = setting_severity(settings, d.code, d.severity)
            if severity is None:
                continue
            d.severity = severity
        validated.append(d)
    all_diags = _apply_silences(validated + diagnostics, texts, selected)
    silenced = {id(d) for d in validated + diagnostics} - {id(d) for d in all_diags}
    fixes = {rel: [(d, fx) for d, fx in items if id(d) not in silenced] for rel, items in fixes.items()}
    all_diags.sort(key=Diagnostic.sort_key)
    return LintReport(validation.root, validation.results, all_diags, validation.files_read, validation.files_cached,
                      validation.ignored, fixes={k: v for k, v in fixes.items() if v}, history=history)


_SEVERITY_WORDS = {"erreur", "error", "avertissement", "warning", "info", "desactivee", "désactivée", "off",
                   "non", "false", "aucune"}


def _check_settings(repo: Repository, settings: LintSettings) -> list[Diagnostic]:
    """Codes and severities of ``lint.regles`` in iaterr.yaml that mean nothing."""
    from iaterr.repo.config import CONFIG_FILE

    if not settings.regles:
        return []
    try:
        root = read_document((repo.root / CONFIG_FILE).read_bytes(), CONFIG_FILE).root
    except OSError:
        root = None
    out = []
    for code, value in settings.regles.items():
        where = ("lint", "regles", code)
        if code not in RULES and code not in SILENCEABLE_VALIDATION:
            line, col = position(root, where, key=True) if root is not None else (1, 1)
            out.append(Diagnostic("config-regle-inconnue", CONFIG_FILE, line, col, where, with_hint(
                {"code": code}, "lint.config-regle-inconnue")))
        elif str(value).strip().lower() not in _SEVERITY_WORDS:
            line, col = position(root, where) if root is not None else (1, 1)
            out.append(Diagnostic("config-severite-inconnue", CONFIG_FILE, line, col, where, with_hint(
                {"code": code, "valeur": value}, "lint.config-severite-inconnue")))
    return out


def _apply_silences(diags: list[Diagnostic], texts: dict[str, str], selected: set[str] | None) -> list[Diagnostic]:
    silences = {rel: find_silences(text) for rel, text in texts.items()}
    kept: list[Diagnostic] = []
    for d in diags:
        hidden = False
        if d.code in RULES or (d.code in SILENCEABLE_VALIDATION and d.severity != Severity.ERROR):
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
                if code not in RULES and code not in SILENCEABLE_VALIDATION:
                    kept.append(Diagnostic("silence-code-inconnu", rel, s.line, s.column, (), with_hint(
                        {"code": code}, "lint.silence-code-inconnu", code=code)))
                elif code not in s.used:
                    kept.append(Diagnostic("silence-inutile", rel, s.line, s.column, (), with_hint(
                        {"code": code}, "lint.silence-inutile", code=code)))
            if not s.reason:
                kept.append(Diagnostic("silence-sans-justification", rel, s.line, s.column, (), with_hint(
                    {"codes": s.codes}, "lint.silence-sans-justification")))
    return kept


def environment_today() -> date | None:
    """``IATERR_AUJOURDHUI=AAAA-MM-JJ`` fixes "today" (reproducible runs and tests)."""
    value = os.environ.get("IATERR_AUJOURDHUI")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


__all__ = ["LintReport", "run_lint", "settings_of", "environment_today", "Silence"]
