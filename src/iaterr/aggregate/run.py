"""``iaterr aggregate``: read every source, keep every valid record, write one data repository.

1. The lock file of the previous run (``DIR/iaterr-sources.lock.json``, if any) says what each source was
   (commit, or file hash and validators) and which records it gave.
2. Each source is asked whether it changed (``git ls-remote``, HTTP validators, file stamps), a bounded
   number at a time, with a time limit and retries; only a changed one is fetched (a shallow clone, a
   download). A source that fails keeps its last good records, marked stale (``perime``); one never read
   has none (``echec``). A failure never stops the other sources.
3. Fetched records are checked by the one loader (:func:`iaterr.check.loader.load_one`, in several
   processes when there are many, then :func:`~iaterr.check.validate.cross_checks` per source): a record
   with an error is left out and reported.
4. :mod:`iaterr.aggregate.merge` decides what is kept and under which identifier.
5. ``DIR`` is written whole in a temporary folder beside it, then swapped in: a reader sees the old
   aggregate or the new one. Records of sources that did not change are copied from the old aggregate.

Nothing a source holds is run or deserialised as code; its files are read as bytes, never through a link.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iaterr.aggregate.fetch import Fetched, FetchError, Limits, fetch
from iaterr.aggregate.merge import FOLDER, Plan, Rec, Unwritable, merge, out_file, provenance_line, record_text
from iaterr.aggregate.sources import Source, SourcesFile
from iaterr.base.files import UnsafePath, atomic_write, contained, remove_tree, swap_folder, temp_name

LOCK_FILE = "iaterr-sources.lock.json"
LOCK_FORMAT = 1
#: linked copies (the same project or collectivité seen in another source) are kept here, out of data/
ASIDE = ".agregation/copies-liees"
#: how many record files are checked at once (bounds memory on very large aggregates)
BATCH = 4000

#: progress(phase, done, total): "sources", "fiches", "ecriture"
Progress = Callable[[str, int, int], None]


class AggregateError(Exception):
    """An aggregation that cannot start (its output folder); ``key`` and ``params`` name the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Rejected:
    rel: str
    codes: list[str]
    #: the first error, as a message key's parameters are not kept: its French and English texts
    message: dict[str, str]
    #: the line of the source's own file where its first error is: in the record's file (a repository), or
    #: where its row starts in the CSV (a CSV source: how its author knows it)
    line: int | None = None
    #: the column of the first error in the record's file (a repository)
    column: int | None = None


@dataclass
class StoreRejected:
    """A members-only aggregate: a record taken without its restricted fields, its store file unusable."""

    #: the record's file in its source
    rel: str
    #: the store file, inside the store, and the line of its first error (``cas-usage/x.yaml:3``)
    where: str
    #: that error's French and English texts (no restricted value quoted)
    message: dict[str, str]


@dataclass
class SourceOutcome:
    source: Source
    #: "lu" (read now), "inchange" (unchanged since the last run), "perime" (failed: last good state kept),
    #: "echec" (failed, never read)
    state: str = "echec"
    version: dict[str, Any] = field(default_factory=dict)
    read_at: str | None = None
    error: dict[str, Any] | None = None
    records: list[Rec] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    #: the collectivités it is the own source of: 0 declared (collectivite_defaut), 1 the only one it holds
    own: dict[str, int] = field(default_factory=dict)
    attempts: int = 0
    #: where its fetched data is (a clone, a converted CSV, the source folder)
    root: Path | None = None
    ours: bool = False
    #: read, but not an iaterr repository (its last good state is then taken back)
    unusable: bool = False
    #: its restricted store (members-only aggregate): "lu", or why it could not be read (a message)
    companion: str | dict[str, Any] | None = None
    #: its own iaterr.yaml says it is public (``public: true``)
    declared_public: bool = False
    #: members only: records taken without their restricted fields, their store file unusable
    store_rejected: list[StoreRejected] = field(default_factory=list)
    #: a CSV source: the CSV line each record comes from
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def published_restricted(self) -> list[str]:
        """Its files, read now, that publish restricted values although it says it is public (a public aggregate
        leaves the values out; the network is told, so that the collectivité moves them to its store)."""
        if not self.declared_public or self.state != "lu":
            return []
        return [r.rel for r in self.records if r.restricted and not r.stale]

    @property
    def failed(self) -> bool:
        return self.state in ("perime", "echec")

    @property
    def version_text(self) -> str:
        v = self.version
        if v.get("commit"):
            return f"commit {v['commit']}"
        if v.get("empreinte"):
            return f"sha256 {v['empreinte']}"
        return "dossier"


