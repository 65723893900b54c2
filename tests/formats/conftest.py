"""A drafted report converted by LibreOffice into every format users receive it in, once per
test session (each soffice start takes seconds)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from drafter.draft import draft_document, render_bytes
from drafter.formats.yaml_io import read_facts
from tests.conftest import FONTS_CONF, ROOT, require_tool

CONVERTED_FORMATS = ("doc", "odt", "rtf", "html", "pdf")


@pytest.fixture(scope="session")
def converted(tmp_path_factory) -> dict[str, Path]:
    """{"docx": drafted report, "doc": …, "odt": …, "rtf": …, "html": …, "pdf": …}.

    `soffice --convert-to` takes one target format per start (the last one given wins), so this
    starts it once per format, all with one private profile."""
    soffice = require_tool("soffice")
    folder = tmp_path_factory.mktemp("converted")
    draft = draft_document(read_facts(ROOT / "examples" / "county-2026.yaml"), dt.date(2027, 1, 15))
    source = folder / "report.docx"
    source.write_bytes(render_bytes(draft, "docx", "gbt9704", None))
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(folder)}
    profile = f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}"
    for fmt in CONVERTED_FORMATS:
        subprocess.run(
            [
                soffice,
                profile,
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env=env,
        )
    files = {"docx": source} | {fmt: source.with_suffix(f".{fmt}") for fmt in CONVERTED_FORMATS}
    missing = [fmt for fmt, path in files.items() if not path.is_file()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return files
