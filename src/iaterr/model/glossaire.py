"""The legal terms a person meets in the questionnaire, and what they mean in plain words.

A :class:`Terme` is recognised in a text by its spellings (regular expressions, one tuple per language) and
explained by a short expansion in French and in English. :func:`terms_in` says which terms a text names;
:func:`explains` says whether a text explains a term: every significant word of the term's expansion appears in
it (case, accents and word endings aside), so that « le CRPA (code des relations entre le public et
l'administration) » explains CRPA and « le CRPA, art. L311-3-1 » does not.

:func:`is_legal` is the rule that says which questions are legal ones, and must therefore carry a one-line
« pourquoi » (``FieldMeta.pourquoi``): a field of the sections ``decision`` or ``ia_act``, a field that a French
or European text names (``standards`` with a ``crpa``, ``ai_act`` or ``rgpd`` key), a field whose title, help or
vocabulary labels name a term of this glossary or cite an article of law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from iaterr.model.vocab import fold

if TYPE_CHECKING:
    from pydantic import BaseModel

    from iaterr.model.introspect import FieldSpec


@dataclass(frozen=True)
class Terme:
    """A legal term: how it is spelt in each language, and what it means in plain words."""

    code: str
    #: Regular expressions that find the term in a French text, then in an English text.
    motifs_fr: tuple[str, ...]
    motifs_en: tuple[str, ...]
    #: The expansion, or the shortest plain explanation, in French and in English.
    fr: str
    en: str

    def expansion(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    def patterns(self, lang: str) -> tuple[re.Pattern[str], ...]:
        return _compiled(self.code, lang)


_APO = "['’]"

TERMES: dict[str, Terme] = {t.code: t for t in (
    Terme("CRPA", (r"\bCRPA\b",), (r"\bCRPA\b",),
          "code des relations entre le public et l'administration",
          "French code of relations between the public and the administration"),
    Terme("CADA", (r"\bCADA\b",), (r"\bCADA\b",),
          "Commission d'accès aux documents administratifs",
          "commission for access to administrative documents"),
    Terme("PRADA", (r"\bPRADA\b",), (r"\bPRADA\b",),
          "personne responsable de l'accès aux documents administratifs",
          "person responsible for access to administrative documents"),
    Terme("AIPD", (r"\bAIPD\b", r"\bDPIA\b"), (r"\bDPIA\b", r"\bAIPD\b"),
          "analyse d'impact relative à la protection des données",
          "data protection impact assessment"),
    Terme("RGPD", (r"\bRGPD\b", r"\bGDPR\b"), (r"\bGDPR\b", r"\bRGPD\b"),
          "règlement général sur la protection des données",
          "General Data Protection Regulation"),
    Terme("CNIL", (r"\bCNIL\b",), (r"\bCNIL\b",),
          "Commission nationale de l'informatique et des libertés",
          "French data protection authority"),
    Terme("DPO", (r"\bDPO\b", r"\bDPD\b"), (r"\bDPO\b", r"\bDPD\b"),
          "délégué à la protection des données",
          "data protection officer"),
    Terme("donnees_personnelles", (r"(?i)\bdonnées (?:à caractère )?personnelles\b",),
          (r"(?i)(?<!highly )\bpersonal data\b",),
          "information sur une personne identifiable",
          "information about an identifiable person"),
    Terme("reglement_ia",
          (rf"(?i)\brèglement (?:européen )?sur l{_APO}(?:IA|intelligence artificielle)\b", r"(?i)\brèglement IA\b",
           r"\bRIA\b", r"\bAI Act\b", r"\b2024/1689\b"),
          (r"\bAI Act\b", r"\b2024/1689\b"),
          "règlement européen sur l'intelligence artificielle",
          "European regulation on artificial intelligence"),
    Terme("annexe_iii", (r"(?i)\bannexe III\b",), (r"(?i)\bannex III\b",),
          "liste des usages à haut risque",
          "list of high-risk uses"),
    Terme("art6_3", (r"(?i)\bart(?:icle|\.)\s*6\s*\(3\)",), (r"(?i)\bart(?:icle|\.)\s*6\s*\(3\)",),
          "exception pour une tâche étroite ou préparatoire",
          "exception for a narrow or preparatory task"),
    Terme("art22", (r"(?i)\bart(?:icle|\.)\s*22\b",), (r"(?i)\bart(?:icle|\.)\s*22\b",),
          "décision entièrement automatisée",
          "fully automated decision"),
    Terme("art50", (r"(?i)\bart(?:icle|\.)\s*50\b",), (r"(?i)\bart(?:icle|\.)\s*50\b",),
          "obligation de transparence",
          "transparency obligation"),
    Terme("deployeur", (r"(?i)\bdéployeurs?\b",), (r"(?i)\bdeployers?\b",),
          "organisme qui utilise le système d'IA sous sa responsabilité",
          "body that uses the AI system under its authority"),
    Terme("fournisseur", (r"(?i)\bfournisseurs?\b(?! des données)",), (r"(?i)(?<!data )\bproviders?\b",),
          "entreprise qui développe le système d'IA et le met sur le marché",
          "company that develops the AI system and places it on the market"),
    Terme("base_ue", (rf"(?i)\bbase (?:de données )?de l{_APO}UE\b",), (r"(?i)\bEU database\b",),
          "registre européen des systèmes d'IA à haut risque",
          "European register of high-risk AI systems"),
    Terme("mention_explicite", (r"(?i)\bmentions? explicites?\b",), (r"(?i)\bexplicit mentions?\b",),
          "indication, sur la décision, qu'un algorithme a servi",
          "statement, on the decision, that an algorithm was used"),
    Terme("decision_individuelle", (r"(?i)\bdécisions? individuelles?\b",), (r"(?i)\bindividual decisions?\b",),
          "décision qui vise une personne ou un organisme désigné",
          "decision about a named person or body"),
)}


@cache
def _compiled(code: str, lang: str) -> tuple[re.Pattern[str], ...]:
    terme = TERMES[code]
    return tuple(re.compile(p) for p in (terme.motifs_en if lang == "en" else terme.motifs_fr))


def terms_in(text: str, lang: str = "fr") -> list[Terme]:
    """The glossary terms ``text`` (written in ``lang``) names, in glossary order."""
    return [t for t in TERMES.values() if any(p.search(text) for p in t.patterns(lang))]


#: Short words that carry no meaning of their own in an expansion.
_MOTS_VIDES = frozenset(
    "about dans avec sous sans pour leur elle that this with from under their which".split())


def _stem(word: str) -> str:
    """The word without its plural and feminine endings: « désigné », « désignée » and « désignés » compare equal."""
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    while len(word) > 5 and word.endswith("e"):
        word = word[:-1]
    return word


def key_words(terme: Terme, lang: str) -> list[str]:
    """The significant words of the term's expansion (folded, stemmed)."""
    words = re.findall(r"[a-z0-9]+", fold(terme.expansion(lang)))
    return [_stem(w) for w in words if len(w) >= 4 and w not in _MOTS_VIDES]


