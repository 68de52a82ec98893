"""Building the register website: which pages there are, which can be kept, which are rendered.

Pages: the home page (every use case, with search and filters), one page per filter value
(``themes/``, ``statuts/``, ``types-algorithme/``, ``risques/``), one page per use case (``cas/``, with
the explicability notice), one per collectivité (``collectivites/``), the figures (``chiffres.html``)
and the open data (``donnees/``).

Each page has a hash of its inputs (a use-case page: its public view, its collectivité's, the
language, iaterr's version and templates; a list page: the rows it shows). A page whose inputs did
not change since the last build, and whose file still holds what that build wrote, is carried over;
the others are rendered. A page's footer says when *that page* was generated and from which commit.
The new site is built in a staging folder and swapped in whole (:mod:`iaterr.publish.site.output`).
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import json
import os
import secrets
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from markupsafe import Markup

from iaterr import __version__
from iaterr.base.parallel import in_chunks, this_process
from iaterr.check.loader import RecordFile, Spool
from iaterr.check.validate import FileResult
from iaterr.i18n import message
from iaterr.model.visibility import View
from iaterr.publish.opendata import table_schema_text
from iaterr.publish.site.data import (
    FILTERS,
    NO_RISK,
    NO_SUMMARY,
    SITE_LIST,
    SITE_SUMMARY,
    Record,
    Records,
    SiteData,
    codes_of,
    collectivites_alone,
    csv_chunks,
    digest_of,
    json_chunks,
    load_site_data,
    public_views,
    view_digest,
    without_channel,
)
from iaterr.publish.site.history import (
    Change,
    Removal,
    Revision,
    changed_fields,
    changes,
    last_changes,
    last_valids,
    removals,
)
from iaterr.publish.site.identite import (
    FEED_ENTRIES,
    Identity,
    atom,
    datapackage,
    favicon,
    identity,
    robots,
    sitemap_lines,
)
from iaterr.publish.site.output import MANIFEST, OutputRefused, PageState, Staging, check_output, files_of
from iaterr.publish.site.recherche import index_chunks
from iaterr.publish.site.render import (
    PARALLEL_THRESHOLD,
    TEMPLATES,
    Renderer,
    figures,
    render_cases,
    row_of,
    template_fingerprint,
)
from iaterr.repo.config import Repository
from iaterr.repo.gitops import git_commit

#: results per page of the home page (the script shows the others; the category pages list every use case)
PAGE_SIZE = 50
#: use-case pages rendered from views read again (their records came from the cache) this many at a time
RENDER_BATCH = 1000
#: the pages that show every record (open data, search index, sitemap): the longest to write, handed out first
WHOLE_PAGES = frozenset({"donnees/cas-usage.csv", "donnees/cas-usage.json", "assets/recherche.js", "sitemap.xml"})
#: pages written in several processes: from this many on (with --jobs), in about this many chunks per process
PAGES_THRESHOLD, PAGES_PER_JOB = 2, 64


@dataclass
class BuildResult:
    out: Path
    #: pages written (paths relative to ``out``, with forward slashes), in order
    written: list[str]
    #: pages of the previous site that are no longer part of it
    deleted: list[str]
    unchanged: int
    records: int
    collectivites: int
    skipped: list[tuple[str, int]]
    #: use cases whose page gives no way to send a request: (record file, identifiant, collectivité), a finding
    #: each (the page is ``cas/<identifiant>.html``)
    no_channel: list[tuple[str, str, str]] = field(default_factory=list)
    #: invalid use cases whose page shows their last valid version, « en cours de révision »
    revisions: list[Revision] = field(default_factory=list)
    #: use cases gone, whose address keeps a page saying when and why
    removals: list[Removal] = field(default_factory=list)
    #: what the build reports of the register's identity (a colour too pale, a logo refused): (message key, params)
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: the items of the legal notice iaterr.yaml does not give (said, not a finding)
    mentions_missing: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.written) + self.unchanged


@dataclass
class _Page:
    path: str
    hash: str
    render: Callable[[], str | bytes | Iterable[str]] | None = None
    #: the renderer of its language
    renderer: Renderer | None = None


def build_site(repo: Repository, out: Path, *, lang: str = "fr", today: date | None = None, jobs: int | None = None,
               use_cache: bool = True, title: str | None = None, langs: list[str] | None = None) -> BuildResult:
    """Build the register website of ``repo`` into ``out`` (replaced whole; see
    :func:`~iaterr.publish.site.output.check_output` for the folders refused). With ``langs``, the site is built
    in each language: the first at the top of ``out``, each other in its folder (``en/``), every page linking to
    its version in the others.

    Memory holds a few short values per use case (:class:`~iaterr.publish.site.data.Record`): a use case's
    page is rendered (or carried over) in the process that reads its file, right after it is checked, from the
    collectivités read first (:class:`_CasePages`), and its view is then dropped; what the lists and the search
    show of it, its CSV cells and its JSON entry wait in a temporary file (:class:`~iaterr.check.loader.Spool`),
    and the list pages, the search index, the sitemap and the open data are written from it piece by piece
    (:func:`_lists`, :func:`_streamed`). A page so rendered is kept only when the inputs and context it was
    rendered with are those of the whole build (checked once every record is read); otherwise it is rendered
    again here."""
    out = check_output(out, repo.root)
    languages = list(dict.fromkeys(langs)) if langs else [lang]
    lang = languages[0]
    # what every page depends on and is known before reading the records: when it changes, no page is reused
    # and every view is kept from the one reading
    fingerprint = digest_of([template_fingerprint(), languages, title, repo.config.nom, repo.config.langue])
    state = PageState.load(out, fingerprint, enabled=use_cache)
    today = today or date.today()
    old = files_of(out) if out.exists() else set()
    log = changes(repo)
    modified = last_changes(log)
    commit = git_commit(repo.root)
    staging = Staging(out)
    spool: Spool | None = None
    try:
        spool = Spool()
        # the collectivités first (a few hundred files): every use case's page needs its own
        early = SiteData(Records(), collectivites_alone(repo, use_cache=use_cache, jobs=jobs, today=today))
        made = _renderers(repo, early, languages, title, today, commit, staging, modified, fingerprint)
        emit = _CasePages(made, state, out, {c: digest_of(dict(d)) for c, d in early.collectivites.items()},
                          modified)
        site = load_site_data(repo, use_cache=use_cache, jobs=jobs, today=today, emit=emit, spool=spool,
                              languages=len(languages), known=early.collectivites)
        revisions, removed = _permalinks(repo, site, old, today)
        ident = identity(repo, site.collectivites)
        made = _renderers(repo, site, languages, title, today, commit, staging, modified, fingerprint, ident)
        renderers = [renderer for renderer, _inputs in made]
        coll_hash = {c: digest_of(dict(d)) for c, d in site.collectivites.items()}
        # every page the new site holds → the hash of its inputs and of its content (:func:`_kept`), and the
        # pages written (not carried over); first the use-case pages rendered or carried over where their
        # records were read, when the build keeps them
        kept: dict[str, str] = {}
        fresh: set[str] = set()
        _accepted(site, made, staging, languages, coll_hash, emit, kept, fresh)
        lists = _lists(site)
        pages: list[_Page] = []
        #: where each language's use-case pages come in the order pages are reported
        ends: list[tuple[int, int]] = []
        for index, (renderer, inputs) in enumerate(made):
            pages += _pages(site, lists, renderer, inputs, shared=index == 0)
            lists_end = len(pages)
            pages += _permalink_pages(renderer, revisions, removed, inputs)
            pages += _furniture_pages(renderer, ident, inputs)
            ends.append((lists_end, len(pages)))
        pages += _shared_furniture(repo, site, renderers[0], ident, log, pages, revisions, removed, fingerprint,
                                   today)
        todo: list[int] = []
        for number, page in enumerate(pages):
            content = state.reusable(out, page.path, page.hash)
            if content is not None:
                staging.keep(page.path)
                kept[page.path] = _kept(page.hash, content)
            else:
                todo.append(number)
        spool.flush()  # what the pages read of the records, written before processes that read it start
        for number, content in _write_pages(pages, todo, renderers[0], len(site.records), jobs):
            kept[pages[number].path] = _kept(pages[number].hash, content)
            fresh.add(pages[number].path)
        _close_rows(pages)
        # the use-case pages neither kept from where their records were read nor carried over: rendered here,
        # their views read again (their records came from the cache) a batch at a time, then dropped
        cases: dict[int, list[int]] = {}
        for number, r in enumerate(site.records):
            for index, (renderer, inputs) in enumerate(made):
                path = f"{renderer.prefix}cas/{r.identifiant}.html"
                if path in kept:
                    continue
                page_hash = _case_hash(inputs, r.hash, coll_hash[r.collectivite], renderer.modified.get(r.rel))
                content = state.reusable(out, path, page_hash)
                if content is not None:
                    staging.keep(path)
                    kept[path] = _kept(page_hash, content)
                    continue
                cases.setdefault(number, []).append(index)
                fresh.add(path)
        todo = sorted(cases)
        for start in range(0, len(todo), RENDER_BATCH):
            numbers = todo[start:start + RENDER_BATCH]
            batch = [site.records[number] for number in numbers]  # each access makes a record: these are kept
            _read_again(repo, [r for r in batch if r.data is None], jobs)
            for r in batch:
                r.summary = site.summary(r)
            for index, (renderer, inputs) in enumerate(made):
                chunk = [r for number, r in zip(numbers, batch, strict=True) if index in cases[number]]
                rendered = render_cases(renderer, chunk, jobs) if chunk else {}
                for r in chunk:
                    path = f"{renderer.prefix}cas/{r.identifiant}.html"
                    kept[path] = _kept(_case_hash(inputs, r.hash, coll_hash[r.collectivite],
                                                  renderer.modified.get(r.rel)), rendered[path])
            for r in batch:
                r.data, r.summary = None, NO_SUMMARY
        renderers[0].write(MANIFEST, _manifest(lang, languages, sorted(kept)))
        no_channel = [(r.rel, r.identifiant, r.collectivite) for r in without_channel(site)]
        written = _in_order(site, pages, ends, renderers, fresh)
        del fresh
        now = time.time_ns()
        staging.swap()
    except BaseException:
        staging.discard()
        raise
    finally:
        if spool is not None:
            spool.close()
    state.save(out, fingerprint, kept, now)
    deleted = sorted(old - kept.keys() - {MANIFEST})
    return BuildResult(out, written, deleted, len(kept) - len(written), len(site.records), len(site.collectivites),
                       site.skipped, no_channel,
                       revisions, removed, ident.problems, ident.missing)


def _page_chunk(numbers: list[int], shared: tuple[list[_Page], Renderer]) -> list[tuple[int, str]]:
    pages, default = shared
    done = []
    for number in numbers:
        page = pages[number]
        own = page.renderer or default
        assert page.render is not None
        own.current = page.path[len(own.prefix):]
        done.append((number, own.write(page.path, page.render())))
    return done


def _write_pages(pages: list[_Page], todo: list[int], default: Renderer, records: int,
                 jobs: int | None) -> list[tuple[int, str]]:
    """Write the pages ``todo`` (their numbers in ``pages``) into the staging folder; returns each one's number
    and the hash of its content, in the order of ``todo``. A register of many records has them written by one
    process per core, which inherit the pages and their renderers (never pickled) and read the records' texts
    from the build's spool; the biggest pages (every record's, then a theme's or status's) are handed out
    first, a few pages at a time, so that the processes end together."""
    if jobs is None and records < PARALLEL_THRESHOLD:
        jobs = 1
    order = sorted(todo, key=lambda number: -_weight(pages[number]))
    hashes = dict(in_chunks(_page_chunk, order, (pages, default), jobs=jobs, threshold=PAGES_THRESHOLD,
                            min_chunk=1, chunks_per_job=PAGES_PER_JOB, fork_only=True, ahead=len(order)))
    return [(number, hashes[number]) for number in todo]


def _rows_of(page: _Page) -> _Rows | None:
    render = page.render
    if isinstance(render, functools.partial) and isinstance(render.keywords.get("rows"), _Rows):
        return cast(_Rows, render.keywords["rows"])
    return None


def _close_rows(pages: list[_Page]) -> None:
    """The rows' HTML kept while the list pages were written in this process, let go."""
    for page in pages:
        rows = _rows_of(page)
        if rows is not None and rows.html is not None:
            rows.html.close()


