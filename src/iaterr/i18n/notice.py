"""Texts of the explicability notice and of the mention explicite, French and English side by side."""

FR: dict[str, str] = {
    "notice.titre": "Notice d'explicabilité",
    "notice.intro": "Cette notice explique le traitement algorithmique « {nom} » de {collectivite} : à quoi il "
                    "sert, comment il contribue aux décisions, quelles données et quels paramètres il utilise, et "
                    "comment exercer vos droits.",
    "notice.incomplete.titre": "Notice incomplète",
    "notice.incomplete.texte": "Ce traitement fonde ou prépare des décisions individuelles, mais il manque des "
                               "éléments que la loi exige :",
    "notice.element-manquant": "Élément manquant : {titre} ({reference}). Cette notice est incomplète.",
    "notice.decisions-inconnues": "La fiche ne dit pas si ce traitement fonde ou prépare des décisions "
                                  "individuelles : les obligations de transparence qui s'appliquent ne peuvent pas "
                                  "être établies. Cette notice est à compléter.",
    "notice.sans-decision": "Ce traitement ne fonde ni ne prépare de décision individuelle : les articles L311-3-1 "
                            "et R311-3-1-2 du code des relations entre le public et l'administration ne s'appliquent "
                            "pas. Cette notice est publiée par souci de transparence.",
    "notice.s.traitement": "Le traitement",
    "notice.s.contribution": "1. Degré et mode de contribution à la décision",
    "notice.s.donnees": "2. Données traitées et leurs sources",
    "notice.s.parametres": "3. Paramètres et leur pondération",
    "notice.s.operations": "4. Opérations effectuées",
    "notice.s.droits": "Vos droits",
    "notice.s.base": "Base légale",
    "notice.s.ia": "Règlement européen sur l'intelligence artificielle",
    "notice.s.plus": "Pour en savoir plus",
    "notice.finalite": "Finalité",
    "notice.description": "Description",
    "notice.statut": "Statut",
    "notice.depuis": "depuis {date}",
    "notice.jusqu": "jusqu'en {date}",
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
    "notice.exercer": "Comment obtenir les règles du traitement",
    "notice.contact": "Contact",
    "notice.objection": "S'opposer ou demander un réexamen",
    "notice.cada": "Sans réponse dans le délai d'un mois, la demande est réputée refusée ; vous pouvez alors saisir "
                   "la Commission d'accès aux documents administratifs (CADA, www.cada.fr) dans les deux mois.",
    "notice.regles": "Règles publiées",
    "notice.risque": "Niveau de risque",
    "notice.domaines": "Domaines de l'annexe III",
    "notice.info-ia": "Information des personnes",
    "notice.analyses": "Analyses d'impact",
    "notice.base-ue": "Base de données de l'UE",
    "notice.non-renseigne": "non renseigné",
    "notice.infos": "Page d'information",
    "notice.code": "Code source",
    "notice.partenaires": "Partenaires",
    "notice.fournisseurs": "Fournisseurs",
    "notice.maj": "Informations à jour au {date}.",
    "notice.genere": "Notice générée le {date} par iaterr {version}.",
    "notice.imprimer": "Imprimer ou enregistrer en PDF",
    "mention.titre": "Information sur l'utilisation d'un traitement algorithmique",
    "mention.fonde": "Cette décision a été prise sur le fondement d'un traitement algorithmique.",
    "mention.aide": "Une personne a pris cette décision ; un traitement algorithmique l'a aidée à la préparer.",
    "mention.finalite": "Ce traitement a pour finalité : {finalite}",
    "mention.droit": "Vous avez le droit d'obtenir la communication des règles qui définissent ce traitement et des "
                     "principales caractéristiques de sa mise en œuvre (articles L311-3-1 et R311-3-1-2 du code des "
                     "relations entre le public et l'administration).",
    "mention.exercer": "Pour exercer ce droit, adressez-vous à {collectivite} : {moyen}",
    "mention.regles": "Les règles de ce traitement sont publiées à l'adresse : {url}",
    "mention.manque": "[À COMPLÉTER : {titre}]",
    "mention.sans-objet": "Le cas d'usage « {identifiant} » ne fonde ni ne prépare de décision individuelle "
                          "(decisions_individuelles: false) : aucune mention explicite n'est due.",
    "mention.inconnu": "La fiche « {identifiant} » ne dit pas si le traitement fonde ou prépare des décisions "
                       "individuelles : renseignez « decisions_individuelles ».",
    "notice.cli.incomplete": "Notice incomplète : il manque {champs}. Ne la publiez pas en l'état.",
    "notice.cli.decisions-inconnues": "La fiche ne dit pas si le traitement fonde des décisions individuelles "
                                      "(« decisions_individuelles ») : notice à compléter.",
    "notice.cli.inconnu": "Cas d'usage inconnu « {identifiant} ».",
    "notice.cli.invalide": "La fiche « {identifiant} » n'est pas valide : corrigez-la d'abord (`iaterr validate`).",
    "help.notice": "Écrit la notice d'explicabilité d'un cas d'usage (Markdown ou HTML imprimable), prête à "
                   "publier ou à envoyer à qui la demande ; échoue si un élément exigé par la loi manque.",
    "help.notice.id": "Identifiant du cas d'usage.",
    "help.notice.format": "md (Markdown) ou html (page autonome, imprimable).",
    "help.mention": "Écrit la mention explicite (R311-3-1-1) à porter sur les décisions individuelles prises avec "
                    "ce traitement.",
}

