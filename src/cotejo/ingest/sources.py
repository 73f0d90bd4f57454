"""The source registry: who publishes what, of which kind, under which owner.

A folder of inputs may carry a `cotejo-sources.toml` at its root:

    [[source]]
    name = "Diario del Paria"      # as the documents name it (site name, feed title, channel)
    kind = "media"                 # official | media | ngo | social | court | witness | unknown
    country = "VE"
    language = "es"
    domains = ["diariodelparia.example"]
    affiliation = ""               # one non-empty value per owner or government

Documents are matched to an entry by source name (case-insensitive) or URL domain.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cotejo.errors import InputError
from cotejo.ingest.document import SourceKind

REGISTRY_FILE = "cotejo-sources.toml"
UNKNOWN_SOURCE = "(unknown source)"


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: SourceKind = SourceKind.UNKNOWN
    country: str | None = None
    language: str | None = None
    affiliation: str | None = None
    domains: tuple[str, ...] = ()


def domain_of(url: str | None) -> str | None:
    """Host of a URL without `www.`; web.archive.org captures give the archived page's host."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host == "web.archive.org" and "/http" in parts.path:
        return domain_of(parts.path[parts.path.index("/http") + 1 :])
    return host.removeprefix("www.") or None


class SourceRegistry:
    def __init__(self, entries: tuple[SourceInfo, ...] = ()) -> None:
        self.entries = entries
        self._by_name = {e.name.casefold(): e for e in entries}
        self._by_domain = {d.lower().removeprefix("www."): e for e in entries for d in e.domains}

    def merged(self, other: SourceRegistry) -> SourceRegistry:
        return SourceRegistry(self.entries + other.entries)

    def match(self, name: str | None, url: str | None) -> SourceInfo | None:
        if name and name.casefold() in self._by_name:
            return self._by_name[name.casefold()]
        host = domain_of(url)
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2] if "." in host.partition(".")[2] else None
        return None

    def resolve(self, name: str | None, url: str | None, kind: SourceKind | None) -> SourceInfo:
        """The registered source, else one named from the document (or its URL's domain)."""
        found = self.match(name, url)
        if found is not None:
            return found
        return SourceInfo(
            name=(name or "").strip() or domain_of(url) or UNKNOWN_SOURCE,
            kind=kind or SourceKind.UNKNOWN,
        )


def load_registry(path: Path) -> SourceRegistry:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: not valid TOML: {err}", "fix the source registry file") from None
    entries = []
    for index, raw in enumerate(data.get("source", []), start=1):
        where = f"{path}: [[source]] #{index}"
        if not isinstance(raw, dict) or not str(raw.get("name", "")).strip():
            raise InputError(f"{where} has no name", "give every [[source]] a name")
        kind = SourceKind.parse(raw.get("kind", "unknown"))
        if kind is None:
            valid = ", ".join(k.value for k in SourceKind)
            raise InputError(f"{where}: kind {raw.get('kind')!r} is unknown", f"use one of {valid}")
        entries.append(
            SourceInfo(
                name=str(raw["name"]).strip(),
                kind=kind,
                country=raw.get("country") or None,
                language=raw.get("language") or None,
                affiliation=raw.get("affiliation") or None,
                domains=tuple(str(d) for d in raw.get("domains", [])),
            )
        )
    return SourceRegistry(tuple(entries))
