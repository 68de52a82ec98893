"""Transparency of public algorithms (CRPA): what a processing that takes or prepares
individual decisions must tell the people concerned and publish.

The rules read the raw record: scalars are text as written ("true", "oui", "1200"),
codes may be labels or aliases, and a record with validation errors may hold odd
types. The helpers of :mod:`iaterr.lint.values` read all of that without failing.
"""

from __future__ import annotations

from collections.abc import Iterable

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, rule
from iaterr.lint.rules.rgpd import over
from iaterr.lint.values import (
    as_int as _int,
)
from iaterr.lint.values import (
    code_of as _code,
)
from iaterr.lint.values import (
    decides as _decisions,
)
from iaterr.lint.values import (
    entries as _entries,
)
from iaterr.lint.values import (
    finding_at as _at,
)
from iaterr.lint.values import (
    is_blank as _blank,
)
from iaterr.lint.values import (
    is_false as _false,
)
from iaterr.lint.values import (
    label as _label,
)
from iaterr.model.droit import reference, references, texte
from iaterr.model.qualification import in_service
from iaterr.model.vocab import NIVEAUX_AUTOMATISATION, STATUTS

# ---------------------------------------------------------------- the mention explicite (R311-3-1-1)


@rule(
    code="crpa-finalite-manquante", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference="CRPA L311-3-1 et R311-3-1-1 (finalité)",
    reference_en=f"{reference('crpa.L311-3-1', 'en')}; {reference('crpa.R311-3-1-1', 'en')} (purpose)",
    titre_fr="Finalité du traitement absente", titre_en="Purpose of the processing missing",
    justification_fr="Une décision individuelle prise sur le fondement d'un traitement algorithmique comporte une "
                     "mention explicite qui en informe la personne (CRPA L311-3-1). Cette mention indique d'abord "
                     "la finalité poursuivie par le traitement (R311-3-1-1) ; elle figure en ligne et sur les "
                     "documents qui notifient la décision. Sans finalité écrite, ni la mention explicite ni les "
                     "règles publiées ne peuvent être rédigées. Pour une décision entièrement automatisée, "
                     "l'absence de mention explicite rend la décision nulle (loi 78-17, art. 47).",
    justification_en="An individual decision taken on the basis of an algorithmic processing carries an explicit "
                     "mention that tells the person so (CRPA L311-3-1). The mention first states the purpose of "
                     "the processing (R311-3-1-1); it appears online and on the documents notifying the decision. "
                     "Without a written purpose, neither the explicit mention nor the published rules can be "
                     "drafted. For a fully automated decision, a missing explicit mention makes the decision void "
                     "(loi 78-17, art. 47).",
    message_fr="Le traitement fonde ou prépare des décisions individuelles, mais sa finalité n'est pas renseignée "
               "(« finalite ») : c'est le premier élément de la mention explicite due à chaque personne "
               "(R311-3-1-1).",
    message_en="The processing underlies or prepares individual decisions, but its purpose is not given "
               "(“finalite”): it is the first item of the explicit mention owed to every person (R311-3-1-1).",
    aide_fr="Écrivez dans « finalite », en une ou deux phrases claires, le but poursuivi par le traitement — par "
            "exemple : « Attribuer les places en crèche selon les critères votés par le conseil municipal. »",
    aide_en="Write in “finalite”, in one or two plain sentences, the aim pursued by the processing — for example: "
            "“Allocate nursery places according to the criteria voted by the town council.”",
)
def finalite_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if _decisions(ctx) and _blank(ctx.get("finalite")):
        yield _at(ctx, ("finalite", "decisions_individuelles"))


# ---------------------------------------------------------------- what is communicated on request (R311-3-1-2)


