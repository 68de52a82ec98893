"""The one road from record files to every command: find them, read them, check them, keep what was learnt.

``validate``, ``lint``, ``export``, ``notice``, ``mention``, ``register build``, ``new`` and ``import`` all
read records through :func:`load`, which:

1. lists the record files under ``data/`` (:func:`collect_files`) without ever following a symbolic
   link: a link is reported (``lien-symbolique``) and not read, as is a file whose extension differs
   from ``.yaml``/``.yml`` only by case; temporary files a killed run left are removed;
2. takes each file's result from the cache (:mod:`iaterr.check.cache`) when its content is proven
   unchanged, else reads it (refusing a link even if one appears meanwhile) and checks it
   (:func:`~iaterr.check.validate.check_file`), in one process per core when there are many;
3. runs the checks across records (:func:`~iaterr.check.validate.cross_checks`);
4. gives one typed result per file (:class:`~iaterr.check.validate.FileResult`) in a
   :class:`~iaterr.check.validate.ValidationReport`.

What a command needs beyond diagnostics is said with :class:`Want`: public views of records (the only
form in which a record may leave iaterr, see :mod:`iaterr.model.visibility`), views with restricted
fields (asked explicitly, never cached), values prepared from a public view in the checking processes
(cached with the view), or an analysis of the parsed file (lint).
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iaterr.base.diagnostics import Diagnostic, with_hint
from iaterr.base.files import (
    UnsafePath,
    contained,
    is_temporary,
    link_target,
    os_reason,
    read_regular,
    read_regular_stat,
    remove_if_stale,
    scan,
    write_all,
)
from iaterr.base.parallel import chunk_results, this_process
from iaterr.base.rows import MadeOnAccess
from iaterr.base.text import printable
from iaterr.check.cache import RecordCache, Stamp, digest
from iaterr.check.validate import (
    YAML_SUFFIXES,
    Checked,
    FileResult,
    InOrder,
    KeptResults,
    ValidationReport,
    check_file,
    cross_checks,
)
from iaterr.model.kinds import FOLDERS, model_of
from iaterr.repo.config import Repository

if TYPE_CHECKING:
    from iaterr.model.visibility import View

#: Below this many files to read, one process is faster than starting others.
PARALLEL_THRESHOLD = 400
#: The name under which a record's public view is kept in the cache.
PUBLIC = "public"


@dataclass(frozen=True, slots=True)
class RecordFile:
    """One record file as listed (one per file for the whole run: its absolute path is not kept but made from
    ``root``, a string every file of the repository shares, and ``rel``)."""

    kind: str
    #: the repository's absolute path, ending with the separator
    root: str
    rel: str  # relative to the repository root, with forward slashes
    #: the file's inode when it was listed (0: unknown): what is read must be that file
    inode: int = 0
    #: the file belongs to a public repository: a restricted value in it is an error
    public: bool = False
    #: its companion file in the restricted store (absolute path; "": none) and how diagnostics name it
    companion: str = ""
    companion_shown: str = ""

    @property
    def path(self) -> str:
        """The file's absolute path."""
        return self.root + (self.rel if os.sep == "/" else self.rel.replace("/", os.sep))


