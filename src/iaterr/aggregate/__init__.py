"""One library from many collectivités' repositories: ``iaterr aggregate`` (sources, fetching, merging)."""
