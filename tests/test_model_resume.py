"""Format 1.2 (#15): a use case's short summary (``resume``, 150 characters at most, checked) and the department in
charge (``service_responsable``); older records keep validating; the exports to other registers use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from iaterr import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from iaterr.authoring.migrate import chain, migrate_bytes
from iaterr.model import CasUsage
from iaterr.model.fields import fields_of
from iaterr.model.types import RESUME_MAX
from lint_fixtures import GOOD_SIMPLE, lint, variant
from test_export_standards import mapped, missing

REAL = "data/cas-usage/sicoval-detection-fuites-eau.yaml"
SUMMARY = "Une IA repère les tronçons du réseau d'eau les plus exposés aux fuites pour y cibler les recherches."


def _diagnostics(result) -> list[dict]:
    return json.loads(result.stdout[result.stdout.index("{"):])["diagnostics"]


def _with_fields(root: Path, version: str, **fields: str) -> None:
    """The real record at ``version``, with ``fields`` after its name."""
    path = root / REAL
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f'version_schema: "{version}"\n' if line.startswith("version_schema:") else line for line in lines]
    at = next(i for i, text in enumerate(lines) if text.startswith("nom:")) + 1
    lines[at:at] = [f"{name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in fields.items()]
    path.write_text("".join(lines), encoding="utf-8")


def test_format_1_2_is_current_and_adds_the_two_fields():
    assert SCHEMA_VERSION == "1.2" and SUPPORTED_SCHEMA_VERSIONS == ("1.0", "1.1", "1.2")
    meta = fields_of(CasUsage)
    assert meta["resume"].depuis == "1.2" and meta["service_responsable"].depuis == "1.2"
    assert meta["resume"].public and meta["service_responsable"].public
    # a 1.1 record becomes 1.2 by its version alone
    assert [(s.source, s.target, s.transform) for s in chain("1.1")] == [("1.1", "1.2", None)]
    raw = (ROOT / REAL).read_bytes()
    outcome = migrate_bytes(raw, REAL, "cas_usage")
    assert outcome.after is not None
    assert outcome.after.decode() == raw.decode().replace('version_schema: "1.0"', 'version_schema: "1.2"', 1)


def test_the_summary_is_150_characters_at_most(cli, repo_copy):
    assert RESUME_MAX == 150
    _with_fields(repo_copy, "1.2", resume="x" * 150, service_responsable="Direction du cycle de l'eau")
    assert cli("validate", "--repo", str(repo_copy), "--format", "json").exit_code == 0
    _with_fields(repo_copy, "1.2", resume="é" * 151)
    for lang, words in (("fr", ("151 caractères", "150 au plus", "Raccourcissez")),
                        ("en", ("151 characters", "150 at most", "Shorten"))):
        result = cli("validate", "--repo", str(repo_copy), "--format", "json", "--lang", lang)
        assert result.exit_code == 1
        found = [d for d in _diagnostics(result) if d["code"] == "texte-trop-long"]
        assert len(found) == 1 and found[0]["chemin"] == "resume" and found[0]["fichier"] == REAL
        text = found[0]["message"] + " " + found[0]["aide"]
        assert all(w in text for w in words), text


def test_the_json_schema_states_the_limit():
    schema = json.loads((ROOT / "schema" / "cas-usage.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["resume"]["anyOf"][0]["maxLength"] == 150


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_an_older_record_keeps_validating_but_cannot_hold_the_new_fields(cli, repo_copy, version):
    _with_fields(repo_copy, version)
    assert cli("validate", "--repo", str(repo_copy), "--format", "json").exit_code == 0
    _with_fields(repo_copy, version, resume=SUMMARY)
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    found = [d["chemin"] for d in _diagnostics(result) if d["code"] == "champ-version-schema"]
    assert result.exit_code == 1 and found == ["resume"]


# ---------------------------------------------------------------- the exports use them


def test_the_registers_take_the_summary_and_the_department():
    record = variant(GOOD_SIMPLE, version_schema="1.2", resume=SUMMARY,
                     service_responsable="Direction du cycle de l'eau")
    eurocities = mapped("eurocities", record)
    assert eurocities.record["description_short"] == SUMMARY
    assert eurocities.record["department"] == "Direction du cycle de l'eau"
    assert not {"description_short", "department"} & missing(eurocities)
    assert mapped("algoritmeregister", record).record["description_short"] == SUMMARY
    atrs = mapped("atrs", record)
    assert atrs.record["tier_2"]["owner_and_responsibility"]["team"] == "Direction du cycle de l'eau"
    assert "team" not in missing(atrs)


def test_a_long_description_without_summary_is_reported_never_cut():
    long = "Le service " + "analyse les données du réseau " * 20
    m = mapped("eurocities", variant(GOOD_SIMPLE, description=long))
    assert "description_short" not in m.record
    entry = next(e for e in m.missing if e["champ"] == "description_short")
    assert entry["iaterr"] == "resume, description"
    assert f"{len(long)} caractères" in entry["raison"]["fr"] and "« resume »" in entry["raison"]["fr"]
    assert f"{len(long)} characters" in entry["raison"]["en"] and "“resume”" in entry["raison"]["en"]
    # the Dutch register's limit is 400: a description of that length is taken as it is
    medium = "x" * 400
    assert mapped("algoritmeregister", variant(GOOD_SIMPLE, description=medium)).record["description_short"] \
        == medium
    assert "description_short" in missing(mapped("algoritmeregister", variant(GOOD_SIMPLE, description=medium + "x")))


# ---------------------------------------------------------------- lint


def test_lint_asks_for_a_summary_where_the_description_is_too_long_for_the_registers(tmp_path):
    long = "Le service " + "analyse les données du réseau " * 6
    records = [variant(GOOD_SIMPLE, identifiant="longue", description=long),
               variant(GOOD_SIMPLE, identifiant="resumee", description=long, version_schema="1.2", resume=SUMMARY),
               variant(GOOD_SIMPLE, identifiant="courte", description="x" * 150)]
    found = [d for d in lint(tmp_path / "depot", records).diagnostics if d.code == "qualite-resume-manquant"]
    assert [(d.file, d.path) for d in found] == [("data/cas-usage/longue.yaml", ("description",))]
    assert found[0].level.value == "info"
    assert f"{len(long.strip())} caractères" in found[0].message("fr") and "iaterr migrate" in found[0].hint("fr")
    assert "characters" in found[0].message("en")
