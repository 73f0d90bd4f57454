# ruff: noqa: E501  (fixture prose: long lines are intended)
"""Write examples/corpus-bad/: one small broken input per fault, plus two good documents.

Everything in it is fictional. truncated.warc(.gz) are written by build_warc.py.
Deterministic (binary.txt uses a fixed seed). Oversized files are NOT committed: tests make
them at run time.
Usage:  python examples/tools/build_corpus_bad.py
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_warc import tiny_png  # noqa: E402

BAD = HERE.parent / "corpus-bad"

MALFORMED_HTML = """<html>
<head>
<title>Incendio destruye tres puestos del mercado municipal de Carúpano</title>
<meta charset="utf-8">
<meta property="og:site_name" content="Diario del Paria">
</head>
<body>
<div class="wrap"><div class="col">
<h1>Incendio destruye tres puestos del mercado municipal de Carúpano</h2>
<p>CARÚPANO.– Un incendio destruyó en la madrugada de este jueves tres puestos de venta del mercado municipal de Carúpano. Los bomberos tardaron cerca de una hora en controlar las llamas y <b>no hubo heridos</b>, según informó el cuerpo de bomberos del municipio Bermúdez.
<p>Los comerciantes afectados, que vendían <i>ropa y <b>calzado</i></b>, calcularon sus pérdidas en varios miles de dólares.
</div></div></div></span></td>
<table><tr><td>Publicidad
<div class="footer">© Diario del Paria
</body>
"""

EMPTY_BODY_HTML = """<!DOCTYPE html>
<html lang="es">
<head><meta charset="utf-8"><title></title></head>
<body>
  <div id="app"></div>
  <div class="container"><div class="row"></div></div>
  <img src="/static/img/spacer.gif" alt="">
</body>
</html>
"""

GOOD_LINE_1 = {
    "text": "El alcalde de Río Caribe inauguró este lunes el nuevo muelle para lanchas de "
    "pasajeros, con capacidad para doce embarcaciones.",
    "title": "Río Caribe estrena muelle de pasajeros",
    "url": "https://www.diariodelparia.example/sucre/2025/10/27/rio-caribe-muelle-pasajeros/",
    "published_at": "2025-10-27T10:00:00-04:00",
    "source": "Diario del Paria",
    "source_kind": "media",
    "language": "es",
}
GOOD_LINE_2 = {
    "text": "Fishermen in Irapa said catches of carite had fallen by half since October.",
    "title": "Irapa fishermen report smaller catches",
    "url": "https://www.meridianpost.example/world/americas/2025/10/28/irapa-catches/",
    "published_at": "2025-10-28T12:00:00Z",
    "source": "The Meridian Post",
    "source_kind": "media",
    "language": "en",
}
GOOD_LINE_4 = {
    "text": "La alcaldía de Güiria anunció la reparación del alumbrado de la calle Bolívar.",
    "title": "Reparan alumbrado en Güiria",
    "url": "https://www.diariodelparia.example/sucre/2025/10/29/alumbrado-guiria/",
    "published_at": "2025-10-29T09:00:00-04:00",
    "source": "Diario del Paria",
    "source_kind": "media",
    "language": "es",
}


def jl(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


BAD_LINE_JSONL = (
    jl(GOOD_LINE_1)
    + "\n"
    + jl(GOOD_LINE_2)
    + "\n"
    + '{"text": "El gobernador anunció un plan de empleo para los pescadores de la '
    "península de Paria, que incluye créditos para mot\n" + jl(GOOD_LINE_4) + "\n"
)

NO_TEXT_JSONL = (
    jl(GOOD_LINE_1)
    + "\n"
    + jl(
        {
            "title": "Línea sin texto",
            "url": "https://www.diariodelparia.example/x/",
            "published_at": "2025-10-30T08:00:00-04:00",
            "source": "Diario del Paria",
            "source_kind": "media",
            "language": "es",
        }
    )
    + "\n"
    + jl(GOOD_LINE_4)
    + "\n"
)

NOT_A_FEED = """Este archivo debía ser el feed RSS del Observatorio, pero el servidor devolvió
una página de error. <b>503 Service Unavailable</b> <rss version="2.0
Por favor, intente de nuevo más tarde. <channel> <item> <title>Sin cerrar
"""

FEED_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Observatorio de Derechos del Caribe</title>
  <link>https://www.odcaribe.example/</link>
  <description>Alertas del Observatorio</description>
  <language>es</language>
"""
FEED_ITEMS = [
    (
        "Vigilia en Güiria a una semana del ataque",
        "https://www.odcaribe.example/alertas/2025/10/21/vigilia-guiria/",
        "Tue, 21 Oct 2025 21:00:00 -0400",
        "Decenas de personas participaron en una vigilia en el muelle pesquero de Güiria.",
    ),
    (
        "Pescadores de Irapa piden protección en el mar",
        "https://www.odcaribe.example/alertas/2025/10/25/pescadores-irapa/",
        "Sat, 25 Oct 2025 10:00:00 -0400",
        "La asociación de pescadores de Irapa pidió garantías para poder faenar.",
    ),
]
TRUNCATED_FEED = (
    FEED_HEAD
    + "".join(
        f"  <item>\n    <title>{t}</title>\n    <link>{u}</link>\n    <pubDate>{p}</pubDate>\n"
        f"    <description>{d}</description>\n  </item>\n"
        for t, u, p, d in FEED_ITEMS
    )
    + (
        "  <item>\n    <title>Informe mensual de octubre</title>\n"
        "    <link>https://www.odcaribe.example/informes/2025/10/</link>\n"
        "    <description>En octubre el Observatorio registró"
    )
)

