"""`iaterr register build`: the register website (no browser here: see test_site_browser.py).

Every page is there, links are relative and resolve, nothing is loaded from outside, restricted fields and
hostile text never get through, figures match the records, and a rebuild writes only what changed."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT
from iaterr.publish.export import load_items
from iaterr.publish.opendata import table_schema_text, to_csv, to_json
from iaterr.publish.site import FILTERS, NO_RISK, build_site, json_text, load_site_data
from iaterr.publish.site.build import PAGE_SIZE
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo, render_record, variant

TODAY = date(2026, 11, 22)
HOSTILE = ('<script>alert("x")</script> [cliquez](javascript:alert(1)) <img src=x onerror=alert(1)> '
           '"onmouseover="alert(1)')


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.h1 = 0
        self.tags: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "h1":
            self.h1 += 1
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _copy_data(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "iaterr.yaml", dest / "iaterr.yaml")
    shutil.copytree(ROOT / "data", dest / "data")
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The website of this repository's data (copied: the build keeps caches beside the data)."""
    root = _copy_data(tmp_path_factory.mktemp("depot") / "depot")
    out = root / "site"
    result = build_site(open_repository(root), out, today=TODAY)
    return root, out, result


def _html(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


# ---------------------------------------------------------------- pages and links


def test_every_expected_page_exists(built):
    root, out, result = built
    items = load_items(open_repository(root)).items
    assert result.records == len(items) == len(list((root / "data/cas-usage").glob("*.yaml")))
    for item in items:
        assert (out / "cas" / f"{item.cas['identifiant']}.html").is_file()
    for path in (root / "data/collectivites").glob("*.yaml"):
        assert (out / "collectivites" / f"{path.stem}.html").is_file()
    assert (out / "collectivites/index.html").is_file()
    for name, (folder, _vocab, _key) in FILTERS.items():
        values = set()
        for item in items:
            cas = item.cas
            value = {"theme": cas["theme"], "statut": cas["statut"], "type": cas.get("type_algorithme", []),
                     "risque": cas.get("niveau_risque_ia", NO_RISK)}[name]
            values.update(value if isinstance(value, list) else [value])
        assert {p.stem for p in (out / folder).glob("*.html")} == values, name
    for rel in ("index.html", "chiffres.html", "assets/registre.css", "assets/registre.js",
                "donnees/cas-usage.csv", "donnees/cas-usage.json", "donnees/cas-usage.tableschema.json",
                ".iaterr-site.json"):
        assert (out / rel).is_file(), rel
    assert sorted(result.written) == sorted(json.loads((out / ".iaterr-site.json").read_text())["pages"])


def test_every_link_is_relative_and_resolves(built):
    _root, out, _result = built
    checked = 0
    for page in _html(out):
        parsed = _parse(page)
        assert parsed.h1 == 1, page
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in parsed.tags, (page, landmark)
        if page.name == "404.html":  # shown at any address: its links are absolute (test_site_revue14)
            continue
        for tag, _attr, value in parsed.refs:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https", "mailto"):
                assert tag == "a", (page, tag, value)  # a link to go to, never a resource loaded
                continue
            assert not parts.scheme and not value.startswith("/") and not parts.netloc, (page, value)
            if not parts.path:  # a fragment of this page
                assert parts.fragment in parsed.ids, (page, value)
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), (page.relative_to(out), value)
            assert out.resolve() in target.parents
            checked += 1
    assert checked > 500


def test_nothing_is_loaded_from_outside(built):
    _root, out, _result = built
    for page in _html(out):
        text = page.read_text(encoding="utf-8")
        for tag, _attr, value in _parse(page).refs:
            if tag in ("script", "link", "img", "source", "iframe"):
                assert not re.match(r"^(https?:)?//", value), (page, value)
        assert "@import" not in text and "url(" not in text
    css = (out / "assets/registre.css").read_text(encoding="utf-8")
    assert "http://" not in css and "https://" not in css and "@media print" in css and "url(" not in css
    assert "http" not in (out / "assets/registre.js").read_text(encoding="utf-8")


