"""What may be published: one rule, read from the fields' metadata, and the views it makes.

A field is public or restricted (``visibilite`` in its metadata, declared once in the model); a field
inside a restricted field is restricted too. Everything that leaves iaterr for people who are not the
collectivité's own staff (every export format, the Table Schema, the register website and its
downloads, notices, mentions, the values quoted by diagnostics) is built from a :class:`View` made by
:func:`view`, or from the field lists of :func:`shown_fields`: no other module decides what is public.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel

from iaterr.model.introspect import FieldSpec, specs


def is_public(spec: FieldSpec) -> bool:
    """The rule: a field is public when its metadata say so."""
    return spec.meta.visibilite == "public"


@cache
def shown_fields(model: type[BaseModel], include_restricted: bool = False) -> dict[str, FieldSpec]:
    """The fields of ``model`` that a view shows, in the model's order."""
    return {name: spec for name, spec in specs(model).items() if include_restricted or is_public(spec)}


def path_is_public(model: type[BaseModel], path: tuple[str | int, ...] | tuple[str, ...]) -> bool:
    """Is the value at ``path`` (``("donnees", 0, "nom")``) in a public field? A key the model does not
    know is public (it holds no field's value); anything inside a restricted field is restricted."""
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int):
            continue
        if current is None:
            return True
        spec = specs(current).get(part)
        if spec is None:
            return True
        if not is_public(spec):
            return False
        current = spec.submodel
    return True


def restricted_paths(model: type[BaseModel], data: Any, _path: tuple = ()) -> list[tuple[tuple, Any]]:
    """Every value of ``data`` (raw or validated) that sits in a restricted field: ``(path, value)``."""
    found: list[tuple[tuple, Any]] = []
    if not isinstance(data, dict):
        return found
    fields = specs(model)
    for name, value in data.items():
        spec = fields.get(name)
        if spec is None or value is None:
            continue
        path = _path + (name,)
        if not is_public(spec):
            found.append((path, value))
        elif spec.submodel is not None:
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                found += restricted_paths(spec.submodel, item, path if index is None else path + (index,))
    return found


class View(dict[str, Any]):
    """A record as it may be shown: made by :func:`view` only. ``restricted`` says whether it holds the
    restricted fields too (an export for the collectivité itself, never published)."""

    restricted: bool = False

    def __reduce__(self) -> tuple[Any, ...]:  # kept across processes with its flag
        return (_rebuild, (dict(self), self.restricted))


def _rebuild(data: dict[str, Any], restricted: bool) -> View:
    out = View(data)
    out.restricted = restricted
    return out


def _filtered(model: type[BaseModel], data: dict[str, Any], include_restricted: bool) -> dict[str, Any]:
    fields = shown_fields(model, include_restricted)
    if len(data) * 4 < len(fields):  # a few keys (a record's identity): look them up, in the model's order
        out = {name: data[name] for name in sorted((name for name in data if name in fields),
                                                   key=_order(model).__getitem__)}
    else:
        out = {name: data[name] for name in fields if name in data}
    for name, submodel in _tables(model, include_restricted):  # their rows filtered too, in place
        if name in out:
            value = out[name]
            if isinstance(value, list):
                out[name] = [_filtered(submodel, v, include_restricted) for v in value if isinstance(v, dict)]
            elif isinstance(value, dict):
                out[name] = _filtered(submodel, value, include_restricted)
    return out


@cache
def _tables(model: type[BaseModel], include_restricted: bool) -> list[tuple[str, type[BaseModel]]]:
    """The fields of ``model`` that a view shows and that hold a table (a sub-model), with it."""
    return [(name, spec.submodel) for name, spec in shown_fields(model, include_restricted).items()
            if spec.submodel is not None]


@cache
def _order(model: type[BaseModel]) -> dict[str, int]:
    return {name: index for index, name in enumerate(specs(model))}


def view(model: type[BaseModel], data: dict[str, Any], *, include_restricted: bool = False) -> View:
    """``data`` (a validated record as plain data) with only the fields that may be shown, nested ones
    included, in the model's order. Restricted fields are kept only with ``include_restricted``."""
    out = View(_filtered(model, data, include_restricted))
    out.restricted = include_restricted
    return out
