"""Assessment as a pure function: origins, independence, echoes, grades, explanations, rules."""

from __future__ import annotations

import pytest

from cotejo.assess import assess_incident, load_rules, parse_rules
from cotejo.assess.model import (
    ClaimSpan,
    EvidenceClaim,
    Grade,
    IncidentEvidence,
    MentionActor,
    SourceInfo,
)
from cotejo.assess.rules import DEFAULT_RULES
from cotejo.errors import ConfigError

RULES = load_rules()
MINISTRY = SourceInfo(
    name="Department of War",
    kind="official",
    country="US",
    affiliation="United States federal government",
)
DHS = SourceInfo(
    name="Department of Homeland Security",
    kind="official",
    country="US",
    affiliation="United States federal government",
)


def outlet(name: str, affiliation: str | None = None) -> SourceInfo:
    return SourceInfo(name=name, kind="media", affiliation=affiliation)


def claim(
    attribute: str,
    value: str,
    source: SourceInfo,
    doc: str,
    *,
    origin: str = "(publisher)",
    kind: str = "publisher",
    stance: str = "asserts",
    group: int | None = None,
    start: int = 10,
    **extra,
) -> EvidenceClaim:
    return EvidenceClaim(
        mention_id=abs(hash(doc)) % 10_000,
        attribute=attribute,
        value=value,
        stance=stance,
        origin_name=origin,
        origin_kind=kind,
        span=ClaimSpan(document=doc * 8, start=start, end=start + 5, text="xxxxx"),
        source=source,
        near_duplicate_group=group,
        event_type="strike_on_vessel",
        **extra,
    )


def evidence(*claims: EvidenceClaim, actors=(), sources=()) -> IncidentEvidence:
    return IncidentEvidence(
        incident="inc-test",
        event_type="strike_on_vessel",
        claims=claims,
        actors=actors,
        sources=sources or tuple({c.source.name: c.source for c in claims}.values()),
    )


ACTING = (
    MentionActor(
        mention_id=1,
        document="a" * 64,
        name="US armed forces",
        kind="state_force",
        role="acting_force",
        event_type="strike_on_vessel",
    ),
)


def test_ten_reprints_of_one_wire_story_are_one_origin() -> None:
    reprints = [claim("killed", "3", outlet(f"Outlet {i}"), f"{i:x}", group=7) for i in range(10)]
    graded = assess_incident(evidence(*reprints), RULES).attribute("killed")
    assert graded.grade is Grade.SINGLE_ORIGIN
    [reading] = graded.readings
    [origin] = reading.support
    assert len(origin.documents) == 10 and len(origin.outlets) == 10
    assert "via 10 documents from 10 outlets, one origin" in graded.explanation


def test_reprints_are_one_origin_only_under_the_rule() -> None:
    reprints = [claim("killed", "3", outlet(f"Outlet {i}"), f"{i:x}", group=7) for i in range(3)]
    text = DEFAULT_RULES.read_text(encoding="utf-8").replace(
        "near_duplicates_are_one_origin: true", "near_duplicates_are_one_origin: false"
    )
    graded = assess_incident(evidence(*reprints), parse_rules(text)).attribute("killed")
    assert graded.grade is Grade.CORROBORATED


def test_sources_sharing_an_affiliation_are_one_origin() -> None:
    state_media = [
        claim("killed", "5", outlet("Radio Uno", "state media"), "1"),
        claim("killed", "5", outlet("TV Dos", "state media"), "2"),
    ]
    graded = assess_incident(evidence(*state_media), RULES).attribute("killed")
    assert graded.grade is Grade.SINGLE_ORIGIN
    independent = [
        claim("killed", "5", outlet("Radio Uno"), "1"),
        claim("killed", "5", outlet("TV Dos"), "2"),
    ]
    assert (
        assess_incident(evidence(*independent), RULES).attribute("killed").grade
        is Grade.CORROBORATED
    )


def test_a_quoted_speaker_is_normalised_through_the_alias_file() -> None:
    # the ministry's own post and an outlet quoting its spokesman are one voice
    claims = [
        claim("killed", "3", MINISTRY, "1"),
        claim(
            "killed",
            "3",
            outlet("Harbor Courier"),
            "2",
            origin="Department of War spokesman Grant Tillery",
            kind="official",
        ),
    ]
    graded = assess_incident(evidence(*claims, actors=ACTING), RULES).attribute("killed")
    assert graded.grade is Grade.SINGLE_ORIGIN
    assert graded.readings[0].support[0].label == "US Department of War"


