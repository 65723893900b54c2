"""TUI responsiveness through Pilot: time from launch (process start, imports included) to the
first screen and to the filled preview (drafted just after the first screen), and from a
keystroke in a paragraph to the updated preview.

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

# The times of: the first frame that shows the whole first screen (header, sidebar, the current
# section's form, the footer's keys; the preview may still say 「正在生成预览…」), the first frame
# with the drafted preview, and the app going idle after that (the measure used before the
# preview was drafted after the first screen). Frames are timed where Textual composes them for
# the terminal (Screen._compositor_refresh); only writing them to a real terminal is left out.
# The process starts and imports as `drafter tui` does (cli.run, cli.cmd_tui).
FIRST_SCREEN = """
from drafter import process
process.starting()  # as the `drafter` command starts (cli.run)
import time
import asyncio, shutil, tempfile
from pathlib import Path
from drafter import cli
from drafter.tui.app import DrafterApp
from textual.screen import Screen
folder = Path(tempfile.mkdtemp()); shutil.copy({example!r}, folder / "facts.yaml")
marks = {{}}
paint = Screen._compositor_refresh
def painted(screen):
    paint(screen)
    drawn = screen._compositor.visible_widgets
    def shown(selector):
        return any(w in drawn for w in screen.query(selector))
    if "first" not in marks and all(
        shown(s) for s in ("Header", "SectionList", "#forms Input", "FooterKey")
    ):
        marks["first"] = time.time()
    if "first" in marks and "preview" not in marks and shown("#preview"):
        text = screen.query_one("#preview").text
        if text and not text.startswith("正在生成"):
            marks["preview"] = time.time()
Screen._compositor_refresh = painted
async def main():
    app = DrafterApp(folder / "facts.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        while len(marks) < 2:
            await asyncio.sleep(0.005)
        await pilot.pause()
        print(marks["first"], marks["preview"], time.time())
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


def whole_process(code: str) -> list[float]:
    """Seconds from before the interpreter is started to each time the script prints."""
    start = time.time()
    return [float(t) - start for t in run(code).split()]


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
    for n, what in enumerate(("first screen", "preview filled", "idle after start (old measure)")):
        shown = statistics.median(t[n] for t in first) * 1000
        target = " (target <= 600 ms)" if n == 0 else ""
        print(f"launch to {what} (whole process): median {shown:.0f} ms{target}")
    print(
        f"keystroke to updated preview:        median {statistics.median(m for m, _ in medians) * 1000:.1f} ms, "
        f"worst {max(w for _, w in medians) * 1000:.1f} ms (target < 16 ms)"
    )


if __name__ == "__main__":
    main()
