"""What one report contributes to the structure model: per section, its headings, its
phrasings with numbers as slots, and the figures it gives."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from drafter.models.catalogue import taxonomy
from drafter.models.outline import Outline
from drafter.models.slots import SLOT, phrasing_slots
from drafter.reading.figures import figures, sentences

CLAUSE = re.compile(r"[^，。；：！？]+")
MIN_PHRASE, MAX_PHRASE = 6, 40


@dataclass
class ReportFacts:
    """One report's contribution; `learn` counts reports, never occurrences within one."""

    status: dict[str, str]
    position: dict[str, float] = field(default_factory=dict)
    headings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrasings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    metrics: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))


def _phrases(paragraph: str, issuer: str | None, year: int | None) -> set[str]:
    """Clauses with what varies by report as slots (templates/phrasing_slots.yaml):
    「2023年开州区…」 → 「{year}年{place}…」, 「办复率100%」 → 「办复率{n}%」. Proper names vary by
    report, so only clauses short enough to be formulae are kept."""
    slots = phrasing_slots()
    out = set()
    for sentence in sentences(paragraph):
        for clause in CLAUSE.findall(sentence):
            clause = slots.generalise(clause.strip(), issuer, year)
            words = SLOT.sub("", clause)  # a phrasing needs words of its own: not 「{year}年」
            if (
                MIN_PHRASE <= len(words)
                and len(clause) <= MAX_PHRASE
                and re.search(r"[\u4e00-\u9fff]", words)
            ):
                out.add(clause)
    return out


def mine(outline: Outline) -> ReportFacts:
    doc = outline.document
    statutory = taxonomy().statutory_ids
    facts = ReportFacts(status=dict(outline.statutory))
    total = max(len(doc.paragraphs), 1)
    heading_at = {h.line: h for h in outline.headings}
    current: list[str] = []
    levels: dict[int, list[str]] = {}
    for index, paragraph in enumerate(doc.paragraphs):
        heading = heading_at.get(paragraph.line) if paragraph.is_heading else None
        if heading is not None:
            levels = {lvl: ids for lvl, ids in levels.items() if lvl < heading.level}
            levels[heading.level] = heading.sections or current
            current = levels[heading.level]
            if heading.level == 1 or heading.confidence >= 0.5 and heading.section not in statutory:
                # a heading that names its section (not an item under 「存在问题」 or the plans)
                for sid in heading.sections:
                    facts.headings[sid].add(heading.title)
                    facts.position.setdefault(sid, round(index / total, 2))
        text = paragraph.text
        owners = list(current)
        for sid, lines in outline.evidence.items():
            if outline.statutory.get(sid) == "mentioned" and paragraph.line in lines:
                owners.append(sid)
                facts.position.setdefault(sid, round(index / total, 2))
        for sid in owners:
            facts.phrasings[sid] |= _phrases(text, outline.issuer, outline.year)
            facts.metrics[sid] |= {(f.name[-8:], f.unit) for f in figures(text) if len(f.name) >= 2}
    if facts.status.get("measures") == "section" and "measures" not in facts.position:
        first = next(
            (h for h in outline.headings if h.level == 1 and h.section != "measures"), None
        )
        if first is not None:  # measures given as topical level-1 sections
            facts.position["measures"] = facts.position.get(first.section or "", 0.0)
    return facts
