"""The register website: static, self-contained pages built from the public fields of the records.

``build_site`` writes into a folder (default ``site/``) and returns what it wrote; it prints nothing.
Pages: the home page (every use case, with search and filters), one page per filter value
(``themes/``, ``statuts/``, ``types-algorithme/``, ``risques/``), one page per use case (``cas/``, with the
explicability notice), one per collectivité (``collectivites/``), the figures (``chiffres.html``) and the
open data (``donnees/``).

The build is incremental. ``.iaterr-site.json`` in the output folder maps each page to the hash of its
inputs (a use-case page: its public data, its collectivité's, the language, iaterr's version and its
templates; a list page: the rows it shows); only pages whose hash changed are written (each atomically),
and pages that are no longer part of the site are deleted. A page's footer says when *that page* was
generated and from which commit: an unchanged page keeps its date.

What the site needs of each valid record (its hash, summary, CSV cells and JSON fragment, never
restricted fields) is kept between builds in ``.iaterr-cache/site.json`` at the repository root, keyed on
the file's size and modification time like the validation cache: a rebuild validates with the validation
cache, reads only the records that changed and renders only the pages that changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from markupsafe import Markup

from iaterr import SCHEMA_VERSION, __version__
from iaterr.check.diagnostics import Severity
from iaterr.model import CasUsage, Collectivite
from iaterr.model.vocab import NIVEAUX_RISQUE, STATUTS, THEMES, TYPES_ALGORITHME, TYPES_COLLECTIVITE, Vocabulary
from iaterr.publish.export import ExportItem, ExportSet, visible
from iaterr.repo.config import Repository
from iaterr.repo.yamlio import atomic_write

MANIFEST = ".iaterr-site.json"
CACHE_FILE = "site.json"
#: the JSON fragment of a use case holds this in place of its collectivité (YAML cannot hold a NUL)
_PLACEHOLDER = '"collectivite": "\\u0000"'
#: Below this many pages to render, one process is faster than starting others.
PARALLEL_THRESHOLD = 400
#: risk tier of a use case that gives none (a filter value of its own)
NO_RISK = "non-renseigne"

#: filter name → (folder of its pages, vocabulary, summary key)
FILTERS: dict[str, tuple[str, Vocabulary, str]] = {
    "theme": ("themes", THEMES, "theme"),
    "statut": ("statuts", STATUTS, "statut"),
    "type": ("types-algorithme", TYPES_ALGORITHME, "types"),
    "risque": ("risques", NIVEAUX_RISQUE, "risque"),
}
VOCABS = {v.name: v for v in (THEMES, STATUTS, TYPES_ALGORITHME, NIVEAUX_RISQUE, TYPES_COLLECTIVITE)}


# ---------------------------------------------------------------- what the site knows of the records


@dataclass
class Record:
    """A valid use case, as the site needs it."""

    rel: str
    identifiant: str
    collectivite: str
    #: hash of its public data
    hash: str
    #: nom, theme, statut, types, risque: what list pages show
    summary: dict[str, Any]
    #: its own cells of the open-data CSV, encoded
    csv: str
    #: its entry of the JSON export, its collectivité left as a placeholder
    json: str
    #: its public data, when read in this run (else taken from the cache)
    data: dict[str, Any] | None = None


@dataclass
class SiteData:
    records: list[Record]
    #: valid collectivités: identifiant → public data
    collectivites: dict[str, dict[str, Any]]
    skipped: list[tuple[str, int]] = field(default_factory=list)
    files_read: int = 0


def _digest(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def _json_fragment(cas: dict[str, Any]) -> str:
    """The use case's entry in ``to_json``'s list, indented as there, its collectivité a placeholder."""
    text = json.dumps({**cas, "collectivite": "\0"}, ensure_ascii=False, indent=2)
    return "    " + text.replace("\n", "\n    ")


def _keep(kind: str, data: dict) -> dict:
    """In the validating processes: the public data and what the site needs of it."""
    from iaterr.publish.opendata import csv_cells

    if kind != "cas_usage":
        return {"data": visible(Collectivite, data)}
    shown = visible(CasUsage, data)
    return {
        "data": shown,
        "hash": _digest(shown),
        "summary": {"nom": shown.get("nom", ""), "theme": shown.get("theme", ""), "statut": shown.get("statut", ""),
                    "types": list(shown.get("type_algorithme") or []),
                    "risque": shown.get("niveau_risque_ia") or NO_RISK},
        "csv": csv_cells(False, shown)["csv"],
        "json": _json_fragment(shown),
    }


class _DataCache:
    """``.iaterr-cache/site.json``: what ``_keep`` made of each valid record, keyed on size and mtime.

    A big base file and a small delta file (``site-delta.json``) of the entries changed since: a rebuild
    after a few changes writes only the delta; the base is written again when the delta grows."""

    def __init__(self, path: Path | None, entries: dict[str, Any], base: dict[str, Any] | None = None) -> None:
        self.path, self.entries, self.dirty = path, entries, False
        #: the entries as the base file holds them (to know what the delta must say)
        self.base = base if base is not None else {}

    @classmethod
    def open(cls, repo: Repository, enabled: bool) -> _DataCache:
        from iaterr.check.cache import CACHE_DIR, _stable_fingerprint

        if not enabled or repo.embedded:
            return cls(None, {})
        path = repo.root / CACHE_DIR / CACHE_FILE
        try:
            with open(path, encoding="utf-8") as fh:
                payload = json.load(fh)
            if payload.get("empreinte") != _stable_fingerprint():
                return cls(path, {})
            base = payload.get("fichiers", {})
            entries = dict(base)
            try:
                with open(cls._delta_path(path), encoding="utf-8") as fh:
                    delta = json.load(fh)
                if delta.get("empreinte") == _stable_fingerprint() and delta.get("base") == payload.get("serie"):
                    for rel, entry in delta.get("fichiers", {}).items():
                        if entry is None:
                            entries.pop(rel, None)
                        else:
                            entries[rel] = entry
            except (OSError, ValueError, AttributeError):
                pass
            cache = cls(path, entries, base)
            cache.serie = payload.get("serie")
            return cache
        except (OSError, ValueError, AttributeError):
            pass
        return cls(path, {})

    @staticmethod
    def _delta_path(path: Path) -> Path:
        return path.with_name(path.stem + "-delta.json")

    def get(self, rel: str, stat: os.stat_result | None) -> dict | None:
        entry = self.entries.get(rel)
        if entry is None or stat is None or entry[0] != stat.st_size or entry[1] != stat.st_mtime_ns:
            return None
        return entry[2]

    def put(self, rel: str, stat: os.stat_result | None, kept: dict) -> None:
        if stat is None or self.path is None:
            return
        if kept.get("hash") is not None:  # a use case: its data is not kept (it can be large)
            kept = {k: v for k, v in kept.items() if k != "data"}
        self.entries[rel] = [stat.st_size, stat.st_mtime_ns, kept]
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        if self.path is None:
            return
        if set(self.entries) - keep:
            self.entries = {k: v for k, v in self.entries.items() if k in keep}
            self.dirty = True
        if not self.dirty:
            return
        from iaterr.check.cache import _stable_fingerprint, ensure_cache_dir

        fingerprint = _stable_fingerprint()
        delta = {rel: entry for rel, entry in self.entries.items() if self.base.get(rel) != entry}
        delta.update({rel: None for rel in self.base if rel not in self.entries})
        try:
            ensure_cache_dir(self.path.parent)
            serie = getattr(self, "serie", None)
            if serie and len(delta) <= max(50, len(self.entries) // 20):
                atomic_write(self._delta_path(self.path), json.dumps(
                    {"empreinte": fingerprint, "base": serie, "fichiers": delta}, ensure_ascii=False,
                    separators=(",", ":")))
                return
            serie = os.urandom(8).hex()
            atomic_write(self.path, json.dumps({"empreinte": fingerprint, "serie": serie, "fichiers": self.entries},
                                               ensure_ascii=False, separators=(",", ":")))
            self._delta_path(self.path).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout still builds, only slower


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def read_public(repo: Repository, rels: Iterable[str], *, jobs: int | None = None) -> dict[str, dict]:
    """``_keep`` of the records at ``rels`` (relative paths), read and validated again; invalid ones left out."""
    from iaterr.check.validate import validate_repository

    rels = list(rels)
    if not rels:
        return {}
    report = validate_repository(repo, [repo.root / rel for rel in rels], use_cache=False, keep_data=_keep,
                                 jobs=jobs)
    return {r.rel: r.data for r in report.results if r.data is not None}


def load_site_data(repo: Repository, *, use_cache: bool = True, jobs: int | None = None) -> SiteData:
    """The valid use cases and collectivités, public fields only, as ``load_items`` would keep them.

    With the caches, records are validated through the validation cache and only the files that changed
    since the last build are read; without (or on a first build), in one validating pass like
    ``load_items``."""
    from iaterr.check.cache import ValidationCache
    from iaterr.check.validate import collect_files, validate_repository

    files, _ignored = collect_files(repo)
    stats = {f.rel: _stat(f.path) for f in files}
    cache = _DataCache.open(repo, use_cache)
    kept: dict[str, dict] = {}
    if not cache.entries:  # first build: one pass that validates and keeps the data
        report = validate_repository(repo, use_cache=False, keep_data=_keep, jobs=jobs)
        kept = {r.rel: r.data for r in report.results if r.data is not None}
        read = report.files_read
        if use_cache and not repo.embedded:  # so that the next build's validation reads nothing
            vcache = ValidationCache.open(repo.root)
            for r in report.results:
                if stats.get(r.rel) is not None and not any(d.code == "fichier-illisible" for d in r.diagnostics):
                    vcache.put(r.rel, stats[r.rel], r)
            vcache.save()
    else:
        report = validate_repository(repo, use_cache=use_cache and not repo.embedded, jobs=jobs)
        read = report.files_read
    errors: dict[str, int] = {}
    for d in report.diagnostics:
        if d.severity == Severity.ERROR:
            errors[d.file] = errors.get(d.file, 0) + 1
    valid = [r for r in report.results if r.rel not in errors]
    missing = []
    for r in valid:
        if r.rel in kept:
            cache.put(r.rel, stats.get(r.rel), kept[r.rel])
            continue
        hit = cache.get(r.rel, stats.get(r.rel))
        if hit is None:
            missing.append(r.rel)
        else:
            kept[r.rel] = hit
    if missing:
        fresh = read_public(repo, missing, jobs=jobs)
        read += len(fresh)
        for rel, value in fresh.items():
            kept[rel] = value
            cache.put(rel, stats.get(rel), value)
    cache.save({r.rel for r in valid})

    collectivites: dict[str, dict[str, Any]] = {}
    for r in report.records("collectivite"):
        if r.rel in kept:
            data = kept[r.rel]["data"]
            collectivites[data["identifiant"]] = data
    records: list[Record] = []
    skipped: list[tuple[str, int]] = []
    for r in report.records("cas_usage"):
        k = kept.get(r.rel)
        if r.rel in errors or k is None:
            skipped.append((r.rel, errors.get(r.rel, 0)))
            continue
        summary = k["summary"]
        ident = r.summary.get("identifiant") or (k.get("data") or {}).get("identifiant")
        coll = r.summary.get("collectivite") or (k.get("data") or {}).get("collectivite")
        if coll not in collectivites:  # its collectivité has errors: left out with it
            skipped.append((r.rel, 0))
            continue
        records.append(Record(r.rel, ident, coll, k["hash"], summary, k["csv"], k["json"], k.get("data")))
    records.sort(key=lambda rec: (rec.collectivite, rec.identifiant))
    return SiteData(records, collectivites, skipped, read)


# ---------------------------------------------------------------- open data


def export_set(site: SiteData) -> ExportSet:
    """An export set whose items carry only what ``to_csv`` needs (their CSV cells prepared)."""
    return ExportSet([ExportItem(r.rel, {"identifiant": r.identifiant, "collectivite": r.collectivite},
                                 site.collectivites[r.collectivite], {"csv": r.csv}) for r in site.records])


def json_text(site: SiteData) -> str:
    """Exactly ``opendata.to_json`` of the public items, assembled from each record's cached fragment."""
    meta = {"iaterr": __version__, "version_schema": SCHEMA_VERSION, "publiable": True}
    if not site.records:
        return json.dumps({**meta, "cas_usage": []}, ensure_ascii=False, indent=2) + "\n"
    colls: dict[str, str] = {}
    parts = []
    for r in site.records:
        if r.collectivite not in colls:
            text = json.dumps(site.collectivites[r.collectivite], ensure_ascii=False, indent=2)
            colls[r.collectivite] = '"collectivite": ' + text.replace("\n", "\n      ")
        parts.append(r.json.replace(_PLACEHOLDER, colls[r.collectivite], 1))
    head = json.dumps(meta, ensure_ascii=False, indent=2)[:-2]
    return head + ',\n  "cas_usage": [\n' + ",\n".join(parts) + "\n  ]\n}\n"


