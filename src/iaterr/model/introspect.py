"""What each field of a model holds, read from its type: the single source for
docs, prompts, checks and exports."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from iaterr.model.fields import FieldMeta, fields_of
from iaterr.model.types import TypeTag
from iaterr.model.vocab import Vocabulary


@dataclass(frozen=True)
class FieldSpec:
    name: str
    meta: FieldMeta
    #: texte, identifiant, siret, url, email, date, booleen, entier, nombre, code, fiche
    kind: str
    is_list: bool
    required: bool
    vocab: Vocabulary | None = None
    submodel: type[BaseModel] | None = None


def _walk(tp: Any, found: dict[str, Any]) -> None:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        args = typing.get_args(tp)
        for extra in args[1:]:
            if isinstance(extra, TypeTag):
                found.setdefault("tag", extra)
        _walk(args[0], found)
    elif origin in (list, tuple):
        found["list"] = True
        for arg in typing.get_args(tp):
            _walk(arg, found)
    elif origin is typing.Union or str(origin) == "types.UnionType":
        for arg in typing.get_args(tp):
            if arg is not type(None):
                _walk(arg, found)
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        found.setdefault("model", tp)


@cache
def specs(model: type[BaseModel]) -> dict[str, FieldSpec]:
    metas = fields_of(model)
    out: dict[str, FieldSpec] = {}
    for name, info in model.model_fields.items():
        found: dict[str, Any] = {}
        for extra in info.metadata:
            if isinstance(extra, TypeTag):
                found["tag"] = extra
        _walk(info.annotation, found)
        tag = found.get("tag")
        sub = found.get("model")
        out[name] = FieldSpec(
            name=name,
            meta=metas[name],
            kind="fiche" if sub is not None else (tag.kind if tag else "texte"),
            is_list=bool(found.get("list")),
            required=info.is_required(),
            vocab=tag.vocab if tag else None,
            submodel=sub,
        )
    return out


def model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model that holds the last key of ``path`` (None past a scalar)."""
    current: type[BaseModel] | None = model
    for part in path[:-1]:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        spec = specs(current).get(part)
        current = spec.submodel if spec else None
    return current


def spec_at(model: type[BaseModel], path: tuple) -> FieldSpec | None:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return None
    holder = model_at(model, tuple(p for p in path if isinstance(p, str)))
    return specs(holder).get(names[-1]) if holder else None
