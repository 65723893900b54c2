"""Check a folder of 600 reports (300 .docx, 300 .txt) against the floor of merely reading their
text with zipfile + lxml, both as whole processes; peak memory at 300 and at 600 reports.

The floor is a `python -c` process that imports zipfile and lxml and reads the text of every
file of the folder (.docx: the w:t of word/document.xml; .txt: decoded UTF-8, else GB18030):
what any checker started from the command line has to do at least. Runs alternate floor and
check; medians of each. The floor's reading time inside an already started interpreter is shown
too, as information only.

Target (issue 4, 14): at most 5× the floor, memory flat as the folder grows. Wall-clock and CPU
time are both given (the check's CPU is that of all its processes, the floor's is one process):
on a shared, busy machine the CPU ratio is the steadier of the two.
Usage: .venv/bin/python bench/check_folder.py [runs]   (default 10)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import make_corpus  # noqa: E402
from bench.timing import compile_package, measured, print_ratios  # noqa: E402

PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
# Just the text: what any checker has to do at least. Prints the characters read.
FLOOR = """
import sys, zipfile
from pathlib import Path
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
chars = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        chars += sum(len(t.text or "") for t in root.iter(W + "t"))
    else:
        data = path.read_bytes()
        try:
            chars += len(data.decode("utf-8"))
        except UnicodeDecodeError:
            chars += len(data.decode("gb18030"))
print(chars)
"""


def read_floor(folder: Path) -> None:
    """The floor's reading inside this (already started) process: information only."""
    saved, sys.argv = sys.argv, ["floor", str(folder)]
    stdout = sys.stdout
    try:
        with open(os.devnull, "w") as sys.stdout:
            exec(FLOOR, {"__name__": "floor"})
    finally:
        sys.argv, sys.stdout = saved, stdout


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    compile_package()
    drafter = [sys.executable, "-m", "drafter", "check", "--no-progress", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "600", Path(tmp) / "300"
        make_corpus(big, 600, docx_share=0.5)
        make_corpus(small, 300, docx_share=0.5)
        floor_cmd = [sys.executable, "-c", FLOOR, str(big)]
        check_cmd = [*drafter, str(big)]
        for cmd in (floor_cmd, check_cmd):  # warm the file cache
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
        floor, full, inside = [], [], []
        for _ in range(runs):
            floor.append(
                measured(lambda: subprocess.run(floor_cmd, stdout=subprocess.DEVNULL, check=True))
            )
            full.append(
                measured(lambda: subprocess.run(check_cmd, stdout=subprocess.DEVNULL, check=False))
            )
            inside.append(measured(lambda: read_floor(big)))
        peaks = {}
        for name, folder in (("300", small), ("600", big)):
            out = subprocess.run(
                [sys.executable, "-c", PEAK, *drafter, str(folder)], capture_output=True, text=True
            )
            peaks[name] = int(out.stdout.strip()) / 1024
    print(f"runs: {runs} alternating")
    print_ratios(
        "floor (python -c: zipfile + lxml text of 600 reports, whole process)",
        floor,
        "drafter check 600 reports (whole process, both cores)",
        full,
        5,
    )
    wall = statistics.median(t[0] for t in inside)
    print(f"info: the floor's reading alone, inside a started interpreter: median {wall:.2f} s")
    print(
        f"peak RSS of one process: 300 reports {peaks['300']:.0f} MB, 600 reports {peaks['600']:.0f} MB "
        f"(ratio {peaks['600'] / peaks['300']:.2f}; flat ≈ 1)"
    )


if __name__ == "__main__":
    main()
