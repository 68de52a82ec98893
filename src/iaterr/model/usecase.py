"""The use case: one project using AI or an algorithm in a collectivité.

Fields are declared in the order a person fills them in, grouped by section.
They cover the Bibliothèque d'IA territoriales model (public, restricted and
evaluation fields), the transparency items of French law, the AI Act, and the
lessons learned that collectivités share.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict

from iaterr.model.fields import champ
from iaterr.model.types import Booleen, DatePartielle, Email, Entier, Slug, Texte, Url, code_of
from iaterr.model.vocab import (
    BUDGETS,
    CRITERES_AIPD,
    DESTINATAIRES_DECISIONS,
    DOMAINES_ANNEXE_III,
    HEBERGEMENTS,
    MISES_EN_OEUVRE,
    MODES_COLLECTE,
    NIVEAUX_3,
    NIVEAUX_AUTOMATISATION,
    NIVEAUX_RISQUE,
    PUBLICS,
    SOURCES_DONNEES,
    SOUS_THEMES,
    STATUTS,
    THEMES,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
)

_VIS_BIBLIO_FR = ("Restreint dans la Bibliothèque d'IA territoriales ; public dans iaterr car {raison}.")
_VIS_BIBLIO_EN = ("Restricted in the Bibliothèque d'IA territoriales; public in iaterr because {reason}.")


class SourceDonnees(BaseModel):
    """Une source de données traitées par l'algorithme."""

    model_config = ConfigDict(extra="forbid", title="Source de données")

    nom: Texte = champ(
        fr="Données", en="Data", section="fonctionnement", exigence="obligatoire",
        exemple="Débits de nuit des compteurs de sectorisation",
        aide_fr="Quelles données sont traitées.", aide_en="Which data are processed.",
        standards={"crpa": "R311-3-1-2 2°", "etalab": "Données traitées"},
    )
    source: Optional[code_of(SOURCES_DONNEES)] = champ(  # type: ignore[valid-type]
        fr="Source", en="Source", section="fonctionnement", exigence="recommande", exemple="interne",
        aide_fr="Qui fournit ces données : l'usager, la collectivité, l'open data, un tiers.",
        aide_en="Who provides these data: the user, the authority, open data, a third party.",
        bibliotheque="donnees_source", standards={"etalab": "Source des données traitées"},
    )
    fournisseur: Optional[Texte] = champ(
        fr="Fournisseur des données", en="Data provider", section="fonctionnement", exemple="Réseau 31",
        aide_fr="Organisme qui produit ou transmet ces données, s'il n'est pas la collectivité.",
        aide_en="Body that produces or transmits these data, when it is not the authority.",
    )
    mode_collecte: Optional[code_of(MODES_COLLECTE)] = champ(  # type: ignore[valid-type]
        fr="Mode de collecte", en="Collection mode", section="fonctionnement", exigence="recommande",
        exemple="automatisee",
        aide_fr="Comment les données sont collectées et mises à jour : API, collecte automatisée, manuelle.",
        aide_en="How the data are collected and updated: API, automated collection, manual retrieval.",
        bibliotheque="donnees_acces", standards={"etalab": "Mode de collecte des données traitées"},
    )
    personnelles: Optional[Booleen] = champ(
        fr="Données personnelles", en="Personal data", section="fonctionnement", exemple=False,
        aide_fr="Ces données se rapportent-elles à des personnes identifiées ou identifiables ?",
        aide_en="Do these data relate to identified or identifiable people?",
    )


class Parametre(BaseModel):
    """Un paramètre du traitement et, le cas échéant, sa pondération."""

    model_config = ConfigDict(extra="forbid", title="Paramètre")

    nom: Texte = champ(
        fr="Paramètre", en="Parameter", section="fonctionnement", exigence="obligatoire",
        exemple="Présence d'un réseau de chaleur",
        aide_fr="Nom du paramètre ou du critère.", aide_en="Name of the parameter or criterion.",
    )
    description: Optional[Texte] = champ(
        fr="Description", en="Description", section="fonctionnement",
        exemple="Interdit toute plantation à moins de deux mètres.",
        aide_fr="Ce que le paramètre mesure et comment il s'applique à la situation d'une personne.",
        aide_en="What the parameter measures and how it applies to a person's situation.",
    )
    ponderation: Optional[Texte] = champ(
        fr="Pondération", en="Weighting", section="fonctionnement", exemple="Coefficient négatif (exclusion)",
        aide_fr="Poids relatif du paramètre dans le résultat, s'il y en a un.",
        aide_en="Relative weight of the parameter in the result, if any.",
        standards={"crpa": "R311-3-1-2 3°"},
    )


class AnalyseImpact(BaseModel):
    """Une analyse d'impact réalisée (AIPD, analyse d'impact sur les droits fondamentaux…)."""

    model_config = ConfigDict(extra="forbid", title="Analyse d'impact")

    type: code_of(TYPES_ANALYSE_IMPACT) = champ(  # type: ignore[valid-type]
        fr="Type d'analyse", en="Type of assessment", section="ia_act", exigence="obligatoire", exemple="aipd",
        aide_fr="AIPD (RGPD, art. 35), analyse d'impact sur les droits fondamentaux (règlement IA, art. 27) "
                "ou autre.",
        aide_en="DPIA (GDPR art. 35), fundamental rights impact assessment (AI Act art. 27) or other.",
    )
    date: Optional[DatePartielle] = champ(
        fr="Date", en="Date", section="ia_act", exemple="2024-03",
        aide_fr="Date de réalisation (AAAA, AAAA-MM ou AAAA-MM-JJ).",
        aide_en="Date carried out (YYYY, YYYY-MM or YYYY-MM-DD).",
    )
    url: Optional[Url] = champ(
        fr="Lien", en="Link", section="ia_act", exemple="https://www.example.fr/aipd-callbot.pdf",
        aide_fr="Lien vers l'analyse ou son résumé publié.", aide_en="Link to the assessment or its published summary.",
    )
    resume: Optional[Texte] = champ(
        fr="Résumé", en="Summary", section="ia_act",
        exemple="Risques identifiés : erreurs de transcription des adresses ; mesures : confirmation orale.",
        aide_fr="Résumé des risques identifiés et des mesures prises.",
        aide_en="Summary of the risks found and the measures taken.",
    )


