"""The import itself: rows grouped by collectivité, matched, then records created, updated or left as they are.

Each new or changed record is checked by ``validate`` before it is written; nothing is written with
``dry_run``. Every write goes through :func:`iaterr.repo.writing.write_whole` (or, for a new record,
:func:`iaterr.authoring.records.write_record`) under the repository's root: never through a link. A record
the system refuses to write (a full disk…) is reported, and the import goes on with the others.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iaterr.authoring.records import existing_identifiers, free_identifier, new_record, write_record
from iaterr.authoring.separer import route, store_routed
from iaterr.base.diagnostics import Severity
from iaterr.base.files import UnsafePath, contained
from iaterr.base.text import printable_line
from iaterr.check.validate import check_file
from iaterr.i18n import message
from iaterr.ingest.bibliotheque.cells import shown_params
from iaterr.ingest.bibliotheque.columns import MODELS, RESTRICTED_IN_BIBLIOTHEQUE
from iaterr.ingest.bibliotheque.dates import decide
from iaterr.ingest.bibliotheque.existing import (
    Existing,
    collectivite_identifier,
    is_provenance,
    match_collectivite,
    match_use_case,
    provenance_date,
    read_records,
    similar_names,
    use_case_identifier,
)
from iaterr.ingest.bibliotheque.lists import known_compound_pairs
from iaterr.ingest.bibliotheque.merge import (
    apply_values,
    is_empty,
    plan_update,
    same_value,
    with_header_lines,
    with_provenance,
)
from iaterr.ingest.bibliotheque.report import (
    AVERTISSEMENT,
    CREE,
    ECARTE,
    IGNORE,
    IGNOREE,
    INCHANGE,
    INFO,
    MIS_A_JOUR,
    WRITE_FAILED,
    Finding,
    ImportReport,
    RecordResult,
    diagnostic_param,
)
from iaterr.ingest.bibliotheque.rows import ParsedRow, export_date_of, parse_row
from iaterr.ingest.bibliotheque.silences import (
    firing_codes,
    other_silenced,
    own_silences,
    silence_reason,
    with_import_silence,
)
from iaterr.ingest.bibliotheque.source import Export, read_export
from iaterr.model import Collectivite
from iaterr.model.droit import today as droit_today
from iaterr.model.identifiers import slugify
from iaterr.model.introspect import specs
from iaterr.model.qualification import A_PRECISER, APPLIQUE, qualify
from iaterr.repo.config import Repository, RepositoryError
from iaterr.repo.writing import write_whole
from iaterr.repo.yamlio import read_document


@dataclass
class _Group:
    """One collectivité of the export: its rows and merged values."""

    name: str
    lines: list[int] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)
    siret_rejected: bool = False
    ident: str | None = None
    existing: Existing | None = None
    ok: bool = True
    errors: list[dict[str, Any]] = field(default_factory=list)


class _Importer:
    def __init__(self, repo: Repository, export: Export, *, dry_run: bool, lang: str,
                 date_order: str | None = None, force: bool = False) -> None:
        self.repo = repo
        self.export = export
        self.dry_run = dry_run
        self.force = force
        self.date_order = date_order
        self.lang = lang  # the records' language
        self.findings: list[Finding] = list(export.findings)
        self.records: list[RecordResult] = []
        existing = read_records(repo)
        self.colls = existing.collectivites
        self.cases = existing.cas_usage
        for rel, target in existing.links:
            self.note(AVERTISSEMENT, "importer.lien-ignore", fiche=rel, cible=target)
        # file names of links and other files the loader did not read are taken too: never written over
        self.taken = {kind: existing_identifiers(repo, kind) | {e.path.stem for e in es} | {e.ident for e in es}
                      for kind, es in (("collectivite", self.colls), ("cas_usage", self.cases))}
        self.written: dict[str, dict[str, Any]] = {}

    def note(self, level: str, key: str, line: int | None = None, **params: Any) -> None:
        self.findings.append(Finding(level, key, params, line))

    def known_names(self) -> list[str]:
        names = [str(e.data.get("nom") or "") for e in self.colls]
        for e in self.cases:
            for key in ("partenaires", "fournisseurs"):
                value = e.data.get(key)
                if isinstance(value, list):
                    names += [str(v) for v in value if isinstance(v, str)]
        coll_columns = [c.index for c in self.export.columns if c.target and c.target.kind == "collectivite"
                        and c.target.name == "nom"]
        for row in self.export.rows:
            names += [row.cells[i] for i in coll_columns if i < len(row.cells)]
        return names

    def claim(self, kind: str, base: str) -> str:
        """A free identifier of ``kind`` made from ``base``, taken from now on."""
        ident = free_identifier(base, self.taken[kind])
        self.taken[kind].add(ident)
        return ident

    def rel(self, path: Path) -> str:
        """``path`` relative to the repository, as written (a link on the way is not resolved)."""
        return Path(os.path.relpath(path, self.repo.root)).as_posix()

    # -- the whole run
    def run(self) -> str | None:
        """Import every row; the export's date (None: unknown)."""
        known = known_compound_pairs(self.known_names())
        dates = decide(self.export, self.date_order, self.findings)
        # a column every record needs is missing: said once for the file (read_export), no row is read
        readable = [] if self.export.missing_required else [r for r in self.export.rows if not r.problem]
        rows = [parse_row(self.export, row, self.findings, known, dates) for row in readable]
        export_date = export_date_of(self.export.path, rows)
        if export_date is None and rows:
            self.note(AVERTISSEMENT, "importer.date-export-inconnue", None)
        usable = []
        visibility = _Visibility()
        for row in rows:
            if not row.coll.get("nom"):
                self.note(IGNORE, "importer.collectivite-manquante", row.line)
                continue
            if not row.uc.get("nom"):
                self.note(IGNORE, "importer.projet-manquant", row.line)
                continue
            self.restricted_there(row, visibility)
            if self.refused_use_case(row):
                continue  # a rejected row changes nothing: neither its use case nor its collectivité
            usable.append(row)
        self.visibility_findings(visibility)
        groups = self.group(usable)
        for group in groups.values():
            self.collectivite(group, export_date)
        by_row = {line: g for g in groups.values() for line in g.lines}
        seen: dict[tuple[str, str], int] = {}
        for row in usable:
            group = by_row[row.line]
            if not group.ok:
                self.note(IGNORE, "importer.collectivite-invalide", row.line, collectivite=group.name,
                          erreurs=group.errors)
                continue
            key = (group.ident or "", slugify(row.uc["nom"]))
            if key in seen:
                self.note(IGNORE, "importer.ligne-double", row.line, ligne=seen[key])
                continue
            seen[key] = row.line
            self.use_case(row, group, export_date)
        return export_date

    def restricted_there(self, row: ParsedRow, visibility: _Visibility) -> None:
        """A value of a field the Bibliothèque restricts and iaterr publishes stays out of the record unless the
        law requires its publication for this use case: L312-1-3 requires the rules defining a processing that
        founds individual decisions to be published (with the D312-1-4 threshold), and those rules include the
        data processed and the operations carried out (R311-3-1-2, 2° and 4°). Decided from the record the row
        updates, if any, and the collectivité; what is kept and what is left out is said per field."""
        names = [name for name in PUBLIC_HERE if not is_empty(row.uc.get(name))]
        if not names:
            return
        duty = self.publication_duty(row)
        for name in names:
            if name in RULES_OF_THE_PROCESSING and duty in PUBLISHED:
                visibility.published.setdefault((name, duty), []).append(row.line)
            else:
                del row.uc[name]
                why = duty if name in RULES_OF_THE_PROCESSING else "aucun-texte"
                visibility.withheld.setdefault((name, why), []).append(row.line)
                # what the row's cell became (a label read as a code…) is moot: the value is not imported
                visibility.moot |= {(row.line, c.header) for c in self.export.columns if c.target is not None
                                    and (c.target.kind, c.target.name) == ("cas_usage", name)}

    def publication_duty(self, row: ParsedRow) -> str:
        """Does L312-1-3 require publishing the rules of the processing of ``row``'s use case, and why:
        ``l312`` (it applies), ``l312-presumee`` (presumed while the collectivité's headcount is unknown),
        ``dispense`` (fewer than 50 agents, D312-1-4), ``sans-decision`` (the record does not say the processing
        founds individual decisions on persons)."""
        existing_coll, _coll_id, existing = self.matches(row)
        coll = {**row.coll, **(existing_coll.data if existing_coll is not None else {})}
        cas = {**row.uc, **(existing.data if existing is not None else {})}
        regime = qualify(cas, coll, droit_today()).regime("crpa-publication")
        if regime.statut == APPLIQUE:
            return "l312"
        if regime.statut == A_PRECISER and regime.presumee:
            return "l312-presumee"
        if any(m.cle == "qualif.publication.dispense" for m in regime.motifs):
            return "dispense"
        return "sans-decision"

    def matches(self, row: ParsedRow) -> tuple[Existing | None, str, Existing | None]:
        """The collectivité record ``row`` names (if any), its identifier, and the use-case record it updates."""
        existing_coll, _how = match_collectivite(self.colls, row.coll["nom"], row.coll.get("siret"))
        coll_id = existing_coll.ident if existing_coll is not None else collectivite_identifier(row.coll["nom"])
        return existing_coll, coll_id, match_use_case(self.cases, coll_id, row.uc["nom"])

    def visibility_findings(self, visibility: _Visibility) -> None:
        """One file-level finding per field restricted in the Bibliothèque: published (and why), or left out;
        the row-level findings about a value left out are dropped."""
        if visibility.moot:
            self.findings[:] = [f for f in self.findings if (f.line, f.params.get("colonne")) not in visibility.moot]
        fields = specs(MODELS["cas_usage"])
        for (name, why), lines in visibility.published.items():
            meta = fields[name].meta
            self.note(INFO, "importer.devient-public", None, champ={"fr": meta.titre_fr, "en": meta.titre_en},
                      colonne=meta.bibliotheque, lignes=", ".join(map(str, lines)),
                      raison={"t": f"importer.devient-public.{why}", "p": {}})
        for (name, why), lines in visibility.withheld.items():
            meta = fields[name].meta
            self.note(ECARTE, "importer.reste-restreint", None, champ={"fr": meta.titre_fr, "en": meta.titre_en},
                      colonne=meta.bibliotheque, lignes=", ".join(map(str, lines)),
                      raison={"t": f"importer.reste-restreint.{why}", "p": {}})

    def older(self, existing: Existing, values: dict[str, Any], export_date: str | None) -> tuple[str, str] | None:
        """Is this export older than the one ``existing`` was last imported from? (the record's export date,
        and what it is), else None. Without a provenance comment, the record's own update date decides."""
        if self.force or not existing.owned:
            return None
        recorded = provenance_date(existing.text)
        if export_date is None and (recorded is not None or existing.data.get("date_mise_a_jour")):
            # nothing says whether this export is newer than the one the record came from
            return recorded or str(existing.data.get("date_mise_a_jour")), "sans-date"
        if recorded is not None and export_date is not None:
            return (recorded, "export") if export_date < recorded else None
        mine, theirs = str(existing.data.get("date_mise_a_jour") or ""), str(values.get("date_mise_a_jour") or "")
        if mine and theirs and theirs < mine and not mine.startswith(theirs):
            return mine, "date"
        return None

    def refused_use_case(self, row: ParsedRow) -> bool:
        """Would the use case of ``row`` be refused by validation (created or updated)? Checked before any
        collectivité is written, so that a row that cannot be imported changes nothing; said on its line."""
        _coll, coll_id, existing = self.matches(row)
        values = dict(row.uc)
        if existing is not None:
            model = MODELS["cas_usage"]
            plan = plan_update(model, existing.data, values, owned=existing.owned)
            if not plan.values:
                return False
            rel = self.rel(existing.path)
            errors = self.check("cas_usage", rel, apply_values(existing.text, model, plan.values, self.lang))
            if not errors:
                return False
            self.note(IGNORE, "importer.mise-a-jour-invalide", row.line, fiche=rel, erreurs=errors)
            self.records.append(RecordResult("cas_usage", existing.ident, rel, IGNOREE, [row.line]))
            return True
        ident = free_identifier(use_case_identifier(coll_id, values["nom"]), self.taken["cas_usage"])
        data = {"identifiant": ident, "collectivite": coll_id, **values}
        record = new_record(self.repo, "cas_usage", data, lang=self.lang, stamp_update=False,
                            known_collectivites={coll_id})
        errors = [diagnostic_param(d) for d in record.problems]
        if not errors:
            return False
        rel = self.rel(self.repo.record_path("cas_usage", ident))
        self.note(IGNORE, "importer.fiche-invalide", row.line, fiche=rel, erreurs=errors)
        self.records.append(RecordResult("cas_usage", ident, rel, IGNOREE, [row.line]))
        return True

    # -- collectivités
    def group(self, rows: list[ParsedRow]) -> dict[int, _Group]:
        """The rows by collectivité. Where its rows disagree (four Toulouse Métropole rows, four longitudes), the
        values of a row whose SIRET passed its check are kept, else those of the first row: the order of the
        rows in the file does not decide."""
        groups: dict[int, _Group] = {}
        by_siret: dict[str, int] = {}
        by_name: dict[str, int] = {}
        trusted_first = sorted(rows, key=lambda r: ("collectivite", "siret") in r.rejected)  # stable
        for row in trusted_first:
            name = row.coll["nom"]
            siret = row.coll.get("siret")
            gid = by_siret.get(siret) if siret else None
            if gid is None:
                gid = by_name.get(slugify(name))
            if gid is None:
                gid = len(groups)
                groups[gid] = _Group(name)
            group = groups[gid]
            by_name.setdefault(slugify(name), gid)
            if siret:
                by_siret.setdefault(siret, gid)
            group.lines.append(row.line)
            if ("collectivite", "siret") in row.rejected:
                group.siret_rejected = True
            for key, value in row.coll.items():
                if key not in group.values:
                    group.values[key] = value
                    group.first_line[key] = row.line
                    continue
                spec = specs(Collectivite)[key]
                if not same_value(spec, group.values[key], value):
                    column = next((c.header for c in self.export.columns if c.target is not None
                                   and (c.target.kind, c.target.name) == ("collectivite", key)), key)
                    self.note(ECARTE, "importer.conflit", row.line, **shown_params(("collectivite", key), {
                        "champ": column, "valeur": value, "collectivite": group.name,
                        "ligne": group.first_line[key], "premiere": group.values[key]}))
        for group in groups.values():
            group.lines.sort()
        return groups

    def collectivite(self, group: _Group, export_date: str | None) -> None:
        existing, how = match_collectivite(self.colls, group.name, group.values.get("siret"))
        line = group.lines[0]
        values = dict(group.values)
        if existing is not None:
            group.ident = existing.ident
            group.existing = existing
            if not existing.owned:
                self.note(INFO, "importer.collectivite-rattachee", line, collectivite=group.name,
                          fiche=self.rel(existing.path), par={"t": f"importer.par.{how}"})
            # an update refused by validation leaves the record as it is: its use cases still refer to it
            self.update(existing, values, group.lines, export_date, siret_rejected=group.siret_rejected,
                        coll_data=None)
            return
        ident = self.claim("collectivite", collectivite_identifier(group.name))
        group.ident = ident
        for e in self.colls:
            if similar_names(group.name, str(e.data.get("nom") or "")):
                self.note(INFO, "importer.collectivite-proche", line, collectivite=group.name,
                          fiche=self.rel(e.path), nom=str(e.data.get("nom")))
        data = {"identifiant": ident, **values}
        ok, errors = self.create("collectivite", ident, data, group.lines, export_date,
                                 siret_rejected=group.siret_rejected, coll_data=None)
        if not ok:
            group.ok = False
            group.errors = errors
        else:
            self.written[ident] = data

    # -- use cases
    def use_case(self, row: ParsedRow, group: _Group, export_date: str | None) -> None:
        coll_id = group.ident or ""
        values = dict(row.uc)
        coll_data = self.written.get(coll_id) or (group.existing.data if group.existing else None)
        existing = match_use_case(self.cases, coll_id, values["nom"])
        if existing is not None:
            if not existing.owned:
                self.note(INFO, "importer.fiche-existante", row.line, fiche=self.rel(existing.path))
            self.update(existing, values, [row.line], export_date, siret_rejected=False, coll_data=coll_data,
                        undated=("cas_usage", "date_mise_a_jour") in row.rejected, blank=row.blank)
            return
        ident = self.claim("cas_usage", use_case_identifier(coll_id, values["nom"]))
        for e in self.cases:
            if str(e.data.get("collectivite")) == coll_id and similar_names(values["nom"],
                                                                            str(e.data.get("nom") or "")):
                self.note(INFO, "importer.doublon-possible", row.line, fiche=self.rel(e.path),
                          nom=str(e.data.get("nom")))
        data = {"identifiant": ident, "collectivite": coll_id, **values}
        self.create("cas_usage", ident, data, [row.line], export_date, siret_rejected=False, coll_data=coll_data)

    # -- writing
    def silence(self, kind: str, plain: dict[str, Any], coll_data: dict[str, Any] | None, text: str,
                export_date: str | None, *, owned: bool, siret_rejected: bool, changing: bool = False) -> str:
        codes = firing_codes(self.repo, kind, plain, coll_data)
        codes = [c for c in codes if c not in other_silenced(text)]
        if not owned:
            current = {c for s in own_silences(text) for c in s.codes}
            codes = [c for c in codes if c in current]
        reason = silence_reason(kind, export_date, self.lang, siret_rejected=siret_rejected)
        return with_import_silence(text, codes, reason, export_date=export_date if changing and owned else None)

    def provenance(self, export_date: str | None) -> str:
        """The comment line naming the export a record comes from; the file's name on one line, every control
        or invisible character escaped (a line break in a name would otherwise end the comment)."""
        name = printable_line(self.export.path.name)
        if export_date is None:
            return "# " + message("importer.provenance.sans-date", self.lang, fichier=name)
        return "# " + message("importer.provenance", self.lang, date=export_date, fichier=name)

    def check(self, kind: str, rel: str, text: str) -> list[dict[str, Any]]:
        result = check_file(text.encode("utf-8"), rel, kind).result
        return [diagnostic_param(d) for d in result.diagnostics if d.severity == Severity.ERROR]

    def link_on(self, path: Path) -> UnsafePath | None:
        """The symbolic link on the way to ``path`` in the repository, if any (nothing is written through it)."""
        try:
            contained(self.repo.root, path)
        except UnsafePath as exc:
            return exc
        return None

    def refuse(self, kind: str, ident: str, rel: str, lines: list[int],
               link: UnsafePath) -> tuple[bool, list[dict[str, Any]]]:
        """A record not written because its path goes through a link: said on each of its rows."""
        where = self.rel(link.link) if link.link is not None else rel
        for line in lines:
            self.note(IGNORE, "importer.chemin-lien", line, fiche=rel, lien=where)
        self.records.append(RecordResult(kind, ident, rel, IGNOREE, lines))
        return False, [{"t": "diag.lien-symbolique", "p": {"cible": link.target or "?"}}]

    def unwritten(self, kind: str, ident: str, rel: str, lines: list[int],
                  exc: RepositoryError) -> tuple[bool, list[dict[str, Any]]]:
        """A record the system refused to write (a full disk, a read-only folder…): said on each of its rows,
        counted as not written; the import goes on with the others (and exits with 2)."""
        reason = exc.params.get("erreur") if exc.key == "cli.ecriture-impossible" else {"t": exc.key, "p": exc.params}
        for line in lines:
            self.note(IGNORE, WRITE_FAILED, line, fiche=rel, erreur=reason)
        self.records.append(RecordResult(kind, ident, rel, IGNOREE, lines))
        return False, [{"t": "cli.ecriture-impossible", "p": {"chemin": rel, "erreur": reason}}]

    def create(self, kind: str, ident: str, data: dict[str, Any], lines: list[int], export_date: str | None, *,
               siret_rejected: bool, coll_data: dict[str, Any] | None) -> tuple[bool, list[dict[str, Any]]]:
        path = self.repo.record_path(kind, ident)
        rel = self.rel(path)

        def finish(text: str, _data: dict[str, Any]) -> str:
            text = with_header_lines(text, ["# " + message("importer.marqueur", self.lang)])
            text = with_provenance(text, self.provenance(export_date), is_provenance)
            plain = read_document(text.encode("utf-8"), rel).data or {}
            return self.silence(kind, plain, coll_data, text, export_date, owned=True, siret_rejected=siret_rejected)

        # the import creates the collectivités it refers to in the same run
        record = new_record(self.repo, kind, data, lang=self.lang, finish=finish, stamp_update=False,
                            known_collectivites={str(data.get("collectivite"))})
        errors = [diagnostic_param(d) for d in record.problems]
        if errors:
            for line in lines:
                self.note(IGNORE, "importer.fiche-invalide", line, fiche=rel, erreurs=errors)
            self.records.append(RecordResult(kind, ident, rel, IGNOREE, lines))
            return False, errors
        link = self.link_on(path)
        if link is not None:
            return self.refuse(kind, ident, rel, lines, link)
        if not self.dry_run:
            try:
                write_record(self.repo, record)
            except RepositoryError as exc:
                return self.unwritten(kind, ident, rel, lines, exc)
        diff = [changed_field(kind, k, None, v) for k, v in data.items() if not is_empty(v)]
        self.records.append(RecordResult(kind, ident, rel, CREE, lines, diff=diff))
        return True, []

    def update(self, existing: Existing, values: dict[str, Any], lines: list[int], export_date: str | None, *,
               siret_rejected: bool, coll_data: dict[str, Any] | None, undated: bool = False,
               blank: frozenset[str] = frozenset()) -> None:
        """Complete or update ``existing`` with the export's ``values``; what happened is in :attr:`records`.
        ``undated``: the row's update date could not be read (an undecided day/month order…): a record that has
        one is not changed, even with ``--force``, since its content and its date would then disagree."""
        kind = existing.kind
        model = MODELS[kind]
        rel = self.rel(existing.path)
        owned = existing.owned
        older = self.older(existing, values, export_date)
        if older is not None:
            recorded, what = older
            for line in lines[:1] if kind == "collectivite" else lines:
                self.note(IGNORE, f"importer.export-plus-ancien.{what}", line, fiche=rel, date=export_date,
                          fiche_date=recorded)
            self.records.append(RecordResult(kind, existing.ident, rel, IGNOREE, lines))
            return
        plan = plan_update(model, existing.data, values, owned=owned)
        if undated and plan.values and existing.data.get("date_mise_a_jour"):
            for line in lines:
                self.note(IGNORE, "importer.mise-a-jour-sans-date", line, fiche=rel,
                          champs=", ".join(plan.values))
            self.records.append(RecordResult(kind, existing.ident, rel, IGNOREE, lines))
            return
        if plan.kept:
            self.note(INFO, "importer.valeurs-gardees", lines[0], fiche=rel, champs=plan.kept)
        emptied = [name for name in specs(model) if name in blank and not is_empty(existing.data.get(name))]
        if emptied and owned:  # an import never empties a field: said, since the Bibliothèque's value differs
            self.note(INFO, "importer.vides-gardees", lines[0], fiche=rel, champs=emptied)
        text = existing.text
        changed = list(plan.values)
        if plan.values:  # edited from the text the loader read: the file is not opened again
            text = apply_values(text, model, plan.values, self.lang)
        plain = read_document(text.encode("utf-8"), rel).data or {}
        text = self.silence(kind, plain, coll_data, text, export_date, owned=owned, siret_rejected=siret_rejected,
                            changing=bool(plan.values))
        if owned and text != existing.text:  # the record remembers the export it was last written from
            text = with_provenance(text, self.provenance(export_date), is_provenance)
        if text == existing.text:
            self.records.append(RecordResult(kind, existing.ident, rel, INCHANGE, lines))
            return
        errors = self.check(kind, rel, text)
        if errors:
            for line in lines:
                self.note(IGNORE, "importer.mise-a-jour-invalide", line, fiche=rel, erreurs=errors)
            self.records.append(RecordResult(kind, existing.ident, rel, IGNOREE, lines))
            return
        link = self.link_on(existing.path)
        if link is not None:
            self.refuse(kind, existing.ident, rel, lines, link)
            return
        if not self.dry_run:
            try:
                # a public repository: restricted values go to its store, never into the record file
                routed = route(self.repo, rel, kind, text)
                store_routed(routed)
                write_whole(existing.path, routed.text, root=self.repo.root)
            except RepositoryError as exc:
                self.unwritten(kind, existing.ident, rel, lines, exc)
                return
        diff = [changed_field(kind, k, existing.data.get(k), v) for k, v in plan.values.items()]
        if not changed:  # only the import's comments changed
            changed = ["# iaterr: ignore"]
        self.records.append(RecordResult(kind, existing.ident, rel, MIS_A_JOUR, lines, changed, diff=diff))


