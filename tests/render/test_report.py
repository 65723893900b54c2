"""Rendered report text: golden files of every example, and how sections without facts behave."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.draft import draft_document
from drafter.formats.text_writer import write_text
from drafter.formats.yaml_io import read_facts
from drafter.models.facts import Facts
from drafter.reading.parser import parse_text
from tests.conftest import EXAMPLES, JOINT_META

TODAY = dt.date(2027, 1, 10)


def rendered(facts: Facts, today: dt.date) -> tuple[str, list[str]]:
    draft = draft_document(facts, today)
    return draft.text, draft.warnings


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_text_golden(path, snapshot):
    text, warnings = rendered(read_facts(path), TODAY)
    assert text == snapshot
    assert warnings == snapshot(name="warnings")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_text_round_trips_through_the_outline_parser(path):
    draft = draft_document(read_facts(path), TODAY)
    again = parse_text(write_text(draft.document))
    assert [p.full_text for p in again.paragraphs] == [
        p.full_text for p in draft.document.paragraphs
    ]
    assert again.title == draft.document.title and again.signers == draft.document.signers


def test_county_example_has_every_part():
    draft = draft_document(read_facts(EXAMPLES[0]), TODAY)
    doc = draft.document
    assert doc.title == ["示例县人民政府关于2026年度法治政府建设情况的报告"]
    assert doc.addressee == "示例市人民政府"
    assert doc.closing == "特此报告。"
    assert doc.signers == ["示例县人民政府"] and doc.date == "2027年1月15日"
    level1 = [p.heading for p in doc.headings if p.level == 1]
    assert level1 == [
        "2026年度法治政府建设主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "2027年度主要工作安排",
        "其他需要报告的情况",
    ]
    assert [p.number for p in doc.headings if p.level == 2][:11][-1] == "（十一）"
    assert not draft.warnings


def test_statutory_content_without_facts_gets_placeholder_and_warning():
    facts = Facts.model_validate({"meta": {"issuer": "示例县人民政府", "year": 2026}})
    text, warnings = rendered(facts, TODAY)
    for name in (
        "主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
    ):
        assert f"【待填写：{name}】" in text
        assert any(name in w for w in warnings)
    assert "其他需要报告的情况" not in text  # optional, left out when empty
    assert "2027年1月10日" in text  # date defaults to today


def test_optional_areas_without_facts_are_left_out():
    facts = Facts.model_validate(
        {
            "meta": {"issuer": "示例县人民政府", "year": 2026},
            "measures": {"areas": {"emergency": {}, "rules": {"metrics": {"normative_filed": 3}}}},
        }
    )
    text, _ = rendered(facts, TODAY)
    assert "突发事件" not in text
    # the only area: its heading without 「（一）」 (no lone numbered item)
    assert "\n健全依法行政制度体系" in text and "（一）" not in text and "报备3件。" in text
    assert "清理废止" not in text and "审查行政规范性文件" not in text


def test_joint_report_title_and_signers():
    facts = Facts.model_validate(
        {
            "meta": {
                **JOINT_META,
                "signers": ["中共乐平市委", "乐平市人民政府"],
                "date": "2025-01-15",
            }
        }
    )
    doc = draft_document(facts, TODAY).document
    assert doc.title == ["乐平市2024年度法治政府建设情况报告"]
    assert doc.signers == ["中共乐平市委", "乐平市人民政府"] and doc.date == "2025年1月15日"


@pytest.mark.parametrize(
    ("year", "phrase"), [(2021, "党的十九大"), (2024, "党的二十大"), (2026, "党的二十大")]
)
def test_time_sensitive_phrase_follows_the_year(year, phrase):
    facts = Facts.model_validate({"meta": {"issuer": "示例县人民政府", "year": year}})
    text, _ = rendered(facts, TODAY)
    opening = next(line for line in text.splitlines() if line.startswith(f"{year}年，"))
    assert phrase in opening


def test_carried_over_highlight_warns():
    facts = Facts.model_validate(
        {
            "meta": {"issuer": "示例县人民政府", "year": 2026},
            "measures": {
                "areas": {"rules": {"highlights": [{"text": "去年的话。", "carried_over": True}]}}
            },
        }
    )
    _, warnings = rendered(facts, TODAY)
    assert any("沿用上年" in w for w in warnings)


@pytest.mark.parametrize(
    "typed",
    [
        "二、存在的不足和原因方面的问题已全部整改到位。",
        "（三）下一步工作安排",
        "特此报告。",
        "第一段\n@heading level=1 section=shortcomings | 存在的不足\n三、下一步",
        "2027年1月1日",
    ],
)
def test_user_text_never_changes_the_outline(typed):
    """Whatever a writer types into an intro or a highlight, it stays body text of its area."""
    facts = Facts.model_validate(
        {
            "meta": {"issuer": "示例县人民政府", "year": 2026},
            "measures": {
                "areas": {
                    "rules": {"intro": typed, "highlights": [{"heading": "小标题", "text": typed}]}
                }
            },
            "shortcomings": {"items": ["不足。"]},
        }
    )
    doc = draft_document(facts, TODAY).document
    level1 = [p.section for p in doc.paragraphs if p.level == 1]
    assert level1 == ["measures", "shortcomings", "leader_duty", "next_year"]
    typed_paragraphs = [
        p for p in doc.paragraphs if p.source and p.source[:3] == ("measures", "areas", "rules")
    ]
    assert all(p.section == "rules" for p in typed_paragraphs)
    assert all(p.level in (0, 2, 3) for p in typed_paragraphs)
    assert doc.closing == "特此报告。" and doc.date == "2027年1月10日"
    intro = [p for p in typed_paragraphs if p.source[-1] == "intro"]
    assert [p.text for p in intro] == [
        line.rstrip("。") + "。" if i == len(typed.splitlines()) - 1 else line
        for i, line in enumerate(typed.splitlines())
    ]
