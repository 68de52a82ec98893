"""`iaterr import bibliotheque`: no value of a restricted field reaches the report, whatever the order of
the columns, in text or in JSON; the public values the report quotes are still quoted."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

EXPORT = Path(__file__).parent / "fixtures" / "bibliotheque" / "bibliotheque-ia-export-2025-04-16.csv"

#: A cell for every restricted column of the Bibliothèque's data model, each made to be repaired or
#: refused (so that the import has something to say about it), each holding strings found nowhere else.
RESTRICTED_CELLS = {
    "risque": "RisqueSecretA1 : détail confidentiel",
    "erreur": "ErreurSecretA2",
    "explicabilite": "Moyenne ExplicSecretA3",
    "projet_contact": "mailto:contact.secreta4@exemple.fr",
    "nom_algorithme": "AlgoSecretA5\nversion SecondeLigneA5",
    "algorithme_description": "DescAlgoSecretA6",
    "mise_en_oeuvre": "MiseSecretA7",
    "herbergement": "HebergSecretA8",
    "financement": "FondsSecretX-SubventionCacheeY",
    "budget": "BudgetSecretA9",
    "impact_environnement": "ImpactSecretB1",
    "url_ressources": "www.ressource-secreteb2.fr",
}
SECRETS = ("RisqueSecretA1", "ErreurSecretA2", "ExplicSecretA3", "secreta4", "AlgoSecretA5", "SecondeLigneA5",
           "DescAlgoSecretA6", "MiseSecretA7", "HebergSecretA8", "FondsSecretX", "SubventionCacheeY",
           "BudgetSecretA9", "ImpactSecretB1", "secreteb2",
           # the code "développé en régie" becomes in mise_en_oeuvre (restricted), as the report would say it
           "mise_en_oeuvre: interne", "mise_en_oeuvre : interne")


def _export(folder: Path, order: str) -> Path:
    with EXPORT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    table = [dict(zip(header, row)) | RESTRICTED_CELLS for row in body]
    public, restricted = list(header), list(RESTRICTED_CELLS)
    if order == "restreintes-a-la-fin":
        columns = public + restricted
    elif order == "restreintes-au-debut":
        columns = restricted + public
    elif order == "partenaires-a-la-fin":
        columns = restricted + [c for c in public if c != "Partenaires"] + ["Partenaires"]
    else:  # alternées
        columns = []
        for i in range(max(len(public), len(restricted))):
            columns += public[i:i + 1] + restricted[i:i + 1]
    path = folder / f"bibliotheque-ia-export-2025-04-16-{order}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in table:
            writer.writerow([row.get(c, "") for c in columns])
    return path


@pytest.fixture
def empty_repo(tmp_path, cli) -> Path:
    dest = tmp_path / "vide"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


ORDERS = ("restreintes-a-la-fin", "restreintes-au-debut", "partenaires-a-la-fin", "alternees")


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_restricted_value_in_the_report(cli, tmp_path, empty_repo, order, fmt, lang):
    source = _export(tmp_path, order)
    result = cli("import", "bibliotheque", str(source), "--repo", str(empty_repo), "--dry-run", "--format", fmt,
                 lang=lang)
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1), output
    leaked = [secret for secret in SECRETS if secret.casefold() in output.casefold()]
    assert not leaked, (leaked, output)
    # the public values are still quoted: a list split at hyphens, the collectivité type corrected, the
    # partner that is a way of building the project (said, its value hidden)
    assert "DRYAS" in output and "Kocliko" in output and "ENERLAB" in output, output
    assert "statut_particulier" in output and "Ville de Paris" in output, output
    if fmt == "json":
        report = json.loads(result.stdout)
        codes = {f["code"] for f in report["constats"]}
        # the restricted cells were noticed (repaired or left out), only their values are hidden
        assert {"liste-traits-union", "mailto", "une-ligne", "url-completee", "valeur-inconnue.restreinte",
                "partenaire-mise-en-oeuvre"} <= codes, codes
        splits = [f["message"] for f in report["constats"] if f["code"] == "liste-traits-union"]
        assert any("DRYAS" in m and "Kocliko" in m for m in splits), splits


def test_the_restricted_values_are_imported_all_the_same(cli, tmp_path, empty_repo):
    """Hidden from the report, not from the records: the collectivité's own repository holds them."""
    source = _export(tmp_path, "partenaires-a-la-fin")
    result = cli("import", "bibliotheque", str(source), "--repo", str(empty_repo))
    assert result.exit_code in (0, 1), result.stdout
    texts = "".join(p.read_text(encoding="utf-8") for p in (empty_repo / "data" / "cas-usage").glob("*.yaml"))
    assert "FondsSecretX" in texts and "contact.secreta4@exemple.fr" in texts


# ---------------------------------------------------------------- restricted there, public here (#13)

#: Columns the Bibliothèque restricts and iaterr publishes, with values found nowhere else.
RESTRICTED_THERE = {"type_algorithme": "Machine Learning", "algorithme_operations": "OperationsSecretC1 des tronçons"}


def _with_restricted_there(folder: Path) -> Path:
    with EXPORT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    path = folder / "bibliotheque-ia-membres.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(rows[0] + list(RESTRICTED_THERE))
        for row in rows[1:4]:  # Stacoptim, ViPARE, RECITAL
            writer.writerow(row + list(RESTRICTED_THERE.values()))
    return path


