"""The data protection rules (GDPR, loi 78-17): the DPIA whenever two criteria are met, whatever the AI
Act tier; the information owed to the people concerned; fully automated decisions checked, not described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.rules import RULES
from lint_fixtures import (
    COLLECTIVITE,
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

E, W = Severity.ERROR, Severity.WARNING


def rgpd_codes(report) -> set[str]:
    return {c for c in codes(report) if c.startswith("rgpd-")}


AUTOMATED = variant(GOOD_DECISION, niveau_automatisation="decision_automatisee")
#: personal data, no criteria declared, no DPIA: the base of the tests that count implied criteria
PERSONAL = variant(GOOD_SIMPLE, donnees=[{"nom": "Fichier des abonnés", "source": "interne", "personnelles": True}],
                   duree_conservation="Trois ans après la fin de l'abonnement.")

# code, record, severity, start of the expected line, words in the French message, words in the English message
FIRING = [
    ("rgpd-aipd-requise", variant(GOOD_DECISION, drop=("analyses_impact",)), W, "criteres_aipd:",
     "« Évaluation ou notation de personnes, profilage » (« criteres_aipd »)", "meets 2 risk criteria"),
    ("rgpd-information-incomplete", variant(GOOD_DECISION, drop=("duree_conservation",)), W, "donnees:",
     "« duree_conservation »", "retention period"),
    ("rgpd-information-incomplete", variant(GOOD_DECISION, drop=("base_legale",)), W, "donnees:",
     "la base légale n'est pas indiquée (« base_legale ») : les personnes concernées doivent en être informées "
     "(RGPD, art. 13 et 14)", "the legal basis is not given (“base_legale”): the people concerned must be told "
                              "(GDPR, Arts. 13 and 14)"),
    ("rgpd-decision-automatisee-donnees-sensibles", variant(AUTOMATED, donnees_sensibles=True), E,
     "donnees_sensibles:", "(Loi 78-17, art. 47)", "(French Data Protection Act (law 78-17), Art. 47)"),
    ("rgpd-decision-automatisee-revision-autonome",
     variant(GOOD_HIGH_RISK, niveau_automatisation="decision_automatisee", revision_autonome=True), E,
     "revision_autonome:", "2018-765 DC", "(Conseil constitutionnel, decision No. 2018-765 DC of 12 June 2018)"),
    ("rgpd-decision-automatisee-a-preciser", variant(AUTOMATED, drop=("donnees_sensibles",), revision_autonome=False),
     E, "niveau_automatisation:", "la fiche ne dit pas « donnees_sensibles »", "does not say “donnees_sensibles”"),
    ("rgpd-decision-automatisee-sans-recours", variant(AUTOMATED, drop=("procedure_objection",)), E,
     "niveau_automatisation:", "procedure_objection", "is mandatory (French Data Protection Act (law 78-17), Art. 47; "
     "Conseil constitutionnel, decision No. 2018-765 DC of 12 June 2018)"),
    ("rgpd-decision-assistee-a-verifier",
     variant(GOOD_DECISION, niveau_automatisation="decision_assistee", donnees_sensibles=True), W,
     "niveau_automatisation:", "la fiche déclare « donnees_sensibles: true »",
     "the record declares “donnees_sensibles: true”"),
]


@pytest.mark.parametrize("code, record, severity, where, fr, en", FIRING, ids=[case[0] for case in FIRING])
def test_rule_fires(tmp_path, code, record, severity, where, fr, en):
    root = tmp_path / "depot"
    assert severity == RULES[code].severite
    assert_fires(root, lint(root, [record]), code, record, severity, (where,), fr, en)


@pytest.mark.parametrize("code, record", [(case[0], case[1]) for case in FIRING], ids=[case[0] for case in FIRING])
def test_justified_silence_hides_the_rule(tmp_path, code, record):
    assert_silence_hides(tmp_path / "depot", code, record)


def test_rules_are_declared_with_both_languages():
    assert_family_declared("rgpd", {case[0] for case in FIRING})
    assert RULES["rgpd-aipd-requise"].reference == "RGPD, art. 35 ; CNIL, délibération n° 2018-327"
    assert RULES["rgpd-information-incomplete"].reference == "RGPD, art. 13 et 14"


@pytest.mark.parametrize("record", [GOOD_DECISION, GOOD_HIGH_RISK, GOOD_SIMPLE],
                         ids=["decision", "high-risk", "simple"])
def test_good_records_are_silent(tmp_path, record):
    assert not rgpd_codes(lint(tmp_path / "depot", [record]))


# ---------------------------------------------------------------- art. 35: the DPIA


@pytest.mark.parametrize("changes, expected", [
    ({"systeme_ia": True, "donnees_sensibles": True}, ["« systeme_ia: true »", "« donnees_sensibles: true »"]),
    ({"criteres_aipd": ["grande_echelle"], "niveau_automatisation": "decision_automatisee",
      "decisions_individuelles": True}, ["« criteres_aipd »", "« niveau_automatisation: decision_automatisee »"]),
    ({"publics": ["beneficiaires"], "criteres_aipd": ["croisement"]}, ["« publics: beneficiaires »"]),
    ({"destinataires_decisions": ["agents"], "systeme_ia": True}, ["« destinataires_decisions: agents »"]),
])
def test_dpia_counts_declared_and_implied_criteria(tmp_path, changes, expected):
    d = only(lint(tmp_path / "depot", [variant(PERSONAL, **changes)]), "rgpd-aipd-requise")
    for words in expected:
        assert words in d.message("fr")
    assert "2 critères" in d.message("fr")


def test_dpia_whatever_the_ai_act_tier(tmp_path):
    """A minimal-risk AI system, or no AI at all, still needs its DPIA under the GDPR."""
    for i, tier in enumerate(["minimal", None]):
        record = variant(PERSONAL, systeme_ia=True, criteres_aipd=["evaluation"])
        if tier is None:
            record = variant(PERSONAL, systeme_ia=False, type_algorithme=["regles"], drop=("niveau_risque_ia",),
                             criteres_aipd=["evaluation", "personnes_vulnerables"])
        assert "rgpd-aipd-requise" in codes(lint(tmp_path / str(i), [record]))


@pytest.mark.parametrize("changes", [
    {"criteres_aipd": ["evaluation"]},  # one criterion
    {"criteres_aipd": ["evaluation"], "systeme_ia": False},  # one criterion: not AI is not innovative use
    {"criteres_aipd": ["evaluation", "evaluation"]},  # the same twice
    {"criteres_aipd": ["evaluation", "croisement"],
     "donnees": [{"nom": "Débits", "source": "interne", "personnelles": False}]},  # no personal data
    {"criteres_aipd": ["evaluation", "croisement"], "donnees": [{"nom": "Débits", "source": "interne"}]},  # not said
    {"criteres_aipd": ["evaluation", "croisement"], "analyses_impact": [{"type": "PIA", "date": "2025"}]},
    {"criteres_aipd": ["evaluation", "croisement"], "statut": "abandonne", "date_fin": "2026-01",
     "motif_abandon": "Projet arrêté."},
])
def test_dpia_not_asked(tmp_path, changes):
    assert "rgpd-aipd-requise" not in codes(lint(tmp_path / "depot", [variant(PERSONAL, **changes)]))


# ---------------------------------------------------------------- art. 13-14


def test_dpo_contact_comes_from_the_collectivite(tmp_path):
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "contact_dpo"}
    d = only(lint(tmp_path / "a", [GOOD_DECISION], collectivite=coll), "rgpd-information-incomplete")
    assert "contact_dpo" in d.message("fr") and "duree_conservation" not in d.message("fr")
    both = only(lint(tmp_path / "b", [variant(GOOD_DECISION, drop=("duree_conservation",))], collectivite=coll),
                "rgpd-information-incomplete")
    assert "« duree_conservation ») et la fiche de la collectivité" in both.message("fr")


def test_purpose_asked_here_only_when_no_decision_rule_asks_for_it(tmp_path):
    """Like the notice's « Vos données personnelles », the rule asks for the purpose; for a processing that
    underlies decisions, crpa-finalite-manquante already does (one finding, not two)."""
    no_decision = variant(PERSONAL, drop=("finalite",))
    d = only(lint(tmp_path / "a", [no_decision]), "rgpd-information-incomplete")
    assert "la finalité n'est pas indiquée (« finalite »)" in d.message("fr")
    deciding = lint(tmp_path / "b", [variant(GOOD_DECISION, drop=("finalite",))])
    assert "crpa-finalite-manquante" in codes(deciding) and "rgpd-information-incomplete" not in codes(deciding)


def test_the_help_does_not_say_the_mention_informs_about_personal_data():
    r = RULES["rgpd-information-incomplete"]
    assert "La notice et la mention" not in r.justification_fr and "notice and the mention" not in r.justification_en
    assert "La mention explicite, elle, ne porte pas ces informations" in r.justification_fr
    assert "The explicit mention does not carry this information" in r.justification_en
    for text in (r.justification_fr, r.justification_en, r.aide_fr, r.aide_en, r.titre_fr):
        assert "base_legale" in text or "base légale" in text


def test_information_only_when_personal_data_are_declared(tmp_path):
    for i, donnees in enumerate([[{"nom": "Débits", "source": "interne", "personnelles": False}],
                                 [{"nom": "Débits", "source": "interne"}], []]):
        record = variant(GOOD_DECISION, drop=("duree_conservation",), donnees=donnees)
        assert "rgpd-information-incomplete" not in codes(lint(tmp_path / str(i), [record]))


# ---------------------------------------------------------------- fully automated decisions


def test_automated_decision_planned_is_a_warning_to_fix_before_going_live(tmp_path):
    record = variant(AUTOMATED, donnees_sensibles=True, statut="en_construction")
    d = only(lint(tmp_path / "depot", [record]), "rgpd-decision-automatisee-donnees-sensibles")
    assert d.severity == W and "à corriger avant la mise en service" in d.message("fr")


def test_automated_decision_rules_silent_when_denied_or_over(tmp_path):
    bad = variant(AUTOMATED, donnees_sensibles=True, revision_autonome=True, drop=("procedure_objection",))
    assert len(rgpd_codes(lint(tmp_path / "a", [bad])) & {c for c in RULES if "automatisee" in c}) == 3
    denied = variant(bad, decisions_individuelles=False)
    over = variant(bad, statut="termine", date_fin="2026-01")
    for i, record in enumerate([denied, over, variant(bad, niveau_automatisation="decision_assistee")]):
        assert not {c for c in rgpd_codes(lint(tmp_path / str(i), [record])) if "automatisee" in c}


def test_automated_decision_unanswered_questions_follow_the_qualification(tmp_path):
    """The notice and the mention refuse a fully automated decision whose record does not say whether it uses
    sensitive data or revises its own rules (the qualification leaves it « à préciser »): lint says so too."""
    both = only(lint(tmp_path / "a", [variant(AUTOMATED, drop=("donnees_sensibles",))]),
                "rgpd-decision-automatisee-a-preciser")
    assert "« donnees_sensibles » ni « revision_autonome »" in both.message("fr")
    assert "“donnees_sensibles” or “revision_autonome”" in both.message("en")
    assert "(Loi 78-17, art. 47 ; Conseil constitutionnel" in both.message("fr")
    assert "(French Data Protection Act (law 78-17), Art. 47; Conseil constitutionnel, decision No. 2018-765" in \
        both.message("en")
    answered = variant(AUTOMATED, revision_autonome=False)
    assert "rgpd-decision-automatisee-a-preciser" not in codes(lint(tmp_path / "b", [answered]))
    legal_persons = variant(AUTOMATED, destinataires_decisions=["personnes_morales"])
    assert "rgpd-decision-automatisee-a-preciser" not in codes(lint(tmp_path / "c", [legal_persons]))
    planned = only(lint(tmp_path / "d", [variant(AUTOMATED, statut="en_construction")]),
                   "rgpd-decision-automatisee-a-preciser")
    assert planned.severity == W and "à corriger avant la mise en service" in planned.message("fr")
    old = only(lint(tmp_path / "e", [variant(AUTOMATED, version_schema="1.0")]),
               "rgpd-decision-automatisee-a-preciser")
    assert old.severity == Severity.INFO and "iaterr migrate" in old.message("fr")


def test_automated_decision_unanswered_agrees_with_the_mention(cli, tmp_path):
    """Lint reports the unanswered questions exactly when the mention refuses to be used for them."""
    from lint_fixtures import make_repo

    record = variant(AUTOMATED, drop=("revision_autonome",))
    root = make_repo(tmp_path / "a", [record])
    refused = cli("mention", record["identifiant"], "--repo", str(root))
    assert refused.exit_code == 1 and "revision_autonome" in cli("qualification", record["identifiant"], "--repo",
                                                                   str(root)).stdout
    assert "à préciser" in refused.stderr.lower()
    assert "rgpd-decision-automatisee-a-preciser" in codes(lint(tmp_path / "b", [record]))
    answered = variant(record, revision_autonome=False)
    root = make_repo(tmp_path / "c", [answered])
    assert "à préciser" not in cli("mention", record["identifiant"], "--repo", str(root)).stderr.lower()
    assert "rgpd-decision-automatisee-a-preciser" not in codes(lint(tmp_path / "d", [answered]))


def test_odd_types_do_not_crash(tmp_path):
    record = variant(GOOD_DECISION, criteres_aipd="evaluation", donnees={"personnelles": True},
                     donnees_sensibles="peut-être", revision_autonome=["oui"], destinataires_decisions="agents")
    assert lint(tmp_path / "depot", [record]).errors > 0


# ---------------------------------------------------------------- on the real records of data/

CALLBOT = "data/cas-usage/aix-marseille-provence-callbot-encombrants.yaml"


def _without_silence(root: Path, rel: str, code: str) -> None:
    """Take out of the copy a justified silence of ``code`` that the data may carry."""
    path = root / rel
    path.write_text(re.sub(rf"(?m)^# iaterr: ignore\[[^]]*{code}[^]]*\].*\n", "", path.read_text(encoding="utf-8")),
                    encoding="utf-8")


def test_real_callbot_must_tell_legal_basis_retention_and_dpo(cli, repo_copy):
    """The Aix-Marseille callbot records callers' personal data: its record gives no legal basis (a field its
    format 1.0 has: a warning), and neither it nor the Métropole's says how long the data are kept or how to
    reach the DPO (fields of format 1.1: said with the way out)."""
    _without_silence(repo_copy, CALLBOT, "rgpd-information-incomplete")
    found = [d for d in lint_json(cli, repo_copy) if d["fichier"] == CALLBOT and d["code"].startswith("rgpd-")]
    assert [d["code"] for d in found] == ["rgpd-information-incomplete"]
    message = found[0]["message"]
    assert found[0]["severite"] == "avertissement"
    assert "« base_legale »" in message and "duree_conservation" in message and "contact_dpo" in message
    assert "« duree_conservation » et « contact_dpo » n'existent qu'à partir du format 1.1" in message
    edit_text(repo_copy, CALLBOT, "interaction_public: true", "interaction_public: true\nbase_legale: Mission de "
          "service public de collecte des déchets (CGCT, L2224-13).")
    found = [d for d in lint_json(cli, repo_copy) if d["code"] == "rgpd-information-incomplete"]
    # both records are in format 1.0, which has neither field left: said as information, with the way out
    assert [d["severite"] for d in found] == ["info"] and "iaterr migrate" in found[0]["message"]
    edit_text(repo_copy, CALLBOT, 'version_schema: "1.0"', 'version_schema: "1.1"')
    found = [d for d in lint_json(cli, repo_copy) if d["code"] == "rgpd-information-incomplete"]
    assert [d["severite"] for d in found] == ["avertissement"]
    assert "« contact_dpo » n'existe qu'à partir du format 1.1" in found[0]["message"]
    edit_text(repo_copy, "data/collectivites/aix-marseille-provence.yaml", 'version_schema: "1.0"',
          'version_schema: "1.1"')
    found = [d for d in lint_json(cli, repo_copy) if d["code"] == "rgpd-information-incomplete"]
    assert [d["severite"] for d in found] == ["avertissement"] and "iaterr migrate" not in found[0]["message"]


#: The personal-data items of the notice, by the title it marks missing.
NOTICE_ITEMS = {"finalite": "Finalité", "base_legale": "Base légale",
                "duree_conservation": "Durée de conservation des données",
                "contact_dpo": "Délégué à la protection des données"}


def test_real_callbot_lint_asks_what_the_notice_marks_missing(cli, repo_copy):
    """The reviewer's observation: the callbot's notice marks the legal basis missing (exit 1) while
    rgpd-information-incomplete did not ask for it. Now the rule names exactly the personal-data items the
    notice marks « à compléter », before and after the legal basis is given."""
    _without_silence(repo_copy, CALLBOT, "rgpd-information-incomplete")
    ident = "aix-marseille-provence-callbot-encombrants"
    for step in range(2):
        notice = cli("notice", ident, "--repo", str(repo_copy))
        assert notice.exit_code == 1
        marked = {name for name, title in NOTICE_ITEMS.items()
                  if f"Élément manquant : {title} (RGPD, art. 13 et 14)" in notice.stdout}
        message = next(d["message"] for d in lint_json(cli, repo_copy) if d["fichier"] == CALLBOT
                       and d["code"] == "rgpd-information-incomplete")
        asked = {name for name in NOTICE_ITEMS if f"« {name} »" in message}
        assert marked == asked, step
        assert ("base_legale" in asked) is (step == 0)
        edit_text(repo_copy, CALLBOT, "interaction_public: true", "interaction_public: true\nbase_legale: Mission de "
              "service public de collecte des déchets (CGCT, L2224-13).")


def test_real_callbot_needs_a_dpia_once_it_declares_two_criteria(cli, repo_copy):
    """Declared an AI system (innovative use) recording callers' voices at scale: two criteria, a DPIA."""
    _without_silence(repo_copy, CALLBOT, "rgpd-information-incomplete")
    edit_text(repo_copy, CALLBOT, 'version_schema: "1.0"', 'version_schema: "1.1"')
    edit_text(repo_copy, CALLBOT, "interaction_public: true", "interaction_public: true\nsysteme_ia: true\n"
          "criteres_aipd: [grande_echelle]\nduree_conservation: Les enregistrements sont effacés après un mois.")
    found = [d for d in lint_json(cli, repo_copy) if d["fichier"] == CALLBOT and d["code"].startswith("rgpd-")]
    assert sorted(d["code"] for d in found) == ["rgpd-aipd-requise", "rgpd-information-incomplete"]
    dpia = next(d for d in found if d["code"] == "rgpd-aipd-requise")
    assert "« systeme_ia: true »" in dpia["message"] and "Traitement à grande échelle" in dpia["message"]
