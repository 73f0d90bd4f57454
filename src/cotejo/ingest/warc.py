"""WARC and WARC.gz reader: each HTML `response` record becomes a document via the HTML reader.

The record's target URI and WARC-Date become the document's URL and retrieved_at. A file
that is truncated or corrupt keeps every record read before the break.
"""

from __future__ import annotations

import dataclasses
import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from cotejo.ingest import html
from cotejo.ingest.dates import parse_datetime
from cotejo.ingest.document import Document, ReadFailure, ReadResult, Skipped

NAME = "warc"
VERSION = "1+warcio-1.8"
_TRUNCATED = "the records before this point were kept; re-capture or re-download the WARC"


def _gzip_cut_at(data: bytes) -> int | None:
    """Byte offset where a gzip stream (of any number of members) ends early, else None."""
    position = 0
    while position < len(data):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not inflater.eof and position < len(data):
                inflater.decompress(data[position : position + 65536], 1 << 20)
                while inflater.unconsumed_tail:
                    inflater.decompress(inflater.unconsumed_tail, 1 << 20)
                position += 65536
        except zlib.error:
            return position
        if not inflater.eof:
            return len(data)
        position = len(data) - len(inflater.unused_data)
        if inflater.unused_data.strip(b"\x00") == b"":
            return None
    return None


def read(data: bytes, name: str) -> Iterator[ReadResult]:
    gzip_cut = _gzip_cut_at(data) if data[:2] == b"\x1f\x8b" else None
    if gzip_cut is not None:
        yield ReadFailure(
            name,
            f"byte {gzip_cut}",
            "the gzip stream ends early or is corrupt (the file is truncated)",
            _TRUNCATED,
        )
    records = ArchiveIterator(io.BytesIO(data))
    count, last_good_end = 0, 0
    while True:
        try:
            record = next(records)
            # warcio reads the body lazily: read every record's body (not only responses)
            # before asking for its offset or checking what Content-Length still owes.
            payload = record.content_stream().read()
            owed = record.raw_stream.limit  # bytes still owed by Content-Length
            offset = records.get_record_offset()
        except StopIteration:
            if data[:2] != b"\x1f\x8b" and data[last_good_end:].strip():
                yield ReadFailure(
                    name,
                    f"after record {count} (byte {last_good_end})",
                    f"{len(data) - last_good_end} trailing bytes do not form a complete record",
                    _TRUNCATED,
                )
            return
        except Exception as err:  # noqa: BLE001 - warcio raises many types on corrupt input
            if gzip_cut is not None:
                return  # the same break, already reported with its byte offset
            yield ReadFailure(
                name,
                f"after record {count} (byte {last_good_end})",
                f"the WARC is truncated or corrupt: {type(err).__name__}: {err}",
                _TRUNCATED,
            )
            return
        count += 1
        position = f"record {count} at byte {offset}"
        # A header block cut inside "Content-Length:" parses as a complete empty record.
        declared = record.rec_headers.get_header("Content-Length") or ""
        if owed or not declared.strip().isdigit():
            if gzip_cut is not None:
                return
            yield ReadFailure(name, position, "the record is cut off before its end", _TRUNCATED)
            return
        last_good_end = offset + (records.get_record_length() or 0)
        if record.rec_type != "response":
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI")
        content_type = (
            record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
        )
        if "html" not in content_type.lower():
            yield Skipped(name, position, f"response for {uri} is {content_type or 'not HTTP'}")
            continue
        retrieved = parse_datetime(record.rec_headers.get_header("WARC-Date"))
        for item in html.read(payload, f"{name} ({position})", url=uri, retrieved_at=retrieved):
            if isinstance(item, Document):
                yield dataclasses.replace(
                    item,
                    reader=NAME,
                    reader_version=f"{VERSION}+{html.VERSION}",
                    locator=f"{position}: {uri}",
                )
            else:
                yield item
