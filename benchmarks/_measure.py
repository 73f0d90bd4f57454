"""Shared measuring helpers for benchmark scripts: wall time and peak resident memory."""

from __future__ import annotations

import resource
import sys


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
