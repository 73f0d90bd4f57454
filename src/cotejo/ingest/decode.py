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


def _detect(data: bytes) -> tuple[str, str] | None:
    matches = from_bytes(data)
    best = matches.best()
    if best is None or not best.encoding:
        return None
    # charset_normalizer scores windows-1250 and windows-1252 alike on Spanish text and
    # picks 1250, turning "señora" into "seńora". cotejo reads English and Spanish, so a
    # tie, or a decoding that reads the same, goes to windows-1252.
    for match in matches:
        if match.encoding == "cp1252" and (match.chaos, -match.coherence) <= (
            best.chaos,
            -best.coherence,
        ):
            return str(match), "cp1252"
    try:
        if data.decode("cp1252") == str(best):
            return str(best), "cp1252"
    except UnicodeDecodeError:
        pass
    return str(best), _normalise(best.encoding)


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
    detected = _detect(data)
    if detected is not None:
        text, encoding = detected
        return Decoded(text, encoding, f"{problem}; detected {encoding}")
    return Decoded(
        data.decode("utf-8", errors="replace"),
        "utf-8",
        f"{problem}; could not detect the encoding, undecodable bytes replaced with U+FFFD",
    )
