"""Converting one cell into the value of a field: vocabularies, lists, SIRET, URL, dates, numbers.

What can be repaired without inventing anything is repaired, and what cannot is left out; both are
recorded as findings on the row's source line (:class:`RowParser`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from iaterr.base.diagnostics import REDACTED, SAFE_PARAMS
from iaterr.base.text import restore
from iaterr.ingest.bibliotheque.columns import MODELS, RESTRICTED_IN_BIBLIOTHEQUE, Target
from iaterr.ingest.bibliotheque.dates import FULL, DateOrder
from iaterr.ingest.bibliotheque.lists import SPACED_DASH, STRONG, is_placeholder, split_list
from iaterr.ingest.bibliotheque.report import ECARTE, REPARE, Finding, diagnostic_param
from iaterr.model.introspect import specs
from iaterr.model.questions import check_answer, compact_siret, decimal_comma, numeric_french_date
from iaterr.model.types import french_date_to_iso, parse_partial_date, siret_checksum_ok
from iaterr.model.visibility import is_public
from iaterr.model.vocab import SOUS_THEMES, THEMES, Term, Vocabulary, fold

#: The values the Bibliothèque's own data model enumerates (see ``../shared/domain/bibliotheque-ia.md``).
#: A cell outside them is reported as repaired even when iaterr's vocabulary knows the spelling
#: ("Terminé" for "Terminée", "Métropole", "EPT"…), so that the export's defects stay visible.
LIBRARY_VALUES: dict[tuple[str, str], set[str]] = {
    ("cas_usage", "statut"): {"En expérimentation", "En déploiement", "Terminée", "Abandonné",
                              "En réflexion", "En construction", "POC"},
    ("collectivite", "type"): {"Commune", "EPCI", "Département", "Région", "Syndicat mixte", "Opérateur"},
    ("cas_usage", "publics"): {"Grand public", "Bénéficiaire", "Agent", "Association", "Elu", "Entreprises",
                               "Collectivités", "Etablissement scolaire", "Etablissement santé"},
    ("cas_usage", "theme"): {t.fr for t in THEMES.terms},
    ("cas_usage", "sous_themes"): {t.fr for t in SOUS_THEMES.terms} | {"Eclairage public", "Education"},
}

#: Fields whose value is one line: a name over several lines of the cell is joined.
_ONE_LINE = {("cas_usage", "nom"), ("collectivite", "nom"), ("cas_usage", "nom_algorithme")}
_EXCEL_EPOCH = date(1899, 12, 30)


def _typo(text: str) -> str:
    """Typography only: apostrophes and spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def _is_canonical(kind: str, name: str, vocab: Vocabulary, raw: str) -> bool:
    allowed = LIBRARY_VALUES.get((kind, name))
    if allowed is not None:
        return _typo(raw) in {_typo(v) for v in allowed}
    term = vocab.resolve(raw)
    return term is not None and _typo(raw) in (term.code, _typo(term.fr))


