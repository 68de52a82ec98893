"""`iaterr import bibliotheque`: the Bibliothèque d'IA territoriales export into records."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from iaterr.ingest.bibliotheque import (
    MARK_TOKEN,
    identifier,
    import_bibliotheque,
    is_placeholder,
    known_compound_pairs,
    similar_names,
    split_list,
)
from iaterr.repo.config import open_repository
from iaterr.repo.yamlio import read_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "bibliotheque"
#: the real export of 2025-04-16 (23 rows, 16 columns), copied as it is from the Bibliothèque
EXPORT = FIXTURES / "bibliotheque-ia-export-2025-04-16.csv"


# ---------------------------------------------------------------- helpers


@pytest.fixture
def booklet_repo(tmp_path, cli) -> Path:
    """A new repository holding this project's records that the import did not create (the booklet's)."""
    dest = tmp_path / "depot"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    for folder in ("cas-usage", "collectivites"):
        for path in sorted((ROOT / "data" / folder).glob("*.yaml")):
            if MARK_TOKEN not in path.read_text(encoding="utf-8"):
                shutil.copy(path, dest / "data" / folder / path.name)
    return dest


@pytest.fixture
def empty_repo(tmp_path, cli) -> Path:
    dest = tmp_path / "vide"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def run(cli, repo: Path, source: Path, *extra: str, lang: str = "fr"):
    return cli("import", "bibliotheque", str(source), "--repo", str(repo), *extra, lang=lang)


def run_json(cli, repo: Path, source: Path, *extra: str) -> tuple[int, dict]:
    result = run(cli, repo, source, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def findings(report: dict, code: str) -> list[dict]:
    return [f for f in report["constats"] if f["code"] == code]


def snapshot(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted((repo / "data").rglob("*.yaml"))}


def record(repo: Path, kind: str, ident: str) -> dict:
    path = repo / "data" / kind / f"{ident}.yaml"
    return read_document(path.read_bytes(), path.name).data


@pytest.fixture(scope="module")
def real_import(tmp_path_factory):
    """The real export imported once into a booklet repository (shared by the read-only tests)."""
    from typer.testing import CliRunner

    from iaterr.cli.main import build_app

    runner = CliRunner()
    dest = tmp_path_factory.mktemp("reel") / "depot"

    def cli(*args):
        return runner.invoke(build_app("fr"), list(args))

    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    for folder in ("cas-usage", "collectivites"):
        for path in sorted((ROOT / "data" / folder).glob("*.yaml")):
            if MARK_TOKEN not in path.read_text(encoding="utf-8"):
                shutil.copy(path, dest / "data" / folder / path.name)
    before = snapshot(dest)
    result = cli("import", "bibliotheque", str(EXPORT), "--repo", str(dest), "--format", "json")
    return dest, before, result.exit_code, json.loads(result.stdout)


# ---------------------------------------------------------------- the real export


def test_the_23_rows_give_valid_records(real_import, cli):
    repo, _before, code, report = real_import
    assert report["lignes"] == 23
    assert code == 1  # values were left out (SIRETs, URLs, sub-themes): said by the exit code
    assert report["resume"]["ignore"] == 0 and report["resume"]["ignoree"] == 0
    cases = [f for f in report["fiches"] if f["type"] == "cas_usage"]
    assert len(cases) == 23
    assert sum(1 for f in cases if f["action"] == "cree") == 21
    assert cli("validate", "--repo", str(repo), "--no-cache").exit_code == 0


def test_toulouse_siret_checksum_failures_are_reported_with_their_line_and_left_empty(real_import):
    repo, _before, _code, report = real_import
    failures = findings(report, "siret-cle")
    assert [f["ligne"] for f in failures] == [16, 17, 18]
    assert all("clé de contrôle fausse, laissé vide" in f["message"] for f in failures)
    assert "24410051800170" in failures[0]["message"]
    # the collectivité keeps the one SIRET of the export that is right, and no other
    assert record(repo, "collectivites", "toulouse-metropole")["siret"] == "24310051800170"
    texts = "".join(p.read_text(encoding="utf-8") for p in (repo / "data").rglob("*.yaml"))
    for wrong in ("24410051800170", "24510051800170", "24610051800170"):
        assert wrong not in texts


def test_termine_lands_on_termine(real_import):
    repo, _before, _code, report = real_import
    data = record(repo, "cas-usage", "toulouse-metropole-iadata-lutte-contre-le-gaspillage-alimentaire")
    assert data["statut"] == "termine"
    assert data["mise_en_oeuvre"] == "interne"  # "développé en régie" is no partner
    assert "partenaires" not in data
    # « Terminé » is how the Bibliothèque's export spells what its data model calls « Terminée »: said so
    messages = [f["message"] for f in findings(report, "orthographe-export") if f["ligne"] == 15]
    assert any("« Terminé » → termine (orthographe de l'export de la Bibliothèque" in m for m in messages)


def test_internal_access_instead_of_a_url_is_reported_and_left_empty(real_import):
    repo, _before, _code, report = real_import
    reported = findings(report, "url-texte")
    assert [f["ligne"] for f in reported] == [16, 18, 19, 37]
    assert "« accès interne uniquement »" in reported[0]["message"]
    data = record(repo, "cas-usage", "nantes-metropole-viaire-inventaire-et-gestion-des-donnees-patrimoniales")
    assert "url_informations" not in data


def test_booklet_records_are_matched_not_duplicated(real_import):
    repo, before, _code, report = real_import
    by_path = {f["chemin"]: f for f in report["fiches"]}
    for rel in ("data/cas-usage/sicoval-detection-fuites-eau.yaml", "data/cas-usage/noisy-le-grand-recital.yaml",
                "data/collectivites/sicoval.yaml", "data/collectivites/noisy-le-grand.yaml",
                "data/collectivites/bordeaux-metropole.yaml"):
        assert by_path[rel]["action"] == "inchange"
        assert (repo / rel).read_bytes() == before[rel]  # rich content untouched
    assert not (repo / "data/collectivites/ca-sicoval.yaml").exists()
    assert not (repo / "data/collectivites/ville-de-noisy-le-grand.yaml").exists()
    sicoval_cases = sorted(p.name for p in (repo / "data/cas-usage").glob("sicoval-*.yaml"))
    assert sicoval_cases == ["sicoval-detection-fuites-eau.yaml",
                             "sicoval-experimentation-assistance-redactionnelle.yaml"]
    kept = [f["message"] for f in findings(report, "valeurs-gardees") if f["ligne"] == 23]
    assert any("« description »" in m for m in kept)  # the export's shorter text did not replace the booklet's


def test_corrections_and_repairs_of_the_real_export(real_import):
    repo, _before, _code, report = real_import
    assert record(repo, "collectivites", "paris")["type"] == "statut_particulier"
    assert [f["ligne"] for f in findings(report, "type-corrige")] == [20]
    assert record(repo, "collectivites", "etablissement-public-territorial-paris-ouest-la-defense")["type"] == "ept"
    assert record(repo, "collectivites", "communaute-d-agglomeration-paris-saclay")["type"] == (
        "communaute_agglomeration")
    # partners split on hyphens, names kept whole
    previzo = record(repo, "cas-usage", "region-centre-val-de-loire-previzo")
    assert previzo["partenaires"][0] == "Antea France" and "SMO Val de Loire Numérique" in previzo["partenaires"]
    assert record(repo, "cas-usage", "noisy-le-grand-recital")["partenaires"] == ["Datanumia", "EDF", "Erinadis",
                                                                                  "Efficacity"]
    assert record(repo, "cas-usage", "metropole-de-lyon-preci-prevention-automatisee-des-conflits-d-interet")[
        "partenaires"] == ["Exo-Dev"]
    lyon = record(repo, "cas-usage", "metropole-de-lyon-ia-rbre")
    assert lyon["partenaires"][-1] == "TelesCoop" and "Université Lumière Lyon 2" in lyon["partenaires"]
    assert lyon["publics"] == ["agents", "amenageurs"]
    # the multi-line project name is one line; a sub-theme of another theme is kept, as the Bibliothèque does
    # (11 of its 23 rows combine themes), and validate accepts it
    assert record(repo, "cas-usage", "sicoval-experimentation-assistance-redactionnelle")["nom"] == (
        "Expérimentation assistance rédactionnelle")
    assert record(repo, "cas-usage", "toulouse-metropole-iadata-lutte-contre-le-gaspillage-alimentaire")[
        "sous_themes"] == ["plateforme_donnees"]
    assert record(repo, "cas-usage", "bordeaux-metropole-stacoptim")["sous_themes"] == [
        "jumeau_numerique", "performance_energetique"]
    assert not any("sous-theme" in f["code"] for f in report["constats"])


def test_new_records_carry_the_justified_silences_only_where_the_rules_fire(real_import):
    repo, _before, _code, _report = real_import
    from iaterr.lint.run import run_lint

    lint = run_lint(open_repository(repo), use_cache=False)
    codes = {d.code for d in lint.diagnostics}
    for silenced in ("crpa-decisions-non-renseignees", "ia-act-risque-non-evalue", "siret-manquant",
                     "silence-inutile", "silence-sans-justification"):
        assert silenced not in codes
    assert lint.errors == 0
    text = (repo / "data/cas-usage/metz-vipare.yaml").read_text(encoding="utf-8")
    # a pilot since 2024-01: on 2026-11-22 (the tests' today) the freshness rule fires too
    assert ("# iaterr: ignore[crpa-decisions-non-renseignees, fraicheur-experimentation-longue] fiche tirée de "
            "l'export public de la Bibliothèque (2025-04-16), qui n'a ni ce champ ni de date plus récente : à "
            "compléter et vérifier auprès de la collectivité") in text
    assert MARK_TOKEN in text
    # a completed project: only the missing end date (the export has none) is silenced
    text = (repo / "data/cas-usage/toulouse-metropole-iadata-lutte-contre-le-gaspillage-alimentaire.yaml").read_text()
    assert "# iaterr: ignore[qualite-fin-sans-date] fiche tirée de l'export public" in text
    assert "crpa-decisions-non-renseignees" not in text


# ---------------------------------------------------------------- running it again


def test_a_second_import_changes_nothing(booklet_repo, cli):
    assert run(cli, booklet_repo, EXPORT).exit_code == 1
    before = snapshot(booklet_repo)
    code, report = run_json(cli, booklet_repo, EXPORT)
    assert code == 1
    assert snapshot(booklet_repo) == before
    assert {f["action"] for f in report["fiches"]} == {"inchange"}
    assert report["resume"]["inchange"] == len(report["fiches"]) == 40
    assert "40 inchangée(s)" in run(cli, booklet_repo, EXPORT).stdout


def test_an_updated_export_updates_its_record_only_and_keeps_hand_edits(booklet_repo, cli, tmp_path):
    assert run(cli, booklet_repo, EXPORT).exit_code == 1
    target = booklet_repo / "data/cas-usage/metz-vipare.yaml"
    text = target.read_text(encoding="utf-8")
    text = text.replace("theme: transition_ecologique\n", "theme: transition_ecologique\n# vérifié avec la ville\n")
    target.write_text(text + "contact: proprete@metz.fr\n", encoding="utf-8")
    before = snapshot(booklet_repo)

    rows = list(csv.reader(EXPORT.open(encoding="utf-8", newline="")))
    assert rows[2][1] == "ViPARE"
    rows[2][7] = "En déploiement"
    newer = tmp_path / "bibliotheque-ia-export-2025-06-01.csv"
    with newer.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    code, report = run_json(cli, booklet_repo, newer)
    updated = [f for f in report["fiches"] if f["action"] == "mis_a_jour"]
    assert [(f["chemin"], f["champs"]) for f in updated] == [("data/cas-usage/metz-vipare.yaml", ["statut"])]
    after = snapshot(booklet_repo)
    assert [k for k in after if after[k] != before[k]] == ["data/cas-usage/metz-vipare.yaml"]
    text = target.read_text(encoding="utf-8")
    assert "statut: en_deploiement" in text
    assert "# vérifié avec la ville" in text and "contact: proprete@metz.fr" in text
    # now in service: the AI Act rule fires too, and joins the import's silence, whose reason now names the
    # export the record comes from (the provenance comment's date)
    assert ("# iaterr: ignore[crpa-decisions-non-renseignees, ia-act-risque-non-evalue] fiche tirée de l'export "
            "public de la Bibliothèque (2025-06-01)") in text
    assert "# iaterr import bibliotheque : export du 2025-06-01" in text
    assert cli("validate", "--repo", str(booklet_repo), "--no-cache").exit_code == 0


def test_a_project_named_differently_is_created_and_reported_as_a_possible_duplicate(booklet_repo, cli):
    path = booklet_repo / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nom: Expérimentation IA pour la détection des fuites d'eau",
                                 "nom: Détection des fuites d'eau par l'IA"), encoding="utf-8")
    _code, report = run_json(cli, booklet_repo, EXPORT)
    possible = findings(report, "doublon-possible")
    assert [f["ligne"] for f in possible] == [23]
    assert "sicoval-detection-fuites-eau.yaml" in possible[0]["message"]
    assert (booklet_repo / "data/cas-usage/sicoval-experimentation-ia-pour-la-detection-des-fuites-d-eau.yaml").exists()


def test_dry_run_writes_nothing(booklet_repo, cli):
    before = snapshot(booklet_repo)
    result = run(cli, booklet_repo, EXPORT, "--dry-run")
    assert result.exit_code == 1
    assert "Simulation" in result.stdout and "seraient créées" in result.stdout
    assert snapshot(booklet_repo) == before


def test_report_in_english(booklet_repo, cli):
    result = run(cli, booklet_repo, EXPORT, "--lang", "en", "--dry-run", lang="en")
    assert "Line 16" in result.stdout
    assert "wrong check digit, left empty" in result.stdout
    assert "Dry run" in result.stdout
    assert "Ligne" not in result.stdout


# ---------------------------------------------------------------- other exports


def test_semicolon_export_with_spaced_sirets_and_serial_dates(empty_repo, cli):
    code, report = run_json(cli, empty_repo, FIXTURES / "point-virgule.csv")
    assert code == 0, report["constats"]
    assert report["separateur"] == ";" and report["encodage"] == "UTF-8 (BOM)"
    coll = record(empty_repo, "collectivites", "communaute-d-agglomeration-paris-saclay")
    assert coll["siret"] == "20005623200149"
    assert coll["nom"] == "Communauté d'agglomération Paris-Saclay"  # trailing space gone
    assert record(empty_repo, "collectivites", "region-centre-val-de-loire")["siret"] == "23450002300028"
    case = record(empty_repo, "cas-usage", "communaute-d-agglomeration-paris-saclay-urba-ia-nouvelle-version")
    assert case["date_debut"] == "2024-04-15" and case["date_mise_a_jour"] == "2025-04-16"
    assert case["nom"] == "Urba(IA) nouvelle version"
    assert case["partenaires"] == ["Université Paris-Saclay", "Antea France", "Exo-Dev"]
    assert case["publics"] == ["agents", "elus"]
    assert case["url_informations"] == "https://www.paris-saclay.com"
    previzo = record(empty_repo, "cas-usage", "region-centre-val-de-loire-previzo")
    assert previzo["partenaires"] == ["BRGM", "SMO Val-de-Loire Numérique", "Nouvel Espace du Cher"]
    assert [f["ligne"] for f in findings(report, "date-serie")] == [2, 2]
    assert findings(report, "siret-compacte")
    assert cli("validate", "--repo", str(empty_repo), "--no-cache").exit_code == 0


def test_cp1252_file_is_read_with_a_warning(empty_repo, cli):
    code, report = run_json(cli, empty_repo, FIXTURES / "cp1252.csv")
    assert code == 0
    assert report["encodage"] == "Windows-1252"
    assert [f["niveau"] for f in findings(report, "encodage-cp1252")] == ["avertissement"]
    data = record(empty_repo, "cas-usage", "departement-de-la-vendee-jumeau-numerique-des-reseaux")
    assert data["nom"] == "Jumeau numérique des réseaux" and data["publics"] == ["elus"]


def test_rows_that_cannot_make_a_record_are_skipped_with_their_line(empty_repo, cli):
    code, report = run_json(cli, empty_repo, FIXTURES / "defauts.csv")
    assert code == 1
    assert [f["niveau"] for f in findings(report, "colonne-inconnue")] == ["ecarte"]
    assert [f["ligne"] for f in findings(report, "projet-manquant")] == [3]
    assert [f["ligne"] for f in findings(report, "fiche-invalide")] == [4]
    assert [f["ligne"] for f in findings(report, "ligne-double")] == [5]
    assert not (empty_repo / "data/cas-usage/testville-prevision-des-crues.yaml").exists()
    # a SIRET whose checksum fails is left empty, and the lint silence says why
    coll = (empty_repo / "data/collectivites/testville.yaml").read_text(encoding="utf-8")
    assert "siret:" not in coll and "# iaterr: ignore[siret-manquant] SIRET de l'export public" in coll
    assert cli("validate", "--repo", str(empty_repo), "--no-cache").exit_code == 0


def test_usage_errors_exit_2(empty_repo, cli, tmp_path):
    result = run(cli, empty_repo, tmp_path / "absent.csv")
    assert result.exit_code == 2 and "Fichier introuvable" in result.stderr
    not_csv = tmp_path / "notes.csv"
    not_csv.write_text("bonjour\nle monde\n", encoding="utf-8")
    assert run(cli, empty_repo, not_csv).exit_code == 2
    workbook = tmp_path / "export.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert run(cli, empty_repo, workbook).exit_code == 2
    missing = tmp_path / "sans-projet.csv"
    missing.write_text("Nom_collectivite,SIRET\nVille de Metz,20003986500106\n", encoding="utf-8")
    result = run(cli, empty_repo, missing)
    assert result.exit_code == 2 and "Nom_du_projet" in result.stderr
    assert run(cli, empty_repo, FIXTURES / "cp1252.csv", "--format", "xml").exit_code == 2
    assert snapshot(empty_repo) == {}


# ---------------------------------------------------------------- the pieces


@pytest.mark.parametrize("cell, expected", [
    ("DRYAS-Kocliko-Domofrance-ENERLAB", ["DRYAS", "Kocliko", "Domofrance", "ENERLAB"]),
    ("Datanumia-EDF-Erinadis-Efficacity        ", ["Datanumia", "EDF", "Erinadis", "Efficacity"]),
    ("Antea France-BRGM-SMO Val de Loire Numérique", ["Antea France", "BRGM", "SMO Val de Loire Numérique"]),
    ("BRGM-SMO Val-de-Loire Numérique", ["BRGM", "SMO Val-de-Loire Numérique"]),
    ("Université Paris-Saclay-CNRS", ["Université Paris-Saclay", "CNRS"]),
    ("Exo-Dev", ["Exo-Dev"]),
    ("Université Lumière Lyon 2-CNRS-INSA Lyon\nTelesCoop", ["Université Lumière Lyon 2", "CNRS", "INSA Lyon",
                                                           "TelesCoop"]),
    ("Ville de Saint-Quentin-en-Yvelines-Orange", ["Ville de Saint-Quentin-en-Yvelines", "Orange"]),
    ("CEREMA, Immergis", ["CEREMA", "Immergis"]),
    ("Université de Lyon, Datactivist, Tuba ", ["Université de Lyon", "Datactivist", "Tuba"]),
    ("Agence Paris-Nord, Ville-d'Avray", ["Agence Paris-Nord", "Ville-d'Avray"]),  # commas: hyphens stay
    ("Leakmited - Réseau 31", ["Leakmited", "Réseau 31"]),
    ("Plan 2023-2024", ["Plan 2023-2024"]),
])
def test_list_cells_split_on_separators_but_keep_hyphenated_names(cell, expected):
    known = known_compound_pairs(["Communauté d'agglomération Paris-Saclay"])
    assert split_list(cell, known)[0] == expected


def test_placeholders_and_identifiers():
    assert is_placeholder("/") and is_placeholder(" - ") and is_placeholder("N/A")
    assert not is_placeholder("BRGM")
    slug = identifier("toulouse-metropole IADATA catégorisation des délibérations ou des participations citoyennes")
    assert len(slug) <= 80 and not slug.endswith(("-des", "-ou", "-de"))
    assert similar_names("Détection des fuites d'eau par l'IA", "Expérimentation IA pour la détection des fuites d'eau")
    assert not similar_names("Expérimentation assistance rédactionnelle",
                             "Expérimentation IA pour la détection des fuites d'eau")
    assert not similar_names("Nantes Métropole", "Rennes Métropole")


def test_core_reports_without_printing(empty_repo, capsys):
    report = import_bibliotheque(open_repository(empty_repo), FIXTURES / "cp1252.csv", dry_run=True)
    assert capsys.readouterr() == ("", "")
    assert report.exit_code == 0 and report.count("cree") == 2
    assert report.to_dict("en")["constats"][0]["message"].startswith("The file is not UTF-8")
