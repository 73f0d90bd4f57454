"""The lexical signal of resolve: hashed names and numbers, compared by cosine."""

from __future__ import annotations

from datetime import date

import numpy as np

from cotejo.resolve.features import MentionFeatures, Terms, stored_terms, term_counts
from cotejo.resolve.score import ResolveConfig, signals


def _mention(mention_id: int, terms: Terms) -> MentionFeatures:
    vector = np.zeros(512, dtype=np.float32)
    vector[0] = 1.0
    return MentionFeatures(
        mention_id=mention_id,
        document=f"doc{mention_id}",
        ordinal=0,
        published=date(2024, 3, 2),
        event_type="attack_on_civilians",
        date_start=date(2024, 3, 1),
        date_end=date(2024, 3, 1),
        date_precision="day",
        lat=None,
        lon=None,
        place_precision=None,
        place_key=None,
        place_name=None,
        country=None,
        killed=None,
        injured=None,
        actors=frozenset(),
        places=frozenset(),
        near_duplicate_group=None,
        vector=vector,
        terms=terms,
    )


def test_terms_keep_names_and_numbers_but_no_common_words() -> None:
    counts = term_counts("Man shot", "The police said Ramón Pérez, 23, was shot. Pérez died.")
    assert len(counts) == 4  # man, ramon, perez, 23: "The" and lower-case words are skipped
    assert sorted(counts.values()) == [1, 1, 1, 2]


def test_terms_fold_accents_so_spellings_meet() -> None:
    spanish = Terms.from_counts(term_counts(None, "Asesinado Ramón Pérez en Güiria"))
    english = Terms.from_counts(term_counts(None, "Ramon Perez killed in Guiria"))
    assert spanish.cosine(english) > 0.6


def test_stored_terms_round_trip() -> None:
    stored = stored_terms("Shooting in Aurora", "Aurora police named John Doe.")
    again = Terms.from_pairs(stored)
    direct = Terms.from_counts(term_counts("Shooting in Aurora", "Aurora police named John Doe."))
    assert np.array_equal(again.ids, direct.ids)
    assert abs(again.cosine(direct) - 1.0) < 1e-6


def test_lexical_signal_is_none_without_terms_and_the_best_member_otherwise() -> None:
    config = ResolveConfig()
    same = Terms.from_counts({1: 2, 2: 1})
    other = Terms.from_counts({3: 1})
    m = _mention(1, same)
    assert signals(config, _mention(9, Terms()), [m]).lexical is None
    found = signals(config, m, [_mention(2, other), _mention(3, same)])
    assert found.lexical is not None and abs(found.lexical - 1.0) < 1e-6
    assert found.probability(config) > signals(config, m, [_mention(2, other)]).probability(config)


def test_a_later_mention_is_matched_by_its_own_words_not_the_headline() -> None:
    from cotejo.extract.model import EventType, EventTypeGuess, Mention, Span
    from cotejo.resolve.features import context_text, stored_payload

    title = "Hundreds march in Güiria"
    text = (
        "Hundreds marched in Güiria on Friday. Organisers announced a vigil in Cumaná on Tuesday."
    )
    start = text.index("Organisers")
    vigil = Mention(
        span=Span(start=start, end=len(text), text=text[start:]),
        event_type=EventTypeGuess(type=EventType.PROTEST, score=1.0),
        date=None,
    )
    assert context_text(vigil, text, title, first=False) == text[start:]
    assert context_text(vigil, text, title, first=True).startswith(title)
    later = stored_payload(vigil, text, title, date(2025, 10, 17), first=False)
    whole = stored_payload(vigil, text, title, date(2025, 10, 17), first=True)
    assert later["terms"] == stored_terms(None, text[start:])
    assert whole["terms"] == stored_terms(title, text)
    assert later["terms"] != whole["terms"]
