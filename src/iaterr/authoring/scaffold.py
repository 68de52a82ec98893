"""Creating a data repository: ``iaterr init``'s work, without any output.

:func:`init_repository` lays out a new register: ``iaterr.yaml``, the record
folders, the JSON Schemas, a README, a ``.gitignore``, CI for GitHub Actions and
GitLab and a pre-commit configuration, then runs ``git init`` (through GitPython)
unless the folder already sits in a git repository. The text files are rendered
from the Jinja2 templates of ``iaterr/templates/init/``.

It never overwrites a file: what exists is skipped and reported as such, so a
second run creates only what is missing. The one file it may change is
``iaterr.yaml``, and only to fill in ``nom`` and ``collectivite_defaut`` when they
are empty (the way to add the collectivité later: ``iaterr init --nom …``); a value
that is set is never changed. Every write goes through :func:`atomic_write`, never through a
symbolic link (a link already in the folder stops the run before anything is written through it).

The collectivité is checked by the model before anything is written:
:func:`check_collectivite` gives its canonical data or the diagnostics.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from iaterr import SCHEMA_VERSION, __version__
from iaterr.authoring.records import RecordExists, RecordRefused, new_record, write_record
from iaterr.base.diagnostics import Diagnostic
from iaterr.base.files import UnsafePath, os_reason, read_regular
from iaterr.i18n import message
from iaterr.model import KINDS, Collectivite
from iaterr.model.errors import diagnostic_from_pydantic
from iaterr.model.identifiers import slugify
from iaterr.repo.config import CONFIG_FILE, INSTALLATION_PLACEHOLDERS, Config, Repository, RepositoryError
from iaterr.repo.writing import write_whole
from iaterr.repo.yamlio import dump_roundtrip, roundtrip_yaml

TEMPLATES = "templates/init"

#: Files rendered from a template: path in the repository → template name
#: (``{lang}`` is replaced by the language of the register).
TEMPLATED_FILES: dict[str, str] = {
    CONFIG_FILE: "iaterr.yaml.j2",
    "README.md": "README.{lang}.md.j2",
    ".gitignore": "gitignore.j2",
    ".github/workflows/iaterr.yml": "iaterr.yml.j2",
    ".gitlab-ci.yml": "gitlab-ci.yml.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
}

#: Fields of the collectivité that ``iaterr init`` takes (as options or answers).
COLLECTIVITE_FIELDS = ("identifiant", "nom", "siret", "type", "contact", "site_web", "latitude", "longitude",
                       "code_insee")


class InvalidCollectivite(Exception):
    """The collectivité does not pass the model; nothing was written."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(", ".join(d.code for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass
class InitResult:
    """What :func:`init_repository` did. Paths are absolute."""

    root: Path
    created: list[Path] = field(default_factory=list)
    #: files that existed already and were left as they are
    skipped: list[Path] = field(default_factory=list)
    #: existing files completed without changing what they held (``iaterr.yaml``: empty keys filled in)
    updated: list[Path] = field(default_factory=list)
    #: keys filled in an existing ``iaterr.yaml`` (they were empty)
    config_filled: dict[str, str] = field(default_factory=dict)
    #: the restricted store made or checked (a public repository), and whether ``git init`` was run in it
    store: Path | None = None
    store_git: bool = False
    #: keys of an existing ``iaterr.yaml`` that had a value and kept it (the value kept)
    config_kept: dict[str, str] = field(default_factory=dict)
    #: ... and the value that was asked for instead
    config_asked: dict[str, str] = field(default_factory=dict)
    #: keys of an existing ``iaterr.yaml`` changed because they were asked for explicitly (``public: false`` made
    #: ``true`` by ``--public``): the value before
    config_switched: dict[str, str] = field(default_factory=dict)
    #: why an existing ``iaterr.yaml`` could not be completed: a detail, or a message key as ``{"t": key}``
    config_error: str | dict[str, Any] | None = None
    collectivite_path: Path | None = None
    #: False when the collectivité's record existed already (it is then in ``skipped``)
    collectivite_created: bool = False
    #: whether the repository describes at least one collectivité (now or from before)
    has_collectivite: bool = False
    git_initialised: bool = False
    #: the git repository the folder is in, new or existing; None without git
    git_root: Path | None = None
    #: why ``git init`` could not run (git missing, command failed)
    git_error: str | None = None
    #: the first commit made of what was written (its hexadecimal name), None when none was made
    commit: str | None = None
    #: no commit because git does not know who is committing (``user.name`` / ``user.email`` not set)
    commit_without_identity: bool = False
    #: why the first commit failed (a hook, a signature…): git's last words
    commit_error: str | None = None
    #: how the CI written installs iaterr (``installation`` of ``iaterr.yaml`` when it was written now)
    installation: Installation | None = None

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.git_initialised)


