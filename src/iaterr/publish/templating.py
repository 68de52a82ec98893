"""The Jinja2 environment of every document iaterr writes: one set of settings for all."""

from __future__ import annotations


def environment(package_path: str = "templates"):
    """Templates under ``iaterr/<package_path>``; HTML autoescaped, blocks trimmed, final newline kept."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("iaterr", package_path),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