@dataclass(frozen=True)
class Want:
    """What a load keeps of each record beyond its diagnostics and summary."""

    #: kinds (``cas_usage``, ``collectivite``) whose public view is wanted
    public: frozenset[str] = frozenset()
    #: kinds whose view *with restricted fields* is wanted (an explicit request; never cached)
    full: frozenset[str] = frozenset()
    #: named functions of a use case's public view, run in the checking processes, cached with the view
    prepare: tuple[tuple[str, Callable[[View], Any]], ...] = ()
    #: a function of each parsed file, run in the checking processes (lint); never cached
    analyse: Callable[[RecordFile, Checked], Any] | None = None
    #: a function of each use case without errors of its own (its file, its result with the values prepared,
    #: its public view), run in the checking processes right after it is read, its value kept in the result's
    #: ``emitted`` (the register renders the page there: the view never travels back); never cached
    emit: Callable[[RecordFile, FileResult, View], Any] | None = None
    #: prepared values kept in a :class:`Spool` (the caller's) instead of memory: long texts of every record
    #: (a CSV line, a JSON entry) that the caller reads back one at a time
    spool: frozenset[str] = frozenset()
    #: the use cases' views (public, or with restricted fields when asked) kept in the :class:`Spool` too, each
    #: result's ``prepared`` holding a :class:`SpooledView` under :data:`SPOOLED_VIEW` instead (exports)
    spool_views: bool = False
    #: in the main process, as each result arrives (from the cache or a checking process, its ``spool`` texts
    #: already spooled): what the caller keeps of it, or None. A value kept is held in the result's ``kept``, and
    #: the result lets go of its digest, views, prepared values and emitted value; a file without findings of its
    #: own is then held in a few columns (:class:`~iaterr.check.validate.KeptResults`, the report's ``kept``): a
    #: load of many records holds what its caller needs of each, not every result whole until the checks across
    #: records
    keep: Callable[[FileResult], Any] | None = None

    def views_of(self, kind: str) -> list[str]:
        names = [PUBLIC] if kind in self.public else []
        if kind == "cas_usage":
            names += [name for name, _f in self.prepare]
        return names

    @property
    def keeps_data(self) -> bool:
        return bool(self.public or self.full or self.prepare or self.emit)


NOTHING = Want()


class FileList(MadeOnAccess[RecordFile]):
    """Record files as listed, in columns: per file, its path relative to the repository (the one string every
    result shares), its inode and its shape (kind, repository, public or not: a few per run), its companion file
    when it has one. Each access makes a :class:`RecordFile` (ten thousand files: a few pointers each, not an
    object and an integer each)."""

    def __init__(self) -> None:
        self._rels: list[str] = []
        self._inodes = array("Q")
        self._shapes = array("H")
        self._shape_list: list[tuple[str, str, bool]] = []
        self._shape_index: dict[tuple[str, str, bool], int] = {}
        self._companions: dict[int, tuple[str, str]] = {}

    def append(self, f: RecordFile) -> None:
        shape = (f.kind, f.root, f.public)
        index = self._shape_index.get(shape)
        if index is None:
            index = self._shape_index[shape] = len(self._shape_list)
            self._shape_list.append(shape)
        if f.companion:
            self._companions[len(self._rels)] = (f.companion, f.companion_shown)
        self._rels.append(f.rel)
        self._inodes.append(f.inode)
        self._shapes.append(index)

    def __len__(self) -> int:
        return len(self._rels)

    def _made(self, n: int) -> RecordFile:
        kind, root, public = self._shape_list[self._shapes[n]]
        companion, shown = self._companions.get(n, ("", ""))
        return RecordFile(kind, root, self._rels[n], self._inodes[n], public, companion, shown)

    def rel(self, n: int) -> str:
        return self._rels[n]

    def kind(self, n: int) -> str:
        return self._shape_list[self._shapes[n]][0]

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]


class _Picked(MadeOnAccess[RecordFile]):
    """The files of ``files`` at ``indexes``, made as they are asked for (the files to read, chunk by chunk)."""

    def __init__(self, files: Sequence[RecordFile], indexes: array[int]) -> None:
        self.files, self.indexes = files, indexes

    def __len__(self) -> int:
        return len(self.indexes)

    def _made(self, n: int) -> RecordFile:
        return self.files[self.indexes[n]]


@dataclass
class Found:
    files: FileList = field(default_factory=FileList)
    #: links, misnamed files: reported, not read
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: YAML files under data/ outside the record folders
    ignored: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- finding the files


def _kind_of(rel: str) -> str | None:
    parts = rel.split("/")
    if len(parts) >= 3 and parts[0] == "data":
        for kind, folder in FOLDERS.items():
            if parts[1] == folder:
                return kind
    return None


def _link_diagnostic(rel: str, target: str) -> Diagnostic:
    return Diagnostic("lien-symbolique", rel, params=with_hint({"cible": target}, "lien-symbolique"))


