"""The ``iaterr`` console script: ``--version`` answered at once, everything else by :mod:`iaterr.cli.main`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from iaterr import __version__

        sys.stdout.write(f"iaterr {__version__}\n")
        if argv is None:
            sys.exit(0)
        return 0
    from iaterr.cli.main import main as run

    return run(argv)
