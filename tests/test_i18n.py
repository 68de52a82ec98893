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
