"""The law iaterr cites, in one dated table.

Every article a message, a rule, a notice or a document cites, with the date from which it
applies and where that date comes from. Nothing else in the code states an application date:
a rule asks :func:`applicable` (or :func:`announce`) and a document says « à partir du … »
when a duty does not apply yet, never that it binds already.

The dates are those known on the day of :data:`TABLE_DATE`. The EU AI Act's calendar was
changed by the « règlement omnibus numérique sur l'IA », adopted by the European Parliament
(16 June 2026) and the Council (end of June 2026); its Official Journal reference could not be
checked here, so it is cited by name. ``docs/droit.md`` is generated from this table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

#: The day this table was last checked against its sources.
TABLE_DATE = date(2026, 12, 1)

CRPA = "Code des relations entre le public et l'administration (CRPA)"
RIA = "Règlement (UE) 2024/1689 sur l'intelligence artificielle"
OMNIBUS = "Règlement omnibus numérique sur l'IA, adopté en juin 2026 (référence au JOUE non vérifiée)"
RGPD = "Règlement (UE) 2016/679 (RGPD)"
LIL = "Loi n° 78-17 du 6 janvier 1978 (informatique et libertés)"


@dataclass(frozen=True)
class Texte:
    """One article (or a part of it) that iaterr cites."""

    code: str
    #: How it is cited, in French (the citation is the same in English documents).
    reference: str
    objet_fr: str
    objet_en: str
    #: The text it belongs to.
    texte: str
    #: The date from which it applies; None when it applied before any use case iaterr records.
    depuis: date | None = None
    #: Where that date (or the text) comes from, when not the text itself.
    source: str = ""

    def objet(self, lang: str) -> str:
        return self.objet_en if lang == "en" else self.objet_fr


_t = Texte


TEXTES: dict[str, Texte] = {t.code: t for t in (
    # ---------------------------------------------------------------- CRPA: individual decisions
    _t("crpa.L311-3-1", "CRPA, art. L311-3-1",
       "Une décision individuelle prise sur le fondement d'un traitement algorithmique comporte une mention "
       "explicite qui en informe l'intéressé ; les règles du traitement et les principales caractéristiques de "
       "sa mise en œuvre lui sont communiquées à sa demande.",
       "An individual decision taken on the basis of an algorithmic processing carries an explicit mention "
       "informing the person; the rules of the processing and the main features of its implementation are "
       "communicated to them on request.",
       CRPA, date(2017, 9, 1), "Loi n° 2016-1321 du 7 octobre 2016 ; décret n° 2017-330 du 14 mars 2017"),
    _t("crpa.R311-3-1-1", "CRPA, art. R311-3-1-1",
       "La mention explicite indique la finalité du traitement, rappelle le droit d'obtenir la communication de "
       "ses règles et précise les modalités d'exercice de ce droit.",
       "The explicit mention states the purpose of the processing, recalls the right to obtain its rules and "
       "says how to exercise that right.",
       CRPA, date(2017, 9, 1), "Décret n° 2017-330 du 14 mars 2017"),
    _t("crpa.R311-3-1-2", "CRPA, art. R311-3-1-2",
       "Sont communiqués à la personne qui le demande, sous une forme intelligible et sous réserve des secrets "
       "protégés par la loi : 1° le degré et le mode de contribution du traitement à la décision ; 2° les données "
       "traitées et leurs sources ; 3° les paramètres de traitement et, le cas échéant, leur pondération, "
       "appliqués à sa situation ; 4° les opérations effectuées par le traitement.",
       "Communicated to the person who asks, in an intelligible form and subject to secrets protected by law: "
       "1° the degree and mode of contribution of the processing to the decision; 2° the data processed and "
       "their sources; 3° the processing parameters and, where relevant, their weighting, applied to the "
       "person's situation; 4° the operations carried out by the processing.",
       CRPA, date(2017, 9, 1), "Décret n° 2017-330 du 14 mars 2017"),
    _t("crpa.L312-1-3", "CRPA, art. L312-1-3",
       "Les administrations publient en ligne les règles définissant les principaux traitements algorithmiques "
       "qui fondent des décisions individuelles.",
       "Administrations publish online the rules defining the main algorithmic processings that underlie "
       "individual decisions.",
       CRPA, None, "Loi n° 2016-1321 du 7 octobre 2016 pour une République numérique"),
    _t("crpa.D312-1-4", "CRPA, art. D312-1-4",
       "Les personnes morales de moins de 50 agents ou salariés en équivalent temps plein sont dispensées de la "
       "publication en ligne (L312-1-3) ; ni la mention explicite ni la communication sur demande ne sont "
       "touchées.",
       "Legal persons with fewer than 50 staff in full-time equivalent are exempt from online publication "
       "(L312-1-3); neither the explicit mention nor communication on request is affected.",
       CRPA, None, "Décret n° 2016-1922 du 28 décembre 2016"),
    _t("crpa.L311-5-L311-6", "CRPA, art. L311-5 et L311-6",
       "Les secrets protégés par la loi (défense, sûreté de l'État, sécurité publique, vie privée, secret des "
       "affaires…) peuvent limiter ce qui est communiqué.",
       "Secrets protected by law (defence, state security, public safety, privacy, business secrets…) may "
       "limit what is communicated.",
       CRPA),
    _t("crpa.R311-12-R311-13", "CRPA, art. R311-12 et R311-13",
       "Le silence gardé pendant un mois à compter de la réception d'une demande de communication vaut refus.",
       "Silence for one month from receipt of a request for communication is a refusal.",
       CRPA),
    _t("crpa.R343-1", "CRPA, art. R343-1",
       "Après un refus, exprès ou tacite, la personne dispose de deux mois pour saisir la Commission d'accès aux "
       "documents administratifs (CADA).",
       "After a refusal, express or tacit, the person has two months to refer the matter to the Commission "
       "d'accès aux documents administratifs (CADA).",
       CRPA),
    _t("crpa.L342-1", "CRPA, art. L342-1",
       "La saisine de la CADA est un préalable obligatoire à un recours devant le juge administratif.",
       "Referral to the CADA is required before going to the administrative court.",
       CRPA),
    # ---------------------------------------------------------------- data protection
    _t("lil.art47", "Loi 78-17, art. 47",
       "Une décision administrative individuelle peut être prise sur le seul fondement d'un traitement "
       "automatisé si elle porte la mention explicite du CRPA, sans données sensibles, et si le responsable du "
       "traitement en maîtrise et peut en expliquer en détail le fonctionnement ; à défaut de mention, la "
       "décision est nulle.",
       "An individual administrative decision may be taken solely on the basis of automated processing if it "
       "carries the CRPA's explicit mention, uses no sensitive data, and the controller masters the processing "
       "and can explain it in detail; without the mention, the decision is void.",
       LIL, None, "Loi n° 2018-493 du 20 juin 2018"),
    _t("cc.2018-765", "Conseil constitutionnel, décision n° 2018-765 DC du 12 juin 2018",
       "Une décision entièrement automatisée ne peut reposer sur un algorithme qui révise lui-même les règles "
       "qu'il applique sans le contrôle et la validation du responsable du traitement, et doit pouvoir faire "
       "l'objet d'un recours administratif.",
       "A fully automated decision may not rest on an algorithm that revises the rules it applies itself "
       "without the controller's control and validation, and must be open to an administrative appeal.",
       "Conseil constitutionnel", date(2018, 6, 12)),
    _t("rgpd.art9", "RGPD, art. 9",
       "Données sensibles : origine raciale ou ethnique, opinions politiques, convictions religieuses ou "
       "philosophiques, appartenance syndicale, données génétiques ou biométriques, santé, vie ou orientation "
       "sexuelle.",
       "Sensitive data: racial or ethnic origin, political opinions, religious or philosophical beliefs, "
       "trade-union membership, genetic or biometric data, health, sex life or sexual orientation.",
       RGPD, date(2018, 5, 25)),
    _t("rgpd.art13-14", "RGPD, art. 13 et 14",
       "Les personnes dont les données sont traitées sont informées : responsable du traitement et délégué à la "
       "protection des données, finalités et base juridique, destinataires, durée de conservation, droits, "
       "réclamation auprès de la CNIL.",
       "People whose data are processed are informed: controller and data protection officer, purposes and "
       "legal basis, recipients, retention period, rights, complaint to the CNIL.",
       RGPD, date(2018, 5, 25)),
    _t("rgpd.art22", "RGPD, art. 22",
       "Une décision fondée exclusivement sur un traitement automatisé et produisant des effets juridiques ou "
       "affectant la personne de manière significative n'est permise que dans les cas prévus, avec des garanties "
       "(intervention humaine, contestation) et, pour les données sensibles, dans les seuls cas de "
       "l'article 9(2)(a) ou (g).",
       "A decision based solely on automated processing that produces legal or similarly significant effects is "
       "only allowed in the cases provided for, with safeguards (human intervention, contesting) and, for "
       "sensitive data, only under article 9(2)(a) or (g).",
       RGPD, date(2018, 5, 25)),
    _t("rgpd.art35", "RGPD, art. 35 ; CNIL, délibération n° 2018-327",
       "Une analyse d'impact relative à la protection des données (AIPD) est menée avant un traitement "
       "susceptible d'engendrer un risque élevé : types de traitement de la liste de la CNIL, ou deux des "
       "critères du Comité européen de la protection des données (évaluation, décision automatique, "
       "surveillance systématique, données sensibles, grande échelle, croisement, personnes vulnérables, usage "
       "innovant, exclusion d'un droit ou d'un service).",
       "A data protection impact assessment (DPIA) is carried out before processing likely to result in a high "
       "risk: types listed by the CNIL, or two of the European Data Protection Board's criteria (evaluation, "
       "automated decision, systematic monitoring, sensitive data, large scale, matching, vulnerable people, "
       "innovative use, exclusion from a right or service).",
       RGPD, date(2018, 5, 25), "CNIL, délibération n° 2018-327 du 11 octobre 2018 ; CEPD, lignes directrices WP248"),
    # ---------------------------------------------------------------- EU AI Act
    _t("ria.art3-1", "Règlement (UE) 2024/1689, art. 3(1)",
       "Un système d'IA infère, à partir des entrées qu'il reçoit, la manière de générer des prédictions, du "
       "contenu, des recommandations ou des décisions ; un algorithme dont des personnes ont fixé toutes les "
       "règles (barème, grille de points) n'en est pas un.",
       "An AI system infers, from the input it receives, how to generate predictions, content, recommendations "
       "or decisions; an algorithm whose rules were all set by people (a scale, a points grid) is not one.",
       RIA, date(2024, 8, 1)),
    _t("ria.art4", "Règlement (UE) 2024/1689, art. 4",
       "Les fournisseurs et les déployeurs d'un système d'IA veillent à ce que leur personnel ait un niveau "
       "suffisant de maîtrise de l'IA.",
       "Providers and deployers of AI systems ensure that their staff have a sufficient level of AI literacy.",
       RIA, date(2025, 2, 2), "Règlement (UE) 2024/1689, art. 113(a)"),
    _t("ria.art5", "Règlement (UE) 2024/1689, art. 5",
       "Pratiques d'IA interdites (notation sociale, manipulation, exploitation des vulnérabilités…).",
       "Prohibited AI practices (social scoring, manipulation, exploitation of vulnerabilities…).",
       RIA, date(2025, 2, 2), "Règlement (UE) 2024/1689, art. 113(a)"),
    _t("ria.art50", "Règlement (UE) 2024/1689, art. 50",
       "Obligations de transparence : une personne sait qu'elle interagit avec une IA (50(1)) ; un texte généré "
       "par une IA et publié pour informer le public sur des questions d'intérêt public est signalé comme tel, "
       "sauf relecture humaine sous responsabilité éditoriale (50(4)).",
       "Transparency duties: people know they are interacting with an AI (50(1)); text generated by AI and "
       "published to inform the public on matters of public interest is disclosed as such, unless a person "
       "reviewed it under editorial responsibility (50(4)).",
       RIA, date(2026, 8, 2), "Règlement (UE) 2024/1689, art. 113"),
    _t("ria.annexe-iii", "Règlement (UE) 2024/1689, art. 6(2) et annexe III",
       "Obligations des systèmes à haut risque de l'annexe III, dont celles des déployeurs (art. 26), l'analyse "
       "d'impact sur les droits fondamentaux (art. 27) et l'enregistrement dans la base de l'UE (art. 49).",
       "Duties for Annex III high-risk systems, including deployers' duties (art. 26), the fundamental rights "
       "impact assessment (art. 27) and registration in the EU database (art. 49).",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.art6-3", "Règlement (UE) 2024/1689, art. 6(3)",
       "Un système de l'annexe III n'est pas à haut risque s'il n'accomplit qu'une tâche procédurale étroite ou "
       "préparatoire, ou améliore le résultat d'une activité humaine, sans influencer substantiellement la "
       "décision ; il l'est toujours s'il effectue un profilage de personnes physiques.",
       "An Annex III system is not high-risk if it only performs a narrow procedural or preparatory task, or "
       "improves the result of a human activity, without materially influencing the decision; it always is if "
       "it performs profiling of natural persons.",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.annexe-i", "Règlement (UE) 2024/1689, art. 6(1) et annexe I",
       "Obligations des systèmes à haut risque qui sont des produits, ou des composants de sécurité de produits, "
       "couverts par la législation de l'annexe I.",
       "Duties for high-risk systems that are products, or safety components of products, covered by the "
       "legislation of Annex I.",
       RIA, date(2028, 8, 2), OMNIBUS),
    _t("ria.art26", "Règlement (UE) 2024/1689, art. 26",
       "Le déployeur d'un système à haut risque l'utilise conformément à sa notice, en confie le contrôle humain "
       "à des personnes compétentes, conserve les journaux au moins six mois, informe les travailleurs avant "
       "une utilisation sur le lieu de travail et les personnes qui font l'objet de décisions, et n'utilise pas "
       "un système de l'annexe III non enregistré dans la base de l'UE.",
       "The deployer of a high-risk system uses it according to its instructions, entrusts human oversight to "
       "competent people, keeps the logs at least six months, informs workers before workplace use and the "
       "people subject to decisions, and does not use an Annex III system not registered in the EU database.",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.art27", "Règlement (UE) 2024/1689, art. 27",
       "Avant de déployer un système à haut risque de l'article 6(2) (annexe III, hors point 2), un organisme de "
       "droit public évalue son impact sur les droits fondamentaux.",
       "Before deploying a high-risk system under article 6(2) (Annex III, except point 2), a body governed by "
       "public law assesses its impact on fundamental rights.",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.art49", "Règlement (UE) 2024/1689, art. 49(3) et annexe VIII, section C",
       "Avant d'utiliser un système à haut risque de l'annexe III, un déployeur autorité publique s'enregistre et "
       "enregistre cette utilisation dans la base de données de l'UE ; le point 2 s'enregistre au niveau "
       "national (49(5)), ceux des points 1, 6 et 7 relevant de la répression ou de la migration dans une section "
       "sécurisée non publique (49(4)).",
       "Before using an Annex III high-risk system, a deployer that is a public authority registers itself and "
       "that use in the EU database; point 2 is registered at national level (49(5)), points 1, 6 and 7 in law "
       "enforcement or migration in a secure non-public section (49(4)).",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.art49-4", "Règlement (UE) 2024/1689, art. 49(4)",
       "Les systèmes des points 1, 6 et 7 de l'annexe III utilisés pour la répression ou la migration sont "
       "enregistrés dans une section sécurisée non publique de la base de l'UE, avec les seuls points 1 à 3 de la "
       "section C de l'annexe VIII pour un déployeur.",
       "Systems of points 1, 6 and 7 of Annex III used for law enforcement or migration are registered in a "
       "secure non-public section of the EU database, with only points 1 to 3 of Annex VIII section C for a "
       "deployer.",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.art86", "Règlement (UE) 2024/1689, art. 86",
       "Droit d'obtenir des explications claires et pertinentes sur le rôle d'un système à haut risque de "
       "l'annexe III dans une décision qui affecte la personne.",
       "Right to clear and meaningful explanations of the role of an Annex III high-risk system in a decision "
       "that affects the person.",
       RIA, date(2027, 12, 2), OMNIBUS),
    _t("ria.art111-2", "Règlement (UE) 2024/1689, art. 111(2)",
       "Les systèmes à haut risque destinés à être utilisés par des autorités publiques et mis en service avant "
       "l'application des obligations sont mis en conformité au plus tard le 2 août 2030.",
       "High-risk systems intended for use by public authorities and put into service before the duties apply "
       "are brought into compliance by 2 August 2030 at the latest.",
       RIA, date(2030, 8, 2), "Règlement (UE) 2024/1689, art. 111(2) ; effet de l'omnibus sur cette date non "
       "vérifié"),
    # ---------------------------------------------------------------- added for the notice (#11)
    _t("crpa.L311-1", "CRPA, art. L311-1",
       "Les administrations communiquent les documents administratifs qu'elles détiennent aux personnes qui en "
       "font la demande.",
       "Administrations communicate the administrative documents they hold to the people who ask for them.",
       CRPA),
    _t("rgpd.art15-21", "RGPD, art. 15 à 21",
       "Droits de la personne sur ses données : accès, rectification, effacement, limitation, portabilité, "
       "opposition, dans les conditions de chaque article.",
       "Rights of the person over their data: access, rectification, erasure, restriction, portability, "
       "objection, under the conditions of each article.",
       RGPD, date(2018, 5, 25)),
    _t("rgpd.art77", "RGPD, art. 77",
       "Toute personne peut introduire une réclamation auprès d'une autorité de contrôle (en France, la CNIL).",
       "Anyone may lodge a complaint with a supervisory authority (in France, the CNIL).",
       RGPD, date(2018, 5, 25)),
    # ---------------------------------------------------------------- added for the qualification (#11)
    _t("cjue.c-634-21", "CJUE, 7 décembre 2023, SCHUFA Holding (Scoring), C-634/21",
       "Le calcul automatisé d'un score est lui-même une décision au sens de l'article 22 du RGPD lorsque ce "
       "score joue un rôle déterminant dans la décision qu'un tiers prend sur la personne.",
       "The automated calculation of a score is itself a decision within the meaning of GDPR art. 22 where that "
       "score plays a determining role in the decision a third party takes about the person.",
       "Cour de justice de l'Union européenne"),
    _t("ria.art49-5", "Règlement (UE) 2024/1689, art. 49(5)",
       "Les systèmes à haut risque du point 2 de l'annexe III (infrastructures critiques) sont enregistrés au "
       "niveau national, non dans la base de données de l'UE.",
       "High-risk systems of Annex III point 2 (critical infrastructure) are registered at national level, not in "
       "the EU database.",
       RIA, date(2027, 12, 2), OMNIBUS),
    # ---------------------------------------------------------------- added for the notice (#11, legal review)
    _t("rgpd.art13-2-f", "RGPD, art. 13(2)(f) et 14(2)(g)",
       "En cas de décision entièrement automatisée, la personne est informée de son existence, d'informations "
       "utiles sur la logique sous-jacente, de l'importance et des conséquences prévues du traitement pour elle.",
       "Where a decision is fully automated, the person is told of its existence, given meaningful information "
       "about the logic involved, and the significance and envisaged consequences of the processing for them.",
       RGPD, date(2018, 5, 25)),
    _t("ria.art50-1", "Règlement (UE) 2024/1689, art. 50(1)",
       "Les personnes qui interagissent avec un système d'IA sont informées qu'elles interagissent avec une IA.",
       "People who interact with an AI system are informed that they are interacting with an AI.",
       RIA, date(2026, 8, 2), "Règlement (UE) 2024/1689, art. 113"),
    _t("ria.art50-4", "Règlement (UE) 2024/1689, art. 50(4)",
       "Un texte généré par une IA et publié pour informer le public sur des questions d'intérêt public est "
       "signalé comme tel, sauf relecture humaine sous responsabilité éditoriale.",
       "Text generated by AI and published to inform the public on matters of public interest is disclosed as "
       "such, unless a person reviewed it under editorial responsibility.",
       RIA, date(2026, 8, 2), "Règlement (UE) 2024/1689, art. 113"),
    # ---------------------------------------------------------------- added for the lint rules (#11, second review)
    _t("crpa.L410-1", "CRPA, art. L410-1 et suivants",
       "Le recours administratif (gracieux ou hiérarchique) est la réclamation adressée à l'administration pour "
       "contester une décision administrative ; le livre IV du code en fixe le régime.",
       "An administrative appeal (to the author of the decision or to its superior) is a claim addressed to the "
       "administration to contest an administrative decision; Book IV of the code sets its rules.",
       CRPA),
)}


#: How each text is cited in an English document (the French citation stays the reference).
REFERENCES_EN: dict[str, str] = {
    "crpa.L311-3-1": "CRPA, Art. L311-3-1",
    "crpa.R311-3-1-1": "CRPA, Art. R311-3-1-1",
    "crpa.R311-3-1-2": "CRPA, Art. R311-3-1-2",
    "crpa.L312-1-3": "CRPA, Art. L312-1-3",
    "crpa.D312-1-4": "CRPA, Art. D312-1-4",
    "crpa.L311-5-L311-6": "CRPA, Arts. L311-5 and L311-6",
    "crpa.R311-12-R311-13": "CRPA, Arts. R311-12 and R311-13",
    "crpa.R343-1": "CRPA, Art. R343-1",
    "crpa.L342-1": "CRPA, Art. L342-1",
    "crpa.L311-1": "CRPA, Art. L311-1",
    "lil.art47": "French Data Protection Act (law 78-17), Art. 47",
    "cc.2018-765": "Conseil constitutionnel, decision No. 2018-765 DC of 12 June 2018",
    "rgpd.art9": "GDPR, Art. 9",
    "rgpd.art13-14": "GDPR, Arts. 13 and 14",
    "rgpd.art15-21": "GDPR, Arts. 15 to 21",
    "rgpd.art22": "GDPR, Art. 22",
    "rgpd.art35": "GDPR, Art. 35; CNIL, deliberation No. 2018-327",
    "rgpd.art77": "GDPR, Art. 77",
    "ria.art3-1": "Regulation (EU) 2024/1689, Art. 3(1)",
    "ria.art4": "Regulation (EU) 2024/1689, Art. 4",
    "ria.art5": "Regulation (EU) 2024/1689, Art. 5",
    "ria.art50": "Regulation (EU) 2024/1689, Art. 50",
    "ria.annexe-iii": "Regulation (EU) 2024/1689, Art. 6(2) and Annex III",
    "ria.art6-3": "Regulation (EU) 2024/1689, Art. 6(3)",
    "ria.annexe-i": "Regulation (EU) 2024/1689, Art. 6(1) and Annex I",
    "ria.art26": "Regulation (EU) 2024/1689, Art. 26",
    "ria.art27": "Regulation (EU) 2024/1689, Art. 27",
    "ria.art49": "Regulation (EU) 2024/1689, Art. 49(3) and Annex VIII, Section C",
    "ria.art49-4": "Regulation (EU) 2024/1689, Art. 49(4)",
    "ria.art86": "Regulation (EU) 2024/1689, Art. 86",
    "ria.art111-2": "Regulation (EU) 2024/1689, Art. 111(2)",
    "cjue.c-634-21": "CJEU, judgment of 7 December 2023, SCHUFA Holding (Scoring), C-634/21",
    "ria.art49-5": "Regulation (EU) 2024/1689, Art. 49(5)",
    "rgpd.art13-2-f": "GDPR, Arts. 13(2)(f) and 14(2)(g)",
    "ria.art50-1": "Regulation (EU) 2024/1689, Art. 50(1)",
    "ria.art50-4": "Regulation (EU) 2024/1689, Art. 50(4)",
    "crpa.L410-1": "CRPA, Arts. L410-1 and following",
}


def environment_today() -> date | None:
    """``IATERR_AUJOURDHUI=AAAA-MM-JJ`` fixes "today" (reproducible runs and tests); None when not set."""
    value = os.environ.get("IATERR_AUJOURDHUI")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def today() -> date:
    """The day the law is read on: ``IATERR_AUJOURDHUI``, else the machine's date."""
    return environment_today() or date.today()


