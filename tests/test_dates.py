"""Date extraction: English and Spanish forms, traps that are not dates, and event_date's choice.

Unless a test says otherwise the published date is Thursday 16 October 2025.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from conftest import seed_text
from cotejo.extract.dates import event_date, find_dates
from cotejo.extract.model import DatePrecision

THURSDAY = date(2025, 10, 16)
TUESDAY = date(2025, 10, 14)
D, W, M, Y = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR


def only_date(text: str, language: str, published: date | None = THURSDAY):
    found = find_dates(text, language, published)
    assert len(found) == 1, [d.span.text for d in found]
    return found[0]


def check(text, language, published, span, start, end, precision, relative):
    found = only_date(text, language, published)
    assert found.span.text == span
    assert found.span.start == text.index(span)
    assert found.span.end == text.index(span) + len(span)
    assert text[found.span.start : found.span.end] == span
    assert (found.start, found.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert found.precision is precision
    assert found.relative is relative


ENGLISH = [
    # text, span, start, end, precision, relative
    ("A man was shot on Tuesday in Aurora.", "Tuesday", "2025-10-14", "2025-10-14", D, True),
    ("Police were called Tuesday night.", "Tuesday night", "2025-10-14", "2025-10-14", D, True),
    ("He died early Sunday morning.", "early Sunday morning", "2025-10-12", "2025-10-12", D, True),
    ("It happened last Tuesday.", "last Tuesday", "2025-10-14", "2025-10-14", D, True),
    ("The hearing is next Tuesday.", "next Tuesday", "2025-10-21", "2025-10-21", D, True),
    ("Last Friday, two boats were hit.", "Last Friday", "2025-10-10", "2025-10-10", D, True),
    ("A boat was struck yesterday.", "yesterday", "2025-10-15", "2025-10-15", D, True),
    ("Shots were fired last night.", "last night", "2025-10-15", "2025-10-15", D, True),
    ("Officers found him this morning.", "this morning", "2025-10-16", "2025-10-16", D, True),
    (
        "He was shot the day before yesterday.",
        "the day before yesterday",
        "2025-10-14",
        "2025-10-14",
        D,
        True,
    ),
    ("Three strikes took place last week.", "last week", "2025-10-06", "2025-10-12", W, True),
    ("A raid took place last month.", "last month", "2025-09-01", "2025-09-30", M, True),
    (
        "A raid took place earlier this month.",
        "earlier this month",
        "2025-10-01",
        "2025-10-16",
        M,
        True,
    ),
    ("It was closed last year.", "last year", "2024-01-01", "2024-12-31", Y, True),
    ("This weekend, Trump spoke.", "This weekend", "2025-10-11", "2025-10-12", W, True),
    ("On Aug. 18, a man was killed.", "Aug. 18", "2025-08-18", "2025-08-18", D, True),
    ("On August 18 a man was killed.", "August 18", "2025-08-18", "2025-08-18", D, True),
    ("On August 18th a man was killed.", "August 18th", "2025-08-18", "2025-08-18", D, True),
    (
        "The strike on Sept. 2, 2025 killed 11.",
        "Sept. 2, 2025",
        "2025-09-02",
        "2025-09-02",
        D,
        False,
    ),
    ("It was 18 August 2025.", "18 August 2025", "2025-08-18", "2025-08-18", D, False),
    ("Dated 2025-10-14 by the court.", "2025-10-14", "2025-10-14", "2025-10-14", D, False),
    ("Filed 10/14/2025 in Denver.", "10/14/2025", "2025-10-14", "2025-10-14", D, False),
    ("A boat was hit on Oct. 14 near Trinidad.", "Oct. 14", "2025-10-14", "2025-10-14", D, True),
    # a month-day later than the published date is last year's
    ("The breakthrough came on Dec. 17, when", "Dec. 17", "2024-12-17", "2024-12-17", D, True),
    (
        "On Tuesday, Oct. 14, 2025, a boat was hit.",
        "Tuesday, Oct. 14, 2025",
        "2025-10-14",
        "2025-10-14",
        D,
        False,
    ),
    ("The flights left in March.", "March", "2025-03-01", "2025-03-31", M, True),
    ("The complex closed in November.", "November", "2024-11-01", "2024-11-30", M, True),
    ("In May, two groups were listed.", "May", "2025-05-01", "2025-05-31", M, True),
    ("The order came in early August.", "early August", "2025-08-01", "2025-08-31", M, True),
    ("Riley was killed in February 2024.", "February 2024", "2024-02-01", "2024-02-29", M, False),
    ("The campaign began in 2024.", "2024", "2024-01-01", "2024-12-31", Y, False),
    ("Violence spiked in mid-2024.", "2024", "2024-01-01", "2024-12-31", Y, False),
    ("Last March the gang grew.", "Last March", "2025-03-01", "2025-03-31", M, True),
    ("A rarely used law from 1738 allows it.", "1738", "1738-01-01", "1738-12-31", Y, False),
    ("He was shot three days ago.", "three days ago", "2025-10-13", "2025-10-13", D, True),
    ("He was shot 3 days ago.", "3 days ago", "2025-10-13", "2025-10-13", D, True),
    ("It started two weeks ago.", "two weeks ago", "2025-09-29", "2025-10-05", W, True),
    ("They met a year ago.", "a year ago", "2024-01-01", "2024-12-31", Y, True),
]


@pytest.mark.parametrize(("text", "span", "start", "end", "precision", "relative"), ENGLISH)
def test_english_date_forms(text, span, start, end, precision, relative) -> None:
    check(text, "en", THURSDAY, span, start, end, precision, relative)


SPANISH = [
    ("Murieron el martes pasado.", "el martes pasado", "2025-10-14", "2025-10-14", D, True),
    ("Murieron el pasado martes.", "el pasado martes", "2025-10-14", "2025-10-14", D, True),
    ("El ataque fue el martes.", "el martes", "2025-10-14", "2025-10-14", D, True),
    ("Este lunes atacaron una lancha.", "Este lunes", "2025-10-13", "2025-10-13", D, True),
    ("El ataque ocurrió ayer.", "ayer", "2025-10-15", "2025-10-15", D, True),
    ("El ataque ocurrió anteayer.", "anteayer", "2025-10-14", "2025-10-14", D, True),
    ("Anoche hubo disparos.", "Anoche", "2025-10-15", "2025-10-15", D, True),
    ("Lo mataron hace tres días.", "hace tres días", "2025-10-13", "2025-10-13", D, True),
    ("Lo mataron hace 3 dias.", "hace 3 dias", "2025-10-13", "2025-10-13", D, True),
    ("Ocurrió hace dos semanas.", "hace dos semanas", "2025-09-29", "2025-10-05", W, True),
    ("Ocurrió hace un mes.", "hace un mes", "2025-09-01", "2025-09-30", M, True),
    ("Ocurrió la semana pasada.", "la semana pasada", "2025-10-06", "2025-10-12", W, True),
    ("Ocurrió el mes pasado.", "el mes pasado", "2025-09-01", "2025-09-30", M, True),
    ("Ocurrió el año pasado.", "el año pasado", "2024-01-01", "2024-12-31", Y, True),
    ("Llegaron el 2 de septiembre.", "el 2 de septiembre", "2025-09-02", "2025-09-02", D, True),
    (
        "Fue atacada el pasado 14 de octubre.",
        "el pasado 14 de octubre",
        "2025-10-14",
        "2025-10-14",
        D,
        True,
    ),
    ("Ocurrió el 1 de noviembre.", "el 1 de noviembre", "2024-11-01", "2024-11-01", D, True),
    ("Ocurrió el 1° de mayo.", "el 1° de mayo", "2025-05-01", "2025-05-01", D, True),
    (
        "Fue el 14 de octubre de 2025 en Paria.",
        "el 14 de octubre de 2025",
        "2025-10-14",
        "2025-10-14",
        D,
        False,
    ),
    (
        "Ocurrió el lunes 13 de octubre.",
        "el lunes 13 de octubre",
        "2025-10-13",
        "2025-10-13",
        D,
        True,
    ),
    (
        "Según el parte del 14/10/2025, murieron.",
        "14/10/2025",
        "2025-10-14",
        "2025-10-14",
        D,
        False,
    ),
    ("Llegaron en marzo.", "marzo", "2025-03-01", "2025-03-31", M, True),
    ("Llegaron en marzo de 2024.", "marzo de 2024", "2024-03-01", "2024-03-31", M, False),
    (
        "Ocurrió el pasado mes de marzo.",
        "el pasado mes de marzo",
        "2025-03-01",
        "2025-03-31",
        M,
        True,
    ),
    (
        "Ocurrió a finales de marzo del año pasado.",
        "a finales de marzo del año pasado",
        "2024-03-01",
        "2024-03-31",
        M,
        True,
    ),
    ("La banda creció en 2024.", "2024", "2024-01-01", "2024-12-31", Y, False),
    (
        "Dispararon la madrugada del domingo.",
        "la madrugada del domingo",
        "2025-10-12",
        "2025-10-12",
        D,
        True,
    ),
    ("Fue el miércoles.", "el miércoles", "2025-10-15", "2025-10-15", D, True),
    ("Fue el miercoles.", "el miercoles", "2025-10-15", "2025-10-15", D, True),
    ("Fue el sábado.", "el sábado", "2025-10-11", "2025-10-11", D, True),
    ("Fue el sabado.", "el sabado", "2025-10-11", "2025-10-11", D, True),
    (
        "Fue el domingo por la noche.",
        "el domingo por la noche",
        "2025-10-12",
        "2025-10-12",
        D,
        True,
    ),
    (
        "Lo hallaron el pasado viernes 10, en Cumaná.",
        "el pasado viernes 10",
        "2025-10-10",
        "2025-10-10",
        D,
        True,
    ),
    (
        "La audiencia será el próximo lunes.",
        "el próximo lunes",
        "2025-10-20",
        "2025-10-20",
        D,
        True,
    ),
    (
        "La audiencia será el próximo 20 de octubre.",
        "el próximo 20 de octubre",
        "2025-10-20",
        "2025-10-20",
        D,
        True,
    ),
    (
        "Los detuvieron a los tres días del ataque del domingo.",
        "domingo",
        "2025-10-12",
        "2025-10-12",
        D,
        True,
    ),
]


@pytest.mark.parametrize(("text", "span", "start", "end", "precision", "relative"), SPANISH)
def test_spanish_date_forms(text, span, start, end, precision, relative) -> None:
    check(text, "es", THURSDAY, span, start, end, precision, relative)


def test_on_a_weekday_published_that_weekday_means_that_day() -> None:
    check(
        "A boat was hit on Tuesday.", "en", TUESDAY, "Tuesday", "2025-10-14", "2025-10-14", D, True
    )
    check("Fue atacada el martes.", "es", TUESDAY, "el martes", "2025-10-14", "2025-10-14", D, True)
    check(
        "Este martes atacaron.", "es", TUESDAY, "Este martes", "2025-10-14", "2025-10-14", D, True
    )


def test_last_weekday_published_that_weekday_means_a_week_before() -> None:
    check(
        "It happened last Tuesday.",
        "en",
        TUESDAY,
        "last Tuesday",
        "2025-10-07",
        "2025-10-07",
        D,
        True,
    )
    check(
        "Murieron el martes pasado.",
        "es",
        TUESDAY,
        "el martes pasado",
        "2025-10-07",
        "2025-10-07",
        D,
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "A 25-year-old man was killed.",
        "The campaign has killed over 80 people in three months.",
        "It will be over in three months.",
        "The gang runs the building 24/7.",
        "A 9mm pistol and a .45 were seized.",
        "Call (303) 555-0147 with tips.",
        "It happened in the 4800 block of Madyson Ridge Dr.",
        "It happened in the 1200 block of Main St.",
        "Shots were fired in the 1900 block of Elm St.",
        "Dozens of people fled.",
        "The car was found on Route 66.",
        "You may march with us.",
        "Five people were shot in the last week.",
        "That changed about 2 1/2 years ago.",
        "Black Friday sales went ahead.",
        "They hid for two weeks.",
        "The 2000s were quieter.",
        "A crowd of 1500 gathered.",
        "Around 1200 troops were sent.",
    ],
)
def test_english_traps_are_not_dates(text: str) -> None:
    assert find_dates(text, "en", THURSDAY) == []
    assert event_date(text, "en", THURSDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Un hombre de 25 años murió.",
        "Estuvieron secuestrados durante dos semanas.",
        "Decenas de personas huyeron.",
        "Once personas murieron.",
        "Una mujer y un niño resultaron heridos.",
        "Llame al 0414-555-1234.",
        "Vive en la calle 10 # 4-56.",
        "Llegaron a Santo Domingo.",
        "Hoy en día la banda opera en Chile.",
        "Desde hace tres años vive en Caracas.",
        "Marcharon a la Plaza de Mayo.",
        "Terminará en tres meses.",
        "Un total de 1500 personas huyeron.",
        "Llegaron hasta 1500 hombres.",
        "Huyeron más de 2000 personas.",
    ],
)
def test_spanish_traps_are_not_dates(text: str) -> None:
    assert find_dates(text, "es", THURSDAY) == []
    assert event_date(text, "es", THURSDAY) is None


def test_relative_dates_are_skipped_without_a_published_date() -> None:
    text = "On Tuesday, three days ago, Aug. 18 and in March; on Sept. 2, 2025 and in 2024."
    found = find_dates(text, "en", None)
    assert [d.span.text for d in found] == ["Sept. 2, 2025", "2024"]
    assert not any(d.relative for d in found)
    assert find_dates("Lo mataron hace tres días, el martes pasado.", "es", None) == []
    assert event_date("A man was shot on Tuesday.", "en", None) is None


def test_a_published_timestamp_is_read_as_its_day() -> None:
    published = datetime(2025, 10, 16, 23, 5)
    assert only_date("A man was shot on Tuesday.", "en", published).start == TUESDAY
    assert event_date(
        "The trial opens Oct. 30, 2025 after Monday's raid.", "en", published
    ).start == (date(2025, 10, 13))


def test_numeric_dates_read_month_first_in_english_and_day_first_in_spanish() -> None:
    assert only_date("Filed 03/04/2025.", "en").start == date(2025, 3, 4)
    assert only_date("Firmado el 03/04/2025.", "es").start == date(2025, 4, 3)
    assert find_dates("Filed 14/10/2025.", "en", THURSDAY) == []  # no 14th month


def test_two_digit_years_take_the_century_nearest_the_published_date() -> None:
    assert only_date("Posted 4/10/17 by staff.", "en", date(2017, 4, 11)).start == date(2017, 4, 10)
    assert only_date("Born 4/10/98 in Ohio.", "en", date(2017, 4, 11)).start == date(1998, 4, 10)
    assert only_date("Firmado el 10/04/17.", "es", date(2017, 4, 11)).start == date(2017, 4, 10)


def test_odd_phrases_go_to_dateparser() -> None:
    assert only_date("Filed 14-Oct-2025 in Denver.", "en").start == date(2025, 10, 14)
    assert only_date("Firmado el 14 oct. 2025 en Caracas.", "es").start == date(2025, 10, 14)
    assert find_dates("Filed 14-Foo-2025 in Denver.", "en", THURSDAY) == []


def test_find_dates_returns_every_date_in_text_order() -> None:
    text = "Police said Monday that a man was shot Sunday night. He was charged on Oct. 14."
    found = find_dates(text, "en", THURSDAY)
    assert [(d.span.text, d.start) for d in found] == [
        ("Monday", date(2025, 10, 13)),
        ("Sunday night", date(2025, 10, 12)),
        ("Oct. 14", date(2025, 10, 14)),
    ]


def test_no_date_gives_an_empty_list_and_no_event_date() -> None:
    text = "Police are investigating a shooting that left one man dead."
    assert find_dates(text, "en", THURSDAY) == []
    assert event_date(text, "en", THURSDAY) is None
    assert event_date("", "es", THURSDAY) is None


def test_event_date_prefers_the_anchor_sentence() -> None:
    text = (
        "Trump spoke about the campaign on Monday.\n"
        "Separately, a fishing boat was struck on Oct. 2 off Venezuela, killing four."
    )
    assert event_date(text, "en", THURSDAY).span.text == "Monday"
    anchor = text.index("struck")
    assert event_date(text, "en", THURSDAY, anchor=anchor).start == date(2025, 10, 2)


def test_event_date_passes_over_the_day_a_statement_was_made() -> None:
    text = "Police said Monday that a man was shot Sunday night in Aurora."
    assert event_date(text, "en", THURSDAY).span.text == "Sunday night"
    text = "La policía dijo el lunes que el ataque ocurrió el domingo."
    assert event_date(text, "es", THURSDAY).span.text == "el domingo"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the anchor's sentence only gives the day it was said: the lead's own date wins
        ("en", "A 9-year-old girl died after the shooting on Oct. 12, police said Monday. "
               "She was hit by a 9mm round, the chief said Monday.", date(2025, 10, 12)),
        ("es", "Una niña de 9 años murió tras el tiroteo del 12 de octubre. "
               "La niña recibió un disparo de 9 mm, dijo el lunes el jefe.", date(2025, 10, 12)),
    ],
)  # fmt: skip
def test_an_anchor_sentence_with_only_a_said_day_falls_back_to_the_event_date(
    language: str, text: str, expected: date
) -> None:
    anchor = text.rindex("9")
    found = event_date(text, language, THURSDAY, anchor=anchor)
    assert found is not None and found.start == expected


def test_a_said_day_is_still_the_date_when_nothing_else_is_given() -> None:
    text = "A man was shot in Aurora, police said Monday."
    found = event_date(text, "en", THURSDAY, anchor=text.index("shot"))
    assert found is not None and found.span.text == "Monday"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "A man was shot last week in Aurora. The 25-year-old was hit on Oct. 9 near "
               "1400 Elm St., police said.", date(2025, 10, 9)),
        ("es", "Un hombre fue baleado la semana pasada en Petare. El joven de 25 años recibió "
               "el disparo el 9 de octubre en la calle 5.", date(2025, 10, 9)),
        ("en", "Two men were killed last month in Denver. The first died on Sept. 14, "
               "police said.", date(2025, 9, 14)),
        # a day outside the week is another event: the week stays
        ("en", "A man was shot last week in Aurora. He had been arrested on Sept. 2.",
         date(2025, 10, 6)),
        ("es", "Un hombre fue baleado la semana pasada en Petare. Había sido detenido el "
               "2 de septiembre.", date(2025, 10, 6)),
    ],
)  # fmt: skip
def test_a_week_or_month_is_refined_by_a_day_inside_it(
    language: str, text: str, expected: date
) -> None:
    anchor = text.index("bal" if language == "es" else "shot" if "shot" in text else "killed")
    found = event_date(text, language, THURSDAY, anchor=anchor)
    assert found is not None and found.start == expected


def test_event_date_skips_a_bare_year_when_a_better_date_exists() -> None:
    text = "Trump invoked a law from 1738 to deport them. The raid happened on Monday."
    anchor = text.index("invoked")
    assert event_date(text, "en", THURSDAY, anchor=anchor).start == date(2025, 10, 13)
    assert event_date(text, "en", THURSDAY).start == date(2025, 10, 13)
    assert event_date("It rests on a law from 1738.", "en", THURSDAY).precision is Y


def test_event_date_prefers_dates_not_after_published() -> None:
    text = "The trial opens Oct. 30, 2025. The shooting happened Oct. 2, 2025."
    assert event_date(text, "en", THURSDAY).start == date(2025, 10, 2)


def test_event_date_skips_publication_stamps() -> None:
    text = (
        "Teen charged in shooting Posted: Tuesday, January 28, 2014 8:18 PM EST\n"
        "A 17-year-old is charged for a shooting Monday evening."
    )
    found = event_date(text, "en", date(2014, 1, 28))
    assert (found.span.text, found.start) == ("Monday evening", date(2014, 1, 27))


def test_event_date_skips_a_dateline() -> None:
    text = (
        "EE.UU. ataca una lancha\n"
        "Caracas, 5 de septiembre de 2025. Fuerzas estadounidenses atacaron una embarcación "
        "el martes 2 de septiembre, según anunció el miércoles el Gobierno."
    )
    found = event_date(text, "es", date(2025, 9, 5))
    assert (found.span.text, found.start) == ("el martes 2 de septiembre", date(2025, 9, 2))
    assert find_dates(text, "es", date(2025, 9, 5))[0].span.text == "5 de septiembre de 2025"


def test_event_date_prefers_a_day_anywhere_to_a_coarser_date_in_the_lead() -> None:
    text = (
        "The gang grew last year.\nIts leaders met in March.\nMore arrests.\nA man was shot Monday."
    )
    assert event_date(text, "en", THURSDAY).start == date(2025, 10, 13)


# -- seed documents (none carries a published date: each test names the one it assumes) ----


seed = seed_text


def test_seed_003_aug_18_is_last_august() -> None:
    # NBC News on the Alien Enemies Act hearing "Monday": published Tuesday 18 March 2025.
    text, published = seed("003"), date(2025, 3, 18)
    found = find_dates(text, "en", published)
    by_span = {d.span.text: d for d in found}
    assert by_span["Aug. 18"].start == date(2024, 8, 18)
    assert by_span["Aug. 18"].precision is D
    assert by_span["Dec. 17"].start == date(2024, 12, 17)
    assert by_span["Monday"].start == date(2025, 3, 17)
    assert by_span["This weekend"].start == date(2025, 3, 15)
    assert by_span["1738"].precision is Y
    assert by_span["February 2024"].start == date(2024, 2, 1)
    assert not any("ago" in d.span.text for d in found)  # "about 2 1/2 years ago"
    killed = text.index("killed at the Dallas Street")
    assert event_date(text, "en", published, anchor=killed).start == date(2024, 8, 18)
    invoked = text.index("invoked the Alien Enemies Act")
    assert event_date(text, "en", published, anchor=invoked).precision is not Y


def test_seed_003_without_published_date_keeps_only_absolute_dates() -> None:
    found = find_dates(seed("003"), "en", None)
    assert found and not any(d.relative for d in found)
    assert "Aug. 18" not in [d.span.text for d in found]
    assert "1738" in [d.span.text for d in found]


def test_seed_000_casualty_period_is_not_a_date() -> None:
    # Published in early December 2025, after the airspace closure of 29 November.
    text, published = seed("000"), date(2025, 12, 3)
    found = find_dates(text, "en", published)
    assert [(d.span.text, d.start) for d in found] == [("November 29", date(2025, 11, 29))]


def test_seed_002_months_resolve_before_published() -> None:
    # The Conversation, on destroyers sent off Venezuela: assumed published 22 August 2025.
    text, published = seed("002"), date(2025, 8, 22)
    by_span = {d.span.text: d for d in find_dates(text, "en", published)}
    assert by_span["early August"].start == date(2025, 8, 1)
    assert by_span["this week"].start == date(2025, 8, 18)
    assert by_span["May"].start == date(2025, 5, 1)
    assert "may" not in by_span  # "may be eager" is a verb


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Los pescadores marcharán el viernes 17 de octubre en Güiria.", "es", date(2025, 10, 17)),
        ("The march is set for Friday, Oct. 17.", "en", date(2025, 10, 17)),
        ("El martes 14 de octubre murieron cinco pescadores.", "es", date(2025, 10, 14)),
        ("On Friday, Oct. 18, the boat left port.", "en", date(2024, 10, 18)),
    ],
)
def test_a_weekday_beside_a_day_and_month_decides_the_year(text, language, expected) -> None:
    [found] = find_dates(text, language, date(2025, 10, 15))
    assert found.start == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Fishermen have called a march in Güiria for Friday.", "en", date(2025, 10, 17)),
        ("Convocaron para el viernes una movilización en Güiria.", "es", date(2025, 10, 17)),
        ("Convocan marcha para este viernes a las 9 a. m.", "es", date(2025, 10, 17)),
        ("A march is planned for Wednesday.", "en", date(2025, 10, 15)),  # the day itself
        # Past, as usual in reports:
        ("Police arrested a man for Friday's shooting.", "en", date(2025, 10, 10)),
        ("A man was shot on Friday.", "en", date(2025, 10, 10)),
        ("Lo mataron el viernes.", "es", date(2025, 10, 10)),
    ],
)
def test_a_weekday_something_is_set_for_lies_ahead(text, language, expected) -> None:
    published = date(2025, 10, 15)  # a Wednesday
    [found] = find_dates(text, language, published)
    assert found.start == expected