def test_footer_has_the_generation_date_commit_version_and_data(built):
    _root, out, _result = built
    for page in (out / "index.html", out / "chiffres.html", next((out / "cas").glob("*.html"))):
        text = page.read_text(encoding="utf-8")
        footer = text[text.index("<footer"):]
        assert "22 novembre 2026" in footer and "hors git" in footer and "iaterr 0." in footer
        assert "Télécharger les données" in footer and "donnees/cas-usage.csv" in footer


def test_footer_names_the_commit(tmp_path):
    import git

    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    repo = git.Repo.init(root)
    repo.index.add(["data", "iaterr.yaml"])
    repo.index.commit("premier")
    short = repo.head.commit.hexsha[:8]
    build_site(open_repository(root), tmp_path / "site", today=TODAY)
    text = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert f"commit {short}" in text and "hors git" not in text


def test_use_case_page_has_the_notice_and_the_rest(tmp_path):
    record = variant(GOOD_DECISION, chiffres_cles=[{"valeur": "1 200", "libelle": "décisions par an"}],
                     dates_cles=[{"date": "2024-09", "evenement": "Mise en service"}],
                     points_positifs=["Des délais plus courts"], points_vigilance=["Expliquer le score"])
    root = make_repo(tmp_path / "depot", [record])
    build_site(open_repository(root), tmp_path / "site", today=TODAY)
    text = html.unescape((tmp_path / "site/cas/attribution-places-creche.html").read_text(encoding="utf-8"))
    for title in ("Notice d'explicabilité", "1. Degré et mode de contribution à la décision",
                  "2. Données traitées et leurs sources", "3. Paramètres et leur pondération",
                  "4. Opérations effectuées", "Vos droits", "Base légale",
                  "Règlement européen sur l'intelligence artificielle", "Chiffres clés", "Dates clés",
                  "Partenaires et fournisseurs", "Retour d'expérience", "Points positifs", "Points de vigilance",
                  "Sources et code", "Contrôle humain"):
        assert title in text, title
    assert "Ancienneté de la demande" in text and "dpo@ville-exemple.fr" in text
    # a points grid declared rules-only (systeme_ia: false): no AI Act risk tier is shown for it
    assert "Risque élevé" not in text and "art. 3(1)" in text
    assert 'href="https://git.ville-exemple.fr/creches/score"' in text
    assert "Élément manquant" not in text and "@media print" in (tmp_path / "site/assets/registre.css").read_text()
    # an incomplete notice says so on the register too
    root = make_repo(tmp_path / "autre", [variant(GOOD_DECISION, drop=("parametres", "operations"))])
    build_site(open_repository(root), tmp_path / "site2", today=TODAY)
    text = html.unescape((tmp_path / "site2/cas/attribution-places-creche.html").read_text(encoding="utf-8"))
    assert "Notice incomplète" in text
    assert "Élément manquant : Paramètres et pondération (CRPA, art. R311-3-1-2, 3°)" in text


def test_the_home_page_lists_everything_and_can_filter(built):
    root, out, result = built
    text = (out / "index.html").read_text(encoding="utf-8")
    # the first page of results (every use case here), then the categories; the script shows the others
    assert text.count('<li class="resultat">') == min(result.records, PAGE_SIZE)
    assert '<script src="assets/registre.js"></script>' in text and '<script src="assets/recherche.js">' in text
    assert 'aria-live="polite"' in text and '<label for="f-texte">' in text
    for name in FILTERS:
        assert f'<label for="f-{name}">' in text and f'<select id="f-{name}"' in text
    assert "themes/" in text and "statuts/" in text and "types-algorithme/" in text and "risques/" in text
    sicoval = (out / "collectivites/communaute-d-agglomeration-du-sicoval.html")
    if sicoval.is_file():
        assert "sicoval-detection-fuites-eau" in sicoval.read_text(encoding="utf-8")


# ---------------------------------------------------------------- figures and data


