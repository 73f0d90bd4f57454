"""The API's writes and sign-in: every write route refuses the wrong user (401 without one,
403 below the role) and then nothing in the store has changed; with the role it does what
the CLI does, with its audit entry. Sign-in: argon2 passwords, session cookies with a CSRF
token, API tokens shown once and stored as hashes, failed sign-ins slowed down. Grades: the
incident list carries the headline grade and filters by it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from conftest import copy_home
from cotejo.api import create_app
from cotejo.api.throttle import LoginThrottle
from cotejo.errors import TooManyAttempts
from cotejo.review import accounts, service
from cotejo.store import models as m
from cotejo.testing import make_settings, make_store, run_cli

pytestmark = pytest.mark.slow

PASSWORD = "correct horse battery"
ROLES = {"root": "admin", "vera": "viewer", "ana": "analyst", "rui": "reviewer"}


@pytest.fixture(scope="module")
def site(published_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of the published store with a user of every role, each with an API token, and
    the keys and mentions the write routes act on."""
    home = copy_home(published_home, tmp_path_factory.mktemp("site") / "home")
    store = make_store(home)
    try:
        service.add_user(store, None, "root", "admin")
        for name, role in ROLES.items():
            if name != "root":
                service.add_user(store, "root", name, role)
        tokens = {
            name: accounts.create_token(store, name, name, "tests")["token"] for name in ROLES
        }
        accounts.set_password(store, "rui", "rui", PASSWORD)
    finally:
        store.close()
    with TestClient(create_app(make_settings(home))) as client:
        incidents = client.get("/api/incidents", params={"limit": 500}).json()["items"]
        strike = next(
            i for i in incidents if i["place"] == "Güiria" and i["event_type"] == "strike_on_vessel"
        )
        other = next(i for i in incidents if i["key"] != strike["key"] and i["documents"] >= 2)
        members = client.get(f"/api/incidents/{strike['key']}").json()["members"]
        claims = client.get(f"/api/incidents/{strike['key']}/claims").json()
    killed = next(a for a in claims["attributes"] if a["attribute"] == "killed")
    span = killed["readings"][0]["origins"][0]["spans"][0]
    return {
        "home": home,
        "tokens": tokens,
        "a": strike["key"],
        "b": other["key"],
        "mention": members[-1]["mention"],
        "span": span,
    }


@pytest.fixture
def writable(site: dict[str, Any], tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    """A fresh copy of the site for a test that changes it, and a client over it."""
    home = copy_home(site["home"], tmp_path / "home")
    with TestClient(create_app(make_settings(home))) as client:
        yield client, {**site, "home": home}


@pytest.fixture(scope="module")
def client(site: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(site["home"]))) as test_client:
        yield test_client


