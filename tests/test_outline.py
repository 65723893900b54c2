"""The outline parser on drafted text and on the basics of real texts (the learning issue
hardens it further for noise)."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.reading.parser import (
    _full_width,
    _safe_spaces,
    normalize_line,
    normalize_lines,
    parse_text,
    split_heading,
)
from tests.conftest import SEEDS


def test_levels_and_run_in_headings():
    p = split_heading("（一）深化理论武装。严格落实“第一议题”制度。")
    assert (p.level, p.number, p.heading, p.text) == (
        2,
        "（一）",
        "深化理论武装",
        "严格落实“第一议题”制度。",
    )
    assert split_heading("一、主要举措和成效").level == 1
    assert split_heading("1.深入学习贯彻习近平法治思想。聚焦学习").level == 3
    assert split_heading("1、推进依法行政").level == 3
    assert split_heading("（1）规范执法").level == 4


def test_not_headings():
    assert split_heading("一是强化工作领导。提高政治站位。") is None
    assert split_heading("1.5万人次参加培训。") is None
    assert split_heading("2024年，栾城区坚持以习近平新时代中国特色社会主义思想为指导。") is None


def test_half_width_brackets_are_normalized():
    assert (
        normalize_line("\u00a0(二)持续优化法治化营商环境。制定方案")
        == "（二）持续优化法治化营商环境。制定方案"
    )
    assert split_heading(normalize_line("(二)持续优化")).number == "（二）"


def test_half_width_marks_next_to_chinese_become_full_width():
    """The pattern and replacements are written for speed (reading/parser.py); on text whose
    spaces are ASCII (`_safe_spaces`: an em space is a space) they change exactly what the plain
    pattern changes, spaces before a mark included, and leave numbers alone."""
    plain = re.compile(r"(?<=[^\x00-\x7f])\s*([,:;])|([,:;])(?=\s*[^\x00-\x7f])")
    full = {",": "，", ":": "：", ";": "；"}
    assert normalize_line("依法行政 ,严格执法:一是;二是") == "依法行政，严格执法：一是；二是"
    assert normalize_line("共1,000件,11:30") == "共1,000件，11:30"
    rng = random.Random(3)
    alphabet = [" ", "\t", "\u2003", ",", ":", ";", "a", "1", "中", "，"]
    for _ in range(20000):
        text = _safe_spaces("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))
        expected = plain.sub(lambda m: full[m.group(1) or m.group(2)], text)
        assert _full_width(text) == expected, repr(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" \t\u3000\u00a0\u2003\x00\x0b\n,:;()（a1中-ā文号", max_size=12)))
def test_normalizing_all_lines_at_once_is_normalizing_each(lines):
    assert normalize_lines(lines) == [normalize_line(line) for line in lines]


def test_normalizing_the_seeds_lines_at_once_is_normalizing_each():
    for seed in SEEDS:
        lines = seed.read_text(encoding="utf-8").splitlines()
        assert normalize_lines(lines) == [normalize_line(line) for line in lines]


def test_lost_level_one_number():
    p = split_heading("- 坚持党的领导，把牢法治政府建设正确方向")
    assert p.level == 1 and p.number is None


def test_seed_with_two_line_title_and_run_in_headings():
    doc = parse_text(SEEDS[0].read_text(encoding="utf-8"))
    assert doc.title == ["石家庄市栾城区人民政府", "2024年度法治政府建设工作情况报告"]
    assert [p.number for p in doc.headings if p.level == 1] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
    ]
    assert doc.headings[2].heading == "加强法治政府建设组织领导" and doc.headings[2].is_run_in


def test_seed_with_signers_and_date():
    doc = parse_text(SEEDS[2].read_text(encoding="utf-8"))
    assert doc.title == []
    assert doc.signers == ["中共乐平市委", "乐平市人民政府"] and doc.date == "2025年1月15日"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text):
    doc = parse_text(text)
    assert all(p.line is None or p.line >= 1 for p in doc.paragraphs)


def test_spaces_outside_ascii_are_spaces():
    """An em space typed to indent is a space (and the half-width-mark pattern, which once
    searched a run of them again from each: tests/test_regex_linear.py bounds its time)."""
    line = "中" + "\u2003" * 2_000 + "x,"
    assert normalize_line(line) == "中" + " " * 2_000 + "x,"
    assert normalize_lines([line, "好\u2003\u2002,"]) == [normalize_line(line), "好，"]


def test_a_headings_sections_are_its_own():
    """classify_heading hands out a copy of what the structure model knows of a heading: one
    report's outline changing it changes nothing for the next."""
    from drafter.formats.structure_file import default_model
    from drafter.reading.outline import classify_heading

    model = default_model()
    text = model.sections[0].headings[0].text
    first, confidence = classify_heading(text, 1, None, model)
    assert confidence == 1.0  # known to the model: its index's own entry
    first.append("changed")
    again, _ = classify_heading(text, 1, None, model)
    assert "changed" not in again
