"""How reports write things, validated from `templates/frame.yaml` (dates, the closing line,
title words, years, enumerated items, short issuer names) and `templates/figures.yaml` (units, fillers around figures) and `templates/rules/years.yaml`. Each
pattern or word list carries examples that a test runs."""

from __future__ import annotations

import re

from drafter.models.catalogue import Example
from drafter.models.data import DataModel, at_least
from drafter.resources import data_model


class TitleExample(DataModel):
    text: str  # the report's first lines
    lines: int  # how many of them are the title
    issuer: str | None


class TitleWords(DataModel):
    report: str  # the document kind: the title's last line holds it
    about: str  # 「××人民政府关于……」: the issuer stands before it
    examples: list[TitleExample] = at_least(1)


class IssuerShort(DataModel):
    suffixes: list[str] = at_least(1)  # the short name drops the first that fits
    examples: dict[str, str] = at_least(1)  # full name → short name


class Frame(DataModel):
    date: Example  # 「2025年1月15日」 → (year, month, day)
    date_cn: Example  # 「二〇二五年一月十五日」
    date_garbled: Example  # 「2019129」: 年月日 lost in conversion
    closing: Example  # 「特此报告。」
    title_year: Example  # the year a title or opening speaks of
    enumerated: Example  # 「二是切实提升行政执法质量。」 → its item
    title: TitleWords
    issuer_short: IssuerShort


class Years(DataModel):
    year: Example  # a year in a title or heading
    plan_year: Example  # 「2026年，我县将……」 in the plans
    book_title: Example  # 《…》: a document's name, whose years are not the heading's
    leading_year: Example  # a level-2 heading's own year stands at its start
    paragraph_year: Example  # 「2026年，我县……」 opening a paragraph


class FigureExample(DataModel):
    """A sentence and every figure read from it, each as 「name value unit」."""

    text: str
    figures: list[str]


class FigureWords(DataModel):
    units: list[str] = at_least(1)  # a longer unit before its prefix: 人次 before 人
    approx: list[str] = at_least(1)  # 「4100余人次」
    magnitudes: dict[str, int] = at_least(1)  # amount units → 元
    times: dict[str, int] = at_least(1)  # 「6万人次」: 万 before a count's unit
    name_breaks: str  # characters that end a figure's name, looking back from the number
    leading: list[str]  # filler before a figure's name: 「全年共受理」 → 「受理」
    trailing: list[str]  # filler after it: 「调解率为」 → 「调解率」
    examples: list[FigureExample] = at_least(1)


def alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


frame = data_model(Frame, "frame.yaml")
year_patterns = data_model(Years, "rules/years.yaml")
figure_words = data_model(FigureWords, "figures.yaml")
