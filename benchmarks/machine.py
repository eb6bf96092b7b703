"""How busy the machine is: shared by the benchmarks that print the share of the cores other
processes used while they ran (``bench_batch.py``, ``bench_rank.py``), so a reader can tell a
ratio measured on a quiet machine from one measured under load."""

from __future__ import annotations

import os
from pathlib import Path


def busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (``/proc/stat``), if known."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(x) for x in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")
