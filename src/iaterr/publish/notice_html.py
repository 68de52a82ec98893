"""The sections of the explicability notice in HTML: its alerts, the processing, and the explanation (what the
algorithm contributes, its data, parameters and operations, the rights, personal data, the AI Act, impact
assessments).

Shared by the notice (``notice/notice.html.j2``) and the register's use-case page (``site/cas.html.j2``), which
call them as ``notice_html.alerts(n)``, ``notice_html.treatment(n, h)`` and ``notice_html.explanation(n, h)``
(``h``: the level of their headings). Written in Python rather than as template macros because the register
renders them for thousands of use cases (#14): a macro pays Jinja's call, attribute lookup and escaping steps
for each of the ~150 values of a page. They write what a template would: every value goes through
:func:`iaterr.publish.templating.html_shown` (escaped, its invisible characters shown), a record's text is
marked with its language (:attr:`Notice.la`), a web address becomes a link only when it is a plain http(s)
one. ``tests/test_rendu_sections.py`` checks them against the macros they replaced, kept in the test.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup, escape

from iaterr.base.text import is_web_url, printable
from iaterr.i18n import message
from iaterr.publish.templating import html_shown as shown

__all__ = ["alerts", "explanation", "link", "treatment"]


@functools.lru_cache(maxsize=512)
def _said(key: str, lang: str) -> str:
    """A message without values, as a page prints it."""
    return shown(message(key, lang))


def _heading(n: Any, place: str, title: str, h: int) -> str:
    """A section's start: its heading and, when it has one, the legal reference under it."""
    return _section_start(place, title, n.lang, h, "" if place == "analyses" else n.subtitle(place))


@functools.lru_cache(maxsize=64)
def _section_start(place: str, title: str, lang: str, h: int, subtitle: str) -> str:
    out = f'<section aria-labelledby="s-{place}">\n<h{h} id="s-{place}">{_said(title, lang)}</h{h}>\n'
    return out + f'<p class="ref-loi">{shown(subtitle)}</p>\n' if subtitle else out


def _value(data: Any, name: str) -> Any:
    """``data.name`` as a template prints it: the value, or nothing when the record does not give it."""
    return data[name] if isinstance(data, dict) and name in data else ""


def _get(data: Any, name: str) -> Any:
    """``data.name`` as a template tests it (``{% if data.name %}``)."""
    return data.get(name) if isinstance(data, dict) else None


def paragraphs(value: Any) -> Markup:
    """Record text in HTML with its paragraphs and line breaks kept: a blank line starts a new paragraph
    (``<p>``), a single line break stays one (``<br>``); escaped like the rest (the templates' filter ``para``)."""
    text = printable(str(value)).replace("\r\n", "\n").strip()
    if "\n" not in text:  # one paragraph of one line (most values): the text itself
        return escape(text)
    parts = [p.strip() for p in re.split(r"\n[ \t]*\n+", text) if p.strip()]
    shown = [Markup("<br>\n").join(escape(line.strip()) for line in part.split("\n")) for part in parts]
    if len(shown) <= 1:
        return shown[0] if shown else Markup("")
    return Markup("").join(Markup("<p>{}</p>").format(part) for part in shown)


def link(url: Any) -> Markup:
    """A web address as a link when it is a plain http(s) one; anything else as text."""
    return Markup(f'<a href="{shown(url)}">{shown(url)}</a>' if is_web_url(url) else shown(url))


# the pieces below are HTML made of values already shown: what a macro's result printed by ``{{ }}`` became, its
# invisible characters shown (:func:`printable`) once more

def _missing(n: Any, place: str) -> str:
    """The items missing at ``place``, each as an alert."""
    if not n.missing or place not in n.missing_places:
        return ""
    return printable("".join(f'<p class="alerte" role="note"><strong>⚠ {shown(n.html(x))}</strong></p>\n'
                             for x in n.missing_at(place)))


def _phrases(n: Any, phrases: list[Any]) -> str:
    return printable("".join(f"<p>{shown(n.html(p))}</p>\n" for p in phrases))


def _items(n: Any, items: list[Any]) -> str:
    if not items:
        return ""
    rows = "".join(f"<dt>{shown(n.text(x.label, collectivite=n.collectivite))}</dt><dd>{shown(n.html_value(x.value))}"
                   "</dd>\n" for x in items)
    return printable(f"<dl>\n{rows}</dl>\n")