def bearer(site: dict[str, Any], name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {site['tokens'][name]}"}


def snapshot(home: Path) -> dict[str, str]:
    """A digest of every row of every table: equal snapshots mean nothing changed."""
    store = make_store(home)
    try:
        with store.session() as session:
            found = {}
            for table in m.Base.metadata.sorted_tables:
                rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
                found[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
            return found
    finally:
        store.close()


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["message"] and body["hint"]
    return body


# Every write route: its body, and the users whose role is too low for it.
ANALYST_UP = ["vera"]
REVIEWER_UP = ["vera", "ana"]
ADMIN_ONLY = ["vera", "ana", "rui"]
WRITES = {
    "confirm": ("post", "/api/incidents/{a}/confirm", {"attribute": "date", "rationale": "r"}),
    "correct": (
        "post",
        "/api/incidents/{a}/correct",
        {
            "attribute": "killed",
            "value": "5",
            "document": "{doc}",
            "start": 0,
            "end": 5,
            "rationale": "r",
        },
    ),
    "regrade": (
        "post",
        "/api/incidents/{a}/regrade",
        {"attribute": "affiliation", "grade": "refuted", "rationale": "r"},
    ),
    "annotate": ("post", "/api/incidents/{a}/annotate", {"note": "a note"}),
    "merge": ("post", "/api/incidents/{a}/merge", {"incidents": ["{b}"], "rationale": "r"}),
    "split": ("post", "/api/incidents/{a}/split", {"mentions": ["{mention}"], "rationale": "r"}),
    "move": ("post", "/api/incidents/{b}/move", {"mention": "{mention}", "rationale": "r"}),
    "affiliation": (
        "post",
        "/api/sources/Diario del Paria/affiliation",
        {"affiliation": "Grupo X", "rationale": "r"},
    ),
    "add-user": ("post", "/api/users", {"username": "newbie", "role": "viewer"}),
    "set-role": ("post", "/api/users/vera/role", {"role": "admin"}),
    "set-password": ("post", "/api/users/ana/password", {"password": "another password 1"}),
    "create-token": ("post", "/api/tokens", {"label": "x", "user": "ana"}),
    "revoke-token": ("delete", "/api/tokens/{ana_token}", None),
    "logout": None,  # not a write on anyone else's data; see the session tests
    # The pipeline through the API (tests/test_api_runs.py shows what each does).
    "upload": ("post", "/api/documents?name=note.txt", b"Two people were shot in Cumana."),
    "run-extract": ("post", "/api/runs/extract", {"limit": 5}),
    "run-resolve": ("post", "/api/runs/resolve", {}),
    "run-rebuild": ("post", "/api/runs/resolve", {"rebuild": True}),
    "run-assess": ("post", "/api/runs/assess", {}),
    "run-update": ("post", "/api/runs/update", None),
    "reindex": ("post", "/api/runs/reindex", None),
}
TOO_LOW = {
    "confirm": ANALYST_UP,
    "correct": ANALYST_UP,
    "annotate": ANALYST_UP,
    "merge": ANALYST_UP,
    "split": ANALYST_UP,
    "move": ANALYST_UP,
    "regrade": REVIEWER_UP,
    "affiliation": REVIEWER_UP,
    "add-user": ADMIN_ONLY,
    "set-role": ADMIN_ONLY,
    "set-password": ["vera", "rui"],  # ana may change her own (with her current password)
    "create-token": ["vera", "rui"],
    "revoke-token": ["vera", "rui"],
    "upload": ANALYST_UP,
    "run-extract": ANALYST_UP,
    "run-resolve": ANALYST_UP,
    "run-rebuild": ADMIN_ONLY,
    "run-assess": ANALYST_UP,
    "run-update": ANALYST_UP,
    "reindex": ADMIN_ONLY,
}


def _fill(value: Any, site: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, site) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, site) for v in value]
    if value == "{mention}":
        return site["mention"]
    if isinstance(value, str):
        return value.format(
            a=site["a"], b=site["b"], doc=site["span"]["document"], ana_token=site["ana_token"]
        )
    return value


def _request(client: TestClient, site: dict[str, Any], action: str, headers: dict[str, str]):
    method, path, body = WRITES[action]
    kwargs: dict[str, Any] = {"headers": headers}
    if isinstance(body, bytes):
        kwargs["content"] = body
    elif body is not None:
        kwargs["json"] = _fill(body, site)
    return client.request(method.upper(), _fill(path, site), **kwargs)


@pytest.fixture(scope="module")
def ana_token(site: dict[str, Any]) -> int:
    store = make_store(site["home"])
    try:
        return accounts.list_tokens(store, "ana", "ana")[0]["id"]
    finally:
        store.close()


def test_every_write_route_is_listed_here(client: TestClient) -> None:
    import re

    def shape(path: str) -> str:
        path = re.sub(r"/users/\w+/", "/users/{}/", path.replace("Diario del Paria", "{}"))
        return re.sub(r"\{[^}]*\}", "{}", path.split("?")[0])

    spec = client.get("/openapi.json").json()
    writes = {
        (method, shape(path))
        for path, ops in spec["paths"].items()
        for method in ops
        if method in ("post", "put", "patch", "delete")
    }
    listed = {(w[0], shape(w[1])) for w in WRITES.values() if w}
    assert writes - listed == {("post", "/api/login"), ("post", "/api/logout")}
    assert listed <= writes


