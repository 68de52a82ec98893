"""Lint rules: vie_privee."""
