"""Time `drafter draft` as a whole process against the bare import of its libraries.

Alternating runs, medians, ratio. Target (issue 2): draft ≤ 1.5 × the bare import.
Usage: .venv/bin/python bench/draft_startup.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "county-2026.yaml"
BARE = [sys.executable, "-c", "import docx, jinja2, pydantic, ruamel.yaml"]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


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
    b, f = statistics.median(bare), statistics.median(full)
    print(f"runs: {runs} alternating")
    print(f"bare import of docx+jinja2+pydantic+ruamel.yaml: median {b * 1000:.0f} ms")
    print(f"drafter draft {FACTS.name} → .docx:           median {f * 1000:.0f} ms")
    print(f"ratio: {f / b:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
