"""The lint rules after the second legal review of #11 (review2.md): each test reproduces the reviewer's
observation first — item 3 (an assisted decision on sensitive data or by a self-revising model passed silently),
item 5 (« art. 22(3) » for an administrative decision), item 10 (texts that do not disclose the AI: a sentence
saying AI is used, a human persona, a negation), item 11 (« sauf exception de l'article 6(3) » although profiling
rules it out), item 12 (French citations in English output)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.lint.doc import render_rules_doc
from iaterr.lint.rules import RULES
from iaterr.lint.rules.ia_act import discloses_ai, persona
from iaterr.model import droit
from iaterr.model.qualification import qualify
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_HIGH_RISK, TODAY, codes, edit_text, lint, variant
from lint_fixtures import one as only

CALLBOT = "data/cas-usage/aix-marseille-provence-callbot-encombrants.yaml"
TODAY_ENV = {"IATERR_AUJOURDHUI": "2026-12-01"}

#: What a French citation looks like (an English one says "Art.", "and", "GDPR", "Regulation", "Annex").
FRENCH_CITATION = re.compile(r"\b(?:et|RGPD|Règlement|annexe|délibération|décision|suivants)\b| ; |«|, art\. ")


def _real(repo: Path, old: str, new: str) -> None:
    edit_text(repo, CALLBOT, old, new)


def _lint(cli, repo: Path, lang: str = "fr") -> list[dict]:
    result = cli("lint", "--repo", str(repo), "--no-cache", "-f", "json", "--lang", lang, env=TODAY_ENV)
    assert result.exit_code in (0, 1), result.output
    return [d for d in json.loads(result.stdout)["diagnostics"] if d["fichier"] == CALLBOT]


def _unsilenced(repo: Path, code: str) -> None:
    path = repo / CALLBOT
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"(?m)^# iaterr: ignore\[[^]]*{code}[^]]*\].*\n", "", text), encoding="utf-8")


# ---------------------------------------------------------------- item 12: references in English


def test_every_rule_has_an_english_reference():
    for r in RULES.values():
        assert r.reference_en.strip(), r.code
        assert r.citation("en") == r.reference_en and r.citation("fr") == r.reference
        assert not FRENCH_CITATION.search(r.reference_en), (r.code, r.reference_en)


@pytest.mark.parametrize("code, french, english", [
    ("crpa-automatisation-sans-mention", "Loi 78-17, art. 47 ; CRPA", "French Data Protection Act (law 78-17), "
                                                                       "Art. 47; CRPA, Art. L311-3-1"),
    ("rgpd-information-incomplete", "RGPD, art. 13 et 14", "GDPR, Arts. 13 and 14"),
    ("ia-act-eleve-sans-aidf", "Règlement (UE) 2024/1689, art. 27", "Regulation (EU) 2024/1689, Art. 27"),
    ("ia-act-annexe-iii-sans-risque-eleve", "Règlement (UE) 2024/1689, art. 6(2) et annexe III",
     "Regulation (EU) 2024/1689, Art. 6(2) and Annex III"),
])
def test_rules_command_cites_in_the_reader_language(cli, code, french, english):
    """Reviewer: `rules --lang en` printed « Reference: Loi 78-17, art. 47 ; CRPA L311-3-1 », « RGPD, art. 13 et
    14 », « Règlement (UE) 2024/1689, art. 6(2) et annexe III »."""
    en = cli("rules", code, "--lang", "en")
    assert en.exit_code == 0
    line = next(line for line in en.stdout.splitlines() if line.startswith("Reference"))
    assert english in line and not FRENCH_CITATION.search(line), line
    fr = cli("rules", code)
    assert french in fr.stdout


def test_english_rules_document_cites_in_english():
    doc = render_rules_doc("en")
    refs = [line for line in doc.splitlines() if line.startswith("- Reference: ")]
    assert len(refs) == len(RULES)
    assert not [line for line in refs if FRENCH_CITATION.search(line)]
    assert "- Reference: GDPR, Arts. 13 and 14" in doc
    assert "- Référence : RGPD, art. 13 et 14" in render_rules_doc("fr")


def test_english_lint_output_cites_in_english(cli, repo_copy):
    """`iaterr lint --lang en` on a real record with findings of the CRPA, GDPR and AI Act families."""
    _real(repo_copy, 'version_schema: "1.0"', 'version_schema: "1.1"')
    _real(repo_copy, "decisions_individuelles: false", "decisions_individuelles: true\n"
          "destinataires_decisions:\n  - personnes_physiques\ndonnees_sensibles: true\nrevision_autonome: true")
    _real(repo_copy, "niveau_automatisation: sans_decision", "niveau_automatisation: decision_automatisee")
    _real(repo_copy, "niveau_risque_ia: limite",
          "niveau_risque_ia: minimal\ndomaines_annexe_iii:\n  - services_publics")
    _unsilenced(repo_copy, "ia-act-information-manquante")
    found = _lint(cli, repo_copy, "en")
    assert {"rgpd-decision-automatisee-donnees-sensibles", "rgpd-decision-automatisee-revision-autonome",
            "ia-act-annexe-iii-sans-risque-eleve", "ia-act-information-manquante"} <= {d["code"] for d in found}
    for d in found:
        assert not re.search(r"Règlement|RGPD|Loi 78-17|, art\. \d+ et|annexe III|décision n°", d["message"]), d


# ---------------------------------------------------------------- item 5: the appeal's legal basis


def test_appeal_rule_cites_22_2_b_the_decision_and_the_crpa(cli):
    """Reviewer: « le RGPD exige au moins … (art. 22(3)) »; 22(3) covers only 22(2)(a) and (c)."""
    fr = cli("rules", "rgpd-decision-automatisee-sans-recours")
    en = cli("rules", "rgpd-decision-automatisee-sans-recours", "--lang", "en")
    assert fr.exit_code == en.exit_code == 0
    for out in (fr.stdout, en.stdout):
        assert "22(3)" not in out and "22(2)(b)" in out and "2018-765 DC" in out and "L410-1" in out
    assert "RGPD, art. 22(2)(b) ; CRPA, art. L410-1 et suivants" in fr.stdout
    assert "GDPR, Art. 22(2)(b); CRPA, Arts. L410-1 and following" in en.stdout
    assert droit.references("crpa.L410-1") == {"fr": "CRPA, art. L410-1 et suivants",
                                                "en": "CRPA, Arts. L410-1 and following"}


def test_appeal_finding_cites_the_decision_that_requires_the_appeal(tmp_path):
    record = variant(GOOD_DECISION, niveau_automatisation="decision_automatisee", drop=("procedure_objection",))
    d = only(lint(tmp_path / "depot", [record]), "rgpd-decision-automatisee-sans-recours")
    assert "(Loi 78-17, art. 47 ; Conseil constitutionnel, décision n° 2018-765 DC" in d.message("fr")
    assert "22(3)" not in d.message("fr") + d.message("en")


# ---------------------------------------------------------------- item 10: a disclosure that discloses


REVIEWER_TEXTS = [
    "Les usagers sont informés que l'IA est utilisée pour améliorer le service.",
    "Le callbot se présente comme Léa, conseillère de la Métropole.",
    "Bonjour, vous ne parlez pas à une IA mais à un conseiller.",
]


@pytest.mark.parametrize("text", REVIEWER_TEXTS + [
    "Vous n'échangez pas avec un robot.", "You are not talking to an AI.",
    "L'assistant se présente comme Paul, agent d'accueil de la mairie.",
    "Les appelants savent qu'une IA est utilisée.", "Les agents sont informés que le service utilise l'IA.",
])
def test_reviewer_texts_are_not_a_disclosure(text):
    assert discloses_ai(text) is None


@pytest.mark.parametrize("text", [
    "Le callbot se présente comme Léa, assistante virtuelle de la Métropole.",
    "Les usagers sont informés que leur interlocuteur est une IA.",
    "Les usagers sont informés qu'une IA leur répond.",
    "Vous échangez avec une IA, pas avec un agent.",
    "Les usagers sont informés qu'ils parlent à un robot.",
])
def test_still_a_disclosure(text):
    assert discloses_ai(text)


def test_persona_is_the_human_introduction_only():
    assert persona("Le callbot se présente comme Léa, conseillère de la Métropole.") is not None
    assert persona("Le callbot se présente comme Léa, conseillère virtuelle de la Métropole.") is None
    assert persona("Le robot se présente.") is None


@pytest.mark.parametrize("text, fr, en", [
    (REVIEWER_TEXTS[0], "le texte nomme « ia » sans dire que la personne échange avec lui (dire qu'une IA est "
                        "utilisée ne suffit pas)", "(saying that AI is used is not enough)"),
    (REVIEWER_TEXTS[1], "l'agent s'y présente comme une personne", "introduces itself there as a person"),
    (REVIEWER_TEXTS[2], "le texte le dit à la forme négative", "the text says it in the negative"),
])
def test_real_callbot_reports_each_reviewer_text(cli, repo_copy, text, fr, en):
    _unsilenced(repo_copy, "ia-act-information-manquante")
    path = repo_copy / CALLBOT
    source, n = re.subn(r"(?m)^information_ia: >-\n(?:  .*\n)+", f"information_ia: {text}\n",
                        path.read_text(encoding="utf-8"))
    assert n == 1
    path.write_text(source, encoding="utf-8")
    found = [d for d in _lint(cli, repo_copy) if d["code"] == "ia-act-information-manquante"]
    assert len(found) == 1 and found[0]["severite"] == "erreur" and fr in found[0]["message"]
    found = [d for d in _lint(cli, repo_copy, "en") if d["code"] == "ia-act-information-manquante"]
    assert en in found[0]["message"]


# ---------------------------------------------------------------- item 11: art. 6(3) and profiling


def test_profiling_rules_out_the_exception_as_the_qualification_says(tmp_path):
    """Reviewer: lint said « sauf exception de l'article 6(3) à justifier » with « criteres_aipd: evaluation »."""
    record = variant(GOOD_HIGH_RISK, niveau_risque_ia="limite")
    assert "evaluation" in record["criteres_aipd"]
    d = only(lint(tmp_path / "a", [record]), "ia-act-annexe-iii-sans-risque-eleve")
    assert "sauf exception" not in d.message("fr")
    assert "l'exception de l'article 6(3) ne peut pas jouer : le traitement évalue ou profile" in d.message("fr")
    assert "the article 6(3) exception cannot apply" in d.message("en")
    regime = qualify(record, COLLECTIVITE, TODAY).regime("ria-haut-risque")
    assert "qualif.ria.profilage" in [m.cle for m in regime.motifs]


