"""The justified silences the import writes in records.

Some lint rules fire on an imported record only because the public export lacks the field (or a
date) that would settle them. The import silences exactly those, rule by rule and only where they
fire, with one line at the head of the record::

    # iaterr: ignore[crpa-decisions-non-renseignees] <reason, in the records' language> [import-bibliotheque]

The import recognises its own line by the fixed, language-independent :data:`SILENCE_TOKEN` at its
end, never by its reason: the reason may be reworded, translated or written in another language than
today's. Lines written by older versions, without the token, are recognised by
:mod:`~iaterr.ingest.bibliotheque.legacy`. Silences written by people are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from iaterr.base.diagnostics import Severity
from iaterr.i18n import message
from iaterr.ingest.bibliotheque.legacy import is_legacy_reason
from iaterr.ingest.bibliotheque.merge import header_index, is_empty
from iaterr.lint.engine import SILENCE_RE, RecordContext, find_silences, setting_severity
from iaterr.lint.rules import RULES
from iaterr.lint.run import settings_of
from iaterr.model.droit import environment_today
from iaterr.repo.config import Repository
from iaterr.repo.gitops import GitHistory

#: Ends every silence line the import writes: how it finds its own lines again, in any language.
SILENCE_TOKEN = "[import-bibliotheque]"
#: Lint rules that fire on an imported use case only because the public export lacks the fields (or a
#: date) that would settle them: the import says so with a justified silence, rule by rule.
UC_SILENCES = ("crpa-decisions-non-renseignees", "ia-act-risque-non-evalue", "qualite-fin-sans-date",
               "fraicheur-experimentation-longue")
COLL_SILENCES = ("siret-manquant",)


@dataclass(frozen=True)
class ImportSilence:
    """A silence line the import wrote."""

    #: index of the line in the text (from 0)
    index: int
    codes: list[str]
    #: the reason, without the token
    reason: str
    #: written by an older version (no token; recognised by its reason)
    legacy: bool = False


def _without_token(reason: str) -> str:
    return " ".join(reason.replace(SILENCE_TOKEN, " ").split())


def own_silences(text: str) -> list[ImportSilence]:
    """The import's own silence lines in ``text``: those ending with the token, and those of older versions."""
    out = []
    for index, line in enumerate(text.split("\n")):
        m = SILENCE_RE.match(line) if line.startswith("#") else None
        if m is None:
            continue
        reason = m.group(2).strip()
        if SILENCE_TOKEN in reason:
            legacy = False
            reason = _without_token(reason)
        elif is_legacy_reason(reason):
            legacy = True
        else:
            continue
        codes = [c.strip() for c in m.group(1).split(",") if c.strip()]
        out.append(ImportSilence(index, codes, reason, legacy))
    return out


def other_silenced(text: str) -> set[str]:
    """The codes silenced in ``text`` by other silences than the import's (written by people)."""
    ours = {s.index + 1 for s in own_silences(text)}
    return {code for s in find_silences(text) if s.line not in ours for code in s.codes}


def silence_line(codes: list[str], reason: str) -> str:
    return f"# iaterr: ignore[{', '.join(codes)}] {reason} {SILENCE_TOKEN}"


def silence_reason(kind: str, export_date: str | None, lang: str, *, siret_rejected: bool) -> str:
    """The reason of a new silence line, in the records' language (an export whose date is unknown says so)."""
    key = "importer.silence.siret-faux" if kind == "collectivite" and siret_rejected else "importer.silence.absent"
    return message(key, lang, date=export_date or message("importer.date-inconnue", lang))


_REASON_DATE = re.compile(r"\((?:\d{4}-\d{2}-\d{2}|date inconnue|unknown date)\)")


def with_import_silence(text: str, codes: list[str], reason: str, *, export_date: str | None = None) -> str:
    """``text`` whose import silence names exactly ``codes`` (an existing reason is kept).

    An existing line that already names ``codes`` is left as it is, written by an older version or not, unless
    ``export_date`` is given (the record is being changed by the import of that export): the date in a reason
    the import wrote (« fiche tirée de l'export public de la Bibliothèque (2025-04-16) … ») then becomes that
    export's, in the reason's own language; a reason someone rewrote is kept as it is."""
    lines = text.split("\n")
    found = own_silences(text)
    refreshed = None
    if export_date and found and is_legacy_reason(found[0].reason):
        refreshed = _REASON_DATE.sub(f"({export_date})", found[0].reason, count=1)
    if len(found) == 1 and found[0].codes == codes and refreshed in (None, found[0].reason):
        return text
    index = found[0].index if found else None
    if found:
        reason = refreshed or found[0].reason
        for silence in reversed(found):
            del lines[silence.index]
    if codes:
        lines.insert(index if index is not None else header_index(lines), silence_line(codes, reason))
    return "\n".join(lines)


def firing_codes(repo: Repository, kind: str, data: dict[str, Any], coll: dict[str, Any] | None) -> list[str]:
    """Which of the rules the public export cannot satisfy fire on ``data`` (in a fixed order)."""
    settings = settings_of(repo)
    if kind == "collectivite":
        if is_empty(data.get("siret")) and setting_severity(settings, "siret-manquant", Severity.WARNING):
            return ["siret-manquant"]
        return []
    ctx = RecordContext("-", "cas_usage", data, None, coll, settings, GitHistory(), environment_today() or date.today())
    out = []
    for code in UC_SILENCES:
        rule = RULES[code]
        if setting_severity(settings, code, rule.severite) is None or rule.check is None:
            continue
        if any(True for _f in rule.check(ctx) or ()):
            out.append(code)
    return out
