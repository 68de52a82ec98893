"""The register's use-case pages rendered the fast way (#14) are the pages the templates say, byte for byte.

The register compiles its HTML templates once per language with what every page prints the same written in
(:func:`iaterr.publish.templating.environment` with ``constant``, given by ``Renderer.constant``). These
tests render every use case of data/ in French and in English both ways (written in, and worked out by each
page as before) and compare; they render a hostile record and check what the old pages guaranteed: escaped
text, no character that reorders a line, ``lang`` on record text in another language, every section of the
notice."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup

from iaterr.publish.templating import NOT_CONSTANT, _folded

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
SECTIONS = ("s-resume", "s-traitement", "s-notice", "s-contribution", "s-donnees", "s-parametres", "s-operations",
            "s-droits", "s-ia")


def _renderers(repo_root: Path, tmp: Path, langs: list[str]):
    from iaterr.publish.site.build import _renderers as made
    from iaterr.publish.site.data import load_site_data
    from iaterr.publish.site.output import Staging
    from iaterr.repo.config import open_repository

    repo = open_repository(repo_root)
    site = load_site_data(repo, use_cache=False, jobs=1, views=True, today=TODAY)
    staging = Staging(tmp / "site")
    return site, [r for r, _ in made(repo, site, langs, None, TODAY, "0123abcd", staging, {}, "rapide")], staging


def _pages(site, renderer) -> dict[str, str]:
    out = {}
    for record in site.records:
        renderer.current = f"cas/{record.identifiant}.html"
        out[record.identifiant] = renderer.case_page(record)
    return out


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """Every use case of data/ in French and in English, built as one register with both languages."""
    tmp = tmp_path_factory.mktemp("rapide")
    site, renderers, staging = _renderers(ROOT, tmp, ["fr", "en"])
    yield site, renderers
    staging.discard()


def test_every_page_is_the_page_the_templates_render_when_called(both):
    """Constants written in when compiling, or worked out by every page (the templates as they are read): the
    same bytes, for every use case of data/, in both languages."""
    from iaterr.publish.site.render import environment

    site, renderers = both
    for renderer in renderers:
        fast = _pages(site, renderer)
        folded = renderer.env
        try:
            renderer.env = environment()  # the same templates, every expression worked out by each page
            renderer.env.globals.update(folded.globals)
            called = _pages(site, renderer)
        finally:
            renderer.env = folded
        assert len(fast) == len(site.records) >= 30
        for ident, page in fast.items():
            assert page == called[ident], (renderer.lang, ident)
            assert all(f'id="{section}"' in page for section in SECTIONS), (renderer.lang, ident)
            assert f'<html lang="{renderer.lang}">' in page


def test_french_record_text_is_marked_on_english_pages(both):
    site, renderers = both
    english = next(r for r in renderers if r.lang == "en")
    record = site.records[0]
    english.current = f"cas/{record.identifiant}.html"
    page = english.case_page(record)
    assert '<h1 lang="fr">' in page and '<p class="collectivite" lang="fr">' in page
    french = next(r for r in renderers if r.lang == "fr")
    assert 'lang="fr">' not in french.case_page(record).split("<main", 1)[1].split("</main>", 1)[0]


def test_a_hostile_record_is_escaped(tmp_path):
    """Markup, a direction override and line breaks in a record's text: shown as text, never as markup."""
    import yaml

    repo = tmp_path / "depot"
    repo.mkdir()
    shutil.copy(ROOT / "iaterr.yaml", repo / "iaterr.yaml")
    shutil.copytree(ROOT / "data", repo / "data")
    shutil.copytree(ROOT / "schema", repo / "schema")
    target = sorted((repo / "data" / "cas-usage").glob("*.yaml"))[0]
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    data["nom"] = '<script>alert("nom")</script> \u202eevil'
    data["description"] = "Ligne <b>un</b>\nligne & deux\n\n<img src=x onerror=alert(1)>"
    data["finalite"] = "{{ 7*7 }} {% if true %}x{% endif %}"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site, renderers, staging = _renderers(repo, tmp_path, ["fr"])
    try:
        record = next(r for r in site.records if r.identifiant == data["identifiant"])
        page = renderers[0].case_page(record)
    finally:
        staging.discard()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;nom&#34;)&lt;/script&gt; \\u202eevil" in page
    assert "\u202e" not in page
    assert "<b>un</b>" not in page and "Ligne &lt;b&gt;un&lt;/b&gt;<br>\nligne &amp; deux" in page
    assert "<img" not in page and "<p>&lt;img src=x onerror=alert(1)&gt;</p>" in page
    assert "{{ 7*7 }} {% if true %}x{% endif %}" in page and "49" not in page.split('id="s-traitement"')[1][:2000]


