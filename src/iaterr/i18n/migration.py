"""Messages of `iaterr migrate`, French and English side by side."""

FR: dict[str, str] = {
    # ------------------------------------------------------------ help
    "help.migrate": "Passe les fiches écrites dans un format plus ancien au format actuel ({version}), sur place : "
                    "seule la ligne « version_schema » change (commentaires, ordre des clés et mise en page "
                    "gardés). Sans chemin, toutes les fiches de data/.",
    "help.migrate.check": "N'écrit rien : liste les fiches à migrer (code 1 s'il y en a).",
    # ------------------------------------------------------------ one file
    "migration.migree": "✓ {fichier} : format {depuis} → {vers}",
    "migration.a-migrer": "• {fichier} : format {depuis} → {vers} (à migrer)",
    "migration.version-recente": "{fichier}:{ligne}:{colonne} : format « {version} », plus récent que celui de "
                                 "cette version d'iaterr ({actuelle}) : fiche laissée telle quelle.",
    "migration.version-recente.aide": "Mettez iaterr à jour pour lire et modifier cette fiche.",
    "migration.version-inconnue": "{fichier}:{ligne}:{colonne} : version de format « {version} » inconnue "
                                  "(versions connues : {versions}) : fiche laissée telle quelle.",
    "migration.version-inconnue.aide": "Corrigez « version_schema » à la main (la version du format dans lequel "
                                       "la fiche a été écrite), puis relancez `iaterr migrate`.",
    "migration.version-absente": "{fichier}:{ligne}:{colonne} : pas de « version_schema » : impossible de savoir "
                                 "dans quel format la fiche est écrite ; fiche laissée telle quelle.",
    "migration.version-absente.aide": "Ajoutez en tête de la fiche « version_schema » avec la version de son "
                                      "format (versions connues : {versions}), puis relancez `iaterr migrate`.",
    "migration.illisible": "{fichier}:{ligne}:{colonne} : fiche illisible ({detail}) ; laissée telle quelle.",
    "migration.illisible.aide": "Corrigez le fichier (`iaterr validate` dit où et comment), puis relancez "
                                "`iaterr migrate`.",
    "migration.ecartee": "{fichier} : {detail}",
    "migration.ecartee.aide": "Remplacez le lien par le fichier lui-même (ou renommez le fichier), puis relancez "
                              "`iaterr migrate`.",
    "migration.mise-en-page": "{fichier} : la migration changerait plus que la version, et la mise en page de ce "
                              "fichier ne peut pas être gardée telle quelle : fiche laissée telle quelle.",
    "migration.mise-en-page.aide": "Faites le changement à la main (voir docs/migration.md), ou réécrivez la fiche "
                                   "avec une indentation de deux espaces, puis relancez `iaterr migrate`.",
    "migration.refusee": "{fichier} : {detail} ; fiche laissée telle quelle.",
    "migration.refusee.aide": "Corrigez la fiche à la main (voir docs/migration.md), puis relancez "
                              "`iaterr migrate`.",
    "migration.verification": "{fichier} : le résultat de la migration ne se relit pas comme prévu ; rien n'a été "
                              "écrit.",
    "migration.verification.aide": "C'est un défaut d'iaterr : signalez-le avec la fiche (sans ses champs "
                                   "restreints).",
    "migration.modifiee": "{fichier} a été modifié pendant la migration : laissé tel quel.",
    "migration.modifiee.aide": "Relancez `iaterr migrate` une fois les modifications terminées.",
    "migration.non-ecrite": "{fichier} n'a pas pu être écrit : {detail}",
    "migration.non-ecrite.aide": "Rien n'a changé dans ce fichier ; corrigez la cause, puis relancez "
                                 "`iaterr migrate`.",
    # ------------------------------------------------------------ reasons
    "migration.pas-une-table": "le fichier n'est pas une table de clés",
    "migration.yaml-refuse": "YAML refusé : {detail}",
    "migration.lecture": "lecture impossible : {erreur}",
    # ------------------------------------------------------------ summary
    "migration.titre": "Migration des fiches au format {version} — {depot}",
    "migration.titre.verification": "Vérification du format des fiches ({version}) — {depot}",
    "migration.resume": "Fiches passées au format {version} : {n} ; déjà à jour : {a_jour} ; laissées telles "
                        "quelles : {laissees}.",
    "migration.resume.verification": "Fiches à passer au format {version} : {n} ; déjà à jour : {a_jour} ; "
                                     "laissées telles quelles : {laissees}. Rien n'a été écrit.",
    "migration.rien": "Toutes les fiches lues ({n}) sont au format {version} : rien à migrer.",
    "migration.aucune-fiche": "Aucune fiche trouvée.",
    "migration.suite": "Relisez le changement (git diff), vérifiez les fiches avec `iaterr validate`, puis "
                       "enregistrez-le (git commit).",
    "migration.suite.verification": "Lancez `iaterr migrate` pour les mettre à jour.",
}