# ---------------------------------------------------------------- the collectivité


def check_collectivite(data: dict[str, Any]) -> dict[str, Any]:
    """The collectivité's canonical data (codes for labels, numbers as numbers).

    ``identifiant`` defaults to ``slugify(nom)``. Raises :class:`InvalidCollectivite`
    with one diagnostic per problem (SIRET format and checksum, e-mail, URL,
    vocabulary, missing field…), rendered later in the reader's language.
    """
    data = {k: v for k, v in data.items() if v is not None and v != ""}
    if not data.get("identifiant") and isinstance(data.get("nom"), str):
        data["identifiant"] = slugify(data["nom"])
    data = {"version_schema": SCHEMA_VERSION, **data}
    try:
        model = Collectivite.model_validate(data)
    except ValidationError as exc:
        rel = f"data/{KINDS['collectivite'][0]}/{data.get('identifiant') or '?'}.yaml"
        raise InvalidCollectivite([diagnostic_from_pydantic(err, rel, Collectivite, data, redact=False)
                                   for err in exc.errors()]) from None
    return model.model_dump(exclude_none=True)


def register_name(nom: str, lang: str) -> str:
    return message("init.nom-registre", lang, nom=nom)


# ---------------------------------------------------------------- where this iaterr comes from


@dataclass(frozen=True)
class Installation:
    """How the CI of a new repository installs the iaterr that created it."""

    #: a pip specification that works from a CI runner, or None when nothing reliable is known
    spec: str | None
    #: what the package knows of its origin (an address, ``index``, or ``inconnue``), said in the report and the
    #: comment of ``iaterr.yaml``
    source: str
    #: True when ``spec`` was given (``--installation``), not found
    given: bool = False


def _public_git_url(url: str) -> str | None:
    """A git address a CI runner can clone, without credentials: https as is, ssh and git:// read as https;
    a local path or ``file://`` is None (it exists only on this computer)."""
    from urllib.parse import urlsplit, urlunsplit

    url = url.strip()
    if url.startswith("git+"):
        url = url[4:]
    scp = re.fullmatch(r"[\w.-]+@([\w.-]+):(?!//)(.+)", url)  # git@forge.example:owner/iaterr.git
    if scp:
        return f"https://{scp.group(1)}/{scp.group(2).lstrip('/')}"
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http", "ssh", "git") or not parts.hostname or not parts.path.strip("/"):
        return None
    scheme = "https" if parts.scheme in ("ssh", "git") else parts.scheme
    host = parts.hostname if parts.scheme in ("ssh", "git") or parts.port is None else f"{parts.hostname}:{parts.port}"
    return urlunsplit((scheme, host, parts.path, "", ""))  # never a user, a token, a query


def _from_local_git(folder: Path) -> tuple[str | None, str]:
    """A source folder under git: its commit, on a remote that holds it (a branch of it contains it)."""
    try:
        import git
    except ImportError:
        return None, folder.as_uri()
    try:
        repo = git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None, folder.as_uri()
    try:
        commit = repo.head.commit.hexsha
        top = Path(repo.working_tree_dir or folder).resolve()
        sub = folder.resolve().relative_to(top).as_posix() if folder.resolve() != top else ""
        for remote in repo.remotes:
            public = _public_git_url(next(iter(remote.urls), ""))
            if public is None:
                continue
            held = repo.git.branch("-r", "--contains", commit, "--list", f"{remote.name}/*").strip()
            if held:
                fragment = f"#subdirectory={sub}" if sub else ""
                return f"iaterr @ git+{public}@{commit}{fragment}", f"git+{public}@{commit}"
        return None, f"{folder.as_uri()}, commit {commit[:12]}"
    except (git.GitCommandError, ValueError, OSError):
        return None, folder.as_uri()
    finally:
        repo.close()


