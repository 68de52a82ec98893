"""``iaterr schema`` and ``iaterr reference``: files generated from the model."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import (
    FAILURE,
    FINDINGS,
    OK,
    App,
    guarded,
    h,
    help_option,
    lang_option,
    open_repo,
    repo_option,
    write_file,
)


def write_generated(ui: App, files: dict[Path, str], check: bool, command: str, root: Path | None = None) -> int:
    """Write the generated ``files`` that changed (or, with ``check``, say which are stale); with ``root``,
    they belong to that repository and are never written through a link."""
    stale = []
    for path, text in files.items():
        if _holds(path, text.encode("utf-8"), root):
            ui.say("cli.a-jour", style="dim", chemin=str(path))
            continue
        if check:
            stale.append(path)
            continue
        write_file(ui, path, text, root)
    for path in stale:
        ui.fail("cli.pas-a-jour", "cli.pas-a-jour.aide", chemin=str(path), commande=command)
    return FINDINGS if stale else OK


def _holds(path: Path, payload: bytes, root: Path | None) -> bool:
    """Does the file at ``path`` hold exactly ``payload``? Never through a link (under ``root``, no folder on the
    way may be one either), never anything but a regular file of that very size: a committed link to
    ``/dev/zero`` or a pipe is never read."""
    from iaterr.base.files import UnsafePath, contained, read_regular

    try:
        target = contained(root, path) if root is not None else path
        info = os.lstat(target)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(payload):
            return False
        return read_regular(target, info.st_ino) == payload
    except (OSError, UnsafePath):
        return False


def _table_schema_repo(ui: App, folder: Path, repo: Optional[Path], check: bool) -> int:
    """``iaterr schema --table-schema-repo DIR``: the open-data Table Schema as a repository for
    schema.data.gouv.fr, from the repository's ``iaterr.yaml``."""
    from iaterr.publish.schema_repo import NoSchemaRepository, schema_repository

    repository = open_repo(ui, repo, allow_embedded=False)
    try:
        files = schema_repository(repository.config)
    except NoSchemaRepository:
        ui.fail("schema.depot-schema-manquant", "schema.depot-schema-manquant.aide",
                fichier=str(repository.root / "iaterr.yaml"))
        return FAILURE
    return write_generated(ui, {folder / name: text for name, text in files.items()}, check,
                           "schema --table-schema-repo")


def register(app: typer.Typer) -> None:
    @app.command("schema", help=h("help.schema"), add_help_option=False)
    def schema(
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.schema.out"), show_default=False,
                                           file_okay=False),
        check: bool = typer.Option(False, "--check", help=h("help.schema.check")),
        table_schema_repo: Optional[Path] = typer.Option(None, "--table-schema-repo",
                                                         help=h("help.schema.table-schema-repo"),
                                                         show_default=False, file_okay=False),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.model.jsonschema import schema_texts

        with guarded(lang) as ui:
            if table_schema_repo is not None:
                raise typer.Exit(_table_schema_repo(ui, table_schema_repo, repo, check))
            root: Path | None = None
            if out is None:
                repository = open_repo(ui, repo, allow_embedded=False)
                root, folder = repository.root, repository.schema_dir
            else:
                folder = out
            code = write_generated(ui, {folder / name: text for name, text in schema_texts().items()}, check, "schema",
                                   root)
        raise typer.Exit(code)

    @app.command("reference", help=h("help.reference"), add_help_option=False)
    def reference(
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.reference.out"), show_default=False,
                                           dir_okay=False),
        check: bool = typer.Option(False, "--check", help=h("help.reference.check")),
        examples: bool = typer.Option(False, "--exemples", help=h("help.reference.exemples")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.publish.reference import REFERENCE_PATHS, render_reference

        with guarded(lang) as ui:
            if examples:
                from iaterr.publish.examples import example_texts

                root = open_repo(ui, repo, allow_embedded=False).root
                texts = example_texts(root)
                code = write_generated(ui, {root / "docs" / "exemples" / n: t for n, t in texts.items()}, check,
                                       "reference --exemples", root)
                raise typer.Exit(code)
            base: Path | None = None
            if out is None:
                base = open_repo(ui, repo, allow_embedded=False).root
                out = base / REFERENCE_PATHS[ui.lang]
            code = write_generated(ui, {out: render_reference(ui.lang)}, check, "reference", base)
        raise typer.Exit(code)
