"""Lint rules: doublons."""
