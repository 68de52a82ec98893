"""The privacy rules (family ``vie_privee``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.rules.vie_privee import is_personal_local_part, person_names, phone_numbers
from iaterr.lint.run import run_lint
from iaterr.repo.config import open_repository
from iaterr.repo.gitops import GitHistory
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, codes, found, line_of, lint, one, rendered, variant

CAS = "data/cas-usage/{}.yaml"
DECISION = CAS.format("attribution-places-creche")
SIMPLE = CAS.format("detection-fuites")
COLL = "data/collectivites/ville-exemple.yaml"
PRIVACY = {"vie-privee-email-personnel", "vie-privee-email-personnel-collectivite", "vie-privee-telephone",
           "vie-privee-nom-personne", "vie-privee-restreint-dans-public"}










# ---------------------------------------------------------------- e-mail addresses


@pytest.mark.parametrize("local", ["jean.dupont", "p.nom", "prenom-nom", "marie_claire.dupont", "Jean.Dupont",
                                   "jean.dupont2", "jean.dupont+registre"])
def test_personal_local_parts(local):
    assert is_personal_local_part(local)


@pytest.mark.parametrize("local", ["contact", "dpo", "rgpd", "accueil", "mairie", "info", "donnees", "data",
                                   "numerique", "innovation", "petite-enfance", "eau-potable", "etat-civil",
                                   "service.numerique", "relation-usagers", "ne-pas-repondre", "jdupont",
                                   "dpo2024", "a.b"])
def test_generic_local_parts(local):
    assert not is_personal_local_part(local)


def test_email_personnel_in_public_text_and_email_fields(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_DECISION, contact_droits="claire.martin@ville-exemple.fr",
                     exercice_droits="Écrire à jean.dupont@ville-exemple.fr, qui répond sous un mois ; saisir "
                                     "ensuite la CADA dans les deux mois.")
    report = lint(root, [record])
    ds = found(report, "vie-privee-email-personnel")
    assert {d.path for d in ds} == {("contact_droits",), ("exercice_droits",)}
    assert all(d.severity == Severity.WARNING and d.file == DECISION for d in ds)
    lines = {d.path: d.line for d in ds}
    assert lines[("contact_droits",)] == line_of(root, DECISION, r"^contact_droits:")
    assert lines[("exercice_droits",)] == line_of(root, DECISION, r"^exercice_droits:")
    d = next(d for d in ds if d.path == ("contact_droits",))
    assert d.message("en") == ("Personal address “claire.martin@ville-exemple.fr” in the public field "
                               "“Contact for exercising rights” (contact_droits): it would be published.")
    rendered(d)


def test_email_personnel_silent_in_restricted_contact_and_for_services(tmp_path):
    record = variant(GOOD_DECISION, contact="jean.dupont@ville-exemple.fr",
                     exercice_droits="Écrire à dpo@ville-exemple.fr ou à petite-enfance@ville-exemple.fr ; sans "
                                     "réponse sous un mois, saisir la CADA dans les deux mois.")
    report = lint(tmp_path / "depot", [record])
    assert not PRIVACY & codes(report), [(d.code, d.message()) for d in report.diagnostics]


def test_email_personnel_of_the_collectivite(tmp_path):
    root = tmp_path / "depot"
    report = lint(root, [GOOD_SIMPLE], collectivite=variant(COLLECTIVITE, contact="katia.vernhet@ville-exemple.fr"))
    d = one(report, "vie-privee-email-personnel-collectivite")
    assert d.severity == Severity.WARNING and d.file == COLL and d.path == ("contact",)
    assert d.line == line_of(root, COLL, r"^contact:")
    assert "vie-privee-email-personnel" not in codes(report)
    rendered(d)


# ---------------------------------------------------------------- phone numbers


@pytest.mark.parametrize("text", ["Tél. : 01 23 45 67 89.", "01.23.45.67.89", "appeler le 0123456789",
                                  "+33 1 23 45 67 89", "+33 (0)1 23 45 67 89", "portable 06-12-34-56-78",
                                  "+33612345678", "0033 6 12 34 56 78"])
def test_phone_numbers_recognised(text):
    assert len(phone_numbers(text)) == 1


@pytest.mark.parametrize("text", ["SIRET 24310063300391", "SIRET 243 100 633 00391", "de 2021 à 2024",
                                  "2,2 M€", "113 705 m³", "92 568 €", "le 05 12 2024", "1,0123456789",
                                  "01/02/2024", "1 000 km", "12,98 m³/h", "code INSEE 31113", "0 800 12 34 56"])
def test_phone_numbers_not_confused_with_figures(text):
    assert phone_numbers(text) == []


def test_telephone_fires_in_a_public_text(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_SIMPLE, supervision_humaine="Les techniciens vérifient chaque fuite ; astreinte au "
                                                      "06 12 34 56 78.")
    report = lint(root, [record])
    d = one(report, "vie-privee-telephone")
    assert d.severity == Severity.WARNING and d.file == SIMPLE and d.path == ("supervision_humaine",)
    assert d.line == line_of(root, SIMPLE, r"^supervision_humaine:")
    assert "« 06 12 34 56 78 »" in d.message()
    assert d.message("en").startswith("Phone number “06 12 34 56 78” in the public field “Human oversight”")
    rendered(d)


def test_telephone_silent_on_figures_and_restricted_fields(tmp_path):
    record = variant(GOOD_SIMPLE, chiffres_cles=[{"valeur": "113 705 m³", "libelle": "volume annuel de fuites évité"},
                                                 {"valeur": "2,2 M€", "libelle": "budget 2021-2024"}],
                     description_algorithme="Hotline du prestataire : 01 23 45 67 89.",
                     contexte="Le Sicoval (SIRET 24310063300391) a lancé le projet en 2024.")
    report = lint(tmp_path / "depot", [record])
    assert "vie-privee-telephone" not in codes(report)


# ---------------------------------------------------------------- people's names


@pytest.mark.parametrize("text, name", [
    ("Projet piloté par M. Dupont.", "M. Dupont"), ("Mme Martin a présenté le bilan.", "Mme Martin"),
    ("Selon Monsieur Durand, chef de service", "Monsieur Durand"), ("avec Madame Leroy", "Madame Leroy"),
    ("le Dr Roux a validé", "Dr Roux"), ("Katia VERNHET, cheffe de projet", "Katia VERNHET"),
    ("contact : VERNHET Katia", "VERNHET Katia"), ("Pierre Dupont a conçu l'outil", "Pierre Dupont"),
    ("Jean-Pierre Martin", "Jean-Pierre Martin"), ("Ségolène ROYAL présente", "Ségolène ROYAL"),
    ("Monsieur Le Gall", "Monsieur Le Gall"),
])
def test_names_recognised(text, name):
    assert person_names(text) == [name]


@pytest.mark.parametrize("text", [
    "Métropole Rouen Normandie", "Banque des Territoires", "Leakmited", "Réseau 31 (exploitant du réseau)",
    "Madame la Maire a inauguré le service", "Monsieur Le Président", "groupe scolaire Jean Moulin",
    "rue Jean Jaurès", "l'Institut Marie Curie", "avenue du Docteur Roux", "Saint-Quentin-en-Yvelines",
    "consortium porté par le Pôle TES", "Fonds FEDER", "Financement FEDER", "la Plateforme GEOSUD",
    "Le logiciel CIRIL", "Université Claude Bernard Lyon 1", "Caisse d'allocations familiales",
    "Règlement RGPD", "Aix-Marseille-Provence", "Montpellier Méditerranée Métropole", "Grand Paris",
    "Avec ENEDIS, le réseau est suivi", "Selon INRAE",
])
def test_organisations_are_not_people(text):
    assert person_names(text) == []


def test_nom_personne_fires_in_a_public_text(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_SIMPLE, partenaires=["Leakmited", "Katia VERNHET, hydrologue"])
    report = lint(root, [record])
    d = one(report, "vie-privee-nom-personne")
    assert d.severity == Severity.WARNING and d.file == SIMPLE and d.path == ("partenaires", 1)
    assert d.line == line_of(root, SIMPLE, r"^  - Katia VERNHET")
    assert d.message("en") == ("Probable person's name “Katia VERNHET” in the public field “Partners” "
                               "(partenaires[1]): “Katia VERNHET, hydrologue”.")
    rendered(d)


def test_nom_personne_silent_on_organisations_and_restricted_fields(tmp_path):
    record = variant(GOOD_SIMPLE, partenaires=["Métropole Rouen Normandie", "Banque des Territoires", "Leakmited"],
                     description_algorithme="Modèle conçu avec M. Dupont, data scientist du prestataire.")
    report = lint(tmp_path / "depot", [record])
    assert "vie-privee-nom-personne" not in codes(report)


# ---------------------------------------------------------------- restricted information in public fields


def test_restreint_dans_public_fires_on_a_pasted_passage(tmp_path):
    root = tmp_path / "depot"
    risques = "Risque de biais au détriment des familles arrivées récemment ; critère plafonné."
    record = variant(GOOD_DECISION, supervision_humaine="La commission peut écarter le classement. " + risques.upper())
    report = lint(root, [record])
    d = one(report, "vie-privee-restreint-dans-public")
    assert d.severity == Severity.ERROR and d.file == DECISION and d.path == ("supervision_humaine",)
    assert d.line == line_of(root, DECISION, r"^supervision_humaine:")
    assert "(evaluation_risques)" in d.message()
    assert d.message("en").startswith("The public field “Human oversight” (supervision_humaine) repeats the "
                                      "restricted field “Risk assessment” (evaluation_risques)")
    rendered(d)


def test_restreint_dans_public_fires_on_a_restricted_address(tmp_path):
    root = tmp_path / "depot"
    donnees = [{**GOOD_DECISION["donnees"][0], "fournisseur": "Service petite-enfance@ville-exemple.fr"}]
    report = lint(root, [variant(GOOD_DECISION, donnees=donnees)])
    d = one(report, "vie-privee-restreint-dans-public")
    assert d.path == ("donnees", 0, "fournisseur")
    assert d.line == line_of(root, DECISION, r"fournisseur: Service")


def test_restreint_dans_public_silent_on_short_labels_and_published_addresses(tmp_path):
    # the collectivité publishes dpo@ (contact_droits): the same address as restricted contact is no leak;
    # a short label (three words) recurs naturally; a restricted address merely starting like a public one neither
    record = variant(GOOD_DECISION, contact="dpo@ville-exemple.fr", nom_algorithme="Score des demandes",
                     url_ressources="https://git.ville-exemple.fr/creches",
                     exercice_droits="Écrire à dpo@ville-exemple.fr ; sans réponse sous un mois, saisir la CADA "
                                     "dans les deux mois.",
                     operations="Le score des demandes additionne les points des critères, puis classe les "
                                "demandes par score décroissant.")
    report = lint(tmp_path / "depot", [record])
    assert "vie-privee-restreint-dans-public" not in codes(report), [d.message() for d in report.diagnostics]


# ---------------------------------------------------------------- the real records


def test_real_records_do_not_trigger_privacy_rules():
    main = Path(__file__).resolve().parents[1]
    report = run_lint(open_repository(main), use_cache=False, history=GitHistory(available=True))
    assert report.files_read or report.results
    assert not PRIVACY & codes(report), [(d.code, d.file, d.message()) for d in report.diagnostics
                                         if d.code in PRIVACY]
