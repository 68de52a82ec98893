"""The one cache of record results: plain data, outside the repository, trusted only when proven.

What reading and validating a file gives (diagnostics, summary) depends only on the file's bytes, its
path and iaterr's own code, so it can be kept between runs. The cache must never make a warm run
differ from a cold one, and nothing a repository carries may feed it:

* it lives in the user's cache folder (:func:`~iaterr.base.files.user_cache_dir`), one SQLite file per
  repository (named after the hash of its absolute path), never in the repository;
* it holds JSON text only (no pickle, nothing that becomes code), checked field by field when read;
  an entry that does not have the expected shape is a miss;
* an entry is keyed on the hash (BLAKE2b) of the file's bytes. The file's size, modification and
  change times (nanoseconds), inode and device are kept beside it; when they all match *and* the
  entry was recorded at least :data:`RACY_NS` after the file last changed, the file is known unchanged
  without reading it. Otherwise (``cp -p``, ``touch -r``, a restored backup, a file system with coarse
  timestamps, an edit within the same tick), the file is read and hashed again, and its result is
  reused only when the hash matches;
* what a result depends on beyond the file's bytes is part of its key (``loader.keyed``): whether the
  repository is public, and the bytes of the record's companion file in the restricted store, which are
  read and hashed on every run (a same-size edit of the companion is seen);
* the whole cache is emptied when iaterr changes (a hash of the contents of its source files and the
  versions of the libraries that shape its results);
* public views of records and what exports prepare from them are kept beside the results, keyed on
  the same hash; restricted fields never enter the cache;
* a partial run (``iaterr validate FILE``) updates what it read and forgets nothing else.

A cache that cannot be opened, read or written is ignored: iaterr is then only slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from iaterr import __version__
from iaterr.base.diagnostics import Diagnostic
from iaterr.base.files import user_cache_dir
from iaterr.check.validate import Summary

#: An entry recorded less than this long after the file last changed may miss an edit made within the
#: same timestamp tick (coarse file systems: up to 2 s): its file is hashed again.
RACY_NS = 2_000_000_000
#: The size of the cache file's pages: a record's kept texts (a few KB each) fit in one page where SQLite's default
#: (4 KB) spreads each over overflow pages, every one written twice (the log, then the file).
PAGE_SIZE = 16384
#: Version of the cache's own layout.
LAYOUT = "5"


def digest(raw: bytes) -> str:
    """The content key of a file."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


@dataclass(frozen=True, slots=True)
class Stamp:
    """What the file system says of a file: equal stamps of a non-racy entry prove equal contents."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    dev: int

    @classmethod
    def of(cls, st: os.stat_result) -> Stamp:
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


@dataclass
class Entry:
    rel: str
    stamp: Stamp
    checked_ns: int
    digest: str
    kind: str
    diagnostics: list[Diagnostic]
    summary: Summary

    def proven(self, stamp: Stamp) -> bool:
        """Unchanged without reading it: same stamp, and recorded well after the file's last change."""
        return stamp == self.stamp and max(stamp.mtime_ns, stamp.ctime_ns) + RACY_NS < self.checked_ns


