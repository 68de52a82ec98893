"""``iaterr new --like ID``: the answers of a similar use case, offered as defaults.

The model is looked for in the repository, then in the library embedded in iaterr (the Bibliothèque's
real use cases). Only what describes a kind of project is taken: its public fields (one function decides
what is public: :func:`iaterr.model.visibility.view`), without what belongs to that project alone — who
runs it, its name, status and dates, its pages and contacts, its figures and history.
"""

from __future__ import annotations

from typing import Any

from iaterr.authoring.edit import EditError, OpenRecord, open_for_edit
from iaterr.model import CasUsage
from iaterr.model.questions import canonical
from iaterr.model.visibility import view
from iaterr.repo.config import Repository, RepositoryError, embedded_root, load_config

#: Fields that belong to one project and are never offered from another.
OWN = frozenset({
    "version_schema", "identifiant", "collectivite", "nom", "statut", "motif_abandon", "date_debut", "date_fin",
    "date_mise_a_jour", "url_informations", "url_regles_publiees", "url_code_source", "url_base_ue",
    "url_base_ue_fournisseur", "contact_droits", "nombre_decisions_par_an", "chiffres_cles", "dates_cles",
    "contexte", "analyses_impact", "suivi",
})


def find_model(repo: Repository, identifiant: str) -> tuple[OpenRecord, bool]:
    """The use case ``identifiant`` of the repository, else of the embedded library: (record, embedded).
    Raises :class:`EditError` (``like.introuvable``) when neither has it."""
    try:
        return open_for_edit(repo, identifiant), False
    except EditError as exc:
        if exc.key != "edit.introuvable":
            raise
    library = _library(repo)
    if library is not None:
        try:
            return open_for_edit(library, identifiant), True
        except EditError:
            pass
    raise EditError("like.introuvable", identifiant=identifiant, dossier=repo.rel(repo.kind_dir("cas_usage")))


def known_models(repo: Repository) -> list[str]:
    """The identifiers ``--like`` can take: the repository's use cases and the embedded library's."""
    from iaterr.authoring.records import existing_identifiers

    found = set(existing_identifiers(repo, "cas_usage"))
    library = _library(repo)
    if library is not None:
        found |= existing_identifiers(library, "cas_usage")
    return sorted(found)


def _library(repo: Repository) -> Repository | None:
    """The library embedded in iaterr, when there is one and it is not ``repo`` itself."""
    root = embedded_root()
    if root is None or root.resolve() == repo.root.resolve():
        return None
    try:
        return Repository(root, load_config(root), embedded=True)
    except RepositoryError:
        return None


def like_answers(record: OpenRecord) -> dict[str, Any]:
    """The answers of ``record`` worth offering for a new project (see the module's docstring)."""
    return dict(view(CasUsage, canonical(CasUsage, {k: v for k, v in record.data.items() if k not in OWN})))


def _folded(text: str) -> str:
    """Lower case, without accents, words joined by single dashes: « Issy-les-Moulineaux » and « issy les
    moulineaux » fold alike."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-" + "-".join(re.findall(r"[a-z0-9]+", plain)) + "-"


def carried_over(record: OpenRecord, offered: dict[str, Any], answers: dict[str, Any]) -> tuple[list[str], list[str]]:
    """What a record made with ``--like`` still holds of its model: (the answers kept word for word, the
    answers that name the model's project or authority). Both are to be reread before publishing: the
    model's facts are not the new project's."""
    names = [str(record.data.get(k) or "") for k in ("nom", "collectivite")]
    marks = [_folded(n) for n in names if len(_folded(n)) > 4]
    same, naming = [], []
    for name, value in answers.items():
        texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] \
            if isinstance(value, list) else []
        if not texts:
            continue
        if offered.get(name) == value:
            same.append(name)
        if any(mark in _folded(t) for t in texts for mark in marks):
            naming.append(name)
    return same, naming


__all__ = ["OWN", "carried_over", "find_model", "known_models", "like_answers"]
