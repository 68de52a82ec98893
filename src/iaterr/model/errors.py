"""A pydantic validation error as a diagnostic: stable code, place, parameters and a hint.

Used wherever the model checks data: files (``validate``), answers (``iaterr new``), a collectivité
given on the command line (``iaterr init``). Positions come from the caller (``locate``), who knows
the file; the model layer knows only paths.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from iaterr.base.diagnostics import Diagnostic, format_path, with_hint
from iaterr.model.identifiers import slugify
from iaterr.model.introspect import model_at, spec_at, specs
from iaterr.model.visibility import path_is_public
from iaterr.model.vocab import SOUS_THEMES, THEMES

#: ``locate(path, key=False) -> (line, column)``
Locate = Callable[..., tuple[int, int]]


def _type_name(value: Any) -> dict[str, str]:
    if value is None:
        return {"t": "type.vide"}
    if isinstance(value, list):
        return {"t": "type.liste"}
    if isinstance(value, dict):
        return {"t": "type.table"}
    return {"t": "type.texte"}


def _bilingual(meta_fr: str, meta_en: str) -> dict[str, str]:
    return {"fr": meta_fr, "en": meta_en}


def _example(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, (list, dict)):
        return "…"
    return str(value)


def diagnostic_from_pydantic(err: Any, rel: str, model: type[BaseModel], data: dict[str, Any],
                             locate: Locate | None = None, *, redact: bool = True) -> Diagnostic:
    """The diagnostic of one pydantic error of ``model`` on ``data`` (the record of the file ``rel``).

    ``locate(path, key=False)`` gives the line and column of a path in the file (1, 1 when not given).
    A diagnostic about a restricted field does not quote its value (:meth:`Diagnostic.redacted`), unless
    ``redact`` is False (shown only to the person who typed the value)."""
    out = _diagnostic(err, rel, model, data, locate or _nowhere)
    return out if not redact or path_is_public(model, out.path) else out.redacted()


def _nowhere(path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
    return (1, 1)


def _diagnostic(err: Any, rel: str, model: type[BaseModel], data: dict[str, Any], locate: Locate) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    champ = format_path(loc)
    spec = spec_at(model, loc)

    def diag(code: str, params: dict[str, Any], *, key: bool = False) -> Diagnostic:
        line, col = locate(loc, key)
        return Diagnostic(code, rel, line, col, loc, params)

    if kind == "missing":
        params: dict[str, Any] = {"champ": champ}
        if spec is not None:
            params["titre"] = _bilingual(spec.meta.titre_fr, spec.meta.titre_en)
            if spec.meta.exemple is not None:
                with_hint(params, "exemple", champ=loc[-1], exemple=_example(spec.meta.exemple))
        # a missing key sits in its parent mapping
        line, col = locate(loc[:-1]) if len(loc) > 1 else (1, 1)
        return Diagnostic("champ-manquant", rel, line, col, loc, params)
    if kind == "extra_forbidden":
        holder = model_at(model, loc)
        names = list(specs(holder)) if holder else []
        params = {"cle": str(loc[-1])}
        close = difflib.get_close_matches(str(loc[-1]), names, n=3, cutoff=0.6)
        if close:
            with_hint(params, "vous-vouliez-dire", suggestions=close)
        elif names and len(names) <= 8:
            with_hint(params, "cles-possibles", cles=names)
        return diag("cle-inconnue", params, key=True)
    if kind == "iaterr_vocab":
        vocab = spec.vocab if spec else None
        params = {"valeur": ctx.get("valeur", value), "champ": champ}
        if vocab is not None:
            params["vocabulaire"] = _bilingual(vocab.title_fr, vocab.title_en)
            close = vocab.suggest(str(params["valeur"]))
            if close:
                with_hint(params, "vous-vouliez-dire", suggestions=close)
            elif vocab is SOUS_THEMES:  # the sub-themes of the record's theme, if it has a known one
                theme = THEMES.resolve(data["theme"]) if isinstance(data.get("theme"), str) else None
                candidates = SOUS_THEMES.children(theme.code) if theme else []
                if candidates:
                    with_hint(params, "sous-themes", valeurs=[t.code for t in candidates])
            else:
                with_hint(params, "valeurs-possibles", valeurs=vocab.codes)
        return diag("valeur-inconnue", params)
    if kind == "iaterr_type":
        params = {"champ": champ, "attendu": {"t": "type." + ctx.get("attendu", "texte")}, "trouve": _type_name(value)}
        return diag("type-invalide", params)
    if kind in ("list_type", "tuple_type"):
        return diag("type-invalide", with_hint(
            {"champ": champ, "attendu": {"t": "type.liste"}, "trouve": _type_name(value)}, "liste"))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return diag("type-invalide", {"champ": champ, "attendu": {"t": "type.table"}, "trouve": _type_name(value)})
    if kind in ("string_type", "str_type"):
        return diag("type-invalide", {"champ": champ, "attendu": {"t": "type.texte"}, "trouve": _type_name(value)})
    if kind == "iaterr_vide":
        return diag("texte-vide", with_hint({"champ": champ}, "texte-vide"))
    if kind == "iaterr_trop_long":
        maximum = ctx.get("maximum", "?")
        return diag("texte-trop-long", with_hint({"champ": champ, "longueur": ctx.get("longueur", "?"),
                                                  "maximum": maximum}, "texte-trop-long", maximum=maximum))
    if kind == "iaterr_slug":
        params = {"valeur": ctx.get("valeur", value)}
        suggestion = slugify(str(params["valeur"]))
        if ctx.get("reserve"):
            with_hint(params, "identifiant-reserve", valeur=params["valeur"], suggestion=suggestion)
        elif suggestion:
            with_hint(params, "identifiant", suggestion=suggestion)
        return diag("identifiant-invalide", params)
    if kind == "iaterr_controle":
        return diag("caractere-controle", with_hint({"champ": champ, "caracteres": ctx.get("caracteres", "?")},
                                                    "caractere-controle"))
    if kind == "iaterr_siret_format":
        params = {"valeur": ctx.get("valeur", value)}
        if ctx.get("compact") and len(ctx["compact"]) == 14:
            with_hint(params, "siret-espaces", compact=ctx["compact"])
        return diag("siret-format", params)
    if kind == "iaterr_siret_cle":
        return diag("siret-cle", with_hint({"valeur": ctx.get("valeur", value)}, "siret-cle"))
    if kind == "iaterr_url":
        return diag("url-invalide", with_hint({"champ": champ, "valeur": ctx.get("valeur", value)}, "url"))
    if kind == "iaterr_email":
        params = {"champ": champ, "valeur": ctx.get("valeur", value)}
        if ctx.get("sans_mailto"):
            with_hint(params, "mailto", sans_mailto=ctx["sans_mailto"])
        elif ctx.get("formule"):
            with_hint(params, "email-formule")
        else:
            with_hint(params, "email")
        return diag("email-invalide", params)
    if kind == "iaterr_date":
        params = {"champ": champ, "valeur": ctx.get("valeur", value)}
        if ctx.get("iso"):
            with_hint(params, "date-iso", iso=ctx["iso"])
        return diag("date-invalide", params)
    if kind == "iaterr_booleen":
        return diag("booleen-invalide", with_hint({"champ": champ, "valeur": ctx.get("valeur", value)}, "booleen"))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        sign = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}[kind]
        bound = next(iter(ctx.values()), "")
        return diag("valeur-hors-limites", {"champ": champ, "valeur": value, "contrainte": f"{sign} {bound}"})
    detail = str(ctx.get("pattern")) if kind == "string_pattern_mismatch" else err.get("msg", kind)
    return diag("valeur-invalide", {"champ": champ, "detail": detail})
