"""``iaterr new``: record a use case, guided or from answers given in advance (the work:
:mod:`iaterr.cli.recording`)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import guarded, h, help_option, lang_option, repo_option


def register(app: typer.Typer) -> None:
    @app.command("new", help=h("help.new"), add_help_option=False)
    def new(
        from_: Optional[Path] = typer.Option(None, "--from", help=h("help.new.from"), show_default=False,
                                             dir_okay=False, metavar=h("metavar.fichier")),
        set_: Optional[list[str]] = typer.Option(None, "--set", help=h("help.new.set"), show_default=False,
                                                 metavar=h("metavar.champ-valeur")),
        like: Optional[str] = typer.Option(None, "--like", "--comme", help=h("help.new.like"), show_default=False,
                                           metavar=h("metavar.identifiant")),
        defaults: bool = typer.Option(False, "--defaults", help=h("help.new.defaults")),
        resume: bool = typer.Option(False, "--resume", help=h("help.new.resume")),
        commit: bool = typer.Option(False, "--commit", help=h("help.new.commit")),
        complete: bool = typer.Option(False, "--complet", help=h("help.new.complet")),
        no_input: bool = typer.Option(False, "--no-input", "--non-interactif", help=h("help.new.no-input")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.cli.recording import interactive, run_new

        with guarded(lang) as ui:
            code = run_new(ui, repo, from_, set_ or [], defaults=defaults, resume=resume, commit=commit,
                           complete=complete, ask=interactive() and not no_input, like_id=like)
        raise typer.Exit(code)
