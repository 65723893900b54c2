"""Facts → the template context → `Document`. The templates write the report the way it looks
and state each paragraph's structure (render/markup.py); nothing is guessed back from text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.formats.structure_file import section_plan
from drafter.models.catalogue import Section, catalogue, taxonomy
from drafter.models.document import Document
from drafter.models.facts import Facts, Part
from drafter.models.figures import metric_sentences
from drafter.render.environment import make_environment, render
from drafter.render.filters import cn_date
from drafter.render.items import numbered, run_in
from drafter.render.markup import to_document
from drafter.resources import load_data

REPORT_TEMPLATE = "report.txt.j2"


def phrases_for(year: int) -> dict[str, str]:
    chosen = {}
    for phrase_id, variants in load_data("phrases.yaml").items():
        for variant in variants:
            first, last = variant["years"]
            if first <= year <= last:
                chosen[phrase_id] = variant["text"]
    return chosen


def _area_context(facts: Facts, areas_plan: list[Section]) -> list[dict[str, Any]]:
    areas = []
    for section in areas_plan:
        area = facts.area(section.id)
        if area is None:
            continue
        figures = metric_sentences(section.id, area.metrics)
        if not (area.intro or area.highlights or figures):
            continue  # optional topic areas with no facts are left out
        areas.append(
            {
                "id": section.id,
                "heading": area.heading or section.heading,
                "intro": area.intro,
                "figures": figures,
                "highlights": area.highlights,
                "numbered": numbered(area.highlights),  # a lone highlight gets no 「1.」
            }
        )
    return areas


def build_context(facts: Facts, today: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The template context and the warnings a writer should see (placeholders, stale text)."""
    meta = facts.meta
    year = meta.year
    warnings: list[str] = []
    sections = []
    statutory_plan, areas_plan = section_plan()
    for section in statutory_plan:
        heading = section.heading.format(year=year, next_year=year + 1)
        if section.id == "measures":
            areas = _area_context(facts, areas_plan)
            ctx: dict[str, Any] = {
                "heading": heading,
                "intro": facts.measures.intro,
                "areas": areas,
                "empty": not areas and not facts.measures.intro,
            }
        else:
            part: Part = getattr(facts, section.id)
            headless = all(not item.heading for item in part.items)
            ctx = {
                "heading": part.heading or heading,
                "intro": part.intro,
                "entries": part.items,
                "numbered": numbered(part.items),  # a lone item gets no 「（一）」
                "run_in": run_in([i.text for i in part.items]) if headless else None,
                "causes": getattr(part, "causes", None),
                "empty": part.is_empty,
            }
        ctx.update(id=section.id, name=section.name, template=f"{section.id}.txt.j2")
        if ctx["empty"] and not section.required:
            continue
        if ctx["empty"]:
            warnings.append(f"“{section.name}”没有内容，报告中已写入【待填写】标记")
        sections.append(ctx)
    for section in areas_plan:
        area = facts.area(section.id)
        for n, highlight in enumerate(area.highlights if area else [], start=1):
            if highlight.carried_over:
                warnings.append(f"“{section.name}”第 {n} 条亮点沿用上年内容，请更新")
        for metric in catalogue().metrics_of(section.id) if area else []:
            entry = getattr(area.metrics, metric.id)
            if entry is not None and getattr(entry, "value", 0) is None:
                warnings.append(f"“{metric.name}”只有上年数值，本年数值未填，未写入报告")
    for part_id in ("shortcomings", "leader_duty", "next_year", "other"):
        part = getattr(facts, part_id)
        carried = sum(1 for item in part.items if item.carried_over)
        if carried:
            name = taxonomy().statutory_section(part_id).name
            warnings.append(f"“{name}”有 {carried} 条沿用上年内容，请更新")
    date = meta.date or today
    if date.year != year + 1:  # a report on year Y is dated in Y+1
        warnings.append(date_warning(year, date, given=meta.date is not None))
    context = {
        "meta": meta,
        "year": year,
        "next_year": year + 1,
        "short": meta.short_name,
        "opening": facts.opening,
        "sections": sections,
        "signers": meta.signer_list,
        "date": cn_date(date),
        "phrases": phrases_for(year),
    }
    return context, warnings


def stated_metrics(facts: Facts) -> dict[str, int | float]:
    """This year's value of every catalogue metric the facts give."""
    stated: dict[str, int | float] = {}
    for section in taxonomy().areas:
        area = facts.area(section.id)
        for metric in catalogue().metrics_of(section.id) if area else []:
            entry = getattr(area.metrics, metric.id)
            value = entry if isinstance(entry, int | float) else getattr(entry, "value", None)
            if value is not None:
                stated[metric.id] = value
    return stated


def date_warning(year: int, date: dt.date, given: bool) -> str:
    said = (
        f"成文日期 {cn_date(date)}" if given else f"没有填写成文日期，已用今天（{cn_date(date)}）"
    )
    return (
        f"{said}不在 {year + 1} 年：{year} 年度的报告应在 {year + 1} 年成文（一般不晚于 4 月 1 日），"
        f"请在 meta.date 中填写，如 {year + 1}-01-15"
    )


def render_report(
    facts: Facts, today: dt.date | None = None, template_dirs: list[Path] | None = None
) -> tuple[Document, list[str]]:
    """Facts → `Document` with every paragraph's structure as the templates state it."""
    for folder in template_dirs or []:
        if not folder.is_dir():
            raise DrafterError(f"模板目录不存在：{folder}", hint="--templates 应指向一个文件夹。")
    context, warnings = build_context(facts, today or dt.date.today())
    rendered = render(make_environment(template_dirs), REPORT_TEMPLATE, context)
    document = to_document(rendered, {*taxonomy().statutory_ids, *(a.id for a in taxonomy().areas)})
    meta = facts.meta
    document.issuer, document.kind, document.year = meta.issuer, meta.kind, meta.year
    document.metrics = stated_metrics(facts)
    return document, warnings
