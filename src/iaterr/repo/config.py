"""Finding a data repository and reading its configuration.

A data repository is a folder holding ``iaterr.yaml``; records live under
``data/cas-usage/`` and ``data/collectivites/``, JSON Schemas under ``schema/``.
It is found by walking up from the current folder; ``--repo`` overrides. When
none is found, commands that only read fall back to the data embedded in iaterr
(this project's own ``data/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from iaterr import SCHEMA_VERSION
from iaterr.base.files import os_reason
from iaterr.model.kinds import FOLDERS

CONFIG_FILE = "iaterr.yaml"
DATA_DIR = "data"
SCHEMA_DIR = "schema"


@dataclass
class LintConfig:
    """The ``lint:`` section of ``iaterr.yaml``."""

    #: by rule code: erreur, avertissement, info or desactivee
    regles: dict[str, str] = field(default_factory=dict)
    #: age (months) beyond which a record is to be reviewed
    fraicheur_mois: int = 12
    #: duration (months) beyond which an experiment is reported
    experimentation_mois: int = 24
    #: minimal length of a description (characters)
    description_min: int = 80


@dataclass
class RegistreConfig:
    """The ``registre:`` section of ``iaterr.yaml``: the public register's identity and publication."""

    #: languages the register is built in (the first at the top of the site, the others in a folder each, with a
    #: language switch); empty: the language of the command
    langues: list[str] = field(default_factory=list)
    #: the site's address once published (sitemap, feed, canonical links); None: relative links only
    url: Optional[str] = None
    #: publisher: its name (default: the register's one collectivité), address, director of publication
    editeur: Optional[str] = None
    adresse: Optional[str] = None
    directeur_publication: Optional[str] = None
    #: host of the site: name and address (mentions légales)
    hebergeur: Optional[str] = None
    #: the logo (a file of the repository, copied into the site) and the main colour (#rrggbb, contrast checked)
    logo: Optional[str] = None
    couleur: Optional[str] = None
    #: licence of the open data
    licence: str = "Licence Ouverte 2.0"
    licence_url: str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    #: the repository of the records (a link on every page)
    depot: Optional[str] = None
    #: the repository of the open-data Table Schema, one repository for it alone (``iaterr schema
    #: --table-schema-repo``: its ``homepage``, and the address of its files at each version's tag)
    depot_schema: Optional[str] = None
    #: contact for accessibility (déclaration d'accessibilité)
    contact_accessibilite: Optional[str] = None
    #: where CI publishes the register: "github", "gitlab" or "aucune"
    publication: str = "aucune"


_REGISTRE_TEXTS = ("url", "editeur", "adresse", "directeur_publication", "hebergeur", "logo", "couleur", "licence",
                   "licence_url", "depot", "depot_schema", "contact_accessibilite", "publication")
PUBLICATIONS = ("github", "gitlab", "aucune")


@dataclass
class Config:
    """Contents of ``iaterr.yaml``. Read without pydantic: a command served from the cache starts fast."""

    version_schema: str = SCHEMA_VERSION
    #: language of messages and documents
    langue: str = "fr"
    #: name of the register, shown in published documents
    nom: Optional[str] = None
    #: collectivité offered by default to new records (identifier)
    collectivite_defaut: Optional[str] = None
    #: how CI installs iaterr: a pip specification (``iaterr==0.1.0``, ``iaterr @ git+https://…@v0.1.0``), or
    #: the placeholder ``iaterr init`` writes when it could not tell where it was installed from
    installation: Optional[str] = None
    lint: LintConfig = field(default_factory=LintConfig)
    registre: RegistreConfig = field(default_factory=RegistreConfig)
    #: is the repository public (a public forge)? Then its record files hold no restricted value: those live in
    #: the companion store (``restreint``). Default: False
    public: bool = False
    #: the companion store of restricted facts: a folder outside the repository's tracked files (relative to
    #: the repository's root); the ``IATERR_RESTREINT`` environment variable overrides it on one machine
    restreint: Optional[str] = None

    @property
    def installation_a_renseigner(self) -> bool:
        """True while ``installation`` is the placeholder written by ``iaterr init`` (CI cannot install iaterr)."""
        return is_installation_placeholder(self.installation)


