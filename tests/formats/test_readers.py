"""Each format a report arrives in, made by the tool users make it with (LibreOffice from a
drafted .docx), reads to the same outline as the .docx; content decides the reader, not the
suffix; a missing system tool is a clear message and exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.formats import reader
from drafter.formats.docx_reader import OLE_MAGIC, DocxPackage
from drafter.formats.office_convert import convert_to_docx
from drafter.formats.reader import read_document
from drafter.pipeline import outline
from tests.conftest import require_tool
from tests.formats.conftest import CONVERTED_FORMATS


def outline_key(source):
    read = outline(read_document(source) if isinstance(source, Path) else source)
    return {
        "title": read.title,
        "year": read.year,
        "statutory": read.statutory,
        "headings": [(h.level, h.number, h.title) for h in read.headings],
    }


@pytest.fixture(scope="module")
def docx_outline(converted):
    key = outline_key(converted["docx"])
    assert key["year"] == 2026 and len(key["headings"]) > 20
    assert set(key["statutory"].values()) == {"section"}
    return key


OFFICE_FORMATS = ("doc", "odt", "rtf")


@pytest.fixture(scope="module")
def office_read(converted):
    """Each .doc/.odt/.rtf read end to end once: its outline, and the .docx LibreOffice made."""
    made: dict[str, bytes] = {}

    def keep(data, kind, path):
        made[kind[1:]] = convert_to_docx(data, kind, path)
        return made[kind[1:]]

    reader.convert_to_docx = keep
    try:
        outlines = {fmt: outline_key(converted[fmt]) for fmt in OFFICE_FORMATS}
    finally:
        reader.convert_to_docx = convert_to_docx
    return outlines, made


@pytest.mark.parametrize("fmt", CONVERTED_FORMATS)
def test_each_format_reads_to_the_docx_outline(converted, docx_outline, office_read, fmt):
    if fmt in OFFICE_FORMATS:
        assert office_read[0][fmt] == docx_outline
        return
    if fmt == "pdf":
        require_tool("pdftotext")
    assert outline_key(converted[fmt]) == docx_outline


@pytest.mark.parametrize("fmt", OFFICE_FORMATS)
def test_office_files_without_drafters_record_read_by_their_text(
    office_read, docx_outline, monkeypatch, fmt
):
    """LibreOffice keeps drafter's record through .doc/.odt/.rtf; a user's own file has none,
    and its text alone must give the same outline."""
    monkeypatch.setattr(DocxPackage, "own_record", lambda self: None)
    document = DocxPackage(office_read[1][fmt], f"report.{fmt}").document()
    assert outline_key(document) == docx_outline


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_each_format_keeps_the_closing_block(converted, fmt):
    if fmt == "pdf":
        require_tool("pdftotext")
    expected = read_document(converted["docx"])
    document = read_document(converted[fmt])
    assert (document.date, document.signers, document.closing, document.addressee) == (
        expected.date,
        expected.signers,
        expected.closing,
        expected.addressee,
    )
    assert [p.full_text for p in document.paragraphs] == [p.full_text for p in expected.paragraphs]


@pytest.mark.parametrize(
    ("fmt", "renamed"), [("pdf", "report.docx"), ("html", "report.txt"), ("html", "report.doc")]
)
def test_content_decides_the_reader(converted, docx_outline, tmp_path, fmt, renamed):
    if fmt == "pdf":
        require_tool("pdftotext")
    path = tmp_path / renamed
    shutil.copy(converted[fmt], path)
    assert outline_key(path) == docx_outline


def fake_doc() -> bytes:
    """Enough of an OLE compound file to be taken for a Word 97-2003 document."""
    return OLE_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 1024


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "report.odt"])
def test_without_soffice_the_message_names_the_install_command(tmp_path, cli, monkeypatch, name):
    path = tmp_path / name
    if name == "report.odt":
        import zipfile

        with zipfile.ZipFile(path, "w") as odt:
            odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    else:
        path.write_bytes(fake_doc())
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = cli("check", path, "--format", "json")
    assert result.code == 2 and "Traceback" not in result.err
    finding = json.loads(result.out)["reports"][0]["findings"][0]
    assert finding["code"] == "input-unreadable"
    assert "LibreOffice" in finding["message"]
    assert "apt-get install libreoffice-writer-nogui" in finding["message"]
    text = cli("check", path)
    assert text.code == 2 and "需要 LibreOffice" in text.out + text.err


def test_without_pdftotext_the_message_names_the_install_command(tmp_path, cli, monkeypatch):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = cli("check", path, "--format", "json")
    assert result.code == 2
    message = json.loads(result.out)["reports"][0]["findings"][0]["message"]
    assert "pdftotext" in message and "apt-get install poppler-utils" in message


BLANK_PDF = (
    b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
    b"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n"
    b"trailer <</Root 1 0 R>>\n%%EOF\n"
)  # one page and no text: what a scan without a text layer reads as


def test_a_pdf_without_text_says_so(tmp_path, cli):
    require_tool("pdftotext")
    path = tmp_path / "scan.pdf"
    path.write_bytes(BLANK_PDF)
    result = cli("check", path, "--format", "json")
    assert result.code == 2
    message = json.loads(result.out)["reports"][0]["findings"][0]["message"]
    assert "没有文字" in message and "OCR" in message


def test_annotate_refuses_a_pdf_named_docx(converted, tmp_path, cli):
    require_tool("pdftotext")
    path = tmp_path / "report.docx"
    shutil.copy(converted["pdf"], path)
    result = cli("check", path, "--annotate", tmp_path / "annotated.docx")
    assert result.code == 2 and "Traceback" not in result.err
    assert "不是 .docx" in result.err and not (tmp_path / "annotated.docx").exists()


def running(pid: int) -> bool:
    """Whether a process runs (a killed one left unreaped, a zombie, does not)."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        return stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0] != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_hung_conversion_is_stopped(tmp_path, monkeypatch):
    """A LibreOffice that never finishes (here a stand-in that sleeps in a child of its own, as
    soffice starts soffice.bin) is killed with its children after the timeout."""
    if os.name != "posix":
        pytest.skip("the stand-in is a shell script")
    hung = tmp_path / "bin" / "soffice"
    hung.parent.mkdir()
    child = tmp_path / "child.pid"
    hung.write_text(
        f"#!/bin/sh\n{shutil.which('sleep')} 60 &\necho $! > {child}\nwait\n", encoding="utf-8"
    )
    hung.chmod(0o755)
    monkeypatch.setenv("PATH", str(hung.parent))
    start = time.perf_counter()
    with pytest.raises(DrafterError, match="超时"):
        convert_to_docx(fake_doc(), ".doc", "report.doc", timeout=1)
    assert time.perf_counter() - start < 10
    pid = int(child.read_text(encoding="utf-8"))
    deadline = time.monotonic() + 5
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(pid)
