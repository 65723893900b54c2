"""`draft --official`: the 版头 and 版记 of a 公文 (GB/T 9704 7.2, 7.4) from meta.official, the
body untouched, `check` still clean; and `-o report.pdf` through LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess

import docx
from docx.oxml.ns import qn

from drafter.batch import Options, check_file
from tests.conftest import EXAMPLES, FONTS_CONF, require_tool

EXAMPLE = EXAMPLES[0]  # county-2026 has meta.official


def body_texts(path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text.strip()]


def test_header_and_notes_from_the_facts(tmp_path, cli):
    plain, official = tmp_path / "plain.docx", tmp_path / "official.docx"
    assert cli("draft", EXAMPLE, "-o", plain).code == 0
    assert cli("draft", EXAMPLE, "-o", official, "--official").code == 0
    document = docx.Document(official)
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    mark, number = paragraphs[0], paragraphs[1]
    assert mark.text == "示例县人民政府文件"
    assert mark.alignment == 1 and mark.runs[0].font.color.rgb == docx.shared.RGBColor(255, 0, 0)
    assert round(mark.paragraph_format.space_before.mm) == 80  # 上行文
    assert number.text == "示政报〔2027〕3号\t签发人：李明"  # 发文字号 left, 签发人 right
    red = [
        p
        for p in document.paragraphs
        if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    ]
    assert red and red[0]._p.find(f".//{qn('w:bottom')}").get(qn("w:color")) == "FF0000"
    # the body is the plain report's, word for word, after the two header lines
    assert body_texts(official)[2:] == body_texts(plain)
    (notes,) = document.tables
    assert [row.cells[0].text for row in notes.rows] == [
        "抄送：示例市委全面依法治市委员会办公室，示例市司法局。",
        "示例县人民政府办公室\t2027年1月16日印发",
    ]
    borders = notes._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {
        side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "insideH", "bottom")
    }
    assert sizes["top"] == sizes["bottom"] and int(sizes["insideH"]) < int(sizes["top"])
    assert notes._tbl.tblPr.find(qn("w:tblpPr")) is not None  # at the foot of the page
    result = check_file(official, Options())
    assert result.findings == [] and result.issuer == "示例县人民政府"


def test_defaults_and_a_missing_number(tmp_path, cli):
    facts = tmp_path / "facts.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  official:")
    end = text.index("measures:")
    facts.write_text(text[:start] + text[end:], encoding="utf-8")
    out = tmp_path / "r.docx"
    result = cli("draft", facts, "-o", out, "--official")
    assert result.code == 0 and "没有填写发文字号" in result.err
    document = docx.Document(out)
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:2] == ["示例县人民政府文件", "【待填写：发文字号】"]
    (notes,) = document.tables
    assert [row.cells[0].text for row in notes.rows] == ["示例县人民政府\t2027年1月15日印发"]
    # the frame is not the report: check reads the report as drafted (draft said the rest)
    assert check_file(out, Options()).findings == []


def test_a_badly_written_number_names_the_field(tmp_path, cli):
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("示政报〔2027〕3号", "示政报[2027]03号"),
        encoding="utf-8",
    )
    result = cli("draft", facts, "-o", tmp_path / "r.docx", "--official")
    assert result.code == 2 and "六角括号" in result.err and "meta.official" in result.err
    assert not (tmp_path / "r.docx").exists()


def test_official_needs_a_laid_out_format(tmp_path, cli):
    result = cli("draft", EXAMPLE, "-o", tmp_path / "r.md", "--official")
    assert result.code == 2 and ".docx" in result.err


def test_pdf_without_libreoffice_says_so_and_writes_nothing(tmp_path, cli, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = tmp_path / "r.pdf"
    result = cli("draft", EXAMPLE, "-o", out)
    assert result.code == 2 and "LibreOffice" in result.err and not out.exists()


def test_pdf_through_libreoffice(tmp_path, cli, monkeypatch):
    require_tool("soffice")
    require_tool("pdftotext")
    monkeypatch.setenv("FONTCONFIG_FILE", str(FONTS_CONF))
    out = tmp_path / "报告.pdf"
    result = cli("draft", EXAMPLE, "-o", out, "--official")
    assert result.code == 0 and out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ},
    ).stdout
    compact = "".join(text.split())
    for expected in (
        "示例县人民政府文件",
        "示政报〔2027〕3号",
        "法治政府建设情况的报告",
        "抄送：",
        "印发",
    ):
        assert expected in compact, expected
