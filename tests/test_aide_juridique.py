"""Every legal question says, in one plain line, what its legal term means and why it is asked (issue #12, item 7).

Which questions are legal ones is computed from the model (``glossaire.is_legal``), never listed by hand; a
question, or a section header, that names a term of the glossary explains it in its « pourquoi »."""

from __future__ import annotations

import re

import pytest

from iaterr.model import KINDS, SECTIONS
from iaterr.model.glossaire import TERMES, all_specs, explains, is_legal, key_words, terms_in, texts_of
from iaterr.model.jsonschema import schema_for
from iaterr.publish.reference import render_reference

LANGS = ("fr", "en")
ALL = {f"{kind}.{path}": spec for kind, (_f, model, _s) in KINDS.items() for path, spec in all_specs(model).items()}
LEGAL = {key: spec for key, spec in ALL.items() if is_legal(spec)}

_MONTHS = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|January|"
           "February|March|April|May|June|July|August|September|October|November|December")
#: A date: « 2 août 2026 », « décembre 2027 », "2 December 2027", « 2027-12-02 », « depuis 2025 », "by 2030"…
DATE = re.compile(
    rf"(?i)\b(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS})\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-\d\d)?\b"
    r"|\b(?:depuis|dès|avant|après|jusqu'en|à partir de|en|from|since|by|until|before|after|in)\s+(?:19|20)\d\d\b")


def _terms(spec, lang_of_text: str | None = None) -> set[str]:
    langs = (lang_of_text,) if lang_of_text else LANGS
    return {t.code for lang in langs for text in texts_of(spec, lang) for t in terms_in(text, lang)}


# ---------------------------------------------------------------- the rule


def test_the_rule_finds_the_legal_questions_the_issue_names():
    for key in ("cas_usage.decisions_individuelles", "cas_usage.base_legale", "cas_usage.contact_droits",
                "cas_usage.donnees_sensibles", "cas_usage.duree_conservation", "cas_usage.criteres_aipd",
                "cas_usage.donnees.personnelles", "cas_usage.domaines_annexe_iii", "cas_usage.url_base_ue",
                "cas_usage.analyses_impact.type", "cas_usage.fournisseurs", "cas_usage.finalite",
                "collectivite.contact_dpo", "collectivite.contact_droits", "collectivite.prada"):
        assert key in LEGAL, key
    for key in ("cas_usage.nom", "cas_usage.theme", "cas_usage.budget", "collectivite.logo",
                "cas_usage.donnees.fournisseur"):  # « fournisseur des données » is not the AI Act's provider
        assert key not in LEGAL, key
    for key, spec in ALL.items():
        if spec.meta.section in ("decision", "ia_act") or {"crpa", "ai_act", "rgpd"} & set(spec.meta.standards):
            assert key in LEGAL, key


# ---------------------------------------------------------------- (a) every legal question has its pourquoi


@pytest.mark.parametrize("key", sorted(LEGAL))
def test_every_legal_question_has_one_plain_line_in_both_languages(key):
    meta = LEGAL[key].meta
    for lang in LANGS:
        text = meta.pourquoi(lang)
        assert text.strip(), f"{key}: no pourquoi_{lang}"
        assert "\n" not in text and text == text.strip(), key
        assert len(text) <= 240, (key, lang, len(text))
        assert not DATE.search(text), (key, lang, DATE.search(text).group(0))
    assert meta.pourquoi("fr") != meta.pourquoi("en"), key
    assert not re.search(r"\b(the|and|is|of)\b", meta.pourquoi("fr")), key
    assert not re.search(r"\b(le|la|les|des|est|et)\b", meta.pourquoi("en")), key


def test_only_legal_questions_carry_a_pourquoi():
    for key, spec in ALL.items():
        if key not in LEGAL:
            assert not spec.meta.pourquoi("fr") and not spec.meta.pourquoi("en"), key


def test_the_date_pattern_catches_dates():
    for text in ("applicable à partir du 2 décembre 2027", "dès août 2026", "since 2 August 2026",
                 "depuis 2025", "le 2027-12-02", "by 2030"):
        assert DATE.search(text), text
    for text in ("règlement (UE) 2024/1689", "délibération 2018-327", "Conseil constitutionnel, 2018-765 DC",
                 "art. 26(6)", "au moins six mois"):
        assert not DATE.search(text), text