def _weight(page: _Page) -> int:
    """About how much writing ``page`` costs: the number of rows it shows (every record for the open data and
    the search index), else 1."""
    rows = _rows_of(page)
    if rows is not None:
        return len(rows)
    return 1 << 30 if page.path in WHOLE_PAGES else 1


def _manifest(lang: str, languages: list[str], pages: list[str]) -> Iterator[str]:
    """``.iaterr-site.json``, a page at a time."""
    head = json.dumps({"iaterr": __version__, "langue": lang, "langues": languages}, ensure_ascii=False,
                      separators=(",", ":"))
    yield head[:-1] + ',"pages":['
    for index, page in enumerate(pages):
        yield ("," if index else "") + json.dumps(page, ensure_ascii=False)
    yield "]}"


def _in_order(site: SiteData, pages: list[_Page], ends: list[tuple[int, int]], renderers: list[Renderer],
              fresh: set[str]) -> list[str]:
    """The pages written, in the order a build reports them: each language's lists, then its use cases, then
    its other pages; the files of the site's top last."""
    order: list[str] = []
    start = 0
    for (lists_end, end), renderer in zip(ends, renderers):
        order += [p.path for p in pages[start:lists_end] if p.path in fresh]
        order += [path for r in site.records if (path := f"{renderer.prefix}cas/{r.identifiant}.html") in fresh]
        order += [p.path for p in pages[lists_end:end] if p.path in fresh]
        start = end
    order += [p.path for p in pages[start:] if p.path in fresh]
    return order


