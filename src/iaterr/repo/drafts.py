"""Drafts of ``iaterr new``: every answer is kept as soon as it is given.

A draft is a JSON file in ``.iaterr/brouillons/`` at the repository root (ignored
by git), written atomically after each answer, read back by ``--resume`` and
deleted once the record is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from iaterr.repo.config import Repository
from iaterr.base.files import atomic_write

DRAFT_DIR = Path(".iaterr") / "brouillons"


class DraftError(Exception):
    pass


def draft_path(repo: Repository, name: str = "nouveau-cas-usage") -> Path:
    return repo.root / DRAFT_DIR / f"{name}.json"


def save_draft(path: Path, state: dict[str, Any]) -> None:
    first = not path.parent.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    if first:
        ignore = path.parent.parent / ".gitignore"
        if not ignore.exists():
            atomic_write(ignore, "# Brouillons d'iaterr : ne pas versionner.\n*\n")
    atomic_write(path, json.dumps({"version": 1, **state}, ensure_ascii=False, indent=2, default=str))


def load_draft(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DraftError(exc.strerror) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DraftError(str(exc)) from exc
    if not isinstance(data, dict):
        raise DraftError("not a JSON object")
    return data


def delete_draft(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
