"""Bytes to text: honour a declared charset, else UTF-8, else detect; always say what was done."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None  # set when the encoding was not what the file declared or implied


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """NUL bytes or many control characters in the first bytes mean this is not text."""
    head = data[:sample]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def _normalise(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def decode(data: bytes, declared: str | None = None) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(name, errors="replace"), name, None)
    problem = None
    if declared:
        try:
            return Decoded(data.decode(_normalise(declared)), _normalise(declared), None)
        except (UnicodeDecodeError, LookupError):
            problem = f"declared charset {declared!r} does not match the bytes"
    else:
        try:
            return Decoded(data.decode("utf-8"), "utf-8", None)
        except UnicodeDecodeError:
            problem = "no charset declared and the bytes are not UTF-8"
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = _normalise(best.encoding)
        return Decoded(str(best), encoding, f"{problem}; detected {encoding}")
    return Decoded(
        data.decode("utf-8", errors="replace"),
        "utf-8",
        f"{problem}; could not detect the encoding, undecodable bytes replaced with U+FFFD",
    )
