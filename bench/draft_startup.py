"""Time `drafter draft` as a whole process against the bare import of its libraries.

Alternating runs, medians, ratio. Target (issue 2, 14): draft ≤ 1.5 × the bare import.
Wall-clock and CPU time (user + sys of the process) are both given: on a shared, busy machine
the CPU ratio is the steadier of the two.
Usage: .venv/bin/python bench/draft_startup.py [runs]
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "county-2026.yaml"
BARE = [sys.executable, "-c", "import docx, jinja2, pydantic, ruamel.yaml"]


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.docx"
        draft = [sys.executable, "-m", "drafter", "draft", str(FACTS), "-o", str(out), "--force"]
        timed(draft), timed(BARE)  # warm the file cache
        bare, full = [], []
        for _ in range(runs):
            bare.append(timed(BARE))
            full.append(timed(draft))
    print(f"runs: {runs} alternating")
    for n, what in ((0, "wall"), (1, "CPU")):
        b = statistics.median(t[n] for t in bare)
        f = statistics.median(t[n] for t in full)
        print(
            f"{what:4s} bare import of docx+jinja2+pydantic+ruamel.yaml: median {b * 1000:.0f} ms"
        )
        print(f"{what:4s} drafter draft {FACTS.name} → .docx:           median {f * 1000:.0f} ms")
        print(f"{what:4s} ratio: {f / b:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