def test_organs_of_one_government_are_one_origin() -> None:
    claims = [
        claim("occurrence", "strike_on_vessel", MINISTRY, "1"),
        claim("occurrence", "strike_on_vessel", DHS, "2"),
    ]
    graded = assess_incident(evidence(*claims), RULES).attribute("occurrence")
    assert graded.grade is Grade.SINGLE_ORIGIN


def test_acknowledged_and_corroborated_when_the_actor_and_others_agree() -> None:
    claims = [
        claim("occurrence", "strike_on_vessel", MINISTRY, "1"),
        claim("occurrence", "strike_on_vessel", outlet("Diario"), "2"),
    ]
    assessed = assess_incident(evidence(*claims, actors=ACTING), RULES)
    occurrence = assessed.attribute("occurrence")
    assert (occurrence.grade, occurrence.acknowledged) == (Grade.CORROBORATED, True)
    assert assessed.headline is Grade.CORROBORATED and assessed.acknowledged
    assert occurrence.explanation.startswith(
        "occurrence: corroborated + acknowledged — rule corroborated: 2 independent origins"
    )


def test_a_toll_only_the_ministry_gives_is_single_origin_and_acknowledged() -> None:
    graded = assess_incident(evidence(claim("killed", "3", MINISTRY, "1"), actors=ACTING), RULES)
    killed = graded.attribute("killed")
    assert (killed.grade, killed.acknowledged) == (Grade.SINGLE_ORIGIN, True)


def test_independent_origins_giving_different_tolls_contest_it() -> None:
    claims = [
        claim("killed", "3", MINISTRY, "1"),
        claim("killed", "5", outlet("Diario"), "2"),
        claim("killed", "5", SourceInfo(name="Fishers' association", kind="ngo"), "3"),
    ]
    assessed = assess_incident(evidence(*claims, actors=ACTING), RULES)
    killed = assessed.attribute("killed")
    assert killed.grade is Grade.CONTESTED and killed.rule == "contested-values"
    assert killed.value == "5"  # the value most independent origins give leads
    [figure] = assessed.figures
    assert (figure.acting_party.low, figure.acting_party.high) == (3, 3)
    assert (figure.independent.low, figure.independent.high) == (5, 5)


def test_overlapping_ranges_agree() -> None:
    claims = [
        claim("killed", "3", outlet("A"), "1"),
        claim("killed", "3+", outlet("B"), "2", low=3),
    ]
    assert assess_incident(evidence(*claims), RULES).attribute("killed").grade is Grade.CORROBORATED


def test_dates_a_day_apart_agree_and_a_week_apart_do_not() -> None:
    near = [
        claim("date", "2025-10-14", outlet("A"), "1"),
        claim("date", "2025-10-15", outlet("B"), "2"),
    ]
    assert assess_incident(evidence(*near), RULES).attribute("date").grade is Grade.CORROBORATED
    far = [
        claim("date", "2025-10-14", outlet("A"), "1"),
        claim("date", "2025-10-21", outlet("B"), "2"),
    ]
    assert assess_incident(evidence(*far), RULES).attribute("date").grade is Grade.CONTESTED


def test_a_court_denial_refutes() -> None:
    claims = [
        claim("affiliation", "Tren de Aragua", MINISTRY, "1", weak=True),
        claim(
            "affiliation",
            "Tren de Aragua",
            outlet("Ledger"),
            "2",
            origin="the court",
            kind="court",
            stance="denies",
        ),
    ]
    graded = assess_incident(evidence(*claims), RULES).attribute("affiliation")
    assert graded.grade is Grade.REFUTED and "court" in graded.explanation


