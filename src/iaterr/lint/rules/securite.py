"""Text safety: characters that hide what a text says.

A value may hold characters that are invisible but change how the text around them is shown: the
direction overrides and isolates of Unicode (U+202A–U+202E, U+2066–U+2069, the "Trojan Source"
characters) make a text read differently from what it holds; zero-width characters and joiners hide
words from search and comparison. Control characters (escape sequences) are refused by ``validate``
itself; these pass it, so lint reports them, in every text value and key of a record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from iaterr.base.diagnostics import Severity, format_path
from iaterr.base.text import BIDI_CONTROLS, INVISIBLE_CHARS, printable
from iaterr.lint.engine import Finding, RecordContext, rule


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, bool]]:
    """Every string of a raw record: ``(path, text, is_key)``."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from _strings(item, path + (key,))


def _findings(ctx: RecordContext) -> Iterable[Finding]:
    for path, text, is_key in _strings(ctx.data):
        found = INVISIBLE_CHARS.findall(text)
        if not found:
            continue
        shown = ", ".join(sorted({printable(c) for c in found}))
        kind = ({"fr": "inversion du sens d'écriture", "en": "text direction override"}
                if any(BIDI_CONTROLS.match(c) for c in found)
                else {"fr": "caractère invisible", "en": "invisible character"})
        yield Finding(path, {"champ": format_path(path), "caracteres": shown, "nature": kind}, at_key=is_key)


_COMMON = dict(
    famille="securite", severite=Severity.ERROR,
    reference="Unicode, annexe UAX #9 (algorithme bidirectionnel) ; CVE-2021-42574 (« Trojan Source »)",
    reference_en="Unicode, Annex UAX #9 (bidirectional algorithm); CVE-2021-42574 (“Trojan Source”)",
    justification_fr="Un caractère invisible qui change le sens d'écriture (U+202E…) fait lire un texte autrement "
                     "qu'il n'est écrit : dans le registre publié, une notice, un tableur ou un terminal, la valeur "
                     "affichée n'est plus la valeur vérifiée. Les caractères de largeur nulle cachent des mots à la "
                     "recherche et aux comparaisons (doublons). Aucun texte d'une fiche n'en a besoin.",
    justification_en="An invisible character that changes the text direction (U+202E…) makes a text read "
                     "differently from what it holds: in the published register, a notice, a spreadsheet or a "
                     "terminal, the value shown is no longer the value checked. Zero-width characters hide words "
                     "from search and comparisons (duplicates). No text of a record needs them.",
    message_fr="« {champ} » contient un caractère invisible ({caracteres} : {nature}).",
    message_en="“{champ}” holds an invisible character ({caracteres}: {nature}).",
    aide_fr="Supprimez ce caractère (souvent venu d'un copier-coller) : retapez la valeur.",
    aide_en="Delete the character (often brought by a copy-paste): type the value again.",
)


@rule(code="texte-caractere-invisible", portee="cas_usage",
      titre_fr="Caractère invisible ou d'inversion du sens d'écriture",
      titre_en="Invisible or direction-override character", **_COMMON)
def caractere_invisible(ctx: RecordContext) -> Iterable[Finding]:
    return _findings(ctx)


@rule(code="texte-caractere-invisible-collectivite", portee="collectivite",
      titre_fr="Caractère invisible ou d'inversion du sens d'écriture (collectivité)",
      titre_en="Invisible or direction-override character (local authority)", **_COMMON)
def caractere_invisible_collectivite(ctx: RecordContext) -> Iterable[Finding]:
    return _findings(ctx)


#: The rules of this family, in the order they are listed.
RULES = (
    caractere_invisible,
    caractere_invisible_collectivite,
)
