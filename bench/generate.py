#!/usr/bin/env python3
"""Generate a synthetic iaterr data repository for the speed benchmark.

    python bench/generate.py --records 10000            # -> bench/out/repo-10000
    python bench/generate.py --records 200 --out /tmp/r

The repository holds ``iaterr.yaml``, copies of the project's ``schema/*.json``,
about N/20 collectivités and N use cases written the way people write them:
comments, short plain texts and long block scalars (folded and literal), lists,
nested lists of mappings, optional fields present or absent, French accents,
quoted dates. Output is deterministic for a given seed.

About 1 % of the files are deliberately invalid, in several ways (unknown key,
unknown code, bad date, bad URL, wrong type, missing field, YAML syntax error,
bad SIRET checksum on a collectivité). ``bench-manifest.json`` at the root of the
generated repository lists them, with whether a JSON Schema can see the problem
(a SIRET checksum cannot), so that ``bench/run.py`` can check that both tools
flagged the files they should.

Run it with the Python of the virtualenv where iaterr is installed: the
vocabularies are read from ``iaterr.model.vocab`` so that codes and sub-themes
always match the model.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import textwrap
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

try:
    from iaterr.model import vocab as V
except ImportError:  # not installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from iaterr.model import vocab as V

MANIFEST = "bench-manifest.json"
#: bumped whenever the output changes, so that bench/run.py regenerates a stale repository
GENERATOR_VERSION = 3
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/{}.schema.json"

# ---------------------------------------------------------------- word pools

VILLES = [
    "Saint-Étienne", "Besançon", "Orléans", "Nîmes", "Béziers", "Évry", "Châlons", "Besse", "Angoulême",
    "Mâcon", "Sète", "Gérardmer", "Fécamp", "Pontoise", "Lorient", "Quimper", "Vénissieux", "Créteil",
    "Aubervilliers", "Villeurbanne", "Montreuil", "Rodez", "Albi", "Périgueux", "Agen", "Dax", "Pau", "Tarbes",
    "Bourg-en-Bresse", "Chambéry", "Annecy", "Valence", "Montélimar", "Gap", "Digne", "Fréjus", "Hyères",
    "Ajaccio", "Bastia", "Épinal", "Nancy", "Metz", "Thionville", "Colmar", "Mulhouse", "Troyes", "Reims",
    "Laon", "Beauvais", "Compiègne", "Évreux", "Caen", "Saint-Lô", "Alençon", "Le Mans", "Laval", "Angers",
    "Cholet", "La Roche-sur-Yon", "Niort", "Poitiers", "Châtellerault", "Limoges", "Guéret", "Tulle", "Aurillac",
    "Clermont-Ferrand", "Vichy", "Moulins", "Nevers", "Auxerre", "Dijon", "Chalon-sur-Saône", "Lons-le-Saunier",
    "Bourges", "Châteauroux", "Blois", "Tours", "Chartres", "Dreux", "Melun", "Meaux", "Cergy", "Argenteuil",
]

COLL_TYPES = [  # (code, name, identifier prefix, weight)
    ("commune", "Ville de {v}", "", 30), ("communaute_communes", "Communauté de communes du Pays de {v}", "cc-", 15),
    ("communaute_agglomeration", "Communauté d'agglomération de {v}", "ca-", 18),
    ("communaute_urbaine", "Communauté urbaine de {v}", "cu-", 4), ("metropole", "Métropole de {v}", "metropole-", 8),
    ("departement", "Département de {v}", "departement-", 9), ("region", "Région {v}", "region-", 3),
    ("syndicat_mixte", "Syndicat mixte d'énergie de {v}", "sme-", 5),
    ("syndicat", "Syndicat intercommunal des eaux de {v}", "siae-", 4),
    ("epci", "Établissement public territorial {v}", "ept-", 2), ("operateur", "Régie des transports de {v}", "regie-", 2),
]

#: per theme: (objet du projet, slug court)
PROJETS = {
    "transition_ecologique": [
        ("Détection des fuites d'eau", "fuites-eau"), ("Pilotage de l'éclairage public", "eclairage"),
        ("Tri des déchets par vision", "tri-dechets"), ("Suivi de la qualité de l'air", "qualite-air"),
        ("Cartographie des îlots de chaleur", "ilots-chaleur"), ("Prévision des crues", "crues"),
        ("Optimisation énergétique des bâtiments", "energie-batiments"), ("Inventaire des arbres", "arbres"),
    ],
    "attractivite_developpement": [
        ("Observatoire du commerce de centre-ville", "commerce"), ("Calque de plantabilité", "plantabilite"),
        ("Instruction assistée des permis de construire", "permis"), ("Fréquentation touristique", "tourisme"),
        ("Suivi des friches agricoles", "friches"),
    ],
    "citoyennete_sante_solidarite": [
        ("Agent conversationnel pour les usagers", "chatbot"), ("Callbot des encombrants", "callbot"),
        ("Orientation des demandes sociales", "demandes-sociales"), ("Accès aux droits des séniors", "seniors"),
        ("Analyse des contributions citoyennes", "contributions"), ("Sectorisation scolaire", "sectorisation"),
    ],
    "mobilites": [
        ("Comptage des vélos par caméra", "comptage-velos"), ("Prévision de l'occupation des parkings", "parkings"),
        ("Régulation des feux tricolores", "feux"), ("Hub de données de mobilité", "hub-mobilite"),
        ("Optimisation des tournées de livraison", "livraisons"),
    ],
    "gouvernance_socles": [
        ("Jumeau numérique du territoire", "jumeau"), ("Plateforme de données territoriales", "plateforme-donnees"),
        ("Détection des intrusions informatiques", "cybersecurite"), ("Stratégie IA et données", "strategie-ia"),
    ],
    "administration_interne": [
        ("Assistant de rédaction des délibérations", "deliberations"), ("IA générative pour les agents", "ia-agents"),
        ("Analyse des offres des marchés publics", "marches"), ("Tri automatique du courrier", "courrier"),
        ("Aide juridique aux services", "juridique"), ("Planification des congés", "conges"),
    ],
}

PHRASES = [
    "La collectivité gère un patrimoine important dont l'entretien mobilise chaque année de nombreux agents.",
    "L'outil analyse les données historiques pour désigner les secteurs où une intervention est la plus utile.",
    "Les agents gardent la main : l'algorithme propose, une personne décide.",
    "Le projet est né d'un constat simple : les méthodes manuelles ne suffisaient plus à suivre l'évolution du territoire.",
    "Un premier prototype a été testé pendant six mois sur trois quartiers avant d'être étendu.",
    "Les résultats sont publiés chaque trimestre sur le site de la collectivité, avec la méthode utilisée.",
    "Les données personnelles sont pseudonymisées avant tout traitement et ne quittent pas les serveurs de la collectivité.",
    "L'équipe projet réunit la direction du numérique, le service métier et le délégué à la protection des données.",
    "La solution s'appuie sur un modèle entraîné à partir de données ouvertes et de relevés de terrain.",
    "Le service est accessible en ligne, vingt-quatre heures sur vingt-quatre, et en français facile à lire.",
    "Chaque recommandation de l'outil est vérifiée par un agent avant d'être transmise aux usagers.",
    "L'expérimentation a permis de réduire sensiblement les délais de traitement des demandes.",
    "Les élus ont souhaité que la démarche soit documentée et partagée avec les autres collectivités du département.",
    "Le prestataire a été choisi à l'issue d'un marché public d'innovation lancé en 2022.",
    "Une charte d'usage de l'IA encadre le projet : transparence, maîtrise humaine et sobriété.",
    "Les capteurs transmettent leurs mesures toutes les dix minutes à la plateforme de données du territoire.",
    "Le modèle est réentraîné chaque année pour tenir compte des nouvelles données et des retours des agents.",
    "Les habitants peuvent signaler une erreur et demander l'explication d'une décision à tout moment.",
    "L'impact environnemental du calcul a été estimé et jugé faible au regard des économies réalisées.",
    "Le code source est publié sous licence libre afin que d'autres collectivités puissent le réutiliser.",
    "Le comité de pilotage se réunit deux fois par an pour décider des suites à donner au projet.",
    "Une formation de deux jours a été proposée aux agents qui utilisent l'outil au quotidien.",
    "Les premiers retours des usagers sont positifs ; quelques ajustements ont été faits sur la formulation des réponses.",
    "Le projet s'inscrit dans le schéma directeur du numérique adopté par l'assemblée délibérante.",
    "Faute de données suffisantes sur certaines communes rurales, la précision y reste moindre.",
    "L'algorithme combine des règles métier explicites et un modèle d'apprentissage automatique.",
    "Une analyse d'impact relative à la protection des données a été conduite avant la mise en service.",
    "Le budget couvre l'abonnement à la solution, l'accompagnement et le temps des agents mobilisés.",
    "Les indicateurs de suivi sont calculés automatiquement et présentés dans un tableau de bord partagé.",
    "Cette démarche a été inspirée par un projet similaire mené par une métropole voisine.",
]

COURTS = [
    "Réduire les délais de traitement des demandes.", "Mieux cibler les interventions sur le terrain.",
    "Informer les habitants en temps réel.", "Diminuer la consommation d'énergie des équipements publics.",
    "Libérer du temps des agents pour les tâches à plus forte valeur.", "Améliorer l'accès aux droits.",
    "Anticiper les risques naturels sur le territoire.", "Prioriser les travaux de renouvellement.",
]

PARTENAIRES = [
    "Université de Bourgogne", "Cerema", "Météo-France", "Inria", "Banque des Territoires", "ADEME",
    "Syndicat départemental d'énergie", "Agence d'urbanisme", "Open Data France", "La Poste", "Enedis",
    "Office de tourisme intercommunal", "Centre communal d'action sociale", "École nationale des ponts",
]
FOURNISSEURS = ["Leakmited", "Datactivist", "Mistral AI", "Qucit", "Citymeo", "Kayrros", "Ecov", "Alteia",
                "Namr", "Cityscoop", "Publidata", "Wintics"]
DONNEES = [
    "Historique des interventions", "Relevés des compteurs", "Images de vidéoprotection floutées",
    "Demandes des usagers (formulaires en ligne)", "Cadastre et fichiers fonciers", "Données météorologiques",
    "Registre des délibérations", "Comptages routiers", "Photographies aériennes", "Fichier des bénéficiaires",
    "Référentiel des bâtiments publics", "Consommations énergétiques",
]
PARAMETRES = [
    ("Ancienneté de l'équipement", "Plus l'équipement est ancien, plus sa priorité augmente.", "Coefficient 3"),
    ("Distance au réseau", "Distance en mètres au réseau le plus proche.", "Coefficient 1"),
    ("Revenu fiscal de référence", "Revenu du foyer, par part.", "Critère éliminatoire au-delà du plafond"),
    ("Présence d'un réseau de chaleur", None, "Coefficient négatif (exclusion)"),
    ("Nombre de signalements", "Signalements reçus sur les douze derniers mois.", None),
]
CHIFFRES = [
    ("12", "fuites trouvées en deux semaines"), ("78 %", "taux de satisfaction des usagers"),
    ("1 000 km", "de réseau couvert"), ("92 568 €", "d'économies réalisées"), ("3 200", "demandes traitées par mois"),
    ("-25 %", "de consommation d'énergie"), ("45 s", "de temps d'attente moyen au lieu de 4 min"),
    ("18", "agents formés"), ("0,8 t", "de CO2e par an"), ("6 mois", "d'expérimentation"),
]
EVENEMENTS = [
    "Délibération du conseil", "Lancement du marché public", "Début de l'expérimentation", "Bilan intermédiaire",
    "Généralisation à tout le territoire", "Formation des agents", "Publication des règles de l'algorithme",
    "Comité de pilotage", "Mise en service", "Rencontre avec le prestataire lors d'un salon",
]
FINANCEMENTS = ["Budget propre", "Fonds vert", "France 2030", "FEDER", "CRTE", "DIAT", "Budget annexe de l'eau"]

# ---------------------------------------------------------------- YAML writing

_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_PLAIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿŒœ][^:#\n\"\[\]{}]*[^\s:]$")
_URLISH = re.compile(r"^(https?://|[A-Za-z0-9._%+-]+@)[^\s#]+$")


def scalar(value) -> str:
    """A YAML scalar for ``value``: plain when safe, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if _URLISH.match(text) or (_PLAIN.match(text) and text.lower() not in _RESERVED):
        return text
    return json.dumps(text, ensure_ascii=False)


