"""The metrics of one topic area: this year's and last year's value for each catalogue metric,
each checked as typed, and the derived rates and year-on-year changes shown live."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from drafter.models.catalogue import Metric, catalogue
from drafter.models.facts import FieldPath
from drafter.tui.messages import FieldChanged
from drafter.tui.widgets.fields import show_error


def metric_value(kind: str, current: str, previous: str) -> Any:
    """What goes into the file: a number alone, or {value, previous} in one line."""

    def number(text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        try:
            return int(text) if kind == "count" or text.lstrip("-").isdigit() else float(text)
        except ValueError:
            return text  # kept as typed; the model reports it beside the field

    value, before = number(current), number(previous)
    if kind == "rate" or before is None:
        return value
    pair = CommentedMap(value=value, previous=before)
    pair.fa.set_flow_style()
    return pair


class MetricRow(Vertical):
    """The metric's name and unit on a line of their own (never clipped, whatever the width),
    then this year's and last year's value and the error."""

    DEFAULT_CLASSES = "metric-row"

    def __init__(self, path: FieldPath, metric: Metric, stored: Any) -> None:
        super().__init__()
        self.path, self.metric = path, metric
        self.help_text = f"{metric.name}（{metric.unit}）：本年数值；右侧为上年数值，用于计算同比。"
        if isinstance(stored, dict):
            self.current, self.previous = stored.get("value"), stored.get("previous")
        else:
            self.current, self.previous = stored, None

    def compose(self) -> ComposeResult:
        yield Label(f"{self.metric.name}（{self.metric.unit}）", classes="metric-name")
        with Horizontal(classes="metric-values"):
            yield self._input(self.current, "metric-value", "本年")
            if self.metric.kind != "rate":
                yield self._input(self.previous, "metric-previous", "上年")
            yield Static("", classes="field-error")

    def _input(self, value: Any, classes: str, placeholder: str) -> Input:
        return Input(
            "" if value is None else str(value),
            type="integer" if self.metric.kind == "count" else "number",
            classes=classes,
            placeholder=placeholder,
            compact=True,
            select_on_focus=False,  # typing never replaces a whole value
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        current = self.query_one(".metric-value", Input).value
        previous = self.query(".metric-previous")
        value = metric_value(
            self.metric.kind, current, previous.first(Input).value if previous else ""
        )
        self.app.post_message(FieldChanged(self.path, value))

    def show_error(self, message: str | None) -> None:
        show_error(self, message)


class MetricGrid(Vertical):
    DEFAULT_CLASSES = "metric-grid"

    def __init__(self, path: FieldPath, area_id: str, stored: dict | None) -> None:
        super().__init__()
        self.path, self.area_id, self.stored = path, area_id, stored or {}

    def compose(self) -> ComposeResult:
        yield Label("常用指标（本年 / 上年；比率自动算出）", classes="field-label")
        for metric in catalogue().metrics_of(self.area_id):
            yield MetricRow((*self.path, metric.id), metric, self.stored.get(metric.id))
        yield Static("", classes="derived")

    def show_derived(self, lines: list[str]) -> None:
        slot = self.query(".derived")
        if not slot or getattr(self, "_shown", None) == lines:
            return
        self._shown = lines
        slot.first(Static).update(
            "\n".join(lines) if lines else "（填入计数后，这里显示算出的比率和同比）"
        )