def _renderers(repo: Repository, site: SiteData, languages: list[str], title: str | None, today: date,
               commit: str | None,
               staging: Staging, modified: dict[str, date], fingerprint: str,
               ident: Identity | None = None) -> list[tuple[Renderer, str]]:
    """A renderer per language, with the hash of what every page of that language depends on."""
    ident = ident or identity(repo, site.collectivites)
    made = []
    for index, language in enumerate(languages):
        context = {"site_title": _title(repo, site, language, title), "today": today,
                   "generated": today.isoformat(),
                   # a title read from the records or iaterr.yaml is in their language
                   "title_lang": repo.config.langue if (title or repo.config.nom or len(site.collectivites) == 1)
                   and repo.config.langue != language else "",
                   "commit": commit, "version": __version__, "ident": ident}
        renderer = Renderer(site, language, context, staging, record_lang=repo.config.langue,
                            prefix="" if index == 0 else f"{language}/", languages=languages)
        renderer.modified = modified
        # every page shows the register's title (iaterr.yaml's name, or its one collectivité's)
        made.append((renderer, digest_of([fingerprint, context["site_title"], language])))
    return made


def _case_key(renderer: Renderer) -> str:
    """What a use-case page shows besides its record, its collectivité and its day of change: the register's
    identity and title, the day, the commit, the languages."""
    return digest_of(repr([sorted((k, repr(v)) for k, v in renderer.context.items()), renderer.lang,
                           renderer.prefix, renderer.languages, renderer.record_lang]))