@rule(
    code="crpa-contribution-manquante", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference="CRPA R311-3-1-2, 1°",
    reference_en=f"{reference('crpa.R311-3-1-2', 'en')}, 1°",
    titre_fr="Contribution du traitement à la décision non décrite",
    titre_en="Contribution of the processing to the decision not described",
    justification_fr="À la personne qui fait l'objet d'une décision individuelle fondée sur un traitement "
                     "algorithmique et qui le demande, l'administration communique, sous une forme intelligible, "
                     "le degré et le mode de contribution du traitement à la décision (R311-3-1-2, 1°) : à quel "
                     "moment il intervient, ce qu'il produit, et ce qu'une personne en fait. Le silence gardé un "
                     "mois vaut refus et ouvre deux mois pour saisir la CADA : la réponse doit être prête. Pour un "
                     "système d'IA à haut risque, l'article 86 du règlement sur l'IA demande aussi d'expliquer le "
                     "rôle du système dans la décision.",
    justification_en="To a person subject to an individual decision based on an algorithmic processing who asks "
                     "for it, the administration discloses, in an intelligible form, the degree and mode of "
                     "contribution of the processing to the decision (R311-3-1-2, 1°): when it intervenes, what it "
                     "produces and what a person does with it. Silence for one month is a refusal and opens two "
                     "months to refer to the CADA: the answer must be ready. For a high-risk AI system, article 86 "
                     "of the AI Act also requires explaining the role of the system in the decision.",
    message_fr="Le degré et le mode de contribution du traitement à la décision ne sont pas décrits "
               "(« contribution_decision ») : c'est la première information due à toute personne qui la demande "
               "(R311-3-1-2, 1°).",
    message_en="The degree and mode of contribution of the processing to the decision are not described "
               "(“contribution_decision”): it is the first item owed to any person who asks (R311-3-1-2, 1°).",
    aide_fr="Décrivez dans « contribution_decision » à quel moment le traitement intervient, ce qu'il produit (un "
            "score, un classement, une proposition) et qui décide — par exemple : « Le score classe les demandes ; "
            "la commission examine chaque dossier et décide. »",
    aide_en="Describe in “contribution_decision” when the processing intervenes, what it produces (a score, a "
            "ranking, a proposal) and who decides — for example: “The score ranks the applications; the committee "
            "examines each file and decides.”",
)
def contribution_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if _decisions(ctx) and _blank(ctx.get("contribution_decision")):
        yield _at(ctx, ("contribution_decision", "decisions_individuelles"))


@rule(
    code="crpa-automatisation-manquante", famille="transparence", severite=Severity.WARNING, portee="cas_usage",
    reference="CRPA R311-3-1-2, 1° ; loi 78-17, art. 47",
    reference_en=f"{reference('crpa.R311-3-1-2', 'en')}, 1°; {reference('lil.art47', 'en')}",
    titre_fr="Niveau d'automatisation absent ou contradictoire",
    titre_en="Level of automation missing or contradictory",
    justification_fr="Le degré de contribution du traitement à la décision est la première information à "
                     "communiquer (R311-3-1-2, 1°) et Etalab en fait un champ de son inventaire (niveau "
                     "d'automatisation de la décision). Il emporte des conséquences juridiques : une décision "
                     "prise sur le seul fondement d'un traitement automatisé n'est permise que dans les "
                     "conditions de l'article 47 de la loi Informatique et Libertés (mention explicite à peine de "
                     "nullité, pas de données sensibles, recours administratifs examinés par une personne). "
                     "« sans_decision » alors que la fiche déclare des décisions individuelles est une "
                     "contradiction : l'une des deux réponses est fausse.",
    justification_en="The degree of contribution of the processing to the decision is the first item to disclose "
                     "(R311-3-1-2, 1°) and a field of Etalab's inventory (level of automation of the decision). It "
                     "has legal consequences: a decision based solely on automated processing is allowed only on "
                     "the terms of article 47 of the loi Informatique et Libertés (explicit mention on pain of "
                     "nullity, no sensitive data, administrative appeals examined by a person). “sans_decision” "
                     "while the record declares individual decisions is a contradiction: one of the two answers "
                     "is wrong.",
    message_fr="Le traitement fonde ou prépare des décisions individuelles, mais {probleme} : le public doit savoir "
               "si une personne décide ou si l'algorithme décide seul.",
    message_en="The processing underlies or prepares individual decisions, but {probleme}: the public must know "
               "whether a person decides or the algorithm decides alone.",
    aide_fr="Indiquez dans « niveau_automatisation » : aide_decision (une personne décide), decision_assistee "
            "(décision préparée par l'algorithme et validée par une personne) ou decision_automatisee "
            "(l'algorithme décide seul). Si le traitement ne prépare aucune décision individuelle, corrigez "
            "plutôt « decisions_individuelles: false ».",
    aide_en="Set “niveau_automatisation” to aide_decision (a person decides), decision_assistee (decision prepared "
            "by the algorithm and confirmed by a person) or decision_automatisee (the algorithm decides alone). If "
            "the processing prepares no individual decision, set “decisions_individuelles: false” instead.",
)
def automatisation_manquante(ctx: RecordContext) -> Iterable[Finding]:
    if not _decisions(ctx):
        return
    value = ctx.get("niveau_automatisation")
    if _blank(value):
        yield _at(ctx, ("niveau_automatisation", "decisions_individuelles"), {"probleme": {
            "fr": "son niveau d'automatisation n'est pas renseigné (« niveau_automatisation »)",
            "en": "its level of automation is not given (“niveau_automatisation”)"}})
    elif _code(NIVEAUX_AUTOMATISATION, value) == "sans_decision":
        yield Finding(("niveau_automatisation",), {"probleme": {
            "fr": "son niveau d'automatisation dit qu'il ne prend aucune décision (« sans_decision »)",
            "en": "its level of automation says it takes no decision (“sans_decision”)"}})


