"""The AI Act rules: each fires on a variant of a good record, at a sensible line, announces a duty that
does not apply yet with its date (from iaterr.model.droit), depends on the project's status, and keeps
silent where the regulation does not ask for anything — for a system declared not to be AI above all."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.rules import RULES
from iaterr.lint.rules.ia_act import agent_word, chatbot_word, discloses_ai
from lint_fixtures import (
    GOOD_DECISION,
    GOOD_HIGH_RISK,
    GOOD_SIMPLE,
    assert_family_declared,
    assert_fires,
    assert_silence_hides,
    codes,
    edit_text,
    lint,
    lint_json,
    variant,
)
from lint_fixtures import one as only
from lint_fixtures import record_line as line_of

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def ia_act_codes(report) -> set[str]:
    return {c for c in codes(report) if c.startswith("ia-act-")}


HIGH_SIMPLE = variant(GOOD_SIMPLE, niveau_risque_ia="eleve", domaines_annexe_iii=["emploi"])
CHATBOT = variant(GOOD_SIMPLE, identifiant="assistant-eau", nom="Assistant de l'eau", interaction_public=True,
                  systeme_ia=True, publics=["grand_public"],
                  information_ia="L'agent conversationnel se présente dès le premier message comme un assistant "
                                 "automatique.")
CHATBOT_DESCRIPTION = ("Un callbot répond jour et nuit aux appels des usagers qui signalent une fuite d'eau sur la "
                       "voie publique, et transmet le signalement au service.")
AIPD, AIDF = GOOD_HIGH_RISK["analyses_impact"]

# code, record, severity, start of the expected line, words in the French message, words in the English message
FIRING = [
    ("ia-act-information-manquante", variant(CHATBOT, drop=("information_ia",)), E,
     "interaction_public:", "information_ia", "article 50(1)"),
    ("ia-act-chatbot-sans-interaction", variant(GOOD_SIMPLE, description=CHATBOT_DESCRIPTION), W,
     "interaction_public:", "« callbot »", "“description”"),
    ("ia-act-contenu-genere-non-signale", variant(GOOD_SIMPLE, contenu_genere_publie=True), E,
     "contenu_genere_publie:", "signalement_contenu_genere", "applies since 2 August 2026"),
    ("ia-act-formation-manquante", variant(GOOD_SIMPLE, drop=("formation_ia",)), W,
     "type_algorithme:", "« type_algorithme » : Apprentissage automatique", "applies since 2 February 2025"),
    ("ia-act-systeme-ia-contradictoire", variant(GOOD_SIMPLE, systeme_ia=False), W,
     "systeme_ia:", "(Apprentissage automatique)", "learns or generates"),
    ("ia-act-annexe-iii-sans-risque-eleve", variant(GOOD_HIGH_RISK, niveau_risque_ia="limite"), W,
     "niveau_risque_ia:", "« 5(a). Éligibilité aux prestations", "Limited risk"),
    ("ia-act-risque-eleve-sans-domaine", variant(GOOD_HIGH_RISK, drop=("domaines_annexe_iii",)), INFO,
     "niveau_risque_ia:", "domaines_annexe_iii", "what makes it high-risk"),
    ("ia-act-eleve-sans-aipd",
     variant(GOOD_HIGH_RISK, analyses_impact=[AIDF], criteres_aipd=[], publics=["grand_public"]), W,
     "analyses_impact:", "donnees[0].personnelles: true", "personal data are processed"),
    ("ia-act-eleve-sans-aidf", variant(GOOD_HIGH_RISK, analyses_impact=[AIPD]), W,
     "analyses_impact:", "AIDF", "will apply from 2 December 2027"),
    ("ia-act-eleve-sans-base-ue", variant(GOOD_HIGH_RISK, drop=("url_base_ue",)), W,
     "niveau_risque_ia:", "url_base_ue", "art. 26(8) and 49(3)"),
    ("ia-act-supervision-humaine-manquante", variant(GOOD_HIGH_RISK, drop=("supervision_humaine",)), W,
     "niveau_risque_ia:", "supervision_humaine", "art. 26(2)"),
    ("ia-act-conservation-journaux", variant(GOOD_HIGH_RISK, conservation_journaux_mois=3), W,
     "conservation_journaux_mois:", "que 3 mois", "only 3 months"),
    ("ia-act-information-travailleurs-manquante", variant(GOOD_HIGH_RISK, drop=("information_travailleurs",)), W,
     "niveau_risque_ia:", "« publics: agents »", "art. 26(7)"),
    ("ia-act-inacceptable-en-service", variant(GOOD_SIMPLE, niveau_risque_ia="inacceptable"), E,
     "statut:", "« En déploiement »", "2 February 2025"),
    ("ia-act-risque-non-evalue", variant(GOOD_SIMPLE, niveau_risque_ia="non_evalue"), W,
     "niveau_risque_ia:", "« non_evalue »", "risk tier"),
]


@pytest.mark.parametrize("code, record, severity, where, fr, en", FIRING, ids=[case[0] for case in FIRING])
def test_rule_fires(tmp_path, code, record, severity, where, fr, en):
    root = tmp_path / "depot"
    assert_fires(root, lint(root, [record]), code, record, severity, (where,), fr, en)


@pytest.mark.parametrize("code, record", [(case[0], case[1]) for case in FIRING], ids=[case[0] for case in FIRING])
def test_justified_silence_hides_the_rule(tmp_path, code, record):
    assert_silence_hides(tmp_path / "depot", code, record)


def test_rules_are_declared_with_both_languages():
    assert_family_declared("ia_act", {case[0] for case in FIRING})


@pytest.mark.parametrize("record", [GOOD_DECISION, GOOD_HIGH_RISK, GOOD_SIMPLE, CHATBOT],
                         ids=["decision", "high-risk", "simple", "chatbot"])
def test_good_records_are_silent(tmp_path, record):
    assert not ia_act_codes(lint(tmp_path / "depot", [record]))


def test_references_come_from_the_table_of_the_law():
    assert RULES["ia-act-information-manquante"].reference == "Règlement (UE) 2024/1689, art. 50(1)"
    assert RULES["ia-act-contenu-genere-non-signale"].reference == "Règlement (UE) 2024/1689, art. 50(4)"
    assert RULES["ia-act-formation-manquante"].reference == "Règlement (UE) 2024/1689, art. 4"
    assert RULES["ia-act-eleve-sans-aidf"].reference == "Règlement (UE) 2024/1689, art. 27"
    assert RULES["ia-act-eleve-sans-base-ue"].reference.startswith("Règlement (UE) 2024/1689, art. 26(8) ; ")
    assert RULES["ia-act-conservation-journaux"].reference == "Règlement (UE) 2024/1689, art. 26(6)"
    for r in RULES.values():
        if r.famille == "ia_act":
            text = r.justification_fr + r.justification_en + r.message_fr + r.message_en
            assert "seraient reportées" not in text and "décembre 2027 au plus tard" not in text
            assert "postponed" not in text and "à vérifier" not in text


# ---------------------------------------------------------------- timing and status


def test_annex_iii_duty_announced_with_its_dates_while_not_applicable(tmp_path):
    d = only(lint(tmp_path / "depot", [variant(GOOD_HIGH_RISK, analyses_impact=[AIPD])]), "ia-act-eleve-sans-aidf")
    fr = d.message("fr")
    assert "s'appliquera à partir du 2 décembre 2027" in fr
    assert "déjà en service avant cette date, au plus tard le 2 août 2030" in fr and "art. 111(2)" in fr
    assert d.severity == W


@pytest.mark.parametrize("statut", ["en_reflexion", "en_construction"])
def test_a_project_is_told_to_plan_the_duty_before_going_live(tmp_path, statut):
    record = variant(GOOD_HIGH_RISK, statut=statut, drop=("url_base_ue",))
    d = only(lint(tmp_path / "depot", [record]), "ia-act-eleve-sans-base-ue")
    assert "à prévoir avant la mise en service ; l'obligation s'appliquera à partir du 2 décembre 2027" in (
        d.message("fr"))
    assert "to be arranged before going live" in d.message("en")
    assert "2 août 2030" not in d.message("fr")


@pytest.mark.parametrize("statut", ["termine", "abandonne"])
def test_completed_or_abandoned_projects_are_left_alone(tmp_path, statut):
    record = variant(GOOD_HIGH_RISK, statut=statut, date_fin="2026-06", motif_abandon="Résultats insuffisants.",
                     drop=("url_base_ue", "supervision_humaine", "information_travailleurs", "formation_ia",
                           "conservation_journaux_mois"), analyses_impact=[], interaction_public=True,
                     contenu_genere_publie=True)
    assert not ia_act_codes(lint(tmp_path / "depot", [record]))


def test_a_system_in_service_once_annex_iii_applies_still_has_until_2030(tmp_path):
    """On 1 March 2028 the Annex III duties apply; a system in service since 2026 has until 2 August 2030
    (art. 111(2)): too short a log retention is a warning; once that deadline passed, an error."""
    record = variant(GOOD_HIGH_RISK, conservation_journaux_mois=3)
    d = only(lint(tmp_path / "a", [record], today=date(2028, 3, 1)), "ia-act-conservation-journaux")
    assert d.severity == W
    assert "applicable depuis le 2 décembre 2027" in d.message("fr") and "2 août 2030" in d.message("fr")
    d = only(lint(tmp_path / "b", [record], today=date(2030, 9, 1)), "ia-act-conservation-journaux")
    assert d.severity == E and "2 août 2030" not in d.message("fr")
    started_later = variant(record, date_debut="2028-01")
    assert only(lint(tmp_path / "c", [started_later], today=date(2028, 3, 1)),
                "ia-act-conservation-journaux").severity == E


@pytest.mark.parametrize("statut, late", [("en_experimentation", True), ("en_deploiement", True),
                                          ("en_construction", False)])
def test_a_pilot_is_in_service_for_the_2030_deadline(tmp_path, statut, late):
    """Item 10 of the review: a pilot is a use. Lint reads « in service » with the qualification's in_service():
    a pilot, like a deployed system, gets the art. 111(2) deadline; a project being built does not."""
    from iaterr.model.qualification import in_service

    assert in_service(statut) is late
    record = variant(GOOD_HIGH_RISK, statut=statut, drop=("url_base_ue",))
    d = only(lint(tmp_path / "depot", [record]), "ia-act-eleve-sans-base-ue")
    assert ("au plus tard le 2 août 2030" in d.message("fr")) is late
    assert ("by 2 August 2030 at the latest" in d.message("en")) is late


def test_prohibited_practices_name_predictive_policing(cli):
    """Item 19 of the review: art. 5(1)(d), predicting criminal offences from profiling alone."""
    r = RULES["ia-act-inacceptable-en-service"]
    assert "art. 5(1)(d)" in r.justification_fr and "infraction pénale" in r.justification_fr
    assert "art. 5(1)(d)" in r.justification_en and "criminal offence" in r.justification_en
    shown = cli("rules", "ia-act-inacceptable-en-service")
    assert shown.exit_code == 0 and "5(1)(d)" in shown.stdout


def test_log_retention_not_given_is_a_warning_even_when_it_applies(tmp_path):
    record = variant(GOOD_HIGH_RISK, drop=("conservation_journaux_mois",))
    d = only(lint(tmp_path / "depot", [record], today=date(2031, 1, 1)), "ia-act-conservation-journaux")
    assert d.severity == W and "n'est pas renseignée" in d.message("fr")


def test_six_months_of_logs_is_enough(tmp_path):
    record = variant(GOOD_HIGH_RISK, conservation_journaux_mois=6)
    assert "ia-act-conservation-journaux" not in codes(lint(tmp_path / "depot", [record], today=date(2031, 1, 1)))


def test_transparency_duty_before_and_after_2_august_2026(tmp_path):
    record = variant(CHATBOT, drop=("information_ia",))
    before = only(lint(tmp_path / "a", [record], today=date(2026, 5, 1)), "ia-act-information-manquante")
    assert before.severity == W and "s'appliquera à partir du 2 août 2026" in before.message("fr")
    after = only(lint(tmp_path / "b", [record]), "ia-act-information-manquante")
    assert after.severity == E and "applicable depuis le 2 août 2026" in after.message("fr")
    project = only(lint(tmp_path / "c", [variant(record, statut="en_construction")]), "ia-act-information-manquante")
    assert project.severity == W and "à prévoir avant la mise en service" in project.message("fr")


def test_literacy_only_for_ai_in_pilot_or_service(tmp_path):
    for i, statut in enumerate(["en_reflexion", "termine"]):
        record = variant(GOOD_SIMPLE, drop=("formation_ia",), statut=statut, date_fin="2026-01")
        assert "ia-act-formation-manquante" not in codes(lint(tmp_path / str(i), [record]))
    declared = variant(GOOD_SIMPLE, drop=("formation_ia",), type_algorithme=["optimisation"], systeme_ia=True,
                       statut="en_experimentation")
    d = only(lint(tmp_path / "d", [declared]), "ia-act-formation-manquante")
    assert "« systeme_ia: true »" in d.message("fr")
    rules_only = variant(GOOD_SIMPLE, drop=("formation_ia",), type_algorithme=["regles"])
    assert "ia-act-formation-manquante" not in codes(lint(tmp_path / "r", [rules_only]))


# ---------------------------------------------------------------- not an AI system (art. 3(1))


def test_not_an_ai_system_silences_the_ai_act(tmp_path):
    record = variant(GOOD_HIGH_RISK, systeme_ia=False, type_algorithme=["regles"], niveau_risque_ia="minimal",
                     interaction_public=True, contenu_genere_publie=True, analyses_impact=[],
                     drop=("url_base_ue", "supervision_humaine", "information_travailleurs", "formation_ia",
                           "conservation_journaux_mois"))
    assert not ia_act_codes(lint(tmp_path / "depot", [record]))


@pytest.mark.parametrize("changes, fr", [
    ({"niveau_risque_ia": "eleve", "type_algorithme": ["regles"]}, "« Risque élevé (art. 6 et annexe III) »"),
    ({"niveau_risque_ia": "limite", "type_algorithme": ["regles"]}, "Risque limité"),
    ({"type_algorithme": ["regles", "ia_generative"]}, "IA générative"),
    ({"niveau_risque_ia": "eleve", "type_algorithme": ["vision_ordinateur"]}, "» et déclare"),
])
def test_not_ai_contradicted(tmp_path, changes, fr):
    record = variant(GOOD_DECISION, **changes)
    d = only(lint(tmp_path / "depot", [record]), "ia-act-systeme-ia-contradictoire")
    assert fr in d.message("fr")
    assert ia_act_codes(lint(tmp_path / "b", [record])) == {"ia-act-systeme-ia-contradictoire"}


@pytest.mark.parametrize("changes", [{"niveau_risque_ia": "minimal"}, {"niveau_risque_ia": "non_evalue"},
                                     {"type_algorithme": ["regles", "optimisation"]}, {"systeme_ia": True}])
def test_not_ai_consistent(tmp_path, changes):
    assert "ia-act-systeme-ia-contradictoire" not in codes(lint(tmp_path / "depot", [variant(GOOD_DECISION,
                                                                                             **changes)]))


# ---------------------------------------------------------------- art. 50


def test_disclosure_only_when_the_system_talks_with_people(tmp_path):
    record = variant(CHATBOT, drop=("information_ia",), interaction_public=False)
    assert "ia-act-information-manquante" not in codes(lint(tmp_path / "depot", [record]))


def test_a_gdpr_sentence_is_not_an_ai_disclosure(tmp_path):
    root = tmp_path / "depot"
    record = variant(CHATBOT, information_ia="Vos données sont traitées conformément au RGPD.")
    d = only(lint(root, [record]), "ia-act-information-manquante")
    assert d.line == line_of(root, record, "information_ia:")
    assert "ne leur dit pas qu'elles échangent avec une IA" in d.message("fr")
    assert "does not tell them they are dealing with an AI" in d.message("en")


@pytest.mark.parametrize("text", [
    "Le robot se présente.", "Vous échangez avec une IA.", "l'IA vous répond", "vous échangez avec un programme",
    "Vous êtes en relation avec un agent conversationnel.", "Il s'agit d'un agent conversationnel.",
    "Bonjour, je suis Clara, l'assistante virtuelle de la mairie.", "Un système automatisé répond",
    "Les réponses sont générées par une intelligence artificielle.", "Votre appel est pris en charge par un callbot.",
    "Les usagers sont informés qu'ils parlent à un robot.", "Une mention IA s'affiche à côté de la fenêtre.",
    "Chaque conversation commence par : « Je suis un agent conversationnel ».", "L'assistant annonce qu'il est une IA.",
    "Le callbot se présente comme un assistant automatique dès le début de l'appel.", "Le Chat-bot se présente.",
    "Le callbot prévient l'usager qu'il parle à une machine.", "L'I.A. municipale vous répond.",
    "You are talking to an AI.", "This is an AI assistant.", "The chatbot introduces itself as a virtual assistant.",
    "Answers are generated by artificial intelligence.", "You are chatting with an automated assistant.",
])
def test_disclosure_tells_the_person_they_deal_with_an_ai(text):
    assert discloses_ai(text)


@pytest.mark.parametrize("text", [
    # about data or the GDPR only (the reviewer's sentence, the real Aix-Marseille text)
    "Vos données font l'objet d'un traitement automatisé conforme au RGPD.",
    "Les usagers sont informés de l'utilisation de leurs données et ont le choix de participer ou non à "
    "l'expérimentation du callbot.", "Vos données sont traitées conformément au RGPD.",
    "Vos données sont traitées par un logiciel.",
    # « automatique », « automatisé », « algorithme » alone
    "Réponse automatique", "Message généré automatiquement", "calculé par un algorithme",
    "Les demandes sont traitées de manière automatisée.", "Un algorithme automatique classe les appels.",
    # a word alone, not said to be the person's interlocutor
    "callbot", "Chat-bot de la ville", "Assistant virtuel", "une intelligence artificielle", "I.A. municipale",
    "Le chatbot indique les horaires d'ouverture.",
    # nothing of the kind
    "Le service est ouvert jour et nuit.", "j'ai été informé", "Via le portail",
    "Informations légales en bas de page", "mairie@ville.fr",
])
def test_not_a_disclosure(text):
    assert discloses_ai(text) is None


def test_a_data_sentence_is_reported_with_what_it_says(tmp_path):
    """The reviewer's sentence: about automated processing and the GDPR, it tells nobody they talk to an AI."""
    root = tmp_path / "depot"
    text = "Vos données font l'objet d'un traitement automatisé conforme au RGPD."
    d = only(lint(root, [variant(CHATBOT, information_ia=text)]), "ia-act-information-manquante")
    assert d.severity == E and d.line == line_of(root, CHATBOT, "information_ia:")
    assert f"« {text} »" in d.message("fr") and "« automatique », « algorithme » ou une phrase sur les données" \
        in d.message("fr")
    assert "does not tell them they are dealing with an AI or an automated agent" in d.message("en")


