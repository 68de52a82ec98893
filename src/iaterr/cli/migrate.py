"""``iaterr migrate``: records of an older format upgraded in place (see :mod:`iaterr.authoring.migrate`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from iaterr import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from iaterr.cli import common
from iaterr.cli.common import guarded, h, help_option, lang_option, open_repo, paths_argument, paths_in, repo_option
from iaterr.i18n import message

if TYPE_CHECKING:
    from iaterr.authoring.migrate import MigrationReport, Outcome
    from iaterr.cli.common import App


def register(app: typer.Typer) -> None:
    @app.command("migrate", help=message("help.migrate", common.HELP_LANG, version=SCHEMA_VERSION),
                 add_help_option=False)
    def migrate(
        paths: Optional[list[Path]] = paths_argument(),
        check: bool = typer.Option(False, "--check", help=h("help.migrate.check")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.authoring.migrate import migrate_repository

        with guarded(lang) as ui:
            # the embedded data (iaterr's own) are never written; they may be checked
            repository = open_repo(ui, repo, allow_embedded=check)
            selected = paths_in(repository, paths)
            report = migrate_repository(repository, selected or None, write=not check)
            show(ui, report, str(repository.root))
            code = report.exit_code
        raise typer.Exit(code)


def show(ui: App, report: MigrationReport, depot: str) -> None:
    from rich.text import Text

    lang, out = ui.lang, ui.out

    def line(text: str, style: str = "") -> None:
        out.print(Text(text, style=style), soft_wrap=True)

    check = not report.written
    line(message("migration.titre.verification" if check else "migration.titre", lang, version=report.current,
                 depot=depot), "bold")
    for o in report.outcomes:
        if o.status == "migree":
            key = "migration.a-migrer" if check else "migration.migree"
            line("  " + message(key, lang, fichier=o.rel, depuis=o.depuis, vers=o.vers), "cyan" if check else "green")
        elif o.problem:
            text, hint = problem(o, lang, report.current)
            line("  ✗ " + text, "red")
            if hint:
                line("    → " + hint, "green")
    if not report.outcomes:
        line(message("migration.aucune-fiche", lang), "yellow")
        return
    if not report.changed and not report.problems:
        line(message("migration.rien", lang, n=report.up_to_date, version=report.current), "green")
        return
    key = "migration.resume.verification" if check else "migration.resume"
    line(message(key, lang, version=report.current, n=len(report.changed), a_jour=report.up_to_date,
                 laissees=len(report.problems)), "bold")
    if report.changed:
        line(message("migration.suite.verification" if check else "migration.suite", lang), "dim")


def problem(o: Outcome, lang: str, current: str) -> tuple[str, str | None]:
    """The line that says why ``o`` was left alone, and what to do."""
    versions = list(SUPPORTED_SCHEMA_VERSIONS)
    where = {"fichier": o.rel, "ligne": o.line, "colonne": o.column}
    d = o.diagnostic
    if d is not None:
        detail = d.message(lang)
    elif o.raison is not None:
        detail = message(o.raison["t"], lang, **o.raison.get("p", {}))
    else:
        detail = ""
    text = message(f"migration.{o.status}", lang, **where, version=o.depuis, actuelle=current, versions=versions,
                   detail=detail)
    hint = (d.hint(lang) if d is not None else None) or message(f"migration.{o.status}.aide", lang,
                                                               versions=versions)
    return text, hint
