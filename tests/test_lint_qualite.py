"""The quality rules (family ``qualite``) and the record walker ``iter_texts``."""

from __future__ import annotations

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Fix
from iaterr.lint.fix import apply_fixes
from iaterr.lint.rules.qualite import clean_spaces, iter_texts, placeholder_in
from iaterr.model import CasUsage, Collectivite
from iaterr.repo.config import open_repository
from iaterr.repo.yamlio import read_document
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, codes, found, line_of, lint, one, rendered, variant

CAS = "data/cas-usage/{}.yaml"
COLL = "data/collectivites/ville-exemple.yaml"










# ---------------------------------------------------------------- iter_texts


def test_iter_texts_walks_sub_models_and_lists_with_their_visibility():
    data = variant(GOOD_DECISION, financements=["Fonds vert"], chiffres_cles=[{"valeur": "12", "libelle": "fuites"}])
    items = {path: (value, spec) for path, value, spec in iter_texts(CasUsage, data)}
    assert items[("donnees", 0, "nom")][0].startswith("Dossier de demande")
    assert items[("donnees", 0, "source")][1].kind == "code"
    assert items[("parametres", 0, "ponderation")][0] == "40 %"
    assert items[("partenaires", 0)][1].meta.visibilite == "public"
    assert items[("chiffres_cles", 0, "libelle")][1].kind == "texte"
    assert items[("contact",)][1].kind == "email"
    assert items[("contact",)][1].meta.visibilite == "restreint"
    assert items[("financements", 0)][1].meta.visibilite == "restreint"
    assert items[("description",)][1].meta.visibilite == "public"
    # non-text values and unknown keys are not yielded
    assert ("decisions_individuelles",) not in items or isinstance(items[("decisions_individuelles",)][0], str)
    assert not any(p[0] == "inconnue" for p in iter_texts(CasUsage, {"inconnue": "x", "nom": "y"}))
    assert [p for p, _, _ in iter_texts(Collectivite, COLLECTIVITE) if p == ("contact_droits",)]


# ---------------------------------------------------------------- qualite-description-courte


def test_description_courte_fires(tmp_path):
    root = tmp_path / "depot"
    report = lint(root, [variant(GOOD_SIMPLE, description="Analyse des débits de nuit.")])
    d = one(report, "qualite-description-courte")
    assert d.severity == Severity.WARNING
    assert d.file == CAS.format("detection-fuites")
    assert d.line == line_of(root, d.file, r"^description:")
    assert d.path == ("description",)
    assert "27" in d.message() and "80" in d.message()
    assert d.message("en").startswith("Description of 27 characters (recommended minimum: 80)")
    rendered(d)


def test_description_courte_follows_the_setting(tmp_path):
    short = variant(GOOD_SIMPLE, description="Analyse des débits de nuit.")
    report = lint(tmp_path / "a", [short], config="lint:\n  description_min: 20\n")
    assert "qualite-description-courte" not in codes(report)
    report = lint(tmp_path / "b", [GOOD_SIMPLE], config="lint:\n  description_min: 500\n")
    assert "qualite-description-courte" in codes(report)


# ---------------------------------------------------------------- qualite-texte-de-remplissage


@pytest.mark.parametrize("text", [
    "NSP", "TODO", "TODO : décrire le modèle", "TBD", "xxx", "XXXX", "À compléter", "a completer",
    "(à compléter)", "Modalités à définir.", "lorem ipsum dolor sit amet", "???", "N/A", "n/a", "Néant", "néant.",
    "idem", "Idem que le projet précédent", "voir plus haut", "Voir ci-dessus", "-", "…", "Inconnu", "RAS",
])
def test_placeholders_recognised(text):
    assert placeholder_in(text)


@pytest.mark.parametrize("text", [
    "Le projet vise à compléter la collecte de données existante.",
    "Les critères à définir en 2025 seront votés par le conseil.",
    "Au XXe siècle, le réseau comptait 500 km.",
    "Néant de ce côté : aucun incident signalé depuis le lancement.",
    "Réseau 31", "Complètement opérationnel", "Snapshot", "Nantes", "2,2 M€", "Aucune personne n'est concernée.",
    "https://www.example.fr/n/a/b",
])
def test_placeholders_not_found_in_real_words(text):
    assert placeholder_in(text) is None


def test_texte_de_remplissage_fires_in_a_nested_field(tmp_path):
    root = tmp_path / "depot"
    donnees = [{**GOOD_SIMPLE["donnees"][0], "fournisseur": "NSP"}]
    report = lint(root, [variant(GOOD_SIMPLE, donnees=donnees, finalite="À compléter")])
    ds = found(report, "qualite-texte-de-remplissage")
    assert {d.path for d in ds} == {("donnees", 0, "fournisseur"), ("finalite",)}
    nested = next(d for d in ds if d.path[0] == "donnees")
    assert nested.severity == Severity.WARNING and nested.file == CAS.format("detection-fuites")
    assert nested.line == line_of(root, nested.file, r"fournisseur: NSP")
    top = next(d for d in ds if d.path == ("finalite",))
    assert top.line == line_of(root, top.file, r"^finalite:")
    assert "« NSP »" in nested.message() and "(donnees[0].fournisseur)" in nested.message()
    assert top.message("en").startswith("Placeholder text “À compléter” in “Purpose” (finalite)")
    rendered(top)


