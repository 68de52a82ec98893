"""Which regimes apply to a use case, and why: ``qualify`` on real records of data/ and on edited copies
of them (one per branch), ``iaterr qualification``, and the questions that feed it."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from ruamel.yaml import YAML

from conftest import ROOT
from iaterr.model import CasUsage
from iaterr.model.droit import TEXTES, depuis
from iaterr.model.qualification import (
    A_PRECISER,
    A_VENIR,
    A_VERIFIER,
    APPLIQUE,
    INTERDIT,
    NON_APPLICABLE,
    REGIMES,
    dpia_criteria,
    dpia_required,
    personal_data,
    qualify,
)
from iaterr.model.questions import CONDITIONS, applies, plan
from iaterr.repo.yamlio import read_document

TODAY = date(2026, 11, 22)  # as IATERR_AUJOURDHUI in conftest

ISSY = "issy-les-moulineaux-issygpt"
CALLBOT = "aix-marseille-provence-callbot-encombrants"
FUITES = "sicoval-detection-fuites-eau"


def real(ident: str) -> dict:
    """A record of data/ as written (booleans as the text ``true``/``false``, as lint reads them)."""
    path = ROOT / "data" / "cas-usage" / f"{ident}.yaml"
    return read_document(path.read_bytes(), path.name).data


def coll(ident: str, **changes) -> dict:
    path = ROOT / "data" / "collectivites" / f"{ident}.yaml"
    return {**read_document(path.read_bytes(), path.name).data, **changes}


def edited(ident: str, **changes) -> dict:
    cas = real(ident)
    cas.update(changes)
    return cas


def status(q, code: str) -> str:
    return q.regime(code).statut


def texts(q, code: str, lang: str = "fr") -> str:
    return " ".join(m.texte(lang) for m in q.regime(code).motifs)


# ---------------------------------------------------------------- real records, as they are


def test_issygpt_as_recorded_says_what_is_missing():
    cas = real(ISSY)
    q = qualify(cas, coll("issy-les-moulineaux"), TODAY)
    assert [r.code for r in q.regimes] == list(REGIMES)
    # no individual decision: neither the CRPA nor publication nor art. 22
    assert status(q, "crpa-decision") == NON_APPLICABLE
    assert status(q, "crpa-publication") == NON_APPLICABLE
    assert status(q, "rgpd-decision-automatisee") == NON_APPLICABLE
    # a 1.0 record does not say whether it is an AI system: every AI Act duty waits on it, with a hint
    assert q.regime("ria-systeme").champs == ("systeme_ia",)
    assert "IA générative" in texts(q, "ria-systeme")
    for code in ("ria-maitrise", "ria-interdit", "ria-haut-risque", "ria-transparence"):
        assert status(q, code) == A_PRECISER and q.regime(code).champs == ("systeme_ia",)
    # the users' questions: personal or not, the record does not say
    assert status(q, "rgpd") == A_PRECISER
    assert q.regime("rgpd").champs == ("donnees[1].personnelles",)
    assert "Questions posées par les utilisateurs" in texts(q, "rgpd")
    assert status(q, "rgpd-aipd") == A_PRECISER
    assert q.champs == ["systeme_ia", "donnees[1].personnelles"]


def test_issygpt_completed_as_an_ai_chatbot():
    cas = real(ISSY)
    cas["donnees"][1]["personnelles"] = "true"
    cas.update(systeme_ia="true", contenu_genere_publie="false", formation_ia="Formation de l'équipe web.",
               duree_conservation="Un an.")
    q = qualify(cas, coll("issy-les-moulineaux"), TODAY)
    assert status(q, "ria-systeme") == APPLIQUE
    literacy = q.regime("ria-maitrise")
    assert literacy.statut == APPLIQUE and literacy.depuis == depuis("ria.art4")
    assert literacy.statut_texte("fr") == "s'applique depuis le 2 février 2025"
    assert "formation_ia" not in texts(q, "ria-maitrise")  # it says how
    transparency = q.regime("ria-transparence")
    assert transparency.statut == APPLIQUE and transparency.depuis == date(2026, 8, 2)
    assert "interaction_public" in texts(q, "ria-transparence")
    assert status(q, "ria-interdit") == NON_APPLICABLE and "Risque limité" in texts(q, "ria-interdit")
    assert status(q, "ria-haut-risque") == NON_APPLICABLE
    assert status(q, "rgpd") == APPLIQUE
    # one criterion (an AI system: an innovative use): no DPIA on that ground, the CNIL list is recalled
    assert status(q, "rgpd-aipd") == NON_APPLICABLE
    assert "CNIL" in texts(q, "rgpd-aipd") and "2018-327" in texts(q, "rgpd-aipd")
    assert not q.a_preciser and not q.interdits


def test_before_2_august_2026_transparency_is_announced_with_its_date():
    cas = edited(ISSY, systeme_ia=True)
    q = qualify(cas, None, date(2026, 5, 1))
    r = q.regime("ria-transparence")
    assert r.statut == A_VENIR and r.depuis == date(2026, 8, 2)
    assert r.statut_texte("fr") == "à partir du 2 août 2026"
    assert r.statut_texte("en") == "from 2 August 2026"


def test_a_record_without_decision_nor_personal_data():
    q = qualify(real(FUITES), coll("sicoval"), TODAY)
    assert status(q, "crpa-decision") == NON_APPLICABLE
    assert "decisions_individuelles" in texts(q, "crpa-decision")
    assert status(q, "rgpd") == NON_APPLICABLE
    assert status(q, "rgpd-aipd") == NON_APPLICABLE
    assert status(q, "ria-systeme") == A_PRECISER  # machine learning: most likely an AI system, to be said
    assert "Apprentissage automatique" in texts(q, "ria-systeme")


def test_every_real_record_is_qualified_in_both_languages_without_a_hole():
    for path in sorted((ROOT / "data" / "cas-usage").glob("*.yaml")):
        cas = read_document(path.read_bytes(), path.name).data
        q = qualify(cas, None, TODAY)
        for r in q.regimes:
            assert set(r.references) <= set(TEXTES), (path.name, r.code)
            for lang in ("fr", "en"):
                shown = [r.titre(lang), r.statut_texte(lang), *(m.texte(lang) for m in r.motifs)]
                for text in shown:
                    assert text and not re.search(r"\{\w+\}|qualif\.", text), (path.name, r.code, text)


# ---------------------------------------------------------------- the CRPA


def _decides(**changes):
    return edited(CALLBOT, decisions_individuelles="true", niveau_automatisation="aide_decision", **changes)


def test_crpa_applies_to_legal_persons_whatever_the_human_involvement():
    q = qualify(_decides(destinataires_decisions=["personnes_morales"]), coll("aix-marseille-provence"), TODAY)
    r = q.regime("crpa-decision")
    assert r.statut == APPLIQUE
    assert r.references == ("crpa.L311-3-1", "crpa.R311-3-1-1", "crpa.R311-3-1-2")
    assert "Personnes morales" in texts(q, "crpa-decision")
    assert "Aide à la décision" in texts(q, "crpa-decision")  # decision support counts too
    assert "rédaction" in texts(q, "crpa-decision")


def test_crpa_without_recipients_is_to_be_specified():
    q = qualify(_decides(), None, TODAY)
    assert status(q, "crpa-decision") == A_PRECISER
    assert q.regime("crpa-decision").champs == ("destinataires_decisions",)
    assert status(q, "crpa-publication") == A_PRECISER


def test_decisions_about_staff_only_are_left_to_the_legal_department():
    q = qualify(_decides(destinataires_decisions=["agents"]), None, TODAY)
    r = q.regime("crpa-decision")
    assert r.statut == A_VERIFIER
    said = texts(q, "crpa-decision")
    assert "service juridique" in said and "RGPD, art. 22" in said and "4. Emploi" in said
    assert "n'affirme pas" in said
    assert status(q, "crpa-publication") == A_VERIFIER
    # not to be specified: the record is complete, the law does not settle it
    assert r not in q.a_preciser
    # staff as recipients: vulnerable people for the EDPB
    assert "personnes_vulnerables" in dpia_criteria(q_cas := _decides(destinataires_decisions=["agents"]))
    assert dpia_criteria(q_cas)["personnes_vulnerables"]["fr"] == "« destinataires_decisions: agents »"


@pytest.mark.parametrize(("agents", "expected", "said"), [
    (None, A_PRECISER, "ne déclare pas son effectif"),
    (30, NON_APPLICABLE, "30 agents, moins de 50"),
    (49, NON_APPLICABLE, "49 agents"),
    (50, APPLIQUE, "50 agents"),
    (900, APPLIQUE, "900 agents"),
])
def test_publication_threshold_of_d312_1_4(agents, expected, said):
    collectivite = coll("aix-marseille-provence", **({"nombre_agents": agents} if agents is not None else {}))
    q = qualify(_decides(destinataires_decisions=["personnes_physiques"]), collectivite, TODAY)
    r = q.regime("crpa-publication")
    assert r.statut == expected
    assert said in texts(q, "crpa-publication")
    assert "crpa.D312-1-4" in r.references
    if expected == NON_APPLICABLE:  # the exemption never touches the mention nor communication on request
        assert "CRPA, art. D312-1-4" in texts(q, "crpa-publication")
        assert "communication des règles sur demande restent dues" in texts(q, "crpa-publication")
        assert status(q, "crpa-decision") == APPLIQUE
    if agents is None:
        assert r.champs == ("collectivite.nombre_agents",)


# ---------------------------------------------------------------- the AI Act


def test_rules_only_is_outside_the_ai_act():
    # a minimal tier is no contradiction (a limited, high or unacceptable one is: see the second review, item 2)
    cas = edited(CALLBOT, systeme_ia="false", type_algorithme=["regles"], niveau_risque_ia="minimal")
    q = qualify(cas, None, TODAY)
    assert status(q, "ria-systeme") == NON_APPLICABLE and not q.contradictions
    assert "barème" not in texts(q, "ria-systeme") and "systeme_ia : non" in texts(q, "ria-systeme")
    for code in ("ria-maitrise", "ria-interdit", "ria-haut-risque", "ria-transparence"):
        assert status(q, code) == NON_APPLICABLE, code
        assert "ne s'applique pas" in texts(q, code)


def test_rules_only_contradicted_by_a_learning_kind_is_to_be_checked():
    # the callbot declares natural language processing and a limited tier
    cas = edited(CALLBOT, systeme_ia="false", niveau_risque_ia="minimal")
    q = qualify(cas, None, TODAY)
    assert status(q, "ria-systeme") == A_VERIFIER
    assert q.regime("ria-systeme").contradictoires == ("systeme_ia", "type_algorithme")
    assert "Traitement automatique du langage" in texts(q, "ria-systeme")


def test_a_prohibited_practice_is_forbidden():
    q = qualify(edited(CALLBOT, systeme_ia=True, niveau_risque_ia="inacceptable"), None, TODAY)
    assert status(q, "ria-interdit") == INTERDIT
    assert q.interdits == [q.regime("ria-interdit")]


def test_unassessed_tier_is_to_be_specified():
    q = qualify(edited(CALLBOT, systeme_ia=True, niveau_risque_ia="non_evalue"), None, TODAY)
    assert status(q, "ria-interdit") == A_PRECISER
    assert q.regime("ria-interdit").champs == ("niveau_risque_ia",)


def _annex(**changes):
    """The callbot as an Annex III system not yet in use (being built)."""
    base = {"systeme_ia": "true", "domaines_annexe_iii": ["prestations_publiques"], "niveau_risque_ia": "eleve",
            "statut": "en_construction"}
    return edited(CALLBOT, **{**base, **changes})


def test_annex_iii_duties_from_2_december_2027():
    q = qualify(_annex(), None, TODAY)
    r = q.regime("ria-haut-risque")
    assert r.statut == A_VENIR and r.depuis == date(2027, 12, 2)
    assert r.statut_texte("fr") == "à partir du 2 décembre 2027"
    assert {"ria.annexe-iii", "ria.art26", "ria.art27", "ria.art49", "ria.art86"} <= set(r.references)
    assert "ria.art111-2" not in r.references
    # on that day, it applies
    later = qualify(_annex(), None, date(2027, 12, 2)).regime("ria-haut-risque")
    assert later.statut == APPLIQUE and later.statut_texte("en") == "applies since 2 December 2027"


def test_a_public_authority_system_already_in_service_has_until_2030():
    q = qualify(_annex(statut="en_deploiement"), None, TODAY)
    r = q.regime("ria-haut-risque")
    assert r.statut == A_VENIR and r.depuis == date(2030, 8, 2)
    assert "ria.art111-2" in r.references
    assert "2 décembre 2027" in texts(q, "ria-haut-risque")  # new systems: the earlier date, said too


def test_critical_infrastructure_has_no_fundamental_rights_assessment():
    r = qualify(_annex(domaines_annexe_iii=["infrastructures_critiques"]), None, TODAY).regime("ria-haut-risque")
    assert r.statut == A_VENIR and "ria.art27" not in r.references


def test_article_6_3_exception_and_profiling():
    q = qualify(_annex(niveau_risque_ia="minimal"), None, TODAY)
    assert status(q, "ria-haut-risque") == A_VERIFIER
    assert "documentée" in texts(q, "ria-haut-risque") and "art. 6(3)" in texts(q, "ria-haut-risque")
    # profiling: the exception never applies
    q = qualify(_annex(niveau_risque_ia="minimal", criteres_aipd=["evaluation"]), None, TODAY)
    assert status(q, "ria-haut-risque") == A_VENIR
    assert "ria.art6-3" in q.regime("ria-haut-risque").references
    assert "profile" in texts(q, "ria-haut-risque")


def test_annex_iii_without_tier_and_high_tier_without_area():
    q = qualify(_annex(niveau_risque_ia=None), None, TODAY)
    assert status(q, "ria-haut-risque") == A_PRECISER
    assert q.regime("ria-haut-risque").champs == ("niveau_risque_ia",)
    q = qualify(_annex(domaines_annexe_iii=[]), None, TODAY)
    assert status(q, "ria-haut-risque") == A_PRECISER
    assert q.regime("ria-haut-risque").champs == ("domaines_annexe_iii",)


def test_ai_deciding_about_staff_without_an_annex_area_is_to_be_checked():
    cas = _decides(systeme_ia=True, destinataires_decisions=["agents"])
    assert status(qualify(cas, None, TODAY), "ria-haut-risque") == A_VERIFIER


def test_published_generated_text_triggers_article_50():
    cas = edited(FUITES, systeme_ia=True, interaction_public="false", contenu_genere_publie="true")
    q = qualify(cas, None, TODAY)
    assert status(q, "ria-transparence") == APPLIQUE
    assert "contenu_genere_publie" in texts(q, "ria-transparence")
    cas = edited(FUITES, systeme_ia=True, interaction_public="false")
    q = qualify(cas, None, TODAY)
    assert status(q, "ria-transparence") == A_PRECISER
    assert q.regime("ria-transparence").champs == ("contenu_genere_publie",)
    cas = edited(FUITES, systeme_ia=True, interaction_public="false", contenu_genere_publie=False)
    assert status(qualify(cas, None, TODAY), "ria-transparence") == NON_APPLICABLE


# ---------------------------------------------------------------- GDPR, art. 22 / art. 47, DPIA


def test_gdpr_on_the_callbot_with_sensitive_data():
    q = qualify(edited(CALLBOT, donnees_sensibles="true"), None, TODAY)
    r = q.regime("rgpd")
    assert r.statut == APPLIQUE and "rgpd.art9" in r.references
    assert "duree_conservation" in texts(q, "rgpd")


def test_decisions_about_people_without_personal_data_is_to_be_specified():
    cas = edited(FUITES, decisions_individuelles=True, destinataires_decisions=["personnes_physiques"])
    q = qualify(cas, None, TODAY)
    assert status(q, "rgpd") == A_PRECISER and q.regime("rgpd").champs == ("donnees",)
    assert personal_data(cas) is False


def _automated(**changes):
    base = {"decisions_individuelles": "true", "destinataires_decisions": ["personnes_physiques"],
            "niveau_automatisation": "decision_automatisee", "donnees_sensibles": "false",
            "revision_autonome": "false", "procedure_objection": "Recours gracieux auprès du maire."}
    return edited(CALLBOT, **{**base, **changes})


def test_fully_automated_decision_allowed_with_its_conditions():
    q = qualify(_automated(), None, TODAY)
    r = q.regime("rgpd-decision-automatisee")
    assert r.statut == APPLIQUE
    assert r.references == ("rgpd.art22", "lil.art47", "cc.2018-765")
    assert "nulle" in texts(q, "rgpd-decision-automatisee")


@pytest.mark.parametrize(("changes", "said"), [
    ({"donnees_sensibles": "true"}, "données sensibles"),
    ({"revision_autonome": "true"}, "révise lui-même ses règles"),
])
def test_fully_automated_decision_forbidden(changes, said):
    q = qualify(_automated(**changes), None, TODAY)
    assert status(q, "rgpd-decision-automatisee") == INTERDIT
    assert said in texts(q, "rgpd-decision-automatisee")


def test_fully_automated_decision_missing_its_safeguards():
    q = qualify(_automated(revision_autonome=None, procedure_objection=None), None, TODAY)
    r = q.regime("rgpd-decision-automatisee")
    assert r.statut == A_PRECISER and r.champs == ("revision_autonome", "procedure_objection")
    q = qualify(_automated(niveau_automatisation=None), None, TODAY)
    assert q.regime("rgpd-decision-automatisee").champs == ("niveau_automatisation",)
    q = qualify(_automated(destinataires_decisions=["personnes_morales"]), None, TODAY)
    assert status(q, "rgpd-decision-automatisee") == NON_APPLICABLE
    q = qualify(_automated(niveau_automatisation="aide_decision"), None, TODAY)
    assert status(q, "rgpd-decision-automatisee") == NON_APPLICABLE


def test_dpia_from_declared_and_implied_criteria():
    cas = edited(CALLBOT, systeme_ia="true", criteres_aipd=["evaluation"])
    assert set(dpia_criteria(cas)) == {"evaluation", "usage_innovant"}
    assert dpia_criteria(cas)["usage_innovant"]["en"] == "“systeme_ia: true”"
    assert dpia_required(cas) is True
    q = qualify(cas, None, TODAY)
    assert status(q, "rgpd-aipd") == APPLIQUE
    assert "Usage innovant" in texts(q, "rgpd-aipd")
    assert dpia_required(real(ISSY)) is None  # personal data: not said
    assert dpia_required(real(FUITES)) is False


def test_a_high_risk_system_with_personal_data_needs_a_dpia():
    q = qualify(_annex(), None, date(2027, 12, 2))
    assert status(q, "rgpd-aipd") == APPLIQUE
    assert "haut risque" in texts(q, "rgpd-aipd")
    # before the Annex III duties apply, the EDPB criteria decide alone (here one: an AI system)
    q = qualify(_annex(), None, TODAY)
    assert status(q, "rgpd-aipd") == NON_APPLICABLE and "haut risque" not in texts(q, "rgpd-aipd")


def test_lint_shaped_records_are_read_too():
    """A lint rule's RecordContext has ``get`` like a dict: the one DPIA function serves both."""
    from iaterr.lint.engine import RecordContext

    ctx = RecordContext.__new__(RecordContext)
    ctx.data = edited(CALLBOT, systeme_ia="true", criteres_aipd=["evaluation"])
    assert set(dpia_criteria(ctx)) == {"evaluation", "usage_innovant"}


