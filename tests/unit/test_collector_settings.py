"""The garbage collector's settings around a brief (briefer.cli.common.long_lived_objects)."""

from __future__ import annotations

import gc

from briefer.cli.common import long_lived_objects


def test_what_a_brief_made_joins_the_oldest_generation_when_it_ends() -> None:
    """So the young collection due within 700 allocations after the brief does not traverse
    all it made (up to a million objects that live on until it is rendered); the thresholds
    and the frozen count are as they were before."""
    before = gc.get_threshold()
    gc.collect()  # every generation's count starts from nothing
    with long_lived_objects():
        kept = [[k] for k in range(1_000)]
    assert any(o is kept for o in gc.get_objects(generation=2))
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
