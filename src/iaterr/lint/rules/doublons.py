"""Duplicates: the same project entered twice, often by two people or under two names.

Finding the close pairs without comparing every pair
----------------------------------------------------
The rule is defined by difflib's ratio (names at least 85 % similar, descriptions 90 %) and by the
containment of names. Comparing every pair of use cases of a collectivité is quadratic, and difflib is
slow on long descriptions, so the pairs compared are first *blocked* (:meth:`Textes.candidates`), for names
and descriptions apart, in the first of three ways whose blocks stay small:

1. by length: ratio ≤ 2·min(la, lb)/(la + lb), so only texts of close lengths can be close. While that
   makes few pairs (PAIRES_PAR_TEXTE per text), they are all compared. This is the common case: a few dozen
   use cases per collectivité.
2. by rare q-grams: ratio ≥ t means difflib matched M ≥ t·(la + lb)/2 characters, in order; the longest
   common subsequence is at least M, so at most la + lb − 2M characters are deleted or inserted to turn one
   text into the other. A deleted character breaks at most q of a text's q-grams, an insertion at most
   q − 1, so the two texts share (counted with repetition) at least ((2q − 1)·t/2 − (q − 1))·(la + lb) −
   (q − 1) q-grams (:func:`_partage_minimal`). The q-grams of a text are ordered from the rarest in its
   collectivité to the most common, and only the first |X| − α + 1 are indexed, α being the least number
   any admissible partner must share: two texts that share α q-grams share one of these (the *prefix
   filter* of set-similarity joins), so no close pair is missed either. A common q-gram is indexed only by
   texts that have nothing rarer; texts too short for the bound are compared with every text of a close
   length.
3. by signature, when the prefix filter's blocks would still be large (BLOCS_PAR_TEXTE pairs per text):
   hundreds of texts alike, sharing words and whole sentences, where q-grams cannot tell them apart. Two
   texts are compared when they share two of their SIGNATURE rarest keys (words, pairs of words, pieces of
   a name), leaving out keys held by more than CLE_COMMUNE texts: this guards against a block of very
   common tokens, at the price of completeness: near-duplicates (a plural, a typo, a word added or moved,
   a description copied and edited, « IssyGPT » and « Issy GPT ») share enough rare keys to be found, two
   texts that reach the threshold by chance may not be.

Names contained in another have all their words in it: the names holding them all are found by
intersecting the lists of each word, from the rarest. A candidate pair is then decided by the same
comparison as always (:func:`noms_proches`, :func:`descriptions_proches`), after bounds that only reject
what difflib would reject (lengths, characters, shared q-grams, and the longest common subsequence,
computed bit-parallel). Everything is keyed by the texts themselves: no ``hash()``, no randomness, the
same pairs every run.
"""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, RepoContext, rule
from iaterr.lint.rules.qualite import excerpt
from iaterr.model.vocab import fold

#: Words that say nothing about which project it is.
MOTS_VIDES = frozenset("""
    projet projets experimentation experimentations ia de des du la le les d l un une et a au aux en par pour
    sur avec
    """.split())
SEUIL_NOM = 0.85
SEUIL_DESCRIPTION = 0.9
#: q of the q-grams that block names and descriptions (the bound is strongest with short q-grams on short
#: texts, and q = 3 keeps description blocks small)
Q_NOM = 2
Q_DESCRIPTION = 3
_NON_MOT = re.compile(r"[^\w]+")


def normalise_nom(name: str) -> str:
    """Lower case, no accents, no punctuation, without words like « projet », « expérimentation », « IA »."""
    words = _NON_MOT.sub(" ", fold(name).replace("_", " ")).split()
    return " ".join(w for w in words if w not in MOTS_VIDES)


def _normalise_texte(text: str) -> str:
    return " ".join(_NON_MOT.sub(" ", fold(text)).split())


def _ratio(a: str, b: str, threshold: float) -> float:
    """difflib's ratio, skipped (0) when its cheap upper bounds are already below ``threshold``."""
    if _trop_differentes(len(a), len(b), threshold):  # real_quick_ratio(), before building the matcher
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def noms_proches(a: str, b: str) -> bool:
    """Normalised names ``a`` and ``b`` close enough to be the same project."""
    if not a or not b:
        return False
    if a == b or _ratio(a, b, SEUIL_NOM) >= SEUIL_NOM:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long_} "


