"""The companion store of restricted facts: where a public repository keeps its restricted fields.

A repository whose ``iaterr.yaml`` says ``public: true`` may hold no value of a restricted field in its
record files (``validate`` says so). Those values live in a *store*: a folder outside the repository's
tracked files (often a private git repository), named by ``restreint:`` in ``iaterr.yaml`` (relative to
the repository's root) or, on one machine, by the :data:`ENV` environment variable. Its layout mirrors
``data/``: ``<store>/cas-usage/<id>.yaml`` holds only the restricted fields of
``data/cas-usage/<id>.yaml``.

``iaterr.yaml`` is untrusted (a merge request can change it), so a store is used only when:

* its folder is not a symbolic link, and nothing under it is read through one;
* it is not inside the repository's tracked tree (unless git ignores it);
* it carries the marker file :data:`MARKER`, written by iaterr, linking it to this repository by what a merge
  request cannot change (:func:`repository_identities`: the repository's absolute path on this machine, its git
  ``origin``): a ``restreint: /etc`` or another collectivité's store is refused, never read. A person links a
  store moved or cloned elsewhere with ``iaterr restreint lier`` (:func:`link`).

The :data:`ENV` variable applies only to repositories that are public or name a store; a store it names whose
marker links it elsewhere is ignored (said), not an error: it is set once for a machine.

A store that is named but absent is not an error: commands then work on public fields only.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iaterr.base.files import os_reason
from iaterr.repo.config import Repository, RepositoryError

#: The marker file of a store, written by iaterr.
MARKER = "iaterr-restreint.yaml"
#: The environment variable that names the store on one machine (wins over ``restreint:``).
ENV = "IATERR_RESTREINT"
#: The record folders mirrored in a store (``data/<folder>/`` → ``<store>/<folder>/``).
MIRRORED = ("cas-usage", "collectivites")


@dataclass(frozen=True)
class Store:
    """A store found and trusted (its marker names this repository)."""

    #: absolute path of the store's folder
    root: Path
    #: how people are told of it (as written in iaterr.yaml or the environment variable)
    shown: str
    #: the repository's root, for paths shown relative to it
    repo_root: Path

    def inner(self, record_rel: str) -> str | None:
        """``data/cas-usage/x.yaml`` → ``cas-usage/x.yaml`` (None: not a record of a mirrored folder)."""
        parts = record_rel.split("/")
        if len(parts) != 3 or parts[0] != "data" or parts[1] not in MIRRORED:
            return None
        return f"{parts[1]}/{parts[2]}"

    def path_of(self, record_rel: str) -> Path | None:
        inner = self.inner(record_rel)
        return None if inner is None else self.root / inner

    def display(self, record_rel: str) -> str:
        """The companion file of ``record_rel`` as diagnostics name it (relative to the repository's root when
        the store is near it)."""
        path = self.path_of(record_rel)
        if path is None:
            return record_rel
        rel = os.path.relpath(path, self.repo_root)
        return (rel if not rel.startswith("../../../") else str(path)).replace(os.sep, "/")


@dataclass(frozen=True)
class Location:
    """Where a repository's store is, and whether it can be used."""

    #: True when ``restreint:`` or the environment variable names a store
    configured: bool
    #: the store, when present and trusted
    store: Store | None = None
    #: the path named (absolute), when configured
    path: Path | None = None
    #: how it was named
    shown: str = ""
    #: where it was named: "iaterr.yaml" or the environment variable
    source: str = ""
    #: a store named by the environment variable whose marker names another repository: ignored, said with
    #: this message key (its parameters: ``chemin``, ``variable``)
    ignored: str = ""

    @property
    def available(self) -> bool:
        return self.store is not None


def repository_identities(repo: Repository) -> set[str]:
    """What names this repository in a store's marker: nothing a merge request can change. Its absolute path on
    this machine (links resolved), and its git remote ``origin`` (credentials, scheme, port and ``.git``
    stripped: ``forge.example/ville/registre-ia``) when it has one. Never ``nom`` nor the folder's name."""
    identities = {os.path.realpath(repo.root)}
    origin = origin_url(repo.root)
    if origin:
        identities.add(origin)
    return identities


