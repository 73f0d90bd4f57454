"""Shared measuring helpers for benchmark scripts: wall time and peak resident memory."""

from __future__ import annotations

import resource
import sys


def _peak_mb(who: int) -> float:
    peak = resource.getrusage(who).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def peak_rss_mb() -> float:
    return _peak_mb(resource.RUSAGE_SELF)


def peak_rss_children_mb() -> float:
    """The largest peak resident memory of any finished child process (worker pools)."""
    return _peak_mb(resource.RUSAGE_CHILDREN)
