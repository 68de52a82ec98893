"""Texts of the explicability notice, of the mention explicite and of the answer to one person, French and English
side by side. Articles are never written here: they come from :mod:`iaterr.model.droit` as parameters."""

FR: dict[str, str] = {
    "notice.titre": "Notice d'explicabilité",
    "notice.intro": "Cette notice explique le traitement algorithmique « {nom} » mis en œuvre "
                    "{par_collectivite} : à quoi il sert, comment il contribue aux décisions, quelles "
                    "données et quels paramètres il utilise, et comment exercer vos droits.",
    "notice.evitement": "Aller au contenu",
    "notice.sep": " : ",
    "notice.incomplete.titre": "Notice incomplète",
    "notice.incomplete.texte": "Il manque des éléments que la loi exige :",
    "notice.element.requis": "Élément manquant : {titre} ({reference}) — à compléter.",
    "notice.element.conditionnel": "Élément non renseigné : {titre} — exigé si ce traitement fonde ou prépare des "
                                   "décisions individuelles ({reference}) ; à compléter.",
    "notice.element.recommande": "Élément recommandé : {titre} — pour exercer le droit d'accès aux documents "
                                 "({reference}) ; à compléter.",
    "notice.incomplete.conditionnel": "Si ce traitement fonde ou prépare des décisions individuelles, la loi "
                                      "exige aussi :",
    "notice.incomplete.recommande": "Éléments recommandés (non exigés par la loi pour un traitement sans "
                                    "décision individuelle) :",
    "notice.bloquant.titre": "Ne pas utiliser",
    "notice.bloquant.texte": "Ce que la fiche déclare n'est pas permis par la loi, ou ne permet pas de dire si "
                             "ça l'est ; ni cette notice ni la mention explicite ne peuvent être utilisées en "
                             "l'état :",
    "notice.bloquant.interdit": "{regime} — interdit : {motifs} ({refs})",
    "notice.bloquant.a-preciser": "{regime} — à préciser : {motifs}",
    "notice.titre.niveau-contradictoire": "Niveau d'automatisation : « Aucune décision » contredit « "
                                          "decisions_individuelles : oui »",
    "notice.titre.ponderation": "Pondération appliquée au paramètre « {nom} » (ou « aucune »)",
    "notice.decisions-inconnues": "La fiche ne dit pas si ce traitement fonde ou prépare des décisions "
                                  "individuelles : les obligations de transparence qui s'appliquent ne peuvent pas "
                                  "être établies. Cette notice est à compléter.",
    "notice.sans-decision": "Ce traitement ne fonde ni ne prépare de décision individuelle : la mention explicite "
                            "et la communication de ses règles ({l} ; {r}) ne s'appliquent pas. Cette notice est "
                            "publiée par souci de transparence.",
    "notice.titre.canal": "Où adresser une demande (adresse électronique, formulaire en ligne ou adresse postale)",
    "notice.titre.personnelles": "Caractère personnel des données traitées",
    "notice.titre.valeur": "Valeur retenue pour le paramètre « {nom} »",
    "notice.s.traitement": "À quoi sert ce traitement ?",
    "notice.s.contribution": "Quel rôle joue-t-il dans la décision ?",
    "notice.s.donnees": "Quelles données utilise-t-il ?",
    "notice.s.parametres": "Quels critères prend-il en compte, et avec quel poids ?",
    "notice.s.operations": "Comment fonctionne-t-il ?",
    "notice.s.droits": "Vos droits",
    "notice.s.rgpd": "Vos données personnelles",
    "notice.s.base": "Sur quel texte repose-t-il ?",
    "notice.s.ia": "Est-ce de l'intelligence artificielle ?",
    "notice.s.plus": "Pour en savoir plus",
    "notice.st.traitement": "Finalité du traitement ({ref})",
    "notice.st.contribution": "1. Degré et mode de contribution à la décision ({ref})",
    "notice.st.donnees": "2. Données traitées et leurs sources ({ref})",
    "notice.st.parametres": "3. Paramètres et leur pondération ({ref})",
    "notice.st.operations": "4. Opérations effectuées ({ref})",
    "notice.st.droits": "Communication des règles et des documents, délais et recours ({ref})",
    "notice.st.rgpd": "Information des personnes ({ref})",
    "notice.st.base": "Base légale",
    "notice.st.ia": "Règlement européen sur l'intelligence artificielle ({ref})",
    "notice.finalite": "Finalité",
    "notice.description": "Description",
    "notice.statut": "Statut",
    "notice.depuis": "depuis {date}",
    "notice.jusqu": "jusqu'en {date}",
    "notice.depuis-jour": "depuis le {date}",
    "notice.jusqu-jour": "jusqu'au {date}",
    # a project's dates after its status: started, ended, or to come (« Terminé, de 2019 à 2021 »)
    "notice.commence": "commencé en {date}",
    "notice.commence-jour": "commencé le {date}",
    "notice.fini": "en {date}",
    "notice.fini-jour": "le {date}",
    "notice.a-partir": "à partir de {date}",
    "notice.a-partir-jour": "à partir du {date}",
    # a period: its start after « de » or « du » (a day), its end after « à » or « au » (a day)
    "notice.periode.de-a": "de {debut} à {fin}",
    "notice.periode.de-au": "de {debut} au {fin}",
    "notice.periode.du-a": "du {debut} à {fin}",
    "notice.periode.du-au": "du {debut} au {fin}",
    "notice.publics": "Publics",
    "notice.personnes": "Personnes concernées",
    "notice.automatisation": "Niveau d'automatisation",
    "notice.nb-decisions": "Décisions par an (environ)",
    "notice.supervision": "Contrôle humain",
    "notice.donnee": "Données",
    "notice.source": "Source",
    "notice.fournisseur": "Fournisseur",
    "notice.collecte": "Collecte",
    "notice.personnelles": "Données personnelles",
    "notice.oui": "oui",
    "notice.non": "non",
    "notice.type-algo": "Type d'algorithme",
    "notice.parametre": "Paramètre",
    "notice.ponderation": "Pondération",
    "notice.aucun-parametre": "Aucun paramètre n'est décrit.",
    "notice.aucune-donnee": "Aucune donnée n'est décrite.",
    # ------------------------------------------------------------ your rights
    "notice.droits.regles": "Vous pouvez obtenir, sur demande, la communication des règles qui définissent ce "
                            "traitement et des principales caractéristiques de sa mise en œuvre : le degré et le "
                            "mode de sa contribution à la décision, les données traitées et leurs sources, les "
                            "paramètres et leur pondération appliqués à votre situation, les opérations "
                            "effectuées ({l} ; {r}).",
    "notice.droits.documents": "Vous pouvez demander la communication des documents administratifs qui se "
                               "rapportent à ce traitement ({ref}).",
    "notice.droits.adresser": "Adressez votre demande {a_collectivite} :",
    "notice.canal.courriel": "par courriel : {adresse}",
    "notice.canal.formulaire": "par le formulaire en ligne : {url}",
    "notice.canal.courrier": "par courrier : {adresse}",
    "notice.canal.prada": "La personne responsable de l'accès aux documents administratifs (PRADA) traite ces "
                          "demandes : {prada}.",
    "notice.exercer": "Précisions de la collectivité",
    "notice.objection": "S'opposer ou demander un réexamen",
    "notice.regles": "Règles publiées",
    "notice.droits.silence": "Sans réponse dans le délai d'un mois à compter de la réception de votre demande, "
                             "celle-ci est réputée refusée ({ref}).",
    "notice.droits.cada": "Après un refus, exprès ou implicite, vous disposez de deux mois pour saisir la "
                          "Commission d'accès aux documents administratifs (CADA, www.cada.fr) ({ref}).",
    "notice.droits.cada-prealable": "La saisine de la CADA est obligatoire avant tout recours devant le tribunal "
                                    "administratif ({ref}).",
    "notice.droits.secrets": "La communication se fait sous réserve des secrets protégés par la loi ({ref}).",
    "notice.droits.secrets-fiche": "Pour ce traitement, la collectivité indique : {texte}",
    # ------------------------------------------------------------ personal data
    "notice.rgpd.intro": "Ce traitement utilise des données personnelles : {sources}. Le règlement général sur la "
                         "protection des données vous donne droit aux informations suivantes ({ref}).",
    "notice.rgpd.non-declare": "La fiche ne dit pas si ces données sont personnelles : {sources}.",
    "notice.rgpd.responsable": "Responsable du traitement",
    "notice.rgpd.dpo": "Délégué à la protection des données",
    "notice.rgpd.finalite": "Finalité du traitement",
    "notice.rgpd.base": "Base légale du traitement",
    "notice.rgpd.duree": "Durée de conservation des données",
    "notice.rgpd.droits": "Vous pouvez demander l'accès à vos données, leur rectification, leur effacement ou la "
                          "limitation de leur traitement, et vous opposer à leur traitement, dans les conditions "
                          "prévues par le règlement ({ref}).",
    "notice.rgpd.demandes": "Pour exercer ces droits, adressez-vous au délégué à la protection des données "
                            "indiqué ci-dessus.",
    # without a DPO named: the controller, by the channels of « Vos droits » when the notice gives some
    "notice.rgpd.demandes-responsable": "Pour exercer ces droits, adressez-vous {a_collectivite}, responsable du "
                                        "traitement, par l'un des moyens indiqués ci-dessus (« Vos droits »).",
    "notice.rgpd.demandes-responsable-seul": "Pour exercer ces droits, adressez-vous {a_collectivite}, "
                                             "responsable du traitement.",
    "notice.rgpd.decision-automatisee": "Les décisions prises avec ce traitement sont entièrement automatisées. "
                                        "La logique sous-jacente est décrite par le degré et le mode de sa "
                                        "contribution à la décision, les paramètres et les opérations ci-dessus "
                                        "(points 1, 3 et 4) ; ses conséquences envisagées pour vous sont "
                                        "indiquées ci-dessous ({ref}).",
    "notice.rgpd.consequences": "Conséquences envisagées pour vous (portée de la décision)",
    "notice.rgpd.destinataires": "Destinataires des données",
    "notice.rgpd.destinataires-non-indiques": "la fiche ne les indique pas",
    "notice.rgpd.recours": "Recours administratif contre une décision entièrement automatisée : {texte} ({ref})",
    "notice.rgpd.cnil": "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
                        "réclamation à la Commission nationale de l'informatique et des libertés (CNIL, "
                        "www.cnil.fr) ({ref}).",
    # ------------------------------------------------------------ AI Act
    "notice.ia.pas-ia": "La collectivité déclare que ce traitement n'est pas un système d'intelligence "
                        "artificielle au sens du règlement européen sur l'IA ({ref}) : les obligations de ce "
                        "règlement ne s'y appliquent pas.",
    "notice.ia.pas-ia-contredit": "La collectivité déclare que ce traitement n'est pas un système d'intelligence "
                                  "artificielle au sens du règlement européen sur l'IA ({ref}), mais d'autres "
                                  "réponses de la fiche le contredisent ({champs}). Tant que la fiche n'est pas "
                                  "corrigée, cette notice ne dit pas quelles obligations de ce règlement "
                                  "s'appliquent.",
    "notice.titre.ia-contredit": "Système d'intelligence artificielle : la réponse « non » est contredite par "
                                 "d'autres réponses de la fiche",
    "notice.titre.regles-presumees": "{titre} — dues sauf si la collectivité en est dispensée par son effectif, "
                                     "que sa fiche ne donne pas (« nombre_agents »)",
    "notice.et": " et ",
    "notice.sep-liste": " ; ",
    "notice.ia.oui": "La collectivité déclare que ce traitement est un système d'intelligence artificielle au sens "
                     "du règlement européen sur l'IA ({ref}).",
    "notice.ia.non-declare": "La fiche ne dit pas si ce traitement est un système d'intelligence artificielle au "
                             "sens du règlement européen sur l'IA ({ref}).",
    "notice.risque": "Niveau de risque",
    "notice.risque-declare": "Niveau de risque indiqué par la fiche",
    "notice.domaines": "Domaines de l'annexe III",
    "notice.info-ia": "Information des personnes",
    "notice.signalement": "Signalement des textes générés par l'IA",
    "notice.base-ue": "Enregistrement de son utilisation par la collectivité dans la base de données de l'UE",
    "notice.base-ue-fournisseur": "Entrée du fournisseur dans la base de données de l'UE",
    "notice.ia.annexe-iii": "Obligations des systèmes à haut risque de l'annexe III ({ref}) : {quand}.",
    "notice.ia.art86": "Droit d'obtenir des explications sur le rôle du système d'IA dans une décision qui vous "
                       "concerne ({ref}) : {quand}.",
    "notice.ia.art50": "Obligations de transparence envers les personnes ({ref}) : {quand}.",
    "notice.analyses": "Analyses d'impact",
    "notice.non-renseigne": "non renseigné",
    "notice.infos": "Page d'information",
    "notice.code": "Code source",
    "notice.partenaires": "Partenaires",
    "notice.fournisseurs": "Fournisseurs",
    "notice.maj": "Informations à jour en {date}.",
    "notice.maj-jour": "Informations à jour au {date}.",
    "notice.genere": "Notice générée le {date} par iaterr {version}.",
    "notice.imprimer": "Imprimer ou enregistrer en PDF",
    # ------------------------------------------------------------ mention explicite
    "mention.titre": "Information sur l'utilisation d'un traitement algorithmique",
    "mention.fonde": "Cette décision a été prise sur le fondement d'un traitement algorithmique.",
    "mention.degre.aide_decision": "Ce traitement a aidé à la préparer ; une personne a pris la décision.",
    "mention.degre.decision_assistee": "Elle a été en partie automatisée, puis validée par une personne.",
    "mention.degre.decision_automatisee": "Elle a été entièrement automatisée.",
    "mention.finalite": "Ce traitement a pour finalité : {finalite}",
    "mention.droit": "Vous avez le droit d'obtenir la communication des règles qui définissent ce traitement et des "
                     "principales caractéristiques de sa mise en œuvre ({l} ; {r}).",
    "mention.exercer": "Pour exercer ce droit, adressez votre demande {a_collectivite} :",
    "mention.regles": "Les règles de ce traitement sont publiées à l'adresse : {url}",
    "mention.manque": "[À COMPLÉTER : {titre}]",
    "mention.sep-canaux": " ; ",
    "mention.sans-objet": "Le cas d'usage « {identifiant} » ne fonde ni ne prépare de décision individuelle "
                          "(decisions_individuelles: false) : aucune mention explicite n'est due.",
    "mention.inconnu": "La fiche « {identifiant} » ne dit pas si le traitement fonde ou prépare des décisions "
                       "individuelles : renseignez « decisions_individuelles ».",
    # ------------------------------------------------------------ answer to one person
    "reponse.titre": "Communication des règles d'un traitement algorithmique",
    "reponse.reference": "Votre demande",
    "reponse.date": "Décision du",
    "reponse.intro": "En réponse à votre demande, {la_collectivite} vous communique les règles du "
                     "traitement algorithmique « {nom} » et les principales caractéristiques de sa mise en œuvre, "
                     "appliquées à votre situation ({ref}).",
    "reponse.incomplete.titre": "Réponse incomplète",
    "reponse.incomplete.texte": "Il manque des éléments que la loi exige ; complétez-les avant d'envoyer cette "
                                "réponse :",
    "reponse.s.parametres": "3. Paramètres et pondération appliqués à votre situation",
    "reponse.valeur": "Valeur retenue pour vous",
    "reponse.a-completer": "à compléter",
    "reponse.recours": "Si vous estimez que cette communication est incomplète, vous pouvez saisir la Commission "
                       "d'accès aux documents administratifs (CADA, www.cada.fr) dans les deux mois suivant la "
                       "réception de cette réponse ({ref}) : la CADA traite une communication incomplète comme un "
                       "refus partiel.",
    "reponse.bloquant.texte": "Ce que la fiche déclare n'est pas permis par la loi, ou ne permet pas de dire si "
                              "ça l'est ; cette réponse ne peut pas être envoyée en l'état :",
    "reponse.genere": "Réponse préparée le {date} avec iaterr {version}.",
    # ------------------------------------------------------------ the file to fill for one person
    "modele.entete": "Réponse à une demande de communication des règles du traitement « {nom} » ({identifiant}, "
                     "{collectivite})",
    "modele.personnel": "Ce fichier contient des données personnelles : ne le versez pas dans le dépôt, "
                        "supprimez-le une fois la réponse envoyée.",
    "modele.consigne": "Pour chaque paramètre, écrivez dans « valeur » la valeur retenue pour la personne.",
    "modele.commande": "Puis : iaterr notice {identifiant} --pour CE-FICHIER [--format html] [-o REPONSE]",
    "modele.reference": "facultatif : la référence de la demande",
    "modele.date": "facultatif : la date de la décision (AAAA-MM-JJ)",
    "modele.aucun": "la fiche ne décrit aucun paramètre",
    "modele.description": "{texte}",
    "modele.valeur": "à remplir",
    "modele.ponderation": "pondération du traitement : {ponderation} ; si une autre a été appliquée, écrivez-la "
                          "ci-dessous",
    "modele.ponderation-facultative": "la pondération appliquée, ou « aucune » si ce paramètre n'est pas pondéré",
    # ------------------------------------------------------------ reading that file
    "notice.pour.introuvable": "Le fichier « {fichier} » n'existe pas.",
    "notice.pour.illisible": "Le fichier « {fichier} » ne peut pas être lu : {erreur}.",
    "notice.pour.lien": "« {fichier} » est un lien symbolique : iaterr ne le suit pas.",
    "notice.pour.lien.aide": "Donnez le chemin du fichier lui-même.",
    "notice.pour.pas-un-fichier": "« {fichier} » n'est pas un fichier ordinaire.",
    "notice.pour.trop-grand": "Le fichier « {fichier} » dépasse {limite} Ko : ce n'est pas un fichier de valeurs "
                              "pour une personne.",
    "notice.pour.encodage": "Le fichier « {fichier} » n'est pas écrit en UTF-8.",
    "notice.pour.syntaxe": "Le fichier « {fichier} » n'est pas un YAML valide (ligne {ligne}).",
    "notice.pour.syntaxe.aide": "Vérifiez l'indentation et les deux-points de cette ligne ; au besoin, repartez d'un "
                                "modèle (--modele-pour).",
    "notice.pour.inutilisable": "Le fichier « {fichier} » ne peut pas être lu : une valeur n'a pas la forme attendue "
                                "(une date impossible, par exemple : écrivez AAAA-MM-JJ).",
    "notice.pour.valeur-forme-racine": "Dans le fichier « {fichier} », « {cle} » doit être un texte, pas une liste ni "
                                      "un dictionnaire.",
    "notice.pour.racine": "Le fichier « {fichier} » doit contenir les clés reference, date_decision et parametres.",
    "notice.pour.modele.aide": "Écrivez un modèle à remplir avec : iaterr notice ID --modele-pour FICHIER",
    "notice.pour.cle-inconnue": "Le fichier « {fichier} » contient une clé inconnue : {cles}. Clés possibles : "
                                "{connues}.",
    "notice.pour.parametres-liste": "Dans le fichier « {fichier} », « parametres » doit être une liste.",
    "notice.pour.parametre-forme": "Dans le fichier « {fichier} », le paramètre n° {numero} doit avoir un nom et "
                                   "une valeur (nom:, valeur:).",
    "notice.pour.parametre-cle": "Dans le fichier « {fichier} », le paramètre n° {numero} contient une clé "
                                 "inconnue : {cles}. Clés possibles : {connues}.",
    "notice.pour.parametre-sans-nom": "Dans le fichier « {fichier} », le paramètre n° {numero} n'a pas de nom.",
    "notice.pour.parametre-double": "Dans le fichier « {fichier} », le paramètre « {nom} » figure deux fois.",
    "notice.pour.valeur-forme": "Dans le fichier « {fichier} », « {cle} » (paramètre n° {numero}) doit être un "
                                "texte ou un nombre, pas une liste ni un dictionnaire.",
    "notice.pour.nom-inconnu": "Le fichier « {fichier} » nomme des paramètres que la fiche « {identifiant} » n'a "
                               "pas : {noms}. Paramètres de la fiche : {connus}.",
    "notice.pour.nom-inconnu.aide": "Recopiez les noms tels qu'ils sont dans la fiche, ou écrivez un modèle avec "
                                    "--modele-pour.",
    "notice.pour.nom-inconnu.proche": "Vouliez-vous dire {proches} ? Recopiez les noms tels qu'ils sont dans la "
                                      "fiche.",
    # ------------------------------------------------------------ command line
    "notice.cli.incomplete": "Notice incomplète : il manque {champs}. Ne la publiez pas en l'état.",
    "notice.cli.decisions-inconnues": "La fiche ne dit pas si le traitement fonde des décisions individuelles "
                                      "(« decisions_individuelles ») : notice à compléter.",
    "notice.cli.degre-inconnu": "La fiche ne déclare pas le niveau d'automatisation de la décision "
                                "(« niveau_automatisation ») : la mention n'en dit rien. Renseignez-le.",
    "notice.cli.mention-incomplete": "Mention incomplète : il manque {champs}. Ne l'utilisez pas en l'état.",
    "notice.cli.conditionnel": "Si le traitement fonde ou prépare des décisions individuelles, il manque aussi : "
                               "{champs}.",
    "notice.cli.recommande": "Notice à compléter (recommandé, non exigé par la loi) : {champs}.",
    "notice.cli.bloquant": "Ce que la fiche déclare est interdit par la loi ou reste à préciser : {regimes}. "
                           "N'utilisez ni la notice ni la mention en l'état (voir « iaterr qualification »).",
    "notice.cli.bloquant-reponse": "Ce que la fiche déclare est interdit par la loi ou reste à préciser : "
                                   "{regimes}. N'envoyez pas cette réponse en l'état (voir « iaterr "
                                   "qualification »).",
    "notice.cli.a-verifier": "À vérifier avec le service juridique avant publication (voir « iaterr "
                             "qualification ») :",
    "notice.cli.a-preciser": "À préciser dans la fiche : sans ces réponses, la qualification ne peut pas conclure "
                             "(voir « iaterr qualification ») :",
    "notice.cli.regime": "{regime} : {motifs}",
    "notice.cli.ligne": "  – {texte}",
    "notice.cli.degre-contradictoire": "La fiche déclare des décisions individuelles (« decisions_individuelles : "
                                       "oui ») et « niveau_automatisation : sans_decision » : elle se contredit, "
                                       "la mention ne dit rien du degré d'automatisation. Corrigez l'un des deux.",
    "notice.cli.reponse-incomplete": "Réponse incomplète : il manque {champs}. Ne l'envoyez pas en l'état.",
    "notice.cli.pour-sans-objet": "Le cas d'usage « {identifiant} » ne fonde ni ne prépare de décision "
                                  "individuelle (decisions_individuelles: false) : il n'y a pas de paramètres à "
                                  "appliquer à la situation d'une personne.",
    "notice.cli.pour-et-modele": "--pour et --modele-pour ne vont pas ensemble : écrivez d'abord le modèle, "
                                 "remplissez-le, puis donnez-le à --pour.",
    "notice.cli.modele-et-sortie": "--modele-pour écrit le fichier qu'il nomme : --out et --format ne s'y "
                                   "appliquent pas.",
    "notice.cli.dans-depot": "« {chemin} » est dans le dépôt {depot} : une réponse à une personne contient des "
                             "données personnelles et ne s'écrit pas dans le dépôt.",
    "notice.cli.dans-depot.aide": "Écrivez-la hors du dépôt (par exemple dans votre dossier personnel), puis "
                                  "supprimez-la une fois envoyée.",
    "notice.cli.pour-dans-depot": "Attention : « {chemin} » est dans le dépôt. Il contient des données "
                                  "personnelles : ne le versez pas (git add), déplacez-le hors du dépôt.",
    "notice.cli.modele-existe": "« {chemin} » existe déjà : iaterr ne l'écrase pas (il contient peut-être des "
                                "valeurs déjà remplies).",
    "notice.cli.modele-ecrit": "Modèle écrit : {chemin}. Remplissez une valeur par paramètre, puis : iaterr notice "
                               "{identifiant} --pour {chemin}",
    "notice.cli.modele-sans-parametre": "La fiche « {identifiant} » ne décrit aucun paramètre ({ref}) : "
                                        "le modèle n'a rien à remplir.",
    "help.notice": "Écrit la notice d'explicabilité d'un cas d'usage (Markdown ou HTML imprimable), prête à "
                   "publier ; avec --pour, la réponse à la demande d'une personne. Échoue (code 1) si un élément "
                   "exigé par la loi manque.",
    "help.notice.id": "Identifiant du cas d'usage.",
    "help.notice.format": "md (Markdown) ou html (page autonome, imprimable).",
    "help.notice.pour": "Fichier YAML des valeurs retenues pour une personne (hors du dépôt) : écrit la réponse à "
                        "sa demande, paramètres appliqués à sa situation.",
    "help.notice.modele-pour": "Écrit dans ce fichier (hors du dépôt) le modèle à remplir pour --pour, avec les "
                               "paramètres de la fiche.",
    "help.mention": "Écrit la mention explicite à porter sur les décisions individuelles prises avec "
                    "ce traitement.",
}