# ---------------------------------------------------------------- building


@dataclass
class BuildResult:
    out: Path
    #: pages written (paths relative to ``out``, with forward slashes), in order
    written: list[str]
    #: pages deleted because they are no longer part of the site
    deleted: list[str]
    unchanged: int
    records: int
    collectivites: int
    skipped: list[tuple[str, int]]
    files_read: int = 0

    @property
    def pages(self) -> int:
        return len(self.written) + self.unchanged


@dataclass
class _Page:
    path: str
    hash: str
    render: Callable[[], str | bytes] | None = None
    #: for use-case pages, rendered in bulk: the record
    record: Record | None = None


def git_commit(root: Path) -> str | None:
    """The short hash of HEAD of the git repository holding ``root``, or None."""
    try:
        import git

        repo = git.Repo(root, search_parent_directories=True)
        try:
            return repo.head.commit.hexsha[:8]
        finally:
            repo.close()
    except Exception:  # not a repository, no commit yet, no git: "hors git"
        return None


def _environment():
    from iaterr.publish.templating import environment

    env = environment("templates")
    env.tests["web_url"] = is_web_url
    return env


def is_web_url(value: Any) -> bool:
    """Only http(s) addresses become links: never ``javascript:``, ``data:`` or anything else."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")) and \
        not any(c in value for c in "\0\n\r\t<>\"'` ")


def _template_fingerprint() -> str:
    base = Path(__file__).resolve().parents[1] / "templates"
    h = hashlib.sha1(__version__.encode())
    for folder in ("site", "notice"):
        for path in sorted((base / folder).glob("*")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:20]


class _Renderer:
    """Renders pages; its state is inherited by the processes that render use-case pages."""

    def __init__(self, site: SiteData, lang: str, context: dict[str, Any], out: Path) -> None:
        from iaterr.i18n import message

        self.site, self.lang, self.out = site, lang, out
        self.env = _environment()
        self.context = context

        def m(key: str, **params: Any) -> str:
            return message(key, lang, **params)

        def label(vocab: str, code: str | None) -> str:
            if code == NO_RISK and vocab == "niveaux_risque":
                return message("registre.risque-non-renseigne", lang)
            return VOCABS[vocab].label(code, lang) if code else ""

        self.env.globals.update(m=m, label=label, lang=lang, **context)
        self.rows = _Rows(label)
        self.env.globals["rows_html"] = self.rows

    def render(self, template: str, root: str, **values: Any) -> str:
        return self.env.get_template(template).render(root=root, **values)

    def case_page(self, record: Record) -> str:
        from iaterr.publish.notice import build_notice

        coll = self.site.collectivites[record.collectivite]
        item = ExportItem(record.rel, record.data or {}, coll)
        notice = build_notice(item, lang=self.lang, today=self.context["today"])
        return self.render("site/cas.html.j2", "../", n=notice, d=notice.data, c=coll, s=record.summary)


_RENDERER: _Renderer | None = None


def _write(out: Path, rel: str, content: str | bytes) -> None:
    """Write a page whole or not at all (a temporary file renamed over it)."""
    atomic_write(out / rel, content, fsync=False)


def _render_cases(records: list[Record]) -> list[str]:
    renderer = _RENDERER
    assert renderer is not None
    done = []
    for record in records:
        _write(renderer.out, f"cas/{record.identifiant}.html", renderer.case_page(record))
        done.append(f"cas/{record.identifiant}.html")
    return done


def _render_cases_parallel(records: list[Record], jobs: int | None) -> None:
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(records) >= PARALLEL_THRESHOLD else 1
    jobs = max(1, min(jobs, len(records)))
    if jobs == 1:
        _render_cases(records)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():  # the renderer is inherited, not sent
        _render_cases(records)
        return
    size = max(50, len(records) // (jobs * 4))
    chunks = [records[i:i + size] for i in range(0, len(records), size)]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for _done in pool.map(_render_cases, chunks):
                pass
    except (OSError, RuntimeError):  # no processes to be had here: do it in this one
        _render_cases(records)


def _row(site: SiteData, r: Record) -> dict[str, Any]:
    row = {"id": r.identifiant, "coll": r.collectivite, "coll_nom": site.collectivites[r.collectivite].get("nom", ""),
           **r.summary}
    # what the row shows, as one string: list pages are rebuilt when the rows they show change
    row["key"] = "\x1f".join([row["id"], row["coll"], str(row["coll_nom"]), str(row["nom"]), row["theme"],
                              row["statut"], " ".join(row["types"]), row["risque"]])
    return row


class _Rows:
    """The HTML of each row of the lists of use cases, made once per build and reused by every list page
    that shows it (thousands of rows: a template call per row would cost seconds). Escaped like a template."""

    def __init__(self, label: Callable[[str, str | None], str]) -> None:
        self.label = label
        self.done: dict[tuple[str, str, bool], str] = {}
        self.labels: dict[tuple[str, str], str] = {}

    def __call__(self, rows: list[dict], root: str, show_coll: bool = True) -> Markup:
        return Markup("\n".join([self.one(row, root, show_coll) for row in rows]))

    def _label(self, vocab: str, code: str) -> str:
        key = (vocab, code)
        text = self.labels.get(key)
        if text is None:
            text = self.labels[key] = html.escape(self.label(vocab, code))
        return text

    def one(self, row: dict, root: str, show_coll: bool) -> str:
        key = (row["id"], root, show_coll)
        done = self.done.get(key)
        if done is None:
            e, label = html.escape, self._label
            types = ", ".join(label("types_algorithme", t) for t in row["types"])
            coll = (f'<td><a href="{root}collectivites/{e(row["coll"])}.html">{e(str(row["coll_nom"]))}</a></td>'
                    if show_coll else "")
            done = (
                f'<tr data-theme="{e(row["theme"])}" data-statut="{e(row["statut"])}" '
                f'data-types="{e(" ".join(row["types"]))}" data-risque="{e(row["risque"])}">'
                f'<th scope="row"><a href="{root}cas/{e(row["id"])}.html">{e(str(row["nom"]))}</a></th>{coll}'
                f'<td>{label("themes", row["theme"])}</td><td>{label("statuts", row["statut"])}</td>'
                f'<td>{types}</td><td>{label("niveaux_risque", row["risque"])}</td></tr>')
            self.done[key] = done
        return done


def _counts(rows: list[dict], key: str, vocab: Vocabulary | None) -> list[tuple[str, int]]:
    """(code, count) in vocabulary order, values present only; ``types`` counts each type of a use case."""
    found: dict[str, int] = {}
    for row in rows:
        values = row[key] if isinstance(row[key], list) else [row[key]]
        for v in values:
            found[v] = found.get(v, 0) + 1
    order = (vocab.codes if vocab else []) + [NO_RISK]
    return [(c, found[c]) for c in order if c in found] + sorted((c, n) for c, n in found.items() if c not in order)


def _chart(counts: list[tuple[str, str, int]]) -> dict[str, Any]:
    """Geometry of a horizontal bar chart: one row per value, its label above its bar, the count after it."""
    top = max((n for _c, _l, n in counts), default=0) or 1
    width, step = 600, 46
    bars = []
    for index, (code, label, n) in enumerate(counts):
        y = index * step
        length = round(n / top * (width - 80)) if n else 0
        bars.append({"code": code, "label": label, "n": n, "y": y, "text_y": y + 14, "bar_y": y + 20,
                     "length": max(length, 2), "value_x": max(length, 2) + 8, "value_y": y + 35})
    return {"width": width, "height": max(len(counts) * step, step), "bars": bars}


def build_site(repo: Repository, out: Path, *, lang: str = "fr", today: date | None = None, jobs: int | None = None,
               use_cache: bool = True, title: str | None = None) -> BuildResult:
    """Build (or bring up to date) the register website of ``repo`` in ``out``."""
    global _RENDERER
    from iaterr.i18n import message
    from iaterr.publish.opendata import table_schema_text, to_csv

    site = load_site_data(repo, use_cache=use_cache, jobs=jobs)
    today = today or date.today()
    commit = git_commit(repo.root)
    fingerprint = _digest([_template_fingerprint(), lang])
    rows = [_row(site, r) for r in site.records]
    coll_rows: dict[str, list[dict]] = {c: [] for c in site.collectivites}
    for row in rows:
        coll_rows[row["coll"]].append(row)
    if title is None:
        title = repo.config.nom if getattr(repo.config, "nom", None) else None
    if title is None and len(site.collectivites) == 1:
        title = message("registre.titre-une", lang, collectivite=next(iter(site.collectivites.values())).get("nom", ""))
    title = title or message("registre.titre", lang)
    context = {"site_title": title, "today": today, "generated": today.isoformat(), "commit": commit,
               "version": __version__}
    renderer = _Renderer(site, lang, context, out)
    if use_cache and not repo.embedded:  # compiled templates, kept: compiling them costs a fifth of a second
        from jinja2 import FileSystemBytecodeCache

        from iaterr.check.cache import CACHE_DIR

        folder = repo.root / CACHE_DIR / "gabarits"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            renderer.env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        except OSError:
            pass
    _RENDERER = renderer

    filters = {}
    for name, (folder, vocab, key) in FILTERS.items():
        filters[name] = {"folder": folder, "vocab": vocab.name, "key": key, "values": _counts(rows, key, vocab)}
    pages: list[_Page] = []

    def page(path: str, inputs: Any, render: Callable[[], str | bytes]) -> None:
        pages.append(_Page(path, _digest([fingerprint, path, inputs]), render))

    # assets
    css = renderer.render("site/registre.css.j2", "")
    js = (Path(__file__).resolve().parents[1] / "templates" / "site" / "registre.js").read_text(encoding="utf-8")
    page("assets/registre.css", css, lambda: css)
    page("assets/registre.js", js, lambda: js)
    # open data
    data_inputs = _digest([[r.hash for r in site.records], [site.collectivites[c] for c in sorted(site.collectivites)]])
    page("donnees/cas-usage.csv", data_inputs, lambda: to_csv(export_set(site)))
    page("donnees/cas-usage.json", data_inputs, lambda: json_text(site))
    page("donnees/cas-usage.tableschema.json", "", table_schema_text)
    # list pages
    coll_list = [{"id": c, "nom": d.get("nom", ""), "type": d.get("type", ""), "n": len(coll_rows[c])}
                 for c, d in sorted(site.collectivites.items(), key=lambda kv: kv[1].get("nom", "").casefold())]
    page("index.html", [[row["key"] for row in rows], filters],
         lambda: renderer.render("site/index.html.j2", "", rows=rows, filters=filters, collectivites=coll_list))
    for name, f in filters.items():
        for code, _n in f["values"]:
            shown = [row for row in rows if (code in row[f["key"]] if name == "type" else row[f["key"]] == code)]
            page(f"{f['folder']}/{code}.html", [row["key"] for row in shown],
                 lambda shown=shown, name=name, code=code, f=f: renderer.render(
                     "site/filtre.html.j2", "../", rows=shown, filter=name, vocab=f["vocab"], code=code))
    page("collectivites/index.html", coll_list,
         lambda: renderer.render("site/collectivites.html.j2", "../", collectivites=coll_list))
    for ident, data in site.collectivites.items():
        shown = coll_rows[ident]
        page(f"collectivites/{ident}.html", [data, [row["key"] for row in shown]],
             lambda data=data, shown=shown: renderer.render("site/collectivite.html.j2", "../", c=data, rows=shown))
    figures = _figures(site, rows, filters, renderer)
    page("chiffres.html", [figures, len(site.collectivites)],
         lambda: renderer.render("site/chiffres.html.j2", "", figures=figures, total=len(rows),
                                 collectivites=len(site.collectivites)))
    # use-case pages
    coll_hash = {c: _digest(d) for c, d in site.collectivites.items()}
    for r in site.records:
        pages.append(_Page(f"cas/{r.identifiant}.html", _digest(f"{fingerprint}:{r.hash}:{coll_hash[r.collectivite]}"),
                           record=r))

    old = _read_manifest(out)
    written: list[str] = []
    cases: list[Record] = []
    unchanged = 0
    existing = _files(out)
    for p in pages:
        if old.get(p.path) == p.hash and p.path in existing:
            unchanged += 1
            continue
        if p.record is not None:
            cases.append(p.record)
        else:
            _write(out, p.path, p.render())
        written.append(p.path)
    need = [r.rel for r in cases if r.data is None]
    if need:  # pages to render of records taken from the cache: read them
        fresh = read_public(repo, need, jobs=jobs)
        for r in cases:
            if r.data is None and r.rel in fresh:
                r.data = fresh[r.rel]["data"]
    current = {p.path: p.hash for p in pages}
    for r in [r for r in cases if r.data is None]:  # changed into an invalid record since: next build
        written.remove(f"cas/{r.identifiant}.html")
        current[f"cas/{r.identifiant}.html"] = ""
    _render_cases_parallel([r for r in cases if r.data is not None], jobs)
    deleted = []
    for rel in sorted(set(old) - set(current)):
        try:
            (out / rel).unlink()
            deleted.append(rel)
        except FileNotFoundError:
            deleted.append(rel)
        except OSError:
            pass
    _write(out, MANIFEST, json.dumps({"iaterr": __version__, "langue": lang, "pages": current}, ensure_ascii=False,
                                     separators=(",", ":")))
    _RENDERER = None
    return BuildResult(out, written, deleted, unchanged, len(site.records), len(site.collectivites), site.skipped,
                       site.files_read)


def _files(out: Path) -> set[str]:
    """Every file under ``out``, relative, with forward slashes (one directory scan: no stat per page)."""
    found: set[str] = set()
    stack = [("", str(out))]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append((prefix + entry.name + "/", entry.path))
            else:
                found.add(prefix + entry.name)
    return found


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        with open(out / MANIFEST, encoding="utf-8") as fh:
            pages = json.load(fh).get("pages", {})
        return {str(k): str(v) for k, v in pages.items() if isinstance(k, str) and ".." not in k.split("/")}
    except (OSError, ValueError, AttributeError):
        return {}


def _figures(site: SiteData, rows: list[dict], filters: dict, renderer: _Renderer) -> list[dict[str, Any]]:
    """The figures page's tables: (key, title, caption, [(code, label, count)], chart)."""
    from iaterr.i18n import message

    lang = renderer.lang
    label = renderer.env.globals["label"]
    out = []
    for name, vocab in (("theme", "themes"), ("statut", "statuts"), ("risque", "niveaux_risque")):
        counts = [(c, label(vocab, c), n) for c, n in filters[name]["values"]]
        out.append({"key": name, "title": message(f"registre.chiffres.{name}", lang), "counts": counts})
    by_type: dict[str, int] = {}
    for row in rows:
        t = site.collectivites[row["coll"]].get("type", "")
        by_type[t] = by_type.get(t, 0) + 1
    counts = [(c, label("types_collectivite", c), by_type[c]) for c in TYPES_COLLECTIVITE.codes if c in by_type]
    out.insert(2, {"key": "type-collectivite", "title": message("registre.chiffres.type-collectivite", lang),
                   "counts": counts})
    for fig in out:
        fig["total"] = sum(n for _c, _l, n in fig["counts"])
        fig["chart"] = _chart(fig["counts"])
        fig["summary"] = message("registre.chiffres.resume", lang, titre=fig["title"], _valeurs="", n=len(rows)) + \
            " ; ".join(f"{lbl} : {n}" for _c, lbl, n in fig["counts"])
    return out
