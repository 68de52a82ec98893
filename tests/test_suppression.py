"""Deleting a folder iaterr made or was given (a site's old folder, a staging folder, a fetched repository): at any
depth, never through a link, and nothing outside it."""

from __future__ import annotations

import os

import pytest

from iaterr.base.files import remove_tree


def _deep(base, depth: int):
    folders = [base]
    for _ in range(depth):
        folders.append(folders[-1] / "a")
        folders[-1].mkdir()
    return folders


def test_a_tree_a_thousand_folders_deep_is_deleted(tmp_path):
    top = tmp_path / "site"
    top.mkdir()
    folders = _deep(top, 1500)
    (folders[-1] / "page.html").write_text("x", encoding="utf-8")
    (folders[700] / "autre.html").write_text("y", encoding="utf-8")
    remove_tree(top)
    assert not top.exists() and list(tmp_path.iterdir()) == []


def test_links_are_deleted_never_followed(tmp_path):
    outside = tmp_path / "dehors"
    outside.mkdir()
    (outside / "garde.txt").write_text("à garder", encoding="utf-8")
    top = tmp_path / "site"
    (top / "sous").mkdir(parents=True)
    (top / "sous" / "lien-dossier").symlink_to(outside, target_is_directory=True)
    (top / "lien-fichier").symlink_to(outside / "garde.txt")
    remove_tree(top)
    assert not top.exists()
    assert (outside / "garde.txt").read_text(encoding="utf-8") == "à garder"


def test_a_link_given_is_deleted_as_a_link(tmp_path):
    outside = tmp_path / "dehors"
    outside.mkdir()
    (outside / "garde.txt").write_text("x", encoding="utf-8")
    link = tmp_path / "site"
    link.symlink_to(outside, target_is_directory=True)
    remove_tree(link)
    assert not os.path.lexists(link) and (outside / "garde.txt").exists()


def test_a_missing_folder_is_said_unless_ignored(tmp_path):
    with pytest.raises(FileNotFoundError):
        remove_tree(tmp_path / "absent")
    remove_tree(tmp_path / "absent", ignore_errors=True)


def test_a_file_that_cannot_be_deleted_stops_nothing_else_with_ignore_errors(tmp_path, monkeypatch):
    top = tmp_path / "site"
    (top / "b").mkdir(parents=True)
    for name in ("a.html", "page.html", "z.html"):
        (top / "b" / name).write_text("x", encoding="utf-8")
    (top / "c.html").write_text("x", encoding="utf-8")
    unlink = os.unlink

    def refusing(path, *args, **kwargs):
        if os.fsdecode(path).endswith("page.html"):
            raise PermissionError(13, "refusé", path)
        return unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", refusing)
    with pytest.raises(PermissionError):
        remove_tree(top)
    remove_tree(top, ignore_errors=True)
    assert sorted(p.name for p in top.rglob("*")) == ["b", "page.html"]


def test_a_site_folder_holding_a_deep_tree_is_replaced(cli, repo_copy, tmp_path):
    out = tmp_path / "site"
    first = cli("register", "build", "--repo", str(repo_copy), "--out", str(out))
    assert first.exit_code in (0, 1), first.output
    _deep(out, 1200)  # put there by hand, or by anything else than iaterr
    again = cli("register", "build", "--repo", str(repo_copy), "--out", str(out))
    assert again.exit_code in (0, 1), again.output + again.stderr
    assert "Erreur interne" not in again.output + again.stderr
    assert (out / "index.html").is_file() and not (out / "a").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing left beside it
