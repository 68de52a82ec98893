"""Which legal regimes apply to a use case, decided by its declared fields, and why.

:func:`qualify` reads a use case (a record as written, or as ``iaterr new`` is about to write it) and its
collectivité, and returns one :class:`Regime` per regime iaterr knows: the CRPA's individual decision
(L311-3-1), online publication (L312-1-3, with the D312-1-4 threshold), the AI Act (an AI system or not,
AI literacy, prohibited practices, Annex III high risk, transparency), the GDPR, fully automated decisions
(GDPR art. 22, loi 78-17 art. 47) and the data protection impact assessment (GDPR art. 35).

Each regime says whether it applies, does not apply, applies from a later date, is forbidden by what the
record declares, is to be specified (a field it depends on is missing: :attr:`Regime.champs`) or is to be
checked with the legal department (the record is complete, the law does not settle it); why, as message keys
with their parameters (:class:`Motif`, rendered in French or English); and the articles, as codes of
:mod:`iaterr.model.droit`. Nothing here states a date or an article: they come from that table.

Values are read as a record holds them (``true``/``"oui"``, codes or labels): a record that does not validate
is qualified as far as it can be, never with an exception. This module prints nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from iaterr.i18n import message
from iaterr.model.droit import applicable, depuis, long_date, reference, references
from iaterr.model.values import as_int as _int
from iaterr.model.values import boolean as _bool
from iaterr.model.values import code_of as _code
from iaterr.model.values import is_blank as _blank
from iaterr.model.values import known_codes_of as _codes
from iaterr.model.vocab import (
    CRITERES_AIPD,
    DESTINATAIRES_DECISIONS,
    DOMAINES_ANNEXE_III,
    NIVEAUX_AUTOMATISATION,
    NIVEAUX_RISQUE,
    PUBLICS,
    STATUTS,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
    Vocabulary,
)

# ---------------------------------------------------------------- statuses

#: The regime applies (since :attr:`Regime.depuis`, when it has a date).
APPLIQUE = "applique"
#: The regime will apply from :attr:`Regime.depuis`.
A_VENIR = "a_venir"
#: The regime does not apply, for the reasons given.
NON_APPLICABLE = "non_applicable"
#: The regime applies and forbids what the record declares.
INTERDIT = "interdit"
#: A field the answer depends on is missing (:attr:`Regime.champs`).
A_PRECISER = "a_preciser"
#: The record is complete but the law does not settle the case: to be checked with the legal department.
A_VERIFIER = "a_verifier"

STATUTS_QUALIFICATION = (APPLIQUE, A_VENIR, NON_APPLICABLE, INTERDIT, A_PRECISER, A_VERIFIER)

#: Kinds of algorithm that learn from data: a system of these kinds infers (AI Act art. 3(1)).
TYPES_APPRENTISSAGE = ("apprentissage_automatique", "ia_generative", "reseaux_neurones", "vision_ordinateur",
                       "traitement_langage")

#: The regimes, in the order they are shown.
REGIMES = ("crpa-decision", "crpa-publication", "ria-systeme", "ria-maitrise", "ria-interdit", "ria-haut-risque",
           "ria-transparence", "rgpd", "rgpd-decision-automatisee", "rgpd-aipd")


_DECISIONS = ("decisions_individuelles",)
_RECIPIENTS = ("decisions_individuelles", "destinataires_decisions")
_AUTOMATED = ("decisions_individuelles", "niveau_automatisation")

#: The declared fields each reason rests on (``collectivite.…`` for the collectivité's).
FONDEMENTS: dict[str, tuple[str, ...]] = {
    "qualif.crpa.decisions-inconnues": _DECISIONS, "qualif.crpa.sans-decision": _DECISIONS,
    "qualif.crpa.destinataires-inconnus": _RECIPIENTS, "qualif.crpa.decisions": _RECIPIENTS,
    "qualif.crpa.intervention": ("niveau_automatisation",), "qualif.crpa.intervention-inconnue": (),
    "qualif.crpa.agents-aussi": ("destinataires_decisions",), "qualif.crpa.agents-seuls": _RECIPIENTS,
    "qualif.publication.sans-decision": _DECISIONS, "qualif.publication.selon-crpa": _RECIPIENTS,
    "qualif.publication.selon-crpa-agents": _RECIPIENTS,
    "qualif.publication.effectif-inconnu": ("collectivite.nombre_agents",),
    "qualif.publication.dispense": ("collectivite.nombre_agents",),
    "qualif.publication.effectif": ("collectivite.nombre_agents",),
    "qualif.ria.systeme-inconnu": ("systeme_ia",), "qualif.ria.indice-apprentissage": ("type_algorithme",),
    "qualif.ria.indice-regles": ("type_algorithme",), "qualif.ria.contradiction": ("systeme_ia", "type_algorithme"),
    "qualif.ria.contradiction-niveau": ("systeme_ia", "niveau_risque_ia"),
    "qualif.ria.contradiction-annexe": ("systeme_ia", "domaines_annexe_iii"),
    "qualif.ria.contradiction-a-verifier": ("systeme_ia",), "qualif.ria.si-systeme": ("systeme_ia",),
    "qualif.ria.regles": ("systeme_ia",), "qualif.ria.systeme": ("systeme_ia",),
    "qualif.ria.hors-champ": ("systeme_ia",),
    "qualif.ria.selon-systeme": ("systeme_ia",), "qualif.ria.maitrise": ("systeme_ia",),
    "qualif.ria.maitrise-a-decrire": ("formation_ia",), "qualif.ria.niveau-inconnu": ("niveau_risque_ia",),
    "qualif.ria.pratique-interdite": ("niveau_risque_ia",), "qualif.ria.niveau": ("niveau_risque_ia",),
    "qualif.ria.niveau-seul": ("niveau_risque_ia",),
    "qualif.ria.eleve-sans-domaine": ("niveau_risque_ia", "domaines_annexe_iii"),
    "qualif.ria.agents-emploi": ("destinataires_decisions", "domaines_annexe_iii"),
    "qualif.ria.hors-annexe-iii": ("domaines_annexe_iii",),
    "qualif.ria.exception-6-3": ("domaines_annexe_iii", "niveau_risque_ia"),
    "qualif.ria.personnes-morales-5a": ("domaines_annexe_iii", "destinataires_decisions"),
    "qualif.ria.annexe-sans-niveau": ("domaines_annexe_iii", "niveau_risque_ia"),
    "qualif.ria.haut-risque": ("domaines_annexe_iii", "niveau_risque_ia"), "qualif.ria.profilage": ("criteres_aipd",),
    "qualif.ria.en-service": ("statut", "date_debut"), "qualif.ria.deployeur": ("domaines_annexe_iii",),
    "qualif.ria.interaction": ("interaction_public",), "qualif.ria.contenu-genere": ("contenu_genere_publie",),
    "qualif.ria.interaction-inconnue": ("interaction_public",),
    "qualif.ria.contenu-genere-inconnu": ("contenu_genere_publie",),
    "qualif.ria.sans-transparence": ("interaction_public", "contenu_genere_publie"),
    "qualif.rgpd.personnelles": ("donnees",), "qualif.rgpd.sensibles": ("donnees_sensibles",),
    "qualif.rgpd.duree-a-dire": ("duree_conservation",), "qualif.rgpd.sans-donnees": ("donnees",),
    "qualif.rgpd.personnelles-inconnues": ("donnees",),
    "qualif.rgpd.decisions-sur-des-personnes": ("donnees", "decisions_individuelles", "destinataires_decisions"),
    "qualif.rgpd.non-personnelles": ("donnees",),
    "qualif.art22.selon-decisions": _DECISIONS, "qualif.art22.sans-decision": _DECISIONS,
    "qualif.art22.niveau-inconnu": _AUTOMATED, "qualif.art22.personne-decide": _AUTOMATED,
    "qualif.art22.assistee": _AUTOMATED, "qualif.art22.contradiction": _AUTOMATED,
    "qualif.art22.assistee-sensibles": ("niveau_automatisation", "donnees_sensibles"),
    "qualif.art22.assistee-revision": ("niveau_automatisation", "revision_autonome"),
    "qualif.art22.personnes-morales": ("niveau_automatisation", "destinataires_decisions"),
    "qualif.art22.automatisee": _AUTOMATED, "qualif.art22.interdit-sensibles": ("donnees_sensibles",),
    "qualif.art22.interdit-revision": ("revision_autonome",), "qualif.art22.recours-a-dire": ("procedure_objection",),
    "qualif.art22.a-preciser": (),
    "qualif.aipd.sans-donnees": ("donnees",), "qualif.aipd.selon-rgpd": ("donnees",),
    "qualif.aipd.criteres": ("criteres_aipd",), "qualif.aipd.haut-risque": ("domaines_annexe_iii", "niveau_risque_ia"),
    "qualif.aipd.realisee": ("analyses_impact",), "qualif.aipd.moins-de-deux": ("criteres_aipd",),
}


@dataclass(frozen=True)
class Motif:
    """One reason, as a message key of the ``qualif.`` family and its parameters."""

    cle: str
    params: dict[str, Any] = field(default_factory=dict)

    def texte(self, lang: str = "fr") -> str:
        return message(self.cle, lang, **self.params)

    @property
    def champs(self) -> tuple[str, ...]:
        """The declared fields this reason rests on."""
        return FONDEMENTS.get(self.cle, ())


@dataclass(frozen=True)
class Regime:
    """Whether one regime applies to the use case, and why."""

    code: str
    statut: str
    motifs: tuple[Motif, ...]
    #: codes of :mod:`iaterr.model.droit`
    references: tuple[str, ...]
    #: the fields to fill in before the question can be answered (``collectivite.nombre_agents`` for the
    #: collectivité's)
    champs: tuple[str, ...] = ()
    #: the date from which it applies, when the law gives one; for a regime « à vérifier » or « à préciser »,
    #: the date from which it would apply if the check or the missing field confirms it (the Annex III duties:
    #: the date of ``ria.annexe-iii``, or that of ``ria.art111-2`` for a public authority's system already in service)
    depuis: date | None = None
    #: declared fields that contradict each other (the record is to be corrected, or confirmed with the legal
    #: department): ``systeme_ia`` said false by a record that declares a learning kind of algorithm, a risk
    #: tier or Annex III areas; ``decisions_individuelles`` with « sans_decision »
    contradictoires: tuple[str, ...] = ()
    #: for a regime « à vérifier »: its status if the check confirms it (APPLIQUE or A_VENIR, with ``depuis``)
    statut_confirme: str | None = None
    #: « à préciser », but the duty is presumed until the missing field shows otherwise (online publication,
    #: L312-1-3, while the collectivité's headcount is unknown: only the D312-1-4 exemption lifts it)
    presumee: bool = False

    def titre(self, lang: str = "fr") -> str:
        return message(f"qualif.regime.{self.code}", lang)

    def statut_texte(self, lang: str = "fr") -> str:
        if self.statut in (APPLIQUE, A_VENIR) and self.depuis is not None:
            return message(f"qualif.statut.{self.statut}.date", lang, date=_day(self.depuis))
        if self.statut == A_VERIFIER and self.statut_confirme in (APPLIQUE, A_VENIR) and self.depuis is not None:
            return message(f"qualif.statut.a_verifier.{self.statut_confirme}", lang, date=_day(self.depuis))
        if self.statut == A_PRECISER and self.presumee:
            return message("qualif.statut.a_preciser.presumee", lang)
        return message(f"qualif.statut.{self.statut}", lang)

    def citations(self, lang: str = "fr") -> list[str]:
        """How each reference is cited in ``lang``."""
        return [reference(code, lang) for code in self.references]

    @property
    def fondements(self) -> tuple[str, ...]:
        """The declared (or missing) fields that led here, each once."""
        out: list[str] = []
        for m in self.motifs:
            out += [c for c in m.champs if c not in out]
        return tuple(out + [c for c in self.champs if c not in out and not c.startswith("donnees[")])


@dataclass(frozen=True)
class Qualification:
    today: date
    regimes: tuple[Regime, ...]

    def regime(self, code: str) -> Regime:
        return next(r for r in self.regimes if r.code == code)

    @property
    def a_preciser(self) -> list[Regime]:
        return [r for r in self.regimes if r.statut == A_PRECISER]

    @property
    def interdits(self) -> list[Regime]:
        return [r for r in self.regimes if r.statut == INTERDIT]

    @property
    def a_verifier(self) -> list[Regime]:
        """The regimes to check with the legal department."""
        return [r for r in self.regimes if r.statut == A_VERIFIER]

    @property
    def contradictions(self) -> list[str]:
        """Every declared field that another contradicts, once, in the order of the regimes."""
        out: list[str] = []
        for r in self.regimes:
            out += [c for c in r.contradictoires if c not in out]
        return out

    @property
    def champs(self) -> list[str]:
        """Every field to fill in, once, in the order of the regimes."""
        out: list[str] = []
        for r in self.a_preciser:
            out += [c for c in r.champs if c not in out]
        return out


# ---------------------------------------------------------------- reading a record as written

def _sources(cas: Record) -> list[dict[str, Any]]:
    value = cas.get("donnees")
    return [d for d in value if isinstance(d, dict)] if isinstance(value, list) else []


def _labels(vocab: Vocabulary, codes: Iterable[str]) -> dict[str, str]:
    """Labels of ``codes`` in both languages, as one message parameter."""
    codes = list(codes)
    return {lang: ", ".join((f"« {vocab.label(c, lang)} »" if lang == "fr" else f"“{vocab.label(c, lang)}”")
                            for c in codes) for lang in ("fr", "en")}


def _day(day: date) -> dict[str, str]:
    return {"fr": long_date(day, "fr"), "en": long_date(day, "en")}


def _hr() -> dict[str, Any]:
    """What clearly applies to decisions about the staff: GDPR art. 22, Annex III point 4 (employment)."""
    return {"art22": references("rgpd.art22"), "emploi": _labels(DOMAINES_ANNEXE_III, ["emploi"])}


def _names(sources: list[dict[str, Any]]) -> list[str]:
    return [str(d.get("nom") or "?") for d in sources]


# ---------------------------------------------------------------- in service

#: Statuses of a project in use: deployed, or a pilot — an experiment in real conditions is a use.
_IN_SERVICE = frozenset({"en_experimentation", "en_deploiement"})


def in_service(statut_code: str | None) -> bool:
    """Is a project with this status (a code of ``STATUTS``, or None) in use: deployed, or piloted in real
    conditions. The one reading for lint and the qualification (art. 5, art. 50, art. 111(2))."""
    return statut_code in _IN_SERVICE


# ---------------------------------------------------------------- AI Act art. 49: where a use is registered

_NATIONAL = frozenset({"infrastructures_critiques"})
_NON_PUBLIC = frozenset({"police", "migration"})
#: Where the use of a high-risk system is registered.
EU_PUBLIC, EU_NON_PUBLIC, NATIONAL = "base-ue-publique", "base-ue-non-publique", "nationale"


def registration_route(domains: Iterable[str]) -> str | None:
    """Where a public deployer registers the use of a high-risk system of these Annex III areas (art. 49): the
    public EU database; its secure non-public section for law enforcement and migration, with the biometrics
    that comes with them (49(4)); or nowhere in it, at national level, for critical infrastructure alone
    (49(5)). None when no area is declared. The one reading of art. 49 for lint and the AI Act export."""
    domains = set(domains)
    if not domains:
        return None
    if domains & _NON_PUBLIC:
        domains.discard("biometrie")
    if not domains <= _NATIONAL | _NON_PUBLIC:
        return EU_PUBLIC
    return EU_NON_PUBLIC if domains & _NON_PUBLIC else NATIONAL


# ---------------------------------------------------------------- the data protection impact assessment


class Record(Protocol):
    """A use case as a mapping of its fields: a ``dict``, or a lint rule's ``RecordContext``."""

    def get(self, key: str, /) -> Any: ...


