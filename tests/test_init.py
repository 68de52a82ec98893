"""``iaterr init``: a data repository that validates, never overwriting anything."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import git
import pytest
import yaml

import iaterr.cli.init as init_cli
from conftest import ROOT
from iaterr.authoring.scaffold import detect_installation as real_detection
from iaterr.repo.config import load_config

SIRET = "24310063300391"  # the Sicoval's real SIRET
SICOVAL = ("--nom", "Communauté d'agglomération du Sicoval", "--siret", SIRET,
           "--type", "Communauté d'agglomération", "--site-web", "https://www.sicoval.fr",
           "--latitude", "43.5436822", "--longitude", "1.5055132", "--identifiant", "sicoval")

FILES = (
    "iaterr.yaml",
    "README.md",
    ".gitignore",
    ".github/workflows/iaterr.yml",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    "schema/cas-usage.schema.json",
    "schema/collectivite.schema.json",
    "data/cas-usage/.gitkeep",
)


def _files(root: Path) -> dict[str, bytes]:
    """Every file of the repository but git's and the validation cache."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not {".git", ".iaterr-cache"} & set(p.relative_to(root).parts)}


#: what the tests pretend this iaterr was installed from (the real origin depends on the machine)
PINNED = "iaterr @ git+https://forge.example/iaterr.git@0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(autouse=True)
def _pinned_origin(monkeypatch):
    from iaterr.authoring import scaffold

    monkeypatch.setattr(scaffold, "detect_installation", lambda: scaffold.Installation(
        PINNED, "git+https://forge.example/iaterr.git@0123456789abcdef0123456789abcdef01234567"))


