"""The command line: a thin layer that parses options, calls the core, renders
results and picks the exit code. Only this package prints."""
