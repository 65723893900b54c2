"""One field of the facts model: a label, an editor, and the field's error shown beneath it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from drafter.models.facts import FieldPath
from drafter.tui.messages import FieldChanged


def show_error(widget: Widget, message: str | None) -> None:
    """The field's error beneath it. Only a change is drawn: an update re-lays out the screen,
    which on every keystroke would cost more than everything else together."""
    if getattr(widget, "_drafter_error", None) == message:
        return
    slot = widget.query(".field-error")
    if not slot:
        return  # the form is still mounting
    slot.first(Static).update(f"✗ {message}" if message else "")
    widget.set_class(bool(message), "has-error")
    widget._drafter_error = message


class FieldBox(Vertical):
    """Base: knows its field path, shows its label, help (F1) and error."""

    DEFAULT_CLASSES = "field"

    def __init__(self, path: FieldPath, label: str, help_text: str = "") -> None:
        super().__init__()
        self.path = path
        self.label = label
        self.help_text = help_text or label

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield from self.editor()
        yield Static("", classes="field-error")

    def editor(self) -> ComposeResult:
        raise NotImplementedError

    def show_error(self, message: str | None) -> None:
        show_error(self, message)

    def changed(self, value: Any) -> None:
        self.app.post_message(FieldChanged(self.path, value))


class TextField(FieldBox):
    """A one-line value: text, a whole number (year) or a date."""

    def __init__(
        self, path: FieldPath, label: str, value: Any, help_text: str = "", kind: str = "text"
    ) -> None:
        super().__init__(path, label, help_text)
        self.kind = kind
        self.value = (
            ""
            if value is None
            else (value.isoformat() if isinstance(value, dt.date) else str(value))
        )

    def editor(self) -> ComposeResult:
        placeholder = {"integer": "如 2026", "date": "如 2027-01-15"}.get(self.kind, "")
        yield Input(self.value, placeholder=placeholder, select_on_focus=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        value: Any = text
        if self.kind == "integer" and text.lstrip("-").isdigit():
            value = int(text)
        self.changed(value)


class ListField(FieldBox):
    """A short list written on one line, separated by 「、」 or commas (e.g. several signers)."""

    def __init__(
        self, path: FieldPath, label: str, value: list | None, help_text: str = ""
    ) -> None:
        super().__init__(path, label, help_text)
        self.value = "、".join(value or [])

    def editor(self) -> ComposeResult:
        yield Input(self.value, placeholder="多个用“、”分隔", select_on_focus=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        parts = [p.strip() for p in event.value.replace(",", "、").replace("，", "、").split("、")]
        self.changed([p for p in parts if p] or None)


class ChoiceField(FieldBox):
    def __init__(
        self,
        path: FieldPath,
        label: str,
        value: Any,
        options: list[tuple[str, str]],
        help_text: str = "",
    ):
        super().__init__(path, label, help_text)
        self.options, self.value = options, value

    def editor(self) -> ComposeResult:
        yield Select(
            self.options,
            value=self.value if self.value is not None else Select.BLANK,
            allow_blank=False,
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.changed(event.value)


class MultilineField(FieldBox):
    """A paragraph of text."""

    def __init__(self, path: FieldPath, label: str, value: str | None, help_text: str = "") -> None:
        super().__init__(path, label, help_text)
        self.value = value or ""

    def editor(self) -> ComposeResult:
        yield TextArea(self.value, soft_wrap=True, classes="paragraph")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.changed(event.text_area.text)
