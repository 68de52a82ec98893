"""A notice in plain language (issue #14: « legal headings, collapsed line breaks, ISO dates, « de Communauté d'… »
without its article »): headings a resident understands with the legal reference as a subtitle, the record's
paragraphs kept, dates written out in French, each collectivité's name with its article."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import ROOT
from iaterr.publish.export import ExportItem, load_items
from iaterr.publish.francais import of, partial_date, subject, to
from iaterr.publish.notice import build_notice, render_mention, render_notice
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, variant

TODAY = date(2026, 11, 22)
ISO = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


def _notice(record: dict, coll: dict | None = None, lang: str = "fr"):
    return build_notice(ExportItem("data/cas-usage/x.yaml", record, coll or COLLECTIVITE), lang=lang, today=TODAY)


def test_headings_are_questions_with_the_legal_reference_below():
    text = render_notice(_notice(GOOD_DECISION), "md")
    for heading, subtitle in (
            ("À quoi sert ce traitement ?", "Finalité du traitement (CRPA, art. R311-3-1-1)"),
            ("Quel rôle joue-t-il dans la décision ?",
             "1. Degré et mode de contribution à la décision (CRPA, art. R311-3-1-2, 1°)"),
            ("Quelles données utilise-t-il ?", "2. Données traitées et leurs sources (CRPA, art. R311-3-1-2, 2°)"),
            ("Quels critères prend-il en compte, et avec quel poids ?",
             "3. Paramètres et leur pondération (CRPA, art. R311-3-1-2, 3°)"),
            ("Comment fonctionne-t-il ?", "4. Opérations effectuées (CRPA, art. R311-3-1-2, 4°)"),
            ("Est-ce de l'intelligence artificielle ?", "Règlement européen sur l'intelligence artificielle")):
        assert f"## {heading}\n\n*{subtitle}" in text, heading
    page = render_notice(_notice(GOOD_DECISION), "html")
    assert ('<h2 id="s-contribution">Quel rôle joue-t-il dans la décision ?</h2>\n<p class="ref-loi">1. Degré et '
            'mode de contribution à la décision (CRPA, art. R311-3-1-2, 1°)</p>') in page
    english = render_notice(_notice(GOOD_DECISION, lang="en"), "md")
    assert "## What part does it play in the decision?\n\n*1. Degree and mode of contribution to the decision " \
           "(CRPA, Art. R311-3-1-2, 1°)*" in english


def test_paragraphs_and_line_breaks_of_the_record_are_kept():
    record = variant(GOOD_DECISION, description="Premier paragraphe.\n\nSecond paragraphe <b>gras</b>.\n"
                                                "Ligne suivante.")
    page = render_notice(_notice(record), "html")
    assert ("<p>Premier paragraphe.</p><p>Second paragraphe &lt;b&gt;gras&lt;/b&gt;.<br>\nLigne suivante.</p>"
            in page)
    markdown = render_notice(_notice(record), "md")
    assert "Premier paragraphe\\.  \n  \nSecond paragraphe" in markdown or "Premier paragraphe.  \n" in markdown


def test_dates_are_written_out_in_french():
    record = variant(GOOD_DECISION, date_debut="2024-05", date_mise_a_jour="2025-04-16")
    for fmt in ("md", "html"):
        text = render_notice(_notice(record), fmt)
        assert "depuis mai 2024" in text and "Informations à jour au 16 avril 2025." in text
        assert "Notice générée le 22 novembre 2026" in text
        assert not ISO.search(re.sub(r"https?://\S+", "", text)), ISO.search(text)
    day = render_notice(_notice(variant(GOOD_DECISION, date_debut="2024-05-01", date_fin="2026-06-30")), "md")
    assert "depuis le 1er mai 2024" in day and "jusqu'au 30 juin 2026" in day
    assert partial_date("2025-04-16") == ("16 avril 2025", "jour")
    assert partial_date("2025-04", "en") == ("April 2025", "mois") and partial_date("2025")[0] == "2025"


def test_no_iso_date_in_the_notices_of_the_real_data():
    items = load_items(open_repository(ROOT)).items
    assert len(items) >= 30
    for item in items:
        text = render_notice(build_notice(item, today=TODAY), "md")
        found = ISO.search(re.sub(r"<https?://[^>]+>", "", text))
        assert found is None, (item.rel, found.group(0))


@pytest.mark.parametrize("name, de, a, le", [
    ("Communauté d'agglomération du Sicoval", "de la Communauté d'agglomération du Sicoval",
     "à la Communauté d'agglomération du Sicoval", "la Communauté d'agglomération du Sicoval"),
    ("Sicoval", "du Sicoval", "au Sicoval", "le Sicoval"),
    ("Paris", "de Paris", "à Paris", "Paris"),
    ("Ville de Metz", "de la Ville de Metz", "à la Ville de Metz", "la Ville de Metz"),
    ("Département de la Vendée", "du Département de la Vendée", "au Département de la Vendée",
     "le Département de la Vendée"),
    ("Etablissement Public Territorial Paris Est Marne et Bois", "de l'Etablissement Public Territorial Paris Est "
     "Marne et Bois", "à l'Etablissement Public Territorial Paris Est Marne et Bois",
     "l'Etablissement Public Territorial Paris Est Marne et Bois"),
    ("Toulouse Métropole", "de Toulouse Métropole", "à Toulouse Métropole", "Toulouse Métropole"),
    ("Issy-les-Moulineaux", "d'Issy-les-Moulineaux", "à Issy-les-Moulineaux", "Issy-les-Moulineaux"),
    ("Le Mans", "du Mans", "au Mans", "le Mans"),
    ("Les Mureaux", "des Mureaux", "aux Mureaux", "les Mureaux"),
    ("La Rochelle", "de La Rochelle", "à La Rochelle", "La Rochelle"),
    ("CA DE BETHUNE-BRUAY, ARTOIS LYS ROMANE", "de la CA DE BETHUNE-BRUAY, ARTOIS LYS ROMANE",
     "à la CA DE BETHUNE-BRUAY, ARTOIS LYS ROMANE", "la CA DE BETHUNE-BRUAY, ARTOIS LYS ROMANE"),
    ("Syndicat de gestion des eaux du brivadois", "du Syndicat de gestion des eaux du brivadois",
     "au Syndicat de gestion des eaux du brivadois", "le Syndicat de gestion des eaux du brivadois"),
])
def test_names_take_their_article(name, de, a, le):
    assert (of(name), to(name), subject(name)) == (de, a, le)


def test_real_notices_name_the_collectivite_with_its_article():
    """Every notice and mention of data/: no « de Communauté », « à Métropole », « par Ville »…"""
    bare = re.compile(r"\b(de|à|par) (Communauté|Métropole|Ville|Région|Département|Etablissement|Établissement|"
                      r"Syndicat|CA)\b")
    for item in load_items(open_repository(ROOT)).items:
        notice = build_notice(item, today=TODAY)
        for text in (render_notice(notice, "md"), render_mention(notice, "md")):
            assert not bare.search(text), (item.rel, bare.search(text))
        if item.collectivite["identifiant"] == "sicoval":
            assert "mis en œuvre par la Communauté d'agglomération du Sicoval :" in render_notice(notice, "md")


def test_english_names_stand_as_they_are():
    coll = dict(COLLECTIVITE, nom="City of Example")
    text = render_notice(_notice(GOOD_DECISION, coll, lang="en"), "md")
    assert "used by City of Example: what it is for" in text and "Send your request to City of Example:" in text
