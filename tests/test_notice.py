"""`iaterr notice` and `iaterr mention`: complete, honest about what is missing, safe with hostile text.

Every sentence follows from a declared field or states the law; a missing element is shown where it belongs and
the command exits 1 (issue #11)."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import ROOT
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo, variant

HOSTILE = ('<script>alert("x")</script> [cliquez](javascript:alert(1)) <img src=x onerror=alert(1)> '
           '**gras** # titre')

#: The collectivité with every channel for requests and its DPO (record format 1.1).
FULL_COLL = dict(COLLECTIVITE, contact_droits="acces-documents@ville-exemple.fr", contact_dpo="dpo@ville-exemple.fr",
                 formulaire_demandes="https://www.ville-exemple.fr/demandes",
                 adresse_postale="Hôtel de ville, 1 place de la Mairie, 31000 Exemple",
                 prada="Direction des affaires juridiques")
#: The crèche points grid as it is: rules set by the council (not an AI system), complete for the GDPR too.
CRECHE = variant(GOOD_DECISION, drop=("contact_droits", "niveau_risque_ia", "domaines_annexe_iii", "url_base_ue"),
                 systeme_ia=False, duree_conservation="Deux ans après la décision.",
                 exercice_droits="Joindre une copie de la décision à la demande.")


def _repo(tmp_path, record, collectivite=None, name="depot"):
    return make_repo(tmp_path / name, [record], collectivite=collectivite if collectivite is not None else FULL_COLL)


def _run(cli, tmp_path, record, *args, command="notice", collectivite=None, name="depot"):
    root = _repo(tmp_path, record, collectivite, name)
    return cli(command, record["identifiant"], "--repo", str(root), *args)


def _section(text: str, title: str) -> str:
    """The Markdown section ``## title`` (up to the next one)."""
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start:end if end > 0 else len(text)]


# ---------------------------------------------------------------- the notice


def test_complete_notice_of_a_decision_making_processing(cli, tmp_path):
    result = _run(cli, tmp_path, CRECHE)
    assert result.exit_code == 0, result.output
    text = result.stdout
    for title in ("Quel rôle joue-t-il dans la décision ?", "Quelles données utilise-t-il ?",
                  "Quels critères prend-il en compte, et avec quel poids ?", "Comment fonctionne-t-il ?", "Vos droits",
                  "Vos données personnelles", "Est-ce de l'intelligence artificielle ?"):
        assert f"## {title}" in text
    assert "Ancienneté de la demande" in text and "40 %" in text
    assert "acces-documents@ville-exemple.fr" in text and "CADA" in text and "un mois" in text
    assert "à compléter" not in text and "Élément manquant" not in text and result.stderr == ""


def test_missing_legal_items_are_shown_and_fail(cli, tmp_path):
    result = _run(cli, tmp_path, variant(CRECHE, drop=("parametres", "operations", "niveau_automatisation")))
    assert result.exit_code == 1
    assert "Notice incomplète" in result.stdout
    assert "Élément manquant : Paramètres et pondération (CRPA, art. R311-3-1-2, 3°)" in result.stdout
    assert "Élément manquant : Opérations effectuées (CRPA, art. R311-3-1-2, 4°)" in result.stdout
    # the degree of automation is item 1° of R311-3-1-2: said missing where item 1° stands
    contribution = _section(result.stdout, "Quel rôle")
    assert "Élément manquant : Niveau d'automatisation (CRPA, art. R311-3-1-2, 1°)" in contribution
    assert "Ne la publiez pas" in result.stderr