#: The value ``iaterr init`` writes for ``installation`` when nothing reliable is known of its own origin, by
#: language: the CI it writes stops on it with a message, and :func:`is_installation_placeholder` knows it.
INSTALLATION_PLACEHOLDERS = {"fr": "A-RENSEIGNER", "en": "TO-FILL-IN"}


def is_installation_placeholder(value: Optional[str]) -> bool:
    return value is not None and any(value.strip().startswith(p) for p in INSTALLATION_PLACEHOLDERS.values())


_TOP = {"version_schema", "langue", "nom", "collectivite_defaut", "installation", "lint", "registre", "public",
        "restreint"}
_TRUE = ("true", "oui", "yes", "vrai")
_FALSE = ("false", "non", "no", "faux")
_LINT_NUMBERS = {"fraicheur_mois": 1, "experimentation_mois": 1, "description_min": 0}


class _Invalid(Exception):
    def __init__(self, where: str, fr: str, en: str) -> None:
        super().__init__(where)
        self.where, self.fr, self.en = where, fr, en


def _text(value: Any, where: str) -> str:
    """A text that is not empty."""
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(where, "texte attendu", "text expected")
    return value


def _optional_text(value: Any, where: str) -> Optional[str]:
    """A text, or nothing."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(where, "texte attendu", "text expected")
    return value


def _registre_from(data: Any, registre: RegistreConfig) -> None:
    if not isinstance(data, dict):
        raise _Invalid("registre", "une table de clés est attendue", "a mapping is expected")
    unknown = sorted(set(data) - {"langues", *_REGISTRE_TEXTS})
    if unknown:
        raise _Invalid(f"registre.{unknown[0]}", "clé inconnue", "unknown key")
    for name in _REGISTRE_TEXTS:
        value = _optional_text(data.get(name), f"registre.{name}")
        if value is not None and value.strip():
            setattr(registre, name, value.strip())
    langues = data.get("langues")
    if langues is not None:
        if isinstance(langues, str):
            langues = [part.strip() for part in langues.split(",")]
        if not isinstance(langues, list) or not langues or any(lang not in ("fr", "en") for lang in langues) \
                or len(set(langues)) != len(langues):
            raise _Invalid("registre.langues", "une liste de langues parmi fr et en attendue (par exemple [fr, en])",
                           "a list of languages among fr and en expected (for instance [fr, en])")
        registre.langues = list(langues)
    if registre.couleur is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", registre.couleur):
        raise _Invalid("registre.couleur", "une couleur #rrggbb attendue", "a #rrggbb colour expected")
    if registre.publication == "none":
        registre.publication = "aucune"
    if registre.publication not in PUBLICATIONS:
        raise _Invalid("registre.publication", "github, gitlab ou aucune attendu",
                       "github, gitlab or aucune (none) expected")
    for name in ("url", "depot", "depot_schema", "licence_url"):
        value = getattr(registre, name)
        if value is not None and not re.fullmatch(r"https?://[^\s<>\"']+", value):
            raise _Invalid(f"registre.{name}", "une adresse http(s) attendue", "an http(s) address expected")


def _config_from(data: Any) -> Config:
    if not isinstance(data, dict):
        raise _Invalid("-", "une table de clés est attendue", "a mapping is expected")
    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise _Invalid(unknown[0], "clé inconnue", "unknown key")
    config = Config()
    if "version_schema" in data:
        config.version_schema = _text(data["version_schema"], "version_schema")
    if data.get("langue") is not None:
        langue = _text(data["langue"], "langue")
        if langue not in ("fr", "en"):
            raise _Invalid("langue", "fr ou en attendu", "fr or en expected")
        config.langue = langue
    config.nom = _optional_text(data.get("nom"), "nom")
    config.collectivite_defaut = _optional_text(data.get("collectivite_defaut"), "collectivite_defaut")
    if data.get("installation") is not None:
        installation = _text(data["installation"], "installation")
        if "\n" in installation.strip():
            raise _Invalid("installation", "une spécification pip sur une ligne attendue (par exemple "
                           "« iaterr==0.1.0 »)", "a one-line pip specification expected (for instance "
                           "“iaterr==0.1.0”)")
        config.installation = installation.strip()
    public = data.get("public")
    if public is not None:
        text = public.strip().lower() if isinstance(public, str) else ""
        if text not in _TRUE + _FALSE:
            raise _Invalid("public", "true ou false attendu (le dépôt est-il public ?)",
                           "true or false expected (is the repository public?)")
        config.public = text in _TRUE
    restreint = data.get("restreint")
    if restreint is not None:
        if isinstance(restreint, str) and not restreint.strip():
            raise _Invalid("restreint", "chemin vide : nommez le dossier du magasin restreint (par exemple "
                           "../registre-ia-restreint), ou retirez la clé si le dépôt n'en a pas",
                           "empty path: name the folder of the restricted store (for instance "
                           "../registre-ia-restreint), or remove the key if the repository has none")
        written = _text(restreint, "restreint").strip()
        if "\n" in written or "\x00" in written or "://" in written:
            raise _Invalid("restreint", "le chemin d'un dossier attendu, hors des fichiers suivis du dépôt (par "
                           "exemple ../registre-ia-restreint)", "the path of a folder expected, outside the "
                           "repository's tracked files (for instance ../registre-ia-restreint)")
        config.restreint = written
    registre = data.get("registre")
    if registre is not None:
        _registre_from(registre, config.registre)
    lint = data.get("lint")
    if lint is not None:
        if not isinstance(lint, dict):
            raise _Invalid("lint", "une table de clés est attendue", "a mapping is expected")
        unknown = sorted(set(lint) - {"regles", *_LINT_NUMBERS})
        if unknown:
            raise _Invalid(f"lint.{unknown[0]}", "clé inconnue", "unknown key")
        regles = lint.get("regles")
        if regles is not None:
            if not isinstance(regles, dict) or not all(isinstance(v, str) for v in regles.values()):
                raise _Invalid("lint.regles", "une table « code: gravité » est attendue",
                               "a “code: severity” mapping is expected")
            config.lint.regles = {str(k): v for k, v in regles.items()}
        for name, minimum in _LINT_NUMBERS.items():
            value = lint.get(name)
            if value is None:
                continue
            if not (isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value)) or int(value) < minimum:
                raise _Invalid(f"lint.{name}", f"nombre entier ≥ {minimum} attendu",
                               f"integer ≥ {minimum} expected")
            setattr(config.lint, name, int(value))
    return config


class RepositoryError(Exception):
    """A repository that cannot be used; ``key`` and ``params`` name the message."""

    def __init__(self, key: str, **params: Any) -> None:
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
        return self.data_dir / FOLDERS[kind]

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
        for kind, folder in FOLDERS.items():
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
        raise RepositoryError("cli.config-invalide", fichier=str(path), detail=os_reason(exc)) from exc
    doc = read_document(raw, CONFIG_FILE)
    if doc.diagnostics and doc.data is None and not any(d.code == "fichier-vide" for d in doc.diagnostics):
        first = doc.diagnostics[0]
        raise RepositoryError("cli.config-invalide", fichier=f"{path}:{first.line}:{first.column}",
                              detail=first.message())
    try:
        return _config_from(doc.data or {})
    except _Invalid as exc:
        where = str(path)
        if exc.where in ("public", "restreint") and doc.root is not None:
            from iaterr.repo.yamlio import position

            line, column = position(doc.root, (exc.where,))
            where = f"{path}:{line}:{column}"
        raise RepositoryError("cli.config-invalide", fichier=where, detail={
            "fr": f"{exc.where} : {exc.fr}", "en": f"{exc.where}: {exc.en}"}) from exc


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


def open_repository(explicit: Path | None = None, cwd: Path | None = None, *,
                    allow_embedded: bool = True) -> Repository:
    """The repository named by ``--repo``, else the one around ``cwd``, else the embedded one."""
    if explicit is not None:
        root = explicit.resolve()
        if not (root / CONFIG_FILE).is_file():
            raise RepositoryError("cli.depot-introuvable", chemin=str(explicit))
        return Repository(root, load_config(root))
    cwd = cwd or Path.cwd()
    found = find_root(cwd)
    if found is not None:
        return Repository(found, load_config(found))
    embedded = embedded_root() if allow_embedded else None
    if embedded is None:
        raise RepositoryError("cli.depot-introuvable", chemin=str(cwd))
    return Repository(embedded, load_config(embedded), embedded=True)
