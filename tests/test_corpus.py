"""The bundled fictional corpus ingests cleanly and matches its answer key; the broken
corpus fails exactly where its README says, and keeps everything good."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import CORPUS, CORPUS_BAD, KEY, key_document
from cotejo.pipeline import Ingester
from cotejo.store import models as m
from cotejo.testing import FrozenClock, make_store


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    store = make_store(tmp_path_factory.mktemp("corpus") / "home")
    summary = Ingester(store, clock=FrozenClock()).run([CORPUS])
    with store.session() as session:
        rows = session.execute(
            select(m.Capture.original_name, m.Capture.locator, m.Document, m.Source)
            .join(m.Document, m.Capture.document_sha256 == m.Document.sha256)
            .join(m.Source, m.Document.source_id == m.Source.id)
        ).all()
    yield summary, rows
    store.close()


def _find(rows, entry: dict) -> tuple:
    return key_document(((n, loc, doc.url, (doc, src)) for n, loc, doc, src in rows), entry)


def test_the_corpus_is_ingested_without_a_failure(ingested) -> None:
    summary, _ = ingested
    assert [str(f) for f in summary.failures] == []
    assert summary.new_documents == KEY["corpus"]["documents"] >= 40
    assert summary.duplicates == 0


def test_every_format_and_both_languages_are_present(ingested) -> None:
    summary, _ = ingested
    assert set(summary.by_format) == {"html", "text", "feed", "jsonl", "telegram", "warc"}
    assert dict(summary.by_language) == KEY["corpus"]["by_language"]


def test_each_document_has_the_language_and_source_kind_in_the_key(ingested) -> None:
    _, rows = ingested
    for entry in KEY["document"]:
        doc, source = _find(rows, entry)
        assert doc.language == entry["language"], entry["key"]
        assert source.kind == entry["source_kind"], entry["key"]
        assert source.name == entry["source"], entry["key"]


def test_the_wire_reprints_form_one_group_and_nothing_else_joins_it(ingested) -> None:
    _, rows = ingested
    expected: dict[str, set[int | None]] = {}
    for entry in KEY["document"]:
        doc, _ = _find(rows, entry)
        expected.setdefault(entry.get("near_duplicate_group", ""), set()).add(
            doc.near_duplicate_group_id
        )
    for label, groups in expected.items():
        if label:
            assert len(groups) == 1 and None not in groups, label
    grouped = [g for label, gs in expected.items() if label for g in gs]
    ungrouped = expected.get("", set()) - {None}
    assert not ungrouped & set(grouped)
    sizes = Counter(
        doc.near_duplicate_group_id for _, _, doc, _ in rows if doc.near_duplicate_group_id
    )
    assert sorted(sizes.values()) == sorted(
        sum(1 for e in KEY["document"] if e.get("near_duplicate_group") == g["id"])
        for g in KEY["near_duplicate_group"]
    )


def test_the_broken_corpus_fails_where_expected_and_keeps_the_good(tmp_path: Path) -> None:
    store = make_store(tmp_path / "home")
    summary = Ingester(store, clock=FrozenClock()).run([CORPUS_BAD])
    store.close()
    failed = Counter(
        Path(f.file.split(" (")[0]).relative_to(CORPUS_BAD).as_posix() for f in summary.failures
    )
    assert failed == {
        "empty-body.html": 1,
        "bad-line.jsonl": 1,
        "no-text.jsonl": 1,
        "truncated.warc.gz": 1,
        "truncated.warc": 1,
        "not-a-feed.rss": 1,
        "truncated-feed.xml": 1,
        "empty.txt": 1,
        "whitespace.md": 1,
        "binary.txt": 1,
        "escape-link.txt": 1,
        "telegram/result.json": 3,
        "telegram-invalid/result.json": 1,
    }
    # good.html, good.md, malformed.html, latin1.txt, wrong-charset.html, 3 + 2 JSONL lines,
    # 1 record from each truncated WARC, 2 feed entries, 2 Telegram messages; some of these
    # are byte-identical across files (the same page in both WARCs), so count captures.
    assert summary.new_documents + summary.duplicates == 16
    assert all(f.hint for f in summary.failures)
