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
            break  # recent typer vendors click: the separate click is not loaded for nothing
        except (ImportError, AttributeError):
            continue
    return tuple(found)


_NO_ARGS = _classes("NoArgsIsHelpError")
_USAGE = _classes("UsageError")
_CLICK = _classes("ClickException")
# typer's own (recent typer), or click's under typer's name (older typer)
_EXIT: tuple[type[BaseException], ...] = (typer.Exit,)
_ABORT: tuple[type[BaseException], ...] = (typer.Abort,)


def _text_of(exc: BaseException) -> str:
    """The message of a click exception."""
    formatter = getattr(exc, "format_message", None)
    return str(formatter()) if callable(formatter) else str(exc)


#: Typer's own words in help texts and usage errors → message keys.
_TYPER_WORDS = {
    "Arguments": "help.panel.arguments", "Options": "help.panel.options", "Commands": "help.panel.commands",
    "default: {default}": "help.click.defaut", "required": "help.click.obligatoire",
    "env var: {var}": "help.click.variable", "(dynamic)": "help.click.dynamique", "Aborted!": "cli.interrompu",
    "Missing command.": "help.click.commande-manquante", "No such command {name!r}.": "help.click.commande-inconnue",
}


def _translate_typer() -> None:
    """The help texts are laid out by click (plain text: fast to load, words never cut) and their fixed
    words — section titles, "Usage:", defaults, "No such command" — are said in the run's language."""
    import typer.core
    from typer._click import formatting

    def translate(text: str) -> str:
        key = _TYPER_WORDS.get(text)
        return common.h(key) if key else text

    typer.core._ = translate  # type: ignore[assignment]  # click's gettext, in our words
    usage = common.h("help.click.utilisation")
    original = getattr(formatting.HelpFormatter, "_iaterr_write_usage", formatting.HelpFormatter.write_usage)

    def write_usage(self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, usage if prefix is None else prefix)

    formatting.HelpFormatter._iaterr_write_usage = original  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def build_app(lang: str = "fr") -> typer.Typer:
    """The typer application, with help texts in ``lang``."""
    common.HELP_LANG = lang if lang in ("fr", "en") else "fr"
    _translate_typer()
    app = typer.Typer(
        name="iaterr",
        help=common.h("help.app"),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
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

    from iaterr.cli import documents, export, generate, importer, init, lint, migrate, new, register, validate
    from iaterr.cli.qualification import register as register_qualification

    init.register(app)
    validate.register(app)
    lint.register(app)
    export.register(app)
    documents.register(app)
    generate.register(app)
    new.register(app)
    register_qualification(app)
    importer.register(app)
    register.register(app)
    migrate.register(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run iaterr; returns (and, from the console script, exits with) the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _help_lang(args)
    command = typer.main.get_command(build_app(lang))
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
