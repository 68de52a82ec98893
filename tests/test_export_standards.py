"""Exports to other transparency registers (publish/standards.py): field names as each
standard spells them, vocabulary mappings, what is reported missing, and no restricted
field in any publishable output."""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from iaterr.model import CasUsage, Collectivite, droit
from iaterr.model.introspect import specs
from iaterr.model.visibility import view
from iaterr.model.vocab import STATUTS
from iaterr.publish.export import ExportItem, ExportSet, NotAView, load_items
from iaterr.publish.standards import (
    ATRS_SECTIONS,
    STANDARDS,
    Mapped,
    Txt,
    render,
    standard_names,
)
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo, variant

NAMES = ("eurocities", "algoritmeregister", "atrs", "ai-act")

# ---------------------------------------------------------------- reference: the standards' own field lists

#: The crosswalk of the domain reference (outside the repository: read when present).
CROSSWALK = ROOT.parent / "shared" / "domain" / "crosswalk-transparency-standards.csv"
COLUMNS = {"eurocities": "eurocities_ats_v0_3_1", "algoritmeregister": "nl_algoritmeregister_v1_0",
           "atrs": "uk_atrs_v3_attribute (v4 label if renamed)", "ai-act": "eu_ai_act"}

#: Eurocities ATS 0.3.1 final, attributes in the order of its published schema (schema-v0_3_1.yaml).
EUROCITIES_ORDER = [
    "name", "description_short", "organization", "department", "contact_email", "contact_phone", "contact_name",
    "area", "domain", "website", "status", "remark", "decision_making_process", "goal", "impact", "risks",
    "risk_category", "proportionality", "lawful_basis", "documentation", "training_data", "source_data", "data_bias",
    "connected_data_sources", "DPIA_description", "DPIA_url", "algorithm_type", "description", "methods_and_models",
    "performance", "alternatives_considered", "product_information", "codebase_url", "product_page",
    "AIA_description", "AIA_url", "monitoring", "type", "human_intervention", "objection_procedure", "rollback",
    "standard_version", "uuid", "lang", "publication_date", "last_change_date", "revision_date", "revision_note",
    "keywords",
]
#: Algoritmeregister publication standard 1.0, fields in the order of its delivery API.
NL_ORDER = [
    "name", "description_short", "organization", "category", "status", "begin_date", "end_date", "contact_email",
    "website", "publication_category", "url", "goal", "proportionality", "human_intervention", "risks",
    "lawful_basis", "lawful_basis_grouping", "process_index_url", "impacttoetsen_grouping", "impacttoetsen",
    "source_data", "source_data_grouping", "methods_and_models", "provider", "publiccode", "lang",
    "standard_version", "source_id", "tags", "lars", "publication_dt",
]
#: The publication metadata of a GOV.UK algorithmic transparency record, in the order GOV.UK lists them.
GOVUK_METADATA = tuple(f"algorithmic_transparency_record_{k}" for k in (
    "organisation", "organisation_type", "function", "capability", "task", "phase", "region", "date_published",
    "atrs_version", "other_tags"))
#: Names a standard uses that the crosswalk does not spell out (it abbreviates with "…").
NOT_IN_CROSSWALK = {
    # schema 0.3.1: remark holds why a project ended
    "eurocities": {"remark"},
    "algoritmeregister": {"tags"},
    # ATRS data specification 2.4.3.2-2.4.3.10 ("source_data_name ... data_access_and_storage" in the
    # crosswalk), and the sub-attributes of an impact assessment (2.5.1)
    "atrs": {"sensitive_attributes", "data_collection", "impact_assessment_name", "impact_assessment_description",
             "impact_assessment_date", "impact_assessment_link", *ATRS_SECTIONS, *GOVUK_METADATA},
    # the record's own frame, and the words of Annex VIII C.1 and C.4/C.5
    "ai-act": {"applicable", "legal_basis", "risk_tier", "reason", "contact_details", "email", "website",
               "summary", "url", "date", "address", "registration", "applies_from", "deployer_registration",
               "notes"},
}
#: ATRS v3 attributes by section, in the template's order.
ATRS_ORDER = {
    "metadata": list(GOVUK_METADATA),
    "tier_1": ["name", "description", "website_url", "contact_email"],
    "owner_and_responsibility": ["organisation_or_department", "team", "senior_responsible_owner",
                                 "external_supplier_involvement", "external_supplier"],
    "description_and_rationale": ["scope", "benefit", "previous_process", "alternatives_considered"],
    "decision_making_process": ["process_integration", "provided_information", "frequency_and_scale_of_usage",
                                "human_decisions_and_review", "required_training", "appeals_and_review"],
    "tool_specification": ["system_architecture", "maintenance", "models", "model_specification",
                           "data_specification"],
    "risks_mitigations_and_impact_assessments": ["impact_assessment", "risks_and_mitigations"],
}


def crosswalk_names(standard: str) -> set[str]:
    if not CROSSWALK.is_file():
        pytest.skip(f"crosswalk not found at {CROSSWALK}")
    column = COLUMNS[standard]
    names: set[str] = set()
    with CROSSWALK.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cell = row[column]
            names.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", cell))
            names.update(re.findall(r"C\.\d", cell))
    return names


def keys_of(value: Any) -> list[str]:
    """Every key of a nested record."""
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(k)
            out.extend(keys_of(v))
    elif isinstance(value, list):
        for v in value:
            out.extend(keys_of(v))
    return out


def is_subsequence(keys: list[str], order: list[str]) -> bool:
    positions = [order.index(k) for k in keys]
    return positions == sorted(positions)


def find(value: Any, key: str) -> list[Any]:
    """Values held under ``key`` anywhere in a nested record."""
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key:
                found.append(v)
            found.extend(find(v, key))
    elif isinstance(value, list):
        for v in value:
            found.extend(find(v, key))
    return found


# ---------------------------------------------------------------- building items


def item_of(record: dict[str, Any], *, collectivite: dict[str, Any] | None = None,
            include_restricted: bool = False, filtered: bool = True) -> ExportItem:
    """An export item as ``load_items`` gives it (``filtered=False``: a view with the restricted fields)."""
    cas = CasUsage.model_validate({"version_schema": "1.0", **record}).model_dump(mode="json", exclude_none=True)
    coll = Collectivite.model_validate({"version_schema": "1.0", **(collectivite or COLLECTIVITE)}).model_dump(
        mode="json", exclude_none=True)
    restricted = include_restricted or not filtered
    return ExportItem(f"data/cas-usage/{record['identifiant']}.yaml",
                      view(CasUsage, cas, include_restricted=restricted),
                      view(Collectivite, coll, include_restricted=restricted))