def text_lines(key: str, text: str, indent: int, style: str | None = None) -> list[str]:
    """``key: value`` lines; long text as a folded (``>-``) or literal (``|``) block."""
    pad = " " * indent
    head = f"{pad}{key}:" if key else f"{pad}-"
    if style is None and ((len(text) <= 70 and "\n" not in text) or _URLISH.match(text)):
        return [f"{head} {scalar(text)}"]
    inner = pad + ("  " if key else "  ")
    if style == "|" or "\n" in text:
        out = [f"{head} |-"]
        for para in text.split("\n"):
            out.extend(_wrap(para, 76, inner) or [""])
        return out
    return [f"{head} >-"] + _wrap(text, 78 - len(inner), inner)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    # never at a hyphen: a folded line break reads as a space
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False, break_long_words=False)


def list_lines(key: str, items: list, indent: int = 0) -> list[str]:
    pad = " " * indent
    out = [f"{pad}{key}:"]
    for item in items:
        out.extend(text_lines("", item, indent + 2) if isinstance(item, str) and len(item) > 70
                   else [f"{pad}  - {scalar(item)}"])
    return out


def mapping_list_lines(key: str, items: list[dict]) -> list[str]:
    out = [f"{key}:"]
    for item in items:
        first = True
        for k, v in item.items():
            lines = text_lines(k, v, 4) if isinstance(v, str) else [f"    {k}: {scalar(v)}"]
            if first:
                lines[0] = "  - " + lines[0][4:]
                first = False
            out.extend(lines)
    return out


