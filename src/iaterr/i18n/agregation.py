"""Texts of ``iaterr aggregate`` (one library from many sources), French and English side by side."""

FR: dict[str, str] = {
    # the command
    "help.aggregate": "Construit un dépôt de données unique (une bibliothèque) à partir des dépôts et fichiers CSV "
                      "de plusieurs collectivités, listés dans un fichier de sources ; seules les sources qui ont "
                      "changé sont relues.",
    "help.aggregate.sources": "Fichier YAML des sources (clé « sources » : des entrées « depot » avec « branche » "
                              "facultative, ou « csv »).",
    "help.aggregate.out": "Dossier du dépôt agrégé (créé, ou remplacé d'un bloc s'il vient d'une exécution "
                          "précédente).",
    "help.aggregate.jobs": "Nombre de sources interrogées en même temps (par défaut : 8).",
    "help.aggregate.delai": "Temps maximal d'une lecture de source, en secondes (par défaut : 120).",
    "help.aggregate.essais": "Nouveaux essais d'une source injoignable (par défaut : 2).",
    "help.aggregate.complet": "Tout relire, même les sources qui n'ont pas changé.",
    "help.aggregate.membres": "Garder les champs restreints des fiches : une bibliothèque réservée aux membres du "
                              "réseau, à ne jamais publier telle quelle (ses exports et son site restent publics). "
                              "Par défaut, ils sont retirés.",
    "help.aggregate.autoriser-retrait": "Accepter que les sources retirées du fichier de sources emportent plus "
                                        "de la moitié des fiches de la bibliothèque (sans cette option, c'est "
                                        "refusé).",
    "agregation.retrait.refuse": "Le fichier de sources ne contient plus {sources} source(s) de la bibliothèque "
                                 "({noms}) : {fiches} de ses {total} fiches en seraient retirées. Rien n'a été "
                                 "modifié. Si c'est voulu, relancez avec {option} ; sinon, vérifiez le fichier de "
                                 "sources (une entrée effacée, une adresse modifiée ?).",
    "agregation.membres": "⚠ {dossier} contient les champs restreints des fiches : réservé aux membres du réseau, "
                          "à ne jamais publier tel quel.",
    "agregation.progression.sources": "Sources interrogées",
    "agregation.progression.fiches": "Sources vérifiées",
    "agregation.progression.ecriture": "Fiches écrites",
    "agregation.source.lu": "✓ {source} : lue ({version}), {fiches} fiche(s) valide(s).",
    "agregation.source.inchange": "· {source} : inchangée ({version}), {fiches} fiche(s).",
    "agregation.source.lu-rejets": "⚠ {source} : lue ({version}), {fiches} fiche(s) valide(s), {rejets} "
                                   "laissée(s) de côté :",
    "agregation.source.inchange-rejets": "⚠ {source} : inchangée ({version}), {fiches} fiche(s) valide(s), "
                                         "{rejets} laissée(s) de côté :",
    "agregation.source.perime": "✗ {source} : {erreur} Son dernier état lu ({depuis}) est gardé, marqué périmé.",
    "agregation.source.echec": "✗ {source} : {erreur} Aucune fiche n'en a encore été lue.",
    "agregation.rejet": "  ✗ {source} : {fichier} laissée de côté : {message}",
    "agregation.rejet.perime": "  ✗ {source} : {fichier} est devenue invalide : {message} Sa dernière version "
                               "valide reste dans la bibliothèque, marquée périmée, jusqu'à ce qu'elle soit "
                               "corrigée.",
    "agregation.renommage.pris": "  ⚠ Identifiant « {ancien} » déjà donné à une autre fiche de la bibliothèque "
                                 "(il reste à celle qui l'avait) : la fiche de {source} devient « {nouveau} ».",
    "agregation.et-autres": "  … et {n} autre(s) ; toutes sont dans {fichier}.",
    "agregation.renommage": "  ⚠ Identifiant « {ancien} » présent dans plusieurs collectivités : la fiche de {source} "
                            "devient « {nouveau} ».",
    "agregation.liens": "  · {source} : {n} fiche(s) gardée(s) à part, comme copies liées : même projet ou même "
                        "collectivité qu'une fiche d'une autre source ({exemples}).",
    "agregation.liste.separateur": " ; ",
    "agregation.lien.exemple": "{fichier} = {lien} de {autre}",
    "agregation.orpheline": "  ✗ {source} : {fichier} laissée de côté : sa collectivité « {collectivite} » n'est "
                            "dans aucune source.",
    "agregation.non-ecrite": "  ✗ {source} : {fichier} n'a pas pu être écrite ({raison}).",
    "agregation.retiree": "· {source} n'est plus dans le fichier de sources : ses {fiches} fiche(s) n'en viennent "
                          "plus (une autre source peut décrire les mêmes projets ou collectivités : ses copies "
                          "liées les remplacent alors).",
    "agregation.bilan": "Bibliothèque écrite dans {dossier} : {cas} cas d'usage et {collectivites} collectivité(s) "
                        "de {sources} source(s) ({lues} lue(s), {inchangees} inchangée(s), {echecs} en échec) ; "
                        "{liees} copie(s) liée(s), {renommees} identifiant(s) renommé(s).",
    "agregation.bilan.echecs": "Des sources ou des fiches ont été laissées de côté : voir ci-dessus et {fichier}.",
    "agregation.version.jamais": "jamais",
    # the sources file
    "agregation.sources.introuvable": "Fichier de sources introuvable ou illisible : {fichier}.",
    "agregation.sources.lien": "Le fichier de sources {fichier} est un lien symbolique : donnez le fichier lui-même.",
    "agregation.sources.illisible": "Fichier de sources illisible ({fichier}) : {detail}",
    "agregation.sources.forme": "{fichier} : une clé « sources » suivie d'une liste d'entrées est attendue.",
    "agregation.sources.cle-inconnue": "{ou} : clé inconnue « {cle} » (attendues : depot, branche, restreint, csv, "
                                       "nom).",
    "agregation.sources.aucune": "Le fichier de sources {fichier} ne nomme aucune source : la bibliothèque écrite est "
                                 "vide. Ajoutez une entrée « depot » ou « csv » sous « sources ».",
    "agregation.sources.adresse-attendue": "une adresse ou un chemin est attendu (la valeur est vide ou n'est pas "
                                           "un texte)",
    "agregation.sources.pas-un-nombre": "une adresse ou un chemin est attendu, pas un nombre ni un booléen (un nom "
                                        "de fichier fait de chiffres s'écrit entre guillemets : \"12\")",
    "agregation.sources.et-autres": "… et {n} autre(s) problème(s) dans le fichier de sources.",
    "agregation.csv.ligne": "ligne {n}",
    "agregation.sources.cle-inconnue-haut": "{ou} : clé inconnue « {cle} » (attendues : {cles}).",
    "agregation.sources.logo": "un logo n'est pas encore pris en charge dans le fichier de sources (le dépôt "
                               "agrégé ne contient que des fiches) : retirez « logo »",
    "agregation.sources.entree": "{ou} : chaque entrée a soit « depot » (et « branche » facultative), soit « csv ».",
    "agregation.sources.doublon": "{ou} : cette source est déjà l'entrée n° {autre}.",
    "agregation.sources.valeur": "{ou} : {detail}",
    "agregation.sources.texte-attendu": "un texte est attendu",
    "agregation.sources.caracteres": "une adresse sans caractère de contrôle, qui ne commence pas par un tiret, "
                                     "est attendue",
    "agregation.sources.depot-seulement": "{ou} : « {cle} » ne va qu'avec « depot » (un dépôt git), pas avec "
                                          "« csv ».",
    "agregation.sources.schema": "le protocole « {schema} » n'est pas accepté (acceptés : {schemas}, ou un chemin "
                                 "local)",
    "agregation.sources.branche": "un nom de branche est attendu (lettres, chiffres, « . », « _ », « - », « / »)",
    # the output folder
    "agregation.sortie.pas-un-dossier": "{chemin} existe et n'est pas un dossier : choisissez un autre --out.",
    "agregation.sortie.non-vide": "{chemin} n'est pas vide et ne vient pas d'iaterr aggregate (pas de {fichier}) : "
                                  "choisissez un dossier vide ou nouveau, il serait remplacé.",
    "agregation.sortie.etrangers": "{chemin} contient {n} fichier(s) ou dossier(s) qu'iaterr aggregate n'a pas "
                                   "écrits ({fichiers}) : ils seraient supprimés, car la bibliothèque est remplacée "
                                   "d'un bloc. Rien n'a été modifié. Déplacez-les hors de ce dossier ; pour garder "
                                   "la bibliothèque dans un dépôt git, donnez à --out un sous-dossier du dépôt "
                                   "(par exemple depot/bibliotheque/), et écrivez le site (iaterr register build "
                                   "--out) hors de la bibliothèque.",
    "agregation.sortie.source": "Le dossier de sortie {chemin} et la source {source} se contiennent l'un l'autre : "
                                "choisissez un autre --out.",
    # a source that failed
    "agregation.erreur.git-absent": "git est introuvable : installez-le pour lire des dépôts.",
    "agregation.erreur.delai": "pas de réponse en {secondes} s.",
    "agregation.erreur.git": "git a échoué (message de git : {detail}).",
    "agregation.erreur.hote": "serveur introuvable : son nom n'existe pas ou ne répond pas au DNS ; vérifiez "
                              "l'adresse (message : {detail}).",
    "agregation.erreur.acces": "dépôt introuvable à cette adresse ou accès refusé : vérifiez l'adresse ; pour un "
                               "dépôt privé, donnez l'accès au CI (clé de déploiement, credential.helper) "
                               "(message de git : {detail}).",
    "agregation.erreur.branche": "branche introuvable dans ce dépôt (message de git : {detail}).",
    "agregation.erreur.branche-nommee": "branche « {branche} » introuvable dans ce dépôt.",
    "agregation.erreur.depot-vide": "dépôt vide (aucun commit).",
    "agregation.erreur.http": "le serveur a répondu {code}.",
    "agregation.erreur.http-acces": "le serveur a répondu {code} : accès refusé. Un fichier qui n'est pas public "
                                    "demande un identifiant et un mot de passe dans l'adresse "
                                    "(https://identifiant:mot-de-passe@…, envoyés à ce serveur seulement) : ils "
                                    "manquent, ou ceux donnés sont refusés.",
    "agregation.erreur.reseau": "injoignable ({detail}).",
    "agregation.erreur.trop-gros": "fichier de plus de {taille} Mo.",
    "agregation.erreur.introuvable": "introuvable : {chemin}.",
    "agregation.erreur.fichier-pas-depot": "{chemin} est un fichier, pas un dépôt : pour un fichier CSV, écrivez "
                                           "« csv: » au lieu de « depot: » dans le fichier de sources.",
    "agregation.erreur.dossier-pas-csv": "{chemin} est un dossier, pas un fichier CSV : pour un dépôt, écrivez "
                                         "« depot: » au lieu de « csv: » dans le fichier de sources.",
    "agregation.erreur.lien": "{chemin} est un lien symbolique : il n'est pas suivi.",
    "agregation.erreur.pas-iaterr": "ce n'est pas un dépôt iaterr (pas de fichier iaterr.yaml à sa racine).",
    "agregation.erreur.config": "son iaterr.yaml est invalide ({ou}) : {detail}",
    "agregation.csv.encodage": "le CSV n'est pas en UTF-8 (octet n° {octet}).",
    "agregation.csv.vide": "le CSV est vide.",
    "agregation.csv.illisible": "le CSV est illisible : {detail}",
    "agregation.csv.entetes": "ce n'est pas un CSV du schéma d'iaterr : les colonnes {colonnes} sont attendues. "
                              "L'export de la Bibliothèque d'IA territoriales s'importe d'abord dans un dépôt "
                              "(iaterr import bibliotheque), qui devient alors une source « depot ».",
}

