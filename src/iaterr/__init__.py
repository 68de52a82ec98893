"""iaterr — le registre des usages de l'IA des collectivités territoriales.

The Python library is the product; the command line (``iaterr.cli``) is a thin
layer over it. The core never prints and never exits: it returns results.
"""

__version__ = "0.1.0"

#: Version of the record format written by this release (``version_schema``).
SCHEMA_VERSION = "1.2"
SUPPORTED_SCHEMA_VERSIONS = ("1.0", "1.1", "1.2")
