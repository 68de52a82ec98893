"""The lint rules, one module per family. Importing this package registers them all."""

from iaterr.lint.rules import (  # noqa: F401
    doublons,
    fraicheur,
    ia_act,
    qualite,
    silences,
    transparence,
    vie_privee,
)
