"""Issue #12 items 1, 4, 5, 6: lists of texts answered item by item and corrected,
safe defaults (risk tier, empty checkbox lists), prompts in the run's language,
tolerant input normalised in the model layer, shown and confirmed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from iaterr.cli.questionnaire import Asker, ask_model
from iaterr.model import CasUsage, Collectivite
from iaterr.model.introspect import specs
from iaterr.model.questions import (
    choices,
    normalise,
    normalise_date,
    normalise_integer,
    normalise_number,
    normalise_siret,
)

sys.path.insert(0, str(Path(__file__).parent))
from test_new import YES, Driver, _select, _sicoval_index, record  # noqa: E402

pytest_plugins = ["test_new"]  # its fixture « drive »

BASE = {
    "Nom du projet": "Assistant des habitants\r",
    "Description du service": "Répond aux questions des habitants.\r",
}


def _base(repo) -> dict:
    return {"Collectivité": _select(_sicoval_index(repo)), **BASE}


# ---------------------------------------------------------------- the model layer


@pytest.mark.parametrize("typed, iso", [
    ("01/03/2024", "2024-03-01"), ("1/3/2024", "2024-03-01"), ("03/2024", "2024-03"), ("mars 2024", "2024-03"),
    ("Mars 2024", "2024-03"), ("1er mars 2024", "2024-03-01"), ("15 août 2023", "2023-08-15"),
    ("01.03.2024", "2024-03-01"), ("31/02/2024", None), ("bientôt", None), ("2024-03", None),
])
def test_normalise_date(typed, iso):
    assert normalise_date(typed) == iso


def test_normalise_numbers_and_siret():
    assert normalise_number("43,4986") == "43.4986"
    assert normalise_number("43.4986") is None  # nothing to change
    assert normalise_integer("environ 400") == ("400", True)
    assert normalise_integer("1 200") == ("1200", False)
    assert normalise_integer("400") is None and normalise_integer("beaucoup") is None
    assert normalise_siret("243 100 633 00391") == "24310063300391"
    assert normalise_siret("24310063300391") is None and normalise_siret("2431") is None
    coll = specs(Collectivite)
    assert normalise(coll["siret"], "243 100 633 00391").value == "24310063300391"  # type: ignore[union-attr]
    fixed = normalise(specs(CasUsage)["nombre_decisions_par_an"], "environ 400")
    assert fixed is not None and fixed.value == "400" and fixed.note == "new.normalise.approx"


def test_risk_tiers_offered_from_the_least_severe():
    offered = [code for code, _fr, _en in choices(specs(CasUsage)["niveau_risque_ia"], {})]
    assert offered == ["non_evalue", "minimal", "limite", "eleve", "inacceptable"]


# ---------------------------------------------------------------- through the real prompt


def test_a_list_of_texts_takes_one_item_per_answer_and_can_be_corrected(drive, repo_copy):
    driver = Driver({
        **_base(repo_copy),
        "champs facultatifs de « Description du service »": "o",
        "Partenaires (1)": "Métropole voisine\r",
        "Partenaires (2)": "\r",
        "Partenaires : ": "o",
        # typed, refused nowhere; then the list is corrected: the first item rewritten, the second removed
        "Fournisseurs (1)": ["Mistral AI\r", "\x7f" * 10 + "Mistral\r"],
        "Fournisseurs (2)": ["Scalewy\r", "\x7f" * 7 + "\r"],
        "Fournisseurs (3)": "\r",
        "Fournisseurs (2": "\r",
        "Fournisseurs : ": ["n", "o"],
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    _path, data = record(repo_copy, "assistant-des-habitants")
    assert data["partenaires"] == ["Métropole voisine"]
    assert data["fournisseurs"] == ["Mistral"]
    assert "doit être une liste" not in result.output


def test_enter_in_a_recommended_checkbox_list_asks_before_leaving_it_empty(drive, repo_copy):
    driver = Driver({
        **_base(repo_copy),
        "Aucune case cochée : laisser « Publics du service »": "n",  # (matched before the next key)
        "Publics du service": ["\r", " \r"],  # Enter: nothing ticked; then the first one ticked
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    assert sum("Publics du service" == p.split(" *")[0] for p in driver.prompts) == 2
    _path, data = record(repo_copy, "assistant-des-habitants")
    assert len(data["publics"]) == 1


def test_the_risk_tier_starts_at_not_assessed(drive, repo_copy):
    driver = Driver({**_base(repo_copy), "Niveau de risque": "\r", "Enregistrer cette fiche": "\r"})
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    assert record(repo_copy, "assistant-des-habitants")[1]["niveau_risque_ia"] == "non_evalue"


def test_a_french_date_is_shown_normalised_and_recorded_once_confirmed(drive, repo_copy):
    driver = Driver({
        **_base(repo_copy),
        # refused the first time (« n »): asked again with the typed text, which is replaced
        "Date de démarrage": ["01/03/2024\r", "\x7f" * 10 + "mars 2024\r"],
        "Enregistrer 2024-03-01 ?": "n",
        "Enregistrer 2024-03 ?": "o",
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    assert "« 01/03/2024 » sera enregistré ainsi : 2024-03-01" in result.output
    assert "« mars 2024 » sera enregistré ainsi : 2024-03" in result.output
    assert record(repo_copy, "assistant-des-habitants")[1]["date_debut"] == "2024-03"


def test_about_400_decisions_is_400_with_a_note(drive, repo_copy):
    driver = Driver({
        **_base(repo_copy),
        "Décisions individuelles": YES,
        "Nombre de décisions par an": "environ 400\r",
        "Enregistrer 400 ?": "o",
        "Enregistrer cette fiche": "\r",
    })
    result = drive(repo_copy, driver)
    assert result.exit_code == 0, result.output
    assert "Valeur approchée" in result.output
    assert record(repo_copy, "assistant-des-habitants")[1]["nombre_decisions_par_an"] == "400"


def _ask_collectivite(keys: str, fields: list[str], lang: str = "fr"):
    said: list[str] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        answers = ask_model(Collectivite, lang=lang, fields=fields, say=lambda text, style: said.append(text),
                            input=pipe, output=DummyOutput())
    return answers, said


def test_a_siret_with_spaces_and_a_decimal_comma(monkeypatch):
    keys = "243 100 633 00391\r" + "o" + "43,4986\r" + "o"
    answers, said = _ask_collectivite(keys, ["siret", "latitude"])
    assert answers["siret"] == "24310063300391" and answers["latitude"] == pytest.approx(43.4986)
    assert any("24310063300391" in s for s in said) and any("43.4986" in s for s in said)


def test_confirmations_answer_to_o_and_n_in_french_and_y_in_english():
    for lang, keys, expected in (("fr", "o", True), ("fr", "O", True), ("fr", "n", False), ("en", "y", True),
                                 ("en", "\r", False)):
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            asker = Asker(lang, lambda text, style: None, input=pipe, output=DummyOutput())
            assert asker.confirm("?", default=False) is expected, (lang, keys)
