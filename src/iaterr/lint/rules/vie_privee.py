"""Privacy: a published register must not publish the people who run the projects.

The rules read every text value of a record with :func:`iaterr.lint.engine.iter_texts`,
which says for each one whether its field is public or restricted (``visibilite`` in the model).
The detectors are deliberately conservative: a warning that is wrong every other time is soon
ignored, so they look for the usual shapes of an agent's address, phone number or name, and
document what they miss.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, iter_texts, rule
from iaterr.lint.rules.qualite import excerpt, field_label, is_free_text, is_public
from iaterr.model import Collectivite
from iaterr.model.kinds import model_of
from iaterr.model.vocab import fold

_REFERENCE = ("RGPD art. 5(1)(c) (minimisation) ; CRPA L312-1-2 (occultation des données personnelles avant "
              "publication en ligne) ; CNIL et CADA, guide pratique de la publication en ligne et de la "
              "réutilisation des données publiques (2019)")
_REFERENCE_EN = ("GDPR, Art. 5(1)(c) (data minimisation); CRPA, Art. L312-1-2 (personal data removed before online "
                 "publication); CNIL and CADA, practical guide to online publication and re-use of public data (2019)")

# ---------------------------------------------------------------- e-mail addresses

EMAIL_IN_TEXT = re.compile(r"(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")

#: Words of generic (service, role, function) addresses, accents removed. A local part made of
#: two or three alphabetic words none of which is here is taken for ``prenom.nom``.
GENERIC_WORDS = frozenset("""
    contact contacts dpo dpd rgpd cil cnil accueil mairie hotel ville villes info infos information informations
    donnee donnees data opendata open numerique numeriques innovation innovations service services direction
    directions dir pole mission missions cellule unite secretariat secretariats courrier courriers communication
    presse web webmaster admin administration support assistance aide helpdesk dsi dsn dgs dga drh rh si it
    juridique affaires marches marche achats achat finances finance comptabilite budget urbanisme environnement
    eau eaux potable assainissement dechets proprete voirie transport transports mobilite mobilites culture sport
    sports jeunesse enfance petite education scolaire social sociale ccas cias solidarite solidarites sante
    habitat logement economie economique emploi tourisme securite police municipale etat civil elections
    citoyennete citoyen citoyens relation relations usager usagers public publique publics noreply no reply
    ne pas repondre nepasrepondre ia algorithme algorithmes transparence protection demande demandes droit droits
    acces reclamation reclamations mediation mediateur qualite projet projets agglo agglomeration metropole
    departement region commune communes communaute territoire territoires territorial territoriale smart city
    espaces espace verts vert nature biodiversite energie energies climat transition ecologique
    developpement durable ressources humaines systemes systeme reseau reseaux sig geomatique cartographie
    archives documentation bibliotheque mediatheque formation formations recrutement recrutements paie
    conseil elus elu cabinet maire president presidence general generale office bureau equipe team
    evenements evenement agenda associations association vie locale quartier quartiers proximite
    signalement signalements allo ecoute guichet standard interne externe cloud securite informatique
    """.split())


def is_personal_local_part(local: str) -> bool:
    """Whether the part before ``@`` looks like a person's (``prenom.nom``, ``p.nom``, ``prenom-nom``)."""
    tokens = [re.sub(r"\d+$", "", fold(t)) for t in re.split(r"[._-]+", local.split("+", 1)[0]) if t]
    if not 2 <= len(tokens) <= 3 or not all(t.isalpha() for t in tokens):
        return False
    if max(len(t) for t in tokens) < 3 or any(t in GENERIC_WORDS for t in tokens):
        return False
    return True


def personal_emails(text: str) -> list[str]:
    if "@" not in text:  # quicker than the search, which tries every position
        return []
    return [m.group(0) for m in EMAIL_IN_TEXT.finditer(text) if is_personal_local_part(m.group(1))]


