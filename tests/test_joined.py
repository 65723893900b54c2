"""One search over a report's joined paragraphs (reading/joined.py) names every paragraph a pattern
matches in: on every local pattern drafter compiles, over lists of the seeds' and real texts'
lines and of random strings made of the pattern's own characters."""

from __future__ import annotations

import random
import re

import pytest

from drafter.check.rules.patterns import placeholders_each, placeholders_in
from drafter.reading.joined import Joined
from drafter.reading.prefilter import local
from drafter.resources import load_data
from tests.test_prefilter import LINES, _fuzz
from tests.test_regex_linear import PATTERNS

LOCAL = [p for p in PATTERNS if local(p.pattern, p.flags & ~re.UNICODE)]


def _lists(pattern: re.Pattern[str], count: int) -> list[list[str]]:
    rng = random.Random(pattern.pattern.encode("utf-8", "surrogatepass"))
    pieces = _fuzz(pattern, 120) + LINES[:300]
    return [rng.sample(pieces, rng.randint(0, 12)) for _ in range(count)]


@pytest.mark.parametrize("pattern", LOCAL, ids=[p.pattern[:40] for p in LOCAL])
def test_the_texts_a_joined_search_names_hold_every_match(pattern):
    for texts in _lists(pattern, 60):
        held = Joined(texts).holding(pattern)
        assert held == sorted(set(held)) and all(0 <= i < len(texts) for i in held)
        matched = {i for i, text in enumerate(texts) if pattern.search(text)}
        assert matched <= set(held), (pattern.pattern, texts)


def test_the_lists_above_hold_matches():
    """The test above runs on many of the data's patterns, and they match in the lists it makes
    (no match at all would pass vacuously)."""
    assert len(LOCAL) > 20
    matched = sum(1 for p in LOCAL for texts in _lists(p, 60) for text in texts if p.search(text))
    assert matched > 1000


def test_a_match_across_texts_names_the_text_it_begins_in():
    texts = ["甲【待填", "乙", "写】丙", "丁【待补充】"]
    assert Joined(texts).holding(re.compile(r"【待[填补][^【】]{0,20}】")) == [0, 3]
    assert Joined(["", "某某", ""]).holding(re.compile("某某")) == [1]
    assert Joined([]).holding(re.compile("某")) == []


def test_a_pattern_that_looks_around_names_each_text_its_screen_lets_through():
    """A look-behind may look across a text's start in the joined text: each text is screened
    on its own instead; a pattern that matches nothing needs nothing and names every text."""
    texts = ["ax", "b", "x"]
    assert Joined(texts).holding(re.compile(r"(?<![A-Za-z])x")) == [0, 2]
    assert Joined(texts).holding(re.compile(r"x?")) == [0, 1, 2]
    assert Joined([]).holding(re.compile(r"x?")) == []


def test_the_placeholders_of_many_texts_are_each_texts_own():
    rules = load_data("rules/placeholders.yaml")["rules"]
    examples = [text for rule in rules for text in rule["fires"] + rule["quiet"]]
    rng = random.Random(14)
    pieces = examples + LINES[:400] + ["【待填", "写】", "XX", "x", "年", "__", "{{", "}}"]
    found = 0
    for _ in range(300):
        texts = rng.sample(pieces, rng.randint(0, 15))
        each = placeholders_each(texts)
        alone = [placeholders_in(text) for text in texts]
        assert [[m.span() for m in ms] for ms in each] == [[m.span() for m in ms] for ms in alone]
        found += sum(map(len, alone))
    assert found > 100
