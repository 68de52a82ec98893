"""A mutation fuzzer over the real records: whatever a file holds, iaterr answers with diagnostics.

``N_CASES`` mutated copies of the records of ``data/`` (one to three mutations each, see :mod:`fuzzing`; fixed
seed, each case drawn from a generator of its own so that ``make_case(index)`` reproduces it alone):

* every case goes through the library: :func:`~iaterr.check.validate.check_file` returns (never raises), each
  diagnostic renders in French and English with no raw control character, survives the cache's JSON round trip
  unchanged, and the lint rules about one record (:func:`~iaterr.lint.run.inspect_record`) run on what parses;
  a record valid on its own is valid against the JSON Schema iaterr publishes for it, and goes through every
  export format and the notice (JSON parses, no CSV formula, no raw control character nor markup);
* every ``CLI_EVERY``-th case goes through the command line on a copy of the repository, the mutated file in
  place of the original: ``validate`` (JSON and text, whole repository and the file alone), ``lint``,
  ``export`` (CSV and JSON) and ``notice``; and every case whose use case declares an identifier other than
  its file name asks ``iaterr notice`` for that identifier. Exit codes are 0, 1 or 2, no traceback and no
  internal error is shown, JSON parses, no CSV cell can run as a formula, and no raw control character
  reaches the terminal.

The cases are checked in ``CHUNKS`` consecutive slices, one test each (``test_fuzz_library[k]``,
``test_fuzz_cli[k]``), so that pytest-xdist runs them on every core; together they check every case.

Every call has a time budget (no hang). Failures are gathered, grouped by their cause, and reported at the end
with the case index, the mutations and a short repr of the mutated bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from fuzzing import Case, Hang, Record, deadline, load_records, make_case, raw_controls, stopwatch

#: Number of mutated records; every one goes through the library.
N_CASES = 2400
#: The cases are checked in CHUNKS consecutive slices, each a test of its own, so that pytest-xdist spreads them
#: over the cores (each worker reads the module's fixtures once).
CHUNKS = 6
#: Every CLI_EVERY-th case also goes through the command line (N_CASES // CLI_EVERY cases).
CLI_EVERY = 24
#: Time budgets, in seconds: one case through the library, one command.
LIBRARY_BUDGET = 5.0
COMMAND_BUDGET = 15.0
#: The date rules depend on, as in conftest.
TODAY = date(2026, 11, 22)
#: How many distinct failures the report shows in full.
SHOWN = 25

RECORDS: list[Record] = load_records(ROOT)


def chunk(index: int) -> range:
    """The indices of the cases of slice ``index`` (slices are consecutive and together cover every case)."""
    return range(index * N_CASES // CHUNKS, (index + 1) * N_CASES // CHUNKS)


def test_the_chunks_cover_every_case_once():
    assert [i for c in range(CHUNKS) for i in chunk(c)] == list(range(N_CASES))


# ---------------------------------------------------------------- failures


@dataclass
class Failure:
    signature: str  # what makes two failures the same bug
    case: Case
    detail: str


@dataclass
class Failures:
    items: list[Failure] = field(default_factory=list)

    def add(self, signature: str, case: Case, detail: str) -> None:
        self.items.append(Failure(signature, case, detail))

    def report(self) -> str:
        groups: dict[str, list[Failure]] = {}
        for f in self.items:
            groups.setdefault(f.signature, []).append(f)
        out = [f"{len(self.items)} failures, {len(groups)} distinct (the bytes of case N: "
               f"fuzzing.make_case(N, fuzzing.load_records(ROOT)).raw):"]
        ordered = sorted(groups.values(), key=lambda fs: len(fs[0].case.raw))
        for fs in ordered[:SHOWN]:
            smallest = min(fs, key=lambda f: len(f.case.raw))
            detail = "\n".join(ln if len(ln) <= 300 else ln[:280] + f"…({len(ln)} characters)"
                               for ln in smallest.detail.splitlines())
            out.append(f"\n--- {fs[0].signature} ({len(fs)} cases, e.g. {sorted({f.case.index for f in fs})[:8]})\n"
                       f"{smallest.case.describe()}\n{detail}")
        if len(ordered) > SHOWN:
            out.append(f"\n… and {len(ordered) - SHOWN} more distinct failures: "
                       + ", ".join(fs[0].signature for fs in ordered[SHOWN:]))
        return "\n".join(out)


def where(exc: BaseException) -> str:
    """The innermost frame of the project that an exception went through: file, line, function."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/iaterr/" in f.filename.replace("\\", "/")] or frames
    last = ours[-1] if ours else None
    return f"{Path(last.filename).name}:{last.lineno} {last.name}" if last else "?"


