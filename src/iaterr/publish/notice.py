"""The explicability notice of a use case, the *mention explicite*, and the answer to one person's request.

There is no official template for an explicability notice: it is built from L312-1-3 (publication of the
rules), the four items of R311-3-1-2 (communicated on request), the items of the mention explicite
(R311-3-1-1), the request for documents (L311-1) and its deadlines, and, when personal data are processed, the
information of GDPR art. 13 and 14. Every sentence a document holds follows from a declared field of the use
case or of its collectivité, or states the law (cited through :mod:`iaterr.model.droit`); where a field the law
requires is missing, the document says so where the item should be and at the top (:class:`Missing`), so that
nobody publishes an incomplete notice without knowing it.

The sentences are built here as :class:`Phrase` objects (a message key and its values); the templates only lay
them out, and :meth:`Notice.md` / :meth:`Notice.html` escape the record's values for the format.

Only public fields are used: the notice is built from an export item. The answer to one person
(:func:`build_answer`) adds the values taken for that person, read from a file the agent fills
(:func:`read_person_file`); those values appear in that answer only, never in a message.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from iaterr import __version__
from iaterr.base.files import os_reason
from iaterr.base.text import is_web_url, printable
from iaterr.i18n import join, message, quote
from iaterr.model import CasUsage
from iaterr.model.collectivite import Collectivite
from iaterr.model.droit import announce_since, long_date, reference
from iaterr.model.introspect import specs
from iaterr.model.qualification import (
    A_PRECISER,
    A_VENIR,
    A_VERIFIER,
    APPLIQUE,
    EU_NON_PUBLIC,
    NON_APPLICABLE,
    Qualification,
    in_service,
    qualify,
    registration_route,
)
from iaterr.model.values import boolean, code_of, is_blank, known_codes_of
from iaterr.model.vocab import (
    DOMAINES_ANNEXE_III,
    MODES_COLLECTE,
    NIVEAUX_AUTOMATISATION,
    NIVEAUX_RISQUE,
    PUBLICS,
    SOURCES_DONNEES,
    STATUTS,
    THEMES,
    TYPES_ALGORITHME,
    TYPES_ANALYSE_IMPACT,
    Vocabulary,
)
from iaterr.publish import notice_html
from iaterr.publish.export import ExportItem
from iaterr.publish.francais import DAY, date_range, name_forms, partial_date, starts_after
from iaterr.publish.notice_html import paragraphs

#: The pseudo-field of a request channel (an e-mail address, a form or a postal address): no single field.
CHANNEL = "canal_demandes"

#: The items the law requires of a processing that takes or prepares individual decisions: field → the text
#: (a code of :mod:`iaterr.model.droit`), the part of it, and the place of the notice where it goes.
LEGAL_ITEMS: dict[str, tuple[str, str, str]] = {
    "finalite": ("crpa.R311-3-1-1", "", "traitement"),
    "niveau_automatisation": ("crpa.R311-3-1-2", "1°", "contribution"),
    "contribution_decision": ("crpa.R311-3-1-2", "1°", "contribution"),
    "donnees": ("crpa.R311-3-1-2", "2°", "donnees"),
    "parametres": ("crpa.R311-3-1-2", "3°", "parametres"),
    "operations": ("crpa.R311-3-1-2", "4°", "operations"),
}

#: The legal reference shown under each section's heading: place → (text of :mod:`iaterr.model.droit`, part).
SUBTITLES: dict[str, tuple[str, str]] = {
    "traitement": ("crpa.R311-3-1-1", ""),
    "contribution": ("crpa.R311-3-1-2", "1°"),
    "donnees": ("crpa.R311-3-1-2", "2°"),
    "parametres": ("crpa.R311-3-1-2", "3°"),
    "operations": ("crpa.R311-3-1-2", "4°"),
    "droits": ("crpa.L311-1", ""),
    "rgpd": ("rgpd.art13-14", ""),
    "ia": ("ria.art3-1", ""),
}

#: The places of the four items of R311-3-1-2 (what the answer to one person holds).
FOUR_ITEMS = ("contribution", "donnees", "parametres", "operations")

#: The degrees of automation a mention can state, each as one sentence (anything else: nothing is said).
DEGREES = ("aide_decision", "decision_assistee", "decision_automatisee")


def _cite(code: str, part: str = "", lang: str = "fr") -> str:
    return f"{reference(code, lang)}, {part}" if part else reference(code, lang)


@functools.lru_cache(maxsize=64)
def section_subtitle(place: str, lang: str) -> str:
    """The legal reference under a section's heading: what the law calls it, and the article."""
    code, part = SUBTITLES.get(place, ("", ""))
    return message(f"notice.st.{place}", lang, ref=_cite(code, part, lang) if code else "")


def lang_attribute(lang: str, record_lang: str | None) -> Markup:
    """What :attr:`Notice.la` is for a document in ``lang`` of a record written in ``record_lang``."""
    if record_lang and record_lang != lang:
        return Markup(' lang="{}"').format(record_lang)
    return Markup("")


#: What a missing item is: required by law (« Élément manquant »); required only if the processing takes or
#: prepares individual decisions, which the record does not say (« Élément non renseigné »); recommended, not
#: required (« Élément recommandé »: where to send a request for documents, when no decision is taken).
REQUIS, CONDITIONNEL, RECOMMANDE = "requis", "conditionnel", "recommande"
KINDS = (REQUIS, CONDITIONNEL, RECOMMANDE)


@dataclass
class Missing:
    """An item the law requires that the record does not give."""

    field: str
    reference: str
    title: str
    #: where the document shows it: traitement, contribution, donnees, parametres, operations, droits, rgpd, ia
    place: str = ""
    #: :data:`REQUIS`, :data:`CONDITIONNEL` or :data:`RECOMMANDE`
    kind: str = REQUIS


@dataclass(frozen=True)
class Link:
    """A value shown as a link: a web address, or an e-mail address (``mail``)."""

    target: str
    mail: bool = False


@dataclass(frozen=True)
class Ours:
    """A value of iaterr's own (a citation, a date, a label): never markup, shown as written."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """One sentence of a document: a message key and its values. A plain ``str`` value comes from a record and
    is escaped for the format; a list of them is joined (« a », « b » ou « c »)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Every:
    """Record values that all hold, joined « a », « b » et « c » (a plain list is joined with « ou »)."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """A labelled value of a list (« Contact : … »): the label's message key and the value."""

    label: str
    value: Any


