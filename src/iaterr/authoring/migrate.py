"""``iaterr migrate``: records written in an older format brought to the current one, in place.

A change of the record format bumps ``version_schema`` (:data:`iaterr.SCHEMA_VERSION`). Records of an
older supported version keep validating; this module upgrades them when the collectivité chooses to,
keeping everything else of the file byte for byte: comments, key order, quoting, folded texts, blank
lines.

How a record is upgraded: the chain of :class:`Step` from its version to the current one
(:data:`STEPS`, one step per format change) is applied to its ruamel.yaml round-trip document, and the
version is set. A step that renames or restructures fields does it in its ``transform`` (a function of the
round-trip document and the record's kind); a step that only adds optional fields, as 1.0 → 1.1, has
none. The text written is ruamel's, checked first to give the file back unchanged when nothing is changed
(when it does not — an unusual indentation, Windows line ends — and the steps change only the version,
the version's value is replaced in the text itself; a step that would change more is refused for that
file, which is said). The result is read again, as ``validate`` reads it, before it is written.

Files are found as every command finds them (:func:`iaterr.check.loader.collect_files`): a symbolic link
is never followed, nothing outside the record folders of ``data/`` is read or written, and every file is
written whole, through a temporary file, never through a link (:func:`iaterr.repo.writing.write_whole`).
A file that changed since it was read is left alone. Nothing here prints: the command says what
:func:`migrate_repository` returns.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from iaterr.base.diagnostics import Diagnostic, with_hint
from iaterr.base.files import UnsafePath, os_reason, read_regular
from iaterr.check.loader import collect_files
from iaterr.model.fields import version_key
from iaterr.repo.config import Repository, RepositoryError
from iaterr.repo.writing import write_whole
from iaterr.repo.yamlio import BOM, dump_roundtrip, position, read_document, roundtrip_yaml, span

# ---------------------------------------------------------------- the steps


class StepRefused(Exception):
    """A step that cannot apply to one record (say, two fields it would merge are both set): the record is
    left alone, and ``key`` (a message key of the migration family) with ``params`` says why."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


#: What a step does to a record besides setting the version: a function of the round-trip document (a
#: ruamel ``CommentedMap``, changed in place, comments travel with their keys) and the record's kind
#: (``cas_usage``, ``collectivite``). It may raise :class:`StepRefused`.
Transform = Callable[[Any, str], None]


@dataclass(frozen=True)
class Step:
    """One change of the record format, from ``source`` to ``target``."""

    source: str
    target: str
    #: None: the step only sets the version (the new format only adds optional fields)
    transform: Transform | None = None
    #: what changes for a record, in French and English (docs, report)
    fr: str = ""
    en: str = ""


#: Every change of the record format, oldest first. A new format adds its step here, and its version to
#: :data:`iaterr.SUPPORTED_SCHEMA_VERSIONS` (a test checks that every supported version leads to the
#: current one).
STEPS: tuple[Step, ...] = (
    Step("1.0", "1.1", None,
         fr="Nouveaux champs facultatifs (qualification, RGPD, obligations du déployeur au sens du règlement sur "
            "l'IA, canaux de demande de la collectivité) ; aucun champ renommé ni supprimé : seule la version "
            "change.",
         en="New optional fields (qualification, GDPR, AI Act deployer duties, the authority's request "
            "channels); no field renamed or removed: only the version changes."),
    Step("1.1", "1.2", None,
         fr="Nouveaux champs facultatifs d'un cas d'usage : le résumé (« resume », 150 caractères au plus) et le "
            "service responsable (« service_responsable ») ; aucun champ renommé ni supprimé : seule la version "
            "change.",
         en="New optional fields of a use case: the summary (“resume”, 150 characters at most) and the "
            "department in charge (“service_responsable”); no field renamed or removed: only the version "
            "changes."),
)


def chain(version: str, *, steps: Iterable[Step] = STEPS, current: str = SCHEMA_VERSION) -> list[Step] | None:
    """The steps that take a record of ``version`` to ``current`` (empty when it is current), or None when
    no chain of steps leads there (an unknown or newer version)."""
    by_source = {s.source: s for s in steps}
    out: list[Step] = []
    while version != current:
        step = by_source.get(version)
        if step is None or len(out) > len(by_source):
            return None
        out.append(step)
        version = step.target
    return out


# ---------------------------------------------------------------- one file

#: The record was (or, with ``--check``, would be) upgraded.
MIGREE = "migree"
#: Already in the current format: nothing to do.
A_JOUR = "a-jour"
#: Left alone, with the reason: its status is one of these.
PROBLEMS = (
    "version-recente",  # written by a newer iaterr
    "version-inconnue",  # a version no iaterr ever wrote (or that this one no longer reads)
    "version-absente",  # no version_schema, or not a text
    "illisible",  # not a YAML mapping iaterr can read (syntax, encoding, duplicate key…)
    "ecartee",  # not read at all: a symbolic link, a misnamed file
    "mise-en-page",  # the steps would change more than the version and ruamel would not keep the layout
    "refusee",  # a step refused this record (StepRefused)
    "verification",  # the result did not read back as expected (a bug): not written
    "modifiee",  # the file changed since it was read: not written
    "non-ecrite",  # the system refused the write (read-only folder, full disk…)
)


