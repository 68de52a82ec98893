"""Reading and writing record files.

Reading (for validation) goes through libyaml's composer, which gives every node
its line and column at C speed. Scalars are then taken **as written**: iaterr
never lets YAML 1.1 guess a type, so ``no`` stays the text "no" and ``2024-01``
stays "2024-01"; the model decides what a value means. Only ``~``, ``null`` and
an empty plain value mean "no value".

Writing goes through ruamel.yaml's round-trip mode (:func:`roundtrip_yaml`,
:func:`dump_roundtrip`), which keeps comments, key order and layout; the text is
then written whole, never through a link, by :func:`iaterr.repo.writing.write_whole`.
"""

from __future__ import annotations

import io
import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from iaterr.base.diagnostics import Diagnostic, with_hint

try:  # libyaml; PyYAML's pure-Python loader gives the same nodes, slower
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

_STD = "tag:yaml.org,2002:"


class _RawLoader(_Loader):
    """libyaml's composer without YAML's implicit typing, which iaterr never uses.

    Untagged nodes get the plain str/seq/map tag by kind; explicit tags are kept (and checked).
    Skipping the resolver's regular expressions saves about a tenth of the parsing time.
    """

    _TAGS = {yaml.ScalarNode: _STD + "str", yaml.SequenceNode: _STD + "seq", yaml.MappingNode: _STD + "map"}

    def resolve(self, kind, value, implicit):  # noqa: D401 - PyYAML's hook
        return self._TAGS[kind]

    # PyYAML's hooks for path resolvers, which iaterr never adds (the resolver's own would return at once),
    # called twice for every node: answered by C built-ins that do nothing with their arguments
    descend_resolver = operator.is_  # (parent, index)
    ascend_resolver = tuple  # ()

_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_NULLS = {"", "~", "null", "Null", "NULL"}
_MAX_NODES = 20_000
BOM = b"\xef\xbb\xbf"


@dataclass
class Document:
    """A parsed file: its data (plain Python), its node tree and what went wrong."""

    path: str
    data: Any = None
    root: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None


# ---------------------------------------------------------------- reading


def read_document(raw: bytes, rel: str) -> Document:
    """Parse ``raw`` (the bytes of the file ``rel``) into a :class:`Document`."""
    doc = Document(rel)
    diags = doc.diagnostics
    if raw.startswith(BOM):
        diags.append(Diagnostic("bom", rel, params=with_hint({}, "bom")))
        raw = raw[len(BOM):]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        diags.append(Diagnostic("encodage", rel, params=with_hint({"octet": f"0x{raw[0]:02X}"}, "encodage-utf16")))
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        hint = "encodage-latin1" if _looks_cp1252(raw) else "encodage"
        diags.append(Diagnostic("encodage", rel, line, column,
                                params=with_hint({"octet": f"0x{raw[exc.start]:02X}"}, hint)))
        return doc
    if not text.strip() or _comments_only(text):
        diags.append(Diagnostic("fichier-vide", rel, params=with_hint({}, "racine")))
        return doc
    try:
        nodes = _compose(raw, text)
    except yaml.MarkedYAMLError as exc:
        diags.append(_syntax_diagnostic(exc, text, rel))
        return doc
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark
        diags.append(Diagnostic("yaml-syntaxe", rel, params=with_hint(
            {"probleme": {"t": "yaml.autre", "p": {"detail": str(exc)}}}, "yaml-general")))
        return doc
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        diags.append(Diagnostic("fichier-vide", rel, params=with_hint({}, "racine")))
        return doc
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        diags.append(Diagnostic("yaml-plusieurs-documents", rel, mark.line + 1, mark.column + 1,
                                params=with_hint({}, "un-document")))
    root = nodes[0]
    doc.root = root
    if not isinstance(root, yaml.MappingNode):
        found = "type.liste" if isinstance(root, yaml.SequenceNode) else "type.scalaire"
        mark = root.start_mark
        diags.append(Diagnostic("yaml-racine", rel, mark.line + 1, mark.column + 1,
                                params=with_hint({"trouve": {"t": found}}, "racine")))
        return doc
    try:
        doc.data = _plain(root)
        return doc
    except _Unusual:  # said by the converter that says everything
        pass
    counter = [0]
    try:
        doc.data = _convert(root, (), rel, diags, counter)
    except _TooComplex:
        diags.append(Diagnostic("yaml-trop-complexe", rel, params=with_hint({}, "trop-complexe")))
        doc.data = None
    return doc


def _compose(raw: bytes, text: str) -> list[Any]:
    """The YAML documents of a file (its bytes, in UTF-8, and its text). libyaml is given the bytes as they are:
    what it would be given of the text, the same bytes (the text is the bytes decoded, strictly), not encoded
    again. A file it refuses is read again from the text, for the error to say what it always said."""
    if _Loader is yaml.SafeLoader:  # pragma: no cover - without libyaml, the text
        return list(yaml.compose_all(text, Loader=_RawLoader))
    try:
        return list(yaml.compose_all(raw, Loader=_RawLoader))
    except yaml.YAMLError:
        return list(yaml.compose_all(text, Loader=_RawLoader))


