"""The drafted .docx as a reader sees it: LibreOffice → PDF, then measured with poppler."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from drafter.draft import draft_document, render_bytes
from drafter.formats.yaml_io import read_facts
from tests.conftest import EXAMPLES, require_tool, soffice_convert

PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")


def to_pdf(docx_path: Path) -> Path:
    return soffice_convert(docx_path, "pdf", docx_path.parent / "lo-profile")


def pdf_pages(pdf: Path) -> list[list[str]]:
    require_tool("pdftotext")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    return [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in pages
        if page.strip()
    ]


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def rendered(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param.stem)
    draft = draft_document(read_facts(request.param), dt.date(2027, 1, 10))
    docx_path = folder / "report.docx"
    docx_path.write_bytes(render_bytes(draft, "docx", "gbt9704", None))
    return draft, to_pdf(docx_path)


def test_pages_are_a4(rendered):
    require_tool("pdfinfo")
    _, pdf = rendered
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert sizes
    for width, height in sizes:
        assert abs(float(width) - 595.3) < 1 and abs(float(height) - 841.9) < 1


def test_full_pages_hold_22_lines(rendered):
    _, pdf = rendered
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    counts = []
    for number, page in enumerate(pages, start=1):
        body = [line for line in page if not PAGE_NUMBER.match(line.replace(" ", ""))]
        numbers = [PAGE_NUMBER.match(line.replace(" ", "")) for line in page]
        assert any(m and int(m.group(1)) == number for m in numbers), (
            f"page {number} has no 「— {number} —」"
        )
        counts.append(len(body))
    assert max(counts) == 22, counts
    assert counts.count(22) >= 1


def test_every_heading_is_in_the_pdf(rendered):
    draft, pdf = rendered
    text = re.sub(r"\s+", "", "".join("".join(page) for page in pdf_pages(pdf)))
    for heading in draft.document.headings:
        assert re.sub(r"\s+", "", f"{heading.number or ''}{heading.heading}") in text
    assert "特此报告。" in text and re.sub(r"\s+", "", draft.document.date) in text
