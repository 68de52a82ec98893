"""Drafts of `iaterr new`: kept under the repository's root, never read, written or deleted through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iaterr.repo.config import RepositoryError
from iaterr.repo.drafts import Draft, DraftError, delete_draft, load_draft, save_draft


def _draft(root: Path) -> Draft:
    return Draft(root, root / ".iaterr" / "brouillons" / "nouveau-cas-usage.json")


def test_saved_read_back_and_deleted(tmp_path):
    draft = _draft(tmp_path)
    assert load_draft(draft) is None
    save_draft(draft, {"answers": {"nom": "Comptage"}})
    assert load_draft(draft) == {"version": 1, "answers": {"nom": "Comptage"}}
    assert (tmp_path / ".iaterr" / ".gitignore").is_file()
    delete_draft(draft)
    assert not draft.path.exists() and load_draft(draft) is None
    delete_draft(draft)  # already gone: nothing to do


def test_a_draft_folder_that_is_a_link_is_neither_read_written_nor_deleted(tmp_path):
    root, elsewhere = tmp_path / "depot", tmp_path / "ailleurs"
    root.mkdir()
    (elsewhere / "brouillons").mkdir(parents=True)
    theirs = elsewhere / "brouillons" / "nouveau-cas-usage.json"
    theirs.write_text('{"version": 1}', encoding="utf-8")
    os.symlink(elsewhere, root / ".iaterr")
    draft = _draft(root)
    with pytest.raises(DraftError):
        load_draft(draft)
    with pytest.raises(RepositoryError):
        save_draft(draft, {"answers": {}})
    delete_draft(draft)
    assert theirs.read_text(encoding="utf-8") == '{"version": 1}'


def test_a_file_where_the_draft_folder_should_be_means_no_draft(tmp_path):
    (tmp_path / ".iaterr").write_text("pas un dossier\n", encoding="utf-8")
    draft = _draft(tmp_path)
    assert load_draft(draft) is None
    delete_draft(draft)
