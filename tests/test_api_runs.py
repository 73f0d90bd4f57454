"""The pipeline through the API: an analyst uploads a file, runs extract, resolve and assess,
and the report lands in an incident with grades; an admin rebuilds and reindexes; a reviewer
verifies. Bad uploads (malformed, too large, a path for a name, nothing readable) get a clear
JSON error or a listed failure, and keep everything good. (Who may call each route, and that
a refused call changes nothing, is in test_api_write.py's matrix.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from conftest import copy_home
from cotejo.api import create_app
from cotejo.errors import Busy
from cotejo.review import accounts, service
from cotejo.runner.lock import pipeline_lock
from cotejo.store import models as m
from cotejo.testing import html_page, make_settings, make_store, run_cli

pytestmark = pytest.mark.slow

ROLES = {"root": "admin", "ana": "analyst", "rui": "reviewer"}
STORY = html_page(
    "Three shot dead at a market in Maturín",
    "Three people were shot dead at a market in Maturín, Monagas, Venezuela, on Tuesday, "
    "the state police said.\n\nThe police said the gunmen fled on motorcycles.",
    site="Radio Monagas",
    published="2024-03-06T12:00:00Z",
)


@pytest.fixture(scope="module")
def base(published_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = copy_home(published_home, tmp_path_factory.mktemp("runs") / "home")
    store = make_store(home)
    try:
        service.add_user(store, None, "root", "admin")
        for name, role in ROLES.items():
            if name != "root":
                service.add_user(store, "root", name, role)
        tokens = {n: accounts.create_token(store, n, n, "tests")["token"] for n in ROLES}
    finally:
        store.close()
    return {"home": home, "tokens": tokens}


@pytest.fixture
def site(base: dict[str, Any], tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    home = copy_home(base["home"], tmp_path / "home")
    with TestClient(create_app(make_settings(home, max_bytes=20_000))) as client:
        yield client, {**base, "home": home}


def auth(site: dict[str, Any], name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {site['tokens'][name]}"}


def count(home: Path, table: Any) -> int:
    store = make_store(home)
    try:
        with store.session() as session:
            return session.scalar(select(func.count()).select_from(table))
    finally:
        store.close()


def _error(response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["message"] and body["hint"]
    return body


def test_an_upload_runs_through_to_a_graded_incident(site) -> None:
    client, info = site
    ana = auth(info, "ana")
    done = client.post(
        "/api/documents", params={"name": "cumana.html"}, content=STORY.encode(), headers=ana
    )
    assert done.status_code == 201, done.text
    summary = done.json()
    assert (summary["new_documents"], summary["failed"]) == (1, 0)
    sha = client.get("/api/search", params={"q": "Maturín market"}).json()["items"][0]["sha256"]
    assert summary["documents"] == [
        {"sha256": sha, "title": "Three shot dead at a market in Maturín", "new": True}
    ]
    document = client.get(f"/api/documents/{sha}").json()
    assert "upload/ana/cumana.html" in json.dumps(document["captures"])

    again = client.post(
        "/api/documents", params={"name": "copy.html"}, content=STORY.encode(), headers=ana
    )
    assert again.json()["duplicates"] == 1  # the same bytes: a new capture, not a document
    assert again.json()["documents"][0] == {**summary["documents"][0], "new": False}

    update = client.post("/api/runs/update", headers=ana)
    assert update.status_code == 200, update.text
    steps = update.json()
    assert steps["extract"]["documents"] == 1 and steps["extract"]["mentions"] >= 1
    assert steps["resolve"]["mentions"] >= 1 and steps["assess"]["assessed"] >= 1
    key = client.get(f"/api/documents/{sha}").json()["mentions"][0]["incident"]
    claims = client.get(f"/api/incidents/{key}/claims").json()
    killed = next(a for a in claims["attributes"] if a["attribute"] == "killed")
    assert killed["value"] == "3" and killed["grade"] == "single-origin"
    assert claims["documents"] == 1

    # Every run is in the audit log under the user who started it.
    store = make_store(info["home"])
    try:
        with store.session() as session:
            entries = session.execute(
                select(m.ReviewEntry.author, m.ReviewEntry.action, m.ReviewEntry.subject).where(
                    m.ReviewEntry.subject.like("run:%") | m.ReviewEntry.subject.like("upload:%")
                )
            ).all()
    finally:
        store.close()
    assert set(entries) >= {
        ("ana", "upload", "upload:cumana.html"),
        ("ana", "run", "run:extract"),
        ("ana", "run", "run:resolve"),
        ("ana", "run", "run:assess"),
    }
    verified = client.get("/api/verify", headers=auth(info, "rui"))
    assert verified.status_code == 200 and verified.json()["ok"], verified.text
    assert run_cli(["--home", str(info["home"]), "verify"]).exit_code == 0


def test_each_stage_alone_and_the_admin_runs(site) -> None:
    client, info = site
    ana, root = auth(info, "ana"), auth(info, "root")
    client.post("/api/documents", params={"name": "a.html"}, content=STORY.encode(), headers=ana)
    extracted = client.post("/api/runs/extract", json={"limit": 1}, headers=ana).json()
    assert extracted["documents"] == 1
    assert client.post("/api/runs/extract", headers=ana).json()["documents"] == 0  # no-op
    assert client.post("/api/runs/resolve", headers=ana).json()["mode"] == "incremental"
    rebuilt = client.post("/api/runs/resolve", json={"rebuild": True}, headers=root)
    assert rebuilt.status_code == 200 and rebuilt.json()["mode"] == "rebuild", rebuilt.text
    some = client.get("/api/incidents", params={"limit": 2}).json()["items"]
    assessed = client.post(
        "/api/runs/assess", json={"incidents": [i["key"] for i in some]}, headers=ana
    ).json()
    assert assessed["incidents"] == 2
    _error(client.post("/api/runs/assess", json={"incidents": []}, headers=ana), 400)
    reindexed = client.post("/api/runs/reindex", headers=root).json()
    assert reindexed["ok"] and reindexed["indexed"] == reindexed["documents"]
    _error(client.get("/api/verify", headers=ana), 403)
    _error(client.get("/api/verify"), 401)


def test_a_feed_with_a_bad_line_keeps_the_good_ones_and_says_where(site) -> None:
    client, info = site
    good = {"url": "https://example.org/a", "title": "Shooting in Cumaná", "text": "One killed."}
    body = (json.dumps(good) + "\n" + '{"url": "https://example.org/b", "title": \n').encode()
    done = client.post(
        "/api/documents", params={"name": "feed.jsonl"}, content=body, headers=auth(info, "ana")
    )
    assert done.status_code == 201, done.text
    summary = done.json()
    assert summary["new_documents"] == 1 and summary["failed"] == 1
    assert [d["title"] for d in summary["documents"]] == ["Shooting in Cumaná"]
    assert "upload/ana/feed.jsonl" in summary["failures"][0]
    assert "line 2" in summary["failures"][0]


def test_an_upload_with_nothing_readable_is_a_clear_error_and_is_recorded(site) -> None:
    client, info = site
    before = count(info["home"], m.Document)
    body = _error(
        client.post(
            "/api/documents",
            params={"name": "result.json"},
            content=b'{"name": "Canal", "messages": [{"id": 1, ',
            headers=auth(info, "ana"),
        ),
        400,
    )
    assert "result.json" in body["message"]
    assert count(info["home"], m.Document) == before
    assert count(info["home"], m.IngestFailure) >= 1  # the failure itself is kept


def test_an_upload_over_the_limit_is_refused_before_it_is_read(site) -> None:
    client, info = site
    before = count(info["home"], m.Blob)
    body = _error(
        client.post(
            "/api/documents",
            params={"name": "big.txt"},
            content=b"x" * 20_001,
            headers=auth(info, "ana"),
        ),
        413,
    )
    assert "20000-byte limit" in body["message"] and "COTEJO_MAX_BYTES" in body["hint"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the stream is cut off at the limit
        for _ in range(30):
            yield b"y" * 1000

    _error(
        client.post(
            "/api/documents",
            params={"name": "big.txt"},
            content=chunks(),
            headers=auth(info, "ana"),
        ),
        413,
    )
    assert count(info["home"], m.Blob) == before


def test_an_upload_name_never_chooses_a_path(site) -> None:
    client, info = site
    ana = auth(info, "ana")
    done = client.post(
        "/api/documents",
        params={"name": "../../../etc/cotejo-owned.html"},
        content=STORY.encode(),
        headers=ana,
    )
    assert done.status_code == 201, done.text
    # Nothing was written under the name, inside the home or beside it.
    assert not list(info["home"].parent.rglob("cotejo-owned.html"))
    sha = client.get("/api/search", params={"q": "Maturín market"}).json()["items"][0]["sha256"]
    captures = json.dumps(client.get(f"/api/documents/{sha}").json()["captures"])
    assert "upload/ana/cotejo-owned.html" in captures and ".." not in captures
    for bad in ("..", "a\x00b.html", "line\nbreak.txt", "x" * 201):
        _error(
            client.post("/api/documents", params={"name": bad}, content=b"text", headers=ana),
            400,
        )
    _error(client.post("/api/documents", params={"name": "e.txt"}, content=b"", headers=ana), 400)


def test_a_second_run_while_one_is_under_way_is_refused(site) -> None:
    client, info = site
    before = count(info["home"], m.ReviewEntry)
    with pipeline_lock(info["home"], "cotejo resolve --rebuild"):
        body = _error(client.post("/api/runs/assess", headers=auth(info, "ana")), 409)
        assert "cotejo resolve --rebuild (pid" in body["message"] and "again" in body["hint"]
        upload = client.post(
            "/api/documents",
            params={"name": "a.html"},
            content=STORY.encode(),
            headers=auth(info, "ana"),
        )
        _error(upload, 409)
        # The CLI is refused the same way while the API (or another shell) runs.
        with pytest.raises(Busy, match="cotejo resolve --rebuild .* is under way"):
            run_cli(["--home", str(info["home"]), "assess"])
    assert count(info["home"], m.ReviewEntry) == before
    assert client.post("/api/runs/assess", headers=auth(info, "ana")).status_code == 200