_FRAME = re.compile(r'^  File "(.+)", line (\d+), in (.+)$')


def printed_traceback(text: str, lines: int = 10) -> tuple[str, str]:
    """The cause of the last traceback printed in ``text`` (exception type and innermost frame of the project)
    and its last lines."""
    block = text[text.rindex("Traceback (most recent call last):"):].splitlines()
    frames = [(i, m) for i, ln in enumerate(block) if (m := _FRAME.match(ln))]
    ours = [(i, m) for i, m in frames if "/iaterr/" in m.group(1).replace("\\", "/")] or frames
    last = frames[-1][0] if frames else 0
    error = next((ln for ln in block[last + 1:] if ln and not ln.startswith(" ")), "?")
    at = f"{Path(ours[-1][1].group(1)).name}:{ours[-1][1].group(2)} {ours[-1][1].group(3)}" if ours else "?"
    end = block.index(error) + 1 if error in block else len(block)
    return f"{error.split(':', 1)[0]} at {at}", "\n".join(block[max(0, end - lines):end])


def tail(exc: BaseException, lines: int = 8) -> str:
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join(text.rstrip().splitlines()[-lines:])


# ---------------------------------------------------------------- the library


def published_schemas() -> dict[str, Any]:
    """Validators of the JSON Schemas iaterr publishes for editors and other tools (``schema/``, generated from
    the model), their patterns read as JSON Schema reads them (ECMA-262, as in editors: ``$`` is the end of the
    text, where Python's ``$`` also matches before a final line break)."""
    import jsonschema
    from jsonschema import validators

    from iaterr.model import KINDS
    from iaterr.model.jsonschema import schema_for

    def pattern(validator: Any, regex: str, instance: Any, schema: Any) -> Any:
        if not validator.is_type(instance, "string"):
            return
        ecma = regex[:-1] + r"\Z" if regex.endswith("$") and not regex.endswith(r"\$") else regex
        if re.search(ecma, instance) is None:
            yield jsonschema.ValidationError(f"{instance!r} does not match {regex!r}")

    ecma = validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern})
    return {kind: ecma(schema_for(kind)) for kind in KINDS}


@dataclass
class Library:
    """What the lint rules about one record and the writers of exports need, read once."""

    rules: tuple[Any, ...]
    settings: Any
    history: Any
    #: the collectivités as written (what the lint rules about a use case see), by identifier
    collectivites: dict[str, dict[str, Any]]
    #: the public views of the valid records, by kind and identifier
    views: dict[str, dict[str, Any]]
    #: validators of the published JSON Schemas, by kind
    schemas: dict[str, Any]


@pytest.fixture(scope="module")
def library() -> Library:
    from iaterr.check.validate import check_file
    from iaterr.lint.rules import RULES
    from iaterr.lint.run import settings_of
    from iaterr.model import KINDS
    from iaterr.model.visibility import view
    from iaterr.repo.config import open_repository
    from iaterr.repo.gitops import GitHistory
    from iaterr.repo.yamlio import read_document

    collectivites = {}
    views: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    for rec in RECORDS:
        if rec.kind == "collectivite":
            collectivites[Path(rec.rel).stem] = read_document(rec.raw, rec.rel).data
        data = check_file(rec.raw, rec.rel, rec.kind, keep=True).data
        if data is not None:
            views[rec.kind][Path(rec.rel).stem] = view(KINDS[rec.kind][1], data)
    repo = open_repository(ROOT, allow_embedded=False)
    return Library(tuple(RULES.values()), settings_of(repo), GitHistory(), collectivites, views, published_schemas())


