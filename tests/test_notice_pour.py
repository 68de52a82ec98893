"""`iaterr notice ID --pour FICHIER`: the answer to one person's request (R311-3-1-2, 3°: the parameters applied to
the person's situation), and `--modele-pour FICHIER`, the file to fill. The person's values are personal data: they
appear in the answer only, never in a message, and nothing about the person is written in the repository."""

from __future__ import annotations

import html as htmllib
import os
import re
import stat
import time

import pytest

from lint_fixtures import variant
from test_notice import CRECHE, FULL_COLL, _repo

#: Two parameters, one weighted by the record, one not.
RECORD = variant(CRECHE, parametres=[
    {"nom": "Ancienneté de la demande", "description": "Un point par mois d'attente.", "ponderation": "40 %"},
    {"nom": "Fratrie déjà accueillie", "description": "Un frère ou une sœur dans la même crèche."},
])
IDENT = RECORD["identifiant"]
#: Values nobody else would write: they must never show outside the answer.
VALUE_1 = "14 mois (dossier Zéphyrine-Quarantaine)"
VALUE_2 = "oui, Anatole-Brocéliande"

COMPLETE = f"""# Réponse à la demande n° 2026-123 — données personnelles
reference: "Demande n° 2026-123"
date_decision: 2026-11-03
parametres:
  - nom: Ancienneté de la demande
    valeur: {VALUE_1}
  - nom: Fratrie déjà accueillie
    valeur: {VALUE_2}
    ponderation: 10 points
"""


@pytest.fixture
def repo(tmp_path):
    return _repo(tmp_path, RECORD, FULL_COLL)


def _person(tmp_path, text: str, name: str = "personne.yaml"):
    path = tmp_path / "hors-depot" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _answer(cli, repo, path, *args, lang: str = "fr"):
    return cli("notice", IDENT, "--repo", str(repo), "--pour", str(path), *args, "--lang", lang)


def _private(result) -> None:
    """No value of the person in any message."""
    for value in (VALUE_1, VALUE_2, "Zéphyrine", "Brocéliande", "2026-123", "10 points"):
        assert value not in result.stderr, value


def test_complete_answer(cli, repo, tmp_path):
    result = _answer(cli, repo, _person(tmp_path, COMPLETE))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "# Communication des règles d'un traitement algorithmique — Attribution des places en crèche" in text
    assert "- **Votre demande** : Demande n° 2026-123" in text and "- **Décision du** : 3 novembre 2026" in text
    assert "appliquées à votre situation (CRPA, art. R311-3-1-2)" in text
    for title in ("Quel rôle joue-t-il dans la décision ?", "Quelles données utilise-t-il ?",
                  "3. Paramètres et pondération appliqués à votre situation", "Comment fonctionne-t-il ?"):
        assert f"## {title}" in text
    assert "| Paramètre | Valeur retenue pour vous | Pondération |" in text
    assert "| Ancienneté de la demande | 14 mois \\(dossier Zéphyrine-Quarantaine\\) | 40 % |" in text
    assert "| Fratrie déjà accueillie | oui, Anatole-Brocéliande | 10 points |" in text
    assert "La saisine de la CADA est obligatoire avant tout recours" in text and "(CRPA, art. R343-1)" in text
    assert "à compléter" not in text and result.stderr == ""


def test_a_parameter_without_value_is_missing(cli, repo, tmp_path):
    text = COMPLETE.replace(f"    valeur: {VALUE_2}\n", "")
    result = _answer(cli, repo, _person(tmp_path, text))
    assert result.exit_code == 1
    assert "| Fratrie déjà accueillie | **⚠ à compléter** | 10 points |" in result.stdout
    assert "Élément manquant : Valeur retenue pour le paramètre « Fratrie déjà accueillie » (CRPA, art. " \
           "R311-3-1-2, 3°)" in result.stdout
    assert "Réponse incomplète" in result.stdout and "Réponse incomplète" in result.stderr
    assert "Fratrie déjà accueillie" in result.stderr  # the parameter is named, never the value
    _private(result)


def test_a_parameter_left_out_of_the_file_is_missing_with_the_record_weight(cli, repo, tmp_path):
    text = "parametres:\n  - nom: Fratrie déjà accueillie\n    valeur: non\n"
    result = _answer(cli, repo, _person(tmp_path, text))
    assert result.exit_code == 1
    assert "| Ancienneté de la demande | **⚠ à compléter** | 40 % |" in result.stdout
    # the record gives that parameter no weight, nor does the file: not « — » (unweighted, or not said?)
    assert "| Fratrie déjà accueillie | non | **⚠ à compléter** |" in result.stdout
    assert "Pondération appliquée au paramètre « Fratrie déjà accueillie » (ou « aucune »)" in result.stderr


def test_a_name_the_record_does_not_have_is_an_error(cli, repo, tmp_path):
    text = COMPLETE.replace("  - nom: Fratrie déjà accueillie", "  - nom: Fratrie accueillie")
    result = _answer(cli, repo, _person(tmp_path, text))
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output
    assert "« Fratrie accueillie »" in result.stderr
    assert "« Ancienneté de la demande »" in result.stderr and "« Fratrie déjà accueillie »" in result.stderr
    assert "Vouliez-vous dire" in result.stderr
    _private(result)


