"""Writing a file of a data repository (or an output) whole, its failures said to people.

:func:`~iaterr.base.files.atomic_write` writes whole or not at all; here its refusals and the system's
(a full disk, a read-only folder, a file where a folder should be) become a :class:`RepositoryError`
that names the file and the reason, which every command shows as a message (exit code 2).
"""

from __future__ import annotations

from pathlib import Path

from iaterr.base.files import UnsafePath, atomic_write
from iaterr.repo.config import RepositoryError


def write_whole(path: Path, data: bytes | str, *, root: Path | None = None, fsync: bool = True) -> None:
    """Write ``path`` whole or not at all; with ``root``, never outside it nor through a link on the way.
    Raises :class:`RepositoryError` (``cli.lien-refuse``, ``cli.chemin-hors-depot``,
    ``cli.ecriture-impossible``)."""
    try:
        atomic_write(path, data, root=root, fsync=fsync)
    except UnsafePath as exc:
        if exc.reason == "lien":
            raise RepositoryError("cli.lien-refuse", chemin=str(exc.link or path), cible=exc.target) from exc
        raise RepositoryError("cli.chemin-hors-depot", chemin=str(path), depot=str(root)) from exc
    except OSError as exc:
        # the file meant, not the temporary one the system names
        raise RepositoryError("cli.ecriture-impossible", chemin=str(path), erreur=exc.strerror or str(exc)) from exc
