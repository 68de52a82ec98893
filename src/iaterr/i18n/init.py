"""Messages of `iaterr init`, French and English side by side."""

FR: dict[str, str] = {
    # ------------------------------------------------------------ help
    "help.init": "Crée un dépôt de données iaterr (configuration, dossiers des fiches, schémas, README, "
                 "intégration continue, pre-commit) ; n'écrase jamais un fichier existant.",
    "help.init.dir": "Dossier du dépôt (par défaut : le dossier courant ; créé s'il n'existe pas).",
    "help.init.nom": "Nom officiel de la collectivité. Sans lui ni terminal, le dépôt est créé sans collectivité.",
    "help.init.siret": "SIRET de la collectivité : 14 chiffres, clé de contrôle vérifiée.",
    "help.init.type": "Type de collectivité, code ou libellé : {codes}.",
    "help.init.contact": "Adresse électronique générique de la collectivité.",
    "help.init.site-web": "Adresse du site officiel (https://…).",
    "help.init.latitude": "Latitude du siège, en degrés décimaux.",
    "help.init.longitude": "Longitude du siège, en degrés décimaux.",
    "help.init.code-insee": "Code INSEE de la commune siège (5 caractères).",
    "help.init.identifiant": "Identifiant de la collectivité, nom de sa fiche (par défaut : tiré du nom).",
    "help.init.no-git": "Ne lance pas « git init ».",
    "help.init.no-commit": "Ne fait pas le premier commit de ce qui est écrit (fait sinon dans un dépôt git "
                           "nouveau, quand git sait qui vous êtes).",
    "help.init.installation": "Spécification pip avec laquelle l'intégration continue installe iaterr (clé "
                              "« installation » d'iaterr.yaml ; par défaut : d'après l'origine de cet iaterr).",
    "metavar.init.specification": "SPÉCIFICATION",
    "help.init.non-interactif": "Ne pose aucune question : sans --nom, le dépôt est créé sans collectivité.",
    "metavar.init.texte": "TEXTE",
    "metavar.init.code": "CODE",
    "metavar.init.adresse": "ADRESSE",
    "metavar.init.nombre": "NOMBRE",
    # ------------------------------------------------------------ contents of the files
    "init.nom-registre": "Registre des algorithmes et de l'IA — {nom}",
    "init.titre-registre": "Registre des algorithmes et de l'IA",
    # ------------------------------------------------------------ the collectivité
    "init.questions-intro": "Décrivez la collectivité qui tient ce registre (Ctrl-C pour arrêter : rien n'est "
                            "écrit avant la dernière réponse).",
    "init.interrompu": "Interrompu : rien n'a été écrit.",
    "init.options-sans-nom": "Il manque --nom pour décrire la collectivité (options données : {options}).",
    "init.options-sans-nom.aide": "Ajoutez --nom \"Nom officiel\" (ou lancez `iaterr init` dans un terminal "
                                  "pour répondre aux questions).",
    "init.option-invalide": "{option} : {detail}",
    "init.option-invalide.aide": "{aide}",
    "init.option-manquante": "Il manque {option} : « {titre} » est obligatoire pour décrire la collectivité.",
    "init.option-manquante.valeurs": "Valeurs possibles : {valeurs}.",
    "init.option-manquante.exemple": "Par exemple : {option} {exemple}",
    "init.champ": "« {titre} »",
    "init.rien-ecrit": "Rien n'a été écrit.",
    "init.pas-un-dossier": "{chemin} existe et n'est pas un dossier.",
    # ------------------------------------------------------------ the report
    "init.cree": "Dépôt iaterr créé dans {chemin}",
    "init.complete": "Dépôt iaterr complété dans {chemin}",
    "init.deja-complet": "Dépôt iaterr déjà complet dans {chemin} : rien à créer.",
    "init.fichiers-crees": "Créés ({nombre}) :",
    "init.fichiers-completes": "Complétés, sans rien changer de ce qu'ils contenaient ({nombre}) :",
    "init.fichiers-ignores": "Déjà présents, laissés tels quels ({nombre}) :",
    "init.config-renseignee": "iaterr.yaml : « {cle} » renseigné ({valeur}).",
    "init.config-gardee": "iaterr.yaml : « {cle} » garde sa valeur ({valeur}) ; changez-la à la main pour "
                          "proposer « {nouvelle} » aux nouvelles fiches.",
    "init.config-gardee.autre": "iaterr.yaml : « {cle} » garde sa valeur ({valeur}) au lieu de « {proposee} » ; "
                                "changez-la à la main si c'est « {proposee} » que vous voulez.",
    "init.config-basculee": "iaterr.yaml : « {cle} » passe de {avant} à true (--public) : le dépôt est maintenant "
                            "public. Ses fiches ne doivent plus contenir de valeur restreinte : « iaterr restreint "
                            "separer » les déplace vers le magasin restreint (voir docs/restreint.md).",
    "init.config-illisible": "iaterr.yaml n'a pas pu être complété ({detail}) : ajoutez à la main "
                             "« collectivite_defaut: {identifiant} ».",
    "init.config-pas-une-table": "le fichier n'est pas une table de clés",
    "init.collectivite-creee": "Collectivité décrite dans {chemin}.",
    "init.collectivite-existante": "La collectivité {chemin} existait déjà : laissée telle quelle.",
    "init.sans-collectivite": "Aucune collectivité décrite : le dépôt est créé sans elle ({raison}).",
    "init.sans-collectivite.non-interactif": "--non-interactif sans --nom",
    "init.sans-collectivite.sans-terminal": "ni --nom, ni terminal pour poser les questions",
    "init.sans-collectivite.aide": "Ajoutez-la quand vous voulez, sans rien écraser : {commande}",
    "init.git-initialise": "Dépôt git initialisé (git init).",
    "init.git-existant": "Déjà dans le dépôt git {chemin} : pas de git init.",
    "init.git-hors-racine": "{chemin} n'est pas la racine du dépôt git {racine} : GitHub Actions, GitLab CI et "
                            "pre-commit ne lisent .github/, .gitlab-ci.yml et .pre-commit-config.yaml qu'à la "
                            "racine ; déplacez-les et adaptez leurs chemins.",
    "init.git-desactive": "Sans git (--no-git) : lancez « git init » pour versionner le registre.",
    "init.git-impossible": "git init impossible ({erreur}) : le dépôt est créé sans git ; installez git puis "
                           "lancez « git init ».",
    "init.message-commit": "Registre iaterr (iaterr init)",
    "init.commit-fait": "Premier commit {commit} « {message} » : les {nombre} fichiers écrits.",
    "init.commit-sans-identite": "Pas de commit : git ne sait pas encore qui vous êtes (user.name et "
                                 "user.email).",
    "init.commit-sans-identite.aide": "Une fois pour toutes : git config --global user.name \"Prénom Nom\" && "
                                      "git config --global user.email \"prenom.nom@collectivite.fr\", puis "
                                      "l'étape « git add » ci-dessous.",
    "init.commit-impossible": "Le premier commit a échoué ({erreur}) : les fichiers sont écrits ; faites-le "
                              "vous-même (étape « git add » ci-dessous).",
    "init.installation": "L'intégration continue installera iaterr par « {spec} » (clé « installation » "
                         "d'iaterr.yaml, à changer pour une autre version).",
    "validate.installation-a-renseigner": "iaterr.yaml : « installation » est encore à renseigner ; "
                                          "l'intégration continue du dépôt s'arrêtera faute de savoir installer "
                                          "iaterr.",
    "init.installation-a-renseigner": "iaterr ne sait pas d'où l'intégration continue peut l'installer "
                                      "({source}) : iaterr.yaml porte « installation: A-RENSEIGNER », et la CI "
                                      "s'arrête en le disant tant que la clé n'est pas renseignée.",
    "init.installation-a-renseigner.aide": "Écrivez dans iaterr.yaml la spécification pip de votre iaterr, par "
                                           "exemple installation: \"iaterr @ git+https://forge.example/iaterr.git"
                                           "@v0.1.0\" (ou relancez init sur un dossier neuf avec --installation).",
    "init.source": "installé depuis {source}, qui n'existe que sur ce poste",
    "init.source-inconnue": "lancé depuis ses sources, sans installation par pip",
    "init.etapes": "Étapes suivantes :",
    "init.etape-cd": "{commande}",
    "init.etape-new": "{commande} : décrire un cas d'usage, question par question",
    "init.etape-validate": "{commande} : vérifier les fiches",
    "init.etape-git": "{commande} : enregistrer le registre dans git",
    "init.etape-pre-commit": "{commande} : vérifier les fiches avant chaque commit (facultatif)",
}

