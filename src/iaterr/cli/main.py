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

    command_args = common.h("help.click.commande-args")
    lang = common.HELP_LANG
    original_heading = getattr(formatting.HelpFormatter, "_iaterr_write_heading",
                               formatting.HelpFormatter.write_heading)

    def write_usage(self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("COMMAND [ARGS]...", command_args)  # a group's: click's words, not ours
        original(self, prog, args, usage if prefix is None else prefix)

    def write_heading(self: formatting.HelpFormatter, title: str) -> None:
        self.write(f"{'':>{self.current_indent}}{message('help.click.titre', lang, titre=title)}\n")

    formatting.HelpFormatter._iaterr_write_usage = original  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    formatting.HelpFormatter._iaterr_write_heading = original_heading  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_heading = write_heading  # type: ignore[method-assign,assignment]
    from typer._click import termui

    confirm = _confirm(common.HELP_LANG)
    termui.confirm = confirm
    typer.confirm = confirm


#: click's fixed sentences (typer vendors click without gettext: they are matched in the message) → message
#: keys, whose parameters are the named groups. Matched whole, in this order; the details of "Invalid value
#: for X: …" are matched again. A sentence not listed stays as click says it.
_CLICK_SENTENCES: tuple[tuple[str, str], ...] = (
    (r"(?s)(?P<tete>.*?)\.? Did you mean (?P<suggestions>.+)\?", "help.click.vouliez-vous-dire"),
    (r"(?s)(?P<tete>.*?) \(Possible options: (?P<options>.+)\)", "help.click.options-possibles"),
    (r"No such option: (?P<nom>.+)", "help.click.option-inconnue"),
    (r"No such command (?P<nom>.+)\.", "help.click.commande-inconnue-nommee"),
    (r"Missing command\.", "help.click.commande-manquante"),
    (r"Missing argument (?P<nom>.+?)\.(?: (?P<suite>.*))?", "help.click.argument-manquant"),
    (r"Missing option (?P<nom>.+?)\.(?: (?P<suite>.*))?", "help.click.option-manquante"),
    (r"Missing parameter:? (?P<nom>.+?)\.?", "help.click.parametre-manquant"),
    (r"Option (?P<nom>\S+) requires an argument\.", "help.click.option-sans-valeur"),
    (r"Option (?P<nom>\S+) requires (?P<nombre>\d+) arguments\.", "help.click.option-valeurs"),
    (r"Option (?P<nom>\S+) does not take a value\.", "help.click.option-sans-valeur-attendue"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)", "help.click.arguments-en-trop"),
    (r"(?s)Invalid value for (?P<nom>.+?): (?P<detail>.*)", "help.click.valeur-invalide-pour"),
    (r"(?s)Invalid value: (?P<detail>.*)", "help.click.valeur-invalide"),
    (r"(?P<valeur>.+) is not a valid (?:integer|int range|integer range)\.", "help.click.pas-un-entier"),
    (r"(?P<valeur>.+) is not a valid (?:float|float range)\.", "help.click.pas-un-nombre"),
    (r"(?s)(?P<valeur>.+) is not a valid boolean\..*", "help.click.pas-un-booleen"),
    (r"(?s)(?P<valeur>.+) is not one of (?P<valeurs>.+)\.", "help.click.pas-dans-la-liste"),
    (r"(?P<valeur>.+) is not in the range (?P<intervalle>.+)\.", "help.click.hors-intervalle"),
    (r"(?:File|Directory|Path) (?P<chemin>.+) does not exist\.", "help.click.chemin-inexistant"),
    (r"(?:File|Directory|Path) (?P<chemin>.+) is a file\.", "help.click.chemin-fichier"),
    (r"(?:File|Directory|Path) (?P<chemin>.+) is a directory\.", "help.click.chemin-dossier"),
    (r"(?:File|Directory|Path) (?P<chemin>.+) is not (?:readable|writable)\.", "help.click.chemin-interdit"),
)
#: the groups that hold click's words again, said in ours in turn
_NESTED = ("tete", "detail")


def in_our_words(text: str, lang: str) -> str:
    """A message of click or typer (usage errors) in the run's language; what is not recognised is kept."""
    import re

    for pattern, key in _CLICK_SENTENCES:
        found = re.fullmatch(pattern, text.strip())
        if found is None:
            continue
        params = {name: in_our_words(value, lang) if name in _NESTED else value
                  for name, value in found.groupdict().items() if name != "suite"}
        said = message(key, lang, **params)
        suite = found.groupdict().get("suite")  # click's list of choices after a missing value: as it is
        return f"{said} {suite}" if suite else said
    return text


def _confirm(lang: str):
    """typer's confirmation (« [y/N] ») in the run's language: « [o/N] », o/oui and n/non understood too."""
    from typer._click import termui

    def confirm(text: str, default: bool | None = False, abort: bool = False, prompt_suffix: str = ": ",
                show_default: bool = True, err: bool = False) -> bool:
        choices = message("help.click.oui-non" if default is None else
                          "help.click.Oui-non" if default else "help.click.oui-Non", lang)
        prompt = f"{text} [{choices}]{prompt_suffix}" if show_default else f"{text}{prompt_suffix}"
        while True:
            try:
                termui.echo(prompt[:-1], nl=False, err=err)
                value = termui.visible_prompt_func(prompt[-1:]).lower().strip()
            except (KeyboardInterrupt, EOFError):
                raise typer.Abort() from None
            if value in ("o", "oui", "y", "yes"):
                answer = True
            elif value in ("n", "non", "no"):
                answer = False
            elif default is not None and value == "":
                answer = default
            else:
                termui.echo(message("help.click.oui-non.erreur", lang), err=err)
                continue
            break
        if abort and not answer:
            raise typer.Abort()
        return answer

    return confirm


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

    from iaterr.cli import documents, edit, export, generate, importer, init, lint, migrate, new, register, validate
    from iaterr.cli.aggregate import register as register_aggregate
    from iaterr.cli.qualification import register as register_qualification
    from iaterr.cli.restreint import register as register_restreint

    init.register(app)
    validate.register(app)
    lint.register(app)
    export.register(app)
    documents.register(app)
    generate.register(app)
    new.register(app)
    edit.register(app)
    register_qualification(app)
    importer.register(app)
    register.register(app)
    migrate.register(app)
    register_aggregate(app)
    register_restreint(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run iaterr; returns (and, from the console script, exits with) the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _help_lang(args)
    command = typer.main.get_command(build_app(lang))
    try:
        result = command.main(args=args, prog_name="iaterr", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except _NO_ARGS as exc:  # `iaterr`, `iaterr import` alone: the help, which the error carries
        sys.stdout.write(_text_of(exc).rstrip("\n") + "\n")
        code = 0
    except _USAGE as exc:
        ctx = getattr(exc, "ctx", None)
        path = getattr(ctx, "command_path", "") or ""
        name = path.split(" ", 1)[1] if " " in path else ""  # "iaterr import bibliotheque" → "import bibliotheque"
        detail = in_our_words(_text_of(exc), lang)
        _err("✗ " + message("cli.erreur-usage", lang, detail=detail))
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
