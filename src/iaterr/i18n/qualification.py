"""Messages of the qualification (`iaterr qualification`, and the end of `iaterr new`): which regimes apply
and why, French and English side by side."""

FR: dict[str, str] = {
    # ------------------------------------------------------------ regimes
    "qualif.regime.crpa-decision": "Décision individuelle (CRPA) : mention explicite et communication des règles",
    "qualif.regime.crpa-publication": "Publication en ligne des règles (CRPA)",
    "qualif.regime.ria-systeme": "Système d'IA au sens du règlement européen",
    "qualif.regime.ria-maitrise": "Maîtrise de l'IA par les agents (règlement IA)",
    "qualif.regime.ria-interdit": "Pratiques d'IA interdites (règlement IA)",
    "qualif.regime.ria-haut-risque": "Système d'IA à haut risque de l'annexe III (règlement IA)",
    "qualif.regime.ria-transparence": "Transparence envers le public (règlement IA)",
    "qualif.regime.rgpd": "Protection des données personnelles (RGPD)",
    "qualif.regime.rgpd-decision-automatisee": "Décision entièrement automatisée (RGPD, loi Informatique et "
                                               "libertés)",
    "qualif.regime.rgpd-aipd": "Analyse d'impact relative à la protection des données (AIPD)",
    # ------------------------------------------------------------ statuses
    "qualif.statut.applique": "s'applique",
    "qualif.statut.applique.date": "s'applique depuis le {date}",
    "qualif.statut.a_venir": "s'appliquera",
    "qualif.statut.a_venir.date": "à partir du {date}",
    "qualif.statut.non_applicable": "ne s'applique pas",
    "qualif.statut.interdit": "interdit",
    "qualif.statut.a_preciser": "à préciser",
    "qualif.statut.a_verifier": "à vérifier avec le service juridique",
    "qualif.statut.a_verifier.applique": "à vérifier avec le service juridique (si c'est confirmé : s'applique "
                                         "depuis le {date})",
    "qualif.statut.a_verifier.a_venir": "à vérifier avec le service juridique (si c'est confirmé : à partir du "
                                        "{date})",
    "qualif.statut.a_preciser.presumee": "à préciser (due jusqu'à preuve de la dispense)",
    # ------------------------------------------------------------ CRPA: individual decision
    "qualif.crpa.decisions-inconnues": "La fiche ne dit pas si le traitement fonde ou prépare des décisions "
                                       "individuelles (« decisions_individuelles »).",
    "qualif.crpa.sans-decision": "« decisions_individuelles : non » : le traitement ne fonde ni ne prépare de "
                                 "décision individuelle.",
    "qualif.crpa.destinataires-inconnus": "« decisions_individuelles : oui », mais la fiche ne dit pas à qui "
                                          "s'adressent les décisions (« destinataires_decisions ») : des personnes "
                                          "physiques ou morales (le CRPA s'applique), ou les seuls agents.",
    "qualif.crpa.decisions": "« decisions_individuelles : oui », décisions adressées à : {destinataires}.",
    "qualif.crpa.intervention": "Quel que soit le degré d'intervention humaine (« niveau_automatisation » : "
                                "{niveau}) : une aide à la décision, un outil de rédaction ou de recherche qui "
                                "prépare la décision, compte aussi.",
    "qualif.crpa.intervention-inconnue": "Quel que soit le degré d'intervention humaine : une aide à la décision, "
                                         "un outil de rédaction ou de recherche qui prépare la décision, compte "
                                         "aussi.",
    "qualif.crpa.agents-aussi": "Les décisions qui visent les agents (ressources humaines) relèvent d'une autre "
                                "analyse : à vérifier avec le service juridique.",
    "qualif.crpa.agents-seuls": "Décisions adressées aux seuls agents de la collectivité (décisions internes de "
                                "ressources humaines) : iaterr n'affirme pas que le CRPA s'applique, vérifiez-le "
                                "avec le service juridique. Ce qui s'applique sans doute : le RGPD (et {art22} si la "
                                "décision est entièrement automatisée) et, pour un système d'IA, le domaine de "
                                "l'annexe III {emploi}.",
    # ------------------------------------------------------------ CRPA: publication
    "qualif.publication.sans-decision": "Pas de décision individuelle : pas de règles à publier en ligne à ce titre.",
    "qualif.publication.selon-crpa": "Dépend de la qualification des décisions (ligne CRPA ci-dessus).",
    "qualif.publication.selon-crpa-agents": "Comme pour la mention explicite : décisions adressées aux seuls "
                                            "agents, à vérifier avec le service juridique.",
    "qualif.publication.effectif-inconnu": "La collectivité « {collectivite} » ne déclare pas son effectif "
                                           "(« nombre_agents ») : la publication en ligne des règles est due "
                                           "({l312}), sauf si elle emploie moins de 50 agents en équivalent temps "
                                           "plein ({ref}). Tant que l'effectif n'est pas déclaré, iaterr la tient "
                                           "pour due.",
    "qualif.publication.dispense": "La collectivité « {collectivite} » déclare {n} agents, moins de 50 : elle est "
                                   "dispensée de la publication en ligne ({ref}). La mention explicite et la "
                                   "communication des règles sur demande restent dues.",
    "qualif.publication.effectif": "La collectivité « {collectivite} » déclare {n} agents (50 ou plus) : elle "
                                   "publie en ligne les règles des principaux traitements qui fondent des "
                                   "décisions individuelles.",
    # ------------------------------------------------------------ AI Act
    "qualif.ria.systeme-inconnu": "La fiche ne dit pas si le système est un système d'IA (« systeme_ia ») : "
                                  "oui s'il infère lui-même comment produire ses résultats, non si des personnes "
                                  "en ont fixé toutes les règles (barème, grille de points).",
    "qualif.ria.indice-apprentissage": "« type_algorithme » déclare {types} : un tel système infère, c'est "
                                       "vraisemblablement un système d'IA.",
    "qualif.ria.indice-regles": "« type_algorithme » ne déclare que des règles explicites : ce n'est "
                                "vraisemblablement pas un système d'IA.",
    "qualif.ria.contradiction": "« systeme_ia : non », mais « type_algorithme » déclare {types}, qui infèrent : "
                                "l'une des deux réponses est à corriger.",
    "qualif.ria.contradiction-niveau": "« systeme_ia : non », mais la fiche déclare un niveau de risque au sens du "
                                       "règlement sur l'IA (« niveau_risque_ia » : {niveau}) : ce niveau ne se "
                                       "conçoit que pour un système d'IA.",
    "qualif.ria.contradiction-annexe": "« systeme_ia : non », mais la fiche déclare des domaines de l'annexe III "
                                       "(« domaines_annexe_iii » : {domaines}), qui ne visent que des systèmes "
                                       "d'IA.",
    "qualif.ria.contradiction-a-verifier": "La fiche se contredit : vérifiez avec le service juridique si le "
                                           "système infère ({ref}) et corrigez la réponse fausse. D'ici là, iaterr "
                                           "n'écarte pas le règlement sur l'IA : ses obligations ci-dessous sont "
                                           "à vérifier.",
    "qualif.ria.si-systeme": "« systeme_ia : non » est contredit par la fiche (ligne « Système d'IA ») ; si c'est "
                             "un système d'IA :",
    "qualif.ria.regles": "« systeme_ia : non » : des personnes ont fixé toutes les règles ; le règlement sur l'IA "
                         "ne s'applique pas (le CRPA et le RGPD peuvent s'appliquer).",
    "qualif.ria.systeme": "« systeme_ia : oui » : le système infère lui-même comment produire ses résultats.",
    "qualif.ria.hors-champ": "Pas un système d'IA : le règlement sur l'IA ne s'applique pas.",
    "qualif.ria.selon-systeme": "Dépend de la réponse à « systeme_ia ».",
    "qualif.ria.maitrise": "Tout déployeur d'un système d'IA veille à ce que ses agents en aient une maîtrise "
                           "suffisante.",
    "qualif.ria.maitrise-a-decrire": "La fiche ne dit pas comment (« formation_ia »).",
    "qualif.ria.niveau-inconnu": "Niveau de risque non évalué (« niveau_risque_ia ») : seule une évaluation dit "
                                 "si le système relève d'une pratique interdite.",
    "qualif.ria.pratique-interdite": "« niveau_risque_ia : inacceptable » : une pratique interdite ne peut pas "
                                     "être utilisée.",
    "qualif.ria.niveau": "Niveau de risque déclaré : {niveau}.",
    "qualif.ria.niveau-seul": "Cette réponse ne repose que sur le niveau que la collectivité déclare : iaterr "
                              "n'examine pas si l'usage relève d'une pratique interdite ({ref} : notation sociale, "
                              "évaluation du risque d'infraction par profilage, reconnaissance des émotions…).",
    "qualif.ria.eleve-sans-domaine": "« niveau_risque_ia : élevé » sans domaine de l'annexe III "
                                     "(« domaines_annexe_iii ») : dites lequel, ou s'il s'agit d'un produit de "
                                     "l'annexe I.",
    "qualif.ria.agents-emploi": "Des décisions visent les agents, sans domaine de l'annexe III déclaré : le domaine "
                                "{emploi} vise peut-être cet usage.",
    "qualif.ria.hors-annexe-iii": "Aucun domaine de l'annexe III déclaré (« domaines_annexe_iii »).",
    "qualif.ria.exception-6-3": "Domaine de l'annexe III {domaines}, mais niveau de risque déclaré {niveau} : ce "
                                "niveau suppose l'exception d'une tâche étroite ou préparatoire, sans profilage "
                                "({ref}), que la fiche ne déclare pas. Vérifiez que le système en remplit les "
                                "conditions et que cette appréciation est documentée avant sa mise en service ; "
                                "sinon, il est à haut risque.",
    "qualif.ria.personnes-morales-5a": "Le domaine {domaines} vise l'éligibilité de personnes physiques ; les "
                                       "décisions sont adressées à : {destinataires}. Il ne s'applique pas à "
                                       "cet usage.",
    "qualif.ria.annexe-sans-niveau": "Domaine de l'annexe III {domaines}, niveau de risque non évalué (« "
                                     "niveau_risque_ia ») : le système est à haut risque, sauf exception ({ref}).",
    "qualif.ria.haut-risque": "Domaine de l'annexe III : {domaines}.",
    "qualif.ria.profilage": "Le traitement évalue ou profile des personnes (« criteres_aipd » : évaluation) : "
                            "l'exception d'une tâche étroite ou préparatoire ne joue pas ({ref}), le système est à "
                            "haut risque.",
    "qualif.ria.en-service": "Système d'une autorité publique déjà utilisé (« statut » : {statut} ; une "
                             "expérimentation en conditions réelles est une utilisation) : mise en conformité au "
                             "plus tard à cette date ({ref}) ; les nouveaux systèmes, à partir du {date}.",
    "qualif.ria.deployeur": "Obligations du déployeur : {obligations}.",
    "qualif.ria.obligation.deployeur": "utilisation conforme à la notice, contrôle humain par des personnes "
                                       "compétentes, journaux conservés six mois au moins, information des agents "
                                       "et des personnes concernées",
    "qualif.ria.obligation.analyse-droits": "analyse d'impact sur les droits fondamentaux",
    "qualif.ria.obligation.enregistrement-ue": "enregistrement de l'utilisation dans la base de données de l'UE",
    "qualif.ria.obligation.enregistrement-non-public": "enregistrement de l'utilisation dans la section sécurisée "
                                                       "non publique de la base de données de l'UE",
    "qualif.ria.obligation.enregistrement-national": "pas d'enregistrement dans la base de données de l'UE : les "
                                                     "infrastructures critiques seules s'enregistrent au niveau "
                                                     "national",
    "qualif.ria.obligation.explication": "explication, à la personne qui le demande, du rôle du système dans la "
                                         "décision qui la concerne",
    "qualif.ria.interaction": "« interaction_public : oui » : les personnes doivent savoir qu'elles échangent avec "
                              "une IA.",
    "qualif.ria.contenu-genere": "« contenu_genere_publie : oui » : les textes publiés sont signalés comme générés "
                                 "par une IA, sauf relecture humaine sous responsabilité éditoriale.",
    "qualif.ria.interaction-inconnue": "La fiche ne dit pas si le système dialogue avec le public "
                                       "(« interaction_public »).",
    "qualif.ria.contenu-genere-inconnu": "La fiche ne dit pas si des textes que le système produit sont publiés "
                                         "(« contenu_genere_publie »).",
    "qualif.ria.sans-transparence": "Pas de dialogue avec le public ni de texte généré publié.",
    # ------------------------------------------------------------ GDPR
    "qualif.rgpd.personnelles": "Données personnelles déclarées : {sources}. Les personnes concernées doivent en "
                                "être informées ({ref}) et peuvent exercer leurs droits, notamment auprès du "
                                "délégué à la protection des données.",
    "qualif.rgpd.sensibles": "« donnees_sensibles : oui » : données sensibles, traitement encadré.",
    "qualif.rgpd.duree-a-dire": "La durée de conservation, due aux personnes, n'est pas renseignée "
                                "(« duree_conservation »).",
    "qualif.rgpd.sans-donnees": "La fiche ne décrit aucune donnée traitée (« donnees »).",
    "qualif.rgpd.personnelles-inconnues": "La fiche ne dit pas si ces données sont personnelles "
                                          "(« personnelles ») : {sources}.",
    "qualif.rgpd.decisions-sur-des-personnes": "Aucune donnée déclarée personnelle, mais des décisions "
                                               "individuelles visent {destinataires} : elles portent sur des "
                                               "personnes identifiées. Vérifiez « donnees ».",
    "qualif.rgpd.non-personnelles": "Aucune des données déclarées n'est personnelle.",
    # ------------------------------------------------------------ art. 22 / art. 47
    "qualif.art22.selon-decisions": "Dépend de « decisions_individuelles ».",
    "qualif.art22.sans-decision": "Pas de décision individuelle.",
    "qualif.art22.niveau-inconnu": "La fiche ne dit pas qui décide (« niveau_automatisation »).",
    "qualif.art22.personne-decide": "Une personne prend la décision (« niveau_automatisation » : {niveau}).",
    "qualif.art22.contradiction": "« decisions_individuelles : oui », mais « niveau_automatisation » : {niveau} : "
                                  "les deux réponses se contredisent, l'une est à corriger.",
    "qualif.art22.assistee": "« niveau_automatisation » : {niveau}. Une personne valide la décision ; mais si le "
                             "résultat du traitement (un score, un classement) y joue un rôle déterminant, ce "
                             "résultat peut être lui-même une décision entièrement automatisée ({ref}), avec ses "
                             "conditions et interdictions : à vérifier avec le service juridique.",
    "qualif.art22.assistee-sensibles": "La fiche déclare des données sensibles (« donnees_sensibles : oui ») : "
                                       "si le résultat du traitement est déterminant, la décision est entièrement "
                                       "automatisée sur des données sensibles, ce que la loi interdit pour une "
                                       "décision administrative.",
    "qualif.art22.assistee-revision": "La fiche déclare un algorithme qui révise lui-même ses règles "
                                      "(« revision_autonome : oui ») : si le résultat du traitement est "
                                      "déterminant, la décision repose sur un tel algorithme, ce que la loi "
                                      "interdit pour une décision entièrement automatisée.",
    "qualif.art22.personnes-morales": "Décision entièrement automatisée, mais adressée aux seules personnes "
                                      "morales : le RGPD protège les personnes physiques. La mention explicite du "
                                      "CRPA reste due.",
    "qualif.art22.automatisee": "« niveau_automatisation : décision entièrement automatisée » : permise avec la "
                                "mention explicite (sans elle, la décision est nulle), si la collectivité peut "
                                "expliquer en détail le traitement ; interdite sur des données sensibles, ou sur "
                                "un algorithme qui révise lui-même ses règles ; un recours administratif doit "
                                "rester possible.",
    "qualif.art22.interdit-sensibles": "« donnees_sensibles : oui » : une décision administrative entièrement "
                                       "automatisée ne peut pas reposer sur des données sensibles.",
    "qualif.art22.interdit-revision": "« revision_autonome : oui » : une décision entièrement automatisée ne peut "
                                      "pas reposer sur un algorithme qui révise lui-même ses règles sans contrôle "
                                      "de la collectivité.",
    "qualif.art22.recours-a-dire": "La fiche ne dit pas comment contester la décision auprès de "
                                   "l'administration (« procedure_objection »).",
    "qualif.art22.a-preciser": "À préciser : {champs}.",
    # ------------------------------------------------------------ DPIA
    "qualif.aipd.sans-donnees": "Pas de donnée personnelle.",
    "qualif.aipd.selon-rgpd": "Dépend des données personnelles (ligne RGPD ci-dessus).",
    "qualif.aipd.criteres": "Critères de risque remplis, déclarés ou impliqués par d'autres réponses : {criteres}.",
    "qualif.aipd.source.criteres": "« criteres_aipd »",
    "qualif.aipd.source.sensibles": "« donnees_sensibles : oui »",
    "qualif.aipd.source.systeme-ia": "« systeme_ia : oui »",
    "qualif.aipd.source.automatisee": "« niveau_automatisation : décision entièrement automatisée »",
    "qualif.aipd.source.agents": "« destinataires_decisions : agents »",
    "qualif.aipd.source.beneficiaires": "« publics : bénéficiaires »",
    "qualif.aipd.haut-risque": "Système d'IA à haut risque traitant des données personnelles : le déployeur mène "
                               "l'AIPD avec les informations du fournisseur.",
    "qualif.aipd.realisee": "Une AIPD est déclarée (« analyses_impact », {date}).",
    "qualif.aipd.moins-de-deux": "{n} critère(s) : moins de deux, l'AIPD n'est pas obligatoire à ce titre ; elle "
                                 "l'est si le traitement figure sur la liste de la CNIL ({ref}).",
    # ------------------------------------------------------------ the command
    "qualif.titre": "Qualification de « {identifiant} » au {date}",
    "qualif.titre-nouveau": "Régimes que vos réponses déclenchent (au {date})",
    "qualif.colonne.regime": "Régime",
    "qualif.colonne.statut": "Statut",
    "qualif.colonne.pourquoi": "Pourquoi",
    "qualif.colonne.references": "Références",
    "qualif.champs-a-preciser": "À préciser dans la fiche : {champs}.",
    "qualif.interdits": "Interdit par ce que déclare la fiche : {regimes}.",
    "qualif.contradictions": "La fiche se contredit, à corriger ou à confirmer avec le service juridique : "
                             "{champs}.",
    "qualif.tout-qualifie": "La fiche dit tout ce qu'il faut pour situer chaque régime.",
    "help.qualification": "Dit quels régimes juridiques s'appliquent à un cas d'usage (CRPA, règlement sur l'IA, "
                          "RGPD), pourquoi, et ce qui reste à préciser dans la fiche (code de sortie 1).",
    "help.qualification.id": "Identifiant du cas d'usage.",
    "help.qualification.format": "text (tableau lisible) ou json (pour les programmes).",
}