def origin_url(root: Path) -> str | None:
    """The normalised ``origin`` address of the git repository at ``root`` (None: not a git repository's root,
    or no ``origin``). Read from git's own configuration (never from a tracked file)."""
    if not os.path.lexists(os.path.join(root, ".git")):
        return None
    try:
        done = subprocess.run(["git", "-C", str(root), "config", "--get", "remote.origin.url"], capture_output=True,
                              timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    url = done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else ""
    return normalise_url(url) if url else None


def normalise_url(url: str) -> str:
    """``https://user:token@Forge.example:443/ville/registre-ia.git/`` → ``forge.example/ville/registre-ia``; the
    scp form ``git@forge.example:ville/registre-ia.git`` gives the same; a local path stays an absolute path."""
    import re

    url = url.strip()
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)$", url)
    if scheme:
        if scheme.group(1).lower() == "file":
            return os.path.realpath(scheme.group(2))
        rest = scheme.group(2)
        host, _, path = rest.partition("/")
    elif re.match(r"^[^/]+:", url) and not re.match(r"^[a-zA-Z]:[\\/]", url):
        host, _, path = url.partition(":")
    else:
        return os.path.realpath(url)
    host = host.rsplit("@", 1)[-1]
    if host.startswith("["):
        host = host.split("]", 1)[0] + "]"
    else:
        host = host.split(":", 1)[0]
    path = path.strip("/")
    if path.endswith(".git"):
        path = path[: -len(".git")]
    return f"{host.lower()}/{path}".rstrip("/")


def repository_name(repo: Repository) -> str:
    """The name written in a new store's marker, for people only (never compared)."""
    nom = repo.config.nom
    return nom.strip() if nom and nom.strip() else repo.root.name


def configured_path(repo: Repository) -> tuple[Path, str, str] | None:
    """The store's path as named (environment variable first, then iaterr.yaml), how it was written and where.
    The environment variable applies only to a repository that is public or names a store itself (it never
    touches another repository of the machine); a relative value is relative to the repository's root."""
    written = repo.config.restreint
    env = os.environ.get(ENV, "").strip()
    if env and (repo.config.public or written):
        return Path(os.path.abspath(repo.root / os.path.expanduser(env))), env, ENV
    if not written:
        return None
    return Path(os.path.abspath(repo.root / written)), written, "iaterr.yaml"


