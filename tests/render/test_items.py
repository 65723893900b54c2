"""Items the way reports write them: no lone numbered item, and short items run in as
「一是……；二是……」 (templates/items.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.formats.yaml_io import read_facts
from drafter.models.facts import Facts
from drafter.render.items import run_in
from drafter.render.report import render_report
from drafter.resources import load_data
from tests.conftest import EXAMPLES

EXAMPLES_DATA = load_data("items.yaml")["examples"]
TODAY = dt.date(2027, 1, 10)


@pytest.mark.parametrize("example", EXAMPLES_DATA["run_in"], ids=lambda e: e["text"][:8])
def test_run_in_examples(example):
    assert run_in(example["items"]) == example["text"]


@pytest.mark.parametrize("items", EXAMPLES_DATA["separate"], ids=lambda i: f"{len(i)} items")
def test_items_kept_separate(items):
    assert run_in(items) is None


def siblings_numbered_alone(document) -> list[str]:
    """Numbered headings that are the only numbered one of their level under their parent."""
    groups: dict[tuple[int | None, int], list] = {}
    stack: list = []  # the headings above, outermost first
    for p in document.paragraphs:
        if not p.is_heading:
            continue
        while stack and stack[-1].level >= p.level:
            stack.pop()
        groups.setdefault((id(stack[-1]) if stack else None, p.level), []).append(p)
        stack.append(p)
    singles = [[p for p in group if p.number] for group in groups.values()]
    return [numbered[0].full_text for numbered in singles if len(numbered) == 1]


def test_the_lone_item_finder_finds_one():
    from drafter.models.document import Document, Paragraph

    def h(level, number, title):
        return Paragraph(level=level, number=number, heading=title)

    doc = Document(
        paragraphs=[
            h(1, "一、", "甲"),
            h(2, "（一）", "乙"),
            h(2, "（二）", "丙"),
            h(3, "1.", "丁"),
        ]
    )
    assert siblings_numbered_alone(doc) == ["一、甲", "1.丁"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_have_no_lone_numbered_item(path):
    document, _ = render_report(read_facts(path), TODAY)
    assert siblings_numbered_alone(document) == []


def facts(**parts) -> Facts:
    return Facts.model_validate(
        {
            "meta": {"issuer": "示例县人民政府", "year": 2026, "date": "2027-01-15"},
            "measures": {
                "areas": {
                    "emergency": {"highlights": [{"heading": "健全应急预案", "text": "修订预案。"}]}
                }
            },
            **parts,
        }
    )


def test_a_lone_item_is_a_plain_paragraph():
    document, _ = render_report(
        facts(leader_duty={"items": [{"heading": "带头学法", "text": "主要负责同志带头学法。"}]}),
        TODAY,
    )
    texts = [p.full_text for p in document.paragraphs]
    assert "带头学法。主要负责同志带头学法。" in texts
    assert "健全应急预案。修订预案。" in texts  # the area's only highlight
    assert siblings_numbered_alone(document) == []
    area = next(p for p in document.paragraphs if p.section == "emergency" and p.is_heading)
    assert area.number is None  # the only area: a heading without 「（一）」


def test_two_items_are_numbered():
    document, _ = render_report(
        facts(
            leader_duty={
                "items": [
                    {"heading": "带头学法", "text": "带头学法。"},
                    {"heading": "带头述法", "text": "带头述法。"},
                ]
            }
        ),
        TODAY,
    )
    numbers = [p.number for p in document.paragraphs if p.is_heading and p.level == 2]
    assert numbers[-2:] == ["（一）", "（二）"]


def test_short_items_run_in_and_keep_their_source():
    document, _ = render_report(
        facts(shortcomings={"items": ["一是认识不够。", "二是力量薄弱。"]}), TODAY
    )
    (paragraph,) = [p for p in document.paragraphs if p.source == ("shortcomings", "items")]
    assert paragraph.full_text == "一是认识不够；二是力量薄弱。"
    assert paragraph.section == "shortcomings"