def test_without_profiling_the_exception_is_to_be_justified(tmp_path):
    record = variant(GOOD_HIGH_RISK, niveau_risque_ia="limite", criteres_aipd=["personnes_vulnerables"])
    d = only(lint(tmp_path / "a", [record]), "ia-act-annexe-iii-sans-risque-eleve")
    assert "sauf exception de l'article 6(3) à justifier" in d.message("fr")
    regime = qualify(record, COLLECTIVITE, TODAY).regime("ria-haut-risque")
    assert "qualif.ria.profilage" not in [m.cle for m in regime.motifs]


# ---------------------------------------------------------------- item 3: assisted decision, forbidden facts

ASSISTED = variant(GOOD_DECISION, niveau_automatisation="decision_assistee")


@pytest.mark.parametrize("changes, fr, en", [
    ({"donnees_sensibles": True, "revision_autonome": True},
     "la fiche déclare « donnees_sensibles: true » et « revision_autonome: true »",
     "the record declares “donnees_sensibles: true” and “revision_autonome: true”"),
    ({"revision_autonome": True}, "la fiche déclare « revision_autonome: true »",
     "(Conseil constitutionnel, decision No. 2018-765 DC of 12 June 2018)"),
])
def test_assisted_decision_on_forbidden_facts_is_a_warning(tmp_path, changes, fr, en):
    d = only(lint(tmp_path / "a", [variant(ASSISTED, **changes)]), "rgpd-decision-assistee-a-verifier")
    assert d.severity == Severity.WARNING
    assert fr in d.message("fr") and "C-634/21" in d.message("fr") and "à vérifier" in d.message("fr")
    assert en in d.message("en")


