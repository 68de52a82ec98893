"""The transparency rules (CRPA): each fires on a variant of a good record, at a sensible line,
and keeps silent where the law does not apply."""

from __future__ import annotations

import re

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.rules import RULES
from lint_fixtures import (
    COLLECTIVITE,
    GOOD_DECISION,
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

E, W = Severity.ERROR, Severity.WARNING


# code, record, severity, line (start of the line, and optionally the line it follows), words in the French
# message, words in the English message
FIRING = [
    ("crpa-finalite-manquante", variant(GOOD_DECISION, drop=("finalite",)), E,
     ("decisions_individuelles:",), "finalite", "purpose"),
    ("crpa-contribution-manquante", variant(GOOD_DECISION, drop=("contribution_decision",)), E,
     ("decisions_individuelles:",), "contribution_decision", "degree and mode"),
    ("crpa-automatisation-manquante", variant(GOOD_DECISION, drop=("niveau_automatisation",)), W,
     ("decisions_individuelles:",), "n'est pas renseigné", "not given"),
    ("crpa-automatisation-manquante", variant(GOOD_DECISION, niveau_automatisation="sans_decision"), W,
     ("niveau_automatisation:",), "sans_decision", "takes no decision"),
    ("crpa-donnees-manquantes", variant(GOOD_DECISION, drop=("donnees",)), E,
     ("decisions_individuelles:",), "aucune donnée", "no data processed"),
    ("crpa-donnees-manquantes",
     variant(GOOD_DECISION, donnees=[{"nom": "Dossier de demande", "personnelles": True}]), E,
     ("  - nom: Dossier de demande", "donnees:"), "« Dossier de demande »", "“Dossier de demande”"),
    ("crpa-parametres-manquants", variant(GOOD_DECISION, drop=("parametres",)), E,
     ("decisions_individuelles:",), "parametres", "weighting"),
    ("crpa-operations-manquantes", variant(GOOD_DECISION, drop=("operations",)), E,
     ("decisions_individuelles:",), "operations", "operations carried out"),
    ("crpa-exercice-droits-manquant", variant(GOOD_DECISION, drop=("exercice_droits", "contact_droits")), E,
     ("decisions_individuelles:",), "exercice_droits", "whom to ask"),
    ("crpa-canal-demandes-manquant", variant(GOOD_DECISION, drop=("contact_droits",)), W,
     ("exercice_droits:",), "formulaire_demandes", "where to send a request"),
    ("crpa-regles-non-publiees", variant(GOOD_DECISION, drop=("url_regles_publiees",)), W,
     ("decisions_individuelles:",), "900 agents", "900 staff"),
    ("crpa-decisions-non-renseignees", variant(GOOD_DECISION, drop=("decisions_individuelles",)), W,
     ("statut:",), "« En déploiement »", "“Deployed”"),
    ("crpa-automatisation-sans-mention",
     variant(GOOD_DECISION, drop=("exercice_droits", "url_regles_publiees", "contact_droits"),
             niveau_automatisation="decision_automatisee"),
     E, ("niveau_automatisation:",), "nulle (Loi 78-17, art. 47)",
     "void (French Data Protection Act (law 78-17), Art. 47)"),
]

# a collectivité without its own rights contact, for the rules that fall back on it
COLL_SANS_CONTACT = {k: v for k, v in COLLECTIVITE.items() if k != "contact_droits"}
USE_COLL_SANS_CONTACT = ("crpa-exercice-droits-manquant", "crpa-canal-demandes-manquant",
                         "crpa-automatisation-sans-mention")


@pytest.mark.parametrize("code, record, severity, where, fr, en", FIRING,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(FIRING)])
def test_rule_fires(tmp_path, code, record, severity, where, fr, en):
    root = tmp_path / "depot"
    coll = COLL_SANS_CONTACT if code in USE_COLL_SANS_CONTACT else None
    assert severity == RULES[code].severite
    assert_fires(root, lint(root, [record], collectivite=coll), code, record, severity, where, fr, en)


@pytest.mark.parametrize("code, record", [(case[0], case[1]) for case in FIRING],
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(FIRING)])
def test_justified_silence_hides_the_rule(tmp_path, code, record):
    coll = COLL_SANS_CONTACT if code in USE_COLL_SANS_CONTACT else None
    assert_silence_hides(tmp_path / "depot", code, record, collectivite=coll)


def test_rules_are_declared_with_both_languages():
    assert_family_declared("transparence", {case[0] for case in FIRING})


# ---------------------------------------------------------------- silent where the law does not apply


