"""`iaterr edit` and the final review of `iaterr new` (issue #12): correcting a record, keeping its comments
and layout, renaming it with git; interrupting inside lists and repeated groups; the suggested tier; refusals
that name fields by their titles; `new --like`."""

from __future__ import annotations

import difflib
import json
import subprocess
from pathlib import Path

import pytest

from iaterr import SCHEMA_VERSION
from iaterr.authoring.edit import edited_record, open_for_edit, write_edit
from iaterr.repo.config import open_repository
from iaterr.repo.yamlio import read_document
from test_new import CTRL_C, DOWN, NO, YES, Driver, _select, _sicoval_index, record, run_driven  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REAL = sorted((ROOT / "data/cas-usage").glob("*.yaml"))
CTRL_U = "\x15"
UP = "\x1b[A"  # erase the answer typed so far


def _git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _committed(repo):
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "agent@example.fr")
    _git(repo, "config", "user.name", "Agent")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "initial")


def _without(text: str, *keys: str) -> list[str]:
    """The lines of ``text`` without those of the top-level ``keys`` (their continuation lines included)."""
    out, skipping = [], False
    for line in text.splitlines():
        if not line.startswith((" ", "-")) or not skipping:
            skipping = any(line.startswith(f"{k}:") for k in keys)
        if not skipping:
            out.append(line)
    return out


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


# ---------------------------------------------------------------- the library, on the real records


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_changing_one_answer_of_a_real_record_changes_that_line_and_the_update_date_only(path, repo_copy):
    repo = open_repository(repo_copy, allow_embedded=False)
    source = open_for_edit(repo, path.stem)
    unchanged = edited_record(repo, source, dict(source.data))
    assert unchanged.changed == [] and unchanged.text.encode("utf-8") == source.raw  # not a byte moves
    answers = {**source.data, "nom": str(source.data["nom"]) + " (2e version)"}
    edited = edited_record(repo, source, answers, today=__import__("datetime").date(2026, 12, 1))
    assert edited.valid, edited.problems
    assert edited.changed == ["nom", "date_mise_a_jour"]
    # the name (a long one is folded over several lines) and the date changed; no other line of the file
    assert _without(edited.text, "nom", "date_mise_a_jour") == _without(source.raw.decode("utf-8"), "nom",
                                                                          "date_mise_a_jour")
    # every comment of the file is still there, in the same order
    comments = [line for line in source.raw.decode("utf-8").splitlines() if line.lstrip().startswith("#")]
    assert [line for line in edited.text.splitlines() if line.lstrip().startswith("#")] == comments


def test_removing_adding_and_a_newer_field_keep_the_section_comments(repo_copy):
    repo = open_repository(repo_copy, allow_embedded=False)
    source = open_for_edit(repo, "sicoval-detection-fuites-eau")
    text = source.raw.decode("utf-8")
    answers = dict(source.data)
    del answers["fournisseurs"]  # the last field of its section: the next section's comment stays
    del answers["points_vigilance"]
    answers["secrets_proteges"] = "Secret des affaires du prestataire."  # 1.1: the record moves to the current format
    answers["url_base_ue"] = "https://example.org/base-ue"
    edited = edited_record(repo, source, answers)
    assert edited.valid, edited.problems
    assert edited.version == SCHEMA_VERSION and f'version_schema: "{SCHEMA_VERSION}"' in edited.text
    comments = [line for line in text.splitlines() if line.startswith("# ")]
    assert [line for line in edited.text.splitlines() if line.startswith("# ")] == comments
    # the new field of the CRPA section comes before the next section's comment, after a blank line
    assert "secrets_proteges: Secret des affaires du prestataire.\n\n# --- Fonctionnement" in edited.text
    written = write_edit(repo, edited)
    data = read_document(written.read_bytes(), written.name).data
    assert "fournisseurs" not in data and data["secrets_proteges"] == "Secret des affaires du prestataire."
    assert _validate(repo_copy) == 0


