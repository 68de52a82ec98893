"""What every export starts from: the valid records, their collectivité, and
only the fields that may be published.

``load_items`` reads the repository, keeps the records that pass validation
(the others are returned as skipped, with their errors) and gives each use case
with its collectivité as plain data. ``visible`` drops every restricted field,
nested ones included, unless restricted output was explicitly asked for: the
model's metadata decide, never a list of field names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel

from iaterr.check.diagnostics import Severity
from iaterr.check.validate import validate_repository
from iaterr.model import CasUsage, Collectivite
from iaterr.model.introspect import specs
from iaterr.repo.config import Repository


@dataclass
class ExportItem:
    rel: str
    #: the use case as plain data (codes, ISO dates, booleans, lists), restricted fields removed unless asked
    cas: dict[str, Any]
    #: its collectivité, likewise
    collectivite: dict[str, Any]


@dataclass
class ExportSet:
    items: list[ExportItem]
    #: records left out because they do not pass validation: (file, number of errors)
    skipped: list[tuple[str, int]] = field(default_factory=list)
    include_restricted: bool = False


def plain(instance: BaseModel) -> dict[str, Any]:
    """A validated record as plain data: codes, strings, numbers, booleans, lists; no None."""
    return instance.model_dump(mode="json", exclude_none=True)


def visible(model: type[BaseModel], data: dict[str, Any], include_restricted: bool = False) -> dict[str, Any]:
    """``data`` without the fields that are restricted in ``model`` (recursively), in model order."""
    out: dict[str, Any] = {}
    for name, spec in specs(model).items():
        if name not in data:
            continue
        if spec.meta.visibilite != "public" and not include_restricted:
            continue
        value = data[name]
        if spec.submodel is not None:
            if isinstance(value, list):
                value = [visible(spec.submodel, v, include_restricted) for v in value if isinstance(v, dict)]
            elif isinstance(value, dict):
                value = visible(spec.submodel, value, include_restricted)
        out[name] = value
    return out


def load_items(repo: Repository, *, include_restricted: bool = False, paths: Iterable[Path] | None = None,
               jobs: int | None = None) -> ExportSet:
    """The repository's valid use cases with their collectivités, ready to export (one validating pass)."""
    report = validate_repository(repo, paths, use_cache=False, keep_data=True, jobs=jobs)
    errors: dict[str, int] = {}
    for d in report.diagnostics:
        if d.severity == Severity.ERROR:
            errors[d.file] = errors.get(d.file, 0) + 1
    collectivites: dict[str, dict[str, Any]] = {}
    for result in report.records("collectivite"):
        if result.rel not in errors and result.data is not None:
            collectivites[result.data["identifiant"]] = visible(Collectivite, result.data, include_restricted)
    items: list[ExportItem] = []
    skipped: list[tuple[str, int]] = []
    for result in report.records("cas_usage"):
        if result.rel in errors or result.data is None:
            skipped.append((result.rel, errors.get(result.rel, 0)))
            continue
        coll = collectivites.get(result.data["collectivite"])
        if coll is None:  # its collectivité has errors: left out with it
            skipped.append((result.rel, 0))
            continue
        items.append(ExportItem(result.rel, visible(CasUsage, result.data, include_restricted), coll))
    items.sort(key=lambda item: (item.cas.get("collectivite", ""), item.cas.get("identifiant", "")))
    return ExportSet(items, skipped, include_restricted)
