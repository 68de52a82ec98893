"""What every export starts from: the valid records, their collectivité, and
only the fields that may be published.

``load_items`` reads the repository, keeps the records that pass validation
(the others are returned as skipped, with their errors) and gives each use case
with its collectivité as plain data. ``visible`` drops every restricted field,
nested ones included, unless restricted output was explicitly asked for: the
model's metadata decide, never a list of field names.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

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
    #: work done ahead in the validating processes (e.g. the use case's part of a CSV row), by name
    prepared: dict[str, Any] = field(default_factory=dict)


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


def _prepare(include_restricted: bool, prepare: Callable[[dict], dict] | None, kind: str, data: dict) -> dict:
    """In the validating process: filter the record, and prepare what the export needs of it."""
    model = CasUsage if kind == "cas_usage" else Collectivite
    shown = visible(model, data, include_restricted)
    if prepare is None or kind != "cas_usage":
        return {"data": shown, "prepared": {}}
    # what was prepared is all the export needs: send back only the keys that place the record
    return {"data": {"identifiant": shown["identifiant"], "collectivite": shown["collectivite"]},
            "prepared": prepare(shown)}


def load_items(repo: Repository, *, include_restricted: bool = False, paths: Iterable[Path] | None = None,
               jobs: int | None = None, prepare: Callable[[dict], dict] | None = None) -> ExportSet:
    """The repository's valid use cases with their collectivités, ready to export, in one validating pass.

    ``prepare`` (a picklable function of the visible use case) runs in the validating processes; its
    result is on each item's ``prepared``, and then ``cas`` holds only ``identifiant`` and
    ``collectivite`` (what was prepared is all the caller needs)."""
    keep = functools.partial(_prepare, include_restricted, prepare)
    if paths is not None:  # the selected use cases, and every collectivité they may belong to
        paths = [*paths, repo.kind_dir("collectivite")]
    report = validate_repository(repo, paths, use_cache=False, keep_data=keep, jobs=jobs)
    errors: dict[str, int] = {}
    for d in report.diagnostics:
        if d.severity == Severity.ERROR:
            errors[d.file] = errors.get(d.file, 0) + 1
    collectivites: dict[str, dict[str, Any]] = {}
    for result in report.records("collectivite"):
        if result.rel not in errors and result.data is not None:
            collectivites[result.data["data"]["identifiant"]] = result.data["data"]
    items: list[ExportItem] = []
    skipped: list[tuple[str, int]] = []
    for result in report.records("cas_usage"):
        if result.rel in errors or result.data is None:
            skipped.append((result.rel, errors.get(result.rel, 0)))
            continue
        cas = result.data["data"]
        coll = collectivites.get(cas["collectivite"])
        if coll is None:  # its collectivité has errors: left out with it
            skipped.append((result.rel, 0))
            continue
        items.append(ExportItem(result.rel, cas, coll, result.data["prepared"]))
    items.sort(key=lambda item: (item.cas.get("collectivite", ""), item.cas.get("identifiant", "")))
    return ExportSet(items, skipped, include_restricted)
