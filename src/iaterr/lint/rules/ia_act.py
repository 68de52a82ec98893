"""The EU AI Act (Regulation (EU) 2024/1689): what a collectivité deploying an AI system must
declare, assess and register.

Every article and date comes from :mod:`iaterr.model.droit`, the one dated table of the law iaterr
cites: a rule asks it whether a duty applies on ``ctx.today`` and says « s'appliquera à partir du … »
when it does not yet. A message depends on the project's status: for a project being considered or
built, the duty is « à prévoir avant la mise en service »; for a pilot or a system in service, it is
stated as it stands today (a system already in service before the Annex III date has until the
art. 111(2) deadline); a completed or abandoned project is left alone. A duty that does not bind yet
is never reported as an error.

A record that says ``systeme_ia: false`` (rules set by people, not inferred: art. 3(1)) is not an AI
system: every rule of this family keeps silent on it, except the one that reports a record that
contradicts that answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, rule
from iaterr.lint.rules.rgpd import (
    FORMAT_EN,
    FORMAT_FR,
    dpia_required,
    format_clause,
    over,
    personal_data_reason,
    predates,
)
from iaterr.lint.rules.rgpd import status as _statut
from iaterr.lint.values import as_int as _int
from iaterr.lint.values import code_of as _code
from iaterr.lint.values import codes_of as _codes
from iaterr.lint.values import entries as _entries
from iaterr.lint.values import excerpt
from iaterr.lint.values import finding_at as _at
from iaterr.lint.values import is_blank as _blank
from iaterr.lint.values import is_false as _false
from iaterr.lint.values import is_true as _true
from iaterr.lint.values import label as _label
from iaterr.model import CasUsage
from iaterr.model.dates import parse_partial_date
from iaterr.model.droit import announce, applicable, depuis, long_date, reference
from iaterr.model.qualification import EU_PUBLIC, in_service, registration_route
from iaterr.model.vocab import (
    DESTINATAIRES_DECISIONS,
    DOMAINES_ANNEXE_III,
    NIVEAUX_RISQUE,
    PUBLICS,
    STATUTS,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
    fold,
)

# ---------------------------------------------------------------- dates, from the table of the law


def _day(code: str) -> date:
    since = depuis(code)
    assert since is not None, code
    return since


def _on(code: str, lang: str) -> str:
    return long_date(_day(code), lang)


_R111 = reference("ria.art111-2")
#: « art. 111(2) », for a clause inside a message that already names the regulation
_R111_SHORT = _R111.rsplit(", ", 1)[-1]
_R26 = reference("ria.art26")
_R50 = reference("ria.art50")
_R26_EN = reference("ria.art26", "en")

#: The calendar of the high-risk duties, for the rules' justifications.
_CALENDRIER_FR = (f"Calendrier ({reference('ria.annexe-iii')}) : les obligations des systèmes à haut risque de "
                  f"l'annexe III s'appliquent à compter du {_on('ria.annexe-iii', 'fr')}, celles des produits de "
                  f"l'annexe I à compter du {_on('ria.annexe-i', 'fr')} ; un système destiné à des autorités "
                  f"publiques et déjà en service avant ces dates doit être mis en conformité au plus tard le "
                  f"{_on('ria.art111-2', 'fr')} ({_R111}). Tant qu'une obligation ne s'applique pas, iaterr "
                  f"l'annonce avec sa date, en avertissement ; pour un projet en réflexion ou en construction, il "
                  f"la présente comme « à prévoir avant la mise en service » ; il se tait pour un projet terminé "
                  f"ou abandonné.")
_CALENDRIER_EN = (f"Timing ({reference('ria.annexe-iii', 'en')}): the duties for Annex III high-risk systems apply "
                  f"from "
                  f"{_on('ria.annexe-iii', 'en')}, those for Annex I products from {_on('ria.annexe-i', 'en')}; a "
                  f"system intended for public authorities and already in service before those dates must be "
                  f"brought into compliance by {_on('ria.art111-2', 'en')} at the latest "
                  f"({reference('ria.art111-2', 'en')}). As long as a "
                  f"duty does not apply, iaterr announces it with its date, as a warning; for a project under "
                  f"consideration or being built, it presents it as “to be arranged before going live”; it keeps "
                  f"silent for a completed or abandoned project.")

# ---------------------------------------------------------------- the project's status and timing

def _start(ctx: RecordContext) -> date | None:
    """The project's start date (its first day when partial), None when not given or not a date."""
    raw = ctx.get("date_debut")
    if isinstance(raw, date):
        return raw
    parts = parse_partial_date(raw.strip()) if isinstance(raw, str) else None
    if not parts:
        return None
    year, month, day = (tuple(parts) + (1, 1))[:3]
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Quand:
    """When a duty applies to this record, as a clause of a message in both languages."""

    texte: dict[str, str]
    #: the duty binds the collectivité today (else a finding is at most a warning)
    lie: bool

    @property
    def severite(self) -> Severity | None:
        """The severity of a finding of a rule whose default is an error: a warning while it does not bind."""
        return None if self.lie else Severity.WARNING


def _lowered(finding: Finding, when: Quand) -> Finding:
    """``finding``, a warning while the duty does not bind."""
    finding.severite = when.severite
    return finding


def _older(finding: Finding, ctx: RecordContext, name: str) -> Finding:
    """``finding`` about the missing field ``name``: mere information, with a word on the format, when the
    record's format does not have the field yet."""
    version = predates(ctx.data, CasUsage, name)
    finding.params["format"] = format_clause(version)
    if version is not None:
        finding.severite = Severity.INFO
    return finding


def quand(ctx: RecordContext, code: str, *, annexe_iii: bool = False) -> Quand | None:
    """When the duty ``code`` of :mod:`iaterr.model.droit` applies to this record on ``ctx.today``, from its
    status; None for a completed or abandoned project (the rules keep silent). ``annexe_iii``: a high-risk
    duty, for which a system already in service before its date has until the art. 111(2) deadline."""
    if over(ctx):
        return None
    statut = _statut(ctx)
    today = ctx.today
    since = _day(code)
    if not in_service(statut):
        fr, en = "à prévoir avant la mise en service", "to be arranged before going live"
        if not applicable(code, today):
            fr += f" ; l'obligation s'appliquera à partir du {long_date(since, 'fr')}"
            en += f"; the duty will apply from {long_date(since, 'en')}"
        return Quand({"fr": fr, "en": en}, False)
    late_fr = late_en = ""
    if annexe_iii and not applicable("ria.art111-2", today):
        late_fr = (f" ; pour un système d'une autorité publique déjà en service avant cette date, au plus tard le "
                   f"{_on('ria.art111-2', 'fr')}, {_R111_SHORT}")
        late_en = (f"; for a public authority's system already in service before that date, by "
                   f"{_on('ria.art111-2', 'en')} at the latest, {_R111_SHORT}")
    if applicable(code, today):
        start = _start(ctx)
        lie = not late_fr or (start is not None and start >= since)
        return Quand({"fr": announce(code, today, "fr") + late_fr, "en": announce(code, today, "en") + late_en}, lie)
    return Quand({"fr": f"s'appliquera à partir du {long_date(since, 'fr')}" + late_fr,
                  "en": f"will apply from {long_date(since, 'en')}" + late_en}, False)


# ---------------------------------------------------------------- what the record declares


def not_ai(ctx: RecordContext) -> bool:
    """The record says it is not an AI system (art. 3(1)): the AI Act does not apply."""
    return _false(ctx.get("systeme_ia"))


#: Kinds of algorithm that learn or generate: an AI system within art. 3(1).
LEARNING = ("apprentissage_automatique", "ia_generative", "reseaux_neurones", "vision_ordinateur",
            "traitement_langage")


def _learning(ctx: RecordContext) -> list[str]:
    return [c for c in _codes(TYPES_ALGORITHME, ctx.get("type_algorithme")) if c in LEARNING]


def ai_reason(ctx: RecordContext) -> dict[str, str] | None:
    """Why the record is an AI system: it says so, or (not answered) it declares a learning kind of algorithm;
    None otherwise."""
    if _true(ctx.get("systeme_ia")):
        return {"fr": "« systeme_ia: true »", "en": "“systeme_ia: true”"}
    if not _blank(ctx.get("systeme_ia")):
        return None
    kinds = _learning(ctx)
    if not kinds:
        return None
    return {"fr": "« type_algorithme » : " + ", ".join(TYPES_ALGORITHME.label(k, "fr") for k in kinds),
            "en": "“type_algorithme”: " + ", ".join(TYPES_ALGORITHME.label(k, "en") for k in kinds)}


def _risk(ctx: RecordContext) -> str | None:
    return _code(NIVEAUX_RISQUE, ctx.get("niveau_risque_ia"))


def _domains(ctx: RecordContext) -> list[str]:
    return _codes(DOMAINES_ANNEXE_III, ctx.get("domaines_annexe_iii"))


def annexe_iii_high_risk(ctx: RecordContext) -> bool:
    """High-risk under art. 6(2): the record says ``eleve`` and declares an Annex III area (and does not say it
    is not an AI system)."""
    return not not_ai(ctx) and _risk(ctx) == "eleve" and bool(_domains(ctx))


def _assessment_types(ctx: RecordContext) -> set[str]:
    return {_code(TYPES_ANALYSE_IMPACT, e.get("type")) or "" for _, e in _entries(ctx.get("analyses_impact"))}


