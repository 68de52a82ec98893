"""`iaterr new`: the questionnaire driven for real (prompt_toolkit pipe input),
non-interactive answers, drafts, commits."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

import iaterr.cli.recording as new_module
from iaterr import SCHEMA_VERSION
from iaterr.cli import questionnaire
from iaterr.repo.config import open_repository
from iaterr.repo.yamlio import read_document

DOWN = "\x1b[B"
CTRL_C = "\x03"

FULL_SET = [
    "--set", "nom=Tri du courrier entrant",
    "--set", "collectivite=sicoval",
    "--set", "statut=En expérimentation",
    "--set", "description=Classement automatique des courriers reçus par la collectivité.",
    "--set", "theme=administration_interne",
    "--set", "sous_themes=aide_redaction",
    "--set", "decisions_individuelles=non",
    "--set", "partenaires=Acme;Beta et fils",
]


def record(repo, ident):
    path = repo / "data" / "cas-usage" / f"{ident}.yaml"
    return path, read_document(path.read_bytes(), path.name).data


# ---------------------------------------------------------------- without questions


def test_new_from_options_writes_a_valid_record(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), *FULL_SET)
    assert result.exit_code == 0, result.output
    path, data = record(repo_copy, "tri-du-courrier-entrant")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/cas-usage.schema.json\n")
    assert "# --- Identification ---" in text and "# --- Description du service ---" in text
    assert data["statut"] == "en_experimentation"  # the label landed on its code
    assert data["partenaires"] == ["Acme", "Beta et fils"]
    assert data["niveau_automatisation"] == "sans_decision"  # no decision: set, not asked
    assert data["date_mise_a_jour"]
    assert cli("validate", "--repo", str(repo_copy), "--format", "json").exit_code == 0


def test_new_from_yaml_and_json_files(cli, repo_copy, tmp_path):
    answers = tmp_path / "reponses.yaml"
    answers.write_text(
        "nom: Chatbot des démarches\ncollectivite: issy-les-moulineaux\nstatut: en_deploiement\n"
        "description: Répond aux questions des habitants.\ntheme: citoyennete_sante_solidarite\n"
        "interaction_public: true\ninformation_ia: Un bandeau annonce un assistant automatique.\n"
        "donnees:\n  - nom: Pages du site de la ville\n    source: interne\n", encoding="utf-8")
    assert cli("new", "--repo", str(repo_copy), "--from", str(answers)).exit_code == 0
    _path, data = record(repo_copy, "chatbot-des-demarches")
    assert data["interaction_public"] == "true" and data["donnees"][0]["source"] == "interne"
    as_json = tmp_path / "reponses.json"
    as_json.write_text(json.dumps({"nom": "Autre projet", "collectivite": "sicoval", "statut": "termine",
                                   "description": "Un autre.", "theme": "mobilites", "date_fin": "2024-06"}),
                       encoding="utf-8")
    assert cli("new", "--repo", str(repo_copy), "--from", str(as_json)).exit_code == 0
    assert record(repo_copy, "autre-projet")[1]["date_fin"] == "2024-06"


def test_without_terminal_and_without_enough_answers_it_says_what_is_missing(cli, repo_copy):
    before = sorted(p.name for p in (repo_copy / "data/cas-usage").iterdir())
    result = cli("new", "--repo", str(repo_copy), "--set", "nom=Projet incomplet")
    assert result.exit_code == 2
    for name in ("statut", "description", "theme", "collectivite"):
        assert name in result.stderr
    assert "--set" in result.stderr and "Traceback" not in result.output
    assert sorted(p.name for p in (repo_copy / "data/cas-usage").iterdir()) == before


def test_defaults_take_the_repository_collectivite(cli, repo_copy):
    config = repo_copy / "iaterr.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "collectivite_defaut: sicoval\n", encoding="utf-8")
    args = [x for v in FULL_SET[1::2] if v != "collectivite=sicoval" for x in ("--set", v)]
    assert cli("new", "--repo", str(repo_copy), *args).exit_code == 2
    assert cli("new", "--repo", str(repo_copy), "--defaults", *args).exit_code == 0
    assert record(repo_copy, "tri-du-courrier-entrant")[1]["collectivite"] == "sicoval"


def test_identifiers_are_unique_and_existing_ones_never_overwritten(cli, repo_copy):
    assert cli("new", "--repo", str(repo_copy), *FULL_SET).exit_code == 0
    assert cli("new", "--repo", str(repo_copy), *FULL_SET).exit_code == 0
    assert (repo_copy / "data/cas-usage/tri-du-courrier-entrant-2.yaml").exists()
    target = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    before = target.read_bytes()
    result = cli("new", "--repo", str(repo_copy), *FULL_SET, "--set", "identifiant=sicoval-detection-fuites-eau")
    assert result.exit_code == 2 and "existe déjà" in result.stderr
    assert target.read_bytes() == before


def test_invalid_answers_write_nothing(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), *FULL_SET, "--set", "url_informations=accès interne",
                 "--set", "sous_themes=peche_en_mer")  # no sub-theme (one of another theme is accepted)
    assert result.exit_code == 1
    assert "url_informations" in result.stderr and "peche_en_mer" in result.stderr
    assert not (repo_copy / "data/cas-usage/tri-du-courrier-entrant.yaml").exists()


def test_unknown_field_and_bad_set(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), "--set", "satut=termine")
    assert result.exit_code == 2 and "statut" in result.stderr
    result = cli("new", "--repo", str(repo_copy), "--set", "sans-egal")
    assert result.exit_code == 2 and "champ=valeur" in result.stderr


def test_unknown_collectivite_is_refused(cli, repo_copy):
    args = [a if a != "collectivite=sicoval" else "collectivite=ville-inconnue" for a in FULL_SET]
    result = cli("new", "--repo", str(repo_copy), *args)
    assert result.exit_code == 1 and "ville-inconnue" in result.stderr


def test_no_repository(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("new", *FULL_SET)
    assert result.exit_code == 2 and "iaterr init" in result.stderr


def _git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def test_commit_only_the_new_record(cli, repo_copy):
    _git(repo_copy, "init", "-q")
    _git(repo_copy, "config", "user.email", "agent@example.fr")
    _git(repo_copy, "config", "user.name", "Agent")
    _git(repo_copy, "add", "-A")
    _git(repo_copy, "commit", "-qm", "initial")
    other = repo_copy / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "# modification en cours\n", encoding="utf-8")
    _git(repo_copy, "add", str(other))  # staged, and must stay out of the commit
    result = cli("new", "--repo", str(repo_copy), *FULL_SET, "--commit")
    assert result.exit_code == 0, result.output
    assert "Ajoute le cas d'usage « Tri du courrier entrant »" in _git(repo_copy, "log", "-1", "--format=%s")
    assert _git(repo_copy, "show", "--name-only", "--format=", "HEAD").split() == [
        "data/cas-usage/tri-du-courrier-entrant.yaml"]
    assert "data/cas-usage/sicoval-detection-fuites-eau.yaml" in _git(repo_copy, "diff", "--cached", "--name-only")


def test_commit_outside_git_keeps_the_file_and_says_so(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), *FULL_SET, "--commit")
    assert result.exit_code == 2 and "commit a échoué" in result.stderr
    assert (repo_copy / "data/cas-usage/tri-du-courrier-entrant.yaml").exists()


# ---------------------------------------------------------------- the questionnaire, driven for real


class Driver:
    """Feeds a pipe input with the keystrokes of each answer, chosen by the prompt's text."""

    def __init__(self, answers: dict[str, str | list[str]], stop_at: str | None = None):
        self.answers = {k: list(v) if isinstance(v, list) else [v] for k, v in answers.items()}
        self.stop_at = stop_at
        self.prompts: list[str] = []

    def __call__(self, kind: str, prompt: str) -> None:
        self.prompts.append(prompt)
        if len(self.prompts) > 400:  # a questionnaire that loops: stopped, and the test fails on its exit code
            self.pipe.send_text(CTRL_C)
            return
        if self.stop_at and self.stop_at in prompt:
            self.pipe.send_text(CTRL_C)
            return
        if kind == "confirm" and "Aucune case cochée" in prompt and not any(
                k in prompt and v for k, v in self.answers.items() if "Aucune case cochée" in k):
            self.pipe.send_text("o")
            return
        for key, queue in self.answers.items():
            if key in prompt and queue:
                self.pipe.send_text(queue.pop(0))
                return
        # anything else: Enter (skip or first choice) or No for a yes/no question; nothing ticked in a
        # checkbox list is confirmed above (« Aucune case cochée : laisser … sans réponse ? »)
        self.pipe.send_text("n" if kind == "confirm" else "\r")


