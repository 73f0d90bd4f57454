"""The README keeps up with the code: every command and option is documented."""

from __future__ import annotations

import click

from conftest import REPO
from cotejo.testing import command_paths

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme() -> None:
    missing = [path for path, _ in command_paths() if f"cotejo {' '.join(path)}" not in README]
    assert missing == []


def test_every_cli_option_is_in_the_readme() -> None:
    missing = []
    for name, command in command_paths():
        for param in command.params:
            if isinstance(param, click.Option):
                for flag in param.opts + param.secondary_opts:
                    if flag.startswith("--") and flag not in ("--help",) and flag not in README:
                        missing.append(f"{name} {flag}")
    assert missing == []


def test_the_two_setup_commands_are_in_the_readme() -> None:
    assert "make demo" in README and "make test" in README
