"""Files: written whole or not at all, never through a link, never outside the folder they belong to.

A data repository and an output folder are untrusted: a merge request can add a symbolic link, a
committed site folder can hold anything. Every path iaterr reads or writes under such a folder is
checked with :func:`contained` (no component below the folder is a symbolic link, nothing climbs
out of it), and every write goes through :func:`atomic_write`: a temporary file beside the target,
flushed, then renamed over it.

Temporary files and folders are named ``.iaterr-tmp-<pid>-<random>-<name>``: the ``.gitignore``
that ``iaterr init`` writes ignores them, every walk over records or pages skips them, and
:func:`remove_stale_temporaries` deletes those left by a process that is gone (a killed run).
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

#: Start of the name of every temporary file or folder iaterr creates.
TEMP_PREFIX = ".iaterr-tmp-"
#: A temporary file of a live process is left alone unless it is older than this (seconds).
STALE_AFTER = 3600
#: File names Windows reserves (with or without an extension): never a record or page name.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)


class UnsafePath(Exception):
    """A path that iaterr refuses to follow: ``reason`` is ``dehors`` (outside the folder),
    ``lien`` (a symbolic link, ``link`` and ``target`` say which) or ``pas-un-fichier``."""

    def __init__(self, reason: str, path: Path, *, link: Path | None = None, target: str = "") -> None:
        super().__init__(f"{reason}: {path}")
        self.reason, self.path, self.link, self.target = reason, path, link, target


def link_target(path: Path | str) -> str:
    """What the symbolic link ``path`` points to, as written in it (``?`` when it cannot be read)."""
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def contained(root: Path, path: Path, *, must_exist: bool = False) -> Path:
    """``path`` (absolute, or relative to ``root``) checked to lie under ``root`` with no symbolic link
    on the way: returns the absolute path. ``root`` itself is trusted as given (it may be reached
    through a link the person chose). Components that do not exist yet are fine unless ``must_exist``; a
    component that is not a folder means that what is below it does not exist either (writing there fails
    later, with the system's reason). Raises :class:`UnsafePath` (and, with ``must_exist``, the
    :class:`FileNotFoundError` or :class:`NotADirectoryError` of the missing part)."""
    root = Path(os.path.abspath(root))
    full = Path(os.path.abspath(path if Path(path).is_absolute() else root / path))
    try:
        rel = full.relative_to(root)
    except ValueError:
        raise UnsafePath("dehors", full) from None
    current = root
    for part in rel.parts:
        current = current / part
        try:
            info = os.lstat(current)
        except (FileNotFoundError, NotADirectoryError):
            if must_exist:
                raise
            return full  # the rest does not exist (yet): nothing to follow
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePath("lien", full, link=current, target=link_target(current))
    return full


def scan(folder: str | Path, *, skip_hidden: bool = False,
         keep: Callable[[os.DirEntry[str]], bool] | None = None) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry under ``folder`` that is not a folder — files, links, anything else — with its path
    relative to ``folder`` (forward slashes), in the order of those paths (each folder's entries by name, a
    folder's as if its name ended with "/": the order ``sorted`` gives the paths, without making them all
    first). Folders are walked into at any depth, never through a link (a link to a folder is yielded as a
    link). ``skip_hidden``: entries whose name starts with a dot are passed over, except iaterr's temporary
    files and folders, which are yielded — folders too, not entered — for the caller to remove when stale.
    ``keep``: of the entries that are not folders, those yielded; the others are let go as their folder is
    listed (a folder of ten thousand files holds only what is kept of it while it is walked)."""
    levels = [iter(_listing(str(folder), "", skip_hidden, keep))]
    while levels:
        item = next(levels[-1], None)
        if item is None:
            levels.pop()
        elif item[0].endswith("/"):  # a folder: walked into before the entries that follow it
            levels.append(iter(_listing(item[1].path, item[0], skip_hidden, keep)))
        else:
            yield item


def _listing(folder: str, prefix: str, skip_hidden: bool,
             keep: Callable[[os.DirEntry[str]], bool] | None) -> list[tuple[str, os.DirEntry[str]]]:
    """The entries of one folder :func:`scan` walks, by path (a folder's path ending with "/")."""
    entries = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                name = entry.name
                if skip_hidden and name.startswith(".") and not is_temporary(name):
                    continue
                if entry.is_dir(follow_symlinks=False) and not (skip_hidden and is_temporary(name)):
                    entries.append((prefix + name + "/", entry))
                elif keep is None or keep(entry):  # a temporary folder is yielded whole, never entered
                    entries.append((prefix + name, entry))
    except OSError:
        return []
    entries.sort(key=_path_of)
    return entries


def _path_of(item: tuple[str, os.DirEntry[str]]) -> str:
    return item[0]


def temp_name(name: str) -> str:
    """The name of a temporary file or folder standing for ``name`` (kept short enough for any file system)."""
    return f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{name[:80]}"