_EMAIL_RULE = dict(
    famille="vie_privee", severite=Severity.WARNING,
    reference=_REFERENCE,
    reference_en=_REFERENCE_EN,
    justification_fr="Une adresse de la forme prenom.nom@… désigne une personne : publiée dans le registre, "
                     "elle expose l'agent au démarchage, à l'hameçonnage et aux sollicitations directes, et "
                     "devient fausse à son départ. Le principe de minimisation (RGPD, art. 5(1)(c)), l'occultation "
                     "des données personnelles avant toute publication en ligne (CRPA, L312-1-2) et le guide "
                     "CNIL-CADA de la publication en ligne demandent de publier l'adresse d'un service (dpo@, "
                     "contact@, numerique@…). Le champ restreint « contact » "
                     "d'un cas d'usage, partagé entre collectivités, peut garder une adresse nominative. "
                     "Limites : une adresse est dite nominative quand sa partie locale compte deux ou trois "
                     "mots alphabétiques dont aucun n'est un mot de service connu (contact, dpo, accueil, "
                     "numerique, eau…) ; « jdupont@ » (un seul mot) n'est pas reconnu, et un service au nom "
                     "inhabituel peut l'être à tort (taisez alors la règle avec sa raison).",
    justification_en="An address of the form firstname.lastname@… designates a person: published in the register "
                     "it exposes the agent to canvassing, phishing and direct solicitation, and becomes wrong "
                     "when they leave. Data minimisation (GDPR art. 5(1)(c)), the masking of personal data before "
                     "any online publication (CRPA L312-1-2) and the CNIL-CADA guide to online publication call "
                     "for a department's address (dpo@, contact@, numerique@…). The "
                     "restricted “contact” field of a use case, shared between authorities, may keep a personal "
                     "address. Limits: an address is deemed personal when its local part has two or three "
                     "alphabetic words none of which is a known department word (contact, dpo, accueil, "
                     "numerique, eau…); “jdupont@” (one word) is not recognised, and a department with an "
                     "unusual name may be flagged wrongly (then silence the rule with its reason).",
    message_fr="Adresse nominative « {adresse} » dans le champ public {champ} : elle serait publiée.",
    message_en="Personal address “{adresse}” in the public field {champ}: it would be published.",
    aide_fr="Remplacez-la par l'adresse d'un service (dpo@…, contact@…, numerique@…) ; l'adresse de la "
            "personne en charge peut aller dans le champ restreint « contact » du cas d'usage.",
    aide_en="Replace it with a department's address (dpo@…, contact@…, numerique@…); the address of the person "
            "in charge may go in the use case's restricted “contact” field.",
)