@pytest.mark.parametrize("name, section, title, ref", [
    ("finalite", "À quoi sert", "Finalité", "CRPA, art. R311-3-1-1"),
    ("niveau_automatisation", "Quel rôle", "Niveau d'automatisation", "CRPA, art. R311-3-1-2, 1°"),
    ("contribution_decision", "Quel rôle", "Degré et mode de contribution à la décision", "CRPA, art. R311-3-1-2, 1°"),
    ("donnees", "Quelles données", "Données traitées et sources", "CRPA, art. R311-3-1-2, 2°"),
    ("parametres", "Quels critères", "Paramètres et pondération", "CRPA, art. R311-3-1-2, 3°"),
    ("operations", "Comment fonctionne", "Opérations effectuées", "CRPA, art. R311-3-1-2, 4°"),
])
def test_each_missing_legal_item_is_marked_where_it_belongs(cli, tmp_path, name, section, title, ref):
    result = _run(cli, tmp_path, variant(CRECHE, drop=(name,)))
    assert result.exit_code == 1
    marker = f"Élément manquant : {title} ({ref}) — à compléter."
    assert marker in _section(result.stdout, section).replace("\\(", "(").replace("\\)", ")")
    assert f"{title} ({ref})" in result.stderr


@pytest.mark.parametrize("channels, expected", [
    ({"use_case": "demandes-creches@ville-exemple.fr"}, "demandes-creches@ville-exemple.fr"),
    ({"contact_droits": "acces-documents@ville-exemple.fr"}, "acces-documents@ville-exemple.fr"),
    ({"formulaire_demandes": "https://www.ville-exemple.fr/demandes"}, "<https://www.ville-exemple.fr/demandes>"),
    ({"adresse_postale": "Hôtel de ville, 31000 Exemple"}, "par courrier : Hôtel de ville, 31000 Exemple"),
])
def test_any_declared_channel_tells_where_to_send_a_request(cli, tmp_path, channels, expected):
    coll = {k: v for k, v in FULL_COLL.items()
            if k not in ("contact_droits", "formulaire_demandes", "adresse_postale", "prada")}
    coll.update({k: v for k, v in channels.items() if k != "use_case"})
    record = variant(CRECHE, **({"contact_droits": channels["use_case"]} if "use_case" in channels else {}))
    result = _run(cli, tmp_path, record, collectivite=coll)
    assert result.exit_code == 0, result.output
    rights = _section(result.stdout, "Vos droits")
    assert "Adressez votre demande à la Ville d'Exemple :" in rights and expected in rights


def test_the_use_case_address_comes_before_the_collectivite_one(cli, tmp_path):
    result = _run(cli, tmp_path, variant(CRECHE, contact_droits="creches@ville-exemple.fr"))
    rights = _section(result.stdout, "Vos droits")
    assert "creches@ville-exemple.fr" in rights and "acces-documents@ville-exemple.fr" not in rights


def test_no_channel_is_missing_and_the_dpo_is_not_one(cli, tmp_path):
    """A PRADA named without an address, or a DPO, is not where a request for documents can be sent."""
    coll = {k: v for k, v in FULL_COLL.items() if k not in ("contact_droits", "formulaire_demandes",
                                                            "adresse_postale")}
    result = _run(cli, tmp_path, CRECHE, collectivite=coll)
    assert result.exit_code == 1
    rights = _section(result.stdout, "Vos droits")
    assert "Élément manquant : Où adresser une demande" in rights and "(CRPA, art. R311-3-1-1)" in rights
    assert "dpo@ville-exemple.fr" not in rights and "Adressez votre demande" not in rights
    assert "Direction des affaires juridiques" in rights  # the PRADA is said, as declared
    assert "Où adresser une demande" in result.stderr
    mention = _run(cli, tmp_path, CRECHE, command="mention", collectivite=coll, name="autre")
    assert mention.exit_code == 1 and "[À COMPLÉTER : Où adresser une demande" in mention.stdout


def test_unknown_decisions_are_said(cli, tmp_path):
    record = variant(GOOD_SIMPLE, drop=("decisions_individuelles", "niveau_automatisation"))
    result = _run(cli, tmp_path, record)
    assert result.exit_code == 1 and "ne dit pas si ce traitement" in result.stdout