def is_temporary(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)


def as_given(filename: Any, out: Path) -> str:
    """The path of a failed write under ``out`` as the user named it: the temporary folder a command builds
    beside ``out`` (then swaps in whole) is an inner detail, said as ``out`` itself."""
    if filename is None:
        return str(out)
    text = os.fsdecode(filename) if isinstance(filename, (str, bytes, os.PathLike)) else str(filename)
    parent = os.path.join(os.path.abspath(out.parent), "")
    absolute = os.path.abspath(text)
    if absolute.startswith(parent):
        first, sep, rest = absolute[len(parent):].partition(os.sep)
        if is_temporary(first):
            return str(out) + (sep + rest if rest else "")
    return text


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process
    return True


def is_stale(name: str, mtime: float, now: float | None = None) -> bool:
    """Is the temporary ``name`` left over by a run that ended (its process is gone, or it is old)?"""
    if not is_temporary(name):
        return False
    now = time.time() if now is None else now
    pid_text = name[len(TEMP_PREFIX):].split("-", 1)[0]
    if now - mtime > STALE_AFTER:
        return True
    return not (pid_text.isdigit() and _pid_alive(int(pid_text)))


def remove_tree(path: str | Path, *, ignore_errors: bool = False) -> None:
    """Delete the folder ``path`` and what it holds (a link or file given is deleted itself), as
    :func:`shutil.rmtree` does but at any depth (Python 3.11's recurses: a tree a thousand folders deep, in a
    site's folder or a fetched repository, would stop it) and never through a link. One folder is open at a
    time: each is entered by its descriptor from the one above (``O_NOFOLLOW``), its entries deleted relative to
    it, and the way back up is checked to be the folder it came from (a folder moved meanwhile is not followed
    out). ``ignore_errors``: what cannot be deleted is left, the rest deleted; else the first error is raised."""
    try:
        _remove_tree(os.fspath(path), ignore_errors)
    except OSError:
        if not ignore_errors:
            raise


_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)


def _remove_tree(path: str, ignore_errors: bool) -> None:
    if not stat.S_ISDIR(os.lstat(path).st_mode):
        os.unlink(path)
        return
    if os.rmdir not in os.supports_dir_fd or os.open not in os.supports_dir_fd:  # pragma: no cover - not POSIX
        shutil.rmtree(path, ignore_errors=ignore_errors)
        return
    fd = os.open(path, _DIR_FLAGS)
    #: from the top to the folder open: (name in its parent, its device and inode, names in it left undeleted)
    down: list[tuple[str, tuple[int, int], set[str]]] = [("", _identity(fd), set())]
    try:
        while True:
            name, _ident, left = down[-1]
            child = None
            with os.scandir(fd) as entries:
                for entry in entries:
                    if entry.name in left:
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            child = os.open(entry.name, _DIR_FLAGS, dir_fd=fd)
                            break
                        os.unlink(entry.name, dir_fd=fd)
                    except OSError:
                        if not ignore_errors:
                            raise
                        left.add(entry.name)
            if child is not None:  # down into it
                os.close(fd)
                fd = child
                down.append((entry.name, _identity(fd), set()))
                continue
            if len(down) == 1:
                break
            parent = os.open("..", _DIR_FLAGS, dir_fd=fd)  # back up, to the folder it came from only
            os.close(fd)
            fd = parent
            down.pop()
            if _identity(fd) != down[-1][1]:
                raise OSError(f"{path}: a folder moved while it was deleted")
            try:
                os.rmdir(name, dir_fd=fd)
            except OSError:
                if not ignore_errors:
                    raise
                down[-1][2].add(name)
    finally:
        os.close(fd)
    os.rmdir(path)


def _identity(fd: int) -> tuple[int, int]:
    info = os.fstat(fd)
    return info.st_dev, info.st_ino


def remove_if_stale(entry: os.DirEntry[str]) -> bool:
    """Delete ``entry`` if it is a temporary that a finished run left (a folder with what it holds, a link
    as a link, never followed); whether it was deleted."""
    if not is_temporary(entry.name):
        return False
    try:
        if not is_stale(entry.name, entry.stat(follow_symlinks=False).st_mtime):
            return False
        if entry.is_dir(follow_symlinks=False):
            remove_tree(entry.path)
        else:
            os.unlink(entry.path)
    except OSError:
        return False
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files and folders directly in ``folder`` that a finished run left; returns them."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [Path(entry.path) for entry in entries if remove_if_stale(entry)]


