"""Redaction of private individuals' names from the free text that exports carry.

spaCy's person entities (PERSON in English, PER in Spanish) are replaced by a marker,
except names the alias file knows: it lists forces, organisations and public offices
(and the office-holders recorded by office), never private persons. Both languages' models
read every text (the small Spanish model misses names the English one catches, such as
"murió Jhonny Marval"), and an entity counts only if its words are capitalised like a name.
A reasonable start, not a guarantee: a name both models miss stays, so read a redacted
export before sharing it.
"""

from __future__ import annotations

import re
from functools import cache

from cotejo.extract.aliases import Catalogue, default_catalogue

PERSON_LABELS = frozenset({"PERSON", "PER"})
# Lower-case words inside names ("María de los Ángeles", "Juan y Pedro").
PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "di"})
_WORD = re.compile(r"[^\W\d_]+")


def looks_like_a_name(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w.lower() not in PARTICLES]
    return bool(words) and all(w[0].isupper() for w in words)


MARKER = {"es": "[nombre omitido]", "en": "[name withheld]"}


class Redactor:
    """Redacts texts for one export. One title or span backs many excerpts, sources,
    members and claims, so each (text, language) is read by the models once per export."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or default_catalogue()
        self._done: dict[tuple[str, str], str] = {}

    def names(self, text: str, language: str) -> list[tuple[int, int]]:
        """(start, end) of each private person's name in `text`."""
        from cotejo.extract.nlp import pipeline

        found: list[tuple[int, int]] = []
        for model in ("es", "en") if language == "es" else ("en", "es"):
            for ent in pipeline(model)(text).ents:
                if (
                    ent.label_ in PERSON_LABELS
                    and looks_like_a_name(ent.text)
                    and self.catalogue.lookup(ent.text) is None
                ):
                    found.append((ent.start_char, ent.end_char))
        return _merged(found)

    def __call__(self, text: str | None, language: str = "en") -> str | None:
        if not text:
            return text
        if (text, language) not in self._done:
            self._done[(text, language)] = self._redacted(text, language)
        return self._done[(text, language)]

    def _redacted(self, text: str, language: str) -> str:
        marker = MARKER.get(language, MARKER["en"])
        out, last = [], 0
        for start, end in self.names(text, language):
            out += [text[last:start], marker]
            last = end
        out.append(text[last:])
        return "".join(out)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans from the two models as one, in text order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@cache
def default_redactor() -> Redactor:
    return Redactor()
