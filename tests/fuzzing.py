"""Mutations of real record files, for the fuzz test (:mod:`test_fuzz`).

Every case is a pure function of its index: :func:`make_case` seeds its own ``random.Random`` with
``f"{SEED}:{index}"``, picks a real record and applies one to three mutations to its bytes. A failing case is
reproduced with ``make_case(index, records)`` alone, whatever ran before it.

Mutations mix blind ones (bytes and lines: truncation, insertion of control or invalid bytes, line endings,
indentation) and structure-aware ones (values of the model's fields replaced by values of another type, unknown
and duplicate keys, anchors and aliases, tags, several documents, flow collections, deep nesting, identifiers
that are file-system traps, formulas, escape sequences, silences of lint rules).
"""

from __future__ import annotations

import contextlib
import json
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any

import yaml

SEED = 20261122

# ---------------------------------------------------------------- what a terminal must never receive raw

#: C0 controls but tab and line feed (ESC and CR included), DEL, C1 controls.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Direction overrides and isolates ("Trojan Source"): iaterr's messages show them as escapes too.
BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def raw_controls(text: str, *, bidi: bool = False) -> list[str]:
    """The distinct raw control characters of ``text`` (and direction controls with ``bidi``), as escapes."""
    found = set(CONTROL_RE.findall(text))
    if bidi:
        found |= set(BIDI_RE.findall(text))
    return sorted(f"U+{ord(c):04X}" for c in found)


def short(raw: bytes, limit: int = 300) -> str:
    """A short repr of mutated bytes: the whole when small, else its start and end."""
    if len(raw) <= limit:
        return repr(raw)
    half = limit // 2
    return f"{raw[:half]!r} … ({len(raw)} bytes) … {raw[-half:]!r}"


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Record:
    kind: str  # cas_usage | collectivite
    rel: str  # data/cas-usage/x.yaml
    raw: bytes
    #: the fields of its model: name → (kind of value, is a list, submodel fields or None)
    fields: dict[str, tuple[str, bool, dict[str, Any] | None]]
    #: the bytes of the other records of its kind (for copies: a record entered twice)
    siblings: tuple[bytes, ...] = ()


def _fields_of(model: Any) -> dict[str, tuple[str, bool, dict[str, Any] | None]]:
    from iaterr.model.introspect import specs

    out: dict[str, tuple[str, bool, dict[str, Any] | None]] = {}
    for name, spec in specs(model).items():
        sub = _fields_of(spec.submodel) if spec.submodel is not None else None
        kind = spec.kind
        if spec.vocab is not None:
            kind = "code:" + ",".join(t.code for t in spec.vocab.terms)
        out[name] = (kind, spec.is_list, sub)
    return out


def load_records(root: Path) -> list[Record]:
    from iaterr.model import KINDS

    records = []
    for kind, (folder, model, _schema) in KINDS.items():
        fields = _fields_of(model)
        paths = sorted((root / "data" / folder).glob("*.yaml"))
        raws = [p.read_bytes() for p in paths]
        for i, path in enumerate(paths):
            records.append(Record(kind, f"data/{folder}/{path.name}", raws[i], fields,
                                  tuple(raws[:i] + raws[i + 1:])))
    return records


# ---------------------------------------------------------------- values (YAML text after "key: ")

GENERIC = [
    "", "~", "null", "Null", "NULL", "''", '""', "no", "yes", "on", "off", "y", "n", "Y", "NO", "true", "False",
    "0", "-1", "007", "0x1F", "0o17", "0b101", "1_000", "12:30", "1:20:03", ".inf", "-.inf", ".nan", "1e309",
    "1e-400", "-0", "3.14", "2024-01-01", "2024-13-45", "2024-02-30", "05/2024", "2024-01-01T00:00:00Z",
    "1999-12-31 23:59:59", "[]", "{}", "[a, b]", "{a: 1}", "[[[]]]", "{nom: x, source: interne}",
    "- a\n  - b", "[a, [b, {c: d}]]", "!!binary aGVsbG8=", "!!python/object:os.system x",
    "!!python/object/apply:os.system [\"echo pwned\"]", "!!python/name:os.system", "!!int 12", "!!str 12",
    "!!float 1", "!!bool yes", "!!null ''", "!!timestamp 2024-01-01", "!!set {a, b}", "!!omap [a: 1]",
    "!!map {a: 1}", "!!seq [a]", "!custom x", "!<tag:evil.fr,2024:x> x", "*inconnu", "&ancre x",
    "|\n  ligne 1\n  ligne 2", ">-\n  plie\n  encore", "|+\n\n", "|-\n", ">\n", "'it''s'", '"tab\\there"',
    '"\\e[31mrouge\\e[0m"', '"\\e[2J\\e[H"', '"\\x1b]8;;https://evil.fr\\x07lien\\x1b]8;;\\x07"', '"\\x9b31m"',
    '"\\u202egnp.exe"', '"\\u2066isole\\u2069"', '"\\0nul"', '"\\x7f"', '"\\x85"', '"\\N"', '"\\L"', '"\\P"',
    '"\\r\\nBcc: x@evil.fr"', '"\\rretour"', '"a\\u200bb"', '"\\ufeffbom"', '"\\ud800"', '"\\U0001F600"',
    '"\\t"', "'   '", "'\t'", "=1+1", "+33 1 23 45 67 89", "-2+3", "@SUM(A1:A2)", "'=HYPERLINK(\"http://x\")'",
    "\"=cmd|'/Ccalc'!A0\"", "\"\\r=1+1\"", "'\t=1'", "＝1+1", "'-'", "'+'", "'@'", "'='",
    "\"https://exemple.fr/\\\"><script>alert(1)</script>\"", "'javascript:alert(1)'", "'data:text/html,<b>x</b>'",
    "http://", "https://exemple.fr/ a", "'https://exemple.fr/<img src=x onerror=alert(1)>'",
    "mailto:a@exemple.fr", "\"=cmd|'/Ccalc'!A0@evil.fr\"", "a@b", "'<a@b.fr>'", "nul", "con", "CON", "aux.yaml",
    "'../../../etc/passwd'", "a/b", "..", ".", "'C:\\Windows'", "-a-", "é", "Ä" * 3, "x" * 2000,
    "'" + "é" * 3000 + "'", "9" * 5000, "-" + "9" * 400, "1" + "0" * 30, "0." + "0" * 500 + "1",
    "'{champ}'", "'{0}'", "'{__class__}'", "'%s %d'", "'{{}}'", "'}{'", "\"' OR 1=1 --\"", "'# pas un commentaire'",
    "'[bold red]rouge[/]'", "'[/]'", "'[link=https://evil.fr]clic[/link]'", "':warning: :smile:'", "'[/red'",
    "'\\[echappe]'", "'%s %n'", "a # commentaire", "'\\\\'", "\"\\\\\\\"\"", "'ligne\n\n  suite'",
]

