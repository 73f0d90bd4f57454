"""The web UI in a real browser: npm playwright-core drives Debian's chromium against the
API serving the sample corpus (plus a hostile document), one scenario per test.

The scenarios live in tests/browser/run.mjs; each takes screenshots into tests/browser/out/.
Without node, chromium or the built UI these tests skip, except under CI, where they fail:
.ci/run installs everything they need.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import select

from conftest import IN_CI, REPO, copy_home
from cotejo.api import create_app
from cotejo.archive.blobs import BlobStore
from cotejo.archive.verify import verify
from cotejo.review import accounts, service
from cotejo.store import models as m
from cotejo.testing import html_page, make_settings, make_store
from cotejo.web.pages import missing_vendor_files

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path(os.environ.get("COTEJO_CHROMIUM", "/usr/bin/chromium"))
RUNNER = REPO / "tests" / "browser" / "run.mjs"
OUT = REPO / "tests" / "browser" / "out"
REVIEWER, PASSWORD = "rui", "correct horse battery"
ANALYST, VIEWER = "ana", "vera"  # same password
# A passage of a post that opens with an emoji: its offsets in code points (the API's) are
# one less than in UTF-16 units (JavaScript's), so a UI that counts the wrong way fails.
EVIDENCE = "desde el muelle pesquero"
HOSTILE_USER = "<img/src=x/onerror=window.__xss='user'>"
HOSTILE_NOTE = "<script>window.__xss='note'</script><img src=x onerror=\"window.__xss='img'\">"


def _missing() -> list[str]:
    missing = []
    if shutil.which("node") is None:
        missing.append("node (apt-get install nodejs)")
    if not CHROMIUM.exists():
        missing.append(f"chromium at {CHROMIUM} (apt-get install chromium, or set COTEJO_CHROMIUM)")
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        missing.append("the npm package playwright-core (run `make web`)")
    if missing_vendor_files():
        missing.append("the web UI's libraries (run `make web`)")
    return missing


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def hostile(published_home: Path) -> dict:
    """The hostile XSS report: its document's sha256 and the incident it belongs to."""
    with TestClient(create_app(make_settings(published_home))) as client:
        hit = client.get("/api/search", params={"q": "Maracaibo bus"}).json()["items"][0]
        doc = client.get(f"/api/documents/{hit['sha256']}").json()
    return {"sha": hit["sha256"], "incident": doc["mentions"][0]["incident"]}


