"""The section taxonomy and the metric catalogue, validated from `templates/*.yaml`."""

from __future__ import annotations

import re
from dataclasses import field
from functools import cache, cached_property
from typing import Literal

from drafter.models.data import DataModel, at_least
from drafter.resources import data_model

SLOT = re.compile(r"\{([a-z_]+)\}")


class Section(DataModel):
    id: str
    name: str
    heading: str
    cues: list[str]
    required: bool = False
    short: str | None = None  # a label for tables: 「不足原因」


class Example(DataModel):
    """A rule written as a regular expression, with examples that must and must not match."""

    regex: str
    fires: list[str] = at_least(1)
    quiet: list[str] = at_least(1)


class Taxonomy(DataModel):
    statutory: list[Section]
    areas: list[Section]
    mentions: dict[str, list[Example]]
    announcements: list[Example] = field(default_factory=list)

    def area(self, area_id: str) -> Section:
        return next(a for a in self.areas if a.id == area_id)

    def statutory_section(self, section_id: str) -> Section:
        return next(s for s in self.statutory if s.id == section_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in [*self.statutory, *self.areas] if s.id == section_id)

    @cached_property  # read for every heading of every report
    def statutory_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.statutory)


class MetricCue(DataModel):
    """How real reports name a metric: the figure's name holds one of `name`, and every word of
    `context` comes earlier in the same sentence."""

    name: list[str]
    context: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)  # sub-counts: 「因复议引发的行政诉讼案件」
    units: list[str] = field(default_factory=list)  # accepted units when not only the metric's own


class Metric(DataModel):
    id: str
    area: str
    name: str
    unit: str
    kind: Literal["count", "amount", "rate"]
    part_of: str | None = None
    extract: list[MetricCue] = field(default_factory=list)


class Rate(DataModel):
    id: str
    name: str
    part: str
    whole: str


class Catalogue(DataModel):
    metrics: list[Metric]
    rates: list[Rate]
    statements: dict[str, list[list[str]]]

    def _validate(self) -> None:
        by_id = {m.id: m for m in self.metrics}
        if len(by_id) != len(self.metrics):
            raise ValueError("duplicate metric id")
        for m in self.metrics:
            if m.part_of and (m.part_of not in by_id or by_id[m.part_of].area != m.area):
                raise ValueError(f"{m.id}.part_of must name a metric of the same area")
        rate_ids = {r.id for r in self.rates}
        for r in self.rates:
            if r.part not in by_id or r.whole not in by_id:
                raise ValueError(f"rate {r.id} names an unknown metric")
        for area, statements in self.statements.items():
            for clause in (c for s in statements for c in s):
                for slot in SLOT.findall(clause):
                    if slot not in by_id and slot not in rate_ids:
                        raise ValueError(f"statement of {area} names unknown slot {slot}")

    def metric(self, metric_id: str) -> Metric:
        return next(m for m in self.metrics if m.id == metric_id)

    def metrics_of(self, area_id: str) -> list[Metric]:
        return [m for m in self.metrics if m.area == area_id]

    def rates_of(self, area_id: str) -> list[Rate]:
        area_ids = {m.id for m in self.metrics_of(area_id)}
        return [r for r in self.rates if r.whole in area_ids]


taxonomy = data_model(Taxonomy, "taxonomy.yaml")
_metrics = data_model(Catalogue, "metrics.yaml")


@cache
def catalogue() -> Catalogue:
    cat = _metrics()
    areas = {a.id for a in taxonomy().areas}
    unknown = {m.area for m in cat.metrics} - areas
    if unknown:
        raise ValueError(f"metrics.yaml names unknown areas: {sorted(unknown)}")
    return cat
