"""The order of day and month in the file's ``a/b/yyyy`` dates, decided once for the whole file.

French exports write day/month/year; the Bibliothèque's beta tables of 2025-01 wrote month/day/year. A date
like ``03/04/2025`` says nothing by itself, so the order is decided **per file** from the evidence:

- a part greater than 12 (``16/04/2025``: day first; ``04/16/2025``: month first), in any date column;
- the dates of one row read together: a project starts before its last update;
- the export's date (in the file's name): no date of the file is after it;
- dates entered to the month: a spreadsheet stores ``03/2022`` as the 1st of the month, so when every date of a
  column has the same part ``1`` and the other part varies (``3/1/2022``, ``6/1/2021``, ``11/1/2022``…), the
  ``1`` is the day (read the other way, every project would have started in January).

Evidence for one order only decides it. Without evidence (every date ``≤ 12/≤ 12``) or with evidence both
ways, the file is ambiguous: the order is asked (``--ordre-dates jma|mja``), and each date that depends on it
is left out and reported. An explicit order that the evidence contradicts (a part > 12 where the month
should be) is reported and not followed: only the dates readable in one order are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iaterr.base.diagnostics import REDACTED
from iaterr.ingest.bibliotheque.report import AVERTISSEMENT, ECARTE, INFO, Finding
from iaterr.ingest.bibliotheque.source import Export
from iaterr.model.visibility import is_public

JMA, MJA = "jma", "mja"
ORDERS = (JMA, MJA)
#: ``a/b/yyyy`` (or with ``-`` or ``.``), a time after it allowed.
FULL = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?\s*")
#: date fields of a use case that must come in this order within a row
_ORDERED = ("date_debut", "date_mise_a_jour")


@dataclass
class DateOrder:
    """The order the file's dates are read in (None: undecided), and why."""

    order: str | None
    #: the order was given (``--ordre-dates``)
    given: bool = False
    #: for each order, the first piece of evidence for it (a message parameter)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the columns whose dates were entered to the month (all on the 1st in this order): read as ``YYYY-MM``,
    #: since the day is the spreadsheet's, not the project's
    to_the_month: frozenset[str] = frozenset()

    def read(self, value: str, column: str | None = None) -> tuple[str | None, bool]:
        """``value`` as ISO when it is an ``a/b/yyyy`` date: (iso or None, undecided). (None, False) for an
        ``a/b/yyyy`` date that is no date in the file's order, and for any other text (read elsewhere). In a
        column of :attr:`to_the_month`, the month only."""
        m = FULL.fullmatch(value)
        if not m:
            return None, False
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        order = self.order
        if order is None:
            if a == b:
                order = JMA
            elif a > 12 >= b:
                order = JMA
            elif b > 12 >= a:
                order = MJA
            else:
                return None, True
        day, month = (a, b) if order == JMA else (b, a)
        iso = _iso(y, month, day)
        if iso is not None and column is not None and column in self.to_the_month:
            iso = iso[:7]
        return iso, False


