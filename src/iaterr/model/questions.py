"""Which questions ``iaterr new`` asks, in which order, and when.

The questionnaire is generated from the model: one question per field, in the
model's order, section by section. A section's required and recommended fields
are asked; its optional fields only if the person wants to fill them in now.
A few fields depend on earlier answers (a table below): the legal items of the
CRPA, who the decisions concern and the secrets protected by law only when the
project takes or prepares individual decisions; sensitive data, retention and
the data protection risk criteria only when a data source is personal; whether
the model revises its own rules only for a kind of algorithm that learns; the AI
Act's tiers unless the system is declared rules-only, AI literacy and published
generated texts only for an AI system; the AI disclosure only when the system
talks with the public; impact assessments, EU database entries, log retention
(and informing the staff, when they are concerned) only for a high-risk use;
the end date only for a finished project. A condition reads only answers asked
before its field (fields are asked in the model's order, section by section), except the legal basis,
which personal data (declared later) also call for: a question whose condition comes to hold after its
turn is asked at the end, before the review:
:func:`iaterr.model.qualification.qualify` then says which regimes the answers
trigger.

This module asks nothing itself: it plans questions and checks answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from iaterr.base.diagnostics import Diagnostic
from iaterr.model.dates import french_date_to_iso, parse_partial_date
from iaterr.model.errors import diagnostic_from_pydantic
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.qualification import TYPES_APPRENTISSAGE
from iaterr.model.usecase import CasUsage
from iaterr.model.values import is_true as _yes
from iaterr.model.vocab import SOUS_THEMES

Answers = dict[str, Any]
Condition = Callable[[Answers], bool]


def _decides(a: Answers) -> bool:
    return a.get("decisions_individuelles") is True


def _high_risk(a: Answers) -> bool:
    return a.get("niveau_risque_ia") == "eleve" or bool(a.get("domaines_annexe_iii"))


def _personal(a: Answers) -> bool:
    """A data source is declared personal (asked before: ``donnees`` comes first in its section)."""
    sources = a.get("donnees")
    return isinstance(sources, list) and any(isinstance(d, dict) and _yes(d.get("personnelles")) for d in sources)


def _learns(a: Answers) -> bool:
    """A kind of algorithm that learns, or an AI system (both asked before, in the same section)."""
    kinds = a.get("type_algorithme")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(k in TYPES_APPRENTISSAGE for k in kinds) or _yes(a.get("systeme_ia"))


def _ai(a: Answers) -> bool:
    return _yes(a.get("systeme_ia"))


def _maybe_ai(a: Answers) -> bool:
    """Not declared a rules-only algorithm: the AI Act's tiers are worth asking."""
    value = a.get("systeme_ia")
    return not (value is False or (isinstance(value, str) and value.strip().casefold() in ("false", "non")))


def _staff(a: Answers) -> bool:
    """The authority's staff are concerned: decisions about them, a service for them, or an employment use."""
    return ("agents" in (a.get("destinataires_decisions") or []) or "agents" in (a.get("publics") or [])
            or "emploi" in (a.get("domaines_annexe_iii") or []))


#: Fields asked only when the condition holds (and then asked as if recommended).
CONDITIONS: dict[type[BaseModel], dict[str, Condition]] = {
    CasUsage: {
        "motif_abandon": lambda a: a.get("statut") == "abandonne",
        "date_fin": lambda a: a.get("statut") in ("termine", "abandonne"),
        "nombre_decisions_par_an": _decides,
        "niveau_automatisation": _decides,
        "contribution_decision": _decides,
        # a legal basis: for decisions (CRPA), and for any processing of personal data (GDPR, art. 6), which
        # is known only later (the data sources come in « fonctionnement »): asked then, at the end
        "base_legale": lambda a: _decides(a) or _personal(a),
        "exercice_droits": _decides,
        "procedure_objection": _decides,
        "url_regles_publiees": _decides,
        "parametres": _decides,
        "destinataires_decisions": _decides,
        "secrets_proteges": _decides,
        "revision_autonome": _learns,
        "donnees_sensibles": _personal,
        "duree_conservation": _personal,
        "criteres_aipd": _personal,
        "domaines_annexe_iii": _maybe_ai,
        "niveau_risque_ia": _maybe_ai,
        "information_ia": lambda a: _yes(a.get("interaction_public")),
        "contenu_genere_publie": _ai,
        "signalement_contenu_genere": lambda a: _yes(a.get("contenu_genere_publie")),
        "formation_ia": _ai,
        "analyses_impact": _high_risk,
        "url_base_ue": _high_risk,
        "url_base_ue_fournisseur": _high_risk,
        "conservation_journaux_mois": _high_risk,
        "information_travailleurs": lambda a: _high_risk(a) and _staff(a),
    },
}