def test_texte_de_remplissage_any_visibility_but_not_codes(tmp_path):
    report = lint(tmp_path / "depot", [variant(GOOD_SIMPLE, description_algorithme="TODO", hebergement="nsp")])
    assert [d.path for d in found(report, "qualite-texte-de-remplissage")] == [("description_algorithme",)]


# ---------------------------------------------------------------- qualite-nsp-juridique


def test_nsp_juridique_fires_on_a_decision_making_processing(tmp_path):
    root = tmp_path / "depot"
    donnees = [{**GOOD_DECISION["donnees"][0], "source": "nsp", "mode_collecte": "nsp"}]
    record = variant(GOOD_DECISION, donnees=donnees, type_algorithme=["regles", "nsp"], hebergement="nsp")
    report = lint(root, [record])
    ds = found(report, "qualite-nsp-juridique")
    assert {d.path for d in ds} == {("donnees", 0, "source"), ("donnees", 0, "mode_collecte"),
                                    ("type_algorithme", 1), ("hebergement",)}
    rel = CAS.format("attribution-places-creche")
    lines = {d.path: d.line for d in ds}
    assert lines[("donnees", 0, "source")] == line_of(root, rel, r"source: nsp")
    assert lines[("donnees", 0, "mode_collecte")] == line_of(root, rel, r"mode_collecte: nsp")
    assert lines[("type_algorithme", 1)] == line_of(root, rel, r"^  - nsp")
    assert lines[("hebergement",)] == line_of(root, rel, r"^hebergement:")
    assert all(d.severity == Severity.WARNING and d.file == rel for d in ds)
    heb = next(d for d in ds if d.path == ("hebergement",))
    assert "RGPD" in heb.message() and "GDPR" in heb.message("en")
    src = next(d for d in ds if d.path == ("donnees", 0, "source"))
    assert "R311-3-1-2" in src.message("en")
    rendered(heb)


def test_nsp_juridique_silent_without_decision_or_personal_data(tmp_path):
    donnees = [{**GOOD_SIMPLE["donnees"][0], "source": "nsp", "mode_collecte": "nsp"}]
    record = variant(GOOD_SIMPLE, donnees=donnees, type_algorithme=["nsp"], hebergement="nsp")
    report = lint(tmp_path / "depot", [record])
    assert "qualite-nsp-juridique" not in codes(report)


# ---------------------------------------------------------------- qualite-logo-manquant


def test_logo_manquant_fires_on_the_collectivite(tmp_path):
    root = tmp_path / "depot"
    report = lint(root, [GOOD_SIMPLE], collectivite=variant(COLLECTIVITE, drop=("logo",)))
    d = one(report, "qualite-logo-manquant")
    assert d.severity == Severity.INFO and d.file == COLL
    assert d.line == line_of(root, COLL, r"^version_schema:")  # a missing key: the record itself
    assert d.message("en") == "No logo for “Ville d'Exemple”: the Bibliothèque d'IA territoriales requires one."
    rendered(d)


def test_logo_present_is_silent(tmp_path):
    assert "qualite-logo-manquant" not in codes(lint(tmp_path / "depot", [GOOD_SIMPLE]))


# ---------------------------------------------------------------- qualite-url-informations-manquante


def test_url_informations_manquante_fires_when_deployed(tmp_path):
    root = tmp_path / "depot"
    report = lint(root, [variant(GOOD_SIMPLE, drop=("url_informations",))])
    d = one(report, "qualite-url-informations-manquante")
    assert d.severity == Severity.INFO and d.file == CAS.format("detection-fuites")
    assert d.path == ("url_informations",)
    assert d.line == line_of(root, d.file, r"^statut:")
    rendered(d)


def test_url_informations_not_required_for_a_pilot(tmp_path):
    record = variant(GOOD_SIMPLE, drop=("url_informations",), statut="en_experimentation")
    assert "qualite-url-informations-manquante" not in codes(lint(tmp_path / "depot", [record]))


# ---------------------------------------------------------------- qualite-abandon-sans-motif, qualite-fin-sans-date


def test_abandon_sans_motif_fires(tmp_path):
    root = tmp_path / "depot"
    report = lint(root, [variant(GOOD_SIMPLE, statut="abandonne", date_fin="2026-06")])
    d = one(report, "qualite-abandon-sans-motif")
    assert d.severity == Severity.WARNING and d.file == CAS.format("detection-fuites")
    assert d.path == ("motif_abandon",) and d.line == line_of(root, d.file, r"^statut:")
    assert "qualite-fin-sans-date" not in codes(report)
    rendered(d)


