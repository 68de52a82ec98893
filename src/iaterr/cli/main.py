"""Entry point: ``iaterr`` and ``python -m iaterr``."""

from __future__ import annotations

import importlib
import sys
from typing import Optional

import typer

from iaterr import __version__
from iaterr.cli import common
from iaterr.i18n import env_lang, message


def _help_lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1][:2].lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1][:2].lower()
    return env_lang() or "fr"


def _classes(name: str) -> tuple[type[BaseException], ...]:
    """Exception classes of click, vendored by recent typer or installed beside older ones."""
    found: list[type[BaseException]] = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            found.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            continue
    return tuple(found)


_NO_ARGS = _classes("NoArgsIsHelpError")
_USAGE = _classes("UsageError")
_CLICK = _classes("ClickException")
_EXIT: tuple[type[BaseException], ...] = (typer.Exit, *_classes("Exit"))
_ABORT: tuple[type[BaseException], ...] = (typer.Abort, *_classes("Abort"))


def _text_of(exc: BaseException) -> str:
    """The message of a click exception."""
    formatter = getattr(exc, "format_message", None)
    return str(formatter()) if callable(formatter) else str(exc)


def _translate_help_panels() -> None:
    """Typer's own help words (panel titles, defaults) in the run's language."""
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover
        return
    for name, key in (("ARGUMENTS_PANEL_TITLE", "help.panel.arguments"), ("OPTIONS_PANEL_TITLE", "help.panel.options"),
                      ("COMMANDS_PANEL_TITLE", "help.panel.commands"), ("DEFAULT_STRING", "help.default"),
                      ("REQUIRED_LONG_STRING", "help.required")):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, common.h(key))


def _err(text: str) -> None:
    print(text, file=sys.stderr)


#: Commands that do their work (as opposed to groups, which show their help without a subcommand).
RUNNABLE = frozenset({"validate", "lint", "rules", "export", "notice", "mention", "schema", "reference", "new", "init",
                      "build", "bibliotheque"})


def _shows_help(args: list[str]) -> bool:
    """Will this run print a help text? (Typer's help layout costs a tenth of a second to import: a command
    that does its work does not pay for it.)"""
    return "--help" in args or "-h" in args or not any(arg in RUNNABLE for arg in args)


def build_app(lang: str = "fr", *, help_text: bool = True) -> typer.Typer:
    """The typer application, with help texts in ``lang``; ``help_text=False`` when no help will be shown."""
    common.HELP_LANG = lang if lang in ("fr", "en") else "fr"
    if help_text:
        _translate_help_panels()
    app = typer.Typer(
        name="iaterr",
        help=common.h("help.app"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        pretty_exceptions_enable=False,
        add_help_option=False,
    )

    def version_callback(value: bool) -> None:
        if value:
            typer.echo(f"iaterr {__version__}")
            raise typer.Exit(0)

    @app.callback()
    def root(
        version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                     help=common.h("help.version")),
        lang: Optional[str] = common.lang_option(),
        help_: bool = common.help_option(),
    ) -> None:
        common.ROOT_LANG = lang

    from iaterr.cli import documents, export, generate, importer, init, lint, new, register, validate

    init.register(app)
    validate.register(app)
    lint.register(app)
    export.register(app)
    documents.register(app)
    generate.register(app)
    new.register(app)
    importer.register(app)
    register.register(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run iaterr; returns (and, from the console script, exits with) the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _help_lang(args)
    command = typer.main.get_command(build_app(lang, help_text=_shows_help(args)))
    try:
        result = command.main(args=args, prog_name="iaterr", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except _NO_ARGS:  # typer has shown the help already
        code = 0
    except _USAGE as exc:
        ctx = getattr(exc, "ctx", None)
        path = getattr(ctx, "command_path", "") or ""
        name = path.split(" ", 1)[1] if " " in path else ""  # "iaterr import bibliotheque" → "import bibliotheque"
        _err("✗ " + message("cli.erreur-usage", lang, detail=_text_of(exc)))
        _err("  → " + message("cli.erreur-usage.aide", lang, commande=name).replace("iaterr  ", "iaterr "))
        code = common.FAILURE
    except _EXIT as exc:
        code = int(getattr(exc, "exit_code", common.FAILURE) or 0)
    except _ABORT + (KeyboardInterrupt,):
        _err(message("cli.interrompu", lang))
        code = common.FAILURE
    except _CLICK as exc:
        _err("✗ " + _text_of(exc))
        code = common.FAILURE
    if argv is None:
        sys.exit(code)
    return code


def __getattr__(name: str) -> typer.Typer:
    """``iaterr.cli.main.app``: the typer application, for tools that want it (made when first asked for)."""
    if name == "app":
        return build_app(_help_lang(sys.argv[1:]))
    raise AttributeError(name)
