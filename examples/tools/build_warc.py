"""Write the WARC files of cotejo's fictional sample corpus, deterministically.

  examples/corpus/warc/capture.warc.gz   warcinfo, request + HTML response (incident B page),
                                         robots.txt response, HTML response (incident F page),
                                         image/png response
  examples/corpus/warc/capture2.warc     uncompressed: warcinfo + one HTML response (incident D)
  examples/corpus-bad/truncated.warc.gz  two responses, cut in the middle of the second record
  examples/corpus-bad/truncated.warc     the same, uncompressed

Every WARC-Date and WARC-Record-ID is fixed (record IDs are UUID5 of the record's role), and
warcio's per-record gzip members carry no timestamp, so re-running gives identical bytes.
Usage:  python examples/tools/build_warc.py     (needs warcio)
"""

from __future__ import annotations

import io
import struct
import sys
import uuid
import zlib
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus_data as cd  # noqa: E402
from build_corpus import render_html  # noqa: E402

EXAMPLES = HERE.parent
CORPUS = EXAMPLES / "corpus"
BAD = EXAMPLES / "corpus-bad"
DOCS = {d["key"]: d for d in cd.DOCS}
NAMESPACE = uuid.UUID("6c3b1e0a-3f1d-5c7e-9a52-0c07e30c0000")
USER_AGENT = "cotejo-capture/0.1 (fictional sample corpus; +https://cotejo.example/capture)"


def record_id(role: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, role)}>"


def tiny_png(width: int = 16, height: int = 16) -> bytes:
    """A valid, deterministic PNG (a two-colour stripe logo)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(
        b"\x00"
        + b"".join(
            bytes((20, 60, 120)) if (x // 4) % 2 else bytes((230, 180, 40)) for x in range(width)
        )
        for _ in range(height)
    )
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def http_date(warc_date: str) -> str:
    dt = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    return format_datetime(dt, usegmt=True)


def warcinfo(writer: WARCWriter, filename: str, date: str, description: str):
    rec = writer.create_warcinfo_record(
        filename,
        {
            "software": "cotejo examples/tools/build_warc.py (warcio)",
            "format": "WARC File Format 1.0",
            "isPartOf": "cotejo-sample-corpus",
            "description": description,
            "robots": "obey",
            "http-header-user-agent": USER_AGENT,
        },
    )
    rec.rec_headers.replace_header("WARC-Record-ID", record_id(f"{filename}/warcinfo"))
    rec.rec_headers.replace_header("WARC-Date", date)
    return rec


def response(
    writer: WARCWriter,
    uri: str,
    date: str,
    body: bytes,
    content_type: str,
    ip: str,
    role: str,
    extra_headers: list[tuple[str, str]] = (),
):
    headers = [
        ("Date", http_date(date)),
        ("Server", "nginx"),
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        *extra_headers,
    ]
    return writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
        warc_headers_dict={
            "WARC-Record-ID": record_id(role),
            "WARC-Date": date,
            "WARC-IP-Address": ip,
        },
    )


def request(writer: WARCWriter, uri: str, date: str, ip: str, role: str, concurrent_to: str):
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    headers = [
        ("Host", host),
        ("User-Agent", USER_AGENT),
        ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
        ("Accept-Language", "en,es;q=0.8"),
        ("Accept-Encoding", "identity"),
        ("Connection", "close"),
    ]
    return writer.create_warc_record(
        uri,
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=StatusAndHeaders(f"GET {path} HTTP/1.1", headers, is_http_request=True),
        warc_headers_dict={
            "WARC-Record-ID": record_id(role),
            "WARC-Date": date,
            "WARC-IP-Address": ip,
            "WARC-Concurrent-To": concurrent_to,
        },
    )


HTML = "text/html; charset=utf-8"


def build_capture() -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    b, f = DOCS["B-meridian-warc"], DOCS["F-andean-warc"]
    b_date, f_date = "2025-10-23T15:02:11Z", "2025-11-04T16:10:42Z"
    records = [
        warcinfo(
            w,
            "capture.warc.gz",
            b_date,
            "Fictional captures for cotejo's sample corpus (incidents B and F).",
        ),
        request(
            w,
            b["url"],
            b_date,
            "192.0.2.10",
            "capture/B/request",
            concurrent_to=record_id("capture/B/response"),
        ),
        response(
            w,
            b["url"],
            b_date,
            render_html(b).encode("utf-8"),
            HTML,
            "192.0.2.10",
            "capture/B/response",
            [("Cache-Control", "max-age=300")],
        ),
        response(
            w,
            "https://www.andeanreport.example/robots.txt",
            f_date,
            b"User-agent: *\nDisallow: /admin/\nSitemap: https://www.andeanreport.example/sitemap.xml\n",
            "text/plain; charset=utf-8",
            "192.0.2.44",
            "capture/F/robots",
        ),
        response(
            w,
            f["url"],
            "2025-11-04T16:10:43Z",
            render_html(f).encode("utf-8"),
            HTML,
            "192.0.2.44",
            "capture/F/response",
        ),
        response(
            w,
            "https://www.andeanreport.example/static/img/logo-andean-report.png",
            "2025-11-04T16:10:44Z",
            tiny_png(),
            "image/png",
            "192.0.2.44",
            "capture/F/logo",
        ),
    ]
    expected = [kind.split("-")[0] for kind, _ in cd.WARC_LAYOUT["warc/capture.warc.gz"]]
    assert [r.rec_type for r in records] == expected
    for r in records:
        w.write_record(r)
    return buf.getvalue()


def build_capture2() -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    d = DOCS["D-conexion-warc"]
    date = "2025-09-07T19:31:05Z"
    w.write_record(
        warcinfo(
            w, "capture2.warc", date, "Fictional capture for cotejo's sample corpus (incident D)."
        )
    )
    w.write_record(
        response(
            w,
            d["url"],
            date,
            render_html(d).encode("utf-8"),
            HTML,
            "192.0.2.77",
            "capture2/D/response",
        )
    )
    return buf.getvalue()


SMALL_PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Diario del Paria">
<meta property="article:published_time" content="{date}">
<link rel="canonical" href="{url}"></head>
<body><article><h1>{title}</h1>
<p>{text}</p>
<p>{text2}</p>
</article></body></html>
"""


