"""``iaterr init``: create (or complete) a data repository.

The work is done by :func:`iaterr.authoring.scaffold.init_repository`; this module
reads the options, asks about the collectivité when a terminal is there and no
``--nom`` was given, and prints what was done. Without a terminal (CI, scripts)
and without ``--nom``, nothing is asked: the repository is created without a
collectivité, and the report says how to add it later (``iaterr init --nom …``
again, which overwrites nothing).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from iaterr.cli import common
from iaterr.cli.common import FAILURE, OK, Abort, App, guarded, h, help_option, lang_option
from iaterr.i18n import message

#: Collectivité fields and the options that give them.
FIELD_OPTIONS = {
    "nom": "--nom",
    "siret": "--siret",
    "type": "--type",
    "contact": "--contact",
    "site_web": "--site-web",
    "latitude": "--latitude",
    "longitude": "--longitude",
    "code_insee": "--code-insee",
    "identifiant": "--identifiant",
}

#: Fields asked interactively, in this order.
ASKED_FIELDS = ("nom", "siret", "type", "contact", "site_web", "latitude", "longitude")


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # no stdin, or a closed one
        return False


def _ask_collectivite(lang: str, defaults: dict[str, Any]) -> dict[str, Any]:
    """Ask the collectivité's fields with the questionnaire of ``iaterr new``."""
    from iaterr.cli.questionnaire import QuestionnaireAborted, ask_model
    from iaterr.model import Collectivite

    try:
        answers = ask_model(Collectivite, lang=lang, defaults=defaults, fields=list(ASKED_FIELDS))
    except QuestionnaireAborted:
        raise Abort("init.interrompu") from None
    return {k: v for k, v in (answers or {}).items() if v is not None and v != ""}


def _adopt_language(ui: App, target: Path) -> None:
    """Re-running in an existing repository: speak its language unless told otherwise."""
    from iaterr.repo.config import CONFIG_FILE, RepositoryError, load_config

    if (target / CONFIG_FILE).is_file():
        try:
            ui.adopt_repository_language(load_config(target).langue)
        except RepositoryError:
            pass


def _report_invalid(ui: App, diagnostics: list, answered: set[str]) -> None:
    """One message per problem, naming the option (or the question) it comes from."""
    from iaterr.model import Collectivite
    from iaterr.model.introspect import specs

    fields = specs(Collectivite)
    for diag in diagnostics:
        name = str(diag.path[0]) if diag.path else ""
        spec = fields.get(name)
        titre = {"fr": spec.meta.titre_fr, "en": spec.meta.titre_en} if spec else {"fr": name, "en": name}
        if name in answered or name not in FIELD_OPTIONS:
            option = message("init.champ", ui.lang, titre=titre)
        else:
            option = FIELD_OPTIONS[name]
        if diag.code == "champ-manquant":
            if spec is not None and spec.vocab is not None:
                ui.fail("init.option-manquante", "init.option-manquante.valeurs", option=option, titre=titre,
                        valeurs=spec.vocab.codes)
            elif spec is not None and spec.meta.exemple is not None:
                ui.fail("init.option-manquante", "init.option-manquante.exemple", option=option, titre=titre,
                        exemple=shlex.quote(str(spec.meta.exemple)))
            else:
                ui.fail("init.option-manquante", option=option, titre=titre)
            continue
        aide = diag.hint(ui.lang)
        ui.fail("init.option-invalide", "init.option-invalide.aide" if aide else None, option=option,
                detail=diag.message(ui.lang), aide=aide or "")
    ui.say("init.rien-ecrit")


def _command(*parts: str) -> str:
    return " ".join(parts)