def _email_findings(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    for path, value, spec in ctx.texts:
        if not is_public(spec) or spec.kind not in ("texte", "email"):
            continue
        for address in personal_emails(value):
            yield Finding(path, {"adresse": address, "champ": field_label(model, path)})


@rule(code="vie-privee-email-personnel", portee="cas_usage",
      titre_fr="Adresse électronique nominative dans un champ public",
      titre_en="Personal e-mail address in a public field", **_EMAIL_RULE)
def email_personnel(ctx: RecordContext) -> Iterable[Finding]:
    yield from _email_findings(ctx)


@rule(code="vie-privee-email-personnel-collectivite", portee="collectivite",
      titre_fr="Adresse électronique nominative dans la fiche de la collectivité",
      titre_en="Personal e-mail address in the authority's record", **_EMAIL_RULE)
def email_personnel_collectivite(ctx: RecordContext) -> Iterable[Finding]:
    # every field of a collectivité is public: its contact and contact_droits are published
    yield from _email_findings(ctx)


# ---------------------------------------------------------------- phone numbers

_SEP = r"[ .\-\u00a0\u202f]"
PHONE_IN_TEXT = re.compile(
    r"(?<![\w+])(?<!\d[.,])"  # not inside a word, a number or a decimal
    rf"(?:(?:\+|00){_SEP}?33{_SEP}?(?:\(0\){_SEP}?)?[1-9](?P<s1>{_SEP}?)\d{{2}}(?:(?P=s1)\d{{2}}){{3}}"  # +33 1 23…
    rf"|0[1-9](?P<s2>{_SEP}?)\d{{2}}(?:(?P=s2)\d{{2}}){{3}})"  # 01 23 45 67 89, with one separator throughout
    r"(?!\d|[.,]\d)"  # nor followed by more digits
)


def phone_numbers(text: str) -> list[str]:
    if "0" not in text and "33" not in text:  # every number holds one (0[1-9]…, +33…): quicker than the search
        return []
    return [m.group(0) for m in PHONE_IN_TEXT.finditer(text)]


@rule(
    code="vie-privee-telephone", famille="vie_privee", severite=Severity.WARNING, portee="cas_usage",
    reference=_REFERENCE,
    reference_en=_REFERENCE_EN,
    titre_fr="Numéro de téléphone dans un champ public", titre_en="Phone number in a public field",
    justification_fr="Un numéro de téléphone dans un texte publié est le plus souvent la ligne directe ou le "
                     "portable de l'agent qui a rempli la fiche : c'est une donnée personnelle, que la "
                     "minimisation (RGPD, art. 5(1)(c)) interdit de publier sans nécessité. Le registre renvoie "
                     "vers une adresse de service ou une page d'information. Formats reconnus : 01 23 45 67 89, "
                     "01.23.45.67.89, 0123456789, +33 1 23 45 67 89, +33 (0)1 23 45 67 89 ; un SIRET, une "
                     "année, un montant ou une mesure ne le sont pas. Le numéro d'un standard ou d'un service "
                     "est signalé aussi : taisez alors la règle pour cette fiche, avec sa raison.",
    justification_en="A phone number in a published text is most often the direct line or mobile of the agent "
                     "who filled in the record: personal data, which minimisation (GDPR art. 5(1)(c)) forbids "
                     "publishing without need. The register points to a department's address or an information "
                     "page. Formats recognised: 01 23 45 67 89, 01.23.45.67.89, 0123456789, +33 1 23 45 67 89, "
                     "+33 (0)1 23 45 67 89; a SIRET, a year, an amount or a measurement are not. The number of "
                     "a switchboard or a department is flagged too: then silence the rule for this record, with "
                     "its reason.",
    message_fr="Numéro de téléphone « {numero} » dans le champ public {champ} : il serait publié.",
    message_en="Phone number “{numero}” in the public field {champ}: it would be published.",
    aide_fr="Retirez-le, ou remplacez-le par l'adresse d'un service ou une page d'information ; si c'est le "
            "numéro d'un standard public, taisez la règle : « # iaterr: ignore[vie-privee-telephone] standard "
            "de la mairie ».",
    aide_en="Remove it, or replace it with a department's address or an information page; if it is a public "
            "switchboard, silence the rule: “# iaterr: ignore[vie-privee-telephone] town hall switchboard”.",
)
def telephone(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    for path, value, spec in ctx.texts:
        if is_public(spec) and is_free_text(spec):
            for number in phone_numbers(value):
                yield Finding(path, {"numero": number, "champ": field_label(model, path)})


# ---------------------------------------------------------------- people's names

_UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_LOW = "a-zàâäçéèêëîïôöùûüÿæœ"
_CAP_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"  # Dupont, Jean-Pierre
_CAPS_WORD = rf"[{_UP}]{{2,}}(?:[-'’][{_UP}]{{2,}})?"  # VERNHET, LE-GALL
_PARTICLE = r"(?:Le|La|De|Du|Des|Van|Von|Mac|Ben)[ \u00a0]"  # Le Gall, De Souza
_NAME_WORD = rf"(?:(?:{_PARTICLE})?(?:{_CAP_WORD}|{_CAPS_WORD}))"
_SP = r"[ \u00a0]"
_END = r"(?![\w-])"


def _overlapping(pattern: str) -> re.Pattern:
    """``pattern`` tried at every position (a zero-width look-ahead), so that pairs may overlap."""
    return re.compile(rf"(?<![\w-])(?=({pattern}){_END})")


#: a civility followed by a name: M. Dupont, Mme Martin, Madame Durand, Dr Roux
CIVILITE = _overlapping(rf"(?P<civ>M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle|Dr|Docteure?|Pr"
                        rf"|Professeure?)\.?{_SP}(?P<nom>{_NAME_WORD})")
#: a capitalised word followed by one in capitals (Katia VERNHET)
PRENOM_NOM = _overlapping(rf"(?P<prenom>{_CAP_WORD}){_SP}(?P<nom>{_CAPS_WORD})")
#: a word in capitals followed by a first name (VERNHET Katia)
NOM_PRENOM = _overlapping(rf"(?P<nom>{_CAPS_WORD}){_SP}(?P<prenom>{_CAP_WORD})")
#: a capitalised word followed by another (Pierre Dupont): only when the first is a known first name
PRENOM_CAPITALE = _overlapping(rf"(?P<prenom>{_CAP_WORD}){_SP}(?P<nom>{_NAME_WORD})")

#: Common French first names (accents removed, lower case), for ``Prénom Nom``. Names that are also
#: common nouns written with a capital (Marine nationale, Rose, Aurore) are left out.
PRENOMS = frozenset("""
    jean pierre michel andre philippe alain bernard jacques daniel christian patrick nicolas christophe eric
    frederic laurent stephane david olivier thierry pascal sebastien julien thomas alexandre antoine guillaume
    vincent francois mathieu matthieu maxime romain jerome didier dominique gerard yves marc luc paul louis hugo
    lucas leo gabriel arthur raphael jules benoit cedric fabrice franck gilles herve arnaud bruno emmanuel
    xavier yannick ludovic florian kevin jonathan anthony mickael michael damien benjamin samuel quentin clement
    baptiste bastien aurelien fabien gregory serge rene roger georges henri marcel robert patrice joel regis
    denis lionel mathias remi remy loic erwan yann karim mohamed mehdi sofiane francis
    marie nathalie isabelle sylvie catherine francoise martine christine valerie sandrine sophie celine
    stephanie veronique nicole monique chantal anne julie aurelie emilie caroline laurence camille claire sarah
    laura pauline manon lea emma chloe ines jade louise alice lucie mathilde charlotte elodie audrey virginie
    delphine corinne patricia helene agnes brigitte florence karine katia melanie vanessa amandine anais marion
    justine margaux elise juliette agathe oceane clara nadia fatima samia sabrina jeanne madeleine jacqueline
    danielle josiane ghislaine annie odile muriel pascale beatrice cecile estelle fanny gaelle ingrid magali
    myriam nadege noemie solene zoe severine sonia carole morgane
    """.split())

#: Words after which a capitalised pair names a thing, not a person (a capitalised word, then an acronym).
ORG_WORDS = frozenset("""
    pole fonds plan programme projet projets reseau service services direction agence commission conseil loi
    reglement decret base banque caisse groupe societe syndicat association federation fondation institut
    universite ecole college lycee centre maison hopital clinique label prix appel outil logiciel progiciel
    solution plateforme application appli portail site systeme dispositif module modele algorithme methode
    norme referentiel schema standard marche contrat convention charte strategie mission operation campagne
    region departement metropole communaute commune ville mairie territoire agglomeration office cabinet
    bureau observatoire laboratoire labo startup entreprise groupement consortium partenariat
    donnees donnee fichier tableau rapport guide etude enquete dossier budget financement subvention
    equipe cellule unite comite collectif club data open smart green tech lab hub cloud intelligence
    """.split())
#: Words that start a sentence (« Avec ENEDIS », « Selon INRAE »): not first names.
FUNCTION_WORDS = frozenset("""
    avec pour dans selon chez grace depuis apres avant entre sans sous vers par via contre puis mais donc ainsi
    enfin aussi chaque tous toutes tout toute cette ces notre nos votre vos leur leurs son ses sur une des les
    lors suite face outre hors quand comme lorsque afin ici voici voila elle ils elles nous vous
    """.split())
#: Acronyms and words in capitals that are not family names.
ACRONYMES = frozenset("""
    RGPD CNIL CADA CRPA CGCT FEDER FEADER LEADER CRTE DETR DSIL DSI DSIN DGS DGA DRH ANCT DINUM ETALAB EPCI
    SIRET SIREN INSEE IGN BNP SNCF RATP EDF ENGIE CNRS INRIA INRAE CEREMA ADEME BPI BPIFRANCE CDC UGAP
    CAF CPAM MSA ARS CCAS CIAS PMI RSA APL APA AAH MDPH PCH SDIS PLU PLUI SCOT SRADDET PCAET SIG API
    IA AI LLM GPT OCR NLP RAG SAAS IOT GPS LIDAR AIPD DPIA DPO HDS SECNUMCLOUD OVH AWS GCP
    EUROPE FRANCE PARIS NORD SUD EST OUEST
    """.split())
#: Words before a civility or a first name that make it part of a place or institution name
#: (rue Jean Jaurès, école Marie Curie, avenue du Docteur Roux, Saint Pierre).
PLACE_WORDS = frozenset("""
    rue avenue boulevard bd place square quai allee impasse chemin route cours passage rond point pont parc
    jardin stade gymnase piscine salle ecole college lycee universite institut centre maison hopital clinique
    ehpad creche mediatheque bibliotheque musee theatre espace residence quartier cite station gare arret
    ligne groupe scolaire fondation prix bourse campus faculte saint sainte st ste lotissement zone port
    """.split())
#: Words after a civility that are a title or an article, not a name (Madame la Maire, Monsieur Le Président).
TITLE_WORDS = frozenset("""
    le la les l du de des maire president presidente directeur directrice prefet prefete depute deputee
    senateur senatrice ministre adjoint adjointe conseiller conseillere vice-president vice-presidente
    premier premiere secretaire chef cheffe responsable delegue deleguee elu elue juge procureur commissaire
    general generale
    """.split())
#: Articles: a person's name is not preceded by one (« la Plateforme GEOSUD », « du Pôle TES »).
ARTICLES = frozenset("le la les l du des au aux un une".split())
#: Endings of common nouns (Financement, Stratégie, Directeur…), which a first name seldom has.
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ite", "age", "eur", "ique", "isme", "ence", "ance", "oire", "ure",
                  "aire", "eau", "ie")


def _words_before(text: str, start: int, n: int = 3) -> list[str]:
    """The ``n`` words before ``start``, folded; ``l'Institut`` gives ``institut``, ``l'`` gives ``l``."""
    words = []
    for w in re.findall(r"[\w'’]+", text[max(0, start - 60): start])[-n:]:
        w = fold(w).replace("’", "'")
        words.append(w.rstrip("'") if w.endswith("'") else w.split("'")[-1])
    return words


def _before_ok(text: str, start: int, *, articles: bool = True) -> bool:
    """Not part of a place or institution name (rue Jean Jaurès) and, with ``articles``, not after an
    article (du Pôle TES, l'Agence) — a civility may follow one (le Dr Roux)."""
    words = _words_before(text, start)
    if any(w in PLACE_WORDS for w in words):
        return False
    if articles:
        if re.search(r"(?:^|\W)[lL]['’]$", text[max(0, start - 3): start]):
            return False  # l'Agence, l'Institut
        if words and words[-1] in ARTICLES:
            return False
    return True


def _first_name(word: str) -> bool:
    word = fold(word)
    return word in PRENOMS or word.split(" ")[0].split("-")[0] in PRENOMS


_CAPITAL = re.compile(rf"[{_UP}]")


def _at_capitals(pattern: re.Pattern, text: str, capitals: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for the patterns above, tried only where they can match: each one matches an
    empty string just before a name that starts with a capital (the search tries every position, and is slow)."""
    for start in capitals:
        m = pattern.match(text, start)
        if m:
            yield m


def person_names(text: str) -> list[str]:
    """The people's names found in ``text``, conservatively (see the rule's rationale for the limits)."""
    found: list[tuple[int, int]] = []
    capitals = [m.start() for m in _CAPITAL.finditer(text)]
    if len(capitals) < 2:  # every shape has two words with a capital
        return []

    def add(m: re.Match) -> None:
        start, end = m.span(1)
        if not any(s < end and start < e for s, e in found):
            found.append((start, end))

    for m in _at_capitals(CIVILITE, text, capitals):
        if fold(m.group("nom")).split()[-1] not in TITLE_WORDS and _before_ok(text, m.start(), articles=False):
            add(m)
    for m in _at_capitals(PRENOM_CAPITALE, text, capitals):
        if _first_name(m.group("prenom")) and _before_ok(text, m.start()):
            add(m)
    for m in _at_capitals(PRENOM_NOM, text, capitals):
        prenom, nom = fold(m.group("prenom")), m.group("nom")
        if nom in ACRONYMES or not _before_ok(text, m.start()):
            continue
        letters = sum(c.isalpha() for c in nom)
        if letters >= 4 and prenom not in ORG_WORDS and prenom not in FUNCTION_WORDS and 3 <= len(prenom) <= 12 \
                and not prenom.endswith(_NOUN_SUFFIXES):
            add(m)
    for m in _at_capitals(NOM_PRENOM, text, capitals):
        if _first_name(m.group("prenom")) and m.group("nom") not in ACRONYMES and _before_ok(text, m.start()):
            add(m)
    return [text[s:e] for s, e in sorted(found)]


@rule(
    code="vie-privee-nom-personne", famille="vie_privee", severite=Severity.WARNING, portee="cas_usage",
    reference=_REFERENCE,
    reference_en=_REFERENCE_EN,
    titre_fr="Nom de personne dans un champ public", titre_en="Person's name in a public field",
    justification_fr="Le registre décrit des traitements, pas les agents qui les conduisent : le nom d'un chef "
                     "de projet, d'un agent ou d'un usager dans un texte publié est une donnée personnelle dont "
                     "la publication n'est pas nécessaire (minimisation, RGPD art. 5(1)(c)) ; nommez plutôt le "
                     "service ou la fonction. La détection est prudente et ne voit que trois formes : une "
                     "civilité suivie d'un nom (M. Dupont, Mme Martin, Monsieur…, Madame…, Dr…), un prénom "
                     "suivi d'un nom en capitales (Katia VERNHET, ou VERNHET Katia), et un prénom courant "
                     "d'une liste suivi d'un mot à majuscule (Pierre Dupont). Elle ignore les noms de lieux et "
                     "d'institutions qui portent un nom de personne (rue Jean Jaurès, école Marie Curie), les "
                     "sigles connus et les noms d'organisations. Limites : un nom sans prénom ni civilité, ou "
                     "un prénom hors de la liste suivi d'un nom qui n'est pas en capitales, n'est pas vu ; une "
                     "marque en capitales précédée d'un mot à majuscule peut être prise pour un nom (taisez "
                     "alors la règle avec sa raison). Le nom d'un élu cité dans l'exercice de son mandat peut "
                     "être publié : taisez la règle.",
    justification_en="The register describes processings, not the staff who run them: the name of a project "
                     "lead, an agent or a user in a published text is personal data whose publication is not "
                     "necessary (minimisation, GDPR art. 5(1)(c)); name the department or the role instead. "
                     "Detection is cautious and only sees three shapes: a civility followed by a name (M. "
                     "Dupont, Mme Martin, Monsieur…, Madame…, Dr…), a first name followed by a family name in "
                     "capitals (Katia VERNHET, or VERNHET Katia), and a common first name from a list followed "
                     "by a capitalised word (Pierre Dupont). It ignores place and institution names that carry "
                     "a person's name (rue Jean Jaurès, école Marie Curie), known acronyms and organisation "
                     "names. Limits: a name without first name or civility, or a first name outside the list "
                     "followed by a family name not in capitals, is not seen; a brand in capitals after a "
                     "capitalised word may be taken for a name (then silence the rule with its reason). An "
                     "elected official named in office may be published: silence the rule.",
    message_fr="Nom de personne probable « {nom} » dans le champ public {champ} : « {extrait} ».",
    message_en="Probable person's name “{nom}” in the public field {champ}: “{extrait}”.",
    aide_fr="Nommez le service ou la fonction (« la cheffe de projet numérique », « le service de l'eau ») ; "
            "si ce n'est pas une personne, ou si la publier est justifié, taisez la règle avec sa raison.",
    aide_en="Name the department or the role (“the digital project lead”, “the water department”); if it is "
            "not a person, or publishing it is justified, silence the rule with its reason.",
)
def nom_personne(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    for path, value, spec in ctx.texts:
        if is_public(spec) and is_free_text(spec):
            for name in person_names(value):
                yield Finding(path, {"nom": name, "champ": field_label(model, path), "extrait": excerpt(value)})


# ---------------------------------------------------------------- restricted values in public fields

#: a restricted text is compared from 12 characters and 4 words: a shorter label (« Indice de
#: plantabilité », the name of an algorithm used as a common noun) recurs naturally in public texts
_RESTRICTED_MIN = 12
_RESTRICTED_MIN_WORDS = 4


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def _contains(haystack: str, needle: str, kind: str) -> bool:
    """``needle`` in ``haystack`` as a whole (not the start of a longer word, address or link)."""
    return needle in haystack and _whole(needle, kind in ("email", "url")).search(haystack) is not None


@functools.lru_cache(maxsize=1024)
def _whole(needle: str, address: bool) -> re.Pattern:
    after = r"(?![\w/@.-]\w|\w)" if address else r"(?!\w)"
    return re.compile(r"(?<![\w@.-])" + re.escape(needle) + after)


@rule(
    code="vie-privee-restreint-dans-public", famille="vie_privee", severite=Severity.ERROR, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : champs restreints, partagés entre collectivités et jamais "
              "publiés ; RGPD art. 5(1)(f) (confidentialité), quand l'information est une donnée personnelle",
    reference_en=("Bibliothèque d'IA territoriales: restricted fields, shared between authorities and never "
              "published; GDPR, Art. 5(1)(f) (confidentiality), where the information is personal data"),
    titre_fr="Information restreinte recopiée dans un champ public",
    titre_en="Restricted information copied into a public field",
    justification_fr="Les champs restreints (contact, nom et description technique de l'algorithme, évaluation "
                     "des risques, financements…) sont partagés entre collectivités et jamais publiés. Recopié "
                     "tel quel dans un champ public, leur contenu serait publié quand même : c'est une fuite, "
                     "d'où la gravité d'erreur. Sont comparés, sans tenir compte de la casse, les textes "
                     "restreints d'au moins 12 caractères et 4 mots, toute adresse électronique et tout lien ; "
                     "un libellé plus court (le nom d'un algorithme employé comme nom commun, « indice de "
                     "plantabilité ») revient naturellement dans les textes publics et n'est pas comparé. Une "
                     "adresse ou un lien donné aussi, en entier, dans un champ public fait pour cela (contact "
                     "pour l'exercice des droits, code source) ou dans la fiche de la collectivité est déjà "
                     "publié volontairement : il n'est pas signalé.",
    justification_en="Restricted fields (contact, name and technical description of the algorithm, risk "
                     "assessment, funding…) are shared between authorities and never published. Copied as is "
                     "into a public field, their content would be published anyway: a leak, hence the error "
                     "severity. Compared, ignoring case: restricted texts of at least 12 characters and 4 "
                     "words, every e-mail address and every link; a shorter label (an algorithm's name used as a "
                     "common noun, “indice de plantabilité”) recurs naturally in public texts and is not "
                     "compared. An address or link also given, in full, in a public field made for it (contact "
                     "for exercising rights, source code) or in the authority's record is already published on "
                     "purpose: it is not reported.",
    message_fr="Le champ public {champ} reprend le champ restreint {restreint} : « {extrait} ».",
    message_en="The public field {champ} repeats the restricted field {restreint}: “{extrait}”.",
    aide_fr="Retirez ce passage du champ public, ou reformulez-le sans l'information restreinte ; si elle "
            "peut être publiée, déplacez-la plutôt dans un champ public.",
    aide_en="Remove this passage from the public field, or rephrase it without the restricted information; if "
            "it may be published, move it to a public field instead.",
)
def restreint_dans_public(ctx: RecordContext) -> Iterable[Finding]:
    model = model_of(ctx.kind)
    public: list[tuple[tuple, str, Any]] = []
    restricted: list[tuple[tuple, str, Any]] = []
    for path, value, spec in ctx.texts:
        if spec.kind == "code" or not value.strip():
            continue
        (public if is_public(spec) else restricted).append((path, value, spec))
    if not restricted:
        return
    # addresses and links already published on purpose, in a field made for them
    published = {_norm(v) for _, v, s in public if s.kind in ("email", "url")}
    for _, value, spec in iter_texts(Collectivite, ctx.collectivite or {}):
        if spec.kind in ("email", "url") and is_public(spec):
            published.add(_norm(value))
    public_norm = [(p_path, _norm(p_value)) for p_path, p_value, _ in public]
    for r_path, r_value, r_spec in restricted:
        needle = _norm(r_value)
        if needle in published:
            continue
        if r_spec.kind not in ("email", "url") and (len(needle) < _RESTRICTED_MIN
                                                   or len(needle.split()) < _RESTRICTED_MIN_WORDS):
            continue
        for p_path, p_norm in public_norm:
            if _contains(p_norm, needle, r_spec.kind):
                yield Finding(p_path, {"champ": field_label(model, p_path), "restreint": field_label(model, r_path),
                                       "extrait": excerpt(r_value)})

#: The rules of this family, in the order they are listed.
RULES = (
    email_personnel,
    email_personnel_collectivite,
    telephone,
    nom_personne,
    restreint_dans_public,
)
