"""Messages of `iaterr import`, French and English side by side."""

FR: dict[str, str] = {
    # ------------------------------------------------------------ help
    "help.import": "Importe des fiches d'une autre source (export de la Bibliothèque d'IA territoriales).",
    "help.import.bibliotheque": "Importe l'export CSV de la Bibliothèque d'IA territoriales : une fiche par ligne "
                                "et une par collectivité, valeurs réparées ou écartées avec leur ligne source ; "
                                "relancé, met à jour ce qui a changé sans rien dupliquer.",
    "help.import.fichier": "Fichier CSV exporté de la Bibliothèque (séparateur « , » ou « ; », UTF-8 ou Windows-1252).",
    "help.import.dry-run": "Rapport seulement : n'écrit aucune fiche, et montre champ par champ ce qui serait "
                           "écrit.",
    "help.import.force": "Écrit même sur une fiche importée d'un export plus récent (pour revenir "
                         "délibérément à un export plus ancien).",
    "help.import.format": "Format du rapport : text (par défaut) ou json.",
    "help.import.ordre-dates": "Ordre du jour et du mois dans les dates jj/mm/aaaa du fichier : jma (jour/mois/année) "
                               "ou mja (mois/jour/année). Sans l'option, l'ordre est tiré du fichier (une partie "
                               "> 12, l'ordre des dates d'une ligne, la date de l'export) ; s'il est ambigu, les "
                               "dates qui en dépendent sont laissées vides et signalées.",
    # ------------------------------------------------------------ usage errors
    "importer.fichier-introuvable": "Fichier introuvable : {chemin}.",
    "importer.fichier-dossier": "{chemin} est un dossier, pas un fichier CSV.",
    "importer.fichier-illisible": "Impossible de lire {chemin} : {erreur}.",
    "importer.fichier-vide": "{chemin} est vide.",
    "importer.encodage-inconnu": "Le fichier n'est ni en UTF-8, ni en UTF-16, ni en Windows-1252.",
    "importer.encodage-inconnu.aide": "Réenregistrez-le en CSV UTF-8 depuis le tableur.",
    "importer.pas-un-csv": "{chemin} n'est pas un export de la Bibliothèque : aucune colonne reconnue dans "
                           "sa première ligne (« {entete} »).",
    "importer.pas-un-csv.binaire": "Le fichier n'est pas un fichier texte CSV (classeur, archive ou fichier binaire).",
    "importer.pas-un-csv.aide": "Exportez le tableau au format CSV ; la première ligne doit nommer les colonnes "
                                "(Nom_collectivite, Nom_du_projet, SIRET…).",
    "importer.colonnes-manquantes": "Colonnes obligatoires absentes de {chemin} : {colonnes}.",
    "importer.colonnes-manquantes.double": "Colonnes obligatoires absentes de {chemin} : {colonnes} ; l'en-tête "
                                           "répète {doubles} : une colonne mal intitulée est peut-être celle qui "
                                           "manque.",
    "importer.colonnes-manquantes.aide": "Sans le nom de la collectivité et celui du projet, aucune fiche ne peut "
                                         "être faite ; vérifiez la première ligne du fichier.",
    "importer.csv-invalide": "CSV illisible à la ligne {ligne} : {erreur}.",
    "importer.format-inconnu": "Format de rapport inconnu « {valeur} » : text ou json.",
    "importer.ordre-dates-inconnu": "Ordre des dates inconnu « {valeur} » : jma (jour/mois/année) ou mja "
                                    "(mois/jour/année).",
    # ------------------------------------------------------------ the file
    "importer.encodage-cp1252": "Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252 (cp1252). Vérifiez "
                                "les accents des fiches écrites.",
    "importer.colonne-inconnue": "Colonne « {colonne} » inconnue : ses valeurs ne sont pas importées.",
    "importer.colonne-inconnue.proche": "Colonne « {colonne} » inconnue (vouliez-vous dire {suggestions} ?) : ses "
                                        "valeurs ne sont pas importées.",
    "importer.colonne-non-importee": "Colonne « {colonne} » ({champ}) : un champ structuré qu'une colonne ne peut "
                                     "pas remplir ; ses valeurs ne sont pas importées.",
    "importer.colonne-double": "Colonne « {colonne} » en double (déjà lue dans « {premiere} ») : ignorée.",
    "importer.colonne-par-position": "La colonne {position}, intitulée « {colonne} », est lue comme « {lue} » "
                                     "d'après sa position (l'en-tête est celui de l'export de la Bibliothèque, à "
                                     "cet intitulé près).",
    "importer.colonne-absente": "Colonne « {colonne} » absente de l'en-tête : ce champ manquera à chaque fiche.",
    "importer.colonne-absente.obligatoire": "Colonne « {colonne} » absente de l'en-tête : c'est un champ obligatoire "
                                            "de chaque fiche, aucune ligne n'est importée.",
    "importer.aucune-ligne": "Le fichier n'a aucune ligne de données (en-tête seul) : rien n'est importé.",
    "importer.fichier-tronque": "Le fichier est tronqué : il s'arrête au milieu de la ligne {ligne} (cellule entre "
                                "guillemets non fermée ou ligne incomplète, sans fin de ligne). Récupérez l'export "
                                "complet.",
    "importer.fin-sans-retour": "Dernière ligne sans fin de ligne : le fichier est peut-être coupé dans sa dernière "
                                "cellule ; vérifiez qu'il est complet.",
    "importer.ligne-tronquee": "Ligne coupée par la fin du fichier ({nombre} cellule(s) sur {colonnes}, la dernière "
                               "peut-être coupée) : ligne ignorée.",
    "importer.ligne-courte": "{nombre} cellule(s) pour {colonnes} colonnes : il en manque {manque}, sans qu'on puisse "
                             "savoir lesquelles (une cellule perdue au milieu décale toutes les suivantes) ; ligne "
                             "ignorée.",
    "importer.ligne-longue": "{nombre} cellules pour {colonnes} colonnes : les valeurs pourraient être décalées "
                             "(séparateur dans une cellule sans guillemets ?), ligne ignorée.",
    # ------------------------------------------------------------ values
    "importer.hors-enumeration": "{colonne} « {valeur} » → {code} (valeur hors de l'énumération du modèle de données "
                                 "de la Bibliothèque).",
    "importer.orthographe-export": "{colonne} « {valeur} » → {code} (orthographe de l'export de la Bibliothèque, "
                                   "hors de l'énumération de son modèle de données).",
    "importer.valeur-convertie": "{colonne} « {valeur} » → {code}.",
    "importer.valeur-inconnue": "{colonne} « {valeur} » : valeur inconnue, laissée de côté.",
    "importer.valeur-inconnue.proche": "{colonne} « {valeur} » : valeur inconnue (proche de {suggestions}), "
                                       "laissée de côté.",
    "importer.valeur-inconnue.restreinte": "{colonne} : valeur inconnue (champ restreint, valeur non reproduite), laissée de côté ; valeurs possibles : {valeurs_possibles}.",
    "importer.valeur-refusee": "{colonne} « {valeur} » : {raison} Laissé vide.",
    "importer.valeur-remplissage": "{colonne} « {valeur} » : valeur de remplissage, laissée vide.",
    "importer.une-ligne": "{colonne} sur plusieurs lignes, réuni sur une seule : « {valeur} ».",
    "importer.mailto": "{colonne} « {valeur} » : « mailto: » retiré.",
    "importer.virgule-decimale": "{colonne} « {valeur} » → {nombre} (virgule décimale).",
    "importer.liste-traits-union": "{colonne} « {valeur} » découpé aux traits d'union : {elements}.",
    "importer.siret-format": "SIRET « {valeur} » : pas 14 chiffres, laissé vide (un SIRET n'est jamais inventé).",
    "importer.siret-cle": "SIRET « {valeur} » : clé de contrôle fausse, laissé vide (un SIRET n'est jamais inventé).",
    "importer.siret-compacte": "SIRET « {valeur} » → {siret} (espaces et points retirés).",
    "importer.url-completee": "{colonne} « {valeur} » → {url} (https:// ajouté).",
    "importer.url-texte": "{colonne} « {valeur} » n'est pas une adresse web : laissé vide.",
    "importer.date-invalide": "{colonne} « {valeur} » : date illisible, laissée vide.",
    "importer.date-serie": "{colonne} « {valeur} » : numéro de série de tableur → {date}.",
    "importer.date-convertie": "{colonne} « {valeur} » → {date}.",
    "importer.date-indecise": "{colonne} « {valeur} » : jour et mois indécidables (l'ordre des dates du fichier "
                              "est ambigu), laissée vide ; relancez avec --ordre-dates jma ou mja.",
    "importer.modele-v0": "En-tête du premier modèle de données de la Bibliothèque (2024) : usage_service lu comme la description du service, cible_service comme ses publics, description comme celle de l'algorithme, operations comme ses opérations (colonnes présentes : {colonnes}).",
    "importer.ordre-dates.jma": "jour/mois/année",
    "importer.ordre-dates.mja": "mois/jour/année",
    "importer.ordre-dates.preuve.partie": "ligne {ligne}, {colonne} « {valeur} » n'est lisible que dans cet ordre",
    "importer.ordre-dates.preuve.export": "ligne {ligne}, {colonne} « {valeur} » serait sinon postérieure à "
                                          "l'export ({date_export})",
    "importer.ordre-dates.preuve.premier-du-mois": "les {nombre} dates de {colonne} tombent toutes le 1er d'un mois dans cet ordre (des dates saisies au mois près), toutes en janvier dans l'autre",
    "importer.ordre-dates.preuve.ligne": "ligne {ligne}, le démarrage ne précède la mise à jour que dans cet ordre",
    "importer.ordre-dates.decide": "Dates du fichier lues en {ordre} : {preuve}.",
    "importer.ordre-dates.indecis": "Ordre du jour et du mois ambigu : rien dans le fichier ne le dit ({nombre} "
                                    "date(s) jj/mm/aaaa dont les deux parties sont ≤ 12). Ces dates sont laissées "
                                    "vides ; relancez avec --ordre-dates jma (jour/mois/année) ou mja "
                                    "(mois/jour/année).",
    "importer.ordre-dates.contradictoire": "Le fichier mêle les deux ordres du jour et du mois : les dates qui ne "
                                           "se lisent que d'une façon sont lues ainsi, les {nombre} autres sont "
                                           "laissées vides ; vérifiez le fichier, ou relancez avec --ordre-dates.",
    "importer.ordre-dates.contredit": "--ordre-dates {ordre} est contredit par le fichier, qui indique {autre} "
                                      "({preuve}) : {nombre} date(s) illisible(s) en {ordre}. L'ordre donné n'est "
                                      "pas suivi : chaque date lisible dans un seul ordre est lue ainsi, les autres "
                                      "sont laissées vides ; vérifiez le fichier.",
    "importer.partenaire-mise-en-oeuvre": "{colonne} : une valeur dit comment le projet est mené (en régie, en "
                                          "interne…), pas un partenaire ; elle est rangée dans « Développement et "
                                          "mise en œuvre », champ restreint (valeur non reproduite).",
    "importer.type-corrige": "Type {avant} de « {collectivite} » corrigé en {apres} : {raison}",
    "importer.raison.paris": "la Ville de Paris est une collectivité à statut particulier depuis 2019 ; le type "
                             "Département de l'export est une erreur connue.",
    "importer.type-a-verifier": "Type {code} pour « {collectivite} » : le nom désigne plutôt un syndicat ; gardé "
                                "tel quel, à vérifier auprès de la collectivité.",
    # ------------------------------------------------------------ rows and records
    "importer.collectivite-manquante": "Nom de la collectivité vide : ligne ignorée.",
    "importer.projet-manquant": "Nom du projet vide : ligne ignorée.",
    "importer.collectivite-invalide": "Ligne ignorée : la fiche de la collectivité « {collectivite} » ne peut pas "
                                      "être écrite ({erreurs}).",
    "importer.ligne-double": "Même collectivité et même projet qu'à la ligne {ligne} : ligne ignorée.",
    "importer.conflit": "{champ} « {valeur} » de « {collectivite} » diffère de la ligne {ligne} (« {premiere} ») : "
                        "la valeur de la ligne {ligne} est gardée (celle d'une ligne au SIRET valide, sinon la "
                        "première).",
    "importer.collectivite-rattachee": "« {collectivite} » rattachée à la fiche existante {fiche} (par {par}).",
    "importer.par.siret": "le SIRET",
    "importer.par.nom": "le nom",
    "importer.collectivite-proche": "Collectivité « {collectivite} » créée, proche de la fiche existante {fiche} "
                                    "(« {nom} ») : vérifiez qu'il ne s'agit pas de la même.",
    "importer.fiche-existante": "Projet rattaché à la fiche existante {fiche}, qui n'a pas été créée par l'import : "
                                "seuls les champs qu'elle n'a pas sont complétés.",
    "importer.doublon-possible": "Fiche nouvelle, proche de la fiche existante {fiche} (« {nom} ») : vérifiez s'il "
                                 "s'agit du même projet.",
    "importer.valeurs-gardees": "Valeurs de l'export différentes de {fiche}, gardées telles quelles dans la fiche : "
                                "{champs}.",
    "importer.vides-gardees": "Cellules vides dans l'export, remplies dans {fiche} : l'import ne vide jamais un champ, "
                              "la fiche garde ses valeurs ({champs}) ; vérifiez si la Bibliothèque les a retirées.",
    "importer.fiche-invalide": "La fiche {fiche} ne serait pas valide ({erreurs}) : ligne ignorée, rien n'est écrit.",
    "importer.mise-a-jour-invalide": "La mise à jour rendrait {fiche} invalide ({erreurs}) : fiche laissée telle "
                                     "quelle.",
    "importer.lien-ignore": "{fiche} est un lien symbolique (vers {cible}) : l'import ne le suit pas et n'écrit "
                            "rien à travers ; il fait comme si ce qu'il désigne n'existait pas.",
    "importer.chemin-lien": "{fiche} n'est pas écrite : son chemin passe par le lien symbolique {lien}, que l'import "
                            "ne suit pas.",
    # ------------------------------------------------------------ comments written in records
    "importer.provenance": "iaterr import bibliotheque : export du {date} ({fichier}).",
    "importer.provenance.sans-date": "iaterr import bibliotheque : export non daté ({fichier}).",
    "importer.mise-a-jour-sans-date": "Date de mise à jour de la ligne illisible ou indécidable : la fiche {fiche} "
                                      "n'est pas mise à jour ({champs} auraient changé), sa date ne dirait plus "
                                      "quand son contenu l'a été ; relancez avec --ordre-dates si l'ordre des dates "
                                      "est ambigu.",
    "importer.date-inconnue": "date inconnue",
    "importer.date-export-inconnue": "Date de l'export inconnue : ni le nom du fichier (…-AAAA-MM-JJ.csv) ni ses dates "
                                     "de mise à jour ne la donnent. Les fiches déjà importées ne sont pas mises à "
                                     "jour, faute de savoir si cet export est plus récent ; relancez avec "
                                     "--ordre-dates si ses dates sont ambiguës, nommez le fichier avec sa date, ou "
                                     "--force pour l'imposer.",
    "importer.export-plus-ancien.sans-date": "export non daté : la fiche {fiche}, importée d'un export du "
                                             "{fiche_date}, n'est pas mise à jour (rien ne dit que cet export est "
                                             "plus récent ; --force pour l'imposer).",
    "importer.export-plus-ancien.export": "export du {date}, plus ancien que celui du {fiche_date} dont vient la "
                                          "fiche {fiche} : rien n'est changé (--force pour revenir à cet export).",
    "importer.export-plus-ancien.date": "export du {date} : la fiche {fiche} a été mise à jour plus récemment "
                                        "({fiche_date}) que cette ligne : rien n'est changé (--force pour revenir "
                                        "à cet export).",
    "importer.devient-public": "« {champ} » (colonne {colonne}), restreint dans la Bibliothèque, est public dans "
                               "iaterr ; lignes qui lui donnent une valeur : {lignes}. {raison}",
    "importer.devient-public.l312": "La loi en exige la publication : les règles d'un traitement qui fonde des "
                                    "décisions individuelles sont publiées en ligne (L312-1-3), données et opérations "
                                    "comprises (R311-3-1-2, 2° et 4°), par une collectivité d'au moins 50 agents "
                                    "(D312-1-4), ce que sa fiche dit.",
    "importer.devient-public.l312-presumee": "La loi en exige la publication : les règles d'un traitement qui fonde "
                                             "des décisions individuelles sont publiées en ligne (L312-1-3), données "
                                             "et opérations comprises (R311-3-1-2, 2° et 4°). Seule une collectivité "
                                             "de moins de 50 agents en est dispensée (D312-1-4) ; sa fiche ne donne "
                                             "pas son effectif.",
    "importer.reste-restreint": "« {champ} » (colonne {colonne}) est restreint dans la Bibliothèque et public dans "
                                "iaterr : sa valeur n'est pas importée (lignes {lignes}), pour qu'elle ne devienne "
                                "pas publique sans décision de la collectivité. {raison}",
    "importer.reste-restreint.sans-decision": "La loi n'en exige la publication que pour un traitement qui fonde des "
                                              "décisions individuelles (L312-1-3), ce que la fiche ne dit pas. Pour "
                                              "la publier, ajoutez-la avec « iaterr edit ».",
    "importer.reste-restreint.dispense": "La collectivité compte moins de 50 agents : elle est dispensée de publier "
                                         "en ligne les règles de ses traitements (D312-1-4), même s'ils fondent des "
                                         "décisions individuelles. Pour la publier quand même, ajoutez-la avec "
                                         "« iaterr edit ».",
    "importer.reste-restreint.aucun-texte": "Aucun texte n'en exige la publication. Pour la publier, ajoutez-la "
                                            "avec « iaterr edit ».",
    "importer.diff.avant": "avant",
    "importer.diff.apres": "après",
    "importer.diff.vide": "(vide)",
    "importer.diff.restreint": "(champ restreint : valeur non montrée)",
    "importer.marqueur": "Fiche créée par « iaterr import bibliotheque » : chaque import y met à jour les champs de "
                         "l'export de la Bibliothèque d'IA territoriales ; les autres champs et les commentaires "
                         "sont gardés.",
    "importer.silence.absent": "fiche tirée de l'export public de la Bibliothèque ({date}), qui n'a ni ce "
                               "champ ni de date plus récente : à compléter et vérifier auprès de la collectivité",
    "importer.silence.siret-faux": "SIRET de l'export public de la Bibliothèque ({date}) à la clé de contrôle "
                                   "fausse, laissé vide : à demander à la collectivité, jamais à inventer",
    # ------------------------------------------------------------ the report
    "importer.titre": "Import de {fichier} ({lignes} lignes, {encodage}, séparateur {separateur}) dans {depot}",
    "importer.simulation": "Simulation (--dry-run) : aucune fiche n'est écrite.",
    "importer.constats": "Constats",
    "importer.aucun-constat": "Aucun constat : toutes les valeurs ont été importées telles quelles.",
    "importer.fichier-entier": "Fichier",
    "importer.ligne": "Ligne {ligne}",
    "importer.niveau.repare": "réparé",
    "importer.niveau.ecarte": "écarté",
    "importer.niveau.ignore": "ignoré",
    "importer.niveau.info": "info",
    "importer.niveau.avertissement": "attention",
    "importer.fiches": "Fiches",
    "importer.action.cree": "créées",
    "importer.action.mis_a_jour": "mises à jour",
    "importer.action.inchange": "inchangées",
    "importer.action.ignoree": "ignorées",
    "importer.champs": "champs : {champs}",
    "importer.resume": "Fiches : {cree} créée(s), {mis_a_jour} mise(s) à jour, {inchange} inchangée(s), "
                       "{ignoree} ignorée(s) ; {repare} réparation(s), {ecarte} valeur(s) écartée(s), {lignes} "
                       "ligne(s) du fichier ignorée(s).",
    "importer.resume.simulation": "Simulation : {cree} fiche(s) seraient créées, {mis_a_jour} mises à jour, "
                                  "{inchange} inchangées, {ignoree} ignorées ; {repare} réparation(s), {ecarte} "
                                  "valeur(s) écartée(s), {lignes} ligne(s) du fichier ignorée(s).",
    "importer.succes": "Tout a été importé.",
    "importer.incomplet": "Import incomplet : des lignes ont été ignorées ou des valeurs écartées (voir les constats).",
}

