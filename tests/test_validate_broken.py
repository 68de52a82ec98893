"""One broken file per problem: each is reported at its place, with a clear
message, exit code 1, and never a traceback."""

from __future__ import annotations

import json

import pytest

from conftest import BROKEN
from iaterr.repo.yamlio import read_document

# file → (code, line, column, words the French message must contain)
EXPECTED = {
    "cas-usage/yaml-syntaxe.yaml": ("yaml-syntaxe", 5, 12, "deux-points"),
    "cas-usage/yaml-cle-dupliquee.yaml": ("yaml-cle-dupliquee", 14, 1, "ligne 5"),
    "cas-usage/yaml-tabulation.yaml": ("yaml-tabulation", 11, 1, "Tabulation"),
    "cas-usage/encodage.yaml": ("encodage", 8, 32, "UTF-8"),
    "cas-usage/bom.yaml": ("bom", 1, 1, "BOM"),
    "cas-usage/fichier-vide.yaml": ("fichier-vide", 1, 1, "vide"),
    "cas-usage/yaml-racine.yaml": ("yaml-racine", 2, 1, "une liste"),
    "cas-usage/yaml-plusieurs-documents.yaml": ("yaml-plusieurs-documents", 15, 1, "plusieurs documents"),
    "cas-usage/yaml-etiquette.yaml": ("yaml-etiquette", 5, 6, "!!python/object/apply:os.system"),
    "cas-usage/champ-manquant.yaml": ("champ-manquant", 1, 1, "theme"),
    "cas-usage/cle-inconnue.yaml": ("cle-inconnue", 6, 1, "satut"),
    "cas-usage/type-invalide.yaml": ("type-invalide", 10, 14, "une liste"),
    "cas-usage/valeur-inconnue.yaml": ("valeur-inconnue", 6, 9, "en_cours"),
    "cas-usage/doublon.yaml": ("identifiant-duplique", 3, 14, "base-valide"),
    "cas-usage/identifiant-nom-fichier.yaml": ("identifiant-nom-fichier", 3, 14, "autre-nom"),
    "cas-usage/collectivite-inconnue.yaml": ("collectivite-inconnue", 4, 15, "ville-exempel"),
    "cas-usage/dates-ordre.yaml": ("dates-ordre", 8, 11, "2023-12"),
    "cas-usage/url-invalide.yaml": ("url-invalide", 12, 19, "accès interne uniquement"),
    "cas-usage/email-invalide.yaml": ("email-invalide", 13, 10, "« contact »"),
    "cas-usage/date-invalide.yaml": ("date-invalide", 7, 13, "05/2024"),
    "cas-usage/booleen-invalide.yaml": ("booleen-invalide", 14, 26, "yes"),
    "cas-usage/version-schema.yaml": ("version-schema", 2, 17, "9.9"),
    "collectivites/siret-format.yaml": ("siret-format", 5, 8, "14 chiffres"),
    "collectivites/siret-cle.yaml": ("siret-cle", 5, 8, "clé de contrôle"),
}

HINTS = {
    "cas-usage/cle-inconnue.yaml": "Vouliez-vous dire « statut » ?",
    "cas-usage/collectivite-inconnue.yaml": "« ville-exemple »",
    "cas-usage/date-invalide.yaml": "« 2024-05 »",
    "collectivites/siret-format.yaml": "12345678900017",
    "cas-usage/encodage.yaml": "Windows-1252",
}


def test_every_broken_file_is_covered():
    files = {p.relative_to(BROKEN / "data").as_posix() for p in (BROKEN / "data").rglob("*.yaml")}
    valid = {"cas-usage/base-valide.yaml", "cas-usage/yaml-1-1.yaml", "collectivites/ville-exemple.yaml"}
    assert files == set(EXPECTED) | valid


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reported_at_its_place(cli, name):
    code, line, column, words = EXPECTED[name]
    path = BROKEN / "data" / name
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", "--format", "json", str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    payload = json.loads(result.stdout)
    assert payload["valide"] is False
    found = [d for d in payload["diagnostics"] if d["code"] == code]
    assert found, payload["diagnostics"]
    d = found[0]
    assert (d["fichier"], d["ligne"], d["colonne"]) == (f"data/{name}", line, column)
    assert d["severite"] == "erreur"
    assert words in d["message"]
    if name in HINTS:
        assert HINTS[name] in (d["aide"] or "")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_text_output(cli, name):
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", str(BROKEN / "data" / name))
    assert result.exit_code == 1
    code, line, column, _ = EXPECTED[name]
    assert f"data/{name}" in result.stdout
    assert f"{line}:{column}" in result.stdout and f"[{code}]" in result.stdout
    assert "Traceback" not in result.output


def test_whole_broken_repository_reports_everything_in_one_run(cli):
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", "--format", "json")
    assert result.exit_code == 1
    codes = {(d["fichier"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    for name, (code, *_rest) in EXPECTED.items():
        assert (f"data/{name}", code) in codes


def test_yaml_1_1_surprises_do_not_change_values(cli):
    path = BROKEN / "data/cas-usage/yaml-1-1.yaml"
    doc = read_document(path.read_bytes(), "x.yaml")
    assert doc.data["nom"] == "no"
    assert doc.data["date_debut"] == "2024-01"
    assert doc.data["partenaires"] == ["on", "0123", "1_000", "12:30"]
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", "--strict", str(path))
    assert result.exit_code == 0, result.output


def test_english_messages(cli):
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", "--format", "json", "--lang", "en",
                 str(BROKEN / "data/cas-usage/cle-inconnue.yaml"))
    d = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "cle-inconnue"][0]
    assert d["message"] == "Unknown key “satut”."
    assert d["aide"] == "Did you mean “statut”?"


def test_english_from_environment(cli, monkeypatch):
    monkeypatch.setenv("IATERR_LANG", "en")
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", str(BROKEN / "data/cas-usage/bom.yaml"))
    assert "byte order mark" in result.stdout and "error" in result.stdout


def test_github_annotations(cli):
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", "--format", "github",
                 str(BROKEN / "data/cas-usage/cle-inconnue.yaml"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    line = next(ln for ln in lines if "title=iaterr cle-inconnue" in ln)
    assert line.startswith("::error file=data/cas-usage/cle-inconnue.yaml,line=6,col=1,title=iaterr cle-inconnue::")
    assert "%0AVouliez-vous dire" in line  # the hint, on a second line of the annotation


def test_github_format_chosen_under_actions(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = cli("validate", "--repo", str(BROKEN), "--no-cache", str(BROKEN / "data/cas-usage/bom.yaml"))
    assert result.stdout.startswith("::error file=data/cas-usage/bom.yaml,line=1,col=1")
    assert result.exit_code == 1


def test_validate_never_modifies_a_file(cli, broken_copy):
    before = {p: p.read_bytes() for p in broken_copy.rglob("*") if p.is_file() and ".iaterr-cache" not in p.parts}
    result = cli("validate", "--repo", str(broken_copy))
    assert result.exit_code == 1
    after = {p: p.read_bytes() for p in broken_copy.rglob("*") if p.is_file() and ".iaterr-cache" not in p.parts}
    assert after == before
