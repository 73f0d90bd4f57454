"""Event-type classification: bilingual lexicons, sentence-context conflicts, title and lead
weighting, the ACLED mapping, the seeds, and the docs that describe them."""

from __future__ import annotations

import importlib.util
import re

import pytest

from conftest import REPO, seed_paths
from cotejo.extract import events
from cotejo.extract.events import ACLED, classify, triggers
from cotejo.extract.model import EventType

E = EventType
DOC = (REPO / "docs" / "event-types.md").read_text(encoding="utf-8")

# -- every type, in English and in Spanish -----------------------------------------------------

SENTENCES = [
    (
        "en",
        E.AIR_OR_DRONE_STRIKE,
        "An Israeli airstrike hit a house in Gaza overnight, killing five.",
    ),
    ("en", E.AIR_OR_DRONE_STRIKE, "A US drone strike in Somalia killed two al-Shabaab commanders."),
    (
        "es",
        E.AIR_OR_DRONE_STRIKE,
        "Un ataque aéreo contra un campamento dejó 12 muertos en Guaviare.",
    ),
    ("es", E.AIR_OR_DRONE_STRIKE, "El ejército bombardeó con drones una posición del cártel."),
    (
        "en",
        E.STRIKE_ON_VESSEL,
        "The US military carried out a lethal strike on a boat in the Caribbean.",
    ),
    (
        "en",
        E.STRIKE_ON_VESSEL,
        "Hegseth said US forces struck another vessel operated by the gang.",
    ),
    (
        "es",
        E.STRIKE_ON_VESSEL,
        "Estados Unidos realizó un nuevo ataque a una embarcación en el Pacífico.",
    ),
    (
        "es",
        E.STRIKE_ON_VESSEL,
        "El Comando Sur confirmó el bombardeo de una lancha frente a Venezuela.",
    ),
    (
        "en",
        E.SHELLING_OR_MISSILE,
        "Russian forces shelled the city overnight, wounding four residents.",
    ),
    ("en", E.SHELLING_OR_MISSILE, "Militants fired rockets at the air base, the ministry said."),
    (
        "es",
        E.SHELLING_OR_MISSILE,
        "Un ataque con misiles alcanzó un edificio residencial en Odesa.",
    ),
    (
        "es",
        E.SHELLING_OR_MISSILE,
        "Los rebeldes lanzaron cohetes contra la ciudad durante la madrugada.",
    ),
    ("en", E.ARMED_CLASH, "Soldiers clashed with ELN rebels near the border; three fighters died."),
    ("en", E.ARMED_CLASH, "A gun battle between police and cartel gunmen lasted two hours."),
    (
        "es",
        E.ARMED_CLASH,
        "Un enfrentamiento entre militares y un grupo armado dejó cinco muertos.",
    ),
    ("es", E.ARMED_CLASH, "Se registró un intercambio de disparos entre agentes y sicarios."),
    (
        "en",
        E.ATTACK_ON_CIVILIANS,
        "Gunmen stormed a wedding party and killed 11 guests in the village.",
    ),
    ("en", E.ATTACK_ON_CIVILIANS, "Militiamen massacred dozens of villagers, survivors said."),
    (
        "es",
        E.ATTACK_ON_CIVILIANS,
        "Hombres armados asesinaron a seis personas en un bar de Guanajuato.",
    ),
    ("es", E.ATTACK_ON_CIVILIANS, "Sicarios acribillaron a un comerciante frente a su casa."),
    ("en", E.ABDUCTION, "Armed men kidnapped a businessman in Maracaibo and demanded a ransom."),
    ("en", E.ABDUCTION, "Twelve students were abducted from their school by bandits."),
    ("es", E.ABDUCTION, "El comerciante fue secuestrado por un grupo armado en Táchira."),
    ("es", E.ABDUCTION, "Denuncian el plagio de un ganadero en Zulia; sus captores piden rescate."),
    ("en", E.SEXUAL_VIOLENCE, "Soldiers raped women during the operation, witnesses said."),
    ("en", E.SEXUAL_VIOLENCE, "The report documents sexual violence against migrant women."),
    ("es", E.SEXUAL_VIOLENCE, "La víctima denunció una violación por parte de dos agentes."),
    ("es", E.SEXUAL_VIOLENCE, "Investigan abuso sexual contra menores en el albergue."),
    ("en", E.EXTORTION, "The gang extorted shop owners, charging weekly protection fees."),
    ("en", E.EXTORTION, "Residents paid protection money to the gang to park their cars."),
    ("es", E.EXTORTION, "La banda se dedicaba al cobro de vacunas a comerciantes de San Félix."),
    ("es", E.EXTORTION, "Transportistas denuncian extorsión y cobro de cupos en la frontera."),
    ("en", E.TRAFFICKING, "Police dismantled a human trafficking ring that exploited women."),
    ("en", E.TRAFFICKING, "Agents found 40 migrants in a truck; the driver was a people smuggler."),
    ("es", E.TRAFFICKING, "Desarticulan una red de trata de personas que explotaba a mujeres."),
    ("es", E.TRAFFICKING, "Rescatan a 80 migrantes hacinados en un tráiler; buscan al pollero."),
    ("en", E.DRUG_SEIZURE, "The Coast Guard seized 2 tons of cocaine off Puerto Rico."),
    ("en", E.DRUG_SEIZURE, "Police seized 15 kilos of fentanyl pills in a warehouse."),
    ("es", E.DRUG_SEIZURE, "La Armada incautó 3 toneladas de cocaína en el Pacífico."),
    ("es", E.DRUG_SEIZURE, "Decomisan 500 kilos de marihuana en un camión en Sonora."),
    ("en", E.ARREST_OR_RAID, "Police arrested 19 suspected gang members in a raid on a building."),
    ("en", E.ARREST_OR_RAID, "Federal agents detained three men at the airport on Tuesday."),
    ("es", E.ARREST_OR_RAID, "La policía detuvo a 12 presuntos integrantes del Tren de Aragua."),
    ("es", E.ARREST_OR_RAID, "Fueron capturados cuatro miembros de la banda en un allanamiento."),
    (
        "en",
        E.DEPORTATION,
        "The administration deported 238 Venezuelans to a prison in El Salvador.",
    ),
    ("en", E.DEPORTATION, "Hundreds of migrants were expelled to Mexico under the new policy."),
    ("es", E.DEPORTATION, "Un vuelo con 180 venezolanos deportados aterrizó en Maiquetía."),
    ("es", E.DEPORTATION, "Panamá expulsó a 60 migrantes colombianos esta semana."),
    ("en", E.PROPERTY_DESTRUCTION, "Rioters looted shops and torched cars in the city centre."),
    (
        "en",
        E.PROPERTY_DESTRUCTION,
        "Militiamen burned down 40 houses in the village, residents said.",
    ),
    ("es", E.PROPERTY_DESTRUCTION, "Una turba saqueó comercios y quemó vehículos en el centro."),
    (
        "es",
        E.PROPERTY_DESTRUCTION,
        "Encapuchados incendiaron tres viviendas y destruyeron cultivos.",
    ),
    ("en", E.PROTEST, "Thousands of people marched in Caracas to protest the election results."),
    ("en", E.PROTEST, "Relatives of the fishermen held a vigil outside the governor's office."),
    ("es", E.PROTEST, "Cientos de manifestantes marcharon en Bogotá contra la reforma."),
    ("es", E.PROTEST, "Familiares de los pescadores protestaron frente a la gobernación."),
    ("en", E.DEPLOYMENT, "The US deployed three guided-missile destroyers to the Caribbean."),
    ("en", E.DEPLOYMENT, "The Pentagon sent 4,000 marines and an aircraft carrier to the region."),
    ("es", E.DEPLOYMENT, "Estados Unidos ordenó el despliegue de destructores en el Caribe."),
    ("es", E.DEPLOYMENT, "El gobierno envió 2.000 soldados a la frontera con Colombia."),
]


