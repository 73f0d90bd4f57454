"""Helpers for tests of cotejo and of code built on it: a frozen clock, a throwaway store,
small input builders (WARC, Telegram export), and a CLI runner.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from cotejo.config import Settings, resolve_settings
from cotejo.store.db import Store


@dataclass
class FrozenClock:
    """Returns `now`, advancing by `step` on each call so event times stay ordered."""

    now: datetime = field(default_factory=lambda: datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    step: timedelta = timedelta(milliseconds=1)

    def __call__(self) -> datetime:
        current = self.now
        self.now = current + self.step
        return current


def make_settings(home: Path, max_bytes: int | None = None) -> Settings:
    return resolve_settings(home=home, max_bytes=max_bytes, env={})


def make_store(home: Path, max_bytes: int | None = None) -> Store:
    return Store(make_settings(home, max_bytes))


def run_cli(args: Sequence[str], env: dict[str, str] | None = None) -> Result:
    """Invoke `cotejo` in-process; the result has `.exit_code` and `.output`."""
    from cotejo.cli import cli

    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def warc_bytes(pages: Sequence[tuple[str, str]], gzip: bool = True) -> bytes:
    """A WARC holding one HTML response record per (url, html) pair, plus a PNG response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    records = [(url, page.encode("utf-8"), "text/html; charset=utf-8") for url, page in pages]
    records.append(("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"))
    for url, payload, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-10-23T08:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def telegram_export(messages: list[dict[str, Any]], name: str | None = "Canal de prueba") -> bytes:
    export: dict[str, Any] = {"type": "public_channel", "id": 1234567890, "messages": messages}
    if name is not None:
        export["name"] = name
    return json.dumps(export, ensure_ascii=False, indent=1).encode("utf-8")


def html_page(
    title: str, body: str, site: str = "Test Outlet", published: str = "2025-10-14T18:00:00Z"
) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© Test Outlet</footer></body></html>"
    )


def command_paths(
    group: Any = None, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], Any]]:
    """Every command of the `cotejo` tree with its path: ("ingest",), ("incidents", "merge")."""
    import click

    from cotejo.cli import cli

    group = group or cli
    found: list[tuple[tuple[str, ...], Any]] = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append((path, command))
        if isinstance(command, click.Group):
            found += command_paths(command, path)
    return found
