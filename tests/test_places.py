"""Place extraction: recognition, resolution, precision, country focus, the on-disk index.

Most tests inject a tiny gazetteer and pass no spaCy Doc, so they run in milliseconds. The
`slow` ones use the real gazetteer (built once per machine, then cached) and spaCy.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import seed_text
from cotejo.extract.model import PlacePrecision
from cotejo.extract.places import Gazetteer, Geocoder, Kind, PlaceRecord, build, normalise

REPO = Path(__file__).resolve().parents[1]

# -- a tiny gazetteer ----------------------------------------------------------------------

TINY = [
    PlaceRecord("Aurora", 39.72943, -104.83192, Kind.CITY, "US", "US.CO", "", 359407, 5412347),
    PlaceRecord("Aurora", 41.76058, -88.32007, Kind.CITY, "US", "US.IL", "", 200661, 4883817),
    PlaceRecord("Aurora", 44.00011, -79.46632, Kind.CITY, "CA", "CA.08", "", 55445, 5888377),
    PlaceRecord("Denver", 39.73915, -104.9847, Kind.CITY, "US", "US.CO", "", 715522, 5419384),
    PlaceRecord("Chicago", 41.85003, -87.65005, Kind.CITY, "US", "US.IL", "", 2720546, 4887398),
    PlaceRecord("Colorado", 38.9, -105.5, Kind.ADMIN1, "US", "US.CO", "", 5_700_000, 5417618),
    PlaceRecord("Illinois", 40.1, -89.3, Kind.ADMIN1, "US", "US.IL", "", 12_800_000, 4896861),
    PlaceRecord("Ontario", 49.25, -84.5, Kind.ADMIN1, "CA", "CA.08", "", 14_000_000, 6093943),
    PlaceRecord(
        "United States",
        39.76,
        -98.5,
        Kind.COUNTRY,
        "US",
        population=327_000_000,
        geonames_id=6252001,
        alternate_names=("Estados Unidos", "U.S.", "EE.UU."),
    ),
    PlaceRecord("Canada", 60.0, -96.0, Kind.COUNTRY, "CA", population=37_000_000),
    PlaceRecord(
        "Venezuela", 8.0, -66.0, Kind.COUNTRY, "VE", population=28_000_000, geonames_id=3625428
    ),
    PlaceRecord("Bolivia", -17.0, -65.0, Kind.COUNTRY, "BO", population=11_000_000),
    PlaceRecord("Güiria", 10.57721, -62.29841, Kind.CITY, "VE", "VE.19", "", 40000, 3639725),
    PlaceRecord("Carúpano", 10.66516, -63.25387, Kind.CITY, "VE", "VE.19", "", 167187, 3646382),
    PlaceRecord("Sucre", 10.5, -63.4, Kind.ADMIN1, "VE", "VE.19", "", 900_000, 3626655),
    PlaceRecord(
        "Sucre", -19.03332, -65.26274, Kind.CITY, "BO", "BO.01", "", 224838, 3903987, capital=True
    ),
    PlaceRecord("Caribbean Sea", 15.0, -73.0, Kind.SEA, alternate_names=("mar Caribe",)),
    PlaceRecord("Eastern Pacific", 6.0, -88.0, Kind.SEA, alternate_names=("Pacífico oriental",)),
    PlaceRecord("Macuro", 10.6553, -61.9389, Kind.CITY, "VE", "VE.19", "", 2500),
]


@pytest.fixture(scope="module")
def tiny() -> Geocoder:
    gazetteer = Gazetteer.from_records(
        TINY, demonyms={"Venezuelan": "VE"}, abbreviations={"Colo.": "US.CO", "Ill.": "US.IL"}
    )
    return Geocoder(gazetteer=gazetteer)


def only(places, text):
    """The one place whose span reads `text`."""
    found = [p for p in places if p.span.text == text]
    assert len(found) == 1, [(p.span.text, p.name) for p in places]
    return found[0]


def test_normalise_ignores_case_accents_and_punctuation():
    assert normalise("Güiria") == normalise("GUIRIA") == "guiria"
    assert normalise("St. Louis") == normalise("Saint Louis") == "st louis"
    assert normalise("EE.UU.") == "eeuu"
    assert normalise("Winston-Salem") == "winston salem"


def test_aurora_near_colorado_is_aurora_colorado(tiny):
    text = "Police raided an apartment complex in Aurora, Colorado, on Friday."
    aurora = only(tiny.find_places(text, None, "en"), "Aurora")
    assert (aurora.country_code, aurora.admin1, aurora.geonames_id) == ("US", "Colorado", 5412347)
    assert aurora.precision == PlacePrecision.TOWN
    assert text[aurora.span.start : aurora.span.end] == "Aurora"


def test_aurora_near_denver_is_aurora_colorado(tiny):
    text = "Agents from Denver searched three flats in Aurora on Tuesday."
    aurora = only(tiny.find_places(text, None, "en"), "Aurora")
    assert aurora.geonames_id == 5412347


def test_aurora_after_state_abbreviation(tiny):
    text = "A shooting was reported in Aurora, Colo., late on Saturday."
    places = tiny.find_places(text, None, "en")
    assert only(places, "Aurora").admin1 == "Colorado"


def test_aurora_near_illinois_is_aurora_illinois(tiny):
    text = "Flooding closed roads in Aurora as storms crossed Illinois on Monday."
    aurora = only(tiny.find_places(text, None, "en"), "Aurora")
    assert (aurora.admin1, aurora.geonames_id) == ("Illinois", 4883817)
    assert round(aurora.latitude, 2) == 41.76


def test_bare_aurora_is_the_largest(tiny):
    (place,) = tiny.resolve_spans("Aurora", [(0, 6)])
    assert place is not None and place.geonames_id == 5412347


def test_guiria_is_a_venezuelan_town(tiny):
    text = "Cinco pescadores de Güiria murieron en el ataque."
    guiria = only(tiny.find_places(text, None, "es"), "Güiria")
    assert (guiria.name, guiria.country_code, guiria.precision) == (
        "Güiria",
        "VE",
        PlacePrecision.TOWN,
    )
    assert guiria.admin1 == "Sucre"


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("A man was shot dead in North Denver on Sunday, police said.", "Denver", "Denver"),
        ("Two men were killed at a party in Southeast Aurora, Colo.", "Aurora", "Aurora"),
        ("Three people were hurt in Downtown Chicago on Friday.", "Chicago", "Chicago"),
    ],
)
def test_a_side_of_a_town_is_the_town(tiny, text, span, name):
    found = only(tiny.find_places(text, None, "en"), span)
    assert (found.name, found.precision) == (name, PlacePrecision.TOWN)


def test_a_side_of_a_country_is_not_read_as_the_country(tiny):
    """Only a town loses its side word: "West Venezuela" is not Venezuela itself."""
    text = "Fighting spread across West Venezuela on Sunday."
    assert "Venezuela" not in [p.span.text for p in tiny.find_places(text, None, "en")]


def test_a_post_tags_its_place_with_a_hashtag(tiny):
    text = "Familiares piden que les devuelvan los cuerpos. #Güiria #JusticiaParaLosPescadores"
    found = tiny.find_places(text, None, "es")
    assert [p.name for p in found] == ["Güiria"]
    assert found[0].span.text == "Güiria"  # the name, not the '#'


def test_coast_of_sucre_is_the_venezuelan_region(tiny):
    text = "Los pescadores salieron de Güiria y murieron frente a las costas de Sucre."
    sucre = only(tiny.find_places(text, None, "es"), "Sucre")
    assert (sucre.country_code, sucre.precision) == ("VE", PlacePrecision.REGION)


def test_sucre_alone_with_a_venezuelan_focus(tiny):
    (place,) = tiny.resolve_spans("Sucre", [(0, 5)], focus="VE")
    assert place is not None and place.precision == PlacePrecision.REGION
    (place,) = tiny.resolve_spans("Sucre", [(0, 5)], focus="BO")
    assert place is not None and (place.country_code, place.precision) == ("BO", "town")


@pytest.mark.parametrize(
    ("text", "name", "sea"),
    [
        (
            "The strike hit a boat in the Caribbean Sea on Tuesday.",
            "Caribbean Sea",
            "Caribbean Sea",
        ),
        (
            "El ataque ocurrió en el mar Caribe, según el Comando Sur.",
            "mar Caribe",
            "Caribbean Sea",
        ),
        ("Another boat was hit in the Eastern Pacific.", "Eastern Pacific", "Eastern Pacific"),
        (
            "Otra lancha fue atacada en el Pacífico oriental.",
            "Pacífico oriental",
            "Eastern Pacific",
        ),
    ],
)
def test_seas_are_sea_areas(tiny, text, name, sea):
    place = only(tiny.find_places(text, None, "en"), name)
    assert (place.name, place.precision, place.country_code) == (
        sea,
        PlacePrecision.SEA_AREA,
        None,
    )


def test_countries_in_english_and_spanish(tiny):
    text = "Venezuela y Estados Unidos no han confirmado el ataque."
    places = tiny.find_places(text, None, "es")
    assert [(p.span.text, p.name, p.precision) for p in places] == [
        ("Venezuela", "Venezuela", PlacePrecision.COUNTRY),
        ("Estados Unidos", "United States", PlacePrecision.COUNTRY),
    ]


def test_country_focus_of_a_venezuelan_text(tiny):
    text = (
        "Güiria amaneció de luto. Los pescadores de Carúpano y Macuro marcharon hasta la "
        "plaza, mientras Estados Unidos repetía que la lancha llevaba drogas."
    )
    assert tiny.country_focus(text, None, "es") == "VE"


def test_a_text_without_places(tiny):
    text = "The committee met on Tuesday and said nothing new about the budget."
    assert tiny.find_places(text, None, "en") == []
    assert tiny.country_focus(text, None, "en") is None


def test_resolve_spans_keeps_order_and_gives_none_for_unknown(tiny):
    text = "From Güiria to Atlantis."
    places = tiny.resolve_spans(text, [(15, 23), (5, 11)])
    assert places[0] is None
    assert places[1] is not None and places[1].name == "Güiria"


def test_resolve_spans_reads_demonyms(tiny):
    text = "Venezuelan fishermen"
    (place,) = tiny.resolve_spans(text, [(0, 10)])
    assert place is not None and place.country_code == "VE"
    assert tiny.find_places(text, None, "en") == []


def test_fallback_places_unknown_names_at_the_main_place(tiny):
    text = "In Güiria, the Plaza Bolívar filled up."
    plaza, guiria = tiny.resolve_spans(text, [(15, 28), (3, 9)], fallback=True)
    assert guiria is not None and plaza is not None
    assert (plaza.name, plaza.score) == ("Güiria", 0.0)


# -- document-level coherence: namesakes lean to the region the rest of the text names ----

NAMESAKES = [
    # Harlem, New York is far larger than its namesake in Florida.
    PlaceRecord("Harlem", 40.80788, -73.9454, Kind.CITY, "US", "US.NY", "US.NY.061", 116_000),
    PlaceRecord("Harlem", 26.75, -80.95, Kind.CITY, "US", "US.FL", "US.FL.051", 1_500),
    PlaceRecord("Clewiston", 26.75423, -80.93368, Kind.CITY, "US", "US.FL", "US.FL.051", 7_500),
    PlaceRecord("Fort Myers", 26.62168, -81.84059, Kind.CITY, "US", "US.FL", "US.FL.071", 82_000),
    PlaceRecord("New York", 40.71427, -74.00597, Kind.ADMIN1, "US", "US.NY", "", 19_000_000),
    PlaceRecord("China", 35.0, 105.0, Kind.COUNTRY, "CN", population=1_400_000_000),
    PlaceRecord("China", 30.05, -94.33, Kind.CITY, "US", "US.TX", "US.TX.245", 1_100),
    PlaceRecord("Beaumont", 30.08605, -94.10185, Kind.CITY, "US", "US.TX", "US.TX.245", 118_000),
    PlaceRecord("Port Arthur", 29.89883, -93.92878, Kind.CITY, "US", "US.TX", "US.TX.245", 54_000),
    # Two Pike Counties and two Magnolias; only one Magnolia lies in a Pike County.
    PlaceRecord("Pike County", 41.33, -75.03, Kind.ADMIN2, "US", "US.PA", "US.PA.103", 58_000),
    PlaceRecord("Pike County", 31.17, -90.4, Kind.ADMIN2, "US", "US.MS", "US.MS.113", 40_000),
    PlaceRecord("Magnolia", 33.26707, -93.23933, Kind.CITY, "US", "US.AR", "US.AR.027", 11_500),
    PlaceRecord("Magnolia", 31.14324, -90.45871, Kind.CITY, "US", "US.MS", "US.MS.113", 2_100),
]


@pytest.fixture(scope="module")
def namesakes() -> Geocoder:
    return Geocoder(gazetteer=Gazetteer.from_records(NAMESAKES))


def test_namesake_town_joins_the_region_the_text_is_about(namesakes):
    text = (
        "Shots rang out across Harlem on Tuesday night. Deputies in Clewiston said a man "
        "was killed; a victim was flown to a hospital in Fort Myers."
    )
    places = namesakes.find_places(text, None, "en")
    harlem = only(places, "Harlem")
    assert (harlem.country_code, round(harlem.latitude, 2)) == ("US", 26.75)


def test_alone_the_larger_namesake_wins(namesakes):
    (harlem,) = namesakes.resolve_spans("Harlem", [(0, 6)])
    assert harlem is not None and round(harlem.latitude, 2) == 40.81


def test_coherence_does_not_turn_a_country_into_a_local_namesake(namesakes):
    text = "Beaumont and Port Arthur police said the parts were shipped from China."
    china = only(namesakes.find_places(text, None, "en"), "China")
    assert china.country_code == "CN"


def test_a_town_and_the_county_named_with_it_agree(namesakes):
    text = "A man from Magnolia was arrested after a shooting at a Pike County nightclub."
    places = namesakes.find_places(text, None, "en")
    magnolia, pike = only(places, "Magnolia"), only(places, "Pike County")
    assert round(magnolia.latitude, 2) == 31.14
    assert round(pike.latitude, 2) == 31.17


# -- people, common words and sides of town are not places (hand-labelled Docs) -----------

TOWNS = [
    PlaceRecord("Osborne", 39.44, -98.7, Kind.CITY, "US", "US.KS", "", 1_400, 101),
    PlaceRecord("Houston", 29.76, -95.36, Kind.CITY, "US", "US.TX", "", 2_300_000, 102),
    PlaceRecord("Houston", 55.87, -4.55, Kind.CITY, "GB", "GB.SCT", "", 6_400, 103),
    PlaceRecord("Gotham", 52.87, -1.2, Kind.CITY, "GB", "GB.ENG", "", 1_600, 104),
    PlaceRecord("Police", 53.55, 14.57, Kind.CITY, "PL", "PL.84", "", 34_000, 105),
    PlaceRecord("Victoria", 8.2, -63.1, Kind.CITY, "VE", "VE.03", "", 30_000, 106),
    PlaceRecord("Charlotte", 35.23, -80.84, Kind.CITY, "US", "US.NC", "", 730_000, 107),
    PlaceRecord("West Charlotte", 44.31, -73.24, Kind.CITY, "US", "US.VT", "", 400, 108),
    PlaceRecord("Caribbean Sea", 15.0, -73.0, Kind.SEA, alternate_names=("mar Caribe",)),
    PlaceRecord(
        "East Brooklyn", 41.8, -71.9, Kind.CITY, "US", "US.CT", "", 1_600, 109, ("West Side",)
    ),
]


@pytest.fixture(scope="module")
def towns() -> Geocoder:
    return Geocoder(gazetteer=Gazetteer.from_records(TOWNS))


def labelled(text: str, language: str, ents: list[tuple[str, str]]):
    """A spaCy Doc of `text` (blank tokenizer, one sentence) with hand-set entities: each
    (substring, label) marks every occurrence of the substring."""
    import spacy

    nlp = spacy.blank(language)
    doc = nlp(text)
    spans = []
    for phrase, label in ents:
        start = text.find(phrase)
        while start >= 0:
            spans.append(doc.char_span(start, start + len(phrase), label=label))
            start = text.find(phrase, start + 1)
    doc.ents = spacy.util.filter_spans([s for s in spans if s is not None])
    doc[0].is_sent_start = True
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def names_found(geocoder: Geocoder, text: str, language: str, ents: list[tuple[str, str]]):
    doc = labelled(text, language, ents)
    return [(p.span.text, p.name) for p in geocoder.find_places(text, doc, language)]


@pytest.mark.parametrize(
    ("text", "language", "ents"),
    [
        (
            "Brady Osborne was sentenced on Monday. Osborne said he was sorry.",
            "en",
            [("Brady Osborne", "PERSON"), ("Osborne", "GPE")],
        ),
        (
            "Juan Osborne fue detenido el lunes. Osborne dijo que no disparó.",
            "es",
            [("Juan Osborne", "PER"), ("Osborne", "LOC")],
        ),
    ],
)
def test_a_surname_of_someone_named_in_full_is_not_a_town(towns, text, language, ents):
    assert names_found(towns, text, language, ents) == []


def test_a_big_town_named_as_a_place_stays_though_someone_bears_its_name(towns):
    text = "The Sam Houston statue stood in Houston, where the man was shot."
    found = names_found(towns, text, "en", [("Sam Houston", "PERSON"), ("Houston", "GPE")])
    assert ("Houston", "Houston") in found


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_a_word(towns):
    text = "Police said the police car was hit."
    assert names_found(towns, text, "en", [("Police", "ORG")]) == []


def test_spanish_towns_that_are_common_words_stay(towns):
    text = "En Victoria, la victoria del equipo terminó en un tiroteo."
    found = names_found(towns, text, "es", [("Victoria", "LOC")])
    assert ("Victoria", "Victoria") in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Six people were shot at a West Side party.", "en"),
        ("Seis personas heridas en una fiesta del West Side de Chicago.", "es"),
    ],
)
def test_the_side_of_a_town_is_not_a_namesake(towns, text, language):
    found = names_found(
        towns, text, language, [("West Side", "LOC" if language == "es" else "GPE")]
    )
    assert found == []


def test_a_lower_case_word_before_a_town_does_not_make_a_namesake(towns):
    text = "A man was shot in west Charlotte on Friday."
    found = names_found(towns, text, "en", [("Charlotte", "GPE")])
    assert found == [("Charlotte", "Charlotte")]


def test_a_lower_case_word_still_opens_the_name_of_a_sea(towns):
    text = "La lancha fue atacada en el mar Caribe."
    found = names_found(towns, text, "es", [("Caribe", "LOC")])
    assert found == [("mar Caribe", "Caribbean Sea")]


def test_a_word_after_an_opening_quote_opens_the_sentence(towns):
    # "Police" is a town of 34,000: enough inside a sentence, not as its first word.
    text = '"Police are on the way," a neighbour said.'
    assert names_found(towns, text, "en", []) == []


def test_a_name_that_may_be_a_person_does_not_pull_others_abroad(towns):
    text = "Charges were filed in the Houston shooting, a Gotham resident told reporters."
    doc = labelled(text, "en", [("Houston", "GPE"), ("Gotham", "PERSON")])
    houston = only(towns.find_places(text, doc, "en"), "Houston")
    assert houston.country_code == "US"


# -- the real gazetteer (built from installed packages, cached on disk) ---------------------


@pytest.fixture(scope="module")
def real() -> Geocoder:
    return Geocoder()


def ner(text: str, language: str):
    from cotejo.extract.nlp import pipeline

    nlp = pipeline(language)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    with nlp.select_pipes(enable=["tok2vec", "senter", "ner"]):
        return nlp(text)


@pytest.mark.slow
def test_real_aurora_colorado_with_spacy(real):
    text = "ICE agents arrested 12 men at an apartment complex in Aurora, near Denver."
    aurora = only(real.find_places(text, ner(text, "en"), "en"), "Aurora")
    assert (aurora.geonames_id, aurora.admin1) == (5412347, "Colorado")


@pytest.mark.slow
def test_real_aurora_illinois(real):
    text = "Aurora police in Illinois said the suspect fled toward Chicago."
    aurora = only(real.find_places(text, ner(text, "en"), "en"), "Aurora")
    assert aurora.admin1 == "Illinois"


@pytest.mark.slow
def test_real_spanish_text(real):
    text = (
        "GÜIRIA, Sucre (NNV) – Cinco pescadores de Güiria murieron en el ataque de Estados "
        "Unidos contra una lancha en el mar Caribe, frente a las costas de Sucre, cerca de "
        "Macuro. Venezuela exigió una investigación."
    )
    doc = ner(text, "es")
    places = real.find_places(text, doc, "es")
    by_text = {p.span.text: p for p in places}
    assert by_text["GÜIRIA"].name == "Güiria"
    assert (by_text["Güiria"].country_code, by_text["Güiria"].precision) == ("VE", "town")
    assert by_text["mar Caribe"].precision == PlacePrecision.SEA_AREA
    assert by_text["Macuro"].geonames_id is None  # from cotejo's supplement
    assert (by_text["Macuro"].country_code, by_text["Macuro"].admin1) == ("VE", "Sucre")
    assert by_text["Venezuela"].precision == PlacePrecision.COUNTRY
    assert by_text["Estados Unidos"].country_code == "US"
    sucre = [p for p in places if p.span.text == "Sucre"]
    assert {(p.country_code, p.precision) for p in sucre} == {("VE", PlacePrecision.REGION)}
    assert real.country_focus(text, doc) == "VE"


@pytest.mark.slow
def test_real_eastern_pacific_in_spanish(real):
    text = "Otro ataque en el Pacífico oriental dejó dos muertos frente a Tumaco, Nariño."
    places = real.find_places(text, ner(text, "es"), "es")
    assert only(places, "Pacífico oriental").name == "Eastern Pacific"
    assert only(places, "Tumaco").country_code == "CO"


@pytest.mark.slow
def test_real_sentence_without_places(real):
    text = "The committee met on Tuesday to discuss the budget."
    assert real.find_places(text, ner(text, "en"), "en") == []


@pytest.mark.slow
def test_seed_dallas_street_apartments_are_in_aurora_colorado(real):
    text = seed_text("003")
    assert "Dallas Street" in text
    places = real.find_places(text, ner(text, "en"), "en")
    auroras = [p for p in places if p.span.text in ("Aurora", "AURORA")]
    assert len(auroras) >= 5
    assert {(p.geonames_id, p.admin1) for p in auroras} == {(5412347, "Colorado")}
    assert real.country_focus(text, ner(text, "en")) == "US"
    for place in places:
        assert text[place.span.start : place.span.end] == place.span.text


@pytest.mark.slow
def test_real_gold_spans_with_containment(real):
    text = "Paris, Texas and Paris, France are far apart. Paris is smaller."
    texas, _, france, _, bare = real.resolve_spans(
        text, [(0, 5), (7, 12), (17, 22), (24, 30), (46, 51)]
    )
    assert texas is not None and texas.admin1 == "Texas"
    assert france is not None and france.country_code == "FR"
    assert bare is not None and bare.geonames_id == texas.geonames_id


# -- the on-disk index ---------------------------------------------------------------------


def test_index_is_cached_atomically_and_rebuilt_when_stale(tmp_path, monkeypatch):
    calls = []

    def tiny_build() -> Gazetteer:
        calls.append(1)
        return Gazetteer.from_records(TINY[:3])

    monkeypatch.setattr(build, "build_default", tiny_build)
    env = {"COTEJO_CACHE": str(tmp_path)}
    stale = tmp_path / "places-0000000000000000.marshal"
    stale.write_bytes(b"old")
    first = build.load_default(env)
    second = build.load_default(env)
    assert len(calls) == 1
    assert first.names == second.names == ["Aurora", "Aurora", "Aurora"]
    assert [p.name for p in tmp_path.iterdir()] == [build.cache_key()]
    (tmp_path / build.cache_key()).write_bytes(b"\x00broken")
    assert build.load_default(env).names == first.names
    assert len(calls) == 2


def test_supplement_has_the_places_the_gazetteer_lacks():
    records = {r.name: r for r in build.supplement_records(build.read_supplement())}
    assert records["Macuro"].kind == Kind.CITY and records["Macuro"].country == "VE"
    assert records["Cedros"].country == "TT"
    assert records["Caribbean Sea"].kind == Kind.SEA
    assert "mar Caribe" in records["Caribbean Sea"].alternate_names
    assert "Pacífico oriental" in records["Eastern Pacific"].alternate_names
    for record in records.values():
        assert -90 <= record.latitude <= 90 and -180 <= record.longitude <= 180


def test_bad_supplement_names_the_problem():
    from cotejo.errors import ConfigError

    with pytest.raises(ConfigError, match="number 1"):
        list(build.supplement_records({"place": [{"name": "Nowhere", "kind": "town"}]}))


# -- the benchmark script's readers and measures ---------------------------------------------


def load_benchmark():
    path = REPO / "benchmarks" / "geoparse.py"
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("geoparse_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Aurora police said.]]></text>
<toponyms count="1"><toponym><start>0</start><end>6</end><phrase>Aurora</phrase>
<gaztag geonameid="5412347"><name>Aurora</name><lat>39.7</lat><lon>-104.8</lon></gaztag>
</toponym></toponyms></article></articles>"""

