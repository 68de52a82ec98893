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
from iaterr.model.types import Booleen, DatePartielle, Email, Entier, Resume, Slug, Texte, Url, code_of
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
        pourquoi_fr="Chaque donnée utilisée fait partie de ce qui est communiqué à la personne qui le demande "
                    "(R311-3-1-2, 2°) : la nommer clairement rend la réponse possible.",
        pourquoi_en="Each piece of data used is part of what is communicated to a person who asks (R311-3-1-2, 2°): "
                    "naming it clearly makes the answer possible.",
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
        pourquoi_fr="Des données personnelles (toute information sur une personne identifiable, même indirectement) "
                    "soumettent le traitement au règlement général sur la protection des données : information, "
                    "droits, sécurité.",
        pourquoi_en="Personal data (any information about an identifiable person, even indirectly) bring the "
                    "processing under the General Data Protection Regulation: informing people, their rights, "
                    "security.",
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
        pourquoi_fr="Le poids de chaque paramètre est communiqué à la personne qui le demande, appliqué à sa "
                    "situation (R311-3-1-2, 3°) : il montre ce qui a le plus compté.",
        pourquoi_en="The weight of each parameter is communicated to a person who asks, applied to their situation "
                    "(R311-3-1-2, 3°): it shows what counted most.",
    )


