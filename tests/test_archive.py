"""The evidence archive: content addressing, captures of identical bytes, atomic writes, verify."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cotejo.archive.blobs import BlobStore, sha256_of
from cotejo.archive.verify import verify
from cotejo.pipeline import Ingester
from cotejo.store import models as m
from cotejo.testing import FrozenClock, html_page


def _count(store, model) -> int:
    with store.session() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.html").write_text(
        html_page("Boat strike", "Three people were killed when a boat was struck off Güiria."),
        encoding="utf-8",
    )
    lines = [
        {"text": "Police say one man was killed in Aurora on Aug. 18.", "source": "Aurora PD"},
        {
            "text": "Cinco pescadores murieron frente a Güiria, dijo la asociación.",
            "source": "Radio Paria",
        },
    ]
    (folder / "b.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )
    return folder


def test_layout_is_sharded_by_sha256_and_files_are_read_only(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "archive")
    sha, written = blobs.put(b"original bytes")
    assert sha == sha256_of(b"original bytes")
    assert written
    path = tmp_path / "archive" / "sha256" / sha[:2] / sha[2:4] / sha
    assert path.read_bytes() == b"original bytes"
    assert path.stat().st_mode & 0o222 == 0
    assert blobs.put(b"original bytes") == (sha, False)
    assert blobs.leftovers() == []


def test_reingesting_identical_bytes_adds_captures_not_documents(store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in")
    first = Ingester(store, clock=FrozenClock()).run([folder])
    assert (first.new_documents, first.duplicates, len(first.failures)) == (3, 0, 0)
    second = Ingester(store, clock=FrozenClock()).run([folder])
    assert (second.new_documents, second.duplicates, len(second.failures)) == (0, 3, 0)
    assert _count(store, m.Document) == 3
    assert _count(store, m.Capture) == 6
    # html file + jsonl container + 2 jsonl lines
    assert _count(store, m.Blob) == 4


def test_a_copy_under_another_name_is_a_new_capture_with_its_own_provenance(
    store, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path / "in")
    (folder / "copy.html").write_bytes((folder / "a.html").read_bytes())
    summary = Ingester(store, clock=FrozenClock()).run([folder])
    assert (summary.new_documents, summary.duplicates) == (3, 1)
    with store.session() as session:
        names = session.scalars(
            select(m.Capture.original_name).where(m.Capture.reader == "html").order_by(m.Capture.id)
        ).all()
        capture = session.scalars(select(m.Capture).where(m.Capture.reader == "html")).first()
        assert capture is not None
        assert capture.sha256 == sha256_of((folder / "a.html").read_bytes())
        assert capture.size == len((folder / "a.html").read_bytes())
        assert capture.reader_version and capture.retrieved_at and capture.ingested_at
        assert capture.retrieved_at_basis == "file-mtime"
    assert [Path(n).name for n in names] == ["a.html", "copy.html"]


def test_verify_passes_on_a_clean_store(store, tmp_path: Path) -> None:
    Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    with store.session() as session:
        report = verify(session, BlobStore(store.settings.archive_dir))
    assert report.ok, report.problems
    assert report.files_checked == 4
    assert report.events_checked == 3


def _tamper_blob(store) -> str:
    with store.session() as session:
        sha = session.scalars(select(m.Document.sha256).where(m.Document.reader == "html")).one()
    path = BlobStore(store.settings.archive_dir).path_for(sha)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes().replace(b"Three", b"Two"))
    return sha


def test_verify_reports_an_edited_archive_file_with_its_document(store, tmp_path: Path) -> None:
    Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    sha = _tamper_blob(store)
    with store.session() as session:
        report = verify(session, BlobStore(store.settings.archive_dir))
    assert not report.ok
    assert len(report.problems) == 1
    problem = str(report.problems[0])
    assert sha in problem and "content changed" in problem and "Boat strike" in problem


def test_verify_reports_every_missing_file(store, tmp_path: Path) -> None:
    Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    blobs = BlobStore(store.settings.archive_dir)
    with store.session() as session:
        shas = session.scalars(select(m.Document.sha256).where(m.Document.reader == "jsonl")).all()
    for sha in shas:
        blobs.path_for(sha).unlink()
    with store.session() as session:
        report = verify(session, blobs)
    assert sorted(p.message for p in report.problems) == ["archived file is missing"] * 2


def test_verify_catches_an_event_edited_directly_in_the_database(store, tmp_path: Path) -> None:
    Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    db = sqlite3.connect(store.settings.home / "cotejo.db")
    db.execute(
        "UPDATE events SET payload = replace(payload, 'Aurora PD', 'Someone else') WHERE seq = 2"
    )
    db.commit()
    db.close()
    with store.session() as session:
        report = verify(session, BlobStore(store.settings.archive_dir))
    assert [(p.kind, p.subject) for p in report.problems] == [("chain", "event 2")]


def test_verify_catches_a_deleted_event(store, tmp_path: Path) -> None:
    Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    db = sqlite3.connect(store.settings.home / "cotejo.db")
    db.execute("DELETE FROM events WHERE seq = 2")
    db.commit()
    db.close()
    with store.session() as session:
        report = verify(session, BlobStore(store.settings.archive_dir))
    assert {p.subject for p in report.problems} == {"event 3"}


def test_verify_reports_a_planted_file_as_unrecorded(store, tmp_path: Path) -> None:
    Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    blobs = BlobStore(store.settings.archive_dir)
    blobs.put(b"bytes nobody ingested")
    with store.session() as session:
        report = verify(session, blobs)
    assert len(report.problems) == 1 and "has no record" in report.problems[0].message


def test_an_interrupted_write_leaves_only_a_temp_file_that_the_next_ingest_sweeps(
    store, tmp_path: Path
) -> None:
    blobs = BlobStore(store.settings.archive_dir)
    blobs.tmp.mkdir(parents=True)
    (blobs.tmp / "deadbeef.partial").write_bytes(b"half a fi")
    summary = Ingester(store, clock=FrozenClock()).run([_corpus(tmp_path / "in")])
    assert blobs.leftovers() == []
    assert summary.notes == ["removed 1 temp file(s) left by an interrupted ingest"]


def test_running_one_ingester_twice_reads_each_registry_once(store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in")
    (folder / "cotejo-sources.toml").write_text(
        '[[source]]\nname = "Aurora PD"\nkind = "official"\n', encoding="utf-8"
    )
    ingester = Ingester(store, clock=FrozenClock())
    ingester.run([folder])
    ingester.run([folder])
    assert [e.name for e in ingester.registry.entries] == ["Aurora PD"]


def test_a_failed_archive_write_rolls_back_and_the_next_run_still_works(
    store, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("---\nsource: Brand New Outlet\n---\nThree were killed.\n")
    ingester = Ingester(store, clock=FrozenClock())

    def broken_put(self, data: bytes, sha256: str | None = None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BlobStore, "put", broken_put)
    with pytest.raises(OSError, match="No space left"):
        ingester.run([folder])
    monkeypatch.undo()
    assert _count(store, m.Source) == 0  # the source row rolled back with its file
    summary = ingester.run([folder])
    assert (summary.new_documents, len(summary.failures)) == (1, 0)
    assert _count(store, m.Source) == 1