EN: dict[str, str] = {
    # ------------------------------------------------------------ help
    "help.import": "Import records from another source (the Bibliothèque d'IA territoriales export).",
    "help.import.bibliotheque": "Import the Bibliothèque d'IA territoriales CSV export: one record per row and one "
                                "per authority, values repaired or left out with their source line; run again, "
                                "it updates what changed without duplicating anything.",
    "help.import.fichier": "CSV file exported from the Bibliothèque (“,” or “;” separated, UTF-8 or Windows-1252).",
    "help.import.dry-run": "Report only: write no record, and show field by field what would be written.",
    "help.import.force": "Write even over a record imported from a more recent export (to go back to an older "
                         "export on purpose).",
    "help.import.format": "Report format: text (default) or json.",
    "help.import.ordre-dates": "Order of day and month in the file's dd/mm/yyyy dates: jma (day/month/year) or mja "
                               "(month/day/year). Without it, the order is taken from the file (a part > 12, the "
                               "order of a row's dates, the export's date); when it is ambiguous, the dates that "
                               "depend on it are left empty and reported.",
    # ------------------------------------------------------------ usage errors
    "importer.fichier-introuvable": "File not found: {chemin}.",
    "importer.fichier-dossier": "{chemin} is a folder, not a CSV file.",
    "importer.fichier-illisible": "Cannot read {chemin}: {erreur}.",
    "importer.fichier-vide": "{chemin} is empty.",
    "importer.encodage-inconnu": "The file is neither UTF-8, UTF-16 nor Windows-1252.",
    "importer.encodage-inconnu.aide": "Save it again as CSV UTF-8 from the spreadsheet.",
    "importer.pas-un-csv": "{chemin} is not a Bibliothèque export: no known column in its first line "
                           "(“{entete}”).",
    "importer.pas-un-csv.binaire": "The file is not a CSV text file (workbook, archive or binary file).",
    "importer.pas-un-csv.aide": "Export the table as CSV; its first line must name the columns (Nom_collectivite, "
                                "Nom_du_projet, SIRET…).",
    "importer.colonnes-manquantes": "Required columns missing from {chemin}: {colonnes}.",
    "importer.colonnes-manquantes.double": "Required columns missing from {chemin}: {colonnes}; the header repeats "
                                           "{doubles}: a mislabelled column is perhaps the missing one.",
    "importer.colonnes-manquantes.aide": "Without the authority's name and the project's name no record can be "
                                         "made; check the first line of the file.",
    "importer.csv-invalide": "Unreadable CSV at line {ligne}: {erreur}.",
    "importer.format-inconnu": "Unknown report format “{valeur}”: text or json.",
    "importer.ordre-dates-inconnu": "Unknown date order “{valeur}”: jma (day/month/year) or mja (month/day/year).",
    # ------------------------------------------------------------ the file
    "importer.encodage-cp1252": "The file is not UTF-8: it was read as Windows-1252 (cp1252). Check the accents "
                                "of the records written.",
    "importer.colonne-inconnue": "Unknown column “{colonne}”: its values are not imported.",
    "importer.colonne-inconnue.proche": "Unknown column “{colonne}” (did you mean {suggestions}?): its values are "
                                        "not imported.",
    "importer.colonne-non-importee": "Column “{colonne}” ({champ}): a structured field one column cannot fill; its "
                                     "values are not imported.",
    "importer.colonne-double": "Column “{colonne}” repeated (already read in “{premiere}”): ignored.",
    "importer.colonne-par-position": "Column {position}, labelled “{colonne}”, is read as “{lue}” from its "
                                     "position (the header is the Bibliothèque export's but for this label).",
    "importer.colonne-absente": "Column “{colonne}” missing from the header: this field will be missing from every "
                                "record.",
    "importer.colonne-absente.obligatoire": "Column “{colonne}” missing from the header: a field every record "
                                            "needs, no row is imported.",
    "importer.aucune-ligne": "The file has no data row (header only): nothing is imported.",
    "importer.fichier-tronque": "The file is truncated: it stops in the middle of line {ligne} (a quoted cell left "
                                "open, or an incomplete row without a line end). Get the whole export.",
    "importer.fin-sans-retour": "Last row without a line end: the file may be cut inside its last cell; check it "
                                "is complete.",
    "importer.ligne-tronquee": "Row cut by the end of the file ({nombre} cell(s) of {colonnes}, the last one "
                               "perhaps cut): row skipped.",
    "importer.ligne-courte": "{nombre} cell(s) for {colonnes} columns: {manque} missing, and which ones cannot be "
                             "told (a cell lost in the middle shifts all the following ones); row skipped.",
    "importer.ligne-longue": "{nombre} cells for {colonnes} columns: the values could be misplaced (a separator in "
                             "an unquoted cell?), row skipped.",
    # ------------------------------------------------------------ values
    "importer.hors-enumeration": "{colonne} “{valeur}” → {code} (value outside the enumeration of the Bibliothèque's "
                                 "data model).",
    "importer.orthographe-export": "{colonne} “{valeur}” → {code} (the spelling of the Bibliothèque's export, outside "
                                   "the enumeration of its data model).",
    "importer.valeur-convertie": "{colonne} “{valeur}” → {code}.",
    "importer.valeur-inconnue": "{colonne} “{valeur}”: unknown value, left out.",
    "importer.valeur-inconnue.proche": "{colonne} “{valeur}”: unknown value (close to {suggestions}), left out.",
    "importer.valeur-inconnue.restreinte": "{colonne}: unknown value (restricted field, value not shown), left out; possible values: {valeurs_possibles}.",
    "importer.valeur-refusee": "{colonne} “{valeur}”: {raison} Left empty.",
    "importer.valeur-remplissage": "{colonne} “{valeur}”: placeholder value, left empty.",
    "importer.une-ligne": "{colonne} on several lines, joined on one: “{valeur}”.",
    "importer.mailto": "{colonne} “{valeur}”: “mailto:” removed.",
    "importer.virgule-decimale": "{colonne} “{valeur}” → {nombre} (decimal comma).",
    "importer.liste-traits-union": "{colonne} “{valeur}” split at hyphens: {elements}.",
    "importer.siret-format": "SIRET “{valeur}”: not 14 digits, left empty (a SIRET is never made up).",
    "importer.siret-cle": "SIRET “{valeur}”: wrong check digit, left empty (a SIRET is never made up).",
    "importer.siret-compacte": "SIRET “{valeur}” → {siret} (spaces and dots removed).",
    "importer.url-completee": "{colonne} “{valeur}” → {url} (https:// added).",
    "importer.url-texte": "{colonne} “{valeur}” is not a web address: left empty.",
    "importer.date-invalide": "{colonne} “{valeur}”: unreadable date, left empty.",
    "importer.date-serie": "{colonne} “{valeur}”: spreadsheet serial number → {date}.",
    "importer.date-convertie": "{colonne} “{valeur}” → {date}.",
    "importer.date-indecise": "{colonne} “{valeur}”: day and month cannot be told apart (the file's date order is "
                              "ambiguous), left empty; run again with --ordre-dates jma or mja.",
    "importer.modele-v0": "Header of the Bibliothèque's first data model (2024): usage_service read as the service's description, cible_service as its audiences, description as the algorithm's, operations as its operations (columns present: {colonnes}).",
    "importer.ordre-dates.jma": "day/month/year",
    "importer.ordre-dates.mja": "month/day/year",
    "importer.ordre-dates.preuve.partie": "line {ligne}, {colonne} “{valeur}” can only be read in this order",
    "importer.ordre-dates.preuve.export": "line {ligne}, {colonne} “{valeur}” would otherwise be after the export "
                                          "({date_export})",
    "importer.ordre-dates.preuve.premier-du-mois": "the {nombre} dates of {colonne} all fall on the 1st of a month in this order (dates entered to the month), all in January in the other",
    "importer.ordre-dates.preuve.ligne": "line {ligne}, the start comes before the update only in this order",
    "importer.ordre-dates.decide": "The file's dates read as {ordre}: {preuve}.",
    "importer.ordre-dates.indecis": "Ambiguous order of day and month: nothing in the file tells it ({nombre} "
                                    "dd/mm/yyyy date(s) with both parts ≤ 12). These dates are left empty; run again "
                                    "with --ordre-dates jma (day/month/year) or mja (month/day/year).",
    "importer.ordre-dates.contradictoire": "The file mixes both orders of day and month: the dates that read only "
                                           "one way are read so, the {nombre} others are left empty; check the file, "
                                           "or run again with --ordre-dates.",
    "importer.ordre-dates.contredit": "--ordre-dates {ordre} is contradicted by the file, which says {autre} "
                                      "({preuve}): {nombre} date(s) unreadable as {ordre}. The given order is not "
                                      "followed: each date readable in one order only is read so, the others are "
                                      "left empty; check the file.",
    "importer.partenaire-mise-en-oeuvre": "{colonne}: a value says how the project is run (in house…), not who "
                                          "with; it goes to “Development and delivery”, a restricted field (value "
                                          "not shown).",
    "importer.type-corrige": "Type {avant} of “{collectivite}” corrected to {apres}: {raison}",
    "importer.raison.paris": "the Ville de Paris has been an authority with special status since 2019; the "
                             "export's Département type is a known error.",
    "importer.type-a-verifier": "Type {code} for “{collectivite}”: the name rather says a syndicate; kept as is, "
                                "to be checked with the authority.",
    # ------------------------------------------------------------ rows and records
    "importer.collectivite-manquante": "Empty authority name: row skipped.",
    "importer.projet-manquant": "Empty project name: row skipped.",
    "importer.collectivite-invalide": "Row skipped: the record of the authority “{collectivite}” cannot be written "
                                      "({erreurs}).",
    "importer.ligne-double": "Same authority and same project as line {ligne}: row skipped.",
    "importer.conflit": "{champ} “{valeur}” of “{collectivite}” differs from line {ligne} (“{premiere}”): the value "
                        "of line {ligne} is kept (that of a row whose SIRET is valid, else the first).",
    "importer.collectivite-rattachee": "“{collectivite}” matched with the existing record {fiche} (by {par}).",
    "importer.par.siret": "SIRET",
    "importer.par.nom": "name",
    "importer.collectivite-proche": "Authority “{collectivite}” created, close to the existing record {fiche} "
                                    "(“{nom}”): check it is not the same one.",
    "importer.fiche-existante": "Project matched with the existing record {fiche}, which the import did not create: "
                                "only the fields it lacks are added.",
    "importer.doublon-possible": "New record, close to the existing record {fiche} (“{nom}”): check whether it is "
                                 "the same project.",
    "importer.valeurs-gardees": "Export values different from {fiche}, kept as they are in the record: {champs}.",
    "importer.vides-gardees": "Cells empty in the export, filled in {fiche}: an import never empties a field, the "
                              "record keeps its values ({champs}); check whether the Bibliothèque removed them.",
    "importer.fiche-invalide": "The record {fiche} would not be valid ({erreurs}): row skipped, nothing written.",
    "importer.mise-a-jour-invalide": "The update would make {fiche} invalid ({erreurs}): record left as it is.",
    "importer.lien-ignore": "{fiche} is a symbolic link (to {cible}): the import does not follow it nor write "
                            "through it; it acts as if what it points to did not exist.",
    "importer.chemin-lien": "{fiche} is not written: its path goes through the symbolic link {lien}, which the "
                            "import does not follow.",
    # ------------------------------------------------------------ comments written in records
    "importer.provenance": "iaterr import bibliotheque: export of {date} ({fichier}).",
    "importer.provenance.sans-date": "iaterr import bibliotheque: undated export ({fichier}).",
    "importer.mise-a-jour-sans-date": "The row's update date cannot be read or decided: the record {fiche} is not "
                                      "updated ({champs} would have changed), its date would no longer say when its "
                                      "content was; run again with --ordre-dates if the date order is ambiguous.",
    "importer.date-inconnue": "unknown date",
    "importer.date-export-inconnue": "Unknown export date: neither the file's name (…-YYYY-MM-DD.csv) nor its update "
                                     "dates give it. Records already imported are not updated, since nothing says "
                                     "this export is newer; run again with --ordre-dates if its dates are "
                                     "ambiguous, name the file with its date, or use --force.",
    "importer.export-plus-ancien.sans-date": "undated export: the record {fiche}, imported from an export of "
                                             "{fiche_date}, is not updated (nothing says this export is newer; "
                                             "--force to impose it).",
    "importer.export-plus-ancien.export": "export of {date}, older than the one of {fiche_date} the record {fiche} "
                                          "comes from: nothing is changed (--force to go back to this export).",
    "importer.export-plus-ancien.date": "export of {date}: the record {fiche} was updated more recently "
                                        "({fiche_date}) than this row: nothing is changed (--force to go back to "
                                        "this export).",
    "importer.devient-public": "“{champ}” (column {colonne}), restricted in the Bibliothèque, is public in "
                               "iaterr; rows giving it a value: {lignes}. {raison}",
    "importer.devient-public.l312": "The law requires its publication: the rules of a processing that founds "
                                    "individual decisions are published online (L312-1-3), its data and operations "
                                    "included (R311-3-1-2, 2° and 4°), by an authority with 50 agents or more "
                                    "(D312-1-4), as its record says.",
    "importer.devient-public.l312-presumee": "The law requires its publication: the rules of a processing that "
                                             "founds individual decisions are published online (L312-1-3), its data "
                                             "and operations included (R311-3-1-2, 2° and 4°). Only an authority "
                                             "with fewer than 50 agents is exempt (D312-1-4); its record does not "
                                             "give its headcount.",
    "importer.reste-restreint": "“{champ}” (column {colonne}) is restricted in the Bibliothèque and public in "
                                "iaterr: its value is not imported (rows {lignes}), so that it does not become "
                                "public without the authority deciding so. {raison}",
    "importer.reste-restreint.sans-decision": "The law requires its publication only for a processing that founds "
                                              "individual decisions (L312-1-3), which the record does not say. To "
                                              "publish it, add it with “iaterr edit”.",
    "importer.reste-restreint.dispense": "The authority has fewer than 50 agents: it is exempt from publishing the "
                                         "rules of its processings online (D312-1-4), even when they found individual "
                                         "decisions. To publish it all the same, add it with “iaterr edit”.",
    "importer.reste-restreint.aucun-texte": "No text requires its publication. To publish it, add it with "
                                            "“iaterr edit”.",
    "importer.diff.avant": "before",
    "importer.diff.apres": "after",
    "importer.diff.vide": "(empty)",
    "importer.diff.restreint": "(restricted field: value not shown)",
    "importer.marqueur": "Record created by “iaterr import bibliotheque”: each import updates the fields of the "
                         "Bibliothèque d'IA territoriales export in it; other fields and comments are kept.",
    "importer.silence.absent": "record taken from the Bibliothèque's public export ({date}), which has neither "
                               "this field nor a more recent date: to be completed and checked with the authority",
    "importer.silence.siret-faux": "SIRET of the Bibliothèque's public export ({date}) with a wrong check digit, "
                                   "left empty: to be asked from the authority, never made up",
    # ------------------------------------------------------------ the report
    "importer.titre": "Import of {fichier} ({lignes} rows, {encodage}, separator {separateur}) into {depot}",
    "importer.simulation": "Dry run (--dry-run): no record is written.",
    "importer.constats": "Findings",
    "importer.aucun-constat": "No finding: every value was imported as it is.",
    "importer.fichier-entier": "File",
    "importer.ligne": "Line {ligne}",
    "importer.niveau.repare": "repaired",
    "importer.niveau.ecarte": "left out",
    "importer.niveau.ignore": "skipped",
    "importer.niveau.info": "info",
    "importer.niveau.avertissement": "warning",
    "importer.fiches": "Records",
    "importer.action.cree": "created",
    "importer.action.mis_a_jour": "updated",
    "importer.action.inchange": "unchanged",
    "importer.action.ignoree": "skipped",
    "importer.champs": "fields: {champs}",
    "importer.resume": "Records: {cree} created, {mis_a_jour} updated, {inchange} unchanged, {ignoree} skipped; "
                       "{repare} repair(s), {ecarte} value(s) left out, {lignes} row(s) of the file skipped.",
    "importer.resume.simulation": "Dry run: {cree} record(s) would be created, {mis_a_jour} updated, {inchange} "
                                  "unchanged, {ignoree} skipped; {repare} repair(s), {ecarte} value(s) left out, "
                                  "{lignes} row(s) of the file skipped.",
    "importer.succes": "Everything was imported.",
    "importer.incomplet": "Incomplete import: rows were skipped or values left out (see the findings).",
}
