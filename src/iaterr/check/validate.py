"""``validate``: is every record well formed, and do the records agree?

Work is split in two:

* per file (cacheable, keyed on the file's size and modification time): bytes →
  YAML document → model, giving diagnostics and a small summary of the record;
* across files (always recomputed from the summaries): unique identifiers,
  identifiers matching file names, references to collectivités, SIRETs.

Nothing here prints or writes a record file.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import BaseModel, ValidationError

from iaterr import SUPPORTED_SCHEMA_VERSIONS
from iaterr.check.diagnostics import Diagnostic, Severity, format_path, with_hint
from iaterr.model import KINDS
from iaterr.model.introspect import model_at, spec_at, specs
from iaterr.model.types import parse_partial_date
from iaterr.model.vocab import SOUS_THEMES, STATUTS, THEMES
from iaterr.repo.config import Repository
from iaterr.repo.yamlio import position, read_document

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class FileResult:
    """What validating one file found; serialisable for the cache."""

    rel: str
    kind: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: identifiant, collectivite, siret, theme, statut, date_mise_a_jour and their positions
    summary: dict[str, Any] = field(default_factory=dict)
    #: the validated record as plain data, when asked for (exports); never cached
    data: dict[str, Any] | None = None


@dataclass
class ValidationReport:
    root: Path
    results: list[FileResult]
    diagnostics: list[Diagnostic]
    files_read: int = 0
    files_cached: int = 0
    ignored: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)

    def records(self, kind: str) -> list[FileResult]:
        return [r for r in self.results if r.kind == kind]

    def files_with_findings(self) -> int:
        return len({d.file for d in self.diagnostics})

    def theme_status_table(self) -> dict[str, Counter]:
        table: dict[str, Counter] = {}
        for result in self.records("cas_usage"):
            theme = result.summary.get("theme")
            statut = result.summary.get("statut")
            if theme and statut:
                table.setdefault(theme, Counter())[statut] += 1
        return table


# ---------------------------------------------------------------- one file


def check_file(raw: bytes, rel: str, kind: str, keep_data: bool | Callable[[str, dict], Any] = False) -> FileResult:
    """Validate the bytes of one record file of ``kind``; with ``keep_data``, keep the validated record
    (as plain data, or what the ``keep_data`` callable makes of it — in the worker process)."""
    model = KINDS[kind][1]
    doc = read_document(raw, rel)
    result = FileResult(rel, kind, list(doc.diagnostics))
    data = doc.data
    if not isinstance(data, dict):
        return result
    diags = result.diagnostics
    try:
        instance = model.model_validate(data)
        if keep_data:
            result.data = instance.model_dump(mode="json", exclude_none=True)
            if callable(keep_data):
                result.data = keep_data(kind, result.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            diags.append(diagnostic_from_pydantic(err, doc.root, rel, model, data))
    version = data.get("version_schema")
    if isinstance(version, str) and version.strip() and version not in SUPPORTED_SCHEMA_VERSIONS:
        line, col = position(doc.root, ("version_schema",))
        diags.append(Diagnostic("version-schema", rel, line, col, ("version_schema",), with_hint(
            {"valeur": version, "versions": list(SUPPORTED_SCHEMA_VERSIONS)}, "version-schema")))
    _non_canonical(model, data, (), doc.root, rel, diags)
    if kind == "cas_usage":
        _record_checks(data, doc.root, rel, diags)
    result.summary = _summary(kind, data, doc.root)
    return result


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _summary(kind: str, data: dict, root: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    keys = ("identifiant", "collectivite", "date_mise_a_jour") if kind == "cas_usage" else ("identifiant", "siret")
    for key in keys:
        value = _str(data.get(key))
        if value is not None:
            out[key] = value
            out[key + "@"] = position(root, (key,))
    if kind == "cas_usage":
        for key, vocab in (("theme", THEMES), ("statut", STATUTS)):
            raw = _str(data.get(key))
            term = vocab.resolve(raw) if raw else None
            if term:
                out[key] = term.code
    else:
        out["siret_ok"] = bool(out.get("siret")) and re.fullmatch(r"\d{14}", out["siret"]) is not None
        out["@"] = (1, 1)
    return out


def _type_name(value: Any) -> dict[str, str]:
    if value is None:
        return {"t": "type.vide"}
    if isinstance(value, list):
        return {"t": "type.liste"}
    if isinstance(value, dict):
        return {"t": "type.table"}
    return {"t": "type.texte"}


def _bilingual(meta_fr: str, meta_en: str) -> dict[str, str]:
    return {"fr": meta_fr, "en": meta_en}


def _example(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, (list, dict)):
        return "…"
    return str(value)


def diagnostic_from_pydantic(err: dict, root: Any, rel: str, model: type[BaseModel], data: dict) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    champ = format_path(loc)
    spec = spec_at(model, loc)

    def diag(code: str, params: dict[str, Any], *, key: bool = False) -> Diagnostic:
        line, col = position(root, loc, key=key)
        return Diagnostic(code, rel, line, col, loc, params)

    if kind == "missing":
        params: dict[str, Any] = {"champ": champ}
        if spec is not None:
            params["titre"] = _bilingual(spec.meta.titre_fr, spec.meta.titre_en)
            if spec.meta.exemple is not None:
                with_hint(params, "exemple", champ=loc[-1], exemple=_example(spec.meta.exemple))
        # a missing key sits in its parent mapping
        line, col = position(root, loc[:-1]) if len(loc) > 1 else (1, 1)
        return Diagnostic("champ-manquant", rel, line, col, loc, params)
    if kind == "extra_forbidden":
        holder = model_at(model, loc)
        names = list(specs(holder)) if holder else []
        params = {"cle": str(loc[-1])}
        close = difflib.get_close_matches(str(loc[-1]), names, n=3, cutoff=0.6)
        if close:
            with_hint(params, "vous-vouliez-dire", suggestions=close)
        elif names and len(names) <= 8:
            with_hint(params, "cles-possibles", cles=names)
        return diag("cle-inconnue", params, key=True)
    if kind == "iaterr_vocab":
        vocab = spec.vocab if spec else None
        params = {"valeur": ctx.get("valeur", value), "champ": champ}
        if vocab is not None:
            params["vocabulaire"] = _bilingual(vocab.title_fr, vocab.title_en)
            if vocab is SOUS_THEMES:
                theme = THEMES.resolve(data["theme"]) if isinstance(data.get("theme"), str) else None
                candidates = SOUS_THEMES.children(theme.code) if theme else []
                close = vocab.suggest(str(params["valeur"]))
                if close:
                    with_hint(params, "vous-vouliez-dire", suggestions=close)
                elif candidates:
                    with_hint(params, "sous-themes", valeurs=[t.code for t in candidates])
            else:
                close = vocab.suggest(str(params["valeur"]))
                if close:
                    with_hint(params, "vous-vouliez-dire", suggestions=close)
                else:
                    with_hint(params, "valeurs-possibles", valeurs=vocab.codes)
        return diag("valeur-inconnue", params)
    if kind == "iaterr_type":
        params = {"champ": champ, "attendu": {"t": "type." + ctx.get("attendu", "texte")}, "trouve": _type_name(value)}
        return diag("type-invalide", params)
    if kind in ("list_type", "tuple_type"):
        return diag("type-invalide", with_hint(
            {"champ": champ, "attendu": {"t": "type.liste"}, "trouve": _type_name(value)}, "liste"))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return diag("type-invalide", {"champ": champ, "attendu": {"t": "type.table"}, "trouve": _type_name(value)})
    if kind in ("string_type", "str_type"):
        return diag("type-invalide", {"champ": champ, "attendu": {"t": "type.texte"}, "trouve": _type_name(value)})
    if kind == "iaterr_vide":
        return diag("texte-vide", with_hint({"champ": champ}, "texte-vide"))
    if kind == "iaterr_slug":
        params = {"valeur": ctx.get("valeur", value)}
        from iaterr.repo.records import slugify

        suggestion = slugify(str(params["valeur"]))
        if suggestion:
            with_hint(params, "identifiant", suggestion=suggestion)
        return diag("identifiant-invalide", params)
    if kind == "iaterr_siret_format":
        params = {"valeur": ctx.get("valeur", value)}
        if ctx.get("compact") and len(ctx["compact"]) == 14:
            with_hint(params, "siret-espaces", compact=ctx["compact"])
        return diag("siret-format", params)
    if kind == "iaterr_siret_cle":
        return diag("siret-cle", with_hint({"valeur": ctx.get("valeur", value)}, "siret-cle"))
    if kind == "iaterr_url":
        return diag("url-invalide", with_hint({"champ": champ, "valeur": ctx.get("valeur", value)}, "url"))
    if kind == "iaterr_email":
        params = {"champ": champ, "valeur": ctx.get("valeur", value)}
        if ctx.get("sans_mailto"):
            with_hint(params, "mailto", sans_mailto=ctx["sans_mailto"])
        else:
            with_hint(params, "email")
        return diag("email-invalide", params)
    if kind == "iaterr_date":
        params = {"champ": champ, "valeur": ctx.get("valeur", value)}
        if ctx.get("iso"):
            with_hint(params, "date-iso", iso=ctx["iso"])
        return diag("date-invalide", params)
    if kind == "iaterr_booleen":
        return diag("booleen-invalide", with_hint({"champ": champ, "valeur": ctx.get("valeur", value)}, "booleen"))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        sign = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}[kind]
        bound = next(iter(ctx.values()), "")
        return diag("valeur-hors-limites", {"champ": champ, "valeur": value, "contrainte": f"{sign} {bound}"})
    detail = str(ctx.get("pattern")) if kind == "string_pattern_mismatch" else err.get("msg", kind)
    return diag("valeur-invalide", {"champ": champ, "detail": detail})


def _non_canonical(model: type[BaseModel], data: dict, path: tuple, root: Any, rel: str, out: list) -> None:
    """Warn where a label or alias stands for a code: valid, but not canonical."""
    for name, spec in specs(model).items():
        value = data.get(name)
        if value is None:
            continue
        if spec.vocab is not None:
            items = enumerate(value) if spec.is_list and isinstance(value, list) else [(None, value)]
            for index, item in items:
                if not isinstance(item, str):
                    continue
                term = spec.vocab.resolve(item)
                if term is not None and term.code != item:
                    where = path + (name,) + (() if index is None else (index,))
                    line, col = position(root, where)
                    out.append(Diagnostic("valeur-non-canonique", rel, line, col, where, with_hint(
                        {"valeur": item, "code": term.code}, "code-canonique", code=term.code)))
        elif spec.submodel is not None:
            items = enumerate(value) if spec.is_list and isinstance(value, list) else [(None, value)]
            for index, item in items:
                if isinstance(item, dict):
                    where = path + (name,) + (() if index is None else (index,))
                    _non_canonical(spec.submodel, item, where, root, rel, out)


def _record_checks(data: dict, root: Any, rel: str, out: list) -> None:
    theme = THEMES.resolve(data["theme"]) if isinstance(data.get("theme"), str) else None
    subs = data.get("sous_themes")
    if theme is not None and isinstance(subs, list):
        for index, raw in enumerate(subs):
            term = SOUS_THEMES.resolve(raw) if isinstance(raw, str) else None
            if term is not None and term.parent != theme.code:
                line, col = position(root, ("sous_themes", index))
                out.append(Diagnostic("sous-theme-hors-theme", rel, line, col, ("sous_themes", index), with_hint(
                    {"sous_theme": term.code, "theme": theme.code}, "sous-themes",
                    valeurs=[t.code for t in SOUS_THEMES.children(theme.code)])))
    pairs: list[tuple[tuple, tuple]] = [(("date_debut",), ("date_fin",))]
    dates_cles = data.get("dates_cles")
    if isinstance(dates_cles, list):
        pairs += [(("dates_cles", i, "date"), ("dates_cles", i, "fin")) for i in range(len(dates_cles))]
    for first, second in pairs:
        a, b = _date_at(data, first), _date_at(data, second)
        if a and b and _later(a[1], b[1]):
            line, col = position(root, second)
            out.append(Diagnostic("dates-ordre", rel, line, col, second, with_hint(
                {"champ_1": format_path(first), "date_1": a[0], "champ_2": format_path(second), "date_2": b[0]},
                "dates-ordre")))


def _date_at(data: dict, path: tuple) -> tuple[str, tuple[int, ...]] | None:
    node: Any = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, str):
        return None
    parsed = parse_partial_date(node)
    return (node, parsed) if parsed else None


def _later(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Is ``a`` strictly later than ``b``, compared at their common precision?"""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