def test_a_field_of_a_section_the_file_lacks_gets_its_section_comment(repo_copy, cli):
    from conftest import not_public

    not_public(repo_copy)  # a private repository: a restricted answer is written into the record
    path = repo_copy / "data/cas-usage/mini.yaml"
    path.write_text('# yaml-language-server: $schema=../../schema/cas-usage.schema.json\n'
                    'version_schema: "1.0"\nidentifiant: mini\ncollectivite: sicoval\nnom: Mini\n'
                    'statut: en_construction\ndescription: Un projet.\ntheme: mobilites\n', encoding="utf-8")
    result = cli("edit", "mini", "--repo", str(repo_copy), "--set", "efficacite=moyen")
    assert result.exit_code == 0, result.output
    assert "\n\n# --- Évaluation ---\nefficacite: moyen\n" in path.read_text(encoding="utf-8")


def test_crlf_is_kept_and_a_bom_removed(repo_copy, cli):
    path = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    raw = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(raw)
    result = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--set", "statut=termine")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    # the line ends as they were; the byte order mark, which validate refuses, gone
    assert not after.startswith(b"\xef\xbb\xbf") and b"\n" not in after.replace(b"\r\n", b"")
    assert b"statut: termine\r\n" in after


def _validate(repo) -> int:
    from iaterr.check.loader import validate_repository

    return validate_repository(open_repository(repo, allow_embedded=False)).errors


# ---------------------------------------------------------------- the command, without questions


def test_edit_with_set_renames_with_git_mv_and_commits_both_paths(cli, repo_copy):
    _committed(repo_copy)
    result = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--set", "statut=termine",
                 "--set", "date_fin=2025-06", "--set", "identifiant=sicoval-fuites", "--commit")
    assert result.exit_code == 0, result.output
    assert not (repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").exists()
    data = read_document((repo_copy / "data/cas-usage/sicoval-fuites.yaml").read_bytes(), "x").data
    assert data["identifiant"] == "sicoval-fuites" and data["statut"] == "termine"
    assert _git(repo_copy, "status", "--porcelain") == ""  # the rename and the change, one commit
    names = _git(repo_copy, "show", "--name-status", "-M", "--format=", "HEAD").split()
    assert names[0].startswith("R") and names[1:] == ["data/cas-usage/sicoval-detection-fuites-eau.yaml",
                                                      "data/cas-usage/sicoval-fuites.yaml"]
    assert "Statut, Date de fin" in _git(repo_copy, "log", "-1", "--format=%s")
    follow = _git(repo_copy, "log", "--follow", "--format=%s", "--", "data/cas-usage/sicoval-fuites.yaml")
    assert "initial" in follow  # the history follows the file
    assert _validate(repo_copy) == 0


def test_edit_refuses_a_taken_identifier_a_bad_value_and_an_unknown_record(cli, repo_copy):
    path = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    before = path.read_bytes()
    taken = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy),
                "--set", "identifiant=issy-les-moulineaux-issygpt")
    assert taken.exit_code == 1 and "issy-les-moulineaux-issygpt" in taken.stderr
    bad = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--set", "date_debut=bientôt")
    assert bad.exit_code == 1 and "Date de démarrage" in bad.stderr and "date_debut :" not in bad.stderr
    assert path.read_bytes() == before
    unknown = cli("edit", "fuites", "--repo", str(repo_copy))
    assert unknown.exit_code == 2 and "Aucun cas d'usage « fuites »" in unknown.stderr
    assert "Vouliez-vous dire « sicoval-detection-fuites-eau » ?" in unknown.stderr
    assert "Traceback" not in unknown.output
    outside = cli("edit", "../collectivites/sicoval", "--repo", str(repo_copy))
    assert outside.exit_code == 2 and "Traceback" not in outside.output
    same = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--set", "statut=en_deploiement")
    assert same.exit_code == 0 and "Aucune modification" in same.stderr and path.read_bytes() == before


