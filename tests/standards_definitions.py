"""The other registers' own definitions (``../shared/standards/``), read as their maintainers publish them, and
a checker per standard that lists every error of one exported record against them as ``(field, reason)``.

The checks are written from the definition files, never from iaterr's mappings: keys, order, types, lengths,
enumerations, nesting and language codes. ``field`` is the record's top-level key (the standard's name), so
that a test can ask whether the export's ``manquants`` names it. Nothing here imports iaterr.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

import jsonschema
import yaml

from conftest import ROOT

SHARED = ROOT.parent / "shared" / "standards"
ABSENT = f"the registers' own definitions are not beside the clone ({SHARED}): see ../shared/standards/README.md"

Error = tuple[str, str]


def present() -> bool:
    return (SHARED / "README.md").is_file()


def _load_json(rel: str) -> Any:
    return json.loads((SHARED / rel).read_text(encoding="utf-8"))


def _is_true(flag: Any) -> bool:
    """``required`` as the Dutch configuration writes it: a boolean, sometimes the string ``"false"``."""
    return flag is True or (isinstance(flag, str) and flag.strip().lower() == "true")


def _text_length(value: str) -> int:
    """Length counted as the Dutch register counts it: on the text without HTML tags."""
    return len(re.sub(r"<[^>]*>", "", value))


#: An HTML tag, opening or closing (``<b>``, ``</b>``, ``<br/>``, ``<a href="…">``): its name.
HTML_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


def _tags(value: str) -> set[str]:
    return {name.lower() for name in HTML_TAG.findall(value)}


# ---------------------------------------------------------------- Eurocities ATS 0.3.1


@cache
def eurocities_yaml() -> dict[str, Any]:
    return yaml.safe_load((SHARED / "eurocities" / "schema-v0_3_1.yaml").read_text(encoding="utf-8"))


@cache
def eurocities_order() -> list[str]:
    """The attributes of the final 0.3.1, in the order the standard lists them."""
    return [p["attribute"] for p in eurocities_yaml()["properties"]]


@cache
def eurocities_limits() -> dict[str, int]:
    """Length limits the standard states in the description of an attribute (``maximum 150 chars``)."""
    limits = {}
    for p in eurocities_yaml()["properties"]:
        found = re.search(r"maximum (\d+) char", p.get("description", {}).get("en", ""))
        if found:
            limits[p["attribute"]] = int(found.group(1))
    return limits


@cache
def _eurocities_validator() -> jsonschema.Draft202012Validator:
    schema = _load_json("eurocities/ats-0.3.1.rendered-strict.schema.json")
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


#: ISO 639-1 codes of the languages a record of a French collectivité can be written in.
ISO_639_1 = {"fr", "en", "nl", "de", "es", "it", "br", "eu", "oc", "ca", "co"}


def eurocities_errors(record: dict[str, Any]) -> list[Error]:
    """Every error of a flat Eurocities record: the strict JSON Schema (required enforced, formats checked),
    then what the schema cannot say: keys that are not attributes of 0.3.1, the order, the stated lengths and
    an ISO 639-1 language code."""
    errors: list[Error] = []
    for e in _eurocities_validator().iter_errors(record):
        if e.validator == "required":
            name = re.search(r"'([^']+)' is a required property", e.message)
            errors.append((name.group(1) if name else "?", "required"))
        else:
            errors.append((str(e.path[0]) if e.path else "?", f"{e.validator}: {e.message}"))
    order = eurocities_order()
    for key in record:
        if key not in order:
            errors.append((key, "not an attribute of the standard"))
    known = [k for k in record if k in order]
    for before, after in zip(known, known[1:]):
        if order.index(before) > order.index(after):
            errors.append((after, f"out of the standard's order (after {before})"))
    for key, limit in eurocities_limits().items():
        if isinstance(record.get(key), str) and len(record[key]) > limit:
            errors.append((key, f"{len(record[key])} characters, the standard states at most {limit}"))
    if "lang" in record and record["lang"] not in ISO_639_1:
        errors.append(("lang", f"{record['lang']!r} is not an ISO 639-1 code"))
    return errors


# ---------------------------------------------------------------- Algoritmeregister 1.0


@cache
def nl_config() -> dict[str, Any]:
    return _load_json("algoritmeregister/v1_0.json")["properties"]


def _nl_value_errors(name: str, spec: dict[str, Any], value: Any, top: str) -> list[Error]:
    errors: list[Error] = []
    kind = spec.get("type")
    if kind in ("string", "enum"):
        if not isinstance(value, str):
            return [(top, f"{name}: a {kind} expected, got {type(value).__name__}")]
        if "max_length" in spec and _text_length(value) > spec["max_length"]:
            errors.append((top, f"{name}: {_text_length(value)} characters, at most {spec['max_length']}"))
        if "permitted_values" in spec and value not in spec["permitted_values"]:
            errors.append((top, f"{name}: {value!r} not in {spec['permitted_values']}"))
        # a field with ``allowed_html_tags`` takes those tags only; a field without takes none
        refused = sorted(_tags(value) - set(spec.get("allowed_html_tags", [])))
        if refused:
            errors.append((top, f"{name}: HTML tags {refused} not allowed "
                                f"(allowed: {spec.get('allowed_html_tags', [])})"))
    elif kind == "array":
        if not isinstance(value, list):
            return [(top, f"{name}: a list expected, got {type(value).__name__}")]
        items = spec.get("items")
        for i, element in enumerate(value):
            if "permitted_values" in spec and element not in spec["permitted_values"]:
                errors.append((top, f"{name}[{i}]: {element!r} not in the permitted values"))
            if isinstance(items, dict):
                if not isinstance(element, dict):
                    errors.append((top, f"{name}[{i}]: an object expected"))
                    continue
                errors.extend(_nl_object_errors(items, element, top, f"{name}[{i}]."))
            elif not isinstance(element, str):
                errors.append((top, f"{name}[{i}]: a string expected"))
    else:
        errors.append((top, f"{name}: unknown type {kind!r} in the configuration"))
    return errors


def _nl_object_errors(props: dict[str, Any], record: dict[str, Any], top: str | None, prefix: str) -> list[Error]:
    errors: list[Error] = []
    for key, value in record.items():
        where = top or key
        if key not in props:
            errors.append((where, f"{prefix}{key}: not a field of the register"))
            continue
        errors.extend(_nl_value_errors(prefix + key, props[key], value, where))
    for key, spec in props.items():
        if _is_true(spec.get("required")) and key not in record:
            errors.append((top or key, f"{prefix}{key}: required"))
    return errors


def nl_errors(record: dict[str, Any]) -> list[Error]:
    """Every error of a record against the register's field configuration: unknown keys, required fields,
    types, ``max_length`` on the text without HTML, ``allowed_html_tags`` (none where the configuration lists
    none), ``permitted_values`` and the nested ``items``."""
    return _nl_object_errors(nl_config(), record, None, "")


@cache
def nl_order() -> list[str]:
    return list(nl_config())


# ---------------------------------------------------------------- UK ATRS (GOV.UK's publishing metadata)


@cache
def govuk_facets() -> dict[str, dict[str, Any]]:
    return {f["key"]: f for f in _load_json("atrs/govuk-finder-facets.summary.json")["metadata_facets"]}


def _allowed(facet: dict[str, Any]) -> list[str] | None:
    values = facet.get("allowed_values")
    if not isinstance(values, list):
        return None
    return [v["value"] if isinstance(v, dict) else v for v in values]


def atrs_metadata_errors(metadata: dict[str, Any]) -> list[Error]:
    """Errors of an ATRS record's ``metadata`` against the facets GOV.UK stores: their keys, required ones,
    one value or a list, the allowed values (slugs), dates and the ATRS version current records carry. The
    organisation facet is a closed list of UK bodies: no French collectivité can be in it."""
    facets = govuk_facets()
    errors: list[Error] = []
    for key, value in metadata.items():
        facet = facets.get(key)
        if facet is None:
            errors.append((key, "not a metadata key of GOV.UK's algorithmic transparency records"))
            continue
        allowed = _allowed(facet)
        if facet.get("select") == "multiple":
            if not isinstance(value, list) or not value:
                errors.append((key, "a list of values expected"))
                continue
            values = value
        else:
            if not isinstance(value, str):
                errors.append((key, "one value expected"))
                continue
            values = [value]
        if key == "algorithmic_transparency_record_organisation":
            errors.append((key, f"{value!r}: only the bodies of GOV.UK's closed list are allowed"))
        elif allowed is not None:
            errors.extend((key, f"{v!r} not in {allowed}") for v in values if v not in allowed)
        if facet.get("type") == "date":
            try:
                dt.date.fromisoformat(value)
            except (TypeError, ValueError):
                errors.append((key, f"{value!r} is not a date YYYY-MM-DD"))
        if "observed_values_elsewhere" in facet and value not in facet["observed_values_elsewhere"]:
            errors.append((key, f"{value!r}: current records carry {facet['observed_values_elsewhere']}"))
    for key, facet in facets.items():
        if facet.get("required") and key not in metadata:
            errors.append((key, "required"))
    return errors


# ---------------------------------------------------------------- AI Act, Annex VIII section C


#: Regulation (EU) 2024/1689, Annex VIII section C: what a deployer registers under art. 49(3).
ANNEX_VIII_C = {
    "C.1": "the name, address and contact details of the deployer",
    "C.2": "the name, address and contact details of the person submitting information on behalf of the deployer",
    "C.3": "the URL of the entry of the AI system in the EU database by its provider",
    "C.4": "a summary of the findings of the fundamental rights impact assessment (art. 27)",
    "C.5": "a summary of the data protection impact assessment (art. 35 GDPR), where applicable",
}
#: Art. 49(4)(c): in the secure non-public section, a deployer registers points 1 to 3 of section C only.
NON_PUBLIC_POINTS = ("C.1", "C.2", "C.3")
#: iaterr's names of the three routes of art. 49 (public database, its non-public section, national level).
PUBLIC, NON_PUBLIC, NATIONAL = "base-ue-publique", "base-ue-non-publique", "nationale"


def ai_act_errors(record: dict[str, Any]) -> list[Error]:
    """Errors of an AI Act registration against Annex VIII section C and art. 49(3)-(5): an applicable
    registration holds the points of section C its route takes (1 to 5 in the public database, 1 to 3 in the
    non-public section, art. 49(4)(c)), each point in its expected shape; a registration that does not apply
    holds none of them and says why."""
    errors: list[Error] = []
    applicable = record.get("applicable")
    if applicable not in (True, False, None) or "applicable" not in record:
        return [("applicable", "true, false or null expected")]
    points = [k for k in record if re.fullmatch(r"C\.\d", k)]
    for p in points:
        if p not in ANNEX_VIII_C:
            errors.append((p, "not a point of Annex VIII section C"))
    if applicable is not True:
        errors.extend((p, "a registration that does not apply holds no point of section C") for p in points)
        if not record.get("reason"):
            errors.append(("applicable", "no reason given"))
        if record.get("registration") not in (None, NATIONAL):
            errors.append(("registration", f"{record['registration']!r} for a registration that does not apply"))
        return errors
    route = record.get("registration")
    if route not in (PUBLIC, NON_PUBLIC):
        errors.append(("registration", f"{route!r}: an applicable registration goes to the EU database"))
        return errors
    expected = NON_PUBLIC_POINTS if route == NON_PUBLIC else tuple(ANNEX_VIII_C)
    for p in points:
        if p not in expected:
            errors.append((p, f"not registered in the {route} section (art. 49(4)(c))"))
    for p in expected:
        if p not in record:
            errors.append((p, "required"))
    c1 = record.get("C.1")
    if c1 is not None:
        if not isinstance(c1, dict) or set(c1) - {"name", "address", "contact_details"}:
            errors.append(("C.1", "name, address and contact_details expected"))
        else:
            for part in ("name", "address", "contact_details"):
                if not c1.get(part):
                    errors.append((f"C.1.{part}", "required"))
            contact = c1.get("contact_details") or {}
            if contact.get("email") and "@" not in contact["email"]:
                errors.append(("C.1.contact_details", "not an e-mail address"))
    if isinstance(record.get("C.3"), str) and not record["C.3"].startswith("https://"):
        errors.append(("C.3", "a URL expected"))
    for p in ("C.4", "C.5"):
        value = record.get(p)
        if p == "C.5" and isinstance(value, dict) and value.get("applicable") is False:
            # "where applicable": a point set aside says why
            if set(value) != {"applicable", "reason"} or not value["reason"]:
                errors.append((p, "a point that does not apply holds only its reason"))
            continue
        if value is not None and (not isinstance(value, dict) or not (value.get("summary") or value.get("url"))):
            errors.append((p, "a summary or a link to it expected"))
    if route == NON_PUBLIC and record.get("publiable") is not False:
        errors.append(("publiable", "a registration in the non-public section is not for publication"))
    return errors