# ---------------------------------------------------------------- the repository


@dataclass(frozen=True)
class RecordFile:
    kind: str
    path: str  # absolute
    rel: str  # relative to the repository root, with forward slashes


def collect_files(repo: Repository, paths: Iterable[Path] | None = None) -> tuple[list[RecordFile], list[str]]:
    """Record files to check, with their kind, and YAML files under data/ that are no record.

    Plain strings and ``os.scandir``: on 10,000 files, ``Path.resolve`` alone costs seconds.
    """
    root = os.path.realpath(repo.root)
    data = os.path.join(root, "data")
    prefix = root.rstrip(os.sep) + os.sep
    folders = {folder: kind for kind, (folder, _m, _s) in KINDS.items()}
    bases = [data] if not paths else [os.path.realpath(p) for p in paths]
    selected: list[RecordFile] = []
    ignored: list[str] = []
    seen: set[str] = set()
    for base in bases:
        files = sorted(_walk(base)) if os.path.isdir(base) else [base]
        for path in files:
            if path in seen:
                continue
            seen.add(path)
            if path.startswith(prefix):
                rel = path[len(prefix):].replace(os.sep, "/")
            else:
                rel = os.path.relpath(path, root).replace(os.sep, "/")
            parts = rel.split("/")
            kind = folders.get(parts[1]) if len(parts) >= 3 and parts[0] == "data" else None
            if kind is None:
                if path.endswith(YAML_SUFFIXES):
                    ignored.append(rel)
                continue
            selected.append(RecordFile(kind, path, rel))
    return selected, ignored