#: Items the law requires when a condition holds: the prompt says so.
LEGAL: dict[type[BaseModel], set[str]] = {
    CasUsage: {"contribution_decision", "donnees", "parametres", "operations", "finalite", "exercice_droits",
               "url_regles_publiees", "information_ia", "analyses_impact", "url_base_ue", "duree_conservation"},
}

#: Optional fields asked all the same, because later questions depend on them, or because every register's
#: export takes them (``contact_droits``: the public contact of every use case, not only of one that decides).
ALWAYS_ASK: dict[type[BaseModel], set[str]] = {
    CasUsage: {"domaines_annexe_iii", "systeme_ia", "contact_droits"},
}

#: Fields never asked: derived by iaterr.
DERIVED: dict[type[BaseModel], set[str]] = {
    CasUsage: {"version_schema", "identifiant", "date_mise_a_jour"},
}

#: Values iaterr fills in from earlier answers when the question is not asked.
AUTOMATIC: dict[type[BaseModel], dict[str, Callable[[Answers], Any]]] = {
    CasUsage: {
        "niveau_automatisation": lambda a: "sans_decision" if a.get("decisions_individuelles") is False else None,
    },
}


@dataclass(frozen=True)
class Question:
    name: str
    spec: FieldSpec
    optional_group: bool  # asked only if the person opens the section's optional fields
    legal: bool
    condition: Condition | None = None

    @property
    def section(self) -> str:
        return self.spec.meta.section

    @property
    def required(self) -> bool:
        return self.spec.required


def plan(model: type[BaseModel], *, fields: list[str] | None = None, complete: bool = False) -> list[Question]:
    """The questions for ``model`` in order. ``fields`` restricts them; ``complete`` asks every field."""
    conditions = CONDITIONS.get(model, {})
    derived = DERIVED.get(model, set()) if fields is None else set()
    legal = LEGAL.get(model, set())
    out = []
    for name, spec in specs(model).items():
        if name in derived or (fields is not None and name not in fields):
            continue
        if name == "version_schema" or (name == "identifiant" and fields is None):
            continue
        condition = conditions.get(name)
        optional = (spec.meta.exigence == "facultatif" and condition is None and not complete and fields is None
                    and name not in ALWAYS_ASK.get(model, set()))
        out.append(Question(name, spec, optional, name in legal, condition))
    return out


def applies(question: Question, answers: Answers) -> bool:
    return question.condition is None or question.condition(answers)


def required_by_law(question: Question, answers: Answers) -> bool:
    """Does the law require this answer here? The CRPA items only bind a processing that takes or
    prepares individual decisions; a conditional item binds whenever it is asked."""
    if not question.legal:
        return False
    return question.condition is not None or _decides(answers)


def automatic_values(model: type[BaseModel], answers: Answers) -> Answers:
    out = {}
    for name, rule in AUTOMATIC.get(model, {}).items():
        if answers.get(name) is None:
            value = rule(answers)
            if value is not None:
                out[name] = value
    return out


#: The AI Act's risk tiers as the questionnaire offers them: « non évalué » first (the default: a tier is
#: never claimed by pressing Enter), then from the least severe to the most.
RISK_TIERS = ("non_evalue", "minimal", "limite", "eleve", "inacceptable")

#: The answer a select starts on when nothing was answered yet (the safe one).
SAFE_DEFAULTS: dict[str, str] = {"niveau_risque_ia": "non_evalue"}


def risk_order(code: str) -> int:
    return RISK_TIERS.index(code) if code in RISK_TIERS else len(RISK_TIERS)


Reason = tuple[str, dict[str, Any]]


def _both(vocab: Any, codes: list[str]) -> dict[str, str]:
    """Labels of ``codes`` in both languages, as a message parameter."""
    return {lang: ", ".join(vocab.label(c, lang) for c in codes) for lang in ("fr", "en")}


