"""The publish commands of the CLI: search, reindex, serve (export is in test_export.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import copy_home
from cotejo.testing import run_cli

pytestmark = pytest.mark.slow


def test_search_prints_matching_documents(published_home: Path) -> None:
    result = run_cli(["--home", str(published_home), "search", "guiria", "pescadores", "--json"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert hits and all(len(h["sha256"]) == 64 for h in hits)
    assert any("[" in h["snippet"] for h in hits)  # hits are marked
    none = run_cli(["--home", str(published_home), "search", "zzzyzzx"])
    assert "no document matches" in none.output


def test_reindex_rebuilds_the_full_text_index(published_home: Path, tmp_path: Path) -> None:
    home = copy_home(published_home, tmp_path / "home")  # the shared store stays read-only
    result = run_cli(["--home", str(home), "reindex"])
    assert result.exit_code == 0, result.output
    assert "60 of 60" in result.output
    again = run_cli(["--home", str(home), "search", "Maracaibo", "--json"])
    assert len(again.output.splitlines()) == 1


def test_serve_runs_uvicorn_on_the_address_given(published_home: Path, monkeypatch) -> None:
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(app=app, **options))
    monkeypatch.delenv("COTEJO_HOME", raising=False)
    monkeypatch.delenv("COTEJO_SECRET_KEY", raising=False)
    result = run_cli(["--home", str(published_home), "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "at http://127.0.0.1:8123" in result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123 and seen["factory"] is True
    import os

    assert os.environ["COTEJO_HOME"] == str(published_home.resolve())
    # No key set: one throwaway key, shared by every worker through the environment.
    assert "COTEJO_SECRET_KEY is not set" in result.output
    assert len(os.environ["COTEJO_SECRET_KEY"]) >= 32
    monkeypatch.delenv("COTEJO_HOME")
    monkeypatch.delenv("COTEJO_SECRET_KEY")


def test_serve_on_a_missing_home_says_what_to_do(tmp_path: Path) -> None:
    import subprocess
    import sys

    process = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cotejo.cli import main; main()",
            "--home",
            str(tmp_path / "none"),
            "serve",
        ],
        capture_output=True,
        text=True,
    )
    assert process.returncode != 0 and "cotejo ingest" in process.stderr
