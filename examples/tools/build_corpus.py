# ruff: noqa: E501  (HTML template and README text: long lines are intended)
"""Render cotejo's fictional sample corpus from `corpus_data.py`.

Writes, under examples/:
  corpus/html/*.html, corpus/text/*.txt|*.md, corpus/jsonl/collected.jsonl,
  corpus/feeds/*.rss|*.xml|*.atom, corpus/telegram/<channel>/result.json,
  corpus/cotejo-sources.toml, corpus/.cotejoignore, corpus/README.md,
  corpus.key.toml (the answer key, outside corpus/).
The WARC files are written by build_warc.py (run it after this script).

Deterministic: running it twice gives byte-identical files.
Usage:  python examples/tools/build_corpus.py
"""

from __future__ import annotations

import html
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus_data as cd  # noqa: E402

EXAMPLES = HERE.parent
CORPUS = EXAMPLES / "corpus"
SOURCES = {s["name"]: s for s in cd.SOURCES}

MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTHS_EN = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.strip().split("\n\n") if p.strip()]


def domain(url: str) -> str:
    return url.split("/")[2]


def display_date(value: str, lang: str) -> str:
    dt = parse_iso(value)
    if lang == "es":
        return f"{dt.day} de {MONTHS_ES[dt.month - 1]} de {dt.year}, {dt:%H:%M}"
    hour = dt.hour % 12 or 12
    ampm = "a.m." if dt.hour < 12 else "p.m."
    return f"{MONTHS_EN[dt.month - 1]} {dt.day}, {dt.year} {hour}:{dt:%M} {ampm}"


# ------------------------------------------------------------------------------------- HTML
NAV = {
    "en": ["Home", "U.S.", "World", "Americas", "Politics", "Business", "Opinion", "Sports"],
    "es": [
        "Inicio",
        "Nacionales",
        "Regiones",
        "Sucesos",
        "Política",
        "Economía",
        "Opinión",
        "Deportes",
    ],
}
MOST_READ = {
    "en": [
        "City council approves new budget for road repairs",
        "Five things to do this weekend",
        "Local bakery wins regional award",
    ],
    "es": [
        "Resultados de la lotería de este fin de semana",
        "Horario del servicio de agua en la zona norte",
        "Receta: arepas de chicharrón para el domingo",
    ],
}
FOOTER = {
    "en": "All rights reserved. No part of this site may be reproduced without permission.",
    "es": "Todos los derechos reservados. Prohibida su reproducción total o parcial.",
}


def _layout(name: str) -> int:
    return sum(name.encode("utf-8")) % 3


def render_html(d: dict) -> str:
    """A full news page: head metadata, nav, one <article>, aside and footer boilerplate."""
    lang, site, url = d["lang"], d["source"], d["url"]
    home = f"https://{domain(url)}/"
    title = html.escape(d["title"], quote=False)
    attr = lambda s: html.escape(s, quote=True)  # noqa: E731
    byline_word = "Por" if lang == "es" else "By"
    ps = "\n".join(f"    <p>{html.escape(p, quote=False)}</p>" for p in paragraphs(d["body"]))
    nav = "\n".join(
        f'        <li><a href="{home}{"" if i == 0 else item.lower().replace(".", "").replace(" ", "-") + "/"}">{item}</a></li>'
        for i, item in enumerate(NAV[lang])
    )
    most = "\n".join(
        f'      <li><a href="{home}{"mas-leidas" if lang == "es" else "most-read"}/{i + 1}">{t}</a></li>'
        for i, t in enumerate(MOST_READ[lang])
    )
    variant = _layout(site)
    if variant == 0:
        body_open, body_close = '  <div class="article-body">\n', "\n  </div>"
    elif variant == 1:
        body_open, body_close = (
            '  <section class="story-content" itemprop="articleBody">\n',
            "\n  </section>",
        )
    else:
        body_open, body_close = "", ""
    related = "Lo más leído" if lang == "es" else "Most read"
    share = "Compartir" if lang == "es" else "Share"
    subscribe = (
        "Suscríbase a nuestro boletín diario"
        if lang == "es"
        else "Sign up for our daily newsletter"
    )
    year = parse_iso(d["published"]).year
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | {html.escape(site, quote=False)}</title>
  <meta name="description" content="{attr(paragraphs(d["body"])[0][:150])}">
  <meta property="og:site_name" content="{attr(site)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{attr(d["title"])}">
  <meta property="og:url" content="{attr(url)}">
  <meta name="author" content="{attr(d["author"])}">
  <meta property="article:published_time" content="{d["published"]}">
  <link rel="canonical" href="{attr(url)}">
  <link rel="stylesheet" href="{home}static/css/site.css">
