"""A section's form, built from its facts model: each field's type decides its editor (one-line
input, paragraph, choice, list of items, metric grid). Nothing is laid out field by field."""

from __future__ import annotations

import datetime as dt
import typing
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from drafter.models.facts import Facts, FieldPath, Highlight, Item, MetricsBase
from drafter.tui.sections import SectionSpec
from drafter.tui.widgets.fields import ChoiceField, ListField, MultilineField, TextField
from drafter.tui.widgets.items import ItemsEditor
from drafter.tui.widgets.metrics import MetricGrid

if TYPE_CHECKING:
    from drafter.formats.facts_document import FactsDocument

KIND_LABELS = {"government": "政府", "department": "政府部门", "joint": "党委和政府联合"}


def _label(description: str | None, name: str) -> str:
    return (description or name).split("，")[0].split("（")[0].split("：")[0]


def _inner(annotation: Any) -> list[Any]:
    return [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]


def field_widget(path: FieldPath, name: str, info, value: Any, spec_id: str) -> Widget | None:
    annotation = info.annotation
    help_text = info.description or name
    label = _label(info.description, name)
    origin = typing.get_origin(annotation)
    inner = _inner(annotation)
    if isinstance(annotation, type) and issubclass(annotation, MetricsBase):
        return MetricGrid(path, spec_id, value)
    if origin is list:
        item = typing.get_args(annotation)[0]
        if item in (Highlight, Item):
            return ItemsEditor(path, label, value, help_text)
        if name == "last_year_plans":
            plans = "\n".join(f"□ {p}" for p in value or []) or "（无）"
            widget = Static(
                f"去年的工作安排（对照说明落实情况，不写入报告）：\n{plans}", classes="plans"
            )
            widget.help_text = help_text
            return widget
        return ListField(path, label, value, help_text)
    candidates = [annotation, *typing.get_args(annotation)]
    literal = next((a for a in candidates if typing.get_origin(a) is typing.Literal), None)
    if literal is not None:
        options = [(KIND_LABELS.get(o, o), o) for o in typing.get_args(literal)]
        return ChoiceField(path, label, value or info.default, options, help_text)
    if (info.json_schema_extra or {}).get("multiline"):
        return MultilineField(path, label, value, help_text)
    if any(isinstance(a, type) and issubclass(a, BaseModel) for a in inner):
        return None  # nested sections have forms of their own
    kind = "integer" if int in inner else "date" if dt.date in inner else "text"
    return TextField(path, label, value, help_text, kind)


class SectionForm(VerticalScroll):
    can_focus = False  # Tab goes from the sidebar straight to the first field

    def __init__(self, spec: SectionSpec, doc: FactsDocument) -> None:
        super().__init__(id=f"form-{spec.id}", classes="section-form")
        self.spec, self.doc = spec, doc
        self._fields: list[Widget] | None = None
        self._grids: list[MetricGrid] | None = None

    def fields(self) -> list[Widget]:
        """The widgets that show a field's error, found once: a query per keystroke walks the
        whole form and costs more than the keystroke's own work."""
        if not self._fields:
            self._fields = list(self.query("FieldBox, MetricRow, ItemBox"))
        return self._fields

    def forget_fields(self) -> None:
        """After items were redrawn: their widgets are new."""
        self._fields = None

    def grids(self) -> list[MetricGrid]:
        if self._grids is None:
            self._grids = list(self.query(MetricGrid))
        return self._grids

    def compose(self) -> ComposeResult:
        yield Static(self.spec.label, classes="form-title")
        for name, info in self.spec.model.model_fields.items():
            if name in ("schema_version", "figures"):
                continue
            widget = field_widget(
                (*self.spec.path, name),
                name,
                info,
                self.doc.get((*self.spec.path, name)),
                self.spec.id,
            )
            if widget is not None:
                yield widget
        if self.spec.id == "meta":  # the opening paragraph belongs to the report's frame
            info = Facts.model_fields["opening"]
            yield field_widget(("opening",), "opening", info, self.doc.get(("opening",)), "meta")
