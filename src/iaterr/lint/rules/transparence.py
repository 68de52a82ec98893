"""Lint rules: transparence."""