def _domain_labels(codes: list[str]) -> dict[str, str]:
    return {"fr": ", ".join(f"« {DOMAINES_ANNEXE_III.label(c, 'fr')} »" for c in codes),
            "en": ", ".join(f"“{DOMAINES_ANNEXE_III.label(c, 'en')}”" for c in codes)}


# ---------------------------------------------------------------- art. 50: people talking to an AI

#: What the person may be dealing with: an AI or an automated agent (matched on folded text: no accents, no
#: case, hyphens as spaces). « automatique », « automatisé » or « algorithme » alone are not in it: an automated
#: processing of data is not an interlocutor.
AGENT = (
    r"(?:intelligences?\s+artificielles?|artificial\s+intelligence"
    r"|(?<!\w)(?:ia|i\.a\.?|a\.i\.?)(?!\w)|(?<![\w'])ai(?!\w)"
    r"|(?:chat|call|voice|talk)\s?bots?|(?<!\w)bots?(?!\w)|robots?"
    r"|(?:agent|assistant|interlocuteur|interlocutrice|repondeur|robot|serveur)e?s?\s+"
    r"(?:virtuel(?:le)?s?|vocal(?:e|es|aux)?|conversationnel(?:le)?s?|numeriques?|intelligent(?:e|es|s)?"
    r"|automati\w*|interactif)"
    r"|(?:virtual|conversational|automated|digital|ai)\s+(?:assistant|agent)s?"
    r"|programmes?(?:\s+informatiques?)?|logiciels?|machines?|ordinateurs?|systemes?\s+automatis\w*"
    r"|computer\s+programs?|software)"
)


def _gap(n: int) -> str:
    """Up to ``n`` words of the same sentence, then an optional elided article (« l' », « d' »)."""
    return r"(?:[^\s.;!?]+\s+){0," + str(n) + r"}?(?:[a-z]+')?"


#: Between « est » and the agent it names: articles and a few adverbs, or a first name and a comma (« je suis
#: Clara, l'assistante virtuelle ») — not any words, or « sont informés que l'IA est utilisée » would read as
#: « sont … IA ».
_ARTICLES = (r"(?:[^\s.;!?,]+,\s+)?(?:(?:un|une|des|du|le|la|les|votre|vos|notre|nos|bien|seulement|simplement|en fait"
             r"|a|an|the|your|our|only|simply|just)\s+|l'|d'){0,3}")

#: The ways a text tells the person they deal with an AI or an automated agent. A word alone (« callbot ») does
#: not, nor a sentence saying that AI is used: the agent must be their interlocutor, introduce itself as such,
#: answer them or produce what they receive, or be what a quoted wording or a label shows them.
DISCLOSURE_RE = re.compile("|".join((
    # « vous échangez avec un assistant virtuel », "you are talking to an AI"
    r"(?:echang|parl|dialogu|interag|convers|discut|adress|relation|contact|talk|speak|chat|interact|deal"
    r"|communicat)\w*\s+" + _gap(3) + r"(?:avec|a|with|to)\s+" + _gap(3) + AGENT,
    # « je suis un robot », « il s'agit d'une IA », « se présente comme un assistant virtuel », "this is an AI"
    r"(?<!\w)(?:je suis|i am|i'm|this is|it is|c'est|il s'agit d|est|sont|is|are|comme|as|en tant qu|etre|to be)"
    r"(?:\s+|')" + _ARTICLES + AGENT,
    # « le callbot se présente », « l'agent annonce qu'il… », "the chatbot introduces itself"
    AGENT + r"\s+" + _gap(3) + r"(?:se presente|s'annonce|se signale|s'identifie|se declare|introduces itself"
    r"|identifies itself|announces itself|(?:annonce|previent|informe|indique|precise|signale|dit|explique|tells"
    r"|informs|warns|states|announces|says)\w*\s+" + _gap(3) + r"(?:que|qu'|that|etre|to be)(?!\w))",
    # « l'IA vous répond », « un callbot accueille l'appelant »
    AGENT + r"\s+" + _gap(2) + r"(?:vous\s+|you\s+)?(?:repond|accueille|answers|responds|replies|greets)",
    # « réponses générées par une IA », « appel pris en charge par un callbot », "answered by a chatbot"
    r"(?:genere|produit|redige|ecrit|fourni|formule|donne|assure|pris en charge|prise en charge|anime|repondu"
    r"|generated|produced|written|provided|given|answered|handled|drafted)\w*\s+(?:par|by)\s+" + _gap(2) + AGENT,
    # (« informés qu'ils parlent à un robot » is read by the first form: being told that AI is used is not enough)
    # a wording quoted: « Je suis Clara, assistante virtuelle », “AI assistant”
    r"[«“\"][^»”\"]*?" + AGENT + r"[^»”\"]*[»”\"]",
    # a label shown: « mention IA », « bandeau assistant virtuel », "AI badge"
    r"(?:mention|bandeau|pictogramme|logo|etiquette|label|banner|badge|icone|icon)\s+" + _gap(1) + AGENT,
)))

_AGENT_RE = re.compile(AGENT)

#: A negation before the words that would disclose the AI (« vous ne parlez pas à une IA », "you are not talking
#: to an AI"), on folded text.
_NEGATION_RE = re.compile(r"(?<!\w)(?:ne|n'|pas|jamais|aucun\w*|nullement|not|never|no)(?!\w)|n't")

#: A self-introduction (« se présente comme Léa, conseillère de la Métropole »): what follows is the persona.
_PERSONA_RE = re.compile(
    r"(?:se presente|s'annonce|s'identifie|se fait appeler|introduces itself|presents itself|identifies itself"
    r"|calls itself)\s+(?:comme\s+|en tant qu'?\s*|sous le nom d'?\s*|as\s+|under the name\s+)?([^.;!?]*)")

#: Words that make a persona human: an AI that introduces itself as one deceives the person (art. 50(1)).
_HUMAN_RE = re.compile(
    r"(?<!\w)(?:conseill\w*|agent(?:e)?s? d'accueil|hotesse|hote|operat(?:eur|rice)s?|standardiste|employe\w*"
    r"|charge\w* de clientele|humain\w*|advis[oe]rs?|operators?|receptionists?|human|(?:member of )?staff)(?!\w)")


#: A word that makes a persona an artificial one (« conseillère virtuelle »).
_ARTIFICIAL_RE = re.compile(r"virtuel|numerique|artificiel|automati|robot|conversationnel|vocal|virtual|digital"
                            r"|(?<!\w)(?:ia|ai|i\.a\.?|a\.i\.?)(?!\w)")


def persona(text: str) -> str | None:
    """The human persona an agent of ``text`` introduces itself as (« Léa, conseillère de la Métropole »), when
    nothing in that introduction says it is an AI; None otherwise."""
    folded = fold(text)
    for m in _PERSONA_RE.finditer(folded):
        said = m.group(1).strip(" ,")
        if _HUMAN_RE.search(said) and not _AGENT_RE.search(said) and not _ARTIFICIAL_RE.search(said):
            return said
    return None


def _negated(folded: str, m: re.Match[str]) -> bool:
    """The match is said in the negative: a negation in its words or just before them, in the same sentence."""
    start = max(m.start() - 20, max(folded.rfind(c, 0, m.start()) for c in ".;!?,") + 1)
    return _NEGATION_RE.search(folded, start, m.end()) is not None


def discloses_ai(text: str) -> str | None:
    """The words of ``text`` that tell the reader they deal with an AI or an automated agent, or None: not when
    said in the negative (« vous ne parlez pas à une IA »), nor when the agent introduces itself as a person
    (« se présente comme Léa, conseillère »)."""
    if persona(text) is not None:
        return None
    folded = fold(text)
    return next((m.group(0) for m in DISCLOSURE_RE.finditer(folded) if not _negated(folded, m)), None)


def negated_disclosure(text: str) -> str | None:
    """The words of ``text`` that would disclose the AI but say the opposite (« parlez pas a une ia »), or None."""
    folded = fold(text)
    return next((m.group(0) for m in DISCLOSURE_RE.finditer(folded) if _negated(folded, m)), None)


def agent_word(text: str) -> str | None:
    """The first word of ``text`` naming an AI or an automated agent, said or not to be the interlocutor."""
    m = _AGENT_RE.search(fold(text))
    return m.group(0) if m else None


_R50_1 = f"{_R50}(1)"


