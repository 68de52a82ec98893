"""Drafts of ``iaterr new``: every answer is kept as soon as it is given.

A draft is a JSON file in ``.iaterr/brouillons/`` at the repository root (ignored
by git), written atomically after each answer, read back by ``--resume`` and
deleted once the record is written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iaterr.base.files import UnsafePath, contained, read_regular
from iaterr.repo.config import Repository
from iaterr.repo.writing import write_whole

DRAFT_DIR = Path(".iaterr") / "brouillons"


class DraftError(Exception):
    pass


@dataclass(frozen=True)
class Draft:
    """A draft file and the root of its repository, under which nothing is read or written through a link."""

    root: Path
    path: Path


def draft_path(repo: Repository, name: str = "nouveau-cas-usage") -> Draft:
    return Draft(repo.root, repo.root / DRAFT_DIR / f"{name}.json")


def save_draft(draft: Draft, state: dict[str, Any]) -> None:
    ignore = draft.path.parent.parent / ".gitignore"
    if not ignore.exists() and not ignore.is_symlink():
        write_whole(ignore, "# Brouillons d'iaterr : ne pas versionner.\n*\n", root=draft.root)
    write_whole(draft.path, json.dumps({"version": 1, **state}, ensure_ascii=False, indent=2, default=str),
                root=draft.root)


def load_draft(draft: Draft) -> dict[str, Any] | None:
    try:
        text = read_regular(contained(draft.root, draft.path, must_exist=True)).decode("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except UnsafePath as exc:
        raise DraftError(f"{exc.link or draft.path} → {exc.target}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftError(getattr(exc, "strerror", None) or str(exc)) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DraftError(str(exc)) from exc
    if not isinstance(data, dict):
        raise DraftError("not a JSON object")
    return data


def delete_draft(draft: Draft) -> None:
    """Delete the draft; one reached through a link is not this repository's, and is left alone."""
    try:
        os.unlink(contained(draft.root, draft.path))
    except (FileNotFoundError, NotADirectoryError, UnsafePath):
        pass