EN: dict[str, str] = {
    "notice.titre": "Explicability notice",
    "notice.intro": "This notice explains the algorithmic processing “{nom}” used by "
                    "{par_collectivite}: what it is for, how it contributes to decisions, which data and parameters "
                    "it uses, and how to exercise your rights.",
    "notice.evitement": "Skip to content",
    "notice.sep": ": ",
    "notice.incomplete.titre": "Incomplete notice",
    "notice.incomplete.texte": "Items required by law are missing:",
    "notice.element.requis": "Missing item: {titre} ({reference}) — to be completed.",
    "notice.element.conditionnel": "Item not given: {titre} — required if this processing underlies or prepares "
                                   "individual decisions ({reference}); to be completed.",
    "notice.element.recommande": "Recommended item: {titre} — to exercise the right of access to documents "
                                 "({reference}); to be completed.",
    "notice.incomplete.conditionnel": "If this processing underlies or prepares individual decisions, the law also "
                                      "requires:",
    "notice.incomplete.recommande": "Recommended items (not required by law for a processing without individual "
                                    "decisions):",
    "notice.bloquant.titre": "Do not use",
    "notice.bloquant.texte": "What the record declares is not allowed by law, or does not tell whether it is; "
                             "neither this notice nor the explicit mention can be used as they are:",
    "notice.bloquant.interdit": "{regime} — forbidden: {motifs} ({refs})",
    "notice.bloquant.a-preciser": "{regime} — to be specified: {motifs}",
    "notice.titre.niveau-contradictoire": "Level of automation: “No decision” contradicts "
                                          "“decisions_individuelles: yes”",
    "notice.titre.ponderation": "Weighting applied to parameter “{nom}” (or “aucune”, none)",
    "notice.decisions-inconnues": "The record does not say whether this processing underlies or prepares "
                                  "individual decisions: the transparency duties that apply cannot be "
                                  "established. This notice is to be completed.",
    "notice.sans-decision": "This processing neither underlies nor prepares individual decisions: the explicit "
                            "mention and the communication of its rules ({l}; {r}) do not apply. This notice is "
                            "published for transparency.",
    "notice.titre.canal": "Where to send a request (e-mail address, online form or postal address)",
    "notice.titre.personnelles": "Whether the data processed are personal",
    "notice.titre.valeur": "Value taken for the parameter “{nom}”",
    "notice.s.traitement": "What is this processing for?",
    "notice.s.contribution": "What part does it play in the decision?",
    "notice.s.donnees": "Which data does it use?",
    "notice.s.parametres": "Which criteria does it take into account, and how much does each weigh?",
    "notice.s.operations": "How does it work?",
    "notice.s.droits": "Your rights",
    "notice.s.rgpd": "Your personal data",
    "notice.s.base": "Which legal text is it based on?",
    "notice.s.ia": "Is it artificial intelligence?",
    "notice.s.plus": "Further information",
    "notice.st.traitement": "Purpose of the processing ({ref})",
    "notice.st.contribution": "1. Degree and mode of contribution to the decision ({ref})",
    "notice.st.donnees": "2. Data processed and their sources ({ref})",
    "notice.st.parametres": "3. Parameters and their weighting ({ref})",
    "notice.st.operations": "4. Operations carried out ({ref})",
    "notice.st.droits": "Communication of the rules and documents, time limits and appeals ({ref})",
    "notice.st.rgpd": "Information of the people concerned ({ref})",
    "notice.st.base": "Legal basis",
    "notice.st.ia": "EU Artificial Intelligence Act ({ref})",
    "notice.finalite": "Purpose",
    "notice.description": "Description",
    "notice.statut": "Status",
    "notice.depuis": "since {date}",
    "notice.jusqu": "until {date}",
    "notice.depuis-jour": "since {date}",
    "notice.jusqu-jour": "until {date}",
    "notice.commence": "started in {date}",
    "notice.commence-jour": "started on {date}",
    "notice.fini": "in {date}",
    "notice.fini-jour": "on {date}",
    "notice.a-partir": "from {date}",
    "notice.a-partir-jour": "from {date}",
    "notice.periode.de-a": "from {debut} to {fin}",
    "notice.periode.de-au": "from {debut} to {fin}",
    "notice.periode.du-a": "from {debut} to {fin}",
    "notice.periode.du-au": "from {debut} to {fin}",
    "notice.publics": "Audiences",
    "notice.personnes": "People affected",
    "notice.automatisation": "Level of automation",
    "notice.nb-decisions": "Decisions per year (approx.)",
    "notice.supervision": "Human oversight",
    "notice.donnee": "Data",
    "notice.source": "Source",
    "notice.fournisseur": "Provider",
    "notice.collecte": "Collection",
    "notice.personnelles": "Personal data",
    "notice.oui": "yes",
    "notice.non": "no",
    "notice.type-algo": "Type of algorithm",
    "notice.parametre": "Parameter",
    "notice.ponderation": "Weighting",
    "notice.aucun-parametre": "No parameter is described.",
    "notice.aucune-donnee": "No data are described.",
    # ------------------------------------------------------------ your rights
    "notice.droits.regles": "You may obtain, on request, the rules that define this processing and the main "
                            "features of its implementation: the degree and mode of its contribution to the "
                            "decision, the data processed and their sources, the parameters and their weighting "
                            "applied to your situation, the operations carried out ({l}; {r}).",
    "notice.droits.documents": "You may ask for the administrative documents relating to this processing ({ref}).",
    "notice.droits.adresser": "Send your request to {a_collectivite}:",
    "notice.canal.courriel": "by e-mail: {adresse}",
    "notice.canal.formulaire": "through the online form: {url}",
    "notice.canal.courrier": "by post: {adresse}",
    "notice.canal.prada": "The officer responsible for access to administrative documents (PRADA) handles these "
                          "requests: {prada}.",
    "notice.exercer": "Details from the local authority",
    "notice.objection": "Objecting or asking for a review",
    "notice.regles": "Published rules",
    "notice.droits.silence": "Without an answer within one month of receipt of your request, it is deemed refused "
                             "({ref}).",
    "notice.droits.cada": "After a refusal, express or implied, you have two months to refer the matter to the "
                          "Commission d'accès aux documents administratifs (CADA, www.cada.fr) ({ref}).",
    "notice.droits.cada-prealable": "Referral to the CADA is required before any appeal to the administrative "
                                    "court ({ref}).",
    "notice.droits.secrets": "Communication is subject to the secrets protected by law ({ref}).",
    "notice.droits.secrets-fiche": "For this processing, the local authority states: {texte}",
    # ------------------------------------------------------------ personal data
    "notice.rgpd.intro": "This processing uses personal data: {sources}. The General Data Protection Regulation "
                         "entitles you to the following information ({ref}).",
    "notice.rgpd.non-declare": "The record does not say whether these data are personal: {sources}.",
    "notice.rgpd.responsable": "Controller",
    "notice.rgpd.dpo": "Data protection officer",
    "notice.rgpd.finalite": "Purpose of the processing",
    "notice.rgpd.base": "Legal basis of the processing",
    "notice.rgpd.duree": "Retention period of the data",
    "notice.rgpd.droits": "You may ask for access to your data, their rectification, their erasure or the "
                          "restriction of their processing, and object to their processing, under the conditions "
                          "set by the regulation ({ref}).",
    "notice.rgpd.demandes": "To exercise these rights, contact the data protection officer given above.",
    "notice.rgpd.demandes-responsable": "To exercise these rights, contact {a_collectivite}, the controller, by "
                                        "one of the means given above (“Your rights”).",
    "notice.rgpd.demandes-responsable-seul": "To exercise these rights, contact {a_collectivite}, the controller.",
    "notice.rgpd.decision-automatisee": "The decisions taken with this processing are fully automated. The logic "
                                        "involved is described by the degree and mode of its contribution to the "
                                        "decision, the parameters and the operations above (items 1, 3 and 4); "
                                        "its envisaged consequences for you are given below ({ref}).",
    "notice.rgpd.consequences": "Envisaged consequences for you (scope of the decision)",
    "notice.rgpd.destinataires": "Recipients of the data",
    "notice.rgpd.destinataires-non-indiques": "not given by the record",
    "notice.rgpd.recours": "Administrative appeal against a fully automated decision: {texte} ({ref})",
    "notice.rgpd.cnil": "If you consider that your rights are not respected, you may lodge a complaint with the "
                        "Commission nationale de l'informatique et des libertés (CNIL, www.cnil.fr) ({ref}).",
    # ------------------------------------------------------------ AI Act
    "notice.ia.pas-ia": "The local authority states that this processing is not an artificial intelligence system "
                        "within the meaning of the EU AI Act ({ref}): the duties of that regulation do not "
                        "apply to it.",
    "notice.ia.pas-ia-contredit": "The local authority states that this processing is not an artificial "
                                  "intelligence system within the meaning of the EU AI Act ({ref}), but other "
                                  "answers of the record contradict it ({champs}). Until the record is corrected, "
                                  "this notice does not say which duties of that regulation apply.",
    "notice.titre.ia-contredit": "Artificial intelligence system: the answer “no” is contradicted by other answers "
                                 "of the record",
    "notice.titre.regles-presumees": "{titre} — due unless the local authority is exempt by its headcount, which "
                                     "its record does not give (“nombre_agents”)",
    "notice.et": " and ",
    "notice.sep-liste": "; ",
    "notice.ia.oui": "The local authority states that this processing is an artificial intelligence system within "
                     "the meaning of the EU AI Act ({ref}).",
    "notice.ia.non-declare": "The record does not say whether this processing is an artificial intelligence "
                             "system within the meaning of the EU AI Act ({ref}).",
    "notice.risque": "Risk tier",
    "notice.risque-declare": "Risk tier given by the record",
    "notice.domaines": "Annex III areas",
    "notice.info-ia": "How people are informed",
    "notice.signalement": "Disclosure of AI-generated text",
    "notice.base-ue": "Registration of its use by the local authority in the EU database",
    "notice.base-ue-fournisseur": "Provider's entry in the EU database",
    "notice.ia.annexe-iii": "Duties for Annex III high-risk systems ({ref}): {quand}.",
    "notice.ia.art86": "Right to an explanation of the role of the AI system in a decision that concerns you "
                       "({ref}): {quand}.",
    "notice.ia.art50": "Transparency duties towards people ({ref}): {quand}.",
    "notice.analyses": "Impact assessments",
    "notice.non-renseigne": "not given",
    "notice.infos": "Information page",
    "notice.code": "Source code",
    "notice.partenaires": "Partners",
    "notice.fournisseurs": "Suppliers",
    "notice.maj": "Information up to date as of {date}.",
    "notice.maj-jour": "Information up to date as of {date}.",
    "notice.genere": "Notice generated on {date} by iaterr {version}.",
    "notice.imprimer": "Print or save as PDF",
    # ------------------------------------------------------------ explicit mention
    "mention.titre": "Information on the use of an algorithmic processing",
    "mention.fonde": "This decision was taken on the basis of an algorithmic processing.",
    "mention.degre.aide_decision": "The processing helped prepare it; a person took the decision.",
    "mention.degre.decision_assistee": "It was partly automated, then confirmed by a person.",
    "mention.degre.decision_automatisee": "It was fully automated.",
    "mention.finalite": "The purpose of this processing is: {finalite}",
    "mention.droit": "You have the right to obtain the rules that define this processing and the main features of "
                     "its implementation ({l}; {r}).",
    "mention.exercer": "To exercise this right, send your request to {a_collectivite}:",
    "mention.regles": "The rules of this processing are published at: {url}",
    "mention.manque": "[TO BE COMPLETED: {titre}]",
    "mention.sep-canaux": "; ",
    "mention.sans-objet": "Use case “{identifiant}” neither underlies nor prepares individual decisions "
                          "(decisions_individuelles: false): no explicit mention is due.",
    "mention.inconnu": "Record “{identifiant}” does not say whether the processing underlies or prepares "
                       "individual decisions: fill in “decisions_individuelles”.",
    # ------------------------------------------------------------ answer to one person
    "reponse.titre": "Communication of the rules of an algorithmic processing",
    "reponse.reference": "Your request",
    "reponse.date": "Decision of",
    "reponse.intro": "In answer to your request, {la_collectivite} communicates to you the rules "
                     "of the algorithmic processing “{nom}” and the main features of its implementation, applied to "
                     "your situation ({ref}).",
    "reponse.incomplete.titre": "Incomplete answer",
    "reponse.incomplete.texte": "Items required by law are missing; complete them before sending this answer:",
    "reponse.s.parametres": "3. Parameters and weighting applied to your situation",
    "reponse.valeur": "Value taken for you",
    "reponse.a-completer": "to be completed",
    "reponse.recours": "If you consider this communication incomplete, you may refer the matter to the Commission "
                       "d'accès aux documents administratifs (CADA, www.cada.fr) within two months of receiving "
                       "this answer ({ref}): the CADA treats an incomplete communication as a partial refusal.",
    "reponse.bloquant.texte": "What the record declares is not allowed by law, or does not tell whether it is; this "
                              "answer cannot be sent as it is:",
    "reponse.genere": "Answer prepared on {date} with iaterr {version}.",
    # ------------------------------------------------------------ the file to fill for one person
    "modele.entete": "Answer to a request for the rules of the processing “{nom}” ({identifiant}, {collectivite})",
    "modele.personnel": "This file holds personal data: do not add it to the repository, delete it once the answer "
                        "is sent.",
    "modele.consigne": "For each parameter, write in “valeur” the value taken for the person.",
    "modele.commande": "Then: iaterr notice {identifiant} --pour THIS-FILE [--format html] [-o ANSWER]",
    "modele.reference": "optional: the reference of the request",
    "modele.date": "optional: the date of the decision (YYYY-MM-DD)",
    "modele.aucun": "the record describes no parameter",
    "modele.description": "{texte}",
    "modele.valeur": "to fill in",
    "modele.ponderation": "weighting of the processing: {ponderation}; if another was applied, write it below",
    "modele.ponderation-facultative": "the weighting applied, or “aucune” (none) if this parameter is not "
                                      "weighted",
    # ------------------------------------------------------------ reading that file
    "notice.pour.introuvable": "File “{fichier}” does not exist.",
    "notice.pour.illisible": "File “{fichier}” cannot be read: {erreur}.",
    "notice.pour.lien": "“{fichier}” is a symbolic link: iaterr does not follow it.",
    "notice.pour.lien.aide": "Give the path of the file itself.",
    "notice.pour.pas-un-fichier": "“{fichier}” is not a regular file.",
    "notice.pour.trop-grand": "File “{fichier}” is larger than {limite} KB: it is not a file of values for one "
                              "person.",
    "notice.pour.encodage": "File “{fichier}” is not written in UTF-8.",
    "notice.pour.syntaxe": "File “{fichier}” is not valid YAML (line {ligne}).",
    "notice.pour.syntaxe.aide": "Check the indentation and colons of that line; if need be, start again from a "
                                "template (--modele-pour).",
    "notice.pour.inutilisable": "File “{fichier}” cannot be read: a value does not have the expected form (an "
                                "impossible date, for example: write YYYY-MM-DD).",
    "notice.pour.valeur-forme-racine": "In file “{fichier}”, “{cle}” must be a text, not a list or a mapping.",
    "notice.pour.racine": "File “{fichier}” must hold the keys reference, date_decision and parametres.",
    "notice.pour.modele.aide": "Write a template to fill with: iaterr notice ID --modele-pour FILE",
    "notice.pour.cle-inconnue": "File “{fichier}” holds an unknown key: {cles}. Possible keys: {connues}.",
    "notice.pour.parametres-liste": "In file “{fichier}”, “parametres” must be a list.",
    "notice.pour.parametre-forme": "In file “{fichier}”, parameter no. {numero} must have a name and a value "
                                   "(nom:, valeur:).",
    "notice.pour.parametre-cle": "In file “{fichier}”, parameter no. {numero} holds an unknown key: {cles}. "
                                 "Possible keys: {connues}.",
    "notice.pour.parametre-sans-nom": "In file “{fichier}”, parameter no. {numero} has no name.",
    "notice.pour.parametre-double": "In file “{fichier}”, parameter “{nom}” appears twice.",
    "notice.pour.valeur-forme": "In file “{fichier}”, “{cle}” (parameter no. {numero}) must be a text or a number, "
                                "not a list or a mapping.",
    "notice.pour.nom-inconnu": "File “{fichier}” names parameters that record “{identifiant}” does not have: "
                               "{noms}. Parameters of the record: {connus}.",
    "notice.pour.nom-inconnu.aide": "Copy the names as they are in the record, or write a template with "
                                    "--modele-pour.",
    "notice.pour.nom-inconnu.proche": "Did you mean {proches}? Copy the names as they are in the record.",
    # ------------------------------------------------------------ command line
    "notice.cli.incomplete": "Incomplete notice: {champs} missing. Do not publish it as it is.",
    "notice.cli.decisions-inconnues": "The record does not say whether the processing underlies individual "
                                      "decisions (“decisions_individuelles”): notice to be completed.",
    "notice.cli.degre-inconnu": "The record does not declare the level of automation of the decision "
                                "(“niveau_automatisation”): the mention says nothing about it. Fill it in.",
    "notice.cli.mention-incomplete": "Incomplete mention: {champs} missing. Do not use it as it is.",
    "notice.cli.conditionnel": "If the processing underlies or prepares individual decisions, also missing: "
                               "{champs}.",
    "notice.cli.recommande": "Notice to be completed (recommended, not required by law): {champs}.",
    "notice.cli.bloquant": "What the record declares is forbidden by law or remains to be specified: {regimes}. "
                           "Use neither the notice nor the mention as they are (see “iaterr qualification”).",
    "notice.cli.bloquant-reponse": "What the record declares is forbidden by law or remains to be specified: "
                                   "{regimes}. Do not send this answer as it is (see “iaterr qualification”).",
    "notice.cli.a-verifier": "To be checked with the legal department before publishing (see “iaterr "
                             "qualification”):",
    "notice.cli.a-preciser": "To be specified in the record: without these answers, the qualification cannot "
                             "conclude (see “iaterr qualification”):",
    "notice.cli.regime": "{regime}: {motifs}",
    "notice.cli.ligne": "  – {texte}",
    "notice.cli.degre-contradictoire": "The record declares individual decisions (“decisions_individuelles: yes”) "
                                       "and “niveau_automatisation: sans_decision”: it contradicts itself, and "
                                       "the mention says nothing of the degree of automation. Correct one of "
                                       "them.",
    "notice.cli.reponse-incomplete": "Incomplete answer: {champs} missing. Do not send it as it is.",
    "notice.cli.pour-sans-objet": "Use case “{identifiant}” neither underlies nor prepares individual decisions "
                                  "(decisions_individuelles: false): there are no parameters to apply to a "
                                  "person's situation.",
    "notice.cli.pour-et-modele": "--pour and --modele-pour do not go together: write the template first, fill it "
                                 "in, then give it to --pour.",
    "notice.cli.modele-et-sortie": "--modele-pour writes the file it names: --out and --format do not apply to it.",
    "notice.cli.dans-depot": "“{chemin}” is inside the repository {depot}: an answer to one person holds personal "
                             "data and is not written in the repository.",
    "notice.cli.dans-depot.aide": "Write it outside the repository (for example in your home folder), then delete "
                                  "it once sent.",
    "notice.cli.pour-dans-depot": "Warning: “{chemin}” is inside the repository. It holds personal data: do not "
                                  "add it (git add), move it out of the repository.",
    "notice.cli.modele-existe": "“{chemin}” already exists: iaterr does not overwrite it (it may hold values "
                                "already filled in).",
    "notice.cli.modele-ecrit": "Template written: {chemin}. Fill in one value per parameter, then: iaterr notice "
                               "{identifiant} --pour {chemin}",
    "notice.cli.modele-sans-parametre": "Record “{identifiant}” describes no parameter ({ref}): the "
                                        "template has nothing to fill in.",
    "help.notice": "Write the explicability notice of a use case (Markdown or printable HTML), ready to publish; "
                   "with --pour, the answer to one person's request. Fails (code 1) when an item required by law is "
                   "missing.",
    "help.notice.id": "Identifier of the use case.",
    "help.notice.format": "md (Markdown) or html (standalone, printable page).",
    "help.notice.pour": "YAML file of the values taken for one person (outside the repository): writes the answer "
                        "to their request, parameters applied to their situation.",
    "help.notice.modele-pour": "Write to this file (outside the repository) the template to fill for --pour, with "
                               "the record's parameters.",
    "help.mention": "Write the explicit mention to put on individual decisions taken with this "
                    "processing.",
}
