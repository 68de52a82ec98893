"""`iaterr import bibliotheque` on malformed and ambiguous input (issue #13, items 1, 4, 5 and 7).

Every case is a variant generated from the real export of 2025-04-16 (``../shared/data/``, read relative to
the repository): the same rows with dates written month/day/year, cut at several byte offsets, a row short
of its last cell, a long row, the project-name column labelled « SIRET », a column removed, reordered
columns, the header alone.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the export as the Bibliothèque published it, kept in the shared folder next to the repository
REAL = ROOT.parent / "shared" / "data" / "bibliotheque-ia-export-2025-04-16.csv"

pytestmark = pytest.mark.skipif(not REAL.is_file(), reason=f"the real export is absent ({REAL}): it is read "
                                "from ../shared/data/, next to the repository")

START, UPDATE, PROJECT = 6, 15, 1  # columns of the 2025-04-16 layout


def table() -> list[list[str]]:
    return list(csv.reader(io.StringIO(REAL.read_text(encoding="utf-8"), newline="")))


def write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


@pytest.fixture
def repo(tmp_path, cli) -> Path:
    dest = tmp_path / "depot"
    assert cli("init", str(dest), "--no-git", "--non-interactif").exit_code == 0
    return dest


def run(cli, repo: Path, source: Path, *extra: str, lang: str = "fr") -> tuple[int, dict]:
    result = cli("import", "bibliotheque", str(source), "--repo", str(repo), "--format", "json", *extra, lang=lang)
    assert result.exit_code in (0, 1, 2), result.output
    return result.exit_code, json.loads(result.stdout) if result.exit_code != 2 else {}


def codes(report: dict, code: str) -> list[dict]:
    return [f for f in report["constats"] if f["code"] == code]


def case_files(repo: Path) -> dict[str, str]:
    """The use-case records, without their provenance comment (which names the file imported)."""
    from iaterr.ingest.bibliotheque.existing import is_provenance

    return {p.name: "\n".join(line for line in p.read_text(encoding="utf-8").split("\n") if not is_provenance(line))
            for p in sorted((repo / "data" / "cas-usage").glob("*.yaml"))}


def read_case(repo: Path, name: str) -> dict:
    from iaterr.repo.yamlio import read_document

    path = repo / "data" / "cas-usage" / name
    return read_document(path.read_bytes(), name).data


def snapshot(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted((repo / "data").rglob("*.yaml"))}


# ---------------------------------------------------------------- 1. dates month/day/year


def month_day(rows: list[list[str]], day_of_start: int = 20) -> list[list[str]]:
    """The same rows with every date written month/day/year: start ``MM/20/YYYY``, update ``04/16/2025``."""
    out = [rows[0]]
    for row in rows[1:]:
        row = list(row)
        month, year = row[START].split("/")
        row[START] = f"{month}/{day_of_start:02d}/{year}"
        d, m, y = row[UPDATE].split("/")
        row[UPDATE] = f"{m}/{d}/{y}"
        out.append(row)
    return out


def test_a_month_day_year_file_is_read_month_first_without_any_option(repo, cli, tmp_path):
    source = write(tmp_path / "mja.csv", month_day(table()))
    code, report = run(cli, repo, source)
    vipare = read_case(repo, "metz-vipare.yaml")
    assert vipare["date_debut"] == "2024-01-20" and vipare["date_mise_a_jour"] == "2025-04-16"
    toulouse = [read_case(repo, n) for n in case_files(repo) if n.startswith("toulouse-metropole")]
    assert sorted(c["date_debut"] for c in toulouse) == ["2019-11-20", "2021-09-20", "2024-03-20", "2024-09-20"]
    decided = codes(report, "ordre-dates.decide")
    assert len(decided) == 1 and decided[0]["ligne"] is None and "mois/jour/année" in decided[0]["message"]
    assert not codes(report, "date-indecise") and not codes(report, "date-invalide")


def test_an_ambiguous_file_asks_for_the_order_and_reports_each_date(repo, cli, tmp_path):
    rows = month_day(table(), day_of_start=5)
    for row in rows[1:]:
        row[UPDATE] = "12/11/2025"  # every date ≤ 12/≤ 12, start before update both ways, no export date
    rows[1][START] = "01/05/2024"
    source = write(tmp_path / "ambigu.csv", rows)
    code, report = run(cli, repo, source)
    assert code == 1
    assert len(codes(report, "ordre-dates.indecis")) == 1
    undecided = codes(report, "date-indecise")
    # every date whose two parts differ: 23 updates and the 23 starts (day 05, month ≠ 5) but May's
    assert {f["ligne"] for f in undecided} >= {2, 3} and len(undecided) >= 40
    assert all("--ordre-dates" in f["message"] for f in undecided)
    assert "Date_de_derniere_mise_a_jour « 12/11/2025 »" in " ".join(f["message"] for f in undecided)
    assert "date_mise_a_jour" not in read_case(repo, "metz-vipare.yaml")
    # the order given, nothing is left undecided
    again = tmp_path / "depot2"
    assert cli("init", str(again), "--no-git", "--non-interactif").exit_code == 0
    code, report = run(cli, again, source, "--ordre-dates", "mja")
    assert not codes(report, "date-indecise") and not codes(report, "ordre-dates.indecis")
    assert read_case(again, "metz-vipare.yaml")["date_mise_a_jour"] == "2025-12-11"


def test_the_export_date_and_the_order_within_a_row_decide_an_otherwise_ambiguous_file(repo, cli, tmp_path):
    # every update 04/05/2025: 4 May would be after the export of 16 April, named in the file's name
    rows = table()
    for row in rows[1:]:
        row[UPDATE] = "04/05/2025"
    (tmp_path / "a").mkdir()
    code, report = run(cli, repo, write(tmp_path / "a" / "bibliotheque-ia-export-2025-04-16.csv", rows))
    [decided] = codes(report, "ordre-dates.decide")
    assert "mois/jour/année" in decided["message"] and "postérieure à l'export (2025-04-16)" in decided["message"]
    assert read_case(repo, "metz-vipare.yaml")["date_mise_a_jour"] == "2025-04-05"
    # no export date; one row starts 03/02/2025 and is updated 02/03/2025: only day first keeps start ≤ update
    rows = table()
    for row in rows[1:]:
        row[UPDATE] = "02/03/2025"
    rows[1][START] = "03/02/2025"
    repo2 = tmp_path / "depot2"
    assert cli("init", str(repo2), "--no-git", "--non-interactif").exit_code == 0
    code, report = run(cli, repo2, write(tmp_path / "ligne.csv", rows))
    [decided] = codes(report, "ordre-dates.decide")
    assert "jour/mois/année" in decided["message"] and "ligne 2, le démarrage ne précède" in decided["message"]
    assert not codes(report, "date-indecise")
    assert read_case(repo2, "metz-vipare.yaml")["date_mise_a_jour"] == "2025-03-02"


def test_an_order_the_file_contradicts_is_a_finding(repo, cli, tmp_path):
    source = write(tmp_path / "mja.csv", month_day(table()))
    code, report = run(cli, repo, source, "--ordre-dates", "jma")
    assert code == 1
    [contradicted] = codes(report, "ordre-dates.contredit")
    assert contradicted["ligne"] is None
    assert contradicted["message"].startswith("--ordre-dates jour/mois/année est contredit par le fichier, qui "
                                              "indique mois/jour/année (ligne 2, Date_de_demarrage « 01/20/2024 »")
    assert "n'est lisible que dans cet ordre" in contradicted["message"]
    assert "L'ordre donné n'est pas suivi" in contradicted["message"]
    # the given order is not followed: a date readable one way only is read so
    assert read_case(repo, "metz-vipare.yaml")["date_mise_a_jour"] == "2025-04-16"


def test_a_contradicted_order_never_moves_an_ambiguous_date_to_january(repo, cli, tmp_path):
    """Start dates 09/01/2021 in a month/day file: with ``--ordre-dates jma`` they were read 9 January."""
    source = write(tmp_path / "mja.csv", month_day(table(), day_of_start=1))
    code, report = run(cli, repo, source, "--ordre-dates", "jma")
    assert code == 1 and codes(report, "ordre-dates.contredit")
    toulouse = [read_case(repo, n) for n in case_files(repo) if n.startswith("toulouse-metropole")]
    assert all("date_debut" not in c for c in toulouse), [c.get("date_debut") for c in toulouse]
    assert {f["ligne"] for f in codes(report, "date-indecise")} >= {15, 16, 17, 18}


def test_the_real_file_needs_no_option_and_an_unknown_order_is_a_usage_error(repo, cli):
    code, report = run(cli, repo, REAL)
    assert not [f for f in report["constats"] if f["code"].startswith(("ordre-dates", "date-indecise"))]
    result = cli("import", "bibliotheque", str(REAL), "--repo", str(repo), "--ordre-dates", "amj")
    assert result.exit_code == 2 and "jma" in result.stderr


# ---------------------------------------------------------------- 4. truncated and malformed rows


@pytest.mark.parametrize("where", ["inside-url", "inside-quoted-cell", "row-boundary"])
def test_a_truncated_file_is_said_and_its_cut_row_is_not_imported(repo, cli, tmp_path, where):
    raw = REAL.read_bytes()
    last_start = raw.rindex("\nMétropole de Lyon,PRECI".encode()) + 1  # the last row (Lyon, PRECI)
    last = raw[last_start:]
    if where == "inside-url":
        cut = last_start + last.rindex(b"https://") + 30
    elif where == "inside-quoted-cell":
        cut = last_start + last.index(b',"') + 40
    else:
        cut = last_start
    source = tmp_path / "coupe.csv"
    source.write_bytes(raw[:cut])
    code, report = run(cli, repo, source)
    assert code == 1
    if where == "row-boundary":  # a whole file of fewer rows: nothing to say but the count
        assert report["lignes"] == 22 and not codes(report, "fichier-tronque")
        return
    [truncated] = codes(report, "fichier-tronque")
    assert truncated["ligne"] is None
    cut_line = codes(report, "ligne-tronquee")
    assert len(cut_line) == 1 and cut_line[0]["niveau"] == "ignore"
    texts = "".join(p.read_text(encoding="utf-8") for p in (repo / "data").rglob("*.yaml"))
    cut_text = raw[:cut].decode("utf-8", "replace").rsplit(",", 1)[-1].lstrip('"')
    assert cut_text + "\n" not in texts  # the value cut by the end of the file is written nowhere
    assert not any(n.startswith("metropole-de-lyon-preci") for n in case_files(repo))


def test_a_file_cut_inside_its_last_cell_is_warned_and_the_cut_value_left_out(repo, cli, tmp_path):
    raw = REAL.read_bytes()
    source = tmp_path / "coupe-date.csv"
    source.write_bytes(raw[:raw.rstrip(b"\n").rindex(b"/") - 1])  # …,16/0: the update date cut
    code, report = run(cli, repo, source)
    assert code == 1
    [warning] = codes(report, "fin-sans-retour")
    assert warning["niveau"] == "avertissement"
    [cut] = [f for f in codes(report, "date-invalide") if f["ligne"] == warning["ligne"]]
    assert "Date_de_derniere_mise_a_jour" in cut["message"]


def test_a_row_short_of_its_last_cell_is_skipped_with_a_finding(repo, cli, tmp_path):
    rows = table()
    rows[2] = rows[2][:-1]  # Metz: no update date
    code, report = run(cli, repo, write(tmp_path / "courte.csv", rows))
    assert code == 1
    [short] = codes(report, "ligne-courte")
    assert short["ligne"] == 3 and "il en manque 1, sans qu'on puisse savoir lesquelles" in short["message"]
    assert "metz-vipare.yaml" not in case_files(repo)
    assert len(case_files(repo)) == 22


def test_a_row_short_of_a_middle_cell_names_no_wrong_column(repo, cli, tmp_path):
    """The description cell is missing, not the last one: the message must not send the reader there."""
    rows = table()
    del rows[2][9]  # Metz: Description_service
    code, report = run(cli, repo, write(tmp_path / "courte.csv", rows))
    [short] = codes(report, "ligne-courte")
    assert "Date_de_derniere_mise_a_jour" not in short["message"] and "Description" not in short["message"]
    assert "metz-vipare.yaml" not in case_files(repo)


def test_a_long_row_is_skipped_with_a_finding(repo, cli, tmp_path):
    rows = table()
    rows[2] = rows[2][:3] + ["en trop"] + rows[2][3:]
    code, report = run(cli, repo, write(tmp_path / "longue.csv", rows))
    assert code == 1
    [long_] = codes(report, "ligne-longue")
    assert long_["ligne"] == 3 and "17" in long_["message"] and "16" in long_["message"]
    assert "metz-vipare.yaml" not in case_files(repo)


# ---------------------------------------------------------------- 5. the header as first published


def test_the_project_name_column_labelled_siret_is_read_by_position(repo, cli, tmp_path):
    rows = table()
    rows[0][PROJECT] = "SIRET"
    code, report = run(cli, repo, write(tmp_path / "premiere-publication.csv", rows))
    assert code == 1  # the same findings as the real file (Toulouse's SIRETs…), not a refusal
    [relabelled] = codes(report, "colonne-par-position")
    assert relabelled["ligne"] is None
    assert relabelled["message"].startswith("La colonne 2, intitulée « SIRET », est lue comme « Nom_du_projet » "
                                            "d'après sa position")
    reference = tmp_path / "depot-ref"
    assert cli("init", str(reference), "--no-git", "--non-interactif").exit_code == 0
    run(cli, reference, REAL)
    assert case_files(repo) == case_files(reference)
    english = cli("import", "bibliotheque", str(tmp_path / "premiere-publication.csv"), "--repo", str(repo),
                  "--dry-run", "--lang", "en", lang="en")
    assert "Column 2, labelled “SIRET”, is read as “Nom_du_projet” from its position" in english.stdout


def test_a_duplicated_header_that_is_not_the_known_layout_is_named_in_the_refusal(repo, cli, tmp_path):
    rows = table()
    rows[0][PROJECT] = "SIRET"
    logo = rows[0].index("URL_Logo")
    source = write(tmp_path / "double.csv", [r[:logo] + r[logo + 1:] for r in rows])  # not the layout any more
    result = cli("import", "bibliotheque", str(source), "--repo", str(repo))
    assert result.exit_code == 2
    assert "Nom_du_projet" in result.stderr and "l'en-tête répète « SIRET »" in result.stderr
    assert snapshot(repo) == {}


def test_reordered_columns_are_read_by_name(repo, cli, tmp_path):
    rows = table()
    order = list(reversed(range(len(rows[0]))))
    code, report = run(cli, repo, write(tmp_path / "ordre.csv", [[r[i] for i in order] for r in rows]))
    reference = tmp_path / "depot-ref"
    assert cli("init", str(reference), "--no-git", "--non-interactif").exit_code == 0
    ref_code, _ = run(cli, reference, REAL)
    assert code == ref_code and not codes(report, "colonne-par-position")
    assert case_files(repo) == case_files(reference)


# ---------------------------------------------------------------- 7. smaller


def test_a_missing_column_is_one_file_level_finding(repo, cli, tmp_path):
    rows = table()
    status = rows[0].index("Statut_du_projet")
    code, report = run(cli, repo, write(tmp_path / "sans-statut.csv", [r[:status] + r[status + 1:] for r in rows]))
    assert code == 1
    [missing] = codes(report, "colonne-absente.obligatoire")
    assert missing["ligne"] is None and "Statut_du_projet" in missing["message"]
    assert [f for f in report["constats"] if f["ligne"] is not None] == []
    assert snapshot(repo) == {}
    # an optional column: said once, the rows imported
    logo = rows[0].index("URL_Logo")
    repo2 = tmp_path / "depot2"
    assert cli("init", str(repo2), "--no-git", "--non-interactif").exit_code == 0
    code, report = run(cli, repo2, write(tmp_path / "sans-logo.csv", [r[:logo] + r[logo + 1:] for r in rows]))
    assert [f["ligne"] for f in codes(report, "colonne-absente")] == [None]
    assert len(case_files(repo2)) == 23


def test_a_header_only_file_exits_1_with_a_message(repo, cli, tmp_path):
    source = write(tmp_path / "entete.csv", table()[:1])
    result = cli("import", "bibliotheque", str(source), "--repo", str(repo))
    assert result.exit_code == 1
    assert "aucune ligne de données" in result.stdout and "Tout a été importé" not in result.stdout
    assert snapshot(repo) == {}


def test_a_rejected_row_changes_neither_its_use_case_nor_its_collectivite(repo, cli, tmp_path):
    rows = table()
    paris = next(i for i, r in enumerate(rows) if r[0] == "Ville de Paris")
    rows[paris][rows[0].index("Statut_du_projet")] = "Bof"  # the use case would not be valid
    source = write(tmp_path / "paris.csv", rows)
    code, report = run(cli, repo, source)
    assert code == 1
    [refused] = codes(report, "fiche-invalide")
    assert "cas-usage/paris-" in refused["message"]
    assert not (repo / "data" / "collectivites" / "paris.yaml").exists()
    # an existing Paris record, typed by hand, without the project: the rejected row leaves it byte for byte
    run(cli, repo, REAL)
    for path in (repo / "data" / "cas-usage").glob("paris-*.yaml"):
        path.unlink()
    coll = repo / "data" / "collectivites" / "paris.yaml"
    coll.write_text(coll.read_text(encoding="utf-8").replace("statut_particulier", "commune"), encoding="utf-8")
    before = snapshot(repo)
    code, report = run(cli, repo, source)
    assert snapshot(repo) == before


# ---------------------------------------------------------------- an export whose date nothing says


def test_an_undated_export_is_never_dated_today_and_the_suggested_option_works(repo, cli, tmp_path):
    """Every update 04/03/2025, no date in the file's name: the export's date is unknown (it was today's), the
    records say « export non daté »; run again with --ordre-dates as the report suggests, they are updated."""
    rows = table()
    for row in rows[1:]:
        row[UPDATE] = "04/03/2025"
    source = write(tmp_path / "sans-date.csv", rows)
    code, report = run(cli, repo, source)
    assert report["date_export"] is None and len(codes(report, "date-export-inconnue")) == 1
    text = (repo / "data" / "cas-usage" / "metz-vipare.yaml").read_text(encoding="utf-8")
    assert "export non daté (sans-date.csv)" in text and "2026-" not in text
    code, report = run(cli, repo, source, "--ordre-dates", "jma")
    assert report["date_export"] == "2025-03-04" and not codes(report, "export-plus-ancien.export")
    assert read_case(repo, "metz-vipare.yaml")["date_mise_a_jour"] == "2025-03-04"
    assert "export du 2025-03-04" in (repo / "data" / "cas-usage" / "metz-vipare.yaml").read_text(encoding="utf-8")
    # the same undated file again, over records now dated: nothing says it is newer, nothing is changed
    before = snapshot(repo)
    code, report = run(cli, repo, source)
    assert snapshot(repo) == before and codes(report, "export-plus-ancien.sans-date")


def test_a_row_whose_update_date_is_undecided_does_not_change_a_dated_record_even_with_force(repo, cli, tmp_path):
    """A rollback with --force to an export whose dates are ambiguous would give old content a newer date."""
    run(cli, repo, REAL)
    rows = table()
    for row in rows[1:]:
        row[UPDATE] = "01/03/2025"
    metz = next(r for r in rows[1:] if r[PROJECT] == "ViPARE")
    metz[9] = "Ancienne description du projet ViPARE, assez longue pour ne rien déclencher d'autre ici."
    (tmp_path / "old").mkdir()
    source = write(tmp_path / "old" / "bibliotheque-ia-export-2025-03-01.csv", rows)
    before = read_case(repo, "metz-vipare.yaml")
    code, report = run(cli, repo, source, "--force")
    after = read_case(repo, "metz-vipare.yaml")
    assert after["description"] == before["description"] and after["date_mise_a_jour"] == "2025-04-16"
    refused = [f for f in codes(report, "mise-a-jour-sans-date") if "metz-vipare" in f["message"]]
    assert refused and "description" in refused[0]["message"] and "--ordre-dates" in refused[0]["message"]
    # the order given, the rollback happens, content and date together
    code, report = run(cli, repo, source, "--force", "--ordre-dates", "jma")
    after = read_case(repo, "metz-vipare.yaml")
    assert after["description"].startswith("Ancienne description") and after["date_mise_a_jour"] == "2025-03-01"


def test_the_order_of_the_rows_does_not_decide_a_collectivite_s_values(repo, cli, tmp_path):
    """Toulouse Métropole's four rows disagree on SIRET, longitude and logo: the row whose SIRET is valid wins,
    wherever it stands in the file."""
    run(cli, repo, REAL)
    coll = repo / "data" / "collectivites" / "toulouse-metropole.yaml"
    expected = coll.read_bytes()
    rows = table()
    toulouse = [i for i, r in enumerate(rows) if r[0] == "Toulouse Métropole"]
    reordered = [r for i, r in enumerate(rows) if i not in toulouse]
    reordered[toulouse[0]:toulouse[0]] = [rows[i] for i in reversed(toulouse)]
    assert reordered != rows
    other = tmp_path / "depot2"
    assert cli("init", str(other), "--no-git", "--non-interactif").exit_code == 0
    code, report = run(cli, other, write(tmp_path / "bibliotheque-ia-export-2025-04-16.csv", reordered))
    assert (other / "data" / "collectivites" / "toulouse-metropole.yaml").read_bytes() == expected
    conflicts = [f["message"] for f in codes(report, "conflit") if "Longitude" in f["message"]]
    assert conflicts and all("la valeur de la ligne 18 est gardée" in m for m in conflicts), conflicts
