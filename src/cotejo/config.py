"""Where cotejo keeps its data and the limits it applies, resolved once per command.

The home folder holds the SQLite database (`cotejo.db`) and the evidence archive
(`archive/`). It comes from `--home`, else `COTEJO_HOME`, else `./cotejo-data`. Whether the
API serves reads to anyone or only to signed-in users comes from `COTEJO_READ_ACCESS`; the
key that signs the API's CSRF tokens from `COTEJO_SECRET_KEY` (never from a file in the
repository; `cotejo serve` makes a throwaway one, with a warning, when it is unset). Who
publishes the exports and where the UI is served (ClaimReview's author and URLs) come from
`COTEJO_PUBLISHER` and `COTEJO_PUBLIC_URL`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cotejo.errors import ConfigError

DEFAULT_HOME = Path("cotejo-data")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
READ_ACCESS = ("public", "private")
MIN_SECRET_KEY = 32
DEFAULT_PUBLISHER = "cotejo"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default=DEFAULT_HOME, metadata={"help": "data folder: database + archive"})
    max_bytes: int = field(
        default=DEFAULT_MAX_BYTES, metadata={"help": "largest input file ingest will read"}
    )
    database_url: str | None = field(
        default=None, metadata={"help": "SQLAlchemy URL; default sqlite:///HOME/cotejo.db"}
    )
    read_access: str = field(
        default="public",
        metadata={"help": "API reads: public (anyone) or private (signed-in users only)"},
    )
    publisher: str = field(
        default=DEFAULT_PUBLISHER,
        metadata={"help": "the organisation publishing exports: ClaimReview's author"},
    )
    public_url: str = field(
        default=DEFAULT_PUBLIC_URL,
        metadata={"help": "where the web UI is served: exports link incidents under it"},
    )

    secret_key: str | None = field(
        default=None,
        repr=False,
        metadata={"help": "signs the API's CSRF tokens; 32+ characters, from the environment"},
    )

    @property
    def archive_dir(self) -> Path:
        return self.home / "archive"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.home / 'cotejo.db').resolve()}"


def parse_size(value: str) -> int:
    """'50M' -> 52428800. Accepts plain bytes or a K/M/G suffix."""
    text = value.strip().upper().removesuffix("B")
    factor = 1
    for suffix, mult in (("K", 1024), ("M", 1024**2), ("G", 1024**3)):
        if text.endswith(suffix):
            text, factor = text[:-1], mult
            break
    try:
        size = int(float(text) * factor)
    except ValueError:
        raise ConfigError(
            f"size {value!r} is not a number", "give bytes or a size such as 500K, 50M, 2G"
        ) from None
    if size <= 0:
        raise ConfigError(f"size {value!r} must be positive", "give a size such as 50M")
    return size


def resolve_settings(
    home: str | os.PathLike[str] | None = None,
    max_bytes: str | int | None = None,
    env: dict[str, str] | None = None,
) -> Settings:
    env = dict(os.environ) if env is None else env
    home_path = Path(home) if home else Path(env.get("COTEJO_HOME") or DEFAULT_HOME)
    if max_bytes is None:
        max_bytes = env.get("COTEJO_MAX_BYTES") or DEFAULT_MAX_BYTES
    limit = parse_size(max_bytes) if isinstance(max_bytes, str) else int(max_bytes)
    read_access = (env.get("COTEJO_READ_ACCESS") or "public").strip().lower()
    if read_access not in READ_ACCESS:
        raise ConfigError(
            f"COTEJO_READ_ACCESS={env['COTEJO_READ_ACCESS']!r} is not a read access setting",
            "set it to public (anyone may read) or private (reads need a signed-in user)",
        )
    secret_key = env.get("COTEJO_SECRET_KEY") or None
    if secret_key is not None and len(secret_key) < MIN_SECRET_KEY:
        raise ConfigError(
            f"COTEJO_SECRET_KEY has {len(secret_key)} characters; it needs {MIN_SECRET_KEY}+",
            "make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(48))'",
        )
    return Settings(
        home=home_path,
        secret_key=secret_key,
        max_bytes=limit,
        database_url=env.get("COTEJO_DATABASE_URL") or None,
        read_access=read_access,
        publisher=(env.get("COTEJO_PUBLISHER") or "").strip() or DEFAULT_PUBLISHER,
        public_url=parse_public_url(env.get("COTEJO_PUBLIC_URL") or DEFAULT_PUBLIC_URL),
    )


def parse_public_url(value: str) -> str:
    """'https://example.org/cotejo/' -> 'https://example.org/cotejo' (an http(s) URL)."""
    url = value.strip().rstrip("/")
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or any(c.isspace() for c in url):
        raise ConfigError(
            f"COTEJO_PUBLIC_URL={value!r} is not an http(s) URL",
            "set it to where the web UI is served, e.g. https://cotejo.example.org",
        )
    return url
