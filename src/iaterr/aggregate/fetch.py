"""Reading one source: ask cheaply whether it changed, else fetch it into a folder of data.

* a git repository (URL or local path): ``git ls-remote`` gives the head of its branch; when it differs
  from the commit last read, a shallow clone (``--depth 1``, one branch, no tags, no submodules, no LFS
  content) brings that commit's files. git runs with no prompt, only the transports of
  :data:`~iaterr.aggregate.sources.GIT_SCHEMES`, and every location after ``--``;
* a local folder that is not a git repository: the size and times of its files say whether it changed;
  it is then read where it is;
* an open-data CSV: over HTTP(S), a conditional request with the validators last given (``ETag``,
  ``Last-Modified``); a local file, its size and time, then its hash. A changed CSV is made into a data
  repository (:mod:`iaterr.aggregate.csvsource`).

A failure is a :class:`FetchError` naming its message; network failures are tried again.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.aggregate.sources import GIT_SCHEMES, Source, without_credentials
from iaterr.base.files import os_reason, remove_tree
from iaterr.base.text import printable_line

#: the largest CSV read (bytes)
MAX_CSV = 512 * 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")


class FetchError(Exception):
    """A source that could not be read; ``retry``: worth trying again (network, time limit)."""

    def __init__(self, key: str, *, retry: bool = False, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.retry = retry
        self.params = params


@dataclass
class Fetched:
    """What reading a source gave: unchanged since ``previous``, or a folder holding its data."""

    version: dict[str, Any]
    unchanged: bool = False
    root: Path | None = None
    #: the folder is ours (a clone, a converted CSV): removed when the run ends
    ours: bool = False
    attempts: int = 1
    notes: list[str] = field(default_factory=list)
    #: a CSV source: the CSV line each file written from it comes from
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    timeout: float = 120.0
    retries: int = 2
    delay: float = 1.0


def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in ("GIT_SSH_COMMAND", "GIT_SSH")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_LFS_SKIP_SMUDGE="1", LC_ALL="C", GIT_CONFIG_NOSYSTEM="1",
               GCM_INTERACTIVE="never")
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    return env


def _protocols() -> list[str]:
    args = ["-c", "protocol.allow=never"]
    for scheme in GIT_SCHEMES:
        args += ["-c", f"protocol.{scheme}.allow=always"]
    return args


def _git(args: list[str], timeout: float, cwd: str | None = None) -> str:
    git = shutil.which("git")
    if git is None:
        raise FetchError("agregation.erreur.git-absent")
    try:
        done = subprocess.run([git, *_protocols(), *args], capture_output=True, timeout=timeout, env=_git_env(),
                              cwd=cwd, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise FetchError("agregation.erreur.delai", retry=True, secondes=int(timeout)) from exc
    except OSError as exc:
        raise FetchError("agregation.erreur.git", detail=os_reason(exc)) from exc
    if done.returncode != 0:
        detail = _last_line(done.stderr)
        lowered = done.stderr.decode("utf-8", "replace").lower()
        retry = any(w in lowered for w in ("unable to access", "could not resolve", "connection", "timed out",
                                            "early eof", "rpc failed", "remote end hung up", "temporarily"))
        if "not found in upstream" in lowered or "remote branch" in lowered:
            raise FetchError("agregation.erreur.branche", detail=detail)
        raise FetchError(git_error_key(lowered), retry=retry, detail=detail)
    return done.stdout.decode("utf-8", "replace")


#: what git's last line of error says, in its words (git's messages are not translated: they are kept as detail)
_GIT_ERRORS = (
    ("agregation.erreur.hote", ("could not resolve host", "name or service not known", "nodename nor servname",
                                "temporary failure in name resolution", "could not resolve hostname")),
    ("agregation.erreur.acces", ("authentication failed", "could not read username", "terminal prompts disabled",
                                 "permission denied", "repository not found", "does not appear to be a git "
                                 "repository", "access denied", "returned error: 403", "returned error: 404",
                                 "returned error: 401")),
)


def git_error_key(lowered: str) -> str:
    """The message key of a git failure from its last line (lower case)."""
    for key, words in _GIT_ERRORS:
        if any(w in lowered for w in words):
            return key
    return "agregation.erreur.git"


def _last_line(raw: bytes) -> str:
    lines = [ln.strip() for ln in raw.decode("utf-8", "replace").splitlines() if ln.strip()]
    fatal = [ln for ln in lines if ln.lower().startswith(("fatal:", "error:"))]
    # git's first fatal line says why; over SSH, ssh's own line before it says it better ("fatal: Could not read
    # from remote repository" follows a refused connection, an unknown host, a refused key alike)
    ssh = [ln for ln in lines if ln.lower().startswith("ssh:")]
    text = (ssh[0] if ssh else fatal[0] if fatal else lines[-1] if lines else "").rstrip(".")
    text = re.sub(r"[a-z][a-z0-9+.-]*://[^\s'\"]+", lambda m: without_credentials(m.group(0)), text)
    return printable_line(text[:300])


def git_url(source: Source) -> str:
    """What git is given: a local repository as a ``file://`` URL, so that the clone is shallow too."""
    if source.local:
        return Path(source.target).as_uri()
    return source.target