def check_diagnostics(diags: list[Any], known: Callable[[str], bool], case: Case, failures: Failures,
                      stage: str) -> None:
    """Each diagnostic renders in both languages, without a raw control character, the same after the cache's
    JSON round trip."""
    from iaterr.base.diagnostics import Diagnostic

    for d in diags:
        if not isinstance(d, Diagnostic):
            failures.add(f"{stage}: not a Diagnostic", case, repr(d)[:300])
            continue
        if not known(d.code):
            failures.add(f"{stage}: unknown code {d.code}", case, repr(d)[:300])
        for lang in ("fr", "en"):
            try:
                texts = {"message": d.message(lang), "hint": d.hint(lang)}
            except Exception as exc:
                failures.add(f"{stage}: rendering {d.code} raises {type(exc).__name__} at {where(exc)}", case,
                             f"{d!r}"[:400] + "\n" + tail(exc))
                continue
            for name, text in texts.items():
                if name == "message" and not isinstance(text, str) or text is not None and not isinstance(text, str):
                    failures.add(f"{stage}: {name} of {d.code} is not text", case, repr(text)[:300])
                    continue
                bad = raw_controls(text or "", bidi=True)
                if bad:
                    failures.add(f"{stage}: raw control character in the {name} of {d.code} ({lang})", case,
                                 f"{bad}: {text!r}"[:600])
            try:
                again = Diagnostic.from_dict(json.loads(json.dumps(d.to_dict(), ensure_ascii=False)))
                if (again.message(lang), again.hint(lang)) != (texts["message"], texts["hint"]):
                    failures.add(f"{stage}: {d.code} reads differently from the cache ({lang})", case,
                                 f"fresh: {texts['message']!r} / {texts['hint']!r}\n"
                                 f"cached: {again.message(lang)!r} / {again.hint(lang)!r}"[:800])
            except Exception as exc:
                failures.add(f"{stage}: cache round trip of {d.code} raises {type(exc).__name__} at {where(exc)}",
                             case, f"{d!r}"[:400] + "\n" + tail(exc))


def run_library(case: Case, lib: Library, failures: Failures) -> None:
    from iaterr.base.diagnostics import CODES
    from iaterr.check.loader import RecordFile
    from iaterr.check.validate import Checked, check_file
    from iaterr.lint.run import Inspected, inspect_record
    from iaterr.model import KINDS
    from iaterr.model.visibility import view

    rec = case.record
    stage = "check_file"
    try:
        with stopwatch() as elapsed, deadline(LIBRARY_BUDGET):
            checked = check_file(case.raw, rec.rel, rec.kind, keep=True)
            if not isinstance(checked, Checked):
                failures.add("check_file: not a Checked", case, repr(checked)[:300])
                return
            check_diagnostics(checked.result.diagnostics, lambda c: c in CODES, case, failures, stage)
            if checked.data is not None:
                stage = "published schema"
                errors = sorted(lib.schemas[rec.kind].iter_errors(checked.data), key=lambda e: list(e.path))
                for error in errors[:3]:
                    at = "/".join(str(p) for p in error.path)
                    field_ = "/".join("N" if isinstance(p, int) else str(p) for p in error.path)
                    failures.add(f"valid record, yet not valid against schema/ at {field_}", case,
                                 f"{at}: {error.message[:300]}")
                stage = "public view"
                shown = view(KINDS[rec.kind][1], checked.data)
                json.dumps(shown, ensure_ascii=False)
                stage = "export writers"
                run_writers(case, shown, lib, failures)
            stage = "lint record rules"
            found = inspect_record(tuple(r.code for r in lib.rules), lib.settings, lib.history, TODAY,
                                   lib.collectivites, RecordFile(rec.kind, str(ROOT) + os.sep, rec.rel), checked)
            if found is not None:
                assert isinstance(found, Inspected)
                codes = {r.code for r in lib.rules}
                check_diagnostics(found.diagnostics, lambda c: c in codes or c in CODES, case, failures, stage)
    except Hang:
        failures.add(f"{stage}: hang (more than {LIBRARY_BUDGET} s)", case, "")
        return
    except Exception as exc:
        failures.add(f"{stage}: {type(exc).__name__} at {where(exc)}", case, tail(exc))
        return
    if elapsed[0] > LIBRARY_BUDGET:
        failures.add(f"{stage}: hang ({elapsed[0]:.1f} s)", case, "")