@pytest.mark.parametrize("value, shown", [
    ("Résumé", "Résumé"),
    ("a < b & « c »", "a &lt; b &amp; « c »"),
    ('dit "oui"', "dit &#34;oui&#34;"),
    ("sens\u202einverse", "sens\\u202einverse"),
    (Markup(' lang="fr"'), ' lang="fr"'),
])
def test_a_constant_written_in_is_what_the_page_printed(value, shown):
    assert _folded('<p>{{ m("x.y") }}</p>', "a.html.j2", lambda name, expr: value) == f"<p>{shown}</p>"


@pytest.mark.parametrize("value", ["{{ 7*7 }}", "{% raw %}", "{# c #}", "a } b", "{nom}", "", "  "])
def test_a_value_with_a_brace_or_blank_stays_an_expression(value):
    """Never template code made of a value; never a blank that would change how the line around it is
    trimmed."""
    source = '<p>{{ m("x.y") }}</p>'
    assert _folded(source, "a.html.j2", lambda name, expr: value) == source


@pytest.mark.parametrize("source, value", [
    ('{% if a %}{{ m("x") }}', "\nsuite"),
    ('  {{ m("x") }}{% if a %}', "ligne\n  "),
    ('{{ m("x") }}{%- if a %}', "Statut : "),
    ('{{ m("x") }}{#- note -#}', "Statut : "),
    ('{{ m("x") -}}{{ m("x") }}', " : "),
])
def test_a_value_the_whitespace_rules_would_trim_stays_an_expression(source, value):
    assert _folded(source, "a.html.j2", lambda name, expr: value) == source


def test_a_value_next_to_a_trimming_tag_is_written_in_when_nothing_would_be_trimmed():
    assert _folded('{{ m("x") }}{%- if a %}', "a.html.j2", lambda name, expr: "Statut") == "Statut{%- if a %}"


def test_only_what_is_constant_is_written_in():
    source = '{{ m("a", n=1) }}{{ m(key) }}{{- m("b") }}{{ m("c") -}}{{ label("d") }}{{ m("e") }}'
    constants = {'m("a", n=1)': "A", 'm("e")': "E"}
    assert _folded(source, "a.html.j2", lambda name, expr: constants.get(expr, NOT_CONSTANT)) == \
        'A{{ m(key) }}{{- m("b") }}{{ m("c") -}}{{ label("d") }}E'


def test_a_renderer_works_out_only_what_every_page_prints_the_same(both):
    from iaterr.publish.site.render import NOTICE_TEMPLATES

    _site, renderers = both
    english = next(r for r in renderers if r.lang == "en")
    assert english.constant("site/cas.html.j2", 'm("registre.nav")') == "Main navigation"
    assert english.constant("site/cas.html.j2", "n.la") == ' lang="fr"'
    assert english.constant("site/index.html.j2", "n.la") is NOT_CONSTANT  # ``n`` is a notice on case pages only
    assert "L311-1" in english.constant("notice/_sections.html.j2", 'n.subtitle("droits")')
    assert english.constant("site/cas.html.j2", "commit") == "0123abcd"
    assert english.constant("site/_base.html.j2", "m('registre.pied.genere', date=day(today), commit=commit, "
                            "version=version)").startswith("Page generated on 22 November 2026 from commit 0123abcd")
    for expression in ("m(key)", "root", "top", "n.nom", "label('themes', s.theme)", "ident.logo[1]", "o.href",
                       "rows_html(rows, root)", "m(", "undefined_name", "m('x') if active else ''", "'a' ~ root"):
        for template in NOTICE_TEMPLATES | {"site/_base.html.j2"}:
            assert english.constant(template, expression) is NOT_CONSTANT, (template, expression)


@pytest.mark.parametrize("value, html", [
    ("  une ligne  ", "une ligne"),
    ("a <b> & c", "a &lt;b&gt; &amp; c"),
    ("", ""),
    ("un\ndeux", "un<br>\ndeux"),
    ("un\n \n\ndeux\n trois", "<p>un</p><p>deux<br>\ntrois</p>"),
    ("x\u200by", "x\\u200by"),
])
def test_paragraphs(value, html):
    from iaterr.publish.notice import paragraphs

    assert str(paragraphs(value)) == html