def _gaps(base: dict) -> dict:
    return variant(base, drop=("finalite", "contribution_decision", "niveau_automatisation", "donnees", "parametres",
                               "operations", "exercice_droits", "contact_droits", "url_regles_publiees"))


CRPA_ITEMS = {"crpa-finalite-manquante", "crpa-contribution-manquante", "crpa-automatisation-manquante",
              "crpa-donnees-manquantes", "crpa-parametres-manquants", "crpa-operations-manquantes",
              "crpa-exercice-droits-manquant", "crpa-regles-non-publiees"}


def test_all_items_fire_together_on_a_bare_decision_record(tmp_path):
    report = lint(tmp_path / "depot", [_gaps(GOOD_DECISION)], collectivite=COLL_SANS_CONTACT)
    assert CRPA_ITEMS <= codes(report)


@pytest.mark.parametrize("answer", [False, "false", "non"])
def test_silent_without_individual_decisions(tmp_path, answer):
    record = variant(_gaps(GOOD_DECISION), decisions_individuelles=answer)
    report = lint(tmp_path / "depot", [record], collectivite=COLL_SANS_CONTACT)
    assert not codes(report) & (CRPA_ITEMS | {"crpa-decisions-non-renseignees"})


def test_simple_record_without_decision_fields_is_silent(tmp_path):
    report = lint(tmp_path / "depot", [_gaps(GOOD_SIMPLE)], collectivite=COLL_SANS_CONTACT)
    assert not {c for c in codes(report) if c.startswith("crpa-")}


def test_oui_counts_as_true(tmp_path):
    report = lint(tmp_path / "depot", [variant(GOOD_DECISION, drop=("finalite",), decisions_individuelles="oui")])
    assert "crpa-finalite-manquante" in codes(report)


def test_present_but_empty_field_is_pointed_at(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_DECISION, drop=("parametres",))
    d = only(lint(root, [record], extra_text={record["identifiant"]: "parametres: []\n"}), "crpa-parametres-manquants")
    assert d.line == line_of(root, record, "parametres:")


def test_rights_contact_of_the_record_or_of_the_collectivite_is_enough(tmp_path):
    no_text = variant(GOOD_DECISION, drop=("exercice_droits",))
    assert "crpa-exercice-droits-manquant" not in codes(lint(tmp_path / "a", [no_text],
                                                             collectivite=COLL_SANS_CONTACT))
    neither = variant(GOOD_DECISION, drop=("exercice_droits", "contact_droits"))
    assert "crpa-exercice-droits-manquant" not in codes(lint(tmp_path / "b", [neither]))  # the collectivité's
    only_text = variant(GOOD_DECISION, drop=("contact_droits",))
    assert "crpa-exercice-droits-manquant" not in codes(lint(tmp_path / "c", [only_text],
                                                             collectivite=COLL_SANS_CONTACT))


def test_every_data_entry_needs_a_source(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_DECISION, donnees=[GOOD_DECISION["donnees"][0], {"nom": "Quotient familial"},
                                             {"nom": "Adresse", "source": "Fournies par l'usager"}])
    found = [d for d in lint(root, [record]).diagnostics if d.code == "crpa-donnees-manquantes"]
    assert [d.path for d in found] == [("donnees", 1)]
    assert found[0].line == line_of(root, record, "  - nom: Quotient familial")


# ---------------------------------------------------------------- publication: the 50-agent threshold


@pytest.mark.parametrize("agents, fires", [(49, False), ("12", False), (50, True), (900, True), (None, True)])
def test_publication_threshold(tmp_path, agents, fires):
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "nombre_agents"}
    if agents is not None:
        coll["nombre_agents"] = agents
    record = variant(GOOD_DECISION, drop=("url_regles_publiees",))
    report = lint(tmp_path / "depot", [record], collectivite=coll)
    assert ("crpa-regles-non-publiees" in codes(report)) is fires
    if agents is None:
        d = only(report, "crpa-regles-non-publiees")
        assert "nombre_agents" in d.message("fr") and "headcount is unknown" in d.message("en")


def test_unknown_collectivite_counts_as_unknown_headcount(tmp_path):
    record = variant(GOOD_DECISION, drop=("url_regles_publiees",), collectivite="ville-inconnue")
    report = lint(tmp_path / "depot", [record])
    assert "crpa-regles-non-publiees" in codes(report)  # and validation reports the unknown collectivité


# ---------------------------------------------------------------- is the question answered?


@pytest.mark.parametrize("statut, fires", [("en_experimentation", True), ("En production", True),
                                           ("en_reflexion", False), ("termine", False)])