EN: dict[str, str] = {
    "help.aggregate": "Builds one data repository (a library) from the repositories and CSV files of many "
                      "collectivités, listed in a sources file; only the sources that changed are read again.",
    "help.aggregate.sources": "YAML sources file (key “sources”: “depot” entries with an optional “branche”, or "
                              "“csv”).",
    "help.aggregate.out": "Folder of the aggregate repository (created, or replaced whole when a previous run "
                          "wrote it).",
    "help.aggregate.jobs": "Number of sources asked at the same time (default: 8).",
    "help.aggregate.delai": "Longest read of one source, in seconds (default: 120).",
    "help.aggregate.essais": "Further tries of an unreachable source (default: 2).",
    "help.aggregate.complet": "Read everything again, even the sources that did not change.",
    "help.aggregate.membres": "Keep the records' restricted fields: a library for the network's members only, never "
                              "to be published as it is (its exports and site stay public). By default they are "
                              "left out.",
    "help.aggregate.autoriser-retrait": "Accept that sources taken out of the sources file take more than half "
                                        "of the library's records with them (refused without this option).",
    "agregation.retrait.refuse": "The sources file no longer holds {sources} of the library's sources ({noms}): "
                                 "this would remove {fiches} of its {total} records. Nothing was changed. If this "
                                 "is intended, run again with {option}; otherwise check the sources file (an entry "
                                 "deleted, an address changed?).",
    "agregation.membres": "⚠ {dossier} holds the records' restricted fields: for the network's members only, never "
                          "to be published as it is.",
    "agregation.progression.sources": "Sources asked",
    "agregation.progression.fiches": "Sources checked",
    "agregation.progression.ecriture": "Records written",
    "agregation.source.lu": "✓ {source}: read ({version}), {fiches} valid record(s).",
    "agregation.source.inchange": "· {source}: unchanged ({version}), {fiches} record(s).",
    "agregation.source.lu-rejets": "⚠ {source}: read ({version}), {fiches} valid record(s), {rejets} left out:",
    "agregation.source.inchange-rejets": "⚠ {source}: unchanged ({version}), {fiches} valid record(s), {rejets} "
                                         "left out:",
    "agregation.source.perime": "✗ {source}: {erreur} Its last state read ({depuis}) is kept, marked stale.",
    "agregation.source.echec": "✗ {source}: {erreur} No record of it has been read yet.",
    "agregation.rejet": "  ✗ {source}: {fichier} left out: {message}",
    "agregation.rejet.perime": "  ✗ {source}: {fichier} has become invalid: {message} Its last valid version "
                               "stays in the library, marked stale, until it is fixed.",
    "agregation.renommage.pris": "  ⚠ Identifier “{ancien}” already given to another record of the library (it "
                                 "stays with the one that had it): the record of {source} becomes “{nouveau}”.",
    "agregation.et-autres": "  … and {n} more; all are in {fichier}.",
    "agregation.renommage": "  ⚠ Identifier “{ancien}” used by several collectivités: the record of {source} "
                            "becomes “{nouveau}”.",
    "agregation.liens": "  · {source}: {n} record(s) kept aside, as linked copies: the same project or "
                        "collectivité as a record of another source ({exemples}).",
    "agregation.liste.separateur": "; ",
    "agregation.lien.exemple": "{fichier} = {lien} from {autre}",
    "agregation.orpheline": "  ✗ {source}: {fichier} left out: its collectivité “{collectivite}” is in no source.",
    "agregation.non-ecrite": "  ✗ {source}: {fichier} could not be written ({raison}).",
    "agregation.retiree": "· {source} is no longer in the sources file: its {fiches} record(s) no longer come "
                          "from it (another source may describe the same projects or collectivités: its linked "
                          "copies then take their place).",
    "agregation.bilan": "Library written in {dossier}: {cas} use case(s) and {collectivites} collectivité(s) from "
                        "{sources} source(s) ({lues} read, {inchangees} unchanged, {echecs} failed); {liees} linked "
                        "cop(y/ies), {renommees} identifier(s) renamed.",
    "agregation.bilan.echecs": "Sources or records were left out: see above and {fichier}.",
    "agregation.version.jamais": "never",
    "agregation.sources.introuvable": "Sources file not found or unreadable: {fichier}.",
    "agregation.sources.lien": "The sources file {fichier} is a symbolic link: give the file itself.",
    "agregation.sources.illisible": "Unreadable sources file ({fichier}): {detail}",
    "agregation.sources.forme": "{fichier}: a “sources” key followed by a list of entries is expected.",
    "agregation.sources.cle-inconnue": "{ou}: unknown key “{cle}” (expected: depot, branche, restreint, csv, nom).",
    "agregation.sources.aucune": "The sources file {fichier} names no source: the library written is empty. Add a "
                                 "“depot” or “csv” entry under “sources”.",
    "agregation.sources.adresse-attendue": "an address or a path is expected (the value is empty or not a text)",
    "agregation.sources.pas-un-nombre": "an address or a path is expected, not a number nor a boolean (a file name "
                                        "made of digits is written between quotes: \"12\")",
    "agregation.sources.et-autres": "… and {n} more problem(s) in the sources file.",
    "agregation.csv.ligne": "line {n}",
    "agregation.sources.cle-inconnue-haut": "{ou}: unknown key “{cle}” (expected: {cles}).",
    "agregation.sources.logo": "a logo is not supported in the sources file yet (the aggregate repository holds "
                               "records only): remove “logo”",
    "agregation.sources.entree": "{ou}: each entry has either “depot” (and an optional “branche”) or “csv”.",
    "agregation.sources.doublon": "{ou}: this source is already entry no. {autre}.",
    "agregation.sources.valeur": "{ou}: {detail}",
    "agregation.sources.texte-attendu": "a text is expected",
    "agregation.sources.caracteres": "an address without control characters, not starting with a hyphen, is "
                                     "expected",
    "agregation.sources.depot-seulement": "{ou}: “{cle}” goes only with “depot” (a git repository), not with "
                                          "“csv”.",
    "agregation.sources.schema": "the protocol “{schema}” is not accepted (accepted: {schemas}, or a local path)",
    "agregation.sources.branche": "a branch name is expected (letters, digits, “.”, “_”, “-”, “/”)",
    "agregation.sortie.pas-un-dossier": "{chemin} exists and is not a folder: choose another --out.",
    "agregation.sortie.non-vide": "{chemin} is not empty and was not written by iaterr aggregate (no {fichier}): "
                                  "choose an empty or new folder, it would be replaced.",
    "agregation.sortie.etrangers": "{chemin} holds {n} file(s) or folder(s) iaterr aggregate did not write "
                                   "({fichiers}): they would be deleted, as the library is replaced whole. Nothing "
                                   "was changed. Move them out of this folder; to keep the library in a git "
                                   "repository, give --out a subfolder of the repository (for instance "
                                   "repo/bibliotheque/), and write the site (iaterr register build --out) outside "
                                   "the library.",
    "agregation.sortie.source": "The output folder {chemin} and the source {source} contain one another: choose "
                                "another --out.",
    "agregation.erreur.git-absent": "git was not found: install it to read repositories.",
    "agregation.erreur.delai": "no answer within {secondes} s.",
    "agregation.erreur.git": "git failed (git's message: {detail}).",
    "agregation.erreur.hote": "server not found: its name does not exist or does not answer in DNS; check the "
                              "address (message: {detail}).",
    "agregation.erreur.acces": "no repository at this address or access denied: check the address; for a private "
                               "repository, give CI access (deploy key, credential.helper) (git's message: "
                               "{detail}).",
    "agregation.erreur.branche": "branch not found in this repository (git's message: {detail}).",
    "agregation.erreur.branche-nommee": "branch “{branche}” not found in this repository.",
    "agregation.erreur.depot-vide": "empty repository (no commit).",
    "agregation.erreur.http": "the server answered {code}.",
    "agregation.erreur.http-acces": "the server answered {code}: access refused. A file that is not public needs a "
                                    "user name and a password in the address (https://user:password@…, sent to that "
                                    "server only): they are missing, or those given are refused.",
    "agregation.erreur.reseau": "unreachable ({detail}).",
    "agregation.erreur.trop-gros": "file larger than {taille} MB.",
    "agregation.erreur.introuvable": "not found: {chemin}.",
    "agregation.erreur.fichier-pas-depot": "{chemin} is a file, not a repository: for a CSV file, write “csv:” "
                                           "instead of “depot:” in the sources file.",
    "agregation.erreur.dossier-pas-csv": "{chemin} is a folder, not a CSV file: for a repository, write “depot:” "
                                         "instead of “csv:” in the sources file.",
    "agregation.erreur.lien": "{chemin} is a symbolic link: it is not followed.",
    "agregation.erreur.pas-iaterr": "not an iaterr repository (no iaterr.yaml file at its root).",
    "agregation.erreur.config": "its iaterr.yaml is invalid ({ou}): {detail}",
    "agregation.csv.encodage": "the CSV is not UTF-8 (byte no. {octet}).",
    "agregation.csv.vide": "the CSV is empty.",
    "agregation.csv.illisible": "the CSV is unreadable: {detail}",
    "agregation.csv.entetes": "not a CSV of iaterr's schema: the columns {colonnes} are expected. The export of "
                              "the Bibliothèque d'IA territoriales is first imported into a repository (iaterr "
                              "import bibliotheque), which then becomes a “depot” source.",
}