#: The use-case fields the Bibliothèque restricts and iaterr publishes (its own name → visibility).
PUBLIC_HERE = tuple(name for name, spec in specs(MODELS["cas_usage"]).items()
                    if spec.meta.bibliotheque in RESTRICTED_IN_BIBLIOTHEQUE and spec.meta.visibilite == "public")
#: The reasons of :meth:`_Importer.publication_duty` for which the law requires publication.
PUBLISHED = ("l312", "l312-presumee")
#: Those that belong to the rules defining the processing, which L312-1-3 requires to be published when the
#: processing founds individual decisions (R311-3-1-2: 2° the data and their sources, 4° the operations).
RULES_OF_THE_PROCESSING = frozenset({"donnees", "operations"})


@dataclass
class _Visibility:
    #: (field, why) → the rows whose value is published because the law requires it
    published: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    #: (field, why) → the rows whose value is left out
    withheld: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    #: (row, column) of the values left out: their row-level findings are moot
    moot: set[tuple[int, str]] = field(default_factory=set)


def changed_field(kind: str, name: str, before: Any, after: Any) -> dict[str, Any]:
    """One field of what is written, for the report: a restricted field is named, its values never shown."""
    spec = specs(MODELS[kind]).get(name)
    if spec is not None and spec.meta.visibilite != "public":
        return {"champ": name, "restreint": True}
    return {"champ": name, "avant": before, "apres": after}