def remote_head(source: Source, timeout: float) -> str:
    """The commit at the head of the source's branch (its HEAD when no branch is named): read from the files of a
    local repository when they say it plainly (no process), else asked with ``git ls-remote``."""
    if source.local:
        head = local_head(Path(source.target), source.branch)
        if head is not None:
            return head
    url = git_url(source)
    if source.branch:
        out = _git(["ls-remote", "--", url, f"refs/heads/{source.branch}"], timeout)
    else:
        out = _git(["ls-remote", "--", url, "HEAD"], timeout)
    for line in out.splitlines():
        sha = line.split("\t", 1)[0].strip()
        if _SHA.fullmatch(sha):
            return sha
    if source.branch:
        raise FetchError("agregation.erreur.branche-nommee", branche=source.branch)
    raise FetchError("agregation.erreur.depot-vide")


def clone(source: Source, folder: Path, timeout: float) -> str:
    """A shallow clone of the source's branch into ``folder``; returns the commit read."""
    args = ["clone", "--quiet", "--depth", "1", "--single-branch", "--no-tags", "--no-recurse-submodules",
            "--template=", "-c", "core.hooksPath=/dev/null"]
    if source.branch:
        args.append(f"--branch={source.branch}")
    _git([*args, "--", git_url(source), str(folder)], timeout)
    sha = _head_of(folder) or _git(["rev-parse", "HEAD"], timeout, cwd=str(folder)).strip()
    if not _SHA.fullmatch(sha):
        raise FetchError("agregation.erreur.git", detail=printable_line(sha[:80]))
    # only the files are read from now on: git's own folder goes at once, while other sources are still fetched
    remove_tree(folder / ".git", ignore_errors=True)
    return sha


def _head_of(folder: Path) -> str | None:
    """The commit of a fresh clone's HEAD, read from its files (one process fewer per source)."""
    return local_head(folder, None)


def local_head(folder: Path, branch: str | None) -> str | None:
    """The commit of ``branch`` (else HEAD) of the local repository ``folder`` (working tree or bare), read from
    its files without running git in it and without following a link; None when they do not say it plainly (a
    reftable, a link, a symbolic ref elsewhere): git is then asked."""
    from iaterr.base.files import UnsafePath, contained, read_regular

    try:
        dot_git = os.lstat(folder / ".git").st_mode
    except OSError:
        dot_git = 0
    if dot_git and not stat.S_ISDIR(dot_git):  # a link, or a file pointing elsewhere (a worktree): git decides
        return None
    git_dir = folder / ".git" if dot_git else folder

    def read(rel: str) -> bytes:
        return read_regular(contained(folder, git_dir / rel))

    try:
        if branch is None:
            head = read("HEAD").decode("ascii").strip()
            if _SHA.fullmatch(head):
                return head
            if not head.startswith("ref: refs/heads/"):
                return None
            ref = head[5:]
        else:
            ref = f"refs/heads/{branch}"
        if ".." in ref:
            return None
        try:
            sha = read(ref).decode("ascii").strip()
            return sha if _SHA.fullmatch(sha) else None
        except FileNotFoundError:
            for line in read("packed-refs").decode("ascii").splitlines():
                parts = line.split(" ", 1)
                if len(parts) == 2 and parts[1] == ref and _SHA.fullmatch(parts[0]):
                    return parts[0]
    except (OSError, UnsafePath, UnicodeDecodeError):
        return None
    return None


