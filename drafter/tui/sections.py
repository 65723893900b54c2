"""The form's sections: what the sidebar lists, where each section's data lives, which model
builds its form, and how complete it is. No textual here (tested headless)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from drafter.models.catalogue import taxonomy
from drafter.models.facts import AREA_MODELS, FieldPath, Measures, Meta, Part, Shortcomings

if TYPE_CHECKING:
    from drafter.formats.facts_document import FactsDocument

State = Literal["empty", "partial", "complete", "error"]
STATE_MARKS = {"empty": "○", "partial": "◐", "complete": "●", "error": "✗"}


@dataclass(frozen=True)
class SectionSpec:
    id: str  # "meta", a statutory id, or an area id
    label: str
    path: FieldPath  # where its data lives in the facts file
    model: type[BaseModel]
    required: bool
    indent: int = 0  # areas sit under the measures

    def state(self, doc: FactsDocument) -> State:
        if doc.problems_under(self.path) or (
            self.id == "meta" and doc.problems_under(("opening",))
        ):
            return "error"
        if self.id == "measures":
            states = {s.state(doc) for s in area_specs()}
            if "error" in states:
                return "error"
            return (
                "complete"
                if "complete" in states
                else "partial"
                if "partial" in states
                else "empty"
            )
        data = doc.get(self.path) or {}
        if self.id == "meta":
            return (
                "complete"
                if data.get("issuer") and data.get("year")
                else "partial"
                if data
                else "empty"
            )
        return _content_state(data)


def _content_state(data: dict) -> State:
    """Empty: nothing written. Partial: only last year's text or figures. Complete: this year's."""
    items = [*(data.get("highlights") or []), *(data.get("items") or [])]
    texts = [i for i in items if isinstance(i, dict) and i.get("text")] + [
        i for i in items if isinstance(i, str)
    ]
    fresh = [i for i in texts if isinstance(i, str) or not i.get("carried_over")]
    metrics = data.get("metrics") or {}
    this_year = [
        v
        for v in metrics.values()
        if v is not None and (not isinstance(v, dict) or v.get("value") is not None)
    ]
    if fresh or this_year or data.get("intro") or data.get("causes"):
        return "complete"
    if texts or metrics and any(v is not None for v in metrics.values()):
        return "partial"
    return "empty"


@cache
def area_specs() -> tuple[SectionSpec, ...]:
    from drafter.pipeline import section_plan

    _, areas = section_plan()
    return [
        SectionSpec(a.id, a.name, ("measures", "areas", a.id), AREA_MODELS[a.id], False, 1)
        for a in areas
    ]


def section_specs() -> list[SectionSpec]:
    """In report order: metadata, the measures and their areas, then the other contents."""
    specs = [SectionSpec("meta", "基本信息", ("meta",), Meta, True)]
    for section in taxonomy().statutory:
        if section.id == "measures":
            specs.append(SectionSpec("measures", section.name, ("measures",), Measures, True))
            specs += area_specs()
        else:
            model = Shortcomings if section.id == "shortcomings" else Part
            specs.append(
                SectionSpec(
                    section.id,
                    section.short or section.name,
                    (section.id,),
                    model,
                    section.required,
                )
            )
    return specs


def replacement_changes(doc: FactsDocument, new: dict, specs: list[SectionSpec]) -> list[str]:
    """What replacing the form's contents with `new` (imported from last year's report) would
    change, one line each: metadata values (year, issuer, …) and sections with content."""
    after = doc.from_data(doc.path, new)
    lines = []
    for name in Meta.model_fields:
        before_value, after_value = doc.get(("meta", name)), after.get(("meta", name))
        if before_value != after_value:
            label = doc.label(("meta", name)) or name
            lines.append(f"{label}：{_shown(before_value)} → {_shown(after_value)}")
    for spec in specs:
        if spec.id in ("meta", "measures") or spec.state(doc) == "empty":
            continue
        if doc.get(spec.path) != after.get(spec.path):
            gone = after.get(spec.path) in (None, {}) or spec.state(after) == "empty"
            lines.append(f"{spec.label}：现有内容将被{'清空' if gone else '替换'}")
    return lines


def _shown(value) -> str:
    if value in (None, "", []):
        return "（空）"
    return "、".join(map(str, value)) if isinstance(value, list) else str(value)
