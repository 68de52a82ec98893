"""Renderers: the same diagnostics as rich text, JSON or GitHub annotations.

Renderers build output; they do not print. The CLI prints what they return.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from iaterr import __version__
from iaterr.base.diagnostics import Diagnostic, Severity
from iaterr.base.text import json_safe, printable, printable_line
from iaterr.check.validate import ValidationReport
from iaterr.i18n import message
from iaterr.model.vocab import STATUTS, THEMES

FORMATS = ("text", "json", "github")

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _singular(n: int, lang: str) -> bool:
    """Is a count of ``n`` said in the singular? In French, 0 and 1 (« 0 collectivité »); in English, 1."""
    return n <= 1 if lang == "fr" else n == 1


def _counts(report: ValidationReport) -> dict[str, int]:
    return {
        "n_cas": len(report.records("cas_usage")),
        "n_coll": len(report.records("collectivite")),
        "n_fichiers": len(report.results),
        "erreurs": report.errors,
        "avertissements": report.warnings,
        "fichiers": report.files_with_findings(),
    }


def verdict(report: ValidationReport, lang: str) -> str:
    counts = _counts(report)
    if report.errors:
        return message("resume.erreurs", lang, **counts)
    if report.warnings:
        return message("resume.avertissements", lang, **counts)
    return message("resume.ok", lang)


def render_text(report: ValidationReport, lang: str = "fr", *, quiet: bool = False,
                title: str | None = None, heading: str = "resume.titre", table: bool = True) -> RenderableType:
    parts: list[RenderableType] = []
    if title:
        parts.append(Text(message(heading, lang, depot=title), style="bold"))
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in report.diagnostics:
        if quiet and d.severity != Severity.ERROR:
            continue
        by_file[d.file].append(d)
    for file, diags in by_file.items():
        parts.append(Text(""))
        parts.append(Text(printable_line(file), style="bold underline"))
        for d in diags:
            line = Text("  ")
            line.append(f"{d.line}:{d.column}".ljust(8), style="dim")
            line.append(message(f"severite.{d.level.value}", lang).ljust(14), style=_STYLE[d.level])
            line.append(printable_line(d.message(lang)))
            line.append(f"  [{d.code}]", style="dim")
            parts.append(line)
            hint = d.hint(lang)
            if hint:
                parts.append(Text("          → " + printable_line(hint), style="green"))
    parts.append(Text(""))
    if not quiet and table:
        summary = theme_table(report, lang)
        if summary is not None:
            parts.append(summary)
    counts = _counts(report)
    parts.append(Text(message("resume.fiches", lang, **counts, **{
        f"{name}_mot": {"t": f"resume.mot.{name}.{'un' if _singular(counts[f'n_{name}'], lang) else 'plusieurs'}"}
        for name in ("cas", "coll", "fichiers")})))
    if report.files_cached:
        parts.append(Text(message("resume.cache", lang, n=report.files_read, m=report.files_cached), style="dim"))
    style = "bold red" if report.errors else ("yellow" if report.warnings else "bold green")
    parts.append(Text(("✗ " if report.errors else "✓ ") + verdict(report, lang), style=style))
    return Group(*parts)


def theme_table(report: ValidationReport, lang: str) -> Table | None:
    data = report.theme_status_table()
    if not data:
        return None
    statuses = [t for t in STATUTS.terms if any(t.code in c for c in data.values())]
    table = Table(title=message("resume.par-theme", lang), title_justify="left", show_lines=False)
    table.add_column(message("resume.theme", lang))
    for status in statuses:
        table.add_column(status.label(lang), justify="right")
    table.add_column(message("resume.total", lang), justify="right", style="bold")
    for term in THEMES.terms:
        counter = data.get(term.code)
        if not counter:
            continue
        table.add_row(term.label(lang), *[str(counter.get(s.code, "")) for s in statuses], str(sum(counter.values())))
    return table


def render_json(report: ValidationReport, lang: str = "fr", *, strict: bool = False) -> str:
    payload: dict[str, Any] = {
        "iaterr": __version__,
        "valide": not report.failed(strict),
        "resume": {**_counts(report), "fichiers_relus": report.files_read, "fichiers_en_cache": report.files_cached},
        "diagnostics": [d.to_dict(lang) for d in report.diagnostics],
    }
    return json_safe(json.dumps(payload, ensure_ascii=False, indent=2))


def _escape_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: ValidationReport, lang: str = "fr") -> str:
    """Workflow commands that GitHub Actions shows as annotations on the files."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for d in report.diagnostics:
        text = d.message(lang)
        hint = d.hint(lang)
        if hint:
            text += "\n" + hint
        props = ",".join([
            f"file={_escape_property(d.file)}",
            f"line={d.line}",
            f"col={d.column}",
            f"title={_escape_property('iaterr ' + d.code)}",
        ])
        lines.append(f"::{level[d.level]} {props}::{_escape_data(text)}")
    lines.append(verdict(report, lang))
    return "\n".join(lines)
