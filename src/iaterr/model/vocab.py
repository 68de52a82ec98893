"""Controlled vocabularies: stable codes with French and English labels.

Every enumeration of the model is a :class:`Vocabulary` of :class:`Term`. A term
has a stable ``code`` (what records store), a French and an English label, and
the aliases met in real data (the Bibliothèque d'IA territoriales export, its
data-model spreadsheet, the booklet). Lookup is forgiving about case, accents,
apostrophes, dashes and spacing, so that "Transition écologique et énergétique"
and "Transformation écologique et énergétique" land on one code.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    code: str
    fr: str
    en: str
    aliases: tuple[str, ...] = ()
    #: For hierarchical vocabularies (sub-themes): the code of the parent term.
    parent: str | None = None
    #: Optional longer explanation, French and English.
    aide_fr: str = ""
    aide_en: str = ""
    #: The label the Bibliothèque d'IA territoriales writes in its export, where it differs from ``fr``
    #: (``iaterr export --format bibliotheque`` writes it; the importer reads it back).
    bibliotheque: str = ""

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    @property
    def bibliotheque_label(self) -> str:
        """The Bibliothèque's spelling of this term (its export's, else its data model's, else ``fr``)."""
        return self.bibliotheque or self.fr


_SPACES = re.compile(r"[\s_\-‐-―/]+")


#: What :func:`fold` writes for a character met after NFKD decomposition, filled as characters are met
#: (combining marks removed, typographic apostrophes made straight, « œ » spelt out, the rest kept).
_FOLDED: dict[str, str] = {}
_DASHES = "".join(map(chr, range(0x2010, 0x2016)))  # the range ‐-― of _SPACES
_ASCII = frozenset(map(chr, range(128)))


def _folded(char: str) -> str:
    value = _FOLDED.get(char)
    if value is None:
        value = "" if unicodedata.combining(char) else {"’": "'", "‘": "'", "œ": "oe", "Œ": "oe"}.get(char, char)
        _FOLDED[char] = value
    return value


def fold(text: str) -> str:
    """Normalise a label for comparison: no accents, no case, one space.

    The same as decomposing (NFKD), dropping combining marks, replacing ’ ‘ œ Œ, case-folding and collapsing
    runs of spaces, underscores, dashes and slashes into one space, done with C string methods: the few
    distinct non-ASCII characters of a text are replaced one by one, and ASCII text skips the first steps."""
    text = str(text)
    if text.isascii():  # NFKD leaves it as it is, and casefold() is lower() there
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            for char in set(text).difference(_ASCII):
                value = _folded(char)
                if value != char:
                    text = text.replace(char, value)
        text = text.casefold()
        for char in _DASHES:
            if char in text:
                text = text.replace(char, " ")
    if "_" in text:
        text = text.replace("_", " ")
    if "-" in text:
        text = text.replace("-", " ")
    if "/" in text:
        text = text.replace("/", " ")
    return " ".join(text.split())  # str.split() and the \s of re split on the same spaces


@dataclass
class Vocabulary:
    name: str
    title_fr: str
    title_en: str
    terms: tuple[Term, ...]
    _index: dict[str, Term] = field(default_factory=dict, repr=False)
    _codes: dict[str, Term] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            if term.code in self._codes:
                raise ValueError(f"duplicate code {term.code} in {self.name}")
            self._codes[term.code] = term
        # codes first, then labels, then aliases: a code always wins
        for attr in ("code", "fr", "en"):
            for term in self.terms:
                self._index.setdefault(fold(getattr(term, attr)), term)
        for term in self.terms:
            for alias in (*term.aliases, *((term.bibliotheque,) if term.bibliotheque else ())):
                self._index.setdefault(fold(alias), term)

    @property
    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> Term:
        return self._codes[code]

    def get(self, code: str) -> Term | None:
        return self._codes.get(code)

    def resolve(self, value: str) -> Term | None:
        """The term that ``value`` names (code, label or alias), or None."""
        if value in self._codes:
            return self._codes[value]
        return self._index.get(fold(value))

    def suggest(self, value: str, n: int = 3) -> list[str]:
        """Codes close to an unknown value, best first."""
        keys = list(self._index)
        found = difflib.get_close_matches(fold(value), keys, n=n * 2, cutoff=0.6)
        out: list[str] = []
        for key in found:
            code = self._index[key].code
            if code not in out:
                out.append(code)
        return out[:n]

    def children(self, parent: str) -> list[Term]:
        return [t for t in self.terms if t.parent == parent]

    def label(self, code: str, lang: str = "fr") -> str:
        term = self._codes.get(code)
        return term.label(lang) if term else code


