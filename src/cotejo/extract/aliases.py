"""The actor catalogue: canonical names for organisations, forces and offices (TOML alias files).

The default file ships in `cotejo/extract/data/aliases.toml`; COTEJO_ALIASES names more
files (":"-separated) whose entries add aliases or override kinds. The catalogue holds
organisations, forces and public offices only, never private persons.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cotejo.errors import ConfigError
from cotejo.extract.model import ActorKind, OriginKind

DEFAULT_FILE = Path(__file__).parent / "data" / "aliases.toml"
_LEADING_ARTICLE = re.compile(r"^(?:the|el|la|los|las)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    kind: ActorKind
    origin: OriginKind
    aliases: tuple[str, ...]
    country: str | None = None


@dataclass(frozen=True)
class AliasMatch:
    entry: CatalogueEntry
    start: int
    end: int


def _load(path: Path) -> list[CatalogueEntry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(
            f"alias file {path} cannot be read: {err}", "fix the TOML or the path"
        ) from None
    entries = []
    for number, raw in enumerate(data.get("actor", []), start=1):
        where = f"{path}: [[actor]] #{number}"
        try:
            entries.append(
                CatalogueEntry(
                    name=str(raw["name"]),
                    kind=ActorKind(raw.get("kind", "unknown")),
                    origin=OriginKind(raw.get("origin", "unknown")),
                    aliases=tuple(
                        dict.fromkeys([str(raw["name"]), *map(str, raw.get("aliases", []))])
                    ),
                    country=raw.get("country") or None,
                )
            )
        except KeyError as err:
            raise ConfigError(f"{where} has no {err}", "give every [[actor]] a name") from None
        except ValueError as err:
            raise ConfigError(
                f"{where}: {err}", "see the header of the default aliases.toml"
            ) from None
    return entries


class Catalogue:
    def __init__(self, entries: Sequence[CatalogueEntry]) -> None:
        merged: dict[str, CatalogueEntry] = {}
        for entry in entries:
            previous = merged.get(entry.name)
            if previous is not None:
                entry = CatalogueEntry(
                    entry.name,
                    entry.kind,
                    entry.origin,
                    tuple(dict.fromkeys(previous.aliases + entry.aliases)),
                    entry.country or previous.country,
                )
            merged[entry.name] = entry
        self.entries = tuple(merged.values())
        self._by_alias: dict[str, CatalogueEntry] = {}
        exact, folded = [], []
        for entry in self.entries:
            for alias in entry.aliases:
                if _is_acronym(alias):
                    exact.append(alias)
                    self._by_alias[alias] = entry
                else:
                    folded.append(alias)
                    self._by_alias[alias.casefold()] = entry
        # Longest alias first, so "US Southern Command" wins over "Southern Command".
        self._exact = _alternation(exact, flags=0)
        self._folded = _alternation(folded, flags=re.IGNORECASE)

    @classmethod
    def from_files(cls, paths: Sequence[Path]) -> Catalogue:
        return cls([entry for path in paths for entry in _load(path)])

    def find(self, text: str) -> Iterator[AliasMatch]:
        """Every alias occurrence, in text order, longest match where two overlap."""
        found = []
        for pattern in (self._exact, self._folded):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                surface = match.group("alias")
                entry = self._by_alias.get(surface) or self._by_alias.get(surface.casefold())
                if entry is not None:
                    found.append(AliasMatch(entry, match.start("alias"), match.end("alias")))
        # Where matches overlap the longest wins: "la Policía Nacional de Colombia" is the
        # national police, not "la policía".
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        kept: list[AliasMatch] = []
        for match in found:
            if all(match.end <= k.start or match.start >= k.end for k in kept):
                kept.append(match)
        yield from sorted(kept, key=lambda m: m.start)

    def lookup(self, surface: str) -> CatalogueEntry | None:
        """The entry whose alias is the whole of `surface` (or occurs in it)."""
        for candidate in (surface.strip(), _LEADING_ARTICLE.sub("", surface.strip())):
            entry = self._by_alias.get(candidate) or self._by_alias.get(candidate.casefold())
            if entry is not None:
                return entry
        matches = list(self.find(surface))
        if not matches:
            return None
        return max(matches, key=lambda m: (m.end - m.start, -m.start)).entry


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 5 and sum(c.isupper() for c in letters) >= 2


def _alternation(aliases: list[str], flags: int) -> re.Pattern[str] | None:
    if not aliases:
        return None
    ordered = sorted(set(aliases), key=len, reverse=True)
    body = "|".join(re.escape(a) for a in ordered)
    # Inside a look-ahead every start position is tried, so an alias that begins inside an
    # earlier, shorter one ("la Policía" / "Policía Nacional de Colombia") is still seen.
    return re.compile(rf"(?<![\w-])(?=(?P<alias>(?:{body}))(?![\w-]))", flags)


def alias_files(env: dict[str, str] | None = None) -> tuple[Path, ...]:
    env = dict(os.environ) if env is None else env
    extra = tuple(Path(p) for p in env.get("COTEJO_ALIASES", "").split(":") if p.strip())
    return (DEFAULT_FILE, *extra)


@cache
def default_catalogue(paths: tuple[Path, ...] | None = None) -> Catalogue:
    return Catalogue.from_files(paths or alias_files())
