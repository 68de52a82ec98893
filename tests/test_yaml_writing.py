"""Writing keeps comments and key order, and is atomic."""

from __future__ import annotations

import io
import os

import pytest

from conftest import ROOT
from iaterr.base.files import read_regular
from iaterr.repo import yamlio
from iaterr.repo.config import RepositoryError
from iaterr.repo.writing import write_whole


def _load(path):
    """A record read for editing as iaterr does it (no link followed): comments and key order kept."""
    return yamlio.roundtrip_yaml().load(io.StringIO(read_regular(path).decode("utf-8")))


def test_roundtrip_keeps_comments_order_and_quotes(tmp_path):
    source = ROOT / "data/cas-usage/sicoval-detection-fuites-eau.yaml"
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    data = _load(path)
    write_whole(path, yamlio.dump_roundtrip(data), root=tmp_path)
    assert path.read_bytes() == source.read_bytes()
    data["statut"] = "termine"
    data.insert(list(data).index("statut") + 1, "date_fin", "2025-06")
    write_whole(path, yamlio.dump_roundtrip(data), root=tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/cas-usage.schema.json\n")
    assert "# --- Identification ---" in text
    assert "statut: termine\ndate_fin: 2025-06\n" in text
    keys = [ln.split(":")[0] for ln in text.splitlines() if ln and ln[0].isalpha()]
    assert keys.index("nom") < keys.index("statut") < keys.index("description")


def test_a_write_replaces_the_whole_file(tmp_path):
    path = tmp_path / "fiche.yaml"
    write_whole(path, "a: 1\n", root=tmp_path)
    write_whole(path, "b: 2\n", root=tmp_path)
    assert path.read_text(encoding="utf-8") == "b: 2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["fiche.yaml"]


def test_failed_write_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "fiche.yaml"
    path.write_text("original: true\n", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(RepositoryError) as refused:
        write_whole(path, "nouveau: true\n" * 1000, root=tmp_path)
    assert refused.value.params["chemin"] == str(path)  # the file meant, not the temporary one
    assert path.read_text(encoding="utf-8") == "original: true\n"
    assert [p.name for p in tmp_path.iterdir()] == ["fiche.yaml"]


def test_position_of_keys_values_and_missing_paths():
    text = "a: 1\nb:\n  - x\n  - c: 2\nd:\n"
    doc = yamlio.read_document(text.encode(), "t.yaml")
    assert yamlio.position(doc.root, ("a",)) == (1, 4)
    assert yamlio.position(doc.root, ("a",), key=True) == (1, 1)
    assert yamlio.position(doc.root, ("b", 1, "c")) == (4, 8)
    assert yamlio.position(doc.root, ("b", 5)) == (3, 3)
    assert yamlio.position(doc.root, ("d",)) == (5, 1)  # an empty value points at its key
    assert doc.data == {"a": "1", "b": ["x", {"c": "2"}], "d": None}


def test_nulls_and_quoted_nulls():
    doc = yamlio.read_document(b'a: ~\nb: null\nc: "null"\nd: \'\'\n', "t.yaml")
    assert doc.data == {"a": None, "b": None, "c": "null", "d": ""}
