"""Field metadata, declared once per field and read by every consumer.

``champ()`` wraps :func:`pydantic.Field`: the French title and help become the
JSON Schema ``title``/``description`` (what editors show), and everything else
(English text, visibility, requirement level, section, example, Bibliothèque
column, names in other standards, the one-line « pourquoi » of a legal question) goes
under ``x-iaterr``. :func:`meta` reads it
back as a :class:`FieldMeta` for validation, prompts, exports and docs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo

Visibilite = Literal["public", "restreint"]
#: obligatoire: an error when missing; recommande: the Bibliothèque or the law
#: expects it (lint reports it); facultatif: nothing is said when missing.
Exigence = Literal["obligatoire", "recommande", "facultatif"]


@dataclass(frozen=True)
class Section:
    code: str
    fr: str
    en: str
    aide_fr: str = ""
    aide_en: str = ""
    #: Why these questions are asked, in plain words, when the header names a legal term (see ``FieldMeta``).
    pourquoi_fr: str = ""
    pourquoi_en: str = ""

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    def aide(self, lang: str) -> str:
        return self.aide_en if lang == "en" else self.aide_fr

    def pourquoi(self, lang: str) -> str:
        return self.pourquoi_en if lang == "en" else self.pourquoi_fr


SECTIONS: dict[str, Section] = {
    s.code: s
    for s in (
        Section("identification", "Identification", "Identification",
                "Qui porte le projet, son nom, son état d'avancement et ses dates.",
                "Who runs the project, its name, its status and dates."),
        Section("description", "Description du service", "Description of the service",
                "Ce que fait le service, pour qui et pourquoi.", "What the service does, for whom and why."),
        Section("decision", "Décisions et droits des personnes (CRPA)", "Decisions and people's rights (CRPA)",
                "Ce que la loi demande d'expliquer quand un traitement algorithmique fonde ou prépare des "
                "décisions individuelles (L311-3-1, R311-3-1-1, R311-3-1-2, L312-1-3).",
                "What French law requires to explain when an algorithmic processing underlies or prepares "
                "individual decisions (L311-3-1, R311-3-1-1, R311-3-1-2, L312-1-3).",
                "Le CRPA (code des relations entre le public et l'administration) donne à chacun le droit de "
                "savoir comment un algorithme a pesé sur une décision individuelle, c'est-à-dire une décision qui "
                "vise une personne ou un organisme désigné.",
                "The CRPA (French code of relations between the public and the administration) gives everyone the "
                "right to know how an algorithm weighed on an individual decision, that is a decision about a "
                "named person or body."),
        Section("fonctionnement", "Fonctionnement de l'algorithme", "How the algorithm works",
                "Données, paramètres et opérations : les éléments communicables de l'article R311-3-1-2.",
                "Data, parameters and operations: the items communicable under article R311-3-1-2."),
        Section("ia_act", "Règlement européen sur l'IA", "EU AI Act",
                "Classification du risque et obligations du déployeur public (règlement (UE) 2024/1689).",
                "Risk classification and the duties of a public deployer (Regulation (EU) 2024/1689).",
                "Le règlement européen sur l'intelligence artificielle fixe des devoirs selon le risque du système ; "
                "la collectivité y est le déployeur, l'organisme qui utilise le système d'IA sous sa responsabilité.",
                "The European regulation on artificial intelligence sets duties by the system's risk; the authority "
                "is the deployer, the body that uses the AI system under its authority."),
        Section("evaluation", "Évaluation", "Evaluation",
                "Proportionnalité, réversibilité, risques et efficacité.",
                "Proportionality, reversibility, risks and effectiveness."),
        Section("retour_experience", "Retour d'expérience", "Lessons learned",
                "Ce que la collectivité partage pour que d'autres s'en inspirent.",
                "What the authority shares so that others can learn from it."),
        Section("partage", "Informations réservées aux collectivités", "Information restricted to authorities",
                "Champs restreints de la Bibliothèque d'IA territoriales : partagés entre collectivités, "
                "jamais publiés.",
                "Restricted fields of the Bibliothèque d'IA territoriales: shared between authorities, "
                "never published."),
        Section("collectivite", "Collectivité", "Local authority",
                "L'organisation qui porte les cas d'usage.", "The organisation that runs the use cases."),
    )
}


@dataclass(frozen=True)
class FieldMeta:
    name: str
    titre_fr: str
    titre_en: str
    aide_fr: str
    aide_en: str
    section: str
    visibilite: Visibilite = "public"
    exigence: Exigence = "facultatif"
    exemple: Any = None
    #: Column name in the Bibliothèque data model, and in its public CSV export.
    bibliotheque: str | None = None
    bibliotheque_export: str | None = None
    #: Name of the concept in other standards (etalab, crpa, nl, uk, eurocities, ai_act).
    standards: dict[str, str] = field(default_factory=dict)
    #: Why visibility differs from the Bibliothèque's, when it does.
    note_visibilite_fr: str = ""
    note_visibilite_en: str = ""
    #: The record format (``version_schema``) that introduced the field; a record of an older format
    #: cannot hold it.
    depuis: str = "1.0"
    #: For a legal question: one line in plain words saying what the legal term means and which duty the
    #: question serves (``iaterr.model.glossaire.is_legal`` says which questions are legal ones).
    pourquoi_fr: str = ""
    pourquoi_en: str = ""

    def titre(self, lang: str) -> str:
        return self.titre_en if lang == "en" else self.titre_fr

    def aide(self, lang: str) -> str:
        return self.aide_en if lang == "en" else self.aide_fr

    def pourquoi(self, lang: str) -> str:
        """Why the question is asked, in plain words (empty for a question that is not a legal one)."""
        return self.pourquoi_en if lang == "en" else self.pourquoi_fr

    @property
    def public(self) -> bool:
        return self.visibilite == "public"


_KEY = "x-iaterr"


@lru_cache(maxsize=256)
def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` after ``"1.9"``: a record format version (``version_schema``, ``depuis``) as numbers (a few
    versions exist, asked once per field of every record: remembered)."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def newer_than(meta: FieldMeta, version: str) -> bool:
    """Did the field come after the record format ``version`` (a record of that format cannot hold it)?"""
    return version_key(meta.depuis) > version_key(version)


def champ(
    default: Any = None,
    *,
    fr: str,
    en: str,
    aide_fr: str,
    aide_en: str,
    section: str,
    visibilite: Visibilite = "public",
    exigence: Exigence = "facultatif",
    exemple: Any = None,
    bibliotheque: str | None = None,
    bibliotheque_export: str | None = None,
    standards: dict[str, str] | None = None,
    note_visibilite_fr: str = "",
    note_visibilite_en: str = "",
    depuis: str = "1.0",
    pourquoi_fr: str = "",
    pourquoi_en: str = "",
    **kwargs: Any,
) -> Any:
    assert section in SECTIONS, section
    extra = {
        "titre_en": en,
        "aide_en": aide_en,
        "section": section,
        "visibilite": visibilite,
        "exigence": exigence,
        "bibliotheque": bibliotheque,
        "bibliotheque_export": bibliotheque_export,
        "standards": standards or {},
        "note_visibilite_fr": note_visibilite_fr,
        "note_visibilite_en": note_visibilite_en,
        "depuis": depuis if depuis != "1.0" else None,
        "pourquoi_fr": pourquoi_fr,
        "pourquoi_en": pourquoi_en,
    }
    extra = {k: v for k, v in extra.items() if v not in (None, "", {})}
    # a pattern, stated at the property level (it only binds strings, so ``null`` still passes):
    # pydantic's own output loses it behind the custom text type
    constraints = {"pattern": kwargs["pattern"]} if "pattern" in kwargs else {}
    if exigence == "obligatoire" and default is None and "default_factory" not in kwargs:
        default = ...
    if "default_factory" not in kwargs:
        kwargs["default"] = default
    return Field(
        title=fr,
        description=aide_fr,
        examples=[exemple] if exemple is not None else None,
        json_schema_extra={**constraints, _KEY: {**extra, "titre_fr": fr, "aide_fr": aide_fr}},
        **kwargs,
    )


def meta_of(name: str, info: FieldInfo) -> FieldMeta:
    schema_extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    extra: Any = schema_extra.get(_KEY)
    if extra is None:
        raise KeyError(f"field {name} has no iaterr metadata")
    return FieldMeta(
        name=name,
        titre_fr=extra["titre_fr"],
        titre_en=extra["titre_en"],
        aide_fr=extra["aide_fr"],
        aide_en=extra["aide_en"],
        section=extra["section"],
        visibilite=extra.get("visibilite", "public"),
        exigence=extra.get("exigence", "facultatif"),
        exemple=(info.examples or [None])[0],
        bibliotheque=extra.get("bibliotheque"),
        bibliotheque_export=extra.get("bibliotheque_export"),
        standards=extra.get("standards", {}),
        note_visibilite_fr=extra.get("note_visibilite_fr", ""),
        note_visibilite_en=extra.get("note_visibilite_en", ""),
        depuis=extra.get("depuis", "1.0"),
        pourquoi_fr=extra.get("pourquoi_fr", ""),
        pourquoi_en=extra.get("pourquoi_en", ""),
    )


_CACHE: dict[type, dict[str, FieldMeta]] = {}


def fields_of(model: type[BaseModel]) -> dict[str, FieldMeta]:
    """The metadata of every field of ``model``, in declaration order."""
    if model not in _CACHE:
        _CACHE[model] = {name: meta_of(name, info) for name, info in model.model_fields.items()}
    return _CACHE[model]
