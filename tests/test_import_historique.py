"""`iaterr import bibliotheque` on the Bibliothèque's own historical tables (issue #13): exact copies of two
tables of its public repository, kept in ``tests/fixtures/bibliotheque/historique/`` (see its README).

- the beta table of 2025-01-13 writes its dates month/day/year, every start date on the 1st of a month
  (``3/1/2022`` is March 2022): the order is decided from that, the dates kept to the month, as the later
  exports write them (``03/2022``);
- the test table of November 2024 follows the first data model (« v0 »), whose columns have other names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iaterr.repo.yamlio import read_document

HISTORY = Path(__file__).parent / "fixtures" / "bibliotheque" / "historique"
BETA = HISTORY / "bdd-beta-bibIA-2025-01-13.csv"
V0 = HISTORY / "202411-bibIA-testBDD.csv"

#: the start dates of the beta table, in its order, as the Bibliothèque's later exports write them (MM/YYYY)
BETA_STARTS = ["2023-01", "2022-03", "2021-06", "2022-09", "2021-07", "2022-02", "2021-04", "2022-08", "2021-05",
               "2022-11"]
BETA_PROJECTS = ["smartwaste", "airqualitywatch", "smarttraffic", "parksmart", "firewatch", "socialhousing",
                 "infrawatch", "schoolmanager", "greenspaces", "medemergency"]
#: values of fields restricted in iaterr, as the tables hold them: never in a report
BETA_RESTRICTED = ("dechets@coll-cyz.fr", "OptimisationRoute", "HousingAllocator", "entre 50k€ et 100k€",
                   "Cloud chez un tiers", "Mobilisation de prestataire")
V0_RESTRICTED = ("contact.transports@marseille.fr", "TrafficAI", "SocioNeedPredict",
                 "Algorithme pour analyser et prévoir", "Cloud public sécurisé")


@pytest.fixture
def repo(tmp_path, cli) -> Path:
    dest = tmp_path / "depot"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def run(cli, repo: Path, source: Path, *extra: str, lang: str = "fr") -> tuple[int, dict, str]:
    result = cli("import", "bibliotheque", str(source), "--repo", str(repo), "--format", "json", *extra, lang=lang)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout), result.stdout + result.stderr


def codes(report: dict, code: str) -> list[dict]:
    return [f for f in report["constats"] if f["code"] == code]


def case(repo: Path, name: str) -> dict:
    path = repo / "data" / "cas-usage" / f"{name}.yaml"
    return read_document(path.read_bytes(), path.name).data


def test_the_beta_table_is_read_month_first_and_to_the_month(cli, repo):
    _code, report, output = run(cli, repo, BETA)
    decided = codes(report, "ordre-dates.decide")
    assert len(decided) == 1 and "mois/jour/année" in decided[0]["message"], report["constats"][:8]
    assert "1er d'un mois" in decided[0]["message"] and "projet_date" in decided[0]["message"]
    assert not codes(report, "date-indecise") and not codes(report, "ordre-dates.indecis")
    starts = [case(repo, f"collectivite-xyz-{p}").get("date_debut") for p in BETA_PROJECTS]
    assert starts == BETA_STARTS
    assert {case(repo, f"collectivite-xyz-{p}")["date_mise_a_jour"] for p in BETA_PROJECTS} == {"2024-12-12"}
    leaked = [v for v in BETA_RESTRICTED if v.casefold() in output.casefold()]
    assert not leaked, leaked


def test_the_beta_table_values_the_bibliotheque_spelled_its_own_way(cli, repo):
    _code, report, _output = run(cli, repo, BETA)
    air = case(repo, "collectivite-xyz-airqualitywatch")
    # four sub-themes joined by hyphens, of three themes: all kept
    assert air["sous_themes"] == ["sante", "plateforme_donnees", "stationnement", "flux_trafic"]
    assert air["budget"] == "de_50k_a_100k"  # « entre 50k€ et 100k€ », the beta table's spelling
    assert case(repo, "collectivite-xyz-schoolmanager")["publics"] == ["etablissements_scolaires"]
    # a restricted value the vocabulary does not know is said without being quoted, nor « close to » it
    assert not [f for f in report["constats"] if "budget" in f["message"].casefold()]
    # the algorithm type, restricted in the Bibliothèque, is not published: said once, no row-level repair
    withheld = codes(report, "reste-restreint")
    assert len(withheld) == 1 and "lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11" in withheld[0]["message"]
    assert not [f for f in report["constats"] if f.get("ligne") and "type_algorithme" in f["message"]]
    assert all("type_algorithme" not in case(repo, f"collectivite-xyz-{p}") for p in BETA_PROJECTS)


def test_an_order_given_for_the_beta_table_is_obeyed(cli, repo):
    _code, report, _output = run(cli, repo, BETA, "--ordre-dates", "jma")
    assert not codes(report, "ordre-dates.decide")
    # read day first, every project would start in January: what the person asked for, day kept
    assert case(repo, "collectivite-xyz-airqualitywatch")["date_debut"] == "2022-01-03"


def test_the_first_data_model_is_recognised_by_its_column_names(cli, repo):
    _code, report, output = run(cli, repo, V0)
    v0 = codes(report, "modele-v0")
    assert len(v0) == 1 and "usage_service" in v0[0]["message"]
    assert not [f for f in report["constats"] if f["code"].startswith("colonne-inconnue")
                and any(c in f["message"] for c in ("usage_service", "cible_service", "« description »",
                                                    "« operations »"))]
    traffic = case(repo, "ville-xyz-analyse-des-donnees-de-circulation")
    assert traffic["description"] == "Optimiser le trafic pour réduire la congestion et la pollution"
    assert traffic["theme"] == "mobilites" and traffic["publics"] == ["grand_public", "entreprises"]
    assert traffic["description_algorithme"].startswith("Algorithme pour analyser")  # restricted: kept, not said
    assert traffic["date_debut"] == "2023-05-12"
    # operations, restricted there, public here, with no individual decision declared: left out, said once
    assert "operations" not in traffic
    assert any("algorithme_operations" in f["message"] for f in codes(report, "reste-restreint"))
    # « Sécurité publique » has no theme in the final matrix: that row only is refused, with its reason
    ignored = [f for f in report["constats"] if f["code"] == "fiche-invalide"]
    assert [f["ligne"] for f in ignored] == [5], ignored
    leaked = [v for v in V0_RESTRICTED if v.casefold() in output.casefold()]
    assert not leaked, leaked


def test_dates_to_the_month_written_day_first_are_read_so_too(cli, repo, tmp_path):
    """The same table written the French way (``1/3/2022``): day first, kept to the month."""
    import re

    text = BETA.read_text(encoding="utf-8")
    swapped = re.sub(r";(\d{1,2})/1/(\d{4});", lambda m: f";1/{m.group(1)}/{m.group(2)};", text)
    assert swapped != text
    source = tmp_path / "beta-jour-mois.csv"
    source.write_text(swapped, encoding="utf-8")
    _code, report, _output = run(cli, repo, source)
    assert "jour/mois/année" in codes(report, "ordre-dates.decide")[0]["message"]
    assert [case(repo, f"collectivite-xyz-{p}").get("date_debut") for p in BETA_PROJECTS] == BETA_STARTS