# ---------------------------------------------------------------- values


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def luhn_complete(digits13: str) -> str:
    """Append the Luhn check digit to 13 digits (a valid SIRET, outside La Poste)."""
    for last in "0123456789":
        candidate = digits13 + last
        total = 0
        for i, c in enumerate(reversed(candidate)):
            d = int(c)
            if i % 2 == 1:
                d = d * 2 - 9 if d * 2 > 9 else d * 2
            total += d
        if total % 10 == 0:
            return candidate
    raise AssertionError


def a_date(rng: random.Random, lo: int = 2018, hi: int = 2025, precision: int | None = None) -> tuple[int, ...]:
    precision = precision or rng.choice((1, 2, 2, 3, 3, 3))
    parts = (rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))
    return parts[:precision]


def fmt_date(parts: tuple[int, ...]) -> str:
    return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])


def later(parts: tuple[int, ...], rng: random.Random) -> tuple[int, ...]:
    """A date at the same precision, strictly later (by at least a year)."""
    return (parts[0] + rng.randint(1, 2),) + parts[1:]


def prose(rng: random.Random, n_min: int, n_max: int) -> str:
    return " ".join(rng.sample(PHRASES, rng.randint(n_min, n_max)))


# ---------------------------------------------------------------- collectivités


def make_collectivite(rng: random.Random, index: int, sirets: set[str]) -> tuple[str, str, list[str]]:
    code, pattern, prefix, _w = rng.choices(COLL_TYPES, weights=[c[-1] for c in COLL_TYPES])[0]
    ville = rng.choice(VILLES)
    nom = pattern.format(v=ville)
    ident = f"{prefix}{slugify(ville)}-{index}"
    while True:
        siret = luhn_complete("2" + "".join(rng.choice("0123456789") for _ in range(12)))
        if siret not in sirets and not siret.startswith("356000000"):
            sirets.add(siret)
            break
    domain = f"{prefix}{slugify(ville)}.fr"
    lines = [SCHEMA_LINE.format("collectivite"), "# --- Collectivité ---", 'version_schema: "1.0"',
             f"identifiant: {ident}", f"nom: {scalar(nom)}", f'siret: "{siret}"', f"type: {code}"]
    if rng.random() < 0.8:
        lines.append(f"site_web: https://www.{domain}")
    if rng.random() < 0.5:
        lines.append(f"contact: contact@{domain}")
    if rng.random() < 0.4:
        lines.append(f"contact_droits: dpo@{domain}")
    if rng.random() < 0.6:
        lines.append(f"logo: https://upload.wikimedia.org/wikipedia/commons/{rng.randint(1, 9)}/{rng.randint(10, 99)}/"
                     f"Logo_{slugify(ville).replace('-', '_')}.png")
    if rng.random() < 0.7:
        lines.append(f"latitude: {round(rng.uniform(42.3, 51.0), 7)}")
        lines.append(f"longitude: {round(rng.uniform(-4.7, 8.2), 7)}")
    if rng.random() < 0.4:
        lines.append(f'code_insee: "{rng.randint(1000, 95999):05d}"')
    if rng.random() < 0.4:
        lines.append(f"nombre_agents: {rng.randint(20, 12000)}")
    return ident, domain, lines