def collect_files(repo: Repository, paths: Iterable[Path] | None = None, *, store: Any = "depot") -> Found:
    """The record files of the repository (or under ``paths`` in it), with their kind; links and misnamed
    files reported, YAML files outside the record folders listed. Plain strings and ``os.scandir``: on
    10,000 files, ``Path.resolve`` alone costs seconds.

    ``store``: the restricted store whose companion files go with the records (:mod:`iaterr.repo.restreint`):
    by default the repository's own (raises :class:`~iaterr.repo.config.RepositoryError` for one that must
    not be read), or one given (``None``: none)."""
    if store == "depot":
        from iaterr.repo.restreint import locate

        store = locate(repo).store
    root = os.path.abspath(repo.root)
    prefix = root.rstrip(os.sep) + os.sep
    found = Found()
    bases = [os.path.join(root, "data")] if not paths else [os.path.abspath(p) for p in paths]
    seen: set[str] = set()
    for base in bases:
        try:
            contained(Path(root), Path(base))
        except UnsafePath as exc:
            if exc.reason == "lien" and exc.link is not None:
                rel = os.path.relpath(exc.link, root).replace(os.sep, "/")
                found.diagnostics.append(_link_diagnostic(rel, exc.target))
            continue
        try:
            info = os.lstat(base)
        except OSError:
            continue
        entries = _walk(base, root, found) if stat.S_ISDIR(info.st_mode) else iter([(base, info.st_ino)])
        for path, inode in entries:
            if len(bases) > 1:  # a file under two of the paths given is listed once
                if path in seen:
                    continue
                seen.add(path)
            rel = (path[len(prefix):] if path.startswith(prefix) else os.path.relpath(path, root)).replace(os.sep, "/")
            if _SURROGATES.search(rel):  # a name that is not UTF-8: said, not read (nor cached, nor published)
                found.diagnostics.append(Diagnostic("nom-fichier-invalide", printable(rel), params=with_hint(
                    {"nom": printable(rel)}, "nom-fichier-invalide")))
                continue
            name = rel.rsplit("/", 1)[-1]
            kind = _kind_of(rel)
            if not name.endswith(YAML_SUFFIXES):
                if name.lower().endswith(YAML_SUFFIXES) and rel.startswith("data/"):
                    stem, _dot, suffix = name.rpartition(".")
                    found.diagnostics.append(Diagnostic("extension-non-reconnue", rel, params=with_hint(
                        {"extension": "." + suffix}, "extension", attendu=f"{stem}.{suffix.lower()}")))
                continue
            if kind is None:
                found.ignored.append(rel)
                continue
            companion = store.path_of(rel) if store is not None else None
            if companion is not None and os.path.lexists(companion):
                found.files.append(RecordFile(kind, prefix, rel, inode, repo.config.public, str(companion),
                                              store.display(rel)))
            else:
                found.files.append(RecordFile(kind, prefix, rel, inode, repo.config.public))
    return found


_SURROGATES = re.compile("[\ud800-\udfff]")


def _walk(folder: str, root: str, found: Found) -> Iterator[tuple[str, int]]:
    """Files under ``folder`` with their inode, in the order of their paths (:func:`~iaterr.base.files.scan`):
    links reported and skipped, hidden entries skipped, stale temporaries removed (a temporary folder is never
    entered). Of each folder's entries, only its YAML files, links and temporaries are held while it is walked
    (ten thousand files in one folder)."""
    for _rel, entry in scan(folder, skip_hidden=True, keep=_listed):
        if entry.is_symlink():
            found.diagnostics.append(_link_diagnostic(
                os.path.relpath(entry.path, root).replace(os.sep, "/"), link_target(entry.path)))
        elif is_temporary(entry.name):
            remove_if_stale(entry)
        else:
            yield entry.path, entry.inode()


def _listed(entry: os.DirEntry[str]) -> bool:
    """What :func:`_walk` needs of a folder's entries: links, temporaries, YAML files."""
    return entry.is_symlink() or is_temporary(entry.name) or (
        entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(YAML_SUFFIXES))


