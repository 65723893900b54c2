"""The structure model learned from real reports (`templates/structure.yaml`): which sections
reports have, how often, where, under which headings and in which typical phrasings."""

from __future__ import annotations

import re
from dataclasses import field, replace
from functools import cached_property, lru_cache
from typing import Literal

from drafter.models.catalogue import Section, Taxonomy
from drafter.models.data import DataModel

STRUCTURE_VERSION = 1


class Seen(DataModel):
    text: str
    reports: int  # how many reports of the corpus use it


class MetricSeen(DataModel):
    name: str
    unit: str
    reports: int


class SectionModel(DataModel):
    id: str
    name: str
    kind: Literal["statutory", "area"]
    required: bool
    support: float  # share of reports that have it (own section or mentioned)
    as_section: float  # share of reports that give it a heading of its own
    position: float | None  # median relative position of its first appearance (0 = start)
    heading: str  # the default heading for drafting ({year} / {next_year} slots)
    headings: list[Seen] = field(default_factory=list)
    phrasings: list[Seen] = field(default_factory=list)
    metrics: list[MetricSeen] = field(default_factory=list)


class StructureModel(DataModel):
    version: Literal[1] = STRUCTURE_VERSION
    reports: int
    sources: list[str]
    sections: list[SectionModel]

    def section(self, section_id: str) -> SectionModel | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def plan(self, taxonomy: Taxonomy) -> tuple[list[Section], list[Section]]:
        """The taxonomy's statutory contents and topic areas in this model's order and with its
        default headings."""

        def planned(learned: list[SectionModel]) -> list[Section]:
            return [replace(taxonomy.section(s.id), heading=s.heading) for s in learned]

        return planned(self.statutory), planned(self.areas)

    @property
    def statutory(self) -> list[SectionModel]:
        return [s for s in self.sections if s.kind == "statutory"]

    @property
    def areas(self) -> list[SectionModel]:
        return [s for s in self.sections if s.kind == "area"]

    @cached_property
    def _index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for section in self.sections:
            for seen in section.headings:
                index.setdefault(heading_key(seen.text), []).append(section.id)
        return index

    def heading_index(self) -> dict[str, list[str]]:
        """Heading seen in the corpus (numbers as slots) → the sections it was read as."""
        return self._index


_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # the same headings recur from report to report of a batch
def heading_key(text: str) -> str:
    """A heading with years and numbers as slots, so that 「2022年度…」 matches 「2024年度…」."""
    return _DIGITS.sub("{n}", _SPACES.sub("", text)).strip("。")