def _comments_only(text: str) -> bool:
    """Is every line of ``text`` blank or a comment? Its first lines are looked at first: a record's are
    enough (the lines of a text are those of its part before a line feed, then those of its part after)."""
    cut = text.find("\n", 256)
    if cut > 0 and not _all_comments(text[:cut]):
        return False
    return _all_comments(text)


def _all_comments(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


class _TooComplex(Exception):
    pass


class _Unusual(Exception):
    pass


_SCALAR, _SEQUENCE, _MAPPING = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


def _plain(root: Any) -> Any:
    """What :func:`_convert` makes of ``root`` when it finds nothing to say (a record as usually written), faster:
    raises :class:`_Unusual` at anything it would say something about (a tag it refuses, a key that is not a
    text, a key given twice, too many nodes or too deep), for it to say it."""
    counter = [1]

    def convert(node: Any, depth: int) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            raise _Unusual
        cls, items = node.__class__, node.value
        if cls is _SCALAR:
            return None if not node.style and items in _NULLS else items
        counter[0] += len(items)
        if counter[0] > _MAX_NODES or depth >= 50:  # its items would be too many or too deep, or nearly
            raise _Unusual
        depth += 1
        # a text among the items is taken here (most are): the same as convert() would
        if cls is _MAPPING:
            out: dict[str, Any] = {}
            for key_node, node in items:
                if key_node.__class__ is not _SCALAR:
                    raise _Unusual
                key = key_node.value
                if key in out:
                    raise _Unusual
                if node.__class__ is _SCALAR and node.tag in _ALLOWED_TAGS and (node.style or node.value not in _NULLS):
                    out[key] = node.value
                else:
                    out[key] = convert(node, depth)
            return out
        if cls is not _SEQUENCE:
            raise _Unusual
        return [node.value if node.__class__ is _SCALAR and node.tag in _ALLOWED_TAGS
                and (node.style or node.value not in _NULLS) else convert(node, depth) for node in items]

    return convert(root, 0)


def _untagged(node: Any) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return yaml.ScalarNode(_STD + "str", node.value, node.start_mark, node.end_mark, style="'")
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode(_STD + "seq", node.value, node.start_mark, node.end_mark)
    return yaml.MappingNode(_STD + "map", node.value, node.start_mark, node.end_mark)


def _convert(node: Any, path: tuple, rel: str, diags: list[Diagnostic], counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > _MAX_NODES or len(path) > 50:
        raise _TooComplex
    tag = node.tag
    if tag not in _ALLOWED_TAGS:
        mark = node.start_mark
        diags.append(Diagnostic("yaml-etiquette", rel, mark.line + 1, mark.column + 1, path,
                                params=with_hint({"etiquette": tag.replace(_STD, "!!")}, "etiquette")))
        # keep the text as written, so that the tag is the only thing reported
        node = _untagged(node)
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # plain style: None (Python) or "" (libyaml)
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), rel, diags, counter) for i, item in enumerate(node.value)]
    out: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            mark = key_node.start_mark
            diags.append(Diagnostic("yaml-cle-invalide", rel, mark.line + 1, mark.column + 1, path))
            continue
        key = key_node.value
        if key in seen:
            mark = key_node.start_mark
            diags.append(Diagnostic("yaml-cle-dupliquee", rel, mark.line + 1, mark.column + 1, path + (key,),
                                    params=with_hint({"cle": key, "ligne_precedente": seen[key]}, "cle-dupliquee")))
            continue
        seen[key] = key_node.start_mark.line + 1
        out[key] = _convert(value_node, path + (key,), rel, diags, counter)
    return out


