"""The exports that publish graded claims, on the assessed sample corpus: schema.org
ClaimReview (the fields schema.org and Google require, on every item; the grade -> rating
table), GraphML that networkx loads with the expected node and edge types and counts, the
API and the CLI serving both, and no private person named in either."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from cotejo.api import create_app
from cotejo.api.routes.exports import Format
from cotejo.assess.model import Grade
from cotejo.cli import EXPORT_FORMATS
from cotejo.config import resolve_settings
from cotejo.errors import ConfigError
from cotejo.export import EXPORTERS, ExportOptions, export_records
from cotejo.export.claims import ORGANISATION_KINDS, RATING, speaker
from cotejo.export.redact import Redactor, looks_like_a_name
from cotejo.query import IncidentQuery, parse_incident_query
from cotejo.runner.assess import current_assessment
from cotejo.store import models as m
from cotejo.store.browse import incident_count, incident_detail
from cotejo.store.db import Store
from cotejo.testing import make_settings, run_cli

pytestmark = pytest.mark.slow

PRIVATE = ("Yelitza Marcano", "Marisol Ocando", "Guaitero", "Jhonny")
OPTIONS = ExportOptions(publisher="Observatorio de Prueba", public_url="https://cotejo.example.org")
ORGANISATION_TYPES = {"Organization", "GovernmentOrganization", "NGO", "NewsMediaOrganization"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def store(corpus_home: Path):
    opened = Store(make_settings(corpus_home), create=False)
    yield opened
    opened.close()


def export(store: Store, fmt: str, query: IncidentQuery | None = None, redact=None) -> str:
    out = io.StringIO()
    with store.read_session() as session:
        records = export_records(session, query or IncidentQuery(), redact)
        EXPORTERS[fmt].write(records, out, OPTIONS)
    return out.getvalue()


def graded_readings(store: Store) -> list[tuple[str, str, str, Grade]]:
    """(incident, attribute, value, grade) of every graded reading, read from the store."""
    found = []
    with store.read_session() as session:
        for incident in session.query(m.Incident).filter(m.Incident.retired_at.is_(None)):
            assessment = current_assessment(session, incident)
            for attribute in assessment.attributes if assessment else ():
                for reading in attribute.readings:
                    if reading.grade is not None:
                        found.append(
                            (incident.key, attribute.attribute, reading.value, reading.grade)
                        )
    return found


@pytest.fixture(scope="module")
def reviews(store: Store) -> list[dict]:
    return json.loads(export(store, "claimreview"))


# -- ClaimReview ----------------------------------------------------------------------------


def test_one_claimreview_per_graded_claim(store: Store, reviews: list[dict]) -> None:
    expected = graded_readings(store)
    assert len(reviews) == len(expected) > 0
    assert len({r["identifier"] for r in reviews}) == len(reviews)
    # each review grades one reading of one incident's attribute, with the reading's grade
    published = Counter(
        (r["identifier"].split("/")[0], r["identifier"].split("/")[1], _grade(r)) for r in reviews
    )
    assert published == Counter((key, attribute, grade) for key, attribute, _, grade in expected)


def _grade(review: dict) -> Grade:
    return Grade(review["reviewRating"]["alternateName"].removesuffix(" + acknowledged"))


def test_every_claimreview_has_the_required_fields(reviews: list[dict]) -> None:
    for review in reviews:
        where = review.get("identifier")
        assert review["@context"] == "https://schema.org", where
        assert review["@type"] == "ClaimReview", where
        assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip(), where
        assert review["url"].startswith("https://cotejo.example.org/incident?key=inc-"), where
        assert review["author"] == {
            "@type": "Organization",
            "name": "Observatorio de Prueba",
            "url": "https://cotejo.example.org",
        }
        assert ISO_DATE.match(review["datePublished"]), where
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["worstRating"], rating["bestRating"]) == (1, 4)
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["ratingValue"] == RATING[_grade(review)], where
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert ISO_DATE.match(item["datePublished"]), where
        assert item["author"], where
        for author in item["author"]:
            assert author["@type"] in ORGANISATION_TYPES | {"Person"}, author
            assert author["name"].strip(), author
        assert item["appearance"], where
        for work in item["appearance"]:
            assert work["@type"] == "CreativeWork"
            assert re.match(r"^sha256:[0-9a-f]{64}$", work["identifier"])
            if "url" in work:
                assert work["url"].startswith(("http://", "https://")), work["url"]
        assert review["reviewBody"].strip(), where


def test_the_grades_of_the_boat_strike(reviews: list[dict]) -> None:
    strike = [r for r in reviews if "strike on vessel at Güiria" in r["claimReviewed"]]
    assert strike
    by_claim = {r["claimReviewed"]: r["reviewRating"] for r in strike}
    killed = {c: r for c, r in by_claim.items() if "killed" in c}
    assert any(c.startswith("3 people") for c in killed) and any(c.startswith("5 ") for c in killed)
    assert all(r["alternateName"].startswith("contested") for r in killed.values())
    assert all(r["ratingValue"] == 2 for r in killed.values())
    label = next(r for c, r in by_claim.items() if "affiliated with Tren de Aragua" in c)
    assert label["alternateName"] == "single-origin + acknowledged"
    assert label["ratingValue"] == 3
    happened = next(r for r in strike if r["identifier"].endswith("/occurrence/0"))
    assert happened["reviewRating"]["alternateName"] == "corroborated + acknowledged"
    assert happened["reviewRating"]["ratingValue"] == 4
    authors = {a["name"] for a in happened["itemReviewed"]["author"]}
    assert "US Department of War" in authors
    assert {"fishermen"} <= authors  # witnesses, by the role they were quoted under


def test_claim_authors_never_name_a_private_person(reviews: list[dict]) -> None:
    text = json.dumps(reviews, ensure_ascii=False)
    people = [a for r in reviews for a in r["itemReviewed"]["author"] if a["@type"] == "Person"]
    assert people  # the corpus quotes witnesses and private accounts
    for person in people:
        assert not looks_like_a_name(person["name"]), person
    for name in ("Yelitza Marcano", "Marisol Ocando"):  # quoted by name in the corpus
        assert name not in text


def test_a_regrade_is_the_published_grade(corpus_home: Path, tmp_path: Path) -> None:
    import shutil

    from cotejo.review.service import add_user, regrade

    home = tmp_path / "home"
    shutil.copytree(corpus_home, home)
    store = Store(make_settings(home), create=False)
    try:
        before = json.loads(export(store, "claimreview"))
        key = next(r for r in before if "/killed/" in r["identifier"])["identifier"].split("/")[0]
        add_user(store, None, "ana", "admin")
        regrade(store, "ana", key, "killed", "refuted", "court record 12/2025")
        after = json.loads(export(store, "claimreview"))
    finally:
        store.close()
    killed = [r for r in after if r["identifier"].startswith(f"{key}/killed/")]
    regraded = [r for r in killed if r["reviewRating"]["ratingValue"] == 1]
    assert len(regraded) == 1  # the attribute's leading value; the other readings keep theirs
    [leading] = regraded
    assert leading["reviewRating"]["alternateName"].startswith("refuted")
    assert "A reviewer regraded it" in leading["reviewBody"]
    assert "court record 12/2025" in leading["reviewBody"]
    assert (
        leading["datePublished"]
        >= next(r for r in before if r["identifier"] == leading["identifier"])["datePublished"]
    )


# -- GraphML --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph(store: Store) -> nx.DiGraph:
    return nx.read_graphml(io.BytesIO(export(store, "graphml").encode("utf-8")))


def test_graphml_loads_with_every_node_and_edge_type(store: Store, graph: nx.DiGraph) -> None:
    types = Counter(data["type"] for _, data in graph.nodes(data=True))
    readings = graded_readings(store)
    with store.read_session() as session:
        incidents = incident_count(session)
        keys = [i.key for i in session.query(m.Incident).filter(m.Incident.retired_at.is_(None))]
        details = [incident_detail(session, key) for key in keys]
        sources = {
            sha: source for sha, source in session.query(m.Document.sha256, m.Document.source_id)
        }
        origins = set()
        for incident in session.query(m.Incident).filter(m.Incident.retired_at.is_(None)):
            assessment = current_assessment(session, incident)
            for attribute in assessment.attributes if assessment else ():
                for reading in attribute.readings:
                    if reading.grade is None:
                        continue
                    for origin in (*reading.support, *reading.denied_by):
                        label, person = speaker(origin.label, origin.kind)
                        scope = incident.key if person else ""
                        origins.add((scope, origin.kind, label.casefold()))
    documents = {s.document for d in details for s in d.sources}
    assert types == {
        "incident": incidents,
        "claim": len(readings),
        "origin": len(origins),
        "document": len(documents),
        "source": len({sources[d] for d in documents}),
    }
    shapes = Counter(
        (graph.nodes[u]["type"], data["relation"], graph.nodes[v]["type"])
        for u, v, data in graph.edges(data=True)
    )
    assert set(shapes) == {
        ("incident", "has_claim", "claim"),
        ("claim", "asserted_by", "origin"),
        ("claim", "denied_by", "origin"),
        ("origin", "stated_in", "document"),
        ("document", "published_by", "source"),
    }
    assert shapes[("incident", "has_claim", "claim")] == len(readings)
    assert shapes[("document", "published_by", "source")] == len(documents)
    for node, data in graph.nodes(data=True):
        if data["type"] == "claim":  # every claim hangs from one incident, said by someone
            assert [graph.nodes[u]["type"] for u in graph.predecessors(node)] == ["incident"]
            assert any(
                graph.edges[node, v]["relation"] == "asserted_by" for v in graph.successors(node)
            )
        if data["type"] == "origin":
            assert any(graph.nodes[v]["type"] == "document" for v in graph.successors(node))
            assert not looks_like_a_name(data["label"]) or data["kind"] in ORGANISATION_KINDS


def test_graphml_carries_the_grades_and_the_responsible_party(graph: nx.DiGraph) -> None:
    strike = next(
        n
        for n, d in graph.nodes(data=True)
        if d["type"] == "incident"
        and d.get("place") == "Güiria"
        and d.get("event_type") == "strike_on_vessel"
    )
    assert graph.nodes[strike]["headline"] == "corroborated"
    claims = {graph.nodes[c]["label"]: c for c in graph.successors(strike)}
    three = claims["killed = 3"]
    assert graph.nodes[three]["grade"] == "contested" and graph.nodes[three]["rating"] == 2
    assert graph.nodes[three]["acknowledged"] is True
    said_by = {graph.nodes[o]["label"]: graph.edges[three, o] for o in graph.successors(three)}
    assert said_by["US Department of War"]["responsible"] is True
    assert said_by["US Department of War"]["relation"] == "asserted_by"
    assert any(e["relation"] == "denied_by" for e in said_by.values())


# -- redaction ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["claimreview", "graphml"])
def test_redaction_reaches_the_excerpts(store: Store, fmt: str) -> None:
    plain = export(store, fmt)
    redacted = export(store, fmt, redact=Redactor())
    if fmt == "graphml":
        assert any(name in plain for name in PRIVATE)  # document excerpts quote them
    else:  # ClaimReview names a private speaker by role even unredacted: nothing to remove
        assert not any(name in plain for name in PRIVATE)
    for name in PRIVATE:
        assert name not in redacted, f"{name} survived redaction in {fmt}"
    for public in ("Department of War", "Tren de Aragua", "Güiria"):
        assert public in redacted, f"{public} was redacted from {fmt}"


def test_redaction_applies_to_free_text_not_to_structured_values(store: Store) -> None:
    def mark(text: str | None, language: str) -> str | None:
        return text.replace("Güiria", "[withheld]") if text else text

    reviews = json.loads(export(store, "claimreview", redact=mark))
    strike = [r for r in reviews if "strike on vessel at Güiria" in r["claimReviewed"]]
    assert strike  # the claim itself is a structured value: the place stays
    excerpts = [w.get("text", "") for r in strike for w in r["itemReviewed"]["appearance"]]
    titles = [w.get("headline", "") for r in strike for w in r["itemReviewed"]["appearance"]]
    assert any("[withheld]" in t for t in excerpts + titles)
    assert not any("Güiria" in t for t in excerpts + titles)
    assert all("Güiria" not in r["reviewBody"] for r in strike)


# -- where they are served ------------------------------------------------------------------


def test_every_exporter_is_offered_by_the_cli_and_the_api() -> None:
    assert set(EXPORT_FORMATS) == set(EXPORTERS) == set(Format.__args__)


def test_the_api_serves_both(corpus_home: Path, monkeypatch) -> None:
    monkeypatch.setenv("COTEJO_PUBLISHER", "Observatorio de Prueba")
    monkeypatch.setenv("COTEJO_PUBLIC_URL", "https://cotejo.example.org/")
    settings = resolve_settings(home=corpus_home)
    with TestClient(create_app(settings)) as client:
        response = client.get("/api/export", params={"format": "claimreview", "country": "PE"})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/ld+json")
        assert response.headers["content-disposition"].endswith('.jsonld"')
        peru = response.json()
        assert peru and all("Lima" in r["claimReviewed"] for r in peru)
        assert {r["author"]["name"] for r in peru} == {"Observatorio de Prueba"}
        assert all(r["url"].startswith("https://cotejo.example.org/incident?key=") for r in peru)
        response = client.get("/api/export", params={"format": "graphml", "redact": "true"})
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"].endswith('-redacted.graphml"')
        graph = nx.read_graphml(io.BytesIO(response.content))
        assert {d["type"] for _, d in graph.nodes(data=True)} == {
            "incident",
            "claim",
            "origin",
            "document",
            "source",
        }
        assert not any(name in response.text for name in PRIVATE)


def test_cotejo_export_writes_graphml(corpus_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.graphml"
    result = run_cli(
        ["--home", str(corpus_home), "export", "--format", "graphml", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() > 0


def test_a_filter_narrows_the_claims(store: Store, reviews: list[dict]) -> None:
    peru = json.loads(export(store, "claimreview", parse_incident_query({"country": "PE"})))
    assert 0 < len(peru) < len(reviews)


def test_the_public_url_must_be_a_web_address() -> None:
    with pytest.raises(ConfigError, match="COTEJO_PUBLIC_URL") as caught:
        resolve_settings(home="x", env={"COTEJO_PUBLIC_URL": "javascript:alert(1)"})
    assert "https://" in caught.value.hint
    assert resolve_settings(home="x", env={}).public_url == "http://127.0.0.1:8000"


def test_hostile_text_is_data_in_both(published_home: Path) -> None:
    """The hostile report (tests/data/xss) ends up as escaped text, and the files still
    parse; a javascript: URL is never given as a link."""
    hostile = Store(make_settings(published_home), create=False)
    try:
        text = export(hostile, "graphml")
        reviews = json.loads(export(hostile, "claimreview"))
    finally:
        hostile.close()
    appearances = [
        work for review in reviews for work in review["itemReviewed"].get("appearance", [])
    ]
    assert appearances  # the published store is assessed: there is something to check
    assert not any(
        str(work.get("url", "")).lower().startswith("javascript:") for work in appearances
    )
    assert "<script" not in text and "&lt;script" in text
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    values = [str(v) for _, data in graph.nodes(data=True) for v in data.values()]
    assert any("<script" in v for v in values)
    assert not any(
        d.get("url", "").lower().startswith("javascript:") for _, d in graph.nodes(data=True)
    )