def dpia_criteria(cas: Record) -> dict[str, dict[str, str]]:
    """The EDPB / CNIL criteria (codes of ``CRITERES_AIPD``) the processing meets, code → where the record says
    so, in both languages: those declared in ``criteres_aipd``, then those other fields imply — sensitive data,
    an AI system (an innovative use), a fully automated decision, decisions about the authority's own staff or
    a service for aid beneficiaries (vulnerable people for the EDPB, WP248). Each criterion counts once. The
    one function for the qualification and the lint rules (the record's own words: ``systeme_ia: true``; the
    qualification says them the reader's way, :func:`dpia_criteria_read`)."""
    return {code: {"fr": f"« {said} »", "en": f"“{said}”"} for code, said in _dpia_sources(cas).items()}


def _dpia_sources(cas: Record) -> dict[str, str]:
    """Each criterion met → the field (and value) of the record that meets it, as written in the record."""
    out: dict[str, str] = {}
    for code in _codes(CRITERES_AIPD, cas.get("criteres_aipd")):
        out.setdefault(code, "criteres_aipd")
    implied: list[tuple[bool, str, str]] = [
        (_bool(cas.get("donnees_sensibles")) is True, "donnees_sensibles", "donnees_sensibles: true"),
        (_bool(cas.get("systeme_ia")) is True, "usage_innovant", "systeme_ia: true"),
        (_code(NIVEAUX_AUTOMATISATION, cas.get("niveau_automatisation")) == "decision_automatisee",
         "decision_automatique", "niveau_automatisation: decision_automatisee"),
        ("agents" in _codes(DESTINATAIRES_DECISIONS, cas.get("destinataires_decisions")),
         "personnes_vulnerables", "destinataires_decisions: agents"),
        ("beneficiaires" in _codes(PUBLICS, cas.get("publics")), "personnes_vulnerables", "publics: beneficiaires"),
    ]
    for holds, code, said in implied:
        if holds:
            out.setdefault(code, said)
    return out