# ---------------------------------------------------------------- the legal review of #11

def _aide_logement(**changes):
    """The reviewer's record, on a real Sicoval record: housing-aid decisions for natural persons by an Annex III
    5(a) system in use since January 2025, with personal data."""
    base = {
        "identifiant": "sicoval-aide-logement", "nom": "Aide au logement", "version_schema": "1.1",
        "decisions_individuelles": True, "destinataires_decisions": ["personnes_physiques"],
        "niveau_automatisation": "aide_decision", "systeme_ia": True, "type_algorithme": ["apprentissage_automatique"],
        "domaines_annexe_iii": ["prestations_publiques"], "niveau_risque_ia": "eleve",
        "statut": "en_deploiement", "date_debut": "2025-01", "interaction_public": False,
        "contenu_genere_publie": False, "donnees_sensibles": False, "revision_autonome": False,
        "donnees": [{"nom": "Dossiers de demande d'aide", "source": "interne", "personnelles": True}],
        "base_legale": "Mission d'intérêt public (RGPD, art. 6(1)(e)).", "duree_conservation": "Cinq ans.",
        "parametres": [{"nom": "Revenus du foyer", "ponderation": "Coefficient 3"},
                       {"nom": "Composition du foyer", "ponderation": "Coefficient 2"}, {"nom": "Loyer"}],
    }
    return edited(FUITES, **{**base, **changes})


