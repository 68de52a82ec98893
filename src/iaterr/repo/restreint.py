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
* it carries the marker file :data:`MARKER`, written by iaterr, naming this repository: a
  ``restreint: /etc`` or another collectivité's store is refused, never read.

A store that is named but absent is not an error: commands then work on public fields only.
"""

from __future__ import annotations

import os
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

    @property
    def available(self) -> bool:
        return self.store is not None


def repository_names(repo: Repository) -> set[str]:
    """The names a marker may give this repository: its ``nom`` in iaterr.yaml, and its folder's name."""
    names = {repo.root.name}
    if repo.config.nom and repo.config.nom.strip():
        names.add(repo.config.nom.strip())
    return names


def repository_name(repo: Repository) -> str:
    """The name written in a new store's marker."""
    nom = repo.config.nom
    return nom.strip() if nom and nom.strip() else repo.root.name


def configured_path(repo: Repository) -> tuple[Path, str, str] | None:
    """The store's path as named (environment variable first, then iaterr.yaml), how it was written and where."""
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(os.path.abspath(os.path.expanduser(env))), env, ENV
    written = repo.config.restreint
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
        raise RepositoryError("restreint.illisible", chemin=shown, erreur=exc.strerror or str(exc)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise RepositoryError("restreint.lien", chemin=shown, source=source)
    if not stat.S_ISDIR(info.st_mode):
        raise RepositoryError("restreint.pas-un-dossier", chemin=shown, source=source)
    refuse_inside(repo, path, shown)
    check_marker(repo, path, shown)
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


def marker_text(name: str) -> str:
    return ("# Écrit par iaterr : ce dossier garde les champs restreints des fiches du dépôt nommé ci-dessous.\n"
            "# Ne le publiez jamais. Written by iaterr: the restricted fields of the repository named below.\n"
            f"iaterr-restreint: 1\ndepot: {_quoted(name)}\n")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check_marker(repo: Repository, path: Path, shown: str) -> None:
    from iaterr.base.files import UnsafePath, read_regular
    from iaterr.repo.yamlio import read_document

    try:
        raw = read_regular(path / MARKER)
    except (OSError, UnsafePath) as exc:
        raise RepositoryError("restreint.sans-marqueur", chemin=shown, marqueur=MARKER) from exc
    doc = read_document(raw, MARKER)
    data = doc.data if isinstance(doc.data, dict) else {}
    name = data.get("depot")
    if data.get("iaterr-restreint") is None or not isinstance(name, str):
        raise RepositoryError("restreint.sans-marqueur", chemin=shown, marqueur=MARKER)
    if name.strip() not in repository_names(repo):
        raise RepositoryError("restreint.autre-depot", chemin=shown, marqueur=MARKER, nom=name.strip(),
                              depot=repository_name(repo))


def create(repo: Repository, path: Path, shown: str) -> Store:
    """Make the store at ``path`` (its folder and marker) or check the one there. Raises
    :class:`RepositoryError`."""
    from iaterr.repo.writing import write_whole

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
        write_whole(path / MARKER, marker_text(repository_name(repo)), root=path)
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


def write_companion(store: Store, record_rel: str, values: dict[str, Any]) -> Path:
    """Add ``values`` (restricted fields, plain data) to the companion file of ``record_rel``, keeping its
    comments and the values it holds already (round trip), atomically. Returns its path."""
    from iaterr.repo.writing import write_whole
    from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml

    path = store.path_of(record_rel)
    if path is None:
        raise RepositoryError("restreint.hors-dossier", chemin=record_rel)
    raw = read_companion(store, record_rel)
    if raw is not None and raw.strip():
        document = roundtrip_yaml().load(raw.decode("utf-8"))
        if not isinstance(document, dict):
            raise RepositoryError("restreint.compagnon-invalide", chemin=store.display(record_rel))
    else:
        from ruamel.yaml.comments import CommentedMap

        document = CommentedMap()
    for name, value in values.items():
        document[name] = value
    write_whole(path, dump_roundtrip(document), root=store.root)
    return path


def remove_from_companion(store: Store, record_rel: str, names: list[str]) -> None:
    """Drop ``names`` from the companion file of ``record_rel`` (the file is removed when nothing is left)."""
    from iaterr.repo.writing import write_whole
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
        write_whole(path, dump_roundtrip(document), root=store.root)
    else:
        path.unlink(missing_ok=True)


def open_store(path: Path, shown: str) -> Store:
    """A store named by someone trusted (an aggregate's sources file), not by the repository it goes with: it must
    be a folder (not a link) carrying an iaterr marker; the repository it names is not compared. Raises
    :class:`RepositoryError`."""
    from iaterr.base.files import UnsafePath, read_regular
    from iaterr.repo.yamlio import read_document

    try:
        info = os.lstat(path)
    except OSError as exc:
        raise RepositoryError("restreint.illisible", chemin=shown, erreur=exc.strerror or str(exc)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise RepositoryError("restreint.lien", chemin=shown, source="")
    if not stat.S_ISDIR(info.st_mode):
        raise RepositoryError("restreint.pas-un-dossier", chemin=shown, source="")
    try:
        raw = read_regular(path / MARKER)
    except (OSError, UnsafePath) as exc:
        raise RepositoryError("restreint.sans-marqueur", chemin=shown, marqueur=MARKER) from exc
    data = read_document(raw, MARKER).data
    if not isinstance(data, dict) or data.get("iaterr-restreint") is None:
        raise RepositoryError("restreint.sans-marqueur", chemin=shown, marqueur=MARKER)
    root = Path(os.path.abspath(path))
    return Store(root, shown, root)