#: How the qualification says where the record meets a criterion, in the reader's language (message keys).
_DPIA_READ = {"criteres_aipd": "qualif.aipd.source.criteres",
              "donnees_sensibles: true": "qualif.aipd.source.sensibles",
              "systeme_ia: true": "qualif.aipd.source.systeme-ia",
              "niveau_automatisation: decision_automatisee": "qualif.aipd.source.automatisee",
              "destinataires_decisions: agents": "qualif.aipd.source.agents",
              "publics: beneficiaires": "qualif.aipd.source.beneficiaires"}


def dpia_criteria_read(cas: Record) -> dict[str, dict[str, str]]:
    """The criteria of :func:`dpia_criteria`, each with where the record meets it said the reader's way
    (« systeme_ia : oui », “systeme_ia: yes”), in both languages."""
    return {code: {lang: message(_DPIA_READ[said], lang) for lang in ("fr", "en")}
            for code, said in _dpia_sources(cas).items()}


def personal_data(cas: Record) -> bool | None:
    """Does the processing use personal data? True when a data source is declared personal, False when every
    source is declared not personal, None when the record does not say (no source, or one left unanswered)."""
    flags = [_bool(d.get("personnelles")) for d in _sources(cas)]
    if any(f is True for f in flags):
        return True
    if flags and all(f is False for f in flags):
        return False
    return None