#: Markup of the injections of :mod:`fuzzing`, as it would be found if a writer left it raw: tags (raw HTML in
#: Markdown too), and in HTML an attribute broken out of its quotes.
_INJECTION = {"md": re.compile(r"(?<!\\)<(script>|img src=x|b>x</b>)", re.I),
              "html": re.compile(r"<(script>|img src=x|b>x</b>)|\"onmouseover=x", re.I)}


def run_writers(case: Case, shown: Any, lib: Library, failures: Failures) -> None:
    """A valid record through every export format and the notice: each writes, JSON parses, no CSV cell is a
    formula, the notice shows no raw control character nor markup from the record."""
    from iaterr.publish.export import ExportItem, ExportSet
    from iaterr.publish.formats import FORMATS
    from iaterr.publish.notice import build_notice, render_notice

    if case.record.kind == "cas_usage":
        cas, coll = shown, lib.views["collectivite"].get(str(shown.get("collectivite")))
    else:
        cas, coll = lib.views["cas_usage"].get(notice_id(case.record)), shown
    if cas is None or coll is None:  # left out of exports, as load_items does
        return
    items = ExportSet([ExportItem(case.record.rel, cas, coll)], [], False, {str(coll.get("identifiant")): coll})
    for name, fmt in FORMATS.items():
        if not fmt.reads_records:
            continue
        text = fmt.write(items, "fr")
        if fmt.extension == "json":
            json.loads(text)
        else:
            cells = csv_formulas(text)
            if cells:
                failures.add(f"export {name}: CSV cell read as a formula", case, f"cells: {cells[:5]!r}")
        bad = raw_controls(text)
        if bad:
            failures.add(f"export {name}: raw control character {bad}", case, repr(text[:800]))
    notice = build_notice(items.items[0], lang="fr", today=TODAY)
    for fmt in ("md", "html"):
        text = render_notice(notice, fmt)
        # Markdown escapes direction controls too (md_escape); HTML keeps the text as written, escaped for HTML
        bad = raw_controls(text, bidi=fmt == "md")
        if bad:
            spots = [text[max(0, m.start() - 60):m.end() + 20] for m in re.finditer("[\x00-\x08\x0b-\x1f\x7f-\x9f"
                                                                                    "\u202a-\u202e\u2066-\u2069]",
                                                                                    text)][:3]
            failures.add(f"notice {fmt}: raw control character {bad}", case, repr(spots))
        found = _INJECTION[fmt].search(text)
        if found:
            failures.add(f"notice {fmt}: markup from the record left raw", case,
                         repr(text[max(0, found.start() - 200):found.end() + 80]))


@pytest.mark.parametrize("part", range(CHUNKS))
def test_fuzz_library(library, monkeypatch, part):
    import functools

    import iaterr.publish.notice

    # the notice's Jinja environment compiles its templates on each call (50 ms): once is enough here
    monkeypatch.setattr(iaterr.publish.notice, "_environment", functools.cache(iaterr.publish.notice._environment))
    failures = Failures()
    for index in chunk(part):
        run_library(make_case(index, RECORDS), library, failures)
    if failures.items:
        pytest.fail(failures.report(), pytrace=False)


