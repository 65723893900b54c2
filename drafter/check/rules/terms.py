"""Time-sensitive terms used as current outside the years they are current in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafter.check.context import CheckContext, finding
from drafter.models.findings import Finding
from drafter.reading.figures import sentences
from drafter.resources import load_data


@cache
def term_rules() -> tuple[list[dict], list[str]]:
    data = load_data("rules/terms.yaml")
    terms = [{**t, "pattern": re.compile(t["regex"])} for t in data["terms"]]
    return terms, data["not_current_cues"]


@cache
def _any_term() -> re.Pattern[str]:
    """One pass over a sentence to see whether any term is there at all (most are not)."""
    return re.compile("|".join(f"(?:{t['regex']})" for t in term_rules()[0]))


def outdated_in(sentence: str, year: int) -> list[tuple[dict, re.Match[str]]]:
    terms, cues = term_rules()
    if not _any_term().search(sentence) or any(
        cue in sentence for cue in cues
    ):  # history or preparation, not a current item
        return []
    hits = []
    for term in terms:
        first, last = term["current"]
        if first <= year <= last:
            continue
        match = term["pattern"].search(sentence)
        if match:
            hits.append((term, match))
    return hits


def check(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.year is None:
        return
    for paragraph in ctx.document.paragraphs:
        text = paragraph.full_text
        offset = 0
        for sentence in sentences(text):
            offset = text.find(sentence, offset)
            for term, match in outdated_in(sentence, ctx.year):
                first, last = term["current"]
                yield finding(
                    "term-outdated",
                    f"{ctx.year} 年度报告中把{term['name']}当作现行提法（适用于 {first}—{last} 年），请核实",
                    paragraph.line,
                    text,
                    offset + match.start(),
                    offset + match.end(),
                )
