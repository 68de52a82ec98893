"""Records and a small repository for the lint rule tests.

``GOOD_DECISION`` is a complete, exemplary use case that takes individual decisions: a points grid
voted by the council, applied by software — not an AI system (``systeme_ia: False``, AI Act
art. 3(1)), so only the CRPA and the GDPR apply. ``GOOD_HIGH_RISK`` is a complete, exemplary
high-risk AI system of Annex III (a machine-learning score for social-housing allocation).
``GOOD_SIMPLE`` is a complete use case of the shared library that takes no decision.
Every rule must be silent on all three. Tests change one thing with ``variant()`` and check that
the rule fires.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

from iaterr.lint.run import run_lint
from iaterr.repo.config import open_repository
from iaterr.repo.gitops import GitHistory
from iaterr.repo.records import render_record

TODAY = date(2026, 11, 22)

COLLECTIVITE = {
    "identifiant": "ville-exemple",
    "nom": "Ville d'Exemple",
    "siret": "24310063300391",
    "type": "commune",
    "site_web": "https://www.ville-exemple.fr",
    "contact": "contact@ville-exemple.fr",
    "contact_droits": "dpo@ville-exemple.fr",
    "contact_dpo": "dpo@ville-exemple.fr",
    "logo": "https://www.ville-exemple.fr/logo.png",
    "latitude": 43.54,
    "longitude": 1.5,
    "nombre_agents": 900,
}

GOOD_DECISION: dict[str, Any] = {
    "identifiant": "attribution-places-creche",
    "collectivite": "ville-exemple",
    "nom": "Attribution des places en crèche",
    "service_responsable": "Direction de la petite enfance",
    "statut": "en_deploiement",
    "date_debut": "2024-09",
    "date_mise_a_jour": "2026-10-01",
    "description": "Un score aide la commission d'attribution à classer les demandes de place en crèche selon "
                   "des critères votés par le conseil municipal.",
    "finalite": "Attribuer les places en crèche de façon équitable et transparente.",
    "theme": "citoyennete_sante_solidarite",
    "sous_themes": ["education"],
    "publics": ["grand_public"],
    "url_informations": "https://www.ville-exemple.fr/creches",
    "partenaires": ["Caisse d'allocations familiales"],
    "fournisseurs": ["Éditeur du logiciel petite enfance"],
    "decisions_individuelles": True,
    "destinataires_decisions": ["personnes_physiques"],
    "nombre_decisions_par_an": 1200,
    "personnes_concernees": "Les familles qui demandent une place en crèche municipale.",
    "niveau_automatisation": "aide_decision",
    "contribution_decision": "Le score classe les demandes ; la commission d'attribution examine chaque dossier "
                             "et décide.",
    "supervision_humaine": "La commission peut écarter le classement pour tenir compte d'une situation "
                           "particulière.",
    "base_legale": "Code de l'action sociale et des familles, article L214-2.",
    "exercice_droits": "Écrire au délégué à la protection des données ; sans réponse sous un mois, saisir la "
                       "CADA dans les deux mois.",
    "contact_droits": "dpo@ville-exemple.fr",
    "procedure_objection": "Toute famille peut demander un réexamen de sa demande par la commission.",
    "url_regles_publiees": "https://www.ville-exemple.fr/algorithmes/creches",
    "type_algorithme": ["regles"],
    "donnees": [{"nom": "Dossier de demande (composition du foyer, date de la demande)", "source": "usager",
                 "mode_collecte": "manuelle", "personnelles": True}],
    "donnees_sensibles": False,
    "duree_conservation": "Les dossiers sont conservés deux ans après la décision d'attribution.",
    "criteres_aipd": ["evaluation", "personnes_vulnerables"],
    "parametres": [{"nom": "Ancienneté de la demande", "description": "Un point par mois d'attente.",
                    "ponderation": "40 %"}],
    "operations": "Le logiciel calcule un score par demande en additionnant les points des critères, puis "
                  "classe les demandes par score décroissant.",
    "url_code_source": "https://git.ville-exemple.fr/creches/score",
    "systeme_ia": False,
    "interaction_public": False,
    "analyses_impact": [{"type": "aipd", "date": "2024-06", "url": "https://www.ville-exemple.fr/aipd-creches"}],
    "evaluation_risques": "Risque de biais au détriment des familles arrivées récemment ; critère plafonné.",
    "contact": "petite-enfance@ville-exemple.fr",
    "nom_algorithme": "Score d'attribution des places en crèche",
    "mise_en_oeuvre": "marche_public",
    "hebergement": "interne",
}

GOOD_HIGH_RISK: dict[str, Any] = {
    "identifiant": "score-attribution-logements-sociaux",
    "collectivite": "ville-exemple",
    "nom": "Score d'aide à l'attribution des logements sociaux",
    "service_responsable": "Direction de l'habitat",
    "statut": "en_deploiement",
    "date_debut": "2026-03",
    "date_mise_a_jour": "2026-10-01",
    "description": "Un modèle d'apprentissage automatique, entraîné sur les attributions des cinq dernières années, "
                   "propose à la commission d'attribution un classement des demandes de logement social pour chaque "
                   "logement libéré.",
    "finalite": "Aider la commission d'attribution des logements sociaux à examiner les demandes dans un ordre "
                "équitable.",
    "theme": "citoyennete_sante_solidarite",
    "publics": ["grand_public", "beneficiaires", "agents"],
    "url_informations": "https://www.ville-exemple.fr/logement-social",
    "fournisseurs": ["Éditeur du logiciel de gestion locative"],
    "decisions_individuelles": True,
    "destinataires_decisions": ["personnes_physiques"],
    "nombre_decisions_par_an": 800,
    "personnes_concernees": "Les ménages qui demandent un logement social dans la commune.",
    "niveau_automatisation": "aide_decision",
    "contribution_decision": "Le modèle propose un classement des demandes pour chaque logement ; la commission "
                             "d'attribution examine les dossiers et décide.",
    "supervision_humaine": "Deux agents du service habitat, formés à l'outil, vérifient chaque classement avant la "
                           "commission et peuvent l'écarter ; la commission reste seule à décider.",
    "base_legale": "Code de la construction et de l'habitation, articles L441-1 et suivants.",
    "exercice_droits": "Écrire au service habitat ; sans réponse sous un mois, saisir la CADA dans les deux mois.",
    "contact_droits": "habitat@ville-exemple.fr",
    "procedure_objection": "Tout demandeur peut demander un réexamen de sa demande par la commission.",
    "url_regles_publiees": "https://www.ville-exemple.fr/algorithmes/logement-social",
    "type_algorithme": ["apprentissage_automatique"],
    "revision_autonome": False,
    "donnees": [{"nom": "Dossier de demande de logement social (composition du foyer, ressources, ancienneté)",
                 "source": "usager", "mode_collecte": "manuelle", "personnelles": True}],
    "donnees_sensibles": False,
    "duree_conservation": "Les dossiers sont conservés deux ans après l'attribution ou la radiation de la demande.",
    "criteres_aipd": ["evaluation", "personnes_vulnerables", "usage_innovant"],
    "parametres": [{"nom": "Ancienneté de la demande", "description": "Durée d'attente depuis le dépôt.",
                    "ponderation": "Principal facteur du classement"}],
    "operations": "Le modèle estime, pour chaque demande, l'adéquation au logement libéré, puis classe les "
                  "demandes par adéquation décroissante.",
    "systeme_ia": True,
    "domaines_annexe_iii": ["prestations_publiques"],
    "niveau_risque_ia": "eleve",
    "interaction_public": False,
    "formation_ia": "Les agents du service habitat et les membres de la commission ont suivi une formation d'une "
                    "journée sur le modèle, ses limites et ses erreurs possibles.",
    "analyses_impact": [{"type": "aipd", "date": "2026-01", "url": "https://www.ville-exemple.fr/aipd-logement"},
                        {"type": "aidf", "date": "2026-02", "url": "https://www.ville-exemple.fr/aidf-logement"}],
    "url_base_ue": "https://ec.europa.eu/ai-database/entry/1234",
    "url_base_ue_fournisseur": "https://ec.europa.eu/ai-database/entry/0042",
    "conservation_journaux_mois": 12,
    "information_travailleurs": "Présentation au comité social territorial le 12 janvier 2026 et note aux agents du "
                                "service habitat.",
    "evaluation_risques": "Risque de reproduire des biais des attributions passées ; audit annuel des classements.",
    "contact": "habitat@ville-exemple.fr",
    "nom_algorithme": "Score d'adéquation des demandes de logement social",
    "mise_en_oeuvre": "marche_public",
    "hebergement": "interne",
}

GOOD_SIMPLE: dict[str, Any] = {
    "identifiant": "detection-fuites",
    "collectivite": "ville-exemple",
    "nom": "Détection des fuites d'eau",
    "service_responsable": "Direction du cycle de l'eau",
    "statut": "en_deploiement",
    "date_debut": "2025-05",
    "date_mise_a_jour": "2026-10-01",
    "description": "Analyse des débits de nuit du réseau d'eau potable pour cibler la recherche de fuites sur "
                   "les tronçons les plus probables.",
    "finalite": "Réduire les pertes d'eau du réseau.",
    "theme": "transition_ecologique",
    "sous_themes": ["gestion_eau"],
    "publics": ["agents"],
    "url_informations": "https://www.ville-exemple.fr/eau",
    "decisions_individuelles": False,
    "niveau_automatisation": "sans_decision",
    "personnes_concernees": "Aucune personne : le traitement porte sur le réseau.",
    "supervision_humaine": "Les techniciens vérifient chaque fuite sur le terrain.",
    "type_algorithme": ["apprentissage_automatique"],
    "donnees": [{"nom": "Débits de nuit", "source": "interne", "mode_collecte": "automatisee",
                 "personnelles": False}],
    "operations": "Classement des tronçons par probabilité de fuite.",
    "niveau_risque_ia": "minimal",
    "interaction_public": False,
    "formation_ia": "Les techniciens du service de l'eau ont été formés à lire le classement et à ses limites.",
    "nom_algorithme": "Priorisation des secteurs de recherche de fuites",
    "mise_en_oeuvre": "prestataire",
    "hebergement": "cloud_tiers",
}


def variant(base: dict[str, Any], drop: tuple[str, ...] = (), **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    for key in drop:
        data.pop(key, None)
    data.update(changes)
    return data


def fresh_history(root: Path, rels: list[str], when: date = TODAY) -> GitHistory:
    return GitHistory(available=True, last_change={r: when for r in rels}, first_seen={r: when for r in rels})


def make_repo(root: Path, records: list[dict[str, Any]], *, collectivite: dict[str, Any] | None = None,
              config: str = "", extra_text: dict[str, str] | None = None) -> Path:
    """A repository holding ``records`` (use cases) and one collectivité; ``extra_text`` appends raw text
    (comments, silences) to the file of the record with that identifiant."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "iaterr.yaml").write_text('version_schema: "1.0"\n' + config, encoding="utf-8")
    coll = collectivite if collectivite is not None else COLLECTIVITE
    (root / "data/collectivites").mkdir(parents=True, exist_ok=True)
    (root / "data/cas-usage").mkdir(parents=True, exist_ok=True)
    (root / f"data/collectivites/{coll['identifiant']}.yaml").write_text(render_record("collectivite", coll),
                                                                         encoding="utf-8")
    for record in records:
        text = render_record("cas_usage", record)
        text += (extra_text or {}).get(record["identifiant"], "")
        (root / f"data/cas-usage/{record['identifiant']}.yaml").write_text(text, encoding="utf-8")
    return root


