"""The notice and the register website in a real browser (headless Chromium, see tests/browser.py).

axe-core finds no WCAG 2.0/2.1 A or AA violation on the notice and on one page of every template of
the site; the pages load nothing from outside; hostile text runs no script; the search box filters.
Without Chromium and chromedriver every test here skips, saying why (``.ci/run`` installs them).
"""

from __future__ import annotations

import copy
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from browser import axe_violations, browser, describe, external, open_page, requests_of  # noqa: F401
from conftest import ROOT
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, make_repo, variant

ENV = {"IATERR_AUJOURDHUI": "2026-11-22", "NO_COLOR": "1"}
HOSTILE = ('<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> '
           '[lien](javascript:window.__pwned=1)')
#: the free-text fields of GOOD_DECISION (not codes, dates, numbers, addresses or identifiers)
FREE_TEXT = ("nom", "description", "finalite", "personnes_concernees", "contribution_decision",
             "supervision_humaine", "base_legale", "exercice_droits", "procedure_objection", "operations",
             "evaluation_risques", "information_ia", "nom_algorithme")


def hostile_record() -> dict:
    record = variant(GOOD_DECISION, **{name: f"{name} {HOSTILE}" for name in FREE_TEXT})
    record["partenaires"] = [f"partenaire {HOSTILE}"]
    record["fournisseurs"] = [f"fournisseur {HOSTILE}"]
    record["donnees"] = [dict(d, nom=f"donnée {HOSTILE}") for d in record["donnees"]]
    record["parametres"] = [dict(p, nom=f"paramètre {HOSTILE}", description=f"description {HOSTILE}",
                                 ponderation=f"40 % {HOSTILE}") for p in record["parametres"]]
    return record


HOSTILE_COLLECTIVITE = dict(copy.deepcopy(COLLECTIVITE), nom=f"Ville {HOSTILE}")


@contextmanager
def _in(root: Path):
    with pytest.MonkeyPatch.context() as mp:
        for key, value in ENV.items():
            mp.setenv(key, value)
        mp.delenv("IATERR_LANG", raising=False)
        mp.chdir(root)
        yield


def _iaterr(root: Path, *args: str):
    from iaterr.cli.main import build_app

    with _in(root):
        return CliRunner().invoke(build_app("fr"), list(args))


def _notice(tmp_path: Path, record: dict, collectivite: dict | None = None) -> Path:
    root = make_repo(tmp_path / "depot", [record], collectivite=collectivite)
    result = _iaterr(root, "notice", record["identifiant"], "--format", "html")
    assert result.exit_code in (0, 1), result.output  # 1: a notice that says what is missing
    assert result.stdout.startswith("<!DOCTYPE html>"), result.output
    page = tmp_path / f"{record['identifiant']}.html"
    page.write_text(result.stdout, encoding="utf-8")
    return page


def _site_module():
    try:
        import iaterr.publish.site  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"iaterr register build does not exist yet ({exc})")


def _build_site(root: Path, out: Path) -> Path:
    _site_module()
    result = _iaterr(root, "register", "build", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file(), sorted(p.name for p in out.iterdir())
    return out


def _assert_accessible(driver, page: Path, label: str) -> None:
    open_page(driver, page)
    violations = axe_violations(driver)
    assert not violations, "axe-core violations:\n" + describe(violations, label)
    outside = external(requests_of(driver))
    assert not outside, f"{label} loaded from outside: {outside}"


def _assert_not_pwned(driver, label: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"{label}: an alert opened: {text!r}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return typeof window.__pwned") == "undefined", f"{label}: a script ran"


def _assert_hostile_page_is_safe(driver, page: Path, label: str) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, page)
    _assert_not_pwned(driver, label)
    assert driver.find_elements(By.TAG_NAME, "h1") and driver.find_elements(By.TAG_NAME, "main"), label
    assert "window.__pwned" in driver.find_element(By.TAG_NAME, "main").text, f"{label}: the text is shown"
    count = len([a for a in driver.find_elements(By.TAG_NAME, "a") if "lien" in a.text])
    for index in range(count):  # each click on a fresh page: a click may navigate
        open_page(driver, page)
        links = [a for a in driver.find_elements(By.TAG_NAME, "a") if "lien" in a.text]
        href = links[index].get_attribute("href")
        driver.execute_script("arguments[0].scrollIntoView()", links[index])
        links[index].click()
        _assert_not_pwned(driver, f"{label}, after a click on link {index + 1} (href {href!r})")


# ---------------------------------------------------------------- the notice

def test_notice_of_a_complete_record_has_no_axe_violation(browser, tmp_path):
    _assert_accessible(browser, _notice(tmp_path, GOOD_DECISION), "notice (complete)")


def test_notice_with_missing_items_has_no_axe_violation(browser, tmp_path):
    record = variant(GOOD_DECISION, drop=("parametres", "operations", "exercice_droits", "contact_droits"))
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "contact_droits"}
    page = _notice(tmp_path, record, coll)
    assert "manquant" in page.read_text(encoding="utf-8")
    _assert_accessible(browser, page, "notice (incomplete)")