def explains(text: str, terme: Terme, lang: str = "fr") -> bool:
    """Does ``text`` explain ``terme``: do all the significant words of its expansion appear in it?"""
    found = {_stem(w) for w in re.findall(r"[a-z0-9]+", fold(text))}
    return all(w in found for w in key_words(terme, lang))


# ---------------------------------------------------------------- which questions are legal ones

#: The sections whose every question is a legal one.
LEGAL_SECTIONS = frozenset({"decision", "ia_act"})
#: The ``standards`` keys that name a French or European legal text.
LEGAL_STANDARDS = frozenset({"crpa", "ai_act", "rgpd"})
#: An article of law cited in a help: « art. 35 », « L311-3-1 », « R311-3-1-2 », « D312-1-4 », « 2018-765 DC ».
_ARTICLE = re.compile(r"(?i)\bart(?:icle|\.)\s*\d|\b[LRD]\d{3}-\d|\b\d{4}-\d+ DC\b")


def texts_of(spec: FieldSpec, lang: str) -> list[str]:
    """What a person reads of a question in ``lang``: its title, its help and the labels of its vocabulary."""
    out = [spec.meta.titre(lang), spec.meta.aide(lang)]
    if spec.vocab is not None:
        out.extend(term.label(lang) for term in spec.vocab.terms)
    return out


def is_legal(spec: FieldSpec) -> bool:
    """Is this question a legal one (see the module's documentation)?"""
    meta = spec.meta
    if meta.section in LEGAL_SECTIONS or LEGAL_STANDARDS & set(meta.standards):
        return True
    for lang in ("fr", "en"):
        for text in texts_of(spec, lang):
            if terms_in(text, lang) or _ARTICLE.search(text):
                return True
    return False


def all_specs(model: type[BaseModel], prefix: str = "") -> dict[str, FieldSpec]:
    """Every field of ``model`` and of its sub-records, by dotted path (``donnees.personnelles``)."""
    from iaterr.model.introspect import specs

    out: dict[str, FieldSpec] = {}
    for name, spec in specs(model).items():
        out[prefix + name] = spec
        if spec.submodel is not None:
            out.update(all_specs(spec.submodel, f"{prefix}{name}."))
    return out
