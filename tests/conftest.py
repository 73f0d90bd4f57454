from __future__ import annotations

import os
from pathlib import Path

import pytest

from cotejo.testing import FrozenClock, make_store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
CORPUS_BAD = REPO / "examples" / "corpus-bad"
SEEDS = REPO.parent / "shared" / "seeds"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def seed_paths(prefix: str = "") -> list[Path]:
    """The seed documents whose names start with `prefix` ("003"; all by default). The seeds
    are required inputs: missing, they fail the run under CI, and are skipped only elsewhere."""
    found = sorted(SEEDS.glob(f"{prefix}*.txt"))
    if not found:
        message = f"seed {prefix or '*'} not found under {SEEDS}: put shared/ beside the repository"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


def seed_text(prefix: str) -> str:
    return seed_paths(f"{prefix}_")[0].read_text(encoding="utf-8")


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def store(tmp_path: Path):
    opened = make_store(tmp_path / "home")
    yield opened
    opened.close()
