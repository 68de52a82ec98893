"""Texts of restricted facts kept out of public repositories (the store, ``iaterr restreint``), French and English
side by side."""

FR: dict[str, str] = {
    # diagnostics of validate
    "diag.restreint-dans-depot-public": "Valeur d'un champ restreint dans un dépôt public : « {champ} » ({titre}) "
                                        "ne doit pas figurer dans un fichier suivi de ce dépôt (iaterr.yaml : "
                                        "public: true).",
    "hint.restreint-separer": "Déplacez les valeurs restreintes vers le magasin restreint avec « iaterr restreint "
                              "separer » (elles restent dans l'historique git : voir docs/restreint.md) ; une fiche "
                              "d'un sous-dossier de data/cas-usage/ ou data/collectivites/ n'a pas de place dans le "
                              "magasin : retirez-en la valeur, ou déplacez la fiche dans son dossier.",
    "diag.restreint-champ-public": "« {champ} » n'est pas un champ restreint : il n'a pas sa place dans le fichier "
                                   "du magasin restreint.",
    "hint.restreint-champ-public": "Mettez ce champ dans la fiche elle-même ({fiche}), ou retirez-le du magasin.",
    "diag.restreint-double": "« {champ} » ({titre}) est renseigné à la fois dans la fiche et dans le magasin "
                             "restreint ({compagnon}).",
    "hint.restreint-double": "Gardez une seule valeur : dans le magasin restreint si le dépôt est public "
                             "(« iaterr restreint separer » retire celle de la fiche si elles sont égales).",
    # the store
    "restreint.indisponible": "ℹ Dépôt public : les champs restreints ne sont pas disponibles ici (magasin "
                              "restreint {chemin} absent) ; seuls les champs publics sont lus.",
    "restreint.non-configure": "ℹ Dépôt public sans magasin restreint (clé « restreint » de iaterr.yaml ou "
                               "variable IATERR_RESTREINT) : seuls les champs publics sont lus.",
    "restreint.illisible": "Magasin restreint {chemin} illisible : {erreur}.",
    "restreint.lien": "Le magasin restreint {chemin} est un lien symbolique : iaterr ne le suit pas. Nommez le "
                      "dossier lui-même (clé « restreint » de iaterr.yaml ou variable IATERR_RESTREINT).",
    "restreint.pas-un-dossier": "Le magasin restreint {chemin} n'est pas un dossier.",
    "restreint.dans-le-depot": "Le magasin restreint {chemin} est dans les fichiers suivis du dépôt : ses valeurs "
                               "seraient publiées avec lui. Refusé. Placez-le hors du dépôt (par exemple "
                               "../registre-ia-restreint), ou faites-le ignorer par git (.gitignore).",
    "restreint.sans-marqueur": "{chemin} n'est pas un magasin restreint créé par iaterr (pas de fichier {marqueur}) : "
                               "il n'est pas lu. Vérifiez la clé « restreint » de iaterr.yaml (une demande de fusion "
                               "a pu la changer) ; pour créer le magasin : « iaterr restreint separer » ou "
                               "« iaterr init ».",
    "restreint.autre-depot": "Le magasin restreint {chemin} n'est pas lié à ce dépôt ({depot}) : son marqueur "
                             "{marqueur} le lie au dépôt « {nom} » ailleurs. Il n'est pas lu. Si la clé « restreint » "
                             "de iaterr.yaml vient d'être changée (par une demande de fusion), rétablissez-la. Si ce "
                             "magasin est bien celui de ce dépôt, déplacé ou recloné ailleurs : « iaterr restreint "
                             "lier {chemin} ».",
    "restreint.ancien-marqueur": "Le magasin restreint {chemin} porte un marqueur d'une version précédente "
                                 "d'iaterr ({marqueur}, dépôt « {nom} ») qui ne le lie pas à ce dépôt de façon sûre : "
                                 "il n'est pas lu. Si c'est bien le magasin de ce dépôt, liez-le une fois : "
                                 "« iaterr restreint lier {chemin} » (dans ce dépôt).",
    "restreint.variable-ignoree": "ℹ Le magasin {chemin} nommé par {variable} n'est pas lié à ce dépôt : il est "
                                  "ignoré ici (seuls les champs publics sont lus). Pour l'y lier : « iaterr "
                                  "restreint lier {chemin} ».",
    "help.restreint.lier": "Lie le magasin restreint DOSSIER à ce dépôt (son chemin sur cet ordinateur, son "
                           "adresse git origin) : pour un magasin ou un dépôt déplacé ou recloné ailleurs, ou un "
                           "magasin créé par une version précédente d'iaterr. Vérifiez d'abord que DOSSIER est bien "
                           "le magasin de ce dépôt.",
    "help.restreint.lier.dossier": "Le dossier du magasin restreint à lier.",
    "restreint.lie": "✓ Magasin {magasin} (dépôt « {nom} ») lié à ce dépôt : {liens}.",
    "restreint.deja-lie": "✓ Magasin {magasin} déjà lié à ce dépôt.",
    "restreint.lie.pas-nomme": "⚠ Ce dépôt ne nomme pas ce magasin : ajoutez « restreint: {chemin} » à iaterr.yaml "
                               "(ou la variable IATERR_RESTREINT) pour qu'il soit lu.",
    "restreint.dossier-occupe": "{chemin} contient déjà des fichiers sans être un magasin restreint ({marqueur} "
                                "absent) : iaterr n'en fait pas un magasin. Choisissez un dossier vide ou nouveau.",
    "restreint.hors-dossier": "{chemin} n'est pas une fiche de data/cas-usage/ ou data/collectivites/.",
    "restreint.compagnon-invalide": "Le fichier restreint {chemin} n'est pas une table YAML : corrigez-le avant "
                                    "d'y ajouter des valeurs.",
    "restreint.refus-ecriture": "Dépôt public sans magasin restreint : « {champs} » (champ(s) restreint(s)) ne "
                                "peut pas être écrit dans {fichier}, un fichier publié. Rien n'a été écrit. Nommez "
                                "un magasin restreint (clé « restreint » de iaterr.yaml, ou variable "
                                "IATERR_RESTREINT) et créez-le avec « iaterr restreint separer », ou ne renseignez "
                                "pas ces champs.",
    "restreint.ecrit": "Champs restreints écrits dans le magasin restreint, pas dans la fiche publiée : {fichier} "
                       "({champs}). Le magasin est un dépôt à part : committez-y ce fichier (il n'est jamais "
                       "committé avec la fiche).",
    "restreint.retire": "Champs restreints vidés, retirés du magasin restreint : {fichier} ({champs}). Committez ce "
                        "changement dans le dépôt du magasin.",
    # iaterr restreint
    "help.restreint": "Les champs restreints d'un dépôt public : les garder hors des fichiers publiés, dans un "
                      "magasin restreint.",
    "help.restreint.separer": "Déplace chaque valeur restreinte des fiches de data/ vers le magasin restreint (créé "
                              "s'il n'existe pas), en gardant commentaires, ordre et mise en page du reste des "
                              "fiches. Les valeurs restent dans l'historique git du dépôt : la commande dit comment "
                              "les purger, sans le faire.",
    "help.restreint.dry-run": "Montrer ce qui serait déplacé (noms des champs et fichiers, jamais les valeurs), "
                              "sans rien écrire.",
    "restreint.rien": "✓ Aucune valeur restreinte dans les fiches de data/ : rien à déplacer.",
    "restreint.pas-de-magasin": "Aucun magasin restreint nommé : ajoutez « restreint: ../{dossier}-restreint » "
                                "à iaterr.yaml (un dossier hors du dépôt), ou nommez-le sur cet ordinateur par la variable "
                                "IATERR_RESTREINT.",
    "restreint.a-deplacer": "{fichier} → {compagnon} : {champs}",
    "restreint.simulation": "{fiches} fiche(s), {valeurs} valeur(s) restreinte(s) seraient déplacées vers {magasin} "
                            "(simulation : rien n'a été écrit).",
    "restreint.deplace": "✓ {fiches} fiche(s) : {valeurs} valeur(s) restreinte(s) déplacées vers {magasin}.",
    "restreint.conflit": "{fichier} : « {champ} » a déjà une autre valeur dans le magasin restreint ({compagnon}) ; "
                         "la fiche n'est pas modifiée. Choisissez la bonne valeur, gardez-la à un seul endroit, "
                         "puis relancez.",
    "restreint.invalide": "{fichier} : fiche non lisible ({detail}) ; corrigez-la (iaterr validate) puis relancez.",
    "restreint.echec": "{fiches} fiche(s) non traitée(s) : voir ci-dessus.",
    "restreint.compagnon-illisible": "{compagnon} (le fichier du magasin restreint de {fichier}) ne peut pas être "
                                     "lu : {erreur}. La fiche n'est pas modifiée ; corrigez ce fichier du magasin, "
                                     "puis relancez.",
    "restreint.raison.dossier": "c'est un dossier, pas un fichier",
    "restreint.raison.permission": "permission refusée",
    "restreint.raison.lien": "c'est un lien symbolique (iaterr ne le suit pas)",
    "restreint.raison.absent": "fichier ou dossier introuvable",
    "restreint.raison.inconnue": "erreur de lecture",
    "restreint.commentaires": "{fichier} : ses champs restreints ne tiennent pas sur leurs propres lignes (ancre, "
                              "alias, écriture en flux…) et les retirer ne garderait pas chaque commentaire à sa place "
                              "(un commentaire du reste de la fiche perdu, ou celui d'un champ restreint laissé dans "
                              "la fiche publiée) : la fiche n'est pas modifiée. Mettez chaque champ restreint sur ses propres "
                              "lignes (sans ancre ni alias partagés avec un champ public), puis relancez.",
    "restreint.sous-dossier": "{fichier} : fiche dans un sous-dossier, avec des valeurs restreintes ({champs}). Le "
                              "magasin ne garde que les fiches de data/cas-usage/ et data/collectivites/ elles-mêmes "
                              "(pas leurs sous-dossiers) : retirez ces valeurs de la fiche (gardez-les ailleurs), ou "
                              "déplacez la fiche dans son dossier, puis relancez.",
    "restreint.rien-ecrit": "Rien n'a été écrit (ni fiche ni magasin).",
    "restreint.historique": "⚠ Ces valeurs restent dans les commits passés du dépôt{publie}. Pour les en retirer : "
                            "réécrire l'historique (git filter-repo --replace-text, ou BFG Repo-Cleaner), pousser "
                            "en force (git push --force), faire recloner chaque copie et demander à la forge de "
                            "purger ses caches ; changer ce qui peut l'être (adresses de contact, accès). iaterr "
                            "ne le fait pas pour vous : voir docs/restreint.md.",
    "restreint.historique.publie": " (déjà publiées si le dépôt était public)",
    "restreint.commit": "Pensez à committer les fiches modifiées de data/ ; le magasin {magasin} n'est jamais "
                        "committé dans ce dépôt (un dépôt git privé à part, si vous voulez son historique).",
    "restreint.git-init": "Dépôt git privé créé dans {magasin}.",
    # init
    "init.q.public": "Ce dépôt sera-t-il public (sur une forge publique) ? Ses champs restreints seront alors gardés "
                     "dans un magasin à part.",
    "init.q.restreint": "Dossier du magasin restreint (hors du dépôt)",
    "help.init.public": "Le dépôt est public : ses champs restreints vont dans un magasin restreint hors du dépôt "
                        "(clés public et restreint de iaterr.yaml).",
    "help.init.restreint": "Dossier du magasin restreint d'un dépôt public (par défaut : ../<dossier>-restreint), "
                           "créé avec son marqueur et un dépôt git privé.",
    "init.restreint.cree": "Magasin restreint créé : {magasin} (hors du dépôt, jamais publié ; sauvegardez-le ou "
                           "poussez-le vers un dépôt privé).",
    # aggregate --membres
    "agregation.restreint.lu": "  {source} : magasin restreint {magasin} lu.",
    "agregation.restreint.illisible": "⚠ {source} : magasin restreint {magasin} non lu ({raison}) ; ses fiches sont "
                                      "reprises sans leurs champs restreints.",
    "agregation.restreint.publie": "⚠ {source} : son iaterr.yaml le dit public (public: true), mais {n} fiche(s) y "
                                   "publient des valeurs de champs restreints ({fichiers}{autres}) : "
                                   "ces valeurs sont laissées hors de la bibliothèque. Prévenez la collectivité : "
                                   "« iaterr restreint separer » les déplace vers son magasin restreint.",
    "agregation.et-n-autres": ", et {n} autre(s)",
    "agregation.restreint.rejete": "  ⚠ {source} : {fichier} reprise sans ses champs restreints : le fichier {ou} "
                                   "de son magasin restreint ({magasin}) ne peut pas être utilisé : {message} "
                                   "Prévenez la collectivité ; les autres fiches gardent les leurs.",
    "agregation.restreint.autre-depot": "{chemin} est le magasin restreint d'un autre dépôt (son marqueur {marqueur} "
                                        "le lie à {lies}, le dépôt « {nom} ») : il n'est pas lu, pour ne pas donner les "
                                        "valeurs d'une collectivité aux fiches d'une autre. Vérifiez l'entrée "
                                        "« restreint » de cette source dans le fichier de sources.",
    "agregation.restreint.sans-lien": "le marqueur {marqueur} de {chemin} ne le lie à aucun dépôt (sa liste "
                                      "« lie-a » est absente ou vide, comme dans les marqueurs d'une version "
                                      "précédente d'iaterr) : il n'est pas lu, faute de pouvoir vérifier qu'il est "
                                      "celui de cette source. La collectivité le lie à son dépôt par « iaterr "
                                      "restreint lier » (docs/restreint.md).",
    "agregation.restreint.lien": "{chemin} est un lien symbolique : iaterr ne le suit pas. Nommez le dossier "
                                 "lui-même dans l'entrée « restreint » de cette source, dans le fichier de sources.",
    "agregation.restreint.pas-un-dossier": "{chemin} n'est pas un dossier : vérifiez l'entrée « restreint » de cette "
                                           "source dans le fichier de sources.",
    "agregation.restreint.sans-marqueur": "{chemin} n'est pas un magasin restreint créé par iaterr (pas de fichier "
                                          "{marqueur}) : il n'est pas lu. Vérifiez l'entrée « restreint » de cette "
                                          "source dans le fichier de sources ; c'est la collectivité qui crée son "
                                          "magasin (« iaterr restreint separer »).",
}

