"""The rendered text of one section, for the live preview. No textual here."""

from __future__ import annotations

import datetime as dt

from drafter.formats.facts_document import FactsDocument
from drafter.models.catalogue import catalogue, taxonomy
from drafter.models.figures import slot_values
from drafter.reading.parser import split_heading
from drafter.render.report import render_report
from drafter.tui.sections import SectionSpec


def section_text(text: str, spec: SectionSpec, doc: FactsDocument) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    if spec.id == "meta":
        body = next((i for i, line in enumerate(lines) if _level(line) == 1), len(lines))
        tail = next((i for i, line in enumerate(lines) if line.startswith("特此报告")), len(lines))
        return "\n".join(lines[:body] + ["……"] + lines[tail:])
    if spec.indent:  # a topic area: its 「（n）」 heading down to the next area or content
        heading = doc.get((*spec.path, "heading")) or taxonomy().area(spec.id).heading
        start = next(
            (i for i, line in enumerate(lines) if _level(line) == 2 and line.endswith(heading)),
            None,
        )
        stop_levels = (1, 2)
    else:
        name = taxonomy().statutory_section(spec.id)
        start = next(
            (
                i
                for i, line in enumerate(lines)
                if _level(line) == 1 and _matches(line, spec, name.heading, doc)
            ),
            None,
        )
        stop_levels = (1,)
    if start is None:
        return "（本部分没有内容，不会写入报告）" if not spec.required else "（本部分还没有内容）"
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if _level(lines[i]) in stop_levels or lines[i].startswith("特此报告")
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


def _level(line: str) -> int:
    heading = split_heading(line)
    return heading.level if heading and heading.number else 0


def _matches(line: str, spec: SectionSpec, default: str, doc: FactsDocument) -> bool:
    own = doc.get((*spec.path, "heading"))
    if own:
        return line.endswith(own)
    year = doc.get(("meta", "year")) or 0
    try:
        return line.endswith(default.format(year=year, next_year=year + 1))
    except (ValueError, KeyError):
        return False


def preview(spec: SectionSpec, doc: FactsDocument, today: dt.date) -> str:
    if doc.facts is None:
        listed = doc.described_problems(spec.path) or doc.described_problems()
        return "有错误，改正后显示预览：\n" + "\n".join(f"✗ {line}" for line in listed)
    text, _ = render_report(doc.facts, today)
    return section_text(text, spec, doc)


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
