"""``iaterr validate``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

import typer

from iaterr.check.render import FORMATS, render_github, render_json, render_text
from iaterr.check.validate import validate_repository
from iaterr.cli.common import help_option, FAILURE, FINDINGS, OK, Abort, guarded, h, lang_option, open_repo, repo_option


def register(app: typer.Typer) -> None:
    @app.command("validate", help=h("help.validate"), add_help_option=False)
    def validate(
        paths: Optional[List[Path]] = typer.Argument(None, help=h("help.validate.paths"), show_default=False,
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
        with guarded(lang) as ui:
            fmt = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
            if fmt not in FORMATS:
                raise Abort("cli.format-inconnu", valeur=fmt, formats=list(FORMATS))
            repository = open_repo(ui, repo)
            selected = []
            for path in paths or []:
                if not path.exists():
                    raise Abort("cli.chemin-introuvable", chemin=str(path))
                try:
                    path.resolve().relative_to(repository.root.resolve())
                except ValueError:
                    raise Abort("cli.chemin-hors-depot", chemin=str(path), depot=str(repository.root)) from None
                selected.append(path)
            report = validate_repository(repository, selected or None, use_cache=not no_cache, jobs=jobs)
            if fmt == "json":
                ui.out.print(render_json(report, ui.lang, strict=strict), markup=False, highlight=False,
                             soft_wrap=True)
            elif fmt == "github":
                ui.out.print(render_github(report, ui.lang), markup=False, highlight=False, soft_wrap=True)
            else:
                ui.out.print(render_text(report, ui.lang, quiet=quiet, title=str(repository.root)), soft_wrap=True)
            code = FINDINGS if report.failed(strict) else OK
        raise typer.Exit(code)

    assert FAILURE  # exit code 2 comes from guarded()
