"""Asking a model's fields with questionary, following :mod:`iaterr.model.questions`.

Every answer is checked as it is given, by the model itself, and a refused answer
is asked again with the reason. Input and output can be given (a prompt_toolkit
pipe input in the tests); Ctrl-C or the end of input raises
:class:`QuestionnaireAborted`, after the answers so far were handed to
``on_answer`` (which keeps the draft).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from iaterr.base.diagnostics import Diagnostic
from iaterr.i18n import labelled, message, quote
from iaterr.model import SECTIONS
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.questions import (
    SAFE_DEFAULTS,
    Answers,
    Normalised,
    applies,
    check_answer,
    choices,
    is_list_of_text,
    normalise,
    plan,
    required_by_law,
    suggest,
)

_SKIP = "__iaterr_passer__"

#: prompt_toolkit input/output and a ``before_prompt`` hook for every questionnaire of this process;
#: empty for a person at a terminal, a pipe input in the tests.
PROMPT_IO: dict[str, Any] = {}


class QuestionnaireAborted(Exception):
    """Ctrl-C, or no more input."""


@dataclass
class State:
    """What has been answered, kept in drafts so that nothing typed is lost."""

    answers: Answers = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    gates: dict[str, bool] = field(default_factory=dict)
    #: a list being answered when the questionnaire stopped: ``{"champ": name, ...}`` with the items done
    #: (``elements``, ``textes``), those still to review (``reste``) and the item being asked (``encours``)
    pending: dict[str, Any] | None = None
    #: answers set aside because their question no longer applies after a correction: offered again as the
    #: default if it comes back
    stash: Answers = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers, "asked": self.asked, "gates": self.gates, "pending": self.pending,
                "stash": self.stash}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> State:
        pending = data.get("pending")
        return cls(dict(data.get("answers") or {}), list(data.get("asked") or []), dict(data.get("gates") or {}),
                   dict(pending) if isinstance(pending, dict) else None, dict(data.get("stash") or {}))


class Asker:
    """questionary prompts in one language, with optional input/output for tests."""

    def __init__(self, lang: str, say: Callable[[str, str], None], *, input: Any = None, output: Any = None,
                 before_prompt: Callable[[str, str], None] | None = None) -> None:
        self.lang = lang
        self.say = say
        #: called with (kind, prompt) before each prompt: tests feed the keystrokes of the answer into a
        #: pipe input there
        self.before_prompt = before_prompt
        self.io: dict[str, Any] = {}
        if input is not None:
            self.io["input"] = input
        if output is not None:
            self.io["output"] = output

    def m(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def _columns(self) -> int | None:
        """The terminal's width, for prompts laid out by prompt_toolkit (which breaks lines anywhere, or cuts
        them); None when the output is not a terminal's (the tests' pipe)."""
        if "output" in self.io:
            return None
        import shutil

        return shutil.get_terminal_size((80, 24)).columns

    def _fit(self, text: str, *, indent: int = 2, after: str = "") -> str:
        """``text`` wrapped at word boundaries to the terminal's width, its next lines indented by ``indent``;
        a line break before ``after`` (the instruction that follows) when it would not fit on the last line."""
        width = self._columns()
        if width is None or width < 20:
            return text
        import textwrap

        lines = textwrap.wrap(text, width=width - indent - 1, subsequent_indent=" " * indent,
                              break_long_words=False, break_on_hyphens=False) or [text]
        out = "\n".join(lines)
        if after and len(lines[-1]) + len(after) + indent + 2 > width:
            out += "\n" + " " * (indent - 1)
        return out

    def _run(self, question: Any, kind: str, prompt: str) -> Any:
        if self.before_prompt is not None:
            self.before_prompt(kind, prompt)
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError) as exc:
            raise QuestionnaireAborted from exc

    def text(self, prompt: str, *, default: str = "", validate: Callable[[str], Any] | None = None) -> str:
        import questionary

        return self._run(questionary.text(self._fit(prompt), default=default, validate=validate, **self.io), "text",
                         prompt)

    def select(self, prompt: str, options: list[tuple[str, Any]], *, default: Any = None) -> Any:
        import questionary

        items = [questionary.Choice(self._fit(title, indent=4), value=value) for title, value in options]
        chosen = next((c for c in items if c.value == default), None)
        instruction = self.m("new.instruction.select")
        return self._run(questionary.select(self._fit(prompt, after=instruction), choices=items, default=chosen,
                                            instruction=instruction, **self.io), "select", prompt)

    def checkbox(self, prompt: str, options: list[tuple[str, Any]], *, checked: list[Any] | None = None) -> list:
        import questionary
        import questionary.prompts.common as checkbox_module

        checked = checked or []
        items = [questionary.Choice(self._fit(title, indent=6), value=value, checked=value in checked)
                 for title, value in options]
        original = getattr(checkbox_module, "create_inquirer_layout")  # noqa: B009 (not in its __all__)
        setattr(checkbox_module, "create_inquirer_layout", self._checkbox_layout(original))  # noqa: B010
        instruction = self.m("new.instruction.checkbox")
        try:
            question = questionary.checkbox(self._fit(prompt, after=instruction), choices=items,
                                            instruction=instruction, **self.io)
        finally:
            setattr(checkbox_module, "create_inquirer_layout", original)  # noqa: B010
        return self._run(question, "checkbox", prompt)

    def _checkbox_layout(self, original: Callable[..., Any]) -> Callable[..., Any]:
        """questionary's layout, with the answer line in the run's language (it says « done (2 selections) »):
        the titles ticked, or « aucune case cochée »."""

        def layout(ic: Any, get_prompt_tokens: Callable[[], list[tuple[str, str]]], **kwargs: Any) -> Any:
            def tokens() -> list[tuple[str, str]]:
                out = []
                for style, text in get_prompt_tokens():
                    if style == "class:answer":
                        titles = [" ".join(str(c.title).split()) for c in ic.get_selected_values()]
                        text = ", ".join(titles) if titles else self.m("new.coche.aucune")
                        if self._columns() is not None and titles:  # on lines of their own, wrapped
                            text = "\n  " + self._fit(text)
                    out.append((style, text))
                return out

            return original(ic, tokens, **kwargs)

        return layout

    def confirm(self, prompt: str, *, default: bool = False) -> bool:
        """A yes/no question in the run's language: (o/N) and Oui/Non in French, where « o », « y » and
        « n » answer (questionary's confirm only knows (y/N))."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.formatted_text import to_formatted_text
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys
        from questionary import Question
        from questionary.constants import DEFAULT_QUESTION_PREFIX
        from questionary.styles import merge_styles_default

        status: dict[str, Any] = {"answer": None, "complete": False}
        hint = self.m("new.confirm.oui-non" if default else "new.confirm.non-oui")
        shown = self._fit(prompt, after=hint)

        def get_prompt_tokens() -> Any:
            tokens: list[Any] = [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {shown} ")]
            if not status["complete"]:
                tokens.append(("class:instruction", f"{hint} "))
            if status["answer"] is not None:
                tokens.append(("class:answer", self.m("new.oui" if status["answer"] else "new.non")))
            return to_formatted_text(tokens)

        def exit_with_result(event: Any) -> None:
            status["complete"] = True
            event.app.exit(result=status["answer"])

        bindings = KeyBindings()

        @bindings.add(Keys.ControlQ, eager=True)
        @bindings.add(Keys.ControlC, eager=True)
        def _abort(event: Any) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        def answer(value: bool) -> Callable[[Any], None]:
            def set_it(event: Any) -> None:  # answered at once, as questionary's confirm does
                status["answer"] = value
                exit_with_result(event)

            return set_it

        for key in self.m("new.confirm.touches-oui") + "yY":
            bindings.add(key)(answer(True))
        for key in self.m("new.confirm.touches-non") + "nN":
            bindings.add(key)(answer(False))

        @bindings.add(Keys.ControlH)
        def _erase(event: Any) -> None:
            status["answer"] = None

        @bindings.add(Keys.ControlM, eager=True)
        def _enter(event: Any) -> None:
            if status["answer"] is None:
                status["answer"] = default
            exit_with_result(event)

        @bindings.add(Keys.Any)
        def _other(event: Any) -> None:
            """Other keys type nothing."""

        session: Any = PromptSession(get_prompt_tokens, key_bindings=bindings, style=merge_styles_default([None]),
                                     **self.io)
        return bool(self._run(Question(session.app), "confirm", prompt))


def _label(spec: FieldSpec, lang: str) -> str:
    return spec.meta.titre(lang)


#: What the questionnaire says instead of a hint written for someone editing the YAML file.
_PROMPT_HINTS = {"url": "new.indice.url", "texte-vide": "new.indice.texte-vide", "liste": "new.indice.liste",
                 "caractere-controle": "new.indice.caractere-controle"}


def refusal(lang: str, spec: FieldSpec, diags: list[Diagnostic]) -> str:
    """Why an answer is refused, for the person at the prompt: the field named by its title, never by its
    key, and a hint about answering (not about editing YAML)."""
    d = diags[0]
    params = dict(d.params)
    if "champ" in params:
        params["champ"] = _label(spec, lang)
    hint = params.get("_hint")
    if hint and hint[0] in _PROMPT_HINTS:
        params["_hint"] = (None, {})
        said = message(_PROMPT_HINTS[hint[0]], lang, **hint[1])
    else:
        said = None
    shown = replace(d, params=params)
    said = said if said is not None else shown.hint(lang)
    return shown.message(lang) + (f" {said}" if said else "")


def shown_value(spec: FieldSpec, value: Any, lang: str) -> str:
    """One answer on one line, as a person reads it."""
    if value is None or value == [] or value == "":
        return message("new.revue.sans-reponse", lang)
    if spec.submodel is not None:
        return message("new.resume.elements", lang, n=len(value) if isinstance(value, list) else 1)
    if spec.vocab is not None:
        values = value if isinstance(value, list) else [value]
        return ", ".join(spec.vocab.label(str(v), lang) for v in values)
    if isinstance(value, bool) or (spec.kind == "booleen" and str(value).lower() in ("true", "false")):
        yes = value is True or str(value).lower() == "true"
        return message("new.oui" if yes else "new.non", lang)
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    return str(value)


def _required(asker: Asker, required: bool) -> Callable[[str], Any]:
    """The only check made while typing: a required answer is not empty. Everything else is checked once the
    answer is given, and explained on its own lines (the prompt's bottom line holds one short line)."""

    def validate(text: str) -> Any:
        return True if text.strip() or not required else asker.m("new.obligatoire")

    return validate


def _checked_text(asker: Asker, model: type[BaseModel], spec: FieldSpec, title: str, shown: str, required: bool,
                  *, item: bool = False) -> tuple[str, Any, Normalised | None]:
    """Ask a text until the model takes it, or takes it once normalised: (text typed, value, normalisation).
    A refused answer is explained and offered again, as typed, to be corrected. An empty answer gives
    ("", None, None)."""
    while True:
        text = asker.text(title, default=shown, validate=_required(asker, required)).strip()
        if not text:
            return "", None, None
        value, diags = check_answer(model, spec.name, [text] if item else text, redact=False)
        if not diags:
            return text, (value[0] if item else value), None
        fixed = None if item else normalise(spec, text)
        if fixed is not None:
            value, still = check_answer(model, spec.name, fixed.value, redact=False)
            if not still:
                return text, value, fixed
        asker.say(refusal(asker.lang, spec, diags), "red")
        shown = text


def _ask_text_list(asker: Asker, model: type[BaseModel], spec: FieldSpec, title: str, default: Any,
                   pending: dict[str, Any] | None, keep: Callable[[dict[str, Any]], None]) -> Any:
    """A list of texts, one item per answer, an empty answer ends it; then the list is shown and can be
    corrected: each item is asked again with its text as the default (emptied, it is removed). The items
    typed are kept (``keep``) as they come: an interruption loses only the one being typed."""
    if pending is not None:
        texts, current = list(pending.get("textes") or []), list(pending.get("reste") or [])
    else:
        texts, current = [], [str(v) for v in default] if isinstance(default, list) else []
        asker.say(asker.m("new.liste-aide"), "dim")
    while True:
        while current:
            keep({"textes": texts, "reste": current})
            text, _value, _fixed = _checked_text(asker, model, spec, f"{title} ({len(texts) + 1})", current[0],
                                                 False, item=True)
            current.pop(0)
            if text:
                texts.append(text)
        while True:
            keep({"textes": texts, "reste": []})
            text, _value, _fixed = _checked_text(asker, model, spec, f"{title} ({len(texts) + 1})", "", False,
                                                 item=True)
            if not text:
                break
            texts.append(text)
        if not texts:
            return None
        listed = (" ; " if asker.lang == "fr" else "; ").join(quote(t, asker.lang) for t in texts)
        if asker.confirm(asker.m("new.liste-ok", titre=_label(spec, asker.lang), elements=listed), default=True):
            return texts
        current, texts = texts, []
        asker.say(asker.m("new.liste-corriger"), "dim")


def _ask_text(asker: Asker, model: type[BaseModel], spec: FieldSpec, title: str, default: Any,
              required: bool) -> Any:
    """One text answer, typed by the model; an answer written another way (« 01/03/2024 », « 43,4986 »,
    « environ 400 ») is shown as the value the record will hold, and recorded only once confirmed."""
    shown = "" if default is None else str(default)
    while True:
        text, value, fixed = _checked_text(asker, model, spec, title, shown, required)
        if fixed is None:
            return value
        asker.say(asker.m("new.normalise", saisi=fixed.typed, valeur=fixed.value), "")
        if fixed.note:
            asker.say(asker.m(fixed.note, saisi=fixed.typed, valeur=fixed.value), "dim")
        if asker.confirm(asker.m("new.normalise.confirmer", valeur=fixed.value), default=True):
            return value
        shown = text


def _ask_group(asker: Asker, spec: FieldSpec, required: bool, default: Any, pending: dict[str, Any] | None,
               keep: Callable[[dict[str, Any]], None]) -> Any:
    """A repeated group (data sources, parameters…): the items already there are reviewed one by one (kept,
    changed or removed), then more can be added. Each finished item, and each answer of the item being
    asked, is kept (``keep``): an interruption loses only the answer being typed."""
    assert spec.submodel is not None
    lang = asker.lang
    if pending is not None:
        items = list(pending.get("elements") or [])
        rest = list(pending.get("reste") or [])
        current = pending.get("encours")
    else:
        items, rest, current = [], [dict(v) for v in default if isinstance(v, dict)] if isinstance(default, list) \
            else [], None

    def ask_item(state: State, defaults: Answers | None) -> Answers:
        def save(s: State) -> None:
            keep({"elements": items, "reste": rest, "encours": {**s.to_dict(), "defauts": defaults}})

        save(state)
        return ask_state(spec.submodel, asker, state=state, nested=True, defaults=defaults,  # type: ignore[arg-type]
                         on_answer=save)

    if isinstance(current, dict):  # the item being answered when the questionnaire stopped
        items.append(ask_item(State.from_dict(current), current.get("defauts")))
    while rest:
        item = rest[0]
        keep({"elements": items, "reste": rest, "encours": None})
        options = [(asker.m("new.element.garder"), "garder"), (asker.m("new.element.modifier"), "modifier"),
                   (asker.m("new.element.retirer"), "retirer")]
        fields = specs(spec.submodel)
        shown = (" ; " if lang == "fr" else "; ").join(
            labelled(fields[k].meta.titre(lang), shown_value(fields[k], v, lang), lang)
            for k, v in item.items() if k in fields and v not in (None, "", []))
        choice = asker.select(asker.m("new.element.que-faire", titre=_label(spec, lang), n=len(items) + 1,
                                      element=shown), options, default="garder")
        rest.pop(0)
        if choice == "garder":
            items.append(item)
        elif choice == "modifier":
            items.append(ask_item(State(), item))
    keep({"elements": items, "reste": [], "encours": None})
    while asker.confirm(asker.m("new.ajouter" if not items else "new.ajouter-autre", titre=_label(spec, lang)),
                        default=not items and required):
        items.append(ask_item(State(), None))
        keep({"elements": items, "reste": [], "encours": None})
    return items or None


def _confirm_empty(asker: Asker, spec: FieldSpec, title: str, *, required: bool, legal: bool) -> bool:
    """Leave a required, recommended or legally required checkbox list empty? Asked, never taken from an
    Enter (which questionary reads as « nothing ticked »)."""
    if not (required or legal or spec.meta.exigence != "facultatif"):
        return True
    return asker.confirm(asker.m("new.coche.vide", titre=_label(spec, asker.lang)), default=False)


def _say_help(asker: Asker, spec: FieldSpec) -> None:
    asker.say(spec.meta.aide(asker.lang), "dim")
    why = spec.meta.pourquoi(asker.lang)
    if why:
        asker.say(asker.m("new.pourquoi", texte=why), "dim italic")


def ask_field(asker: Asker, model: type[BaseModel], spec: FieldSpec, answers: Answers, *,
              required: bool, legal: bool = False, defaults: Answers | None = None,
              special: dict[str, list[tuple[str, str]]] | None = None, pending: dict[str, Any] | None = None,
              keep: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """Ask one field; returns its typed value, or None when skipped. ``pending``: the part of a list
    answered before an interruption; ``keep(partial)`` is told each step of a list as it is answered."""
    lang = asker.lang
    defaults = defaults if defaults is not None else {}  # an Offers may be empty and still offer
    keep = keep or (lambda partial: None)
    title = _label(spec, lang)
    if legal:
        title += " " + asker.m("new.exige-par-la-loi")
    if required:
        title += " *"
    _say_help(asker, spec)
    default = defaults.get(spec.name)

    if special and spec.name in special and special[spec.name]:
        options = list(special[spec.name])
        if not required:
            options.append((asker.m("new.passer"), _SKIP))
        value = asker.select(title, options, default=default)
        return None if value == _SKIP else value

    if spec.submodel is not None:
        return _ask_group(asker, spec, required, default, pending, keep)

    if spec.vocab is not None:
        options = [(en if lang == "en" else fr, code) for code, fr, en in choices(spec, answers)]
        if spec.is_list:
            while True:
                picked = asker.checkbox(title, options, checked=default if isinstance(default, list) else None)
                if picked or _confirm_empty(asker, spec, title, required=required, legal=legal):
                    return picked or None
        suggestion = suggest(spec.name, answers)
        if suggestion is not None:
            code, reasons = suggestion
            asker.say(asker.m("new.suggestion", valeur=spec.vocab.label(code, lang),
                              raisons=[asker.m(r[0], **r[1]) for r in reasons]), "cyan")
            options = [(f"{label} {asker.m('new.suggere')}" if value == code else label, value)
                       for label, value in options]
        if not required:
            options.append((asker.m("new.passer"), _SKIP))
        if default is None:
            default = SAFE_DEFAULTS.get(spec.name)
        value = asker.select(title, options, default=default)
        return None if value == _SKIP else value

    if spec.kind == "booleen":
        options = [(asker.m("new.oui"), True), (asker.m("new.non"), False)]  # type: ignore[list-item]
        if not required:
            options.append((asker.m("new.ne-sait-pas"), _SKIP))
        if default is None and not required:  # nothing known: Enter claims neither yes nor no
            default = _SKIP
        value = asker.select(title, options, default=default)
        return None if value == _SKIP else value

    if is_list_of_text(spec):
        return _ask_text_list(asker, model, spec, title, default, pending, keep)

    return _ask_text(asker, model, spec, title, default, required)


class Offers(dict):
    """The answers offered as defaults: those set aside by a correction first, then ``defaults`` (whose
    ``get`` may compute them, as :class:`iaterr.cli.recording` does)."""

    def __init__(self, stash: Answers, defaults: Answers | None) -> None:
        super().__init__(stash)
        self.defaults = defaults or {}

    def get(self, name: str, default: Any = None) -> Any:
        if name in self:
            return self[name]
        return self.defaults.get(name, default)


def ask_state(model: type[BaseModel], asker: Asker, *, state: State | None = None, fields: list[str] | None = None,
              complete: bool = False, defaults: Answers | None = None, nested: bool = False,
              special: dict[str, list[tuple[str, str]]] | None = None,
              on_answer: Callable[[State], None] | None = None) -> Answers:
    """Ask the fields of ``model`` not yet in ``state``; returns the answers. ``defaults``: the answers
    offered (an existing record's values, in ``iaterr edit``); a section whose optional fields have one
    opens on « Oui »."""
    state = state if state is not None else State()
    questions = plan(model, fields=fields, complete=complete or nested)
    answers = state.answers
    current_section = None
    offered = Offers(state.stash, defaults)

    def save() -> None:
        if on_answer is not None:
            on_answer(state)

    def record(name: str, value: Any) -> None:
        if value is not None:
            answers[name] = value
        else:
            answers.pop(name, None)
        state.asked.append(name)
        state.pending = None
        state.stash.pop(name, None)
        save()

    def ask(q: Any) -> Any:
        pending = state.pending if state.pending and state.pending.get("champ") == q.name else None

        def keep(partial: dict[str, Any]) -> None:
            state.pending = {"champ": q.name, **partial}
            save()

        return ask_field(asker, model, q.spec, answers, required=q.required and not q.optional_group,
                         legal=required_by_law(q, answers), defaults=offered, special=special,
                         pending=pending, keep=keep)

    sections: list[str] = []
    for q in questions:
        if q.section not in sections:
            sections.append(q.section)
    for section in sections:
        in_section = [q for q in questions if q.section == section]
        for q in [q for q in in_section if not q.optional_group]:
            if q.name in answers or q.name in state.asked or not applies(q, answers):
                continue
            if not nested and section != current_section:
                current_section = section
                asker.say("", "")
                asker.say(f"— {SECTIONS[section].label(asker.lang)} —", "bold")
                why = SECTIONS[section].pourquoi(asker.lang)
                if why:
                    asker.say(asker.m("new.pourquoi", texte=why), "dim italic")
            record(q.name, ask(q))
        optional = [q for q in in_section if q.optional_group and q.name not in answers and q.name not in state.asked]
        if not optional:
            continue
        if section not in state.gates:
            titles = ", ".join(_label(q.spec, asker.lang) for q in optional)
            state.gates[section] = asker.confirm(
                asker.m("new.facultatifs", section=SECTIONS[section].label(asker.lang), champs=titles),
                default=any(offered.get(q.name) not in (None, "", []) for q in optional))
            save()
        if state.gates[section]:
            for q in optional:
                if q.name not in answers and q.name not in state.asked:
                    record(q.name, ask(q))
    if not nested:  # a condition that came to hold after its question's turn (the legal basis of personal data)
        late = [q for q in questions if not q.optional_group and q.name not in answers and q.name not in state.asked
                and applies(q, answers)]
        if late:
            asker.say("", "")
            asker.say(asker.m("new.complements"), "bold")
        for q in late:
            record(q.name, ask(q))
    return answers


def ask_model(model: type[BaseModel], *, lang: str, defaults: Answers | None = None, fields: list[str] | None = None,
              say: Callable[[str, str], None] | None = None, input: Any = None, output: Any = None) -> Answers:
    """Ask ``fields`` of ``model`` (all of them by default) on the terminal; returns the answers."""
    from rich.console import Console
    from rich.text import Text

    if say is None:
        console = Console(highlight=False)

        def say(text: str, style: str) -> None:
            console.print(Text(text, style=style or ""), soft_wrap=True)

    io = dict(PROMPT_IO)
    if input is not None:
        io["input"] = input
    if output is not None:
        io["output"] = output
    asker = Asker(lang, say, **io)
    return ask_state(model, asker, fields=fields, defaults=defaults)
