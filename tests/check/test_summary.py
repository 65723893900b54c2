"""The reviewer's summary (`check --summary`): CSV for Excel/WPS, .xlsx, and the self-contained
HTML page, checked by parsing it (and, where chromium is installed, in a real browser engine)."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile

import lxml.etree
import lxml.html

from drafter.batch import Options, check_file
from drafter.check.engine import CODES
from drafter.check.report import summary_entry
from drafter.check.summary import code_labels, summary_bytes, to_csv, to_xlsx
from drafter.check.summary_html import page
from drafter.models.catalogue import taxonomy
from drafter.models.findings import Finding, ReportResult
from tests.conftest import SEEDS, require_tool

HOSTILE = '=HYPERLINK("http://x","点击")'


def seeds() -> list[ReportResult]:
    return [summary_entry(check_file(s, Options())) for s in SEEDS]


def hostile() -> ReportResult:
    """A report whose every text is something a spreadsheet or a browser would run."""
    return ReportResult(
        path="-2+3.docx",
        title="<script>alert(1)</script>",
        issuer=HOSTILE,
        year=2026,
        statutory={i: "missing" for i in taxonomy().statutory_ids},
        findings=[
            Finding(
                code="placeholder",
                severity="error",
                message="@SUM(A1)",
                line=7,
                excerpt='</td><img src="http://x/a.png">',
            )
        ],
    )


def unreadable() -> ReportResult:
    return ReportResult(
        path="坏文件.docx",
        readable=False,
        findings=[Finding(code="input-unreadable", severity="error", message="不是 Word 文档")],
    )


def test_every_code_has_a_chinese_label():
    assert set(CODES) <= set(code_labels())
    for label in code_labels().values():
        assert re.search(r"[\u4e00-\u9fff]", label)


def test_csv_is_excel_ready_chinese_and_never_a_formula():
    results = [*seeds(), hostile(), unreadable()]
    data = to_csv(results)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel and WPS read Chinese correctly
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows[0]
    assert header[:4] == ["文件", "标题", "发文机关", "年度"]
    assert all(s.name in header for s in taxonomy().statutory)
    assert len(rows) == 1 + len(results)
    by_path = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    first = by_path[str(SEEDS[0])]
    assert first["存在的不足和原因"] == "缺" and first["年度"] == "2024"
    assert first["党政主要负责人履行推进法治建设第一责任人职责情况"] == "仅提及"
    assert first["主要举措和成效"] == "有"
    assert "缺少法定内容×1" in first["问题类别"]
    bad = by_path["'-2+3.docx"]
    assert bad["发文机关"] == "'" + HOSTILE and bad["标题"] == "<script>alert(1)</script>"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert by_path["坏文件.docx"]["可读"] == "否"


def _xlsx_sheets(data: bytes) -> dict[str, list[list[str]]]:
    """Read an .xlsx with the standard library and lxml: sheet name → rows of cell texts.
    Also asserts that no cell is a formula."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        strings = [
            "".join(si.itertext())
            for si in lxml.etree.fromstring(z.read("xl/sharedStrings.xml")).iterfind("m:si", ns)
        ]
        book = lxml.etree.fromstring(z.read("xl/workbook.xml"))
        sheets = {}
        for n, sheet in enumerate(book.iterfind("m:sheets/m:sheet", ns), start=1):
            assert sheet.get(rel) == f"rId{n}"
            root = lxml.etree.fromstring(z.read(f"xl/worksheets/sheet{n}.xml"))
            assert not root.findall(".//m:f", ns)  # no formulas, ever
            rows = []
            for row in root.iterfind(".//m:row", ns):
                cells = []
                for c in row.iterfind("m:c", ns):
                    v = c.findtext("m:v", namespaces=ns)
                    cells.append(strings[int(v)] if c.get("t") == "s" else v)
                rows.append(cells)
            sheets[sheet.get("name")] = rows
    return sheets


def test_xlsx_has_the_summary_and_every_finding_as_text():
    results = [*seeds(), hostile()]
    sheets = _xlsx_sheets(to_xlsx(results))
    assert list(sheets) == ["汇总", "问题明细"]
    summary = sheets["汇总"]
    assert summary[0][:4] == ["文件", "标题", "发文机关", "年度"] and len(summary) == 1 + len(
        results
    )
    assert summary[-1][2] == HOSTILE  # kept as the text it is, not run
    details = sheets["问题明细"]
    assert details[0] == ["文件", "级别", "代码", "问题类别", "位置", "说明", "原文"]
    assert len(details) == 1 + sum(len(r.findings) for r in results)
    assert details[-1][1:5] == ["错误", "placeholder", "残留占位符", "第7段"]


def _page(results: list[ReportResult]) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page(results))