@dataclass
class Outcome:
    """What migration did (or would do) to one file."""

    rel: str
    status: str
    #: the version found in the file, and the one written (or that would be)
    depuis: str | None = None
    vers: str | None = None
    line: int = 1
    column: int = 1
    #: why the file was left alone: a message (``{"t": key, "p": params}``) or a diagnostic of the file
    raison: dict[str, Any] | None = None
    diagnostic: Diagnostic | None = None
    #: the new text (bytes), when the file is to be upgraded
    after: bytes | None = field(default=None, repr=False)

    @property
    def problem(self) -> bool:
        return self.status in PROBLEMS


def migrate_bytes(raw: bytes, rel: str, kind: str, *, steps: Iterable[Step] = STEPS,
                  current: str = SCHEMA_VERSION) -> Outcome:
    """The upgrade of one record file's bytes (nothing read or written here): an :class:`Outcome` whose
    ``after`` holds the new bytes when the status is :data:`MIGREE`."""
    steps = tuple(steps)
    doc = read_document(raw, rel)
    first = next((d for d in doc.diagnostics if d.code != "bom"), None)  # what the reader said first
    if not isinstance(doc.data, dict):
        if first is None:  # a root that is not a mapping gives a diagnostic: this is a safeguard
            return Outcome(rel, "illisible", raison={"t": "migration.pas-une-table"})
        return Outcome(rel, "illisible", line=first.line, column=first.column, diagnostic=first)
    version = doc.data.get("version_schema")
    line, column = position(doc.root, ("version_schema",))
    if not isinstance(version, str) or not version.strip():
        return Outcome(rel, "version-absente", line=line, column=column)
    if version == current:
        return Outcome(rel, A_JOUR, version, version, line, column)
    plan = chain(version, steps=steps, current=current)
    if plan is None:
        newer = version_key(version) > version_key(current) and version not in SUPPORTED_SCHEMA_VERSIONS
        return Outcome(rel, "version-recente" if newer else "version-inconnue", version, None, line, column)
    outcome = Outcome(rel, MIGREE, version, current, line, column)

    bom = raw.startswith(BOM)
    text = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")  # read_document decoded it already
    crlf = "\r\n" in text and "\n" not in text.replace("\r\n", "")
    plain = text.replace("\r\n", "\n") if crlf else text
    try:
        tree = roundtrip_yaml().load(io.StringIO(plain))
    except Exception as exc:  # noqa: BLE001 - what ruamel refuses (a duplicate key…) is said, never raised
        outcome.status, outcome.vers = "illisible", None
        if first is not None:
            outcome.line, outcome.column, outcome.diagnostic = first.line, first.column, first
        else:
            outcome.raison = {"t": "migration.yaml-refuse", "p": {"detail": _problem(exc)}}
        return outcome
    faithful = dump_roundtrip(tree) == plain
    try:
        for step in plan:
            if step.transform is not None:
                step.transform(tree, kind)
    except StepRefused as exc:
        outcome.status, outcome.vers = "refusee", None
        outcome.raison = {"t": exc.key, "p": exc.params}
        return outcome
    only_version = all(step.transform is None for step in plan)
    if faithful:
        _set_version(tree, current)
        new = dump_roundtrip(tree)
        if crlf:
            new = new.replace("\n", "\r\n")
    elif only_version:
        new = _replace_version(text, doc.root, version, current)
    else:
        outcome.status, outcome.vers = "mise-en-page", None
        return outcome
    after = (BOM if bom else b"") + new.encode("utf-8")
    if not _reads_back(after, rel, doc.data, current, only_version):
        outcome.status, outcome.vers = "verification", None
        return outcome
    outcome.after = after
    return outcome


def _problem(exc: Exception) -> str:
    problem = getattr(exc, "problem", None)
    return str(problem or exc).strip().splitlines()[0] if str(problem or exc).strip() else type(exc).__name__


