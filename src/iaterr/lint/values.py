"""What rules need to read a raw record and place a finding.

The readers of values (robust to labels, aliases and odd types; they never raise) live in
:mod:`iaterr.model.values`, shared with the qualification; they are re-exported here.
"""

from __future__ import annotations

from typing import Any

from iaterr.lint.engine import Finding, RecordContext
from iaterr.model.values import (  # noqa: F401 - the readers of values, for the rules
    as_int,
    boolean,
    code_is,
    code_of,
    codes_of,
    entries,
    is_blank,
    is_false,
    is_true,
    known_codes_of,
)
from iaterr.model.vocab import Vocabulary


def excerpt(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label(vocab: Vocabulary, code: str) -> dict[str, str]:
    return {"fr": vocab.label(code, "fr"), "en": vocab.label(code, "en")}


def where(ctx: RecordContext, *fields: str) -> tuple:
    """The path of the first of ``fields`` that the record holds (even empty), else the whole record."""
    if isinstance(ctx.data, dict):
        for name in fields:
            if name in ctx.data:
                return (name,)
    return ()


def finding_at(ctx: RecordContext, fields: tuple[str, ...], params: dict[str, Any] | None = None) -> Finding:
    """A finding at the first of ``fields`` that the record holds: at the key when its value is a list or a
    mapping (so that an empty or incomplete list is shown by its name), else at the value."""
    path = where(ctx, *fields)
    at_key = bool(path) and isinstance(ctx.get(*path), (list, dict))
    return Finding(path, params or {}, at_key=at_key)


def decides(ctx: RecordContext) -> bool:
    """The processing takes or prepares individual decisions (the CRPA applies)."""
    return is_true(ctx.get("decisions_individuelles"))