BY_KIND: dict[str, list[str]] = {
    "date": ["2024", "2024-01", "2024-01-31", "2024-1-1", "2024-00", "0000-01-01", "9999-12-31", "2100-01",
             "1900-02-29", "2024-02-29", "2023-02-29", "24-01-01", "janvier 2024", "2024/01/01", "T", "2024-01-01T",
             "'2024-01'", "!!timestamp 2024-01-01", "[2024, 01]", "2024-01-01 12:00", "20240101", "-2024-01"],
    "booleen": ["oui", "non", "Oui", "NON", "true", "false", "yes", "no", "on", "off", "1", "0", "vrai", "faux",
                "'oui'", "!!bool true", "[oui]", "y", "n", "nsp", ""],
    "entier": ["0", "-5", "12", "1e3", "1.5", "1_000", "0x10", "'12'", "12 000", "12\u202f000", "9" * 30,
               "9" * 5000, "-" + "9" * 5000, ".inf", ".nan", "1" + "0" * 19, "deux", "[1]"],
    "nombre": ["0", "-0.0", "44.84", "-0.57", "91", "-181", "1e999", "-1e999", ".nan", "1,5", "44°50'",
               "'44.8'", "0x2C", "9" * 400 + ".5", "1e-400"],
    "url": ["https://exemple.fr", "http://exemple.fr/a?b=c&d=e#f", "https://exemple.fr/\"><script>alert(1)</script>",
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "ftp://exemple.fr",
            "https://", "https://exemple.fr/ espace", "https://user:pass@exemple.fr", "https://[::1]/",
            "https://xn--caf-dma.fr", "https://café.fr", "//exemple.fr", "exemple.fr", "'https://a.fr/\"onmouseover=x'",
            "https://exemple.fr/" + "a" * 5000, "\"https://exemple.fr/\\x1b[2J\"", "\"https://exemple.fr\\u202e\"",
            "https://exemple.fr/`x`", "file:///etc/passwd", "https://exemple.fr/\\\\x"],
    "email": ["contact@exemple.fr", "=cmd|'/Ccalc'!A0@evil.fr", "\"=cmd|'/Ccalc'!A0@evil.fr\"",
              "mailto:contact@exemple.fr", "a@b", "@exemple.fr", "a@", "a@@b.fr", "a b@c.fr",
              "\"a@b.fr\\r\\nBcc: x@evil.fr\"", "\"<script>@x.fr\"", "+33@exemple.fr", "-a@exemple.fr",
              "a@exemple.fr, b@exemple.fr", "é@exemple.fr", "a@" + "b" * 300 + ".fr", "\"\\e[31m@x.fr\""],
    "identifiant": ["nul", "con", "CON", "prn", "aux", "com1", "lpt9", "nul.txt", "../x", "..", ".", "a/b", "a\\b",
                    "'a/../../b'", "-a", "a-", "a--b", "A", "é", "a_b", "a.yaml", "'x' ", "x" * 300, "1", "''",
                    "\"con\\0\"", "'  '", "bordeaux-metropole", "ville-inconnue", "[nul]", "../../iaterr",
                    "../collectivites/bordeaux-metropole", "../cas-usage/metz-vipare", "'/etc/passwd'", "a" * 256,
                    "CON.yaml", "x:y", "'a b'", "a\tb", "\"nul\\u202e\""],
    "siret": ["12345678900017", "1234567890001", "123 456 789 00017", "'12345678900017'", "00000000000000",
              "12345678900018", "abcdefghijklmn", "1" * 100, "-12345678900017", "1.2345678900017e13"],
}


