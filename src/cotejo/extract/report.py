"""extract(Document) -> Report: what one document says happened, who says so, on what basis.

One shared spaCy pass (tok2vec, senter, ner) feeds the sub-extractors: event triggers,
dates, places, figures, actors, attributions and affiliations. The document's main
incident becomes the first mention; a sentence that describes another event on a clearly
different date (a feature story recalling an earlier shooting) becomes a mention of its own.
Every value keeps its span; every claim names its origin.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from spacy.tokens import Doc

from cotejo.extract import dates as date_finder
from cotejo.extract import events, figures
from cotejo.extract.actors import find_actors
from cotejo.extract.affiliation import find_affiliations
from cotejo.extract.aliases import AliasMatch, Catalogue, default_catalogue
from cotejo.extract.attribution import Attribution, attribute_sentences, publisher_origin
from cotejo.extract.model import (
    ActorRole,
    Affiliation,
    Attribute,
    Claim,
    EventDate,
    EventType,
    EventTypeGuess,
    Figure,
    FigureKind,
    Mention,
    Origin,
    Place,
    Report,
    Span,
    Stance,
)
from cotejo.extract.nlp import SUPPORTED, pipeline
from cotejo.extract.places import Geocoder
from cotejo.extract.text_units import Sentences, split_sentences

EXTRACTOR_VERSION = "1.6"  # 1.6: "North Denver", "Southeast Fresno" are in the town
_LEAD_SENTENCES = 3
_MAX_PLACES = 5
_DENIAL = re.compile(
    r"\b(?:denied|denies|rejected|disputed|refuted|dismissed|false|untrue|negó|niega|desmintió|"
    r"desmiente|rechazó|descartó|falso|falsa)\b",
    re.IGNORECASE,
)
# A toponym that names a street or building is not where the event was: "Dallas Street".
_STREET_AFTER = re.compile(
    r"\s*(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Drive|Dr\b|Boulevard|Blvd\b|Lane|Way|Highway|"
    r"Parkway|apartments|Apartments|Hall|High School|Middle School|Elementary)",
)
_STREET_BEFORE = re.compile(
    r"(?:calle|avenida|av\.|carrera|jirón|jr\.|barrio|urbanización|colonia|sector)\s+"
    r"(?:(?:la|el|los|las)\s+)?$",
    re.IGNORECASE,
)
# A country named as the one acting is an actor, not where the event was: "un ataque de
# Estados Unidos", "respuesta oficial de EE.UU.", "U.S. strike", "EE.UU. dice que...".
_AGENT_NOUNS = (
    r"ataques?|bombardeos?|ofensiva|operaci[oó]n|respuesta|gobierno|fuerzas|militares|ej[eé]rcito"
    r"|armada|marina|embajada|presidente|autoridades|agresi[oó]n|attacks?|strikes?|response"
    r"|government|forces|military|army|navy|embassy|president|authorities|aggression"
)
_ACTOR_COUNTRY_BEFORE = re.compile(
    rf"\b(?:{_AGENT_NOUNS})(?:\s+\w+)?\s+(?:de|del|de los|of|from|by)(?:\s+the)?\s+$",
    re.IGNORECASE,
)
_ACTOR_COUNTRY_AFTER = re.compile(
    r"\s+(?:strikes?|attacks?|military|forces|navy|troops|officials|government|airstrikes?"
    r"|dice|dijo|afirma|afirmó|asegura|aseguró|says|said|claims|claimed)\b",
    re.IGNORECASE,
)
# A place named as part of an object is no place: "a Jordan logo", "la camiseta de Boca".
_OBJECT_AFTER = re.compile(
    r"\s+(?:logos?|brand|jerseys?|shirts?|t-shirts?|sneakers|shoes|caps?|tattoos?)\b",
    re.IGNORECASE,
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:logo|logotipo|marca|camiseta|tatuaje|gorra|zapatillas|jersey)\s+(?:de\s+)?(?:la\s+"
    r"|el\s+|los\s+)?$",
    re.IGNORECASE,
)
_INHERITED_PLACE = "place taken from the document's main place: the passage names none"
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|pero|while|mientras|y|and)\b", re.IGNORECASE)
_FIGURE_ATTRIBUTE = {
    FigureKind.KILLED: Attribute.KILLED,
    FigureKind.INJURED: Attribute.INJURED,
    FigureKind.MISSING: Attribute.MISSING,
    FigureKind.SURVIVORS: Attribute.SURVIVORS,
    FigureKind.DETAINED: Attribute.DETAINED,
    FigureKind.CHARGED: Attribute.CHARGED,
}


@dataclass(frozen=True)
class ExtractInput:
    """What extraction reads from a stored document."""

    sha256: str
    text: str
    language: str
    title: str | None = None
    published_at: datetime | date | None = None

    @property
    def published(self) -> date | None:
        if isinstance(self.published_at, datetime):
            return self.published_at.date()
        return self.published_at


def figure_value(figure: Figure) -> str:
    """'3', '3-5', '11+' (open-ended): the claim value of a figure."""
    if figure.high is None:
        return f"{figure.low}+"
    if figure.high == figure.low:
        return str(figure.low)
    return f"{figure.low}-{figure.high}"


def date_value(found: EventDate) -> str:
    return found.start.isoformat() if found.start == found.end else f"{found.start}/{found.end}"


def place_value(place: Place) -> str:
    return f"{place.name} (geonames:{place.geonames_id})" if place.geonames_id else place.name


def _publisher_claim(attribute: Attribute, value: str, span: Span) -> Claim:
    return Claim(
        attribute=attribute,
        value=value,
        span=span,
        origin=publisher_origin(),
        stance=Stance.ASSERTS,
    )


@dataclass
class _Context:
    """What extraction found in the whole document, shared by all its mentions."""

    item: ExtractInput
    text: str
    sentences: Sentences
    attributions: dict[int, Attribution]
    figures: Sequence[Figure] = ()  # the incident figures (cumulative ones set apart)
    places: Sequence[Place] = ()
    affiliations: Sequence[tuple[Affiliation, Stance]] = ()
    focus: str | None = None  # the document's country
    aliases: Sequence[AliasMatch] = ()  # the alias file's names in the text, found once
    publisher: Origin = field(default_factory=publisher_origin)

    @property
    def speakers(self) -> list[Origin]:
        return [a.origin for a in self.attributions.values()]

    def origin_at(self, offset: int) -> tuple[Origin, Stance]:
        index = self.sentences.index_of(offset)
        found = self.attributions.get(index)
        if found is None:
            return self.publisher, Stance.ASSERTS
        return found.origin, found.stance

    def stance_at(self, offset: int) -> tuple[Origin, Stance]:
        """Like origin_at, but a denial earlier in the same clause turns the stance."""
        origin, stance = self.origin_at(offset)
        start, _ = self.sentences[self.sentences.index_of(offset)]
        before = self.text[start:offset]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause = before[breaks[-1].end() :] if breaks else before
        return origin, Stance.DENIES if _DENIAL.search(clause) else stance

    def claim(
        self,
        attribute: Attribute,
        value: str,
        span: Span,
        at: int | None = None,
        denials: bool = False,
    ) -> Claim:
        """A claim read at offset `at` (default: the span's start). Its origin is the speaker
        of that sentence; with `denials`, a denial earlier in the clause turns the stance.
        A value read from the headline is the publisher's own."""
        if span.field == "title":
            return _publisher_claim(attribute, value, span)
        offset = span.start if at is None else at
        origin, stance = self.stance_at(offset) if denials else self.origin_at(offset)
        return Claim(attribute=attribute, value=value, span=span, origin=origin, stance=stance)

    def sentence_span(self, offset: int) -> Span:
        start, end = self.sentences[self.sentences.index_of(offset)]
        return Span.of(self.text, start, end)


class Extractor:
    """Holds the loaded resources (gazetteer, alias catalogue, spaCy pipelines)."""

    version = EXTRACTOR_VERSION

    def __init__(
        self, geocoder: Geocoder | None = None, catalogue: Catalogue | None = None
    ) -> None:
        self.geocoder = geocoder or Geocoder()
        self.catalogue = catalogue or default_catalogue()

    # -- the shared spaCy pass -----------------------------------------------------------

    def parse(self, texts: Sequence[str], language: str) -> list[Doc | None]:
        if language not in SUPPORTED:
            return [None] * len(texts)
        nlp = pipeline(language)
        with nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names]):
            if "senter" not in nlp.pipe_names:
                nlp.enable_pipe("senter")
            try:
                return list(nlp.pipe(texts, batch_size=32))
            finally:
                nlp.disable_pipe("senter")

    def extract_one(self, item: ExtractInput) -> Report:
        """Parse and extract one document (prefer extract_many for many: it batches spaCy)."""
        return next(iter(self.extract_many([item])))

    def extract_many(self, items: Iterable[ExtractInput], batch: int = 64) -> Iterator[Report]:
        for chunk in _chunks(items, batch):
            yield from self._batch(chunk)

    def extract_parallel(
        self, items: Iterable[ExtractInput], workers: int = 2, batch: int = 32
    ) -> Iterator[Report]:
        """Like extract_many, in `workers` forked processes, in input order.

        Resources are loaded before the fork so the workers share the gazetteer and the
        spaCy models copy-on-write instead of loading their own."""
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from self.extract_many(items, batch=batch)
            return
        for language in sorted(SUPPORTED):
            self.extract_one(
                ExtractInput(sha256="warm-up", text="Police said a man died.", language=language)
            )
        _FORKED.append(self)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for reports in pool.imap(_extract_chunk, _chunks(items, batch)):
                    yield from reports
        finally:
            _FORKED.clear()

    def _batch(self, items: list[ExtractInput]) -> Iterator[Report]:
        docs: dict[int, Doc | None] = {}
        for language in {i.language for i in items}:
            group = [n for n, i in enumerate(items) if i.language == language]
            for n, doc in zip(
                group, self.parse([items[n].text for n in group], language), strict=True
            ):
                docs[n] = doc
        for n, item in enumerate(items):
            yield self.extract(item, docs[n])

    # -- one document ----------------------------------------------------------------------

    def extract(self, item: ExtractInput, doc: Doc | None = None) -> Report:
        text, language = item.text, item.language
        lang = language if language in SUPPORTED else "en"
        sentences = split_sentences(text, doc)
        attributions = attribute_sentences(text, sentences, self.catalogue, doc)
        # The headline and the body resolve "shot" against each other's deaths.
        title_figures = self._title_figures(item, lang)
        found_figures = figures.find_figures(text, lang, doc, context=title_figures)
        focus, found_places = self.geocoder.locate(text, doc, lang)
        aliases = list(self.catalogue.find(text))
        # Names the text gives only to a street or a neighbourhood ("barrio La Libertad").
        minor = {_bare(p.name) for p in found_places if _names_a_street(text, p)}
        context = _Context(
            item,
            text,
            sentences,
            attributions,
            figures=[f for f in found_figures if not f.cumulative],
            places=[p for p in found_places if _where_it_happened(text, p)],
            affiliations=find_affiliations(
                text,
                sentences,
                aliases,
                {k: a.origin for k, a in attributions.items()},
                publisher_origin(),
                frozenset(k for k, a in attributions.items() if a.stance is Stance.DENIES),
            ),
            focus=focus,
            aliases=aliases,
        )
        guess = events.classify(text, lang, title=item.title)
        headline_figures, headline_places = self._headline(item, lang, focus, found_figures)
        if minor & {_bare(p.name) for p in headline_places}:
            # The headline names the neighbourhood the text places in its city.
            headline_places = _city_of(context, found_places, focus)
        mentions: list[Mention] = []
        # A weak untyped trigger (an explosion, deaths, bodies) is still a report of an event.
        if (
            guess.type is not EventType.OTHER
            or guess.score > 0
            or context.figures
            or headline_figures
        ):
            mentions = self._mentions(context, guess, lang, headline_figures, headline_places)
        return Report(
            document_sha256=item.sha256,
            extractor_version=EXTRACTOR_VERSION,
            language=language,
            published_at=item.published,
            mentions=tuple(mentions),
            cumulative_figures=tuple(f for f in found_figures if f.cumulative),
        )

    def _mentions(
        self,
        context: _Context,
        guess: EventTypeGuess,
        language: str,
        headline_figures: list[Figure],
        headline_places: list[Place],
    ) -> list[Mention]:
        """The main incident, then each passage that recalls another event on another day."""
        text, item, sentences = context.text, context.item, context.sentences
        triggers = events.triggers(text, language)
        all_dates = date_finder.find_dates(text, language, item.published)
        main_anchor = guess.spans[0].start if guess.spans else 0
        first_guess = date_finder.event_date(
            text, language, item.published, anchor=main_anchor, dates=all_dates
        )
        secondary = self._secondary_anchors(context, triggers, all_dates, first_guess)
        taken = {s for anchor in secondary for s in anchor[2]}
        main_sentences = [i for i in range(len(sentences)) if i not in taken]
        anchor = next(
            (
                s.start
                for t, s, _ in triggers
                if t is guess.type and sentences.index_of(s.start) not in taken
            ),
            main_anchor,
        )
        main_date = (
            first_guess
            if anchor == main_anchor
            else date_finder.event_date(
                text, language, item.published, anchor=anchor, dates=all_dates
            )
        )
        recalled = {when.span.start for _, when, _, _ in secondary}
        if main_date is not None and main_date.span.start in recalled:
            main_date = None  # the date of an earlier event, not of this one
        main = self._with_headline(
            self._mention(context, guess, main_date, main_sentences, lead=True, triggers=triggers),
            headline_figures,
            headline_places,
        )
        mentions = [main]
        for event_type, when, covered, trigger_span in secondary:
            sub_guess = EventTypeGuess(type=event_type, score=1.0, spans=(trigger_span,))
            sub = self._mention(context, sub_guess, when, covered, lead=False, triggers=triggers)
            if not sub.places and main.places:
                # A story set in one place recalls an earlier event there.
                sub = sub.model_copy(
                    update={"places": main.places[:1], "notes": sub.notes + (_INHERITED_PLACE,)}
                )
            mentions.append(sub)
        return mentions

    @staticmethod
    def _own_title(item: ExtractInput) -> str:
        """The title when the text does not repeat it, else '': the headline alone, without
        the site name pages append to it ("... - KSLA News 12 Shreveport, Louisiana")."""
        title = (item.title or "").strip()
        if not title or title in item.text[: len(title) + 200]:
            return ""
        return without_site_name(title)

    def _title_figures(self, item: ExtractInput, language: str) -> list[Figure]:
        """The title's figures read alone (spans into the title), for the body's context."""
        title = self._own_title(item)
        return figures.find_figures(title, language) if title else []

    def _headline(
        self, item: ExtractInput, language: str, focus: str | None, body: Sequence[Figure]
    ) -> tuple[list[Figure], list[Place]]:
        """Figures and places in the title, when the text does not repeat it (paywall and
        video pages often carry the facts only in the headline). Spans point into the title.
        "Teen shot" over a body that reports his death is that death, not an injury."""
        title = self._own_title(item)
        if not title:
            return [], []
        found = [
            f.model_copy(update={"span": f.span.in_title()})
            for f in figures.find_figures(title, language, context=body)
            if not f.cumulative
        ]
        located = [
            p.model_copy(update={"span": p.span.in_title()})
            for p in self.geocoder.find_places(title, None, language, focus=focus)
            if _where_it_happened(title, p)
        ]
        return found, located

    @staticmethod
    def _with_headline(mention: Mention, found: list[Figure], located: list[Place]) -> Mention:
        """Add headline values the text lacks: a kind of figure it never states, a place when
        it names none finer than a region. They are the publisher's own claims."""
        have = {f.kind for f in mention.figures}
        extra_figures = [f for f in found if f.kind not in have]
        fine = [
            p
            for p in mention.places
            if p.precision.value in ("exact", "town", "district", "sea_area")
        ]
        extra_places = (
            []
            if fine
            else [p for p in located if p.precision.value in ("exact", "town", "district")]
        )
        if not extra_figures and not extra_places:
            return mention
        claims = list(mention.claims)
        claims += [
            _publisher_claim(_FIGURE_ATTRIBUTE[f.kind], figure_value(f), f.span)
            for f in extra_figures
        ]
        claims += [
            _publisher_claim(Attribute.PLACE, place_value(p), p.span) for p in extra_places[:1]
        ]
        return mention.model_copy(
            update={
                "figures": mention.figures + tuple(extra_figures),
                "places": tuple(extra_places[:1]) + mention.places,
                "claims": tuple(claims),
                "notes": mention.notes
                + ("some values are read from the headline (span field 'title')",),
            }
        )

    @staticmethod
    def _secondary_anchors(
        context: _Context,
        triggers: Sequence[tuple[EventType, Span, float]],
        all_dates: Sequence[EventDate],
        main_date: EventDate | None,
    ) -> list[tuple[EventType, EventDate, list[int], Span]]:
        """Sentences with a trigger and a day-precise date far from the main event's date."""
        sentences = context.sentences
        anchors: list[tuple[EventType, EventDate, list[int], Span]] = []
        used: set[int] = set()
        for found in all_dates:
            if found.precision.value != "day" or main_date is None:
                continue
            if abs((found.start - main_date.start).days) <= 2:
                continue
            index = sentences.index_of(found.span.start)
            if index in used or index < 1:
                continue
            here = [
                (t, s)
                for t, s, _ in triggers
                if sentences.index_of(s.start) == index and t is not EventType.OTHER
            ]
            if not here:
                continue
            covered = [index] + ([index + 1] if index + 1 < len(sentences) else [])
            used.update(covered)
            # The trigger nearest the date names the event of that date: "marcharon ... por
            # los pescadores que murieron el martes en el ataque".
            kind, span = min(here, key=lambda ts: _gap(ts[1], found.span))
            anchors.append((kind, found, covered, span))
        return anchors

    def _mention(
        self,
        context: _Context,
        guess: EventTypeGuess,
        when: EventDate | None,
        covered: Sequence[int],
        lead: bool,
        triggers: Sequence[tuple[EventType, Span, float]],
    ) -> Mention:
        text, sentences = context.text, context.sentences
        inside = set(covered)

        def within(span: Span) -> bool:
            return sentences.index_of(span.start) in inside

        mention_figures = [f for f in context.figures if within(f.span)]
        if guess.type is EventType.PROTEST:
            # "marched three days after a strike that killed five": the dead are those of
            # the event protested, named in a sentence with a trigger of another type.
            other_events = {
                sentences.index_of(s.start)
                for t, s, _ in triggers
                if t not in (EventType.PROTEST, EventType.OTHER)
            }
            mention_figures = [
                f
                for f in mention_figures
                if f.kind is not FigureKind.KILLED
                or sentences.index_of(f.span.start) not in other_events
            ]
        lead_ids = set(sorted(inside)[:_LEAD_SENTENCES]) if lead else inside
        anchor_ids = {sentences.index_of(s.start) for s in guess.spans}
        near = [
            p for p in context.places if sentences.index_of(p.span.start) in (lead_ids | anchor_ids)
        ]
        chosen_places = _rank_places(context, near or [p for p in context.places if within(p.span)])
        claims: list[Claim] = []
        trigger = guess.spans[0] if guess.spans else None
        if guess.type is not EventType.OTHER and trigger is not None:
            sentence = context.sentence_span(trigger.start)
            claims.append(
                context.claim(Attribute.OCCURRENCE, guess.type.value, sentence, trigger.start, True)
            )
        if when is not None:
            claims.append(context.claim(Attribute.DATE, date_value(when), when.span))
        claims += [
            context.claim(Attribute.PLACE, place_value(p), p.span) for p in chosen_places[:1]
        ]
        claims += [
            context.claim(_FIGURE_ATTRIBUTE[f.kind], figure_value(f), f.span, denials=True)
            for f in mention_figures
        ]
        scope_text_start = min(sentences[i][0] for i in inside) if inside else 0
        scope_text_end = max(sentences[i][1] for i in inside) if inside else len(text)
        actors = [
            a
            for a in find_actors(
                text,
                context.aliases,
                guess.type,
                context.speakers,
                frozenset(affiliation.group for affiliation, _ in context.affiliations),
            )
            if lead or within(a.span)
        ]
        for actor in actors:
            if actor.role in (ActorRole.ALLEGED_PERPETRATOR, ActorRole.ACTING_FORCE):
                sentence = context.sentence_span(actor.span.start)
                claims.append(
                    context.claim(Attribute.PERPETRATOR, actor.name, sentence, actor.span.start)
                )
        mention_affiliations = []
        for affiliation, stance in context.affiliations:
            if lead or within(affiliation.span):
                mention_affiliations.append(affiliation)
                claims.append(
                    Claim(
                        attribute=Attribute.AFFILIATION,
                        value=affiliation.group,
                        span=affiliation.span,
                        origin=affiliation.origin,
                        stance=stance,
                    )
                )
        notes = [] if when is not None else ["the text gives no date for this incident"]
        return Mention(
            span=Span.of(text, scope_text_start, scope_text_end)
            if not lead
            else Span.of(text, 0, len(text)),
            event_type=guess,
            date=when,
            places=tuple(chosen_places),
            figures=tuple(mention_figures),
            actors=tuple(actors),
            claims=tuple(claims),
            affiliations=tuple(mention_affiliations),
            notes=tuple(notes),
        )


