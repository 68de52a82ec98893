"""The EU AI Act (Regulation (EU) 2024/1689): what a collectivité deploying an AI system must
declare, assess and register.

Timing, as far as it is known (check before relying on it): prohibitions (art. 5) apply
since 2 February 2025; transparency duties (art. 50) from 2 August 2026; Annex III
obligations, due on 2 August 2026, were being postponed to December 2027 at the latest
by the "digital omnibus"; high-risk systems of public authorities already in service
must comply by 2 August 2030 (art. 111(2)).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, rule
from iaterr.lint.values import code_of as _code
from iaterr.lint.values import codes_of as _codes
from iaterr.lint.values import entries as _entries
from iaterr.lint.values import finding_at as _at
from iaterr.lint.values import is_blank as _blank
from iaterr.lint.values import is_false as _false
from iaterr.lint.values import is_true as _true
from iaterr.lint.values import label as _label
from iaterr.model.vocab import (
    DOMAINES_ANNEXE_III,
    NIVEAUX_RISQUE,
    STATUTS,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
    fold,
)

_CALENDRIER_III_FR = ("Calendrier (à vérifier) : les obligations des systèmes de l'annexe III, prévues pour le "
                      "2 août 2026, seraient reportées au plus tard à décembre 2027 par l'omnibus numérique ; les "
                      "systèmes d'autorités publiques déjà en service ont jusqu'au 2 août 2030 (art. 111(2)).")
_CALENDRIER_III_EN = ("Timing (to be checked): the obligations for Annex III systems, due on 2 August 2026, were "
                      "being postponed to December 2027 at the latest by the digital omnibus; public-authority "
                      "systems already in service have until 2 August 2030 (art. 111(2)).")


def _risk(ctx: RecordContext) -> str | None:
    return _code(NIVEAUX_RISQUE, ctx.get("niveau_risque_ia"))


def _domains(ctx: RecordContext) -> list[str]:
    return _codes(DOMAINES_ANNEXE_III, ctx.get("domaines_annexe_iii"))


def _assessment_types(ctx: RecordContext) -> set[str]:
    return {_code(TYPES_ANALYSE_IMPACT, e.get("type")) or "" for _, e in _entries(ctx.get("analyses_impact"))}


def _domain_labels(codes: list[str]) -> dict[str, str]:
    return {"fr": ", ".join(f"« {DOMAINES_ANNEXE_III.label(c, 'fr')} »" for c in codes),
            "en": ", ".join(f"“{DOMAINES_ANNEXE_III.label(c, 'en')}”" for c in codes)}


# ---------------------------------------------------------------- art. 50: people talking to an AI


@rule(
    code="ia-act-information-manquante", famille="ia_act", severite=Severity.ERROR, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 50(1)",
    titre_fr="Information sur l'interaction avec une IA absente",
    titre_en="Disclosure of interaction with an AI missing",
    justification_fr="Article 50(1) du règlement sur l'IA : un système destiné à interagir directement avec des "
                     "personnes physiques est conçu de sorte que ces personnes soient informées qu'elles "
                     "interagissent avec une IA, au plus tard lors de la première interaction, sauf si c'est "
                     "évident pour une personne raisonnablement informée. L'obligation pèse sur le fournisseur ; "
                     "une collectivité qui fait développer le système et le met en service sous son nom est "
                     "elle-même fournisseur (art. 3(3)), et c'est elle qui répond devant le public. Les agents "
                     "sont aussi des personnes : un assistant interne est concerné. Applicable à partir du "
                     "2 août 2026.",
    justification_en="Article 50(1) of the AI Act: a system intended to interact directly with natural persons is "
                     "designed so that they are told they are interacting with an AI, at the latest at the first "
                     "interaction, unless it is obvious to a reasonably well-informed person. The duty lies on the "
                     "provider; an authority that has the system developed and puts it into service under its own "
                     "name is itself a provider (art. 3(3)), and it answers to the public. Staff are people too: an "
                     "internal assistant is concerned. Applies from 2 August 2026.",
    message_fr="Le système dialogue directement avec des personnes (« interaction_public: true ») mais la fiche ne "
               "dit pas comment elles apprennent qu'elles échangent avec une IA (« information_ia ») : c'est une "
               "obligation de l'article 50(1) du règlement sur l'IA.",
    message_en="The system talks directly with people (“interaction_public: true”) but the record does not say how "
               "they learn that they are dealing with an AI (“information_ia”): this is a duty under article 50(1) "
               "of the AI Act.",
    aide_fr="Décrivez dans « information_ia » comment et quand la personne est prévenue : message d'accueil de "
            "l'agent conversationnel, annonce vocale en début d'appel, mention à côté de la fenêtre de dialogue…",
    aide_en="Describe in “information_ia” how and when the person is told: the chatbot's welcome message, a voice "
            "announcement at the start of the call, a notice next to the chat window…",
)
def information_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if _true(ctx.get("interaction_public")) and _blank(ctx.get("information_ia")):
        yield _at(ctx, ("information_ia", "interaction_public"))


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
    reference="Règlement (UE) 2024/1689, art. 50(1)",
    titre_fr="Agent conversationnel non déclaré comme interagissant avec des personnes",
    titre_en="Conversational agent not declared as interacting with people",
    justification_fr="L'article 50(1) vise tout système destiné à interagir directement avec des personnes "
                     "physiques, usagers comme agents. Une fiche dont le nom ou la description parle de chatbot, "
                     "callbot, voicebot, agent conversationnel ou assistant virtuel décrit presque toujours un tel "
                     "système ; or c'est « interaction_public » qui déclenche la vérification de l'information due "
                     "(ia-act-information-manquante). La détection se fait par mots-clés dans « nom », "
                     "« description » et « nom_algorithme », sans tenir compte des accents ni de la casse : un "
                     "faux positif se traite par un silence justifié. Applicable à partir du 2 août 2026.",
    justification_en="Article 50(1) covers every system intended to interact directly with natural persons, users "
                     "and staff alike. A record whose name or description speaks of a chatbot, callbot, voicebot, "
                     "conversational agent or virtual assistant almost always describes such a system; and "
                     "“interaction_public” is what triggers the check of the disclosure owed "
                     "(ia-act-information-manquante). Detection uses keywords in “nom”, “description” and "
                     "“nom_algorithme”, ignoring accents and case: a false positive is handled with a justified "
                     "silence. Applies from 2 August 2026.",
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
    if _true(ctx.get("interaction_public")):
        return
    for champ in _CHAMPS_CHATBOT:
        text = ctx.get(champ)
        word = chatbot_word(text) if isinstance(text, str) else None
        if word:
            yield _at(ctx, ("interaction_public", champ), {"champ": champ, "mot": word})
            return


# ---------------------------------------------------------------- art. 6 and Annex III: high risk


@rule(
    code="ia-act-annexe-iii-sans-risque-eleve", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 6(2) à 6(4), annexe III",
    titre_fr="Domaine de l'annexe III sans niveau de risque élevé", titre_en="Annex III area without high-risk tier",
    justification_fr="Article 6(2) : les systèmes d'IA utilisés dans un domaine de l'annexe III sont à haut risque. "
                     "Article 6(3) : ils ne le sont pas s'ils ne présentent pas de risque important, parce qu'ils "
                     "n'accomplissent qu'une tâche procédurale étroite, améliorent le résultat d'une activité "
                     "humaine déjà réalisée, détectent des schémas de décision sans remplacer ni influencer "
                     "l'évaluation humaine faite avant, ou n'effectuent qu'une tâche préparatoire ; l'exception ne "
                     "joue jamais quand le système fait du profilage de personnes. Celui qui s'en prévaut documente "
                     "son évaluation (art. 6(4)). Une fiche qui déclare un domaine de l'annexe III sans le niveau "
                     "« eleve » doit donc porter cette justification. " + _CALENDRIER_III_FR,
    justification_en="Article 6(2): AI systems used in an Annex III area are high-risk. Article 6(3): they are not "
                     "if they pose no significant risk, because they only perform a narrow procedural task, improve "
                     "the result of a previously completed human activity, detect decision-making patterns without "
                     "replacing or influencing the prior human assessment, or only perform a preparatory task; the "
                     "exception never applies when the system profiles people. Whoever relies on it documents the "
                     "assessment (art. 6(4)). A record declaring an Annex III area without the “eleve” tier must "
                     "therefore carry that justification. " + _CALENDRIER_III_EN,
    message_fr="Le système relève de l'annexe III — {domaines} — mais son niveau de risque est {niveau} : un "
               "système de l'annexe III est à haut risque, sauf exception de l'article 6(3) à justifier.",
    message_en="The system falls under Annex III — {domaines} — but its risk tier is {niveau}: an Annex III system "
               "is high-risk, unless the article 6(3) exception applies and is justified.",
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
    if not domains:
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
    yield _at(ctx, ("niveau_risque_ia", "domaines_annexe_iii"),
                  {"domaines": _domain_labels(domains), "niveau": niveau})


@rule(
    code="ia-act-risque-eleve-sans-domaine", famille="ia_act", severite=Severity.INFO, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 6, annexe III",
    titre_fr="Haut risque sans domaine de l'annexe III", titre_en="High risk without an Annex III area",
    justification_fr="Un système est à haut risque soit parce qu'il est le composant de sécurité d'un produit couvert "
                     "par la législation de l'annexe I (art. 6(1)), soit parce qu'il est utilisé dans un domaine "
                     "de l'annexe III (art. 6(2)) ; pour une collectivité, c'est presque toujours l'annexe III. Le "
                     "domaine fixe les obligations du déployeur : l'analyse d'impact sur les droits fondamentaux "
                     "(art. 27) et l'enregistrement dans la base de l'UE (art. 49(3)) ne visent pas les "
                     "infrastructures critiques (point 2), et l'utilisation d'un système de police ou de migration "
                     "(points 6 et 7) s'enregistre dans une section non publique (art. 49(4)).",
    justification_en="A system is high-risk either because it is the safety component of a product covered by "
                     "Annex I legislation (art. 6(1)), or because it is used in an Annex III area (art. 6(2)); for "
                     "a local authority it is almost always Annex III. The area sets the deployer's duties: the "
                     "fundamental rights impact assessment (art. 27) and registration in the EU database "
                     "(art. 49(3)) do not cover critical infrastructure (point 2), and the use of a law-enforcement "
                     "or migration system (points 6 and 7) is registered in a non-public section (art. 49(4)).",
    message_fr="Le système est classé à haut risque (« niveau_risque_ia: eleve ») sans domaine de l'annexe III "
               "(« domaines_annexe_iii ») : la fiche ne dit pas ce qui le rend à haut risque.",
    message_en="The system is classified high-risk (“niveau_risque_ia: eleve”) without an Annex III area "
               "(“domaines_annexe_iii”): the record does not say what makes it high-risk.",
    aide_fr="Ajoutez à « domaines_annexe_iii » le ou les domaines concernés (prestations_publiques, emploi, "
            "education, infrastructures_critiques…). Si le haut risque vient de l'article 6(1) (composant de "
            "sécurité d'un produit de l'annexe I), dites-le par un silence justifié.",
    aide_en="Add to “domaines_annexe_iii” the area or areas concerned (prestations_publiques, emploi, education, "
            "infrastructures_critiques…). If the high risk comes from article 6(1) (safety component of an Annex I "
            "product), say so with a justified silence.",
)
def risque_eleve_sans_domaine(ctx: RecordContext) -> Iterable[Finding]:
    if _risk(ctx) == "eleve" and not _domains(ctx):
        yield _at(ctx, ("domaines_annexe_iii", "niveau_risque_ia"))


def _personal_data(ctx: RecordContext) -> dict[str, str] | None:
    """Why personal data may be processed, or None when every data entry says it is not personal."""
    entries = _entries(ctx.get("donnees"))
    for i, entry in entries:
        if _true(entry.get("personnelles")):
            return {"fr": f"des données personnelles sont traitées (« donnees[{i}].personnelles: true »)",
                    "en": f"personal data are processed (“donnees[{i}].personnelles: true”)"}
    if not entries:
        return {"fr": "la fiche ne décrit pas les données traitées (« donnees »)",
                "en": "the record does not describe the data processed (“donnees”)"}
    if not all(_false(entry.get("personnelles")) for _, entry in entries):
        return {"fr": "la fiche ne dit pas si les données traitées sont personnelles (« personnelles »)",
                "en": "the record does not say whether the data processed are personal (“personnelles”)"}
    return None


@rule(
    code="ia-act-eleve-sans-aipd", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference="RGPD, art. 35 ; règlement (UE) 2024/1689, art. 26(9)",
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
                     "toutes les entrées portent « personnelles: false ».",
    justification_en="GDPR, art. 35: a DPIA precedes any processing likely to result in a high risk to people's "
                     "rights and freedoms, in particular the systematic evaluation of personal aspects based on "
                     "automated processing on which decisions are based (art. 35(3)(a)); innovative use of "
                     "technology and the evaluation of people are among the EDPB criteria the CNIL applies. The "
                     "deployer of a high-risk AI system uses the provider's information to carry it out (AI Act, "
                     "art. 26(9)). This GDPR duty applies today, whatever the AI Act's timetable. The rule fires "
                     "when a “donnees” entry is declared personal, or when the record cannot rule it out (no data "
                     "described, or an entry without “personnelles”); it keeps silent when every entry says "
                     "“personnelles: false”.",
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
    if _risk(ctx) != "eleve" or "aipd" in _assessment_types(ctx):
        return
    raison = _personal_data(ctx)
    if raison is not None:
        yield _at(ctx, ("analyses_impact", "niveau_risque_ia"), {"raison": raison})


#: Annex III areas whose high-risk systems need no fundamental rights impact assessment (art. 27(1)).
_SANS_AIDF = {"infrastructures_critiques"}


@rule(
    code="ia-act-eleve-sans-aidf", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 27",
    titre_fr="Haut risque sans analyse d'impact sur les droits fondamentaux (AIDF)",
    titre_en="High risk without a fundamental rights impact assessment (FRIA)",
    justification_fr="Article 27 : avant de déployer un système à haut risque de l'annexe III, les déployeurs qui "
                     "sont des organismes de droit public — les collectivités — ou des entités privées fournissant "
                     "des services publics évaluent son impact sur les droits fondamentaux : processus concernés, "
                     "durée et fréquence d'utilisation, catégories de personnes touchées, risques spécifiques, "
                     "mesures de contrôle humain, mesures si les risques se matérialisent et mécanismes de plainte. "
                     "Les résultats sont notifiés à l'autorité de surveillance du marché ; l'AIDF complète l'AIPD "
                     "(art. 27(4)). Les systèmes des infrastructures critiques (annexe III, point 2) en sont "
                     "exclus : la règle se tait quand c'est le seul domaine déclaré. " + _CALENDRIER_III_FR,
    justification_en="Article 27: before deploying an Annex III high-risk system, deployers that are bodies governed "
                     "by public law — local authorities — or private entities providing public services assess its "
                     "impact on fundamental rights: processes concerned, period and frequency of use, categories of "
                     "people affected, specific risks, human oversight measures, measures if risks materialise and "
                     "complaint mechanisms. The results are notified to the market surveillance authority; the "
                     "FRIA complements the DPIA (art. 27(4)). Critical infrastructure systems (Annex III, point 2) "
                     "are excluded: the rule keeps silent when it is the only area declared. " + _CALENDRIER_III_EN,
    message_fr="Système à haut risque sans analyse d'impact sur les droits fondamentaux (AIDF) dans "
               "« analyses_impact » : un déployeur public la réalise avant la première utilisation (art. 27).",
    message_en="High-risk system without a fundamental rights impact assessment (FRIA) in “analyses_impact”: a "
               "public deployer carries it out before first use (art. 27).",
    aide_fr="Réalisez l'AIDF (processus, durée et fréquence d'utilisation, personnes touchées, risques, contrôle "
            "humain, mesures et plaintes), notifiez-en les résultats à l'autorité de surveillance du marché, puis "
            "ajoutez à « analyses_impact » une entrée « type: aidf » avec sa date.",
    aide_en="Carry out the FRIA (processes, period and frequency of use, people affected, risks, human oversight, "
            "measures and complaints), notify its results to the market surveillance authority, then add to "
            "“analyses_impact” an entry “type: aidf” with its date.",
)
def eleve_sans_aidf(ctx: RecordContext) -> Iterable[Finding]:
    if _risk(ctx) != "eleve" or "aidf" in _assessment_types(ctx):
        return
    domains = set(_domains(ctx))
    if domains and domains <= _SANS_AIDF:
        return
    yield _at(ctx, ("analyses_impact", "niveau_risque_ia"))


#: Annex III areas whose use is not registered in the public EU database: critical infrastructure is
#: registered nationally (art. 49(5)); law enforcement and migration in a non-public section (art. 49(4)).
_HORS_BASE_PUBLIQUE = {"infrastructures_critiques", "police", "migration"}


@rule(
    code="ia-act-eleve-sans-base-ue", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 49(3), annexe VIII section C",
    titre_fr="Haut risque sans enregistrement dans la base de l'UE", titre_en="High risk without an EU database entry",
    justification_fr="Article 49(3) : avant de mettre en service ou d'utiliser un système à haut risque de l'annexe "
                     "III, un déployeur qui est une autorité publique s'enregistre, sélectionne le système et "
                     "enregistre son utilisation dans la base de données de l'UE (annexe VIII, section C : "
                     "identité et coordonnées du déployeur, personne qui soumet, lien vers l'entrée du "
                     "fournisseur, résumés de l'AIDF et de l'AIPD). Exceptions : les infrastructures critiques "
                     "(point 2) s'enregistrent au niveau national (art. 49(5)) ; la police et la migration "
                     "(points 6 et 7) dans une section sécurisée non publique (art. 49(4)) — la règle se tait "
                     "quand seuls ces domaines sont déclarés (la biométrie aussi, quand elle accompagne l'un "
                     "d'eux). " + _CALENDRIER_III_FR,
    justification_en="Article 49(3): before putting into service or using an Annex III high-risk system, a deployer "
                     "that is a public authority registers itself, selects the system and registers its use in the "
                     "EU database (Annex VIII, section C: identity and contact details of the deployer, person "
                     "submitting, link to the provider's entry, summaries of the FRIA and the DPIA). Exceptions: "
                     "critical infrastructure (point 2) is registered at national level (art. 49(5)); law "
                     "enforcement and migration (points 6 and 7) in a secure non-public section (art. 49(4)) — the "
                     "rule keeps silent when only these areas are declared (biometrics too, when it comes with one "
                     "of them). " + _CALENDRIER_III_EN,
    message_fr="Système à haut risque sans lien vers son enregistrement dans la base de données de l'UE "
               "(« url_base_ue ») : une autorité publique enregistre son utilisation avant la mise en service "
               "(art. 49(3)).",
    message_en="High-risk system without a link to its entry in the EU database (“url_base_ue”): a public "
               "authority registers its use before putting it into service (art. 49(3)).",
    aide_fr="Enregistrez la collectivité et l'utilisation du système dans la base de données de l'UE (annexe VIII, "
            "section C), puis indiquez le lien de l'entrée dans « url_base_ue ».",
    aide_en="Register the authority and the use of the system in the EU database (Annex VIII, section C), then "
            "give the link to the entry in “url_base_ue”.",
)
def eleve_sans_base_ue(ctx: RecordContext) -> Iterable[Finding]:
    if _risk(ctx) != "eleve" or not _blank(ctx.get("url_base_ue")):
        return
    domains = set(_domains(ctx))
    if domains & {"police", "migration"}:
        domains.discard("biometrie")  # biometrics for law enforcement or migration: non-public section
    if domains and domains <= _HORS_BASE_PUBLIQUE:
        return
    yield _at(ctx, ("url_base_ue", "niveau_risque_ia"))


# ---------------------------------------------------------------- art. 5: prohibited practices

_EN_SERVICE = ("en_experimentation", "en_deploiement")


@rule(
    code="ia-act-inacceptable-en-service", famille="ia_act", severite=Severity.ERROR, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 5",
    titre_fr="Pratique interdite en service", titre_en="Prohibited practice in service",
    justification_fr="Article 5 du règlement sur l'IA : sont interdites la mise sur le marché, la mise en service et "
                     "l'utilisation de certains systèmes — notation sociale, exploitation des vulnérabilités, "
                     "techniques subliminales ou manipulatrices, reconnaissance des émotions sur le lieu de travail "
                     "et dans l'enseignement, catégorisation biométrique fondée sur des données sensibles, "
                     "constitution de bases de reconnaissance faciale par moissonnage, identification biométrique "
                     "à distance en temps réel dans l'espace public à des fins répressives hors exceptions "
                     "strictes. Ces interdictions s'appliquent depuis le 2 février 2025, y compris aux systèmes "
                     "déjà en service ; une expérimentation en conditions réelles est une utilisation.",
    justification_en="Article 5 of the AI Act: placing on the market, putting into service and using certain "
                     "systems is prohibited — social scoring, exploiting vulnerabilities, subliminal or manipulative "
                     "techniques, emotion recognition in the workplace and in education, biometric categorisation "
                     "based on sensitive data, building facial recognition databases by scraping, real-time remote "
                     "biometric identification in public spaces for law enforcement outside strict exceptions. "
                     "These prohibitions apply since 2 February 2025, including to systems already in service; a "
                     "real-world pilot is a use.",
    message_fr="Système classé à risque inacceptable (pratique interdite, art. 5) alors que le projet a le statut "
               "« {statut} » : une pratique interdite ne peut être ni mise en service ni utilisée depuis le "
               "2 février 2025.",
    message_en="System classified as unacceptable risk (prohibited practice, art. 5) while the project's status is "
               "“{statut}”: a prohibited practice may be neither put into service nor used since 2 February 2025.",
    aide_fr="Arrêtez le système et passez « statut » à abandonne (avec « date_fin » et « motif_abandon »). Si le "
            "classement est une erreur, corrigez « niveau_risque_ia » après analyse avec le délégué à la protection "
            "des données ou le service juridique.",
    aide_en="Stop the system and set “statut” to abandonne (with “date_fin” and “motif_abandon”). If the "
            "classification is a mistake, correct “niveau_risque_ia” after review with the data protection officer "
            "or the legal department.",
)
def inacceptable_en_service(ctx: RecordContext) -> Iterable[Finding]:
    statut = _code(STATUTS, ctx.get("statut"))
    if _risk(ctx) == "inacceptable" and statut in _EN_SERVICE:
        yield Finding(("statut",), {"statut": _label(STATUTS, statut)})


# ---------------------------------------------------------------- classification itself


def _rules_only(ctx: RecordContext) -> bool:
    """Declared as explicit rules only: in principle not an AI system (art. 3(1))."""
    types = set(_codes(TYPES_ALGORITHME, ctx.get("type_algorithme")))
    return types == {"regles"}


@rule(
    code="ia-act-risque-non-evalue", famille="ia_act", severite=Severity.WARNING, portee="cas_usage",
    reference="Règlement (UE) 2024/1689, art. 5, 6 et 50",
    titre_fr="Système en service sans niveau de risque", titre_en="System in service without a risk tier",
    justification_fr="Le règlement sur l'IA attache les obligations au niveau de risque : interdiction (art. 5, "
                     "depuis le 2 février 2025), haut risque (art. 6 et annexe III), transparence (art. 50, à "
                     "partir du 2 août 2026), minimal. Un système en service sans classement ne peut pas être mis "
                     "en conformité, et c'est aussi ce que publient les registres européens (catégorie de "
                     "publication du registre néerlandais). La règle se tait pour un traitement déclaré comme "
                     "reposant uniquement sur des règles explicites (« type_algorithme: [regles] ») : un système "
                     "qui n'applique que des règles définies par des personnes n'est en principe pas un système "
                     "d'IA au sens de l'article 3(1) (lignes directrices de la Commission, février 2025 — à "
                     "vérifier au cas par cas).",
    justification_en="The AI Act ties duties to the risk tier: prohibition (art. 5, since 2 February 2025), high "
                     "risk (art. 6 and Annex III), transparency (art. 50, from 2 August 2026), minimal. A system in "
                     "service without a tier cannot be brought into compliance, and the tier is also what European "
                     "registers publish (publication category of the Dutch register). The rule keeps silent for a "
                     "processing declared as explicit rules only (“type_algorithme: [regles]”): a system that only "
                     "applies rules defined by people is in principle not an AI system within article 3(1) "
                     "(Commission guidelines, February 2025 — to be checked case by case).",
    message_fr="Le système est en service mais son niveau de risque au sens du règlement sur l'IA est {niveau} : on "
               "ne sait pas quelles obligations s'appliquent.",
    message_en="The system is in service but its risk tier under the AI Act is {niveau}: nobody can tell which "
               "duties apply.",
    aide_fr="Classez le système dans « niveau_risque_ia » : inacceptable (art. 5), eleve (annexe III), limite "
            "(transparence de l'art. 50 : agent conversationnel, contenu généré) ou minimal.",
    aide_en="Classify the system in “niveau_risque_ia”: inacceptable (art. 5), eleve (Annex III), limite "
            "(art. 50 transparency: chatbot, generated content) or minimal.",
)
def risque_non_evalue(ctx: RecordContext) -> Iterable[Finding]:
    if _code(STATUTS, ctx.get("statut")) != "en_deploiement" or _rules_only(ctx):
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
    annexe_iii_sans_risque_eleve,
    risque_eleve_sans_domaine,
    eleve_sans_aipd,
    eleve_sans_aidf,
    eleve_sans_base_ue,
    inacceptable_en_service,
    risque_non_evalue,
)
