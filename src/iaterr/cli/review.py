"""The final review of ``iaterr new`` and ``iaterr edit``: the record as it will be written, what refuses it,
the regimes it triggers, then « Enregistrer », « Corriger une réponse » or « Plus tard ».

Correcting an answer asks that question again, its current answer as the default. Questions that no longer
apply after the change lose their answer (set aside, offered again if they come back); questions that now
apply are asked. Each change is kept in the draft as soon as it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, Protocol

from rich.table import Table
from rich.text import Text

from iaterr.base.diagnostics import Diagnostic
from iaterr.base.text import printable_line
from iaterr.cli.common import App
from iaterr.cli.questionnaire import Asker, Offers, State, ask_field, refusal, shown_value
from iaterr.i18n import labelled, message
from iaterr.model import SECTIONS, CasUsage
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.questions import Question, applies, plan, required_by_law

_BACK = "__iaterr_retour__"


class Reviewed(Protocol):
    """What the review shows: :class:`iaterr.authoring.records.NewRecord` or
    :class:`iaterr.authoring.edit.EditedRecord`."""

    identifiant: str
    data: dict[str, Any]
    problems: list[Diagnostic]

    @property
    def valid(self) -> bool: ...


def _cell(spec: FieldSpec, value: Any, lang: str, mask: bool) -> Text:
    """One value in a table; with ``mask``, a restricted field's value is not shown (the output may end up in
    a log: a run without a terminal)."""
    if mask and not spec.meta.public and value not in (None, "", []):
        return Text(message("valeur.masquee", lang))
    return Text(printable_line(shown_value(spec, value, lang)))


def summary_table(data: dict[str, Any], lang: str, *, mask: bool = False) -> Table:
    table = Table(title=message("new.resume", lang), title_justify="left", show_header=True)
    table.add_column(message("new.resume.champ", lang), style="bold")
    table.add_column(message("new.resume.valeur", lang))
    for name, spec in specs(CasUsage).items():
        value = data.get(name)
        if value is None or value == [] or name == "version_schema":
            continue
        table.add_row(spec.meta.titre(lang), _cell(spec, value, lang, mask))
    return table


def changes_table(before: dict[str, Any], after: dict[str, Any], changed: list[str], lang: str, *,
                  mask: bool = False) -> Table:
    table = Table(title=message("edit.modifications", lang), title_justify="left", show_header=True)
    table.add_column(message("new.resume.champ", lang), style="bold")
    table.add_column(message("edit.avant", lang))
    table.add_column(message("edit.apres", lang))
    for name in changed:
        spec = specs(CasUsage).get(name)
        if spec is None:
            continue
        table.add_row(spec.meta.titre(lang), _cell(spec, before.get(name), lang, mask),
                      _cell(spec, after.get(name), lang, mask))
    return table


def print_problems(ui: App, problems: list[Diagnostic]) -> None:
    """What refuses the record, each field named by its title."""
    for d in problems:
        name = str(d.path[0]) if d.path else ""
        spec = specs(CasUsage).get(name)
        if spec is not None:
            text = refusal(ui.lang, spec, [d])
            place = spec.meta.titre(ui.lang)
        else:
            hint = d.hint(ui.lang)
            text = d.message(ui.lang) + (f" {hint}" if hint else "")
            place = name or "-"
        ui.err.print(Text("  " + labelled(place, text, ui.lang), style="red"), soft_wrap=not ui.err.is_terminal)


@cache
def _questions() -> dict[str, Question]:
    """Every question that can be corrected, the identifier included, in the model's order."""
    planned = {q.name: q for q in plan(CasUsage, complete=True)}
    planned["identifiant"] = Question("identifiant", specs(CasUsage)["identifiant"], False, False)
    return {n: planned[n] for n in specs(CasUsage) if n in planned}


def prune(state: State, applicable: set[str]) -> list[str]:
    """Set aside the answers of the questions in ``applicable`` (those that applied before a correction)
    that no longer apply, until nothing changes (an answer set aside can make another question
    inapplicable); returns their names. They are asked again if they come back. An answer whose question
    did not apply before is left alone: a record may hold more than the questionnaire asks."""
    gone: list[str] = []
    questions = [q for q in plan(CasUsage, complete=True) if q.condition is not None and q.name in applicable]
    while True:
        drop = [q.name for q in questions if not applies(q, state.answers)
                and (q.name in state.answers or q.name in state.asked)]
        if not drop:
            return gone
        for name in drop:
            if name in state.answers:
                state.stash[name] = state.answers.pop(name)
                gone.append(name)
            state.asked = [n for n in state.asked if n != name]