def _git_config(monkeypatch, tmp_path, text: str) -> None:
    """git's global configuration for this test only (and no system one, no identity from the environment)."""
    config = tmp_path / "gitconfig"
    config.write_text(text, encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for variable in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(autouse=True)
def identity(monkeypatch, tmp_path):
    """git knows who commits (a test without it says so)."""
    _git_config(monkeypatch, tmp_path, "[user]\n\tname = Agent de Testville\n\temail = agent@testville.fr\n")


@pytest.fixture
def no_identity(monkeypatch, tmp_path):
    _git_config(monkeypatch, tmp_path, "")


@pytest.fixture
def depot(tmp_path) -> Path:
    return tmp_path / "depot"


def test_creates_a_repository_that_validates(cli, depot):
    result = cli("init", str(depot), *SICOVAL)
    assert result.exit_code == 0, result.output
    for rel in FILES:
        assert (depot / rel).is_file(), rel
        assert f"+ {rel}" in result.stdout
    record = depot / "data/collectivites/sicoval.yaml"
    text = record.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/collectivite.schema.json"
    assert "type: communaute_agglomeration" in text  # the label given became the code
    assert f'siret: "{SIRET}"' in text
    config = load_config(depot)
    assert config.collectivite_defaut == "sicoval"
    assert config.nom == "Registre des algorithmes et de l'IA — Communauté d'agglomération du Sicoval"
    assert config.langue == "fr"
    # every key of iaterr.yaml is explained by a comment just above it
    lines = (depot / "iaterr.yaml").read_text(encoding="utf-8").splitlines()
    for key in ("version_schema", "langue", "nom", "collectivite_defaut"):
        index = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
        assert lines[index - 1].startswith("# "), key
    schemas = json.loads((depot / "schema/collectivite.schema.json").read_text(encoding="utf-8"))
    assert "siret" in schemas["properties"]
    assert ".iaterr-cache/" in (depot / ".gitignore").read_text() and ".iaterr/brouillons/" in (
        depot / ".gitignore").read_text()

    checked = cli("validate", "--repo", str(depot), "--no-cache", "--format", "json")
    assert checked.exit_code == 0, checked.output
    payload = json.loads(checked.stdout)
    assert payload["resume"]["n_coll"] == 1
    assert payload["diagnostics"] == []  # a valid SIRET: not even a warning
    assert "Étapes suivantes" in result.stdout and "iaterr new" in result.stdout


def test_a_second_run_overwrites_nothing(cli, depot):
    assert cli("init", str(depot), *SICOVAL).exit_code == 0
    (depot / "README.md").write_text("# Notre registre\n", encoding="utf-8")  # edited by hand
    (depot / "schema/cas-usage.schema.json").unlink()  # deleted by mistake
    before = _files(depot)
    result = cli("init", str(depot), *SICOVAL)
    assert result.exit_code == 0, result.output
    after = _files(depot)
    assert {k: v for k, v in after.items() if k != "schema/cas-usage.schema.json"} == before
    assert "+ schema/cas-usage.schema.json" in result.stdout  # only what was missing
    assert "= README.md" in result.stdout and "= data/collectivites/sicoval.yaml" in result.stdout
    assert "Déjà présents" in result.stdout
    again = cli("init", str(depot), "--no-git")
    assert again.exit_code == 0 and "rien à créer" in again.stdout
    assert "Aucune collectivité" not in again.stdout  # it has one
    assert _files(depot) == after


def test_a_bad_siret_stops_before_writing_anything(cli, depot):
    result = cli("init", str(depot), "--nom", "Sicoval", "--type", "epci", "--siret", "24310063300392")
    assert result.exit_code == 2
    assert "--siret" in result.stderr and "SIRET" in result.stderr and "24310063300392" in result.stderr
    assert "clé de contrôle" in result.stderr
    assert not depot.exists()


def test_every_invalid_option_is_named(cli, depot):
    result = cli("init", str(depot), "--nom", "Ville", "--type", "ville-nouvelle", "--contact", "mailto:a@b.fr",
                 "--site-web", "www.ville.fr", "--latitude", "nord", "--siret", "2431")
    assert result.exit_code == 2
    for option in ("--type", "--contact", "--site-web", "--latitude", "--siret"):
        assert f"✗ {option} :" in result.stderr, option
    assert "Sans « mailto: » : a@b.fr" in result.stderr
    assert not depot.exists()
    missing = cli("init", str(depot), "--nom", "Ville")
    assert missing.exit_code == 2
    assert "Il manque --type" in missing.stderr and "communaute_agglomeration" in missing.stderr
    assert not depot.exists()


def test_collectivite_options_without_a_name(cli, depot):
    result = cli("init", str(depot), "--siret", SIRET, "--type", "epci")
    assert result.exit_code == 2
    assert "--nom" in result.stderr and "--siret" in result.stderr
    assert not depot.exists()


def test_git_init_and_the_first_commit(cli, depot, tmp_path):
    result = cli("init", str(depot), "--non-interactif")
    assert result.exit_code == 0, result.output
    repo = git.Repo(depot)
    assert Path(repo.working_tree_dir) == depot.resolve()
    assert "Dépôt git initialisé" in result.stdout
    # what init wrote is committed, all of it: nothing left untracked, no step « git add » left to do
    assert not repo.is_dirty(untracked_files=True)
    assert repo.head.commit.message.strip() == "Registre iaterr (iaterr init)"
    assert repo.head.commit.author.email == "agent@testville.fr"
    committed = set(repo.git.ls_files().splitlines())
    assert committed == set(_files(depot)) and set(FILES) <= committed
    assert f"Premier commit {repo.head.commit.hexsha[:7]}" in result.stdout
    assert "git add" not in result.stdout

    plain = tmp_path / "sans-git"
    result = cli("init", str(plain), "--no-git", "--non-interactif")
    assert result.exit_code == 0
    assert not (plain / ".git").exists()
    assert "--no-git" in result.stdout


def test_no_git_init_inside_an_existing_git_repository(cli, tmp_path):
    git.Repo.init(tmp_path / "projet").close()
    inner = tmp_path / "projet" / "registre"
    result = cli("init", str(inner), "--non-interactif")
    assert result.exit_code == 0, result.output
    assert not (inner / ".git").exists()
    assert "Déjà dans le dépôt git" in result.stdout
    assert "n'est pas la racine du dépôt git" in result.stdout  # CI files only work at the root
    assert "Premier commit" not in result.stdout  # not its repository: nothing committed in it
    assert not git.Repo(tmp_path / "projet").head.is_valid()


def test_no_commit_without_a_git_identity(cli, depot, no_identity):
    result = cli("init", str(depot), "--non-interactif")
    assert result.exit_code == 0, result.output
    repo = git.Repo(depot)
    assert not repo.head.is_valid() and repo.untracked_files  # written, not committed
    assert "git ne sait pas encore qui vous êtes" in result.stdout
    assert 'git config --global user.email' in result.stdout
    assert 'git add . && git commit -m "Registre iaterr (iaterr init)"' in result.stdout
    english = cli("init", str(depot.parent / "en"), "--non-interactif", "--lang", "en")
    assert "git does not know yet who you are" in english.stdout and english.exit_code == 0


def test_no_commit_when_told_or_in_a_repository_with_a_history(cli, depot, tmp_path):
    result = cli("init", str(depot), "--non-interactif", "--no-commit")
    assert result.exit_code == 0, result.output
    assert not git.Repo(depot).head.is_valid() and "git add ." in result.stdout
    # a repository with commits already: its owner commits what init adds
    assert cli("init", str(tmp_path / "r"), "--non-interactif").exit_code == 0
    repo = git.Repo(tmp_path / "r")
    first = repo.head.commit.hexsha
    later = cli("init", str(tmp_path / "r"), "--nom", "Labège", "--type", "commune")
    assert later.exit_code == 0, later.output
    assert repo.head.commit.hexsha == first and "data/collectivites/labege.yaml" in repo.untracked_files
    assert "git add ." in later.stdout


def test_new_commit_right_after_init_leaves_nothing_untracked(cli, depot):
    """The issue's case: `new --commit` just after `init` committed the record and left nine files untracked."""
    assert cli("init", str(depot), "--nom", "Ville de Testville", "--type", "commune").exit_code == 0
    result = cli("new", "--repo", str(depot), "--defaults", "--commit",
                 "--set", "nom=Détection des fuites d'eau", "--set", "statut=en_experimentation",
                 "--set", "description=Analyse des débits de nuit pour cibler la recherche de fuites.",
                 "--set", "theme=Transition écologique et énergétique", "--set", "sous_themes=gestion_eau",
                 "--set", "decisions_individuelles=false")
    assert result.exit_code == 0, result.output
    repo = git.Repo(depot)
    assert not repo.is_dirty(untracked_files=True), repo.untracked_files
    assert [c.message.strip() for c in repo.iter_commits()][1:] == ["Registre iaterr (iaterr init)"]
    assert repo.git.show("--name-only", "--format=", "HEAD").split() == [
        "data/cas-usage/detection-des-fuites-d-eau.yaml"]


def test_without_terminal_nor_name_the_repository_has_no_collectivite(cli, depot):
    # typer's runner has no terminal: nothing may be asked, nothing may hang
    result = cli("init", str(depot), "--no-git")
    assert result.exit_code == 0, result.output
    assert "Aucune collectivité" in result.stdout
    assert f"iaterr init {depot} --nom" in result.stdout  # how to add it later
    assert (depot / "data/collectivites/.gitkeep").is_file()
    assert load_config(depot).collectivite_defaut is None and load_config(depot).nom is None
    assert cli("validate", "--repo", str(depot), "--no-cache").exit_code == 0

    # adding it later fills the empty keys of iaterr.yaml, keeping its comments, and nothing else
    before = _files(depot)
    later = cli("init", str(depot), *SICOVAL, "--no-git")
    assert later.exit_code == 0, later.output
    config = load_config(depot)
    assert config.collectivite_defaut == "sicoval" and config.nom.endswith("du Sicoval")
    assert "~ iaterr.yaml" in later.stdout and "+ data/collectivites/sicoval.yaml" in later.stdout
    config_text = (depot / "iaterr.yaml").read_text(encoding="utf-8")
    assert config_text.count("\n# ") >= 4 and config_text.startswith("# Configuration")
    after = _files(depot)
    assert set(after) - set(before) == {"data/collectivites/sicoval.yaml"}
    assert {k: v for k, v in after.items() if k in before and k != "iaterr.yaml"} == {
        k: v for k, v in before.items() if k != "iaterr.yaml"}
    assert cli("validate", "--repo", str(depot), "--no-cache").exit_code == 0

    # a second collectivité is written, but the default one stays
    other = cli("init", str(depot), "--nom", "Labège", "--type", "commune", "--no-git")
    assert other.exit_code == 0
    assert load_config(depot).collectivite_defaut == "sicoval"
    assert (depot / "data/collectivites/labege.yaml").is_file()
    assert "garde sa valeur (sicoval)" in other.stdout


def test_current_folder_by_default(cli, depot, monkeypatch):
    depot.mkdir()
    monkeypatch.chdir(depot)
    result = cli("init", "--no-git", "--no-input")
    assert result.exit_code == 0, result.output
    assert (depot / "iaterr.yaml").is_file()
    assert "cd " not in result.stdout


def test_in_english(cli, depot):
    result = cli("init", str(depot), "--lang", "en", *SICOVAL, "--no-git")
    assert result.exit_code == 0, result.output
    assert "iaterr repository created" in result.stdout and "Next steps" in result.stdout
    readme = (depot / "README.md").read_text(encoding="utf-8")
    assert "register of uses of artificial intelligence" in readme and "iaterr validate" in readme
    assert "iaterr new" in readme and "fields-reference" in readme
    assert load_config(depot).langue == "en"
    assert load_config(depot).nom == "Register of algorithms and AI — Communauté d'agglomération du Sicoval"
    assert "Check the records" in (depot / ".github/workflows/iaterr.yml").read_text(encoding="utf-8")
    # a later run in this repository speaks its language
    again = cli("init", str(depot), "--no-git")
    assert "nothing to create" in again.stdout
    bad = cli("init", str(depot / "x"), "--lang", "en", "--nom", "X", "--type", "commune", "--siret", "1")
    assert bad.exit_code == 2 and "14 digits" in bad.stderr


def test_french_readme(cli, depot):
    assert cli("init", str(depot), *SICOVAL, "--no-git").exit_code == 0
    readme = (depot / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Registre des algorithmes et de l'IA — Communauté d'agglomération du Sicoval")
    for text in ("iaterr new", "iaterr validate", "reference-champs.md", "data/collectivites/sicoval.yaml"):
        assert text in readme


def test_ci_files(cli, depot):
    assert cli("init", str(depot), "--no-git", "--no-input").exit_code == 0
    workflow = yaml.safe_load((depot / ".github/workflows/iaterr.yml").read_text(encoding="utf-8"))
    steps = next(iter(workflow["jobs"].values()))["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"
    runs = [s.get("run", "") for s in steps]
    assert not any(re.search(r"pip install iaterr\b", r) for r in runs)  # iaterr is not on PyPI
    install_at = next(i for i, r in enumerate(runs) if "installation" in r)
    validate_at = runs.index("iaterr validate")
    assert install_at < validate_at
    lint_at = next(i for i, r in enumerate(runs) if "iaterr lint" in r)
    assert validate_at < lint_at
    assert runs[lint_at] == "iaterr lint"

    gitlab = yaml.safe_load((depot / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["iaterr"]
    assert job["image"].startswith("python:3.11") and str(job["variables"]["GIT_DEPTH"]) == "0"
    assert job["script"][1:] == ["iaterr validate", "iaterr lint"]
    assert job["script"][0] == runs[install_at].replace("::error file=iaterr.yaml::", "")  # the same step
    assert load_config(depot).installation == PINNED
    readme = (depot / "README.md").read_text(encoding="utf-8")
    assert f'.venv/bin/pip install "{PINNED}"' in readme and "pip install iaterr\n" not in readme
    assert "IATERR_LANG" not in json.dumps(gitlab) and "--format" not in json.dumps(gitlab)

    hooks = yaml.safe_load((depot / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local"
    assert hook["id"] == "iaterr-validate" and hook["entry"] == "iaterr validate"
    assert hook["language"] == "system" and hook["pass_filenames"] is True
    assert re.search(hook["files"], "data/cas-usage/ma-fiche.yaml")
    assert not re.search(hook["files"], "iaterr.yaml")


# ---------------------------------------------------------------- how the CI installs iaterr


def _run_install_step(depot: Path, tmp_path: Path, ci: str = "github") -> tuple[subprocess.CompletedProcess, list]:
    """The install step of the CI written by init, run for real by a shell in the repository, with a `pip`
    that records what it is asked to install (a `pip` package of the current folder comes first for
    `python -m pip`)."""
    if ci == "github":
        workflow = yaml.safe_load((depot / ".github/workflows/iaterr.yml").read_text(encoding="utf-8"))
        script = next(s["run"] for s in next(iter(workflow["jobs"].values()))["steps"]
                      if "installation" in s.get("run", ""))
    else:
        script = yaml.safe_load((depot / ".gitlab-ci.yml").read_text(encoding="utf-8"))["iaterr"]["script"][0]
    log = tmp_path / "pip.log"
    fake = depot / "pip"
    fake.mkdir()
    (fake / "__init__.py").write_text("", encoding="utf-8")
    (fake / "__main__.py").write_text(
        f"import json, sys\nopen({str(log)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=depot, env=env, capture_output=True, text=True,
                          timeout=60)
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return proc, calls


def test_the_ci_installs_the_specification_of_iaterr_yaml(cli, depot, tmp_path):
    assert cli("init", str(depot), "--no-git", "--no-input").exit_code == 0
    proc, calls = _run_install_step(depot, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert calls == [["install", "--quiet", "PyYAML"], ["install", PINNED]]
    # the user changes the key: the CI follows
    config = depot / "iaterr.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(PINNED, "iaterr==0.1.0"), encoding="utf-8")
    assert load_config(depot).installation == "iaterr==0.1.0"
    shutil.rmtree(depot / "pip")
    (tmp_path / "gitlab").mkdir()
    proc, calls = _run_install_step(depot, tmp_path / "gitlab", ci="gitlab")
    assert proc.returncode == 0, proc.stderr
    assert calls == [["install", "--quiet", "PyYAML"], ["install", "iaterr==0.1.0"]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_unknown_origin_writes_a_placeholder_the_ci_stops_on(cli, depot, tmp_path, monkeypatch, lang):
    from iaterr.authoring import scaffold

    monkeypatch.setattr(scaffold, "detect_installation",
                        lambda: scaffold.Installation(None, "file:///home/agent/iaterr, commit 0123456789ab"))
    result = cli("init", str(depot), "--no-git", "--no-input", "--lang", lang)
    assert result.exit_code == 0, result.output
    config = load_config(depot)
    assert config.installation_a_renseigner
    text = (depot / "iaterr.yaml").read_text(encoding="utf-8")
    assert ("À RENSEIGNER" if lang == "fr" else "TO FILL IN") in text and "file:///home/agent/iaterr" in text
    assert ("installation: A-RENSEIGNER" if lang == "fr" else "installation: TO-FILL-IN") in result.stdout
    readme = (depot / "README.md").read_text(encoding="utf-8")
    assert ("À faire d'abord" if lang == "fr" else "To do first") in readme
    assert "pip install iaterr" not in readme and "pip install \"iaterr" not in readme
    proc, calls = _run_install_step(depot, tmp_path)
    assert proc.returncode == 1 and calls == [["install", "--quiet", "PyYAML"]]  # never pip install a guess
    assert proc.stdout.startswith("::error file=iaterr.yaml::iaterr.yaml")
    assert ("« installation » est à renseigner" if lang == "fr" else "fill in the key “installation”") in proc.stdout
    # and validate, run on the person's computer, says so before the first push
    checked = cli("validate", "--repo", str(depot), "--lang", lang)
    assert checked.exit_code == 0, checked.output
    assert ("« installation » est encore à renseigner" if lang == "fr" else "“installation” is still to be filled in") \
        in checked.stderr


def test_the_installation_option(cli, depot):
    spec = "iaterr @ git+https://forge.example/iaterr.git@v0.1.0"
    result = cli("init", str(depot), "--no-git", "--no-input", "--installation", spec)
    assert result.exit_code == 0, result.output
    assert load_config(depot).installation == spec and f"« {spec} »" in result.stdout
    assert "--installation" in (depot / "iaterr.yaml").read_text(encoding="utf-8")


def test_the_installation_key_is_read_strictly(depot, tmp_path):
    from iaterr.repo.config import RepositoryError

    depot.mkdir()
    for value, fine in (('"iaterr==0.1.0"', True), ("[iaterr]", False), ('""', False), ("{a: b}", False)):
        (depot / "iaterr.yaml").write_text(f"installation: {value}\n", encoding="utf-8")
        if fine:
            assert load_config(depot).installation == "iaterr==0.1.0"
            assert not load_config(depot).installation_a_renseigner
        else:
            with pytest.raises(RepositoryError) as caught:
                load_config(depot)
            assert "installation" in caught.value.params["detail"]["fr"], value
    (depot / "iaterr.yaml").write_text("instalation: iaterr==0.1.0\n", encoding="utf-8")
    with pytest.raises(RepositoryError):  # the strict check of unknown keys still holds
        load_config(depot)


class _Dist:
    def __init__(self, direct_url: dict | None, version: str = "0.1.0") -> None:
        self.version = version
        self._text = json.dumps(direct_url) if direct_url is not None else None

    def read_text(self, name: str) -> str | None:
        return self._text if name == "direct_url.json" else None


@pytest.mark.parametrize(("direct_url", "spec"), [
    (None, "iaterr==0.1.0"),  # from a package index: its exact version
    ({"url": "https://forge.example/iaterr.git", "vcs_info": {"vcs": "git", "commit_id": "a" * 40,
                                                              "requested_revision": "v0.1.0"}},
     f"iaterr @ git+https://forge.example/iaterr.git@{'a' * 40}"),
    ({"url": "ssh://git@forge.example/collectivites/iaterr.git", "vcs_info": {"vcs": "git", "commit_id": "b" * 40},
      "subdirectory": "outil"},
     f"iaterr @ git+https://forge.example/collectivites/iaterr.git@{'b' * 40}#subdirectory=outil"),
    ({"url": "https://jeton:secret@forge.example/iaterr.git", "vcs_info": {"vcs": "git", "commit_id": "c" * 40}},
     f"iaterr @ git+https://forge.example/iaterr.git@{'c' * 40}"),  # never a credential written
    ({"url": "https://forge.example/dl/iaterr-0.1.0-py3-none-any.whl", "archive_info": {}},
     "iaterr @ https://forge.example/dl/iaterr-0.1.0-py3-none-any.whl"),
    ({"url": "file:///tmp/iaterr-0.1.0-py3-none-any.whl", "archive_info": {}}, None),
    ({"url": "file:///nulle/part", "dir_info": {"editable": True}}, None),
])
def test_what_iaterr_knows_of_its_origin(monkeypatch, direct_url, spec):
    from importlib import metadata


    monkeypatch.setattr(metadata, "distribution", lambda name: _Dist(direct_url))
    found = real_detection()  # the real detection, on a fake distribution
    assert found.spec == spec
    assert "secret" not in found.source


def test_a_local_checkout_is_installed_from_the_remote_that_holds_its_commit(monkeypatch, tmp_path):
    from importlib import metadata


    source = tmp_path / "iaterr"
    repo = git.Repo.init(source)
    (source / "pyproject.toml").write_text("[project]\nname = 'iaterr'\n", encoding="utf-8")
    repo.git.add("-A")
    repo.git.commit("-qm", "iaterr", "--author", "A <a@example.fr>")
    sha = repo.head.commit.hexsha
    monkeypatch.setattr(metadata, "distribution", lambda name: _Dist({"url": source.as_uri(),
                                                                       "dir_info": {"editable": True}}))
    # no remote: only this computer has it
    assert real_detection().spec is None
    assert sha[:12] in real_detection().source
    repo.create_remote("origin", "git@forge.example:collectivites/iaterr.git")
    assert real_detection().spec is None  # a remote that does not hold the commit (not pushed)
    repo.git.update_ref("refs/remotes/origin/main", sha)  # pushed
    assert real_detection().spec == f"iaterr @ git+https://forge.example/collectivites/iaterr.git@{sha}"
    repo.close()


def test_iaterr_ships_its_pre_commit_hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "iaterr-validate")
    assert hook["entry"] == "iaterr validate" and hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert re.search(hook["files"], "data/collectivites/sicoval.yaml")
    assert not re.search(hook["files"], "schema/cas-usage.schema.json")


def test_the_pre_commit_hook_checks_the_files_it_is_given(cli, repo_copy, monkeypatch):
    """What pre-commit runs: `iaterr validate` with paths, from the repository's root."""
    monkeypatch.chdir(repo_copy)
    result = cli("validate", "--no-cache", "data/collectivites/sicoval.yaml", "data/cas-usage/"
                 "sicoval-detection-fuites-eau.yaml")
    assert result.exit_code == 0, result.output


def test_a_file_in_the_way(cli, tmp_path):
    target = tmp_path / "fichier"
    target.write_text("x")
    result = cli("init", str(target), "--no-git")
    assert result.exit_code == 2 and "n'est pas un dossier" in result.stderr


# ---------------------------------------------------------------- questions in a terminal


@pytest.fixture
def terminal(monkeypatch):
    """A terminal on stdin, and the questionnaire replaced by canned answers."""
    from iaterr.cli import init as init_cli

    monkeypatch.setattr(init_cli, "_stdin_is_tty", lambda: True)
    module = types.ModuleType("iaterr.cli.questionnaire")
    calls: list[dict] = []

    class QuestionnaireAborted(Exception):
        pass

    def ask_model(model, *, lang, defaults, fields=None):
        calls.append({"model": model.__name__, "lang": lang, "defaults": dict(defaults), "fields": fields})
        if module.answers is None:
            raise QuestionnaireAborted()
        return dict(module.answers)

    module.QuestionnaireAborted = QuestionnaireAborted
    module.ask_model = ask_model
    module.calls = calls
    module.answers = {"nom": "Communauté d'agglomération du Sicoval", "siret": SIRET,
                      "type": "communaute_agglomeration", "contact": None, "site_web": "https://www.sicoval.fr",
                      "latitude": "43.5436822", "longitude": "1.5055132"}
    monkeypatch.setitem(sys.modules, "iaterr.cli.questionnaire", module)
    return module


def test_questions_in_a_terminal(cli, depot, terminal):
    result = cli("init", str(depot), "--no-git", "--code-insee", "31113")
    assert result.exit_code == 0, result.output
    (call,) = terminal.calls
    assert call["model"] == "Collectivite" and call["lang"] == "fr"
    assert call["fields"] == ["nom", "siret", "type", "contact", "site_web", "latitude", "longitude"]
    assert call["defaults"] == {"code_insee": "31113"}
    text = (depot / "data/collectivites/communaute-d-agglomeration-du-sicoval.yaml").read_text(encoding="utf-8")
    assert 'code_insee: "31113"' in text or "code_insee: '31113'" in text
    assert load_config(depot).collectivite_defaut == "communaute-d-agglomeration-du-sicoval"


def test_wrong_answers_are_named_by_their_question(cli, depot, terminal):
    terminal.answers = {**terminal.answers, "siret": "24310063300392"}
    result = cli("init", str(depot), "--no-git")
    assert result.exit_code == 2
    assert "« SIRET »" in result.stderr and "clé de contrôle" in result.stderr
    assert not depot.exists()


def test_ctrl_c_in_the_questions_writes_nothing(cli, depot, terminal):
    terminal.answers = None
    result = cli("init", str(depot))
    assert result.exit_code == 2 and "rien n'a été écrit" in result.stderr
    assert not depot.exists()


def test_no_questions_when_told(cli, depot, terminal):
    result = cli("init", str(depot), "--non-interactif", "--no-git")
    assert result.exit_code == 0 and terminal.calls == []
    assert "--non-interactif sans --nom" in result.stdout


def test_options_given_need_no_questions(cli, depot, terminal):
    assert cli("init", str(depot), *SICOVAL, "--no-git").exit_code == 0
    assert terminal.calls == []


# ---------------------------------------------------------------- the core


def test_the_core_prints_nothing(tmp_path, capsys):
    from iaterr.authoring.scaffold import InvalidCollectivite, init_repository

    result = init_repository(tmp_path / "r", collectivite={"nom": "Labège", "type": "Commune"}, lang="fr",
                             git=False)
    assert capsys.readouterr() == ("", "")
    assert result.collectivite_path == (tmp_path / "r/data/collectivites/labege.yaml").resolve()
    assert result.collectivite_created and not result.skipped and not result.git_initialised
    assert {p.relative_to(result.root).as_posix() for p in result.created} >= set(FILES)
    with pytest.raises(InvalidCollectivite) as caught:
        init_repository(tmp_path / "s", collectivite={"nom": "X", "type": "commune", "contact": "x"}, git=False)
    assert [d.code for d in caught.value.diagnostics] == ["email-invalide"]
    assert not (tmp_path / "s").exists()


def test_the_real_questionnaire_through_a_pipe(cli, depot, monkeypatch):
    """The questions of `init` are those of `iaterr new`, driven for real."""
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from iaterr.cli import questionnaire

    # a SIRET whose check digit is wrong is refused, explained, and offered again as typed: corrected there
    answers = {"Nom *": ["Ville de Testville\r"], "SIRET": ["24310063300392\r", "\x7f" * 14 + SIRET + "\r"],
               "Type de collectivité *": ["\r"], "Contact": ["contact@testville.fr\r"]}
    seen = []
    with create_pipe_input() as pipe:
        def feed(kind, prompt):
            seen.append(prompt)
            if len(seen) > 50:  # a questionnaire that loops: stopped, the test fails on its exit code
                pipe.send_text("\x03")
                return
            queue = next((keys for label, keys in answers.items() if label in prompt and keys), None)
            pipe.send_text(queue.pop(0) if queue else "\r")

        monkeypatch.setattr(init_cli, "_stdin_is_tty", lambda: True)
        monkeypatch.setattr(questionnaire, "PROMPT_IO", {"input": pipe, "output": DummyOutput(),
                                                         "before_prompt": feed})
        result = cli("init", str(depot), "--no-git")
    assert result.exit_code == 0, result.output
    assert [p.split(" *")[0] for p in seen] == ["Nom", "SIRET", "SIRET", "Type de collectivité", "Site web",
                                                "Contact", "Latitude", "Longitude"]
    assert "SIRET « 24310063300392 » : la clé de contrôle est fausse." in result.stdout
    text = (depot / "data/collectivites/ville-de-testville.yaml").read_text(encoding="utf-8")
    assert f'siret: "{SIRET}"' in text and "type: commune" in text and "contact: contact@testville.fr" in text
