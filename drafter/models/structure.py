"""The structure model learned from real reports (`templates/structure.yaml`): which sections
reports have, how often, where, under which headings and in which typical phrasings."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.models.catalogue import Section, Taxonomy

STRUCTURE_VERSION = 1


class _Data(BaseModel):
    # built on first use: a run that reads the model from the cache never builds it (data.py)
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Seen(_Data):
    text: str
    reports: int  # how many reports of the corpus use it


class MetricSeen(_Data):
    name: str
    unit: str
    reports: int


class SectionModel(_Data):
    id: str
    name: str
    kind: Literal["statutory", "area"]
    required: bool
    support: float  # share of reports that have it (own section or mentioned)
    as_section: float  # share of reports that give it a heading of its own
    position: float | None  # median relative position of its first appearance (0 = start)
    heading: str  # the default heading for drafting ({year} / {next_year} slots)
    headings: list[Seen] = Field(default_factory=list)
    phrasings: list[Seen] = Field(default_factory=list)
    metrics: list[MetricSeen] = Field(default_factory=list)


class StructureModel(_Data):
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
            return [
                taxonomy.section(s.id).model_copy(update={"heading": s.heading}) for s in learned
            ]

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


def heading_key(text: str) -> str:
    """A heading with years and numbers as slots, so that 「2022年度…」 matches 「2024年度…」."""
    return _DIGITS.sub("{n}", _SPACES.sub("", text)).strip("。")
