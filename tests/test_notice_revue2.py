"""The second legal review of issue #11 on the notice, the mention and the answer to one person, reproduced on the
reviewer's setup (test_notice_revue: a migrated copy of data/, Sicoval with request channels and 900 agents, the
housing-aid record). Each test first states what the reviewer saw; items are numbered as in the second review."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import test_notice_revue as first
from lint_fixtures import variant
from test_notice_revue import AIDE, FORBIDDEN, _plain, _run, _section

#: the reviewer's repository (the first review's fixtures, reused)
revue = first.revue
migrated_copy = first.migrated_copy

PERSON = ("parametres:\n  - nom: Ressources du foyer\n    valeur: 14 000 €\n"
          "  - nom: Composition du foyer\n    valeur: 3 personnes\n"
          "  - nom: Ancienneté de la demande\n    valeur: 9 mois\n    ponderation: aucune\n")


def _person(tmp_path: Path) -> Path:
    path = tmp_path / "personne.yaml"
    path.write_text(PERSON, encoding="utf-8")
    return path


def _answer(cli, root: Path, record, tmp_path: Path, *args: str, lang: str = "fr"):
    return _run(cli, root, record, "--pour", str(_person(tmp_path)), *args, lang=lang)


def _ai(text: str) -> str:
    return _section(_plain(text), "Est-ce de l'intelligence")


# ---------------------------------------------------------------- item 1: the answer to one person


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_answer_to_one_person_refuses_a_forbidden_decision(cli, revue, tmp_path, fmt):
    """Seen: `notice --pour` exited 0 with no « ⛔ » banner on a forbidden fully automated decision."""
    result = _answer(cli, revue, FORBIDDEN, tmp_path, "--format", fmt)
    assert result.exit_code == 1, result.output
    out = html.unescape(_plain(result.stdout))
    assert "⛔" in out and "Ne pas utiliser" in out
    assert "cette réponse ne peut pas être envoyée en l'état" in out
    assert "ne peut pas reposer sur des données sensibles" in out
    assert "« procedure_objection »" in out  # the missing appeal is named
    assert "interdit par la loi" in result.stderr and "N'envoyez pas cette réponse" in result.stderr
    # the banner comes before the answer itself
    assert out.index("Ne pas utiliser") < out.index("En réponse à votre demande")


def test_an_answer_with_nothing_forbidden_has_no_banner(cli, revue, tmp_path):
    result = _answer(cli, revue, AIDE, tmp_path)
    assert result.exit_code == 0, result.output
    assert "⛔" not in result.stdout


# ---------------------------------------------------------------- item 2: systeme_ia false, contradicted


def test_a_contradicted_not_ai_declaration_is_not_published_as_settled(cli, revue):
    """Seen (v4C): « … n'est pas un système d'intelligence artificielle … : les obligations de ce règlement ne s'y
    appliquent pas. », exit 0, on a machine-learning Annex III 5(a) high-risk record."""
    result = _run(cli, revue, variant(AIDE, systeme_ia=False))
    assert result.exit_code == 1, result.output
    ai = _ai(result.stdout)
    assert "ne s'y appliquent pas" not in ai
    assert "mais d'autres réponses de la fiche le contredisent" in ai and "« Type d'algorithme »" in ai
    assert "Élément manquant : Système d'intelligence artificielle : la réponse « non » est contredite par " \
           "d'autres réponses de la fiche (Règlement (UE) 2024/1689, art. 3(1))" in ai
    assert "Obligations des systèmes à haut risque" not in ai and "art. 86" not in ai
    assert "contredite" in result.stderr


def test_a_not_ai_declaration_the_record_supports_still_stands(cli, revue):
    """The rules-only case: no learning kind, no tier, no area — the declaration is what the notice says."""
    record = variant(AIDE, systeme_ia=False, type_algorithme=["regles"],
                     drop=("niveau_risque_ia", "domaines_annexe_iii"))
    result = _run(cli, revue, record)
    assert "les obligations de ce règlement ne s'y appliquent pas" in _ai(result.stdout)
    assert "contredite" not in result.output


# ---------------------------------------------------------------- item 3: assisted decision, sensitive data


def test_an_assisted_decision_on_sensitive_self_revising_data_is_to_be_checked_everywhere(cli, revue, tmp_path):
    """Seen (vS): notice and mention exited 0 with no warning; the reason did not name the two facts."""
    record = variant(AIDE, niveau_automatisation="decision_assistee", donnees_sensibles=True, revision_autonome=True)
    for result in (_run(cli, revue, record), _run(cli, revue, record, command="mention"),
                   _answer(cli, revue, record, tmp_path)):
        err = _plain(result.stderr)
        assert "À vérifier avec le service juridique" in err, result.output
        assert "Décision entièrement automatisée" in err
        assert "donnees_sensibles : oui" in err and "revision_autonome : oui" in err
        assert "⛔" not in result.stdout  # to be checked, not forbidden


# ---------------------------------------------------------------- item 4: « à vérifier » / « à préciser »


def _without_headcount(root: Path) -> None:
    coll = root / "data" / "collectivites" / "sicoval.yaml"
    coll.write_text(re.sub(r"(?m)^nombre_agents:.*\n", "", coll.read_text(encoding="utf-8")), encoding="utf-8")


def test_an_unknown_headcount_presumes_the_published_rules(cli, revue):
    """Seen (4a): nombre_agents absent, crpa-publication « à préciser », notice and mention exit 0 and say nothing
    about published rules."""
    _without_headcount(revue)
    record = variant(AIDE, drop=("url_regles_publiees",))
    notice = _run(cli, revue, record)
    assert notice.exit_code == 1, notice.output
    droits = _plain(_section(notice.stdout, "Vos droits"))
    assert "Élément manquant : Règles publiées — dues sauf si la collectivité en est dispensée par son effectif" \
           in droits and "(CRPA, art. L312-1-3 ; CRPA, art. D312-1-4)" in droits
    mention = _run(cli, revue, record, command="mention")
    assert mention.exit_code == 1, mention.output
    assert "[À COMPLÉTER : Règles publiées]" in _plain(mention.stdout)
    for result in (notice, mention):
        assert "À préciser dans la fiche" in result.stderr and "Publication en ligne des règles" in result.stderr
    # rules published: nothing to complete, the open question is still said
    done = _run(cli, revue, AIDE)
    assert done.exit_code == 0 and "Règles publiées" not in _plain(done.stderr).split("Notice")[0] \
        and "À préciser dans la fiche" in done.stderr


def test_decisions_for_agents_only_are_said_to_be_checked(cli, revue, tmp_path):
    """Seen (4b): crpa-decision « à vérifier », mention and notice exit 0 with no warning."""
    record = variant(AIDE, destinataires_decisions=["agents"])
    for result in (_run(cli, revue, record), _run(cli, revue, record, command="mention"),
                   _answer(cli, revue, record, tmp_path)):
        assert "À vérifier avec le service juridique" in result.stderr, result.output
        assert "Décision individuelle (CRPA)" in result.stderr and "seuls agents" in result.stderr


def test_the_reviewers_record_has_no_open_question(cli, revue):
    result = _run(cli, revue, AIDE)
    assert result.exit_code == 0 and result.stderr == "", result.output


# ---------------------------------------------------------------- item 7: art. 49(4)


def test_a_non_public_registration_hides_the_providers_entry_too(cli, revue):
    """Seen (v11): « Entrée du fournisseur dans la base de données de l'UE : <…/entry/0001> » on a police use."""
    url = "https://ec.europa.eu/ai-database/entry/0001"
    assert url in _run(cli, revue, variant(AIDE, url_base_ue_fournisseur=url)).stdout
    police = _run(cli, revue, variant(AIDE, url_base_ue_fournisseur=url, domaines_annexe_iii=["police"]))
    assert url not in police.stdout and "Entrée du fournisseur" not in police.stdout


