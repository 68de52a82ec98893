"""``iaterr init``: a data repository that validates, never overwriting anything."""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path

import git
import pytest
import yaml

import iaterr.cli.init as init_cli
from conftest import ROOT
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


def test_git_init(cli, depot, tmp_path):
    result = cli("init", str(depot), "--non-interactif")
    assert result.exit_code == 0, result.output
    assert Path(git.Repo(depot).working_tree_dir) == depot.resolve()
    assert "Dépôt git initialisé" in result.stdout and "git add ." in result.stdout

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
    assert "pip install iaterr" in runs
    validate_at = runs.index("iaterr validate")
    lint_at = next(i for i, r in enumerate(runs) if "iaterr lint" in r)
    assert validate_at < lint_at
    assert runs[lint_at] == "iaterr lint"

    gitlab = yaml.safe_load((depot / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["iaterr"]
    assert job["image"].startswith("python:3.11") and str(job["variables"]["GIT_DEPTH"]) == "0"
    assert job["script"] == ["pip install iaterr", "iaterr validate", "iaterr lint"]
    assert "IATERR_LANG" not in json.dumps(gitlab) and "--format" not in json.dumps(gitlab)

    hooks = yaml.safe_load((depot / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local"
    assert hook["id"] == "iaterr-validate" and hook["entry"] == "iaterr validate"
    assert hook["language"] == "system" and hook["pass_filenames"] is True
    assert re.search(hook["files"], "data/cas-usage/ma-fiche.yaml")
    assert not re.search(hook["files"], "iaterr.yaml")


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

    answers = {"Nom *": "Ville de Testville\r", "SIRET": "24310063300392\r" + "\x7f" * 14 + SIRET + "\r",
               "Type de collectivité *": "\r", "Contact": "contact@testville.fr\r"}
    seen = []
    with create_pipe_input() as pipe:
        def feed(kind, prompt):
            seen.append(prompt)
            pipe.send_text(next((keys for label, keys in answers.items() if label in prompt), "\r"))

        monkeypatch.setattr(init_cli, "_stdin_is_tty", lambda: True)
        monkeypatch.setattr(questionnaire, "PROMPT_IO", {"input": pipe, "output": DummyOutput(),
                                                         "before_prompt": feed})
        result = cli("init", str(depot), "--no-git")
    assert result.exit_code == 0, result.output
    assert [p.split(" *")[0] for p in seen] == ["Nom", "SIRET", "Type de collectivité", "Site web", "Contact",
                                                "Latitude", "Longitude"]
    text = (depot / "data/collectivites/ville-de-testville.yaml").read_text(encoding="utf-8")
    assert f'siret: "{SIRET}"' in text and "type: commune" in text and "contact: contact@testville.fr" in text
