"""Creating record files that read well by hand.

A new record is written in the model's field order, one comment line before each
section, long texts as folded blocks, dates quoted (so that no YAML 1.1 reader
turns them into something else), and the ``yaml-language-server`` line first so
that editors complete and check keys. Creating and writing a record is
:mod:`iaterr.authoring.records`'s.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from iaterr import SCHEMA_VERSION
from iaterr.i18n import message
from iaterr.model import KINDS, SECTIONS
from iaterr.model.introspect import specs
from iaterr.repo.yamlio import dump_roundtrip, folded

_WRAP = 80


def _scalar(spec_kind: str, value: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if isinstance(value, str):
        if spec_kind in ("date", "siret") or value.strip() != value or value in ("", "~", "null"):
            return DoubleQuotedScalarString(value)
        if "\n" in value:
            return LiteralScalarString(value)
        if len(value) > _WRAP and spec_kind == "texte":
            return folded(value, _WRAP)
        if spec_kind == "texte" and _needs_quotes(value):
            return DoubleQuotedScalarString(value)
    return value


def _needs_quotes(value: str) -> bool:
    """Texts that YAML would read as something else, or not at all, when plain."""
    from iaterr.repo.yamlio import read_document

    doc = read_document(f"v: {value}\n".encode(), "-")
    return doc.diagnostics != [] or not isinstance(doc.data, dict) or doc.data.get("v") != value or (
        value.lower() in ("true", "false", "yes", "no", "on", "off", "oui", "non")
        or re.fullmatch(r"[-+]?[\d._:]+([eE][-+]?\d+)?", value) is not None
    )


def to_commented(model: type[BaseModel], data: dict[str, Any], *, lang: str = "fr", sections: bool = True):
    """``data`` as a ruamel mapping in the model's field order, with section comments."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    out = CommentedMap()
    current = None
    for name, spec in specs(model).items():
        value = data.get(name)
        if value is None or value == [] or value == "":
            continue
        if spec.submodel is not None:
            items = value if spec.is_list else [value]
            converted = [to_commented(spec.submodel, item, lang=lang, sections=False)
                         if isinstance(item, dict) else item for item in items]
            value = CommentedSeq(converted) if spec.is_list else converted[0]
        elif spec.is_list and isinstance(value, list):
            value = CommentedSeq([_scalar(spec.kind, v) for v in value])
        else:
            value = _scalar(spec.kind, value)
        out[name] = value
        if sections and spec.meta.section != current:
            current = spec.meta.section
            label = SECTIONS[current].label(lang)
            out.yaml_set_comment_before_after_key(name, before=f"--- {label} ---")
    # keys the model does not know are kept, at the end, for validate to report
    for name, value in data.items():
        if name not in out and name not in specs(model):
            out[name] = value
    return out


def render_record(kind: str, data: dict[str, Any], *, lang: str = "fr") -> str:
    folder, model, schema_name = KINDS[kind]
    data = {"version_schema": SCHEMA_VERSION, **data}
    body = dump_roundtrip(to_commented(model, data, lang=lang))
    # a blank line before each section, for the eye
    body = re.sub(r"(?m)^(# --- )", r"\n\1", body).lstrip("\n")
    header = [f"# yaml-language-server: $schema=../../schema/{schema_name}"]
    header.append("# " + message("fiche.entete", lang))
    return "\n".join(header) + "\n" + body
