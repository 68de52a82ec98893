"""``iaterr register build``: the register website, static and self-contained."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from iaterr.base.files import as_given, os_reason
from iaterr.cli.common import FINDINGS, OK, Abort, App, guarded, h, help_option, lang_option, open_repo, repo_option
from iaterr.i18n import message

#: at most this many written or deleted files are named one by one
LISTED = 20


def register(app: typer.Typer) -> None:
    sub = typer.Typer(name="register", help=h("help.register"), no_args_is_help=True, add_completion=False,
                      rich_markup_mode=None, add_help_option=False)

    @sub.callback()
    def register_root(help_: bool = help_option()) -> None:
        """The public register."""

    @sub.command("build", help=h("help.register.build"), add_help_option=False)
    def build(
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.register.out"), show_default=False,
                                           file_okay=False, metavar=h("metavar.dossier")),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help=h("help.register.jobs"),
                                           show_default=False),
        no_cache: bool = typer.Option(False, "--no-cache", help=h("help.register.no-cache")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.model.droit import long_date, references
        from iaterr.publish.site import OutputRefused, build_site

        with guarded(lang) as ui:
            repository = open_repo(ui, repo)
            if out is None:  # the embedded data live inside the installed package: never write there
                out = (Path.cwd() if repository.embedded else repository.root) / "site"
            try:
                with ui.working("registre.construction"):
                    result = build_site(repository, out, lang=ui.lang, jobs=jobs, use_cache=not no_cache,
                                        langs=repository.config.registre.langues or None)
            except OutputRefused as exc:
                raise Abort(exc.key, exc.hint, **exc.params) from exc
            except OSError as exc:
                raise Abort("cli.ecriture-impossible", chemin=as_given(exc.filename, out),
                            erreur=os_reason(exc)) from exc
            for key, paths in (("registre.ecrit", result.written), ("registre.supprime", result.deleted)):
                for rel in paths[:LISTED]:
                    ui.say(key, style="dim", chemin=rel)
                if len(paths) > LISTED:
                    ui.say("registre.et-autres", style="dim", n=len(paths) - LISTED)
            for rel, count in result.skipped:
                ui.say("export.ignore" if count else "export.ignore-collectivite", style="yellow", fichier=rel, n=count)
            for revision in result.revisions:
                ui.say("registre.revision.cli", style="yellow", page=f"cas/{revision.identifiant}.html",
                       fichier=revision.rel, date=long_date(revision.day, ui.lang), commit=revision.commit)
            for removal in result.removals:
                ui.say("registre.deplace.cli" if removal.moved_to else "registre.retrait.cli", style="dim",
                       page=f"cas/{removal.identifiant}.html", date=long_date(removal.day, ui.lang),
                       nouvelle=f"cas/{removal.moved_to}.html")
            for key, params in result.problems:
                ui.say(key, style="yellow", **params)
            if result.mentions_missing:
                # a library written by iaterr aggregate: its iaterr.yaml is rewritten, the sources file says it
                from iaterr.aggregate.run import LOCK_FILE

                written = (repository.root / LOCK_FILE).is_file()
                ui.say("registre.mentions.cli-agregat" if written else "registre.mentions.cli", style="dim",
                       cles=", ".join(f"registre.{name}" for name in result.mentions_missing))
            _say_no_channel(ui, result.no_channel)
            if result.no_channel:
                ui.say("registre.sans-canal.aide", style="green", documents=references("crpa.L311-1"),
                       regles=references("crpa.R311-3-1-1"))
            ui.say("registre.bilan", style="green", dossier=str(out), ecrites=len(result.written),
                   supprimees=len(result.deleted), inchangees=result.unchanged, cas=result.records,
                   collectivites=result.collectivites)
            ui.say("registre.ouvrir", style="dim", chemin=str(out / "index.html"))
            code = FINDINGS if result.skipped or result.no_channel or result.problems else OK
        raise typer.Exit(code)

    @sub.command("publication", help=h("help.register.publication"), add_help_option=False)
    def publication(
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        """Where the CI written by ``iaterr init`` publishes the register: github, gitlab or aucune."""
        with guarded(lang) as ui:
            repository = open_repo(ui, repo, allow_embedded=False)
            ui.out.print(repository.config.registre.publication, markup=False, highlight=False)
        raise typer.Exit(OK)

    app.add_typer(sub, name="register")


#: the pages a line names when several pages of one collectivité give no way to send a request
NAMED_PAGES = 5


def _say_no_channel(ui: App, cases: list[tuple[str, str, str]]) -> None:
    """The use-case pages that give no way to send a request: a line per page, or per collectivité when
    several of its pages lack one (its own record is then where the address is best given)."""
    by_collectivite: dict[str, list[tuple[str, str]]] = {}
    for rel, ident, coll in cases:
        by_collectivite.setdefault(coll, []).append((rel, f"cas/{ident}.html"))
    for coll, its in by_collectivite.items():
        if len(its) == 1:
            ui.say("registre.sans-canal", style="yellow", page=its[0][1], fichier=its[0][0])
            continue
        named = ", ".join(page for _rel, page in its[:NAMED_PAGES])
        if len(its) > NAMED_PAGES:
            named = message("registre.sans-canal.autres", ui.lang, pages=named, n=len(its) - NAMED_PAGES)
        ui.say("registre.sans-canal.groupe", style="yellow", n=len(its), collectivite=coll, pages=named)