# ---------------------------------------------------------------- use cases


def make_use_case(rng: random.Random, index: int, coll: str, domain: str) -> tuple[str, list[str]]:
    theme = rng.choice(V.THEMES.codes)
    objet, short = rng.choice(PROJETS[theme])
    ident = f"{coll}-{short}-{index}"[:80].strip("-")
    profile = rng.choices(("minimal", "moyen", "complet"), weights=(30, 50, 20))[0]
    full = profile == "complet"
    some = profile != "minimal"

    def maybe(p: float) -> bool:
        return full or (some and rng.random() < p) or (not some and rng.random() < p / 4)

    statut = rng.choice(V.STATUTS.codes)
    L: list[str] = [SCHEMA_LINE.format("cas-usage"), "# --- Identification ---", 'version_schema: "1.0"',
                    f"identifiant: {ident}", f"collectivite: {coll}"]
    techniques = ["par l'IA", "par apprentissage automatique", "assistée par IA générative", "par vision",
                  "avec un algorithme de règles", ""]
    L += text_lines("nom", f"{objet} {rng.choice(techniques)}".strip(), 0)
    L.append(f"statut: {statut}")
    if statut == "abandonne":
        L += text_lines("motif_abandon", prose(rng, 1, 2), 0)
    debut = a_date(rng, 2017, 2023) if maybe(0.8) else None
    if debut:
        L.append(f'date_debut: "{fmt_date(debut)}"')
        if statut in ("termine", "abandonne") and maybe(0.7):
            L.append(f'date_fin: "{fmt_date(later(debut, rng))}"')
    L.append(f'date_mise_a_jour: "{fmt_date(a_date(rng, 2024, 2025, 3) if rng.random() < 0.9 else (2025,))}"')

    L += ["", "# --- Description du service ---"]
    L += text_lines("description", prose(rng, 1, 3 if profile == "minimal" else 8), 0,
                    style="|" if rng.random() < 0.1 else None)
    if maybe(0.8):
        L += text_lines("finalite", rng.choice(COURTS) if rng.random() < 0.5 else prose(rng, 1, 2), 0)
    L.append(f"theme: {theme}")
    children = [t.code for t in V.SOUS_THEMES.children(theme)]
    if maybe(0.8):
        L += list_lines("sous_themes", rng.sample(children, rng.randint(1, 2)))
    if maybe(0.7):
        L += list_lines("publics", rng.sample(V.PUBLICS.codes, rng.randint(1, 3)))
    if maybe(0.4):
        L.append(f"url_informations: https://www.{domain}/projets/{short}")
    if maybe(0.6):
        L += list_lines("partenaires", rng.sample(PARTENAIRES, rng.randint(1, 4)))
    if maybe(0.4):
        L += list_lines("fournisseurs", rng.sample(FOURNISSEURS, rng.randint(1, 2)))

    L += ["", "# --- Décisions et droits des personnes (CRPA) ---"]
    indiv = rng.random() < 0.3
    if maybe(0.8):
        L.append(f"decisions_individuelles: {scalar(indiv)}")
    if indiv and maybe(0.5):
        L.append(f"nombre_decisions_par_an: {rng.randint(10, 50000)}")
    if maybe(0.6):
        L += text_lines("personnes_concernees", prose(rng, 1, 2), 0)
    if maybe(0.8):
        L.append(f"niveau_automatisation: {rng.choice(V.NIVEAUX_AUTOMATISATION.codes)}")
    if maybe(0.7):
        L += text_lines("contribution_decision", prose(rng, 1, 4), 0)
    if maybe(0.4):
        L += text_lines("supervision_humaine", prose(rng, 1, 3), 0)
    if indiv and maybe(0.5):
        L += text_lines("base_legale", "Article L311-3-1 du code des relations entre le public et l'administration.", 0)
        L += text_lines("exercice_droits", prose(rng, 1, 2), 0)
        L.append(f"contact_droits: dpo@{domain}")
        L += text_lines("procedure_objection", prose(rng, 1, 1), 0)
        L.append(f"url_regles_publiees: https://www.{domain}/algorithmes/{short}")

    L += ["", "# --- Fonctionnement de l'algorithme ---"]
    if maybe(0.6):
        L += list_lines("type_algorithme", rng.sample(V.TYPES_ALGORITHME.codes[:-1], rng.randint(1, 2)))
    if maybe(0.7):
        items = []
        for nom in rng.sample(DONNEES, rng.randint(1, 4)):
            item: dict = {"nom": nom if rng.random() < 0.8 else f"{nom} : {prose(rng, 1, 1).lower()}"}
            if rng.random() < 0.8:
                item["source"] = rng.choice(V.SOURCES_DONNEES.codes)
            if rng.random() < 0.3:
                item["fournisseur"] = rng.choice(FOURNISSEURS + PARTENAIRES)
            if rng.random() < 0.6:
                item["mode_collecte"] = rng.choice(V.MODES_COLLECTE.codes)
            if rng.random() < 0.7:
                item["personnelles"] = rng.random() < 0.3
            items.append(item)
        L += mapping_list_lines("donnees", items)
    if full and rng.random() < 0.5:
        items = []
        for nom, desc, pond in rng.sample(PARAMETRES, rng.randint(1, 3)):
            item = {"nom": nom}
            if desc:
                item["description"] = desc
            if pond:
                item["ponderation"] = pond
            items.append(item)
        L += mapping_list_lines("parametres", items)
    if maybe(0.6):
        L += text_lines("operations", prose(rng, 2, 6), 0)
    if maybe(0.2):
        L.append(f"url_code_source: https://git.{domain}/numerique/{short}")
    if maybe(0.4):
        L += text_lines("suivi", prose(rng, 1, 4), 0)

    L += ["", "# --- Règlement européen sur l'IA ---"]
    if full and rng.random() < 0.3:
        L += list_lines("domaines_annexe_iii", rng.sample(V.DOMAINES_ANNEXE_III.codes, 1))
    if maybe(0.4):
        L.append(f"niveau_risque_ia: {rng.choice(V.NIVEAUX_RISQUE.codes[1:])}")
    if maybe(0.7):
        L.append(f"interaction_public: {scalar(rng.random() < 0.4)}")
    if maybe(0.3):
        L += text_lines("information_ia", prose(rng, 1, 2), 0)
    if full and rng.random() < 0.5:
        item = {"type": rng.choice(V.TYPES_ANALYSE_IMPACT.codes), "date": fmt_date(a_date(rng, 2020, 2025))}
        if rng.random() < 0.5:
            item["url"] = f"https://www.{domain}/aipd-{short}.pdf"
        if rng.random() < 0.7:
            item["resume"] = prose(rng, 1, 3)
        L += mapping_list_lines("analyses_impact", [item])

    L += ["", "# --- Évaluation ---"]
    for key, p in (("proportionnalite", 0.4), ("portee_decision", 0.6), ("reversibilite", 0.3),
                   ("evaluation_risques", 0.3)):
        if maybe(p):
            L += text_lines(key, prose(rng, 1, 3), 0)
    for key in ("efficacite", "explicabilite"):
        if maybe(0.3):
            L.append(f"{key}: {rng.choice(V.NIVEAUX_3.codes)}")

    L += ["", "# --- Retour d'expérience ---"]
    if maybe(0.8):
        L += text_lines("contexte", prose(rng, 1, 6), 0)
    if maybe(0.3):
        L += text_lines("inspirations", prose(rng, 1, 1), 0)
    if maybe(0.7):
        L += ["chiffres_cles:"]
        for valeur, libelle in rng.sample(CHIFFRES, rng.randint(1, 6)):
            L += [f"  - valeur: {json.dumps(valeur, ensure_ascii=False)}", f"    libelle: {scalar(libelle)}"]
    if maybe(0.8):
        L += ["dates_cles:"]
        start = debut or a_date(rng, 2017, 2022)
        for k, evt in enumerate(rng.sample(EVENEMENTS, rng.randint(1, 5))):
            d = (start[0] + k,) + start[1:]
            L.append(f'  - date: "{fmt_date(d)}"')
            if rng.random() < 0.3:
                L.append(f'    fin: "{fmt_date(later(d, rng))}"')
            L += text_lines("evenement", evt if rng.random() < 0.8 else f"{evt} : {prose(rng, 1, 1)}", 4)
    for key in ("points_positifs", "points_vigilance"):
        if maybe(0.7):
            L += list_lines(key, [rng.choice(COURTS) if rng.random() < 0.5 else prose(rng, 1, 2)
                                  for _ in range(rng.randint(1, 4))])

    if maybe(0.5):
        L += ["", "# --- Informations réservées aux collectivités ---"]
        if maybe(0.5):
            L.append(f"contact: projet-{short}@{domain}")
        if maybe(0.6):
            L += text_lines("nom_algorithme", objet, 0)
        if maybe(0.4):
            L += text_lines("description_algorithme", prose(rng, 1, 4), 0)
        if maybe(0.6):
            L.append(f"mise_en_oeuvre: {rng.choice(V.MISES_EN_OEUVRE.codes)}")
        if maybe(0.5):
            L.append(f"hebergement: {rng.choice(V.HEBERGEMENTS.codes)}")
        if maybe(0.3):
            L += list_lines("financements", rng.sample(FINANCEMENTS, rng.randint(1, 3)))
        if maybe(0.3):
            L.append(f"budget: {rng.choice(V.BUDGETS.codes)}")
        if maybe(0.2):
            L += text_lines("impact_environnemental", "Score Green Algorithms : "
                            f"{rng.randint(1, 400)} kg CO2e par an.", 0)
        if maybe(0.2):
            L.append(f"url_ressources: https://www.{domain}/ressources/{short}")
    return ident, L


