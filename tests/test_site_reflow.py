"""Reflow (WCAG 1.4.10, which axe-core does not test): no page of the register scrolls sideways at 320 CSS px,
whatever the data — every page of this repository's data plus a record and a collectivité of hostile long text
(300-character words, long addresses, long e-mail), in headless Chromium (see tests/browser.py). A wide data
table may scroll inside its own box (two-dimensional content is an exception of 1.4.10): the page may not.

Issue #14: at 320 px 26 of 71 pages scrolled sideways (« Sources et code » up to 1,033 px, the filter menus
499 px wide), and a 300-character word made a desktop page 3,548 px wide."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from browser import browser, open_page  # noqa: F401
from conftest import ROOT
from iaterr.repo.records import render_record
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, variant

WORD = "Anticonstitutionnellement" * 12  # 300 characters, no place to break
URL = "https://www.ville-exemple.fr/" + "/".join(["un-chemin-tres-long-sans-espace"] * 30) + "?q=" + "x" * 200
TAIL = WORD[:180]


def _long_record() -> dict:
    record = variant(GOOD_DECISION, identifiant="cas-aux-mots-tres-longs", nom=f"Nom {WORD}",
                     description=f"Description {WORD} suite.", finalite=f"Finalité {WORD}",
                     operations=f"Opérations {WORD}", base_legale=f"Base {WORD}",
                     url_informations=URL, url_code_source=URL + "a", url_regles_publiees=URL + "b",
                     contact_droits=f"{'demandes-' * 6}acces@{'service-' * 5}ville-exemple.fr")
    record["partenaires"] = [f"Partenaire {WORD}"]
    record["fournisseurs"] = [f"Fournisseur{WORD}"]
    record["donnees"] = [dict(d, nom=f"Donnée {WORD}") for d in record["donnees"]]
    record["parametres"] = [dict(p, nom=f"Paramètre {WORD}", description=f"Description {WORD}",
                                 ponderation=f"40{WORD}") for p in record["parametres"]]
    record["chiffres_cles"] = [{"valeur": f"1{WORD}", "libelle": f"libellé {WORD}"}]
    record["dates_cles"] = [{"date": "2024-09", "evenement": f"Événement {WORD}"}]
    record["points_positifs"] = [f"Positif {WORD}"]
    # this repository is public (iaterr.yaml): its record files hold no restricted value, and pages show none
    from iaterr.model import CasUsage
    from iaterr.model.visibility import restricted_paths

    for path, _value in restricted_paths(CasUsage, record):
        record.pop(path[0], None)
    return record


def _long_collectivite() -> dict:
    coll = copy.deepcopy(COLLECTIVITE)
    coll.update(nom=f"Ville de {TAIL}", site_web=URL + "c", formulaire_demandes=URL + "d",
                adresse_postale=f"{WORD}, 31000 Exemple", prada=f"Direction {WORD}")
    return coll


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Path:
    """The register of data/ with the long record and collectivité added, built once."""
    from iaterr.publish.site import build_site
    from iaterr.repo.config import open_repository

    root = tmp_path_factory.mktemp("depot")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy2(ROOT / "iaterr.yaml", root / "iaterr.yaml")
    coll = _long_collectivite()
    (root / f"data/collectivites/{coll['identifiant']}.yaml").write_text(render_record("collectivite", coll),
                                                                         encoding="utf-8")
    (root / "data/cas-usage/cas-aux-mots-tres-longs.yaml").write_text(render_record("cas_usage", _long_record()),
                                                                       encoding="utf-8")
    out = root.parent / "site-long"
    result = build_site(open_repository(root), out)
    assert not result.skipped, result.skipped  # the long record is valid: its page is there
    assert (out / "cas/cas-aux-mots-tres-longs.html").is_file()
    return out


#: the page's width once laid out (fonts loaded, two frames drawn): a measure taken at load may catch a transient
#: layout
_WIDTH = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(
  () => done(document.documentElement.scrollWidth))));
"""
_CULPRITS = """
const limit = arguments[0], out = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (r.right > limit + 1 && !e.closest('.defile'))
    out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' → ' + Math.round(r.right) + ' px');
  if (out.length >= 3) break;
}
return out;
"""


def _overflowing(driver, pages: list[Path], width: int, site: Path) -> list[str]:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    try:
        bad = []
        for page in pages:
            open_page(driver, page)
            scroll = driver.execute_async_script(_WIDTH)
            if scroll > width:
                bad.append(f"{page.relative_to(site)}: {scroll} px wide "
                           f"({', '.join(driver.execute_script(_CULPRITS, width))})")
        return bad
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_page_scrolls_sideways_at_320_px(browser, long_site):  # noqa: F811
    pages = sorted(long_site.rglob("*.html"))
    assert len(pages) > 70, len(pages)
    bad = _overflowing(browser, pages, 320, long_site)
    assert not bad, f"{len(bad)} page(s) of {len(pages)} scroll sideways at 320 px:\n" + "\n".join(bad)


def test_a_300_character_word_does_not_widen_a_desktop_page(browser, long_site):  # noqa: F811
    pages = [long_site / "cas/cas-aux-mots-tres-longs.html", long_site / "collectivites/ville-exemple.html",
             long_site / "index.html"]
    bad = _overflowing(browser, pages, 1280, long_site)
    assert not bad, "\n".join(bad)


def test_the_notice_of_long_text_does_not_scroll_sideways_at_320_px(browser, tmp_path):  # noqa: F811
    """``iaterr notice --format html`` shares the stylesheet of the case pages."""
    from iaterr.publish.export import ExportItem
    from iaterr.publish.notice import build_notice, render_notice

    notice = build_notice(ExportItem("data/cas-usage/x.yaml", _long_record(), _long_collectivite()))
    page = tmp_path / "notice.html"
    page.write_text(render_notice(notice, "html"), encoding="utf-8")
    assert WORD in page.read_text(encoding="utf-8")
    bad = _overflowing(browser, [page], 320, tmp_path)
    assert not bad, "\n".join(bad)