def descriptions_proches(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or _ratio(a, b, SEUIL_DESCRIPTION) >= SEUIL_DESCRIPTION)


# ---------------------------------------------------------------- blocking

#: A collectivité's texts are paired by length alone (every pair of close lengths is checked) while that
#: makes at most this many pairs per text; beyond, by their rarer q-grams, while the blocks of the prefix
#: filter hold at most BLOCS_PAR_TEXTE pairs per text; beyond (many texts alike, sharing most of their
#: q-grams), by the SIGNATURE rarest of their words or pairs of words.
PAIRES_PAR_TEXTE = 16
BLOCS_PAR_TEXTE = 8
SIGNATURE_NOM = 12
SIGNATURE_DESCRIPTION = 24
#: A key held by more texts than this is in no signature: it says nothing of which project it is, and its
#: block would pair them all.
CLE_COMMUNE = 50


def _racine(word: str) -> str:
    """``word`` without a final s or x: « fuites » and « fuite » give one key."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def cles_nom(name: str) -> set[str]:
    """The keys of a normalised name for the signature: its words, the name without spaces (IssyGPT, Issy GPT)
    and the 4-grams of the latter (a typo leaves most of them)."""
    joined = "".join(name.split())
    keys = {"m " + _racine(w) for w in name.split()} | {"j " + joined}
    keys.update("c " + joined[k:k + 4] for k in range(len(joined) - 3))
    return keys


def cles_description(text: str) -> set[str]:
    """The keys of a normalised description for the signature: its pairs of consecutive words (a word changed
    or moved leaves the others)."""
    words = [_racine(w) for w in text.split()]
    return {f"{a} {b}" for a, b in zip(words, words[1:])} or set(words)


def _borne(q: int, threshold: float) -> tuple[float, float]:
    """``(c, d)`` such that two texts of ``total`` characters in all share at least ``c·total − d`` q-grams
    (counted with repetition) when difflib's ratio between them reaches ``threshold``."""
    t = threshold - 1e-9  # the ratio is a float: never demand more than it does
    return (2 * q - 1) * t / 2 - (q - 1), (q - 1) + 1e-6


def _partage_minimal(total: int, q: int, threshold: float) -> int:
    """The least number of q-grams (counted with repetition) that two texts of ``total`` characters in all
    share when difflib's ratio between them reaches ``threshold``; 0 when the bound says nothing."""
    c, d = _borne(q, threshold)
    return max(0, math.ceil(c * total - d))


def _longueurs(length: int, threshold: float) -> tuple[int, int]:
    """The lengths a text may have to reach ``threshold`` against one of ``length`` characters (ratio ≤
    2·min/(la + lb))."""
    return (max(1, math.ceil(length * threshold / (2 - threshold) - 1e-9)),
            math.floor(length * (2 - threshold) / threshold + 1e-9))


def _trop_differentes(la: int, lb: int, threshold: float) -> bool:
    """difflib's first bound (``real_quick_ratio``), computed the same way."""
    return la + lb > 0 and 2.0 * min(la, lb) / (la + lb) < threshold


def qgrammes(text: str, q: int) -> set[str]:
    """The q-grams of ``text`` as a set, each occurrence after the first of a q-gram tagged with its rank:
    the size of the intersection of two such sets is the number of q-grams shared, counted with repetition."""
    counts = Counter([text[k:k + q] for k in range(len(text) - q + 1)])
    out = set(counts)
    for gram, n in counts.items():
        if n > 1:
            out.update([f"{gram}\x00{k}" for k in range(1, n)])
    return out


#: byte k → b"1", every other byte → b"0" (a table of bytes.translate for each k)
_UN_OCTET = [bytes(49 if b == k else 48 for b in range(256)) for k in range(256)]