SICOVAL_900 = {"nombre_agents": 900}
DEC_1 = date(2026, 12, 1)  # the review's IATERR_AUJOURDHUI


def test_review_8_one_reason_per_missing_transparency_field():
    """« interaction_public : false » declared, « contenu_genere_publie » missing: only the missing one is named."""
    q = qualify(_aide_logement(contenu_genere_publie=None), coll("sicoval", **SICOVAL_900), DEC_1)
    r = q.regime("ria-transparence")
    assert r.statut == A_PRECISER and r.champs == ("contenu_genere_publie",)
    assert [m.cle for m in r.motifs] == ["qualif.ria.contenu-genere-inconnu"]
    for lang in ("fr", "en"):
        assert "interaction_public" not in texts(q, "ria-transparence", lang)
        assert "contenu_genere_publie" in texts(q, "ria-transparence", lang)
    both = qualify(_aide_logement(contenu_genere_publie=None, interaction_public=None), None, DEC_1)
    assert both.regime("ria-transparence").champs == ("interaction_public", "contenu_genere_publie")
    assert len(both.regime("ria-transparence").motifs) == 2


def test_review_9_critical_infrastructure_alone_duties_per_domain():
    """Point 2 alone: no art. 27 (27(1)), national registration (49(5)), no art. 86 (86(1))."""
    q = qualify(_aide_logement(domaines_annexe_iii=["infrastructures_critiques"]), None, DEC_1)
    r = q.regime("ria-haut-risque")
    assert "ria.art27" not in r.references and "ria.art86" not in r.references
    assert "ria.art49" not in r.references and "ria.art49-5" in r.references
    assert "Règlement (UE) 2024/1689, art. 49(5)" in r.citations()
    fr, en = texts(q, "ria-haut-risque"), texts(q, "ria-haut-risque", "en")
    for absent in ("droits fondamentaux", "explication", "enregistrement de l'utilisation dans la base"):
        assert absent not in fr, absent
    assert "niveau national" in fr and "national level" in en and "fundamental rights" not in en
    assert r.fondements[0] == "domaines_annexe_iii"


