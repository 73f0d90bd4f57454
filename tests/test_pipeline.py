"""The one visible list of stages names real runners."""

from __future__ import annotations

import importlib

from cotejo.pipeline import IMPLEMENTED, PIPELINE, RUNNERS


def test_every_implemented_stage_has_a_runner_that_imports() -> None:
    assert set(IMPLEMENTED) <= set(PIPELINE)
    assert set(RUNNERS) == set(IMPLEMENTED)
    for stage, target in RUNNERS.items():
        module, _, name = target.partition(":")
        assert callable(getattr(importlib.import_module(module), name)), stage
