"""The `cotejo` command. Every subcommand honours --home / COTEJO_HOME."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cotejo import __version__
from cotejo.archive.blobs import BlobStore
from cotejo.archive.verify import verify as verify_archive
from cotejo.config import Settings, resolve_settings
from cotejo.errors import CotejoError
from cotejo.runner.lock import pipeline_lock
from cotejo.store.db import Store
from cotejo.store.queries import status as store_status

if TYPE_CHECKING:  # the ingest runner loads the readers: only `ingest` and `demo` need it
    from cotejo.runner.ingest import IngestSummary

REPO_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
DEMO_MARKER = ".cotejo-demo"

err_console = Console(stderr=True)


def _progress(label: str) -> Progress:
    # Rich draws only on a terminal; piped or in CI it stays quiet.
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    return resolve_settings(home=ctx.obj.get("home"), **overrides)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="COTEJO_HOME",
    help="Data folder (database + archive). Default: $COTEJO_HOME, else ./cotejo-data.",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="cotejo")
@click.pass_context
def cli(ctx: click.Context, home: Path | None, verbose: int) -> None:
    """cotejo: archive reports of violent incidents and cross-check who says what.

    Data lives in one folder: cotejo.db (SQLite) and archive/ (original bytes by SHA-256).
    """
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
    )
    if verbose < 2:
        # Libraries we call log their own recoveries as warnings; cotejo reports those itself.
        for noisy in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
            logging.getLogger(noisy).setLevel(logging.ERROR)
    ctx.ensure_object(dict)
    ctx.obj["home"] = home


def print_summary(summary: IngestSummary, echo: Callable[[str], None] = click.echo) -> None:
    def line(label: str, counts: dict[str, int]) -> None:
        shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
        echo(f"  {label:<16}{shown}")

    echo(
        f"ingested {summary.new_documents} new document(s) from {summary.files} file(s); "
        f"{summary.duplicates} duplicate(s) recorded as new captures; "
        f"{len(summary.failures)} failed; {len(summary.skipped)} skipped"
    )
    line("by format", dict(summary.by_format))
    line("by language", dict(summary.by_language))
    line("by source kind", dict(summary.by_kind))
    echo(
        f"  {'near-duplicates':<16}{summary.near_duplicate_links} document(s) linked into "
        f"{len(summary.near_duplicate_groups)} group(s) (linked, never dropped)"
    )
    for note in summary.notes:
        echo(f"  note: {note}")
    if summary.skipped:
        echo("skipped:")
        for skipped in summary.skipped:
            where = f" ({skipped.position})" if skipped.position else ""
            echo(f"  {skipped.file}{where}: {skipped.reason}")
    if summary.failures:
        echo("failed:")
        for failure in summary.failures:
            echo(f"  {failure}")


def run_ingest(settings: Settings, paths: list[Path]) -> IngestSummary:
    from cotejo.runner.ingest import Ingester

    with closing(Store(settings)) as store:
        with _progress("ingest") as bar:
            task = bar.add_task("", total=None)

            def tick(done: int, total: int, name: str) -> None:
                bar.update(task, completed=done, total=total, description=name[-60:])

            return Ingester(store).run(paths, progress=tick)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--max-bytes",
    envvar="COTEJO_MAX_BYTES",
    default="50M",
    show_default=True,
    help="Largest file to read; larger files fail with a clear error. Accepts K, M, G.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], max_bytes: str, as_json: bool) -> None:
    """Read files and folders (recursively) into the archive and the store.

    Formats are sniffed from content and name: HTML, plain text, Markdown, RSS/Atom,
    JSON Lines, Telegram Desktop exports (result.json) and WARC/WARC.gz. Identical bytes
    become a new capture of the existing document. Bad files are reported with their
    place and fix, and everything else is kept. Exits 1 if anything failed.
    """
    settings = _settings(ctx, max_bytes=max_bytes)
    with pipeline_lock(settings.home, "cotejo ingest"):
        summary = run_ingest(settings, list(paths))
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print_summary(summary)
    ctx.exit(0 if summary.ok else 1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.pass_context
def verify(ctx: click.Context, as_json: bool) -> None:
    """Re-hash every archived file and check the hash chain of the event log.

    Reports every mismatch with the document it affects. Exits 1 on any problem.
    """
    settings = _settings(ctx)
    with closing(Store(settings, create=False)) as store:
        with store.session() as session, _progress("verify") as bar:
            task = bar.add_task("", total=None)
            report = verify_archive(
                session,
                BlobStore(settings.archive_dir),
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
    if as_json:
        click.echo(
            json.dumps(
                {
                    "ok": report.ok,
                    "files_checked": report.files_checked,
                    "events_checked": report.events_checked,
                    "problems": [str(p) for p in report.problems],
                    "first_broken_link": str(report.first_broken_link)
                    if report.first_broken_link
                    else None,
                    "warnings": report.warnings,
                }
            )
        )
    else:
        verdict = "OK" if report.ok else f"FAILED: {len(report.problems)} problem(s)"
        click.echo(
            f"verify {verdict} — {report.files_checked} archived file(s) re-hashed, "
            f"{report.events_checked} log entries checked"
        )
        if report.first_broken_link:
            click.echo(f"  first broken link: {report.first_broken_link}")
        for problem in report.problems:
            click.echo(f"  {problem}")
        for warning in report.warnings:
            click.echo(f"  warning: {warning}")
    ctx.exit(0 if report.ok else 1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as one JSON object.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Counts of what the store holds: documents, captures, sources, formats, languages."""
    settings = _settings(ctx)
    with closing(Store(settings, create=False)) as store:
        with store.session() as session:
            info = store_status(session)
    if as_json:
        click.echo(json.dumps(info))
        return
    click.echo(f"home: {settings.home.resolve()}")
    for key, value in info.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
        click.echo(f"  {key.replace('_', ' '):<36}{value}")