@dataclass
class AggregateResult:
    out: Path
    outcomes: list[SourceOutcome]
    plan: Plan
    written: int = 0
    #: records that could not be written (rel in the source, reason)
    unwritable: list[tuple[Rec, str]] = field(default_factory=list)
    #: sources of the previous run no longer in the sources file: (address, records they gave)
    removed: list[tuple[str, int]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (any(o.failed or o.rejected or o.store_rejected or isinstance(o.companion, dict)
                        for o in self.outcomes) or self.plan.orphans or self.unwritable)


def now_text() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# ---------------------------------------------------------------- the lock file


def read_lock(out: Path) -> dict[str, Any]:
    """The previous run's lock file, checked for its shape (anything else: no previous run)."""
    from iaterr.base.files import UnsafePath, read_regular

    try:
        data = json.loads(read_regular(out / LOCK_FILE))
    except (OSError, UnsafePath, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != LOCK_FORMAT or not isinstance(data.get("sources"), list):
        return {}
    return data


def _previous(lock: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for entry in lock.get("sources", []):
        if isinstance(entry, dict) and isinstance(entry.get("cle"), str):
            out[entry["cle"]] = entry
    return out


_IDENT = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_SIRET = re.compile(r"\d{14}")
_REC_KEYS = {"type": str, "source": str, "identifiant": str, "nom": str, "date_mise_a_jour": str,
             "empreinte": str, "fichier": str}


def _records_of(entry: dict[str, Any], index: int, out: Path) -> list[Rec] | None:
    """The records a source gave last time, read back from the old aggregate; None when any is missing."""
    recs = []
    for item in entry.get("fiches", []) if isinstance(entry.get("fiches"), list) else []:
        if not isinstance(item, dict) or any(not isinstance(item.get(k), t) for k, t in _REC_KEYS.items()):
            return None
        if item["type"] not in FOLDER:
            return None
        rel = item["fichier"]
        if not (rel.startswith("data/") or rel.startswith(ASIDE + "/")) or ".." in rel.split("/"):
            return None
        coll = item.get("collectivite")
        if not _IDENT.fullmatch(item["identifiant"]) or (coll is not None and not (
                isinstance(coll, str) and _IDENT.fullmatch(coll))):
            return None  # an identifier becomes a file name: only one of the model's shape
        try:
            path = contained(out, out / rel)
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return None
            held = item.get("empreinte_ecrite")
            if held is not None and (not isinstance(held, str) or _digest(path) != held):
                return None  # edited since it was written (by hand?): the source is read again
        except (OSError, UnsafePath):
            return None
        siret, written = item.get("siret"), item.get("collectivite_ecrite")
        recs.append(Rec(index, item["type"], item["source"], str(path), item["identifiant"],
                        coll if isinstance(coll, str) else None, item["nom"], item["date_mise_a_jour"],
                        item["empreinte"], bool(item.get("restreint")), clean=True, previous=rel,
                        siret=siret if isinstance(siret, str) and _SIRET.fullmatch(siret) else None,
                        previous_coll_out=written if isinstance(written, str) and _IDENT.fullmatch(written) else None,
                        stale=item.get("perime") is True,
                        written_digest=held if isinstance(held, str) else None))
    return recs


def _kept_state(entry: dict[str, Any] | None, index: int, out: Path) -> list[Rec] | None:
    """The records of a source's last good state (None: it has none). A source that failed without ever being read
    (``echec``) has none, whatever version it was found unusable at: it is read again, and fails again, until it
    is fixed (never « unchanged » with no record)."""
    return _records_of(entry, index, out) if entry and _has_good_state(entry) else None


def _has_good_state(entry: dict[str, Any]) -> bool:
    """Whether the lock's ``entry`` says its source was read well at least once (it has a last good state)."""
    return bool(entry.get("version")) and entry.get("etat") in ("lu", "inchange", "perime")


def _last_valid(entry: dict[str, Any], index: int, out: Path, rels: set[str]) -> list[Rec]:
    """The last valid state of the records ``rels`` of a source (their files in its source), each judged on its
    own: another record of the source edited or missing in the library does not take theirs away."""
    if not rels or not _has_good_state(entry):
        return []
    found: list[Rec] = []
    for item in entry.get("fiches", []) if isinstance(entry.get("fiches"), list) else []:
        if isinstance(item, dict) and item.get("source") in rels:
            found += _records_of({"fiches": [item]}, index, out) or []
    return found


def _digest(path: Path | str) -> str:
    from iaterr.base.files import read_regular

    return hashlib.sha256(read_regular(path)).hexdigest()


def _own_of(entry: dict[str, Any]) -> dict[str, int]:
    given = entry.get("collectivites_propres")
    if not isinstance(given, dict):
        return {}
    return {k: v for k, v in given.items() if isinstance(k, str) and v in (0, 1)}


def _rejected_of(entry: dict[str, Any]) -> list[Rejected]:
    out = []
    for item in entry.get("rejets", []) if isinstance(entry.get("rejets"), list) else []:
        if isinstance(item, dict) and isinstance(item.get("fichier"), str) and isinstance(item.get("message"), dict):
            line, column = (item.get(k) for k in ("ligne", "colonne"))
            out.append(Rejected(item["fichier"], [str(c) for c in item.get("codes", [])],
                                {k: str(v) for k, v in item["message"].items() if k in ("fr", "en")},
                                line if isinstance(line, int) and not isinstance(line, bool) and line > 0 else None,
                                column if isinstance(column, int) and not isinstance(column, bool) and column > 0
                                else None))
    return out


# ---------------------------------------------------------------- reading the sources


def _check_out(out: Path, sources: SourcesFile) -> Path:
    out = Path(os.path.abspath(out))
    if os.path.lexists(out):
        info = os.lstat(out)
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
            raise AggregateError("agregation.sortie.pas-un-dossier", chemin=str(out))
        if os.listdir(out) and not os.path.lexists(out / LOCK_FILE):
            raise AggregateError("agregation.sortie.non-vide", chemin=str(out), fichier=LOCK_FILE)
        foreign = _foreign(out)
        if foreign:
            shown = ", ".join(foreign[:FOREIGN_SHOWN]) + (" …" if len(foreign) > FOREIGN_SHOWN else "")
            raise AggregateError("agregation.sortie.etrangers", chemin=str(out), fichiers=shown, n=len(foreign))
    for source in sources.sources:
        if source.local:
            target = Path(source.target)
            if out == target or target in out.parents or out in target.parents:
                raise AggregateError("agregation.sortie.source", chemin=str(out), source=source.location)
    return out


#: what a previous run wrote at the top of its folder (every other name there is someone else's)
OWN_NAMES = frozenset({"iaterr.yaml", "data", LOCK_FILE, ".agregation"})
FOREIGN_SHOWN = 5


def _foreign(out: Path) -> list[str]:
    """The files and folders in a previous aggregate ``out`` that it did not write (a ``.git``, the ``site/`` of
    ``register build``, a record added by hand): the folder is replaced whole, so they would be lost. Its own are
    the names above, the record files its lock lists, and the folders holding them."""
    if not os.path.lexists(out / LOCK_FILE):
        return []
    listed: set[str] = set()
    for entry in read_lock(out).get("sources", []):
        items = entry.get("fiches") if isinstance(entry, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("fichier"), str):
                listed.add(item["fichier"])
    found = sorted(name for name in os.listdir(out) if name not in OWN_NAMES)
    for top in ("data", ".agregation"):
        if not os.path.lexists(out / top):
            continue
        if not stat.S_ISDIR(os.lstat(out / top).st_mode):
            found.append(top)
            continue
        for folder, dirs, files in os.walk(out / top):
            rel = Path(folder).relative_to(out).as_posix()
            if top == "data" and rel == "data":
                found += [f"data/{n}" for n in sorted(files) + sorted(dirs) if n not in FOLDER.values()]
                dirs[:] = [d for d in dirs if d in FOLDER.values()]
                continue
            found += [f"{rel}/{n}" for n in sorted(files) if f"{rel}/{n}" not in listed]
            for d in list(dirs):  # a link to a folder is not walked: it is foreign itself
                if os.path.islink(os.path.join(folder, d)):
                    found.append(f"{rel}/{d}")
                    dirs.remove(d)
    return found


def _error(key: str, params: dict[str, Any]) -> dict[str, Any]:
    """An error as the lock file keeps it: its message key and its texts in French and English."""
    from iaterr.i18n import message

    return {"cle": key, "fr": message(key, "fr", **params), "en": message(key, "en", **params)}


def _fetch_all(sources: list[Source], previous: dict[str, dict[str, Any]], out: Path, work: Path,
               limits: Limits, jobs: int, force: bool, progress: Progress | None
               ) -> list[SourceOutcome]:
    outcomes = [SourceOutcome(s) for s in sources]
    old_records: dict[int, list[Rec] | None] = {}
    for index, source in enumerate(sources):
        old_records[index] = _kept_state(previous.get(source.key), index, out)

    def one(index: int) -> tuple[int, Fetched | FetchError]:
        source = sources[index]
        entry = previous.get(source.key) or {}
        usable = old_records[index] is not None
        version = entry.get("version") if isinstance(entry.get("version"), dict) else None
        try:
            return index, fetch(source, version if usable else None, work / f"{index:06d}", limits,
                                force=force or not usable)
        except FetchError as exc:
            return index, exc

    done = 0
    total = len(sources)
    if progress:
        progress("sources", 0, total)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for index, got in pool.map(one, range(total)):
            outcome = outcomes[index]
            entry = previous.get(sources[index].key) or {}
            if isinstance(got, FetchError):
                outcome.error = _error(got.key, got.params)
                outcome.attempts = int(got.params.get("essais", 1))
                kept = old_records[index]
                if kept is not None:  # the last good state stays, marked stale
                    outcome.state = "perime"
                    outcome.records = kept
                    outcome.version = dict(entry.get("version") or {})
                    outcome.read_at = entry.get("lu_le")
                    outcome.rejected = _rejected_of(entry)
                    outcome.own = _own_of(entry)
            elif got.unchanged:
                outcome.state = "inchange"
                outcome.version = got.version
                outcome.records = old_records[index] or []
                outcome.read_at = entry.get("lu_le")
                outcome.rejected = _rejected_of(entry)
                outcome.own = _own_of(entry)
                outcome.attempts = got.attempts
            else:
                outcome.state = "lu"
                outcome.version = got.version
                outcome.read_at = now_text()
                outcome.root = got.root
                outcome.ours = got.ours
                outcome.lines = got.lines
                outcome.attempts = got.attempts
            done += 1
            if progress:
                progress("sources", done, total)
    return outcomes


def _check_chunk(chunk: list[tuple[Any, str | None, bool]],
                 want: Any) -> list[tuple[Any, tuple[Any, ...] | None, StoreRejected | None]]:
    """In a checking process: each file read and checked by the one loader; of a valid one, a summary (and,
    when it holds restricted values and ``staged`` is given, a public copy written there)."""
    from iaterr.aggregate.merge import members_bytes, public_bytes
    from iaterr.base.files import UnsafePath, read_regular
    from iaterr.check.loader import load_one, read_companion
    from iaterr.model.identifiers import slugify
    from iaterr.model.kinds import model_of
    from iaterr.model.visibility import restricted_paths

    out: list[tuple[Any, tuple[Any, ...] | None, StoreRejected | None]] = []
    for f, staged, public in chunk:
        result = load_one(f, want)
        store_problem = None
        if f.companion and not public and result.has_errors:
            # members only: a store file that cannot be used (a bad value, unreadable) does not cost the record
            # its place; it is taken without its restricted fields, and the store file's problem is said
            without = dataclasses.replace(f, companion="", companion_shown="")
            alone = load_one(without, want)
            if not alone.has_errors:
                store_problem = _store_problem(f, result)
                f, result = without, alone
        data, result.full = result.full, None
        info = None
        if data is not None and not result.has_errors:
            restricted = any(v not in (None, "", [], {}) for _p, v in restricted_paths(model_of(f.kind), data))
            path, clean = f.path, False
            copy: bytes | None = None
            try:
                if f.companion and staged is not None and not public:  # members only: with its store's fields
                    copy = members_bytes(read_regular(f.path, f.inode), read_companion(f), f.rel, f.kind)
                elif restricted and staged is not None and public:
                    copy = public_bytes(read_regular(f.path, f.inode), f.rel, f.kind)
            except (OSError, UnsafePath):
                copy = None
            if copy is not None and staged is not None:  # the copy the aggregate takes instead of the file
                os.makedirs(os.path.dirname(staged), exist_ok=True)
                with open(staged, "xb") as fh:
                    fh.write(copy)
                path, clean = staged, public
            nom = data.get("nom")
            siret = data.get("siret") if f.kind == "collectivite" else None
            info = (str(data.get("identifiant")), str(data["collectivite"]) if f.kind == "cas_usage" else None,
                    slugify(nom) if isinstance(nom, str) else "", str(data.get("date_mise_a_jour") or ""),
                    restricted, path, clean, siret if isinstance(siret, str) and _SIRET.fullmatch(siret) else None)
        out.append((result, info, store_problem))
    return out


def _place(outcome: SourceOutcome, rel: str, first: Any) -> tuple[int | None, int | None]:
    """(line, column) of a rejected record's first error in its source's own file: its row's line in a CSV, the
    error's line and column in a repository's file (none for a whole-file problem)."""
    if outcome.source.kind == "csv":
        return outcome.lines.get(rel), None
    if first.file == rel and (first.path or (first.line, first.column) != (1, 1)):
        return first.line, first.column
    return None, None


def _store_problem(f: Any, result: Any) -> StoreRejected:
    """Why the store file of ``f`` was left out: its first error, placed in the store (its file inside the store,
    and line), the values of restricted fields never quoted (a report may end up in a CI log)."""
    from iaterr.base.diagnostics import Severity

    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    first = next((d for d in errors if d.file == f.companion_shown), errors[0] if errors else None)
    store_root = os.path.dirname(os.path.dirname(f.companion))
    inner = os.path.relpath(f.companion, store_root).replace(os.sep, "/")
    if first is None:
        return StoreRejected(f.rel, inner, {"fr": "", "en": ""})
    shown = first.redacted(values_only=True)
    where = f"{inner}:{first.line}" if first.file == f.companion_shown else inner
    return StoreRejected(f.rel, where, {lang: shown.message(lang=lang) for lang in ("fr", "en")})


#: store problems whose message points to iaterr.yaml: said of an aggregate's store, named by the sources file
_STORE_NAMED_BY_SOURCES = frozenset({"restreint.sans-marqueur", "restreint.lien", "restreint.pas-un-dossier"})


def _companion_store(outcome: SourceOutcome, work: Path, limits: Limits) -> Any:
    """The restricted store of a source (members-only aggregate), fetched when it is a remote repository, its
    marker checked; None (and the reason kept in ``outcome.companion``) when it cannot be read."""
    from iaterr.aggregate.fetch import clone
    from iaterr.repo.config import RepositoryError
    from iaterr.repo.restreint import open_store, source_identities

    source = outcome.source
    assert source.companion is not None
    store_source = Source("depot", source.companion_shown or source.companion, source.companion)
    folder = Path(source.companion) if store_source.local else work / f"restreint-{source.order:06d}"
    try:
        if not store_source.local:
            clone(store_source, folder, limits.timeout)
        store = open_store(folder, source.companion_shown or source.companion, source_identities(source.target))
    except FetchError as exc:
        outcome.companion = {"t": exc.key, "p": exc.params}
        return None
    except RepositoryError as exc:
        # named by the sources file, not by an iaterr.yaml: the hint says where to look
        key = f"agregation.{exc.key}" if exc.key in _STORE_NAMED_BY_SOURCES else exc.key
        outcome.companion = {"t": key, "p": exc.params}
        return None
    outcome.companion = "lu"
    return store


def _check_fetched(outcomes: list[SourceOutcome], jobs: int | None, staging: Path | None,
                   progress: Progress | None, *, public: bool = True, work: Path | None = None,
                   limits: Limits = Limits()) -> None:
    """Check the records of the sources just read; keep the valid ones (in batches: bounded memory). A
    members-only aggregate (``public`` False) merges each source's restricted store where it can read it; a
    public one never reads a store."""
    import dataclasses

    from iaterr.check.loader import collect_files
    from iaterr.repo.config import Repository, RepositoryError, load_config

    fresh = [o for o in outcomes if o.state == "lu" and o.root is not None]
    total = len(fresh)
    if progress:
        progress("fiches", 0, total)
    batch: list[tuple[SourceOutcome, Repository, Sequence[Any], list[Any]]] = []
    count = 0
    done = 0
    for outcome in fresh:
        root = outcome.root
        assert root is not None
        try:
            info = os.lstat(root / "iaterr.yaml")
            if not stat.S_ISREG(info.st_mode):
                raise FileNotFoundError
            config = load_config(root)
        except (OSError, FileNotFoundError):
            _fail(outcome, FetchError("agregation.erreur.pas-iaterr"))
            done += 1
            continue
        except RepositoryError as exc:
            where = re.search(r":\d+:\d+$", str(exc.params.get("fichier", "")))
            detail = exc.params.get("detail", "")
            detail = {k: _sentence(str(v)) for k, v in detail.items()} if isinstance(detail, dict) \
                else _sentence(str(detail))
            _fail(outcome, FetchError("agregation.erreur.config", ou="iaterr.yaml" + (where.group(0) if where else ""),
                                      detail=detail))
            done += 1
            continue
        # a source's own iaterr.yaml names no store here (the sources file does), and its publication policy is
        # its own: its records are read as those of a private repository
        repo = Repository(root, dataclasses.replace(config, public=False))
        outcome.declared_public = bool(config.public) and public  # a members-only aggregate merges the stores
        store = None
        if not public and outcome.source.companion is not None and work is not None:
            store = _companion_store(outcome, work, limits)
        found = collect_files(repo, store=store)
        if config.collectivite_defaut:
            outcome.own[config.collectivite_defaut] = 0
        batch.append((outcome, repo, found.files, found.diagnostics + [
            _ignored(rel) for rel in found.ignored]))
        count += len(found.files)
        if count >= BATCH:
            done += _check_batch(batch, jobs, staging, public)
            if progress:
                progress("fiches", done, total)
            batch, count = [], 0
    if batch:
        done += _check_batch(batch, jobs, staging, public)
    if progress:
        progress("fiches", total, total)


def _sentence(text: str) -> str:
    """``text`` ending with a full stop (it is followed by another sentence)."""
    text = text.rstrip()
    return text if not text or text.endswith((".", "!", "?", "…")) else text + "."


def _ignored(rel: str) -> Any:
    from iaterr.base.diagnostics import Diagnostic

    return Diagnostic("fichier-hors-dossier", rel, params={"dossiers": [f"data/{f}/" for f in FOLDER.values()]})


def _fail(outcome: SourceOutcome, exc: FetchError) -> None:
    """A source read but unusable: its last good state stays (stale), or it has none."""
    outcome.error = _error(exc.key, exc.params)
    outcome.records = []
    outcome.state = "echec"
    outcome.read_at = None  # nothing usable was read: its version says what was found unusable
    outcome.unusable = True


def _check_batch(batch: list[tuple[SourceOutcome, Any, Sequence[Any], list[Any]]], jobs: int | None,
                 staging: Path | None, public: bool = True) -> int:
    from iaterr.base.diagnostics import Severity
    from iaterr.base.parallel import in_chunks
    from iaterr.check.loader import Want
    from iaterr.check.validate import cross_checks

    want = Want(full=frozenset(FOLDER))
    items = [(f, str(staging / f"{o.source.order:06d}" / f.rel) if staging is not None else None, public)
             for o, _r, fs, _d in batch for f in fs]
    checked = in_chunks(_check_chunk, items, want, jobs=jobs, threshold=400, min_chunk=25, chunks_per_job=8)
    at = 0
    for outcome, repo, fs, extra in batch:
        mine = checked[at:at + len(fs)]
        at += len(fs)
        results = [result for result, _info, _store in mine]
        outcome.store_rejected = [store for _result, _info, store in mine if store is not None]
        cross = cross_checks(repo, results, partial=False, today=None)
        errors: dict[str, list[Any]] = {}
        for d in [x for r in results for x in r.diagnostics] + cross + extra:
            if d.code == "collectivite-inconnue":
                continue  # its collectivité may be described by another source: the merge decides (an orphan)
            if d.severity == Severity.ERROR or d.code in ("fichier-hors-dossier",):
                errors.setdefault(d.file, []).append(d)
        for diags in errors.values():  # the first error of a file: the first in it
            diags.sort(key=lambda d: d.sort_key())
        records = []
        for f, (result, info, _store) in zip(fs, mine):
            if f.rel in errors or info is None:
                continue
            ident, coll, nom, date, restricted, path, clean, siret = info
            records.append(Rec(outcome.source.order, f.kind, f.rel, path, ident, coll, nom, date, result.digest,
                               restricted, clean=clean, siret=siret))
        outcome.records = records
        outcome.rejected = [Rejected(rel, sorted({d.code for d in diags}),
                                     {lang: diags[0].message(lang=lang) for lang in ("fr", "en")},
                                     *_place(outcome, rel, diags[0]))
                            for rel, diags in sorted(errors.items())]
        colls = {r.ident for r in records if r.kind == "collectivite"}
        if len(colls) == 1:
            outcome.own.setdefault(colls.pop(), 1)
    return len(batch)


# ---------------------------------------------------------------- writing the aggregate


def _write(out: Path, name: str | None, outcomes: list[SourceOutcome], plan: Plan, public: bool,
           progress: Progress | None, registre: dict[str, Any] | None = None) -> tuple[int, list[tuple[Rec, str]]]:
    from iaterr import SCHEMA_VERSION, __version__

    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / temp_name(out.name)
    # a members-only library holds restricted fields: its folder is its owner's alone, as a restricted store is
    staging.mkdir(mode=0o755 if public else 0o700)
    unwritable: list[tuple[Rec, str]] = []
    written = 0
    try:
        title = name or "Bibliothèque agrégée par iaterr"
        members = "" if public else (
            "# RÉSERVÉ AUX MEMBRES DU RÉSEAU : ce dépôt contient les champs restreints des fiches (iaterr aggregate\n"
            "# --membres). Ne le publiez jamais tel quel ; ses exports et son site (iaterr export, iaterr register\n"
            "# build) restent publics.\n")
        atomic_write(staging / "iaterr.yaml", (
            "# Dépôt écrit par « iaterr aggregate » : ne pas modifier à la main, chaque exécution le réécrit.\n"
            f"# Les sources et ce qui en a été lu : {LOCK_FILE}\n" + members +
            f'version_schema: "{SCHEMA_VERSION}"\n' + f"nom: {json.dumps(title, ensure_ascii=False)}\n" +
            _registre_text(registre)), fsync=False)
        for folder in FOLDER.values():
            (staging / "data" / folder).mkdir(parents=True, exist_ok=True)
        total = len(plan.kept) + len(plan.linked)
        if progress:
            progress("ecriture", 0, total)
        placed: dict[int, str] = {}
        for number, rec in enumerate(plan.kept + plan.linked, start=1):
            outcome = outcomes[rec.source]
            if rec.linked_to is None:
                rel = out_file(rec)
            else:
                rel = f"{ASIDE}/{outcome.source.key}/{FOLDER[rec.kind]}/{rec.ident}.yaml"
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if rec.previous == rel and (outcome.state != "lu" or rec.stale) and rec.coll_out == rec.previous_coll_out:
                # the same file of the same version of its source, in the same place: the old aggregate's file,
                # linked (it is left untouched until the swap, then only its other name goes)
                try:
                    os.link(rec.path, target, follow_symlinks=False)
                    if rec.written_digest is None:  # a lock of an earlier iaterr: the digest is taken now
                        rec.written_digest = _digest(target)
                    placed[id(rec)] = rel
                    written += rec.linked_to is None
                    continue
                except OSError:
                    pass
            provenance = provenance_line(outcome.source.location, outcome.version_text, rec.rel)
            if rec.stale:  # the version it was read at is the one its previous provenance line names
                provenance = _first_line(rec.path) or provenance
            try:
                raw = record_text(rec, provenance, public=public)
            except (Unwritable, UnicodeDecodeError) as exc:
                unwritable.append((rec, str(exc)))
                continue
            with open(target, "xb") as fh:
                fh.write(raw)
            rec.written_digest = hashlib.sha256(raw).hexdigest()
            placed[id(rec)] = rel
            written += rec.linked_to is None
            if progress and number % 500 == 0:
                progress("ecriture", number, total)
        lock = _lock(outcomes, plan, placed, unwritable, __version__)
        lock["public"] = public
        atomic_write(staging / LOCK_FILE, json.dumps(lock, ensure_ascii=False, indent=1) + "\n", fsync=False)
        if progress:
            progress("ecriture", total, total)
        swap_folder(staging, out)
    except BaseException:
        remove_tree(staging, ignore_errors=True)
        raise
    return written, unwritable


def _registre_text(registre: dict[str, Any] | None) -> str:
    """The ``registre:`` section of the sources file, as YAML for the aggregate's ``iaterr.yaml``."""
    if not registre:
        return ""
    import yaml

    return "# La section registre vient du fichier de sources (clé « registre »).\n" + yaml.safe_dump(
        {"registre": registre}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def _first_line(path: str) -> str | None:
    """The provenance line of a file of the previous aggregate, if it starts with one."""
    from iaterr.aggregate.merge import PROVENANCE
    from iaterr.base.files import UnsafePath, read_regular

    try:
        text = read_regular(path).removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except (OSError, UnsafePath, UnicodeDecodeError):
        return None
    line = text.split("\n", 1)[0] + "\n"
    return line if line.startswith(PROVENANCE) else None


def _lock(outcomes: list[SourceOutcome], plan: Plan, placed: dict[int, str], unwritable: list[tuple[Rec, str]],
          version: str) -> dict[str, Any]:
    renamed = {id(rec): new for rec, _old, new in plan.renamed}
    orphans = {id(rec) for rec in plan.orphans}
    checked = now_text()
    sources = []
    for outcome in outcomes:
        fiches = []
        for rec in sorted(outcome.records, key=lambda r: (r.kind, r.rel)):
            where = placed.get(id(rec))
            if where is None:
                continue
            entry = rec.to_lock()
            entry["fichier"] = where
            if rec.linked_to is not None:
                entry["lien"] = rec.linked_to
            if id(rec) in renamed:
                entry["renommee"] = renamed[id(rec)]
            fiches.append(entry)
        left_out = [{"source": rec.rel, "identifiant": rec.ident, "collectivite": rec.collectivite}
                    for rec in outcome.records if id(rec) in orphans]
        source = outcome.source
        sources.append({
            "cle": source.key, "type": source.kind, "adresse": source.location,
            **({"branche": source.branch} if source.branch else {}),
            **({"nom": source.name} if source.name else {}),
            "etat": outcome.state, "version": outcome.version, "lu_le": outcome.read_at, "verifie_le": checked,
            "essais": outcome.attempts,
            **({"erreur": outcome.error} if outcome.error else {}),
            "collectivites_propres": dict(sorted(outcome.own.items())),
            "fiches": fiches,
            "rejets": [{"fichier": r.rel, **({"ligne": r.line} if r.line else {}),
                        **({"colonne": r.column} if r.column else {}), "codes": r.codes,
                        "message": r.message} for r in outcome.rejected],
            **({"restreint_erreur": _error(outcome.companion["t"], outcome.companion.get("p", {}))}
               if isinstance(outcome.companion, dict) else {}),
            **({"restreints_rejetes": [{"fichier": r.rel, "magasin": r.where, "message": r.message}
                                       for r in outcome.store_rejected]} if outcome.store_rejected else {}),
            **({"sans_collectivite": left_out} if left_out else {}),
        })
    return {"format": LOCK_FORMAT, "iaterr": version, "date": checked, "sources": sources,
            "non_ecrites": [{"source": outcomes[r.source].source.location, "fichier": r.rel, "raison": why}
                            for r, why in unwritable]}


_OUT_FILE = re.compile(r"data/cas-usage/([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml")


def _carry_over(outcomes: list[SourceOutcome], previous: dict[str, dict[str, Any]], out: Path) -> None:
    """What a record keeps from the previous run: a record now invalid in a source just read keeps its last valid
    state (marked stale), and a use case keeps the identifier the library gave it (while its own identifier in
    its source is the same)."""
    for outcome in outcomes:
        entry = previous.get(outcome.source.key)
        if not entry:
            continue
        if outcome.state == "lu" and outcome.rejected:
            bad = {r.rel for r in outcome.rejected} - {r.rel for r in outcome.records}
            for rec in _last_valid(entry, outcome.source.order, out, bad):
                rec.stale = True
                outcome.records.append(rec)
        items = {item["source"]: item for item in entry.get("fiches") or []
                 if isinstance(item, dict) and isinstance(item.get("source"), str)}
        for rec in outcome.records:
            item = items.get(rec.rel)
            if rec.kind != "cas_usage" or item is None or item.get("lien") or item.get("identifiant") != rec.ident:
                continue
            found = _OUT_FILE.fullmatch(str(item.get("fichier")))
            if found:
                rec.previous_out = found.group(1)


def _check_removal(lock: dict[str, Any], sources: SourcesFile) -> None:
    """:class:`AggregateError` when the sources no longer in the sources file gave more than half of the previous
    library's records."""
    keys = {s.key for s in sources.sources}
    total = 0
    gone: list[tuple[str, int]] = []
    for entry in lock.get("sources", []):
        if not isinstance(entry, dict):
            continue
        count = len(entry["fiches"]) if isinstance(entry.get("fiches"), list) else 0
        total += count
        if entry.get("cle") not in keys and count:
            gone.append((str(entry.get("adresse", entry.get("cle"))), count))
    removed = sum(count for _a, count in gone)
    if total and removed * 2 > total:
        names = ", ".join(address for address, _c in gone[:FOREIGN_SHOWN]) + (
            " …" if len(gone) > FOREIGN_SHOWN else "")
        raise AggregateError("agregation.retrait.refuse", fiches=removed, total=total, sources=len(gone),
                             noms=names, option="--autoriser-retrait")


# ---------------------------------------------------------------- the whole run


def aggregate(sources: SourcesFile, out: Path, *, jobs: int = 8, check_jobs: int | None = None,
              limits: Limits = Limits(), force: bool = False, public: bool = True,
              progress: Progress | None = None, allow_removal: bool = False) -> AggregateResult:
    """Aggregate ``sources`` into the data repository ``out`` (see the module's documentation). ``public``: the
    restricted fields are left out (the default); else they are kept, for a members-only aggregate.
    ``allow_removal``: sources taken out of the sources file may take most of the library with them (else
    :class:`AggregateError`: an emptied or mistyped sources file never wipes the library)."""
    out = _check_out(out, sources)
    lock = read_lock(out) if os.path.isdir(out) else {}
    # a previous aggregate of the other kind (public / members-only) cannot be reused: every source is read again
    previous = _previous(lock) if lock.get("public", True) is public else {}
    if not allow_removal:
        _check_removal(lock, sources)
    work = Path(tempfile.mkdtemp(prefix="iaterr-agregation-"))
    try:
        # read again whatever its version: a source some of whose use cases were left out for want of their
        # collectivité (they are in no file of the library to be taken back from: another source may now describe
        # it), and, in a members-only aggregate, every source that has a restricted store (its changes are not
        # watched); the others as usual
        again = {k for k, v in previous.items() if v.get("sans_collectivite")}
        if not public:
            again |= {s.key for s in sources.sources if s.companion}
        fetched_previous = {k: v for k, v in previous.items() if k not in again}
        outcomes = _fetch_all(sources.sources, fetched_previous, out, work, limits, jobs, force, progress)
        _check_fetched(outcomes, check_jobs, work / ("public" if public else "membres"), progress, public=public,
                       work=work, limits=limits)
        for outcome in outcomes:  # a source read but unusable keeps its last good state
            if outcome.unusable:
                entry = previous.get(outcome.source.key) or {}
                kept = _kept_state(entry, outcome.source.order, out)
                if kept is not None:
                    outcome.state = "perime"
                    outcome.records = kept
                    outcome.version = dict(entry.get("version") or {})
                    outcome.read_at = entry.get("lu_le")
                    outcome.rejected = _rejected_of(entry)
        _carry_over(outcomes, previous, out)
        own = {o.source.order: o.own for o in outcomes}
        plan = merge([r for o in outcomes for r in o.records], own)
        written, unwritable = _write(out, sources.nom, outcomes, plan, public, progress, sources.registre)
    finally:
        remove_tree(work, ignore_errors=True)
    keys = {s.key for s in sources.sources}
    removed = [(str(e.get("adresse", key)), len(e.get("fiches") or [])) for key, e in sorted(previous.items())
               if key not in keys]
    return AggregateResult(out, outcomes, plan, written, unwritable, removed)