def test_decisions_unanswered_only_for_projects_in_use(tmp_path, statut, fires):
    record = variant(GOOD_SIMPLE, drop=("decisions_individuelles",), statut=statut)
    if statut == "termine":
        record["date_fin"] = "2026-06"
    assert ("crpa-decisions-non-renseignees" in codes(lint(tmp_path / "depot", [record]))) is fires


# ---------------------------------------------------------------- fully automated decisions


def test_automated_decision_with_published_rules_or_rights_text_is_silent(tmp_path):
    rules_only = variant(GOOD_DECISION, drop=("exercice_droits",), niveau_automatisation="decision_automatisee")
    rights_only = variant(GOOD_DECISION, drop=("url_regles_publiees",), niveau_automatisation="decision_automatisee")
    assert "crpa-automatisation-sans-mention" not in codes(lint(tmp_path / "a", [rules_only]))
    assert "crpa-automatisation-sans-mention" not in codes(lint(tmp_path / "b", [rights_only]))


def test_automated_decision_rule_applies_when_decisions_unanswered_not_when_denied(tmp_path):
    base = variant(GOOD_DECISION, drop=("exercice_droits", "url_regles_publiees", "contact_droits"),
                   niveau_automatisation="Décision automatique")
    unanswered = variant(base, drop=("decisions_individuelles",))
    denied = variant(base, decisions_individuelles=False)
    assert "crpa-automatisation-sans-mention" in codes(lint(tmp_path / "a", [unanswered],
                                                            collectivite=COLL_SANS_CONTACT))
    assert "crpa-automatisation-sans-mention" not in codes(lint(tmp_path / "b", [denied],
                                                                collectivite=COLL_SANS_CONTACT))


@pytest.mark.parametrize("channel", [{"contact_droits": "acces-documents@ville-exemple.fr"},
                                     {"formulaire_demandes": "https://www.ville-exemple.fr/demandes"},
                                     {"adresse_postale": "Hôtel de ville, 1 place de la Mairie, 31000 Exemple"}])
def test_automated_decision_with_a_request_channel_of_the_collectivite_is_silent(tmp_path, channel):
    """The reviewer's case: no « exercice_droits », no published rules, but the collectivité says where to send
    a request — the mention can be written in full, so no error « such a decision is void ». The same channels
    as crpa-exercice-droits-manquant, read by the same function."""
    record = variant(GOOD_DECISION, drop=("exercice_droits", "url_regles_publiees", "contact_droits"),
                     niveau_automatisation="decision_automatisee")
    assert "crpa-automatisation-sans-mention" in codes(lint(tmp_path / "a", [record], collectivite=COLL_SANS_CONTACT))
    found = codes(lint(tmp_path / "b", [record], collectivite={**COLL_SANS_CONTACT, **channel}))
    assert not found & {"crpa-automatisation-sans-mention", "crpa-exercice-droits-manquant"}
    own = variant(record, contact_droits="acces-documents@ville-exemple.fr")
    assert "crpa-automatisation-sans-mention" not in codes(lint(tmp_path / "c", [own], collectivite=COLL_SANS_CONTACT))


# ---------------------------------------------------------------- where to send a request


@pytest.mark.parametrize("channel", [{"contact_droits": "acces-documents@ville-exemple.fr"},
                                     {"formulaire_demandes": "https://www.ville-exemple.fr/demandes"},
                                     {"adresse_postale": "Hôtel de ville, 1 place de la Mairie, 31000 Exemple"}])
def test_any_channel_of_the_collectivite_is_enough(tmp_path, channel):
    record = variant(GOOD_DECISION, drop=("contact_droits",))
    report = lint(tmp_path / "depot", [record], collectivite={**COLL_SANS_CONTACT, **channel})
    assert not codes(report) & {"crpa-canal-demandes-manquant", "crpa-exercice-droits-manquant"}
    bare = variant(GOOD_DECISION, drop=("contact_droits", "exercice_droits"))
    assert not codes(lint(tmp_path / "b", [bare], collectivite={**COLL_SANS_CONTACT, **channel})) & {
        "crpa-canal-demandes-manquant", "crpa-exercice-droits-manquant"}


def test_no_channel_and_no_rights_text_is_one_error_not_two(tmp_path):
    record = variant(GOOD_DECISION, drop=("contact_droits", "exercice_droits"))
    report = lint(tmp_path / "depot", [record], collectivite=COLL_SANS_CONTACT)
    assert "crpa-exercice-droits-manquant" in codes(report)
    assert "crpa-canal-demandes-manquant" not in codes(report)


