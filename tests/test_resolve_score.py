"""The lexical signal of resolve: hashed names and numbers, compared by cosine."""

from __future__ import annotations

from datetime import date, timedelta

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


def _post(mention_id: int, event_type: str, at: str, source: int = 1, **kw) -> MentionFeatures:
    from dataclasses import replace
    from datetime import datetime

    when = datetime.fromisoformat(at)
    return replace(
        _mention(mention_id, Terms()),
        event_type=event_type,
        published=when.date(),
        published_at=when,
        post=True,
        source=source,
        **{"date_start": None, "date_end": None, "date_precision": None, **kw},
    )


def test_a_channel_post_with_no_place_follows_its_thread() -> None:
    from cotejo.resolve.score import _thread

    start = _post(1, "protest", "2025-10-17T13:40:00+00:00", lat=10.6, lon=-62.3)
    tension = _post(2, "protest", "2025-10-17T15:55:00+00:00")
    assert _thread(tension, [start])
    assert not _thread(_post(3, "protest", "2025-10-17T17:41:00+00:00"), [start])  # 4 h later
    assert not _thread(_post(4, "protest", "2025-10-17T15:55:00+00:00", source=2), [start])
    assert not _thread(_post(5, "other", "2025-10-17T15:55:00+00:00"), [start])  # untyped
    placed = _post(6, "protest", "2025-10-17T15:55:00+00:00", lat=10.6, lon=-62.3)
    assert not _thread(placed, [start])  # it names its own place


def test_members_of_type_other_open_an_incident_to_no_family() -> None:
    from cotejo.resolve.score import families_compatible

    assert not families_compatible("protest", ["strike_on_vessel", "other"])
    assert families_compatible("protest", ["other"])
    assert families_compatible("other", ["strike_on_vessel"])
    assert families_compatible("arrest_or_raid", ["attack_on_civilians", "protest"])


def test_an_announced_event_waits_for_the_event_and_never_starts_an_incident() -> None:
    from dataclasses import replace

    from cotejo.resolve.group import MemoryIndex, Resolver

    words = Terms.from_counts(
        term_counts("Güiria", "Fishermen of Güiria and Valdez march, APAG says")
    )
    here = {"lat": 10.58, "lon": -62.3, "place_precision": "town", "place_name": "Güiria"}
    announced = replace(
        _mention(1, words),
        **here,
        event_type="protest",
        published=date(2025, 10, 15),
        date_start=date(2025, 10, 17),
        date_end=date(2025, 10, 17),
    )
    assert announced.announced
    alone = Resolver(MemoryIndex()).run([announced])
    assert alone == []  # waiting: no incident is made of a plan
    march = replace(
        _mention(2, words),
        **here,
        event_type="protest",
        published=date(2025, 10, 17),
        date_start=date(2025, 10, 17),
        date_end=date(2025, 10, 17),
    )
    placed = Resolver(MemoryIndex()).run([announced, march])
    assert {a.mention_id: a.key for a in placed}[1] == {a.mention_id: a.key for a in placed}[2]


def test_an_undated_post_reports_the_day_it_was_posted() -> None:
    from dataclasses import replace

    from cotejo.resolve.score import _time

    explosion = _post(1, "other", "2025-10-14T15:02:00+00:00")
    day = date(2025, 10, 14)
    missing = _post(2, "other", "2025-10-14T22:47:00+00:00", date_precision="day")
    missing = replace(missing, date_start=day, date_end=day)
    assert _time(missing, [explosion]) == 1.0
    assert _time(explosion, [missing]) == 1.0
    later = replace(missing, date_start=date(2025, 10, 20), date_end=date(2025, 10, 20))
    assert _time(later, [explosion]) == 0.0
    article = replace(explosion, post=False)  # an article's silence on the date stays silence
    assert _time(missing, [article]) is None


def test_a_channel_follow_up_of_the_same_day_follows_its_thread() -> None:
    from dataclasses import replace

    from cotejo.resolve.score import _thread

    def dated(post: MentionFeatures, day: date) -> MentionFeatures:
        return replace(post, date_start=day, date_end=day, date_precision="day")

    strike = dated(_post(1, "strike_on_vessel", "2025-10-15T01:05:00+00:00"), date(2025, 10, 14))
    # "Four days since the attack": no place, the day of the strike, days later.
    recap = dated(_post(2, "attack_on_civilians", "2025-10-18T12:02:00+00:00"), date(2025, 10, 14))
    assert _thread(recap, [strike])
    assert not _thread(dated(recap, date(2025, 10, 16)), [strike])  # another day
    assert not _thread(replace(recap, source=2), [strike])  # another channel
    assert not _thread(replace(recap, date_start=None, date_end=None), [strike])
    too_late = replace(recap, published_at=recap.published_at + timedelta(days=30))
    assert not _thread(too_late, [strike])


def test_a_follow_up_names_the_day_of_the_shooting_it_follows() -> None:
    from dataclasses import replace

    from cotejo.extract.model import Mention
    from cotejo.resolve.features import named_days, stored_payload
    from cotejo.resolve.score import _recalled, windows_meet

    text = (
        "A jury on Tuesday found the gunman guilty of the June 29, 2014 shooting on Bourbon "
        "Street. Sentencing is set for March 3, 2026."
    )
    published = date(2016, 1, 15)
    assert named_days(text, "en", published) == [date(2014, 6, 29), date(2016, 1, 12)]
    shooting = replace(
        _mention(1, Terms()),
        date_start=date(2014, 6, 29),
        date_end=date(2014, 6, 29),
        published=date(2014, 6, 30),
    )
    verdict = replace(
        _mention(2, Terms()),
        date_start=date(2016, 1, 12),
        date_end=date(2016, 1, 12),
        published=published,
        named_days=tuple(named_days(text, "en", published)),
    )
    assert windows_meet(verdict.windows, shooting.windows)  # blocking lets them meet
    assert _recalled(verdict, [shooting]) and _recalled(shooting, [verdict])
    elsewhere = replace(shooting, date_start=date(2014, 7, 4), date_end=date(2014, 7, 4))
    assert not _recalled(verdict, [elsewhere])
    # Two reports of one day are the date signal's business, not this one's.
    same_day = replace(verdict, date_start=date(2014, 6, 29), date_end=date(2014, 6, 29))
    assert not _recalled(same_day, [shooting])
    mention = Mention.model_validate(
        {
            "span": {"start": 0, "end": len(text), "text": text},
            "event_type": {"type": "attack_on_civilians", "score": 1.0},
            "date": None,
        }
    )
    payload = stored_payload(mention, text, None, published, first=True, language="en")
    assert payload["named_days"] == ["2014-06-29", "2016-01-12"]
