"""HTML reader: main text, title, author, published date and site name, via trafilatura.

Malformed markup is recovered by lxml's lenient parser and noted on the document; a page
with no readable text at all is a `ReadFailure`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import lxml.etree
import lxml.html
import trafilatura

from cotejo.ingest.dates import parse_datetime
from cotejo.ingest.decode import decode
from cotejo.ingest.document import Document, ReadFailure, ReadResult

NAME = "html"
VERSION = f"1+trafilatura-{trafilatura.__version__}"
MEDIA_TYPE = "text/html"

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# libxml2 flags every HTML5 element as "invalid"; those are not faults of the page.
_BENIGN = re.compile(r"Tag \S+ invalid|htmlParseEntityRef|Unexpected end tag : p\b")


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _meta(tree: lxml.html.HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and str(found[0]).strip():
                return str(found[0]).strip()
    return None


def _parse(text: str) -> tuple[lxml.html.HtmlElement | None, list[str]]:
    parser = lxml.html.HTMLParser(recover=True)
    try:
        tree = lxml.html.fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, ["the HTML could not be parsed at all"]
    faults = [
        f"line {e.line}: {e.message}" for e in parser.error_log if not _BENIGN.search(e.message)
    ]
    return tree, faults


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    # The <head> is not visible text: a script-only page must not pass on its <title> alone.
    for bad in tree.xpath("//head|//script|//style|//noscript"):
        bad.drop_tree()
    return re.sub(r"[ \t]*\n\s*", "\n", tree.text_content()).strip()


def read(
    data: bytes, name: str, url: str | None = None, retrieved_at: datetime | None = None
) -> Iterator[ReadResult]:
    if not data.strip():
        yield ReadFailure(name, "", "the HTML file is empty", "remove it or re-capture the page")
        return
    decoded = decode(data, declared_charset(data))
    notes = [decoded.note] if decoded.note else []
    tree, faults = _parse(decoded.text)
    if tree is None:
        yield ReadFailure(name, "", faults[0], "check that the file really is HTML")
        return
    if faults:
        shown = "; ".join(faults[:3])
        notes.append(
            f"malformed HTML recovered by a lenient parser ({len(faults)} faults: {shown})"
        )
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    page_url = url or (str(canonical[0]) if canonical else None) or _meta(tree, "og:url")
    extracted = trafilatura.bare_extraction(
        decoded.text, url=page_url, with_metadata=True, favor_recall=True
    )
    body = (extracted.text or "").strip() if extracted is not None else ""
    if not body:
        body = _fallback_text(tree)
        if body:
            notes.append("trafilatura found no main text; used the page's whole visible text")
    if not body:
        yield ReadFailure(
            name,
            "",
            "the page has no readable text",
            "check the capture; it may be a script-only page",
        )
        return
    titles = tree.xpath("//title/text()")
    title = (
        _meta(tree, "og:title")
        or (extracted.title if extracted is not None else None)
        or (str(titles[0]).strip() if titles else None)
    )
    published = parse_datetime(
        _meta(tree, "article:published_time", "datePublished", "date", "pubdate")
        or (extracted.date if extracted is not None else None)
    )
    lang = tree.xpath("/html/@lang")
    yield Document(
        text=body,
        raw=data,
        reader=NAME,
        reader_version=VERSION,
        media_type=MEDIA_TYPE,
        title=title,
        author=_meta(tree, "author", "article:author")
        or (extracted.author if extracted is not None else None),
        url=page_url,
        published_at=published,
        retrieved_at=retrieved_at,
        source=_meta(tree, "og:site_name")
        or (extracted.sitename if extracted is not None else None),
        language=(str(lang[0]).split("-")[0].lower() if lang else None),
        encoding=decoded.encoding,
        notes=tuple(notes),
    )