def _is_git_folder(path: str) -> bool:
    return os.path.isdir(os.path.join(path, ".git")) or (
        os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(os.path.join(path, "objects")))


def _folder_stamp(root: str) -> str:
    """What the file system says of a plain folder's iaterr.yaml and data/ (names, sizes, times)."""
    from iaterr.base.files import scan

    h = hashlib.blake2b(digest_size=20)
    for name in ("iaterr.yaml",):
        try:
            st = os.lstat(os.path.join(root, name))
            h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode())
        except OSError:
            pass
    data = os.path.join(root, "data")
    if os.path.isdir(data) and not os.path.islink(data):
        entries = []
        for rel, entry in scan(data, skip_hidden=True):
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            entries.append(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\0{entry.is_symlink()}")
        for line in sorted(entries):
            h.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return h.hexdigest()


def _credentials(url: str) -> tuple[str, str | None]:
    """``https://user:secret@host/x.csv`` → (``https://host/x.csv``, its HTTP Basic ``Authorization``): urllib
    takes the user part of an address for its host name."""
    import base64
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, _, secret = userinfo.partition(":")
    token = f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(secret)}".encode()
    plain = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return plain, "Basic " + base64.b64encode(token).decode("ascii")


def _http_csv(source: Source, previous: dict[str, Any], timeout: float) -> tuple[bytes | None, dict[str, Any]]:
    """(bytes, validators) of a CSV over HTTP(S); bytes ``None`` when the server says it is unchanged."""
    import urllib.error
    import urllib.parse
    import urllib.request

    headers = {"User-Agent": "iaterr-aggregate"}
    if previous.get("etag"):
        headers["If-None-Match"] = str(previous["etag"])
    if previous.get("last_modified"):
        headers["If-Modified-Since"] = str(previous["last_modified"])
    url, authorization = _credentials(source.target)
    if authorization:
        headers["Authorization"] = authorization
    host = urllib.parse.urlsplit(url).netloc.lower()

    class HttpOnly(urllib.request.HTTPRedirectHandler):
        """A redirection is followed to http(s) only (urllib would follow one to ftp), and the credentials of the
        address never to another server."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not newurl.lower().startswith(("https://", "http://")):
                raise urllib.error.HTTPError(newurl, code, "redirection refusée", headers, fp)
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
            if new is not None and urllib.parse.urlsplit(newurl).netloc.lower() != host:
                new.remove_header("Authorization")
            return new

    opener = urllib.request.build_opener(HttpOnly)
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:  # http(s) only: sources.py and HttpOnly
            validators = {k: v for k, v in (("etag", response.headers.get("ETag")),
                                            ("last_modified", response.headers.get("Last-Modified"))) if v}
            raw = response.read(MAX_CSV + 1)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None, {k: previous[k] for k in ("etag", "last_modified") if previous.get(k)}
        raise FetchError("agregation.erreur.http-acces" if exc.code in (401, 403) else "agregation.erreur.http",
                         retry=exc.code >= 500 or exc.code == 429, code=exc.code) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = printable_line(str(getattr(exc, "reason", exc))[:200])
        key = "agregation.erreur.hote" if git_error_key(reason.lower()) == "agregation.erreur.hote" \
            else "agregation.erreur.reseau"
        said = os_reason(exc)  # the usual system reasons in the run's language, else the system's words
        raise FetchError(key, retry=True, detail=said if isinstance(said, dict) else reason) from exc
    if len(raw) > MAX_CSV:
        raise FetchError("agregation.erreur.trop-gros", taille=MAX_CSV // (1024 * 1024))
    return raw, validators


def _csv_folder(raw: bytes, work: Path) -> dict[str, int]:
    """The CSV made into a data repository in ``work``; the CSV line of each file written."""
    from iaterr.aggregate.csvsource import CsvError, csv_to_repository

    try:
        return csv_to_repository(raw, work)
    except CsvError as exc:
        raise FetchError(exc.key, **exc.params) from exc


def fetch_once(source: Source, previous: dict[str, Any] | None, work: Path, timeout: float,
               force: bool) -> Fetched:
    """Read ``source`` once: unchanged since ``previous`` (the version last read), or fetched into ``work``."""
    previous = previous or {}
    if source.kind == "depot":
        if source.local and not os.path.isdir(source.target):
            if os.path.isfile(source.target):
                raise FetchError("agregation.erreur.fichier-pas-depot", chemin=source.target)
            raise FetchError("agregation.erreur.introuvable", chemin=source.target)
        if source.local and not _is_git_folder(source.target):
            stamp = _folder_stamp(source.target)
            if not force and previous.get("etat_dossier") == stamp:
                return Fetched({"etat_dossier": stamp}, unchanged=True)
            return Fetched({"etat_dossier": stamp}, root=Path(source.target))
        if not force and previous.get("commit"):  # a cold read needs no ls-remote: the clone says its commit
            head = remote_head(source, timeout)
            if previous.get("commit") == head:
                return Fetched({"commit": head}, unchanged=True)
        commit = clone(source, work, timeout)
        return Fetched({"commit": commit}, root=work, ours=True)
    # an open-data CSV
    if source.local:
        from iaterr.base.files import UnsafePath, read_regular

        try:
            st = os.lstat(source.target)
        except OSError as exc:
            raise FetchError("agregation.erreur.introuvable", chemin=source.target) from exc
        if stat.S_ISDIR(st.st_mode):
            raise FetchError("agregation.erreur.dossier-pas-csv", chemin=source.target)
        stamp = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
        if not force and previous.get("etat_fichier") == stamp and previous.get("empreinte"):
            return Fetched({"empreinte": previous["empreinte"], "etat_fichier": stamp}, unchanged=True)
        try:
            raw = read_regular(source.target)
        except UnsafePath as exc:
            raise FetchError("agregation.erreur.lien", chemin=source.target) from exc
        except OSError as exc:
            raise FetchError("agregation.erreur.introuvable", chemin=source.target) from exc
        if len(raw) > MAX_CSV:
            raise FetchError("agregation.erreur.trop-gros", taille=MAX_CSV // (1024 * 1024))
        version: dict[str, Any] = {"empreinte": hashlib.sha256(raw).hexdigest(), "etat_fichier": stamp}
    else:
        got, validators = _http_csv(source, {} if force else previous, timeout)
        if got is None:
            return Fetched({"empreinte": previous.get("empreinte"), **validators}, unchanged=True)
        raw = got
        version = {"empreinte": hashlib.sha256(raw).hexdigest(), **validators}
    if not force and previous.get("empreinte") == version["empreinte"]:
        return Fetched(version, unchanged=True)
    lines = _csv_folder(raw, work)
    return Fetched(version, root=work, ours=True, lines=lines)


def fetch(source: Source, previous: dict[str, Any] | None, work: Path, limits: Limits, *,
          force: bool = False) -> Fetched:
    """:func:`fetch_once`, tried again (``limits.retries`` more times, waiting longer each time) when the
    failure may pass (network, time limit). A local source is never tried again: its failure is certain."""
    attempt = 0
    while True:
        attempt += 1
        if work.exists() and work != Path(source.target):
            remove_tree(work, ignore_errors=True)
        try:
            result = fetch_once(source, previous, work, limits.timeout, force)
            result.attempts = attempt
            return result
        except FetchError as exc:
            if not exc.retry or source.local or attempt > limits.retries:
                exc.params.setdefault("essais", attempt)
                raise
        time.sleep(limits.delay * attempt)
