"""The model: records, their fields' metadata and the vocabularies.

The names below are imported when first used (PEP 562), so that importing a light module of the model
(``iaterr.model.kinds``, ``iaterr.model.vocab``) does not load pydantic and the record models.
"""

from __future__ import annotations

import importlib
from typing import Any

from iaterr.model.kinds import FOLDERS, SCHEMA_FILES, model_of

_LAZY = {
    "Collectivite": "iaterr.model.collectivite",
    "AnalyseImpact": "iaterr.model.usecase", "CasUsage": "iaterr.model.usecase", "ChiffreCle": "iaterr.model.usecase",
    "DateCle": "iaterr.model.usecase", "Parametre": "iaterr.model.usecase", "SourceDonnees": "iaterr.model.usecase",
    "SECTIONS": "iaterr.model.fields", "FieldMeta": "iaterr.model.fields", "fields_of": "iaterr.model.fields",
    "VOCABULARIES": "iaterr.model.vocab", "Term": "iaterr.model.vocab", "Vocabulary": "iaterr.model.vocab",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name == "KINDS":
        #: Record kinds: folder under data/, model, JSON Schema file name.
        return {kind: (FOLDERS[kind], model_of(kind), SCHEMA_FILES[kind]) for kind in FOLDERS}
    raise AttributeError(f"module 'iaterr.model' has no attribute {name!r}")


__all__ = [
    "AnalyseImpact", "CasUsage", "ChiffreCle", "Collectivite", "DateCle", "FOLDERS", "FieldMeta", "KINDS", "Parametre",
    "SCHEMA_FILES", "SECTIONS", "SourceDonnees", "Term", "VOCABULARIES", "Vocabulary", "fields_of", "model_of",
]
