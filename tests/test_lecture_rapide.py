"""Issue #14 (time): reading, checking and preparing a use case made cheaper, with the same results.

Each fast path is compared with what it replaces, kept here as written before (the reference): the checks of
characters over every Unicode code point (``str.isprintable`` standing for regular expressions), the CSV cells,
the search words, the JSON entry (``json.dumps`` with ``indent=2``), the YAML converter, and on real and hostile
records the prepared texts and diagnostics. A site built again from the cache is the one built cold, and the hash
that decides whether a use case's pages are made again changes with any field of its public view.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, bench_generate
from iaterr.base import text as text_module
from iaterr.base.text import (
    _PRINTABLE_BUT_INVISIBLE,
    _UNPRINTABLE,
    CONTROL_CHARS,
    FORMULA_START,
    _surely_printable,
    csv_cell,
    csv_line,
    json_indented,
    neutralise,
    printable,
    surely_no_control,
)
from iaterr.check.validate import check_file
from iaterr.model import CasUsage
from iaterr.model.types import _texte
from iaterr.model.visibility import view
from iaterr.publish import opendata
from iaterr.publish.site import data as site_data
from iaterr.publish.site.recherche import _MARKS, _NOT_WORD, fold, stem, words
from iaterr.repo import yamlio

EVERY = range(0x110000)


# ---------------------------------------------------------------- references: the code the fast paths replace


def ref_printable(value: str) -> str:
    if _UNPRINTABLE.search(value) is None:
        return value
    return _UNPRINTABLE.sub(text_module._escape, value)


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_NEEDS_QUOTES = re.compile(r'[",;\t\r\n]')
_INNER_START = re.compile("([;\t\r\n][ \u00a0\t]*)(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])")


def ref_neutralise(value: str) -> str:
    if _NUMBER.fullmatch(value) is not None:
        return value
    stripped = value.lstrip(" \u00a0\t\r\n")
    first = stripped[:1] if stripped else value[:1]
    if first in FORMULA_START or (value[:1] in FORMULA_START):
        value = "'" + value
    if ";" in value or "\t" in value or "\n" in value or "\r" in value:
        value = _INNER_START.sub("\\1'", value)
    return value


def ref_csv_cell(value: object) -> str:
    if value is None:
        return ""
    out = ref_neutralise(str(value))
    if _NEEDS_QUOTES.search(out) is not None:
        return '"' + out.replace('"', '""') + '"'
    return out


def ref_fold(value: str) -> str:
    out = _MARKS.sub("", unicodedata.normalize("NFD", str(value).lower())).replace("œ", "oe").replace("æ", "ae")
    return _NOT_WORD.sub(" ", out).strip()


def ref_words(value: str) -> list[str]:
    return list(dict.fromkeys(stem(w) for w in ref_fold(value).split()))


def ref_csv_cells(cas: dict[str, Any]) -> str:
    """A use case's cells as the column readers make them, one reader per column."""
    cols = [c for c in opendata.columns(getattr(cas, "restricted", False)) if c.source == "cas"]
    return csv_line([opendata._column_reader(c)(cas, {}) for c in cols])


def ref_texte(value: Any) -> Any:
    """``_texte`` without its fast path: the text, or the error's type."""
    from pydantic_core import PydanticCustomError

    try:
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            raise PydanticCustomError("iaterr_type", "text expected", {"attendu": "texte"})
        value = str(value)
        if not value.strip():
            raise PydanticCustomError("iaterr_vide", "empty text", {})
        found = CONTROL_CHARS.findall(value)
        if found:
            raise PydanticCustomError("iaterr_controle", "control character",
                                      {"caracteres": ", ".join(sorted({printable(c) for c in found}))})
        return value
    except PydanticCustomError as exc:
        return (exc.type, exc.context)


def texte(value: Any) -> Any:
    from pydantic_core import PydanticCustomError

    try:
        return _texte(value)
    except PydanticCustomError as exc:
        return (exc.type, exc.context)


# ---------------------------------------------------------------- characters


def test_printable_fast_path_is_sound_over_every_code_point():
    """Where ``str.isprintable`` (line feeds and tabs apart) says a text is plain, the regular expressions find
    nothing: checked for every code point, alone and with a line feed; the characters it calls printable that
    are nonetheless escaped are exactly the list the fast path also looks for."""
    printable_but_escaped = []
    for code in EVERY:
        char = chr(code)
        unprintable = _UNPRINTABLE.search(char) is not None
        if surely_no_control(char):
            assert CONTROL_CHARS.search(char) is None, hex(code)
            assert surely_no_control(char + "\n\t") and surely_no_control("\t" + char + "\n")
            if unprintable:
                printable_but_escaped.append(char)
        if _surely_printable(char):
            assert not unprintable, hex(code)
    assert printable_but_escaped == list(_PRINTABLE_BUT_INVISIBLE)
    assert not any(_surely_printable("é" + c) for c in _PRINTABLE_BUT_INVISIBLE)


