"""Examples of every export format, made from one real record of this repository (docs/exemples/)."""

from __future__ import annotations

from pathlib import Path

EXAMPLE_RECORD = "data/cas-usage/sicoval-detection-fuites-eau.yaml"
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
    from iaterr.cli.export import render_export
    from iaterr.publish.export import load_items
    from iaterr.repo.config import open_repository

    repo = open_repository(root)
    items = load_items(repo, paths=[root / EXAMPLE_RECORD])
    return {name: render_export(fmt, items, "fr") for fmt, name in EXAMPLE_FILES.items()}


def write_examples(root: Path) -> list[Path]:
    from iaterr.repo.yamlio import atomic_write

    written = []
    for name, text in example_texts(root).items():
        path = root / "docs" / "exemples" / name
        atomic_write(path, text)
        written.append(path)
    return written


if __name__ == "__main__":  # python -m iaterr.publish.examples  (from the repository's root)
    for written in write_examples(Path.cwd()):
        print(written)