GWN = """<?xml version="1.0" ?><articles><article file="0"><text>Visit Aurora and the church.</text>
<toponyms><toponym><extractedName>Aurora</extractedName><type>Literal</type>
<start>6</start><end>12</end><geonamesID>5412347</geonamesID><latitude>39.7</latitude>
<longitude>-104.8</longitude></toponym><toponym><extractedName>church</extractedName>
<type>Literal_Expression</type><start>21</start><end>27</end></toponym></toponyms>
</article></articles>"""


def test_benchmark_reads_both_formats():
    import xml.etree.ElementTree as ET

    bench = load_benchmark()
    lgl, gwn = ET.fromstring(textwrap.dedent(LGL)), ET.fromstring(GWN)
    assert (bench.detect_format(lgl), bench.detect_format(gwn)) == ("lgl", "gwn")
    (article,) = bench.read_lgl(lgl)
    assert [(t.start, t.end, t.resolvable) for t in article.toponyms] == [(0, 6, True)]
    (article,) = bench.read_gwn(gwn)
    assert [(t.start, t.end, t.resolvable, t.recognisable) for t in article.toponyms] == [
        (6, 12, True, True),
        (21, 27, False, False),
    ]


def test_benchmark_auc_matches_gritta_et_al():
    bench = load_benchmark()
    assert bench.auc([0.0, 0.0]) == 0.0
    assert bench.auc([20038.0, 20038.0]) == pytest.approx(1.0)
    assert bench.auc([0.0, 20038.0]) == pytest.approx(0.5)


