"""The notice, the mention and the answer to one person are complete in English: no French sentence is left in
``--lang en`` (the citations of the law are the same in both languages, as iaterr.model.droit says), and every
message key their templates and sentences use exists in both catalogues."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from lint_fixtures import variant
from test_notice import CRECHE, FULL_COLL, _repo

ENGLISH_COLL = dict(FULL_COLL, nom="City of Example", adresse_postale="Town hall, 1 Main Square, 31000 Example",
                    prada="Legal department")
#: The crèche record written in English, so that any French word of the output is iaterr's own.
ENGLISH = variant(
    CRECHE, nom="Nursery places", description="A score helps the committee rank the applications.",
    finalite="Allocate nursery places fairly.", personnes_concernees="Families who apply for a place.",
    contribution_decision="The score ranks the applications; the committee decides.",
    supervision_humaine="The committee may set the ranking aside.", base_legale="Social action code, L214-2.",
    exercice_droits="Attach a copy of the decision.", procedure_objection="Any family may ask for a review.",
    donnees=[{"nom": "Application file", "source": "usager", "mode_collecte": "manuelle", "personnelles": True},
             {"nom": "Waiting list", "source": "interne", "personnelles": False}],
    parametres=[{"nom": "Time on the waiting list", "description": "One point per month.", "ponderation": "40 %"}],
    operations="The software adds up the points and ranks the applications.", partenaires=["Family allowance fund"],
    fournisseurs=["Software vendor"], duree_conservation="Two years after the decision.",
    secrets_proteges="None.", systeme_ia=True, niveau_risque_ia="eleve", domaines_annexe_iii=["prestations_publiques"],
    interaction_public=True, information_ia="The portal says an algorithm computes the ranking.",
    url_base_ue="https://ec.europa.eu/ai-database/entry/1234",
    url_base_ue_fournisseur="https://ec.europa.eu/ai-database/entry/0001",
    analyses_impact=[{"type": "aipd", "date": "2024-06", "resume": "Risks found and measures taken."}])

PERSON = """reference: "Request 2026-123"
date_decision: 2026-11-03
parametres:
  - nom: Time on the waiting list
    valeur: 14 months
"""

#: Names of French institutions, quoted as they are in English too.
PROPER_NAMES = ("Commission d'accès aux documents administratifs", "Commission nationale de l'informatique et des "
                "libertés")
FRENCH = re.compile(r"\b(le|la|les|des|du|une|est|sont|pour|dans|avec|vous|votre|vos|sur|aux|ce|cette|qui|que|ne|"
                    r"pas|par|et|ou|à|au|en|être|données|traitement|décision|fiche|règles|droits|demande)\b"
                    r"|\b[dlnqsjc]'|[éèêàùç]", re.IGNORECASE)


def _stripped(text: str) -> str:
    from iaterr.model.droit import TEXTES

    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", text))  # the words, not the markup
    for ref in sorted((t.reference for t in TEXTES.values()), key=len, reverse=True):
        text = text.replace(ref, "")
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return text


def _french_left(text: str) -> list[str]:
    return [line for line in _stripped(text).splitlines() if FRENCH.search(line)]


@pytest.fixture
def repo(tmp_path):
    return _repo(tmp_path, ENGLISH, ENGLISH_COLL)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_french_sentence_in_english_documents(cli, repo, tmp_path, fmt):
    person = tmp_path / "person.yaml"
    person.write_text(PERSON, encoding="utf-8")
    outputs = {}
    for name, args in (("notice", ("notice",)), ("mention", ("mention",)), ("answer", ("notice", "--pour",
                                                                                       str(person)))):
        result = cli(*args[:1], ENGLISH["identifiant"], *args[1:], "--repo", str(repo), "--format", fmt,
                     "--lang", "en")
        assert result.exit_code == 0, result.output
        outputs[name] = result.stdout
    for name, text in outputs.items():
        assert _french_left(text) == [], (name, _french_left(text))
    # in service since 2024: the art. 111(2) date
    assert "applies from 2 August 2030" in outputs["notice"]
    assert "Referral to the CADA is required before any appeal" in _stripped(outputs["mention"])
    assert "Value taken for you" in outputs["answer"]


def test_the_french_check_would_see_french(cli, repo):
    """The check above can fail: the same documents in French are caught."""
    text = cli("notice", ENGLISH["identifiant"], "--repo", str(repo)).stdout
    assert len(_french_left(text)) > 10


def test_english_missing_items_and_messages(cli, tmp_path):
    coll = {k: v for k, v in ENGLISH_COLL.items() if k not in ("contact_droits", "formulaire_demandes",
                                                               "adresse_postale", "contact_dpo")}
    root = _repo(tmp_path, variant(ENGLISH, drop=("niveau_automatisation",)), coll)
    for command in ("notice", "mention"):
        result = cli(command, ENGLISH["identifiant"], "--repo", str(root), "--lang", "en")
        assert result.exit_code == 1
        assert _french_left(result.stdout) == [] and _french_left(result.stderr) == []
        assert "to be completed" in result.stdout.lower() or "TO BE COMPLETED" in result.stdout


_KEY = re.compile(r"""(?:\bm|n\.text|Phrase|Item)\(\s*["']([a-z][a-z0-9_.-]+)["']""")


def test_every_key_of_the_documents_exists_in_both_languages():
    from iaterr.i18n import CATALOGUES
    from iaterr.publish.notice import DEGREES

    src = Path(__file__).resolve().parents[1] / "src" / "iaterr"
    files = list((src / "templates" / "notice").glob("*.j2")) + [src / "publish" / "notice.py"]
    keys = {key for path in files for key in _KEY.findall(path.read_text(encoding="utf-8"))}
    keys |= {f"mention.degre.{level}" for level in DEGREES}
    assert len(keys) > 80
    for lang in ("fr", "en"):
        missing = sorted(k for k in keys if k not in CATALOGUES[lang])
        assert not missing, (lang, missing)
