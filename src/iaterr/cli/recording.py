"""Recording a use case for ``iaterr new``: answers given in advance, the questionnaire, the summary, the
write. Imported when the command runs (the command line starts without pydantic or questionary)."""

from __future__ import annotations

import difflib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel
from rich.text import Text

from iaterr.authoring.edit import EditError
from iaterr.authoring.like import carried_over, find_model, like_answers
from iaterr.authoring.records import (
    KnownCollectivite,
    NewRecord,
    RecordExists,
    collectivites,
    existing_identifiers,
    new_record,
    write_record,
)
from iaterr.base.diagnostics import Diagnostic
from iaterr.base.files import os_reason
from iaterr.base.text import printable_line
from iaterr.cli import questionnaire
from iaterr.cli.common import (
    FAILURE,
    FINDINGS,
    OK,
    Abort,
    App,
    close_identifiers,
    command_line,
    open_repo,
)
from iaterr.cli.qualification import show_for_new
from iaterr.cli.questionnaire import Asker, QuestionnaireAborted, State, ask_state
from iaterr.cli.review import review, summary_table
from iaterr.i18n import message
from iaterr.model import CasUsage
from iaterr.model.introspect import specs
from iaterr.model.questions import (
    DERIVED,
    automatic_values,
    canonical,
    check_answer,
    parse_set_value,
    today_iso,
)
from iaterr.model.questions import normalise as normalise_answer
from iaterr.repo.drafts import DraftError, delete_draft, draft_path, load_draft, save_draft
from iaterr.repo.gitops import GitError, commit_only
from iaterr.repo.yamlio import read_document


def interactive() -> bool:
    """Is there a person at a terminal to answer questions?"""
    return sys.stdin.isatty() and sys.stdout.isatty()


# ---------------------------------------------------------------- answers given in advance


def _known(model: type[BaseModel], name: str) -> None:
    if name not in specs(model):
        close = difflib.get_close_matches(name, list(specs(model)), n=3, cutoff=0.5)
        raise Abort("new.champ-inconnu", "new.champ-inconnu.aide", champ=name, suggestions=close or ["nom"])