def _case_hash(inputs: str, record_hash: str, coll_hash: str, day: date | None) -> str:
    return digest_of(f"{inputs}:{record_hash}:{coll_hash}:{day}")


class _CasePages:
    """The ``emit`` function of the build's load: in the checking process, right after a use case is read and
    found valid on its own, its page in each language is carried over from the previous site (when its inputs
    did not change) or rendered and written into the staging folder. Returns, per language, the hash of the page's
    content (after "=" when carried over) or None: a few bytes per use case travel back to the main process;
    inherited by the checking processes (``fork``), never pickled."""

    def __init__(self, made: list[tuple[Renderer, str]], state: PageState, out: Path, coll_hashes: dict[str, str],
                 modified: dict[str, date]) -> None:
        self.made = [(renderer, inputs, _case_key(renderer)) for renderer, inputs in made]
        self.state, self.out, self.coll_hashes, self.modified = state, out, coll_hashes, modified
        for renderer, _inputs, _key in self.made:  # compiled once, before the checking processes start
            renderer.env.get_template("site/cas.html.j2")

    def __call__(self, f: RecordFile, result: FileResult, shown: View) -> tuple[Any, ...] | None:
        ident, coll = shown.get("identifiant"), shown.get("collectivite")
        kept, liste = result.prepared.get(SITE_SUMMARY), result.prepared.get(SITE_LIST)
        # a file whose identifiant is not its name, or whose collectivité is unknown, gets no page here
        if not isinstance(ident, str) or ident != Path(f.rel).stem or coll not in self.coll_hashes \
                or not isinstance(kept, str) or not isinstance(liste, str):
            return None
        digest, theme, statut, types, risque = codes_of(kept)
        record = Record(f.rel, ident, coll, digest, theme, statut, types, risque, (liste, "", ""), shown)
        record.summary = {**json.loads(liste), "theme": theme, "statut": statut, "types": list(types),
                          "risque": risque}
        # per language: the hash of its content (after "=" when carried over), or None; the build keeps it when
        # the inputs and context it was made with are the whole build's (:func:`_accepted`)
        done: list[str | None] = []
        for renderer, inputs, _key in self.made:
            renderer.current = f"cas/{ident}.html"
            path = renderer.prefix + renderer.current
            page_hash = _case_hash(inputs, record.hash, self.coll_hashes[coll], self.modified.get(f.rel))
            try:
                content = self.state.reusable(self.out, path, page_hash)
                if content is not None:
                    renderer.staging.keep(path)
                    done.append("=" + content)
                else:
                    done.append(renderer.write(path, renderer.case_page(record)))
            except OSError:  # another file of that identifiant got there first: the build decides
                done.append(None)
        return tuple(done)


def _accepted(site: SiteData, made: list[tuple[Renderer, str]], staging: Staging, languages: list[str],
              coll_hash: dict[str, str], emit: _CasePages, kept: dict[str, str], fresh: set[str]) -> None:
    """The use-case pages rendered or carried over where their record was read that the build keeps (same
    inputs, same context, same collectivité as its own), put in ``kept`` (and in ``fresh`` when not carried
    over). Any other file those processes left in the staging folder (a record found invalid against the
    others, a context that changed) is deleted before the build writes its own pages."""
    same = [(inputs, _case_key(renderer)) == (early_inputs, early_key)
            for (renderer, inputs), (_r, early_inputs, early_key) in zip(made, emit.made, strict=True)]
    for r in site.records:
        emitted = r.emitted
        if not isinstance(emitted, tuple) or len(emitted) != len(made) \
                or emit.coll_hashes.get(r.collectivite) != coll_hash[r.collectivite]:
            continue
        for (renderer, inputs), same_context, done in zip(made, same, emitted):
            if done is None or not same_context:
                continue
            page_hash = _case_hash(inputs, r.hash, coll_hash[r.collectivite], renderer.modified.get(r.rel))
            path = f"{renderer.prefix}cas/{r.identifiant}.html"
            kept[path] = _kept(page_hash, done.lstrip("="))
            if not done.startswith("="):
                fresh.add(path)
    site.records.forget_emitted()
    for index, language in enumerate(languages):
        folder = staging.path / ("" if index == 0 else language) / "cas"
        prefix = "" if index == 0 else f"{language}/"
        try:
            with os.scandir(folder) as entries:  # a name at a time: a page per record of a library
                for entry in entries:
                    if f"{prefix}cas/{entry.name}" not in kept:
                        os.unlink(entry.path)
        except FileNotFoundError:
            continue


