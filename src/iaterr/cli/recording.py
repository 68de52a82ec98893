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
from rich.table import Table
from rich.text import Text

from iaterr.authoring.records import (
    KnownCollectivite,
    RecordExists,
    collectivites,
    existing_identifiers,
    new_record,
    write_record,
)
from iaterr.base.text import printable_line
from iaterr.cli import questionnaire
from iaterr.cli.common import (
    FAILURE,
    FINDINGS,
    OK,
    Abort,
    App,
    open_repo,
)
from iaterr.cli.qualification import show_for_new
from iaterr.cli.questionnaire import Asker, QuestionnaireAborted, State, ask_state
from iaterr.i18n import message
from iaterr.model import CasUsage
from iaterr.model.introspect import specs
from iaterr.model.questions import DERIVED, automatic_values, check_answer, parse_set_value, today_iso
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
        raise Abort("new.from-illisible", chemin=str(path), erreur=exc.strerror) from exc
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


def answers_from_set(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise Abort("new.set-invalide", valeur=pair)
        _known(CasUsage, name)
        out[name] = parse_set_value(specs(CasUsage)[name], value.strip())
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_none=True, exclude_defaults=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def normalise(answers: dict[str, Any]) -> dict[str, Any]:
    """Typed, canonical values (codes for labels) where the model accepts them; raw values otherwise."""
    out = {}
    for name, value in answers.items():
        typed, diags = check_answer(CasUsage, name, value) if name in specs(CasUsage) else (value, ["?"])
        out[name] = value if diags else _plain(typed)
    return out


# ---------------------------------------------------------------- rendering


def summary_table(answers: dict[str, Any], lang: str) -> Table:
    table = Table(title=message("new.resume", lang), title_justify="left", show_header=True)
    table.add_column(message("new.resume.champ", lang), style="bold")
    table.add_column(message("new.resume.valeur", lang))
    for name, spec in specs(CasUsage).items():
        value = answers.get(name)
        if value is None or value == []:
            continue
        if spec.submodel is not None:
            shown = message("new.resume.elements", lang, n=len(value) if isinstance(value, list) else 1)
        elif spec.vocab is not None:
            values = value if isinstance(value, list) else [value]
            shown = ", ".join(spec.vocab.label(str(v), lang) for v in values)
        elif isinstance(value, bool):
            shown = message("new.oui" if value else "new.non", lang)
        elif isinstance(value, list):
            shown = " ; ".join(str(v) for v in value)
        else:
            shown = str(value)
        table.add_row(spec.meta.titre(lang), Text(printable_line(shown)))
    return table


# ---------------------------------------------------------------- the command


def run_new(ui: App, repo_opt: Optional[Path], from_: Optional[Path], sets: list[str], *, defaults: bool,
            resume: bool, commit: bool, complete: bool, ask: bool) -> int:
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
    given.update(answers_from_set(sets))
    given = normalise(given)

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

    known = collectivites(repo)
    default_coll = repo.config.collectivite_defaut or (known[0].identifiant if len(known) == 1 else None)
    fallback = {"collectivite": default_coll} if default_coll else {}

    if ask:
        asker = Asker(lang, lambda text, style: ui.out.print(Text(text, style=style or ""), soft_wrap=True),
                      **questionnaire.PROMPT_IO)
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
        ui.out.print(Text(message("new.intro", lang), style="dim"), soft_wrap=True)
        special = {"collectivite": [(printable_line(f"{c.nom} ({c.identifiant})"), c.identifiant) for c in known]}
        try:
            ask_state(CasUsage, asker, state=state, complete=complete, defaults=_Defaults(fallback, known, state),
                      special=special, on_answer=lambda s: save_draft(draft, s.to_dict()))
        except QuestionnaireAborted:
            save_draft(draft, state.to_dict())
            ui.out.print()
            ui.say("new.brouillon-garde", style="yellow", chemin=str(draft.path))
            return FAILURE
    elif defaults:
        for name, value in fallback.items():
            state.answers.setdefault(name, value)

    answers = dict(state.answers)
    answers.update(automatic_values(CasUsage, answers))
    missing = [n for n, s in specs(CasUsage).items()
               if s.required and n not in DERIVED[CasUsage] and answers.get(n) in (None, "", [])]
    if missing:
        raise Abort("new.manquants", "new.manquants.aide",
                    champs=", ".join(f"{n} ({specs(CasUsage)[n].meta.titre(lang)})" for n in missing))

    ident = answers.get("identifiant")
    if ident and str(ident) in existing_identifiers(repo, "cas_usage"):
        raise Abort("new.existe", "new.existe.aide", identifiant=ident,
                    chemin=repo.rel(repo.record_path("cas_usage", str(ident))))
    # checked before anything is written: the record itself, and the collectivité it names
    record = new_record(repo, "cas_usage", answers, lang=lang, known_collectivites={c.identifiant for c in known},
                        today=date.fromisoformat(today_iso()))
    if record.problems:
        for d in record.problems:
            hint = d.hint(lang)
            ui.err.print(Text(f"  {d.key_path or '-'} : {d.message(lang)}" + (f" → {hint}" if hint else ""),
                              style="red"), soft_wrap=True)
        if ask:
            save_draft(draft, state.to_dict())
        ui.fail("new.invalide", "new.invalide.aide")
        return FINDINGS
    data = record.data

    ui.out.print(summary_table(data, lang))
    chosen = next((c for c in known if c.identifiant == data.get("collectivite")), None)
    show_for_new(ui, data, chosen.data if chosen is not None else None)  # which regimes the answers trigger
    if ask:
        try:
            if not asker.confirm(message("new.confirmer", lang), default=True):
                save_draft(draft, state.to_dict())
                ui.say("new.non-enregistre", chemin=str(draft.path))
                return OK
        except QuestionnaireAborted:
            save_draft(draft, state.to_dict())
            ui.say("new.brouillon-garde", style="yellow", chemin=str(draft.path))
            return FAILURE
    try:
        path = write_record(repo, record)
    except RecordExists as exc:
        raise Abort("new.existe", "new.existe.aide", identifiant=record.identifiant, chemin=repo.rel(exc.path)) from exc
    delete_draft(draft)
    ui.say("new.ecrit", style="bold green", chemin=repo.rel(path))
    ui.say("new.valide", style="green")
    if chosen is not None and chosen.invalide:  # named all the same: its file is there, to be corrected
        ui.say("new.collectivite-invalide", style="yellow", collectivite=chosen.identifiant, chemin=chosen.invalide)
    if commit:
        coll = chosen.nom if chosen is not None else data.get("collectivite")
        msg = message("new.commit-message", lang, nom=data["nom"], collectivite=coll)
        try:
            sha = commit_only(path, msg)
        except GitError as exc:
            ui.fail("new.commit-impossible", "new.commit-impossible.aide", erreur=str(exc))
            return FAILURE
        ui.say("new.commit", style="green", sha=sha, message=msg)
    ui.say("new.suite", style="dim")
    return OK


class _Defaults(dict):
    """Default answers offered in prompts: the repository's collectivité, and the contact for rights of
    the collectivité chosen so far."""

    def __init__(self, fallback: dict[str, Any], known: list[KnownCollectivite], state: State) -> None:
        super().__init__(fallback)
        self.known, self.state = known, state

    def get(self, name: str, default: Any = None) -> Any:
        if name == "contact_droits":
            chosen = self.state.answers.get("collectivite") or super().get("collectivite")
            for coll in self.known:
                if coll.identifiant == chosen and coll.data.get("contact_droits"):
                    return coll.data["contact_droits"]
        return super().get(name, default)