LATIN1_TXT = """---
title: Pescadores de Río Caribe piden más vigilancia
source: Diario del Paria
url: https://www.diariodelparia.example/sucre/2025/10/30/rio-caribe-vigilancia/
published_at: 2025-10-30T08:00:00-04:00
---
RÍO CARIBE. Los pescadores de Río Caribe pidieron el jueves más presencia de la Guardia
Costera en la zona. «Aquí todos salimos de madrugada y no sabemos qué nos vamos a encontrar»,
dijo un pescador de 43 años. La señora Begoña Núñez, dueña de una pescadería, añadió que las
ventas cayeron a la mitad en el último mes.
"""

WRONG_CHARSET_HTML = """<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>Carúpano celebra su feria del cacao</title>
<meta property="og:site_name" content="Diario del Paria">
</head>
<body>
<article>
<h1>Carúpano celebra su feria del cacao</h1>
<p>CARÚPANO.– La feria del cacao reunió este fin de semana a más de 40 productores de la península de Paria. “Es la mejor cosecha en años”, dijo Begoña Muñoz, productora de Río Caribe.</p>
<p>Una tableta de chocolate artesanal se vendía a 5 €, según los organizadores… y se agotaron el sábado.</p>
</article>
</body>
</html>
"""

TELEGRAM_BROKEN_FIELDS = {
    "type": "public_channel",
    "id": 1873409999,
    "messages": [
        {
            "id": 10,
            "type": "message",
            "date": "2025-10-21T19:30:00",
            "date_unixtime": "1761089400",
            "from": "Paria Noticias",
            "from_id": "channel1873409999",
            "text": "Vigilia en el muelle de Güiria a una semana del ataque.",
            "text_entities": [
                {"type": "plain", "text": "Vigilia en el muelle de Güiria a una semana del ataque."}
            ],
        },
        {
            "id": 11,
            "type": "message",
            "from": "Paria Noticias",
            "from_id": "channel1873409999",
            "text": "Este mensaje no tiene fecha legible.",
            "text_entities": [{"type": "plain", "text": "Este mensaje no tiene fecha legible."}],
        },
        {
            "id": 12,
            "type": "message",
            "date": "2025-10-21T21:00:00",
            "date_unixtime": "1761094800",
            "from": "Paria Noticias",
            "from_id": "channel1873409999",
            "text_entities": [],
        },
        {
            "id": 13,
            "type": "message",
            "date": "2025-10-22T07:15:00",
            "date_unixtime": "1761131700",
            "from": "Paria Noticias",
            "from_id": "channel1873409999",
            "text": [
                "Las primeras lanchas vuelven a salir a faenar. ",
                {"type": "hashtag", "text": "#Güiria"},
            ],
            "text_entities": [
                {"type": "plain", "text": "Las primeras lanchas vuelven a salir a faenar. "},
                {"type": "hashtag", "text": "#Güiria"},
            ],
        },
    ],
}
# message 11 lacks "date" (and "date_unixtime"); message 12 lacks "text". Both must be reported.

