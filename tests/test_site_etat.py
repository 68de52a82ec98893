"""The register's page state (what the last build wrote, in the user's cache) is read a page per line: at the
scale of a library (#16, 400,000 pages) it is never parsed whole. A state cut short or of the older one-line
layout is never trusted to carry a page over, and the older layout still proves which files a build wrote (an
upgrade must not make iaterr refuse its own output folder)."""

from __future__ import annotations

import json
from pathlib import Path

from iaterr.publish.site import build_site
from iaterr.publish.site.output import PageState, _state_path, written_here
from iaterr.repo.config import open_repository
from lint_fixtures import GOOD_DECISION, GOOD_SIMPLE, make_repo


def _built(tmp_path: Path) -> tuple[Path, Path, int]:
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE, GOOD_DECISION])
    out = tmp_path / "site"
    first = build_site(open_repository(root), out)
    return root, out, len(first.written)


def test_the_state_holds_a_page_per_line_and_carries_every_page_over(tmp_path, monkeypatch):
    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    root, out, pages = _built(tmp_path)
    lines = _state_path(out).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"empreinte":"2:') and lines[0].endswith('"pages":{') and lines[-1] == "}}"
    assert len(lines) == pages + 2
    assert len(json.loads("\n".join(lines))["pages"]) == pages  # still one JSON document
    assert written_here(out) == set(json.loads("\n".join(lines))["pages"])
    again = build_site(open_repository(root), out)
    assert again.written == [] and again.unchanged == pages


def test_a_state_cut_short_carries_nothing_over(tmp_path, monkeypatch):
    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    _root, out, pages = _built(tmp_path)
    state = _state_path(out)
    lines = state.read_text(encoding="utf-8").splitlines()
    fingerprint = json.loads(lines[0] + "}}")["empreinte"].split(":", 1)[1]
    assert len(PageState.load(out, fingerprint).pages) == pages
    state.write_text("\n".join(lines[:-3]) + "\n", encoding="utf-8")
    assert PageState.load(out, fingerprint).pages == {}
    # nor does it prove which files a build wrote: the folder is refused rather than emptied, as before
    assert written_here(out) == set()


def test_the_older_one_line_state_still_proves_what_a_build_wrote(tmp_path, monkeypatch):
    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    root, out, pages = _built(tmp_path)
    state = _state_path(out)
    document = json.loads(state.read_text(encoding="utf-8"))
    document["empreinte"] = "1:" + document["empreinte"].split(":", 1)[1]
    state.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")  # as iaterr wrote it before
    assert written_here(out) == set(document["pages"])
    again = build_site(open_repository(root), out)  # not refused: every file there is one a build wrote
    assert len(again.written) == pages
    assert _state_path(out).read_text(encoding="utf-8").startswith('{"empreinte":"2:')