@dataclass
class Notice:
    """Everything a notice or a mention shows, as plain values and sentences in the reader's language."""

    lang: str
    identifiant: str
    nom: str
    collectivite: str
    data: dict[str, Any]
    collectivite_data: dict[str, Any]
    #: True, False or None (not said): does the processing take or prepare individual decisions?
    decisions: bool | None
    missing: list[Missing] = field(default_factory=list)
    generated: str = ""
    version: str = __version__
    #: the degree of automation as the mention states it; None when the record does not declare one it can state
    degree: Phrase | None = None
    #: where to send a request (e-mail, form, postal address), as phrases; empty: none declared
    channels: list[Phrase] = field(default_factory=list)
    #: the PRADA, when the collectivité declares one
    prada: Phrase | None = None
    #: « Vos droits »: what may be asked (before the channels), then the deadlines and secrets (after them)
    rights_intro: list[Phrase] = field(default_factory=list)
    rights_items: list[Item] = field(default_factory=list)
    rights_after: list[Phrase] = field(default_factory=list)
    #: « Vos données personnelles »: None when no data source is declared personal nor left undeclared
    personal: list[Phrase | Item | Missing] | None = None
    #: the AI Act section: what the collectivité declares, the labelled values, then the duties with their dates
    ai_intro: list[Phrase] = field(default_factory=list)
    ai_items: list[Item] = field(default_factory=list)
    ai_after: list[Phrase] = field(default_factory=list)
    #: what the law forbids or leaves open in what the record declares (a fully automated decision with
    #: sensitive data, a prohibited practice…): neither the notice nor the mention may be used as they are
    blocking: list[Phrase] = field(default_factory=list)
    #: the titles of the regimes that block
    blocked: list[str] = field(default_factory=list)
    qualification: Qualification | None = None
    #: the language the record is written in, when it may differ from the document's (the register): its text
    #: is then marked with it (``lang`` attribute, WCAG 3.1.2); None: not marked
    record_lang: str | None = None

    @property
    def to_check(self) -> list[str]:
        """Regimes the qualification leaves to the legal department (« à vérifier »), each as « title : reasons »;
        not shown in the document, said by the CLI for the notice, the mention and the answer alike."""
        return self._open_questions[0]

    @property
    def to_specify(self) -> list[str]:
        """Regimes the qualification cannot settle until fields are filled in (« à préciser »), each as « title
        (fields) »; said by the CLI the same way (those that block are in :attr:`blocking` instead)."""
        return self._open_questions[1]

    @functools.cached_property
    def _open_questions(self) -> tuple[list[str], list[str]]:
        """:attr:`to_check` and :attr:`to_specify`, worded when the CLI asks (a page of the register never
        says them)."""
        to_check: list[str] = []
        to_specify: list[str] = []
        for regime in self.qualification.regimes if self.qualification is not None else []:
            title = regime.titre(self.lang)
            if title in self.blocked or regime.statut not in (A_VERIFIER, A_PRECISER):
                continue
            line = self.text("notice.cli.regime", regime=title,
                             motifs=" ".join(m.texte(self.lang) for m in regime.motifs))
            (to_check if regime.statut == A_VERIFIER else to_specify).append(line)
        return to_check, to_specify

    @functools.cached_property
    def la(self) -> Any:
        """` lang="fr"` for an element holding record text in a document of another language, else nothing."""
        return lang_attribute(self.lang, self.record_lang)

    def _theirs(self, shown: str) -> str:
        """Record text already escaped, marked with its language when it differs from the document's."""
        return f"<span{self.la}>{shown}</span>" if self.la else shown

    def add(self, missing: Missing) -> Missing:
        """Record a missing item once: the same field at the same place is said once, whoever finds it."""
        for known in self.missing:
            if (known.field, known.place) == (missing.field, missing.place):
                return known
        self.missing.append(missing)
        return missing

    @property
    def complete(self) -> bool:
        return not self.missing and not self.blocking and self.decisions is not None

    def missing_of(self, kind: str) -> list[Missing]:
        return [m for m in self.missing if m.kind == kind]

    def missing_fields(self) -> set[str]:
        return {m.field for m in self.missing}

    def missing_at(self, place: str) -> list[Missing]:
        return [m for m in self.missing if m.place == place]

    @property
    def missing_places(self) -> set[str]:
        """The places where an item is missing (a section of the page asks :meth:`missing_at` only there)."""
        return {m.place for m in self.missing}

    @property
    def deadlines(self) -> list[Phrase]:
        return deadlines(self.lang)

    @property
    def mention_missing(self) -> list[Missing]:
        """What the mention explicite lacks: its purpose or a request channel (R311-3-1-1)."""
        return [m for m in self.missing if m.place in ("traitement", "droits")]

    def label(self, vocab_name: str, code: str | None) -> str:
        vocab = _VOCABS[vocab_name]
        return vocab.label(code, self.lang) if code else ""

    def labels(self, vocab_name: str, codes: list[str] | None) -> list[str]:
        return [self.label(vocab_name, c) for c in codes or []]

    def title(self, name: str) -> str:
        return specs(CasUsage)[name].meta.titre(self.lang)

    # ------------------------------------------------------------ plain language
    @property
    def names(self) -> dict[str, str]:
        """The collectivité's name with its article, for a message (« de la Ville de Paris »…)."""
        return name_forms(self.collectivite, self.lang)

    @property
    def names_md(self) -> dict[str, str]:
        return {k: md_escape(v) for k, v in self.names.items()}

    @property
    def intro(self) -> Phrase:
        return Phrase("notice.intro", {"nom": self.nom, **self.names})

    @property
    def adresser(self) -> Phrase:
        return Phrase("notice.droits.adresser", self.names)

    def subtitle(self, place: str) -> str:
        """The legal reference under a section's heading: what the law calls it, and the article."""
        return section_subtitle(place, self.lang)

    def date(self, value: Any) -> str:
        """A date of the record written out: « 16 avril 2025 », « avril 2025 », « 2025 »."""
        return partial_date(value, self.lang)[0]

    def dated(self, key: str, value: Any, **params: Any) -> str:
        """The message ``key`` about a date, in its form for a day (``key-jour``: « depuis le 16 avril 2025 ») or
        for a month or a year (« depuis avril 2025 »)."""
        text, precision = partial_date(value, self.lang)
        return self.text(f"{key}-jour" if precision == DAY else key, date=text, **params)

    def span(self, start: Any, end: Any = None) -> str:
        """A date of the record, or the period from ``start`` to ``end``: « 2005 », « de 2005 à 2010 »."""
        return date_range(start, end, self.lang) if end else self.date(start)

    def period(self, data: Any = None) -> str:
        """What a project's dates say after its status, with the separator before it: « , depuis avril 2024 »
        for a project under way (« , à partir de mars 2027 » when it has not started, « , jusqu'en juin 2027 »
        for its planned end); for a finished or abandoned one, « , de novembre 2019 à mars 2021 », « , commencé
        en novembre 2019 » or «  le 15 mars 2021 »: never « Terminé, depuis » its start."""
        d = self.data if data is None else data
        start, end = d.get("date_debut"), d.get("date_fin")
        if d.get("statut") in ("termine", "abandonne"):
            if start and end:
                return ", " + date_range(start, end, self.lang)
            if end:
                return " " + self.dated("notice.fini", end)
            return ", " + self.dated("notice.commence", start) if start else ""
        out = ""
        if start:
            since = starts_after(start, date.fromisoformat(self.generated)) if self.generated else False
            out += ", " + self.dated("notice.a-partir" if since else "notice.depuis", start)
        if end:
            out += ", " + self.dated("notice.jusqu", end)
        return out

    @property
    def generated_long(self) -> str:
        return self.date(self.generated)

    @property
    def contact(self) -> str:
        """The e-mail address for requests: the use case's, else its collectivité's."""
        return self.data.get("contact_droits") or self.collectivite_data.get("contact_droits") or ""

    # ------------------------------------------------------------ rendering a sentence
    def md(self, phrase: Phrase | Missing) -> str:
        """A sentence in Markdown: the record's values escaped, links as autolinks."""

        if isinstance(phrase, Missing):
            return message(f"notice.element.{phrase.kind}", self.lang, titre=md_escape(phrase.title),
                           reference=phrase.reference)
        values: dict[str, Any] = {}
        for name, value in phrase.params.items():
            if isinstance(value, list):
                values[name] = Ours(join([md_escape(v) for v in value], self.lang))
            elif isinstance(value, Every):
                values[name] = Ours(self._every([md_escape(v) for v in value.values]))
            else:
                values[name] = _md_value(value)
        return message(phrase.key, self.lang, **{k: v.text for k, v in values.items()})

    def html(self, phrase: Phrase | Missing) -> Any:
        """A sentence in HTML (safe markup): every value escaped, links as ``<a>``."""


        if isinstance(phrase, Missing):
            return _html_missing(phrase.kind, self.lang, phrase.title, phrase.reference)
        if all(type(value) in _KEPT_VALUES for value in phrase.params.values()):
            # the law's deadlines, a citation, a collectivité's addresses: the same sentence on many pages
            return _html_phrase(self.lang, self.record_lang, phrase.key, tuple(phrase.params.items()))
        return self._html(phrase)

    def _html(self, phrase: Phrase) -> Any:
        slots: dict[str, str] = {}
        for name, value in phrase.params.items():
            if isinstance(value, list):
                slots[name] = join([self._theirs(str(escape(printable(str(v))))) for v in value], self.lang)
            elif isinstance(value, Every):
                slots[name] = self._every([self._theirs(str(escape(printable(str(v))))) for v in value.values])
            elif isinstance(value, str):
                slots[name] = self._theirs(_html_value(value))
            else:
                slots[name] = _html_value(value)
        return _filled(phrase.key, self.lang, slots)

    def _every(self, shown: list[str]) -> str:
        """« a », « b » et « c » / “a”, “b” and “c”: values already escaped for the format."""

        items = [quote(v, self.lang) for v in shown]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + message("notice.et", self.lang) + items[-1]

    @property
    def separator(self) -> str:
        """Between the parts of one line (« ; » in French, "; " in English)."""
        return self.text("notice.sep-liste")

    def md_value(self, value: Any) -> str:
        """A value of a labelled item in Markdown."""
        return _md_value(value).text

    def html_value(self, value: Any) -> Any:
        """A value of a labelled item in HTML (safe markup)."""

        shown = _html_value(value)
        return Markup(self._theirs(shown) if isinstance(value, str) else shown)

    def ref(self, code: str) -> str:
        """How the text ``code`` of :mod:`iaterr.model.droit` is cited in the reader's language."""
        return reference(code, self.lang)

    def text(self, key: str, **params: Any) -> str:

        return message(key, self.lang, **params)