def mapped(standard: str, record: dict[str, Any], *, include_restricted: bool = False, **kwargs) -> Mapped:
    item = item_of(record, include_restricted=include_restricted, **kwargs)
    return STANDARDS[standard](item, include_restricted=include_restricted)


def missing(m: Mapped) -> set[str]:
    return {entry["champ"] for entry in m.missing}


#: GOOD_DECISION with what it lacks for the registers (proportionality, monitoring): only what iaterr
#: cannot hold stays missing.
COMPLETE = variant(GOOD_DECISION,
                   proportionnalite="Sans score, la commission classait 1 200 dossiers à la main en deux séances.",
                   suivi="Chaque année, la commission compare les attributions au classement du score.",
                   portee_decision="Externe : une place en crèche pour une famille.",
                   reversibilite="Le classement peut être abandonné ; la commission reprend l'examen manuel.",
                   # a high-risk AI system of Annex III, whatever GOOD_DECISION says of itself
                   systeme_ia=True, domaines_annexe_iii=["prestations_publiques"], niveau_risque_ia="eleve",
                   analyses_impact=[
                       {"type": "aipd", "date": "2024-06", "url": "https://www.ville-exemple.fr/aipd-creches"},
                       {"type": "aidf", "date": "2024-07", "url": "https://www.ville-exemple.fr/aidf-creches"}],
                   url_base_ue="https://ec.europa.eu/ai-database/entry/1234",
                   url_base_ue_fournisseur="https://ec.europa.eu/ai-database/entry/0042")
#: The collectivité with what the AI Act registration asks of it that COLLECTIVITE leaves out.
COMPLETE_COLLECTIVITE = {**COLLECTIVITE, "adresse_postale": "Hôtel de ville, 1 place de la Mairie, 31000 Exemple"}
#: What a record can never fill, per standard: iaterr has no field for it.
STRUCTURAL = {
    # the department (service_responsable) is held since format 1.2: the fixtures give it
    "eurocities": {"publication_date", "revision_date", "type"},
    # the register takes records written in Dutch only
    "algoritmeregister": {"lang"},
    # GOV.UK's organisation is one of its closed list of UK bodies; its publication date is GOV.UK's own
    "atrs": {"senior_responsible_owner", "provided_information",
             "algorithmic_transparency_record_organisation", "algorithmic_transparency_record_date_published"},
    "ai-act": {"C.2"},
}


# ---------------------------------------------------------------- registry


def test_the_four_standards_are_registered():
    assert standard_names() == list(NAMES)
    for name in NAMES:
        assert STANDARDS[name].code == name and STANDARDS[name].version


def test_unknown_standard_is_refused():
    with pytest.raises(ValueError, match="eurocities"):
        render("etalab", ExportSet([]))


# ---------------------------------------------------------------- this repository's real data


@pytest.fixture(scope="module")
def real_items() -> ExportSet:
    items = load_items(open_repository(ROOT))
    assert items.items and not items.skipped
    return items


@pytest.mark.parametrize("standard", NAMES)
def test_real_data_renders_valid_json_with_the_standards_names(real_items, standard):
    doc = json.loads(render(standard, real_items))
    assert list(doc) == ["standard", "version", "genere_par", "publiable", "fiches"]
    assert doc["standard"] == standard and doc["publiable"] is True
    assert doc["genere_par"].startswith("iaterr ")
    assert [f["identifiant"] for f in doc["fiches"]] == [i.cas["identifiant"] for i in real_items.items]
    allowed = crosswalk_names(standard) | NOT_IN_CROSSWALK[standard]
    for fiche in doc["fiches"]:
        assert list(fiche) == ["identifiant", "fichier", "enregistrement", "manquants"]
        assert fiche["fichier"].startswith("data/cas-usage/")
        assert set(keys_of(fiche["enregistrement"])) <= allowed
        for entry in fiche["manquants"]:
            assert set(entry) == {"champ", "iaterr", "raison"}
            assert entry["champ"].split(".")[0] in allowed or re.fullmatch(r"C\.\d(\.\w+)?", entry["champ"])
            assert isinstance(entry["raison"], str) and entry["raison"] and "{" not in entry["raison"]


@pytest.mark.parametrize("standard", NAMES)
def test_reasons_follow_the_language(real_items, standard):
    fr = json.loads(render(standard, real_items, lang="fr"))
    en = json.loads(render(standard, real_items, lang="en"))
    # the records are the same (the AI Act's reason for non-applicability aside: a text in the reader's language)
    def same(f):
        return {k: v for k, v in f["enregistrement"].items() if k not in ("reason", "notes")}
    assert [same(f) for f in fr["fiches"]] == [same(f) for f in en["fiches"]]
    pairs = [(a["raison"], b["raison"]) for x, y in zip(fr["fiches"], en["fiches"])
             for a, b in zip(x["manquants"], y["manquants"])]
    assert pairs and all(a != b for a, b in pairs)


def test_real_data_output_is_utf8_text_not_escaped(real_items):
    text = render("eurocities", real_items)
    assert "é" in text and "\\u00e9" not in text
    assert text.startswith("{\n  \"standard\"")


# ---------------------------------------------------------------- names and order on the fixtures


@pytest.mark.parametrize("standard", NAMES)
@pytest.mark.parametrize("record", [GOOD_DECISION, GOOD_SIMPLE, COMPLETE], ids=["decision", "simple", "complete"])
@pytest.mark.parametrize("restricted", [False, True], ids=["public", "restricted"])
def test_fixture_records_use_only_the_standards_names(standard, record, restricted):
    m = mapped(standard, record, include_restricted=restricted)
    record_out, _ = m.localized("fr")
    json.dumps(record_out)  # plain data
    assert set(keys_of(record_out)) <= crosswalk_names(standard) | NOT_IN_CROSSWALK[standard]


@pytest.mark.parametrize("record", [GOOD_DECISION, GOOD_SIMPLE, COMPLETE], ids=["decision", "simple", "complete"])
def test_keys_come_in_the_standards_order(record):
    eurocities = mapped("eurocities", record, include_restricted=True).record
    assert set(eurocities) <= set(EUROCITIES_ORDER) and is_subsequence(list(eurocities), EUROCITIES_ORDER)
    nl = mapped("algoritmeregister", record, include_restricted=True).record
    assert set(nl) <= set(NL_ORDER) and is_subsequence(list(nl), NL_ORDER)
    uk = mapped("atrs", record, include_restricted=True).record
    assert list(uk) == ["metadata", "tier_1", "tier_2"]
    assert list(uk["tier_2"]) == [s for s in ATRS_ORDER if s in uk["tier_2"]]
    for section, fields in ATRS_ORDER.items():
        body = uk.get(section) or uk["tier_2"].get(section)
        if body:
            assert is_subsequence(list(body), fields), section


