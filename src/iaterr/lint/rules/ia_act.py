"""Lint rules: ia_act."""