@rule(
    code="crpa-donnees-manquantes", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference="CRPA R311-3-1-2, 2°",
    reference_en=f"{reference('crpa.R311-3-1-2', 'en')}, 2°",
    titre_fr="Données traitées ou leurs sources non décrites", titre_en="Data processed or their sources not described",
    justification_fr="Toute personne qui fait l'objet d'une décision individuelle fondée sur un traitement "
                     "algorithmique peut obtenir les données traitées et leurs sources (R311-3-1-2, 2°). Etalab "
                     "recommande de les inventorier une par une, avec leur source et leur mode de collecte. "
                     "L'administration doit savoir d'où viennent les données sur lesquelles elle décide : pour des "
                     "données personnelles qui ne viennent pas de la personne, le RGPD l'oblige déjà à en indiquer "
                     "la source (art. 14(2)(f)). Une source déclarée inconnue (« nsp ») est signalée par "
                     "qualite-nsp-juridique.",
    justification_en="Any person subject to an individual decision based on an algorithmic processing can obtain "
                     "the data processed and their sources (R311-3-1-2, 2°). Etalab recommends listing them one by "
                     "one, with their source and collection mode. The administration must know where the data it "
                     "decides on come from: for personal data not obtained from the person, the GDPR already "
                     "requires stating their source (art. 14(2)(f)). A source declared unknown (“nsp”) is "
                     "reported by qualite-nsp-juridique.",
    message_fr="Données traitées incomplètes : {detail}. Les données et leurs sources sont communicables à toute "
               "personne concernée par une décision (R311-3-1-2, 2°).",
    message_en="Data processed incomplete: {detail}. The data and their sources must be disclosed to any person "
               "subject to a decision (R311-3-1-2, 2°).",
    aide_fr="Décrivez dans « donnees » une entrée par source, avec « nom » (quelles données), « source » (usager, "
            "interne, open_data ou tiers) et, pour des données d'un tiers, « fournisseur ».",
    aide_en="List in “donnees” one entry per source, with “nom” (which data), “source” (usager, interne, "
            "open_data or tiers) and, for third-party data, “fournisseur”.",
)
def donnees_manquantes(ctx: RecordContext) -> Iterable[Finding]:
    if not _decisions(ctx):
        return
    value = ctx.get("donnees")
    if _blank(value):
        yield _at(ctx, ("donnees", "decisions_individuelles"), {"detail": {
            "fr": "aucune donnée traitée n'est décrite (« donnees »)",
            "en": "no data processed are described (“donnees”)"}})
        return
    for i, entry in _entries(value):
        raw_nom = entry.get("nom")
        nom = raw_nom.strip() if isinstance(raw_nom, str) else f"donnees[{i}]"
        source = entry.get("source")
        # an unknown source ("nsp") is reported by qualite-nsp-juridique
        if _blank(source):
            yield Finding(("donnees", i), {"detail": {
                "fr": f"la source des données « {nom} » n'est pas indiquée (« source »)",
                "en": f"the source of the data “{nom}” is not given (“source”)"}})


@rule(
    code="crpa-parametres-manquants", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference="CRPA R311-3-1-2, 3°",
    reference_en=f"{reference('crpa.R311-3-1-2', 'en')}, 3°",
    titre_fr="Paramètres du traitement non décrits", titre_en="Parameters of the processing not described",
    justification_fr="À la personne qui le demande, l'administration communique les paramètres du traitement et, le "
                     "cas échéant, leur pondération, appliqués à sa situation (R311-3-1-2, 3°). Sans liste des "
                     "paramètres, elle ne peut pas répondre dans le délai d'un mois. Pour un modèle appris, "
                     "décrivez les variables d'entrée et leur influence sur le résultat ; pour un système d'IA à "
                     "haut risque, l'article 86 du règlement sur l'IA demande aussi d'expliquer les principaux "
                     "éléments de la décision.",
    justification_en="To the person who asks, the administration discloses the parameters of the processing and, "
                     "where relevant, their weighting, applied to that person's situation (R311-3-1-2, 3°). "
                     "Without a list of parameters it cannot answer within one month. For a learned model, describe "
                     "the input variables and their influence on the result; for a high-risk AI system, article 86 "
                     "of the AI Act also requires explaining the main elements of the decision.",
    message_fr="Les paramètres du traitement et leur pondération ne sont pas décrits (« parametres ») : ils sont "
               "communicables, appliqués à la situation de la personne (R311-3-1-2, 3°).",
    message_en="The parameters of the processing and their weighting are not described (“parametres”): they must "
               "be disclosed, applied to the person's situation (R311-3-1-2, 3°).",
    aide_fr="Ajoutez à « parametres » une entrée par paramètre ou critère, avec « nom », « description » (comment "
            "il s'applique à la situation d'une personne) et, s'il y en a une, « ponderation ».",
    aide_en="Add to “parametres” one entry per parameter or criterion, with “nom”, “description” (how it applies "
            "to a person's situation) and, if there is one, “ponderation”.",
)
def parametres_manquants(ctx: RecordContext) -> Iterable[Finding]:
    if _decisions(ctx) and _blank(ctx.get("parametres")):
        yield _at(ctx, ("parametres", "decisions_individuelles"))