_TOKEN = re.compile("\ue000([0-9]+)\ue001")


def _filled(key: str, lang: str, slots: dict[str, str]) -> Markup:
    """The message ``key`` in HTML, each value the HTML of ``slots`` (already escaped)."""
    names = tuple(slots)
    text = _html_sentence(key, lang, names)
    # one pass: a value put in is never searched again for a token
    return Markup(_TOKEN.sub(lambda found: slots[names[int(found.group(1))]], text))


def html_message(key: str, lang: str, **params: Any) -> Markup:
    """The message ``key`` in HTML: each value escaped (its invisible characters shown), or put in as it is when
    it is HTML already (``Markup``: a name marked with its language, a link)."""
    return _filled(key, lang, {name: str(value) if isinstance(value, Markup) else str(escape(printable(str(value))))
                               for name, value in params.items()})
#: the values of a :class:`Phrase` whose sentence in HTML is kept once made (:func:`_html_phrase`)
_KEPT_VALUES = frozenset({str, Ours, Link})


@functools.lru_cache(maxsize=1024)
def _html_missing(kind: str, lang: str, title: str, reference: str) -> Any:
    """:meth:`Notice.html` of a missing item (« Élément manquant : … »), made once."""
    return escape(message(f"notice.element.{kind}", lang, titre=title, reference=reference))


@functools.lru_cache(maxsize=4096)
def _html_phrase(lang: str, record_lang: str | None, key: str, params: tuple[tuple[str, Any], ...]) -> Any:
    """:meth:`Notice.html` of a sentence whose values are single texts (iaterr's own, a record's, an address),
    made once: it depends on nothing else."""
    notice = Notice(lang, "", "", "", {}, {}, None, record_lang=record_lang)
    return notice._html(Phrase(key, dict(params)))


