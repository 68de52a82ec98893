"""Exports to other transparency registers: Eurocities, the Netherlands, the UK, the AI Act.

Each mapping turns one :class:`~iaterr.publish.export.ExportItem` into a record of a
foreign standard (:class:`Mapped`): the keys spelled exactly as the standard spells
them, in its order, and the list of what the standard requires (or, for the AI Act,
what the law asks a public deployer to register) that the iaterr record cannot fill,
each with the iaterr field(s) that would fill it and why it is missing.

Rules kept by every mapping:

- Restricted fields never reach the output unless restricted output was asked for:
  items are views (:class:`~iaterr.model.visibility.View`, made by
  :func:`~iaterr.publish.export.load_items`, checked by
  :class:`~iaterr.publish.export.ExportSet`), and a mapping reads nothing else. A
  missing item that a restricted field would fill says so whether or not that field is
  set, so that the list of what is missing does not reveal what the restricted part
  holds.
- Values of a standard's own vocabulary (a status, a risk category, a theme) use the
  standard's values; free text stays as the record wrote it, in French, and the text
  iaterr composes around it (labels, short phrases) is French too.
- Nothing is made up: what iaterr does not know (a senior responsible
  owner, a postal address, a publication date) is reported as missing, never filled
  with a guess. The only derived values are documented in ``docs/export-registres.md``.

``render`` gives a whole :class:`~iaterr.publish.export.ExportSet` as JSON, with the
reasons for missing fields in the reader's language.
"""

from __future__ import annotations

import json
import re
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from iaterr import __version__
from iaterr.model import CasUsage, Collectivite, droit
from iaterr.model.qualification import (
    EU_NON_PUBLIC,
    EU_PUBLIC,
    NATIONAL,
    personal_data,
    qualify,
    registration_route,
)
from iaterr.model.types import RESUME_MAX
from iaterr.model.visibility import View, path_is_public
from iaterr.model.vocab import (
    DOMAINES_ANNEXE_III,
    HEBERGEMENTS,
    MODES_COLLECTE,
    NIVEAUX_3,
    NIVEAUX_AUTOMATISATION,
    SOURCES_DONNEES,
    SOUS_THEMES,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
)
from iaterr.publish.export import ExportItem, ExportSet, NotAView
from iaterr.publish.opendata import json_document

# ---------------------------------------------------------------- results


class Txt(dict):
    """A text given in French and English (``{"fr": ..., "en": ...}``), chosen at rendering."""

    def __init__(self, fr: str, en: str) -> None:
        super().__init__(fr=fr, en=en)

    def text(self, lang: str) -> str:
        return self["en"] if lang == "en" else self["fr"]


@dataclass
class Mapped:
    """One record of a foreign standard and what iaterr could not fill in it.

    ``record`` holds the standard's keys, in its order, empty values left out.
    ``missing`` holds one ``{"champ", "iaterr", "raison"}`` per required (or legally
    due) item left empty: ``champ`` is the standard's name for it, ``iaterr`` the
    iaterr field(s) that would fill it (comma-separated; ``None`` when iaterr has no
    such field), ``raison`` a :class:`Txt`.
    """

    record: dict[str, Any]
    missing: list[dict[str, Any]] = field(default_factory=list)

    def localized(self, lang: str = "fr") -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The record and the missing items with every bilingual text in ``lang``."""
        return _localize(self.record, lang), _localize(self.missing, lang)


def _localize(value: Any, lang: str) -> Any:
    if isinstance(value, Txt):
        return value.text(lang)
    if isinstance(value, dict):
        return {k: _localize(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_localize(v, lang) for v in value]
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _prune(value: Any) -> Any:
    """``value`` without empty strings, lists and mappings, at every depth."""
    if isinstance(value, Txt):
        return value
    if isinstance(value, dict):
        out = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if not _empty(v)}
    if isinstance(value, list):
        out_list = [_prune(v) for v in value]
        return [v for v in out_list if not _empty(v)]
    return value


# ---------------------------------------------------------------- reasons

def _q(name: str, lang: str) -> str:
    return f"« {name} »" if lang == "fr" else f"“{name}”"


def _names(fields: Iterable[str], lang: str) -> str:
    items = [_q(f, lang) for f in fields]
    if len(items) <= 1:
        return "".join(items)
    word = " ou " if lang == "fr" else " or "
    return ", ".join(items[:-1]) + word + items[-1]


R_SRO = Txt(
    "iaterr n'enregistre le nom ni la fonction d'aucune personne : l'ATRS demande la fonction du responsable "
    "senior ; à compléter par la collectivité, jamais déduit.",
    "iaterr records no person's name or role: the ATRS asks for the senior responsible owner's role; the "
    "authority fills it in, it is never guessed.")
R_PUBLICATION_DATE = Txt(
    "iaterr ne garde pas la date de première publication de la fiche : elle dépend du registre où elle est "
    "publiée.",
    "iaterr does not keep the date the record was first published: it depends on the register that publishes it.")
R_REVISION_DATE = Txt(
    "iaterr enregistre la date de la dernière vérification (date_mise_a_jour), pas la date de la prochaine "
    "revue prévue.",
    "iaterr records the date of the last check (date_mise_a_jour), not the date of the next planned review.")
R_USE_TYPE = Txt(
    "iaterr ne classe pas l'usage en descriptif, diagnostique, prédictif ou prescriptif.",
    "iaterr does not classify the use as descriptive, diagnostic, predictive or prescriptive.")
R_TRAINING = Txt(
    "iaterr décrit les données traitées (donnees), pas à part les données d'entraînement d'un modèle "
    "apprenant : à compléter à la main.",
    "iaterr describes the data processed (donnees), not separately the training data of a learning model: "
    "fill it in by hand.")
R_PROVIDED_INFORMATION = Txt(
    "iaterr décrit en un seul champ le rôle de l'outil dans la décision (contribution_decision, repris dans "
    "process_integration) ; l'ATRS demande à part ce que l'outil présente à l'agent.",
    "iaterr describes the tool's role in the decision in one field (contribution_decision, used for "
    "process_integration); the ATRS separately asks what the tool shows the decision maker.")
R_SUBMITTER = Txt(
    "iaterr n'enregistre pas la personne qui soumet l'enregistrement pour le compte du déployeur (nom, "
    "adresse, coordonnées) : à compléter au moment de l'enregistrement.",
    "iaterr does not record the person submitting the registration on the deployer's behalf (name, address, "
    "contact details): fill it in when registering.")
R_PARTIAL_DATE = Txt(
    "La date « date_mise_a_jour » est incomplète : le standard attend AAAA-MM-JJ.",
    "The date “date_mise_a_jour” is incomplete: the standard expects YYYY-MM-DD.")
R_ALGO_TYPE = Txt(
    "Type d'algorithme non renseigné ou « ne sait pas » : impossible de dire s'il est apprenant, à règles ou "
    "hybride.",
    "Algorithm type empty or “unknown”: cannot tell whether it is self-learning, rule-based or hybrid.")
R_DOMAIN = Txt(
    "Le thème et les sous-thèmes de la fiche ne désignent pas un seul domaine du standard : à choisir à la main.",
    "The record's theme and sub-themes do not point to one domain of the standard: choose it by hand.")
R_RISK_UNKNOWN = Txt(
    "Niveau de risque (règlement IA) non renseigné ou non évalué.",
    "AI Act risk tier empty or not assessed.")
R_RISK_NOT_AI = Txt(
    "La collectivité déclare que ce traitement n'est pas un système d'IA (« systeme_ia: false », art. 3(1) du "
    "règlement sur l'IA) : les catégories de risque de ce règlement ne s'y appliquent pas.",
    "The authority declares this processing is not an AI system (“systeme_ia: false”, AI Act art. 3(1)): the "
    "Act's risk categories do not apply to it.")
R_PUBCAT_RISK = Txt(
    "Niveau de risque (règlement IA) non renseigné ou non évalué : impossible d'exclure la catégorie "
    "« Hoog-risico AI-systeem ».",
    "AI Act risk tier empty or not assessed: the “Hoog-risico AI-systeem” category cannot be ruled out.")
R_PUBCAT_DECISIONS = Txt(
    "« decisions_individuelles » non renseigné : impossible de choisir entre « Impactvolle algoritmes » et "
    "« Overige algoritmes ».",
    "“decisions_individuelles” is empty: cannot choose between “Impactvolle algoritmes” and “Overige "
    "algoritmes”.")
R_SUPPLIER = Txt(
    "Ni fournisseur ni mode de développement (mise_en_oeuvre, champ restreint) dans la sortie : impossible de "
    "dire si un tiers a contribué.",
    "Neither a supplier nor the development mode (mise_en_oeuvre, a restricted field) in the output: cannot "
    "tell whether a third party was involved.")
R_AIACT_UNKNOWN = Txt(
    "Le niveau de risque n'est pas évalué : l'enregistrement dans la base de données de l'UE ne concerne que les "
    f"systèmes à haut risque ; classer d'abord le système ({droit.reference('ria.art49')}).",
    "The risk tier is not assessed: registration in the EU database only concerns high-risk systems; classify the "
    f"system first ({droit.reference('ria.art49')}).")

R_NL_LANG = Txt(
    "Le registre néerlandais n'accepte que des fiches rédigées en néerlandais (« lang » : « nld » seulement) : "
    "les textes de la fiche sont en français (« fra »). Traduisez-les en néerlandais et indiquez « nld » avant "
    "de les déposer ; iaterr ne traduit rien.",
    "The Dutch register accepts only records written in Dutch (“lang”: “nld” only): the record's texts are in "
    "French (“fra”). Translate them into Dutch and set “nld” before submitting them; iaterr translates nothing.")
R_GOVUK_ORGANISATION = Txt(
    "GOV.UK n'accepte comme organisation qu'un des organismes britanniques de sa liste fermée : une collectivité "
    "française ne peut pas y figurer. Le nom de la collectivité est dans « organisation_or_department ».",
    "GOV.UK only accepts as organisation one of the UK bodies of its closed list: a French authority cannot be in "
    "it. The authority's name is in “organisation_or_department”.")

#: Where a standard's short description is read, in order (a text short enough, never cut).
SHORT_SOURCES: tuple[str, ...] = ("resume", "description")
#: Eurocities 0.3.1: ``description_short`` of 150 characters at most (stated in its description).
EUROCITIES_SHORT = 150


def _too_long(fields: str, length: int, limit: int, shorter: str | None = None) -> Txt:
    """A text over the standard's limit, and where a shorter one goes (``shorter``: a field of iaterr)."""
    fr = (f"Le texte de {_names(fields.split(', '), 'fr')} fait {length} caractères ; le standard en admet {limit} "
          "au plus pour ce champ. iaterr ne coupe pas un texte : ")
    en = (f"The text of {_names(fields.split(', '), 'en')} is {length} characters long; the standard allows at "
          f"most {limit} for this field. iaterr does not cut a text: ")
    if shorter:
        fr += f"écrivez-en un plus court dans {_q(shorter, 'fr')} ({RESUME_MAX} caractères au plus)."
        en += f"write a shorter one in {_q(shorter, 'en')} ({RESUME_MAX} characters at most)."
    else:
        fr += "un texte plus court est à écrire."
        en += "a shorter one is to be written."
    return Txt(fr, en)


