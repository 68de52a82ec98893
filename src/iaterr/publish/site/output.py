"""The output folder of the register: checked, built beside itself, swapped in whole.

The output folder is untrusted (it is often committed with the repository): iaterr

* refuses an output folder inside ``.git`` or ``data/``, the repository itself or a folder holding it, a
  symbolic link, a folder holding a symbolic link anywhere, a folder that is not empty and was not
  made by iaterr (it has no ``.iaterr-site.json``), and a folder holding any file the last build did not write
  there, as the user's cache records it (a forged ``.iaterr-site.json`` deletes nothing): the build replaces
  the whole folder;
* builds the new site in a staging folder beside the output (``.iaterr-tmp-…``), then swaps it in whole
  (an atomic exchange of the two folders on Linux, two renames elsewhere): a reader sees the old site
  or the new one, never a mix, and a killed build leaves the old site as it was (its staging folder is
  removed by the next build);
* reuses a page of the old site only when the record of what the last build wrote — kept in the user's
  cache folder, never in the output folder — says it was written from the same inputs, and the file
  still holds what was written (its stamp proves it, or its content is hashed again). The manifest
  ``.iaterr-site.json`` in the output folder only marks the folder as a site made by iaterr: nothing is
  read from it, deleted because of it or trusted from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.base.files import (
    UnsafePath,
    atomic_write,
    contained,
    link_target,
    read_regular,
    remove_stale_temporaries,
    remove_tree,
    scan,
    swap_folder,
    temp_name,
    user_cache_dir,
    write_all,
)
from iaterr.check.cache import RACY_NS, Stamp, digest

MANIFEST = ".iaterr-site.json"
#: the layout of the page state file: a header line, then a page per line (read a line at a time)
STATE_LAYOUT = "2"


class OutputRefused(Exception):
    """A build iaterr will not do (an output folder it will not replace) or not finish (records changed
    meanwhile): the old site is untouched. ``key``, ``hint`` and ``params`` name the message."""

    def __init__(self, key: str, hint: str | None = "registre.sortie.aide", **params: Any) -> None:
        super().__init__(key)
        self.key, self.hint, self.params = key, hint, params


def check_output(out: Path, repo_root: Path) -> Path:
    """The output folder, absolute, once it is known safe to replace (:class:`OutputRefused` otherwise)."""
    out = Path(os.path.abspath(out))
    root = Path(os.path.abspath(repo_root))
    if root in out.parents:  # in the repository, a folder on the way may be a link a contributor committed
        try:
            contained(root, out)
        except UnsafePath as exc:
            raise OutputRefused("registre.sortie-lien", chemin=str(exc.link or out), cible=exc.target) from exc
    real = Path(os.path.realpath(out.parent)) / out.name  # where the folders on the way really lead
    real_root = Path(os.path.realpath(root))
    if ".git" in out.parts or ".git" in real.parts:
        raise OutputRefused("registre.sortie-git", chemin=str(out))
    for candidate, base in ((out, root), (real, real_root)):
        if candidate == base or candidate in base.parents:
            raise OutputRefused("registre.sortie-depot", chemin=str(out), depot=str(root))
        data = base / "data"
        if candidate == data or data in candidate.parents:
            raise OutputRefused("registre.sortie-donnees", chemin=str(out), dossier=str(data))
    if not os.path.lexists(out):
        return out
    info = os.lstat(out)
    if stat.S_ISLNK(info.st_mode):
        raise OutputRefused("registre.sortie-lien", chemin=str(out), cible=link_target(out))
    if not stat.S_ISDIR(info.st_mode):
        raise OutputRefused("registre.sortie-pas-dossier", chemin=str(out))
    entries = os.listdir(out)
    if entries and not _is_file(out / MANIFEST):
        raise OutputRefused("registre.sortie-occupee", chemin=str(out), n=len(entries))
    link = _first_link(out)
    if link is not None:
        raise OutputRefused("registre.sortie-lien", chemin=str(link), cible=link_target(link))
    # the marker proves nothing (anyone can write one): only the files a build wrote there, as the user's cache
    # records them, may go when the folder is replaced; any other file stops the build
    unknown = sorted(files_of(out) - written_here(out) - {MANIFEST}) if entries else []
    if unknown:
        raise OutputRefused("registre.sortie-inconnue", "registre.sortie-inconnue.aide", chemin=str(out),
                            n=len(unknown), fichiers=", ".join(unknown[:5]) + (", …" if len(unknown) > 5 else ""))
    return out


def _state_path(out: Path) -> Path:
    """Where the user's cache records what the last build wrote in ``out`` (never in ``out``)."""
    key = hashlib.sha256(os.path.abspath(out).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return user_cache_dir() / "sites" / f"{key}.json"


def written_here(out: Path) -> set[str]:
    """The files the last build wrote in ``out``, as the user's cache records them (empty when it does not)."""
    path = _state_path(out)
    try:
        return {rel for rel, _entry in _state_entries(path, None)}
    except ValueError:  # the layout before 2: one line, read whole (once, the next build writes layout 2)
        try:
            pages = json.loads(path.read_text(encoding="utf-8")).get("pages", {})
            return {rel for rel in pages if isinstance(rel, str)}
        except (OSError, ValueError, AttributeError):
            return set()
    except (OSError, TypeError, AttributeError):
        return set()


def _state_entries(path: Path, expected: str | None) -> Iterator[tuple[str, Any]]:
    """The pages the state file at ``path`` records, (page, entry) a line at a time: at the scale of a whole
    library the file is never parsed whole in memory. With ``expected``, none unless the file's fingerprint is
    that. Raises :class:`OSError`, or :class:`ValueError` for a file of another layout or cut short."""
    with open(path, encoding="utf-8") as fh:
        head = fh.readline().rstrip("\n")
        if not head.startswith('{"empreinte":') or not head.endswith('"pages":{'):
            raise ValueError("not a page state of this layout")
        if expected is not None and json.loads(head + "}}").get("empreinte") != expected:
            return
        for line in fh:
            line = line.rstrip("\n")
            if line == "}}":
                return
            if not line:
                continue
            entry = json.loads("{" + line.removesuffix(",") + "}")
            if len(entry) != 1:
                raise ValueError("a page per line")
            yield next(iter(entry.items()))
    raise ValueError("a page state cut short")


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _first_link(folder: Path) -> Path | None:
    return next((Path(entry.path) for _rel, entry in scan(folder) if entry.is_symlink()), None)


def files_of(folder: Path) -> set[str]:
    """Every regular file under ``folder``, relative, with forward slashes (links never followed)."""
    return {rel for rel, entry in scan(folder) if entry.is_file(follow_symlinks=False)}


# ---------------------------------------------------------------- what the last build wrote


@dataclass
class PageState:
    """page → what the last build recorded of it: the hash of its inputs, of its content, the stamp of its file
    and when it was recorded, as one short text (:meth:`entry`): a page of every record of a library is a few
    hundred thousand entries."""

    path: Path | None
    pages: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path, fingerprint: str, enabled: bool = True) -> PageState:
        path = _state_path(out)
        state = cls(path)
        if not enabled or not _is_file(out / MANIFEST):  # no site there (deleted by hand?): every page is new
            return state
        try:
            for rel, entry in _state_entries(path, f"{STATE_LAYOUT}:{fingerprint}"):
                inputs, content, size, mtime, ctime, ino, dev, checked = entry
                if isinstance(rel, str) and isinstance(inputs, str) and isinstance(content, str) \
                        and "\x1f" not in inputs + content:
                    state.pages[rel] = "\x1f".join([inputs, content, *(str(int(n)) for n in (
                        size, mtime, ctime, ino, dev, checked))])
        except (OSError, ValueError, TypeError, AttributeError):
            state.pages = {}
        return state

    def entry(self, rel: str) -> tuple[str, str, Stamp, int] | None:
        """What the last build recorded of ``rel``: (inputs, content hash, stamp, when recorded), or None."""
        text = self.pages.get(rel)
        if text is None:
            return None
        inputs, content, size, mtime, ctime, ino, dev, checked = text.split("\x1f")
        return inputs, content, Stamp(int(size), int(mtime), int(ctime), int(ino), int(dev)), int(checked)

    def reusable(self, out: Path, rel: str, inputs: str) -> str | None:
        """The content hash of the old page ``rel`` when it can be kept as it is, else None."""
        text = self.pages.get(rel)
        if text is None or not text.startswith(inputs + "\x1f"):
            return None
        entry = self.entry(rel)
        assert entry is not None
        path = f"{out}/{rel}"  # plain strings: ten thousand pages
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        kept = entry[2]
        # the whole stamp must match; "recorded well after the last change" is judged on the modification time
        # only: carrying a page over links it, which sets its change time just before it is recorded
        if (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev) == \
                (kept.size, kept.mtime_ns, kept.ctime_ns, kept.ino, kept.dev) \
                and info.st_mtime_ns + RACY_NS < entry[3]:
            return entry[1]
        try:  # not proven by its stamp: by its content (that very file, never through a link)
            same = digest(read_regular(path, info.st_ino)) == entry[1]
        except (OSError, UnsafePath):
            return None
        return entry[1] if same else None

    def save(self, out: Path, fingerprint: str, pages: dict[str, str], now_ns: int) -> None:
        """Record what ``out`` now holds: page → "hash of its inputs, space, hash of its content", with each
        file's stamp (written a page at a time: a page of every record is never a second time in memory)."""
        if self.path is None:
            return

        def pieces() -> Iterable[str]:
            yield '{"empreinte":' + json.dumps(f"{STATE_LAYOUT}:{fingerprint}") + ',"pages":{\n'
            separator = ""
            for rel, hashes in pages.items():
                inputs, _space, content = hashes.partition(" ")
                try:
                    s = Stamp.of(os.lstat(f"{out}/{rel}"))
                except OSError:
                    continue
                yield separator + json.dumps(rel) + ":" + json.dumps(
                    [inputs, content, s.size, s.mtime_ns, s.ctime_ns, s.ino, s.dev, now_ns], separators=(",", ":"))
                separator = ",\n"
            yield "\n}}\n"

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write(self.path, pieces(), fsync=False)
        except OSError:
            pass  # the next build renders every page again: slower, still right


