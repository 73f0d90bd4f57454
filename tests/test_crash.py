"""Crash safety: SIGKILL an ingest part-way, run it again, and nothing is lost or doubled."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cotejo.testing import run_cli

FILES = 1200


def _documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not there yet
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_ingests_every_file_exactly_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for i in range(FILES):
        folder = corpus / f"batch{i // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"report{i:04d}.txt").write_text(
            f"---\ntitle: Report {i}\nsource: Outlet {i % 7}\n---\n"
            f"Report number {i}: police say {i % 13} people were detained in district {i}.\n",
            encoding="utf-8",
        )
    home = tmp_path / "home"
    command = [sys.executable, "-m", "cotejo.cli", "--home", str(home), "ingest", str(corpus)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _documents(home / "cotejo.db") < 150 and time.monotonic() < deadline:
        assert process.poll() is None, "ingest finished before it could be killed"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = _documents(home / "cotejo.db")
    assert 0 < done_before < FILES, f"kill landed outside the run ({done_before} documents)"

    rerun = run_cli(["--home", str(home), "ingest", str(corpus)])
    assert rerun.exit_code == 0, rerun.output

    with sqlite3.connect(home / "cotejo.db") as conn:
        stored = {row[0] for row in conn.execute("SELECT sha256 FROM documents")}
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        uncaptured = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM captures c WHERE c.document_sha256 = d.sha256)"
        ).fetchone()[0]
    expected = {hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.rglob("*.txt")}
    assert documents == FILES
    assert stored == expected
    assert uncaptured == 0

    archive = home / "archive"
    assert list((archive / "tmp").glob("*")) == []
    archived = {p.name for p in (archive / "sha256").glob("*/*/*")}
    assert archived == expected  # no partial and no orphan file

    verified = run_cli(["--home", str(home), "verify"])
    assert verified.exit_code == 0, verified.output
    assert "verify OK" in verified.output