@rule(
    code="ia-act-information-manquante", famille="ia_act", severite=Severity.ERROR, portee="cas_usage",
    reference=_R50_1,
    reference_en=reference('ria.art50-1', 'en'),
    titre_fr="Information sur l'interaction avec une IA absente",
    titre_en="Disclosure of interaction with an AI missing",
    justification_fr="Article 50(1) du règlement sur l'IA : un système destiné à interagir directement avec des "
                     "personnes physiques est conçu de sorte que ces personnes soient informées qu'elles "
                     "interagissent avec une IA, au plus tard lors de la première interaction, sauf si c'est "
                     "évident pour une personne raisonnablement informée. L'obligation pèse sur le fournisseur ; "
                     "une collectivité qui fait développer le système et le met en service sous son nom est "
                     "elle-même fournisseur (art. 3(3)), et c'est elle qui répond devant le public. Les agents "
                     "sont aussi des personnes : un assistant interne est concerné. iaterr vérifie que "
                     "« information_ia » dit bien à la personne qu'elle a affaire à une IA ou à un agent "
                     "automatisé : que l'IA, le robot, le chatbot, l'agent conversationnel ou l'assistant virtuel "
                     "est son interlocuteur (« vous échangez avec un programme »), se présente comme tel (« je suis "
                     "un assistant virtuel »), lui répond ou produit les réponses qu'elle reçoit, ou qu'une mention "
                     "ou un texte cité le lui montre (sans tenir compte des accents ni de la casse). Nommer le "
                     "système ne suffit pas, ni « automatique », « automatisé » ou « algorithme » seuls, ni une "
                     "phrase sur ses données ou le RGPD, ni dire qu'une IA est utilisée sans dire que la personne "
                     "échange avec elle ; une phrase à la forme négative (« vous ne parlez pas à une IA ») ou un "
                     "agent qui se présente comme une personne (« Léa, conseillère de la Métropole ») disent le "
                     "contraire de ce qui est dû. Applicable à compter du "
                     f"{_on('ria.art50', 'fr')} ; erreur pour un système en expérimentation ou en service, "
                     "avertissement pour un projet qui n'est pas encore en service ; silence pour un projet terminé "
                     "ou abandonné, ou déclaré comme n'étant pas un système d'IA.",
    justification_en="Article 50(1) of the AI Act: a system intended to interact directly with natural persons is "
                     "designed so that they are told they are interacting with an AI, at the latest at the first "
                     "interaction, unless it is obvious to a reasonably well-informed person. The duty lies on the "
                     "provider; an authority that has the system developed and puts it into service under its own "
                     "name is itself a provider (art. 3(3)), and it answers to the public. Staff are people too: an "
                     "internal assistant is concerned. iaterr checks that “information_ia” does tell the person "
                     "they are dealing with an AI or an automated agent: that the AI, robot, chatbot, conversational "
                     "agent or virtual assistant is their interlocutor (“you are talking to a computer program”), "
                     "introduces itself as such (“I am a virtual assistant”), answers them or produces the answers "
                     "they receive, or that a label or a quoted wording shows it to them (ignoring accents and "
                     "case). Naming the system is not enough, nor “automatic”, “automated” or “algorithm” alone, "
                     "nor a sentence about their data or the GDPR, nor saying that AI is used without saying that the "
                     "person is dealing with it; a sentence in the negative (“you are not talking to an AI”) or an "
                     "agent introducing itself as a person (“Léa, adviser at the Métropole”) say the opposite of "
                     "what is owed. Applies from "
                     f"{_on('ria.art50', 'en')}; an error for a system being piloted or in service, a warning for a "
                     "project not yet in service; silent for a completed or abandoned project, or one declared not "
                     "to be an AI system.",
    message_fr="Le système dialogue directement avec des personnes (« interaction_public: true ») mais {probleme} : "
               "c'est une obligation de l'article 50(1) du règlement sur l'IA ({quand}).",
    message_en="The system talks directly with people (“interaction_public: true”) but {probleme}: this is a duty "
               "under article 50(1) of the AI Act ({quand}).",
    aide_fr="Décrivez dans « information_ia » comment et quand la personne apprend qu'elle échange avec une IA : "
            "message d'accueil de l'agent conversationnel (« Je suis un assistant virtuel… »), annonce vocale "
            "en début d'appel (« Vous échangez avec un robot »), mention « IA » à côté de la fenêtre de dialogue…",
    aide_en="Describe in “information_ia” how and when the person learns they are dealing with an AI: the "
            "chatbot's welcome message (“I am a virtual assistant…”), a voice announcement at the start of the "
            "call (“You are talking to a robot”), an “AI” label next to the chat window…",
)
def information_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if not_ai(ctx) or not _true(ctx.get("interaction_public")):
        return
    when = quand(ctx, "ria.art50")
    if when is None:
        return
    text = ctx.get("information_ia")
    if _blank(text):
        probleme = {"fr": "la fiche ne dit pas comment elles apprennent qu'elles échangent avec une IA "
                          "(« information_ia »)",
                    "en": "the record does not say how they learn that they are dealing with an AI "
                          "(“information_ia”)"}
        yield _lowered(_at(ctx, ("information_ia", "interaction_public"), {"probleme": probleme,
                                                                            "quand": when.texte}), when)
    elif isinstance(text, str) and discloses_ai(text) is None:
        said = excerpt(text, 90)
        word = agent_word(text)
        human, negated = persona(text), negated_disclosure(text)
        if human is not None:
            named_fr = " ; l'agent s'y présente comme une personne, le contraire de l'information due"
            named_en = "; the agent introduces itself there as a person, the opposite of the disclosure owed"
        elif negated is not None:
            named_fr = " ; le texte le dit à la forme négative, le contraire de l'information due"
            named_en = "; the text says it in the negative, the opposite of the disclosure owed"
        elif word:
            named_fr = (f" ; le texte nomme « {word} » sans dire que la personne échange avec lui (dire qu'une IA "
                        "est utilisée ne suffit pas)")
            named_en = (f"; the text names “{word}” without saying that the person is dealing with it (saying that "
                        "AI is used is not enough)")
        else:
            named_fr = " ; « automatique », « algorithme » ou une phrase sur les données ne le disent pas"
            named_en = "; “automatic”, “algorithm” or a sentence about data do not say it"
        probleme = {"fr": f"« information_ia » (« {said} ») ne leur dit pas qu'elles échangent avec une IA ou un "
                          f"agent automatisé{named_fr}",
                    "en": f"“information_ia” (“{said}”) does not tell them they are dealing with an AI or an "
                          f"automated agent{named_en}"}
        yield Finding(("information_ia",), {"probleme": probleme, "quand": when.texte}, severite=when.severite)


#: Words that name a conversational system, matched on folded text (no accents, no case, hyphens as spaces).
CHATBOT_RE = re.compile(
    r"\b(?:"
    r"(?:chat|call|voice|talk)\s?bots?"
    r"|(?:agent|assistant|robot|ia|interface|outil)e?s?\s+conversationnel(?:le)?s?"
    r"|(?:agent|assistant)e?s?\s+(?:virtuel(?:le)?s?|vocal(?:e|es|aux)?)"
    r"|conversational\s+(?:agent|assistant|ai)s?"
    r"|virtual\s+(?:agent|assistant)s?"
    r")\b"
)

_CHAMPS_CHATBOT = ("nom", "description", "nom_algorithme")


#: Every form of CHATBOT_RE holds one of these: a text without any is not searched (quicker).
_CHATBOT_WORDS = ("bot", "conversation", "virtu", "vocal")


def chatbot_word(text: str) -> str | None:
    """The first word naming a conversational system in ``text`` (folded), or None."""
    folded = fold(text)
    if not any(word in folded for word in _CHATBOT_WORDS):
        return None
    m = CHATBOT_RE.search(folded)
    return m.group(0) if m else None


@rule(
    code="ia-act-chatbot-sans-interaction", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=_R50_1,
    reference_en=reference('ria.art50-1', 'en'),
    titre_fr="Agent conversationnel non déclaré comme interagissant avec des personnes",
    titre_en="Conversational agent not declared as interacting with people",
    justification_fr="L'article 50(1) vise tout système destiné à interagir directement avec des personnes "
                     "physiques, usagers comme agents. Une fiche dont le nom ou la description parle de chatbot, "
                     "callbot, voicebot, agent conversationnel ou assistant virtuel décrit presque toujours un tel "
                     "système ; or c'est « interaction_public » qui déclenche la vérification de l'information due "
                     "(ia-act-information-manquante). La détection se fait par mots-clés dans « nom », "
                     "« description » et « nom_algorithme », sans tenir compte des accents ni de la casse : un "
                     "faux positif se traite par un silence justifié. La règle se tait pour une fiche déclarée "
                     "comme n'étant pas un système d'IA (« systeme_ia: false »). Applicable à compter du "
                     f"{_on('ria.art50', 'fr')}.",
    justification_en="Article 50(1) covers every system intended to interact directly with natural persons, users "
                     "and staff alike. A record whose name or description speaks of a chatbot, callbot, voicebot, "
                     "conversational agent or virtual assistant almost always describes such a system; and "
                     "“interaction_public” is what triggers the check of the disclosure owed "
                     "(ia-act-information-manquante). Detection uses keywords in “nom”, “description” and "
                     "“nom_algorithme”, ignoring accents and case: a false positive is handled with a justified "
                     "silence. The rule keeps silent for a record declared not to be an AI system "
                     f"(“systeme_ia: false”). Applies from {_on('ria.art50', 'en')}.",
    message_fr="« {champ} » évoque un agent conversationnel (« {mot} ») mais « interaction_public » n'est pas à "
               "true : si le système dialogue avec des personnes, elles doivent savoir qu'elles parlent à une IA "
               "(art. 50(1)).",
    message_en="“{champ}” suggests a conversational agent (“{mot}”) but “interaction_public” is not true: if the "
               "system talks with people, they must know they are talking to an AI (art. 50(1)).",
    aide_fr="Si le système dialogue avec des personnes (usagers ou agents), indiquez « interaction_public: true » et "
            "décrivez dans « information_ia » comment elles en sont informées. Sinon, expliquez-le par un silence : "
            "« # iaterr: ignore[ia-act-chatbot-sans-interaction] raison ».",
    aide_en="If the system talks with people (users or staff), set “interaction_public: true” and describe in "
            "“information_ia” how they are told. Otherwise, explain it with a silence: "
            "“# iaterr: ignore[ia-act-chatbot-sans-interaction] reason”.",
)
def chatbot_sans_interaction(ctx: RecordContext) -> Iterable[Finding]:
    if not_ai(ctx) or _true(ctx.get("interaction_public")):
        return
    for champ in _CHAMPS_CHATBOT:
        text = ctx.get(champ)
        word = chatbot_word(text) if isinstance(text, str) else None
        if word:
            yield _at(ctx, ("interaction_public", champ), {"champ": champ, "mot": word})
            return


