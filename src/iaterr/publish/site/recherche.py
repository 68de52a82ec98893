"""The search of the register's home page: what each record gives to it, and the index file the page's script
loads when a reader first searches, filters or turns a page.

Matching is French-aware and identical on both sides: a text is folded (lower case, accents and ligatures
removed, anything but letters and digits a space), each word loses a final « s » or « x » when it is longer
than three letters (« chatbots » and « chatbot », « réseaux » and « réseau »), and a word of the query matches
the words of a record it starts (« fuit » finds « fuites »). ``assets/registre.js`` folds the query the same
way (:func:`fold` and :func:`words` are its reference: ``tests/test_site_accueil.py`` checks they agree).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

#: the fields whose words the search covers: names, summaries, descriptions and what else describes the service
#: (public fields only: a restricted one never reaches the public view the index is made from)
SEARCHED = ("nom", "resume", "description", "finalite", "contexte", "inspirations")
#: the longest one-line summary shown under a name when the record has no ``resume`` (characters)
SUMMARY_MAX = 160

_NOT_WORD = re.compile(r"[^a-z0-9]+")


#: the combining diacritical marks the page's script removes too (``registre.js``: the same range)
_MARKS = re.compile("[\u0300-\u036f]+")


def fold(text: str) -> str:
    """« Réseaux d'eau » → « reseaux d eau »: as the page's script folds a query (the same marks removed)."""
    return _NOT_WORD.sub(" ", _unmarked(text)).strip()


def _unmarked(text: str) -> str:
    """``text`` in lower case, its marks and ligatures removed (what :func:`fold` then cuts into words)."""
    text = str(text).lower()
    if text.isascii():  # an ASCII text has no mark to remove, nothing to decompose, no ligature
        return text
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).replace("œ", "oe").replace("æ", "ae")


def stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


_FOLDED: dict[str, str] = {}


def _fold_char(char: str) -> str:
    """What :func:`fold` makes of one character before cutting words: its decomposition without the marks,
    ligatures spelled out (remembered, for a few thousand characters)."""
    folded = _FOLDED.get(char)
    if folded is None:
        folded = _MARKS.sub("", unicodedata.normalize("NFD", char)).replace("œ", "oe").replace("æ", "ae")
        if len(_FOLDED) < 4096:
            _FOLDED[char] = folded
    return folded


#: the characters beyond ASCII that French texts hold, each with what it becomes among words: its letters as
#: :func:`fold` leaves them, anything else a space (a word ends there either way)
_FRENCH = tuple((char, _NOT_WORD.sub(" ", _fold_char(char)))
                for char in "éèàêçâîôûëïüöäùÿœæ’‘«»“”…–—\xa0\u202f°€²³ñ−×")
_ASCII = frozenset(map(chr, range(128)))
#: each byte of an ASCII text but a-z and 0-9 made a space
_SPACES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def words(text: str) -> list[str]:
    """The searchable words of ``text``, folded and stemmed, each once, in order."""
    # the words of fold(text), made with C string methods: a text decomposed, its marks removed and its words cut
    # is the same, word for word, as each of its characters so treated (a decomposition is a character's own; the
    # order of the marks it may reorder tells no word from another); the few distinct characters beyond ASCII of
    # a text are replaced one by one, then every character but a-z and 0-9 (and anything still beyond ASCII, a
    # "?" first) is a space
    text = str(text).lower()
    if not text.isascii():
        for char, folded in _FRENCH:
            if char in text:
                text = text.replace(char, folded)
        if not text.isascii():
            for char in set(text).difference(_ASCII):
                folded = _fold_char(char)
                if folded != char:
                    text = text.replace(char, folded)
    found = text.encode("ascii", "replace").translate(_SPACES).decode("ascii").split()
    # each word once before stemming, then each stem once: the same stems in the same order (a stem's first word
    # comes first among its words), fewer to stem
    return list(dict.fromkeys([w[:-1] if w[-1] in "sx" and len(w) > 3 else w for w in dict.fromkeys(found)]))


def search_words(view: Any) -> str:
    """The words of a record the search covers, as one string (`` mot1 mot2 ``: a query word matches where
    `` mot`` occurs)."""
    parts = []
    for name in SEARCHED:
        value = view.get(name)
        if isinstance(value, str):
            parts.append(value)
    return " " + " ".join(words(" ".join(parts))) + " "


def one_line(view: Any) -> str:
    """The one-line summary of a record: its ``resume``, else the first sentence of its description, cut at a
    word under :data:`SUMMARY_MAX` characters."""
    resume = view.get("resume")
    if isinstance(resume, str) and resume.strip():
        return " ".join(resume.split())
    text = " ".join(str(view.get("description") or "").split())
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(first) <= SUMMARY_MAX:
        return first
    cut = first[:SUMMARY_MAX].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def index_script(rows: Iterable[dict[str, Any]], collectivites: dict[str, str]) -> str:
    """``assets/recherche.js`` (:func:`index_chunks`), whole."""
    return "".join(index_chunks(rows, collectivites))


def index_chunks(rows: Iterable[dict[str, Any]], collectivites: dict[str, str]) -> Iterator[str]:
    """``assets/recherche.js``: the index of every record, as a script (a page opened from the disk may not
    fetch a file, it may load a script), a record at a time. Per record: identifiant, name, collectivité,
    summary, theme, status, types, risk tier, words."""
    yield _safe("window.IATERR_INDEX = " + '{"collectivites":' + _dumps(collectivites) + ',"cas":[')
    separator = ""
    for r in rows:
        yield _safe(separator + _dumps([r["id"], r["nom"], r["coll"], r["resume"], r["theme"], r["statut"],
                                        " ".join(r["types"]), r["risque"], r["mots"]]))
        separator = ","
    yield "]};\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _safe(text: str) -> str:
    # U+2028 and U+2029 end a line in older JavaScript; "</" never closes anything in a script file, but costs
    # nothing to keep out (a piece ends with "[", "," or "]": never inside a "</")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
