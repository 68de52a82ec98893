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


def register(app: typer.Typer) -> None:
    @app.command("validate", help=h("help.validate"), add_help_option=False)
    def validate(
        paths: Optional[list[Path]] = paths_argument(),
        format: Optional[str] = report_format_option(),
        strict: bool = strict_option(),
        no_cache: bool = no_cache_option(),
        quiet: bool = quiet_option(),
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
            if repository.config.installation_a_renseigner and not quiet:
                # the repository's own CI cannot install iaterr yet: said here, where it is checked locally
                ui.say("validate.installation-a-renseigner", style="yellow")
                ui.say("init.installation-a-renseigner.aide", style="dim")
            code = FINDINGS if report.failed(strict) else OK
        raise typer.Exit(code)
