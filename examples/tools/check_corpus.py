"""Check cotejo's sample corpus against its answer key and the format conventions.

Checks: every file parses in its format (JSON Lines, Telegram JSON, RSS/Atom with
feedparser bozo == 0, WARC with warcio), every corpus file is UTF-8 and at most 100 KB, every
document in the key resolves to exactly one document in the files and vice versa, every
source is in the registry, and the ten wire reprints are near-duplicates (word 3-shingle
Jaccard >= 0.75 pairwise, <= 0.1 against unrelated documents).
Usage:  python examples/tools/check_corpus.py      (needs feedparser, warcio, trafilatura)
Exit status 1 if any check fails.
"""

from __future__ import annotations

import gzip
import html
import itertools
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

import feedparser
import trafilatura
from warcio.archiveiterator import ArchiveIterator

EXAMPLES = Path(__file__).resolve().parent.parent
CORPUS = EXAMPLES / "corpus"
BAD = EXAMPLES / "corpus-bad"
MAX_BYTES = 100 * 1024
FAILURES: list[str] = []


def check(ok: bool, message: str) -> None:
    if not ok:
        FAILURES.append(message)
        print("FAIL", message)


def front_matter(text: str) -> tuple[dict, str]:
    lines = text.split("\n")
    assert lines[0] == "---", "no front matter"
    end = lines.index("---", 1)
    fields = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, "\n".join(lines[end + 1 :])