def test_html_is_self_contained_and_escaped():
    text = page([*seeds(), hostile()])
    doc = lxml.html.document_fromstring(text)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]
    assert not doc.xpath("//link | //img | //iframe | //object | //script[@src]")
    assert all(href.startswith("#") for href in doc.xpath("//@href"))
    assert "http" not in "".join(doc.xpath("//style/text() | //script/text()"))
    # hostile texts are text, not markup
    assert len(doc.xpath("//script")) == 1
    assert "<script>alert(1)</script>" in doc.text_content()
    assert '</td><img src="http://x/a.png">' in doc.text_content()
    assert "@media print" in "".join(doc.xpath("//style/text()"))


def test_html_matrix_counts_and_findings_match_the_results():
    results = [*seeds(), hostile(), unreadable()]
    doc = _page(results)
    sections = taxonomy().statutory_ids
    rows = doc.xpath("//table[@id='matrix']/tbody/tr")
    assert len(rows) == len(results)
    for r, row in zip(results, rows, strict=True):
        cells = row.xpath("td")
        assert cells[0].text_content() == r.path.rsplit("/", 1)[-1]
        for section, cell in zip(sections, cells[3:8], strict=True):
            status = r.statutory.get(section)
            if status:
                assert f"st-{status}" in cell.get("class")
            else:
                assert cell.text_content() == "—"
        assert [int(c.text_content()) for c in cells[8:11]] == [
            r.count("error"),
            r.count("warning"),
            r.count("info"),
        ]
    codes = {
        row.xpath("td")[1].text_content(): int(row.xpath("td")[3].text_content())
        for row in doc.xpath("//table[@id='codes']/tbody/tr")
    }
    expected: dict[str, int] = {}
    for r in results:
        for f in r.findings:
            expected[f.code] = expected.get(f.code, 0) + 1
    assert codes == expected
    for i, r in enumerate(results, start=1):
        section = doc.get_element_by_id(f"r{i}")
        found = section.xpath(".//tbody/tr")
        assert len(found) == len(r.findings)
        for f, row in zip(r.findings, found, strict=True):
            cells = [c.text_content() for c in row.xpath("td")]
            assert cells[3] == f.message and cells[4] == (f.excerpt or "")
            unit = "段" if r.path.endswith(".docx") else "行"  # paragraphs of .docx, lines of text
            assert cells[2] == ("" if f.line is None else f"第{f.line}{unit}")


def test_html_charts_draw_each_report_and_each_content():
    results = seeds()
    doc = _page(results)
    svg = "{http://www.w3.org/2000/svg}"
    findings = doc.get_element_by_id("chart-findings")
    labels = [t for t in findings.iter(f"{svg}text", "text") if t.get("text-anchor") == "end"]
    assert len(labels) == len(results)
    statutory = doc.get_element_by_id("chart-statutory")
    totals = [
        t.text for t in statutory.iter(f"{svg}text", "text") if (t.text or "").startswith("缺 ")
    ]
    missing = [
        sum(r.statutory.get(i) == "missing" for r in results) for i in taxonomy().statutory_ids
    ]
    assert totals == [f"缺 {n}" for n in missing]


def test_html_with_no_findings_says_so():
    clean = ReportResult(path="a.docx", year=2026, statutory={"measures": "section"})
    assert "本批报告未发现问题" in _page([clean]).text_content()


def test_summary_picks_the_writer_by_suffix(tmp_path):
    results = seeds()
    assert summary_bytes(tmp_path / "x.CSV", results).startswith(b"\xef\xbb\xbf")
    assert summary_bytes(tmp_path / "x.xlsx", results)[:2] == b"PK"
    assert summary_bytes(tmp_path / "x.htm", results).startswith(b"<!doctype html>")


def test_html_sorts_in_a_real_browser(tmp_path):
    """Chromium runs the inline script: a click on 「错误」 sorts the matrix, with no network."""
    chromium = require_tool("chromium")
    results = seeds()
    clicked = page(results).replace(
        "</body>",
        "<script>document.querySelectorAll('#matrix th')[8].click();</script></body>",
    )
    # the CSP allows inline scripts, so the test's click runs like the page's own script
    source = tmp_path / "汇总.html"
    source.write_text(clicked, encoding="utf-8")
    dom = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            source.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    doc = lxml.html.document_fromstring(dom)
    errors = [
        int(r.xpath("td")[8].text_content()) for r in doc.xpath("//table[@id='matrix']/tbody/tr")
    ]
    assert errors == sorted(r.count("error") for r in results)
    assert errors != [r.count("error") for r in results]  # the order did change
    assert doc.xpath("//table[@id='matrix']//th")[8].get("aria-sort") == "ascending"