def test_notice_of_hostile_text_runs_no_script(browser, tmp_path):
    _assert_hostile_page_is_safe(browser, _notice(tmp_path, hostile_record(), HOSTILE_COLLECTIVITE),
                                 "notice (hostile)")


# ---------------------------------------------------------------- the register website

@pytest.fixture(scope="module")
def site_data(tmp_path_factory) -> Path:
    """A copy of this repository's data in which every collectivité gives an address for requests, so that some
    notices are complete (no collectivité of data/ declares one yet, and a notice without any says so): both
    kinds of case page are then exercised."""
    where = tmp_path_factory.mktemp("donnees")
    shutil.copytree(ROOT / "data", where / "data")
    shutil.copy2(ROOT / "iaterr.yaml", where / "iaterr.yaml")
    for path in sorted((where / "data" / "collectivites").glob("*.yaml")):
        with path.open("a", encoding="utf-8") as out:
            out.write("contact_droits: acces-documents@example.org\n")
    return where


@pytest.fixture(scope="module")
def site(site_data, tmp_path_factory) -> Path:
    """The register of that data, built once."""
    _site_module()
    return _build_site(site_data, tmp_path_factory.mktemp("registre") / "site")


def _use_cases_by_completeness(root: Path) -> tuple[str, str]:
    """A use case whose notice is complete, and one whose notice has missing items (or is silent on
    decisions), from the data at ``root``."""
    from iaterr.publish.export import load_items
    from iaterr.publish.notice import build_notice
    from iaterr.repo.config import open_repository

    notices = [build_notice(item) for item in load_items(open_repository(root)).items]
    complete = next(n.identifiant for n in notices if n.complete)
    incomplete = next(n.identifiant for n in notices if not n.complete)
    return complete, incomplete


def _one_page_of_every_template(site: Path, root: Path) -> dict[str, Path]:
    complete, incomplete = _use_cases_by_completeness(root)
    pages = {
        "home": site / "index.html",
        f"use case, complete notice ({complete})": site / "cas" / f"{complete}.html",
        f"use case, missing items ({incomplete})": site / "cas" / f"{incomplete}.html",
        "figures": site / "chiffres.html",
    }
    collectivites = sorted((site / "collectivites").glob("*.html"))
    assert collectivites, "no collectivité page"
    pages[f"collectivité ({collectivites[0].stem})"] = collectivites[0]
    filters = sorted(p for folder in ("themes", "statuts") for p in (site / folder).glob("*.html"))
    assert filters, "no filter page under themes/ or statuts/"
    pages[f"filter ({filters[0].relative_to(site)})"] = filters[0]
    # any other page template the site grows (one page of each other folder)
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        if folder.name not in {"cas", "collectivites", "themes", "statuts"}:
            first = sorted(folder.glob("*.html"))
            if first:
                pages[f"other ({first[0].relative_to(site)})"] = first[0]
    missing = [str(p.relative_to(site)) for p in pages.values() if not p.is_file()]
    assert not missing, f"missing pages: {missing}"
    return pages


def test_one_page_of_every_site_template_has_no_axe_violation_and_loads_nothing_from_outside(browser, site,
                                                                                           site_data):
    failures = []
    for label, page in _one_page_of_every_template(site, site_data).items():
        open_page(browser, page)
        violations = axe_violations(browser)
        if violations:
            failures.append(describe(violations, f"{label} [{page.relative_to(site)}]"))
        outside = external(requests_of(browser))
        if outside:
            failures.append(f"{label} [{page.relative_to(site)}] loaded from outside: {outside}")
    assert not failures, "\n".join(failures)


def test_site_with_hostile_text_runs_no_script(browser, tmp_path):
    _site_module()
    root = make_repo(tmp_path / "depot", [hostile_record()], collectivite=HOSTILE_COLLECTIVITE)
    out = _build_site(root, tmp_path / "site")
    pages = [out / "index.html", out / "cas" / f"{GOOD_DECISION['identifiant']}.html"]
    pages += sorted((out / "collectivites").glob("*.html"))[:1]
    for page in pages:
        assert page.is_file(), page
        _assert_hostile_page_is_safe(browser, page, f"site (hostile) {page.relative_to(out)}")


def test_search_box_narrows_the_list_of_the_home_page(browser, site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, site / "index.html")
    boxes = [e for e in browser.find_elements(By.CSS_SELECTOR, "input[type=search], [role=search] input, "
                                                                "input[type=text]") if e.is_displayed()]
    if not boxes:
        pytest.skip("the home page has no search box")

    def shown() -> list[str]:  # read in one step: the list is drawn again at each key
        return browser.execute_script(
            "return Array.prototype.filter.call(document.querySelectorAll(\"main a[href*='cas/']\"),"
            " function (a) { return a.offsetParent !== null; }).map(function (a) { return a.href; });")

    before = shown()
    assert len(before) > 1, "the home page lists no use case"
    boxes[0].send_keys("fuites")
    after = shown()
    assert after and len(after) < len(before), (len(before), after)
    assert any("sicoval-detection-fuites-eau" in href for href in after), after
    boxes[0].clear()
    boxes[0].send_keys(" ", Keys.BACKSPACE)  # clear() fires no input event: type, then erase
    assert len(shown()) == len(before)