@pytest.fixture
def drive(cli, monkeypatch):
    def run(repo, driver: Driver, *args: str):
        return run_driven(cli, monkeypatch, driver, "new", "--repo", str(repo), *args)

    return run


def run_driven(cli, monkeypatch, driver: Driver, *args: str):
    """Run the command with the driver feeding a pipe input. A prompt that waits for more than the driver sent
    (an answer refused, a wrong key) would wait forever: after 60 s the input is closed, the command stops
    as at the end of input, and the test fails on its exit code instead of hanging the suite."""
    import threading

    with create_pipe_input() as pipe:
        driver.pipe = pipe
        monkeypatch.setattr(new_module, "interactive", lambda: True)
        monkeypatch.setattr(questionnaire, "PROMPT_IO", {"input": pipe, "output": DummyOutput(),
                                                         "before_prompt": driver})
        watchdog = threading.Timer(60, pipe.close)
        watchdog.start()
        try:
            return cli(*args)
        finally:
            watchdog.cancel()


#: A yes/no question not answered yet opens on « Je ne sais pas (passer) », the third choice: Enter claims
#: nothing; Oui is two up, Non one up.
YES = "\x1b[A" * 2 + "\r"
NO = "\x1b[A" + "\r"


def _select(index: int) -> str:
    return DOWN * index + "\r"


