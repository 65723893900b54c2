"""`check --previous`: a paragraph carried over from last year is found however it was renumbered
or lightly touched, and nothing is found in an unrelated report."""

from __future__ import annotations

import re

import pytest

from drafter import pipeline
from drafter.check.rules.previous import copied, normal_text, settings
from drafter.reading.parser import parse_text
from tests.conftest import SEEDS

KAIZHOU = next(p for p in SEEDS if "开州区" in p.read_text(encoding="utf-8"))
CN = "一二三四五六七八九十"


@pytest.mark.parametrize("pair", settings()["fires"])
def test_data_examples_that_count_as_copied(pair):
    assert copied(normal_text(pair[0]), normal_text(pair[1]))


@pytest.mark.parametrize("pair", settings()["quiet"])
def test_data_examples_that_do_not(pair):
    assert not copied(normal_text(pair[0]), normal_text(pair[1]))


def _copied_lines(this_year: str, last_year: str) -> list[int]:
    _, findings = pipeline.check(parse_text(this_year), previous=parse_text(last_year))
    return [f.line for f in findings if f.code == "previous-copied"]


def _shift(text: str) -> str:
    """Every heading number moved on by one: 「1.」→「2.」, 「（一）」→「（二）」, 「一是」→「二是」."""
    text = re.sub(r"(?m)^(\d{1,2})([.、．])", lambda m: f"{int(m.group(1)) + 1}{m.group(2)}", text)
    text = re.sub(
        rf"(?m)^([（(])([{CN}])([）)])",
        lambda m: m.group(1) + CN[CN.index(m.group(2)) + 1] + m.group(3),
        text,
    )
    return re.sub(rf"([{CN[:-1]}])是", lambda m: CN[CN.index(m.group(1)) + 1] + "是", text)


def test_renumbered_report_flags_every_long_paragraph():
    last_year = KAIZHOU.read_text(encoding="utf-8")
    this_year = _shift(last_year)
    assert this_year != last_year
    document = parse_text(this_year)
    long_paragraphs = [
        p.line
        for p in document.paragraphs
        if len(normal_text(p.text if not p.is_heading else f"{p.heading}{p.text}"))
        >= settings()["min_chars"]
    ]
    assert len(long_paragraphs) >= 18
    assert _copied_lines(this_year, last_year) == long_paragraphs


def test_one_changed_figure_is_still_a_copy():
    last_year = KAIZHOU.read_text(encoding="utf-8")
    this_year = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), last_year)
    assert len(_copied_lines(this_year, last_year)) >= 18


@pytest.mark.parametrize("other", [p for p in SEEDS if p != KAIZHOU], ids=lambda p: p.stem)
def test_unrelated_report_flags_nothing(other):
    assert (
        _copied_lines(other.read_text(encoding="utf-8"), KAIZHOU.read_text(encoding="utf-8")) == []
    )
    assert (
        _copied_lines(KAIZHOU.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")) == []
    )
