"""Check a folder of 600 reports (300 .docx, 300 .txt) against the floor of merely reading their
text with zipfile + lxml in one process; peak memory at 300 and at 600 reports.

Target (issue 4, 14): at most 5× the floor, memory flat as the folder grows. Wall-clock and CPU
time are both given (the check's CPU is that of all its processes, the floor's is one process):
on a shared, busy machine the CPU ratio is the steadier of the two.
Usage: .venv/bin/python bench/check_folder.py [runs]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import make_corpus  # noqa: E402
from bench.timing import compile_package, measured, print_ratios  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def read_floor(folder: Path) -> int:
    """Just the text: what any checker has to do at least."""
    chars = 0
    for path in sorted(folder.iterdir()):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                root = etree.fromstring(z.read("word/document.xml"))
            chars += sum(len(t.text or "") for t in root.iter(f"{W}t"))
        else:
            data = path.read_bytes()
            try:
                chars += len(data.decode("utf-8"))
            except UnicodeDecodeError:
                chars += len(data.decode("gb18030"))
    return chars


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    compile_package()
    drafter = [sys.executable, "-m", "drafter", "check", "--no-progress", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "600", Path(tmp) / "300"
        make_corpus(big, 600, docx_share=0.5)
        make_corpus(small, 300, docx_share=0.5)
        read_floor(big)
        floor, full = [], []
        for _ in range(runs):
            floor.append(measured(lambda: read_floor(big)))
            full.append(
                measured(
                    lambda: subprocess.run(
                        [*drafter, str(big)], stdout=subprocess.DEVNULL, check=False
                    )
                )
            )
        peaks = {}
        for name, folder in (("300", small), ("600", big)):
            out = subprocess.run(
                [sys.executable, "-c", PEAK, *drafter, str(folder)], capture_output=True, text=True
            )
            peaks[name] = int(out.stdout.strip()) / 1024
    print(f"runs: {runs}")
    print_ratios(
        "floor (zipfile + lxml text of 600 reports, one process)",
        floor,
        "drafter check 600 reports (whole process, both cores)",
        full,
        5,
    )
    print(
        f"peak RSS of one process: 300 reports {peaks['300']:.0f} MB, 600 reports {peaks['600']:.0f} MB "
        f"(ratio {peaks['600'] / peaks['300']:.2f}; flat ≈ 1)"
    )


if __name__ == "__main__":
    main()
