"""Diagnostics are data: a stable code, a severity, a place and message parameters.

The text is rendered from the message catalogue (:mod:`iaterr.i18n`) in the
reader's language only when the diagnostic is shown, so the same objects feed
the text, JSON and GitHub renderers and the validation cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from iaterr.i18n import message


class Severity(str, Enum):
    ERROR = "erreur"
    WARNING = "avertissement"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"erreur": 0, "avertissement": 1, "info": 2}[self.value]


#: Every diagnostic code of ``validate`` with its default severity. Codes are
#: stable: tools and people may rely on them.
CODES: dict[str, Severity] = {
    # file and YAML level
    "fichier-illisible": Severity.ERROR,
    "fichier-vide": Severity.ERROR,
    "encodage": Severity.ERROR,
    "bom": Severity.ERROR,
    "yaml-tabulation": Severity.ERROR,
    "yaml-syntaxe": Severity.ERROR,
    "yaml-plusieurs-documents": Severity.ERROR,
    "yaml-racine": Severity.ERROR,
    "yaml-cle-dupliquee": Severity.ERROR,
    "yaml-cle-invalide": Severity.ERROR,
    "yaml-etiquette": Severity.ERROR,
    "yaml-trop-complexe": Severity.ERROR,
    # field level
    "champ-manquant": Severity.ERROR,
    "cle-inconnue": Severity.ERROR,
    "type-invalide": Severity.ERROR,
    "texte-vide": Severity.ERROR,
    "valeur-inconnue": Severity.ERROR,
    "valeur-non-canonique": Severity.WARNING,
    "identifiant-invalide": Severity.ERROR,
    "siret-format": Severity.ERROR,
    "siret-cle": Severity.ERROR,
    "siret-manquant": Severity.WARNING,
    "url-invalide": Severity.ERROR,
    "email-invalide": Severity.ERROR,
    "date-invalide": Severity.ERROR,
    "booleen-invalide": Severity.ERROR,
    "valeur-hors-limites": Severity.ERROR,
    "valeur-invalide": Severity.ERROR,
    "version-schema": Severity.ERROR,
    # record and repository level
    "sous-theme-hors-theme": Severity.ERROR,
    "dates-ordre": Severity.ERROR,
    "date-future": Severity.WARNING,
    "identifiant-duplique": Severity.ERROR,
    "identifiant-nom-fichier": Severity.ERROR,
    "collectivite-inconnue": Severity.ERROR,
    "siret-duplique": Severity.WARNING,
    "fichier-hors-dossier": Severity.WARNING,
}


def format_path(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class Diagnostic:
    code: str
    file: str
    line: int = 1
    column: int = 1
    path: tuple[str | int, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None

    def __post_init__(self) -> None:
        if self.severity is None:
            self.severity = CODES[self.code]
        self.path = tuple(self.path)

    @property
    def key_path(self) -> str:
        return format_path(self.path)

    def message(self, lang: str = "fr") -> str:
        return message(f"diag.{self.code}", lang, **self.params)

    def hint(self, lang: str = "fr") -> str | None:
        hint = self.params.get("_hint")
        if not hint:
            return None
        key, params = hint
        return message(f"hint.{key}", lang, **params)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Serialisable form; with ``lang``, the rendered message and hint are added."""
        data: dict[str, Any] = {
            "code": self.code,
            "severite": self.severity.value,  # type: ignore[union-attr]
            "fichier": self.file,
            "ligne": self.line,
            "colonne": self.column,
            "chemin": self.key_path,
        }
        if lang is None:
            data["path"] = list(self.path)
            data["params"] = self.params
        else:
            data["message"] = self.message(lang)
            data["aide"] = self.hint(lang)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        params = data["params"]
        if params.get("_hint"):
            params["_hint"] = tuple(params["_hint"])
        return cls(
            code=data["code"], file=data["fichier"], line=data["ligne"], column=data["colonne"],
            path=tuple(data["path"]), params=params, severity=Severity(data["severite"]),
        )


def with_hint(params: dict[str, Any], key: str, **hint_params: Any) -> dict[str, Any]:
    params["_hint"] = (key, hint_params)
    return params
