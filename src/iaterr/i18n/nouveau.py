"""Messages of `iaterr new`, French and English side by side."""

FR: dict[str, str] = {
}

EN: dict[str, str] = {
}
