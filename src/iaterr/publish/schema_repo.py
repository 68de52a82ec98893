"""``iaterr schema --table-schema-repo DIR``: the open-data Table Schema as a repository schema.data.gouv.fr accepts.

The platform takes one git repository per schema, with at its root ``schema.json`` (Table Schema, ``version``
equal to the git tag, ``title``, ``description``, ``homepage`` — the schema's own repository —, ``licenses``,
``contributors``, an absolute ``path``, a description and an example for every field), a ``README.md`` and a
``CHANGELOG.md``; producers check it with frictionless. This module builds those files from
:func:`iaterr.publish.opendata.table_schema` and the ``registre:`` section of ``iaterr.yaml``
(``depot_schema``: the schema's repository; ``licence``, ``licence_url``; ``editeur``), with a valid example
(one row made of every field's example) and an invalid one (the same row with two values the schema refuses).
Nothing here writes or prints: the command writes what :func:`schema_repository` returns.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from iaterr import SCHEMA_VERSION
from iaterr.base.text import csv_line
from iaterr.publish.opendata import table_schema
from iaterr.repo.config import Config

#: The files of the repository, in the order the command writes them.
FILES = ("schema.json", "README.md", "CHANGELOG.md", "exemple-valide.csv", "exemple-invalide.csv")
#: What the invalid example breaks: a value outside a vocabulary and a SIRET that is not 14 digits.
INVALID = {"statut": "en_production", "collectivite_siret": "243 100 633"}


class NoSchemaRepository(Exception):
    """``iaterr.yaml`` does not say where the schema's repository is (``registre.depot_schema``)."""


def web_address(repository: str) -> str:
    """The repository's web page: its address without a final ``/`` or ``.git`` (a clone address)."""
    home = repository.rstrip("/")
    return home[:-4] if home.endswith(".git") else home


def raw_base(homepage: str, tag: str) -> str:
    """The address of the repository's files at ``tag``: GitLab serves them under ``/-/raw/``, GitHub and most
    forges under ``/raw/``."""
    home = web_address(homepage)
    return f"{home}/-/raw/{tag}/" if "gitlab" in home.split("/")[2] else f"{home}/raw/{tag}/"


def repository_schema(config: Config) -> dict[str, Any]:
    """The Table Schema with what the platform requires of a published schema, read from ``config``."""
    homepage = config.registre.depot_schema
    if not homepage:
        raise NoSchemaRepository()
    schema = copy.deepcopy(table_schema())
    version = schema["version"]
    base = raw_base(homepage, version)
    schema["homepage"] = web_address(homepage)
    schema["path"] = base + "schema.json"
    schema["licenses"] = [{"title": config.registre.licence, "path": config.registre.licence_url}]
    schema["resources"] = [{"title": "Exemple de fichier valide", "path": base + "exemple-valide.csv"},
                           {"title": "Exemple de fichier invalide", "path": base + "exemple-invalide.csv"}]
    publisher = config.registre.editeur or config.nom
    if publisher:
        schema["contributors"] = [{"title": publisher, "role": "publisher"}, *schema["contributors"]]
    schema["description"] = schema["description"].replace(
        " Généré par iaterr depuis son modèle : ne pas modifier à la main.",
        " Généré par iaterr (`iaterr schema --table-schema-repo`) depuis son modèle : ne pas modifier à la main.")
    # field order as the schema writes its keys; the repository's own keys after the metadata
    order = ["$schema", "name", "title", "description", "homepage", "path", "version", "created", "lastModified",
             "licenses", "contributors", "sources", "resources", "fields", "missingValues"]
    return {key: schema[key] for key in order if key in schema}


def example_rows(schema: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The header and one row made of every field's example."""
    names = [f["name"] for f in schema["fields"]]
    return names, [str(f.get("example", "")) for f in schema["fields"]]


def _csv(header: list[str], row: list[str]) -> str:
    return csv_line(header) + "\n" + csv_line(row) + "\n"


def _readme(schema: dict[str, Any]) -> str:
    lines = [
        f"# {schema['title']}",
        "",
        schema["description"],
        "",
        f"- Version : {schema['version']} (format des fiches iaterr {SCHEMA_VERSION})",
        f"- Dépôt : {schema['homepage']}",
        f"- Licence : {schema['licenses'][0]['title']} ({schema['licenses'][0]['path']})",
        "",
        "## Contexte",
        "",
        "Ce schéma décrit le fichier CSV qu'une collectivité publie en open data pour rendre compte de ses usages "
        "de l'intelligence artificielle et des algorithmes publics : une ligne par cas d'usage. Il reprend les "
        "éléments de l'inventaire recommandé par Etalab (administration et service porteur, contact, finalité, "
        "rôle dans la décision, niveau d'automatisation, fondements juridiques, nombre de décisions, portée, "
        "public concerné, données, source et mode de collecte, type d'algorithme, opérations, ressources "
        "connexes), les éléments de transparence du code des relations entre le public et l'administration et "
        "ceux du règlement européen sur l'intelligence artificielle.",
        "",
        "## Production et gouvernance",
        "",
        "Le fichier et ce schéma sont produits par iaterr, l'outil libre avec lequel les collectivités tiennent "
        "leur registre des usages de l'IA dans un dépôt git : `iaterr export --csv` écrit le fichier, `iaterr "
        "schema --table-schema-repo` ce dépôt. Chaque version du schéma suit une version du format des fiches "
        "iaterr ; le journal des modifications est dans CHANGELOG.md.",
        "",
        "## Valider un fichier",
        "",
        "```sh",
        "frictionless validate --type schema schema.json",
        "frictionless validate --schema schema.json exemple-valide.csv",
        "```",
        "",
        "## Champs",
        "",
        "| Nom | Titre | Type | Exemple |",
        "| --- | --- | --- | --- |",
    ]
    for f in schema["fields"]:
        example = str(f.get("example", "")).replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{f['name']}` | {f['title']} | {f['type']} | {example} |")
    return "\n".join(lines) + "\n"


def _changelog(schema: dict[str, Any]) -> str:
    return "\n".join([
        "# Journal des modifications",
        "",
        f"## {schema['version']} — {schema['lastModified']}",
        "",
        "- Ajout du résumé (`resume`, 150 caractères au plus) et du service responsable (`service_responsable`, "
        "la direction ou le service porteur de l'inventaire d'Etalab).",
        "- Un exemple pour chaque champ ; licence, dépôt et chemin absolu du schéma.",
        "",
        f"## 1.1.0 — {schema['created']}",
        "",
        "- Première version publiée : champs publics du modèle iaterr (format 1.1).",
        "",
    ])


def schema_repository(config: Config) -> dict[str, str]:
    """File name → text of the repository for schema.data.gouv.fr (:data:`FILES`). Raises
    :class:`NoSchemaRepository` when ``iaterr.yaml`` does not name the schema's repository."""
    schema = repository_schema(config)
    header, row = example_rows(schema)
    bad = [INVALID.get(name, value) for name, value in zip(header, row)]
    return {
        "schema.json": json.dumps(schema, ensure_ascii=False, indent=2) + "\n",
        "README.md": _readme(schema),
        "CHANGELOG.md": _changelog(schema),
        "exemple-valide.csv": _csv(header, row),
        "exemple-invalide.csv": _csv(header, bad),
    }
