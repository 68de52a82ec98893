"""``iaterr export``: open data, the Bibliothèque's CSV and other registers."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
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
    write_file,
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
        from iaterr.publish.formats import FORMATS, exporting

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
            # written as it is made (one record at a time), whole or not at all in a file
            with ExitStack() as stack:
                with ui.working("export.lecture"):
                    pieces, items = stack.enter_context(exporting(
                        repository, fmt, lang=ui.lang, include_restricted=include_restricted, paths=selected))
                    if include_restricted and repository is not None:
                        ui.say("export.restreint", style="bold yellow")
                    if target is not None:
                        write_file(ui, target, pieces)
                if target is None:
                    _to_stdout(pieces)
                count = len(items.items)
            for rel, n in items.skipped:
                ui.say("export.ignore" if n else "export.ignore-collectivite", style="yellow", fichier=rel, n=n)
            if repository is not None:
                ui.say("export.bilan", style="dim", n=count, format=fmt)
            code = FINDINGS if items.skipped else OK
        raise typer.Exit(code)


def _to_stdout(pieces: Iterable[str]) -> None:
    """The export on the standard output, piece by piece: on a terminal, control and invisible characters
    shown as escapes (as :func:`~iaterr.cli.common.write_document` does)."""
    import sys

    from iaterr.base.text import printable

    tty = sys.stdout.isatty()
    for piece in pieces:
        sys.stdout.write(printable(piece) if tty else piece)
    sys.stdout.flush()
