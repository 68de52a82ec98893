"""Every sentence exists in French and English, with the same parameters."""

from __future__ import annotations

import string

from iaterr.base.diagnostics import CODES
from iaterr.i18n import CATALOGUES, message, resolve_lang


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogues_have_the_same_keys_and_parameters():
    fr, en = CATALOGUES["fr"], CATALOGUES["en"]
    assert set(fr) == set(en)
    for key in fr:
        assert _fields(fr[key]) == _fields(en[key]), key


def test_every_diagnostic_code_has_a_message():
    for code in CODES:
        assert f"diag.{code}" in CATALOGUES["fr"], code


def test_language_resolution(monkeypatch):
    monkeypatch.delenv("IATERR_LANG", raising=False)
    assert resolve_lang(None) == "fr"
    assert resolve_lang(None, "en") == "en"
    monkeypatch.setenv("IATERR_LANG", "en_GB")
    assert resolve_lang(None, "fr") == "en"
    assert resolve_lang("fr") == "fr"


def test_lists_and_bilingual_parameters():
    text = message("hint.vous-vouliez-dire", "fr", suggestions=["a", "b"])
    assert text == "Vouliez-vous dire « a » ou « b » ?"
    assert message("hint.vous-vouliez-dire", "en", suggestions=["a"]) == "Did you mean “a”?"
    assert message("diag.champ-manquant", "en", champ="x", titre={"fr": "Titre", "en": "Title"}).endswith("(Title).")


#: Calls whose first argument (and, for some, second: a hint) is a message key.
_KEY_CALLS = {"message": 1, "Abort": 2, "fail": 2, "say": 1, "working": 1, "h": 1, "RepositoryError": 1,
              "OutputRefused": 2, "SourceError": 2}


def test_every_message_key_written_in_the_code_exists():
    """A key missing from the catalogue would be shown as is (« registre.modifie-pendant ») to a civil servant."""
    import ast
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "iaterr"
    missing = []
    for path in sorted(src.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            args = list(node.args[:_KEY_CALLS.get(name, 0)])
            args += [k.value for k in node.keywords if k.arg == "hint" and name in _KEY_CALLS]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value \
                        and arg.value not in CATALOGUES["fr"]:
                    missing.append(f"{path.relative_to(src)}:{arg.lineno}: {arg.value}")
    assert not missing, "\n".join(missing)


def test_the_usual_system_errors_are_said_in_the_run_language():
    """The system's own words are English (« No such file or directory », « Connection refused »): the usual
    reasons are said in French (or English) in every message that names a failed file or connection."""
    import errno
    import urllib.error

    from iaterr.base.files import _OS_REASONS, os_reason
    from iaterr.i18n import message

    for name in _OS_REASONS:
        code = getattr(errno, name)
        said = os_reason(OSError(code, "system words"))
        assert said == {"t": f"erreur.os.{name}"}
        fr, en = message(said["t"], "fr"), message(said["t"], "en")
        assert fr != said["t"] and en != said["t"] and fr != en, name
    wrapped = urllib.error.URLError(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"))
    assert message("agregation.erreur.reseau", "fr", detail=os_reason(wrapped)) == "injoignable (connexion refusée)."
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"
    assert os_reason(ValueError("pas un chemin")) == "pas un chemin"
    # a socket's timeout has no error number: said all the same (a review saw « injoignable (timed out) »)
    timeout = urllib.error.URLError(TimeoutError("timed out"))
    assert message("agregation.erreur.reseau", "fr", detail=os_reason(timeout)) == \
        "injoignable (délai d'attente dépassé)."
    assert message("agregation.erreur.reseau", "fr", detail=os_reason(TimeoutError("timed out"))) == \
        "injoignable (délai d'attente dépassé)."
    # an error of the TLS library: its number is not the system's (1 read as « opération non permise »)
    import ssl

    tls = urllib.error.URLError(ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)"))
    said = message("agregation.erreur.reseau", "fr", detail=os_reason(tls))
    assert said.startswith("injoignable (échec de la connexion sécurisée (TLS :") and "non permise" not in said, said


def test_a_missing_file_given_to_a_command_is_said_in_french(cli, repo_copy, tmp_path):
    absent = tmp_path / "absent.yaml"
    result = cli("new", "--from", str(absent), "--repo", str(repo_copy))
    assert result.exit_code == 2
    assert f"{absent} : fichier ou dossier introuvable" in " ".join(result.output.split()), result.output
    english = cli("new", "--from", str(absent), "--repo", str(repo_copy), "--lang", "en")
    assert "no such file or folder" in english.output and "No such file or directory" not in english.output
