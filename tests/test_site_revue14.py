"""What a fresh-eyes review of the register found (issue #14, second review): each test reproduces one problem
seen in a built site, then checks it is gone."""

from __future__ import annotations

import html
import os
import re
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from iaterr.publish.francais import date_range
from iaterr.publish.site import build_site
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo, variant

TODAY = date(2026, 11, 22)
SIMPLE = GOOD_SIMPLE["identifiant"]
DECISION = GOOD_DECISION["identifiant"]


def _text(path: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())


def _section(path: Path, ident: str) -> list[str]:
    """The lines of a page's section, tags removed (inline tags leave no space)."""
    page = path.read_text(encoding="utf-8")
    body = page.split(f'<section aria-labelledby="{ident}">', 1)[1].split("</section>", 1)[0]
    lines = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", line)).split()) for line in body.splitlines()]
    return [line for line in lines if line]


def _build(root: Path, out: Path, **kwargs) -> object:
    return build_site(open_repository(root), out, today=TODAY, **kwargs)


# ---------------------------------------------------------------- 1. status periods and date ranges


FINISHED = variant(GOOD_SIMPLE, statut="termine", date_debut="2019-11", date_fin="2021-03", dates_cles=[
    {"date": "2005", "fin": "2010", "evenement": "Première version"},
    {"date": "2025-10-09", "fin": "2025-10-10", "evenement": "Atelier"},
    {"date": "2024-02", "fin": "2025-02", "evenement": "Marché"},
    {"date": "2024-04", "fin": "2024-08", "evenement": "Essai"},
    {"date": "2025-09-30", "fin": "2025-10-01", "evenement": "Bascule"},
])


@pytest.mark.parametrize(("start", "end", "fr", "en"), [
    ("2005", "2010", "de 2005 à 2010", "from 2005 to 2010"),
    ("2025-10-09", "2025-10-10", "du 9 au 10 octobre 2025", "from 9 to 10 October 2025"),
    ("2025-09-30", "2025-10-01", "du 30 septembre au 1er octobre 2025", "from 30 September to 1 October 2025"),
    ("2024-12-31", "2025-01-02", "du 31 décembre 2024 au 2 janvier 2025", "from 31 December 2024 to 2 January 2025"),
    ("2024-02", "2025-02", "de février 2024 à février 2025", "from February 2024 to February 2025"),
    ("2024-04", "2024-08", "d'avril à août 2024", "from April to August 2024"),
    ("2024", "2025-03-01", "de 2024 au 1er mars 2025", "from 2024 to 1 March 2025"),
    ("2024-10-09", "2025", "du 9 octobre 2024 à 2025", "from 9 October 2024 to 2025"),
])
def test_date_ranges_are_written_in_correct_french_and_english(start, end, fr, en):
    assert date_range(start, end, "fr") == fr
    assert date_range(start, end, "en") == en


def test_a_finished_project_does_not_read_as_finished_since_its_start(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [FINISHED])
    out = tmp_path / "site"
    _build(root, out)
    page = _text(out / f"cas/{SIMPLE}.html")
    assert "depuis" not in page, page
    assert "Statut Terminé, de novembre 2019 à mars 2021" in page
    assert "Terminé, de novembre 2019 à mars 2021" in page.split("Statut", 2)[2]  # the notice's section too
    assert _section(out / f"cas/{SIMPLE}.html", "s-dates")[1:] == [
        "de 2005 à 2010 : Première version", "du 9 au 10 octobre 2025 : Atelier",
        "de février 2024 à février 2025 : Marché", "d'avril à août 2024 : Essai",
        "du 30 septembre au 1er octobre 2025 : Bascule"]
    notice = cli("notice", SIMPLE, "--repo", str(root), "--format", "md")
    assert "Terminé, de novembre 2019 à mars 2021" in notice.stdout and "depuis" not in notice.stdout
    html_notice = cli("notice", SIMPLE, "--repo", str(root), "--format", "html")
    assert "Terminé, de novembre 2019 à mars 2021" in html.unescape(html_notice.stdout)


