"""Texts of the register website (``iaterr register build``), French and English side by side."""

FR: dict[str, str] = {
    # the command
    "help.register": "Le registre public : un site web statique des cas d'usage.",
    "help.register.build": "Construit le site web du registre (pages HTML autonomes, données ouvertes) dans un "
                           "dossier ; seules les pages dont les fiches ont changé sont réécrites.",
    "help.register.out": "Dossier du site (par défaut : site/ à la racine du dépôt).",
    "help.register.jobs": "Nombre de processus pour lire les fiches et écrire les pages (par défaut : un par cœur "
                          "quand il y en a beaucoup).",
    "help.register.no-cache": "Tout relire et tout réécrire, sans les caches.",
    "registre.construction": "Construction du site du registre…",
    "registre.bilan": "Site écrit dans {dossier} : {ecrites} fichier(s) écrit(s), {supprimees} supprimé(s), "
                      "{inchangees} inchangé(s) ; {cas} cas d'usage, {collectivites} collectivité(s).",
    "registre.ecrit": "  écrit : {chemin}",
    "registre.supprime": "  supprimé : {chemin}",
    "registre.et-autres": "  … et {n} autre(s)",
    "registre.ouvrir": "Ouvrir : {chemin}",
    "registre.revision.titre": "Fiche en cours de révision",
    "registre.revision.texte": "La version actuelle de cette fiche ne passe pas la validation : elle est en cours "
                               "de révision. Cette page montre sa dernière version valide, du {date} (commit "
                               "{commit}).",
    "registre.retrait.titre": "Fiche retirée du registre : {nom}",
    "registre.retrait.titre-seul": "Fiche retirée du registre",
    "registre.deplace.titre": "Fiche déplacée : {nom}",
    "registre.deplace.titre-seul": "Fiche déplacée",
    "registre.deplace.quand": "Cette fiche a changé d'adresse le {date} (commit {commit}).",
    "registre.deplace.motif": "Motif indiqué lors du changement :",
    "registre.retrait.quand": "Cette fiche a été retirée du registre le {date} (commit {commit}).",
    "registre.retrait.quand-construction": "Cette fiche ne fait plus partie du registre depuis sa mise à jour du "
                                           "{date}.",
    "registre.retrait.motif": "Motif indiqué lors du retrait :",
    "registre.retrait.sans-motif": "Aucun motif n'a été indiqué lors du retrait.",
    "registre.retrait.nouvelle-page": "voir la nouvelle page de ce cas d'usage",
    "registre.revision.cli": "{page} : la fiche {fichier} est invalide ; sa dernière version valide (du {date}, "
                             "commit {commit}) reste publiée, marquée « en cours de révision ».",
    "registre.retrait.cli": "{page} : cas d'usage retiré ({date}) ; la page dit quand et pourquoi.",
    "registre.page-perdue": "{n} fiche(s) publiée(s) dans le registre précédent ne passent plus la validation et "
                            "git n'en connaît aucune version valide ({fichiers}) : leurs pages disparaîtraient. Rien "
                            "n'a été remplacé ; le registre précédent reste en place.",
    "registre.page-perdue.aide": "Corrigez ces fiches (iaterr validate), ou supprimez-les dans un commit qui dit "
                                 "pourquoi : leur page dira alors quand et pourquoi elles ont été retirées.",
    "registre.sans-canal": "{page} ne dit pas où adresser une demande : ni le cas d'usage ({fichier}) ni sa "
                           "collectivité ne donnent d'adresse électronique, de formulaire ou d'adresse postale.",
    "registre.sans-canal.aide": "  → Renseignez contact_droits, formulaire_demandes ou adresse_postale dans la fiche "
                                "de la collectivité (valables pour tous ses cas d'usage), ou contact_droits dans le "
                                "cas d'usage : sans aucun d'eux, la page ne dit pas où demander les documents ({documents}) ni "
                                "les règles du traitement ({regles}).",
    # the pages
    "registre.titre": "Registre des usages de l'IA et des algorithmes des collectivités",
    "registre.titre-une": "Registre des usages de l'IA et des algorithmes : {collectivite}",
    "registre.aller-contenu": "Aller au contenu",
    "registre.nav": "Navigation principale",
    "registre.nav.accueil": "Cas d'usage",
    "registre.nav.collectivites": "Collectivités",
    "registre.nav.chiffres": "Chiffres",
    "registre.nav.donnees": "Données",
    "registre.accueil.intro": "Ce registre recense {n} cas d'usage de l'intelligence artificielle et des "
                              "algorithmes publics. Chaque fiche explique ce que fait le traitement, pourquoi, et "
                              "comment exercer vos droits.",
    "registre.recherche.titre": "Rechercher et filtrer",
    "registre.recherche.libelle": "Rechercher (nom, collectivité, thème…)",
    "registre.filtre.tous": "Tous",
    "registre.filtre.theme": "Thème",
    "registre.filtre.statut": "Statut",
    "registre.filtre.type": "Type d'algorithme",
    "registre.filtre.risque": "Niveau de risque (règlement IA)",
    "registre.resultats": "{n} cas d'usage affiché(s) sur {total}.",
    "registre.parcourir": "Parcourir par catégorie",
    "registre.parcourir.aide": "Chaque catégorie a sa page, qui liste ses cas d'usage.",
    "registre.liste.titre": "Tous les cas d'usage",
    "registre.liste.caption": "Cas d'usage ({n}) : nom, collectivité, thème, statut, types d'algorithme et "
                              "niveau de risque",
    "registre.col.nom": "Cas d'usage",
    "registre.col.collectivite": "Collectivité",
    "registre.col.theme": "Thème",
    "registre.col.statut": "Statut",
    "registre.col.types": "Types d'algorithme",
    "registre.col.risque": "Niveau de risque",
    "registre.col.type-collectivite": "Type",
    "registre.col.nombre": "Cas d'usage",
    "registre.col.valeur": "Valeur",
    "registre.aucun": "Aucun cas d'usage.",
    "registre.risque-non-renseigne": "Non renseigné",
    "registre.filtre.page": "{filtre} : {valeur}",
    "registre.filtre.intro": "{n} cas d'usage pour « {valeur} ».",
    "registre.retour": "Retour à la liste des cas d'usage",
    "registre.collectivites.titre": "Collectivités",
    "registre.collectivites.caption": "Collectivités ({n}) et nombre de cas d'usage",
    "registre.collectivite.intro": "{n} cas d'usage recensé(s).",
    "registre.collectivite.site": "Site web",
    "registre.collectivite.contact-droits": "Contact pour exercer vos droits",
    "registre.collectivite.siret": "SIRET",
    "registre.collectivite.formulaire": "Formulaire de demande en ligne",
    "registre.collectivite.adresse": "Adresse postale",
    "registre.collectivite.prada": "Personne responsable de l'accès aux documents administratifs (PRADA)",
    "registre.collectivite.sans-canal": "La collectivité n'indique pas encore où adresser une demande de "
                                        "documents ou des règles d'un traitement (adresse électronique, formulaire "
                                        "ou adresse postale).",
    "registre.cas.demande": "Faire une demande",
    "registre.cas.sans-canal": "Cette fiche n'indique pas encore où adresser une demande : ni le cas d'usage ni "
                               "la collectivité ne donnent d'adresse électronique, de formulaire ou d'adresse "
                               "postale.",
    "registre.cas.vos-droits": "Vos droits, les délais de réponse et le recours à la CADA",
    "registre.cas.resume": "En bref",
    "registre.cas.notice": "Notice d'explicabilité",
    "registre.cas.chiffres": "Chiffres clés",
    "registre.cas.dates": "Dates clés",
    "registre.cas.acteurs": "Partenaires et fournisseurs",
    "registre.cas.partenaires": "Partenaires",
    "registre.cas.fournisseurs": "Fournisseurs",
    "registre.cas.retour": "Retour d'expérience",
    "registre.cas.contexte": "Contexte",
    "registre.cas.suivi": "Suivi",
    "registre.cas.positifs": "Points positifs",
    "registre.cas.vigilance": "Points de vigilance",
    "registre.cas.sources": "Sources et code",
    "registre.cas.infos": "Informations sur le service",
    "registre.cas.code": "Code source",
    "registre.cas.regles": "Règles publiées",
    "registre.cas.maj": "Fiche à jour en {date}.",
    "registre.cas.maj-jour": "Fiche à jour au {date}.",
    "registre.cas.imprimer": "Imprimer ou enregistrer en PDF",
    "registre.cas.au": "au {date}",
    "registre.chiffres.titre": "Chiffres du registre",
    "registre.chiffres.intro": "{n} cas d'usage de {collectivites} collectivité(s). Chaque graphique est suivi "
                               "d'un tableau qui donne les mêmes chiffres.",
    "registre.chiffres.theme": "Cas d'usage par thème",
    "registre.chiffres.statut": "Cas d'usage par statut",
    "registre.chiffres.type-collectivite": "Cas d'usage par type de collectivité",
    "registre.chiffres.risque": "Cas d'usage par niveau de risque (règlement européen sur l'IA)",
    "registre.chiffres.resume": "Graphique en barres, {titre} ({n} cas d'usage) : ",
    "registre.chiffres.total": "Total",
    "registre.donnees.telecharger": "Télécharger les données",
    "registre.donnees.csv": "CSV",
    "registre.donnees.json": "JSON",
    "registre.donnees.schema": "Table Schema",
    "registre.pied.genere": "Page générée le {date} depuis le commit {commit} par iaterr {version}.",
    "registre.pied.hors-git": "Page générée le {date} (hors git) par iaterr {version}.",
    "registre.modifie-pendant": "Des fiches ont changé pendant la construction du registre ({fichiers}) : "
                                  "rien n'a été remplacé. Relancez la commande.",
    "registre.sortie-git": "{chemin} est dans un dossier .git : le registre ne s'y construit pas.",
    "registre.sortie-depot": "{chemin} contient le dépôt de données ({depot}) : le registre remplace son dossier de "
                             "sortie en entier, il ne peut donc pas s'agir du dépôt ni d'un dossier qui le contient.",
    "registre.sortie-donnees": "{chemin} est dans le dossier des fiches ({dossier}) : choisissez un autre dossier.",
    "registre.sortie-lien": "{chemin} est un lien symbolique (vers {cible}) : iaterr refuse d'écrire un registre "
                            "à travers un lien.",
    "registre.sortie-pas-dossier": "{chemin} existe et n'est pas un dossier.",
    "registre.sortie-occupee": "{chemin} n'est pas vide ({n} élément(s)) et n'a pas été construit par iaterr : le "
                               "registre remplace son dossier de sortie en entier, iaterr n'y touche donc pas.",
    "registre.sortie.aide": "Donnez un dossier vide ou nouveau (option --out), ou un registre déjà construit par "
                            "iaterr.",
}