# -- cues around a name, metropolis names, the headline place -------------------------------

CUED = [
    PlaceRecord("Brooksville", 28.55, -82.39, Kind.CITY, "US", "US.FL", "", 8_000, 201),
    PlaceRecord("Carúpano", 10.67, -63.25, Kind.CITY, "VE", "VE.19", "", 9_000, 202),
    PlaceRecord("May", 22.0, 72.0, Kind.CITY, "IN", "IN.09", "", 5_000, 203),
    PlaceRecord("New York", 43.0, -75.5, Kind.ADMIN1, "US", "US.NY", "", 19_000_000, 204),
    PlaceRecord(
        "New York City",
        40.71,
        -74.01,
        Kind.CITY,
        "US",
        "US.NY",
        "",
        8_800_000,
        205,
        ("New York",),
    ),
    PlaceRecord("Rochester", 43.15, -77.61, Kind.CITY, "US", "US.NY", "", 210_000, 206),
]


@pytest.fixture(scope="module")
def cued() -> Geocoder:
    return Geocoder(gazetteer=Gazetteer.from_records(CUED))


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        ("Brooksville police: three killed in a shooting", "en", "Brooksville"),
        ("Three people were shot in Brooksville on Friday.", "en", "Brooksville"),
        ("Dos heridos en Carúpano durante la madrugada.", "es", "Carúpano"),
        ("La policía de Carúpano detuvo a dos hombres.", "es", "Carúpano"),
    ],
)
def test_words_around_a_small_town_say_it_is_a_place(cued, text, language, span):
    assert [p.span.text for p in cued.find_places(text, None, language)] == [span]