def test_edit_refuses_a_record_reached_through_a_link(cli, repo_copy, tmp_path):
    outside = tmp_path / "ailleurs.yaml"
    outside.write_bytes((repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").read_bytes())
    (repo_copy / "data/cas-usage/lien.yaml").symlink_to(outside)
    before = outside.read_bytes()
    result = cli("edit", "lien", "--repo", str(repo_copy), "--set", "statut=termine")
    assert result.exit_code == 2 and "lien" in result.stderr
    assert outside.read_bytes() == before


# ---------------------------------------------------------------- the questionnaire, driven


@pytest.fixture
def drive_command(cli, monkeypatch):
    def run(driver: Driver, *args: str):
        return run_driven(cli, monkeypatch, driver, *args)

    return run


def test_new_typo_in_the_name_corrected_at_the_review_fixes_the_identifier_and_the_file(drive_command, repo_copy):
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": ["Chatbot des habitnants\r", CTRL_U + "Chatbot des habitants\r"],
        "Description du service": "Répond aux questions des habitants.\r",
        "Enregistrer cette fiche": [_select(1), "\r"],  # « Corriger une réponse… », then « Oui, enregistrer »
        "Quelle partie": "\r",  # Identification
        "Quelle réponse corriger": _select(2),  # identifiant, collectivite, nom
    })
    result = drive_command(driver, "new", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert not list((repo_copy / "data/cas-usage").glob("*habitnants*"))
    _path, data = record(repo_copy, "chatbot-des-habitants")
    assert data["nom"] == "Chatbot des habitants"
    assert "decisions_individuelles" not in data and "systeme_ia" not in data  # Enter on a yes/no claims nothing
    assert sum("Nom du projet" in p for p in driver.prompts) == 2
    # at the questionnaire, what remains to specify is named by its title
    assert "À préciser dans la fiche : « Décisions individuelles », « Système d'intelligence artificielle »" \
        in result.stdout


def test_a_correction_that_makes_questions_apply_asks_them_and_one_that_removes_them_sets_them_aside(
        drive_command, repo_copy):
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Grille des places en crèche\r",
        "Description du service": "Classe les demandes.\r",
        "Décisions individuelles": [NO, UP + "\r"],  # Non; corrected (the cursor on Non): Oui
        "Enregistrer cette fiche": [_select(1), "\r"],
        "Quelle partie": _select(2),  # Identification, Description, Décisions…
        "Quelle réponse corriger": "\r",  # décisions individuelles, the first of its section
        "Nombre de décisions par an": "300\r",
        "Degré et mode de contribution": "Un score classe les demandes ; la commission décide.\r",
        "Exercice des droits": "Écrire au service petite enfance.\r",
        "Contact pour l'exercice des droits": CTRL_U + "petite-enfance@sicoval.fr\r",
    })
    result = drive_command(driver, "new", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "grille-des-places-en-creche")
    assert data["decisions_individuelles"] == "true" and data["nombre_decisions_par_an"] == "300"
    assert data["niveau_automatisation"] != "sans_decision"


