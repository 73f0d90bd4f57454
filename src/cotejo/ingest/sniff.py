"""Choose a reader by content first, by file name second.

Content wins where it is unambiguous (a `.txt` that is really a WARC is read as a WARC);
the extension decides the rest, so a `.rss` file that is not XML gets the feed reader's
error rather than being read as prose.
"""

from __future__ import annotations

import codecs
import zlib

from cotejo.ingest.decode import looks_binary
from cotejo.ingest.document import ReadFailure, Skipped

MEDIA_SUFFIXES = frozenset(
    ".jpg .jpeg .png .gif .webp .bmp .tif .tiff .svg .ico .mp4 .mov .webm .mkv .avi .mp3 .ogg "
    ".oga .opus .wav .m4a .pdf .zip .tgz .7z .rar .tgs .exe .dll .so".split()
)
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 64)
    except zlib.error:
        return b""


def choose(data: bytes, name: str) -> str | ReadFailure | Skipped:
    """Return the reader's name, or why the file is not read."""
    lower = name.lower()
    suffix = "." + lower.rsplit(".", 1)[-1] if "." in lower.rsplit("/", 1)[-1] else ""
    if data[:2] == b"\x1f\x8b":
        if _gunzip_head(data).startswith(b"WARC/") or lower.endswith(".warc.gz"):
            return "warc"
        return ReadFailure(
            name,
            "byte 0",
            "gzip file that does not contain a WARC",
            "unpack it and ingest its files",
        )
    if data.startswith(b"WARC/") or lower.endswith((".warc", ".warc.gz")):
        return "warc"
    if suffix in MEDIA_SUFFIXES:
        return Skipped(name, "", f"media file ({suffix}) is not a text format cotejo reads")
    if looks_binary(data):
        return ReadFailure(
            name,
            f"bytes 0-{min(len(data), 8192)}",
            "binary data, not text",
            "cotejo reads HTML, text, Markdown, RSS/Atom, JSON Lines, Telegram JSON and WARC",
        )
    head = data[:4096].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith(b"{") or suffix in (".json", ".jsonl", ".ndjson"):
        first_line = data.lstrip().split(b"\n", 1)[0].rstrip()
        telegram_like = b'"messages"' in data[:262144] and not first_line.endswith(b"}")
        if suffix == ".json" or lower.endswith("result.json") or telegram_like:
            return "telegram"
        return "jsonl"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if suffix in FEED_SUFFIXES and b"<html" not in head:
        return "feed"
    if head.startswith(b"<!doctype html") or b"<html" in head or suffix in HTML_SUFFIXES:
        return "html"
    return "text"