# ---------------------------------------------------------------- item 8: art. 13(2)(f), the consequences


def test_a_fully_automated_decision_states_its_envisaged_consequences(cli, revue):
    """Seen: « son importance et ses conséquences pour vous, par le degré et le mode… (point 1) », no consequence
    stated."""
    record = variant(AIDE, niveau_automatisation="decision_automatisee")
    result = _run(cli, revue, record)
    assert result.exit_code == 1
    rgpd = _plain(_section(result.stdout, "Vos données personnelles"))
    assert "Élément manquant : Portée de la décision (RGPD, art. 13(2)(f) et 14(2)(g))" in rgpd
    assert "par le degré et le mode de sa contribution à la décision (point 1)" not in rgpd
    said = _run(cli, revue, variant(record, portee_decision="Octroi ou refus de l'aide au logement."))
    assert said.exit_code == 0, said.output
    rgpd = _plain(_section(said.stdout, "Vos données personnelles"))
    assert "**Conséquences envisagées pour vous (portée de la décision)** : Octroi ou refus de l'aide au logement." \
           in rgpd


# ---------------------------------------------------------------- item 9: « et », recipients


def test_personal_data_are_all_listed_and_recipients_said_unnamed(cli, revue):
    """Seen: « données personnelles : « Revenus du foyer » ou « Composition du foyer » »; recipients never given."""
    sources = [{"nom": "Revenus du foyer", "source": "usager", "personnelles": True},
               {"nom": "Composition du foyer", "source": "usager", "personnelles": True}]
    record = variant(AIDE, donnees=sources)
    fr = _plain(_section(_run(cli, revue, record).stdout, "Vos données personnelles"))
    assert "données personnelles : « Revenus du foyer » et « Composition du foyer »." in fr
    assert "**Destinataires des données** : la fiche ne les indique pas" in fr
    en = _plain(_run(cli, revue, record, lang="en").stdout)
    assert "personal data: “Revenus du foyer” and “Composition du foyer”." in en
    assert "**Recipients of the data**: not given by the record" in en


