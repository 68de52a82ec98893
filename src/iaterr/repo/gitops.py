"""git operations, through gitpython."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path


@dataclass
class GitHistory:
    """When each record file last changed, from git (and the working tree)."""

    available: bool = False
    shallow: bool = False
    #: relative path → date of the last commit that touched it (today for uncommitted changes)
    last_change: dict[str, date] = field(default_factory=dict)
    #: relative path → date of the first commit that added it
    first_seen: dict[str, date] = field(default_factory=dict)
    #: in a shallow clone, the date of the oldest commit present: files not seen since are at least that old
    boundary: date | None = None
    reason: str = ""


class GitError(Exception):
    pass


def commit_only(path: Path, message: str, *, gone: Path | None = None) -> str:
    """Commit ``path`` and nothing else, even when other changes are staged.

    ``git add`` the file, then ``git commit --only -- path``: changes staged
    before stay staged and out of this commit. ``gone``: the file's former path,
    when it was renamed (its removal goes into the same commit). Returns the
    short commit id.
    """
    try:
        import git
    except ImportError as exc:  # pragma: no cover - gitpython is a dependency
        raise GitError(str(exc)) from exc
    try:
        repo = git.Repo(path.parent, search_parent_directories=True)
        top = Path(str(repo.working_tree_dir)).resolve()
        rel = path.resolve().relative_to(top).as_posix()
        repo.git.add("--", rel)
        paths = [rel]
        if gone is not None:
            old = (gone.parent.resolve() / gone.name).relative_to(top).as_posix()
            if repo.git.ls_tree("HEAD", "--", old) if repo.head.is_valid() else "":
                paths.append(old)
        repo.git.commit("--only", "-m", message, "--", *paths)
        return repo.head.commit.hexsha[:8]
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
        raise GitError(f"pas de dépôt git autour de {path.parent}") from exc
    except git.GitCommandError as exc:
        detail = (exc.stderr or str(exc)).strip().splitlines()
        raise GitError(detail[-1] if detail else str(exc)) from exc
    except ValueError as exc:
        raise GitError(str(exc)) from exc


def file_history(root: Path) -> GitHistory:
    """When each file under ``data/`` last changed and first appeared, in one pass over git's history.

    Uncommitted changes count as today's. A shallow clone is said so: dates at its
    boundary are only bounds. Without git or outside a repository, ``available`` is False.
    """
    from datetime import datetime

    try:
        import git
    except ImportError:  # pragma: no cover
        return GitHistory(reason="gitpython")
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return GitHistory(reason="pas-de-depot")
    try:
        top = Path(str(repo.working_tree_dir)).resolve()
        prefix = root.resolve().relative_to(top).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        history = GitHistory(available=True)
        try:
            history.shallow = repo.git.rev_parse("--is-shallow-repository").strip() == "true"
        except git.GitCommandError:
            history.shallow = False
        if history.shallow and repo.head.is_valid():
            roots = repo.git.rev_list("--max-parents=0", "HEAD").split()
            if roots:
                stamp = repo.git.log("-1", "--format=%ct", roots[-1]).strip()
                history.boundary = datetime.fromtimestamp(int(stamp), tz=UTC).date()
        if not repo.head.is_valid():
            history.reason = "aucun-commit"
        else:
            out = repo.git.log("--format=%x00%ct", "--name-only", "--no-renames", "--", f"{prefix}data")
            current: date | None = None
            for line in out.splitlines():
                if line.startswith("\x00"):
                    current = datetime.fromtimestamp(int(line[1:]), tz=UTC).date()
                elif line and current is not None and line.startswith(prefix):
                    rel = line[len(prefix):]
                    history.last_change.setdefault(rel, current)  # newest first
                    history.first_seen[rel] = current  # oldest wins, last seen
        today = date.today()
        changed = [d.a_path for d in repo.index.diff(None)] + [d.a_path for d in repo.index.diff("HEAD")] \
            if repo.head.is_valid() else []
        for path in [str(p) for p in changed if p] + list(repo.untracked_files):
            if path.startswith(prefix):
                history.last_change[path[len(prefix):]] = today
                history.first_seen.setdefault(path[len(prefix):], today)
        return history
    except (git.GitCommandError, ValueError, OSError) as exc:
        return GitHistory(reason=str(exc).splitlines()[0] if str(exc) else "git")


def git_commit(root: Path) -> str | None:
    """The short hash of HEAD of the git repository holding ``root``, or None."""
    try:
        import git

        repo = git.Repo(root, search_parent_directories=True)
        try:
            return str(repo.head.commit.hexsha[:8])
        finally:
            repo.close()
    except Exception:  # noqa: BLE001 - not a repository, no commit yet, no git: "hors git"
        return None
