"""The lint rules: one module per family, each listing its rules in ``RULES``; collected here, explicitly.

Importing this package changes nothing elsewhere: :data:`RULES` is built from the family modules listed
in :data:`FAMILY_MODULES`, and a code that is defined twice, or that is also a code of ``validate``, stops
the import (a test imports it).
"""

from __future__ import annotations

from types import ModuleType

from iaterr.base.diagnostics import CODES
from iaterr.lint.engine import Rule
from iaterr.lint.rules import (
    doublons,
    fraicheur,
    ia_act,
    qualite,
    rgpd,
    securite,
    silences,
    transparence,
    vie_privee,
)

#: The families, in the order ``iaterr rules`` lists them.
FAMILY_MODULES: tuple[ModuleType, ...] = (transparence, ia_act, rgpd, vie_privee, qualite, securite, fraicheur,
                                          doublons, silences)


def collect(modules: tuple[ModuleType, ...]) -> dict[str, Rule]:
    """Code → rule, from the ``RULES`` tuple of each module."""
    out: dict[str, Rule] = {}
    for module in modules:
        for declared in module.RULES:
            if declared.code in out or declared.code in CODES:
                raise ValueError(f"rule code defined twice: {declared.code}")
            out[declared.code] = declared
    return out


RULES: dict[str, Rule] = collect(FAMILY_MODULES)

__all__ = ["FAMILY_MODULES", "RULES", "collect"]
