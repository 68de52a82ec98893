"""``iaterr restreint separer``: the restricted values of data/ moved to the restricted store
(see :mod:`iaterr.authoring.separer` and :mod:`iaterr.repo.restreint`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from iaterr.cli.common import FINDINGS, OK, Abort, guarded, h, help_option, lang_option, repo_option


def _writable_repository(ui: Any, repo: Optional[Path]) -> Any:
    """The repository to write (the embedded data, iaterr's own, are never written); its store is not looked at
    here (it may not exist yet: not said missing)."""
    from iaterr.repo.config import RepositoryError, open_repository

    try:
        repository = open_repository(repo, allow_embedded=False)
    except RepositoryError as exc:
        raise Abort(exc.key, "cli.depot-introuvable.aide" if exc.key == "cli.depot-introuvable" else None,
                    **exc.params) from exc
    ui.adopt_repository_language(repository.config.langue)
    return repository


def register(app: typer.Typer) -> None:
    sub = typer.Typer(name="restreint", help=h("help.restreint"), no_args_is_help=True, add_completion=False,
                      rich_markup_mode=None, add_help_option=False)

    @sub.callback()
    def restreint_root(help_: bool = help_option()) -> None:
        """Restricted fields of a public repository."""

    @sub.command("separer", help=h("help.restreint.separer"), add_help_option=False)
    def separer(
        dry_run: bool = typer.Option(False, "--dry-run", "-n", help=h("help.restreint.dry-run")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.authoring.separer import apply, plan
        from iaterr.repo.config import RepositoryError
        from iaterr.repo.restreint import Store, configured_path, create, locate

        with guarded(lang) as ui:
            # the embedded data (iaterr's own) are never written; the store may not exist yet: not said missing
            repository = _writable_repository(ui, repo)
            named = configured_path(repository)
            if named is None:
                raise Abort("restreint.pas-de-magasin", dossier=repository.root.name)
            path, shown, _source = named
            try:
                store = locate(repository).store
            except RepositoryError as exc:
                raise Abort(exc.key, **exc.params) from exc
            # planned first, on the store as it is or will be (absent: nothing in it yet)
            found = plan(repository, store or Store(path, shown, repository.root))
            if found.blocking:  # records the store cannot mirror: said up front, nothing written
                for problem in found.problems:
                    if problem.kind == "sous-dossier":
                        ui.say("restreint.sous-dossier", style="red", fichier=problem.rel, champs=problem.champ)
                ui.say("restreint.rien-ecrit", style="red")
                raise typer.Exit(FINDINGS)
            if store is None and not dry_run:
                try:
                    store = create(repository, path, shown)
                except RepositoryError as exc:
                    raise Abort(exc.key, **exc.params) from exc
            if store is None:  # a dry run before the store exists: what it would be
                store = Store(path, shown, repository.root)
            for move in found.moves:
                if move.fields or move.already:
                    ui.say("restreint.a-deplacer", fichier=move.rel, compagnon=move.companion,
                           champs=", ".join(move.fields + move.already))
            for problem in found.problems:
                if problem.kind == "conflit":
                    ui.say("restreint.conflit", style="red", fichier=problem.rel, champ=problem.champ,
                           compagnon=problem.companion)
                elif problem.kind == "compagnon":
                    ui.say("restreint.compagnon-illisible", style="red", fichier=problem.rel,
                           compagnon=problem.companion, erreur=problem.detail)
                elif problem.kind == "commentaires":
                    ui.say("restreint.commentaires", style="red", fichier=problem.rel)
                else:
                    ui.say("restreint.invalide", style="red", fichier=problem.rel, detail=problem.detail)
            moved = [m for m in found.moves if m.fields or m.already]
            values = sum(len(m.fields) + len(m.already) for m in moved)
            if not moved:
                if not found.problems:
                    ui.say("restreint.rien", style="green")
            elif dry_run:
                ui.say("restreint.simulation", fiches=len(moved), valeurs=values, magasin=shown)
            else:
                apply(repository, store, moved)
                ui.say("restreint.deplace", style="green", fiches=len(moved), valeurs=values, magasin=shown)
            if moved:
                from iaterr.i18n import message

                ui.say("restreint.historique", style="yellow",
                       publie=message("restreint.historique.publie", ui.lang))
                if not dry_run:
                    ui.say("restreint.commit", magasin=shown)
            if found.problems:
                ui.say("restreint.echec", style="red", fiches=len({p.rel for p in found.problems}))
            code = FINDINGS if found.problems else OK
        raise typer.Exit(code)

    @sub.command("lier", help=h("help.restreint.lier"), add_help_option=False)
    def lier(
        dossier: Path = typer.Argument(..., help=h("help.restreint.lier.dossier"), show_default=False),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        import os

        from iaterr.repo.config import RepositoryError
        from iaterr.repo.restreint import configured_path, link, read_marker

        with guarded(lang) as ui:
            repository = _writable_repository(ui, repo)
            path = Path(os.path.abspath(dossier))
            shown = str(dossier)
            try:
                added = link(repository, path, shown)
                name = read_marker(path, shown).get("depot")
            except RepositoryError as exc:
                raise Abort(exc.key, **exc.params) from exc
            if added:
                ui.say("restreint.lie", style="green", magasin=shown, nom=name if isinstance(name, str) else "?",
                       liens=", ".join(added))
            else:
                ui.say("restreint.deja-lie", style="green", magasin=shown)
            named = configured_path(repository)
            if named is None or named[0] != path:
                ui.say("restreint.lie.pas-nomme", style="yellow",
                       chemin=os.path.relpath(path, repository.root).replace(os.sep, "/"))
        raise typer.Exit(OK)

    app.add_typer(sub)
