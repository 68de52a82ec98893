"""``iaterr export``: open data, the Bibliothèque's CSV and other registers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from iaterr.cli.common import (
    FINDINGS, OK, Abort, guarded, h, help_option, lang_option, open_repo, paths_in, repo_option,
)

#: format → (builder name, what it is)
FORMATS = ("csv", "json", "bibliotheque", "eurocities", "algoritmeregister", "atrs", "ai-act")


def render_export(fmt: str, items, lang: str) -> str:
    from iaterr.publish import opendata

    if fmt == "csv":
        return opendata.to_csv(items)
    if fmt == "json":
        return opendata.to_json(items)
    if fmt == "bibliotheque":
        return opendata.to_bibliotheque_csv(items)
    from iaterr.publish import standards

    return standards.render(fmt, items, lang=lang)


def register(app: typer.Typer) -> None:
    @app.command("export", help=h("help.export"), add_help_option=False)
    def export(
        paths: Optional[List[Path]] = typer.Argument(None, help=h("help.export.paths"), show_default=False,
                                                    metavar=h("metavar.chemins")),
        csv_: bool = typer.Option(False, "--csv", help=h("help.export.csv")),
        json_: bool = typer.Option(False, "--json", help=h("help.export.json")),
        format: Optional[str] = typer.Option(None, "--format", "-f", help=h("help.export.format"),
                                             show_default=False, metavar="|".join(FORMATS)),
        table_schema: bool = typer.Option(False, "--table-schema", help=h("help.export.table-schema")),
        include_restricted: bool = typer.Option(False, "--include-restricted",
                                                help=h("help.export.include-restricted")),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.export.out"), show_default=False,
                                           dir_okay=False, metavar=h("metavar.fichier")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.publish.export import load_items
        from iaterr.repo.yamlio import atomic_write

        with guarded(lang) as ui:
            chosen = [f for f, on in (("csv", csv_), ("json", json_)) if on] + ([format] if format else [])
            if table_schema:
                chosen.append("table-schema")
            if len(chosen) > 1:
                raise Abort("export.un-seul-format", formats=chosen)
            fmt = chosen[0] if chosen else "csv"
            if fmt not in FORMATS + ("table-schema",):
                raise Abort("cli.format-inconnu", valeur=fmt, formats=list(FORMATS))
            skipped = []
            if fmt == "table-schema":
                from iaterr.publish.opendata import table_schema_text

                text = table_schema_text()
            else:
                repository = open_repo(ui, repo)
                selected = paths_in(repository, paths) or None
                status = ui.err.status(ui_message(ui, "export.lecture")) if ui.err.is_terminal else None
                if status:
                    status.start()
                try:
                    prepare = None
                    if fmt == "csv":
                        import functools

                        from iaterr.publish.opendata import csv_cells

                        prepare = functools.partial(csv_cells, include_restricted)
                    items = load_items(repository, include_restricted=include_restricted, prepare=prepare,
                                       paths=selected)
                    text = render_export(fmt, items, ui.lang)
                finally:
                    if status:
                        status.stop()
                skipped = items.skipped
                if include_restricted:
                    ui.say("export.restreint", style="bold yellow")
            if out is None:
                sys.stdout.write(text)
                sys.stdout.flush()
            else:
                try:
                    atomic_write(out, text)
                except OSError as exc:
                    raise Abort("cli.ecriture-impossible", chemin=str(out), erreur=exc.strerror) from exc
                ui.say("cli.ecrit", style="green", chemin=str(out))
            for rel, count in skipped:
                ui.say("export.ignore", style="yellow", fichier=rel, n=count)
            if fmt != "table-schema":
                ui.say("export.bilan", style="dim", n=len(items.items), format=fmt)
            code = FINDINGS if skipped else OK
        raise typer.Exit(code)


def ui_message(ui, key: str, **params) -> str:
    from iaterr.i18n import message

    return message(key, ui.lang, **params)
