"""CSV in ACLED's column layout, one row per incident; README's "Exports" gives the mapping.

ACLED codes the most conservative fatality figure and describes disputes in `notes`; so
does this export (`fatalities` is the lowest reading, `notes` lists the readings). Columns
ACLED fills from its own coding (`source_scale`, `tags`, `admin2`, `admin3`) stay empty
rather than guessed; cotejo's own columns follow ACLED's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from cotejo.export.records import ExportRecord
from cotejo.export.settings import ExportOptions
from cotejo.views import ActorSeen

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
COTEJO_COLUMNS = (
    "cotejo_event_type",
    "killed_low",
    "killed_high",
    "injured_low",
    "injured_high",
    "documents",
    "grade",
)
COLUMNS = ACLED_COLUMNS + COTEJO_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "town": 1, "district": 2, "region": 3, "country": 3, "sea_area": 3}
# ACLED's inter codes by cotejo actor kind: 1 state forces, 3 political militias (ACLED
# codes most organised criminal groups so), 8 external/other forces.
INTER = {"state_force": 1, "government": 1, "public_official": 1, "justice": 1, "armed_group": 3}
DISORDER = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _actors(actors: list[ActorSeen]) -> tuple[str, str, int | None]:
    """(main actor, associated actors joined by '; ', inter code of the main one)."""
    names = list(dict.fromkeys(a.name for a in actors))  # most documents first
    if not names:
        return "", "", None
    main = next(a for a in actors if a.name == names[0])
    return names[0], "; ".join(names[1:]), INTER.get(main.kind, 8)


def row(record: ExportRecord) -> dict[str, object]:
    incident = record.incident
    acled = incident.acled
    actor1, assoc1, inter1 = _actors(record.perpetrators)
    actor2, assoc2, inter2 = _actors(record.targets)
    if acled and acled.event_type == "Violence against civilians" and not actor2:
        actor2, inter2 = "Civilians", 7
    killed, injured = incident.killed, incident.injured
    return {
        "event_id_cnty": incident.key,
        "event_date": incident.date.isoformat() if incident.date else "",
        "year": incident.date.year if incident.date else "",
        "time_precision": TIME_PRECISION.get(incident.date_precision or "", ""),
        "disorder_type": DISORDER.get(acled.event_type, "Political violence") if acled else "",
        "event_type": acled.event_type if acled else "",
        "sub_event_type": acled.sub_event_type if acled else "",
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1 or "",
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2 or "",
        "interaction": f"{min(inter1, inter2)}{max(inter1, inter2)}" if inter1 and inter2 else "",
        "civilian_targeting": "Civilian targeting" if actor2 == "Civilians" else "",
        "iso": record.country.iso_numeric or "",
        "region": record.country.region or "",
        "country": record.country.name or incident.country or "",
        "admin1": "",
        "admin2": "",
        "admin3": "",
        "location": incident.place or "",
        "latitude": f"{incident.latitude:.5f}" if incident.latitude is not None else "",
        "longitude": f"{incident.longitude:.5f}" if incident.longitude is not None else "",
        "geo_precision": GEO_PRECISION.get(incident.place_precision or "", ""),
        "source": "; ".join(record.sources),
        "source_scale": "",
        "notes": record.notes,
        "fatalities": killed.low if killed and killed.low is not None else 0,
        "tags": "",
        "timestamp": int(incident.updated_at.timestamp()),
        "cotejo_event_type": incident.event_type or "",
        "killed_low": killed.low if killed else "",
        "killed_high": (killed.high if killed.high is not None else "") if killed else "",
        "injured_low": injured.low if injured else "",
        "injured_high": (injured.high if injured.high is not None else "") if injured else "",
        "documents": incident.documents,
        "grade": incident.grade or "",
    }


def chunks(records: Iterable[ExportRecord], options: ExportOptions) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(row(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
