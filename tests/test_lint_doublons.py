"""The duplicates rule (family ``doublons``)."""

from __future__ import annotations

import difflib
import random
import re
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT, bench_generate
from iaterr.base.diagnostics import Severity
from iaterr.base.files import read_regular
from iaterr.lint.rules.doublons import (
    BLOCS_PAR_TEXTE,
    PAIRES_PAR_TEXTE,
    Q_DESCRIPTION,
    Q_NOM,
    SEUIL_DESCRIPTION,
    SEUIL_NOM,
    SIGNATURE_DESCRIPTION,
    SIGNATURE_NOM,
    Textes,
    _normalise_texte,
    _partage_minimal,
    cles_description,
    cles_nom,
    noms_proches,
    normalise_nom,
    paires_proches,
    plus_longue_sous_suite,
    qgrammes,
)
from iaterr.lint.run import run_lint
from iaterr.repo.config import open_repository
from iaterr.repo.gitops import GitHistory
from iaterr.repo.records import render_record
from iaterr.repo.yamlio import read_document
from lint_fixtures import COLLECTIVITE, GOOD_DECISION, GOOD_SIMPLE, TODAY, codes, lint, make_repo, variant

CAS = "data/cas-usage/{}.yaml"


def line_of(root: Path, rel: str, pattern: str) -> int:
    for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return number
    raise AssertionError(f"{pattern!r} not in {rel}")


def found(report):
    return [d for d in report.diagnostics if d.code == "doublon-probable"]


def test_normalise_nom():
    assert normalise_nom("Projet IA : détection des fuites d'eau") == "detection fuites eau"
    assert normalise_nom("Expérimentation de l'IA pour la Détection des Fuites") == "detection fuites"


@pytest.mark.parametrize("a, b", [
    ("Détection des fuites d'eau", "Projet IA : détection des fuites d'eau"),
    ("Détection des fuites d'eau", "Détection de fuites d'eau"),
    ("Détection des fuites", "Détection des fuites d'eau par capteurs acoustiques"),
    ("Callbot encombrants", "Expérimentation callbot des encombrants"),
])
def test_close_names(a, b):
    assert noms_proches(normalise_nom(a), normalise_nom(b))


@pytest.mark.parametrize("a, b", [
    ("Détection des fuites d'eau", "Attribution des places en crèche"),
    ("Callbot", "Callbot des encombrants et du stationnement"),  # one word contained: not enough
    ("Pilotage des stations d'épuration", "Pilotage des feux de circulation"),
])
def test_distinct_names(a, b):
    assert not noms_proches(normalise_nom(a), normalise_nom(b))


def test_close_names_reported_on_the_second_file(tmp_path):
    root = tmp_path / "depot"
    twin = variant(GOOD_SIMPLE, identifiant="fuites-reseau-eau", nom="Projet IA : détection des fuites d'eau",
                   description="Un modèle d'apprentissage repère sur la carte du réseau les secteurs où chercher "
                               "les fuites en priorité, à partir des débits mesurés la nuit.")
    report = lint(root, [GOOD_SIMPLE, twin])
    first, second = sorted([CAS.format("detection-fuites"), CAS.format("fuites-reseau-eau")])
    ds = found(report)
    assert len(ds) == 1, [(d.code, d.file, d.message()) for d in report.diagnostics]
    d = ds[0]
    assert d.severity == Severity.WARNING and d.file == second and d.path == ("nom",)
    assert d.line == line_of(root, second, r"^nom:")
    assert first in d.message()
    assert d.message("en") == f"Probable duplicate of “Détection des fuites d'eau” ({first}): very close names."
    assert d.hint("en") and "{" not in d.hint("fr")


def test_near_identical_descriptions(tmp_path):
    root = tmp_path / "depot"
    twin = variant(GOOD_SIMPLE, identifiant="sectorisation-reseau", nom="Sectorisation du réseau",
                   description=GOOD_SIMPLE["description"].replace("probables", "probables."))
    report = lint(root, [GOOD_SIMPLE, twin])
    d = found(report)[0]
    second = max(CAS.format("detection-fuites"), CAS.format("sectorisation-reseau"))
    assert d.file == second and d.path == ("description",)
    assert d.line == line_of(root, second, r"^description:")
    assert "descriptions presque identiques" in d.message()
    assert d.message("en").endswith(": nearly identical descriptions.")


