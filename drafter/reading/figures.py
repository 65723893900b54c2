"""Figures as reports write them: a count or amount with its unit and the words before it
(「受理矛盾纠纷1178件」), and rates (「调解成功率97%」). Used to learn which metrics reports
give, to check that rates agree with their counts, and to carry figures over to next year."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from drafter.models.language import alternatives, figure_words

WORDS = figure_words()  # templates/figures.yaml
UNITS = alternatives(WORDS.units)
APPROX = alternatives(WORDS.approx)
# 「6万人次」: a count in 万 (an amount's 万元 is a unit of its own). The number's first digit
# opens the pattern and is then looked back at (not preceded by a digit or a point): the regex
# engine skips straight to the digits of a text, instead of trying the look-behind everywhere.
NUMBER_UNIT = re.compile(
    rf"(?P<value>\d(?<![\d.]\d)\d*(?:\.\d+)?)(?P<approx>{APPROX})?"
    rf"(?P<unit>{UNITS}|(?P<times>{alternatives(list(WORDS.times))})(?P<after>{APPROX})?(?:{UNITS}))"
)
GROUPS = ("value", "approx", "unit", "times", "after")
NAME_BEFORE = re.compile(r"[\u4e00-\u9fff（）“”]{1,16}$")
NAME_BREAK = re.compile(f"[{re.escape(WORDS.name_breaks)}]")
TRAILING = re.compile(f"({alternatives(WORDS.trailing)})$")
LEADING = re.compile(f"^({alternatives(WORDS.leading)})+")


class TextFigure(NamedTuple):  # (immutable as a frozen dataclass, made several times faster)
    name: str  # the words before the number, leading filler removed: 「受理矛盾纠纷」
    value: float
    text: str  # the number as written: 「28.4」, 「6万」
    unit: str
    approx: bool  # 「4100余人次」
    start: int  # offset in the sentence
    end: int

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def places(self) -> int:
        """Decimal places written: the precision a rate was rounded to."""
        return len(self.text.partition(".")[2].rstrip("".join(WORDS.times)))


def figures(sentence: str) -> list[TextFigure]:
    out = []
    previous_end = 0
    for match in NUMBER_UNIT.finditer(sentence):
        # the name never reaches back into the figure before it: 「为3100余名劳动者发放工资6900余万元」
        start = match.start()  # (the match opens with the value)
        name = _name(sentence[max(previous_end, start - 16) : start])
        previous_end = match.end()
        if name is None:
            continue
        written, approx, unit, times, after = match.group(*GROUPS)
        value = float(written)
        if times and unit not in WORDS.magnitudes:  # 「6万人次」 is 60000 人次
            value *= WORDS.times[times]
            unit = unit[len(times) + len(after or "") :]
        # name, value, text (as written), unit, approx, start, end
        text = written + (times or "")
        out.append(TextFigure(name, value, text, unit, bool(approx or after), start, previous_end))
    return out


@lru_cache(maxsize=4096)  # (bounded: memory stays flat however many reports are read)
def _name(before: str) -> str | None:
    """The name in the (at most 16) characters before a number, None when they end in no words:
    the phrase right before the number, 「…，调解成功1142件」 → 「调解成功」. The same few words
    come before the figures of many reports: each is read once."""
    words = NAME_BEFORE.search(before)
    if words is None:
        return None
    return TRAILING.sub("", LEADING.sub("", NAME_BREAK.split(words.group())[-1]))


SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]