@pytest.mark.parametrize(("language", "expected", "text"), SENTENCES)
def test_each_type_is_recognised_in_english_and_spanish(
    language: str, expected: EventType, text: str
) -> None:
    guess = classify(text, language)
    assert guess.type is expected, triggers(text, language)
    assert guess.score > 0
    assert guess.spans and all(text[s.start : s.end] == s.text for s in guess.spans)


def test_every_type_but_other_has_sentences_in_both_languages() -> None:
    covered = {(language, kind) for language, kind, _ in SENTENCES}
    wanted = {(language, kind) for language in ("en", "es") for kind in E if kind is not E.OTHER}
    assert wanted <= covered


# -- no trigger, look-alikes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The city council approved the budget for next year."),
        ("es", "El concejo municipal aprobó el presupuesto del próximo año."),
        ("en", "The senator, fighting for justice, faces a long legal battle in court."),
        ("en", "Workers strike a deal with management; the March 15 deadline stands."),
        ("en", "It was a demonstration of how far the technology has come."),
        ("es", "Se trata de una marcha atrás del gobierno en la puesta en marcha del plan."),
        ("es", "La oposición denunció la violación de la soberanía y del espacio aéreo."),
        ("es", "El alcalde manifestó que el proyecto sigue en marcha."),
        ("en", ""),
    ],
)
def test_no_trigger_is_other_with_score_zero(language: str, text: str) -> None:
    guess = classify(text, language)
    assert (guess.type, guess.score, guess.spans) == (E.OTHER, 0.0, ())
    assert triggers(text, language) == []