def test_naming_the_system_is_not_telling_the_person(tmp_path):
    d = only(lint(tmp_path / "depot", [variant(CHATBOT, information_ia="Expérimentation du callbot.")]),
             "ia-act-information-manquante")
    assert "le texte nomme « callbot » sans dire que la personne échange avec lui" in d.message("fr")
    assert "the text names “callbot” without saying that the person is dealing with it" in d.message("en")
    assert agent_word("Expérimentation du callbot.") == "callbot"


def test_chatbot_pointed_at_the_word_when_interaction_is_unanswered(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_SIMPLE, drop=("interaction_public",), nom="Assistant virtuel de l'eau")
    d = only(lint(root, [record]), "ia-act-chatbot-sans-interaction")
    assert d.line == line_of(root, record, "nom:")
    assert d.params["champ"] == "nom" and d.params["mot"] == "assistant virtuel"


def test_chatbot_declared_as_interacting_is_silent(tmp_path):
    record = variant(GOOD_SIMPLE, description=CHATBOT_DESCRIPTION, interaction_public=True,
                     information_ia="Le callbot se présente comme un assistant automatique dès le début de l'appel.")
    assert "ia-act-chatbot-sans-interaction" not in codes(lint(tmp_path / "depot", [record]))


@pytest.mark.parametrize("text", [
    "Chatbot d'accueil", "un chat-bot municipal", "les Chat Bots", "CALLBOT", "voicebot de la mairie",
    "Agent conversationnel", "des agents conversationnels", "une IA conversationnelle", "robot conversationnel",
    "Assistante virtuelle", "un assistant vocal", "agent virtuel", "a conversational agent", "virtual assistant",
])
def test_chatbot_words(text):
    assert chatbot_word(text)