def test_english_pages_put_no_space_before_a_colon(tmp_path):
    root = make_repo(tmp_path / "depot", [FINISHED])
    out = tmp_path / "site"
    _build(root, out, lang="en")
    page = _text(out / f"cas/{SIMPLE}.html")
    assert _section(out / f"cas/{SIMPLE}.html", "s-dates")[1:] == [
        "from 2005 to 2010: Première version", "from 9 to 10 October 2025: Atelier",
        "from February 2024 to February 2025: Marché", "from April to August 2024: Essai",
        "from 30 September to 1 October 2025: Bascule"]
    assert "Completed, from November 2019 to March 2021" in page


@pytest.mark.parametrize(("statut", "debut", "fin", "fr", "en"), [
    ("termine", "2019-11", None, "Terminé, commencé en novembre 2019", "Completed, started in November 2019"),
    ("termine", None, "2021-03-15", "Terminé le 15 mars 2021", "Completed on 15 March 2021"),
    ("abandonne", "2019", "2020", "Abandonné, de 2019 à 2020", "Abandoned, from 2019 to 2020"),
    ("en_deploiement", "2024-09", None, "En déploiement, depuis septembre 2024", "Deployed, since September 2024"),
    ("en_experimentation", "2025-01", "2027-06", "En expérimentation, depuis janvier 2025, jusqu'en juin 2027",
     "Pilot, since January 2025, until June 2027"),
    ("en_construction", "2027-03", None, "En construction, à partir de mars 2027",
     "Being built, from March 2027"),
    ("en_construction", "2027-03-01", None, "En construction, à partir du 1er mars 2027",
     "Being built, from 1 March 2027"),
])
def test_the_status_says_what_its_dates_mean(tmp_path, statut, debut, fin, fr, en):
    dates = {k: v for k, v in (("date_debut", debut), ("date_fin", fin)) if v}
    record = variant(GOOD_SIMPLE, drop=("date_debut", "date_fin"), statut=statut, **dates)
    root = make_repo(tmp_path / "depot", [record])
    for lang, expected in (("fr", fr), ("en", en)):
        out = tmp_path / f"site-{lang}"
        _build(root, out, lang=lang)
        assert expected in _text(out / f"cas/{SIMPLE}.html"), (lang, expected)


# ---------------------------------------------------------------- 2. no DPO the notice does not name


@pytest.mark.parametrize("channel", [True, False])
def test_the_notice_never_sends_to_a_dpo_it_does_not_name(cli, tmp_path, channel):
    coll = variant(COLLECTIVITE, drop=("contact_dpo",) + (() if channel else ("contact_droits",)))
    record = variant(GOOD_DECISION, drop=() if channel else ("contact_droits",))
    root = make_repo(tmp_path / "depot", [record], collectivite=coll)
    out = tmp_path / "site"
    _build(root, out)
    page = _text(out / f"cas/{DECISION}.html")
    notice = cli("notice", DECISION, "--repo", str(root), "--format", "md").stdout
    english = _build(root, tmp_path / "site-en", lang="en") and _text(tmp_path / f"site-en/cas/{DECISION}.html")
    for text in (page, notice):
        assert "Élément manquant" in text and "Délégué à la protection des données" in text  # said missing…
        assert "délégué à la protection des données indiqué ci-dessus" not in text  # …and not pointed to
        said = "Pour exercer ces droits, adressez-vous à la Ville d'Exemple, responsable du traitement"
        assert said in " ".join(text.split()), text
        assert ("par l'un des moyens indiqués ci-dessus" in " ".join(text.split())) is channel
    assert "data protection officer given above" not in english
    # (the name is marked French: its tag leaves a space before the comma here)
    assert "To exercise these rights, contact Ville d'Exemple, the controller" in english.replace(" ,", ",")


