"""Text from records made safe for where it goes: a terminal, a spreadsheet.

Records are untrusted: a value may hold escape sequences that drive a terminal (clear the screen,
fake colours, hyperlinks), characters that reverse the text direction, or start like a spreadsheet
formula. This module holds the one place each of those is handled:

* :func:`printable` shows control and invisible characters as escapes (``\\x1b``, ``\\u202e``);
* :func:`csv_cell` and :func:`csv_line` encode every cell of every CSV iaterr writes: a cell that a
  spreadsheet could run as a formula is made inert as OWASP recommends (a leading apostrophe), and a
  cell holding a separator, a quote, a carriage return or a line feed is quoted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.encoder import encode_basestring as _json_string  # json's own (C) for ensure_ascii=False
from typing import Any

#: C0 and C1 control characters and DEL, except tab and line feed (kept in multi-line text).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Characters that change how the text around them is shown while being invisible themselves: text
#: direction marks, embeddings, overrides and isolates (the "Trojan Source" characters), zero-width
#: characters, word joiners, invisible operators, the byte order mark, line and paragraph separators.
_INVISIBLE = ("\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff"
              "\uffa0\ufff9-\ufffb\U000e0000-\U000e007f")
#: Direction overrides and isolates: text after them may read in another order than it is stored.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Control characters that have no place in a text value (carriage return included).
CONTROL_CHARS = re.compile(f"[{_CONTROLS}]")
#: Invisible formatting characters.
INVISIBLE_CHARS = re.compile(f"[{_INVISIBLE}]")
#: lone surrogates: what Python makes of a file name that is not UTF-8 (shown escaped, never written raw)
_UNPRINTABLE = re.compile(f"[{_CONTROLS}{_INVISIBLE}\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


#: The characters of :data:`_UNPRINTABLE` that :meth:`str.isprintable` calls printable (a combining mark and
#: Hangul fillers): everything else it holds, :meth:`str.isprintable` refuses (``tests/test_lecture_rapide.py``
#: checks both over every code point).
_PRINTABLE_BUT_INVISIBLE = ("\u034f", "\u115f", "\u1160", "\u3164", "\uffa0")


def surely_no_control(text: str) -> bool:
    """True only when ``text`` holds no character of :data:`CONTROL_CHARS` (nor any other that
    :meth:`str.isprintable` refuses, line feeds and tabs apart), at C speed; False says nothing (the regular
    expression decides)."""
    return text.isprintable() or ("\n" in text or "\t" in text) \
        and text.replace("\n", " ").replace("\t", " ").isprintable()


def _surely_printable(text: str) -> bool:
    """True only when ``text`` holds no character of :data:`_UNPRINTABLE` (at C speed: a text is mostly plain);
    False says nothing (the regular expression decides)."""
    return surely_no_control(text) and (text.isascii() or not any(c in text for c in _PRINTABLE_BUT_INVISIBLE))


def printable(text: str) -> str:
    """``text`` with every control or invisible character shown as an escape; tab and line feed kept."""
    if _surely_printable(text) or _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escape, text)


def printable_line(text: str) -> str:
    """Like :func:`printable`, with line feeds and tabs escaped too (one line of a report)."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")


