"""The reference of lint rules, generated from the rules themselves."""

from __future__ import annotations

from iaterr.i18n import message

RULES_DOC_PATHS = {"fr": "docs/regles.md", "en": "docs/en/rules.md"}

_T = {
    "fr": {
        "title": "Règles de `iaterr lint`",
        "intro": "Ce document est généré depuis les règles par `iaterr rules --doc` : ne le modifiez pas à la main. "
                 "`iaterr lint` applique d'abord toutes les vérifications de `iaterr validate` (voir "
                 "[validation.md](validation.md)), puis les règles ci-dessous.",
        "use": "Taire une règle pour une fiche : un commentaire n'importe où dans le fichier, "
               "`# iaterr: ignore[code] raison` (la raison est obligatoire ; un silence qui ne cache rien est "
               "signalé). Régler une règle pour tout le dépôt, dans `iaterr.yaml` :",
        "fix": "Correction automatique", "ref": "Référence", "sev": "Gravité par défaut", "msg": "Message",
        "yes": "oui (`iaterr lint --fix`)", "no": "non", "summary": "Vue d'ensemble",
        "code": "Code", "family": "Famille", "rule": "Règle",
    },
    "en": {
        "title": "Rules of `iaterr lint`",
        "intro": "This document is generated from the rules by `iaterr rules --doc --lang en`: do not edit it by "
                 "hand. `iaterr lint` first runs every check of `iaterr validate`, then the rules below.",
        "use": "Silence a rule for one record: a comment anywhere in the file, `# iaterr: ignore[code] reason` "
               "(the reason is required; a silence that hides nothing is reported). Set a rule for the whole "
               "repository, in `iaterr.yaml`:",
        "fix": "Automatic fix", "ref": "Reference", "sev": "Default severity", "msg": "Message",
        "yes": "yes (`iaterr lint --fix`)", "no": "no", "summary": "Overview",
        "code": "Code", "family": "Family", "rule": "Rule",
    },
}

_CONFIG = '''```yaml
lint:
  regles:
    qualite-url-informations-manquante: desactivee   # or: erreur, avertissement, info
  fraicheur_mois: 12         # age (months) after which a record is to be reviewed
  experimentation_mois: 24   # length (months) after which a pilot is reported
  description_min: 80        # minimum length of a description (characters)
```'''


def render_rules_doc(lang: str = "fr") -> str:
    from iaterr.lint.engine import FAMILIES
    from iaterr.lint.rules import RULES

    t = _T[lang]
    sep = " : " if lang == "fr" else ": "
    out = [f"# {t['title']}", "", t["intro"], "", t["use"], "", _CONFIG, "", f"## {t['summary']}", "",
           f"| {t['code']} | {t['family']} | {t['sev']} | {t['fix']} | {t['rule']} |",
           "| --- | --- | --- | --- | --- |"]
    for r in RULES.values():
        out.append(f"| [`{r.code}`](#{r.code}) | {FAMILIES[r.famille][1 if lang == 'en' else 0]} | "
                   f"{message(f'severite.{r.severite.value}', lang)} | {'✓' if r.correction else ''} | "
                   f"{r.titre(lang)} |")
    out.append("")
    for family, labels in FAMILIES.items():
        rules = [r for r in RULES.values() if r.famille == family]
        if not rules:
            continue
        out += [f"## {labels[1 if lang == 'en' else 0]}", ""]
        for r in rules:
            out += [f"### `{r.code}`", "", f"**{r.titre(lang)}**", "", r.justification(lang), "",
                    f"- {t['sev']}{sep}{message(f'severite.{r.severite.value}', lang)}",
                    f"- {t['ref']}{sep}{r.citation(lang)}",
                    f"- {t['fix']}{sep}{t['yes'] if r.correction else t['no']}",
                    f"- {t['msg']}{sep}« {r.message_fr} »" if lang == "fr" else f"- {t['msg']}{sep}“{r.message_en}”",
                    ""]
    return "\n".join(out).rstrip() + "\n"
