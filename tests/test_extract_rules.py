"""Extraction rules the sample corpus needed, each checked on hand-written sentences: untyped
reports of deaths or explosions, planned protests, grievances, sport, countries as actors,
places inside logos, neighbourhoods named in a headline, and protest tolls."""

from __future__ import annotations

from datetime import date

import pytest

from cotejo.extract import events
from cotejo.extract.model import EventType, FigureKind
from cotejo.extract.report import ExtractInput, Extractor

E = EventType


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Fishermen report a loud explosion at sea north of the peninsula.", "en"),
        ("Pescadores reportan una fuerte explosión en el mar, al norte de la península.", "es"),
        ("With deep sorrow we confirm the deaths of our five colleagues.", "en"),
        ("Con profundo dolor confirmamos la muerte de nuestros cinco compañeros.", "es"),
        ("Los restos de los pescadores todavía no han sido recuperados.", "es"),
        ("Relatives wait at the dock: the boat left with five crew and has not returned.", "en"),
        (
            "Familiares esperan noticias del peñero, que salió con cinco tripulantes y no ha "
            "regresado.",
            "es",
        ),
    ],
)
def test_an_explosion_or_deaths_without_an_act_are_a_report_of_type_other(
    text: str, language: str
) -> None:
    guess = events.classify(text, language)
    assert guess.type is E.OTHER and guess.score > 0


def test_an_untyped_trigger_never_outweighs_a_typed_one() -> None:
    text = "A car bomb attack killed three soldiers; the explosion was heard across the city."
    assert events.classify(text, "en").type is not E.OTHER


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        (
            "More than 200 people march in Güiria over fishermen killed in U.S. strike",
            "More than 200 people marched through the town on Friday, three days after a U.S. "
            "strike that killed five local fishermen. The march ended peacefully.",
            "en",
        ),
        (
            "Cientos de personas marchan para exigir justicia por los pescadores muertos",
            "Cientos de personas marcharon este viernes en rechazo al ataque de Estados Unidos "
            "que costó la vida a cinco pescadores.",
            "es",
        ),
    ],
)
def test_a_march_over_a_killing_is_a_protest(title: str, text: str, language: str) -> None:
    assert events.classify(text, language, title=title).type is E.PROTEST


@pytest.mark.parametrize(
    ("title", "text", "language", "expected"),
    [
        (
            "Transportistas anuncian paro tras el asesinato de un chofer",
            "Las empresas de transporte anunciaron un paro para el jueves en protesta por el "
            "asesinato del chofer, ocurrido el lunes.",
            "es",
            E.ATTACK_ON_CIVILIANS,
        ),
        (
            "Unions call for protests after driver is shot dead",
            "Transport unions announced a protest for Thursday after a bus driver was shot dead "
            "on Monday.",
            "en",
            E.ATTACK_ON_CIVILIANS,
        ),
    ],
)
def test_an_announced_protest_is_not_yet_the_event(
    title: str, text: str, language: str, expected: EventType
) -> None:
    assert events.classify(text, language, title=title).type is expected


def test_an_announced_march_alone_still_reads_as_a_protest() -> None:
    guess = events.classify("Convocan marcha para este viernes 17 desde el muelle.", "es")
    assert guess.type is E.PROTEST


def test_sport_is_not_deportation() -> None:
    text = "Deportivo Rímac venció 3-1 y jugará la final; el deporte local celebra."
    assert events.classify(text, "es").type is E.OTHER


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str, language: str, title: str | None = None):
    return extractor.extract_one(
        ExtractInput(
            sha256="x", text=text, language=language, title=title, published_at=date(2025, 10, 18)
        )
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hace cuatro días del ataque y las familias siguen sin respuesta oficial de EE.UU.", "es"),
        ("Cinco pescadores murieron en un ataque de Estados Unidos contra su lancha.", "es"),
        ("Five fishermen died when a U.S. strike hit their boat on Tuesday.", "en"),
    ],
)
def test_the_country_acting_is_not_the_place(extractor: Extractor, text: str, language) -> None:
    [mention] = _extract(extractor, text, language).mentions
    assert all(p.country_code != "US" for p in mention.places)


@pytest.mark.slow
def test_a_place_in_a_logo_is_not_the_place(extractor: Extractor) -> None:
    text = (
        "I represent four of the men detained in Aurora this morning. DHS calls them gang "
        "members because of tattoos: a crown and a Jordan logo."
    )
    [mention] = _extract(extractor, text, "en").mentions
    assert [p.name for p in mention.places] == ["Aurora"]


@pytest.mark.slow
def test_a_neighbourhood_in_the_headline_is_not_a_town(extractor: Extractor) -> None:
    text = (
        "La policía informa que el sábado un comerciante fue secuestrado por hombres armados "
        "en la calle 8 del barrio La Libertad, cuando cerraba su negocio."
    )
    report = _extract(
        extractor, text, "es", title="Buscan a comerciante secuestrado en La Libertad"
    )
    assert all("Libertad" not in p.name for m in report.mentions for p in m.places)


@pytest.mark.slow
def test_a_protest_does_not_take_the_toll_of_the_event_it_protests(extractor: Extractor) -> None:
    text = (
        "Hundreds of people marched through Güiria, three days after a U.S. strike that "
        "killed five fishermen. One marcher was slightly hurt in a scuffle with police."
    )
    [mention, *_] = _extract(extractor, text, "en", title="Hundreds march in Güiria").mentions
    assert mention.event_type.type is E.PROTEST
    assert FigureKind.KILLED not in {f.kind for f in mention.figures}


@pytest.mark.slow
def test_a_recalled_event_keeps_the_main_date_and_its_own_type(extractor: Extractor) -> None:
    text = (
        "Cientos de personas marchan en Güiria.\n"
        "Cientos de personas marcharon este viernes 17 de octubre por las calles de Güiria "
        "para exigir justicia por los cinco pescadores que murieron el martes 14 de octubre en "
        "el ataque contra su lancha."
    )
    report = _extract(extractor, text, "es")
    main, *recalled = report.mentions
    assert main.event_type.type is E.PROTEST and main.date and main.date.start == date(2025, 10, 17)
    assert [m.event_type.type for m in recalled] == [E.STRIKE_ON_VESSEL]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Mi primo salió a pescar el martes con Ramón, Luis, el señor Abrahán y el chamo "
            "Yeferson. Eran cinco y murieron en el ataque.",
            "es",
        ),
        (
            "My cousin went fishing on Tuesday with Ramon, Jhonny, Luis and Yeferson. Five "
            "men died in the attack.",
            "en",
        ),
    ],
)
def test_first_names_listed_as_people_are_not_towns(
    extractor: Extractor, text: str, language: str
) -> None:
    report = extractor.extract_one(
        ExtractInput(sha256="t", text=text, language=language, published_at=date(2025, 10, 15))
    )
    names = {p.name for m in report.mentions for p in m.places}
    assert not names & {"Ramon", "Ramón", "Luis", "Abraham", "Jhonny", "Yeferson"}
