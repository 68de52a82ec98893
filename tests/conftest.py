from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = FIXTURES / "broken"


def bench_generate() -> ModuleType:
    """``bench/generate.py``, which makes the synthetic repositories of the benchmarks, as a module (the tests
    that need many records make theirs with it)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate


#: Room the tests' scratch folders need in memory (a whole run writes about 400 MB there).
SCRATCH_ROOM = 4 * 2**30


def pytest_configure(config):
    """The tests' scratch folders (``tmp_path``) in memory (``/dev/shm``) when the machine has room there.

    The tests write and delete tens of thousands of small files: repository copies, sites, caches, and records
    written the way iaterr writes them, each synced to the disk (``atomic_write``'s fsync). On a disk that is
    wall time spent waiting, not checking anything: no test depends on the disk's durability (write failures are
    simulated). A folder named by ``--basetemp`` or ``PYTEST_DEBUG_TEMPROOT`` wins; without ``/dev/shm``, or with
    less than :data:`SCRATCH_ROOM` free there (a container's 64 MB), the system's temporary folder is used."""
    import os

    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    shm = "/dev/shm"
    try:
        room = os.statvfs(shm)
    except OSError:
        return
    if room.f_bavail * room.f_frsize >= SCRATCH_ROOM and os.access(shm, os.W_OK | os.X_OK):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = shm


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch, tmp_path_factory):
    """Each test has its own cache folder: no test sees another's cache, none writes in the user's."""
    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _french_by_default(monkeypatch):
    """Tests see iaterr as a French user would, whatever the machine says."""
    monkeypatch.delenv("IATERR_LANG", raising=False)
    # "today" of rules and imports that depend on the date: fixed, so that tests do not age
    monkeypatch.setenv("IATERR_AUJOURDHUI", "2026-11-22")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("IATERR_RESTREINT", raising=False)  # a store named on this machine would win
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner):
    """Invoke the typer application; returns the click Result."""
    from iaterr.cli.main import build_app

    def invoke(*args: str, lang: str = "fr", **kwargs):
        return runner.invoke(build_app(lang), list(args), **kwargs)

    return invoke


#: A restricted store of planted (invented) values for the records of data/ that have restricted fields: the
#: project's repository is public, its real restricted values are published nowhere (docs/restreint.md).
PLANTED_STORE = FIXTURES / "restreint"


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A copy of this project's data repository, safe to modify: public (as the project's is), with its
    restricted store beside it (``../iaterr-restreint``) holding planted values."""
    dest = tmp_path / "depot"
    dest.mkdir()
    shutil.copy(ROOT / "iaterr.yaml", dest / "iaterr.yaml")
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copytree(ROOT / "schema", dest / "schema")
    shutil.copytree(PLANTED_STORE, tmp_path / "iaterr-restreint")
    link_store(dest, tmp_path / "iaterr-restreint")
    return dest


def link_store(repo: Path, store: Path) -> None:
    """The store's marker linked to the repository ``repo`` (by its path here), as ``iaterr restreint lier`` does."""
    from iaterr.repo.config import Repository, load_config
    from iaterr.repo.restreint import link

    link(Repository(repo, load_config(repo)), store, str(store))


def not_public(root: Path) -> Path:
    """``root`` (a copy of the project's repository) made a private repository whose records hold their
    restricted values themselves (the store's planted values written back into them)."""
    import yaml

    (root / "iaterr.yaml").write_text('version_schema: "1.0"\n', encoding="utf-8")
    store = root.parent / "iaterr-restreint"
    for companion in sorted((store / "cas-usage").glob("*.yaml")):
        record = root / "data" / "cas-usage" / companion.name
        if record.exists():
            values = yaml.safe_load(companion.read_text(encoding="utf-8"))
            text = record.read_text(encoding="utf-8")
            record.write_text(text + yaml.safe_dump(values, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.rmtree(store)
    return root


@pytest.fixture
def broken_copy(tmp_path) -> Path:
    dest = tmp_path / "broken"
    shutil.copytree(BROKEN, dest)
    return dest