AVERTISSEMENT_SECTION_SECURISEE = Txt(
    "Ce fichier contient l'enregistrement de systèmes de la répression ou de la migration ({fiches}), qui va dans "
    f"la section sécurisée non publique de la base de l'UE ({droit.reference('ria.art49-4')}) : ne le publiez pas.",
    "This file holds the registration of law-enforcement or migration systems ({fiches}), which goes to the "
    f"secure non-public section of the EU database ({droit.reference('ria.art49-4', 'en')}): do not publish it.")
AVERTISSEMENT = Txt("Contient des champs restreints : ne pas publier.",
                    "Contains restricted fields: do not publish.")


def _is_restricted(path: str) -> bool:
    """Whether the iaterr field at ``path`` (``finalite``, ``collectivite.nom``, ``donnees.nom``) is restricted."""
    parts = path.split(".")
    if parts[0] == "collectivite" and len(parts) > 1:
        return not path_is_public(Collectivite, tuple(parts[1:]))
    return not path_is_public(CasUsage, tuple(parts))


# ---------------------------------------------------------------- reading one item


class _Source:
    """One item as a mapping reads it, and the missing items it collects."""

    def __init__(self, item: ExportItem, include_restricted: bool) -> None:
        self.include_restricted = include_restricted
        for data in (item.cas, item.collectivite):
            if not isinstance(data, View) or (data.restricted and not include_restricted):
                raise NotAView(f"{item.rel}: not a public view of a record")
        self.cas, self.coll = item.cas, item.collectivite
        self.missing: list[dict[str, Any]] = []

    def get(self, path: str) -> Any:
        if path.startswith("collectivite."):
            return self.coll.get(path.split(".", 1)[1])
        return self.cas.get(path)

    def miss(self, champ: str, fields: Iterable[str] = (), raison: Txt | None = None) -> None:
        fields = tuple(fields)
        self.missing.append({"champ": champ, "iaterr": ", ".join(fields) or None,
                             "raison": raison or self._reason(fields)})

    def need(self, champ: str, value: Any, *fields: str, raison: Txt | None = None) -> Any:
        """``value``; when it is empty, ``champ`` is recorded as missing, to be filled from ``fields``."""
        if _empty(value):
            self.miss(champ, fields, raison)
        return value

    def short(self, champ: str, limit: int) -> str | None:
        """A short description of at most ``limit`` characters for ``champ``: the record's description when it
        is that short; otherwise ``champ`` is missing, with the length found. A text is never cut."""
        for path in SHORT_SOURCES:
            value = self.get(path)
            if value and len(value) <= limit:
                return value
        description = self.get("description")
        if not description:
            return self.need(champ, None, *SHORT_SOURCES)
        self.miss(champ, SHORT_SOURCES, _too_long("description", len(description), limit, "resume"))
        return None

    def fit(self, champ: str, value: Any, limit: int, *fields: str) -> Any:
        """``value`` when it is at most ``limit`` characters long (the register's limit for ``champ``);
        otherwise ``champ`` is missing, with the length found. A text is never cut."""
        if isinstance(value, str) and len(value) > limit:
            self.miss(champ, fields, _too_long(", ".join(fields), len(value), limit))
            return None
        return value

    def _reason(self, fields: tuple[str, ...]) -> Txt:
        hidden = [f for f in fields if _is_restricted(f) and not self.include_restricted]
        shown = [f for f in fields if f not in hidden]
        if not shown:
            return Txt(f"Champ restreint {_names(hidden, 'fr')} : il n'entre pas dans une sortie publiable.",
                       f"Restricted field {_names(hidden, 'en')}: it is left out of publishable output.")
        fr = f"Champ {_names(shown, 'fr')} non renseigné dans la fiche."
        en = f"Field {_names(shown, 'en')} is empty in the record."
        if hidden:
            fr += f" Le champ restreint {_names(hidden, 'fr')} n'entre pas dans une sortie publiable."
            en += f" The restricted field {_names(hidden, 'en')} is left out of publishable output."
        return Txt(fr, en)

    # ------------------------------------------------------------ shared readings

    def contact(self) -> tuple[str | None, tuple[str, ...]]:
        """The contact e-mail: the rights contact first, then the authority's; the restricted project
        contact only when restricted output was asked for."""
        fields = ("contact_droits", "collectivite.contact_droits", "collectivite.contact", "contact")
        for path in fields:
            value = self.get(path)
            if value:
                return value, fields
        return None, fields