def _v(name: str, fr: str, en: str, *terms: Term) -> Vocabulary:
    return Vocabulary(name, fr, en, tuple(terms))


T = Term

THEMES = _v(
    "themes", "Thèmes", "Themes",
    T("transition_ecologique", "Transformation écologique et énergétique", "Ecological and energy transition",
      ("Transition écologique et énergétique", "Transition écologique", "Transformation écologique",
       "Transition écologique et énergétique ", "Environnement"), bibliotheque="Transition écologique et énergétique"),
    T("attractivite_developpement", "Attractivité et développement", "Attractiveness and development",
      ("Attractivité et aménagement", "Attractivité")),
    T("citoyennete_sante_solidarite", "Citoyenneté, santé et solidarité", "Citizenship, health and solidarity",
      ("Citoyenneté, santé et solidarités", "Citoyens et solidarité", "Citoyenneté santé solidarité",
       "Affaires sociales")),
    T("mobilites", "Mobilités", "Mobility", ("Mobilité", "Transports et mobilités")),
    T("gouvernance_socles", "Gouvernance et socles technologiques", "Governance and technology foundations",
      ("Governance et socles technologiques", "Gouvernance")),
    T("administration_interne", "Administration et organisation interne", "Administration and internal organisation",
      ("Administration",)),
)

_ST: list[tuple[str, list[tuple[str, str, str, tuple[str, ...]]]]] = [
    ("transition_ecologique", [
        ("performance_energetique", "Performance énergétique", "Energy performance", ()),
        ("eclairage_public", "Éclairage public", "Street lighting", ()),
        ("gestion_eau", "Gestion de l'eau", "Water management", ()),
        ("dechets_economie_circulaire", "Déchets et économie circulaire", "Waste and circular economy", ()),
        ("qualite_air_bruit", "Qualité de l'air et nuisances sonores", "Air quality and noise", ()),
        ("biodiversite", "Biodiversité et préservation des espaces naturels",
         "Biodiversity and natural areas", ()),
        ("prevention_risques", "Prévention et gestion des risques", "Risk prevention and management", ()),
    ]),
    ("attractivite_developpement", [
        ("commerce_developpement_economique", "Commerce et développement économique",
         "Trade and economic development", ()),
        ("agriculture", "Agriculture", "Agriculture", ()),
        ("culture_loisirs", "Culture et loisirs", "Culture and leisure", ("Tourisme et patrimoine",)),
        ("construction_amenagement", "Construction et aménagement", "Construction and planning",
         ("Urbanisme", "Aménagement")),
        ("immobilier", "Immobilier", "Real estate", ()),
    ]),
    ("citoyennete_sante_solidarite", [
        ("education", "Éducation", "Education", ("Education et enfance",)),
        ("sante", "Santé et accès aux soins", "Health and access to care", ()),
        ("accessibilite_handicap", "Accessibilité et handicap", "Accessibility and disability", ()),
        ("relation_usagers", "Lien social et relation aux usagers", "Social ties and user relations",
         ("Relation usagers", "Relation aux usagers")),
        ("inclusion_numerique", "Inclusion numérique", "Digital inclusion", ()),
        ("participation_citoyenne", "Participation citoyenne", "Citizen participation",
         ("Participation et concertation",)),
    ]),
    ("mobilites", [
        ("logistique_urbaine", "Logistique urbaine", "Urban logistics", ()),
        ("multimodalite", "Multimodalités", "Multimodality", ("Multimodalité",)),
        ("flux_trafic", "Flux et trafic", "Traffic and flows", ()),
        ("mobilite_decarbonee", "Mobilité décarbonée", "Low-carbon mobility", ()),
        ("stationnement", "Stationnement", "Parking", ()),
    ]),
    ("gouvernance_socles", [
        ("jumeau_numerique", "Modélisation et jumeau numérique", "Modelling and digital twin", ()),
        ("outillage_si", "Outillage système d'information", "Information-system tooling", ()),
        ("infrastructures_numeriques", "Infrastructures numériques", "Digital infrastructure", ()),
        ("strategie_numerique_responsable", "Gouvernance et stratégie numérique responsable",
         "Governance and responsible digital strategy", ()),
        ("plateforme_donnees", "Plateforme de données", "Data platform", ()),
        ("cybersecurite", "Cybersécurité", "Cybersecurity", ()),
    ]),
    ("administration_interne", [
        ("ressources_humaines", "Gestion des ressources humaines", "Human resources", ()),
        ("gestion_assemblees", "Gestion des assemblées", "Council and assembly management", ()),
        ("marches_publics", "Gestion des marchés publics", "Public procurement", ()),
        ("aide_redaction", "Aide à la rédaction et gestion documentaire", "Drafting aid and document management", ()),
        ("aide_juridique", "Aide juridique", "Legal aid", ()),
    ]),
]

