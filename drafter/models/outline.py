"""How a report was read: its headings mapped to canonical sections, and the status of each of
the five statutory contents. Shared by `outline`, `learn` and `check`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from drafter.models.catalogue import taxonomy
from drafter.models.document import Document, Paragraph

Status = Literal["section", "mentioned", "missing"]


@dataclass(kw_only=True)
class OutlineHeading:
    level: int
    number: str | None  # bare: 「一」「1」, None when the number was lost
    title: str  # heading text without number or run-in body
    section: str | None  # the best canonical section id
    sections: list[str] = field(default_factory=list)  # all it maps to (combined headings)
    confidence: float = 0.0
    line: int | None = None
    run_in: bool = False


YearSource = Literal["given", "recorded", "title", "opening", "heading", "published", "dated"]
YEAR_SOURCE_NAMES: dict[str, str] = {
    "given": "指定",
    "recorded": "文件记录",
    "title": "标题",
    "opening": "开头",
    "heading": "一级标题",
    "published": "发布日期推定",
    "dated": "成文日期推定",
}


@dataclass(kw_only=True)
class YearEvidence:
    """Where a report says (or lets one infer) the year it is about."""

    year: int
    source: YearSource
    line: int | None = None
    text: str = ""


@dataclass(kw_only=True)
class Outline:
    path: str | None = None
    title: str | None = None
    issuer: str | None = None
    year: int | None = None
    year_evidence: list[YearEvidence] = field(default_factory=list)  # strongest first
    year_uncertain: bool = False  # the evidence disagrees or the year is only inferred
    addressee: str | None = None
    headings: list[OutlineHeading] = field(default_factory=list)
    statutory: dict[str, Status] = field(default_factory=dict)
    evidence: dict[str, list[int]] = field(default_factory=dict)  # lines where each was found
    document: Document = field(default_factory=Document, metadata={"exclude": True})
    # the canonical section each paragraph (by line) falls under, from the headings above it
    section_of_line: dict[int, str | None] = field(default_factory=dict, metadata={"exclude": True})

    def section_of(self, paragraph: Paragraph) -> str | None:
        """The section a paragraph falls under: a topic area, a statutory content, or None (the
        opening). Decided once, in reading/outline.py."""
        return self.section_of_line.get(paragraph.line or 0)

    def paragraphs_in(self, content: str) -> list[Paragraph]:
        """The paragraphs of a statutory content (its topic areas included), and for a content
        that is only mentioned, the paragraphs that mention it."""
        mentioned = (
            set(self.evidence.get(content, []))
            if self.statutory.get(content) == "mentioned"
            else set()
        )
        return [
            p
            for p in self.document.paragraphs
            if statutory_owner(self.section_of(p)) == content or p.line in mentioned
        ]


def statutory_owner(section_id: str | None) -> str | None:
    """The statutory content a section belongs to: topic areas are part of the measures."""
    if section_id is None:
        return None
    return section_id if section_id in _statutory_ids() else "measures"


@cache
def _statutory_ids() -> frozenset[str]:
    return frozenset(taxonomy().statutory_ids)