@rule(
    code="crpa-operations-manquantes", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference="CRPA R311-3-1-2, 4°",
    reference_en=f"{reference('crpa.R311-3-1-2', 'en')}, 4°",
    titre_fr="Opérations du traitement non décrites", titre_en="Operations of the processing not described",
    justification_fr="À la personne qui le demande, l'administration communique les opérations effectuées par le "
                     "traitement (R311-3-1-2, 4°), sous une forme intelligible et sous réserve des secrets protégés "
                     "par la loi. Une description en langage clair, préparée à l'avance, est aussi ce que publient "
                     "les registres (Etalab : opérations effectuées par l'algorithme).",
    justification_en="To the person who asks, the administration discloses the operations carried out by the "
                     "processing (R311-3-1-2, 4°), in an intelligible form and subject to secrets protected by "
                     "law. A plain-language description prepared in advance is also what registers publish "
                     "(Etalab: operations carried out by the algorithm).",
    message_fr="Les opérations effectuées par le traitement ne sont pas décrites (« operations ») : elles sont "
               "communicables à toute personne concernée par une décision (R311-3-1-2, 4°).",
    message_en="The operations carried out by the processing are not described (“operations”): they must be "
               "disclosed to any person subject to a decision (R311-3-1-2, 4°).",
    aide_fr="Décrivez dans « operations », en langage clair, les étapes du traitement : ce qu'il calcule, dans quel "
            "ordre, et ce qu'il produit (un score, un classement, une alerte).",
    aide_en="Describe in “operations”, in plain language, the steps of the processing: what it computes, in which "
            "order, and what it produces (a score, a ranking, an alert).",
)
def operations_manquantes(ctx: RecordContext) -> Iterable[Finding]:
    if _decisions(ctx) and _blank(ctx.get("operations")):
        yield _at(ctx, ("operations", "decisions_individuelles"))


@rule(
    code="crpa-exercice-droits-manquant", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference=reference("crpa.R311-3-1-1"),
    reference_en=reference('crpa.R311-3-1-1', 'en'),
    titre_fr="Exercice du droit d'obtenir les règles non indiqué",
    titre_en="How to exercise the right to obtain the rules not stated",
    justification_fr="La mention explicite rappelle à la personne son droit d'obtenir la communication des règles "
                     "définissant le traitement et des principales caractéristiques de sa mise en œuvre, ainsi que "
                     "les modalités d'exercice de ce droit et, le cas échéant, de saisine de la CADA (R311-3-1-1). "
                     "Le silence gardé un mois vaut refus ; la personne a alors deux mois pour saisir la CADA. "
                     "iaterr se contente de l'une des deux : la manière d'exercer ce droit (« exercice_droits ») ou "
                     "une adresse où envoyer la demande (« contact_droits » de la fiche ; « contact_droits », "
                     "« formulaire_demandes » ou « adresse_postale » de la collectivité) ; la mention publiée, "
                     "elle, doit donner les deux (voir crpa-canal-demandes-manquant).",
    justification_en="The explicit mention reminds the person of the right to obtain the rules defining the "
                     "processing and the main features of its implementation, of how to exercise that right and, "
                     "where relevant, how to refer the matter to the CADA (R311-3-1-1). Silence for one month is a "
                     "refusal; the person then has two months to refer to the CADA. iaterr is content with "
                     "either: how to exercise that right (“exercice_droits”) or an address to send the request to "
                     "(“contact_droits” of the record; “contact_droits”, “formulaire_demandes” or “adresse_postale” "
                     "of the authority); the published mention must give both (see crpa-canal-demandes-manquant).",
    message_fr="Rien n'indique comment une personne obtient les règles du traitement ni à qui s'adresser : ni "
               "« exercice_droits » ni « contact_droits » (dans la fiche ou dans celle de la collectivité, qui ne "
               "donne pas non plus « formulaire_demandes » ou « adresse_postale »).",
    message_en="Nothing says how a person obtains the rules of the processing or whom to ask: neither "
               "“exercice_droits” nor “contact_droits” (in the record or in the authority's record, which gives no "
               "“formulaire_demandes” or “adresse_postale” either).",
    aide_fr="Écrivez dans « exercice_droits » comment demander les règles du traitement, et rappelez que sans "
            "réponse sous un mois la CADA peut être saisie dans les deux mois ; donnez l'adresse d'un service dans "
            "« contact_droits » (ou une fois pour toutes dans la fiche de la collectivité).",
    aide_en="Write in “exercice_droits” how to ask for the rules of the processing, and recall that without an "
            "answer within one month the CADA can be referred to within two months; give a department's address "
            "in “contact_droits” (or once and for all in the authority's record).",
)
def exercice_droits_manquant(ctx: RecordContext) -> Iterable[Finding]:
    if _decisions(ctx) and _blank(ctx.get("exercice_droits")) and not request_channel(ctx):
        yield _at(ctx, ("exercice_droits", "contact_droits", "decisions_individuelles"))