@pytest.mark.parametrize(("domains", "refs", "said"), [
    (["prestations_publiques"], {"ria.art27", "ria.art49", "ria.art86"}, "enregistrement de l'utilisation dans la "
                                                                         "base de données de l'UE"),
    (["police"], {"ria.art27", "ria.art49", "ria.art49-4", "ria.art86"}, "section sécurisée non publique"),
    (["infrastructures_critiques", "education"], {"ria.art27", "ria.art49", "ria.art86"}, "base de données de l'UE"),
])
def test_review_9_other_domains_follow_registration_route(domains, refs, said):
    r = qualify(_aide_logement(domaines_annexe_iii=domains), None, DEC_1).regime("ria-haut-risque")
    assert refs <= set(r.references) and "ria.art49-5" not in r.references
    assert said in " ".join(m.texte("fr") for m in r.motifs)
    assert "droits fondamentaux" in " ".join(m.texte("fr") for m in r.motifs)
    assert "concernées ; analyse d'impact" in r.motifs[-1].texte("fr")  # French spacing
    assert "concerned; fundamental rights" in r.motifs[-1].texte("en")


@pytest.mark.parametrize(("statut", "expected"), [
    ("en_experimentation", date(2030, 8, 2)), ("en_deploiement", date(2030, 8, 2)),
    ("en_construction", date(2027, 12, 2)), ("en_reflexion", date(2027, 12, 2)),
])
def test_review_10_a_pilot_is_in_service_as_lint_says(statut, expected):
    """Art. 111(2): « une expérimentation en conditions réelles est une utilisation », in the qualification too."""
    from iaterr.model.qualification import in_service

    q = qualify(_aide_logement(statut=statut), None, DEC_1)
    r = q.regime("ria-haut-risque")
    assert r.statut == A_VENIR and r.depuis == expected
    assert ("ria.art111-2" in r.references) is (expected.year == 2030)
    assert in_service(statut) is (expected.year == 2030)
    if statut == "en_experimentation":
        assert "En expérimentation" in texts(q, "ria-haut-risque") and "Pilot" in texts(q, "ria-haut-risque", "en")


def test_in_service_reads_status_codes():
    from iaterr.model.qualification import in_service

    assert [in_service(c) for c in (None, "en_reflexion", "en_construction", "en_experimentation", "en_deploiement",
                                    "termine", "abandonne")] == [False, False, False, True, True, False, False]


def test_review_12_exception_6_3_inferred_from_the_tier_is_to_be_checked():
    """An eligibility score under 5(a) declared « minimal »: the record does not declare the exception."""
    q = qualify(_aide_logement(niveau_risque_ia="minimal"), None, DEC_1)
    r = q.regime("ria-haut-risque")
    assert r.statut == A_VERIFIER and r not in q.a_preciser
    fr, en = texts(q, "ria-haut-risque"), texts(q, "ria-haut-risque", "en")
    assert "retient" not in fr and "relies on" not in en
    assert "ne déclare pas" in fr and "does not declare" in en
    assert "Regulation (EU) 2024/1689, Art. 6(3)" in en and "Règlement" not in en


def test_review_13_gdpr_says_what_is_due_not_that_it_is_done():
    q = qualify(_aide_logement(), None, DEC_1)
    fr, en = texts(q, "rgpd"), texts(q, "rgpd", "en")
    assert "en sont informées" not in fr and "doivent en être informées" in fr and "RGPD, art. 13 et 14" in fr
    assert "People are informed" not in en and "must be informed" in en and "GDPR, Arts. 13 and 14" in en


