"""Near-duplicate links: reprinted wire copy is linked into one group; other texts are not."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from cotejo.archive.neardup import NearDupConfig, NearDuplicateIndex
from cotejo.pipeline import Ingester
from cotejo.store import models as m
from cotejo.testing import FrozenClock

WIRE = (
    "CARACAS (Global Wire) - The defence ministry said on Tuesday that its forces struck a "
    "vessel in the Caribbean Sea off the coast of Sucre state, killing three people it "
    "described as members of a criminal organisation. The ministry did not provide evidence "
    "for its claim or identify those killed. Local fishermen in the port town of Guiria said "
    "a boat with five men aboard had left the harbour on Monday evening and had not returned. "
    "The strike is the latest in a campaign that officials say targets drug trafficking routes "
    "across the region, while human rights groups have questioned its legal basis."
)
DIFFERENT = (
    "Relatives of the men gathered at the harbour on Wednesday, demanding to know what had "
    "happened to the boat. The fishermen's association published the names of five members "
    "who it said had gone out to fish for snapper and had no links to any armed group. The "
    "mayor asked the national government for an investigation into the deaths."
)


def _reprint(outlet: str, i: int) -> str:
    return f"{outlet} | {WIRE} Reporting by staff; editing by desk {i}. Copyright {outlet}."


def test_threshold_is_documented_and_separates_reprints_from_other_reports() -> None:
    config = NearDupConfig()
    assert config.threshold == 0.6
    index = NearDuplicateIndex(config)
    original = index.signature(WIRE)
    assert original is not None
    index.add("wire", original)
    reprint = index.signature("Updated headline: strike kills three\n" + _reprint("El Diario", 1))
    other = index.signature(DIFFERENT)
    assert reprint is not None and other is not None
    assert [key for key, _ in index.matches(reprint)] == ["wire"]
    assert index.matches(other) == []
    assert reprint.jaccard(original) >= 0.6
    assert other.jaccard(original) < 0.1


def test_short_texts_are_never_linked() -> None:
    index = NearDuplicateIndex()
    assert index.signature("Three killed off Guiria, ministry says.") is None


def test_ten_reprints_form_one_group_and_none_is_dropped(store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    outlets = [f"Outlet {i}" for i in range(10)]
    lines = [{"text": _reprint(o, i), "source": o} for i, o in enumerate(outlets)]
    lines.append({"text": DIFFERENT, "source": "Radio Paria"})
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    summary = Ingester(store, clock=FrozenClock()).run([folder])
    assert summary.new_documents == 11
    assert summary.near_duplicate_links == 9
    with store.session() as session:
        groups = session.execute(
            select(m.Document.near_duplicate_group_id, m.Source.name).join(m.Source)
        ).all()
        events = session.scalars(
            select(m.Event.kind).where(m.Event.kind == "near_duplicate.linked")
        ).all()
    by_source = {name: group for group, name in groups}
    assert by_source["Radio Paria"] is None
    assert len({by_source[o] for o in outlets}) == 1 and by_source["Outlet 0"] is not None
    assert len(events) == 10  # the founding member and nine that joined


def test_the_index_is_rebuilt_from_stored_signatures_in_a_later_run(store, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(_reprint("Outlet A", 1), encoding="utf-8")
    (second / "b.txt").write_text(_reprint("Outlet B", 2), encoding="utf-8")
    Ingester(store, clock=FrozenClock()).run([first])
    summary = Ingester(store, clock=FrozenClock()).run([second])
    assert summary.near_duplicate_links == 1