def test_edit_choose_an_answer_keeps_everything_else(drive_command, repo_copy):
    path = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    before = path.read_text(encoding="utf-8")
    driver = Driver({
        "Que voulez-vous faire": "\r",  # choose the answers to change: which one is asked at once
        "Enregistrer cette fiche": "\r",
        "Quelle partie": "\r",
        "Quelle réponse corriger": _select(3),  # identifiant, collectivite, nom, statut
        "Statut": _select(1),  # the cursor on the current answer (en_deploiement): one down, termine
        "Date de fin": "06/2025\r",  # a French way of writing it: shown as 2025-06, confirmed
        "Enregistrer 2025-06": "o",
    })
    result = drive_command(driver, "edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    changes = _changed_lines(before, after)
    assert {line[2:].split(":")[0] for line in changes} == {"statut", "date_mise_a_jour", "date_fin"}, changes
    assert read_document(path.read_bytes(), "x").data["date_fin"] == "2025-06"
    assert not (repo_copy / ".iaterr/brouillons/edition-sicoval-detection-fuites-eau.json").exists()


def test_edit_interrupted_keeps_the_changes_and_resume_continues(drive_command, repo_copy):
    path = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    before = path.read_bytes()
    first = Driver({
        "Que voulez-vous faire": "\r",
        "Enregistrer cette fiche": CTRL_C,  # at the review, after the correction
        "Quelle partie": "\r",
        "Quelle réponse corriger": _select(2),
        "Nom du projet": CTRL_U + "Détection des fuites d'eau par IA\r",
    })
    result = drive_command(first, "edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "--resume" in result.stderr
    assert path.read_bytes() == before
    draft = repo_copy / ".iaterr/brouillons/edition-sicoval-detection-fuites-eau.json"
    assert json.loads(draft.read_text(encoding="utf-8"))["answers"]["nom"] == "Détection des fuites d'eau par IA"
    second = Driver({"Enregistrer cette fiche": "\r"})
    result = drive_command(second, "edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--resume")
    assert result.exit_code == 0, result.output
    assert read_document(path.read_bytes(), "x").data["nom"] == "Détection des fuites d'eau par IA"
    assert not draft.exists()


def _chatbot_start(repo):
    return {
        "Collectivité": _select(_sicoval_index(repo)),
        "Nom du projet": "Assistant des démarches\r",
        "Description du service": "Répond aux questions des habitants.\r",
        "Décisions individuelles": NO,  # Non
    }


def test_ctrl_c_inside_a_repeated_group_loses_only_the_answer_being_typed(drive_command, repo_copy):
    first = Driver({
        **_chatbot_start(repo_copy),
        "Ajouter un élément à « Données traitées et sources »": "o",
        "Ajouter un autre élément à « Données traitées et sources »": "o",
        "Données *": ["Pages du site de la ville\r", "Questions des usagers\r"],
        "Source *": ["\r", "\r"],
    }, stop_at=None)
    # stopped at the second source's « Source »: its name was given, the first source was finished
    calls = {"n": 0}

    class Stop(Driver):
        def __call__(self, kind, prompt):
            if "Source" in prompt:
                calls["n"] += 1
                if calls["n"] == 2:
                    self.prompts.append(prompt)
                    self.pipe.send_text(CTRL_C)
                    return
            super().__call__(kind, prompt)

    stop = Stop(first.answers)
    result = drive_command(stop, "new", "--repo", str(repo_copy))
    assert result.exit_code == 2, result.output
    draft = json.loads((repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").read_text(encoding="utf-8"))
    assert draft["pending"]["champ"] == "donnees"
    assert draft["pending"]["elements"][0]["nom"] == "Pages du site de la ville"
    assert draft["pending"]["encours"]["answers"] == {"nom": "Questions des usagers"}
    second = Driver({"Source *": "\r", "Ajouter un autre élément à « Données traitées et sources »": "n",
                     "Enregistrer cette fiche": "\r"})
    result = drive_command(second, "new", "--repo", str(repo_copy), "--resume")
    assert result.exit_code == 0, result.output
    assert not any(p.startswith("Données *") for p in second.prompts)  # neither source asked again
    _path, data = record(repo_copy, "assistant-des-demarches")
    assert [d["nom"] for d in data["donnees"]] == ["Pages du site de la ville", "Questions des usagers"]


def test_ctrl_c_inside_a_list_of_texts_keeps_the_items_typed(drive_command, repo_copy):
    first = Driver({**_chatbot_start(repo_copy), "Compléter maintenant les champs facultatifs de « Description":
                    "o", "Partenaires (1)": "Ville voisine\r", "Partenaires (2)": "Université\r",
                    "Partenaires (3)": CTRL_C})
    result = drive_command(first, "new", "--repo", str(repo_copy), "--complet")
    assert result.exit_code == 2, result.output
    draft = json.loads((repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").read_text(encoding="utf-8"))
    assert draft["pending"] == {"champ": "partenaires", "textes": ["Ville voisine", "Université"], "reste": []}
    second = Driver({"Partenaires (3)": "\r", "Enregistrer cette fiche": "\r"})
    second.answers["Est-ce juste"] = ["o"]
    result = drive_command(second, "new", "--repo", str(repo_copy), "--resume", "--complet")
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "assistant-des-demarches")
    assert data["partenaires"] == ["Ville voisine", "Université"]


def test_the_likely_tier_is_suggested_and_never_chosen_for_the_person(drive_command, repo_copy):
    driver = Driver({
        **_chatbot_start(repo_copy),
        "Système d'intelligence artificielle": YES,
        "Domaines de l'annexe III": DOWN * 4 + " \r",  # prestations_publiques
        "Niveau de risque": "\r",  # Enter: « non évalué », the default, even so
        "Enregistrer cette fiche": "\r",
    })
    result = drive_command(driver, "new", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert "le niveau probable est « Risque élevé (art. 6 et annexe III) »" in result.stdout
    assert "6, paragraphe 3" in result.stdout
    _path, data = record(repo_copy, "assistant-des-demarches")
    assert data["niveau_risque_ia"] == "non_evalue"


def test_suggestions_from_the_answers():
    from iaterr.model.questions import suggest

    assert suggest("niveau_risque_ia", {"domaines_annexe_iii": ["emploi"]})[0] == "eleve"  # type: ignore[index]
    assert suggest("niveau_risque_ia", {"systeme_ia": True, "type_algorithme": ["ia_generative"]})[0] == "limite"  # type: ignore[index]
    assert suggest("niveau_risque_ia", {"systeme_ia": True, "type_algorithme": ["vision_ordinateur"]})[0] == "minimal"  # type: ignore[index]
    assert suggest("niveau_risque_ia", {"systeme_ia": False}) is None
    assert suggest("niveau_risque_ia", {}) is None  # nothing said: nothing suggested
    assert suggest("statut", {"systeme_ia": True}) is None


def test_a_refused_answer_is_explained_with_the_field_title_and_a_hint_for_the_prompt(drive_command, repo_copy):
    driver = Driver({
        **_chatbot_start(repo_copy),
        "Compléter maintenant les champs facultatifs de « Description": "o",
        "Page d'information": ["accès interne\r", CTRL_U + "\r"],  # refused, then left empty
        "Enregistrer cette fiche": "\r",
    })
    result = drive_command(driver, "new", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert "Adresse web invalide pour « Page d'information » : « accès interne »" in result.stdout
    assert "laissez la réponse vide" in result.stdout and "url_informations" not in result.stdout
    assert "supprimez la clé" not in result.stdout


# ---------------------------------------------------------------- new --like


def test_like_offers_what_describes_the_project_never_what_is_its_own(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), "--like", "sicoval-detection-fuites-eau", "--defaults",
                 "--set", "nom=Fuites d'eau à Bordeaux", "--set", "collectivite=bordeaux-metropole",
                 "--set", "statut=en_reflexion")
    assert result.exit_code == 0, result.output
    model = read_document((repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").read_bytes(), "x").data
    _path, data = record(repo_copy, "fuites-d-eau-a-bordeaux")
    assert data["description"] == model["description"] and data["type_algorithme"] == model["type_algorithme"]
    assert data["collectivite"] == "bordeaux-metropole" and data["statut"] == "en_reflexion"
    for own in ("date_debut", "url_informations", "chiffres_cles", "contexte", "nom_algorithme",
                "description_algorithme", "mise_en_oeuvre"):  # dates, pages, figures, restricted fields
        assert own not in data, own
    assert "sicoval" in result.stderr and "Entrée garde la réponse proposée" in result.stderr


def test_like_from_the_embedded_library_in_a_new_repository(cli, tmp_path):
    repo = tmp_path / "depot"
    assert cli("init", str(repo), "--nom", "Ville de Test", "--type", "commune", "--no-commit").exit_code == 0
    coll = next((repo / "data/collectivites").glob("*.yaml")).stem
    result = cli("new", "--repo", str(repo), "--like", "issy-les-moulineaux-issygpt", "--defaults",
                 "--set", "nom=Assistant municipal", "--set", f"collectivite={coll}", "--set", "statut=en_reflexion")
    assert result.exit_code == 0, result.output
    assert "bibliothèque intégrée" in result.stderr.lower() or "Bibliothèque d'IA territoriales" in result.stderr
    # the model's facts are not the new project's: what still names Issy or IssyGPT is pointed out
    assert "nomment encore le projet modèle « IssyGPT »" in result.stderr and "Description du service" in result.stderr
    assert "Reprises mot pour mot de « IssyGPT »" in result.stderr
    unknown = cli("new", "--repo", str(repo), "--like", "nulle-part", "--defaults")
    assert unknown.exit_code == 2 and "nulle-part" in unknown.stderr and "Traceback" not in unknown.output


def test_like_in_the_questionnaire_offers_the_answers_and_enter_keeps_them(drive_command, repo_copy):
    model = read_document((repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").read_bytes(), "x").data
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Fuites du réseau de Labège\r",
        "Description du service": "\r",  # the model's description, offered: kept as it is
        "Décisions individuelles": "\r",  # the model's answer (Non) is where the cursor starts
        "Enregistrer cette fiche": "\r",
    })
    result = drive_command(driver, "new", "--repo", str(repo_copy), "--like", "sicoval-detection-fuites-eau")
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "fuites-du-reseau-de-labege")
    assert data["description"] == model["description"] and data["decisions_individuelles"] == "false"
    assert "date_debut" not in data


def test_edit_in_a_real_terminal_of_80_columns(repo_copy):
    """The real command in a pseudo-terminal of 80 columns: choose, correct, save."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import sys
    import termios
    import time

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.update(IATERR_LANG="fr", PROMPT_TOOLKIT_NO_CPR="1", COLUMNS="80", LINES="24")
        os.execv(sys.executable, [sys.executable, "-m", "iaterr", "edit", "sicoval-detection-fuites-eau",
                                  "--repo", str(repo_copy)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    steps = [("Que voulez-vous faire", b"\r"), ("Quelle partie", b"\r"),
             ("Quelle réponse corriger", b"\x1b[B" * 3 + b"\r"), ("Statut", b"\x1b[B\r"),
             ("Date de fin", b"2025-06\r"), ("Enregistrer cette fiche", b"\r")]
    output, seen = b"", 0
    deadline = time.time() + 60

    def read() -> bool:
        """Read what the terminal shows; False at its end."""
        nonlocal output
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            output += chunk
        return True

    try:
        while time.time() < deadline and steps and read():
            found = output.decode("utf-8", "replace").find(steps[0][0], seen)
            if found >= 0:
                time.sleep(0.2)
                os.write(fd, steps[0][1])
                seen = found + len(steps[0][0])
                steps.pop(0)
        while time.time() < deadline and read():  # the end of the run
            pass
    finally:
        _, status = os.waitpid(pid, 0)
    shown = output.decode("utf-8", "replace")
    assert not steps and os.WEXITSTATUS(status) == 0, shown[-3000:]
    data = read_document((repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").read_bytes(), "x").data
    assert data["statut"] == "termine" and data["date_fin"] == "2025-06"
    assert "Fiche modifiée" in shown and "Traceback" not in shown


# ---------------------------------------------------------------- from a new user's trial (fresh eyes)


def test_personal_data_without_decisions_asks_the_legal_basis_at_the_end(drive_command, repo_copy):
    driver = Driver({
        **_chatbot_start(repo_copy),  # no individual decision: the CRPA's questions are not asked
        "Ajouter un élément à « Données traitées et sources »": "o",
        "Ajouter un autre élément à « Données traitées et sources »": "n",
        "Données *": "Questions des usagers\r",
        "Données personnelles": YES,  # Oui
        "Base légale": "Mission de service public (RGPD, art. 6(1)(e)).\r",
        "Enregistrer cette fiche": "\r",
    })
    result = drive_command(driver, "new", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "assistant-des-demarches")
    assert data["base_legale"] == "Mission de service public (RGPD, art. 6(1)(e))."
    assert "Compléments appelés par vos réponses" in result.stdout
    asked = [p for p in driver.prompts if p.startswith("Base légale")]
    assert len(asked) == 1


def test_an_item_of_a_group_is_shown_with_titles_and_readable_values(drive_command, repo_copy):
    driver = Driver({
        "Que voulez-vous faire": _select(1),  # go through every question
        "Enregistrer cette fiche": "\r",
    })
    result = drive_command(driver, "edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    item = next(p for p in driver.prompts if p.startswith("Données traitées et sources, élément 1"))
    assert "Source : Jeu de données interne" in item or "Source : " in item
    assert "Données personnelles : Non" in item
    assert "; personnelles" not in item and "False" not in item and "source :" not in item


def test_a_rename_stages_the_new_content_with_it(cli, repo_copy):
    _committed(repo_copy)
    result = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy),
                 "--set", "identifiant=sicoval-fuites")
    assert result.exit_code == 0, result.output
    status = _git(repo_copy, "status", "--porcelain")
    assert status.startswith("R  ") and "RM" not in status, status  # nothing left unstaged
    staged = _git(repo_copy, "show", ":data/cas-usage/sicoval-fuites.yaml")
    assert "identifiant: sicoval-fuites" in staged


def test_set_reads_dates_and_numbers_as_the_questionnaire_does(cli, repo_copy):
    result = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy), "--set", "statut=termine",
                 "--set", "date_fin=04/2025")
    assert result.exit_code == 0, result.output
    assert "« 04/2025 » sera enregistré ainsi : 2025-04" in result.stderr
    data = read_document((repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").read_bytes(), "x").data
    assert data["date_fin"] == "2025-04"


def test_edit_shows_only_the_regimes_its_changes_move(drive_command, repo_copy):
    driver = Driver({
        "Que voulez-vous faire": "\r",
        "Quelle partie": _select(2),  # Identification, Description, Décisions…
        "Quelle réponse corriger": "\r",  # décisions individuelles
        "Décisions individuelles": UP + "\r",  # Non → Oui
        "Enregistrer cette fiche": _select(1),  # « Corriger une réponse… » would follow: stop there instead
    })
    driver.answers["Enregistrer cette fiche"] = [CTRL_C]
    result = drive_command(driver, "edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 2
    shown = result.stdout[result.stdout.index("Régimes dont vos modifications changent le statut"):]
    assert "Décision" in shown and "CRPA" in shown
    assert "Protection" not in shown  # the GDPR's regime does not move: not shown


def test_a_correction_that_changes_nothing_writes_nothing(drive_command, repo_copy):
    path = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    before = path.read_bytes()
    driver = Driver({"Que voulez-vous faire": "\r", "Quelle partie": "\r", "Quelle réponse corriger": _select(3),
                    "Statut": "\r",  # the same status again
                    "Enregistrer cette fiche": "\r"})
    result = drive_command(driver, "edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert "Aucune modification" in result.stderr
    assert path.read_bytes() == before


def test_prompts_and_choices_wrap_between_words_at_80_columns(monkeypatch):
    """prompt_toolkit breaks a long line anywhere (or cuts a choice): iaterr wraps them itself."""
    from iaterr.cli.questionnaire import Asker
    from iaterr.model.vocab import DOMAINES_ANNEXE_III

    asker = Asker("fr", lambda text, style: None)
    monkeypatch.setattr(asker, "_columns", lambda: 80)
    for term in DOMAINES_ANNEXE_III.terms:
        fitted = asker._fit(term.fr, indent=6)
        lines = fitted.split("\n")
        assert all(len(line) <= 80 for line in lines), fitted
        assert " ".join(fitted.split()) == " ".join(term.fr.split())  # no word cut, nothing lost
    prompt = asker._fit("Compléter maintenant les champs facultatifs de « Informations réservées aux collectivités » "
                        "(Nom technique de l'algorithme, Financements, Budget annuel) ?", after="(o/N)")
    assert all(len(line) <= 80 for line in prompt.split("\n")) and prompt.count("\n") >= 1
    monkeypatch.setattr(asker, "_columns", lambda: None)  # not a terminal (a pipe): as it is
    assert asker._fit("un texte") == "un texte"


def test_an_unknown_identifier_gets_the_close_ones(cli, repo_copy):
    result = cli("edit", "sicoval-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "Vouliez-vous dire « sicoval-detection-fuites-eau » ?" in result.stderr
    result = cli("new", "--repo", str(repo_copy), "--like", "issygpt", "--defaults")
    assert result.exit_code == 2 and "« issy-les-moulineaux-issygpt »" in result.stderr


def test_without_a_terminal_restricted_values_never_reach_the_output(cli, repo_copy):
    """A run without a terminal may write to a CI log: the tables of new and edit hide restricted values."""
    from conftest import not_public

    not_public(repo_copy)  # a private repository: restricted answers are written into the record
    secret = "Algorithme maison XK-42"
    created = cli("new", "--repo", str(repo_copy), "--set", "nom=Projet discret", "--set", "collectivite=sicoval",
                  "--set", "statut=en_reflexion", "--set", "description=Un projet.", "--set", "theme=mobilites",
                  "--set", f"nom_algorithme={secret}")
    assert created.exit_code == 0, created.output
    assert secret not in created.output and "valeur d'un champ restreint" in created.stdout
    _path, data = record(repo_copy, "projet-discret")
    assert data["nom_algorithme"] == secret  # written, only not shown
    changed = cli("edit", "projet-discret", "--repo", str(repo_copy), "--set", "nom_algorithme=Autre algorithme")
    assert changed.exit_code == 0, changed.output
    assert secret not in changed.output and "Autre algorithme" not in changed.output


def test_a_rename_that_cannot_be_written_puts_the_file_back(cli, repo_copy, monkeypatch):
    import iaterr.authoring.edit as edit_module
    from iaterr.repo.config import RepositoryError

    _committed(repo_copy)

    def full_disk(path, data, *, root=None, fsync=True):
        raise RepositoryError("cli.ecriture-impossible", chemin=str(path), erreur="No space left on device")

    monkeypatch.setattr(edit_module, "write_whole", full_disk)
    result = cli("edit", "sicoval-detection-fuites-eau", "--repo", str(repo_copy),
                 "--set", "identifiant=sicoval-fuites")
    assert result.exit_code == 2 and "Traceback" not in result.output and "No space left" in result.stderr
    assert (repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml").exists()
    assert not (repo_copy / "data/cas-usage/sicoval-fuites.yaml").exists()
    assert _git(repo_copy, "status", "--porcelain") == ""  # nothing half-done, in the index either


def test_a_sub_theme_of_another_theme_the_record_holds_is_offered_so_an_edit_keeps_it():
    """The Bibliothèque's records combine themes (11 of 23 rows): the choices are the theme's sub-themes and
    those the record already holds, checked, never dropped by walking through the question."""
    from iaterr.model import CasUsage
    from iaterr.model.introspect import specs
    from iaterr.model.questions import choices

    spec = specs(CasUsage)["sous_themes"]
    fresh = [code for code, _fr, _en in choices(spec, {"theme": "transition_ecologique"})]
    assert "gestion_eau" in fresh and "plateforme_donnees" not in fresh
    held = [code for code, _fr, _en in choices(spec, {"theme": "transition_ecologique",
                                                      "sous_themes": ["plateforme_donnees"]})]
    assert set(held) == set(fresh) | {"plateforme_donnees"}
