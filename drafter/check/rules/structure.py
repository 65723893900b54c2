"""The five statutory contents, their order, and the report's frame (title, date)."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.check.context import CheckContext, finding
from drafter.models.catalogue import taxonomy
from drafter.models.findings import Finding
from drafter.models.outline import statutory_owner
from drafter.reading.metadata import parse_date


def check(ctx: CheckContext) -> Iterator[Finding]:
    outline, doc = ctx.outline, ctx.document
    for section in taxonomy().statutory:
        status = outline.statutory.get(section.id, "missing")
        if status == "missing" and section.required:
            yield finding("statutory-missing", f"缺少法定内容“{section.name}”")
        elif status == "mentioned":
            line = (outline.evidence.get(section.id) or [None])[0]
            text = next((p.full_text for p in doc.paragraphs if p.line == line), None)
            yield finding(
                "statutory-mentioned-only",
                f"“{section.name}”只在正文中提及，没有单独的部分",
                line,
                text,
            )
    yield from _empty_sections(ctx)
    yield from _order(ctx)
    if not doc.title:
        yield finding(
            "title-missing",
            "没有标题（如“××人民政府关于20××年度法治政府建设情况的报告”）",
        )
    if not doc.date:
        yield finding("date-missing", "没有成文日期")
    else:
        parts = parse_date(doc.date)
        if parts and outline.year and (parts[0], parts[1], parts[2]) > (outline.year + 1, 4, 1):
            deadline = f"{outline.year + 1} 年 4 月 1 日"
            message = f"成文日期晚于 {deadline}（报告应在此前向社会公开）"
            yield finding("date-late", message, doc.date_line, doc.date)


def _empty_sections(ctx: CheckContext) -> Iterator[Finding]:
    paragraphs = ctx.document.paragraphs
    heading_lines = {h.line for h in ctx.outline.headings if h.level == 1}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.line not in heading_lines or paragraph.is_run_in:
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if following is None or (following.is_heading and following.level == 1):
            yield finding(
                "section-empty",
                f"“{paragraph.heading}”下面没有内容",
                paragraph.line,
                paragraph.full_text,
            )


def _order(ctx: CheckContext) -> Iterator[Finding]:
    rank = {sid: i for i, sid in enumerate(taxonomy().statutory_ids)}
    first_seen: list[tuple[int, str, int]] = []
    for heading in ctx.outline.headings:
        if heading.level != 1:
            continue
        for sid in heading.sections:
            owner = statutory_owner(sid)
            if owner not in [s for _, s, _ in first_seen]:
                first_seen.append((rank[owner], owner, heading.line or 0))
    for (r1, s1, _), (r2, s2, line) in zip(first_seen, first_seen[1:], strict=False):
        if r2 < r1:
            names = taxonomy().section(s2).name, taxonomy().section(s1).name
            yield finding(
                "order",
                f"“{names[0]}”排在“{names[1]}”之后，与规定的报告内容顺序不一致",
                line,
            )