# ---------------------------------------------------------------- composing text (in the record's language)


def _paragraphs(*parts: Any) -> str | None:
    text = "\n\n".join(str(p).strip() for p in parts if not _empty(p) and str(p).strip())
    return text or None


def _label(vocab, code: str | None, lang: str = "fr") -> str | None:
    return vocab.label(code, lang) if code else None


def _labels(vocab, codes: Iterable[str], lang: str = "fr", skip: tuple[str, ...] = ("nsp",)) -> list[str]:
    return [vocab.label(c, lang) for c in codes if c not in skip]


def _sentence_list(title: str, lines: list[str]) -> str | None:
    if not lines:
        return None
    return title + "\n" + "\n".join(f"- {line}" for line in lines)


def _automation(cas: dict[str, Any]) -> str | None:
    label = _label(NIVEAUX_AUTOMATISATION, cas.get("niveau_automatisation"))
    return f"Niveau d'automatisation : {label}." if label else None


def _human_intervention(cas: dict[str, Any]) -> str | None:
    return _paragraphs(_automation(cas), cas.get("supervision_humaine"))


def _parameters(cas: dict[str, Any]) -> str | None:
    lines = []
    for p in cas.get("parametres", []):
        line = p["nom"]
        if p.get("description"):
            line += f" : {p['description'].rstrip().rstrip('.')}"
        if p.get("ponderation"):
            line += f" (pondération : {p['ponderation']})"
        lines.append(line)
    return _sentence_list("Paramètres et pondération :", lines)


def _types(cas: dict[str, Any]) -> str | None:
    labels = _labels(TYPES_ALGORITHME, cas.get("type_algorithme", []))
    return f"Type d'algorithme : {', '.join(labels)}." if labels else None


def _data_origin(d: dict[str, Any]) -> str:
    """Where a data source comes from and how it is collected: « Données d'un tiers (fournisseur : X),
    collecte automatisée »."""
    source = _label(SOURCES_DONNEES, d.get("source"))
    if d.get("fournisseur"):
        source = f"{source or 'Source'} (fournisseur : {d['fournisseur']})"
    mode = _label(MODES_COLLECTE, d.get("mode_collecte"))
    text = ", ".join(b for b in (source, mode.lower() if mode else None) if b)
    return text[:1].upper() + text[1:]


def _personal(d: dict[str, Any]) -> str | None:
    if d.get("personnelles") is True:
        return "Données personnelles"
    if d.get("personnelles") is False:
        return "Pas de données personnelles"
    return None


def _source_data(cas: dict[str, Any]) -> str | None:
    lines = []
    for d in cas.get("donnees", []):
        extra = [b for b in (_label(SOURCES_DONNEES, d.get("source")), _personal(d)) if b]
        lines.append(d["nom"] + (f" ({', '.join(extra).lower()})" if extra else ""))
    return "\n".join(f"- {line}" for line in lines) or None


def _connections(cas: dict[str, Any]) -> str | None:
    lines = []
    for d in cas.get("donnees", []):
        origin = _data_origin(d)
        if origin:
            lines.append(f"{d['nom']} : {origin}")
    return "\n".join(f"- {line}" for line in lines) or None


def _decisions_per_year(cas: dict[str, Any]) -> str | None:
    n = cas.get("nombre_decisions_par_an")
    return f"Environ {n} décisions individuelles par an." if n is not None else None


def _people(cas: dict[str, Any]) -> str | None:
    people = cas.get("personnes_concernees")
    return f"Personnes concernées : {people}" if people else None