@rule(
    code="ia-act-contenu-genere-non-signale", famille="ia_act", severite=Severity.ERROR, portee="cas_usage",
    reference=f"{_R50}(4)",
    reference_en=reference('ria.art50-4', 'en'),
    titre_fr="Textes générés publiés sans signalement", titre_en="Published generated text not disclosed",
    justification_fr="Article 50(4) du règlement sur l'IA : le déployeur d'un système d'IA qui génère ou manipule "
                     "des textes publiés dans le but d'informer le public sur des questions d'intérêt public "
                     "indique que ces textes ont été générés ou manipulés par une IA — pensez aux comptes rendus de "
                     "délibérations ou aux réponses publiées rédigés par une IA générative —, sauf si une personne "
                     "les a relus et qu'une personne ou un organisme en porte la responsabilité éditoriale. La "
                     "règle joue quand la fiche déclare « contenu_genere_publie: true » sans dire, dans "
                     "« signalement_contenu_genere », comment les textes sont signalés ou qui les relit et en "
                     f"répond. Applicable à compter du {_on('ria.art50', 'fr')} ; erreur pour un système en service, "
                     "avertissement pour un projet qui n'est pas encore en service.",
    justification_en="Article 50(4) of the AI Act: the deployer of an AI system that generates or manipulates text "
                     "published to inform the public on matters of public interest discloses that the text was "
                     "generated or manipulated by AI — think of minutes of council meetings or published answers "
                     "drafted by generative AI —, unless a person reviewed it and a person or body holds editorial "
                     "responsibility for it. The rule fires when the record declares “contenu_genere_publie: true” "
                     "without saying, in “signalement_contenu_genere”, how the texts are disclosed or who reviews "
                     f"them and answers for them. Applies from {_on('ria.art50', 'en')}; an error for a system in "
                     "service, a warning for a project not yet in service.",
    message_fr="Des textes générés par le système sont publiés (« contenu_genere_publie: true ») mais la fiche ne "
               "dit pas comment ils sont signalés comme générés par une IA, ni qui les relit et en porte la "
               "responsabilité éditoriale (« signalement_contenu_genere ») : article 50(4) du règlement sur l'IA "
               "({quand}).",
    message_en="Text generated by the system is published (“contenu_genere_publie: true”) but the record says "
               "neither how it is disclosed as AI-generated nor who reviews it and holds editorial responsibility "
               "(“signalement_contenu_genere”): article 50(4) of the AI Act ({quand}).",
    aide_fr="Décrivez dans « signalement_contenu_genere » la mention portée par chaque texte publié (« Rédigé avec "
            "l'aide d'une IA ») ou le service qui relit chaque texte et en porte la responsabilité éditoriale.",
    aide_en="Describe in “signalement_contenu_genere” the notice each published text carries (“Drafted with the "
            "help of an AI”) or the department that reviews each text and holds editorial responsibility.",
)
def contenu_genere_non_signale(ctx: RecordContext) -> Iterable[Finding]:
    if not_ai(ctx) or not _true(ctx.get("contenu_genere_publie")) or not _blank(ctx.get("signalement_contenu_genere")):
        return
    when = quand(ctx, "ria.art50")
    if when is not None:
        yield Finding(("contenu_genere_publie",), {"quand": when.texte}, severite=when.severite)


# ---------------------------------------------------------------- art. 4: AI literacy


@rule(
    code="ia-act-formation-manquante", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=reference("ria.art4"),
    reference_en=reference('ria.art4', 'en'),
    titre_fr="Maîtrise de l'IA par les agents non décrite", titre_en="Staff AI literacy not described",
    justification_fr="Article 4 du règlement sur l'IA : les fournisseurs et les déployeurs de systèmes d'IA prennent "
                     "des mesures pour garantir, dans toute la mesure du possible, un niveau suffisant de maîtrise "
                     "de l'IA à leur personnel et aux autres personnes qui s'occupent du fonctionnement et de "
                     "l'utilisation de ces systèmes pour leur compte, compte tenu de leurs connaissances, de leur "
                     "expérience et du contexte d'utilisation. Cette obligation vaut pour tout système d'IA, quel "
                     f"que soit son niveau de risque, et s'applique depuis le {_on('ria.art4', 'fr')}. La règle joue "
                     "pour un système d'IA en expérimentation ou en service : la fiche le déclare "
                     "(« systeme_ia: true ») ou, sans réponse à cette question, déclare un algorithme qui apprend "
                     "ou génère (apprentissage automatique, IA générative, réseaux de neurones, vision par "
                     "ordinateur, traitement du langage). " + FORMAT_FR,
    justification_en="Article 4 of the AI Act: providers and deployers of AI systems take measures to ensure, to "
                     "their best extent, a sufficient level of AI literacy of their staff and other persons dealing "
                     "with the operation and use of AI systems on their behalf, taking into account their "
                     "knowledge, experience and the context of use. This duty covers every AI system, whatever its "
                     f"risk tier, and applies since {_on('ria.art4', 'en')}. The rule fires for an AI system being "
                     "piloted or in service: the record says so (“systeme_ia: true”) or, with that question "
                     "unanswered, declares an algorithm that learns or generates (machine learning, generative AI, "
                     "neural networks, computer vision, language processing). " + FORMAT_EN,
    message_fr="Système d'IA (d'après {raison}) au statut « {statut} », mais la fiche ne dit pas comment la "
               "collectivité s'assure que les agents qui l'utilisent ou le supervisent en ont une maîtrise "
               "suffisante (« formation_ia ») : article 4 du règlement sur l'IA ({quand}){format}.",
    message_en="AI system (according to {raison}) with status “{statut}”, but the record does not say how the "
               "authority ensures that the staff who use or oversee it have sufficient AI literacy "
               "(“formation_ia”): article 4 of the AI Act ({quand}){format}.",
    aide_fr="Décrivez dans « formation_ia » la formation, le guide ou l'accompagnement des agents concernés : ce "
            "que fait l'outil, ses limites, ses erreurs possibles, quand ne pas s'y fier.",
    aide_en="Describe in “formation_ia” the training, guidance or support given to the staff concerned: what the "
            "tool does, its limits, its possible errors, when not to rely on it.",
)
def formation_manquante(ctx: RecordContext) -> Iterable[Finding]:
    statut = _statut(ctx)
    if statut is None or not in_service(statut) or not _blank(ctx.get("formation_ia")):
        return
    raison = ai_reason(ctx)
    when = quand(ctx, "ria.art4")
    if raison is not None and when is not None:
        yield _older(_at(ctx, ("formation_ia", "systeme_ia", "type_algorithme", "statut"),
                         {"raison": raison, "statut": _label(STATUTS, statut), "quand": when.texte}),
                     ctx, "formation_ia")


# ---------------------------------------------------------------- art. 3(1): an AI system or not


@rule(
    code="ia-act-systeme-ia-contradictoire", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=reference("ria.art3-1"),
    reference_en=reference('ria.art3-1', 'en'),
    titre_fr="« systeme_ia: false » contredit par la fiche", titre_en="“systeme_ia: false” contradicted by the record",
    justification_fr="Article 3(1) du règlement sur l'IA : un système d'IA infère, à partir des entrées qu'il "
                     "reçoit, la manière de générer des prédictions, des contenus, des recommandations ou des "
                     "décisions ; un algorithme dont des personnes ont fixé toutes les règles (barème, grille de "
                     "points) n'en est pas un. Une fiche qui répond « systeme_ia: false » sort du champ du "
                     "règlement, et iaterr ne vérifie plus aucune de ses obligations. Si la même fiche classe le "
                     "système à un niveau de risque du règlement (limité, élevé, inacceptable) ou déclare un "
                     "algorithme qui apprend ou génère (apprentissage automatique, IA générative, réseaux de "
                     "neurones, vision par ordinateur, traitement du langage), l'une des réponses est fausse.",
    justification_en="Article 3(1) of the AI Act: an AI system infers, from the input it receives, how to generate "
                     "predictions, content, recommendations or decisions; an algorithm whose rules were all set by "
                     "people (a scale, a points grid) is not one. A record answering “systeme_ia: false” is outside "
                     "the regulation, and iaterr checks none of its duties. If the same record places the system in "
                     "a risk tier of the regulation (limited, high, unacceptable) or declares an algorithm that "
                     "learns or generates (machine learning, generative AI, neural networks, computer vision, "
                     "language processing), one of the answers is wrong.",
    message_fr="La fiche dit que le traitement n'est pas un système d'IA (« systeme_ia: false ») mais {contradiction} "
               ": l'une des réponses est fausse, et iaterr ne vérifie aucune obligation du règlement sur l'IA tant "
               "que « systeme_ia » vaut false.",
    message_en="The record says the processing is not an AI system (“systeme_ia: false”) but {contradiction}: one of "
               "the answers is wrong, and iaterr checks no AI Act duty while “systeme_ia” is false.",
    aide_fr="Si le système apprend ou génère, passez « systeme_ia » à true. S'il n'applique que des règles fixées "
            "par des personnes, corrigez « niveau_risque_ia » (retirez-le ou indiquez minimal) et "
            "« type_algorithme » (regles).",
    aide_en="If the system learns or generates, set “systeme_ia” to true. If it only applies rules set by people, "
            "correct “niveau_risque_ia” (remove it or set minimal) and “type_algorithme” (regles).",
)
def systeme_ia_contradictoire(ctx: RecordContext) -> Iterable[Finding]:
    if not not_ai(ctx):
        return
    fr: list[str] = []
    en: list[str] = []
    risk = _risk(ctx)
    if risk in ("eleve", "limite", "inacceptable"):
        fr.append(f"la classe au niveau de risque « {NIVEAUX_RISQUE.label(risk, 'fr')} »")
        en.append(f"places it in the risk tier “{NIVEAUX_RISQUE.label(risk, 'en')}”")
    kinds = _learning(ctx)
    if kinds:
        fr.append("déclare un algorithme qui apprend ou génère (" +
                  ", ".join(TYPES_ALGORITHME.label(k, "fr") for k in kinds) + ")")
        en.append("declares an algorithm that learns or generates (" +
                  ", ".join(TYPES_ALGORITHME.label(k, "en") for k in kinds) + ")")
    if fr:
        yield Finding(("systeme_ia",), {"contradiction": {"fr": " et ".join(fr), "en": " and ".join(en)}})