@pytest.mark.parametrize("text", [
    "Analyse des conversations enregistrées", "assistance virtuelle aux agents", "agent de la voirie",
    "robotique agricole", "Place du Châtelet", "centre d'appels", "le bot", "via conversation", "robotisation",
    "agents municipaux et élus",
])
def test_not_chatbot_words(text):
    assert chatbot_word(text) is None


def test_generated_text_reviewed_or_disclosed_is_silent(tmp_path):
    record = variant(GOOD_SIMPLE, contenu_genere_publie=True,
                     signalement_contenu_genere="Chaque compte rendu porte la mention « Rédigé avec l'aide d'une IA ».")
    assert "ia-act-contenu-genere-non-signale" not in codes(lint(tmp_path / "depot", [record]))


# ---------------------------------------------------------------- high risk


def test_annex_iii_with_missing_tier_points_at_the_areas(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_HIGH_RISK, drop=("niveau_risque_ia", "url_base_ue", "analyses_impact"))
    report = lint(root, [record])
    d = only(report, "ia-act-annexe-iii-sans-risque-eleve")
    assert d.line == line_of(root, record, "domaines_annexe_iii:")
    assert "non renseigné" in d.message("fr") and "not given" in d.message("en")
    assert not codes(report) & {"ia-act-eleve-sans-aipd", "ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"}


