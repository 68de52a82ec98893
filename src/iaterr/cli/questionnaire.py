"""Asking a model's fields with questionary, following :mod:`iaterr.model.questions`.

Every answer is checked as it is given, by the model itself, and a refused answer
is asked again with the reason. Input and output can be given (a prompt_toolkit
pipe input in the tests); Ctrl-C or the end of input raises
:class:`QuestionnaireAborted`, after the answers so far were handed to
``on_answer`` (which keeps the draft).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from iaterr.i18n import message
from iaterr.model import SECTIONS
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.questions import (
    SAFE_DEFAULTS,
    Answers,
    applies,
    check_answer,
    choices,
    is_list_of_text,
    normalise,
    plan,
    required_by_law,
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

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers, "asked": self.asked, "gates": self.gates}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> State:
        return cls(dict(data.get("answers") or {}), list(data.get("asked") or []), dict(data.get("gates") or {}))


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

    def _run(self, question: Any, kind: str, prompt: str) -> Any:
        if self.before_prompt is not None:
            self.before_prompt(kind, prompt)
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError) as exc:
            raise QuestionnaireAborted from exc

    def text(self, prompt: str, *, default: str = "", validate: Callable[[str], Any] | None = None) -> str:
        import questionary

        return self._run(questionary.text(prompt, default=default, validate=validate, **self.io), "text", prompt)

    def select(self, prompt: str, options: list[tuple[str, Any]], *, default: Any = None) -> Any:
        import questionary

        items = [questionary.Choice(title, value=value) for title, value in options]
        chosen = next((c for c in items if c.value == default), None)
        return self._run(questionary.select(prompt, choices=items, default=chosen,
                                            instruction=self.m("new.instruction.select"), **self.io), "select", prompt)

    def checkbox(self, prompt: str, options: list[tuple[str, Any]], *, checked: list[Any] | None = None) -> list:
        import questionary
        import questionary.prompts.common as checkbox_module

        checked = checked or []
        items = [questionary.Choice(title, value=value, checked=value in checked) for title, value in options]
        original = getattr(checkbox_module, "create_inquirer_layout")  # noqa: B009 (not in its __all__)
        setattr(checkbox_module, "create_inquirer_layout", self._checkbox_layout(original))  # noqa: B010
        try:
            question = questionary.checkbox(prompt, choices=items, instruction=self.m("new.instruction.checkbox"),
                                            **self.io)
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
                        titles = [str(c.title) for c in ic.get_selected_values()]
                        text = ", ".join(titles) if titles else self.m("new.coche.aucune")
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

        def get_prompt_tokens() -> Any:
            tokens: list[Any] = [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {prompt} ")]
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


def _validator(asker: Asker, model: type[BaseModel], spec: FieldSpec, required: bool, *,
               item: bool = False) -> Callable[[str], Any]:
    """Checks an answer as it is typed; ``item``: one item of a list of texts. An answer the model refuses
    but :func:`normalise` understands passes: its value is shown and confirmed after the prompt."""

    def validate(text: str) -> Any:
        text = text.strip()
        if not text:
            return True if not required else asker.m("new.obligatoire")
        _value, diags = check_answer(model, spec.name, [text] if item else text, redact=False)
        if not diags:
            return True
        fixed = None if item else normalise(spec, text)
        if fixed is not None and not check_answer(model, spec.name, fixed.value, redact=False)[1]:
            return True
        d = diags[0]
        hint = d.hint(asker.lang)
        return d.message(asker.lang) + (f" {hint}" if hint else "")

    return validate


def _ask_text_list(asker: Asker, model: type[BaseModel], spec: FieldSpec, title: str, default: Any) -> Any:
    """A list of texts, one item per answer, an empty answer ends it; then the list is shown and can be
    corrected: each item is asked again with its text as the default (emptied, it is removed)."""
    current = [str(v) for v in default] if isinstance(default, list) else []
    asker.say(asker.m("new.liste-aide"), "dim")
    while True:
        texts: list[str] = []
        for old in current:
            text = asker.text(f"{title} ({len(texts) + 1})", default=old,
                              validate=_validator(asker, model, spec, False, item=True)).strip()
            if text:
                texts.append(text)
        while True:
            text = asker.text(f"{title} ({len(texts) + 1})",
                              validate=_validator(asker, model, spec, False, item=True)).strip()
            if not text:
                break
            texts.append(text)
        if not texts:
            return None
        listed = " ; ".join(f"« {t} »" for t in texts)
        if asker.confirm(asker.m("new.liste-ok", titre=_label(spec, asker.lang), elements=listed), default=True):
            return texts
        current = texts
        asker.say(asker.m("new.liste-corriger"), "dim")


def _ask_text(asker: Asker, model: type[BaseModel], spec: FieldSpec, title: str, default: Any,
              required: bool) -> Any:
    """One text answer, typed by the model; an answer written another way (« 01/03/2024 », « 43,4986 »,
    « environ 400 ») is shown as the value the record will hold, and recorded only once confirmed."""
    shown = "" if default is None else str(default)
    while True:
        text = asker.text(title, default=shown, validate=_validator(asker, model, spec, required)).strip()
        if not text:
            return None
        value, diags = check_answer(model, spec.name, text)
        if not diags:
            return value
        fixed = normalise(spec, text)
        assert fixed is not None  # the validator let it through
        value, _diags = check_answer(model, spec.name, fixed.value)
        asker.say(asker.m("new.normalise", saisi=fixed.typed, valeur=fixed.value), "")
        if fixed.note:
            asker.say(asker.m(fixed.note, saisi=fixed.typed, valeur=fixed.value), "dim")
        if asker.confirm(asker.m("new.normalise.confirmer", valeur=fixed.value), default=True):
            return value
        shown = text


def _confirm_empty(asker: Asker, spec: FieldSpec, title: str, *, required: bool, legal: bool) -> bool:
    """Leave a required, recommended or legally required checkbox list empty? Asked, never taken from an
    Enter (which questionary reads as « nothing ticked »)."""
    if not (required or legal or spec.meta.exigence != "facultatif"):
        return True
    return asker.confirm(asker.m("new.coche.vide", titre=_label(spec, asker.lang)), default=False)


def ask_field(asker: Asker, model: type[BaseModel], spec: FieldSpec, answers: Answers, *,
              required: bool, legal: bool = False, defaults: Answers | None = None,
              special: dict[str, list[tuple[str, str]]] | None = None) -> Any:
    """Ask one field; returns its typed value, or None when skipped."""
    lang = asker.lang
    defaults = defaults or {}
    title = _label(spec, lang)
    if legal:
        title += " " + asker.m("new.exige-par-la-loi")
    if required:
        title += " *"
    asker.say(spec.meta.aide(lang), "dim")
    default = defaults.get(spec.name)

    if special and spec.name in special and special[spec.name]:
        options = list(special[spec.name])
        if not required:
            options.append((asker.m("new.passer"), _SKIP))
        value = asker.select(title, options, default=default)
        return None if value == _SKIP else value

    if spec.submodel is not None:
        items: list[Any] = []
        while asker.confirm(asker.m("new.ajouter" if not items else "new.ajouter-autre", titre=_label(spec, lang)),
                            default=not items and required):
            items.append(ask_state(spec.submodel, asker, state=State(), nested=True))
        return items or None

    if spec.vocab is not None:
        options = [(en if lang == "en" else fr, code) for code, fr, en in choices(spec, answers)]
        if spec.is_list:
            while True:
                picked = asker.checkbox(title, options, checked=default if isinstance(default, list) else None)
                if picked or _confirm_empty(asker, spec, title, required=required, legal=legal):
                    return picked or None
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
        value = asker.select(title, options, default=default)
        return None if value == _SKIP else value

    if is_list_of_text(spec):
        return _ask_text_list(asker, model, spec, title, default)

    return _ask_text(asker, model, spec, title, default, required)


def ask_state(model: type[BaseModel], asker: Asker, *, state: State | None = None, fields: list[str] | None = None,
              complete: bool = False, defaults: Answers | None = None, nested: bool = False,
              special: dict[str, list[tuple[str, str]]] | None = None,
              on_answer: Callable[[State], None] | None = None) -> Answers:
    """Ask the fields of ``model`` not yet in ``state``; returns the answers."""
    state = state if state is not None else State()
    questions = plan(model, fields=fields, complete=complete or nested)
    answers = state.answers
    current_section = None

    def record(name: str, value: Any) -> None:
        if value is not None:
            answers[name] = value
        else:
            answers.pop(name, None)
        state.asked.append(name)
        if on_answer is not None:
            on_answer(state)

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
            record(q.name, ask_field(asker, model, q.spec, answers, required=q.required,
                                     legal=required_by_law(q, answers), defaults=defaults, special=special))
        optional = [q for q in in_section if q.optional_group and q.name not in answers and q.name not in state.asked]
        if not optional:
            continue
        if section not in state.gates:
            titles = ", ".join(_label(q.spec, asker.lang) for q in optional)
            state.gates[section] = asker.confirm(
                asker.m("new.facultatifs", section=SECTIONS[section].label(asker.lang), champs=titles), default=False)
            if on_answer is not None:
                on_answer(state)
        if state.gates[section]:
            for q in optional:
                record(q.name, ask_field(asker, model, q.spec, answers, required=False,
                                         legal=required_by_law(q, answers), defaults=defaults, special=special))
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


def field_titles(model: type[BaseModel], names: list[str], lang: str) -> list[str]:
    return [f"{n} ({specs(model)[n].meta.titre(lang)})" if n in specs(model) else n for n in names]
