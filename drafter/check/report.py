"""Findings for people (grouped text) and for tools (JSON, documented in the README); the
folder summary is check/summary.py. Reports are written as they come, so a folder of any size is held
in memory one report at a time. Formatting only: the engine decides nothing here."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TextIO

from drafter.control_chars import visible
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

    def add(self, w: Written) -> None:
        self.reports += 1
        self.errors += w.errors
        self.warnings += w.warnings
        self.infos += w.infos
        self.unreadable += not w.readable

    def as_json(self) -> dict[str, int]:
        return {
            "reports": self.reports,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
        }


def summary_entry(r: ReportResult) -> ReportResult:
    """What the folder summary keeps of a checked report: everything but the outline (memory)."""
    return replace(r, outline=[])


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
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "line": f.line,
                "excerpt": f.excerpt,
                "field": f.field,
            }
            for f in r.findings
        ],
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
    return visible("\n".join(out)) + "\n\n"  # report text may carry terminal escapes


@dataclass(frozen=True)
class Written:
    """One checked report as `Output` writes it, made where the report was checked. In a folder
    run a helper process sends this back rather than the report's models: a string and four numbers
    cross between processes for a fraction of what unpickling the models costs the main process."""

    text: str
    errors: int
    warnings: int
    infos: int
    readable: bool
    kept: ReportResult | None = None  # for the folder summary and --annotate: no outline


def written(fmt: str, keep: bool, r: ReportResult) -> Written:
    """`r` in the output format `fmt` ("json" or "text"), keeping the report itself if asked."""
    return Written(
        text=json.dumps(report_json(r), ensure_ascii=False) if fmt == "json" else report_text(r),
        errors=r.count("error"),
        warnings=r.count("warning"),
        infos=r.count("info"),
        readable=r.readable,
        kept=summary_entry(r) if keep else None,
    )


class Output:
    """Writes each report as it is checked; `close` adds the totals."""

    def __init__(self, fmt: str, stream: TextIO) -> None:
        self.fmt, self.stream, self.tally = fmt, stream, Tally()
        if fmt == "json":
            stream.write(f'{{"version": {JSON_VERSION},\n "reports": [\n')

    def add(self, w: Written) -> None:
        separator = ",\n" if self.fmt == "json" and self.tally.reports else ""
        self.stream.write(separator + w.text)
        self.tally.add(w)

    def close(self) -> Tally:
        t = self.tally
        if self.fmt == "json":
            self.stream.write(f'\n ],\n "summary": {json.dumps(t.as_json())}}}\n')
        else:
            self.stream.write(
                f"共 {t.reports} 份报告：错误 {t.errors}，警告 {t.warnings}，提示 {t.infos}\n"
            )
        return t
