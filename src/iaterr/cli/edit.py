"""``iaterr edit``: change a use case with the questionnaire of ``iaterr new`` (the work:
:mod:`iaterr.cli.editing`)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import guarded, h, help_option, lang_option, repo_option


def register(app: typer.Typer) -> None:
    @app.command("edit", help=h("help.edit"), add_help_option=False)
    def edit(
        identifiant: str = typer.Argument(..., help=h("help.edit.identifiant"), show_default=False,
                                          metavar=h("metavar.identifiant")),
        set_: Optional[list[str]] = typer.Option(None, "--set", help=h("help.edit.set"), show_default=False,
                                                 metavar=h("metavar.champ-valeur")),
        walk: bool = typer.Option(False, "--tout", "--all", help=h("help.edit.tout")),
        resume: bool = typer.Option(False, "--resume", help=h("help.edit.resume")),
        commit: bool = typer.Option(False, "--commit", help=h("help.edit.commit")),
        no_input: bool = typer.Option(False, "--no-input", "--non-interactif", help=h("help.new.no-input")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.cli.editing import run_edit
        from iaterr.cli.recording import interactive

        with guarded(lang) as ui:
            code = run_edit(ui, repo, identifiant, set_ or [], walk=walk, resume=resume, commit=commit,
                            ask=interactive() and not no_input)
        raise typer.Exit(code)