# ---------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def depot(tmp_path_factory) -> Path:
    """One copy of the repository for all the command-line cases; each case restores the file it mutated."""
    dest = tmp_path_factory.mktemp("fuzz") / "depot"
    dest.mkdir()
    shutil.copy(ROOT / "iaterr.yaml", dest / "iaterr.yaml")
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copytree(ROOT / "schema", dest / "schema")
    return dest


def notice_id(rec: Record) -> str:
    """The use case whose notice is asked: the mutated one, or one of the mutated collectivité's."""
    stem = Path(rec.rel).stem
    if rec.kind == "cas_usage":
        return stem
    uses = [r for r in RECORDS if r.kind == "cas_usage"]
    for r in uses:
        if re.search(rb"^collectivite: *" + re.escape(stem.encode()) + rb" *$", r.raw, re.M):
            return Path(r.rel).stem
    return Path(uses[0].rel).stem


_INTERNAL = ("Erreur interne d'iaterr", "iaterr internal error")


def csv_formulas(text: str) -> list[str]:
    """Cells of a CSV text that a spreadsheet would run as a formula (iaterr's own rule, OWASP's)."""
    from iaterr.base.text import FORMULA_START

    number = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
    bad = []
    limit = csv.field_size_limit(sys.maxsize)  # a mutated record may hold a cell of megabytes
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                stripped = cell.lstrip(" \u00a0\t\r\n")
                first = stripped[:1] if stripped else cell[:1]
                if (first in FORMULA_START or cell[:1] in FORMULA_START) and number.fullmatch(cell) is None:
                    bad.append(cell)
    finally:
        csv.field_size_limit(limit)
    return bad


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]
    output: str  # json | text | csv | markdown
    #: iaterr's own texts (diagnostics, notices) show direction controls as escapes; exports keep data as written
    escapes_bidi: bool = True


def commands(repo: Path, rec: Record) -> list[Command]:
    d = str(repo)
    return [
        Command("validate json", ("validate", "--repo", d, "--format", "json", "--no-cache"), "json"),
        Command("validate text", ("validate", "--repo", d), "text"),
        Command("validate file", ("validate", "--repo", d, "--format", "json", "--no-cache", str(repo / rec.rel)),
                "json"),
        Command("lint json", ("lint", "--repo", d, "--format", "json"), "json"),
        Command("export csv", ("export", "--repo", d, "--format", "csv"), "csv", escapes_bidi=False),
        Command("export json", ("export", "--repo", d, "--format", "json"), "json", escapes_bidi=False),
        Command("notice", ("notice", notice_id(rec), "--repo", d), "markdown"),
    ]


def written_identifier(raw: bytes) -> str | None:
    """The identifier a mutated use case says it has, when it differs from its file name."""
    m = re.search(rb"^identifiant: *(.+?) *$", raw, re.M)
    if m is None:
        return None
    ident = m.group(1).decode("utf-8", "replace").strip("'\"")
    return ident if ident and "\x00" not in ident else None  # an argument cannot hold a NUL


