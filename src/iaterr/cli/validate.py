"""``iaterr validate``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import (
    FINDINGS,
    OK,
    guarded,
    h,
    help_option,
    lang_option,
    open_repo,
    output_format,
    paths_in,
    print_report,
    repo_option,
)


def register(app: typer.Typer) -> None:
    @app.command("validate", help=h("help.validate"), add_help_option=False)
    def validate(
        paths: Optional[list[Path]] = typer.Argument(None, help=h("help.validate.paths"), show_default=False,
                                                    metavar=h("metavar.chemins")),
        format: Optional[str] = typer.Option(None, "--format", "-f", help=h("help.validate.format"),
                                             show_default=False, metavar="text|json|github"),
        strict: bool = typer.Option(False, "--strict", help=h("help.validate.strict")),
        no_cache: bool = typer.Option(False, "--no-cache", help=h("help.validate.no-cache")),
        quiet: bool = typer.Option(False, "--quiet", "-q", help=h("help.validate.quiet")),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help=h("help.validate.jobs"),
                                           show_default=False, metavar="N"),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.check.loader import validate_repository

        with guarded(lang) as ui:
            fmt = output_format(format)
            repository = open_repo(ui, repo)
            selected = paths_in(repository, paths)
            report = validate_repository(repository, selected or None, use_cache=not no_cache, jobs=jobs)
            print_report(ui, report, fmt, strict=strict, quiet=quiet, title=str(repository.root))
            code = FINDINGS if report.failed(strict) else OK
        raise typer.Exit(code)