@pytest.mark.parametrize("tier", ["eleve", "inacceptable", "risque élevé"])
def test_annex_iii_silent_when_high_or_worse(tmp_path, tier):
    record = variant(GOOD_HIGH_RISK, niveau_risque_ia=tier, statut="abandonne", date_fin="2026-01",
                     motif_abandon="Pratique interdite par le règlement sur l'IA.")
    assert "ia-act-annexe-iii-sans-risque-eleve" not in codes(lint(tmp_path / "depot", [record]))


def test_no_annex_iii_area_no_warning(tmp_path):
    assert "ia-act-annexe-iii-sans-risque-eleve" not in codes(lint(tmp_path / "depot", [GOOD_SIMPLE]))


@pytest.mark.parametrize("donnees, fires", [
    ([{"nom": "Débits de nuit", "source": "interne", "personnelles": False}], False),
    ([{"nom": "Débits de nuit", "source": "interne", "personnelles": False},
      {"nom": "Fichier des abonnés", "source": "interne", "personnelles": "oui"}], True),
    ([{"nom": "Débits de nuit", "source": "interne"}], True),  # not said: cannot be ruled out
    (None, True),  # no data described
])
def test_dpia_needed_unless_no_personal_data(tmp_path, donnees, fires):
    record = variant(HIGH_SIMPLE, drop=("donnees",) if donnees is None else ())
    if donnees is not None:
        record["donnees"] = donnees
    report = lint(tmp_path / "depot", [record])
    assert ("ia-act-eleve-sans-aipd" in codes(report)) is fires


