"""TUI responsiveness through Pilot: time from launch (process start, imports included) to the
first screen, and from a keystroke in a paragraph to the updated preview.

Targets (issues 5 and 13): first screen at most 0.6 s on the example (median of 10 runs, whole
process: interpreter start and imports included), preview update under 16 ms.
Usage: .venv/bin/python bench/tui_latency.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.timing import compile_package  # noqa: E402

FIRST_SCREEN = """
import time; start = time.perf_counter()
import asyncio, shutil, tempfile
from pathlib import Path
from drafter.tui.app import DrafterApp
folder = Path(tempfile.mkdtemp()); shutil.copy({example!r}, folder / "facts.yaml")
async def main():
    app = DrafterApp(folder / "facts.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - start)
asyncio.run(main())
"""

KEYSTROKES = """
import asyncio, shutil, statistics, tempfile, time
from pathlib import Path
from drafter.tui.app import DrafterApp
from textual.widgets import TextArea
folder = Path(tempfile.mkdtemp()); shutil.copy({example!r}, folder / "facts.yaml")
async def main():
    app = DrafterApp(folder / "facts.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_section(next(s for s in app.specs if s.id == "disputes"))
        await pilot.pause()
        area = app.query_one("#form-disputes").query_one(TextArea)
        area.focus(); await pilot.pause()
        preview = app.query_one("#preview")
        times = []
        for key in "法治政府建设取得新成效" * 3:
            before = preview.text
            start = time.perf_counter()
            area.insert(key)
            while preview.text == before:
                await asyncio.sleep(0)
            times.append(time.perf_counter() - start)
        print(statistics.median(times), max(times))
asyncio.run(main())
"""


def run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout


def whole_process(code: str) -> float:
    """From before the interpreter is started to the first screen drawn (wall clock)."""
    start = time.time()
    drawn = float(run(code.replace("print(time.perf_counter() - start)", "print(time.time())")))
    return drawn - start


def main() -> None:
    example = str(ROOT / "examples" / "county-2026.yaml")
    compile_package()
    bare = [
        float(
            run(
                "import time; s = time.perf_counter(); import textual.app; print(time.perf_counter() - s)"
            )
        )
        for _ in range(5)
    ]
    first = [whole_process(FIRST_SCREEN.format(example=example)) for _ in range(10)]
    medians = [tuple(map(float, run(KEYSTROKES.format(example=example)).split())) for _ in range(3)]
    print(f"import textual.app alone:           median {statistics.median(bare) * 1000:.0f} ms")
    print(
        f"launch to first screen (whole process): median {statistics.median(first) * 1000:.0f} ms (target <= 600 ms)"
    )
    print(
        f"keystroke to updated preview:        median {statistics.median(m for m, _ in medians) * 1000:.1f} ms, "
        f"worst {max(w for _, w in medians) * 1000:.1f} ms (target < 16 ms)"
    )


if __name__ == "__main__":
    main()
