"""Reading the values of a record as written: robust to labels, aliases and odd types.

Lint rules and the qualification see records as written (a validation error does not stop them),
so every helper here accepts anything and never raises.
"""

from __future__ import annotations

from typing import Any

from iaterr.model.vocab import Vocabulary

_TRUE = {"true", "oui"}
_FALSE = {"false", "non"}


def is_true(value: Any) -> bool:
    """A true boolean, as the model accepts it (True, "true", "oui")."""
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().casefold() in _TRUE


def is_false(value: Any) -> bool:
    if isinstance(value, bool):
        return not value
    return isinstance(value, str) and value.strip().casefold() in _FALSE


def boolean(value: Any) -> bool | None:
    """True, False, or None when the record does not say (absent or not a boolean)."""
    return True if is_true(value) else False if is_false(value) else None


def is_blank(value: Any) -> bool:
    """No answer: absent, null, empty text or empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


def code_of(vocab: Vocabulary | None, value: Any) -> str | None:
    """The code that ``value`` names (code, label or alias), None when absent or unknown."""
    if vocab is None or not isinstance(value, str) or not value.strip():
        return None
    term = vocab.resolve(value.strip())
    return term.code if term else None


def code_is(vocab: Vocabulary | None, value: Any, code: str) -> bool:
    return code_of(vocab, value) == code


def codes_of(vocab: Vocabulary, value: Any) -> list[str]:
    """The codes of a list field; a lone string counts as a one-item list; unknown values are kept as written."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [code_of(vocab, item) or item.strip() for item in items if isinstance(item, str) and item.strip()]


def known_codes_of(vocab: Vocabulary, value: Any) -> list[str]:
    """The codes of a list field that the vocabulary knows, each once, in order."""
    out: list[str] = []
    for code in (code_of(vocab, item) for item in (value if isinstance(value, list) else [value])):
        if code is not None and code not in out:
            out.append(code)
    return out


def entries(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The mapping entries of a list field, with their index."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None