@pytest.mark.parametrize("value", [
    "", "plain", "tab\there", "line\nfeed", "é\u00a0à", "\x1b[31mred", "a\u202eb", "\u034f", "x\u3164y\n",
    "\ud800", "\U000e0041", "\r\n", "\x7f\x85", "’œ…" * 40, "\t\n", "\n\u2028",
])
def test_printable_is_what_it_was(value: str):
    assert printable(value) == ref_printable(value)


def test_text_check_is_what_it_was():
    values: list[Any] = [chr(c) for c in range(0, 0x3000)] + [
        "", " ", "\n", " \t\n", "\u00a0", "\u2028", "ok", "a\nb", "a\tb", "a\rb", "a\x00", "x\x85y", "\u3000x",
        None, True, 3, 2.5, [], {}, "é" * 300 + "\n" + "\x07"]
    for value in values:
        assert texte(value) == ref_texte(value), repr(value)


# ---------------------------------------------------------------- CSV cells

_SPECIALS = ["", " ", "\u00a0", "\t", "\r", "\n", ";", ",", '"', "'", "=", "+", "-", "@", "\uff1d", "\uff0b",
             "\uff0d", "\uff20", "1", "-1", "+3.5e2", ".5", "a", "é", "’"]


def test_csv_cells_are_what_they_were():
    values: list[Any] = [None, 0, 1.5, True, "-inf"]
    values += [chr(c) for c in range(0x3000)] + [chr(c) + "x" for c in range(0x3000)]
    values += [a + b + c for a in _SPECIALS for b in _SPECIALS for c in ("", "x", "=1", " ;@", "\n-2")]
    for value in values:
        assert csv_cell(value) == ref_csv_cell(value), repr(value)
        if isinstance(value, str):
            assert neutralise(value) == ref_neutralise(value), repr(value)


# ---------------------------------------------------------------- search words


def test_fold_and_words_are_what_they_were():
    """Every code point, in chunks, inside words that lose or keep a final « s » or « x »."""
    chunk = 8192
    for start in range(0, 0x110000, chunk):
        text = " ".join(f"ab{chr(c)}s" for c in range(start, start + chunk))
        assert words(text) == ref_words(text), hex(start)  # fold() is the reference's but for ASCII texts
    for code in range(0x250):  # ASCII texts skip the decomposition: alone, and beside others
        for sample in (chr(code), f"Ab{chr(code)}cs x{chr(code)}X {chr(code)}eux"):
            assert fold(sample) == ref_fold(sample) and words(sample) == ref_words(sample), hex(code)
    for sample in ["", "   ", "Réseaux d'eau des réseaux", "ŒUVRES œuvre Ædes", "chatbots CHATBOT chatbotx",
                   "bus gaz axes ax as isx", "ΣΑΣ ΟΔΟΣ", "İstanbul", "ﬁnances", "123s 45x 1234s",
                   "\u0301 \u0301a a\u0301 e\u0301\u0301te\u0301s \u0301\u0302 x\u0483y", "e\u0301 é É"]:
        assert fold(sample) == ref_fold(sample)
        assert words(sample) == ref_words(sample)


# ---------------------------------------------------------------- the JSON entry


class _Text(str):
    pass


_HOSTILE_JSON: list[Any] = [
    {}, [], "", 0, -1, 10**30, 0.1, 1e300, -0.0, math.nan, math.inf, -math.inf, True, False, None,
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": [1, "x", None, True, 2.5, [3, ["y"]]]},
    {"\x00\n\"\\\u2028é𝄞\ud800": "\x1f\x7f\u202e"}, ("t", ("u",)), [("v", 1)], {"k": _Text("sub")},
    [_Text("a"), "b"], {"deep": [[[[{"x": [[]]}]]]]},
]


@pytest.mark.parametrize("value", _HOSTILE_JSON)
def test_json_entry_is_json_dumps(value: Any):
    assert json_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [{1: "one"}, {None: 1}, {2.5: [1]}, {"x": {True: 1}}, {"date": object()}])
def test_json_entry_leaves_the_rest_to_json(value: Any):
    try:
        expected: Any = json.dumps(value, ensure_ascii=False, indent=2)
    except TypeError as exc:
        expected = type(exc)
    try:
        got: Any = json_indented(value)
    except TypeError as exc:
        got = type(exc)
    assert got == expected


# ---------------------------------------------------------------- records: real ones and hostile ones


def _real_records() -> list[tuple[str, bytes]]:
    files = sorted((ROOT / "data" / "cas-usage").glob("*.yaml"))
    files += sorted((ROOT / "tests" / "fixtures" / "broken" / "data" / "cas-usage").glob("*.yaml"))
    files += sorted((ROOT / "tests" / "fixtures" / "restreint" / "cas-usage").glob("*.yaml"))
    return [(f"data/cas-usage/{f.name}", f.read_bytes()) for f in files]


