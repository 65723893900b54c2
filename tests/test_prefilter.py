"""The screens derived from a regex (reading/prefilter.py) never hide a match: on every pattern
drafter compiles, a screened search finds what the plain search finds, on the seeds' and real
texts' lines and on random strings made of the pattern's own characters."""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from drafter.reading.prefilter import Screened, ScreenedGroup, firsts, local, needs
from tests.test_regex_linear import PATTERNS

ROOT = Path(__file__).resolve().parent.parent
LINES = [
    line
    for path in [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests/data/real").glob("*.txt"))[:12],
    ]
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
FILLER = "一年报告，。：:（(）)1 aX"


def _fuzz(pattern: re.Pattern[str], count: int = 300) -> list[str]:
    """Short strings of the pattern's own characters (its literals, class members, escapes'
    letters) and a few common ones: the texts most likely to sit at a screen's edge."""
    rng = random.Random(pattern.pattern.encode("utf-8", "surrogatepass"))
    alphabet = sorted(set(pattern.pattern) | set(FILLER))
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.pattern[:40] for p in PATTERNS])
def test_a_screened_pattern_finds_what_the_pattern_finds(pattern):
    screened = Screened(pattern)
    for text in LINES + _fuzz(pattern):
        plain = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in screened.finditer(text)] == plain, text
        assert (screened.search(text) is None) == (not plain), text


def test_most_patterns_are_screened():
    """The analysis bounds the data's patterns (a broken one would screen nothing and the test
    above would pass vacuously)."""
    assert sum(1 for p in PATTERNS if needs(p.pattern, p.flags & ~re.UNICODE)) > len(PATTERNS) / 2


def _sets(regex: str, flags: int = 0) -> list[str]:
    return ["".join(sorted(piece for piece, _, _ in n)) for n in needs(regex, flags)]


