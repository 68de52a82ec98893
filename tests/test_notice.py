"""`iaterr notice` and `iaterr mention`: complete, honest about what is missing, safe with hostile text."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo, variant

HOSTILE = ('<script>alert("x")</script> [cliquez](javascript:alert(1)) <img src=x onerror=alert(1)> '
           '**gras** # titre')


def _repo(tmp_path, record, collectivite=None):
    return make_repo(tmp_path / "depot", [record], collectivite=collectivite)


def test_complete_notice_of_a_decision_making_processing(cli, tmp_path):
    root = _repo(tmp_path, GOOD_DECISION)
    result = cli("notice", GOOD_DECISION["identifiant"], "--repo", str(root))
    assert result.exit_code == 0, result.output
    text = result.stdout
    for title in ("1. Degré et mode de contribution à la décision", "2. Données traitées et leurs sources",
                  "3. Paramètres et leur pondération", "4. Opérations effectuées", "Vos droits", "Base légale",
                  "Règlement européen sur l'intelligence artificielle"):
        assert f"## {title}" in text
    assert "Ancienneté de la demande" in text and "40 %" in text
    assert "dpo@ville-exemple.fr" in text and "CADA" in text and "un mois" in text
    assert "Risque élevé" in text and "Élément manquant" not in text


def test_missing_legal_items_are_shown_and_fail(cli, tmp_path):
    root = _repo(tmp_path, variant(GOOD_DECISION, drop=("parametres", "operations")))
    result = cli("notice", GOOD_DECISION["identifiant"], "--repo", str(root))
    assert result.exit_code == 1
    assert "Notice incomplète" in result.stdout
    assert "Élément manquant : Paramètres et pondération (R311-3-1-2, 3°)" in result.stdout
    assert "Élément manquant : Opérations effectuées (R311-3-1-2, 4°)" in result.stdout
    assert "Ne la publiez pas" in result.stderr


def test_the_collectivite_contact_counts_for_the_rights(cli, tmp_path):
    record = variant(GOOD_DECISION, drop=("exercice_droits", "contact_droits"))
    root = _repo(tmp_path, record)
    assert cli("notice", record["identifiant"], "--repo", str(root)).exit_code == 0
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "contact_droits"}
    root = make_repo(tmp_path / "autre", [record], collectivite=coll)
    result = cli("notice", record["identifiant"], "--repo", str(root))
    assert result.exit_code == 1 and "Exercice des droits" in result.stdout


def test_unknown_decisions_are_said(cli, tmp_path):
    root = _repo(tmp_path, variant(GOOD_SIMPLE, drop=("decisions_individuelles", "niveau_automatisation")))
    result = cli("notice", GOOD_SIMPLE["identifiant"], "--repo", str(root))
    assert result.exit_code == 1 and "ne dit pas si ce traitement" in result.stdout


def test_notice_of_a_processing_without_decision(cli, tmp_path):
    root = _repo(tmp_path, GOOD_SIMPLE)
    result = cli("notice", GOOD_SIMPLE["identifiant"], "--repo", str(root))
    assert result.exit_code == 0 and "ne fonde ni ne prépare de décision individuelle" in result.stdout


def test_html_notice_is_standalone_printable_and_accessible(cli, tmp_path):
    root = _repo(tmp_path, GOOD_DECISION)
    html = cli("notice", GOOD_DECISION["identifiant"], "--repo", str(root), "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "@media print" in html and "<main" in html and "<h1>" in html
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', html)  # no external resource at all
    assert html.count("<h2") >= 8


def test_english_notice(cli, tmp_path):
    root = _repo(tmp_path, GOOD_DECISION)
    text = cli("notice", GOOD_DECISION["identifiant"], "--repo", str(root), "--lang", "en").stdout
    assert "# Explicability notice" in text and "Your rights" in text and "within two months" in text


def test_hostile_text_cannot_run_or_break(cli, tmp_path):
    record = variant(GOOD_DECISION, description=HOSTILE, finalite=HOSTILE, operations=HOSTILE,
                     partenaires=[HOSTILE], parametres=[{"nom": HOSTILE, "ponderation": HOSTILE}])
    root = _repo(tmp_path, record)
    html = cli("notice", record["identifiant"], "--repo", str(root), "--format", "html").stdout
    assert "<script>alert" not in html and "<img src=x" not in html and "javascript:alert" not in html.replace(
        "[cliquez](javascript:alert(1))", "")
    assert "&lt;script&gt;alert" in html
    md = cli("notice", record["identifiant"], "--repo", str(root)).stdout
    # every markup character of the record is backslash-escaped: shown as written, never interpreted
    assert "](javascript:" not in md and not re.search(r"(?<!\\)<(script|img)", md)
    assert "\\[cliquez\\]" in md
    mention = cli("mention", record["identifiant"], "--repo", str(root), "--format", "html").stdout
    assert "<script>alert" not in mention


def test_restricted_fields_never_appear(cli, tmp_path):
    from iaterr.model import CasUsage
    from test_export import _mark_restricted

    record = variant(GOOD_DECISION)
    markers = _mark_restricted(CasUsage, record)
    root = _repo(tmp_path, record)
    for fmt in ("md", "html"):
        text = cli("notice", record["identifiant"], "--repo", str(root), "--format", fmt).stdout
        assert not any(marker in text for marker in markers)


def test_mention_explicite(cli, tmp_path):
    root = _repo(tmp_path, GOOD_DECISION)
    result = cli("mention", GOOD_DECISION["identifiant"], "--repo", str(root))
    assert result.exit_code == 0
    text = result.stdout
    assert "Information sur l'utilisation d'un traitement algorithmique" in text
    assert GOOD_DECISION["finalite"] in text and "dpo@ville-exemple.fr" in text
    assert "L311-3-1" in text and "CADA" in text and text.rstrip().endswith("Ville d'Exemple")
    assert "https://www.ville-exemple.fr/algorithmes/creches" in text


def test_mention_for_a_processing_without_decision(cli, tmp_path):
    root = _repo(tmp_path, GOOD_SIMPLE)
    result = cli("mention", GOOD_SIMPLE["identifiant"], "--repo", str(root))
    assert result.exit_code == 1 and result.stdout == "" and "aucune mention explicite" in result.stderr


def test_incomplete_mention(cli, tmp_path):
    root = _repo(tmp_path, variant(GOOD_DECISION, drop=("finalite",)))
    result = cli("mention", GOOD_DECISION["identifiant"], "--repo", str(root))
    assert result.exit_code == 1 and "[À COMPLÉTER : Finalité]" in result.stdout


def test_unknown_identifier(cli):
    result = cli("notice", "sicoval-detection", "--repo", str(ROOT))
    assert result.exit_code == 2 and "sicoval-detection-fuites-eau" in result.stderr


def test_output_file(cli, tmp_path):
    out = tmp_path / "notice.html"
    result = cli("notice", "sicoval-detection-fuites-eau", "--repo", str(ROOT), "--format", "html", "-o", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_unknown_format(cli, fmt):
    assert cli("notice", "sicoval-detection-fuites-eau", "--repo", str(ROOT), "--format", fmt).exit_code == 2


@pytest.mark.parametrize("command", ["notice", "mention"])
def test_a_record_written_with_the_yml_extension_is_found(cli, tmp_path, command):
    root = _repo(tmp_path, GOOD_DECISION)
    folder = root / "data" / "cas-usage"
    (folder / f"{GOOD_DECISION['identifiant']}.yaml").rename(folder / f"{GOOD_DECISION['identifiant']}.yml")
    result = cli(command, GOOD_DECISION["identifiant"], "--repo", str(root))
    assert result.exit_code == 0, result.output
    assert GOOD_DECISION["finalite"] in result.stdout