#: Where a request for the rules can be sent: the use case's own address, or its collectivité's.
_CANAUX_CAS = ("contact_droits",)
_CANAUX_COLLECTIVITE = ("contact_droits", "formulaire_demandes", "adresse_postale")


def request_channel(ctx: RecordContext) -> bool:
    """The use case or its collectivité says where to send a request (an e-mail, a form or a postal address)."""
    coll = ctx.collectivite if isinstance(ctx.collectivite, dict) else {}
    return (any(not _blank(ctx.get(name)) for name in _CANAUX_CAS)
            or any(not _blank(coll.get(name)) for name in _CANAUX_COLLECTIVITE))


@rule(
    code="crpa-canal-demandes-manquant", famille="transparence", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{reference('crpa.R311-3-1-1')} ; {reference('crpa.R311-12-R311-13')}",
    reference_en=f"{reference('crpa.R311-3-1-1', 'en')}; {reference('crpa.R311-12-R311-13', 'en')}",
    titre_fr="Aucune adresse où envoyer une demande", titre_en="No address to send a request to",
    justification_fr="La mention explicite précise les modalités d'exercice du droit d'obtenir les règles du "
                     "traitement (R311-3-1-1) : une personne doit savoir où envoyer sa demande, à l'administration "
                     "ou à sa personne responsable de l'accès aux documents administratifs (PRADA) — pas au délégué "
                     "à la protection des données, qui traite les droits sur les données personnelles. C'est aussi "
                     "la réception de la demande qui fait courir le délai d'un mois au-delà duquel le silence vaut "
                     "refus (R311-12, R311-13). La notice et la mention d'iaterr prennent cette adresse dans la "
                     "fiche (« contact_droits ») ou dans celle de la collectivité (« contact_droits », "
                     "« formulaire_demandes », « adresse_postale ») : sans aucune des deux, elles ne peuvent pas "
                     "dire où écrire. La règle joue pour un traitement qui fonde ou prépare des décisions "
                     "individuelles et dont la fiche décrit l'exercice des droits ; quand ni l'un ni l'autre n'est "
                     "donné, crpa-exercice-droits-manquant le signale déjà.",
    justification_en="The explicit mention says how to exercise the right to obtain the rules of the processing "
                     "(R311-3-1-1): a person must know where to send the request, to the administration or its "
                     "person responsible for access to administrative documents (PRADA) — not to the data "
                     "protection officer, who handles rights over personal data. Receipt of the request is also "
                     "what starts the one-month period after which silence is a refusal (R311-12, R311-13). iaterr's "
                     "notice and mention take that address from the record (“contact_droits”) or from the "
                     "authority's record (“contact_droits”, “formulaire_demandes”, “adresse_postale”): without "
                     "either, they cannot say where to write. The rule fires for a processing that underlies or "
                     "prepares individual decisions and whose record describes how to exercise one's rights; when "
                     "neither is given, crpa-exercice-droits-manquant already reports it.",
    message_fr="Ni la fiche (« contact_droits ») ni celle de la collectivité (« contact_droits », "
               "« formulaire_demandes », « adresse_postale ») ne disent où envoyer une demande : la notice et la "
               "mention explicite ne peuvent pas l'indiquer (R311-3-1-1).",
    message_en="Neither the record (“contact_droits”) nor the authority's record (“contact_droits”, "
               "“formulaire_demandes”, “adresse_postale”) says where to send a request: the notice and the explicit "
               "mention cannot tell (R311-3-1-1).",
    aide_fr="Renseignez une fois pour toutes, dans la fiche de la collectivité, l'adresse électronique de "
            "l'administration ou de sa PRADA (« contact_droits »), son formulaire en ligne (« formulaire_demandes ») "
            "ou son adresse postale (« adresse_postale ») ; ou, pour ce seul traitement, « contact_droits » dans la "
            "fiche.",
    aide_en="Give once and for all, in the authority's record, the e-mail address of the administration or its "
            "PRADA (“contact_droits”), its online form (“formulaire_demandes”) or its postal address "
            "(“adresse_postale”); or, for this processing only, “contact_droits” in the record.",
)
def canal_demandes_manquant(ctx: RecordContext) -> Iterable[Finding]:
    if _decisions(ctx) and not _blank(ctx.get("exercice_droits")) and not request_channel(ctx):
        yield _at(ctx, ("exercice_droits", "decisions_individuelles"))