def _render(ui: App, result, directory: Optional[Path], *, reason: str | None, git: bool) -> None:
    from rich.text import Text

    root = result.root

    def say(key: str, style: str = "", **params: Any) -> None:
        ui.out.print(Text(message(key, ui.lang, **params), style=style), soft_wrap=True)

    def rel(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)

    if not result.skipped and not result.updated:
        say("init.cree", "bold green", chemin=str(root))
    elif result.changed:
        say("init.complete", "bold green", chemin=str(root))
    else:
        say("init.deja-complet", "bold", chemin=str(root))
    for key, paths, mark, style in (("init.fichiers-crees", result.created, "+", "green"),
                                    ("init.fichiers-completes", result.updated, "~", "green"),
                                    ("init.fichiers-ignores", result.skipped, "=", "dim")):
        if paths:
            say(key, nombre=len(paths))
            for path in paths:
                ui.out.print(Text(f"  {mark} {rel(path)}", style=style), soft_wrap=True)
    for key, value in result.config_filled.items():
        say("init.config-renseignee", "green", cle=key, valeur=value)
    ident = result.collectivite_path.stem if result.collectivite_path else ""
    for key, value in result.config_kept.items():
        if key == "collectivite_defaut":
            say("init.config-gardee", "yellow", cle=key, valeur=value, nouvelle=ident)
        else:
            say("init.config-gardee.autre", "yellow", cle=key, valeur=value, proposee=result.config_asked.get(key, ""))
    for key, value in result.config_switched.items():
        say("init.config-basculee", "yellow", cle=key, avant=value)
    if result.config_error is not None:
        say("init.config-illisible", "yellow", detail=result.config_error, identifiant=ident)

    here = directory is None or root == Path.cwd().resolve()
    init_cmd = "iaterr init" if here else f"iaterr init {shlex.quote(str(directory))}"
    if result.collectivite_path is not None:
        key = "init.collectivite-creee" if result.collectivite_created else "init.collectivite-existante"
        say(key, chemin=rel(result.collectivite_path))
    elif reason is not None and not result.has_collectivite:
        say("init.sans-collectivite", "yellow", raison={"t": reason})
        say("init.sans-collectivite.aide", "green",
            commande=_command(init_cmd, '--nom "…"', "--type commune", "--siret …"))

    if result.installation is not None and result.installation.spec is None:
        say("init.installation-a-renseigner", "yellow", source=_source(result.installation.source))
        say("init.installation-a-renseigner.aide", "green")
    elif result.installation is not None:
        say("init.installation", spec=result.installation.spec)

    if not git:
        say("init.git-desactive", "dim")
    elif result.git_error is not None:
        say("init.git-impossible", "yellow", erreur=result.git_error)
    elif result.git_initialised:
        say("init.git-initialise", "green")
    elif result.git_root is not None:
        say("init.git-existant", chemin=str(result.git_root))
        if result.git_root != root:
            say("init.git-hors-racine", "yellow", chemin=str(root), racine=str(result.git_root))
    if result.commit is not None:
        say("init.commit-fait", "green", commit=result.commit[:7], message=message("init.message-commit", ui.lang),
            nombre=len(result.created) + len(result.updated))
    elif result.commit_without_identity:
        say("init.commit-sans-identite", "yellow")
        say("init.commit-sans-identite.aide", "green")
    elif result.commit_error is not None:
        say("init.commit-impossible", "yellow", erreur=result.commit_error)

    say("init.etapes", "bold")
    steps: list[tuple[str, str]] = []
    if not here:
        steps.append(("init.etape-cd", f"cd {shlex.quote(str(directory))}"))
    steps.append(("init.etape-new", "iaterr new"))
    steps.append(("init.etape-validate", "iaterr validate"))
    if git and result.git_root is not None and result.changed and result.commit is None:
        steps.append(("init.etape-git", f'git add . && git commit -m "{message("init.message-commit", ui.lang)}"'))
    steps.append(("init.etape-pre-commit", "pre-commit install"))
    for number, (key, command) in enumerate(steps, start=1):
        say(key, commande=f"  {number}. {command}")


def _source(source: str) -> dict[str, Any]:
    """What iaterr knows of its origin, said in the reader's language."""
    if source == "inconnue":
        return {"t": "init.source-inconnue"}
    return {"t": "init.source", "p": {"source": source}}