def test_dpia_reported_once_when_the_gdpr_rule_counts_two_criteria(tmp_path):
    record = variant(GOOD_HIGH_RISK, analyses_impact=[AIDF])
    report = lint(tmp_path / "depot", [record])
    assert "rgpd-aipd-requise" in codes(report) and "ia-act-eleve-sans-aipd" not in codes(report)


def test_dpia_alias_is_recognised(tmp_path):
    record = variant(GOOD_HIGH_RISK, analyses_impact=[{"type": "DPIA", "date": "2024-06"},
                                                      {"type": "FRIA", "date": "2024-07"}])
    assert not codes(lint(tmp_path / "depot", [record])) & {"ia-act-eleve-sans-aipd", "ia-act-eleve-sans-aidf"}


def test_fria_and_registration_only_for_annex_iii(tmp_path):
    """High risk through art. 6(1) (an Annex I product, no Annex III area): neither art. 27 nor art. 49(3)."""
    record = variant(GOOD_HIGH_RISK, drop=("domaines_annexe_iii", "url_base_ue"), analyses_impact=[AIPD])
    assert not codes(lint(tmp_path / "depot", [record])) & {"ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"}


def test_critical_infrastructure_needs_neither_fria_nor_eu_database(tmp_path):
    record = variant(HIGH_SIMPLE, domaines_annexe_iii=["infrastructures_critiques"])
    report = lint(tmp_path / "depot", [record])
    assert not codes(report) & {"ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"}
    mixed = variant(HIGH_SIMPLE, domaines_annexe_iii=["infrastructures_critiques", "emploi"])
    report = lint(tmp_path / "b", [mixed])
    assert {"ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"} <= codes(report)
    assert "Infrastructures" not in only(report, "ia-act-eleve-sans-aidf").message("en")