def _iso(y: int, month: int, day: int) -> str | None:
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _export_day(path: Path) -> date | None:
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", path.name)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def decide(export: Export, given: str | None, findings: list[Finding]) -> DateOrder:
    """The order of the file's dates, from the evidence and the order ``given`` (``jma``, ``mja`` or None);
    file-level findings say how it was decided, or that it could not be."""
    columns = [c for c in export.columns if c.target is not None and c.target.spec is not None
               and c.target.spec.kind == "date"]
    evidence: dict[str, dict[str, Any]] = {}
    ambiguous = 0
    contradicting: dict[str, int] = {JMA: 0, MJA: 0}
    export_day = _export_day(export.path)

    def vote(order: str, key: str, **params: Any) -> None:
        evidence.setdefault(order, {"t": key, "p": params})

    by_column: dict[str, list[tuple[int, int, int, int]]] = {}
    for row in export.rows:
        if row.problem:
            continue
        parsed: dict[str, tuple[int, int, int]] = {}
        for column in columns:
            if column.index >= len(row.cells):
                continue
            value = row.cells[column.index].strip()
            m = FULL.fullmatch(value)
            if not m:
                continue
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            assert column.target is not None
            parsed[column.target.name] = (a, b, y)
            by_column.setdefault(column.header, []).append((a, b, y, row.line))
            # the value of a restricted field is never quoted in the report
            shown = value if column.target.spec is not None and is_public(column.target.spec) else REDACTED
            where = {"ligne": row.line, "colonne": column.header, "valeur": shown}
            if a > 12 and b <= 12:
                vote(JMA, "importer.ordre-dates.preuve.partie", **where)
                contradicting[MJA] += 1
            elif b > 12 and a <= 12:
                vote(MJA, "importer.ordre-dates.preuve.partie", **where)
                contradicting[JMA] += 1
            elif a != b and a <= 12 and b <= 12:
                ambiguous += 1
                if export_day is not None:
                    after = {o: (d := _iso(y, *((b, a) if o == JMA else (a, b)))) is not None
                             and d > export_day.isoformat() for o in ORDERS}
                    if after[JMA] != after[MJA]:
                        vote(MJA if after[JMA] else JMA, "importer.ordre-dates.preuve.export",
                             date_export=export_day.isoformat(), **where)
        if all(name in parsed for name in _ORDERED):
            ok = {}
            for o in ORDERS:
                isos = [_iso(y, *((b, a) if o == JMA else (a, b))) for a, b, y in (parsed[n] for n in _ORDERED)]
                ok[o] = None not in isos and isos == sorted(isos)  # type: ignore[type-var]
            if ok[JMA] != ok[MJA]:
                vote(JMA if ok[JMA] else MJA, "importer.ordre-dates.preuve.ligne", ligne=row.line)

    monthly = {order: frozenset(h for h, dates in by_column.items() if first_of_month(h, dates, order, vote))
               for order in ORDERS}

    if given:
        if contradicting[given]:
            other = JMA if given == MJA else MJA
            findings.append(Finding(ECARTE, "importer.ordre-dates.contredit", {
                "ordre": {"t": f"importer.ordre-dates.{given}"}, "autre": {"t": f"importer.ordre-dates.{other}"},
                "nombre": contradicting[given], "preuve": evidence.get(other)}))
            # the file says the other order: a date that both orders could read is not guessed either way
            return DateOrder(None, True, evidence)
        return DateOrder(given, True, evidence, monthly[given])
    if len(evidence) == 1:
        order = next(iter(evidence))
        if order == MJA or ambiguous:
            findings.append(Finding(INFO, "importer.ordre-dates.decide", {
                "ordre": {"t": f"importer.ordre-dates.{order}"}, "preuve": evidence[order]}))
        return DateOrder(order, False, evidence, monthly[order])
    if ambiguous or len(evidence) == 2:
        key = "importer.ordre-dates.contradictoire" if len(evidence) == 2 else "importer.ordre-dates.indecis"
        findings.append(Finding(AVERTISSEMENT, key, {"nombre": ambiguous}))
    return DateOrder(None, False, evidence)


#: the fewest dates in a column from which « all on the 1st of a month » is evidence
MIN_FIRST_OF_MONTH = 3


def first_of_month(header: str, dates: list[tuple[int, int, int, int]], order: str, vote: Any) -> bool:
    """Are the dates of ``header`` entered to the month, read in ``order`` (each on the 1st, stored so by a
    spreadsheet)? Evidence for ``order`` (voted) when the other part takes at least two values, one of them
    ambiguous: read the other way, every date would fall in January."""
    if len(dates) < MIN_FIRST_OF_MONTH:
        return False
    day_index = 1 if order == MJA else 0
    other = 1 - day_index
    if not all(d[day_index] == 1 for d in dates) or len({d[other] for d in dates}) < 2:
        return False
    if any(1 < d[other] <= 12 for d in dates):
        vote(order, "importer.ordre-dates.preuve.premier-du-mois", colonne=header, nombre=len(dates),
             ligne=dates[0][3])
    return True
