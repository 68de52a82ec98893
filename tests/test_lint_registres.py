"""Lint says what the other registers need and a record does not give (review of #15): the department in charge
(``service_responsable``) and a public contact, the record's or its collectivité's (``contact_droits`` or the
collectivité's ``contact``), which every register's export takes as its contact e-mail."""

from __future__ import annotations

from lint_fixtures import COLLECTIVITE, GOOD_SIMPLE, lint, variant


def _found(report, code: str):
    return [d for d in report.diagnostics if d.code == code]


def test_lint_asks_for_the_department_in_charge(tmp_path):
    records = [variant(GOOD_SIMPLE, identifiant="sans-service", drop=("service_responsable",)),
               variant(GOOD_SIMPLE, identifiant="avec-service", version_schema="1.2",
                       service_responsable="Direction du cycle de l'eau")]
    found = _found(lint(tmp_path / "depot", records), "qualite-service-responsable-manquant")
    assert [d.file for d in found] == ["data/cas-usage/sans-service.yaml"]
    d = found[0]
    assert d.level.value == "info"
    assert "service_responsable" in d.message("fr") and "service_responsable" in d.message("en")
    assert "iaterr migrate" in d.hint("fr") and "iaterr migrate" in d.hint("en")
    for lang in ("fr", "en"):
        assert "{" not in d.message(lang) and "{" not in d.hint(lang)


def test_lint_says_when_neither_the_record_nor_its_collectivite_gives_a_public_contact(tmp_path):
    bare = {k: v for k, v in COLLECTIVITE.items() if k not in ("contact", "contact_droits")}
    records = [variant(GOOD_SIMPLE, identifiant="sans-contact", drop=("contact_droits",)),
               variant(GOOD_SIMPLE, identifiant="avec-contact", contact_droits="eau@ville-exemple.fr")]
    report = lint(tmp_path / "nu", records, collectivite=bare)
    found = _found(report, "qualite-contact-public-manquant")
    assert [d.file for d in found] == ["data/cas-usage/sans-contact.yaml"]
    d = found[0]
    assert d.level.value == "info"
    assert "contact_droits" in d.message("fr") and "contact" in d.message("en")
    for lang in ("fr", "en"):
        assert "{" not in d.message(lang) and d.hint(lang) and "{" not in d.hint(lang)
    # the collectivité's public contact (or its address for requests) serves every record
    for given in ({"contact": "mairie@ville-exemple.fr"}, {"contact_droits": "prada@ville-exemple.fr"}):
        report = lint(tmp_path / next(iter(given)), records, collectivite={**bare, **given})
        assert not _found(report, "qualite-contact-public-manquant")


def test_new_asks_the_public_contact_for_every_record():
    """`new` asks the public contact (``contact_droits``) of every use case, not only of one that takes
    individual decisions: every register's export takes it as its contact e-mail."""
    from iaterr.model import CasUsage
    from iaterr.model.questions import applies, plan

    question = next(q for q in plan(CasUsage) if q.name == "contact_droits")
    assert not question.optional_group
    assert applies(question, {"decisions_individuelles": False})
    assert applies(question, {"decisions_individuelles": True})
