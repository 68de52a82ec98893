"""`iaterr export`: the open-data CSV and its Table Schema, JSON, the Bibliothèque's CSV;
restricted fields never leak into a public output."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BROKEN, ROOT
from iaterr.base.text import neutralise, restore
from iaterr.model import CasUsage, Collectivite
from iaterr.model.introspect import specs
from iaterr.publish.export import load_items
from iaterr.publish.formats import FORMATS
from iaterr.publish.formats import write_items as render_export
from iaterr.publish.opendata import BIBLIOTHEQUE_PUBLIC, columns, table_schema_text
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_HIGH_RISK, GOOD_SIMPLE, make_repo, variant

TABLESCHEMA = ROOT / "schema" / "tableschema"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_of_the_real_data(cli):
    result = cli("export", "--repo", str(ROOT), "--csv")
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert len(rows) == len(list((ROOT / "data/cas-usage").glob("*.yaml")))
    assert list(rows[0]) == [c.name for c in columns()]  # stable, snake_case headers
    for name in rows[0]:
        assert name == name.lower() and name.isascii() and " " not in name
    sicoval = next(r for r in rows if r["identifiant"] == "sicoval-detection-fuites-eau")
    assert sicoval["collectivite_nom"] == "Communauté d'agglomération du Sicoval"
    assert sicoval["collectivite_siret"] == "24310063300391"
    assert sicoval["date_debut"] == "2024-05" and sicoval["decisions_individuelles"] == "false"
    assert sicoval["statut"] == "en_deploiement"
    bordeaux = next(r for r in rows if r["collectivite_nom"] == "Bordeaux Métropole")
    assert bordeaux["collectivite_longitude"] == "-0.5844559"  # a number, not neutralised
    assert " | " in bordeaux["partenaires"] or bordeaux["partenaires"]


def test_public_fields_only_by_default():
    public = {c.name for c in columns()}
    for name, spec in specs(CasUsage).items():
        if spec.meta.visibilite == "restreint":
            assert name not in public
    assert {c.name for c in columns(include_restricted=True)} - public == {
        name for name, spec in specs(CasUsage).items() if spec.meta.visibilite == "restreint"}
    assert "contact" not in public and "budget" not in public and "financements" not in public


def test_formula_cells_are_neutralised(tmp_path):
    root = make_repo(tmp_path / "depot", [variant(GOOD_SIMPLE, description='=HYPERLINK("http://x","clic") '
                                                  "texte assez long pour ne rien déclencher d'autre ici.",
                                                  partenaires=["@Partenaire", "+33 Société", "-Tiret"])])
    rows = _rows(render_export("csv", load_items(open_repository(root)), "fr"))
    assert rows[0]["description"].startswith("'=HYPERLINK")
    assert rows[0]["partenaires"] == "'@Partenaire | '+33 Société | '-Tiret"
    assert neutralise("\tx") == "'\tx" and neutralise("texte") == "texte"


def test_lists_of_tables_become_aligned_columns(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_HIGH_RISK])
    row = _rows(render_export("csv", load_items(open_repository(root)), "fr"))[0]
    assert row["donnees_nom"].startswith(GOOD_HIGH_RISK["donnees"][0]["nom"][:20])
    assert row["donnees_personnelles"] == "true"
    assert row["analyses_impact_type"] == "aipd | aidf"
    assert row["analyses_impact_date"] == "2026-01 | 2026-02"


def test_json_has_the_same_content(cli):
    as_json = json.loads(cli("export", "--repo", str(ROOT), "--json").stdout)
    as_csv = _rows(cli("export", "--repo", str(ROOT), "--csv").stdout)
    assert as_json["publiable"] is True
    assert [c["identifiant"] for c in as_json["cas_usage"]] == [r["identifiant"] for r in as_csv]
    first = as_json["cas_usage"][0]
    assert isinstance(first["collectivite"], dict) and isinstance(first["sous_themes"], list)


# ---------------------------------------------------------------- Table Schema and frictionless


def test_committed_table_schema_is_current():
    assert (TABLESCHEMA / "schema.json").read_text(encoding="utf-8") == table_schema_text(), (
        "run `iaterr export --table-schema -o schema/tableschema/schema.json`")


def test_table_schema_follows_schema_data_gouv_conventions():
    schema = json.loads(table_schema_text())
    for key in ("name", "title", "description", "homepage", "version", "contributors", "path", "created",
                "lastModified", "resources", "sources"):
        assert schema.get(key), key
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["decisions_individuelles"]["trueValues"] == ["true"]
    assert fields["statut"]["constraints"]["enum"][0] == "en_reflexion"
    assert fields["collectivite_siret"]["constraints"]["pattern"] == r"\d{14}"


def _frictionless(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "frictionless"
    # absolute paths are "unsafe" to frictionless unless trusted: these are our own files
    return subprocess.run([str(exe), "validate", "--trusted", *args], capture_output=True, text=True, timeout=240)


def test_frictionless_validates_the_schema_the_examples_and_an_export(cli, tmp_path):
    schema = TABLESCHEMA / "schema.json"
    assert _frictionless("--type", "schema", str(schema)).returncode == 0
    assert _frictionless("--schema", str(schema), str(TABLESCHEMA / "exemple-valide.csv")).returncode == 0
    invalid = _frictionless("--schema", str(schema), str(TABLESCHEMA / "exemple-invalide.csv"))
    assert invalid.returncode != 0 and "constraint" in invalid.stdout
    export = tmp_path / "export.csv"
    assert cli("export", "--repo", str(ROOT), "--csv", "-o", str(export)).exit_code == 0
    checked = _frictionless("--schema", str(schema), str(export))
    assert checked.returncode == 0, checked.stdout[-3000:]


# ---------------------------------------------------------------- the Bibliothèque's CSV


def test_bibliotheque_csv(cli):
    result = cli("export", "--repo", str(ROOT), "--format", "bibliotheque")
    rows = _rows(result.stdout)
    assert tuple(rows[0]) == BIBLIOTHEQUE_PUBLIC
    sicoval = next(r for r in rows if r["SIRET"] == "24310063300391")
    assert sicoval["Date_de_demarrage"] == "05/2024"
    assert sicoval["Statut_du_projet"] == "En déploiement"
    assert sicoval["Theme"] == "Transition écologique et énergétique"  # the Bibliothèque's spellings
    assert sicoval["Type_de_collectivite"] == "Communauté d'agglomérations"
    restricted = _rows(cli("export", "--repo", str(ROOT), "--format", "bibliotheque",
                           "--include-restricted").stdout)
    assert {"projet_contact", "financement", "budget", "herbergement", "nom_algorithme"} <= set(restricted[0])
    assert restricted[0]["avertissement"].startswith("NON PUBLIABLE")


# ---------------------------------------------------------------- restricted fields never leak


def _marked(value_spec, name: str):
    kind = value_spec.kind
    if kind == "email":
        return f"secret.{name.replace('_', '')}@marqueur.fr"
    if kind == "url":
        return f"https://marqueur.fr/secret-{name}"
    if kind == "code":
        return value_spec.vocab.codes[0]
    if kind == "texte":
        return f"SECRET-{name}-7f3a"
    return None


def _mark_restricted(model, data: dict) -> list[str]:
    """Put a unique marker in every restricted field (nested ones included); returns the markers."""
    markers = []
    for name, spec in specs(model).items():
        if spec.submodel is not None:
            for item in data.get(name) or []:
                markers += _mark_restricted(spec.submodel, item)
            continue
        if spec.meta.visibilite != "restreint":
            continue
        value = _marked(spec, name)
        if value is None:
            continue
        data[name] = [value] if spec.is_list else value
        if spec.kind != "code":
            markers.append(value)
    return markers


def test_no_restricted_field_leaks_into_any_public_output(tmp_path, cli):
    """Every output: each format of the registry (through the library and the command line, warm and cold),
    the register website (every file), the notice and the mention in both formats and languages."""
    record = variant(GOOD_DECISION)
    coll = dict(COLLECTIVITE)
    markers = _mark_restricted(CasUsage, record) + _mark_restricted(Collectivite, coll)
    assert len(markers) >= 7
    root = make_repo(tmp_path / "depot", [record], collectivite=coll)
    public = load_items(open_repository(root))
    restricted = load_items(open_repository(root), include_restricted=True)
    outputs: dict[str, str] = {}
    for fmt in FORMATS:
        outputs[fmt] = render_export(fmt, public, "fr")
        for attempt in ("froid", "chaud"):
            result = cli("export", "--repo", str(root), "--format", fmt)
            assert result.exit_code == 0, result.output
            outputs[f"{fmt} ({attempt})"] = result.stdout + result.stderr
    built = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert built.exit_code == 0, built.output
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            outputs[f"site {path.name}"] = path.read_text(encoding="utf-8", errors="replace")
    for command in ("notice", "mention"):
        for fmt in ("md", "html"):
            for lang in ("fr", "en"):
                result = cli(command, record["identifiant"], "--repo", str(root), "--format", fmt, "--lang", lang)
                outputs[f"{command} {fmt} {lang}"] = result.stdout + result.stderr
    assert len(outputs) > len(FORMATS) * 3
    for name, text in outputs.items():
        for marker in markers:
            assert marker not in text, (name, marker)
            assert marker.split("@")[0] not in text, (name, marker)
    # and they are there when asked for, in the formats that carry them
    for fmt in ("csv", "json", "bibliotheque"):
        text = render_export(fmt, restricted, "fr")
        assert all(m in text for m in markers if "contact" in m or "nomalgorithme" in m or "nom_algorithme" in m)


# ---------------------------------------------------------------- the command


def test_output_file_and_skipped_records(cli, tmp_path):
    out = tmp_path / "registre.csv"
    result = cli("export", "--repo", str(BROKEN), "--csv", "-o", str(out))
    assert result.exit_code == 1  # some records were left out, and said so
    assert "laissée de côté" in result.stderr and "yaml-syntaxe.yaml" in result.stderr
    rows = _rows(out.read_text(encoding="utf-8"))
    assert [r["identifiant"] for r in rows] == ["base-valide", "yaml-1-1"]


def test_one_format_at_a_time(cli):
    result = cli("export", "--repo", str(ROOT), "--csv", "--json")
    assert result.exit_code == 2 and "Un seul format" in result.stderr


def test_restricted_export_is_marked(cli):
    result = cli("export", "--repo", str(ROOT), "--json", "--include-restricted")
    assert json.loads(result.stdout)["publiable"] is False
    assert "pas publiable" in result.stderr


def test_multiline_cells_are_quoted(tmp_path):
    record = variant(GOOD_SIMPLE, operations="Première ligne.\nSeconde ligne, avec virgule.")
    root = make_repo(tmp_path / "depot", [record])
    text = render_export("csv", load_items(open_repository(root)), "fr")
    assert _rows(text)[0]["operations"] == "Première ligne.\nSeconde ligne, avec virgule."
    from iaterr.publish.opendata import CSV_CELLS, csv_cells, to_csv

    prepared = load_items(open_repository(root), prepare=((CSV_CELLS, csv_cells),))
    assert to_csv(prepared) == text  # cells encoded ahead give the same file


def test_documented_examples_are_current():
    """docs/exemples/ holds one real record in every format: regenerate with
    `iaterr reference --exemples` after changing the exports or that record."""
    from iaterr.publish.examples import EXAMPLE_FILES, example_texts

    texts = example_texts(ROOT)
    assert set(texts) == set(EXAMPLE_FILES.values())
    for name, text in texts.items():
        assert (ROOT / "docs/exemples" / name).read_text(encoding="utf-8") == text, name


def test_export_selected_records(cli):
    result = cli("export", "--repo", str(ROOT), "--csv", str(ROOT / "data/cas-usage/sicoval-detection-fuites-eau.yaml"))
    rows = _rows(result.stdout)
    assert result.exit_code == 0 and [r["identifiant"] for r in rows] == ["sicoval-detection-fuites-eau"]
    assert rows[0]["collectivite_siret"] == "24310063300391"


@pytest.mark.parametrize("text", ["- a\n- b", "Les objectifs :\n- a\n  - b", '=HYPERLINK("x")', "  -x", "-0.55",
                                  "a;=b", "a\t@b", "\tx", "texte", "＝1", "a\n\n-b", "+33 1 23", "l'eau", "'texte'"])
def test_restore_undoes_neutralise(text):
    assert restore(neutralise(text)) == text
