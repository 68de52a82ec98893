"""The message catalogue: every sentence a person reads, in French and English.

French is the default. The language is chosen by ``--lang``, then the
``IATERR_LANG`` environment variable, then the repository's ``langue``, then
French. A test checks that both catalogues have the same keys and parameters.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from iaterr.base.text import printable
from iaterr.i18n.en import MESSAGES as _EN
from iaterr.i18n.fr import MESSAGES as _FR

LANGS = ("fr", "en")

#: Catalogues of command families, each module holding its ``FR`` and ``EN``
#: dictionaries side by side so that both languages are kept together.
FAMILIES = ("init", "nouveau", "importer", "notice", "registre", "qualification", "migration", "agregation",
            "restreint")

FR: dict[str, str] = dict(_FR)
EN: dict[str, str] = dict(_EN)
for _family in FAMILIES:
    _module = importlib.import_module(f"iaterr.i18n.{_family}")
    for _target, _source in ((FR, _module.FR), (EN, _module.EN)):
        _clash = set(_target) & set(_source)
        if _clash:  # pragma: no cover - caught by the test suite
            raise RuntimeError(f"message keys defined twice: {sorted(_clash)}")
        _target.update(_source)

CATALOGUES = {"fr": FR, "en": EN}


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(key: str, lang: str = "fr", **params: Any) -> str:
    """The message ``key`` in ``lang`` (French when it has no translation), its parameters filled in.

    A parameter may be a nested message (``{"t": key, "p": params}``), a text in both languages
    (``{"fr": …, "en": …}``) or a list (joined: « a », « b » ou « c »). Text parameters come from records,
    which are untrusted: their control and invisible characters are shown as escapes (``\\x1b``), so
    that no message can drive a terminal. ``_template`` gives the text itself instead of a key (the
    messages of lint rules, declared with their rule)."""
    given = params.pop("_template", None)
    if given is not None:
        template: str | None = str(given)
    else:
        catalogue = CATALOGUES.get(lang, FR)
        template = catalogue.get(key) or FR.get(key)
    if template is None:
        return key
    if not params:
        return template
    rendered = {}
    for name, value in params.items():
        if isinstance(value, dict) and "t" in value:  # a nested message key
            value = message(value["t"], lang, **value.get("p", {}))
        elif isinstance(value, dict) and "fr" in value:  # a text given in both languages
            value = printable(str(value.get(lang) or value["fr"]))
        elif isinstance(value, (list, tuple)) and not name.startswith("_"):
            value = join([printable(str(v)) for v in value], lang)
        elif isinstance(value, str):
            value = printable(value)
        rendered[name] = value
    return template.format_map(_Default(rendered))


def env_lang() -> str | None:
    value = os.environ.get("IATERR_LANG", "").strip().lower()[:2]
    return value if value in LANGS else None


def resolve_lang(option: str | None, config_lang: str | None = None) -> str:
    for candidate in (option, env_lang(), config_lang):
        if candidate and candidate[:2].lower() in LANGS:
            return candidate[:2].lower()
    return "fr"


def join(items: list[str], lang: str = "fr") -> str:
    """``a, b ou c`` / ``a, b or c``."""
    items = [f"« {i} »" if lang == "fr" else f"“{i}”" for i in items]
    if len(items) <= 1:
        return "".join(items)
    word = " ou " if lang == "fr" else " or "
    return ", ".join(items[:-1]) + word + items[-1]


def quote(text: str, lang: str = "fr") -> str:
    return f"« {text} »" if lang == "fr" else f"“{text}”"


def labelled(label: str, text: str, lang: str = "fr") -> str:
    """``Étiquette : texte`` / ``Label: text`` (French puts a space before the colon, English does not)."""
    return f"{label} : {text}" if lang == "fr" else f"{label}: {text}"
