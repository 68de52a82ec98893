"""Every use-case page of the register says where and how to send a request, and the build reports (exit 1)
each page that cannot (issue #14: « Vos droits » held only the CADA sentence on 29 of 30 pages of data/)."""

from __future__ import annotations

import html
import re
import shutil
from datetime import date
from pathlib import Path

import yaml

from conftest import ROOT
from iaterr.publish.site import build_site
from iaterr.repo.config import open_repository
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, make_repo, variant

TODAY = date(2026, 11, 22)
#: the deadlines and the CADA step, each with its article (from iaterr.model.droit)
DEADLINES = ("Sans réponse dans le délai d'un mois à compter de la réception de votre demande, celle-ci est "
             "réputée refusée (CRPA, art. R311-12 et R311-13).",
             "vous disposez de deux mois pour saisir la Commission d'accès aux documents administratifs",
             "(CRPA, art. R343-1)",
             "La saisine de la CADA est obligatoire avant tout recours devant le tribunal administratif "
             "(CRPA, art. L342-1).")


def _text(path: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())


def _rights(page: str) -> str:
    return page[page.index("Vos droits Communication des règles"):]


def _copy_data(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "iaterr.yaml", dest / "iaterr.yaml")
    shutil.copytree(ROOT / "data", dest / "data")
    return dest


def test_the_build_reports_every_page_of_the_real_data_that_gives_no_way_to_send_a_request(cli, tmp_path):
    """No collectivité of data/ declares an address for requests yet: every page is a finding, named."""
    root = _copy_data(tmp_path / "depot")
    cases = sorted(p.stem for p in (root / "data/cas-usage").glob("*.yaml"))
    result = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 1, result.output
    # one line per page, or per collectivité when several of its pages lack a channel (its pages named)
    by_coll: dict[str, list[str]] = {}
    for path in sorted((root / "data/cas-usage").glob("*.yaml")):
        coll = yaml.safe_load(path.read_text(encoding="utf-8"))["collectivite"]
        by_coll.setdefault(coll, []).append(path.stem)
    lines = [line for line in result.stderr.splitlines() if "où adresser une demande" in line]
    assert len(lines) == len(by_coll), lines
    for coll, idents in by_coll.items():
        if len(idents) == 1:
            assert f"cas/{idents[0]}.html ne dit pas où adresser une demande" in result.stderr, idents
        else:
            line = next(line for line in lines if f"de la collectivité {coll} ne disent pas" in line)
            assert line.startswith(f"{len(idents)} pages de cas d'usage"), line
            assert all(f"cas/{ident}.html" in line for ident in idents), (line, idents)
    for ident in cases:
        page = _text(tmp_path / "site" / "cas" / f"{ident}.html")
        assert "Faire une demande ⚠ Cette fiche n'indique pas encore où adresser une demande" in page
        rights = _rights(page)
        assert "Où adresser une demande (adresse électronique, formulaire en ligne ou adresse postale)" in rights
        for sentence in DEADLINES:
            assert sentence in rights, (ident, sentence)
    assert result.stderr.count("ne dit pas où adresser une demande") == sum(len(i) == 1 for i in by_coll.values())
    assert "Renseignez contact_droits, formulaire_demandes ou adresse_postale" in result.stderr
    assert "(CRPA, art. L311-1)" in result.stderr and "(CRPA, art. R311-3-1-1)" in result.stderr
    english = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"), "--lang", "en")
    assert english.exit_code == 1 and "does not say where to send a request" in english.stderr


def test_a_collectivite_address_reaches_every_page_of_the_real_data(cli, tmp_path):
    """The collectivité's fields are the fallback of each of its use cases: once Metz declares a postal address,
    its page says where to write, and Metz's use case is no longer reported."""
    root = _copy_data(tmp_path / "depot")
    path = root / "data/collectivites/metz.yaml"
    text = path.read_text(encoding="utf-8").replace('version_schema: "1.0"', 'version_schema: "1.1"')
    path.write_text(text + "adresse_postale: Hôtel de ville, 1 place d'Armes, "
                    "57000 Metz\nprada: Direction des affaires juridiques\n", encoding="utf-8")
    result = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 1  # the other collectivités still give none
    assert "cas/metz-vipare.html" not in result.stderr
    page = _text(tmp_path / "site/cas/metz-vipare.html")
    assert "Faire une demande Adressez votre demande à la Ville de Metz : par courrier : Hôtel de " \
           "ville, 1 place d'Armes, 57000 Metz" in page
    rights = _rights(page)
    assert "par courrier : Hôtel de ville, 1 place d'Armes, 57000 Metz" in rights
    assert "(PRADA) traite ces demandes : Direction des affaires juridiques." in rights
    coll = _text(tmp_path / "site/collectivites/metz.html")
    assert "Adresse postale Hôtel de ville, 1 place d'Armes, 57000 Metz" in coll
    assert "(PRADA) Direction des affaires juridiques" in coll and "n'indique pas encore" not in coll


