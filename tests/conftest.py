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


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def store(tmp_path: Path):
    opened = make_store(tmp_path / "home")
    yield opened
    opened.close()