def test_notice_of_a_processing_without_decision_introduces_the_request(cli, tmp_path):
    """No orphan sentence about « la demande »: the request is introduced, its channel named, then the
    deadlines, the CADA before the court, the secrets."""
    result = _run(cli, tmp_path, GOOD_SIMPLE)
    assert result.exit_code == 0, result.output
    assert "ne fonde ni ne prépare de décision individuelle" in result.stdout
    rights = _section(result.stdout, "Vos droits")
    order = ["Vous pouvez demander la communication des documents administratifs qui se rapportent à ce "
             "traitement (CRPA, art. L311-1)", "Adressez votre demande à la Ville d'Exemple :",
             "acces-documents@ville-exemple.fr", "Sans réponse dans le délai d'un mois",
             "deux mois pour saisir la Commission d'accès aux documents administratifs",
             "La saisine de la CADA est obligatoire avant tout recours devant le tribunal administratif "
             "(CRPA, art. L342-1)", "sous réserve des secrets protégés par la loi (CRPA, art. L311-5 et L311-6)"]
    positions = [rights.index(sentence) for sentence in order]
    assert positions == sorted(positions)
    assert "règles qui définissent ce traitement" not in rights  # that right is for individual decisions


def test_notice_of_a_processing_without_decision_and_no_channel(cli, tmp_path):
    coll = {k: v for k, v in FULL_COLL.items() if k not in ("contact_droits", "formulaire_demandes",
                                                            "adresse_postale")}
    result = _run(cli, tmp_path, GOOD_SIMPLE, collectivite=coll)
    assert result.exit_code == 1
    # no decision: a request for documents needs no published address (L311-1): recommended, not required
    assert "Élément recommandé : Où adresser une demande" in _section(result.stdout, "Vos droits")
    assert "(CRPA, art. L311-1)" in result.stderr and "recommandé, non exigé par la loi" in result.stderr


def test_rights_of_a_decision_notice(cli, tmp_path):
    rights = _section(_run(cli, tmp_path, CRECHE).stdout, "Vos droits")
    assert "Vous pouvez obtenir, sur demande, la communication des règles qui définissent ce traitement" in rights
    assert "(CRPA, art. L311-3-1 ; CRPA, art. R311-3-1-2)" in rights
    assert "La personne responsable de l'accès aux documents administratifs (PRADA) traite ces demandes : " \
           "Direction des affaires juridiques." in rights
    assert "(CRPA, art. R311-12 et R311-13)" in rights and "(CRPA, art. R343-1)" in rights
    assert "obligatoire avant tout recours devant le tribunal administratif (CRPA, art. L342-1)" in rights
    assert "secrets protégés par la loi (CRPA, art. L311-5 et L311-6)" in rights
    assert "Pour ce traitement, la collectivité indique" not in rights  # no secret declared: none claimed


def test_declared_secrets_are_said(cli, tmp_path):
    secret = "Les seuils de détection de la fraude ne sont pas communiqués (sécurité publique)."
    rights = _section(_run(cli, tmp_path, variant(CRECHE, secrets_proteges=secret)).stdout, "Vos droits")
    assert f"Pour ce traitement, la collectivité indique : {secret}" in rights.replace("\\(", "(").replace("\\)", ")")


# ---------------------------------------------------------------- personal data


def test_personal_data_section(cli, tmp_path):
    section = _section(_run(cli, tmp_path, CRECHE).stdout, "Vos données personnelles")
    for expected in ("(RGPD, art. 13 et 14)", "**Responsable du traitement** : Ville d'Exemple",
                     "**Délégué à la protection des données** : dpo@ville-exemple.fr",
                     "**Finalité du traitement** : Attribuer les places en crèche",
                     "**Base légale du traitement** : Code de l'action sociale et des familles",
                     "**Durée de conservation des données** : Deux ans après la décision.",
                     "(RGPD, art. 15 à 21)", "adressez-vous au délégué à la protection des données indiqué "
                     "ci-dessus", "réclamation à la Commission nationale de l'informatique et des libertés",
                     "(RGPD, art. 77)"):
        assert expected in section, expected


@pytest.mark.parametrize("where, name, title", [
    ("coll", "contact_dpo", "Délégué à la protection des données"),
    ("cas", "base_legale", "Base légale"),
    ("cas", "duree_conservation", "Durée de conservation des données"),
])
def test_each_missing_personal_data_item_fails(cli, tmp_path, where, name, title):
    record = variant(CRECHE, drop=(name,)) if where == "cas" else CRECHE
    coll = {k: v for k, v in FULL_COLL.items() if k != name}
    result = _run(cli, tmp_path, record, collectivite=coll)
    assert result.exit_code == 1
    section = _section(result.stdout, "Vos données personnelles")
    assert f"Élément manquant : {title} (RGPD, art. 13 et 14) — à compléter." in section
    assert f"{title} (RGPD, art. 13 et 14)" in result.stderr