# ---------------------------------------------------------------- reading one file


def load_one(f: RecordFile, want: Want = NOTHING) -> FileResult:
    """Read and check one file, and keep what ``want`` asks of it (in a checking process)."""
    checked_ns = time.time_ns()  # before the file is stamped and read: see Entry.proven
    try:
        raw, info = read_regular_stat(f.path, f.inode)
    except UnsafePath as exc:
        if exc.reason == "lien":
            return FileResult(f.rel, f.kind, [_link_diagnostic(f.rel, exc.target)])
        return FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.rel, params={
            "erreur": {"t": f"erreur.{exc.reason}"}})])
    except OSError as exc:
        return FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.rel,
                                                     params={"erreur": os_reason(exc)})])
    companion = None
    if f.companion:
        try:
            companion = (f.companion_shown, read_companion(f))
        except UnsafePath as exc:
            return FileResult(f.rel, f.kind, [_link_diagnostic(f.companion_shown, exc.target)])
        except OSError as exc:
            return FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.companion_shown,
                                                         params={"erreur": os_reason(exc)})])
    checked = check_file(raw, f.rel, f.kind, keep=want.keeps_data, public=f.public, companion=companion)
    result = checked.result
    result.digest = keyed(digest(raw), f, None if companion is None else companion[1])
    result.stamped = (Stamp.of(info), checked_ns)
    data = checked.data
    if data is not None:
        from iaterr.model.visibility import view

        model = model_of(f.kind)
        if f.kind in want.full:
            result.full = view(model, data, include_restricted=True)
        names = want.views_of(f.kind)
        emit = want.emit if f.kind == "cas_usage" and not result.has_errors else None
        if names or emit is not None:
            shown = view(model, data)
            if f.kind in want.public:
                result.public = shown
            if f.kind == "cas_usage":
                for name, make in want.prepare:
                    result.prepared[name] = make(shown)
            if emit is not None:
                result.emitted = emit(f, result, shown)
    if want.analyse is not None:
        result.analysis = want.analyse(f, checked)
    return result


def read_companion(f: RecordFile) -> bytes:
    """The bytes of the companion file of ``f``, never through a link (the store's folder is trusted as named,
    nothing under it is followed). Raises :class:`~iaterr.base.files.UnsafePath` or :class:`OSError`."""
    store_root = os.path.dirname(os.path.dirname(f.companion))
    contained(Path(store_root), Path(f.companion), must_exist=True)
    return read_regular(f.companion)


def keyed(content: str, f: RecordFile, companion: bytes | None) -> str:
    """What a result depends on beyond the file's own bytes, folded into its key: whether its repository is
    public, and its companion file's bytes. The cache proves all of it unchanged before reusing a result."""
    extra = ("+p" if f.public else "") + ("" if companion is None else "+c" + digest(companion))
    return content + extra


def _load_chunk(chunk: list[RecordFile], want: Want) -> list[FileResult]:
    return [load_one(f, want) for f in chunk]


def _load_files(files: Sequence[RecordFile], want: Want, jobs: int | None) -> Iterator[list[FileResult]]:
    """Load ``files``, in several processes when it pays; results chunk by chunk, in the order of ``files``
    (a chunk holds at most :data:`READ_CHUNK` files: what is kept of each is decided as it arrives). A load
    that emits (renders pages) needs its function where the work is done: inherited, never pickled."""
    return chunk_results(_load_chunk, files, want, jobs=jobs, threshold=PARALLEL_THRESHOLD, min_chunk=25,
                         chunks_per_job=8, max_chunk=READ_CHUNK, fork_only=want.emit is not None)


#: the most files looked up in the cache at once
CHUNK = 500
#: the most files read in one chunk by a checking process: what the chunks in flight hold (their results, with
#: the prepared texts, about 8 KB per use case, sent back and then spooled) stays a few MB at any size
READ_CHUNK = 100