# -- conflicts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Hegseth said the airstrike destroyed a drug-trafficking vessel at sea."),
        ("en", "US strikes on alleged drug boats have killed more than 80 people."),
        ("en", "A drone strike hit a speedboat off the coast, killing four."),
        ("es", "El ataque aéreo destruyó una narcolancha con cuatro tripulantes."),
        ("es", "Los ataques de EE.UU. contra embarcaciones en el Caribe ya suman 21."),
        ("es", "Un misil impactó una lancha de pescadores frente a Güiria."),
    ],
)
def test_a_strike_on_a_boat_is_a_strike_on_a_vessel(language: str, text: str) -> None:
    assert classify(text, language).type is E.STRIKE_ON_VESSEL
    kinds = {kind for kind, _, _ in triggers(text, language)}
    assert E.AIR_OR_DRONE_STRIKE not in kinds and E.SHELLING_OR_MISSILE not in kinds


def test_a_strike_without_a_boat_stays_an_air_strike() -> None:
    text = "A US strike destroyed a compound used by the gang; the drone was not seen."
    assert classify(text, "en").type is E.AIR_OR_DRONE_STRIKE


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A shooting at a bar killed two bystanders on Saturday night."),
        ("en", "Two bystanders were killed when gang members opened fire outside a club."),
        ("en", "A shootout between rival gangs killed two children walking home."),
        ("es", "Una balacera en el centro dejó dos transeúntes muertos."),
        ("es", "Un tiroteo entre bandas dejó dos niños muertos en Rosario."),
    ],
)
def test_a_shooting_that_kills_bystanders_is_an_attack_on_civilians(
    language: str, text: str
) -> None:
    assert classify(text, language).type is E.ATTACK_ON_CIVILIANS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Police returned fire after gunmen shot at their patrol; two attackers died."),
        (
            "es",
            "Los militares repelieron la agresión y se registró un tiroteo entre agentes y "
            "sicarios.",
        ),
    ],
)
def test_a_shooting_between_armed_sides_is_an_armed_clash(language: str, text: str) -> None:
    assert classify(text, language).type is E.ARMED_CLASH