def test_eurocities_is_flat_and_atrs_is_nested():
    assert all(not isinstance(v, dict) for v in mapped("eurocities", COMPLETE).record.values())
    uk = mapped("atrs", COMPLETE).record
    assert uk["tier_1"]["name"] == COMPLETE["nom"]
    assert uk["tier_2"]["tool_specification"]["data_specification"][0]["source_data_name"] == \
        COMPLETE["donnees"][0]["nom"]


# ---------------------------------------------------------------- vocabularies


EXPECTED_STATUS = {
    #  iaterr              Eurocities      Algoritmeregister   ATRS
    "en_reflexion": ("planned", "In ontwikkeling", "pre-deployment"),
    "en_construction": ("development", "In ontwikkeling", "pre-deployment"),
    "en_experimentation": ("pilot", "In gebruik", "beta-pilot"),
    "en_deploiement": ("operational", "In gebruik", "production"),
    "termine": ("retired", "Buiten gebruik", "retired"),
    "abandonne": ("retired", "Buiten gebruik", "retired"),
}


def test_every_iaterr_status_is_mapped():
    assert set(EXPECTED_STATUS) == set(STATUTS.codes)


@pytest.mark.parametrize("statut", sorted(EXPECTED_STATUS))
def test_status_mappings(statut):
    record = variant(GOOD_SIMPLE, statut=statut)
    if statut in ("termine", "abandonne"):
        record = variant(record, date_fin="2026-06-30", motif_abandon="Données insuffisantes.")
    eurocities, nl, uk = EXPECTED_STATUS[statut]
    assert mapped("eurocities", record).record["status"] == eurocities
    assert mapped("algoritmeregister", record).record["status"] == nl
    assert mapped("atrs", record).record["metadata"]["algorithmic_transparency_record_phase"] == uk
    if statut in ("termine", "abandonne"):
        assert mapped("algoritmeregister", record).record["end_date"] == "2026-06"
        assert mapped("eurocities", record).record["remark"] == "Données insuffisantes."


@pytest.mark.parametrize("changes, expected", [
    ({"niveau_risque_ia": "eleve"}, "Hoog-risico AI-systeem"),
    ({"niveau_risque_ia": "eleve", "decisions_individuelles": False}, "Hoog-risico AI-systeem"),
    ({"niveau_risque_ia": "minimal", "decisions_individuelles": True}, "Impactvolle algoritmes"),
    ({"niveau_risque_ia": "limite", "decisions_individuelles": False,
      "niveau_automatisation": "decision_automatisee"}, "Impactvolle algoritmes"),
    ({"niveau_risque_ia": "inacceptable"}, "Impactvolle algoritmes"),
    ({"niveau_risque_ia": "minimal", "decisions_individuelles": False}, "Overige algoritmes"),
    ({"niveau_risque_ia": "limite", "decisions_individuelles": False}, "Overige algoritmes"),
    # the risk tier is not known: high risk cannot be ruled out, even for individual decisions
    ({"niveau_risque_ia": "non_evalue", "decisions_individuelles": True}, None),
    ({"niveau_risque_ia": None, "decisions_individuelles": False}, None),
    # no individual decision recorded either way: impact on people cannot be ruled out
    ({"niveau_risque_ia": "minimal", "decisions_individuelles": None, "niveau_automatisation": None}, None),
])
def test_publication_category(changes, expected):
    drop = tuple(k for k, v in changes.items() if v is None)
    record = variant(GOOD_SIMPLE, drop=drop, **{k: v for k, v in changes.items() if v is not None})
    m = mapped("algoritmeregister", record)
    assert m.record.get("publication_category") == expected
    assert ("publication_category" in missing(m)) == (expected is None)


@pytest.mark.parametrize("types, expected", [
    (["regles"], "rule-based"),
    (["optimisation"], "rule-based"),
    (["apprentissage_automatique"], "self-learning"),
    (["ia_generative", "traitement_langage"], "self-learning"),
    (["regles", "vision_ordinateur"], "hybrid"),
    (["nsp"], None),
    ([], None),
])
def test_eurocities_algorithm_type(types, expected):
    m = mapped("eurocities", variant(GOOD_SIMPLE, type_algorithme=types))
    assert m.record.get("algorithm_type") == expected
    assert ("algorithm_type" in missing(m)) == (expected is None)


@pytest.mark.parametrize("risk, expected", [("minimal", "minimal risk"), ("limite", "limited risk"),
                                            ("eleve", "high risk"), ("inacceptable", "unacceptable"),
                                            ("non_evalue", None)])
def test_eurocities_risk_category(risk, expected):
    m = mapped("eurocities", variant(GOOD_SIMPLE, niveau_risque_ia=risk))
    assert m.record.get("risk_category") == expected
    assert ("risk_category" in missing(m)) == (expected is None)


def test_themes_give_a_domain_and_categories():
    simple = mapped("eurocities", GOOD_SIMPLE).record
    assert simple["domain"] == "environment, spacial planning and water"
    assert mapped("algoritmeregister", GOOD_SIMPLE).record["category"] == ["Ruimte en infrastructuur"]
    assert mapped("eurocities", GOOD_DECISION).record["domain"] == "education and science"
    broad = variant(GOOD_DECISION, sous_themes=[])
    assert "domain" in missing(mapped("eurocities", broad))


def test_dates_in_the_formats_the_standards_expect():
    nl = mapped("algoritmeregister", variant(GOOD_SIMPLE, date_debut="2025-05-13")).record
    assert nl["begin_date"] == "2025-05"
    assert "begin_date" not in mapped("algoritmeregister", variant(GOOD_SIMPLE, date_debut="2025")).record
    partial = mapped("eurocities", variant(GOOD_SIMPLE, date_mise_a_jour="2026-10"))
    assert "last_change_date" not in partial.record and "last_change_date" in missing(partial)
    assert mapped("eurocities", GOOD_SIMPLE).record["last_change_date"] == "2026-10-01"


def test_language_and_versions():
    assert mapped("eurocities", GOOD_SIMPLE).record["lang"] == "fr"
    assert mapped("eurocities", GOOD_SIMPLE).record["standard_version"] == "0.3.1"
    nl = mapped("algoritmeregister", GOOD_SIMPLE).record
    assert (nl["lang"], nl["standard_version"], nl["source_id"]) == ("fra", "1.0", GOOD_SIMPLE["identifiant"])