def test_abandon_with_motif_is_silent(tmp_path):
    record = variant(GOOD_SIMPLE, statut="abandonne", date_fin="2026-06",
                     motif_abandon="Les données de télégestion étaient trop lacunaires pour entraîner le modèle.")
    report = lint(tmp_path / "depot", [record])
    assert not {"qualite-abandon-sans-motif", "qualite-fin-sans-date"} & codes(report)


@pytest.mark.parametrize("statut, label_en", [("termine", "completed"), ("abandonne", "abandoned")])
def test_fin_sans_date_fires(tmp_path, statut, label_en):
    root = tmp_path / "depot"
    report = lint(root, [variant(GOOD_SIMPLE, statut=statut, motif_abandon="Coût trop élevé pour le service.")])
    d = one(report, "qualite-fin-sans-date")
    assert d.severity == Severity.WARNING and d.file == CAS.format("detection-fuites")
    assert d.path == ("date_fin",) and d.line == line_of(root, d.file, r"^statut:")
    assert d.message("en") == f"Project “{label_en}” without “date_fin”."
    rendered(d)


def test_fin_sans_date_silent_while_running(tmp_path):
    assert "qualite-fin-sans-date" not in codes(lint(tmp_path / "depot", [GOOD_SIMPLE]))


# ---------------------------------------------------------------- qualite-espaces-superflus


def test_clean_spaces():
    assert clean_spaces("  Un texte  avec   espaces ") == "Un texte avec espaces"
    assert clean_spaces("78\u00a0% de rendement") == "78\u00a0% de rendement"


def test_espaces_superflus_fires_with_a_safe_fix(tmp_path):
    root = tmp_path / "depot"
    record = variant(GOOD_SIMPLE, finalite="  Réduire les pertes d'eau  du réseau. ",
                     points_positifs=["Mise en œuvre  rapide."])
    report = lint(root, [record])
    ds = found(report, "qualite-espaces-superflus")
    rel = CAS.format("detection-fuites")
    assert {d.path for d in ds} == {("finalite",), ("points_positifs", 0)}
    fin = next(d for d in ds if d.path == ("finalite",))
    assert fin.severity == Severity.INFO and fin.file == rel
    assert fin.line == line_of(root, rel, r"^finalite:")
    item = next(d for d in ds if d.path == ("points_positifs", 0))
    assert item.line == line_of(root, rel, r"^  - Mise en œuvre")
    assert "(leading or trailing and doubled)" in fin.message("en")
    assert "(doublés)" in item.message()
    rendered(fin)
    fixes = {fix.path: fix for d, fix in report.fixes[rel] if d.code == "qualite-espaces-superflus"}
    assert fixes == {("finalite",): Fix(("finalite",), "Réduire les pertes d'eau du réseau."),
                     ("points_positifs", 0): Fix(("points_positifs", 0), "Mise en œuvre rapide.")}
    # applied, the fixes change these two values only
    changes = apply_fixes(open_repository(root), {rel: report.fixes[rel]}, write=False)
    before = read_document(changes[0].before.encode(), rel).data
    after = read_document(changes[0].after.encode(), rel).data
    assert after["finalite"] == "Réduire les pertes d'eau du réseau."
    assert after["points_positifs"] == ["Mise en œuvre rapide."]
    assert {k: v for k, v in after.items() if k not in ("finalite", "points_positifs")} == \
        {k: v for k, v in before.items() if k not in ("finalite", "points_positifs")}


def test_espaces_superflus_silent_on_multiline_text_and_single_spaces(tmp_path):
    record = variant(GOOD_SIMPLE, operations="Première étape :\n  classement  des tronçons.\n",
                     finalite="Réduire de 78\u00a0% les pertes d'eau du réseau.")
    report = lint(tmp_path / "depot", [record])
    assert "qualite-espaces-superflus" not in codes(report)


# ---------------------------------------------------------------- qualite-sous-theme-autre-theme


def test_sous_theme_autre_theme_is_information_not_an_error(tmp_path):
    """The Bibliothèque's own records combine themes: validate accepts it, lint points it out."""
    root = tmp_path / "depot"
    record = variant(GOOD_SIMPLE, sous_themes=["gestion_eau", "plateforme_donnees"])
    report = lint(root, [record])
    d = one(report, "qualite-sous-theme-autre-theme")
    assert d.severity == Severity.INFO and d.path == ("sous_themes", 1)
    assert d.line == line_of(root, d.file, r"^  - plateforme_donnees")
    assert d.message("fr") == ("Le sous-thème « Plateforme de données » relève du thème « Gouvernance et socles "
                               "technologiques », pas du thème principal « Transformation écologique et énergétique ».")
    assert not [x for x in report.diagnostics if x.severity == Severity.ERROR]
    rendered(d)


def test_sous_theme_du_theme_is_silent(tmp_path):
    assert "qualite-sous-theme-autre-theme" not in codes(lint(tmp_path / "depot", [GOOD_SIMPLE]))
