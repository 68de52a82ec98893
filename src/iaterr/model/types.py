"""Value types of the model, each checking its own input.

Records are parsed so that every YAML scalar reaches the model as the text the
person wrote (see :mod:`iaterr.repo.yamlio`); these types turn that text into
values, strictly, and raise errors with a stable type slug that the message
catalogue renders in French or English.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from iaterr.base.files import WINDOWS_RESERVED
from iaterr.base.text import CONTROL_CHARS, printable, surely_no_control
from iaterr.model.dates import DATE_PATTERN, french_date_to_iso, parse_partial_date
from iaterr.model.vocab import Vocabulary


class TypeTag:
    """Marks a value type so that docs, prompts and checks know what a field holds."""

    __slots__ = ("kind", "vocab")

    def __init__(self, kind: str, vocab: Vocabulary | None = None) -> None:
        self.kind = kind
        self.vocab = vocab

    def __repr__(self) -> str:  # pragma: no cover
        return f"TypeTag({self.kind!r})"

# ---------------------------------------------------------------- free text


def _texte(value: Any) -> str:
    if type(value) is str and value and not value.isspace() \
            and (value.isprintable() or surely_no_control(value)):
        return value  # a text as usually written (at C speed): what the checks below give back
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise PydanticCustomError("iaterr_type", "text expected", {"attendu": "texte"})
    value = str(value)
    if not value.strip():
        raise PydanticCustomError("iaterr_vide", "empty text", {})
    found = CONTROL_CHARS.findall(value)
    if found:
        shown = sorted({printable(c) for c in found})
        raise PydanticCustomError("iaterr_controle", "control character", {"caracteres": ", ".join(shown)})
    return value


#: No control character (C0 but tab and line feed, DEL, C1), and at least one visible character.
_NO_CONTROL = "[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]"
TEXT_PATTERN = f"^{_NO_CONTROL}*[^\\s\\u0000-\\u001f\\u007f-\\u009f]{_NO_CONTROL}*$"

Texte = Annotated[str, TypeTag("texte"), BeforeValidator(_texte),
                  WithJsonSchema({"type": "string", "minLength": 1, "pattern": TEXT_PATTERN})]

#: The longest short summary (``resume``): Eurocities' ``description_short`` states 150 characters.
RESUME_MAX = 150


def _resume(value: Any) -> str:
    value = _texte(value)
    if len(value) > RESUME_MAX:
        raise PydanticCustomError("iaterr_trop_long", "text too long", {"longueur": len(value), "maximum": RESUME_MAX})
    return value


#: A short summary: a text of :data:`RESUME_MAX` characters at most, counted as Python counts them.
Resume = Annotated[str, TypeTag("texte"), BeforeValidator(_resume),
                   WithJsonSchema({"type": "string", "minLength": 1, "maxLength": RESUME_MAX,
                                   "pattern": TEXT_PATTERN})]

# ---------------------------------------------------------------- identifiers

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80


def _slug(value: Any) -> str:
    value = _texte(value)
    if len(value) > SLUG_MAX or not SLUG_RE.fullmatch(value):
        raise PydanticCustomError("iaterr_slug", "invalid identifier", {"valeur": value})
    if value in WINDOWS_RESERVED:
        raise PydanticCustomError("iaterr_slug", "reserved identifier", {"valeur": value, "reserve": True})
    return value


Slug = Annotated[
    str,
    TypeTag("identifiant"),
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": SLUG_MAX}),
]


def siret_checksum_ok(siret: str) -> bool:
    """Luhn checksum of a 14-digit SIRET (La Poste's establishments use a digit sum)."""
    if not (len(siret) == 14 and siret.isdigit()):
        return False
    if siret.startswith("356000000"):  # La Poste: sum of digits multiple of 5
        return sum(int(c) for c in siret) % 5 == 0
    total = 0
    for i, c in enumerate(reversed(siret)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _siret(value: Any) -> str:
    value = _texte(value)
    if not re.fullmatch(r"\d{14}", value):
        compact = re.sub(r"[\s.\u00a0]", "", value)
        raise PydanticCustomError(
            "iaterr_siret_format", "invalid SIRET", {"valeur": value, "compact": compact if compact.isdigit() else ""}
        )
    if not siret_checksum_ok(value):
        raise PydanticCustomError("iaterr_siret_cle", "SIRET checksum", {"valeur": value})
    return value


Siret = Annotated[str, TypeTag("siret"), BeforeValidator(_siret),
                  WithJsonSchema({"type": "string", "pattern": r"^\d{14}$"})]

# ---------------------------------------------------------------- links

URL_PATTERN = r"^https?://[^\s/?#@]+\.[^\s/?#@]+(:\d+)?([/?#]\S*)?$"
URL_RE = re.compile(URL_PATTERN)
EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def _url(value: Any) -> str:
    value = _texte(value)
    if not URL_RE.fullmatch(value) or ".." in value.split("/")[2]:
        raise PydanticCustomError("iaterr_url", "invalid URL", {"valeur": value})
    return value


Url = Annotated[
    str, TypeTag("url"), BeforeValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": URL_PATTERN}),
]


def _email(value: Any) -> str:
    value = _texte(value)
    if value.lower().startswith("mailto:"):
        raise PydanticCustomError("iaterr_email", "invalid e-mail", {"valeur": value, "sans_mailto": value[7:]})
    if not EMAIL_RE.fullmatch(value) or ".." in value:
        raise PydanticCustomError("iaterr_email", "invalid e-mail", {"valeur": value, "sans_mailto": ""})
    if value[0] in "=+-@":
        raise PydanticCustomError("iaterr_email", "invalid e-mail", {"valeur": value, "sans_mailto": "",
                                                                      "formule": True})
    return value


Email = Annotated[
    str, TypeTag("email"), BeforeValidator(_email),
    WithJsonSchema({"type": "string", "format": "email", "pattern": EMAIL_RE.pattern}),
]

# ---------------------------------------------------------------- dates

def _date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    value = _texte(value)
    if parse_partial_date(value) is None:
        raise PydanticCustomError(
            "iaterr_date", "invalid date", {"valeur": value, "iso": french_date_to_iso(value) or ""}
        )
    return value


DatePartielle = Annotated[str, TypeTag("date"), BeforeValidator(_date),
                          WithJsonSchema({"type": "string", "pattern": DATE_PATTERN})]

# ---------------------------------------------------------------- booleans and numbers

_TRUE = {"true", "oui"}
_FALSE = {"false", "non"}


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold() if isinstance(value, str) else None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise PydanticCustomError("iaterr_booleen", "boolean expected", {"valeur": str(value)})


Booleen = Annotated[bool, TypeTag("booleen"), BeforeValidator(_bool), WithJsonSchema({"type": "boolean"})]


def _entier(value: Any) -> int:
    if isinstance(value, bool):
        raise PydanticCustomError("iaterr_type", "integer expected", {"attendu": "entier"})
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
        return int(value)
    raise PydanticCustomError("iaterr_type", "integer expected", {"attendu": "entier"})


Entier = Annotated[int, TypeTag("entier"), BeforeValidator(_entier)]


def _decimal(value: Any) -> float:
    if isinstance(value, bool):
        raise PydanticCustomError("iaterr_type", "number expected", {"attendu": "nombre"})
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", value.strip()):
        return float(value)
    raise PydanticCustomError("iaterr_type", "number expected", {"attendu": "nombre"})


Decimal = Annotated[float, TypeTag("nombre"), BeforeValidator(_decimal)]

# ---------------------------------------------------------------- vocabularies


def code_of(vocab: Vocabulary):
    """A field type whose value is a code of ``vocab`` (labels and aliases accepted)."""

    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise PydanticCustomError("iaterr_type", "code expected", {"attendu": "code"})
        term = vocab.resolve(value)
        if term is None:
            raise PydanticCustomError(
                "iaterr_vocab", "unknown value", {"vocab": vocab.name, "valeur": value}
            )
        return term.code

    schema = {
        "type": "string",
        "enum": vocab.codes,
        "markdownEnumDescriptions": [t.fr for t in vocab.terms],
        "x-iaterr-vocabulaire": vocab.name,
    }
    return Annotated[str, TypeTag("code", vocab), BeforeValidator(check), WithJsonSchema(schema)]