# ---------------------------------------------------------------- (b) every term a question names is explained


@pytest.mark.parametrize("key", sorted(ALL))
def test_every_term_a_question_names_is_explained_in_its_pourquoi(key):
    spec = ALL[key]
    for lang in LANGS:
        pourquoi = spec.meta.pourquoi(lang)
        named = _terms(spec) | {t.code for t in terms_in(pourquoi, lang)}
        missing = [code for code in sorted(named) if not explains(pourquoi, TERMES[code], lang)]
        assert not missing, (key, lang, [(c, TERMES[c].expansion(lang)) for c in missing], pourquoi)


def test_the_glossary():
    assert {"CRPA", "CADA", "PRADA", "AIPD", "RGPD", "annexe_iii", "mention_explicite", "DPO", "reglement_ia",
            "deployeur", "fournisseur", "base_ue", "decision_individuelle", "art22", "art50", "art6_3"} <= set(TERMES)
    for terme in TERMES.values():
        for lang in LANGS:
            assert terme.expansion(lang) and key_words(terme, lang), terme.code
            assert explains(terme.expansion(lang), terme, lang), terme.code
    assert [t.code for t in terms_in("Le CRPA impose la mention explicite ; la PRADA saisit la CADA.")] == [
        "CRPA", "CADA", "PRADA", "mention_explicite"]
    assert [t.code for t in terms_in("DPIA (GDPR art. 35), AI Act art. 27, Annex III", "en")] == [
        "AIPD", "RGPD", "reglement_ia", "annexe_iii"]
    assert [t.code for t in terms_in("AIPD, règlement européen sur l'IA, art. 50(4), base de l'UE")] == [
        "AIPD", "reglement_ia", "art50", "base_ue"]
    assert not terms_in("Fournisseur des données") and not terms_in("Data provider", "en")
    assert not terms_in("annexe VIII, section C") and not terms_in("art. 5, art. 500, art. 220")
    crpa = TERMES["CRPA"]
    assert explains("Le CRPA (code des relations entre le public et l'administration, art. L311-3-1)", crpa)
    assert not explains("Le CRPA, art. L311-3-1, impose la mention explicite.", crpa)
    assert explains("une décision qui vise des personnes ou organismes désignés", TERMES["decision_individuelle"])


# ---------------------------------------------------------------- (c) a section header that names a term


@pytest.mark.parametrize("code", sorted(SECTIONS))
def test_a_section_that_names_a_term_explains_it(code):
    section = SECTIONS[code]
    named = {t.code for lang in LANGS for text in (section.label(lang), section.aide(lang))
             for t in terms_in(text, lang)}
    for lang in LANGS:
        pourquoi = section.pourquoi(lang)
        assert "\n" not in pourquoi and len(pourquoi) <= 240 and not DATE.search(pourquoi), code
        named_here = named | {t.code for t in terms_in(pourquoi, lang)}
        missing = [c for c in sorted(named_here) if not explains(pourquoi, TERMES[c], lang)]
        assert not missing, (code, lang, missing)
    assert SECTIONS["decision"].pourquoi("fr") and SECTIONS["ia_act"].pourquoi("en")


# ---------------------------------------------------------------- where the pourquoi is read


def test_the_pourquoi_is_in_the_schema_and_the_reference():
    props = schema_for("cas_usage")["properties"]
    meta = LEGAL["cas_usage.decisions_individuelles"].meta
    assert props["decisions_individuelles"]["x-iaterr"]["pourquoi_fr"] == meta.pourquoi("fr")
    assert props["decisions_individuelles"]["x-iaterr"]["pourquoi_en"] == meta.pourquoi("en")
    assert "pourquoi_fr" not in props["theme"]["x-iaterr"]
    assert f"Pourquoi cette question : {meta.pourquoi('fr')}" in render_reference("fr").splitlines()
    assert f"Why this is asked: {meta.pourquoi('en')}" in render_reference("en").splitlines()
    assert f"Pourquoi ces questions : {SECTIONS['decision'].pourquoi('fr')}" in render_reference("fr")