@pytest.mark.parametrize("action", sorted(TOO_LOW))
def test_a_write_without_the_right_user_is_refused_and_changes_nothing(
    site: dict[str, Any], client: TestClient, ana_token: int, action: str
) -> None:
    filled = {**site, "ana_token": ana_token}
    before = snapshot(site["home"])
    body = _error(_request(client, filled, action, {}), 401)
    assert "sign" in body["hint"].lower()
    _error(_request(client, filled, action, {"Authorization": "Bearer cotejo_wrong"}), 401)
    _error(_request(client, filled, action, {"Authorization": "Basic cm9vdDpyb290"}), 401)
    for name in TOO_LOW[action]:
        _error(_request(client, filled, action, bearer(site, name)), 403)
    assert snapshot(site["home"]) == before


@pytest.mark.parametrize("action", sorted(TOO_LOW))
def test_a_browser_write_without_the_csrf_token_changes_nothing(
    site: dict[str, Any], client: TestClient, ana_token: int, action: str
) -> None:
    """A signed-in reviewer's browser session, but no X-CSRF-Token header: refused."""
    filled = {**site, "ana_token": ana_token}
    with TestClient(create_app(make_settings(site["home"]))) as browser:
        assert browser.post("/api/login", json={"username": "rui", "password": PASSWORD}).is_success
        before = snapshot(site["home"])
        body = _error(_request(browser, filled, action, {}), 403)
        assert "X-CSRF-Token" in body["message"] + body["hint"]
        _error(_request(browser, filled, action, {"X-CSRF-Token": "0" * 64}), 403)
        assert snapshot(site["home"]) == before
        browser.post(
            "/api/logout", headers={"X-CSRF-Token": browser.get("/api/me").json()["csrf_token"]}
        )


# -- with the role, each write does what the CLI does ---------------------------------------------


