"""Every data-driven rule carries examples that must fire and must not; run them all."""

from __future__ import annotations

import re

import pytest

from drafter.check.rules.numbers import sentence_problems
from drafter.check.rules.patterns import placeholder_rules, placeholders_in
from drafter.check.rules.terms import outdated_in, term_rules
from drafter.models.calendar import Calendar, calendar
from drafter.models.data import validate
from drafter.resources import load_data


def test_every_placeholder_rule_has_examples_and_they_hold():
    for rule in load_data("rules/placeholders.yaml")["rules"]:
        assert rule["fires"] and rule["quiet"], rule["id"]
        pattern = re.compile(rule["regex"])
        for text in rule["fires"]:
            assert pattern.search(text) and placeholders_in(text), (rule["id"], text)
        for text in rule["quiet"]:
            assert not placeholders_in(text), (rule["id"], text)
    assert len(placeholder_rules()) >= 6


def test_every_term_has_examples_and_they_hold():
    terms, _ = term_rules()
    for term in terms:
        assert term["fires"] and term["quiet"], term["id"]
        for example in term["fires"]:
            assert term["id"] in [h.id for h in outdated_in(example["text"], example["year"])]
        for example in term["quiet"]:
            assert term["id"] not in [h.id for h in outdated_in(example["text"], example["year"])]


def test_every_plan_of_the_calendar_has_examples_and_they_hold():
    for plan in calendar().plans:
        first, last = plan.period
        for example in plan.fires:
            hits = [h for h in outdated_in(example.text, example.year) if h.id == plan.id]
            assert len(hits) == 1, (plan.id, example)
            if example.year > last:  # expired: says when it ended and what is current now
                assert hits[0].code == "plan-expired"
                assert f"已于 {last} 年结束" in hits[0].message and plan.span in hits[0].message
                current = calendar().current(plan.series, example.year)
                if current:
                    assert current.name in hits[0].message
            else:
                assert example.year < first and hits[0].code == "term-outdated"
        for example in plan.quiet:
            assert plan.id not in [h.id for h in outdated_in(example.text, example.year)]


def test_calendar_knows_the_current_plans():
    assert calendar().current("publicity", 2025).name == "“八五”普法规划"
    assert calendar().current("publicity", 2026).name == "“九五”普法规划"
    assert calendar().current("publicity", 2030).period == (2026, 2030)
    assert calendar().current("outline", 2021).span == "2021—2025年"
    assert calendar().current("outline", 2026) is None  # no newer outline in the data yet


def test_calendar_rejects_overlapping_periods():
    data = load_data("rules/periods.yaml")
    plans = [dict(p) for p in data["plans"]]
    plans[1] = {**plans[1], "period": [2019, 2025]}  # 八五 would start before 七五 ends
    with pytest.raises(ValueError, match="starts before"):
        validate(Calendar, {"plans": plans})


@pytest.mark.parametrize(
    ("section", "code"),
    [
        ("examples", "number-rate-mismatch"),
        ("part_examples", "number-part-exceeds-whole"),
        ("percent_examples", "number-percent-range"),
    ],
)
def test_number_rule_examples(section, code):
    examples = load_data("rules/rates.yaml")[section]
    assert examples["fires"] and examples["quiet"]
    for text in examples["fires"]:
        assert code in [p.code for p in sentence_problems(text)], text
    for text in examples["quiet"]:
        assert code not in [p.code for p in sentence_problems(text)], text


def test_rate_tolerates_rounding_to_the_written_precision():
    assert not sentence_problems("受理1178件，调解成功1142件，调解成功率97%。")  # 96.94 → 97
    assert not sentence_problems("受理1178件，调解成功1142件，调解成功率96.9%。")
    assert [p.code for p in sentence_problems("受理1178件，调解成功1142件，调解成功率96.8%。")] == [
        "number-rate-mismatch"
    ]
