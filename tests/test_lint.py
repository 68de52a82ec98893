"""The lint engine: validation included, silences, configuration, freshness from git, fixes, CLI."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import BROKEN, ROOT
from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import LintSettings, months_between, setting_severity
from iaterr.lint.rules import RULES
from iaterr.lint.run import run_lint
from iaterr.repo.config import open_repository
from iaterr.repo.gitops import GitHistory, file_history
from lint_fixtures import GOOD_SIMPLE, TODAY, codes, lint, make_repo, variant


def test_lint_reports_validation_errors_too(cli):
    result = cli("lint", "--repo", str(BROKEN), "--no-cache", "--format", "json")
    assert result.exit_code == 1
    found = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert {"yaml-syntaxe", "cle-inconnue", "siret-cle"} <= found


def test_formats_and_exit_codes_are_those_of_validate(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [_long_pilot()])
    text = cli("lint", "--repo", str(root))
    assert text.exit_code == 0 and "Relecture de" in text.stdout  # warnings only
    strict = cli("lint", "--repo", str(root), "--strict", "--format", "github")
    assert strict.exit_code == 1
    assert "::warning file=" in strict.stdout


# ---------------------------------------------------------------- silences


SILENCE = "# iaterr: ignore[fraicheur-experimentation-longue] expérimentation prolongée par délibération du 12/06\n"


def _long_pilot():
    return variant(GOOD_SIMPLE, statut="en_experimentation", date_debut="2020-01")


def test_a_justified_silence_hides_the_rule(tmp_path):
    report = lint(tmp_path / "a", [_long_pilot()])
    assert "fraicheur-experimentation-longue" in codes(report)
    report = lint(tmp_path / "b", [_long_pilot()], extra_text={GOOD_SIMPLE["identifiant"]: SILENCE})
    assert "fraicheur-experimentation-longue" not in codes(report)
    assert codes(report) == set()


def test_a_silence_that_hides_nothing_is_reported(tmp_path):
    report = lint(tmp_path / "d", [GOOD_SIMPLE], extra_text={GOOD_SIMPLE["identifiant"]: SILENCE})
    (d,) = [d for d in report.diagnostics if d.code == "silence-inutile"]
    text = (tmp_path / "d/data/cas-usage/detection-fuites.yaml").read_text(encoding="utf-8")
    assert d.line == text.splitlines().index(SILENCE.strip()) + 1
    assert "fraicheur-experimentation-longue" in d.message()


def test_silence_without_reason_and_unknown_code(tmp_path):
    extra = "# iaterr: ignore[fraicheur-experimentation-longue]\n# iaterr: ignore[regle-qui-nexiste-pas] parce que\n"
    report = lint(tmp_path / "d", [_long_pilot()], extra_text={GOOD_SIMPLE["identifiant"]: extra})
    assert {"silence-sans-justification", "silence-code-inconnu"} <= codes(report)
    assert "fraicheur-experimentation-longue" not in codes(report)


def test_validation_errors_cannot_be_silenced(tmp_path):
    extra = "# iaterr: ignore[valeur-inconnue] on verra plus tard\n"
    report = lint(tmp_path / "d", [variant(GOOD_SIMPLE, statut="en_cours")],
                  extra_text={GOOD_SIMPLE["identifiant"]: extra})
    assert {"valeur-inconnue", "silence-code-inconnu"} <= codes(report)


def test_validation_warnings_can_be_silenced(tmp_path):
    coll = {"identifiant": "ville-exemple", "nom": "Ville d'Exemple", "type": "commune",
            "logo": "https://www.ville-exemple.fr/logo.png"}
    report = lint(tmp_path / "a", [GOOD_SIMPLE], collectivite=coll)
    assert "siret-manquant" in codes(report)
    root = tmp_path / "b"
    make_repo(root, [GOOD_SIMPLE], collectivite=coll)
    path = root / "data/collectivites/ville-exemple.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# iaterr: ignore[siret-manquant] SIRET absent des sources\n",
                    encoding="utf-8")
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    assert "siret-manquant" not in codes(report)


# ---------------------------------------------------------------- configuration


def test_configuration_disables_or_changes_a_rule(tmp_path):
    report = lint(tmp_path / "a", [_long_pilot()],
                  config="lint:\n  regles:\n    fraicheur-experimentation-longue: erreur\n")
    (d,) = [d for d in report.diagnostics if d.code == "fraicheur-experimentation-longue"]
    assert d.severity == Severity.ERROR and report.failed()
    report = lint(tmp_path / "b", [_long_pilot()],
                  config="lint:\n  regles:\n    fraicheur-experimentation-longue: desactivee\n")
    assert "fraicheur-experimentation-longue" not in codes(report)
    report = lint(tmp_path / "c", [_long_pilot()], config="lint:\n  experimentation_mois: 120\n")
    assert "fraicheur-experimentation-longue" not in codes(report)


def test_configuration_mistakes_are_reported(tmp_path):
    report = lint(tmp_path / "a", [GOOD_SIMPLE],
                  config="lint:\n  regles:\n    fraicheur-fiche-ancinne: info\n    silence-inutile: tres-grave\n")
    found = {d.code: d for d in report.diagnostics}
    assert found["config-regle-inconnue"].file == "iaterr.yaml" and found["config-regle-inconnue"].line == 4
    assert found["config-severite-inconnue"].line == 5


def test_setting_severity_words():
    settings = LintSettings(regles={"a": "warning", "b": "off", "c": "Info"})
    assert setting_severity(settings, "a", Severity.ERROR) == Severity.WARNING
    assert setting_severity(settings, "b", Severity.ERROR) is None
    assert setting_severity(settings, "c", Severity.ERROR) == Severity.INFO
    assert setting_severity(settings, "z", Severity.ERROR) == Severity.ERROR


# ---------------------------------------------------------------- freshness from git


def _git(root: Path, *args: str, when: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Agent", GIT_AUTHOR_EMAIL="agent@example.fr",
               GIT_COMMITTER_NAME="Agent", GIT_COMMITTER_EMAIL="agent@example.fr")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def _old_repository(root: Path) -> Path:
    make_repo(root, [GOOD_SIMPLE, variant(GOOD_SIMPLE, identifiant="autre-projet", nom="Autre projet distinct",
                                          description="Une autre description assez longue pour ne rien "
                                                      "déclencher dans les règles de qualité du registre.")])
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "ancien", when="2023-01-10T12:00:00")
    path = root / "data/cas-usage/autre-projet.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# relu\n", encoding="utf-8")
    _git(root, "commit", "-qam", "récent", when="2026-10-01T12:00:00")
    return root


def test_freshness_from_git_history(tmp_path):
    root = _old_repository(tmp_path / "depot")
    history = file_history(root)
    assert history.available and not history.shallow
    assert history.last_change["data/cas-usage/detection-fuites.yaml"] == date(2023, 1, 10)
    assert history.last_change["data/cas-usage/autre-projet.yaml"] == date(2026, 10, 1)
    report = run_lint(open_repository(root), use_cache=False, today=TODAY)
    old = [d for d in report.diagnostics if d.code == "fraicheur-fiche-ancienne"]
    assert [d.file for d in old] == ["data/cas-usage/detection-fuites.yaml"]
    assert "fraicheur-historique-incomplet" not in codes(report)  # a full history: nothing to say
    assert "46 mois" in old[0].message() and "2023-01-10" in old[0].message()
    # uncommitted changes count as fresh
    path = root / "data/cas-usage/detection-fuites.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# relu aujourd'hui\n", encoding="utf-8")
    report = run_lint(open_repository(root), use_cache=False, today=date.today())
    assert "fraicheur-fiche-ancienne" not in codes(report)


def test_freshness_in_a_shallow_clone_says_so(tmp_path):
    origin = _old_repository(tmp_path / "origine")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    history = file_history(clone)
    assert history.shallow and history.boundary == date(2026, 10, 1)
    report = run_lint(open_repository(clone), use_cache=False, today=TODAY)
    found = {d.code for d in report.diagnostics}
    assert "fraicheur-historique-incomplet" in found
    (info,) = [d for d in report.diagnostics if d.code == "fraicheur-historique-incomplet"]
    assert "clone superficiel" in info.message() and info.severity == Severity.INFO
    # the old record is not in the shallow history: it is only known to be at least that old
    assert "fraicheur-fiche-ancienne" not in found


def test_freshness_without_git(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    report = run_lint(open_repository(root), use_cache=False, today=TODAY)
    (d,) = [d for d in report.diagnostics if d.code == "fraicheur-historique-incomplet"]
    assert d.file == "iaterr.yaml" and "pas d'historique git" in d.message()
    assert "no git history" in d.message("en")


def test_long_pilot(tmp_path):
    report = lint(tmp_path / "a", [_long_pilot()])
    (d,) = [d for d in report.diagnostics if d.code == "fraicheur-experimentation-longue"]
    assert "en_experimentation" in (tmp_path / "a/data/cas-usage/detection-fuites.yaml").read_text(
        encoding="utf-8").splitlines()[d.line - 1]
    assert "fraicheur-experimentation-longue" not in codes(lint(tmp_path / "b", [GOOD_SIMPLE]))


def test_months_between():
    assert months_between(date(2024, 1, 31), date(2024, 2, 29)) == 0
    assert months_between(date(2024, 1, 15), date(2025, 1, 15)) == 12


# ---------------------------------------------------------------- fixes


def _fixable(root: Path) -> Path:
    make_repo(root, [GOOD_SIMPLE])
    path = root / "data/cas-usage/detection-fuites.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("statut: en_deploiement", "statut: En déploiement  # vérifié en conseil")
    text = text.replace('date_debut: "2025-05"', "date_debut: 05/2025")
    text = text.replace("theme: transition_ecologique", "theme: Transition écologique et énergétique")
    path.write_text(text, encoding="utf-8")
    coll = root / "data/collectivites/ville-exemple.yaml"
    coll.write_text(coll.read_text(encoding="utf-8").replace('siret: "24310063300391"',
                                                             'siret: "243 100 633 00391"'), encoding="utf-8")
    return path


def test_diff_shows_and_writes_nothing(cli, tmp_path):
    path = _fixable(tmp_path / "depot")
    before = path.read_text(encoding="utf-8")
    result = cli("lint", "--repo", str(tmp_path / "depot"), "--diff")
    assert path.read_text(encoding="utf-8") == before
    assert "-statut: En déploiement  # vérifié en conseil" in result.stdout
    assert "+statut: en_deploiement  # vérifié en conseil" in result.stdout
    assert "(non écrit)" in result.stderr


def test_fix_repairs_what_it_claims_and_keeps_comments(cli, tmp_path):
    path = _fixable(tmp_path / "depot")
    result = cli("lint", "--repo", str(tmp_path / "depot"), "--fix")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "statut: en_deploiement  # vérifié en conseil" in text
    assert 'date_debut: "2025-05"' in text or "date_debut: 2025-05" in text
    assert "theme: transition_ecologique" in text
    assert "# --- Identification ---" in text and text.startswith("# yaml-language-server:")
    coll = (tmp_path / "depot/data/collectivites/ville-exemple.yaml").read_text(encoding="utf-8")
    assert 'siret: "24310063300391"' in coll
    assert "4 correction(s)" in result.stderr
    again = cli("validate", "--repo", str(tmp_path / "depot"), "--strict", "--format", "json")
    assert [d["code"] for d in json.loads(again.stdout)["diagnostics"]] == []


def test_nothing_to_fix(cli, tmp_path):
    make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    result = cli("lint", "--repo", str(tmp_path / "depot"), "--fix")
    assert "Aucune correction" in result.stderr


# ---------------------------------------------------------------- rules, docs, data


def test_rules_list_and_explain(cli):
    result = cli("rules")
    assert result.exit_code == 0
    for code in RULES:
        assert code in result.stdout
    result = cli("rules", "fraicheur-fiche-ancienne", "--lang", "en")
    assert "Record not modified for a long time" in result.stdout and "Reference" in result.stdout
    result = cli("rules", "fraicheur")
    assert result.exit_code == 2 and "fraicheur-fiche-ancienne" in result.stderr


def test_every_rule_is_documented_in_both_languages():
    for r in RULES.values():
        for text in (r.titre_fr, r.titre_en, r.justification_fr, r.justification_en, r.message_fr, r.message_en,
                     r.reference):
            assert text.strip(), r.code
        assert bool(r.aide_fr) == bool(r.aide_en), r.code


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rules_documentation_is_current(lang):
    from iaterr.lint.doc import RULES_DOC_PATHS, render_rules_doc

    path = ROOT / RULES_DOC_PATHS[lang]
    assert path.read_text(encoding="utf-8") == render_rules_doc(lang), (
        f"run `iaterr rules --doc --lang {lang}` and commit {path.name}")


def test_this_repository_lints_clean(cli):
    result = cli("lint", "--repo", str(ROOT), "--no-cache", "--format", "json", "--strict")
    payload = json.loads(result.stdout)
    assert [(d["fichier"], d["code"]) for d in payload["diagnostics"] if d["severite"] != "info"] == []
    assert result.exit_code == 0


def test_a_freshly_initialised_repository(cli, tmp_path):
    root = tmp_path / "registre"
    assert cli("init", str(root), "--nom", "Ville de Testville", "--type", "commune", "--no-commit").exit_code == 0
    result = cli("lint", "--repo", str(root), "--format", "json")
    found = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    # no SIRET given: flagged, never made up; git initialised but nothing committed yet: said so
    assert "siret-manquant" in found and "fraicheur-historique-incomplet" in found
    assert result.exit_code == 0
