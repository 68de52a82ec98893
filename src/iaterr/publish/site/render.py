"""Rendering the register's pages: templates, the rows of the lists, the charts of the figures page.

Pages are rendered from public views only (:mod:`iaterr.publish.site.data`), HTML-escaped by the
templates; only plain http(s) addresses become links (:func:`iaterr.base.text.is_web_url`). Templates are
compiled from the package's files once per process, kept in memory only: no compiled template (code) is ever
read from a file or a cache.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from iaterr import __version__
from iaterr.base.parallel import in_chunks
from iaterr.base.text import printable
from iaterr.check.cache import digest
from iaterr.i18n import message
from iaterr.model.droit import long_date
from iaterr.model.vocab import TYPES_COLLECTIVITE, Vocabulary
from iaterr.publish.export import ExportItem
from iaterr.publish.francais import name_forms
from iaterr.publish.site.data import NO_RISK, VOCABS, Record, SiteData
from iaterr.publish.site.history import Removal, Revision
from iaterr.publish.site.output import Staging
from iaterr.publish.templating import NOT_CONSTANT
from iaterr.publish.templating import environment as _base_environment

#: The globals of a renderer's templates that are the same on every page it renders: its language, its
#: functions of messages, labels and dates, and the build's context (:func:`iaterr.publish.site.build`).
CONSTANT_GLOBALS = frozenset({"m", "label", "lang", "day", "rl", "names", "site_title", "today", "generated",
                              "title_lang", "commit", "version", "ident"})
#: The templates of a use-case page.
CASE_TEMPLATES = ("site/cas.html.j2", "site/_base.html.j2")
#: The templates whose ``n`` is the notice of the page's use case, built in the renderer's languages.
NOTICE_TEMPLATES = frozenset({"site/cas.html.j2", "notice/_sections.html.j2"})
_SUBTITLE = re.compile(r"""n\.subtitle\((["'])(\w+)\1\)""")
_MESSAGE = re.compile(r"""m\((["'])([\w.-]+)\1\)""")
_FIRST_NAME = re.compile(r"[A-Za-z_]\w*")
#: Below this many pages to render, one process is faster than starting others.
PARALLEL_THRESHOLD = 400
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def environment(constant: Callable[[str, str], Any] | None = None) -> Any:
    """The register's templates; with ``constant``, what every page prints the same written in when they are
    compiled (:func:`iaterr.publish.templating.environment`, :meth:`Renderer.constant`)."""
    from iaterr.publish import notice_html
    from iaterr.publish.notice import paragraphs

    env = _base_environment("templates", constant)
    env.filters["para"] = paragraphs
    env.globals["notice_html"] = notice_html  # the notice's sections, written in Python
    return env


def template_fingerprint() -> str:
    """Changes with iaterr's version, its site and notice templates and its code (the messages, the notice, the
    vocabularies and the law's table shape every page: a change of one of them, even between two releases,
    renders every page again)."""
    h = hashlib.sha1(__version__.encode())
    for folder in ("site", "notice"):
        for path in sorted((TEMPLATES / folder).glob("*")):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    h.update(_code_fingerprint().encode())
    return h.hexdigest()[:20]


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The code that shapes the pages (messages, notice, vocabularies, the law's table, the site itself), read
    once per process: the code this process runs was imported once too (templates, whose compiled code this
    process keeps in memory under their source's checksum, are hashed on each build)."""
    package = TEMPLATES.parent
    h = hashlib.sha1()
    for folder in ("i18n", "model", "publish"):
        for path in sorted((package / folder).rglob("*.py")):
            h.update(str(path.relative_to(package)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _marked(form: str, name: str, lang_attribute: Markup, href: str | None) -> Markup:
    """One form of a name (« de la Ville d'Exemple ») as HTML: the name itself with ``lang_attribute`` (empty when
    the name is in the pages' language), in a link to ``href`` when given; what comes before it (the article) as
    text."""
    head, body = (form[:-len(name)], name) if name and form.endswith(name) else ("", form)
    if href is not None:
        return Markup('{}<a href="{}"{}>{}</a>').format(head, href, lang_attribute, body)
    if lang_attribute:
        return Markup("{}<span{}>{}</span>").format(head, lang_attribute, body)
    return Markup("{}{}").format(head, body)


class Renderer:
    """Renders pages into the staging folder; its state is inherited by the processes that render
    use-case pages (``fork``: nothing is sent to them)."""

    def __init__(self, site: SiteData, lang: str, context: dict[str, Any], staging: Staging,
                 record_lang: str = "fr", prefix: str = "", languages: list[str] | None = None) -> None:
        self.site, self.lang, self.staging, self.record_lang = site, lang, staging, record_lang
        #: the folder of this language's pages ("" for the first language, "en/" for another); the path of the
        #: page being rendered, within it (its versions in the other languages are at the same path)
        self.prefix, self.current = prefix, "index.html"
        self.languages = languages or [lang]
        #: the day each use-case file last changed in git (relative path → date)
        self.modified: dict[str, date] = {}
        #: expressions of :data:`CONSTANT_GLOBALS` worked out (:meth:`constant`): expression → value
        self._constants: dict[str, Any] = {}
        self.env = environment(self.constant)
        self.context = context

        def m(key: str, **params: Any) -> str:
            return message(key, lang, **params)

        def label(vocab: str, code: str | None) -> str:
            if code == NO_RISK and vocab == "niveaux_risque":
                return message("registre.risque-non-renseigne", lang)
            return VOCABS[vocab].label(code, lang) if code else ""

        self.label = label
        def day(value: date) -> str:
            return long_date(value, lang)

        # record text in another language than the pages' is marked with its own (WCAG 3.1.2)
        rl = Markup(' lang="{}"').format(record_lang) if record_lang != lang else Markup("")
        def names(name: Any, href: str | None = None) -> dict[str, Markup]:
            """« de la Ville d'Exemple »… for :func:`mh`: each form as HTML, the name itself marked with the records'
            language when it is not the pages' (the article, in the pages' language, outside), a link with
            ``href``."""
            text = printable(str(name or ""))
            return {key: _marked(form, text, rl, href) for key, form in name_forms(text, lang).items()}

        def mh(key: str, **params: Any) -> Markup:
            """:func:`m` as HTML: the message escaped, the parameters given as HTML (:func:`names`) kept."""
            from iaterr.publish.notice import html_message

            return html_message(key, lang, **params)

        self.env.globals.update(m=m, mh=mh, label=label, lang=lang, day=day, rl=rl, names=names, **context)
        self.rows = Rows(label, str(rl), {"statut": m("registre.carte.statut"), "risque": m("registre.carte.risque")})
        self.env.globals["rows_html"] = self.rows
        self.env.globals["cards_html"] = self.rows.cards
        # the use-case page's templates compiled now: the processes that render those pages inherit them
        for name in CASE_TEMPLATES:
            self.env.get_template(name)

    def constant(self, template: str, expression: str) -> Any:
        """What ``expression`` prints on every page this renderer renders from ``template``, or
        :data:`~iaterr.publish.templating.NOT_CONSTANT`: an expression of :data:`CONSTANT_GLOBALS` only (« {{
        m("registre.nav") }} », the footer's sentence), and on a use-case page, whose ``n`` is the notice
        built in this renderer's languages, ``n.la`` and the subtitles of the notice's sections. Worked out
        when the template is compiled, so that a page does not work them out again."""
        from iaterr.publish.notice import lang_attribute, section_subtitle

        if template in NOTICE_TEMPLATES:
            if expression == "n.la":
                return lang_attribute(self.lang, self.record_lang)
            found = _SUBTITLE.fullmatch(expression)
            if found:
                return section_subtitle(found.group(2), self.lang)
        found = _MESSAGE.fullmatch(expression)
        if found:  # the most common: a message without parameters
            return message(found.group(2), self.lang)
        first = _FIRST_NAME.match(expression)
        if first is None or first.group() not in CONSTANT_GLOBALS:
            return NOT_CONSTANT  # most expressions: a record's value, a loop's item, the page's own path…
        known = self._constants.get(expression)
        if known is None:
            known = self._constants[expression] = self._worked_out(expression)
        return known

    def _worked_out(self, expression: str) -> Any:
        from jinja2 import Undefined, nodes

        try:
            names = {name.name for name in self.env.parse("{{ " + expression + " }}").find_all(nodes.Name)}
            if not names <= CONSTANT_GLOBALS:
                return NOT_CONSTANT
            value = self.env.compile_expression(expression, undefined_to_none=False)()
        except Exception:  # noqa: BLE001 - not worked out here: the page prints it (or says what is wrong)
            return NOT_CONSTANT
        return NOT_CONSTANT if isinstance(value, Undefined) else value

    def render(self, template: str, root: str, base: str | None = None, **values: Any) -> str:
        # root: the way up to this language's top; top: to the site's top (assets, open data). With ``base``
        # (the site's address, or "/"), both start from it: the page works at any address (the 404 page)
        if base is not None:
            top, root = base, base + self.prefix
        else:
            top = root + "../" * self.prefix.count("/")
        others = []
        for index, language in enumerate(self.languages):
            if language != self.lang:
                others.append({"lang": language, "label": message("registre.langue.nom", language),
                               "href": top + ("" if index == 0 else f"{language}/") + self.current})
        return str(self.env.get_template(template).render(root=root, top=top, others=others, **values))

    def script_labels(self) -> dict[str, Any]:
        """What the home page's script needs to show a card and say what it shows, in the page's language."""
        from iaterr.model.vocab import NIVEAUX_RISQUE, STATUTS

        return {
            "statuts": {c: self.label("statuts", c) for c in STATUTS.codes},
            "risques": {**{c: self.label("niveaux_risque", c) for c in NIVEAUX_RISQUE.codes},
                        NO_RISK: self.label("niveaux_risque", NO_RISK)},
            "mots": {"statut": message("registre.carte.statut", self.lang),
                     "risque": message("registre.carte.risque", self.lang)},
            "resultats": message("registre.resultats.js", self.lang, n="{n}", total="{total}", page="{page}",
                                 pages="{pages}"),
            "aucun": message("registre.resultats.aucun", self.lang, total="{total}"),
            "precedente": message("registre.pagination.precedente", self.lang),
            "suivante": message("registre.pagination.suivante", self.lang),
            "position": message("registre.pagination.position", self.lang, page="{page}", pages="{pages}"),
            "langue_fiches": self.record_lang if self.record_lang != self.lang else "",
        }

    def case_page(self, record: Record) -> str:
        from iaterr.publish.notice import build_notice

        assert record.data is not None
        coll = self.site.collectivites[record.collectivite]
        notice = build_notice(ExportItem(record.rel, record.data, coll), lang=self.lang, today=self.context["today"],
                              record_lang=self.record_lang)
        return self.render("site/cas.html.j2", "../", n=notice, d=notice.data, c=coll, s=record.summary,
                           revision=None, coll_page=True, modifie=self.modified.get(record.rel))

    def revision_page(self, revision: Revision) -> str:
        """The page of the last valid version of a use case whose file is now invalid, marked as under review."""
        from iaterr.publish.notice import build_notice
        from iaterr.publish.site.data import site_summary

        notice = build_notice(ExportItem(revision.rel, revision.cas, revision.collectivite), lang=self.lang,
                              today=self.context["today"], record_lang=self.record_lang)
        return self.render("site/cas.html.j2", "../", n=notice, d=notice.data, c=revision.collectivite,
                           s=site_summary(revision.cas)["summary"], revision=revision,
                           coll_page=revision.collectivite.get("identifiant") in self.site.collectivites)

    def removal_page(self, removal: Removal) -> str:
        """The page left at the address of a use case that is gone, with its collectivité (when it is still in the
        register) and where to send a request: the documents of a processing stay requestable."""
        coll = self.site.collectivites.get(removal.collectivite)
        return self.render("site/retrait.html.j2", "../", r=removal, c=coll)

    def write(self, rel: str, content: str | bytes | Iterable[str]) -> str:
        """Write a new page of the staging folder (whole, or from the pieces of a text); returns the hash of its
        content."""
        if not isinstance(content, (str, bytes)):
            return self.staging.write_chunks(rel, (piece.encode("utf-8") for piece in content))
        payload = content.encode("utf-8") if isinstance(content, str) else content
        self.staging.write(rel, payload)
        return digest(payload)


def _render_cases(records: list[Record], renderer: Renderer) -> list[tuple[str, str]]:
    done = []
    for record in records:
        renderer.current = f"cas/{record.identifiant}.html"
        path = renderer.prefix + renderer.current
        done.append((path, renderer.write(path, renderer.case_page(record))))
    return done


def render_cases(renderer: Renderer, records: list[Record], jobs: int | None) -> dict[str, str]:
    """Render the use-case pages of ``records`` (in one process per core when there are many: they inherit the
    renderer, which is never pickled); returns page → content hash."""
    return dict(in_chunks(_render_cases, records, renderer, jobs=jobs, threshold=PARALLEL_THRESHOLD, min_chunk=50,
                          chunks_per_job=4, fork_only=True))


def row_of(site: SiteData, r: Record) -> dict[str, Any]:
    row = {"id": r.identifiant, "coll": r.collectivite, "coll_nom": site.collectivites[r.collectivite].get("nom", ""),
           **r.summary}
    # what the row shows, as one string: list pages are rebuilt when the rows they show change
    row["key"] = "\x1f".join([row["id"], row["coll"], str(row["coll_nom"]), str(row["nom"]), row["theme"],
                              row["statut"], " ".join(row["types"]), row["risque"]])
    return row


class Rows:
    """The HTML of each row of the lists of use cases, made once per build and reused by every list page
    that shows it (thousands of rows: a template call per row would cost seconds). Escaped like a template."""

    def __init__(self, label: Callable[[str, str | None], str], rl: str = "",
                 words: dict[str, str] | None = None) -> None:
        self.label, self.rl = label, rl
        #: « Statut : », « Risque : » before the labels of a card, escaped
        self.words = {k: html.escape(v) for k, v in (words or {"statut": "", "risque": ""}).items()}
        self.done: dict[tuple[str, str, bool], str] = {}
        self.labels: dict[tuple[str, str], str] = {}

    def __call__(self, rows: list[dict], root: str, show_coll: bool = True) -> Markup:
        return Markup("\n".join([self.one(row, root, show_coll) for row in rows]))

    def _label(self, vocab: str, code: str) -> str:
        key = (vocab, code)
        text = self.labels.get(key)
        if text is None:
            text = self.labels[key] = html.escape(self.label(vocab, code))
        return text

    def cards(self, rows: list[dict], root: str) -> Markup:
        """The results of the home page: one card per use case (name, collectivité, summary, status, risk)."""
        return Markup("\n".join([self.card(row, root) for row in rows]))

    def card(self, row: dict, root: str) -> str:
        e, label, rl = html.escape, self._label, self.rl
        return (f'<li class="resultat"><h3 class="resultat-nom"{rl}><a href="{root}cas/{e(row["id"])}.html">'
                f'{e(str(row["nom"]))}</a></h3>'
                f'<p class="resultat-coll"{rl}><a href="{root}collectivites/{e(row["coll"])}.html">'
                f'{e(str(row["coll_nom"]))}</a></p>'
                + (f'<p class="resultat-resume"{rl}>{e(str(row.get("resume") or ""))}</p>' if row.get("resume") else "")
                + f'<p class="etiquettes"><span class="etiquette">{self.words["statut"]}'
                f'{label("statuts", row["statut"])}</span> <span class="etiquette">{self.words["risque"]}'
                f'{label("niveaux_risque", row["risque"])}</span></p></li>')

    def one(self, row: dict, root: str, show_coll: bool) -> str:
        key = (row["id"], root, show_coll)
        done = self.done.get(key)
        if done is None:
            e, label = html.escape, self._label
            types = ", ".join(label("types_algorithme", t) for t in row["types"])
            coll = (f'<td{self.rl}><a href="{root}collectivites/{e(row["coll"])}.html">{e(str(row["coll_nom"]))}</a>'
                    '</td>' if show_coll else "")
            done = (
                f'<tr data-theme="{e(row["theme"])}" data-statut="{e(row["statut"])}" '
                f'data-types="{e(" ".join(row["types"]))}" data-risque="{e(row["risque"])}">'
                f'<th scope="row"{self.rl}><a href="{root}cas/{e(row["id"])}.html">{e(str(row["nom"]))}</a></th>{coll}'
                f'<td>{label("themes", row["theme"])}</td><td>{label("statuts", row["statut"])}</td>'
                f'<td>{types}</td><td>{label("niveaux_risque", row["risque"])}</td></tr>')
            self.done[key] = done
        return done


def counts(rows: list[dict], key: str, vocab: Vocabulary | None) -> list[tuple[str, int]]:
    """(code, count) in vocabulary order, values present only; ``types`` counts each type of a use case."""
    found: dict[str, int] = {}
    for row in rows:
        values = row[key] if isinstance(row[key], list) else [row[key]]
        for v in values:
            found[v] = found.get(v, 0) + 1
    order = (vocab.codes if vocab else []) + [NO_RISK]
    return [(c, found[c]) for c in order if c in found] + sorted((c, n) for c, n in found.items() if c not in order)


def chart(counts: list[tuple[str, str, int]]) -> dict[str, Any]:
    """Geometry of a horizontal bar chart: one row per value, its label above its bar, the count after it."""
    top = max((n for _c, _l, n in counts), default=0) or 1
    width, step = 600, 46
    bars = []
    for index, (code, label, n) in enumerate(counts):
        y = index * step
        length = round(n / top * (width - 80)) if n else 0
        bars.append({"code": code, "label": label, "n": n, "y": y, "text_y": y + 14, "bar_y": y + 20,
                     "length": max(length, 2), "value_x": max(length, 2) + 8, "value_y": y + 35})
    return {"width": width, "height": max(len(counts) * step, step), "bars": bars}


def figures(site: SiteData, rows: list[dict[str, Any]], filters: dict[str, Any],
            renderer: Renderer) -> list[dict[str, Any]]:
    """The figures page's tables: (key, title, caption, [(code, label, count)], chart)."""
    lang = renderer.lang
    label = renderer.label
    out: list[dict[str, Any]] = []
    counts: list[tuple[str, str, int]]
    for name, vocab in (("theme", "themes"), ("statut", "statuts"), ("risque", "niveaux_risque")):
        counts = [(c, label(vocab, c), n) for c, n in filters[name]["values"]]
        out.append({"key": name, "title": message(f"registre.chiffres.{name}", lang), "counts": counts,
                    "column": message(f"registre.col.{name}", lang)})
    by_type: dict[str, int] = {}
    for row in rows:
        t = site.collectivites[row["coll"]].get("type", "")
        by_type[t] = by_type.get(t, 0) + 1
    counts = [(c, label("types_collectivite", c), by_type[c]) for c in TYPES_COLLECTIVITE.codes if c in by_type]
    out.insert(2, {"key": "type-collectivite", "title": message("registre.chiffres.type-collectivite", lang),
                   "counts": counts, "column": message("registre.col.type-de-collectivite", lang)})
    for fig in out:
        fig["total"] = sum(n for _c, _l, n in fig["counts"])
        fig["chart"] = chart(fig["counts"])
        fig["summary"] = message("registre.chiffres.resume", lang, titre=fig["title"], _valeurs="", n=len(rows)) + \
            " ; ".join(f"{lbl} : {n}" for _c, lbl, n in fig["counts"])
    return out