class Spool:
    """Long prepared texts of every record, kept in a temporary file instead of memory: :meth:`put` gives a
    :class:`Spooled` reference, :meth:`get` the text back.

    Texts are added only by the process that made the spool; any process it starts afterwards (``fork``) may
    read them, each read at its own place in the file (``pread``: no position shared between processes), once
    :meth:`flush` has written what was added before it started. What waits to be written is the spool's own
    (no buffered file object that another process could write out when it lets the spool go)."""

    #: what waits in memory before it is written to the file
    PENDING = 1 << 20

    def __init__(self) -> None:
        import tempfile

        self.file = tempfile.TemporaryFile(buffering=0)
        self.size = 0
        #: how much of the file is written (the rest waits in ``_pending``)
        self.flushed = 0
        self.owner = this_process()
        self._pending = bytearray()

    def put(self, text: str) -> Spooled:
        if this_process() != self.owner:
            raise RuntimeError("a spool is added to only by the process that made it")
        data = text.encode("utf-8")
        self._pending += data
        ref = Spooled(self.size, len(data))
        self.size += len(data)
        if len(self._pending) >= self.PENDING:
            self.flush()
        return ref

    def flush(self) -> None:
        """Write what waits in memory: before starting processes that read the spool."""
        if not self._pending or this_process() != self.owner:
            return
        write_all(self.file.fileno(), self._pending, self.flushed)
        self._pending = bytearray()
        self.flushed = self.size

    def get(self, ref: int | SpooledView) -> str:
        """The text at ``ref``: a :class:`Spooled` reference, the integer it is, or a :class:`SpooledView`."""
        if isinstance(ref, SpooledView):
            offset, length = ref.offset, ref.length
        else:
            offset, length = ref >> 32, ref & 0xFFFFFFFF
        if offset + length > self.flushed:
            if this_process() != self.owner:  # added after this process started: never there for it
                raise RuntimeError("a spooled text read by a process started before it was flushed")
            self.flush()
        data = os.pread(self.file.fileno(), length, offset)
        if len(data) != length:  # a regular file gives all it has: shorter than its references
            raise OSError(f"spool shorter than its references ({offset}+{length})")
        return data.decode("utf-8")


    def view(self, ref: SpooledView) -> View:
        """The view :func:`_spool_view` kept (passed through the visibility rule again)."""
        from iaterr.model import CasUsage
        from iaterr.model.visibility import view

        return view(CasUsage, json.loads(self.get(ref)), include_restricted=ref.restricted)

    def close(self) -> None:
        self.file.close()


class Spooled(int):
    """Where a prepared text sits in a :class:`Spool`: its offset and length packed in one integer (kept for
    every record of a run: an integer's size, not an object with two more)."""

    __slots__ = ()

    def __new__(cls, offset: int, length: int) -> Spooled:
        if not 0 <= length < 1 << 32 or offset < 0:
            raise ValueError("a spooled text's offset and length")
        return super().__new__(cls, (offset << 32) | length)

    def __getnewargs__(self) -> tuple[int, int]:  # type: ignore[override]
        return (self.offset, self.length)

    @property
    def offset(self) -> int:
        return int(self) >> 32

    @property
    def length(self) -> int:
        return int(self) & 0xFFFFFFFF

    def __repr__(self) -> str:
        return f"Spooled(offset={self.offset}, length={self.length})"


@dataclass(frozen=True, slots=True)
class SpooledView:
    """Where a use case's view sits in a :class:`Spool`, and what an export sorts it by."""

    offset: int
    length: int
    restricted: bool
    collectivite: str
    identifiant: str


# ---------------------------------------------------------------- the repository


