"""Learning from 100 and 1,000 reports, and outlining one report.

Targets (issue 3): learning 1,000 reports in under 10 s, growth from 100 to 1,000 linear,
outlining one report in under 5 ms. Medians of repeated runs.
Usage: .venv/bin/python bench/learn_outline.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import SEEDS, make_corpus  # noqa: E402
from drafter.formats.reader import read_document  # noqa: E402
from drafter.learn.learner import learn  # noqa: E402
from drafter.reading.outline import read_outline  # noqa: E402


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = make_corpus(Path(folder), 1000)
        learn(paths[:50])  # warm caches
        t100 = median_time(lambda: learn(paths[:100]), 5)
        t1000 = median_time(lambda: learn(paths), 3)
    print(f"learn 100 reports:   median {t100:.2f} s")
    print(f"learn 1,000 reports: median {t1000:.2f} s (target < 10 s)")
    print(f"growth 100 → 1,000:  {t1000 / t100:.1f}× for 10× the reports (linear ≈ 10×)")
    for seed in SEEDS:
        read_outline(read_document(seed))
    per = [median_time(lambda s=s: read_outline(read_document(s)), 30) for s in SEEDS]
    print(
        f"outline one report (read + parse + sections), median over seeds: {statistics.median(per) * 1000:.2f} ms "
        f"(max {max(per) * 1000:.2f} ms; target < 5 ms)"
    )


if __name__ == "__main__":
    main()