def value_for(rng: Random, kind: str, depth: int = 0) -> str:
    """A YAML value (text after ``key: ``), of the field's own kind or of any other."""
    roll = rng.random()
    if kind.startswith("code:"):
        codes = kind[5:].split(",")
        code = rng.choice(codes)
        if roll < 0.35:
            return rng.choice([code, code.upper(), code.replace("_", " "), code.replace("_", "-"), f" {code} ",
                               code + "x", f"'{code}'", f"[{code}]", code.capitalize()])
    elif kind in BY_KIND and roll < 0.5:
        return rng.choice(BY_KIND[kind])
    if depth < 2 and rng.random() < 0.1:
        n = rng.randint(0, 4)
        return "[" + ", ".join(_flow(value_for(rng, kind, depth + 1)) for _ in range(n)) + "]"
    return rng.choice(GENERIC)


def _flow(value: str) -> str:
    """A value usable inside a flow collection (block scalars and multi-line values quoted as JSON)."""
    if "\n" in value or value.startswith(("|", ">", "- ")) or "," in value or not value:
        return json.dumps(value)
    return value


def block_value(key_indent: int, value: str) -> str:
    """``value`` placed after ``key:``: multi-line values indented under the key."""
    if "\n" not in value:
        return (" " + value) if value else ""
    head, *rest = value.split("\n")
    pad = " " * (key_indent + 2)
    if head.startswith("- "):  # a block sequence: on its own lines
        return "\n" + "\n".join(pad + ln for ln in value.split("\n"))
    return " " + head + "".join("\n" + (pad + ln.strip() if ln.strip() else "") for ln in rest)


# ---------------------------------------------------------------- lines of a record

_KEY = re.compile(r"^( *)(- )?([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$")


@dataclass
class Entry:
    start: int  # index of the key line
    end: int  # index after its last line
    indent: int  # column of the key
    key: str
    dash: bool


def entries(lines: list[str]) -> list[Entry]:
    """Every ``key: value`` of the text (top level and nested), with the lines its value spans."""
    out = []
    for i, line in enumerate(lines):
        m = _KEY.match(line)
        if not m:
            continue
        indent = len(m.group(1)) + (2 if m.group(2) else 0)
        end = i + 1
        while end < len(lines):
            nxt = lines[end]
            stripped = nxt.lstrip(" ")
            if stripped and not stripped.startswith("#") and len(nxt) - len(stripped) <= indent:
                if not (stripped.startswith("- ") and len(nxt) - len(stripped) == indent and not m.group(2)):
                    break
            end += 1
        while end > i + 1 and not lines[end - 1].strip():
            end -= 1
        out.append(Entry(i, end, indent, m.group(3), bool(m.group(2))))
    return out


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _field_kind(rec: Record, key: str) -> str:
    spec = rec.fields.get(key)
    if spec is None:
        for _kind, _is_list, sub in rec.fields.values():
            if sub and key in sub:
                return sub[key][0]
        return "texte"
    return spec[0]


# ---------------------------------------------------------------- mutations: blind

INSERTS = [
    b"\x00", b"\x1b[2J", b"\x1b[31m", b"\x1b]8;;https://evil.fr\x07", b"\x07", b"\x08", b"\x0b", b"\x0c",
    "\u202e".encode(), "\u2066".encode(), "\ufeff".encode(), "\u200b".encode(), "\u2028".encode(), b"\r", b"\r\n",
    b"\n", b"\t", b"\x7f", b"\xc2\x85", b"\xc2\x9b", b"\x85", b"\x9b", b"\xff", b"\xfe", b"\xc3", b"\xe2\x82",
    b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xef\xbf\xbf", b"\xe9", b"\x92", b"'", b'"', b":", b": ",
    b"- ", b"#", b"&", b"*", b"!", b"|", b">", b"%", b"@", b"`", b"{", b"}", b"[", b"]", b",", b"?", b"---", b"...",
    b"\\", b"x" * 100_000, b"\xc3\xa9" * 30_000, b"a: " + b"b" * 50_000 + b"\n", b"\n" * 5000, b" " * 5000,
]


