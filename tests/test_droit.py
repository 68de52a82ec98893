"""The law iaterr cites lives in one dated table (iaterr.model.droit): no date of it is written anywhere else."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import ROOT
from iaterr.model import droit
from iaterr.model.droit import TEXTES, announce, applicable, long_date

SRC = ROOT / "src" / "iaterr"


def test_every_entry_has_a_reference_an_object_in_both_languages_and_a_text():
    for code, texte in TEXTES.items():
        assert texte.code == code
        assert texte.reference and texte.texte, code
        assert texte.objet_fr and texte.objet_en and texte.objet_fr != texte.objet_en, code


def test_every_text_is_cited_in_english_too():
    assert set(droit.REFERENCES_EN) == set(TEXTES)
    for code, english in droit.REFERENCES_EN.items():
        assert not re.search(r"\b(et|à|Règlement|RGPD|annexe|délibération|décision|du)\b", english), english
        assert droit.references(code) == {"fr": TEXTES[code].reference, "en": english}


def test_the_ai_act_calendar_as_of_december_2026():
    """../shared/domain/transparence.md (corrected): the omnibus dates, not the proposal's."""
    assert droit.depuis("ria.art4") == droit.depuis("ria.art5") == date(2025, 2, 2)
    assert droit.depuis("ria.art50") == date(2026, 8, 2)
    assert droit.depuis("ria.annexe-iii") == date(2027, 12, 2)
    assert droit.depuis("ria.annexe-i") == date(2028, 8, 2)
    assert droit.depuis("ria.art111-2") == date(2030, 8, 2)
    for code in ("ria.annexe-iii", "ria.annexe-i", "ria.art26", "ria.art27", "ria.art49"):
        assert "omnibus" in TEXTES[code].source, code


def test_the_publication_threshold_is_the_decree_not_a_reading():
    assert droit.reference("crpa.D312-1-4") == "CRPA, art. D312-1-4"
    assert "2016-1922" in TEXTES["crpa.D312-1-4"].source


def test_a_duty_is_announced_with_its_date_never_as_binding_before_it():
    before, on = date(2027, 12, 1), date(2027, 12, 2)
    assert not applicable("ria.annexe-iii", before) and applicable("ria.annexe-iii", on)
    assert announce("ria.annexe-iii", before) == "applicable à partir du 2 décembre 2027"
    assert announce("ria.annexe-iii", on) == "applicable depuis le 2 décembre 2027"
    assert announce("ria.annexe-iii", before, "en") == "applies from 2 December 2027"
    assert announce("crpa.L311-5-L311-6", before) == ""
    assert long_date(date(2025, 2, 1)) == "1er février 2025"


_MONTHS = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|January|February|"
           "March|April|May|June|July|August|September|October|November|December")


def _dates_of_the_table() -> set[str]:
    out = set()
    for texte in TEXTES.values():
        if texte.depuis and texte.depuis.year >= 2024:  # the AI Act's calendar: what changes
            out.add(long_date(texte.depuis, "fr"))
            out.add(long_date(texte.depuis, "en"))
            out.add(long_date(texte.depuis, "fr").replace("1er ", "1 "))
    return out


@pytest.mark.parametrize("suffix", [".py", ".j2", ".js"])
def test_no_date_of_the_table_is_written_outside_it(suffix):
    """A rule, a message, a template or a help text that wrote « 2 décembre 2027 » itself would stay behind when
    the calendar moves again: they all ask the table."""
    wanted = _dates_of_the_table()
    found = []
    for path in sorted(SRC.rglob(f"*{suffix}")):
        if path == SRC / "model" / "droit.py" or "__pycache__" in path.parts:
            continue
        text = re.sub(r"\s*\"\s*\n\s*\"", "", path.read_text(encoding="utf-8"))  # joined string literals
        for match in re.finditer(rf"\b\d{{1,2}}(?:er)? (?:{_MONTHS}) 20\d\d\b", text):
            if match.group(0) in wanted:
                found.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert not found, found