FOLLOW_UPS = [
    (
        "en",
        E.ARREST_OR_RAID,
        "Police arrest five over kidnapping of businessman",
        "Police on Monday arrested five men over the kidnapping of a businessman last month. "
        "The victim was freed after his family paid a ransom.",
    ),
    (
        "en",
        E.ABDUCTION,
        "Businessman kidnapped in Maracaibo",
        "Armed men kidnapped a businessman in Maracaibo on Sunday. His family said the captors "
        "demanded a ransom. Weeks later police arrested two suspects.",
    ),
    (
        "es",
        E.ARREST_OR_RAID,
        "Detienen a cinco por el secuestro de un comerciante",
        "La policía detuvo el lunes a cinco hombres acusados del secuestro de un comerciante.",
    ),
    (
        "es",
        E.ABDUCTION,
        "Secuestran a un comerciante en Maracaibo",
        "Hombres armados secuestraron a un comerciante el domingo. Sus captores exigieron un "
        "rescate. Semanas después la policía detuvo a dos sospechosos.",
    ),
]


@pytest.mark.parametrize(("language", "expected", "title", "text"), FOLLOW_UPS)
def test_arrests_after_a_kidnapping_win_only_when_the_story_is_about_them(
    language: str, expected: EventType, title: str, text: str
) -> None:
    assert classify(text, language, title=title).type is expected


def test_a_crime_named_as_the_charge_weighs_less() -> None:
    text = "Police arrested five men for the kidnapping of a businessman."
    weights = {kind: weight for kind, _, weight in triggers(text, "en")}
    assert weights[E.ARREST_OR_RAID] == 1.0
    assert weights[E.ABDUCTION] == pytest.approx(events.CHARGE_DISCOUNT)


def test_the_title_outweighs_the_body() -> None:
    body = (
        "Gunmen kidnapped a farmer on Monday. His family was asked for a ransom. "
        "Days later, soldiers clashed with the gang."
    )
    assert classify(body, "en").type is E.ABDUCTION
    assert classify(body, "en", title="Army and gang clash in the hills").type is E.ARMED_CLASH


def test_a_title_repeated_at_the_start_of_the_text_counts_once() -> None:
    title = "Police arrest three in kidnapping case"
    text = f"{title}\nThe men were arrested on Friday. The kidnapping happened in May."
    once = classify(text, "en", title=title).score
    assert once == classify(text, "en", title=title + " ").score
    assert classify(text, "en", title="Other headline").score < once


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Police fired tear gas and arrested dozens of protesters in Lima.", E.PROTEST),
        ("en", "Security forces killed three demonstrators during the protest.", E.PROTEST),
        ("en", "Militants attacked the army base with mortars overnight.", E.SHELLING_OR_MISSILE),
        ("en", "An airstrike killed 12 civilians in the village.", E.AIR_OR_DRONE_STRIKE),
        ("en", "Rebels captured the town of Goma after heavy fighting.", E.ARMED_CLASH),
        (
            "en",
            "Rebels entered the town after government troops withdrew without a fight.",
            E.DEPLOYMENT,
        ),
        (
            "es",
            "Los rebeldes tomaron el control del pueblo después de que el ejército se "
            "retiró sin combates.",
            E.DEPLOYMENT,
        ),
        ("es", "La Gendarmería secuestró 300 kilos de cocaína en Salta.", E.DRUG_SEIZURE),
        (
            "en",
            "Gunmen attacked a Protestant church, killing five worshippers.",
            E.ATTACK_ON_CIVILIANS,
        ),
        (
            "es",
            "Hombres armados atacaron una iglesia protestante y mataron a cinco feligreses.",
            E.ATTACK_ON_CIVILIANS,
        ),
    ],
)
def test_sentence_context_resolves_other_conflicts(
    language: str, text: str, expected: EventType
) -> None:
    assert classify(text, language).type is expected


# -- triggers -------------------------------------------------------------------------------


