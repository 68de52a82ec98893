"""Record identifiers: made from a name, and what an identifier may not be.

An identifier is also a file name (``<identifiant>.yaml``) and part of the register's addresses
(``cas/<identifiant>.html``): lower-case ASCII letters, digits and single hyphens, at most 80
characters, never a name Windows reserves (``con``, ``nul``, ``com1``…).
"""

from __future__ import annotations

import re
import unicodedata

from iaterr.base.files import WINDOWS_RESERVED

#: Words a shortened identifier should not end on.
_SLUG_TAIL = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur"}


def slugify(text: str, max_length: int = 80) -> str:
    """A record identifier from a name: ``Détection des fuites d'eau`` → ``detection-des-fuites-d-eau``.

    A longer one is cut between words, never in a word nor after "de", "la"…; a name Windows reserves
    gets a suffix (``nul`` → ``nul-1``)."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("œ", "oe").replace("æ", "ae")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        parts = slug[: max_length + 1].split("-")
        if len(slug) > max_length + 1 and slug[max_length + 1] != "-":
            parts = parts[:-1]  # a word cut in the middle
        parts = [p for p in parts if p]
        while len("-".join(parts)) > max_length:
            parts.pop()
        while len(parts) > 1 and parts[-1] in _SLUG_TAIL:
            parts.pop()
        slug = "-".join(parts) or slug[:max_length].strip("-")
    if slug in WINDOWS_RESERVED:
        slug += "-1"
    return slug
