"""A short seeded run of the fuzzer (bench/fuzz.py): mutated facts files and reports, each in a
child with a timeout and a memory cap; none may crash, hang or blow up. The full run (10,000
inputs) is `.venv/bin/python bench/fuzz.py`."""

from __future__ import annotations

from bench.fuzz import fuzz


def test_short_fuzz_run_has_no_crash_hang_or_blowup():
    figures = fuzz(count=150, seed=2026, timeout=10.0, memory=2 << 30)
    assert sum(figures.counts.values()) == 150
    assert figures.counts.get("ok", 0) > 20 and figures.counts.get("rejected", 0) > 20
    assert figures.bad == 0, figures.failures[:3]