def test_no_channel_needed_without_decisions(tmp_path):
    record = variant(GOOD_DECISION, drop=("contact_droits",), decisions_individuelles=False)
    assert "crpa-canal-demandes-manquant" not in codes(lint(tmp_path / "depot", [record],
                                                            collectivite=COLL_SANS_CONTACT))


@pytest.mark.parametrize("statut, fires", [("termine", False), ("abandonne", False), ("en_experimentation", True),
                                           ("en_construction", True)])
def test_rules_not_published_silent_once_the_project_is_over(tmp_path, statut, fires):
    """The reviewer's observation: crpa-regles-non-publiees still fired on « statut: termine »."""
    record = variant(GOOD_DECISION, drop=("url_regles_publiees",), statut=statut)
    if statut in ("termine", "abandonne"):
        record.update(date_fin="2026-06", motif_abandon="Remplacé par un examen manuel des demandes.")
    assert ("crpa-regles-non-publiees" in codes(lint(tmp_path / "depot", [record]))) is fires


def test_in_service_is_the_qualification_s():
    """Whether a project is in use (pilots included) is read by one function, the qualification's."""
    from iaterr.lint.rules import ia_act, rgpd, transparence
    from iaterr.model import qualification

    for module in (transparence, ia_act, rgpd):
        assert module.in_service is qualification.in_service
        assert not hasattr(module, "_EN_SERVICE") and not hasattr(module, "_PROJET")


def test_publication_threshold_cites_the_decree():
    r = RULES["crpa-regles-non-publiees"]
    assert "D312-1-4" in r.reference and "D312-1-1-A" not in r.reference
    for text in (r.justification_fr, r.justification_en):
        assert "D312-1-4" in text and "2016-1922" in text
        assert "D312-1-1-A" not in text and "Etalab" not in text


def test_real_record_with_automated_decisions_accepts_the_collectivite_s_channel(cli, repo_copy):
    """Noisy-le-Grand's record, made to take fully automated decisions with no rights text: its collectivité
    gives no address, so the mention cannot be written (error); once the collectivité gives a postal address,
    the rule is silent, as the mention is."""
    rel = "data/cas-usage/noisy-le-grand-recital.yaml"
    edit_text(repo_copy, rel, "decisions_individuelles: false", "decisions_individuelles: true")
    text = (repo_copy / rel).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^niveau_automatisation: .*$", "niveau_automatisation: decision_automatisee", text)
    (repo_copy / rel).write_text(text, encoding="utf-8")
    found = [d for d in lint_json(cli, repo_copy) if d["fichier"] == rel and d["code"] ==
             "crpa-automatisation-sans-mention"]
    assert [d["severite"] for d in found] == ["erreur"] and "nulle (Loi 78-17, art. 47)" in found[0]["message"]
    coll = "data/collectivites/noisy-le-grand.yaml"
    edit_text(repo_copy, coll, 'version_schema: "1.0"', 'version_schema: "1.1"')
    edit_text(repo_copy, coll, "type: commune", "type: commune\nadresse_postale: Hôtel de ville, place de la "
          "Libération, 93160 Noisy-le-Grand")
    assert not [d for d in lint_json(cli, repo_copy) if d["code"] == "crpa-automatisation-sans-mention"]


def test_real_record_taking_decisions_needs_a_request_channel(cli, repo_copy):
    """Noisy-le-Grand's record, made to take decisions with a rights text: its collectivité gives no address,
    form or e-mail for requests; once it gives a postal address, the notice can say where to write."""
    rel = "data/cas-usage/noisy-le-grand-recital.yaml"
    edit_text(repo_copy, rel, "decisions_individuelles: false", "decisions_individuelles: true\n"
          "exercice_droits: Demander les règles du traitement à la mairie ; sans réponse sous un mois, saisir la "
          "CADA dans les deux mois.")
    found = [d for d in lint_json(cli, repo_copy) if d["fichier"] == rel]
    assert [d["severite"] for d in found if d["code"] == "crpa-canal-demandes-manquant"] == ["avertissement"]
    assert "crpa-exercice-droits-manquant" not in {d["code"] for d in found}
    coll = "data/collectivites/noisy-le-grand.yaml"
    edit_text(repo_copy, coll, 'version_schema: "1.0"', 'version_schema: "1.1"')
    edit_text(repo_copy, coll, "type: commune", "type: commune\nadresse_postale: Hôtel de ville, place de la "
          "Libération, 93160 Noisy-le-Grand")
    found = lint_json(cli, repo_copy)
    assert not [d for d in found if d["code"] == "crpa-canal-demandes-manquant"]
    assert not [d for d in found if d["fichier"] == coll and d["severite"] == "erreur"]
