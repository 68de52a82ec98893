"""Files generated from the model stay in step with it; the project's own
promises (two quick-start lines, CI running the test line) hold."""

from __future__ import annotations

import re

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import ROOT
from iaterr.model.jsonschema import schema_for, schema_texts, stale_schemas
from iaterr.publish.reference import REFERENCE_PATHS, render_reference


def test_committed_schemas_match_the_model():
    assert stale_schemas(ROOT / "schema") == [], "run `iaterr schema` and commit schema/"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_field_reference_is_current(lang):
    path = ROOT / REFERENCE_PATHS[lang]
    assert path.read_text(encoding="utf-8") == render_reference(lang), (
        f"run `iaterr reference --lang {lang}` and commit {path.name}")


def test_schema_command_check_mode(cli, tmp_path):
    out = tmp_path / "schema"
    assert cli("schema", "--out", str(out), "--check").exit_code == 1
    assert cli("schema", "--out", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(schema_texts())
    assert cli("schema", "--out", str(out), "--check").exit_code == 0
    (out / "cas-usage.schema.json").write_text("{}", encoding="utf-8")
    result = cli("schema", "--out", str(out), "--check")
    assert result.exit_code == 1 and "Pas à jour" in result.stderr


def test_reference_command(cli, tmp_path):
    out = tmp_path / "ref.md"
    assert cli("reference", "--out", str(out), "--lang", "en").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Field reference")
    assert cli("reference", "--out", str(out), "--lang", "en", "--check").exit_code == 0
    assert cli("reference", "--out", str(out), "--check").exit_code == 1  # French differs


@pytest.mark.parametrize("kind", ["cas_usage", "collectivite"])
def test_schemas_are_valid_json_schema(kind):
    jsonschema.Draft202012Validator.check_schema(schema_for(kind))


def test_real_records_satisfy_the_exported_schema():
    """What iaterr accepts, editors and check-jsonschema accept too."""
    yaml = YAML(typ="safe", pure=True)
    for kind, folder, _schema_name in (("cas_usage", "cas-usage", "cas-usage"),
                                      ("collectivite", "collectivites", "collectivite")):
        validator = jsonschema.Draft202012Validator(schema_for(kind))
        for path in sorted((ROOT / "data" / folder).glob("*.yaml")):
            errors = list(validator.iter_errors(yaml.load(path.read_text(encoding="utf-8"))))
            assert not errors, (path.name, [e.message for e in errors])


def test_schema_carries_field_metadata():
    schema = schema_for("cas_usage")
    contact = schema["properties"]["contact"]
    assert contact["x-iaterr"]["visibilite"] == "restreint"
    assert contact["x-iaterr"]["bibliotheque"] == "projet_contact"
    assert schema["properties"]["statut"]["enum"][0] == "en_reflexion"
    assert schema["additionalProperties"] is False


def test_readme_has_exactly_two_quick_start_lines_and_ci_runs_the_test_line():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Démarrage rapide.*?```sh\n(.*?)```", readme, re.S).group(1)
    lines = [ln for ln in block.splitlines() if ln.strip()]
    assert len(lines) == 2
    assert "iaterr validate" in lines[0]
    assert "pytest" in lines[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1] in ci.splitlines()


def test_changelog_follows_keep_a_changelog():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog") or text.startswith("# Journal des modifications")
    assert "## [Unreleased]" in text or re.search(r"## \[\d+\.\d+\.\d+\]", text)


@pytest.mark.parametrize("kind,field,value,valid", [
    ("collectivite", "latitude", 91, False),
    ("collectivite", "latitude", 45.2, True),
    ("collectivite", "nombre_agents", -1, False),
    ("collectivite", "code_insee", "31113", True),
    ("collectivite", "code_insee", "3111", False),
    ("collectivite", "site_web", "https://www.example.fr/une page", False),
    ("collectivite", "site_web", "https://www.example.fr/page?x=1", True),
    ("collectivite", "contact", "mailto:contact@example.fr", False),
])
def test_exported_schema_keeps_the_model_constraints(kind, field, value, valid):
    base = {"version_schema": "1.0", "identifiant": "x", "nom": "X", "type": "commune"}
    validator = jsonschema.Draft202012Validator(schema_for(kind), format_checker=None)
    assert validator.is_valid({**base, field: value}) is valid


def test_a_generated_file_that_is_a_link_is_never_read_nor_written_through(cli, repo_copy, tmp_path):
    """A committed link in place of a generated file (to /dev/zero, to a pipe, to a file elsewhere): refused with
    a message, never read (a link to /dev/zero would fill the memory), never written through."""
    outside = tmp_path / "ailleurs.md"
    outside.write_text("à moi\n", encoding="utf-8")
    target = repo_copy / REFERENCE_PATHS["fr"]
    target.parent.mkdir(parents=True, exist_ok=True)
    for pointed in ("/dev/zero", str(outside)):
        if target.is_symlink() or target.exists():
            target.unlink()
        target.symlink_to(pointed)
        for args in ((), ("--check",)):
            result = cli("reference", "--repo", str(repo_copy), *args)
            assert result.exit_code in (1, 2), result.output
            assert "Erreur interne" not in result.output, result.output
        assert "lien symbolique" in cli("reference", "--repo", str(repo_copy)).stderr
    assert outside.read_text(encoding="utf-8") == "à moi\n"


def test_a_generated_file_that_is_not_utf8_is_stale_not_a_crash(cli, tmp_path):
    out = tmp_path / "ref.md"
    out.write_bytes(b"\xff\xfe caf\xe9\n")
    result = cli("reference", "--out", str(out), "--check")
    assert result.exit_code == 1 and "Pas à jour" in result.stderr, result.output
    assert cli("reference", "--out", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Référence")


def test_examples_need_their_example_record(cli, tmp_path):
    root = tmp_path / "depot"
    assert cli("init", str(root), "--no-git", "--non-interactif").exit_code == 0
    result = cli("reference", "--exemples", "--repo", str(root))
    assert result.exit_code == 2 and "Erreur interne" not in result.output, result.output
    assert "sicoval-detection-fuites-eau.yaml" in result.stderr
    assert not (root / "docs" / "exemples").exists()
