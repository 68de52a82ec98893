"""The model: records, their fields' metadata and the vocabularies."""

from iaterr.model.collectivite import Collectivite
from iaterr.model.fields import SECTIONS, FieldMeta, fields_of
from iaterr.model.usecase import AnalyseImpact, CasUsage, ChiffreCle, DateCle, Parametre, SourceDonnees
from iaterr.model.vocab import VOCABULARIES, Term, Vocabulary

#: Record kinds: folder under data/, model, JSON Schema file name.
KINDS = {
    "cas_usage": ("cas-usage", CasUsage, "cas-usage.schema.json"),
    "collectivite": ("collectivites", Collectivite, "collectivite.schema.json"),
}

__all__ = [
    "AnalyseImpact", "CasUsage", "ChiffreCle", "Collectivite", "DateCle", "FieldMeta", "KINDS", "Parametre",
    "SECTIONS", "SourceDonnees", "Term", "VOCABULARIES", "Vocabulary", "fields_of",
]
