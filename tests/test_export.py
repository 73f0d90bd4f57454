"""Exports of the sample corpus: ACLED-like CSV, GeoJSON that validates (RFC 7946), JSON
Lines, redaction of private persons' names, and `cotejo export` itself."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import geojson
import pytest

from cotejo.export import EXPORTERS, export_records
from cotejo.export.csv_acled import ACLED_COLUMNS, COLUMNS
from cotejo.export.redact import Redactor
from cotejo.query import IncidentQuery, parse_incident_query
from cotejo.store.browse import incident_count
from cotejo.store.db import Store
from cotejo.testing import make_settings, run_cli

pytestmark = pytest.mark.slow

# Private people in the fictional corpus: a relative who posted, a lawyer's own account,
# and the fishermen named in reports. None may survive a redacted export.
PRIVATE = ("Yelitza Marcano", "Marisol Ocando", "Guaitero", "Jhonny")


@pytest.fixture(scope="module")
def store(published_home: Path):
    opened = Store(make_settings(published_home), create=False)
    yield opened
    opened.close()


def export(store: Store, fmt: str, query: IncidentQuery | None = None, redact=None) -> str:
    out = io.StringIO()
    with store.read_session() as session:
        EXPORTERS[fmt].write(export_records(session, query or IncidentQuery(), redact), out)
    return out.getvalue()


def live_incidents(store: Store) -> int:
    with store.read_session() as session:
        return incident_count(session)


def test_csv_has_acleds_columns_in_acleds_order(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export(store, "csv"))))
    assert tuple(rows[0].keys()) == COLUMNS
    assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert len(rows) == live_incidents(store)
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    strike = next(
        r
        for r in rows
        if r["location"] == "Güiria" and r["cotejo_event_type"] == "strike_on_vessel"
    )
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["disorder_type"] == "Political violence"
    assert strike["event_date"] == "2025-10-14" and strike["year"] == "2025"
    assert strike["time_precision"] == "1" and strike["geo_precision"] == "1"
    assert strike["country"] == "Venezuela" and strike["iso"] == "862"
    assert strike["fatalities"] == "3"  # ACLED's most conservative figure ...
    assert "Sources differ on killed" in strike["notes"]  # ... with the dispute in notes
    assert "5 (" in strike["notes"]
    assert strike["killed_low"] == "3" and strike["killed_high"] == "5"
    assert strike["actor1"] and strike["inter1"] == "1"  # a state force acted
    for row in rows:
        if row["event_type"] == "Violence against civilians":
            assert row["actor2"] and row["inter2"]
        assert row["fatalities"].isdigit()


def test_geojson_is_valid_rfc_7946(store: Store) -> None:
    text = export(store, "geojson")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    assert len(collection["features"]) == live_incidents(store)
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["properties"]["key"] == feature["id"]
        geometry = feature["geometry"]
        if geometry is None:  # RFC 7946 §3.2: an unlocated feature has a null geometry
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    lima = [f for f in collection["features"] if f["properties"]["place"] == "Lima"]
    assert lima and all(f["geometry"]["coordinates"][0] < -70 for f in lima)  # lon first


def test_jsonl_is_one_incident_a_line_with_its_readings(store: Store) -> None:
    lines = export(store, "jsonl").splitlines()
    assert len(lines) == live_incidents(store)
    records = [json.loads(line) for line in lines]
    assert all(r["key"].startswith("inc-") and "canonical" in r for r in records)
    strike = next(
        r for r in records if r["place"] == "Güiria" and r["event_type"] == "strike_on_vessel"
    )
    killed = next(c for c in strike["canonical"] if c["attribute"] == "killed")
    assert {r["label"] for r in killed["readings"]} >= {"3", "5"}
    assert strike["excerpts"] and strike["redacted"] is False


def test_filters_apply_to_exports(store: Store) -> None:
    text = export(store, "csv", parse_incident_query({"country": "PE"}))
    peru = list(csv.DictReader(io.StringIO(text)))
    assert peru and all(r["country"] == "Peru" for r in peru)


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_redaction_removes_private_names_and_keeps_public_ones(store: Store, fmt: str) -> None:
    plain = export(store, fmt)
    redacted = export(store, fmt, redact=Redactor())
    assert any(name in plain for name in PRIVATE)  # the test has something to remove
    for name in PRIVATE:
        assert name not in redacted, f"{name} survived redaction in {fmt}"
    publics = [p for p in ("Department of War", "Tren de Aragua", "Güiria") if p in plain]
    assert publics  # the test has something to keep
    for public in publics:
        assert public in redacted, f"{public} was redacted from {fmt}"


def test_the_redactor_keeps_offices_and_organisations() -> None:
    redact = Redactor()
    out = redact("Pete Hegseth said the boat was hit; María Pérez, his sister, disagreed.", "en")
    assert "María Pérez" not in out and "[name withheld]" in out
    assert "Hegseth" in out  # a public office-holder the alias file knows
    spanish = redact("Según el Comando Sur, murió Jhonny Marval, dijo su prima.", "es")
    assert "Jhonny Marval" not in spanish and "Comando Sur" in spanish


def test_cotejo_export_writes_a_file(published_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "incidents.geojson"
    args = ["--home", str(published_home), "export", "--format", "geojson", "--out", str(out)]
    result = run_cli(args)
    assert result.exit_code == 0, result.output
    assert geojson.loads(out.read_text(encoding="utf-8")).is_valid


def test_cotejo_export_refuses_a_bad_filter_with_a_hint(published_home: Path) -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cotejo.cli import main; main()",
            "--home",
            str(published_home),
            "export",
            "--format",
            "csv",
            "--bbox",
            "1,2,3",
        ],
        capture_output=True,
        text=True,
    )
    assert process.returncode != 0
    assert "west,south,east,north" in process.stderr
