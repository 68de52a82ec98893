"""git operations, through gitpython."""

from __future__ import annotations

from pathlib import Path


class GitError(Exception):
    pass


def commit_only(path: Path, message: str) -> str:
    """Commit ``path`` and nothing else, even when other changes are staged.

    ``git add`` the file, then ``git commit --only -- path``: changes staged
    before stay staged and out of this commit. Returns the short commit id.
    """
    try:
        import git
    except ImportError as exc:  # pragma: no cover - gitpython is a dependency
        raise GitError(str(exc)) from exc
    try:
        repo = git.Repo(path.parent, search_parent_directories=True)
        rel = path.resolve().relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
        repo.git.add("--", rel)
        repo.git.commit("--only", "-m", message, "--", rel)
        return repo.head.commit.hexsha[:8]
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
        raise GitError(f"pas de dépôt git autour de {path.parent}") from exc
    except git.GitCommandError as exc:
        detail = (exc.stderr or str(exc)).strip().splitlines()
        raise GitError(detail[-1] if detail else str(exc)) from exc
    except ValueError as exc:
        raise GitError(str(exc)) from exc