# ---------------------------------------------------------------- art. 6 and Annex III: high risk


@rule(
    code="ia-act-annexe-iii-sans-risque-eleve", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{reference('ria.annexe-iii')} ; art. 6(3) et 6(4)",
    reference_en=f"{reference('ria.annexe-iii', 'en')}; Arts. 6(3) and 6(4)",
    titre_fr="Domaine de l'annexe III sans niveau de risque élevé", titre_en="Annex III area without high-risk tier",
    justification_fr="Article 6(2) : les systèmes d'IA utilisés dans un domaine de l'annexe III sont à haut risque. "
                     "Article 6(3) : ils ne le sont pas s'ils ne présentent pas de risque important, parce qu'ils "
                     "n'accomplissent qu'une tâche procédurale étroite, améliorent le résultat d'une activité "
                     "humaine déjà réalisée, détectent des schémas de décision sans remplacer ni influencer "
                     "l'évaluation humaine faite avant, ou n'effectuent qu'une tâche préparatoire ; l'exception ne "
                     "joue jamais quand le système fait du profilage de personnes. Celui qui s'en prévaut documente "
                     "son évaluation (art. 6(4)). Une fiche qui déclare un domaine de l'annexe III sans le niveau "
                     "« eleve » doit donc porter cette justification ; quand elle déclare que le traitement évalue "
                     "ou profile des personnes (« criteres_aipd » : evaluation), l'exception est exclue, comme le dit "
                     "la qualification (`iaterr qualification`), dont la règle reprend la lecture. " + _CALENDRIER_FR,
    justification_en="Article 6(2): AI systems used in an Annex III area are high-risk. Article 6(3): they are not "
                     "if they pose no significant risk, because they only perform a narrow procedural task, improve "
                     "the result of a previously completed human activity, detect decision-making patterns without "
                     "replacing or influencing the prior human assessment, or only perform a preparatory task; the "
                     "exception never applies when the system profiles people. Whoever relies on it documents the "
                     "assessment (art. 6(4)). A record declaring an Annex III area without the “eleve” tier must "
                     "therefore carry that justification; when it declares that the processing evaluates or profiles "
                     "people (“criteres_aipd”: evaluation), the exception is ruled out, as the qualification says "
                     "(`iaterr qualification`), whose reading the rule uses. " + _CALENDRIER_EN,
    message_fr="Le système relève de l'annexe III — {domaines} — mais son niveau de risque est {niveau} : un "
               "système de l'annexe III est à haut risque, {exception}.",
    message_en="The system falls under Annex III — {domaines} — but its risk tier is {niveau}: an Annex III system "
               "is high-risk, {exception}.",
    aide_fr="Passez « niveau_risque_ia » à eleve. Si le système n'accomplit qu'une tâche procédurale étroite ou "
            "préparatoire (art. 6(3)) et ne fait aucun profilage, gardez le niveau choisi et justifiez-le dans la "
            "fiche : « # iaterr: ignore[ia-act-annexe-iii-sans-risque-eleve] tâche préparatoire étroite "
            "(art. 6(3)) : … ».",
    aide_en="Set “niveau_risque_ia” to eleve. If the system only performs a narrow procedural or preparatory task "
            "(art. 6(3)) and does no profiling, keep the chosen tier and justify it in the record: "
            "“# iaterr: ignore[ia-act-annexe-iii-sans-risque-eleve] narrow preparatory task (art. 6(3)): …”.",
)
def annexe_iii_sans_risque_eleve(ctx: RecordContext) -> Iterable[Finding]:
    domains = _domains(ctx)
    if not domains or not_ai(ctx):
        return
    risk = _risk(ctx)
    if risk in ("eleve", "inacceptable"):
        return
    if risk is None and not _blank(ctx.get("niveau_risque_ia")):
        return  # an unknown value: validation reports it
    niveau = (_label(NIVEAUX_RISQUE, risk) if risk else
              {"fr": "non renseigné (« niveau_risque_ia »)", "en": "not given (“niveau_risque_ia”)"})
    if risk:
        niveau = {lang: f"« {text} »" if lang == "fr" else f"“{text}”" for lang, text in niveau.items()}
    exception = ({"fr": "et l'exception de l'article 6(3) ne peut pas jouer : le traitement évalue ou profile des "
                        "personnes (« criteres_aipd » : évaluation)",
                  "en": "and the article 6(3) exception cannot apply: the processing evaluates or profiles people "
                        "(“criteres_aipd”: evaluation)"} if profiling_rules_out_6_3(ctx) else
                 {"fr": "sauf exception de l'article 6(3) à justifier",
                  "en": "unless the article 6(3) exception applies and is justified"})
    yield _at(ctx, ("niveau_risque_ia", "domaines_annexe_iii"),
              {"domaines": _domain_labels(domains), "niveau": niveau, "exception": exception})


def profiling_rules_out_6_3(ctx: RecordContext) -> bool:
    """The qualification rules the art. 6(3) exception out because the processing profiles people (the one
    reading of « criteres_aipd » shared with `iaterr qualification`)."""
    if not isinstance(ctx.data, dict):
        return False
    regime = ctx.qualification.regime("ria-haut-risque")
    return any(m.cle == "qualif.ria.profilage" for m in regime.motifs)


@rule(
    code="ia-act-risque-eleve-sans-domaine", famille="ia_act", severite=Severity.INFO, portee="cas_usage",
    reference=f"{reference('ria.annexe-i')} ; {reference('ria.annexe-iii')}",
    reference_en=f"{reference('ria.annexe-i', 'en')}; {reference('ria.annexe-iii', 'en')}",
    titre_fr="Haut risque sans domaine de l'annexe III", titre_en="High risk without an Annex III area",
    justification_fr="Un système est à haut risque soit parce qu'il est un produit, ou le composant de sécurité d'un "
                     "produit, couvert par la législation de l'annexe I (art. 6(1) ; obligations applicables à "
                     f"compter du {_on('ria.annexe-i', 'fr')}), soit parce qu'il est utilisé dans un domaine de "
                     "l'annexe III (art. 6(2) ; obligations applicables à compter du "
                     f"{_on('ria.annexe-iii', 'fr')}) ; pour une collectivité, c'est presque toujours l'annexe III. "
                     "Le domaine fixe les obligations du déployeur : l'analyse d'impact sur les droits fondamentaux "
                     "(art. 27) et l'enregistrement dans la base de l'UE (art. 49(3)) ne visent que l'annexe III "
                     "— et pas les infrastructures critiques (point 2) pour l'analyse d'impact —, et l'utilisation "
                     "d'un système de police ou de migration (points 6 et 7) s'enregistre dans une section non "
                     "publique (art. 49(4)). Sans domaine déclaré, iaterr ne vérifie aucune de ces obligations.",
    justification_en="A system is high-risk either because it is a product, or the safety component of a product, "
                     "covered by Annex I legislation (art. 6(1); duties apply from "
                     f"{_on('ria.annexe-i', 'en')}), or because it is used in an Annex III area (art. 6(2); duties "
                     f"apply from {_on('ria.annexe-iii', 'en')}); for a local authority it is almost always Annex "
                     "III. The area sets the deployer's duties: the fundamental rights impact assessment (art. 27) "
                     "and registration in the EU database (art. 49(3)) only concern Annex III — and not critical "
                     "infrastructure (point 2) for the impact assessment —, and the use of a law-enforcement or "
                     "migration system (points 6 and 7) is registered in a non-public section (art. 49(4)). Without "
                     "a declared area, iaterr checks none of these duties.",
    message_fr="Le système est classé à haut risque (« niveau_risque_ia: eleve ») sans domaine de l'annexe III "
               "(« domaines_annexe_iii ») : la fiche ne dit pas ce qui le rend à haut risque.",
    message_en="The system is classified high-risk (“niveau_risque_ia: eleve”) without an Annex III area "
               "(“domaines_annexe_iii”): the record does not say what makes it high-risk.",
    aide_fr="Ajoutez à « domaines_annexe_iii » le ou les domaines concernés (prestations_publiques, emploi, "
            "education, infrastructures_critiques…). Si le haut risque vient de l'article 6(1) (produit ou "
            "composant de sécurité d'un produit de l'annexe I), dites-le par un silence justifié.",
    aide_en="Add to “domaines_annexe_iii” the area or areas concerned (prestations_publiques, emploi, education, "
            "infrastructures_critiques…). If the high risk comes from article 6(1) (product or safety component of "
            "an Annex I product), say so with a justified silence.",
)
def risque_eleve_sans_domaine(ctx: RecordContext) -> Iterable[Finding]:
    if not not_ai(ctx) and _risk(ctx) == "eleve" and not _domains(ctx):
        yield _at(ctx, ("domaines_annexe_iii", "niveau_risque_ia"))