EN: dict[str, str] = {
    "notice.titre": "Explicability notice",
    "notice.intro": "This notice explains the algorithmic processing “{nom}” of {collectivite}: what it is for, how "
                    "it contributes to decisions, which data and parameters it uses, and how to exercise your "
                    "rights.",
    "notice.incomplete.titre": "Incomplete notice",
    "notice.incomplete.texte": "This processing underlies or prepares individual decisions, but items required by "
                               "law are missing:",
    "notice.element-manquant": "Missing item: {titre} ({reference}). This notice is incomplete.",
    "notice.decisions-inconnues": "The record does not say whether this processing underlies or prepares "
                                  "individual decisions: the transparency duties that apply cannot be "
                                  "established. This notice is to be completed.",
    "notice.sans-decision": "This processing neither underlies nor prepares individual decisions: articles "
                            "L311-3-1 and R311-3-1-2 of the French code of relations between the public and the "
                            "administration do not apply. This notice is published for transparency.",
    "notice.s.traitement": "The processing",
    "notice.s.contribution": "1. Degree and mode of contribution to the decision",
    "notice.s.donnees": "2. Data processed and their sources",
    "notice.s.parametres": "3. Parameters and their weighting",
    "notice.s.operations": "4. Operations carried out",
    "notice.s.droits": "Your rights",
    "notice.s.base": "Legal basis",
    "notice.s.ia": "EU Artificial Intelligence Act",
    "notice.s.plus": "Further information",
    "notice.finalite": "Purpose",
    "notice.description": "Description",
    "notice.statut": "Status",
    "notice.depuis": "since {date}",
    "notice.jusqu": "until {date}",
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
    "notice.exercer": "How to obtain the rules of the processing",
    "notice.contact": "Contact",
    "notice.objection": "Objecting or asking for a review",
    "notice.cada": "Without an answer within one month, the request is deemed refused; you may then refer the "
                   "matter to the Commission d'accès aux documents administratifs (CADA, www.cada.fr) within two "
                   "months.",
    "notice.regles": "Published rules",
    "notice.risque": "Risk tier",
    "notice.domaines": "Annex III areas",
    "notice.info-ia": "How people are informed",
    "notice.analyses": "Impact assessments",
    "notice.base-ue": "EU database",
    "notice.non-renseigne": "not given",
    "notice.infos": "Information page",
    "notice.code": "Source code",
    "notice.partenaires": "Partners",
    "notice.fournisseurs": "Suppliers",
    "notice.maj": "Information up to date as of {date}.",
    "notice.genere": "Notice generated on {date} by iaterr {version}.",
    "notice.imprimer": "Print or save as PDF",
    "mention.titre": "Information on the use of an algorithmic processing",
    "mention.fonde": "This decision was taken on the basis of an algorithmic processing.",
    "mention.aide": "A person took this decision; an algorithmic processing helped prepare it.",
    "mention.finalite": "The purpose of this processing is: {finalite}",
    "mention.droit": "You have the right to obtain the rules that define this processing and the main features of "
                     "its implementation (articles L311-3-1 and R311-3-1-2 of the French code of relations between "
                     "the public and the administration).",
    "mention.exercer": "To exercise this right, contact {collectivite}: {moyen}",
    "mention.regles": "The rules of this processing are published at: {url}",
    "mention.manque": "[TO BE COMPLETED: {titre}]",
    "mention.sans-objet": "Use case “{identifiant}” neither underlies nor prepares individual decisions "
                          "(decisions_individuelles: false): no explicit mention is due.",
    "mention.inconnu": "Record “{identifiant}” does not say whether the processing underlies or prepares "
                       "individual decisions: fill in “decisions_individuelles”.",
    "notice.cli.incomplete": "Incomplete notice: {champs} missing. Do not publish it as it is.",
    "notice.cli.decisions-inconnues": "The record does not say whether the processing underlies individual "
                                      "decisions (“decisions_individuelles”): notice to be completed.",
    "notice.cli.inconnu": "Unknown use case “{identifiant}”.",
    "notice.cli.invalide": "Record “{identifiant}” is not valid: fix it first (`iaterr validate`).",
    "help.notice": "Write the explicability notice of a use case (Markdown or printable HTML), ready to publish or "
                   "to send to whoever asks; fails when an item required by law is missing.",
    "help.notice.id": "Identifier of the use case.",
    "help.notice.format": "md (Markdown) or html (standalone, printable page).",
    "help.mention": "Write the explicit mention (R311-3-1-1) to put on individual decisions taken with this "
                    "processing.",
}