def test_what_a_pattern_needs():
    # a lookahead's needs count; the rarest sets first, a category only when nothing else
    masked_year = r"(?<![A-Za-z\d])(?=[\dxX×]{4}\s*年)(?=\d*[xX×])[\dxX×]{4}"
    assert _sets(masked_year) == ["年", "Xx×"]
    assert _sets(r"某某") == ["某"]
    assert _sets(r"第[一二]条|附件") == ["第附"]
    # alternatives share what they can: 「第」 (common in reports) is not needed by the second
    assert _sets(r"第[xX×]|[xX×](?=个|名|件)") == ["Xx×"]
    assert not Screened(r"第[xX×]|[xX×](?=个|名|件)").possible("第一条")
    assert _sets(r"\d+") == [r"\d"]
    # nothing bounds an optional whole, a negated class, `.` or a negative lookaround
    for unbounded in (r"a?", r"[^a]+", r".{3}", r"(?!x)[^x]", r"a|b?", r"^$"):
        assert needs(unbounded) == (), unbounded


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.pattern[:40] for p in PATTERNS])
def test_a_screened_start_is_where_the_pattern_begins_a_match(pattern):
    screened = Screened(pattern)
    for text in LINES[:300] + _fuzz(pattern):
        for position in (0, len(text) // 3):
            match = pattern.search(text, position)
            assert screened.start(text, position) == (match.start() if match else None), text


def _firsts(regex: str) -> str | None:
    found = firsts(regex)
    return None if found is None else "".join(sorted(piece for piece, _, _ in found))


def test_what_a_match_begins_with():
    assert _firsts(r"(仍|还|依然)(然)?存在|不足之处") == "不仍依还"
    assert _firsts(r"(?<![A-Za-z])\b第[一二]条") == "第"  # looks consume nothing
    assert _firsts(r"(下一步){1,2}[，,]") == "下"
    # an optional beginning, `.`, a negated class or an empty alternative: not bounded
    for unbounded in (r"a?b", r".x", r"[^a]b", r"(a|)b", r"(?=a)", r""):
        assert firsts(unbounded) is None, unbounded
    assert sum(1 for p in PATTERNS if firsts(p.pattern, p.flags & ~re.UNICODE)) > len(PATTERNS) / 3


def test_case_is_ignored_where_the_pattern_ignores_it():
    screened = Screened(r"\b(?i:TODO|FIXME)\b|待定稿")
    assert screened.search("还有 todo 没做") and screened.search("FixMe")
    assert not screened.possible("没有未办事项")
    assert Screened(re.compile("abc", re.I)).search("ABC")


def test_a_group_screens_each_member_as_its_own_screen_does():
    patterns = [r"某某", r"(?<![A-Za-z])(XX|xx)(?![A-Za-z])", r"[^。]+", r"\d{4}年"]
    group = ScreenedGroup(patterns)
    members = [Screened(p) for p in patterns]
    for text in LINES[:200] + ["某某单位", "XX县", "2026年", "", "。"]:
        assert list(group.possible(text)) == [i for i, m in enumerate(members) if m.possible(text)]
    assert group.possible("") == (2,)  # only the unbounded pattern is tried on anything


def test_a_local_pattern_found_in_a_piece_is_found_in_the_whole():
    """What lets a paragraph with no match skip its sentences (terms, statutory mentions)."""
    assert local(r"七五.{0,2}普法") and local(r"(a)\1|[^a]+") and local(r"(?i:todo)")
    for contextual in (r"a\b", r"(?<=x)a", r"^a", r"a(?=b)", r"x|y(?!z)", r"(a)?(?(1)b|c)"):
        assert not local(contextual), contextual
    checked = 0
    for pattern in PATTERNS:
        if not local(pattern.pattern, pattern.flags & ~re.UNICODE):
            continue
        for text in LINES[:150] + _fuzz(pattern, 60):
            for piece in (text[i:j] for i in range(0, len(text), 7) for j in (i + 5, i + 30)):
                if pattern.search(piece):
                    checked += 1
                    assert pattern.search(text), (pattern.pattern, piece, text)
    assert checked > 1000


def test_without_the_private_parser_every_pattern_is_simply_tried(monkeypatch):
    """prefilter reads CPython's private regex parser: a Python without it loses the speed-up,
    never a match."""
    from drafter.reading import prefilter

    def broken(*args, **kwargs):
        raise AttributeError("no parser here")

    # prefilter's own name for the module only: re.compile itself still needs the real one
    monkeypatch.setattr(prefilter, "sre_parse", SimpleNamespace(parse=broken))
    for cached in (prefilter._parsed, prefilter.needs, prefilter.local, prefilter.firsts):
        cached.cache_clear()
    try:
        assert prefilter.needs(r"(?<=\d)年") == ()
        assert prefilter.local("年度") is False
        screened = prefilter.Screened(r"(?<=\d{4})年")
        assert screened.search("2026年").group() == "年" and screened.search("今年") is None
        assert screened.start("共2026年") == 5 and screened.start("今年") is None
    finally:
        for cached in (prefilter._parsed, prefilter.needs, prefilter.local, prefilter.firsts):
            cached.cache_clear()


def test_an_ascii_letters_cases_are_all_that_ignoring_case_matches():
    """prefilter looks for an ASCII letter matched ignoring case as each of its cases: those
    must be every character `re` matches to it, which this finds by trying all of them."""
    from string import ascii_letters

    from drafter.reading.prefilter import _cases

    any_letter = re.compile("[a-z]", re.IGNORECASE).fullmatch
    candidates = [chr(code) for code in range(0x110000) if any_letter(chr(code))]
    for letter in ascii_letters:
        same = re.compile(re.escape(letter), re.IGNORECASE).fullmatch
        assert set(_cases(letter)) == {c for c in candidates if same(c)}, letter


def test_a_letter_ignoring_case_is_screened_by_its_cases():
    screened = Screened(re.compile(r"(?i:ks)"))
    for text in ("KS", "ks", "\u212as", "k\u017f"):  # Kelvin sign as k, long s as s
        assert screened.possible(text) and screened.search(text), text
    assert not screened.possible("无待办事项")
    group = ScreenedGroup([re.compile(r"(?i:fixme)"), re.compile("待定稿")])
    assert group.possible("FixMe") == (0,) and group.possible("待定稿") == (1,)
    assert group.possible("没有") == ()
