"""Permalinks that never break silently: what the register shows at the address of a record that is no longer
valid, or no longer there, read from git's history.

* A use case whose file no longer validates keeps the page of its **last valid version** (the newest commit
  whose version of the file, with its collectivité's file of that commit, passes the one loader), marked
  « en cours de révision » with the date of that version (:class:`Revision`).
* When there is no such version (no git, or never valid) and the previous site had a page at that address,
  the build stops and the previous site stays in place (:func:`lost_pages`).
* A use case whose file was deleted (or renamed) in git leaves a page saying when, why (the subject of the
  commit that removed it) and, for a rename, where it went (:class:`Removal`); a page of the previous site
  whose record is gone and that git does not explain says it was removed on the day of the build.

Only public views reach a page: a past version is read, validated and reduced to its public view exactly as
the current files are (:func:`~iaterr.publish.export.load_items`), in a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from iaterr.base.files import UnsafePath, read_regular
from iaterr.model.visibility import View
from iaterr.repo.config import Repository
from iaterr.repo.yamlio import read_document

#: at most this many past versions of one invalid file are tried, newest first
MAX_VERSIONS = 20
#: the longest commit subject shown as the reason of a removal
MAX_REASON = 300


@dataclass
class Revision:
    """The last valid version of a use case whose current file is invalid."""

    rel: str
    identifiant: str
    commit: str
    day: date
    cas: View
    collectivite: View


@dataclass
class Removal:
    """A use case that is gone: when, why, and where it went when it was renamed."""

    identifiant: str
    day: date
    commit: str = ""
    reason: str = ""
    nom: str = ""
    #: the identifiant of the page it became (a rename), when that page is part of the site
    moved_to: str = ""
    #: the identifiant of its collectivité, as its last version named it: the page keeps its request channels
    collectivite: str = ""


def _run(root: Path, *args: str) -> bytes | None:
    """The output of ``git args`` run in ``root``; None when git is missing, fails or ``root`` is not in a
    repository (nothing is ever asked: no pager, no prompt)."""
    env = dict(os.environ, GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, env=env, timeout=60,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _git(root: Path, *args: str) -> str | None:
    out = _run(root, *args)
    return None if out is None else out.decode("utf-8", "replace")


def _show(root: Path, commit: str, rel: str) -> bytes | None:
    """The bytes of ``rel`` as ``commit`` holds it."""
    return _run(root, "show", f"{commit}:./{rel}")


def _day(stamp: str) -> date:
    return datetime.fromtimestamp(int(stamp), tz=UTC).date()


def _data(text: bytes, rel: str) -> dict[str, Any]:
    """A past version of a record read as ``validate`` reads one (values as written); {} when it is no mapping."""
    data = read_document(text, rel).data
    return data if isinstance(data, dict) else {}


def _collectivite_of(data: dict[str, Any]) -> str | None:
    """The ``collectivite`` a version of a use-case file names, when it can be a file name."""
    value = data.get("collectivite")
    return value if isinstance(value, str) and value and "/" not in value and not value.startswith(".") else None


def last_valid(repo: Repository, rel: str, own_errors: bool = True) -> Revision | None:
    """The newest committed version of the use-case file ``rel`` that is valid with its collectivité's file of the
    same commit, as a public view; None without git or without such a version. With ``own_errors`` (the file
    itself is invalid, not only its collectivité), versions identical to the current file are not tried."""
    from iaterr.publish.export import load_items
    from iaterr.repo.config import open_repository

    log = _git(repo.root, "log", f"-{MAX_VERSIONS}", "--format=%H %ct", "--", rel)
    if not log:
        return None
    coll_dir = repo.kind_dir("collectivite").relative_to(repo.root).as_posix()
    try:
        current = (repo.root / rel).read_bytes()
    except OSError:
        current = None
    seen = {current} if own_errors else set()
    try:
        config = read_regular(repo.root / "iaterr.yaml")  # never through a link
    except (OSError, UnsafePath):
        return None
    with tempfile.TemporaryDirectory(prefix="iaterr-revision-") as tmp:
        for line in log.splitlines():
            commit, _, stamp = line.partition(" ")
            text = _show(repo.root, commit, rel)
            if text is None or text in seen:  # the invalid version itself, or one already tried
                continue
            seen.add(text)
            coll = _collectivite_of(_data(text, rel))
            coll_text = _show(repo.root, commit, f"{coll_dir}/{coll}.yaml") if coll else None
            if coll_text is None:
                continue
            where = Path(tmp) / commit
            (where / rel).parent.mkdir(parents=True, exist_ok=True)
            (where / coll_dir).mkdir(parents=True, exist_ok=True)
            (where / "iaterr.yaml").write_bytes(config)
            (where / rel).write_bytes(text)
            (where / coll_dir / f"{coll}.yaml").write_bytes(coll_text)
            items = load_items(open_repository(where), use_cache=False, jobs=1).items
            if items:
                item = items[0]
                return Revision(rel, item.cas["identifiant"], commit[:8], _day(stamp), item.cas, item.collectivite)
    return None


def removals(repo: Repository, present: set[str]) -> list[Removal]:
    """The use cases git saw deleted or renamed and that are not in the site now (``present``: the identifiants
    of its use-case pages), newest removal first, one per identifiant."""
    folder = repo.kind_dir("cas_usage").relative_to(repo.root).as_posix()
    log = _git(repo.root, "log", "-M", "--relative", "--diff-filter=DR", "--name-status", "--format=%x00%H %ct %s",
               "--", folder)
    if not log:
        return []
    found: dict[str, Removal] = {}
    renamed: dict[str, str] = {}
    commit = stamp = subject = ""
    for line in log.splitlines():
        if line.startswith("\x00"):
            commit, _, rest = line[1:].partition(" ")
            stamp, _, subject = rest.partition(" ")
            continue
        parts = line.split("\t")
        if not parts or not parts[0] or parts[0][0] not in "DR" or len(parts) < 2:
            continue
        old = parts[1]
        ident = Path(old).stem
        if not old.endswith(".yaml") or ident in present or ident in found:
            continue
        removal = Removal(ident, _day(stamp), commit[:8], subject.strip()[:MAX_REASON])
        if parts[0][0] == "R" and len(parts) > 2:
            renamed[ident] = Path(parts[2]).stem
        before = _show(repo.root, f"{commit}^", old)
        data = _data(before, old) if before is not None else {}
        if isinstance(data.get("nom"), str):
            removal.nom = data["nom"]
        removal.collectivite = _collectivite_of(data) or ""
        found[ident] = removal
    for ident, removal in found.items():
        target, seen = renamed.get(ident), {ident}
        while target and target not in present and target in renamed and target not in seen:
            seen.add(target)
            target = renamed[target]
        if target in present:
            removal.moved_to = target
    return list(found.values())


def in_git(repo: Repository) -> bool:
    return _git(repo.root, "rev-parse", "--is-inside-work-tree") is not None


@dataclass
class Change:
    """One commit's change to one use-case file: A (added), M (modified), D (deleted), R (renamed)."""

    commit: str
    day: datetime
    subject: str
    status: str
    rel: str


def changes(repo: Repository, limit: int = 2000) -> list[Change]:
    """The changes git knows to the use-case files, newest first (at most ``limit`` commits); empty without git."""
    folder = repo.kind_dir("cas_usage").relative_to(repo.root).as_posix()
    log = _git(repo.root, "log", f"-{limit}", "-M", "--relative", "--name-status", "--format=%x00%H %ct %s", "--",
               folder)
    out: list[Change] = []
    commit = stamp = subject = ""
    for line in (log or "").splitlines():
        if line.startswith("\x00"):
            commit, _, rest = line[1:].partition(" ")
            stamp, _, subject = rest.partition(" ")
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        status, rel = parts[0][0], parts[-1]
        if rel.endswith(".yaml"):
            out.append(Change(commit[:8], datetime.fromtimestamp(int(stamp), tz=UTC), subject.strip()[:MAX_REASON],
                              status, rel))
    return out


def last_changes(log: list[Change]) -> dict[str, date]:
    """The day each use-case file (path relative to the repository) last changed in git."""
    out: dict[str, date] = {}
    for change in log:
        out.setdefault(change.rel, change.day.date())
    return out
