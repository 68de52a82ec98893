"""Finding a data repository and reading its configuration.

A data repository is a folder holding ``iaterr.yaml``; records live under
``data/cas-usage/`` and ``data/collectivites/``, JSON Schemas under ``schema/``.
It is found by walking up from the current folder; ``--repo`` overrides. When
none is found, commands that only read fall back to the data embedded in iaterr
(this project's own ``data/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from iaterr import SCHEMA_VERSION
from iaterr.model import KINDS

CONFIG_FILE = "iaterr.yaml"
DATA_DIR = "data"
SCHEMA_DIR = "schema"


class LintConfig(BaseModel):
    """The ``lint:`` section of ``iaterr.yaml``."""

    model_config = ConfigDict(extra="forbid")

    regles: dict[str, str] = Field(
        default_factory=dict,
        description="Par code de règle : erreur, avertissement, info ou desactivee.",
    )
    fraicheur_mois: int = Field(12, ge=1, description="Âge (mois) au-delà duquel une fiche est à relire.")
    experimentation_mois: int = Field(24, ge=1, description="Durée (mois) au-delà de laquelle une "
                                      "expérimentation est signalée.")
    description_min: int = Field(80, ge=0, description="Longueur minimale d'une description (caractères).")


class Config(BaseModel):
    """Contents of ``iaterr.yaml``."""

    model_config = ConfigDict(extra="forbid")

    version_schema: str = Field(SCHEMA_VERSION, description="Version du format des fiches.")
    langue: str = Field("fr", pattern="^(fr|en)$", description="Langue des messages et des documents.")
    nom: Optional[str] = Field(None, description="Nom du registre, affiché dans les documents publiés.")
    collectivite_defaut: Optional[str] = Field(
        None, description="Collectivité proposée par défaut aux nouvelles fiches (identifiant)."
    )
    lint: LintConfig = Field(default_factory=LintConfig, description="Réglages de `iaterr lint`.")


class RepositoryError(Exception):
    """A repository that cannot be used; ``key`` and ``params`` name the message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Repository:
    root: Path
    config: Config
    embedded: bool = False

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def schema_dir(self) -> Path:
        return self.root / SCHEMA_DIR

    def kind_dir(self, kind: str) -> Path:
        return self.data_dir / KINDS[kind][0]

    def record_path(self, kind: str, identifiant: str) -> Path:
        return self.kind_dir(kind) / f"{identifiant}.yaml"

    def kind_of(self, path: Path) -> str | None:
        """The record kind a file belongs to, from the folder it sits in."""
        try:
            rel = path.resolve().relative_to(self.data_dir.resolve())
        except ValueError:
            return None
        if len(rel.parts) < 2:
            return None
        for kind, (folder, _model, _schema) in KINDS.items():
            if rel.parts[0] == folder:
                return kind
        return None

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def load_config(root: Path) -> Config:
    from iaterr.base.files import UnsafePath, read_regular
    from iaterr.repo.yamlio import read_document

    path = root / CONFIG_FILE
    try:
        raw = read_regular(path)
    except UnsafePath as exc:  # a link could bring a configuration from anywhere
        raise RepositoryError("cli.lien-refuse", chemin=str(path), cible=exc.target) from exc
    except OSError as exc:
        raise RepositoryError("cli.config-invalide", fichier=str(path), detail=exc.strerror) from exc
    doc = read_document(raw, CONFIG_FILE)
    if doc.diagnostics and doc.data is None and not any(d.code == "fichier-vide" for d in doc.diagnostics):
        first = doc.diagnostics[0]
        raise RepositoryError("cli.config-invalide", fichier=f"{path}:{first.line}:{first.column}",
                              detail=first.message())
    try:
        return Config.model_validate(doc.data or {})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise RepositoryError("cli.config-invalide", fichier=str(path), detail=f"{where}: {err['msg']}") from exc


def embedded_root() -> Path | None:
    """This project's own data, shipped inside the package (or the source checkout)."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[1] / "_embarque", here.parents[3]):
        if (candidate / CONFIG_FILE).is_file() and (candidate / DATA_DIR).is_dir():
            return candidate
    return None


def find_root(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


def open_repository(explicit: Path | None = None, cwd: Path | None = None, *, allow_embedded: bool = True) -> Repository:
    """The repository named by ``--repo``, else the one around ``cwd``, else the embedded one."""
    if explicit is not None:
        root = explicit.resolve()
        if not (root / CONFIG_FILE).is_file():
            raise RepositoryError("cli.depot-introuvable", chemin=str(explicit))
        return Repository(root, load_config(root))
    cwd = cwd or Path.cwd()
    root = find_root(cwd)
    if root is not None:
        return Repository(root, load_config(root))
    embedded = embedded_root() if allow_embedded else None
    if embedded is None:
        raise RepositoryError("cli.depot-introuvable", chemin=str(cwd))
    return Repository(embedded, load_config(embedded), embedded=True)
