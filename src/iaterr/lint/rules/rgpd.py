"""Data protection (GDPR, loi Informatique et Libertés): the duties that follow from what a record
declares about personal data and fully automated decisions, whatever the AI Act tier.

A family of its own, not part of ``vie_privee``: that family keeps a published register from
publishing the people who run the projects (the register's own data); this one checks the
processing the record describes against the GDPR — impact assessment (art. 35), information of the
people concerned (art. 13–14), fully automated decisions (art. 22, loi 78-17 art. 47, Conseil
constitutionnel 2018-765 DC).

The rules fire on what the record declares (``donnees[].personnelles: true``,
``niveau_automatisation: decision_automatisee``…), not on what it leaves out: a record that says
nothing about personal data is not told it processes some. References come from
:mod:`iaterr.model.droit`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from iaterr import SCHEMA_VERSION
from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, rule
from iaterr.lint.values import code_of as _code
from iaterr.lint.values import entries as _entries
from iaterr.lint.values import finding_at as _at
from iaterr.lint.values import is_blank as _blank
from iaterr.lint.values import is_false as _false
from iaterr.lint.values import is_true as _true
from iaterr.lint.values import where
from iaterr.model import CasUsage, Collectivite
from iaterr.model.droit import reference, references
from iaterr.model.fields import fields_of, newer_than, version_key
from iaterr.model.qualification import dpia_criteria, in_service
from iaterr.model.vocab import (
    CRITERES_AIPD,
    NIVEAUX_AUTOMATISATION,
    STATUTS,
    TYPES_ANALYSE_IMPACT,
)

#: A completed or abandoned project (whether one is in use, pilots included, is
#: :func:`iaterr.model.qualification.in_service`).
_FINI = ("termine", "abandonne")


def status(ctx: RecordContext) -> str | None:
    """The project's status, a code of ``STATUTS`` (None when not given or unknown)."""
    return _code(STATUTS, ctx.get("statut"))


def over(ctx: RecordContext) -> bool:
    """A completed or abandoned project: the rules of the ``ia_act``, ``rgpd`` and ``transparence`` families
    that follow a project's status keep silent on it."""
    return status(ctx) in _FINI


def _in_progress(ctx: RecordContext) -> bool:
    """Not a completed or abandoned project."""
    return not over(ctx)


# ---------------------------------------------------------------- a field the record's format does not have


def predates(data: Any, model: type[BaseModel], name: str) -> str | None:
    """The record's format version when the field ``name`` came later (a record of that format cannot hold it
    until ``iaterr migrate`` upgrades it), else None."""
    meta = fields_of(model).get(name)
    version = data.get("version_schema") if isinstance(data, dict) else None
    if meta is None or not isinstance(version, str):
        return None
    return version if newer_than(meta, version) else None


def _depuis(name: str) -> str:
    """The record format that brought the field ``name`` (of a use case, or of a collectivité)."""
    meta = fields_of(CasUsage).get(name) or fields_of(Collectivite).get(name)
    return meta.depuis if meta is not None else SCHEMA_VERSION


def format_clause(version: str | None) -> dict[str, str]:
    """The end of a message asking for a field the record's format does not have; empty otherwise."""
    if version is None:
        return {"fr": "", "en": ""}
    return {"fr": f" ; la fiche est au format {version}, qui n'a pas ce champ : passez-la au format {SCHEMA_VERSION} "
                  "(`iaterr migrate`) pour le renseigner",
            "en": f"; the record is in format {version}, which lacks this field: upgrade it to format "
                  f"{SCHEMA_VERSION} (`iaterr migrate`) to fill it in"}


#: What a rule says about a record that cannot hold the field it asks for (for the justifications).
FORMAT_FR = ("Une fiche d'un format plus ancien que le champ demandé ne peut pas le porter : la règle le dit alors "
             "en simple information, en invitant à passer la fiche au format actuel (`iaterr migrate`).")
FORMAT_EN = ("A record in a format older than the field asked for cannot hold it: the rule then says so as mere "
             "information, inviting to upgrade the record to the current format (`iaterr migrate`).")


# ---------------------------------------------------------------- personal data


def personal_entry(ctx: RecordContext) -> int | None:
    """The index of the first ``donnees`` entry declared personal, None when none is."""
    for i, entry in _entries(ctx.get("donnees")):
        if _true(entry.get("personnelles")):
            return i
    return None


def _personal(i: int) -> dict[str, str]:
    return {"fr": f"« donnees[{i}].personnelles: true »", "en": f"“donnees[{i}].personnelles: true”"}