def test_distinct_projects_are_silent(tmp_path):
    report = lint(tmp_path / "depot", [GOOD_SIMPLE, GOOD_DECISION])
    assert "doublon-probable" not in codes(report)


def test_same_name_in_two_collectivites_is_silent(tmp_path):
    root = tmp_path / "depot"
    other = variant(GOOD_SIMPLE, identifiant="detection-fuites-voisine", collectivite="ville-voisine")
    make_repo(root, [GOOD_SIMPLE, other])
    voisine = variant(COLLECTIVITE, identifiant="ville-voisine", nom="Ville Voisine", siret="21310555400017",
                      site_web="https://www.ville-voisine.fr")
    (root / "data/collectivites/ville-voisine.yaml").write_text(render_record("collectivite", voisine),
                                                                 encoding="utf-8")
    report = run_lint(open_repository(root), use_cache=False, today=TODAY, history=GitHistory(available=True))
    assert "collectivite-inconnue" not in codes(report)
    assert "doublon-probable" not in codes(report)


def test_real_records_have_no_duplicates():
    main = Path(__file__).resolve().parents[1]
    report = run_lint(open_repository(main), use_cache=False, history=GitHistory(available=True))
    assert "doublon-probable" not in codes(report)


# ---------------------------------------------------------------- blocking: the pairs of comparing every pair
#
# The rule no longer compares every pair of use cases of a collectivité: it first blocks them (by length, by
# rare q-grams, or by signatures in very large groups of texts alike), then compares the candidates. The
# reference below is the rule as first written, every pair with difflib; the tests check that the blocked
# rule finds the same pairs, on the real records, on a generated repository, and in each way of blocking.

#: (per_text, per_block) of paires_proches: the default choice, always by q-grams, always by signatures
MODES = [(PAIRES_PAR_TEXTE, BLOCS_PAR_TEXTE), (0, None), (0, 0)]


def _reference_ratio(a: str, b: str, threshold: float) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def _reference_names(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b or _reference_ratio(a, b, 0.85) >= 0.85:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long_} "


def _reference_descriptions(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or _reference_ratio(a, b, 0.9) >= 0.9)


def brute_force(names: list[str], descriptions: list[str]) -> list[tuple[int, int, str]]:
    """Every pair, in the order the rule reports them."""
    out = []
    for j in range(1, len(names)):
        for i in range(j):
            if _reference_names(names[i], names[j]):
                out.append((i, j, "nom"))
            elif _reference_descriptions(descriptions[i], descriptions[j]):
                out.append((i, j, "description"))
    return out


def _records(root: Path) -> list[tuple[str, dict]]:
    out = []
    for path in sorted((root / "data" / "cas-usage").glob("*.yaml")):
        try:
            data = read_document(read_regular(path), path.name).data
        except Exception:  # noqa: BLE001 - a broken file of the generated repository
            continue
        if isinstance(data, dict):
            out.append((f"data/cas-usage/{path.name}", data))
    return out


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def _keys(records: list[tuple[str, dict]]) -> tuple[list[str], list[str]]:
    return ([normalise_nom(_text(d, "nom")) for _, d in records],
            [_normalise_texte(_text(d, "description")) for _, d in records])


def _groups(records: list[tuple[str, dict]]) -> list[tuple[list[str], list[str]]]:
    """Names and descriptions of each collectivité, in path order, as the rule reads them."""
    by: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for rel, data in records:
        coll = data.get("collectivite")
        if isinstance(coll, str) and coll.strip():
            by[coll.strip()].append((rel, data))
    return [_keys(sorted(group, key=lambda r: r[0])) for group in by.values()]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[tuple[str, dict]]:
    """A repository of bench/generate.py: 15 collectivités of about 20 use cases, names and descriptions drawn
    from small pools, hence many close pairs (and many pairs sharing sentences that are not close)."""
    generate = bench_generate()
    out = tmp_path_factory.mktemp("bench") / "depot"
    generate.generate(300, out, seed=20240516)
    return _records(out)


def test_blocking_finds_the_pairs_of_brute_force_in_the_real_records():
    records = _records(ROOT)
    assert len(records) >= 20
    # by collectivité, as the rule does, and all of them as if they were one
    for names, descriptions in _groups(records) + [_keys(records)]:
        expected = brute_force(names, descriptions)
        for mode in MODES:
            assert paires_proches(names, descriptions, *mode) == expected, mode