# ---------------------------------------------------------------- online publication (L312-1-3)

#: Below this headcount (full-time equivalent), online publication of the rules is not required.
SEUIL_AGENTS = 50
_D312 = reference("crpa.D312-1-4")
_D312_SOURCE = texte("crpa.D312-1-4").source


@rule(
    code="crpa-regles-non-publiees", famille="transparence", severite=Severity.WARNING, portee="cas_usage",
    reference=f"{reference('crpa.L312-1-3')} ; {_D312} (seuil de 50 agents)",
    reference_en=f"{reference('crpa.L312-1-3', 'en')}; {reference('crpa.D312-1-4', 'en')} (50-staff threshold)",
    titre_fr="Règles du traitement non publiées en ligne", titre_en="Rules of the processing not published online",
    justification_fr="Sous réserve des secrets protégés par la loi, les administrations publient en ligne les règles "
                     "définissant les principaux traitements algorithmiques utilisés dans l'accomplissement de leurs "
                     "missions lorsqu'ils fondent des décisions individuelles (L312-1-3). En sont dispensées les "
                     "personnes morales de moins de 50 agents ou salariés en équivalent temps plein : le seuil est "
                     f"fixé par décret ({_D312}, {_D312_SOURCE}). iaterr se tait quand la "
                     "fiche de la collectivité déclare « nombre_agents » inférieur à 50, et signale l'absence de "
                     "publication quand l'effectif n'est pas connu. La dispense ne touche ni la mention explicite "
                     "(L311-3-1) ni la communication des règles sur demande (R311-3-1-2). Si ce traitement n'est pas "
                     "l'un des « principaux » de la collectivité, dites-le par un silence justifié. La règle se tait "
                     "pour un projet terminé ou abandonné : il ne fonde plus de décisions.",
    justification_en="Subject to secrets protected by law, administrations publish online the rules defining the main "
                     "algorithmic processings used in carrying out their tasks when they underlie individual decisions "
                     "(L312-1-3). Legal persons with fewer than 50 staff in full-time equivalent are exempt: the "
                     f"threshold is set by decree ({reference('crpa.D312-1-4', 'en')}, {_D312_SOURCE}). iaterr keeps "
                     "silent "
                     "when the authority's record declares “nombre_agents” below 50, and reports the missing "
                     "publication when the headcount is unknown. The exemption affects neither the explicit mention "
                     "(L311-3-1) nor disclosure of the rules on request (R311-3-1-2). If this processing is not one of "
                     "the authority's “main” ones, say so with a justified silence. The rule keeps silent for a "
                     "completed or abandoned project: it no longer underlies decisions.",
    message_fr="Les règles du traitement ne sont pas publiées en ligne (« url_regles_publiees » absent ; {effectif}) : "
               "une administration de 50 agents ou plus publie les règles des principaux traitements qui fondent "
               "des décisions individuelles (L312-1-3).",
    message_en="The rules of the processing are not published online (“url_regles_publiees” missing; {effectif}): "
               "an administration with 50 staff or more publishes the rules of the main processings underlying "
               "individual decisions (L312-1-3).",
    aide_fr="Publiez les règles du traitement (finalité, contribution à la décision, données et sources, paramètres "
            "et pondération, opérations) sur le site de la collectivité et indiquez l'adresse de la page dans "
            "« url_regles_publiees ». Si la collectivité compte moins de 50 agents, renseignez « nombre_agents » "
            "dans sa fiche.",
    aide_en="Publish the rules of the processing (purpose, contribution to the decision, data and sources, "
            "parameters and weighting, operations) on the authority's website and give the page's address in "
            "“url_regles_publiees”. If the authority has fewer than 50 staff, fill in “nombre_agents” in its "
            "record.",
)
def regles_non_publiees(ctx: RecordContext) -> Iterable[Finding]:
    if not _decisions(ctx) or not _blank(ctx.get("url_regles_publiees")) or over(ctx):
        return
    coll = ctx.collectivite if isinstance(ctx.collectivite, dict) else None
    agents = _int(coll.get("nombre_agents")) if coll else None
    if agents is not None and agents < SEUIL_AGENTS:
        return
    if agents is None:
        effectif = {"fr": "effectif de la collectivité inconnu (« nombre_agents »)",
                    "en": "the authority's headcount is unknown (“nombre_agents”)"}
    else:
        effectif = {"fr": f"la collectivité déclare {agents} agents", "en": f"the authority declares {agents} staff"}
    yield _at(ctx, ("url_regles_publiees", "decisions_individuelles"), {"effectif": effectif})