def _kept(page_hash: str, content: str) -> str:
    """What ``kept`` holds of a page: the hash of its inputs and of its content, as one short text (hexadecimal
    hashes, a space between)."""
    return f"{page_hash} {content}"


def _furniture_pages(renderer: Renderer, ident: Identity, fingerprint: str) -> list[_Page]:
    """The legal notice, the accessibility statement and the page « not found », in one language."""
    pages = []
    for path, template in (("mentions-legales.html", "site/mentions.html.j2"),
                           ("accessibilite.html", "site/accessibilite.html.j2")):
        pages.append(_Page(renderer.prefix + path, digest_of([fingerprint, path, repr(ident)]),
                           functools.partial(renderer.render, template, ""), renderer=renderer))
    # the host shows the 404 page at any address (/cas/ancienne-fiche.html): its links start from the site's
    # address, or from the host's root when iaterr.yaml does not give it
    pages.append(_Page(renderer.prefix + "404.html", digest_of([fingerprint, "404.html", repr(ident)]),
                       functools.partial(renderer.render, "site/404.html.j2", "", base=ident.url or "/"),
                       renderer=renderer))
    return pages


def _shared_furniture(repo: Repository, site: SiteData, renderer: Renderer, ident: Identity, log: list[Change],
                      pages: list[_Page], revisions: list[Revision], removed: list[Removal], fingerprint: str,
                      today: date) -> list[_Page]:
    """The files of the site's top: favicon, logo, robots.txt, sitemap.xml, the feed of changes, the data's
    metadata."""
    from datetime import UTC, datetime

    out: list[_Page] = []

    def page(path: str, content: str | bytes) -> None:
        out.append(_Page(path, digest_of([fingerprint, path, content if isinstance(content, str) else
                                          hashlib.sha1(content).hexdigest()]), lambda: content, renderer=renderer))

    title = str(renderer.context["site_title"])
    page("favicon.svg", favicon(ident.couleur, title))
    if ident.logo:
        page(ident.logo[1], ident.logo[0])
    page("robots.txt", robots(ident.url))
    page("donnees/datapackage.json", datapackage(title, ident.licence, ident.licence_url, ident.url))
    prefixes = list(dict.fromkeys(p.renderer.prefix for p in pages if p.renderer is not None))
    if ident.url:
        gone = {f"cas/{r.identifiant}.html" for r in removed}
        # every page but the « not found » page of each language (a use case whose identifier ends in 404 is listed)
        listed = sorted(p.path for p in pages if p.path.endswith(".html") and p.renderer is not None
                        and p.path != f"{p.renderer.prefix}404.html" and p.path.split("/", 1)[-1] not in gone)
        # the use cases' pages, in the order of their paths, one path at a time
        order = array("I", sorted(range(len(site.records)), key=lambda n: site.records[n].identifiant + ".html"))

        def cases(prefix: str) -> Iterator[str]:
            for n in order:
                yield f"{prefix}cas/{site.records[n].identifiant}.html"

        def paths() -> Iterator[str]:
            streams = [cases(prefix) for prefix in prefixes]
            for path in heapq.merge(listed, *streams):
                if path.split("/", 1)[-1] not in gone:
                    yield path

        lines = functools.partial(sitemap_lines, ident.url, paths)
        h = hashlib.sha1()
        for line in lines():
            h.update(line.encode("utf-8"))
        out.append(_Page("sitemap.xml", digest_of([fingerprint, "sitemap.xml", h.hexdigest()]), lines,
                         renderer=renderer))
    entries: list[dict[str, Any]] = []
    # only what the site shows: a record never published (invalid) is not announced, its link would be dead
    live = {r.identifiant for r in site.records}
    published = {p.path for p in pages if p.path.startswith("cas/")}
    under_review = {r.identifiant for r in revisions}
    folder = f"{repo.kind_dir('cas_usage').relative_to(repo.root).as_posix()}/"

    def announced(change: Change) -> bool:
        stem = Path(change.rel).stem
        # not published, or its page shows an older version
        if (stem not in live and f"cas/{stem}.html" not in published) or stem in under_review:
            return False
        # a file deleted while a use case of that identifiant is live (another file of that name) is no removal
        return not (change.status == "D" and stem in live)

    shown = [c for c in log if announced(c)][:FEED_ENTRIES]
    fields = changed_fields(repo, shown)
    shown_rels = {c.rel for c in shown}
    names = {r.rel: str(site.summary(r).get("nom", "")) for r in site.records if r.rel in shown_rels}
    for change in shown:
        stem = Path(change.rel).stem
        kind = {"A": "ajout", "D": "retrait", "R": "deplacement"}.get(change.status, "modification")
        changed = fields.get((change.commit, change.rel))
        if kind == "modification" and changed == []:  # nothing a reader can see changed: not announced
            continue
        nom = names.get(change.rel) or stem
        # one entry per file and commit: a file outside the folder's top (same name) gets its own id
        entry_id = f"urn:iaterr:{change.commit}:{stem}" + (
            "" if change.rel == f"{folder}{stem}.yaml" else f":{digest_of(change.rel)[:8]}")
        entries.append({"title": message(f"registre.flux.{kind}", renderer.lang, nom=nom), "page": f"cas/{stem}.html",
                        "day": change.day, "id": entry_id, "summary": _feed_summary(kind, changed, renderer.lang)})
    updated = log[0].day if log else datetime(today.year, today.month, today.day, tzinfo=UTC)
    page("modifications.xml", atom(title, ident.url, entries, updated))
    return out