@functools.lru_cache(maxsize=1024)
def _html_sentence(key: str, lang: str, names: tuple[str, ...]) -> str:
    """The message ``key`` escaped for HTML, each of its values ``names`` a token to put it in (the same for
    every sentence of that key with those values: made once)."""
    return str(escape(message(key, lang, **{name: f"\ue000{index}\ue001" for index, name in enumerate(names)})))


def _md_value(value: Any) -> Ours:
    if isinstance(value, Ours):
        return value
    if isinstance(value, Link):
        return Ours(md_escape(value.target) if value.mail else md_link(value.target))
    return Ours(md_escape(value))


def _html_value(value: Any) -> str:

    if isinstance(value, Ours):
        return str(escape(printable(value.text)))
    if isinstance(value, Link):
        shown = str(escape(printable(value.target)))
        if value.mail:
            return f'<a href="mailto:{shown}">{shown}</a>'
        return f'<a href="{shown}">{shown}</a>' if is_web_url(value.target) else shown
    return str(escape(printable(str(value))))


_VOCABS: dict[str, Vocabulary] = {v.name: v for v in (
    DOMAINES_ANNEXE_III, MODES_COLLECTE, NIVEAUX_AUTOMATISATION, NIVEAUX_RISQUE, PUBLICS, SOURCES_DONNEES,
    STATUTS, THEMES, TYPES_ALGORITHME, TYPES_ANALYSE_IMPACT)}


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def build_notice(item: ExportItem, *, lang: str = "fr", today: date | None = None,
                 record_lang: str | None = None) -> Notice:
    cas = item.cas
    decisions = cas.get("decisions_individuelles")
    day = today or date.today()
    notice = Notice(
        lang=lang,
        identifiant=cas["identifiant"],
        nom=cas["nom"],
        collectivite=item.collectivite.get("nom", cas.get("collectivite", "")),
        data=cas,
        collectivite_data=item.collectivite,
        decisions=decisions if isinstance(decisions, bool) else None,
        generated=day.isoformat(),
        record_lang=record_lang,
    )
    notice.qualification = q = qualify(cas, item.collectivite, day)
    if notice.decisions is not False:
        # taking decisions: required; not said whether it does: each item shown « non renseigné » where it goes
        kind = REQUIS if notice.decisions else CONDITIONNEL
        for name, (code, part, place) in LEGAL_ITEMS.items():
            value = cas.get(name)
            if name == "donnees":
                ok = _present(value) and all(isinstance(d, dict) and d.get("source") for d in value or [])
            else:
                ok = _present(value)
            if not ok:
                notice.add(Missing(name, _cite(code, part, lang), notice.title(name), place, kind))
    level = code_of(NIVEAUX_AUTOMATISATION, cas.get("niveau_automatisation"))
    if notice.decisions and level == "sans_decision":
        # « decisions_individuelles: true » and « no decision »: the record contradicts itself
        code, part, place = LEGAL_ITEMS["niveau_automatisation"]
        notice.add(Missing("niveau_automatisation", _cite(code, part, lang),
                           notice.text("notice.titre.niveau-contradictoire"), place))
    if level in DEGREES:
        notice.degree = Phrase(f"mention.degre.{level}")
    _blocking(notice, q, level)
    _rights(notice, q)
    _personal(notice, level)
    _ai(notice, q)
    return notice


def _blocking(n: Notice, q: Qualification, level: str | None) -> None:
    """What the law forbids in what the record declares, or leaves open for a fully automated decision: the
    qualification's reasons, at the top of the notice and of the mention."""
    for regime in q.interdits:
        n.blocked.append(regime.titre(n.lang))
        n.blocking.append(Phrase("notice.bloquant.interdit", {
            "regime": Ours(regime.titre(n.lang)), "motifs": " ".join(m.texte(n.lang) for m in regime.motifs),
            "refs": Ours(n.separator.join(regime.citations(n.lang)))}))
    art22 = q.regime("rgpd-decision-automatisee")
    if art22.statut == A_PRECISER and level == "decision_automatisee":
        n.blocked.append(art22.titre(n.lang))
        n.blocking.append(Phrase("notice.bloquant.a-preciser", {
            "regime": Ours(art22.titre(n.lang)), "motifs": " ".join(m.texte(n.lang) for m in art22.motifs)}))


def _rights(n: Notice, q: Qualification) -> None:
    """« Vos droits »: what may be asked and under which text, where to send it, the deadlines, the CADA step,
    the secrets. Requests go to the administration or its PRADA, never to the DPO."""
    cas, coll, lang = n.data, n.collectivite_data, n.lang
    if n.decisions:
        n.rights_intro.append(Phrase("notice.droits.regles", {
            "l": Ours(reference("crpa.L311-3-1", lang)), "r": Ours(reference("crpa.R311-3-1-2", lang))}))
    else:
        n.rights_intro.append(Phrase("notice.droits.documents", {"ref": Ours(reference("crpa.L311-1", lang))}))
    n.channels.extend(request_channels(cas, coll))
    if _present(coll.get("prada")):
        n.prada = Phrase("notice.canal.prada", {"prada": coll["prada"]})
    if not n.channels:
        # the mention must say how to exercise the right (R311-3-1-1); without a decision, a request is one for
        # documents (L311-1), which requires no published address: recommended only
        if n.decisions is False:
            n.add(Missing(CHANNEL, _cite("crpa.L311-1", "", lang), n.text("notice.titre.canal"), "droits",
                          RECOMMANDE))
        else:
            n.add(Missing(CHANNEL, _cite("crpa.R311-3-1-1", "", lang), n.text("notice.titre.canal"), "droits",
                          REQUIS if n.decisions else CONDITIONNEL))
    publication = q.regime("crpa-publication")
    # the headcount unknown: the duty is presumed until the collectivité shows the exemption (D312-1-4)
    presumed = publication.statut == A_PRECISER and "collectivite.nombre_agents" in publication.champs
    if (publication.statut == APPLIQUE or presumed) and not _present(cas.get("url_regles_publiees")):
        # the collectivité publishes the rules online (L312-1-3): the notice and the mention say where
        if presumed:
            n.add(Missing("url_regles_publiees",
                          reference("crpa.L312-1-3", lang) + n.separator + reference("crpa.D312-1-4", lang),
                          n.text("notice.titre.regles-presumees", titre=n.title("url_regles_publiees")), "droits"))
        else:
            n.add(Missing("url_regles_publiees", _cite("crpa.L312-1-3", "", lang), n.title("url_regles_publiees"),
                          "droits"))
    if _present(cas.get("exercice_droits")):
        n.rights_items.append(Item("notice.exercer", cas["exercice_droits"]))
    if _present(cas.get("procedure_objection")):
        n.rights_items.append(Item("notice.objection", cas["procedure_objection"]))
    if _present(cas.get("url_regles_publiees")):
        n.rights_items.append(Item("notice.regles", Link(cas["url_regles_publiees"])))
    n.rights_after.extend(deadlines(lang))
    n.rights_after.append(Phrase("notice.droits.secrets", {"ref": Ours(reference("crpa.L311-5-L311-6", lang))}))
    if _present(cas.get("secrets_proteges")):
        n.rights_after.append(Phrase("notice.droits.secrets-fiche", {"texte": cas["secrets_proteges"]}))


