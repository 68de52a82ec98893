"""The one way a record is created: ``iaterr init`` (its collectivité), ``iaterr new`` and ``iaterr import``.

:func:`new_record` turns canonical data into the text of a record file — the model's field order,
section comments, the identifier made from the name when none is given, ``version_schema``, the date of
the update for a new use case — and checks that text exactly as ``validate`` will read it, together with
the reference to its collectivité. :func:`write_record` writes it, atomically, never over an existing
record and never through a symbolic link. Nothing is written when the record would not be valid.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iaterr import SCHEMA_VERSION
from iaterr.base.diagnostics import Diagnostic, Severity, with_hint
from iaterr.check.loader import Want, load
from iaterr.check.validate import check_file
from iaterr.model import KINDS
from iaterr.model.identifiers import slugify
from iaterr.repo.config import Repository
from iaterr.repo.records import render_record
from iaterr.repo.writing import write_whole


class RecordExists(Exception):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class RecordRefused(Exception):
    """A record that would not be valid: nothing was written."""

    def __init__(self, record: NewRecord) -> None:
        super().__init__(record.rel)
        self.record = record


@dataclass
class NewRecord:
    kind: str
    identifiant: str
    path: Path
    #: path relative to the repository root
    rel: str
    #: the data as written (canonical values)
    data: dict[str, Any]
    #: the text of the file
    text: str
    #: errors that refuse the record (empty: it can be written)
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def existing_identifiers(repo: Repository, kind: str) -> set[str]:
    """The identifiers (file names) of the records of ``kind``, whatever their extension."""
    folder = repo.kind_dir(kind)
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return set()
    return {n.rsplit(".", 1)[0] for n in names if n.lower().endswith((".yaml", ".yml"))}


#: The longest identifier (``identifiant-invalide`` refuses a longer one).
MAX_IDENTIFIER = 80


def free_identifier(base: str, used: Container[str]) -> str:
    """``base`` (``fiche`` when empty), or ``base-2``, ``base-3``… whichever is not in ``used``; ``base`` is
    shortened to make room for the suffix, so that no identifier is longer than :data:`MAX_IDENTIFIER`."""
    base = base or "fiche"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        suffix = f"-{n}"
        candidate = base[: MAX_IDENTIFIER - len(suffix)].rstrip("-") + suffix
    return candidate


@dataclass(frozen=True)
class KnownCollectivite:
    """A collectivité of the repository, as ``iaterr new`` offers it."""

    identifiant: str
    nom: str
    #: its public data (empty when the record is not valid)
    data: dict[str, Any]
    #: the record's file, relative to the repository, when the record is not valid ("" when it is)
    invalide: str = ""


def collectivites(repo: Repository) -> list[KnownCollectivite]:
    """Every collectivité of the repository, by name: one per record file (:func:`existing_identifiers`). A
    record that is not valid (``validate`` says why) is there too, named by its identifier, without data:
    a use case may name it all the same."""
    report = load(repo, [repo.kind_dir("collectivite")], want=Want(public=frozenset({"collectivite"})))
    errors = report.files_with_errors()
    files = {_stem(d.file): d.file for d in report.diagnostics}
    files.update({_stem(r.rel): r.rel for r in report.records("collectivite")})
    out: dict[str, KnownCollectivite] = {}
    for r in report.records("collectivite"):
        if r.public is not None and r.rel not in errors:
            ident = str(r.public["identifiant"])
            out[ident] = KnownCollectivite(ident, str(r.public.get("nom") or ident), dict(r.public))
    for ident in existing_identifiers(repo, "collectivite") - set(out):
        rel = files.get(ident) or f"data/{KINDS['collectivite'][0]}/{ident}.yaml"
        out[ident] = KnownCollectivite(ident, ident, {}, rel)
    return sorted(out.values(), key=lambda c: c.nom.casefold())


def _stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def new_record(repo: Repository, kind: str, data: dict[str, Any], *, lang: str = "fr",
               known_collectivites: set[str] | None = None, today: date | None = None,
               finish: Callable[[str, dict[str, Any]], str] | None = None,
               stamp_update: bool = True) -> NewRecord:
    """The record of ``kind`` made of ``data`` (canonical values), checked; see the module's docstring.

    ``known_collectivites``: the identifiers a use case may refer to (read from the repository when None).
    ``finish(text, data)`` may add comments to the text before it is checked (the importer's marker and
    justified silences). ``stamp_update``: a new use case without ``date_mise_a_jour`` gets today's date (not
    for a copy of another register's record, whose date is that register's)."""
    data = {k: v for k, v in data.items() if v is not None and v != "" and v != []}
    ident = str(data.get("identifiant") or "")
    if not ident:
        ident = free_identifier(slugify(str(data.get("nom") or "")), existing_identifiers(repo, kind))
    data = {"identifiant": ident, **{k: v for k, v in data.items() if k != "identifiant"}}
    if kind == "cas_usage" and stamp_update:
        data.setdefault("date_mise_a_jour", (today or date.today()).isoformat())
    text = render_record(kind, data, lang=lang)
    if finish is not None:
        text = finish(text, data)
    folder = KINDS[kind][0]
    rel = f"data/{folder}/{ident}.yaml"
    path = Path(repo.root) / rel
    checked = check_file(text.encode("utf-8"), rel, kind)
    problems = [d for d in checked.result.diagnostics if d.severity == Severity.ERROR]
    if kind == "cas_usage" and data.get("collectivite"):
        known = (known_collectivites if known_collectivites is not None
                 else existing_identifiers(repo, "collectivite"))
        problem = collectivite_problem(rel, str(data["collectivite"]), known)
        if problem is not None:
            problems.append(problem)
    return NewRecord(kind, ident, path, rel, {"version_schema": SCHEMA_VERSION, **data}, text, problems)


def collectivite_problem(rel: str, collectivite: str, known: Container[str]) -> Diagnostic | None:
    """The error of a use case ``rel`` naming a collectivité that is not in ``known`` (None when it is)."""
    if collectivite in known:
        return None
    folder = f"data/{KINDS['collectivite'][0]}/"
    return Diagnostic("collectivite-inconnue", rel, path=("collectivite",), params=with_hint(
        {"collectivite": collectivite, "dossier": folder}, "collectivite-creer",
        fichier=f"{folder}{collectivite}.yaml"))


def write_record(repo: Repository, record: NewRecord) -> Path:
    """Write ``record`` (atomically, never over an existing record, never through a link); raises
    :class:`RecordRefused` when it is not valid, :class:`RecordExists`, or
    :class:`~iaterr.repo.config.RepositoryError` when it cannot be written (a link on the way, a full disk…)."""
    if not record.valid:
        raise RecordRefused(record)
    if record.identifiant in existing_identifiers(repo, record.kind):
        raise RecordExists(record.path)
    from iaterr.authoring.separer import route, store_routed

    routed = route(repo, record.rel, record.kind, record.text)  # a public repository: restricted values to its store
    store_routed(routed)
    write_whole(record.path, routed.text, root=repo.root)
    return record.path


__all__ = ["KnownCollectivite", "NewRecord", "RecordExists", "RecordRefused", "collectivite_problem", "collectivites",
           "existing_identifiers",
           "free_identifier", "new_record", "write_record"]