def dpia_required(cas: Record) -> bool | None:
    """Is a data protection impact assessment required by the EDPB criteria (two or more, declared or implied),
    with personal data? None when it is not known whether personal data are processed. The CNIL's list
    (délibération 2018-327) may require one with fewer criteria: the record cannot tell."""
    personal = personal_data(cas)
    if personal is not True:
        return personal
    return len(dpia_criteria(cas)) >= 2


# ---------------------------------------------------------------- the regimes


@dataclass
class _Facts:
    """The fields the regimes depend on, read once."""

    cas: dict[str, Any]
    collectivite: dict[str, Any] | None
    today: date

    def __post_init__(self) -> None:
        cas = self.cas
        self.decides = _bool(cas.get("decisions_individuelles"))
        self.destinataires = _codes(DESTINATAIRES_DECISIONS, cas.get("destinataires_decisions"))
        self.niveau = _code(NIVEAUX_AUTOMATISATION, cas.get("niveau_automatisation"))
        self.ia = _bool(cas.get("systeme_ia"))
        self.types = _codes(TYPES_ALGORITHME, cas.get("type_algorithme"))
        self.risque = _code(NIVEAUX_RISQUE, cas.get("niveau_risque_ia"))
        self.domaines = _codes(DOMAINES_ANNEXE_III, cas.get("domaines_annexe_iii"))
        self.statut = _code(STATUTS, cas.get("statut"))


def _dated(code: str, today: date) -> tuple[str, date | None]:
    return (APPLIQUE if applicable(code, today) else A_VENIR), depuis(code)


def _crpa(f: _Facts) -> Regime:
    refs = ("crpa.L311-3-1", "crpa.R311-3-1-1", "crpa.R311-3-1-2")
    if f.decides is None:
        return Regime("crpa-decision", A_PRECISER, (Motif("qualif.crpa.decisions-inconnues"),), refs,
                      ("decisions_individuelles",))
    if f.decides is False:
        return Regime("crpa-decision", NON_APPLICABLE, (Motif("qualif.crpa.sans-decision"),), refs)
    persons = [d for d in f.destinataires if d in ("personnes_physiques", "personnes_morales")]
    if not f.destinataires:
        return Regime("crpa-decision", A_PRECISER, (Motif("qualif.crpa.destinataires-inconnus"),), refs,
                      ("destinataires_decisions",))
    if not persons:
        return Regime("crpa-decision", A_VERIFIER, (Motif("qualif.crpa.agents-seuls", _hr()),), refs)
    motifs = [Motif("qualif.crpa.decisions", {"destinataires": _labels(DESTINATAIRES_DECISIONS, persons)})]
    if f.niveau is not None:
        motifs.append(Motif("qualif.crpa.intervention", {"niveau": _labels(NIVEAUX_AUTOMATISATION, [f.niveau])}))
    else:
        motifs.append(Motif("qualif.crpa.intervention-inconnue"))
    if "agents" in f.destinataires:
        motifs.append(Motif("qualif.crpa.agents-aussi"))
    return Regime("crpa-decision", APPLIQUE, tuple(motifs), refs)


def _publication(f: _Facts, crpa: Regime) -> Regime:
    refs = ("crpa.L312-1-3", "crpa.D312-1-4")
    if crpa.statut == NON_APPLICABLE:
        return Regime("crpa-publication", NON_APPLICABLE, (Motif("qualif.publication.sans-decision"),), refs)
    if crpa.statut == A_PRECISER:
        return Regime("crpa-publication", A_PRECISER, (Motif("qualif.publication.selon-crpa"),), refs, crpa.champs)
    if crpa.statut == A_VERIFIER:
        return Regime("crpa-publication", A_VERIFIER, (Motif("qualif.publication.selon-crpa-agents"),), refs)
    coll = f.collectivite or {}
    agents = _int(coll.get("nombre_agents"))
    ident = str(coll.get("identifiant") or f.cas.get("collectivite") or "?")
    if agents is None:
        # the duty is the rule (L312-1-3), the exemption (D312-1-4) the exception the record does not show
        return Regime("crpa-publication", A_PRECISER, (Motif("qualif.publication.effectif-inconnu", {
            "collectivite": ident, "ref": references("crpa.D312-1-4"), "l312": references("crpa.L312-1-3")}),),
            refs, ("collectivite.nombre_agents",), presumee=True)
    if agents < 50:
        return Regime("crpa-publication", NON_APPLICABLE, (Motif("qualif.publication.dispense",
                                                                 {"collectivite": ident, "n": agents,
                                                                  "ref": references("crpa.D312-1-4")}),), refs)
    return Regime("crpa-publication", APPLIQUE, (Motif("qualif.publication.effectif",
                                                       {"collectivite": ident, "n": agents}),), refs)


