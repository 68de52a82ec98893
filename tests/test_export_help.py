"""``iaterr export --help`` names every format ``-f`` takes, table-schema included (review of #15, finding 9)."""

from __future__ import annotations

import re

import pytest

from iaterr.cli.export import _FORMAT_NAMES
from iaterr.i18n import message


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_format_help_names_every_format(lang):
    text = message("help.export.format", lang)
    named = set(re.findall(r"[a-z][a-z-]*", text.split(":", 1)[1]))
    assert set(_FORMAT_NAMES) <= named, set(_FORMAT_NAMES) - named


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_export_help_shows_table_schema_among_the_formats(cli, lang):
    result = cli("export", "--help", lang=lang, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    # the option's description (after « Format : »), not its metavar, which lists the choices anyway
    text = " ".join(result.output.split()).replace("- ", "-")  # click wraps after a hyphen
    start = text.index("Format :" if lang == "fr" else "Format:")
    description = text[start:text.index("--table-schema", start)]
    assert "table-schema" in description, description
