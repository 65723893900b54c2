"""Time-sensitive terms used as current outside the years they are current in: terms
(templates/rules/terms.yaml) and the calendar's plans (periods.yaml). An expired plan named as
current work is `plan-expired`, with the period it ended; a plan paragraph under the next year's
plans is read in that year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from drafter.check.context import CheckContext, finding
from drafter.models.calendar import Plan, calendar
from drafter.models.findings import Finding
from drafter.reading.figures import sentences
from drafter.resources import load_data


@dataclass(frozen=True)
class Hit:
    id: str
    code: str
    message: str
    start: int
    end: int


@cache
def term_rules() -> tuple[list[dict], list[str]]:
    data = load_data("rules/terms.yaml")
    terms = [{**t, "pattern": re.compile(t["regex"])} for t in data["terms"]]
    return terms, data["not_current_cues"]


@cache
def _plans() -> list[tuple[Plan, re.Pattern[str]]]:
    return [(p, re.compile(p.regex)) for p in calendar().plans]


@cache
def _any_term() -> re.Pattern[str]:
    """One pass over a text to see whether any term is there at all (most are not)."""
    regexes = [t["regex"] for t in term_rules()[0]] + [p.regex for p, _ in _plans()]
    return re.compile("|".join(f"(?:{r})" for r in regexes))


def _plan_message(plan: Plan, year: int) -> tuple[str, str]:
    first, last = plan.period
    if year < first:
        return "term-outdated", (
            f"{year} 年度报告中把{plan.name}当作现行工作，它 {first} 年才开始（{plan.span}），请核实"
        )
    current = calendar().current(plan.series, year)
    now = f"，现行的是{current.name}（{current.span}）" if current else ""
    return "plan-expired", (
        f"{plan.name}（{plan.span}）已于 {last} 年结束，{year} 年仍作为当前工作{now}；"
        "如是总结、回顾，请写明"
    )


def outdated_in(sentence: str, year: int) -> list[Hit]:
    terms, cues = term_rules()
    if not _any_term().search(sentence) or any(
        cue in sentence for cue in cues
    ):  # history or preparation, not a current item
        return []
    hits = []
    for term in terms:
        first, last = term["current"]
        if not first <= year <= last and (match := term["pattern"].search(sentence)):
            message = (
                f"{year} 年度报告中把{term['name']}当作现行提法（适用于 {first}—{last} 年），请核实"
            )
            hits.append(Hit(term["id"], "term-outdated", message, match.start(), match.end()))
    for plan, pattern in _plans():
        first, last = plan.period
        if not first <= year <= last and (match := pattern.search(sentence)):
            code, message = _plan_message(plan, year)
            hits.append(Hit(plan.id, code, message, match.start(), match.end()))
    return hits


def check(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.year is None:
        return
    paragraphs, texts = ctx.document.paragraphs, ctx.texts
    # one search of all paragraphs names those a term may be in; the others are not split at all
    for n in ctx.joined.holding(_any_term()):
        paragraph, text = paragraphs[n], texts[n]
        # the next year's plans speak of the next year
        planned = ctx.outline.section_of_line.get(paragraph.line or 0) == "next_year"
        year = ctx.year + planned
        offset = 0
        for sentence in sentences(text):
            offset = text.find(sentence, offset)
            for hit in outdated_in(sentence, year):
                yield finding(
                    hit.code,
                    hit.message,
                    paragraph.line,
                    text,
                    offset + hit.start,
                    offset + hit.end,
                )