def detect_installation(name: str = "iaterr") -> Installation:
    """Where the running iaterr was installed from, as a pip specification a CI runner can use.

    Read from the package's metadata (PEP 610 ``direct_url.json``): a git install gives its address and exact
    commit; an archive downloaded over https its address; a local folder the commit of its git repository when
    a remote holds it; no ``direct_url.json`` means a package index, so the exact version. Anything else (a
    local wheel, a folder outside git, a commit no remote holds, iaterr run from its sources) is unknown:
    ``spec`` is None and ``iaterr init`` writes the placeholder."""
    from importlib import metadata

    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return Installation(None, "inconnue")
    raw = dist.read_text("direct_url.json")
    if raw is None:
        return Installation(f"iaterr=={dist.version}", "index")
    try:
        info = json.loads(raw)
        url = str(info.get("url") or "")
    except (ValueError, AttributeError):
        return Installation(None, "inconnue")
    subdir = str(info.get("subdirectory") or "")
    fragment = f"#subdirectory={subdir}" if subdir else ""
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict):
        public = _public_git_url(url) if vcs.get("vcs") == "git" else None
        commit = str(vcs.get("commit_id") or "")
        if public and re.fullmatch(r"[0-9a-f]{7,64}", commit):
            return Installation(f"iaterr @ git+{public}@{commit}{fragment}", f"git+{public}@{commit}")
        if url.startswith("file:"):
            return Installation(*_from_local_git(_file_path(url) / subdir))
        return Installation(None, url or "inconnue")
    if isinstance(info.get("archive_info"), dict) and url.startswith("https://"):
        from urllib.parse import urlsplit

        if urlsplit(url).username is None:  # never a credential written in a repository
            return Installation(f"iaterr @ {url}", url)
        return Installation(None, "https://…")
    if isinstance(info.get("dir_info"), dict) and url.startswith("file:"):
        return Installation(*_from_local_git(_file_path(url) / subdir))
    return Installation(None, url or "inconnue")


def _file_path(url: str) -> Path:
    from urllib.parse import unquote, urlsplit

    return Path(unquote(urlsplit(url).path))


def installation_for(given: str | None) -> Installation:
    """``--installation`` when given, else what :func:`detect_installation` finds."""
    if given is not None and given.strip():
        return Installation(given.strip(), "option", given=True)
    return detect_installation()


# ---------------------------------------------------------------- templates


def _quoted(value: Any) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)