def m_delete_line(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = raw.split(b"\n")
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def m_duplicate_line(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = raw.split(b"\n")
    i = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return b"\n".join(lines)


def m_swap_lines(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = raw.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def m_reindent(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = raw.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        body = lines[i].lstrip(b" \t")
        indent = lines[i][: len(lines[i]) - len(body)]
        choice = rng.randrange(5)
        if choice == 0:
            indent = b" " * rng.randint(0, 12)
        elif choice == 1:
            indent = indent.replace(b"  ", b"\t")
        elif choice == 2:
            indent = b"\t" + indent
        elif choice == 3:
            indent = indent + b" " * rng.randint(1, 3)
        else:
            indent = indent[: max(0, len(indent) - rng.randint(1, 4))]
        lines[i] = indent + body
    return b"\n".join(lines)


def m_truncate(rng: Random, raw: bytes, rec: Record) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]


def m_truncate_in_character(rng: Random, raw: bytes, rec: Record) -> bytes:
    """Cut inside a multi-byte UTF-8 character (after its lead byte or a continuation byte)."""
    cuts = [i for i in range(1, len(raw)) if raw[i] & 0xC0 == 0x80]
    return raw[: rng.choice(cuts)] if cuts else raw[: rng.randrange(len(raw) + 1)]


def m_insert_bytes(rng: Random, raw: bytes, rec: Record) -> bytes:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(raw) + 1)
        raw = raw[:at] + rng.choice(INSERTS) + raw[at:]
    return raw


def m_insert_in_value(rng: Random, raw: bytes, rec: Record) -> bytes:
    """A control, invisible or invalid byte inside a value (after the ``: `` of a line)."""
    lines = raw.split(b"\n")
    candidates = [i for i, ln in enumerate(lines) if b": " in ln and not ln.lstrip().startswith(b"#")]
    if not candidates:
        return m_insert_bytes(rng, raw, rec)
    i = rng.choice(candidates)
    head, _, value = lines[i].partition(b": ")
    at = rng.randrange(len(value) + 1)
    lines[i] = head + b": " + value[:at] + rng.choice(INSERTS[:40]) + value[at:]
    return b"\n".join(lines)


def m_replace_byte(rng: Random, raw: bytes, rec: Record) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def m_line_endings(rng: Random, raw: bytes, rec: Record) -> bytes:
    choice = rng.randrange(6)
    if choice == 0:
        return raw.replace(b"\n", b"\r\n")
    if choice == 1:
        return raw.replace(b"\n", b"\r")
    if choice == 2:
        return raw.rstrip(b"\n")
    if choice == 3:
        return raw.replace(b"\n", "\u2028".encode())
    if choice == 4:
        return raw.replace(b"\n", b"\x85")  # NEL as a Latin-1 byte: invalid UTF-8
    lines = raw.split(b"\n")
    return b"".join(ln + rng.choice([b"\n", b"\r\n", b"\r"]) for ln in lines)


def m_prefix(rng: Random, raw: bytes, rec: Record) -> bytes:
    prefix = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf", b"---\n",
                         b"--- !!map\n", b"%YAML 1.1\n---\n", b"%YAML 2.0\n---\n", b"%TAG ! tag:evil.fr,2024:\n---\n",
                         b"%TAG !! tag:evil.fr,2024:\n---\n", b"...\n", b"- ", b"? ", b"!!python/object:os.system\n",
                         b"&racine\n", b"\t", b" ", b"\x00", b"\n" * 3, b"# -*- coding: latin-1 -*-\n"])
    return prefix + raw


def m_encoding(rng: Random, raw: bytes, rec: Record) -> bytes:
    text = _text(raw)
    codec = rng.choice(["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32", "utf-8-sig", "mac_roman"])
    return text.encode(codec, "replace")


def m_splice(rng: Random, raw: bytes, rec: Record) -> bytes:
    """The start of this record joined to the end of itself at another place."""
    a, b = rng.randrange(len(raw) + 1), rng.randrange(len(raw) + 1)
    return raw[:a] + raw[b:]


# ---------------------------------------------------------------- mutations: structure-aware


def _lines(raw: bytes) -> list[str]:
    return _text(raw).split("\n")


def _join(lines: list[str]) -> bytes:
    return _bytes("\n".join(lines))


def _set_entry(lines: list[str], e: Entry, value: str) -> None:
    head = " " * (e.indent - 2) + "- " if e.dash else " " * e.indent
    lines[e.start:e.end] = (head + e.key + ":" + block_value(e.indent, value)).split("\n")


