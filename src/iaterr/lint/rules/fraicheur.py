"""Freshness, read from git: a register is only trustworthy if it is kept up to date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import Finding, RecordContext, RepoContext, months_between, rule
from iaterr.model.types import parse_partial_date


@rule(
    code="fraicheur-fiche-ancienne", famille="fraicheur", severite=Severity.WARNING, portee="cas_usage",
    reference="CRPA L312-1-3 (règles publiées à jour) ; Etalab, date de mise à jour des informations",
    reference_en="CRPA, Art. L312-1-3 (published rules kept up to date); Etalab, date the information was updated",
    titre_fr="Fiche non modifiée depuis longtemps", titre_en="Record not modified for a long time",
    justification_fr="Un registre n'est digne de confiance que s'il est tenu à jour : une fiche que personne "
                     "n'a touchée depuis plus d'un an (réglable : `lint.fraicheur_mois`) décrit peut-être un "
                     "système qui a changé ou qui n'existe plus. La date vient de l'historique git, pas de "
                     "la fiche.",
    justification_en="A register can only be trusted if it is kept up to date: a record nobody touched for more "
                     "than a year (setting: `lint.fraicheur_mois`) may describe a system that changed or no "
                     "longer exists. The date comes from the git history, not from the record.",
    message_fr="Fiche non modifiée depuis {mois} mois ({date}) : au-delà de {limite} mois, relisez-la.",
    message_en="Record not modified for {mois} months ({date}): beyond {limite} months, review it.",
    aide_fr="Vérifiez chaque champ avec le service concerné, puis mettez à jour « date_mise_a_jour ».",
    aide_en="Check every field with the department concerned, then update “date_mise_a_jour”.",
)
def fiche_ancienne(ctx: RecordContext) -> Iterable[Finding]:
    history = ctx.history
    if not history.available:
        return
    when = history.last_change.get(ctx.rel)
    label = None
    if when is None:
        if not (history.shallow and history.boundary):
            return
        when, label = history.boundary, "≤ "  # not touched within the shallow history: at least that old
    months = months_between(when, ctx.today)
    limit = ctx.settings.fraicheur_mois
    if months > limit:
        yield Finding((), {"mois": months, "date": (label or "") + when.isoformat(), "limite": limit})


@rule(
    code="fraicheur-experimentation-longue", famille="fraicheur", severite=Severity.WARNING, portee="cas_usage",
    reference="Bibliothèque d'IA territoriales : maturité du projet",
    reference_en="Bibliothèque d'IA territoriales: project maturity",
    titre_fr="Expérimentation qui dure", titre_en="Long-running pilot",
    justification_fr="Une expérimentation de plus de deux ans (réglable : `lint.experimentation_mois`) est "
                     "souvent devenue un service en production, ou a été arrêtée : le statut affiché au public "
                     "doit dire lequel.",
    justification_en="A pilot older than two years (setting: `lint.experimentation_mois`) has often become a "
                     "production service, or was stopped: the status shown to the public must say which.",
    message_fr="« En expérimentation » depuis {mois} mois ({depuis}) : au-delà de {limite} mois, le statut est "
               "sans doute dépassé.",
    message_en="“Pilot” for {mois} months ({depuis}): beyond {limite} months, the status is probably stale.",
    aide_fr="Passez le statut à en_deploiement, termine ou abandonne (avec la date de fin et, s'il y a lieu, le "
            "motif).",
    aide_en="Change the status to en_deploiement, termine or abandonne (with the end date and, where relevant, "
            "the reason).",
)
def experimentation_longue(ctx: RecordContext) -> Iterable[Finding]:
    if ctx.get("statut") not in ("en_experimentation", "En expérimentation"):
        return
    start: date | None = None
    parsed = parse_partial_date(ctx.text("date_debut")) if ctx.text("date_debut") else None
    if parsed:
        start = date(parsed[0], parsed[1] if len(parsed) > 1 else 1, parsed[2] if len(parsed) > 2 else 1)
    elif ctx.history.available:
        start = ctx.history.first_seen.get(ctx.rel)
    if start is None:
        return
    months = months_between(start, ctx.today)
    limit = ctx.settings.experimentation_mois
    if months > limit:
        yield Finding(("statut",), {"mois": months, "depuis": start.isoformat()[:7], "limite": limit})


@rule(
    code="fraicheur-historique-incomplet", famille="fraicheur", severite=Severity.INFO, portee="depot",
    reference="iaterr : fraîcheur lue dans l'historique git",
    reference_en="iaterr: freshness read from the git history",
    titre_fr="Historique git absent ou incomplet", titre_en="Git history missing or incomplete",
    justification_fr="La fraîcheur des fiches se lit dans l'historique git. Sans dépôt git, ou dans un clone "
                     "superficiel (`git clone --depth`, `actions/checkout` par défaut), les dates sont inconnues "
                     "ou ne sont que des bornes : iaterr le dit plutôt que de se taire.",
    justification_en="Freshness is read from the git history. Without a git repository, or in a shallow clone "
                     "(`git clone --depth`, `actions/checkout` by default), dates are unknown or only bounds: "
                     "iaterr says so rather than keep silent.",
    message_fr="Fraîcheur des fiches : {etat}.",
    message_en="Freshness of records: {etat}.",
    aide_fr="En intégration continue, récupérez tout l'historique (`fetch-depth: 0` sur GitHub, `GIT_DEPTH: 0` "
            "sur GitLab).",
    aide_en="In CI, fetch the whole history (`fetch-depth: 0` on GitHub, `GIT_DEPTH: 0` on GitLab).",
)
def historique_incomplet(ctx: RepoContext) -> Iterable[Finding]:
    history = ctx.history
    if not history.available:
        etat = {"fr": "pas d'historique git (le dépôt n'est pas sous git) : non vérifiée",
                "en": "no git history (the repository is not under git): not checked"}
    elif history.shallow:
        etat = {"fr": "clone superficiel : dates antérieures à "
                      f"{history.boundary.isoformat() if history.boundary else '?'} inconnues",
                "en": "shallow clone: dates before "
                      f"{history.boundary.isoformat() if history.boundary else '?'} unknown"}
    elif history.reason == "aucun-commit":
        etat = {"fr": "aucun commit encore : non vérifiée", "en": "no commit yet: not checked"}
    else:
        return
    yield Finding((), {"etat": etat}, file="iaterr.yaml", line=1)

#: The rules of this family, in the order they are listed.
RULES = (
    fiche_ancienne,
    experimentation_longue,
    historique_incomplet,
)
