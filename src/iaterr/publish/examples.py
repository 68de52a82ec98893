"""Examples of every export format, made from one real record of this repository (``docs/exemples/``).

Generated from the format registry (:mod:`iaterr.publish.formats`); ``iaterr reference --exemples`` writes
them and a test fails when they are stale.
"""

from __future__ import annotations

from pathlib import Path

from iaterr.publish.export import load_items
from iaterr.publish.formats import FORMATS, write_items
from iaterr.repo.config import RepositoryError, open_repository

EXAMPLE_RECORD = "data/cas-usage/sicoval-detection-fuites-eau.yaml"
#: file name of the example of each format that reads records
EXAMPLE_FILES = {
    "csv": "registre.csv",
    "json": "registre.json",
    "bibliotheque": "bibliotheque.csv",
    "eurocities": "eurocities.json",
    "algoritmeregister": "algoritmeregister.json",
    "atrs": "atrs.json",
    "ai-act": "ai-act.json",
}


def example_texts(root: Path) -> dict[str, str]:
    """File name → text of the example of each format, for the record ``EXAMPLE_RECORD``."""
    repo = open_repository(root)
    items = load_items(repo, paths=[root / EXAMPLE_RECORD], use_cache=False) if (root / EXAMPLE_RECORD).is_file() \
        else None
    if items is None or not items.items:  # nothing to make them from: never seven empty examples
        raise RepositoryError("cli.exemples-sans-fiche", fichier=EXAMPLE_RECORD)
    return {EXAMPLE_FILES[name]: write_items(name, items, "fr") for name in FORMATS if name in EXAMPLE_FILES}