def test_a_named_dpo_is_still_where_data_requests_go(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_DECISION])
    notice = cli("notice", DECISION, "--repo", str(root), "--format", "md").stdout
    assert "adressez-vous au délégué à la protection des données indiqué ci-dessus" in " ".join(notice.split())


# ---------------------------------------------------------------- 3. the 404 page at any address


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.refs += [v for k, v in attrs if k in ("href", "src") and v]


@pytest.mark.parametrize("url", [None, "https://registre.ville-exemple.fr/ia"])
def test_the_404_page_works_at_any_nested_address(tmp_path, url):
    """A host serves 404.html for /cas/ancienne-fiche.html: its style, logo and menu must still resolve."""
    config = f"registre:\n  url: {url}\n" if url else ""
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE], config=config)
    out = tmp_path / "site"
    _build(root, out, langs=["fr", "en"])
    site = (url or "https://hote.example") + "/"
    for page in ("404.html", "en/404.html"):
        parser = _Refs()
        parser.feed((out / page).read_text(encoding="utf-8"))
        local = 0
        for address in ("cas/ancienne-fiche.html", "a/b/c/d.html", "en/cas/x.html", ""):
            for ref in parser.refs:
                target = urljoin(site + address, ref)
                if ref.startswith(("#", "mailto:")) or not target.startswith(site):
                    continue  # a fragment, or an address outside the site (licence)
                path = urlsplit(target).path[len(urlsplit(site).path):]
                path += "index.html" if path.endswith("/") or not path else ""
                assert (out / path).is_file(), (page, address, ref, target)
                local += 1
        assert local > 4 * 10, parser.refs  # stylesheet, favicon, menu, footer, downloads
        assert any(r.endswith("assets/registre.css") for r in parser.refs)


# ---------------------------------------------------------------- 4. the feed announces published pages only