# ---------------------------------------------------------------- invalid records

#: (code, seen by a JSON Schema?) for use cases, in the order they are dealt out
CAS_DEFECTS = ["cle-inconnue", "valeur-inconnue", "date-invalide", "url-invalide", "yaml-syntaxe",
               "type-invalide", "champ-manquant", "yaml-syntaxe-indentation"]
COLL_DEFECTS = ["siret-cle", "url-invalide", "siret-cle", "valeur-inconnue"]
SCHEMA_BLIND = {"siret-cle"}  # a checksum is beyond what the JSON Schema states


def _replace(lines: list[str], prefix: str, new: str) -> bool:
    for i, line in enumerate(lines):
        if line.startswith(prefix):
            lines[i] = new
            return True
    return False


def corrupt_use_case(lines: list[str], defect: str) -> None:
    if defect == "cle-inconnue":
        lines.insert(6, "remarques: Fiche à compléter par le service.")
    elif defect == "valeur-inconnue":
        _replace(lines, "statut:", "statut: en_cours")
    elif defect == "date-invalide":
        _replace(lines, "date_mise_a_jour:", 'date_mise_a_jour: "16/04/2025"')
    elif defect == "url-invalide":
        if not _replace(lines, "url_informations:", "url_informations: www.exemple.fr/projet"):
            idx = next(i for i, ln in enumerate(lines) if ln.startswith("theme:"))
            lines.insert(idx + 1, "url_informations: www.exemple.fr/projet")
    elif defect == "yaml-syntaxe":
        i = next(i for i, ln in enumerate(lines) if ln.startswith("nom:"))
        lines[i] = 'nom: "Projet dont le guillemet ne se ferme pas'
    elif defect == "yaml-syntaxe-indentation":
        i = next(i for i, ln in enumerate(lines) if ln.startswith("statut:"))
        lines.insert(i + 1, "   mauvaise: indentation")
    elif defect == "type-invalide":
        i = next(i for i, ln in enumerate(lines) if ln.startswith("theme:"))
        lines.insert(i + 1, "publics: agents")
        # drop a publics list that may follow
        j = next((k for k, ln in enumerate(lines) if ln == "publics:"), None)
        if j is not None:
            del lines[j]
            while j < len(lines) and lines[j].startswith("  - "):
                del lines[j]
    elif defect == "champ-manquant":
        i = next(i for i, ln in enumerate(lines) if ln.startswith("description:"))
        del lines[i]
        while i < len(lines) and lines[i].startswith("  "):
            del lines[i]
    else:  # pragma: no cover
        raise ValueError(defect)


