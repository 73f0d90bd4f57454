"""The web UI in a real browser: npm playwright-core drives Debian's chromium against the
API serving the sample corpus (plus a hostile document), one scenario per test.

The scenarios live in tests/browser/run.mjs; each takes screenshots into tests/browser/out/.
Without node, chromium or the built UI these tests skip, except under CI, where they fail:
.ci/run installs everything they need.
"""

from __future__ import annotations

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

from conftest import IN_CI, REPO, copy_home
from cotejo.api import create_app
from cotejo.review import accounts, service
from cotejo.testing import make_settings, make_store
from cotejo.web.pages import missing_vendor_files

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path(os.environ.get("COTEJO_CHROMIUM", "/usr/bin/chromium"))
RUNNER = REPO / "tests" / "browser" / "run.mjs"
OUT = REPO / "tests" / "browser" / "out"
REVIEWER, PASSWORD = "rui", "correct horse battery"
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
def site(published_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the published store with a reviewer who has a password, and review entries
    written by a user whose name, note and rationale are markup, on the hostile incident."""
    home = copy_home(published_home, tmp_path_factory.mktemp("browser") / "home")
    store = make_store(home)
    try:
        with TestClient(create_app(make_settings(home), store=store)) as client:
            hostile = client.get("/api/search", params={"q": "Maracaibo bus"}).json()["items"][0]
            doc = client.get(f"/api/documents/{hostile['sha256']}").json()
        key = doc["mentions"][0]["incident"]
        service.add_user(store, None, "root", "admin")
        service.add_user(store, "root", REVIEWER, "reviewer")
        service.add_user(store, "root", HOSTILE_USER, "reviewer")
        accounts.set_password(store, REVIEWER, REVIEWER, PASSWORD)
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
def corpus(site: Path) -> dict:
    """What the scenarios are checked against, read through the API."""
    with TestClient(create_app(make_settings(site))) as client:
        incidents = client.get("/api/incidents", params={"limit": 500}).json()["items"]
        strike = next(
            i for i in incidents if i["place"] == "Güiria" and i["event_type"] == "strike_on_vessel"
        )
        hostile = client.get("/api/search", params={"q": "Maracaibo bus"}).json()["items"][0]
        doc = client.get(f"/api/documents/{hostile['sha256']}").json()
    return {
        "incidents": incidents,
        "strike": strike,
        "xss_sha": hostile["sha256"],
        "xss_incident": doc["mentions"][0]["incident"],
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
    finally:
        store.close()
    assert history[-1]["what"] == "review: regrade affiliation"
    assert history[-1]["rationale"] == rationale


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