def _systeme(f: _Facts) -> Regime:
    refs = ("ria.art3-1",)
    learning = [t for t in f.types if t in TYPES_APPRENTISSAGE]
    if f.ia is None:
        motifs = [Motif("qualif.ria.systeme-inconnu")]
        if learning:
            motifs.append(Motif("qualif.ria.indice-apprentissage", {"types": _labels(TYPES_ALGORITHME, learning)}))
        elif f.types == ["regles"]:
            motifs.append(Motif("qualif.ria.indice-regles"))
        return Regime("ria-systeme", A_PRECISER, tuple(motifs), refs, ("systeme_ia",))
    if f.ia is False:
        # « not an AI system » while the record declares what only an AI system has: the tool does not rule the
        # AI Act out on a declaration it knows is contradicted
        motifs = []
        against = ["systeme_ia"]
        if learning:
            motifs.append(Motif("qualif.ria.contradiction", {"types": _labels(TYPES_ALGORITHME, learning)}))
            against.append("type_algorithme")
        if f.risque in ("eleve", "limite", "inacceptable"):
            motifs.append(Motif("qualif.ria.contradiction-niveau", {"niveau": _labels(NIVEAUX_RISQUE, [f.risque])}))
            against.append("niveau_risque_ia")
        if f.domaines:
            motifs.append(Motif("qualif.ria.contradiction-annexe", {
                "domaines": _labels(DOMAINES_ANNEXE_III, f.domaines)}))
            against.append("domaines_annexe_iii")
        if motifs:
            motifs.append(Motif("qualif.ria.contradiction-a-verifier", {"ref": references("ria.art3-1")}))
            return Regime("ria-systeme", A_VERIFIER, tuple(motifs), refs, contradictoires=tuple(against))
        return Regime("ria-systeme", NON_APPLICABLE, (Motif("qualif.ria.regles"),), refs)
    return Regime("ria-systeme", APPLIQUE, (Motif("qualif.ria.systeme"),), refs)


#: The AI-system regime as if it applied: to read a duty while ``systeme_ia`` is to be checked.
_AS_AI = Regime("ria-systeme", APPLIQUE, (), ())


def _under_ai_act(build: Callable[[_Facts, Regime], Regime], f: _Facts, systeme: Regime) -> Regime:
    """An AI Act duty. While ``systeme_ia : non`` is contradicted by the record (« à vérifier »), the duty is read
    as for an AI system and said « à vérifier » with the date it would apply from, never « ne s'applique pas »;
    a prohibited practice or a missing field keeps its status. While ``systeme_ia`` is missing, the duty is « à
    préciser » and its ``depuis`` the date it would apply from."""
    if systeme.statut == A_PRECISER:
        # whether it is an AI system is to be specified: the duty waits on it, with the date it would apply from
        gated = build(f, systeme)
        return replace(gated, depuis=build(f, _AS_AI).depuis)
    if systeme.statut != A_VERIFIER:
        return build(f, systeme)
    r = build(f, _AS_AI)
    motifs = (Motif("qualif.ria.si-systeme"), *r.motifs)
    if r.statut in (INTERDIT, A_PRECISER):
        return replace(r, motifs=motifs)
    confirmed = r.statut if r.statut in (APPLIQUE, A_VENIR) else None
    return replace(r, statut=A_VERIFIER, motifs=motifs, statut_confirme=confirmed)


def _outside(code: str, systeme: Regime, refs: tuple[str, ...]) -> Regime | None:
    """The AI Act duty ``code`` when the record does not make it an AI system; None when it does."""
    if systeme.statut == APPLIQUE:
        return None
    if systeme.statut == NON_APPLICABLE:
        return Regime(code, NON_APPLICABLE, (Motif("qualif.ria.hors-champ"),), refs)
    return Regime(code, A_PRECISER, (Motif("qualif.ria.selon-systeme"),), refs, systeme.champs)


def _maitrise(f: _Facts, systeme: Regime) -> Regime:
    refs = ("ria.art4",)
    gated = _outside("ria-maitrise", systeme, refs)
    if gated is not None:
        return gated
    statut, since = _dated("ria.art4", f.today)
    motifs = [Motif("qualif.ria.maitrise")]
    if _blank(f.cas.get("formation_ia")):
        motifs.append(Motif("qualif.ria.maitrise-a-decrire"))
    return Regime("ria-maitrise", statut, tuple(motifs), refs, depuis=since)


def _interdit(f: _Facts, systeme: Regime) -> Regime:
    refs = ("ria.art5",)
    gated = _outside("ria-interdit", systeme, refs)
    if gated is not None:
        return gated
    if f.risque in (None, "non_evalue"):
        return Regime("ria-interdit", A_PRECISER, (Motif("qualif.ria.niveau-inconnu"),), refs, ("niveau_risque_ia",))
    if f.risque == "inacceptable":
        statut, since = _dated("ria.art5", f.today)
        return Regime("ria-interdit", INTERDIT if statut == APPLIQUE else A_VENIR,
                      (Motif("qualif.ria.pratique-interdite"),), refs, depuis=since)
    # the tier is the collectivité's own assessment: the tool does not examine the practices of art. 5
    return Regime("ria-interdit", NON_APPLICABLE,
                  (Motif("qualif.ria.niveau", {"niveau": _labels(NIVEAUX_RISQUE, [f.risque])}),
                   Motif("qualif.ria.niveau-seul", {"ref": references("ria.art5")})), refs)


#: Annex III areas that concern natural persons only: 5(a), the eligibility of natural persons for public
#: assistance benefits and services.
_NATURAL_PERSONS = frozenset({"prestations_publiques"})


