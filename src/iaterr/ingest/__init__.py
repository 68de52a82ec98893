"""Importing records from other sources (the Bibliothèque d'IA territoriales' CSV export).

The core reads, maps, repairs, matches and writes; it prints nothing and returns a
report that the command line renders (:mod:`iaterr.cli.importer`).
"""