def _value(value: Any) -> str:
    """`` <value>`` after a key, or nothing: an empty key reads as null."""
    return "" if value is None or value == "" else " " + _quoted(value)


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("iaterr", TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quoted"] = _quoted
    env.filters["value"] = _value
    return env


def render_template(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def render_files(lang: str, collectivite: dict[str, Any] | None,
                 installation: Installation | None = None, *, public: bool = False,
                 restreint: str | None = None) -> dict[str, str]:
    """The text of every templated file of a new repository, by path."""
    registre = register_name(collectivite["nom"], lang) if collectivite else None
    installation = installation or Installation(None, "inconnue")
    context = {
        "installation": installation.spec or INSTALLATION_PLACEHOLDERS[lang] + (
            " (voir le commentaire ci-dessus)" if lang == "fr" else " (see the comment above)"),
        "installation_source": installation.source,
        "installation_connue": installation.spec is not None,
        "installation_donnee": installation.given,
        "placeholders": tuple(INSTALLATION_PLACEHOLDERS.values()),
        "lang": lang,
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "collectivite": collectivite,
        "identifiant": collectivite["identifiant"] if collectivite else None,
        "registre": registre,
        "titre": registre or message("init.titre-registre", lang),
        "public": public,
        "restreint": restreint if public else None,
    }
    return {path: render_template(template.format(lang=lang), **context)
            for path, template in TEMPLATED_FILES.items()}


# ---------------------------------------------------------------- the repository


def init_repository(target: Path, *, collectivite: dict[str, Any] | None = None, lang: str = "fr",
                    git: bool = True, commit: bool = True, installation: Installation | None = None,
                    public: bool | None = None, restreint: str | None = None) -> InitResult:
    """Create (or complete) the data repository in ``target``; see the module's docstring.

    ``installation`` is how the CI installs iaterr (by default what :func:`detect_installation` finds). With
    ``git`` and ``commit``, what is written is committed when the git repository is new (``git init`` now, or
    one without any commit whose root is ``target``) and git knows who commits; else the result says why not.

    Raises :class:`InvalidCollectivite` before writing anything when the
    collectivité is not valid, and :class:`RepositoryError` when ``target`` cannot
    be a repository (a file, not writable).
    """
    if collectivite is not None:
        collectivite = check_collectivite(collectivite)
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise RepositoryError("init.pas-un-dossier", chemin=str(target))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RepositoryError("cli.ecriture-impossible", chemin=str(target), erreur=os_reason(exc)) from exc
    root = target.resolve()
    result = InitResult(root)
    repo = Repository(root, Config(langue=lang))

    def write(path: Path, text: str) -> None:
        if path.exists() or path.is_symlink():
            result.skipped.append(path)
            return
        write_whole(path, text, root=root)
        result.created.append(path)

    installation = installation or detect_installation()
    if public and not restreint:
        restreint = default_store(root)
    if public and restreint:  # refused before anything is written: inside the repository, it would be published
        import os

        where = os.path.realpath(root / restreint)
        if where == str(root) or where.startswith(str(root).rstrip(os.sep) + os.sep):
            raise RepositoryError("restreint.dans-le-depot", chemin=restreint)
    files = render_files(lang, collectivite, installation, public=bool(public), restreint=restreint)
    config_existed = (root / CONFIG_FILE).exists()
    write(root / CONFIG_FILE, files.pop(CONFIG_FILE))
    if not config_existed:
        result.installation = installation

    if collectivite is not None:
        record = new_record(repo, "collectivite", collectivite, lang=lang)
        try:
            result.collectivite_path = write_record(repo, record)
            result.collectivite_created = True
            result.created.append(result.collectivite_path)
        except RecordExists as exc:
            result.collectivite_path = exc.path
            result.skipped.append(exc.path)
        except RecordRefused as exc:  # checked above: only a file-level surprise can get here
            raise InvalidCollectivite(exc.record.problems) from exc
    for kind in KINDS:
        folder = repo.kind_dir(kind)
        # git keeps no empty folder: a .gitkeep holds the place of the first records
        if not folder.is_dir() or not any(e.name != ".gitkeep" for e in folder.iterdir()):
            write(folder / ".gitkeep", "")

    from iaterr.model.jsonschema import schema_texts

    for name, text in schema_texts().items():
        write(repo.schema_dir / name, text)
    for rel, text in files.items():
        write(root / rel, text)

    result.has_collectivite = any(repo.kind_dir("collectivite").glob("*.y*ml"))
    wanted: dict[str, str] = {}
    if config_existed and collectivite is not None:
        wanted.update({"nom": register_name(collectivite["nom"], lang),
                       "collectivite_defaut": collectivite["identifiant"]})
    if config_existed and public:
        wanted.update({"public": "true", "restreint": restreint or default_store(root)})
    if wanted:
        _complete_config(root / CONFIG_FILE, wanted, result)
    if public:
        _make_store(root, result, git)
    if git:
        _git_init(root, result)
        if commit and result.git_root == root and (result.created or result.updated):
            _first_commit(root, result, lang)
    return result


def default_store(root: Path) -> str:
    """Where a public repository's restricted store goes by default: beside it, ``../<name>-restreint``."""
    return f"../{root.name}-restreint"


def _make_store(root: Path, result: InitResult, git: bool) -> None:
    """The restricted store iaterr.yaml names: its folder and marker (:func:`iaterr.repo.restreint.create`), and
    a git repository of its own (private: never pushed by iaterr)."""
    import subprocess

    from iaterr.repo.config import load_config
    from iaterr.repo.restreint import configured_path, create

    repo = Repository(root, load_config(root))
    named = configured_path(repo)
    if named is None or not repo.config.public:
        return
    path, shown, _source = named
    store = create(repo, path, shown)
    result.store = store.root
    if git and not (store.root / ".git").exists():
        try:
            subprocess.run(["git", "init", "-q", str(store.root)], check=True, capture_output=True, timeout=60)
            result.store_git = True
        except (OSError, subprocess.SubprocessError):
            result.store_git = False


def _complete_config(path: Path, wanted: dict[str, str], result: InitResult) -> None:
    """Fill the empty keys of an existing ``iaterr.yaml``, keeping its comments; change no value."""
    import io

    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    try:  # never through a link: the file would bring another one's content into the repository
        text = read_regular(path).decode("utf-8")
    except UnsafePath as exc:
        raise RepositoryError("cli.lien-refuse", chemin=str(path), cible=exc.target) from exc
    except (OSError, UnicodeDecodeError) as exc:
        result.config_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return
    try:
        data = roundtrip_yaml().load(io.StringIO(text))
    except Exception as exc:  # noqa: BLE001 - any reading error: say so, change nothing
        result.config_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        result.config_error = {"t": "init.config-pas-une-table"}
        return
    filled = {}
    switched = False
    for key, value in wanted.items():
        current = data.get(key)
        if current is None or (isinstance(current, str) and not current.strip()):
            data[key] = DoubleQuotedScalarString(value)
            filled[key] = value
        elif key == "public" and str(current).strip().lower() not in ("true", "oui", "yes"):
            # --public asked for explicitly on a repository that says it is private: it becomes public (said)
            data[key] = True
            result.config_switched[key] = str(current).lower() if isinstance(current, bool) else str(current)
            switched = True
        elif key != "public" and str(current) != value:
            result.config_kept[key] = str(current)
            result.config_asked[key] = value
    if filled or switched:
        write_whole(path, dump_roundtrip(data), root=path.parent)
        result.config_filled.update(filled)
        result.skipped.remove(path)
        result.updated.append(path)


def _git_init(root: Path, result: InitResult) -> None:
    """``git init`` unless ``root`` is already inside a git repository."""
    try:
        import git
    except ImportError as exc:  # GitPython installed, but no git executable
        result.git_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return
    try:
        existing = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        existing = None
    if existing is not None:
        try:
            result.git_root = Path(existing.working_tree_dir or existing.git_dir).resolve()
        finally:
            existing.close()
        return
    try:
        created = git.Repo.init(root)
    except (git.GitCommandError, OSError) as exc:
        result.git_error = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        return
    created.close()
    result.git_initialised = True
    result.git_root = root


def _has_identity(repo: Any) -> bool:
    """Whether git knows who commits: ``user.name`` and ``user.email`` (or their environment variables)."""
    import os

    import git

    def setting(key: str, *variables: str) -> str:
        for variable in variables:
            if os.environ.get(variable, "").strip():
                return os.environ[variable]
        try:
            return str(repo.git.config("--get", key)).strip()
        except git.GitCommandError:  # not set: git config exits 1
            return ""

    return bool(setting("user.name", "GIT_AUTHOR_NAME") and setting("user.email", "GIT_AUTHOR_EMAIL", "EMAIL"))


def _first_commit(root: Path, result: InitResult, lang: str) -> None:
    """Commit what was written, in a git repository without any commit yet (only these paths: anything the
    user had staged stays staged)."""
    import git

    try:
        repo = git.Repo(root)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return
    try:
        try:
            repo.head.commit  # noqa: B018 - raises ValueError while the repository has no commit
            return  # a repository with a history: its owner commits
        except ValueError:
            pass
        if not _has_identity(repo):
            result.commit_without_identity = True
            return
        paths = sorted({p.relative_to(root).as_posix() for p in result.created + result.updated})
        repo.git.add("--", *paths)
        repo.git.commit("-q", "-m", message("init.message-commit", lang), "--", *paths)
        result.commit = repo.head.commit.hexsha
    except git.GitCommandError as exc:
        lines = [line for line in str(exc.stderr or exc).strip().splitlines() if line.strip()]
        result.commit_error = lines[-1].strip().removeprefix("stderr: ").strip("'") if lines else str(exc)
    finally:
        repo.close()
