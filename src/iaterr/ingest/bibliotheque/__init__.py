"""Import of the Bibliothèque d'IA territoriales' CSV export into records.

The export (``docs/import.md``, ``../shared/domain/bibliotheque-ia.md``) repeats each collectivité on
every row of its projects and carries known defects: SIRETs whose checksum fails, types and statuses
outside the Bibliothèque's own enumerations, list cells separated by ``-``, text where a URL should
be, dates as spreadsheet serial numbers in other exports. The import:

1. reads the file (:mod:`.source`: encoding, delimiter, quoted multi-line cells; :mod:`.columns`:
   column names matched without regard to case, accents or punctuation);
2. maps every cell to a field of the model through its type and vocabularies (:mod:`.cells`,
   :mod:`.lists`, :mod:`.rows`), repairing what can be repaired safely and leaving out what cannot,
   each time with a finding tied to the row's **source line** (:mod:`.report`);
3. groups rows by collectivité and matches collectivités and use cases with the repository's records,
   read through the one loader (:mod:`.existing`: SIRET, then name; collectivité and normalised
   project name, then identifier);
4. creates, updates (:mod:`.merge`, in round trip) or leaves records unchanged, each new or changed
   file checked by ``validate`` before it is written (:mod:`.run`), with the justified silences of the
   lint rules the export cannot satisfy (:mod:`.silences`, :mod:`.legacy`).

Nothing here prints: :func:`import_bibliotheque` returns an :class:`ImportReport`.

Records created by the import carry a marker comment; in them the fields the export has are updated
by every later import (the export is their source), while fields added by hand and comments are kept.
Records the import did not create (written by hand, or from the booklet) are only completed: a field
they lack is added, a field they have is never overwritten, and the differences are reported.
"""

from iaterr.ingest.bibliotheque.existing import MARK_TOKEN, identifier, similar_names
from iaterr.ingest.bibliotheque.lists import is_placeholder, known_compound_pairs, split_list
from iaterr.ingest.bibliotheque.report import Finding, ImportReport, RecordResult, SourceError
from iaterr.ingest.bibliotheque.run import import_bibliotheque
from iaterr.ingest.bibliotheque.silences import SILENCE_TOKEN

__all__ = [
    "MARK_TOKEN", "SILENCE_TOKEN", "Finding", "ImportReport", "RecordResult", "SourceError", "identifier",
    "import_bibliotheque", "is_placeholder", "known_compound_pairs", "similar_names", "split_list",
]