@rule(
    code="ia-act-eleve-sans-aipd", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{reference('rgpd.art35')} ; {_R26}(9)",
    reference_en=f"{reference('rgpd.art35', 'en')}; {_R26_EN}(9)",
    titre_fr="Haut risque sans analyse d'impact sur la protection des données (AIPD)",
    titre_en="High risk without a data protection impact assessment (DPIA)",
    justification_fr="RGPD, art. 35 : une AIPD précède tout traitement susceptible d'engendrer un risque élevé pour "
                     "les droits et libertés des personnes, notamment l'évaluation systématique d'aspects "
                     "personnels fondée sur un traitement automatisé et servant de base à des décisions "
                     "(art. 35(3)(a)) ; l'usage innovant de technologies et l'évaluation de personnes font partie "
                     "des critères du CEPD repris par la CNIL. Le déployeur d'un système d'IA à haut risque utilise "
                     "les informations du fournisseur pour la mener (règlement IA, art. 26(9)). Cette obligation du "
                     "RGPD s'applique dès aujourd'hui, indépendamment du calendrier du règlement sur l'IA. La règle "
                     "joue quand une entrée de « donnees » est déclarée personnelle, ou quand la fiche ne permet pas "
                     "de l'exclure (aucune donnée décrite, ou une entrée sans « personnelles ») ; elle se tait si "
                     "toutes les entrées portent « personnelles: false », et quand rgpd-aipd-requise signale déjà "
                     "l'AIPD manquante (quel que soit le niveau de risque).",
    justification_en="GDPR, art. 35: a DPIA precedes any processing likely to result in a high risk to people's "
                     "rights and freedoms, in particular the systematic evaluation of personal aspects based on "
                     "automated processing on which decisions are based (art. 35(3)(a)); innovative use of "
                     "technology and the evaluation of people are among the EDPB criteria the CNIL applies. The "
                     "deployer of a high-risk AI system uses the provider's information to carry it out (AI Act, "
                     "art. 26(9)). This GDPR duty applies today, whatever the AI Act's timetable. The rule fires "
                     "when a “donnees” entry is declared personal, or when the record cannot rule it out (no data "
                     "described, or an entry without “personnelles”); it keeps silent when every entry says "
                     "“personnelles: false”, and when rgpd-aipd-requise already reports the missing DPIA (whatever "
                     "the risk tier).",
    message_fr="Système à haut risque sans analyse d'impact relative à la protection des données (AIPD) dans "
               "« analyses_impact », alors que {raison}.",
    message_en="High-risk system without a data protection impact assessment (DPIA) in “analyses_impact”, while "
               "{raison}.",
    aide_fr="Menez l'AIPD avec le délégué à la protection des données avant la mise en service, puis ajoutez à "
            "« analyses_impact » une entrée « type: aipd » avec sa date et, si possible, le lien vers son résumé. "
            "Si aucune donnée n'est personnelle, indiquez « personnelles: false » dans chaque entrée de "
            "« donnees ».",
    aide_en="Carry out the DPIA with the data protection officer before going live, then add to “analyses_impact” "
            "an entry “type: aipd” with its date and, if possible, a link to its summary. If no data are personal, "
            "set “personnelles: false” in every “donnees” entry.",
)
def eleve_sans_aipd(ctx: RecordContext) -> Iterable[Finding]:
    if not_ai(ctx) or _risk(ctx) != "eleve" or "aipd" in _assessment_types(ctx) or over(ctx):
        return
    if dpia_required(ctx):
        return  # rgpd-aipd-requise says it, with its criteria
    raison = personal_data_reason(ctx)
    if raison is not None:
        yield _at(ctx, ("analyses_impact", "niveau_risque_ia"), {"raison": raison})


#: Annex III areas whose high-risk systems need no fundamental rights impact assessment (art. 27(1)).
_SANS_AIDF = {"infrastructures_critiques"}


@rule(
    code="ia-act-eleve-sans-aidf", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=reference("ria.art27"),
    reference_en=reference('ria.art27', 'en'),
    titre_fr="Haut risque sans analyse d'impact sur les droits fondamentaux (AIDF)",
    titre_en="High risk without a fundamental rights impact assessment (FRIA)",
    justification_fr="Article 27 : avant de déployer un système à haut risque de l'article 6(2) — un système de "
                     "l'annexe III, hors infrastructures critiques (point 2) —, les déployeurs qui sont des "
                     "organismes de droit public — les collectivités — ou des entités privées fournissant des "
                     "services publics évaluent son impact sur les droits fondamentaux : processus concernés, durée "
                     "et fréquence d'utilisation, catégories de personnes touchées, risques spécifiques, mesures de "
                     "contrôle humain, mesures si les risques se matérialisent et mécanismes de plainte. Les "
                     "résultats sont notifiés à l'autorité de surveillance du marché ; l'AIDF complète l'AIPD "
                     "(art. 27(4)). Un système à haut risque au titre de l'article 6(1) (annexe I) n'est pas "
                     "concerné : la règle demande un domaine de l'annexe III autre que le point 2. "
                     + _CALENDRIER_FR,
    justification_en="Article 27: before deploying a high-risk system under article 6(2) — an Annex III system, "
                     "critical infrastructure (point 2) excepted —, deployers that are bodies governed by public "
                     "law — local authorities — or private entities providing public services assess its impact on "
                     "fundamental rights: processes concerned, period and frequency of use, categories of people "
                     "affected, specific risks, human oversight measures, measures if risks materialise and "
                     "complaint mechanisms. The results are notified to the market surveillance authority; the "
                     "FRIA complements the DPIA (art. 27(4)). A system high-risk under article 6(1) (Annex I) is not "
                     "concerned: the rule requires an Annex III area other than point 2. " + _CALENDRIER_EN,
    message_fr="Système à haut risque de l'annexe III ({domaines}) sans analyse d'impact sur les droits "
               "fondamentaux (AIDF) dans « analyses_impact » : un déployeur public la réalise avant la première "
               "utilisation (art. 27 ; {quand}).",
    message_en="Annex III high-risk system ({domaines}) without a fundamental rights impact assessment (FRIA) in "
               "“analyses_impact”: a public deployer carries it out before first use (art. 27; {quand}).",
    aide_fr="Réalisez l'AIDF (processus, durée et fréquence d'utilisation, personnes touchées, risques, contrôle "
            "humain, mesures et plaintes), notifiez-en les résultats à l'autorité de surveillance du marché, puis "
            "ajoutez à « analyses_impact » une entrée « type: aidf » avec sa date.",
    aide_en="Carry out the FRIA (processes, period and frequency of use, people affected, risks, human oversight, "
            "measures and complaints), notify its results to the market surveillance authority, then add to "
            "“analyses_impact” an entry “type: aidf” with its date.",
)
def eleve_sans_aidf(ctx: RecordContext) -> Iterable[Finding]:
    if not annexe_iii_high_risk(ctx) or "aidf" in _assessment_types(ctx):
        return
    domains = [d for d in _domains(ctx) if d not in _SANS_AIDF]
    when = quand(ctx, "ria.art27", annexe_iii=True)
    if domains and when is not None:
        yield _at(ctx, ("analyses_impact", "niveau_risque_ia"), {"domaines": _domain_labels(domains),
                                                                 "quand": when.texte})


