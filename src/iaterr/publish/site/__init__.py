"""The register website: static, self-contained pages built from the public views of the records.

:mod:`~iaterr.publish.site.data` (what the site knows of the records), :mod:`~iaterr.publish.site.render`
(templates, rows, charts), :mod:`~iaterr.publish.site.output` (the output folder: checks, staging, swap,
what the last build wrote) and :mod:`~iaterr.publish.site.build` (which pages, kept or rendered).
``build_site`` returns what it did; it prints nothing.
"""

from iaterr.publish.site.build import BuildResult, build_site
from iaterr.publish.site.data import FILTERS, NO_RISK, SiteData, json_text, load_site_data
from iaterr.publish.site.output import MANIFEST, OutputRefused
from iaterr.publish.site.render import environment

__all__ = ["BuildResult", "FILTERS", "MANIFEST", "NO_RISK", "OutputRefused", "SiteData", "build_site", "environment",
           "json_text", "load_site_data"]
