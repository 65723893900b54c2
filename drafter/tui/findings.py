"""The form's findings: what `drafter check` says of the report these facts draft (through the
shared pipeline), or the facts' own problems while they do not validate; each placed in the
form's section and field. No textual here (tested headless)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter import pipeline
from drafter.models.facts import FieldPath
from drafter.models.findings import Finding
from drafter.models.outline import Outline
from drafter.tui.sections import SectionSpec

if TYPE_CHECKING:
    from drafter.formats.facts_document import FactsDocument


@dataclass(frozen=True)
class Placed:
    finding: Finding
    section: str | None  # the form section it belongs to
    field: FieldPath | None  # the facts field to focus, when known


def section_of_path(specs: list[SectionSpec], path: FieldPath | None) -> str | None:
    """The section whose data holds `path` (the longest matching prefix); the opening paragraph
    is edited with the metadata."""
    if not path:
        return None
    best = max(
        (s for s in specs if path[: len(s.path)] == s.path),
        key=lambda s: len(s.path),
        default=None,
    )
    return best.id if best else ("meta" if path[:1] == ("opening",) else None)


def place(finding: Finding, outline: Outline | None, specs: list[SectionSpec]) -> Placed:
    """By the finding's facts field when drafting recorded it, else by the section its line is
    in (the outline of the drafted report)."""
    if finding.field is not None:
        return Placed(finding, section_of_path(specs, finding.field), finding.field)
    ids = {s.id for s in specs}
    section = None
    if outline is not None and finding.line is not None:
        section = outline.section_of_line.get(finding.line)
    return Placed(finding, section if section in ids else None, None)


@dataclass(frozen=True)
class Review:
    placed: list[Placed]
    notes: list[str]  # drafting's own notes: sections left empty, text carried over, …

    def __len__(self) -> int:
        return len(self.placed) + len(self.notes)


def form_findings(
    doc: FactsDocument, specs: list[SectionSpec], today: dt.date | None = None
) -> Review:
    facts = doc.facts  # once: the form may replace it meanwhile (this runs in a thread)
    if facts is None:
        return Review([place(f, None, specs) for f in doc.findings()], [])
    drafted = pipeline.draft(facts, today)
    outline, findings = pipeline.check(drafted.document, year=facts.meta.year)
    return Review([place(f, outline, specs) for f in findings], drafted.warnings)
