"""Against last year's report: paragraphs copied verbatim, and last year's plans that this
year's measures do not take up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.context import CheckContext, finding
from drafter.models.findings import Finding
from drafter.models.outline import Outline, statutory_owner

CODES = {"previous-copied": "warning", "previous-plan-unaddressed": "info"}
MIN_COPIED = 40  # shorter paragraphs (formulae, closings) repeat legitimately
COMMON = set(
    "法治 政府 建设 推进 加强 进一 一步 持续 深入 全面 工作 提升 水平 推动 落实 不断 强化 完善 健全 依法".split()
)
NON_CJK = re.compile(r"[^\u4e00-\u9fff]")


def _normal(text: str) -> str:
    return NON_CJK.sub("", text)


def _bigrams(text: str) -> set[str]:
    text = _normal(text)
    return {text[i : i + 2] for i in range(len(text) - 1)} - COMMON


def plan_items(previous: Outline) -> list[tuple[int | None, str]]:
    """Last year's next-year arrangements: its item headings, else its 「一是……」 sentences."""
    items = [
        (h.line, h.title) for h in previous.headings if h.level > 1 and h.section == "next_year"
    ]
    if items:
        return items
    for p in previous.paragraphs_in("next_year"):
        if not p.is_heading:
            items += [
                (p.line, s)
                for s in re.findall(r"[一二三四五六七八九十]是([^。；]{4,40})", p.full_text)
            ]
    return items


def check(ctx: CheckContext) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None:
        return
    before = {
        _normal(p.full_text)
        for p in previous.document.paragraphs
        if len(_normal(p.full_text)) >= MIN_COPIED
    }
    for paragraph in ctx.document.paragraphs:
        if _normal(paragraph.full_text) in before:
            yield finding(
                "previous-copied",
                "warning",
                "这一段与去年的报告完全相同，请更新",
                paragraph.line,
                paragraph.full_text,
            )
    measures = set()
    for p in ctx.document.paragraphs:
        if statutory_owner(ctx.outline.section_of(p)) not in ("next_year", "shortcomings"):
            measures |= _bigrams(p.full_text)
    for _, item in plan_items(previous):
        wanted = _bigrams(item)
        if wanted and len(wanted & measures) / len(wanted) < 0.5:
            yield finding(
                "previous-plan-unaddressed",
                "info",
                f"去年安排的“{item}”在今年的举措中没有找到对应内容",
                None,
                item,
            )
