"""Reading the silence comments written by importers older than :data:`~.silences.SILENCE_TOKEN`.

Those versions wrote ``# iaterr: ignore[codes] <reason>`` with no fixed token, and found their own
lines again by matching the reason against the catalogue's messages (``importer.silence.absent``,
``importer.silence.siret-faux``) in French and English. Their texts are frozen here, as those versions
wrote them, so that such records are still recognised whatever the catalogue says today. A line read
this way is rewritten with the token the next time its codes change; an unchanged line is left as it is.
"""

from __future__ import annotations

import re

#: The reasons older importers wrote, ``{date}`` standing for the export's date.
LEGACY_REASONS = (
    # importer.silence.absent, French then English
    "fiche tirée de l'export public de la Bibliothèque ({date}), qui n'a ni ce champ ni de date plus récente : "
    "à compléter et vérifier auprès de la collectivité",
    "record taken from the Bibliothèque's public export ({date}), which has neither this field nor a more "
    "recent date: to be completed and checked with the authority",
    # importer.silence.siret-faux, French then English
    "SIRET de l'export public de la Bibliothèque ({date}) à la clé de contrôle fausse, laissé vide : à "
    "demander à la collectivité, jamais à inventer",
    "SIRET of the Bibliothèque's public export ({date}) with a wrong check digit, left empty: to be asked from "
    "the authority, never made up",
)

_PATTERNS = tuple(
    re.compile(re.escape(reason).replace(re.escape("{date}"), ".+?") + r"\s*$") for reason in LEGACY_REASONS
)


def is_legacy_reason(reason: str) -> bool:
    """Is ``reason`` (the text after ``ignore[…]``) one an older importer wrote?"""
    text = reason.strip()
    return any(p.match(text) for p in _PATTERNS)