def answers_from_file(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Abort("new.from-illisible", chemin=str(path), erreur=os_reason(exc)) from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise Abort("new.from-illisible", chemin=str(path), erreur=str(exc)) from exc
    else:
        doc = read_document(raw, str(path))
        errors = [d for d in doc.diagnostics if d.level.value == "erreur"]
        if errors:
            d = errors[0]
            raise Abort("new.from-illisible", chemin=f"{path}:{d.line}:{d.column}", erreur=d.message())
        data = doc.data
    if not isinstance(data, dict):
        raise Abort("new.from-format", chemin=str(path))
    for name in data:
        _known(CasUsage, str(name))
    return {str(k): v for k, v in data.items() if v is not None}


def answers_from_set(pairs: list[str], ui: App | None = None) -> dict[str, Any]:
    """The answers of ``--set champ=valeur``. A value written as the questionnaire understands it
    (« 04/2025 », « 43,4986 », « environ 400 ») is taken the same way, and ``ui`` says how it was read."""
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise Abort("new.set-invalide", valeur=pair)
        _known(CasUsage, name)
        spec = specs(CasUsage)[name]
        out[name] = parse_set_value(spec, value.strip())
        if isinstance(out[name], str) and check_answer(CasUsage, name, out[name])[1]:
            fixed = normalise_answer(spec, out[name])
            if fixed is not None and not check_answer(CasUsage, name, fixed.value)[1]:
                out[name] = fixed.value
                if ui is not None:
                    ui.say("new.normalise", style="dim", saisi=fixed.typed, valeur=fixed.value)
                    if fixed.note:
                        ui.say(fixed.note, style="dim", saisi=fixed.typed, valeur=fixed.value)
    return out


# ---------------------------------------------------------------- the command


def run_new(ui: App, repo_opt: Optional[Path], from_: Optional[Path], sets: list[str], *, defaults: bool,
            resume: bool, commit: bool, complete: bool, ask: bool, like_id: Optional[str] = None) -> int:
    try:
        repo = open_repo(ui, repo_opt, allow_embedded=False)
    except Abort as exc:
        if exc.key == "cli.depot-introuvable":
            exc.hint = "new.sans-depot.aide"
        raise
    lang = ui.lang
    draft = draft_path(repo)
    given = {}
    if from_ is not None:
        given.update(answers_from_file(from_))
    given.update(answers_from_set(sets, ui))
    given = canonical(CasUsage, given)

    state = State()
    try:
        previous = load_draft(draft)
    except DraftError as exc:
        raise Abort("new.brouillon-illisible", chemin=str(draft.path), erreur=str(exc)) from exc
    if resume:
        if previous is None:
            raise Abort("new.brouillon-absent", chemin=str(draft.path))
        state = State.from_dict(previous)
    state.answers.update(given)
    state.asked.extend(n for n in given if n not in state.asked)

    like: dict[str, Any] = {}
    like_record = None
    if like_id:
        try:
            model, embedded = find_model(repo, like_id)
        except EditError as exc:
            from iaterr.authoring.like import known_models

            candidates = known_models(repo)
            close = close_identifiers(like_id, candidates)
            raise Abort(exc.key, "hint.vous-vouliez-dire" if close else "like.introuvable.aide", suggestions=close,
                        **exc.params) from exc
        like = like_answers(model)
        like_record = model
        ui.say("new.like", style="dim", identifiant=like_id, nom=str(model.data.get("nom") or like_id),
               source={"t": "new.like.bibliotheque" if embedded else "new.like.depot"}, n=len(like))

    known = collectivites(repo)
    default_coll = repo.config.collectivite_defaut or (known[0].identifiant if len(known) == 1 else None)
    fallback = {"collectivite": default_coll} if default_coll else {}

    if ask:
        asker = Asker(lang, ui.say_text, **questionnaire.PROMPT_IO)
        if previous is not None and not resume:
            ui.say("new.brouillon-existe", style="yellow", chemin=str(draft.path))
            try:
                if asker.confirm(message("new.brouillon-reprendre", lang), default=True):
                    state = State.from_dict(previous)
                    state.answers.update(given)
            except QuestionnaireAborted:
                ui.say("cli.interrompu", style="yellow")
                return FAILURE
        if not known:
            raise Abort("new.aucune-collectivite", "new.aucune-collectivite.aide")
        ui.out.print(Text(message("new.titre", lang, depot=str(repo.root)), style="bold"))
        ui.say_text(message("new.intro", lang), "dim")
        special = {"collectivite": [(printable_line(f"{c.nom} ({c.identifiant})"), c.identifiant) for c in known]}
        offered = _Defaults(fallback, known, state, like)
        keep = lambda s: save_draft(draft, s.to_dict())  # noqa: E731
        try:
            ask_state(CasUsage, asker, state=state, complete=complete, defaults=offered, special=special,
                      on_answer=keep)
            reviewed = review(ui, asker, state, build=lambda: _build(repo, state, known, lang),
                              show=lambda r: _show(ui, r, known, like_record, like), special=special,
                              defaults=offered,
                              on_answer=keep)
        except QuestionnaireAborted:
            save_draft(draft, state.to_dict())
            ui.out.print()
            ui.say("new.brouillon-garde", style="yellow", chemin=str(draft.path),
                   commande=command_line("new", "--resume", repo=repo_opt))
            return FAILURE
        if reviewed is None:
            save_draft(draft, state.to_dict())
            ui.say("new.non-enregistre", chemin=str(draft.path),
                   commande=command_line("new", "--resume", repo=repo_opt))
            return OK
        assert isinstance(reviewed, NewRecord)
        record = reviewed
    else:
        if defaults:
            for name, value in {**like, **fallback}.items():
                state.answers.setdefault(name, value)
        answers = dict(state.answers)
        answers.update(automatic_values(CasUsage, answers))
        missing = [n for n, s in specs(CasUsage).items()
                   if s.required and n not in DERIVED[CasUsage] and answers.get(n) in (None, "", [])]
        if missing:
            raise Abort("new.manquants", "new.manquants.aide",
                        champs=", ".join(f"{n} ({specs(CasUsage)[n].meta.titre(lang)})" for n in missing))
        record = _build(repo, state, known, lang)
        if record.problems:
            if any(d.code == "identifiant-duplique" for d in record.problems):
                raise Abort("new.existe", "new.existe.aide", identifiant=record.identifiant, chemin=record.rel)
            for d in record.problems:
                hint = d.hint(lang)
                ui.err.print(Text(f"  {d.key_path or '-'} : {d.message(lang)}" + (f" → {hint}" if hint else ""),
                                  style="red"), soft_wrap=True)
            ui.fail("new.invalide", "new.invalide.aide")
            return FINDINGS
        _show(ui, record, known, like_record, like, mask=True)  # no terminal: the output may go to a log
    data = record.data
    chosen = next((c for c in known if c.identifiant == data.get("collectivite")), None)
    try:
        path = write_record(repo, record)
    except RecordExists as exc:
        raise Abort("new.existe", "new.existe.aide", identifiant=record.identifiant, chemin=repo.rel(exc.path)) from exc
    delete_draft(draft)
    ui.say("new.ecrit", style="bold green", chemin=repo.rel(path))
    from iaterr.authoring.separer import stored_summary

    stored = stored_summary(repo, record.rel, record.kind, data)
    if stored is not None:  # a public repository: where the restricted answers went
        ui.say("restreint.ecrit", fichier=stored[0], champs=", ".join(stored[1]))
    ui.say("new.valide", style="green")
    if chosen is not None and chosen.invalide:  # named all the same: its file is there, to be corrected
        ui.say("new.collectivite-invalide", style="yellow", collectivite=chosen.identifiant, chemin=chosen.invalide)
    if commit:
        coll = chosen.nom if chosen is not None else data.get("collectivite")
        if not commit_record(ui, path, message("new.commit-message", lang, nom=data["nom"], collectivite=coll)):
            return FAILURE
    ui.say("new.suite", style="dim", commande=command_line("validate", repo=repo_opt))
    return OK


def commit_record(ui: App, path: Path, msg: str, *, gone: Path | None = None) -> bool:
    """Commit the record ``path`` alone (and its former path ``gone``, after a rename), and say so; False,
    with the reason said, when git refuses."""
    try:
        sha = commit_only(path, msg, gone=gone)
    except GitError as exc:
        ui.fail("new.commit-impossible", "new.commit-impossible.aide", erreur=str(exc))
        return False
    ui.say("new.commit", style="green", sha=sha, message=msg)
    return True


def _build(repo: Any, state: State, known: list[KnownCollectivite], lang: str) -> NewRecord:
    """The record the answers make, checked; an identifier given that another record has is refused."""
    answers = dict(state.answers)
    answers.update(automatic_values(CasUsage, answers))
    record = new_record(repo, "cas_usage", answers, lang=lang, known_collectivites={c.identifiant for c in known},
                        today=date.fromisoformat(today_iso()))
    ident = answers.get("identifiant")
    if ident and str(ident) in existing_identifiers(repo, "cas_usage"):
        other = repo.rel(repo.record_path("cas_usage", str(ident)))
        record.problems.append(Diagnostic("identifiant-duplique", record.rel, path=("identifiant",),
                                          params={"identifiant": str(ident), "autre": other}))
    return record


def _show(ui: App, record: Any, known: list[KnownCollectivite], model: Any = None,
          like: dict[str, Any] | None = None, *, mask: bool = False) -> None:
    """The record as it will be written, what it still holds of the ``--like`` model, and the regimes its
    answers trigger."""
    ui.out.print(summary_table({"identifiant": record.identifiant, **record.data}, ui.lang, mask=mask))
    if model is not None and like:
        same, naming = carried_over(model, like, record.data)
        titles = specs(CasUsage)
        if naming:
            ui.say("new.like.nomme", style="bold yellow", nom=str(model.data.get("nom") or model.identifiant),
                   champs=[titles[n].meta.titre(ui.lang) for n in naming if n in titles])
        if same:
            ui.say("new.like.identiques", style="yellow", nom=str(model.data.get("nom") or model.identifiant),
                   champs=[titles[n].meta.titre(ui.lang) for n in same if n in titles])
    if record.valid:
        chosen = next((c for c in known if c.identifiant == record.data.get("collectivite")), None)
        show_for_new(ui, record.data, chosen.data if chosen is not None else None)


class _Defaults(dict):
    """Default answers offered in prompts: the repository's collectivité, the answers of the use case given
    by ``--like``, and the contact for rights of the collectivité chosen so far."""

    def __init__(self, fallback: dict[str, Any], known: list[KnownCollectivite], state: State,
                 like: dict[str, Any]) -> None:
        super().__init__({**like, **fallback})
        self.known, self.state = known, state

    def get(self, name: str, default: Any = None) -> Any:
        if name == "contact_droits":
            chosen = self.state.answers.get("collectivite") or super().get("collectivite")
            for coll in self.known:
                if coll.identifiant == chosen and coll.data.get("contact_droits"):
                    return coll.data["contact_droits"]
        return super().get(name, default)