def _feed_summary(kind: str, fields: list[str] | None, lang: str) -> str:
    """What an entry of the feed says of a change, from the record's public fields alone (never the commit's
    subject, a person's words that may quote a restricted value)."""
    if kind != "modification":
        return message(f"registre.flux.resume.{kind}", lang)
    if not fields:
        return message("registre.flux.resume.modification", lang)
    from iaterr.model import CasUsage
    from iaterr.model.visibility import shown_fields

    specs = shown_fields(CasUsage)
    return message("registre.flux.resume.champs", lang, champs=[specs[name].meta.titre(lang) for name in fields])


def _permalinks(repo: Repository, site: SiteData, old: set[str], today: date) -> tuple[list[Revision], list[Removal]]:
    """What stands at the address of each use case that is invalid or gone (:mod:`iaterr.publish.site.history`).
    An invalid use case whose page the previous site had, and of which git knows no valid version, stops the
    build: the previous site stays in place."""
    present = {r.identifiant for r in site.records}
    revisions: list[Revision] = []
    lost: list[str] = []
    found = last_valids(repo, [(rel, errors > 0) for rel, errors in site.skipped])
    for rel, _errors in site.skipped:
        revision = found.get(rel)
        if revision is not None and revision.identifiant not in present:
            revisions.append(revision)
            present.add(revision.identifiant)
        elif f"cas/{Path(rel).stem}.html" in old and Path(rel).stem not in present:
            lost.append(rel)
    if lost:
        raise OutputRefused("registre.page-perdue", "registre.page-perdue.aide", fichiers=lost[:5], n=len(lost))
    # an invalid file is not a removal, whatever git says of an older file of that name
    invalid = {Path(rel).stem for rel, _errors in site.skipped}
    removed = removals(repo, present | invalid)
    explained = present | invalid | {r.identifiant for r in removed}
    # a page of the previous site that git does not explain (no git, a shallow clone): removed at this build
    for rel in sorted(old):
        if rel.startswith("cas/") and rel.endswith(".html") and rel.count("/") == 1 and rel[4:-5] not in explained:
            removed.append(Removal(rel[4:-5], today))
    return revisions, removed


def _permalink_pages(renderer: Renderer, revisions: list[Revision], removed: list[Removal],
                     fingerprint: str) -> list[_Page]:
    pages = []
    prefix = renderer.prefix
    for revision in revisions:
        pages.append(_Page(f"{prefix}cas/{revision.identifiant}.html",
                           digest_of([fingerprint, "revision", revision.commit, dict(revision.cas),
                                      dict(revision.collectivite)]),
                           functools.partial(renderer.revision_page, revision), renderer=renderer))
    for removal in removed:
        # a removal git does not date keeps the day of the build that first wrote its page: that page is
        # carried over as long as nothing else changes (its date is not among its inputs)
        inputs = [removal.identifiant, removal.commit, removal.reason, removal.masked, removal.nom, removal.moved_to,
                  dict(renderer.site.collectivites.get(removal.collectivite) or {})]
        if removal.commit:
            inputs.append(removal.day.isoformat())
        pages.append(_Page(f"{prefix}cas/{removal.identifiant}.html", digest_of([fingerprint, "retrait", inputs]),
                           functools.partial(renderer.removal_page, removal), renderer=renderer))
    return pages


def _read_again(repo: Repository, records: list[Record], jobs: int | None) -> None:
    """The public views of ``records``, whose first reading kept only what the lists need (their pages could
    have been reused). A record that changed in between would give pages of two versions of it: the build
    stops, the old site untouched."""
    fresh = public_views(repo, [r.rel for r in records], jobs=jobs)
    changed = []
    for r in records:
        r.data = fresh.get(r.rel)
        if r.data is None or view_digest(r.data) != r.hash:
            changed.append(r.rel)
    if changed:
        raise OutputRefused("registre.modifie-pendant", None, fichiers=changed[:5])


def _title(repo: Repository, site: SiteData, lang: str, title: str | None) -> str:
    if title is None:
        title = repo.config.nom or None
    if title is None and len(site.collectivites) == 1:
        title = message("registre.titre-une", lang, collectivite=next(iter(site.collectivites.values())).get("nom", ""))
    return title or message("registre.titre", lang)


