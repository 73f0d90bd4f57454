from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

import pytest

from cotejo.testing import FrozenClock, make_store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
CORPUS_BAD = REPO / "examples" / "corpus-bad"
SEEDS = REPO.parent / "shared" / "seeds"
KEY = tomllib.loads((REPO / "examples" / "corpus.key.toml").read_text(encoding="utf-8"))
T = TypeVar("T")
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


def key_document(captures: Iterable[tuple[str, str | None, str | None, T]], entry: dict) -> T:
    """The one stored document an answer-key entry names. `captures` are (original file
    name, locator, URL, what to return) rows; the entry's locator matches either of those."""
    name, locator = str(CORPUS / entry["file"]), entry.get("locator")
    found = [v for n, loc, url, v in captures if n == name and locator in (None, loc, url)]
    assert len(found) == 1, f"{entry['file']} {locator}: {len(found)} matches"
    return found[0]


def copy_home(home: Path, to: Path) -> Path:
    """A throwaway copy of a closed store (database and archive)."""
    import shutil

    shutil.copytree(home, to)
    return to


def assessed_home(tmp_path_factory: pytest.TempPathFactory, name: str, inputs: list[Path]) -> Path:
    """A new store (under a temporary directory named `name`) holding `inputs` ingested,
    extracted, resolved and assessed on a frozen clock."""
    from cotejo.pipeline import Ingester
    from cotejo.runner.assess import run_assess
    from cotejo.runner.extract import run_extract
    from cotejo.runner.resolve import run_resolve

    home = tmp_path_factory.mktemp(name) / "home"
    store = make_store(home)
    try:
        Ingester(store, clock=FrozenClock()).run(inputs)
        run_extract(store, clock=FrozenClock())
        run_resolve(store, clock=FrozenClock())
        run_assess(store, clock=FrozenClock())
    finally:
        store.close()
    return home


@pytest.fixture(scope="session")
def corpus_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus ingested, extracted, resolved and assessed once per test run.
    Read-only: tests that write take `home_copy`."""
    return assessed_home(tmp_path_factory, "assessed-corpus", [CORPUS])


@pytest.fixture
def home_copy(corpus_home: Path, tmp_path: Path) -> Path:
    """A throwaway copy of the assessed corpus store, for tests that write to it."""
    return copy_home(corpus_home, tmp_path / "home")


XSS = REPO / "tests" / "data" / "xss"


@pytest.fixture(scope="session")
def published_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the whole sample corpus plus the hostile XSS report, ingested,
    extracted, resolved and assessed once for every API, export and browser test.
    Read-only: tests that write take a copy (`copy_home`)."""
    return assessed_home(tmp_path_factory, "published", [CORPUS, XSS])
