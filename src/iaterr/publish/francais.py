"""Plain French for the documents a resident reads: the name of a collectivité with its article (« de la
Communauté d'agglomération du Sicoval », « du Département de la Vendée », « de Paris », « d'Issy-les-Moulineaux »)
and dates written out (« 16 avril 2025 », « avril 2025 »).

The article is read from the first word of the name: a common noun of the administrative vocabulary (« Ville »,
« Communauté », « Département », « Établissement »…, and the abbreviations « CA », « EPT »…) takes its article;
a name that starts with « Le » or « Les » contracts it (« du Mans », « des Mureaux »); any other name is a proper
noun (« de Paris », « de Toulouse Métropole », « de La Rochelle »). The few proper nouns used with an article
(« le Sicoval ») are listed. English has no such forms: the name is used as it is.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

from iaterr.model.droit import long_date

#: first words (lower case, without accents) → article: la, le, l (elided), les
_NOUNS: dict[str, str] = {
    **dict.fromkeys(("communaute", "metropole", "ville", "region", "commune", "collectivite", "mairie",
                     "prefecture", "direction", "regie", "ca", "cc", "cu", "cte", "caue"), "la"),
    **dict.fromkeys(("departement", "syndicat", "conseil", "centre", "pole", "service", "groupement", "territoire",
                     "sivom", "sivu", "sitom", "smictom", "sdis", "ccas", "cias", "pays", "parc", "petr"), "le"),
    **dict.fromkeys(("etablissement", "agglomeration", "eurometropole", "office", "agence", "union", "entente",
                     "intercommunalite", "hopital", "ept", "epci", "epic", "epa", "etat"), "l"),
    **dict.fromkeys(("communautes", "communes", "syndicats"), "les"),
}
#: proper nouns used with an article
_WITH_ARTICLE: dict[str, str] = {"sicoval": "le"}

_FORMS = {
    # article → (subject, de, à, par)
    "la": ("la {n}", "de la {n}", "à la {n}", "par la {n}"),
    "le": ("le {n}", "du {n}", "au {n}", "par le {n}"),
    "l": ("l'{n}", "de l'{n}", "à l'{n}", "par l'{n}"),
    "les": ("les {n}", "des {n}", "aux {n}", "par les {n}"),
}


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


def _elides(name: str) -> bool:
    """« d' » before a vowel or a mute h (« d'Issy », « d'Hérouville »)."""
    first = _plain(name[:1])
    return first in "aeiouyh" and first != ""


def article(name: str) -> tuple[str, str]:
    """(article, name it goes before): ``("la", "Ville de Paris")``, ``("le", "Mans")`` for « Le Mans »,
    ``("", "Paris")`` for a proper noun."""
    name = " ".join(str(name).split())
    words = re.split(r"[\s'’-]+", name, maxsplit=1)
    first = _plain(words[0]) if words else ""
    if first in ("le", "les") and len(words) > 1 and name[len(words[0]):][:1] == " ":
        return first, name[len(words[0]) + 1:]
    if first in _NOUNS:
        return _NOUNS[first], name
    if first in _WITH_ARTICLE:
        return _WITH_ARTICLE[first], name
    return "", name


def _form(name: str, index: int) -> str:
    kind, rest = article(name)
    if kind:
        return _FORMS[kind][index].format(n=rest)
    if index == 1:
        return ("d'" if _elides(rest) else "de ") + rest
    return ("", "", "à ", "par ")[index] + rest


def subject(name: str) -> str:
    """« la Ville de Paris », « le Sicoval », « Paris »."""
    return _form(name, 0)


def of(name: str) -> str:
    """« de la Ville de Paris », « du Sicoval », « de Paris », « d'Issy-les-Moulineaux »."""
    return _form(name, 1)


def to(name: str) -> str:
    """« à la Ville de Paris », « au Sicoval », « à Paris »."""
    return _form(name, 2)


def by(name: str) -> str:
    """« par la Ville de Paris », « par le Sicoval », « par Paris »."""
    return _form(name, 3)