def _sicoval_index(repo) -> int:
    names = sorted(p.stem for p in (repo / "data/collectivites").glob("*.yaml"))
    return names.index("sicoval")


def test_questionnaire_no_decision_and_a_wrong_answer_corrected(drive, repo_copy):
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Détection des fuites par IA\r",
        "Statut": _select(2),  # en_experimentation
        # empty first: refused ("Réponse obligatoire"), then answered
        "Description du service": "\rAnalyse des débits de nuit pour cibler les fuites.\r",
        # refused and explained; offered again as typed: erased, corrected
        "Date de démarrage": ["mai\r", "\x7f" * 3 + "2024-05\r"],
        "Thème principal": "\r",
        "Sous-thèmes": DOWN * 2 + " \r",  # gestion_eau
        "Décisions individuelles": NO,  # Non
        "Interagit avec le public": NO,  # Non
        "Niveau de risque": "\r",  # non_evalue, the first and the default
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "detection-des-fuites-par-ia")
    assert data["description"] == "Analyse des débits de nuit pour cibler les fuites."
    assert data["date_debut"] == "2024-05"
    assert "Date invalide pour « Date de démarrage » : « mai »" in result.stdout
    assert data["sous_themes"] == ["gestion_eau"]
    assert data["decisions_individuelles"] == "false"
    # a project that takes no decision is not asked the legal questions
    asked = " | ".join(driver.prompts)
    for legal in ("Degré et mode de contribution", "Exercice des droits", "Règles publiées",
                  "Nombre de décisions", "Paramètres et pondération"):
        assert legal not in asked
    assert "Information sur l'usage de l'IA" not in asked and "Analyses d'impact" not in asked
    assert "(exigé par la loi)" not in asked  # no decision: no legal duty claimed
    assert not (repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").exists()


def test_questionnaire_individual_decisions_public_chatbot_and_high_risk(drive, repo_copy):
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Attribution des places en crèche\r",
        "Statut": _select(3),
        "Description du service": "Aide au classement des demandes de place en crèche.\r",
        "Thème principal": _select(2),  # citoyennete_sante_solidarite
        "Décisions individuelles": YES,  # Oui
        "Nombre de décisions par an": "1200\r",
        "Niveau d'automatisation": "\r",  # aide_decision: sans_decision is not offered
        "Degré et mode de contribution": "Un score classe les demandes ; la commission décide.\r",
        "Exercice des droits": "Écrire au délégué à la protection des données.\r",
        "Contact pour l'exercice des droits": "\x7f" * 40 + "dpo@sicoval.fr\r",
        "Règles publiées": "https://www.example.fr/regles-creches\r",
        "Ajouter un élément à « Paramètres et pondération »": "y",
        "Paramètre *": "Quotient familial\r",
        "Ajouter un autre élément à « Paramètres et pondération »": "n",
        "Domaines de l'annexe III": DOWN * 4 + " \r",  # prestations_publiques
        "Niveau de risque": _select(3),  # eleve (from the least severe: non_evalue, minimal, limite, eleve)
        "Interagit avec le public": YES,  # Oui
        "Information sur l'usage de l'IA": "Un message l'annonce.\r",
        "Ajouter un élément à « Analyses d'impact »": "y",
        "Type d'analyse": "\r",  # aipd
        "Ajouter un autre élément à « Analyses d'impact »": "n",
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "attribution-des-places-en-creche")
    assert data["nombre_decisions_par_an"] == "1200"
    assert data["niveau_automatisation"] == "aide_decision"
    assert data["contact_droits"] == "dpo@sicoval.fr"
    assert data["parametres"] == [{"nom": "Quotient familial"}]
    assert data["domaines_annexe_iii"] == ["prestations_publiques"]
    assert data["niveau_risque_ia"] == "eleve"
    assert data["information_ia"] == "Un message l'annonce."
    assert data["analyses_impact"] == [{"type": "aipd"}]
    legal = [p for p in driver.prompts if "(exigé par la loi)" in p]
    # (the purpose is asked for every project, before the question on decisions)
    for item in ("Degré et mode de contribution", "Opérations effectuées", "Exercice des droits",
                 "Règles publiées", "Information sur l'usage de l'IA"):
        assert any(item in p for p in legal), item


