"""Quality: a record good enough to publish and to share with other collectivités.

This module also holds the helpers shared by the text rules of every family, which read each text
value of a record with the metadata of its field (``ctx.texts``, walked once per record by
:func:`iaterr.lint.engine.iter_texts`), so that a rule finds public, restricted or free-text fields
without a hand-written list of names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from iaterr.base.diagnostics import Severity, format_path
from iaterr.lint.engine import Finding, Fix, RecordContext, rule
from iaterr.lint.engine import iter_texts as iter_texts  # the walker, where the text rules found it
from iaterr.lint.values import code_is, excerpt
from iaterr.lint.values import is_true as truthy
from iaterr.model.introspect import FieldSpec, spec_at, specs
from iaterr.model.kinds import model_of
from iaterr.model.types import RESUME_MAX
from iaterr.model.vocab import SOUS_THEMES, STATUTS, THEMES, fold
from iaterr.repo.yamlio import position

# ---------------------------------------------------------------- reading a record's texts


def is_public(spec: FieldSpec) -> bool:
    return spec.meta.visibilite != "restreint"


def is_free_text(spec: FieldSpec) -> bool:
    """A field where people write sentences (not a code, an address, a date or a number)."""
    return spec.kind == "texte"


def field_label(model: type[BaseModel], path: tuple) -> dict[str, str]:
    """``« Titre » (chemin)`` in French and English, for messages."""
    spec = spec_at(model, path)
    where = format_path(path)
    if spec is None:
        return {"fr": where, "en": where}
    return {"fr": f"« {spec.meta.titre_fr} » ({where})", "en": f"“{spec.meta.titre_en}” ({where})"}








def _statut(ctx: RecordContext) -> str | None:
    value = ctx.get("statut")
    term = STATUTS.resolve(value) if isinstance(value, str) else None
    return term.code if term else None


def _line_of(ctx: RecordContext, *path: Any) -> int:
    return position(ctx.root, path)[0]


# ---------------------------------------------------------------- description


@rule(
    code="qualite-description-courte", famille="qualite", severite=Severity.WARNING, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : « Description du service et de ses usages » ; CRPA L312-1-3",
    reference_en="Bibliothèque d'IA territoriales: field “Description of the service and its uses”; CRPA, "
                 "Art. L312-1-3",
    titre_fr="Description trop courte", titre_en="Description too short",
    justification_fr="La description est le premier, souvent le seul, texte que lit le public et qu'une autre "
                     "collectivité parcourt : en quelques mots, elle ne dit ni à quoi sert le service, ni pour "
                     "qui, ni ce qu'il en attend. Le seuil se règle avec `lint.description_min` (80 caractères "
                     "par défaut).",
    justification_en="The description is the first, often the only, text the public reads and another authority "
                     "skims: in a few words it says neither what the service is for, nor for whom, nor what is "
                     "expected of it. The threshold is set with `lint.description_min` (80 characters by "
                     "default).",
    message_fr="Description de {longueur} caractères (minimum conseillé : {minimum}) : « {extrait} ».",
    message_en="Description of {longueur} characters (recommended minimum: {minimum}): “{extrait}”.",
    aide_fr="Dites en langage clair à quoi sert le service, pour qui, et quels bénéfices en sont attendus.",
    aide_en="Say in plain language what the service is for, for whom, and what benefits are expected.",
)
def description_courte(ctx: RecordContext) -> Iterable[Finding]:
    text = " ".join(ctx.text("description").split())
    minimum = ctx.settings.description_min
    if text and len(text) < minimum:
        yield Finding(("description",), {"longueur": len(text), "minimum": minimum, "extrait": excerpt(text)})


@rule(
    code="qualite-resume-manquant", famille="qualite", severite=Severity.INFO, portee="cas_usage",
    reference="Eurocities Algorithmic Transparency Standard 0.3.1 : « description_short » (150 caractères au "
              "plus) ; Algoritmeregister 1.0 : « description_short » (400 caractères au plus)",
    reference_en="Eurocities Algorithmic Transparency Standard 0.3.1: “description_short” (150 characters at most); "
                 "Algoritmeregister 1.0: “description_short” (400 characters at most)",
    titre_fr="Description longue sans résumé", titre_en="Long description without a summary",
    justification_fr="Les registres étrangers et les listes ne reprennent qu'une description courte (150 "
                     "caractères pour Eurocities, 400 pour le registre néerlandais) ; iaterr ne coupe jamais un "
                     "texte : sans résumé, leurs exports la signalent manquante.",
    justification_en="Foreign registers and lists only take a short description (150 characters for Eurocities, "
                     "400 for the Dutch register); iaterr never cuts a text: without a summary, their exports "
                     "report it missing.",
    message_fr="Description de {longueur} caractères sans résumé (« resume », 150 caractères au plus).",
    message_en="Description of {longueur} characters without a summary (“resume”, 150 characters at most).",
    aide_fr="Ajoutez « resume: » : le service en une phrase de 150 caractères au plus (une fiche d'un format "
            "antérieur à 1.2 passe d'abord au format actuel : `iaterr migrate`).",
    aide_en="Add “resume:”: the service in one sentence of at most 150 characters (a record of a format older "
            "than 1.2 first moves to the current format: `iaterr migrate`).",
)
def resume_manquant(ctx: RecordContext) -> Iterable[Finding]:
    text = ctx.text("description")
    if len(text) > RESUME_MAX and not ctx.text("resume"):
        yield Finding(("description",), {"longueur": len(text)})


@rule(
    code="qualite-service-responsable-manquant", famille="qualite", severite=Severity.INFO, portee="cas_usage",
    reference="Etalab, inventaire des algorithmes publics : « Service en charge » ; Eurocities Algorithmic "
              "Transparency Standard 0.3.1 : « department » ; ATRS : « team »",
    reference_en="Etalab, inventory of public algorithms: “Service en charge” (department in charge); Eurocities "
                 "Algorithmic Transparency Standard 0.3.1: “department”; ATRS: “team”",
    titre_fr="Service responsable non indiqué", titre_en="Department in charge not stated",
    justification_fr="L'inventaire recommandé par Etalab nomme le service en charge de chaque traitement, et les "
                     "standards Eurocities et ATRS le demandent (« department », « team ») : sans lui, leurs "
                     "exports le signalent manquant. C'est le service, pas une personne.",
    justification_en="The inventory Etalab recommends names the department in charge of each processing, and the "
                     "Eurocities and ATRS standards ask for it (“department”, “team”): without it, their exports "
                     "report it missing. It is a department, not a person.",
    message_fr="Aucun service responsable (« service_responsable ») : l'inventaire d'Etalab et les exports "
               "Eurocities et ATRS le demandent.",
    message_en="No department in charge (“service_responsable”): Etalab's inventory and the Eurocities and ATRS "
               "exports ask for it.",
    aide_fr="Ajoutez « service_responsable: » : la direction ou le service qui porte le traitement (pas le nom "
            "d'une personne) ; une fiche d'un format antérieur à 1.2 passe d'abord au format actuel : "
            "`iaterr migrate`.",
    aide_en="Add “service_responsable:”: the directorate or department that runs the processing (not a person's "
            "name); a record of a format older than 1.2 first moves to the current format: `iaterr migrate`.",
)
def service_responsable_manquant(ctx: RecordContext) -> Iterable[Finding]:
    if not ctx.text("service_responsable"):
        yield Finding(("nom",))


#: Where a public e-mail for a use case is read (the exports' contact): the record's address for requests,
#: then its collectivité's address for requests or its generic contact.
_CONTACTS_COLLECTIVITE = ("contact_droits", "contact")


@rule(
    code="qualite-contact-public-manquant", famille="qualite", severite=Severity.INFO, portee="cas_usage",
    reference="Etalab, inventaire des algorithmes publics : « Contact au sein de l'administration concernée » ; "
              "Eurocities 0.3.1, Algoritmeregister 1.0, ATRS : « contact_email »",
    reference_en="Etalab, inventory of public algorithms: “Contact au sein de l'administration concernée” (contact "
                 "within the administration); Eurocities 0.3.1, Algoritmeregister 1.0, ATRS: “contact_email”",
    titre_fr="Aucun contact public", titre_en="No public contact",
    justification_fr="Chaque registre donne une adresse où joindre l'administration au sujet du traitement "
                     "(« contact_email » des standards Eurocities, néerlandais et britannique ; contact de "
                     "l'inventaire d'Etalab). iaterr la prend dans la fiche (« contact_droits ») ou, à défaut, dans "
                     "celle de la collectivité (« contact_droits », puis « contact ») ; le contact du projet, "
                     "restreint, n'est jamais publié. Sans aucune, les exports la signalent manquante. La règle "
                     "vaut pour tout traitement ; pour un traitement qui fonde des décisions individuelles, "
                     "crpa-canal-demandes-manquant demande en plus où envoyer une demande.",
    justification_en="Every register gives an address where to reach the administration about the processing "
                     "(“contact_email” of the Eurocities, Dutch and UK standards; the contact of Etalab's "
                     "inventory). iaterr takes it from the record (“contact_droits”) or else from the authority's "
                     "record (“contact_droits”, then “contact”); the project contact, restricted, is never "
                     "published. Without any, the exports report it missing. The rule holds for every processing; "
                     "for one that underlies individual decisions, crpa-canal-demandes-manquant also asks where to "
                     "send a request.",
    message_fr="Aucune adresse publique pour ce traitement : ni la fiche (« contact_droits ») ni celle de la "
               "collectivité (« contact_droits », « contact ») n'en donne ; les exports vers les registres la "
               "signalent manquante.",
    message_en="No public address for this processing: neither the record (“contact_droits”) nor the authority's "
               "record (“contact_droits”, “contact”) gives one; the exports to the registers report it missing.",
    aide_fr="Renseignez une fois pour toutes, dans la fiche de la collectivité, son adresse générique "
            "(« contact ») ou celle des demandes de communication (« contact_droits ») ; ou, pour ce seul "
            "traitement, « contact_droits » dans la fiche — l'adresse d'un service, pas d'une personne.",
    aide_en="Give once and for all, in the authority's record, its generic address (“contact”) or its address for "
            "requests for communication (“contact_droits”); or, for this processing only, “contact_droits” in the "
            "record — a department's address, not a person's.",
)
def contact_public_manquant(ctx: RecordContext) -> Iterable[Finding]:
    coll = ctx.collectivite if isinstance(ctx.collectivite, dict) else {}
    if ctx.text("contact_droits") or any(isinstance(coll.get(k), str) and coll[k].strip()
                                         for k in _CONTACTS_COLLECTIVITE):
        return
    yield Finding(("nom",))


# ---------------------------------------------------------------- placeholders

_W = r"(?<![\w])"  # no word character before
_E = r"(?![\w])"  # no word character after
#: placeholders met anywhere in a text, as whole words, each with the words (lower case) one of which it
#: always contains: a text holding none of them is not searched, which is much quicker than the search
_PLACEHOLDER_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_W + r"(?:NSP|TODO|TBD|TBC|FIXME)" + _E, ("nsp", "todo", "tbd", "tbc", "fixme")),
    (_W + r"x{3,}" + _E, ("xxx",)),
    # « à compléter » ends the value or a clause: « vise à compléter la collecte » is a verb
    (_W + r"[aà] (?:compl[eé]ter|d[eé]finir|pr[eé]ciser|renseigner|remplir)(?=\s*(?:$|[.,;:!?)\]»…]|-\s))",
     ("compl", "finir", "ciser", "renseigner", "remplir")),
    (_W + r"lorem ipsum" + _E, ("lorem ipsum",)),
    (r"\?{3,}", ("???",)),
    (r"(?<![\w/])N/A(?![\w/])", ("n/a",)),
    (_W + r"idem" + _E, ("idem",)),
    (_W + r"(?:voir|cf\.?) (?:plus haut|plus bas|ci-dessus|ci-dessous)" + _E,
     ("plus haut", "plus bas", "ci-dessus", "ci-dessous")),
)
_PLACEHOLDERS = re.compile("|".join(form for form, _ in _PLACEHOLDER_FORMS), re.IGNORECASE)
_PLACEHOLDER_WORDS = tuple(word for _, words in _PLACEHOLDER_FORMS for word in words)
#: characters that IGNORECASE matches with an ASCII letter and that lower() does not turn into that letter
_OTHER_CASES = {"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"}
#: placeholders only when they are the whole value (they are ordinary words inside a sentence)
_PLACEHOLDER_VALUES = {"neant", "inconnu", "ne sait pas", "non renseigne", "non communique", "nc", "n c", "ras"}
_NOT_WORD = re.compile(r"[^\w\s]")
#: a value with more ASCII letters or digits than the longest of _PLACEHOLDER_VALUES folds to a longer text
#: (fold keeps every one of them): it is neither empty nor one of those
_TOO_LONG_TO_BE_BARE = re.compile(rf"(?:[^A-Za-z0-9]*[A-Za-z0-9]){{{max(map(len, _PLACEHOLDER_VALUES)) + 1}}}")


def _forms_held(value: str) -> tuple[int, ...]:
    """The forms of _PLACEHOLDER_FORMS whose words ``value`` holds, as IGNORECASE compares letters: the others
    cannot match."""
    if not value.isascii():
        for char, letter in _OTHER_CASES.items():
            if char in value:
                value = value.replace(char, letter)
    low = value.lower()
    for word in _PLACEHOLDER_WORDS:
        if word in low:
            return tuple(k for k, (_, words) in enumerate(_PLACEHOLDER_FORMS) if any(w in low for w in words))
    return ()


@functools.lru_cache(maxsize=64)
def _placeholders(forms: tuple[int, ...]) -> re.Pattern:
    """_PLACEHOLDERS restricted to ``forms``: the same first match when the other forms cannot match."""
    return re.compile("|".join(_PLACEHOLDER_FORMS[k][0] for k in forms), re.IGNORECASE)


def placeholder_in(value: str) -> str | None:
    """The placeholder ``value`` is or contains, or None."""
    if not _TOO_LONG_TO_BE_BARE.match(value):
        bare = fold(_NOT_WORD.sub(" ", value))
        if not bare:
            return value.strip() or None  # only punctuation: "-", "?", "…"
        if bare in _PLACEHOLDER_VALUES:
            return value.strip()
    forms = _forms_held(value)
    if not forms:
        return None
    m = _placeholders(forms).search(value)
    return m.group(0) if m else None


@rule(
    code="qualite-texte-de-remplissage", famille="qualite", severite=Severity.WARNING, portee="cas_usage",
    reference="CRPA L312-1-3 et R311-3-1-2 (informations intelligibles) ; Bibliothèque d'IA territoriales",
    reference_en="CRPA, Arts. L312-1-3 and R311-3-1-2 (intelligible information); Bibliothèque d'IA territoriales",
    titre_fr="Texte de remplissage", titre_en="Placeholder text",
    justification_fr="« NSP », « TODO », « à compléter », « xxx » ou « idem » sont des notes de travail : "
                     "publiées, elles laissent croire que le champ est renseigné alors qu'il ne l'est pas, et "
                     "une fiche qui renvoie « plus haut » n'a plus de sens une fois ses champs affichés "
                     "séparément. Un champ dont la réponse est inconnue se laisse vide : les autres règles "
                     "disent alors ce qui manque.",
    justification_en="“NSP”, “TODO”, “à compléter”, “xxx” or “idem” are working notes: once published they "
                     "suggest the field is filled in when it is not, and a record that refers “above” makes no "
                     "sense once its fields are shown separately. A field whose answer is unknown is left "
                     "empty: the other rules then say what is missing.",
    message_fr="Texte de remplissage « {texte} » dans {champ} : « {extrait} ».",
    message_en="Placeholder text “{texte}” in {champ}: “{extrait}”.",
    aide_fr="Écrivez la vraie réponse, ou retirez le champ s'il n'y en a pas encore.",
    aide_en="Write the real answer, or remove the field if there is none yet.",
)
def texte_de_remplissage(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    for path, value, spec in ctx.texts:
        if not is_free_text(spec):
            continue
        found = placeholder_in(value)
        if found:
            yield Finding(path, {"texte": excerpt(found, 30), "champ": field_label(model, path),
                                 "extrait": excerpt(value)})


# ---------------------------------------------------------------- unknown answers where the law needs one


@rule(
    code="qualite-nsp-juridique", famille="qualite", severite=Severity.WARNING, portee="cas_usage",
    reference="CRPA R311-3-1-2 (2° données traitées et leurs sources) ; RGPD art. 5(2), 30(1)(e) et 44",
    reference_en="CRPA, Art. R311-3-1-2, 2° (data processed and their sources); GDPR, Arts. 5(2), 30(1)(e) and 44",
    titre_fr="« Ne sait pas » là où la loi demande une réponse",
    titre_en="“Unknown” where the law requires an answer",
    justification_fr="Quand le traitement fonde des décisions individuelles, la personne concernée peut "
                     "demander les données traitées et leurs sources (R311-3-1-2, 2°) : « ne sait pas » n'est "
                     "pas une réponse communicable, ni pour la source, ni pour le mode de collecte, ni pour le "
                     "type d'algorithme. Et dès que des données personnelles sont traitées, le responsable de "
                     "traitement doit savoir où elles sont hébergées : son registre des traitements mentionne "
                     "les transferts hors de l'UE (RGPD, art. 30(1)(e)), encadrés par les articles 44 et "
                     "suivants, et il doit pouvoir démontrer sa conformité (art. 5(2)).",
    justification_en="When the processing underlies individual decisions, the person concerned may ask for the "
                     "data processed and their sources (R311-3-1-2, 2°): “unknown” is not a disclosable answer, "
                     "neither for the source, the collection mode nor the type of algorithm. And as soon as "
                     "personal data are processed, the controller must know where they are hosted: its record of "
                     "processing activities lists transfers outside the EU (GDPR art. 30(1)(e)), governed by "
                     "art. 44 ff., and it must be able to demonstrate compliance (art. 5(2)).",
    message_fr="« Ne sait pas » dans {champ} : {motif}.",
    message_en="“Unknown” in {champ}: {motif}.",
    aide_fr="Demandez la réponse au service ou au prestataire (le contrat, la documentation technique ou le "
            "registre des traitements du DPO la donnent souvent), puis remplacez « nsp ».",
    aide_en="Ask the department or the supplier (the contract, the technical documentation or the DPO's record "
            "of processing often has it), then replace “nsp”.",
)
def nsp_juridique(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    fields = specs(model)
    decision = {"fr": "le traitement fonde des décisions individuelles, dont les données et leurs sources sont "
                      "communicables (R311-3-1-2)",
                "en": "the processing underlies individual decisions, whose data and sources must be disclosed "
                      "(R311-3-1-2)"}
    raw = ctx.get("donnees")
    donnees = [(i, d) for i, d in enumerate(raw) if isinstance(d, dict)] if isinstance(raw, list) else []
    if truthy(ctx.get("decisions_individuelles")):
        sub = specs(fields["donnees"].submodel)
        for i, entry in donnees:
            for key in ("source", "mode_collecte"):
                if code_is(sub[key].vocab, entry.get(key), "nsp"):
                    path: tuple = ("donnees", i, key)
                    yield Finding(path, {"champ": field_label(model, path), "motif": decision})
        types = ctx.get("type_algorithme")
        for i, value in enumerate(types if isinstance(types, list) else [types]):
            if code_is(fields["type_algorithme"].vocab, value, "nsp"):
                path = ("type_algorithme", i) if isinstance(types, list) else ("type_algorithme",)
                yield Finding(path, {"champ": field_label(model, path), "motif": decision})
    if code_is(fields["hebergement"].vocab, ctx.get("hebergement"), "nsp") and any(
            truthy(d.get("personnelles")) for _, d in donnees):
        yield Finding(("hebergement",), {"champ": field_label(model, ("hebergement",)), "motif": {
            "fr": "des données personnelles sont traitées, et le responsable de traitement doit savoir où elles "
                  "sont hébergées (RGPD, art. 30 et 44)",
            "en": "personal data are processed, and the controller must know where they are hosted (GDPR "
                  "art. 30 and 44)"}})


# ---------------------------------------------------------------- missing recommended information


@rule(
    code="qualite-logo-manquant", famille="qualite", severite=Severity.INFO, portee="collectivite",
    reference="Bibliothèque d'IA territoriales : champ obligatoire « image_url » (Logo)",
    reference_en="Bibliothèque d'IA territoriales: required field “image_url” (logo)",
    titre_fr="Logo de la collectivité absent", titre_en="Authority's logo missing",
    justification_fr="La Bibliothèque d'IA territoriales exige le logo de la collectivité : ses fiches et sa "
                     "carte l'affichent, et un export sans logo y est incomplet.",
    justification_en="The Bibliothèque d'IA territoriales requires the authority's logo: its cards and map show "
                     "it, and an export without one is incomplete there.",
    message_fr="Pas de logo pour « {nom} » : la Bibliothèque d'IA territoriales l'exige.",
    message_en="No logo for “{nom}”: the Bibliothèque d'IA territoriales requires one.",
    aide_fr="Ajoutez « logo: » avec l'adresse de l'image (celle du site officiel, ou de Wikimedia Commons).",
    aide_en="Add “logo:” with the address of the image (from the official website, or Wikimedia Commons).",
)
def logo_manquant(ctx: RecordContext) -> Iterable[Finding]:
    if not ctx.text("logo"):
        yield Finding(("logo",), {"nom": ctx.text("nom") or ctx.rel})


@rule(
    code="qualite-url-informations-manquante", famille="qualite", severite=Severity.INFO, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : « URL d'information » (url_infos)",
    reference_en="Bibliothèque d'IA territoriales: “URL d'information” (url_infos)",
    titre_fr="Service déployé sans page d'information", titre_en="Deployed service without an information page",
    justification_fr="Un service en production touche des usagers ou des agents qui cherchent à en savoir "
                     "plus : une page d'information (celle du service, de la collectivité ou du fournisseur) "
                     "est ce que la Bibliothèque d'IA territoriales affiche pour aller plus loin.",
    justification_en="A service in production reaches users or staff who want to know more: an information page "
                     "(the service's, the authority's or the supplier's) is what the Bibliothèque d'IA "
                     "territoriales links to.",
    message_fr="Projet en déploiement sans page d'information (« url_informations »).",
    message_en="Deployed project without an information page (“url_informations”).",
    aide_fr="Ajoutez « url_informations: » avec l'adresse d'une page publique qui présente le service.",
    aide_en="Add “url_informations:” with the address of a public page presenting the service.",
)
def url_informations_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if _statut(ctx) == "en_deploiement" and not ctx.text("url_informations"):
        yield Finding(("url_informations",), {}, line=_line_of(ctx, "statut"))


@rule(
    code="qualite-abandon-sans-motif", famille="qualite", severite=Severity.WARNING, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : « Description d'un projet abandonné » (status_abandon)",
    reference_en="Bibliothèque d'IA territoriales: “Description d'un projet abandonné” (status_abandon)",
    titre_fr="Projet abandonné sans motif", titre_en="Abandoned project without a reason",
    justification_fr="Ce que les collectivités attendent le plus les unes des autres, ce sont les leçons des "
                     "échecs : pourquoi un projet a été arrêté (données inadaptées, coût, RGPD, adhésion des "
                     "agents…) évite à d'autres de refaire le même chemin.",
    justification_en="What authorities most want from each other are the lessons of failures: why a project was "
                     "stopped (unsuitable data, cost, GDPR, staff buy-in…) saves others from going down the same "
                     "road.",
    message_fr="Projet abandonné sans « motif_abandon ».",
    message_en="Abandoned project without “motif_abandon”.",
    aide_fr="Ajoutez « motif_abandon: » : pourquoi le projet a été arrêté et quels obstacles ont été rencontrés.",
    aide_en="Add “motif_abandon:”: why the project was stopped and which obstacles were met.",
)
def abandon_sans_motif(ctx: RecordContext) -> Iterable[Finding]:
    if _statut(ctx) == "abandonne" and not ctx.text("motif_abandon"):
        yield Finding(("motif_abandon",), {}, line=_line_of(ctx, "statut"))


@rule(
    code="qualite-fin-sans-date", famille="qualite", severite=Severity.WARNING, portee="cas_usage",
    reference="Registres de transparence algorithmique : date de fin (end_date, standard néerlandais)",
    reference_en="Algorithmic transparency registers: end date (end_date, Dutch standard)",
    titre_fr="Projet terminé ou abandonné sans date de fin", titre_en="Completed or abandoned project without an "
                                                                      "end date",
    justification_fr="Le public doit savoir depuis quand un système ne sert plus : une décision prise avant "
                     "cette date a pu l'être avec lui. Sans date de fin, on ne sait pas non plus si le projet "
                     "vient de s'arrêter ou s'il est arrêté depuis des années.",
    justification_en="The public must know since when a system is no longer used: a decision taken before that "
                     "date may have relied on it. Without an end date, one cannot tell whether the project has "
                     "just stopped or stopped years ago.",
    message_fr="Projet « {statut} » sans « date_fin ».",
    message_en="Project “{statut}” without “date_fin”.",
    aide_fr="Ajoutez « date_fin: » (AAAA, AAAA-MM ou AAAA-MM-JJ) : la date d'arrêt ou de mise hors service.",
    aide_en="Add “date_fin:” (YYYY, YYYY-MM or YYYY-MM-DD): when it stopped or was withdrawn.",
)
def fin_sans_date(ctx: RecordContext) -> Iterable[Finding]:
    statut = _statut(ctx)
    if statut in ("termine", "abandonne") and not ctx.text("date_fin"):
        label = {"fr": STATUTS.label(statut, "fr").lower(), "en": STATUTS.label(statut, "en").lower()}
        yield Finding(("date_fin",), {"statut": label}, line=_line_of(ctx, "statut"))


# ---------------------------------------------------------------- sub-themes


@rule(
    code="qualite-sous-theme-autre-theme", famille="qualite", severite=Severity.INFO, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : matrice des thèmes et sous-thèmes ; « Sous-thèmes » (un ou deux)",
    reference_en="Bibliothèque d'IA territoriales: matrix of themes and sub-themes; “Sub-themes” (one or two)",
    titre_fr="Sous-thème d'un autre thème", titre_en="Sub-theme of another theme",
    justification_fr="La matrice de la Bibliothèque range chaque sous-thème sous un thème, mais ses fiches en "
                     "combinent librement (onze des vingt-trois lignes de son export d'avril 2025) : un projet de "
                     "transition écologique peut reposer sur une plateforme de données. Ce n'est pas une erreur ; "
                     "c'est l'occasion de vérifier que le thème principal est bien celui du projet, car c'est lui "
                     "qui classe la fiche dans les registres et les filtres.",
    justification_en="The Bibliothèque's matrix files each sub-theme under one theme, but its records combine them "
                     "freely (eleven of the twenty-three rows of its April 2025 export): an ecological-transition "
                     "project may rest on a data platform. This is not an error; it is a chance to check that the "
                     "main theme is the project's, since it files the record in registers and filters.",
    message_fr="Le sous-thème « {sous_theme} » relève du thème « {parent} », pas du thème principal « {theme} ».",
    message_en="Sub-theme “{sous_theme}” belongs to theme “{parent}”, not to the main theme “{theme}”.",
    aide_fr="Rien à corriger si le projet relève bien du thème « {theme} » ; sinon, changez « theme: ».",
    aide_en="Nothing to fix if the project does belong to theme “{theme}”; otherwise change “theme:”.",
)
def sous_theme_autre_theme(ctx: RecordContext) -> Iterable[Finding]:
    raw = ctx.get("theme")
    theme = THEMES.resolve(raw) if isinstance(raw, str) else None
    subs = ctx.get("sous_themes")
    if theme is None or not isinstance(subs, list):
        return
    for index, item in enumerate(subs):
        term = SOUS_THEMES.resolve(item) if isinstance(item, str) else None
        if term is None or term.parent is None or term.parent == theme.code:
            continue
        values = {"sous_theme": {"fr": term.fr, "en": term.en},
                  "parent": {"fr": THEMES.label(term.parent, "fr"), "en": THEMES.label(term.parent, "en")},
                  "theme": {"fr": theme.fr, "en": theme.en}}
        yield Finding(("sous_themes", index), values, line=_line_of(ctx, "sous_themes", index))


# ---------------------------------------------------------------- spaces

_RUNS = re.compile(r"[ \t]{2,}")


def clean_spaces(value: str) -> str:
    """``value`` without leading or trailing whitespace and with runs of spaces collapsed."""
    return _RUNS.sub(" ", value.strip())


@rule(
    code="qualite-espaces-superflus", famille="qualite", severite=Severity.INFO, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : espaces en fin de valeur relevés dans son export",
    reference_en="Bibliothèque d'IA territoriales: trailing spaces found in its export",
    titre_fr="Espaces superflus", titre_en="Superfluous spaces",
    justification_fr="Des espaces en début ou en fin de valeur, ou doublés, viennent souvent d'un copier-coller : "
                     "ils gênent les filtres et les comparaisons de la Bibliothèque (son export en contient). "
                     "La correction automatique les retire sans toucher au reste du texte ; les textes sur "
                     "plusieurs lignes sont laissés tels quels.",
    justification_en="Spaces at the start or end of a value, or doubled, usually come from copy and paste: they "
                     "disturb the Bibliothèque's filters and comparisons (its export has some). The automatic "
                     "fix removes them without touching the rest of the text; multi-line texts are left as they "
                     "are.",
    message_fr="Espaces superflus ({quoi}) dans {champ} : « {extrait} ».",
    message_en="Superfluous spaces ({quoi}) in {champ}: “{extrait}”.",
    aide_fr="`iaterr lint --fix` retire les espaces en début et en fin de texte et réduit les espaces doublés "
            "à un seul.",
    aide_en="`iaterr lint --fix` removes leading and trailing spaces and reduces doubled spaces to one.",
    correction=True,
)
def espaces_superflus(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    for path, value, spec in ctx.texts:
        if not is_free_text(spec) or "\n" in value or not value.strip():
            continue
        if "  " not in value and "\t" not in value and value == value.strip():
            continue  # what clean_spaces() would leave as it is, seen without it
        cleaned = clean_spaces(value)
        if cleaned == value:
            continue
        quoi = []
        if value != value.strip():
            quoi.append(("en début ou en fin", "leading or trailing"))
        if _RUNS.search(value.strip()):
            quoi.append(("doublés", "doubled"))
        yield Finding(path, {"quoi": {"fr": " et ".join(q[0] for q in quoi), "en": " and ".join(q[1] for q in quoi)},
                             "champ": field_label(model, path), "extrait": _visible(value)},
                      fix=Fix(path, cleaned))


def _visible(value: str, limit: int = 60) -> str:
    """``value`` cut at ``limit`` characters, its spaces kept as they are (they are the point)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"

#: The rules of this family, in the order they are listed.
RULES = (
    description_courte,
    resume_manquant,
    service_responsable_manquant,
    contact_public_manquant,
    texte_de_remplissage,
    nsp_juridique,
    logo_manquant,
    url_informations_manquante,
    abandon_sans_motif,
    fin_sans_date,
    sous_theme_autre_theme,
    espaces_superflus,
)
