"""Years that disagree: title, headings and the report year; the plans' year; a report year the
text does not settle."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.context import CheckContext, finding
from drafter.models.findings import Finding
from drafter.models.language import year_patterns
from drafter.models.outline import YEAR_SOURCE_NAMES

YEAR = re.compile(year_patterns().year.regex)  # templates/rules/years.yaml
PLAN_YEAR = re.compile(year_patterns().plan_year.regex)
BOOK_TITLE = re.compile(year_patterns().book_title.regex)
LEADING_YEAR = re.compile(year_patterns().leading_year.regex)
PARAGRAPH_YEAR = re.compile(year_patterns().paragraph_year.regex)


def check(ctx: CheckContext) -> Iterator[Finding]:
    year, doc = ctx.year, ctx.document
    if year is None:
        return
    if ctx.outline.year_uncertain:
        yield _uncertain(ctx)
    title = doc.title_text or ""
    match = YEAR.search(title)
    if match and int(match.group(1)) != year:
        yield finding(
            "year-mismatch",
            f"标题中的年度 {match.group(1)} 与报告年度 {year} 不一致",
            doc.title_line,
            title,
            match.start(),
            match.end(),
        )
    for heading in ctx.outline.headings:
        if heading.level > 2:
            continue  # only the first two levels are read for a year
        title = BOOK_TITLE.sub("", heading.title)
        match = YEAR.search(title) if heading.level == 1 else None
        if heading.level == 2 and LEADING_YEAR.match(title):
            match = YEAR.search(title)
        if not match:
            continue
        stated = int(match.group(1))
        expected = (
            year + 1
            if "next_year" in heading.sections and "shortcomings" not in heading.sections
            else year
        )
        if (
            heading.section in ("measures", "shortcomings", "leader_duty", "next_year")
            and stated != expected
        ):
            yield finding(
                "year-mismatch",
                f"标题“{heading.title}”中的年度 {stated} 应为 {expected}",
                heading.line,
                heading.title,
            )
    for paragraph in ctx.paragraphs_of("next_year"):
        for match in PLAN_YEAR.finditer(paragraph.full_text):
            if int(match.group(1)) != year + 1:
                yield finding(
                    "year-mismatch",
                    f"下一年度安排写的是 {match.group(1)} 年，应为 {year + 1} 年",
                    paragraph.line,
                    paragraph.full_text,
                    match.start(),
                    match.end(),
                )

    yield from _stale(ctx, year)


def _stale(ctx: CheckContext, year: int) -> Iterator[Finding]:
    """A paragraph opening with last year (「2026年，我县……」 in a 2027 report): a paragraph
    carried over from last year's report whose year was not changed."""
    for paragraph in ctx.document.paragraphs:
        match = PARAGRAPH_YEAR.match(paragraph.text)
        if not match or int(match.group(1)) != year - 1:
            continue
        if ctx.outline.section_of(paragraph) != "next_year" and not paragraph.is_heading:
            yield finding(
                "year-stale",
                f"这一段开头写的是 {year - 1} 年，报告年度是 {year} 年：是沿用去年的段落吗？",
                paragraph.line,
                paragraph.full_text,
                match.start(),
                match.end(),
            )


def _uncertain(ctx: CheckContext) -> Finding:
    """Which years the text gave, and where: the user settles it with --year."""
    seen = "；".join(
        f"{YEAR_SOURCE_NAMES[e.source]} {e.year} 年（第 {e.line} 行）"
        if e.line
        else f"{YEAR_SOURCE_NAMES[e.source]} {e.year} 年"
        for e in ctx.outline.year_evidence
    )
    first = ctx.outline.year_evidence[0]
    return finding(
        "year-uncertain",
        f"报告年度不能确定，按 {ctx.year} 年检查；文中所见：{seen}。可用 --year 指定",
        first.line,
        first.text,
    )
