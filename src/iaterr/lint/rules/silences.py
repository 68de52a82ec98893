"""Rules about silences and the lint configuration, applied by the engine (:mod:`iaterr.lint.run`)."""

from iaterr.base.diagnostics import Severity
from iaterr.lint.engine import declare

_REF = "iaterr : silences (`# iaterr: ignore[code] justification`)"
_REF_EN = "iaterr: silences (`# iaterr: ignore[code] reason`)"

SILENCE_INUTILE = declare(
    code="silence-inutile", famille="silences", severite=Severity.WARNING, portee="depot", reference=_REF,
    reference_en=_REF_EN,
    titre_fr="Silence qui ne cache rien", titre_en="Silence that hides nothing",
    justification_fr="Un silence qui ne cache plus rien (la fiche a été corrigée, ou la règle a changé) trompe "
                     "le lecteur : il laisse croire à un écart accepté qui n'existe pas.",
    justification_en="A silence that hides nothing any more (the record was fixed, or the rule changed) misleads "
                     "the reader into thinking an accepted gap exists.",
    message_fr="Le silence de « {code} » ne cache rien dans cette fiche.",
    message_en="The silence of “{code}” hides nothing in this record.",
    aide_fr="Supprimez « {code} » du commentaire `# iaterr: ignore[…]`.",
    aide_en="Remove “{code}” from the `# iaterr: ignore[…]` comment.",
)

SILENCE_CODE_INCONNU = declare(
    code="silence-code-inconnu", famille="silences", severite=Severity.WARNING, portee="depot", reference=_REF,
    reference_en=_REF_EN,
    titre_fr="Silence d'une règle inconnue", titre_en="Silence of an unknown rule",
    justification_fr="Un code mal orthographié ne fait taire aucune règle ; seuls les avertissements et les "
                     "règles de `iaterr lint` peuvent être tus, jamais une erreur de validation.",
    justification_en="A misspelt code silences no rule; only warnings and `iaterr lint` rules can be silenced, "
                     "never a validation error.",
    message_fr="« {code} » n'est pas le code d'une règle qu'un silence peut taire.",
    message_en="“{code}” is not the code of a rule that a silence can hide.",
    aide_fr="`iaterr rules` liste les codes.",
    aide_en="`iaterr rules` lists the codes.",
)

SILENCE_SANS_JUSTIFICATION = declare(
    code="silence-sans-justification", famille="silences", severite=Severity.WARNING, portee="depot",
    reference=_REF,
    reference_en=_REF_EN,
    titre_fr="Silence sans justification", titre_en="Silence without a reason",
    justification_fr="Taire une règle est une décision : la raison doit être écrite à côté, pour le prochain "
                     "relecteur et pour un contrôle.",
    justification_en="Silencing a rule is a decision: the reason must be written next to it, for the next "
                     "reviewer and for an audit.",
    message_fr="Ce silence ne dit pas pourquoi la règle est tue.",
    message_en="This silence does not say why the rule is silenced.",
    aide_fr="Écrivez la raison après le crochet : `# iaterr: ignore[code] raison`.",
    aide_en="Write the reason after the bracket: `# iaterr: ignore[code] reason`.",
)

CONFIG_REGLE_INCONNUE = declare(
    code="config-regle-inconnue", famille="configuration", severite=Severity.WARNING, portee="depot",
    reference="iaterr.yaml, section lint.regles",
    reference_en="iaterr.yaml, section lint.regles",
    titre_fr="Réglage d'une règle inconnue", titre_en="Setting of an unknown rule",
    justification_fr="Un réglage dont le code ne correspond à aucune règle ne change rien : c'est presque "
                     "toujours une faute de frappe, et la règle visée reste active.",
    justification_en="A setting whose code matches no rule changes nothing: it is nearly always a typo, and "
                     "the rule meant stays active.",
    message_fr="lint.regles : « {code} » n'est pas le code d'une règle.",
    message_en="lint.regles: “{code}” is not the code of a rule.",
    aide_fr="`iaterr rules` liste les codes.",
    aide_en="`iaterr rules` lists the codes.",
)

CONFIG_SEVERITE_INCONNUE = declare(
    code="config-severite-inconnue", famille="configuration", severite=Severity.WARNING, portee="depot",
    reference="iaterr.yaml, section lint.regles",
    reference_en="iaterr.yaml, section lint.regles",
    titre_fr="Réglage de gravité inconnu", titre_en="Unknown severity setting",
    justification_fr="Seules quatre valeurs ont un sens : erreur, avertissement, info, desactivee ; une autre "
                     "laisserait la règle à sa gravité par défaut sans le dire.",
    justification_en="Only four values make sense: erreur, avertissement, info, desactivee; another one would "
                     "leave the rule at its default severity without saying so.",
    message_fr="lint.regles.{code} : « {valeur} » n'est pas une gravité.",
    message_en="lint.regles.{code}: “{valeur}” is not a severity.",
    aide_fr="Écrivez erreur, avertissement, info ou desactivee.",
    aide_en="Write erreur, avertissement, info or desactivee (or error, warning, info, off).",
)

#: The rules of this family, in the order they are listed.
RULES = (
    SILENCE_INUTILE,
    SILENCE_CODE_INCONNU,
    SILENCE_SANS_JUSTIFICATION,
    CONFIG_REGLE_INCONNUE,
    CONFIG_SEVERITE_INCONNUE,
)