@pytest.mark.parametrize("domaines, fires", [
    (["police"], False), (["biometrie", "police"], False), (["migration"], False),
    (["biometrie"], True), (["emploi"], True),
])
def test_eu_database_non_public_sections(tmp_path, domaines, fires):
    record = variant(HIGH_SIMPLE, domaines_annexe_iii=domaines)
    assert ("ia-act-eleve-sans-base-ue" in codes(lint(tmp_path / "depot", [record]))) is fires


def test_workers_informed_only_for_workplace_use(tmp_path):
    public_only = variant(GOOD_HIGH_RISK, publics=["grand_public"], drop=("information_travailleurs",))
    assert "ia-act-information-travailleurs-manquante" not in codes(lint(tmp_path / "a", [public_only]))
    about_staff = variant(public_only, destinataires_decisions=["agents"], domaines_annexe_iii=["emploi"])
    d = only(lint(tmp_path / "b", [about_staff]), "ia-act-information-travailleurs-manquante")
    assert "« destinataires_decisions: agents »" in d.message("fr")


def test_not_high_risk_no_high_risk_duties(tmp_path):
    record = variant(GOOD_SIMPLE, drop=("donnees", "supervision_humaine"))
    assert not {c for c in codes(lint(tmp_path / "depot", [record]))
                if c.startswith("ia-act-eleve") or c in ("ia-act-supervision-humaine-manquante",
                                                          "ia-act-conservation-journaux")}


