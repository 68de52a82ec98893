"""Every export to another register, checked against that register's own definition (``../shared/standards/``,
read by ``standards_definitions``): every error a record has is on a field the record's ``manquants`` names,
with its reason; a fully filled record is valid once what iaterr cannot hold is supplied; and the checkers
themselves catch a wrong key, value, length, nesting, enumeration or language code."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import standards_definitions as defs
from conftest import ROOT
from iaterr.publish.export import ExportSet, load_items
from iaterr.publish.standards import render
from iaterr.repo.config import open_repository
from test_export_standards import COMPLETE, COMPLETE_COLLECTIVITE, mapped

pytestmark = pytest.mark.skipif(not defs.present(), reason=defs.ABSENT)

NAMES = ("eurocities", "algoritmeregister", "atrs", "ai-act")


def errors_of(standard: str, record: dict[str, Any]) -> list[defs.Error]:
    if standard == "eurocities":
        return defs.eurocities_errors(record)
    if standard == "algoritmeregister":
        return defs.nl_errors(record)
    if standard == "atrs":
        return defs.atrs_metadata_errors(record.get("metadata", {}))
    return defs.ai_act_errors(record)


def uncovered(errors: list[defs.Error], manquants: list[dict[str, Any]]) -> list[defs.Error]:
    """The errors on a field the list of what is missing does not name (with a reason)."""
    named = {m["champ"] for m in manquants if m.get("raison")}
    return [(f, why) for f, why in errors if f not in named and f.split(".")[0] not in named]


@pytest.fixture(scope="module")
def real_items() -> ExportSet:
    return load_items(open_repository(ROOT))


@pytest.fixture(scope="module")
def exports(real_items) -> dict[str, dict[str, Any]]:
    return {name: json.loads(render(name, real_items)) for name in NAMES}


# ---------------------------------------------------------------- the embedded data


@pytest.mark.parametrize("standard", NAMES)
def test_every_error_of_the_embedded_data_is_named_in_manquants(exports, standard):
    offenders = {}
    for fiche in exports[standard]["fiches"]:
        left = uncovered(errors_of(standard, fiche["enregistrement"]), fiche["manquants"])
        if left:
            offenders[fiche["identifiant"]] = left
    assert not offenders, json.dumps(offenders, ensure_ascii=False, indent=1)[:4000]


@pytest.mark.parametrize("standard", NAMES)
def test_manquants_names_nothing_that_is_there(exports, standard):
    """What the export says is missing is absent from the record (or, for a value the register refuses, there
    with the reason it is refused)."""
    for fiche in exports[standard]["fiches"]:
        record = fiche["enregistrement"]
        errors = {f for f, _ in errors_of(standard, record)}
        for m in fiche["manquants"]:
            champ = m["champ"]
            if standard == "atrs":
                held = champ in record.get("metadata", {}) or any(champ in (s or {}) for s in record.values()
                                                                  if isinstance(s, dict))
            elif standard == "ai-act":
                continue  # C.1.address and the like: checked by the AI Act tests
            else:
                held = champ in record
            assert not held or champ in errors, (fiche["identifiant"], champ)


def test_dutch_register_accepts_only_dutch_and_says_so(exports):
    for fiche in exports["algoritmeregister"]["fiches"]:
        lang = [m for m in fiche["manquants"] if m["champ"] == "lang"]
        assert len(lang) == 1 and "néerlandais" in lang[0]["raison"], fiche["identifiant"]
        assert ("lang", "lang: 'fra' not in ['nld']") in defs.nl_errors(fiche["enregistrement"])


def test_measured_validity_of_the_embedded_data(exports):
    """The figures docs/export-registres.md gives: the records valid as they stand, per standard."""
    valid = {name: sum(not errors_of(name, f["enregistrement"]) for f in exports[name]["fiches"])
             for name in NAMES}
    total = len(exports["eurocities"]["fiches"])
    assert total == 30
    # the Dutch register refuses every French-language record; GOV.UK's organisation list is British only
    assert valid["algoritmeregister"] == 0 and valid["atrs"] == 0
    # no record of the embedded data is declared a high-risk AI system: each says why nothing is registered
    assert valid["ai-act"] == total
    # but most have no risk tier: their registration is unknown (applicable: null), the tier named missing
    unknown = [f for f in exports["ai-act"]["fiches"] if f["enregistrement"]["applicable"] is None]
    assert all([m["champ"] for m in f["manquants"]] == ["applicable"] for f in unknown)
    # docs/export-registres.md gives these figures: a change of data/ or of a mapping updates them
    doc = (ROOT / "docs" / "export-registres.md").read_text(encoding="utf-8")
    rows = {"eurocities": "| Eurocities 0.3.1 |", "algoritmeregister": "| Algoritmeregister 1.0 |",
            "atrs": "| ATRS (GOV.UK) |", "ai-act": "| Règlement IA, annexe VIII C |"}
    for name, start in rows.items():
        row = next(line for line in doc.splitlines() if line.startswith(start))
        errors = sum(len(errors_of(name, f["enregistrement"])) for f in exports[name]["fiches"])
        assert f"| {valid[name]} / {total} |" in row, (name, valid[name])
        assert (f"| {errors}" in row) if errors else "| aucune" in row, (name, errors)
    ai_row = next(line for line in doc.splitlines() if line.startswith(rows["ai-act"]))
    assert f"{len(unknown)} fiches sur {total}" in ai_row and "niveau_risque_ia" in ai_row, ai_row
    assert f"{len(unknown)} of {total} records have no risk tier" in doc.split("## English summary")[1]
    for claim in ("aucune fiche n'est à haut risque", "none is high-risk", "no record is high-risk"):
        assert claim not in doc, claim


def _real_records() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    out = []
    for path in sorted((ROOT / "data" / "cas-usage").glob("*.yaml")):
        cas = yaml.safe_load(path.read_text(encoding="utf-8"))
        coll = yaml.safe_load((ROOT / "data" / "collectivites" / f"{cas['collectivite']}.yaml").read_text(
            encoding="utf-8"))
        out.append((cas, coll))
    return out


@pytest.mark.parametrize("domains", [["prestations_publiques"], ["police"], ["infrastructures_critiques"]],
                         ids=["public", "non-public", "national"])
def test_ai_act_of_the_embedded_data_made_high_risk(domains):
    """No embedded record is high-risk: each, made a high-risk AI system of an Annex III area, gives a
    registration whose every gap is named."""
    for cas, coll in _real_records():
        cas = {**cas, "systeme_ia": True, "niveau_risque_ia": "eleve", "domaines_annexe_iii": domains}
        m = mapped("ai-act", cas, collectivite=coll)
        record, manquants = m.localized("fr")
        assert not uncovered(defs.ai_act_errors(record), manquants), (cas["identifiant"], record)
        assert record["applicable"] is (domains != ["infrastructures_critiques"])


# ---------------------------------------------------------------- a fully filled record


#: What a person supplies by hand for what iaterr cannot hold, as the definitions' examples and values.
SUPPLIED = {
    "eurocities": {"department": "Direction de la petite enfance", "publication_date": "2025-01-15",
                   "revision_date": "2026-01-15", "type": "prescriptive"},
    "algoritmeregister": {"lang": "nld"},
    "atrs": {"algorithmic_transparency_record_organisation": None,
             "algorithmic_transparency_record_date_published": "2025-01-15",
             # the template's body: no machine-readable definition to check them against
             "team": None, "senior_responsible_owner": None, "provided_information": None},
    "ai-act": {"C.2": {"name": "Jeanne Exemple", "address": "1 place de la Mairie, 31000 Exemple",
                       "contact_details": "dpo@ville-exemple.fr"}},
}


@pytest.mark.parametrize("standard", NAMES)
def test_a_fully_filled_record_is_valid_once_what_iaterr_cannot_hold_is_supplied(standard):
    public = mapped(standard, COMPLETE, collectivite=COMPLETE_COLLECTIVITE).localized("fr")
    assert not uncovered(errors_of(standard, public[0]), public[1])
    # the collectivité's own export (restricted fields included): only what iaterr has no field for is left
    record, manquants = mapped(standard, COMPLETE, collectivite=COMPLETE_COLLECTIVITE,
                               include_restricted=True).localized("fr")
    assert not uncovered(errors_of(standard, record), manquants)
    assert {mq["champ"] for mq in manquants} <= set(SUPPLIED[standard]), manquants
    completed = copy.deepcopy(record)
    if standard == "atrs":
        supplied = {k: v for k, v in SUPPLIED["atrs"].items() if v and k.startswith("algorithmic_")}
        completed["metadata"].update(supplied)
        # GOV.UK's organisation is one of its listed UK bodies: none can be checked for a French authority
        left = defs.atrs_metadata_errors(completed["metadata"])
        assert [f for f, _ in left] == ["algorithmic_transparency_record_organisation"]
        return
    completed.update(SUPPLIED[standard])
    if standard == "eurocities":
        order = defs.eurocities_order()
        completed = dict(sorted(completed.items(), key=lambda kv: order.index(kv[0])))
    assert errors_of(standard, completed) == []


# ---------------------------------------------------------------- the checkers fail on what they must


def _valid(standard: str) -> dict[str, Any]:
    record = mapped(standard, COMPLETE, collectivite=COMPLETE_COLLECTIVITE,
                    include_restricted=True).localized("fr")[0]
    if standard == "atrs":
        return record
    record.update({k: v for k, v in SUPPLIED[standard].items() if v})
    if standard == "eurocities":
        order = defs.eurocities_order()
        record = dict(sorted(record.items(), key=lambda kv: order.index(kv[0])))
    return record


@pytest.mark.parametrize("change, field", [
    ({"country": "France"}, "country"),                   # removed in the final 0.3.1
    ({"description_short": "x" * 151}, "description_short"),
    ({"status": "operationeel"}, "status"),               # the Dutch label, not the value
    ({"lang": "fra"}, "lang"),                            # ISO 639-2, not 639-1
    ({"contact_email": "mairie"}, "contact_email"),
    ({"website": "www.exemple.fr"}, "website"),
    ({"standard_version": "0.3.0"}, "standard_version"),
    ({"uuid": "1234"}, "uuid"),
    ({"last_change_date": "2025-02"}, "last_change_date"),
    ({"goal": {"fr": "but"}}, "goal"),                    # nesting
])
def test_eurocities_checker_catches(change, field):
    record = _valid("eurocities")
    assert defs.eurocities_errors(record) == []
    record.update(change)
    assert field in {f for f, _ in defs.eurocities_errors(record)}


def test_eurocities_checker_catches_the_order_and_a_missing_required_attribute():
    record = _valid("eurocities")
    reordered = {"lang": record["lang"], **{k: v for k, v in record.items() if k != "lang"}}
    assert ("name", "out of the standard's order (after lang)") in defs.eurocities_errors(reordered)
    del record["risks"]
    assert ("risks", "required") in defs.eurocities_errors(record)


@pytest.mark.parametrize("change, field", [
    ({"description_short": "<p>" + "x" * 401 + "</p>"}, "description_short"),
    ({"goal": "<p>" + "x" * 2490 + "</p>"}, None),                  # counted without the HTML
    ({"goal": "<p>Réduire <b>fortement</b> l'attente.</p>"}, "goal"),  # <b> is not an allowed tag
    ({"risks": "<ul><li>biais</li></ul><br/>"}, None),              # allowed tags
    ({"description_short": "<p>Un résumé.</p>"}, "description_short"),  # no tag allowed in this field
    ({"lang": "fra"}, "lang"),
    ({"status": "Pilot"}, "status"),
    ({"category": ["Mobiliteit"]}, "category"),
    ({"category": "Verkeer"}, "category"),                          # a list expected
    ({"impacttoetsen_grouping": [{"link": "https://x.nl"}]}, "impacttoetsen_grouping"),  # title required
    ({"source_data_grouping": [{"title": "x", "link": "https://x.nl", "kind": "y"}]}, "source_data_grouping"),
    ({"lawful_basis_grouping": [{"title": "x" * 101, "link": "https://x.nl"}]}, "lawful_basis_grouping"),
    ({"begin_date": "2024-01-01"}, "begin_date"),
    ({"country": "Frankrijk"}, "country"),
    ({"publication_category": "Impactvol"}, "publication_category"),
])
def test_dutch_checker_catches(change, field):
    record = _valid("algoritmeregister")
    assert defs.nl_errors(record) == []
    record.update(change)
    found = {f for f, _ in defs.nl_errors(record)}
    assert found == ({field} if field else set())


def test_dutch_checker_reads_the_allowed_html_tags_of_the_configuration():
    config = defs.nl_config()
    assert config["goal"]["allowed_html_tags"] == ["div", "br", "p", "ul", "ol", "li"]
    assert "allowed_html_tags" not in config["name"]


def test_html_the_dutch_register_does_not_allow_is_named_in_manquants():
    """A free text holding a tag the register does not allow (its ``allowed_html_tags``) does not pass
    silently: the export leaves it out and says why, naming the tag."""
    cas = {**COMPLETE, "finalite": "Réduire <b>fortement</b> l'attente des familles.",
           "nom": "Score <i>crèches</i>"}
    record, manquants = mapped("algoritmeregister", cas, collectivite=COMPLETE_COLLECTIVITE).localized("fr")
    assert not uncovered(defs.nl_errors(record), manquants)
    reasons = {m["champ"]: m["raison"] for m in manquants}
    assert "goal" not in record and "<b>" in reasons["goal"] and "finalite" in reasons["goal"]
    assert "name" not in record and "<i>" in reasons["name"]
    # allowed tags pass as written
    cas = {**COMPLETE, "finalite": "<p>Réduire l'attente.</p><ul><li>familles</li></ul>"}
    record, manquants = mapped("algoritmeregister", cas, collectivite=COMPLETE_COLLECTIVITE).localized("fr")
    assert record["goal"].startswith("<p>Réduire") and "goal" not in {m["champ"] for m in manquants}


def test_dutch_checker_reads_required_as_the_configuration_writes_it():
    record = _valid("algoritmeregister")
    del record["contact_email"]
    record.pop("source_data_grouping", None)  # required: "false", a string
    assert defs.nl_errors(record) == [("contact_email", "contact_email: required")]


@pytest.mark.parametrize("change, field", [
    ({"algorithmic_transparency_record_phase": "Beta/Pilot"}, "algorithmic_transparency_record_phase"),
    ({"algorithmic_transparency_record_atrs_version": "3.0"}, "algorithmic_transparency_record_atrs_version"),
    ({"algorithmic_transparency_record_organisation_type": "local-authority"},
     "algorithmic_transparency_record_organisation_type"),  # a list
    ({"algorithmic_transparency_record_organisation_type": ["collectivite"]},
     "algorithmic_transparency_record_organisation_type"),
    ({"algorithmic_transparency_record_date_published": "15/01/2025"},
     "algorithmic_transparency_record_date_published"),
    ({"standard_version": "3.0"}, "standard_version"),
    ({"algorithmic_transparency_record_organisation": "ville-exemple"},
     "algorithmic_transparency_record_organisation"),
])
def test_atrs_checker_catches(change, field):
    metadata = {**_valid("atrs")["metadata"], "algorithmic_transparency_record_date_published": "2025-01-15"}
    assert defs.atrs_metadata_errors(metadata) == [("algorithmic_transparency_record_organisation", "required")]
    metadata.update(change)
    assert field in {f for f, _ in defs.atrs_metadata_errors(metadata)}


def test_ai_act_checker_catches():
    record = _valid("ai-act")
    record["C.2"] = SUPPLIED["ai-act"]["C.2"]
    assert defs.ai_act_errors(record) == []
    assert "C.5" in {f for f, _ in defs.ai_act_errors({k: v for k, v in record.items() if k != "C.5"})}
    assert "C.6" in {f for f, _ in defs.ai_act_errors({**record, "C.6": "x"})}
    assert "C.4" in {f for f, _ in defs.ai_act_errors({**record, "registration": defs.NON_PUBLIC,
                                                        "publiable": False})}
    assert "C.1" in {f for f, _ in defs.ai_act_errors({**record, "applicable": False, "reason": "x"})}
    assert "C.1.address" in {f for f, _ in defs.ai_act_errors(
        {**record, "C.1": {**record["C.1"], "address": ""}})}


def test_definitions_are_the_maintainers_files():
    """The checkers read the files the README lists (a moved file fails here rather than checking nothing)."""
    assert defs.eurocities_limits() == {"description_short": 150}
    assert "country" not in defs.eurocities_order() and defs.eurocities_order()[0] == "name"
    assert defs.nl_config()["lang"]["permitted_values"] == ["nld"]
    assert defs.nl_config()["description_short"]["max_length"] == 400
    phase = defs.govuk_facets()["algorithmic_transparency_record_phase"]
    assert "beta-pilot" in defs._allowed(phase)
    assert Path(defs.SHARED / "README.md").is_file()