def name_forms(name: str, lang: str = "fr") -> dict[str, str]:
    """The forms of a collectivité's name a message may use: ``{collectivite}`` (as it is), ``{la_collectivite}``,
    ``{de_collectivite}``, ``{a_collectivite}``, ``{par_collectivite}`` (in English, the name as it is)."""
    return dict(_name_forms(name, lang))  # a copy: the caller may change it


@functools.lru_cache(maxsize=1024)
def _name_forms(name: str, lang: str) -> dict[str, str]:
    """:func:`name_forms`, worked out once per name (every page of a collectivité's use cases says it)."""
    if lang == "en":
        return dict.fromkeys(("collectivite", "la_collectivite", "de_collectivite", "a_collectivite",
                              "par_collectivite"), name)
    return {"collectivite": name, "la_collectivite": subject(name), "de_collectivite": of(name),
            "a_collectivite": to(name), "par_collectivite": by(name)}


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DAY, MONTH, YEAR = "jour", "mois", "annee"
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
         "novembre", "décembre")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def partial_date(value: object, lang: str = "fr") -> tuple[str, str]:
    """A date of a record (« 2025-04-16 », « 2025-04 », « 2025 », or a date) written out, and its precision:
    (« 16 avril 2025 », DAY), (« avril 2025 », MONTH), (« 2025 », YEAR); anything else as it is, precision ""."""
    if isinstance(value, date):
        return long_date(value, lang), DAY
    text = str(value or "").strip()
    found = _PARTIAL.match(text)
    if not found:
        return text, ""
    year, month, day = found.groups()
    try:
        if day:
            return long_date(date(int(year), int(month), int(day)), lang), DAY
        if month and 1 <= int(month) <= 12:
            return f"{(_MONTHS if lang == 'en' else _MOIS)[int(month) - 1]} {year}", MONTH
    except ValueError:
        return text, ""
    return (year, YEAR) if not month else (text, "")


def _parts(value: object) -> tuple[int, int, int] | None:
    """(year, month or 0, day or 0) of a record's date, None when it is not one."""
    if isinstance(value, date):
        return value.year, value.month, value.day
    found = _PARTIAL.match(str(value or "").strip())
    if not found:
        return None
    year, month, day = found.groups()
    return int(year), int(month or 0), int(day or 0)


def starts_after(value: object, today: date) -> bool:
    """Whether the period a record's date names (a day, a month, a year) begins after ``today``."""
    parts = _parts(value)
    if parts is None:
        return False
    year, month, day = parts
    try:
        return date(year, month or 1, day or 1) > today
    except ValueError:
        return False


_VOWEL = re.compile(r"^de (?=[aeiouyhàâäéèêëîïôöûü])", re.IGNORECASE)


def date_range(start: object, end: object, lang: str = "fr") -> str:
    """A period between two dates of a record, in correct French or English: « de 2005 à 2010 », « du 9 au 10
    octobre 2025 », « de février 2024 à février 2025 », « d'avril à août 2024 » (the year, and the month, said
    once when both dates share them); "from 9 to 10 October 2025". Two equal dates are one date."""
    from iaterr.i18n import message

    first, first_precision = partial_date(start, lang)
    last, last_precision = partial_date(end, lang)
    if first == last:
        return first
    a, b = _parts(start), _parts(end)
    if a and b and first_precision == last_precision and a[0] == b[0]:
        if first_precision == DAY:
            # « 9 » or « 9 septembre » before « 10 octobre 2025 »: what the end says is not said twice
            day_only = "1er" if a[2] == 1 and lang != "en" else str(a[2])
            month = (_MONTHS if lang == "en" else _MOIS)[a[1] - 1]
            first = day_only if a[1] == b[1] else f"{day_only} {month}"
        elif first_precision == MONTH:
            first = (_MONTHS if lang == "en" else _MOIS)[a[1] - 1]
    start_word = "du" if first_precision == DAY else "de"
    key = f"notice.periode.{start_word}-{'au' if last_precision == DAY else 'a'}"
    text = message(key, lang, debut=first, fin=last)
    return _VOWEL.sub("d'", text) if lang != "en" else text
