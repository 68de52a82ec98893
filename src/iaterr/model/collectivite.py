"""The organisation that runs use cases: a commune, an EPCI, a département…"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict

from iaterr.model.fields import champ
from iaterr.model.types import Decimal, Email, Entier, Siret, Slug, Texte, Url, code_of
from iaterr.model.vocab import TYPES_COLLECTIVITE

S = "collectivite"


class Collectivite(BaseModel):
    """Une collectivité ou organisation publique qui porte des cas d'usage."""

    model_config = ConfigDict(extra="forbid", title="Collectivité")

    version_schema: Texte = champ(
        fr="Version du schéma", en="Schema version", section=S, exigence="obligatoire", exemple="1.0",
        aide_fr="Version du format de fichier iaterr. Écrite par iaterr, ne la modifiez pas à la main.",
        aide_en="Version of the iaterr file format. Written by iaterr; do not edit by hand.",
    )
    identifiant: Slug = champ(
        fr="Identifiant", en="Identifier", section=S, exigence="obligatoire", exemple="sicoval",
        aide_fr="Identifiant court, en minuscules et tirets ; c'est aussi le nom du fichier. "
                "Les cas d'usage y font référence.",
        aide_en="Short identifier in lower case with hyphens; it is also the file name. Use cases refer to it.",
    )
    nom: Texte = champ(
        fr="Nom", en="Name", section=S, exigence="obligatoire", exemple="Communauté d'agglomération du Sicoval",
        aide_fr="Nom officiel de la collectivité ou de l'organisation porteuse.",
        aide_en="Official name of the local authority or organisation.",
        bibliotheque="coll_nom", bibliotheque_export="Nom_collectivite",
        standards={"etalab": "Nom de l'administration concernée", "nl": "organization",
                   "uk": "organisation_name", "eurocities": "organization", "ai_act": "Annex VIII C.1"},
        pourquoi_fr="Le nom officiel désigne le responsable du traitement dans les notices et les mentions ; pour "
                    "un système à haut risque, l'enregistrement européen le reprend (annexe VIII, C.1).",
        pourquoi_en="The official name identifies who is responsible for the processing in notices and mentions; "
                    "for a high-risk system, the European registration repeats it (Annex VIII, C.1).",
    )
    siret: Optional[Siret] = champ(
        fr="SIRET", en="SIRET", section=S, exigence="recommande", exemple="24310063300391",
        aide_fr="Numéro SIRET de l'établissement (14 chiffres, sans espace : SIREN + NIC). "
                "Laissez vide s'il n'est pas connu : ne l'inventez pas.",
        aide_en="SIRET number of the establishment (14 digits, no spaces: SIREN + NIC). "
                "Leave empty when unknown: never make one up.",
        bibliotheque="coll_siret", bibliotheque_export="SIRET",
    )
    type: code_of(TYPES_COLLECTIVITE) = champ(  # type: ignore[valid-type]
        fr="Type de collectivité", en="Type of authority", section=S, exigence="obligatoire",
        exemple="communaute_agglomeration",
        aide_fr="Commune, EPCI, métropole, département, région, syndicat…",
        aide_en="Municipality, inter-municipal body, metropolis, département, region, syndicate…",
        bibliotheque="coll_type", bibliotheque_export="Type_de_collectivite",
    )
    site_web: Optional[Url] = champ(
        fr="Site web", en="Website", section=S, exemple="https://www.sicoval.fr",
        aide_fr="Adresse du site officiel.", aide_en="Address of the official website.",
    )
    contact: Optional[Email] = champ(
        fr="Contact", en="Contact", section=S, exemple="contact@sicoval.fr",
        aide_fr="Adresse électronique générique de la collectivité (pas celle d'une personne).",
        aide_en="Generic e-mail address of the authority (not a person's).",
    )
    contact_droits: Optional[Email] = champ(
        fr="Adresse pour les demandes de communication", en="Address for requests for communication", section=S,
        exemple="acces-documents@sicoval.fr",
        aide_fr="Adresse électronique d'un service (pas d'une personne) où demander les règles d'un traitement "
                "algorithmique et les documents administratifs : le service juridique, ou la PRADA si elle est "
                "désignée. Sert par défaut aux notices et mentions explicites de tous les cas d'usage.",
        aide_en="E-mail address of a department (not a person) where to ask for the rules of an algorithmic "
                "processing and for administrative documents: the legal department, or the PRADA when one is "
                "designated. Default for the notices and explicit mentions of every use case.",
        standards={"crpa": "R311-3-1-1", "etalab": "Contact au sein de l'administration concernée"},
        pourquoi_fr="La mention explicite (l'indication, sur la décision, qu'un algorithme a servi) dit où demander "
                    "les règles : à un service ou à la PRADA (personne responsable de l'accès aux documents "
                    "administratifs).",
        pourquoi_en="The explicit mention (a statement, on the decision, that an algorithm was used) says where to "
                    "ask for the rules: a department or the PRADA (person responsible for access to administrative "
                    "documents).",
    )
    formulaire_demandes: Optional[Url] = champ(
        fr="Formulaire de demande en ligne", en="Online request form", section=S, depuis="1.1",
        exemple="https://www.sicoval.fr/demande-documents",
        aide_fr="Page du formulaire en ligne pour demander un document administratif ou les règles d'un "
                "traitement, s'il existe.",
        aide_en="Page of the online form to request an administrative document or the rules of a processing, "
                "if there is one.",
        standards={"crpa": "R311-3-1-1"},
        pourquoi_fr="La loi impose de dire comment demander les règles d'un traitement (R311-3-1-1) : un formulaire "
                    "en ligne facilite la demande et en garde la date, qui fait courir le délai de réponse d'un "
                    "mois.",
        pourquoi_en="The law requires saying how to ask for the rules of a processing (R311-3-1-1): an online form "
                    "makes asking easier and records when, which starts the one-month time limit for an answer.",
    )
    adresse_postale: Optional[Texte] = champ(
        fr="Adresse postale", en="Postal address", section=S, depuis="1.1",
        exemple="Sicoval, 110 rue Marco Polo, 31670 Labège",
        aide_fr="Adresse où une personne peut écrire par courrier à la collectivité.",
        aide_en="Address where a person can write to the authority by post.",
        standards={"crpa": "R311-3-1-1"},
        pourquoi_fr="La loi impose de dire comment demander les règles d'un traitement (R311-3-1-1) ; tout le monde "
                    "n'écrit pas par courriel : une adresse postale garde ce droit ouvert à tous.",
        pourquoi_en="The law requires saying how to ask for the rules of a processing (R311-3-1-1); not everyone "
                    "writes by e-mail: a postal address keeps that right open to all.",
    )
    prada: Optional[Texte] = champ(
        fr="PRADA", en="PRADA (access-to-documents officer)", section=S, depuis="1.1",
        exemple="Direction des affaires juridiques",
        aide_fr="Fonction ou service de la personne responsable de l'accès aux documents administratifs "
                "(PRADA), si la collectivité en a désigné une : elle reçoit les demandes de communication et "
                "fait le lien avec la CADA. Pas de nom de personne.",
        aide_en="Function or department of the person responsible for access to administrative documents "
                "(PRADA), if the authority designated one: they receive requests for communication and liaise "
                "with the CADA. No person's name.",
        pourquoi_fr="La PRADA, personne responsable de l'accès aux documents administratifs, reçoit les demandes et "
                    "fait le lien avec la CADA (Commission d'accès aux documents administratifs) ; la notice la "
                    "nomme.",
        pourquoi_en="The PRADA, the person responsible for access to administrative documents, receives requests "
                    "and liaises with the CADA (commission for access to administrative documents); the notice "
                    "names it.",
    )
    contact_dpo: Optional[Email] = champ(
        fr="Délégué à la protection des données", en="Data protection officer", section=S, depuis="1.1",
        exemple="dpo@sicoval.fr",
        aide_fr="Adresse générique du délégué à la protection des données (RGPD, art. 37), à qui s'adressent "
                "les demandes sur les données personnelles (accès, rectification, opposition).",
        aide_en="Generic address of the data protection officer (GDPR art. 37), who handles requests about "
                "personal data (access, rectification, objection).",
        standards={"rgpd": "Art. 13(1)(b)"},
        pourquoi_fr="Le délégué à la protection des données traite les demandes sur les données personnelles "
                    "(information sur une personne identifiable) ; le règlement général sur la protection des "
                    "données impose d'indiquer son contact (art. 13).",
        pourquoi_en="The data protection officer handles requests about personal data (information about an "
                    "identifiable person); the General Data Protection Regulation requires giving their contact "
                    "(art. 13).",
    )
    logo: Optional[Url] = champ(
        fr="Logo", en="Logo", section=S, exigence="recommande",
        exemple="https://upload.wikimedia.org/wikipedia/commons/7/72/Logo_Sicoval.png",
        aide_fr="Adresse de l'image du logo.", aide_en="Address of the logo image.",
        bibliotheque="image_url", bibliotheque_export="URL_Logo",
    )
    latitude: Optional[Decimal] = champ(
        fr="Latitude", en="Latitude", section=S, exigence="recommande", exemple=43.5436822,
        aide_fr="Latitude du siège, en degrés décimaux (WGS 84).",
        aide_en="Latitude of the seat, decimal degrees (WGS 84).",
        bibliotheque="latitude", bibliotheque_export="Latitude", ge=-90, le=90,
    )
    longitude: Optional[Decimal] = champ(
        fr="Longitude", en="Longitude", section=S, exigence="recommande", exemple=1.5055132,
        aide_fr="Longitude du siège, en degrés décimaux (WGS 84).",
        aide_en="Longitude of the seat, decimal degrees (WGS 84).",
        bibliotheque="longitude", bibliotheque_export="Longitude", ge=-180, le=180,
    )
    code_insee: Optional[Texte] = champ(
        fr="Code INSEE", en="INSEE code", section=S, exemple="31113",
        aide_fr="Code officiel géographique de la commune siège (5 caractères).",
        aide_en="Official geographic code of the seat municipality (5 characters).",
        pattern=r"^(\d{5}|2[AB]\d{3})$",
    )
    nombre_agents: Optional[Entier] = champ(
        fr="Nombre d'agents", en="Number of staff", section=S, exemple=900, ge=0,
        aide_fr="Effectif, en équivalents temps plein. Sous 50 agents, la publication en ligne des règles "
                "des algorithmes (L312-1-3) n'est pas obligatoire (D312-1-4).",
        aide_en="Headcount, full-time equivalent. Under 50 staff, online publication of algorithm rules "
                "(L312-1-3) is not mandatory (D312-1-4).",
        pourquoi_fr="Sous 50 agents en équivalent temps plein, une administration n'a pas à publier en ligne les "
                    "règles de ses algorithmes (D312-1-4) ; ses autres obligations de transparence demeurent.",
        pourquoi_en="Under 50 full-time equivalent staff, an administration need not publish its algorithms' rules "
                    "online (D312-1-4); its other transparency duties remain.",
    )