def alerts(n: Any) -> Markup:
    """What blocks the notice's use, whether decisions are taken when the record does not say, what is missing."""
    lang, out = n.lang, []
    if n.blocking:
        out.append(f'<div class="alerte" role="note">\n<p><strong>⛔ {_said("notice.bloquant.titre", lang)}.</strong> '
                   f'{_said("notice.bloquant.texte", lang)}</p>\n<ul>')
        out.extend(f"<li>{shown(n.html(p))}</li>" for p in n.blocking)
        out.append("</ul>\n</div>\n")
    if n.decisions is None:
        out.append(f'<div class="alerte" role="note"><p><strong>⚠ {_said("notice.decisions-inconnues", lang)}'
                   '</strong></p></div>\n')
    for kind, key in (("requis", ""), ("conditionnel", "notice.incomplete.conditionnel"),
                      ("recommande", "notice.incomplete.recommande")):
        missing = n.missing_of(kind)
        if not missing:
            continue
        if kind == "requis":
            out.append(f'<div class="alerte" role="note">\n<p><strong>⚠ {_said("notice.incomplete.titre", lang)}.'
                       f'</strong> {_said("notice.incomplete.texte", lang)}</p>\n<ul>')
        else:
            out.append(f'<div class="alerte" role="note">\n<p><strong>⚠ {_said(key, lang)}</strong></p>\n<ul>')
        out.extend(f"<li>{shown(x.title)} ({shown(x.reference)})</li>" for x in missing)
        out.append("</ul>\n</div>\n")
    if n.decisions is False:
        said = message("notice.sans-decision", lang, l=n.ref("crpa.L311-3-1"), r=n.ref("crpa.R311-3-1-2"))
        out.append(f"<p>{shown(said)}</p>\n")
    return Markup("".join(out))


def treatment(n: Any, h: int = 2) -> Markup:
    """The processing: its purpose, description, status, publics and the persons it concerns."""
    d, lang, la = n.data, n.lang, shown(n.la)
    out = [_heading(n, "traitement", "notice.s.traitement", h), "<dl>\n"]
    if _get(d, "finalite"):
        out.append(f'<dt>{_said("notice.finalite", lang)}</dt><dd{la}>{shown(paragraphs(d["finalite"]))}</dd>')
    out.append(f'<dt>{_said("notice.description", lang)}</dt><dd{la}>{shown(paragraphs(_value(d, "description")))}'
               f'</dd>\n<dt>{_said("notice.statut", lang)}</dt><dd>{shown(n.label("statuts", _get(d, "statut")))}'
               f"{shown(n.period())}</dd>\n")
    if _get(d, "publics"):
        out.append(f'<dt>{_said("notice.publics", lang)}</dt><dd>{shown(", ".join(n.labels("publics", d["publics"])))}'
                   "</dd>")
    if _get(d, "personnes_concernees"):
        out.append(f'<dt>{_said("notice.personnes", lang)}</dt><dd{la}>'
                   f'{shown(paragraphs(d["personnes_concernees"]))}</dd>')
    out.append(f'</dl>\n{_missing(n, "traitement")}\n</section>\n')
    return Markup("".join(out))