def _clean(raw: str) -> str:
    """A cell's text: the anti-formula apostrophes of a CSV written by iaterr (or by an OWASP-minded tool)
    removed, line breaks made LF, spaces at line ends and blank-line runs dropped."""
    text = restore(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u202f", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _vocab(target: Target) -> Vocabulary:
    assert target.spec is not None and target.spec.vocab is not None
    return target.spec.vocab


#: Parameters of a finding that name a column or a field (or count columns), never a value: the only ones
#: a finding about a restricted field keeps.
#: (``valeurs_possibles``: a vocabulary's labels, public whatever the field)
NAMING_PARAMS = frozenset({"colonne", "colonnes", "champ", "champs", "valeurs_possibles"})


def is_restricted(kind: str, name: str) -> bool:
    """Are the values of field ``name`` of ``kind`` kept out of the report? Those of a field iaterr restricts,
    and those of a field the Bibliothèque restricts (``type_algorithme``…): what the collectivité confided to
    the Bibliothèque as restricted is not quoted, whether or not it is imported."""
    spec = specs(MODELS[kind]).get(name)
    if spec is None:  # a field the model does not know: as if restricted
        return True
    return not is_public(spec) or spec.meta.bibliotheque in RESTRICTED_IN_BIBLIOTHEQUE


def shown_params(about: tuple[str, str] | None, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters of a finding about the field ``about`` (``(kind, name)``; None: about no value of a
    record) as the report may show them. For a restricted field, an allow-list: the parameters that name
    a column or a field are kept, a nested message keeps its key and its explaining parameters
    (:data:`~iaterr.base.diagnostics.SAFE_PARAMS`, as :meth:`~iaterr.base.diagnostics.Diagnostic.redacted`
    does), every other parameter is hidden."""
    if about is None or not is_restricted(*about):
        return params

    def hidden(value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("t"), str) and set(value) <= {"t", "p"}:
            inner = value.get("p") or {}
            return {"t": value["t"], "p": {k: (v if k in SAFE_PARAMS else REDACTED) for k, v in inner.items()
                                           if k != "_hint"}}
        return REDACTED

    return {k: (v if k in NAMING_PARAMS else hidden(v)) for k, v in params.items()}


class RowParser:
    """Turns the cells of one row into field values, recording what was repaired or left out."""

    def __init__(self, line: int, findings: list[Finding], known: set[tuple[str, str]],
                 dates: DateOrder | None = None) -> None:
        self.line = line
        self.findings = findings
        self.known = known
        self.dates = dates or DateOrder(None)
        self.rejected: set[tuple[str, str]] = set()

    def note(self, level: str, key: str, about: Target | tuple[str, str] | None, **params: Any) -> None:
        """Record a finding on this row. ``about``: the field whose value the finding is about (a target,
        or ``(kind, name)``), None when it quotes no value of a record; the values of a restricted field
        are never quoted (:func:`shown_params`)."""
        field = (about.kind, about.name) if isinstance(about, Target) else about
        self.findings.append(Finding(level, key, shown_params(field, params), self.line))

    # -- one cell
    def convert(self, target: Target, raw: str, column: str) -> Any:
        spec = target.spec
        assert spec is not None
        text = _clean(raw)
        if not text:
            return None
        if is_placeholder(text) and not (spec.vocab is not None and spec.vocab.resolve(text)):
            self.note(REPARE, "importer.valeur-remplissage", target, colonne=column, valeur=text)
            return None
        kind, name = target.kind, target.name
        if spec.vocab is not None:
            return self._codes(target, text, column) if spec.is_list else self._code(target, text, column)
        if spec.is_list:
            return self._texts(target, text, column)
        if (kind, name) in _ONE_LINE:
            one = " ".join(text.split())
            if "\n" in text:
                self.note(REPARE, "importer.une-ligne", target, colonne=column, valeur=one)
            text = one
        elif spec.kind == "siret":
            return self._siret(target, text, column)
        elif spec.kind == "url":
            return self._url(target, text, column)
        elif spec.kind == "email":
            if text.lower().startswith("mailto:"):
                self.note(REPARE, "importer.mailto", target, colonne=column, valeur=text)
                text = text[7:].strip()
        elif spec.kind == "date":
            return self._date(target, text, column)
        elif spec.kind == "nombre":
            fixed = decimal_comma(text)
            if fixed is not None:
                self.note(REPARE, "importer.virgule-decimale", target, colonne=column, valeur=text, nombre=fixed)
                text = fixed
            return self._checked(target, text, column, typed=True)
        return self._checked(target, text, column)

    def _checked(self, target: Target, value: Any, column: str, *, typed: bool = False) -> Any:
        typed_value, diags = check_answer(MODELS[target.kind], target.name, value)
        if diags:
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.valeur-refusee", target, colonne=column, valeur=value,
                      raison=diagnostic_param(diags[0]))
            return None
        return typed_value if typed else value

    def _term(self, target: Target, raw: str, column: str) -> Term | None:
        vocab = _vocab(target)
        term = vocab.resolve(raw)
        restricted = is_restricted(target.kind, target.name)
        if term is None:
            close = vocab.suggest(raw)
            if restricted:  # « close to » would say something of the value: the accepted values instead
                self.note(ECARTE, "importer.valeur-inconnue.restreinte", target, colonne=column,
                          valeurs_possibles=", ".join(t.fr for t in vocab.terms))
            elif close:
                self.note(ECARTE, "importer.valeur-inconnue.proche", target, colonne=column, valeur=raw,
                          suggestions=close)
            else:
                self.note(ECARTE, "importer.valeur-inconnue", target, colonne=column, valeur=raw)
            self.rejected.add((target.kind, target.name))
            return None
        if not _is_canonical(target.kind, target.name, vocab, raw) and not restricted:
            # (a restricted value is neither quoted nor its code shown: a repair would say nothing)
            key = ("importer.valeur-convertie" if (target.kind, target.name) not in LIBRARY_VALUES
                   else "importer.orthographe-export" if fold(raw) == fold(term.bibliotheque_label)
                   else "importer.hors-enumeration")
            self.note(REPARE, key, target, colonne=column, valeur=raw, code=term.code)
        return term

    def _code(self, target: Target, text: str, column: str) -> str | None:
        term = self._term(target, " ".join(text.split()), column)
        return term.code if term else None

    def _codes(self, target: Target, text: str, column: str) -> list[str] | None:
        vocab = _vocab(target)
        pieces = [" ".join(p.split()) for p in STRONG.split(text)]
        items: list[str] = []
        for piece in pieces:
            for sub in SPACED_DASH.split(piece):
                sub = sub.strip()
                if not sub or is_placeholder(sub):
                    continue
                if vocab.resolve(sub) is None and "-" in sub:
                    parts = [p.strip() for p in sub.split("-") if p.strip()]
                    if parts and all(vocab.resolve(p) for p in parts):
                        items.extend(parts)
                        continue
                items.append(sub)
        codes: list[str] = []
        for item in items:
            term = self._term(target, item, column)
            if term is not None and term.code not in codes:
                codes.append(term.code)
        return codes or None

    def _texts(self, target: Target, text: str, column: str) -> list[str] | None:
        items, hyphens = split_list(text, self.known)
        kept = [i for i in items if not is_placeholder(i)]
        if len(kept) < len(items):
            self.note(REPARE, "importer.valeur-remplissage", target, colonne=column,
                      valeur=", ".join(i for i in items if is_placeholder(i)))
        if hyphens and kept:
            self.note(REPARE, "importer.liste-traits-union", target, colonne=column, valeur=" ".join(text.split()),
                      elements=kept)
        return kept or None

    def _siret(self, target: Target, text: str, column: str) -> str | None:
        compact = compact_siret(text)
        if re.fullmatch(r"\d{14}0+", compact) and re.fullmatch(r"\d{14}\.0+", text.strip()):
            compact = compact[:14]  # a number a spreadsheet wrote as 24310063300391.0
        if not re.fullmatch(r"\d{14}", compact):
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.siret-format", target, colonne=column, valeur=text)
            return None
        if not siret_checksum_ok(compact):
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.siret-cle", target, colonne=column, valeur=text)
            return None
        if compact != text:
            self.note(REPARE, "importer.siret-compacte", target, colonne=column, valeur=text, siret=compact)
        return compact

    def _url(self, target: Target, text: str, column: str) -> str | None:
        value = text.strip()
        if re.match(r"^www\.[^\s]+\.[^\s]+$", value, re.IGNORECASE):
            fixed = "https://" + value
            if not check_answer(MODELS[target.kind], target.name, fixed)[1]:
                self.note(REPARE, "importer.url-completee", target, colonne=column, valeur=value, url=fixed)
                return fixed
        if check_answer(MODELS[target.kind], target.name, value)[1]:
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.url-texte", target, colonne=column, valeur=" ".join(value.split()))
            return None
        return value

    def _date(self, target: Target, text: str, column: str) -> str | None:
        value = text.strip()
        m = re.fullmatch(r"(.+?)[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", value)
        if m:
            value = m.group(1)
        iso: str | None = None
        serial = False
        if FULL.fullmatch(value):  # a/b/yyyy: in the order decided for the whole file
            iso, undecided = self.dates.read(value, column)
            if undecided:
                self.rejected.add((target.kind, target.name))
                self.note(ECARTE, "importer.date-indecise", target, colonne=column, valeur=text)
                return None
        elif parse_partial_date(value):
            iso = value
        elif (found := numeric_french_date(value)):
            iso = found
        elif (m2 := re.fullmatch(r"(\d{4})/(\d{1,2})(?:/(\d{1,2}))?", value)):
            candidate = f"{m2.group(1)}-{int(m2.group(2)):02d}" + (f"-{int(m2.group(3)):02d}" if m2.group(3) else "")
            iso = candidate if parse_partial_date(candidate) else None
        elif re.fullmatch(r"\d{5}(?:[.,]0+)?", value):
            number = int(re.split(r"[.,]", value)[0])
            if 20000 <= number <= 80000:  # 1954 to 2119: a spreadsheet's day count
                iso = (_EXCEL_EPOCH + timedelta(days=number)).isoformat()
                serial = True
        if iso is None:
            self.rejected.add((target.kind, target.name))
            self.note(ECARTE, "importer.date-invalide", target, colonne=column, valeur=text)
            return None
        if serial:
            self.note(REPARE, "importer.date-serie", target, colonne=column, valeur=text, date=iso)
        elif value != text.strip() or (not parse_partial_date(text.strip())
                                       and french_date_to_iso(text.strip()) != iso):
            self.note(REPARE, "importer.date-convertie", target, colonne=column, valeur=text, date=iso)
        return iso
