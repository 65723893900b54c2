"""Findings for people (grouped text), for tools (JSON, documented in the README), and the
folder summary (CSV, HTML). Formatting only: the engine decides nothing here."""

from __future__ import annotations

import csv
import html
import io
import json

from drafter.models.catalogue import taxonomy
from drafter.models.findings import SEVERITY_LABELS, ReportResult

JSON_VERSION = 1
STATUS_LABELS = {"section": "有", "mentioned": "仅提及", "missing": "缺"}


def summary_counts(results: list[ReportResult]) -> dict[str, int]:
    return {
        "reports": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
    }


def to_json(results: list[ReportResult]) -> str:
    reports = []
    for r in results:
        reports.append(
            {
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
        )
    document = {"version": JSON_VERSION, "reports": reports, "summary": summary_counts(results)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_text(results: list[ReportResult]) -> str:
    out = []
    for r in results:
        head = f"== {r.path}"
        if r.title:
            head += f"  《{r.title}》"
        out.append(head)
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
                where = f"第{f.line}行 " if f.line else ""
                out.append(f"     {where}[{f.code}] {f.message}")
                if f.excerpt:
                    out.append(f"         「{f.excerpt}」")
        out.append("")
    s = summary_counts(results)
    out.append(
        f"共 {s['reports']} 份报告：错误 {s['errors']}，警告 {s['warnings']}，提示 {s['infos']}"
    )
    return "\n".join(out) + "\n"


def _rows(results: list[ReportResult]) -> tuple[list[str], list[list[str]]]:
    ids = taxonomy().statutory_ids
    header = [
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
    rows = []
    for r in results:
        rows.append(
            [
                r.path,
                r.title or "",
                r.issuer or "",
                str(r.year or ""),
                *[r.statutory.get(i, "") for i in ids],
                str(r.count("error")),
                str(r.count("warning")),
                str(r.count("info")),
                "是" if r.readable else "否",
            ]
        )
    return header, rows


def to_csv(results: list[ReportResult]) -> bytes:
    header, rows = _rows(results)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel open Chinese CSV correctly


def to_html(results: list[ReportResult]) -> bytes:
    header, rows = _rows(results)
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    page = (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>法治政府建设情况报告检查汇总</title>'
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>"
        f"<h1>检查汇总（{len(results)} 份）</h1><table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table></html>\n"
    )
    return page.encode("utf-8")