def _bare(name: str) -> str:
    """A place name without case or a leading article: "La Libertad" and "Libertad"."""
    return re.sub(r"^(?:la|el|los|las|the)\s+", "", name.casefold().strip())


def _names_a_street(text: str, place: Place) -> bool:
    return bool(
        _STREET_AFTER.match(text, place.span.end)
        or _STREET_BEFORE.search(text, max(0, place.span.start - 20), place.span.start)
    )


_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+|\s*\|\s*")
# A title segment naming the publisher: a station's call letters (KSLA, WSMV, KCTV5), a
# network, a web address, or the words outlets name themselves with.
_SITE_NAME = re.compile(
    r"\b(?:[KW][A-Z]{2,3}(?:-?TV|\d{0,2})|FOX|CBS|NBC|ABC|CNN|[A-Z]{2,6}\d{1,2})\b"
    r"|\.com\b|(?i:\b(?:news|weather|sports|channel|radio|online|tv|times|post|herald|"
    r"tribune|gazette|journal|daily|report|reporter|press|examiner|chronicle|courier|"
    r"sentinel|observer|register|star|telegraph|today)\b)"
)


def without_site_name(title: str) -> str:
    """`title` up to the first separated segment (after the first) that names a site."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    for separator in separators:
        segment_end = next(
            (s.start() for s in separators if s.start() > separator.end()), len(title)
        )
        if _SITE_NAME.search(title, separator.end(), segment_end):
            return title[: separator.start()]
    return title


def _where_it_happened(text: str, place: Place) -> bool:
    """False for a name that is not the event's place: a street or a neighbourhood, a brand
    or logo, or a country named as the party acting."""
    start, end = place.span.start, place.span.end
    before = text[max(0, start - 40) : start]
    if _names_a_street(text, place):
        return False
    if _OBJECT_AFTER.match(text, end) or _OBJECT_BEFORE.search(before):
        return False
    if place.precision.value == "country" and place.span.field == "text":
        if _ACTOR_COUNTRY_BEFORE.search(before) or _ACTOR_COUNTRY_AFTER.match(text, end):
            return False
    return True


def _city_of(context: _Context, places: Sequence[Place], focus: str | None) -> list[Place]:
    """The town the document is about, for a neighbourhood it names: the first town or
    district of its country, even inside a name ("Policía Metropolitana de Cúcuta")."""
    for place in places:
        if place.precision.value in ("town", "district") and focus in (None, place.country_code):
            if not _names_a_street(context.text, place):
                return [place]
    return []


def _gap(a: Span, b: Span) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(a.start - b.end, b.start - a.end, 0)


def _rank_places(context: _Context, places: Sequence[Place]) -> list[Place]:
    """Distinct places, best first. Names inside an actor's name ("Police", the "War" of
    "Department of War") are dropped. Then: in the document's country (or at sea); towns,
    districts and seas before regions and countries; a town in the region most of the
    document's places lie in (or that the text names) before a namesake elsewhere; a
    dateline ("WASHINGTON (GWS) -", where the story was filed) after towns; the most
    mentioned; the earliest."""
    order = {"exact": 0, "town": 1, "district": 2, "sea_area": 3, "region": 4, "country": 5}
    focus = context.focus
    regions = {p.admin1 or p.name for p in places if p.precision.value == "region"}
    home = _home_region(context.places)
    mentions = Counter(p.name for p in places)

    def rank(place: Place) -> tuple[int, int, int, int, float, int, int]:
        abroad = bool(focus and place.country_code and place.country_code != focus)
        specific = float(order.get(place.precision.value, 9))
        if place.span.text.isupper() and len(place.span.text) > 3:
            specific = 3.5  # a dateline: after towns and seas, before regions and countries
        coarse = 0 if specific < 4 else 1 if specific < 5 else 2
        # A town in a region the text names ("Clewiston ... Florida") or where most of its
        # places lie is likelier the place than a namesake elsewhere.
        agrees = place.precision.value != "region" and (
            place.admin1 in regions or (home is not None and place.admin1 == home)
        )
        return (
            int(abroad),
            coarse,
            -agrees,
            -(place.score >= SURE_PLACE),
            specific,
            -mentions[place.name],
            place.span.start,
        )

    def inside_a_name(place: Place) -> bool:
        return any(a.start <= place.span.start and place.span.end <= a.end for a in context.aliases)

    # "Police" (Poland) and "War" (in "Department of War") are names, not places.
    ranked = sorted((p for p in places if not inside_a_name(p)), key=rank)
    best: dict[tuple[str, int | None], Place] = {}
    for place in ranked:  # each place once, at its best-ranked mention
        best.setdefault((place.name, place.geonames_id), place)
    return list(best.values())[:_MAX_PLACES]


SURE_PLACE = 0.5  # a reading this confident comes before a doubtful one of the same kind
HOME_SHARE = 0.5  # the home region holds at least this share of the document's place names


def _home_region(places: Sequence[Place]) -> str | None:
    """The first-level region most of the document's towns and regions lie in, if one
    clearly leads; a region named outright counts double."""
    weights: Counter[str] = Counter()
    for place in places:
        if place.admin1 and place.precision.value in ("town", "district", "region", "exact"):
            weights[place.admin1] += 2 if place.name == place.admin1 else 1
    if not weights:
        return None
    region, weight = weights.most_common(1)[0]
    return region if weight >= HOME_SHARE * sum(weights.values()) and weight >= 2 else None


_FORKED: list[Extractor] = []  # the extractor forked workers inherit


def _extract_chunk(items: list[ExtractInput]) -> list[Report]:
    return list(_FORKED[0]._batch(items))


def _chunks(items: Iterable[ExtractInput], size: int) -> Iterator[list[ExtractInput]]:
    chunk: list[ExtractInput] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@cache
def default_extractor() -> Extractor:
    return Extractor()


def extract(item: ExtractInput) -> Report:
    """Extract one document with the default resources (loaded once per process)."""
    return default_extractor().extract_one(item)