EN: dict[str, str] = {
    "diag.restreint-dans-depot-public": "Value of a restricted field in a public repository: “{champ}” ({titre}) "
                                        "must not be in a tracked file of this repository (iaterr.yaml: "
                                        "public: true).",
    "hint.restreint-separer": "Move the restricted values to the restricted store with “iaterr restreint separer” "
                              "(they stay in the git history: see docs/restreint.md); a record in a sub-folder of "
                              "data/cas-usage/ or data/collectivites/ has no place in the store: remove the value "
                              "from it, or move the record into its folder.",
    "diag.restreint-champ-public": "“{champ}” is not a restricted field: it does not belong in the restricted "
                                   "store's file.",
    "hint.restreint-champ-public": "Put this field in the record itself ({fiche}), or remove it from the store.",
    "diag.restreint-double": "“{champ}” ({titre}) is given both in the record and in the restricted store "
                             "({compagnon}).",
    "hint.restreint-double": "Keep one value only: in the restricted store if the repository is public (“iaterr "
                             "restreint separer” removes the record's one when they are equal).",
    "restreint.indisponible": "ℹ Public repository: restricted fields are not available here (restricted store "
                              "{chemin} absent); only public fields are read.",
    "restreint.non-configure": "ℹ Public repository without a restricted store (“restreint” key of iaterr.yaml or "
                               "IATERR_RESTREINT variable): only public fields are read.",
    "restreint.illisible": "Cannot read the restricted store {chemin}: {erreur}.",
    "restreint.lien": "The restricted store {chemin} is a symbolic link: iaterr does not follow it. Name the folder "
                      "itself (“restreint” key of iaterr.yaml or IATERR_RESTREINT variable).",
    "restreint.pas-un-dossier": "The restricted store {chemin} is not a folder.",
    "restreint.dans-le-depot": "The restricted store {chemin} is among the repository's tracked files: its values "
                               "would be published with it. Refused. Put it outside the repository (for instance "
                               "../registre-ia-restreint), or make git ignore it (.gitignore).",
    "restreint.sans-marqueur": "{chemin} is not a restricted store made by iaterr (no {marqueur} file): it is not "
                               "read. Check the “restreint” key of iaterr.yaml (a merge request may have changed "
                               "it); to create the store: “iaterr restreint separer” or “iaterr init”.",
    "restreint.autre-depot": "The restricted store {chemin} is not linked to this repository ({depot}): its marker "
                             "{marqueur} links it to the repository “{nom}” elsewhere. It is not read. If the "
                             "“restreint” key of iaterr.yaml was just changed (by a merge request), restore it. If "
                             "this store really is this repository's, moved or cloned elsewhere: “iaterr restreint "
                             "lier {chemin}”.",
    "restreint.ancien-marqueur": "The restricted store {chemin} carries a marker of an earlier iaterr version "
                                 "({marqueur}, repository “{nom}”) that does not link it safely to this repository: "
                                 "it is not read. If it really is this repository's store, link it once: “iaterr "
                                 "restreint lier {chemin}” (in this repository).",
    "restreint.variable-ignoree": "ℹ The store {chemin} named by {variable} is not linked to this repository: it is "
                                  "ignored here (only public fields are read). To link it: “iaterr restreint lier "
                                  "{chemin}”.",
    "help.restreint.lier": "Links the restricted store DOSSIER to this repository (its path on this computer, its git "
                           "origin address): for a store or repository moved or cloned elsewhere, or a store made by "
                           "an earlier iaterr version. Check first that DOSSIER really is this repository's store.",
    "help.restreint.lier.dossier": "The folder of the restricted store to link.",
    "restreint.lie": "✓ Store {magasin} (repository “{nom}”) linked to this repository: {liens}.",
    "restreint.deja-lie": "✓ Store {magasin} already linked to this repository.",
    "restreint.lie.pas-nomme": "⚠ This repository does not name this store: add “restreint: {chemin}” to iaterr.yaml "
                               "(or the IATERR_RESTREINT variable) for it to be read.",
    "restreint.dossier-occupe": "{chemin} already holds files without being a restricted store ({marqueur} "
                                "missing): iaterr does not make it a store. Choose an empty or new folder.",
    "restreint.hors-dossier": "{chemin} is not a record of data/cas-usage/ or data/collectivites/.",
    "restreint.compagnon-invalide": "The restricted file {chemin} is not a YAML mapping: fix it before adding "
                                    "values to it.",
    "restreint.refus-ecriture": "Public repository without a restricted store: “{champs}” (restricted field(s)) "
                                "cannot be written to {fichier}, a published file. Nothing was written. Name a "
                                "restricted store (“restreint” key of iaterr.yaml, or IATERR_RESTREINT variable) and "
                                "create it with “iaterr restreint separer”, or leave these fields empty.",
    "restreint.ecrit": "Restricted fields written to the restricted store, not to the published record: {fichier} "
                       "({champs}). The store is a repository of its own: commit this file there (it is never "
                       "committed with the record).",
    "restreint.retire": "Restricted fields emptied, removed from the restricted store: {fichier} ({champs}). Commit "
                        "this change in the store's repository.",
    "help.restreint": "Restricted fields of a public repository: keep them out of the published files, in a "
                      "restricted store.",
    "help.restreint.separer": "Moves every restricted value of the records of data/ to the restricted store "
                              "(created if missing), keeping the comments, order and layout of the rest of the "
                              "records. The values stay in the repository's git history: the command says how to "
                              "purge them, without doing it.",
    "help.restreint.dry-run": "Show what would move (field names and files, never values), writing nothing.",
    "restreint.rien": "✓ No restricted value in the records of data/: nothing to move.",
    "restreint.pas-de-magasin": "No restricted store named: add “restreint: ../{dossier}-restreint” to iaterr.yaml "
                                "(a folder outside the repository), or name it on this computer with the IATERR_RESTREINT "
                                "variable.",
    "restreint.a-deplacer": "{fichier} → {compagnon}: {champs}",
    "restreint.simulation": "{fiches} record(s), {valeurs} restricted value(s) would move to {magasin} (dry run: "
                            "nothing was written).",
    "restreint.deplace": "✓ {fiches} record(s): {valeurs} restricted value(s) moved to {magasin}.",
    "restreint.conflit": "{fichier}: “{champ}” already has another value in the restricted store ({compagnon}); "
                         "the record is left unchanged. Choose the right value, keep it in one place, then run "
                         "again.",
    "restreint.invalide": "{fichier}: record cannot be read ({detail}); fix it (iaterr validate) then run again.",
    "restreint.echec": "{fiches} record(s) not handled: see above.",
    "restreint.compagnon-illisible": "{compagnon} (the restricted store's file of {fichier}) cannot be read: "
                                     "{erreur}. The record is left unchanged; fix this file of the store, then run "
                                     "again.",
    "restreint.raison.dossier": "it is a folder, not a file",
    "restreint.raison.permission": "permission denied",
    "restreint.raison.lien": "it is a symbolic link (iaterr does not follow it)",
    "restreint.raison.absent": "no such file or folder",
    "restreint.raison.inconnue": "read error",
    "restreint.commentaires": "{fichier}: its restricted fields do not stand on their own lines (anchor, alias, flow "
                              "style…) and removing them would not keep each comment in its place (a comment of the "
                              "rest of the record lost, or a restricted field's own left in the published record): the "
                              "record is left unchanged. Put each restricted field on its own lines (with no anchor or alias "
                              "shared with a public field), then run again.",
    "restreint.sous-dossier": "{fichier}: a record in a sub-folder, with restricted values ({champs}). The store "
                              "keeps only the records of data/cas-usage/ and data/collectivites/ themselves (not "
                              "their sub-folders): remove these values from the record (keep them elsewhere), or move "
                              "the record into its folder, then run again.",
    "restreint.rien-ecrit": "Nothing was written (neither record nor store).",
    "restreint.historique": "⚠ These values remain in the repository's past commits{publie}. To remove them: "
                            "rewrite the history (git filter-repo --replace-text, or BFG Repo-Cleaner), force-push "
                            "(git push --force), have every copy cloned again and ask the forge to purge its caches; "
                            "change what can be changed (contact addresses, access). iaterr does not do it for you: "
                            "see docs/restreint.md.",
    "restreint.historique.publie": " (already published if the repository was public)",
    "restreint.commit": "Remember to commit the changed records of data/; the store {magasin} is never committed "
                        "in this repository (a separate private git repository, if you want its history).",
    "restreint.git-init": "Private git repository created in {magasin}.",
    "init.q.public": "Will this repository be public (on a public forge)? Its restricted fields will then be kept "
                     "in a separate store.",
    "init.q.restreint": "Folder of the restricted store (outside the repository)",
    "help.init.public": "The repository is public: its restricted fields go to a restricted store outside the "
                        "repository (public and restreint keys of iaterr.yaml).",
    "help.init.restreint": "Folder of the restricted store of a public repository (default: "
                           "../<folder>-restreint), created with its marker and a private git repository.",
    "init.restreint.cree": "Restricted store created: {magasin} (outside the repository, never published; back it "
                           "up or push it to a private repository).",
    "agregation.restreint.lu": "  {source}: restricted store {magasin} read.",
    "agregation.restreint.illisible": "⚠ {source}: restricted store {magasin} not read ({raison}); its records are "
                                      "taken without their restricted fields.",
    "agregation.restreint.publie": "⚠ {source}: its iaterr.yaml says it is public (public: true), but {n} record(s) "
                                   "there publish values of restricted fields ({fichiers}{autres}): those "
                                   "values are left out of the library. Tell the collectivité: “iaterr restreint "
                                   "separer” moves them to its restricted store.",
    "agregation.et-n-autres": ", and {n} more",
    "agregation.restreint.rejete": "  ⚠ {source}: {fichier} taken without its restricted fields: the file {ou} of "
                                   "its restricted store ({magasin}) cannot be used: {message} Tell the collectivité; "
                                   "the other records keep theirs.",
    "agregation.restreint.autre-depot": "{chemin} is the restricted store of another repository (its marker "
                                        "{marqueur} links it to {lies}, the repository “{nom}”): it is not read, so as not to give "
                                        "one collectivité's values to another's records. Check this source's "
                                        "“restreint” entry in the sources file.",
    "agregation.restreint.sans-lien": "the marker {marqueur} of {chemin} links it to no repository (its “lie-a” "
                                      "list is missing or empty, as in the markers of an earlier iaterr version): "
                                      "it is not read, as it cannot be checked to be this source's. The "
                                      "collectivité links it to its repository with “iaterr restreint lier” "
                                      "(docs/restreint.md).",
    "agregation.restreint.lien": "{chemin} is a symbolic link: iaterr does not follow it. Name the folder itself "
                                 "in this source's “restreint” entry, in the sources file.",
    "agregation.restreint.pas-un-dossier": "{chemin} is not a folder: check this source's “restreint” entry in the "
                                           "sources file.",
    "agregation.restreint.sans-marqueur": "{chemin} is not a restricted store made by iaterr (no {marqueur} file): "
                                          "it is not read. Check this source's « restreint » entry in the sources "
                                          "file; the collectivité makes its own store (« iaterr restreint "
                                          "separer »).",
}
