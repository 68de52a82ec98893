"""Restricted facts out of public repositories: iaterr.yaml's ``public`` and ``restreint``, the store (its marker,
its refusals), the merge by the one loader (and the cache's proof), validate's error, ``iaterr restreint
separer`` on the 12 records of data/ that held restricted values (planted values here), the writers, and the
leak tests on a public repository whose store holds planted values."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import PLANTED_STORE, ROOT

SICOVAL = "data/cas-usage/sicoval-detection-fuites-eau.yaml"
#: what the planted store holds that no public output may show
PLANTED = ("PLANTE", "restreint.example")
#: the records of data/ that held restricted values before the project's repository became public
TWELVE = sorted(p.name for p in (PLANTED_STORE / "cas-usage").glob("*.yaml"))


def _store(repo: Path) -> Path:
    return repo.parent / "iaterr-restreint"


def _config(repo: Path, text: str) -> None:
    (repo / "iaterr.yaml").write_text('version_schema: "1.0"\n' + text, encoding="utf-8")


def _json(result) -> dict:
    return json.loads(result.stdout)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


# ---------------------------------------------------------------- iaterr.yaml


def test_the_projects_repository_is_public_and_holds_no_restricted_value():
    from iaterr.model.kinds import model_of
    from iaterr.model.visibility import restricted_paths
    from iaterr.repo.config import load_config

    config = load_config(ROOT)
    assert config.public is True and config.restreint == "../iaterr-restreint"
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        kind = "cas_usage" if path.parent.name == "cas-usage" else "collectivite"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not [p for p, v in restricted_paths(model_of(kind), data) if v not in ("", [], {})], path


@pytest.mark.parametrize(("text", "where"), [
    ("public: peut-etre\n", "public"), ("public: [true]\n", "public"), ("restreint: https://x.fr/depot\n", "restreint"),
    ("restreint: ''\n", "restreint"), ("restreint: [a]\n", "restreint")])
def test_invalid_keys_are_said_with_their_place(cli, repo_copy, text, where):
    _config(repo_copy, "\n" + text)
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2, result.output
    assert "iaterr.yaml:3:" in result.output and where in result.output and "Traceback" not in result.output


def test_public_defaults_to_false_and_accepts_french_booleans():
    from iaterr.repo.config import _config_from

    assert _config_from({}).public is False and _config_from({}).restreint is None
    assert _config_from({"public": "oui"}).public is True and _config_from({"public": "non"}).public is False


# ---------------------------------------------------------------- the store


def test_without_the_store_public_fields_only_said_once(cli, repo_copy):
    shutil.rmtree(_store(repo_copy))
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("les champs restreints ne sont pas disponibles") == 1
    exported = cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted")
    assert exported.exit_code == 0 and "PLANTE" not in exported.stdout
    _config(repo_copy, "public: true\n")
    assert "sans magasin restreint" in cli("validate", "--repo", str(repo_copy)).stderr


def test_a_store_without_marker_is_refused_not_read(cli, repo_copy, tmp_path):
    elsewhere = tmp_path / "etc"
    (elsewhere / "cas-usage").mkdir(parents=True)
    (elsewhere / "cas-usage" / "sicoval-detection-fuites-eau.yaml").write_text("nom_algorithme: LU-A-TORT\n")
    for named in (str(elsewhere), "/etc"):
        _config(repo_copy, f"public: true\nrestreint: {named}\n")
        for args in (("validate",), ("export", "-f", "csv", "--include-restricted")):
            result = cli(*args, "--repo", str(repo_copy))
            assert result.exit_code == 2, result.output
            assert "iaterr-restreint.yaml" in result.output and "LU-A-TORT" not in result.output


def test_another_repositorys_store_is_refused(cli, repo_copy):
    marker = _store(repo_copy) / "iaterr-restreint.yaml"
    marker.write_text('iaterr-restreint: 2\ndepot: "autre-collectivite"\nlie-a:\n  - "/ailleurs/autre"\n')
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "autre-collectivite" in result.output, result.output
    assert "iaterr restreint lier" in result.output


def test_a_link_is_never_followed(cli, repo_copy, tmp_path):
    store = _store(repo_copy)
    os.symlink(store, tmp_path / "lien")
    _config(repo_copy, "public: true\nrestreint: ../lien\n")
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "lien symbolique" in result.output, result.output
    # a link inside the store: its file is not read
    _config(repo_copy, "public: true\nrestreint: ../iaterr-restreint\n")
    companion = store / "cas-usage" / "sicoval-detection-fuites-eau.yaml"
    target = tmp_path / "ailleurs.yaml"
    companion.rename(target)
    os.symlink(target, companion)
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 1
    assert any(d["code"] == "lien-symbolique" and d["fichier"].endswith("sicoval-detection-fuites-eau.yaml")
               for d in _json(result)["diagnostics"])


def test_a_store_inside_the_tracked_tree_is_refused_unless_ignored(cli, repo_copy):
    inside = repo_copy / "restreint"
    shutil.copytree(_store(repo_copy), inside)
    _git(repo_copy, "init", "-q", ".")
    _config(repo_copy, "public: true\nrestreint: restreint\n")
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "fichiers suivis du dépôt" in result.output, result.output
    (repo_copy / ".gitignore").write_text("/restreint/\n")
    result = cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted")
    assert result.exit_code == 0 and "PLANTE" in result.stdout, result.output
    _git(repo_copy, "add", "-f", "restreint/iaterr-restreint.yaml")  # ignored, but a file of it tracked: refused
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 2


def test_the_environment_variable_names_the_store_on_one_machine(cli, repo_copy, tmp_path, monkeypatch):
    moved = tmp_path / "sur-cette-machine"
    _store(repo_copy).rename(moved)
    assert "PLANTE" not in cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted").stdout
    monkeypatch.setenv("IATERR_RESTREINT", str(moved))
    assert "PLANTE" in cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted").stdout


# ---------------------------------------------------------------- validate and the merge


def test_a_restricted_value_in_a_public_repository_is_an_error_that_never_quotes_it(cli, repo_copy):
    text = (repo_copy / SICOVAL).read_text(encoding="utf-8")
    shutil.rmtree(_store(repo_copy))
    (repo_copy / SICOVAL).write_text(text + "contact: fuite.secrete@exemple.fr\nbudget: plus_100k\n", encoding="utf-8")
    line = text.count("\n") + 1
    for lang in ("fr", "en"):
        result = cli("validate", "--repo", str(repo_copy), "--lang", lang)
        assert result.exit_code == 1, result.output
        assert "restreint-dans-depot-public" in result.output and "iaterr restreint separer" in result.output
        assert "fuite.secrete" not in result.output and "plus_100k" not in result.output
    found = [d for d in _json(cli("validate", "--repo", str(repo_copy), "--format", "json"))["diagnostics"]
             if d["code"] == "restreint-dans-depot-public"]
    assert [(d["chemin"], d["ligne"], d["fichier"]) for d in found] == [
        ("contact", line, SICOVAL), ("budget", line + 1, SICOVAL)]
    assert "fuite.secrete" not in json.dumps(found)
    _config(repo_copy, "")  # a private repository: its records may hold them
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 0


def test_the_companion_is_merged_before_validation_and_named_by_its_findings(cli, repo_copy):
    companion = _store(repo_copy) / "cas-usage" / "sicoval-detection-fuites-eau.yaml"
    restricted = cli("export", "--repo", str(repo_copy), "-f", "json", "--include-restricted")
    sicoval = next(r for r in _json(restricted)["cas_usage"] if r["identifiant"] == "sicoval-detection-fuites-eau")
    assert sicoval["contact"] == "plante.contact@restreint.example" and sicoval["explicabilite"] == "fort"
    text = companion.read_text(encoding="utf-8")
    companion.write_text(text.replace("explicabilite: fort", "explicabilite: tres-fort")
                         + "description: une clé publique\n", encoding="utf-8")
    lines = companion.read_text(encoding="utf-8").splitlines()
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 1
    diags = {d["code"]: d for d in _json(result)["diagnostics"] if "iaterr-restreint" in d["fichier"]}
    assert diags["valeur-inconnue"]["fichier"] == "../iaterr-restreint/cas-usage/sicoval-detection-fuites-eau.yaml"
    assert diags["valeur-inconnue"]["ligne"] == next(i for i, ln in enumerate(lines, 1) if "tres-fort" in ln)
    assert diags["restreint-champ-public"]["ligne"] == len(lines)
    assert "tres-fort" not in result.stdout  # a restricted value, even a wrong one, is never quoted
    # a field given in both places
    companion.write_text(text, encoding="utf-8")
    record = repo_copy / SICOVAL
    record.write_text(record.read_text(encoding="utf-8") + "explicabilite: faible\n", encoding="utf-8")
    codes = [d["code"] for d in _json(cli("validate", "--repo", str(repo_copy), "--format", "json"))["diagnostics"]]
    assert "restreint-double" in codes


def test_the_cache_sees_a_same_size_edit_of_the_companion(cli, repo_copy):
    companion = _store(repo_copy) / "cas-usage" / "sicoval-detection-fuites-eau.yaml"
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 0
    before = companion.stat()
    text = companion.read_text(encoding="utf-8")
    companion.write_text(text.replace("explicabilite: fort", "explicabilite: xxxx"), encoding="utf-8")
    os.utime(companion, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same times
    assert companion.stat().st_size == before.st_size
    warm = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert warm.exit_code == 1 and any(d["code"] == "valeur-inconnue" for d in _json(warm)["diagnostics"])
    cold = cli("validate", "--repo", str(repo_copy), "--format", "json", "--no-cache")
    assert _json(cold)["diagnostics"] == _json(warm)["diagnostics"]
    companion.unlink()  # gone: the record is read again, public fields only
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 0
    assert "PLANTE-nom_algorithme-11" not in cli("export", "--repo", str(repo_copy), "-f", "csv",
                                                 "--include-restricted").stdout


# ---------------------------------------------------------------- iaterr restreint separer


def _with_planted_lines(repo: Path) -> dict[str, str]:
    """The 12 records given back their restricted fields (the planted values), in the middle of the file (after
    ``statut:``), as a private repository's records hold them; returns the records' texts before."""
    before = {}
    for name in TWELVE:
        record = repo / "data" / "cas-usage" / name
        text = record.read_text(encoding="utf-8")
        before[name] = text
        planted = (PLANTED_STORE / "cas-usage" / name).read_text(encoding="utf-8")
        block = "".join(ln + "\n" for ln in planted.splitlines() if not ln.startswith("#"))
        at = text.index("\n", text.index("\nstatut:") + 1) + 1
        record.write_text(text[:at] + block + text[at:], encoding="utf-8")
    return before


def test_separer_moves_the_values_of_the_twelve_records_and_changes_only_their_lines(cli, repo_copy):
    shutil.rmtree(_store(repo_copy))
    before = _with_planted_lines(repo_copy)
    others = {p.name: p.read_bytes() for p in (repo_copy / "data" / "cas-usage").glob("*.yaml") if p.name not in before}
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 1  # the values are in a public repository
    dry = cli("restreint", "separer", "--repo", str(repo_copy), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "12 fiche(s)" in dry.output and not _store(repo_copy).exists()
    assert "ne sont pas disponibles" not in dry.output  # the store it is about to make is not said missing
    assert all(marker not in dry.output for marker in PLANTED)  # names, never values
    result = cli("restreint", "separer", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert "commits passés" in result.output and "filter-repo" in result.output
    assert all(marker not in result.output for marker in PLANTED)
    for name, text in before.items():  # byte for byte: only the lines of the restricted fields went
        assert (repo_copy / "data" / "cas-usage" / name).read_text(encoding="utf-8") == text, name
        moved = yaml.safe_load((_store(repo_copy) / "cas-usage" / name).read_text(encoding="utf-8"))
        assert moved == yaml.safe_load((PLANTED_STORE / "cas-usage" / name).read_text(encoding="utf-8")), name
    assert {p.name: p.read_bytes() for p in (repo_copy / "data" / "cas-usage").glob("*.yaml")
            if p.name not in before} == others
    assert (_store(repo_copy) / "iaterr-restreint.yaml").is_file()
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 0
    again = cli("restreint", "separer", "--repo", str(repo_copy))  # idempotent
    assert again.exit_code == 0 and "rien à déplacer" in again.output
    exported = cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted").stdout
    assert "PLANTE-nom_algorithme-11" in exported


def test_separer_keeps_comments_when_a_value_does_not_stand_on_its_own_lines(cli, repo_copy):
    record = repo_copy / SICOVAL
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "# un commentaire gardé\nbudget: moins_50k  # ordre de grandeur\n", encoding="utf-8")
    result = cli("restreint", "separer", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert record.read_text(encoding="utf-8") == text + "# un commentaire gardé\n"
    assert "budget: moins_50k" in (_store(repo_copy) / "cas-usage" / "sicoval-detection-fuites-eau.yaml").read_text()


def test_separer_conflict_and_no_store(cli, repo_copy):
    record = repo_copy / SICOVAL
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "explicabilite: faible\n", encoding="utf-8")  # the store says « fort »
    result = cli("restreint", "separer", "--repo", str(repo_copy))
    assert result.exit_code == 1 and "explicabilite" in result.output and "fort" not in result.output
    assert record.read_text(encoding="utf-8") == text + "explicabilite: faible\n"
    record.write_text(text + "explicabilite: fort\n", encoding="utf-8")  # the same value: only removed
    assert cli("restreint", "separer", "--repo", str(repo_copy)).exit_code == 0
    assert record.read_text(encoding="utf-8") == text
    _config(repo_copy, "public: true\n")
    assert cli("restreint", "separer", "--repo", str(repo_copy)).exit_code == 2


def test_separer_help_is_complete_in_english(cli):
    result = cli("restreint", "separer", "--help", lang="en")
    assert result.exit_code == 0 and "--dry-run" in result.output and "git history" in result.output


# ---------------------------------------------------------------- writers


def test_edit_routes_restricted_answers_to_the_store_or_refuses(cli, repo_copy):
    record = repo_copy / "data/cas-usage/metz-vipare.yaml"
    result = cli("edit", "metz-vipare", "--repo", str(repo_copy), "--set", "nom_algorithme=Algorithme PLANTE Metz")
    assert result.exit_code == 0, result.output
    assert "PLANTE" not in record.read_text(encoding="utf-8")
    companion = _store(repo_copy) / "cas-usage" / "metz-vipare.yaml"
    assert yaml.safe_load(companion.read_text(encoding="utf-8")) == {"nom_algorithme": "Algorithme PLANTE Metz"}
    shutil.rmtree(_store(repo_copy))
    before = record.read_bytes()
    refused = cli("edit", "metz-vipare", "--repo", str(repo_copy), "--set", "contact=equipe@metz.fr")
    assert refused.exit_code == 2 and "contact" in refused.output and "equipe@metz.fr" not in refused.output
    assert record.read_bytes() == before


def test_new_never_writes_a_restricted_value_into_a_public_record(repo_copy):
    from iaterr.authoring.records import new_record, write_record
    from iaterr.authoring.separer import route
    from iaterr.repo.config import RepositoryError, open_repository

    repo = open_repository(repo_copy)
    source = yaml.safe_load((repo_copy / SICOVAL).read_text(encoding="utf-8"))
    answers = {**source, "identifiant": "sicoval-copie", "nom": "Copie", "hebergement": "interne",
               "nom_algorithme": "PLANTE nouvel algorithme"}
    record = new_record(repo, "cas_usage", answers)
    assert record.valid, record.problems
    path = write_record(repo, record)
    assert "PLANTE" not in path.read_text(encoding="utf-8")
    assert "PLANTE nouvel algorithme" in (_store(repo_copy) / "cas-usage" / "sicoval-copie.yaml").read_text()
    shutil.rmtree(_store(repo_copy))
    with pytest.raises(RepositoryError) as refused:
        route(open_repository(repo_copy), SICOVAL, "cas_usage", record.text)
    assert refused.value.key == "restreint.refus-ecriture"


def test_migrate_routes_to_the_store(cli, repo_copy):
    record = repo_copy / SICOVAL
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('version_schema: "1.2"', 'version_schema: "1.0"')
                      + "impact_environnemental: PLANTE migré\n", encoding="utf-8")
    shutil.rmtree(_store(repo_copy) / "cas-usage")
    result = cli("migrate", "--repo", str(repo_copy))
    assert result.exit_code in (0, 1), result.output
    assert "PLANTE" not in record.read_text(encoding="utf-8")
    assert "PLANTE migré" in (_store(repo_copy) / "cas-usage" / "sicoval-detection-fuites-eau.yaml").read_text()


# ---------------------------------------------------------------- no leak


def test_no_planted_value_leaks_from_a_public_repository_with_its_store(cli, repo_copy, tmp_path):
    from iaterr.publish.formats import FORMATS

    restricted = cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted")
    assert "PLANTE-nom_algorithme-11" in restricted.stdout and "plante.contact@restreint.example" in restricted.stdout
    outputs: dict[str, str] = {}
    for fmt in FORMATS:
        for attempt in ("froid", "chaud"):
            result = cli("export", "--repo", str(repo_copy), "--format", fmt)
            assert result.exit_code == 0, (fmt, result.output)
            outputs[f"{fmt} ({attempt})"] = result.stdout + result.stderr
    built = cli("register", "build", "--repo", str(repo_copy), "--out", str(tmp_path / "site"))
    assert built.exit_code in (0, 1) and (tmp_path / "site" / "index.html").is_file(), built.output
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            outputs[f"site {path.name}"] = path.read_text(encoding="utf-8", errors="replace")
    for command in ("notice", "mention"):
        for fmt in ("md", "html"):
            result = cli(command, "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--format", fmt)
            outputs[f"{command} {fmt}"] = result.stdout + result.stderr
    for args in (("validate", "--format", "json"), ("lint", "--format", "json"), ("lint",)):
        result = cli(*args, "--repo", str(repo_copy))
        outputs[" ".join(args)] = result.stdout + result.stderr
    assert len(outputs) > len(FORMATS) * 2
    for name, text in outputs.items():
        for marker in PLANTED:
            assert marker not in text, (name, marker)



# ---------------------------------------------------------------- init


def test_init_sets_up_a_public_repository_and_its_store(cli, tmp_path):
    from iaterr.repo.config import load_config

    depot = tmp_path / "registre"
    result = cli("init", str(depot), "--nom", "Ville d'essai", "--type", "commune", "--public", "--no-commit")
    assert result.exit_code == 0, result.output
    config = load_config(depot)
    assert config.public is True and config.restreint == "../registre-restreint"
    store = tmp_path / "registre-restreint"
    assert (store / "iaterr-restreint.yaml").is_file() and (store / ".git").is_dir()
    assert "Magasin restreint créé" in result.output
    assert cli("validate", "--repo", str(depot)).exit_code == 0  # the store is found and trusted
    private = cli("init", str(tmp_path / "prive"), "--prive", "--no-commit", "--non-interactif")
    assert private.exit_code == 0 and load_config(tmp_path / "prive").public is False
    assert not (tmp_path / "prive-restreint").exists()


def test_init_again_with_public_fills_the_keys_and_makes_the_store(cli, tmp_path):
    from iaterr.repo.config import load_config

    depot = tmp_path / "registre"
    assert cli("init", str(depot), "--no-commit", "--non-interactif").exit_code == 0
    assert load_config(depot).public is False
    text = (depot / "iaterr.yaml").read_text(encoding="utf-8").replace("public: false\n", "")
    (depot / "iaterr.yaml").write_text(text, encoding="utf-8")
    again = cli("init", str(depot), "--restreint", "../ailleurs", "--no-commit", "--non-interactif")
    assert again.exit_code == 0, again.output
    config = load_config(depot)
    assert config.public is True and config.restreint == "../ailleurs"
    assert (tmp_path / "ailleurs" / "iaterr-restreint.yaml").is_file()
    inside = cli("init", str(tmp_path / "autre"), "--restreint", "magasin", "--no-commit", "--non-interactif")
    assert inside.exit_code == 2 and "fichiers suivis" in inside.output, inside.output
    assert not (tmp_path / "autre" / "iaterr.yaml").exists()  # refused before anything was written


def test_init_asks_whether_the_repository_is_public(cli, tmp_path, monkeypatch):
    from iaterr.cli import init as init_cli
    from iaterr.repo.config import load_config

    monkeypatch.setattr(init_cli, "_stdin_is_tty", lambda: True)
    monkeypatch.setattr(init_cli, "_ask_collectivite", lambda lang, given: {"nom": "Ville d'essai", "type": "commune"})
    result = cli("init", str(tmp_path / "registre"), "--no-commit", input="o\n../magasin-prive\n")
    assert result.exit_code == 0, result.output
    assert "Ce dépôt sera-t-il public" in result.output
    config = load_config(tmp_path / "registre")
    assert config.public is True and config.restreint == "../magasin-prive"
    assert (tmp_path / "magasin-prive" / "iaterr-restreint.yaml").is_file()
    no = cli("init", str(tmp_path / "prive"), "--no-commit", input="n\n")
    assert no.exit_code == 0 and load_config(tmp_path / "prive").public is False


def test_import_into_a_public_repository_routes_restricted_values_to_the_store(cli, tmp_path):
    from test_import_restricted import _export

    depot = tmp_path / "registre"
    assert cli("init", str(depot), "--no-git", "--non-interactif", "--public").exit_code == 0
    source = _export(tmp_path, "restreintes-a-la-fin")
    result = cli("import", "bibliotheque", str(source), "--repo", str(depot))
    assert result.exit_code in (0, 1), result.output
    records = list((depot / "data" / "cas-usage").glob("*.yaml"))
    assert records
    for record in records:
        text = record.read_text(encoding="utf-8")
        assert "AlgoSecretA5" not in text and "DescAlgoSecretA6" not in text, record
    store = tmp_path / "registre-restreint" / "cas-usage"
    assert any("AlgoSecretA5" in p.read_text(encoding="utf-8") for p in store.glob("*.yaml"))
    assert cli("validate", "--repo", str(depot)).exit_code in (0, 1)
    assert "restreint-dans-depot-public" not in cli("validate", "--repo", str(depot)).output
    # without the store: refused, nothing restricted written
    other = tmp_path / "autre"
    assert cli("init", str(other), "--no-git", "--non-interactif", "--public").exit_code == 0
    shutil.rmtree(tmp_path / "autre-restreint")
    refused = cli("import", "bibliotheque", str(source), "--repo", str(other))
    assert refused.exit_code == 2 and "Dépôt public sans magasin restreint" in refused.output
    assert not any("AlgoSecretA5" in p.read_text(encoding="utf-8") for p in (other / "data").rglob("*.yaml"))
