"""Redaction of private individuals' names from the free text that exports carry.

spaCy's person entities (PERSON in English, PER in Spanish) are replaced by a marker,
except names the alias file knows: it lists forces, organisations and public offices
(and the office-holders recorded by office), never private persons. A reasonable start,
not a guarantee: a name the model misses stays, so read a redacted export before sharing it.
"""

from __future__ import annotations

from functools import cache

from cotejo.extract.aliases import Catalogue, default_catalogue

PERSON_LABELS = frozenset({"PERSON", "PER"})
MARKER = {"es": "[nombre omitido]", "en": "[name withheld]"}


class Redactor:
    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or default_catalogue()

    def names(self, text: str, language: str) -> list[tuple[int, int]]:
        """(start, end) of each private person's name in `text`."""
        from cotejo.extract.nlp import pipeline

        doc = pipeline("es" if language == "es" else "en")(text)
        return [
            (ent.start_char, ent.end_char)
            for ent in doc.ents
            if ent.label_ in PERSON_LABELS and self.catalogue.lookup(ent.text) is None
        ]

    def __call__(self, text: str | None, language: str = "en") -> str | None:
        if not text:
            return text
        marker = MARKER.get(language, MARKER["en"])
        out, last = [], 0
        for start, end in self.names(text, language):
            out += [text[last:start], marker]
            last = end
        out.append(text[last:])
        return "".join(out)


@cache
def default_redactor() -> Redactor:
    return Redactor()
