"""The rendered text of one section, for the live preview. No textual here."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from drafter.models.catalogue import catalogue, taxonomy
from drafter.models.document import Document
from drafter.models.figures import slot_values
from drafter.pipeline import draft
from drafter.tui.sections import SectionSpec

if TYPE_CHECKING:
    from drafter.formats.facts_document import FactsDocument


def section_text(document: Document, spec: SectionSpec) -> str:
    """The paragraphs of one section, chosen by the section each paragraph was drafted under
    (never by matching heading text)."""
    paragraphs = document.paragraphs
    if spec.id == "meta":
        head = [*document.title, *([f"{document.addressee}："] if document.addressee else [])]
        opening = [p.full_text for p in paragraphs if p.section is None]
        tail = [document.closing or "", *document.signers, document.date or ""]
        return "\n".join([*head, *opening, "……", *[t for t in tail if t]])
    if spec.indent:  # a topic area: its own paragraphs
        lines = [p.full_text for p in paragraphs if p.section == spec.id]
    else:  # a statutory content: its heading and everything under it (topic areas included)
        owner = {a.id: "measures" for a in taxonomy().areas}
        lines = [p.full_text for p in paragraphs if owner.get(p.section, p.section) == spec.id]
    if not lines:
        return "（本部分没有内容，不会写入报告）" if not spec.required else "（本部分还没有内容）"
    return "\n".join(lines)


def preview(spec: SectionSpec, doc: FactsDocument, today: dt.date) -> str:
    if doc.facts is None:
        listed = doc.described_problems(spec.path) or doc.described_problems()
        return "有错误，改正后显示预览：\n" + "\n".join(f"✗ {line}" for line in listed)
    return section_text(draft(doc.facts, today).document, spec)


CHARS_PER_LINE, LINES_PER_PAGE = 28, 22  # GB/T 9704-2012 7.2: 22 lines of 28 characters


def length(text: str) -> str:
    """「412字/0.8页」: characters without spaces, and pages as GB/T 9704 sets them (each
    paragraph starts a line and is indented two characters)."""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    chars = sum(len("".join(p.split())) for p in paragraphs)
    if not chars:
        return ""
    lines = sum(-(-(len(p) + 2) // CHARS_PER_LINE) for p in paragraphs)
    return f"{chars}字/{lines / LINES_PER_PAGE:.1f}页"


def derived_lines(spec: SectionSpec, doc: FactsDocument) -> list[str]:
    """Rates and year-on-year changes computed from this area's counts."""
    area = doc.facts.area(spec.id) if doc.facts is not None and spec.indent else None
    if area is None:
        return []
    values = slot_values(area.metrics)
    lines = [f"{r.name} {values[r.id][0]}" for r in catalogue().rates_of(spec.id) if r.id in values]
    lines += [
        f"{catalogue().metric(mid).name}：{phrase}" for mid, (_, phrase) in values.items() if phrase
    ]
    return lines
