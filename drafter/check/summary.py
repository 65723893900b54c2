"""The reviewer's summary of a checked folder (`check --summary`): one row per report in CSV
(UTF-8 with BOM, so Excel and WPS open it), .xlsx (a second sheet lists every finding), or one
self-contained HTML page (see summary_html). Formatting only: the engine decides nothing here."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from drafter.check.report import STATUS_LABELS
from drafter.models.catalogue import taxonomy
from drafter.models.codes import registry
from drafter.models.findings import SEVERITY_LABELS, Finding, ReportResult

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def code_labels() -> dict[str, str]:
    """code → short Chinese name (templates/rules/codes.yaml)."""
    return {
        code: entry.short or entry.description.split("（")[0][:12]
        for code, entry in registry().codes.items()
    }


def code_label(code: str) -> str:
    return code_labels().get(code, code)


def status_word(r: ReportResult, section_id: str) -> str:
    status = r.statutory.get(section_id)
    return STATUS_LABELS[status] if status else "—"


def code_counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.code for f in findings)


def codes_cell(r: ReportResult) -> str:
    """「残留占位符×2；年份不一致×1」: the report's findings by kind."""
    return "；".join(f"{code_label(c)}×{n}" for c, n in code_counts(r.findings).items())


def location(r: ReportResult, f: Finding) -> str:
    if f.line is None:
        return ""
    return f"第{f.line}段" if r.path.lower().endswith(".docx") else f"第{f.line}行"


def summary_header() -> list[str]:
    return [
        "文件",
        "标题",
        "发文机关",
        "年度",
        *[s.name for s in taxonomy().statutory],
        "错误",
        "警告",
        "提示",
        "可读",
        "问题类别",
    ]


def summary_row(r: ReportResult) -> list[str | int]:
    return [
        r.path,
        r.title or "",
        r.issuer or "",
        r.year or "",
        *[status_word(r, i) for i in taxonomy().statutory_ids],
        r.count("error"),
        r.count("warning"),
        r.count("info"),
        "是" if r.readable else "否",
        codes_cell(r),
    ]


FINDING_HEADER = ["文件", "级别", "代码", "问题类别", "位置", "说明", "原文"]


def finding_rows(results: Iterable[ReportResult]) -> Iterable[list[str]]:
    for r in results:
        for f in r.findings:
            yield [
                r.path,
                SEVERITY_LABELS[f.severity],
                f.code,
                code_label(f.code),
                location(r, f),
                f.message,
                f.excerpt or "",
            ]


def neutralise(cell: str | int) -> str | int:
    """A text cell that a spreadsheet would run as a formula gets a leading 「'」."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def to_csv(results: list[ReportResult]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(summary_header())
    writer.writerows([neutralise(c) for c in summary_row(r)] for r in results)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel/WPS read UTF-8


STATUS_FILLS = {"有": "#C8E6C9", "仅提及": "#FFF3C4", "缺": "#FFCDD2"}


def to_xlsx(results: list[ReportResult]) -> bytes:
    import xlsxwriter  # only for .xlsx summaries

    buffer = io.BytesIO()
    # text stays text: nothing typed in a report becomes a formula, link or number
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = book.add_format({"bold": True, "bg_color": "#E8EAF0", "border": 1})
    fills = {
        word: book.add_format({"bg_color": c, "border": 1}) for word, c in STATUS_FILLS.items()
    }
    sheet = book.add_worksheet("汇总")
    header = summary_header()
    sheet.write_row(0, 0, header, bold)
    for row, r in enumerate(results, start=1):
        for col, cell in enumerate(summary_row(r)):
            if isinstance(cell, int):
                sheet.write_number(row, col, cell)
            else:
                sheet.write_string(row, col, cell, fills.get(cell))
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, len(results), len(header) - 1)
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 2, 24)
    sheet.set_column(4, 4 + len(taxonomy().statutory_ids) - 1, 10)
    sheet.set_column(len(header) - 1, len(header) - 1, 40)
    details = book.add_worksheet("问题明细")
    details.write_row(0, 0, FINDING_HEADER, bold)
    for row, cells in enumerate(finding_rows(results), start=1):
        for col, cell in enumerate(cells):
            details.write_string(row, col, cell)
    details.freeze_panes(1, 0)
    details.set_column(0, 0, 40)
    details.set_column(5, 6, 60)
    book.close()
    return buffer.getvalue()


def _to_html(results: list[ReportResult]) -> bytes:
    from drafter.check.summary_html import page

    return page(results).encode("utf-8")


WRITERS: dict[str, Callable[[list[ReportResult]], bytes]] = {
    ".csv": to_csv,
    ".xlsx": to_xlsx,
    ".html": _to_html,
    ".htm": _to_html,
}


def summary_bytes(path: Path, results: list[ReportResult]) -> bytes:
    return WRITERS[path.suffix.lower()](results)