def cache_file(root: Path) -> Path:
    key = hashlib.sha256(os.path.abspath(root).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return user_cache_dir() / "depots" / f"{key}.sqlite3"


class RecordCache:
    """The cache of one repository. Use :meth:`open`; every method swallows the cache's own failures."""

    def __init__(self, connection: Any, path: Path) -> None:
        self.db = connection
        self.path = path
        self.broken = False

    @classmethod
    def open(cls, root: Path) -> RecordCache | None:
        try:
            import sqlite3
        except ImportError:  # a Python built without SQLite: no cache
            return None
        path = cache_file(root)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            cached = cls(_connect(path), path)
            cached._prepare()
            return cached
        except (sqlite3.Error, OSError):
            try:  # a damaged file: start afresh once
                path.unlink(missing_ok=True)
                cached = cls(_connect(path), path)
                cached._prepare()
                return cached
            except (sqlite3.Error, OSError):
                return None

    def _prepare(self) -> None:
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS meta (cle TEXT PRIMARY KEY, valeur TEXT NOT NULL)")
        row = db.execute("SELECT valeur FROM meta WHERE cle = 'empreinte'").fetchone()
        if row is None or row[0] != fingerprint():
            db.execute("BEGIN IMMEDIATE")
            db.execute("DROP TABLE IF EXISTS fichiers")
            db.execute("DROP TABLE IF EXISTS vues")
            db.execute("CREATE TABLE fichiers (rel TEXT PRIMARY KEY, taille INTEGER, mtime INTEGER, ctime INTEGER, "
                       "inode INTEGER, device INTEGER, verifie INTEGER, empreinte TEXT, type TEXT, "
                       "diagnostics TEXT, resume TEXT)")
            db.execute("CREATE TABLE vues (rel TEXT, nom TEXT, empreinte TEXT, donnees TEXT, json INTEGER, "
                       "type TEXT, PRIMARY KEY (rel, nom))")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('empreinte', ?)", (fingerprint(),))
            db.execute("COMMIT")
            self._resize()

    def _resize(self) -> None:
        """A file made with other pages than :data:`PAGE_SIZE` (by an older iaterr), emptied: made again with them
        (a log in WAL mode keeps the size; another run using the file meanwhile leaves it as it is)."""
        import sqlite3

        db = self.db
        if db.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE:
            return
        try:
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute(f"PRAGMA page_size={PAGE_SIZE}")
            db.execute("VACUUM")
        except sqlite3.Error:
            pass
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error:  # the file stays in the mode it has: a slower cache, never a wrong one
            pass

    # ------------------------------------------------------------ reading

    def entries(self, rels: list[str]) -> dict[str, Entry]:
        """The entries of ``rels`` that have the expected shape, by relative path."""
        import sqlite3

        out: dict[str, Entry] = {}
        query = ("SELECT rel, taille, mtime, ctime, inode, device, verifie, empreinte, type, diagnostics, resume "
                 "FROM fichiers")
        try:
            rows = self._of_files(query, rels)
        except sqlite3.Error:
            self.broken = True
            return out
        for row in rows:
            entry = _entry(row)
            if entry is not None:
                out[entry.rel] = entry
        return out

    def _of_files(self, query: str, rels: list[str], more: str = "", args: list[str] | None = None) -> list[Any]:
        """The rows of ``query`` for the files ``rels``, asked 500 at a time (SQLite's limit of parameters)."""
        rows: list[Any] = []
        for i in range(0, len(rels), 500):
            part = rels[i:i + 500]
            rows += self.db.execute(f"{query} WHERE rel IN ({','.join('?' for _ in part)}){more}",
                                    [*part, *(args or [])]).fetchall()
        return rows

    def views(self, wanted: dict[str, tuple[str, str, tuple[str, ...]]]) -> dict[tuple[str, str], Any]:
        """The kept views and prepared values of the files ``wanted``: rel → (kind, content hash, names), looked
        up by file and name: never a long text that was not asked for."""
        import sqlite3

        if not wanted:
            return {}
        out: dict[tuple[str, str], Any] = {}
        names = sorted({name for _kind, _key, asked in wanted.values() for name in asked})
        try:
            rows = self._of_files("SELECT rel, nom, empreinte, donnees, json FROM vues", list(wanted),
                                  f" AND nom IN ({','.join('?' for _ in names)})", names)
        except sqlite3.Error:
            return out
        for rel, name, key, text, encoded in rows:
            asked = wanted.get(rel)
            if asked is None or asked[1] != key or name not in asked[2] or not isinstance(text, str):
                continue
            if not encoded:  # a text kept as it is (a prepared CSV line)
                out[(rel, name)] = text
                continue
            try:
                out[(rel, name)] = json.loads(text)
            except ValueError:
                continue
        return out

    # ------------------------------------------------------------ writing

    def store(self, rows: list[tuple[str, Stamp, int, str, str, list[Diagnostic], Mapping[str, Any]]],
              views: list[tuple[str, str, str, str, Any]], *, forget: set[str] | None = None) -> None:
        """Record results ``(rel, stamp, checked_ns, digest, kind, diagnostics, summary)`` and views
        ``(rel, kind, name, digest, data)``; with ``forget``, drop the entries of files that are gone."""
        import sqlite3

        if self.broken or not (rows or views or forget):
            return
        try:
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO fichiers VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                (rel, s.size, s.mtime_ns, s.ctime_ns, s.ino, s.dev, checked, key, kind,
                 json.dumps([d.to_dict() for d in diags], ensure_ascii=False, separators=(",", ":")),
                 json.dumps(dict(summary), ensure_ascii=False, separators=(",", ":")))
                for rel, s, checked, key, kind, diags, summary in rows])
            db.executemany("INSERT OR REPLACE INTO vues VALUES (?,?,?,?,?,?)", [
                (rel, name, key, data, 0, kind) if isinstance(data, str)
                else (rel, name, key, json.dumps(data, ensure_ascii=False, separators=(",", ":")), 1, kind)
                for rel, kind, name, key, data in views])
            if forget:
                db.executemany("DELETE FROM fichiers WHERE rel = ?", [(rel,) for rel in forget])
                db.executemany("DELETE FROM vues WHERE rel = ?", [(rel,) for rel in forget])
            db.execute("COMMIT")
        except sqlite3.Error:  # locked by another run, disk full…: the results are still right
            self.broken = True
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def restamp(self, updates: list[tuple[str, Stamp, int]]) -> None:
        """New stamps of files found unchanged by their hash."""
        import sqlite3

        if self.broken or not updates:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("UPDATE fichiers SET taille=?, mtime=?, ctime=?, inode=?, device=?, verifie=? "
                                "WHERE rel=?", [(s.size, s.mtime_ns, s.ctime_ns, s.ino, s.dev, checked, rel)
                                                for rel, s, checked in updates])
            self.db.execute("COMMIT")
        except sqlite3.Error:
            self.broken = True

    def forget_others(self, keep: set[str]) -> None:
        """Drop the entries of files not in ``keep`` (files that are gone), reading the cache's paths one row at
        a time."""
        import sqlite3

        if self.broken:
            return
        try:
            gone = [rel for (rel,) in self.db.execute("SELECT rel FROM fichiers") if rel not in keep]
            gone += [rel for (rel,) in self.db.execute("SELECT DISTINCT rel FROM vues") if rel not in keep]
        except sqlite3.Error:
            self.broken = True
            return
        if gone:
            self.store([], [], forget=set(gone))

    def close(self) -> None:
        try:
            self.db.close()
        except Exception:  # noqa: BLE001 - closing a broken cache must not fail a run
            pass


