"""``iaterr aggregate SOURCES --out DIR``: one library from many collectivités' repositories and CSV files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from iaterr.base.files import as_given, os_reason
from iaterr.cli.common import FINDINGS, OK, Abort, App, guarded, h, help_option, lang_option

#: at most this many rejected records are named one by one
LISTED = 20


def register(app: typer.Typer) -> None:
    @app.command("aggregate", help=h("help.aggregate"), add_help_option=False)
    def aggregate_command(
        sources: Path = typer.Argument(..., help=h("help.aggregate.sources"), show_default=False,
                                       metavar=h("metavar.fichier")),
        out: Path = typer.Option(..., "--out", "-o", help=h("help.aggregate.out"), show_default=False,
                                 file_okay=False, metavar=h("metavar.dossier")),
        jobs: int = typer.Option(8, "--jobs", "-j", min=1, max=64, help=h("help.aggregate.jobs"), metavar="N",
                                 show_default=False),
        timeout: float = typer.Option(120.0, "--delai", min=1.0, help=h("help.aggregate.delai"), metavar="S",
                                      show_default=False),
        retries: int = typer.Option(2, "--essais", min=0, max=10, help=h("help.aggregate.essais"), metavar="N",
                                    show_default=False),
        complete: bool = typer.Option(False, "--complet", help=h("help.aggregate.complet")),
        members: bool = typer.Option(False, "--membres", help=h("help.aggregate.membres")),
        allow_removal: bool = typer.Option(False, "--autoriser-retrait", help=h("help.aggregate.autoriser-retrait")),
        lang: Optional[str] = lang_option(),
        help_: bool = help_option(),
    ) -> None:
        from iaterr.aggregate.fetch import Limits
        from iaterr.aggregate.run import AggregateError, aggregate
        from iaterr.aggregate.sources import SourcesError, read_sources

        with guarded(lang) as ui:
            try:
                listed = read_sources(sources)
            except SourcesError as exc:  # every mistake of the file, each with its line; the last stops
                problems = exc.all
                for problem in problems[:LISTED][:-1]:
                    ui.fail(problem.key, **problem.params)
                if len(problems) > LISTED:
                    raise Abort("agregation.sources.et-autres", n=len(problems) - LISTED + 1) from exc
                raise Abort(problems[-1].key, **problems[-1].params) from exc
            try:
                with _progress(ui) as progress:
                    result = aggregate(listed, out, jobs=jobs, limits=Limits(timeout, retries),
                                       force=complete, public=not members, progress=progress,
                                       allow_removal=allow_removal)
            except AggregateError as exc:
                raise Abort(exc.key, **exc.params) from exc
            except OSError as exc:
                raise Abort("cli.ecriture-impossible", chemin=as_given(exc.filename, out),
                            erreur=os_reason(exc)) from exc
            _report(ui, result)
            if members:
                ui.report("agregation.membres", style="bold yellow", dossier=str(result.out))
            code = OK if result.ok else FINDINGS
            if not listed.sources:  # an empty library is never what a network wants, unless it retires it
                ui.report("agregation.sources.aucune", style="yellow", fichier=str(sources))
                code = code if allow_removal else FINDINGS
        raise typer.Exit(code)


class _progress:
    """A progress bar (rich) on an interactive terminal; nothing elsewhere (a CI log)."""

    def __init__(self, ui: App) -> None:
        self.ui = ui
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Any:
        if not self.ui.err.is_terminal:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=self.ui.err, transient=True)
        self.bar.start()
        return self.update

    def update(self, phase: str, done: int, total: int) -> None:
        from iaterr.i18n import message

        task = self.tasks.get(phase)
        if task is None:
            task = self.tasks[phase] = self.bar.add_task(message(f"agregation.progression.{phase}", self.ui.lang),
                                                         total=total)
        self.bar.update(task, completed=done, total=total)

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.stop()


def _named(outcome: Any, rel: str, line: int | None = None, column: int | None = None) -> Any:
    """A record of a source as its author knows it: its row's line in a CSV source; its file in a repository,
    with the place of its first error when known."""
    if outcome.source.kind == "csv":
        line = line or outcome.lines.get(rel)
        return {"t": "agregation.csv.ligne", "p": {"n": line}} if line else rel
    return rel + (f":{line}" if line else "") + (f":{column}" if line and column else "")


def _report(ui: App, result: Any) -> None:
    from iaterr.aggregate.run import LOCK_FILE
    from iaterr.i18n import message

    lang = ui.lang
    few = len(result.outcomes) <= LISTED  # many sources: those that read fine are counted, not listed
    waiting = {id(rec) for rec in result.plan.orphans}  # valid, but left out for want of their collectivité
    for outcome in result.outcomes:
        source = outcome.source.label
        # valid now and taken (a stale one is a last valid state; one waiting for its collectivité is said below)
        count = sum(1 for r in outcome.records if not r.stale and id(r) not in waiting)
        if outcome.failed:
            error = (outcome.error or {}).get(lang) or (outcome.error or {}).get("fr", "")
            if outcome.state == "perime":
                ui.report("agregation.source.perime", style="yellow", source=source, erreur=error,
                          depuis=outcome.read_at or {"t": "agregation.version.jamais"})
            else:
                ui.report("agregation.source.echec", style="red", source=source, erreur=error)
        elif outcome.rejected:  # read, but records left out: named even among many sources
            ui.report("agregation.source.lu-rejets" if outcome.state == "lu" else "agregation.source.inchange-rejets",
                      style="yellow", source=source, version=outcome.version_text, fiches=count,
                      rejets=len(outcome.rejected))
        elif few and outcome.state == "lu":
            ui.report("agregation.source.lu", style="green", source=source, version=outcome.version_text, fiches=count)
        elif few:
            ui.report("agregation.source.inchange", style="dim", source=source, version=outcome.version_text,
                      fiches=count)
        stale = {r.rel for r in outcome.records if r.stale}
        for rejected in outcome.rejected[:LISTED]:
            ui.report("agregation.rejet.perime" if rejected.rel in stale else "agregation.rejet", style="red",
                      source=source, fichier=_named(outcome, rejected.rel, rejected.line, rejected.column),
                      message=rejected.message.get(lang) or rejected.message.get("fr", ""))
        if len(outcome.rejected) > LISTED:
            ui.report("agregation.et-autres", style="dim", n=len(outcome.rejected) - LISTED, fichier=LOCK_FILE)
        for store in outcome.store_rejected[:LISTED]:
            ui.report("agregation.restreint.rejete", style="yellow", source=source, fichier=store.rel,
                      magasin=outcome.source.companion_shown or "", ou=store.where,
                      message=store.message.get(lang) or store.message.get("fr", ""))
        if len(outcome.store_rejected) > LISTED:
            ui.report("agregation.et-autres", style="dim", n=len(outcome.store_rejected) - LISTED, fichier=LOCK_FILE)
        if isinstance(outcome.companion, dict):  # a members-only aggregate: its restricted store could not be read
            ui.report("agregation.restreint.illisible", style="yellow", source=source,
                      magasin=outcome.source.companion_shown or "", raison=outcome.companion)
        elif outcome.companion == "lu" and few:
            ui.report("agregation.restreint.lu", style="dim", source=source,
                      magasin=outcome.source.companion_shown or "")
        leaking = outcome.published_restricted
        if leaking:  # said even among many sources: a public repository publishes what it should not
            ui.report("agregation.restreint.publie", style="yellow", source=source, n=len(leaking),
                      fichiers=leaking[:3],
                      autres={"t": "agregation.et-n-autres", "p": {"n": len(leaking) - 3}} if len(leaking) > 3 else "")
    plan = result.plan
    location = {o.source.order: o.source.label for o in result.outcomes}
    for rec, old, new in plan.renamed:
        ui.report("agregation.renommage.pris" if id(rec) in plan.displaced else "agregation.renommage", style="yellow",
                  source=location[rec.source], ancien=old, nouveau=new)
    linked: dict[int, list[Any]] = {}
    separator = message("agregation.liste.separateur", lang)
    for rec in plan.linked:  # one line per source (a network's old Bibliothèque copies can be many)
        linked.setdefault(rec.source, []).append(rec)
    for order, recs in sorted(linked.items())[:LISTED]:
        ui.report("agregation.liens", style="dim", source=location[order], n=len(recs), exemples=separator.join(
            message("agregation.lien.exemple", lang, fichier=rec.rel, lien=rec.linked_to,
                    autre=location[rec.match.source] if rec.match is not None else "?") for rec in recs[:2])
            + (f"{separator}…" if len(recs) > 2 else ""))
    if len(linked) > LISTED:
        ui.report("agregation.et-autres", style="dim", n=len(linked) - LISTED, fichier=LOCK_FILE)
    for rec in plan.orphans:
        ui.report("agregation.orpheline", style="red", source=location[rec.source],
                  fichier=_named(result.outcomes[rec.source], rec.rel),
                  collectivite=rec.collectivite)
    for address, count in result.removed:
        ui.report("agregation.retiree", style="dim", source=address, fiches=count)
    for rec, why in result.unwritable:
        ui.report("agregation.non-ecrite", style="red", source=location[rec.source], fichier=rec.rel, raison=why)
    left = {id(rec) for rec, _why in result.unwritable}
    kept = [r for r in plan.kept if id(r) not in left]
    ui.report("agregation.bilan", style="green", dossier=str(result.out),
              cas=sum(1 for r in kept if r.kind == "cas_usage"), collectivites=sum(1 for r in kept
                                                                                if r.kind == "collectivite"),
              sources=len(result.outcomes), lues=sum(1 for o in result.outcomes if o.state == "lu"),
              inchangees=sum(1 for o in result.outcomes if o.state == "inchange"),
              echecs=sum(1 for o in result.outcomes if o.failed), liees=len(plan.linked), renommees=len(plan.renamed))
    if not result.ok:
        ui.report("agregation.bilan.echecs", style="yellow", fichier=str(result.out / LOCK_FILE))