def corrupt_collectivite(lines: list[str], defect: str) -> None:
    if defect == "siret-cle":
        i = next(i for i, ln in enumerate(lines) if ln.startswith("siret:"))
        siret = lines[i].split('"')[1]
        bad = siret[:-1] + str((int(siret[-1]) + 1) % 10)
        lines[i] = f'siret: "{bad}"'
    elif defect == "url-invalide":
        if not _replace(lines, "site_web:", "site_web: http//www.exemple.fr"):
            lines.append("site_web: http//www.exemple.fr")
    elif defect == "valeur-inconnue":
        _replace(lines, "type:", "type: intercommunalite_rurale")
    else:  # pragma: no cover
        raise ValueError(defect)


# ---------------------------------------------------------------- the repository


def generate(records: int, out: Path, seed: int = 20240516, invalid_rate: float = 0.01) -> dict:
    rng = random.Random(seed)
    if out.exists():
        if any(out.iterdir()) and not (out / MANIFEST).exists():
            raise SystemExit(f"{out} exists and was not made by this script: refusing to overwrite it")
        shutil.rmtree(out)
    (out / "data" / "cas-usage").mkdir(parents=True)
    (out / "data" / "collectivites").mkdir(parents=True)
    (out / "schema").mkdir()
    (out / "iaterr.yaml").write_text('version_schema: "1.0"\nnom: Benchmark\n', encoding="utf-8")
    for schema in sorted((ROOT / "schema").glob("*.json")):
        shutil.copyfile(schema, out / "schema" / schema.name)

    n_coll = max(1, records // 20)
    bad_cas = sorted(rng.sample(range(records), round(records * invalid_rate)))
    bad_coll = sorted(rng.sample(range(n_coll), max(1, round(n_coll * invalid_rate)) if records >= 100 else 0))
    invalid: list[dict] = []

    colls: list[tuple[str, str]] = []
    sirets: set[str] = set()
    for i in range(n_coll):
        ident, domain, lines = make_collectivite(rng, i + 1, sirets)
        rel = f"data/collectivites/{ident}.yaml"
        if i in bad_coll:
            defect = COLL_DEFECTS[bad_coll.index(i) % len(COLL_DEFECTS)]
            corrupt_collectivite(lines, defect)
            invalid.append({"fichier": rel, "defaut": defect, "schema": defect not in SCHEMA_BLIND})
        (out / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        colls.append((ident, domain))

    total_bytes = 0
    for i in range(records):
        ident, lines = make_use_case(rng, i + 1, *rng.choice(colls))
        rel = f"data/cas-usage/{ident}.yaml"
        if i in bad_cas:
            defect = CAS_DEFECTS[bad_cas.index(i) % len(CAS_DEFECTS)]
            corrupt_use_case(lines, defect)
            invalid.append({"fichier": rel, "defaut": defect, "schema": defect not in SCHEMA_BLIND})
        text = "\n".join(lines) + "\n"
        total_bytes += len(text.encode("utf-8"))
        (out / rel).write_text(text, encoding="utf-8")

    manifest = {"generateur": GENERATOR_VERSION, "records": records, "collectivites": n_coll, "seed": seed,
                "octets_cas_usage": total_bytes, "invalides": invalid}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", type=int, default=10_000, help="number of use cases (default 10000)")
    ap.add_argument("--out", type=Path, help="target folder (default bench/out/repo-N)")
    ap.add_argument("--seed", type=int, default=20240516)
    args = ap.parse_args(argv)
    out = args.out or ROOT / "bench" / "out" / f"repo-{args.records}"
    m = generate(args.records, out, args.seed)
    print(f"{out}: {m['records']} cas d'usage ({m['octets_cas_usage'] / 1e6:.1f} Mo), "
          f"{m['collectivites']} collectivités, {len(m['invalides'])} fichiers invalides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
