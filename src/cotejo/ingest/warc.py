"""WARC and WARC.gz reader: each HTML `response` record becomes a document via the HTML reader.

The record's target URI and WARC-Date become the document's URL and retrieved_at. A file
that is truncated or corrupt keeps every record read before the break.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import warcio
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from cotejo.ingest import html
from cotejo.ingest.dates import parse_datetime
from cotejo.ingest.document import Document, ReadFailure, ReadResult, Skipped

NAME = "warc"
VERSION = f"1+warcio-{getattr(warcio, '__version__', '1.8')}"
_TRUNCATED = "the records before this point were kept; re-capture or re-download the WARC"


def read(data: bytes, name: str) -> Iterator[ReadResult]:
    stream = io.BytesIO(data)
    records = ArchiveIterator(stream)
    count = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
            yield ReadFailure(
                name,
                f"after record {count}, byte {records.get_record_offset() or stream.tell()}",
                f"the WARC is truncated or corrupt: {err}",
                _TRUNCATED,
            )
            return
        count += 1
        offset = records.get_record_offset()
        position = f"record {count} at byte {offset}"
        if record.rec_type != "response":
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI")
        content_type = (
            record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
        )
        if "html" not in content_type.lower():
            yield Skipped(name, position, f"response for {uri} is {content_type or 'not HTTP'}")
            continue
        try:
            payload = record.content_stream().read()
        except (EOFError, OSError, ValueError) as err:
            yield ReadFailure(name, position, f"record body unreadable: {err}", _TRUNCATED)
            return
        if record.raw_stream.limit:  # bytes still owed by Content-Length: body was cut off
            yield ReadFailure(
                name, position, f"record for {uri} is truncated", _TRUNCATED
            )
            return
        retrieved = parse_datetime(record.rec_headers.get_header("WARC-Date"))
        for item in html.read(payload, f"{name} ({position})", url=uri, retrieved_at=retrieved):
            if isinstance(item, Document):
                yield Document(
                    **{
                        **item.__dict__,
                        "reader": NAME,
                        "reader_version": f"{VERSION}+{html.VERSION}",
                        "locator": f"{position}: {uri}",
                    }
                )
            else:
                yield item