def _deployer_duties(domains: list[str]) -> tuple[Motif, list[str]]:
    """The deployer's duties for these Annex III areas, and their references: no fundamental rights impact
    assessment (art. 27(1)) nor right to an explanation (art. 86(1)) for point 2 alone; registration where
    art. 49 puts it (:func:`registration_route`)."""
    beyond_point_2 = any(d not in _NATIONAL for d in domains)
    keys, refs = ["qualif.ria.obligation.deployeur"], ["ria.art26"]
    if beyond_point_2:
        keys.append("qualif.ria.obligation.analyse-droits")
        refs.append("ria.art27")
    route = registration_route(domains)
    if route == NATIONAL:
        keys.append("qualif.ria.obligation.enregistrement-national")
        refs.append("ria.art49-5")
    elif route == EU_NON_PUBLIC:
        keys.append("qualif.ria.obligation.enregistrement-non-public")
        refs += ["ria.art49", "ria.art49-4"]
    else:
        keys.append("qualif.ria.obligation.enregistrement-ue")
        refs.append("ria.art49")
    if beyond_point_2:
        keys.append("qualif.ria.obligation.explication")
        refs.append("ria.art86")
    duties = {lang: (" ; " if lang == "fr" else "; ").join(message(k, lang) for k in keys) for lang in ("fr", "en")}
    return Motif("qualif.ria.deployeur", {"obligations": duties}), refs


def _haut_risque(f: _Facts, systeme: Regime) -> Regime:
    base = ("ria.annexe-iii", "ria.art6-3")
    gated = _outside("ria-haut-risque", systeme, base)
    if gated is not None:
        return gated
    profiling = "evaluation" in _codes(CRITERES_AIPD, f.cas.get("criteres_aipd"))
    if not f.domaines:
        if f.risque == "eleve":
            return Regime("ria-haut-risque", A_PRECISER, (Motif("qualif.ria.eleve-sans-domaine"),),
                          ("ria.annexe-iii", "ria.annexe-i"), ("domaines_annexe_iii",))
        if "agents" in f.destinataires and f.decides is True:
            return Regime("ria-haut-risque", A_VERIFIER, (Motif("qualif.ria.agents-emploi", _hr()),), base)
        return Regime("ria-haut-risque", NON_APPLICABLE, (Motif("qualif.ria.hors-annexe-iii"),), base)
    motifs: list[Motif] = []
    domains = list(f.domaines)
    if f.decides is True and f.destinataires == ["personnes_morales"]:
        dropped = [d for d in domains if d in _NATURAL_PERSONS]
        if dropped:
            domains = [d for d in domains if d not in _NATURAL_PERSONS]
            motifs.append(Motif("qualif.ria.personnes-morales-5a", {
                "domaines": _labels(DOMAINES_ANNEXE_III, dropped),
                "destinataires": _labels(DESTINATAIRES_DECISIONS, f.destinataires)}))
            if not domains:
                return Regime("ria-haut-risque", NON_APPLICABLE, tuple(motifs), ("ria.annexe-iii",))
    domaines = {"domaines": _labels(DOMAINES_ANNEXE_III, domains)}
    statut, since, in_use = _high_risk_date(f)
    if f.risque in ("limite", "minimal") and not profiling:
        # the record declares a tier, not the exception: art. 6(3) is for the legal department to confirm
        motifs.append(Motif("qualif.ria.exception-6-3", {
            **domaines, "niveau": _labels(NIVEAUX_RISQUE, [f.risque]), "ref": references("ria.art6-3")}))
        if in_use is not None:
            motifs.append(in_use)
        return Regime("ria-haut-risque", A_VERIFIER, tuple(motifs), base + (("ria.art111-2",) if in_use else ()),
                      depuis=since, statut_confirme=statut)
    if f.risque in (None, "non_evalue") and not profiling:
        motifs.append(Motif("qualif.ria.annexe-sans-niveau", {**domaines, "ref": references("ria.art6-3")}))
        return Regime("ria-haut-risque", A_PRECISER, tuple(motifs), base, ("niveau_risque_ia",), depuis=since)
    motifs.append(Motif("qualif.ria.haut-risque", domaines))
    if profiling and f.risque != "eleve":
        motifs.append(Motif("qualif.ria.profilage", {"ref": references("ria.art6-3")}))
    duties, duty_refs = _deployer_duties(domains)
    refs = ["ria.annexe-iii", *duty_refs]
    if profiling and f.risque != "eleve":
        refs.append("ria.art6-3")
    if in_use is not None:
        refs.append("ria.art111-2")
        motifs.append(in_use)
    motifs.append(duties)
    return Regime("ria-haut-risque", statut, tuple(motifs), tuple(refs), depuis=since)


def _high_risk_date(f: _Facts) -> tuple[str, date | None, Motif | None]:
    """When the Annex III duties bind this use: from the date of ``ria.annexe-iii``; for a public authority's
    system already in use before that date (pilots included, :func:`in_service`), from that of ``ria.art111-2``
    (art. 111(2)), with the reason that says so. The status (APPLIQUE or A_VENIR) and the date, both read from
    :mod:`iaterr.model.droit`: the one date the notice and the AI Act export read (``Regime.depuis``)."""
    statut, since = _dated("ria.annexe-iii", f.today)
    since_iii = depuis("ria.annexe-iii")
    start = f.cas.get("date_debut")
    already = in_service(f.statut) and (
        statut == A_VENIR or (isinstance(start, str) and since_iii is not None and start < since_iii.isoformat()))
    if not already:
        return statut, since, None
    statut, since = _dated("ria.art111-2", f.today)
    return statut, since, Motif("qualif.ria.en-service", {"date": _day(since_iii) if since_iii else "",
                                                          "statut": _labels(STATUTS, [f.statut or ""]),
                                                          "ref": references("ria.art111-2")})


