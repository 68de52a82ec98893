"""JSON Schemas generated from the model, for editors (yaml-language-server)
and other tools (check-jsonschema, CI of other projects)."""

from __future__ import annotations

import json
from pathlib import Path

from iaterr import SCHEMA_VERSION
from iaterr.model import KINDS

_RAW_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _fix_bounds(node):
    """pydantic writes numeric bounds of custom types as ``ge``/``le``: JSON Schema wants ``minimum``…"""
    if isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            for raw, keyword in _RAW_BOUNDS.items():
                if raw in node:
                    node[keyword] = node.pop(raw)
        for value in node.values():
            _fix_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _fix_bounds(value)
    return node


def schema_for(kind: str) -> dict:
    _folder, model, filename = KINDS[kind]
    schema = _fix_bounds(model.model_json_schema(mode="validation"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"Généré par `iaterr schema` depuis le modèle iaterr (format {SCHEMA_VERSION}). "
                    "Ne pas modifier à la main.",
        **schema,
    }


def schema_texts() -> dict[str, str]:
    """File name → JSON text, for every record kind."""
    return {
        KINDS[kind][2]: json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in KINDS
    }


def stale_schemas(folder: Path) -> list[Path]:
    """Schema files in ``folder`` that differ from the model (or are missing)."""
    out = []
    for name, text in schema_texts().items():
        path = folder / name
        try:
            current = path.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            out.append(path)
    return out