def _walk(base: str) -> Iterable[str]:
    stack = [base]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(YAML_SUFFIXES):
                yield entry.path


def validate_repository(
    repo: Repository,
    paths: Iterable[Path] | None = None,
    *,
    use_cache: bool = True,
    today: date | None = None,
    jobs: int | None = None,
    keep_data: bool | Callable[[str, dict], Any] = False,
) -> ValidationReport:
    """Validate the repository (or ``paths`` in it). ``jobs``: processes to check files with
    (default: one per core when there are many files to read). ``keep_data``: read every file again
    (no cache) and keep each valid record's data on its result, for exports."""
    from iaterr.check.cache import ValidationCache

    files, ignored = collect_files(repo, paths)
    # the embedded data sit inside the installed package: never write there
    cache = ValidationCache.open(repo.root) if use_cache and not repo.embedded and not keep_data else None
    slots: list[FileResult | None] = []
    stats: dict[int, os.stat_result] = {}
    to_read: list[tuple[int, RecordFile]] = []
    cached = 0
    for index, f in enumerate(files):
        try:
            stat = os.stat(f.path)
        except OSError as exc:
            slots.append(FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.rel,
                                                                 params={"erreur": exc.strerror})]))
            continue
        hit = cache.get(f.rel, stat) if cache else None
        if hit is not None:
            cached += 1
        else:
            stats[index] = stat
            to_read.append((index, f))
        slots.append(hit)
    for (index, f), result in zip(to_read, _check_files([f for _i, f in to_read], jobs, keep_data)):
        slots[index] = result
        if cache and not any(d.code == "fichier-illisible" for d in result.diagnostics):
            cache.put(f.rel, stats[index], result)
    results = [r for r in slots if r is not None]
    read = len(to_read)
    if cache:
        cache.save()

    diagnostics = [d for r in results for d in r.diagnostics]
    diagnostics += cross_checks(repo, results, partial=bool(paths), today=today)
    diagnostics += [Diagnostic("fichier-hors-dossier", rel, params={"dossiers": [
        f"data/{folder}/" for folder, _m, _s in KINDS.values()]}) for rel in ignored]
    diagnostics.sort(key=Diagnostic.sort_key)
    return ValidationReport(repo.root, results, diagnostics, read, cached, ignored)


