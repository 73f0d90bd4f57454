"""Review (issue 5): roles enforced in the service layer, the hash-chained audit log and its
verification, people's decisions kept against new evidence, history, and the CLI."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cotejo.archive.blobs import BlobStore
from cotejo.archive.verify import verify
from cotejo.assess.rules import load_rules
from cotejo.errors import AccessDenied, InputError, NotFound
from cotejo.review import service
from cotejo.review.views import history, incident_view, review_queue
from cotejo.runner.incidents import list_incidents
from cotejo.store import models as m
from cotejo.testing import FrozenClock, html_page, make_store, run_cli
from test_assess_corpus import incident_of

pytestmark = pytest.mark.slow

TABLES = (
    m.ReviewEntry,
    m.HumanValue,
    m.Event,
    m.ResolveDecision,
    m.User,
    m.IncidentMember,
    m.Assessment,
)


def with_users(home: Path) -> None:
    store = make_store(home)
    try:
        service.add_user(store, None, "root", "admin")
        for name, role in (("vera", "viewer"), ("ana", "analyst"), ("rui", "reviewer")):
            service.add_user(store, "root", name, role)
    finally:
        store.close()


def snapshot(store) -> dict[str, object]:
    with store.session() as session:
        counts = {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) for t in TABLES
        }
        counts["affiliations"] = tuple(
            session.scalars(select(m.Source.affiliation).order_by(m.Source.id))
        )
        counts["open memberships"] = session.scalar(
            select(func.count()).where(m.IncidentMember.until.is_(None))
        )
    return counts


def verify_store(home: Path):
    store = make_store(home)
    try:
        with store.session() as session:
            return verify(session, BlobStore(home / "archive"))
    finally:
        store.close()


@pytest.fixture
def reviewed(home_copy: Path) -> tuple[Path, str, str]:
    """The assessed corpus with users, and the keys of the boat strike and the kidnapping."""
    with_users(home_copy)
    store = make_store(home_copy)
    try:
        keys = incident_of(store, "A"), incident_of(store, "C")
    finally:
        store.close()
    return home_copy, *keys


ACTIONS: dict[str, Callable] = {
    "annotate": lambda s, who, a, c: service.annotate(s, who, a, "a note"),
    "confirm": lambda s, who, a, c: service.confirm(s, who, a, "killed", "5", "r"),
    "correct": lambda s, who, a, c: service.correct(s, who, a, "killed", "5", "0" * 64, 0, 1, "r"),
    "merge": lambda s, who, a, c: service.merge(s, who, [a, c], "r"),
    "split": lambda s, who, a, c: service.split(s, who, a, [1], "r"),
    "move": lambda s, who, a, c: service.move(s, who, 1, c, "r"),
    "regrade": lambda s, who, a, c: service.regrade(s, who, a, "killed", "refuted", "r"),
    "mark-affiliation": lambda s, who, a, c: service.mark_affiliation(
        s, who, "Diario del Paria", "Grupo X", "r"
    ),
    "add-user": lambda s, who, a, c: service.add_user(s, who, "newbie", "viewer"),
    "set-role": lambda s, who, a, c: service.set_role(s, who, "vera", "admin"),
}
TOO_LOW = {
    "annotate": ["vera"],
    "confirm": ["vera"],
    "correct": ["vera"],
    "merge": ["vera"],
    "split": ["vera"],
    "move": ["vera"],
    "regrade": ["vera", "ana"],
    "mark-affiliation": ["vera", "ana"],
    "add-user": ["vera", "ana", "rui"],
    "set-role": ["vera", "ana", "rui"],
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_write_without_the_role_is_refused_and_changes_nothing(reviewed, action: str) -> None:
    home, boat, kidnapping = reviewed
    store = make_store(home)
    try:
        before = snapshot(store)
        for who in [*TOO_LOW[action], "nobody", None]:
            with pytest.raises(AccessDenied) as raised:
                ACTIONS[action](store, who, boat, kidnapping)
            assert raised.value.hint and raised.value.status == 403
        assert snapshot(store) == before
    finally:
        store.close()


def test_the_first_user_must_be_an_admin(home_copy: Path) -> None:
    store = make_store(home_copy)
    try:
        with pytest.raises(InputError, match="first user"):
            service.add_user(store, None, "ana", "analyst")
        service.add_user(store, None, "root", "admin")
        with pytest.raises(AccessDenied):
            service.add_user(store, None, "eve", "admin")  # no longer without an actor
        with pytest.raises(InputError, match="unknown role"):
            service.add_user(store, "root", "eve", "boss")
    finally:
        store.close()


def test_a_regrade_with_rationale_is_an_audit_entry_and_verify_passes(reviewed) -> None:
    home, boat, _ = reviewed
    store = make_store(home)
    try:
        done = service.regrade(
            store, "rui", boat, "affiliation", "refuted", "court found no gang link", FrozenClock()
        )
        with store.session() as session:
            entry = session.get(m.ReviewEntry, done["entry"])
            event = session.get(m.Event, entry.event_seq)
            previous = session.get(m.Event, entry.event_seq - 1)
        assert (entry.author, entry.action, entry.attribute) == ("rui", "regrade", "affiliation")
        assert entry.rationale == "court found no gang link"
        assert json.loads(entry.before)["machine_grade"] == "contested"
        assert json.loads(entry.after)["grade"] == "refuted"
        assert entry.prev_hash == previous.hash and entry.hash == event.hash
        shown = incident_view(store, boat)
        row = next(a for a in shown["attributes"] if a["attribute"] == "affiliation")
        assert (row["grade"], row["machine_grade"]) == ("refuted", "contested")
        assert row["regrade"]["by"] == "rui"
        trail = history(store, boat)
        assert any(item["what"] == "review: regrade affiliation" for item in trail)
        # Clients read the kind, action and attribute, never the English `what`.
        assert {item["kind"] for item in trail} >= {"created", "assessed", "review"}
        regraded = [i for i in trail if i["kind"] == "review" and i["action"] == "regrade"]
        assert [i["attribute"] for i in regraded] == ["affiliation"]
        assessed = next(i for i in trail if i["kind"] == "assessed")
        assert assessed["detail"]["grades"]["affiliation"] == "contested"
    finally:
        store.close()
    report = verify_store(home)
    assert report.ok, report.problems


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        (
            "UPDATE review_entries SET rationale = 'nothing to see' WHERE action = 'regrade'",
            "review entry",
        ),
        (
            "UPDATE events SET payload = replace(payload, 'court found', 'court hid')"
            " WHERE kind = 'review.regrade'",
            "event",
        ),
        ("DELETE FROM review_entries WHERE action = 'regrade'", "review log"),
    ],
)
def test_tampering_with_the_audit_log_fails_verify_at_the_first_broken_link(
    reviewed, statement: str, found: str
) -> None:
    home, boat, _ = reviewed
    store = make_store(home)
    try:
        service.annotate(store, "ana", boat, "first note")
        service.regrade(store, "rui", boat, "affiliation", "refuted", "court found no gang link")
        service.annotate(store, "ana", boat, "a later note")
    finally:
        store.close()
    assert verify_store(home).ok
    with sqlite3.connect(home / "cotejo.db") as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(statement)
    report = verify_store(home)
    assert not report.ok
    first = report.first_broken_link
    assert first is not None and found in first.subject
    cli = run_cli(["--home", str(home), "verify"])
    assert cli.exit_code == 1
    assert f"first broken link: {first}" in cli.output


def test_an_edited_assessment_fails_verify(reviewed) -> None:
    home, _, _ = reviewed
    with sqlite3.connect(home / "cotejo.db") as connection:
        connection.execute(
            "UPDATE assessments SET payload = replace(payload, 'contested', 'corroborated')"
        )
    report = verify_store(home)
    assert not report.ok and report.first_broken_link.kind == "assessment"


def test_bad_input_is_refused_with_a_hint(reviewed) -> None:
    home, boat, _ = reviewed
    store = make_store(home)
    try:
        before = snapshot(store)
        cases = [
            (lambda: service.confirm(store, "ana", "inc-nope", "killed", "5", "r"), NotFound),
            (lambda: service.confirm(store, "ana", boat, "tollz", "5", "r"), InputError),
            (lambda: service.confirm(store, "ana", boat, "killed", "99", "r"), InputError),
            (lambda: service.confirm(store, "ana", boat, "killed", "5", "  "), InputError),
            (lambda: service.regrade(store, "rui", boat, "killed", "likely", "r"), InputError),
            (
                lambda: service.correct(store, "ana", boat, "killed", "4", "zz", 0, 1, "r"),
                InputError,
            ),
            (
                lambda: service.correct(store, "ana", boat, "killed", "4", "abcdef12", 0, 1, "r"),
                NotFound,
            ),
            (lambda: service.mark_affiliation(store, "rui", "No Such Outlet", "x", "r"), NotFound),
        ]
        for call, error in cases:
            with pytest.raises(error) as raised:
                call()
            assert raised.value.hint
        assert snapshot(store) == before
    finally:
        store.close()


def test_a_correction_cites_a_span_of_a_document(reviewed) -> None:
    home, boat, _ = reviewed
    store = make_store(home)
    try:
        with store.session() as session:
            apag = session.execute(
                select(m.Document).join(m.Source).where(m.Source.name.like("Asociación%"))
            ).scalar_one()
        start = apag.text.index("Murieron los cinco pescadores")
        end = start + len("Murieron los cinco pescadores")
        with pytest.raises(InputError, match="outside"):
            service.correct(store, "ana", boat, "killed", "5", apag.sha256[:10], 0, 10**6, "r")
        done = service.correct(
            store,
            "ana",
            boat,
            "killed",
            "5",
            apag.sha256[:10],
            start,
            end,
            "the association named them",
        )
        assert done["evidence"]["text"] == "Murieron los cinco pescadores"
        row = next(
            a for a in incident_view(store, boat)["attributes"] if a["attribute"] == "killed"
        )
        assert row["value"] == "5" and row["decision"]["action"] == "correct"
        assert row["decision"]["evidence"]["document"] == apag.sha256
    finally:
        store.close()


def test_marking_two_outlets_as_one_owner_makes_them_one_origin(reviewed) -> None:
    from cotejo.runner.assess import run_assess

    home, boat, _ = reviewed
    store = make_store(home)
    try:

        def five() -> set[str]:
            view = incident_view(store, boat)
            killed = next(a for a in view["attributes"] if a["attribute"] == "killed")
            reading = next(r for r in killed["readings"] if r["value"] == "5")
            return {o["origin"] for o in reading["origins"]}

        assert {"Diario del Paria", "The Meridian Post"} <= five()
        for outlet in ("Diario del Paria", "The Meridian Post"):
            service.mark_affiliation(store, "rui", outlet, "Grupo Paria", "one owner since 2024")
        assert run_assess(store).assessed >= 1
        merged = five()
        assert not {"Diario del Paria", "The Meridian Post"} <= merged
    finally:
        store.close()


def test_merge_split_and_move_as_review_actions_are_logged(reviewed) -> None:
    home, boat, kidnapping = reviewed
    store = make_store(home)
    try:
        result = service.merge(store, "ana", [boat, kidnapping], "testing a merge")
        assert result.incidents == (boat,)
        with store.session() as session:
            entry = session.execute(
                select(m.ReviewEntry).where(m.ReviewEntry.action == "merge")
            ).scalar_one()
        assert json.loads(entry.after)["decision"] == result.decision_id
        assert any(item["what"] == "review: merge" for item in history(store, kidnapping))
    finally:
        store.close()
    assert verify_store(home).ok


# -- new evidence never silently overwrites a person's decision ------------------------------------

FIRST = [
    (
        "Riverside Daily",
        "Gunmen kill three in Tumaco market attack",
        "Gunmen killed three people at the central market in Tumaco, Colombia, on Monday, March 3, "
        "2025. Witnesses said two men on a motorcycle opened fire on the stalls before fleeing.",
    ),
    (
        "Pacific Herald",
        "Three dead after shooting at Tumaco market",
        "Three people were killed when gunmen opened fire at the central market in Tumaco, "
        "Colombia, on Monday, March 3, 2025. Stall owners said the attackers escaped on a "
        "motorcycle.",
    ),
]
LATER = [
    (
        "Norte Hoy",
        "Seven killed in Tumaco market shooting",
        "Seven people were killed in the shooting at the central market in Tumaco, Colombia, on "
        "Monday, March 3, 2025, hospital staff said on Wednesday.",
    ),
    (
        "Sur Radio",
        "Tumaco market attack: seven dead",
        "Gunmen killed seven people at the central market of Tumaco, Colombia, on Monday, March 3, "
        "2025. The attackers fled on a motorcycle, according to stall owners.",
    ),
    (
        "Costa TV",
        "Seven dead in Tumaco",
        "On Monday, March 3, 2025, seven people died when two gunmen shot at shoppers in the "
        "central market of Tumaco, Colombia.",
    ),
]


def _write(folder: Path, docs, published: str) -> Path:
    folder.mkdir(parents=True)
    for number, (site, title, body) in enumerate(docs):
        (folder / f"{number}.html").write_text(
            html_page(title, body, site=site, published=published)
        )
    return folder


def _flow(home: Path, folder: Path) -> None:
    for args in (["ingest", str(folder)], ["extract"], ["resolve"], ["assess"]):
        result = run_cli(["--home", str(home), *args])
        assert result.exit_code == 0, result.output


def test_a_reassessment_that_disagrees_with_a_confirmed_value_is_flagged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    base = ["--home", str(home)]
    _flow(home, _write(tmp_path / "first", FIRST, "2025-03-03T20:00:00Z"))
    assert run_cli([*base, "users", "add", "root", "--role", "admin"]).exit_code == 0
    added = run_cli(
        [*base, "users", "add", "ana", "--role", "analyst"], env={"COTEJO_USER": "root"}
    )
    assert added.exit_code == 0, added.output
    [row] = [
        json.loads(line) for line in run_cli([*base, "incidents", "--json"]).output.splitlines()
    ]
    key = row["key"]
    assert row["grade"] == "corroborated"
    confirmed = run_cli(
        [*base, "review", "confirm", key, "killed", "--as", "ana", "--rationale", "two outlets"]
    )
    assert confirmed.exit_code == 0 and "confirmed killed = 3" in confirmed.output
    # new documents from three more outlets give another toll
    _flow(home, _write(tmp_path / "later", LATER, "2025-03-05T12:00:00Z"))
    store = make_store(home)
    try:
        [flag] = review_queue(store)
        view = incident_view(store, key)
    finally:
        store.close()
    assert (flag["incident"], flag["attribute"]) == (key, "killed")
    assert (flag["human_value"], flag["machine_value"]) == ("3", "7")
    killed = next(a for a in view["attributes"] if a["attribute"] == "killed")
    assert killed["value"] == "3" and killed["machine_value"] == "7"  # the person's value stands
    assert killed["flags"]
    shown = run_cli([*base, "show", key])
    assert "FLAGGED FOR REVIEW: a person set '3'; the new assessment says '7'" in shown.output
    # assessing again raises no second flag; deciding again closes it
    assert json.loads(run_cli([*base, "assess", "--json"]).output)["flags"] == 0
    run_cli(
        [*base, "review", "confirm", key, "killed", "7", "--as", "ana", "--rationale", "toll rose"]
    )
    assert "no open flags" in run_cli([*base, "review", "queue"]).output
    lines = run_cli([*base, "history", key]).output
    assert "flagged for review: killed" in lines and "review: confirm killed  by ana" in lines


# -- the CLI ---------------------------------------------------------------------------------------


def test_cli_incidents_show_history_and_review(reviewed) -> None:
    home, boat, _ = reviewed
    base = ["--home", str(home)]
    listed = run_cli([*base, "incidents"])
    assert (
        listed.exit_code == 0 and boat in listed.output and "grade" in listed.output.splitlines()[0]
    )
    rows = [
        json.loads(line) for line in run_cli([*base, "incidents", "--json"]).output.splitlines()
    ]
    assert {r["key"] for r in rows} >= {boat} and all("grade" in r for r in rows)
    assert (
        run_cli([*base, "incidents", "list", "--json"]).output
        == run_cli([*base, "incidents", "--json"]).output
    )
    shown = json.loads(run_cli([*base, "show", boat, "--json"]).output)
    killed = next(a for a in shown["attributes"] if a["attribute"] == "killed")
    assert killed["grade"] == "contested" and killed["explanation"].startswith("killed: contested")
    assert {"origin", "kind", "documents", "spans"} <= set(killed["readings"][0]["origins"][0])
    text = run_cli([*base, "show", boat]).output
    assert "killed: contested" in text and "US Department of War" in text
    env = {"COTEJO_USER": "rui"}
    regraded = run_cli(
        [*base, "review", "regrade", boat, "killed", "contested", "--rationale", "checked"], env=env
    )
    assert regraded.exit_code == 0, regraded.output
    assert "review: regrade killed  by rui — checked" in run_cli([*base, "history", boat]).output
    with pytest.raises(AccessDenied):
        run_cli(
            [*base, "review", "regrade", boat, "killed", "refuted", "--rationale", "x"],
            env={"COTEJO_USER": "ana"},
        )
    with pytest.raises(NotFound, match="no incident 'inc-nope'"):
        run_cli([*base, "show", "inc-nope"])
    assert run_cli([*base, "verify"]).exit_code == 0


def test_the_legacy_incidents_commands_check_the_role_too(reviewed) -> None:
    home, boat, kidnapping = reviewed
    base = ["--home", str(home), "incidents", "merge", boat, kidnapping, "--rationale", "r"]
    with pytest.raises(AccessDenied):
        run_cli([*base, "--author", "vera"])
    merged = run_cli([*base, "--author", "ana"])
    assert merged.exit_code == 0 and "(merge) stored" in merged.output


def test_a_regrade_changes_the_listed_headline_and_survives_reassessment(reviewed) -> None:
    """The list, the map and the exports show the grade after review, not the machine's;
    the machine's headline stays beside it on the incident page."""
    from cotejo.runner.assess import run_assess

    home, boat, _ = reviewed
    store = make_store(home)
    try:
        before = incident_view(store, boat)
        assert before["headline"] == before["machine_headline"] != "refuted"
        service.regrade(store, "rui", boat, "occurrence", "refuted", "the video is from 2019")
        shown = incident_view(store, boat)
        assert (shown["headline"], shown["machine_headline"]) == ("refuted", before["headline"])
        assert "occurrence refuted by rui" in shown["headline_explanation"]
        listed = {row["key"]: row for row in list_incidents(store)}
        assert listed[boat]["grade"] == "refuted"
        with store.session() as session:
            row = session.execute(select(m.Incident).where(m.Incident.key == boat)).scalar()
            assert row.grade == "refuted"
        # A later assessment under other rules keeps the person's grade in the list.
        run_assess(store, rules=load_rules().model_copy(update={"label": "other"}))
        assert {r["key"]: r for r in list_incidents(store)}[boat]["grade"] == "refuted"
        # A regrade of an attribute outside the headline's inputs leaves it alone.
        service.regrade(store, "rui", boat, "killed", "refuted", "no bodies were found")
        assert incident_view(store, boat)["headline"] == "refuted"
    finally:
        store.close()