# ---------------------------------------------------------------- art. 5 and classification


@pytest.mark.parametrize("statut, fires", [("en_experimentation", True), ("Déployé", True),
                                           ("en_reflexion", False), ("abandonne", False)])
def test_prohibited_practice_only_in_service(tmp_path, statut, fires):
    record = variant(GOOD_SIMPLE, niveau_risque_ia="inacceptable", statut=statut)
    if statut == "abandonne":
        record.update(date_fin="2025-01", motif_abandon="Pratique interdite par le règlement sur l'IA.")
    assert ("ia-act-inacceptable-en-service" in codes(lint(tmp_path / "depot", [record]))) is fires


def test_missing_tier_in_service(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_SIMPLE, drop=("niveau_risque_ia",))
    d = only(lint(root, [record]), "ia-act-risque-non-evalue")
    assert d.line == line_of(root, record, "statut:")
    assert "non renseigné" in d.message("fr") and "not given" in d.message("en")


@pytest.mark.parametrize("changes", [
    {"statut": "en_experimentation"},  # only systems in service
    {"type_algorithme": ["regles"]},  # explicit rules only: in principle not an AI system
    {"systeme_ia": False, "type_algorithme": ["optimisation"]},  # declared not an AI system
])
def test_missing_tier_silent(tmp_path, changes):
    record = variant(GOOD_SIMPLE, niveau_risque_ia="non_evalue", **changes)
    assert "ia-act-risque-non-evalue" not in codes(lint(tmp_path / "depot", [record]))


def test_odd_types_do_not_crash(tmp_path):
    record = variant(GOOD_HIGH_RISK, niveau_risque_ia=["eleve"], domaines_annexe_iii="emploi",
                     analyses_impact={"type": "aipd"}, donnees=["x"], interaction_public="parfois",
                     description=12, nom=["Chatbot"], systeme_ia="peut-être", conservation_journaux_mois="six",
                     date_debut=["2026"], information_ia=["IA"], contenu_genere_publie="oui")
    report = lint(tmp_path / "depot", [record])
    assert report.errors > 0


# ---------------------------------------------------------------- on the real records of data/


CALLBOT = "data/cas-usage/aix-marseille-provence-callbot-encombrants.yaml"
DELIBIA = "data/cas-usage/metropole-rouen-normandie-ia-generative-delibia.yaml"
FUITES = "data/cas-usage/sicoval-detection-fuites-eau.yaml"


def _callbot_disclosure(cli, root: Path) -> list[dict]:
    return [d for d in lint_json(cli, root) if d["fichier"] == CALLBOT and d["code"] == "ia-act-information-manquante"]


def test_real_callbot_disclosure_is_about_data_not_the_callbot(cli, repo_copy):
    """The Aix-Marseille callbot's « information_ia » says the users are told about the use of their data and
    may take part in « l'expérimentation du callbot »: nobody is told they are talking to a callbot. A pilot
    in use since the art. 50 date: an error, which quotes the text. (A justified silence the data may carry
    for it is taken out of the copy first.) Once the text says the callbot introduces itself, it is silent."""
    text = (repo_copy / CALLBOT).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^# iaterr: ignore\[[^]]*ia-act-information-manquante[^]]*\].*\n", "", text)
    (repo_copy / CALLBOT).write_text(text, encoding="utf-8")
    found = _callbot_disclosure(cli, repo_copy)
    assert len(found) == 1 and found[0]["severite"] == "erreur"
    assert "« Les usagers sont informés de l'utilisation de leurs données" in found[0]["message"]
    assert "le texte nomme « callbot » sans dire que la personne échange avec lui" in found[0]["message"]
    assert "applicable depuis le 2 août 2026" in found[0]["message"]
    text, n = re.subn(r"(?m)^information_ia: >-\n(?:  .*\n)+",
                      "information_ia: Dès le début de l'appel, le callbot se présente comme un assistant "
                      "virtuel.\n", text)
    assert n == 1
    (repo_copy / CALLBOT).write_text(text, encoding="utf-8")
    assert _callbot_disclosure(cli, repo_copy) == []