_HOSTILE_YAML = [
    "a: 1\na: 2\n",  # a key twice
    "? [x]\n: 1\nb: 2\n",  # a key that is not a text
    "a: !!python/object:os.system x\n",  # a tag refused
    "a: !!int 3\nb: !!str ~\nc: ~\nd: null\ne: ''\nf:\n",  # tags allowed, nulls
    "a: &x [1, 2]\nb: *x\nc: {d: *x}\n",  # an alias
    "x: " + "[" * 60 + "]" * 60 + "\n",  # too deep
    "x: [" + ", ".join(["1"] * 20_001) + "]\n",  # too many nodes
    "x: [" + ", ".join(["1"] * 19_999) + "]\n",  # as many as allowed
    "- a\n- b\n",  # not a mapping
    "a: 1\n---\nb: 2\n",  # two documents
    "# only\n# comments\n",
    "# " + "x" * 300 + "\n" * 3 + "a: 1\n",  # a long first line
    "\n" * 300 + "a: b\n",
    "a: [1, {b: [c, {d: e}]}]\nlong: |\n  x\n  y\n",
]


def _slow_read(raw: bytes, rel: str, monkeypatch) -> yamlio.Document:
    def unusual(root: Any) -> Any:
        raise yamlio._Unusual

    with monkeypatch.context() as m:
        m.setattr(yamlio, "_plain", unusual)
        return yamlio.read_document(raw, rel)


def test_yaml_fast_converter_is_the_converter(monkeypatch):
    cases = _real_records() + [(f"x/{i}.yaml", text.encode()) for i, text in enumerate(_HOSTILE_YAML)]
    for rel, raw in cases:
        fast, slow = yamlio.read_document(raw, rel), _slow_read(raw, rel, monkeypatch)
        assert fast.data == slow.data, rel
        assert [d.to_dict() for d in fast.diagnostics] == [d.to_dict() for d in slow.diagnostics], rel


def _views() -> list[Any]:
    out = []
    for rel, raw in _real_records():
        checked = check_file(raw, rel, "cas_usage", keep=True)
        if checked.data is not None:
            out.append(view(CasUsage, checked.data))
            out.append(view(CasUsage, checked.data, include_restricted=True))
    assert len(out) > 30
    return out


def _hostile_view(base: Any) -> Any:
    """A view with a value of every shape and cells a spreadsheet would run."""
    data = dict(base)
    data.update({"nom": "=HYPERLINK(\"x\")", "resume": " +1;\n@SUM(A1)", "description": "a,b\t\"c\"\r\n-d",
                 "publics": ["-x", "=y;z", "", "é"], "finalite": None})
    data.pop("type_algorithme", None)
    out = base.__class__(data)
    out.restricted = base.restricted
    return out


def test_prepared_texts_are_what_they_were():
    views = _views()
    views += [_hostile_view(v) for v in views[:4]]
    for v in views:
        assert opendata.csv_cells(v) == ref_csv_cells(v)
        fragment = site_data.json_fragment(v)
        assert fragment == json.dumps({**v, "collectivite": "\0"}, ensure_ascii=False, indent=2)
        # the entry remembered for the view it was made of only
        other = v.__class__({**v, "nom": "autre"})
        assert site_data.json_fragment(other) != fragment and site_data.json_fragment(v) == fragment


def test_a_record_s_hash_follows_its_public_view():
    views = [v for v in _views() if not v.restricted]
    digests = {site_data.view_digest(v) for v in views}
    assert len(digests) == len({json.dumps(v, sort_keys=True) for v in views})
    first = views[0]
    copy = first.__class__(json.loads(json.dumps(first)))
    assert site_data.view_digest(copy) == site_data.view_digest(first)
    for key, value in first.items():
        changed = first.__class__({**first, key: value + " " if isinstance(value, str) else [value]})
        assert site_data.view_digest(changed) != site_data.view_digest(first), key
    moved = first.__class__({**first, "collectivite": "ailleurs"})
    assert site_data.view_digest(moved) != site_data.view_digest(first)


# ---------------------------------------------------------------- whole runs: the cache changes nothing


@pytest.fixture(scope="module")
def depot(tmp_path_factory) -> Path:
    generate = bench_generate()
    where = tmp_path_factory.mktemp("lecture") / "depot"
    generate.generate(30, where, seed=14)
    return where


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_site_built_from_the_cache_is_the_one_built_cold(depot: Path, tmp_path: Path, monkeypatch):
    from datetime import date

    from iaterr.publish.site.build import build_site
    from iaterr.repo.config import open_repository

    monkeypatch.setenv("IATERR_CACHE_DIR", str(tmp_path / "cache"))
    today = date(2026, 1, 15)
    build_site(open_repository(depot), tmp_path / "froid", today=today, jobs=1)
    shutil.copytree(tmp_path / "froid", tmp_path / "froid-copie")
    build_site(open_repository(depot), tmp_path / "chaud", today=today, jobs=1)
    build_site(open_repository(depot), tmp_path / "froid", today=today, jobs=1)  # over itself, pages carried over
    cold = _tree(tmp_path / "froid-copie")
    assert _tree(tmp_path / "chaud") == cold
    assert _tree(tmp_path / "froid") == cold
