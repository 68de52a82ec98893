"""Vocabularies land spellings on one code; value types are strict."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from iaterr.model import CasUsage, Collectivite
from iaterr.model.types import french_date_to_iso, parse_partial_date, siret_checksum_ok
from iaterr.model.vocab import PUBLICS, SOUS_THEMES, STATUTS, THEMES, TYPES_COLLECTIVITE, VOCABULARIES, fold


@pytest.mark.parametrize("spelling", [
    "Transition écologique et énergétique",
    "Transformation écologique et énergétique",
    "Transition écologique",
    "transition ecologique et energetique ",
    "transition_ecologique",
])
def test_theme_spellings_land_on_one_code(spelling):
    assert THEMES.resolve(spelling).code == "transition_ecologique"


@pytest.mark.parametrize("vocab,spelling,code", [
    (STATUTS, "Terminé", "termine"),
    (STATUTS, "Terminée", "termine"),
    (STATUTS, "POC", "en_experimentation"),
    (TYPES_COLLECTIVITE, "Communauté d'agglomérations", "communaute_agglomeration"),
    (TYPES_COLLECTIVITE, "Communauté d’agglomération", "communaute_agglomeration"),
    (TYPES_COLLECTIVITE, "EPT", "ept"),
    (PUBLICS, "Élu", "elus"),
    (PUBLICS, "agent", "agents"),
    (SOUS_THEMES, "Outillage système d’information", "outillage_si"),
    (SOUS_THEMES, "Gestion de l’eau", "gestion_eau"),
    (THEMES, "Citoyenneté, santé et solidarités", "citoyennete_sante_solidarite"),
    (THEMES, "Attractivité et aménagement", "attractivite_developpement"),
])
def test_real_data_spellings(vocab, spelling, code):
    assert vocab.resolve(spelling).code == code


def test_unknown_value_gets_suggestions():
    assert STATUTS.resolve("en_cours") is None
    assert "en_experimentation" in STATUTS.suggest("en experimentaton")


def test_every_sub_theme_has_a_theme_and_codes_are_identifiers():
    for term in SOUS_THEMES.terms:
        assert term.parent in THEMES
    for vocab in VOCABULARIES.values():
        for term in vocab.terms:
            assert term.code == fold(term.code).replace(" ", "_") and term.code.isascii(), term.code
            assert term.fr and term.en


def test_siret_checksum():
    assert siret_checksum_ok("24310063300391")  # Sicoval, from the Bibliothèque export
    assert siret_checksum_ok("24330031600011")  # Bordeaux Métropole
    assert not siret_checksum_ok("24410051800170")  # a Toulouse row of the export: checksum fails
    assert not siret_checksum_ok("2431006330039")
    assert siret_checksum_ok("35600000049837")  # La Poste: digit sum multiple of 5
    assert not siret_checksum_ok("35600000000048")


def test_partial_dates():
    assert parse_partial_date("2024") == (2024,)
    assert parse_partial_date("2024-05") == (2024, 5)
    assert parse_partial_date("2024-02-29") == (2024, 2, 29)
    assert parse_partial_date("2023-02-29") is None
    assert parse_partial_date("2024-13") is None
    assert parse_partial_date("05/2024") is None
    assert french_date_to_iso("05/2024") == "2024-05"
    assert french_date_to_iso("16/04/2025") == "2025-04-16"


def _minimal(**extra):
    data = {"version_schema": "1.0", "identifiant": "projet", "collectivite": "ville", "nom": "Projet",
            "statut": "en_experimentation", "description": "Un projet.", "theme": "mobilites"}
    data.update(extra)
    return data


def test_values_are_taken_as_written():
    record = CasUsage.model_validate(_minimal(nom="no", partenaires=["on", "0123", "1_000"]))
    assert record.nom == "no"
    assert record.partenaires == ["on", "0123", "1_000"]


@pytest.mark.parametrize("field,value,error", [
    ("decisions_individuelles", "yes", "iaterr_booleen"),
    ("nombre_decisions_par_an", "12x", "iaterr_type"),
    ("nombre_decisions_par_an", "-1", "greater_than_equal"),
    ("url_informations", "accès interne uniquement", "iaterr_url"),
    ("url_informations", "www.example.fr", "iaterr_url"),
    ("contact_droits", "mailto:dpo@example.fr", "iaterr_email"),
    ("date_debut", "05/2024", "iaterr_date"),
    ("statut", "en_cours", "iaterr_vocab"),
    ("nom", "   ", "iaterr_vide"),
    ("identifiant", "Mon Projet", "iaterr_slug"),
])
def test_bad_values_are_refused(field, value, error):
    with pytest.raises(ValidationError) as exc:
        CasUsage.model_validate(_minimal(**{field: value}))
    assert [e["type"] for e in exc.value.errors()] == [error]


def test_booleans_accept_french():
    assert CasUsage.model_validate(_minimal(decisions_individuelles="oui")).decisions_individuelles is True
    assert CasUsage.model_validate(_minimal(decisions_individuelles="non")).decisions_individuelles is False


def test_collectivite_siret():
    base = {"version_schema": "1.0", "identifiant": "sicoval", "nom": "Sicoval", "type": "CA"}
    assert Collectivite.model_validate({**base, "siret": "24310063300391"}).type == "communaute_agglomeration"
    for bad, kind in (("243 100 633 00391", "iaterr_siret_format"), ("24310063300392", "iaterr_siret_cle")):
        with pytest.raises(ValidationError) as exc:
            Collectivite.model_validate({**base, "siret": bad})
        assert exc.value.errors()[0]["type"] == kind
