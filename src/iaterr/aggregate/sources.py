"""The sources file of ``iaterr aggregate``: which repositories and open-data files make the library.

```yaml
nom: Bibliothèque d'IA territoriales        # optional: the aggregate's name (its iaterr.yaml)
sources:
  - depot: https://forge.example/ville/registre-ia.git   # a git repository: URL or local path
    branche: main                                         # optional (default: the remote's HEAD)
  - csv: https://example.org/registre-ia.csv              # an open-data CSV following iaterr's Table Schema
  - depot: ../registre-public                               # a public repository…
    restreint: git@forge.example:ville/registre-restreint.git # …and its restricted store (read by --membres only)
```

The file is untrusted input too: it is read as data (libyaml, no tags), every location is checked
(schemes git knows to be safe only, no option smuggled as a URL, no line break), and a relative path is
taken from the sources file's folder.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from iaterr.model.identifiers import slugify

#: URL schemes a ``depot`` may use (git's ``ext::`` and the like run commands: never).
GIT_SCHEMES = ("https", "http", "ssh", "git", "file")
#: URL schemes a ``csv`` may use (besides a local path).
CSV_SCHEMES = ("https", "http")
#: ``user@host:path``: git's short form of an SSH address.
_SCP_LIKE = re.compile(r"[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+")
_BRANCH = re.compile(r"[A-Za-z0-9._][A-Za-z0-9._/-]{0,199}")
_KEYS = {"depot", "csv", "branche", "nom", "restreint"}
#: a plain scalar YAML would read as a number, a boolean or nothing: not an address (quoted, it is a file name)
_NOT_TEXT = re.compile(r"[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|true|false|yes|no|on|off|null|~|\.inf|\.nan",
                       re.IGNORECASE)


class SourcesError(Exception):
    """A sources file that cannot be used; ``key`` and ``params`` name the message (exit code 2). ``others``: the
    file's other problems, each a SourcesError too (every mistake is said at once, each with its line)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.others: list[SourcesError] = []

    @property
    def all(self) -> list[SourcesError]:
        return [self, *self.others]


@dataclass(frozen=True)
class Source:
    #: "depot" or "csv"
    kind: str
    #: as written in the sources file (credentials removed): what reports and the lock file show
    location: str
    #: what is read: a URL, or an absolute local path
    target: str
    branch: str | None = None
    #: the source's name, as the sources file gives it (optional)
    name: str | None = None
    #: its place in the sources file (0-based): decides ties
    order: int = 0
    #: the restricted store of a public repository (``restreint``: what is read, and as written), read by a
    #: members-only aggregate only
    companion: str | None = None
    companion_shown: str | None = None

    @property
    def local(self) -> bool:
        return "://" not in self.target and not _SCP_LIKE.fullmatch(self.target)

    @property
    def label(self) -> str:
        """How messages name it: its name when the sources file gives one, its address, its branch."""
        shown = self.location + (f" [{self.branch}]" if self.branch else "")
        return f"{self.name} ({shown})" if self.name else shown

    @property
    def key(self) -> str:
        """A stable, file-name-safe key: a readable part and a hash of what is read."""
        h = hashlib.sha256(f"{self.kind}\n{self.location}\n{self.branch or ''}".encode()).hexdigest()[:10]
        tail = self.location.rstrip("/").rsplit("/", 2)[-2:]
        readable = slugify(" ".join(tail).removesuffix(".git").removesuffix(".csv"), 40) or self.kind
        return f"{readable}-{h}"


@dataclass
class SourcesFile:
    sources: list[Source]
    nom: str | None = None
    #: the ``registre:`` section written into the aggregate's ``iaterr.yaml`` (the library's site), checked
    registre: dict[str, Any] | None = None


_TOP_KEYS = ("nom", "registre", "sources")


def _registre(value: Any, check: _Reader) -> dict[str, Any] | None:
    """The ``registre:`` section, checked as ``iaterr.yaml`` checks it, key by key (each mistake said); a ``logo``,
    a file of the repository, has no place in the aggregate: refused. None when it has a mistake."""
    from iaterr.repo.config import RegistreConfig, _Invalid, _registre_from

    def invalid(exc: _Invalid) -> SourcesError:
        path = tuple(int(p) if p.isdigit() else p for p in str(exc.where).replace("[", ".").replace("]", "").split("."))
        return SourcesError("agregation.sources.valeur", ou=check.where(path), detail={"fr": exc.fr, "en": exc.en})

    if not isinstance(value, dict):
        try:
            _registre_from(value, RegistreConfig())
        except _Invalid as exc:
            check.add(invalid(exc))
        return None
    before = len(check.problems)
    for key in value:  # each key alone: one mistake does not hide the next
        try:
            _registre_from({key: value[key]}, RegistreConfig())
        except _Invalid as exc:
            check.add(invalid(exc))
    if value.get("logo") is not None:
        check.add(SourcesError("agregation.sources.valeur", ou=check.where(("registre", "logo")),
                               detail={"t": "agregation.sources.logo"}))
    return dict(value) if len(check.problems) == before else None