def explanation(n: Any, h: int = 2) -> Markup:
    """What the algorithm contributes to the decision, its data, parameters and operations (R311-3-1-2), the
    rights, personal data (GDPR) or the legal basis, the AI Act, the impact assessments."""
    d, lang, la = n.data, n.lang, shown(n.la)
    sep = _said("notice.sep", lang)
    out = [_heading(n, "contribution", "notice.s.contribution", h), "<dl>\n"]
    if _get(d, "niveau_automatisation"):
        out.append(f'<dt>{_said("notice.automatisation", lang)}</dt><dd>'
                   f'{shown(n.label("niveaux_automatisation", d["niveau_automatisation"]))}</dd>')
    if _get(d, "contribution_decision"):
        out.append(f'<dt>{shown(n.title("contribution_decision"))}</dt><dd{la}>'
                   f'{shown(paragraphs(d["contribution_decision"]))}</dd>')
    if isinstance(d, dict) and "nombre_decisions_par_an" in d:
        out.append(f'<dt>{_said("notice.nb-decisions", lang)}</dt><dd>{shown(d["nombre_decisions_par_an"])}</dd>')
    if _get(d, "supervision_humaine"):
        out.append(f'<dt>{_said("notice.supervision", lang)}</dt><dd{la}>{shown(paragraphs(d["supervision_humaine"]))}'
                   "</dd>")
    out.append(f'</dl>\n{_missing(n, "contribution")}\n</section>\n\n')

    out.append(_heading(n, "donnees", "notice.s.donnees", h))
    if _get(d, "donnees"):
        out.append("<ul>\n")
        for x in d["donnees"]:
            out.append(f'<li><strong{la}>{shown(_value(x, "nom"))}</strong>')
            if _get(x, "source"):
                out.append(f' — {_said("notice.source", lang)}{sep}{shown(n.label("sources_donnees", x["source"]))}')
            if _get(x, "fournisseur"):
                out.append(f' (<span{la}>{shown(x["fournisseur"])}</span>)')
            if _get(x, "mode_collecte"):
                out.append(f'{_said("notice.sep-liste", lang)}{_said("notice.collecte", lang)}{sep}'
                           f'{shown(n.label("modes_collecte", x["mode_collecte"]))}')
            if _get(x, "personnelles") is not None:
                answer = _said("notice.oui" if x["personnelles"] else "notice.non", lang)
                out.append(f'{_said("notice.sep-liste", lang)}{_said("notice.personnelles", lang)}{sep}{answer}')
            out.append("</li>\n")
        out.append("</ul>\n")
    else:
        out.append(f'<p>{_said("notice.aucune-donnee", lang)}</p>\n')
    out.append(f'{_missing(n, "donnees")}\n</section>\n\n')

    out.append(_heading(n, "parametres", "notice.s.parametres", h))
    if _get(d, "parametres"):
        out.append("<ul>\n")
        for x in d["parametres"]:
            out.append(f'<li><strong{la}>{shown(_value(x, "nom"))}</strong>')
            if _get(x, "description"):
                out.append(f'{sep}<span{la}>{shown(x["description"])}</span>')
            if _get(x, "ponderation"):
                out.append(f' — {_said("notice.ponderation", lang)}{sep}<span{la}>{shown(x["ponderation"])}</span>')
            out.append("</li>\n")
        out.append("</ul>\n")
    else:
        out.append(f'<p>{_said("notice.aucun-parametre", lang)}</p>\n')
    out.append(f'{_missing(n, "parametres")}\n</section>\n\n')

    out.append(_heading(n, "operations", "notice.s.operations", h) + "<dl>\n")
    if _get(d, "type_algorithme"):
        out.append(f'<dt>{_said("notice.type-algo", lang)}</dt><dd>'
                   f'{shown(", ".join(n.labels("types_algorithme", d["type_algorithme"])))}</dd>')
    if _get(d, "operations"):
        out.append(f'<dt>{shown(n.title("operations"))}</dt><dd{la}>{shown(paragraphs(d["operations"]))}</dd>')
    out.append(f'</dl>\n{_missing(n, "operations")}\n</section>\n\n')

    out.append(_heading(n, "droits", "notice.s.droits", h) + _phrases(n, n.rights_intro) + "\n")
    if n.channels:
        out.append(f"<p>{shown(n.html(n.adresser))}</p>\n<ul>\n")
        out.extend(f"<li>{shown(n.html(p))}</li>\n" for p in n.channels)
        out.append("</ul>\n")
    out.append(_missing(n, "droits") + "\n")
    if n.prada:
        out.append(f"<p>{shown(n.html(n.prada))}</p>\n")
    out.append(f"{_items(n, n.rights_items)}\n{_phrases(n, n.rights_after)}\n</section>\n")

    if n.personal is not None:
        out.append("\n" + _heading(n, "rgpd", "notice.s.rgpd", h) + "<ul>\n")
        for x in n.personal:
            if hasattr(x, "label"):  # an item: its label and value
                out.append(f"<li><strong>{shown(n.text(x.label))}</strong>{sep}{shown(n.html_value(x.value))}</li>\n")
            elif hasattr(x, "key"):  # a sentence (else a missing item)
                out.append(f"<li>{shown(n.html(x))}</li>\n")
            else:
                out.append(f'<li class="alerte"><strong>⚠ {shown(n.html(x))}</strong></li>\n')
        out.append("</ul>\n</section>\n")
    elif _get(d, "base_legale"):
        out.append("\n" + _heading(n, "base", "notice.s.base", h) +
                   f'<p{la}>{shown(paragraphs(d["base_legale"]))}</p>\n</section>\n')

    out.append("\n" + _heading(n, "ia", "notice.s.ia", h) + f"{_phrases(n, n.ai_intro)}\n{_items(n, n.ai_items)}\n"
               f'{_missing(n, "ia")}\n{_phrases(n, n.ai_after)}\n</section>\n')

    if _get(d, "analyses_impact"):
        out.append("\n" + _heading(n, "analyses", "notice.analyses", h) + "<ul>")
        for x in d["analyses_impact"]:
            out.append(f'<li>{shown(n.label("types_analyse_impact", _get(x, "type")))}')
            if _get(x, "date"):
                out.append(f' ({shown(n.date(x["date"]))})')
            if _get(x, "url"):
                out.append(f' — {shown(link(x["url"]))}')
            if _get(x, "resume"):
                out.append(f' — <span{la}>{shown(x["resume"])}</span>')
            out.append("</li>")
        out.append("</ul>\n</section>\n")
    return Markup("".join(out))

