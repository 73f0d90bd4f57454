"""Load on the incident list: latency of GET /api/incidents (filtered, paginated) with many
concurrent clients against `cotejo serve` on loopback.

    python benchmarks/api_load.py --incidents 100000 --clients 50 --requests 6000

Builds (or reuses, with --home) a store of N synthetic incidents written straight into the
incidents table in bulk: a random day in three years, a town in one of eight countries,
one of eight event types, killed and injured figures, and canonical values shaped as
resolve writes them. Starts `cotejo serve` on a free loopback port, then runs a bounded
closed-loop load: `--clients` keep-alive HTTP/1.1 connections, each sending its next request
as soon as the last one is answered, until `--requests` are done or `--seconds` pass.

Each client walks a filtered list: a date range (a week to six months), a country, an event
type, a bounding box, or two of them together, and follows `next_cursor` for up to three
pages (page size 50) before it picks new filters. Language, source-kind and actor filters
need member documents, which this synthetic store does not have, so they are left out.

Prints one JSON line: p50/p95/p99 milliseconds, requests per second, errors, the CPU time the
server and the load generator spent per request, the machine's load average before and after
the measured run, and `other_work_cores`: how many cores other processes kept busy meanwhile
(other work on a shared machine inflates latency; CPU per request does not depend on it). The
load generator is a few lines of asyncio over raw sockets, so that it takes as little of the
machine's CPU as it can: client and server share the same cores.

`--baseline-src DIR` first measures the server of another source tree on the same store and
load (e.g. `git archive bf263bd src | tar -x -C /tmp/base`, then `--baseline-src
/tmp/base/src`), and adds it and the speed-ups (baseline / current) to the line: ratios
measured in one run, under the same machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from sqlalchemy import func, insert, select

from cotejo.canonical import canonical_json
from cotejo.config import resolve_settings
from cotejo.store import models as m
from cotejo.store.db import Store

START = date(2023, 1, 1)
DAYS = 3 * 365
NOW = datetime(2026, 1, 1, tzinfo=UTC)
# (code, west, south, east, north): where the synthetic towns lie.
COUNTRIES = (
    ("VE", -73.0, 1.0, -60.0, 12.0),
    ("CO", -79.0, -4.0, -67.0, 12.0),
    ("PE", -81.0, -18.0, -69.0, -1.0),
    ("MX", -117.0, 15.0, -87.0, 32.0),
    ("US", -124.0, 26.0, -67.0, 48.0),
    ("EC", -81.0, -5.0, -75.0, 1.0),
    ("HN", -89.0, 13.0, -83.0, 16.0),
    ("SV", -90.0, 13.0, -87.7, 14.4),
)
TYPES = (
    "strike_on_vessel",
    "attack_on_civilians",
    "arrest_or_raid",
    "protest",
    "armed_clash",
    "abduction_or_kidnapping",
    "deportation_or_expulsion",
    "drug_seizure_or_interdiction",
)
MARKER = ".api-load-store"
CURSOR = re.compile(rb'"next_cursor":"([^"]+)"')


# -- the store ----------------------------------------------------------------------------


def _canonical(day: date, kind: str, place: str, lat: float, lon: float, killed: int) -> str:
    source = [{"document": "0" * 64, "mention": 1}]
    when = day.isoformat()
    values = {
        "date": {
            "value": when,
            "low": when,
            "high": when,
            "precision": "day",
            "readings": [{"value": f"{when}/{when}/day", "sources": source}],
        },
        "event_type": {"value": kind, "readings": [{"value": kind, "sources": source}]},
        "location": {
            "name": place,
            "latitude": lat,
            "longitude": lon,
            "precision": "town",
            "place_key": f"name:{place.lower()}",
            "readings": [{"value": f"name:{place.lower()}", "sources": source}],
        },
        "killed": {
            "value": killed,
            "low": killed,
            "high": killed,
            "readings": [{"value": str(killed), "sources": source}],
        },
        "documents": 1,
        "mentions": 1,
    }
    return canonical_json(values).decode()


def build_store(home: Path, incidents: int, seed: int) -> float:
    """Write `incidents` synthetic incidents into a fresh store at `home`; the seconds taken."""
    started = time.perf_counter()
    rng = random.Random(seed)
    store = Store(resolve_settings(home=home, env={}))
    try:
        rows = []
        for i in range(incidents):
            code, west, south, east, north = rng.choice(COUNTRIES)
            lat, lon = rng.uniform(south, north), rng.uniform(west, east)
            day = START + timedelta(days=rng.randrange(DAYS))
            kind = rng.choice(TYPES)
            killed = rng.choice((0, 0, 1, 2, 3, 5, 12))
            place = f"Town {rng.randrange(5000)}"
            rows.append(
                {
                    "key": f"inc-syn{i:09d}",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "mention_count": 1,
                    "document_count": 1,
                    "latitude": lat,
                    "longitude": lon,
                    "country_code": code,
                    "event_type": kind,
                    "date_start": day,
                    "date_end": day,
                    "place_name": place,
                    "place_precision": "town",
                    "min_lat": lat,
                    "max_lat": lat,
                    "reach_km": 40.0,
                    "unplaced": False,
                    "place_keys": f"|name:{place.lower()}|",
                    "canonical": _canonical(day, kind, place, lat, lon, killed),
                }
            )
            if len(rows) == 10_000:
                with store.session() as session:
                    session.execute(insert(m.Incident), rows)
                rows = []
        if rows:
            with store.session() as session:
                session.execute(insert(m.Incident), rows)
        with store.session() as session:
            session.execute(select(func.count()).select_from(m.Incident))
    finally:
        store.close()
    (home / MARKER).write_text(f"{incidents}\n")
    return time.perf_counter() - started


# -- the load -----------------------------------------------------------------------------


def random_filters(rng: random.Random) -> dict[str, str]:
    def dates() -> dict[str, str]:
        start = START + timedelta(days=rng.randrange(DAYS))
        end = start + timedelta(days=rng.choice((7, 30, 90, 182)))
        return {"date_from": start.isoformat(), "date_to": end.isoformat()}

    def country() -> dict[str, str]:
        return {"country": rng.choice(COUNTRIES)[0]}

    def event_type() -> dict[str, str]:
        return {"event_type": rng.choice(TYPES)}

    def bbox() -> dict[str, str]:
        _, west, south, east, north = rng.choice(COUNTRIES)
        w = rng.uniform(west, east - 2)
        s = rng.uniform(south, north - 2)
        return {"bbox": f"{w:.2f},{s:.2f},{w + 4:.2f},{s + 4:.2f}"}

    one = (dates, country, event_type, bbox)
    chosen = rng.sample(one, rng.choice((1, 1, 2)))
    filters: dict[str, str] = {}
    for make in chosen:
        filters.update(make())
    return filters


class Budget:
    def __init__(self, requests: int, seconds: float) -> None:
        self.left = requests
        self.deadline = time.perf_counter() + seconds

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() > self.deadline:
            return False
        self.left -= 1
        return True


async def client(
    port: int, seed: int, budget: Budget, latencies: list[float], errors: list[str]
) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    filters: dict[str, str] = {}
    cursor: str | None = None
    pages = 0
    try:
        while budget.take():
            if cursor is None or pages >= 3:
                filters, cursor, pages = random_filters(rng), None, 0
            query = {**filters, "limit": "50", **({"cursor": cursor} if cursor else {})}
            path = "/api/incidents?" + urlencode(query, quote_via=quote)
            request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n"
            started = time.perf_counter()
            writer.write(request.encode())
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            pages += 1
            if b" 200 " not in status_line:
                errors.append(
                    status_line.decode().strip() + " " + body[:200].decode(errors="replace")
                )
                cursor = None
                continue
            found = CURSOR.search(body)
            cursor = found.group(1).decode() if found else None
    finally:
        writer.close()


async def load(port: int, clients: int, requests: int, seconds: float, seed: int) -> dict:
    budget = Budget(requests, seconds)
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(
        *(client(port, seed + i, budget, latencies, errors) for i in range(clients))
    )
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1)

    return {
        "requests": len(ordered),
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(ordered) / elapsed, 1),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": round(ordered[-1] * 1000, 1),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
    }


# -- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(home: Path, port: int, workers: int, src: Path | None = None):
    """`cotejo serve` on loopback; from the source tree `src` (PYTHONPATH) if given."""
    command = [
        sys.executable,
        "-c",
        "from cotejo.cli import main; main()",
        "--home",
        str(home),
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    env = {**os.environ, "PYTHONPATH": str(src)} if src else None
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"cotejo serve exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as probe:
                probe.sendall(b"GET /api/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if b" 200 " in probe.recv(64):
                    return server
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(server)
    raise SystemExit("cotejo serve did not answer within 60 s")


def machine_busy_seconds() -> float:
    """CPU time every core of the machine has spent busy so far (all processes)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children (uvicorn's workers), so far."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)  # the server and its workers: our own group
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def measure(home: Path, args: argparse.Namespace, src: Path | None = None) -> dict:
    """Serve `home`, warm up, run the measured load; latencies, CPU and the machine's load."""
    port = free_port()
    server = start_server(home, port, args.workers, src)
    try:
        if args.warmup:
            asyncio.run(load(port, args.clients, args.warmup, args.seconds, args.seed + 10_000))
        load_before = os.getloadavg()[0]
        before = cpu_seconds(server.pid), time.process_time(), machine_busy_seconds()
        result = asyncio.run(load(port, args.clients, args.requests, args.seconds, args.seed))
        server_cpu = cpu_seconds(server.pid) - before[0]
        client_cpu = time.process_time() - before[1]
        busy = machine_busy_seconds() - before[2]
    finally:
        stop_server(server)
    result["server_cpu_ms_per_request"] = round(server_cpu * 1000 / result["requests"], 2)
    result["client_cpu_ms_per_request"] = round(client_cpu * 1000 / result["requests"], 2)
    # Other work on the machine while this ran, in cores kept busy (2.0 = two whole cores).
    other = max(0.0, busy - server_cpu - client_cpu) / result["seconds"]
    result["other_work_cores"] = round(other, 2)
    result["load_average_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    return result


def speedup(baseline: dict, current: dict) -> dict:
    """How many times better `current` is than `baseline` (> 1 is faster)."""
    return {
        "p50": round(baseline["p50_ms"] / current["p50_ms"], 2),
        "p95": round(baseline["p95_ms"] / current["p95_ms"], 2),
        "p99": round(baseline["p99_ms"] / current["p99_ms"], 2),
        "requests_per_s": round(current["requests_per_s"] / baseline["requests_per_s"], 2),
        "server_cpu_per_request": round(
            baseline["server_cpu_ms_per_request"] / current["server_cpu_ms_per_request"], 2
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=6000, help="stop after this many")
    parser.add_argument("--seconds", type=float, default=60.0, help="or after this long")
    parser.add_argument("--warmup", type=int, default=500, help="requests before measuring")
    parser.add_argument("--workers", type=int, default=1, help="cotejo serve --workers")
    parser.add_argument("--home", type=Path, default=None, help="keep (and reuse) the store here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--baseline-src",
        type=Path,
        default=None,
        help="also measure the server from this source tree (another version's src/, e.g. "
        "from `git archive`) on the same store, just before this one, and print the ratios",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cotejo-api-load-") as scratch:
        home = args.home or Path(scratch) / "home"
        marker = home / MARKER
        built = None
        if not (marker.exists() and marker.read_text().strip() == str(args.incidents)):
            if home.exists() and any(home.iterdir()):
                raise SystemExit(f"{home} holds something else; give an empty or new --home")
            built = round(build_store(home, args.incidents, args.seed), 1)
        baseline = measure(home, args, args.baseline_src) if args.baseline_src else None
        result = measure(home, args)
    extra = {}
    if baseline is not None:
        extra = {"baseline": baseline, "speedup": speedup(baseline, result)}
    print(
        json.dumps(
            {
                "incidents": args.incidents,
                "clients": args.clients,
                "workers": args.workers,
                "page_size": 50,
                "store_built_s": built,
                **result,
                **extra,
            }
        )
    )
    failed = result["errors"] or (baseline is not None and baseline["errors"])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
