"""The register's identity and furniture: who publishes it (``registre:`` in ``iaterr.yaml``, else its one
collectivité), its colour (contrast checked), its logo (a file of the repository, copied), the licence of its
data, and the files a published site carries: ``favicon.svg``, ``robots.txt``, ``sitemap.xml`` (with the site's
address), the Atom feed of changes (``modifications.xml``, from git) and ``donnees/datapackage.json`` (the
licence in the data's own metadata).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from iaterr.repo.config import Repository

#: the colour of links and of the header when ``registre.couleur`` is not given or fails the contrast check
DEFAULT_COLOUR = "#000091"
#: WCAG 1.4.3: text (links, the header's name) on white
MIN_CONTRAST = 4.5
#: the logo file: its kinds and its largest size
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".webp": "image/webp"}
LOGO_MAX = 512 * 1024
#: entries of the feed of changes
FEED_ENTRIES = 100


@dataclass
class Identity:
    """Who publishes the register and how it looks; ``problems``: what the build reports (message key, params)."""

    editeur: str
    couleur: str
    licence: str
    licence_url: str
    url: str | None
    depot: str | None
    adresse: str | None = None
    directeur: str | None = None
    hebergeur: str | None = None
    contact_accessibilite: str | None = None
    #: the logo's bytes and its file name in the site (``assets/logo.png``)
    logo: tuple[bytes, str] | None = None
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: the legal notice's items the configuration does not give
    missing: list[str] = field(default_factory=list)


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(colour: str, background: str = "#ffffff") -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    a, b = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def identity(repo: Repository, collectivites: dict[str, Any]) -> Identity:
    conf = repo.config.registre
    only = next(iter(collectivites.values())) if len(collectivites) == 1 else None
    # the register's name (iaterr.yaml's nom) is no publisher: without registre.editeur, only the register's one
    # collectivité is taken as it
    editeur = conf.editeur or (str(only.get("nom")) if only else None) or ""
    found = Identity(editeur=editeur, couleur=DEFAULT_COLOUR, licence=conf.licence, licence_url=conf.licence_url,
                     url=conf.url.rstrip("/") + "/" if conf.url else None, depot=conf.depot,
                     adresse=conf.adresse or (str(only.get("adresse_postale")) if only and only.get("adresse_postale")
                                              else None),
                     directeur=conf.directeur_publication, hebergeur=conf.hebergeur,
                     contact_accessibilite=conf.contact_accessibilite)
    if conf.couleur:
        ratio = contrast(conf.couleur)
        if ratio >= MIN_CONTRAST:
            found.couleur = conf.couleur.lower()
        else:
            found.problems.append(("registre.couleur-contraste", {"couleur": conf.couleur, "ratio": f"{ratio:.2f}",
                                                                  "minimum": f"{MIN_CONTRAST:g}"}))
    # every setting the legal notice and the accessibility statement say « à compléter » for is reported
    for name, value in (("editeur", editeur), ("adresse", found.adresse), ("directeur_publication", found.directeur),
                        ("hebergeur", found.hebergeur), ("contact_accessibilite", found.contact_accessibilite)):
        if not value:
            found.missing.append(name)
    if conf.logo:
        found.logo = _logo(repo, conf.logo, found.problems)
    return found


def _logo(repo: Repository, name: str, problems: list[tuple[str, dict[str, Any]]]) -> tuple[bytes, str] | None:
    """The logo file named in ``iaterr.yaml``, read safely: inside the repository, a regular file (no link), of a
    known image type, small."""
    from iaterr.base.files import UnsafePath, contained, read_regular

    path = repo.root / name
    suffix = path.suffix.lower()
    try:
        contained(repo.root, path)
        info = os.lstat(path)
        if suffix not in LOGO_TYPES or not stat.S_ISREG(info.st_mode) or info.st_size > LOGO_MAX:
            raise ValueError(name)
        return read_regular(path), f"assets/logo{suffix}"
    except (OSError, UnsafePath, ValueError):
        problems.append(("registre.logo-refuse", {"chemin": name, "types": ", ".join(sorted(LOGO_TYPES)),
                                                  "taille": LOGO_MAX // 1024}))
        return None


def favicon(colour: str, letter: str) -> str:
    """A square of the register's colour with the first letter of its name: no file to provide."""
    letter = escape((letter.strip()[:1] or "R").upper())
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
            f'<rect width="32" height="32" rx="6" fill="{colour}"/>'
            '<text x="16" y="23" font-family="Arial, sans-serif" font-size="20" font-weight="700" fill="#ffffff" '
            f'text-anchor="middle">{letter}</text></svg>\n')


def robots(url: str | None) -> str:
    return "User-agent: *\nAllow: /\n" + (f"Sitemap: {url}sitemap.xml\n" if url else "")


def sitemap(url: str, pages: Iterable[str]) -> str:
    return "".join(sitemap_lines(url, lambda: iter(pages)))


def sitemap_lines(url: str, pages: Callable[[], Iterator[str]]) -> Iterator[str]:
    """``sitemap.xml``, line by line, from the pages' paths in order (each call of ``pages`` gives them again)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    for page in pages():
        yield f"<url><loc>{escape(url + page)}</loc></url>\n"
    yield "</urlset>\n"


def atom(title: str, url: str | None, entries: list[dict[str, Any]], updated: datetime) -> str:
    """The feed of changes: ``entries`` of {title, page, day (datetime), id, summary}."""
    base = url or ""
    feed_id = f"{url}modifications.xml" if url else \
        "urn:iaterr:registre:" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:16]
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{escape(title)}</title>", f"<id>{escape(feed_id)}</id>",
           f"<updated>{updated.isoformat()}</updated>", "<author><name>" + escape(title) + "</name></author>"]
    if url:
        out.append(f"<link rel=\"self\" href={quoteattr(url + 'modifications.xml')}/>")
        out.append(f"<link href={quoteattr(url)}/>")
    for entry in entries:
        out += ["<entry>", f"<title>{escape(entry['title'])}</title>",
                f"<link href={quoteattr(base + entry['page'])}/>", f"<id>{escape(entry['id'])}</id>",
                f"<updated>{entry['day'].isoformat()}</updated>",
                f"<summary>{escape(entry['summary'])}</summary>", "</entry>"]
    return "\n".join(out + ["</feed>"]) + "\n"


def datapackage(title: str, licence: str, licence_url: str, url: str | None) -> str:
    """``donnees/datapackage.json``: the open data's description (Frictionless Data Package), its licence first."""
    base = f"{url}donnees/" if url else ""
    package = {
        "name": "registre-ia-algorithmes", "title": title,
        "licenses": [{"name": "etalab-2.0" if "Ouverte 2.0" in licence else licence, "title": licence,
                      "path": licence_url}],
        "resources": [
            {"name": "cas-usage-csv", "path": base + "cas-usage.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": base + "cas-usage.tableschema.json"},
            {"name": "cas-usage-json", "path": base + "cas-usage.json", "format": "json",
             "mediatype": "application/json"},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def logo_path(found: Identity) -> Path | None:
    return Path(found.logo[1]) if found.logo else None
