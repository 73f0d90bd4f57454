"""The sample corpus resolves into its fictional incidents exactly (issue 4).

The whole flow (ingest, extract, resolve) runs on `examples/corpus`; each document of the
answer key `examples/corpus.key.toml` stands for the incident of its first mention (a
document with no mention stands alone). Every incident of the key must be one resolved
incident holding nothing else, and no document the key ties to no incident may sit in one of
them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from conftest import CORPUS, KEY, key_document
from cotejo.pipeline import Ingester
from cotejo.runner.extract import run_extract
from cotejo.runner.resolve import run_resolve
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.testing import FrozenClock, make_store

pytestmark = pytest.mark.slow

NO_INCIDENT = "none"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The sample corpus ingested, extracted and resolved incrementally, as `cotejo demo`
    does."""
    store = make_store(tmp_path_factory.mktemp("corpus") / "home")
    try:
        Ingester(store, clock=FrozenClock()).run([CORPUS])
        run_extract(store, clock=FrozenClock())
        run_resolve(store, clock=FrozenClock())
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def resolved(corpus_store: Store) -> dict[str, str]:
    """Key document -> the resolved incident of its first mention (or 'alone:<key>')."""
    with corpus_store.session() as session:
        captures = session.execute(
            select(
                m.Capture.original_name, m.Capture.locator, m.Document.sha256, m.Document.url
            ).join(m.Document, m.Capture.document_sha256 == m.Document.sha256)
        ).all()
        members = session.execute(
            select(m.MentionRow.document_sha256, m.MentionRow.ordinal, m.Incident.key)
            .join(m.IncidentMember, m.IncidentMember.mention_id == m.MentionRow.id)
            .join(m.Incident, m.Incident.id == m.IncidentMember.incident_id)
            .where(m.IncidentMember.until.is_(None))
        ).all()
    first: dict[str, tuple[int, str]] = {}
    for sha, ordinal, key in members:
        if sha not in first or ordinal < first[sha][0]:
            first[sha] = (ordinal, key)
    found: dict[str, str] = {}
    for entry in KEY["document"]:
        sha = key_document(((n, loc, url, sha) for n, loc, sha, url in captures), entry)
        found[entry["key"]] = first[sha][1] if sha in first else f"alone:{entry['key']}"
    return found


@pytest.mark.parametrize(
    "incident", sorted({e["incident"] for e in KEY["document"]} - {NO_INCIDENT})
)
def test_each_incident_of_the_key_is_one_resolved_incident(
    resolved: dict[str, str], incident: str
) -> None:
    documents = {e["key"] for e in KEY["document"] if e["incident"] == incident}
    got: dict[str, set[str]] = defaultdict(set)
    for document, holder in resolved.items():
        got[holder].add(document)
    holders = {resolved[d] for d in documents}
    assert len(holders) == 1, {h: sorted(got[h] & documents) for h in holders}
    [holder] = holders
    assert got[holder] == documents, sorted(got[holder] - documents)


def test_documents_of_no_incident_join_none_of_the_key_incidents(
    resolved: dict[str, str],
) -> None:
    incident_of = {e["key"]: e["incident"] for e in KEY["document"]}
    held = {resolved[d] for d, i in incident_of.items() if i != NO_INCIDENT}
    strays = [d for d, i in incident_of.items() if i == NO_INCIDENT and resolved[d] in held]
    assert strays == []


def test_a_rebuild_regroups_the_corpus_as_the_incremental_run_did(
    resolved: dict[str, str], corpus_store: Store
) -> None:
    again = run_resolve(corpus_store, rebuild=True, clock=FrozenClock())
    assert again.changed == 0 and again.retired == 0
    # The explosion post and the missing-boat post start an incident of their own; the
    # relative's post that fits it and the strike merges the two.
    assert again.merged == 1
