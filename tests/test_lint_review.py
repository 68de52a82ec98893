"""Fixes from the review of lint: fixes of restricted fields, the work of a partial lint, what the checking
processes are sent, positions, collectivités read once, a fix that cannot be written, the walk of a record."""

from __future__ import annotations

from iaterr.lint.run import run_lint
from iaterr.repo.config import open_repository
from iaterr.repo.gitops import GitHistory
from lint_fixtures import GOOD_SIMPLE, TODAY, make_repo, variant

RECORD = "data/cas-usage/detection-fuites.yaml"


# ---------------------------------------------------------------- 1. fixes of restricted fields


def test_fix_repairs_validation_findings_in_restricted_fields_without_showing_them(cli, tmp_path):
    root = make_repo(tmp_path / "depot", [variant(GOOD_SIMPLE, contact="mailto:equipe.eau@ville-exemple.fr",
                                                  mise_en_oeuvre="Prestataire", efficacite="FAIBLE")])
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    fixed = {fix.path: fix.value for _d, fix in report.fixes.get(RECORD, [])}
    assert fixed == {("contact",): "equipe.eau@ville-exemple.fr", ("mise_en_oeuvre",): "prestataire",
                     ("efficacite",): "faible"}
    shown = cli("lint", "--repo", str(root), "--diff")
    done = cli("lint", "--repo", str(root), "--fix")
    assert done.exit_code == 0, done.output
    text = (root / RECORD).read_text(encoding="utf-8")
    assert "mailto:" not in text and "equipe.eau@ville-exemple.fr" in text
    assert "mise_en_oeuvre: prestataire" in text and "efficacite: faible" in text
    assert "3 correction(s)" in done.stderr
    output = shown.stdout + shown.stderr + done.stdout + done.stderr
    assert ":48 [email-invalide]" in output and ":50 [valeur-non-canonique]" in output  # the fixes are said…
    for secret in ("equipe.eau", "Prestataire", "FAIBLE"):
        assert secret not in output, secret  # …without the values
