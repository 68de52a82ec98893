"""Issue #12: every question of `iaterr new --complet`, generated from the model
(:func:`iaterr.model.questions.plan` and the field specs), is answered with a real,
valid value in a pseudo-terminal, through the real command; the written record holds
every answer. The answers are chosen so that every conditional question is asked
(individual decisions, personal data, an AI system, a high-risk use concerning the
staff, an abandoned project)."""

from __future__ import annotations

import json
import os
import re
import select
import sys
import time
from typing import Any

from iaterr.model import CasUsage
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.questions import check_answer, choices, is_list_of_text, plan
from iaterr.repo.yamlio import read_document

DOWN = "\x1b[B"
UP = "\x1b[A"

#: select answers that open the conditional questions (the others take the first option)
CHOSEN = {"statut": "abandonne", "niveau_risque_ia": "eleve"}

TEXTS = {"url": "https://www.example.fr/{name}", "email": "contact-{name}@example.fr", "date": "2024-03",
         "entier": "12", "nombre": "3.5"}
DATES = {"date_debut": "2023-01", "date_fin": "2024-06"}


def _text_value(model: type, spec: FieldSpec) -> str:
    if spec.name in DATES:
        return DATES[spec.name]
    if spec.kind in TEXTS:
        return TEXTS[spec.kind].format(name=spec.name.replace("_", "-"))
    example = spec.meta.exemple
    if isinstance(example, str) and example and not check_answer(model, spec.name, example)[1]:
        return example
    return f"Réponse réelle pour « {spec.meta.titre('fr')} »."


class Answerer:
    """Chooses, from the model, the keystrokes of each prompt and the value the record must hold."""

    def __init__(self, collectivites: list[str]):
        self.collectivites = collectivites
        self.answers: dict[str, Any] = {}  # what the top-level record must hold
        self.stack: list[tuple[type, str, dict[str, Any]]] = []  # open repeated groups
        self.titles = {s.meta.titre("fr"): s for s in specs(CasUsage).values()}
        self.asked: list[str] = []
        self.list_items: dict[str, int] = {}

    def _current(self) -> tuple[type, dict[str, Any]]:
        if self.stack:
            return self.stack[-1][0], self.stack[-1][2]
        return CasUsage, self.answers

    def _spec(self, prompt: str) -> tuple[type, FieldSpec]:
        title = re.sub(r" \(\d+\)$", "", prompt)
        title = title.removesuffix(" *").removesuffix(" (exigé par la loi)")
        model, _ = self._current()
        for candidate in (model, CasUsage):
            for spec in specs(candidate).values():
                if spec.meta.titre("fr") == title:
                    return candidate, spec
        raise AssertionError(f"prompt without a field: {prompt!r}")

    def keys(self, kind: str, prompt: str) -> str:
        self.asked.append(prompt)
        if prompt.startswith("Enregistrer cette fiche"):  # the review: « Oui, enregistrer », the first choice
            return "\r"
        if kind == "confirm":
            return self._confirm(prompt)
        model, spec = self._spec(prompt)
        _, target = self._current()
        if model is CasUsage and self.stack:  # a group's question over: never happens inside a group
            raise AssertionError(prompt)
        if spec.name == "collectivite":
            target["collectivite"] = self.collectivites[0]
            return "\r"
        if kind == "select" and spec.vocab is not None:
            options = [code for code, _fr, _en in choices(spec, {**self.answers, **target})]
            wanted = CHOSEN.get(spec.name, options[0])
            target[spec.name] = wanted
            if spec.name == "niveau_risque_ia":
                return DOWN * options.index(wanted) + "\r"  # the cursor starts on « non évalué », the first
            return DOWN * options.index(wanted) + "\r"
        if kind == "select":  # a yes/no question: Oui, two up from « Je ne sais pas », where it opens
            assert spec.kind == "booleen", prompt
            target[spec.name] = True
            return UP * 2 + "\r"
        if kind == "checkbox":
            target[spec.name] = [code for code, _fr, _en in choices(spec, {**self.answers, **target})]
            return "a\r"  # tick everything offered
        assert kind == "text", (kind, prompt)
        if is_list_of_text(spec):
            n = self.list_items.get(spec.name, 0)
            self.list_items[spec.name] = n + 1
            if n < 2:
                item = f"{spec.meta.titre('fr')} n° {n + 1}"
                target.setdefault(spec.name, []).append(item)
                return item + "\r"
            return "\r"
        value = _text_value(model, spec)
        target[spec.name] = value
        return value + "\r"

    def _confirm(self, prompt: str) -> str:
        m = re.match(r"Ajouter (un|un autre) élément à « (.+) » \?", prompt)
        if m:
            if m.group(1) == "un autre":  # one item is enough: the group is closed
                _sub, name, values = self.stack.pop()
                _, parent = self._current()
                parent.setdefault(name, []).append(values)
                return "n"
            model, _ = self._current()
            group = next(s for s in specs(model).values() if s.meta.titre("fr") == m.group(2))
            assert group.submodel is not None
            self.stack.append((group.submodel, group.name, {}))
            return "y"  # (« o » in French; « y » is accepted too, and by the questionnaire before #12)
        if "Est-ce juste" in prompt:
            return "y"
        raise AssertionError(f"unexpected confirmation: {prompt!r}")


