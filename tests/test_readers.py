"""Each reader on good input: the values it extracts, not just that it runs.

Also the choice of reader (content beats the file name), the folder walk and the source
registry. Bad input is covered in test_bad_inputs.py.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cotejo.errors import InputError
from cotejo.ingest import Document, ReadFailure, ReadResult, Skipped, SourceKind, read_bytes
from cotejo.ingest.sources import SourceInfo, SourceRegistry, domain_of, load_registry
from cotejo.ingest.walk import InputFile, walk
from cotejo.testing import telegram_export, warc_bytes


def read(data: bytes, name: str) -> tuple[str | None, list[ReadResult]]:
    reader, results = read_bytes(data, name)
    return reader, list(results)


def documents(results: list[ReadResult]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


# -- HTML --------------------------------------------------------------------------------------

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="es-VE">
<head>
<meta charset="utf-8">
<title>Tres heridos en ataque a autobús en Cumaná | Diario del Paria</title>
<meta property="og:title" content="Tres heridos en ataque a autobús en Cumaná">
<meta property="og:site_name" content="Diario del Paria">
<meta name="author" content="María Fernanda Rojas">
<meta property="article:published_time" content="2025-10-14T18:30:00-04:00">
<link rel="canonical" href="https://diariodelparia.example/sucesos/2025/10/14/ataque-autobus">
</head>
<body>
<nav><a href="/">Inicio</a> | <a href="/sucesos">Sucesos</a> |
<a href="/deportes">Deportes</a></nav>
<article>
<h1>Tres heridos en ataque a autobús en Cumaná</h1>
<p>Tres personas resultaron heridas la noche del martes cuando hombres armados dispararon
contra un autobús de pasajeros en la avenida Bermúdez, en el centro de Cumaná, según
informó la policía regional.</p>
<p>El gobernador ordenó abrir una investigación y dijo que los atacantes huyeron en
motocicleta hacia la costa. Los heridos fueron trasladados al hospital universitario.</p>
</article>
<footer>© 2025 Diario del Paria. Todos los derechos reservados.</footer>
</body>
</html>
"""
# What the main text should be: the headline and both paragraphs, joined lines, no markup.
ARTICLE_TEXT = (
    "Tres heridos en ataque a autobús en Cumaná\n"
    "Tres personas resultaron heridas la noche del martes cuando hombres armados dispararon "
    "contra un autobús de pasajeros en la avenida Bermúdez, en el centro de Cumaná, según "
    "informó la policía regional.\n"
    "El gobernador ordenó abrir una investigación y dijo que los atacantes huyeron en "
    "motocicleta hacia la costa. Los heridos fueron trasladados al hospital universitario."
)


def test_html_article_gives_its_metadata_and_main_text() -> None:
    reader, results = read(ARTICLE_HTML.encode("utf-8"), "in/ataque.html")

    assert reader == "html"
    [doc] = results
    assert isinstance(doc, Document)
    assert doc.title == "Tres heridos en ataque a autobús en Cumaná"
    assert doc.author == "María Fernanda Rojas"
    assert doc.source == "Diario del Paria"
    assert doc.published_at == datetime(2025, 10, 14, 22, 30, tzinfo=UTC)
    assert doc.published_at.tzinfo is UTC
    assert doc.url == "https://diariodelparia.example/sucesos/2025/10/14/ataque-autobus"
    assert doc.language == "es"
    assert doc.encoding == "utf-8"
    assert doc.media_type == "text/html"
    assert doc.raw == ARTICLE_HTML.encode("utf-8")
    assert doc.notes == ()
    assert doc.text == ARTICLE_TEXT


def test_html_main_text_leaves_out_navigation_and_footer() -> None:
    [doc] = documents(read(ARTICLE_HTML.encode("utf-8"), "ataque.html")[1])

    assert "Inicio" not in doc.text
    assert "Deportes" not in doc.text
    assert "Todos los derechos reservados" not in doc.text


# -- plain text and Markdown -------------------------------------------------------------------