def _masques(text: str) -> dict[str, int]:
    """For each character, the bit mask of its positions in ``text``: the text is written with one byte per
    character (its rank among the text's characters), and each mask read at C speed from that."""
    alphabet = sorted(set(text))
    if len(alphabet) > 256:  # pragma: no cover - no description has that many distinct characters
        masks: dict[str, int] = {}
        for position, c in enumerate(text):
            masks[c] = masks.get(c, 0) | 1 << position
        return masks
    ranks = {ord(c): chr(k) for k, c in enumerate(alphabet)}
    reversed_ = text[::-1].translate(ranks).encode("latin-1")  # the last character first: bit 0 is the first
    return {c: int(reversed_.translate(_UN_OCTET[k]), 2) for k, c in enumerate(alphabet)}


def plus_longue_sous_suite(a: str, b: str, masks_b: dict[str, int] | None = None, minimum: int = 0) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``, bit-parallel (Hyyrö, 2004): one
    pass over ``a`` with integers of len(b) bits. With ``minimum``, the pass may stop as soon as the length
    cannot reach it, and return a smaller one."""
    masks = _masques(b) if masks_b is None else masks_b
    full = (1 << len(b)) - 1
    v = full
    left = len(a)
    for k in range(0, len(a), 64):
        for c in a[k:k + 64]:
            m = masks.get(c)
            if m:
                u = v & m
                v = (v + u) | (v - u)
        left -= 64
        so_far = len(b) - (v & full).bit_count()  # of a[:k + 64]
        if so_far + max(left, 0) < minimum:
            return so_far
    return len(b) - (v & full).bit_count()


class Textes:
    """The normalised texts (names or descriptions) of one collectivité, compared at one ``threshold`` of
    difflib's ratio, with q-grams of size ``q`` for blocking. What a text needs is computed once, when first
    needed."""

    def __init__(self, texts: list[str], q: int, threshold: float, keys: Callable[[str], set[str]],
                 signature: int) -> None:
        self.texts = texts
        self.q = q
        self.threshold = threshold
        self.keys = keys
        self.signature = signature
        self._alphabet: dict[str, int] = {}
        self._chars: dict[int, list[int]] = {}
        self._grams: dict[int, set[str]] = {}
        self._masks: dict[int, dict[str, int]] = {}

    def chars(self, i: int) -> list[int]:
        """How many times text ``i`` holds each character, by rank of the character among those met: two such
        lists compare with ``map`` at C speed (a shorter list stands for zeros after its end)."""
        if i not in self._chars:
            counts = Counter(self.texts[i])
            for c in counts:
                self._alphabet.setdefault(c, len(self._alphabet))
            vector = [0] * len(self._alphabet)
            for c, n in counts.items():
                vector[self._alphabet[c]] = n
            self._chars[i] = vector
        return self._chars[i]

    def grams(self, i: int) -> set[str]:
        if i not in self._grams:
            self._grams[i] = qgrammes(self.texts[i], self.q)
        return self._grams[i]

    # ------------------------------------------------ which pairs to compare

    def candidates(self, per_text: int = PAIRES_PAR_TEXTE, per_block: int | None = BLOCS_PAR_TEXTE,
                   ) -> set[tuple[int, int]]:
        """Pairs ``(i, j)``, ``i < j``, of non-empty texts worth comparing. By length while the texts of close
        lengths make at most ``per_text`` pairs per text, then by the prefix filter on q-grams while its blocks
        make at most ``per_block`` pairs per text (None: whatever their size): both keep every pair whose
        ratio reaches the threshold. Beyond, by the signatures of the texts (:meth:`by_signature`), which keep
        the near-duplicates."""
        by_length = sorted((len(t), i) for i, t in enumerate(self.texts) if t)
        windows, first, pairs = [], 0, 0
        for rank, (length, _) in enumerate(by_length):
            shortest = _longueurs(length, self.threshold)[0]
            while by_length[first][0] < shortest:
                first += 1
            windows.append(first)
            pairs += rank - first
        if pairs <= per_text * len(by_length):
            return {(min(i, j), max(i, j)) for rank, (_, i) in enumerate(by_length)
                    for _, j in by_length[windows[rank]:rank]}
        found = self.by_grams(None if per_block is None else per_block * len(by_length))
        return self.by_signature() if found is None else found

    def by_grams(self, budget: int | None = None) -> set[tuple[int, int]] | None:
        """The candidate pairs by the prefix filter on q-grams (see the module's docstring): the cost is that
        of reading the texts plus the sizes of the blocks, which hold only the rarer q-grams. None when the
        blocks would make more than ``budget`` pairs: texts so alike that most of their q-grams are shared."""
        texts, threshold = self.texts, self.threshold
        present = [i for i, t in enumerate(texts) if t]
        frequency: Counter[str] = Counter()
        for i in present:
            frequency.update(self.grams(i))
        # one total order on the q-grams: the rarest first, then by text
        rank = {g: r for r, (g, _) in enumerate(sorted(frequency.items(), key=lambda item: (item[1], item[0])))}
        c, d = _borne(self.q, threshold)
        by_length: dict[int, list[int]] = defaultdict(list)
        prefixes: dict[int, list[str]] = {}
        open_: list[int] = []
        for i in present:
            length = len(texts[i])
            by_length[length].append(i)
            alpha = _partage_minimal(length + _longueurs(length, threshold)[0], self.q, threshold)
            if alpha == 0:  # too short for the bound: compared below with every text of a close length
                open_.append(i)
            else:  # the prefix: the rarest size - alpha + 1 q-grams
                prefixes[i] = sorted(self.grams(i), key=rank.__getitem__)[:len(self.grams(i)) - alpha + 1]
        if budget is not None:
            blocks = Counter(g for prefix in prefixes.values() for g in prefix)
            if sum(n * (n - 1) // 2 for n in blocks.values()) > budget:
                return None
        #: q-gram → the texts whose prefix holds it, with its position in their order
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        pairs: set[tuple[int, int]] = set()
        for i, prefix in prefixes.items():
            length, size = len(texts[i]), len(self.grams(i))
            shortest, longest = _longueurs(length, threshold)
            seen: set[int] = set()
            for position, g in enumerate(prefix):
                block = index[g]
                for j, position_j in block:
                    if j in seen:
                        continue
                    seen.add(j)
                    # g is the rarest q-gram the two share: what comes before it in either is not shared
                    other = len(texts[j])
                    if shortest <= other <= longest and \
                            min(size - position, len(self.grams(j)) - position_j) >= c * (length + other) - d:
                        pairs.add((j, i))
                block.append((i, position))
        for i in open_:
            shortest, longest = _longueurs(len(texts[i]), threshold)
            for length in range(shortest, longest + 1):
                for j in by_length.get(length, ()):
                    if j != i:
                        pairs.add((min(i, j), max(i, j)))
        return pairs

    def by_signature(self) -> set[tuple[int, int]]:
        """The pairs of texts of close lengths that share two keys of their signatures (one, for a text that has
        a single one): the ``signature`` rarest of their keys (words, pairs of words, pieces of a name) that
        another text has too, and at most CLE_COMMUNE texts, so that no block grows with the number of texts;
        identical texts are paired apart. Near-duplicates share most of their keys, hence the rarest: a word
        changed, added or moved, a plural, a typo leave enough of them; two texts that merely share a word
        seldom share two rare keys."""
        texts, threshold = self.texts, self.threshold
        keys = {i: self.keys(t) for i, t in enumerate(texts) if t}
        frequency = Counter(k for ks in keys.values() for k in ks)
        index: dict[str, list[int]] = defaultdict(list)
        sizes: dict[int, int] = {}
        for i, ks in keys.items():
            shared = sorted((k for k in ks if 1 < frequency[k] <= CLE_COMMUNE), key=lambda k: (frequency[k], k))
            sizes[i] = min(len(shared), self.signature)
            for k in shared[:self.signature]:
                index[k].append(i)
        common: Counter[tuple[int, int]] = Counter()
        for block in index.values():
            for b, j in enumerate(block):
                common.update((i, j) for i in block[:b])
        pairs = {(i, j) for (i, j), n in common.items() if n >= min(2, sizes[i], sizes[j])
                 and not _trop_differentes(len(texts[i]), len(texts[j]), threshold)}
        same: dict[str, list[int]] = defaultdict(list)
        for i in keys:
            same[texts[i]].append(i)
        pairs.update((i, j) for block in same.values() for b, j in enumerate(block) for i in block[:b])
        return pairs

    # ------------------------------------------------ deciding a pair

    def possible(self, i: int, j: int) -> bool:
        """False only when the ratio of texts ``i`` and ``j`` is certainly below the threshold: by their
        lengths, their characters and, when the blocking has read them, their q-grams (quick bounds)."""
        a, b = self.texts[i], self.texts[j]
        total = len(a) + len(b)
        if _trop_differentes(len(a), len(b), self.threshold):
            return False
        if sum(map(min, self.chars(i), self.chars(j))) < _partage_minimal(total, 1, self.threshold):
            return False  # difflib's quick_ratio
        if i in self._grams and j in self._grams:  # reading them only for this costs more than it saves
            return len(self._grams[i] & self._grams[j]) >= _partage_minimal(total, self.q, self.threshold)
        return True

    def subsequence_possible(self, i: int, j: int) -> bool:
        """False when the longest common subsequence of texts ``i`` and ``j`` is too short for the ratio:
        difflib's matching blocks are a common subsequence."""
        total = len(self.texts[i]) + len(self.texts[j])
        short, long_ = (i, j) if len(self.texts[i]) <= len(self.texts[j]) else (j, i)
        if long_ not in self._masks:
            self._masks[long_] = _masques(self.texts[long_])
        lcs = plus_longue_sous_suite(self.texts[short], self.texts[long_], self._masks[long_],
                                     math.ceil(self.threshold * total / 2) - 1)
        return 2.0 * lcs / total >= self.threshold


def paires_inclusion(names: list[str]) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, where one name of at least two words is contained, as whole words, in the
    other: the names holding all its words, from the list of its rarest word."""
    words = [set(n.split()) for n in names]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            index[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, name in enumerate(names):
        if len(name.split()) < 2:
            continue
        rarest, *others = sorted(words[i], key=lambda w: (len(index[w]), w))
        inside = f" {name} "
        for j in index[rarest]:
            if j != i and all(w in words[j] for w in others) and inside in f" {names[j]} ":
                pairs.add((min(i, j), max(i, j)))
    return pairs


def paires_proches(names: list[str], descriptions: list[str], per_text: int = PAIRES_PAR_TEXTE,
                   per_block: int | None = BLOCS_PAR_TEXTE) -> list[tuple[int, int, str]]:
    """The close pairs among the use cases of one collectivité, given their normalised names and
    descriptions in path order: ``(i, j, "nom" | "description")``, ``i < j``, ordered by ``j`` then ``i``.
    Each is a pair that :func:`noms_proches`, then :func:`descriptions_proches` accept; while the blocks stay
    small (``per_text``, ``per_block``: see :meth:`Textes.candidates`), all of them, as comparing every pair.
    ``per_text=0, per_block=None`` always blocks by q-grams, ``per_text=per_block=0`` by signatures."""
    noms = Textes(names, Q_NOM, SEUIL_NOM, cles_nom, SIGNATURE_NOM)
    descs = Textes(descriptions, Q_DESCRIPTION, SEUIL_DESCRIPTION, cles_description, SIGNATURE_DESCRIPTION)
    by_ratio, by_inclusion = noms.candidates(per_text, per_block), paires_inclusion(names)
    by_description = descs.candidates(per_text, per_block)
    out: list[tuple[int, int, str]] = []
    for i, j in sorted(by_ratio | by_inclusion | by_description, key=lambda p: (p[1], p[0])):
        if ((i, j) in by_inclusion or (i, j) in by_ratio and noms.possible(i, j)) and noms_proches(names[i], names[j]):
            out.append((i, j, "nom"))
        elif (i, j) in by_description and descs.possible(i, j) and descs.subsequence_possible(i, j) \
                and descriptions_proches(descriptions[i], descriptions[j]):
            out.append((i, j, "description"))
    return out


def premiers_proches(names: list[str], descriptions: list[str]) -> dict[int, tuple[int, str]]:
    """For each use case that duplicates an earlier one (in path order), that earlier one: ``j → (i, why)``,
    ``i`` the first by name, else the first by description. Texts written the same are grouped first, so that
    a hundred copies of one record cost one comparison, not five thousand; close pairs are then sought among
    the distinct texts only (:func:`paires_proches`)."""
    found: dict[int, tuple[int, str]] = {}

    def note(i: int, j: int, why: str) -> None:
        current = found.get(j)
        if current is None or (why == "nom") > (current[1] == "nom") or (
                (why == "nom") == (current[1] == "nom") and i < current[0]):
            found[j] = (i, why)

    for texts, why in ((names, "nom"), (descriptions, "description")):
        groups: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            if text:
                groups.setdefault(text, []).append(index)
        distinct = list(groups)
        for members in groups.values():
            for j in members[1:]:
                note(members[0], j, why)
        others = [""] * len(distinct)
        pairs = paires_proches(distinct, others) if why == "nom" else paires_proches(others, distinct)
        for a, b, _why in pairs:
            for own, other in ((groups[distinct[a]], groups[distinct[b]]), (groups[distinct[b]], groups[distinct[a]])):
                first = other[0]
                for j in own:
                    if first < j:
                        note(first, j, why)
    return found


@rule(
    code="doublon-probable", famille="doublons", severite=Severity.WARNING, portee="depot",
    reference="iaterr : un cas d'usage, une fiche ; Bibliothèque d'IA territoriales (une carte par projet)",
    reference_en="iaterr: one use case, one record; Bibliothèque d'IA territoriales (one card per project)",
    titre_fr="Cas d'usage probablement en double", titre_en="Probable duplicate use case",
    justification_fr="Deux fiches d'une même collectivité aux noms presque identiques, ou aux descriptions "
                     "presque identiques, décrivent souvent le même projet saisi deux fois (par deux services, "
                     "ou sous deux noms). Le registre publié le compterait deux fois, et les deux fiches "
                     "divergeraient à la première mise à jour. Les noms sont comparés sans casse, accents, "
                     "ponctuation ni mots comme « projet », « expérimentation » ou « IA » (ressemblance d'au "
                     "moins 85 %, ou l'un contenu dans l'autre s'il compte au moins deux mots) ; les "
                     "descriptions, à 90 % de ressemblance. Chaque fiche est signalée une fois, face à la "
                     "première fiche (dans l'ordre des chemins) dont elle est proche.",
    justification_en="Two records of the same authority with nearly identical names, or nearly identical "
                     "descriptions, often describe one project entered twice (by two departments, or under two "
                     "names). The published register would count it twice, and the two records would drift "
                     "apart at the first update. Names are compared without case, accents, punctuation or words "
                     "like “projet”, “expérimentation” or “IA” (at least 85 % similar, or one contained in the "
                     "other when it has at least two words); descriptions at 90 % similarity. Each record is "
                     "reported once, against the first record (in path order) it is close to.",
    message_fr="Doublon probable de {autre} ({fichier_autre}) : {raison}.",
    message_en="Probable duplicate of {autre} ({fichier_autre}): {raison}.",
    aide_fr="S'il s'agit du même projet, fusionnez les deux fiches et supprimez l'une d'elles ; sinon, "
            "distinguez leurs noms ou taisez la règle dans cette fiche en disant ce qui les sépare.",
    aide_en="If it is the same project, merge the two records and delete one; otherwise, make their names "
            "distinct or silence the rule in this record, saying what sets them apart.",
)
def doublon_probable(ctx: RepoContext) -> Iterable[Finding]:
    by_authority: dict[str, list[RecordContext]] = defaultdict(list)
    for record in ctx.records:
        coll = record.get("collectivite")
        if record.kind == "cas_usage" and isinstance(coll, str) and coll.strip():
            by_authority[coll.strip()].append(record)
    for records in by_authority.values():
        records.sort(key=lambda r: r.rel)
        names = [normalise_nom(r.text("nom")) for r in records]
        descriptions = [_normalise_texte(r.text("description")) for r in records]
        for j, (i, why) in sorted(premiers_proches(names, descriptions).items()):
            first, second = records[i], records[j]
            if why == "nom":
                path, raison = ("nom",), {"fr": "noms très proches", "en": "very close names"}
            else:
                path, raison = ("description",), {"fr": "descriptions presque identiques",
                                                  "en": "nearly identical descriptions"}
            autre = first.text("nom") or first.rel
            yield Finding(path, {"autre": {"fr": f"« {excerpt(autre)} »", "en": f"“{excerpt(autre)}”"},
                                 "fichier_autre": first.rel, "raison": raison}, file=second.rel)


#: The rules of this family, in the order they are listed.
RULES = (
    doublon_probable,
)