#: The sub-themes the Bibliothèque's export spells differently (typographic apostrophes).
_ST_BIBLIOTHEQUE = {"gestion_eau": "Gestion de l’eau", "qualite_air_bruit": "Qualité de l’air et nuisances sonores",
                    "outillage_si": "Outillage système d’information"}

SOUS_THEMES = Vocabulary(
    "sous_themes", "Sous-thèmes", "Sub-themes",
    tuple(T(code, fr, en, aliases, parent=theme, bibliotheque=_ST_BIBLIOTHEQUE.get(code, ""))
          for theme, items in _ST for code, fr, en, aliases in items),
)

STATUTS = _v(
    "statuts", "Statuts du projet", "Project statuses",
    T("en_reflexion", "En réflexion", "Under consideration", ("Réflexion", "Idée")),
    T("en_construction", "En construction", "Being built", ("En conception", "Conception", "En développement")),
    T("en_experimentation", "En expérimentation", "Pilot", ("Expérimentation", "POC", "Preuve de concept", "Pilote")),
    T("en_deploiement", "En déploiement", "Deployed", ("Déploiement", "Déployé", "En production", "En service")),
    T("termine", "Terminé", "Completed", ("Terminée", "Termine", "Achevé", "Fini")),
    T("abandonne", "Abandonné", "Abandoned", ("Abandonnée", "Arrêté")),
)

TYPES_COLLECTIVITE = _v(
    "types_collectivite", "Types de collectivité", "Types of local authority",
    T("commune", "Commune", "Municipality", ("Ville", "Mairie")),
    T("epci", "EPCI", "Inter-municipal body (EPCI)", ("Intercommunalité", "Établissement public de coopération intercommunale")),
    T("communaute_communes", "Communauté de communes", "Community of municipalities", ("CC",), bibliotheque="EPCI"),
    T("communaute_agglomeration", "Communauté d'agglomération", "Urban community (agglomeration)",
      ("Communauté d'agglomérations", "CA", "Agglomération", "Communauté d'agglo"),
      bibliotheque="Communauté d'agglomérations"),
    T("communaute_urbaine", "Communauté urbaine", "Urban community", ("CU",), bibliotheque="EPCI"),
    T("metropole", "Métropole", "Metropolis", ()),
    T("ept", "Établissement public territorial", "Territorial public body (Greater Paris)", ("EPT",), bibliotheque="EPT"),
    T("departement", "Département", "Département", ()),
    T("region", "Région", "Region", ()),
    T("statut_particulier", "Collectivité à statut particulier", "Authority with special status",
      ("Collectivité territoriale unique", "Ville de Paris", "CTU")),
    T("syndicat_mixte", "Syndicat mixte", "Mixed syndicate", ()),
    T("syndicat", "Syndicat intercommunal", "Inter-municipal syndicate", ("Syndicat", "SIVU", "SIVOM")),
    T("operateur", "Opérateur public", "Public operator", ("Opérateur",), bibliotheque="Opérateur"),
)

