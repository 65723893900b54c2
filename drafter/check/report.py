"""Findings for people (grouped text), for tools (JSON, documented in the README), and the
folder summary (CSV, HTML). Reports are written as they come, so a folder of any size is held
in memory one report at a time. Formatting only: the engine decides nothing here."""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from typing import TextIO

from drafter.models.catalogue import taxonomy
from drafter.models.findings import SEVERITY_LABELS, ReportResult

JSON_VERSION = 1
STATUS_LABELS = {"section": "有", "mentioned": "仅提及", "missing": "缺"}


@dataclass
class Tally:
    reports: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    unreadable: int = 0

    def add(self, r: ReportResult) -> None:
        self.reports += 1
        self.errors += r.count("error")
        self.warnings += r.count("warning")
        self.infos += r.count("info")
        self.unreadable += not r.readable

    def as_json(self) -> dict[str, int]:
        return {
            "reports": self.reports,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
        }


def report_json(r: ReportResult) -> dict:
    return {
        "path": r.path,
        "title": r.title,
        "issuer": r.issuer,
        "year": r.year,
        "statutory": r.statutory,
        "outline": [
            {
                "level": h.level,
                "number": h.number,
                "title": h.title,
                "section": h.section,
                "line": h.line,
            }
            for h in r.outline
        ],
        "findings": [f.model_dump() for f in r.findings],
    }


def report_text(r: ReportResult) -> str:
    out = [f"== {r.path}" + (f"  《{r.title}》" if r.title else "")]
    if r.readable:
        statuses = "  ".join(
            f"{taxonomy().section(k).short}：{STATUS_LABELS[v]}" for k, v in r.statutory.items()
        )
        out.append(f"   年度：{r.year or '未识别'}   {statuses}")
    if not r.findings:
        out.append("   未发现问题。")
    for severity in ("error", "warning", "info"):
        group = [f for f in r.findings if f.severity == severity]
        if group:
            out.append(f"   {SEVERITY_LABELS[severity]}（{len(group)}）")
        for f in group:
            out.append(f"     {f'第{f.line}行 ' if f.line else ''}[{f.code}] {f.message}")
            if f.excerpt:
                out.append(f"         「{f.excerpt}」")
    return "\n".join(out) + "\n\n"


class Output:
    """Writes each report as it is checked; `close` adds the totals."""

    def __init__(self, fmt: str, stream: TextIO) -> None:
        self.fmt, self.stream, self.tally = fmt, stream, Tally()
        if fmt == "json":
            stream.write(f'{{"version": {JSON_VERSION},\n "reports": [\n')

    def add(self, r: ReportResult) -> None:
        if self.fmt == "json":
            self.stream.write(
                (",\n" if self.tally.reports else "")
                + json.dumps(report_json(r), ensure_ascii=False)
            )
        else:
            self.stream.write(report_text(r))
        self.tally.add(r)

    def close(self) -> Tally:
        t = self.tally
        if self.fmt == "json":
            self.stream.write(f'\n ],\n "summary": {json.dumps(t.as_json())}}}\n')
        else:
            self.stream.write(
                f"共 {t.reports} 份报告：错误 {t.errors}，警告 {t.warnings}，提示 {t.infos}\n"
            )
        return t


def summary_header() -> list[str]:
    ids = taxonomy().statutory_ids
    return [
        "文件",
        "标题",
        "发文机关",
        "年度",
        *[taxonomy().section(i).name for i in ids],
        "错误",
        "警告",
        "提示",
        "可读",
    ]


def summary_row(r: ReportResult) -> list[str]:
    return [
        r.path,
        r.title or "",
        r.issuer or "",
        str(r.year or ""),
        *[r.statutory.get(i, "") for i in taxonomy().statutory_ids],
        str(r.count("error")),
        str(r.count("warning")),
        str(r.count("info")),
        "是" if r.readable else "否",
    ]


def to_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(summary_header())
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel open Chinese CSV correctly


def to_html(rows: list[list[str]]) -> bytes:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in summary_header())
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    page = (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>法治政府建设情况报告检查汇总</title>'
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>"
        f"<h1>检查汇总（{len(rows)} 份）</h1><table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table></html>\n"
    )
    return page.encode("utf-8")