def _history(client: TestClient, key: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/incidents/{key}/history")
    assert response.status_code == 200, response.text
    return response.json()


def test_regrade_stores_the_grade_beside_the_machines_with_its_audit_entry(writable) -> None:
    client, site = writable
    response = client.post(
        f"/api/incidents/{site['a']}/regrade",
        json={"attribute": "affiliation", "grade": "refuted", "rationale": "court found no link"},
        headers=bearer(site, "rui"),
    )
    assert response.status_code == 200, response.text
    claims = client.get(f"/api/incidents/{site['a']}/claims").json()
    affiliation = next(a for a in claims["attributes"] if a["attribute"] == "affiliation")
    assert affiliation["grade"] == "refuted" and affiliation["machine_grade"] != "refuted"
    assert affiliation["regrade"]["by"] == "rui"
    entry = _history(client, site["a"])[-1]
    assert entry["what"] == "review: regrade affiliation" and entry["by"] == "rui"
    assert entry["rationale"] == "court found no link" and len(entry["detail"]["hash"]) == 64
    _error(
        client.post(
            f"/api/incidents/{site['a']}/regrade",
            json={"attribute": "affiliation", "grade": "doubtful", "rationale": "x"},
            headers=bearer(site, "rui"),
        ),
        400,
    )
    assert run_cli(["--home", str(site["home"]), "verify"]).exit_code == 0


def test_confirm_correct_and_annotate(writable) -> None:
    client, site = writable
    ana = bearer(site, "ana")
    done = client.post(
        f"/api/incidents/{site['a']}/confirm",
        json={"attribute": "date", "rationale": "matches the ministry"},
        headers=ana,
    )
    assert done.status_code == 200, done.text
    span = site["span"]
    corrected = client.post(
        f"/api/incidents/{site['a']}/correct",
        json={
            "attribute": "killed",
            "value": "6",
            "document": span["document"][:10],
            "start": span["start"],
            "end": span["end"],
            "field": span["field"],
            "rationale": "a sixth body was found",
        },
        headers=ana,
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["evidence"]["text"] == span["text"]
    note = client.post(
        f"/api/incidents/{site['a']}/annotate",
        json={"note": "ask the coastguard", "attribute": "killed"},
        headers=ana,
    )
    assert note.status_code == 200, note.text
    claims = client.get(f"/api/incidents/{site['a']}/claims").json()
    killed = next(a for a in claims["attributes"] if a["attribute"] == "killed")
    assert killed["value"] == "6" and killed["decision"]["action"] == "correct"
    assert claims["notes"][-1]["note"] == "ask the coastguard"
    actions = [h["what"] for h in _history(client, site["a"])]
    assert actions[-3:] == [
        "review: confirm date",
        "review: correct killed",
        "review: annotate killed",
    ]
    _error(
        client.post(
            f"/api/incidents/{site['a']}/confirm",
            json={"attribute": "killed", "value": "99", "rationale": "r"},
            headers=ana,
        ),
        400,
    )
    _error(
        client.post("/api/incidents/inc-000000000000/annotate", json={"note": "x"}, headers=ana),
        404,
    )


def test_merge_split_and_move(writable) -> None:
    client, site = writable
    ana = bearer(site, "ana")
    moved = client.post(
        f"/api/incidents/{site['b']}/move",
        json={"mention": site["mention"], "rationale": "same boat"},
        headers=ana,
    )
    assert moved.status_code == 200, moved.text
    members = client.get(f"/api/incidents/{site['b']}").json()["members"]
    assert site["mention"] in {x["mention"] for x in members}
    split = client.post(
        f"/api/incidents/{site['b']}/split",
        json={"mentions": [site["mention"]], "rationale": "a different strike"},
        headers=ana,
    )
    assert split.status_code == 200, split.text
    new_key = next(k for k in split.json()["incidents"] if k != site["b"])
    merged = client.post(
        f"/api/incidents/{site['a']}/merge",
        json={"incidents": [new_key], "rationale": "one strike after all"},
        headers=ana,
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["action"] == "merge"
    members = client.get(f"/api/incidents/{site['a']}").json()["members"]
    assert site["mention"] in {x["mention"] for x in members}
    assert "review: merge" in [h["what"] for h in _history(client, site["a"])]


def test_a_sources_affiliation(writable) -> None:
    client, site = writable
    done = client.post(
        "/api/sources/diario del paria/affiliation",
        json={"affiliation": "Grupo X", "rationale": "same owner"},
        headers=bearer(site, "rui"),
    )
    assert done.status_code == 200, done.text
    assert done.json()["source"] == "Diario del Paria" and done.json()["affiliation"] == "Grupo X"
    # The sources list and an incident's documents show it, for the form and for readers.
    listed = {s["name"]: s for s in client.get("/api/sources").json()}
    assert listed["Diario del Paria"]["affiliation"] == "Grupo X"
    found = [
        doc["source"]
        for item in client.get("/api/incidents", params={"limit": 500}).json()["items"]
        for doc in client.get(f"/api/incidents/{item['key']}").json()["sources"]
        if doc["source"]["name"] == "Diario del Paria"
    ]
    assert found and all(source["affiliation"] == "Grupo X" for source in found)
    _error(
        client.post(
            "/api/sources/Nobody/affiliation",
            json={"affiliation": "x", "rationale": "r"},
            headers=bearer(site, "rui"),
        ),
        404,
    )


def test_admins_manage_users(writable) -> None:
    client, site = writable
    root = bearer(site, "root")
    assert (
        client.post(
            "/api/users", json={"username": "eve", "role": "analyst"}, headers=root
        ).status_code
        == 201
    )
    assert client.post("/api/users/eve/role", json={"role": "reviewer"}, headers=root).json() == {
        "username": "eve",
        "role": "reviewer",
    }
    listed = {u["username"]: u for u in client.get("/api/users", headers=root).json()}
    assert listed["eve"]["role"] == "reviewer" and listed["rui"]["password"] is True
    assert "password_hash" not in listed["rui"]
    _error(client.get("/api/users", headers=bearer(site, "rui")), 403)
    _error(client.get("/api/users"), 401)
    _error(client.post("/api/users", json={"username": "eve", "role": "viewer"}, headers=root), 400)
    _error(client.post("/api/users", json={"username": "zed", "role": "boss"}, headers=root), 400)
    # An admin sets anyone's password; eve signs in with it.
    done = client.post("/api/users/eve/password", json={"password": PASSWORD}, headers=root)
    assert done.status_code == 200, done.text
    assert client.post("/api/login", json={"username": "eve", "password": PASSWORD}).is_success


def test_a_user_changes_their_own_password_with_the_current_one(writable) -> None:
    client, site = writable
    rui = bearer(site, "rui")
    _error(
        client.post("/api/users/rui/password", json={"password": "new password 12"}, headers=rui),
        400,
    )
    _error(
        client.post(
            "/api/users/rui/password",
            json={"password": "new password 12", "current_password": "wrong one!!"},
            headers=rui,
        ),
        403,
    )
    _error(
        client.post(
            "/api/users/rui/password",
            json={"password": "short", "current_password": PASSWORD},
            headers=rui,
        ),
        400,
    )
    done = client.post(
        "/api/users/rui/password",
        json={"password": "new password 12", "current_password": PASSWORD},
        headers=rui,
    )
    assert done.status_code == 200, done.text
    _error(client.post("/api/login", json={"username": "rui", "password": PASSWORD}), 401)
    assert client.post(
        "/api/login", json={"username": "rui", "password": "new password 12"}
    ).is_success


# -- sign-in --------------------------------------------------------------------------------------


def test_sign_in_sets_a_strict_http_only_cookie_and_a_csrf_token(writable) -> None:
    client, site = writable
    assert client.get("/api/me").json() is None
    response = client.post("/api/login", json={"username": "rui", "password": PASSWORD})
    assert response.status_code == 200, response.text
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("cotejo_session=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    me = client.get("/api/me").json()
    assert me["name"] == "rui" and me["role"] == "reviewer" and me["via"] == "session"
    assert set(me["roles"]) == {"viewer", "analyst", "reviewer"}
    assert me["csrf_token"] == response.json()["csrf_token"]
    # Only the session id's SHA-256 is stored.
    session_id = client.cookies.get("cotejo_session")
    store = make_store(site["home"])
    with store.session() as session:
        stored = session.scalars(select(m.LoginSession.token_sha256)).all()
    store.close()
    assert hashlib.sha256(session_id.encode()).hexdigest() in stored
    assert session_id not in stored
    # A write with the CSRF token goes through; signing out ends the session.
    csrf = {"X-CSRF-Token": me["csrf_token"]}
    done = client.post(
        f"/api/incidents/{site['a']}/regrade",
        json={"attribute": "date", "grade": "contested", "rationale": "two dates"},
        headers=csrf,
    )
    assert done.status_code == 200, done.text
    _error(client.post("/api/logout"), 403)  # without the CSRF token
    assert client.post("/api/logout", headers=csrf).json() == {"signed_out": True}
    assert client.get("/api/me").json() is None
    client.cookies.set("cotejo_session", session_id)  # the old id is of no further use
    assert client.get("/api/me").json() is None
    _error(
        client.post(f"/api/incidents/{site['a']}/annotate", json={"note": "x"}, headers=csrf), 401
    )


def test_wrong_credentials_get_one_message_and_failures_slow_the_account(writable) -> None:
    client, site = writable
    unknown = _error(
        client.post("/api/login", json={"username": "nobody", "password": "x" * 12}), 401
    )
    wrong = _error(client.post("/api/login", json={"username": "rui", "password": "x" * 12}), 401)
    no_password = _error(
        client.post("/api/login", json={"username": "ana", "password": "x" * 12}), 401
    )
    assert unknown["message"] == wrong["message"] == no_password["message"]
    for _ in range(accounts.FREE_FAILURES - 1):
        _error(client.post("/api/login", json={"username": "rui", "password": "x" * 12}), 401)
    # The sixth failure locks the account; while locked even the right password is refused.
    locked = client.post("/api/login", json={"username": "rui", "password": PASSWORD})
    _error(locked, 429)
    assert int(locked.headers["retry-after"]) >= 1
    store = make_store(site["home"])
    with store.session() as session:
        session.execute(text("UPDATE users SET locked_until = NULL WHERE username = 'rui'"))
    store.close()
    assert client.post("/api/login", json={"username": "rui", "password": PASSWORD}).is_success
    store = make_store(site["home"])
    with store.session() as session:
        assert session.scalar(select(m.User.failed_logins).where(m.User.username == "rui")) == 0
    store.close()


def test_one_address_guessing_many_names_is_turned_away() -> None:
    now = [0.0]
    throttle = LoginThrottle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        throttle.check("10.0.0.1")
        throttle.failed("10.0.0.1")
    with pytest.raises(TooManyAttempts) as refused:
        throttle.check("10.0.0.1")
    assert refused.value.retry_after == 60
    throttle.check("10.0.0.2")  # another address is not affected
    now[0] = 61
    throttle.check("10.0.0.1")


def test_api_tokens_are_shown_once_stored_hashed_and_revocable(writable) -> None:
    client, site = writable
    assert client.post("/api/login", json={"username": "rui", "password": PASSWORD}).is_success
    csrf = {"X-CSRF-Token": client.get("/api/me").json()["csrf_token"]}
    made = client.post("/api/tokens", json={"label": "nightly export", "days": 30}, headers=csrf)
    assert made.status_code == 201, made.text
    token = made.json()["token"]
    assert token.startswith("cotejo_") and made.json()["expires_at"]
    listed = client.get("/api/tokens").json()
    assert isinstance(listed, list), listed
    assert all("token" not in t for t in listed)
    assert any(t["label"] == "nightly export" for t in listed)
    store = make_store(site["home"])
    with store.session() as session:
        hashes = session.scalars(select(m.ApiToken.token_sha256)).all()
    store.close()
    assert hashlib.sha256(token.encode()).hexdigest() in hashes and token not in hashes
    with TestClient(create_app(make_settings(site["home"]))) as script:
        auth = {"Authorization": f"Bearer {token}"}
        assert script.get("/api/me", headers=auth).json()["via"] == "token"
        _error(script.post("/api/tokens", json={}, headers=auth), 403)  # no tokens from tokens
        revoked = client.delete(f"/api/tokens/{made.json()['id']}", headers=csrf)
        assert revoked.status_code == 200 and revoked.json()["revoked_by"] == "rui"
        _error(script.get("/api/me", headers=auth), 401)
        _error(script.get("/api/incidents", headers=auth), 401)  # never silently anonymous


def test_a_private_deployment_lets_you_sign_in_then_read(site: dict[str, Any]) -> None:
    settings = make_settings(site["home"])
    private = type(settings)(**{**settings.__dict__, "read_access": "private"})
    with TestClient(create_app(private)) as browser:
        _error(browser.get("/api/incidents"), 401)
        assert browser.get("/api/me").json() is None
        assert browser.post("/api/login", json={"username": "rui", "password": PASSWORD}).is_success
        assert browser.get("/api/incidents").status_code == 200
        assert browser.get(f"/api/incidents/{site['a']}/claims").status_code == 200
        assert browser.get("/api/incidents", headers=bearer(site, "vera")).status_code == 200


def test_the_secret_key_comes_from_the_environment(tmp_path: Path) -> None:
    from cotejo.config import resolve_settings
    from cotejo.errors import ConfigError

    with pytest.raises(ConfigError, match="32"):
        resolve_settings(env={"COTEJO_SECRET_KEY": "short"})
    key = "k" * 40
    assert resolve_settings(env={"COTEJO_SECRET_KEY": key}).secret_key == key
    assert key not in repr(resolve_settings(env={"COTEJO_SECRET_KEY": key}))


def test_a_csrf_token_from_one_process_is_good_at_another_with_the_same_key(site) -> None:
    settings = make_settings(site["home"])
    keyed = type(settings)(**{**settings.__dict__, "secret_key": "s" * 40})
    with TestClient(create_app(keyed)) as one, TestClient(create_app(keyed)) as two:
        csrf = one.post("/api/login", json={"username": "rui", "password": PASSWORD}).json()[
            "csrf_token"
        ]
        two.cookies.set("cotejo_session", one.cookies.get("cotejo_session"))
        assert two.get("/api/me").json()["csrf_token"] == csrf


# -- grades ---------------------------------------------------------------------------------------


def test_incidents_carry_their_headline_grade_and_filter_by_it(client: TestClient) -> None:
    items = client.get("/api/incidents", params={"limit": 500}).json()["items"]
    grades = {i["grade"] for i in items}
    assert grades & {"corroborated", "single-origin", "contested"}, grades
    for grade in grades - {None}:
        kept = client.get("/api/incidents", params={"grade": grade, "limit": 500}).json()["items"]
        assert kept and {i["grade"] for i in kept} == {grade}
        assert len(kept) == sum(1 for i in items if i["grade"] == grade)
    ungraded = client.get("/api/incidents", params={"grade": "ungraded", "limit": 500}).json()
    assert all(i["grade"] is None for i in ungraded["items"])
    both = client.get("/api/incidents", params={"grade": "corroborated,ungraded", "limit": 500})
    assert len(both.json()["items"]) == sum(
        1 for i in items if i["grade"] in ("corroborated", None)
    )
    body = _error(client.get("/api/incidents", params={"grade": "confirmed"}), 400)
    assert "single-origin" in body["hint"]
    one = next(i for i in items if i["grade"])
    detail = client.get(f"/api/incidents/{one['key']}").json()
    assert detail["grade"] == one["grade"] and detail["acknowledged"] == one["acknowledged"]


def test_the_claims_table_and_the_review_queue(client: TestClient, site: dict[str, Any]) -> None:
    claims = client.get(f"/api/incidents/{site['a']}/claims").json()
    assert claims["assessed"] and claims["headline"] and claims["headline_explanation"]
    killed = next(a for a in claims["attributes"] if a["attribute"] == "killed")
    origins = [o for r in killed["readings"] for o in r["origins"]]
    assert any(o["responsible"] for o in origins) and any(not o["responsible"] for o in origins)
    assert any(f["attribute"] == "killed" and f["acting_party"] for f in claims["figures"])
    queue = client.get("/api/review/queue").json()
    assert queue["flags"] == [] and queue["new"]
    assert all(set(n) >= {"incident", "grade", "created_at"} for n in queue["new"])
    _error(client.get("/api/incidents/inc-000000000000/claims"), 404)
    _error(client.get("/api/incidents/inc-000000000000/history"), 404)


# -- the CLI ------------------------------------------------------------------------------------


def test_the_cli_sets_passwords_and_makes_and_revokes_tokens(site, tmp_path: Path) -> None:
    home = copy_home(site["home"], tmp_path / "home")
    base = ["--home", str(home)]
    from click.testing import CliRunner

    from cotejo.cli import cli

    runner = CliRunner()
    done = runner.invoke(
        cli, [*base, "users", "password", "ana", "--password-stdin"], input=PASSWORD + "\n"
    )
    assert done.exit_code == 0, done.output
    refused = runner.invoke(
        cli, [*base, "users", "password", "vera", "--as", "ana"], env={"COTEJO_PASSWORD": PASSWORD}
    )
    assert refused.exit_code != 0 and "admin" in str(refused.exception or refused.output)
    made = runner.invoke(cli, [*base, "users", "token", "ana", "--label", "cron", "--json"])
    assert made.exit_code == 0, made.output
    import json

    token = json.loads(made.output)
    listed = runner.invoke(cli, [*base, "users", "tokens", "ana"])
    assert token["prefix"] in listed.output and token["token"] not in listed.output
    with TestClient(create_app(make_settings(home))) as client:
        assert client.post("/api/login", json={"username": "ana", "password": PASSWORD}).is_success
        auth = {"Authorization": f"Bearer {token['token']}"}
        assert client.get("/api/me", headers=auth).json()["name"] == "ana"
        revoked = runner.invoke(cli, [*base, "users", "token", "ana", "--revoke", str(token["id"])])
        assert revoked.exit_code == 0 and "revoked" in revoked.output
        _error(client.get("/api/me", headers=auth), 401)
    users = runner.invoke(cli, [*base, "users", "list"])
    assert "password set" in users.output