def load(
    repo: Repository,
    paths: Iterable[Path] | None = None,
    *,
    want: Want = NOTHING,
    use_cache: bool = True,
    today: date | None = None,
    jobs: int | None = None,
    spool: Spool | None = None,
) -> ValidationReport:
    """Read and check the repository's records (or those under ``paths``), keeping what ``want`` asks.

    The result is the same with or without the cache, warm or cold (the cache only spares reading
    files proven unchanged). The prepared values ``want.spool`` names are kept in ``spool``, each result
    holding their :class:`Spooled` reference: memory does not grow with their length."""
    paths = list(paths) if paths else None
    found = collect_files(repo, paths)
    cache = RecordCache.open(repo.root) if use_cache else None
    try:
        results, places, kept, read, cached = _results(found.files, want, cache, jobs, complete=paths is None,
                                                       spool=spool)
    finally:
        if cache is not None:
            cache.close()
    found.files.clear()  # the results hold their paths
    diagnostics = [d for r in results for d in r.diagnostics] + found.diagnostics
    diagnostics += cross_checks(repo, InOrder(results, places, kept), partial=bool(paths), today=today)
    diagnostics += [Diagnostic("fichier-hors-dossier", rel, params={"dossiers": [
        f"data/{folder}/" for folder in FOLDERS.values()]}) for rel in found.ignored]
    diagnostics.sort(key=Diagnostic.sort_key)
    return ValidationReport(repo.root, results, diagnostics, read, cached, found.ignored, kept, places)


def _results(files: FileList, want: Want, cache: RecordCache | None, jobs: int | None, *,
             complete: bool, spool: Spool | None = None,
             ) -> tuple[list[FileResult], array[int], KeptResults, int, int]:
    """Each file's result, from the cache when it is proven unchanged, else read and checked.

    Bounded by :data:`CHUNK`: the cache is asked for :data:`CHUNK` files at a time (their entries, then their
    views), fresh results come back and are stored chunk by chunk, and what a result keeps is made compact as
    it arrives (its path shared with the file's, its repeated values interned, its long texts in ``spool``).
    What grows with the number of records is the results themselves and a few integers per file read (with
    ``want.keep``, what the caller kept and a few pointers per file without findings: :class:`KeptResults`).
    Returns the whole results and their places among the files, the kept ones, the number of files read and
    taken from the cache."""
    def kept(index: int, result: FileResult) -> None:
        result.rel, result.kind = rel_of(index), kind_of(index)  # the file's strings, one per run
        if spool is not None:
            for name in want.spool:
                value = result.prepared.get(name)
                if isinstance(value, str):
                    result.prepared[name] = spool.put(value)
            if want.spool_views:
                _spool_view(result, spool)
        if want.keep is not None:
            value = want.keep(result)
            if value is not None:
                if not result.diagnostics:
                    kept_results.add(index, result.rel, result.kind, result.summary, value)
                    return
                result.kept, result.digest, result.public, result.full, result.emitted = value, "", None, None, None
                result.prepared.clear()
        slots[index] = result

    slots: list[FileResult | None] = [None] * len(files)
    rel_of, kind_of = files.rel, files.kind
    kept_results = KeptResults()
    to_read = array("l")  # the files to read (stamped where they are read: nothing kept of them here meanwhile)
    restamped = []
    cached = 0
    for start in range(0, len(files), CHUNK):
        part = range(start, min(start + CHUNK, len(files)))
        entries = {} if cache is None else cache.entries([rel_of(i) for i in part])
        hits: list[tuple[int, FileResult]] = []
        for index in part:
            f = files[index]
            entry = entries.get(f.rel)
            if entry is None or entry.kind != f.kind or want.analyse is not None or f.kind in want.full:
                to_read.append(index)
                continue
            now = time.time_ns()
            try:
                st = os.lstat(f.path)
            except OSError as exc:
                slots[index] = FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.rel, params={
                    "erreur": os_reason(exc)})])
                continue
            if f.inode and st.st_ino != f.inode:  # replaced since it was listed (a folder on the way became a link?)
                slots[index] = FileResult(f.rel, f.kind, [Diagnostic("fichier-illisible", f.rel, params={
                    "erreur": {"t": "erreur.remplace"}})])
                continue
            stamp = Stamp.of(st)
            content, _plus, _extra = entry.digest.partition("+")
            try:  # a result that depends on a companion file: its bytes are read and compared every time
                expected = keyed(content, f, read_companion(f) if f.companion else None)
            except (OSError, UnsafePath):
                expected = ""
            if expected != entry.digest:
                to_read.append(index)
                continue
            if not entry.proven(stamp):
                try:  # not proven by its stamp: proven by its content, or read again
                    same = digest(read_regular(f.path, f.inode)) == content
                except (OSError, UnsafePath):
                    same = False
                if not same:
                    to_read.append(index)
                    continue
                restamped.append((f.rel, stamp, now))
            hits.append((index, FileResult(f.rel, f.kind, list(entry.diagnostics), entry.summary, entry.digest)))
        del entries
        if cache is None or not hits:
            continue
        wanted: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        for _index, result in hits:
            names = tuple(want.views_of(result.kind))
            if names and not result.has_errors:
                wanted[result.rel] = (result.kind, result.digest, names)
        views = cache.views(wanted)
        for index, result in hits:
            missing = False
            if result.rel in wanted:
                for name in want.views_of(result.kind):
                    value = views.get((result.rel, name))
                    if value is None or not isinstance(value, (dict, str, list)):
                        missing = True
                        break
                    if name == PUBLIC:
                        result.public = _verified(result.kind, value)
                        if result.public is None:
                            missing = True
                            break
                    else:
                        result.prepared[name] = value
            if missing:
                to_read.append(index)
            else:
                kept(index, result)
                cached += 1
    to_read = array("l", sorted(to_read))
    # results stored chunk by chunk as they come: what the cache keeps is not also kept here
    fresh = iter(to_read)
    for chunk in _load_files(_Picked(files, to_read), want, jobs):
        rows, stored = [], []
        for result in chunk:
            index = next(fresh)
            if any(d.code in ("fichier-illisible", "lien-symbolique") for d in result.diagnostics):
                kept(index, result)
                continue
            assert result.stamped is not None  # every file read and not refused is stamped
            (stamp, checked_ns), result.stamped = result.stamped, None
            rows.append((result.rel, stamp, checked_ns, result.digest, result.kind, result.diagnostics,
                         result.summary))
            if result.public is not None and not result.public.restricted:
                stored.append((result.rel, result.kind, PUBLIC, result.digest, dict(result.public)))
            for name, value in result.prepared.items():
                stored.append((result.rel, result.kind, name, result.digest, value))
            kept(index, result)
        if cache is not None:
            cache.store(rows, stored)
    if cache is not None:
        cache.restamp(restamped)
        if complete:
            cache.forget_others({rel_of(i) for i in range(len(files))})
    places = array("I", (index for index, r in enumerate(slots) if r is not None))
    results = [r for r in slots if r is not None]
    kept_results.sort()
    return results, places, kept_results, len(to_read), cached