@pytest.fixture(scope="module")
def site(published_home: Path, hostile: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the published store with a reviewer, an analyst and a viewer who have
    passwords, and review entries written by a user whose name, note and rationale are
    markup, on the hostile incident."""
    home = copy_home(published_home, tmp_path_factory.mktemp("browser") / "home")
    key = hostile["incident"]
    store = make_store(home)
    try:
        service.add_user(store, None, "root", "admin")
        service.add_user(store, "root", REVIEWER, "reviewer")
        service.add_user(store, "root", HOSTILE_USER, "reviewer")
        service.add_user(store, "root", ANALYST, "analyst")
        service.add_user(store, "root", VIEWER, "viewer")
        for name in (REVIEWER, ANALYST, VIEWER):
            accounts.set_password(store, name, name, PASSWORD)
        service.annotate(store, HOSTILE_USER, key, HOSTILE_NOTE)
        service.regrade(store, HOSTILE_USER, key, "occurrence", "contested", HOSTILE_NOTE)
    finally:
        store.close()
    return home


@pytest.fixture(scope="module")
def server(site: Path):
    missing = _missing()
    if missing:
        message = "browser tests need " + "; ".join(missing)
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    port = _free_port()
    config = uvicorn.Config(
        create_app(make_settings(site)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def corpus(site: Path, hostile: dict) -> dict:
    """What the scenarios are checked against, read through the API."""
    with TestClient(create_app(make_settings(site))) as client:
        incidents = client.get("/api/incidents", params={"limit": 500}).json()["items"]
        strike = next(
            i for i in incidents if i["place"] == "Güiria" and i["event_type"] == "strike_on_vessel"
        )
        protest = next(
            i for i in incidents if i["place"] == "Güiria" and i["event_type"] == "protest"
        )
        kidnapping = next(
            i
            for i in incidents
            if i["place"] == "Cúcuta" and i["event_type"] == "abduction_or_kidnapping"
        )
    return {
        "incidents": incidents,
        "strike": strike,
        "protest": protest,
        "kidnapping": kidnapping,
        "xss_sha": hostile["sha"],
        "xss_incident": hostile["incident"],
    }


def run(base: str, scenario: str, **args: object) -> dict:
    process = subprocess.run(
        ["node", str(RUNNER), scenario, base, str(OUT), json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=REPO,
    )
    lines = [line for line in process.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {"ok": False, "error": "no result"}
    assert process.returncode == 0 and result.get("ok"), (
        f"{scenario}: {result.get('error')}\n{result.get('problems')}\n{process.stderr[-3000:]}"
    )
    return result


def test_the_map_loads_with_markers(server: str, corpus: dict) -> None:
    placed = [i for i in corpus["incidents"] if i["latitude"] is not None]
    result = run(server, "map", min_markers=len(placed), incidents=len(corpus["incidents"]))
    assert result["plotted"] == len(placed)
    assert Path(result["screenshot"]).stat().st_size > 10_000


def test_brushing_the_timeline_shrinks_the_list(server: str) -> None:
    result = run(server, "brush", **{"from": 0.55, "to": 0.99})
    assert 0 < result["after"] < result["before"]


def test_an_incident_page_shows_values_sources_and_statements(server: str, corpus: dict) -> None:
    strike = corpus["strike"]
    result = run(server, "incident", key=strike["key"], documents=strike["documents"])
    assert "event_type" not in result["attributes"]  # labels, not field names
    expected = strike["grade"] + (" + acknowledged" if strike["acknowledged"] else "")
    assert result["grade"] == expected
    assert result["origins"] >= 5 and result["figures"] >= 1


def test_a_value_links_to_its_highlighted_span(server: str, corpus: dict) -> None:
    result = run(server, "span", key=corpus["strike"]["key"])
    assert int(result["end"]) > int(result["start"])


def test_a_reviewer_signs_in_regrades_and_sees_the_audit_entry(
    server: str, corpus: dict, site: Path
) -> None:
    rationale = "The court record names no gang; the label rests on tattoos."
    result = run(
        server,
        "review",
        key=corpus["strike"]["key"],
        user=REVIEWER,
        password=PASSWORD,
        attribute="affiliation",
        grade="refuted",
        rationale=rationale,
    )
    assert result["entry"]["rationale"] == rationale
    # The same entry is in the store's audit log, and the hash chain still verifies.
    store = make_store(site)
    try:
        history = [
            h for h in service_history(store, corpus["strike"]["key"]) if h["by"] == REVIEWER
        ]
        with store.session() as session:
            report = verify(session, BlobStore(site / "archive"))
    finally:
        store.close()
    assert history[-1]["what"] == "review: regrade affiliation"
    assert history[-1]["rationale"] == rationale
    assert report.ok, report.problems


def service_history(store, key: str) -> list[dict]:
    from cotejo.review.views import history

    return history(store, key)


def test_a_hostile_document_renders_inert_on_every_page(server: str, corpus: dict) -> None:
    result = run(
        server,
        "xss",
        key=corpus["xss_incident"],
        sha=corpus["xss_sha"],
        visible="<script>window.__xss='title'</script>",
        note=HOSTILE_NOTE,
        author=HOSTILE_USER,
    )
    assert set(result) >= {
        "scenario",
        "home",
        "search",
        "incident",
        "document",
        "document-span",
        "history",
        "review",
        "login",
    }


# -- review actions in the browser: read-only first, then the writes (they change incidents
# the scenarios above check, so they come last) ------------------------------------------------


@pytest.fixture(scope="module")
def evidence(site: Path, corpus: dict) -> dict:
    """The protest's document that says EVIDENCE after an astral character (an emoji), and
    EVIDENCE's offsets in code points."""

    def after_astral(text: str) -> bool:
        before = text[: text.find(EVIDENCE)]
        return EVIDENCE in text and len(before.encode("utf-16-le")) // 2 != len(before)

    with TestClient(create_app(make_settings(site))) as client:
        detail = client.get(f"/api/incidents/{corpus['protest']['key']}").json()
        documents = [
            client.get(f"/api/documents/{s['document']}").json() for s in detail["sources"]
        ]
    found = [d for d in documents if after_astral(d["text"])]
    if not found:
        pytest.fail(f"no document of the Güiria protest says {EVIDENCE!r} after an emoji")
    start = found[0]["text"].index(EVIDENCE)
    return {"sha": found[0]["sha256"], "start": start, "end": start + len(EVIDENCE)}


def test_without_the_role_no_review_form_shows(server: str, corpus: dict, evidence: dict) -> None:
    span = f"{evidence['sha']}:{evidence['start']}-{evidence['end']}"
    result = run(
        server,
        "readonly",
        key=corpus["protest"]["key"],
        sha=evidence["sha"],
        phrase=EVIDENCE,
        evidence=span,
        user=VIEWER,
        password=PASSWORD,
    )
    assert result["visitor"]["forms"] == result["viewer"]["forms"] == 0
    assert result["viewer"]["members"] == result["visitor"]["members"] > 1


def test_an_analyst_corrects_a_value_with_a_span_selected_in_the_document(
    server: str, corpus: dict, evidence: dict, site: Path
) -> None:
    key = corpus["protest"]["key"]
    rationale = "The call names the fishermen's pier as the starting point."
    result = run(
        server,
        "correct",
        key=key,
        sha=evidence["sha"],
        phrase=EVIDENCE,
        user=ANALYST,
        password=PASSWORD,
        attribute="place",
        value="Güiria, muelle pesquero",
        rationale=rationale,
    )
    assert (int(result["selected"]["start"]), int(result["selected"]["end"])) == (
        evidence["start"],
        evidence["end"],
    )
    with TestClient(create_app(make_settings(site))) as client:
        history = client.get(f"/api/incidents/{key}/history").json()
    corrected = [h for h in history if h["what"] == "review: correct place"]
    assert len(corrected) == 1
    assert corrected[0]["by"] == ANALYST and corrected[0]["rationale"] == rationale
    assert corrected[0]["detail"]["after"]["evidence"] == {
        "document": evidence["sha"],
        "field": "text",
        "start": evidence["start"],
        "end": evidence["end"],
        "text": EVIDENCE,
    }


def test_an_analyst_splits_a_mention_out_and_merges_it_back(
    server: str, corpus: dict, site: Path
) -> None:
    key = corpus["kidnapping"]["key"]
    app = create_app(make_settings(site))
    with TestClient(app) as client:
        detail = client.get(f"/api/incidents/{key}").json()
    members = [member["mention"] for member in detail["members"]]
    assert len(members) > 2
    result = run(
        server,
        "split",
        key=key,
        mention=members[-1],
        user=ANALYST,
        password=PASSWORD,
        rationale="This report is of a second kidnapping, a week later.",
    )
    with TestClient(app) as client:
        created = client.get(f"/api/incidents/{result['created']}").json()
        left = client.get(f"/api/incidents/{key}").json()
        history = client.get(f"/api/incidents/{key}/history").json()
    assert [member["mention"] for member in created["members"]] == [members[-1]]
    assert [member["mention"] for member in left["members"]] == members[:-1]
    split = [h for h in history if h["what"] == "resolve decision: split"]
    assert split[-1]["by"] == ANALYST and split[-1]["detail"]["new"] == result["created"]
    # Merged back through the merge form, the incident has every mention again.
    run(
        server,
        "merge",
        key=key,
        incidents=[result["created"]],
        user=ANALYST,
        password=PASSWORD,
        rationale="On a second reading it is the same kidnapping.",
    )
    with TestClient(app) as client:
        merged = client.get(f"/api/incidents/{key}").json()
        retired = client.get(f"/api/incidents/{result['created']}").json()
    assert sorted(member["mention"] for member in merged["members"]) == sorted(members)
    assert retired["retired_at"] is not None


def test_a_reviewer_marks_a_sources_affiliation(server: str, corpus: dict, site: Path) -> None:
    key = corpus["kidnapping"]["key"]
    with TestClient(create_app(make_settings(site))) as client:
        sources = client.get(f"/api/incidents/{key}").json()["sources"]
    name = next(s["source"]["name"] for s in sources if s["source"]["kind"] == "official")
    run(
        server,
        "affiliation",
        key=key,
        user=REVIEWER,
        password=PASSWORD,
        source=name,
        affiliation="Gobierno de Colombia",
        rationale="The metropolitan police answer to the national government.",
    )
    store = make_store(site)
    try:
        with store.read_session() as session:
            marked = session.scalar(select(m.Source.affiliation).where(m.Source.name == name))
    finally:
        store.close()
    assert marked == "Gobierno de Colombia"


# -- adding documents, affiliations shown, retired incidents --------------------------------

# A report of a shooting in a town the sample corpus never mentions, so it starts an incident.
UPLOADED = html_page(
    "Two shot dead outside a bakery in Acarigua",
    "Two men were shot dead outside a bakery in Acarigua, Portuguesa, Venezuela, on Sunday, "
    "the state police said.\n\nWitnesses said the gunmen fled on a motorcycle.",
    site="Diario de Occidente",
    published="2024-05-13T10:00:00Z",
)
BROKEN_NAME = "<img src=x onerror=window.__xss='upload'>.jsonl"
FEED_RECORDS = [
    {
        "url": "https://example.org/barinas-1",
        "title": "Three wounded in a shooting at a fair in Barinas",
        "published_at": "2024-06-02T09:00:00Z",
        "text": "Three people were wounded when gunmen opened fire at a fair in Barinas, "
        "Venezuela, on Saturday night, police said.",
    },
    {
        "url": "https://example.org/valera-1",
        "title": "Police officer killed in Valera ambush",
        "published_at": "2024-07-09T09:00:00Z",
        "text": "A police officer was killed in an ambush in Valera, Trujillo, Venezuela, "
        "on Monday, the state police said.",
    },
]
FEED = "".join(json.dumps(r) + "\n" for r in FEED_RECORDS)


def test_an_analyst_uploads_files_and_processes_them(server: str, site: Path) -> None:
    sha = hashlib.sha256(UPLOADED.encode()).hexdigest()
    files = [
        {"name": "acarigua.html", "type": "text/html", "text": UPLOADED},
        {"name": BROKEN_NAME, "type": "application/jsonl", "text": '{"text": "cut off\nnot json\n'},
        {"name": "two.jsonl", "type": "application/jsonl", "text": FEED},
    ]
    result = run(server, "upload", user=ANALYST, password=PASSWORD, files=files, sha=sha)
    assert [r["state"] for r in result["results"]] == ["new", "error", "new"]
    # Each document of a file of many is listed with where it landed.
    assert sorted(result["landed"]) == sorted(
        ["acarigua.html", *(f"two.jsonl: {r['title']}" for r in FEED_RECORDS)]
    )
    with TestClient(create_app(make_settings(site))) as client:
        incident = client.get(f"/api/incidents/{result['key']}").json()
        document = client.get(f"/api/documents/{sha}").json()
    assert [s["document"] for s in incident["sources"]] == [sha]
    assert incident["place"] and "Acarigua" in incident["place"]
    assert {mention["incident"] for mention in document["mentions"]} == {result["key"]}
    assert "upload/ana/acarigua.html" in json.dumps(document["captures"])


def test_without_the_analyst_role_no_upload_form_shows(server: str) -> None:
    result = run(server, "upload_readonly", user=VIEWER, password=PASSWORD)
    assert result["viewer"]["forms"] == result["visitor"]["forms"] == 0


def test_a_sources_affiliation_shows_on_the_incident_page(
    server: str, corpus: dict, site: Path
) -> None:
    key = corpus["kidnapping"]["key"]
    with TestClient(create_app(make_settings(site))) as client:
        sources = client.get(f"/api/incidents/{key}").json()["sources"]
    name = next(s["source"]["name"] for s in sources if s["source"]["kind"] == "official")
    affiliation = "Gobierno de Colombia"
    store = make_store(site)
    try:
        service.mark_affiliation(store, REVIEWER, name, affiliation, "Set for the page test.")
    finally:
        store.close()
    result = run(
        server,
        "affiliation_shown",
        key=key,
        source=name,
        affiliation=affiliation,
        user=REVIEWER,
        password=PASSWORD,
    )
    assert result["value"] == affiliation and result["cleared"] != affiliation


def test_a_retired_incident_offers_no_action(server: str, site: Path) -> None:
    store = make_store(site)
    try:
        with store.read_session() as session:
            key = session.scalar(
                select(m.Incident.key).where(m.Incident.retired_at.is_not(None)).limit(1)
            )
    finally:
        store.close()
    assert key, "no retired incident: the split-and-merge test retires one"
    result = run(server, "retired", key=key, user=ANALYST, password=PASSWORD)
    assert result["forms"] == 0 and result["retiredInHistory"]
