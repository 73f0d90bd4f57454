"""`Geocoder`: places named in a document, as typed `Place`s with spans and precision."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from cotejo.extract.model import Place, Span
from cotejo.extract.places import recognise
from cotejo.extract.places.build import load_default
from cotejo.extract.places.gazetteer import PRECISION, Gazetteer, Kind
from cotejo.extract.places.resolve import Resolution, resolve

# find_places drops a name whose best reading scores below this (a weak, far-off match):
MIN_SCORE = {
    recognise.Evidence.PLACE: 6.0,  # NER called it a place
    recognise.Evidence.CHECKED: 8.0,  # NER gave it another label
    recognise.Evidence.GAZETTEER: 8.0,  # no entity, only the gazetteer
    recognise.Evidence.PERSON: 8.0,  # and other places named must back it (see below)
}
# country_focus: the leading country needs this share of the document's weighted places.
FOCUS_SHARE = 0.4
_FOCUS_WEIGHT = {Kind.COUNTRY: 1.0, Kind.ADMIN1: 1.5, Kind.ADMIN2: 1.5}  # towns etc.: 2.0


class Geocoder:
    """Recognise and resolve toponyms. The default gazetteer loads on first use.

    `gazetteer` injects a ready one (tests use a tiny one); `loader` replaces how the default
    is loaded (it is called once, from whichever thread first needs it).
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        loader: Callable[[], Gazetteer] = load_default,
    ) -> None:
        self._gazetteer = gazetteer
        self._loader = loader
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = self._loader()
        return self._gazetteer

    def find_places(
        self, text: str, doc: Doc | None, language: str, focus: str | None = None
    ) -> list[Place]:
        """Every place named in `text`, in text order, each with its span.

        `doc` is a spaCy Doc of `text` with NER run (None: gazetteer-only, lower quality);
        `focus` an ISO alpha-2 country that ambiguous names lean towards.
        """
        return self._places(text, self._candidates(text, doc, language), focus)

    def locate(self, text: str, doc: Doc | None, language: str) -> tuple[str | None, list[Place]]:
        """`country_focus` and then `find_places` with it, recognising the names only once."""
        candidates = self._candidates(text, doc, language)
        focus = self._focus(text, candidates)
        return focus, self._places(text, candidates, focus)

    def _places(
        self, text: str, candidates: list[recognise.Candidate], focus: str | None
    ) -> list[Place]:
        return [
            self._place(text, candidate.start, candidate.end, result)
            for candidate, result in self._found(text, candidates, focus)
        ]

    def resolve_spans(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        focus: str | None = None,
        *,
        fallback: bool = False,
    ) -> list[Place | None]:
        """Resolve given toponym spans (e.g. gold spans); None where no place fits.

        Demonyms ("Venezuelan", "Germans") resolve to their country here, because span
        annotations often mark them; `find_places` does not report them as places. A span
        naming something the gazetteer lacks but holding a known place ("Dubai World Cup")
        resolves to that place. With `fallback`, a span the gazetteer cannot read at all
        ("Barclays Center") gets the document's main place, with score 0.
        """
        results = resolve(self.gazetteer, text, spans, focus, demonyms=True, fallback=fallback)
        return [
            self._place(text, start, end, result) if result else None
            for (start, end), result in zip(spans, results, strict=True)
        ]

    def country_focus(self, text: str, doc: Doc | None, language: str | None = None) -> str | None:
        """ISO alpha-2 of the country most of the document's places lie in, or None.

        Towns and districts weigh more than regions, and regions more than a bare country
        name, so "U.S. strike off Venezuela, near Güiria" leans to Venezuela.
        """
        language = language or (doc.lang_ if doc is not None else "en")
        return self._focus(text, self._candidates(text, doc, language))

    def _focus(self, text: str, candidates: list[recognise.Candidate]) -> str | None:
        gazetteer = self.gazetteer
        weights: dict[str, float] = defaultdict(float)
        for _, result in self._found(text, candidates, None):
            country = gazetteer.countries[result.row]
            if country:
                weights[country] += _FOCUS_WEIGHT.get(Kind(gazetteer.kinds[result.row]), 2.0)
        if not weights:
            return None
        country, weight = max(weights.items(), key=lambda item: (item[1], item[0]))
        return country if weight >= FOCUS_SHARE * sum(weights.values()) else None

    def _candidates(self, text: str, doc: Doc | None, language: str) -> list[recognise.Candidate]:
        """The names that may be places, from NER and the gazetteer (recognition only)."""
        if doc is not None:
            found = recognise.from_doc(doc, self.gazetteer, language)
        else:
            found = recognise.from_text(text, self.gazetteer)
        return _without_overlaps(found)

    def _found(
        self, text: str, candidates: list[recognise.Candidate], focus: str | None
    ) -> list[tuple[recognise.Candidate, Resolution]]:
        gazetteer = self.gazetteer
        spans = [(c.start, c.end) for c in candidates]
        found = []
        steering = [c.evidence != recognise.Evidence.PERSON for c in candidates]
        results = resolve(gazetteer, text, spans, focus, steering=steering)
        for candidate, result in zip(candidates, results, strict=True):
            if result is None:
                continue
            evidence = candidate.evidence
            if recognise.place_cue(text, candidate.start, candidate.end):
                evidence = max(evidence, recognise.Evidence.PLACE)
            if result.score < MIN_SCORE[evidence]:
                continue
            if evidence == recognise.Evidence.PERSON and not result.supported:
                continue  # "Jordan" alone is a person unless the text is about that area
            found.append((candidate, result))
        return found

    def _place(self, text: str, start: int, end: int, result: Resolution) -> Place:
        gazetteer = self.gazetteer
        entry = gazetteer.entry(result.row)
        return Place(
            name=entry.name,
            span=Span.of(text, start, end),
            precision=PRECISION[entry.kind],
            latitude=round(entry.latitude, 5),
            longitude=round(entry.longitude, 5),
            geonames_id=entry.geonames_id,
            country_code=entry.country or None,
            admin1=gazetteer.admin1_name(entry.admin1) if entry.admin1 else None,
            score=result.confidence,
        )


def _without_overlaps(candidates: list[recognise.Candidate]) -> list[recognise.Candidate]:
    """Keep the longest of overlapping candidates, NER's first when equal."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.evidence, c.start))
    kept: list[recognise.Candidate] = []
    for candidate in ordered:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)
