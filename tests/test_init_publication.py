"""`iaterr init` writes CI that builds the register and publishes it on GitHub Pages or GitLab Pages, as the
switch ``registre.publication`` of iaterr.yaml says (issue #14: « nothing deploys it: the CI written by init
validates but never publishes »). The decision and build steps are run for real, by bash, in the repository
init wrote, with this iaterr on the PATH."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BIN = Path(sys.executable).parent


@pytest.fixture
def depot(cli, tmp_path) -> Path:
    target = tmp_path / "registre"
    result = cli("init", str(target), "--no-git", "--no-input")
    assert result.exit_code == 0, result.output
    return target


def _switch(depot: Path, value: str) -> None:
    path = depot / "iaterr.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  publication: aucune\n" in text
    path.write_text(text.replace("  publication: aucune\n", f"  publication: {value}\n"), encoding="utf-8")


def _bash(depot: Path, script: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1", **env}
    environ.pop("IATERR_LANG", None)
    return subprocess.run(["bash", "-e", "-c", script], cwd=depot, env=environ, capture_output=True, text=True,
                          timeout=120)


def test_github_workflow_publishes_on_pages_when_the_switch_says_github(depot, tmp_path):
    workflow = yaml.safe_load((depot / ".github/workflows/iaterr.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["registre"]
    assert job["needs"] == "fiches" and "pull_request" in job["if"] and "refs/heads/main" in job["if"]
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    steps = job["steps"]
    assert steps[0]["uses"] == "actions/checkout@v4" and steps[0]["with"]["fetch-depth"] == 0
    choice = next(s for s in steps if s.get("id") == "choix")
    build = next(s for s in steps if "register build" in s.get("run", ""))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    deploy = next(s for s in steps if s.get("uses", "").startswith("actions/deploy-pages"))
    for step in (build, upload, deploy):
        assert step["if"] == "steps.choix.outputs.publication == 'github'"
    assert upload["with"]["path"] == "_site" and "--out _site" in build["run"]
    # the decision, run for real: aucune by default, github once switched
    output = tmp_path / "github_output"
    assert _bash(depot, choice["run"], GITHUB_OUTPUT=str(output)).returncode == 0
    assert output.read_text() == "publication=aucune\n"
    _switch(depot, "github")
    output.unlink()
    assert _bash(depot, choice["run"], GITHUB_OUTPUT=str(output)).returncode == 0
    assert output.read_text() == "publication=github\n"
    built = _bash(depot, build["run"])
    assert built.returncode == 0, built.stderr
    assert (depot / "_site/index.html").is_file() and (depot / "_site/404.html").is_file()


def test_gitlab_pages_job_publishes_only_when_the_switch_says_gitlab(depot):
    ci = yaml.safe_load((depot / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = ci["pages"]
    assert job["stage"] == "deploy" and job["artifacts"]["paths"] == ["public"]
    assert job["allow_failure"] == {"exit_codes": [3]} and str(job["variables"]["GIT_DEPTH"]) == "0"
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert job["script"][0] == ci["iaterr"]["script"][0]  # the same install step as the checks
    publish = "\n".join(job["script"][1:])
    off = _bash(depot, publish)
    assert off.returncode == 3 and "rien n'est publié" in off.stdout and not (depot / "public").exists()
    _switch(depot, "gitlab")
    on = _bash(depot, publish)
    assert on.returncode == 0, on.stderr
    assert (depot / "public/index.html").is_file()


def test_english_repository_and_the_switch_is_checked(cli, tmp_path):
    target = tmp_path / "registry"
    assert cli("init", str(target), "--no-git", "--no-input", "--lang", "en").exit_code == 0
    text = (target / ".github/workflows/iaterr.yml").read_text(encoding="utf-8")
    assert "published on GitHub Pages when iaterr.yaml says" in text
    assert "publication: github (GitHub Pages), gitlab (GitLab Pages) or aucune" in (target / "iaterr.yaml").read_text(
        encoding="utf-8")
    result = cli("register", "publication", "--repo", str(target))
    assert result.exit_code == 0 and result.stdout.strip() == "aucune"
    config = target / "iaterr.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("publication: aucune", "publication: netlify"),
                      encoding="utf-8")
    wrong = cli("register", "publication", "--repo", str(target))
    assert wrong.exit_code == 2 and "registre.publication" in wrong.stderr
