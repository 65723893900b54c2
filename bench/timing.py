"""Wall-clock and CPU time of a piece of work, and the medians and ratio the benches print."""

from __future__ import annotations

import compileall
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

USAGE = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
PACKAGE = Path(__file__).resolve().parent.parent / "drafter"


def compile_package() -> None:
    """Byte-compile drafter as `pip install` does for a user. A machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile every module from source in
    every timed run, which no installed copy ever does."""
    compileall.compile_dir(PACKAGE, quiet=1)


def measured(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and the children it waited for)."""
    before = [resource.getrusage(u) for u in USAGE]
    start = time.perf_counter()
    work()
    wall = time.perf_counter() - start
    after = [resource.getrusage(u) for u in USAGE]
    cpu = sum(
        a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
        for a, b in zip(after, before, strict=True)
    )
    return wall, cpu


def print_ratios(
    floor_name: str,
    floor: list[tuple[float, float]],
    name: str,
    full: list[tuple[float, float]],
    target: float,
    in_ms: bool = False,
) -> None:
    """Medians of wall and CPU time, and their ratios. On a shared, busy machine the CPU ratio
    is the steadier of the two."""
    for n, what in ((0, "wall"), (1, "CPU")):
        f = statistics.median(t[n] for t in floor)
        c = statistics.median(t[n] for t in full)
        shown = (lambda s: f"{s * 1000:.0f} ms") if in_ms else (lambda s: f"{s:.2f} s")
        print(f"{what:4s} {floor_name}: median {shown(f)}")
        print(f"{what:4s} {name}: median {shown(c)}")
        print(f"{what:4s} ratio: {c / f:.2f}× (target ≤ {target:g}×)")