#: The fields that say where to send a request: the use case's own address, else its collectivité's fields
#: (a PRADA named without an address, a DPO or a generic contact are not where a request for documents goes)
CASE_CHANNELS = ("contact_droits",)
COLLECTIVITE_CHANNELS = ("contact_droits", "formulaire_demandes", "adresse_postale")


def request_channels(cas: Any, coll: Any) -> list[Phrase]:
    """Where to send a request for the rules or the documents (R311-3-1-1, L311-1), as the record and its
    collectivité declare it: an e-mail address (the use case's, else the collectivité's), an online form, a
    postal address. Empty: the record gives no way to send one. ``cas`` needs only :data:`CASE_CHANNELS`."""
    out = []
    contact = cas.get("contact_droits") if _present(cas.get("contact_droits")) else coll.get("contact_droits")
    if _present(contact):
        out.append(Phrase("notice.canal.courriel", {"adresse": Link(contact, mail=True)}))
    if _present(coll.get("formulaire_demandes")):
        out.append(Phrase("notice.canal.formulaire", {"url": Link(coll["formulaire_demandes"])}))
    if _present(coll.get("adresse_postale")):
        out.append(Phrase("notice.canal.courrier", {"adresse": coll["adresse_postale"]}))
    return out


def deadlines(lang: str = "fr") -> list[Phrase]:
    """One month of silence is a refusal; two months to refer to the CADA; the CADA before the court."""
    return [Phrase("notice.droits.silence", {"ref": Ours(reference("crpa.R311-12-R311-13", lang))}),
            Phrase("notice.droits.cada", {"ref": Ours(reference("crpa.R343-1", lang))}),
            Phrase("notice.droits.cada-prealable", {"ref": Ours(reference("crpa.L342-1", lang))})]


def _personal(n: Notice, level: str | None) -> None:
    """« Vos données personnelles » (GDPR art. 13 and 14) when a data source is declared personal; when one is
    not declared either way, the notice says so (it never claims there is none). A fully automated decision
    adds what art. 13(2)(f) and 14(2)(g) require and the administrative appeal of loi 78-17 art. 47."""
    sources = [d for d in n.data.get("donnees") or [] if isinstance(d, dict)]
    personal = [str(d.get("nom", "")) for d in sources if d.get("personnelles") is True]
    undeclared = [str(d.get("nom", "")) for d in sources if not isinstance(d.get("personnelles"), bool)]
    if not personal and not undeclared:
        return
    lang = n.lang
    ref = _cite("rgpd.art13-14", "", lang)
    out: list[Phrase | Item | Missing] = []
    if personal:
        # every source declared personal is used: « a » et « b », never « ou »
        out.append(Phrase("notice.rgpd.intro", {"sources": Every(tuple(personal)), "ref": Ours(ref)}))
    if undeclared:
        out.append(Phrase("notice.rgpd.non-declare", {"sources": undeclared}))
        out.append(_missing(n, "personnelles", n.text("notice.titre.personnelles"), ref, "rgpd"))
    if personal:
        coll, cas = n.collectivite_data, n.data
        out.append(Item("notice.rgpd.responsable", n.collectivite))
        if _present(coll.get("contact_dpo")):
            out.append(Item("notice.rgpd.dpo", Link(coll["contact_dpo"], mail=True)))
        else:
            out.append(_missing(n, "contact_dpo", specs(Collectivite)["contact_dpo"].meta.titre(lang), ref, "rgpd"))
        for name, label in (("finalite", "notice.rgpd.finalite"), ("base_legale", "notice.rgpd.base"),
                            ("duree_conservation", "notice.rgpd.duree")):
            if _present(cas.get(name)):
                out.append(Item(label, cas[name]))
            else:
                out.append(_missing(n, name, n.title(name), ref, "rgpd"))
        # art. 13(1)(e): the format has no field for the recipients; the notice says the record does not name them
        out.append(Item("notice.rgpd.destinataires", Ours(n.text("notice.rgpd.destinataires-non-indiques"))))
        if n.decisions and level == "decision_automatisee":
            cited = reference("rgpd.art13-2-f", lang)
            out.append(Phrase("notice.rgpd.decision-automatisee", {"ref": Ours(cited)}))
            # the envisaged consequences for the person: what the record says of the decision's scope
            if _present(cas.get("portee_decision")):
                out.append(Item("notice.rgpd.consequences", cas["portee_decision"]))
            else:
                out.append(_missing(n, "portee_decision", n.title("portee_decision"), cited, "rgpd"))
            if _present(cas.get("procedure_objection")):
                out.append(Phrase("notice.rgpd.recours", {"texte": cas["procedure_objection"],
                                                          "ref": Ours(reference("lil.art47", lang))}))
            else:
                out.append(_missing(n, "procedure_objection", n.title("procedure_objection"),
                                    _cite("lil.art47", "", lang), "rgpd"))
        out.append(Phrase("notice.rgpd.droits", {"ref": Ours(reference("rgpd.art15-21", lang))}))
        # only a DPO the notice names is where it sends: else the controller, by the channels it gives
        if _present(coll.get("contact_dpo")):
            out.append(Phrase("notice.rgpd.demandes"))
        elif n.channels:
            out.append(Phrase("notice.rgpd.demandes-responsable", n.names))
        else:
            out.append(Phrase("notice.rgpd.demandes-responsable-seul", n.names))
        out.append(Phrase("notice.rgpd.cnil", {"ref": Ours(reference("rgpd.art77", lang))}))
    n.personal = out