def _git(root: Path, *args: str, when: str = "2026-10-05T10:00:00+00:00") -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Agent", GIT_AUTHOR_EMAIL="agent@example.org", GIT_COMMITTER_NAME="Agent",
               GIT_COMMITTER_EMAIL="agent@example.org", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_the_feed_never_announces_a_record_that_is_not_published(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE], config="registre:\n  url: https://registre.example.fr\n")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Première fiche", when="2026-09-14T10:00:00+00:00")
    invalid = variant(GOOD_DECISION, identifiant="fiche-invalide", nom="Fiche jamais publiée", statut="pas-un-statut")
    make_repo(root, [invalid])
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Fiche à compléter", when="2026-11-03T09:30:00+00:00")
    out = tmp_path / "site"
    result = _build(root, out)
    assert ("data/cas-usage/fiche-invalide.yaml", 1) in [(rel, min(n, 1)) for rel, n in result.skipped]
    assert not (out / "cas/fiche-invalide.html").exists()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ElementTree.parse(out / "modifications.xml").getroot().findall("a:entry", ns)
    assert entries, "the published record's addition is announced"
    for entry in entries:
        href = entry.find("a:link", ns).get("href")
        assert (out / href.removeprefix("https://registre.example.fr/")).is_file(), href
    assert "fiche-invalide" not in (out / "modifications.xml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- 5. a forged marker deletes nothing


@pytest.mark.parametrize("marker", ["{}", '{"iaterr": "0.1.0", "langue": "fr", "pages": ["thesis.docx"]}'])
def test_a_forged_marker_gets_no_unrelated_file_deleted(cli, tmp_path, marker):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    fake = tmp_path / "out/fake"
    fake.mkdir(parents=True)
    (fake / "thesis.docx").write_bytes(b"four years of work")
    (fake / ".iaterr-site.json").write_text(marker, encoding="utf-8")
    result = cli("register", "build", "--repo", str(root), "--out", str(fake))
    assert result.exit_code == 2, result.output
    assert "thesis.docx" in result.stderr and "Traceback" not in result.output
    assert (fake / "thesis.docx").read_bytes() == b"four years of work"
    assert sorted(p.name for p in fake.iterdir()) == [".iaterr-site.json", "thesis.docx"]


def test_a_register_iaterr_built_is_rebuilt_and_a_file_added_by_hand_is_kept(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    out = tmp_path / "site"
    assert cli("register", "build", "--repo", str(root), "--out", str(out)).exit_code == 0
    again = cli("register", "build", "--repo", str(root), "--out", str(out), "--no-cache")
    assert again.exit_code == 0, again.output  # what a build wrote there is known, whatever the marker says
    (out / ".iaterr-site.json").write_text("{}", encoding="utf-8")
    third = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert third.exit_code == 0, third.output
    (out / "cas/notes.html").write_text("mes notes", encoding="utf-8")
    refused = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert refused.exit_code == 2 and "cas/notes.html" in refused.stderr, refused.output
    assert (out / "cas/notes.html").read_text(encoding="utf-8") == "mes notes"
    (out / "cas/notes.html").unlink()
    assert cli("register", "build", "--repo", str(root), "--out", str(out)).exit_code == 0


# ---------------------------------------------------------------- 6. settings, search, collectivité, wording


def test_every_missing_legal_setting_is_reported_and_none_is_made_up(cli, tmp_path):
    coll = variant(COLLECTIVITE, identifiant="ville-exemple")
    other = variant(COLLECTIVITE, identifiant="autre-ville", nom="Autre Ville")
    make_repo(tmp_path / "depot", [], collectivite=other)
    # two collectivités: no publisher to assume
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE], collectivite=coll,
                     config='nom: "Registre des usages de l\'IA de la région"\n')
    out = tmp_path / "site"
    result = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    for key in ("registre.editeur", "registre.adresse", "registre.directeur_publication", "registre.hebergeur",
                "registre.contact_accessibilite"):
        assert key in said, key
    notice = _text(out / "mentions-legales.html")
    assert "À compléter (clé registre.adresse d'iaterr.yaml)." in notice
    assert "À compléter (clé registre.editeur d'iaterr.yaml)." in notice
    statement = _text(out / "accessibilite.html")
    assert "Registre des usages de l'IA de la région s'engage" not in statement  # the register is no publisher
    assert "clé registre.editeur d'iaterr.yaml" in statement
    assert "À compléter (clé registre.contact_accessibilite d'iaterr.yaml)." in statement
    complete = ("registre:\n  editeur: Région Exemple\n  adresse: 1 rue Haute\n  directeur_publication: La présidente\n"
                "  hebergeur: GitHub\n  contact_accessibilite: a11y@region.example\n")
    (root / "iaterr.yaml").write_text('version_schema: "1.0"\n' + complete, encoding="utf-8")
    again = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert again.exit_code == 0 and "incomplètes" not in again.stderr, again.output
    assert "La Région Exemple s'engage" in _text(out / "accessibilite.html")


def test_the_search_covers_public_fields_only_and_the_docs_say_which():
    from iaterr.model import CasUsage
    from iaterr.model.visibility import shown_fields
    from iaterr.publish.site.recherche import SEARCHED

    public = shown_fields(CasUsage)
    assert [name for name in SEARCHED if name not in public] == []
    docs = " ".join((Path(__file__).resolve().parents[1] / "docs/registre.md").read_text(encoding="utf-8").split())
    said = docs.split("**Recherche** sur ", 1)[1].split(";", 1)[0]
    assert "algorithme" not in said, said
    words = {"nom": "le nom", "resume": "le résumé", "description": "la description", "finalite": "la finalité",
             "contexte": "le contexte", "inspirations": "les inspirations"}
    assert [words[name] for name in SEARCHED if words[name] not in said] == [], said


