"""The exemplary records of lint_fixtures are valid and lint clean."""

from __future__ import annotations

import pytest

from lint_fixtures import GOOD_DECISION, GOOD_SIMPLE, codes, lint


@pytest.mark.parametrize("record", [GOOD_DECISION, GOOD_SIMPLE], ids=["decision", "simple"])
def test_exemplary_records_are_clean(tmp_path, record):
    report = lint(tmp_path / "depot", [record])
    assert report.errors == 0
    assert codes(report) == set(), [(d.code, d.message()) for d in report.diagnostics]
