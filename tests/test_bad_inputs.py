"""Every kind of bad input, through the real `Ingester` (and, for some, the CLI).

Each test puts good files beside the bad one and checks four things: the failure names the
file, the place and the fix; the good files are still ingested; the summary counts are exact;
and the failure is persisted in `ingest_failures`. Fixtures are built here, at runtime.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cotejo.archive.blobs import BlobStore
from cotejo.ingest import ReadFailure, Skipped
from cotejo.pipeline import Ingester, IngestSummary
from cotejo.store import models as m
from cotejo.store.db import Store
from cotejo.testing import FrozenClock, make_store, run_cli, telegram_export, warc_bytes

# -- good files that sit beside every bad one --------------------------------------------------

GOOD_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Curfew imposed in Carúpano after night of unrest</title>
<meta property="og:site_name" content="Eastern Coast Herald">
<meta property="article:published_time" content="2025-10-16T07:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Curfew imposed in Carúpano after night of unrest</h1>
<p>Authorities in the coastal town of Carúpano imposed a night curfew on Thursday after
a second night of clashes between residents and police left a shop burned out.</p>
<p>The mayor said the curfew would run from 9pm to 5am until further notice.</p>
</article><footer>© Eastern Coast Herald</footer></body></html>
"""
GOOD_NOTE = (
    "Testimonio de vecina, barrio El Peñón\n\n"
    "Escuché cuatro disparos poco antes de la medianoche y vi una moto alejarse hacia la playa.\n"
)
GOOD_FILES = {"good-article.html": GOOD_ARTICLE, "good-note.txt": GOOD_NOTE}
GOOD_DOCUMENTS = len(GOOD_FILES)