def _expected(value: Any) -> Any:
    """A value as the YAML reader returns it (scalars as their text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return {k: _expected(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expected(v) for v in value]
    return str(value)


CHILD = """
import json, sys
from iaterr.cli import questionnaire
channel = open({channel!r}, "a", encoding="utf-8")
def hook(kind, prompt):
    channel.write(json.dumps([kind, prompt]) + "\\n")
    channel.flush()
questionnaire.PROMPT_IO["before_prompt"] = hook
sys.argv = ["iaterr", "new", "--complet", "--repo", {repo!r}]
from iaterr.cli.entry import main
main()
"""


def _wait_raw(fd: int, timeout: float = 2.0) -> None:
    """Wait until the program on the terminal has put it in raw mode (the prompt reads keys one by one): keys
    written before that would go through the line discipline (echoed, held until a line feed, Ctrl-C a signal).
    After ``timeout``, the keys go anyway (the prompt's answer then shows what went wrong)."""
    import termios

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not termios.tcgetattr(fd)[3] & termios.ICANON:
            return
        time.sleep(0.002)


def run_in_terminal(repo, channel, answerer: Answerer, timeout: float = 300) -> tuple[int, str]:
    import pty

    # no cursor-position request: nothing in this pseudo-terminal would answer it, and prompt_toolkit would wait
    env = {**os.environ, "IATERR_LANG": "fr", "IATERR_AUJOURDHUI": "2026-11-22", "COLUMNS": "160",
           "PROMPT_TOOLKIT_NO_CPR": "1"}
    channel.write_text("", encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execve(sys.executable, [sys.executable, "-c", CHILD.format(channel=str(channel), repo=str(repo))], env)
    output = b""
    seen = 0
    deadline = time.time() + timeout
    try:
        while time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            lines = channel.read_text(encoding="utf-8").splitlines()
            for line in lines[seen:]:
                kind, prompt = json.loads(line)
                _wait_raw(fd)  # the prompt takes the terminal (raw mode) before the keys arrive
                os.write(fd, answerer.keys(kind, prompt).encode("utf-8"))
            seen = len(lines)
    finally:
        done, status = os.waitpid(pid, os.WNOHANG)
        if not done:  # an answer went wrong, or the time is out: the child waits for keys
            time.sleep(0.5)
            done, status = os.waitpid(pid, os.WNOHANG)
            if not done:
                os.kill(pid, 9)
                _, status = os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    return (os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1), text


def test_every_question_of_the_complete_questionnaire_answered_in_a_terminal(repo_copy, tmp_path):
    from iaterr.authoring.records import collectivites as known
    from iaterr.repo.config import open_repository

    collectivites = [c.identifiant for c in known(open_repository(repo_copy))]  # the order offered
    answerer = Answerer(collectivites)
    code, output = run_in_terminal(repo_copy, tmp_path / "prompts.jsonl", answerer)
    assert code == 0, "\n".join(answerer.asked[-5:]) + "\n" + output[-3000:]
    path = next(p for p in (repo_copy / "data/cas-usage").glob("*.yaml")
                if read_document(p.read_bytes(), p.name).data.get("nom") == answerer.answers["nom"])
    data = read_document(path.read_bytes(), path.name).data
    # the repository is public (as the project's): the restricted answers went to its store, none to the record
    from iaterr.model.visibility import restricted_paths

    assert not restricted_paths(CasUsage, {k: v for k, v in data.items() if v not in ("", [], {})})
    companion = repo_copy.parent / "iaterr-restreint" / "cas-usage" / path.name
    data = {**data, **read_document(companion.read_bytes(), companion.name).data}
    # every field the model lets a person answer was asked, and holds its answer
    asked_fields = {q.name for q in plan(CasUsage, complete=True)}
    assert set(answerer.answers) == asked_fields, sorted(asked_fields ^ set(answerer.answers))
    for name, value in answerer.answers.items():
        assert data.get(name) == _expected(value), (name, data.get(name), value)
    assert "(o/N)" in output or "(O/n)" in output
    for english in ("(y/N)", "(Y/n)", "done (", " Yes", " No\r"):
        assert english not in output, english