def test_texts_stay_as_the_record_wrote_them():
    record = mapped("eurocities", COMPLETE).record
    assert record["goal"] == COMPLETE["finalite"]
    assert record["decision_making_process"] == COMPLETE["contribution_decision"]
    assert record["lawful_basis"] == COMPLETE["base_legale"]
    assert COMPLETE["operations"] in record["description"]
    assert "Ancienneté de la demande" in record["description"]  # the parameters and their weighting
    nl = mapped("algoritmeregister", COMPLETE).record
    assert nl["provider"] == "Éditeur du logiciel petite enfance"
    assert nl["impacttoetsen_grouping"] == [
        {"title": "Data Protection Impact Assessment (DPIA)", "link": "https://www.ville-exemple.fr/aipd-creches"},
        {"title": "Fundamental Rights Impact Assessment (FRIA)", "link": "https://www.ville-exemple.fr/aidf-creches"}]


def test_eurocities_uuid_is_stable_and_per_record():
    a = mapped("eurocities", GOOD_SIMPLE).record["uuid"]
    assert a == mapped("eurocities", GOOD_SIMPLE).record["uuid"]
    assert a != mapped("eurocities", GOOD_DECISION).record["uuid"]
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", a)


# ---------------------------------------------------------------- what is missing


def test_missing_items_say_what_would_fill_them_in_both_languages():
    for standard in NAMES:
        for entry in mapped(standard, GOOD_SIMPLE).missing + mapped(standard, GOOD_DECISION).missing:
            assert isinstance(entry["raison"], Txt) and entry["raison"]["fr"] and entry["raison"]["en"]
            assert entry["raison"]["fr"] != entry["raison"]["en"]
            assert entry["iaterr"] is None or isinstance(entry["iaterr"], str)


EXPECTED_MISSING_SIMPLE = {
    "eurocities": STRUCTURAL["eurocities"] | {"decision_making_process", "risks", "proportionality", "lawful_basis",
                                              "training_data", "monitoring", "objection_procedure"},
    "algoritmeregister": STRUCTURAL["algoritmeregister"],
    "atrs": STRUCTURAL["atrs"] | {"external_supplier_involvement", "alternatives_considered", "process_integration",
                                  "frequency_and_scale_of_usage", "appeals_and_review", "impact_assessment",
                                  "risks_and_mitigations"},
    "ai-act": set(),  # not high-risk: nothing to register
}
EXPECTED_MISSING_DECISION = {
    # a points grid declared rules-only: no AI Act risk category, said with its reason (below)
    "eurocities": STRUCTURAL["eurocities"] | {"risks", "proportionality", "monitoring", "risk_category"},
    "algoritmeregister": STRUCTURAL["algoritmeregister"],
    "atrs": STRUCTURAL["atrs"] | {"alternatives_considered", "risks_and_mitigations"},
    # GOOD_DECISION is a points grid: out of the AI Act's scope when it says so (systeme_ia: false)
    "ai-act": set() if GOOD_DECISION.get("systeme_ia") is False else STRUCTURAL["ai-act"] | {"C.1.address", "C.3"},
}


@pytest.mark.parametrize("standard", NAMES)
def test_missing_for_good_simple(standard):
    assert missing(mapped(standard, GOOD_SIMPLE)) == EXPECTED_MISSING_SIMPLE[standard]


@pytest.mark.parametrize("standard", NAMES)
def test_missing_for_good_decision(standard):
    """Only what iaterr cannot hold, what the fixture leaves out (proportionality, monitoring) and the risk
    assessment, which is restricted."""
    assert missing(mapped(standard, GOOD_DECISION)) == EXPECTED_MISSING_DECISION[standard]


@pytest.mark.parametrize("standard", NAMES)
def test_a_complete_record_misses_only_what_iaterr_cannot_hold(standard):
    assert missing(mapped(standard, COMPLETE, include_restricted=True, collectivite=COMPLETE_COLLECTIVITE)) == \
        STRUCTURAL[standard]


def test_a_rules_only_record_has_no_ai_act_category_and_says_why():
    """``systeme_ia: false`` (art. 3(1)): the Dutch register's category follows from its decisions alone; the
    Eurocities risk category is missing with that reason, not « not assessed »."""
    assert GOOD_DECISION["systeme_ia"] is False and "niveau_risque_ia" not in GOOD_DECISION
    assert mapped("algoritmeregister", GOOD_DECISION).record["publication_category"] == "Impactvolle algoritmes"
    without_decision = variant(GOOD_DECISION, decisions_individuelles=False, drop=("niveau_automatisation",))
    assert mapped("algoritmeregister", without_decision).record["publication_category"] == "Overige algoritmes"
    reason = next(e for e in mapped("eurocities", GOOD_DECISION).missing if e["champ"] == "risk_category")["raison"]
    assert "systeme_ia" in reason["fr"] and "art. 3(1)" in reason["en"]


def test_a_restricted_source_is_named_as_such_whether_or_not_it_is_set():
    with_risks = mapped("eurocities", GOOD_DECISION)
    without = mapped("eurocities", variant(GOOD_DECISION, drop=("evaluation_risques",)))
    assert with_risks.missing == without.missing
    reason = next(e for e in with_risks.missing if e["champ"] == "risks")["raison"]
    assert "restreint" in reason["fr"] and "restricted" in reason["en"].lower()


def test_atrs_never_fills_the_senior_responsible_owner(real_items):
    records = [STANDARDS["atrs"](i, include_restricted=False) for i in real_items.items]
    records += [mapped("atrs", r, include_restricted=True) for r in (GOOD_DECISION, GOOD_SIMPLE, COMPLETE)]
    for m in records:
        assert not find(m.record, "senior_responsible_owner")
        entry = next(e for e in m.missing if e["champ"] == "senior_responsible_owner")
        assert entry["iaterr"] is None


def test_atrs_supplier_involvement():
    assert mapped("atrs", GOOD_DECISION).record["tier_2"]["owner_and_responsibility"][
        "external_supplier_involvement"] == "Yes"
    assert find(mapped("atrs", GOOD_DECISION).record, "external_supplier") == [GOOD_DECISION["fournisseurs"]]
    in_house = variant(GOOD_SIMPLE, mise_en_oeuvre="interne")
    assert find(mapped("atrs", in_house, include_restricted=True).record, "external_supplier_involvement") == ["No"]
    # the development mode is restricted: without it, nothing says whether a third party took part
    assert "external_supplier_involvement" in missing(mapped("atrs", in_house))


