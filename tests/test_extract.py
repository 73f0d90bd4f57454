"""The assembled extract stage on the seeds and the sample corpus: mentions, claims with
origins, cumulative figures, weak affiliation bases, privacy, storage and idempotency."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import CORPUS, seed_text
from cotejo.extract.model import AffiliationBasis, Attribute, FigureKind, Hedge, OriginKind, Report
from cotejo.extract.report import ExtractInput, Extractor
from cotejo.runner.extract import load_report, run_extract
from cotejo.runner.ingest import Ingester
from cotejo.store import models as m
from cotejo.testing import FrozenClock, make_store, run_cli

pytestmark = pytest.mark.slow

DEAD = ("Guaitero", "Marval", "Carreño", "Lunar", "Bermúdez", "Jaimes", "Quispe", "Angulo")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _seed(extractor: Extractor, name: str, published: date) -> Report:
    text = seed_text(name)
    return extractor.extract_one(
        ExtractInput(sha256=name, text=text, language="en", published_at=published)
    )


def test_seed_aurora_shooting_is_its_own_mention_with_police_as_origin(extractor) -> None:
    # Published date assumed 2025-03-18: the text reacts to the Alien Enemies Act weekend.
    report = _seed(extractor, "003", date(2025, 3, 18))
    [shooting] = [m for m in report.mentions if m.date and m.date.start == date(2024, 8, 18)]
    assert shooting.places[0].name == "Aurora" and shooting.places[0].admin1 == "Colorado"
    killed = [c for c in shooting.claims if c.attribute is Attribute.KILLED]
    assert [(c.value, c.origin.name) for c in killed] == [("1", "police")]
    assert report.document_sha256 == "003"
    for mention in report.mentions:
        for claim in mention.claims:
            text = seed_text("003")
            assert text[claim.span.start : claim.span.end] == claim.span.text


def test_seed_detained_and_charged_after_the_kidnapping(extractor) -> None:
    report = _seed(extractor, "003", date(2025, 3, 18))
    figures = {(f.kind, f.low) for m in report.mentions for f in m.figures}
    assert {(FigureKind.DETAINED, 19), (FigureKind.CHARGED, 11)} <= figures


def test_seed_campaign_total_is_cumulative_never_a_toll(extractor) -> None:
    report = _seed(extractor, "000", date(2025, 12, 3))
    assert [(f.kind, f.low, f.hedge) for f in report.cumulative_figures] == [
        (FigureKind.KILLED, 81, Hedge.MORE_THAN)
    ]
    assert all(f.low != 81 for m in report.mentions for f in m.figures)


def test_seed_tattoo_label_is_a_weak_affiliation(extractor) -> None:
    report = _seed(extractor, "003", date(2025, 3, 18))
    tattoo = [
        a
        for m in report.mentions
        for a in m.affiliations
        if AffiliationBasis.TATTOOS_CLOTHING_SYMBOLS in a.bases
    ]
    assert tattoo and all(a.weak for a in tattoo)


def test_a_text_without_an_incident_has_no_mention(extractor) -> None:
    report = extractor.extract_one(
        ExtractInput(
            sha256="w",
            text="Se esperan lluvias moderadas en Cumaná durante la tarde.",
            language="es",
            published_at=date(2025, 10, 20),
        )
    )
    assert report.mentions == ()


def test_no_date_in_the_text_means_no_date(extractor) -> None:
    report = extractor.extract_one(
        ExtractInput(
            sha256="n",
            text="Gunmen kidnapped a shopkeeper in Cúcuta, police said.",
            language="en",
            published_at=date(2025, 9, 21),
        )
    )
    [mention] = report.mentions
    assert mention.date is None and "no date" in mention.notes[0]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("extract") / "home")
    Ingester(store, clock=FrozenClock()).run([CORPUS])
    first = run_extract(store, clock=FrozenClock())
    second = run_extract(store, clock=FrozenClock())
    yield store, first, second
    store.close()


def _reports(store) -> list[Report]:
    with store.session() as session:
        return [Report.model_validate_json(p) for p in session.scalars(select(m.ReportRow.payload))]


def test_extraction_is_stored_once_and_rerunning_is_a_no_op(corpus_store) -> None:
    store, first, second = corpus_store
    assert first.documents == 59 and second.documents == 0 and second.already_done == 59
    with store.session() as session:
        assert session.execute(select(func.count()).select_from(m.ReportRow)).scalar_one() == 59
        mentions = session.execute(select(func.count()).select_from(m.MentionRow)).scalar_one()
        versions = set(session.scalars(select(m.ReportRow.extractor_version)))
    assert mentions == first.mentions and versions == {first.version}


def test_the_wire_reprints_read_as_one_strike_with_three_killed(corpus_store) -> None:
    store, _, _ = corpus_store
    with store.session() as session:
        shas = session.scalars(
            select(m.Document.sha256).where(m.Document.near_duplicate_group_id.is_not(None))
        ).all()
        reports = [load_report(session, sha) for sha in shas]
    assert len(reports) == 10
    for report in reports:
        main = report.mentions[0]
        assert main.event_type.type.value == "strike_on_vessel"
        assert main.date is not None and main.date.start == date(2025, 10, 14)
        assert main.places[0].name == "Güiria"
        assert "3" in {c.value for c in main.claims if c.attribute is Attribute.KILLED}


def test_the_fishermen_give_five_dead_and_the_ministry_three(corpus_store) -> None:
    by_text = {r.document_sha256: r for r in _reports(corpus_store[0])}
    store = corpus_store[0]
    with store.session() as session:
        apag = session.scalars(
            select(m.Document.sha256).where(m.Document.text.like("%Abrahán Rafael Lunar%"))
        ).first()
        dow = session.scalars(
            select(m.Document.sha256)
            .join(m.Source)
            .where(m.Source.name == "Department of War", m.Document.text.like("%Caribbean%"))
        ).first()

    def killed(sha: str) -> set[str]:
        claims = [c for mm in by_text[sha].mentions for c in mm.claims]
        return {c.value for c in claims if c.attribute is Attribute.KILLED}

    assert "5" in killed(apag)
    assert killed(dow) == {"3"}


def test_no_private_persons_name_reaches_a_structured_field(corpus_store) -> None:
    for report in _reports(corpus_store[0]):
        for mention in report.mentions:
            fields = [a.name for a in mention.actors] + [p.name for p in mention.places]
            fields += [c.value for c in mention.claims] + [c.origin.name for c in mention.claims]
            fields += [a.group for a in mention.affiliations] + [
                a.origin.name for a in mention.affiliations
            ]
            leaked = [f for f in fields for name in DEAD if name in f]
            assert leaked == [], leaked


def test_witnesses_are_origins_by_role(corpus_store) -> None:
    origins = [c.origin for r in _reports(corpus_store[0]) for mm in r.mentions for c in mm.claims]
    witnesses = {o.name for o in origins if o.kind is OriginKind.WITNESS}
    assert witnesses, "the corpus quotes fishermen and relatives"
    # A role ("pescador", "relative") or the placeholder, never a name: no capital letters.
    assert all(name == name.lower() for name in witnesses), witnesses
    assert {OriginKind.OFFICIAL, OriginKind.PUBLISHER, OriginKind.WITNESS} <= {
        o.kind for o in origins
    }


def test_extract_print_shows_mentions_with_spans_and_stores_nothing(tmp_path: Path) -> None:
    target = CORPUS / "text" / "apag-comunicado-2025-10-15.txt"
    result = run_cli(["--home", str(tmp_path / "h"), "extract", "--print", str(target)])
    assert result.exit_code == 0, result.output
    [line] = result.output.strip().splitlines()
    record = json.loads(line)
    assert record["file"] == str(target) and record["mentions"]
    killed = [f for f in record["mentions"][0]["figures"] if f["kind"] == "killed"]
    assert any(f["low"] == 5 for f in killed)
    assert not (tmp_path / "h").exists()


def test_extract_without_print_refuses_files(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cotejo.cli import cli

    target = CORPUS / "text" / "apag-comunicado-2025-10-15.txt"
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "extract", str(target)])
    assert result.exit_code == 2 and "--print" in result.output


def test_parallel_extraction_gives_the_same_reports_in_the_same_order(extractor) -> None:
    texts = sorted(CORPUS.glob("html/*.html"))[:6]
    from cotejo.ingest import Document, read_bytes

    items = []
    for path in texts:
        _, results = read_bytes(path.read_bytes(), str(path))
        for doc in results:
            if isinstance(doc, Document):
                items.append(
                    ExtractInput(
                        sha256=doc.sha256,
                        text=doc.text,
                        language="es" if "ñ" in doc.text or " de " in doc.text else "en",
                        title=doc.title,
                        published_at=doc.published_at,
                    )
                )
    serial = [r.model_dump_json() for r in extractor.extract_many(items)]
    parallel = [r.model_dump_json() for r in extractor.extract_parallel(items, workers=2, batch=2)]
    assert parallel == serial and len(serial) == 6


def test_a_stub_page_takes_its_facts_from_the_headline_with_title_spans(extractor) -> None:
    title = "Boy, 9, killed and 2 hurt in Fort Worth shooting"
    report = extractor.extract_one(
        ExtractInput(
            sha256="s",
            text="Sign in to continue reading. Subscribe now.",
            language="en",
            title=title,
        )
    )
    [mention] = report.mentions
    assert {(f.kind, f.low) for f in mention.figures} == {
        (FigureKind.KILLED, 1),
        (FigureKind.INJURED, 2),
    }
    assert all(
        f.span.field == "title" and title[f.span.start : f.span.end] == f.span.text
        for f in mention.figures
    )
    assert mention.places[0].name == "Fort Worth" and mention.places[0].span.field == "title"


def test_a_limited_run_counts_as_done_only_what_was_extracted(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(3):
        (folder / f"n{n}.md").write_text(f"# Note {n}\n\nPolice said {n + 2} men were shot.\n")
    store = make_store(tmp_path / "home")
    Ingester(store, clock=FrozenClock()).run([folder])
    first = run_extract(store, limit=1, clock=FrozenClock())
    second = run_extract(store, limit=1, clock=FrozenClock())
    store.close()
    assert (first.documents, first.already_done) == (1, 0)
    assert (second.documents, second.already_done) == (1, 1)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "Another suspect booked Thursday - KSLA News 12 Shreveport, Louisiana News Weather",
            "Another suspect booked Thursday",
        ),
        (
            "Five teens shot after tournament - WMC Action News 5 - Memphis, Tennessee",
            "Five teens shot after tournament",
        ),
        ("Shooting on Main Street | WBTV Charlotte", "Shooting on Main Street"),
        ("Police: man shot - suspect sought", "Police: man shot - suspect sought"),
    ],
)
def test_a_title_loses_the_site_name_appended_to_it(title: str, headline: str) -> None:
    from cotejo.extract.report import without_site_name

    assert without_site_name(title) == headline


def test_a_headline_word_and_a_station_are_not_the_event_place(extractor) -> None:
    # "Man" is a town in West Virginia; KSLA is a Shreveport station. Neither is where the
    # Pittsburgh shooting happened.
    report = extractor.extract_one(
        ExtractInput(
            sha256="site",
            title="Gunman booked Thursday - KSLA News 12 Shreveport, Louisiana News",
            text="Man kills brother, girlfriend in shootout with armed intruder.\n\n"
            "A man fatally shot an armed robber who broke into his apartment.",
            language="en",
            published_at=date(2015, 12, 24),
        )
    )
    places = {p.name for m in report.mentions for p in m.places}
    assert not places & {"Man", "Shreveport"}