class AnalyseImpact(BaseModel):
    """Une analyse d'impact réalisée (AIPD, analyse d'impact sur les droits fondamentaux…)."""

    model_config = ConfigDict(extra="forbid", title="Analyse d'impact")

    type: code_of(TYPES_ANALYSE_IMPACT) = champ(  # type: ignore[valid-type]
        fr="Type d'analyse", en="Type of assessment", section="ia_act", exigence="obligatoire", exemple="aipd",
        aide_fr="AIPD (RGPD, art. 35), analyse d'impact sur les droits fondamentaux (règlement IA, art. 27) "
                "ou autre.",
        aide_en="DPIA (GDPR art. 35), fundamental rights impact assessment (AI Act art. 27) or other.",
        pourquoi_fr="L'AIPD (analyse d'impact relative à la protection des données) relève du règlement général sur "
                    "la protection des données ; l'analyse sur les droits fondamentaux, du règlement européen sur "
                    "l'intelligence artificielle.",
        pourquoi_en="The DPIA (data protection impact assessment) comes from the General Data Protection "
                    "Regulation; the fundamental rights assessment from the European regulation on artificial "
                    "intelligence.",
    )
    date: Optional[DatePartielle] = champ(
        fr="Date", en="Date", section="ia_act", exemple="2024-03",
        aide_fr="Date de réalisation (AAAA, AAAA-MM ou AAAA-MM-JJ).",
        aide_en="Date carried out (YYYY, YYYY-MM or YYYY-MM-DD).",
        pourquoi_fr="Une analyse d'impact se fait avant de commencer le traitement : sa date montre qu'elle a "
                    "précédé la mise en service, et quand la revoir.",
        pourquoi_en="An impact assessment is carried out before processing starts: its date shows it came before "
                    "going live, and when to review it.",
    )
    url: Optional[Url] = champ(
        fr="Lien", en="Link", section="ia_act", exemple="https://www.example.fr/aipd-callbot.pdf",
        aide_fr="Lien vers l'analyse ou son résumé publié.", aide_en="Link to the assessment or its published summary.",
        pourquoi_fr="Publier l'analyse d'impact, ou son résumé, montre au public les risques pesés ; pour un "
                    "système à haut risque, l'enregistrement européen en reprend le résumé (annexe VIII, section C).",
        pourquoi_en="Publishing the impact assessment, or its summary, shows the public the risks weighed; for a "
                    "high-risk system, the European registration includes its summary (Annex VIII, section C).",
    )
    resume: Optional[Texte] = champ(
        fr="Résumé", en="Summary", section="ia_act",
        exemple="Risques identifiés : erreurs de transcription des adresses ; mesures : confirmation orale.",
        aide_fr="Résumé des risques identifiés et des mesures prises.",
        aide_en="Summary of the risks found and the measures taken.",
        pourquoi_fr="Le résumé des risques et des mesures est ce que le public et les personnes concernées lisent ; "
                    "pour un système à haut risque, il figure dans l'enregistrement européen (annexe VIII, section "
                    "C).",
        pourquoi_en="The summary of risks and measures is what the public and the people affected read; for a "
                    "high-risk system, it appears in the European registration (Annex VIII, section C).",
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
        pourquoi_fr="Savoir qui répond du traitement : pour un système d'IA à haut risque, le règlement européen "
                    "sur l'intelligence artificielle prévoit que l'enregistrement nomme la collectivité qui "
                    "l'utilise (annexe VIII, C.1).",
        pourquoi_en="Who answers for the processing: for a high-risk AI system, the European regulation on "
                    "artificial intelligence provides that the registration names the authority using it (Annex "
                    "VIII, C.1).",
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
        aide_fr="Maturité du projet : en réflexion, en construction, en expérimentation, en déploiement, terminé, "
                "abandonné.",
        aide_en="Maturity of the project: under consideration, being built, pilot, deployed, completed, abandoned.",
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
    service_responsable: Optional[Texte] = champ(
        fr="Service responsable", en="Department in charge", section="identification", exigence="recommande",
        depuis="1.2", exemple="Direction du cycle de l'eau",
        aide_fr="La direction ou le service de la collectivité qui porte le projet (pas le nom d'une personne).",
        aide_en="The authority's directorate or department running the project (not a person's name).",
        standards={"etalab": "Direction/service porteur", "uk": "team", "eurocities": "department"},
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
    resume: Optional[Resume] = champ(
        fr="Résumé", en="Summary", section="description", exigence="recommande", depuis="1.2",
        exemple="Une IA repère les tronçons du réseau d'eau potable les plus exposés aux fuites pour y cibler "
                "les recherches.",
        aide_fr="Le service en une phrase de 150 caractères au plus, en langage clair : les listes et les "
                "registres étrangers (Eurocities, registre néerlandais) le reprennent tel quel, sans le couper.",
        aide_en="The service in one sentence of at most 150 characters, in plain language: lists and foreign "
                "registers (Eurocities, the Dutch register) take it as it is, without cutting it.",
        standards={"nl": "description_short", "eurocities": "description_short"},
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
        pourquoi_fr="La finalité est le premier élément de la mention explicite (l'indication, sur la décision, "
                    "qu'un algorithme a servi, R311-3-1-1) : elle dit aux personnes à quoi sert le traitement.",
        pourquoi_en="The purpose is the first item of the explicit mention (the statement, on the decision, that an "
                    "algorithm was used, R311-3-1-1): it tells people what the processing is for.",
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
        aide_fr="Un ou deux sous-thèmes, en général du thème principal (la Bibliothèque en accepte d'autres).",
        aide_en="One or two sub-themes, usually of the main theme (the Bibliothèque accepts others).",
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
        pourquoi_fr="Le fournisseur, au sens du règlement européen sur l'intelligence artificielle, est "
                    "l'entreprise qui développe le système d'IA et le met sur le marché ; ses obligations ne sont "
                    "pas celles de la collectivité.",
        pourquoi_en="The provider, under the European regulation on artificial intelligence, is the company that "
                    "develops the AI system and places it on the market; its duties are not those of the authority.",
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
        pourquoi_fr="Une décision individuelle vise une personne ou un organisme désigné ; si un algorithme y "
                    "contribue, la loi exige une mention explicite : l'indication, sur la décision, qu'un "
                    "algorithme a servi (L311-3-1).",
        pourquoi_en="An individual decision is a decision about a named person or body; if an algorithm "
                    "contributes, the law requires an explicit mention: a statement, on the decision, that an "
                    "algorithm was used (L311-3-1).",
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
        pourquoi_fr="Le code des relations entre le public et l'administration protège usagers et entreprises ; "
                    "pour les agents s'appliquent le règlement général sur la protection des données et le "
                    "règlement européen sur l'intelligence artificielle.",
        pourquoi_en="The French code of relations between the public and the administration protects users and "
                    "businesses; for staff, the General Data Protection Regulation and the European regulation on "
                    "artificial intelligence apply.",
    )
    nombre_decisions_par_an: Optional[Entier] = champ(
        fr="Nombre de décisions par an", en="Decisions per year", section="decision", exemple=1200, ge=0,
        aide_fr="Nombre approximatif de décisions individuelles prises chaque année avec ce traitement.",
        aide_en="Approximate number of individual decisions taken each year with this processing.",
        standards={"etalab": "Nombre de décisions administratives prises par an",
                   "uk": "frequency_and_scale_of_usage", "ai_act": "Art. 27(1)(b)"},
        pourquoi_fr="Le nombre de décisions individuelles (chacune vise une personne ou un organisme désigné) "
                    "montre combien de gens le traitement touche : c'est une mesure de son ampleur et de ses "
                    "risques.",
        pourquoi_en="The number of individual decisions (decisions about a named person or body) shows how many "
                    "people the processing affects: it measures its scale and its risks.",
    )
    personnes_concernees: Optional[Texte] = champ(
        fr="Personnes concernées", en="People affected", section="decision", exigence="recommande",
        exemple="Les abonnés du service d'eau des 36 communes.",
        aide_fr="Qui est concerné par le traitement ou par les décisions qu'il fonde.",
        aide_en="Who is affected by the processing or the decisions it underlies.",
        standards={"etalab": "Public concerné par la décision", "eurocities": "impact", "ai_act": "Art. 27(1)(c)"},
        pourquoi_fr="Savoir qui est touché permet d'informer ces personnes et de peser les risques ; l'analyse "
                    "d'impact sur les droits fondamentaux du règlement européen sur l'intelligence artificielle les "
                    "décrit (art. 27).",
        pourquoi_en="Knowing who is affected lets the authority inform them and weigh the risks; the fundamental "
                    "rights impact assessment of the European regulation on artificial intelligence describes them "
                    "(art. 27).",
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
        pourquoi_fr="Une décision entièrement automatisée, prise par l'algorithme seul, est strictement encadrée : "
                    "sans données sensibles, explicable en détail, ouverte à un recours (Loi 78-17, art. 47 ; "
                    "Conseil constitutionnel, 2018-765 DC).",
        pourquoi_en="A fully automated decision, taken by the algorithm alone, is strictly framed: no sensitive "
                    "data, explainable in detail, open to an appeal (law 78-17, art. 47; Conseil constitutionnel, "
                    "2018-765 DC).",
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
        pourquoi_fr="Chacun a le droit de savoir comment et à quel moment l'algorithme a pesé sur la décision qui "
                    "le vise : c'est le premier élément communiqué à sa demande (R311-3-1-2, 1°).",
        pourquoi_en="Everyone has the right to know how and when the algorithm weighed on the decision about them: "
                    "it is the first item communicated on request (R311-3-1-2, 1°).",
    )
    supervision_humaine: Optional[Texte] = champ(
        fr="Supervision humaine", en="Human oversight", section="decision", exigence="recommande",
        exemple="Chaque fuite signalée est vérifiée sur le terrain par un technicien.",
        aide_fr="Comment des personnes contrôlent, corrigent ou écartent les résultats du traitement.",
        aide_en="How people check, correct or set aside the results of the processing.",
        standards={"nl": "human_intervention", "uk": "human_decisions_and_review",
                   "eurocities": "human_intervention", "ai_act": "Art. 26(2), 27(1)(e)"},
        pourquoi_fr="Une personne compétente doit pouvoir vérifier, corriger ou écarter le résultat : le règlement "
                    "européen sur l'intelligence artificielle le prévoit pour les systèmes à haut risque (art. 26), "
                    "et la notice l'explique.",
        pourquoi_en="A competent person must be able to check, correct or set aside the result: the European "
                    "regulation on artificial intelligence provides for it for high-risk systems (art. 26), and the "
                    "notice explains it.",
    )
    base_legale: Optional[Texte] = champ(
        fr="Base légale", en="Legal basis", section="decision",
        exemple="Mission de service public de distribution de l'eau potable (CGCT, L2224-7).",
        aide_fr="Le texte ou la mission qui fonde le traitement.",
        aide_en="The legal text or public task the processing rests on.",
        standards={"etalab": "Fondements juridiques", "nl": "lawful_basis", "eurocities": "lawful_basis"},
        pourquoi_fr="Une administration n'agit qu'en vertu d'un texte ou d'une mission de service public : les "
                    "personnes ont le droit de connaître ce fondement, que la notice et l'information sur leurs "
                    "données rappellent.",
        pourquoi_en="An administration only acts under a legal text or a public task: people have the right to know "
                    "that basis, which the notice and the information about their data recall.",
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
        pourquoi_fr="Chacun peut demander les règles du traitement ; après un refus, il saisit la CADA (Commission "
                    "d'accès aux documents administratifs) avant tout juge. La loi impose de dire comment faire "
                    "(R311-3-1-1).",
        pourquoi_en="Anyone may ask for the rules of the processing; after a refusal, they refer to the CADA "
                    "(commission for access to administrative documents) before any court. The law requires saying "
                    "how (R311-3-1-1).",
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
        pourquoi_fr="Les règles se demandent à un service ou à la PRADA (personne responsable de l'accès aux "
                    "documents administratifs) ; les données personnelles (information sur une personne "
                    "identifiable), au délégué à la protection des données.",
        pourquoi_en="Rules are asked of a department or the PRADA (person responsible for access to administrative "
                    "documents); personal data (information about an identifiable person), of the data protection "
                    "officer.",
    )
    procedure_objection: Optional[Texte] = champ(
        fr="Procédure d'objection", en="Objection procedure", section="decision",
        exemple="Toute personne peut demander un réexamen humain de sa demande.",
        aide_fr="Comment les personnes peuvent s'opposer à l'usage ou au résultat de l'algorithme.",
        aide_en="How people can object to the use or the result of the algorithm.",
        bibliotheque="objection", standards={"eurocities": "objection_procedure", "ai_act": "Art. 27(1)(f)"},
        pourquoi_fr="Une personne doit pouvoir contester le résultat et obtenir un réexamen par un agent ; "
                    "l'analyse d'impact du règlement européen sur l'intelligence artificielle décrit ces voies de "
                    "réclamation (art. 27).",
        pourquoi_en="A person must be able to contest the result and get a review by a staff member; the impact "
                    "assessment of the European regulation on artificial intelligence describes these complaint "
                    "routes (art. 27).",
    )
    url_regles_publiees: Optional[Url] = champ(
        fr="Règles publiées", en="Published rules", section="decision",
        exemple="https://www.example.fr/algorithmes/attribution-places-creche",
        aide_fr="Page où sont publiées en ligne les règles de l'algorithme (L312-1-3).",
        aide_en="Page where the rules of the algorithm are published online (L312-1-3).",
        standards={"crpa": "L312-1-3", "etalab": "Ressources connexes"},
        pourquoi_fr="Les administrations de 50 agents ou plus publient en ligne les règles de leurs principaux "
                    "traitements algorithmiques qui fondent des décisions sur des personnes (L312-1-3, D312-1-4).",
        pourquoi_en="Administrations with 50 staff or more publish online the rules of their main algorithmic "
                    "processings that underlie decisions about people (L312-1-3, D312-1-4).",
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
        pourquoi_fr="La loi permet de taire ce qu'un secret protégé couvre (sécurité publique, vie privée, secret "
                    "des affaires… : L311-5, L311-6) ; dire lequel justifie ce qui n'est pas communiqué.",
        pourquoi_en="The law allows withholding what a protected secret covers (public safety, privacy, business "
                    "secrets…: L311-5, L311-6); naming it justifies what is not communicated.",
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
        pourquoi_fr="Un barème relève du code des relations entre le public et l'administration et du règlement "
                    "général sur la protection des données ; un système qui infère relève en plus du règlement "
                    "européen sur l'intelligence artificielle.",
        pourquoi_en="A scale falls under the French code of relations between the public and the administration and "
                    "the General Data Protection Regulation; a system that infers also falls under the European "
                    "regulation on artificial intelligence.",
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
        pourquoi_fr="Une décision entièrement automatisée ne peut pas reposer sur un algorithme qui change seul ses "
                    "règles sans contrôle de la collectivité (Conseil constitutionnel, 2018-765 DC).",
        pourquoi_en="A fully automated decision may not rest on an algorithm that changes its own rules without the "
                    "authority's control (Conseil constitutionnel, 2018-765 DC).",
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
        pourquoi_fr="Les données traitées et leurs sources sont communiquées à toute personne qui le demande "
                    "(R311-3-1-2, 2°) : elles permettent de comprendre sur quoi repose le résultat.",
        pourquoi_en="The data processed and their sources are communicated to anyone who asks (R311-3-1-2, 2°): "
                    "they show what the result rests on.",
    )
    donnees_sensibles: Optional[Booleen] = champ(
        fr="Données sensibles", en="Sensitive data", section="fonctionnement", exemple=False, depuis="1.1",
        aide_fr="Le traitement utilise-t-il des données sensibles (RGPD, art. 9) : santé, origine, opinions "
                "politiques, convictions religieuses, appartenance syndicale, biométrie, vie ou orientation "
                "sexuelle ?",
        aide_en="Does the processing use sensitive data (GDPR art. 9): health, origin, political opinions, "
                "religious beliefs, trade-union membership, biometrics, sex life or orientation?",
        standards={"rgpd": "Art. 9"},
        pourquoi_fr="Santé, origine, opinions, religion, syndicat, biométrie, sexualité : le règlement général sur "
                    "la protection des données les protège davantage (art. 9) ; une décision entièrement "
                    "automatisée ne peut pas s'en servir.",
        pourquoi_en="Health, origin, opinions, religion, trade union, biometrics, sex life: the General Data "
                    "Protection Regulation protects them more (art. 9); a fully automated decision may not use them.",
    )
    duree_conservation: Optional[Texte] = champ(
        fr="Durée de conservation des données", en="Data retention period", section="fonctionnement",
        depuis="1.1", exemple="Les données des demandes sont conservées deux ans après la décision.",
        aide_fr="Combien de temps les données personnelles sont conservées, ou selon quel critère (RGPD, "
                "art. 13(2)(a)) ; la notice l'indique aux personnes.",
        aide_en="How long personal data are kept, or by what criterion (GDPR art. 13(2)(a)); the notice tells "
                "the people concerned.",
        standards={"rgpd": "Art. 13(2)(a)"},
        pourquoi_fr="Les données personnelles (information sur une personne identifiable) ne sont gardées que le "
                    "temps nécessaire ; le règlement général sur la protection des données impose de dire combien "
                    "de temps (art. 13).",
        pourquoi_en="Personal data (information about an identifiable person) are kept only as long as needed; the "
                    "General Data Protection Regulation requires telling people for how long (art. 13).",
    )
    criteres_aipd: list[code_of(CRITERES_AIPD)] = champ(  # type: ignore[valid-type]
        fr="Critères de risque (protection des données)", en="Data protection risk criteria",
        section="fonctionnement", default_factory=list, depuis="1.1",
        exemple=["evaluation", "personnes_vulnerables"],
        aide_fr="Les critères du Comité européen de la protection des données que remplit le traitement. Deux "
                "critères, ou un type de la liste de la CNIL (délibération 2018-327), rendent obligatoire une "
                "analyse d'impact relative à la protection des données (RGPD, art. 35).",
        aide_en="The European Data Protection Board's criteria the processing meets. Two criteria, or a type on "
                "the CNIL's list (deliberation No. 2018-327), make a data protection impact assessment mandatory "
                "(GDPR art. 35).",
        standards={"rgpd": "Art. 35"},
        pourquoi_fr="Deux critères, ou un type listé par la Commission nationale de l'informatique et des libertés, "
                    "rendent obligatoire une analyse d'impact préalable (règlement général sur la protection des "
                    "données, art. 35).",
        pourquoi_en="Two criteria, or a type listed by the French data protection authority (CNIL), make a prior "
                    "data protection impact assessment mandatory (General Data Protection Regulation, art. 35).",
    )
    parametres: list[Parametre] = champ(
        fr="Paramètres et pondération", en="Parameters and weighting", section="fonctionnement",
        default_factory=list,
        exemple=[{"nom": "Zone de pleine terre", "ponderation": "Coefficient positif"}],
        aide_fr="Les paramètres du traitement et, le cas échéant, leur pondération (R311-3-1-2, 3°).",
        aide_en="The parameters of the processing and, where relevant, their weighting (R311-3-1-2, 3°).",
        standards={"crpa": "R311-3-1-2 3°", "uk": "model_input", "ai_act": "Art. 86"},
        pourquoi_fr="La personne qui le demande obtient les paramètres et leur pondération appliqués à sa propre "
                    "situation (R311-3-1-2, 3°) : c'est ce qui lui permet de vérifier la décision.",
        pourquoi_en="A person who asks gets the parameters and their weighting as applied to their own situation "
                    "(R311-3-1-2, 3°): this lets them check the decision.",
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
        pourquoi_fr="Les opérations effectuées par le traitement sont communiquées, sous une forme intelligible, à "
                    "la personne qui le demande (R311-3-1-2, 4°) : écrivez-les pour un non-spécialiste.",
        pourquoi_en="The operations carried out by the processing are communicated, in an intelligible form, to a "
                    "person who asks (R311-3-1-2, 4°): write them for a non-specialist.",
    )
    url_code_source: Optional[Url] = champ(
        fr="Code source", en="Source code", section="fonctionnement",
        exemple="https://github.com/TelesCoop/iarbre",
        aide_fr="Dépôt du code source, s'il est publié (le code source est un document administratif "
                "communicable, L300-2).",
        aide_en="Source code repository, if published (source code is a communicable administrative "
                "document, L300-2).",
        standards={"nl": "publiccode", "eurocities": "codebase_url", "etalab": "Ressources connexes"},
        pourquoi_fr="Le code source d'un algorithme public est un document administratif communicable (L300-2) : le "
                    "publier répond d'avance aux demandes.",
        pourquoi_en="The source code of a public algorithm is a communicable administrative document (L300-2): "
                    "publishing it answers requests in advance.",
    )
    suivi: Optional[Texte] = champ(
        fr="Suivi et contrôle", en="Monitoring", section="fonctionnement",
        exemple="Tableau de bord quotidien des questions et réponses, revu chaque matin.",
        aide_fr="Comment la performance, les biais et les effets du système sont suivis dans le temps.",
        aide_en="How the system's performance, biases and effects are monitored over time.",
        bibliotheque="monitoring_impact",
        standards={"uk": "model_performance", "eurocities": "monitoring", "ai_act": "Art. 26(5)"},
        pourquoi_fr="Un système peut dériver ou produire des biais avec le temps ; le règlement européen sur "
                    "l'intelligence artificielle prévoit que la collectivité surveille un système à haut risque en "
                    "service (art. 26).",
        pourquoi_en="A system can drift or develop biases over time; the European regulation on artificial "
                    "intelligence provides that the authority monitors a high-risk system in service (art. 26).",
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
        pourquoi_fr="L'annexe III du règlement européen sur l'intelligence artificielle est la liste des usages à "
                    "haut risque (aides sociales, recrutement, écoles…) : en relever peut entraîner des obligations "
                    "renforcées.",
        pourquoi_en="Annex III of the European regulation on artificial intelligence is the list of high-risk uses "
                    "(social benefits, recruitment, schools…): falling under it can bring stronger duties.",
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
        pourquoi_fr="Le règlement européen sur l'intelligence artificielle gradue les obligations : pratiques "
                    "interdites, haut risque (liste des usages de l'annexe III), obligation de transparence (art. "
                    "50), risque minimal.",
        pourquoi_en="The European regulation on artificial intelligence grades duties: prohibited practices, high "
                    "risk (the list of high-risk uses of Annex III), transparency obligation (art. 50), minimal "
                    "risk.",
    )
    interaction_public: Optional[Booleen] = champ(
        fr="Interagit avec le public", en="Interacts with the public", section="ia_act", exigence="recommande",
        exemple=False,
        aide_fr="Le système dialogue-t-il directement avec des personnes (agent conversationnel, callbot) ? "
                "Elles doivent alors savoir qu'elles parlent à une IA (art. 50).",
        aide_en="Does the system talk directly with people (chatbot, callbot)? They must then be told they "
                "are talking to an AI (art. 50).",
        standards={"ai_act": "Art. 50(1)"},
        pourquoi_fr="L'art. 50 du règlement européen sur l'intelligence artificielle pose une obligation de "
                    "transparence : une personne doit savoir qu'elle parle à une IA, par exemple à un agent "
                    "conversationnel.",
        pourquoi_en="Art. 50 of the European regulation on artificial intelligence sets a transparency obligation: "
                    "people must know they are talking to an AI, a chatbot for instance.",
    )
    information_ia: Optional[Texte] = champ(
        fr="Information sur l'usage de l'IA", en="AI disclosure", section="ia_act",
        exemple="Un message vocal annonce en début d'appel que l'interlocuteur est un assistant automatique.",
        aide_fr="Comment les personnes sont informées qu'elles interagissent avec une IA ou que le contenu "
                "est généré par une IA.",
        aide_en="How people are told they are interacting with an AI or that content is AI-generated.",
        standards={"ai_act": "Art. 50"},
        pourquoi_fr="Le règlement européen sur l'intelligence artificielle prévoit que les personnes sachent "
                    "qu'elles échangent avec une IA ou lisent un contenu généré : dites comment elles l'apprennent.",
        pourquoi_en="The European regulation on artificial intelligence provides that people know they are dealing "
                    "with an AI or reading generated content: say how they learn it.",
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
        pourquoi_fr="Obligation de transparence de l'art. 50(4) du règlement européen sur l'intelligence "
                    "artificielle : un texte généré publié pour informer le public est signalé, sauf relecture "
                    "humaine sous responsabilité éditoriale.",
        pourquoi_en="Transparency obligation of art. 50(4) of the European regulation on artificial intelligence: a "
                    "generated text published to inform the public is disclosed, unless a person reviewed it under "
                    "editorial responsibility.",
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
        pourquoi_fr="L'art. 50(4) pose une obligation de transparence : chaque texte généré publié porte un "
                    "avertissement, ou une personne le relit et en porte la responsabilité éditoriale ; dites "
                    "lequel.",
        pourquoi_en="Art. 50(4) sets a transparency obligation: each generated text published carries a label, or a "
                    "person reviews it and holds editorial responsibility; say which.",
    )
    formation_ia: Optional[Texte] = champ(
        fr="Maîtrise de l'IA par les agents", en="Staff AI literacy", section="ia_act", depuis="1.1",
        exemple="Les 12 agents du service ont suivi une formation de deux jours sur l'outil et ses limites.",
        aide_fr="Comment la collectivité s'assure que les agents qui utilisent ou supervisent le système en ont "
                "une maîtrise suffisante : formation, guide, accompagnement (art. 4 du règlement sur l'IA).",
        aide_en="How the authority ensures that staff who use or oversee the system have sufficient literacy: "
                "training, guidance, support (art. 4 of the AI Act).",
        standards={"ai_act": "Art. 4"},
        pourquoi_fr="Le règlement européen sur l'intelligence artificielle (art. 4) demande que les agents qui "
                    "utilisent une IA la maîtrisent assez pour en voir les limites et les erreurs.",
        pourquoi_en="The European regulation on artificial intelligence (art. 4) requires staff who use an AI to "
                    "master it well enough to see its limits and errors.",
    )
    analyses_impact: list[AnalyseImpact] = champ(
        fr="Analyses d'impact", en="Impact assessments", section="ia_act", default_factory=list,
        exemple=[{"type": "aipd", "date": "2024-09"}],
        aide_fr="Les analyses d'impact réalisées : AIPD, analyse d'impact sur les droits fondamentaux…",
        aide_en="The impact assessments carried out: DPIA, fundamental rights impact assessment…",
        standards={"nl": "impacttoetsen", "uk": "impact_assessment", "eurocities": "DPIA_url",
                   "ai_act": "Annex VIII C.4, C.5"},
        pourquoi_fr="L'AIPD (analyse d'impact relative à la protection des données) et, pour un système à haut "
                    "risque, l'analyse d'impact sur les droits fondamentaux montrent que les risques ont été pesés "
                    "avant la mise en service.",
        pourquoi_en="The DPIA (data protection impact assessment) and, for a high-risk system, the fundamental "
                    "rights impact assessment show that the risks were weighed before going live.",
    )
    url_base_ue: Optional[Url] = champ(
        fr="Enregistrement dans la base de l'UE", en="EU database entry", section="ia_act",
        exemple="https://ec.europa.eu/ai-database/entry/0000",
        aide_fr="Pour un système à haut risque de l'annexe III : lien vers l'enregistrement, par la "
                "collectivité, de son utilisation dans la base de données de l'UE (art. 49(3)).",
        aide_en="For an Annex III high-risk system: link to the authority's registration of its use in the EU "
                "database (art. 49(3)).",
        standards={"ai_act": "Art. 49(3)"},
        pourquoi_fr="La base de l'UE, registre européen des systèmes d'IA à haut risque, est celle où le règlement "
                    "prévoit qu'une collectivité inscrive son usage d'un système de l'annexe III, liste des usages "
                    "à haut risque (art. 49(3)).",
        pourquoi_en="The EU database, the European register of high-risk AI systems, is where the regulation "
                    "provides that an authority registers its use of an Annex III system, the list of high-risk "
                    "uses (art. 49(3)).",
    )
    url_base_ue_fournisseur: Optional[Url] = champ(
        fr="Entrée du fournisseur dans la base de l'UE", en="Provider's EU database entry", section="ia_act",
        exemple="https://ec.europa.eu/ai-database/entry/0001", depuis="1.1",
        aide_fr="Pour un système à haut risque : lien vers l'entrée du système enregistrée par son fournisseur "
                "(art. 49(1)) ; l'enregistrement de la collectivité y renvoie (annexe VIII, section C, point 3).",
        aide_en="For a high-risk system: link to the system's entry registered by its provider (art. 49(1)); the "
                "authority's registration refers to it (Annex VIII, section C, point 3).",
        standards={"ai_act": "Annex VIII C.3", "eurocities": "product_information"},
        pourquoi_fr="Le fournisseur, entreprise qui développe le système d'IA et le met sur le marché, l'inscrit au "
                    "registre européen des systèmes d'IA à haut risque (art. 49(1)) ; l'inscription de la "
                    "collectivité y renvoie.",
        pourquoi_en="The provider, the company that develops the AI system and places it on the market, registers "
                    "it in the European register of high-risk AI systems (art. 49(1)); the authority's entry refers "
                    "to it.",
    )
    conservation_journaux_mois: Optional[Entier] = champ(
        fr="Conservation des journaux (mois)", en="Log retention (months)", section="ia_act", exemple=6, ge=0,
        depuis="1.1",
        aide_fr="Pour un système à haut risque : durée, en mois, pendant laquelle la collectivité conserve les "
                "journaux générés automatiquement par le système ; au moins six mois (art. 26(6)).",
        aide_en="For a high-risk system: how many months the authority keeps the logs the system generates "
                "automatically; at least six months (art. 26(6)).",
        standards={"ai_act": "Art. 26(6)"},
        pourquoi_fr="Les journaux du système permettent de retrouver ce qui s'est passé après une erreur ou une "
                    "plainte ; pour un système à haut risque, le règlement prévoit de les garder au moins six mois "
                    "(art. 26(6)).",
        pourquoi_en="The system's logs make it possible to trace what happened after an error or a complaint; for a "
                    "high-risk system, the regulation provides for keeping them at least six months (art. 26(6)).",
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
        pourquoi_fr="Avant d'utiliser un système à haut risque sur le lieu de travail, le règlement prévoit d'en "
                    "informer les agents concernés et leurs représentants (art. 26(7)) : dites comment ce fut fait.",
        pourquoi_en="Before a high-risk system is used at the workplace, the regulation provides for informing the "
                    "staff concerned and their representatives (art. 26(7)): say how it was done.",
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