EN: dict[str, str] = {
    "help.register": "The public register: a static website of the use cases.",
    "help.register.build": "Builds the register website (standalone HTML pages, open data) into a folder; only the "
                           "pages whose records changed are written again.",
    "help.register.out": "Folder of the website (default: site/ at the repository root).",
    "help.register.jobs": "Number of processes to read records and write pages with (default: one per core when "
                          "there are many).",
    "help.register.no-cache": "Read and write everything again, without the caches.",
    "registre.construction": "Building the register website…",
    "registre.bilan": "Website written to {dossier}: {ecrites} file(s) written, {supprimees} deleted, "
                      "{inchangees} unchanged; {cas} use case(s), {collectivites} local authorit(ies).",
    "registre.ecrit": "  written: {chemin}",
    "registre.supprime": "  deleted: {chemin}",
    "registre.et-autres": "  … and {n} more",
    "registre.ouvrir": "Open: {chemin}",
    "registre.revision.titre": "Record under review",
    "registre.revision.texte": "The current version of this record does not pass validation: it is under review. "
                               "This page shows its last valid version, of {date} (commit {commit}).",
    "registre.retrait.titre": "Record removed from the register: {nom}",
    "registre.retrait.titre-seul": "Record removed from the register",
    "registre.deplace.titre": "Record moved: {nom}",
    "registre.deplace.titre-seul": "Record moved",
    "registre.deplace.quand": "This record moved to a new address on {date} (commit {commit}).",
    "registre.deplace.motif": "Reason given for the change:",
    "registre.retrait.quand": "This record was removed from the register on {date} (commit {commit}).",
    "registre.retrait.quand-construction": "This record is no longer part of the register since its update of "
                                           "{date}.",
    "registre.retrait.motif": "Reason given for the removal:",
    "registre.retrait.sans-motif": "No reason was given for the removal.",
    "registre.retrait.nouvelle-page": "see the new page of this use case",
    "registre.revision.cli": "{page}: the record {fichier} is invalid; its last valid version ({date}, commit "
                             "{commit}) stays published, marked « under review ».",
    "registre.retrait.cli": "{page}: use case removed ({date}); the page says when and why.",
    "registre.page-perdue": "{n} record(s) published in the previous register no longer pass validation and git "
                            "knows no valid version of them ({fichiers}): their pages would disappear. Nothing was "
                            "replaced; the previous register stays in place.",
    "registre.page-perdue.aide": "Fix these records (iaterr validate), or delete them in a commit that says why: "
                                 "their page will then say when and why they were removed.",
    "registre.sans-canal": "{page} does not say where to send a request: neither the use case ({fichier}) nor its "
                           "local authority gives an e-mail address, a form or a postal address.",
    "registre.sans-canal.aide": "  → Fill in contact_droits, formulaire_demandes or adresse_postale in the local "
                                "authority's record (used for all its use cases), or contact_droits in the use case: "
                                "without it, the page does not say where to ask for the documents ({documents}) nor "
                                "for the rules of the processing ({regles}).",
    "registre.titre": "Register of the uses of AI and algorithms by local authorities",
    "registre.titre-une": "Register of the uses of AI and algorithms: {collectivite}",
    "registre.aller-contenu": "Skip to content",
    "registre.nav": "Main navigation",
    "registre.nav.accueil": "Use cases",
    "registre.nav.collectivites": "Local authorities",
    "registre.nav.chiffres": "Figures",
    "registre.nav.donnees": "Data",
    "registre.accueil.intro": "This register lists {n} use cases of artificial intelligence and public algorithms. "
                              "Each page explains what the processing does, why, and how to exercise your rights.",
    "registre.recherche.titre": "Search and filter",
    "registre.recherche.libelle": "Search (name, local authority, theme…)",
    "registre.filtre.tous": "All",
    "registre.filtre.theme": "Theme",
    "registre.filtre.statut": "Status",
    "registre.filtre.type": "Type of algorithm",
    "registre.filtre.risque": "Risk tier (AI Act)",
    "registre.resultats": "{n} use case(s) shown out of {total}.",
    "registre.parcourir": "Browse by category",
    "registre.parcourir.aide": "Each category has its own page, listing its use cases.",
    "registre.liste.titre": "All use cases",
    "registre.liste.caption": "Use cases ({n}): name, local authority, theme, status, types of algorithm and risk "
                              "tier",
    "registre.col.nom": "Use case",
    "registre.col.collectivite": "Local authority",
    "registre.col.theme": "Theme",
    "registre.col.statut": "Status",
    "registre.col.types": "Types of algorithm",
    "registre.col.risque": "Risk tier",
    "registre.col.type-collectivite": "Type",
    "registre.col.nombre": "Use cases",
    "registre.col.valeur": "Value",
    "registre.aucun": "No use case.",
    "registre.risque-non-renseigne": "Not given",
    "registre.filtre.page": "{filtre}: {valeur}",
    "registre.filtre.intro": "{n} use case(s) for “{valeur}”.",
    "registre.retour": "Back to the list of use cases",
    "registre.collectivites.titre": "Local authorities",
    "registre.collectivites.caption": "Local authorities ({n}) and number of use cases",
    "registre.collectivite.intro": "{n} use case(s) listed.",
    "registre.collectivite.site": "Website",
    "registre.collectivite.contact-droits": "Contact to exercise your rights",
    "registre.collectivite.siret": "SIRET",
    "registre.collectivite.formulaire": "Online request form",
    "registre.collectivite.adresse": "Postal address",
    "registre.collectivite.prada": "Officer responsible for access to administrative documents (PRADA)",
    "registre.collectivite.sans-canal": "The local authority does not say yet where to send a request for "
                                        "documents or for the rules of a processing (e-mail address, form or postal "
                                        "address).",
    "registre.cas.demande": "Make a request",
    "registre.cas.sans-canal": "This record does not say yet where to send a request: neither the use case nor the "
                               "local authority gives an e-mail address, a form or a postal address.",
    "registre.cas.vos-droits": "Your rights, the time limits for an answer and referral to the CADA",
    "registre.cas.resume": "At a glance",
    "registre.cas.notice": "Explicability notice",
    "registre.cas.chiffres": "Key figures",
    "registre.cas.dates": "Key dates",
    "registre.cas.acteurs": "Partners and suppliers",
    "registre.cas.partenaires": "Partners",
    "registre.cas.fournisseurs": "Suppliers",
    "registre.cas.retour": "Lessons learned",
    "registre.cas.contexte": "Context",
    "registre.cas.suivi": "Monitoring",
    "registre.cas.positifs": "Strengths",
    "registre.cas.vigilance": "Points of caution",
    "registre.cas.sources": "Sources and code",
    "registre.cas.infos": "Information on the service",
    "registre.cas.code": "Source code",
    "registre.cas.regles": "Published rules",
    "registre.cas.maj": "Record up to date as of {date}.",
    "registre.cas.maj-jour": "Record up to date as of {date}.",
    "registre.cas.imprimer": "Print or save as PDF",
    "registre.cas.au": "to {date}",
    "registre.chiffres.titre": "Figures of the register",
    "registre.chiffres.intro": "{n} use case(s) of {collectivites} local authorit(ies). Each chart is followed by a "
                               "table giving the same figures.",
    "registre.chiffres.theme": "Use cases by theme",
    "registre.chiffres.statut": "Use cases by status",
    "registre.chiffres.type-collectivite": "Use cases by type of local authority",
    "registre.chiffres.risque": "Use cases by risk tier (EU AI Act)",
    "registre.chiffres.resume": "Bar chart, {titre} ({n} use cases): ",
    "registre.chiffres.total": "Total",
    "registre.donnees.telecharger": "Download the data",
    "registre.donnees.csv": "CSV",
    "registre.donnees.json": "JSON",
    "registre.donnees.schema": "Table Schema",
    "registre.pied.genere": "Page generated on {date} from commit {commit} by iaterr {version}.",
    "registre.pied.hors-git": "Page generated on {date} (outside git) by iaterr {version}.",
    "registre.modifie-pendant": "Records changed while the register was being built ({fichiers}): "
                                  "nothing was replaced. Run the command again.",
    "registre.sortie-git": "{chemin} is in a .git folder: the register is not built there.",
    "registre.sortie-depot": "{chemin} holds the data repository ({depot}): the register replaces its output folder "
                             "whole, so it can be neither the repository nor a folder holding it.",
    "registre.sortie-donnees": "{chemin} is in the records folder ({dossier}): choose another folder.",
    "registre.sortie-lien": "{chemin} is a symbolic link (to {cible}): iaterr will not write a register through a "
                            "link.",
    "registre.sortie-pas-dossier": "{chemin} exists and is not a folder.",
    "registre.sortie-occupee": "{chemin} is not empty ({n} item(s)) and was not built by iaterr: the register "
                               "replaces its output folder whole, so iaterr leaves it alone.",
    "registre.sortie.aide": "Give an empty or new folder (option --out), or a register already built by iaterr.",
}