</head>
<body>
  <div class="cookie-banner">{"Usamos cookies para mejorar su experiencia." if lang == "es" else "We use cookies to improve your experience."} <button>OK</button></div>
  <header class="site-header">
    <a class="logo" href="{home}">{html.escape(site, quote=False)}</a>
    <nav class="main-nav">
      <ul>
{nav}
      </ul>
    </nav>
  </header>
  <main>
  <article>
    <h1>{title}</h1>
    <p class="byline">{byline_word} {html.escape(d["author"], quote=False)} · <time datetime="{d["published"]}">{display_date(d["published"], lang)}</time></p>
  {body_open}{ps}{body_close}
    <div class="share">{share}: <a href="#">X</a> <a href="#">Facebook</a> <a href="#">WhatsApp</a></div>
  </article>
  <aside class="most-read">
    <h2>{related}</h2>
    <ul>
{most}
    </ul>
  </aside>
  </main>
  <footer class="site-footer">
    <p>{subscribe}</p>
    <p>© {year} {html.escape(site, quote=False)}. {FOOTER[lang]}</p>
    <p><a href="{home}privacy">Privacy</a> · <a href="{home}contact">Contact</a> · <a href="{home}rss">RSS</a></p>
  </footer>
</body>
</html>
"""


# ------------------------------------------------------------------------------ text and md
def render_text(d: dict) -> str:
    for key in ("title", "source", "author"):
        value = d[key]
        assert ": " not in value and not value.startswith(("'", '"', "#", "«")), (d["key"], key)
    lines = [
        "---",
        f"title: {d['title']}",
        f"source: {d['source']}",
        f"url: {d['url']}",
        f"published_at: {d['published']}",
    ]
    if d.get("author"):
        lines.append(f"author: {d['author']}")
    lines.append("---")
    body = d["body"].strip()
    if d["fmt"] == "md":
        body = f"# {d['title']}\n\n{body}"
    return "\n".join(lines) + "\n" + body + "\n"


# ------------------------------------------------------------------------------------ JSONL
def jsonl_record(d: dict) -> dict:
    record = {"text": d["body"].strip()}
    if d.get("title"):
        record["title"] = d["title"]
    record.update(
        url=d["url"],
        published_at=d["published"],
        source=d["source"],
        source_kind=SOURCES[d["source"]]["kind"],
        language=d["lang"],
    )
    if d.get("author"):
        record["author"] = d["author"]
    return record


# ------------------------------------------------------------------------------------ feeds
def _html_paras(body: str) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(body))


def render_rss(
    title: str, link: str, description: str, lang: str, self_url: str, items: list[dict]
) -> str:
    items = sorted(items, key=lambda d: parse_iso(d["published"]), reverse=True)
    last = format_datetime(parse_iso(items[0]["published"]))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"  <title>{xml_escape(title)}</title>",
        f"  <link>{xml_escape(link)}</link>",
        f"  <description>{xml_escape(description)}</description>",
        f"  <language>{lang}</language>",
        f"  <lastBuildDate>{last}</lastBuildDate>",
        f'  <atom:link href="{xml_escape(self_url)}" rel="self" type="application/rss+xml"/>',
    ]
    for d in items:
        content = _html_paras(d["body"])
        assert "]]>" not in content
        out += [
            "  <item>",
            f"    <title>{xml_escape(d['title'])}</title>",
            f"    <link>{xml_escape(d['url'])}</link>",
            f'    <guid isPermaLink="true">{xml_escape(d["url"])}</guid>',
            f"    <pubDate>{format_datetime(parse_iso(d['published']))}</pubDate>",
            f"    <dc:creator>{xml_escape(d['author'])}</dc:creator>",
            f"    <description>{xml_escape(d['summary'])}</description>",
            f"    <content:encoded><![CDATA[{content}]]></content:encoded>",
            "  </item>",
        ]
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def render_atom(title: str, home: str, self_url: str, lang: str, items: list[dict]) -> str:
    items = sorted(items, key=lambda d: parse_iso(d["published"]), reverse=True)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <title>{xml_escape(title)}</title>",
        "  <subtitle>Noticias de Lima y del Perú, al minuto</subtitle>",
        f'  <link rel="alternate" type="text/html" href="{xml_escape(home)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(self_url)}"/>',
        f"  <id>{xml_escape(home)}</id>",
        f"  <updated>{items[0]['published']}</updated>",
    ]
    for d in items:
        dt = parse_iso(d["published"])
        tag = f"tag:{domain(d['url'])},{dt:%Y-%m-%d}:{d['url'].split(domain(d['url']))[1]}"
        out += [
            "  <entry>",
            f"    <title>{xml_escape(d['title'])}</title>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(d["url"])}"/>',
            f"    <id>{xml_escape(tag)}</id>",
            f"    <published>{d['published']}</published>",
            f"    <updated>{d['published']}</updated>",
            f"    <author><name>{xml_escape(d['author'])}</name></author>",
            f"    <summary>{xml_escape(d['summary'])}</summary>",
            f'    <content type="html">{xml_escape(_html_paras(d["body"]))}</content>',
            "  </entry>",
        ]
    out += ["</feed>", ""]
    return "\n".join(out)


FEEDS = {
    "feeds/odc.rss": dict(
        kind="rss",
        title="Observatorio de Derechos del Caribe",
        link="https://www.odcaribe.example/",
        description="Alertas y verificaciones sobre violencia y derechos "
        "humanos en el Caribe y sus fronteras.",
        lang="es",
        self_url="https://www.odcaribe.example/feed.rss",
    ),
    "feeds/morning-register.xml": dict(
        kind="rss",
        title="The Morning Register",
        link="https://www.morningregister.example/world",
        description="World news from The Morning Register",
        lang="en-gb",
        self_url="https://www.morningregister.example/world/rss",
    ),
    "feeds/peru-ahora.atom": dict(
        kind="atom",
        title="Perú Ahora",
        link="https://peruahora.example/",
        lang="es",
        self_url="https://peruahora.example/feed.atom",
    ),
}


# --------------------------------------------------------------------------------- Telegram
def _unix(local: str) -> str:
    dt = datetime.fromisoformat(local + cd.TELEGRAM_TZ)
    return str(int(dt.timestamp()))


def _entities(text) -> list[dict]:
    if isinstance(text, str):
        return [{"type": "plain", "text": text}]
    return [{"type": "plain", "text": p} if isinstance(p, str) else dict(p) for p in text]


def render_telegram() -> str:
    ch = cd.TELEGRAM_CHANNEL
    from_id = f"channel{ch['id']}"
    messages = []
    for mid, inc, date, text, extra in cd.TELEGRAM_MESSAGES:
        if inc == "service":
            messages.append(
                {
                    "id": mid,
                    "type": "service",
                    "date": date,
                    "date_unixtime": _unix(date),
                    "actor": ch["name"],
                    "actor_id": from_id,
                    "action": "pin_message",
                    "message_id": 4527,
                    "text": "",
                    "text_entities": [],
                }
            )
            continue
        m = {"id": mid, "type": "message", "date": date, "date_unixtime": _unix(date)}
        if "edited" in extra:
            m["edited"] = extra["edited"]
            m["edited_unixtime"] = _unix(extra["edited"])
        m["from"] = ch["name"]
        m["from_id"] = from_id
        if "forwarded_from" in extra:
            m["forwarded_from"] = extra["forwarded_from"]
        if "photo" in extra:
            m["photo"] = extra["photo"]
            m["width"] = extra["width"]
            m["height"] = extra["height"]
        m["text"] = text
        m["text_entities"] = _entities(text)
        messages.append(m)
    export = {"name": ch["name"], "type": ch["type"], "id": ch["id"], "messages": messages}
    return json.dumps(export, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------- registry etc.
def toml_str(value) -> str:
    if value is None:
        raise ValueError("TOML has no null")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_str(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ "
            + ", ".join(f"{k} = {toml_str(v)}" for k, v in value.items() if v is not None)
            + " }"
        )
    raise TypeError(type(value))


def render_sources() -> str:
    out = [
        "# Source registry of cotejo's FICTIONAL sample corpus: every publisher and account used.",
        "# `name` is exactly how the documents name the source (og:site_name, front-matter",
        "# `source`, JSONL `source`, feed title, Telegram channel name).",
        "# Sources with the same non-empty `affiliation` count as one voice for independence.",
        "",
    ]
    for s in cd.SOURCES:
        if s.get("note"):
            out.append(f"# {s['note']}")
        out += [
            "[[source]]",
            f"name = {toml_str(s['name'])}",
            f"kind = {toml_str(s['kind'])}",
            f"country = {toml_str(s['country'])}",
            f"language = {toml_str(s['language'])}",
            f"domains = {toml_str(s['domains'])}",
            f"affiliation = {toml_str(s['affiliation'])}",
            "",
        ]
    return "\n".join(out)


IGNORE = "# Files in this folder that are not documents.\nREADME.md\ncotejo-sources.toml\n"

FORMAT_LABEL = {
    "html": "HTML",
    "txt": "plain text + front matter",
    "md": "Markdown + front matter",
    "jsonl": "JSON Lines",
    "rss": "RSS 2.0",
    "atom": "Atom 1.0",
    "telegram": "Telegram Desktop export",
    "warc": "WARC",
}


# ----------------------------------------------------------------------------------- locators
def assign_locators(docs: list[dict]) -> None:
    """Give each document its `locator` (per the key's conventions) and reader `position`."""
    by_file = defaultdict(list)
    for d in docs:
        by_file[d["file"]].append(d)
    for file, group in by_file.items():
        fmt = group[0]["fmt"]
        if fmt == "jsonl":
            ordered = sorted(group, key=lambda d: parse_iso(d["published"]))
            for n, d in enumerate(ordered, start=1):
                d["locator"] = d["position"] = f"line {n}"
        elif fmt in ("rss", "atom"):
            ordered = sorted(group, key=lambda d: parse_iso(d["published"]), reverse=True)
            for n, d in enumerate(ordered, start=1):
                d["locator"], d["position"] = d["url"], f"entry {n}"
        elif fmt == "telegram":
            for d in group:
                d["locator"] = d["position"] = f"message {d['tg']['id']}"
        elif fmt == "warc":
            layout = cd.WARC_LAYOUT[file]
            for d in group:
                n = layout.index(("response-html", d["key"])) + 1
                d["locator"], d["position"] = d["url"], f"record {n}"
        else:
            assert len(group) == 1, file
            group[0]["locator"] = group[0]["position"] = None


def ref(d: dict) -> dict:
    out = {"file": d["file"]}
    if d.get("locator"):
        out["locator"] = d["locator"]
    return out


# ------------------------------------------------------------------------------------- key
def render_key(docs: list[dict]) -> str:
    by_key = {d["key"]: d for d in docs}
    files = sorted({d["file"] for d in docs})
    fmt_count = Counter(d["fmt"] for d in docs)
    lang_count = Counter(d["lang"] for d in docs)
    out = [
        "# Answer key for examples/corpus (cotejo's FICTIONAL sample corpus).",
        "# Generated by examples/tools/build_corpus.py from examples/tools/corpus_data.py; edit those.",
        "#",
        "# Document references: `file` is relative to examples/corpus. Files holding several",
        "# documents also give `locator`:",
        '#   JSON Lines -> "line N" (1-based)    RSS/Atom -> the entry\'s <link>',
        '#   Telegram   -> "message ID"          WARC     -> the record\'s WARC-Target-URI',
        "# The flat [[document]] list also gives `position`, the reader-style position",
        '# ("line N", "entry N" 1-based in file order, "message ID", "record N" 1-based',
        "# counting every WARC record including warcinfo and request).",
        "# Figures: low/high as the party states them; a missing `high` means open-ended.",
        "# hedge: exact | at-least | more-than | approximately | vague (...) | none stated.",
        "",
        "[corpus]",
        'path = "corpus"',
        "fictional = true",
        f"documents = {len(docs)}",
        f"files_with_documents = {len(files)}",
        f"by_format = {toml_str(dict(sorted(fmt_count.items())))}",
        f"by_language = {toml_str(dict(sorted(lang_count.items())))}",
        'not_documents = ["README.md", "cotejo-sources.toml", ".cotejoignore"]',
        "",
    ]
    for iid, inc in cd.INCIDENTS.items():
        members = [d for d in docs if d["incident"] == iid]
        out += [
            "[[incident]]",
            f"id = {toml_str(iid)}",
            f"title = {toml_str(inc['title'])}",
            f"event_type = {toml_str(inc['event_type'])}",
            f"sub_event_type = {toml_str(inc['sub_event_type'])}",
            f"date = {toml_str(inc['date'])}",
            f"date_precision = {toml_str(inc['date_precision'])}",
            f"place = {toml_str(inc['place'])}",
            f"place_detail = {toml_str(inc['place_detail'])}",
            f"place_precision = {toml_str(inc['place_precision'])}",
            f"country = {toml_str(inc['country'])}",
            f"admin1 = {toml_str(inc['admin1'])}",
            f"lat = {inc['lat']}",
            f"lon = {inc['lon']}",
        ]
        if inc["place_note"]:
            out.append(f"place_note = {toml_str(inc['place_note'])}")
        out += [
            f"acknowledged = {toml_str(inc['acknowledged'])}",
            f"document_count = {len(members)}",
            "documents = [",
            *[f"  {toml_str(ref(d))}," for d in members],
            "]",
            "",
        ]
        for attribute, party, low, high, hedge, keys in inc["figures"]:
            out += [
                "  [[incident.figure]]",
                f"  attribute = {toml_str(attribute)}",
                f"  party = {toml_str(party)}",
                f"  low = {low}",
            ]
            if high is not None:
                out.append(f"  high = {high}")
            out += [
                f"  hedge = {toml_str(hedge)}",
                f"  documents = {toml_str([ref(by_key[k]) for k in keys])}",
                "",
            ]
        for attribute, value, party, stance, basis, keys in inc["claims"]:
            out += [
                "  [[incident.claim]]",
                f"  attribute = {toml_str(attribute)}",
                f"  value = {toml_str(value)}",
                f"  party = {toml_str(party)}",
                f"  stance = {toml_str(stance)}",
                f"  basis = {toml_str(basis)}",
                f"  documents = {toml_str([ref(by_key[k]) for k in keys])}",
                "",
            ]
    wire = [d for d in docs if d.get("dup") == cd.WIRE]
    assert len(wire) == 10
    out += [
        "# The ten near-verbatim reprints of one Global Wire Service story (incident A).",
        "# They are one origin (the wire, itself relaying the Department of War), not ten.",
        "[[near_duplicate_group]]",
        f"id = {toml_str(cd.WIRE)}",
        'incident = "A"',
        'origin = "Global Wire Service"',
        'relays = "Department of War"',
        "members = [",
        *[f"  {toml_str({**ref(d), 'source': d['source']})}," for d in wire],
        "]",
        "",
    ]
    for d in docs:
        if d["incident"] == "none":
            out += [
                "[[noise]]",
                *[f"{k} = {toml_str(v)}" for k, v in ref(d).items()],
                'incident = "none"',
                f"title = {toml_str(d['title'])}",
                "",
            ]
    out.append("# Every document, in corpus order.")
    for d in docs:
        entry = {
            "key": d["key"],
            "file": d["file"],
            "locator": d.get("locator"),
            "position": d.get("position"),
            "format": d["fmt"],
            "language": d["lang"],
            "source": d["source"],
            "source_kind": SOURCES[d["source"]]["kind"],
            "incident": d["incident"],
            "near_duplicate_group": d.get("dup"),
            "published_at": d["published"],
            "url": d.get("url"),
            "title": d.get("title"),
        }
        out.append("[[document]]")
        out += [f"{k} = {toml_str(v)}" for k, v in entry.items() if v is not None]
        out.append("")
    return "\n".join(out)


# ------------------------------------------------------------------------------------ README
def render_readme(docs: list[dict]) -> str:
    by_file = defaultdict(list)
    for d in docs:
        by_file[d["file"]].append(d)
    fmt_count = Counter(d["fmt"] for d in docs)
    lang_count = Counter(d["lang"] for d in docs)
    out = [
        "# cotejo sample corpus",
        "",
        "**This corpus is entirely fictional: every person, outlet, account, spokesperson, "
        "statement and event in it is invented. Only place names, the names of public "
        "institutions and the general 2025 background are real. Do not cite it as news.**",
        "",
        "It is the bundled input of `cotejo demo` and of the test suite. It covers six invented "
        'incidents (A–F) and a few unrelated "noise" documents, in English and Spanish, in every '
        "input format cotejo reads. The answer key is `../corpus.key.toml`; the source registry is "
        "`cotejo-sources.toml`; `.cotejoignore` keeps this README and the registry out of ingest. "
        "All URLs use the reserved `.example` domain and all phone numbers the 555 fiction range.",
        "",
        "The files are generated: edit `examples/tools/corpus_data.py`, then run "
        "`python examples/tools/build_corpus.py && python examples/tools/build_warc.py` and "
        "`python examples/tools/check_corpus.py`.",
        "",
        "## Incidents",
        "",
        "| id | what | date | place | figures in dispute |",
        "|---|---|---|---|---|",
        "| A | U.S. strike on a boat off the Paria Peninsula | 2025-10-14 | off Güiria, Sucre, VE "
        '| Department of War: 3 "narco-terrorists" (no evidence); fishermen\'s association, '
        "relatives, Sucre government: 5 named fishermen |",
        "| B | U.S. strike on a boat in the Eastern Pacific | 2025-10-22 | ~110 nmi west of Tumaco, CO "
        "| 2 killed, 1 survivor (ministry); a family says a 4th man is missing |",
        "| C | Kidnapping of a shopkeeper | 2025-09-20 | Cúcuta, CO | later: 4 detained, 2 charged |",
        "| D | Immigration raid | 2025-09-05 | Aurora, Colorado, US | 12 detained; DHS says Tren de "
        "Aragua on the basis of tattoos only; lawyer and NGO: no convictions |",
        '| E | March over incident A | 2025-10-17 | Güiria, VE | "cientos" / "more than 200" / '
        '"miles"; 0 or 1 injured |',
        "| F | Gunmen shoot at a bus (extortion) | 2025-11-03 | San Juan de Lurigancho, Lima, PE "
        "| 1 driver killed; 2 injured (an early report says at least 3) |",
        "",
        "Incident A's Global Wire Service story is reprinted nearly verbatim by ten outlets "
        "(group `wire-A` in the key): one origin, not ten.",
        "",
        f"## Files ({len(by_file)} files, {len(docs)} documents: "
        + ", ".join(f"{n} {lang}" for lang, n in sorted(lang_count.items()))
        + ")",
        "",
        "Documents per format: "
        + ", ".join(f"{FORMAT_LABEL[k]} {v}" for k, v in sorted(fmt_count.items()))
        + ".",
        "",
        "| file | format | docs | language | source(s) | incident(s) |",
        "|---|---|---|---|---|---|",
    ]
    for file in sorted(by_file):
        group = by_file[file]
        langs = "/".join(sorted({d["lang"] for d in group}))
        sources = "; ".join(dict.fromkeys(d["source"] for d in group))
        incs = Counter(d["incident"] for d in group)
        inc_text = ", ".join(f"{k}×{v}" if v > 1 else k for k, v in sorted(incs.items()))
        if any(d.get("dup") for d in group):
            n = sum(1 for d in group if d.get("dup"))
            inc_text += f" (wire reprint{'s' if n > 1 else ''}: {n})"
        out.append(
            f"| `{file}` | {FORMAT_LABEL[group[0]['fmt']]} | {len(group)} | {langs} | "
            f"{sources} | {inc_text} |"
        )
    out += [
        "| `README.md` | Markdown | 0 | en | (this file; ignored via `.cotejoignore`) | — |",
        "| `cotejo-sources.toml` | TOML source registry | 0 | — | (ignored via `.cotejoignore`) | — |",
        "| `.cotejoignore` | ignore patterns | 0 | — | (hidden file) | — |",
        "",
        "### Documents inside multi-document files",
        "",
        "Locators as in the key: JSON Lines `line N`; feeds the entry's link (shown here as its "
        "position in the file, newest first); Telegram `message ID`; WARC the target URI "
        "(shown here as the record number, counting every record).",
        "",
        "| file | position | language | source | incident | title |",
        "|---|---|---|---|---|---|",
    ]
    for file in sorted(by_file):
        group = by_file[file]
        if len(group) == 1 and group[0]["fmt"] != "warc":
            continue
        for d in sorted(group, key=lambda d: int(d["position"].split()[1])):
            title = d.get("title") or "(no title) " + (d["body"] or _tg_plain(d))[:60] + "…"
            dup = " (wire reprint)" if d.get("dup") else ""
            out.append(
                f"| `{file}` | {d['position']} | {d['lang']} | {d['source']} | "
                f"{d['incident']}{dup} | {title.replace('|', '/')} |"
            )
    out += [
        "",
        "Notes on the formats:",
        "",
        "- `warc/capture.warc.gz` holds 6 records: warcinfo, a request and an HTML response for "
        "incident B's page, a `robots.txt` (text/plain) response, an HTML response for "
        "incident F's page, and an `image/png` response. Only the two HTML responses are "
        "documents. `warc/capture2.warc` (uncompressed) holds warcinfo and one HTML response. "
        "Both are written by `examples/tools/build_warc.py` with fixed dates and record IDs.",
        "- `telegram/sucre-al-instante/result.json` has 11 messages: 10 of type `message` and one "
        "`service` message (a pin), which is not a document. `date` is local time in Venezuela "
        "(UTC−4); `date_unixtime` is UTC. Message 4527 is forwarded from the fishermen's "
        "association (`forwarded_from`).",
        "- In `jsonl/collected.jsonl` lines are in order of `published_at`; social posts have no "
        "`title`.",
        "- Figures that are not casualty counts are deliberate traps for extraction: ages "
        '("a 23-year-old", "de 52 años"), years of work, calibres (9 mm), phone numbers, '
        'addresses, a boat registration (APNN-2317), campaign totals ("83 people since '
        'September"), crowd sizes, a football score and minute.',
        "",
    ]
    return "\n".join(out)


def _tg_plain(d: dict) -> str:
    text = d["tg"]["text"]
    return (
        text
        if isinstance(text, str)
        else "".join(p if isinstance(p, str) else p["text"] for p in text)
    )


# -------------------------------------------------------------------------------------- main
def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def main() -> None:
    docs = cd.DOCS
    keys = [d["key"] for d in docs]
    assert len(keys) == len(set(keys)), "duplicate document key"
    for d in docs:
        assert d["source"] in SOURCES, d["source"]
        if d.get("url"):
            assert ".example/" in d["url"], d["url"]
    assign_locators(docs)

    by_file = defaultdict(list)
    for d in docs:
        by_file[d["file"]].append(d)
    for file, group in by_file.items():
        fmt = group[0]["fmt"]
        target = CORPUS / file
        if fmt == "html":
            write(target, render_html(group[0]))
        elif fmt in ("txt", "md"):
            write(target, render_text(group[0]))
        elif fmt == "jsonl":
            ordered = sorted(group, key=lambda d: int(d["position"].split()[1]))
            write(
                target,
                "".join(json.dumps(jsonl_record(d), ensure_ascii=False) + "\n" for d in ordered),
            )
        elif fmt == "rss":
            f = FEEDS[file]
            write(
                target,
                render_rss(
                    f["title"], f["link"], f["description"], f["lang"], f["self_url"], group
                ),
            )
        elif fmt == "atom":
            f = FEEDS[file]
            write(target, render_atom(f["title"], f["link"], f["self_url"], f["lang"], group))
        elif fmt == "telegram":
            write(target, render_telegram())
        elif fmt == "warc":
            pass  # build_warc.py
        else:
            raise ValueError(fmt)
    write(CORPUS / "cotejo-sources.toml", render_sources())
    write(CORPUS / ".cotejoignore", IGNORE)
    write(CORPUS / "README.md", render_readme(docs))
    write(EXAMPLES / "corpus.key.toml", render_key(docs))
    print(f"wrote {len(by_file)} document files ({len(docs)} documents) under {CORPUS}")


if __name__ == "__main__":
    main()
