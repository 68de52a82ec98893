"""Writing records: the one service that creates a record (``init``, ``new``, ``import``) and the scaffold of
a new data repository. Every record written is checked first, exactly as ``validate`` will read it."""