class ChiffreCle(BaseModel):
    """Un chiffre clé du projet."""

    model_config = ConfigDict(extra="forbid", title="Chiffre clé")

    valeur: Texte = champ(
        fr="Valeur", en="Value", section="retour_experience", exigence="obligatoire", exemple="113 705 m³",
        aide_fr="Le chiffre, avec son unité.", aide_en="The figure, with its unit.",
    )
    libelle: Texte = champ(
        fr="Ce qu'il mesure", en="What it measures", section="retour_experience", exigence="obligatoire",
        exemple="volume annuel de fuites évité",
        aide_fr="Ce que le chiffre représente.", aide_en="What the figure stands for.",
    )


class DateCle(BaseModel):
    """Une date clé du projet."""

    model_config = ConfigDict(extra="forbid", title="Date clé")

    date: DatePartielle = champ(
        fr="Date", en="Date", section="retour_experience", exigence="obligatoire", exemple="2024-05-13",
        aide_fr="AAAA, AAAA-MM ou AAAA-MM-JJ ; pour une période, la date de début.",
        aide_en="YYYY, YYYY-MM or YYYY-MM-DD; for a period, its start date.",
    )
    fin: Optional[DatePartielle] = champ(
        fr="Fin", en="End", section="retour_experience", exemple="2024-05-24",
        aide_fr="Pour une période, sa date de fin.", aide_en="For a period, its end date.",
    )
    evenement: Texte = champ(
        fr="Événement", en="Event", section="retour_experience", exigence="obligatoire",
        exemple="Deux semaines d'analyse de la donnée",
        aide_fr="Ce qui s'est passé à cette date.", aide_en="What happened at that date.",
    )


