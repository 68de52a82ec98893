"""Static checks of the project's own code: ruff and mypy, with the configuration of pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def _tool(name: str) -> list[str]:
    beside = ROOT / ".venv" / "bin" / name
    found = shutil.which(name, path=str(beside.parent)) or shutil.which(name)
    if found is None:
        try:
            __import__(name)
        except ImportError:
            pytest.skip(f"{name} n'est pas installé (extra « test » : pip install -e '.[test]')")
        return [sys.executable, "-m", name]
    return [found]


# Neither writes a cache into the checkout (ruff keeps none, mypy's goes to the test's temporary folder): runs of the
# suite side by side, in parallel or next to someone's own ruff/mypy never share a half-written cache.


def test_ruff_is_clean():
    result = subprocess.run([*_tool("ruff"), "check", "--no-cache", "src", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean(tmp_path):
    result = subprocess.run([*_tool("mypy"), "--cache-dir", str(tmp_path / "mypy"), "src"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