@pytest.mark.parametrize("changes", [
    {}, {"donnees_sensibles": False, "revision_autonome": False},
    {"donnees_sensibles": True, "niveau_automatisation": "aide_decision"},
    {"donnees_sensibles": True, "destinataires_decisions": ["personnes_morales"]},
    {"donnees_sensibles": True, "statut": "termine", "date_fin": "2026-06"},
])
def test_assisted_decision_rule_silent_otherwise(tmp_path, changes):
    assert "rgpd-decision-assistee-a-verifier" not in codes(lint(tmp_path / "a", [variant(ASSISTED, **changes)]))


def test_real_record_assisted_decision_on_sensitive_data(cli, repo_copy):
    """The reviewer's vS on a real record: the Aix-Marseille callbot made to decide, assisted, on sensitive data
    with a self-revising model — lint was silent; now a warning, as the qualification says « à vérifier »."""
    _real(repo_copy, 'version_schema: "1.0"', 'version_schema: "1.1"')
    _real(repo_copy, "decisions_individuelles: false", "decisions_individuelles: true\n"
          "destinataires_decisions:\n  - personnes_physiques\ndonnees_sensibles: true\nrevision_autonome: true")
    _real(repo_copy, "niveau_automatisation: sans_decision", "niveau_automatisation: decision_assistee")
    found = [d for d in _lint(cli, repo_copy) if d["code"] == "rgpd-decision-assistee-a-verifier"]
    assert len(found) == 1 and found[0]["severite"] == "avertissement"
    assert "« donnees_sensibles: true » et « revision_autonome: true »" in found[0]["message"]
    qualification = cli("qualification", "aix-marseille-provence-callbot-encombrants", "--repo", str(repo_copy),
                        "--format", "json", env=TODAY_ENV)
    assert "assistee-sensibles" in qualification.stdout or "données sensibles" in qualification.stdout