#: the name under which a use case's view is referred to in ``prepared`` when it is kept in a :class:`Spool`
SPOOLED_VIEW = "vue"


def _spool_view(result: FileResult, spool: Spool) -> None:
    """The use case's view (public, or with restricted fields) moved to ``spool``: ``prepared`` holds its
    reference (:data:`SPOOLED_VIEW`), the view's sort key (``collectivite``, ``identifiant``) and whether it holds
    restricted fields; :meth:`Spool.view` gives it back."""
    if result.kind != "cas_usage":
        return
    for attr in ("full", "public"):
        shown = getattr(result, attr)
        if shown is not None:
            setattr(result, attr, None)
            ref = spool.put(json.dumps(shown, ensure_ascii=False, separators=(",", ":")))
            result.prepared[SPOOLED_VIEW] = SpooledView(ref.offset, ref.length, shown.restricted,
                                                        shown.get("collectivite", ""), shown.get("identifiant", ""))
            return


def _verified(kind: str, value: Any) -> View | None:
    """A public view read from the cache, passed through the visibility rule again before use."""
    if not isinstance(value, dict):
        return None
    from iaterr.model.visibility import view

    return view(model_of(kind), value)


def validate_repository(repo: Repository, paths: Iterable[Path] | None = None, *, use_cache: bool = True,
                        today: date | None = None, jobs: int | None = None) -> ValidationReport:
    """``iaterr validate``: every record checked, alone and against the others."""
    return load(repo, paths, use_cache=use_cache, today=today, jobs=jobs)