def _analyses(cas: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [a for a in cas.get("analyses_impact", []) if a.get("type") == kind]


def _latest(analyses: list[dict[str, Any]]) -> dict[str, Any] | None:
    usable = [a for a in analyses if a.get("resume") or a.get("url")]
    return max(usable, key=lambda a: a.get("date", "")) if usable else None


def _month(value: str | None) -> str | None:
    """``YYYY-MM`` from a partial date, or None when only the year is known."""
    return value[:7] if value and len(value) >= 7 else None


def _stable_uuid(cas: dict[str, Any]) -> str:
    namespace = uuid.uuid5(uuid.NAMESPACE_DNS, "iaterr")
    return str(uuid.uuid5(namespace, f"{cas.get('collectivite', '')}/{cas.get('identifiant', '')}"))


# ---------------------------------------------------------------- vocabularies of the standards

#: Algorithm types: which iaterr types learn from data, which apply written rules.
SELF_LEARNING = frozenset({"apprentissage_automatique", "traitement_langage", "ia_generative",
                           "vision_ordinateur", "reseaux_neurones"})
RULE_BASED = frozenset({"regles", "optimisation"})


def algorithm_type(codes: Iterable[str]) -> str | None:
    """Eurocities ``algorithm_type``: self-learning, rule-based or hybrid (None when unknown)."""
    codes = set(codes)
    learning, rules = bool(codes & SELF_LEARNING), bool(codes & RULE_BASED)
    if learning and rules:
        return "hybrid"
    if learning:
        return "self-learning"
    if rules:
        return "rule-based"
    return None


EUROCITIES_STATUS = {
    "en_reflexion": "planned",
    "en_construction": "development",
    "en_experimentation": "pilot",
    "en_deploiement": "operational",
    "termine": "retired",
    "abandonne": "retired",
}
EUROCITIES_RISK = {"minimal": "minimal risk", "limite": "limited risk", "eleve": "high risk",
                   "inacceptable": "unacceptable"}
NL_STATUS = {
    "en_reflexion": "In ontwikkeling",
    "en_construction": "In ontwikkeling",
    # a pilot already processes real data and reaches real people: the register shows it as in use
    "en_experimentation": "In gebruik",
    "en_deploiement": "In gebruik",
    "termine": "Buiten gebruik",
    "abandonne": "Buiten gebruik",
}
NL_HIGH_RISK, NL_IMPACTFUL, NL_OTHER = "Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes"
#: GOV.UK's phase slugs (its labels: Pre-deployment, Beta/Pilot, Production, Retired).
ATRS_PHASE = {
    "en_reflexion": "pre-deployment",
    "en_construction": "pre-deployment",
    "en_experimentation": "beta-pilot",
    "en_deploiement": "production",
    "termine": "retired",
    "abandonne": "retired",
}
#: The ATRS version current GOV.UK records carry (``algorithmic_transparency_record_atrs_version``).
ATRS_VERSION = "v4.0"

_E_ENV, _E_HOUSING, _E_NATURE = ("environment, spacial planning and water", "housing, living and living environment",
                                 "agriculture, nature and food")
#: Sub-theme → (Eurocities ``domain``, Algoritmeregister ``category``).
SUBTHEME_DOMAINS: dict[str, tuple[str, str]] = {
    "performance_energetique": (_E_ENV, "Natuur en milieu"),
    "eclairage_public": (_E_HOUSING, "Ruimte en infrastructuur"),
    "gestion_eau": (_E_ENV, "Ruimte en infrastructuur"),
    "dechets_economie_circulaire": (_E_ENV, "Natuur en milieu"),
    "qualite_air_bruit": (_E_ENV, "Natuur en milieu"),
    "biodiversite": (_E_NATURE, "Natuur en milieu"),
    "prevention_risques": ("public safety", "Openbare orde en veiligheid"),
    "commerce_developpement_economique": ("economy and entrepreneurship", "Economie"),
    "agriculture": (_E_NATURE, "Economie"),
    "culture_loisirs": ("culture, sports and leisure", "Cultuur en recreatie"),
    "construction_amenagement": (_E_HOUSING, "Ruimte en infrastructuur"),
    "immobilier": (_E_HOUSING, "Wonen"),
    "education": ("education and science", "Onderwijs en wetenschap"),
    "sante": ("health and health care", "Zorg en gezondheid"),
    "accessibilite_handicap": ("health and health care", "Zorg en gezondheid"),
    "relation_usagers": ("government", "Organisatie en bedrijfsvoering"),
    "inclusion_numerique": ("government", "Organisatie en bedrijfsvoering"),
    "participation_citoyenne": ("government", "Organisatie en bedrijfsvoering"),
    "logistique_urbaine": ("traffic and transportation", "Verkeer"),
    "multimodalite": ("traffic and transportation", "Verkeer"),
    "flux_trafic": ("traffic and transportation", "Verkeer"),
    "mobilite_decarbonee": ("traffic and transportation", "Verkeer"),
    "stationnement": ("traffic and transportation", "Verkeer"),
    "jumeau_numerique": ("generic", "Organisatie en bedrijfsvoering"),
    "outillage_si": ("generic", "Organisatie en bedrijfsvoering"),
    "infrastructures_numeriques": ("generic", "Organisatie en bedrijfsvoering"),
    "strategie_numerique_responsable": ("generic", "Organisatie en bedrijfsvoering"),
    "plateforme_donnees": ("generic", "Organisatie en bedrijfsvoering"),
    "cybersecurite": ("generic", "Organisatie en bedrijfsvoering"),
    "ressources_humaines": ("government", "Organisatie en bedrijfsvoering"),
    "gestion_assemblees": ("government", "Organisatie en bedrijfsvoering"),
    "marches_publics": ("government", "Organisatie en bedrijfsvoering"),
    "aide_redaction": ("government", "Organisatie en bedrijfsvoering"),
    "aide_juridique": ("government", "Organisatie en bedrijfsvoering"),
}
#: Theme → (domain, category) when no sub-theme says more; None where the theme is too broad.
THEME_DOMAINS: dict[str, tuple[str | None, str | None]] = {
    "transition_ecologique": (_E_ENV, "Natuur en milieu"),
    "attractivite_developpement": ("economy and entrepreneurship", "Economie"),
    "citoyennete_sante_solidarite": (None, None),
    "mobilites": ("traffic and transportation", "Verkeer"),
    "gouvernance_socles": ("generic", "Organisatie en bedrijfsvoering"),
    "administration_interne": ("government", "Organisatie en bedrijfsvoering"),
}


def _domains(cas: dict[str, Any]) -> tuple[str | None, list[str]]:
    """(Eurocities domain, Algoritmeregister categories) from the theme and sub-themes."""
    subs = [s for s in cas.get("sous_themes", []) if s in SUBTHEME_DOMAINS]
    categories: list[str] = []
    for s in subs:
        if SUBTHEME_DOMAINS[s][1] not in categories:
            categories.append(SUBTHEME_DOMAINS[s][1])
    theme_domain, theme_category = THEME_DOMAINS.get(cas.get("theme", ""), (None, None))
    domain = SUBTHEME_DOMAINS[subs[0]][0] if subs else theme_domain
    if not categories and theme_category:
        categories = [theme_category]
    return domain, categories


def publication_category(cas: dict[str, Any]) -> tuple[str | None, Txt | None]:
    """Algoritmeregister ``publication_category``, or None and the reason it cannot be told.

    High-risk AI (AI Act) comes first; then individual decisions or a decision taken or
    prepared by the system make it impactful; "other" only when the risk tier is known
    and the record says it takes no individual decision.
    """
    risk = cas.get("niveau_risque_ia")
    decisions = cas.get("decisions_individuelles")
    automated = cas.get("niveau_automatisation") in ("decision_assistee", "decision_automatisee")
    if cas.get("systeme_ia") is False:  # rules only: no AI Act tier to weigh (art. 3(1)), only its effect on people
        risk = "minimal"
    if risk == "eleve":
        return NL_HIGH_RISK, None
    if risk == "inacceptable":  # a prohibited practice is not a high-risk system, but it weighs on people
        return NL_IMPACTFUL, None
    if risk not in ("minimal", "limite"):
        return None, R_PUBCAT_RISK
    if decisions is True or automated:
        return NL_IMPACTFUL, None
    if decisions is False:
        return NL_OTHER, None
    return None, R_PUBCAT_DECISIONS


# ---------------------------------------------------------------- Eurocities ATS 0.3.1

def eurocities(item: ExportItem, *, include_restricted: bool) -> Mapped:
    """Eurocities Algorithmic Transparency Standard 0.3.1, final (January 2023): a flat record, attributes in
    the order of its schema (BASIC INFORMATION, USE CASE, DATA, ALGORITHM, OVERSIGHT, METADATA: labels of each
    attribute, not nested objects); no ``country`` (removed from the final 0.3.1); ``description_short`` of
    150 characters at most, as the standard states."""
    s = _Source(item, include_restricted)
    cas, coll = s.cas, s.coll
    r: dict[str, Any] = {}
    # BASIC INFORMATION
    r["name"] = s.need("name", cas.get("nom"), "nom")
    r["description_short"] = s.short("description_short", EUROCITIES_SHORT)
    r["organization"] = s.need("organization", coll.get("nom"), "collectivite.nom")
    r["department"] = s.need("department", cas.get("service_responsable"), "service_responsable")
    contact, fields = s.contact()
    r["contact_email"] = s.need("contact_email", contact, *fields)
    r["area"] = s.need("area", coll.get("nom"), "collectivite.nom")
    domain, _ = _domains(cas)
    r["domain"] = s.need("domain", domain, "theme", "sous_themes", raison=R_DOMAIN)
    r["website"] = cas.get("url_informations")
    r["status"] = EUROCITIES_STATUS[cas["statut"]]
    r["remark"] = cas.get("motif_abandon")
    # USE CASE
    r["decision_making_process"] = s.need("decision_making_process", cas.get("contribution_decision"),
                                          "contribution_decision")
    r["goal"] = s.need("goal", cas.get("finalite"), "finalite")
    r["impact"] = s.need("impact", _paragraphs(cas.get("personnes_concernees"), cas.get("portee_decision"),
                                               _decisions_per_year(cas)),
                         "personnes_concernees", "portee_decision")
    r["risks"] = s.need("risks", cas.get("evaluation_risques"), "evaluation_risques")
    r["risk_category"] = s.need("risk_category", EUROCITIES_RISK.get(cas.get("niveau_risque_ia", "")),
                                "niveau_risque_ia",
                                raison=R_RISK_NOT_AI if cas.get("systeme_ia") is False else R_RISK_UNKNOWN)
    r["proportionality"] = s.need("proportionality", cas.get("proportionnalite"), "proportionnalite")
    r["lawful_basis"] = s.need("lawful_basis", cas.get("base_legale"), "base_legale")
    r["documentation"] = cas.get("url_regles_publiees")
    # DATA
    kind = algorithm_type(cas.get("type_algorithme", []))
    if kind == "rule-based":
        r["training_data"] = "Sans objet : algorithme à règles explicites, sans apprentissage sur des données."
    else:
        s.miss("training_data", ("donnees",), R_TRAINING)
    r["source_data"] = s.need("source_data", _source_data(cas), "donnees")
    r["connected_data_sources"] = s.need("connected_data_sources", _connections(cas),
                                         "donnees.source", "donnees.fournisseur", "donnees.mode_collecte")
    dpia = _latest(_analyses(cas, "aipd"))
    r["DPIA_description"] = dpia.get("resume") if dpia else None
    r["DPIA_url"] = dpia.get("url") if dpia else None
    # ALGORITHM
    r["algorithm_type"] = s.need("algorithm_type", kind, "type_algorithme", raison=R_ALGO_TYPE)
    r["description"] = s.need("description", _paragraphs(cas.get("operations"), _parameters(cas)),
                              "operations", "parametres")
    r["methods_and_models"] = _paragraphs(_types(cas), cas.get("description_algorithme"))
    gap = _label(NIVEAUX_3, cas.get("efficacite"))
    r["performance"] = f"Écart aux objectifs : {gap.lower()}." if gap else None
    r["product_information"] = cas.get("url_base_ue_fournisseur")  # the product: its provider's EU entry
    r["codebase_url"] = cas.get("url_code_source")
    fria = _latest(_analyses(cas, "aidf"))
    r["AIA_description"] = fria.get("resume") if fria else None
    r["AIA_url"] = fria.get("url") if fria else None
    # OVERSIGHT
    r["monitoring"] = s.need("monitoring", cas.get("suivi"), "suivi")
    s.miss("type", (), R_USE_TYPE)
    r["human_intervention"] = s.need("human_intervention", _human_intervention(cas),
                                     "supervision_humaine", "niveau_automatisation")
    r["objection_procedure"] = s.need("objection_procedure", cas.get("procedure_objection"), "procedure_objection")
    r["rollback"] = cas.get("reversibilite")
    # METADATA
    r["standard_version"] = "0.3.1"
    r["uuid"] = _stable_uuid(cas)
    r["lang"] = "fr"  # ISO 639-1, as the standard asks
    s.miss("publication_date", (), R_PUBLICATION_DATE)
    updated = cas.get("date_mise_a_jour")
    if updated and len(updated) == 10:
        r["last_change_date"] = updated
    elif updated:
        s.miss("last_change_date", ("date_mise_a_jour",), R_PARTIAL_DATE)
    else:
        s.miss("last_change_date", ("date_mise_a_jour",))
    s.miss("revision_date", (), R_REVISION_DATE)
    r["keywords"] = ", ".join(_labels(SOUS_THEMES, cas.get("sous_themes", [])))
    return Mapped(_prune(r), s.missing)


# ---------------------------------------------------------------- Netherlands: Algoritmeregister 1.0

#: Algoritmeregister 1.0: the longest text the register accepts per field (``max_length`` of its field
#: configuration; counted here on the whole text, tags included).
NL_MAX_LENGTH = {
    "name": 100, "description_short": 400, "organization": 100, "begin_date": 7, "end_date": 7,
    "contact_email": 500, "website": 500, "url": 500, "goal": 2500, "proportionality": 2500,
    "human_intervention": 2500, "risks": 2500, "lawful_basis": 2500, "impacttoetsen": 2500, "source_data": 2500,
    "methods_and_models": 5000, "provider": 200, "publiccode": 500, "source_id": 100, "tags": 2500,
}
#: Algoritmeregister 1.0: the HTML tags a free text may hold (``allowed_html_tags`` of its field configuration);
#: a field the configuration gives none takes no tag.
NL_HTML_TAGS = ("div", "br", "p", "ul", "ol", "li")
NL_HTML_FIELDS = frozenset({"goal", "proportionality", "human_intervention", "risks", "lawful_basis", "impacttoetsen",
                            "source_data", "methods_and_models", "tags"})
#: An HTML tag, opening or closing (``<b>``, ``</b>``, ``<br/>``, ``<a href="…">``): its name.
_HTML_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


def _html_refused(champ: str, value: str) -> list[str]:
    """The HTML tags of ``value`` the Dutch register does not allow in ``champ``, in order of appearance."""
    allowed = NL_HTML_TAGS if champ in NL_HTML_FIELDS else ()
    refused: list[str] = []
    for name in _HTML_TAG.findall(value):
        if name.lower() not in allowed and name.lower() not in refused:
            refused.append(name.lower())
    return refused


def _nl_text(s: _Source, champ: str, value: Any, *fields: str) -> Any:
    """``value`` for the Dutch ``champ`` when it is within the register's length limit and holds only the HTML
    tags the register allows there; otherwise ``champ`` is missing, with the reason. A text is never changed."""
    if champ in NL_MAX_LENGTH:
        value = s.fit(champ, value, NL_MAX_LENGTH[champ], *fields)
    if not isinstance(value, str):
        return value
    refused = _html_refused(champ, value)
    if not refused:
        return value
    tags = ", ".join(f"<{t}>" for t in refused)
    allowed = NL_HTML_TAGS if champ in NL_HTML_FIELDS else ()
    names_fr, names_en = _names(fields, "fr"), _names(fields, "en")
    if allowed:
        ok = ", ".join(f"<{t}>" for t in allowed)
        fr_ok, en_ok = f"il n'y admet que {ok}", f"it allows only {ok} there"
    else:
        fr_ok, en_ok = "il n'y admet aucune balise", "it allows no tag there"
    s.miss(champ, fields, Txt(
        f"Le texte de {names_fr} contient des balises HTML que le registre néerlandais refuse dans ce champ ({tags}) "
        f": {fr_ok}. iaterr ne modifie pas un texte : retirez ces balises de la fiche.",
        f"The text of {names_en} holds HTML tags the Dutch register refuses in this field ({tags}): {en_ok}. "
        "iaterr does not change a text: remove these tags from the record."))
    return None


#: The titles of the assessments iaterr knows. The DPIA's is one the register recommends
#: (``impacttoetsen_grouping.title.recommended_items``); the fundamental rights impact assessment of the AI Act
#: (art. 27) is not in that list: its nearest entry, the Dutch FRAIA (IAMA), is another method, and the field
#: takes the name of any other assessment. Others keep iaterr's label.
NL_ASSESSMENTS = {"aipd": "Data Protection Impact Assessment (DPIA)",
                  "aidf": "Fundamental Rights Impact Assessment (FRIA)"}


def algoritmeregister(item: ExportItem, *, include_restricted: bool) -> Mapped:
    """The Dutch Algoritmeregister, publication standard 1.0: the fields of its field configuration, in its
    order, each within the register's length limit (a longer text is reported missing, never cut), holding only
    the HTML tags the register allows in it (``allowed_html_tags``; otherwise reported missing, never changed)
    and in its vocabularies; the register assigns ``lars`` and ``publication_dt`` itself. The register accepts only
    records in Dutch: ``lang`` says the record's language (``fra``) and is reported, with that reason."""
    s = _Source(item, include_restricted)
    cas, coll = s.cas, s.coll
    r: dict[str, Any] = {}
    r["name"] = _nl_text(s, "name", s.need("name", cas.get("nom"), "nom"), "nom")
    r["description_short"] = _nl_text(s, "description_short",
                                       s.short("description_short", NL_MAX_LENGTH["description_short"]),
                                       *SHORT_SOURCES)
    r["organization"] = _nl_text(s, "organization", s.need("organization", coll.get("nom"), "collectivite.nom"),
                                 "collectivite.nom")
    r["category"] = _domains(cas)[1]
    r["status"] = NL_STATUS[cas["statut"]]
    r["begin_date"] = _month(cas.get("date_debut"))
    r["end_date"] = _month(cas.get("date_fin"))
    contact, fields = s.contact()
    r["contact_email"] = s.need("contact_email", contact, *fields)
    r["website"] = _nl_text(s, "website", cas.get("url_informations"), "url_informations")
    category, why = publication_category(cas)
    r["publication_category"] = s.need("publication_category", category,
                                       "niveau_risque_ia", "decisions_individuelles", raison=why)
    r["url"] = _nl_text(s, "url", cas.get("url_regles_publiees"), "url_regles_publiees")
    r["goal"] = _nl_text(s, "goal", _paragraphs(cas.get("finalite"), _people(cas), _decisions_per_year(cas)),
                         "finalite", "personnes_concernees", "nombre_decisions_par_an")
    r["proportionality"] = _nl_text(s, "proportionality", cas.get("proportionnalite"), "proportionnalite")
    r["human_intervention"] = _nl_text(s, "human_intervention", _human_intervention(cas),
                                       "supervision_humaine", "niveau_automatisation")
    r["risks"] = _nl_text(s, "risks", cas.get("evaluation_risques"), "evaluation_risques")
    r["lawful_basis"] = _nl_text(s, "lawful_basis", cas.get("base_legale"), "base_legale")
    grouping, lines = [], []
    for a in cas.get("analyses_impact", []):
        title = NL_ASSESSMENTS.get(a["type"]) or TYPES_ANALYSE_IMPACT.label(a["type"], "fr")
        grouping.append({"title": title, "link": a.get("url")})
        line = title + (f" ({a['date']})" if a.get("date") else "")
        lines.append(line + (f" : {a['resume']}" if a.get("resume") else ""))
    r["impacttoetsen_grouping"] = grouping
    r["impacttoetsen"] = _nl_text(s, "impacttoetsen", "\n".join(lines), "analyses_impact")
    r["source_data"] = _nl_text(s, "source_data", _source_data(cas), "donnees")
    r["methods_and_models"] = _nl_text(s, "methods_and_models",
                                       _paragraphs(_types(cas), cas.get("operations"), _parameters(cas),
                                                   cas.get("description_algorithme")),
                                       "type_algorithme", "operations", "parametres", "description_algorithme")
    provider = ", ".join(cas.get("fournisseurs", []))
    if not provider and cas.get("mise_en_oeuvre") == "interne":
        provider = "Intern ontwikkeld"
    r["provider"] = _nl_text(s, "provider", provider, "fournisseurs")
    r["publiccode"] = _nl_text(s, "publiccode", cas.get("url_code_source"), "url_code_source")
    r["lang"] = "fra"  # the record's language (ISO 639-3); the register takes "nld" only: said in `manquants`
    s.miss("lang", (), R_NL_LANG)
    r["standard_version"] = "1.0"
    r["source_id"] = _nl_text(s, "source_id", cas.get("identifiant"), "identifiant")
    r["tags"] = _nl_text(s, "tags", ", ".join(_labels(SOUS_THEMES, cas.get("sous_themes", []))), "sous_themes")
    return Mapped(_prune(r), s.missing)


# ---------------------------------------------------------------- United Kingdom: ATRS

#: Sections of an ATRS record, in the template's order (tier 2 subsections inside ``tier_2``).
ATRS_SECTIONS = ("metadata", "tier_1", "tier_2", "owner_and_responsibility", "description_and_rationale",
                 "decision_making_process", "tool_specification", "model_specification", "data_specification",
                 "risks_mitigations_and_impact_assessments")


def atrs(item: ExportItem, *, include_restricted: bool) -> Mapped:
    """UK Algorithmic Transparency Recording Standard: ``metadata`` holds the publication metadata as GOV.UK
    stores it for an algorithmic transparency record (its facet keys, phase slugs, ``atrs_version`` "v4.0");
    ``tier_1`` and ``tier_2`` hold the record's content, which GOV.UK publishes as the page's body, under the
    attribute names of the ATRS template (tier 2 by section: owner and responsibility, description and
    rationale, decision-making process, tool specification with its model and data specifications, risks)."""
    s = _Source(item, include_restricted)
    cas, coll = s.cas, s.coll
    contact, contact_fields = s.contact()

    # the publication metadata as GOV.UK stores it (its facet keys and slugs); the organisation is one of GOV.UK's
    # closed list of UK bodies and the publication date is GOV.UK's own: both reported missing
    s.miss("algorithmic_transparency_record_organisation", (), R_GOVUK_ORGANISATION)
    metadata = {
        "algorithmic_transparency_record_organisation_type": ["local-authority"],
        "algorithmic_transparency_record_phase": ATRS_PHASE[cas["statut"]],
        "algorithmic_transparency_record_date_published": None,
        "algorithmic_transparency_record_atrs_version": ATRS_VERSION,
        "algorithmic_transparency_record_other_tags": ", ".join(_labels(SOUS_THEMES, cas.get("sous_themes", []))),
    }
    s.miss("algorithmic_transparency_record_date_published", (), R_PUBLICATION_DATE)
    tier_1 = {
        "name": s.need("name", cas.get("nom"), "nom"),
        "description": s.need("description", cas.get("description"), "description"),
        "website_url": s.need("website_url", cas.get("url_informations"), "url_informations"),
        "contact_email": s.need("contact_email", contact, *contact_fields),
    }

    suppliers = list(cas.get("fournisseurs", []))
    delivery = cas.get("mise_en_oeuvre")
    if suppliers or delivery in ("externe", "prestataire", "marche_public"):
        involvement = "Yes"
    elif delivery == "interne":
        involvement = "No"
    else:
        involvement = None
    owner: dict[str, Any] = {
        "organisation_or_department": s.need("organisation_or_department", coll.get("nom"), "collectivite.nom"),
    }
    owner["team"] = s.need("team", cas.get("service_responsable"), "service_responsable")
    s.miss("senior_responsible_owner", (), R_SRO)
    owner["external_supplier_involvement"] = s.need("external_supplier_involvement", involvement,
                                                    "fournisseurs", "mise_en_oeuvre", raison=R_SUPPLIER)
    if involvement == "Yes":
        owner["external_supplier"] = s.need("external_supplier", suppliers, "fournisseurs")

    rationale = {
        "scope": cas.get("portee_decision"),
        "benefit": s.need("benefit", cas.get("finalite"), "finalite"),
        "alternatives_considered": s.need("alternatives_considered", cas.get("proportionnalite"),
                                          "proportionnalite"),
    }

    decision = {"process_integration": s.need("process_integration", cas.get("contribution_decision"),
                                              "contribution_decision")}
    s.miss("provided_information", ("contribution_decision",), R_PROVIDED_INFORMATION)
    decision["frequency_and_scale_of_usage"] = s.need("frequency_and_scale_of_usage", _decisions_per_year(cas),
                                                      "nombre_decisions_par_an")
    decision["human_decisions_and_review"] = s.need("human_decisions_and_review", _human_intervention(cas),
                                                    "supervision_humaine", "niveau_automatisation")
    decision["appeals_and_review"] = s.need("appeals_and_review",
                                            _paragraphs(cas.get("exercice_droits"), cas.get("procedure_objection")),
                                            "exercice_droits", "procedure_objection")

    hosting = _label(HEBERGEMENTS, cas.get("hebergement"))
    datasets = []
    for d in cas.get("donnees", []):
        datasets.append({
            "source_data_name": d["nom"],
            "sensitive_attributes": _personal(d),
            "data_collection": _data_origin(d),
            "data_access_and_storage": f"Hébergement : {hosting}." if hosting else None,
        })
    s.need("source_data_name", datasets, "donnees.nom")
    tool = {
        "system_architecture": s.need("system_architecture", cas.get("operations"), "operations"),
        "models": ", ".join(_labels(TYPES_ALGORITHME, cas.get("type_algorithme", []))),
        "model_specification": [{
            "model_name": cas.get("nom_algorithme"),
            "model_task": cas.get("description_algorithme"),
            "model_input": _parameters(cas),
            "model_performance": cas.get("suivi"),
        }],
        "data_specification": datasets,
    }

    assessments = [{
        "impact_assessment_name": TYPES_ANALYSE_IMPACT.label(a["type"], "fr"),
        "impact_assessment_description": a.get("resume"),
        "impact_assessment_date": a.get("date"),
        "impact_assessment_link": a.get("url"),
    } for a in cas.get("analyses_impact", [])]
    risks = {
        "impact_assessment": s.need("impact_assessment", assessments, "analyses_impact"),
        "risks_and_mitigations": s.need("risks_and_mitigations", cas.get("evaluation_risques"), "evaluation_risques"),
    }

    record = {
        "metadata": metadata,
        "tier_1": tier_1,
        "tier_2": {
            "owner_and_responsibility": owner,
            "description_and_rationale": rationale,
            "decision_making_process": decision,
            "tool_specification": tool,
            "risks_mitigations_and_impact_assessments": risks,
        },
    }
    return Mapped(_prune(record), s.missing)


# ---------------------------------------------------------------- EU AI Act: Annex VIII section C

def _cite(code: str) -> Txt:
    """« référence : objet » of a text of the law table, in both languages."""
    t = droit.texte(code)
    return Txt(f"{t.reference} : {t.objet('fr')}", f"{droit.reference(code, 'en')}: {t.objet('en')}")


def _areas(domains: Iterable[str], lang: str) -> str:
    return ", ".join(_q(DOMAINES_ANNEXE_III.label(d, lang), lang) for d in domains)


def _not_ai_system() -> Txt:
    law = _cite("ria.art3-1")
    return Txt("La fiche déclare que le système n'est pas un système d'IA (« systeme_ia: false ») : il n'entre pas "
               f"dans le champ du règlement sur l'IA et il n'y a rien à enregistrer. {law['fr']}",
               "The record declares that the system is not an AI system (“systeme_ia: false”): it is outside the "
               f"scope of the AI Act and there is nothing to register. {law['en']}")


def _national(domains: list[str]) -> Txt:
    law = _cite("ria.art49-5")
    return Txt(f"Domaine de l'annexe III déclaré : {_areas(domains, 'fr')}. L'utilisation de ce système ne "
               f"s'enregistre pas dans la base de données de l'UE mais au niveau national. {law['fr']}",
               f"Annex III area declared: {_areas(domains, 'en')}. The use of this system is not registered in "
               f"the EU database but at national level. {law['en']}")


def _non_public(domains: list[str]) -> Txt:
    law = _cite("ria.art49-4")
    return Txt(f"Domaines de l'annexe III déclarés : {_areas(domains, 'fr')}. L'utilisation s'enregistre dans une "
               f"section sécurisée non publique de la base de données de l'UE : cet enregistrement n'est pas à "
               f"publier. {law['fr']}",
               f"Annex III areas declared: {_areas(domains, 'en')}. The use is registered in a secure non-public "
               f"section of the EU database: this registration is not to be published. {law['en']}")


def _no_area() -> Txt:
    law = _cite("ria.art49")
    return Txt("Aucun domaine de l'annexe III dans la fiche (« domaines_annexe_iii ») : c'est lui qui dit si "
               "l'utilisation s'enregistre dans la partie publique de la base de l'UE, dans sa section non publique "
               f"ou au niveau national ; un système à haut risque de l'annexe I n'est pas concerné "
               f"({droit.reference('ria.annexe-i')}). {law['fr']}",
               "No Annex III area in the record (“domaines_annexe_iii”): it says whether the use is registered in "
               "the public part of the EU database, in its non-public section or at national level; a high-risk "
               f"system under Annex I is not concerned ({droit.reference('ria.annexe-i')}). {law['en']}")


def _when(since: date | None) -> Txt:
    """When the registration duty binds this use: ``since``, the qualification's date (``applies_from``). For a
    public authority's system already in service it is the art. 111(2) date, and the note says why."""
    annex, later = droit.depuis("ria.art49"), droit.depuis("ria.art111-2")
    assert annex is not None
    if since is not None and since == later and since != annex:
        law = _cite("ria.art111-2")
        source = droit.texte("ria.art111-2").source
        return Txt(f"Date d'application de l'obligation d'enregistrement pour ce système : "
                   f"{droit.long_date(since, 'fr')}, et non le {droit.long_date(annex, 'fr')} : la fiche le dit "
                   "déjà en service (déployé ou en expérimentation), et un système à haut risque d'une autorité "
                   "publique mis en service avant l'application des obligations n'y est tenu qu'à cette date — "
                   f"source : {source}. {law['fr']}",
                   f"Date from which the registration duty applies to this system: {droit.long_date(since, 'en')}, "
                   f"not {droit.long_date(annex, 'en')}: the record says it is already in service (deployed or "
                   f"piloted), and a public authority's high-risk system put into service before the duties apply is "
                   f"bound only from that date — source: {source}. {law['en']}")
    source = droit.texte("ria.art49").source
    later_law = _cite("ria.art111-2")
    when = since or annex
    return Txt(f"Date d'application de l'obligation d'enregistrement : {droit.long_date(when, 'fr')} — source : "
               f"{source}. {later_law['fr']}",
               f"Date from which the registration duty applies: {droit.long_date(when, 'en')} — source: {source}. "
               f"{later_law['en']}")


def _rules_only() -> Txt:
    law = _cite("ria.art3-1")
    return Txt("La fiche ne dit pas si le système est un système d'IA (« systeme_ia ») et ne déclare que des règles "
               "explicites (« type_algorithme: [regles] »). S'il n'en est pas un, indiquez « systeme_ia: false » : "
               f"rien n'est alors à enregistrer. {law['fr']}",
               "The record does not say whether the system is an AI system (“systeme_ia”) and declares explicit "
               "rules only (“type_algorithme: [regles]”). If it is not one, set “systeme_ia: false”: there is then "
               f"nothing to register. {law['en']}")


def _no_personal_data() -> Txt:
    law = _cite("rgpd.art35")
    return Txt("Sans objet : chaque source de données de la fiche est déclarée sans données personnelles "
               "(« donnees.personnelles: false ») ; le point C.5 ne vaut que là où une analyse d'impact relative à la "
               f"protection des données s'applique. {law['fr']}",
               "Not applicable: every data source of the record is declared free of personal data "
               "(“donnees.personnelles: false”); point C.5 only holds where a data protection impact assessment "
               f"applies. {law['en']}")


R_PROVIDER_ENTRY = Txt(
    "Champ « url_base_ue_fournisseur » non renseigné : le lien vers l'entrée du système enregistrée par son "
    "fournisseur ; « url_base_ue » est l'enregistrement de son utilisation par la collectivité, pas cette entrée.",
    "Field “url_base_ue_fournisseur” is empty: the link to the system's entry registered by its provider; "
    "“url_base_ue” is the authority's registration of its use, not that entry.")
N_NO_DEPLOYER_ENTRY = Txt(
    "Aucun lien vers l'enregistrement de son utilisation par la collectivité (« url_base_ue ») : à indiquer une "
    "fois l'enregistrement fait.",
    "No link to the authority's registration of its use (“url_base_ue”): give it once the registration is done.")


def ai_act(item: ExportItem, *, include_restricted: bool) -> Mapped:
    """What a public deployer registers for a high-risk system (art. 49(3), Annex VIII section C), keyed by the
    points of section C, with ``registration`` (where: the public EU database, its non-public section), the
    date the duty applies from, the deployer's own registration (``deployer_registration``, from
    ``url_base_ue``) and ``notes``. ``applicable`` is false, with the reason, for a system the record
    declares not to be an AI system (art. 3(1)), one that is not high-risk, and one whose only Annex III area
    is registered at national level; null when the risk tier is unknown or a high-risk system declares no
    Annex III area, the classification (or the area) then being the one missing item. The areas are read as
    the lint rule ``ia-act-eleve-sans-base-ue`` reads them; the articles are cited through
    :mod:`iaterr.model.droit`."""
    s = _Source(item, include_restricted)
    cas, coll = s.cas, s.coll
    base = {"legal_basis": droit.reference("ria.art49")}
    if cas.get("systeme_ia") is False:
        return Mapped({"applicable": False, **base, "reason": _not_ai_system()}, s.missing)
    risk = cas.get("niveau_risque_ia")
    if risk in (None, "non_evalue"):
        s.miss("applicable", ("niveau_risque_ia",), R_AIACT_UNKNOWN)
        return Mapped({"applicable": None, **base, "reason": R_AIACT_UNKNOWN}, s.missing)
    if risk != "eleve":
        if risk == "inacceptable":
            reason = Txt("Pratique interdite : elle ne peut être ni mise en service ni utilisée, il n'y a rien à "
                         f"enregistrer ({droit.reference('ria.art5')}).",
                         "Prohibited practice: it may be neither put into service nor used; there is nothing to "
                         f"register ({droit.reference('ria.art5')}).")
        else:
            reason = Txt("Le système n'est pas classé à haut risque : l'enregistrement dans la base de données de "
                         "l'UE ne s'applique qu'aux systèmes à haut risque de l'annexe III "
                         f"({droit.reference('ria.art49')}).",
                         "The system is not classified as high-risk: registration in the EU database only applies "
                         f"to high-risk systems listed in Annex III ({droit.reference('ria.art49')}).")
        return Mapped({"applicable": False, **base, "risk_tier": EUROCITIES_RISK[risk], "reason": reason},
                      s.missing)

    domains = list(cas.get("domaines_annexe_iii", []))
    route = registration_route(domains)
    if route is None:  # Annex I, or an area not said: whether art. 49(3) applies cannot be told
        reason = _no_area()
        s.miss("registration", ("domaines_annexe_iii",), reason)
        return Mapped({"applicable": None, **base, "risk_tier": EUROCITIES_RISK[risk], "reason": reason}, s.missing)
    if route == NATIONAL:
        return Mapped({"applicable": False, **base, "risk_tier": EUROCITIES_RISK[risk], "registration": NATIONAL,
                       "reason": _national(domains)}, s.missing)
    notes: list[Txt] = []
    if route == EU_NON_PUBLIC:
        notes.append(_non_public(domains))
    if cas.get("systeme_ia") is None and set(cas.get("type_algorithme", [])) == {"regles"}:
        notes.append(_rules_only())
    if route == EU_PUBLIC and not cas.get("url_base_ue"):
        notes.append(N_NO_DEPLOYER_ENTRY)
    # from the qualification: the Annex III date, or the art. 111(2) one for a system already in service
    since = qualify(cas, coll, droit.today()).regime("ria-haut-risque").depuis
    notes.append(_when(since))

    deployer = {
        "name": s.need("C.1.name", coll.get("nom"), "collectivite.nom"),
        "address": s.need("C.1.address", coll.get("adresse_postale"), "collectivite.adresse_postale"),
        "contact_details": {
            # the authority's own contact: the address for requests (its PRADA) is for the public, not the EU
            "email": s.need("C.1.contact_details", coll.get("contact"), "collectivite.contact"),
            "website": coll.get("site_web"),
        },
    }
    s.miss("C.2", (), R_SUBMITTER)
    provider_entry = s.need("C.3", cas.get("url_base_ue_fournisseur"), "url_base_ue_fournisseur",
                            raison=R_PROVIDER_ENTRY)

    def summary(champ: str, kind: str) -> dict[str, Any] | None:
        found = _latest(_analyses(cas, kind))
        if found is None:
            s.miss(champ, (f"analyses_impact[type={kind}].resume", f"analyses_impact[type={kind}].url"),
                   Txt(f"Aucune analyse de type « {kind} » avec un résumé ou un lien dans « analyses_impact ».",
                       f"No assessment of type “{kind}” with a summary or a link in “analyses_impact”."))
            return None
        return {"summary": found.get("resume"), "url": found.get("url"), "date": found.get("date")}

    record = {
        "applicable": True,
        **base,
        "registration": route,
        "applies_from": since.isoformat() if since else None,
        "C.1": deployer,
        "C.3": provider_entry,
    }
    if route == EU_NON_PUBLIC:
        # art. 49(4)(c): the secure non-public section holds points 1 to 3 of section C only, and the entry is
        # not for publication
        record["publiable"] = False
    else:
        record["C.4"] = summary("C.4", "aidf")
        # C.5 "where applicable": a DPIA (art. 35 GDPR) concerns personal data only
        if personal_data(cas) is False and not _latest(_analyses(cas, "aipd")):
            record["C.5"] = {"applicable": False, "reason": _no_personal_data()}
        else:
            record["C.5"] = summary("C.5", "aipd")
    record["deployer_registration"] = cas.get("url_base_ue")
    record["notes"] = notes
    return Mapped(_prune(record), s.missing)


# ---------------------------------------------------------------- registry and rendering


@dataclass(frozen=True)
class Standard:
    code: str
    titre: str
    version: str
    convertir: Callable[..., Mapped]

    def __call__(self, item: ExportItem, *, include_restricted: bool) -> Mapped:
        return self.convertir(item, include_restricted=include_restricted)


STANDARDS: dict[str, Standard] = {
    s.code: s for s in (
        Standard("eurocities", "Eurocities Algorithmic Transparency Standard", "0.3.1", eurocities),
        Standard("algoritmeregister", "Algoritmeregister (Nederland), publicatiestandaard", "1.0", algoritmeregister),
        Standard("atrs", "Algorithmic Transparency Recording Standard (UK)", "4.0", atrs),
        Standard("ai-act", "Règlement (UE) 2024/1689, art. 49(3), annexe VIII section C", "2024/1689", ai_act),
    )
}


def standard_names() -> list[str]:
    return list(STANDARDS)


def render(standard: str, items: ExportSet, *, lang: str = "fr") -> str:
    """The export of ``items`` to ``standard`` as JSON text; missing-field reasons in ``lang``."""
    return "".join(render_chunks(standard, items, lang=lang))


def render_chunks(standard: str, items: ExportSet, *, lang: str = "fr") -> Iterator[str]:
    """:func:`render` in pieces. The head of the document says which records may not be published, which is
    known once every record is mapped: each record's text is parked in a temporary file as it is made, then
    given back after the head, so that memory does not grow with the records."""
    if standard not in STANDARDS:
        raise ValueError(f"unknown standard {standard!r}; expected one of {', '.join(STANDARDS)}")
    std = STANDARDS[standard]
    restricted = items.include_restricted
    secure = []
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as parked:
        for item in items.items:
            record, missing = std(item, include_restricted=restricted).localized(lang)
            if record.get("publiable") is False:
                secure.append(str(item.cas.get("identifiant")))
            parked.write(json.dumps({"identifiant": item.cas.get("identifiant"), "fichier": item.rel,
                                     "enregistrement": record, "manquants": missing},
                                    ensure_ascii=False, indent=2) + _END)
        doc: dict[str, Any] = {"standard": std.code, "version": std.version, "genere_par": f"iaterr {__version__}",
                               "publiable": not restricted and not secure}
        if restricted:
            doc["avertissement"] = AVERTISSEMENT.text(lang)
        elif secure:
            doc["avertissement"] = AVERTISSEMENT_SECTION_SECURISEE.text(lang).format(fiches=", ".join(secure))
        yield from json_document(doc, "fiches", _parked(parked))


#: ends each record's text in the parked file: a JSON text holds no NUL (``json.dumps`` escapes it)
_END = "\0"


def _parked(parked: IO[str]) -> Iterator[str]:
    """The texts of the parked file, in order."""
    parked.seek(0)
    rest = ""
    while block := parked.read(1 << 20):
        texts = (rest + block).split(_END)
        rest = texts.pop()
        yield from texts