# ---------------------------------------------------------------- does the law apply? (L311-3-1)


@rule(
    code="crpa-decisions-non-renseignees", famille="transparence", severite=Severity.WARNING, portee="cas_usage",
    reference="CRPA L311-3-1",
    reference_en=reference('crpa.L311-3-1', 'en'),
    titre_fr="Décisions individuelles : question sans réponse", titre_en="Individual decisions: question unanswered",
    justification_fr="Les obligations du CRPA — mention explicite (L311-3-1), communication des règles sur demande "
                     "(R311-3-1-2), publication en ligne (L312-1-3) — ne visent que les traitements qui fondent "
                     "des décisions individuelles. Tant que « decisions_individuelles » n'a pas de réponse, iaterr "
                     "ne peut ni les vérifier ni les écarter ; pour un projet en expérimentation ou en service, la "
                     "réponse doit être connue. Etalab en retient une lecture large : il suffit que le traitement "
                     "fonde la décision, même en partie et même si une personne la prend.",
    justification_en="The CRPA duties — explicit mention (L311-3-1), disclosure of the rules on request "
                     "(R311-3-1-2), online publication (L312-1-3) — only concern processings that underlie "
                     "individual decisions. As long as “decisions_individuelles” is unanswered, iaterr can neither "
                     "check nor rule them out; for a project being piloted or in service, the answer must be known. "
                     "Etalab reads it broadly: it is enough that the processing underlies the decision, even in "
                     "part and even when a person takes it.",
    message_fr="Le projet a le statut « {statut} » mais la fiche ne dit pas s'il fonde ou prépare des décisions "
               "individuelles (« decisions_individuelles ») : iaterr ne peut pas vérifier les obligations de "
               "transparence (L311-3-1).",
    message_en="The project's status is “{statut}” but the record does not say whether it underlies or prepares "
               "individual decisions (“decisions_individuelles”): iaterr cannot check the transparency duties "
               "(L311-3-1).",
    aide_fr="Répondez dans « decisions_individuelles » : true si le traitement fonde ou prépare une décision qui "
            "concerne une personne (une aide, une place, une autorisation, une sanction…), false sinon.",
    aide_en="Answer in “decisions_individuelles”: true if the processing underlies or prepares a decision about a "
            "person (a benefit, a place, a permit, a penalty…), false otherwise.",
)
def decisions_non_renseignees(ctx: RecordContext) -> Iterable[Finding]:
    if not _blank(ctx.get("decisions_individuelles")):
        return
    statut = _code(STATUTS, ctx.get("statut"))
    if statut is not None and in_service(statut):
        yield Finding(("statut",), {"statut": _label(STATUTS, statut)})


# ---------------------------------------------------------------- fully automated decisions (loi 78-17, art. 47)


