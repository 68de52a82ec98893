"""The AI Act rules: each fires on a variant of a good record, at a sensible line, and keeps
silent where the regulation does not ask for anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.rules import RULES
from iaterr.lint.rules.ia_act import chatbot_word
from lint_fixtures import GOOD_DECISION, GOOD_SIMPLE, assert_family_declared, assert_silence_hides, codes, lint, variant

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def record_file(record: dict) -> str:
    return f"data/cas-usage/{record['identifiant']}.yaml"


def line_of(root: Path, record: dict, start: str) -> int:
    lines = (root / record_file(record)).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.startswith(start):
            return number
    raise AssertionError(f"no line starting with {start!r}")


def only(report, code: str):
    found = [d for d in report.diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.message()) for d in report.diagnostics]
    return found[0]


HIGH_SIMPLE = variant(GOOD_SIMPLE, niveau_risque_ia="eleve", domaines_annexe_iii=["emploi"])
CHATBOT_DESCRIPTION = ("Un callbot répond jour et nuit aux appels des usagers qui signalent une fuite d'eau sur la "
                       "voie publique, et transmet le signalement au service.")

# code, record, severity, start of the expected line, words in the French message, words in the English message
FIRING = [
    ("ia-act-information-manquante", variant(GOOD_DECISION, drop=("information_ia",)), E,
     "interaction_public:", "information_ia", "article 50(1)"),
    ("ia-act-chatbot-sans-interaction", variant(GOOD_SIMPLE, description=CHATBOT_DESCRIPTION), W,
     "interaction_public:", "« callbot »", "“description”"),
    ("ia-act-annexe-iii-sans-risque-eleve", variant(GOOD_DECISION, niveau_risque_ia="limite"), W,
     "niveau_risque_ia:", "« 5(a). Éligibilité aux prestations", "Limited risk"),
    ("ia-act-risque-eleve-sans-domaine", variant(GOOD_DECISION, drop=("domaines_annexe_iii",)), INFO,
     "niveau_risque_ia:", "domaines_annexe_iii", "what makes it high-risk"),
    ("ia-act-eleve-sans-aipd", variant(GOOD_DECISION, analyses_impact=[GOOD_DECISION["analyses_impact"][1]]), W,
     "analyses_impact:", "donnees[0].personnelles: true", "personal data are processed"),
    ("ia-act-eleve-sans-aidf", variant(GOOD_DECISION, analyses_impact=[GOOD_DECISION["analyses_impact"][0]]), W,
     "analyses_impact:", "AIDF", "fundamental rights"),
    ("ia-act-eleve-sans-base-ue", variant(GOOD_DECISION, drop=("url_base_ue",)), W,
     "niveau_risque_ia:", "url_base_ue", "EU database"),
    ("ia-act-inacceptable-en-service", variant(GOOD_SIMPLE, niveau_risque_ia="inacceptable"), E,
     "statut:", "« En déploiement »", "2 February 2025"),
    ("ia-act-risque-non-evalue", variant(GOOD_SIMPLE, niveau_risque_ia="non_evalue"), W,
     "niveau_risque_ia:", "« non_evalue »", "risk tier"),
]


@pytest.mark.parametrize("code, record, severity, where, fr, en", FIRING, ids=[case[0] for case in FIRING])
def test_rule_fires(tmp_path, code, record, severity, where, fr, en):
    root = tmp_path / "depot"
    report = lint(root, [record])
    d = only(report, code)
    assert d.severity == severity == RULES[code].severite
    assert d.file == record_file(record)
    assert d.line == line_of(root, record, where)
    assert fr in d.message("fr") and "{" not in d.message("fr")
    assert en in d.message("en") and "{" not in d.message("en")
    assert d.hint("fr") and d.hint("en") and "{" not in d.hint("en")


@pytest.mark.parametrize("code, record", [(case[0], case[1]) for case in FIRING], ids=[case[0] for case in FIRING])
def test_justified_silence_hides_the_rule(tmp_path, code, record):
    assert_silence_hides(tmp_path / "depot", code, record)


def test_rules_are_declared_with_both_languages():
    assert_family_declared("ia_act", {case[0] for case in FIRING})


# ---------------------------------------------------------------- art. 50


def test_disclosure_only_when_the_system_talks_with_people(tmp_path):
    record = variant(GOOD_DECISION, drop=("information_ia",), interaction_public=False)
    assert "ia-act-information-manquante" not in codes(lint(tmp_path / "depot", [record]))


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


# ---------------------------------------------------------------- high risk


def test_annex_iii_with_missing_tier_points_at_the_areas(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_DECISION, drop=("niveau_risque_ia", "url_base_ue", "analyses_impact"))
    report = lint(root, [record])
    d = only(report, "ia-act-annexe-iii-sans-risque-eleve")
    assert d.line == line_of(root, record, "domaines_annexe_iii:")
    assert "non renseigné" in d.message("fr") and "not given" in d.message("en")
    assert not codes(report) & {"ia-act-eleve-sans-aipd", "ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"}


@pytest.mark.parametrize("tier", ["eleve", "inacceptable", "risque élevé"])
def test_annex_iii_silent_when_high_or_worse(tmp_path, tier):
    record = variant(GOOD_DECISION, niveau_risque_ia=tier, statut="abandonne", date_fin="2026-01",
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


def test_dpia_alias_is_recognised(tmp_path):
    record = variant(GOOD_DECISION, analyses_impact=[{"type": "DPIA", "date": "2024-06"},
                                                     {"type": "FRIA", "date": "2024-07"}])
    assert not codes(lint(tmp_path / "depot", [record])) & {"ia-act-eleve-sans-aipd", "ia-act-eleve-sans-aidf"}


def test_critical_infrastructure_needs_neither_fria_nor_eu_database(tmp_path):
    record = variant(HIGH_SIMPLE, domaines_annexe_iii=["infrastructures_critiques"])
    report = lint(tmp_path / "depot", [record])
    assert not codes(report) & {"ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"}
    mixed = variant(HIGH_SIMPLE, domaines_annexe_iii=["infrastructures_critiques", "emploi"])
    assert {"ia-act-eleve-sans-aidf", "ia-act-eleve-sans-base-ue"} <= codes(lint(tmp_path / "b", [mixed]))


@pytest.mark.parametrize("domaines, fires", [
    (["police"], False), (["biometrie", "police"], False), (["migration"], False),
    (["biometrie"], True), (["emploi"], True),
])
def test_eu_database_non_public_sections(tmp_path, domaines, fires):
    record = variant(HIGH_SIMPLE, domaines_annexe_iii=domaines)
    assert ("ia-act-eleve-sans-base-ue" in codes(lint(tmp_path / "depot", [record]))) is fires


def test_not_high_risk_no_high_risk_duties(tmp_path):
    record = variant(GOOD_SIMPLE, drop=("donnees",))
    assert not {c for c in codes(lint(tmp_path / "depot", [record])) if c.startswith("ia-act-eleve")}


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
])
def test_missing_tier_silent(tmp_path, changes):
    record = variant(GOOD_SIMPLE, niveau_risque_ia="non_evalue", **changes)
    assert "ia-act-risque-non-evalue" not in codes(lint(tmp_path / "depot", [record]))


def test_odd_types_do_not_crash(tmp_path):
    record = variant(GOOD_DECISION, niveau_risque_ia=["eleve"], domaines_annexe_iii="emploi",
                     analyses_impact={"type": "aipd"}, donnees=["x"], interaction_public="parfois",
                     description=12, nom=["Chatbot"])
    report = lint(tmp_path / "depot", [record])
    assert report.errors > 0