def without_credentials(url: str) -> str:
    """``https://user:token@host/x`` → ``https://host/x``: a secret never reaches a report or a file."""
    if "://" not in url:
        return url
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[1], parts.path, parts.query, parts.fragment))


def _location(value: Any, where: Any, kind: str, base: Path) -> tuple[str, str]:
    """(as shown, what is read) of a ``depot`` or ``csv`` value; :class:`SourcesError` when unusable."""
    if not isinstance(value, str) or not value.strip():
        raise SourcesError("agregation.sources.valeur", ou=where,
                           detail={"t": "agregation.sources.adresse-attendue"})
    text = value.strip()
    if any(ord(c) < 32 or c in "\x7f" for c in text) or text.startswith("-"):
        raise SourcesError("agregation.sources.valeur", ou=where, detail={"t": "agregation.sources.caracteres"})
    schemes = GIT_SCHEMES if kind == "depot" else CSV_SCHEMES
    if "://" in text:
        scheme = text.split("://", 1)[0].lower()
        if scheme not in schemes:
            raise SourcesError("agregation.sources.valeur", ou=where, detail={
                "t": "agregation.sources.schema", "p": {"schema": scheme, "schemas": list(schemes)}})
        if scheme == "file":
            return text, text
        shown = without_credentials(text)
        return shown, text
    if "::" in text:  # git's transport helpers (ext::, fd::) run commands
        raise SourcesError("agregation.sources.valeur", ou=where, detail={
            "t": "agregation.sources.schema", "p": {"schema": text.split("::", 1)[0], "schemas": list(schemes)}})
    if kind == "depot" and _SCP_LIKE.fullmatch(text) and not os.path.exists(base / text):
        return text, text
    return text, os.path.abspath(base / os.path.expanduser(text))


class _Place(dict[str, str]):
    """Where a problem is, in French and English (a message parameter), and its line."""

    def __init__(self, line: int, **texts: str) -> None:
        super().__init__(texts)
        self.line = line


class _Reader:
    """The checks of one sources file: each problem kept with its place (``file:line``), none stopping the
    others; :meth:`done` raises them all."""

    def __init__(self, name: str, root: Any) -> None:
        self.name, self.root = name, root
        self.problems: list[SourcesError] = []

    def where(self, path: tuple[Any, ...], *, key: bool = False) -> _Place:
        """``file:line : key.path`` (French) or ``file:line: key.path`` (English), its line kept to sort by."""
        from iaterr.repo.yamlio import position

        line, _column = position(self.root, path, key=key)
        dotted = "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else str(p))
                         for i, p in enumerate(path))
        at = f"{self.name}:{line}"
        return _Place(line, fr=f"{at} : {dotted}" if dotted else at, en=f"{at}: {dotted}" if dotted else at)

    def add(self, exc: SourcesError) -> None:
        self.problems.append(exc)

    def plain_scalar(self, path: tuple[Any, ...]) -> str | None:
        """The text of the scalar at ``path`` when written plain (unquoted), else None."""
        import yaml

        node = self.root
        for part in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                return None
        if isinstance(node, yaml.ScalarNode) and not node.style:
            return str(node.value)
        return None

    def done(self) -> None:
        if self.problems:  # in the order of the file
            self.problems.sort(key=lambda p: p.params["ou"].line if isinstance(p.params.get("ou"), _Place) else 0)
            first = self.problems[0]
            first.others = self.problems[1:]
            raise first


