"""Every data-driven rule carries examples that must fire and must not; run them all."""

from __future__ import annotations

import re

import pytest

from drafter.check.engine import CODES
from drafter.check.rules.numbers import sentence_problems
from drafter.check.rules.patterns import placeholder_rules, placeholders_in
from drafter.check.rules.terms import outdated_in, term_rules
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
            assert term["id"] in [
                t["id"] for t, _ in outdated_in(example["text"], example["year"])
            ], example
        for example in term["quiet"]:
            assert term["id"] not in [
                t["id"] for t, _ in outdated_in(example["text"], example["year"])
            ], example


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


def test_codes_are_stable():
    assert set(CODES) == {
        "statutory-missing",
        "statutory-mentioned-only",
        "section-empty",
        "order",
        "title-missing",
        "date-missing",
        "date-late",
        "placeholder",
        "input-noise",
        "year-mismatch",
        "year-uncertain",
        "term-outdated",
        "number-percent-range",
        "number-rate-mismatch",
        "number-part-exceeds-whole",
        "format-page-size",
        "format-margins",
        "format-font",
        "format-size",
        "format-line-pitch",
        "format-page-number",
        "previous-copied",
        "previous-plan-unaddressed",
        "input-unreadable",
    }
