"""Figures that contradict each other within a sentence: rates against their counts, parts
larger than their wholes, rates above 100%. Which words go together is data
(`templates/rules/rates.yaml`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from drafter.check.context import CheckContext, finding
from drafter.models.findings import Finding
from drafter.reading.figures import TextFigure, figures, sentences
from drafter.resources import load_data

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    start: int
    end: int


@cache
def _data() -> dict:
    return load_data("rules/rates.yaml")


def _rate_entry(name: str) -> dict | None:
    matches = [r for r in _data()["rates"] if name.endswith(r["rate"])]
    return max(matches, key=lambda r: len(r["rate"])) if matches else None


def _is_rate(f: TextFigure) -> bool:
    if not f.is_rate:
        return False
    data = _data()  # a rate names itself 「…率」; a change 「…率同比下降」 is not a rate
    return data["rate_word"] in f.name and not any(w in f.name for w in data["change_words"])


@cache
def _whole_words() -> re.Pattern[str]:
    words = {w for rule in _data()["parts"] for w in rule["whole"]}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@cache
def _markers() -> re.Pattern[str]:
    """A percent sign or a whole's word: a paragraph without either has nothing to compare."""
    return re.compile(f"%|{_whole_words().pattern}")


def _may_contradict(sentence: str) -> bool:
    """What any problem needs, as plain words: a rate (「%」 and 「率」 in its name) or a whole
    and a part of the same rule. Most sentences hold neither: their figures are not read."""
    return _may_hold_rate(sentence) or bool(_parts_rules(sentence))


def _may_hold_rate(sentence: str) -> bool:
    return "%" in sentence and _data()["rate_word"] in sentence


def _parts_rules(sentence: str) -> list[dict]:
    """The `parts` rules whose whole's and part's words the sentence holds (the figures' names
    are pieces of the sentence: without both, no figure pair of it is the rule's)."""
    if not _whole_words().search(sentence):  # one search rules out most sentences
        return []
    return [rule for rule in _data()["parts"] if _holds_both(rule, sentence)]


def _holds_both(rule: dict, sentence: str) -> bool:
    return any(w in sentence for w in rule["whole"]) and any(w in sentence for w in rule["part"])


def sentence_problems(sentence: str) -> list[Problem]:
    rates, parts_rules = _may_hold_rate(sentence), _parts_rules(sentence)
    if not (rates or parts_rules):
        return []
    found = figures(sentence)
    problems = []
    # (no rate without the sentence's 「%」 and 「率」: its unit and name are pieces of it)
    for index, f in enumerate(found if rates else ()):
        if not _is_rate(f):
            continue
        if f.value > 100:
            problems.append(
                Problem(
                    "number-percent-range",
                    f"“{f.name}”为 {f.text}%，比率不能超过 100%",
                    f.start,
                    f.end,
                )
            )
            continue
        entry = _rate_entry(f.name)
        if entry is None:
            continue
        before = [g for g in found[:index] if not g.is_rate]
        part_at = next(
            (
                i
                for i in range(len(before) - 1, -1, -1)
                if any(k in before[i].name for k in entry["part"])
            ),
            None,
        )
        if part_at is None or before[part_at].approx:
            continue
        part = before[part_at]
        wholes = [
            w
            for w in before[:part_at]
            if w.unit == part.unit and w.value >= part.value and not w.approx
        ]
        if not wholes or part.value == 0 and all(w.value == 0 for w in wholes):
            continue
        computed = [part.value * 100 / w.value for w in wholes if w.value]
        if any(round(c, f.places) == round(f.value, f.places) for c in computed):
            continue
        whole = wholes[-1]
        from drafter.models.figures import format_number  # (drafting's numbers: rarely needed)

        expected = format_number(part.value * 100 / whole.value, max(f.places, 1))
        problems.append(
            Problem(
                "number-rate-mismatch",
                f"“{f.name}”写为 {f.text}%，按“{part.name}”{part.text}{part.unit} ÷ “{whole.name}”"
                f"{whole.text}{whole.unit} 计算应为 {expected}%",
                f.start,
                f.end,
            )
        )
    for rule in parts_rules:
        for i, whole in enumerate(found):
            if whole.is_rate or not any(k in whole.name for k in rule["whole"]):
                continue
            for part in found[i + 1 :]:
                if (
                    part.is_rate
                    or part.unit != whole.unit
                    or not any(k in part.name for k in rule["part"])
                ):
                    continue
                if part.value > whole.value and not (part.approx or whole.approx):
                    problems.append(
                        Problem(
                            "number-part-exceeds-whole",
                            f"“{part.name}”{part.text}{part.unit} 多于“{whole.name}”{whole.text}{whole.unit}",
                            whole.start,
                            part.end,
                        )
                    )
                break
    return problems


def check(ctx: CheckContext) -> Iterator[Finding]:
    paragraphs, texts = ctx.document.paragraphs, ctx.texts
    # one search of all paragraphs names those with a rate or a whole (plain words)
    for n in ctx.joined.holding(_markers()):
        paragraph, text = paragraphs[n], texts[n]
        # no figure, or (the screen of each sentence, on all of them at once) nothing to compare
        if not _DIGIT.search(text) or not _may_contradict(text):
            continue
        offset = 0
        for sentence in sentences(text):
            offset = text.find(sentence, offset)
            for p in sentence_problems(sentence):
                yield finding(
                    p.code,
                    p.message,
                    paragraph.line,
                    text,
                    offset + p.start,
                    offset + p.end,
                )