def parse_sources(raw: bytes, name: str, base: Path) -> SourcesFile:
    """The sources file's entries, checked (every problem, each with its line); a relative path is taken from
    ``base``."""
    from iaterr.repo.yamlio import read_document

    doc = read_document(raw, name)
    if doc.data is None:
        first = doc.diagnostics[0] if doc.diagnostics else None
        detail = {lang: first.message(lang) for lang in ("fr", "en")} if first is not None else ""
        where = f"{name}:{first.line}:{first.column}" if first is not None else name
        raise SourcesError("agregation.sources.illisible", fichier=where, detail=detail)
    data = doc.data
    check = _Reader(name, doc.root)
    for diagnostic in doc.diagnostics:  # readable, but not as written (a key given twice: the second one wins)
        at = f"{name}:{diagnostic.line}:{diagnostic.column}"
        check.add(SourcesError("agregation.sources.valeur", ou=_Place(diagnostic.line, fr=at, en=at),
                               detail={lang: diagnostic.message(lang) for lang in ("fr", "en")}))
    if isinstance(data, dict):
        for unknown in sorted(set(map(str, data)) - set(_TOP_KEYS)):
            check.add(SourcesError("agregation.sources.cle-inconnue-haut", ou=check.where((unknown,), key=True),
                                   cle=unknown, cles=", ".join(_TOP_KEYS)))
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        check.add(SourcesError("agregation.sources.forme", fichier=check.where(
            ("sources",) if isinstance(data, dict) and "sources" in data else ())))
        check.done()
    registre = _registre(data["registre"], check) if data.get("registre") is not None else None
    nom = data.get("nom")
    if nom is not None and not isinstance(nom, str):
        check.add(SourcesError("agregation.sources.valeur", ou=check.where(("nom",)),
                               detail={"t": "agregation.sources.texte-attendu"}))
        nom = None
    sources: list[Source] = []
    seen: dict[tuple[str, str, str | None], int] = {}
    for index, entry in enumerate(data["sources"]):
        try:
            source = _entry(check, index, entry, base)
        except SourcesError as exc:
            check.add(exc)
            continue
        identity = (source.kind, source.target, source.branch)
        if identity in seen:
            check.add(SourcesError("agregation.sources.doublon", ou=check.where(("sources", index)),
                                   autre=seen[identity] + 1))
            continue
        seen[identity] = index
        sources.append(source)
    check.done()
    return SourcesFile(sources, nom, registre)


def _address(check: _Reader, entry: dict[str, Any], path: tuple[Any, ...], kind: str, base: Path) -> tuple[str, str]:
    """(as shown, what is read) of the address at ``path`` (the entry's key ``path[-1]``): a text, a number or a
    boolean written plain being refused (quoted, it is a file name)."""
    if _NOT_TEXT.fullmatch(check.plain_scalar(path) or ""):
        raise SourcesError("agregation.sources.valeur", ou=check.where(path),
                           detail={"t": "agregation.sources.pas-un-nombre"})
    return _location(entry[path[-1]], check.where(path), kind, base)


def _entry(check: _Reader, index: int, entry: Any, base: Path) -> Source:
    """The source of the ``index``-th entry; its problems kept in ``check`` (the first one raised)."""
    at = ("sources", index)
    if not isinstance(entry, dict):
        raise SourcesError("agregation.sources.entree", ou=check.where(at))
    for unknown in sorted(set(map(str, entry)) - _KEYS):
        check.add(SourcesError("agregation.sources.cle-inconnue", ou=check.where((*at, unknown), key=True),
                               cle=unknown))
    kinds = [k for k in ("depot", "csv") if k in entry]
    if len(kinds) != 1:
        raise SourcesError("agregation.sources.entree", ou=check.where(at))
    kind = kinds[0]
    shown, target = _address(check, entry, (*at, kind), kind, base)
    branch = entry.get("branche")
    if branch is not None:
        if kind != "depot":
            check.add(SourcesError("agregation.sources.depot-seulement", ou=check.where((*at, "branche"), key=True),
                                   cle="branche"))
        elif not isinstance(branch, str) or not _BRANCH.fullmatch(branch) or ".." in branch:
            raise SourcesError("agregation.sources.valeur", ou=check.where((*at, "branche")),
                               detail={"t": "agregation.sources.branche"})
    label = entry.get("nom")
    if label is not None and not isinstance(label, str):
        raise SourcesError("agregation.sources.valeur", ou=check.where((*at, "nom")),
                           detail={"t": "agregation.sources.texte-attendu"})
    companion = companion_shown = None
    if entry.get("restreint") is not None:
        if kind != "depot":
            check.add(SourcesError("agregation.sources.depot-seulement", ou=check.where((*at, "restreint"), key=True),
                                   cle="restreint"))
        else:
            companion_shown, companion = _address(check, entry, (*at, "restreint"), "depot", base)
    return Source(kind, shown, target, branch, label, index, companion, companion_shown)


def read_sources(path: Path) -> SourcesFile:
    """Read and check the sources file ``path`` (a link or a folder refused)."""
    from iaterr.base.files import UnsafePath, read_regular

    try:
        raw = read_regular(path)
    except UnsafePath as exc:
        raise SourcesError("agregation.sources.lien" if exc.reason == "lien" else "agregation.sources.introuvable",
                           fichier=str(path)) from exc
    except OSError as exc:
        raise SourcesError("agregation.sources.introuvable", fichier=str(path)) from exc
    return parse_sources(raw, str(path), Path(os.path.abspath(path)).parent)
