"""The register's table of use cases (:class:`iaterr.publish.site.data.Records`, #14): each record given back as it
was put in, whatever its values, in columns that hold a few bytes per record."""

from __future__ import annotations

import pytest

from iaterr.check.loader import Spooled
from iaterr.publish.site.data import Record, Records, pack_texts

HASH = "0123456789abcdef0123"
PAGE = "ab" * 20


def _add(table: Records, rel: str, **values):
    ident = values.pop("identifiant", rel.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    texts = values.pop("texts", (Spooled(10, 5), Spooled(15, 300), Spooled(315, 2000)))
    return table.add(rel, ident, values.pop("collectivite", "ville-a"), values.pop("digest", HASH),
                     values.pop("codes", ("eau", "en-production", "minimal", ("apprentissage", "regles"))), texts,
                     values.pop("data", None), values.pop("emitted", None))


def test_a_record_comes_back_as_it_was_put_in():
    table = Records(languages=2)
    row = _add(table, "data/cas-usage/fuites.yaml", emitted=(PAGE, "=" + PAGE))
    r = table[row]
    assert isinstance(r, Record)
    assert (r.rel, r.identifiant, r.collectivite, r.hash) == ("data/cas-usage/fuites.yaml", "fuites", "ville-a", HASH)
    assert (r.theme, r.statut, r.risque, r.types) == ("eau", "en-production", "minimal", ("apprentissage", "regles"))
    assert (r.liste, r.csv, r.json) == (Spooled(10, 5), Spooled(15, 300), Spooled(315, 2000))
    assert r.texts == pack_texts(Spooled(10, 5), Spooled(15, 300), Spooled(315, 2000))
    assert r.emitted == (PAGE, "=" + PAGE)
    assert r.data is None


@pytest.mark.parametrize("emitted", [None, (None, PAGE), ("=" + PAGE, None), ("not-hex", PAGE), (PAGE,),
                                     ("=" + "AB" * 20, PAGE)])
def test_the_pages_hashes_of_any_shape_come_back(emitted):
    table = Records(languages=2)
    _add(table, "data/cas-usage/a.yaml", emitted=(PAGE, PAGE))
    row = _add(table, "data/cas-usage/b.yaml", emitted=emitted)
    assert table[row].emitted == emitted
    assert table[0].emitted == (PAGE, PAGE)
    table.forget_emitted()
    assert table[row].emitted is None and table[0].emitted is None


def test_odd_values_are_kept_aside_and_come_back():
    table = Records()
    row = _add(table, "data/cas-usage/sous/nom.yml", identifiant="autre-nom", digest="pas-une-empreinte",
               texts=("{}", "a;b", "{\n}"), collectivite="ville-b")
    r = table[row]
    assert (r.identifiant, r.hash, r.liste, r.csv, r.json) == ("autre-nom", "pas-une-empreinte", "{}", "a;b", "{\n}")
    assert r.collectivite == "ville-b"
    big = Spooled((1 << 40) + 7, (1 << 32) - 1)  # a spool beyond 4 GB
    row = _add(table, "data/cas-usage/loin.yaml", texts=(big, big, big))
    assert table[row].liste == big and table[row].json == big


def test_select_keeps_the_rows_given_in_order_and_all_their_values():
    table = Records(views=True, languages=1)
    views = {}
    for n, coll in enumerate(["c", "a", "b", "a"]):
        views[n] = {"n": n}
        _add(table, f"data/cas-usage/r{n}.yaml", collectivite=coll, data=views[n],
             emitted=(PAGE,) if n % 2 else None, codes=("eau", f"s{n}", "minimal", ()))
    chosen = table.select([0, 1, 3], key=lambda row: (table.collectivite(row), table.identifiant(row)))
    assert [r.identifiant for r in chosen] == ["r1", "r3", "r0"]
    assert [r.statut for r in chosen] == ["s1", "s3", "s0"]
    assert [r.emitted for r in chosen] == [(PAGE,), (PAGE,), None]
    assert [r.data for r in chosen] == [views[1], views[3], views[0]]
    assert len(chosen) == 3 and chosen[-1].identifiant == "r0" and [r.rel for r in chosen[1:]] == [
        "data/cas-usage/r3.yaml", "data/cas-usage/r0.yaml"]
    with pytest.raises(IndexError):
        chosen[3]


def test_each_access_makes_a_new_record():
    """What is set on a record given (its view for its page) stays with that object: the build keeps the ones
    it sets."""
    table = Records()
    _add(table, "data/cas-usage/a.yaml")
    first = table[0]
    first.data = {"x": 1}  # type: ignore[assignment]
    assert table[0] is not first and table[0].data is None