def _transparence(f: _Facts, systeme: Regime) -> Regime:
    refs = ("ria.art50",)
    gated = _outside("ria-transparence", systeme, refs)
    if gated is not None:
        return gated
    inter = _bool(f.cas.get("interaction_public"))
    genere = _bool(f.cas.get("contenu_genere_publie"))
    motifs = []
    if inter:
        motifs.append(Motif("qualif.ria.interaction"))
    if genere:
        motifs.append(Motif("qualif.ria.contenu-genere"))
    if motifs:
        statut, since = _dated("ria.art50", f.today)
        return Regime("ria-transparence", statut, tuple(motifs), refs, depuis=since)
    unknown = []  # one reason per field the record leaves unanswered
    if inter is None:
        unknown.append(Motif("qualif.ria.interaction-inconnue"))
    if genere is None:
        unknown.append(Motif("qualif.ria.contenu-genere-inconnu"))
    if unknown:
        return Regime("ria-transparence", A_PRECISER, tuple(unknown), refs,
                      tuple(name for m in unknown for name in m.champs))
    return Regime("ria-transparence", NON_APPLICABLE, (Motif("qualif.ria.sans-transparence"),), refs)


def _rgpd(f: _Facts) -> Regime:
    refs: tuple[str, ...] = ("rgpd.art13-14",)
    sources = _sources(f.cas)
    personal = [d for d in sources if _bool(d.get("personnelles")) is True]
    unknown = [(i, d) for i, d in enumerate(sources) if _bool(d.get("personnelles")) is None]
    if personal:
        motifs = [Motif("qualif.rgpd.personnelles", {"sources": _names(personal), "ref": references("rgpd.art13-14")})]
        if _bool(f.cas.get("donnees_sensibles")) is True:
            motifs.append(Motif("qualif.rgpd.sensibles"))
            refs += ("rgpd.art9",)
        if _blank(f.cas.get("duree_conservation")):
            motifs.append(Motif("qualif.rgpd.duree-a-dire"))
        return Regime("rgpd", APPLIQUE, tuple(motifs), refs)
    if not sources:
        return Regime("rgpd", A_PRECISER, (Motif("qualif.rgpd.sans-donnees"),), refs, ("donnees",))
    if unknown:
        return Regime("rgpd", A_PRECISER, (Motif("qualif.rgpd.personnelles-inconnues",
                                                 {"sources": _names([d for _, d in unknown])}),),
                      refs, tuple(f"donnees[{i}].personnelles" for i, _ in unknown))
    people = [d for d in f.destinataires if d in ("personnes_physiques", "agents")]
    if f.decides is True and people:
        return Regime("rgpd", A_PRECISER, (Motif("qualif.rgpd.decisions-sur-des-personnes", {
            "destinataires": _labels(DESTINATAIRES_DECISIONS, people)}),), refs, ("donnees",))
    return Regime("rgpd", NON_APPLICABLE, (Motif("qualif.rgpd.non-personnelles"),), refs)


def _decision_automatisee(f: _Facts) -> Regime:
    refs = ("rgpd.art22", "lil.art47", "cc.2018-765")
    code = "rgpd-decision-automatisee"
    if f.decides is None:
        return Regime(code, A_PRECISER, (Motif("qualif.art22.selon-decisions"),), refs, ("decisions_individuelles",))
    if f.decides is False:
        return Regime(code, NON_APPLICABLE, (Motif("qualif.art22.sans-decision"),), refs)
    if f.niveau is None:
        return Regime(code, A_PRECISER, (Motif("qualif.art22.niveau-inconnu"),), refs, ("niveau_automatisation",))
    niveau = {"niveau": _labels(NIVEAUX_AUTOMATISATION, [f.niveau])}
    if f.niveau == "sans_decision":  # « decisions_individuelles : oui » and « no decision »: one answer is wrong
        return Regime(code, A_PRECISER, (Motif("qualif.art22.contradiction", niveau),), refs, _AUTOMATED,
                      contradictoires=_AUTOMATED)
    if f.niveau == "decision_assistee" and f.destinataires != ["personnes_morales"]:
        # a person confirms, but a score that plays a determining role may itself be the decision (CJEU): then
        # sensitive data or a self-revising model would make it a forbidden one, said by name
        motifs = [Motif("qualif.art22.assistee", {**niveau, "ref": references("cjue.c-634-21")})]
        extra: tuple[str, ...] = ()
        if _bool(f.cas.get("donnees_sensibles")) is True:
            motifs.append(Motif("qualif.art22.assistee-sensibles"))
            extra += ("rgpd.art9",)
        if _bool(f.cas.get("revision_autonome")) is True:
            motifs.append(Motif("qualif.art22.assistee-revision"))
        return Regime(code, A_VERIFIER, tuple(motifs), refs + ("cjue.c-634-21",) + extra)
    if f.niveau != "decision_automatisee":
        return Regime(code, NON_APPLICABLE, (Motif("qualif.art22.personne-decide", niveau),), refs)
    if f.destinataires == ["personnes_morales"]:
        return Regime(code, NON_APPLICABLE, (Motif("qualif.art22.personnes-morales"),), refs)
    motifs = [Motif("qualif.art22.automatisee")]
    forbidden: list[Motif] = []
    missing: list[str] = []
    sensibles = _bool(f.cas.get("donnees_sensibles"))
    revision = _bool(f.cas.get("revision_autonome"))
    if sensibles is True:
        forbidden.append(Motif("qualif.art22.interdit-sensibles"))
    elif sensibles is None:
        missing.append("donnees_sensibles")
    if revision is True:
        forbidden.append(Motif("qualif.art22.interdit-revision"))
    elif revision is None:
        missing.append("revision_autonome")
    if _blank(f.cas.get("procedure_objection")):
        missing.append("procedure_objection")
        motifs.append(Motif("qualif.art22.recours-a-dire"))
    if missing:
        motifs.append(Motif("qualif.art22.a-preciser", {"champs": missing}))
    if forbidden:
        return Regime(code, INTERDIT, tuple(forbidden + motifs), refs + ("rgpd.art9",), tuple(missing))
    return Regime(code, A_PRECISER if missing else APPLIQUE, tuple(motifs), refs, tuple(missing))