def test_no_personal_data_no_section(cli, tmp_path):
    result = _run(cli, tmp_path, GOOD_SIMPLE)  # its one data source is declared not personal
    assert "Vos données personnelles" not in result.stdout and "RGPD" not in result.stdout
    assert "dpo@ville-exemple.fr" not in result.stdout


def test_personal_data_not_declared_is_said_not_denied(cli, tmp_path):
    record = variant(GOOD_SIMPLE, donnees=[{"nom": "Débits de nuit", "source": "interne"}])
    result = _run(cli, tmp_path, record)
    assert result.exit_code == 1
    section = _section(result.stdout, "Vos données personnelles")
    assert "La fiche ne dit pas si ces données sont personnelles : « Débits de nuit »." in section
    assert "Élément manquant : Caractère personnel des données traitées (RGPD, art. 13 et 14)" in section
    assert "Responsable du traitement" not in section  # nothing claimed either way


# ---------------------------------------------------------------- AI Act


def test_a_rules_only_processing_is_not_an_ai_system(cli, tmp_path):
    """The crèche points grid: systeme_ia false, so no risk tier, even one left in the record (a tier or areas
    that contradict the declaration are a contradiction: test_notice_revue2)."""
    record = variant(CRECHE, niveau_risque_ia="minimal")
    section = _section(_run(cli, tmp_path, record).stdout, "Est-ce de l'intelligence")
    assert "La collectivité déclare que ce traitement n'est pas un système d'intelligence artificielle au sens " \
           "du règlement européen sur l'IA (Règlement (UE) 2024/1689, art. 3(1)) : les obligations de ce " \
           "règlement ne s'y appliquent pas." in section
    assert "risque" not in section.lower() and "annexe III" not in section


def test_ai_system_not_declared_is_said(cli, tmp_path):
    section = _section(_run(cli, tmp_path, variant(CRECHE, drop=("systeme_ia",))).stdout, "Est-ce de l'intelligence")
    assert "La fiche ne dit pas si ce traitement est un système d'intelligence artificielle" in section


@pytest.mark.parametrize("today, expected", [("2026-11-22", "applicable à partir du 2 décembre 2027"),
                                             ("2028-01-10", "applicable depuis le 2 décembre 2027")])
def test_high_risk_duties_are_announced_with_their_date(cli, tmp_path, monkeypatch, today, expected):
    monkeypatch.setenv("IATERR_AUJOURDHUI", today)
    # not yet in use: the Annex III date (one in use before it has until the art. 111(2) date: test_notice_revue)
    record = variant(CRECHE, systeme_ia=True, type_algorithme=["apprentissage_automatique"], niveau_risque_ia="eleve",
                     domaines_annexe_iii=["prestations_publiques"], statut="en_construction", date_debut="2027-06",
                     url_base_ue="https://ec.europa.eu/ai-database/entry/1234",
                     url_base_ue_fournisseur="https://ec.europa.eu/ai-database/entry/0001")
    section = _section(_run(cli, tmp_path, record).stdout, "Est-ce de l'intelligence")
    assert "La collectivité déclare que ce traitement est un système d'intelligence artificielle" in section
    assert "**Niveau de risque** : Risque élevé" in section
    assert f"Obligations des systèmes à haut risque de l'annexe III (Règlement (UE) 2024/1689, art. 6(2) et " \
           f"annexe III) : {expected}." in section
    assert f"(Règlement (UE) 2024/1689, art. 86) : {expected}." in section
    assert "**Enregistrement de son utilisation par la collectivité dans la base de données de l'UE** : " \
           "<https://ec.europa.eu/ai-database/entry/1234>" in section
    assert "**Entrée du fournisseur dans la base de données de l'UE** : " \
           "<https://ec.europa.eu/ai-database/entry/0001>" in section