def build_truncated(gzip: bool) -> bytes:
    """Two complete HTML responses, then cut in the middle of the second record."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    pages = [
        (
            "https://www.diariodelparia.example/sucre/2025/10/21/vigilia-muelle-guiria/",
            "Vigilia en el muelle de Güiria",
            "2025-10-21T20:00:00-04:00",
            "Decenas de familiares encendieron velas en el muelle pesquero de Güiria.",
            "La vigilia terminó pasada la medianoche sin incidentes.",
        ),
        (
            "https://www.diariodelparia.example/sucre/2025/10/22/pescadores-vuelven-al-mar/",
            "Pescadores de Güiria vuelven al mar con miedo",
            "2025-10-22T08:00:00-04:00",
            "Ocho días después del ataque, las primeras lanchas volvieron a salir a faenar.",
            "Muchos pescadores dicen que ya no se alejan más de cinco millas de la costa.",
        ),
    ]
    for n, (url, title, date, text, text2) in enumerate(pages, start=1):
        body = SMALL_PAGE.format(title=title, date=date, url=url, text=text, text2=text2)
        w.write_record(
            response(
                w,
                url,
                f"2025-10-22T1{n}:00:00Z",
                body.encode("utf-8"),
                HTML,
                "192.0.2.10",
                f"truncated/{n}",
            )
        )
    full = buf.getvalue()
    it = ArchiveIterator(io.BytesIO(full))
    starts = []
    for rec in it:
        rec.content_stream().read()
        starts.append((it.get_record_offset(), it.get_record_length()))
    assert len(starts) == 2
    start, length = starts[1]
    return full[: start + length // 2]


def main() -> None:
    (CORPUS / "warc").mkdir(parents=True, exist_ok=True)
    BAD.mkdir(parents=True, exist_ok=True)
    outputs = {
        CORPUS / "warc/capture.warc.gz": build_capture(),
        CORPUS / "warc/capture2.warc": build_capture2(),
        BAD / "truncated.warc.gz": build_truncated(gzip=True),
        BAD / "truncated.warc": build_truncated(gzip=False),
    }
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(EXAMPLES)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