# ---------------------------------------------------------------- item 13: R343-1


def test_the_partial_refusal_is_cada_doctrine_not_r343_1(cli, revue, tmp_path):
    """Seen: « ce qui vaut refus partiel » in the answer, « R343-1 : une communication incomplète vaut refus
    partiel » in docs/notice.md."""
    result = _answer(cli, revue, AIDE, tmp_path)
    assert "ce qui vaut refus partiel" not in result.stdout
    assert "dans les deux mois suivant la réception de cette réponse (CRPA, art. R343-1) : la CADA traite une " \
           "communication incomplète comme un refus partiel." in result.stdout
    docs = (Path(__file__).parent.parent / "docs" / "notice.md").read_text(encoding="utf-8")
    assert "R343-1 : une communication incomplète vaut refus partiel" not in docs
    assert "doctrine de la CADA" in docs


# ---------------------------------------------------------------- item 14: smaller


def test_the_real_issy_notice_says_systeme_ia_missing_once(cli, revue):
    """Seen: « ⚠ Élément manquant : Système d'intelligence artificielle… » twice in the AI section."""
    issy = "issy-les-moulineaux-issygpt"
    path = revue / "data" / "cas-usage" / f"{issy}.yaml"
    # the reviewer's case: it talks with the public and declares an Annex III area, without systeme_ia
    path.write_text(path.read_text(encoding="utf-8") + "domaines_annexe_iii:\n- education\n", encoding="utf-8")
    result = cli("notice", issy, "--repo", str(revue))
    assert result.exit_code == 1
    assert _plain(result.stdout).count("⚠ Élément manquant : Système d'intelligence artificielle") == 1


def test_english_lists_use_english_spacing(cli, revue, tmp_path):
    """Seen: English answer « Source: Provided by the user ; Collection »."""
    record = variant(AIDE, donnees=[{"nom": "Dossier", "source": "usager", "mode_collecte": "manuelle",
                                     "personnelles": True}])
    for result in (_answer(cli, revue, record, tmp_path, lang="en"), _run(cli, revue, record, lang="en")):
        assert "user; Collection" in result.stdout and "user ; Collection" not in result.stdout, result.stdout
    fr = _run(cli, revue, record)
    assert "l'usager ; Collecte" in fr.stdout


def test_the_html_notice_never_says_no_personal_data_when_the_record_does_not_say(cli, revue):
    """Found on the way: the HTML notice printed « Données personnelles : non » for « personnelles: null »."""
    record = variant(AIDE, donnees=[{"nom": "Dossier", "source": "usager", "personnelles": None}])
    page = html.unescape(_run(cli, revue, record, "--format", "html").stdout)
    assert "Données personnelles : non" not in page and "Dossier" in page
