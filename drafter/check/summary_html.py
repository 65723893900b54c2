"""The summary as one self-contained HTML page: no network (a Content-Security-Policy forbids
any fetch), every text escaped, styles and the small sorting script inlined from
templates/summary/. A matrix of reports × the five statutory contents, counts by finding code,
two inline SVG charts, and each report's findings with excerpts and paragraph numbers."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from drafter.check.summary import code_counts, code_label, location, status_word
from drafter.models.catalogue import taxonomy
from drafter.models.findings import SEVERITY_LABELS, SEVERITY_ORDER, ReportResult
from drafter.resources import templates_dir

TITLE = "法治政府建设情况报告检查汇总"
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
STATUS_RANK = {"section": 2, "mentioned": 1, "missing": 0}
STATUS_LEGEND = {
    "section": "有：独立部分",
    "mentioned": "仅提及：只在正文中",
    "missing": "缺：没有",
}
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#f9a825", "info": "#90a4ae"}
STATUS_COLOURS = {"section": "#66bb6a", "mentioned": "#fdd835", "missing": "#ef5350"}
CHART_REPORTS = 30  # the findings chart shows at most this many reports (those with most errors)
BAR = 300  # px: the longest bar


def _asset(name: str) -> str:
    return (templates_dir() / "summary" / name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _name(r: ReportResult) -> str:
    return Path(r.path).name


def _short(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _legend(colours: dict[str, str], labels: dict[str, str], y: int) -> str:
    out, x = [], 0
    for key, colour in colours.items():
        out.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{y + 11}">{_e(labels[key])}</text>'
        )
        x += 16 + 14 * len(labels[key]) + 16
    return "".join(out)


def _stacked(x: int, y: int, parts: list[tuple[int, str]], scale: float) -> str:
    out = []
    for count, colour in parts:
        width = count * scale
        if width:
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="14" fill="{colour}"/>'
            )
        x += width
    return "".join(out)


def findings_chart(results: list[ReportResult]) -> str:
    ranked = sorted(
        results,
        key=lambda r: (-r.count("error"), -len(r.findings), r.path),
    )[:CHART_REPORTS]
    most = max((len(r.findings) for r in ranked), default=0) or 1
    scale, label_w, top = BAR / most, 190, 24
    rows = []
    for i, r in enumerate(ranked):
        y = top + i * 20
        parts = [(r.count(s), SEVERITY_COLOURS[s]) for s in SEVERITY_COLOURS]
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 11}" text-anchor="end">{_e(_short(_name(r)))}'
            f"<title>{_e(r.path)}</title></text>"
            + _stacked(label_w, y, parts, scale)
            + f'<text x="{label_w + len(r.findings) * scale + 4:.1f}" y="{y + 11}">'
            f"{len(r.findings)}</text>"
        )
    height = top + 20 * len(ranked) + 4
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-findings" '
        f'width="{label_w + BAR + 40}" height="{height}" role="img" aria-label="各报告问题数">'
        + _legend(SEVERITY_COLOURS, SEVERITY_LABELS, 0)
        + "".join(rows)
        + "</svg>"
    )


def statutory_chart(results: list[ReportResult]) -> str:
    readable = [r for r in results if r.readable]
    scale, label_w, top = BAR / max(len(readable), 1), 90, 24
    rows = []
    for i, section in enumerate(taxonomy().statutory):
        y = top + i * 22
        counts = Counter(r.statutory.get(section.id) for r in readable)
        parts = [(counts[s], STATUS_COLOURS[s]) for s in STATUS_COLOURS]
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 11}" text-anchor="end">{_e(section.short)}'
            f"<title>{_e(section.name)}</title></text>"
            + _stacked(label_w, y, parts, scale)
            + f'<text x="{label_w + BAR + 6}" y="{y + 11}">缺 {counts["missing"]}</text>'
        )
    height = top + 22 * len(taxonomy().statutory) + 4
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-statutory" '
        f'width="{label_w + BAR + 60}" height="{height}" role="img" '
        f'aria-label="五项法定内容在本批报告中的情况">'
        + _legend(STATUS_COLOURS, STATUS_LEGEND, 0)
        + "".join(rows)
        + "</svg>"
    )


def _th(label: str, numeric: bool = False, title: str | None = None) -> str:
    attrs = (' data-type="num"' if numeric else "") + (f' title="{_e(title)}"' if title else "")
    return f"<th{attrs}>{_e(label)}</th>"


def matrix(results: list[ReportResult]) -> str:
    sections = taxonomy().statutory
    head = (
        _th("文件")
        + _th("发文机关")
        + _th("年度", numeric=True)
        + "".join(_th(s.short or s.name, numeric=True, title=s.name) for s in sections)
        + "".join(_th(label, numeric=True) for label in SEVERITY_LABELS.values())
    )
    rows = []
    for i, r in enumerate(results, start=1):
        cells = [
            f'<td><a href="#r{i}" title="{_e(r.path)}">{_e(_name(r))}</a></td>',
            f"<td>{_e(r.issuer or '')}</td>",
            f'<td class="num" data-sort="{r.year or 0}">{_e(r.year or "")}</td>',
        ]
        for s in sections:
            status = r.statutory.get(s.id)
            css = f"st st-{status}" if status else "st"
            rank = STATUS_RANK.get(status, -1)
            cells.append(f'<td class="{css}" data-sort="{rank}">{_e(status_word(r, s.id))}</td>')
        cells += [f'<td class="num">{r.count(s)}</td>' for s in SEVERITY_LABELS]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table class="sortable" id="matrix"><thead><tr>'
        + head
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def code_table(results: list[ReportResult]) -> str:
    findings = code_counts(f for r in results for f in r.findings)
    reports = Counter(code for r in results for code in {f.code for f in r.findings})
    severity = {f.code: f.severity for r in results for f in r.findings}
    order = sorted(findings, key=lambda c: (SEVERITY_ORDER[severity[c]], -findings[c], c))
    rows = [
        f"<tr><td>{_e(code_label(c))}</td><td><code>{_e(c)}</code></td>"
        f'<td class="sev-{severity[c]}" data-sort="{SEVERITY_ORDER[severity[c]]}">'
        f"{SEVERITY_LABELS[severity[c]]}</td>"
        f'<td class="num">{findings[c]}</td><td class="num">{reports[c]}</td></tr>'
        for c in order
    ]
    if not rows:
        return '<p class="ok">本批报告未发现问题。</p>'
    return (
        '<table class="sortable" id="codes"><thead><tr>'
        + _th("问题类别")
        + _th("代码")
        + _th("级别", numeric=True)
        + _th("问题数", numeric=True)
        + _th("涉及报告数", numeric=True)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def report_details(i: int, r: ReportResult) -> str:
    title = f"{i}. {r.path}" + (f"《{r.title}》" if r.title else "")
    meta = "　".join(
        part
        for part in (
            f"发文机关：{r.issuer}" if r.issuer else "",
            f"年度：{r.year}" if r.year else "",
        )
        if part
    )
    out = [f'<section class="report" id="r{i}"><h3>{_e(title)}</h3>']
    if meta:
        out.append(f"<p>{_e(meta)}</p>")
    if not r.findings:
        out.append('<p class="ok">未发现问题。</p></section>')
        return "".join(out)
    rows = [
        f'<tr><td class="sev-{f.severity}" data-sort="{SEVERITY_ORDER[f.severity]}">'
        f"{SEVERITY_LABELS[f.severity]}</td>"
        f'<td title="{_e(f.code)}">{_e(code_label(f.code))}</td>'
        f'<td class="num" data-sort="{f.line or 0}">{_e(location(r, f))}</td>'
        f"<td>{_e(f.message)}</td>"
        f'<td class="excerpt">{_e(f.excerpt or "")}</td></tr>'
        for f in r.findings
    ]
    out.append(
        '<table class="sortable findings"><thead><tr>'
        + _th("级别", numeric=True)
        + _th("问题类别")
        + _th("位置", numeric=True)
        + _th("说明")
        + _th("原文")
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )
    return "".join(out)


def totals(results: list[ReportResult]) -> str:
    counts = {s: sum(r.count(s) for r in results) for s in SEVERITY_LABELS}
    unreadable = sum(not r.readable for r in results)
    parts = "，".join(
        f'{label} <b class="{s}">{counts[s]}</b>' for s, label in SEVERITY_LABELS.items()
    )
    tail = f"；{unreadable} 份无法读取" if unreadable else ""
    return f'<p class="totals">共 {len(results)} 份报告：{parts}{tail}。</p>'


def page(results: list[ReportResult]) -> str:
    legend = "".join(f'<span class="st-{s}">{_e(STATUS_LEGEND[s])}</span>' for s in STATUS_RANK)
    chart_note = f"（问题最多的 {CHART_REPORTS} 份）" if len(results) > CHART_REPORTS else ""
    return (
        '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{TITLE}</title><style>{_asset('summary.css')}</style></head><body>"
        f"<h1>{TITLE}</h1>{totals(results)}"
        '<div class="charts">'
        f"<figure><figcaption>各报告问题数{chart_note}</figcaption>{findings_chart(results)}"
        "</figure>"
        "<figure><figcaption>五项法定内容在本批报告中的情况</figcaption>"
        f"{statutory_chart(results)}</figure></div>"
        "<h2>法定内容矩阵</h2>"
        f'<p class="legend">{legend}'
        '<span class="hint">（点击表头排序；点击文件名看该报告的问题）</span></p>'
        f"{matrix(results)}"
        f"<h2>问题类别统计</h2>{code_table(results)}"
        "<h2>各报告的问题</h2>"
        + "".join(report_details(i, r) for i, r in enumerate(results, start=1))
        + f"<script>{_asset('summary.js')}</script></body></html>\n"
    )
