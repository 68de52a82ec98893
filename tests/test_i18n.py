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