def _missing(n: Notice, name: str, title: str, ref: str, place: str) -> Missing:
    return n.add(Missing(name, ref, title, place))


def _ai(n: Notice, q: Qualification) -> None:
    """The AI Act section: what the record declares, then the duties as the qualification reads them, each with
    the date it gives (art. 111(2) for a system already in service); a field the answer depends on is missing
    where the record declares Annex III areas or a high risk; the information art. 50 requires, once it applies
    to a project in use."""
    cas, lang = n.data, n.lang
    today = q.today
    ai = boolean(cas.get("systeme_ia"))
    ref = Ours(reference("ria.art3-1", lang))
    systeme = q.regime("ria-systeme")
    # « not an AI system » stands only if the qualification accepts it; contradicted by other answers of the
    # record (a learning algorithm, a tier, Annex III areas…), it is an item to correct, and nothing is said to
    # be outside the regulation
    contradicted = ai is False and systeme.statut != NON_APPLICABLE
    if ai is False and not contradicted:
        n.ai_intro.append(Phrase("notice.ia.pas-ia", {"ref": ref}))
        return
    if contradicted:
        others = [name for name in systeme.fondements if name != "systeme_ia" and name in specs(CasUsage)]
        n.ai_intro.append(Phrase("notice.ia.pas-ia-contredit", {
            "ref": ref, "champs": Every(tuple(n.title(name) for name in others))}))
        n.add(Missing("systeme_ia", _cite("ria.art3-1", "", lang), n.text("notice.titre.ia-contredit"), "ia"))
        ai = None  # what follows is what the record says, not what applies
    else:
        n.ai_intro.append(Phrase("notice.ia.oui" if ai is True else "notice.ia.non-declare", {"ref": ref}))
    items = n.ai_items
    tier = cas.get("niveau_risque_ia")
    if tier:
        items.append(Item("notice.risque" if ai else "notice.risque-declare", Ours(n.label("niveaux_risque", tier))))
    elif ai:
        items.append(Item("notice.risque", Ours(n.text("notice.non-renseigne"))))
    areas = cas.get("domaines_annexe_iii") or []
    codes = known_codes_of(DOMAINES_ANNEXE_III, areas)
    if areas:
        items.append(Item("notice.domaines", Ours(n.separator.join(n.labels("domaines_annexe_iii", areas)))))
    if _present(cas.get("information_ia")):
        items.append(Item("notice.info-ia", cas["information_ia"]))
    if _present(cas.get("signalement_contenu_genere")):
        items.append(Item("notice.signalement", cas["signalement_contenu_genere"]))
    # a use registered in the secure non-public section (art. 49(4)) is not shown to the public, nor the
    # provider's registration, which the same paragraph puts in that section
    if registration_route(codes) != EU_NON_PUBLIC:
        if _present(cas.get("url_base_ue")):
            items.append(Item("notice.base-ue", Link(cas["url_base_ue"])))
        if _present(cas.get("url_base_ue_fournisseur")):
            items.append(Item("notice.base-ue-fournisseur", Link(cas["url_base_ue_fournisseur"])))
    if contradicted:
        return
    high = q.regime("ria-haut-risque")
    if high.statut in (APPLIQUE, A_VENIR):
        when = Ours(announce_since(high.depuis, today, lang))
        n.ai_after.append(Phrase("notice.ia.annexe-iii", {"ref": Ours(reference("ria.annexe-iii", lang)),
                                                          "quand": when}))
        if n.decisions and "ria.art86" in high.references:
            n.ai_after.append(Phrase("notice.ia.art86", {"ref": Ours(reference("ria.art86", lang)), "quand": when}))
    elif high.statut == A_PRECISER and (areas or code_of(NIVEAUX_RISQUE, tier) == "eleve"):
        for name in high.champs:
            cited = "ria.art3-1" if name == "systeme_ia" else "ria.annexe-iii"
            n.add(Missing(name, _cite(cited, "", lang), n.title(name), "ia"))
    transparency = q.regime("ria-transparence")
    declared = any(boolean(cas.get(flag)) is True for flag in ("interaction_public", "contenu_genere_publie"))
    if transparency.statut == A_PRECISER and declared and "systeme_ia" in transparency.champs:
        # it talks with the public or publishes generated text: whether art. 50 binds hangs on systeme_ia
        n.add(Missing("systeme_ia", _cite("ria.art3-1", "", lang), n.title("systeme_ia"), "ia"))
    if transparency.statut in (APPLIQUE, A_VENIR):
        n.ai_after.append(Phrase("notice.ia.art50", {"ref": Ours(reference("ria.art50", lang)),
                                                     "quand": Ours(announce_since(transparency.depuis, today,
                                                                                  lang))}))
    if transparency.statut == APPLIQUE and in_service(code_of(STATUTS, cas.get("statut"))):
        for flag, name, cited in (("interaction_public", "information_ia", "ria.art50-1"),
                                  ("contenu_genere_publie", "signalement_contenu_genere", "ria.art50-4")):
            if boolean(cas.get(flag)) is True and is_blank(cas.get(name)):
                n.add(Missing(name, _cite(cited, "", lang), n.title(name), "ia"))


# ---------------------------------------------------------------- the answer to one person


#: The largest file of values for one person read (bytes): a few parameters, never more.
PERSON_FILE_LIMIT = 256 * 1024
#: The keys of that file, and of each of its parameters.
PERSON_KEYS = ("reference", "date_decision", "parametres")
PARAMETER_KEYS = ("nom", "valeur", "ponderation")


