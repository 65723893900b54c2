"""Figures as reports write them: a count or amount with its unit and the words before it
(「受理矛盾纠纷1178件」), and rates (「调解成功率97%」). Used to learn which metrics reports
give, to check that rates agree with their counts, and to carry figures over to next year."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = "人次|批次|万元|亿元|件|次|名|项|场|户|条|个|期|家|起|人|元|卷|篇|份|所|期|%"
NUMBER_UNIT = re.compile(rf"(?<![\d.])(?P<value>\d+(?:\.\d+)?)(?P<approx>余|多)?(?P<unit>{UNITS})")
NAME_BEFORE = re.compile(r"[\u4e00-\u9fff（）“”]{1,16}$")
NAME_BREAK = re.compile(r"[，、；：（）“”《》和及与]")
TRAILING = re.compile(r"(均为|均达到|均达|达到|达|为|约|是|了)$")
LEADING = re.compile(r"^(全年|共计|累计|共|全县|全区|全市|其中|已|均|达到|达|为|实现|开展|完成)+")


@dataclass(frozen=True)
class TextFigure:
    name: str  # the words before the number, leading filler removed: 「受理矛盾纠纷」
    value: float
    text: str  # the number as written: 「28.4」
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
        return len(self.text.partition(".")[2])


def figures(sentence: str) -> list[TextFigure]:
    out = []
    previous_end = 0
    for match in NUMBER_UNIT.finditer(sentence):
        # the name never reaches back into the figure before it: 「为3100余名劳动者发放工资6900余万元」
        before = NAME_BEFORE.search(sentence, max(previous_end, match.start() - 16), match.start())
        previous_end = match.end()
        if before is None:
            continue
        # the name is the phrase right before the number: 「…，调解成功1142件」 → 「调解成功」
        name = TRAILING.sub("", LEADING.sub("", NAME_BREAK.split(before.group())[-1]))
        out.append(
            TextFigure(
                name=name,
                value=float(match.group("value")),
                text=match.group("value"),
                unit=match.group("unit"),
                approx=bool(match.group("approx")),
                start=match.start("value"),
                end=match.end(),
            )
        )
    return out


SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]
