"""``iaterr notice`` and ``iaterr mention``: the documents a collectivité publishes or sends."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import (
    FINDINGS,
    OK,
    Abort,
    App,
    checked_output_file,
    guarded,
    h,
    help_option,
    lang_option,
    open_repo,
    repo_option,
    write_document,
)


def _notice_of(ui: App, repo: Optional[Path], identifiant: str):
    from iaterr.authoring.records import existing_identifiers
    from iaterr.check.validate import YAML_SUFFIXES
    from iaterr.lint.run import environment_today
    from iaterr.publish.export import load_items
    from iaterr.publish.notice import build_notice

    repository = open_repo(ui, repo)
    known = sorted(existing_identifiers(repository, "cas_usage"))
    folder = repository.kind_dir("cas_usage")
    # an identifier is a file name of the folder, never a path: nothing else is looked up
    found = [folder / f"{identifiant}{suffix}" for suffix in YAML_SUFFIXES] if identifiant in known else []
    path = next((p for p in found if os.path.lexists(p)), None)
    if path is None:
        close = difflib.get_close_matches(identifiant[:200], known, n=3, cutoff=0.5)
        shown = identifiant if len(identifiant) <= 100 else identifiant[:100] + "…"
        raise Abort("notice.cli.inconnu", "hint.vous-vouliez-dire" if close else None, identifiant=shown,
                    suggestions=close)
    items = load_items(repository, paths=[path])
    if not items.items:
        raise Abort("notice.cli.invalide", exit_code=FINDINGS, identifiant=identifiant)
    return build_notice(items.items[0], lang=ui.lang, today=environment_today())


def _format(value: str) -> str:
    from iaterr.publish.notice import FORMATS

    if value not in FORMATS:
        raise Abort("cli.format-inconnu", valeur=value, formats=list(FORMATS))
    return value


def register(app: typer.Typer) -> None:
    @app.command("notice", help=h("help.notice"), add_help_option=False)
    def notice(
        identifiant: str = typer.Argument(..., help=h("help.notice.id"), metavar="ID"),
        format: str = typer.Option("md", "--format", "-f", help=h("help.notice.format"), metavar="md|html"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.export.out"), show_default=False,
                                           dir_okay=False, metavar=h("metavar.fichier")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.publish.notice import render_notice

        with guarded(lang) as ui:
            fmt = _format(format)
            target = checked_output_file(ui, out, repo)
            doc = _notice_of(ui, repo, identifiant)
            write_document(ui, render_notice(doc, fmt), target)
            code = OK
            if doc.decisions is None:
                ui.fail("notice.cli.decisions-inconnues")
                code = FINDINGS
            elif doc.missing:
                ui.fail("notice.cli.incomplete", champs=", ".join(f"{m.title} ({m.reference})" for m in doc.missing))
                code = FINDINGS
        raise typer.Exit(code)

    @app.command("mention", help=h("help.mention"), add_help_option=False)
    def mention(
        identifiant: str = typer.Argument(..., help=h("help.notice.id"), metavar="ID"),
        format: str = typer.Option("md", "--format", "-f", help=h("help.notice.format"), metavar="md|html"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.export.out"), show_default=False,
                                           dir_okay=False, metavar=h("metavar.fichier")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.publish.notice import render_mention

        with guarded(lang) as ui:
            fmt = _format(format)
            target = checked_output_file(ui, out, repo)
            doc = _notice_of(ui, repo, identifiant)
            if doc.decisions is False:
                ui.fail("mention.sans-objet", identifiant=identifiant)
                raise typer.Exit(FINDINGS)
            if doc.decisions is None:
                ui.fail("mention.inconnu", identifiant=identifiant)
                raise typer.Exit(FINDINGS)
            write_document(ui, render_mention(doc, fmt), target)
            lacking = [m for m in doc.missing if m.field in ("finalite", "exercice_droits")]
            code = OK
            if lacking:
                ui.fail("notice.cli.incomplete", champs=", ".join(f"{m.title} ({m.reference})" for m in lacking))
                code = FINDINGS
        raise typer.Exit(code)