def run_command(invoke: Callable[..., Any], cmd: Command, case: Case, failures: Failures) -> None:
    label = "iaterr " + " ".join(shlex.quote(a if len(a) <= 100 else a[:60] + f"…({len(a)} characters)")
                                 for a in cmd.args)
    try:
        with stopwatch() as elapsed, deadline(COMMAND_BUDGET):
            result = invoke(*cmd.args)
    except Hang:
        failures.add(f"{cmd.name}: hang (more than {COMMAND_BUDGET} s)", case, label)
        return
    if elapsed[0] > COMMAND_BUDGET:
        failures.add(f"{cmd.name}: hang ({elapsed[0]:.1f} s)", case, label)
    out, err = result.stdout, result.stderr
    context = f"$ {label}\nexit code {result.exit_code}\nstderr: {err[-1500:]}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        failures.add(f"{cmd.name}: {type(exc).__name__} at {where(exc)}", case, f"{context}\n{tail(exc)}")
        return
    if result.exit_code not in (0, 1, 2):
        failures.add(f"{cmd.name}: exit code {result.exit_code}", case, context)
    if "Traceback" in out or "Traceback" in err:
        cause, shown = printed_traceback(err if "Traceback" in err else out)
        failures.add(f"{cmd.name}: traceback, {cause}", case, f"$ {label}\nexit code {result.exit_code}\n{shown}")
    elif any(text in err for text in _INTERNAL):
        line = next(ln for ln in err.splitlines() if any(text in ln for text in _INTERNAL))
        failures.add(f"{cmd.name}: internal error ({re.sub(r':.*', '', line.split(' : ', 1)[-1])})", case, context)
    bad = raw_controls(err, bidi=True)
    if bad:
        failures.add(f"{cmd.name}: raw control character on stderr {bad}", case, context)
    terminal = out.replace("\r\n", "\n") if cmd.output == "csv" else out
    bad = raw_controls(terminal, bidi=cmd.escapes_bidi)
    if bad:
        failures.add(f"{cmd.name}: raw control character on stdout {bad}", case, f"{context}\nstdout: {out[:1500]!r}")
    if cmd.output == "json" and out.strip():
        try:
            json.loads(out)
        except ValueError as exc:
            failures.add(f"{cmd.name}: stdout is not JSON ({exc.msg})", case, f"{context}\nstdout: {out[:800]!r}")
    elif cmd.output == "json" and result.exit_code != 2:
        failures.add(f"{cmd.name}: no JSON on stdout (exit code {result.exit_code})", case, context)
    if cmd.output == "csv":
        cells = csv_formulas(out)
        if cells:
            failures.add(f"{cmd.name}: CSV cell read as a formula", case, f"{context}\ncells: {cells[:5]!r}")


def test_enough_cases_go_through_every_command():
    assert sum(index % CLI_EVERY == 0 for index in range(N_CASES)) >= 100


@pytest.mark.parametrize("part", range(CHUNKS))
def test_fuzz_cli(depot, monkeypatch, part):
    import typer.testing

    from iaterr.cli.main import build_app

    monkeypatch.setenv("IATERR_DEBUG", "1")  # an internal error shows its traceback
    app = build_app("fr")
    # typer's runner turns the app into a click command on every call (a tenth of the time here): once is enough
    command = typer.testing._get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda a: command if a is app else typer.main.get_command(a))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    failures = Failures()
    full = 0
    for index in chunk(part):
        case = make_case(index, RECORDS)
        todo = commands(depot, case.record) if index % CLI_EVERY == 0 else []
        full += bool(todo)
        # the identifier the mutated use case declares, when it is not its file name: what someone reading the
        # record would ask `iaterr notice` for (every case: a notice of an unknown identifier is cheap)
        ident = written_identifier(case.raw) if case.record.kind == "cas_usage" else None
        if ident is not None and ident != Path(case.record.rel).stem:
            todo.append(Command("notice (declared id)", ("notice", "--repo", str(depot), "--", ident), "markdown"))
        if not todo:
            continue
        target = depot / case.record.rel
        target.write_bytes(case.raw)
        try:
            for cmd in todo:
                run_command(invoke, cmd, case, failures)
        finally:
            target.write_bytes(case.record.raw)
    # every CLI_EVERY-th case of this slice went through every command (over all slices: at least 100 cases, see
    # test_enough_cases_go_through_every_command)
    assert full == sum(index % CLI_EVERY == 0 for index in chunk(part))
    if failures.items:
        pytest.fail(failures.report(), pytrace=False)