def test_figures_match_the_records(built):
    root, out, _result = built
    items = load_items(open_repository(root)).items
    text = (out / "chiffres.html").read_text(encoding="utf-8")
    assert text.count('role="img"') == 4 and text.count("<caption>") == 4 and text.count("<title") == 5
    for key, field in (("theme", "theme"), ("statut", "statut")):
        table = text[text.index(f'id="tableau-{key}"'):]
        table = table[:table.index("</table>")]
        found = {code: int(n) for code, n in re.findall(
            r'<tr data-code="([^"]+)"><th scope="row">[^<]*</th><td class="nombre">(\d+)</td>', table)}
        expected: dict[str, int] = {}
        for item in items:
            expected[item.cas[field]] = expected.get(item.cas[field], 0) + 1
        assert found == expected, key
    assert 'scope="col"' in text and 'scope="row"' in text


def test_open_data_files_are_the_exports(built):
    root, out, _result = built
    items = load_items(open_repository(root))
    assert (out / "donnees/cas-usage.csv").read_text(encoding="utf-8") == to_csv(items)
    assert (out / "donnees/cas-usage.json").read_text(encoding="utf-8") == to_json(items)
    assert (out / "donnees/cas-usage.tableschema.json").read_text(encoding="utf-8") == table_schema_text()


def test_json_of_no_record_is_to_json(tmp_path):
    root = make_repo(tmp_path / "depot", [])
    repo = open_repository(root)
    assert json_text(load_site_data(repo)) == to_json(load_items(repo))


# ---------------------------------------------------------------- what must never get through


def test_restricted_fields_never_appear(tmp_path):
    from iaterr.model import CasUsage, Collectivite
    from test_export import _mark_restricted

    record = variant(GOOD_DECISION)
    coll = dict(COLLECTIVITE)
    markers = _mark_restricted(CasUsage, record) + _mark_restricted(Collectivite, coll)
    assert len(markers) >= 7
    root = make_repo(tmp_path / "depot", [record], collectivite=coll)
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    for path in [p for p in out.rglob("*") if p.is_file()] + list((root / ".iaterr-cache").glob("site*.json")):
        text = path.read_text(encoding="utf-8")
        for marker in markers:
            assert marker not in text and marker.split("@")[0] not in text, (path, marker)


def test_hostile_text_is_shown_never_run(tmp_path):
    from iaterr.model import CasUsage
    from iaterr.model.introspect import specs

    record = variant(GOOD_DECISION)
    free_text = [name for name, spec in specs(CasUsage).items()
                 if spec.kind == "texte" and spec.meta.visibilite == "public" and name in record or
                 (spec.kind == "texte" and spec.meta.visibilite == "public" and not spec.is_list
                  and spec.submodel is None and name not in ("version_schema",))]
    for name in free_text:
        spec = specs(CasUsage)[name]
        record[name] = [f"{name} {HOSTILE}"] if spec.is_list else f"{name} {HOSTILE}"
    record["partenaires"] = [f"partenaire {HOSTILE}"]
    record["fournisseurs"] = [f"fournisseur {HOSTILE}"]
    record["donnees"] = [dict(d, nom=f"donnée {HOSTILE}") for d in record["donnees"]]
    record["parametres"] = [dict(p, nom=f"paramètre {HOSTILE}", description=HOSTILE, ponderation=HOSTILE)
                            for p in record["parametres"]]
    record["chiffres_cles"] = [{"valeur": HOSTILE, "libelle": HOSTILE}]
    record["dates_cles"] = [{"date": "2024", "evenement": HOSTILE}]
    record["points_positifs"] = [HOSTILE]
    record["points_vigilance"] = [HOSTILE]
    coll = dict(COLLECTIVITE, nom=f"Ville {HOSTILE}")
    root = make_repo(tmp_path / "depot", [record], collectivite=coll)
    out = tmp_path / "site"
    result = build_site(open_repository(root), out, today=TODAY)
    assert result.records == 1 and not result.skipped
    page = (out / "cas/attribution-places-creche.html").read_text(encoding="utf-8")
    assert page.count("&lt;script&gt;alert") >= len(free_text)
    for path in _html(out):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and '"onmouseover=' not in text, path
        for _tag, _attr, value in _parse(path).refs:
            assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, value)
        # scripts: the home page's own two files and its labels (data, never run); none anywhere else
        scripts = re.findall(r"<script[^>]*>", text)
        home = path.name == "index.html" and path.parent == out
        assert scripts == (['<script type="application/json" id="libelles">', '<script src="assets/recherche.js">',
                            '<script src="assets/registre.js">'] if home else []), (path, scripts)
        if home:  # the labels are JSON that cannot close their element
            labels = text.split('id="libelles">', 1)[1].split("</script>", 1)[0]
            assert "<" not in labels and json.loads(labels)


