"""The kinds of record, by code: their folder under ``data/``, their JSON Schema file, their model.

Light on purpose: a command that only lists files or reads its cache does not import pydantic. The
model classes are imported when first asked for (:func:`model_of`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel

#: kind → folder under data/
FOLDERS: dict[str, str] = {"cas_usage": "cas-usage", "collectivite": "collectivites"}
#: kind → file name of its JSON Schema under schema/
SCHEMA_FILES: dict[str, str] = {"cas_usage": "cas-usage.schema.json", "collectivite": "collectivite.schema.json"}


def model_of(kind: str) -> type[BaseModel]:
    """The pydantic model of the records of ``kind``."""
    if kind == "cas_usage":
        from iaterr.model.usecase import CasUsage

        return CasUsage
    if kind == "collectivite":
        from iaterr.model.collectivite import Collectivite

        return Collectivite
    raise KeyError(kind)
