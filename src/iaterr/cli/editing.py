"""Changing a use case for ``iaterr edit``: the record read, the answers changed (by the questionnaire of
``iaterr new`` or by ``--set``), the changes reviewed, then written in place, comments and layout kept (see
:mod:`iaterr.authoring.edit`). Imported when the command runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Optional

from rich.text import Text

from iaterr.authoring.edit import EditedRecord, EditError, edited_record, open_for_edit, write_edit
from iaterr.authoring.records import collectivites
from iaterr.base.text import printable_line
from iaterr.cli import questionnaire
from iaterr.cli.common import FAILURE, FINDINGS, OK, Abort, App, close_identifiers, command_line, open_repo
from iaterr.cli.questionnaire import Asker, QuestionnaireAborted, State, ask_state
from iaterr.cli.recording import answers_from_set, commit_record
from iaterr.cli.review import changes_table, print_problems, review
from iaterr.i18n import message
from iaterr.model import CasUsage
from iaterr.model.identifiers import slugify
from iaterr.model.introspect import specs
from iaterr.model.questions import canonical, today_iso
from iaterr.repo.config import RepositoryError
from iaterr.repo.drafts import DraftError, delete_draft, draft_path, load_draft, save_draft

#: Kept as they are by the questionnaire (never asked): the update date is set when something changes.
_KEPT = ("version_schema", "date_mise_a_jour")


def run_edit(ui: App, repo_opt: Optional[Path], identifiant: str, sets: list[str], *, walk: bool, resume: bool,
             commit: bool, ask: bool) -> int:
    repo = open_repo(ui, repo_opt, allow_embedded=False)
    lang = ui.lang
    try:
        source = open_for_edit(repo, identifiant)
    except EditError as exc:
        if exc.key != "edit.introuvable":
            raise Abort(exc.key, **exc.params) from exc
        from iaterr.authoring.records import existing_identifiers

        candidates = sorted(existing_identifiers(repo, "cas_usage"))
        close = close_identifiers(identifiant, candidates)
        raise Abort(exc.key, "hint.vous-vouliez-dire" if close else "edit.introuvable.aide",
                    suggestions=close, **exc.params) from exc
    current = canonical(CasUsage, {k: v for k, v in source.data.items() if k not in _KEPT})
    given = canonical(CasUsage, answers_from_set(sets, ui))
    known = collectivites(repo)
    known_ids = {c.identifiant for c in known}
    today = date.fromisoformat(today_iso())

    def build(answers: dict[str, Any]) -> EditedRecord:
        return edited_record(repo, source, {**answers, "date_mise_a_jour": source.data.get("date_mise_a_jour")},
                             lang=lang, today=today, known_collectivites=known_ids)

    before_all = canonical(CasUsage, dict(source.data))

    def show(record: Any, *, regimes: bool = True) -> None:
        if not record.changed:
            ui.say("edit.aucun-changement", style="dim")
        else:
            ui.out.print(changes_table(before_all, record.data, record.changed, lang, mask=not ask))
            if record.renamed and record.valid:
                ui.say("edit.renommage", style="yellow", avant=source.rel, apres=record.rel)
            if record.version != source.version:
                ui.say("edit.version", style="dim", avant=source.version, apres=record.version)
        if not record.faithful and not record.problems:
            ui.err.print(Text(message("edit.relecture", lang, fichier=source.rel), style="red"))
        if record.valid and regimes and record.changed:
            _regimes_changed(ui, before_all, record.data, known)

    draft = draft_path(repo, f"edition-{identifiant}")
    resume_hint = command_line("edit", identifiant, "--resume", repo=repo_opt)
    if not ask:
        if resume:
            raise Abort("edit.resume-sans-terminal")
        edited = build({**current, **given})
        if not edited.valid:
            show(edited, regimes=False)
            print_problems(ui, edited.problems)
            ui.fail("new.invalide", "edit.invalide.aide")
            return FINDINGS
        if not edited.changed:
            ui.say("edit.aucun-changement", style="dim")
            return OK
        show(edited, regimes=False)
        return _write(ui, repo, edited, commit, draft, repo_opt)

    try:
        previous = load_draft(draft)
    except DraftError as exc:
        raise Abort("new.brouillon-illisible", chemin=str(draft.path), erreur=str(exc)) from exc
    if resume and previous is None:
        raise Abort("edit.brouillon-absent", chemin=str(draft.path), identifiant=identifiant)
    asker = Asker(lang, ui.say_text, **questionnaire.PROMPT_IO)
    state = State(answers={**current, **given}, asked=list({**current, **given}))
    keep = lambda s: save_draft(draft, s.to_dict())  # noqa: E731
    special = {"collectivite": [(printable_line(f"{c.nom} ({c.identifiant})"), c.identifiant) for c in known]}
    try:
        if previous is not None:
            if not resume:
                ui.say("new.brouillon-existe", style="yellow", chemin=str(draft.path))
            if resume or asker.confirm(message("new.brouillon-reprendre", lang), default=True):
                state = State.from_dict(previous)
                walk = False
        ui.out.print(Text(message("edit.titre", lang, nom=str(source.data.get("nom") or identifiant),
                                  chemin=source.rel), style="bold"))
        choose = False
        if previous is None or not resume:
            if not walk and not given:
                options = [(asker.m("edit.mode.choisir"), "choisir"), (asker.m("edit.mode.tout"), "tout")]
                walk = asker.select(asker.m("edit.mode"), options, default="choisir") == "tout"
                choose = not walk
            if walk:
                ui.say_text(message("edit.intro-tout", lang, commande=resume_hint), "dim")
                state = State()
                ask_state(CasUsage, asker, state=state, defaults={**current, **given}, special=special,
                          on_answer=keep)
                # what the walk did not ask (an optional section left closed) stays as it was
                for name, value in current.items():
                    if name not in state.asked and name not in state.answers:
                        state.answers[name] = value
        reviewed = review(ui, asker, state, build=lambda: build(state.answers), show=show, special=special,
                          defaults=None, on_answer=keep, first_correction=choose,
                          after_change=lambda name, old: _follow_name(asker, repo, source, state, name, old))
    except QuestionnaireAborted:
        save_draft(draft, state.to_dict())
        ui.out.print()
        ui.say("edit.brouillon-garde", style="yellow", chemin=str(draft.path), commande=resume_hint)
        return FAILURE
    if reviewed is None:
        save_draft(draft, state.to_dict())
        ui.say("edit.non-enregistre", chemin=str(draft.path), commande=resume_hint)
        return OK
    assert isinstance(reviewed, EditedRecord)
    if not reviewed.changed:
        delete_draft(draft)
        ui.say("edit.aucun-changement", style="dim")
        return OK
    return _write(ui, repo, reviewed, commit, draft, repo_opt)


def _regimes_changed(ui: App, before: dict[str, Any], after: dict[str, Any], known: list[Any]) -> None:
    """The regimes whose status the changes move (only those: the whole table is `iaterr qualification`'s)."""
    from dataclasses import replace

    from iaterr.cli.qualification import print_qualification
    from iaterr.model.droit import long_date, today
    from iaterr.model.qualification import qualify

    def coll(data: dict[str, Any]) -> dict[str, Any] | None:
        chosen = next((c for c in known if c.identifiant == data.get("collectivite")), None)
        return chosen.data if chosen is not None else None

    day = today()
    old = {r.code: r.statut for r in qualify(before, coll(before), day).regimes}
    now = qualify(after, coll(after), day)
    moved = tuple(r for r in now.regimes if old.get(r.code) != r.statut)
    if not moved:
        ui.say("edit.regimes-inchanges", style="dim")
        return
    print_qualification(ui, replace(now, regimes=moved),
                        message("edit.regimes-changes", ui.lang, date=long_date(day, ui.lang)), titles=True)


def _follow_name(asker: Asker, repo: Any, source: Any, state: State, name: str, old: Any) -> None:
    """The name corrected, in a record whose identifier was made from its name: offer the new identifier
    (the typo of « habitnants » should not stay in the file name and the public address)."""
    from iaterr.authoring.records import existing_identifiers, free_identifier

    new = state.answers.get("nom")
    ident = str(state.answers.get("identifiant") or source.identifiant)
    if name != "nom" or not new or new == old or slugify(str(old or "")) != ident:
        return
    proposed = free_identifier(slugify(str(new)), existing_identifiers(repo, "cas_usage") - {ident})
    if proposed != ident and asker.confirm(asker.m("edit.renommer-aussi", avant=ident, apres=proposed),
                                           default=True):
        state.answers["identifiant"] = proposed


def _write(ui: App, repo: Any, edited: EditedRecord, commit: bool, draft: Any, repo_opt: Optional[Path]) -> int:
    try:
        path = write_edit(repo, edited)
    except EditError as exc:
        raise Abort(exc.key, **exc.params) from exc
    except RepositoryError as exc:
        raise Abort(exc.key, **exc.params) from exc
    delete_draft(draft)
    ui.say("edit.ecrit", style="bold green", chemin=repo.rel(path))
    if edited.stored_set:  # a public repository: where the restricted answers went
        ui.say("restreint.ecrit", fichier=edited.stored_in, champs=", ".join(edited.stored_set))
    if edited.stored_removed:
        ui.say("restreint.retire", fichier=edited.stored_in, champs=", ".join(edited.stored_removed))
    if commit:
        titles = [specs(CasUsage)[n].meta.titre(ui.lang) for n in edited.changed
                  if n in specs(CasUsage) and n != "date_mise_a_jour"]
        msg = message("edit.commit-message", ui.lang, nom=edited.data.get("nom"), champs=", ".join(titles))
        if not commit_record(ui, path, msg, gone=edited.source.path if edited.renamed else None):
            return FAILURE
    ui.say("new.suite", style="dim", commande=command_line("validate", repo=repo_opt))
    return OK