def test_unattributed_weak_labels_echo_the_acting_party() -> None:
    claims = [
        claim(
            "affiliation",
            "Tren de Aragua",
            MINISTRY,
            "1",
            weak=True,
            bases=("assertion_without_evidence",),
        ),
        *(
            claim(
                "affiliation",
                "Tren de Aragua",
                outlet(f"Outlet {i}"),
                f"{i + 2:x}",
                weak=True,
                bases=("tattoos_clothing_or_symbols",),
            )
            for i in range(4)
        ),
    ]
    assessed = assess_incident(evidence(*claims, actors=ACTING), RULES)
    label = assessed.attribute("affiliation").readings[0]
    assert label.grade is Grade.SINGLE_ORIGIN and label.weak_basis
    assert label.support[0].echoes == 4
    off = DEFAULT_RULES.read_text(encoding="utf-8").replace(
        "unattributed_weak_affiliation_echoes_acting_party: true",
        "unattributed_weak_affiliation_echoes_acting_party: false",
    )
    without = assess_incident(evidence(*claims, actors=ACTING), parse_rules(off))
    assert without.attribute("affiliation").grade is Grade.CORROBORATED


def test_an_outlets_own_evidence_is_not_an_echo() -> None:
    claims = [
        claim("affiliation", "Tren de Aragua", MINISTRY, "1", weak=True),
        claim(
            "affiliation",
            "Tren de Aragua",
            outlet("Ledger"),
            "2",
            weak=False,
            bases=("court_conviction",),
        ),
    ]
    label = assess_incident(evidence(*claims, actors=ACTING), RULES).attribute("affiliation")
    assert label.grade is Grade.CORROBORATED
    assert not label.readings[0].weak_basis


def test_a_document_reporting_both_tolls_gives_the_actors_figure_to_the_actor() -> None:
    claims = [
        claim("killed", "3", MINISTRY, "1"),
        claim("killed", "5", outlet("Diario"), "2", start=10),
        claim("killed", "3", outlet("Diario"), "2", start=40),
    ]
    actors = (
        *ACTING,
        MentionActor(
            mention_id=2,
            document="2" * 8,
            name="Department of War",
            kind="government",
            role="acting_force",
        ),
    )
    killed = assess_incident(evidence(*claims, actors=actors), RULES).attribute("killed")
    three = next(r for r in killed.readings if r.value == "3")
    assert [o.label for o in three.support] == ["US Department of War"]
    assert three.grade is Grade.SINGLE_ORIGIN


def test_witnesses_are_one_origin_per_role() -> None:
    claims = [
        claim("killed", "5", outlet("A"), "1", origin="fishermen", kind="witness"),
        claim("killed", "5", outlet("B"), "2", origin="fishermen", kind="witness"),
    ]
    assert (
        assess_incident(evidence(*claims), RULES).attribute("killed").grade is Grade.SINGLE_ORIGIN
    )


def test_unstated_attributes_are_listed_without_a_grade() -> None:
    assessed = assess_incident(evidence(claim("killed", "3", outlet("A"), "1")), RULES)
    injured = assessed.attribute("injured")
    assert injured.grade is None and "no source states it" in injured.explanation
    assert assessed.headline is None


def test_explanations_name_document_and_character_span() -> None:
    graded = assess_incident(evidence(claim("killed", "3", outlet("Diario"), "9f2c")), RULES)
    assert "Diario (media; doc 9f2c9f2c…, chars 10–15)" in graded.attribute("killed").explanation


def test_same_evidence_and_rules_give_the_same_assessment() -> None:
    claims = [claim("killed", "3", MINISTRY, "1"), claim("killed", "5", outlet("D"), "2")]
    first = assess_incident(evidence(*claims, actors=ACTING), RULES)
    assert assess_incident(evidence(*claims, actors=ACTING), RULES) == first
    assert first.rules_version == RULES.version


def test_a_changed_threshold_is_a_new_rules_version() -> None:
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    assert parse_rules(text).version == RULES.version
    assert parse_rules(text + "\n# a comment changes nothing\n").version == RULES.version
    changed = parse_rules(text.replace("date_tolerance_days: 1", "date_tolerance_days: 2"))
    assert changed.version != RULES.version and changed.label == RULES.label


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("label: x\n  bad: indent\n", "line 2, column 6"),
        (
            "label: x\ncorroboration:\n  min_independent_origins: 1\n",
            "corroboration.min_independent_origins",
        ),
        ("label: x\nthresholds: {}\n", "thresholds"),
        ("- a list\n", "mapping"),
    ],
)
def test_a_bad_rules_file_names_the_place_and_the_fix(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_rules(text, "my-rules.yaml")
    assert message in str(raised.value) and "my-rules.yaml" in str(raised.value)
    assert raised.value.hint


def test_a_missing_rules_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_rules(tmp_path / "nope.yaml")
