"""Lint rules: qualite."""
