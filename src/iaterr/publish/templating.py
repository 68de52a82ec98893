"""The Jinja2 environment of every document iaterr writes: one set of settings for all."""

from __future__ import annotations

from typing import Any

from iaterr.base.text import is_web_url


def environment(package_path: str = "templates") -> Any:
    """Templates under ``iaterr/<package_path>``; HTML autoescaped, blocks trimmed, final newline kept; the
    test ``is web_url`` says which values may become links (:func:`iaterr.base.text.is_web_url`). Templates
    are compiled from the package's files on each run: no compiled template is read from anywhere."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("iaterr", package_path),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["web_url"] = is_web_url
    return env
