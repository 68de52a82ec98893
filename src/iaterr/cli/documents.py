"""``iaterr notice`` and ``iaterr mention``: the documents a collectivité publishes or sends.

``iaterr notice ID --pour FICHIER`` writes the answer to one person's request from a file of the values taken for
that person (personal data: the file and the answer stay outside the repository, and no value of them appears in
a message); ``--modele-pour FICHIER`` writes that file to fill.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import (
    FINDINGS,
    OK,
    Abort,
    App,
    checked_output_file,
    guarded,
    h,
    help_option,
    lang_option,
    repo_option,
    use_case_item,
    write_document,
)


def _notice_of(ui: App, repo: Optional[Path], identifiant: str):
    from iaterr.model.droit import environment_today
    from iaterr.publish.notice import build_notice

    item, repository = use_case_item(ui, repo, identifiant)
    return build_notice(item, lang=ui.lang, today=environment_today()), repository.root


def _format(value: str) -> str:
    from iaterr.publish.notice import FORMATS

    if value not in FORMATS:
        raise Abort("cli.format-inconnu", valeur=value, formats=list(FORMATS))
    return value


def _inside(root: Path, path: Path) -> bool:
    """Does ``path`` lie in the repository ``root`` (as written, or once the links on the way are followed)?"""
    roots = {Path(os.path.abspath(root)), Path(os.path.realpath(root))}
    full = Path(os.path.abspath(path))
    candidates = {full, Path(os.path.realpath(full.parent)) / full.name}
    return any(r == c or r in c.parents for r in roots for c in candidates)


def _outside_repository(path: Path, root: Path) -> None:
    """A document about one person is never written in the repository."""
    if _inside(root, path):
        raise Abort("notice.cli.dans-depot", "notice.cli.dans-depot.aide", chemin=str(path), depot=str(root))


def _champs(missing) -> str:
    return ", ".join(f"{m.title} ({m.reference})" for m in missing)


def _blocking(ui: App, doc, key: str = "notice.cli.bloquant") -> int:
    """What the law forbids or leaves open in the record (said in the document too), then every regime the
    qualification leaves « à vérifier » or « à préciser », with its reasons (said here only, the same way for the
    notice, the mention and the answer): FINDINGS when something blocks."""
    for header, lines in (("notice.cli.a-verifier", doc.to_check), ("notice.cli.a-preciser", doc.to_specify)):
        if lines:
            ui.say(header, style="yellow")
            for line in lines:
                ui.say("notice.cli.ligne", style="yellow", texte=line)
    if not doc.blocking:
        return OK
    ui.fail(key, regimes=", ".join(doc.blocked))
    return FINDINGS


def _missing_messages(ui: App, doc) -> int:
    """One message per kind of missing item (required, required if the processing decides, recommended)."""
    from iaterr.publish.notice import CONDITIONNEL, RECOMMANDE, REQUIS

    code = OK
    for kind, key in ((REQUIS, "notice.cli.incomplete"), (CONDITIONNEL, "notice.cli.conditionnel"),
                      (RECOMMANDE, "notice.cli.recommande")):
        found = doc.missing_of(kind)
        if found:
            ui.fail(key, champs=_champs(found))
            code = FINDINGS
    return code


def register(app: typer.Typer) -> None:
    @app.command("notice", help=h("help.notice"), add_help_option=False)
    def notice(
        identifiant: str = typer.Argument(..., help=h("help.notice.id"), metavar="ID"),
        format: Optional[str] = typer.Option(None, "--format", "-f", help=h("help.notice.format"), metavar="md|html",
                                             show_default=False),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.export.out"), show_default=False,
                                           dir_okay=False, metavar=h("metavar.fichier")),
        pour: Optional[Path] = typer.Option(None, "--pour", help=h("help.notice.pour"), show_default=False,
                                            metavar=h("metavar.fichier")),
        modele_pour: Optional[Path] = typer.Option(None, "--modele-pour", help=h("help.notice.modele-pour"),
                                                   show_default=False, metavar=h("metavar.fichier")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        with guarded(lang) as ui:
            if pour is not None and modele_pour is not None:
                raise Abort("notice.cli.pour-et-modele")
            if modele_pour is not None:
                if out is not None or format is not None:
                    raise Abort("notice.cli.modele-et-sortie")
                code = _template_for(ui, repo, identifiant, modele_pour)
            else:
                fmt = _format(format or "md")
                target = checked_output_file(ui, out, repo)
                if pour is not None:
                    code = _answer(ui, repo, identifiant, pour, fmt, target)
                else:
                    code = _notice(ui, repo, identifiant, fmt, target)
        raise typer.Exit(code)

    @app.command("mention", help=h("help.mention"), add_help_option=False)
    def mention(
        identifiant: str = typer.Argument(..., help=h("help.notice.id"), metavar="ID"),
        format: str = typer.Option("md", "--format", "-f", help=h("help.notice.format"), metavar="md|html"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help=h("help.export.out"), show_default=False,
                                           dir_okay=False, metavar=h("metavar.fichier")),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.publish.notice import render_mention

        with guarded(lang) as ui:
            fmt = _format(format)
            target = checked_output_file(ui, out, repo)
            doc, _root = _notice_of(ui, repo, identifiant)
            if doc.decisions is False:
                ui.fail("mention.sans-objet", identifiant=identifiant)
                raise typer.Exit(FINDINGS)
            if doc.decisions is None:
                ui.fail("mention.inconnu", identifiant=identifiant)
                raise typer.Exit(FINDINGS)
            write_document(ui, render_mention(doc, fmt), target)
            code = _blocking(ui, doc)
            if doc.mention_missing:
                ui.fail("notice.cli.mention-incomplete", champs=_champs(doc.mention_missing))
                code = FINDINGS
            if doc.degree is None:
                contradiction = "niveau_automatisation" in doc.missing_fields() and doc.data.get(
                    "niveau_automatisation")
                ui.fail("notice.cli.degre-contradictoire" if contradiction else "notice.cli.degre-inconnu")
                code = FINDINGS
        raise typer.Exit(code)


def _notice(ui: App, repo: Optional[Path], identifiant: str, fmt: str, target: Path | None) -> int:
    from iaterr.publish.notice import render_notice

    doc, _root = _notice_of(ui, repo, identifiant)
    write_document(ui, render_notice(doc, fmt), target)
    code = _blocking(ui, doc)
    if doc.decisions is None:
        ui.fail("notice.cli.decisions-inconnues")
        code = FINDINGS
    return _missing_messages(ui, doc) or code


def _decisions_needed(ui: App, doc) -> int | None:
    """The answer to one person concerns a processing that takes or prepares individual decisions."""
    if doc.decisions is False:
        ui.fail("notice.cli.pour-sans-objet", identifiant=doc.identifiant)
        return FINDINGS
    if doc.decisions is None:
        ui.fail("mention.inconnu", identifiant=doc.identifiant)
        return FINDINGS
    return None


def _answer(ui: App, repo: Optional[Path], identifiant: str, pour: Path, fmt: str, target: Path | None) -> int:
    from iaterr.publish.notice import PersonFileError, build_answer, read_person_file, render_answer

    doc, root = _notice_of(ui, repo, identifiant)
    if target is not None:
        _outside_repository(target, root)
    refused = _decisions_needed(ui, doc)
    if refused is not None:
        return refused
    try:
        answer = build_answer(doc, read_person_file(pour))
    except PersonFileError as exc:
        raise Abort(exc.key, exc.hint, **exc.params) from None
    if _inside(root, pour):
        ui.say("notice.cli.pour-dans-depot", style="yellow", chemin=str(pour))
    write_document(ui, render_answer(answer, fmt), target)
    code = _blocking(ui, doc, "notice.cli.bloquant-reponse")
    if answer.missing:
        ui.fail("notice.cli.reponse-incomplete", champs=_champs(answer.missing))
        code = FINDINGS
    return code


def _template_for(ui: App, repo: Optional[Path], identifiant: str, path: Path) -> int:
    from iaterr.model.droit import reference
    from iaterr.publish.notice import person_template
    from iaterr.repo.writing import write_whole

    doc, root = _notice_of(ui, repo, identifiant)
    _outside_repository(path, root)
    if os.path.lexists(path):
        raise Abort("notice.cli.modele-existe", chemin=str(path))
    refused = _decisions_needed(ui, doc)
    if refused is not None:
        return refused
    write_whole(Path(os.path.abspath(path)), person_template(doc))
    try:
        os.chmod(path, 0o600)  # it will hold personal data: for its owner only
    except OSError:
        pass
    if not doc.data.get("parametres"):
        ui.fail("notice.cli.modele-sans-parametre", identifiant=identifiant,
                ref=f"{reference('crpa.R311-3-1-2', ui.lang)}, 3°")
        return FINDINGS
    ui.say("notice.cli.modele-ecrit", chemin=str(path), identifiant=identifiant)
    return OK