@pytest.mark.parametrize("text, message", [
    ("reference: x\nvaleur: 3\n", "clé inconnue : « valeur »"),
    ("- nom: a\n", "doit contenir les clés"),
    ("parametres: Ancienneté\n", "doit être une liste"),
    ("parametres:\n  - valeur: 3\n", "n'a pas de nom"),
    ("parametres:\n  - nom: Ancienneté de la demande\n    valeur: [Zéphyrine, 3]\n", "pas une liste"),
    ("parametres:\n  - nom: Ancienneté de la demande\n    valeur: 1\n  - nom: Ancienneté de la demande\n"
     "    valeur: 2\n", "figure deux fois"),
    ("parametres:\n  - nom: Ancienneté de la demande\n    valeur: 'Zéphyrine\n", "n'est pas un YAML valide"),
    ("parametres:\n  - nom: Ancienneté de la demande\n    valeur: !!python/object:os.system Zéphyrine\n",
     "n'est pas un YAML valide"),
    ("parametres:\n  - nom: Ancienneté de la demande\n    valeur: 1\n    note: Zéphyrine\n", "clé inconnue : « note »"),
    ("Zéphyrine Quarantaine: 14 mois\n", "clé inconnue : « … »"),
    ("date_decision: 2026-13-45\n", "une date impossible"),
    ("reference: [Zéphyrine]\n", "« reference » doit être un texte"),
    ("parametres:\n  - nom: Anciennete\n    valeur: 1\n", "Paramètres de la fiche : « Ancienneté de la demande », "
                                                         "« Fratrie déjà accueillie »"),
])
def test_a_file_that_cannot_be_used_is_an_error_that_quotes_no_value(cli, repo, tmp_path, text, message):
    result = _answer(cli, repo, _person(tmp_path, text))
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.output
    assert message in result.stderr, result.stderr
    assert "Zéphyrine" not in result.stderr


def test_the_file_is_read_safely(cli, repo, tmp_path):
    target = _person(tmp_path, COMPLETE)
    link = tmp_path / "hors-depot" / "lien.yaml"
    link.symlink_to(target)
    result = _answer(cli, repo, link)
    assert result.exit_code == 2 and "lien symbolique" in result.stderr and result.stdout == ""
    big = _person(tmp_path, "reference: x\n" + "# " + "x" * 300_000 + "\n", "gros.yaml")
    result = _answer(cli, repo, big)
    assert result.exit_code == 2 and "dépasse" in result.stderr
    missing = _answer(cli, repo, tmp_path / "absent.yaml")
    assert missing.exit_code == 2 and "n'existe pas" in missing.stderr
    folder = _answer(cli, repo, tmp_path)
    assert folder.exit_code == 2 and "pas un fichier ordinaire" in folder.stderr
    latin1 = tmp_path / "hors-depot" / "latin1.yaml"
    latin1.write_bytes("reference: Zéphyrine\n".encode("latin-1"))
    assert _answer(cli, repo, latin1).exit_code == 2


