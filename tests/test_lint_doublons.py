"""The duplicates rule (family ``doublons``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iaterr.base.diagnostics import Severity
from iaterr.repo.gitops import GitHistory
from iaterr.lint.rules.doublons import noms_proches, normalise_nom
from iaterr.lint.run import run_lint
from iaterr.repo.config import open_repository
from iaterr.repo.records import render_record
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, TODAY, codes, lint, make_repo, variant

CAS = "data/cas-usage/{}.yaml"


def line_of(root: Path, rel: str, pattern: str) -> int:
    for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return number
    raise AssertionError(f"{pattern!r} not in {rel}")


def found(report):
    return [d for d in report.diagnostics if d.code == "doublon-probable"]


def test_normalise_nom():
    assert normalise_nom("Projet IA : détection des fuites d'eau") == "detection fuites eau"
    assert normalise_nom("Expérimentation de l'IA pour la Détection des Fuites") == "detection fuites"


@pytest.mark.parametrize("a, b", [
    ("Détection des fuites d'eau", "Projet IA : détection des fuites d'eau"),
    ("Détection des fuites d'eau", "Détection de fuites d'eau"),
    ("Détection des fuites", "Détection des fuites d'eau par capteurs acoustiques"),
    ("Callbot encombrants", "Expérimentation callbot des encombrants"),
])
def test_close_names(a, b):
    assert noms_proches(normalise_nom(a), normalise_nom(b))


@pytest.mark.parametrize("a, b", [
    ("Détection des fuites d'eau", "Attribution des places en crèche"),
    ("Callbot", "Callbot des encombrants et du stationnement"),  # one word contained: not enough
    ("Pilotage des stations d'épuration", "Pilotage des feux de circulation"),
])
def test_distinct_names(a, b):
    assert not noms_proches(normalise_nom(a), normalise_nom(b))


def test_close_names_reported_on_the_second_file(tmp_path):
    root = tmp_path / "depot"
    twin = variant(GOOD_SIMPLE, identifiant="fuites-reseau-eau", nom="Projet IA : détection des fuites d'eau",
                   description="Un modèle d'apprentissage repère sur la carte du réseau les secteurs où chercher "
                               "les fuites en priorité, à partir des débits mesurés la nuit.")
    report = lint(root, [GOOD_SIMPLE, twin])
    first, second = sorted([CAS.format("detection-fuites"), CAS.format("fuites-reseau-eau")])
    ds = found(report)
    assert len(ds) == 1, [(d.code, d.file, d.message()) for d in report.diagnostics]
    d = ds[0]
    assert d.severity == Severity.WARNING and d.file == second and d.path == ("nom",)
    assert d.line == line_of(root, second, r"^nom:")
    assert first in d.message()
    assert d.message("en") == f"Probable duplicate of “Détection des fuites d'eau” ({first}): very close names."
    assert d.hint("en") and "{" not in d.hint("fr")


def test_near_identical_descriptions(tmp_path):
    root = tmp_path / "depot"
    twin = variant(GOOD_SIMPLE, identifiant="sectorisation-reseau", nom="Sectorisation du réseau",
                   description=GOOD_SIMPLE["description"].replace("probables", "probables."))
    report = lint(root, [GOOD_SIMPLE, twin])
    d = found(report)[0]
    second = max(CAS.format("detection-fuites"), CAS.format("sectorisation-reseau"))
    assert d.file == second and d.path == ("description",)
    assert d.line == line_of(root, second, r"^description:")
    assert "descriptions presque identiques" in d.message()
    assert d.message("en").endswith(": nearly identical descriptions.")


def test_distinct_projects_are_silent(tmp_path):
    report = lint(tmp_path / "depot", [GOOD_SIMPLE, GOOD_DECISION])
    assert "doublon-probable" not in codes(report)


def test_same_name_in_two_collectivites_is_silent(tmp_path):
    root = tmp_path / "depot"
    other = variant(GOOD_SIMPLE, identifiant="detection-fuites-voisine", collectivite="ville-voisine")
    make_repo(root, [GOOD_SIMPLE, other])
    voisine = variant(COLLECTIVITE, identifiant="ville-voisine", nom="Ville Voisine", siret="21310555400017",
                      site_web="https://www.ville-voisine.fr")
    (root / "data/collectivites/ville-voisine.yaml").write_text(render_record("collectivite", voisine),
                                                                 encoding="utf-8")
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    assert "collectivite-inconnue" not in codes(report)
    assert "doublon-probable" not in codes(report)


def test_real_records_have_no_duplicates():
    main = Path(__file__).resolve().parents[1]
    report = run_lint(open_repository(main), use_cache=False, history=GitHistory(available=True))
    assert "doublon-probable" not in codes(report)