@rule(
    code="ia-act-eleve-sans-base-ue", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{_R26}(8) ; {reference('ria.art49')}",
    reference_en=f"{_R26_EN}(8); {reference('ria.art49', 'en')}",
    titre_fr="Haut risque sans enregistrement dans la base de l'UE", titre_en="High risk without an EU database entry",
    justification_fr="Article 26(8) : un déployeur qui est une autorité publique n'utilise pas un système à haut "
                     "risque de l'annexe III qui n'est pas enregistré dans la base de données de l'UE. Article "
                     "49(3) : avant de le mettre en service ou de l'utiliser, il s'enregistre, sélectionne le "
                     "système et enregistre son utilisation (annexe VIII, section C : identité et coordonnées du "
                     "déployeur, personne qui soumet, lien vers l'entrée du fournisseur, résumés de l'AIDF et de "
                     "l'AIPD) ; c'est le lien de cet enregistrement que porte « url_base_ue » (l'entrée du "
                     "fournisseur va dans « url_base_ue_fournisseur »). Exceptions : les infrastructures critiques "
                     "(point 2) s'enregistrent au niveau national (art. 49(5)) ; la police et la migration "
                     "(points 6 et 7) dans une section sécurisée non publique (art. 49(4)) — la règle se tait "
                     "quand seuls ces domaines sont déclarés (la biométrie aussi, quand elle accompagne l'un "
                     "d'eux). Un système à haut risque au titre de l'article 6(1) (annexe I) n'est pas concerné. "
                     + _CALENDRIER_FR,
    justification_en="Article 26(8): a deployer that is a public authority does not use an Annex III high-risk "
                     "system that is not registered in the EU database. Article 49(3): before putting it into "
                     "service or using it, it registers itself, selects the system and registers its use (Annex "
                     "VIII, section C: identity and contact details of the deployer, person submitting, link to the "
                     "provider's entry, summaries of the FRIA and the DPIA); “url_base_ue” holds the link to that "
                     "registration (the provider's entry goes in “url_base_ue_fournisseur”). Exceptions: critical "
                     "infrastructure (point 2) is registered at national level (art. 49(5)); law enforcement and "
                     "migration (points 6 and 7) in a secure non-public section (art. 49(4)) — the rule keeps "
                     "silent when only these areas are declared (biometrics too, when it comes with one of them). A "
                     "system high-risk under article 6(1) (Annex I) is not concerned. " + _CALENDRIER_EN,
    message_fr="Système à haut risque de l'annexe III sans lien vers l'enregistrement de son utilisation dans la "
               "base de données de l'UE (« url_base_ue ») : une autorité publique enregistre cette utilisation "
               "avant la mise en service, et n'utilise pas un système non enregistré (art. 26(8) et 49(3) ; "
               "{quand}).",
    message_en="Annex III high-risk system without a link to the registration of its use in the EU database "
               "(“url_base_ue”): a public authority registers that use before putting it into service, and does not "
               "use an unregistered system (art. 26(8) and 49(3); {quand}).",
    aide_fr="Enregistrez la collectivité et l'utilisation du système dans la base de données de l'UE (annexe VIII, "
            "section C), puis indiquez le lien de cet enregistrement dans « url_base_ue ».",
    aide_en="Register the authority and the use of the system in the EU database (Annex VIII, section C), then "
            "give the link to that registration in “url_base_ue”.",
)
def eleve_sans_base_ue(ctx: RecordContext) -> Iterable[Finding]:
    if not annexe_iii_high_risk(ctx) or not _blank(ctx.get("url_base_ue")):
        return
    if registration_route(_domains(ctx)) != EU_PUBLIC:  # national level, or the non-public section (art. 49)
        return
    when = quand(ctx, "ria.art49", annexe_iii=True)
    if when is not None:
        yield _at(ctx, ("url_base_ue", "niveau_risque_ia"), {"quand": when.texte})


# ---------------------------------------------------------------- art. 26: the deployer's duties


def _deployer_finding(ctx: RecordContext, fields: tuple[str, ...]) -> Finding | None:
    when = quand(ctx, "ria.art26", annexe_iii=True)
    if when is None:
        return None
    return _at(ctx, fields, {"quand": when.texte})


@rule(
    code="ia-act-supervision-humaine-manquante", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{_R26}(2)",
    reference_en=f"{_R26_EN}(2)",
    titre_fr="Haut risque sans contrôle humain décrit", titre_en="High risk without human oversight described",
    justification_fr="Article 26(2) : le déployeur d'un système à haut risque en confie le contrôle humain à des "
                     "personnes qui ont la compétence, la formation et l'autorité nécessaires, ainsi que le soutien "
                     "nécessaire. La fiche le dit dans « supervision_humaine » : qui contrôle les résultats, "
                     "comment les corriger ou les écarter. " + _CALENDRIER_FR,
    justification_en="Article 26(2): the deployer of a high-risk system assigns human oversight to people who have "
                     "the necessary competence, training and authority, and the necessary support. The record says "
                     "so in “supervision_humaine”: who checks the results, how they are corrected or set aside. "
                     + _CALENDRIER_EN,
    message_fr="Système à haut risque de l'annexe III sans contrôle humain décrit (« supervision_humaine ») : le "
               "déployeur le confie à des personnes compétentes, formées et investies de l'autorité nécessaire "
               "(art. 26(2) ; {quand}).",
    message_en="Annex III high-risk system without human oversight described (“supervision_humaine”): the deployer "
               "assigns it to competent, trained people with the necessary authority (art. 26(2); {quand}).",
    aide_fr="Décrivez dans « supervision_humaine » qui contrôle les résultats du système (service, fonction), "
            "comment ces personnes sont formées et comment elles peuvent corriger ou écarter un résultat.",
    aide_en="Describe in “supervision_humaine” who checks the system's results (department, role), how they are "
            "trained and how they can correct or set aside a result.",
)
def supervision_humaine_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if annexe_iii_high_risk(ctx) and _blank(ctx.get("supervision_humaine")):
        finding = _deployer_finding(ctx, ("supervision_humaine", "niveau_risque_ia"))
        if finding is not None:
            yield finding


#: The minimum time the deployer keeps the logs of a high-risk system (art. 26(6)), in months.
JOURNAUX_MOIS = 6


@rule(
    code="ia-act-conservation-journaux", famille="ia_act", severite=Severity.ERROR, portee="cas_usage",
    reference=f"{_R26}(6)",
    reference_en=f"{_R26_EN}(6)",
    titre_fr="Conservation des journaux d'un système à haut risque", titre_en="Log retention of a high-risk system",
    justification_fr="Article 26(6) : le déployeur d'un système à haut risque conserve les journaux générés "
                     "automatiquement par le système, dans la mesure où il les contrôle, pendant une durée adaptée "
                     f"à sa destination, d'au moins {JOURNAUX_MOIS} mois, sauf disposition contraire du droit de "
                     "l'Union ou national (notamment sur la protection des données). Une durée déclarée inférieure "
                     "est une erreur quand l'obligation s'applique, un avertissement avant ; une durée non "
                     "renseignée (« conservation_journaux_mois ») est un avertissement. " + FORMAT_FR + " "
                     + _CALENDRIER_FR,
    justification_en="Article 26(6): the deployer of a high-risk system keeps the logs the system generates "
                     "automatically, to the extent they are under its control, for a period appropriate to its "
                     f"purpose of at least {JOURNAUX_MOIS} months, unless Union or national law (on data protection "
                     "in particular) provides otherwise. A shorter declared period is an error when the duty "
                     "applies, a warning before; a period not given (“conservation_journaux_mois”) is a warning. "
                     + FORMAT_EN + " " + _CALENDRIER_EN,
    message_fr="Système à haut risque de l'annexe III : {probleme} ; le déployeur conserve les journaux du système "
               "au moins six mois (art. 26(6) ; {quand}){format}.",
    message_en="Annex III high-risk system: {probleme}; the deployer keeps the system's logs at least six months "
               "(art. 26(6); {quand}){format}.",
    aide_fr="Indiquez dans « conservation_journaux_mois » la durée de conservation des journaux, en mois (au moins "
            "6), après l'avoir vérifiée avec le fournisseur et le délégué à la protection des données.",
    aide_en="Give in “conservation_journaux_mois” how long the logs are kept, in months (at least 6), after "
            "checking it with the provider and the data protection officer.",
)
def conservation_journaux(ctx: RecordContext) -> Iterable[Finding]:
    if not annexe_iii_high_risk(ctx):
        return
    when = quand(ctx, "ria.art26", annexe_iii=True)
    if when is None:
        return
    value = ctx.get("conservation_journaux_mois")
    if _blank(value):
        missing = _at(ctx, ("conservation_journaux_mois", "niveau_risque_ia"), {"quand": when.texte, "probleme": {
            "fr": "la durée de conservation des journaux n'est pas renseignée (« conservation_journaux_mois »)",
            "en": "the log retention period is not given (“conservation_journaux_mois”)"}})
        missing.severite = Severity.WARNING  # not said is not a breach
        yield _older(missing, ctx, "conservation_journaux_mois")
        return
    months = _int(value)
    if months is not None and months < JOURNAUX_MOIS:
        yield Finding(("conservation_journaux_mois",), {"quand": when.texte, "format": format_clause(None),
                                                        "probleme": {
            "fr": f"les journaux ne sont conservés que {months} mois (« conservation_journaux_mois »)",
            "en": f"the logs are kept only {months} months (“conservation_journaux_mois”)"}},
            severite=when.severite)