def test_review_14_decision_confirmed_by_a_person_is_to_be_checked_under_article_22():
    q = qualify(_aide_logement(niveau_automatisation="decision_assistee"), None, DEC_1)
    r = q.regime("rgpd-decision-automatisee")
    assert r.statut == A_VERIFIER and r not in q.a_preciser
    assert "cjue.c-634-21" in r.references
    fr, en = texts(q, "rgpd-decision-automatisee"), texts(q, "rgpd-decision-automatisee", "en")
    assert "Une personne prend la décision" not in fr
    assert "C-634/21" in fr and "CJUE" in fr and "CJEU" in en and "déterminant" in fr
    # decision support stays outside art. 22; legal persons only, outside the GDPR
    assert qualify(_aide_logement(), None, DEC_1).regime("rgpd-decision-automatisee").statut == NON_APPLICABLE
    legal = _aide_logement(niveau_automatisation="decision_assistee", destinataires_decisions=["personnes_morales"])
    assert qualify(legal, None, DEC_1).regime("rgpd-decision-automatisee").statut == NON_APPLICABLE


def test_review_3_decisions_declared_with_no_decision_level_is_a_contradiction():
    """« decisions_individuelles : true » with « sans_decision »: not « une personne prend la décision »."""
    q = qualify(_aide_logement(niveau_automatisation="sans_decision"), None, DEC_1)
    r = q.regime("rgpd-decision-automatisee")
    assert r.statut == A_PRECISER and r in q.a_preciser
    assert r.champs == ("decisions_individuelles", "niveau_automatisation")
    assert "se contredisent" in texts(q, "rgpd-decision-automatisee")
    assert "contradict" in texts(q, "rgpd-decision-automatisee", "en")
    assert "prend la décision" not in texts(q, "rgpd-decision-automatisee")


def test_review_19_annex_iii_5a_concerns_natural_persons():
    legal = qualify(_aide_logement(destinataires_decisions=["personnes_morales"]), None, DEC_1)
    r = legal.regime("ria-haut-risque")
    assert r.statut == NON_APPLICABLE
    assert "personnes physiques" in texts(legal, "ria-haut-risque")
    assert "natural persons" in texts(legal, "ria-haut-risque", "en")
    assert set(r.fondements) == {"domaines_annexe_iii", "destinataires_decisions"}
    # natural persons: high risk
    assert qualify(_aide_logement(), None, DEC_1).regime("ria-haut-risque").statut == A_VENIR
    # another area declared too: it alone remains
    both = qualify(_aide_logement(destinataires_decisions=["personnes_morales"],
                                  domaines_annexe_iii=["prestations_publiques", "education"]), None, DEC_1)
    r = both.regime("ria-haut-risque")
    assert r.statut == A_VENIR
    assert "3. Éducation" in texts(both, "ria-haut-risque") and "5(a)" in r.motifs[0].texte("fr")


# ---------------------------------------------------------------- the second legal review of #11


def test_review2_3_assisted_decision_on_sensitive_data_and_self_revision_names_both_facts():
    """vS: decision_assistee, donnees_sensibles and revision_autonome: the reason was the generic one only."""
    q = qualify(_aide_logement(niveau_automatisation="decision_assistee", donnees_sensibles=True,
                               revision_autonome=True), coll("sicoval", **SICOVAL_900), DEC_1)
    r = q.regime("rgpd-decision-automatisee")
    assert r.statut == A_VERIFIER
    assert [m.cle for m in r.motifs] == ["qualif.art22.assistee", "qualif.art22.assistee-sensibles",
                                         "qualif.art22.assistee-revision"]
    fr, en = texts(q, "rgpd-decision-automatisee"), texts(q, "rgpd-decision-automatisee", "en")
    assert "« donnees_sensibles : oui »" in fr and "« revision_autonome : oui »" in fr and "interdit" in fr
    assert "“donnees_sensibles: yes”" in en and "“revision_autonome: yes”" in en and "forbids" in en
    assert {"cjue.c-634-21", "rgpd.art9", "lil.art47", "cc.2018-765"} <= set(r.references)
    assert {"donnees_sensibles", "revision_autonome"} <= set(r.fondements)
    # one fact alone: only that one is named; neither: the generic reason alone
    q = qualify(_aide_logement(niveau_automatisation="decision_assistee", revision_autonome=True), None, DEC_1)
    assert [m.cle for m in q.regime("rgpd-decision-automatisee").motifs] == ["qualif.art22.assistee",
                                                                          "qualif.art22.assistee-revision"]
    q = qualify(_aide_logement(niveau_automatisation="decision_assistee"), None, DEC_1)
    assert [m.cle for m in q.regime("rgpd-decision-automatisee").motifs] == ["qualif.art22.assistee"]


AI_ACT_DUTIES = ("ria-maitrise", "ria-interdit", "ria-haut-risque", "ria-transparence")


def test_review2_2_rules_only_contradicted_by_the_record_is_not_settled():
    """v4C: systeme_ia false, machine learning, Annex III 5(a), high tier: ria-haut-risque said « ne s'applique
    pas » on a declaration the record contradicts."""
    q = qualify(_aide_logement(systeme_ia=False), coll("sicoval", **SICOVAL_900), DEC_1)
    systeme = q.regime("ria-systeme")
    assert systeme.statut == A_VERIFIER
    assert systeme.contradictoires == ("systeme_ia", "type_algorithme", "niveau_risque_ia", "domaines_annexe_iii")
    assert q.contradictions == ["systeme_ia", "type_algorithme", "niveau_risque_ia", "domaines_annexe_iii"]
    fr, en = texts(q, "ria-systeme"), texts(q, "ria-systeme", "en")
    for said in ("Apprentissage automatique", "« niveau_risque_ia » : « Risque élevé", "5(a)", "se contredit"):
        assert said in fr, said
    assert "contradicts itself" in en and "“niveau_risque_ia”: “High risk" in en
    for code in AI_ACT_DUTIES:
        r = q.regime(code)
        assert r.statut != NON_APPLICABLE, code
        for lang in ("fr", "en"):
            assert "ne s'applique pas" not in texts(q, code, lang) + r.statut_texte(lang), code
        assert r.motifs[0].cle == "qualif.ria.si-systeme"
    high = q.regime("ria-haut-risque")
    # read as for an AI system in service since January 2025: art. 111(2), to be checked
    assert high.statut == A_VERIFIER and high.statut_confirme == A_VENIR and high.depuis == date(2030, 8, 2)
    assert high.statut_texte("fr") == "à vérifier avec le service juridique (si c'est confirmé : à partir du " \
                                      "2 août 2030)"
    assert high.statut_texte("en") == "to be checked with the legal department (if confirmed: from 2 August 2030)"
    assert "ria.art86" in high.references and "ria.art111-2" in high.references
    assert q.regime("ria-maitrise").statut_confirme == APPLIQUE
    assert q.regime("ria-maitrise").depuis == depuis("ria.art4")


