"""Numbers the way 公文 write them: every example in templates/numbers.yaml, through the
formatting functions, the Jinja filters and the metric sentences."""

from __future__ import annotations

import re

import pytest

from drafter.models.facts import Facts
from drafter.models.figures import (
    format_amount,
    format_count,
    format_range,
    metric_sentences,
    number_words,
    yoy_phrase,
)
from drafter.reading.figures import NUMBER_UNIT, figures
from drafter.render.environment import make_environment

EXAMPLES = number_words().examples


@pytest.mark.parametrize(("value", "unit", "text"), EXAMPLES["counts"])
def test_counts(value, unit, text):
    assert format_count(value, unit) == text


@pytest.mark.parametrize(("yuan", "text"), EXAMPLES["amounts"])
def test_amounts(yuan, text):
    assert format_amount(yuan) == text


@pytest.mark.parametrize(("low", "high", "unit", "text"), EXAMPLES["ranges"])
def test_ranges(low, high, unit, text):
    assert format_range(low, high, unit) == text


@pytest.mark.parametrize(("value", "previous", "unit", "text"), EXAMPLES["changes"])
def test_changes(value, previous, unit, text):
    assert yoy_phrase(value, previous, unit) == text


def test_no_previous_no_change():
    assert yoy_phrase(5, None) is None


def facts_with(area: str, metrics: dict) -> Facts:
    return Facts.model_validate(
        {
            "meta": {"issuer": "示例县人民政府", "year": 2026},
            "measures": {"areas": {area: {"metrics": metrics}}},
        }
    )


@pytest.mark.parametrize("example", EXAMPLES["sentences"], ids=lambda e: e["text"][:12])
def test_sentences(example):
    facts = facts_with(example["area"], example["metrics"])
    metrics = facts.area(example["area"]).metrics
    assert "".join(metric_sentences(example["area"], metrics)) == example["text"]


def test_no_sentence_says_the_same_change_twice():
    """Every statement, with every metric up by the same 20%: each change is said once."""
    from drafter.models.catalogue import catalogue

    for area in {m.area for m in catalogue().metrics}:
        metrics = {
            m.id: {"value": 120, "previous": 100}
            for m in catalogue().metrics_of(area)
            if m.kind != "rate"
        }
        for sentence in metric_sentences(area, facts_with(area, metrics).area(area).metrics):
            assert len(re.findall(r"增长20%", sentence)) == 1, sentence


def test_filters_write_numbers_the_same_way():
    env = make_environment()
    template = env.from_string(
        "{{ 60000 | count('人次') }} {{ 3850000 | amount }} {{ 96.94 | percent }} "
        "{{ 50000 | number_range(100000, '人次') }}"
    )
    assert "6万人次 385万元 96.9% 5万～10万人次" in template.render()


@pytest.mark.parametrize(("value", "unit", "text"), EXAMPLES["counts"])
def test_counts_read_back_as_written(value, unit, text):
    """What drafting writes, check and extract read: 「6万人次」 is 60000 人次."""
    (figure,) = figures(f"受教育群众{text}")
    assert figure.unit == unit and figure.name == "受教育群众"
    rules = number_words().counts
    assert abs(figure.value - value) <= 0.5 * 10**-rules.places * rules.magnitudes[-1].value


def test_amounts_in_wan_stay_wan_yuan():
    (figure,) = figures("罚没金额385.6万元")
    assert (figure.value, figure.unit) == (385.6, "万元")


def test_a_figure_is_read_from_its_first_digit():
    """A number is never read from its middle (after a digit or a point), wherever it stands;
    the same words before two figures name both."""
    found = figures("受理案件12件，其中调解成功3.5件；受理案件7件")
    assert [(f.name, f.text, f.start) for f in found] == [
        ("受理案件", "12", 4),
        ("调解成功", "3.5", 14),
        ("受理案件", "7", 23),
    ]
    # 「12.5.3」 is no number of a unit, nor are its 「2.5.3」, 「5.3」 or 「3」
    assert [m.group() for m in NUMBER_UNIT.finditer("受理案件12.5.3件，2件")] == ["2件"]