def m_replace_value(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    found = entries(lines)
    if not found:
        return m_insert_bytes(rng, raw, rec)
    e = rng.choice(found)
    _set_entry(lines, e, value_for(rng, _field_kind(rec, e.key)))
    return _join(lines)


def m_replace_list_item(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    items = [i for i, ln in enumerate(lines) if re.match(r"^ *- [^:]*$", ln)]
    if not items:
        return m_replace_value(rng, raw, rec)
    i = rng.choice(items)
    prefix = lines[i][: lines[i].index("- ") + 2]
    value = rng.choice(GENERIC + BY_KIND["url"] + BY_KIND["email"])
    lines[i:i + 1] = (prefix + value.split("\n")[0]).split("\n")
    return _join(lines)


def _new_field(rng: Random, rec: Record, present: set[str], indent: int = 0) -> str:
    """A ``key: value`` text for a field of the model (mostly one the record lacks), of its kind or not, nested
    records included."""
    absent = sorted(set(rec.fields) - present)
    name = rng.choice(absent if absent and rng.random() < 0.8 else sorted(rec.fields))
    kind, is_list, sub = rec.fields[name]
    pad = " " * indent
    if sub is not None and rng.random() < 0.7:
        items = []
        for _ in range(rng.randint(0, 3)):
            keys = rng.sample(sorted(sub), rng.randint(1, len(sub)))
            body = [f"{k}:" + block_value(indent + 4, value_for(rng, sub[k][0]).split("\n")[0]) for k in keys]
            items.append(pad + "  - " + body[0] + "".join("\n" + pad + "    " + b for b in body[1:]))
        return pad + name + ":" + ("\n" + "\n".join(items) if items else " []")
    if is_list and rng.random() < 0.6:
        n = rng.randint(0, 4)
        values = [value_for(rng, kind).split("\n")[0] for _ in range(n)]
        return pad + name + ":" + ("".join(f"\n{pad}  - {v}" for v in values) if values else " []")
    return pad + name + ":" + block_value(indent, value_for(rng, kind))


def m_add_field(rng: Random, raw: bytes, rec: Record) -> bytes:
    """A field of the model (often already there: a duplicate key) with a value of any type."""
    lines = _lines(raw)
    top = [e for e in entries(lines) if e.indent == 0]
    at = rng.choice([e.end for e in top] + [len(lines)])
    lines[at:at] = _new_field(rng, rec, {e.key for e in top}).split("\n")
    return _join(lines)


def m_unknown_key(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    key = rng.choice(["satut", "Statut", "STATUT", "nom ", " nom", "identifant", "clé_inconnue", "x" * 300, "<<",
                      "'<<'", "~", "null", "''", "1", "true", "no", "'nom'", "\"nom\"", "!!str nom", "&a nom",
                      "? nom", "[a, b]", "{a: b}", "? [a, b]\n", "é", "__proto__", "constructor", "=1+1", "-a",
                      "\"\\e[31mcle\"", "\"\\u202ecle\"", "\"\\x00\"", "'{message}'", "nom.sous", "a/b", "..", "nul"])
    value = value_for(rng, "texte")
    nested = [e for e in entries(lines) if e.indent > 0]
    if nested and rng.random() < 0.3:
        e = rng.choice(nested)
        line = " " * e.indent + key + ":" + block_value(e.indent, value)
        lines[e.end:e.end] = line.split("\n")
    else:
        lines.insert(rng.randrange(len(lines) + 1), key + ":" + block_value(0, value))
    return _join(lines)


def m_duplicate_key(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    found = entries(lines)
    if not found:
        return m_duplicate_line(rng, raw, rec)
    e = rng.choice(found)
    copy = lines[e.start:e.end]
    if copy[0].lstrip().startswith("- "):  # the copy of a list item's first key: a key of the same item
        copy[0] = " " * e.indent + copy[0].lstrip()[2:]
    if rng.random() < 0.5:
        copy = (" " * e.indent + e.key + ":" + block_value(e.indent, value_for(rng, _field_kind(rec, e.key)))
                ).split("\n")
    lines[e.end:e.end] = copy
    return _join(lines)


def m_value_edges(rng: Random, raw: bytes, rec: Record) -> bytes:
    """A one-line value kept, with a line break, a space or an invisible character at its end or start (as a
    double-quoted string, or a literal block, which keeps its final line break)."""
    lines = _lines(raw)
    found = []
    for e in entries(lines):
        m = _KEY.match(lines[e.start])
        value = (m.group(4) or "").strip() if m else ""
        if e.end - e.start == 1 and value and value[0] not in "[{|>&*!#":
            found.append((e, value))
    if not found:
        return m_replace_value(rng, raw, rec)
    e, value = rng.choice(found)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    edge = rng.choice(["\n", "\n\n", " \n", "\r\n", "\r", "\t", " ", "\u00a0", "\u2028", "\x85", "\u200b", "\ufeff"])
    choice = rng.randrange(4)
    if choice == 0:
        new = json.dumps(value + edge, ensure_ascii=False)
    elif choice == 1:
        new = json.dumps(edge + value, ensure_ascii=False)
    elif choice == 2:
        new = "|\n" + value  # a literal block: the value and a final line break
    else:
        new = rng.choice(["|+\n" + value + "\n", ">\n" + value, "|2-\n" + value, ">+\n" + value + "\n"])
    _set_entry(lines, e, new)
    return _join(lines)


def m_anchor_alias(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    top = [e for e in entries(lines) if e.indent == 0]
    choice = rng.randrange(5)
    if choice == 0 and len(top) >= 2:  # one value anchored, another field aliases it
        a, b = rng.sample(top, 2)
        first, second = sorted((a, b), key=lambda e: e.start)
        m = _KEY.match(lines[first.start])
        assert m is not None
        rest = m.group(4) or ""
        lines[first.start] = f"{first.key}: &ancre {rest}".rstrip()
        lines[second.start:second.end] = [f"{second.key}: *ancre"]
        return _join(lines)
    if choice == 1:  # a billion laughs
        n = rng.randint(3, 12)
        bomb = ["lol0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        bomb += [f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, n)]
        key = rng.choice(["partenaires", "description", "lol", "donnees", "publics"])
        bomb.append(f"{key}: *l{n - 1}")
        lines[rng.randrange(len(lines) + 1):0] = bomb
        return _join(lines)
    if choice == 2:  # a recursive alias
        key = rng.choice(sorted(rec.fields))
        lines.append(f"{key}: &boucle [*boucle, {{a: *boucle}}]")
        return _join(lines)
    if choice == 3:  # merge keys
        lines.insert(0, "base: &base {nom: fusion, statut: en_reflexion}")
        lines.append("<<: *base")
        return _join(lines)
    lines.append(rng.choice(["nom: *absent", "*absent: x", "&a &b nom: x", "nom: &a", "? *a\n: b"]))
    return _join(lines)


def m_tag(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    found = entries(lines)
    if not found:
        return m_prefix(rng, raw, rec)
    e = rng.choice(found)
    m = _KEY.match(lines[e.start])
    assert m is not None
    tag = rng.choice(["!!python/object:os.system", "!!python/object/apply:os.system", "!!python/name:os.system",
                      "!!python/module:os", "!!binary", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map",
                      "!!seq", "!!set", "!!omap", "!!pairs", "!!timestamp", "!!merge", "!!value", "!", "!x",
                      "!<!>", "!<tag:yaml.org,2002:str>", "!<tag:yaml.org,2002:python/object:os.system>",
                      "!e!x", "!!\u202e", "!!%00", "!!%E9"])
    lines[e.start] = lines[e.start].replace(f"{e.key}:", f"{e.key}: {tag}", 1)
    if rng.random() < 0.2:
        lines[e.start] = lines[e.start].replace(f"{e.key}:", f"{tag} {e.key}:", 1)
    return _join(lines)


def m_documents(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    choice = rng.randrange(4)
    if choice == 0:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["---", "--- ", "...", "--- |", "--- >", "---\t#"]))
    elif choice == 1:
        return raw + b"\n---\n" + raw
    elif choice == 2:
        return b"---\n" + raw + b"\n...\n---\n" + rng.choice([b"", b"~", b"[]", b"a: b"]) + b"\n"
    else:
        return raw + b"\n...\n" + rng.choice([b"%YAML 1.2\n---\n", b"# fin\n", b"---\nnom: autre\n"])
    return _join(lines)


def m_flow(rng: Random, raw: bytes, rec: Record) -> bytes:
    """The whole record written as a flow mapping (JSON), or one list written in flow style."""
    data = None
    if b"*" not in raw:  # aliases: constructing the data could expand a billion laughs
        try:
            data = yaml.load(_text(raw), Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))  # scalars as text
        except (yaml.YAMLError, RecursionError, ValueError):
            pass
    if isinstance(data, dict) and rng.random() < 0.4:
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
        if rng.random() < 0.5:
            text = text.replace('"', "", rng.randint(1, 20))  # some keys and values unquoted, a few broken
        return _bytes(text)
    lines = _lines(raw)
    found = [e for e in entries(lines) if e.end - e.start > 1]
    if not found:
        return m_replace_value(rng, raw, rec)
    e = rng.choice(found)
    items = [value_for(rng, _field_kind(rec, e.key)) for _ in range(rng.randint(0, 5))]
    flow = rng.choice(["[" + ", ".join(_flow(v) for v in items) + "]",
                       "{" + ", ".join(f"k{i}: {_flow(v)}" for i, v in enumerate(items)) + "}",
                       "[" + ", ".join(_flow(v) for v in items), "[a, ]", "[, a]", "{a, b: }", "[a: b, c]"])
    _set_entry(lines, e, flow)
    return _join(lines)


def m_deep_nesting(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    n = rng.choice([30, 49, 50, 51, 52, 100, 500, 1000, 3000, 10000])
    key = rng.choice(sorted(rec.fields) + ["profond"])
    choice = rng.randrange(4)
    if choice == 0:
        value = "[" * n + "]" * n
    elif choice == 1:
        value = "{a: " * n + "b" + "}" * n
    elif choice == 2:
        value = "[" * n  # never closed
    else:
        depth = min(n, 200)
        block = [key + ":"] + [" " * (2 * i) + "- " + ("x" if i == depth else "") for i in range(1, depth + 1)]
        lines[len(lines):] = block
        return _join(lines)
    lines.append(f"{key}: {value}")
    return _join(lines)


def m_many_nodes(rng: Random, raw: bytes, rec: Record) -> bytes:
    """Many keys or list items (near and over the parser's node limit)."""
    lines = _lines(raw)
    n = rng.choice([1000, 19_990, 20_001])
    key = rng.choice(["partenaires", "publics", "sous_themes", "fournisseurs", "inconnu"])
    if rng.random() < 0.5:
        lines.append(f"{key}: [" + ",".join("a" for _ in range(n)) + "]")
    else:
        lines.append(f"{key}: {{" + ",".join(f"k{i}: v" for i in range(n)) + "}")
    return _join(lines)


def m_huge_number(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    found = entries(lines)
    e = rng.choice(found) if found else None
    value = rng.choice(["9" * 4300, "9" * 4301, "9" * 100_000, "-" + "9" * 5000, "1e" + "9" * 50, "0x" + "f" * 5000,
                        "1" + "0" * 400 + ".5", "!!int " + "9" * 5000, "!!float 1e999999", "1" * 20 + "e-1"])
    if e is not None and rng.random() < 0.7:
        _set_entry(lines, e, value)
    else:
        key = rng.choice(["nombre_decisions_par_an", "nombre_agents", "latitude", "longitude", "siret",
                          "version_schema"])
        lines.append(f"{key}: {value}")
    return _join(lines)


def m_identifier(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    key = rng.choice(["identifiant", "identifiant", "collectivite"] if rec.kind == "cas_usage" else ["identifiant"])
    value = rng.choice(BY_KIND["identifiant"])
    hit = [e for e in entries(lines) if e.indent == 0 and e.key == key]
    if hit:
        _set_entry(lines, hit[0], value)
    else:
        lines.append(f"{key}: {value}")
    return _join(lines)


def m_formula(rng: Random, raw: bytes, rec: Record) -> bytes:
    """A text value that a spreadsheet would run, in a field the CSV export writes."""
    lines = _lines(raw)
    found = [e for e in entries(lines) if _field_kind(rec, e.key) in ("texte", "url", "email")
             and e.key != "version_schema"]
    if not found:
        return m_replace_value(rng, raw, rec)
    e = rng.choice(found)
    start = rng.choice(["=", "+", "-", "@", "\\t", "\\r", "\\n", " =", "\\u00a0=", "\\uff1d", "\\uff0b", "\\uff0d",
                        "\\uff20", "\\t=", "'=", "\\\"="])
    body = rng.choice(["1+1", "cmd|'/Ccalc'!A0", "HYPERLINK(\\\"https://evil.fr\\\",\\\"clic\\\")", "SUM(A1:A9)",
                       "2", "a@b.fr", "-", "1e5", "", " ", "5,3"])
    _set_entry(lines, e, '"' + start + body + '"')
    return _join(lines)


def m_escape_in_text(rng: Random, raw: bytes, rec: Record) -> bytes:
    """A double-quoted value with YAML escapes of control, invisible or odd characters."""
    lines = _lines(raw)
    found = entries(lines)
    if not found:
        return m_insert_bytes(rng, raw, rec)
    e = rng.choice(found)
    escapes = ["\\e[31m", "\\e[2J\\e[H", "\\e]8;;https://evil.fr\\a", "\\e]0;titre\\a", "\\x9b", "\\x85", "\\0",
               "\\a", "\\b", "\\v", "\\f", "\\r", "\\x7f", "\\u202e", "\\u2066", "\\u200b", "\\ufeff", "\\u2028",
               "\\N", "\\_", "\\L", "\\P", "\\ud83d", "\\U0010ffff", "\\t", "\\n", "\\\\", "\\\""]
    text = "".join(rng.choice(escapes) + rng.choice(["", "texte", " ", "é"]) for _ in range(rng.randint(1, 4)))
    kind = _field_kind(rec, e.key)
    base = rng.choice(BY_KIND.get(kind, ["valeur"])).strip("'\"") if kind in BY_KIND else "valeur"
    at = rng.randrange(len(base) + 1)
    _set_entry(lines, e, '"' + base[:at].replace("\\", "\\\\").replace('"', '\\"') + text
               + base[at:].replace("\\", "\\\\").replace('"', '\\"') + '"')
    return _join(lines)


def m_silence(rng: Random, raw: bytes, rec: Record) -> bytes:
    """Comments that silence lint rules, well or badly written."""
    lines = _lines(raw)
    codes = rng.choice(["crpa-decisions-non-renseignees", "", " ", ",", "inconnu", "yaml-syntaxe", "siret-manquant",
                        "a,b,c", "x" * 500, "\x1b[31m", "\u202e", "é", "{code}", "[", "]", "*", "valeur-non-canonique"])
    reason = rng.choice(["", " raison", " —", " \x1b[2J", " \u202e", " {code}", " " + "r" * 5000, " \x00"])
    comment = rng.choice([f"# iaterr: ignore[{codes}]{reason}", f"#iaterr:ignore[{codes}]{reason}",
                          f"# iaterr: ignore[{codes}", f"# IATERR: IGNORE[{codes}]{reason}",
                          f"# iaterr: ignore{codes}{reason}"])
    at = rng.randrange(len(lines) + 1)
    if rng.random() < 0.3 and at < len(lines) and lines[at].strip() and not lines[at].lstrip().startswith("#"):
        lines[at] = lines[at] + "  " + comment
    else:
        lines.insert(at, comment)
    return _join(lines)


def m_version(rng: Random, raw: bytes, rec: Record) -> bytes:
    lines = _lines(raw)
    value = rng.choice(["1.0", "'1.0'", "1", "1.00", "2.0", "9.9", "", "~", "[1.0]", "{v: 1}", "'\\e[31m'",
                        "\"\\e[31m\"", "\"1.0\\u202e\"", "v1", "1.0.0", "-1.0", "=1", "'" + "9" * 500 + "'"])
    hit = [e for e in entries(lines) if e.indent == 0 and e.key == "version_schema"]
    if hit:
        _set_entry(lines, hit[0], value)
    else:
        lines.insert(0, "version_schema: " + value)
    return _join(lines)


def m_clone(rng: Random, raw: bytes, rec: Record) -> bytes:
    """Another record of the same kind copied here (a record entered twice), its identifier kept or set to
    this file's name, its name and description kept or slightly changed."""
    if not rec.siblings:
        return raw
    lines = _lines(rng.choice(rec.siblings))
    stem = rec.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for e in reversed(entries(lines)):
        if e.indent:
            continue
        if e.key == "identifiant" and rng.random() < 0.7:
            _set_entry(lines, e, stem)
        elif e.key in ("nom", "description") and rng.random() < 0.5:
            for _ in range(rng.randint(1, 3)):
                i = rng.randrange(e.start, e.end)
                at = rng.randrange(len(lines[i]) + 1)
                lines[i] = lines[i][:at] + rng.choice(["", "x", " ", "é", "Projet "]) + lines[i][at + 1:]
    return _join(lines)


_WORDS = ("le la des projet données algorithme ville agents usagers eau énergie décision https://exemple.fr "
          "a@exemple.fr 2024-01 TODO xxx lorem ipsum à compléter Jean Dupont 06 12 34 56 78 =1+1 -").split(" ")


def m_huge_text(rng: Random, raw: bytes, rec: Record) -> bytes:
    """A text field of the model holding a long text (still a valid record): rules and writers on big input."""
    lines = _lines(raw)
    texts = [name for name, (kind, is_list, _sub) in rec.fields.items() if kind == "texte" and not is_list
             and name != "version_schema"]
    key = rng.choice(texts)
    n = rng.choice([2_000, 20_000])
    text = " ".join(rng.choice(_WORDS) for _ in range(n)) if rng.random() < 0.7 else rng.choice("ab. ") * (5 * n)
    value = json.dumps(text.strip() or "x", ensure_ascii=False)
    hit = [e for e in entries(lines) if e.indent == 0 and e.key == key]
    if hit:
        _set_entry(lines, hit[0], value)
    else:
        lines.append(f"{key}: {value}")
    return _join(lines)


def m_empty(rng: Random, raw: bytes, rec: Record) -> bytes:
    return rng.choice([b"", b" ", b"\n", b"\n\n\t\n", b"# commentaire\n", b"---\n", b"...", b"~", b"null", b"[]",
                       b"{}", b"- a\n- b\n", b"texte", b"'texte'", b"\xef\xbb\xbf", b"\x00", b"---\n---\n", b"!!str",
                       b"? a", b": a", b"&a", b"*a", b"|", b">", b"- ", b"#", b"%YAML 1.2", b"\xff\xfe\x00\x00"])


MUTATIONS: dict[str, Callable[[Random, bytes, Record], bytes]] = {
    "delete_line": m_delete_line,
    "duplicate_line": m_duplicate_line,
    "swap_lines": m_swap_lines,
    "reindent": m_reindent,
    "truncate": m_truncate,
    "truncate_in_character": m_truncate_in_character,
    "insert_bytes": m_insert_bytes,
    "insert_in_value": m_insert_in_value,
    "replace_byte": m_replace_byte,
    "line_endings": m_line_endings,
    "prefix": m_prefix,
    "encoding": m_encoding,
    "splice": m_splice,
    "replace_value": m_replace_value,
    "replace_list_item": m_replace_list_item,
    "add_field": m_add_field,
    "unknown_key": m_unknown_key,
    "duplicate_key": m_duplicate_key,
    "value_edges": m_value_edges,
    "anchor_alias": m_anchor_alias,
    "tag": m_tag,
    "documents": m_documents,
    "flow": m_flow,
    "deep_nesting": m_deep_nesting,
    "many_nodes": m_many_nodes,
    "huge_number": m_huge_number,
    "identifier": m_identifier,
    "formula": m_formula,
    "escape_in_text": m_escape_in_text,
    "silence": m_silence,
    "version": m_version,
    "clone": m_clone,
    "huge_text": m_huge_text,
    "empty": m_empty,
}

#: Structure-aware mutations are drawn more often: they reach the model and the lint rules.
WEIGHTS = {name: 1 for name in MUTATIONS} | {
    "replace_value": 8, "add_field": 6, "replace_list_item": 3, "formula": 3, "escape_in_text": 3, "identifier": 2,
    "duplicate_key": 2, "unknown_key": 2, "clone": 1, "value_edges": 3, "tag": 2, "anchor_alias": 2, "flow": 2,
    "insert_in_value": 2,
    "many_nodes": 0.2, "empty": 0.3, "huge_text": 0.3,
}


@dataclass(frozen=True)
class Case:
    index: int
    record: Record
    mutations: tuple[str, ...]
    raw: bytes

    def describe(self) -> str:
        return (f"case {self.index} (random.Random('{SEED}:{self.index}')), mutations {'+'.join(self.mutations)} "
                f"of {self.record.rel}: {short(self.raw)}")


def make_case(index: int, records: list[Record]) -> Case:
    """Case ``index``: a record and one to three mutations of it, drawn from a generator of its own."""
    rng = Random(f"{SEED}:{index}")
    record = rng.choice(records)
    names = sorted(MUTATIONS)
    weights = [WEIGHTS[n] for n in names]
    chosen = tuple(rng.choices(names, weights, k=rng.choices([1, 2, 3], [6, 3, 1])[0]))
    raw = record.raw
    for name in chosen:
        raw = MUTATIONS[name](rng, raw, record)
    return Case(index, record, chosen, raw)


# ---------------------------------------------------------------- time budgets


class Hang(BaseException):
    """Raised in the code under test when its time budget is spent (a BaseException: no ``except Exception``
    of the code under test can swallow it)."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the body with :class:`Hang` after ``seconds`` (SIGALRM, main thread of a POSIX system).

    Elsewhere nothing is interrupted, and the caller's measure of the elapsed time still fails the case. A
    timer signal is only handled between bytecodes: a single call into C that never returns (a catastrophic
    regular expression) would not be interrupted, only reported once it returns."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise Hang(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t:`` … ``t[0]`` is the elapsed time in seconds after the body."""
    box = [0.0]
    start = time.perf_counter()
    try:
        yield box
    finally:
        box[0] = time.perf_counter() - start