@pytest.mark.parametrize("changes", [
    {"type_algorithme": ["regles"], "niveau_risque_ia": "minimal"},  # Annex III areas alone
    {"type_algorithme": ["regles"], "domaines_annexe_iii": [], "niveau_risque_ia": "limite"},  # a tier alone
    {"type_algorithme": ["reseaux_neurones"], "domaines_annexe_iii": [], "niveau_risque_ia": None},  # a kind alone
])
def test_review2_2_each_contradiction_alone_is_to_be_checked(changes):
    q = qualify(_aide_logement(systeme_ia=False, **changes), None, DEC_1)
    assert status(q, "ria-systeme") == A_VERIFIER and len(q.contradictions) == 2
    assert all(status(q, code) != NON_APPLICABLE for code in ("ria-maitrise", "ria-interdit"))


def test_review2_2_rules_only_without_contradiction_stays_outside():
    q = qualify(_aide_logement(systeme_ia=False, type_algorithme=["regles"], domaines_annexe_iii=[],
                               niveau_risque_ia="minimal"), None, DEC_1)
    assert status(q, "ria-systeme") == NON_APPLICABLE and not q.contradictions
    assert all(status(q, code) == NON_APPLICABLE for code in AI_ACT_DUTIES)


def test_review2_2_command_exits_1_and_names_the_contradiction(cli, repo_copy, wide, monkeypatch):
    monkeypatch.setenv("IATERR_AUJOURDHUI", "2026-12-01")
    _write(repo_copy, FUITES, systeme_ia=False, domaines_annexe_iii=["prestations_publiques"],
           niveau_risque_ia="eleve", decisions_individuelles=True, destinataires_decisions=["personnes_physiques"],
           niveau_automatisation="aide_decision", statut="en_deploiement", date_debut="2025-01")
    result = cli("qualification", FUITES, "--repo", str(repo_copy))
    assert result.exit_code == 1, result.output
    assert "La fiche se contredit, à corriger ou à confirmer avec le service juridique : systeme_ia, " \
           "type_algorithme, niveau_risque_ia, domaines_annexe_iii." in result.stdout
    assert "ne s'applique pas" not in _row(result.stdout, "Système d'IA à haut risque")
    data = json.loads(cli("qualification", FUITES, "--repo", str(repo_copy), "--format", "json").stdout)
    high = next(r for r in data["regimes"] if r["code"] == "ria-haut-risque")
    assert high["statut"] == "a_verifier" and high["depuis"] == "2030-08-02" and high["statut_confirme"] == "a_venir"
    assert data["contradictions"][0] == "systeme_ia" and "ria-systeme" in data["a_verifier"]


def test_review2_4a_publication_presumed_due_while_the_headcount_is_unknown():
    """nombre_agents absent: « à préciser », but the duty (L312-1-3) is presumed until D312-1-4 is shown."""
    q = qualify(_aide_logement(), coll("sicoval"), DEC_1)
    r = q.regime("crpa-publication")
    assert "nombre_agents" not in coll("sicoval")
    assert r.statut == A_PRECISER and r.presumee and r.champs == ("collectivite.nombre_agents",)
    assert r.statut_texte("fr") == "à préciser (due jusqu'à preuve de la dispense)"
    assert r.statut_texte("en") == "to be specified (due unless the exemption is shown)"
    fr, en = texts(q, "crpa-publication"), texts(q, "crpa-publication", "en")
    assert "est due (CRPA, art. L312-1-3)" in fr and "sauf si" in fr and "CRPA, art. D312-1-4" in fr
    assert "is due (CRPA, Art. L312-1-3)" in en and "unless" in en
    # declared: no presumption either way
    assert not qualify(_aide_logement(), coll("sicoval", nombre_agents=30), DEC_1).regime("crpa-publication").presumee
    assert not qualify(_aide_logement(), coll("sicoval", **SICOVAL_900), DEC_1).regime("crpa-publication").presumee


@pytest.mark.parametrize(("statut", "debut", "today", "expected"), [
    ("en_construction", None, DEC_1, (A_VENIR, date(2027, 12, 2))),
    ("en_deploiement", "2025-01", DEC_1, (A_VENIR, date(2030, 8, 2))),
    ("en_experimentation", "2026-03", DEC_1, (A_VENIR, date(2030, 8, 2))),
    ("en_deploiement", "2028-01", date(2028, 6, 1), (APPLIQUE, date(2027, 12, 2))),  # put in use after the date
    ("en_deploiement", "2025-01", date(2030, 9, 1), (APPLIQUE, date(2030, 8, 2))),  # art. 111(2) reached
])
def test_review2_6_high_risk_depuis_is_the_date_the_export_reads(statut, debut, today, expected):
    """The AI Act export takes its applies_from from ``qualify(...).regime("ria-haut-risque").depuis``."""
    r = qualify(_aide_logement(statut=statut, date_debut=debut), None, today).regime("ria-haut-risque")
    assert (r.statut, r.depuis) == expected
    assert ("ria.art111-2" in r.references) is (expected[1] == date(2030, 8, 2))


def test_review2_6_depuis_also_given_when_the_regime_is_to_be_checked_or_specified():
    checked = qualify(_aide_logement(niveau_risque_ia="minimal"), None, DEC_1).regime("ria-haut-risque")
    assert checked.statut == A_VERIFIER and checked.depuis == date(2030, 8, 2) and checked.statut_confirme == A_VENIR
    assert "ria.art111-2" in checked.references
    unassessed = qualify(_aide_logement(niveau_risque_ia=None, statut="en_construction"), None, DEC_1)
    assert unassessed.regime("ria-haut-risque").depuis == date(2027, 12, 2)
    # systeme_ia not said: to be specified, the date it would apply from given all the same
    unsaid = qualify(_aide_logement(systeme_ia=None), None, DEC_1).regime("ria-haut-risque")
    assert unsaid.statut == A_PRECISER and unsaid.champs == ("systeme_ia",) and unsaid.depuis == date(2030, 8, 2)


def test_review2_14_dpia_reason_spaced_and_said_the_reader_way():
    q = qualify(_aide_logement(criteres_aipd=["evaluation"]), None, DEC_1)
    fr, en = texts(q, "rgpd-aipd"), texts(q, "rgpd-aipd", "en")
    assert "(« criteres_aipd ») ; " in fr and "(« criteres_aipd »);" not in fr
    assert "« systeme_ia : oui »" in fr and "systeme_ia: true" not in fr
    assert "(“criteres_aipd”); " in en and "“systeme_ia: yes”" in en and "true" not in en
    # the lint rules keep the record's own words (one function: dpia_criteria)
    assert dpia_criteria(_aide_logement())["usage_innovant"]["fr"] == "« systeme_ia: true »"


