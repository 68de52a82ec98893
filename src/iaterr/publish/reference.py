"""The field reference, generated from the model in French or English."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from iaterr import SCHEMA_VERSION
from iaterr.model import KINDS, SECTIONS
from iaterr.model.introspect import FieldSpec, specs
from iaterr.model.vocab import SOUS_THEMES, THEMES, VOCABULARIES

_T: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Référence des champs",
        "intro": "Ce document est généré depuis le modèle par `iaterr reference` : ne le modifiez pas à la main. "
                 "Format des fiches : version {version}. Les fiches sont des fichiers YAML, un par cas d'usage dans "
                 "`data/cas-usage/` et un par collectivité dans `data/collectivites/` ; les clés sont celles "
                 "ci-dessous.",
        "legend": "**Visibilité** : *public* (publié dans le registre et l'open data) ou *restreint* (partagé "
                  "entre collectivités, jamais publié). **Exigence** : *obligatoire* (erreur si absent), "
                  "*recommandé* (attendu par la Bibliothèque d'IA territoriales ou par la loi), *facultatif*.",
        "kinds": {"cas_usage": "Cas d'usage", "collectivite": "Collectivité"},
        "type": "Type", "visibility": "Visibilité", "requirement": "Exigence", "example": "Exemple",
        "biblio": "Bibliothèque d'IA", "export": "export", "standards": "Autres standards", "note": "Note",
        "why": "Pourquoi cette question : {x}", "why_section": "Pourquoi ces questions : {x}",
        "list_of": "liste de {x}", "values": "valeurs : vocabulaire [{v}](#{a})",
        "each": "Chaque élément a les clés suivantes :",
        "vocabs": "Vocabulaires", "code": "Code", "label_fr": "Libellé (fr)", "label_en": "Libellé (en)",
        "aliases": "Alias acceptés", "theme": "Thème",
        "vocab_intro": "Les fiches stockent le **code**. Les libellés et alias sont acceptés à la lecture "
                       "(avec un avertissement) pour que les données réelles, écrites de façons diverses, "
                       "retombent sur une seule valeur.",
        "kinds_t": {"texte": "texte", "identifiant": "identifiant (minuscules, chiffres, tirets)",
                    "siret": "SIRET (14 chiffres, clé de contrôle vérifiée)", "url": "adresse web (http/https)",
                    "email": "adresse électronique", "date": "date (AAAA, AAAA-MM ou AAAA-MM-JJ)",
                    "booleen": "booléen (true/false)", "entier": "nombre entier", "nombre": "nombre décimal",
                    "code": "code", "fiche": "table"},
        "vis": {"public": "public", "restreint": "restreint"},
        "req": {"obligatoire": "obligatoire", "recommande": "recommandé", "facultatif": "facultatif"},
    },
    "en": {
        "title": "Field reference",
        "intro": "This document is generated from the model by `iaterr reference --lang en`: do not edit it by "
                 "hand. Record format: version {version}. Records are YAML files, one per use case in "
                 "`data/cas-usage/` and one per authority in `data/collectivites/`; keys are the ones below "
                 "(French names, as stored).",
        "legend": "**Visibility**: *public* (published in the register and open data) or *restricted* (shared "
                  "between authorities, never published). **Requirement**: *required* (an error when missing), "
                  "*recommended* (expected by the Bibliothèque d'IA territoriales or by law), *optional*.",
        "kinds": {"cas_usage": "Use case", "collectivite": "Local authority"},
        "type": "Type", "visibility": "Visibility", "requirement": "Requirement", "example": "Example",
        "biblio": "Bibliothèque d'IA", "export": "export", "standards": "Other standards", "note": "Note",
        "why": "Why this is asked: {x}", "why_section": "Why these questions are asked: {x}",
        "list_of": "list of {x}", "values": "values: vocabulary [{v}](#{a})",
        "each": "Each item has these keys:",
        "vocabs": "Vocabularies", "code": "Code", "label_fr": "Label (fr)", "label_en": "Label (en)",
        "aliases": "Accepted aliases", "theme": "Theme",
        "vocab_intro": "Records store the **code**. Labels and aliases are accepted when reading (with a "
                       "warning) so that real data, spelled in many ways, lands on one value.",
        "kinds_t": {"texte": "text", "identifiant": "identifier (lower case, digits, hyphens)",
                    "siret": "SIRET (14 digits, check digit verified)", "url": "web address (http/https)",
                    "email": "e-mail address", "date": "date (YYYY, YYYY-MM or YYYY-MM-DD)",
                    "booleen": "boolean (true/false)", "entier": "whole number", "nombre": "decimal number",
                    "code": "code", "fiche": "mapping"},
        "vis": {"public": "public", "restreint": "restricted"},
        "req": {"obligatoire": "required", "recommande": "recommended", "facultatif": "optional"},
    },
}


def _anchor(text: str) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 _-]", "", text).replace(" ", "-")


def _type(spec: FieldSpec, lang: str) -> str:
    t = _T[lang]
    base = t["kinds_t"][spec.kind]
    if spec.vocab is not None:
        title = spec.vocab.title_en if lang == "en" else spec.vocab.title_fr
        base += ", " + t["values"].format(v=title, a=_anchor(title))
    return t["list_of"].format(x=base) if spec.is_list else base


def _example(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _field(spec: FieldSpec, lang: str, level: int, out: list[str]) -> None:
    t = _T[lang]
    m = spec.meta
    out.append(f"{'#' * level} `{spec.name}` — {m.titre(lang)}")
    out.append("")
    out.append(m.aide(lang))
    out.append("")
    if m.pourquoi(lang):
        out.append(t["why"].format(x=m.pourquoi(lang)))
        out.append("")
    out.append(f"- {t['type']} : {_type(spec, lang)}" if lang == "fr" else f"- {t['type']}: {_type(spec, lang)}")
    sep = " : " if lang == "fr" else ": "
    out.append(f"- {t['visibility']}{sep}**{t['vis'][m.visibilite]}** · {t['requirement']}{sep}{t['req'][m.exigence]}")
    if m.bibliotheque:
        extra = f" ({t['export']}{sep}`{m.bibliotheque_export}`)" if m.bibliotheque_export else ""
        out.append(f"- {t['biblio']}{sep}`{m.bibliotheque}`{extra}")
    if m.exemple is not None:
        out.append(f"- {t['example']}{sep}`{_example(m.exemple)}`")
    if m.standards:
        out.append(f"- {t['standards']}{sep}" + " ; ".join(f"{k}: {v}" for k, v in m.standards.items()))
    note = m.note_visibilite_en if lang == "en" else m.note_visibilite_fr
    if note:
        out.append(f"- {t['note']}{sep}{note}")
    out.append("")
    if spec.submodel is not None:
        out.append(t["each"])
        out.append("")
        for sub in specs(spec.submodel).values():
            _field(sub, lang, level + 1, out)


def _model(model: type[BaseModel], lang: str, out: list[str]) -> None:
    current = None
    for spec in specs(model).values():
        if spec.meta.section != current:
            current = spec.meta.section
            section = SECTIONS[current]
            out.append(f"### {section.label(lang)}")
            out.append("")
            aide = section.aide(lang)
            if aide:
                out.append(f"*{aide}*")
                out.append("")
            if section.pourquoi(lang):
                out.append(_T[lang]["why_section"].format(x=section.pourquoi(lang)))
                out.append("")
        _field(spec, lang, 4, out)


def render_reference(lang: str = "fr") -> str:
    t = _T[lang]
    out = [f"# {t['title']}", "", t["intro"].format(version=SCHEMA_VERSION), "", t["legend"], ""]
    for kind, (_folder, model, _schema) in KINDS.items():
        out.append(f"## {t['kinds'][kind]}")
        out.append("")
        _model(model, lang, out)
    out.append(f"## {t['vocabs']}")
    out.append("")
    out.append(t["vocab_intro"])
    out.append("")
    for vocab in VOCABULARIES.values():
        title = vocab.title_en if lang == "en" else vocab.title_fr
        out.append(f"### {title}")
        out.append("")
        if vocab is SOUS_THEMES:
            out.append(f"| {t['theme']} | {t['code']} | {t['label_fr']} | {t['label_en']} | {t['aliases']} |")
            out.append("| --- | --- | --- | --- | --- |")
            for term in vocab.terms:
                out.append(f"| `{term.parent}` | `{term.code}` | {term.fr} | {term.en} | "
                           f"{', '.join(term.aliases)} |")
        else:
            out.append(f"| {t['code']} | {t['label_fr']} | {t['label_en']} | {t['aliases']} |")
            out.append("| --- | --- | --- | --- |")
            for term in vocab.terms:
                out.append(f"| `{term.code}` | {term.fr} | {term.en} | {', '.join(a.strip() for a in term.aliases)} |")
        out.append("")
    assert THEMES  # themes are listed above, sub-themes carry their theme
    return "\n".join(out).rstrip() + "\n"


REFERENCE_PATHS = {"fr": "docs/reference-champs.md", "en": "docs/en/fields-reference.md"}
