"""The REST API over a store of the sample corpus: every route, bad input answered with a
400 that says what to fix, unknown ids with 404, keyset pages that hold still, read access."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from cotejo.api import create_app
from cotejo.api.app import ROUTERS
from cotejo.api.auth import User
from cotejo.errors import NotSignedIn
from cotejo.testing import make_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(published_home: Path):
    with TestClient(create_app(make_settings(published_home))) as test_client:
        yield test_client


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status
    assert body["message"] and isinstance(body["hint"], str)
    return body


def _all_pages(client: TestClient, path: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


# -- status, vocabulary, sources ------------------------------------------------------------


def test_status_counts_what_the_store_holds(client: TestClient) -> None:
    info = client.get("/api/status").json()
    assert info["documents"] == 60  # 59 in the sample corpus + the XSS report
    assert info["incidents"] >= 10
    assert info["search_index"] == {"documents": 60, "indexed": 60, "ok": True}
    assert info["read_access"] == "public"


def test_vocabulary_lists_every_filter_value(client: TestClient) -> None:
    vocabulary = client.get("/api/vocabulary").json()
    types = {t["value"]: t for t in vocabulary["event_types"]}
    assert types["strike_on_vessel"]["acled_sub_event_type"] == "Air/drone strike"
    assert "ngo" in vocabulary["source_kinds"] and "es" in vocabulary["languages"]


def test_sources_have_kinds_and_counts(client: TestClient) -> None:
    sources = {s["name"]: s for s in client.get("/api/sources").json()}
    assert sources["Department of War"]["kind"] == "official"
    assert sum(s["documents"] for s in sources.values()) == 60


def test_me_is_anonymous_without_credentials(client: TestClient) -> None:
    assert client.get("/api/me").json() is None


# -- incidents ------------------------------------------------------------------------------


def test_incident_pages_walk_every_incident_once_in_date_order(client: TestClient) -> None:
    every = _all_pages(client, "/api/incidents", limit=500)
    paged = _all_pages(client, "/api/incidents", limit=3)
    assert [i["key"] for i in paged] == [i["key"] for i in every]
    assert len({i["key"] for i in paged}) == len(paged)
    dated = [i["date_low"] for i in paged if i["date_low"]]
    assert dated == sorted(dated, reverse=True)
    assert all(i["date_low"] is None for i in paged[len(dated) :])  # undated come last
    oldest = _all_pages(client, "/api/incidents", limit=4, order="date")
    assert sorted(i["key"] for i in oldest) == sorted(i["key"] for i in every)
    assert [i["date_low"] for i in oldest if i["date_low"]] == sorted(dated)


def test_a_cursor_is_the_last_rows_keyset_not_an_offset(client: TestClient) -> None:
    first = client.get("/api/incidents", params={"limit": 2}).json()
    body = json.loads(base64.urlsafe_b64decode(first["next_cursor"] + "=="))
    last = first["items"][-1]
    assert (body["v"], body["k"]) == (last["date_low"], last["key"])
    again = client.get("/api/incidents", params={"limit": 2, "cursor": first["next_cursor"]})
    assert again.json()["items"][0]["key"] not in {i["key"] for i in first["items"]}


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "PE"}, lambda i: i["country"] == "PE"),
        ({"country": "ve,co"}, lambda i: i["country"] in ("VE", "CO")),
        ({"event_type": "protest"}, lambda i: i["event_type"] == "protest"),
        (
            {"date_from": "2025-10-01", "date_to": "2025-10-20"},
            lambda i: "2025-10-01" <= i["date_low"] <= "2025-10-20",
        ),
        (
            {"bbox": "-80,-15,-70,0"},
            lambda i: -80 <= i["longitude"] <= -70 and -15 <= i["latitude"] <= 0,
        ),
    ],
)
def test_filters_keep_only_what_they_name(client: TestClient, params: dict, check) -> None:
    items = _all_pages(client, "/api/incidents", **params)
    assert items, params
    assert all(check(i) for i in items)


def test_filters_by_language_source_kind_and_actor(client: TestClient) -> None:
    every = {i["key"] for i in _all_pages(client, "/api/incidents")}
    ngo = {i["key"] for i in _all_pages(client, "/api/incidents", source_kind="ngo")}
    spanish_ngo = {
        i["key"] for i in _all_pages(client, "/api/incidents", source_kind="ngo", language="es")
    }
    spanish = {i["key"] for i in _all_pages(client, "/api/incidents", language="es")}
    gang = {i["key"] for i in _all_pages(client, "/api/incidents", actor="Tren de Aragua")}
    # Both filters hold at once: each combination keeps a part of the NGO-sourced incidents.
    assert spanish_ngo < ngo, (spanish_ngo, ngo)
    assert ngo < every, (ngo, every)
    assert spanish < every, (spanish, every)  # a few incidents have no Spanish report
    assert gang and gang < every
    for key in spanish_ngo:
        detail = client.get(f"/api/incidents/{key}").json()
        assert any(
            s["source"]["kind"] == "ngo" and s["language"] == "es" for s in detail["sources"]
        )
    for key in gang:
        detail = client.get(f"/api/incidents/{key}").json()
        assert any(a["name"] == "Tren de Aragua" for a in detail["actors"])


def test_the_timeline_counts_under_every_filter_but_the_dates(client: TestClient) -> None:
    whole = client.get("/api/incidents/timeline").json()
    brushed = client.get(
        "/api/incidents/timeline", params={"date_from": "2025-10-14", "date_to": "2025-10-14"}
    ).json()
    assert whole == brushed  # the dates pick a range on the timeline, they do not shrink it
    dated = [i for i in _all_pages(client, "/api/incidents") if i["date_low"]]
    assert sum(b["count"] for b in whole["buckets"]) == len(dated)
    peru = client.get("/api/incidents/timeline", params={"country": "PE", "bucket": "month"})
    assert {b["start"] for b in peru.json()["buckets"]} <= {"2025-10-01", "2025-11-01"}


def test_one_incident_has_its_readings_sources_and_spans(client: TestClient) -> None:
    key = next(
        i["key"]
        for i in _all_pages(client, "/api/incidents")
        if i["place"] == "Güiria" and i["event_type"] == "strike_on_vessel"
    )
    incident = client.get(f"/api/incidents/{key}").json()
    killed = next(c for c in incident["canonical"] if c["attribute"] == "killed")
    assert {r["label"] for r in killed["readings"]} >= {"3", "5"}  # official and independent
    texts = {}
    for reading in killed["readings"]:
        for source in reading["sources"]:
            assert source["span"] is not None
            texts[source["document"]] = source["span"]
    document, span = next(iter(texts.items()))
    text = client.get(f"/api/documents/{document}").json()["text"]
    assert text[span["start"] : span["end"]] == span["text"]
    groups = {s["near_duplicate_group"] for s in incident["sources"]}
    assert len(groups - {None}) >= 1  # the wire story's reprints share a group
    assert {s["source"]["kind"] for s in incident["sources"]} >= {"official", "media", "ngo"}
    assert incident["statements"] and incident["grade"] in ("corroborated", "contested")


def test_an_unknown_incident_is_a_404_that_says_where_keys_come_from(client: TestClient) -> None:
    body = _error(client.get("/api/incidents/inc-000000000000"), 404)
    assert "/api/incidents" in body["hint"]


@pytest.mark.parametrize(
    ("params", "fix"),
    [
        ({"cursor": "not-a-cursor"}, "next_cursor"),
        ({"cursor": base64.urlsafe_b64encode(b'{"k": 1}').decode()}, "next_cursor"),
        ({"bbox": "1,2,3"}, "west,south,east,north"),
        ({"bbox": "a,b,c,d"}, "west,south,east,north"),
        ({"bbox": "-200,0,10,10"}, "-180..180"),
        ({"bbox": "0,10,10,0"}, "west,south,east,north"),
        ({"date_from": "14/10/2025"}, "YYYY-MM-DD"),
        ({"date_from": "2025-10-20", "date_to": "2025-10-01"}, "swap"),
        ({"country": "Venezuela"}, "two-letter"),
        ({"event_type": "war"}, "strike_on_vessel"),
        ({"language": "fr"}, "en, es"),
        ({"source_kind": "blog"}, "ngo"),
        ({"order": "date desc"}, "-date"),
        ({"limit": "0"}, "openapi"),
        ({"limit": "many"}, "openapi"),
    ],
)
def test_bad_input_is_a_400_that_says_what_to_fix(client: TestClient, params, fix) -> None:
    body = _error(client.get("/api/incidents", params=params), 400)
    assert fix in body["message"] + body["hint"], body


def test_a_cursor_is_refused_under_other_filters(client: TestClient) -> None:
    cursor = client.get("/api/incidents", params={"limit": 1}).json()["next_cursor"]
    body = _error(client.get("/api/incidents", params={"cursor": cursor, "country": "VE"}), 400)
    assert "another query" in body["message"]
    body = _error(client.get("/api/documents", params={"cursor": cursor}), 400)


# -- documents ------------------------------------------------------------------------------


def test_documents_page_through_every_document(client: TestClient) -> None:
    documents = _all_pages(client, "/api/documents", limit=7)
    assert len(documents) == len({d["sha256"] for d in documents}) == 60
    spanish = _all_pages(client, "/api/documents", language="es")
    assert spanish and all(d["language"] == "es" for d in spanish)


def test_a_document_has_its_text_provenance_and_spans(client: TestClient) -> None:
    documents = _all_pages(client, "/api/documents", limit=100)
    wire = next(d for d in documents if d["near_duplicate_group"] is not None)
    doc = client.get(f"/api/documents/{wire['sha256']}").json()
    assert doc["sha256"] == wire["sha256"] and doc["text"]
    assert doc["captures"] and doc["captures"][0]["sha256"] == wire["sha256"]
    assert doc["captures"][0]["original_name"].startswith(str(Path("examples").resolve().parent))
    assert doc["near_duplicates"]
    for mention in doc["mentions"]:
        for value in mention["values"]:
            span = value["span"]
            field = doc["text"] if span["field"] == "text" else doc["title"]
            assert field[span["start"] : span["end"]] == span["text"]


def test_the_original_bytes_download_safely_and_hash_to_the_id(client: TestClient) -> None:
    documents = _all_pages(client, "/api/documents", limit=100)
    for summary in documents[:10]:
        response = client.get(f"/api/documents/{summary['sha256']}/original")
        assert response.status_code == 200
        assert hashlib.sha256(response.content).hexdigest() == summary["sha256"]
        assert response.headers["content-type"] == "application/octet-stream"
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment; filename=") and summary["sha256"] in disposition
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]


def test_a_capture_container_downloads_from_the_archive(client: TestClient) -> None:
    documents = _all_pages(client, "/api/documents", limit=100)
    for summary in documents:
        doc = client.get(f"/api/documents/{summary['sha256']}").json()
        container = doc["captures"][0]["container_sha256"]
        if container:
            response = client.get(f"/api/archive/{container}")
            assert hashlib.sha256(response.content).hexdigest() == container
            return
    pytest.fail("no document of the corpus came from a container file")


@pytest.mark.parametrize(
    "path", ["/api/documents/{x}", "/api/documents/{x}/original", "/api/archive/{x}"]
)
def test_document_ids_are_checked(client: TestClient, path: str) -> None:
    body = _error(client.get(path.format(x="../../etc/passwd")), 404)  # not a route at all
    body = _error(client.get(path.format(x="abc")), 400)
    assert "64" in body["hint"]
    body = _error(client.get(path.format(x="0" * 64)), 404)


# -- search ---------------------------------------------------------------------------------


def test_search_finds_words_without_accents_and_pages(client: TestClient) -> None:
    hits = _all_pages(client, "/api/search", q="guiria pescadores", limit=2)
    assert len(hits) >= 3 and len({h["sha256"] for h in hits}) == len(hits)
    assert all(h["score"] <= n["score"] for h, n in zip(hits, hits[1:], strict=False))
    marked = [p["text"] for h in hits for p in h["snippet"] if p["hit"]]
    assert any(m.casefold() in ("güiria", "pescadores") for m in marked)
    spanish = client.get("/api/search", params={"q": "Güiria", "language": "en"}).json()
    assert all(h["language"] == "en" for h in spanish["items"])


def test_search_reads_any_input_as_words(client: TestClient) -> None:
    for q in ["AND OR NOT", '"unclosed', "NEAR(a b", "col:umn", "*", "script>"]:
        assert client.get("/api/search", params={"q": q}).status_code in (200, 400), q
    hit = client.get("/api/search", params={"q": "<script>"}).json()
    body = _error(client.get("/api/search", params={"q": "  "}), 400)
    assert "words" in body["message"]
    assert hit["items"] is not None
    _error(client.get("/api/search"), 400)


# -- exports over HTTP ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_exports_download_with_the_filters(client: TestClient, fmt: str) -> None:
    response = client.get("/api/export", params={"format": fmt, "country": "PE"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith(f'.{fmt}"')
    assert "inc-" in response.text


def test_export_format_is_checked(client: TestClient) -> None:
    _error(client.get("/api/export", params={"format": "xlsx"}), 400)


# -- errors, headers, spec, access ----------------------------------------------------------


def test_unknown_routes_and_methods_answer_json(client: TestClient) -> None:
    assert "openapi" in _error(client.get("/api/nothing"), 404)["hint"]
    _error(client.post("/api/incidents"), 405)


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/incident", "/document", "/api/status", "/static/js/common.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_openapi_spec_documents_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    routed = {route.path_format for router in ROUTERS for route in router.routes}
    assert routed <= set(spec["paths"])
    assert {"/api/incidents", "/api/incidents/{key}", "/api/search"} <= routed
    incidents = spec["paths"]["/api/incidents"]["get"]
    names = {p["name"] for p in incidents["parameters"]}
    assert names >= {
        "date_from",
        "date_to",
        "bbox",
        "country",
        "event_type",
        "language",
        "source_kind",
        "actor",
        "limit",
        "cursor",
        "order",
    }


def test_private_reads_need_a_user(published_home: Path, monkeypatch) -> None:
    settings = make_settings(published_home)
    private = type(settings)(**{**settings.__dict__, "read_access": "private"})
    with TestClient(create_app(private)) as anonymous:
        body = _error(anonymous.get("/api/incidents"), 401)
        assert "private" in body["message"]
        assert anonymous.get("/").status_code == 200  # the page shell holds no data
        _error(anonymous.get("/api/incidents", headers={"Authorization": "Bearer x"}), 401)

    class OneReader:
        def authenticate(self, request: Request) -> User | None:
            token = request.headers.get("authorization")
            if token is None:
                return None
            if token != "Bearer good":
                raise NotSignedIn("that token is not valid", "create a new one")
            return User("ana", frozenset({"reader"}), via="token")

    with TestClient(create_app(private, authenticator=OneReader())) as signed:
        assert (
            signed.get("/api/incidents", headers={"Authorization": "Bearer good"}).status_code
            == 200
        )
        assert (
            signed.get("/api/me", headers={"Authorization": "Bearer good"}).json()["name"] == "ana"
        )
        _error(signed.get("/api/incidents", headers={"Authorization": "Bearer bad"}), 401)
        _error(signed.get("/api/incidents"), 401)


def test_require_role_answers_401_then_403() -> None:
    from fastapi import Depends, FastAPI

    from cotejo.api import errors
    from cotejo.api.auth import require_role

    app = FastAPI()
    errors.install(app)

    class Header:
        def authenticate(self, request: Request) -> User | None:
            name = request.headers.get("x-user")
            return User(name, frozenset({name}), via="token") if name else None

    app.state.authenticator = Header()

    @app.post("/write")
    def write(user: User = Depends(require_role("reviewer"))) -> dict:  # noqa: B008
        return {"by": user.name}

    with TestClient(app) as test_client:
        _error(test_client.post("/write"), 401)
        _error(test_client.post("/write", headers={"x-user": "analyst"}), 403)
        assert test_client.post("/write", headers={"x-user": "reviewer"}).json() == {
            "by": "reviewer"
        }


def test_a_bad_read_access_setting_names_the_choices() -> None:
    from cotejo.config import resolve_settings
    from cotejo.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        resolve_settings(env={"COTEJO_READ_ACCESS": "open"})
    assert "public" in err.value.hint and "private" in err.value.hint