EN: dict[str, str] = {
    # ------------------------------------------------------------ help
    "help.init": "Create an iaterr data repository (configuration, record folders, schemas, README, "
                 "continuous integration, pre-commit); never overwrites an existing file.",
    "help.init.dir": "Folder of the repository (default: the current folder; created when missing).",
    "help.init.nom": "Official name of the local authority. Without it and without a terminal, the repository "
                     "is created without a local authority.",
    "help.init.siret": "SIRET of the local authority: 14 digits, checksum verified.",
    "help.init.type": "Type of local authority, code or label: {codes}.",
    "help.init.contact": "Generic e-mail address of the local authority.",
    "help.init.site-web": "Address of the official website (https://…).",
    "help.init.latitude": "Latitude of the seat, decimal degrees.",
    "help.init.longitude": "Longitude of the seat, decimal degrees.",
    "help.init.code-insee": "INSEE code of the seat municipality (5 characters).",
    "help.init.identifiant": "Identifier of the local authority, name of its record (default: made from the name).",
    "help.init.no-git": "Do not run “git init”.",
    "help.init.no-commit": "Do not make the first commit of what is written (made otherwise in a new git "
                           "repository, when git knows who you are).",
    "help.init.installation": "pip specification with which continuous integration installs iaterr (key "
                              "“installation” of iaterr.yaml; by default: from where this iaterr came from).",
    "metavar.init.specification": "SPECIFICATION",
    "help.init.non-interactif": "Ask no question: without --nom, the repository is created without a local "
                                "authority.",
    "metavar.init.texte": "TEXT",
    "metavar.init.code": "CODE",
    "metavar.init.adresse": "ADDRESS",
    "metavar.init.nombre": "NUMBER",
    # ------------------------------------------------------------ contents of the files
    "init.nom-registre": "Register of algorithms and AI — {nom}",
    "init.titre-registre": "Register of algorithms and AI",
    # ------------------------------------------------------------ the collectivité
    "init.questions-intro": "Describe the local authority that keeps this register (Ctrl-C to stop: nothing is "
                            "written before the last answer).",
    "init.interrompu": "Interrupted: nothing was written.",
    "init.options-sans-nom": "--nom is missing to describe the local authority (options given: {options}).",
    "init.options-sans-nom.aide": "Add --nom \"Official name\" (or run `iaterr init` in a terminal to answer "
                                  "the questions).",
    "init.option-invalide": "{option}: {detail}",
    "init.option-invalide.aide": "{aide}",
    "init.option-manquante": "{option} is missing: “{titre}” is required to describe the local authority.",
    "init.option-manquante.valeurs": "Possible values: {valeurs}.",
    "init.option-manquante.exemple": "For example: {option} {exemple}",
    "init.champ": "“{titre}”",
    "init.rien-ecrit": "Nothing was written.",
    "init.pas-un-dossier": "{chemin} exists and is not a folder.",
    # ------------------------------------------------------------ the report
    "init.cree": "iaterr repository created in {chemin}",
    "init.complete": "iaterr repository completed in {chemin}",
    "init.deja-complet": "iaterr repository already complete in {chemin}: nothing to create.",
    "init.fichiers-crees": "Created ({nombre}):",
    "init.fichiers-completes": "Completed, changing nothing they held ({nombre}):",
    "init.fichiers-ignores": "Already present, left as they are ({nombre}):",
    "init.config-renseignee": "iaterr.yaml: “{cle}” filled in ({valeur}).",
    "init.config-gardee": "iaterr.yaml: “{cle}” keeps its value ({valeur}); change it by hand to offer "
                          "“{nouvelle}” to new records.",
    "init.config-gardee.autre": "iaterr.yaml: “{cle}” keeps its value ({valeur}) instead of “{proposee}”; change it "
                                "by hand if “{proposee}” is what you want.",
    "init.config-basculee": "iaterr.yaml: “{cle}” changes from {avant} to true (--public): the repository is now "
                            "public. Its records must no longer hold restricted values: “iaterr restreint separer” "
                            "moves them to the restricted store (see docs/restreint.md).",
    "init.config-illisible": "iaterr.yaml could not be completed ({detail}): add "
                             "“collectivite_defaut: {identifiant}” by hand.",
    "init.config-pas-une-table": "the file is not a mapping of keys",
    "init.collectivite-creee": "Local authority described in {chemin}.",
    "init.collectivite-existante": "The local authority {chemin} already existed: left as it is.",
    "init.sans-collectivite": "No local authority described: the repository is created without one ({raison}).",
    "init.sans-collectivite.non-interactif": "--non-interactif without --nom",
    "init.sans-collectivite.sans-terminal": "neither --nom nor a terminal to ask questions",
    "init.sans-collectivite.aide": "Add it whenever you like, overwriting nothing: {commande}",
    "init.git-initialise": "Git repository initialised (git init).",
    "init.git-existant": "Already in the git repository {chemin}: no git init.",
    "init.git-hors-racine": "{chemin} is not the root of the git repository {racine}: GitHub Actions, GitLab CI "
                            "and pre-commit read .github/, .gitlab-ci.yml and .pre-commit-config.yaml only at the "
                            "root; move them and adapt their paths.",
    "init.git-desactive": "Without git (--no-git): run “git init” to version the register.",
    "init.git-impossible": "git init failed ({erreur}): the repository is created without git; install git, then "
                           "run “git init”.",
    "init.message-commit": "iaterr register (iaterr init)",
    "init.commit-fait": "First commit {commit} “{message}”: the {nombre} files written.",
    "init.commit-sans-identite": "No commit: git does not know yet who you are (user.name and user.email).",
    "init.commit-sans-identite.aide": "Once and for all: git config --global user.name \"First Last\" && "
                                      "git config --global user.email \"first.last@authority.fr\", then the "
                                      "“git add” step below.",
    "init.commit-impossible": "The first commit failed ({erreur}): the files are written; make it yourself "
                              "(“git add” step below).",
    "init.installation": "Continuous integration will install iaterr with “{spec}” (key “installation” of "
                         "iaterr.yaml, to change for another version).",
    "validate.installation-a-renseigner": "iaterr.yaml: “installation” is still to be filled in; the "
                                          "repository's continuous integration will stop, not knowing how to "
                                          "install iaterr.",
    "init.installation-a-renseigner": "iaterr does not know where continuous integration can install it from "
                                      "({source}): iaterr.yaml holds “installation: TO-FILL-IN”, and the CI stops "
                                      "saying so until the key is filled in.",
    "init.installation-a-renseigner.aide": "Write the pip specification of your iaterr in iaterr.yaml, for "
                                           "instance installation: \"iaterr @ git+https://forge.example/iaterr.git"
                                           "@v0.1.0\" (or run init on a new folder with --installation).",
    "init.source": "installed from {source}, which exists only on this computer",
    "init.source-inconnue": "run from its sources, not installed by pip",
    "init.etapes": "Next steps:",
    "init.etape-cd": "{commande}",
    "init.etape-new": "{commande}: describe a use case, question by question",
    "init.etape-validate": "{commande}: check the records",
    "init.etape-git": "{commande}: record the register in git",
    "init.etape-pre-commit": "{commande}: check the records before each commit (optional)",
}