def lint(root: Path, records: list[dict[str, Any]], *, history: GitHistory | None = None, today: date = TODAY,
         **kwargs: Any):
    """Lint a repository made of ``records``; returns the report (``.diagnostics``)."""
    make_repo(root, records, **kwargs)
    repo = open_repository(root)
    if history is None:
        rels = [f"data/cas-usage/{r['identifiant']}.yaml" for r in records]
        coll = kwargs.get("collectivite") or COLLECTIVITE
        history = fresh_history(root, rels + [f"data/collectivites/{coll['identifiant']}.yaml"], today)
    return run_lint(repo, use_cache=False, today=today, history=history)


def codes(report) -> set[str]:
    return {d.code for d in report.diagnostics}


def line_of(root: Path, rel: str, pattern: str) -> int:
    """Line (1-based) of the first line of the file matching ``pattern``."""
    for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return number
    raise AssertionError(f"{pattern!r} not in {rel}")


def record_file(record: dict) -> str:
    """Where a use-case fixture is written in a repository made by :func:`make_repo`."""
    return f"data/cas-usage/{record['identifiant']}.yaml"


def record_line(root: Path, record: dict, start: str, after: str | None = None) -> int:
    """The number of the first line of ``record``'s file that starts with ``start`` (after the line starting with
    ``after``)."""
    lines = (root / record_file(record)).read_text(encoding="utf-8").splitlines()
    begin = 0
    if after is not None:
        begin = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
    for number, line in enumerate(lines[begin:], start=begin + 1):
        if line.startswith(start):
            return number
    raise AssertionError(f"no line starting with {start!r}")