def test_only_web_addresses_become_links():
    from iaterr.publish.site import environment

    env = environment()
    tpl = env.from_string('{% import "notice/_sections.html.j2" as s %}{{ s.link(u) }}')
    tpl.environment.autoescape = True
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "vbscript:x", "//ailleurs.example"):
        assert "<a" not in tpl.render(u=url), url
    assert '<a href="https://exemple.fr/?a=1&amp;b=2">' in tpl.render(u="https://exemple.fr/?a=1&b=2")


# ---------------------------------------------------------------- incremental builds


def _mtimes(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_rebuild_writes_only_what_changed(tmp_path):
    other = variant(GOOD_SIMPLE, identifiant="autre-cas", nom="Autre cas")
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE, other])
    out = tmp_path / "site"
    first = build_site(open_repository(root), out, today=TODAY)
    assert first.unchanged == 0 and not first.deleted
    # nothing changed: nothing written
    before = _mtimes(out)
    again = build_site(open_repository(root), out, today=TODAY)
    assert again.written == [] and again.deleted == [] and again.unchanged == first.pages
    assert _mtimes(out) == {k: v for k, v in before.items()} | {".iaterr-site.json": _mtimes(out)[".iaterr-site.json"]}
    # a text that no list shows: its page and the data files
    path = root / "data/cas-usage/detection-fuites.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Analyse des débits", "Analyse fine des débits"),
                    encoding="utf-8")
    result = build_site(open_repository(root), out, today=TODAY)
    # and what shows its words: the search index, and the home page, whose summary is its first sentence
    assert sorted(result.written) == ["assets/recherche.js", "cas/detection-fuites.html", "donnees/cas-usage.csv",
                                      "donnees/cas-usage.json", "index.html"]
    assert "Analyse fine des débits" in (out / "cas/detection-fuites.html").read_text(encoding="utf-8")
    assert "Analyse fine des débits" in (out / "donnees/cas-usage.json").read_text(encoding="utf-8")
    unchanged = _mtimes(out)
    # a field the lists show: its page, and the list pages that show it
    path.write_text(path.read_text(encoding="utf-8").replace("statut: en_deploiement", "statut: termine"),
                    encoding="utf-8")
    result = build_site(open_repository(root), out, today=TODAY)
    assert set(result.written) == {"cas/detection-fuites.html", "donnees/cas-usage.csv", "donnees/cas-usage.json",
                                   "index.html", "assets/recherche.js", "statuts/en_deploiement.html",
                                   "statuts/termine.html",
                                   "themes/transition_ecologique.html",
                                   "types-algorithme/apprentissage_automatique.html",
                                   "risques/minimal.html", "collectivites/ville-exemple.html", "chiffres.html"}
    after = _mtimes(out)
    assert after["cas/autre-cas.html"] == unchanged["cas/autre-cas.html"]
    assert after["cas/attribution-places-creche.html"] == unchanged["cas/attribution-places-creche.html"]
    # a record removed: its page says so (see test_site_permaliens.py), the lists no longer show it
    path.unlink()
    result = build_site(open_repository(root), out, today=TODAY)
    assert "cas/detection-fuites.html" in result.written and result.deleted == ["statuts/termine.html"], result.written
    assert "Fiche retirée du registre" in (out / "cas/detection-fuites.html").read_text(encoding="utf-8")
    assert "detection-fuites" not in (out / "index.html").read_text(encoding="utf-8")
    # a page deleted by hand comes back; the manifest in the output folder is never trusted, so damaging it
    # changes nothing; a page edited in place (same size, same time) is noticed and written again
    (out / "cas/autre-cas.html").unlink()
    assert build_site(open_repository(root), out, today=TODAY).written == ["cas/autre-cas.html"]
    (out / ".iaterr-site.json").write_text("{pas du json", encoding="utf-8")
    assert build_site(open_repository(root), out, today=TODAY).written == []
    page = out / "cas/autre-cas.html"
    text, st = page.read_text(encoding="utf-8"), page.stat()
    page.write_text(text.replace("Autre cas", "Autre CAS"), encoding="utf-8")
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert build_site(open_repository(root), out, today=TODAY).written == ["cas/autre-cas.html"]
    assert "Autre CAS" not in page.read_text(encoding="utf-8")
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".iaterr-tmp")]


