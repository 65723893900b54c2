"""Time `drafter draft` as a whole process against the bare import of its libraries.

Alternating runs, medians, ratio. Target (issue 2, 14): draft ≤ 1.5 × the bare import.
Wall-clock and CPU time (user + sys of the process) are both given: on a shared, busy machine
the CPU ratio is the steadier of the two.
Usage: .venv/bin/python bench/draft_startup.py [runs]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.timing import compile_package, measured, print_ratios  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "county-2026.yaml"
BARE = [sys.executable, "-c", "import docx, jinja2, pydantic, ruamel.yaml"]


def timed(cmd: list[str]) -> tuple[float, float]:
    return measured(lambda: subprocess.run(cmd, check=True, capture_output=True))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.docx"
        draft = [sys.executable, "-m", "drafter", "draft", str(FACTS), "-o", str(out), "--force"]
        timed(draft), timed(BARE)  # warm the file cache
        bare, full = [], []
        for _ in range(runs):
            bare.append(timed(BARE))
            full.append(timed(draft))
    print(f"runs: {runs} alternating")
    print_ratios(
        "bare import of docx+jinja2+pydantic+ruamel.yaml",
        bare,
        f"drafter draft {FACTS.name} → .docx",
        full,
        1.5,
        in_ms=True,
    )


if __name__ == "__main__":
    main()