def print_extract_summary(info: dict[str, Any], echo: Callable[[str], None] = click.echo) -> None:
    echo(
        f"extracted {info['documents']} document(s) with extractor {info['extractor_version']}: "
        f"{info['mentions']} incident mention(s); {info['documents_without_mention']} document(s) "
        f"describe no incident; {info['already_extracted']} already extracted"
    )
    for event_type, count in info["by_event_type"].items():
        echo(f"  {event_type:<38}{count}")
    if info.get("docs_per_s"):
        echo(f"  ({info['seconds']} s, {info['docs_per_s']} documents/s)")


def _print_reports(paths: tuple[Path, ...]) -> int:
    """Extract files without storing anything; one JSON object per document on stdout."""
    from cotejo.extract.language import detect_language
    from cotejo.extract.report import ExtractInput, Extractor
    from cotejo.ingest import Document, ReadFailure, read_bytes

    extractor = Extractor()
    failed = 0
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as err:
            err_console.print(f"{path}: cannot read: {err.strerror}", highlight=False)
            failed += 1
            continue
        _, results = read_bytes(data, str(path))
        for item in results:
            if isinstance(item, ReadFailure):
                err_console.print(str(item), highlight=False)
                failed += 1
            elif isinstance(item, Document):
                report = extractor.extract_one(
                    ExtractInput(
                        sha256=item.sha256,
                        text=item.text,
                        language=detect_language(item.text),
                        title=item.title,
                        published_at=item.published_at,
                    )
                )
                record = {
                    "file": str(path),
                    "locator": item.locator,
                    "title": item.title,
                    "text_length": len(item.text),
                    **report.model_dump(mode="json"),
                }
                click.echo(json.dumps(record, ensure_ascii=False))
    return failed


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--print",
    "print_only",
    is_flag=True,
    help="Extract FILES without storing anything; print one JSON object per document.",
)
@click.option("--limit", type=int, default=None, help="Extract at most this many documents.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Extraction processes (forked; they share the loaded models).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.pass_context
def extract(
    ctx: click.Context,
    files: tuple[Path, ...],
    print_only: bool,
    limit: int | None,
    workers: int,
    as_json: bool,
) -> None:
    """Extract what each archived document says happened, who says so, and on what basis.

    Processes every document not yet extracted by the current extractor version (so
    re-running is a no-op) and stores a report per document: incident mentions with event
    type, date, places, casualty figures, actors, claims with their origins, and
    affiliation claims with their basis; every value keeps its character span.

    With --print FILE..., reads the files, extracts them and prints the reports as JSON
    Lines without touching the store: a way to see what cotejo reads in a text.
    """
    if files and not print_only:
        raise click.UsageError(
            "FILES are only read with --print; without it, extract works on the store"
        )
    if print_only:
        if not files:
            raise click.UsageError("--print needs at least one FILE")
        ctx.exit(1 if _print_reports(files) else 0)
    from cotejo.runner.extract import run_extract

    settings = _settings(ctx)
    with (
        closing(Store(settings, create=False)) as store,
        pipeline_lock(settings.home, "cotejo extract"),
    ):
        with _progress("extract") as bar:
            task = bar.add_task("", total=None)
            summary = run_extract(
                store,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                limit=limit,
                workers=workers,
            )
    info = summary.as_dict()
    if as_json:
        click.echo(json.dumps(info))
    else:
        print_extract_summary(info)


def print_resolve_summary(info: dict[str, Any], echo: Callable[[str], None] = click.echo) -> None:
    echo(
        f"resolve ({info['mode']}, rules {info['config_version']}): {info['mentions']} mentions, "
        f"{info['joined']} joined an incident, {info['created']} started one; "
        f"{info['incidents']} incidents in all ({info['seconds']} s)"
    )
    if info["merged"]:
        echo(
            f"  {info['merged']} incident(s) merged into another: a mention fitted both "
            "(see 'merged_from' in incidents show)"
        )
    if info["waiting"]:
        echo(
            f"  {info['waiting']} announced event(s) wait for a report of the event itself "
            "(tried again on every run)"
        )
    if info["mode"] == "rebuild":
        echo(f"  memberships changed: {info['changed']}, incidents retired: {info['retired']}")


@cli.command()
@click.option(
    "--rebuild",
    is_flag=True,
    help="Regroup every mention from scratch (deterministic; analysts' decisions are kept).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.pass_context
def resolve(ctx: click.Context, rebuild: bool, as_json: bool) -> None:
    """Group extracted mentions into incidents, across outlets and languages.

    Without --rebuild, only mentions that have no incident yet are placed: each joins the
    best-fitting candidate incident (same date window, nearby, compatible event type, and
    similar in text, names and numbers, actors, places and figures) or starts a new one. A
    mention that fits a second incident almost surely merges it into the one it joins,
    unless a person placed mentions of either. A mention dated after its own publication
    (a march called for Friday) waits until the event itself is reported, and is tried
    again on every run. With --rebuild, everything
    is regrouped from scratch with the same result on every run; only the differences are
    written, and merges, splits and moves made by analysts are kept.
    """

    from cotejo.runner.resolve import run_resolve

    settings = _settings(ctx)
    what = "cotejo resolve --rebuild" if rebuild else "cotejo resolve"
    with closing(Store(settings, create=False)) as store, pipeline_lock(settings.home, what):
        with _progress("resolve") as bar:
            task = bar.add_task("", total=None)
            summary = run_resolve(
                store,
                rebuild=rebuild,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
    info = summary.as_dict()
    click.echo(json.dumps(info)) if as_json else print_resolve_summary(info)


def _figure(value: dict[str, Any] | None) -> str:
    if not value:
        return "-"
    low, high, point = value["low"], value["high"], value["value"]
    if high is None:
        return f"{point} ({low}+)" if low != point else f"{point}+"
    return str(point) if low == high else f"{point} ({low}-{high})"


def print_incidents(rows: list[dict[str, Any]], echo: Callable[[str], None] = click.echo) -> None:
    header = ("incident", "date", "type", "place", "killed", "injured", "docs", "grade")
    echo("{:<18} {:<10} {:<30} {:<24} {:>9} {:>9} {:>4}  {}".format(*header))
    for row in rows:
        grade = row.get("grade") or "-"
        if row.get("acknowledged"):
            grade += " + acknowledged"
        echo(
            f"{row['key']:<18} {row['date'] or '-':<10} {(row['event_type'] or '-')[:30]:<30} "
            f"{(row['place'] or '-')[:24]:<24} {_figure(row['killed']):>9} "
            f"{_figure(row['injured']):>9} {row['documents']:>4}  {grade}"
        )


@cli.group(invoke_without_command=True)
@click.option("--limit", type=int, default=None, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one incident each.")
@click.pass_context
def incidents(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """List incidents, one per line (alone, as `incidents list`); inspect them; merge, split
    and move as an analyst.

    Every merge, split and move is checked against the author's role (analyst or above),
    stored with its author and rationale, and logged; later `cotejo resolve` runs (with or
    without --rebuild) never undo it.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(incidents_list, limit=limit, as_json=as_json)


@incidents.command("list")
@click.option("--limit", type=int, default=None, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one incident each.")
@click.pass_context
def incidents_list(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """Live incidents by date, with canonical type, place, casualty figures and grade."""
    from cotejo.runner.incidents import list_incidents

    with closing(Store(_settings(ctx), create=False)) as store:
        rows = list_incidents(store, limit)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        print_incidents(rows)


@incidents.command("show")
@click.argument("key")
@click.pass_context
def incidents_show(ctx: click.Context, key: str) -> None:
    """One incident as JSON: canonical values with their sources, and every member mention
    with the signals that placed it."""
    from cotejo.runner.incidents import show_incident

    with closing(Store(_settings(ctx), create=False)) as store:
        click.echo(json.dumps(show_incident(store, key), ensure_ascii=False, indent=2))


def _decision_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--rationale", required=True, help="Why; stored with the decision and in the log."
    )(command)
    return click.option(
        "--author",
        envvar="COTEJO_USER",
        required=True,
        help="Who decides: a user with role analyst or above (default: $COTEJO_USER).",
    )(command)


def _decided(result: Any) -> None:
    from cotejo.cli_review import decision_text

    click.echo(decision_text(result))


@incidents.command("merge")
@click.argument("keys", nargs=-1, required=True)
@_decision_options
@click.pass_context
def incidents_merge(ctx: click.Context, keys: tuple[str, ...], author: str, rationale: str) -> None:
    """Merge incidents into the first KEY named."""
    from cotejo.review.service import merge

    with closing(Store(_settings(ctx), create=False)) as store:
        _decided(merge(store, author, list(keys), rationale))


@incidents.command("split")
@click.argument("key")
@click.option(
    "--mentions",
    required=True,
    help="Comma-separated mention ids (from `incidents show`) that form the new incident.",
)
@_decision_options
@click.pass_context
def incidents_split(
    ctx: click.Context, key: str, mentions: str, author: str, rationale: str
) -> None:
    """Split the named mentions out of incident KEY into a new incident."""
    from cotejo.cli_review import mention_ids
    from cotejo.review.service import split

    ids = mention_ids(mentions)
    with closing(Store(_settings(ctx), create=False)) as store:
        _decided(split(store, author, key, ids, rationale))


@incidents.command("move")
@click.argument("mention", type=int)
@click.option("--to", "target", required=True, help="Key of the incident to move it into.")
@_decision_options
@click.pass_context
def incidents_move(
    ctx: click.Context, mention: int, target: str, author: str, rationale: str
) -> None:
    """Move one MENTION (an id from `incidents show`) into another incident."""
    from cotejo.review.service import move

    with closing(Store(_settings(ctx), create=False)) as store:
        _decided(move(store, author, mention, target, rationale))


def _filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The incident filters of the API (GET /api/incidents), as options."""
    for flag, help_text in reversed(
        (
            ("--date-from", "Incidents on or after this date (YYYY-MM-DD)."),
            ("--date-to", "Incidents on or before this date (YYYY-MM-DD)."),
            ("--bbox", "west,south,east,north in degrees."),
            ("--country", "ISO 3166-1 alpha-2 codes, comma-separated (VE,CO)."),
            ("--event-type", "cotejo event types, comma-separated."),
            ("--language", "A source document's language: en, es, other, und."),
            ("--source-kind", "A source's kind: official, media, ngo, social, ..."),
            ("--actor", "Part of an actor's name."),
            (
                "--grade",
                "Headline grades: corroborated, single-origin, contested, refuted, ungraded.",
            ),
        )
    ):
        command = click.option(flag, default=None, help=help_text)(command)
    return command


# The formats of cotejo.export.EXPORTERS (a test keeps the two lists equal), named here so
# that `cotejo --help` does not import the exporters.
EXPORT_FORMATS = ("csv", "geojson", "jsonl", "claimreview", "graphml")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="csv: ACLED-like columns; geojson: RFC 7946 points; jsonl: one incident a line; "
    "claimreview: schema.org ClaimReview JSON-LD, one per graded claim (a JSON array); "
    "graphml: incidents, claims, origins, documents and sources as a graph.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Remove private individuals' names from text excerpts (spaCy person entities; "
    "organisations and public offices in the alias file are kept).",
)
@_filter_options
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path | None, redact: bool, **filters: str) -> None:
    """Export incidents as CSV (ACLED-like columns), GeoJSON, JSON Lines, ClaimReview or
    GraphML.

    The filters are those of the API's incident list. README's "Exports" section maps each
    CSV column to ACLED's and each grade to a ClaimReview rating. ClaimReview's author and
    incident URLs come from COTEJO_PUBLISHER and COTEJO_PUBLIC_URL. Redaction is a start,
    not a guarantee: read a redacted file before sharing it.
    """
    from cotejo.export import EXPORTERS, export_records, options_from
    from cotejo.query import parse_incident_query

    query = parse_incident_query(filters)
    redactor = None
    if redact:
        from cotejo.export.redact import default_redactor

        redactor = default_redactor()
    exporter = EXPORTERS[fmt]
    settings = _settings(ctx)
    options = options_from(settings)
    with closing(Store(settings, create=False)) as store:
        with store.read_session() as session:
            records = export_records(session, query, redactor)
            if out is None:
                count = exporter.write(records, click.get_text_stream("stdout"), options)
            else:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = exporter.write(records, handle, options)
    err_console.print(
        f"exported {count} incident(s) as {fmt}" + (f" to {out}" if out else ""), highlight=False
    )


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--language", default=None, help="Only documents in en, es, other or und.")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one document each.")
@click.pass_context
def search(
    ctx: click.Context, words: tuple[str, ...], language: str | None, limit: int, as_json: bool
) -> None:
    """Full-text search over documents' titles and texts: every word must match.

    "Quoted phrases" match as phrases and a trailing * as a prefix; accents and case are
    ignored (guiria finds Güiria).
    """
    from cotejo.query import LANGUAGES, parse_choices
    from cotejo.store import search as fts

    languages = parse_choices("language", language, LANGUAGES)
    with closing(Store(_settings(ctx), create=False)) as store:
        with store.read_session() as session:
            hits = fts.search(session, " ".join(words), limit, languages=languages)
    for hit in hits:
        snippet = "".join(f"[{t}]" if is_hit else t for t, is_hit in hit.snippet)
        if as_json:
            record = {
                "sha256": hit.sha256,
                "score": hit.score,
                "title": hit.title,
                "source": hit.source,
                "language": hit.language,
                "snippet": snippet,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"{hit.sha256[:12]}  {hit.language}  {hit.source}: {hit.title or '-'}")
            click.echo(f"    {snippet}")
    if not hits and not as_json:
        click.echo("no document matches every word")


@cli.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the full-text search index (and its triggers) from the documents.

    Ingest keeps the index in step by itself; rebuild after restoring a database from
    elsewhere, or when `cotejo status` or /api/status says the index is out of step.
    """
    from cotejo.store import search as fts

    settings = _settings(ctx)
    with (
        closing(Store(settings, create=False)) as store,
        pipeline_lock(settings.home, "cotejo reindex"),
    ):
        with store.session() as session:
            state = fts.rebuild(session)
    click.echo(f"full-text index rebuilt: {state.indexed} of {state.documents} document(s)")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes (each opens the store read-only for reads).",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, workers: int) -> None:
    """Serve the API (/api/..., spec at /openapi.json) and the web UI over the store.

    Reads are public unless COTEJO_READ_ACCESS=private; writes need a user with the role
    (signed in, or an API token). COTEJO_SECRET_KEY signs the CSRF tokens of signed-in
    browsers (a throwaway key is made, with a warning, when it is unset). Stop with Ctrl-C.
    """
    import os

    import uvicorn

    from cotejo.api.app import check_search_index
    from cotejo.web.pages import missing_vendor_files

    settings = _settings(ctx)
    with closing(Store(settings, create=False)) as store:
        note = check_search_index(store)
    if note:
        click.echo(note)
    missing = missing_vendor_files()
    if missing:
        click.echo(
            f"warning: the web UI is not built ({len(missing)} file(s) missing); run `make web`. "
            "The API works without it."
        )
    click.echo(f"serving {settings.home.resolve()} at http://{host}:{port} (Ctrl-C to stop)")
    os.environ["COTEJO_HOME"] = str(settings.home.resolve())
    if not settings.secret_key:
        import secrets

        # One throwaway key for every worker, so a CSRF token from one is good at another.
        os.environ["COTEJO_SECRET_KEY"] = secrets.token_urlsafe(48)
        click.echo(
            "warning: COTEJO_SECRET_KEY is not set; using a throwaway key until this server "
            "stops (signed-in browsers then fetch a new CSRF token). Set it for a deployment."
        )
    uvicorn.run(
        "cotejo.api.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


@cli.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help=f"Corpus to run on. Default: the bundled sample ({REPO_CORPUS}).",
)
@click.option(
    "--fresh/--keep",
    default=True,
    show_default=True,
    help="Start from an empty demo store. Only a folder made by `cotejo demo` is ever removed.",
)
@click.pass_context
def demo(ctx: click.Context, corpus: Path | None, fresh: bool) -> None:
    """Run the whole flow on the bundled, fictional sample corpus and print what it found.

    Runs ingest and archive, extract, resolve, assess (printing every incident's grades
    with their explanations), then verify.
    """
    corpus = corpus or REPO_CORPUS
    if not corpus.is_dir():
        raise CotejoError(f"sample corpus not found at {corpus}", "pass --corpus DIR")
    settings = _settings(ctx)
    if fresh and settings.home.exists():
        if not (settings.home / DEMO_MARKER).exists():
            raise CotejoError(
                f"{settings.home} exists and was not made by `cotejo demo`; refusing to replace it",
                "use --home for a separate demo folder, or --keep to add to this one",
            )
        shutil.rmtree(settings.home)
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / DEMO_MARKER).write_text("made by `cotejo demo`; safe to delete\n")
    with pipeline_lock(settings.home, "cotejo demo"):
        ok = _demo_flow(settings, corpus)
    ctx.exit(0 if ok else 1)


def _demo_flow(settings: Settings, corpus: Path) -> bool:
    click.echo(f"== ingest {corpus} into {settings.home}")
    summary = run_ingest(settings, [corpus])
    print_summary(summary)
    from cotejo.runner.extract import run_extract

    click.echo("== extract")
    with closing(Store(settings)) as store:
        print_extract_summary(run_extract(store).as_dict())
        from cotejo.runner.resolve import run_resolve

        click.echo("== resolve")
        print_resolve_summary(run_resolve(store).as_dict())
        from cotejo.cli_review import print_assess_summary, print_graded
        from cotejo.review.views import incident_view
        from cotejo.runner.assess import run_assess
        from cotejo.runner.incidents import list_incidents

        click.echo("== assess")
        print_assess_summary(run_assess(store).as_dict())
        rows = list_incidents(store)
        print_incidents(rows)
        click.echo("== graded incidents (with the reasons for each grade)")
        for row in rows:
            print_graded(incident_view(store, row["key"]))
        with store.session() as session:
            report = verify_archive(session, BlobStore(settings.archive_dir))
    click.echo(
        f"== verify: {'OK' if report.ok else 'FAILED'} "
        f"({report.files_checked} archived files, {report.events_checked} log entries)"
    )
    click.echo(
        "== to review in the web UI, make an account: "
        f"cotejo --home {settings.home} users add NAME --role admin; "
        f"cotejo --home {settings.home} users password NAME"
    )
    return summary.ok and report.ok


from cotejo.cli_review import register  # noqa: E402  (the assess and review commands)

register(cli)


def main() -> None:
    try:
        cli.main(prog_name="cotejo", standalone_mode=True)
    except CotejoError as err:
        err_console.print(f"[red]error:[/red] {err.message}", highlight=False)
        if err.hint:
            err_console.print(f"  hint: {err.hint}", highlight=False)
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
