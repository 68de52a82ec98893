"""Which field of the model each column of the export fills, read from the model's metadata.

Column names are matched without case, accents, spaces or punctuation, under the export's names
(``Nom_collectivite``…) and those of the Bibliothèque's data model (``coll_nom``…): the fields'
``bibliotheque_export`` and ``bibliotheque`` metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pydantic import BaseModel

from iaterr.model import CasUsage, Collectivite
from iaterr.model.introspect import FieldSpec, specs

#: The models of the two kinds of record the import writes.
MODELS: dict[str, type[BaseModel]] = {"cas_usage": CasUsage, "collectivite": Collectivite}


def column_key(name: str) -> str:
    """A column name without case, accents, spaces or punctuation: ``Nom_collectivité`` → ``nomcollectivite``."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass(frozen=True)
class Target:
    kind: str  # "cas_usage" or "collectivite"; "" for a column recognised but not imported
    name: str
    spec: FieldSpec | None = None


def _targets() -> dict[str, Target]:
    """Column keys of the export and of the Bibliothèque's data model, from the model's metadata.

    ``coll_nom`` names the collectivité of a use case and the collectivité's own name: it is read
    once, as the collectivité's name. Fields held in sub-records (``donnees_source``…) are known,
    but not imported: one column cannot fill a structured entry.
    """
    out: dict[str, Target] = {}
    for kind, model in (("collectivite", Collectivite), ("cas_usage", CasUsage)):
        for name, spec in specs(model).items():
            names = [spec.meta.bibliotheque, spec.meta.bibliotheque_export]
            target = Target(kind, name, spec) if spec.submodel is None else Target("", name, spec)
            for alias in names:
                if alias:
                    out.setdefault(column_key(alias), target)
            if spec.submodel is not None:
                for sub_name, sub in specs(spec.submodel).items():
                    for alias in (sub.meta.bibliotheque, sub.meta.bibliotheque_export):
                        if alias:
                            out.setdefault(column_key(alias), Target("", f"{name}.{sub_name}", sub))
    return out


TARGETS = _targets()
#: The first data model of the Bibliothèque (« v0 », September 2024; its test table of November 2024) named some
#: columns otherwise: recognised when a header has both ``usage_service`` and ``cible_service``, which no
#: later model has. (``description`` was then the algorithm's, not the service's.)
V0_MARKERS = frozenset(column_key(c) for c in ("usage_service", "cible_service"))
V0_COLUMNS = {"usage_service": "description", "cible_service": "publics", "description": "description_algorithme",
              "operations": "operations"}


def v0_targets() -> dict[str, Target]:
    """The v0 column keys → the use-case fields they fill."""
    fields = specs(CasUsage)
    return {column_key(column): Target("cas_usage", name, fields[name]) for column, name in V0_COLUMNS.items()}


V0_TARGETS = v0_targets()


#: The fields of the Bibliothèque's data model it restricts (shared between collectivités, never published):
#: its own names (``bibliotheque`` metadata). The import reports each one iaterr publishes.
RESTRICTED_IN_BIBLIOTHEQUE = frozenset({
    "projet_contact", "financement", "budget", "mise_en_oeuvre", "herbergement", "nom_algorithme",
    "algorithme_description", "algorithme_operations", "type_algorithme", "impact_environnement",
    "donnees_source", "donnees_acces", "url_ressources",
})
#: The columns that must be present for a row to make a record.
REQUIRED_COLUMNS = (("collectivite", "nom"), ("cas_usage", "nom"))

#: The layout of the Bibliothèque's public export (2025-04-16), in its order. A header that is this layout
#: but for one or two labels (the export as first published named the project-name column « SIRET ») is
#: read by position; a header with most of these columns is reported for each one it lacks.
EXPORT_LAYOUT = (
    "Nom_collectivite", "Nom_du_projet", "SIRET", "Latitude", "Longitude", "Type_de_collectivite",
    "Date_de_demarrage", "Statut_du_projet", "Partenaires", "Description_service", "Theme", "Sous_Theme",
    "Audience", "URL_Service", "URL_Logo", "Date_de_derniere_mise_a_jour",
)


def export_column_names() -> list[str]:
    """The column names of the export, in the model's order (to suggest one for an unknown column)."""
    names: list[str] = []
    for model in (Collectivite, CasUsage):
        for spec in specs(model).values():
            if spec.meta.bibliotheque_export and spec.meta.bibliotheque_export not in names:
                names.append(spec.meta.bibliotheque_export)
    return names


def export_name(kind: str, name: str) -> str:
    """The export's name of the column of field ``name`` of ``kind``."""
    meta = specs(MODELS[kind])[name].meta
    return meta.bibliotheque_export or meta.bibliotheque or name