def _aipd(f: _Facts, rgpd: Regime, haut_risque: Regime) -> Regime:
    refs = ("rgpd.art35",)
    if rgpd.statut == NON_APPLICABLE:
        return Regime("rgpd-aipd", NON_APPLICABLE, (Motif("qualif.aipd.sans-donnees"),), refs)
    if rgpd.statut == A_PRECISER:
        return Regime("rgpd-aipd", A_PRECISER, (Motif("qualif.aipd.selon-rgpd"),), refs, rgpd.champs)
    criteria = dpia_criteria_read(f.cas)
    motifs = []
    if criteria:
        motifs.append(Motif("qualif.aipd.criteres", {"criteres": {
            lang: (" ; " if lang == "fr" else "; ").join(f"{CRITERES_AIPD.label(code, lang)} ({said[lang]})"
                                                         for code, said in criteria.items())
            for lang in ("fr", "en")}}))
    high = haut_risque.statut == APPLIQUE  # the deployer's DPIA duty (AI Act art. 26(9)) binds from its date
    if high:
        motifs.append(Motif("qualif.aipd.haut-risque"))
    done = [e for e in f.cas.get("analyses_impact") or [] if isinstance(e, dict)
            and _code(TYPES_ANALYSE_IMPACT, e.get("type")) == "aipd"]
    if len(criteria) >= 2 or high:
        if done:
            motifs.append(Motif("qualif.aipd.realisee", {"date": str(done[0].get("date") or "?")}))
        return Regime("rgpd-aipd", APPLIQUE, tuple(motifs), refs)
    motifs.append(Motif("qualif.aipd.moins-de-deux", {"n": len(criteria), "ref": references("rgpd.art35")}))
    return Regime("rgpd-aipd", NON_APPLICABLE, tuple(motifs), refs)


def qualify(cas: dict[str, Any], collectivite: dict[str, Any] | None, today: date) -> Qualification:
    """The regimes that apply to the use case ``cas`` of ``collectivite`` on ``today``, and why."""
    f = _Facts(cas if isinstance(cas, dict) else {}, collectivite if isinstance(collectivite, dict) else None, today)
    crpa = _crpa(f)
    systeme = _systeme(f)
    haut_risque = _under_ai_act(_haut_risque, f, systeme)
    rgpd = _rgpd(f)
    regimes = (
        crpa,
        _publication(f, crpa),
        systeme,
        _under_ai_act(_maitrise, f, systeme),
        _under_ai_act(_interdit, f, systeme),
        haut_risque,
        _under_ai_act(_transparence, f, systeme),
        rgpd,
        _decision_automatisee(f),
        _aipd(f, rgpd, haut_risque),
    )
    return Qualification(today, regimes)


# ---------------------------------------------------------------- the calendar, for the documentation

#: Every text the qualification cites (codes of :mod:`iaterr.model.droit`).
TEXTES_CITES = ("crpa.L311-3-1", "crpa.R311-3-1-1", "crpa.R311-3-1-2", "crpa.L312-1-3", "crpa.D312-1-4",
                "ria.art3-1", "ria.art4", "ria.art5", "ria.annexe-iii", "ria.art6-3", "ria.annexe-i", "ria.art26",
                "ria.art27", "ria.art49", "ria.art49-4", "ria.art49-5", "ria.art86", "ria.art111-2", "ria.art50",
                "rgpd.art13-14", "rgpd.art9", "rgpd.art22", "cjue.c-634-21", "lil.art47", "cc.2018-765", "rgpd.art35")

CALENDRIER_DEBUT = ("<!-- calendrier : généré depuis iaterr.model.droit (calendrier_markdown), ne pas modifier à "
                    "la main -->")
CALENDRIER_FIN = "<!-- fin du calendrier -->"


def calendrier_markdown(lang: str = "fr") -> str:
    """The texts the qualification cites, from :mod:`iaterr.model.droit`, by the date they apply from (those
    without a date first: in force before any use case iaterr records), as a Markdown table: the section of
    ``docs/qualification.md`` between :data:`CALENDRIER_DEBUT` and :data:`CALENDRIER_FIN`."""
    from iaterr.model.droit import TABLE_DATE, TEXTES

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    cited = sorted((TEXTES[code] for code in TEXTES_CITES), key=lambda t: (t.depuis or date.min, t.reference))
    if lang == "en":
        lines = [f"Dates as known on {long_date(TABLE_DATE, 'en')}.", "",
                 "| Applies from | Text | What it provides | Source |", "| --- | --- | --- | --- |"]
        in_force = "in force"
    else:
        lines = [f"Dates connues au {long_date(TABLE_DATE, 'fr')}.", "",
                 "| S'applique à partir du | Texte | Ce qu'il prévoit | Source |", "| --- | --- | --- | --- |"]
        in_force = "en vigueur"
    for t in cited:
        when = long_date(t.depuis, lang) if t.depuis is not None else in_force
        lines.append(f"| {when} | {cell(t.reference)} | {cell(t.objet(lang))} | {cell(t.source or t.texte)} |")
    return "\n".join(lines) + "\n"


__all__ = [
    "APPLIQUE", "A_PRECISER", "A_VENIR", "A_VERIFIER", "FONDEMENTS", "INTERDIT", "NON_APPLICABLE", "Motif",
    "Qualification",
    "REGIMES", "Regime", "STATUTS_QUALIFICATION", "TYPES_APPRENTISSAGE", "TEXTES_CITES",
    "CALENDRIER_DEBUT", "CALENDRIER_FIN", "calendrier_markdown", "dpia_criteria", "dpia_criteria_read",
    "dpia_required",
    "EU_NON_PUBLIC", "EU_PUBLIC", "NATIONAL", "in_service", "personal_data", "qualify", "registration_route",
]