class CasUsage(BaseModel):
    """Un cas d'usage de l'IA ou d'un algorithme public dans une collectivité."""

    model_config = ConfigDict(extra="forbid", title="Cas d'usage")

    # ------------------------------------------------------------ identification
    version_schema: Texte = champ(
        fr="Version du schéma", en="Schema version", section="identification", exigence="obligatoire",
        exemple="1.0",
        aide_fr="Version du format de fichier iaterr. Écrite par iaterr, ne la modifiez pas à la main.",
        aide_en="Version of the iaterr file format. Written by iaterr; do not edit by hand.",
        standards={"nl": "standard_version", "eurocities": "standard_version"},
    )
    identifiant: Slug = champ(
        fr="Identifiant", en="Identifier", section="identification", exigence="obligatoire",
        exemple="sicoval-detection-fuites-eau",
        aide_fr="Identifiant stable, en minuscules et tirets, tiré du nom du projet ; c'est aussi le nom "
                "du fichier.",
        aide_en="Stable identifier, lower case with hyphens, derived from the project name; it is also "
                "the file name.",
        standards={"nl": "lars", "eurocities": "uuid"},
    )
    collectivite: Slug = champ(
        fr="Collectivité", en="Local authority", section="identification", exigence="obligatoire",
        exemple="sicoval",
        aide_fr="Identifiant de la collectivité porteuse : le nom d'un fichier de data/collectivites/. "
                "`iaterr new` propose la collectivité par défaut du dépôt.",
        aide_en="Identifier of the authority running the project: the name of a file in "
                "data/collectivites/. `iaterr new` offers the repository's default authority.",
        bibliotheque="coll_nom", bibliotheque_export="Nom_collectivite",
        standards={"etalab": "Nom de l'administration concernée", "nl": "organization",
                   "uk": "organisation_name", "eurocities": "organization", "ai_act": "Annex VIII C.1"},
    )
    nom: Texte = champ(
        fr="Nom du projet", en="Project name", section="identification", exigence="obligatoire",
        exemple="Détection des fuites d'eau par l'IA",
        aide_fr="Nom du projet ou du service, tel que le public le connaît.",
        aide_en="Name of the project or service, as the public knows it.",
        bibliotheque="nom_projet", bibliotheque_export="Nom_du_projet",
        standards={"nl": "name", "uk": "name", "eurocities": "name"},
    )
    statut: code_of(STATUTS) = champ(  # type: ignore[valid-type]
        fr="Statut", en="Status", section="identification", exigence="obligatoire", exemple="en_deploiement",
        aide_fr="Maturité du projet : en réflexion, en expérimentation, en déploiement, terminé, abandonné.",
        aide_en="Maturity of the project: under consideration, pilot, deployed, completed, abandoned.",
        bibliotheque="projet_status", bibliotheque_export="Statut_du_projet",
        standards={"nl": "status", "uk": "phase", "eurocities": "status"},
    )
    motif_abandon: Optional[Texte] = champ(
        fr="Motif de l'abandon", en="Why it was abandoned", section="identification",
        exemple="Les données d'entraînement ne respectaient pas le RGPD.",
        aide_fr="Si le projet a été abandonné : pourquoi, et quels obstacles ont été rencontrés.",
        aide_en="If the project was abandoned: why, and which obstacles were met.",
        bibliotheque="status_abandon",
    )
    date_debut: Optional[DatePartielle] = champ(
        fr="Date de démarrage", en="Start date", section="identification", exigence="recommande",
        exemple="2024-05",
        aide_fr="Date de démarrage du projet : AAAA, AAAA-MM ou AAAA-MM-JJ.",
        aide_en="Start date of the project: YYYY, YYYY-MM or YYYY-MM-DD.",
        bibliotheque="projet_date", bibliotheque_export="Date_de_demarrage", standards={"nl": "begin_date"},
    )
    date_fin: Optional[DatePartielle] = champ(
        fr="Date de fin", en="End date", section="identification", exemple="2024-06",
        aide_fr="Date de fin du projet ou de mise hors service, s'il est terminé ou abandonné.",
        aide_en="End date of the project or of its withdrawal, if completed or abandoned.",
        standards={"nl": "end_date"},
    )
    date_mise_a_jour: Optional[DatePartielle] = champ(
        fr="Date de mise à jour", en="Last updated", section="identification", exigence="recommande",
        exemple="2025-04-16",
        aide_fr="Date à laquelle ces informations ont été vérifiées pour la dernière fois.",
        aide_en="Date this information was last checked.",
        bibliotheque="date", bibliotheque_export="Date_de_derniere_mise_a_jour",
        standards={"etalab": "Date de mise à jour des informations", "eurocities": "last_change_date"},
    )

    # ------------------------------------------------------------ description
    description: Texte = champ(
        fr="Description du service", en="Description of the service", section="description",
        exigence="obligatoire",
        exemple="Analyse par IA des données du réseau d'eau potable pour cibler la recherche de fuites.",
        aide_fr="À quoi sert ce service, et quels bénéfices en sont attendus ? En langage clair.",
        aide_en="What is this service for, and what benefits are expected? In plain language.",
        bibliotheque="usage_description", bibliotheque_export="Description_service",
        standards={"etalab": "Contexte global", "nl": "description_short", "uk": "description",
                   "eurocities": "description_short"},
    )
    finalite: Optional[Texte] = champ(
        fr="Finalité", en="Purpose", section="description", exigence="recommande",
        exemple="Réduire les pertes d'eau du réseau d'eau potable.",
        aide_fr="Le but poursuivi par le traitement, en une ou deux phrases. C'est le premier élément de la "
                "mention explicite (R311-3-1-1).",
        aide_en="The aim pursued by the processing, in one or two sentences. It is the first item of the "
                "explicit mention (R311-3-1-1).",
        standards={"crpa": "R311-3-1-1 (finalité)", "etalab": "Finalité de l'algorithme", "nl": "goal",
                   "uk": "benefit", "eurocities": "goal", "ai_act": "Art. 27(1)(a)"},
    )
    theme: code_of(THEMES) = champ(  # type: ignore[valid-type]
        fr="Thème principal", en="Main theme", section="description", exigence="obligatoire",
        exemple="transition_ecologique",
        aide_fr="La grande politique publique servie par le cas d'usage.",
        aide_en="The main public policy the use case serves.",
        bibliotheque="theme", bibliotheque_export="Theme", standards={"nl": "category", "eurocities": "domain"},
    )
    sous_themes: list[code_of(SOUS_THEMES)] = champ(  # type: ignore[valid-type]
        fr="Sous-thèmes", en="Sub-themes", section="description", exigence="recommande",
        exemple=["gestion_eau"], default_factory=list,
        aide_fr="Un ou deux sous-thèmes du thème principal.",
        aide_en="One or two sub-themes of the main theme.",
        bibliotheque="sous_theme", bibliotheque_export="Sous_Theme",
    )
    publics: list[code_of(PUBLICS)] = champ(  # type: ignore[valid-type]
        fr="Publics du service", en="Audiences", section="description", exigence="recommande",
        exemple=["agents"], default_factory=list,
        aide_fr="À qui s'adresse le service : grand public, agents, élus, entreprises…",
        aide_en="Who the service is for: general public, staff, elected officials, businesses…",
        bibliotheque="audience_service", bibliotheque_export="Audience",
    )
    url_informations: Optional[Url] = champ(
        fr="Page d'information", en="Information page", section="description", exigence="recommande",
        exemple="https://www.leakmited.com/",
        aide_fr="Page web où le public en apprend davantage sur le projet.",
        aide_en="Web page where the public can learn more about the project.",
        bibliotheque="url_infos", bibliotheque_export="URL_Service",
        standards={"nl": "website", "uk": "website_url", "eurocities": "website"},
    )
    partenaires: list[Texte] = champ(
        fr="Partenaires", en="Partners", section="description", exemple=["Leakmited", "Réseau 31"],
        default_factory=list,
        aide_fr="Partenaires académiques, techniques, financeurs ou exploitants associés, un par ligne.",
        aide_en="Academic, technical, funding or operating partners, one per line.",
        bibliotheque="partenaires", bibliotheque_export="Partenaires",
    )
    fournisseurs: list[Texte] = champ(
        fr="Fournisseurs", en="Suppliers", section="description", exemple=["Leakmited"], default_factory=list,
        aide_fr="Entreprises qui fournissent la solution ou le modèle, une par ligne.",
        aide_en="Companies that supply the solution or the model, one per line.",
        standards={"nl": "provider", "uk": "external_supplier", "eurocities": "product_information",
                   "ai_act": "Annex VIII A.1 (via C.3)"},
    )

    # ------------------------------------------------------------ decisions (CRPA)
    decisions_individuelles: Optional[Booleen] = champ(
        fr="Décisions individuelles", en="Individual decisions", section="decision", exigence="recommande",
        exemple=False,
        aide_fr="Le traitement fonde-t-il ou prépare-t-il des décisions individuelles (une aide, une place, "
                "une autorisation, une sanction…) ? Si oui, la loi impose la mention explicite et la "
                "communication de ses règles.",
        aide_en="Does the processing underlie or prepare individual decisions (a benefit, a place, a permit, "
                "a penalty…)? If so, the law requires the explicit mention and disclosure of its rules.",
        standards={"crpa": "L311-3-1"},
    )
    destinataires_decisions: list[code_of(DESTINATAIRES_DECISIONS)] = champ(  # type: ignore[valid-type]
        fr="Destinataires des décisions", en="Who the decisions concern", section="decision",
        exigence="recommande", exemple=["personnes_physiques"], default_factory=list, depuis="1.1",
        aide_fr="À qui s'adressent les décisions : des personnes physiques (usagers), des personnes morales "
                "(entreprises, associations) — le CRPA protège les unes comme les autres —, ou les agents de la "
                "collectivité (décisions internes de ressources humaines, où le règlement sur l'IA et le RGPD "
                "s'appliquent).",
        aide_en="Who the decisions are addressed to: natural persons (users), legal persons (businesses, "
                "associations) — the CRPA protects both —, or the authority's staff (internal human-resources "
                "decisions, where the AI Act and the GDPR apply).",
        standards={"crpa": "L311-3-1"},
    )
    nombre_decisions_par_an: Optional[Entier] = champ(
        fr="Nombre de décisions par an", en="Decisions per year", section="decision", exemple=1200, ge=0,
        aide_fr="Nombre approximatif de décisions individuelles prises chaque année avec ce traitement.",
        aide_en="Approximate number of individual decisions taken each year with this processing.",
        standards={"etalab": "Nombre de décisions administratives prises par an",
                   "uk": "frequency_and_scale_of_usage", "ai_act": "Art. 27(1)(b)"},
    )
    personnes_concernees: Optional[Texte] = champ(
        fr="Personnes concernées", en="People affected", section="decision", exigence="recommande",
        exemple="Les abonnés du service d'eau des 36 communes.",
        aide_fr="Qui est concerné par le traitement ou par les décisions qu'il fonde.",
        aide_en="Who is affected by the processing or the decisions it underlies.",
        standards={"etalab": "Public concerné par la décision", "eurocities": "impact", "ai_act": "Art. 27(1)(c)"},
    )
    niveau_automatisation: Optional[code_of(NIVEAUX_AUTOMATISATION)] = champ(  # type: ignore[valid-type]
        fr="Niveau d'automatisation", en="Level of automation", section="decision", exigence="recommande",
        exemple="aide_decision",
        aide_fr="Qui décide : personne (simple information), une personne aidée par l'algorithme, ou "
                "l'algorithme seul.",
        aide_en="Who decides: nobody (information only), a person helped by the algorithm, or the algorithm "
                "alone.",
        bibliotheque="automatisation_decision",
        standards={"etalab": "Niveau d'automatisation de la décision", "nl": "human_intervention"},
    )
    contribution_decision: Optional[Texte] = champ(
        fr="Degré et mode de contribution à la décision", en="Degree and mode of contribution to the decision",
        section="decision", exigence="recommande",
        exemple="L'algorithme classe les tronçons par probabilité de fuite ; les techniciens choisissent où "
                "chercher et réparent.",
        aide_fr="Comment et à quel moment le traitement intervient dans la décision (R311-3-1-2, 1°).",
        aide_en="How and when the processing intervenes in the decision (R311-3-1-2, 1°).",
        standards={"crpa": "R311-3-1-2 1°",
                   "etalab": "Comment et quand l'algorithme intervient-il dans la prise de décision ?",
                   "uk": "process_integration", "eurocities": "decision_making_process", "ai_act": "Art. 86"},
    )
    supervision_humaine: Optional[Texte] = champ(
        fr="Supervision humaine", en="Human oversight", section="decision", exigence="recommande",
        exemple="Chaque fuite signalée est vérifiée sur le terrain par un technicien.",
        aide_fr="Comment des personnes contrôlent, corrigent ou écartent les résultats du traitement.",
        aide_en="How people check, correct or set aside the results of the processing.",
        standards={"nl": "human_intervention", "uk": "human_decisions_and_review",
                   "eurocities": "human_intervention", "ai_act": "Art. 26(2), 27(1)(e)"},
    )
    base_legale: Optional[Texte] = champ(
        fr="Base légale", en="Legal basis", section="decision",
        exemple="Mission de service public de distribution de l'eau potable (CGCT, L2224-7).",
        aide_fr="Le texte ou la mission qui fonde le traitement.",
        aide_en="The legal text or public task the processing rests on.",
        standards={"etalab": "Fondements juridiques", "nl": "lawful_basis", "eurocities": "lawful_basis"},
    )
    exercice_droits: Optional[Texte] = champ(
        fr="Exercice des droits", en="Exercising one's rights", section="decision", exigence="recommande",
        exemple="Écrire au service des affaires juridiques, qui est la personne responsable de l'accès aux "
                "documents administratifs (PRADA), ou utiliser le formulaire en ligne.",
        aide_fr="Comment une personne obtient les règles du traitement et les principales caractéristiques "
                "de sa mise en œuvre, et comment saisir la CADA (R311-3-1-1).",
        aide_en="How a person obtains the rules of the processing and the main features of its "
                "implementation, and how to refer the matter to the CADA (R311-3-1-1).",
        standards={"crpa": "R311-3-1-1", "uk": "appeals_and_review"},
    )
    contact_droits: Optional[Email] = champ(
        fr="Contact pour l'exercice des droits", en="Contact for exercising rights", section="decision",
        exemple="acces-documents@sicoval.fr",
        aide_fr="Adresse d'un service (pas d'une personne) de l'administration, ou de sa PRADA, où demander les "
                "règles du traitement. Par défaut, celle de la collectivité. Les droits sur les données "
                "personnelles relèvent, eux, du délégué à la protection des données.",
        aide_en="Address of a department (not a person) of the administration, or of its PRADA, where to ask "
                "for the rules. Defaults to the authority's. Rights over personal data go to the data "
                "protection officer instead.",
        standards={"crpa": "R311-3-1-1", "etalab": "Contact au sein de l'administration concernée",
                   "nl": "contact_email", "uk": "contact_email", "eurocities": "contact_email"},
    )
    procedure_objection: Optional[Texte] = champ(
        fr="Procédure d'objection", en="Objection procedure", section="decision",
        exemple="Toute personne peut demander un réexamen humain de sa demande.",
        aide_fr="Comment les personnes peuvent s'opposer à l'usage ou au résultat de l'algorithme.",
        aide_en="How people can object to the use or the result of the algorithm.",
        bibliotheque="objection", standards={"eurocities": "objection_procedure", "ai_act": "Art. 27(1)(f)"},
    )
    url_regles_publiees: Optional[Url] = champ(
        fr="Règles publiées", en="Published rules", section="decision",
        exemple="https://www.example.fr/algorithmes/attribution-places-creche",
        aide_fr="Page où sont publiées en ligne les règles de l'algorithme (L312-1-3).",
        aide_en="Page where the rules of the algorithm are published online (L312-1-3).",
        standards={"crpa": "L312-1-3", "etalab": "Ressources connexes"},
    )
    secrets_proteges: Optional[Texte] = champ(
        fr="Secrets protégés par la loi", en="Secrets protected by law", section="decision", depuis="1.1",
        exemple="Les seuils de détection de la fraude ne sont pas communiqués (sécurité publique, L311-5).",
        aide_fr="Si un secret protégé par la loi (L311-5, L311-6 : sécurité publique, vie privée, secret des "
                "affaires…) limite ce qui peut être communiqué, dites lequel et ce qu'il couvre. Laissez vide "
                "sinon : la notice ne rappellera que la réserve générale des secrets protégés par la loi.",
        aide_en="If a secret protected by law (L311-5, L311-6: public safety, privacy, business secrets…) limits "
                "what can be communicated, say which and what it covers. Leave empty otherwise: the notice will "
                "only recall the general reservation of secrets protected by law.",
        standards={"crpa": "L311-5, L311-6"},
    )

    # ------------------------------------------------------------ how it works
    systeme_ia: Optional[Booleen] = champ(
        fr="Système d'intelligence artificielle", en="AI system", section="fonctionnement", exigence="recommande",
        exemple=True, depuis="1.1",
        aide_fr="Oui si le système infère lui-même, à partir des données qu'il reçoit, comment produire des "
                "prédictions, des contenus, des recommandations ou des décisions (apprentissage automatique, IA "
                "générative…) : le règlement européen sur l'IA s'applique (art. 3(1)). Non pour un algorithme "
                "dont des personnes ont fixé toutes les règles (barème, grille de points) : seuls le CRPA et le "
                "RGPD s'appliquent alors.",
        aide_en="Yes if the system itself infers, from the input it receives, how to generate predictions, "
                "content, recommendations or decisions (machine learning, generative AI…): the EU AI Act applies "
                "(art. 3(1)). No for an algorithm whose rules were all set by people (a scale, a points grid): "
                "only the CRPA and the GDPR apply then.",
        standards={"ai_act": "Art. 3(1)"},
    )
    type_algorithme: list[code_of(TYPES_ALGORITHME)] = champ(  # type: ignore[valid-type]
        fr="Type d'algorithme", en="Type of algorithm", section="fonctionnement", exigence="recommande",
        exemple=["apprentissage_automatique"], default_factory=list,
        aide_fr="Apprentissage automatique, IA générative, vision par ordinateur, règles explicites…",
        aide_en="Machine learning, generative AI, computer vision, explicit rules…",
        bibliotheque="type_algorithme",
        standards={"etalab": "Type d'algorithme", "uk": "models", "eurocities": "algorithm_type"},
        note_visibilite_fr=_VIS_BIBLIO_FR.format(raison="le registre de transparence permet de filtrer par type "
                                                 "d'algorithme et que les registres européens le publient"),
        note_visibilite_en=_VIS_BIBLIO_EN.format(reason="the transparency register filters by algorithm type "
                                                 "and European registers publish it"),
    )
    revision_autonome: Optional[Booleen] = champ(
        fr="Révise lui-même ses règles", en="Revises its own rules", section="fonctionnement", exemple=False,
        depuis="1.1",
        aide_fr="En service, le modèle modifie-t-il lui-même les règles qu'il applique (apprentissage continu), "
                "sans que la collectivité valide chaque changement ? Une décision entièrement automatisée ne "
                "peut pas reposer sur un tel algorithme (Conseil constitutionnel, 2018-765 DC).",
        aide_en="In service, does the model change the rules it applies by itself (continuous learning), "
                "without the authority approving each change? A fully automated decision may not rest on such "
                "an algorithm (French Constitutional Council, 2018-765 DC).",
    )
    donnees: list[SourceDonnees] = champ(
        fr="Données traitées et sources", en="Data processed and sources", section="fonctionnement",
        exigence="recommande", default_factory=list,
        exemple=[{"nom": "Débits de nuit des compteurs de sectorisation", "source": "interne",
                  "mode_collecte": "automatisee", "personnelles": False}],
        aide_fr="Une entrée par source de données, avec qui la fournit et comment elle est collectée "
                "(R311-3-1-2, 2°).",
        aide_en="One entry per data source, with who provides it and how it is collected (R311-3-1-2, 2°).",
        bibliotheque="donnees_source",
        standards={"crpa": "R311-3-1-2 2°", "etalab": "Données traitées", "nl": "source_data",
                   "uk": "source_data_name", "eurocities": "source_data", "ai_act": "Art. 26(4)"},
        note_visibilite_fr=_VIS_BIBLIO_FR.format(raison="les données traitées et leurs sources sont "
                                                 "communicables (R311-3-1-2, 2°)"),
        note_visibilite_en=_VIS_BIBLIO_EN.format(reason="the data processed and their sources must be "
                                                 "disclosed (R311-3-1-2, 2°)"),
    )
    donnees_sensibles: Optional[Booleen] = champ(
        fr="Données sensibles", en="Sensitive data", section="fonctionnement", exemple=False, depuis="1.1",
        aide_fr="Le traitement utilise-t-il des données sensibles (RGPD, art. 9) : santé, origine, opinions "
                "politiques, convictions religieuses, appartenance syndicale, biométrie, vie ou orientation "
                "sexuelle ?",
        aide_en="Does the processing use sensitive data (GDPR art. 9): health, origin, political opinions, "
                "religious beliefs, trade-union membership, biometrics, sex life or orientation?",
        standards={"rgpd": "Art. 9"},
    )
    duree_conservation: Optional[Texte] = champ(
        fr="Durée de conservation des données", en="Data retention period", section="fonctionnement",
        depuis="1.1", exemple="Les données des demandes sont conservées deux ans après la décision.",
        aide_fr="Combien de temps les données personnelles sont conservées, ou selon quel critère (RGPD, "
                "art. 13(2)(a)) ; la notice l'indique aux personnes.",
        aide_en="How long personal data are kept, or by what criterion (GDPR art. 13(2)(a)); the notice tells "
                "the people concerned.",
        standards={"rgpd": "Art. 13(2)(a)"},
    )
    criteres_aipd: list[code_of(CRITERES_AIPD)] = champ(  # type: ignore[valid-type]
        fr="Critères de risque (protection des données)", en="Data protection risk criteria",
        section="fonctionnement", default_factory=list, depuis="1.1",
        exemple=["evaluation", "personnes_vulnerables"],
        aide_fr="Les critères du Comité européen de la protection des données que remplit le traitement. Deux "
                "critères, ou un type de la liste de la CNIL (délibération 2018-327), rendent obligatoire une "
                "analyse d'impact relative à la protection des données (RGPD, art. 35).",
        aide_en="The European Data Protection Board's criteria the processing meets. Two criteria, or a type on "
                "the CNIL's list (délibération 2018-327), make a data protection impact assessment mandatory "
                "(GDPR art. 35).",
        standards={"rgpd": "Art. 35"},
    )
    parametres: list[Parametre] = champ(
        fr="Paramètres et pondération", en="Parameters and weighting", section="fonctionnement",
        default_factory=list,
        exemple=[{"nom": "Zone de pleine terre", "ponderation": "Coefficient positif"}],
        aide_fr="Les paramètres du traitement et, le cas échéant, leur pondération (R311-3-1-2, 3°).",
        aide_en="The parameters of the processing and, where relevant, their weighting (R311-3-1-2, 3°).",
        standards={"crpa": "R311-3-1-2 3°", "uk": "model_input", "ai_act": "Art. 86"},
    )
    operations: Optional[Texte] = champ(
        fr="Opérations effectuées", en="Operations carried out", section="fonctionnement", exigence="recommande",
        exemple="Croisement des débits de nuit avec la géologie, la météo et l'historique des fuites ; "
                "classement des tronçons.",
        aide_fr="Les opérations effectuées par le traitement, en langage clair (R311-3-1-2, 4°).",
        aide_en="The operations carried out by the processing, in plain language (R311-3-1-2, 4°).",
        bibliotheque="algorithme_operations",
        standards={"crpa": "R311-3-1-2 4°", "etalab": "Opérations effectuées par l'algorithme",
                   "nl": "methods_and_models", "uk": "system_architecture", "eurocities": "methods_and_models"},
        note_visibilite_fr=_VIS_BIBLIO_FR.format(raison="les opérations effectuées sont communicables "
                                                 "(R311-3-1-2, 4°)"),
        note_visibilite_en=_VIS_BIBLIO_EN.format(reason="the operations carried out must be disclosed "
                                                 "(R311-3-1-2, 4°)"),
    )
    url_code_source: Optional[Url] = champ(
        fr="Code source", en="Source code", section="fonctionnement",
        exemple="https://github.com/TelesCoop/iarbre",
        aide_fr="Dépôt du code source, s'il est publié (le code source est un document administratif "
                "communicable, L300-2).",
        aide_en="Source code repository, if published (source code is a communicable administrative "
                "document, L300-2).",
        standards={"nl": "publiccode", "eurocities": "codebase_url", "etalab": "Ressources connexes"},
    )
    suivi: Optional[Texte] = champ(
        fr="Suivi et contrôle", en="Monitoring", section="fonctionnement",
        exemple="Tableau de bord quotidien des questions et réponses, revu chaque matin.",
        aide_fr="Comment la performance, les biais et les effets du système sont suivis dans le temps.",
        aide_en="How the system's performance, biases and effects are monitored over time.",
        bibliotheque="monitoring_impact",
        standards={"uk": "model_performance", "eurocities": "monitoring", "ai_act": "Art. 26(5)"},
    )

    # ------------------------------------------------------------ AI Act
    domaines_annexe_iii: list[code_of(DOMAINES_ANNEXE_III)] = champ(  # type: ignore[valid-type]
        fr="Domaines de l'annexe III", en="Annex III areas", section="ia_act", exemple=["prestations_publiques"],
        default_factory=list,
        aide_fr="Les domaines à haut risque de l'annexe III concernés, s'il y en a (aides sociales, "
                "recrutement, infrastructures critiques…).",
        aide_en="The high-risk areas of Annex III concerned, if any (social benefits, recruitment, critical "
                "infrastructure…).",
        standards={"ai_act": "Annex III"},
    )
    niveau_risque_ia: Optional[code_of(NIVEAUX_RISQUE)] = champ(  # type: ignore[valid-type]
        fr="Niveau de risque (règlement IA)", en="Risk tier (AI Act)", section="ia_act", exigence="recommande",
        exemple="minimal",
        aide_fr="Classification du système selon le règlement européen sur l'IA : inacceptable, élevé, "
                "limité (transparence), minimal.",
        aide_en="Classification of the system under the EU AI Act: unacceptable, high, limited "
                "(transparency), minimal.",
        bibliotheque="risque_categorie",
        standards={"nl": "publication_category", "eurocities": "risk_category", "ai_act": "Art. 5, 6, 50"},
    )
    interaction_public: Optional[Booleen] = champ(
        fr="Interagit avec le public", en="Interacts with the public", section="ia_act", exigence="recommande",
        exemple=False,
        aide_fr="Le système dialogue-t-il directement avec des personnes (agent conversationnel, callbot) ? "
                "Elles doivent alors savoir qu'elles parlent à une IA (art. 50).",
        aide_en="Does the system talk directly with people (chatbot, callbot)? They must then be told they "
                "are talking to an AI (art. 50).",
        standards={"ai_act": "Art. 50(1)"},
    )
    information_ia: Optional[Texte] = champ(
        fr="Information sur l'usage de l'IA", en="AI disclosure", section="ia_act",
        exemple="Un message vocal annonce en début d'appel que l'interlocuteur est un assistant automatique.",
        aide_fr="Comment les personnes sont informées qu'elles interagissent avec une IA ou que le contenu "
                "est généré par une IA.",
        aide_en="How people are told they are interacting with an AI or that content is AI-generated.",
        standards={"ai_act": "Art. 50"},
    )
    contenu_genere_publie: Optional[Booleen] = champ(
        fr="Textes générés publiés", en="Generated text published", section="ia_act", exemple=False,
        depuis="1.1",
        aide_fr="Des textes produits par le système sont-ils publiés pour informer le public sur des questions "
                "d'intérêt public (comptes rendus de délibérations, articles, réponses publiées) ? Ils doivent "
                "alors être signalés comme générés par une IA (art. 50(4)).",
        aide_en="Are texts produced by the system published to inform the public on matters of public interest "
                "(minutes of council meetings, articles, published answers)? They must then be disclosed as "
                "AI-generated (art. 50(4)).",
        standards={"ai_act": "Art. 50(4)"},
    )
    signalement_contenu_genere: Optional[Texte] = champ(
        fr="Signalement des textes générés", en="Disclosure of generated text", section="ia_act", depuis="1.1",
        exemple="Chaque compte rendu publié porte la mention « Rédigé avec l'aide d'une IA, relu par le "
                "secrétariat général ».",
        aide_fr="Comment les textes publiés sont signalés comme générés par une IA ; ou quelle personne les "
                "relit et en porte la responsabilité éditoriale (art. 50(4), second alinéa).",
        aide_en="How published texts are disclosed as AI-generated; or which person reviews them and holds "
                "editorial responsibility (art. 50(4), second subparagraph).",
        standards={"ai_act": "Art. 50(4)"},
    )
    formation_ia: Optional[Texte] = champ(
        fr="Maîtrise de l'IA par les agents", en="Staff AI literacy", section="ia_act", depuis="1.1",
        exemple="Les 12 agents du service ont suivi une formation de deux jours sur l'outil et ses limites.",
        aide_fr="Comment la collectivité s'assure que les agents qui utilisent ou supervisent le système en ont "
                "une maîtrise suffisante : formation, guide, accompagnement (art. 4 du règlement sur l'IA).",
        aide_en="How the authority ensures that staff who use or oversee the system have sufficient literacy: "
                "training, guidance, support (art. 4 of the AI Act).",
        standards={"ai_act": "Art. 4"},
    )
    analyses_impact: list[AnalyseImpact] = champ(
        fr="Analyses d'impact", en="Impact assessments", section="ia_act", default_factory=list,
        exemple=[{"type": "aipd", "date": "2024-09"}],
        aide_fr="Les analyses d'impact réalisées : AIPD, analyse d'impact sur les droits fondamentaux…",
        aide_en="The impact assessments carried out: DPIA, fundamental rights impact assessment…",
        standards={"nl": "impacttoetsen", "uk": "impact_assessment", "eurocities": "DPIA_url",
                   "ai_act": "Annex VIII C.4, C.5"},
    )
    url_base_ue: Optional[Url] = champ(
        fr="Enregistrement dans la base de l'UE", en="EU database entry", section="ia_act",
        exemple="https://ec.europa.eu/ai-database/entry/0000",
        aide_fr="Pour un système à haut risque de l'annexe III : lien vers l'enregistrement, par la "
                "collectivité, de son utilisation dans la base de données de l'UE (art. 49(3)).",
        aide_en="For an Annex III high-risk system: link to the authority's registration of its use in the EU "
                "database (art. 49(3)).",
        standards={"ai_act": "Art. 49(3)"},
    )
    url_base_ue_fournisseur: Optional[Url] = champ(
        fr="Entrée du fournisseur dans la base de l'UE", en="Provider's EU database entry", section="ia_act",
        exemple="https://ec.europa.eu/ai-database/entry/0001", depuis="1.1",
        aide_fr="Pour un système à haut risque : lien vers l'entrée du système enregistrée par son fournisseur "
                "(art. 49(1)) ; l'enregistrement de la collectivité y renvoie (annexe VIII, section C, point 3).",
        aide_en="For a high-risk system: link to the system's entry registered by its provider (art. 49(1)); the "
                "authority's registration refers to it (Annex VIII, section C, point 3).",
        standards={"ai_act": "Annex VIII C.3", "eurocities": "product_information"},
    )
    conservation_journaux_mois: Optional[Entier] = champ(
        fr="Conservation des journaux (mois)", en="Log retention (months)", section="ia_act", exemple=6, ge=0,
        depuis="1.1",
        aide_fr="Pour un système à haut risque : durée, en mois, pendant laquelle la collectivité conserve les "
                "journaux générés automatiquement par le système ; au moins six mois (art. 26(6)).",
        aide_en="For a high-risk system: how many months the authority keeps the logs the system generates "
                "automatically; at least six months (art. 26(6)).",
        standards={"ai_act": "Art. 26(6)"},
    )
    information_travailleurs: Optional[Texte] = champ(
        fr="Information des agents et de leurs représentants", en="Information of workers and their "
        "representatives", section="ia_act", depuis="1.1",
        exemple="Présentation au comité social territorial le 12 mars 2027, note à tous les agents du service.",
        aide_fr="Pour un système à haut risque utilisé sur le lieu de travail : comment les agents concernés "
                "et leurs représentants en ont été informés avant sa mise en service (art. 26(7)).",
        aide_en="For a high-risk system used at the workplace: how the staff concerned and their representatives "
                "were informed before it was put into service (art. 26(7)).",
        standards={"ai_act": "Art. 26(7)"},
    )

    # ------------------------------------------------------------ evaluation
    proportionnalite: Optional[Texte] = champ(
        fr="Proportionnalité", en="Proportionality", section="evaluation",
        exemple="Sans l'IA, la recherche acoustique couvrait 1 000 km de réseau à l'aveugle.",
        aide_fr="Pourquoi un algorithme est nécessaire, comparé à une solution sans IA.",
        aide_en="Why an algorithm is needed, compared with a solution without AI.",
        bibliotheque="proportionalite",
        standards={"nl": "proportionality", "uk": "alternatives_considered", "eurocities": "proportionality"},
    )
    portee_decision: Optional[Texte] = champ(
        fr="Portée de la décision", en="Scope of the decision", section="evaluation",
        exemple="Procédure interne : priorisation des interventions sur le réseau.",
        aide_fr="La décision a-t-elle une portée externe (pour un usager) ou interne (procédure de "
                "l'administration) ?",
        aide_en="Does the decision affect outside people (a user) or an internal procedure?",
        bibliotheque="decision", standards={"etalab": "Portée de la décision", "uk": "scope"},
    )
    reversibilite: Optional[Texte] = champ(
        fr="Réversibilité", en="Reversibility", section="evaluation",
        exemple="Le service peut être arrêté à tout moment ; la recherche de fuites reprend sa méthode manuelle.",
        aide_fr="Peut-on annuler complètement les effets de l'algorithme, et comment ?",
        aide_en="Can the effects of the algorithm be fully undone, and how?",
        bibliotheque="reversibilite", standards={"eurocities": "rollback"},
    )
    evaluation_risques: Optional[Texte] = champ(
        fr="Évaluation des risques", en="Risk assessment", section="evaluation", visibilite="restreint",
        exemple="Risque de dépendance au prestataire ; données de télégestion exportées chaque mois.",
        aide_fr="Quelle évaluation des risques a été conduite, les risques identifiés et les mesures "
                "d'atténuation.",
        aide_en="Which risk assessment was carried out, the risks found and the mitigations.",
        bibliotheque="risque", standards={"nl": "risks", "uk": "risks_and_mitigations", "eurocities": "risks"},
    )
    efficacite: Optional[code_of(NIVEAUX_3)] = champ(  # type: ignore[valid-type]
        fr="Écart aux objectifs", en="Gap to objectives", section="evaluation", visibilite="restreint",
        exemple="faible",
        aide_fr="Écart entre les objectifs attendus et les résultats : faible (objectifs atteints), moyen, "
                "fort (objectifs non atteints).",
        aide_en="Gap between expected objectives and results: low (objectives met), medium, high "
                "(objectives not met).",
        bibliotheque="erreur",
    )
    explicabilite: Optional[code_of(NIVEAUX_3)] = champ(  # type: ignore[valid-type]
        fr="Difficulté d'explication", en="Difficulty of explanation", section="evaluation",
        visibilite="restreint", exemple="moyen",
        aide_fr="Faible : facile à expliquer au public ; moyen : explicable mais complexe ; fort : non "
                "explicable au public.",
        aide_en="Low: easy to explain to the public; medium: explainable but complex; high: cannot be "
                "explained to the public.",
        bibliotheque="explicabilite",
    )

    # ------------------------------------------------------------ lessons learned
    contexte: Optional[Texte] = champ(
        fr="Mise à l'agenda", en="How it came about", section="retour_experience",
        exemple="Rencontre du prestataire lors d'un salon de l'eau en 2023.",
        aide_fr="Comment le sujet s'est imposé à l'agenda de la collectivité.",
        aide_en="How the subject reached the authority's agenda.",
    )
    inspirations: Optional[Texte] = champ(
        fr="Sources d'inspiration", en="Inspiration", section="retour_experience",
        exemple="Le calque de plantabilité open source de la Métropole de Lyon.",
        aide_fr="Projets ou collectivités dont le projet s'est inspiré.",
        aide_en="Projects or authorities the project drew on.",
    )
    chiffres_cles: list[ChiffreCle] = champ(
        fr="Chiffres clés", en="Key figures", section="retour_experience", default_factory=list,
        exemple=[{"valeur": "12", "libelle": "fuites trouvées en deux semaines"}],
        aide_fr="Les chiffres qui résument le projet et ses résultats.",
        aide_en="The figures that sum up the project and its results.",
    )
    dates_cles: list[DateCle] = champ(
        fr="Dates clés", en="Key dates", section="retour_experience", default_factory=list,
        exemple=[{"date": "2023", "evenement": "Rencontre et contractualisation avec le prestataire"}],
        aide_fr="Les étapes du projet.", aide_en="The milestones of the project.",
    )
    points_positifs: list[Texte] = champ(
        fr="Points positifs", en="Positive points", section="retour_experience", default_factory=list,
        exemple=["Mise en œuvre rapide : quatre semaines en tout."],
        aide_fr="Ce qui a bien fonctionné, un point par ligne.", aide_en="What worked well, one point per line.",
    )
    points_vigilance: list[Texte] = champ(
        fr="Points de vigilance", en="Points of vigilance", section="retour_experience", default_factory=list,
        exemple=["Organiser la réparation immédiate des fuites détectées."],
        aide_fr="Ce qu'il faut surveiller ou anticiper, un point par ligne.",
        aide_en="What to watch out for or anticipate, one point per line.",
    )

    # ------------------------------------------------------------ restricted sharing
    contact: Optional[Email] = champ(
        fr="Contact du projet", en="Project contact", section="partage", visibilite="restreint",
        exemple="eau@sicoval.fr",
        aide_fr="Adresse du service ou de la personne en charge, pour les échanges entre collectivités.",
        aide_en="Address of the department or person in charge, for exchanges between authorities.",
        bibliotheque="projet_contact",
    )
    nom_algorithme: Optional[Texte] = champ(
        fr="Nom de l'algorithme", en="Name of the algorithm", section="partage", visibilite="restreint",
        exigence="recommande", exemple="Priorisation des secteurs de recherche de fuites",
        aide_fr="Nom de l'algorithme ; s'il n'en a pas, la décision qu'il met en œuvre.",
        aide_en="Name of the algorithm; if it has none, the decision it implements.",
        bibliotheque="nom_algorithme", standards={"etalab": "Nom de l'algorithme"},
    )
    description_algorithme: Optional[Texte] = champ(
        fr="Description technique de l'algorithme", en="Technical description of the algorithm",
        section="partage", visibilite="restreint",
        exemple="Modèle entraîné sur une base de plus d'un million de fuites.",
        aide_fr="À quoi sert l'algorithme et quelles tâches il accomplit, pour des pairs techniques.",
        aide_en="What the algorithm is for and which tasks it performs, for technical peers.",
        bibliotheque="algorithme_description",
    )
    mise_en_oeuvre: Optional[code_of(MISES_EN_OEUVRE)] = champ(  # type: ignore[valid-type]
        fr="Développement et mise en œuvre", en="Development and delivery", section="partage",
        visibilite="restreint", exigence="recommande", exemple="prestataire",
        aide_fr="Développé en interne, en externe, avec des prestataires ou par un marché public.",
        aide_en="Developed in house, externally, with contractors or through a public contract.",
        bibliotheque="mise_en_oeuvre",
    )
    hebergement: Optional[code_of(HEBERGEMENTS)] = champ(  # type: ignore[valid-type]
        fr="Hébergement", en="Hosting", section="partage", visibilite="restreint", exigence="recommande",
        exemple="cloud_tiers",
        aide_fr="Où sont hébergées les données : chez un tiers (cloud) ou en interne.",
        aide_en="Where the data are hosted: third-party cloud or in house.",
        bibliotheque="herbergement",
    )
    financements: list[Texte] = champ(
        fr="Financements", en="Funding", section="partage", visibilite="restreint", default_factory=list,
        exemple=["Budget annexe de l'eau"],
        aide_fr="Guichets de financement : interne, Fonds vert, CRTE, France 2030, FEDER, DIAT…",
        aide_en="Funding sources: internal, Fonds vert, CRTE, France 2030, ERDF, DIAT…",
        bibliotheque="financement",
    )
    budget: Optional[code_of(BUDGETS)] = champ(  # type: ignore[valid-type]
        fr="Budget annuel", en="Annual budget", section="partage", visibilite="restreint", exemple="moins_50k",
        aide_fr="Ordre de grandeur du budget annuel.", aide_en="Order of magnitude of the annual budget.",
        bibliotheque="budget",
    )
    impact_environnemental: Optional[Texte] = champ(
        fr="Impact environnemental", en="Environmental impact", section="partage", visibilite="restreint",
        exemple="Score Green Algorithms : 12 kg CO2e par an.",
        aide_fr="Score ou empreinte environnementale de l'algorithme (par exemple Green Algorithms).",
        aide_en="Environmental score or footprint of the algorithm (for example Green Algorithms).",
        bibliotheque="impact_environnement",
    )
    url_ressources: Optional[Url] = champ(
        fr="Ressources", en="Resources", section="partage", visibilite="restreint",
        exemple="https://www.example.fr/ressources/detection-fuites",
        aide_fr="Lien vers les ressources partagées : code, jeux de données, modèles.",
        aide_en="Link to shared resources: code, datasets, models.",
        bibliotheque="url_ressources",
    )