def test_the_use_case_address_comes_first_and_the_collectivite_gives_the_rest(cli, tmp_path):
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "contact_droits"}
    coll.update(formulaire_demandes="https://www.ville-exemple.fr/demandes",
                adresse_postale="Hôtel de ville, 31000 Exemple", prada="Service juridique")
    own = variant(GOOD_DECISION, contact_droits="creches@ville-exemple.fr")
    other = variant(GOOD_SIMPLE, drop=("contact_droits",))
    root = make_repo(tmp_path / "depot", [own, other], collectivite=coll)
    result = build_site(open_repository(root), tmp_path / "site", today=TODAY)
    assert result.no_channel == []
    first = _text(tmp_path / f"site/cas/{own['identifiant']}.html")
    second = _text(tmp_path / f"site/cas/{other['identifiant']}.html")
    assert "par courriel : creches@ville-exemple.fr" in first
    assert "creches@ville-exemple.fr" not in second and "par courriel" not in _rights(second)
    for page in (first, second):
        rights = _rights(page)
        assert "par le formulaire en ligne : https://www.ville-exemple.fr/demandes" in rights
        assert "par courrier : Hôtel de ville, 31000 Exemple" in rights
        assert "(PRADA) traite ces demandes : Service juridique." in rights
        for sentence in DEADLINES:
            assert sentence in rights
        assert "⚠" not in page[:page.index("Vos droits Communication des règles")].split("Faire une demande")[1][:200]
    # the DPO and the generic contact are not where a request for documents goes
    assert COLLECTIVITE["contact"] not in _rights(second) and "dpo@" not in _rights(second).split("RGPD")[0]
    # the command says nothing of channels then, and succeeds
    done = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site2"))
    assert done.exit_code == 0 and "adresser une demande" not in done.stderr, done.output


def test_a_page_left_unchanged_is_still_reported(cli, tmp_path):
    """The finding comes from the records, not from the pages written: a rebuild that writes nothing says it
    again."""
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "contact_droits"}
    root = make_repo(tmp_path / "depot", [variant(GOOD_SIMPLE, drop=("contact_droits",))], collectivite=coll)
    out = tmp_path / "site"
    first = cli("register", "build", "--repo", str(root), "--out", str(out))
    again = cli("register", "build", "--repo", str(root), "--out", str(out))
    assert first.exit_code == again.exit_code == 1
    assert "0 fichier(s) écrit(s)" in again.stderr
    assert f"cas/{GOOD_SIMPLE['identifiant']}.html ne dit pas où adresser une demande" in again.stderr


def test_many_pages_of_one_collectivite_without_channel_are_one_line(cli, tmp_path):
    """At the scale of a whole library, a line per page would be thousands: several pages of one collectivité
    lacking a channel are said once, the first pages named, the rest counted (French and English)."""
    coll = {k: v for k, v in COLLECTIVITE.items() if k != "contact_droits"}
    records = [variant(GOOD_SIMPLE, drop=("contact_droits",), identifiant=f"{GOOD_SIMPLE['identifiant']}-{n}")
               for n in range(7)]
    root = make_repo(tmp_path / "depot", records, collectivite=coll)
    result = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if "adresser une demande" in line]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"7 pages de cas d'usage de la collectivité {coll['identifiant']} ne disent pas")
    named = sorted(r["identifiant"] for r in records)[:5]
    assert f"({', '.join(f'cas/{i}.html' for i in named)} et 2 autre(s))." in lines[0], lines[0]
    assert "Renseignez contact_droits, formulaire_demandes ou adresse_postale" in result.stderr
    english = cli("register", "build", "--repo", str(root), "--out", str(tmp_path / "site"), "--lang", "en")
    assert english.exit_code == 1
    assert f"7 use-case pages of the local authority {coll['identifiant']} do not say where" in english.stderr
    assert "and 2 more)." in english.stderr
