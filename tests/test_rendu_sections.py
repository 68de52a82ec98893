"""The notice's sections written in Python (:mod:`iaterr.publish.notice_html`, #14) are the bytes the template
macros they replaced wrote (kept in ``tests/fixtures/sections/macros.html.j2``).

Every use case of data/, in French and in English (its text then marked ``lang="fr"``), with headings of level 2
(the notice) and 3 (the register's page); and hostile records: markup, quotes, template syntax, control and
direction characters, very long words, line breaks, links that are not web addresses, values of the wrong type,
every optional part present or absent. Restricted fields never reach a section: it reads the public view only."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, select_autoescape

from iaterr.base.text import is_web_url
from iaterr.i18n import message
from iaterr.publish import notice_html
from iaterr.publish.export import ExportItem, load_items
from iaterr.publish.notice import build_notice, paragraphs, render_notice
from iaterr.publish.templating import _shown
from iaterr.repo.config import open_repository

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
HOSTILE = '<script>alert("x")</script> l\'été {{ 7*7 }} {% raw %} \u202eevil\u200b\x1b[2J ' + "x" * 300
MACROS = Environment(loader=FileSystemLoader(ROOT / "tests" / "fixtures" / "sections"), trim_blocks=True,
                     lstrip_blocks=True, keep_trailing_newline=True, finalize=_shown,
                     autoescape=select_autoescape(enabled_extensions=("html", "html.j2")))
MACROS.filters["para"] = paragraphs
MACROS.tests["web_url"] = is_web_url


def _macros(notice, h: int) -> list[str]:
    def m(key, **params):
        return message(key, notice.lang, **params)

    module = MACROS.get_template("macros.html.j2").module
    return [str(module.alerts(notice, m)), str(module.treatment(notice, m, h)), str(module.explanation(notice, m, h))]


def _python(notice, h: int) -> list[str]:
    return [str(notice_html.alerts(notice)), str(notice_html.treatment(notice, h)),
            str(notice_html.explanation(notice, h))]


@pytest.fixture(scope="module")
def items():
    loaded = load_items(open_repository(ROOT), use_cache=False)
    assert len(loaded.items) >= 30
    return loaded.items


def _same(item: ExportItem) -> None:
    for lang, record_lang in (("fr", "fr"), ("en", "fr"), ("fr", None)):
        notice = build_notice(item, lang=lang, today=TODAY, record_lang=record_lang)
        for h in (2, 3):
            assert _python(notice, h) == _macros(notice, h), (item.rel, lang, h)


def test_every_use_case_of_data_is_written_as_the_macros_wrote_it(items):
    for item in items:
        _same(item)


def _hostile(record: dict, coll: dict) -> tuple[dict, dict]:
    record, coll = copy.deepcopy(record), copy.deepcopy(coll)
    for name in ("nom", "finalite", "personnes_concernees", "contribution_decision", "supervision_humaine",
                 "operations", "exercice_droits", "procedure_objection", "secrets_proteges", "base_legale",
                 "duree_conservation", "portee_decision", "contact_droits"):
        record[name] = HOSTILE
    record["description"] = "Ligne <b>un</b>\nligne & deux\n\n<img src=x onerror=alert(1)>\r\n\u2066fin"
    record["donnees"] = [{"nom": HOSTILE, "source": "interne", "fournisseur": HOSTILE, "mode_collecte": "saisie",
                          "personnelles": True},
                         {"nom": "deux", "personnelles": None}, {"nom": 3, "personnelles": False}, {"source": "x"}]
    record["parametres"] = [{"nom": HOSTILE, "description": HOSTILE, "ponderation": HOSTILE}, {"nom": "seul"}, {}]
    record["analyses_impact"] = [{"type": "aipd", "date": "2024-03", "url": "javascript:alert(1)", "resume": HOSTILE},
                                 {"type": "autre", "url": "https://exemple.fr/a?b=1&c=\"2\""}, {}]
    record["url_regles_publiees"] = 'https://exemple.fr/"><script>'
    record["nombre_decisions_par_an"] = None
    record["publics"] = ["particuliers", "inconnu"]
    coll.update(nom=HOSTILE, prada=HOSTILE, formulaire_demandes="javascript:alert(1)", adresse_postale=HOSTILE,
                contact_dpo=HOSTILE)
    return record, coll


def test_hostile_records_are_written_as_the_macros_wrote_them(items):
    seen = 0
    for item in items[::3]:
        for decisions in (True, False, None):
            record, coll = _hostile(item.cas, item.collectivite)
            record["decisions_individuelles"] = decisions
            record["niveau_automatisation"] = "decision_automatisee" if decisions else "aide_decision"
            hostile = ExportItem(item.rel, record, coll)
            _same(hostile)
            page = "".join(_python(build_notice(hostile, lang="fr", today=TODAY), 3))
            assert "<script>" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
            assert "\u202e" not in page and "\\u202eevil\\u200b\\x1b[2J" in page
            assert 'href="javascript' not in page and "{{ 7*7 }}" in page
            seen += 1
    assert seen >= 30


def test_a_section_without_optional_parts(items):
    bare = {k: v for k, v in items[0].cas.items() if k in ("identifiant", "nom", "collectivite", "statut")}
    for coll in (items[0].collectivite, {}):
        _same(ExportItem(items[0].rel, bare, coll))


def test_the_notice_document_holds_the_sections(items):
    notice = build_notice(items[0], lang="en", today=TODAY, record_lang="fr")
    page = render_notice(notice, "html")
    for part in _python(notice, 2):
        assert part in page


def test_restricted_fields_never_reach_a_section(items):
    from iaterr.model import CasUsage
    from iaterr.model.introspect import specs
    from iaterr.model.visibility import shown_fields

    restricted = set(specs(CasUsage)) - set(shown_fields(CasUsage))
    assert restricted
    for item in items:
        assert not restricted & set(item.cas), item.rel  # the sections read the public view, nothing else