def test_triggers_come_in_text_order_with_exact_spans() -> None:
    text = "Protesters marched on Monday. On Tuesday police arrested 12 and deported three."
    found = triggers(text, "en")
    assert [kind for kind, _, _ in found] == [E.PROTEST, E.PROTEST, E.ARREST_OR_RAID, E.DEPORTATION]
    assert [span.text for _, span, _ in found] == ["Protesters", "marched", "arrested", "deported"]
    assert all(text[span.start : span.end] == span.text for _, span, _ in found)
    assert [span.start for _, span, _ in found] == sorted(span.start for _, span, _ in found)
    assert all(weight > 0 for _, _, weight in found)


def test_spans_stay_right_when_lowercasing_changes_length() -> None:
    text = "İİİ İstanbul: police arrested two men."  # "İ".lower() is two characters
    ((kind, span, _),) = triggers(text, "en")
    assert kind is E.ARREST_OR_RAID and span.text == "arrested"


def test_spanish_without_accents_still_matches() -> None:
    text = "ataque aereo contra un campamento; extorsion y secuestro de comerciantes"
    kinds = [kind for kind, _, _ in triggers(text, "es")]
    assert kinds == [E.AIR_OR_DRONE_STRIKE, E.EXTORTION, E.ABDUCTION]


def test_the_lexicon_follows_the_language() -> None:
    text = "Hombres armados secuestraron a un comerciante."
    assert classify(text, "en").type is E.OTHER
    assert classify(text, "es").type is E.ABDUCTION
    assert classify(text, "und").type is E.ABDUCTION  # undetermined: both lexicons
    assert classify("Armed men kidnapped a trader.", "other").type is E.ABDUCTION


def test_the_fast_scanner_finds_what_one_big_alternation_finds() -> None:
    texts = [text for _, _, text in SENTENCES] + [p.read_text() for p in seed_paths()]
    for key, rules in (("en", events._EN), ("both", events._EN + events._ES)):
        lexicon = events._lexicon(key)
        split = [(alt, rule) for rule in rules for alt in events._alternatives(rule.pattern)]
        split.sort(key=lambda pair: events._words_in(pair[0]), reverse=True)
        alternation = "|".join(f"(?P<p{i}>{events._expand(a)})" for i, (a, _) in enumerate(split))
        plain = re.compile(rf"\b(?:{alternation})\b")
        for text in texts:
            lowered = events._lower(text)
            expected = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in plain.finditer(lowered)]
            assert lexicon.triggers.scan(lowered) == expected


# -- ACLED mapping --------------------------------------------------------------------------