def locate(repo: Repository) -> Location:
    """The repository's store. Absent: ``available`` is False. Raises :class:`RepositoryError` for a store
    that must not be read (a link, inside the tracked tree, no marker or another repository's marker)."""
    named = configured_path(repo)
    if named is None:
        return Location(False)
    path, shown, source = named
    location = Location(True, None, path, shown, source)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return location
    except OSError as exc:
        raise RepositoryError("restreint.illisible", chemin=shown, erreur=os_reason(exc)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise RepositoryError("restreint.lien", chemin=shown, source=source)
    if not stat.S_ISDIR(info.st_mode):
        raise RepositoryError("restreint.pas-un-dossier", chemin=shown, source=source)
    refuse_inside(repo, path, shown)
    try:
        check_marker(repo, path, shown)
    except RepositoryError as exc:
        # the variable is set once for a machine: another repository's store is not this one's, not an error
        if source == ENV and exc.key in ("restreint.autre-depot", "restreint.ancien-marqueur"):
            return Location(True, None, path, shown, source, ignored="restreint.variable-ignoree")
        raise
    return Location(True, Store(path, shown, Path(os.path.abspath(repo.root))), path, shown, source)


def inside_repository(repo: Repository, path: Path) -> bool:
    root = os.path.realpath(repo.root)
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def git_ignored(repo: Repository, path: Path) -> bool:
    """Does git ignore ``path`` in the repository (so that nothing under it can be committed by mistake)?"""
    try:
        done = subprocess.run(["git", "-C", str(repo.root), "check-ignore", "-q", "--no-index", "--",
                               os.path.realpath(path) + "/"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def git_tracks_any(repo: Repository, path: Path) -> bool:
    """Does git track a file under ``path`` (ignored or not: a tracked file is published)? Unknown: yes."""
    try:
        done = subprocess.run(["git", "-C", str(repo.root), "ls-files", "-z", "--", os.path.realpath(path)],
                              capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return True
    return done.returncode != 0 or bool(done.stdout)


def refuse_inside(repo: Repository, path: Path, shown: str) -> None:
    """A store inside the repository's tracked tree would be committed and published with it: refused, unless
    git ignores it and tracks nothing under it."""
    if inside_repository(repo, path) and (not git_ignored(repo, path) or git_tracks_any(repo, path)):
        raise RepositoryError("restreint.dans-le-depot", chemin=shown)


#: The marker's format: 2 links the store to repositories by what a merge request cannot change (``lie-a``);
#: 1 (before) named it by ``nom``, which one can: refused until linked again (``iaterr restreint lier``).
MARKER_VERSION = 2


def marker_text(name: str, links: list[str]) -> str:
    lines = "".join(f"  - {_quoted(link)}\n" for link in sorted(set(links)))
    return ("# Écrit par iaterr : ce dossier garde les champs restreints des dépôts nommés sous « lie-a » (leur\n"
            "# chemin sur cet ordinateur, leur adresse git origin). Ne le publiez jamais. Pour y lier un dépôt\n"
            "# déplacé ou recloné : iaterr restreint lier <ce dossier>.\n"
            "# Written by iaterr: the restricted fields of the repositories listed under lie-a. Never publish it.\n"
            f"iaterr-restreint: {MARKER_VERSION}\ndepot: {_quoted(name)}\nlie-a:\n{lines}")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_marker(path: Path, shown: str) -> dict[str, Any]:
    """The marker of the store at ``path`` as data (``depot``, ``lie-a``, version). Raises
    :class:`RepositoryError` (``restreint.sans-marqueur``) when there is none or it is not iaterr's."""
    from iaterr.base.files import UnsafePath, read_regular
    from iaterr.repo.yamlio import read_document

    try:
        raw = read_regular(path / MARKER)
    except (OSError, UnsafePath) as exc:
        raise RepositoryError("restreint.sans-marqueur", chemin=shown, marqueur=MARKER) from exc
    doc = read_document(raw, MARKER)
    data = doc.data if isinstance(doc.data, dict) else {}
    if data.get("iaterr-restreint") is None:
        raise RepositoryError("restreint.sans-marqueur", chemin=shown, marqueur=MARKER)
    return data


def marker_links(data: dict[str, Any]) -> list[str]:
    links = data.get("lie-a")
    return [str(x).strip() for x in links if isinstance(x, str) and x.strip()] if isinstance(links, list) else []


def check_marker(repo: Repository, path: Path, shown: str) -> None:
    """The marker of the store at ``path`` must link it to this repository (:func:`repository_identities`).
    Raises :class:`RepositoryError`: no marker, an old marker (``nom`` only), another repository's."""
    data = read_marker(path, shown)
    name = data.get("depot")
    name = name.strip() if isinstance(name, str) else ""
    links = marker_links(data)
    if not links:
        raise RepositoryError("restreint.ancien-marqueur", chemin=shown, marqueur=MARKER, nom=name or "?")
    if not set(links) & repository_identities(repo):
        raise RepositoryError("restreint.autre-depot", chemin=shown, marqueur=MARKER, nom=name or "?",
                              depot=os.path.realpath(repo.root))


def _a_folder(path: Path, shown: str) -> None:
    """A store named by a person must be a folder itself, not a link. Raises :class:`RepositoryError`."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise RepositoryError("restreint.illisible", chemin=shown, erreur=os_reason(exc)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise RepositoryError("restreint.lien", chemin=shown, source="")
    if not stat.S_ISDIR(info.st_mode):
        raise RepositoryError("restreint.pas-un-dossier", chemin=shown, source="")


def link(repo: Repository, path: Path, shown: str) -> list[str]:
    """Link the store at ``path`` (one with an iaterr marker, old or new) to this repository: its identities added
    to the marker's ``lie-a`` (the ones there kept), written atomically. Asked for by a person naming the folder,
    never done because iaterr.yaml says so. Returns the identities added. Raises :class:`RepositoryError`."""
    from iaterr.repo.writing import write_whole

    _a_folder(path, shown)
    refuse_inside(repo, path, shown)
    data = read_marker(path, shown)
    links = marker_links(data)
    added = sorted(repository_identities(repo) - set(links))
    name = data.get("depot")
    name = name.strip() if isinstance(name, str) and name.strip() else repository_name(repo)
    if added or data.get("iaterr-restreint") != MARKER_VERSION:
        write_whole(path / MARKER, marker_text(name, links + added), root=path)
    return added


def create(repo: Repository, path: Path, shown: str) -> Store:
    """Make the store at ``path`` (its folder and marker) or check the one there. Raises
    :class:`RepositoryError`."""

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise RepositoryError("restreint.lien", chemin=shown, source="")
    refuse_inside(repo, path, shown)
    if info is None or not (path / MARKER).exists():
        if info is not None and any(os.scandir(path)):
            # a folder already holding other things is not made a store silently
            entries = [e.name for e in os.scandir(path) if not e.name.startswith(".")]
            if entries:
                raise RepositoryError("restreint.dossier-occupe", chemin=shown, marqueur=MARKER)
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_store_file(path, path / MARKER, marker_text(repository_name(repo), sorted(repository_identities(repo))))
    check_marker(repo, path, shown)
    return Store(Path(os.path.abspath(path)), shown, Path(os.path.abspath(repo.root)))


def read_companion(store: Store, record_rel: str) -> bytes | None:
    """The bytes of the companion file of ``record_rel`` (None: there is none). Nothing is read through a link.
    Raises :class:`~iaterr.base.files.UnsafePath` or :class:`OSError`."""
    from iaterr.base.files import contained, read_regular

    path = store.path_of(record_rel)
    if path is None:
        return None
    try:
        contained(store.root, path, must_exist=True)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return read_regular(path)


def companion_fields(store: Store, record_rel: str) -> dict[str, Any]:
    """The restricted fields the companion file of ``record_rel`` holds, as plain text data (empty: none)."""
    from iaterr.repo.yamlio import read_document

    raw = read_companion(store, record_rel)
    if raw is None:
        return {}
    doc = read_document(raw, store.display(record_rel))
    return dict(doc.data) if isinstance(doc.data, dict) else {}


def write_companion(store: Store, record_rel: str, values: dict[str, Any],
                    comments: dict[str, str] | None = None) -> Path:
    """Add ``values`` (restricted fields, plain data) to the companion file of ``record_rel``, keeping its
    comments and the values it holds already (round trip), atomically; ``comments``: a field's own comments
    (``# …``), written at the end of its line. Returns its path."""
    from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml

    path = store.path_of(record_rel)
    if path is None:
        raise RepositoryError("restreint.hors-dossier", chemin=record_rel)
    raw = read_companion(store, record_rel)
    head = ""
    document: Any = roundtrip_yaml().load(raw.decode("utf-8")) if raw is not None and raw.strip() else None
    if document is None:  # no file, an empty one or one of comments only: no value yet (its comments kept)
        from ruamel.yaml.comments import CommentedMap

        head = raw.decode("utf-8").rstrip() + "\n" if raw is not None and raw.strip() else ""
        document = CommentedMap()
    elif not isinstance(document, dict):
        raise RepositoryError("restreint.compagnon-invalide", chemin=store.display(record_rel))
    for name, value in values.items():
        document[name] = value
        if comments and comments.get(name):
            document.yaml_add_eol_comment(comments[name], name)
    write_store_file(store.root, path, head + dump_roundtrip(document))
    return path


def write_store_file(root: Path, path: Path, text: str) -> None:
    """Write a file of the store at ``root`` whole (temporary file and rename), never through a link; the folders
    it makes are 0700 and a new file 0600, as the store's own folder (a file already there keeps its mode).
    Raises :class:`RepositoryError`."""
    from iaterr.repo.writing import write_whole

    folder, missing = path.parent, []
    while folder != root and not os.path.lexists(folder) and root in folder.parents:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            raise RepositoryError("cli.ecriture-impossible", chemin=str(made), erreur=os_reason(exc)) \
                from exc
    new = not os.path.lexists(path)
    write_whole(path, text, root=root)
    if new:
        os.chmod(path, 0o600)


def remove_from_companion(store: Store, record_rel: str, names: list[str]) -> None:
    """Drop ``names`` from the companion file of ``record_rel`` (the file is removed when nothing is left)."""
    from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml

    path = store.path_of(record_rel)
    raw = read_companion(store, record_rel)
    if path is None or raw is None:
        return
    document = roundtrip_yaml().load(raw.decode("utf-8"))
    if not isinstance(document, dict):
        return
    for name in names:
        document.pop(name, None)
    if document:
        write_store_file(store.root, path, dump_roundtrip(document))
    else:
        path.unlink(missing_ok=True)


def open_store(path: Path, shown: str, source: Iterable[str]) -> Store:
    """A store named by someone trusted (an aggregate's sources file), not by the repository it goes with: it must
    be a folder (not a link) carrying an iaterr marker that links it to ``source`` (what names the repository it
    is said to go with: :func:`source_identities`). A marker that links the store to other repositories only is
    refused (a store named under the wrong source would give one collectivité's restricted values to another's
    records), and so is one that links it to none, as an earlier version wrote them (it cannot be compared).
    Raises :class:`RepositoryError`."""
    _a_folder(path, shown)
    data = read_marker(path, shown)
    links = marker_links(data)
    if not links:
        raise RepositoryError("agregation.restreint.sans-lien", chemin=shown, marqueur=MARKER)
    if not set(links) & set(source):
        name = data.get("depot")
        raise RepositoryError("agregation.restreint.autre-depot", chemin=shown, marqueur=MARKER,
                              nom=name.strip() if isinstance(name, str) and name.strip() else "?", lies=links[:3])
    root = Path(os.path.abspath(path))
    return Store(root, shown, root)


def source_identities(target: str) -> set[str]:
    """What names the repository read at ``target`` (an aggregate's source: a local path or an address) as a
    store's marker names it (:func:`repository_identities`): its real path and its ``origin``, or its address
    normalised."""
    if "://" in target and not target.lower().startswith("file://"):
        return {normalise_url(target)}
    local = normalise_url(target) if target.lower().startswith("file://") else os.path.realpath(target)
    if not os.path.isdir(local):
        return {normalise_url(target)}
    identities = {local}
    origin = origin_url(Path(local))
    if origin:
        identities.add(origin)
    return identities