# ---------------------------------------------------------------- the AI Act


def test_ai_act_does_not_apply_to_a_system_that_is_not_high_risk():
    for risk in ("minimal", "limite", "inacceptable"):
        m = mapped("ai-act", variant(GOOD_SIMPLE, niveau_risque_ia=risk))
        record, gaps = m.localized("fr")
        assert record["applicable"] is False and record["reason"] and gaps == []
        assert not any(k.startswith("C.") for k in record)


def test_ai_act_unknown_risk_asks_for_the_classification_only():
    m = mapped("ai-act", variant(GOOD_SIMPLE, niveau_risque_ia="non_evalue"))
    assert m.record["applicable"] is None
    assert [(e["champ"], e["iaterr"]) for e in m.missing] == [("applicable", "niveau_risque_ia")]


#: A high-risk AI system of Annex III 5(a), registered by the authority, its provider's entry not given.
HIGH_RISK = variant(COMPLETE, drop=("url_base_ue_fournisseur",))


def test_ai_act_high_risk_registration():
    record = mapped("ai-act", HIGH_RISK).record
    assert record["applicable"] is True and record["registration"] == "base-ue-publique"
    assert record["C.1"] == {"name": COLLECTIVITE["nom"],
                             "contact_details": {"email": COLLECTIVITE["contact"], "website": COLLECTIVITE["site_web"]}}
    assert "C.2" not in record
    # C.3 is the provider's entry; url_base_ue, the authority's own registration, is never taken for it
    assert "C.3" not in record and record["deployer_registration"] == HIGH_RISK["url_base_ue"]
    assert record["C.4"] == {"url": "https://www.ville-exemple.fr/aidf-creches", "date": "2024-07"}
    assert record["C.5"] == {"url": "https://www.ville-exemple.fr/aipd-creches", "date": "2024-06"}
    summarised = variant(HIGH_RISK, analyses_impact=[
        {"type": "aidf", "date": "2024-07", "resume": "Risque de biais ; critère plafonné."}])
    m = mapped("ai-act", summarised)
    assert m.record["C.4"] == {"summary": "Risque de biais ; critère plafonné.", "date": "2024-07"}
    assert "C.5" in missing(m) and "C.4" not in missing(m)
    # GOOD_SIMPLE's night flows are declared not personal: C.5 is set aside, not asked for
    water = mapped("ai-act", variant(GOOD_SIMPLE, niveau_risque_ia="eleve", domaines_annexe_iii=["emploi"]))
    assert {"C.3", "C.4"} <= missing(water) and water.record["C.5"]["applicable"] is False


def test_ai_act_c5_only_where_a_dpia_applies():
    """Annex VIII C.5 asks for the DPIA's summary "where applicable": without personal data, it is set aside
    with its reason, never asked for; with personal data, or when the record does not say, it is asked for."""
    no_personal = variant(HIGH_RISK, analyses_impact=[{"type": "aidf", "url": "https://www.ville-exemple.fr/aidf"}],
                          donnees=[{**d, "personnelles": False} for d in HIGH_RISK["donnees"]])
    m = mapped("ai-act", no_personal)
    assert m.record["C.5"]["applicable"] is False and "C.5" not in missing(m)
    fr, en = m.localized("fr")[0]["C.5"]["reason"], m.localized("en")[0]["C.5"]["reason"]
    assert "RGPD, art. 35" in fr and "GDPR" in en and "personnelles: false" in fr
    unsaid = variant(no_personal, donnees=[{"nom": "Demandes de places"}])
    assert "C.5" in missing(mapped("ai-act", unsaid))


def test_ai_act_maps_the_providers_entry_to_c3_and_the_authoritys_registration_apart():
    record = mapped("ai-act", COMPLETE).record
    assert record["C.3"] == COMPLETE["url_base_ue_fournisseur"]
    assert record["deployer_registration"] == COMPLETE["url_base_ue"]
    assert list(record)[:4] == ["applicable", "legal_basis", "registration", "applies_from"]
    assert record["legal_basis"] == droit.reference("ria.art49")
    entry = next(e for e in mapped("ai-act", HIGH_RISK).missing if e["champ"] == "C.3")
    assert entry["iaterr"] == "url_base_ue_fournisseur" and "url_base_ue" in entry["raison"]["fr"]
    # without the authority's own registration, the notes say so (the lint rule's duty), C.3 stays apart
    record, _ = mapped("ai-act", variant(COMPLETE, drop=("url_base_ue",))).localized("fr")
    assert "deployer_registration" not in record and record["C.3"] == COMPLETE["url_base_ue_fournisseur"]
    assert any("url_base_ue" in note for note in record["notes"])


def test_ai_act_postal_address_of_the_deployer():
    m = mapped("ai-act", COMPLETE, collectivite=COMPLETE_COLLECTIVITE)
    assert m.record["C.1"]["address"] == COMPLETE_COLLECTIVITE["adresse_postale"] and "C.1.address" not in missing(m)
    entry = next(e for e in mapped("ai-act", COMPLETE).missing if e["champ"] == "C.1.address")
    assert entry["iaterr"] == "collectivite.adresse_postale"


def test_ai_act_says_when_the_registration_duty_applies():
    """A system still being built: the date the duty applies from, and art. 111(2) for systems in service (the
    date of a system in service: test_ai_act_applies_from_is_the_qualification_s_date)."""
    building = variant(COMPLETE, statut="en_construction")
    record, _ = mapped("ai-act", building).localized("fr")
    since = droit.depuis("ria.art49")
    assert since is not None and record["applies_from"] == since.isoformat()
    assert any(droit.long_date(since, "fr") in note and droit.reference("ria.art111-2") in note
               for note in record["notes"])
    english, _ = mapped("ai-act", building).localized("en")
    assert any(droit.long_date(since, "en") in note for note in english["notes"])


def test_ai_act_critical_infrastructure_alone_is_registered_at_national_level():
    m = mapped("ai-act", variant(COMPLETE, domaines_annexe_iii=["infrastructures_critiques"]))
    record, gaps = m.localized("fr")
    assert record["applicable"] is False and record["registration"] == "nationale" and gaps == []
    assert not any(k.startswith("C.") for k in record)
    assert "niveau national" in record["reason"] and droit.reference("ria.art49-5") in record["reason"]
    assert "national level" in m.localized("en")[0]["reason"]


@pytest.mark.parametrize("domains", [["police"], ["migration"], ["biometrie", "police"],
                                     ["police", "infrastructures_critiques"]])