def atomic_write(path: Path, data: bytes | str | Iterable[str], *, fsync: bool = True,
                 root: Path | None = None) -> None:
    """Write ``data`` (or its pieces, one after another: an export written as it is made) to ``path``
    through a temporary file and a rename: readers see the old file or the new one, never a part. With
    ``root``, ``path`` must lie under it with no symbolic link on the way (:class:`UnsafePath` otherwise).
    The target itself is replaced, never written through, even when it is a link. ``fsync=False`` skips
    forcing the data to disk (regenerable files)."""
    path = Path(path)
    if root is not None:
        path = contained(root, path)
    if path.is_dir() and not path.is_symlink():
        raise IsADirectoryError(21, "Is a directory", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if root is not None:
        contained(root, path)  # the folders just made are ours; checked again against a race
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.parent / temp_name(path.name)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 16) as fh:
            if isinstance(payload, bytes):
                fh.write(payload)
            else:
                for piece in payload:
                    fh.write(piece.encode("utf-8"))
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                os.chmod(tmp, info.st_mode & 0o777)
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


#: system errors said in the run's language (``erreur.os.<name>``): the system's own words are English
_OS_REASONS = ("ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EDQUOT", "EROFS", "EEXIST",
               "ENAMETOOLONG", "ELOOP", "EMFILE", "EIO", "EBUSY", "ETXTBSY", "ECONNREFUSED", "ECONNRESET",
               "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH")


def os_reason(exc: BaseException) -> Any:
    """Why a system call failed, for people: a message (``{"t": "erreur.os.ENOENT"}``) for the usual reasons,
    else the system's text. A network error that wraps a system one (``URLError``) says the system one."""
    import errno

    inner = getattr(exc, "reason", None)
    if getattr(exc, "errno", None) is None and isinstance(inner, OSError):
        exc = inner
    if type(exc).__module__ == "ssl":  # its number is the TLS library's, not the system's (1 is not EPERM)
        return {"t": "erreur.tls", "p": {"detail": str(getattr(exc, "reason", None) or exc)[:200]}}
    code = getattr(exc, "errno", None)
    if code is None and isinstance(exc, TimeoutError):  # a socket's timeout (connecting or reading): no number
        return {"t": "erreur.delai"}
    name = errno.errorcode.get(code) if isinstance(code, int) else None
    if name in _OS_REASONS:
        return {"t": f"erreur.os.{name}"}
    return getattr(exc, "strerror", None) or str(exc)


def write_all(fd: int, data: bytes | bytearray | memoryview, offset: int | None = None) -> None:
    """Write all of ``data`` on the descriptor ``fd`` (at ``offset``, without moving its position, when given),
    however the system cuts the writes."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view) if offset is None else os.pwrite(fd, view, offset)
        view = view[written:]
        if offset is not None:
            offset += written


def read_regular(path: Path | str, inode: int = 0) -> bytes:
    """The bytes of ``path``, refusing a symbolic link as its last component (no race between a check and
    the read: the open itself refuses). With ``inode`` (the file's, when it was listed), the file opened must
    be that one: a folder on the way replaced by a link meanwhile is caught too. Raises :class:`UnsafePath`
    for a link, a file that changed (``remplace``) or what is not a file."""
    return read_regular_stat(path, inode)[0]


def read_regular_stat(path: Path | str, inode: int = 0) -> tuple[bytes, os.stat_result]:
    """Like :func:`read_regular`, with what the file system said of the file opened, before it was read (the
    stamp that proves, next time, that these bytes are still its content)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == 40 or os.path.islink(path):  # ELOOP: a link
            raise UnsafePath("lien", Path(path), link=Path(path), target=link_target(Path(path))) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):  # as opening it as a file object says
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath("pas-un-fichier", Path(path))
        if inode and info.st_ino != inode:
            raise UnsafePath("remplace", Path(path))
        # read to its end (a file that changed size meanwhile included), without a buffered file object
        first = os.read(fd, info.st_size + 1)
        if not first:
            return first, info
        parts = [first]
        while more := os.read(fd, max(info.st_size + 1, 1 << 16)):
            parts.append(more)
        return (first if len(parts) == 1 else b"".join(parts)), info
    finally:
        os.close(fd)


def die_with_parent() -> None:
    """In a worker process: be ended when the process that started it ends (Linux), so that a killed run
    leaves no worker waiting for work forever. Elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def user_cache_dir() -> Path:
    """Where iaterr keeps its caches: ``IATERR_CACHE_DIR``, else ``$XDG_CACHE_HOME/iaterr``, else
    ``~/.cache/iaterr`` (``%LOCALAPPDATA%\\iaterr`` on Windows). Never inside a data repository."""
    explicit = os.environ.get("IATERR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "iaterr" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "iaterr"


def swap_folder(staging: Path, out: Path) -> None:
    """Put the folder ``staging`` in the place of ``out`` and delete what was there: one atomic exchange on Linux
    (``renameat2(RENAME_EXCHANGE)``), elsewhere two renames, the old folder put back if the second fails."""
    if not os.path.lexists(out):
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        remove_tree(staging, ignore_errors=True)
        return
    old = out.parent / temp_name(out.name + "-ancien")
    os.rename(out, old)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(old, out)  # the old folder back in place; the new one is the caller's to discard
        raise
    remove_tree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return int(renameat2(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)), rename_exchange)) == 0