def lint_json(cli, root: Path) -> list[dict]:
    """The diagnostics of ``iaterr lint`` on ``root``, through the command line (JSON)."""
    import json

    result = cli("lint", "--repo", str(root), "--no-cache", "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["diagnostics"]


def edit_text(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` by ``new`` in the file ``rel`` of ``root`` (which must hold it)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_fires(root: Path, report, code: str, record: dict, severity, where: tuple[str, ...], fr: str,
                 en: str):
    """``code`` is reported once for ``record``, with ``severity``, at the line that starts with ``where[0]``
    (after ``where[1]``), its message holding ``fr`` and ``en``, message and hint filled in both languages."""
    d = one(report, code)
    assert d.severity == severity
    assert d.file == record_file(record)
    assert d.line == record_line(root, record, *where)
    assert fr in d.message("fr") and "{" not in d.message("fr")
    assert en in d.message("en") and "{" not in d.message("en")
    assert d.hint("fr") and d.hint("en") and "{" not in d.hint("en")
    return d


def found(report, code: str):
    return [d for d in report.diagnostics if d.code == code]


def one(report, code: str):
    ds = found(report, code)
    assert len(ds) == 1, [(d.code, d.message()) for d in report.diagnostics]
    return ds[0]


def rendered(d) -> None:
    """The diagnostic's message and hint render in both languages, every parameter filled."""
    for lang in ("fr", "en"):
        assert "{" not in d.message(lang) and d.message(lang) != f"diag.{d.code}"
        assert d.hint(lang) and "{" not in d.hint(lang)


def assert_silence_hides(root: Path, code: str, record: dict[str, Any], **kwargs: Any) -> None:
    """A justified silence of ``code`` on ``record`` hides it, and is itself counted as used."""
    report = lint(root, [record], extra_text={record["identifiant"]: f"# iaterr: ignore[{code}] vérifié avec le DPO\n"},
                  **kwargs)
    assert code not in codes(report)
    assert not codes(report) & {"silence-inutile", "silence-sans-justification", "silence-code-inconnu"}


def assert_family_declared(family: str, expected_codes: set[str]) -> None:
    """The rules of ``family`` are exactly ``expected_codes``, use-case rules without a fix, described in
    both languages with a reference and a hint."""
    from iaterr.lint.rules import RULES

    mine = [r for r in RULES.values() if r.famille == family]
    assert {r.code for r in mine} == expected_codes
    for r in mine:
        assert r.portee == "cas_usage" and not r.correction
        assert r.titre_fr and r.titre_en and r.justification_fr and r.justification_en and r.reference
        assert r.aide_fr and r.aide_en