def register(app: typer.Typer) -> None:
    from iaterr.model.vocab import TYPES_COLLECTIVITE

    type_help = message("help.init.type", common.HELP_LANG, codes=", ".join(TYPES_COLLECTIVITE.codes))

    def text_option(*names: str, help_key: str, metavar: str = "metavar.init.texte"):
        return typer.Option(None, *names, help=h(help_key), show_default=False, metavar=h(metavar))

    @app.command("init", help=h("help.init"), add_help_option=False)
    def init(
        directory: Optional[Path] = typer.Argument(None, help=h("help.init.dir"), show_default=False,
                                                   metavar=h("metavar.dossier")),
        nom: Optional[str] = text_option("--nom", help_key="help.init.nom"),
        siret: Optional[str] = text_option("--siret", help_key="help.init.siret", metavar="metavar.init.nombre"),
        type_: Optional[str] = typer.Option(None, "--type", help=type_help, show_default=False,
                                            metavar=h("metavar.init.code")),
        contact: Optional[str] = text_option("--contact", help_key="help.init.contact",
                                             metavar="metavar.init.adresse"),
        site_web: Optional[str] = text_option("--site-web", help_key="help.init.site-web",
                                              metavar="metavar.init.adresse"),
        # numbers are read as text: the model checks them, with messages in the run's language
        latitude: Optional[str] = text_option("--latitude", help_key="help.init.latitude",
                                              metavar="metavar.init.nombre"),
        longitude: Optional[str] = text_option("--longitude", help_key="help.init.longitude",
                                               metavar="metavar.init.nombre"),
        code_insee: Optional[str] = text_option("--code-insee", help_key="help.init.code-insee",
                                                metavar="metavar.init.code"),
        identifiant: Optional[str] = text_option("--identifiant", help_key="help.init.identifiant",
                                                 metavar="metavar.init.code"),
        no_git: bool = typer.Option(False, "--no-git", help=h("help.init.no-git")),
        no_commit: bool = typer.Option(False, "--no-commit", help=h("help.init.no-commit")),
        installation: Optional[str] = text_option("--installation", help_key="help.init.installation",
                                                  metavar="metavar.init.specification"),
        non_interactive: bool = typer.Option(False, "--non-interactif", "--no-input",
                                             help=h("help.init.non-interactif")),
        public: Optional[bool] = typer.Option(None, "--public/--prive", help=h("help.init.public"),
                                              show_default=False),
        restreint: Optional[str] = text_option("--restreint", help_key="help.init.restreint",
                                               metavar="metavar.dossier"),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.authoring.scaffold import (
            InvalidCollectivite,
            check_collectivite,
            init_repository,
            installation_for,
        )
        from iaterr.repo.config import RepositoryError

        with guarded(lang) as ui:
            target = directory if directory is not None else Path.cwd()
            _adopt_language(ui, target)
            given = {name: value for name, value in (
                ("nom", nom), ("siret", siret), ("type", type_), ("contact", contact), ("site_web", site_web),
                ("latitude", latitude), ("longitude", longitude), ("code_insee", code_insee),
                ("identifiant", identifiant),
            ) if value is not None}
            data: dict[str, Any] | None = None
            answered: set[str] = set()
            reason: str | None = None
            if nom is not None:
                data = given
            elif not non_interactive and _stdin_is_tty():
                ui.say("init.questions-intro", style="bold")
                answers = _ask_collectivite(ui.lang, given)
                answered = set(answers)
                data = {**given, **answers}
                if public is None:
                    public, restreint = _ask_public(ui, target)
            elif given:
                raise Abort("init.options-sans-nom", "init.options-sans-nom.aide",
                            options=", ".join(FIELD_OPTIONS[name] for name in given))
            else:
                reason = ("init.sans-collectivite.non-interactif" if non_interactive
                          else "init.sans-collectivite.sans-terminal")
            if restreint is not None and public is None:
                public = True
            if data is not None:
                try:
                    data = check_collectivite(data)
                except InvalidCollectivite as exc:
                    _report_invalid(ui, exc.diagnostics, answered)
                    raise typer.Exit(FAILURE) from None
            try:
                result = init_repository(target, collectivite=data, lang=ui.lang, git=not no_git,
                                         commit=not no_commit, installation=installation_for(installation),
                                         public=public, restreint=restreint)
            except RepositoryError as exc:
                raise Abort(exc.key, **exc.params) from exc
            _render(ui, result, directory, reason=reason, git=not no_git)
            if result.store is not None:
                ui.out.print(message("init.restreint.cree", ui.lang, magasin=str(result.store)), soft_wrap=True)
                if result.store_git:
                    ui.out.print(message("restreint.git-init", ui.lang, magasin=str(result.store)), soft_wrap=True)
        raise typer.Exit(OK)


def _ask_public(ui: App, target: Path) -> tuple[bool, str | None]:
    """Is the repository public, and where do its restricted facts live (asked at a terminal)?"""
    from rich.markup import escape
    from rich.prompt import Prompt

    from iaterr.authoring.scaffold import default_store

    yes, no = ("o", "n") if ui.lang == "fr" else ("y", "n")
    try:
        while True:
            # the choices escaped: rich would read « [o/n] » as markup and drop it
            answer = Prompt.ask(f"{message('init.q.public', ui.lang)} " + escape(f"[{yes}/{no}]"), default=no,
                                console=ui.err,
                                show_default=True).strip().lower()
            if answer in ("o", "oui", "y", "yes", "n", "non", "no"):
                break
        if answer[0] == "n":
            return False, None
        where = Prompt.ask(message("init.q.restreint", ui.lang), default=default_store(target.resolve()),
                           console=ui.err)
    except EOFError:  # the answers given through a pipe end here: the defaults
        return False, None
    except KeyboardInterrupt:
        raise Abort("init.interrompu") from None
    return True, where.strip() or None