EN: dict[str, str] = {
    # ------------------------------------------------------------ regimes
    "qualif.regime.crpa-decision": "Individual decision (CRPA): explicit mention and disclosure of the rules",
    "qualif.regime.crpa-publication": "Online publication of the rules (CRPA)",
    "qualif.regime.ria-systeme": "AI system under the EU AI Act",
    "qualif.regime.ria-maitrise": "Staff AI literacy (AI Act)",
    "qualif.regime.ria-interdit": "Prohibited AI practices (AI Act)",
    "qualif.regime.ria-haut-risque": "Annex III high-risk AI system (AI Act)",
    "qualif.regime.ria-transparence": "Transparency towards the public (AI Act)",
    "qualif.regime.rgpd": "Personal data protection (GDPR)",
    "qualif.regime.rgpd-decision-automatisee": "Fully automated decision (GDPR, French data protection act)",
    "qualif.regime.rgpd-aipd": "Data protection impact assessment (DPIA)",
    # ------------------------------------------------------------ statuses
    "qualif.statut.applique": "applies",
    "qualif.statut.applique.date": "applies since {date}",
    "qualif.statut.a_venir": "will apply",
    "qualif.statut.a_venir.date": "from {date}",
    "qualif.statut.non_applicable": "does not apply",
    "qualif.statut.interdit": "forbidden",
    "qualif.statut.a_preciser": "to be specified",
    "qualif.statut.a_verifier": "to be checked with the legal department",
    "qualif.statut.a_verifier.applique": "to be checked with the legal department (if confirmed: applies since "
                                         "{date})",
    "qualif.statut.a_verifier.a_venir": "to be checked with the legal department (if confirmed: from {date})",
    "qualif.statut.a_preciser.presumee": "to be specified (due unless the exemption is shown)",
    # ------------------------------------------------------------ CRPA: individual decision
    "qualif.crpa.decisions-inconnues": "The record does not say whether the processing underlies or prepares "
                                       "individual decisions (“decisions_individuelles”).",
    "qualif.crpa.sans-decision": "“decisions_individuelles: no”: the processing neither underlies nor prepares "
                                 "any individual decision.",
    "qualif.crpa.destinataires-inconnus": "“decisions_individuelles: yes”, but the record does not say who the "
                                          "decisions are addressed to (“destinataires_decisions”): natural or "
                                          "legal persons (the CRPA applies), or the staff only.",
    "qualif.crpa.decisions": "“decisions_individuelles: yes”, decisions addressed to: {destinataires}.",
    "qualif.crpa.intervention": "Whatever the degree of human involvement (“niveau_automatisation”: {niveau}): "
                                "decision support, a drafting or search tool that prepares the decision, counts "
                                "too.",
    "qualif.crpa.intervention-inconnue": "Whatever the degree of human involvement: decision support, a drafting "
                                         "or search tool that prepares the decision, counts too.",
    "qualif.crpa.agents-aussi": "Decisions about the staff (human resources) call for another analysis: to be "
                                "checked with the legal department.",
    "qualif.crpa.agents-seuls": "Decisions addressed to the authority's staff only (internal human-resources "
                                "decisions): iaterr does not assert that the CRPA applies; check it with the legal "
                                "department. What clearly applies: the GDPR ({art22} included if the decision is "
                                "fully automated) and, for an AI system, the Annex III area {emploi}.",
    # ------------------------------------------------------------ CRPA: publication
    "qualif.publication.sans-decision": "No individual decision: no rules to publish online on that ground.",
    "qualif.publication.selon-crpa": "Depends on how the decisions are qualified (CRPA row above).",
    "qualif.publication.selon-crpa-agents": "As for the explicit mention: decisions addressed to the staff only, "
                                            "to be checked with the legal department.",
    "qualif.publication.effectif-inconnu": "The authority “{collectivite}” does not declare its headcount "
                                           "(“nombre_agents”): online publication of the rules is due ({l312}), "
                                           "unless it employs fewer than 50 staff in full-time equivalent ({ref}). "
                                           "Until the headcount is declared, iaterr treats it as due.",
    "qualif.publication.dispense": "The authority “{collectivite}” declares {n} staff, fewer than 50: it is exempt "
                                   "from online publication ({ref}). The explicit mention and disclosure of the "
                                   "rules on request are still due.",
    "qualif.publication.effectif": "The authority “{collectivite}” declares {n} staff (50 or more): it publishes "
                                   "online the rules of the main processings that underlie individual decisions.",
    # ------------------------------------------------------------ AI Act
    "qualif.ria.systeme-inconnu": "The record does not say whether the system is an AI system (“systeme_ia”): "
                                  "yes if it infers by itself how to produce its output, no if people set all its "
                                  "rules (a scale, a points grid).",
    "qualif.ria.indice-apprentissage": "“type_algorithme” declares {types}: such a system infers, it is most "
                                       "likely an AI system.",
    "qualif.ria.indice-regles": "“type_algorithme” declares explicit rules only: it is most likely not an AI "
                                "system.",
    "qualif.ria.contradiction": "“systeme_ia: no”, but “type_algorithme” declares {types}, which infer: one of "
                                "the two answers needs correcting.",
    "qualif.ria.contradiction-niveau": "“systeme_ia: no”, but the record declares an AI Act risk tier "
                                       "(“niveau_risque_ia”: {niveau}): such a tier only makes sense for an AI "
                                       "system.",
    "qualif.ria.contradiction-annexe": "“systeme_ia: no”, but the record declares Annex III areas "
                                       "(“domaines_annexe_iii”: {domaines}), which concern AI systems only.",
    "qualif.ria.contradiction-a-verifier": "The record contradicts itself: check with the legal department "
                                           "whether the system infers ({ref}) and correct the wrong answer. Until "
                                           "then, iaterr does not rule the AI Act out: its duties below are to be "
                                           "checked.",
    "qualif.ria.si-systeme": "“systeme_ia: no” is contradicted by the record (row “AI system”); if it is an AI "
                             "system:",
    "qualif.ria.regles": "“systeme_ia: no”: people set all the rules; the AI Act does not apply (the CRPA and the "
                         "GDPR may).",
    "qualif.ria.systeme": "“systeme_ia: yes”: the system infers by itself how to produce its output.",
    "qualif.ria.hors-champ": "Not an AI system: the AI Act does not apply.",
    "qualif.ria.selon-systeme": "Depends on the answer to “systeme_ia”.",
    "qualif.ria.maitrise": "Every deployer of an AI system ensures its staff have sufficient literacy.",
    "qualif.ria.maitrise-a-decrire": "The record does not say how (“formation_ia”).",
    "qualif.ria.niveau-inconnu": "Risk tier not assessed (“niveau_risque_ia”): only an assessment tells whether "
                                 "the system is a prohibited practice.",
    "qualif.ria.pratique-interdite": "“niveau_risque_ia: unacceptable”: a prohibited practice may not be used.",
    "qualif.ria.niveau": "Declared risk tier: {niveau}.",
    "qualif.ria.niveau-seul": "This answer rests only on the tier the authority declares: iaterr does not examine "
                              "whether the use is a prohibited practice ({ref}: social scoring, assessing the risk "
                              "of offences by profiling, emotion recognition…).",
    "qualif.ria.eleve-sans-domaine": "“niveau_risque_ia: high” with no Annex III area (“domaines_annexe_iii”): "
                                     "say which, or whether it is an Annex I product.",
    "qualif.ria.agents-emploi": "Decisions concern the staff, with no Annex III area declared: the area {emploi} may "
                                "cover this use.",
    "qualif.ria.hors-annexe-iii": "No Annex III area declared (“domaines_annexe_iii”).",
    "qualif.ria.exception-6-3": "Annex III area {domaines}, but declared risk tier {niveau}: that tier assumes the "
                                "exception of a narrow or preparatory task, without profiling ({ref}), which the "
                                "record does not declare. Check that the system meets its conditions and that this "
                                "assessment is documented before it is put into service; otherwise it is high-risk.",
    "qualif.ria.personnes-morales-5a": "The area {domaines} concerns the eligibility of natural persons; the "
                                       "decisions are addressed to: {destinataires}. It does not apply to this "
                                       "use.",
    "qualif.ria.annexe-sans-niveau": "Annex III area {domaines}, risk tier not assessed (“niveau_risque_ia”): the "
                                     "system is high-risk, unless the exception applies ({ref}).",
    "qualif.ria.haut-risque": "Annex III area: {domaines}.",
    "qualif.ria.profilage": "The processing evaluates or profiles people (“criteres_aipd”: evaluation): the "
                            "exception of a narrow or preparatory task does not apply ({ref}), the system is "
                            "high-risk.",
    "qualif.ria.en-service": "A public authority's system already in use (“statut”: {statut}; an experiment in "
                             "real conditions is a use): brought into compliance by this date at the latest "
                             "({ref}); new systems, from {date}.",
    "qualif.ria.deployeur": "Deployer's duties: {obligations}.",
    "qualif.ria.obligation.deployeur": "use according to the instructions, human oversight by competent people, "
                                       "logs kept at least six months, informing staff and the people concerned",
    "qualif.ria.obligation.analyse-droits": "fundamental rights impact assessment",
    "qualif.ria.obligation.enregistrement-ue": "registration of the use in the EU database",
    "qualif.ria.obligation.enregistrement-non-public": "registration of the use in the secure non-public section "
                                                       "of the EU database",
    "qualif.ria.obligation.enregistrement-national": "no registration in the EU database: critical infrastructure "
                                                     "alone is registered at national level",
    "qualif.ria.obligation.explication": "explaining, to a person who asks, the role of the system in the decision "
                                         "about them",
    "qualif.ria.interaction": "“interaction_public: yes”: people must know they are dealing with an AI.",
    "qualif.ria.contenu-genere": "“contenu_genere_publie: yes”: published texts are disclosed as AI-generated, "
                                 "unless a person reviewed them under editorial responsibility.",
    "qualif.ria.interaction-inconnue": "The record does not say whether the system talks with the public "
                                       "(“interaction_public”).",
    "qualif.ria.contenu-genere-inconnu": "The record does not say whether texts the system produces are published "
                                         "(“contenu_genere_publie”).",
    "qualif.ria.sans-transparence": "No dialogue with the public and no generated text published.",
    # ------------------------------------------------------------ GDPR
    "qualif.rgpd.personnelles": "Personal data declared: {sources}. The people concerned must be informed of it "
                                "({ref}) and may exercise their rights, in particular with the data protection "
                                "officer.",
    "qualif.rgpd.sensibles": "“donnees_sensibles: yes”: sensitive data, processing restricted.",
    "qualif.rgpd.duree-a-dire": "The retention period, which people must be told, is not given "
                                "(“duree_conservation”).",
    "qualif.rgpd.sans-donnees": "The record describes no data processed (“donnees”).",
    "qualif.rgpd.personnelles-inconnues": "The record does not say whether these data are personal "
                                          "(“personnelles”): {sources}.",
    "qualif.rgpd.decisions-sur-des-personnes": "No data declared personal, but individual decisions concern "
                                               "{destinataires}: they are about identified people. Check "
                                               "“donnees”.",
    "qualif.rgpd.non-personnelles": "None of the declared data are personal.",
    # ------------------------------------------------------------ art. 22 / art. 47
    "qualif.art22.selon-decisions": "Depends on “decisions_individuelles”.",
    "qualif.art22.sans-decision": "No individual decision.",
    "qualif.art22.niveau-inconnu": "The record does not say who decides (“niveau_automatisation”).",
    "qualif.art22.personne-decide": "A person takes the decision (“niveau_automatisation”: {niveau}).",
    "qualif.art22.contradiction": "“decisions_individuelles: yes”, but “niveau_automatisation”: {niveau}: the two "
                                  "answers contradict each other, one needs correcting.",
    "qualif.art22.assistee": "“niveau_automatisation”: {niveau}. A person confirms the decision; but if the "
                             "output of the processing (a score, a ranking) plays a determining role in it, that "
                             "output may itself be a fully automated decision ({ref}), with its conditions and "
                             "prohibitions: to be checked with the legal department.",
    "qualif.art22.assistee-sensibles": "The record declares sensitive data (“donnees_sensibles: yes”): if the "
                                       "output of the processing is determining, the decision is fully automated "
                                       "on sensitive data, which the law forbids for an administrative decision.",
    "qualif.art22.assistee-revision": "The record declares an algorithm that revises its own rules "
                                      "(“revision_autonome: yes”): if the output of the processing is determining, "
                                      "the decision rests on such an algorithm, which the law forbids for a fully "
                                      "automated decision.",
    "qualif.art22.personnes-morales": "Fully automated decision, but addressed to legal persons only: the GDPR "
                                      "protects natural persons. The CRPA's explicit mention is still due.",
    "qualif.art22.automatisee": "“niveau_automatisation: fully automated decision”: allowed with the explicit "
                                "mention (without it, the decision is void), if the authority can explain the "
                                "processing in detail; forbidden on sensitive data, or on an algorithm that "
                                "revises its own rules; an administrative appeal must remain possible.",
    "qualif.art22.interdit-sensibles": "“donnees_sensibles: yes”: a fully automated administrative decision may "
                                       "not rest on sensitive data.",
    "qualif.art22.interdit-revision": "“revision_autonome: yes”: a fully automated decision may not rest on an "
                                      "algorithm that revises its own rules without the authority's control.",
    "qualif.art22.recours-a-dire": "The record does not say how to contest the decision with the administration "
                                   "(“procedure_objection”).",
    "qualif.art22.a-preciser": "To be specified: {champs}.",
    # ------------------------------------------------------------ DPIA
    "qualif.aipd.sans-donnees": "No personal data.",
    "qualif.aipd.selon-rgpd": "Depends on the personal data (GDPR row above).",
    "qualif.aipd.criteres": "Risk criteria met, declared or implied by other answers: {criteres}.",
    "qualif.aipd.source.criteres": "“criteres_aipd”",
    "qualif.aipd.source.sensibles": "“donnees_sensibles: yes”",
    "qualif.aipd.source.systeme-ia": "“systeme_ia: yes”",
    "qualif.aipd.source.automatisee": "“niveau_automatisation: fully automated decision”",
    "qualif.aipd.source.agents": "“destinataires_decisions: staff”",
    "qualif.aipd.source.beneficiaires": "“publics: beneficiaries”",
    "qualif.aipd.haut-risque": "High-risk AI system processing personal data: the deployer carries out the DPIA with "
                               "the provider's information.",
    "qualif.aipd.realisee": "A DPIA is declared (“analyses_impact”, {date}).",
    "qualif.aipd.moins-de-deux": "{n} criterion(s): fewer than two, the DPIA is not mandatory on that ground; it is "
                                 "if the processing is on the CNIL's list ({ref}).",
    # ------------------------------------------------------------ the command
    "qualif.titre": "Qualification of “{identifiant}” on {date}",
    "qualif.titre-nouveau": "Regimes your answers trigger (on {date})",
    "qualif.colonne.regime": "Regime",
    "qualif.colonne.statut": "Status",
    "qualif.colonne.pourquoi": "Why",
    "qualif.colonne.references": "References",
    "qualif.champs-a-preciser": "To specify in the record: {champs}.",
    "qualif.interdits": "Forbidden by what the record declares: {regimes}.",
    "qualif.contradictions": "The record contradicts itself, to correct or confirm with the legal department: "
                             "{champs}.",
    "qualif.tout-qualifie": "The record says all that is needed to place every regime.",
    "help.qualification": "Say which legal regimes apply to a use case (CRPA, AI Act, GDPR), why, and what the "
                          "record still has to specify (exit code 1).",
    "help.qualification.id": "Identifier of the use case.",
    "help.qualification.format": "text (readable table) or json (for programs).",
}