def test_real_generated_deliberations_must_be_disclosed(cli, repo_copy):
    """Delibia (Rouen) drafts texts with generative AI: declared as published, they must be disclosed."""
    edit_text(repo_copy, DELIBIA, 'version_schema: "1.0"', 'version_schema: "1.1"')
    edit_text(repo_copy, DELIBIA, "interaction_public: false", "interaction_public: false\ncontenu_genere_publie: true")
    found = [d for d in lint_json(cli, repo_copy) if d["fichier"] == DELIBIA]
    assert [d["severite"] for d in found if d["code"] == "ia-act-contenu-genere-non-signale"] == ["erreur"]
    edit_text(repo_copy, DELIBIA, "contenu_genere_publie: true", "contenu_genere_publie: true\n"
          "signalement_contenu_genere: Chaque texte publié est relu par le secrétariat général, qui en répond.")
    assert "ia-act-contenu-genere-non-signale" not in {d["code"] for d in lint_json(cli, repo_copy)}


def test_real_record_declared_not_ai_is_contradicted(cli, repo_copy):
    """Sicoval's leak detection is machine learning: « systeme_ia: false » contradicts it."""
    edit_text(repo_copy, FUITES, 'version_schema: "1.0"', 'version_schema: "1.1"')
    edit_text(repo_copy, FUITES, "interaction_public: false", "interaction_public: false\nsysteme_ia: false")
    found = [d for d in lint_json(cli, repo_copy) if d["fichier"] == FUITES and d["code"].startswith("ia-act-")]
    assert [d["code"] for d in found] == ["ia-act-systeme-ia-contradictoire"]
    assert "Apprentissage automatique" in found[0]["message"]


def test_real_data_keeps_its_silences_used(cli, repo_copy):
    """The silences written in data/ for AI Act rules still hide something (none becomes useless)."""
    found = lint_json(cli, repo_copy)
    assert not [d for d in found if d["code"] in ("silence-inutile", "silence-code-inconnu")]
    assert not [d for d in found if d["severite"] == "erreur"]


def test_real_ai_systems_asked_for_staff_literacy(cli, repo_copy):
    """Sicoval's leak detection (machine learning, in service) says nothing of its staff's AI literacy: in
    format 1.0, which cannot say it, mere information; in format 1.1, a warning until « formation_ia » says it."""
    def literacy() -> list[dict]:
        return [d for d in lint_json(cli, repo_copy) if d["fichier"] == FUITES
                and d["code"] == "ia-act-formation-manquante"]

    found = literacy()
    assert [d["severite"] for d in found] == ["info"] and "iaterr migrate" in found[0]["message"]
    assert "Apprentissage automatique" in found[0]["message"] and "2 février 2025" in found[0]["message"]
    edit_text(repo_copy, FUITES, 'version_schema: "1.0"', 'version_schema: "1.1"')
    assert [d["severite"] for d in literacy()] == ["avertissement"]
    edit_text(repo_copy, FUITES, "interaction_public: false", "interaction_public: false\nformation_ia: Les "
          "techniciens ont été formés à lire le classement des secteurs et à ses limites.")
    assert literacy() == []


def test_the_repository_configuration_wins_over_a_lowered_severity(tmp_path):
    """A duty that does not bind yet is a warning, unless iaterr.yaml sets the rule's severity."""
    record = variant(CHATBOT, drop=("information_ia",), statut="en_construction")
    assert only(lint(tmp_path / "a", [record]), "ia-act-information-manquante").severity == W
    config = "lint:\n  regles:\n    ia-act-information-manquante: erreur\n"
    assert only(lint(tmp_path / "b", [record], config=config), "ia-act-information-manquante").severity == E