@dataclass
class _Lists:
    """What the list pages show, made in one pass over the records' spooled texts: per record, only its
    position in the lists of the filter pages it appears on (an integer each); per page, the hash of the rows it
    shows. The rows themselves are read back from the spool as each page is written."""

    #: filter name → its folder, vocabulary, summary key and values ((code, count), in vocabulary order)
    filters: dict[str, dict[str, Any]]
    #: (filter name, code) → the positions of the records its page shows
    members: dict[tuple[str, str], array[int]]
    #: collectivité → the positions of its records (the records are sorted by collectivité)
    spans: dict[str, range]
    #: page (without the language's folder) → hash of the rows it shows
    digests: dict[str, str]
    #: the rows of the home page, and their keys and summaries
    first: list[dict[str, Any]]


def _row(site: SiteData, r: Record) -> dict[str, Any]:
    """The row of ``r`` in a list (:func:`~iaterr.publish.site.render.row_of`), its texts read back from the
    spool."""
    r.summary = site.summary(r)
    try:
        return row_of(site, r)
    finally:
        r.summary = NO_SUMMARY


def _lists(site: SiteData) -> _Lists:
    found: dict[str, dict[str, int]] = {name: {} for name in FILTERS}
    members: dict[tuple[str, str], array[int]] = {}
    hashers: dict[str, Any] = {}
    spans: dict[str, range] = {}
    first: list[dict[str, Any]] = []
    search = hashlib.sha1()
    start = 0
    for number, r in enumerate(site.records):
        row = _row(site, r)
        if len(first) < PAGE_SIZE:
            first.append(row)
        line = (row["key"] + "\n").encode("utf-8")
        search.update(line)
        search.update((row["mots"] + "\n").encode("utf-8"))
        for name, (folder, _vocab, key) in FILTERS.items():
            values = row[key] if isinstance(row[key], list) else [row[key]]
            for code in values:
                found[name][code] = found[name].get(code, 0) + 1
            for code in dict.fromkeys(values):
                page = f"{folder}/{code}.html"
                if page not in hashers:
                    hashers[page], members[(name, code)] = hashlib.sha1(), array("I")
                hashers[page].update(line)
                members[(name, code)].append(number)
        page = f"collectivites/{r.collectivite}.html"
        if page not in hashers:
            hashers[page] = hashlib.sha1()
        hashers[page].update(line)
        if number + 1 == len(site.records) or site.records.collectivite(number + 1) != r.collectivite:
            spans[r.collectivite] = range(start, number + 1)
            start = number + 1
    filters: dict[str, dict[str, Any]] = {}
    for name, (folder, vocab, key) in FILTERS.items():
        order = vocab.codes + [NO_RISK]
        values = [(c, found[name][c]) for c in order if c in found[name]] + \
            sorted((c, n) for c, n in found[name].items() if c not in order)
        filters[name] = {"folder": folder, "vocab": vocab.name, "key": key, "values": values}
    digests = {page: h.hexdigest() for page, h in hashers.items()}
    digests["assets/recherche.js"] = search.hexdigest()
    return _Lists(filters, members, spans, digests, first)


class _RowHtml:
    """The HTML of each record's row in one language's list pages, made the first time a page shows it and kept
    in the build's spool: the other pages that show it (its theme's, its status's, its collectivité's…) copy it
    instead of reading its texts back and rendering it again. In memory, an integer per record and kind of row
    (where the page is, whether it shows the collectivité)."""

    def __init__(self, site: SiteData, renderer: Renderer) -> None:
        self.site, self.renderer = site, renderer
        self.places: dict[tuple[str, bool], array[int]] = {}
        #: where the rows are kept: a spool of the process that writes the pages (each process writing list
        #: pages has its own, made when it first needs it)
        self.kept: Spool | None = None
        self.pid = 0

    def html(self, number: int, root: str, show_coll: bool) -> str:
        if self.site.spool is None:
            return self.renderer.rows.one(_row(self.site, self.site.records[number]), root, show_coll)
        if self.pid != this_process():
            self.pid, self.kept, self.places = this_process(), Spool(), {}
        assert self.kept is not None
        refs = self.places.get((root, show_coll))
        if refs is None:
            refs = self.places[(root, show_coll)] = array("Q", bytes(8 * len(self.site.records)))
        if refs[number]:
            return self.kept.get(refs[number])
        text = self.renderer.rows.one(_row(self.site, self.site.records[number]), root, show_coll)
        refs[number] = int(self.kept.put(text)) if text else 0
        return text

    def close(self) -> None:
        if self.kept is not None and self.pid == this_process():
            self.kept.close()
        self.kept, self.places = None, {}


class _Rows:
    """The rows of one list page, read back from the spool as the page is written (``rows | length`` and
    ``{% if rows %}`` in its template need only their number); with ``html``, their HTML is copied from there."""

    def __init__(self, site: SiteData, numbers: Sequence[int], html: _RowHtml | None = None) -> None:
        self.site, self.numbers, self.html = site, numbers, html

    def __len__(self) -> int:
        return len(self.numbers)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for number in self.numbers:
            yield _row(self.site, self.site.records[number])


