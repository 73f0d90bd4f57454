"""Resolve: grouping across languages, keeping same-day incidents apart, analysts' decisions
surviving a rebuild, determinism, incremental runs, and nothing lost on the way.

The documents are small hand-written fictional reports, run through the real ingest,
extract and resolve stages (the multilingual embedder ships in its wheel: no network).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from cotejo.errors import InputError
from cotejo.pipeline import Ingester
from cotejo.resolve import decisions as d
from cotejo.runner.extract import run_extract
from cotejo.runner.incidents import list_incidents, merge, move, show_incident, split
from cotejo.runner.resolve import run_resolve
from cotejo.store import models as m
from cotejo.testing import FrozenClock, make_store, run_cli

DOCS = {
    "es-tumaco.md": (
        "Ataque de EE.UU. contra una lancha frente a Tumaco deja dos muertos",
        "Diario del Litoral",
        "2025-10-23T08:00:00-05:00",
        "Dos pescadores murieron el miércoles 22 de octubre cuando un ataque de Estados Unidos "
        "alcanzó su lancha frente a Tumaco, en el Pacífico colombiano, según informó la Armada "
        "de Colombia. Un tercer tripulante sobrevivió y fue trasladado a un hospital de Tumaco.",
    ),
    "en-tumaco.md": (
        "US strike on boat off Colombia's Pacific coast kills two",
        "Global Wire Service",
        "2025-10-23T12:00:00Z",
        "A U.S. military strike on a boat off Tumaco, Colombia, killed two people on Wednesday, "
        "Oct. 22, the Colombian navy said. A third person on board survived and was taken to a "
        "hospital in Tumaco.",
    ),
    "chi-store-1.md": (
        "Man shot dead outside South Side liquor store",
        "Lakeshore Daily",
        "2026-03-08T09:00:00-06:00",
        "A man was shot and killed Saturday night outside a liquor store on the South Side of "
        "Chicago, police said. The man was standing near the entrance of the store on South "
        "Halsted Street when a gunman walked up and fired several shots. No arrests have been "
        "made.",
    ),
    "chi-store-2.md": (
        "Police seek gunman after fatal shooting at Halsted Street liquor store",
        "Windy City Courier",
        "2026-03-08T14:00:00-06:00",
        "Chicago police are looking for a gunman who shot a man to death outside a liquor store "
        "on South Halsted Street on Saturday night. The victim was pronounced dead at the scene, "
        "police said. Detectives are reviewing surveillance video from the store.",
    ),
    "chi-park-1.md": (
        "Two teens wounded in drive-by shooting at West Side park",
        "Lakeshore Daily",
        "2026-03-08T10:00:00-06:00",
        "Two teenagers were wounded Saturday afternoon when someone opened fire from a passing "
        "car at Garfield Park on Chicago's West Side, police said. Both were taken to Stroger "
        "Hospital in fair condition.",
    ),
    "chi-park-2.md": (
        "Shots fired from car at Garfield Park, two teens hurt",
        "Windy City Courier",
        "2026-03-08T16:00:00-06:00",
        "Two teenage boys were shot and wounded at Garfield Park on Saturday afternoon after a "
        "gunman fired from a passing car, Chicago police said. The boys were hospitalized and "
        "are expected to survive.",
    ),
}
LATE = {
    "es-tumaco-2.md": (
        "Armada confirma dos muertos en ataque a lancha frente a Tumaco",
        "Radio Pacífico",
        "2025-10-24T09:00:00-05:00",
        "La Armada de Colombia confirmó que dos pescadores murieron en el ataque de Estados "
        "Unidos contra una lancha frente a Tumaco el 22 de octubre. El sobreviviente sigue "
        "hospitalizado en Tumaco.",
    ),
}


def write(folder: Path, docs: dict[str, tuple[str, str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, source, published, text) in docs.items():
        (folder / name).write_text(
            f"---\ntitle: {title}\nsource: {source}\npublished_at: {published}\n---\n{text}\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the six documents ingested and extracted, not yet resolved."""
    root = tmp_path_factory.mktemp("resolve")
    write(root / "docs", DOCS)
    store = make_store(root / "home")
    Ingester(store, clock=FrozenClock()).run([root / "docs"])
    run_extract(store, clock=FrozenClock())
    store.close()
    return root


