"""The Jinja2 environment of every document iaterr writes: one set of settings for all."""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable
from typing import Any, cast

from markupsafe import Markup, escape

from iaterr.base.text import is_web_url, printable


def _shown(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    shown = printable(value)
    if shown is value:
        return value
    # HTML already made safe (rows of the lists) stays HTML: only its invisible characters are shown
    return Markup(shown) if isinstance(value, Markup) else shown


def _escaped(text: str) -> str:
    """``text`` escaped for HTML as :func:`markupsafe.escape` does (its own pure-Python form), as text."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;") \
        .replace('"', "&#34;")


#: what :func:`html_shown` made of the texts a page prints again and again (the way up to the site's top, a label,
#: a collectivité's name, a citation, the law's sentences), kept while there are few: text → HTML, safe HTML → HTML
_SHOWN_TEXT: dict[str, str] = {}
_SHOWN_HTML: dict[str, str] = {}
_KEPT_LENGTH, _KEPT_COUNT = 300, 2048


def html_shown(value: Any) -> str:
    """What ``{{ value }}`` writes on an HTML page, in one call: ``escape(_shown(value))``, the finalize and the
    escaping Jinja would call one after the other, with the same characters, always as plain text (the page
    joins them: no ``Markup`` is made for each value it prints, and text added to it is never escaped again)."""
    kind = type(value)
    if kind is str or kind is Markup:  # a record's text, a label, a message; HTML already safe
        kept = _SHOWN_TEXT if kind is str else _SHOWN_HTML
        shown = kept.get(value)
        if shown is None:
            text = str.__str__(value)
            # safe HTML: only its invisible characters shown
            shown = _escaped(printable(text)) if kind is str else printable(text)
            if len(text) <= _KEPT_LENGTH and len(kept) < _KEPT_COUNT:
                kept[text] = shown
        return shown
    if kind is int:  # a heading's level, a count
        return str(value)
    return str.__str__(escape(_shown(value)))


#: what Jinja's context calls as it is: plain functions and methods (messages, labels, a notice's sentences)
_PLAIN_CALLABLES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.BuiltinMethodType)
#: per type: for a mapping (a record), the names ``getattr`` finds on it (any other name of ``d.name`` is one of
#: its keys) and whether its objects may hold attributes of their own; None for any other type, or a mapping
#: type that computes its attributes
_MAPPING_NAMES: dict[type, tuple[frozenset[str], bool] | None] = {}


def _mapping_names(cls: type) -> tuple[frozenset[str], bool] | None:
    computed = "__getattr__" in dir(cls) or cls.__getattribute__ is not dict.__getattribute__
    if not issubclass(cls, dict) or computed:
        return None
    return frozenset(dir(cls)), cls.__dictoffset__ != 0


def _make_environment_class() -> type:
    """Jinja's environment, the same templates and the same pages, with three steps made cheaper, as the
    register renders thousands of use-case pages (#14): each ``{{ value }}`` of an HTML template is written by
    one call (:func:`html_shown`); ``d.name`` of a record (a dict) reads its key at once where Jinja first
    tries an attribute of that name and fails; a plain function is called as it is (Jinja asks each callable
    whether it wants the context). ``tests/test_rendu_moteur.py`` renders the register's pages with Jinja's
    own environment and compares."""
    from jinja2 import Environment
    from jinja2.compiler import CodeGenerator
    from jinja2.runtime import Context

    class Generator(CodeGenerator):
        def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
            if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src == "environment.finalize(":
                self.write("environment.html_shown(")
            else:
                super()._output_child_pre(node, frame, finalize)

        def _output_child_post(self, node: Any, frame: Any, finalize: Any) -> None:
            if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src == "environment.finalize(":
                self.write(")")
            else:
                super()._output_child_post(node, frame, finalize)

    class FastContext(Context):
        def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's own signature
            if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
                return super().call(__obj, *args, **kwargs)  # a macro, a callable that asks for the context
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined("value was undefined because a callable raised a"
                                                    " StopIteration exception")

    class FastEnvironment(Environment):
        code_generator_class = Generator
        context_class = FastContext
        html_shown = staticmethod(html_shown)

        def getattr(self, obj: Any, attribute: str) -> Any:
            cls = type(obj)
            try:
                names = _MAPPING_NAMES[cls]
            except KeyError:
                names = _MAPPING_NAMES[cls] = _mapping_names(cls)
            if names is None or attribute in names[0] or (names[1] and attribute in vars(obj)):
                try:  # Jinja's own order: the attribute, else the item
                    return getattr(obj, attribute)
                except AttributeError:
                    pass
            try:
                return obj[attribute]
            except (TypeError, LookupError, AttributeError):
                return self.undefined(obj=obj, name=attribute)

    return FastEnvironment


class _InMemory:
    """Jinja's compiled templates kept in this process's memory, never on disk: an environment made later in
    the same run (another language of the register, the next build of a test run) reuses the code compiled
    from the same source (Jinja checks its checksum) with the same filters and tests. Nothing compiled is ever
    read from a file, a repository or a cache folder."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str, frozenset[str], frozenset[str]], Any] = {}

    def _key(self, bucket: Any) -> tuple[str, str, frozenset[str], frozenset[str]]:
        env = bucket.environment
        # the code Jinja's own environment compiles differs (:func:`_make_environment_class`)
        return f"{type(env).__module__}.{type(env).__qualname__}\0{bucket.key}", bucket.checksum, \
            frozenset(env.filters), frozenset(env.tests)

    def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Any:
        from jinja2.bccache import Bucket

        checksum = _checksum(source)
        bucket = Bucket(environment, f"{name}\0{filename}", checksum)
        code = self.code.get(self._key(bucket))
        if code is not None:
            bucket.code = code
        return bucket

    def set_bucket(self, bucket: Any) -> None:
        if bucket.code is not None:
            self.code[self._key(bucket)] = bucket.code


@functools.cache
def _environment_class() -> type:
    return _make_environment_class()


def _checksum(source: str) -> str:
    import hashlib

    return hashlib.sha1(source.encode("utf-8")).hexdigest()


_COMPILED = _InMemory()


#: an expression a template prints: ``{{ expression }}`` (whitespace control, ``{{-``, is never folded)
_PRINTED = re.compile(r"\{\{ ([^{}\-][^{}]*?) \}\}")
#: tags that trim the white space of the text before them, or after them
_TRIM_AFTER = ("{%-", "{#-", "{{-")
_TRIM_BEFORE = ("-%}", "-#}", "-}}")
#: what a constant function returns for an expression that is not the same on every page
NOT_CONSTANT: Any = object()


def _folded(source: str, name: str, constant: Callable[[str, str], Any]) -> str:
    """``source`` (the template ``name``) with each printed expression that is the same on every page
    (``constant`` gives its value, or :data:`NOT_CONSTANT`) written in as the page prints it: escaped, its
    invisible characters shown. A value that holds a brace stays an expression (no value is ever read as
    template code), and so does one that the template's whitespace rules would trim once it is text: a
    blank one, one with a line break (``trim_blocks``, ``lstrip_blocks``), one next to a tag that trims
    (``{%-``, ``-%}``…)."""
    def fold(found: re.Match[str]) -> str:
        value = constant(name, found.group(1).strip())
        if value is NOT_CONSTANT:
            return found.group()
        text = str(escape(_shown(value)))
        trimmed = source[found.end():found.end() + 3] in _TRIM_AFTER or \
            source[max(found.start() - 3, 0):found.start()] in _TRIM_BEFORE
        kept = "{" in text or "}" in text or "\n" in text or "\r" in text or not text.strip()
        return found.group() if kept or (trimmed and text != text.strip()) else text

    return _PRINTED.sub(fold, source)


def _folding_loader(package_path: str, constant: Callable[[str, str], Any]) -> Any:
    """The package's templates, what every page prints the same written in (a template is then compiled once
    for each set of constants: a page no longer works out the same words again)."""
    from jinja2 import PackageLoader

    class Folding(PackageLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool] | None]:
            source, filename, uptodate = super().get_source(environment, template)
            if template.endswith((".html", ".html.j2")):  # escaped as HTML, as autoescape would
                source = _folded(source, template, constant)
            return source, filename, uptodate

    return Folding("iaterr", package_path)


def environment(package_path: str = "templates", constant: Callable[[str, str], Any] | None = None) -> Any:
    """Templates under ``iaterr/<package_path>``; HTML autoescaped, blocks trimmed, final newline kept; the
    test ``is web_url`` says which values may become links (:func:`iaterr.base.text.is_web_url`). Every text
    a template prints shows its control and invisible characters as escapes (a direction override from a
    record would otherwise make a page read in another order than it holds). Templates are compiled from
    the package's files, once per process (kept in memory only, :class:`_InMemory`): no compiled template is
    read from any file. With ``constant`` (template name, expression → the value it prints on every page, or
    :data:`NOT_CONSTANT`), each such ``{{ expression }}`` of an HTML template is written in as text when the
    template is compiled (:func:`_folded`)."""
    from jinja2 import PackageLoader, select_autoescape

    env = _environment_class()(
        loader=PackageLoader("iaterr", package_path) if constant is None else _folding_loader(package_path, constant),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
        auto_reload=False,
        bytecode_cache=cast(Any, _COMPILED),  # Jinja calls its two methods: nothing read nor written on disk
    )
    env.tests["web_url"] = is_web_url
    return env
