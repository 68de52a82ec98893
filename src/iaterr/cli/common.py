"""What every command shares: options, language, output, errors, exit codes."""

from __future__ import annotations

import os
import stat
import sys
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from iaterr.i18n import LANGS, env_lang, message, resolve_lang
from iaterr.repo.config import Repository, RepositoryError, open_repository

if TYPE_CHECKING:  # rich is imported when a command prints, not to show a help text
    from rich.console import Console

    from iaterr.publish.export import ExportItem

#: Exit codes, whatever the output format.
OK, FINDINGS, FAILURE = 0, 1, 2

# The language of help texts is known before options are parsed (see main.py).
HELP_LANG = "fr"
# ``iaterr --lang en COMMAND``: the language given before the command.
ROOT_LANG: Optional[str] = None


def h(key: str) -> str:
    """A help text in the language chosen for this run."""
    return message(key, HELP_LANG)


def _show_help(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        text = ctx.get_help()
        if text:
            typer.echo(text)
        raise typer.Exit(OK)


def help_option():
    """``-h/--help`` with its own text in the run's language."""
    return typer.Option(False, "--help", "-h", is_eager=True, expose_value=False, callback=_show_help,
                        help=h("help.help"), show_default=False)


def repo_option():
    return typer.Option(None, "--repo", help=h("help.repo"), show_default=False, file_okay=False,
                        metavar=h("metavar.dossier"))


def paths_argument():
    """``[CHEMIN…]``: files or folders of the repository (by default, all of it)."""
    return typer.Argument(None, help=h("help.validate.paths"), show_default=False, metavar=h("metavar.chemins"))


def report_format_option():
    return typer.Option(None, "--format", "-f", help=h("help.validate.format"), show_default=False,
                        metavar="text|json|github")


def strict_option():
    return typer.Option(False, "--strict", help=h("help.validate.strict"))


def no_cache_option():
    return typer.Option(False, "--no-cache", help=h("help.validate.no-cache"))


def quiet_option():
    return typer.Option(False, "--quiet", "-q", help=h("help.validate.quiet"))


def lang_option():
    return typer.Option(None, "--lang", help=h("help.lang"), show_default=False, metavar="fr|en")


def close_identifiers(typed: str, candidates: list[str]) -> list[str]:
    """The identifiers a mistyped one probably meant: those that contain it, else the most alike."""
    import difflib

    return [i for i in candidates if typed and typed in i][:3] or difflib.get_close_matches(typed, candidates, 3, 0.5)


def command_line(*words: str, repo: Optional[Path] = None) -> str:
    """A command to type, as a hint: ``iaterr`` and ``words``, with the ``--repo`` the person gave (a hint
    without it fails from the folder they are in)."""
    import shlex

    parts = ["iaterr", *words] + (["--repo", str(repo)] if repo is not None else [])
    return " ".join(shlex.quote(p) for p in parts)


class Abort(Exception):
    """Stop the command with a message and an exit code (2 unless said otherwise)."""

    def __init__(self, key: str, hint: str | None = None, *, exit_code: int = FAILURE, **params: Any) -> None:
        super().__init__(key)
        self.key, self.hint, self.code, self.params = key, hint, exit_code, params


@dataclass
class App:
    """Output and language of one command run."""

    lang: str
    out: Console
    err: Console
    #: True when the language was chosen by --lang or IATERR_LANG, which win over the repository's
    explicit_lang: bool = False

    def adopt_repository_language(self, config_lang: str) -> None:
        if not self.explicit_lang and config_lang in LANGS:
            self.lang = config_lang

    def say(self, key: str, style: str | None = None, **params: Any) -> None:
        self._line(self.err, key, style, params)

    def report(self, key: str, style: str | None = None, **params: Any) -> None:
        """A line of the command's report (what it did, what it found), on the standard output: a log or a pipe
        keeps it apart from the progress and the usage errors, which stay on the error output."""
        self._line(self.out, key, style, params)

    def _line(self, console: Console, key: str, style: str | None, params: dict[str, Any]) -> None:
        from rich.text import Text

        # at a terminal, lines wrap at word boundaries; elsewhere (a log, a pipe) one message is one line
        console.print(Text(message(key, self.lang, **_one_line(params)), style=style or ""),
                      soft_wrap=not console.is_terminal)

    def say_text(self, text: str, style: str | None = None) -> None:
        """A text already in the run's language (the questionnaire's help), on the standard output, wrapped
        at word boundaries at a terminal."""
        from rich.text import Text

        self.out.print(Text(text, style=style or ""), soft_wrap=not self.out.is_terminal)

    @contextmanager
    def working(self, key: str, **params: Any) -> Iterator[None]:
        """A spinner with a message on an interactive terminal while the body runs."""
        status = self.err.status(message(key, self.lang, **params)) if self.err.is_terminal else None
        if status is not None:
            status.start()
        try:
            yield
        finally:
            if status is not None:
                status.stop()

    def fail(self, key: str, hint: str | None = None, **params: Any) -> None:
        from rich.text import Text

        params = _one_line(params)
        self.err.print(Text("✗ " + message(key, self.lang, **params), style="bold red"), soft_wrap=True)
        if hint:
            self.err.print(Text("  → " + message(hint, self.lang, **params), style="green"), soft_wrap=True)


def _one_line(params: dict[str, Any]) -> dict[str, Any]:
    """Values shown in a one-line message: their line breaks shown as ``\\n`` (a value could otherwise forge
    lines of the report, or a CI annotation)."""
    from iaterr.base.text import printable_line

    return {k: printable_line(v) if isinstance(v, str) else v for k, v in params.items()}


def make_app(lang_opt: Optional[str], config_lang: str | None = None) -> App:
    lang_opt = lang_opt or ROOT_LANG
    if lang_opt is not None and lang_opt[:2].lower() not in LANGS:
        raise Abort("cli.langue-inconnue", valeur=lang_opt)
    from rich.console import Console

    lang = resolve_lang(lang_opt, config_lang)
    no_color = bool(os.environ.get("NO_COLOR"))
    return App(
        lang,
        Console(file=sys.stdout, highlight=False, no_color=no_color, soft_wrap=False),
        Console(file=sys.stderr, highlight=False, no_color=no_color, soft_wrap=False),
        explicit_lang=bool(lang_opt or env_lang()),
    )


def open_repo(app: App, repo: Optional[Path], *, allow_embedded: bool = True) -> Repository:
    try:
        found = open_repository(repo, allow_embedded=allow_embedded)
    except RepositoryError as exc:
        hint = "cli.depot-introuvable.aide" if exc.key == "cli.depot-introuvable" else None
        raise Abort(exc.key, hint, **exc.params) from exc
    app.adopt_repository_language(found.config.langue)
    if found.embedded:
        app.say("cli.depot-embarque", style="dim", dossier=str(Path.cwd()), chemin=str(found.root))
    say_restricted_unavailable(app, found)
    return found


def say_restricted_unavailable(app: App, repository: Repository) -> None:
    """Once per command: a public repository whose restricted store is not here is read on its public fields
    only. A store that must not be read stops the command (exit 2)."""
    if not (repository.config.public or repository.config.restreint):
        return
    from iaterr.repo.restreint import locate

    try:
        where = locate(repository)
    except RepositoryError as exc:
        raise Abort(exc.key, **exc.params) from exc
    if where.ignored:
        app.say(where.ignored, style="dim", chemin=where.shown, variable=where.source)
        return
    if where.available or not repository.config.public:
        return
    if where.configured:
        app.say("restreint.indisponible", style="dim", chemin=where.shown)
    else:
        app.say("restreint.non-configure", style="dim")


def use_case_item(app: App, repo: Optional[Path], identifiant: str) -> tuple[ExportItem, Repository]:
    """The use case ``identifiant`` as published (public fields, with its collectivité) and its repository.
    An identifier is a file name of the use-case folder, never a path: nothing else is looked up. Unknown: a
    message with the closest identifiers (code 2); invalid: a message sending to `iaterr validate` (code 1)."""

    from iaterr.authoring.records import existing_identifiers
    from iaterr.check.validate import YAML_SUFFIXES
    from iaterr.publish.export import load_items

    repository = open_repo(app, repo)
    known = sorted(existing_identifiers(repository, "cas_usage"))
    folder = repository.kind_dir("cas_usage")
    found = [folder / f"{identifiant}{suffix}" for suffix in YAML_SUFFIXES] if identifiant in known else []
    path = next((p for p in found if os.path.lexists(p)), None)
    if path is None:
        close = close_identifiers(identifiant[:200], known)
        shown = identifiant if len(identifiant) <= 100 else identifiant[:100] + "…"
        raise Abort("cli.cas-inconnu", "hint.vous-vouliez-dire" if close else None, identifiant=shown,
                    suggestions=close)
    items = load_items(repository, paths=[path])
    if not items.items:
        raise Abort("cli.cas-invalide", exit_code=FINDINGS, identifiant=identifiant)
    return items.items[0], repository


@contextmanager
def guarded(lang_opt: Optional[str]) -> Iterator[App]:
    """Run a command body: people get messages, never tracebacks; exit codes are ours."""
    global ROOT_LANG
    try:
        app = make_app(lang_opt)
    except Abort as exc:
        ROOT_LANG = None  # the language asked for is the problem: say it in the default one
        make_app(None).fail(exc.key, exc.hint, **exc.params)
        raise typer.Exit(exc.code) from None
    try:
        yield app
    except Abort as exc:
        app.fail(exc.key, exc.hint, **exc.params)
        raise typer.Exit(exc.code) from None
    except RepositoryError as exc:  # a repository or a file that cannot be used: its message names it
        app.fail(exc.key, **exc.params)
        raise typer.Exit(FAILURE) from None
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:
        app.say("cli.interrompu", style="yellow")
        raise typer.Exit(FAILURE) from None
    except Exception as exc:  # an internal failure: say so plainly
        if os.environ.get("IATERR_DEBUG"):
            traceback.print_exc()
        app.fail("cli.erreur-interne", "cli.erreur-interne.aide", erreur=f"{type(exc).__name__}: {exc}")
        raise typer.Exit(FAILURE) from None


def output_format(option: Optional[str]) -> str:
    """``--format``, or ``github`` under GitHub Actions, else ``text``."""
    from iaterr.check.render import FORMATS

    fmt = option or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in FORMATS:
        raise Abort("cli.format-inconnu", valeur=fmt, formats=list(FORMATS))
    return fmt


def paths_in(repository: Repository, paths: Optional[list[Path]]) -> list[Path]:
    """The paths given on the command line, each checked to exist inside the repository. A symbolic link in
    the repository is let through: reading it is refused, and reported, where records are read."""
    from iaterr.base.files import UnsafePath, contained

    out = []
    for path in paths or []:
        if not os.path.lexists(path):
            raise Abort("cli.chemin-introuvable", chemin=str(path))
        candidates = [Path(os.path.abspath(path)), Path(os.path.realpath(Path(path).parent)) / Path(path).name]
        inside = None
        for candidate in candidates:
            try:
                inside = contained(repository.root, candidate)
            except UnsafePath as exc:
                if exc.reason == "lien":
                    inside = candidate
            if inside is not None:
                break
        if inside is None:
            raise Abort("cli.chemin-hors-depot", chemin=str(path), depot=str(repository.root))
        out.append(inside)
    return out


def _quiet_repository(repo: Optional[Path]) -> Repository | None:
    try:
        return open_repository(repo, allow_embedded=False)
    except RepositoryError:
        return None


def checked_output_file(app: App, out: Optional[Path], repo: Optional[Path]) -> Path | None:
    """``--out FILE`` checked before anything is done: never a folder, a link, a device, a file of git's,
    or a record of the data repository. None: the standard output."""
    from iaterr.base.files import UnsafePath, contained, link_target

    if out is None or str(out) == "-":
        return None
    target = Path(os.path.abspath(out))
    real = Path(os.path.realpath(target.parent)) / target.name  # where the folders on the way really lead
    if ".git" in target.parts or ".git" in real.parts:
        raise Abort("cli.sortie-git", "cli.sortie.aide", chemin=str(out))
    if os.path.lexists(target):
        info = os.lstat(target)
        if stat.S_ISLNK(info.st_mode):
            raise Abort("cli.sortie-lien", "cli.sortie.aide", chemin=str(out), cible=link_target(target))
        if stat.S_ISDIR(info.st_mode):
            raise Abort("cli.sortie-dossier", "cli.sortie.aide", chemin=str(out))
        if not stat.S_ISREG(info.st_mode):
            raise Abort("cli.sortie-speciale", "cli.sortie.aide", chemin=str(out))
    repository = _quiet_repository(repo)
    if repository is not None:
        root = Path(os.path.abspath(repository.root))
        if root in target.parents:  # in the repository, a folder on the way may be a link a contributor committed
            try:
                contained(root, target)
            except UnsafePath as exc:
                raise Abort("cli.sortie-lien", "cli.sortie.aide", chemin=str(exc.link or out), cible=exc.target) \
                    from exc
        for data in (Path(os.path.abspath(repository.data_dir)), Path(os.path.realpath(repository.data_dir))):
            if any(t == data or data in t.parents for t in (target, real)):
                raise Abort("cli.sortie-donnees", "cli.sortie.aide", chemin=str(out), dossier=str(data))
    return target


def write_document(app: App, text: str, target: Path | None) -> None:
    """A document to ``target`` (whole or not at all), or to the standard output: there, on a terminal,
    control and invisible characters are shown as escapes."""
    from iaterr.base.text import printable

    if target is None:
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
        sys.stdout.flush()
        return
    write_file(app, target, text)


def write_file(app: App, path: Path, text: str | Iterable[str], root: Path | None = None) -> None:
    """Write ``path`` whole or not at all, and say so; a failure is a message with the path (code 2). With
    ``root`` (the data repository holding it), no folder on the way may be a link."""
    from iaterr.base.files import remove_stale_temporaries
    from iaterr.repo.writing import write_whole

    remove_stale_temporaries(path.parent)  # what a killed run left beside the file
    write_whole(path, text, root=root)
    app.say("cli.ecrit", style="green", chemin=str(path))


def print_report(app: App, report, fmt: str, *, strict: bool, quiet: bool, title: str,
                 heading: str = "resume.titre", table: bool = True) -> None:
    from iaterr.check.render import render_github, render_json, render_text

    if fmt in ("json", "github"):  # plain text for programs, written as is (rich would take seconds on 10 MB)
        text = render_json(report, app.lang, strict=strict) if fmt == "json" else render_github(report, app.lang)
        app.out.file.write(text + "\n")
        app.out.file.flush()
    else:
        app.out.print(render_text(report, app.lang, quiet=quiet, title=title, heading=heading, table=table),
                      soft_wrap=True)
