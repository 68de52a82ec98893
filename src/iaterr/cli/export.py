"""``iaterr export``: open data, the Bibliothèque's CSV and other registers."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import (
    FINDINGS,
    OK,
    Abort,
    checked_output_file,
    guarded,
    h,
    help_option,
    lang_option,
    open_repo,
    paths_in,
    repo_option,
    write_document,
)

#: shown in the help; the registry is the authority (a test checks they agree)
_FORMAT_NAMES = ("csv", "json", "bibliotheque", "eurocities", "algoritmeregister", "atrs", "ai-act", "table-schema")


def register(app: typer.Typer) -> None:
    @app.command("export", help=h("help.export"), add_help_option=False)
    def export(
        paths: Optional[list[Path]] = typer.Argument(None, help=h("help.export.paths"), show_default=False,
                                                    metavar=h("metavar.chemins")),
        csv_: bool = typer.Option(False, "--csv", help=h("help.export.csv")),
        json_: bool = typer.Option(False, "--json", help=h("help.export.json")),
        format: Optional[str] = typer.Option(None, "--format", "-f", help=h("help.export.format"),
                                             show_default=False, metavar="|".join(_FORMAT_NAMES)),
        table_schema: bool = typer.Option(False, "--table-schema", help=h("help.export.table-schema")),
        include_restricted: bool = typer.Option(False, "--include-restricted",
                                                help=h("help.export.include-restricted")),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.export.out"), show_default=False,
                                           dir_okay=False, metavar=h("metavar.fichier")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.publish.formats import FORMATS
        from iaterr.publish.formats import export as run_export

        with guarded(lang) as ui:
            chosen = [f for f, on in (("csv", csv_), ("json", json_)) if on] + ([format] if format else [])
            if table_schema:
                chosen.append("table-schema")
            if len(chosen) > 1:
                raise Abort("export.un-seul-format", formats=chosen)
            fmt = chosen[0] if chosen else "csv"
            if fmt == "table-schema" and include_restricted:  # it describes the public CSV only
                raise Abort("export.schema-restreint")
            if fmt not in FORMATS:
                raise Abort("cli.format-inconnu", valeur=fmt, formats=list(FORMATS))
            target = checked_output_file(ui, out, repo)
            repository = open_repo(ui, repo) if FORMATS[fmt].reads_records else None
            selected = paths_in(repository, paths) or None if repository is not None else None
            with ui.working("export.lecture"):
                text, items = run_export(repository, fmt, lang=ui.lang, include_restricted=include_restricted,
                                         paths=selected)
            if include_restricted and repository is not None:
                ui.say("export.restreint", style="bold yellow")
            write_document(ui, text, target)
            for rel, count in items.skipped:
                ui.say("export.ignore" if count else "export.ignore-collectivite", style="yellow", fichier=rel, n=count)
            if repository is not None:
                ui.say("export.bilan", style="dim", n=len(items.items), format=fmt)
            code = FINDINGS if items.skipped else OK
        raise typer.Exit(code)