@rule(
    code="crpa-automatisation-sans-mention", famille="transparence", severite=Severity.ERROR, portee="cas_usage",
    reference="Loi 78-17, art. 47 ; CRPA L311-3-1",
    reference_en=f"{reference('lil.art47', 'en')}; {reference('crpa.L311-3-1', 'en')}",
    titre_fr="Décision entièrement automatisée sans mention explicite",
    titre_en="Fully automated decision without explicit mention",
    justification_fr="Loi Informatique et Libertés, art. 47 : une décision administrative individuelle ne peut être "
                     "prise sur le seul fondement d'un traitement automatisé que dans le respect de l'article "
                     "L311-3-1 du CRPA et si le traitement ne porte pas sur des données sensibles ; elle comporte, "
                     "à peine de nullité, la mention explicite. Le responsable du traitement doit maîtriser le "
                     "traitement et ses évolutions pour pouvoir expliquer en détail, sous une forme intelligible, "
                     "comment il a été appliqué à la personne ; un algorithme susceptible de réviser lui-même ses "
                     "règles ne peut pas fonder seul une décision (Conseil constitutionnel, 2018-765 DC), et une "
                     "décision sur recours administratif ne peut pas être entièrement automatisée. iaterr demande au "
                     "moins ce dont la mention a besoin pour dire comment obtenir les règles : la manière d'exercer "
                     "ses droits (« exercice_droits »), une adresse où envoyer la demande (« contact_droits » de la "
                     "fiche ; « contact_droits », « formulaire_demandes » ou « adresse_postale » de la collectivité, "
                     "comme crpa-exercice-droits-manquant) ou les règles publiées (« url_regles_publiees »). La "
                     "règle joue dès que le niveau est « decision_automatisee », sauf si la fiche déclare "
                     "« decisions_individuelles: false ».",
    justification_en="Loi Informatique et Libertés, art. 47: an individual administrative decision may be taken "
                     "solely on the basis of automated processing only in compliance with article L311-3-1 of the "
                     "CRPA and if the processing involves no sensitive data; it carries, on pain of nullity, the "
                     "explicit mention. The controller must master the processing and its changes so as to explain "
                     "in detail, in an intelligible form, how it was applied to the person; an algorithm able to "
                     "revise its own rules cannot be the sole basis of a decision (Conseil constitutionnel, "
                     "2018-765 DC), and a decision on an administrative appeal cannot be fully automated. iaterr "
                     "asks at least for what the mention needs to say how to obtain the rules: how to exercise "
                     "one's rights (“exercice_droits”), an address to send the request to (“contact_droits” of the "
                     "record; “contact_droits”, “formulaire_demandes” or “adresse_postale” of the authority, as "
                     "crpa-exercice-droits-manquant does) or the published rules (“url_regles_publiees”). The rule "
                     "applies as soon as the level is “decision_automatisee”, unless the record declares "
                     "“decisions_individuelles: false”.",
    message_fr="La décision est entièrement automatisée (« decision_automatisee ») mais ni la fiche ni celle de la "
               "collectivité ne disent comment exercer ses droits (« exercice_droits »), où envoyer une demande "
               "(« contact_droits », « formulaire_demandes », « adresse_postale ») ou où les règles sont publiées "
               "(« url_regles_publiees ») : sans mention explicite, une telle décision est nulle ({ref}).",
    message_en="The decision is fully automated (“decision_automatisee”) but neither the record nor the "
               "authority's record says how to exercise one's rights (“exercice_droits”), where to send a request "
               "(“contact_droits”, “formulaire_demandes”, “adresse_postale”) or where the rules are published "
               "(“url_regles_publiees”): without the explicit mention, such a decision is void ({ref}).",
    aide_fr="Rédigez dans « exercice_droits » la mention explicite (finalité, droit d'obtenir les règles, comment "
            "l'exercer, saisine de la CADA) ou donnez une fois pour toutes, dans la fiche de la collectivité, "
            "l'adresse où envoyer une demande (« contact_droits », « formulaire_demandes » ou "
            "« adresse_postale ») ; publiez les règles (« url_regles_publiees »). Vérifiez aussi que le "
            "traitement ne porte pas sur des données sensibles et qu'un recours est toujours examiné par une "
            "personne.",
    aide_en="Write the explicit mention in “exercice_droits” (purpose, right to obtain the rules, how to exercise "
            "it, referral to the CADA) or give once and for all, in the authority's record, the address to send a "
            "request to (“contact_droits”, “formulaire_demandes” or “adresse_postale”); publish the rules "
            "(“url_regles_publiees”). Also check that the "
            "processing involves no sensitive data and that an appeal is always examined by a person.",
)
def automatisation_sans_mention(ctx: RecordContext) -> Iterable[Finding]:
    if _false(ctx.get("decisions_individuelles")):
        return
    if _code(NIVEAUX_AUTOMATISATION, ctx.get("niveau_automatisation")) != "decision_automatisee":
        return
    if _blank(ctx.get("exercice_droits")) and _blank(ctx.get("url_regles_publiees")) and not request_channel(ctx):
        yield Finding(("niveau_automatisation",), {"ref": references("lil.art47")})

#: The rules of this family, in the order they are listed.
RULES = (
    finalite_manquante,
    contribution_manquante,
    automatisation_manquante,
    donnees_manquantes,
    parametres_manquants,
    operations_manquantes,
    exercice_droits_manquant,
    canal_demandes_manquant,
    regles_non_publiees,
    decisions_non_renseignees,
    automatisation_sans_mention,
)
