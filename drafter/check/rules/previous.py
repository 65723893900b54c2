"""Against last year's report: paragraphs carried over unchanged (also when only their numbering,
their run-in enumerators or a figure changed), and last year's plans that this year's measures
do not take up. What does not count as a change is data: `templates/rules/previous.yaml`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafter.check.context import CheckContext, finding
from drafter.models.document import Paragraph
from drafter.models.findings import Finding
from drafter.models.outline import Outline, statutory_owner
from drafter.resources import load_data

NON_CJK = re.compile(r"[^\u4e00-\u9fff#]")


@cache
def settings() -> dict:
    data = dict(load_data("rules/previous.yaml"))
    data["enumerators_re"] = re.compile(data["enumerators"])
    data["digits_re"] = re.compile(data["digits"])
    data["plan_item_re"] = re.compile(data["plan_item"]["regex"])
    data["common"] = frozenset(data["common_words"])
    return data


def normal_text(text: str) -> str:
    """What is compared: Chinese text with enumerators dropped and every number as 「#」."""
    rules = settings()
    text = rules["digits_re"].sub("#", rules["enumerators_re"].sub("", text))
    return NON_CJK.sub("", text)


def _body(paragraph: Paragraph) -> str:
    """The paragraph without its heading number (renumbering is no change)."""
    if paragraph.is_heading:
        return (
            f"{paragraph.heading}。{paragraph.text}" if paragraph.text else paragraph.heading or ""
        )
    return paragraph.text


def copied(text: str, before: str) -> bool:
    """Both already normalised."""
    if text == before:
        return True
    short, long_ = sorted((len(text), len(before)))
    if short < settings()["min_chars"] or short < long_ * settings()["similarity"]:
        return False
    from difflib import SequenceMatcher  # only with --previous

    matcher = SequenceMatcher(None, text, before, autojunk=False)
    limit = settings()["similarity"]
    return matcher.quick_ratio() >= limit and matcher.ratio() >= limit


def _bigrams(text: str) -> set[str]:
    text = NON_CJK.sub("", text)
    return {text[i : i + 2] for i in range(len(text) - 1)} - settings()["common"]


def plan_items(previous: Outline) -> list[tuple[int | None, str]]:
    """Last year's next-year arrangements: its item headings, else its 「一是……」 sentences."""
    items = [
        (h.line, h.title) for h in previous.headings if h.level > 1 and h.section == "next_year"
    ]
    if items:
        return items
    for p in previous.paragraphs_in("next_year"):
        if not p.is_heading:
            items += [(p.line, s) for s in settings()["plan_item_re"].findall(p.full_text)]
    return items


def check(ctx: CheckContext) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None:
        return
    minimum = settings()["min_chars"]
    before = [normal_text(_body(p)) for p in previous.document.paragraphs]
    before = [t for t in before if len(t) >= minimum]
    exact = set(before)
    verbatim = {NON_CJK.sub("", _body(p)) for p in previous.document.paragraphs}
    for paragraph in ctx.document.paragraphs:
        text = normal_text(_body(paragraph))
        if len(text) < minimum:
            continue
        if text in exact or any(copied(text, old) for old in before):
            same = NON_CJK.sub("", _body(paragraph)) in verbatim
            yield finding(
                "previous-copied",
                "这一段与去年的报告完全相同，请更新"
                if same
                else "这一段与去年的报告基本相同（只改了序号、排列词或个别数字），请更新",
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
                f"去年安排的“{item}”在今年的举措中没有找到对应内容",
                None,
                item,
            )
