"""Fixes from the review of lint: fixes of restricted fields, the work of a partial lint, what the checking
processes are sent, positions, collectivités read once, a fix that cannot be written, the walk of a record."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path

from conftest import ROOT
from iaterr.base import files
from iaterr.lint.rules import RULES
from iaterr.lint.run import run_lint
from iaterr.model import CasUsage
from iaterr.repo.config import open_repository
from iaterr.repo.gitops import GitHistory, file_history
from lint_fixtures import COLLECTIVITE, GOOD_SIMPLE, TODAY, make_repo, variant

RECORD = "data/cas-usage/detection-fuites.yaml"


def _findings(report, under: str | None = None) -> list[dict]:
    return [d.to_dict("fr") for d in report.diagnostics if under is None or d.file == under
            or d.file.startswith(under.rstrip("/") + "/")]


def _fixes(report, under: str | None = None) -> dict:
    return {rel: [(d.to_dict("fr"), fix) for d, fix in items] for rel, items in report.fixes.items()
            if under is None or rel == under or rel.startswith(under.rstrip("/") + "/")}


# ---------------------------------------------------------------- 1. fixes of restricted fields


def test_fix_repairs_validation_findings_in_restricted_fields_without_showing_them(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [variant(GOOD_SIMPLE, contact="mailto:equipe.eau@ville-exemple.fr",
                                                  mise_en_oeuvre="Prestataire", efficacite="FAIBLE")])
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    fixed = {fix.path: fix.value for _d, fix in report.fixes.get(RECORD, [])}
    assert fixed == {("contact",): "equipe.eau@ville-exemple.fr", ("mise_en_oeuvre",): "prestataire",
                     ("efficacite",): "faible"}
    before = (root / RECORD).read_text(encoding="utf-8").splitlines()
    contact_line = next(n for n, line in enumerate(before, 1) if line.startswith("contact:"))
    mise_line = next(n for n, line in enumerate(before, 1) if line.startswith("mise_en_oeuvre:"))
    shown = cli("lint", "--repo", str(root), "--diff")
    done = cli("lint", "--repo", str(root), "--fix")
    assert done.exit_code == 0, done.output
    text = (root / RECORD).read_text(encoding="utf-8")
    assert "mailto:" not in text and "equipe.eau@ville-exemple.fr" in text
    assert "mise_en_oeuvre: prestataire" in text and "efficacite: faible" in text
    assert "3 correction(s)" in done.stderr
    output = shown.stdout + shown.stderr + done.stdout + done.stderr
    assert f":{contact_line} [email-invalide]" in output and f":{mise_line} [valeur-non-canonique]" in output  # said…
    for secret in ("equipe.eau", "Prestataire", "FAIBLE"):
        assert secret not in output, secret  # …without the values


# ---------------------------------------------------------------- 2. lint of some files


def test_lint_of_one_file_is_the_whole_lint_restricted_to_it():
    repo = open_repository(ROOT)
    history = file_history(ROOT)
    whole = run_lint(repo, use_cache=False, today=TODAY, history=history)
    paths = sorted((ROOT / "data").rglob("*.yaml")) + [ROOT / "data/collectivites"]
    for path in paths:
        rel = path.relative_to(ROOT).as_posix()
        part = run_lint(repo, [path], use_cache=False, today=TODAY, history=history)
        assert _findings(part) == _findings(whole, rel), rel
        assert _fixes(part) == _fixes(whole, rel), rel


def _varied_copy(repo_copy: Path) -> tuple[Path, list[str]]:
    """The real data with findings of every sort: repository-wide (a duplicate), silences used, unused and
    unknown, validation warnings and fixes (some in restricted fields)."""
    cases = sorted((repo_copy / "data/cas-usage").glob("*.yaml"))
    first = cases[0]
    twin = first.with_name("copie-" + first.name)
    text = first.read_text(encoding="utf-8")
    ident = first.stem
    twin.write_text(text.replace(f"identifiant: {ident}", f"identifiant: copie-{ident}", 1)
                    + "# iaterr: ignore[qualite-description-courte]\n", encoding="utf-8")
    second = cases[1]
    second.write_text(second.read_text(encoding="utf-8") + 'contact: "mailto:projet@exemple.fr"\n'
                      "efficacite: FAIBLE\n# iaterr: ignore[inconnu, doublon-probable] relu\n", encoding="utf-8")
    rels = [p.relative_to(repo_copy).as_posix() for p in (first, twin, second)]
    return repo_copy, rels


def test_lint_of_one_file_gives_its_findings_of_every_sort(cli, repo_copy):
    root, rels = _varied_copy(repo_copy)
    repo = open_repository(root)
    history = GitHistory(available=True)
    whole = run_lint(repo, use_cache=False, today=TODAY, history=history)
    assert {"doublon-probable", "silence-code-inconnu", "silence-inutile", "silence-sans-justification",
            "email-invalide", "valeur-non-canonique"} <= {d["code"] for d in _findings(whole)}
    for rel in rels + ["data/cas-usage"]:
        part = run_lint(repo, [root / rel], use_cache=False, today=TODAY, history=history)
        assert _findings(part) == _findings(whole, rel), rel
        assert _fixes(part) == _fixes(whole, rel), rel
    env = {"IATERR_AUJOURDHUI": TODAY.isoformat()}
    full = json.loads(cli("lint", "--repo", str(root), "--format", "json", env=env).stdout)["diagnostics"]
    for rel in rels:
        one = json.loads(cli("lint", "--repo", str(root), str(root / rel), "--format", "json", env=env).stdout)
        assert one["diagnostics"] == [d for d in full if d["fichier"] == rel], rel


def test_the_record_rules_run_on_the_selected_files_only(monkeypatch, tmp_path):
    others = [variant(GOOD_SIMPLE, identifiant=f"autre-{i}", nom=f"Autre service {i}") for i in range(3)]
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE, *others])
    seen: list[str] = []
    code = "qualite-description-courte"
    check = RULES[code].check
    assert check is not None

    def spy(ctx):
        seen.append(ctx.rel)
        return check(ctx)

    monkeypatch.setitem(RULES, code, replace(RULES[code], check=spy))
    run_lint(open_repository(root), [root / RECORD], use_cache=False, today=TODAY, history=GitHistory())
    assert seen == [RECORD]


# ---------------------------------------------------------------- 3, 4, 5. what the load is asked to do


class _CountedHistory(GitHistory):
    """A history that counts how many times it is pickled (in this process, where the pool feeds its workers)."""

    pickled = 0

    def __reduce_ex__(self, protocol):
        _CountedHistory.pickled += 1
        return super().__reduce_ex__(protocol)


def test_the_checking_processes_are_not_sent_the_history_with_each_chunk(tmp_path):
    cases = [variant(GOOD_SIMPLE, identifiant=f"cas-{i}", nom=f"Service {i} {'x' * i}") for i in range(120)]
    root = make_repo(tmp_path / "depot", cases)
    _CountedHistory.pickled = 0
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=_CountedHistory(available=True),
                      jobs=2)
    assert len(report.results) == 121
    assert _CountedHistory.pickled <= 2  # once per process at most (none when they are forked), not per chunk


def test_positions_are_read_only_for_files_with_repository_wide_findings(monkeypatch, tmp_path):
    from iaterr.lint import run
    from iaterr.repo import yamlio

    twin = variant(GOOD_SIMPLE, identifiant="detection-fuites-bis")
    topics = [("Comptage des vélos", "Des capteurs comptent les vélos aux carrefours pour dimensionner les pistes "
                                     "cyclables et choisir les aménagements prioritaires."),
              ("Tri du courrier entrant", "Les courriers reçus en mairie sont numérisés puis orientés vers le service "
                                          "compétent selon leur objet, relu par un agent."),
              ("Prévision de fréquentation des piscines", "Le nombre d'entrées est estimé chaque semaine d'après la "
                                                          "météo et le calendrier scolaire, pour caler les horaires.")]
    others = [variant(GOOD_SIMPLE, identifiant=f"autre-{i}", nom=nom, description=description)
              for i, (nom, description) in enumerate(topics)]
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE, twin, *others])
    calls: list[tuple] = []
    position = yamlio.position

    def spy(node, path, **kwargs):
        calls.append(path)
        return position(node, path, **kwargs)

    monkeypatch.setattr(run, "position", spy)
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    wide = [d for d in report.diagnostics if d.code == "doublon-probable"]
    assert [d.file for d in wide] == [RECORD]  # "-bis" comes first in path order
    assert wide[0].line > 1
    assert len(calls) <= 2, calls  # not every key of every record


def test_collectivites_are_read_and_validated_once(monkeypatch, tmp_path):
    from iaterr.check import loader

    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    checked: list[str] = []
    check_file = loader.check_file

    def spy(raw, rel, kind, **kwargs):
        checked.append(rel)
        return check_file(raw, rel, kind, **kwargs)

    monkeypatch.setattr(loader, "check_file", spy)
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    assert sorted(checked) == [RECORD, f"data/collectivites/{COLLECTIVITE['identifiant']}.yaml"]
    assert not report.errors


# ---------------------------------------------------------------- 6. a fix that cannot be written


def test_fix_reports_the_files_written_before_a_write_fails(cli, tmp_path, monkeypatch):
    root = make_repo(tmp_path / "depot", [GOOD_SIMPLE])
    path = root / RECORD
    path.write_text(path.read_text(encoding="utf-8").replace("statut: en_deploiement", "statut: En déploiement"),
                    encoding="utf-8")
    coll = root / "data/collectivites/ville-exemple.yaml"
    coll.write_text(coll.read_text(encoding="utf-8").replace('siret: "24310063300391"', 'siret: "243 100 633 00391"'),
                    encoding="utf-8")
    coll_before = coll.read_bytes()
    replace_file = os.replace

    def refuse(src, dst, *args, **kwargs):
        if str(dst).endswith("ville-exemple.yaml"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        return replace_file(src, dst, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", refuse)
    result = cli("lint", "--repo", str(root), "--fix")
    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "statut: en_deploiement" in path.read_text(encoding="utf-8") and coll.read_bytes() == coll_before
    assert "detection-fuites.yaml" in output and "En déploiement" in output  # the fix written is said…
    assert "1 correction(s) appliquée(s) dans 1 fichier(s)" in output
    assert "Impossible d'écrire" in output and "ville-exemple.yaml" in output  # …and the failure
    assert "Traceback" not in output and "Erreur interne" not in output


# ---------------------------------------------------------------- 7. the walk of a record


def test_the_walk_of_a_record_is_kept_on_its_context():
    from iaterr.lint.engine import LintSettings, RecordContext
    from iaterr.lint.rules import qualite, vie_privee

    assert not [name for name in vars(qualite) | vars(vie_privee) if name.startswith("_WALK")]  # no hidden cache
    a = RecordContext("a.yaml", "cas_usage", dict(GOOD_SIMPLE), None, None, LintSettings(), GitHistory(), TODAY)
    b = RecordContext("b.yaml", "cas_usage", variant(GOOD_SIMPLE, nom="Autre nom"), None, None, LintSettings(),
                      GitHistory(), TODAY)
    walked = a.texts
    assert a.texts is walked and b.texts is not walked
    assert (("nom",), "Détection des fuites d'eau") in [(p, v) for p, v, _s in walked]
    assert (("nom",), "Autre nom") in [(p, v) for p, v, _s in b.texts]
    assert [(p, v) for p, v, _s in walked] == [(p, v) for p, v, _s in qualite.iter_texts(CasUsage, a.data)]


def test_settings_are_copied_whole(tmp_path):
    from iaterr.lint.run import settings_of

    root = make_repo(tmp_path / "depot", [], config="lint:\n  description_min: 12\n  regles:\n    x: info\n")
    repo = open_repository(root)
    settings = settings_of(repo)
    assert settings == repo.config.lint and settings is not repo.config.lint
    assert settings.regles is not repo.config.lint.regles