def pick_field(asker: Asker, answers: dict[str, Any], identifiant: str) -> str | None:
    """The answer to correct: a section, then one of its questions (with its current answer)."""
    lang = asker.lang
    questions = [q for q in _questions().values() if applies(q, answers)]
    sections = [s for s in SECTIONS if any(q.section == s for q in questions)]
    while True:
        options = [(SECTIONS[s].label(lang), s) for s in sections] + [(asker.m("new.revue.retour"), _BACK)]
        section = asker.select(asker.m("new.revue.quelle-section"), options, default=sections[0])
        if section == _BACK:
            return None
        here = [q for q in questions if q.section == section]
        fields = []
        for q in here:
            value = identifiant if q.name == "identifiant" and not answers.get("identifiant") else answers.get(q.name)
            shown = printable_line(shown_value(q.spec, value, lang))
            if len(shown) > 50:
                shown = shown[:49] + "…"
            fields.append((labelled(q.spec.meta.titre(lang), shown, lang), q.name))
        fields.append((asker.m("new.revue.retour"), _BACK))
        name = asker.select(asker.m("new.revue.quel-champ"), fields, default=fields[0][1])
        if name != _BACK:
            return str(name)


def correct(asker: Asker, state: State, name: str, *, special: dict[str, list[tuple[str, str]]] | None,
            defaults: dict[str, Any] | None, current_identifier: str,
            on_answer: Callable[[State], None]) -> None:
    """Ask ``name`` again (its answer as the default), then the questions the change brings in."""
    questions = _questions()
    q = questions[name]
    applicable = {n for n, other in questions.items() if applies(other, state.answers)}
    current = state.answers.get(name)
    if name == "identifiant" and current is None:
        current = current_identifier
    offered = Offers({name: current} if current is not None else {}, defaults)
    value = ask_field(asker, CasUsage, q.spec, state.answers, required=q.required,
                      legal=required_by_law(q, state.answers), defaults=offered, special=special)
    if value is None:
        state.answers.pop(name, None)
    else:
        state.answers[name] = value
    if name not in state.asked:
        state.asked.append(name)
    gone = prune(state, applicable)
    if gone:
        titles = [specs(CasUsage)[n].meta.titre(asker.lang) for n in gone]
        asker.say(asker.m("new.revue.retires", champs=titles), "yellow")
    on_answer(state)
    # the questions the change brings in (and those their answers bring in), in the model's order; never
    # the others left unanswered
    while True:
        new = [n for n, other in questions.items() if n not in applicable and applies(other, state.answers)
               and n not in state.answers]
        if not new:
            return
        applicable.update(new)
        for n in new:
            other = questions[n]
            answer = ask_field(asker, CasUsage, other.spec, state.answers, required=other.required,
                               legal=required_by_law(other, state.answers),
                               defaults=Offers(state.stash, defaults), special=special)
            if answer is not None:
                state.answers[n] = answer
            state.stash.pop(n, None)
            if n not in state.asked:
                state.asked.append(n)
            on_answer(state)


def review(ui: App, asker: Asker, state: State, *, build: Callable[[], Reviewed],
           show: Callable[[Reviewed], None], special: dict[str, list[tuple[str, str]]] | None,
           defaults: dict[str, Any] | None, on_answer: Callable[[State], None],
           after_change: Callable[[str, Any], None] | None = None,
           first_correction: bool = False) -> Reviewed | None:
    """Show the record and ask what to do, until it is saved (returned) or left for later (None).
    ``after_change(name, old value)`` is called after an answer was corrected. ``first_correction``: ask which
    answer to correct before showing anything."""
    lang = ui.lang

    def pick_and_correct(identifiant: str) -> None:
        name = pick_field(asker, state.answers, identifiant)
        if name is None:
            return
        old = state.answers.get(name)
        correct(asker, state, name, special=special, defaults=defaults, current_identifier=identifiant,
                on_answer=on_answer)
        if after_change is not None:
            after_change(name, old)
            on_answer(state)

    if first_correction:  # ``iaterr edit``: what to change, first
        pick_and_correct(build().identifiant)
    while True:
        record = build()
        show(record)
        if record.problems:
            ui.err.print(Text(message("new.revue.refus", lang), style="bold red"))
            print_problems(ui, record.problems)
        options = []
        if record.valid:
            unchanged = getattr(record, "changed", None) == []
            options.append((asker.m("edit.revue.quitter" if unchanged else "new.revue.enregistrer"), "enregistrer"))
        options += [(asker.m("new.revue.corriger"), "corriger"), (asker.m("new.revue.plus-tard"), "plus-tard")]
        choice = asker.select(asker.m("new.confirmer"), options, default=options[0][1])
        if choice == "enregistrer":
            return record
        if choice == "plus-tard":
            return None
        pick_and_correct(record.identifiant)
