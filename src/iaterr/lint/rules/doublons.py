"""Duplicates: the same project entered twice, often by two people or under two names."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from typing import Iterable

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, RepoContext, rule
from iaterr.lint.rules.qualite import excerpt
from iaterr.model.vocab import fold

#: Words that say nothing about which project it is.
MOTS_VIDES = frozenset("""
    projet projets experimentation experimentations ia de des du la le les d l un une et a au aux en par pour
    sur avec
    """.split())
SEUIL_NOM = 0.85
SEUIL_DESCRIPTION = 0.9


def normalise_nom(name: str) -> str:
    """Lower case, no accents, no punctuation, without words like « projet », « expérimentation », « IA »."""
    words = re.sub(r"[^\w]+", " ", fold(name).replace("_", " ")).split()
    return " ".join(w for w in words if w not in MOTS_VIDES)


def _normalise_texte(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _ratio(a: str, b: str, threshold: float) -> float:
    """difflib's ratio, skipped (0) when its cheap upper bounds are already below ``threshold``."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def noms_proches(a: str, b: str) -> bool:
    """Normalised names ``a`` and ``b`` close enough to be the same project."""
    if not a or not b:
        return False
    if a == b or _ratio(a, b, SEUIL_NOM) >= SEUIL_NOM:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long_} "


def descriptions_proches(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or _ratio(a, b, SEUIL_DESCRIPTION) >= SEUIL_DESCRIPTION)


@rule(
    code="doublon-probable", famille="doublons", severite=Severity.WARNING, portee="depot",
    reference="iaterr : un cas d'usage, une fiche ; Bibliothèque d'IA territoriales (une carte par projet)",
    titre_fr="Cas d'usage probablement en double", titre_en="Probable duplicate use case",
    justification_fr="Deux fiches d'une même collectivité aux noms presque identiques, ou aux descriptions "
                     "presque identiques, décrivent souvent le même projet saisi deux fois (par deux services, "
                     "ou sous deux noms). Le registre publié le compterait deux fois, et les deux fiches "
                     "divergeraient à la première mise à jour. Les noms sont comparés sans casse, accents, "
                     "ponctuation ni mots comme « projet », « expérimentation » ou « IA » (ressemblance d'au "
                     "moins 85 %, ou l'un contenu dans l'autre s'il compte au moins deux mots) ; les "
                     "descriptions, à 90 % de ressemblance. La fiche signalée est la seconde dans l'ordre des "
                     "chemins.",
    justification_en="Two records of the same authority with nearly identical names, or nearly identical "
                     "descriptions, often describe one project entered twice (by two departments, or under two "
                     "names). The published register would count it twice, and the two records would drift "
                     "apart at the first update. Names are compared without case, accents, punctuation or words "
                     "like “projet”, “expérimentation” or “IA” (at least 85 % similar, or one contained in the "
                     "other when it has at least two words); descriptions at 90 % similarity. The record "
                     "reported is the second one in path order.",
    message_fr="Doublon probable de {autre} ({fichier_autre}) : {raison}.",
    message_en="Probable duplicate of {autre} ({fichier_autre}): {raison}.",
    aide_fr="S'il s'agit du même projet, fusionnez les deux fiches et supprimez l'une d'elles ; sinon, "
            "distinguez leurs noms ou taisez la règle dans cette fiche en disant ce qui les sépare.",
    aide_en="If it is the same project, merge the two records and delete one; otherwise, make their names "
            "distinct or silence the rule in this record, saying what sets them apart.",
)
def doublon_probable(ctx: RepoContext) -> Iterable[Finding]:
    by_authority: dict[str, list[RecordContext]] = defaultdict(list)
    for record in ctx.records:
        coll = record.get("collectivite")
        if record.kind == "cas_usage" and isinstance(coll, str) and coll.strip():
            by_authority[coll.strip()].append(record)
    for records in by_authority.values():
        records.sort(key=lambda r: r.rel)
        keys = [(normalise_nom(r.text("nom")), _normalise_texte(r.text("description"))) for r in records]
        for j in range(1, len(records)):
            second = records[j]
            for i in range(j):
                first = records[i]
                if noms_proches(keys[i][0], keys[j][0]):
                    path, raison = ("nom",), {"fr": "noms très proches", "en": "very close names"}
                elif descriptions_proches(keys[i][1], keys[j][1]):
                    path, raison = ("description",), {"fr": "descriptions presque identiques",
                                                      "en": "nearly identical descriptions"}
                else:
                    continue
                autre = first.text("nom") or first.rel
                yield Finding(path, {"autre": {"fr": f"« {excerpt(autre)} »", "en": f"“{excerpt(autre)}”"},
                                     "fichier_autre": first.rel, "raison": raison}, file=second.rel)

#: The rules of this family, in the order they are listed.
RULES = (
    doublon_probable,
)
