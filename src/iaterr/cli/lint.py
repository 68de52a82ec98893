"""``iaterr lint`` and ``iaterr rules``."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from iaterr.cli.common import (
    FINDINGS,
    OK,
    Abort,
    guarded,
    h,
    help_option,
    lang_option,
    no_cache_option,
    open_repo,
    output_format,
    paths_argument,
    paths_in,
    print_report,
    quiet_option,
    repo_option,
    report_format_option,
    strict_option,
)
from iaterr.i18n import message

if TYPE_CHECKING:
    from rich.text import Text


def register(app: typer.Typer) -> None:
    @app.command("lint", help=h("help.lint"), add_help_option=False)
    def lint(
        paths: Optional[list[Path]] = paths_argument(),
        format: Optional[str] = report_format_option(),
        strict: bool = strict_option(),
        fix: bool = typer.Option(False, "--fix", help=h("help.lint.fix")),
        diff: bool = typer.Option(False, "--diff", help=h("help.lint.diff")),
        no_cache: bool = no_cache_option(),
        quiet: bool = quiet_option(),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from rich.text import Text

        from iaterr.base.text import printable
        from iaterr.lint.fix import NotWritten, apply_fixes
        from iaterr.lint.run import run_lint
        from iaterr.model.droit import environment_today

        with guarded(lang) as ui:
            fmt = output_format(format)
            repository = open_repo(ui, repo, allow_embedded=not fix)
            selected = paths_in(repository, paths)
            today = environment_today()
            report = run_lint(repository, selected or None, use_cache=not no_cache, today=today)
            if diff or fix:
                failure: NotWritten | None = None
                try:
                    changes = apply_fixes(repository, report.fixes, write=fix)
                except NotWritten as exc:  # the files fixed before are said, then the failure (exit 2)
                    failure, changes = exc, exc.written
                for change in changes:
                    if diff:
                        ui.out.print(Text(printable(change.diff())), soft_wrap=True, markup=False, highlight=False)
                    for d, old, new in change.applied:
                        key = "lint.corrige" if fix else "lint.corrigerait"
                        ui.say(key, style="green" if fix else "cyan", fichier=d.file, ligne=d.line, code=d.code,
                               ancien=old, nouveau=new)
                if changes and fix:
                    ui.say("lint.corrections", style="bold green", n=sum(len(c.applied) for c in changes),
                           fichiers=len(changes))
                if failure is not None:
                    raise failure
                if not changes:
                    ui.say("lint.rien-a-corriger", style="dim")
                elif fix:
                    report = run_lint(repository, selected or None, use_cache=not no_cache, today=today,
                                      history=report.history)
            print_report(ui, report, fmt, strict=strict, quiet=quiet, title=str(repository.root),
                         heading="lint.titre", table=False)
            code = FINDINGS if report.failed(strict) else OK
        raise typer.Exit(code)

    @app.command("rules", help=h("help.rules"), add_help_option=False)
    def rules(
        code: Optional[str] = typer.Argument(None, help=h("help.rules.code"), show_default=False, metavar="CODE"),
        doc: bool = typer.Option(False, "--doc", help=h("help.rules.doc")),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.rules.out"), show_default=False,
                                           dir_okay=False),
        check: bool = typer.Option(False, "--check", help=h("help.reference.check")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.lint.rules import RULES

        with guarded(lang) as ui:
            if doc:
                from iaterr.cli.generate import write_generated
                from iaterr.lint.doc import RULES_DOC_PATHS, render_rules_doc

                base: Path | None = None
                if out is None:
                    base = open_repo(ui, repo, allow_embedded=False).root
                    out = base / RULES_DOC_PATHS[ui.lang]
                code_ = write_generated(ui, {out: render_rules_doc(ui.lang)}, check, "rules --doc", base)
                raise typer.Exit(code_)
            if code is None:
                ui.out.print(rules_table(ui.lang), soft_wrap=True)
                raise typer.Exit(OK)
            rule = RULES.get(code)
            if rule is None:
                close = difflib.get_close_matches(code, list(RULES), n=3, cutoff=0.5)
                raise Abort("lint.regle-inconnue", "hint.vous-vouliez-dire" if close else None, regle=code,
                            suggestions=close)
            ui.out.print(explain(rule, ui.lang), soft_wrap=True)
        raise typer.Exit(OK)


def rules_table(lang: str) -> Text:
    """Every rule, by family: code, severity, automatic fix, title."""
    from rich.text import Text

    from iaterr.lint.engine import FAMILIES
    from iaterr.lint.rules import RULES

    text = Text()
    text.append(message("lint.regles.titre", lang, n=len(RULES)) + "\n", style="bold")
    width = max(len(code) for code in RULES)
    for family, labels in FAMILIES.items():
        rules = [r for r in RULES.values() if r.famille == family]
        if not rules:
            continue
        text.append("\n" + labels[1 if lang == "en" else 0] + "\n", style="bold underline")
        for r in rules:
            text.append(f"  {r.code.ljust(width)}  ", style="bold")
            severity = message(f"severite.{r.severite.value}", lang)
            text.append(severity.ljust(14), style={"erreur": "red", "avertissement": "yellow"}.get(
                r.severite.value, "cyan"))
            text.append(("✓ " if r.correction else "  ") + r.titre(lang) + "\n")
    text.append("\n" + message("lint.regles.legende", lang), style="dim")
    return text


def explain(rule, lang: str) -> Text:
    from rich.text import Text

    from iaterr.lint.engine import FAMILIES

    family = FAMILIES[rule.famille][1 if lang == "en" else 0]
    text = Text()
    text.append(f"{rule.code}", style="bold")
    text.append(f" — {rule.titre(lang)}\n\n")
    rows = [
        ("lint.regles.famille", family),
        ("lint.regles.gravite", message(f"severite.{rule.severite.value}", lang)),
        ("lint.regles.reference", rule.citation(lang)),
        ("lint.regles.correction", message("new.oui" if rule.correction else "new.non", lang)),
    ]
    for key, value in rows:
        text.append(f"{message(key, lang)} : " if lang == "fr" else f"{message(key, lang)}: ", style="bold")
        text.append(f"{value}\n")
    text.append("\n" + rule.justification(lang) + "\n\n")
    text.append(message("lint.regles.taire", lang, code=rule.code) + "\n", style="dim")
    return text