def _connect(path: Path) -> Any:
    """A connection to the cache file ``path``: its pages of :data:`PAGE_SIZE` (a new file only: see
    :meth:`RecordCache._resize`), its log kept apart (WAL: a run reading the cache does not stop another writing
    it), nothing waited for on the disk."""
    import sqlite3

    db = sqlite3.connect(str(path), timeout=2.0, isolation_level=None, check_same_thread=False)
    db.execute(f"PRAGMA page_size={PAGE_SIZE}")
    db.execute("PRAGMA journal_mode=WAL")
    # a cache: losing the last writes to a crash costs a slower run, never a wrong one (a damaged file is dropped
    # when opened, an entry of the wrong shape is a miss)
    db.execute("PRAGMA synchronous=OFF")
    return db


def _entry(row: tuple[Any, ...]) -> Entry | None:
    """A row checked for its shape: any surprise makes it a miss."""
    try:
        rel, size, mtime, ctime, ino, dev, checked, key, kind, diags_text, summary_text = row
        if not (type(rel) is str and type(key) is str and type(kind) is str and type(size) is int  # noqa: E721
                and type(mtime) is int and type(ctime) is int and type(ino) is int and type(dev) is int  # noqa: E721
                and type(checked) is int):  # noqa: E721
            return None
        raw_diags = [] if diags_text == "[]" else json.loads(diags_text)
        summary = json.loads(summary_text)
        if not isinstance(raw_diags, list) or not isinstance(summary, dict):
            return None
        diags = [Diagnostic.from_dict(d) for d in raw_diags] if raw_diags else []
        if any(d.file != rel for d in diags):
            return None
        # compact, kept for every record of a run (an unknown key: a miss)
        return Entry(rel, Stamp(size, mtime, ctime, ino, dev), checked, key, kind, diags, Summary(summary))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@cache
def fingerprint() -> str:
    """Changes whenever iaterr's code or the libraries that shape its results change."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.blake2b(f"{LAYOUT}:{__version__}:{sys.version_info[:2]}".encode(), digest_size=20)
    for name in ("pydantic", "pydantic_core", "yaml"):
        h.update(f"{name}={_version(name)}".encode())
    for path in sorted(package.rglob("*.py")):
        try:
            h.update(str(path.relative_to(package)).encode())
            h.update(path.read_bytes())
        except OSError:  # pragma: no cover
            continue
    return h.hexdigest()


_DISTRIBUTIONS = {"yaml": "pyyaml", "pydantic": "pydantic", "pydantic_core": "pydantic_core"}


def _version(package: str) -> str:
    """Where ``package`` is installed and in which version, read from the name of its ``.dist-info`` folder
    without importing it (``importlib.metadata`` costs a tenth of a second at every start)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return "?"
    if spec is None or spec.origin is None:
        return "?"
    folder = Path(spec.origin).parent.parent
    wanted = _DISTRIBUTIONS[package]
    try:
        infos = sorted(n for n in os.listdir(folder) if n.endswith(".dist-info")
                       and n.split("-", 1)[0].lower().replace(".", "_") == wanted)
    except OSError:
        infos = []
    return f"{folder}:{','.join(infos) or '?'}"
