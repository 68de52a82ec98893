"""The Jinja2 environment of every document iaterr writes: one set of settings for all."""

from __future__ import annotations

from typing import Any

from iaterr.base.text import is_web_url, printable


def _shown(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    shown = printable(value)
    if shown is value:
        return value
    from markupsafe import Markup

    # HTML already made safe (rows of the lists) stays HTML: only its invisible characters are shown
    return Markup(shown) if isinstance(value, Markup) else shown


def environment(package_path: str = "templates") -> Any:
    """Templates under ``iaterr/<package_path>``; HTML autoescaped, blocks trimmed, final newline kept; the
    test ``is web_url`` says which values may become links (:func:`iaterr.base.text.is_web_url`). Every text
    a template prints shows its control and invisible characters as escapes (a direction override from a
    record would otherwise make a page read in another order than it holds). Templates are compiled from
    the package's files on each run: no compiled template is read from anywhere."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("iaterr", package_path),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
        auto_reload=False,
    )
    env.tests["web_url"] = is_web_url
    return env
