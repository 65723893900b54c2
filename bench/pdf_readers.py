"""Which PDF text extractor drafter uses, measured: a drafted report printed to PDF by
LibreOffice, read by `pdftotext -layout` (the choice), plain `pdftotext`, and — when installed in
the interpreter running this script, they are not drafter dependencies — pypdf and pdfminer.six.

For each: median time, ratio to pdftotext -layout, whether the Chinese text comes out in reading
order (every heading of the .docx found, in order, in the extracted text), and for the choice
whether drafter's outline of the PDF equals the .docx's.
Usage: .venv/bin/python bench/pdf_readers.py [runs]   (needs soffice and pdftotext)
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from drafter.draft import draft_document, render_bytes  # noqa: E402
from drafter.formats.reader import read_document  # noqa: E402
from drafter.formats.yaml_io import read_facts  # noqa: E402
from drafter.pipeline import outline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def pdftotext(*options: str):
    return lambda pdf: (
        subprocess.run(
            ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )


def pypdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def pdfminer_text(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def in_order(text: str, headings: list[str]) -> bool:
    flat = re.sub(r"\s+", "", text)
    position = 0
    for heading in headings:
        position = flat.find(heading, position)
        if position < 0:
            return False
    return True


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = draft_document(
            read_facts(ROOT / "examples" / "county-2026.yaml"), dt.date(2027, 1, 15)
        )
        source = folder / "report.docx"
        source.write_bytes(render_bytes(draft, "docx", "gbt9704", None))
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        pdf = source.with_suffix(".pdf")
        headings = [f"{h.number or ''}{h.heading}" for h in draft.document.headings]
        readers = {
            "pdftotext -layout": pdftotext("-layout"),
            "pdftotext": pdftotext(),
            "pypdf": pypdf_text,
            "pdfminer.six": pdfminer_text,
        }
        medians: dict[str, float] = {}
        for name, reader in readers.items():
            try:
                text = reader(pdf)
            except ImportError:
                print(f"{name:18} not installed in this interpreter")
                continue
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                reader(pdf)
                times.append(time.perf_counter() - start)
            medians[name] = statistics.median(times)
            ratio = medians[name] / medians["pdftotext -layout"]
            print(
                f"{name:18} median {medians[name] * 1000:6.0f} ms  ×{ratio:4.1f}  "
                f"headings in reading order: {in_order(text, headings)}"
            )
        same = outline(read_document(pdf)).headings == outline(read_document(source)).headings
        print(f"drafter reads the PDF to the .docx's outline: {same}")


if __name__ == "__main__":
    main()