def test_the_collectivite_page_says_what_its_table_shows_and_names_its_dpo(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE, GOOD_DECISION])
    out = tmp_path / "site"
    _build(root, out)
    page = out / "collectivites/ville-exemple.html"
    text = page.read_text(encoding="utf-8")
    caption = html.unescape(re.search(r"<caption>(.*?)</caption>", text).group(1))
    headers = [html.unescape(h) for h in re.findall(r'<th scope="col">(.*?)</th>', text)]
    assert "Collectivité" not in headers and "collectivité" not in caption, caption
    assert caption == ("Cas d'usage de la Ville d'Exemple (2) : nom, thème, statut, types d'algorithme et niveau "
                       "de risque"), caption
    assert "Délégué à la protection des données dpo@ville-exemple.fr" in _text(page)
    assert '<a href="mailto:dpo@ville-exemple.fr">' in text
    _build(root, tmp_path / "site-en", lang="en")
    english = (tmp_path / "site-en/collectivites/ville-exemple.html").read_text(encoding="utf-8")
    assert "Data protection officer" in english
    assert "local authority" not in html.unescape(re.search(r"<caption>(.*?)</caption>", english).group(1))


def test_a_withdrawn_record_page_keeps_the_collectivite_and_its_request_channels(tmp_path):
    coll = variant(COLLECTIVITE, contact_droits="acces@ville-exemple.fr",
                   formulaire_demandes="https://www.ville-exemple.fr/demandes",
                   adresse_postale="Hôtel de ville, 1 place de la Mairie, 31000 Exemple")
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE, GOOD_DECISION], collectivite=coll)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Premières fiches", when="2026-09-14T10:00:00+00:00")
    _git(root, "rm", "-q", f"data/cas-usage/{SIMPLE}.yaml")
    _git(root, "commit", "-q", "-m", "Projet arrêté", when="2026-11-03T09:30:00+00:00")
    out = tmp_path / "site"
    _build(root, out)
    page = out / f"cas/{SIMPLE}.html"
    text, raw = _text(page), page.read_text(encoding="utf-8")
    assert "Fiche retirée du registre" in text and "Projet arrêté" in text
    assert 'href="../collectivites/ville-exemple.html"' in raw
    assert "adressez-vous à la Ville d'Exemple" in text
    for channel in ('href="mailto:acces@ville-exemple.fr"', 'href="https://www.ville-exemple.fr/demandes"',
                    "Hôtel de ville, 1 place de la Mairie, 31000 Exemple"):
        assert channel in raw, channel


def test_one_plain_sentence_dates_a_record_and_figure_tables_name_their_first_column(tmp_path):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE, GOOD_DECISION])
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Premières fiches", when="2026-11-03T09:30:00+00:00")
    out = tmp_path / "site"
    _build(root, out)
    text = _text(out / f"cas/{SIMPLE}.html")
    assert "historique git" not in text and "Fiche modifiée" not in text, text  # one date sentence, no jargon
    assert "Fiche à jour au 1er octobre 2026 (dernière modification le 3 novembre 2026)." in text
    headers = re.findall(r'<thead><tr><th scope="col">(.*?)</th>', (out / "chiffres.html").read_text(encoding="utf-8"))
    assert [html.unescape(h) for h in headers] == ["Thème", "Statut", "Type de collectivité", "Niveau de risque"]
    _build(root, tmp_path / "site-en", lang="en")
    english = _text(tmp_path / f"site-en/cas/{SIMPLE}.html")
    assert "Record up to date as of 1 October 2026 (last changed on 3 November 2026)." in english
    headers = re.findall(r'<thead><tr><th scope="col">(.*?)</th>', (tmp_path / "site-en/chiffres.html").read_text(
        encoding="utf-8"))
    assert headers == ["Theme", "Status", "Type of local authority", "Risk tier"]
    # without a date of its own, the record is dated by its last change only
    (root / f"data/cas-usage/{SIMPLE}.yaml").write_text(re.sub(
        r"(?m)^date_mise_a_jour: .*\n", "", (root / f"data/cas-usage/{SIMPLE}.yaml").read_text(encoding="utf-8")),
        encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Sans date", when="2026-11-05T09:30:00+00:00")
    _build(root, out)
    assert "Fiche modifiée le 5 novembre 2026." in _text(out / f"cas/{SIMPLE}.html")