@pytest.mark.parametrize(
    ("text", "language"),
    [("He was born in May in a small house.", "en"), ("Nació en mayo, en una casa.", "es")],
)
def test_a_month_after_in_is_not_a_town(cued, text, language):
    assert cued.find_places(text, None, language) == []


def test_a_metropolis_named_after_its_state_is_the_bare_name(cued):
    (place,) = cued.resolve_spans("Protests spread across New York.", [(23, 31)])
    assert place is not None and place.name == "New York City"


def _place(name: str, admin1: str, start: int, precision: str = "town", score: float = 0.9):
    from cotejo.extract.model import Place, Span

    text = " " * start + name
    return Place(
        name=name,
        span=Span.of(text, start, start + len(name)),
        precision=PlacePrecision(precision),
        latitude=0.0,
        longitude=0.0,
        country_code="US",
        admin1=admin1,
        score=score,
    )


def test_the_headline_place_is_in_the_region_most_places_lie_in():
    from types import SimpleNamespace

    from cotejo.extract.report import _rank_places

    lawndale = _place("Lawndale", "California", 10, score=0.4)
    places = [
        lawndale,
        _place("Chicago", "Illinois", 40),
        _place("Evanston", "Illinois", 60),
    ]
    context = SimpleNamespace(focus="US", places=places, aliases=[])
    assert _rank_places(context, places)[0].name == "Chicago"


def test_a_sure_town_comes_before_a_doubtful_one():
    from types import SimpleNamespace

    from cotejo.extract.report import _rank_places

    places = [_place("Lawndale", "California", 10, score=0.3), _place("Chicago", "Illinois", 40)]
    context = SimpleNamespace(focus="US", places=places, aliases=[])
    assert _rank_places(context, places)[0].name == "Chicago"