def strip_tags(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def load_documents() -> dict[tuple[str, str | None], dict]:
    """Read every document out of the corpus files: (file, locator) -> info."""
    ignore = [
        p.strip()
        for p in (CORPUS / ".cotejoignore").read_text().splitlines()
        if p.strip() and not p.startswith("#")
    ]
    docs: dict[tuple[str, str | None], dict] = {}
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        rel = path.relative_to(CORPUS).as_posix()
        if path.name in ignore or path.name.startswith("."):
            continue
        data = path.read_bytes()
        if path.suffix == ".html":
            extracted = trafilatura.bare_extraction(data.decode("utf-8"), with_metadata=True)
            text = extracted.text if extracted else ""
            site = re.search(r'og:site_name" content="([^"]+)"', data.decode())
            docs[(rel, None)] = dict(
                text=text, source=html.unescape(site.group(1)) if site else None
            )
            check(bool(text and len(text) > 200), f"{rel}: trafilatura extracted little text")
        elif path.suffix in (".txt", ".md"):
            fields, body = front_matter(data.decode("utf-8"))
            for key in ("title", "source", "url", "published_at"):
                check(bool(fields.get(key)), f"{rel}: front matter lacks {key}")
            docs[(rel, None)] = dict(text=body, source=fields.get("source"))
        elif path.suffix == ".jsonl":
            for n, line in enumerate(data.decode("utf-8").splitlines(), start=1):
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    check(False, f"{rel} line {n}: {err}")
                    continue
                for key in ("text", "url", "published_at", "source", "source_kind", "language"):
                    check(key in obj, f"{rel} line {n}: lacks {key}")
                docs[(rel, f"line {n}")] = dict(
                    text=obj["text"],
                    source=obj["source"],
                    kind=obj["source_kind"],
                    lang=obj["language"],
                )
        elif path.suffix in (".rss", ".xml", ".atom"):
            parsed = feedparser.parse(data)
            check(parsed.bozo == 0, f"{rel}: feedparser bozo ({parsed.get('bozo_exception')})")
            for entry in parsed.entries:
                for key in ("title", "link", "published"):
                    check(bool(entry.get(key)), f"{rel}: entry lacks {key}")
                content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary", "")
                docs[(rel, entry.link)] = dict(text=strip_tags(content), source=parsed.feed.title)
        elif path.name == "result.json":
            export = json.loads(data)
            for key in ("name", "type", "id", "messages"):
                check(key in export, f"{rel}: lacks {key}")
            for m in export["messages"]:
                for key in ("id", "type", "date", "date_unixtime", "text", "text_entities"):
                    check(key in m, f"{rel} message {m.get('id')}: lacks {key}")
                if m["type"] != "message":
                    continue
                for key in ("from", "from_id"):
                    check(key in m, f"{rel} message {m['id']}: lacks {key}")
                text = (
                    m["text"]
                    if isinstance(m["text"], str)
                    else "".join(p if isinstance(p, str) else p["text"] for p in m["text"])
                )
                joined = "".join(e["text"] for e in m["text_entities"])
                check(text == joined, f"{rel} message {m['id']}: text != text_entities")
                docs[(rel, f"message {m['id']}")] = dict(text=text, source=export["name"])
        elif path.name.endswith((".warc", ".warc.gz")):
            with path.open("rb") as fh:
                for rec in ArchiveIterator(fh):
                    payload = rec.content_stream().read()
                    check(
                        rec.raw_stream.limit == 0 if hasattr(rec.raw_stream, "limit") else True,
                        f"{rel}: a record is truncated",
                    )
                    if rec.rec_type != "response":
                        continue
                    ctype = rec.http_headers.get_header("Content-Type", "")
                    if "html" not in ctype:
                        continue
                    page = payload.decode("utf-8")
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    text = trafilatura.bare_extraction(page).text
                    site = re.search(r'og:site_name" content="([^"]+)"', page)
                    docs[(rel, uri)] = dict(text=text, source=html.unescape(site.group(1)))
            if path.suffix == ".gz":
                gzip.decompress(path.read_bytes())  # the whole file is a complete gzip stream
        else:
            check(False, f"{rel}: unexpected file")
    return docs


def shingles(text: str, k: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def main() -> int:
    key = tomllib.loads((EXAMPLES / "corpus.key.toml").read_text(encoding="utf-8"))
    registry = tomllib.loads((CORPUS / "cotejo-sources.toml").read_text(encoding="utf-8"))
    sources = {s["name"]: s for s in registry["source"]}
    affiliations = Counter(s["affiliation"] for s in registry["source"] if s["affiliation"])
    check(any(n >= 2 for n in affiliations.values()), "no affiliation shared by two sources")

    # files: UTF-8, size
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        size = path.stat().st_size
        check(size <= MAX_BYTES, f"{path}: {size} bytes > 100 KB")
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            if not path.name.endswith((".warc", ".warc.gz")):
                check(False, f"{path}: not UTF-8")
        text = data.decode("utf-8", "replace")
        for url in re.findall(r"https?://([^/\s\"'<>]+)", text):
            check(
                url.endswith(".example") or url in ("purl.org", "www.w3.org"),
                f"{path}: URL host {url} is not .example",
            )
    for path in sorted(BAD.rglob("*")):
        if path.is_file() and not path.is_symlink():
            check(path.stat().st_size <= MAX_BYTES, f"{path}: > 100 KB")

    docs = load_documents()
    listed = {(d["file"], d.get("locator")): d for d in key["document"]}
    check(len(key["document"]) == len(listed), "duplicate (file, locator) in the key")
    check(
        set(docs) == set(listed),
        f"key and files differ: only in files {sorted(set(docs) - set(listed))}, "
        f"only in key {sorted(set(listed) - set(docs))}",
    )
    check(key["corpus"]["documents"] == len(docs), "corpus.documents count is wrong")
    for ref, d in listed.items():
        if ref in docs:
            got = docs[ref]
            check(
                got["source"] == d["source"],
                f"{ref}: source {got['source']!r} != key {d['source']!r}",
            )
            if "kind" in got:
                check(got["kind"] == d["source_kind"], f"{ref}: source_kind mismatch")
            if "lang" in got:
                check(got["lang"] == d["language"], f"{ref}: language mismatch")
        check(d["source"] in sources, f"{ref}: source {d['source']!r} not in registry")
        check(
            sources.get(d["source"], {}).get("kind") == d["source_kind"], f"{ref}: kind != registry"
        )
    incident_refs = [
        (r["file"], r.get("locator")) for inc in key["incident"] for r in inc["documents"]
    ]
    noise_refs = [(n["file"], n.get("locator")) for n in key["noise"]]
    check(
        sorted(incident_refs + noise_refs) == sorted(listed),
        "incident documents + noise do not cover every document exactly once",
    )
    for inc in key["incident"]:
        for item in inc.get("figure", []) + inc.get("claim", []):
            for r in item["documents"]:
                check((r["file"], r.get("locator")) in listed, f"incident {inc['id']}: bad ref {r}")

    # near-duplicates
    group = key["near_duplicate_group"][0]["members"]
    check(len(group) == 10, "wire group does not have 10 members")
    check(len({m["source"] for m in group}) == 10, "wire reprints are not 10 different outlets")
    sh = {
        (m["file"], m.get("locator")): shingles(docs[(m["file"], m.get("locator"))]["text"])
        for m in group
    }
    pair_scores = [jaccard(sh[a], sh[b]) for a, b in itertools.combinations(sh, 2)]
    check(
        min(pair_scores) >= 0.75,
        f"wire reprints: min pairwise Jaccard {min(pair_scores):.3f} < 0.75",
    )
    others = [ref for ref in docs if ref not in sh]
    cross = [jaccard(s, shingles(docs[o]["text"])) for s in sh.values() for o in others]
    check(max(cross) <= 0.1, f"wire vs unrelated: max Jaccard {max(cross):.3f} > 0.1")
    wire_words = [len(re.findall(r"\w+", docs[r]["text"])) for r in sh]

    fmt = Counter(d["format"] for d in key["document"])
    lang = Counter(d["language"] for d in key["document"])
    print(f"files under corpus/: {sum(1 for p in CORPUS.rglob('*') if p.is_file())}")
    print(
        f"documents: {len(docs)}  by format: {dict(sorted(fmt.items()))}  by language: {dict(lang)}"
    )
    print(
        f"wire reprints: {len(group)}, {min(wire_words)}-{max(wire_words)} words; pairwise Jaccard "
        f"min {min(pair_scores):.3f} max {max(pair_scores):.3f}; vs unrelated max {max(cross):.3f}"
    )
    check(len(docs) >= 48, "fewer than 48 documents")
    print("OK" if not FAILURES else f"{len(FAILURES)} FAILURES")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