def test_ctrl_c_keeps_the_answers_and_resume_picks_them_up(drive, repo_copy):
    first = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Projet interrompu\r",
        "Statut": _select(1),
    }, stop_at="Description du service")
    result = drive(repo_copy, first)
    assert result.exit_code == 2
    assert f"iaterr new --resume --repo {repo_copy}" in result.stderr  # a hint that works from where one is
    draft = json.loads((repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").read_text(encoding="utf-8"))
    assert draft["answers"]["nom"] == "Projet interrompu"
    assert draft["answers"]["statut"] == "en_construction"
    assert not list((repo_copy / "data/cas-usage").glob("projet-interrompu*"))

    second = Driver({
        "Description du service": "Reprise après interruption.\r",
        "Thème principal": "\r",
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, second, "--resume")
    assert result.exit_code == 0, result.output
    assert not any("Nom du projet" in p for p in second.prompts)  # not asked twice
    _path, data = record(repo_copy, "projet-interrompu")
    assert data["statut"] == "en_construction" and data["description"] == "Reprise après interruption."
    assert not (repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").exists()


def test_declining_to_save_keeps_the_draft(drive, repo_copy):
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Pas maintenant\r",
        "Description du service": "Une description.\r",
        "Enregistrer cette fiche": DOWN * 2 + "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0
    assert (repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").exists()
    assert not list((repo_copy / "data/cas-usage").glob("pas-maintenant*"))


def test_resume_without_draft(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), "--resume")
    assert result.exit_code == 2 and "Aucun brouillon" in result.stderr


def test_real_terminal_ctrl_c(repo_copy):
    """In a pseudo-terminal, the real command asks, and Ctrl-C keeps a draft."""
    import pty
    import select
    import sys
    import time

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["IATERR_LANG"] = "fr"
        os.execv(sys.executable, [sys.executable, "-m", "iaterr", "new", "--repo", str(repo_copy)])
    output = b""
    deadline = time.time() + 60
    sent = []
    try:
        while time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            text = output.decode("utf-8", "replace")
            if "Collectivité" in text and "coll" not in sent:
                os.write(fd, b"\r")
                sent.append("coll")
            elif "Nom du projet" in text and "nom" not in sent:
                os.write(fd, b"Projet au terminal\r")
                sent.append("nom")
            elif "Statut" in text and "stop" not in sent and "nom" in sent:
                time.sleep(0.3)
                os.write(fd, b"\x03")
                sent.append("stop")
    finally:
        _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 2, output.decode("utf-8", "replace")[-2000:]
    draft = json.loads((repo_copy / ".iaterr/brouillons/nouveau-cas-usage.json").read_text(encoding="utf-8"))
    assert draft["answers"]["nom"] == "Projet au terminal"


def test_library_records_new_file_validates(repo_copy):
    from iaterr.check.loader import validate_repository

    assert validate_repository(open_repository(repo_copy)).errors == 0


# ---------------------------------------------------------------- the qualification at the end (issue #11)


class _Watching:
    """A driver whose prompts go through ``hook`` first (which then calls the driver)."""

    def __init__(self, driver: Driver, hook):
        self.driver, self.hook = driver, hook

    @property
    def pipe(self):
        return self.driver.pipe

    @pipe.setter
    def pipe(self, value):
        self.driver.pipe = value

    def __call__(self, kind: str, prompt: str) -> None:
        self.hook(kind, prompt)


def _regime_row(output: str, title: str) -> str:
    """The first line of a regime's row, in the table after the summary of the record."""
    table = output[output.index("Régimes que vos réponses déclenchent"):]
    return next(line for line in table.splitlines() if title in line)


def test_questionnaire_ai_chatbot_with_personal_data_shows_the_regimes_it_triggers(drive, repo_copy, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Assistant des démarches\r",
        "Statut": _select(3),  # en_deploiement
        "Description du service": "Répond aux questions des habitants sur les démarches.\r",
        "Thème principal": _select(2),
        "Décisions individuelles": NO,  # Non
        "Type d'algorithme": DOWN * 2 + " \r",  # ia_generative: a kind that learns
        "Révise lui-même ses règles": NO,  # Non
        "Ajouter un élément à « Données traitées": "y",
        "Données *": "Questions des habitants\r",
        "Données personnelles": YES,  # Oui
        "Ajouter un autre élément à « Données traitées": "n",
        "Données sensibles": NO,  # Non
        "Durée de conservation des données": "Les conversations sont effacées après trois mois.\r",
        "Critères de risque (protection des données)": " \r",  # evaluation
        "Système d'intelligence artificielle": YES,  # Oui
        "Domaines de l'annexe III": "\r",  # none
        "Niveau de risque": _select(2),  # limite (non_evalue, minimal, limite)
        "Interagit avec le public": YES,  # Oui
        "Information sur l'usage de l'IA": "Le bandeau de la fenêtre annonce un assistant automatique.\r",
        "Textes générés publiés": YES,  # Oui
        "Signalement des textes générés": "Chaque réponse publiée porte la mention « générée par une IA ».\r",
        "Maîtrise de l'IA par les agents": "L'équipe du standard a suivi une formation d'une journée.\r",
        "Enregistrer cette fiche": "\r",
    })
    shown_before_confirming = []

    def at_prompt(kind, prompt):
        if "Enregistrer cette fiche" in prompt:
            sys.stdout.flush()
            shown_before_confirming.append(sys.stdout.buffer.getvalue().decode("utf-8"))
        driver(kind, prompt)

    result = drive(repo_copy, _Watching(driver, at_prompt))
    assert result.exit_code == 0, result.output
    asked = " | ".join(driver.prompts)
    # no decision: neither who they concern nor the secrets; not high-risk: no EU database, no logs
    for absent in ("Destinataires des décisions", "Secrets protégés", "Entrée du fournisseur",
                   "Conservation des journaux", "Information des agents"):
        assert absent not in asked, absent
    assert "Durée de conservation des données (exigé par la loi)" in asked  # personal data: the GDPR
    _path, data = record(repo_copy, "assistant-des-demarches")
    assert data["version_schema"] == SCHEMA_VERSION
    assert data["revision_autonome"] == "false"
    assert data["donnees"] == [{"nom": "Questions des habitants", "source": "usager", "mode_collecte": "api",
                                "personnelles": "true"}]
    assert data["donnees_sensibles"] == "false"
    assert data["duree_conservation"] == "Les conversations sont effacées après trois mois."
    assert data["criteres_aipd"] == ["evaluation"]
    assert data["systeme_ia"] == "true" and data["contenu_genere_publie"] == "true"
    assert data["signalement_contenu_genere"].startswith("Chaque réponse publiée")
    assert data["formation_ia"].startswith("L'équipe du standard")
    # the regimes, shown before the confirmation
    out = result.stdout
    assert "Régimes que vos réponses déclenchent (au 22 novembre 2026)" in out
    assert "Régimes que vos réponses déclenchent" in shown_before_confirming[0]
    assert "ne s'applique pas" in _regime_row(out, "Décision individuelle (CRPA)")
    assert "s'applique depuis le 2 février 2025" in _regime_row(out, "Maîtrise de l'IA par les agents")
    assert "s'applique depuis le 2 août 2026" in _regime_row(out, "Transparence envers le public")
    assert "ne s'applique pas" in _regime_row(out, "Système d'IA à haut risque")
    assert "s'applique" in _regime_row(out, "Protection des données personnelles (RGPD)")
    # evaluation (declared) and an AI system (an innovative use): two criteria, a DPIA
    assert "s'applique" in _regime_row(out, "Analyse d'impact relative")
    assert "La fiche dit tout ce qu'il faut pour situer chaque régime." in out


def test_questionnaire_rules_only_points_grid_is_outside_the_ai_act(drive, repo_copy, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    driver = Driver({
        "Collectivité": _select(_sicoval_index(repo_copy)),
        "Nom du projet": "Barème des places en crèche\r",
        "Statut": _select(3),
        "Description du service": "Grille de points pour classer les demandes de place en crèche.\r",
        "Thème principal": _select(2),
        "Décisions individuelles": YES,  # Oui
        "Destinataires des décisions": " \r",  # personnes_physiques
        "Niveau d'automatisation": "\r",  # aide_decision
        "Secrets protégés par la loi": "\r",  # none: left empty
        "Type d'algorithme": DOWN * 5 + " \r",  # regles
        "Ajouter un élément à « Données traitées": "y",
        "Données *": "Composition et revenus du foyer\r",
        "Données personnelles": YES,
        "Ajouter un autre élément à « Données traitées": "n",
        "Données sensibles": NO,
        "Système d'intelligence artificielle": NO,  # Non: people set every rule
        "Interagit avec le public": NO,
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    asked = " | ".join(driver.prompts)
    assert "Destinataires des décisions" in asked and "Secrets protégés par la loi" in asked
    # rules only: nothing to ask about learning, tiers, literacy or generated texts
    for absent in ("Révise lui-même ses règles", "Domaines de l'annexe III", "Niveau de risque",
                   "Maîtrise de l'IA", "Textes générés publiés"):
        assert absent not in asked, absent
    _path, data = record(repo_copy, "bareme-des-places-en-creche")
    assert data["destinataires_decisions"] == ["personnes_physiques"]
    assert data["systeme_ia"] == "false" and data["type_algorithme"] == ["regles"]
    assert "secrets_proteges" not in data and "niveau_risque_ia" not in data
    out = result.stdout
    assert "s'applique" in _regime_row(out, "Décision individuelle (CRPA)")
    assert "ne s'applique pas" in _regime_row(out, "Système d'IA au sens du règlement européen")
    assert "ne s'applique pas" in _regime_row(out, "Système d'IA à haut risque")
    # the Sicoval does not declare its headcount: the D312-1-4 threshold cannot be applied
    row = _regime_row(out, "Publication en ligne des règles (CRPA)")
    assert "à préciser" in row
    assert "collectivite.nombre_agents" in out
    assert "À préciser dans la fiche :" in out


def test_without_questions_the_regimes_are_shown_too(cli, repo_copy, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    result = cli("new", "--repo", str(repo_copy), *FULL_SET, "--set", "systeme_ia=non")
    assert result.exit_code == 0, result.output
    assert "Régimes que vos réponses déclenchent" in result.stdout
    assert "ne s'applique pas" in _regime_row(result.stdout, "Système d'IA au sens du règlement européen")
    assert record(repo_copy, "tri-du-courrier-entrant")[1]["systeme_ia"] == "false"