def suggest(name: str, answers: Answers) -> tuple[str, list[Reason]] | None:
    """The answer the earlier answers point to, with the reasons (message keys and parameters), for a
    question where one can be inferred: today the AI Act's risk tier. Only a suggestion: the default stays
    the safe one (« non évalué »), and the person chooses."""
    if name != "niveau_risque_ia":
        return None
    from iaterr.model.vocab import DOMAINES_ANNEXE_III, TYPES_ALGORITHME

    domains = [d for d in answers.get("domaines_annexe_iii") or [] if isinstance(d, str)]
    if domains:
        return "eleve", [("new.suggestion.annexe-iii", {"domaines": _both(DOMAINES_ANNEXE_III, domains)})]
    if not _ai(answers):
        return None
    kinds = answers.get("type_algorithme")
    kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)]
    talking = [k for k in kinds if k in ("ia_generative", "traitement_langage")]
    if talking:
        return "limite", [("new.suggestion.generatif", {"types": _both(TYPES_ALGORITHME, talking)})]
    return "minimal", [("new.suggestion.minimal", {})]


def choices(spec: FieldSpec, answers: Answers) -> list[tuple[str, str, str]]:
    """(code, French label, English label) offered for a vocabulary field."""
    assert spec.vocab is not None
    terms = list(spec.vocab.terms)
    if spec.vocab is SOUS_THEMES and answers.get("theme"):
        # the theme's own sub-themes, and any other one the record already holds (the Bibliothèque's records
        # combine themes: an edit must not lose it); ``lint`` points out the others
        held = answers.get("sous_themes")
        held = set(held) if isinstance(held, list) else set()
        terms = [t for t in terms if t.parent == answers["theme"] or t.code in held]
    if spec.name == "niveau_automatisation" and answers.get("decisions_individuelles") is True:
        terms = [t for t in terms if t.code != "sans_decision"]
    if spec.name == "niveau_risque_ia":
        terms = sorted(terms, key=lambda t: risk_order(t.code))
    return [(t.code, t.fr, t.en) for t in terms]


# ---------------------------------------------------------------- checking one answer


def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    tp: Any = info.annotation
    if info.metadata:
        tp = Annotated[(tp, *info.metadata)]
    return TypeAdapter(tp)


_ADAPTERS: dict[tuple[type, str], TypeAdapter] = {}


def check_answer(model: type[BaseModel], name: str, value: Any, *, redact: bool = True) -> tuple[Any, list[Diagnostic]]:
    """The typed value of one answer, or the diagnostics that refuse it. The diagnostics of a restricted
    field do not quote the value unless ``redact`` is False (the person who typed it, at a prompt)."""
    key = (model, name)
    if key not in _ADAPTERS:
        _ADAPTERS[key] = _adapter(model, name)
    try:
        return _ADAPTERS[key].validate_python(value), []
    except ValidationError as exc:
        diags = []
        for err in exc.errors(include_url=False):
            err = {**err, "loc": (name, *err["loc"])}
            diags.append(diagnostic_from_pydantic(err, "-", model, {}, redact=redact))
        return None, diags


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_none=True, exclude_defaults=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical(model: type[BaseModel], answers: Answers) -> Answers:
    """Typed, canonical values (codes for labels, booleans for « oui », numbers for digits) where the model
    accepts them; the value as given otherwise (the record's check then says what is wrong)."""
    out = {}
    for name, value in answers.items():
        typed, diags = check_answer(model, name, value) if name in specs(model) else (value, ["?"])
        out[name] = value if diags else _plain(typed)
    return out


# ---------------------------------------------------------------- tolerant input

_MOIS = {"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
         "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "décembre": 12,
         "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
         "september": 9, "october": 10, "november": 11, "december": 12}