TELEGRAM_INVALID = json.dumps(
    {
        "name": "Paria Noticias",
        "type": "public_channel",
        "id": 1873409999,
        "messages": [
            {
                "id": 20,
                "type": "message",
                "date": "2025-10-23T08:00:00",
                "date_unixtime": "1761220800",
                "from": "Paria Noticias",
                "from_id": "channel1873409999",
                "text": "Mensaje completo.",
                "text_entities": [{"type": "plain", "text": "Mensaje completo."}],
            },
            {
                "id": 21,
                "type": "message",
                "date": "2025-10-23T09:00:00",
                "date_unixtime": "1761224400",
                "from": "Paria Noticias",
                "from_id": "channel1873409999",
                "text": "Este mensaje se corta a la mitad",
                "text_entities": [],
            },
        ],
    },
    ensure_ascii=False,
    indent=1,
)
TELEGRAM_INVALID = TELEGRAM_INVALID[: TELEGRAM_INVALID.index("Este mensaje se corta") + 21]

GOOD_HTML = """<!DOCTYPE html>
<html lang="es">
<head>
  <meta charset="utf-8">
  <title>Yaguaraparo recupera el servicio eléctrico tras tres días de apagón | Diario del Paria</title>
  <meta property="og:site_name" content="Diario del Paria">
  <meta name="author" content="Redacción">
  <meta property="article:published_time" content="2025-10-24T09:00:00-04:00">
  <link rel="canonical" href="https://www.diariodelparia.example/sucre/2025/10/24/yaguaraparo-servicio-electrico/">
</head>
<body>
  <nav><a href="https://www.diariodelparia.example/">Inicio</a></nav>
  <article>
    <h1>Yaguaraparo recupera el servicio eléctrico tras tres días de apagón</h1>
    <p>YAGUARAPARO.– El servicio eléctrico volvió este jueves a Yaguaraparo, en el municipio Cajigal, después de tres días de apagón por la caída de un transformador.</p>
    <p>Los comerciantes del pueblo dijeron que perdieron mercancía refrigerada. La empresa eléctrica no informó la causa de la avería.</p>
  </article>
  <footer>© 2025 Diario del Paria</footer>
</body>
</html>
"""

GOOD_MD = """---
title: Irapa inaugura escuela de pesca artesanal
source: Diario del Paria
url: https://www.diariodelparia.example/sucre/2025/10/26/irapa-escuela-pesca/
published_at: 2025-10-26T11:00:00-04:00
author: Redacción
---
# Irapa inaugura escuela de pesca artesanal

**IRAPA.** La asociación de pescadores de Irapa abrió el sábado una escuela de pesca artesanal
para jóvenes del municipio Mariño. Los cursos, gratuitos, enseñan navegación, reparación de
redes y primeros auxilios.

- Duración: tres meses.
- Inscripciones: en la sede de la asociación, frente al muelle.
"""