def personal_data_reason(ctx: RecordContext) -> dict[str, str] | None:
    """Why personal data may be processed, or None when every data entry says it is not personal."""
    entries = _entries(ctx.get("donnees"))
    i = personal_entry(ctx)
    if i is not None:
        return {"fr": f"des données personnelles sont traitées (« donnees[{i}].personnelles: true »)",
                "en": f"personal data are processed (“donnees[{i}].personnelles: true”)"}
    if not entries:
        return {"fr": "la fiche ne décrit pas les données traitées (« donnees »)",
                "en": "the record does not describe the data processed (“donnees”)"}
    if not all(_false(entry.get("personnelles")) for _, entry in entries):
        return {"fr": "la fiche ne dit pas si les données traitées sont personnelles (« personnelles »)",
                "en": "the record does not say whether the data processed are personal (“personnelles”)"}
    return None


# ---------------------------------------------------------------- art. 35: the DPIA


def _has_dpia(ctx: RecordContext) -> bool:
    return any(_code(TYPES_ANALYSE_IMPACT, e.get("type")) == "aipd" for _, e in _entries(ctx.get("analyses_impact")))


def dpia_required(ctx: RecordContext) -> bool:
    """rgpd-aipd-requise fires: personal data declared, two criteria or more, no DPIA, project not over."""
    return (_in_progress(ctx) and personal_entry(ctx) is not None and len(dpia_criteria(ctx)) >= 2
            and not _has_dpia(ctx))


@rule(
    code="rgpd-aipd-requise", famille="rgpd", severite=Severity.WARNING, portee="cas_usage",
    reference=reference("rgpd.art35"),
    reference_en=reference('rgpd.art35', 'en'),
    titre_fr="Analyse d'impact relative à la protection des données (AIPD) requise",
    titre_en="Data protection impact assessment (DPIA) required",
    justification_fr="RGPD, art. 35 : une analyse d'impact relative à la protection des données précède tout "
                     "traitement susceptible d'engendrer un risque élevé pour les droits et libertés des personnes. "
                     "Les lignes directrices du Comité européen de la protection des données (WP248), que la CNIL "
                     "applique, retiennent neuf critères — évaluation ou notation, décision automatique, "
                     "surveillance systématique, données sensibles, grande échelle, croisement de données, "
                     "personnes vulnérables, usage innovant, exclusion d'un droit ou d'un service — : un traitement "
                     "qui en remplit deux requiert en principe une AIPD. La CNIL publie en outre la liste des types "
                     "de traitement pour lesquels elle est toujours requise (délibération n° 2018-327), dont "
                     "l'instruction des demandes de logement social et le profilage des agents pour la gestion des "
                     "ressources humaines. Cette obligation vaut quel que soit le niveau de risque au sens du "
                     "règlement sur l'IA. iaterr compte, quand une entrée de « donnees » est déclarée personnelle, "
                     "les critères déclarés dans « criteres_aipd » et ceux qu'impliquent d'autres champs : données "
                     "sensibles (« donnees_sensibles: true »), usage innovant (« systeme_ia: true »), décision "
                     "automatique (« niveau_automatisation: decision_automatisee »), personnes vulnérables (décisions "
                     "sur les agents de la collectivité, « destinataires_decisions: agents » ; service destiné aux "
                     "bénéficiaires d'aides, « publics: beneficiaires »). À partir de deux, une entrée « type: aipd » "
                     "est attendue dans « analyses_impact ». Un type de la liste de la CNIL se déclare par ses "
                     "critères ; un avis contraire du délégué à la protection des données, par un silence justifié.",
    justification_en="GDPR, art. 35: a data protection impact assessment precedes any processing likely to result "
                     "in a high risk to people's rights and freedoms. The European Data Protection Board's "
                     "guidelines (WP248), which the CNIL applies, set nine criteria — evaluation or scoring, "
                     "automated decision, systematic monitoring, sensitive data, large scale, matching datasets, "
                     "vulnerable people, innovative use, exclusion from a right or service —: processing that meets "
                     "two of them requires a DPIA in principle. The CNIL also lists the types of processing that "
                     "always require one (délibération n° 2018-327), among them handling social-housing "
                     "applications and profiling staff for human-resources management. This duty applies whatever "
                     "the AI Act risk tier. When a “donnees” entry is declared personal, iaterr counts the criteria "
                     "declared in “criteres_aipd” and those other fields imply: sensitive data (“donnees_sensibles: "
                     "true”), innovative use (“systeme_ia: true”), automated decision (“niveau_automatisation: "
                     "decision_automatisee”), vulnerable people (decisions about the authority's staff, "
                     "“destinataires_decisions: agents”; a service for aid beneficiaries, “publics: "
                     "beneficiaires”). From two on, an entry “type: aipd” is expected in “analyses_impact”. A type "
                     "of the CNIL's list is declared through its criteria; a contrary opinion of the data protection "
                     "officer, with a justified silence.",
    message_fr="Des données personnelles sont traitées ({personnelles}) et le traitement remplit {n} critères de "
               "risque — {criteres} — : une analyse d'impact relative à la protection des données (AIPD) est "
               "requise avant sa mise en œuvre (RGPD, art. 35), quel que soit son niveau de risque au sens du "
               "règlement sur l'IA, et « analyses_impact » n'en contient pas.",
    message_en="Personal data are processed ({personnelles}) and the processing meets {n} risk criteria — "
               "{criteres} —: a data protection impact assessment (DPIA) is required before it is carried out "
               "(GDPR art. 35), whatever its AI Act risk tier, and “analyses_impact” holds none.",
    aide_fr="Menez l'AIPD avec le délégué à la protection des données, puis ajoutez à « analyses_impact » une "
            "entrée « type: aipd » avec sa date et, si possible, le lien vers son résumé.",
    aide_en="Carry out the DPIA with the data protection officer, then add to “analyses_impact” an entry “type: "
            "aipd” with its date and, if possible, a link to its summary.",
)
def aipd_requise(ctx: RecordContext) -> Iterable[Finding]:
    if not dpia_required(ctx):
        return
    i = personal_entry(ctx)
    assert i is not None
    criteria = dpia_criteria(ctx)
    criteres = {lang: ", ".join(
        (f"« {CRITERES_AIPD.label(code, 'fr')} » ({why['fr']})" if lang == "fr"
         else f"“{CRITERES_AIPD.label(code, 'en')}” ({why['en']})") for code, why in criteria.items())
        for lang in ("fr", "en")}
    yield _at(ctx, ("analyses_impact", "criteres_aipd", "donnees"),
              {"personnelles": _personal(i), "n": len(criteria), "criteres": criteres})