def _report(cli, repo: Path, source: Path, *extra: str) -> tuple[int, dict]:
    result = cli("import", "bibliotheque", str(source), "--repo", str(repo), "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def test_a_value_restricted_in_the_bibliotheque_does_not_become_public(cli, tmp_path, empty_repo):
    """Neither the algorithm type (no text requires it) nor the operations (L312-1-3 requires them only for a
    processing that founds individual decisions, which a new record does not say) reach the records; each field
    is reported once, with its rows and why."""
    code, report = _report(cli, empty_repo, _with_restricted_there(tmp_path))
    assert code == 1  # values were left out
    texts = "".join(p.read_text(encoding="utf-8") for p in (empty_repo / "data" / "cas-usage").glob("*.yaml"))
    assert "OperationsSecretC1" not in texts and "type_algorithme" not in texts
    withheld = {f["message"].split("»")[0]: f for f in report["constats"] if f["code"] == "reste-restreint"}
    assert set(withheld) == {"« Type d'algorithme ", "« Opérations effectuées "}, withheld
    assert all(f["niveau"] == "ecarte" and f.get("ligne") is None for f in withheld.values()), withheld
    operations = withheld["« Opérations effectuées "]["message"]
    assert "lignes 2, 3, 4" in operations and "L312-1-3" in operations and "OperationsSecretC1" not in operations
    assert "Aucun texte n'en exige la publication" in withheld["« Type d'algorithme "]["message"]
    assert not [f for f in report["constats"] if f["code"] == "devient-public"]


def test_the_operations_are_published_where_the_law_requires_it(cli, tmp_path, empty_repo):
    """A record that says its processing founds decisions on persons: L312-1-3 requires publishing its rules,
    operations included (presumed while the headcount is unknown); the report says so and why. The algorithm
    type still stays out."""
    source = _with_restricted_there(tmp_path)
    code, _ = _report(cli, empty_repo, source)
    path = empty_repo / "data" / "cas-usage" / "metz-vipare.yaml"
    text = path.read_text(encoding="utf-8").replace('version_schema: "1.0"', 'version_schema: "1.1"')
    path.write_text(text + "decisions_individuelles: true\ndestinataires_decisions:\n  - personnes_physiques\n",
                    encoding="utf-8")
    assert cli("validate", "--repo", str(empty_repo), "--no-cache").exit_code == 0
    code, report = _report(cli, empty_repo, source)
    assert "operations: OperationsSecretC1 des tronçons" in path.read_text(encoding="utf-8")
    public = [f for f in report["constats"] if f["code"] == "devient-public"]
    assert len(public) == 1 and "lignes qui lui donnent une valeur : 3." in public[0]["message"], public
    assert "L312-1-3" in public[0]["message"] and "D312-1-4" in public[0]["message"]
    withheld = [f["message"] for f in report["constats"] if f["code"] == "reste-restreint"]
    assert any("lignes 2, 4" in m for m in withheld) and any("lignes 2, 3, 4" in m for m in withheld), withheld
    others = "".join(p.read_text(encoding="utf-8") for p in (empty_repo / "data" / "cas-usage").glob("*.yaml")
                     if p != path)
    assert "OperationsSecretC1" not in others


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_an_unknown_value_restricted_in_the_bibliotheque_is_not_quoted(cli, tmp_path, empty_repo, lang, fmt):
    """« Réseau de neurones maison » is no known algorithm type: left out, and said without its value."""
    with EXPORT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    path = tmp_path / "bibliotheque-ia-membres.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(rows[0] + ["type_algorithme", "algorithme_operations"])
        for row in rows[1:4]:
            writer.writerow(row + ["TypeSecretD1 maison", "OperationsSecretD2"])
    result = cli("import", "bibliotheque", str(path), "--repo", str(empty_repo), "--dry-run", "--format", fmt,
                 lang=lang)
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert "TypeSecretD1" not in output and "OperationsSecretD2" not in output, output
    assert "type_algorithme" in output  # the column is named


@pytest.mark.parametrize(("agents", "published", "said"), [
    (30, False, "moins de 50 agents : elle est dispensée"),
    (120, True, "par une collectivité d'au moins 50 agents (D312-1-4), ce que sa fiche dit"),
])
def test_the_headcount_decides_and_each_reason_is_the_rows_own(cli, tmp_path, empty_repo, agents, published, said):
    """Decisions on persons declared; the collectivité's headcount then decides (D312-1-4), and the report says
    that reason, not « the record does not say it decides »."""
    source = _with_restricted_there(tmp_path)
    _report(cli, empty_repo, source)
    path = empty_repo / "data" / "cas-usage" / "metz-vipare.yaml"
    text = path.read_text(encoding="utf-8").replace('version_schema: "1.0"', 'version_schema: "1.1"')
    path.write_text(text + "decisions_individuelles: true\ndestinataires_decisions:\n  - personnes_physiques\n",
                    encoding="utf-8")
    coll = empty_repo / "data" / "collectivites" / "metz.yaml"
    coll.write_text(coll.read_text(encoding="utf-8") + f"nombre_agents: {agents}\n", encoding="utf-8")
    assert cli("validate", "--repo", str(empty_repo), "--no-cache").exit_code == 0
    _code, report = _report(cli, empty_repo, source)
    assert ("OperationsSecretC1" in path.read_text(encoding="utf-8")) is published
    found = [f["message"] for f in report["constats"]
             if f["code"] in ("devient-public", "reste-restreint") and "lignes 3" in f["message"].replace(
                 "valeur : 3", "lignes 3") and "algorithme_operations" in f["message"]]
    assert found and said in found[0], report["constats"]
    # the other rows (no decision declared) keep their own reason
    others = [f["message"] for f in report["constats"] if f["code"] == "reste-restreint"
              and "algorithme_operations" in f["message"] and "lignes 2, 4" in f["message"]]
    assert others and "ce que la fiche ne dit pas" in others[0]