README = """# cotejo: broken inputs (corpus-bad)

**Everything in this folder is fictional.** Each file is small and breaks in exactly one way,
except `good.html` and `good.md`, which are well-formed and must still be ingested when the
folder is ingested as a whole: one bad file must never stop the others.

The files are generated by `examples/tools/build_corpus_bad.py` (and `build_warc.py` for the
two WARCs); `escape-link.txt` is a symlink.

| file | fault | what cotejo should do / report |
|---|---|---|
| `malformed.html` | no doctype, `<h1>` closed by `</h2>`, unclosed `<p>`s, crossed `<i><b></i></b>`, stray `</div></span></td>`, unclosed `<table>` | recover with a lenient parser and ingest one document (text about a market fire in Carúpano), with a note that the HTML was malformed |
| `empty-body.html` | valid HTML with no text at all (empty title, empty divs, an image) | failure: "the page has no readable text" |
| `bad-line.jsonl` | 4 lines; line 3 is a truncated JSON object | ingest lines 1, 2 and 4; failure at "line 3": invalid JSON |
| `no-text.jsonl` | 3 lines; line 2 has no `text` field | ingest lines 1 and 3; failure at "line 2": no non-empty 'text' field |
| `truncated.warc.gz` | two HTML response records, gzip cut in the middle of the second record | ingest record 1; failure: the WARC is truncated after record 1. Note: warcio's `ArchiveIterator` stops *silently* on this file (the cut gzip member yields nothing), so the reader must notice that it stopped before the end of the file |
| `truncated.warc` | the same, uncompressed: record 2's block is shorter than its Content-Length | ingest record 1; failure: record 2 is truncated |
| `not-a-feed.rss` | a `.rss` file holding prose and broken markup (a 503 page), not XML | failure: not a readable RSS or Atom feed |
| `truncated-feed.xml` | RSS 2.0 feed cut off in the middle of its 3rd `<item>` | ingest the 2 complete items (the cut 3rd item has a title but no text: skip or report it); failure: the feed breaks off / is not well-formed XML |
| `latin1.txt` | Spanish text (ñ, á, é, «») in ISO-8859-1, no declaration | decode as Latin-1 / cp1252 (not as UTF-8 with replacement characters), ingest, note the guessed encoding |
| `wrong-charset.html` | declares `<meta charset="utf-8">`, but the bytes are windows-1252 (curly quotes, €, …, é, ñ) | detect the bytes are not UTF-8, decode as windows-1252, ingest with a note |
| `empty.txt` | 0 bytes | failure: the file is empty |
| `whitespace.md` | only blank lines, spaces and tabs | failure: the file has no text |
| `binary.txt` | a PNG followed by pseudo-random bytes with NULs, named `.txt` | failure: binary data, not text |
| `escape-link.txt` | symlink to `../../README.md`, outside the input folder | failure: symlink points outside the input folder; never read |
| `telegram/result.json` | Telegram export whose top level lacks `name`; message 11 lacks `date` (and `date_unixtime`); message 12 lacks `text`; messages 10 and 13 are fine | report the missing `name` (source falls back to the channel id), report message 11 (no `date`) and message 12 (no `text`); ingest messages 10 and 13 |
| `telegram-invalid/result.json` | Telegram export cut off mid-string (invalid JSON) | failure: invalid JSON, the export may be truncated |
| `good.html` | none | ingest 1 document |
| `good.md` | none | ingest 1 document |

`README.md` is listed in `.cotejoignore` and is not a document.

**Oversized files** are not committed: tests create a file over the configured size limit
(`--max-bytes` / `COTEJO_MAX_BYTES`) at run time and expect "file is larger than the limit".
"""


def main() -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    texts = {
        "malformed.html": MALFORMED_HTML,
        "empty-body.html": EMPTY_BODY_HTML,
        "bad-line.jsonl": BAD_LINE_JSONL,
        "no-text.jsonl": NO_TEXT_JSONL,
        "not-a-feed.rss": NOT_A_FEED,
        "truncated-feed.xml": TRUNCATED_FEED,
        "whitespace.md": "\n\n   \n\t\n\n",
        "telegram/result.json": json.dumps(TELEGRAM_BROKEN_FIELDS, ensure_ascii=False, indent=1)
        + "\n",
        "telegram-invalid/result.json": TELEGRAM_INVALID,
        "good.html": GOOD_HTML,
        "good.md": GOOD_MD,
        "README.md": README,
        ".cotejoignore": "README.md\n",
    }
    for name, text in texts.items():
        path = BAD / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    (BAD / "empty.txt").write_bytes(b"")
    (BAD / "latin1.txt").write_bytes(LATIN1_TXT.encode("iso-8859-1"))
    (BAD / "wrong-charset.html").write_bytes(WRONG_CHARSET_HTML.encode("cp1252"))
    rng = random.Random(20251014)
    (BAD / "binary.txt").write_bytes(
        tiny_png() + bytes(rng.getrandbits(8) for _ in range(3000)) + b"\x00" * 64
    )
    link = BAD / "escape-link.txt"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink("../../README.md", link)
    for path in sorted(BAD.rglob("*")):
        if path.is_file() or path.is_symlink():
            print(
                f"{path.relative_to(BAD)}  {'-> ' + os.readlink(path) if path.is_symlink() else path.stat().st_size}"
            )


if __name__ == "__main__":
    main()
