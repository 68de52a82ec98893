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
    #: why the reason given (the commit's subject) is not shown: "cite" (it quotes a restricted value of the
    #: record), "public" (a public repository: its restricted values are not in git, it cannot be checked)
    masked: str = ""


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


_PREFIXES: dict[Path, str] = {}


def _prefix(root: Path) -> str | None:
    """The path of ``root`` inside its git working tree ("" at its top, "data-repo/" below it); remembered once
    known (a folder not in git yet may become one)."""
    if root not in _PREFIXES:
        out = _git(root, "rev-parse", "--show-prefix")
        if out is None:
            return None
        _PREFIXES[root] = out.strip()
    return _PREFIXES[root]


def _blobs(root: Path, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
    """The bytes of each file ``rel`` as ``commit`` holds it (``(commit, rel)`` pairs; ``rel`` relative to
    ``root``), read by one ``git cat-file --batch``; a pair git does not have is left out."""
    prefix = _prefix(root) if wanted else None
    if not wanted or prefix is None:
        return {}
    pairs = list(dict.fromkeys(wanted))
    # a name holding a line break cannot be asked this way (cat-file reads lines): left out
    asked = [(c, r) for c, r in pairs if "\n" not in r and "\r" not in r]
    text = "".join(f"{c}:{prefix}{r}\n" for c, r in asked).encode("utf-8", "surrogateescape")
    env = dict(os.environ, GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        done = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input=text, capture_output=True,
                              env=env, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    out, data, at = {}, done.stdout, 0
    for pair in asked:
        end = data.find(b"\n", at)
        if end < 0:
            break
        header = data[at:end].split(b" ")
        at = end + 1
        if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
            size = int(header[2])
            out[pair] = data[at:at + size]
            at += size + 1  # the content, then a line end
        elif len(header) == 3 and header[2].isdigit():  # a tree or another object: skipped whole
            at += int(header[2]) + 1
    return out


def _histories(root: Path, rels: list[str]) -> dict[str, list[tuple[str, str]]]:
    """For each of ``rels``, its newest commits (at most :data:`MAX_VERSIONS`), newest first: ``(commit,
    stamp)``. One ``git log`` for all of them (names taken literally, never as patterns)."""
    if not rels:
        return {}
    wanted = set(rels)
    out: dict[str, list[tuple[str, str]]] = {rel: [] for rel in rels}
    log = _run(root, "--literal-pathspecs", "log", "-z", "--relative", "--name-only", "--format=%x01%H %ct", "--",
               *rels)
    if not log:
        return out
    commit = stamp = ""
    for part in log.decode("utf-8", "surrogateescape").split("\0"):
        part = part.strip("\n")
        if part.startswith("\x01"):
            head, _, name = part[1:].partition("\n")
            commit, _, stamp = head.partition(" ")
            part = name
        if part in wanted and len(out[part]) < MAX_VERSIONS:
            out[part].append((commit, stamp))
    return out


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


def last_valids(repo: Repository, files: list[tuple[str, bool]]) -> dict[str, Revision]:
    """For each ``(rel, own_errors)``, the newest committed version of the use-case file ``rel`` that is valid
    with its collectivité's file of the same commit, as a public view (left out without git or without such a
    version; with ``own_errors``, the file itself is invalid, so versions identical to it are not tried). One
    ``git log`` and one ``git cat-file`` per round of candidates, whatever the number of files (a register of
    thousands of records with hundreds invalid costs a few git processes, not a few per file)."""
    from iaterr.publish.export import load_items
    from iaterr.repo.config import open_repository

    if not files:
        return {}
    histories: dict[str, list[tuple[str, str]]] = {}
    for start in range(0, len(files), 500):  # a command line of bounded length
        histories.update(_histories(repo.root, [rel for rel, _own in files[start:start + 500]]))
    histories = {rel: log for rel, log in histories.items() if log}
    if not histories:
        return {}
    try:
        config = read_regular(repo.root / "iaterr.yaml")  # never through a link
    except (OSError, UnsafePath):
        return {}
    coll_dir = repo.kind_dir("collectivite").relative_to(repo.root).as_posix()
    own = dict(files)
    seen: dict[str, set[bytes]] = {}
    for rel in histories:
        try:
            current = (repo.root / rel).read_bytes()
        except OSError:
            current = None
        seen[rel] = {current} if own.get(rel, True) and current is not None else set()
    versions = _blobs(repo.root, [(commit, rel) for rel, log in histories.items() for commit, _stamp in log])
    found: dict[str, Revision] = {}
    # the collectivités' files the candidates name, fetched in one round
    candidates: dict[str, list[tuple[str, str, bytes, str]]] = {}
    for rel, log in histories.items():
        for commit, stamp in log:
            text = versions.get((commit, rel))
            if text is None or text in seen[rel]:  # the invalid version itself, or one already tried
                continue
            seen[rel].add(text)
            coll = _collectivite_of(_data(text, rel))
            if coll:
                candidates.setdefault(rel, []).append((commit, stamp, text, coll))
    colls = _blobs(repo.root, [(commit, f"{coll_dir}/{coll}.yaml") for tried in candidates.values()
                               for commit, _s, _t, coll in tried])
    with tempfile.TemporaryDirectory(prefix="iaterr-revision-") as tmp:
        for rel, tried in candidates.items():
            for commit, stamp, text, coll in tried:  # newest first: the first valid one is kept
                coll_text = colls.get((commit, f"{coll_dir}/{coll}.yaml"))
                if coll_text is None:
                    continue
                where = Path(tmp) / f"{len(found)}-{commit}"
                (where / rel).parent.mkdir(parents=True, exist_ok=True)
                (where / coll_dir).mkdir(parents=True, exist_ok=True)
                (where / "iaterr.yaml").write_bytes(config)
                (where / rel).write_bytes(text)
                (where / coll_dir / f"{coll}.yaml").write_bytes(coll_text)
                items = load_items(open_repository(where), use_cache=False, jobs=1).items
                if items:
                    item = items[0]
                    found[rel] = Revision(rel, item.cas["identifiant"], commit[:8], _day(stamp), item.cas,
                                          item.collectivite)
                    break
    return found


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
    olds: dict[str, tuple[str, str]] = {}
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
        found[ident] = removal
        olds[ident] = (f"{commit}^", old)
    befores = _blobs(repo.root, list(olds.values()))
    for ident, removal in found.items():
        before = befores.get(olds[ident])
        data = _data(before, olds[ident][1]) if before is not None else {}
        if removal.reason and repo.config.public:
            # the restricted values of a public repository are in its store, not in git: a person's words cannot
            # be checked against them, so they are not published (the page says why)
            removal.reason, removal.masked = "", "public"
        elif removal.reason and quotes_restricted(removal.reason, data):  # never published: said so instead
            removal.reason, removal.masked = "", "cite"
        if isinstance(data.get("nom"), str):
            removal.nom = data["nom"]
        removal.collectivite = _collectivite_of(data) or ""
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


def changed_fields(repo: Repository, log: list[Change]) -> dict[tuple[str, str], list[str] | None]:
    """For each modification in ``log`` (``(commit, rel)``), the public fields of the use case whose values
    differ from the commit before (names, in the model's order); None when a version cannot be read. The
    feed says what changed from these alone: a commit's subject is a person's words, which may quote a
    restricted value, and is never published."""
    from iaterr.model import CasUsage
    from iaterr.model.visibility import shown_fields

    public = list(shown_fields(CasUsage))
    asked = [(c.commit, c.rel) for c in log if c.status == "M"]
    blobs = _blobs(repo.root, asked + [(f"{commit}^", rel) for commit, rel in asked])
    out: dict[tuple[str, str], list[str] | None] = {}
    for commit, rel in asked:
        after, before = blobs.get((commit, rel)), blobs.get((f"{commit}^", rel))
        if after is None or before is None:
            out[(commit, rel)] = None
            continue
        new, old = _data(after, rel), _data(before, rel)
        out[(commit, rel)] = [name for name in public if new.get(name) != old.get(name)]
    return out


def quotes_restricted(text: str, data: dict[str, Any]) -> bool:
    """Does ``text`` (a commit's subject) quote a value that ``data`` (a version of a use case, as written)
    holds in a restricted field? Compared as the register's search folds text (without case, accents nor
    punctuation: :func:`~iaterr.publish.site.recherche.fold`), and numbers by their digits (« 45 000 € »)."""
    from iaterr.model import CasUsage
    from iaterr.model.visibility import restricted_paths
    from iaterr.publish.site.recherche import fold

    folded = fold(text)
    digits = "".join(ch for ch in text if ch.isdigit())
    for _path, value in restricted_paths(CasUsage, data):
        for leaf in _leaves(value):
            shown = str(leaf).strip()
            needle = fold(shown)
            if len(shown) >= 3 and needle and needle in folded:
                return True
            number = "".join(ch for ch in shown if ch.isdigit())
            if len(number) >= 3 and number == "".join(ch for ch in shown if not ch.isspace()) and number in digits:
                return True
    return False


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [] if value is None or isinstance(value, bool) else [value]
