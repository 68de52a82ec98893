"""The legal review of issue #11 on the notice, the mention and the answer to one person, reproduced on the real
data: a migrated copy of data/ whose Sicoval declares where to send requests and 900 agents, with the reviewer's
housing-aid record (Annex III 5(a), high risk, in service since January 2025, personal data, three parameters of
which two are weighted). Each test first states what the reviewer saw (the assertion that failed before the fix).
The review's items are numbered as in its report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from lint_fixtures import variant

ID = "sicoval-aide-logement"

SICOVAL = """nombre_agents: 900
contact_droits: acces-documents@sicoval.fr
formulaire_demandes: https://www.sicoval.fr/demandes
adresse_postale: Sicoval, 110 rue Marco Polo, 31670 Labège
prada: Direction des affaires juridiques
contact_dpo: dpo@sicoval.fr
"""

#: The reviewer's record: housing-aid decisions for natural persons, a high-risk AI system of Annex III 5(a).
AIDE: dict[str, Any] = {
    "version_schema": "1.1", "identifiant": ID, "collectivite": "sicoval", "nom": "Aide au logement",
    "statut": "en_deploiement", "date_debut": "2025-01", "date_mise_a_jour": "2026-11-01",
    "description": "Un modèle évalue l'éligibilité des demandes d'aide au logement.",
    "finalite": "Attribuer les aides au logement aux ménages éligibles.",
    "theme": "citoyennete_sante_solidarite", "publics": ["grand_public"],
    "decisions_individuelles": True, "destinataires_decisions": ["personnes_physiques"],
    "niveau_automatisation": "aide_decision",
    "contribution_decision": "Le modèle propose un score ; un agent instruit et décide.",
    "base_legale": "Délibération du conseil communautaire du 3 mars 2024.",
    "procedure_objection": "Tout demandeur peut demander un réexamen par la commission.",
    "url_regles_publiees": "https://www.sicoval.fr/algorithmes/aide-logement",
    "type_algorithme": ["apprentissage_automatique"],
    "donnees": [{"nom": "Dossier de demande (ressources, composition du foyer)", "source": "usager",
                 "personnelles": True}],
    "donnees_sensibles": False, "revision_autonome": False,
    "duree_conservation": "Deux ans après la décision.",
    "parametres": [{"nom": "Ressources du foyer", "description": "Revenu fiscal de référence.", "ponderation": "50 %"},
                   {"nom": "Composition du foyer", "description": "Nombre de personnes.", "ponderation": "30 %"},
                   {"nom": "Ancienneté de la demande", "description": "Mois d'attente."}],
    "operations": "Le modèle calcule un score d'éligibilité puis classe les demandes.",
    "systeme_ia": True, "domaines_annexe_iii": ["prestations_publiques"], "niveau_risque_ia": "eleve",
    "interaction_public": False, "contenu_genere_publie": False,
}


def _dump(data: dict[str, Any]) -> str:
    from io import StringIO

    from ruamel.yaml import YAML

    out = StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue()


@pytest.fixture(scope="session")
def migrated_copy(tmp_path_factory) -> Path:
    """A copy of the project's data repository migrated on 1 December 2026, once per session: the migration of
    every record is the slow part, and every test gets its own copy of it. A private repository whose records
    hold no restricted value (the project's are in its store): the notices are public and never read one."""
    from typer.testing import CliRunner

    from conftest import ROOT
    from iaterr.cli.main import build_app

    base = tmp_path_factory.mktemp("revue-modele")
    dest = base / "depot"
    dest.mkdir()
    (dest / "iaterr.yaml").write_text('version_schema: "1.0"\n', encoding="utf-8")
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copytree(ROOT / "schema", dest / "schema")
    with pytest.MonkeyPatch.context() as patch:  # as the tests' own settings (conftest), on the review's day
        patch.setenv("IATERR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.setenv("IATERR_AUJOURDHUI", "2026-12-01")
        patch.setenv("NO_COLOR", "1")
        for name in ("IATERR_LANG", "GITHUB_ACTIONS", "IATERR_RESTREINT"):
            patch.delenv(name, raising=False)
        result = CliRunner().invoke(build_app("fr"), ["migrate", "--repo", str(dest)])
    assert result.exit_code == 0, result.output
    return base


@pytest.fixture
def revue(migrated_copy, tmp_path, monkeypatch) -> Path:
    """The reviewer's repository, on 1 December 2026."""
    monkeypatch.setenv("IATERR_AUJOURDHUI", "2026-12-01")
    shutil.copytree(migrated_copy, tmp_path / "revue")
    root = tmp_path / "revue" / "depot"
    coll = root / "data" / "collectivites" / "sicoval.yaml"
    coll.write_text(coll.read_text(encoding="utf-8") + SICOVAL, encoding="utf-8")
    _write(root, AIDE)
    return root


def _write(root: Path, record: dict[str, Any]) -> None:
    (root / "data" / "cas-usage" / f"{record['identifiant']}.yaml").write_text(_dump(record), encoding="utf-8")


def _run(cli, root: Path, record: dict[str, Any] | None, *args: str, command: str = "notice", lang: str = "fr"):
    if record is not None:
        _write(root, record)
    return cli(command, record["identifiant"] if record else args[0], "--repo", str(root),
               *(args if record else args[1:]), "--lang", lang)


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start:end if end > 0 else len(text)]


def _plain(text: str) -> str:
    return text.replace("\\(", "(").replace("\\)", ")").replace("\\_", "_")


def test_the_reviewers_record_gives_a_complete_notice(cli, revue):
    result = _run(cli, revue, AIDE)
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and "⚠" not in result.stdout


# ---------------------------------------------------------------- item 1: a forbidden fully automated decision

FORBIDDEN = variant(AIDE, drop=("procedure_objection",), niveau_automatisation="decision_automatisee",
                    donnees_sensibles=True, revision_autonome=True)


@pytest.mark.parametrize("command", ["notice", "mention"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_forbidden_fully_automated_decision_blocks_the_notice_and_the_mention(cli, revue, command, fmt):
    """Seen: both exited 0 and the mention certified « Elle a été entièrement automatisée. »"""
    result = _run(cli, revue, FORBIDDEN, "--format", fmt, command=command)
    assert result.exit_code == 1, result.output
    assert "Ne pas utiliser" in result.stdout
    assert "ne peut pas reposer sur des données sensibles" in result.stdout
    assert "révise lui-même ses règles" in result.stdout
    assert "interdit par la loi" in result.stderr and "Décision entièrement automatisée" in result.stderr
    # the banner comes before the mention's first sentence
    assert result.stdout.index("Ne pas utiliser") < result.stdout.index("Cette décision a été prise") \
        if command == "mention" else True


def test_an_undecided_fully_automated_decision_blocks_too(cli, revue):
    """Art. 22 / 47 « à préciser »: the record does not say whether the algorithm revises itself."""
    record = variant(AIDE, drop=("revision_autonome",), niveau_automatisation="decision_automatisee")
    for command in ("notice", "mention"):
        result = _run(cli, revue, record, command=command)
        assert result.exit_code == 1 and "Ne pas utiliser" in result.stdout, result.output
        assert "à préciser" in result.stdout and "revision_autonome" in _plain(result.stdout)


def test_a_fully_automated_decision_on_personal_data_gives_art_13_2_f_and_the_appeal(cli, revue):
    """Seen: « Vos données personnelles » said nothing of the automated decision, nor of the appeal."""
    result = _run(cli, revue, variant(AIDE, niveau_automatisation="decision_automatisee"))
    assert "Ne pas utiliser" not in result.stdout, result.output
    personal = _plain(_section(result.stdout, "Vos données personnelles"))
    assert "Les décisions prises avec ce traitement sont entièrement automatisées. La logique sous-jacente" in personal
    assert "(RGPD, art. 13(2)(f) et 14(2)(g))" in personal
    assert "Recours administratif contre une décision entièrement automatisée : Tout demandeur peut demander un " \
           "réexamen par la commission. (Loi 78-17, art. 47)" in personal
    without = _run(cli, revue, variant(FORBIDDEN, donnees_sensibles=False, revision_autonome=False))
    personal = _plain(_section(without.stdout, "Vos données personnelles"))
    assert "Élément manquant : Procédure d'objection (Loi 78-17, art. 47) — à compléter." in personal
    assert "Procédure d'objection (Loi 78-17, art. 47)" in without.stderr
    # a person decides: none of it
    decided = _run(cli, revue, AIDE)
    assert "13(2)(f)" not in decided.stdout and "Recours administratif contre" not in decided.stdout


# ---------------------------------------------------------------- item 2: the AI section from the qualification


def _ai(result) -> str:
    return _plain(_section(result.stdout, "Est-ce de l'intelligence"))


def test_in_service_since_2025_the_high_risk_duties_come_in_2030(cli, revue):
    """Seen (2d): « applicable à partir du 2 décembre 2027 » while the qualification says 2 August 2030."""
    ai = _ai(_run(cli, revue, AIDE))
    assert "Obligations des systèmes à haut risque de l'annexe III (Règlement (UE) 2024/1689, art. 6(2) et annexe " \
           "III) : applicable à partir du 2 août 2030." in ai
    assert "(Règlement (UE) 2024/1689, art. 86) : applicable à partir du 2 août 2030." in ai
    assert "2 décembre 2027" not in ai
    new = _ai(_run(cli, revue, variant(AIDE, statut="en_construction", date_debut="2027-06")))
    assert "annexe III) : applicable à partir du 2 décembre 2027." in new


def test_a_minimal_tier_announces_no_high_risk_duty(cli, revue):
    """Seen (2a): « Risque minimal », then the Annex III duties and the art. 86 right."""
    result = _run(cli, revue, variant(AIDE, niveau_risque_ia="minimal"))
    ai = _ai(result)
    assert "Risque minimal" in ai
    assert "Obligations des systèmes à haut risque" not in ai and "art. 86" not in ai


def test_areas_without_systeme_ia_mark_it_missing(cli, revue):
    """Seen (2b): the art. 86 right announced and exit 0 although the record does not say it is AI."""
    result = _run(cli, revue, variant(AIDE, drop=("systeme_ia",)))
    assert result.exit_code == 1
    ai = _ai(result)
    assert "La fiche ne dit pas si ce traitement est un système d'intelligence artificielle" in ai
    assert "Élément manquant : Système d'intelligence artificielle (Règlement (UE) 2024/1689, art. 3(1))" in ai
    assert "art. 86" not in ai and "Obligations des systèmes à haut risque" not in ai
    assert "Système d'intelligence artificielle (Règlement (UE) 2024/1689, art. 3(1))" in result.stderr


def test_critical_infrastructure_alone_has_no_art_86_right(cli, revue):
    """Seen (2c): art. 86 announced although art. 86(1) excepts point 2 of Annex III."""
    ai = _ai(_run(cli, revue, variant(AIDE, domaines_annexe_iii=["infrastructures_critiques"])))
    assert "Obligations des systèmes à haut risque" in ai
    assert "art. 86" not in ai
    both = _ai(_run(cli, revue, variant(AIDE, domaines_annexe_iii=["infrastructures_critiques",
                                                                   "prestations_publiques"])))
    assert "art. 86" in both


# ---------------------------------------------------------------- item 3: decisions, yet « no decision »


def test_decisions_with_no_decision_level_is_a_contradiction(cli, revue):
    """Seen: the notice exited 0; the mention said the level was not declared although it is."""
    record = variant(AIDE, niveau_automatisation="sans_decision")
    notice = _run(cli, revue, record)
    assert notice.exit_code == 1
    contribution = _plain(_section(notice.stdout, "Quel rôle"))
    assert "Élément manquant : Niveau d'automatisation : « Aucune décision » contredit « decisions_individuelles " \
           ": oui » (CRPA, art. R311-3-1-2, 1°)" in contribution
    assert "contredit" in notice.stderr
    mention = _run(cli, revue, record, command="mention")
    assert mention.exit_code == 1
    assert "ne déclare pas le niveau" not in mention.stderr and "se contredit" in mention.stderr


# ---------------------------------------------------------------- item 6: art. 50 information


def test_the_real_issygpt_record_needs_systeme_ia_then_information_ia(cli, revue):
    """Seen: issy-les-moulineaux-issygpt (interaction_public: true, no information_ia) announced art. 50 and marked
    nothing missing."""
    issy = "issy-les-moulineaux-issygpt"
    path = revue / "data" / "cas-usage" / f"{issy}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "interaction_public: true" in text and "information_ia" not in text and "systeme_ia" not in text
    result = cli("notice", issy, "--repo", str(revue))
    assert result.exit_code == 1
    ai = _ai(result)
    assert "Élément manquant : Système d'intelligence artificielle (Règlement (UE) 2024/1689, art. 3(1))" in ai
    path.write_text(text + "systeme_ia: true\n", encoding="utf-8")
    result = cli("notice", issy, "--repo", str(revue))
    ai = _ai(result)
    assert "Obligations de transparence envers les personnes (Règlement (UE) 2024/1689, art. 50) : applicable " \
           "depuis le 2 août 2026." in ai
    assert "Élément manquant : Information des personnes sur l'utilisation d'un système d'IA" in ai or \
           re.search(r"Élément manquant : [^\n]+\(Règlement \(UE\) 2024/1689, art\. 50\(1\)\)", ai), ai
    assert "art. 50(1)" in result.stderr


def test_generated_text_published_without_disclosure_is_missing(cli, revue):
    record = variant(AIDE, contenu_genere_publie=True)
    ai = _ai(_run(cli, revue, record))
    assert re.search(r"Élément manquant : [^\n]+\(Règlement \(UE\) 2024/1689, art\. 50\(4\)\)", ai), ai
    said = _ai(_run(cli, revue, variant(record, signalement_contenu_genere="Chaque texte porte la mention « rédigé "
                                                                          "avec une IA ».")))
    assert "art. 50(4)" not in said and "rédigé avec une IA" in said
    planned = _ai(_run(cli, revue, variant(record, statut="en_construction", date_debut="2027-06")))
    assert "art. 50(4)" not in planned  # not in use yet: nothing to disclose


# ---------------------------------------------------------------- item 7: decisions not said


def test_a_record_silent_on_decisions_marks_each_item_where_it_belongs(cli, revue):
    """Seen on metz-vipare: sections 1 and 4 were empty headings, nothing said missing but the request channel."""
    result = cli("notice", "metz-vipare", "--repo", str(revue))
    assert result.exit_code == 1
    text = _plain(result.stdout)
    for section, title in (("Quel rôle", "Niveau d'automatisation"),
                           ("Quelles données", "Données traitées et sources"),
                           ("Quels critères", "Paramètres et pondération"),
                           ("Comment fonctionne", "Opérations effectuées"), ("À quoi sert", "Finalité")):
        assert f"Élément non renseigné : {title} — exigé si ce traitement fonde ou prépare des décisions " \
               "individuelles" in _section(text, section), section
    assert "Si ce traitement fonde ou prépare des décisions individuelles, la loi exige aussi" in text
    assert "Il manque des éléments que la loi exige" not in text


# ---------------------------------------------------------------- item 11: art. 49(4)


def test_a_non_public_registration_is_not_linked(cli, revue):
    url = "https://ec.europa.eu/ai-database/entry/42"
    assert url in _run(cli, revue, variant(AIDE, url_base_ue=url)).stdout
    police = _run(cli, revue, variant(AIDE, url_base_ue=url, domaines_annexe_iii=["police"]))
    assert url not in police.stdout


# ---------------------------------------------------------------- item 15: the answer to one person


def test_the_answer_says_when_the_two_months_start_and_flags_an_unknown_weight(cli, revue, tmp_path):
    """Seen: « dans les deux mois » with no starting point; « — » for a parameter the record gives no weight."""
    person = tmp_path / "personne.yaml"
    person.write_text("parametres:\n  - nom: Ressources du foyer\n    valeur: 14 000 €\n"
                      "  - nom: Composition du foyer\n    valeur: 3 personnes\n"
                      "  - nom: Ancienneté de la demande\n    valeur: 9 mois\n", encoding="utf-8")
    result = cli("notice", ID, "--repo", str(revue), "--pour", str(person))
    assert result.exit_code == 1
    assert "dans les deux mois suivant la réception de cette réponse (CRPA, art. R343-1)" in result.stdout
    assert "| — |" not in result.stdout
    assert "| Ancienneté de la demande | 9 mois | **⚠ à compléter** |" in result.stdout
    assert "| Ressources du foyer | 14 000 € | 50 % |" in result.stdout
    assert "Pondération appliquée au paramètre « Ancienneté de la demande » (ou « aucune »)" in result.stderr
    # the record, or the agent, says there is none: said as written, and the answer is complete
    person.write_text(person.read_text(encoding="utf-8") + "    ponderation: aucune\n", encoding="utf-8")
    result = cli("notice", ID, "--repo", str(revue), "--pour", str(person))
    assert result.exit_code == 0, result.output
    assert "| Ancienneté de la demande | 9 mois | aucune |" in result.stdout


# ---------------------------------------------------------------- item 17: no decision, no legal duty overstated


def test_a_notice_without_decision_recommends_a_channel(cli, repo_copy):
    """Seen: « Il manque des éléments que la loi exige : Où adresser une demande … (CRPA, art. L311-1) »."""
    result = cli("notice", "sicoval-detection-fuites-eau", "--repo", str(repo_copy))
    assert result.exit_code == 1
    assert "Il manque des éléments que la loi exige" not in result.stdout
    assert "Éléments recommandés (non exigés par la loi pour un traitement sans décision individuelle)" in \
           result.stdout
    assert "Élément recommandé : Où adresser une demande" in result.stdout
    assert "recommandé, non exigé par la loi" in result.stderr and "Notice incomplète" not in result.stderr


# ---------------------------------------------------------------- item 18: wording, citations in English


def test_html_mention_sentences_are_separated(cli, revue):
    result = _run(cli, revue, AIDE, "--format", "html", command="mention")
    assert "décision.Ce" not in result.stdout
    assert "une personne a pris la décision. Ce traitement a pour finalité" in result.stdout
    english = _run(cli, revue, AIDE, "--format", "html", command="mention", lang="en")
    assert "took the decision. The purpose" in english.stdout


def test_the_collectivite_name_stands_alone(cli, revue):
    """Seen: « adressez votre demande à Communauté d'agglomération du Sicoval », « de Ville de Metz »: each name
    takes its article (issue #14: « de la Communauté d'agglomération… »)."""
    notice = _run(cli, revue, AIDE)
    mention = _run(cli, revue, AIDE, command="mention")
    for text in (notice.stdout, mention.stdout):
        assert "à Communauté" not in text and "de Communauté" not in text
    assert "Adressez votre demande à la Communauté d'agglomération du Sicoval :" in notice.stdout
    assert "adressez votre demande à la Communauté d'agglomération du Sicoval : par courriel" in \
           mention.stdout
    metz = cli("notice", "metz-vipare", "--repo", str(revue))
    assert "de Ville de Metz" not in metz.stdout and "mis en œuvre par la Ville de Metz :" in metz.stdout


def test_english_documents_cite_the_law_in_english(cli, revue, tmp_path):
    """Seen: « (RGPD, art. 13 et 14) » and « R311-12 et R311-13 » in English output."""
    person = tmp_path / "person.yaml"
    person.write_text("parametres:\n  - nom: Ressources du foyer\n    valeur: 14 000\n", encoding="utf-8")
    outputs = [_run(cli, revue, AIDE, lang="en"), _run(cli, revue, AIDE, command="mention", lang="en"),
               cli("notice", ID, "--repo", str(revue), "--pour", str(person), "--lang", "en"),
               _run(cli, revue, variant(AIDE, drop=("duree_conservation",)), lang="en")]
    for result in outputs:
        for french in ("RGPD", " et R311", "art. L", "art. R", "Règlement (UE)", "Loi 78-17"):
            assert french not in result.stdout and french not in result.stderr, (french, result.output)
    assert "(GDPR, Arts. 13 and 14)" in outputs[0].stdout
    assert "(CRPA, Arts. R311-12 and R311-13)" in outputs[1].stdout
    assert "acces-documents@sicoval.fr; through the online form" in outputs[1].stdout  # no French « ; »
    assert "Retention period" in outputs[3].stderr or "(GDPR, Arts. 13 and 14)" in outputs[3].stderr


# ---------------------------------------------------------------- item 19: where the rules are published


def test_the_mention_asks_for_the_published_rules_when_publication_applies(cli, revue):
    """Seen: no link and nothing said although the Sicoval (900 agents) publishes its rules (L312-1-3)."""
    record = variant(AIDE, drop=("url_regles_publiees",))
    mention = _run(cli, revue, record, command="mention")
    assert mention.exit_code == 1
    assert "Les règles de ce traitement sont publiées à l'adresse : [À COMPLÉTER : " in mention.stdout
    assert "(CRPA, art. L312-1-3)" in mention.stderr
    notice = _run(cli, revue, record)
    assert "Élément manquant" in _section(notice.stdout, "Vos droits") and "L312-1-3" in notice.stderr
