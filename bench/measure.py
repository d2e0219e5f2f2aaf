"""Small measuring helpers: timers, percentiles, resident memory."""

from __future__ import annotations

import resource
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50/p95/mean/max in milliseconds."""
    if not seconds:
        return {"n": 0, "p50": float("nan"), "p95": float("nan"), "mean": float("nan"), "max": float("nan")}
    ms = np.asarray(seconds) * 1000.0
    return {"n": int(ms.size), "p50": float(np.percentile(ms, 50)), "p95": float(np.percentile(ms, 95)),
            "mean": float(ms.mean()), "max": float(ms.max())}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far.

    VmHWM belongs to the address space, which exec replaces, so a worker's figure is its own;
    getrusage's ru_maxrss would carry over the parent's peak through fork + exec.
    """
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def current_rss_mb() -> float:
    """Resident set size right now."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * resource.getpagesize() / (1024.0 * 1024.0)
    except OSError:
        return float("nan")


def quiet_warnings() -> None:
    """Known, harmless library warnings (also filtered in the test configuration)."""
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    warnings.filterwarnings("ignore", message="Could not reconstruct embedding function")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
