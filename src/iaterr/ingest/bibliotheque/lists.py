"""Splitting list cells (partners, suppliers…) and recognising cells that say "nothing".

The export separates list items by newlines, ``;``, ``,`` and dashes, but also by a bare hyphen
(``DRYAS-Kocliko-Domofrance``): a hyphen separates only where it does not join a name
(``Val-de-Loire``, ``Saint-Quentin``, ``Paris-Saclay``…), see :func:`split_list`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_PARTICLES = {"de", "du", "des", "la", "le", "les", "sur", "sous", "en", "et", "aux", "au", "lès", "lez", "d", "l"}
_SAINTS = {"saint", "sainte", "st", "ste"}
_PLACEHOLDERS = {"n/a", "na", "nc", "n.c.", "aucun", "aucune", "neant", "néant", "sans objet", "sans", "nsp"}
#: Separators that always separate: newlines, ``;``, ``,`` (not between two digits).
STRONG = re.compile(r"\n|;|(?<!\d),|,(?!\d)")
#: A dash with a space on either side.
SPACED_DASH = re.compile(r"\s+[-–—]\s+|\s+[–—]|[–—]\s+")
_BARE_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")


def _hyphen_key(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def known_compound_pairs(names: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs of words joined by a hyphen in known names (collectivités, partners of the repository):
    ``Paris-Saclay`` gives (paris, saclay), so that a list cell never splits it."""
    pairs: set[tuple[str, str]] = set()
    for name in names:
        for token in re.findall(r"[^\s,;()]+(?:-[^\s,;()]+)+", name):
            parts = [_hyphen_key(p) for p in token.split("-")]
            pairs.update(zip(parts, parts[1:]))
    return pairs


def _keeps_hyphen(left: str, right: str, known: set[tuple[str, str]] | frozenset[tuple[str, str]]) -> bool:
    """Is the hyphen between ``left`` and ``right`` part of a name rather than a list separator?"""
    if (_hyphen_key(left), _hyphen_key(right)) in known:
        return True
    if left.isdigit() and right.isdigit():  # a range: 2023-2024
        return True
    for word in (left, right):
        if word.islower() and word.casefold() in _PARTICLES:  # Val-de-Loire, Noisy-le-Grand
            return True
    if re.match(r"^[dl]['’]", right):  # Villeneuve-d'Ascq
        return True
    if left.casefold().rstrip(".") in _SAINTS:  # Saint-Quentin
        return True
    # fragments too short to name anything on their own: Exo-Dev, e-administration (not EDF, an acronym)
    short = [len(w) for w in (re.sub(r"[^\w]", "", left), re.sub(r"[^\w]", "", right))
             if w and not w.isupper() and not w.isdigit()]
    return (len(short) == 2 and max(short) <= 3) or any(n <= 2 for n in short)


def _split_hyphens(piece: str, known: set[tuple[str, str]] | frozenset[tuple[str, str]]) -> list[str]:
    parts, start = [], 0
    for m in _BARE_HYPHEN.finditer(piece):
        left = re.search(r"[^\s-]+$", piece[: m.start()])
        right = re.match(r"[^\s-]+", piece[m.end():])
        if left and right and not _keeps_hyphen(left.group(), right.group(), known):
            parts.append(piece[start: m.start()])
            start = m.end()
    parts.append(piece[start:])
    return [p.strip() for p in parts if p.strip()]


def is_placeholder(text: str) -> bool:
    """A cell that says "nothing": ``/``, ``-``, ``N/A``, ``aucun``…"""
    value = text.strip()
    return bool(value) and (re.fullmatch(r"[\W_]+", value) is not None or value.casefold() in _PLACEHOLDERS)


def split_list(cell: str, known: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset()
               ) -> tuple[list[str], bool]:
    """Items of a list cell, and whether bare hyphens were taken as separators.

    Newlines, ``;`` and ``,`` (not between digits) always separate, and so do dashes with a
    space on either side. A bare hyphen separates only in a cell that uses no ``,`` nor ``;``
    (the export writes ``DRYAS-Kocliko-Domofrance``) and only between two words that do not
    form a name: particles (Val-de-Loire), Saint-…, ranges of numbers, short fragments (Exo-Dev)
    and hyphenated names already known (Paris-Saclay) keep their hyphen.
    """
    text = cell.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    uses_commas = re.search(r";|(?<!\d),|,(?!\d)", text) is not None
    items: list[str] = []
    split_on_hyphen = False
    for piece in STRONG.split(text):
        for sub in SPACED_DASH.split(piece):
            sub = " ".join(sub.split())
            if not sub:
                continue
            if uses_commas:
                items.append(sub)
                continue
            parts = _split_hyphens(sub, known)
            split_on_hyphen |= len(parts) > 1
            items.extend(parts)
    return items, split_on_hyphen
