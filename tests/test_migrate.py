"""``iaterr migrate``: records of format 1.0 brought to 1.1 in place, every byte but the version line kept;
1.0 records keep validating meanwhile; links, unreadable files and unknown versions reported, never
followed nor crashed on; a future step that renames a field plugs in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from iaterr import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from iaterr.authoring import migrate as core
from iaterr.authoring.migrate import STEPS, Step, StepRefused, chain, migrate_bytes, migrate_repository
from iaterr.model.fields import fields_of
from iaterr.model.kinds import model_of
from iaterr.repo.config import RepositoryError, open_repository
from iaterr.repo.yamlio import read_document

#: A real record of data/, and a field it does not hold that exists since format 1.1.
REAL = "data/cas-usage/metz-vipare.yaml"
NEW_FIELD = "systeme_ia: true\n"


def _records(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*.yaml"))}


@pytest.fixture
def old_repo(repo_copy: Path) -> Path:
    """A copy of this repository's data, every record in format 1.0 (as data/ is today; a record the lead
    has already migrated is put back to 1.0 when it holds no field of 1.1, else left out)."""
    for rel, raw in _records(repo_copy).items():
        doc = read_document(raw, rel)
        version = doc.data.get("version_schema")
        if version == "1.0":
            continue
        kind = "cas_usage" if "/cas-usage/" in rel else "collectivite"
        newer = [n for n, m in fields_of(model_of(kind)).items() if n in doc.data and m.depuis != "1.0"]
        path = repo_copy / rel
        if newer or version != "1.1":
            path.unlink()
        else:
            path.write_bytes(raw.replace(b'version_schema: "1.1"', b'version_schema: "1.0"', 1))
    assert (repo_copy / REAL).is_file()
    return repo_copy


def _json(result) -> dict:
    return json.loads(result.stdout[result.stdout.index("{"):])


def _with_new_field(root: Path) -> int:
    """Adds a 1.1 field to the real record, after its name; returns the line it is on."""
    path = root / REAL
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, text in enumerate(lines) if text.startswith("nom:")) + 1
    lines.insert(at, NEW_FIELD)
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


# ---------------------------------------------------------------- 1.0 records keep validating


def test_the_real_data_validates_and_declares_a_supported_version(cli):
    result = cli("validate", "--repo", str(ROOT), "--format", "json")
    assert result.exit_code == 0, result.stdout
    versions = {read_document(raw, rel).data["version_schema"] for rel, raw in _records(ROOT).items()}
    assert versions <= set(SUPPORTED_SCHEMA_VERSIONS)


def test_records_of_format_1_0_keep_validating(cli, old_repo):
    assert {read_document(raw, rel).data["version_schema"] for rel, raw in _records(old_repo).items()} == {"1.0"}
    result = cli("validate", "--repo", str(old_repo), "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert _json(result)["resume"]["erreurs"] == 0


def test_a_1_0_record_holding_a_1_1_field_is_refused_with_its_line(cli, old_repo):
    line = _with_new_field(old_repo)
    result = cli("validate", "--repo", str(old_repo), "--format", "json")
    assert result.exit_code == 1
    found = [d for d in _json(result)["diagnostics"] if d["code"] == "champ-version-schema"]
    assert [(d["fichier"], d["ligne"], d["chemin"]) for d in found] == [(REAL, line, "systeme_ia")]
    assert "iaterr migrate" in found[0]["aide"]
    assert f"version {SCHEMA_VERSION}" in found[0]["aide"] and "{" not in found[0]["aide"], found[0]["aide"]


# ---------------------------------------------------------------- migrating the real data


def test_migrate_keeps_every_byte_but_the_version_line(cli, old_repo):
    _with_new_field(old_repo)
    before = _records(old_repo)
    result = cli("migrate", "--repo", str(old_repo))
    assert result.exit_code == 0, result.stdout
    after = _records(old_repo)
    assert set(after) == set(before) and len(before) >= 50
    for rel, raw in before.items():
        old, new = raw.decode("utf-8").splitlines(keepends=True), after[rel].decode("utf-8").splitlines(keepends=True)
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        expected = [('version_schema: "1.0"\n', f'version_schema: "{SCHEMA_VERSION}"\n')]
        assert len(old) == len(new) and changed == expected, rel
    assert f"Fiches passées au format {SCHEMA_VERSION} : {len(before)} ; déjà à jour : 0 ; laissées telles " \
           "quelles : 0." in result.stdout
    assert f"✓ {REAL} : format 1.0 → {SCHEMA_VERSION}" in result.stdout
    # then the records validate, the 1.1 field accepted
    checked = cli("validate", "--repo", str(old_repo), "--format", "json")
    assert checked.exit_code == 0, checked.stdout
    assert not [d for d in _json(checked)["diagnostics"] if d["code"] == "champ-version-schema"]


def test_migrate_is_idempotent(cli, old_repo):
    assert cli("migrate", "--repo", str(old_repo)).exit_code == 0
    once = _records(old_repo)
    again = cli("migrate", "--repo", str(old_repo))
    assert again.exit_code == 0
    assert _records(old_repo) == once
    assert f"Toutes les fiches lues ({len(once)}) sont au format {SCHEMA_VERSION} : rien à migrer." in again.stdout
    assert cli("migrate", "--check", "--repo", str(old_repo)).exit_code == 0


def test_check_lists_what_would_change_and_writes_nothing(cli, old_repo):
    before = _records(old_repo)
    result = cli("migrate", "--check", "--repo", str(old_repo))
    assert result.exit_code == 1
    assert _records(old_repo) == before
    assert f"• {REAL} : format 1.0 → {SCHEMA_VERSION} (à migrer)" in result.stdout
    assert "Rien n'a été écrit." in result.stdout and "Lancez `iaterr migrate`" in result.stdout


def test_paths_limit_the_migration(cli, old_repo):
    result = cli("migrate", "--repo", str(old_repo), str(old_repo / REAL))
    assert result.exit_code == 0
    versions = {rel: read_document(raw, rel).data["version_schema"] for rel, raw in _records(old_repo).items()}
    assert versions.pop(REAL) == SCHEMA_VERSION and set(versions.values()) == {"1.0"}


def test_english_output(cli, old_repo):
    result = cli("migrate", "--check", "--repo", str(old_repo), "--lang", "en", lang="en")
    assert f"• {REAL}: format 1.0 → {SCHEMA_VERSION} (to upgrade)" in result.stdout
    assert "Nothing was written." in result.stdout


def test_the_embedded_data_are_never_migrated(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no repository around: the embedded one (this project's data/)
    before = _records(ROOT)
    result = cli("migrate")
    assert result.exit_code == 2 and _records(ROOT) == before


# ---------------------------------------------------------------- what is left alone, and said


def test_a_link_in_data_is_refused_never_followed(cli, old_repo, tmp_path):
    outside = tmp_path / "dehors"
    outside.mkdir()
    target = outside / "fiche.yaml"
    target.write_bytes((old_repo / REAL).read_bytes())
    (old_repo / "data/cas-usage/lien.yaml").symlink_to(target)
    shutil.copy(target, outside / "autre.yaml")
    (old_repo / "data/cas-usage/sous-dossier").symlink_to(outside, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    result = cli("migrate", "--repo", str(old_repo))
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
    assert (old_repo / "data/cas-usage/lien.yaml").is_symlink()
    assert "✗ data/cas-usage/lien.yaml : Lien symbolique" in result.stdout
    assert "✗ data/cas-usage/sous-dossier : Lien symbolique" in result.stdout
    assert "laissées telles quelles : 2." in result.stdout
    # the other records were migrated
    assert read_document((old_repo / REAL).read_bytes(), REAL).data["version_schema"] == SCHEMA_VERSION


def test_a_link_appearing_after_the_listing_is_refused(old_repo, tmp_path, monkeypatch):
    """The file read must be the one listed: a record replaced by a link meanwhile is not followed."""
    outside = tmp_path / "ailleurs.yaml"
    outside.write_bytes((old_repo / REAL).read_bytes())
    listed = core.collect_files

    def swap(repo, paths=None):
        found = listed(repo, paths)
        (old_repo / REAL).unlink()
        (old_repo / REAL).symlink_to(outside)
        return found

    monkeypatch.setattr(core, "collect_files", swap)
    report = migrate_repository(open_repository(old_repo), write=True)
    outcome = next(o for o in report.outcomes if o.rel == REAL)
    assert outcome.status == "ecartee" and outcome.diagnostic.code == "lien-symbolique"
    assert b'"1.0"' in outside.read_bytes() and report.exit_code == 1


def test_an_unparseable_file_is_reported_not_crashed_on(cli, old_repo):
    broken = old_repo / "data/cas-usage/casse.yaml"
    broken.write_text('version_schema: "1.0"\nidentifiant: casse\nnom: "pas fermé\n', encoding="utf-8")
    twice = old_repo / "data/cas-usage/double.yaml"
    twice.write_text('version_schema: "1.0"\nidentifiant: double\nidentifiant: encore\n', encoding="utf-8")
    result = cli("migrate", "--repo", str(old_repo))
    assert result.exit_code == 1
    assert "✗ data/cas-usage/casse.yaml:3:" in result.stdout and "fiche illisible" in result.stdout
    assert "✗ data/cas-usage/double.yaml:3:1 : fiche illisible" in result.stdout
    assert broken.read_text(encoding="utf-8").endswith('"pas fermé\n') and "encore" in twice.read_text("utf-8")
    assert read_document((old_repo / REAL).read_bytes(), REAL).data["version_schema"] == SCHEMA_VERSION


@pytest.mark.parametrize(("version", "status", "words"), [
    ("9.0", "version-recente", "plus récent que celui de cette version d'iaterr"),
    ("0.9", "version-inconnue", "version de format « 0.9 » inconnue"),
])
def test_an_unknown_or_newer_version_is_reported_and_left_alone(cli, old_repo, version, status, words):
    path = old_repo / REAL
    path.write_bytes(path.read_bytes().replace(b'version_schema: "1.0"', f'version_schema: "{version}"'.encode()))
    before = path.read_bytes()
    result = cli("migrate", "--repo", str(old_repo))
    assert result.exit_code == 1
    assert path.read_bytes() == before
    line = before.decode().splitlines().index(f'version_schema: "{version}"') + 1
    assert f"✗ {REAL}:{line}:17 : " in result.stdout and words in result.stdout
    assert {o.status for o in migrate_repository(open_repository(old_repo), write=False).outcomes
            if o.rel == REAL} == {status}


def test_a_record_without_version_is_left_alone(old_repo):
    path = old_repo / REAL
    path.write_bytes(path.read_bytes().replace(b'version_schema: "1.0"\n', b""))
    report = migrate_repository(open_repository(old_repo), write=True)
    assert [o.status for o in report.outcomes if o.rel == REAL] == ["version-absente"]
    assert b"version_schema" not in path.read_bytes() and report.exit_code == 1


def test_a_refused_write_is_said_and_exits_2(cli, old_repo, monkeypatch):
    def refuse(path, data, *, root=None, fsync=True):
        raise RepositoryError("cli.ecriture-impossible", chemin=str(path), erreur="Read-only file system")

    monkeypatch.setattr(core, "write_whole", refuse)
    before = _records(old_repo)
    result = cli("migrate", "--repo", str(old_repo))
    assert result.exit_code == 2 and _records(old_repo) == before
    assert f"✗ {REAL} n'a pas pu être écrit : Impossible d'écrire" in result.stdout


def test_writes_go_through_the_projects_writer_inside_the_repository(old_repo, monkeypatch):
    calls = []
    real = core.write_whole

    def spy(path, data, *, root=None, fsync=True):
        calls.append((Path(path), root))
        real(path, data, root=root, fsync=fsync)

    monkeypatch.setattr(core, "write_whole", spy)
    migrate_repository(open_repository(old_repo), write=True)
    assert calls and all(root == open_repository(old_repo).root and (old_repo / "data") in path.parents
                         for path, root in calls)


# ---------------------------------------------------------------- the bytes of one file


def test_an_unusual_layout_keeps_every_byte_but_the_version():
    """Windows line ends, a byte order mark, unindented lists, a comment on the version line: ruamel would
    change them; the version is replaced where it is written instead."""
    text = ("# une fiche\r\nversion_schema: '1.0'   # format\r\nidentifiant: x\r\nsous_themes:\r\n- a\r\n- b\r\n"
            "description: >\r\n    un texte\r\n    plié\r\n")
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    outcome = migrate_bytes(raw, "data/cas-usage/x.yaml", "cas_usage")
    assert outcome.status == "migree"
    assert outcome.after == raw.replace(b"'1.0'", f"'{SCHEMA_VERSION}'".encode())


def test_a_plain_version_is_read_as_text_and_upgraded():
    outcome = migrate_bytes(b"version_schema: 1.0\nidentifiant: x\n", "data/cas-usage/x.yaml", "cas_usage")
    assert outcome.status == "migree"
    assert read_document(outcome.after, "x").data == {"version_schema": SCHEMA_VERSION, "identifiant": "x"}


def test_a_current_record_is_not_touched():
    outcome = migrate_bytes(f'version_schema: "{SCHEMA_VERSION}"\n'.encode(), "x.yaml", "cas_usage")
    assert outcome.status == "a-jour" and outcome.after is None


# ---------------------------------------------------------------- the steps


def test_every_supported_version_leads_to_the_current_one():
    assert SCHEMA_VERSION in SUPPORTED_SCHEMA_VERSIONS
    for version in SUPPORTED_SCHEMA_VERSIONS:
        path = chain(version)
        assert path is not None, version
        assert [s.source for s in path] + [SCHEMA_VERSION] == [version] + [s.target for s in path]
    assert chain("0.9") is None and chain("9.0") is None
    assert all(step.fr and step.en for step in STEPS)
    assert chain("1.0") == list(STEPS) and chain("1.0")[0].target == "1.1"
    assert all(step.transform is None for step in STEPS)  # 1.0 → 1.1 → 1.2 only set the version


def _rename(tree, kind):
    """A 1.1 → 1.2 step of the future: « partenaires » renamed « organismes_partenaires », in place."""
    if kind != "cas_usage" or "partenaires" not in tree:
        return
    if "organismes_partenaires" in tree:
        raise StepRefused("migration.pas-une-table")
    index = list(tree).index("partenaires")
    value = tree.pop("partenaires")
    tree.insert(index, "organismes_partenaires", value)


FUTURE = STEPS + (Step("1.1", "1.2", _rename, fr="renommage", en="renaming"),)


def test_a_future_step_that_renames_a_field_plugs_in():
    raw = (ROOT / REAL).read_bytes()
    outcome = migrate_bytes(raw, REAL, "cas_usage", steps=FUTURE, current="1.2")
    assert outcome.status == "migree" and outcome.depuis == "1.0" and outcome.vers == "1.2"
    old, new = raw.decode().splitlines(), outcome.after.decode().splitlines()
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(old) == len(new)
    assert changed == [('version_schema: "1.0"', 'version_schema: "1.2"'), ("partenaires:", "organismes_partenaires:")]
    assert [o.status for o in (migrate_bytes(outcome.after, REAL, "cas_usage", steps=FUTURE, current="1.2"),)] \
        == ["a-jour"]


def test_a_future_step_is_refused_where_the_layout_cannot_be_kept_or_the_step_refuses():
    unusual = b'version_schema: "1.0"\nidentifiant: x\npartenaires:\n- A\n'
    assert migrate_bytes(unusual, "x.yaml", "cas_usage", steps=FUTURE, current="1.2").status == "mise-en-page"
    both = b'version_schema: "1.0"\npartenaires:\n  - A\norganismes_partenaires:\n  - B\n'
    outcome = migrate_bytes(both, "x.yaml", "cas_usage", steps=FUTURE, current="1.2")
    assert outcome.status == "refusee" and outcome.after is None


def test_every_status_has_its_messages():
    from iaterr.i18n import CATALOGUES

    for status in core.PROBLEMS:
        for lang in ("fr", "en"):
            assert f"migration.{status}" in CATALOGUES[lang] and f"migration.{status}.aide" in CATALOGUES[lang]


def test_docs_say_how_to_migrate():
    text = (ROOT / "docs" / "migration.md").read_text(encoding="utf-8")
    assert "iaterr migrate --check" in text and "iaterr migrate" in text
    assert os.path.exists(ROOT / "docs" / "migration.md")


def test_a_file_changed_since_it_was_read_is_not_overwritten(old_repo, monkeypatch):
    reads: dict[str, int] = {}
    real = core.read_regular

    def read(path, inode=0):
        reads[str(path)] = reads.get(str(path), 0) + 1
        raw = real(path, inode)
        if str(path).endswith(REAL) and reads[str(path)] == 2:  # someone saved the record meanwhile
            (old_repo / REAL).write_bytes(raw + b"# ajout\n")
            return raw + b"# ajout\n"
        return raw

    monkeypatch.setattr(core, "read_regular", read)
    report = migrate_repository(open_repository(old_repo), write=True)
    assert [o.status for o in report.outcomes if o.rel == REAL] == ["modifiee"]
    assert (old_repo / REAL).read_bytes().endswith(b"# ajout\n") and b'"1.0"' in (old_repo / REAL).read_bytes()
    assert report.exit_code == 1
