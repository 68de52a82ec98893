"""Restricted facts out of public repositories, from a review of #16: the store's marker names its repository by
what a merge request cannot change (``iaterr restreint lier``), the environment variable touches only the
repositories it is meant for, init --public on a private repository, the writers' section comments and cleared
fields, separer on sub-folders and comments, and the store's messages and modes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import link_store

SICOVAL = "data/cas-usage/sicoval-detection-fuites-eau.yaml"


def _store(repo: Path) -> Path:
    return repo.parent / "iaterr-restreint"


def _config(repo: Path, text: str) -> None:
    (repo / "iaterr.yaml").write_text('version_schema: "1.0"\n' + text, encoding="utf-8")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


# ---------------------------------------------------------------- 1. the marker names the repository safely


def test_a_merge_request_changing_nom_too_cannot_read_another_collectivites_store(cli, repo_copy, tmp_path):
    other = tmp_path / "ville-b-restreint"
    (other / "cas-usage").mkdir(parents=True)
    (other / "iaterr-restreint.yaml").write_text(
        'iaterr-restreint: 2\ndepot: "Registre IA de Ville B"\nlie-a:\n  - "/srv/ville-b/registre"\n')
    (other / "cas-usage" / Path(SICOVAL).name).write_text("nom_algorithme: SECRET-DE-VILLE-B\n")
    # the merge request changes both keys: the name the marker carries is never compared
    _config(repo_copy, 'nom: "Registre IA de Ville B"\npublic: true\nrestreint: ../ville-b-restreint\n')
    for args in (("validate",), ("export", "-f", "csv", "--include-restricted")):
        result = cli(*args, "--repo", str(repo_copy))
        assert result.exit_code == 2, result.output
        assert "SECRET-DE-VILLE-B" not in result.output and "iaterr restreint lier" in result.output
    # nor the folder's name: a store beside a repository folder of the same name, linked elsewhere
    twin = tmp_path / "b" / "depot"
    shutil.copytree(repo_copy, twin)
    _config(twin, "public: true\nrestreint: ../../iaterr-restreint\n")
    assert cli("validate", "--repo", str(twin)).exit_code == 2


def test_an_old_marker_is_refused_until_a_person_links_the_store(cli, repo_copy):
    marker = _store(repo_copy) / "iaterr-restreint.yaml"
    marker.write_text('iaterr-restreint: 1\ndepot: "depot"\n')  # as iaterr wrote it before: nom only
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "version précédente" in result.output, result.output
    assert "iaterr restreint lier ../iaterr-restreint" in result.output
    linked = cli("restreint", "lier", str(_store(repo_copy)), "--repo", str(repo_copy))
    assert linked.exit_code == 0 and "lié à ce dépôt" in linked.output, linked.output
    assert "lie-a:" in marker.read_text() and str(os.path.realpath(repo_copy)) in marker.read_text()
    assert "PLANTE" in cli("export", "--repo", str(repo_copy), "-f", "csv", "--include-restricted").stdout
    again = cli("restreint", "lier", str(_store(repo_copy)), "--repo", str(repo_copy))
    assert again.exit_code == 0 and "déjà lié" in again.output
    # a folder that is not a store is never made one by lier
    assert cli("restreint", "lier", str(repo_copy / "schema"), "--repo", str(repo_copy)).exit_code == 2


def test_a_moved_repository_is_read_again_through_its_git_origin_or_once_linked(cli, repo_copy, tmp_path):
    _git(repo_copy, "init", "-q", ".")
    _git(repo_copy, "remote", "add", "origin", "https://agent:jeton@Forge.example:443/ville/registre-ia.git")
    link_store(repo_copy, _store(repo_copy))
    marker = (_store(repo_copy) / "iaterr-restreint.yaml").read_text()
    assert "forge.example/ville/registre-ia" in marker and "jeton" not in marker and "agent" not in marker
    moved = tmp_path / "ailleurs"
    moved.mkdir()
    repo_copy.rename(moved / "depot")
    _config(moved / "depot", "public: true\nrestreint: ../../iaterr-restreint\n")
    # same origin, another path: still this repository's store
    assert "PLANTE" in cli("export", "--repo", str(moved / "depot"), "-f", "csv", "--include-restricted").stdout
    _git(moved / "depot", "remote", "set-url", "origin", "git@forge.example:autre/registre-ia.git")
    result = cli("validate", "--repo", str(moved / "depot"))
    assert result.exit_code == 2 and "iaterr restreint lier" in result.output, result.output


def test_origin_addresses_are_normalised_without_credentials():
    from iaterr.repo.restreint import normalise_url

    same = {normalise_url(u) for u in ("https://forge.example/ville/reg.git", "git@forge.example:ville/reg.git",
                                       "ssh://git@Forge.Example:22/ville/reg.git/",
                                       "https://user:secret@forge.example/ville/reg")}
    assert same == {"forge.example/ville/reg"}
    assert normalise_url("file:///srv/reg") == os.path.realpath("/srv/reg")


# ---------------------------------------------------------------- 3. the environment variable


def test_the_variable_touches_only_repositories_meant_for_it(cli, repo_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("IATERR_RESTREINT", str(_store(repo_copy)))
    private = tmp_path / "prive"
    shutil.copytree(repo_copy, private)
    _config(private, "")
    assert cli("validate", "--repo", str(private)).exit_code == 0  # private, names no store: not concerned
    other = tmp_path / "autre-public"
    shutil.copytree(repo_copy, other)
    _config(other, "public: true\n")
    result = cli("export", "--repo", str(other), "-f", "csv", "--include-restricted")
    assert result.exit_code == 0 and "PLANTE" not in result.stdout, result.output
    assert "n'est pas lié à ce dépôt" in result.stderr and "IATERR_RESTREINT" in result.stderr


def test_a_relative_variable_is_relative_to_the_repository(cli, repo_copy, monkeypatch):
    monkeypatch.chdir(repo_copy / "data")
    monkeypatch.setenv("IATERR_RESTREINT", "../iaterr-restreint")
    _config(repo_copy, "public: true\n")
    result = cli("export", "-f", "csv", "--include-restricted")
    assert result.exit_code == 0 and "PLANTE" in result.stdout, result.output


# ---------------------------------------------------------------- 2. init --public on a private repository


def test_init_public_on_a_private_repository_switches_it_and_says_so(cli, tmp_path):
    from iaterr.repo.config import load_config

    depot = tmp_path / "registre"
    assert cli("init", str(depot), "--no-git", "--non-interactif").exit_code == 0
    assert load_config(depot).public is False
    again = cli("init", str(depot), "--no-git", "--non-interactif", "--public")
    assert again.exit_code == 0, again.output
    assert load_config(depot).public is True
    assert "passe de false à true" in again.output and "iaterr restreint separer" in again.output
    assert (tmp_path / "registre-restreint" / "iaterr-restreint.yaml").is_file()
    # a store already named is kept, and said, when another one is asked for
    third = cli("init", str(depot), "--no-git", "--non-interactif", "--restreint", "../autre")
    assert third.exit_code == 0 and "garde sa valeur (../registre-restreint)" in third.output, third.output
    assert load_config(depot).restreint == "../registre-restreint"


def test_init_question_shows_its_choices(cli, tmp_path, monkeypatch):
    from iaterr.cli import init as init_cli

    monkeypatch.setattr(init_cli, "_stdin_is_tty", lambda: True)
    monkeypatch.setattr(init_cli, "_ask_collectivite", lambda lang, given: {"nom": "Ville d'essai", "type": "commune"})
    result = cli("init", str(tmp_path / "registre"), "--no-commit", "--no-git", input="n\n")
    assert result.exit_code == 0 and "public (sur une forge publique) ? Ses champs" in result.output
    assert "[o/n]" in result.output, result.output


# ---------------------------------------------------------------- 4, 5. new and edit in a public repository

NEW = ("--set", "nom=Tri des courriers", "--set", "description=Un outil qui trie les courriers entrants de la mairie "
       "par service destinataire, pour gagner du temps.", "--set", "theme=administration_interne",
       "--set", "statut=en_production")


def _public_with_record(cli, tmp_path) -> tuple[Path, Path, Path]:
    depot = tmp_path / "reg"
    assert cli("init", str(depot), "--nom", "Testville", "--type", "commune", "--public", "--no-git",
               "--non-interactif").exit_code == 0
    made = cli("new", "--repo", str(depot), "--defaults", "--no-input", *NEW, "--set", "nom_algorithme=ALGO-X")
    assert made.exit_code == 0, made.output
    assert "pas dans la fiche publiée" in made.output and "reg-restreint/cas-usage/tri-des-courriers.yaml" \
        in made.output and "dépôt à part" in made.output
    return depot, depot / "data/cas-usage/tri-des-courriers.yaml", tmp_path / "reg-restreint/cas-usage" \
        / "tri-des-courriers.yaml"


def test_edits_of_restricted_fields_add_no_section_comment_and_say_where_they_went(cli, tmp_path):
    depot, record, companion = _public_with_record(cli, tmp_path)
    for value in ("moins_50k", "plus_100k", "moins_50k"):
        edited = cli("edit", "tri-des-courriers", "--repo", str(depot), "--set", f"budget={value}", "--no-input")
        assert edited.exit_code == 0, edited.output
        assert "tri-des-courriers.yaml (budget)" in edited.output and "dépôt à part" in edited.output
    text = record.read_text(encoding="utf-8")
    assert "Informations réservées" not in text and "ALGO-X" not in text and "budget" not in text
    assert "budget: moins_50k" in companion.read_text(encoding="utf-8")
    assert cli("validate", "--repo", str(depot)).exit_code == 0
    # 8. made with the store's own restrictive modes
    assert companion.stat().st_mode & 0o777 == 0o600 and companion.parent.stat().st_mode & 0o777 == 0o700


def test_emptying_a_restricted_field_removes_it_from_the_store(cli, tmp_path):
    depot, _record, companion = _public_with_record(cli, tmp_path)
    assert cli("edit", "tri-des-courriers", "--repo", str(depot), "--set", "budget=moins_50k",
               "--no-input").exit_code == 0
    cleared = cli("edit", "tri-des-courriers", "--repo", str(depot), "--set", "nom_algorithme=", "--no-input")
    assert cleared.exit_code == 0 and "retirés du magasin" in cleared.output, cleared.output
    assert companion.read_text(encoding="utf-8") == "budget: moins_50k\n"
    assert cli("edit", "tri-des-courriers", "--repo", str(depot), "--set", "budget=", "--no-input").exit_code == 0
    assert not companion.exists()  # nothing left: the file goes


# ---------------------------------------------------------------- 6. separer and records in sub-folders


def test_separer_reports_records_in_sub_folders_up_front_and_writes_nothing(cli, repo_copy):
    sicoval = repo_copy / SICOVAL
    text = sicoval.read_text(encoding="utf-8")
    sicoval.write_text(text + "budget: moins_50k\n", encoding="utf-8")  # a top-level record to move
    nested = repo_copy / "data/cas-usage/archive/ancienne.yaml"
    nested.parent.mkdir()
    nested.write_text(text.replace("identifiant: sicoval-detection-fuites-eau", "identifiant: ancienne")
                      + "budget: moins_50k\n", encoding="utf-8")
    store = _store(repo_copy)
    before = {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}
    for args in (("--dry-run",), ()):
        result = cli("restreint", "separer", *args, "--repo", str(repo_copy))
        assert result.exit_code == 1, result.output
        assert "data/cas-usage/archive/ancienne.yaml : fiche dans un sous-dossier" in result.output
        assert "Rien n'a été écrit" in result.output
    assert sicoval.read_text(encoding="utf-8").endswith("budget: moins_50k\n")
    assert {p: p.read_bytes() for p in store.rglob("*") if p.is_file()} == before
    hint = cli("validate", "--repo", str(repo_copy)).output
    assert "sous-dossier" in hint and "iaterr restreint separer" in hint


# ---------------------------------------------------------------- 7. separer and comments

BORDEAUX = "data/cas-usage/bordeaux-metropole-stacoptim.yaml"


def test_separer_moves_a_values_own_comment_to_the_store_and_refuses_to_lose_others(cli, repo_copy):
    record = repo_copy / BORDEAUX
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "budget: moins_50k   # 42 000 € HT selon devis\n# Fin de fiche\n", encoding="utf-8")
    # an anchor on a restricted value that a public field aliases: not cut by lines; a round trip would leave
    # the restricted value's own comment in the published record
    other = repo_copy / SICOVAL
    lines = other.read_text(encoding="utf-8").replace("\nnom: ", "\nnom: *n\nnom_ancien: ", 1)
    assert "nom_ancien" in lines
    plain = [line for line in lines.splitlines(keepends=True) if not line.startswith("nom_ancien: ")]
    name = next(line for line in lines.splitlines() if line.startswith("nom_ancien: "))[len("nom_ancien: "):]
    body = "".join(plain).replace("\nnom: *n\n",
                                  f"\nnom_algorithme: &n {name}   # nom interne\n# Commentaire public\nnom: *n\n")
    other.write_text(body, encoding="utf-8")
    companion = _store(repo_copy) / "cas-usage" / Path(SICOVAL).name
    held = companion.read_text(encoding="utf-8")
    companion.write_text("\n".join(line for line in held.splitlines() if not line.startswith("nom_algorithme"))
                         + "\n", encoding="utf-8")
    result = cli("restreint", "separer", "--repo", str(repo_copy))
    assert result.exit_code == 1, result.output
    assert f"{SICOVAL} : ses champs restreints ne tiennent pas sur leurs propres lignes" in result.output
    assert other.read_text(encoding="utf-8") == body  # refused: not changed
    assert record.read_text(encoding="utf-8") == text + "# Fin de fiche\n"
    stored = (_store(repo_copy) / "cas-usage" / Path(BORDEAUX).name).read_text(encoding="utf-8")
    assert stored == "budget: moins_50k  # 42 000 € HT selon devis\n"


def test_the_line_cut_handles_aliases_and_says_when_it_cannot():
    from iaterr.repo.yamlio import comments, cut_spans, top_level_spans

    text = "a: &x 1  # a\nb: *x   # b\n# libre\nc: [1,\n  2]\nd: 4\n"
    spans = top_level_spans(text, {"a", "b", "c"})
    assert spans is not None
    assert cut_spans(text, spans.values()) == "# libre\nd: 4\n"
    assert top_level_spans("{a: 1, b: 2}\n", {"a"}) is None
    assert [c for _at, c in comments(text)] == ["# a", "# b", "# libre"]


# ---------------------------------------------------------------- 8. messages, modes, empty store files


def test_separer_without_a_store_names_the_key_and_the_variable(cli, repo_copy):
    _config(repo_copy, "public: true\n")
    result = cli("restreint", "separer", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "IATERR_RESTREINT" in result.output and "--magasin" not in result.output


def test_a_store_file_that_cannot_be_read_is_named_in_french(cli, repo_copy):
    record = repo_copy / BORDEAUX
    record.write_text(record.read_text(encoding="utf-8") + "budget: moins_50k\n", encoding="utf-8")
    (_store(repo_copy) / "cas-usage" / Path(BORDEAUX).name).mkdir()
    result = cli("restreint", "separer", "--repo", str(repo_copy))
    assert result.exit_code == 1, result.output
    assert "../iaterr-restreint/cas-usage/bordeaux-metropole-stacoptim.yaml (le fichier du magasin restreint de " \
        f"{BORDEAUX}) ne peut pas être lu : c'est un dossier, pas un fichier" in result.output
    assert "Error" not in result.output


def test_an_empty_restreint_key_is_said_precisely(cli, repo_copy):
    _config(repo_copy, 'public: true\nrestreint: ""\n')
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "chemin vide" in result.output, result.output


def test_a_store_file_of_comments_only_is_no_restricted_value(cli, tmp_path):
    depot, record, companion = _public_with_record(cli, tmp_path)
    for held in ("# rien pour l'instant\n", ""):
        companion.write_text(held, encoding="utf-8")
        result = cli("validate", "--repo", str(depot))
        assert result.exit_code == 0, result.output
    companion.write_text("# rien pour l'instant\n", encoding="utf-8")
    assert cli("edit", "tri-des-courriers", "--repo", str(depot), "--set", "budget=moins_50k",
               "--no-input").exit_code == 0
    assert companion.read_text(encoding="utf-8") == "# rien pour l'instant\nbudget: moins_50k\n"
