"""The register in English (issue #14: « French record text carries no lang="fr" (WCAG 3.1.2); no language
switch »): every passage of a French record in an English page is marked ``lang="fr"``."""

from __future__ import annotations

import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import browser  # noqa: F401
from conftest import ROOT
from iaterr.publish.export import load_items
from iaterr.publish.site import build_site
from iaterr.repo.config import open_repository

TODAY = date(2026, 11, 22)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Langs(HTMLParser):
    """Each text of the page with the language in force where it stands (the nearest ``lang``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and self.stack and self.stack[-1][0] not in ("script", "style", "title"):
            self.texts.append((" ".join(data.split()), self.stack[-1][1]))


def _langs(path: Path) -> list[tuple[str, str]]:
    parser = _Langs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.texts


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    root = tmp_path_factory.mktemp("depot")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy2(ROOT / "iaterr.yaml", root / "iaterr.yaml")
    out = root.parent / "site-en"
    build_site(open_repository(root), out, lang="en", today=TODAY)
    return root, out


def _french_texts(item) -> list[str]:
    """Texts of a record that are French whatever the page's language (one line each)."""
    cas = item.cas
    texts = [cas["nom"], item.collectivite["nom"]]
    for name in ("description", "finalite", "operations", "contribution_decision", "supervision_humaine"):
        if cas.get(name):
            texts.append(" ".join(str(cas[name]).split("\n")[0].split()))
    texts += [str(d["nom"]) for d in cas.get("donnees") or [] if isinstance(d, dict) and d.get("nom")]
    return [t for t in texts if len(t) > 3]


def test_every_french_passage_of_an_english_case_page_is_marked(english):
    root, out = english
    unmarked = []
    for item in load_items(open_repository(root)).items:
        page = out / "cas" / f"{item.cas['identifiant']}.html"
        texts = _langs(page)
        assert texts and _Langs().stack == []
        for wanted in _french_texts(item):
            found = [lang for text, lang in texts if wanted in text or (len(text) > 30 and text in wanted)]
            assert found, (page.name, wanted)
            unmarked += [(page.name, wanted) for lang in found if lang != "fr"]
    assert not unmarked, unmarked[:10]


def test_lists_mark_names_and_collectivites(english):
    root, out = english
    texts = dict(_langs(out / "index.html"))
    for item in load_items(open_repository(root)).items[:10]:
        assert texts.get(item.cas["nom"]) == "fr", item.cas["nom"]
        assert texts.get(item.collectivite["nom"]) == "fr", item.collectivite["nom"]
    assert dict(_langs(out / "collectivites/metz.html"))["Ville de Metz"] == "fr"
    # English text stays English
    assert texts.get("Download the data") == "en"


def test_collectivite_names_inside_english_sentences_are_marked(english):
    """« Use cases of Communauté d'agglomération du Sicoval (2) » had no ``lang`` on the name (review of #14): on
    every collectivité page, no English text holds the collectivité's name."""
    root, out = english
    collectivites = load_items(open_repository(root)).collectivites
    assert collectivites
    for ident, coll in collectivites.items():
        texts = _langs(out / "collectivites" / f"{ident}.html")
        name = str(coll["nom"])
        assert any(text == name and lang == "fr" for text, lang in texts), ident
        assert not [text for text, lang in texts if name in text and lang != "fr"], ident
        caption = (out / "collectivites" / f"{ident}.html").read_text(encoding="utf-8").split("<caption>")[1]
        assert caption.startswith('Use cases of <span lang="fr">'), caption[:80]


def test_a_french_build_marks_nothing(tmp_path):
    root = tmp_path / "depot"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy2(ROOT / "iaterr.yaml", root / "iaterr.yaml")
    build_site(open_repository(root), tmp_path / "site", today=TODAY)
    page = (tmp_path / "site/cas/metz-vipare.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in page and page.count('lang="') == 1  # <html lang="fr"> only


def test_both_languages_are_built_with_a_switch_on_every_page(cli, tmp_path):
    """``registre: {langues: [fr, en]}``: French at the top, English under en/, each page linking to its other
    version (same page), every link resolving, the shared assets and open data once."""
    import re
    from urllib.parse import unquote, urlsplit

    root = tmp_path / "depot"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "iaterr.yaml").write_text('version_schema: "1.0"\nregistre:\n  langues: [fr, en]\n', encoding="utf-8")
    result = cli("register", "build", "--repo", str(root))
    assert result.exit_code == 1, result.output  # the pages without a request channel, as in one language
    out = root / "site"
    french = sorted(p.relative_to(out) for p in out.rglob("*.html") if p.relative_to(out).parts[0] != "en")
    english = sorted(p.relative_to(out / "en") for p in (out / "en").rglob("*.html"))
    assert french == english and len(french) > 70
    assert not (out / "en/assets").exists() and not (out / "en/donnees").exists()
    for rel in french:
        for page, other, lang in ((out / rel, out / "en" / rel, "en"), (out / "en" / rel, out / rel, "fr")):
            text = page.read_text(encoding="utf-8")
            switch = re.search(rf'<a href="([^"]+)" hreflang="{lang}" lang="{lang}">', text)
            assert switch, page
            # the 404 page is shown at any address: its links start from the host's root (test_site_revue14)
            base = out if rel.name == "404.html" else page.parent
            assert (base / switch.group(1).lstrip("/")).resolve() == other.resolve(), (page, switch.group(1))
            for href in re.findall(r'(?:href|src)="([^"#]+)"', text):
                if urlsplit(href).scheme:
                    continue
                assert href.startswith("/") == (rel.name == "404.html"), (page, href)
                assert (base / unquote(href).lstrip("/")).resolve().is_file(), (page, href)
    assert '<html lang="en">' in (out / "en/index.html").read_text(encoding="utf-8")
    assert dict(_langs(out / "en/cas/metz-vipare.html"))["ViPARE"] == "fr"


def test_one_language_has_no_switch(tmp_path):
    root = tmp_path / "depot"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy2(ROOT / "iaterr.yaml", root / "iaterr.yaml")
    build_site(open_repository(root), tmp_path / "site", today=TODAY)
    assert 'hreflang' not in (tmp_path / "site/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("section", ["registre:\n  langues: [de]\n", "registre:\n  langues: [fr, fr]\n",
                                     "registre:\n  couleur: bleu\n", "registre:\n  inconnue: 1\n"])
def test_a_wrong_registre_section_is_refused_with_its_key(cli, tmp_path, section):
    root = tmp_path / "depot"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "iaterr.yaml").write_text('version_schema: "1.0"\n' + section, encoding="utf-8")
    result = cli("register", "build", "--repo", str(root))
    assert result.exit_code == 2 and "registre." in result.stderr, result.output


def test_english_pages_have_no_axe_violation(browser, english):  # noqa: F811
    from browser import axe_violations, describe, open_page

    _root, out = english
    failures = []
    for rel in ("index.html", "cas/metz-vipare.html", "collectivites/metz.html", "mentions-legales.html",
                "accessibilite.html", "chiffres.html"):
        open_page(browser, out / rel)
        violations = axe_violations(browser)
        if violations:
            failures.append(describe(violations, rel))
    assert not failures, "\n".join(failures)
