"""The ingest progress bar draws on a terminal and stays quiet when output is piped."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def _corpus(folder: Path, files: int = 40) -> Path:
    folder.mkdir()
    for i in range(files):
        (folder / f"r{i:03d}.txt").write_text(f"Report {i}: police say {i} people were detained.\n")
    return folder


def _command(tmp_path: Path, folder: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cotejo.cli",
        "--home",
        str(tmp_path / "h"),
        "ingest",
        str(folder),
    ]


def test_piped_output_has_no_progress_bar(tmp_path: Path) -> None:
    done = subprocess.run(
        _command(tmp_path, _corpus(tmp_path / "in")), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("ingested 40 new document(s) from 40 file(s)")


def test_a_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen(
        _command(tmp_path, _corpus(tmp_path / "in")),
        stdout=secondary,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    text = output.decode("utf-8", errors="replace")
    assert "ingest" in text and "/40" in text  # rich's "done/total" column