def test_transparency_duties_are_in_force(cli, tmp_path):
    record = variant(GOOD_SIMPLE, systeme_ia=True, interaction_public=True, niveau_risque_ia="limite")
    section = _section(_run(cli, tmp_path, record).stdout, "Est-ce de l'intelligence")
    assert "(Règlement (UE) 2024/1689, art. 50) : applicable depuis le 2 août 2026." in section


# ---------------------------------------------------------------- formats, languages, safety


def test_html_notice_is_standalone_printable_and_accessible(cli, tmp_path):
    html = _run(cli, tmp_path, CRECHE, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "@media print" in html and "<main" in html and "<h1>" in html
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', html)  # no external resource at all
    assert html.count("<h2") >= 8
    text = htmllib.unescape(html)
    assert '<a href="mailto:acces-documents@ville-exemple.fr">' in html and "Vos données personnelles" in text
    assert "La saisine de la CADA est obligatoire avant tout recours" in text


def test_english_notice(cli, tmp_path):
    text = _run(cli, tmp_path, CRECHE, "--lang", "en").stdout
    assert "# Explicability notice" in text and "Your rights" in text and "two months" in text
    assert "**Purpose**: " in text and "Referral to the CADA is required before any appeal" in text


def test_hostile_text_cannot_run_or_break(cli, tmp_path):
    record = variant(CRECHE, description=HOSTILE, finalite=HOSTILE, operations=HOSTILE, secrets_proteges=HOSTILE,
                     duree_conservation=HOSTILE, partenaires=[HOSTILE],
                     parametres=[{"nom": HOSTILE, "ponderation": HOSTILE}],
                     donnees=[{"nom": HOSTILE, "source": "usager", "personnelles": True}])
    coll = dict(FULL_COLL, adresse_postale=HOSTILE, prada=HOSTILE)
    root = _repo(tmp_path, record, coll)
    for command in ("notice", "mention"):
        html = cli(command, record["identifiant"], "--repo", str(root), "--format", "html").stdout
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "javascript:alert" not in html.replace("[cliquez](javascript:alert(1))", "")
        assert "&lt;script&gt;alert" in html
        md = cli(command, record["identifiant"], "--repo", str(root)).stdout
        # every markup character of the record is backslash-escaped: shown as written, never interpreted
        assert "](javascript:" not in md and not re.search(r"(?<!\\)<(script|img)", md)
        assert "\\[cliquez\\]" in md


def test_restricted_fields_never_appear(cli, tmp_path):
    from iaterr.model import CasUsage
    from test_export import _mark_restricted

    record = variant(CRECHE)
    markers = _mark_restricted(CasUsage, record)
    root = _repo(tmp_path, record)
    for fmt in ("md", "html"):
        text = cli("notice", record["identifiant"], "--repo", str(root), "--format", fmt).stdout
        assert not any(marker in text for marker in markers)


# ---------------------------------------------------------------- the mention explicite


def test_mention_explicite(cli, tmp_path):
    result = _run(cli, tmp_path, CRECHE, command="mention")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Information sur l'utilisation d'un traitement algorithmique" in text
    assert "Cette décision a été prise sur le fondement d'un traitement algorithmique." in text
    assert "Ce traitement a aidé à la préparer ; une personne a pris la décision." in text  # aide_decision declared
    assert CRECHE["finalite"] in text and "acces-documents@ville-exemple.fr" in text
    assert "CRPA, art. L311-3-1" in text and text.rstrip().endswith("Ville d'Exemple")
    assert "https://www.ville-exemple.fr/algorithmes/creches" in text
    assert "Direction des affaires juridiques" in text
    for law in ("(CRPA, art. R311-12 et R311-13)", "(CRPA, art. R343-1)", "(CRPA, art. L342-1)"):
        assert law in text
    assert "dpo@ville-exemple.fr" not in text


def test_mention_without_a_declared_degree_asserts_none(cli, tmp_path):
    """Issue #11, first error: « Une personne a pris cette décision » was said of a record that says nothing."""
    result = _run(cli, tmp_path, variant(CRECHE, drop=("niveau_automatisation",)), command="mention")
    assert result.exit_code == 1
    assert "personne a pris" not in result.stdout.lower() and "automatis" not in result.stdout
    assert "Cette décision a été prise sur le fondement d'un traitement algorithmique." in result.stdout
    assert "niveau_automatisation" in result.stderr


@pytest.mark.parametrize("level, sentence", [
    ("decision_assistee", "Elle a été en partie automatisée, puis validée par une personne."),
    ("decision_automatisee", "Elle a été entièrement automatisée."),
])
def test_mention_states_the_declared_degree(cli, tmp_path, level, sentence):
    # a fully automated decision is allowed only on an algorithm that does not revise itself (2018-765 DC)
    result = _run(cli, tmp_path, variant(CRECHE, niveau_automatisation=level, revision_autonome=False),
                  command="mention")
    assert result.exit_code == 0, result.output
    assert sentence in result.stdout
    assert "personne a pris" not in result.stdout


def test_mention_with_an_inconsistent_degree_says_none(cli, tmp_path):
    result = _run(cli, tmp_path, variant(CRECHE, niveau_automatisation="sans_decision"), command="mention")
    assert result.exit_code == 1 and "personne a pris" not in result.stdout and "Aucune décision" not in result.stdout


def test_mention_for_a_processing_without_decision(cli, tmp_path):
    result = _run(cli, tmp_path, GOOD_SIMPLE, command="mention")
    assert result.exit_code == 1 and result.stdout == "" and "aucune mention explicite" in result.stderr


def test_incomplete_mention(cli, tmp_path):
    result = _run(cli, tmp_path, variant(CRECHE, drop=("finalite",)), command="mention")
    assert result.exit_code == 1 and "[À COMPLÉTER : Finalité]" in result.stdout
    assert "Mention incomplète" in result.stderr


def test_mention_html(cli, tmp_path):
    html = _run(cli, tmp_path, CRECHE, "--format", "html", command="mention").stdout
    text = htmllib.unescape(html)
    assert html.startswith('<section class="mention-explicite"') and "<script" not in html
    assert '<a href="mailto:acces-documents@ville-exemple.fr">' in html
    assert "La saisine de la CADA est obligatoire avant tout recours" in text


# ---------------------------------------------------------------- the command


def test_unknown_identifier(cli):
    result = cli("notice", "sicoval-detection", "--repo", str(ROOT))
    assert result.exit_code == 2 and "sicoval-detection-fuites-eau" in result.stderr


def test_output_file(cli, tmp_path):
    out = tmp_path / "notice.html"
    result = cli("notice", "sicoval-detection-fuites-eau", "--repo", str(ROOT), "--format", "html", "-o", str(out))
    # the Sicoval declares no address for requests yet: written, and said incomplete
    assert result.exit_code == 1 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_unknown_format(cli, fmt):
    assert cli("notice", "sicoval-detection-fuites-eau", "--repo", str(ROOT), "--format", fmt).exit_code == 2


@pytest.mark.parametrize("command", ["notice", "mention"])
def test_a_record_written_with_the_yml_extension_is_found(cli, tmp_path, command):
    root = _repo(tmp_path, CRECHE)
    folder = root / "data" / "cas-usage"
    (folder / f"{CRECHE['identifiant']}.yaml").rename(folder / f"{CRECHE['identifiant']}.yml")
    result = cli(command, CRECHE["identifiant"], "--repo", str(root))
    assert result.exit_code == 0, result.output
    assert CRECHE["finalite"] in result.stdout


def test_a_value_cannot_forge_a_slot_of_a_sentence():
    """HTML sentences put each escaped value in once: a value holding the marker of another slot stays text."""
    from iaterr.publish.notice import Notice, Ours, Phrase

    n = Notice("fr", "x", "x", "Ville", {}, {}, True)
    out = str(n.html(Phrase("reponse.intro", {"la_collectivite": "\ue0001\ue001<b>", "nom": "<i>", "ref": Ours("R")})))
    assert "En réponse à votre demande, \ue0001\ue001&lt;b&gt; vous communique" in out
    assert "« &lt;i&gt; »" in out and out.endswith("(R).")
