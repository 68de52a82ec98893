"""``iaterr import bibliotheque FICHIER.csv``: import the Bibliothèque d'IA territoriales export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from iaterr.cli.common import (
    FAILURE,
    OK,
    Abort,
    App,
    guarded,
    h,
    help_option,
    lang_option,
    open_repo,
    repo_option,
)
from iaterr.i18n import message

FORMATS = ("text", "json")
DATE_ORDERS = ("jma", "mja")

_STYLES = {"repare": "green", "ecarte": "yellow", "ignore": "bold red", "info": "dim", "avertissement": "yellow"}


def register(app: typer.Typer) -> None:
    sub = typer.Typer(name="import", help=h("help.import"), no_args_is_help=True, add_completion=False,
                      rich_markup_mode=None, add_help_option=False)

    @sub.callback()
    def import_root(help_: bool = help_option()) -> None:
        """Sources to import from."""

    @sub.command("bibliotheque", help=h("help.import.bibliotheque"), add_help_option=False)
    def bibliotheque(
        fichier: Path = typer.Argument(..., help=h("help.import.fichier"), show_default=False,
                                       metavar=h("metavar.fichier")),
        dry_run: bool = typer.Option(False, "--dry-run", help=h("help.import.dry-run")),
        force: bool = typer.Option(False, "--force", help=h("help.import.force")),
        format: Optional[str] = typer.Option(None, "--format", "-f", help=h("help.import.format"),
                                             show_default=False, metavar="text|json"),
        ordre_dates: Optional[str] = typer.Option(None, "--ordre-dates", help=h("help.import.ordre-dates"),
                                                  show_default=False, metavar="jma|mja"),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        with guarded(lang) as ui:
            code = run_import(ui, fichier, repo, dry_run=dry_run, fmt=format or "text", date_order=ordre_dates,
                              force=force)
        raise typer.Exit(code)

    app.add_typer(sub, name="import")


def run_import(ui: App, fichier: Path, repo_opt: Optional[Path], *, dry_run: bool, fmt: str,
               date_order: Optional[str] = None, force: bool = False) -> int:
    from iaterr.ingest.bibliotheque import SourceError, import_bibliotheque

    if fmt not in FORMATS:
        raise Abort("importer.format-inconnu", valeur=fmt)
    if date_order is not None and date_order.strip().lower() not in DATE_ORDERS:
        raise Abort("importer.ordre-dates-inconnu", valeur=date_order)
    repo = open_repo(ui, repo_opt, allow_embedded=False)
    try:
        report = import_bibliotheque(repo, fichier, dry_run=dry_run, force=force,
                                     date_order=date_order.strip().lower() if date_order else None)
    except SourceError as exc:
        raise Abort(exc.key, exc.hint, exit_code=FAILURE, **exc.params) from exc
    if fmt == "json":
        ui.out.print(json.dumps(report.to_dict(ui.lang), ensure_ascii=False, indent=2), markup=False,
                     highlight=False, soft_wrap=True)
    else:
        render_text(ui, report, str(repo.root))
    return report.exit_code if report.exit_code else OK


def _shown(value: object, lang: str) -> str:
    if value is None or value == "" or value == []:
        return message("importer.diff.vide", lang)
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value).replace("\r\n", "\n").replace("\n", "⏎")


def render_change(line, change: dict, lang: str) -> None:
    """One field of what a dry run would write: its value before (for an update) and after."""
    line(f"      {change['champ']}:")
    if change.get("restreint"):
        line(f"        {message('importer.diff.restreint', lang)}", "dim")
        return
    if change.get("avant") is not None or not change.get("apres"):
        line(f"        - {message('importer.diff.avant', lang)} : {_shown(change.get('avant'), lang)}", "red")
    line(f"        + {message('importer.diff.apres', lang)} : {_shown(change.get('apres'), lang)}", "green")


def render_text(ui: App, report, depot: str) -> None:
    from rich.text import Text

    lang = ui.lang
    out = ui.out

    def line(text: str, style: str = "") -> None:
        out.print(Text(text, style=style), soft_wrap=True)

    separator = {",": "« , »", ";": "« ; »", "\t": "« tab »"}.get(report.delimiter, report.delimiter)
    if lang == "en":
        separator = {",": "“,”", ";": "“;”", "\t": "tab"}.get(report.delimiter, report.delimiter)
    line(message("importer.titre", lang, fichier=report.source, lignes=report.rows, encodage=report.encoding,
                 separateur=separator, depot=depot), "bold")
    if report.dry_run:
        line(message("importer.simulation", lang), "yellow")
    line("")

    # which record each source line made, to name it in the headings
    made = {}
    for r in report.records:
        if r.kind == "cas_usage":
            for n in r.lignes:
                made[n] = r.chemin
    labels = {level: message(f"importer.niveau.{level}", lang) for level in _STYLES}
    width = max(len(v) for v in labels.values())
    if report.findings:
        line(message("importer.constats", lang), "bold")
        current: object = object()
        for f in report.findings:
            if f.line != current:
                current = f.line
                if f.line is None:
                    heading = message("importer.fichier-entier", lang)
                else:
                    heading = message("importer.ligne", lang, ligne=f.line)
                    if f.line in made:
                        heading += f" — {made[f.line]}"
                line(heading, "bold")
            text = Text("  ")
            text.append(labels[f.level].ljust(width), style=_STYLES[f.level])
            text.append("  " + f.message(lang))
            out.print(text, soft_wrap=True)
        line("")
    else:
        line(message("importer.aucun-constat", lang), "green")
        line("")

    line(message("importer.fiches", lang), "bold")
    for action in ("cree", "mis_a_jour", "inchange", "ignoree"):
        records = [r for r in report.records if r.action == action]
        line(f"  {message(f'importer.action.{action}', lang)} ({len(records)})")
        for r in records:
            detail = f"    {r.chemin}"
            if r.champs:
                detail += " — " + message("importer.champs", lang, champs=", ".join(r.champs))
            line(detail, "dim" if action == "inchange" else "")
            if report.dry_run:
                for d in r.diff:
                    render_change(line, d, lang)
    line("")
    counts = {a: report.count(a) for a in ("cree", "mis_a_jour", "inchange", "ignoree")}
    counts.update({lv: report.count_level(lv) for lv in ("repare", "ecarte")}, lignes=report.rows_skipped)
    line(message("importer.resume.simulation" if report.dry_run else "importer.resume", lang, **counts))
    if report.unwritten:
        line("✗ " + message("importer.non-ecrites", lang, n=report.unwritten), "bold red")
    elif report.exit_code:
        line("✗ " + message("importer.incomplet", lang), "bold yellow")
    else:
        line("✓ " + message("importer.succes", lang), "bold green")
