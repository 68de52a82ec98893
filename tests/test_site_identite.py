"""The register's identity and furniture (issue #14: « no publisher identity (name, logo, colours), no « Mentions
légales », no « Déclaration d'accessibilité », no licence on the open data, no feed or change history, no
sitemap, favicon, 404 page or link to the source repository »)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from browser import browser  # noqa: F401
from iaterr.publish.site import build_site
from iaterr.publish.site.identite import contrast
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo

TODAY = date(2026, 11, 22)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf"
                    "c0f01f0005000201a0d3e2a70000000049454e44ae426082")
CONFIG = """registre:
  url: https://registre.ville-exemple.fr
  editeur: Ville d'Exemple
  adresse: Hôtel de ville, 1 place de la Mairie, 31000 Exemple
  directeur_publication: La maire de la Ville d'Exemple
  hebergeur: GitHub, Inc. (GitHub Pages)
  logo: identite/logo.png
  couleur: "#1a5e20"
  depot: https://github.com/ville-exemple/registre-ia
  contact_accessibilite: accessibilite@ville-exemple.fr
"""


def _repo(tmp_path: Path, config: str = "") -> Path:
    root = make_repo(tmp_path / "depot", [GOOD_DECISION, GOOD_SIMPLE], config=config)
    (root / "identite").mkdir()
    (root / "identite/logo.png").write_bytes(PNG)
    return root


def _text(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).replace("&#39;", "'").split())


def test_without_configuration_the_legal_notice_says_what_to_complete(cli, tmp_path):
    root = _repo(tmp_path)
    result = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output  # said, not a finding
    assert "incomplètes : renseignez registre.adresse, registre.directeur_publication, registre.hebergeur, " \
        "registre.contact_accessibilite" in \
        result.stderr
    notice = _text(tmp_path / "site/mentions-legales.html")
    assert "Éditeur du site Ville d'Exemple" in notice  # the register's one collectivité
    assert "À compléter (clé registre.directeur_publication d'iaterr.yaml)." in notice
    assert "À compléter (clé registre.hebergeur d'iaterr.yaml)." in notice
    assert "ne dépose aucun cookie" in notice


def test_identity_and_furniture_from_iaterr_yaml(cli, tmp_path):
    root = _repo(tmp_path, CONFIG)
    out = tmp_path / "site"
    result = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Mentions légales" not in result.stderr
    notice = _text(out / "mentions-legales.html")
    for fact in ("Ville d'Exemple Hôtel de ville, 1 place de la Mairie, 31000 Exemple",
                 "La maire de la Ville d'Exemple", "GitHub, Inc. (GitHub Pages)", "Licence Ouverte 2.0",
                 "https://github.com/ville-exemple/registre-ia"):
        assert fact in notice, fact
    # colour and logo
    assert "--lien: #1a5e20;" in (out / "assets/registre.css").read_text(encoding="utf-8")
    assert (out / "assets/logo.png").read_bytes() == PNG
    assert '<img class="logo" src="../assets/logo.png" alt=""' in (out / "cas/detection-fuites.html").read_text(
        encoding="utf-8")
    # every page: favicon, licence, legal notice, accessibility, feed, repository
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for piece in ('favicon.svg" type="image/svg+xml"', "Licence Ouverte 2.0</a>", "mentions-legales.html",
                      "accessibilite.html\">Accessibilité : non conforme", "modifications.xml",
                      'href="https://github.com/ville-exemple/registre-ia"'):
            assert piece in text, (page, piece)
    assert (out / "favicon.svg").read_text(encoding="utf-8").startswith("<svg")
    # the licence in the data's metadata
    package = json.loads((out / "donnees/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "etalab-2.0" and package["licenses"][0]["title"] == "Licence Ouverte 2.0"
    assert package["resources"][0]["path"] == "https://registre.ville-exemple.fr/donnees/cas-usage.csv"
    # sitemap, robots, 404
    urls = [e.text for e in ElementTree.parse(out / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://registre.ville-exemple.fr/cas/detection-fuites.html" in urls
    assert "https://registre.ville-exemple.fr/mentions-legales.html" in urls and not any("404" in u for u in urls)
    assert "Sitemap: https://registre.ville-exemple.fr/sitemap.xml" in (out / "robots.txt").read_text()
    assert 'href="https://registre.ville-exemple.fr/"' in (out / "404.html").read_text(encoding="utf-8")


def test_accessibility_statement_in_the_rgaa_form(tmp_path):
    root = _repo(tmp_path, CONFIG)
    build_site(open_repository(root), tmp_path / "site", today=TODAY)
    text = _text(tmp_path / "site/accessibilite.html")
    for piece in ("La Ville d'Exemple s'engage à rendre son site internet accessible conformément à l'article 47 de la "
                  "loi n° 2005-102 du 11 février 2005.", "État de conformité", "est non conforme avec le RGAA 4.1",
                  "Aucun audit de conformité n'a encore été réalisé", "Résultats des tests automatiques",
                  "axe-core", "320 px", "Vérifications manuelles restant à faire", "navigation au clavier seul",
                  "établie le 22 novembre 2026", "accessibilite@ville-exemple.fr", "Voies de recours",
                  "Défenseur des droits"):
        assert piece in text, piece


@pytest.mark.parametrize("couleur", ["#cccccc", "#ffcc00"])
def test_a_colour_without_enough_contrast_is_reported_and_not_used(cli, tmp_path, couleur):
    root = _repo(tmp_path, f'registre:\n  couleur: "{couleur}"\n')
    result = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 1 and f"La couleur {couleur} d'iaterr.yaml n'est pas assez contrastée" in result.stderr
    assert "--lien: #000091;" in (tmp_path / "site/assets/registre.css").read_text(encoding="utf-8")
    assert contrast(couleur) < 4.5 <= contrast("#000091")


def test_a_logo_through_a_link_is_refused(cli, tmp_path):
    root = _repo(tmp_path, "registre:\n  logo: identite/lien.png\n")
    (root / "identite/lien.png").symlink_to(root / "identite/logo.png")
    result = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 1 and "Logo identite/lien.png non repris" in result.stderr
    assert not (tmp_path / "site/assets/logo.png").exists()


def _git(root: Path, *args: str, when: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Agent", GIT_AUTHOR_EMAIL="a@example.org", GIT_COMMITTER_NAME="Agent",
               GIT_COMMITTER_EMAIL="a@example.org", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _first_commit(root: Path) -> None:
    _git(root, "init", "-q", when="2026-01-01T00:00:00+00:00")
    _git(root, "add", "-A", when="2026-01-01T00:00:00+00:00")
    _git(root, "commit", "-q", "-m", "Premières fiches", when="2026-09-14T10:00:00+00:00")


def _remove(root: Path, subject: str) -> None:
    """The reviewer's record deleted on 5 October 2026, with ``subject`` as the commit's reason."""
    _git(root, "rm", "-q", f"data/cas-usage/{GOOD_DECISION['identifiant']}.yaml", when="2026-10-05T09:30:00+00:00")
    _git(root, "commit", "-q", "-m", subject, when="2026-10-05T09:30:00+00:00")


def test_feed_of_changes_and_modified_date_from_git(tmp_path):
    root = _repo(tmp_path, CONFIG)
    _first_commit(root)
    path = root / "data/cas-usage/detection-fuites.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Analyse des débits", "Analyse fine des débits"),
                    encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Description précisée", when="2026-11-03T09:30:00+00:00")
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    assert "Fiche à jour au 1er octobre 2026 (dernière modification le 3 novembre 2026)." in _text(
        out / "cas/detection-fuites.html")
    assert "(dernière modification le 14 septembre 2026)" in _text(out / f"cas/{GOOD_DECISION['identifiant']}.html")
    feed = ElementTree.parse(out / "modifications.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries][:1] == [f"Modification : {GOOD_SIMPLE['nom']}"]
    assert entries[0].find("a:updated", ns).text.startswith("2026-11-03T09:30:00")
    # what changed, from the record's public fields: never the commit's subject (a person's words)
    assert entries[0].find("a:summary", ns).text == "Informations publiées modifiées : « Description du service »."
    assert entries[0].find("a:link", ns).get("href") == "https://registre.ville-exemple.fr/cas/detection-fuites.html"
    assert {e.find("a:title", ns).text.split(" : ")[0] for e in entries[1:]} == {"Ajout"}


def test_the_new_pages_have_no_axe_violation(browser, tmp_path):  # noqa: F811
    from browser import axe_violations, describe, open_page

    root = _repo(tmp_path, CONFIG)
    out = tmp_path / "site"
    build_site(open_repository(root), out, today=TODAY)
    failures = []
    for name in ("mentions-legales.html", "accessibilite.html", "404.html", "index.html"):
        open_page(browser, out / name)
        violations = axe_violations(browser)
        if violations:
            failures.append(describe(violations, name))
    assert not failures, "\n".join(failures)


def test_collectivite_logo_is_never_loaded_from_outside(tmp_path):
    """The collectivité's record has a logo address: the site never loads it (nothing comes from outside)."""
    root = _repo(tmp_path)
    build_site(open_repository(root), tmp_path / "site", today=TODAY)
    assert COLLECTIVITE["logo"] not in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_the_feed_and_removal_pages_never_publish_a_restricted_value_a_commit_subject_quotes(tmp_path):
    """Commit subjects are a person's words: « Algorithme Hydro Secret retenu » would publish a restricted value. The
    feed says which published fields changed; a removal's reason that quotes a restricted value is not shown."""
    root = _repo(tmp_path, CONFIG)
    _first_commit(root)
    path = root / "data/cas-usage/detection-fuites.yaml"
    text = path.read_text(encoding="utf-8")
    assert "Priorisation des secteurs de recherche de fuites" in text
    path.write_text(text.replace("Priorisation des secteurs de recherche de fuites", "Hydro Secret 45000"),
                    encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Algorithme Hydro Secret 45000 retenu", when="2026-10-03T09:30:00+00:00")
    _remove(root, "Retrait : le SCORE D'ATTRIBUTION DES PLACES EN CRÈCHE est abandonné")
    out = tmp_path / "site"
    result = build_site(open_repository(root), out, today=TODAY)
    assert not result.skipped, result.skipped
    texts = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*")
             if p.suffix in (".html", ".xml", ".json", ".csv", ".js")}
    for rel, text in texts.items():
        for secret in ("45000", "Hydro Secret", "SCORE D'ATTRIBUTION", "Score d'attribution", "score d&#39;attribution",
                       "SCORE D&#39;ATTRIBUTION"):
            assert secret not in text, (rel, secret)
    feed = ElementTree.parse(out / "modifications.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = [(e.find("a:title", ns).text, e.find("a:summary", ns).text) for e in feed.findall("a:entry", ns)]
    # the change of a restricted value alone is not announced (nothing a reader can see changed)
    assert [t for t, _s in entries if t.startswith("Modification")] == [], entries
    assert len({e.find("a:id", ns).text for e in feed.findall("a:entry", ns)}) == len(entries)
    removed = _text(out / f"cas/{GOOD_DECISION['identifiant']}.html")
    assert "Le motif indiqué lors du retrait n'est pas reproduit" in removed


def test_in_a_public_repository_a_removal_reason_is_never_published(tmp_path):
    """A public repository's restricted values live in its store, not in git: the subject of the commit that
    removed a record cannot be checked against them, so it is not published, and the page says why (it does
    not claim that the reason quotes anything)."""
    from iaterr.model import CasUsage
    from iaterr.model.visibility import restricted_paths

    records = []
    for record in (GOOD_DECISION, GOOD_SIMPLE):
        record = dict(record)
        for path, _value in restricted_paths(CasUsage, record):
            record.pop(path[0], None)
        records.append(record)
    root = make_repo(tmp_path / "depot", records, config="public: true\n")
    _first_commit(root)
    _remove(root, "Retrait : le prestataire Zorglub-Omega est parti")
    out = tmp_path / "site"
    result = build_site(open_repository(root), out, today=TODAY)
    assert not result.skipped, result.skipped
    page = _text(out / f"cas/{GOOD_DECISION['identifiant']}.html")
    assert "Zorglub" not in page and "Zorglub" not in (out / "modifications.xml").read_text(encoding="utf-8")
    assert "rien ne permet de vérifier que ce motif n'en cite aucune" in page
    assert "il cite une information" not in page