def test_blocking_finds_the_pairs_of_brute_force_in_a_generated_repository(generated):
    groups = _groups(generated)
    assert len(groups) >= 10
    found = 0
    # a larger group too: 80 use cases of several collectivités taken as one
    for names, descriptions in groups + [_keys(generated[:80])]:
        expected = brute_force(names, descriptions)
        found += len(expected)
        for mode in MODES:
            assert paires_proches(names, descriptions, *mode) == expected, mode
    assert found > 50  # the generator's pools make close pairs: the comparison is not vacuous


#: realistic near-duplicates: (name, description) of a record and of its twin, and why they are close
TWINS = [
    (("Détection des fuites", "Un modèle repère les fuites du réseau d'eau à partir des débits de nuit."),
     ("Détection de fuite", "Les agents du service des eaux reçoivent chaque matin une carte des secteurs."),
     "nom"),  # plural and singular
    (("Plantabilité des espaces publics", "Une carte indique où planter des arbres en ville sans gêner les réseaux."),
     ("Plantabilite des espaces publcs", "Un indice combine sous-sol, ombre et usages pour choisir les arbres."),
     "nom"),  # a typo
    (("Chatbot des encombrants", "Un agent conversationnel prend les rendez-vous de collecte des encombrants."),
     ("Chatbot des encombrants de la métropole", "Les habitants réservent un passage par téléphone ou en ligne."),
     "nom"),  # words added
    (("Détection automatique des fuites sur le réseau d'eau potable de la ville",
      "Des capteurs posés sur les conduites écoutent le bruit caractéristique d'une fuite."),
     ("Détection des fuites automatique sur le réseau d'eau potable de la ville",
      "Une campagne de mesures a comparé plusieurs fournisseurs de capteurs pendant un an."),
     "nom"),  # a word moved
    (("Tri du courrier entrant", "L'outil lit chaque courrier numérisé, en extrait l'objet et l'expéditeur, "
      "propose le service destinataire et signale les demandes urgentes à l'agent d'accueil, qui valide."),
     ("Orientation des plis reçus", "L'outil lit chaque courrier numérisé, en extrait l'objet et l'expéditeur, "
      "suggère le service destinataire et signale les demandes urgentes à l'agent d'accueil qui valide."),
     "description"),  # a description copied with small edits
    (("IssyGPT", "Un assistant de rédaction pour les agents, hébergé par la ville, sur des modèles ouverts."),
     ("Issy GPT", "Les services peuvent résumer un document ou préparer un courrier type en quelques secondes."),
     "nom"),
]