ACLED_SUB_EVENTS = {
    "Battles": {
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip


def test_the_acled_mapping_covers_every_type_with_real_acled_pairs() -> None:
    assert set(ACLED) == set(EventType)
    for kind, (event_type, sub_event_type) in ACLED.items():
        assert sub_event_type in ACLED_SUB_EVENTS[event_type], kind


@pytest.mark.parametrize(
    ("kind", "pair"),
    [
        (E.STRIKE_ON_VESSEL, ("Explosions/Remote violence", "Air/drone strike")),
        (E.ARMED_CLASH, ("Battles", "Armed clash")),
        (E.ABDUCTION, ("Violence against civilians", "Abduction/forced disappearance")),
        (E.ARREST_OR_RAID, ("Strategic developments", "Arrests")),
        (E.PROTEST, ("Protests", "Peaceful protest")),
        (E.OTHER, ("Strategic developments", "Other")),
    ],
)
def test_acled_pairs_follow_the_issue(kind: EventType, pair: tuple[str, str]) -> None:
    assert ACLED[kind] == pair


# -- the seeds --------------------------------------------------------------------------------


def _seed(prefix: str) -> tuple[str, str]:
    (path,) = seed_paths(f"{prefix}_")
    text = path.read_text(encoding="utf-8")
    return text, text.split("\n", 1)[0]


def test_seed_004_a_drone_strike_killing_a_gang_leader_is_an_air_strike() -> None:
    text, title = _seed("004")
    assert classify(text, "en", title=title).type is E.AIR_OR_DRONE_STRIKE
    assert classify(text, "en").type is E.AIR_OR_DRONE_STRIKE
    assert E.STRIKE_ON_VESSEL not in {kind for kind, _, _ in triggers(text, "en")}


def test_seed_003_aurora_names_kidnapping_extortion_arrests_and_deportation() -> None:
    text, title = _seed("003")
    kinds = {kind for kind, _, _ in triggers(text, "en")}
    assert {E.ABDUCTION, E.EXTORTION, E.ARREST_OR_RAID, E.DEPORTATION, E.TRAFFICKING} <= kinds
    # The lead is about the deportation campaign, not the Aurora crimes.
    assert classify(text, "en", title=title).type is E.DEPORTATION
    kidnapping = text[text.index("In December, one woman") : text.index("“They told me")]
    assert classify(kidnapping, "en").type is E.ABDUCTION
    arrests = text[text.index("Within hours, the police chief") : text.index("Local immigrant")]
    assert classify(arrests, "en").type is E.ARREST_OR_RAID
    racket = text[text.index("“That’s when I started") : text.index("In December, one woman")]
    assert classify(racket, "en").type is E.EXTORTION


def test_seed_003_the_aug_18_shooting_is_an_attack() -> None:
    text, _ = _seed("003")
    start = text.index("On Aug. 18")
    shooting = text[start : text.index("\n", start)]
    assert classify(shooting, "en").type is E.ATTACK_ON_CIVILIANS


def test_seed_002_destroyers_off_venezuela_are_a_deployment() -> None:
    text, title = _seed("002")
    assert classify(text, "en", title=title).type is E.DEPLOYMENT


def test_seed_000_airstrikes_on_trafficking_vessels_are_strikes_on_vessels() -> None:
    text, _ = _seed("000")
    found = {span.text: kind for kind, span, _ in triggers(text, "en")}
    assert found["airstrikes on trafficking vessels"] is E.STRIKE_ON_VESSEL
    assert E.AIR_OR_DRONE_STRIKE not in {
        kind for kind, span, _ in triggers(text, "en") if "vessel" in span.text
    }


# -- the docs and the benchmark stay honest -------------------------------------------------


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "event_types_benchmark", REPO / "benchmarks" / "event_types.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_docs_list_every_type_with_its_acled_pair() -> None:
    rows = [line for line in DOC.splitlines() if line.startswith("| `")]
    for kind, (event_type, sub_event_type) in ACLED.items():
        assert any(
            row.startswith(f"| `{kind.value}` | {event_type} | {sub_event_type} |") for row in rows
        ), kind


def test_the_docs_map_all_30_case_labels() -> None:
    bench = _benchmark()
    labels = set(bench.CASE_TO_COTEJO) | set(bench.UNMAPPED)
    assert len(labels) == 30 and not set(bench.CASE_TO_COTEJO) & set(bench.UNMAPPED)
    for label in labels:
        assert f"`{label}`" in DOC, label


def test_the_benchmark_f1_matches_a_hand_count() -> None:
    bench = _benchmark()
    gold = ["a", "a", "b", "c"]
    predicted = ["a", "b", "b", "b"]
    per_class = bench.f1_by_class(gold, predicted)
    # a: P 1, R 1/2 -> 2/3; b: P 1/3, R 1 -> 1/2; c: 0
    assert per_class["a"] == (pytest.approx(2 / 3), 2)
    assert per_class["b"] == (pytest.approx(1 / 2), 1)
    assert per_class["c"] == (0.0, 1)


@pytest.mark.parametrize(
    "name", ["TITLE_FACTOR", "LEAD_FACTOR", "LEAD_SENTENCES", "CHARGE_DISCOUNT"]
)
def test_the_docs_give_the_scoring_constants_their_values(name: str) -> None:
    value = getattr(events, name)
    assert f"`{name}` = {value:g}" in DOC