def import_bibliotheque(repo: Repository, path: Path, *, dry_run: bool = False,
                        lang: str | None = None, date_order: str | None = None,
                        force: bool = False) -> ImportReport:
    """Import the export at ``path`` into ``repo``; with ``dry_run``, write nothing.

    ``lang``: the language of the comments written in records (default: the repository's).
    ``date_order``: ``jma`` or ``mja``, the order of day and month in the file's ``a/b/yyyy`` dates (default:
    decided from the file's evidence, see :mod:`~iaterr.ingest.bibliotheque.dates`).
    ``force``: write even over a record last imported from a more recent export (a deliberate rollback);
    without it, such a record is left as it is and its rows are reported.
    Raises :class:`~iaterr.ingest.bibliotheque.report.SourceError` when the file cannot be read as an
    export at all.
    """
    export = read_export(Path(path))
    importer = _Importer(repo, export, dry_run=dry_run, lang=lang or repo.config.langue, date_order=date_order,
                         force=force)
    export_date = importer.run()
    findings = sorted(importer.findings, key=lambda f: f.line or 0)
    return ImportReport(
        source=str(path), encoding=export.encoding, delimiter=export.delimiter, rows=len(export.rows),
        export_date=export_date, dry_run=dry_run, findings=findings, records=importer.records,
    )
