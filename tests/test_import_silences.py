"""The import finds its own silence comments by a fixed token, never by a translated message; lines written
by older versions (no token, a French or English reason) are still recognised."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from iaterr.i18n import CATALOGUES
from iaterr.ingest.bibliotheque import MARK_TOKEN, SILENCE_TOKEN, import_bibliotheque
from iaterr.ingest.bibliotheque.existing import is_owned
from iaterr.ingest.bibliotheque.legacy import LEGACY_REASONS, is_legacy_reason
from iaterr.ingest.bibliotheque.silences import other_silenced, own_silences, with_import_silence
from iaterr.repo.config import open_repository

FIXTURES = Path(__file__).parent / "fixtures" / "bibliotheque"
EXPORT = FIXTURES / "bibliotheque-ia-export-2025-04-16.csv"
VIPARE = "data/cas-usage/metz-vipare.yaml"

LEGACY_FR = ("# iaterr: ignore[crpa-decisions-non-renseignees, fraicheur-experimentation-longue] fiche tirée de "
             "l'export public de la Bibliothèque (2025-04-16), qui n'a ni ce champ ni de date plus récente : à "
             "compléter et vérifier auprès de la collectivité")
LEGACY_EN = ("# iaterr: ignore[crpa-decisions-non-renseignees, fraicheur-experimentation-longue] record taken from "
             "the Bibliothèque's public export (2025-04-16), which has neither this field nor a more recent date: "
             "to be completed and checked with the authority")
LEGACY_SIRET_EN = ("# iaterr: ignore[siret-manquant] SIRET of the Bibliothèque's public export (2024-12-01) with a "
                   "wrong check digit, left empty: to be asked from the authority, never made up")
PERSON = "# iaterr: ignore[qualite-fin-sans-date] la ville publiera la date de fin à la rentrée"


def record_text(*comments: str) -> str:
    return "\n".join([f"# {MARK_TOKEN}", *comments, "# --- Identification ---", "identifiant: x", "nom: X", ""])


@pytest.fixture
def empty_repo(tmp_path, cli) -> Path:
    dest = tmp_path / "vide"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def newer_export(tmp_path: Path) -> Path:
    """The real export, ViPARE (Metz) now in service: the AI Act rule fires on it too."""
    rows = list(csv.reader(EXPORT.open(encoding="utf-8", newline="")))
    assert rows[2][1] == "ViPARE"
    rows[2][7] = "En déploiement"
    path = tmp_path / "bibliotheque-ia-export-2025-06-01.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def silence_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("# iaterr: ignore[")]


def snapshot(repo: Path) -> dict[str, str]:
    return {p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((repo / "data").rglob("*.yaml"))}


# ---------------------------------------------------------------- the token


def test_the_import_writes_its_silences_with_the_token(empty_repo):
    import_bibliotheque(open_repository(empty_repo), EXPORT)
    lines = [line for text in snapshot(empty_repo).values() for line in silence_lines(text)]
    assert len(lines) > 20
    assert all(line.endswith(f"à compléter et vérifier auprès de la collectivité {SILENCE_TOKEN}")
               or line.endswith(f"jamais à inventer {SILENCE_TOKEN}") for line in lines)


def test_the_token_is_fixed_and_tells_nothing_about_ownership():
    assert SILENCE_TOKEN == "[import-bibliotheque]"  # written in records: changing it needs a legacy reader
    # a silence line must not make a record "created by the import": the marker comment alone does
    assert MARK_TOKEN not in SILENCE_TOKEN
    assert not is_owned(f"# iaterr: ignore[siret-manquant] raison {SILENCE_TOKEN}\nidentifiant: x\n")
    for catalogue in CATALOGUES.values():
        assert MARK_TOKEN in catalogue["importer.marqueur"]


def test_own_silences_are_found_by_the_token_whatever_their_reason():
    text = record_text(PERSON, f"# iaterr: ignore[siret-manquant] any reason, in any language {SILENCE_TOKEN}",
                       "# iaterr: ignore[ia-act-risque-non-evalue] fiche tirée de l'export public, dit une personne")
    found = own_silences(text)
    assert [(s.index, s.codes, s.reason, s.legacy) for s in found] == [
        (2, ["siret-manquant"], "any reason, in any language", False)]
    assert other_silenced(text) == {"qualite-fin-sans-date", "ia-act-risque-non-evalue"}
    # its codes change: the line keeps its place and reason; the people's silences are not touched
    updated = with_import_silence(text, ["siret-manquant", "x-code"], "nouvelle raison")
    assert silence_lines(updated) == [
        PERSON, f"# iaterr: ignore[siret-manquant, x-code] any reason, in any language {SILENCE_TOKEN}",
        "# iaterr: ignore[ia-act-risque-non-evalue] fiche tirée de l'export public, dit une personne"]
    assert with_import_silence(text, ["siret-manquant"], "nouvelle raison") == text
    assert silence_lines(with_import_silence(text, [], "r")) == [
        PERSON, "# iaterr: ignore[ia-act-risque-non-evalue] fiche tirée de l'export public, dit une personne"]


def test_a_reworded_catalogue_loses_none_of_the_import_s_silences(empty_repo, tmp_path, monkeypatch):
    """A record imported when the reason read otherwise (an older wording, another language) is updated
    in place: one silence line, its reason kept."""
    with monkeypatch.context() as patched:
        patched.setitem(CATALOGUES["fr"], "importer.silence.absent", "texte d'une autre version ({date})")
        import_bibliotheque(open_repository(empty_repo), EXPORT)
    before = (empty_repo / VIPARE).read_text(encoding="utf-8")
    assert silence_lines(before) == [
        "# iaterr: ignore[crpa-decisions-non-renseignees, fraicheur-experimentation-longue] texte d'une autre "
        f"version (2025-04-16) {SILENCE_TOKEN}"]
    report = import_bibliotheque(open_repository(empty_repo), newer_export(tmp_path))
    assert [(r.chemin, r.champs) for r in report.records if r.action == "mis_a_jour"] == [(VIPARE, ["statut"])]
    assert silence_lines((empty_repo / VIPARE).read_text(encoding="utf-8")) == [
        "# iaterr: ignore[crpa-decisions-non-renseignees, ia-act-risque-non-evalue] texte d'une autre version "
        f"(2025-04-16) {SILENCE_TOKEN}"]


def test_records_written_in_french_are_updated_in_english_without_a_second_silence(empty_repo, tmp_path):
    import_bibliotheque(open_repository(empty_repo), EXPORT, lang="fr")
    report = import_bibliotheque(open_repository(empty_repo), newer_export(tmp_path), lang="en")
    assert report.count("mis_a_jour") == 1
    assert silence_lines((empty_repo / VIPARE).read_text(encoding="utf-8")) == [
        "# iaterr: ignore[crpa-decisions-non-renseignees, ia-act-risque-non-evalue] fiche tirée de l'export public "
        "de la Bibliothèque (2025-06-01), qui n'a ni ce champ ni de date plus récente : à compléter et vérifier "
        f"auprès de la collectivité {SILENCE_TOKEN}"]


# ---------------------------------------------------------------- lines of older versions


@pytest.mark.parametrize("line", [LEGACY_FR, LEGACY_EN, LEGACY_SIRET_EN])
def test_lines_of_older_versions_are_recognised_by_their_reason(line):
    text = record_text(PERSON, line)
    (found,) = own_silences(text)
    assert found.legacy and found.index == 2 and found.reason == line.split("] ", 1)[1]
    assert other_silenced(text) == {"qualite-fin-sans-date"}
    # the same codes: the line stays as an older version wrote it
    assert with_import_silence(text, found.codes, "autre raison") == text
    # other codes: rewritten in place, with the token, its reason kept
    updated = with_import_silence(text, ["siret-manquant", "ia-act-risque-non-evalue"], "autre raison")
    assert silence_lines(updated) == [
        PERSON, f"# iaterr: ignore[siret-manquant, ia-act-risque-non-evalue] {found.reason} {SILENCE_TOKEN}"]
    assert own_silences(updated)[0].legacy is False
    # no code left: the line goes
    assert silence_lines(with_import_silence(text, [], "autre raison")) == [PERSON]


def test_the_legacy_reader_knows_only_the_old_texts():
    assert len(LEGACY_REASONS) == 4
    assert is_legacy_reason("SIRET de l'export public de la Bibliothèque (2025-04-16) à la clé de contrôle fausse, "
                            "laissé vide : à demander à la collectivité, jamais à inventer")
    assert not is_legacy_reason("fiche tirée de l'export public de la Bibliothèque (2025-04-16)")
    assert not is_legacy_reason("la ville publiera la date de fin à la rentrée")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_records_of_an_older_version_are_left_unchanged_then_updated_in_place(empty_repo, tmp_path, lang):
    """Records as an older version wrote them (no token, reason in French or English)."""
    repo = open_repository(empty_repo)
    import_bibliotheque(repo, EXPORT, lang=lang)
    for path in (empty_repo / "data").rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f" {SILENCE_TOKEN}", ""), encoding="utf-8")
    before = snapshot(empty_repo)
    assert sum(len(silence_lines(t)) for t in before.values()) > 20
    assert not any(SILENCE_TOKEN in t for t in before.values())

    for run_lang in ("fr", "en"):
        report = import_bibliotheque(repo, EXPORT, lang=run_lang)
        assert {r.action for r in report.records} == {"inchange"}
        assert snapshot(empty_repo) == before

    report = import_bibliotheque(repo, newer_export(tmp_path), lang=lang)
    after = snapshot(empty_repo)
    assert [k for k in after if after[k] != before[k]] == [VIPARE]
    (old_line,) = silence_lines(before[VIPARE])
    assert old_line == (LEGACY_FR if lang == "fr" else LEGACY_EN)
    # the record changed with the newer export: the reason the import wrote says that export's date now,
    # in the language it was written in
    reason = old_line.split("] ", 1)[1].replace("(2025-04-16)", "(2025-06-01)")
    assert silence_lines(after[VIPARE]) == [
        f"# iaterr: ignore[crpa-decisions-non-renseignees, ia-act-risque-non-evalue] {reason} {SILENCE_TOKEN}"]