class PersonFileError(Exception):
    """The file of values for one person cannot be used: a message key and its parameters (never a value of
    the file: those are personal data). Exit code 2."""

    def __init__(self, key: str, hint: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key, self.hint, self.params = key, hint, params


@dataclass
class PersonValue:
    """What the file gives for one parameter: its value for the person, and the weight applied if given."""

    valeur: str | None
    ponderation: str | None


@dataclass
class PersonFile:
    path: str
    reference: str = ""
    date_decision: str = ""
    values: dict[str, PersonValue] = field(default_factory=dict)


@dataclass
class Row:
    """One line of the table of item 3: a parameter of the record, its value for the person, its weight."""

    nom: str
    description: str
    valeur: str | None
    ponderation: str


@dataclass
class Answer:
    """The answer to one person's request (R311-3-1-2): the notice's four items, item 3 applied to them."""

    notice: Notice
    reference: str
    date_decision: str
    rows: list[Row]
    missing: list[Missing]
    intro: Phrase
    after: list[Phrase]

    @property
    def lang(self) -> str:
        return self.notice.lang

    def missing_at(self, place: str) -> list[Missing]:
        return [m for m in self.missing if m.place == place]


def read_person_file(path: Path) -> PersonFile:
    """The values for one person, read safely from ``path`` (which may lie outside the repository): never
    through a link, at most :data:`PERSON_FILE_LIMIT` bytes, plain YAML (ruamel's safe loader, no tag, no
    object). Raises :class:`PersonFileError` whose parameters never quote a value of the file."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from iaterr.base.files import UnsafePath, read_regular

    shown = str(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise PersonFileError("notice.pour.introuvable", fichier=shown) from None
    except OSError as exc:
        raise PersonFileError("notice.pour.illisible", fichier=shown, erreur=os_reason(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise PersonFileError("notice.pour.lien", "notice.pour.lien.aide", fichier=shown)
    if not stat.S_ISREG(info.st_mode):
        raise PersonFileError("notice.pour.pas-un-fichier", fichier=shown)
    if info.st_size > PERSON_FILE_LIMIT:
        raise PersonFileError("notice.pour.trop-grand", fichier=shown, limite=PERSON_FILE_LIMIT // 1024)
    try:
        raw = read_regular(path)
    except UnsafePath:
        raise PersonFileError("notice.pour.lien", "notice.pour.lien.aide", fichier=shown) from None
    except OSError as exc:
        raise PersonFileError("notice.pour.illisible", fichier=shown, erreur=os_reason(exc)) from None
    if len(raw) > PERSON_FILE_LIMIT:
        raise PersonFileError("notice.pour.trop-grand", fichier=shown, limite=PERSON_FILE_LIMIT // 1024)
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise PersonFileError("notice.pour.encodage", fichier=shown) from None
    try:
        data = YAML(typ="safe", pure=True).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is None:
            raise PersonFileError("notice.pour.inutilisable", "notice.pour.modele.aide", fichier=shown) from None
        raise PersonFileError("notice.pour.syntaxe", "notice.pour.syntaxe.aide", fichier=shown,
                              ligne=mark.line + 1) from None
    except (YAMLError, RecursionError, ValueError, ArithmeticError, TypeError):
        # e.g. a date that does not exist (2026-13-45): the loader's own words may quote the file, never shown
        raise PersonFileError("notice.pour.inutilisable", "notice.pour.modele.aide", fichier=shown) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PersonFileError("notice.pour.racine", "notice.pour.modele.aide", fichier=shown)
    unknown = [_key(k) for k in data if k not in PERSON_KEYS]
    if unknown:
        raise PersonFileError("notice.pour.cle-inconnue", fichier=shown, cles=_listing(unknown[:10]),
                              connues=_listing(PERSON_KEYS))
    person = PersonFile(shown, _scalar(data.get("reference"), shown, "reference") or "",
                        _scalar(data.get("date_decision"), shown, "date_decision") or "")
    entries = data.get("parametres")
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise PersonFileError("notice.pour.parametres-liste", "notice.pour.modele.aide", fichier=shown)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise PersonFileError("notice.pour.parametre-forme", "notice.pour.modele.aide", fichier=shown,
                                  numero=number)
        extra = [_key(k) for k in entry if k not in PARAMETER_KEYS]
        if extra:
            raise PersonFileError("notice.pour.parametre-cle", fichier=shown, numero=number,
                                  cles=_listing(extra[:10]), connues=_listing(PARAMETER_KEYS))
        name = _scalar(entry.get("nom"), shown, "nom", number)
        if not name:
            raise PersonFileError("notice.pour.parametre-sans-nom", fichier=shown, numero=number)
        name = name.strip()
        if name in person.values:
            raise PersonFileError("notice.pour.parametre-double", fichier=shown, nom=_short(name))
        person.values[name] = PersonValue(_scalar(entry.get("valeur"), shown, "valeur", number),
                                          _scalar(entry.get("ponderation"), shown, "ponderation", number))
    return person


def _scalar(value: Any, shown: str, key: str, number: int = 0) -> str | None:
    """A value of the file as text (a number, a date, yes/no written as text); None when empty. Anything else
    (a list, a mapping) is refused, without quoting it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (str, int, float, date)):
        text = str(value).strip()
        return text or None
    if not number:
        raise PersonFileError("notice.pour.valeur-forme-racine", fichier=shown, cle=key)
    raise PersonFileError("notice.pour.valeur-forme", fichier=shown, cle=key, numero=number)


def _listing(items: Any) -> dict[str, str]:
    """« a », « b » / “a”, “b”: a list for a message, every item given (the message's own joining says « ou »)."""
    from iaterr.i18n import quote

    return {lang: ", ".join(quote(str(item), lang) for item in items) for lang in ("fr", "en")}


def _key(key: Any) -> str:
    """An unknown key of the file, as a message may quote it: a key that looks like a field name (a typo), else
    « … » (someone may have written a value where a key goes)."""
    text = str(key)
    return text if re.fullmatch(r"[a-z_]{1,40}", text) else "…"


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:80] + "…"