def test_collectivite_change_rebuilds_its_use_case_pages(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    path = root / "data/collectivites/ville-exemple.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Ville d'Exemple", "Ville d'Exemple-sur-Mer"),
                    encoding="utf-8")
    result = build_site(open_repository(root), out, today=TODAY)
    assert {"cas/attribution-places-creche.html", "cas/detection-fuites.html",
            "collectivites/ville-exemple.html", "index.html"} <= set(result.written)
    assert "Ville d&#39;Exemple-sur-Mer" in (out / "cas/detection-fuites.html").read_text(encoding="utf-8")


def test_invalid_records_are_left_out(broken_copy, tmp_path):
    result = build_site(open_repository(broken_copy), tmp_path / "site", today=TODAY)
    assert result.skipped and result.records == len(load_items(open_repository(broken_copy)).items)


def test_without_cache_the_build_is_the_same(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    build_site(open_repository(root), tmp_path / "a", today=TODAY)
    build_site(open_repository(root), tmp_path / "a", today=TODAY)
    build_site(open_repository(root), tmp_path / "b", today=TODAY, use_cache=False)
    for path in (tmp_path / "a").rglob("*.html"):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()


def test_pages_rendered_where_records_are_read_are_those_the_build_would_render(tmp_path, monkeypatch):
    """A cold build renders each use case's page in the process that reads its file, from the collectivités read
    just before. A page rendered from anything else than what the whole build ends with (here: a collectivité
    whose file changed between its two readings) is not kept: it is rendered again. Every page kept is byte for
    byte the page rendered afterwards from the cache's views; a file of the same identifiant in a sub-folder
    (refused: identifiant-duplique) leaves the page to the record the build keeps."""
    from iaterr.model.visibility import View
    from iaterr.publish.site import build as building

    copy = dict(GOOD_SIMPLE, nom="Copie en double")
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    (root / "data/cas-usage/zz").mkdir()
    (root / "data/cas-usage/zz/detection-fuites.yaml").write_text(render_record("cas_usage", copy), encoding="utf-8")
    real = building.collectivites_alone

    def stale(repo, **kw):  # as read a moment before the collectivité's file changed
        return {ident: View({**view, "nom": "Ancien nom"}) for ident, view in real(repo, **kw).items()}

    monkeypatch.setattr(building, "collectivites_alone", stale)
    cold = build_site(open_repository(root), tmp_path / "a", today=TODAY, jobs=2, use_cache=False)
    assert ("data/cas-usage/zz/detection-fuites.yaml", 1) in cold.skipped
    monkeypatch.undo()
    build_site(open_repository(root), tmp_path / "b", today=TODAY)  # fills the cache
    shutil.rmtree(tmp_path / "b")
    build_site(open_repository(root), tmp_path / "b", today=TODAY, jobs=2)  # every page from the cache's views
    a = {p.relative_to(tmp_path / "a").as_posix(): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b").as_posix(): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b
    page = (tmp_path / "a/cas/detection-fuites.html").read_text(encoding="utf-8")
    assert "Ancien nom" not in page and "Copie en double" not in page and GOOD_SIMPLE["nom"] in html.unescape(page)
    # without the stale reading, the pages rendered where records are read are kept as they are
    shutil.rmtree(tmp_path / "a")
    build_site(open_repository(root), tmp_path / "a", today=TODAY, jobs=2, use_cache=False)
    assert a == {p.relative_to(tmp_path / "a").as_posix(): p.read_bytes() for p in (tmp_path / "a").rglob("*")
                 if p.is_file()}


# ---------------------------------------------------------------- language and command


def test_english_site(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_DECISION])
    out = tmp_path / "site"
    build_site(open_repository(root), out, lang="en", today=TODAY)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home and "Download the data" in home and "outside git" in home
    page = (out / "cas/attribution-places-creche.html").read_text(encoding="utf-8")
    assert "Explicability notice" in page and "Your rights" in page and "High risk" not in page
    # a change of language rewrites every page
    result = build_site(open_repository(root), out, lang="fr", today=TODAY)
    assert result.unchanged <= 3  # the script, the table schema (same in both languages)
    assert '<html lang="fr">' in (out / "index.html").read_text(encoding="utf-8")


def test_command_builds_and_says_what_it_wrote(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    out = tmp_path / "site"
    result = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "écrit : cas/attribution-places-creche.html" in result.stderr
    assert f"Site écrit dans {out}" in result.stderr and "2 cas d'usage" in result.stderr
    assert (out / "index.html").is_file()
    again = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert again.exit_code == 0 and "0 fichier(s) écrit(s)" in again.stderr
    english = cli("register", "build", "--repo", str(root), "--out", str(out), "--lang", "en")
    assert english.exit_code == 0 and "Website written to" in english.stderr
    assert '<html lang="en">' in (out / "index.html").read_text(encoding="utf-8")


def test_command_default_folder_and_skipped_records(cli, broken_copy):
    result = cli("register", "build", "--repo", str(broken_copy))
    assert result.exit_code == 1  # some records were left out, and said so
    assert "laissée de côté" in result.stderr and (broken_copy / "site/index.html").is_file()


def test_help(cli):
    result = cli("register", "build", "--help")
    assert result.exit_code == 0 and "--out" in result.stdout


# ---------------------------------------------------------------- reading once, swapping safely


def test_a_site_folder_deleted_by_hand_is_rebuilt_from_one_reading(tmp_path, monkeypatch):
    """The record of the last build lives in the user's cache: when the site folder is gone (or its title
    changed), every record is read once: rendered where it is read, or (its result from the cache) its view read
    once from the cache, a batch at a time, never twice."""
    from iaterr.publish.site import build as building

    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    asked: list[list[str]] = []
    real = building.public_views
    monkeypatch.setattr(building, "public_views", lambda repo, rels, **kw: asked.append(rels) or real(repo, rels, **kw))
    shutil.rmtree(out)
    assert build_site(open_repository(root), out, today=TODAY).unchanged == 0
    # the records came from the cache: their views are read once each, a batch at a time, never twice
    first = [rel for rels in asked for rel in rels]
    assert sorted(first) == sorted(set(first)) and len(first) == 2, asked
    asked.clear()
    build_site(open_repository(root), out, today=TODAY, title="Registre renommé")
    again = [rel for rels in asked for rel in rels]
    assert sorted(again) == sorted(set(again)) and len(again) == 2, asked
    # a cold build (no cache) renders every page where its record is read: no second reading at all
    asked.clear()
    shutil.rmtree(out)
    build_site(open_repository(root), out, today=TODAY, use_cache=False)
    assert not [rel for rels in asked for rel in rels], asked


def test_a_record_changed_during_a_build_never_mixes_two_versions(tmp_path, monkeypatch):
    """A page is rendered where its record is read; only a record whose result came from the cache has its view
    read again to render its page (here: a new title renders every page). If it changed in between, the build
    stops with the old site intact rather than publish pages of two versions."""
    from iaterr.publish.site import build as building
    from iaterr.publish.site.output import OutputRefused

    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    path = root / "data/cas-usage/detection-fuites.yaml"
    real = building.public_views

    def edited_meanwhile(repo, rels, **kw):
        path.write_text(path.read_text(encoding="utf-8").replace("Analyse des débits", "Autre analyse"),
                        encoding="utf-8")
        return real(repo, rels, **kw)

    monkeypatch.setattr(building, "public_views", edited_meanwhile)
    with pytest.raises(OutputRefused) as caught:
        build_site(open_repository(root), out, today=TODAY, title="Un autre titre")
    assert caught.value.key == "registre.modifie-pendant"
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".iaterr-tmp")]