#: Below this many files to read, one process is faster than starting others.
PARALLEL_THRESHOLD = 400


def _check_one(f: RecordFile, keep_data: Any = False) -> FileResult:
    try:
        with open(f.path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.rel, params={"erreur": exc.strerror})])
    return check_file(raw, f.rel, f.kind, keep_data)


def _check_chunk(chunk: list[RecordFile], keep_data: Any = False) -> list[FileResult]:
    return [_check_one(f, keep_data) for f in chunk]


def _check_files(files: list[RecordFile], jobs: int | None, keep_data: Any = False) -> list[FileResult]:
    """Check files, in several processes when it pays; results in the order of ``files``."""
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(files) >= PARALLEL_THRESHOLD else 1
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1:
        return [_check_one(f, keep_data) for f in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    size = max(25, len(files) // (jobs * 8))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            return [r for part in pool.map(_check_chunk, chunks, [keep_data] * len(chunks)) for r in part]
    except (OSError, RuntimeError):  # no processes to be had here: do it in this one
        return [_check_one(f, keep_data) for f in files]


def cross_checks(repo: Repository, results: list[FileResult], *, partial: bool, today: date | None) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    today = today or date.today()
    by_kind: dict[str, list[FileResult]] = {k: [] for k in KINDS}
    for r in results:
        by_kind[r.kind].append(r)

    # every file name in each kind folder, for checks on a partial selection
    stems: dict[str, set[str]] = {}
    for kind in KINDS:
        if partial:
            try:
                names = os.listdir(repo.kind_dir(kind))
            except OSError:
                names = []
            stems[kind] = {n.rsplit(".", 1)[0] for n in names if n.endswith(YAML_SUFFIXES)}
        else:
            stems[kind] = {r.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0] for r in by_kind[kind]}

    for kind, items in by_kind.items():
        first: dict[str, str] = {}
        for r in items:
            ident = r.summary.get("identifiant")
            if not ident:
                continue
            line, col = r.summary.get("identifiant@", (1, 1))
            name = r.rel.rsplit("/", 1)[-1]
            stem = name.rsplit(".", 1)[0]
            if ident != stem:
                out.append(Diagnostic("identifiant-nom-fichier", r.rel, line, col, ("identifiant",), with_hint(
                    {"identifiant": ident, "fichier": name}, "nom-fichier", attendu=f"{ident}.yaml")))
            other = first.get(ident)
            if other is None and partial and ident != stem and ident in stems[kind]:
                other = f"{KINDS[kind][0]}/{ident}.yaml"
            if other is not None:
                out.append(Diagnostic("identifiant-duplique", r.rel, line, col, ("identifiant",), with_hint(
                    {"identifiant": ident, "autre": other}, "identifiant-duplique")))
            else:
                first[ident] = r.rel

    known = stems["collectivite"] | {r.summary.get("identifiant") for r in by_kind["collectivite"]}
    known.discard(None)
    folder = f"data/{KINDS['collectivite'][0]}/"
    for r in by_kind["cas_usage"]:
        ref = r.summary.get("collectivite")
        if ref and ref not in known:
            line, col = r.summary.get("collectivite@", (1, 1))
            params: dict[str, Any] = {"collectivite": ref, "dossier": folder}
            close = difflib.get_close_matches(ref, sorted(known), n=3, cutoff=0.6)
            if close:
                with_hint(params, "vous-vouliez-dire", suggestions=close)
            else:
                with_hint(params, "collectivite-creer", fichier=f"{folder}{ref}.yaml")
            out.append(Diagnostic("collectivite-inconnue", r.rel, line, col, ("collectivite",), params))
        maj = r.summary.get("date_mise_a_jour")
        parsed = parse_partial_date(maj) if maj else None
        if parsed and _later(parsed, (today.year, today.month, today.day)):
            line, col = r.summary.get("date_mise_a_jour@", (1, 1))
            out.append(Diagnostic("date-future", r.rel, line, col, ("date_mise_a_jour",),
                                  {"champ": "date_mise_a_jour", "valeur": maj}))

    sirets: dict[str, str] = {}
    for r in by_kind["collectivite"]:
        siret = r.summary.get("siret")
        ident = r.summary.get("identifiant") or Path(r.rel).stem
        if not siret:
            if r.summary.get("identifiant"):
                out.append(Diagnostic("siret-manquant", r.rel, 1, 1, ("siret",), with_hint(
                    {"collectivite": ident}, "siret-manquant")))
            continue
        if not r.summary.get("siret_ok"):
            continue
        if siret in sirets:
            line, col = r.summary.get("siret@", (1, 1))
            out.append(Diagnostic("siret-duplique", r.rel, line, col, ("siret",), {"siret": siret, "autre": sirets[siret]}))
        else:
            sirets[siret] = ident
    return out