COMMUNIQUE_MD = """---
title: "Comunicado sobre los hechos en Cumaná"
author: Oficina de Prensa
source: Gobernación de Sucre
source_kind: official
url: https://sucre.gob.example/comunicados/2025-10-15
published_at: 2025-10-15T09:30:00-04:00
retrieved_at: 2025-10-16T12:00:00Z
language: es
---
# Comunicado

La Gobernación del estado Sucre informa que tres personas resultaron heridas
en el ataque ocurrido el 14 de octubre en la avenida Bermúdez.
"""


def test_markdown_front_matter_sets_every_field() -> None:
    reader, results = read(COMMUNIQUE_MD.encode("utf-8"), "notas/comunicado.md")

    assert reader == "text"
    [doc] = results
    assert isinstance(doc, Document)
    assert doc.title == "Comunicado sobre los hechos en Cumaná"
    assert doc.author == "Oficina de Prensa"
    assert doc.source == "Gobernación de Sucre"
    assert doc.source_kind is SourceKind.OFFICIAL
    assert doc.url == "https://sucre.gob.example/comunicados/2025-10-15"
    assert doc.published_at == datetime(2025, 10, 15, 13, 30, tzinfo=UTC)
    assert doc.retrieved_at == datetime(2025, 10, 16, 12, 0, tzinfo=UTC)
    assert doc.language == "es"
    assert doc.media_type == "text/markdown"
    assert doc.text == (
        "# Comunicado\n\nLa Gobernación del estado Sucre informa que tres personas resultaron "
        "heridas\nen el ataque ocurrido el 14 de octubre en la avenida Bermúdez."
    )
    assert doc.raw == COMMUNIQUE_MD.encode("utf-8")


def test_plain_text_without_front_matter_takes_its_first_line_as_title() -> None:
    data = (
        "Shooting reported near the port of Güiria\n\n"
        "Residents said they heard gunfire for about ten minutes before dawn on Thursday.\n"
    ).encode()

    [doc] = documents(read(data, "witness-note.txt")[1])

    assert doc.title == "Shooting reported near the port of Güiria"
    assert doc.text == (
        "Shooting reported near the port of Güiria\n\n"
        "Residents said they heard gunfire for about ten minutes before dawn on Thursday."
    )
    assert doc.media_type == "text/plain"
    assert (doc.author, doc.url, doc.source, doc.published_at) == (None, None, None, None)
    assert doc.encoding == "utf-8"
    assert doc.notes == ()


def test_markdown_without_front_matter_takes_its_heading_as_title() -> None:
    data = b"# Balance de la semana\n\nCinco incidentes registrados en Sucre.\n"

    [doc] = documents(read(data, "balance.md")[1])

    assert doc.title == "Balance de la semana"
    assert doc.media_type == "text/markdown"