_APPROX = re.compile(r"^(?:environ|env\.|à peu près|a peu pres|près de|pres de|approximativement|about|around|"
                     r"approximately|~|≈|\+/-)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Normalised:
    """An answer written the way a person writes it, and the value the record will hold. ``note``: a
    message key saying what was changed beyond the spelling (an approximate number), or None."""

    typed: str
    value: str
    note: str | None = None


def numeric_french_date(value: str) -> str | None:
    """``13/05/2024``, ``13-05-2024`` or ``13.05.2024`` (the day may be left out) → ``2024-05-13``; None
    otherwise. Shared with the importer's repairs (:mod:`iaterr.ingest.bibliotheque.cells`)."""
    iso = french_date_to_iso(value)
    if iso is None and re.fullmatch(r"\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d{1,2}[-.]\d{4}", value):
        iso = french_date_to_iso(re.sub(r"[-.]", "/", value))
    return iso


def decimal_comma(text: str) -> str | None:
    """``43,4986`` → ``43.4986``; None when ``text`` is not a number written with a decimal comma."""
    return text.replace(",", ".") if re.fullmatch(r"[+-]?\d+,\d+", text) else None


def compact_siret(text: str) -> str:
    """``243 100 633 00391`` → ``24310063300391``: spaces, dots and dashes dropped (nothing checked)."""
    return re.sub(r"[\s.\u00a0\u202f-]", "", text)


def normalise_date(text: str) -> str | None:
    """``01/03/2024`` → ``2024-03-01``, ``03/2024`` → ``2024-03``, ``mars 2024`` → ``2024-03``,
    ``1er mars 2024`` → ``2024-03-01``; None when the text is no date."""
    value = " ".join(text.split())
    iso = numeric_french_date(value)
    m = re.fullmatch(r"(?:(\d{1,2})(?:er)?\s+)?([^\W\d_]+)\.?\s+(\d{4})", value.casefold())
    if iso is None and m and m.group(2) in _MOIS:
        iso = f"{m.group(3)}-{_MOIS[m.group(2)]:02d}" + (f"-{int(m.group(1)):02d}" if m.group(1) else "")
    return iso if iso and parse_partial_date(iso) else None


def normalise_number(text: str) -> str | None:
    """``43,4986`` → ``43.4986``, ``1 200,5`` → ``1200.5``; None when nothing is to change."""
    value = re.sub(r"[\s\u00a0\u202f]", "", text)
    fixed = decimal_comma(value)
    if fixed is not None:
        return fixed
    if value != text.strip() and re.fullmatch(r"[+-]?\d+(\.\d+)?", value):
        return value
    return None


def normalise_integer(text: str) -> tuple[str, bool] | None:
    """``environ 400`` → (``400``, True: an approximate value), ``1 200`` → (``1200``, False)."""
    value = text.strip()
    approx = bool(_APPROX.match(value))
    value = _APPROX.sub("", value)
    if re.fullmatch(r"\d{1,3}([\s\u00a0\u202f.]\d{3})+", value):  # 1 200, 1.200
        value = re.sub(r"[\s\u00a0\u202f.]", "", value)
    if re.fullmatch(r"\d+", value) and (approx or value != text.strip()):
        return value, approx
    return None


def normalise_siret(text: str) -> str | None:
    """``243 100 633 00391`` → ``24310063300391`` (spaces, dots and dashes dropped); None otherwise."""
    compact = compact_siret(text)
    return compact if re.fullmatch(r"\d{14}", compact) and compact != text.strip() else None


def normalise(spec: FieldSpec, text: str) -> Normalised | None:
    """The value a refused answer was meant to be, by the field's type; None when there is none."""
    fixed: str | None = None
    note = None
    if spec.kind == "date":
        fixed = normalise_date(text)
    elif spec.kind == "nombre":
        fixed = normalise_number(text)
    elif spec.kind == "entier":
        found = normalise_integer(text)
        if found is not None:
            fixed, approx = found
            note = "new.normalise.approx" if approx else None
    elif spec.kind == "siret":
        fixed = normalise_siret(text)
    return Normalised(text.strip(), fixed, note) if fixed is not None else None


def is_list_of_text(spec: FieldSpec) -> bool:
    return spec.is_list and spec.submodel is None and spec.vocab is None


def today_iso() -> str:
    """Today (``IATERR_AUJOURDHUI`` may set it, as for the legal calendar): the date of an update."""
    from iaterr.model.droit import today

    return today().isoformat()


def parse_set_value(spec: FieldSpec, raw: str) -> Any:
    """A ``--set key=value`` value: lists split on ``;`` (and ``,`` for codes)."""
    if spec.is_list and spec.submodel is None:
        if raw.strip().startswith("["):
            import yaml

            parsed = yaml.safe_load(raw)
            if isinstance(parsed, list):
                return [str(v) for v in parsed]
        seps = ";," if spec.vocab is not None else ";"
        items = [raw]
        for sep in seps:
            items = [part for item in items for part in item.split(sep)]
        return [i.strip() for i in items if i.strip()]
    return raw


__all__ = [
    "Answers", "Question", "applies", "required_by_law", "automatic_values", "check_answer", "choices",
    "is_list_of_text", "plan", "Normalised", "normalise", "normalise_date", "normalise_number",
    "normalise_integer", "normalise_siret", "numeric_french_date", "decimal_comma", "compact_siret", "risk_order",
    "parse_set_value", "today_iso",
]