PUBLICS = _v(
    "publics", "Publics du service", "Audiences",
    T("grand_public", "Grand public", "General public", ("Habitants", "Citoyens", "Usagers")),
    T("beneficiaires", "Bénéficiaires", "Beneficiaries", ("Bénéficiaire",), bibliotheque="Bénéficiaire"),
    T("agents", "Agents", "Staff", ("Agent",), bibliotheque="Agent"),
    T("associations", "Associations", "Associations", ("Association",), bibliotheque="Association"),
    T("elus", "Élus", "Elected officials", ("Élu", "Elu"), bibliotheque="Élu"),
    T("entreprises", "Entreprises", "Businesses", ("Entreprise",)),
    T("collectivites", "Collectivités", "Local authorities", ("Collectivité",)),
    T("etablissements_scolaires", "Établissements scolaires", "Schools", ("Établissement scolaire",),
      bibliotheque="Etablissement scolaire"),
    T("etablissements_sante", "Établissements de santé", "Health institutions", ("Établissement santé",),
      bibliotheque="Etablissement santé"),
    T("amenageurs", "Aménageurs", "Developers and planners", ("Aménageur",),
      aide_fr="Valeur rencontrée dans la Bibliothèque, hors de son énumération.",
      aide_en="Value met in the Bibliothèque's data, outside its enumeration."),
)

BUDGETS = _v(
    "budgets", "Budget annuel", "Annual budget",
    T("moins_50k", "Moins de 50 k€ par an", "Under €50k a year", ("moins de 50k€", "< 50k€")),
    T("de_50k_a_100k", "De 50 k€ à 100 k€ par an", "€50k to €100k a year", ("de 50k€ à 100k€", "50k€ - 100k€",
                                                                            "entre 50k€ et 100k€")),
    T("plus_100k", "Plus de 100 k€ par an", "Over €100k a year", ("plus de 100k€", "> 100k€")),
)

MISES_EN_OEUVRE = _v(
    "mises_en_oeuvre", "Développement et mise en œuvre", "Development and delivery",
    T("interne", "Projet développé en interne", "Developed in house",
      ("développé en régie", "en régie", "régie", "interne")),
    T("externe", "Projet développé en externe", "Developed externally", ("externe",)),
    T("prestataire", "Mobilisation de prestataire(s)", "With contractors",
      ("Mobilisation de prestataires", "prestataire", "prestataires")),
    T("marche_public", "Marché public", "Public procurement contract",
      ("marché d'innovation", "marché public d'innovation")),
)

HEBERGEMENTS = _v(
    "hebergements", "Hébergement", "Hosting",
    T("cloud_tiers", "Cloud chez un tiers", "Third-party cloud", ("cloud", "SaaS")),
    T("interne", "En interne de l'administration", "On the administration's own servers",
      ("interne", "sur site", "on premise", "serveurs de la collectivité")),
    T("nsp", "Ne sait pas", "Unknown", ("NSP",), bibliotheque="NSP"),
)

TYPES_ALGORITHME = _v(
    "types_algorithme", "Types d'algorithme", "Types of algorithm",
    T("apprentissage_automatique", "Apprentissage automatique", "Machine learning",
      ("Machine Learning", "ML", "apprentissage machine"), bibliotheque="Machine Learning"),
    T("traitement_langage", "Traitement automatique du langage", "Natural language processing",
      ("TAL", "NLP", "Traitement du langage naturel")),
    T("ia_generative", "IA générative", "Generative AI", ("LLM", "Grand modèle de langage", "GenAI")),
    T("vision_ordinateur", "Vision par ordinateur", "Computer vision", ("Computer vision",),
      bibliotheque="Computer vision"),
    T("reseaux_neurones", "Réseaux de neurones", "Neural networks", ("Deep learning", "Apprentissage profond")),
    T("regles", "Règles explicites (algorithme déterministe)", "Explicit rules (deterministic algorithm)",
      ("rule-based", "système expert", "algorithme déterministe", "règles métier")),
    T("optimisation", "Optimisation", "Optimisation", ("recherche opérationnelle",)),
    T("nsp", "Ne sait pas", "Unknown", ("NSP",), bibliotheque="NSP"),
)

SOURCES_DONNEES = _v(
    "sources_donnees", "Sources des données", "Data sources",
    T("usager", "Fournies par l'usager", "Provided by the user", ("usager", "l'usager", "usagers")),
    T("interne", "Jeu de données interne", "Internal dataset", ("données internes", "interne")),
    T("open_data", "Open data", "Open data", ("données ouvertes", "opendata")),
    T("tiers", "Données d'un tiers", "Third-party data", ("tiers", "partenaire")),
    T("nsp", "Ne sait pas", "Unknown", ("NSP",), bibliotheque="NSP"),
)