def test_where_folders_cannot_be_exchanged_a_failed_swap_keeps_the_old_site(tmp_path, monkeypatch):
    from iaterr.base import files

    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE])
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)  # not Linux
    real_rename = os.rename

    def rename(src, dst):
        if Path(src).name.startswith(".iaterr-tmp") and not Path(src).name.endswith("-ancien") and Path(dst) == out:
            raise OSError(13, "Permission denied", str(dst))
        return real_rename(src, dst)

    monkeypatch.setattr(files.os, "rename", rename)
    path = root / "data/cas-usage/detection-fuites.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Analyse des débits", "Analyse fine des débits"),
                    encoding="utf-8")
    with pytest.raises(OSError):
        build_site(open_repository(root), out, today=TODAY)
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".iaterr-tmp")]


def test_an_old_copy_in_a_sub_folder_never_replaces_the_current_page(tmp_path):
    """A copy of a record's previous version in a sub-folder (refused: identifiant-duplique) has the inputs of the
    old site's page: carrying that page over must never replace the page of the record the build keeps (it did,
    through the copy made when a link fails)."""
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, variant(GOOD_SIMPLE, nom="Ancien nom")])
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    path = root / "data/cas-usage/detection-fuites.yaml"
    (root / "data/cas-usage/sous-dossier").mkdir()
    shutil.copy2(path, root / "data/cas-usage/sous-dossier/detection-fuites.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("nom: Ancien nom", "nom: Nouveau nom"), encoding="utf-8")
    for jobs in (1, 2):
        result = build_site(open_repository(root), out, today=TODAY, jobs=jobs)
        assert ("data/cas-usage/sous-dossier/detection-fuites.yaml", 1) in result.skipped
        page = (out / "cas/detection-fuites.html").read_text(encoding="utf-8")
        assert "Nouveau nom" in page and "Ancien nom" not in page, jobs
    cold = tmp_path / "froid"
    build_site(open_repository(root), cold, today=TODAY, use_cache=False)
    assert (cold / "cas/detection-fuites.html").read_bytes() == (out / "cas/detection-fuites.html").read_bytes()


def test_carrying_a_page_over_where_links_fail_never_copies_through_a_link(tmp_path, monkeypatch):
    """Where hard links are not possible, an old page is copied: never through a link planted in the old site
    (it would copy a file from outside into the published site), never over a page already written."""
    from iaterr.base.files import UnsafePath
    from iaterr.publish.site.output import Staging

    secret = tmp_path / "secret.txt"
    secret.write_text("hors du site", encoding="utf-8")
    out = tmp_path / "site"
    (out / "cas").mkdir(parents=True)
    (out / "cas/lien.html").symlink_to(secret)
    (out / "cas/page.html").write_text("ancienne page", encoding="utf-8")

    def no_links(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    staging = Staging(out)
    try:
        with pytest.raises((UnsafePath, OSError)):
            staging.keep("cas/lien.html")
        assert not (staging.path / "cas/lien.html").exists()
        staging.keep("cas/page.html")
        assert (staging.path / "cas/page.html").read_text(encoding="utf-8") == "ancienne page"
        with pytest.raises(FileExistsError):
            staging.keep("cas/page.html")
    finally:
        staging.discard()
