"""Messages of `iaterr init`, French and English side by side."""

FR: dict[str, str] = {
}

EN: dict[str, str] = {
}