MODES_COLLECTE = _v(
    "modes_collecte", "Modes de collecte et d'accès", "Collection and access modes",
    T("api", "Par API", "Through an API", ("API",)),
    T("automatisee", "Collecte automatisée", "Automated collection", ("automatisée", "capteurs", "automatique")),
    T("manuelle", "Récupération manuelle", "Manual retrieval", ("par récupération manuelle", "manuelle", "saisie")),
    T("nsp", "Ne sait pas", "Unknown", ("NSP",), bibliotheque="NSP"),
)

NIVEAUX_RISQUE = _v(
    "niveaux_risque", "Niveaux de risque (règlement européen sur l'IA)", "Risk tiers (EU AI Act)",
    T("inacceptable", "Risque inacceptable (pratique interdite, art. 5)", "Unacceptable risk (prohibited, art. 5)",
      ("inacceptable", "interdit")),
    T("eleve", "Risque élevé (art. 6 et annexe III)", "High risk (art. 6 and Annex III)",
      ("risque élevé", "élevé", "haut risque", "high")),
    T("limite", "Risque limité (obligations de transparence, art. 50)", "Limited risk (transparency duties, art. 50)",
      ("risque limité", "limité", "limited")),
    T("minimal", "Risque minimal", "Minimal risk", ("risque minimal", "minimal", "minime")),
    T("non_evalue", "Non évalué", "Not assessed", ("NSP", "à évaluer")),
)

DOMAINES_ANNEXE_III = _v(
    "domaines_annexe_iii", "Domaines de l'annexe III du règlement sur l'IA", "AI Act Annex III areas",
    T("biometrie", "1. Biométrie : identification à distance, catégorisation, reconnaissance des émotions",
      "1. Biometrics: remote identification, categorisation, emotion recognition", ("1. Biométrie",)),
    T("infrastructures_critiques", "2. Composants de sécurité de la gestion d'infrastructures critiques "
      "(infrastructures numériques, trafic routier, eau, gaz, chauffage, électricité)",
      "2. Safety components in the management of critical infrastructure (digital infrastructure, road "
      "traffic, water, gas, heating, electricity)",
      ("2. Infrastructures critiques (trafic routier, eau, gaz, chauffage, électricité)",)),
    T("education", "3. Éducation et formation : admission, évaluation des acquis, orientation, surveillance des "
      "examens", "3. Education and training: admission, assessment of learning outcomes, level of education, "
      "monitoring of tests", ("3. Éducation et formation (admission, évaluation)",)),
    T("emploi", "4. Emploi : recrutement, promotion, fin de contrat, attribution des tâches, suivi des "
      "performances", "4. Employment: recruitment, promotion, termination, task allocation, performance "
      "monitoring", ("4. Emploi et gestion du personnel (recrutement, évaluation)",)),
    T("prestations_publiques", "5(a). Éligibilité aux prestations et services publics d'assistance essentiels "
      "(aides sociales, logement social, soins) : octroi, réduction, retrait, récupération",
      "5(a). Eligibility for essential public assistance benefits and services (social aid, social housing, "
      "healthcare): granting, reducing, revoking, reclaiming",
      ("5(a). Accès aux prestations et services publics essentiels (aides, logement social)",)),
    T("appels_urgence", "5(d). Évaluation et tri des appels d'urgence, envoi des secours",
      "5(d). Evaluation and triage of emergency calls, dispatch of first responders",
      ("5(d). Tri des appels d'urgence",)),
    T("police", "6. Répression, par ou pour une autorité répressive : risque d'être victime, fiabilité des "
      "preuves, risque de récidive, profilage au cours d'une enquête",
      "6. Law enforcement, by or for a law enforcement authority: risk of becoming a victim, reliability of "
      "evidence, risk of reoffending, profiling in an investigation", ("6. Répression (police municipale)",)),
    T("migration", "7. Migration, asile et contrôle aux frontières", "7. Migration, asylum and border control"),
    T("justice", "8(a). Administration de la justice", "8(a). Administration of justice"),
    T("elections", "8(b). Influence sur le résultat d'une élection ou d'un référendum, ou sur le vote",
      "8(b). Influencing the outcome of an election or referendum, or voting behaviour",
      ("8(b). Influence sur les élections et référendums",)),
)

