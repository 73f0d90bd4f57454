"""The `cotejo` command: help everywhere, where data lives, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cotejo.cli import cli
from cotejo.testing import command_paths, run_cli

COMMANDS = [" ".join(path) for path, _ in command_paths()]


def test_the_commands_of_this_release_exist() -> None:
    assert {"ingest", "verify", "status", "demo", "resolve", "incidents merge"} <= set(COMMANDS)
    assert {"assess", "show", "history", "review regrade", "users add"} <= set(COMMANDS)
    assert {"serve", "export", "search", "reindex"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(command: str) -> None:
    result = run_cli([*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage: cotejo" in result.output or "Usage: cli" in result.output
    assert len(result.output.splitlines()) > 4


def _one_doc(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "note.md").write_text("# Note\n\nThe ministry said three people were killed.\n")
    return folder


def test_home_option_decides_where_data_lives(tmp_path: Path) -> None:
    home = tmp_path / "chosen"
    result = run_cli(["--home", str(home), "ingest", str(_one_doc(tmp_path / "in"))])
    assert result.exit_code == 0, result.output
    assert (home / "cotejo.db").is_file()
    assert list((home / "archive" / "sha256").glob("*/*/*"))


def test_cotejo_home_environment_variable_is_honoured(tmp_path: Path) -> None:
    home = tmp_path / "from-env"
    result = run_cli(["ingest", str(_one_doc(tmp_path / "in"))], env={"COTEJO_HOME": str(home)})
    assert result.exit_code == 0, result.output
    status = run_cli(["status", "--json"], env={"COTEJO_HOME": str(home)})
    assert json.loads(status.output)["documents"] == 1


def test_default_home_is_cotejo_data_in_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COTEJO_HOME", raising=False)
    result = run_cli(["ingest", str(_one_doc(tmp_path / "in"))])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cotejo-data" / "cotejo.db").is_file()


def test_ingest_prints_counts_and_exits_zero_when_all_is_well(tmp_path: Path) -> None:
    result = run_cli(
        ["--home", str(tmp_path / "h"), "ingest", "--json", str(_one_doc(tmp_path / "in"))]
    )
    summary = json.loads(result.output)
    assert result.exit_code == 0
    assert (summary["new_documents"], summary["duplicates"], summary["failed"]) == (1, 0, 0)
    assert summary["by_format"] == {"text": 1}


def test_status_and_verify_on_a_missing_home_say_what_to_do(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cotejo.errors import StoreError

    with pytest.raises(StoreError, match="no cotejo data") as raised:
        CliRunner().invoke(
            cli, ["--home", str(tmp_path / "nothing"), "status"], catch_exceptions=False
        )
    assert "cotejo ingest" in raised.value.hint


def test_a_missing_input_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    result = run_cli(["--home", str(tmp_path / "h"), "ingest", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_max_bytes_rejects_nonsense_with_a_hint(tmp_path: Path) -> None:
    from cotejo.errors import ConfigError

    with pytest.raises(ConfigError, match="not a number"):
        run_cli(["--home", str(tmp_path / "h"), "ingest", "--max-bytes", "lots", str(tmp_path)])


def test_demo_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path) -> None:
    from cotejo.errors import CotejoError

    home = tmp_path / "precious"
    home.mkdir()
    (home / "keep.txt").write_text("analyst notes")
    with pytest.raises(CotejoError, match="not made by `cotejo demo`"):
        run_cli(["--home", str(home), "demo", "--corpus", str(_one_doc(tmp_path / "in"))])
    assert (home / "keep.txt").read_text() == "analyst notes"
