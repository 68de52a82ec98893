"""The explicability notice of a use case and the *mention explicite*.

There is no official template for an explicability notice: it is built from
L312-1-3 (publication of the rules), the four items of R311-3-1-2 (communicated
on request) and the items of the mention explicite (R311-3-1-1). A notice of a
processing that takes or prepares individual decisions and lacks one of the
items the law requires says so, where the item should be and at the top, so that
nobody publishes an incomplete notice without knowing it.

Only public fields are used: the notice is built from an export item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iaterr import __version__
from iaterr.base.text import is_web_url, printable
from iaterr.model import CasUsage
from iaterr.model.introspect import specs
from iaterr.model.vocab import (
    DOMAINES_ANNEXE_III,
    MODES_COLLECTE,
    NIVEAUX_AUTOMATISATION,
    NIVEAUX_RISQUE,
    PUBLICS,
    SOURCES_DONNEES,
    STATUTS,
    THEMES,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
    Vocabulary,
)
from iaterr.publish.export import ExportItem

#: The items the law requires of a processing that takes or prepares individual decisions.
LEGAL_ITEMS = {
    "finalite": "R311-3-1-1",
    "contribution_decision": "R311-3-1-2, 1°",
    "donnees": "R311-3-1-2, 2°",
    "parametres": "R311-3-1-2, 3°",
    "operations": "R311-3-1-2, 4°",
    "exercice_droits": "R311-3-1-1",
}


@dataclass
class Missing:
    field: str
    reference: str
    title: str


@dataclass
class Notice:
    """Everything a notice or a mention shows, as plain values in the reader's language."""

    lang: str
    identifiant: str
    nom: str
    collectivite: str
    data: dict[str, Any]
    collectivite_data: dict[str, Any]
    #: True, False or None (not said): does the processing take or prepare individual decisions?
    decisions: bool | None
    missing: list[Missing] = field(default_factory=list)
    generated: str = ""
    version: str = __version__

    @property
    def complete(self) -> bool:
        return not self.missing and self.decisions is not None

    def missing_fields(self) -> set[str]:
        return {m.field for m in self.missing}

    def label(self, vocab_name: str, code: str | None) -> str:
        vocab = _VOCABS[vocab_name]
        return vocab.label(code, self.lang) if code else ""

    def labels(self, vocab_name: str, codes: list[str] | None) -> list[str]:
        return [self.label(vocab_name, c) for c in codes or []]

    def title(self, name: str) -> str:
        return specs(CasUsage)[name].meta.titre(self.lang)

    @property
    def contact(self) -> str:
        """Where to ask for the rules: the use case's contact, else its collectivité's."""
        return self.data.get("contact_droits") or self.collectivite_data.get("contact_droits") or ""


_VOCABS: dict[str, Vocabulary] = {v.name: v for v in (
    DOMAINES_ANNEXE_III, MODES_COLLECTE, NIVEAUX_AUTOMATISATION, NIVEAUX_RISQUE, PUBLICS, SOURCES_DONNEES,
    STATUTS, THEMES, TYPES_ALGORITHME, TYPES_ANALYSE_IMPACT)}


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def build_notice(item: ExportItem, *, lang: str = "fr", today: date | None = None) -> Notice:
    cas = item.cas
    decisions = cas.get("decisions_individuelles")
    notice = Notice(
        lang=lang,
        identifiant=cas["identifiant"],
        nom=cas["nom"],
        collectivite=item.collectivite.get("nom", cas.get("collectivite", "")),
        data=cas,
        collectivite_data=item.collectivite,
        decisions=decisions if isinstance(decisions, bool) else None,
        generated=(today or date.today()).isoformat(),
    )
    if notice.decisions:
        for name, reference in LEGAL_ITEMS.items():
            value = cas.get(name)
            if name == "exercice_droits":
                ok = _present(value) or _present(notice.contact)
            elif name == "donnees":
                ok = _present(value) and all(isinstance(d, dict) and d.get("source") for d in value or [])
            else:
                ok = _present(value)
            if not ok:
                notice.missing.append(Missing(name, reference, notice.title(name)))
    return notice


# ---------------------------------------------------------------- rendering


def _environment():
    from iaterr.publish.templating import environment

    env = environment("templates/notice")
    env.filters["md"] = md_escape
    env.filters["mdlink"] = md_link
    return env


_MD_SPECIAL = set("\\`*_{}[]<>()#+-.!|~")


def md_escape(value: Any) -> str:
    """Text that Markdown shows as written: no link, no emphasis, no HTML can come from a record."""
    text = printable(str(value))
    out = []
    for index, char in enumerate(text):
        if char in "\\`*_{}[]<>|~" or (char in "#+-.!()=" and _at_risk(text, index)):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out).replace("\n", "  \n")


def md_link(value: Any) -> str:
    """A link in Markdown: a plain http(s) address as an autolink (``<https://…>``); anything else, which
    could break out of the angle brackets or run code when clicked, as escaped text."""
    text = str(value)
    return f"<{text}>" if is_web_url(text) else md_escape(text)


def _at_risk(text: str, index: int) -> bool:
    """A ``#``, ``+``, ``-``, ``.``, ``!``, ``(`` or ``)`` that could start markup: at the start of a line,
    after a digit (ordered list), or around brackets."""
    start = index == 0 or text[index - 1] == "\n"
    if start:
        return True
    char = text[index]
    if char == "." and index > 0 and text[index - 1].isdigit():
        line_start = text.rfind("\n", 0, index) + 1
        return text[line_start:index].isdigit()
    return char in "!()"


FORMATS = ("md", "html")


def render_notice(notice: Notice, fmt: str = "md") -> str:
    return _render(f"notice.{fmt}.j2", notice)


def render_mention(notice: Notice, fmt: str = "md") -> str:
    return _render(f"mention.{fmt}.j2", notice)


def _render(name: str, notice: Notice) -> str:
    from iaterr.i18n import message

    def m(key: str, **params: Any) -> str:
        return message(key, notice.lang, **params)

    return _environment().get_template(name).render(n=notice, m=m)