def build_answer(notice: Notice, person: PersonFile) -> Answer:
    """The answer to one person from the notice of the use case and the values of ``person``. A name of the file
    the record does not have raises :class:`PersonFileError` with the names it knows; a parameter of the
    record with no value in the file is a :class:`Missing` (the answer shows it and is incomplete)."""
    parameters = [p for p in notice.data.get("parametres") or [] if isinstance(p, dict) and p.get("nom")]
    names = [str(p["nom"]).strip() for p in parameters]
    unknown = [name for name in person.values if name not in names]
    if unknown:
        import difflib

        close = sorted({c for name in unknown for c in difflib.get_close_matches(name, names, n=2, cutoff=0.6)})
        raise PersonFileError("notice.pour.nom-inconnu",
                              "notice.pour.nom-inconnu.proche" if close else "notice.pour.nom-inconnu.aide",
                              fichier=person.path, identifiant=notice.identifiant,
                              noms=_listing([_short(u) for u in unknown[:10]]),
                              connus=_listing([_short(n) for n in names]) if names else "—",
                              proches=close)
    lang = notice.lang
    missing = [m for m in notice.missing if m.place in FOUR_ITEMS]
    cite = _cite("crpa.R311-3-1-2", "3°", lang)
    rows = []
    for parameter, name in zip(parameters, names):
        given = person.values.get(name)
        valeur = given.valeur if given else None
        weight = (given.ponderation if given else None) or str(parameter.get("ponderation") or "").strip()
        rows.append(Row(name, str(parameter.get("description") or ""), valeur, weight))
        if valeur is None:
            missing.append(Missing("parametres", cite, notice.text("notice.titre.valeur", nom=_short(name)),
                                   "parametres"))
        if not weight:
            # « le cas échéant »: the answer says the weight applied, or that there is none — only if told so
            missing.append(Missing("parametres", cite, notice.text("notice.titre.ponderation", nom=_short(name)),
                                   "parametres"))
    when = person.date_decision
    try:
        when = long_date(date.fromisoformat(when), notice.lang) if when else ""
    except ValueError:
        pass
    intro = Phrase("reponse.intro", {**name_forms(notice.collectivite, notice.lang), "nom": notice.nom,
                                     "ref": Ours(reference("crpa.R311-3-1-2", lang))})
    after = [Phrase("notice.droits.secrets", {"ref": Ours(reference("crpa.L311-5-L311-6", lang))})]
    if _present(notice.data.get("secrets_proteges")):
        after.append(Phrase("notice.droits.secrets-fiche", {"texte": notice.data["secrets_proteges"]}))
    after += [Phrase("reponse.recours", {"ref": Ours(reference("crpa.R343-1", lang))}),
              Phrase("notice.droits.cada-prealable", {"ref": Ours(reference("crpa.L342-1", lang))})]
    return Answer(notice, person.reference, when, rows, missing, intro, after)


def person_template(notice: Notice) -> str:
    """The file an agent fills to answer one person: the record's parameters, each with an empty value."""
    import json

    from iaterr.base.text import printable_line

    def comment(key: str, **params: Any) -> str:
        return "# " + printable_line(notice.text(key, **params))

    def quoted(text: str) -> str:
        return json.dumps(printable(text), ensure_ascii=False)

    lines = [comment("modele.entete", identifiant=notice.identifiant, nom=notice.nom,
                     collectivite=notice.collectivite),
             comment("modele.personnel"),
             comment("modele.consigne"),
             comment("modele.commande", identifiant=notice.identifiant),
             "",
             "reference: \"\"          " + comment("modele.reference"),
             "date_decision:          " + comment("modele.date"),
             "parametres:" + ("" if notice.data.get("parametres") else " []  " + comment("modele.aucun"))]
    for parameter in notice.data.get("parametres") or []:
        if not isinstance(parameter, dict) or not parameter.get("nom"):
            continue
        lines.append(f"  - nom: {quoted(str(parameter['nom']).strip())}")
        if parameter.get("description"):
            lines.append("    " + comment("modele.description", texte=str(parameter["description"])))
        lines.append("    valeur:             " + comment("modele.valeur"))
        if parameter.get("ponderation"):
            lines.append("    " + comment("modele.ponderation", ponderation=str(parameter["ponderation"])))
            lines.append("    # ponderation: \"\"")
        else:
            lines.append("    ponderation:        " + comment("modele.ponderation-facultative"))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- rendering


def _environment():
    from iaterr.publish.templating import environment

    env = environment("templates/notice")
    env.filters["para"] = paragraphs
    env.globals["notice_html"] = notice_html  # the notice's main sections, written in Python
    env.filters["md"] = md_escape
    env.filters["mdlink"] = md_link
    env.filters["mdcell"] = md_cell
    return env


_MD_SPECIAL = set("\\`*_{}[]<>()#+-.!|~")


def md_escape(value: Any) -> str:
    """Text that Markdown shows as written: no link, no emphasis, no HTML can come from a record."""
    text = printable(str(value))
    out = []
    for index, char in enumerate(text):
        if char in "\\`*_{}[]<>|~" or (char in "#+-.!()=" and _at_risk(text, index)):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out).replace("\n", "  \n")


def md_cell(value: Any) -> str:
    """Text in a cell of a Markdown table: escaped, on one line (a line break would end the row)."""
    return md_escape(" ".join(str(value).split()))


def md_link(value: Any) -> str:
    """A link in Markdown: a plain http(s) address as an autolink (``<https://…>``); anything else, which
    could break out of the angle brackets or run code when clicked, as escaped text."""
    text = str(value)
    return f"<{text}>" if is_web_url(text) else md_escape(text)


def _at_risk(text: str, index: int) -> bool:
    """A ``#``, ``+``, ``-``, ``.``, ``!``, ``(`` or ``)`` that could start markup: at the start of a line,
    after a digit (ordered list), or around brackets."""
    start = index == 0 or text[index - 1] == "\n"
    if start:
        return True
    char = text[index]
    if char == "." and index > 0 and text[index - 1].isdigit():
        line_start = text.rfind("\n", 0, index) + 1
        return text[line_start:index].isdigit()
    return char in "!()"


FORMATS = ("md", "html")


def render_notice(notice: Notice, fmt: str = "md") -> str:
    return _render(f"notice.{fmt}.j2", notice)


def render_mention(notice: Notice, fmt: str = "md") -> str:
    return _render(f"mention.{fmt}.j2", notice)


def render_answer(answer: Answer, fmt: str = "md") -> str:
    return _render(f"reponse.{fmt}.j2", answer.notice, a=answer)


def _render(name: str, notice: Notice, **values: Any) -> str:
    from iaterr.i18n import message

    def m(key: str, **params: Any) -> str:
        return message(key, notice.lang, **params)

    text = _environment().get_template(name).render(n=notice, m=m, **values)
    # Markdown: one blank line between blocks, whatever the sections left out (record text never holds three
    # line feeds in a row: md_escape ends its lines with two spaces)
    return re.sub(r"\n{3,}", "\n\n", text) if ".md." in name else text
