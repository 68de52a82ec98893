"""`iaterr import bibliotheque`: recency and visibility (issue #13, items 2 and 3).

Item 2: an older export never overwrites what a newer one wrote. Each imported record remembers, in a
comment under the import's marker, the export it was last written from and that export's date; a row of
an older export is reported and changes no byte (``--force`` writes it, for a deliberate rollback);
``--dry-run`` shows field by field what would be written and writes nothing.

Item 3: a field restricted in the Bibliothèque that iaterr publishes (its ``algorithme_operations``,
``type_algorithme``) is said in the report, once for the file, with the rows that give it a value and the
reason the model gives.

The older export is generated from the real one of 2025-04-16 (``../shared/data/``): the same rows, with
update dates of early April 2025, a file name dated 2025-04-03, descriptions without their line breaks and
two partners merged, as the Bibliothèque's 2025-04-03 site file had them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_import_defauts import REAL, case_files, codes, read_case, run, snapshot, table, write  # noqa: E402

pytestmark = pytest.mark.skipif(not REAL.is_file(), reason=f"the real export is absent ({REAL}): it is read "
                                "from ../shared/data/, next to the repository")

UPDATE, PARTNERS, DESCRIPTION = 15, 8, 9  # columns of the 2025-04-16 layout


@pytest.fixture
def repo(tmp_path, cli) -> Path:
    dest = tmp_path / "depot"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def older_rows() -> list[list[str]]:
    """The 2025-04-16 rows as an export of 2025-04-03 had them."""
    rows = table()
    out = [rows[0]]
    merged = 0
    for n, row in enumerate(rows[1:]):
        row = list(row)
        row[UPDATE] = f"{n % 15 + 13}/03/2025"  # a day > 12: the order of day and month is plain
        row[DESCRIPTION] = " ".join(row[DESCRIPTION].split())
        if merged < 2 and row[PARTNERS].count("-") >= 1:
            row[PARTNERS] = row[PARTNERS].replace("-", " ", 1)
            merged += 1
        out.append(row)
    return out


def older(folder: Path) -> Path:
    return write(folder / "bibliotheque-ia-export-2025-04-03.csv", older_rows())


def imported_cases(report: dict) -> list[str]:
    """The use-case records an import wrote (the older file has other line numbers: it has no line breaks)."""
    return [r["chemin"] for r in report["fiches"] if r["type"] == "cas_usage" and r["action"] in ("cree", "mis_a_jour")]


def test_the_variant_has_the_defects_of_the_older_export():
    new, old = table(), older_rows()
    assert sum(a[DESCRIPTION] != b[DESCRIPTION] for a, b in zip(new[1:], old[1:])) >= 2
    assert sum(a[PARTNERS] != b[PARTNERS] for a, b in zip(new[1:], old[1:])) == 2
    assert all(b[UPDATE].endswith("/03/2025") for b in old[1:])


# ---------------------------------------------------------------- 2. recency


def test_each_imported_record_remembers_its_export(repo, cli):
    code, report = run(cli, repo, REAL)
    assert code in (0, 1)
    for path in sorted((repo / "data").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "iaterr import bibliotheque" in text:
            assert "# iaterr import bibliotheque : export du 2025-04-16 (bibliotheque-ia-export-2025-04-16.csv)." \
                in text.splitlines(), path.name


def test_an_older_export_over_a_newer_import_changes_no_byte_and_reports_each_row(repo, cli, tmp_path):
    _code, first = run(cli, repo, REAL)
    before = snapshot(repo)
    cases = imported_cases(first)
    assert len(cases) >= 19
    code, report = run(cli, repo, older(tmp_path))
    assert snapshot(repo) == before
    assert code == 1  # rows were skipped
    skipped = codes(report, "export-plus-ancien.export")
    # one finding per row of a use case, one per collectivité (on its first row)
    assert sorted(f["message"].split("fiche ")[1].split(" :")[0] for f in skipped
                  if "data/cas-usage/" in f["message"]) == sorted(cases)
    assert any("data/collectivites/" in f["message"] for f in skipped)
    for f in skipped:
        assert f["niveau"] == "ignore"
        assert f["message"].startswith("export du 2025-04-03, plus ancien que celui du 2025-04-16 dont vient la "
                                       "fiche "), f["message"]
        assert "rien n'est changé" in f["message"]
    assert report["resume"]["mis_a_jour"] == 0 and report["resume"]["cree"] == 0
    # each row once, though a row can be refused for its collectivité and its use case
    assert report["resume"]["lignes_ignorees"] == len({f["ligne"] for f in skipped}) <= 23
    text = cli("import", "bibliotheque", str(older(tmp_path)), "--repo", str(repo)).stdout
    assert f"{report['resume']['lignes_ignorees']} ligne(s) du fichier ignorée(s)" in text


def test_the_older_export_is_said_in_english(repo, cli, tmp_path):
    run(cli, repo, REAL)
    _code, report = run(cli, repo, older(tmp_path), "--lang", "en")
    [first, *_] = codes(report, "export-plus-ancien.export")
    assert first["message"].startswith("export of 2025-04-03, older than the one of 2025-04-16 the record ")


def test_force_writes_the_older_export(repo, cli, tmp_path):
    run(cli, repo, REAL)
    before = case_files(repo)
    code, report = run(cli, repo, older(tmp_path), "--force")
    assert not codes(report, "export-plus-ancien.export")
    assert report["resume"]["mis_a_jour"] >= 19
    after = case_files(repo)
    assert after != before
    metz = read_case(repo, "metz-vipare.yaml")
    assert str(metz["date_mise_a_jour"]).startswith("2025-03-")
    text = (repo / "data" / "cas-usage" / "metz-vipare.yaml").read_text(encoding="utf-8")
    assert "# iaterr import bibliotheque : export du 2025-04-03 (bibliotheque-ia-export-2025-04-03.csv)." in text
    # and the newer export, imported again, brings everything back
    run(cli, repo, REAL)
    assert case_files(repo) == before


def test_a_newer_export_updates_an_older_import(repo, cli, tmp_path):
    run(cli, repo, older(tmp_path))
    code, report = run(cli, repo, REAL)
    assert not codes(report, "export-plus-ancien.export")
    assert report["resume"]["mis_a_jour"] >= 19
    text = (repo / "data" / "cas-usage" / "metz-vipare.yaml").read_text(encoding="utf-8")
    assert "export du 2025-04-16 (bibliotheque-ia-export-2025-04-16.csv)" in text
    assert "export du 2025-04-03" not in text


def test_without_a_provenance_comment_the_records_update_date_decides(repo, cli, tmp_path):
    """A record imported before the provenance comment existed: its ``date_mise_a_jour`` is compared."""
    from iaterr.ingest.bibliotheque.existing import is_provenance

    run(cli, repo, REAL)
    for path in (repo / "data").rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(line for line in lines if not is_provenance(line)), encoding="utf-8")
    cases = {p.name: p.read_bytes() for p in (repo / "data" / "cas-usage").glob("*.yaml")}
    _code, report = run(cli, repo, older(tmp_path))
    assert {p.name: p.read_bytes() for p in (repo / "data" / "cas-usage").glob("*.yaml")} == cases
    skipped = codes(report, "export-plus-ancien.date")
    assert len(skipped) >= 19
    assert "plus récemment (2025-04-16)" in skipped[0]["message"]


def test_dry_run_shows_the_diff_and_writes_nothing(repo, cli, tmp_path):
    run(cli, repo, REAL)
    before = snapshot(repo)
    source = older(tmp_path)
    result = cli("import", "bibliotheque", str(source), "--repo", str(repo), "--dry-run", "--force")
    assert snapshot(repo) == before
    out = result.stdout
    assert "Simulation (--dry-run)" in out
    assert "data/cas-usage/metz-vipare.yaml" in out
    assert "date_mise_a_jour:" in out
    assert "- avant : 2025-04-16" in out and "+ après : 2025-03-" in out
    assert "partenaires:" in out
    # JSON: the same, field by field
    _code, report = run(cli, repo, source, "--dry-run", "--force")
    assert snapshot(repo) == before
    metz = next(r for r in report["fiches"] if r["chemin"].endswith("metz-vipare.yaml"))
    changes = {c["champ"]: c for c in metz["differences"]}
    assert changes["date_mise_a_jour"]["avant"] == "2025-04-16"
    assert changes["partenaires"]["apres"] != changes["partenaires"]["avant"]
    # without --force, the dry run says the same refusal as the import
    _code, report = run(cli, repo, source, "--dry-run")
    assert codes(report, "export-plus-ancien.export") and snapshot(repo) == before


def test_importing_the_same_export_again_changes_nothing(repo, cli):
    run(cli, repo, REAL)
    before = snapshot(repo)
    _code, report = run(cli, repo, REAL)
    assert snapshot(repo) == before
    assert report["resume"]["mis_a_jour"] == 0


# ---------------------------------------------------------------- 3. visibility

RESTRICTED_COLUMNS = {"algorithme_operations": "Croisement des consommations et de la météo",
                      "type_algorithme": "Machine Learning", "nom_algorithme": "AlgoRestreint"}


def with_restricted(folder: Path, rows_with_value: int = 3) -> Path:
    rows = table()
    header = rows[0] + list(RESTRICTED_COLUMNS)
    body = [row + (list(RESTRICTED_COLUMNS.values()) if n < rows_with_value else ["", "", ""])
            for n, row in enumerate(rows[1:])]
    return write(folder / "bibliotheque-ia-export-2025-04-16-restreint.csv", [header, *body])


def test_each_field_restricted_there_is_one_file_level_finding_with_its_rows_and_reason(repo, cli, tmp_path):
    """Restricted in the Bibliothèque, public in iaterr: the value stays out unless the law requires its
    publication (tests/test_import_restricted.py has the case where it does)."""
    code, report = run(cli, repo, with_restricted(tmp_path))
    assert code == 1
    withheld = codes(report, "reste-restreint")
    assert len(withheld) == 2, withheld
    assert all(f["ligne"] is None and f["niveau"] == "ecarte" for f in withheld)
    by_column = {("operations" if "algorithme_operations" in f["message"] else "type"): f["message"]
                 for f in withheld}
    operations = by_column["operations"]
    assert operations.startswith("« Opérations effectuées » (colonne algorithme_operations) est restreint dans la "
                                 "Bibliothèque et public dans iaterr : sa valeur n'est pas importée (lignes 2, 3, 4)")
    assert "L312-1-3" in operations and "ce que la fiche ne dit pas" in operations
    assert "« Type d'algorithme »" in by_column["type"]
    # a restricted column iaterr keeps restricted is not said; its value stays out of the report
    assert not any("nom_algorithme" in f["message"] for f in withheld)
    assert not codes(report, "devient-public")
    assert "AlgoRestreint" not in json.dumps(report, ensure_ascii=False)
    stacoptim = read_case(repo, "bordeaux-metropole-stacoptim.yaml")
    assert "operations" not in stacoptim and "type_algorithme" not in stacoptim
    assert stacoptim["nom_algorithme"] == "AlgoRestreint"  # restricted in both: imported, never reported


def test_the_fields_kept_restricted_are_said_in_english(repo, cli, tmp_path):
    _code, report = run(cli, repo, with_restricted(tmp_path), "--lang", "en")
    messages = [f["message"] for f in codes(report, "reste-restreint")]
    assert any(m.startswith("“Operations carried out” (column algorithme_operations) is restricted in the "
                            "Bibliothèque and public in iaterr: its value is not imported (rows 2, 3, 4)")
               and "L312-1-3" in m for m in messages), messages


def test_no_finding_when_no_row_gives_a_restricted_field_a_value(repo, cli, tmp_path):
    _code, report = run(cli, repo, with_restricted(tmp_path, rows_with_value=0))
    assert not codes(report, "devient-public")
    _code, report = run(cli, repo, REAL)
    assert not codes(report, "devient-public")


def test_the_text_report_lists_the_fields_made_public(repo, cli, tmp_path):
    result = cli("import", "bibliotheque", str(with_restricted(tmp_path)), "--repo", str(repo), "--dry-run")
    assert "« Opérations effectuées » (colonne algorithme_operations)" in result.stdout
    assert "« Type d'algorithme » (colonne type_algorithme)" in result.stdout


@pytest.mark.parametrize("breaker", ["\n", "\r", "\u2028", "\x85"])
def test_a_line_break_in_the_file_name_stays_inside_the_provenance_comment(repo, cli, tmp_path, breaker):
    """The provenance comment quotes the file's name: a line break there would end the comment and write the
    rest of the name as YAML (here a key that validation refuses: every record would be refused)."""
    source = tmp_path / f"bibliotheque-ia-export-2025-04-16{breaker}statut: abandonne{breaker}#.csv"
    source.write_bytes(REAL.read_bytes())
    code, report = run(cli, repo, source)
    assert report["resume"]["cree"] > 0 and not codes(report, "fiche-invalide"), report["constats"][:3]
    text = (repo / "data" / "cas-usage" / "metz-vipare.yaml").read_text(encoding="utf-8")
    provenance = [line for line in text.split("\n") if line.startswith("# iaterr import bibliotheque")]
    assert len(provenance) == 1 and "statut: abandonne" in provenance[0]
    assert read_case(repo, "metz-vipare.yaml")["statut"] == "en_experimentation"


def test_a_cell_emptied_in_a_newer_export_is_said_and_the_value_kept(repo, cli, tmp_path):
    run(cli, repo, REAL)
    rows = table()
    bordeaux = next(r for r in rows[1:] if r[1] == "Stacoptim")
    bordeaux[12] = ""  # Audience
    (tmp_path / "n").mkdir()
    code, report = run(cli, repo, write(tmp_path / "n" / "bibliotheque-ia-export-2025-06-02.csv", rows))
    kept = codes(report, "vides-gardees")
    assert len(kept) == 1 and "bordeaux-metropole-stacoptim.yaml" in kept[0]["message"]
    assert "publics" in kept[0]["message"] and kept[0]["niveau"] == "info"
    assert read_case(repo, "bordeaux-metropole-stacoptim.yaml")["publics"] == ["agents"]
