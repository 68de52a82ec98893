"""``iaterr qualification``: which legal regimes apply to a use case, and why (the work:
:mod:`iaterr.model.qualification`). The same table ends ``iaterr new``, before the confirmation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from iaterr.cli.common import (
    FINDINGS,
    OK,
    Abort,
    App,
    guarded,
    h,
    help_option,
    lang_option,
    repo_option,
    use_case_item,
)

if TYPE_CHECKING:
    from rich.table import Table

    from iaterr.model.qualification import Qualification

FORMATS = ("text", "json")

#: The style of each status in the table.
_STYLES = {"applique": "bold", "a_venir": "cyan", "non_applicable": "dim", "interdit": "bold red",
           "a_preciser": "yellow", "a_verifier": "magenta"}


def _names(fields: Any, lang: str, titles: bool) -> str:
    """Fields as a list: their keys (for someone editing the file), or their titles (at the questionnaire)."""
    if not titles:
        return ", ".join(fields)
    from iaterr.model import CasUsage
    from iaterr.model.introspect import specs

    known = specs(CasUsage)
    return ", ".join(f"« {known[f].meta.titre(lang)} »" if f in known else f for f in fields)


def _titled(text: str, lang: str) -> str:
    """``text`` with the fields it quotes by their key (« decisions_individuelles : non ») named by their title
    (« Décisions individuelles : non »), for the person at the questionnaire."""
    import re

    from iaterr.model import CasUsage
    from iaterr.model.introspect import specs

    known = specs(CasUsage)

    def title(match: re.Match[str]) -> str:
        key = match.group(2)
        if key not in known:
            return match.group(0)
        return match.group(1) + known[key].meta.titre(lang) + match.group(3)

    return re.sub(r"([«“]\s?)([a-z][a-z0-9_]*)(\s?:[^»”]*[»”]|\s?[»”])", title, text)


def qualification_table(q: Qualification, lang: str, title: str, *, titles: bool = False) -> Table:
    from rich.table import Table
    from rich.text import Text

    from iaterr.i18n import message

    table = Table(title=title, title_justify="left", show_header=True, show_lines=True, expand=True)
    table.add_column(message("qualif.colonne.regime", lang), style="bold", ratio=2)
    table.add_column(message("qualif.colonne.statut", lang), ratio=2, overflow="fold")
    table.add_column(message("qualif.colonne.pourquoi", lang), ratio=5, overflow="fold")
    table.add_column(message("qualif.colonne.references", lang), style="dim", ratio=2)
    for r in q.regimes:
        status = r.statut_texte(lang)
        if r.champs:
            status += "\n" + _names(r.champs, lang, titles)
        table.add_row(Text(r.titre(lang)), Text(status, style=_STYLES.get(r.statut, "")),
                      Text("\n".join(_titled(m.texte(lang), lang) if titles else m.texte(lang) for m in r.motifs)),
                      Text("\n".join(r.citations(lang))))
    return table


def closing_lines(q: Qualification, lang: str, *, titles: bool = False) -> list[tuple[str, str]]:
    """What the table leaves to do, as (text, style): the forbidden uses, the answers that contradict each other,
    the fields to specify."""
    from iaterr.i18n import message

    out = []
    if q.interdits:
        out.append((message("qualif.interdits", lang, regimes=[r.titre(lang) for r in q.interdits]), "bold red"))
    if q.contradictions:
        out.append((message("qualif.contradictions", lang, champs=_names(q.contradictions, lang, titles)),
                    "magenta"))
    if q.champs:
        out.append((message("qualif.champs-a-preciser", lang, champs=_names(q.champs, lang, titles)), "yellow"))
    if not out:
        out.append((message("qualif.tout-qualifie", lang), "green"))
    return out


def print_qualification(ui: App, q: Qualification, title: str, *, titles: bool = False) -> None:
    """The table and what it leaves to do, on the standard output; ``titles``: fields named by their titles."""
    from rich.text import Text

    ui.out.print(qualification_table(q, ui.lang, title, titles=titles))
    for text, style in closing_lines(q, ui.lang, titles=titles):
        ui.out.print(Text(text, style=style), soft_wrap=not ui.out.is_terminal)


def show_for_new(ui: App, data: dict[str, Any], collectivite: dict[str, Any] | None) -> Qualification:
    """At the end of ``iaterr new``, before the confirmation: the regimes the answers trigger."""
    from iaterr.i18n import message
    from iaterr.model.droit import long_date, today
    from iaterr.model.qualification import qualify

    q = qualify(data, collectivite, today())
    print_qualification(ui, q, message("qualif.titre-nouveau", ui.lang, date=long_date(q.today, ui.lang)),
                        titles=True)
    return q


def as_json(q: Qualification, identifiant: str, lang: str) -> str:
    regimes: list[dict[str, Any]] = []
    for r in q.regimes:
        regimes.append({
            "code": r.code,
            "titre": r.titre(lang),
            "statut": r.statut,
            "statut_texte": r.statut_texte(lang),
            "depuis": r.depuis.isoformat() if r.depuis else None,
            "statut_confirme": r.statut_confirme,
            "presumee": r.presumee,
            "contradictoires": list(r.contradictoires),
            "champs_a_preciser": list(r.champs),
            "fondements": list(r.fondements),
            "motifs": [{"cle": m.cle, "parametres": m.params, "champs": list(m.champs), "texte": m.texte(lang)}
                       for m in r.motifs],
            "references": [{"code": code, "reference": text} for code, text in zip(r.references, r.citations(lang))],
        })
    return json.dumps({"identifiant": identifiant, "date": q.today.isoformat(), "langue": lang,
                       "a_preciser": q.champs, "interdits": [r.code for r in q.interdits],
                       "a_verifier": [r.code for r in q.a_verifier], "contradictions": q.contradictions,
                       "regimes": regimes},
                      ensure_ascii=False, indent=2)


def _record_of(ui: App, repo: Optional[Path], identifiant: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The use case ``identifiant`` and its collectivité, as published (public fields)."""
    item, _repository = use_case_item(ui, repo, identifiant)
    return dict(item.cas), dict(item.collectivite)


def register(app: typer.Typer) -> None:
    @app.command("qualification", help=h("help.qualification"), add_help_option=False)
    def qualification(
        identifiant: str = typer.Argument(..., help=h("help.qualification.id"), metavar="ID"),
        format: str = typer.Option("text", "--format", "-f", help=h("help.qualification.format"),
                                   metavar="text|json"),
        repo: Optional[Path] = repo_option(),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.i18n import message
        from iaterr.model.droit import long_date, today
        from iaterr.model.qualification import qualify

        with guarded(lang) as ui:
            if format not in FORMATS:
                raise Abort("cli.format-inconnu", valeur=format, formats=list(FORMATS))
            cas, collectivite = _record_of(ui, repo, identifiant)
            q = qualify(cas, collectivite, today())
            if format == "json":
                ui.out.file.write(as_json(q, identifiant, ui.lang) + "\n")
                ui.out.file.flush()
            else:
                title = message("qualif.titre", ui.lang, identifiant=identifiant, date=long_date(q.today, ui.lang))
                print_qualification(ui, q, title)
            code = FINDINGS if q.a_preciser or q.interdits or q.contradictions else OK
        raise typer.Exit(code)
