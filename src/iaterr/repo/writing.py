"""Writing a file of a data repository (or an output) whole, its failures said to people.

:func:`~iaterr.base.files.atomic_write` writes whole or not at all; here its refusals and the system's
(a full disk, a read-only folder, a file where a folder should be) become a :class:`RepositoryError`
that names the file and the reason, which every command shows as a message (exit code 2).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from iaterr.base.files import UnsafePath, atomic_write, os_reason
from iaterr.repo.config import RepositoryError


def write_whole(path: Path, data: bytes | str | Iterable[str], *, root: Path | None = None,
                fsync: bool = True) -> None:
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
        raise RepositoryError("cli.ecriture-impossible", chemin=str(path), erreur=reason(path, exc)) from exc


def reason(path: Path, exc: OSError) -> Any:
    """Why ``path`` could not be written, as a message parameter: the system's reason, or, for a file where a
    folder should be (the system says "File exists" or "Not a directory"), that file named."""
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        for folder in reversed(Path(os.path.abspath(path)).parents):  # from the top down
            try:
                mode = os.stat(folder).st_mode
            except OSError:
                break
            if not stat.S_ISDIR(mode):
                return {"t": "erreur.pas-un-dossier", "p": {"chemin": str(folder)}}
    return os_reason(exc)
