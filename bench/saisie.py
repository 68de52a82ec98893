#!/usr/bin/env python3
"""How much a person types to record a residents' chatbot with ``iaterr new``, without and with ``--like``.

    python bench/saisie.py

The record to enter is a real one of ``data/``, whose answers stand for what the person knows of their own
project, entered in a copy of the repository where that record is absent. The questionnaire of
``iaterr new`` runs for real (its plan, conditions and defaults); only the terminal is replaced by an
answerer that gives each prompt the answer of the record and counts the keys a person presses for it, as
prompt_toolkit reads them:

- a text: Enter alone when the answer offered is already right; otherwise Ctrl-U to clear what is offered
  (when something is), the characters, Enter;
- a list: the arrow keys from the choice offered to the right one, then Enter;
- a checkbox list: the arrows down the list, Space on each box to change, Enter;
- a yes/no question: one key;
- an item of a repeated group offered by ``--like``: kept (Enter) when the record has it, else removed.

Two cases, each run from nothing and with ``--like``: the chatbot of Issy-les-Moulineaux (IssyGPT) entered
by an authority that takes up the same solution, with ``--like issy-les-moulineaux-issygpt`` (offered from
the embedded library); and the callbot of Aix-Marseille-Provence, another project of the same family, with
the same ``--like``. Prints prompts, typed characters and other keys,
and writes ``bench/out/saisie.json``. The figures are quoted in ``docs/nouveau.md``.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET = "aix-marseille-provence-callbot-encombrants"
LIKE = "issy-les-moulineaux-issygpt"


def _target(ident: str) -> dict[str, Any]:
    from iaterr.model import CasUsage
    from iaterr.model.questions import canonical
    from iaterr.repo.yamlio import read_document

    path = ROOT / "data/cas-usage" / f"{ident}.yaml"
    data = read_document(path.read_bytes(), path.name).data
    return canonical(CasUsage, {k: v for k, v in data.items() if k not in ("version_schema", "identifiant",
                                                                            "date_mise_a_jour")})


class Count:
    def __init__(self) -> None:
        self.prompts = 0
        self.characters = 0
        self.keys = 0

    def as_dict(self) -> dict[str, int]:
        return {"questions": self.prompts, "caracteres": self.characters, "touches": self.keys}


def run(ident: str, like: str | None) -> Count:
    from iaterr.authoring.like import find_model, like_answers
    from iaterr.cli import questionnaire
    from iaterr.cli.questionnaire import Asker, State, ask_state
    from iaterr.model import CasUsage
    from iaterr.model.introspect import specs
    from iaterr.repo.config import open_repository

    target = _target(ident)
    count = Count()
    stack: list[tuple[Any, dict[str, Any]]] = []  # (spec being asked, the answers of its level)
    lists: dict[int, list[str]] = {}
    groups: dict[int, list[dict[str, Any]]] = {}
    offers: dict[int, list[dict[str, Any]]] = {}
    offered: dict[str, Any] = {}

    original = questionnaire.ask_field

    def ask_field(asker: Any, model: Any, spec: Any, answers: Any, **kwargs: Any) -> Any:
        level = stack[-1][1] if stack and stack[-1][0] is None else target
        stack.append((spec, level))
        try:
            return original(asker, model, spec, answers, **kwargs)
        finally:
            stack.pop()

    def to_add(value: Any) -> list[dict[str, Any]]:
        """The items of the group being asked that are still to be entered."""
        return groups.setdefault(id(stack[-1]), [dict(v) for v in value or []])

    def offered_items(spec: Any) -> list[dict[str, Any]]:
        return offers.setdefault(id(stack[-1]), [dict(v) for v in offered.get(spec.name) or []])

    def wanted() -> tuple[Any, Any]:
        spec, level = stack[-1]
        return spec, level.get(spec.name)

    class Answerer(Asker):
        def text(self, prompt: str, *, default: str = "", validate: Any = None) -> str:
            count.prompts += 1
            spec, value = wanted()
            if isinstance(value, list):  # a list of texts, one item per prompt
                items = lists.setdefault(id(stack[-1]), [str(v) for v in value])
                answer = items.pop(0) if items else ""
            else:
                answer = "" if value is None else str(value)
            if answer == default:
                count.keys += 1
            else:
                count.keys += (1 if default else 0) + 1
                count.characters += len(answer)
            return answer

        def select(self, prompt: str, options: list[tuple[str, Any]], *, default: Any = None) -> Any:
            count.prompts += 1
            values = [v for _t, v in options]
            if "garder" in values:  # an item offered by the model: kept if the person's record has it
                spec, value = wanted()
                item = offered_items(spec).pop(0)
                remaining = to_add(value)
                choice = "garder" if item in remaining else "retirer"
                if choice == "garder":
                    remaining.remove(item)
                count.keys += values.index(choice) + 1
                return choice
            spec, value = wanted()
            if spec.kind == "booleen" and value is None:
                value = values[-1]  # « je ne sais pas »
            if value not in values:
                value = values[-1]  # skip
            start = values.index(default) if default in values else 0
            count.keys += abs(values.index(value) - start) + 1
            return value

        def checkbox(self, prompt: str, options: list[tuple[str, Any]], *, checked: list[Any] | None = None) -> list:
            count.prompts += 1
            _spec, value = wanted()
            value = [v for _t, v in options if v in (value or [])]
            checked = checked or []
            changes = [i for i, (_t, v) in enumerate(options) if (v in value) != (v in checked)]
            count.keys += (max(changes) if changes else 0) + len(changes) + 1
            return value

        def confirm(self, prompt: str, *, default: bool = False) -> bool:
            count.prompts += 1
            count.keys += 1
            spec, value = wanted() if stack else (None, None)
            if spec is not None and spec.submodel is not None:  # « add an item? »
                items = to_add(value)
                if items:
                    item = items.pop(0)
                    stack.append((None, item))
                    return True
                return False
            if spec is None:  # « fill in the optional fields of this section? »
                section = next((s for s in questionnaire.SECTIONS.values() if f"« {s.label(self.lang)} »" in prompt),
                               None)
                return section is not None and any(
                    target.get(n) not in (None, [], "") for n, sp in specs(CasUsage).items()
                    if sp.meta.section == section.code)
            return True  # « is this list right? », a normalised value

    def nested(model: Any, asker: Any, **kwargs: Any) -> Any:
        """An item of a repeated group, asked with the item pushed by the confirmation that added it."""
        try:
            return real_ask_state(model, asker, **kwargs)
        finally:
            if kwargs.get("nested") and stack and stack[-1][0] is None:
                stack.pop()

    real_ask_state = ask_state
    questionnaire.ask_field = ask_field  # type: ignore[assignment]
    questionnaire.ask_state = nested  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "depot"
            shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "bench", "tests", "docs",
                                                                      "node_modules", "__pycache__"))
            (copy / "data/cas-usage" / f"{ident}.yaml").unlink()
            repo = open_repository(copy, allow_embedded=False)
            if like:
                model, _embedded = find_model(repo, like)
                offered.update(like_answers(model))
            asker = Answerer("fr", lambda text, style: None)
            ask_state(CasUsage, asker, state=State(), defaults=offered,
                      special={"collectivite": [(target["collectivite"], target["collectivite"])]})
            count.prompts += 1  # the review: « Oui, enregistrer »
            count.keys += 1
    finally:
        questionnaire.ask_field = original  # type: ignore[assignment]
        questionnaire.ask_state = real_ask_state  # type: ignore[assignment]
    return count


#: (the record entered, the record offered by --like): the same solution taken up by another authority (the
#: model is the record itself, from the embedded library), and another chatbot (a callbot)
CASES = ((LIKE, LIKE), (TARGET, LIKE))


def main() -> None:
    out = []
    print(f"{'fiche saisie':44}{'--like':8}{'questions':>10}{'caractères':>12}{'autres touches':>16}")
    for ident, like in CASES:
        before, after = run(ident, None), run(ident, like)
        out.append({"fiche": ident, "modele": like, "sans_like": before.as_dict(), "avec_like": after.as_dict()})
        for label, c in (("non", before), ("oui", after)):
            print(f"{ident[:44]:44}{label:8}{c.prompts:>10}{c.characters:>12}{c.keys:>16}")
    (ROOT / "bench/out").mkdir(exist_ok=True)
    (ROOT / "bench/out/saisie.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")


if __name__ == "__main__":
    main()