# ---------------------------------------------------------------- art. 13-14: information


def _enumerated(items: list[str], word: str) -> str:
    """« a, b et c »."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


@rule(
    code="rgpd-information-incomplete", famille="rgpd", severite=Severity.WARNING, portee="cas_usage",
    reference=reference("rgpd.art13-14"),
    reference_en=reference('rgpd.art13-14', 'en'),
    titre_fr="Information des personnes incomplète (finalité, base légale, durée de conservation, délégué à la "
             "protection des données)",
    titre_en="Information of the people concerned incomplete (purpose, legal basis, retention period, data "
             "protection officer)",
    justification_fr="RGPD, art. 13 et 14 : les personnes dont les données sont traitées sont informées, notamment, "
                     "des coordonnées du délégué à la protection des données, des finalités et de la base juridique "
                     "du traitement, et de la durée de conservation des données ou des critères qui la fixent. La "
                     "notice publiée par iaterr le leur dit, dans sa section « Vos données personnelles », à partir "
                     "de la fiche (« finalite », « base_legale », « duree_conservation ») et de la fiche de la "
                     "collectivité (« contact_dpo ») ; elle marque « à compléter » chacun de ces éléments qui "
                     "manque, et la règle demande les mêmes. La mention explicite, elle, ne porte pas ces "
                     "informations. La règle joue quand une entrée de « donnees » est déclarée personnelle, pour un "
                     "projet qui n'est ni terminé ni abandonné ; une finalité absente d'un traitement qui fonde des "
                     "décisions est déjà signalée par crpa-finalite-manquante. " + FORMAT_FR,
    justification_en="GDPR, art. 13 and 14: people whose data are processed are told, among other things, the "
                     "contact details of the data protection officer, the purposes and legal basis of the "
                     "processing, and how long the data are kept, or the criteria that set it. The notice iaterr "
                     "publishes tells them, in its “Your personal data” section, from the record (“finalite”, "
                     "“base_legale”, “duree_conservation”) and the authority's record (“contact_dpo”); it marks "
                     "each of these that is missing “to be completed”, and the rule asks for the same ones. The "
                     "explicit mention does not carry this information. The rule fires when a “donnees” entry is "
                     "declared personal, for a project neither completed nor abandoned; a missing purpose of a "
                     "processing that underlies decisions is already reported by crpa-finalite-manquante. "
                     + FORMAT_EN,
    message_fr="Des données personnelles sont traitées ({personnelles}) mais {manque} : les personnes concernées "
               "doivent en être informées ({ref}){format}.",
    message_en="Personal data are processed ({personnelles}) but {manque}: the people concerned must be told "
               "({ref}){format}.",
    aide_fr="Indiquez dans la fiche la finalité du traitement (« finalite »), le texte ou la mission qui le fonde "
            "(« base_legale ») et combien de temps les données personnelles sont conservées, ou selon quel critère "
            "(« duree_conservation ») ; et dans la fiche de la collectivité l'adresse de son délégué à la "
            "protection des données (« contact_dpo »).",
    aide_en="Give in the record the purpose of the processing (“finalite”), the legal text or public task it rests "
            "on (“base_legale”) and how long the personal data are kept, or by what criterion "
            "(“duree_conservation”); and in the authority's record the address of its data protection officer "
            "(“contact_dpo”).",
)
def information_incomplete(ctx: RecordContext) -> Iterable[Finding]:
    i = personal_entry(ctx)
    if i is None or not _in_progress(ctx):
        return
    fr: list[str] = []
    en: list[str] = []
    old: list[str] = []  # the missing fields that the record that should hold them cannot, in its format
    # what the notice's « Vos données personnelles » section marks missing (publish.notice); a missing purpose
    # of a processing that underlies decisions is crpa-finalite-manquante's
    own = [("base_legale", "la base légale n'est pas indiquée (« base_legale »)",
            "the legal basis is not given (“base_legale”)"),
           ("duree_conservation", "la durée de conservation n'est pas indiquée (« duree_conservation »)",
            "the retention period is not given (“duree_conservation”)")]
    if not _true(ctx.get("decisions_individuelles")):
        own.insert(0, ("finalite", "la finalité n'est pas indiquée (« finalite »)",
                       "the purpose is not given (“finalite”)"))
    missing: list[str] = []
    for name, item_fr, item_en in own:
        if _blank(ctx.get(name)):
            missing.append(name)
            fr.append(item_fr)
            en.append(item_en)
            if predates(ctx.data, CasUsage, name) is not None:
                old.append(name)
    coll: Any = ctx.collectivite
    if isinstance(coll, dict) and _blank(coll.get("contact_dpo")):
        fr.append("la fiche de la collectivité ne donne pas l'adresse de son délégué à la protection des données "
                  "(« contact_dpo »)")
        en.append("the authority's record does not give the address of its data protection officer "
                  "(“contact_dpo”)")
        if predates(coll, Collectivite, "contact_dpo") is not None:
            old.append("contact_dpo")
    if fr:
        fields_fr = _enumerated([f"« {name} »" for name in old], "et")
        fields_en = _enumerated([f"“{name}”" for name in old], "and") if old else ""
        # the format that brought them (not the current one, which may be later)
        since = max((_depuis(name) for name in old), key=version_key, default=SCHEMA_VERSION)
        format_ = ({"fr": f" ; {fields_fr} n'existe{'nt' if len(old) > 1 else ''} qu'à partir du format "
                          f"{since} des fiches : passez-les à ce format (`iaterr migrate`) pour "
                          f"{'les' if len(old) > 1 else 'le'} renseigner",
                    "en": f"; {fields_en} only exist{'' if len(old) > 1 else 's'} from format {since} of "
                          "the records: upgrade them (`iaterr migrate`) to fill "
                          f"{'them' if len(old) > 1 else 'it'} in"} if old else {"fr": "", "en": ""})
        manque = {"fr": _enumerated(fr, "et"), "en": _enumerated(en, "and")}
        finding = _at(ctx, (*missing, "donnees"),
                      {"personnelles": _personal(i), "manque": manque, "format": format_,
                       "ref": references("rgpd.art13-14")})
        if len(old) == len(fr):  # nothing the records can say as they are: mere information
            finding.severite = Severity.INFO
        yield finding


# ---------------------------------------------------------------- fully automated decisions


def _automated(ctx: RecordContext) -> bool:
    """A fully automated individual decision, for a project neither completed nor abandoned."""
    return (_code(NIVEAUX_AUTOMATISATION, ctx.get("niveau_automatisation")) == "decision_automatisee"
            and not _false(ctx.get("decisions_individuelles")) and _in_progress(ctx))


def _automated_finding(ctx: RecordContext, path: tuple, ref: str) -> Finding:
    """An error for a system piloted or in service; a warning, to be corrected before going live, for a
    project under consideration or being built. ``ref``: the text the message cites (a code of the law table)."""
    projet = not in_service(status(ctx))
    avant = ({"fr": " ; à corriger avant la mise en service", "en": "; to be corrected before going live"}
             if projet else {"fr": "", "en": ""})
    return Finding(path, {"avant": avant, "ref": references(ref)}, severite=Severity.WARNING if projet else None)


_STATUS_FR = ("Erreur pour un système en expérimentation ou en service ; avertissement pour un projet en réflexion "
              "ou en construction (à corriger avant la mise en service) ; silence pour un projet terminé ou "
              "abandonné, ou quand la fiche déclare « decisions_individuelles: false ».")
_STATUS_EN = ("An error for a system being piloted or in service; a warning for a project under consideration or "
              "being built (to be corrected before going live); silent for a completed or abandoned project, or "
              "when the record declares “decisions_individuelles: false”.")


@rule(
    code="rgpd-decision-automatisee-donnees-sensibles", famille="rgpd", severite=Severity.ERROR,
    portee="cas_usage",
    reference=f"{reference('lil.art47')} ; {reference('rgpd.art22')}(4) ; {reference('rgpd.art9')}",
    reference_en=f"{reference('lil.art47', 'en')}; {reference('rgpd.art22', 'en')}(4); {reference('rgpd.art9', 'en')}",
    titre_fr="Décision entièrement automatisée sur des données sensibles",
    titre_en="Fully automated decision on sensitive data",
    justification_fr="Loi Informatique et Libertés, art. 47 : une décision administrative individuelle ne peut être "
                     "prise sur le seul fondement d'un traitement automatisé que si le traitement ne porte pas sur "
                     "des données sensibles (origine, opinions politiques, convictions religieuses, appartenance "
                     "syndicale, données génétiques ou biométriques, santé, vie ou orientation sexuelle : RGPD, "
                     "art. 9). Le RGPD lui-même ne l'admet, pour des données sensibles, que dans des cas étroits "
                     "(art. 22(4)). " + _STATUS_FR,
    justification_en="Loi Informatique et Libertés, art. 47: an individual administrative decision may be taken "
                     "solely on the basis of automated processing only if the processing involves no sensitive data "
                     "(origin, political opinions, religious beliefs, trade-union membership, genetic or biometric "
                     "data, health, sex life or orientation: GDPR art. 9). The GDPR itself allows it, for sensitive "
                     "data, only in narrow cases (art. 22(4)). " + _STATUS_EN,
    message_fr="La décision est entièrement automatisée (« niveau_automatisation: decision_automatisee ») et le "
               "traitement utilise des données sensibles (« donnees_sensibles: true ») : une décision "
               "administrative individuelle ne peut pas reposer sur un traitement automatisé de données "
               "sensibles ({ref}){avant}.",
    message_en="The decision is fully automated (“niveau_automatisation: decision_automatisee”) and the processing "
               "uses sensitive data (“donnees_sensibles: true”): an individual administrative decision may not "
               "rest on automated processing of sensitive data ({ref}){avant}.",
    aide_fr="Faites prendre la décision par une personne qui examine le dossier (« niveau_automatisation: "
            "decision_assistee » ou aide_decision), ou retirez les données sensibles du traitement.",
    aide_en="Have the decision taken by a person who examines the file (“niveau_automatisation: "
            "decision_assistee” or aide_decision), or remove the sensitive data from the processing.",
)
def decision_automatisee_donnees_sensibles(ctx: RecordContext) -> Iterable[Finding]:
    if _automated(ctx) and _true(ctx.get("donnees_sensibles")):
        yield _automated_finding(ctx, ("donnees_sensibles",), "lil.art47")


@rule(
    code="rgpd-decision-automatisee-revision-autonome", famille="rgpd", severite=Severity.ERROR,
    portee="cas_usage", reference=f"{reference('cc.2018-765')} ; {reference('lil.art47')}",
    reference_en=f"{reference('cc.2018-765', 'en')}; {reference('lil.art47', 'en')}",
    titre_fr="Décision entièrement automatisée par un algorithme qui révise lui-même ses règles",
    titre_en="Fully automated decision by an algorithm that revises its own rules",
    justification_fr="Conseil constitutionnel, décision n° 2018-765 DC : le responsable du traitement doit maîtriser "
                     "le traitement algorithmique et ses évolutions afin de pouvoir expliquer, en détail et sous "
                     "une forme intelligible, comment il a été appliqué à la personne ; ne peuvent être utilisés, "
                     "comme fondement exclusif d'une décision administrative individuelle, des algorithmes "
                     "susceptibles de réviser eux-mêmes les règles qu'ils appliquent, sans le contrôle et la "
                     "validation du responsable du traitement (loi 78-17, art. 47). " + _STATUS_FR,
    justification_en="Conseil constitutionnel, decision 2018-765 DC: the controller must master the algorithmic "
                     "processing and its changes so as to explain, in detail and in an intelligible form, how it "
                     "was applied to the person; algorithms able to revise the rules they apply by themselves, "
                     "without the controller's control and approval, may not be the sole basis of an individual "
                     "administrative decision (loi 78-17, art. 47). " + _STATUS_EN,
    message_fr="La décision est entièrement automatisée (« niveau_automatisation: decision_automatisee ») et "
               "l'algorithme révise lui-même ses règles (« revision_autonome: true ») : un tel algorithme ne peut "
               "pas fonder seul une décision administrative individuelle ({ref}){avant}.",
    message_en="The decision is fully automated (“niveau_automatisation: decision_automatisee”) and the algorithm "
               "revises its own rules (“revision_autonome: true”): such an algorithm may not be the sole basis of an "
               "individual administrative decision ({ref}){avant}.",
    aide_fr="Figez le modèle en service et faites valider chaque nouvelle version par la collectivité "
            "(« revision_autonome: false »), ou faites prendre la décision par une personne.",
    aide_en="Freeze the model in service and have the authority approve each new version (“revision_autonome: "
            "false”), or have the decision taken by a person.",
)
def decision_automatisee_revision_autonome(ctx: RecordContext) -> Iterable[Finding]:
    if _automated(ctx) and _true(ctx.get("revision_autonome")):
        yield _automated_finding(ctx, ("revision_autonome",), "cc.2018-765")


#: Where the administrative appeal against a fully automated decision comes from: an administrative decision rests
#: on art. 22(2)(b) GDPR through loi 78-17 art. 47 (art. 22(3) covers only 22(2)(a) and (c)); the appeal is required
#: by 2018-765 DC and governed by the CRPA's book IV.
_RECOURS = {"fr": f"{reference('lil.art47')} ; {reference('cc.2018-765')} ; {reference('rgpd.art22')}(2)(b) ; "
                  f"{reference('crpa.L410-1')}",
            "en": f"{reference('lil.art47', 'en')}; {reference('cc.2018-765', 'en')}; "
                  f"{reference('rgpd.art22', 'en')}(2)(b); {reference('crpa.L410-1', 'en')}"}


@rule(
    code="rgpd-decision-automatisee-sans-recours", famille="rgpd", severite=Severity.ERROR, portee="cas_usage",
    reference=_RECOURS["fr"],
    reference_en=_RECOURS['en'],
    titre_fr="Décision entièrement automatisée sans recours examiné par une personne",
    titre_en="Fully automated decision without an appeal examined by a person",
    justification_fr="Une décision administrative individuelle prise sur le seul fondement d'un traitement "
                     "automatisé n'est permise par le RGPD que parce que le droit national l'autorise avec des "
                     "garanties (RGPD, art. 22(2)(b)) : c'est la loi 78-17, art. 47. Le Conseil constitutionnel "
                     "(2018-765 DC, cons. 70) en a fait une condition : la décision doit pouvoir faire l'objet d'un "
                     "recours administratif (CRPA, art. L410-1 et suivants), et la décision prise sur ce recours ne "
                     "peut pas, elle, être entièrement automatisée. La fiche le dit dans « procedure_objection ». "
                     + _STATUS_FR,
    justification_en="An individual administrative decision taken solely on the basis of automated processing is "
                     "allowed by the GDPR only because national law authorises it with safeguards (GDPR, "
                     "Art. 22(2)(b)): that law is loi 78-17, Art. 47. The Conseil constitutionnel (2018-765 DC, "
                     "para. 70) made it a condition: the decision must be open to an administrative appeal (CRPA, "
                     "Arts. L410-1 and following), and the decision on that appeal may not itself be fully "
                     "automated. The record says so in “procedure_objection”. " + _STATUS_EN,
    message_fr="La décision est entièrement automatisée (« niveau_automatisation: decision_automatisee ») mais la "
               "fiche ne dit pas comment la contester devant une personne (« procedure_objection ») : un recours "
               "administratif, examiné par une personne, est obligatoire ({ref}){avant}.",
    message_en="The decision is fully automated (“niveau_automatisation: decision_automatisee”) but the record does "
               "not say how to contest it before a person (“procedure_objection”): an administrative appeal, "
               "examined by a person, is mandatory ({ref}){avant}.",
    aide_fr="Décrivez dans « procedure_objection » le recours administratif : à qui l'adresser, dans quel délai, et "
            "le fait qu'une personne réexamine la décision.",
    aide_en="Describe in “procedure_objection” the administrative appeal: whom to address it to, within what time, "
            "and that a person reviews the decision.",
)
def decision_automatisee_sans_recours(ctx: RecordContext) -> Iterable[Finding]:
    if _automated(ctx) and _blank(ctx.get("procedure_objection")):
        finding = _automated_finding(ctx, ("niveau_automatisation",), "lil.art47")
        finding.params["ref"] = {"fr": f"{reference('lil.art47')} ; {reference('cc.2018-765')}",
                                 "en": f"{reference('lil.art47', 'en')}; {reference('cc.2018-765', 'en')}"}
        yield finding


#: The answers the law needs before a fully automated decision can be allowed (loi 78-17, art. 47; 2018-765 DC).
_ANSWERS = ("donnees_sensibles", "revision_autonome")


@rule(
    code="rgpd-decision-automatisee-a-preciser", famille="rgpd", severite=Severity.ERROR, portee="cas_usage",
    reference=f"{reference('lil.art47')} ; {reference('cc.2018-765')}",
    reference_en=f"{reference('lil.art47', 'en')}; {reference('cc.2018-765', 'en')}",
    titre_fr="Décision entièrement automatisée : données sensibles ou révision autonome non dites",
    titre_en="Fully automated decision: sensitive data or self-revision not stated",
    justification_fr="Une décision administrative individuelle entièrement automatisée est interdite si le "
                     "traitement porte sur des données sensibles (loi 78-17, art. 47) ou si l'algorithme peut "
                     "réviser lui-même les règles qu'il applique (Conseil constitutionnel, 2018-765 DC). Tant que "
                     "la fiche ne répond pas à ces deux questions (« donnees_sensibles », « revision_autonome »), "
                     "personne ne peut dire si la décision est permise : la qualification la laisse « à préciser », "
                     "et la notice comme la mention refusent d'être utilisées en l'état. La règle lit la "
                     "qualification (`iaterr qualification`) ; elle se tait quand les décisions ne visent que des "
                     "personnes morales, que la qualification ne soumet pas à ce régime. " + _STATUS_FR + " "
                     + FORMAT_FR,
    justification_en="A fully automated individual administrative decision is prohibited if the processing "
                     "involves sensitive data (loi 78-17, art. 47) or if the algorithm can revise the rules it "
                     "applies by itself (Conseil constitutionnel, 2018-765 DC). As long as the record does not "
                     "answer both questions (“donnees_sensibles”, “revision_autonome”), nobody can tell whether the "
                     "decision is allowed: the qualification leaves it “to be specified”, and the notice and the "
                     "mention refuse to be used as they are. The rule reads the qualification (`iaterr "
                     "qualification`); it keeps silent when the decisions concern legal persons only, which the "
                     "qualification does not subject to this regime. " + _STATUS_EN + " " + FORMAT_EN,
    message_fr="La décision est entièrement automatisée (« niveau_automatisation: decision_automatisee ») mais la "
               "fiche ne dit pas {champs} : une telle décision est interdite sur des données sensibles ou par un "
               "algorithme qui révise lui-même ses règles ({ref}) ; la notice et la mention ne peuvent pas être "
               "publiées avant la réponse{avant}{format}.",
    message_en="The decision is fully automated (“niveau_automatisation: decision_automatisee”) but the record "
               "does not say {champs}: such a decision is prohibited on sensitive data or by an algorithm that "
               "revises its own rules ({ref}); the notice and the mention cannot be published before the "
               "answer{avant}{format}.",
    aide_fr="Répondez dans la fiche : « donnees_sensibles » (true si le traitement utilise des données de santé, "
            "d'origine, d'opinions, de convictions, d'appartenance syndicale, génétiques, biométriques ou sur la vie "
            "sexuelle, false sinon) et « revision_autonome » (true si l'algorithme modifie lui-même ses règles "
            "sans validation de la collectivité, false sinon).",
    aide_en="Answer in the record: “donnees_sensibles” (true if the processing uses health, origin, opinion, "
            "belief, trade-union, genetic, biometric or sex-life data, false otherwise) and “revision_autonome” "
            "(true if the algorithm changes its own rules without the authority's approval, false otherwise).",
)
def decision_automatisee_a_preciser(ctx: RecordContext) -> Iterable[Finding]:
    if not _automated(ctx) or not isinstance(ctx.data, dict):
        return
    regime = ctx.qualification.regime("rgpd-decision-automatisee")
    missing = [name for name in _ANSWERS if name in regime.champs]
    if not missing:
        return
    versions = [predates(ctx.data, CasUsage, name) for name in missing]
    finding = _automated_finding(ctx, where(ctx, *missing, "niveau_automatisation"), "lil.art47")
    finding.params.update({
        "ref": {"fr": f"{reference('lil.art47')} ; {reference('cc.2018-765')}",
                "en": f"{reference('lil.art47', 'en')}; {reference('cc.2018-765', 'en')}"},
        "champs": {"fr": _enumerated([f"« {name} »" for name in missing], "ni"),
                   "en": _enumerated([f"“{name}”" for name in missing], "or")},
        "format": format_clause(next((v for v in versions if v is not None), None)),
    })
    if all(v is not None for v in versions):  # the record's format cannot answer yet: mere information
        finding.severite = Severity.INFO
    yield finding


#: The qualification's reasons for an assisted decision that would be forbidden were the score determining, and the
#: texts each rests on.
_ASSISTED = {"qualif.art22.assistee-sensibles": ("donnees_sensibles", ("lil.art47", "rgpd.art9")),
             "qualif.art22.assistee-revision": ("revision_autonome", ("cc.2018-765",))}


@rule(
    code="rgpd-decision-assistee-a-verifier", famille="rgpd", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{reference('rgpd.art22')} ; {reference('cjue.c-634-21')} ; {reference('lil.art47')} ; "
              f"{reference('cc.2018-765')}",
    reference_en=f"{reference('rgpd.art22', 'en')}; {reference('cjue.c-634-21', 'en')}; "
                 f"{reference('lil.art47', 'en')}; {reference('cc.2018-765', 'en')}",
    titre_fr="Décision assistée sur des données sensibles ou par un algorithme qui révise ses règles",
    titre_en="Assisted decision on sensitive data or by an algorithm that revises its rules",
    justification_fr="Quand une personne prend la décision avec l'aide du traitement (« niveau_automatisation: "
                     "decision_assistee »), la décision n'est pas, en principe, entièrement automatisée. Mais le "
                     "calcul automatisé d'un score est lui-même une décision au sens de l'article 22 du RGPD quand "
                     "ce score joue un rôle déterminant dans la décision (CJUE, SCHUFA, C-634/21) : la décision "
                     "serait alors interdite si le traitement porte sur des données sensibles (RGPD, art. 22(4) ; "
                     "loi 78-17, art. 47) ou si l'algorithme révise lui-même ses règles (Conseil constitutionnel, "
                     "2018-765 DC). La règle lit la qualification (`iaterr qualification`), qui laisse ce régime "
                     "« à vérifier » et nomme ce que la fiche déclare ; c'est au service juridique de dire si la "
                     "personne qui décide suit le score ou l'examine vraiment. Silence pour un projet terminé ou "
                     "abandonné, et quand les décisions ne visent que des personnes morales.",
    justification_en="When a person takes the decision with the help of the processing (“niveau_automatisation: "
                     "decision_assistee”), the decision is not, in principle, fully automated. But the automated "
                     "calculation of a score is itself a decision within the meaning of GDPR art. 22 when that score "
                     "plays a determining role in the decision (CJEU, SCHUFA, C-634/21): the decision would then be "
                     "prohibited if the processing involves sensitive data (GDPR, Art. 22(4); loi 78-17, Art. 47) "
                     "or if the algorithm revises its own rules (Conseil constitutionnel, 2018-765 DC). The rule "
                     "reads the qualification (`iaterr qualification`), which leaves this regime “to be checked” "
                     "and names what the record declares; the legal department says whether the person who "
                     "decides follows the score or really examines it. Silent for a completed or abandoned project, "
                     "and when the decisions concern legal persons only.",
    message_fr="Une personne prend la décision avec l'aide du traitement (« niveau_automatisation: "
               "decision_assistee ») mais la fiche déclare {faits} : si le résultat du traitement joue un rôle "
               "déterminant dans la décision, celle-ci est une décision automatisée ({cjue}) et serait interdite "
               "({ref}) ; à vérifier avec le service juridique.",
    message_en="A person takes the decision with the help of the processing (“niveau_automatisation: "
               "decision_assistee”) but the record declares {faits}: if the result of the processing plays a "
               "determining role in the decision, it is an automated decision ({cjue}) and would be prohibited "
               "({ref}); to be checked with the legal department.",
    aide_fr="Décrivez dans « contribution_decision » et « supervision_humaine » ce que la personne examine au-delà "
            "du résultat et quand elle s'en écarte ; sinon retirez les données sensibles du traitement, ou figez le "
            "modèle (« revision_autonome: false »). Une fois la vérification faite, taisez la règle par un silence "
            "justifié.",
    aide_en="Describe in “contribution_decision” and “supervision_humaine” what the person examines beyond the "
            "result and when they depart from it; otherwise remove the sensitive data from the processing, or "
            "freeze the model (“revision_autonome: false”). Once checked, silence the rule with a justified "
            "silence.",
)
def decision_assistee_a_verifier(ctx: RecordContext) -> Iterable[Finding]:
    if (_code(NIVEAUX_AUTOMATISATION, ctx.get("niveau_automatisation")) != "decision_assistee"
            or not _in_progress(ctx) or not isinstance(ctx.data, dict)):
        return
    regime = ctx.qualification.regime("rgpd-decision-automatisee")
    found = [_ASSISTED[m.cle] for m in regime.motifs if m.cle in _ASSISTED]
    if not found:
        return
    codes = [code for _, refs in found for code in refs]
    yield Finding(where(ctx, "niveau_automatisation"), {
        "faits": {"fr": " et ".join(f"« {name}: true »" for name, _ in found),
                  "en": " and ".join(f"“{name}: true”" for name, _ in found)},
        "cjue": references("cjue.c-634-21"),
        "ref": {"fr": " ; ".join(reference(c) for c in codes), "en": "; ".join(reference(c, "en") for c in codes)},
    })


#: The rules of this family, in the order they are listed.
RULES = (
    aipd_requise,
    information_incomplete,
    decision_automatisee_donnees_sensibles,
    decision_automatisee_revision_autonome,
    decision_automatisee_sans_recours,
    decision_automatisee_a_preciser,
    decision_assistee_a_verifier,
)