EN: dict[str, str] = {
    # ------------------------------------------------------------ help
    "help.migrate": "Upgrades records written in an older format to the current one ({version}), in place: only "
                    "the “version_schema” line changes (comments, key order and layout kept). Without a path, "
                    "every record under data/.",
    "help.migrate.check": "Writes nothing: lists the records to upgrade (exit code 1 if there are any).",
    # ------------------------------------------------------------ one file
    "migration.migree": "✓ {fichier}: format {depuis} → {vers}",
    "migration.a-migrer": "• {fichier}: format {depuis} → {vers} (to upgrade)",
    "migration.version-recente": "{fichier}:{ligne}:{colonne}: format “{version}”, newer than this iaterr's "
                                 "({actuelle}): record left as it is.",
    "migration.version-recente.aide": "Update iaterr to read and edit this record.",
    "migration.version-inconnue": "{fichier}:{ligne}:{colonne}: unknown format version “{version}” (known "
                                  "versions: {versions}): record left as it is.",
    "migration.version-inconnue.aide": "Correct “version_schema” by hand (the version of the format the record "
                                       "was written in), then run `iaterr migrate` again.",
    "migration.version-absente": "{fichier}:{ligne}:{colonne}: no “version_schema”: the record's format cannot be "
                                 "told; record left as it is.",
    "migration.version-absente.aide": "Add “version_schema” at the top of the record with the version of its "
                                      "format (known versions: {versions}), then run `iaterr migrate` again.",
    "migration.illisible": "{fichier}:{ligne}:{colonne}: unreadable record ({detail}); left as it is.",
    "migration.illisible.aide": "Fix the file (`iaterr validate` says where and how), then run `iaterr migrate` "
                                "again.",
    "migration.ecartee": "{fichier}: {detail}",
    "migration.ecartee.aide": "Replace the link with the file itself (or rename the file), then run "
                              "`iaterr migrate` again.",
    "migration.mise-en-page": "{fichier}: the upgrade would change more than the version, and this file's layout "
                              "cannot be kept as it is: record left as it is.",
    "migration.mise-en-page.aide": "Make the change by hand (see docs/migration.md), or rewrite the record with a "
                                   "two-space indentation, then run `iaterr migrate` again.",
    "migration.refusee": "{fichier}: {detail}; record left as it is.",
    "migration.refusee.aide": "Fix the record by hand (see docs/migration.md), then run `iaterr migrate` again.",
    "migration.verification": "{fichier}: the upgraded record does not read back as expected; nothing was "
                              "written.",
    "migration.verification.aide": "This is a bug in iaterr: report it with the record (without its restricted "
                                   "fields).",
    "migration.modifiee": "{fichier} changed during the upgrade: left as it is.",
    "migration.modifiee.aide": "Run `iaterr migrate` again once the changes are done.",
    "migration.non-ecrite": "{fichier} could not be written: {detail}",
    "migration.non-ecrite.aide": "Nothing changed in this file; fix the cause, then run `iaterr migrate` again.",
    # ------------------------------------------------------------ reasons
    "migration.pas-une-table": "the file is not a mapping of keys",
    "migration.yaml-refuse": "YAML refused: {detail}",
    "migration.lecture": "cannot be read: {erreur}",
    # ------------------------------------------------------------ summary
    "migration.titre": "Upgrading records to format {version} — {depot}",
    "migration.titre.verification": "Checking the records' format ({version}) — {depot}",
    "migration.resume": "Records upgraded to format {version}: {n}; already current: {a_jour}; left as they are: "
                        "{laissees}.",
    "migration.resume.verification": "Records to upgrade to format {version}: {n}; already current: {a_jour}; left "
                                     "as they are: {laissees}. Nothing was written.",
    "migration.rien": "Every record read ({n}) is in format {version}: nothing to upgrade.",
    "migration.aucune-fiche": "No record found.",
    "migration.suite": "Review the change (git diff), check the records with `iaterr validate`, then commit it "
                       "(git commit).",
    "migration.suite.verification": "Run `iaterr migrate` to upgrade them.",
}