def test_review2_14_prohibited_practices_rest_on_the_declared_tier_only():
    q = qualify(_aide_logement(), None, DEC_1)
    r = q.regime("ria-interdit")
    assert r.statut == NON_APPLICABLE
    fr, en = texts(q, "ria-interdit"), texts(q, "ria-interdit", "en")
    assert "Niveau de risque déclaré : « Risque élevé" in fr
    assert "ne repose que sur le niveau que la collectivité déclare" in fr and "n'examine pas" in fr
    assert "notation sociale" in fr and "Règlement (UE) 2024/1689, art. 5" in fr
    assert "rests only on the tier" in en and "social scoring" in en and "Regulation (EU) 2024/1689, Art. 5" in en


def test_review_18_english_output_cites_in_english(cli, repo_copy, wide):
    """No French citation reaches an English reader: references and the citations inside the reasons."""
    _write(repo_copy, CALLBOT, systeme_ia=True, domaines_annexe_iii=["prestations_publiques"],
           niveau_risque_ia="minimal", decisions_individuelles=True, destinataires_decisions=["personnes_physiques"],
           niveau_automatisation="decision_assistee", donnees_sensibles=True)
    result = cli("qualification", CALLBOT, "--repo", str(repo_copy), "--lang", "en", "--format", "json")
    data = json.loads(result.stdout)
    shown = json.dumps([[m["texte"] for m in r["motifs"]] + [x["reference"] for x in r["references"]]
                        for r in data["regimes"]], ensure_ascii=False)
    for french in ("RGPD", "Règlement", "13 et 14", "CJUE", "art. 13", "CRPA, art."):
        assert french not in shown, french
    assert "GDPR, Arts. 13 and 14" in shown and "CJEU" in shown and "Regulation (EU) 2024/1689, Art. 6(3)" in shown
    table = cli("qualification", CALLBOT, "--repo", str(repo_copy), "--lang", "en")
    assert "GDPR, Art. 22" in table.stdout and "RGPD" not in table.stdout


# ---------------------------------------------------------------- the questions


class _Reads(dict):
    """Answers that remember which fields a condition read."""

    def __init__(self):
        super().__init__()
        self.read: set[str] = set()

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)


def test_a_condition_reads_only_answers_asked_before_its_field():
    order = [q.name for q in plan(CasUsage, complete=True)]
    late = []
    for name, condition in CONDITIONS[CasUsage].items():
        answers = _Reads()
        condition(answers)
        for read in answers.read:
            if order.index(read) > order.index(name):
                late.append((name, read))
    # the one exception: the legal basis, which personal data (declared later) also call for; the
    # questionnaire asks it at the end when its condition comes to hold after its turn (tests/test_edit.py)
    assert late == [("base_legale", "donnees")]


@pytest.mark.parametrize(("field", "answers", "asked"), [
    ("destinataires_decisions", {"decisions_individuelles": True}, True),
    ("destinataires_decisions", {"decisions_individuelles": False}, False),
    ("secrets_proteges", {"decisions_individuelles": True}, True),
    ("donnees_sensibles", {"donnees": [{"nom": "a", "personnelles": False}, {"nom": "b", "personnelles": True}]},
     True),
    ("donnees_sensibles", {"donnees": [{"nom": "a", "personnelles": False}]}, False),
    ("duree_conservation", {"donnees": [{"nom": "a", "personnelles": "true"}]}, True),
    ("criteres_aipd", {}, False),
    ("revision_autonome", {"type_algorithme": ["regles"]}, False),
    ("revision_autonome", {"type_algorithme": ["vision_ordinateur"]}, True),
    ("revision_autonome", {"type_algorithme": ["regles"], "systeme_ia": True}, True),
    ("formation_ia", {"systeme_ia": True}, True),
    ("formation_ia", {"systeme_ia": False}, False),
    ("contenu_genere_publie", {}, False),
    ("signalement_contenu_genere", {"contenu_genere_publie": True}, True),
    ("niveau_risque_ia", {"systeme_ia": False}, False),
    ("domaines_annexe_iii", {}, True),
    ("url_base_ue_fournisseur", {"niveau_risque_ia": "eleve"}, True),
    ("conservation_journaux_mois", {"domaines_annexe_iii": ["emploi"]}, True),
    ("conservation_journaux_mois", {"niveau_risque_ia": "limite"}, False),
    ("information_travailleurs", {"niveau_risque_ia": "eleve"}, False),
    ("information_travailleurs", {"niveau_risque_ia": "eleve", "publics": ["agents"]}, True),
    ("information_travailleurs", {"domaines_annexe_iii": ["emploi"]}, True),
])
def test_new_fields_are_asked_when_they_matter(field, answers, asked):
    question = next(q for q in plan(CasUsage) if q.name == field)
    assert applies(question, answers) is asked
    assert not question.optional_group


def test_systeme_ia_is_always_asked():
    question = next(q for q in plan(CasUsage) if q.name == "systeme_ia")
    assert question.condition is None and not question.optional_group


# ---------------------------------------------------------------- the command


def _write(repo, ident, **changes):
    """Edit a copy of a record of data/ (as format 1.1 when it holds a 1.1 field)."""
    yaml = YAML(typ="safe", pure=True)
    path = repo / "data" / "cas-usage" / f"{ident}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    data.update(changes)
    data["version_schema"] = "1.1"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")


def _row(output: str, title: str) -> str:
    return next(line for line in output.splitlines() if title in line)


def test_command_on_issygpt(cli, repo_copy, wide):
    result = cli("qualification", ISSY, "--repo", str(repo_copy))
    assert result.exit_code == 1, result.output
    assert "Qualification de « issy-les-moulineaux-issygpt » au 22 novembre 2026" in result.stdout
    assert "ne s'applique pas" in _row(result.stdout, "Publication en ligne des règles (CRPA)")
    assert "à préciser" in _row(result.stdout, "Système d'IA au sens du règlement européen")
    assert "À préciser dans la fiche : systeme_ia, donnees[1].personnelles." in result.stdout
    assert "Traceback" not in result.output


def test_command_exit_0_once_every_regime_is_qualified(cli, repo_copy, wide):
    donnees = real(ISSY)["donnees"]
    donnees[1]["personnelles"] = True
    donnees[0]["personnelles"] = False
    _write(repo_copy, ISSY, donnees=donnees, systeme_ia=True, contenu_genere_publie=False)
    result = cli("qualification", ISSY, "--repo", str(repo_copy))
    assert result.exit_code == 0, result.output
    assert "s'applique depuis le 2 août 2026" in _row(result.stdout, "Transparence envers le public")
    assert "s'applique depuis le 2 février 2025" in _row(result.stdout, "Maîtrise de l'IA par les agents")
    assert "La fiche dit tout ce qu'il faut pour situer chaque régime." in result.stdout
    english = cli("qualification", ISSY, "--repo", str(repo_copy), "--lang", "en")
    assert english.exit_code == 0
    assert "applies since 2 August 2026" in _row(english.stdout, "Transparency towards the public")