# -- RSS and Atom ------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>Diario del Paria</title>
<link>https://diariodelparia.example/</link>
<language>es-VE</language>
<item>
<title>Tres heridos en Cumaná</title>
<link>https://diariodelparia.example/sucesos/1</link>
<guid>https://diariodelparia.example/?p=101</guid>
<pubDate>Tue, 14 Oct 2025 18:30:00 -0400</pubDate>
<description>&lt;p&gt;Tres personas resultaron &lt;b&gt;heridas&lt;/b&gt; en Cumaná.&lt;/p&gt;
&lt;p&gt;La policía investiga.&lt;/p&gt;</description>
</item>
<item>
<title>Protesta en Carúpano</title>
<link>https://diariodelparia.example/sucesos/2</link>
<guid>https://diariodelparia.example/?p=102</guid>
<pubDate>Wed, 15 Oct 2025 09:00:00 GMT</pubDate>
<description>Vecinos de Carúpano protestaron por la falta de agua.</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Ministry of the Interior — Press Office</title>
<id>urn:example:mininterior:press</id>
<updated>2025-10-16T00:00:00Z</updated>
<entry>
<title>Statement on the events in Cumaná</title>
<link href="https://mininterior.example/press/2025/10/15/cumana"/>
<id>urn:example:mininterior:press:881</id>
<published>2025-10-15T09:00:00-04:00</published>
<updated>2025-10-15T11:00:00-04:00</updated>
<author><name>Press Office</name></author>
<content type="html">&lt;p&gt;Three people were &lt;em&gt;injured&lt;/em&gt;.&lt;/p&gt;</content>
</entry>
<entry>
<title>Curfew lifted in Carúpano</title>
<link href="https://mininterior.example/press/2025/10/16/carupano"/>
<id>urn:example:mininterior:press:882</id>
<updated>2025-10-16T07:15:00Z</updated>
<summary>The night curfew in Carúpano ends today.</summary>
</entry>
</feed>
"""


def test_rss_gives_one_document_per_item_with_the_feed_title_as_source() -> None:
    reader, results = read(RSS.encode("utf-8"), "feeds/diario.rss")

    assert reader == "feed"
    first, second = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert [d.locator for d in (first, second)] == ["entry 1", "entry 2"]
    assert {d.source for d in (first, second)} == {"Diario del Paria"}
    assert {d.language for d in (first, second)} == {"es"}
    assert {d.media_type for d in (first, second)} == {"application/rss+xml"}

    assert first.title == "Tres heridos en Cumaná"
    assert first.url == "https://diariodelparia.example/sucesos/1"
    assert first.external_id == "https://diariodelparia.example/?p=101"
    assert first.published_at == datetime(2025, 10, 14, 22, 30, tzinfo=UTC)
    assert first.text == "Tres personas resultaron heridas en Cumaná.\n\nLa policía investiga."
    assert "<" not in first.text

    assert second.url == "https://diariodelparia.example/sucesos/2"
    assert second.published_at == datetime(2025, 10, 15, 9, 0, tzinfo=UTC)
    assert second.text == "Vecinos de Carúpano protestaron por la falta de agua."


def test_rss_entry_raw_is_the_canonical_json_of_the_parsed_item() -> None:
    [first, _] = documents(read(RSS.encode("utf-8"), "diario.rss")[1])

    assert json.loads(first.raw) == {
        "author": None,
        "content": "<p>Tres personas resultaron <b>heridas</b> en Cumaná.</p>\n"
        "<p>La policía investiga.</p>",
        "id": "https://diariodelparia.example/?p=101",
        "link": "https://diariodelparia.example/sucesos/1",
        "published": "Tue, 14 Oct 2025 18:30:00 -0400",
        "title": "Tres heridos en Cumaná",
    }


def test_atom_gives_one_document_per_entry() -> None:
    reader, results = read(ATOM.encode("utf-8"), "feeds/interior.atom")

    assert reader == "feed"
    first, second = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert [d.locator for d in (first, second)] == ["entry 1", "entry 2"]
    assert {d.source for d in (first, second)} == {"Ministry of the Interior — Press Office"}
    assert {d.media_type for d in (first, second)} == {"application/atom+xml"}

    assert first.title == "Statement on the events in Cumaná"
    assert first.author == "Press Office"
    assert first.url == "https://mininterior.example/press/2025/10/15/cumana"
    assert first.external_id == "urn:example:mininterior:press:881"
    assert first.published_at == datetime(2025, 10, 15, 13, 0, tzinfo=UTC)  # published, not updated
    assert first.text == "Three people were injured."

    assert second.url == "https://mininterior.example/press/2025/10/16/carupano"
    assert second.published_at == datetime(2025, 10, 16, 7, 15, tzinfo=UTC)  # only updated given
    assert second.text == "The night curfew in Carúpano ends today."


# -- JSON Lines --------------------------------------------------------------------------------

JSONL_FULL = (
    '{"text": "Tres heridos en Cumaná tras un ataque a un autobús.", '
    '"title": "Ataque en Cumaná", "author": "Redacción", '
    '"url": "https://diariodelparia.example/a/1", '
    '"published_at": "2025-10-14T18:30:00-04:00", "source": "Diario del Paria", '
    '"source_kind": "media", "language": "es", '
    '"retrieved_at": "2025-10-15T08:00:00Z", "id": "dp-0001"}'
)
JSONL_ALIASES = (
    '{"text":"Police confirm three injured in Cumaná.",'
    '"uri":"https://wire.example/story/77","dct":"2025-10-15","doc_id":"wire-77"}'
)


def test_jsonl_reads_every_optional_field() -> None:
    data = f"{JSONL_FULL}\n{JSONL_ALIASES}\n".encode()

    reader, results = read(data, "export/items.jsonl")

    assert reader == "jsonl"
    full, _ = results
    assert isinstance(full, Document)
    assert full.text == "Tres heridos en Cumaná tras un ataque a un autobús."
    assert full.title == "Ataque en Cumaná"
    assert full.author == "Redacción"
    assert full.url == "https://diariodelparia.example/a/1"
    assert full.published_at == datetime(2025, 10, 14, 22, 30, tzinfo=UTC)
    assert full.source == "Diario del Paria"
    assert full.source_kind is SourceKind.MEDIA
    assert full.language == "es"
    assert full.retrieved_at == datetime(2025, 10, 15, 8, 0, tzinfo=UTC)
    assert full.external_id == "dp-0001"
    assert full.locator == "line 1"
    assert full.media_type == "application/jsonl"


def test_jsonl_accepts_the_uri_dct_and_doc_id_aliases() -> None:
    data = f"{JSONL_FULL}\n{JSONL_ALIASES}\n".encode()

    _, aliased = documents(read(data, "items.jsonl")[1])

    assert aliased.url == "https://wire.example/story/77"
    assert aliased.published_at == datetime(2025, 10, 15, 0, 0, tzinfo=UTC)
    assert aliased.external_id == "wire-77"
    assert aliased.locator == "line 2"


def test_jsonl_raw_is_the_exact_bytes_of_the_line() -> None:
    data = f"{JSONL_FULL}\n{JSONL_ALIASES}\n".encode()

    full, aliased = documents(read(data, "items.jsonl")[1])

    assert full.raw == JSONL_FULL.encode("utf-8")
    assert aliased.raw == JSONL_ALIASES.encode("utf-8")


# -- Telegram ----------------------------------------------------------------------------------

# 2025-10-14 23:15:00 UTC; `date` is the exporting machine's local time (UTC-4) and must lose.
WHEN_UNIX = "1760483700"
TELEGRAM_MESSAGES = [
    {
        "id": 501,
        "type": "message",
        "date": "2025-10-14T19:15:00",
        "date_unixtime": WHEN_UNIX,
        "from": "Alerta Sucre",
        "text": "Reportan disparos en la avenida Bermúdez de Cumaná.",
    },
    {
        "id": 502,
        "type": "message",
        "date": "2025-10-14T19:40:00",
        "date_unixtime": "1760485200",
        "from": "Alerta Sucre",
        "forwarded_from": "Noticias Oriente",
        "text": [
            "Tres heridos, según ",
            {"type": "bold", "text": "fuentes policiales"},
            ". Más: ",
            {"type": "link", "text": "https://noticiasoriente.example/1"},
        ],
    },
    {
        "id": 503,
        "type": "service",
        "date": "2025-10-14T19:45:00",
        "date_unixtime": "1760485500",
        "action": "pin_message",
        "text": "",
    },
    {
        "id": 504,
        "type": "message",
        "date": "2025-10-14T19:50:00",
        "date_unixtime": "1760485800",
        "photo": "photos/photo_504.jpg",
        "text": "",
    },
]


def test_telegram_message_with_string_text() -> None:
    reader, results = read(telegram_export(TELEGRAM_MESSAGES, name="Alerta Sucre"), "result.json")

    assert reader == "telegram"
    first = results[0]
    assert isinstance(first, Document)
    assert first.text == "Reportan disparos en la avenida Bermúdez de Cumaná."
    assert first.published_at == datetime(2025, 10, 14, 23, 15, tzinfo=UTC)
    assert first.source == "Alerta Sucre"
    assert first.source_kind is SourceKind.SOCIAL
    assert first.author == "Alerta Sucre"
    assert first.external_id == "501"
    assert first.locator == "message 501"
    assert first.notes == ()
    assert json.loads(first.raw) == {
        "channel": "Alerta Sucre",
        "channel_id": 1234567890,
        **TELEGRAM_MESSAGES[0],
    }


def test_telegram_text_list_with_entities_is_joined_and_forward_noted() -> None:
    results = read(telegram_export(TELEGRAM_MESSAGES, name="Alerta Sucre"), "result.json")[1]

    second = results[1]
    assert isinstance(second, Document)
    assert second.text == (
        "Tres heridos, según fuentes policiales. Más: https://noticiasoriente.example/1"
    )
    assert second.published_at == datetime(2025, 10, 14, 23, 40, tzinfo=UTC)
    assert second.source_kind is SourceKind.SOCIAL
    assert second.notes == ("forwarded from Noticias Oriente",)


def test_telegram_service_and_media_only_messages_are_skipped() -> None:
    results = read(telegram_export(TELEGRAM_MESSAGES, name="Alerta Sucre"), "result.json")[1]

    assert results[2:] == [
        Skipped("result.json", "message 503", "service message"),
        Skipped("result.json", "message 504", "media-only message without text"),
    ]


def test_telegram_export_with_another_json_name_is_still_read_as_telegram() -> None:
    reader, results = read(telegram_export(TELEGRAM_MESSAGES[:1]), "alerta-sucre-2025-10.json")

    assert reader == "telegram"
    assert [d.source for d in documents(results)] == ["Canal de prueba"]


# -- WARC --------------------------------------------------------------------------------------

PAGE_ONE = ARTICLE_HTML
PAGE_TWO = ARTICLE_HTML.replace("Tres heridos", "Dos detenidos").replace(
    "Tres personas resultaron heridas", "Dos personas fueron detenidas"
)
URL_ONE = "https://diariodelparia.example/sucesos/2025/10/14/ataque-autobus"
URL_TWO = "https://diariodelparia.example/sucesos/2025/10/15/detenidos"


@pytest.mark.parametrize(("gzip", "name"), [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_warc_html_responses_become_documents(gzip: bool, name: str) -> None:
    data = warc_bytes([(URL_ONE, PAGE_ONE), (URL_TWO, PAGE_TWO)], gzip=gzip)

    reader, results = read(data, name)

    assert reader == "warc"
    first, second, png = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.url, second.url) == (URL_ONE, URL_TWO)
    assert first.raw == PAGE_ONE.encode("utf-8")
    assert second.raw == PAGE_TWO.encode("utf-8")
    assert {first.retrieved_at, second.retrieved_at} == {datetime(2025, 10, 23, 8, 0, tzinfo=UTC)}
    assert (first.title, second.title) == (
        "Tres heridos en ataque a autobús en Cumaná",
        "Dos detenidos en ataque a autobús en Cumaná",
    )
    assert first.source == "Diario del Paria"
    assert first.published_at == datetime(2025, 10, 14, 22, 30, tzinfo=UTC)
    assert {first.reader, second.reader} == {"warc"}
    assert re.fullmatch(rf"record 1 at byte 0: {re.escape(URL_ONE)}", first.locator or "")
    assert re.fullmatch(rf"record 2 at byte \d+: {re.escape(URL_TWO)}", second.locator or "")
    assert isinstance(png, Skipped)
    assert png.reason == "response for https://example.org/logo.png is image/png"


def test_warc_record_uri_wins_over_the_pages_canonical_link() -> None:
    data = warc_bytes([("https://mirror.example/copia", PAGE_ONE)], gzip=False)

    [doc] = documents(read(data, "mirror.warc")[1])

    assert doc.url == "https://mirror.example/copia"


# -- choosing a reader -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (warc_bytes([(URL_ONE, PAGE_ONE)], gzip=False), "capture.txt", "warc"),
        (warc_bytes([(URL_ONE, PAGE_ONE)], gzip=True), "capture.txt", "warc"),
        (ARTICLE_HTML.encode("utf-8"), "saved-page.txt", "html"),
        (RSS.encode("utf-8"), "feed-dump.txt", "feed"),
        (ATOM.encode("utf-8"), "feed-dump.txt", "feed"),
        (telegram_export(TELEGRAM_MESSAGES), "result.json", "telegram"),
        (f"{JSONL_FULL}\n".encode(), "items.txt", "jsonl"),
        (COMMUNIQUE_MD.encode("utf-8"), "comunicado.html.md", "text"),
    ],
    ids=[
        "warc-named-txt",
        "warc-gz-named-txt",
        "html-named-txt",
        "rss-named-txt",
        "atom-named-txt",
        "telegram",
        "jsonl-named-txt",
        "markdown",
    ],
)
def test_content_beats_the_file_extension(data: bytes, name: str, expected: str) -> None:
    reader, results = read(data, name)

    assert reader == expected
    assert documents(results), results


def test_html_named_txt_is_read_as_html_not_as_markup_text() -> None:
    [doc] = documents(read(ARTICLE_HTML.encode("utf-8"), "saved-page.txt")[1])

    assert doc.title == "Tres heridos en ataque a autobús en Cumaná"
    assert doc.text == ARTICLE_TEXT


def test_media_file_is_skipped_not_read() -> None:
    assert read(b"\x89PNG\r\n\x1a\n" + bytes(64), "photo.png") == (
        None,
        [Skipped("photo.png", "", "media file (.png) is not a text format cotejo reads")],
    )


# -- walking folders ---------------------------------------------------------------------------


def test_walk_is_recursive_sorted_and_leaves_out_hidden_ignored_and_registry_files(
    tmp_path: Path,
) -> None:
    root = tmp_path / "inputs"
    files = {
        "b.txt": "b",
        "a.html": "<p>a</p>",
        "z/deep/c.txt": "c",
        "m/d.jsonl": '{"text": "d"}',
        "m/e.bak": "old",
        "drafts/f.txt": "draft",
        ".hidden.txt": "hidden",
        ".git/config": "hidden folder",
        "m/.DS_Store": "hidden",
        "cotejo-sources.toml": "",
    }
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content)
    (root / ".cotejoignore").write_text("# editor backups\n*.bak\ndrafts/\n")

    found = list(walk([root], max_bytes=1_000_000))

    assert found == [
        InputFile(root / "a.html", str(root / "a.html"), 8),
        InputFile(root / "b.txt", str(root / "b.txt"), 1),
        Skipped(str(root / "drafts/f.txt"), "", "matches .cotejoignore"),
        InputFile(root / "m/d.jsonl", str(root / "m/d.jsonl"), 13),
        Skipped(str(root / "m/e.bak"), "", "matches .cotejoignore"),
        InputFile(root / "z/deep/c.txt", str(root / "z/deep/c.txt"), 1),
    ]


def test_walk_names_files_by_the_path_as_given(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "inputs" / "sub").mkdir(parents=True)
    (tmp_path / "inputs" / "sub" / "note.txt").write_text("hola")
    monkeypatch.chdir(tmp_path)

    [found] = walk([Path("inputs")], max_bytes=1_000_000)

    assert isinstance(found, InputFile)
    assert found.display == "inputs/sub/note.txt"
    assert found.path == tmp_path / "inputs" / "sub" / "note.txt"


def test_walk_reports_a_missing_input() -> None:
    assert list(walk([Path("/nonexistent/cotejo-input")], max_bytes=100)) == [
        ReadFailure("/nonexistent/cotejo-input", "", "no such file or folder", "check the path")
    ]


# -- the source registry -----------------------------------------------------------------------

REGISTRY_TOML = """
[[source]]
name = "Diario del Paria"
kind = "media"
country = "VE"
language = "es"
domains = ["diariodelparia.example"]

