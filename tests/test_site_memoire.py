"""``register build`` keeps per use case only a few short values in its main process (#14, #16): what the list
pages, the search index and the sitemap show of a record is read back from the build's spool as each page is
written, never held for every record at once.

A small repository of ``bench/generate.py`` (about 120 use cases) is built once, cold, in one process; while each
list page is written the test counts the rows alive (dicts of a list's row: ``id``, ``coll``, ``key``) and the
records whose whole summary is in memory. Held again for every record, they would number in the hundreds."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from conftest import bench_generate

ROOT = Path(__file__).resolve().parents[1]
RECORDS = 120
ROWS_EVERY = 4  # the rows alive are counted on one list page in ROWS_EVERY


def _alive_rows() -> int:
    gc.collect()  # rows held, not garbage the collector has not reached yet
    return sum(1 for o in gc.get_objects() if type(o) is dict and "key" in o and "coll_nom" in o and "id" in o)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Any]:
    generate = bench_generate()
    from iaterr.publish.site import build as build_module
    from iaterr.publish.site.data import NO_SUMMARY
    from iaterr.publish.site.render import Renderer
    from iaterr.repo.config import open_repository

    base = tmp_path_factory.mktemp("memoire")
    generate.generate(RECORDS, base / "depot", seed=20240516, invalid_rate=0.0)
    seen: dict[str, Any] = {"rows": [], "summaries": [], "cached_rows": [], "pages": []}
    write = Renderer.write
    sites: list[Any] = []

    def watched(self: Renderer, rel: str, content: Any) -> str:
        if rel.endswith(".html") and not rel.startswith(("cas/", "en/cas/")):
            done = write(self, rel, content)  # the page's pieces are made while it is written
            seen["pages"].append(rel)
            if len(seen["pages"]) % ROWS_EVERY == 1 or rel.endswith("index.html"):
                # a look at every object alive costs a garbage collection: every few pages, and each home page
                seen["rows"].append((rel, _alive_rows()))
            seen["cached_rows"].append(len(self.rows.done))
            site = self.site
            sites.append(site)
            seen["summaries"].append(sum(1 for r in site.records if r.summary is not NO_SUMMARY))
            return done
        return write(self, rel, content)

    load = build_module.load_site_data

    def alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o).__name__ == "Record")

    def loaded(*args: Any, **kwargs: Any) -> Any:
        before = alive()  # records other tests left
        site = load(*args, **kwargs)
        seen["records"] = len(site.records)
        known = kwargs.get("known") or {}
        seen["collectivites_shared"] = [site.collectivites[c] is known[c] for c in site.collectivites if c in known]
        # the records are kept in columns: no object per record once they are loaded
        seen["records_alive"] = alive() - before
        seen["record_has_dict"] = any(hasattr(r, "__dict__") for r in site.records)
        seen["records_kept"] = list(site.records)
        return site

    from iaterr.check import loader

    checks = loader.cross_checks

    def checked(repo: Any, results: list[Any], **kwargs: Any) -> Any:
        # what the main process holds of each use case while the checks across records run
        cases = [r for r in results if r.kind == "cas_usage"]
        if cases:
            seen["held"] = [(type(r).__name__, type(r.kept).__name__, r.diagnostics) for r in cases]
            seen["whole"] = [(r.digest, dict(r.prepared), r.public, r.emitted) for r in cases
                             if type(r).__name__ == "FileResult" and r.kept is not None]
        return checks(repo, results, **kwargs)

    old_write, old_load = Renderer.write, build_module.load_site_data
    Renderer.write = watched  # type: ignore[method-assign]
    build_module.load_site_data = loaded
    loader.cross_checks = checked
    try:
        # one process: the pages of the lists are written here, where the rows would be held
        result = build_module.build_site(open_repository(base / "depot"), base / "site", jobs=1, use_cache=False,
                                         langs=["fr", "en"])
    finally:
        Renderer.write = old_write  # type: ignore[method-assign]
        build_module.load_site_data = old_load
        loader.cross_checks = checks
    seen["result"] = result
    seen["out"] = base / "site"
    return seen


def test_the_lists_are_written_without_holding_every_row(built):
    assert built["records"] >= 80
    pages = built["pages"]
    # the home page, the filter pages, each collectivité's page, in both languages
    assert any(p.startswith("themes/") for p in pages) and any(p.startswith("en/collectivites/") for p in pages)
    # the home page's first rows (PAGE_SIZE) may be alive; never one row per record
    from iaterr.publish.site.build import PAGE_SIZE

    rows = [n for _, n in built["rows"]]
    assert len(rows) >= len(pages) // ROWS_EVERY
    assert max(rows) <= PAGE_SIZE + 2, built["rows"]
    assert max(rows) < built["records"] / 2
    # the HTML of a list's rows is not kept from one page to the next
    assert max(built["cached_rows"]) == 0
    # no record holds its whole summary while the lists are written
    assert max(built["summaries"]) == 0


def test_a_record_holds_a_few_short_values(built):
    from iaterr.publish.site.data import Record

    assert built["records_alive"] == 0  # a table of columns, a record made on each access
    assert not built["record_has_dict"]  # slotted: no dictionary per record
    assert "summary" in Record.__slots__ and "texts" in Record.__slots__
    # its three spooled texts (list, CSV cells, JSON entry): one integer, not three objects
    assert all(type(r.texts) is int for r in built["records_kept"])


def test_a_collectivite_read_twice_as_it_was_is_held_once(built):
    """The build reads the collectivités first (each use case's page needs its own), then with the rest: one read
    again unchanged is the view read first, not a second copy (a library holds thousands)."""
    shared = built["collectivites_shared"]
    assert shared and all(shared)


def test_each_use_case_is_made_its_record_as_its_result_arrives(built):
    """The main process does not hold every result whole until the checks across records are done: each use
    case's result gives its record as it arrives and lets go of its digest, prepared values and pages' hashes."""
    from iaterr.check.validate import KeptResult

    held = built["held"]
    assert len(held) >= built["records"]
    # a use case without findings of its own: a path, a kind, a summary and its record, nothing else
    clean = [h for h in held if not h[2]]
    assert len(clean) >= built["records"] * 0.9
    assert all(h[:2] == ("KeptResult", "bool") for h in clean), clean[:3]  # put in the site's table
    assert KeptResult.__slots__ == ("rel", "kind", "summary", "kept")
    # one with findings keeps its diagnostics, and lets go of the rest once its record is made
    assert all(w == ("", {}, None, None) for w in built["whole"]), built["whole"][:3]


def test_the_streamed_pages_hold_every_record(built):
    out = built["out"]
    index = (out / "assets" / "recherche.js").read_text(encoding="utf-8")
    cases = [p for p in (out / "cas").glob("*.html")]
    assert len(cases) == built["records"]
    for page in cases:
        assert f'"{page.stem}"' in index
    themes = sum((out / "themes" / name).read_text(encoding="utf-8").count('<tr data-theme=')
                 for name in (p.name for p in (out / "themes").glob("*.html")))
    assert themes == built["records"]
    collectivites = sum(p.read_text(encoding="utf-8").count("<tr data-theme=")
                        for p in (out / "en" / "collectivites").glob("*.html") if p.name != "index.html")
    assert collectivites == built["records"]


def test_the_sitemap_lists_a_use_case_whose_identifier_ends_in_404(tmp_path):
    """sitemap.xml (written line by line) leaves out the « not found » pages only, not ``cas/…-404.html``."""
    from xml.etree import ElementTree

    from iaterr.publish.site import build_site
    from iaterr.repo.config import open_repository
    from lint_fixtures import GOOD_DECISION, GOOD_SIMPLE, make_repo

    root = make_repo(tmp_path / "depot", [GOOD_DECISION, {**GOOD_SIMPLE, "identifiant": "capteurs-404"}],
                     config="registre:\n  url: https://registre.example.fr\n")
    build_site(open_repository(root), tmp_path / "site", use_cache=False, langs=["fr", "en"])
    urls = [e.text for e in ElementTree.parse(tmp_path / "site/sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://registre.example.fr/cas/capteurs-404.html" in urls
    assert "https://registre.example.fr/en/cas/capteurs-404.html" in urls
    assert "https://registre.example.fr/404.html" not in urls and "https://registre.example.fr/en/404.html" not in urls
    assert urls == sorted(urls) and len(urls) == len(set(urls))


@pytest.mark.parametrize("mark", ["\ue000iaterr-lignes\ue000", "\ue000"])
def test_a_name_holding_the_rows_mark_is_printed_not_taken_for_it(cli, repo_copy, tmp_path, mark):
    """A list page is written around the place of its rows: a collectivité's name that holds what marks that
    place (a private-use character and a word, easy to write in a record) is shown as it is, and the build
    neither fails nor cuts the page there."""
    record = repo_copy / "data" / "collectivites" / "sicoval.yaml"
    text = record.read_text(encoding="utf-8")
    name = f"Communauté d'agglomération du Sicoval {mark} bis"
    record.write_text(text.replace("nom: Communauté d'agglomération du Sicoval", f'nom: "{name}"'),
                      encoding="utf-8")
    out = tmp_path / "site"
    result = cli("register", "build", "--repo", str(repo_copy), "--out", str(out))
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    page = (out / "collectivites" / "sicoval.html").read_text(encoding="utf-8")
    assert page.count("<tr ") == len(list((repo_copy / "data" / "cas-usage").glob("sicoval-*.yaml")))
    assert "Sicoval " + mark + " bis" in page
