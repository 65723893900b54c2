"""Reading is the exact inverse of drafting for drafter's own files: draft → write → read gives
back the same document (title lines, issuer, kind, year, addressee, signers, date, every
paragraph with its level, number, heading, text and section id), for every example, and for
generated facts whatever their text says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import pipeline
from drafter.models.catalogue import taxonomy
from drafter.models.document import Document
from drafter.models.facts import Facts
from tests.conftest import EXAMPLES, JOINT_META

TODAY = dt.date(2027, 1, 10)
OWN_FORMATS = ("docx", "md")


def shape(doc: Document) -> dict:
    return {
        "title": doc.title,
        "issuer": doc.issuer,
        "kind": doc.kind,
        "year": doc.year,
        "addressee": doc.addressee,
        "signers": doc.signers,
        "date": doc.date,
        "closing": doc.closing,
        "paragraphs": [(p.level, p.number, p.heading, p.text, p.section) for p in doc.paragraphs],
    }


def outline_shape(document: Document, levels: int = 4) -> dict:
    """What `outline` shows; section ids of headings deeper than `levels` are left out."""
    outline = pipeline.outline(document)
    return {
        "title": outline.title,
        "issuer": outline.issuer,
        "year": outline.year,
        "statutory": outline.statutory,
        "headings": [
            (h.level, h.number, h.title, h.section if h.level <= levels else None)
            for h in outline.headings
        ],
    }


def read_back(tmp_path: Path, document: Document, fmt: str) -> Document:
    path = tmp_path / f"report.{fmt}"
    path.write_bytes(pipeline.render(document, fmt))
    return pipeline.read(path).document


@pytest.mark.parametrize("fmt", OWN_FORMATS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_read_back_exactly(tmp_path, example, fmt):
    drafted = pipeline.draft(pipeline.load_facts(example), TODAY).document
    again = read_back(tmp_path, drafted, fmt)
    assert shape(again) == shape(drafted)
    assert outline_shape(again) == outline_shape(drafted)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_plain_text_of_the_examples_reads_to_the_same_outline(tmp_path, example):
    """.txt carries no record: the text parser must still find the same outline."""
    drafted = pipeline.draft(pipeline.load_facts(example), TODAY).document
    again = read_back(tmp_path, drafted, "txt")
    # which section each heading is under is known exactly only to drafter's own formats
    assert outline_shape(again, levels=0) == outline_shape(drafted, levels=0)
    assert again.title == drafted.title and again.signers == drafted.signers


def test_two_line_title_and_joint_issuer_survive(tmp_path):
    facts = Facts.model_validate(
        {
            "meta": {
                **JOINT_META,
                "title": "中共乐平市委 乐平市人民政府关于乐平市2024年度法治政府建设工作情况暨2025年工作安排的报告",
            }
        }
    )
    drafted = pipeline.draft(facts, TODAY).document
    again = read_back(tmp_path, drafted, "docx")
    assert shape(again) == shape(drafted)
    assert again.issuer == "中共乐平市委 乐平市人民政府" and again.kind == "joint"


# ---- generated facts --------------------------------------------------------------------------
# Text as writers type it: Chinese, digits, Latin letters, full- and half-width punctuation, and
# lines that look like headings, dates or closings.
TRICKS = [
    "二、存在的不足",
    "（三）下一步工作",
    "1.加强领导。",
    "特此报告。",
    "2027年1月1日",
    "@heading level=1 | 假标题",
    "一是",
    "# 标题",
    "**粗体。**",
]
CHARS = st.sampled_from(
    list(
        "法治政府建设推进依法行政工作成效县人民一二三四五六七八九十，。；：、“”（）《》0123456789abcXY-%.#*@|"
    )
)
TEXT = st.one_of(
    st.text(CHARS, min_size=1, max_size=40).map(str.strip).filter(bool),
    st.sampled_from(TRICKS),
    st.lists(st.sampled_from(TRICKS), min_size=2, max_size=3).map("\n".join),
)
HEADING = st.text(
    st.sampled_from(list("法治政府建设推进依法行政工作成效，、“”0123")), min_size=1, max_size=20
).map(lambda s: s.strip().strip("。") or "标题")
ITEM = st.fixed_dictionaries({"text": TEXT}, optional={"heading": HEADING})
PART = st.fixed_dictionaries({}, optional={"intro": TEXT, "items": st.lists(ITEM, max_size=3)})
AREA_IDS = [a.id for a in taxonomy().areas]
AREA = st.fixed_dictionaries(
    {}, optional={"intro": TEXT, "highlights": st.lists(ITEM, max_size=3), "heading": HEADING}
)
FACTS = st.fixed_dictionaries(
    {
        "meta": st.fixed_dictionaries(
            {
                "issuer": st.sampled_from(
                    [
                        "示例县人民政府",
                        "某市生态环境局",
                        "中共乐平市委 乐平市人民政府",
                        "城关镇人民政府",
                    ]
                ),
                "year": st.integers(2018, 2030),
                "kind": st.sampled_from(["government", "department", "joint"]),
            },
            optional={"addressee": st.sampled_from(["示例市人民政府", "县委、县政府"])},
        ),
        "measures": st.fixed_dictionaries(
            {},
            optional={
                "intro": TEXT,
                "areas": st.dictionaries(st.sampled_from(AREA_IDS), AREA, max_size=3),
            },
        ),
        "shortcomings": PART,
        "leader_duty": PART,
        "next_year": PART,
        "other": PART,
    },
    optional={"opening": TEXT},
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=FACTS)
def test_generated_facts_read_back_exactly(tmp_path, data):
    facts = Facts.model_validate(data)
    drafted = pipeline.draft(facts, TODAY).document
    for fmt in OWN_FORMATS:
        again = read_back(tmp_path, drafted, fmt)
        assert shape(again) == shape(drafted), fmt
        assert outline_shape(again) == outline_shape(drafted), fmt
