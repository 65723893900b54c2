"""A drafted report converted by LibreOffice into every format users receive it in, once per
test session (each soffice start takes seconds)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.draft import draft_document, render_bytes
from drafter.formats.yaml_io import read_facts
from tests.conftest import ROOT, soffice_convert

CONVERTED_FORMATS = ("doc", "odt", "rtf", "html", "pdf")


@pytest.fixture(scope="session")
def converted(tmp_path_factory) -> dict[str, Path]:
    """{"docx": drafted report, "doc": …, "odt": …, "rtf": …, "html": …, "pdf": …}.

    One soffice start per format (--convert-to takes one), all with one private profile."""
    folder = tmp_path_factory.mktemp("converted")
    draft = draft_document(read_facts(ROOT / "examples" / "county-2026.yaml"), dt.date(2027, 1, 15))
    source = folder / "report.docx"
    source.write_bytes(render_bytes(draft, "docx", "gbt9704", None))
    files = {"docx": source}
    for fmt in CONVERTED_FORMATS:
        files[fmt] = soffice_convert(source, fmt, folder / "lo-profile")
    return files