def test_ai_act_law_enforcement_and_migration_go_to_the_non_public_section(domains):
    record, _ = mapped("ai-act", variant(COMPLETE, domaines_annexe_iii=domains, drop=("url_base_ue",))).localized("fr")
    assert record["applicable"] is True and record["registration"] == "base-ue-non-publique"
    assert any("section sécurisée non publique" in note and "pas à publier" in note for note in record["notes"])
    # no public link is asked for a registration that is not public
    assert not any("url_base_ue" in note for note in record["notes"])


@pytest.mark.parametrize(("domains", "route"), [
    (["biometrie"], "base-ue-publique"),
    (["police", "prestations_publiques"], "base-ue-publique"),
    (["infrastructures_critiques", "emploi"], "base-ue-publique"),
    (["biometrie", "infrastructures_critiques"], "base-ue-publique"),
])
def test_ai_act_any_other_area_is_registered_in_the_public_database(domains, route):
    assert mapped("ai-act", variant(COMPLETE, domaines_annexe_iii=domains)).record["registration"] == route


def test_ai_act_high_risk_without_an_area_asks_for_it():
    """Without an Annex III area, art. 49(3) may not apply at all (Annex I): the area is the one missing item."""
    m = mapped("ai-act", variant(COMPLETE, domaines_annexe_iii=[]))
    assert m.record["applicable"] is None and "registration" not in m.record
    assert not any(k.startswith("C.") for k in m.record)
    assert [(e["champ"], e["iaterr"]) for e in m.missing] == [("registration", "domaines_annexe_iii")]


def test_ai_act_routes_agree_with_the_lint_rule(tmp_path):
    """Where the export says the use goes to the public EU database (or cannot tell), and only there, the lint
    rule ia-act-eleve-sans-base-ue asks for « url_base_ue »."""
    from itertools import combinations

    from lint_fixtures import lint

    areas = ["biometrie", "infrastructures_critiques", "police", "migration", "prestations_publiques"]
    records = []
    for n in range(1, len(areas) + 1):  # without an area, see test_ai_act_high_risk_without_an_area_asks_for_it
        for combo in combinations(areas, n):
            ident = "cas-" + "-".join(combo).replace("_", "-")
            records.append(variant(COMPLETE, drop=("url_base_ue",), identifiant=ident,
                                   domaines_annexe_iii=list(combo)))
    report = lint(tmp_path / "depot", records)
    flagged = {Path(d.file).stem for d in report.diagnostics if d.code == "ia-act-eleve-sans-base-ue"}
    public = {r["identifiant"] for r in records
              if mapped("ai-act", r).record.get("registration") == "base-ue-publique"}
    assert flagged == public and len(public) not in (0, len(records))


def test_ai_act_a_system_that_is_not_ai_is_out_of_scope():
    for base in (COMPLETE, variant(GOOD_SIMPLE, niveau_risque_ia="non_evalue"), GOOD_SIMPLE):
        m = mapped("ai-act", variant(base, systeme_ia=False))
        record, gaps = m.localized("fr")
        assert record["applicable"] is False and gaps == [], base["identifiant"]
        assert not any(k.startswith("C.") for k in record)
        assert "systeme_ia: false" in record["reason"] and droit.reference("ria.art3-1") in record["reason"]
        assert "not an AI system" in m.localized("en")[0]["reason"]


def test_ai_act_a_rules_only_record_is_told_to_say_whether_it_is_ai():
    rules = variant(COMPLETE, drop=("systeme_ia",), type_algorithme=["regles"])
    record, _ = mapped("ai-act", rules).localized("fr")
    assert any("systeme_ia: false" in note for note in record["notes"])
    record, _ = mapped("ai-act", variant(rules, systeme_ia=True)).localized("fr")
    assert not any("systeme_ia: false" in note for note in record["notes"])


def test_ai_act_export_of_real_records(cli, repo_copy):
    """On real records of data/ (a copy): one declared high-risk in critical infrastructure, one declared as
    not being an AI system, one high-risk for public assistance with both EU database links."""
    def edit(rel: str, extra: str) -> None:
        path = repo_copy / rel
        text = path.read_text(encoding="utf-8").replace('version_schema: "1.0"', 'version_schema: "1.1"', 1)
        path.write_text(text + extra, encoding="utf-8")

    water = "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    edit(water, "niveau_risque_ia: eleve\ndomaines_annexe_iii:\n  - infrastructures_critiques\n")
    rules = "data/cas-usage/metz-vipare.yaml"
    edit(rules, "systeme_ia: false\n")
    aid = "data/cas-usage/bordeaux-metropole-stacoptim.yaml"
    edit(aid, "systeme_ia: true\nniveau_risque_ia: eleve\ndomaines_annexe_iii:\n  - prestations_publiques\n"
              "url_base_ue: https://ec.europa.eu/ai-database/entry/1111\n"
              "url_base_ue_fournisseur: https://ec.europa.eu/ai-database/entry/2222\n")
    checked = cli("validate", "--repo", str(repo_copy), *(str(repo_copy / rel) for rel in (water, rules, aid)))
    assert checked.exit_code == 0, checked.stdout
    result = cli("export", "--format", "ai-act", "--repo", str(repo_copy))
    doc = json.loads(result.stdout)
    by_file = {f["fichier"]: f for f in doc["fiches"]}
    national = by_file[water]
    assert national["enregistrement"]["applicable"] is False and national["enregistrement"]["registration"] == \
        "nationale" and national["manquants"] == []
    assert by_file[rules]["enregistrement"]["applicable"] is False and by_file[rules]["manquants"] == []
    assert "systeme_ia: false" in by_file[rules]["enregistrement"]["reason"]
    public = by_file[aid]["enregistrement"]
    assert public["C.3"].endswith("/2222") and public["deployer_registration"].endswith("/1111")


# ---------------------------------------------------------------- the model's `standards` metadata agrees

#: Where a mapping deliberately departs from a field's `standards` metadata, and why.
DEPARTURES = {
    # the 0.3.1 schema defines `description` as the explanation of the inner workings (the operations) and
    # `methods_and_models` as the known methods used (the algorithm types)
    ("operations", "eurocities"),
    # `product_information` is a URL (the central registration, e.g. the EU database entry), not a supplier
    ("fournisseurs", "eurocities"),
    # `standard_version` is the version of the foreign standard the record follows, not iaterr's file format
    ("version_schema", "eurocities"),
    ("version_schema", "algoritmeregister"),
}
STANDARD_KEYS = {"eurocities": "eurocities", "nl": "algoritmeregister", "uk": "atrs"}