def test_command_json(cli, repo_copy):
    _write(repo_copy, CALLBOT, systeme_ia=True, domaines_annexe_iii=["prestations_publiques"],
           niveau_risque_ia="eleve")
    result = cli("qualification", CALLBOT, "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["date"] == "2026-11-22" and data["identifiant"] == CALLBOT
    regimes = {r["code"]: r for r in data["regimes"]}
    assert list(regimes) == list(REGIMES)
    high = regimes["ria-haut-risque"]
    # the callbot is piloted with the public since 2024: already in use, art. 111(2) (as lint says)
    assert high["statut"] == "a_venir" and high["depuis"] == "2030-08-02"
    assert {"code": "ria.art27", "reference": "Règlement (UE) 2024/1689, art. 27"} in high["references"]
    assert all(m["cle"].startswith("qualif.") and m["texte"] for m in high["motifs"])
    assert high["fondements"] == ["domaines_annexe_iii", "niveau_risque_ia", "statut", "date_debut"]
    assert high["motifs"][0]["parametres"]["domaines"]["en"].startswith("“5(a). Eligibility")
    assert data["a_preciser"] == [] and data["interdits"] == []


def test_command_forbidden_exits_1(cli, repo_copy):
    _write(repo_copy, CALLBOT, systeme_ia=True, niveau_risque_ia="inacceptable")
    result = cli("qualification", CALLBOT, "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["interdits"] == ["ria-interdit"]


def test_command_unknown_identifier_and_format(cli, repo_copy):
    result = cli("qualification", "issy-les-moulineaux-issy", "--repo", str(repo_copy))
    assert result.exit_code == 2
    assert "Aucun cas d'usage « issy-les-moulineaux-issy »" in result.stderr
    assert "issy-les-moulineaux-issygpt" in result.stderr
    result = cli("qualification", "../collectivites/sicoval", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = cli("qualification", ISSY, "--repo", str(repo_copy), "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr


def test_command_on_an_invalid_record(cli, repo_copy):
    path = repo_copy / "data" / "cas-usage" / f"{ISSY}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "systeme_ia: true\n", encoding="utf-8")  # a 1.1 field in 1.0
    result = cli("qualification", ISSY, "--repo", str(repo_copy))
    assert result.exit_code == 1 and "iaterr validate" in result.stderr


def test_command_help_in_both_languages(cli):
    assert "régimes juridiques" in cli("qualification", "--help").stdout
    assert "legal regimes" in cli("qualification", "--help", lang="en").stdout


# ---------------------------------------------------------------- the documentation


def test_the_calendar_in_the_docs_follows_the_table_of_the_law():
    from iaterr.model.qualification import CALENDRIER_DEBUT, CALENDRIER_FIN, TEXTES_CITES, calendrier_markdown

    text = (ROOT / "docs" / "qualification.md").read_text(encoding="utf-8")
    section = text[text.index(CALENDRIER_DEBUT) + len(CALENDRIER_DEBUT):text.index(CALENDRIER_FIN)]
    assert section == "\n" + calendrier_markdown(), (
        "replace the section of docs/qualification.md between its two markers by the output of "
        "`python -c 'from iaterr.model.qualification import calendrier_markdown; print(calendrier_markdown())'`")
    assert "| 2 décembre 2027 | Règlement (UE) 2024/1689, art. 6(2) et annexe III |" in section
    assert set(TEXTES_CITES) <= set(TEXTES)


def test_every_text_cited_is_in_the_calendar():
    from iaterr.model.qualification import TEXTES_CITES

    cited = set()
    for ident in (ISSY, CALLBOT, FUITES):
        for cas in (real(ident), _annex(), _annex(statut="en_deploiement"), _annex(niveau_risque_ia="minimal"),
                    _annex(domaines_annexe_iii=[]), _annex(domaines_annexe_iii=["infrastructures_critiques"]),
                    _annex(domaines_annexe_iii=["police"]),
                    _automated(donnees_sensibles="true"), _automated(niveau_automatisation="decision_assistee"),
                    _decides(destinataires_decisions=["personnes_physiques"]),
                    edited(ident, donnees_sensibles="true")):
            for r in qualify(cas, coll("sicoval", nombre_agents=30), TODAY).regimes:
                cited |= set(r.references)
    assert cited <= set(TEXTES_CITES)
    assert cited == set(TEXTES_CITES)


def test_every_message_key_of_the_qualification_exists_in_both_languages():
    from iaterr.i18n import CATALOGUES
    from iaterr.model.qualification import STATUTS_QUALIFICATION

    source = (ROOT / "src" / "iaterr" / "model" / "qualification.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'"(qualif\.[a-z0-9.-]+)"', source))
    keys |= {f"qualif.regime.{code}" for code in REGIMES}
    keys |= {f"qualif.statut.{s}" for s in STATUTS_QUALIFICATION}
    keys |= {f"qualif.statut.{s}.date" for s in ("applique", "a_venir")}
    assert len(keys) > 60
    for lang in ("fr", "en"):
        assert not keys - set(CATALOGUES[lang]), lang


def test_every_reason_names_the_fields_it_rests_on():
    from iaterr.model.qualification import FONDEMENTS
    from iaterr.model.usecase import CasUsage as Model

    source = (ROOT / "src" / "iaterr" / "model" / "qualification.py").read_text(encoding="utf-8")
    used = set(re.findall(r'Motif\("(qualif\.[a-z0-9.-]+)"', source))
    assert used == set(FONDEMENTS)
    fields = set(Model.model_fields) | {"collectivite.nombre_agents"}
    assert {f for names in FONDEMENTS.values() for f in names} <= fields
    q = qualify(_decides(destinataires_decisions=["personnes_physiques"]), coll("sicoval", nombre_agents=30), TODAY)
    assert q.regime("crpa-decision").fondements == ("decisions_individuelles", "destinataires_decisions",
                                                     "niveau_automatisation")
    assert q.regime("crpa-publication").fondements == ("collectivite.nombre_agents",)


def test_the_lint_rule_counts_the_dpia_criteria_with_the_same_function():
    """One list of criteria: the qualification and rgpd-aipd-requise cannot disagree."""
    from iaterr.lint.rules import rgpd

    assert rgpd.dpia_criteria is dpia_criteria