_PROBLEMS = (
    ("mapping values are not allowed", "yaml.mapping-values", "yaml-deux-points"),
    ("did not find expected key", "yaml.expected-key", "yaml-indentation"),
    ("did not find expected '-' indicator", "yaml.block-end", "yaml-indentation"),
    ("expected <block end>", "yaml.block-end", "yaml-indentation"),
    ("could not find expected ':'", "yaml.simple-key", "yaml-deux-points"),
    ("found character that cannot start any token", "yaml.cannot-start", "yaml-caractere"),
    ("cannot start any token", "yaml.cannot-start", "yaml-caractere"),
    ("did not find expected ',' or", "yaml.flow", "yaml-general"),
    ("expected ',' or", "yaml.flow", "yaml-general"),
    ("found undefined alias", "yaml.alias", "yaml-general"),
)


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, rel: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    # A tab in indentation is the usual cause of errors near it: say so precisely.
    for number, content in enumerate(lines[:line], start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return Diagnostic("yaml-tabulation", rel, number, indent.index("\t") + 1,
                              params=with_hint({}, "tabulation"))
    problem = exc.problem or ""
    context = exc.context or ""
    if "end of stream" in problem and "quoted scalar" in context:
        key, hint = "yaml.unclosed-quote", "yaml-guillemets"
        if exc.context_mark:
            line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
    else:
        key, hint = "yaml.autre", "yaml-general"
        for needle, k, h in _PROBLEMS:
            if needle in problem:
                key, hint = k, h
                break
    params: dict[str, Any] = {"detail": problem.strip()}
    if key == "yaml.cannot-start" and 0 < line <= len(lines):
        params["caractere"] = lines[line - 1][column - 1: column] or "?"
    return Diagnostic("yaml-syntaxe", rel, line, column, params=with_hint({"probleme": {"t": key, "p": params}}, hint))


def _looks_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return any(b in raw for b in (b"\xe9", b"\xe8", b"\xe0", b"\xe7", b"\xea", b"\x92"))


def position(root: Any, path: tuple, *, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of ``path`` in the node tree.

    With ``key=True`` the position of the key itself (for unknown keys). When the
    path goes further than the tree (a missing key), the deepest node found.
    """
    node = root
    pos = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)
    if node is None:
        return pos
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == part:
                    target = k if (last and key) else v
                    # an empty value sits after its key: point at the key
                    if target is v and isinstance(v, yaml.ScalarNode) and v.value == "" and not v.style:
                        target = k
                    node = v
                    pos = (target.start_mark.line + 1, target.start_mark.column + 1)
                    break
            else:
                return pos
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        else:
            return pos
    return pos


def span(root: Any, path: tuple) -> tuple[int, int]:
    """Character offsets (start, end) of the value at ``path`` in the text the tree was read from; (0, 0)
    when the path is not in the tree."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
        if node is None:
            return (0, 0)
    return (node.start_mark.index, node.end_mark.index) if node is not None else (0, 0)


# ---------------------------------------------------------------- cutting top-level keys by lines


def top_level_spans(text: str, names: Any) -> dict[str, tuple[int, int]] | None:
    """Where each top-level key of ``names`` stands in ``text`` (a block mapping): from the start of the key's
    line to the end of its value's last line (an end-of-line comment included). None when a key cannot be cut by
    whole lines: a flow mapping, a key not at the start of its line, a value followed by something else than a
    comment on its last line, an alias (its node stands elsewhere). The text must read as YAML."""
    root = read_document(text.encode("utf-8"), "x").root
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return None
    spans: dict[str, tuple[int, int]] = {}
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode) or key.value not in names:
            continue
        begin = key.start_mark.index
        start = text.rfind("\n", 0, begin) + 1
        if text[start:begin].strip():
            return None
        if value.start_mark.index < key.end_mark.index:  # an alias: its node stands where its anchor is
            newline = text.find("\n", key.end_mark.index)
            newline = len(text) if newline < 0 else newline
            if not re.match(r"\s*:\s*\*[^\s#,\[\]{}]+\s*(#.*)?$", text[key.end_mark.index:newline]):
                return None
            spans[key.value] = (start, min(len(text), newline + 1))
            continue
        end = value.end_mark.index
        if end > 0 and text[end - 1] != "\n":
            newline = text.find("\n", end)
            rest = text[end:newline if newline >= 0 else len(text)].strip()
            if rest and not rest.startswith("#"):
                return None
            end = len(text) if newline < 0 else newline + 1
        spans[key.value] = (start, end)
    return spans


def cut_spans(text: str, spans: Any) -> str:
    """``text`` without the ``spans`` (start, end) of :func:`top_level_spans`."""
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(text[at:start])
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def comments(text: str) -> list[tuple[int, str]]:
    """The comments of ``text`` (YAML that reads), each with its position: every ``#…`` outside the tokens."""
    covered: list[tuple[int, int]] = []
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if token.start_mark.index < token.end_mark.index:
            covered.append((token.start_mark.index, token.end_mark.index))
    covered.sort()
    found: list[tuple[int, str]] = []
    at, i = 0, 0
    while True:
        hash_at = text.find("#", at)
        if hash_at < 0:
            break
        while i < len(covered) and covered[i][1] <= hash_at:
            i += 1
        inside = any(a <= hash_at < b for a, b in covered[max(0, i - 1):i + 2])
        newline = text.find("\n", hash_at)
        newline = len(text) if newline < 0 else newline
        if inside or (hash_at > 0 and text[hash_at - 1] not in " \t\n"):
            at = hash_at + 1
            continue
        found.append((hash_at, text[hash_at:newline].rstrip()))
        at = newline
    return found


# ---------------------------------------------------------------- writing


def roundtrip_yaml():
    """A ruamel.yaml instance that keeps comments, order and quoting."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    # never wrap a plain value (a long URL would move to the next line behind a trailing space): long
    # texts are written as folded blocks whose folds are placed by :func:`folded`
    y.width = 4096
    y.allow_unicode = True
    return y


def folded(text: str, width: int = 80):
    """A folded block scalar (``>-``) of ``text``, folded at spaces near ``width`` columns."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    value = FoldedScalarString(text)
    positions, start = [], 0
    for index, char in enumerate(text):
        if char == " " and index - start >= width - 5 and text[index - 1] != " " and index + 1 < len(text) \
                and text[index + 1] != " ":
            positions.append(index)
            start = index + 1
    value.fold_pos = positions
    return value


def dump_roundtrip(data: Any) -> str:
    y = roundtrip_yaml()
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()