def test_mappings_follow_the_fields_standards_metadata():
    checked = 0
    for model, target in ((CasUsage, "cas"), (Collectivite, "coll")):
        for name, spec in specs(model).items():
            if not spec.meta.public or spec.kind not in ("texte", "url", "email") or spec.submodel:
                continue
            for key, standard in STANDARD_KEYS.items():
                foreign = spec.meta.standards.get(key, "").split(" ")[0]
                if not foreign or (name, standard) in DEPARTURES:
                    continue
                base = mapped(standard, COMPLETE, include_restricted=True).record
                if not find(base, foreign):
                    continue  # a name the mapping does not emit (register-assigned, derived)
                mark = {"texte": f"MARK-{name}", "url": f"https://example.fr/MARK-{name}",
                        "email": f"mark.{name}@example.fr"}[spec.kind]
                value = [mark] if spec.is_list else mark
                record, coll = dict(COMPLETE), dict(COLLECTIVITE)
                (record if target == "cas" else coll)[name] = value
                out = mapped(standard, record, collectivite=coll, include_restricted=True).record
                assert any(mark in json.dumps(v, ensure_ascii=False) for v in find(out, foreign)), \
                    (name, standard, foreign)
                checked += 1
    assert checked >= 25


# ---------------------------------------------------------------- restricted fields never leak

EMAIL_MARKER = "secret.marker@example.fr"


def secret_value(name: str, spec) -> Any:
    if spec.kind == "email":
        value: Any = EMAIL_MARKER
    elif spec.kind == "url":
        value = f"https://example.fr/SECRET-{name}"
    elif spec.kind == "code":
        value = [c for c in spec.vocab.codes if c != "nsp"][-1]
    elif spec.kind == "booleen":
        value = True
    elif spec.kind in ("entier", "nombre"):
        value = 7
    elif spec.kind == "date":
        value = "2024-01"
    else:
        value = f"SECRET-{name}"
    return [value] if spec.is_list else value


