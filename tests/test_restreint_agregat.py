"""Aggregation and restricted stores: a source names its companion store (a local path or a git address) in the
sources file; the members-only aggregate reads it where it can; the public aggregate never holds a restricted
value (every output the format registry knows, and the register's site, checked on it)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iaterr.repo.restreint import marker_text
from test_aggregate import commit, git, lock, record, small_repo, sources_file

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to make source repositories")



def _public_source(tmp_path: Path, coll: str, values: str, *, remote_store: bool) -> tuple[Path, str]:
    """A public repository of ``coll`` (one use case, no restricted value in it) and its store holding ``values``
    for that use case: a plain folder, or a git repository given by its address."""
    repo = small_repo(tmp_path / coll, coll, {f"{coll}-chatbot": record(f"{coll}-chatbot", coll, f"Chatbot {coll}")})
    (repo / "iaterr.yaml").write_text('version_schema: "1.0"\npublic: true\nrestreint: ../ailleurs\n')
    commit(repo)
    store = tmp_path / f"{coll}-restreint"
    (store / "cas-usage").mkdir(parents=True)
    (store / "iaterr-restreint.yaml").write_text(marker_text(coll, [os.path.realpath(repo)]))
    (store / "cas-usage" / f"{coll}-chatbot.yaml").write_text(values)
    if not remote_store:
        return repo, str(store)
    git(store, "init", "-q")
    commit(store, "magasin")
    return repo, store.as_uri()


@pytest.fixture
def sources(tmp_path) -> Path:
    _repo, paris_store = _public_source(tmp_path, "paris", "nom_algorithme: PLANTE-AGREGAT-PARIS\n"
                                        "contact: plante.paris@restreint.example\nhebergement: interne\n",
                                        remote_store=False)
    _repo, lyon_store = _public_source(tmp_path, "lyon", "description_algorithme: PLANTE-AGREGAT-LYON texte\n",
                                       remote_store=True)
    return sources_file(tmp_path, [{"depot": "paris", "restreint": paris_store},
                                   {"depot": "lyon", "restreint": lyon_store}])


def _holding(out: Path, marker: str = "PLANTE") -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and marker in p.read_text(encoding="utf-8", errors="replace"))


def test_the_members_only_aggregate_reads_the_companions(cli, tmp_path, sources):
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    assert result.exit_code == 0, result.output
    assert result.output.count("magasin restreint") >= 2 and "lu." in result.output
    assert _holding(out) == ["data/cas-usage/lyon-chatbot.yaml", "data/cas-usage/paris-chatbot.yaml"]
    assert cli("validate", "--repo", str(out)).exit_code == 0
    restricted = cli("export", "--repo", str(out), "-f", "csv", "--include-restricted")
    assert "PLANTE-AGREGAT-PARIS" in restricted.stdout and "PLANTE-AGREGAT-LYON" in restricted.stdout
    assert "plante.paris@restreint.example" in restricted.stdout
    assert "PLANTE" not in cli("export", "--repo", str(out), "-f", "csv").stdout  # its exports stay public
    assert lock(out)["public"] is False


def test_the_public_aggregate_never_reads_a_companion_nor_holds_a_value(cli, tmp_path, sources):
    from iaterr.publish.formats import FORMATS

    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "magasin restreint" not in result.output and _holding(out) == []
    outputs = {}
    for fmt in FORMATS:
        exported = cli("export", "--repo", str(out), "--format", fmt)
        assert exported.exit_code == 0, (fmt, exported.output)
        outputs[fmt] = exported.stdout + exported.stderr
    outputs["restreints"] = cli("export", "--repo", str(out), "-f", "csv", "--include-restricted").stdout
    built = cli("register", "build", "--repo", str(out), "--out", str(tmp_path / "site"))
    assert built.exit_code in (0, 1) and (tmp_path / "site" / "index.html").is_file(), built.output
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            outputs[f"site {path.name}"] = path.read_text(encoding="utf-8", errors="replace")
    for name, text in outputs.items():
        assert "PLANTE" not in text and "restreint.example" not in text, name
    # after a members-only run, a public one writes none of its files back
    assert cli("aggregate", str(sources), "--out", str(out), "--membres").exit_code == 0
    assert _holding(out)
    assert cli("aggregate", str(sources), "--out", str(out)).exit_code == 0
    assert _holding(out) == []


def test_a_companion_without_marker_is_not_read_and_said(cli, tmp_path, sources):
    (tmp_path / "paris-restreint" / "iaterr-restreint.yaml").unlink()
    out = tmp_path / "out"
    result = cli("aggregate", str(sources), "--out", str(out), "--membres")
    assert result.exit_code == 1, result.output  # a finding, as a bad value in a store file is
    assert "non lu" in result.output and "iaterr-restreint.yaml" in result.output
    assert _holding(out) == ["data/cas-usage/lyon-chatbot.yaml"]
    said = {s["adresse"]: s.get("restreint_erreur") for s in lock(out)["sources"]}
    assert said["paris"]["cle"] == "agregation.restreint.sans-marqueur"
    assert "iaterr-restreint.yaml" in said["paris"]["fr"]
    assert said["lyon"] is None
    # the store is named by the sources file: the hint says so, and never asks the network to create it
    said = " ".join(result.output.split())
    assert "l'entrée « restreint » de cette source dans le fichier de sources" in said, result.output
    assert "iaterr.yaml" not in said and "iaterr init" not in said


def test_a_sources_file_restreint_key_is_checked(tmp_path):
    from iaterr.aggregate.sources import SourcesError, parse_sources

    parsed = parse_sources(b"sources:\n  - depot: a\n    restreint: ../b\n", "s.yaml", tmp_path)
    assert parsed.sources[0].companion == os.path.abspath(tmp_path / "../b")
    assert parsed.sources[0].companion_shown == "../b"
    for bad in (b"sources:\n  - csv: a.csv\n    restreint: ../b\n",
                b"sources:\n  - depot: a\n    restreint: ext::sh\n"):
        with pytest.raises(SourcesError):
            parse_sources(bad, "s.yaml", tmp_path)


def test_a_public_source_that_publishes_restricted_values_is_named(cli, tmp_path):
    """A source whose iaterr.yaml says it is public, its files holding restricted values: the public library leaves
    the values out (as always) and says so, so that the network tells the collectivité (a fresh-eyes review saw
    such a source reported as clean)."""
    leaking = small_repo(tmp_path / "fuite", "fuite", {
        "arbres": record("arbres", "fuite", "Arbres", extra="budget: moins_50k\n"),
        "chatbot": record("chatbot", "fuite", "Assistant")})
    (leaking / "iaterr.yaml").write_text('version_schema: "1.0"\npublic: true\n', encoding="utf-8")
    commit(leaking)
    small_repo(tmp_path / "prive", "prive", {
        "velos": record("velos", "prive", "Vélos", extra="budget: moins_50k\n")})
    out = tmp_path / "out"
    result = cli("aggregate", str(sources_file(tmp_path, [{"depot": "fuite"}, {"depot": "prive"}])), "--out",
                 str(out))
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "⚠ fuite : son iaterr.yaml le dit public (public: true), mais 1 fiche(s)" in said, result.output
    assert "data/cas-usage/arbres.yaml" in said and "iaterr restreint separer" in said
    assert "⚠ prive :" not in said  # a private repository holds its restricted values rightly
    assert "budget" not in (out / "data" / "cas-usage" / "arbres.yaml").read_text(encoding="utf-8")
    assert "budget" not in (out / "data" / "cas-usage" / "velos.yaml").read_text(encoding="utf-8")
    english = cli("aggregate", str(tmp_path / "sources.yaml"), "--out", str(out), "--complet", "--lang", "en")
    assert "its iaterr.yaml says it is public (public: true), but 1 record(s)" in " ".join(english.output.split())