# ---------------------------------------------------------------- staging and swapping


class Staging:
    """A new site being built beside ``out``; :meth:`swap` puts it in place whole."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(out.parent)
        self.path = out.parent / temp_name(out.name)
        self.path.mkdir(mode=0o755)
        self._folders: set[str] = {""}

    def _folder_of(self, rel: str) -> None:
        folder = rel.rpartition("/")[0]
        if folder not in self._folders:
            os.makedirs(f"{self.path}/{folder}", exist_ok=True)
            self._folders.add(folder)

    def write(self, rel: str, payload: bytes) -> None:
        """Write the new page ``rel``. The staging folder is this build's own and is swapped in whole: a page
        needs no temporary file of its own, and is never written through a link (``O_NOFOLLOW``) nor over
        another file (``O_EXCL``)."""
        self._folder_of(rel)
        fd = os.open(f"{self.path}/{rel}", os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            write_all(fd, payload)
        finally:
            os.close(fd)

    def write_chunks(self, rel: str, chunks: Iterable[bytes]) -> str:
        """:meth:`write`, from pieces (a page of every record: never whole in memory); returns the hash of its
        content (:func:`~iaterr.check.cache.digest`)."""
        self._folder_of(rel)
        h = hashlib.blake2b(digest_size=20)
        fd = os.open(f"{self.path}/{rel}", os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                h.update(chunk)
                fh.write(chunk)
        return h.hexdigest()

    def keep(self, rel: str) -> None:
        """Carry the old page ``rel`` over unchanged (a hard link; a copy where links are not possible)."""
        source, target = f"{self.out}/{rel}", f"{self.path}/{rel}"
        self._folder_of(rel)
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:  # another page is already there: never replaced (the caller decides)
            raise
        except OSError:  # links not possible here: a copy, never over another file nor through a link
            self.write(rel, read_regular(source))

    def swap(self) -> None:
        """Put the staging folder in place of ``out``; the old site is then deleted (on failure it stays, and the
        new one is discarded by the caller)."""
        swap_folder(self.path, self.out)

    def discard(self) -> None:
        remove_tree(self.path, ignore_errors=True)