def json_safe(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters that ``json`` leaves raw but a
    terminal obeys (DEL, C1 controls, direction and zero-width characters) written as ``\\uXXXX`` escapes:
    the same JSON value, safe to print."""
    return _JSON_UNSAFE.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the basic plane: a surrogate pair, as JSON writes it
    return f"\\u{0xd800 + (code >> 10):04x}\\u{0xdc00 + (code & 0x3ff):04x}"


def json_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, written without ``json``'s pure-Python
    indenting encoder (strings are escaped by ``json``'s own C function): a record's entry of the JSON export is
    made for every record. A value ``json`` would refuse or treat otherwise (a key or value of another type) is
    left to ``json`` itself."""
    try:
        return _indented(value, "\n")
    except (_NotPlain, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)


class _NotPlain(Exception):
    pass


def _indented(value: Any, newline: str) -> str:
    # the order of json's own encoder: str, None, True, False, int, float, list or tuple, dict
    if isinstance(value, str):
        return _json_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _json_float(value)
    inner = newline + "  "
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        try:  # a list of texts (the usual list), each encoded at C speed
            items = ("," + inner).join(map(_json_string, value))
        except TypeError:  # something else than a text in it
            items = ("," + inner).join([_indented(item, inner) for item in value])
        return "[" + inner + items + newline + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotPlain
            parts.append(_json_string(key) + ": " + (_json_string(item) if type(item) is str  # noqa: E721
                                                     else _indented(item, inner)))
        return "{" + inner + ("," + inner).join(parts) + newline + "}"
    raise _NotPlain


def _json_float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def has_control(text: str) -> bool:
    return CONTROL_CHARS.search(text) is not None


def is_web_url(value: object) -> bool:
    """Only plain http(s) addresses become links: never ``javascript:``, ``data:``, nothing with a space, a
    quote, an angle bracket, a backtick or a control character that could break out of a link."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")) and \
        not any(c in value for c in "\0\n\r\t<>\"'` \\") and _UNPRINTABLE.search(value) is None


# ---------------------------------------------------------------- CSV cells

#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"), with their
#: full-width forms, which some spreadsheets accept too.
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

#: Where a spreadsheet that splits the file otherwise (on ``;``, as French spreadsheets do, or on tabs), or
#: that breaks a row at a line break inside quotes, would start a new cell: a formula sign there is made inert.
_INNER_START = re.compile("([;\t\r\n][ \u00a0\t]*)(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])")
#: A cell whose first character is none of these, and that holds none of ``",;\t\r\n``, is written as it is:
#: :func:`neutralise` and the quoting leave it unchanged.
_RISKY_FIRST = FORMULA_START | {" ", "\u00a0"}


def neutralise(text: str) -> str:
    """A cell that a spreadsheet could run as a formula, made inert with an apostrophe.

    A cell is at risk when its first character, after any leading white space, is ``=``, ``+``, ``-``,
    ``@``, a tab, a carriage return or a line feed (or a full-width ``=``, ``+``, ``-``, ``@``): an
    apostrophe goes first, as OWASP recommends. So is a formula sign just after a ``;``, a tab or a line
    break inside the cell, where a spreadsheet that splits the file on another separator would start a
    cell. A plain number (``-0.55``, ``+33``) is never a formula and is kept as written, so that numeric
    columns stay numbers."""
    if text[:1] not in _RISKY_FIRST and ";" not in text and "\t" not in text and "\n" not in text \
            and "\r" not in text:  # nothing to make inert (most cells): as it is
        return text
    if _NUMBER.fullmatch(text) is not None:
        return text
    stripped = text.lstrip(" \u00a0\t\r\n")
    first = stripped[:1] if stripped else text[:1]
    if first in FORMULA_START or (text[:1] in FORMULA_START):
        text = "'" + text
    if ";" in text or "\t" in text or "\n" in text or "\r" in text:
        text = _INNER_START.sub("\\1'", text)
    return text


_INERT_INNER = re.compile("([;\t\r\n][ \u00a0\t]*)'(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])")


def restore(text: str) -> str:
    """A cell as it was before :func:`neutralise`: the apostrophe it put before a formula sign, at the start of
    the cell or of an inner line, is removed (what a CSV written by iaterr, or by a tool following OWASP, holds
    is read back as the text that was written). A text that itself starts with an apostrophe followed by a
    formula sign loses that apostrophe: the two cannot be told apart."""
    if text.startswith("'"):
        rest = text[1:]
        stripped = rest.lstrip(" \u00a0\t\r\n")
        first = stripped[:1] if stripped else rest[:1]
        if first in FORMULA_START or rest[:1] in FORMULA_START:
            text = rest
    if "'" in text:
        text = _INERT_INNER.sub("\\1", text)
    return text


def csv_cell(value: object) -> str:
    """One encoded CSV cell: ``None`` is empty; text is neutralised (:func:`neutralise`), then quoted when
    it holds a quote, a comma, a semicolon, a tab, a carriage return or a line feed (RFC 4180: quotes
    doubled)."""
    if value is None:
        return ""
    text = neutralise(value if type(value) is str else str(value))  # noqa: E721 - a subclass made plain text
    # quoted when it holds this CSV's separator (,), the one a French spreadsheet splits on (;), a tab, a quote
    # or a line break: no reader can then make two cells of one (looked for one by one, at C speed)
    if '"' in text or "," in text or ";" in text or "\t" in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(values: Sequence[object]) -> str:
    """One CSV line, without its end (``\\n``), every cell encoded by :func:`csv_cell`."""
    return ",".join([csv_cell(v) for v in values])


def csv_text(rows: Sequence[Sequence[object]]) -> str:
    """Whole CSV text, lines ended by ``\\n``."""
    return "".join(csv_line(row) + "\n" for row in rows)
