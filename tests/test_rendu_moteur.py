"""The templates' environment made cheaper for the register (#14) writes what Jinja's own environment writes.

:func:`iaterr.publish.templating.environment` compiles the templates with three steps made cheaper (one call
per printed value, a record's keys read at once, plain functions called as they are). These tests render the
use-case pages of data/ and their notices, in French and in English, with it and with Jinja's own
``Environment`` set up the same way, and compare byte for byte; and they check each step on the values where
Jinja's rules are subtle: hostile text, a key named like a dict method, a missing key, a function that asks for
the context."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from jinja2 import Environment, PackageLoader, pass_context, select_autoescape
from markupsafe import Markup, escape

from iaterr.model.visibility import View
from iaterr.publish.templating import _shown, html_shown
from iaterr.publish.templating import environment as fast_environment

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
HOSTILE = ['<script>alert("x")</script>', "l'été & « co »", "{{ 7*7 }}", "a\u202eb\u200bc\x1bd\x00e",
           "ligne\nsuite\tfin", "x" * 5000, "", "   ", "\U000e0041", "\ud800"]


def _jinja_like(env: Environment) -> Environment:
    """Jinja's own environment with the settings, loader, globals, filters and tests of ``env``."""
    plain = Environment(loader=env.loader, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
                        finalize=_shown, auto_reload=False)
    plain.globals.update(env.globals)
    plain.filters.update(env.filters)
    plain.tests.update(env.tests)
    return plain


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    from iaterr.publish.site.build import _renderers
    from iaterr.publish.site.data import load_site_data
    from iaterr.publish.site.output import Staging
    from iaterr.repo.config import open_repository

    repo = open_repository(ROOT)
    site = load_site_data(repo, use_cache=False, jobs=1, views=True, today=TODAY)
    staging = Staging(tmp_path_factory.mktemp("moteur") / "site")
    made = _renderers(repo, site, ["fr", "en"], None, TODAY, "0123abcd", staging, {}, "moteur")
    yield site, [renderer for renderer, _ in made]
    staging.discard()


def test_every_use_case_page_is_what_jinja_writes(register):
    site, renderers = register
    for renderer in renderers:
        fast = renderer.env
        assert type(fast).__name__ == "FastEnvironment"
        plain = _jinja_like(fast)
        for record in site.records:
            renderer.current = f"cas/{record.identifiant}.html"
            renderer.env = fast
            page = renderer.case_page(record)
            renderer.env = plain
            try:
                assert page == renderer.case_page(record), (renderer.lang, record.identifiant)
            finally:
                renderer.env = fast


def test_every_notice_is_what_jinja_writes(register, monkeypatch):
    from iaterr.publish import notice as notices
    from iaterr.publish.export import ExportItem

    site, _renderers = register
    fast_env = notices._environment()
    plain_env = _jinja_like(fast_env)
    plain_env.loader = PackageLoader("iaterr", "templates/notice")
    made = {"fast": lambda: fast_env}

    def plain():
        return plain_env

    for record in site.records:
        item = ExportItem(record.rel, record.data, site.collectivites[record.collectivite])
        for lang in ("fr", "en"):
            n = notices.build_notice(item, lang=lang, today=TODAY)
            monkeypatch.setattr(notices, "_environment", made["fast"])
            fast = [notices.render_notice(n, "html"), notices.render_mention(n, "html"), notices.render_notice(n, "md")]
            monkeypatch.setattr(notices, "_environment", plain)
            try:
                assert fast == [notices.render_notice(n, "html"), notices.render_mention(n, "html"),
                                notices.render_notice(n, "md")], (lang, record.identifiant)
            finally:
                monkeypatch.setattr(notices, "_environment", made["fast"])


@pytest.mark.parametrize("value", [*HOSTILE, *(Markup(v) for v in HOSTILE), 42, 0.5, None, True, ["<a>"],
                                   type("Html", (), {"__html__": lambda self: "<b>gras</b>"})()])
def test_a_printed_value_is_shown_and_escaped_as_before(value):
    assert str(html_shown(value)) == str(escape(_shown(value)))


def _both(source: str) -> tuple:
    """``source`` as an HTML template (autoescaped), compiled by both environments."""
    source = "{% autoescape true %}" + source + "{% endautoescape %}"
    return fast_environment().from_string(source), _jinja_like(fast_environment()).from_string(source)


def test_record_keys_attributes_and_missing_keys_are_read_as_jinja_reads_them():
    record = View({"nom": "<b>x</b>", "items": "clé items", "restricted": "clé"})
    source = ("{{ d.nom }}|{{ d.items is string }}|{{ d.absent is defined }}|{{ d.restricted }}|{{ d.get('nom') }}|"
              "{{ e.absent is defined }}|{{ e.x }}|{{ o.real }}")
    values = {"d": record, "e": {}, "o": 3}
    fast, plain = _both(source)
    assert fast.render(**values) == plain.render(**values) == \
        "&lt;b&gt;x&lt;/b&gt;|False|False|False|&lt;b&gt;x&lt;/b&gt;|False||3"
    record.restricted = True  # an attribute of the object itself: found first, as Jinja does
    assert fast.render(**values) == plain.render(**values)


def test_a_function_that_asks_for_the_context_still_gets_it():
    @pass_context
    def where(context, suffix):
        return context["lieu"] + suffix

    def plain(*args, **kwargs):
        return f"{args}{sorted(kwargs)}"

    source = "{{ where('!') }}{% for x in [1] %}{{ where('?') }}{{ plain(x, a=1) }}{% endfor %}{{ plain() }}"
    fast, reference = _both(source)
    values = {"where": where, "plain": plain, "lieu": "Lyon"}
    assert fast.render(**values) == reference.render(**values) == "Lyon!Lyon?(1,)[&#39;a&#39;]()[]"


def test_html_shown_is_compiled_into_html_templates_only():
    fast, _plain = _both("{{ v }}")
    assert fast.render(v="<\u202e>") == "&lt;\\u202e&gt;"
    text = fast_environment().from_string("{{ v }}")  # not HTML: not escaped, its invisible characters shown
    assert text.render(v="<\u202e>") == "<\\u202e>"


def test_a_text_printed_again_is_shown_the_same_and_text_is_never_taken_for_html():
    for value in ("<b>", "a\u202eb", "x" * 400):
        for _ in range(2):
            assert html_shown(value) == str(escape(_shown(value)))
            assert html_shown(Markup(value)) == str(escape(_shown(Markup(value))))
    assert html_shown("<b>") == "&lt;b&gt;" and html_shown(Markup("<b>")) == "<b>"
