"""Phrasing slots (templates/phrasing_slots.yaml): each rule on its examples; learned phrasings
carry no report's own place, organ or platform names; the form fills what it knows and leaves a
placeholder that `check` reports."""

from __future__ import annotations

import re

import pytest

from drafter.formats.structure_file import default_model
from drafter.models.slots import phrasing_slots
from drafter.resources import load_data
from tests.conftest import SEEDS


def test_slot_rules_fire_on_their_examples():
    slots = phrasing_slots()
    for slot in slots.slots:
        pattern = slots.pattern(slot, slot.issuer)
        assert pattern is not None, slot.slot
        for example in slot.fires:
            assert pattern.search(example), (slot.slot, example)
        for example in slot.quiet:
            assert not pattern.search(example), (slot.slot, example)


@pytest.mark.parametrize(
    ("issuer", "places", "level"),
    [
        ("重庆市开州区人民政府", ["开州区", "重庆市", "开州", "重庆"], "区"),
        ("石家庄市栾城区人民政府", ["石家庄市", "栾城区", "石家庄", "栾城"], "区"),
        ("示例县人民政府", ["示例县", "示例"], "县"),
        ("", [], None),
    ],
)
def test_places_of_an_issuer(issuer, places, level):
    slots = phrasing_slots()
    assert slots.places(issuer) == places and slots.level(issuer) == level


def test_generalise_and_fill():
    slots = phrasing_slots()
    learned = slots.generalise(
        "2023年开州区法治政府建设工作取得了一定成绩", "重庆市开州区人民政府", 2023
    )
    assert learned == "{year}年{place}法治政府建设工作取得了一定成绩"
    assert (
        slots.fill(learned, "示例县人民政府", 2026) == "2026年示例县法治政府建设工作取得了一定成绩"
    )
    learned = slots.generalise("全年开展区政府决策事项合法性审查12件", "重庆市开州区人民政府", 2023)
    filled = slots.fill(learned, "示例县人民政府", 2026)
    assert filled == "全年开展县政府决策事项合法性审查【待填：数字】件"
    assert slots.fill("{n}件事均在{platform}专区上线", None, None).count("【待填：") == 2


def placeholder_rule() -> re.Pattern:
    rule = next(r for r in load_data("rules/placeholders.yaml")["rules"] if r["id"] == "to-fill")
    return re.compile(rule["regex"])


def test_every_learned_phrasing_is_generic_and_its_gaps_are_checked():
    model = default_model()
    slots = phrasing_slots()
    local = {"开州", "惠济", "赣服通", "我区", "区政府", "区委"}
    phrasings = [p.text for s in model.sections for p in s.phrasings]
    assert phrasings and any("{place}" in p for p in phrasings)
    for text in phrasings:
        assert not any(word in text for word in local), text
        filled = slots.fill(text, "示例县人民政府", 2026)
        assert "{" not in filled, text
        gaps = re.findall(r"【待填：[^】]*】", filled)
        assert all(placeholder_rule().search(gap) for gap in gaps), text


def test_seeds_issuers_are_read():
    """The slots depend on each seed's issuer being read (else its places stay verbatim)."""
    from drafter import pipeline

    issuers = [pipeline.outline(pipeline.read(path).document).issuer for path in SEEDS]
    assert sum(1 for i in issuers if phrasing_slots().places(i)) >= len(SEEDS) - 1
