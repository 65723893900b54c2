"""The calendar of the field: plans and outlines with the years they run
(templates/rules/periods.yaml), validated, with the current plan of a series for a year."""

from __future__ import annotations

import re

from drafter.models.data import DataModel, at_least
from drafter.resources import data_model


class YearExample(DataModel):
    year: int
    text: str


class Plan(DataModel):
    id: str
    series: str  # plans of one series follow each other: publicity, outline, five-year
    name: str  # as a report writes it: “八五”普法规划
    period: tuple[int, int]  # first and last year, both included
    regex: str
    fires: list[YearExample] = at_least(1)
    quiet: list[YearExample] = at_least(1)

    def _validate(self) -> None:
        if self.period[0] > self.period[1]:
            raise ValueError(f"{self.id}: period {self.period} runs backwards")
        re.compile(self.regex)

    @property
    def span(self) -> str:
        return f"{self.period[0]}—{self.period[1]}年"


class Calendar(DataModel):
    plans: list[Plan]

    def _validate(self) -> None:  # the plans of a series follow each other
        for series in {p.series for p in self.plans}:
            plans = [p for p in self.plans if p.series == series]
            for before, after in zip(plans, plans[1:], strict=False):
                if after.period[0] <= before.period[1]:
                    raise ValueError(f"{after.id} starts before {before.id} ends")

    def current(self, series: str, year: int) -> Plan | None:
        return next(
            (p for p in self.plans if p.series == series and p.period[0] <= year <= p.period[1]),
            None,
        )


calendar = data_model(Calendar, "rules/periods.yaml")
