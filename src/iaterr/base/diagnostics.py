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

#: What a diagnostic shows in place of a value of a restricted field (a nested message key).
REDACTED = {"t": "valeur.masquee"}
#: Parameters that never carry a value of the record: kept when a diagnostic is about a restricted field.
SAFE_PARAMS = frozenset({"champ", "titre", "vocabulaire", "attendu", "trouve", "cle", "cles", "contrainte",
                         "versions", "dossier", "champ_1", "champ_2", "exemple", "valeurs", "code_regle",
                         "ligne_precedente"})
#: Parameters of lint rules that quote what a record holds (the others explain the rule).
VALUE_PARAMS = frozenset({"valeur", "extrait", "texte", "adresse", "numero", "nom", "sans_mailto", "iso",
                          "compact", "suggestion", "suggestions"})
#: Hints computed from the value itself: dropped for a restricted field.
VALUE_HINTS = frozenset({"vous-vouliez-dire", "date-iso", "siret-espaces", "mailto", "identifiant",
                         "code-canonique"})


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
    "lien-symbolique": Severity.ERROR,
    "extension-non-reconnue": Severity.ERROR,
    "nom-fichier-invalide": Severity.ERROR,
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
    "texte-trop-long": Severity.ERROR,
    "caractere-controle": Severity.ERROR,
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
    "champ-version-schema": Severity.ERROR,
    # record and repository level
    "dates-ordre": Severity.ERROR,
    "date-future": Severity.WARNING,
    "identifiant-duplique": Severity.ERROR,
    "identifiant-nom-fichier": Severity.ERROR,
    "collectivite-inconnue": Severity.ERROR,
    "siret-duplique": Severity.WARNING,
    "fichier-hors-dossier": Severity.WARNING,
    # restricted facts out of public repositories
    "restreint-dans-depot-public": Severity.ERROR,
    "restreint-champ-public": Severity.ERROR,
    "restreint-double": Severity.ERROR,
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
    #: the message and hint templates of a lint rule, by language (``fr``, ``en``, ``aide_fr``,
    #: ``aide_en``); None for the codes of ``validate``, whose texts are in the message catalogue
    texts: dict[str, str] | None = None

    def __post_init__(self) -> None:
        if self.severity is None:
            self.severity = CODES[self.code]
        self.path = tuple(self.path)

    @property
    def level(self) -> Severity:
        assert self.severity is not None
        return self.severity

    @property
    def key_path(self) -> str:
        return format_path(self.path)

    def message(self, lang: str = "fr") -> str:
        if self.texts is not None:
            template = self.texts.get(lang) or self.texts["fr"]
            return message("", lang, _template=template, **self.params)
        return message(f"diag.{self.code}", lang, **self.params)

    def hint(self, lang: str = "fr") -> str | None:
        hint = self.params.get("_hint")
        if not hint:
            return None
        key, params = hint
        if self.texts is not None and key == f"lint.{self.code}":
            template = self.texts.get(f"aide_{lang}") or self.texts.get("aide_fr")
            if template:
                return message("", lang, _template=template, **params)
        return message(f"hint.{key}", lang, **params)

    def redacted(self, *, values_only: bool = False) -> Diagnostic:
        """This diagnostic without any value of the record: for a diagnostic about a restricted field,
        which must never be quoted (a report may end up in a public CI log). ``values_only``: replace only
        the parameters known to quote the record (:data:`VALUE_PARAMS`), keep those that explain."""
        def hidden(name: str) -> bool:
            return name in VALUE_PARAMS if values_only else name not in SAFE_PARAMS

        params = {k: (REDACTED if hidden(k) else v) for k, v in self.params.items() if k != "_hint"}
        hint = self.params.get("_hint")
        if hint and hint[0] not in VALUE_HINTS and not any(hidden(k) for k in hint[1]):
            params["_hint"] = hint
        elif hint and values_only:
            params["_hint"] = (hint[0], {k: (REDACTED if hidden(k) else v) for k, v in hint[1].items()})
        return Diagnostic(self.code, self.file, self.line, self.column, self.path, params, self.severity,
                          self.texts)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Serialisable form; with ``lang``, the rendered message and hint are added."""
        data: dict[str, Any] = {
            "code": self.code,
            "severite": self.level.value,
            "fichier": self.file,
            "ligne": self.line,
            "colonne": self.column,
            "chemin": self.key_path,
        }
        if lang is None:
            data["path"] = list(self.path)
            data["params"] = self.params
            if self.texts is not None:
                data["textes"] = self.texts
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
            texts=data.get("textes"),
        )


def with_hint(params: dict[str, Any], key: str, **hint_params: Any) -> dict[str, Any]:
    params["_hint"] = (key, hint_params)
    return params
