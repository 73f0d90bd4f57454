"""Who a claim traces to (its voice), and which voices are one origin for independence.

A claim's voice is the speaker the text names, normalised through the alias file; with no
stated speaker it is the publishing source, and for reprinted wire copy the near-duplicate
group itself. Voices that share a source-registry affiliation, or that are organs of one
state, carry a common token: such voices are never independent of each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cotejo.assess.model import EvidenceClaim, SourceInfo
from cotejo.assess.rules import Rules
from cotejo.extract.aliases import Catalogue

STATE_KINDS = frozenset({"government", "state_force", "public_official"})
_DETERMINER = re.compile(r"^(?:the|a|an|el|la|los|las|un|una)\s+", re.IGNORECASE)
PUBLISHER = "(publisher)"


def normalise(name: str) -> str:
    return _DETERMINER.sub("", " ".join(name.split()).strip(" ,.")).casefold()


@dataclass(frozen=True)
class Voice:
    key: str
    label: str
    kind: str
    tokens: frozenset[str] = field(default_factory=frozenset)

    def shares_with(self, other: Voice) -> bool:
        return self.key == other.key or bool(self.tokens & other.tokens)


class VoiceBook:
    """Names speakers and publishers the same way, through the alias catalogue and the
    source registry, so "Department of War spokesman …" in a reprint and the Department of
    War's own post are one voice."""

    def __init__(self, sources: Sequence[SourceInfo], rules: Rules, catalogue: Catalogue) -> None:
        self.rules = rules
        self.catalogue = catalogue
        self._by_name: dict[str, SourceInfo] = {}
        # of_name runs for every pair of claims compared; the alias lookup is a regex scan.
        self._named: dict[tuple[str, str], Voice] = {}
        for source in sources:
            self._by_name.setdefault(normalise(source.name), source)
            entry = self._entry(source)
            if entry is not None:
                self._by_name.setdefault(normalise(entry.name), source)

    def _entry(self, source: SourceInfo):  # type: ignore[no-untyped-def]
        # Only public bodies are looked up in the alias file: an outlet's name may contain
        # an alias ("Police News") without being that body.
        if source.kind not in ("official", "court"):
            return None
        return self.catalogue.lookup(source.name)

    def _tokens(self, source: SourceInfo | None, state_country: str | None) -> frozenset[str]:
        tokens = set()
        independence = self.rules.independence
        if (
            source is not None
            and source.affiliation
            and independence.shared_affiliation_is_one_origin
        ):
            tokens.add(f"affiliation:{normalise(source.affiliation)}")
        if independence.state_organs_of_one_country_are_one_origin:
            if state_country:
                tokens.add(f"state:{state_country}")
            elif source is not None and source.kind == "official" and source.country:
                tokens.add(f"state:{source.country}")
        return frozenset(tokens)

    def of_source(self, source: SourceInfo, near_duplicate_group: int | None = None) -> Voice:
        """The voice of a document's own, unattributed statements."""
        if (
            near_duplicate_group is not None
            and self.rules.independence.near_duplicates_are_one_origin
        ):
            return Voice(
                f"reprint:{near_duplicate_group}",
                f"reprinted copy (near-duplicate group {near_duplicate_group})",
                "media",
            )
        entry = self._entry(source)
        if entry is not None:
            state = entry.country if entry.kind.value in STATE_KINDS else None
            return Voice(
                f"party:{normalise(entry.name)}",
                entry.name,
                entry.origin.value,
                self._tokens(source, state),
            )
        return Voice(
            f"party:{normalise(source.name)}",
            source.name,
            source.kind,
            self._tokens(source, None),
        )

    def of_name(self, name: str, kind: str = "unknown") -> Voice:
        """A speaker or party the text names."""
        if (name, kind) not in self._named:
            self._named[(name, kind)] = self._of_name(name, kind)
        return self._named[(name, kind)]

    def _of_name(self, name: str, kind: str) -> Voice:
        if kind == "witness" and self.rules.independence.witnesses_of_one_role_are_one_origin:
            return Voice(f"witness:{normalise(name)}", name, "witness")
        entry = self.catalogue.lookup(name)
        if entry is not None:
            source = self._by_name.get(normalise(entry.name))
            state = entry.country if entry.kind.value in STATE_KINDS else None
            return Voice(
                f"party:{normalise(entry.name)}",
                entry.name,
                entry.origin.value if entry.origin.value != "unknown" else kind,
                self._tokens(source, state),
            )
        source = self._by_name.get(normalise(name))
        if source is not None:
            return self.of_source(source)
        return Voice(f"party:{normalise(name)}", name.strip(), kind)

    def of_claim(self, claim: EvidenceClaim) -> Voice:
        if claim.origin_kind == "publisher" or claim.origin_name == PUBLISHER:
            return self.of_source(claim.source, claim.near_duplicate_group)
        return self.of_name(claim.origin_name, claim.origin_kind)


class Components:
    """Union-find over claims: claims joined by a shared voice, affiliation token or
    near-duplicate group are one origin."""

    def __init__(self, items: Iterable[tuple[int, Voice, int | None]], reprints: bool) -> None:
        self._parent: dict[int, int] = {}
        first_by: dict[str, int] = {}
        for index, voice, group in items:
            self._parent.setdefault(index, index)
            keys = [voice.key, *sorted(voice.tokens)]
            if reprints and group is not None:
                keys.append(f"group:{group}")
            for key in keys:
                if key in first_by:
                    self._union(first_by[key], index)
                else:
                    first_by[key] = index

    def _find(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for index in sorted(self._parent):
            found.setdefault(self._find(index), []).append(index)
        return list(found.values())
