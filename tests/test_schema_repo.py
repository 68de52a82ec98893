"""``iaterr schema --table-schema-repo DIR`` (#15): a repository schema.data.gouv.fr accepts, checked with
frictionless and against the platform's requirements as ``../shared/standards/README.md`` states them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from iaterr import SCHEMA_VERSION
from iaterr.publish.schema_repo import FILES, raw_base

HOME = "https://github.com/ville-exemple/schema-registre-ia"
PLATFORM = ROOT.parent / "shared" / "standards" / "README.md"


def _frictionless(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "frictionless"
    return subprocess.run([str(exe), "validate", *args], capture_output=True, text=True, timeout=240, cwd=cwd)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """The repository written by the command from a copy of this repository with ``depot_schema`` set."""
    from typer.testing import CliRunner

    from iaterr.cli.main import build_app

    root = tmp_path_factory.mktemp("depot")
    (root / "iaterr.yaml").write_text(
        (ROOT / "iaterr.yaml").read_text(encoding="utf-8")
        + f"registre:\n  depot_schema: {HOME}\n  editeur: Ville d'Exemple\n", encoding="utf-8")
    (root / "data" / "cas-usage").mkdir(parents=True)
    (root / "data" / "collectivites").mkdir(parents=True)
    out = tmp_path_factory.mktemp("schema-registre-ia")
    result = CliRunner().invoke(build_app("fr"), ["schema", "--repo", str(root), "--table-schema-repo", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.count("Écrit") == len(FILES)
    return out


def test_the_repository_holds_its_files_at_its_root(written):
    assert sorted(p.name for p in written.iterdir()) == sorted(FILES)


def test_frictionless_validates_the_schema_and_the_valid_example_and_refuses_the_invalid_one(written):
    assert _frictionless("--type", "schema", "schema.json", cwd=written).returncode == 0
    valid = _frictionless("--schema", "schema.json", "exemple-valide.csv", cwd=written)
    assert valid.returncode == 0, valid.stdout[-2000:]
    invalid = _frictionless("--schema", "schema.json", "exemple-invalide.csv", cwd=written)
    assert invalid.returncode != 0
    assert invalid.stdout.count("constraint-error") == 2, invalid.stdout[-2000:]
    assert "statut" in invalid.stdout and "collectivite_siret" in invalid.stdout


def test_the_schema_carries_what_the_platform_requires(written):
    schema = json.loads((written / "schema.json").read_text(encoding="utf-8"))
    assert schema["homepage"] == HOME
    assert schema["version"] == f"{SCHEMA_VERSION}.0" and re.fullmatch(r"\d+\.\d+\.\d+", schema["version"])
    assert schema["path"] == f"{HOME}/raw/{schema['version']}/schema.json"
    assert [r["path"] for r in schema["resources"]] == [f"{HOME}/raw/{schema['version']}/exemple-valide.csv",
                                                        f"{HOME}/raw/{schema['version']}/exemple-invalide.csv"]
    assert schema["licenses"] == [{"title": "Licence Ouverte 2.0",
                                   "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}]
    assert schema["contributors"][0] == {"title": "Ville d'Exemple", "role": "publisher"}
    for field in schema["fields"]:
        assert field.get("description") and field.get("example") not in (None, ""), field["name"]
    # the Etalab inventory's department in charge, and the short summary
    names = [f["name"] for f in schema["fields"]]
    assert {"service_responsable", "resume", "description", "contexte", "collectivite_nom"} <= set(names)
    readme = (written / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {schema['title']}") and "frictionless validate" in readme
    assert all(f"`{name}`" in readme for name in names)
    assert f"## {schema['version']}" in (written / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not PLATFORM.is_file(), reason=f"the platform's requirements are not beside the clone ({PLATFORM})")
def test_every_key_the_platform_states_is_there(written):
    text = PLATFORM.read_text(encoding="utf-8")
    stated = text[text.index("schema.data.gouv.fr accepts"):]
    stated = stated[:stated.index("No national")]
    keys = set(re.findall(r"`([a-zA-Z]+)`", stated)) - {"schema"}
    assert {"name", "title", "description", "homepage", "version", "licenses", "contributors", "path"} <= keys
    schema = json.loads((written / "schema.json").read_text(encoding="utf-8"))
    assert all(schema.get(k) for k in keys), keys - {k for k in keys if schema.get(k)}
    assert schema["path"].startswith("https://")  # "an absolute path"
    assert (written / "README.md").is_file() and (written / "CHANGELOG.md").is_file()


def test_without_the_schema_s_repository_nothing_is_written(cli, repo_copy, tmp_path):
    out = tmp_path / "out"
    for lang, words in (("fr", "depot_schema"), ("en", "depot_schema")):
        result = cli("schema", "--repo", str(repo_copy), "--table-schema-repo", str(out), "--lang", lang)
        assert result.exit_code == 2 and words in result.stderr and "iaterr.yaml" in result.stderr
    assert not out.exists()


def test_gitlab_serves_raw_files_elsewhere():
    assert raw_base("https://gitlab.com/ville/schema/", "1.2.0") == "https://gitlab.com/ville/schema/-/raw/1.2.0/"
    assert raw_base("https://github.com/ville/schema.git", "1.2.0") == "https://github.com/ville/schema/raw/1.2.0/"


def test_a_clone_address_gives_the_repository_s_web_page_as_homepage():
    """``depot_schema: https://gitlab.com/ville/schema-ia.git``: the homepage is the page, like the path."""
    from types import SimpleNamespace

    from iaterr.publish.schema_repo import repository_schema

    registre = SimpleNamespace(depot_schema="https://gitlab.com/ville/schema-ia.git", licence="Licence Ouverte 2.0",
                               licence_url="https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                               editeur="Ville")
    schema = repository_schema(SimpleNamespace(registre=registre, nom="Ville"))  # type: ignore[arg-type]
    assert schema["homepage"] == "https://gitlab.com/ville/schema-ia"
    assert schema["path"].startswith("https://gitlab.com/ville/schema-ia/-/raw/")