DESTINATAIRES_DECISIONS = _v(
    "destinataires_decisions", "Destinataires des décisions", "Who the decisions concern",
    T("personnes_physiques", "Personnes physiques : usagers, habitants, demandeurs",
      "Natural persons: users, residents, applicants"),
    T("personnes_morales", "Personnes morales : entreprises, associations, autres organismes",
      "Legal persons: businesses, associations, other bodies"),
    T("agents", "Agents de la collectivité : décisions internes de ressources humaines",
      "The authority's staff: internal human-resources decisions"),
)

CRITERES_AIPD = _v(
    "criteres_aipd", "Critères de risque pour la protection des données (CEPD, CNIL)",
    "Data protection risk criteria (EDPB, CNIL)",
    T("evaluation", "Évaluation ou notation de personnes, profilage", "Evaluation or scoring of people, profiling"),
    T("decision_automatique", "Décision automatique produisant un effet juridique ou similaire",
      "Automated decision with legal or similar effect"),
    T("surveillance", "Surveillance systématique de personnes", "Systematic monitoring of people"),
    T("donnees_sensibles", "Données sensibles ou à caractère hautement personnel",
      "Sensitive or highly personal data"),
    T("grande_echelle", "Traitement à grande échelle", "Large-scale processing"),
    T("croisement", "Croisement ou combinaison de jeux de données", "Matching or combining datasets"),
    T("personnes_vulnerables", "Personnes vulnérables : enfants, personnes âgées, demandeurs d'aide, agents",
      "Vulnerable people: children, elderly people, aid applicants, employees"),
    T("usage_innovant", "Usage innovant ou nouvelle technologie, dont l'IA", "Innovative use or new technology, AI "
      "included"),
    T("exclusion", "Exclusion du bénéfice d'un droit, d'un service ou d'un contrat",
      "Exclusion from a right, a service or a contract"),
)

NIVEAUX_AUTOMATISATION = _v(
    "niveaux_automatisation", "Niveaux d'automatisation de la décision", "Levels of decision automation",
    T("sans_decision", "Aucune décision : information, analyse ou outil interne",
      "No decision: information, analysis or internal tool"),
    T("aide_decision", "Aide à la décision : une personne décide", "Decision support: a person decides",
      ("aide à la décision",)),
    T("decision_assistee", "Décision partiellement automatisée, validée par une personne",
      "Partly automated decision, confirmed by a person", ("assistée", "décision assistée")),
    T("decision_automatisee", "Décision entièrement automatisée", "Fully automated decision",
      ("complète", "automatique", "décision automatique")),
)

NIVEAUX_3 = _v(
    "niveaux", "Niveaux", "Levels",
    T("faible", "Faible", "Low", ("1", "1- (faible)")),
    T("moyen", "Moyen", "Medium", ("2", "2- (moyen)")),
    T("fort", "Fort", "High", ("3", "3- (fort)")),
)

TYPES_ANALYSE_IMPACT = _v(
    "types_analyse_impact", "Types d'analyse d'impact", "Types of impact assessment",
    T("aipd", "Analyse d'impact relative à la protection des données (AIPD)", "Data protection impact assessment (DPIA)",
      ("DPIA", "AIPD", "PIA")),
    T("aidf", "Analyse d'impact sur les droits fondamentaux (AIDF, art. 27)",
      "Fundamental rights impact assessment (FRIA, art. 27)", ("FRIA", "FRAIA", "IAMA", "AIDF")),
    T("autre", "Autre évaluation", "Other assessment", ()),
)

#: Every vocabulary by name, for documentation and lookups.
VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v for v in (
        THEMES, SOUS_THEMES, STATUTS, TYPES_COLLECTIVITE, PUBLICS, BUDGETS, MISES_EN_OEUVRE,
        HEBERGEMENTS, TYPES_ALGORITHME, SOURCES_DONNEES, MODES_COLLECTE, NIVEAUX_RISQUE,
        DOMAINES_ANNEXE_III, NIVEAUX_AUTOMATISATION, NIVEAUX_3, TYPES_ANALYSE_IMPACT, DESTINATAIRES_DECISIONS,
        CRITERES_AIPD,
    )
}
