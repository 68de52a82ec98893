"""One rule for a free identifier, shared by `iaterr new` and `iaterr import`."""

from __future__ import annotations

from iaterr.authoring.records import free_identifier
from iaterr.model.identifiers import slugify


def test_the_base_when_free_else_the_first_free_suffix():
    assert free_identifier("velos", set()) == "velos"
    assert free_identifier("velos", {"velos"}) == "velos-2"
    assert free_identifier("velos", {"velos", "velos-2", "velos-3"}) == "velos-4"
    assert free_identifier("", set()) == "fiche"
    assert free_identifier("", {"fiche"}) == "fiche-2"


def test_a_suffix_never_makes_an_identifier_longer_than_80_characters():
    base = slugify("Observatoire " + "très " * 30 + "long des mobilités")
    assert 75 <= len(base) <= 80
    taken = {base}
    for _ in range(11):
        ident = free_identifier(base, taken)
        assert len(ident) <= 80 and "--" not in ident and ident not in taken
        taken.add(ident)
    assert ident.endswith("-12")


def test_used_is_only_read():
    used = frozenset({"a"})
    assert free_identifier("a", used) == "a-2" and used == {"a"}
