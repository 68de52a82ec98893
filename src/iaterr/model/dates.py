"""Partial dates as records write them: ``AAAA``, ``AAAA-MM`` or ``AAAA-MM-JJ`` (light: no pydantic)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
_FR_DATE = re.compile(r"^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")


@lru_cache(maxsize=4096)
def parse_partial_date(value: str) -> tuple[int, ...] | None:
    """``2024``, ``2024-05`` or ``2024-05-13`` as a tuple, None when invalid (remembered: records share dates)."""
    m = DATE_RE.fullmatch(value)
    if not m:
        return None
    parts = tuple(int(p) for p in m.groups() if p is not None)
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) == 3:
        try:
            date(*parts)
        except ValueError:
            return None
    return parts


def french_date_to_iso(value: str) -> str | None:
    """``13/05/2024`` → ``2024-05-13``; ``05/2024`` → ``2024-05``; None otherwise."""
    m = _FR_DATE.fullmatch(value.strip())
    if not m:
        return None
    day, month, year = m.groups()
    iso = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return iso if parse_partial_date(iso) else None


__all__ = ["DATE_PATTERN", "DATE_RE", "french_date_to_iso", "parse_partial_date"]