def _set_version(tree: Any, version: str) -> None:
    """``version_schema`` set in the round-trip document, quoted as it was (a plain ``1.0``, which YAML reads
    as a number, becomes ``'1.1'``: iaterr reads both as the text)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    old = tree.get("version_schema")
    if isinstance(old, SingleQuotedScalarString):
        tree["version_schema"] = SingleQuotedScalarString(version)
    else:
        tree["version_schema"] = DoubleQuotedScalarString(version) if isinstance(old, DoubleQuotedScalarString) \
            else version


def _replace_version(text: str, root: Any, old: str, new: str) -> str:
    """``text`` with the value of ``version_schema`` replaced where it is written, quotes kept: the rest of
    the file untouched, whatever its layout. Raises nothing; gives ``text`` unchanged when the value is not
    written as a plain or quoted ``old`` (the check that follows then refuses the file)."""
    start, end = span(root, ("version_schema",))
    token = text[start:end]
    quote = token[:1] if token[:1] in ("'", '"') and token[-1:] == token[:1] and len(token) >= 2 else ""
    if token != f"{quote}{old}{quote}":
        return text
    return text[:start] + f"{quote}{new}{quote}" + text[end:]


def _reads_back(after: bytes, rel: str, before: dict[str, Any], current: str, only_version: bool) -> bool:
    """Does the new text read, as ``validate`` reads it, as a record of ``current`` — and, when the steps
    only set the version, as the same record otherwise?"""
    doc = read_document(after, rel)
    if not isinstance(doc.data, dict) or doc.data.get("version_schema") != current:
        return False
    if only_version:
        return {**doc.data, "version_schema": None} == {**before, "version_schema": None}
    return True


# ---------------------------------------------------------------- the repository


@dataclass
class MigrationReport:
    outcomes: list[Outcome]
    #: False for ``--check``: nothing was written
    written: bool
    current: str = SCHEMA_VERSION

    @property
    def changed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == MIGREE]

    @property
    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.problem]

    @property
    def up_to_date(self) -> int:
        return sum(1 for o in self.outcomes if o.status == A_JOUR)

    @property
    def exit_code(self) -> int:
        """2: a file the system refused to write; 1: a file left alone for its content, or (``--check``) a
        file to upgrade; 0: every record is (now) in the current format."""
        if any(o.status == "non-ecrite" for o in self.outcomes):
            return 2
        if self.problems or (not self.written and self.changed):
            return 1
        return 0


def migrate_repository(repo: Repository, paths: Iterable[Path] | None = None, *, write: bool,
                       steps: Iterable[Step] = STEPS, current: str = SCHEMA_VERSION) -> MigrationReport:
    """Upgrade the records of ``repo`` (or those under ``paths``) to ``current``; with ``write=False``, only
    say what would change. A file that cannot be read, or written, is an outcome, never an exception."""
    steps = tuple(steps)
    found = collect_files(repo, list(paths) if paths else None)
    outcomes = [Outcome(d.file, "ecartee", line=d.line, column=d.column, diagnostic=d) for d in found.diagnostics]
    data = os.path.abspath(repo.data_dir) + os.sep
    for f in found.files:
        if not os.path.abspath(f.path).startswith(data):  # collect_files gives only data/: a safeguard
            continue
        try:
            raw = read_regular(f.path, f.inode)
        except UnsafePath as exc:
            outcomes.append(_unread(f.rel, exc))
            continue
        except OSError as exc:
            outcomes.append(Outcome(f.rel, "illisible", raison={"t": "migration.lecture",
                                                                  "p": {"erreur": os_reason(exc)}}))
            continue
        outcome = migrate_bytes(raw, f.rel, f.kind, steps=steps, current=current)
        if write and outcome.status == MIGREE and outcome.after is not None:
            _write(repo, f.path, f.inode, raw, outcome, f.kind)
        outcomes.append(outcome)
    outcomes.sort(key=lambda o: o.rel)
    return MigrationReport(outcomes, write, current)


def _unread(rel: str, exc: UnsafePath) -> Outcome:
    if exc.reason == "lien":  # a link appeared since the files were listed: said as the loader says it
        d = Diagnostic("lien-symbolique", rel, params=with_hint({"cible": exc.target}, "lien-symbolique"))
        return Outcome(rel, "ecartee", diagnostic=d)
    return Outcome(rel, "illisible", raison={"t": "migration.lecture", "p": {"erreur": {"t": f"erreur.{exc.reason}"}}})


def _write(repo: Repository, path: str, inode: int, raw: bytes, outcome: Outcome, kind: str) -> None:
    """Write the upgraded file, unless it changed since it was read; a refusal is the outcome's status."""
    assert outcome.after is not None
    try:
        if read_regular(path, inode) != raw:
            outcome.status, outcome.vers = "modifiee", None
            return
    except (OSError, UnsafePath):
        outcome.status, outcome.vers = "modifiee", None
        return
    try:
        from iaterr.authoring.separer import route, store_routed

        # a public repository: a restricted value is never written back into a record file, it goes to the store
        routed = route(repo, outcome.rel, kind, outcome.after.decode("utf-8"))
        store_routed(routed)
        write_whole(Path(path), routed.text, root=repo.root)
    except RepositoryError as exc:
        outcome.status, outcome.vers = "non-ecrite", None
        outcome.raison = {"t": exc.key, "p": exc.params}
