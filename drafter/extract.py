"""`drafter extract`: last year's report → this year's facts file. Structure, recurring
highlights (marked carried over), every figure recognised as last year's value of a catalogue
metric, and last year's plans as a checklist in the area where they will be accounted for.

Nothing is invented: a figure becomes a metric's previous value only when exactly one value in
the report names that metric; ambiguous or unmatched figures stay with their paragraph."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.formats.reader import read_document
from drafter.formats.structure_file import default_model
from drafter.models.catalogue import Metric, catalogue, taxonomy
from drafter.models.facts import Facts
from drafter.models.language import figure_words, frame
from drafter.models.outline import Outline
from drafter.reading.figures import TextFigure, figures, sentences
from drafter.reading.outline import read_outline, score_heading

AMOUNT_FACTOR = figure_words().magnitudes  # amount units → 元
MAX_HEADING = 40


@dataclass
class Extraction:
    facts: dict[str, Any]
    sections: list[str] = field(default_factory=list)
    recognised: dict[str, float] = field(default_factory=dict)  # metric id → last year's value
    unmatched: list[str] = field(default_factory=list)  # 「名称 值单位」
    ambiguous: list[str] = field(default_factory=list)  # metric ids named by several values


def match_metric(sentence: str, figure: TextFigure) -> tuple[Metric, int] | None:
    """The catalogue metric a figure names, with the length of the cue that named it: the
    longest matching cue wins; units must agree."""
    best: tuple[Metric, int] | None = None
    before = sentence[: figure.start]
    for metric in catalogue().metrics:
        if metric.kind == "rate":
            continue
        for cue in metric.extract:
            if not _unit_fits(metric, cue.units, figure) or not all(
                w in before for w in cue.context
            ):
                continue
            if any(word in figure.name for word in cue.exclude):
                continue
            for word in cue.name:
                if word in figure.name and (best is None or len(word) > best[1]):
                    best = (metric, len(word))
    return best


def _unit_fits(metric: Metric, units: list[str], figure: TextFigure) -> bool:
    if metric.kind == "amount":
        return figure.unit in AMOUNT_FACTOR
    return figure.unit in (units or [metric.unit])


def _value(metric: Metric, figure: TextFigure) -> int | float:
    if metric.kind == "amount":
        return round(figure.value * AMOUNT_FACTOR[figure.unit], 2)
    return int(figure.value)


def _area_for(text: str, hint: str | None) -> str:
    areas = [a.id for a in taxonomy().areas]
    if hint in areas:
        return hint
    scores = score_heading(text, areas)
    return max(scores, key=lambda a: (scores[a], -areas.index(a))) if scores else areas[0]


ENUMERATED = re.compile(frame().enumerated.regex)


def _plan_item(text: str) -> str:
    """「二是切实提升行政执法质量。以……」 → 「切实提升行政执法质量」; other paragraphs whole."""
    match = ENUMERATED.match(text)
    return match.group(1) if match else text


def extract(outline: Outline) -> Extraction:
    doc = outline.document
    statutory = set(taxonomy().statutory_ids)
    year = (outline.year or 0) + 1 if outline.year else None
    areas: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"highlights": [], "metrics": {}, "last_year_plans": []}
    )
    parts: dict[str, list[dict]] = defaultdict(list)
    general_plans: list[str] = []
    candidates: dict[str, dict[float, int]] = defaultdict(dict)  # metric → value → longest cue
    found: list[tuple[str, TextFigure, dict]] = []  # (metric id or "", figure, highlight)
    headings = {h.line: h for h in outline.headings}

    first_heading = next((p.line for p in doc.paragraphs if p.is_heading), None)
    for paragraph in doc.paragraphs:
        owner = outline.section_of(paragraph)
        heading = headings.get(paragraph.line)
        if (
            owner is None
            and first_heading is not None
            and (paragraph.line or 0) < (first_heading or 0)
        ):
            continue  # the opening paragraph speaks of last year as a whole: written anew
        if paragraph.is_heading and not paragraph.is_run_in:
            continue  # a standalone heading: its area is known from the outline
        text = paragraph.text if paragraph.is_heading else paragraph.full_text
        title = (
            paragraph.heading
            if paragraph.is_heading and len(paragraph.heading or "") <= MAX_HEADING
            else None
        )
        if title is None and paragraph.is_heading:
            text = paragraph.full_text
        if owner in statutory - {"measures"}:
            if paragraph.source == ("next_year", "intro"):
                continue  # the plans' general opening sentence, not a plan
            if owner == "next_year":
                item = title or _plan_item(text)
                area = _area_for(paragraph.full_text, heading.section if heading else None)
                (
                    areas[area]["last_year_plans"]
                    if score_heading(paragraph.full_text, [area])
                    else general_plans
                ).append(item)
            else:
                parts[owner].append({"heading": title, "text": text, "carried_over": True})
            continue
        own = heading.section if heading is not None else None
        area = _area_for(paragraph.full_text, own if own and own not in statutory else owner)
        highlight = {"heading": title, "text": text, "carried_over": True, "figures": []}
        # a sentence drafter generated from metrics is written anew from them next year; their
        # values come from drafter's record (doc.metrics), not from reading the sentence
        if paragraph.source and paragraph.source[-1] == "metrics":
            if doc.metrics:
                continue
        else:
            areas[area]["highlights"].append(highlight)
        for sentence in sentences(paragraph.full_text):
            for figure in figures(sentence):
                if figure.is_rate:
                    continue
                match = match_metric(sentence, figure)
                if match is not None and match[0].id in doc.metrics:
                    continue  # known exactly from the record
                if match is not None:
                    metric, strength = match
                    value = _value(metric, figure)
                    candidates[metric.id][value] = max(
                        strength, candidates[metric.id].get(value, 0)
                    )
                found.append((match[0].id if match else "", figure, highlight))

    chosen = {}
    for metric_id, value in doc.metrics.items():  # drafter's own report: the values it stated
        metric = catalogue().metric(metric_id)
        if metric.kind != "rate":
            areas[metric.area]["metrics"][metric_id] = {"previous": value}
    for metric_id, values in candidates.items():
        strongest = max(values.values())
        best = [v for v, strength in values.items() if strength == strongest]
        if len(best) == 1:  # one value named most specifically; otherwise ambiguous
            chosen[metric_id] = best[0]
    result = Extraction(facts={})
    result.recognised.update(
        {m: v for m, v in doc.metrics.items() if catalogue().metric(m).kind != "rate"}
    )
    for metric_id, figure, highlight in found:
        metric = catalogue().metric(metric_id) if metric_id else None
        if (
            metric is not None
            and metric_id in chosen
            and _value(metric, figure) == chosen[metric_id]
        ):
            areas[metric.area]["metrics"][metric_id] = {"previous": chosen[metric_id]}
            result.recognised[metric_id] = chosen[metric_id]
            continue
        if metric is not None and metric_id not in chosen and metric_id not in result.ambiguous:
            result.ambiguous.append(metric_id)
        label = figure.name or "数字"
        previous = int(figure.value) if figure.value.is_integer() else figure.value
        highlight["figures"].append({"label": label, "unit": figure.unit, "previous": previous})
        result.unmatched.append(f"{label}{figure.text}{figure.unit}")

    meta: dict[str, Any] = {"issuer": outline.issuer or "（请填写发文机关）", "year": year or 2000}
    if doc.kind and doc.kind != "government":  # known when drafter wrote last year's report
        meta["kind"] = doc.kind
    if doc.addressee:
        meta["addressee"] = doc.addressee
    if doc.signers:
        meta["signers"] = doc.signers
    facts: dict[str, Any] = {"schema_version": 1, "meta": meta, "measures": {"areas": {}}}
    for area_id in [a.id for a in taxonomy().areas]:
        if area_id in areas:
            area = {k: v for k, v in areas[area_id].items() if v}
            for h in area.get("highlights", []):
                if not h["figures"]:
                    del h["figures"]
                if h["heading"] is None:
                    del h["heading"]
            facts["measures"]["areas"][area_id] = area
    if general_plans:
        facts["measures"]["last_year_plans"] = general_plans
    for part_id in ("shortcomings", "leader_duty", "other"):
        if parts[part_id]:
            facts[part_id] = {
                "items": [
                    {k: v for k, v in item.items() if v is not None} for item in parts[part_id]
                ]
            }
    result.facts = facts
    result.sections = [
        sid for sid, status in outline.statutory.items() if status != "missing"
    ] + sorted(a for a in areas if areas[a]["highlights"])
    return result


def extract_file(path: Path, year: int | None = None) -> Extraction:
    outline = read_outline(read_document(path), str(path), default_model(), year)
    if outline.year is None:
        raise DrafterError(
            f"无法从报告中读出年度：{path}",
            hint="用 --year 指定去年报告所述的年度，如 --year 2025。",
        )
    extraction = extract(outline)
    Facts.model_validate(extraction.facts)  # what we write always loads
    return extraction


def facts_yaml(extraction: Extraction, source_name: str) -> str:
    from drafter.formats.yaml_io import dump_yaml
    from drafter.skeleton import SCHEMA_FILE

    year = extraction.facts["meta"]["year"]
    header = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# 由 drafter extract 从“{source_name}”（{year - 1} 年度报告）生成的 {year} 年度事实文件。",
        "# carried_over: true 的段落是去年的原文：改写为今年的内容后删去这一标记（未改写时起草会提醒，",
        "#   检查时与去年报告相同的段落会报 previous-copied）。",
        "# 指标中的 previous 是去年的数值，请补上今年的 value（同比自动算出）；figures 中的数字同理。",
        "# last_year_plans 是去年的工作安排：在本领域的亮点中说明落实情况（不写入报告）。",
    ]
    return "\n".join(header) + "\n" + dump_yaml(extraction.facts)