[[source]]
name = "Gobernación de Sucre"
kind = "official"
country = "VE"
domains = ["www.sucre.gob.example"]
affiliation = "Gobierno regional de Sucre"
"""


@pytest.fixture
def registry(tmp_path: Path) -> SourceRegistry:
    path = tmp_path / "cotejo-sources.toml"
    path.write_text(REGISTRY_TOML, encoding="utf-8")
    return load_registry(path)


def test_registry_loads_every_field(registry: SourceRegistry) -> None:
    assert registry.entries == (
        SourceInfo(
            name="Diario del Paria",
            kind=SourceKind.MEDIA,
            country="VE",
            language="es",
            domains=("diariodelparia.example",),
        ),
        SourceInfo(
            name="Gobernación de Sucre",
            kind=SourceKind.OFFICIAL,
            country="VE",
            affiliation="Gobierno regional de Sucre",
            domains=("www.sucre.gob.example",),
        ),
    )


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("Diario del Paria", None, "Diario del Paria"),
        ("DIARIO DEL PARIA", None, "Diario del Paria"),
        ("gobernación de sucre", None, "Gobernación de Sucre"),
        (None, "https://diariodelparia.example/sucesos/1", "Diario del Paria"),
        (None, "https://www.diariodelparia.example/sucesos/1", "Diario del Paria"),
        (None, "https://noticias.diariodelparia.example/x", "Diario del Paria"),
        (None, "https://SUCRE.gob.example/comunicados/1", "Gobernación de Sucre"),
        (
            None,
            "https://web.archive.org/web/20251015093000/https://www.diariodelparia.example/a",
            "Diario del Paria",
        ),
        ("Some Blog", "https://diariodelparia.example/a", "Diario del Paria"),
        ("Some Blog", "https://otro.example/a", None),
        (None, "https://example/a", None),
        (None, None, None),
    ],
)
def test_registry_matches_by_name_or_domain(
    registry: SourceRegistry, name: str | None, url: str | None, expected: str | None
) -> None:
    found = registry.match(name, url)

    assert (found.name if found else None) == expected


def test_unregistered_source_is_named_from_the_document_or_its_domain(
    registry: SourceRegistry,
) -> None:
    assert registry.resolve("Alerta Sucre", None, SourceKind.SOCIAL) == SourceInfo(
        "Alerta Sucre", SourceKind.SOCIAL
    )
    assert registry.resolve(None, "https://www.otro.example/a", None) == SourceInfo(
        "otro.example", SourceKind.UNKNOWN
    )
    assert registry.resolve(None, None, None).name == "(unknown source)"


def test_domain_of_an_archived_capture_is_the_archived_sites() -> None:
    archived = "https://web.archive.org/web/2025id_/http://www.sucre.gob.example/c?id=3"

    assert domain_of(archived) == "sucre.gob.example"
    assert domain_of("https://web.archive.org/web/*/") == "web.archive.org"


def test_registry_with_an_unknown_kind_is_a_clear_input_error(tmp_path: Path) -> None:
    path = tmp_path / "cotejo-sources.toml"
    path.write_text(
        '[[source]]\nname = "A"\nkind = "official"\n\n'
        '[[source]]\nname = "Radio Cumaná"\nkind = "newspaper"\n'
    )

    with pytest.raises(InputError) as caught:
        load_registry(path)

    assert caught.value.message == f"{path}: [[source]] #2: kind 'newspaper' is unknown"
    assert caught.value.hint == ("use one of official, media, ngo, social, court, witness, unknown")


def test_registry_that_is_not_toml_is_a_clear_input_error(tmp_path: Path) -> None:
    path = tmp_path / "cotejo-sources.toml"
    path.write_text('[[source]]\nname = "Diario del Paria\n')

    with pytest.raises(InputError) as caught:
        load_registry(path)

    assert caught.value.message.startswith(f"{path}: not valid TOML: ")
    assert "line 2" in caught.value.message
    assert caught.value.hint == "fix the source registry file"