def _streamed(renderer: Renderer, template: str, root: str, **values: Any) -> Iterator[str]:
    """A list page, piece by piece: its template rendered with a mark where its rows go (given to its table
    as ``rows_html``, in place of :class:`~iaterr.publish.site.render.Rows`), then each row made and written
    in turn. The rows' HTML is not kept from one page to the next. The mark is drawn anew for each page:
    no record text can hold it."""
    calls: list[tuple[_Rows, str, bool]] = []
    here = f"\ue000{secrets.token_hex(16)}\ue000"

    def mark(rows: _Rows, root: str, show_coll: bool = True) -> Markup:
        calls.append((rows, root, show_coll))
        return Markup(here)

    text = renderer.render(template, root, rows_html=mark, **values)
    parts = text.split(here)
    assert len(parts) == len(calls) + 1
    yield parts[0]
    for (rows, where, show_coll), after in zip(calls, parts[1:]):
        separator = ""
        if isinstance(rows, _Rows) and rows.html is not None:
            for number in rows.numbers:
                yield separator + rows.html.html(number, where, show_coll)
                separator = "\n"
        else:
            for row in rows:
                yield separator + renderer.rows.one(row, where, show_coll)
                separator = "\n"
        renderer.rows.done.clear()
        yield after


class _CollRows:
    """What :func:`~iaterr.publish.site.render.figures` reads of the rows: their number, each one's
    collectivité."""

    def __init__(self, site: SiteData) -> None:
        self.site = site

    def __len__(self) -> int:
        return len(self.site.records)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for r in self.site.records:
            yield {"coll": r.collectivite}


def _pages(site: SiteData, lists: _Lists, renderer: Renderer, fingerprint: str, shared: bool = True) -> list[_Page]:
    """Every page of the site but the use cases', each with the hash of its inputs and how to render it."""
    filters = lists.filters
    total = len(site.records)
    pages: list[_Page] = []

    prefix = renderer.prefix
    html = _RowHtml(site, renderer)

    def page(path: str, inputs: Any, render: Callable[[], str | bytes | Iterable[str]]) -> None:
        pages.append(_Page(prefix + path, digest_of([fingerprint, path, inputs]), render, renderer=renderer))

    if shared:  # one copy of the assets and of the open data, at the top of the site
        css = renderer.render("site/registre.css.j2", "", couleur=renderer.context["ident"].couleur)
        js = (TEMPLATES / "site" / "registre.js").read_text(encoding="utf-8")
        page("assets/registre.css", css, lambda: css)
        page("assets/registre.js", js, lambda: js)
        hashes = hashlib.sha1()
        for r in site.records:
            hashes.update(r.hash.encode("ascii"))
        data_inputs = digest_of([hashes.hexdigest(), [site.collectivites[c] for c in sorted(site.collectivites)]])
        page("donnees/cas-usage.csv", data_inputs, lambda: csv_chunks(site))
        page("donnees/cas-usage.json", data_inputs, lambda: json_chunks(site))
        page("donnees/cas-usage.tableschema.json", "", table_schema_text)
        names = {c: str(d.get("nom", "")) for c, d in site.collectivites.items()}
        page("assets/recherche.js", lists.digests["assets/recherche.js"],
             lambda: index_chunks(_Rows(site, range(total)), names))
    # list pages
    coll_list = [{"id": c, "nom": d.get("nom", ""), "type": d.get("type", ""), "n": len(lists.spans.get(c, ()))}
                 for c, d in sorted(site.collectivites.items(), key=lambda kv: str(kv[1].get("nom", "")).casefold())]
    first = lists.first
    page("index.html", [[[row["key"], row["resume"]] for row in first], total, filters],
         lambda: renderer.render("site/index.html.j2", "", rows=first, total=total, page_size=PAGE_SIZE,
                                 filters=filters, collectivites=coll_list, script_labels=renderer.script_labels()))
    for name, f in filters.items():
        for code, _n in f["values"]:
            path = f"{f['folder']}/{code}.html"
            page(path, lists.digests[path],
                 functools.partial(_streamed, renderer, "site/filtre.html.j2", "../",
                                   rows=_Rows(site, lists.members[(name, code)], html), filter=name, vocab=f["vocab"],
                                   code=code))
    page("collectivites/index.html", coll_list,
         lambda: renderer.render("site/collectivites.html.j2", "../", collectivites=coll_list))
    for ident, data in site.collectivites.items():
        path = f"collectivites/{ident}.html"
        page(path, [data, lists.digests.get(path, "")],
             functools.partial(_streamed, renderer, "site/collectivite.html.j2", "../", c=data,
                               rows=_Rows(site, lists.spans.get(ident, range(0)), html)))
    figs = figures(site, cast(Any, _CollRows(site)), filters, renderer)
    page("chiffres.html", [figs, len(site.collectivites)],
         lambda: renderer.render("site/chiffres.html.j2", "", figures=figs, total=total,
                                 collectivites=len(site.collectivites)))
    return pages