def texte(code: str) -> Texte:
    return TEXTES[code]


def reference(code: str, lang: str = "fr") -> str:
    """How ``code`` is cited in a document in ``lang``."""
    return REFERENCES_EN[code] if lang == "en" else TEXTES[code].reference


def references(code: str) -> dict[str, str]:
    """The citation of ``code`` in both languages, as a message parameter (``{"fr": …, "en": …}``)."""
    return {"fr": reference(code, "fr"), "en": reference(code, "en")}


def applicable(code: str, today: date) -> bool:
    """Does the text apply on ``today``?"""
    since = TEXTES[code].depuis
    return since is None or today >= since


def depuis(code: str) -> date | None:
    return TEXTES[code].depuis


_MOIS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def long_date(day: date, lang: str = "fr") -> str:
    """« 2 décembre 2027 », "2 December 2027"."""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{'1er' if day.day == 1 else day.day} {_MOIS_FR[day.month - 1]} {day.year}"


def announce(code: str, today: date, lang: str = "fr") -> str:
    """When the text applies, as a sentence for a message: « applicable depuis le 2 août 2026 » or « applicable à
    partir du 2 décembre 2027 » ; empty for a text in force with no date worth saying."""
    return announce_since(TEXTES[code].depuis, today, lang)


def announce_since(since: date | None, today: date, lang: str = "fr") -> str:
    """:func:`announce` for a date already read from this table (a regime's, e.g. art. 111(2) for a system
    already in service)."""
    if since is None:
        return ""
    when = long_date(since, lang)
    if today >= since:
        return f"applies since {when}" if lang == "en" else f"applicable depuis le {when}"
    return f"applies from {when}" if lang == "en" else f"applicable à partir du {when}"
