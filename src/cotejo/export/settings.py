"""What an export needs to know beyond the records: who publishes it and where incidents are
seen (ClaimReview's author and URLs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from cotejo.config import DEFAULT_PUBLIC_URL, DEFAULT_PUBLISHER


@dataclass(frozen=True)
class ExportOptions:
    publisher: str = field(
        default=DEFAULT_PUBLISHER, metadata={"help": "the organisation publishing the export"}
    )
    public_url: str = field(
        default=DEFAULT_PUBLIC_URL,
        metadata={"help": "where the web UI is served, without a trailing slash"},
    )

    def incident_url(self, key: str) -> str:
        return f"{self.public_url}/incident?key={quote(key, safe='')}"


def web_url(url: str | None) -> str | None:
    """A source's URL if it is a web address, else None: it is untrusted (javascript:, data:),
    and exports are read by tools that make links of URLs."""
    if url and "://" in url and url.split(":", 1)[0].lower() in ("http", "https"):
        return url
    return None