@pytest.fixture
def home(prepared: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(prepared / "home", copy)
    return copy


def incident_of(store, name: str) -> str:
    """The key of the incident holding the first mention of the document titled like `name`."""
    title = DOCS.get(name, LATE.get(name, ("",)))[0]
    with store.session() as session:
        return session.execute(
            select(m.Incident.key)
            .join(m.IncidentMember, m.IncidentMember.incident_id == m.Incident.id)
            .join(m.MentionRow, m.IncidentMember.mention_id == m.MentionRow.id)
            .join(m.Document, m.MentionRow.document_sha256 == m.Document.sha256)
            .where(m.Document.title == title, m.IncidentMember.until.is_(None))
            .order_by(m.MentionRow.ordinal)
            .limit(1)
        ).scalar_one()


def mention_of(store, name: str) -> int:
    with store.session() as session:
        return session.execute(
            select(m.MentionRow.id)
            .join(m.Document, m.MentionRow.document_sha256 == m.Document.sha256)
            .where(m.Document.title == DOCS[name][0])
            .order_by(m.MentionRow.ordinal)
            .limit(1)
        ).scalar_one()


def grouping(store) -> dict[str, str]:
    return {name: incident_of(store, name) for name in DOCS}


def test_an_english_and_a_spanish_report_of_one_strike_form_one_incident(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    assert incident_of(store, "es-tumaco.md") == incident_of(store, "en-tumaco.md")
    values = show_incident(store, incident_of(store, "es-tumaco.md"))["canonical"]
    assert values["killed"]["value"] == 2
    assert values["date"] == {**values["date"], "value": "2025-10-22", "precision": "day"}
    assert values["location"]["name"] == "Tumaco"
    assert values["documents"] == 2
    store.close()


def test_two_same_day_shootings_in_one_city_stay_apart(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    groups = grouping(store)
    assert groups["chi-store-1.md"] == groups["chi-store-2.md"]
    assert groups["chi-park-1.md"] == groups["chi-park-2.md"]
    assert groups["chi-store-1.md"] != groups["chi-park-1.md"]
    assert groups["chi-store-1.md"] != groups["en-tumaco.md"]
    store.close()


def test_a_rebuild_keeps_the_keys_of_incidents_it_leaves_intact(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    before = grouping(store)
    rebuilt = run_resolve(store, rebuild=True, clock=FrozenClock())
    assert grouping(store) == before and rebuilt.changed == 0
    store.close()


def test_a_rebuild_gives_the_same_grouping_every_time(home: Path) -> None:
    store = make_store(home)
    first = run_resolve(store, rebuild=True, clock=FrozenClock())
    before = grouping(store)
    second = run_resolve(store, rebuild=True, clock=FrozenClock())
    assert first.digest == second.digest
    assert grouping(store) == before
    assert second.changed == 0  # nothing to write: the store already holds this grouping
    store.close()


def test_incremental_resolve_places_only_new_mentions(home: Path, tmp_path: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    again = run_resolve(store, clock=FrozenClock())
    assert again.mentions == 0
    write(tmp_path / "late", LATE)
    Ingester(store, clock=FrozenClock()).run([tmp_path / "late"])
    run_extract(store, clock=FrozenClock())
    late = run_resolve(store, clock=FrozenClock())
    assert late.mentions == 1 and late.joined == 1
    assert incident_of(store, "es-tumaco-2.md") == incident_of(store, "en-tumaco.md")
    store.close()


def test_a_merge_survives_a_rebuild(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    park, shop = incident_of(store, "chi-park-1.md"), incident_of(store, "chi-store-1.md")
    result = merge(store, [park, shop], "analyst-1", "same gunman per police update")
    assert result.incidents == (park,)
    run_resolve(store, rebuild=True, clock=FrozenClock())
    groups = grouping(store)
    chicago = ("chi-park-1.md", "chi-park-2.md", "chi-store-1.md", "chi-store-2.md")
    assert {groups[n] for n in chicago} == {park}  # together, under the key the analyst kept
    assert groups["en-tumaco.md"] != park
    store.close()


def test_a_split_survives_a_rebuild(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    key = incident_of(store, "en-tumaco.md")
    spanish = mention_of(store, "es-tumaco.md")
    split(store, key, [spanish], "analyst-2", "different boat: the navy reported two strikes")
    assert incident_of(store, "es-tumaco.md") != incident_of(store, "en-tumaco.md")
    rebuilt = run_resolve(store, rebuild=True, clock=FrozenClock())
    assert incident_of(store, "es-tumaco.md") != incident_of(store, "en-tumaco.md")
    assert rebuilt.mentions == 6
    store.close()


def test_a_moved_mention_stays_where_a_person_put_it(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    park = incident_of(store, "chi-park-1.md")
    moved = mention_of(store, "chi-store-2.md")
    move(store, moved, park, "analyst-3", "the courier's story is about the park shooting")
    assert incident_of(store, "chi-store-2.md") == park
    run_resolve(store, rebuild=True, clock=FrozenClock())
    groups = grouping(store)
    assert groups["chi-store-2.md"] == groups["chi-park-1.md"]
    assert groups["chi-store-1.md"] != groups["chi-store-2.md"]
    store.close()


def test_decisions_are_logged_and_old_memberships_kept(home: Path) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    park, shop = incident_of(store, "chi-park-1.md"), incident_of(store, "chi-store-1.md")
    merge(store, [park, shop], "analyst-1", "test")
    with store.session() as session:
        closed = session.execute(
            select(func.count())
            .select_from(m.IncidentMember)
            .where(m.IncidentMember.until.is_not(None))
        ).scalar_one()
        events = session.scalars(select(m.Event).where(m.Event.kind == "resolve.decision")).all()
        retired = session.execute(select(m.Incident).where(m.Incident.key == shop)).scalar_one()
    assert closed == 2  # the shop's two memberships, closed, not deleted
    assert retired.retired_at is not None  # the emptied incident is kept, retired
    [event] = events
    payload = json.loads(event.payload)
    assert payload["author"] == "analyst-1" and payload["action"] == "merge"
    assert {k["key"] for k in list_incidents(store)} >= {park}
    store.close()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: merge(s, ["inc-nothing", "inc-nope"], "a", "r"), "no incident"),
        (lambda s: merge(s, ["inc-x"], "a", "r"), "two or more"),
    ],
)
def test_bad_decisions_are_refused_with_a_hint(home: Path, call, message: str) -> None:
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    with pytest.raises(InputError, match=message):
        call(store)
    store.close()


def test_a_decision_needs_an_author_and_a_rationale() -> None:
    with pytest.raises(InputError, match="author"):
        d.Decision(d.Action.MERGE, " ", "why", ((1, 2),))
    with pytest.raises(InputError, match="rationale"):
        d.Decision(d.Action.MERGE, "ana", "", ((1, 2),))


def test_a_split_must_leave_mentions_on_both_sides() -> None:
    with pytest.raises(InputError, match="both sides"):
        d.split([1, 2], [1, 2])
    with pytest.raises(InputError, match="not in this incident"):
        d.split([1, 2], [3])


def test_pins_replay_decisions_later_ones_winning() -> None:
    first = d.Decision(d.Action.MERGE, "a", "r", ((1, 2, 3),))
    second = d.Decision(d.Action.SPLIT, "a", "r", ((3,), (1, 2)))
    pins = d.pins([first, second])
    assert pins[1] == pins[2] != pins[3]


def test_cli_resolve_and_incidents(home: Path) -> None:
    result = run_cli(["--home", str(home), "resolve", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["mentions"] == 6
    listed = run_cli(["--home", str(home), "incidents", "list", "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert len(rows) == 3
    key = rows[0]["key"]
    shown = json.loads(run_cli(["--home", str(home), "incidents", "show", key]).output)
    assert shown["key"] == key and shown["members"]
    refused = run_cli(
        ["--home", str(home), "incidents", "merge", key, rows[1]["key"], "--rationale", "x"],
        env={"COTEJO_USER": ""},
    )
    assert refused.exit_code != 0 and "--author" in refused.output


def test_incidents_without_date_windows_are_reindexed_before_placing(
    home: Path, tmp_path: Path
) -> None:
    """A store whose incidents predate the windows table still takes new reports in."""
    store = make_store(home)
    run_resolve(store, clock=FrozenClock())
    with store.session() as session:
        session.execute(delete(m.IncidentWindow))
    write(tmp_path / "late", LATE)
    Ingester(store, clock=FrozenClock()).run([tmp_path / "late"])
    run_extract(store, clock=FrozenClock())
    late = run_resolve(store, clock=FrozenClock())
    assert late.joined == 1
    assert incident_of(store, "es-tumaco-2.md") == incident_of(store, "en-tumaco.md")
    store.close()


def test_cli_split_and_move_take_the_author_from_the_environment(home: Path) -> None:
    run_cli(["--home", str(home), "resolve"])
    store = make_store(home)
    key = incident_of(store, "en-tumaco.md")
    spanish = mention_of(store, "es-tumaco.md")
    park = incident_of(store, "chi-park-1.md")
    shop_mention = mention_of(store, "chi-store-1.md")
    store.close()
    env = {"COTEJO_USER": "analyst-9"}
    # the author must be a user with the analyst role or above
    added = run_cli(["--home", str(home), "users", "add", "analyst-9", "--role", "admin"])
    assert added.exit_code == 0, added.output
    base = ["--home", str(home), "incidents"]
    split_out = run_cli(
        [*base, "split", key, "--mentions", str(spanish), "--rationale", "two boats"], env=env
    )
    assert split_out.exit_code == 0 and "(split) stored" in split_out.output
    moved = run_cli(
        [*base, "move", str(shop_mention), "--to", park, "--rationale", "test"], env=env
    )
    assert moved.exit_code == 0 and "(move) stored" in moved.output
    bad = run_cli([*base, "split", key, "--mentions", "x,y", "--rationale", "r"], env=env)
    assert bad.exit_code != 0 and "mention ids as numbers" in bad.output
    store = make_store(home)
    with store.session() as session:
        authors = {d.author for d in session.scalars(select(m.ResolveDecision))}
    store.close()
    assert authors == {"analyst-9"}


def test_an_unknown_incident_is_an_error_with_a_hint(home: Path) -> None:
    import subprocess
    import sys

    run_cli(["--home", str(home), "resolve"])
    done = subprocess.run(
        [sys.executable, "-m", "cotejo.cli", "--home", str(home), "incidents", "show", "inc-nope"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "no incident 'inc-nope'" in done.stderr and "cotejo incidents list" in done.stderr
