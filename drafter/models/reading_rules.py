"""The knowledge the reader uses on real texts, validated from `templates/noise.yaml` (page
furniture) and `templates/reading.yaml` (titles, year evidence, traditional characters)."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from drafter.models.catalogue import Example
from drafter.models.data import DataModel, at_least
from drafter.resources import data_model


class NoisePattern(Example):
    """A whole line of page furniture. `field` names what the line also tells about the report
    (its issuer), taken from the regex group `value`."""

    id: str
    field: Literal["issuer"] | None = None


class TrimExample(DataModel):
    before: str
    after: str


class Trim(DataModel):
    """A piece of a line that is noise (a pinyin gloss a mirror site added); the rest is text."""

    id: str
    regex: str
    examples: list[TrimExample] = at_least(2)


class NoiseRules(DataModel):
    patterns: list[NoisePattern]
    trims: list[Trim]


class YearRules(DataModel):
    stated: Example
    opening: Example
    relative: Example
    published: Example


class TitleOrgan(DataModel):
    period: Example
    organ: Example


class CombinedParts(DataModel):
    """Which content a sub-heading of a combined heading (「存在问题及下一步打算」) belongs to."""

    problem: Example
    plan: Example


class ReadingRules(DataModel):
    titles: list[Example]
    title_continuation: Example
    title_organ: TitleOrgan
    combined: CombinedParts
    year: YearRules
    traditional: str
    simplified: str

    def _validate(self) -> None:
        if len(self.traditional) != len(self.simplified):
            raise ValueError("traditional and simplified must pair character by character")


noise_rules = data_model(NoiseRules, "noise.yaml")
reading_rules = data_model(ReadingRules, "reading.yaml")


@cache
def _fold_table() -> dict[int, str]:
    rules = reading_rules()
    return str.maketrans(rules.traditional, rules.simplified)


@cache
def _traditional() -> re.Pattern[str]:
    """Any character fold changes: one scan, far cheaper than translating a text that has none
    (most reports are in simplified characters)."""
    changed = sorted(chr(k) for k, v in _fold_table().items() if v != k)
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "]")


def fold(text: str) -> str:
    """Traditional characters as their simplified forms, for matching only (「法治政府建設」 →
    「法治政府建设」); the text a user sees is never changed."""
    return text.translate(_fold_table()) if _traditional().search(text) else text


@cache
def compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)
