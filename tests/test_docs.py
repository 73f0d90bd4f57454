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


def test_every_api_route_is_in_the_readme() -> None:
    from cotejo.api.app import ROUTERS

    routes = {
        f"`{method} {route.path_format}`"
        for router in ROUTERS
        for route in router.routes
        for method in route.methods
        if method != "HEAD"
    }
    missing = sorted(route for route in routes if route not in README)
    assert missing == []


def test_every_export_format_and_csv_column_is_in_the_readme() -> None:
    from cotejo.export import EXPORTERS
    from cotejo.export.csv_acled import COLUMNS

    assert f"--format {'|'.join(EXPORTERS)}" in README
    missing = [column for column in COLUMNS if f"`{column}`" not in README]
    assert missing == []