def _with_twins(names: list[str], descriptions: list[str]) -> tuple[list[str], list[str], set[tuple[int, int, str]]]:
    """``names`` and ``descriptions`` with the first twins spread among them and the second ones at the end; the
    pairs expected for the twins."""
    names, descriptions = list(names), list(descriptions)
    step = max(1, len(names) // (len(TWINS) + 1))
    firsts = []
    for k, (first, _, _) in reversed(list(enumerate(TWINS))):  # from the end: the places before stay put
        at = min(len(names), (k + 1) * step)
        names.insert(at, normalise_nom(first[0]))
        descriptions.insert(at, _normalise_texte(first[1]))
        firsts.append(at)
    firsts = [at + k for k, at in enumerate(reversed(firsts))]  # each one moved by those inserted before it
    expected = set()
    for (_, second, why), at in zip(TWINS, firsts):
        names.append(normalise_nom(second[0]))
        descriptions.append(_normalise_texte(second[1]))
        expected.add((at, len(names) - 1, why))
    return names, descriptions, expected


def test_realistic_near_duplicates_are_definition_duplicates():
    for first, second, why in TWINS:
        a, b = (normalise_nom(first[0]), normalise_nom(second[0])) if why == "nom" else \
            (_normalise_texte(first[1]), _normalise_texte(second[1]))
        assert (_reference_names if why == "nom" else _reference_descriptions)(a, b), (first, second)


def test_realistic_near_duplicates_are_found_among_other_records(generated):
    # among the real records and among generated ones (one group of 300: blocked by q-grams or signatures)
    for names, descriptions in (_keys(_records(ROOT)), _keys(generated)):
        names, descriptions, expected = _with_twins(names, descriptions)
        for mode in MODES:
            found = set(paires_proches(names, descriptions, *mode))
            assert expected <= found, (mode, expected - found)


def test_many_texts_alike_do_not_make_blocks_quadratic():
    """1,500 use cases of one collectivité whose names and descriptions share words and a whole sentence:
    the prefix filter would compare most pairs, so the signatures are used; their blocks stay small."""
    generate = bench_generate()
    words = sorted({w for p in generate.PHRASES for w in re.findall(r"\w{4,}", p.lower())})
    rng = random.Random(7)
    n = 1500
    names = [normalise_nom("Projet de la ville : " + " ".join(rng.sample(words, 3))) for _ in range(n)]
    descriptions = [_normalise_texte(generate.PHRASES[0] + " " + " ".join(rng.sample(words, 25)))
                    for _ in range(n)]
    noms = Textes(names, Q_NOM, SEUIL_NOM, cles_nom, SIGNATURE_NOM)
    descs = Textes(descriptions, Q_DESCRIPTION, SEUIL_DESCRIPTION, cles_description, SIGNATURE_DESCRIPTION)
    for texts in (noms, descs):
        assert texts.by_grams(BLOCS_PAR_TEXTE * n) is None  # too many pairs by q-grams: the guard steps in
    assert len(noms.candidates()) < 40 * n and len(descs.candidates()) < n
    # a near-duplicate is still found among them
    names, descriptions, expected = _with_twins(names, descriptions)
    assert expected <= set(paires_proches(names, descriptions))


def test_bounds_never_reject_a_pair_difflib_accepts():
    """The q-gram count and the longest common subsequence bound difflib's ratio from above (sound)."""
    rng = random.Random(3)
    alphabet = "abcde fghij"
    checked = 0
    for _ in range(3000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        b = list(a)
        for _ in range(rng.randint(0, 6)):  # a few insertions, deletions and substitutions
            k = rng.randrange(len(b) + 1)
            op = rng.randrange(3)
            if op == 0:
                b.insert(k, rng.choice(alphabet))
            elif b and op == 1:
                del b[min(k, len(b) - 1)]
            elif b:
                b[min(k, len(b) - 1)] = rng.choice(alphabet)
        b_ = "".join(b)
        if not b_:
            continue
        matcher = difflib.SequenceMatcher(None, a, b_, autojunk=False)
        ratio = matcher.ratio()
        matches = sum(m.size for m in matcher.get_matching_blocks())
        assert plus_longue_sous_suite(a, b_) >= matches
        for threshold in (SEUIL_NOM, SEUIL_DESCRIPTION):
            if ratio >= threshold:
                checked += 1
                for q in (1, 2, 3):
                    shared = len(qgrammes(a, q) & qgrammes(b_, q))
                    assert shared >= _partage_minimal(len(a) + len(b_), q, threshold), (a, b_, q, threshold)
    assert checked > 500


def _lcs_reference(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for ca in a:
        previous = 0
        for k, cb in enumerate(b, start=1):
            current = row[k]
            row[k] = previous + 1 if ca == cb else max(row[k], row[k - 1])
            previous = current
    return row[-1]


def test_bit_parallel_subsequence():
    rng = random.Random(5)
    for _ in range(300):
        a = "".join(rng.choice("abcé d") for _ in range(rng.randint(0, 150)))
        b = "".join(rng.choice("abcé d") for _ in range(rng.randint(0, 150)))
        lcs = _lcs_reference(a, b)
        assert plus_longue_sous_suite(a, b) == lcs
        # with a minimum: the exact length when it is reached, something below it when it is not
        for minimum in (lcs, lcs + 1, lcs + 40):
            got = plus_longue_sous_suite(a, b, minimum=minimum)
            assert got == lcs if minimum <= lcs else got < minimum


def test_copies_of_one_record_are_each_reported_once_without_comparing_every_pair(monkeypatch):
    """A hundred copies of one record: 99 findings, each against the first copy, and a handful of comparisons
    (a merge request of copies used to cost minutes and report every pair)."""
    from iaterr.lint.rules import doublons

    calls = {"n": 0}
    real = doublons.noms_proches

    def counting(a, b):
        calls["n"] += 1
        return real(a, b)

    monkeypatch.setattr(doublons, "noms_proches", counting)
    names = [doublons.normalise_nom("Détection des fuites d'eau")] * 100 + [doublons.normalise_nom("Chatbot RH")]
    descriptions = ["une description identique de ce projet de detection"] * 100 + ["autre chose"]
    found = doublons.premiers_proches(names, descriptions)
    assert found == {j: (0, "nom") for j in range(1, 100)}
    assert calls["n"] < 20