def with_secrets(model, data: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """``data`` with every restricted field of ``model`` (nested ones too) set to a marker; the text markers."""
    data = copy.deepcopy(data)
    markers: set[str] = set()
    for name, spec in specs(model).items():
        if spec.meta.visibilite == "restreint":
            data[name] = secret_value(name, spec)
            if spec.kind == "texte":
                markers.add(f"SECRET-{name}")
            elif spec.kind == "url":
                markers.add(f"SECRET-{name}")
        elif spec.submodel is not None:
            inner = [(n, s) for n, s in specs(spec.submodel).items() if s.meta.visibilite == "restreint"]
            if not inner:
                continue
            if not data.get(name):
                data[name] = [{n: s.meta.exemple for n, s in specs(spec.submodel).items() if s.required}]
            entries = data[name] if isinstance(data[name], list) else [data[name]]
            for entry in entries:
                for n, s in inner:
                    entry[n] = secret_value(f"{name}.{n}", s)
                    if s.kind in ("texte", "url"):
                        markers.add(f"SECRET-{name}.{n}")
    return data, markers


SECRET_COLLECTIVITE, COLL_MARKERS = with_secrets(
    Collectivite, {k: v for k, v in COLLECTIVITE.items() if k not in ("contact", "contact_droits")})
#: GOOD_DECISION (high-risk, individual decisions) with no public contact, so that the restricted project
#: contact is the only e-mail a restricted export can use.
SECRET_RECORD, CAS_MARKERS = with_secrets(CasUsage, variant(GOOD_DECISION, drop=("contact_droits",)))
MARKERS = CAS_MARKERS | COLL_MARKERS | {EMAIL_MARKER}
#: Where a restricted field is mapped, per standard (asserted with restricted output).
EXPECTED_WITH_RESTRICTED = {
    "eurocities": {"SECRET-evaluation_risques", "SECRET-description_algorithme", EMAIL_MARKER},
    "algoritmeregister": {"SECRET-evaluation_risques", "SECRET-description_algorithme", EMAIL_MARKER},
    "atrs": {"SECRET-evaluation_risques", "SECRET-nom_algorithme", "SECRET-description_algorithme", EMAIL_MARKER},
    "ai-act": set(),
}


def test_secret_record_covers_every_restricted_field():
    restricted = {n for n, s in specs(CasUsage).items() if s.meta.visibilite == "restreint"}
    assert restricted and all(SECRET_RECORD[n] == secret_value(n, specs(CasUsage)[n]) for n in restricted)
    assert {"SECRET-evaluation_risques", "SECRET-nom_algorithme", "SECRET-description_algorithme"} <= MARKERS


@pytest.fixture(scope="module")
def secret_repo(tmp_path_factory) -> Path:
    return make_repo(tmp_path_factory.mktemp("secret") / "depot", [SECRET_RECORD, GOOD_SIMPLE],
                     collectivite=SECRET_COLLECTIVITE)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("standard", NAMES)
def test_no_restricted_field_in_publishable_output(secret_repo, standard, lang):
    items = load_items(open_repository(secret_repo))
    assert len(items.items) == 2 and not items.include_restricted
    text = render(standard, items, lang=lang)
    doc = json.loads(text)
    assert doc["publiable"] is True and "avertissement" not in doc
    for marker in MARKERS:
        assert marker not in text, marker


@pytest.mark.parametrize("standard", NAMES)
def test_restricted_output_carries_them_and_says_not_to_publish(secret_repo, standard):
    items = load_items(open_repository(secret_repo), include_restricted=True)
    text = render(standard, items)
    doc = json.loads(text)
    assert doc["publiable"] is False
    assert doc["avertissement"] == "Contient des champs restreints : ne pas publier."
    assert json.loads(render(standard, items, lang="en"))["avertissement"] == \
        "Contains restricted fields: do not publish."
    found = {m for m in MARKERS if m in text}
    assert found == EXPECTED_WITH_RESTRICTED[standard]


@pytest.mark.parametrize("standard", NAMES)
def test_mappings_refuse_restricted_data_for_publication(standard):
    """An item that holds restricted data cannot be mapped for publication, nor put in a public export set."""
    unfiltered = item_of(SECRET_RECORD, collectivite=SECRET_COLLECTIVITE, filtered=False)
    assert "evaluation_risques" in unfiltered.cas
    with pytest.raises(NotAView):
        STANDARDS[standard](unfiltered, include_restricted=False)
    with pytest.raises(NotAView):
        ExportSet([unfiltered], include_restricted=False)
    raw = ExportItem(unfiltered.rel, dict(unfiltered.cas), dict(unfiltered.collectivite))  # type: ignore[arg-type]
    with pytest.raises(NotAView):
        ExportSet([raw], include_restricted=True)


@pytest.mark.parametrize("standard", NAMES)
def test_publishable_output_does_not_depend_on_restricted_values(standard):
    """Same output, reasons included, whether the restricted fields hold secrets or nothing at all."""
    stripped = {k: v for k, v in SECRET_RECORD.items() if specs(CasUsage)[k].meta.visibilite != "restreint"}
    a = STANDARDS[standard](item_of(SECRET_RECORD, collectivite=SECRET_COLLECTIVITE), include_restricted=False)
    b = STANDARDS[standard](item_of(stripped, collectivite=SECRET_COLLECTIVITE), include_restricted=False)
    assert a.localized("fr") == b.localized("fr") and a.localized("en") == b.localized("en")


def test_ai_act_a_law_enforcement_registration_holds_points_1_to_3_and_is_not_for_publication():
    """Art. 49(4)(c): a use in law enforcement or migration goes to the secure non-public section, with points 1
    to 3 of Annex VIII section C only; the export says the entry, and the file, are not to be published."""
    police = variant(COMPLETE, domaines_annexe_iii=["police", "biometrie"])
    m = mapped("ai-act", police, collectivite=COMPLETE_COLLECTIVITE)
    assert m.record["registration"] == "base-ue-non-publique" and m.record["publiable"] is False
    assert "C.4" not in m.record and "C.5" not in m.record and {"C.1", "C.3"} <= set(m.record)
    assert not {"C.4", "C.5"} & missing(m)
    public = mapped("ai-act", COMPLETE, collectivite=COMPLETE_COLLECTIVITE)
    assert "publiable" not in public.record and {"C.4", "C.5"} <= set(public.record)
    both = ExportSet([item_of(police, collectivite=COMPLETE_COLLECTIVITE),
                      item_of(variant(COMPLETE, identifiant="autre"), collectivite=COMPLETE_COLLECTIVITE)])
    doc = json.loads(render("ai-act", both))
    assert doc["publiable"] is False and police["identifiant"] in doc["avertissement"]
    assert "non publique" in doc["avertissement"] and droit.reference("ria.art49-4") in doc["avertissement"]
    english = json.loads(render("ai-act", both, lang="en"))
    assert "do not publish" in english["avertissement"] and "Art. 49(4)" in english["avertissement"]
    assert json.loads(render("ai-act", ExportSet([item_of(COMPLETE, collectivite=COMPLETE_COLLECTIVITE)])))[
        "publiable"] is True


def test_ai_act_the_deployer_contact_is_the_authority_s_own_not_the_address_for_requests():
    """Annex VIII C.1: the deployer's contact details; the address for the public's requests (its PRADA) is not
    the authority's contact with the EU."""
    coll = {**COMPLETE_COLLECTIVITE, "contact_droits": "acces-documents@ville-exemple.fr"}
    without = {k: v for k, v in coll.items() if k != "contact"}
    m = mapped("ai-act", COMPLETE, collectivite=without)
    assert "C.1.contact_details" in missing(m)
    assert "acces-documents" not in json.dumps(m.localized("fr")[0])
    m = mapped("ai-act", COMPLETE, collectivite=coll)
    assert m.record["C.1"]["contact_details"]["email"] == coll["contact"]


@pytest.mark.parametrize(("statut", "expected"), [
    ("en_deploiement", "2030-08-02"), ("en_experimentation", "2030-08-02"), ("en_construction", "2027-12-02")])
def test_ai_act_applies_from_is_the_qualification_s_date(statut, expected, monkeypatch):
    """The export and `iaterr qualification` give the same date: a public authority's system already in service
    (a pilot is a use) has until 2 August 2030 (art. 111(2)); a system still being built, 2 December 2027."""
    from iaterr.model.qualification import qualify

    monkeypatch.setenv("IATERR_AUJOURDHUI", "2026-12-01")
    record = variant(COMPLETE, statut=statut)
    m = mapped("ai-act", record, collectivite=COMPLETE_COLLECTIVITE)
    assert m.record["applies_from"] == expected
    item = item_of(record, collectivite=COMPLETE_COLLECTIVITE)
    assert qualify(item.cas, item.collectivite, droit.today()).regime("ria-haut-risque").depuis.isoformat() == expected


@pytest.mark.parametrize("statut", ["en_deploiement", "en_experimentation"])
def test_ai_act_note_of_a_system_in_service_gives_the_date_of_applies_from(statut, monkeypatch):
    """A public authority's system already in service: the note says the date ``applies_from`` gives (art.
    111(2)), and why, not the Annex III date alone."""
    monkeypatch.setenv("IATERR_AUJOURDHUI", "2026-12-01")
    for lang in ("fr", "en"):
        record, _ = mapped("ai-act", variant(COMPLETE, statut=statut),
                           collectivite=COMPLETE_COLLECTIVITE).localized(lang)
        later, annex = droit.depuis("ria.art111-2"), droit.depuis("ria.art49")
        assert later is not None and annex is not None and record["applies_from"] == later.isoformat()
        note = next(n for n in record["notes"] if droit.reference("ria.art111-2", lang) in n)
        assert droit.long_date(later, lang) in note and droit.long_date(annex, lang) in note
        first = note.split(droit.reference("ria.art111-2", lang))[0]
        assert droit.long_date(later, lang) in first, note  # the date that applies comes first, not 2027


def test_dutch_assessment_titles_against_the_register_s_recommended_list():
    """The DPIA title is one the register recommends; iaterr's fundamental rights impact assessment (AI Act art.
    27) is not the Dutch FRAIA/IAMA method: its title is not in the list, and the documentation says so."""
    from iaterr.publish.standards import NL_ASSESSMENTS
    from standards_definitions import SHARED, present
    if not present():
        pytest.skip(f"the registers' own definitions are not beside the clone ({SHARED})")
    config = json.loads((SHARED / "algoritmeregister" / "v1_0.json").read_text(encoding="utf-8"))
    recommended = config["properties"]["impacttoetsen_grouping"]["items"]["title"]["recommended_items"]
    assert NL_ASSESSMENTS["aipd"] in recommended
    assert NL_ASSESSMENTS["aidf"] not in recommended
    doc = (ROOT / "docs" / "export-registres.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| `impacttoetsen_grouping`"))
    assert NL_ASSESSMENTS["aidf"] in row and "ne figure pas" in row
    assert "recommande : « Fundamental Rights" not in doc