def test_an_alias_bomb_is_refused_quickly(cli, repo, tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
              f"*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 9)]
    lines += ["parametres:", "  - nom: Ancienneté de la demande", "    valeur: *a8"]
    start = time.monotonic()
    result = _answer(cli, repo, _person(tmp_path, "\n".join(lines) + "\n"))
    assert result.exit_code == 2 and time.monotonic() - start < 10


def test_the_answer_is_never_written_in_the_repository(cli, repo, tmp_path):
    person = _person(tmp_path, COMPLETE)
    for target in (repo / "reponse.md", repo / "docs" / "reponse.html"):
        result = _answer(cli, repo, person, "-o", str(target))
        assert result.exit_code == 2 and "dans le dépôt" in result.stderr and not target.exists()
    out = tmp_path / "reponse.md"
    result = _answer(cli, repo, person, "-o", str(out))
    assert result.exit_code == 0 and VALUE_1.split(" ")[0] in out.read_text(encoding="utf-8")
    _private(result)


def test_a_file_inside_the_repository_is_read_with_a_warning(cli, repo, tmp_path):
    inside = repo / "personne.yaml"
    inside.write_text(COMPLETE, encoding="utf-8")
    result = _answer(cli, repo, inside)
    assert result.exit_code == 0 and "ne le versez pas" in result.stderr
    _private(result)


def test_html_answer(cli, repo, tmp_path):
    hostile = COMPLETE.replace(VALUE_2, "'<script>alert(1)</script>'")
    result = _answer(cli, repo, _person(tmp_path, hostile), "--format", "html")
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html and '<th scope="col">' in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    text = htmllib.unescape(html)
    assert "<td>14 mois (dossier Zéphyrine-Quarantaine)</td><td>40 %</td>" in text
    assert '<meta name="robots" content="noindex">' in html
    missing = _answer(cli, repo, _person(tmp_path, "parametres: []\n", "vide.yaml"), "--format", "html")
    assert missing.exit_code == 1 and "⚠ à compléter" in missing.stdout


def test_english_answer(cli, repo, tmp_path):
    result = _answer(cli, repo, _person(tmp_path, COMPLETE), lang="en")
    assert result.exit_code == 0
    assert "# Communication of the rules of an algorithmic processing" in result.stdout
    assert "| Parameter | Value taken for you | Weighting |" in result.stdout
    assert "- **Decision of**: 3 November 2026" in result.stdout


def test_no_answer_for_a_processing_without_decision(cli, tmp_path):
    from lint_fixtures import GOOD_SIMPLE

    root = _repo(tmp_path, GOOD_SIMPLE, FULL_COLL)
    result = cli("notice", GOOD_SIMPLE["identifiant"], "--repo", str(root), "--pour",
                 str(_person(tmp_path, "parametres: []\n")))
    assert result.exit_code == 1 and result.stdout == "" and "ne fonde ni ne prépare" in result.stderr


def test_the_record_items_missing_make_the_answer_incomplete(cli, tmp_path):
    root = _repo(tmp_path, variant(RECORD, drop=("operations",)), FULL_COLL)
    result = cli("notice", IDENT, "--repo", str(root), "--pour", str(_person(tmp_path, COMPLETE)))
    assert result.exit_code == 1 and "Élément manquant : Opérations effectuées" in result.stdout


# ---------------------------------------------------------------- the file to fill


def test_template_then_answer(cli, repo, tmp_path):
    path = tmp_path / "hors-depot" / "modele.yaml"
    result = cli("notice", IDENT, "--repo", str(repo), "--modele-pour", str(path))
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "données personnelles" in text and "ne le versez pas dans le dépôt" in text
    assert '  - nom: "Ancienneté de la demande"' in text and '  - nom: "Fratrie déjà accueillie"' in text
    assert "# pondération du traitement : 40 %" in text
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert str(path) in result.stderr
    assert "ou « aucune » si ce paramètre n'est pas pondéré" in text
    # as written, every value is missing, and the weight of the parameter the record does not weight
    empty = _answer(cli, repo, path)
    assert empty.exit_code == 1 and empty.stdout.count("**⚠ à compléter**") == 3
    values = iter(["3", "non"])
    filled = re.sub(r"(?m)^    valeur: ", lambda m: f"    valeur: {next(values)} ", text)
    path.write_text(filled, encoding="utf-8")
    assert _answer(cli, repo, path).exit_code == 1
    path.write_text(re.sub(r"(?m)^    ponderation: ", "    ponderation: aucune ", filled), encoding="utf-8")
    result = _answer(cli, repo, path)
    assert result.exit_code == 0, result.output
    assert "| Ancienneté de la demande | 3 | 40 % |" in result.stdout
    assert "| Fratrie déjà accueillie | non | aucune |" in result.stdout


def test_template_refusals(cli, repo, tmp_path):
    existing = _person(tmp_path, "déjà rempli\n", "existe.yaml")
    result = cli("notice", IDENT, "--repo", str(repo), "--modele-pour", str(existing))
    assert result.exit_code == 2 and "ne l'écrase pas" in result.stderr
    assert existing.read_text(encoding="utf-8") == "déjà rempli\n"
    inside = repo / "modele.yaml"
    result = cli("notice", IDENT, "--repo", str(repo), "--modele-pour", str(inside))
    assert result.exit_code == 2 and "dans le dépôt" in result.stderr and not inside.exists()
    both = cli("notice", IDENT, "--repo", str(repo), "--modele-pour", str(tmp_path / "a.yaml"), "--pour",
               str(existing))
    assert both.exit_code == 2 and "ne vont pas ensemble" in both.stderr
    with_out = cli("notice", IDENT, "--repo", str(repo), "--modele-pour", str(tmp_path / "b.yaml"), "-o",
                   str(tmp_path / "c.md"))
    assert with_out.exit_code == 2 and not (tmp_path / "b.yaml").exists()


def test_template_of_a_record_without_parameters(cli, tmp_path):
    root = _repo(tmp_path, variant(RECORD, drop=("parametres",)), FULL_COLL)
    path = tmp_path / "modele.yaml"
    result = cli("notice", IDENT, "--repo", str(root), "--modele-pour", str(path))
    assert result.exit_code == 1 and "ne décrit aucun paramètre (CRPA, art. R311-3-1-2, 3°)" in result.stderr
    assert "parametres: []" in path.read_text(encoding="utf-8")


def test_no_template_for_a_processing_without_decision(cli, tmp_path):
    from lint_fixtures import GOOD_SIMPLE

    root = _repo(tmp_path, GOOD_SIMPLE, FULL_COLL)
    path = tmp_path / "modele.yaml"
    result = cli("notice", GOOD_SIMPLE["identifiant"], "--repo", str(root), "--modele-pour", str(path))
    assert result.exit_code == 1 and not path.exists() and "ne fonde ni ne prépare" in result.stderr