@rule(
    code="ia-act-information-travailleurs-manquante", famille="ia_act", severite=Severity.WARNING,
    portee="cas_usage", reference=f"{_R26}(7)",
    reference_en=f"{_R26_EN}(7)",
    titre_fr="Agents non informés d'un système à haut risque utilisé au travail",
    titre_en="Workers not informed of a high-risk system used at work",
    justification_fr="Article 26(7) : avant de mettre en service ou d'utiliser un système à haut risque sur le lieu "
                     "de travail, le déployeur qui est un employeur informe les représentants des travailleurs et "
                     "les travailleurs concernés qu'ils seront soumis à ce système. La règle joue quand la fiche "
                     "déclare les agents parmi les publics du service (« publics: agents ») ou parmi les "
                     "destinataires des décisions (« destinataires_decisions: agents »). " + FORMAT_FR + " "
                     + _CALENDRIER_FR,
    justification_en="Article 26(7): before putting into service or using a high-risk system at the workplace, a "
                     "deployer who is an employer informs workers' representatives and the affected workers that "
                     "they will be subject to the system. The rule fires when the record lists staff among the "
                     "service's audiences (“publics: agents”) or among those the decisions concern "
                     "(“destinataires_decisions: agents”). " + FORMAT_EN + " " + _CALENDRIER_EN,
    message_fr="Système à haut risque de l'annexe III utilisé au travail ({raison}) sans dire comment les agents et "
               "leurs représentants en ont été informés (« information_travailleurs ») : art. 26(7) ({quand}){format}.",
    message_en="Annex III high-risk system used at work ({raison}) without saying how staff and their "
               "representatives were informed (“information_travailleurs”): art. 26(7) ({quand}){format}.",
    aide_fr="Décrivez dans « information_travailleurs » comment les agents concernés et leurs représentants "
            "(comité social territorial) ont été informés avant la mise en service, et quand.",
    aide_en="Describe in “information_travailleurs” how the staff concerned and their representatives (comité "
            "social territorial) were informed before going live, and when.",
)
def information_travailleurs_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if not annexe_iii_high_risk(ctx) or not _blank(ctx.get("information_travailleurs")):
        return
    if "agents" in _codes(DESTINATAIRES_DECISIONS, ctx.get("destinataires_decisions")):
        raison = {"fr": "« destinataires_decisions: agents »", "en": "“destinataires_decisions: agents”"}
    elif "agents" in _codes(PUBLICS, ctx.get("publics")):
        raison = {"fr": "« publics: agents »", "en": "“publics: agents”"}
    else:
        return
    when = quand(ctx, "ria.art26", annexe_iii=True)
    if when is not None:
        yield _older(_at(ctx, ("information_travailleurs", "niveau_risque_ia"), {"raison": raison,
                                                                                 "quand": when.texte}),
                     ctx, "information_travailleurs")


# ---------------------------------------------------------------- art. 5: prohibited practices


@rule(
    code="ia-act-inacceptable-en-service", famille="ia_act", severite=Severity.ERROR, portee="cas_usage",
    reference=reference("ria.art5"),
    reference_en=reference('ria.art5', 'en'),
    titre_fr="Pratique interdite en service", titre_en="Prohibited practice in service",
    justification_fr="Article 5 du règlement sur l'IA : sont interdites la mise sur le marché, la mise en service et "
                     "l'utilisation de certains systèmes — notation sociale, exploitation des vulnérabilités, "
                     "techniques subliminales ou manipulatrices, évaluation du risque qu'une personne physique "
                     "commette une infraction pénale sur le seul fondement de son profilage ou de ses traits de "
                     "personnalité, hors appui à une évaluation humaine fondée sur des faits objectifs et vérifiables "
                     "(art. 5(1)(d) : à retenir pour une police municipale), reconnaissance des émotions sur le lieu "
                     "de travail et dans l'enseignement, catégorisation biométrique fondée sur des données sensibles, "
                     "constitution de bases de reconnaissance faciale par moissonnage, identification biométrique "
                     "à distance en temps réel dans l'espace public à des fins répressives hors exceptions "
                     f"strictes. Ces interdictions s'appliquent depuis le {_on('ria.art5', 'fr')}, y compris aux "
                     "systèmes déjà en service ; une expérimentation en conditions réelles est une utilisation.",
    justification_en="Article 5 of the AI Act: placing on the market, putting into service and using certain "
                     "systems is prohibited — social scoring, exploiting vulnerabilities, subliminal or manipulative "
                     "techniques, assessing the risk that a natural person will commit a criminal offence based "
                     "solely on profiling or on their personality traits, except to support a human assessment "
                     "based on objective and verifiable facts (art. 5(1)(d): to bear in mind for a municipal "
                     "police), emotion recognition in the workplace and in education, biometric categorisation "
                     "based on sensitive data, building facial recognition databases by scraping, real-time remote "
                     "biometric identification in public spaces for law enforcement outside strict exceptions. "
                     f"These prohibitions apply since {_on('ria.art5', 'en')}, including to systems already in "
                     "service; a real-world pilot is a use.",
    message_fr="Système classé à risque inacceptable (pratique interdite, art. 5) alors que le projet a le statut "
               "« {statut} » : une pratique interdite ne peut être ni mise en service ni utilisée ({quand}).",
    message_en="System classified as unacceptable risk (prohibited practice, art. 5) while the project's status is "
               "“{statut}”: a prohibited practice may be neither put into service nor used ({quand}).",
    aide_fr="Arrêtez le système et passez « statut » à abandonne (avec « date_fin » et « motif_abandon »). Si le "
            "classement est une erreur, corrigez « niveau_risque_ia » après analyse avec le délégué à la protection "
            "des données ou le service juridique.",
    aide_en="Stop the system and set “statut” to abandonne (with “date_fin” and “motif_abandon”). If the "
            "classification is a mistake, correct “niveau_risque_ia” after review with the data protection officer "
            "or the legal department.",
)
def inacceptable_en_service(ctx: RecordContext) -> Iterable[Finding]:
    statut = _statut(ctx)
    if not_ai(ctx) or _risk(ctx) != "inacceptable" or statut is None or not in_service(statut):
        return
    when = quand(ctx, "ria.art5")
    if when is not None:
        yield Finding(("statut",), {"statut": _label(STATUTS, statut), "quand": when.texte}, severite=when.severite)


# ---------------------------------------------------------------- classification itself


def _rules_only(ctx: RecordContext) -> bool:
    """Declared as explicit rules only: in principle not an AI system (art. 3(1))."""
    types = set(_codes(TYPES_ALGORITHME, ctx.get("type_algorithme")))
    return types == {"regles"}


@rule(
    code="ia-act-risque-non-evalue", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{reference('ria.art5')} ; {reference('ria.annexe-iii')} ; {_R50}",
    reference_en=f"{reference('ria.art5', 'en')}; {reference('ria.annexe-iii', 'en')}; {reference('ria.art50', 'en')}",
    titre_fr="Système en service sans niveau de risque", titre_en="System in service without a risk tier",
    justification_fr="Le règlement sur l'IA attache les obligations au niveau de risque : interdiction (art. 5, "
                     f"depuis le {_on('ria.art5', 'fr')}), haut risque (art. 6 et annexe III, à compter du "
                     f"{_on('ria.annexe-iii', 'fr')}), transparence (art. 50, à compter du "
                     f"{_on('ria.art50', 'fr')}), minimal. Un système en service sans classement ne peut pas être "
                     "mis en conformité, et c'est aussi ce que publient les registres européens (catégorie de "
                     "publication du registre néerlandais). La règle se tait pour une fiche qui déclare que le "
                     "traitement n'est pas un système d'IA (« systeme_ia: false ») ou qu'il repose uniquement sur "
                     "des règles explicites (« type_algorithme: [regles] ») : un système qui n'applique que des "
                     "règles définies par des personnes n'est pas un système d'IA au sens de l'article 3(1).",
    justification_en="The AI Act ties duties to the risk tier: prohibition (art. 5, since "
                     f"{_on('ria.art5', 'en')}), high risk (art. 6 and Annex III, from "
                     f"{_on('ria.annexe-iii', 'en')}), transparency (art. 50, from {_on('ria.art50', 'en')}), "
                     "minimal. A system in service without a tier cannot be brought into compliance, and the tier is "
                     "also what European registers publish (publication category of the Dutch register). The rule "
                     "keeps silent for a record saying the processing is not an AI system (“systeme_ia: false”) or "
                     "rests on explicit rules only (“type_algorithme: [regles]”): a system that only applies rules "
                     "defined by people is not an AI system within article 3(1).",
    message_fr="Le système est en service mais son niveau de risque au sens du règlement sur l'IA est {niveau} : on "
               "ne sait pas quelles obligations s'appliquent.",
    message_en="The system is in service but its risk tier under the AI Act is {niveau}: nobody can tell which "
               "duties apply.",
    aide_fr="Classez le système dans « niveau_risque_ia » : inacceptable (art. 5), eleve (annexe III), limite "
            "(transparence de l'art. 50 : agent conversationnel, contenu généré) ou minimal. S'il n'est pas un "
            "système d'IA, dites-le : « systeme_ia: false ».",
    aide_en="Classify the system in “niveau_risque_ia”: inacceptable (art. 5), eleve (Annex III), limite "
            "(art. 50 transparency: chatbot, generated content) or minimal. If it is not an AI system, say so: "
            "“systeme_ia: false”.",
)
def risque_non_evalue(ctx: RecordContext) -> Iterable[Finding]:
    if _statut(ctx) != "en_deploiement" or _rules_only(ctx) or not_ai(ctx):
        return
    value = ctx.get("niveau_risque_ia")
    if _blank(value):
        niveau = {"fr": "non renseigné (« niveau_risque_ia »)", "en": "not given (“niveau_risque_ia”)"}
    elif _code(NIVEAUX_RISQUE, value) == "non_evalue":
        niveau = {"fr": "« non_evalue »", "en": "“non_evalue”"}
    else:
        return
    yield _at(ctx, ("niveau_risque_ia", "statut"), {"niveau": niveau})


#: The rules of this family, in the order they are listed.
RULES = (
    information_manquante,
    chatbot_sans_interaction,
    contenu_genere_non_signale,
    formation_manquante,
    systeme_ia_contradictoire,
    annexe_iii_sans_risque_eleve,
    risque_eleve_sans_domaine,
    eleve_sans_aipd,
    eleve_sans_aidf,
    eleve_sans_base_ue,
    supervision_humaine_manquante,
    conservation_journaux,
    information_travailleurs_manquante,
    inacceptable_en_service,
    risque_non_evalue,
)