def inputs_folder(tmp_path: Path) -> Path:
    """A fresh input folder holding the good files."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name, text in GOOD_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- running an ingest and reading back what it stored -----------------------------------------


@dataclass(frozen=True)
class Outcome:
    summary: IngestSummary
    store: Store

    def stored_documents(self) -> int:
        with self.store.session() as session:
            return session.scalar(select(func.count()).select_from(m.Document)) or 0

    def stored_failures(self) -> list[ReadFailure]:
        with self.store.session() as session:
            rows = session.scalars(select(m.IngestFailure).order_by(m.IngestFailure.id)).all()
            return [ReadFailure(r.file, r.position, r.message, r.hint) for r in rows]

    def stored_document(self, original_name: str) -> m.Document:
        with self.store.session() as session:
            capture = session.scalars(
                select(m.Capture).where(m.Capture.original_name == original_name)
            ).one()
            document = session.get(m.Document, capture.document_sha256)
            assert document is not None
            return document

    def archived(self, data: bytes) -> bool:
        return BlobStore(self.store.settings.archive_dir).has(hashlib.sha256(data).hexdigest())


Ingest = Callable[..., Outcome]


@pytest.fixture
def ingest(tmp_path: Path) -> Iterator[Ingest]:
    opened: list[Store] = []

    def run(folder: Path, max_bytes: int | None = None) -> Outcome:
        store = make_store(tmp_path / "home", max_bytes=max_bytes)
        opened.append(store)
        return Outcome(Ingester(store, clock=FrozenClock()).run([folder]), store)

    yield run
    for store in opened:
        store.close()


def assert_outcome(
    outcome: Outcome,
    failures: list[ReadFailure],
    new_documents: int,
    duplicates: int = 0,
) -> None:
    """The summary and the store agree on exactly these failures and counts."""
    summary = outcome.summary
    assert summary.failures == failures
    assert all(f.hint.strip() for f in summary.failures), "every failure must say what to do"
    assert (summary.new_documents, summary.duplicates, len(summary.failures)) == (
        new_documents,
        duplicates,
        len(failures),
    )
    assert outcome.stored_documents() == new_documents
    assert outcome.stored_failures() == failures


def cli_ingest(tmp_path: Path, folder: Path, *options: str):
    return run_cli(["--home", str(tmp_path / "cli-home"), "ingest", *options, str(folder)])


# -- malformed HTML ----------------------------------------------------------------------------

MALFORMED_HTML = """<html><head><title>Enfrentamiento en Güiria</title></head>
<body><div class="nota">
<p>Dos pescadores resultaron heridos el sábado en un enfrentamiento en el muelle de Güiria,
según contaron vecinos a este diario.
<p>Los vecinos dijeron que <b><i>la guardia costera</b></i> llegó una hora después.</div>
</span></table>
<p class="cierre>Nota sin cerrar
"""


def test_malformed_html_is_recovered_and_the_repair_noted_on_the_document(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "guiria.html").write_text(MALFORMED_HTML, encoding="utf-8")

    outcome = ingest(folder)

    assert_outcome(outcome, [], new_documents=GOOD_DOCUMENTS + 1)
    document = outcome.stored_document(str(folder / "guiria.html"))
    assert document.title == "Enfrentamiento en Güiria"
    assert document.text.startswith("Dos pescadores resultaron heridos el sábado")
    assert "la guardia costera llegó una hora después" in document.text
    [note] = document.notes
    assert note.startswith("malformed HTML recovered by a lenient parser (")
    assert "line 5: Opening and ending tag mismatch: b and i" in note


def test_html_page_with_no_text_fails(tmp_path: Path, ingest: Ingest) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "app-shell.html").write_text(
        "<!DOCTYPE html><html><head><title>Diario del Paria</title>"
        "<script src='/bundle.js'></script><style>body{margin:0}</style></head>"
        "<body><div id='root'></div></body></html>",
        encoding="utf-8",
    )

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "app-shell.html"),
                "",
                "the page has no readable text",
                "check the capture; it may be a script-only page",
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )


# -- JSON Lines --------------------------------------------------------------------------------

JSONL_WITH_BAD_LINE = (
    '{"text": "Tres heridos en Cumaná.", "id": "a1"}\n'
    '{"text": "Línea rota", "id": a2}\n'
    '{"text": "Dos detenidos en Carúpano.", "id": "a3"}\n'
)
JSONL_BAD_COLUMN = JSONL_WITH_BAD_LINE.splitlines()[1].index("a2}") + 1
JSONL_FIX = "fix or remove this line and ingest the file again; the other lines were kept"


def test_jsonl_invalid_line_fails_with_its_number_and_the_rest_is_kept(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "items.jsonl").write_text(JSONL_WITH_BAD_LINE, encoding="utf-8")

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "items.jsonl"),
                f"line 2, column {JSONL_BAD_COLUMN}",
                "invalid JSON: Expecting value",
                JSONL_FIX,
            )
        ],
        new_documents=GOOD_DOCUMENTS + 2,
    )


def test_cli_reports_the_bad_jsonl_line_and_exits_1(tmp_path: Path) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "items.jsonl").write_text(JSONL_WITH_BAD_LINE, encoding="utf-8")

    result = cli_ingest(tmp_path, folder)

    assert result.exit_code == 1
    assert "ingested 4 new document(s) from 3 file(s)" in result.output
    assert "1 failed" in result.output
    assert (
        f"{folder / 'items.jsonl'} (line 2, column {JSONL_BAD_COLUMN}): "
        f"invalid JSON: Expecting value — {JSONL_FIX}"
    ) in result.output


# -- truncated WARC ----------------------------------------------------------------------------

WARC_TRUNCATED_HINT = "the records before this point were kept; re-capture or re-download the WARC"
WARC_PAGES = [
    (
        "https://diariodelparia.example/a/1",
        GOOD_ARTICLE.replace("Carúpano", "Cariaco").replace("shop burned out", "car burned"),
    ),
    (
        "https://diariodelparia.example/a/2",
        GOOD_ARTICLE.replace("Carúpano", "Irapa").replace("a shop burned out", "two injured"),
    ),
]


def gzip_member_starts(data: bytes) -> list[int]:
    """Byte offsets where each gzip member begins (warcio writes one member per record)."""
    starts, position = [], 0
    while position < len(data):
        starts.append(position)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
    return starts


def warc_record_starts(data: bytes) -> list[int]:
    return [match.start() for match in re.finditer(rb"WARC/1\.[01]\r\n", data)]


# warcio fails in a different way at each of these depths into the cut record; the break
# must be reported once, with its byte offset, however warcio trips over it.
@pytest.mark.parametrize("depth", [0.1, 0.25, 0.5, 0.9])
def test_truncated_warc_gz_keeps_the_records_before_the_break(
    tmp_path: Path, ingest: Ingest, depth: float
) -> None:
    folder = inputs_folder(tmp_path)
    whole = warc_bytes(WARC_PAGES, gzip=True)
    _, second, third = gzip_member_starts(whole)
    cut = second + int((third - second) * depth)  # part-way through the second page's record
    (folder / "crawl.warc.gz").write_bytes(whole[:cut])

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "crawl.warc.gz"),
                f"byte {cut}",
                "the gzip stream ends early or is corrupt (the file is truncated)",
                WARC_TRUNCATED_HINT,
            )
        ],
        new_documents=GOOD_DOCUMENTS + 1,
    )
    kept = outcome.stored_document(str(folder / "crawl.warc.gz"))
    assert kept.url == "https://diariodelparia.example/a/1"


def test_truncated_plain_warc_keeps_the_records_before_the_break(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    whole = warc_bytes(WARC_PAGES, gzip=False)
    _, second, third = warc_record_starts(whole)
    cut = second + (third - second) // 2
    (folder / "crawl.warc").write_bytes(whole[:cut])

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "crawl.warc"),
                f"record 2 at byte {second}",
                "the record is cut off before its end",
                WARC_TRUNCATED_HINT,
            )
        ],
        new_documents=GOOD_DOCUMENTS + 1,
    )
    kept = outcome.stored_document(str(folder / "crawl.warc"))
    assert kept.url == "https://diariodelparia.example/a/1"


def test_warc_cut_inside_a_record_header_is_a_failure_not_a_skip(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    whole = warc_bytes(WARC_PAGES, gzip=False)
    _, second, _ = warc_record_starts(whole)
    cut = whole.index(b"Content-Length:", second) + len(b"Content-Length:")
    (folder / "crawl.warc").write_bytes(whole[:cut])

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "crawl.warc"),
                f"record 2 at byte {second}",
                "the record is cut off before its end",
                WARC_TRUNCATED_HINT,
            )
        ],
        new_documents=GOOD_DOCUMENTS + 1,
    )
    assert outcome.summary.skipped == []


# -- feeds -------------------------------------------------------------------------------------


def test_feed_that_is_not_xml_fails_as_a_whole(tmp_path: Path, ingest: Ingest) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "diario.rss").write_text(
        "Error 503 Service Unavailable\nThe feed is temporarily offline.\n"
    )

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "diario.rss"),
                "line 1",
                "not a readable RSS or Atom feed (syntax error)",
                "check that the file is the feed's XML, not a web page",
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )


FEED_ITEMS = [
    ("Tres heridos en Cumaná", "Tres personas resultaron heridas en la avenida Bermúdez."),
    ("Protesta en Carúpano", "Vecinos de Carúpano protestaron por la falta de agua."),
    ("Detenidos en Irapa", "La policía detuvo a dos hombres en Irapa tras un tiroteo."),
]


def rss_with_items(declaration: bool) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>https://diariodelparia.example/{n}</link>"
        f"<description>{text}</description></item>\n"
        for n, (title, text) in enumerate(FEED_ITEMS, start=1)
    )
    head = '<?xml version="1.0" encoding="utf-8"?>\n' if declaration else ""
    return (
        f'{head}<rss version="2.0"><channel>\n<title>Diario del Paria</title>\n{items}'
        "</channel></rss>\n"
    )


@pytest.mark.parametrize("declaration", [True, False], ids=["declared", "no-xml-declaration"])
def test_feed_cut_off_mid_entry_keeps_the_earlier_entries(
    tmp_path: Path, ingest: Ingest, declaration: bool
) -> None:
    folder = inputs_folder(tmp_path)
    feed = rss_with_items(declaration)
    cut = feed.index("La policía detuvo")  # inside the third entry's description
    (folder / "diario.rss").write_text(feed[:cut], encoding="utf-8")
    cut_line = feed[:cut].count("\n") + 1

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "diario.rss"),
                f"line {cut_line}",
                "the feed breaks off or is malformed after 3 entries (no element found)",
                "the entries before the break were kept; fetch the feed again for the rest",
            )
        ],
        new_documents=GOOD_DOCUMENTS + 2,
    )
    assert outcome.summary.skipped == [
        Skipped(str(folder / "diario.rss"), "entry 3", "entry has no text")
    ]
    with outcome.store.session() as session:
        titles = session.scalars(
            select(m.Document.title).where(m.Document.reader == "feed").order_by(m.Document.title)
        ).all()
    assert titles == ["Protesta en Carúpano", "Tres heridos en Cumaná"]


# -- wrong or undeclared encoding --------------------------------------------------------------

LATIN1_TESTIMONY = (
    "Testimonio de la señora Peña, vecina de Cumaná\n\n"
    "La mañana del martes oí los disparos desde la panadería. Según mi hijo, "
    "los agresores huyeron en motocicleta hacia la costa; el año pasado pasó lo mismo.\n"
)


def test_latin1_text_without_a_declaration_is_detected_and_decoded(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "testimonio.txt").write_bytes(LATIN1_TESTIMONY.encode("latin-1"))

    outcome = ingest(folder)

    assert_outcome(outcome, [], new_documents=GOOD_DOCUMENTS + 1)
    document = outcome.stored_document(str(folder / "testimonio.txt"))
    assert document.text == LATIN1_TESTIMONY.strip()
    assert document.title == "Testimonio de la señora Peña, vecina de Cumaná"
    assert document.encoding == "cp1252"
    assert document.notes == ["no charset declared and the bytes are not UTF-8; detected cp1252"]


def test_html_declaring_utf8_with_cp1252_bytes_is_decoded_and_noted(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    page = (
        GOOD_ARTICLE.replace("Curfew imposed in Carúpano", "Toque de queda en Carúpano")
        .replace("Authorities in the coastal town", "La señora Peña contó que “todo empezó")
        .replace("of Carúpano imposed", "en la mañana”, y las autoridades impusieron")
    )
    (folder / "toque.html").write_bytes(page.encode("cp1252"))

    outcome = ingest(folder)

    assert_outcome(outcome, [], new_documents=GOOD_DOCUMENTS + 1)
    document = outcome.stored_document(str(folder / "toque.html"))
    assert document.title == "Toque de queda en Carúpano after night of unrest"
    assert "La señora Peña contó que “todo empezó en la mañana”, y las" in document.text
    assert document.encoding == "cp1252"
    assert document.notes == ["declared charset 'utf-8' does not match the bytes; detected cp1252"]


# -- empty and whitespace-only files -----------------------------------------------------------

TEXT_EMPTY = ("the file is empty (0 bytes)", "remove it or supply the text")
TEXT_BLANK = ("the file has no text (only whitespace or front matter)", "add the text")
HTML_EMPTY = ("the HTML file is empty", "remove it or re-capture the page")
JSONL_EMPTY = ("the file is empty", "remove it or supply JSON Lines")
FEED_EMPTY = ("the feed file is empty", "fetch the feed again")
TELEGRAM_FIX = "re-export the chat from Telegram Desktop (Export chat history, format: JSON)"


@pytest.mark.parametrize(
    ("name", "data", "position", "message", "hint"),
    [
        ("empty.txt", b"", "", *TEXT_EMPTY),
        ("blank.txt", b"  \n\t\r\n \n", "", *TEXT_BLANK),
        ("empty.md", b"", "", *TEXT_EMPTY),
        ("only-front-matter.md", b"---\ntitle: Borrador\n---\n\n", "", *TEXT_BLANK),
        ("empty.html", b"", "", *HTML_EMPTY),
        ("blank.html", b"\n   \n", "", *HTML_EMPTY),
        ("empty.jsonl", b"", "", *JSONL_EMPTY),
        ("blank.jsonl", b"\n\n  \n", "", *JSONL_EMPTY),
        ("empty.rss", b"", "", *FEED_EMPTY),
        (
            "result.json",
            b"",
            "line 1, column 1",
            "invalid JSON: Expecting value (the export may be truncated)",
            TELEGRAM_FIX,
        ),
    ],
)
def test_empty_or_whitespace_only_file_fails(
    tmp_path: Path,
    ingest: Ingest,
    name: str,
    data: bytes,
    position: str,
    message: str,
    hint: str,
) -> None:
    folder = inputs_folder(tmp_path)
    (folder / name).write_bytes(data)

    outcome = ingest(folder)

    assert_outcome(
        outcome, [ReadFailure(str(folder / name), position, message, hint)], GOOD_DOCUMENTS
    )


# -- a file over the size limit ----------------------------------------------------------------

SIZE_HINT = "split it, or raise the limit with --max-bytes or COTEJO_MAX_BYTES"


def write_oversized(folder: Path, size: int) -> bytes:
    line = "Registro de incidentes en Sucre, línea de relleno para superar el límite.\n"
    data = (line * (size // len(line) + 1)).encode("utf-8")[:size]
    (folder / "huge-log.txt").write_bytes(data)
    return data


def test_file_over_the_size_limit_fails_and_is_never_read(tmp_path: Path, ingest: Ingest) -> None:
    folder = inputs_folder(tmp_path)
    data = write_oversized(folder, 10_000)

    outcome = ingest(folder, max_bytes=4096)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "huge-log.txt"),
                "10000 bytes",
                "file is larger than the 4096-byte limit",
                SIZE_HINT,
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )
    assert outcome.summary.files == GOOD_DOCUMENTS  # the big file was not opened
    assert not outcome.archived(data)
    with outcome.store.session() as session:
        assert session.scalar(select(func.max(m.Blob.size))) < 4096


def test_cli_max_bytes_option_reports_the_oversized_file(tmp_path: Path) -> None:
    folder = inputs_folder(tmp_path)
    write_oversized(folder, 10_000)

    result = cli_ingest(tmp_path, folder, "--max-bytes", "4K")

    assert result.exit_code == 1
    assert (
        f"{folder / 'huge-log.txt'} (10000 bytes): file is larger than the 4096-byte limit"
        f" — {SIZE_HINT}"
    ) in result.output
    assert "ingested 2 new document(s) from 2 file(s)" in result.output


# -- binary data with a text extension ---------------------------------------------------------

JPEG_LIKE = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00H\x00H\x00\x00" + bytes(range(256))


@pytest.mark.parametrize("name", ["foto.txt", "nota.md", "pagina.html", "items.jsonl"])
def test_binary_file_with_a_text_extension_fails(tmp_path: Path, ingest: Ingest, name: str) -> None:
    folder = inputs_folder(tmp_path)
    (folder / name).write_bytes(JPEG_LIKE)

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / name),
                f"bytes 0-{len(JPEG_LIKE)}",
                "binary data, not text",
                "cotejo reads HTML, text, Markdown, RSS/Atom, JSON Lines, Telegram JSON and WARC",
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )
    assert not outcome.archived(JPEG_LIKE)


# -- symlinks ----------------------------------------------------------------------------------


def test_symlink_escaping_the_input_folder_fails_and_is_not_read(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    outside = tmp_path / "private" / "informe-confidencial.txt"
    outside.parent.mkdir()
    outside.write_text("Informe confidencial: no debe entrar al archivo.\n")
    (folder / "informe.txt").symlink_to(outside)

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "informe.txt"),
                "symlink",
                f"points outside the input folder (to {outside})",
                "copy the file into the folder if you mean to ingest it",
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )
    assert not outcome.archived(outside.read_bytes())


def test_cli_reports_the_escaping_symlink_and_exits_1(tmp_path: Path) -> None:
    folder = inputs_folder(tmp_path)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("fuera de la carpeta\n")
    (folder / "enlace.txt").symlink_to(outside)

    result = cli_ingest(tmp_path, folder)

    assert result.exit_code == 1
    assert (
        f"{folder / 'enlace.txt'} (symlink): points outside the input folder (to {outside})"
        " — copy the file into the folder if you mean to ingest it"
    ) in result.output


def test_symlink_inside_the_input_folder_is_followed(tmp_path: Path, ingest: Ingest) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "alias-note.txt").symlink_to(folder / "good-note.txt")

    outcome = ingest(folder)

    # The same bytes reached twice: one document, a second capture of it.
    assert_outcome(outcome, [], new_documents=GOOD_DOCUMENTS, duplicates=1)
    via_link = outcome.stored_document(str(folder / "alias-note.txt"))
    direct = outcome.stored_document(str(folder / "good-note.txt"))
    assert via_link.sha256 == direct.sha256
    assert via_link.text == GOOD_NOTE.strip()


# -- Telegram exports --------------------------------------------------------------------------

TELEGRAM_GOOD = [
    {
        "id": 10,
        "type": "message",
        "date": "2025-10-14T19:15:00",
        "date_unixtime": "1760483700",
        "text": "Reportan disparos en la avenida Bermúdez.",
    },
    {"id": 11, "type": "message", "text": "Mensaje sin fecha"},
    {"id": 12, "type": "message", "date": "2025-10-14T19:20:00", "date_unixtime": "1760484000"},
    {
        "id": 13,
        "type": "message",
        "date": "2025-10-14T19:25:00",
        "date_unixtime": "1760484300",
        "text": [{"type": "bold", "text": "Última hora:"}, " tres heridos."],
    },
]


def test_telegram_export_with_missing_fields_keeps_the_good_messages(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "result.json").write_bytes(telegram_export(TELEGRAM_GOOD, name=None))
    display = str(folder / "result.json")

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                display,
                "top level",
                "missing field 'name'; messages kept under 'telegram:1234567890'",
                TELEGRAM_FIX,
            ),
            ReadFailure(display, "message 11", "message has no readable 'date'", TELEGRAM_FIX),
            ReadFailure(display, "message 12", "message has no 'text' field", TELEGRAM_FIX),
        ],
        new_documents=GOOD_DOCUMENTS + 2,
    )
    with outcome.store.session() as session:
        kept = session.execute(
            select(m.Document.text, m.Document.notes, m.Source.name, m.Source.kind)
            .join(m.Source)
            .where(m.Document.reader == "telegram")
            .order_by(m.Document.external_id)
        ).all()
    note = ["the export has no channel 'name'; source recorded as 'telegram:1234567890'"]
    assert [tuple(row) for row in kept] == [
        ("Reportan disparos en la avenida Bermúdez.", note, "telegram:1234567890", "social"),
        ("Última hora: tres heridos.", note, "telegram:1234567890", "social"),
    ]


BROKEN_EXPORT = """{
 "name": "Alerta Sucre",
 "type": "public_channel",
 "id": 1234567890,
 "messages": [
  {"id": 1, "type": "message", "date_unixtime": "1760483700", "text": "Disparos en Cumaná"},
  {"id": 2, "type": "message" "date_unixtime": "1760485200", "text": "Tres heridos"}
 ]
}
"""
VALID_EXPORT = BROKEN_EXPORT.replace('"message" "date', '"message", "date')
BROKEN_COLUMN = BROKEN_EXPORT.splitlines()[6].index('"date_unixtime"') + 1
TRUNCATED_COLUMN = VALID_EXPORT.splitlines()[6].index('"Tres heridos"') + 1  # the cut string


def test_telegram_export_with_invalid_json_names_line_and_column(
    tmp_path: Path, ingest: Ingest
) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "result.json").write_text(BROKEN_EXPORT, encoding="utf-8")

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "result.json"),
                f"line 7, column {BROKEN_COLUMN}",
                "invalid JSON: Expecting ',' delimiter (the export may be truncated)",
                TELEGRAM_FIX,
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )


def test_truncated_telegram_export_names_where_it_stops(tmp_path: Path, ingest: Ingest) -> None:
    folder = inputs_folder(tmp_path)
    assert json.loads(VALID_EXPORT)["name"] == "Alerta Sucre"  # valid before the cut
    cut = VALID_EXPORT.index('"Tres heridos"') + 5
    (folder / "result.json").write_text(VALID_EXPORT[:cut], encoding="utf-8")

    outcome = ingest(folder)

    assert_outcome(
        outcome,
        [
            ReadFailure(
                str(folder / "result.json"),
                f"line 7, column {TRUNCATED_COLUMN}",
                "invalid JSON: Unterminated string starting at (the export may be truncated)",
                TELEGRAM_FIX,
            )
        ],
        new_documents=GOOD_DOCUMENTS,
    )


def test_cli_reports_the_invalid_telegram_export_and_exits_1(tmp_path: Path) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "result.json").write_text(BROKEN_EXPORT, encoding="utf-8")

    result = cli_ingest(tmp_path, folder)

    assert result.exit_code == 1
    assert (
        f"{folder / 'result.json'} (line 7, column {BROKEN_COLUMN}): invalid JSON: "
        f"Expecting ',' delimiter (the export may be truncated) — {TELEGRAM_FIX}"
    ) in result.output
    assert "ingested 2 new document(s) from 3 file(s)" in result.output


# -- every failure above is also a row -------------------------------------------------------


def test_failures_of_one_run_are_persisted_with_the_run_id(tmp_path: Path, ingest: Ingest) -> None:
    folder = inputs_folder(tmp_path)
    (folder / "items.jsonl").write_text(JSONL_WITH_BAD_LINE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    write_oversized(folder, 10_000)

    outcome = ingest(folder, max_bytes=4096)

    with outcome.store.session() as session:
        rows = session.execute(
            select(m.IngestFailure.run_id, m.IngestFailure.file).order_by(m.IngestFailure.id)
        ).all()
        run = session.get(m.IngestRun, outcome.summary.run_id)
        assert run is not None
        counts = run.counts
    assert [tuple(r) for r in rows] == [
        (outcome.summary.run_id, str(folder / "huge-log.txt")),  # found by the walk, not read
        (outcome.summary.run_id, str(folder / "empty.txt")),
        (outcome.summary.run_id, str(folder / "items.jsonl")),
    ]
    assert counts["failed"] == 3
    assert counts["new_documents"] == GOOD_DOCUMENTS + 2


def test_an_unreadable_file_is_recorded_as_a_failure_in_the_store(tmp_path, monkeypatch) -> None:
    from pathlib import Path as _Path

    from sqlalchemy import select as _select

    from cotejo.pipeline import Ingester as _Ingester
    from cotejo.store import models as _m
    from cotejo.testing import FrozenClock as _Clock
    from cotejo.testing import make_store as _make_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "locked.txt").write_text("Three people were killed, police said.")
    (folder / "open.txt").write_text("Two people were injured, police said.")
    real_read = _Path.read_bytes

    def deny(path: _Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(_Path, "read_bytes", deny)
    store = _make_store(tmp_path / "home")
    summary = _Ingester(store, clock=_Clock()).run([folder])
    with store.session() as session:
        rows = session.scalars(_select(_m.IngestFailure.message)).all()
    store.close()
    assert summary.new_documents == 1
    assert rows == ["cannot read: Permission denied"]
