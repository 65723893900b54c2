"""A list of items (highlights, shortcomings, plans): each a heading and a paragraph, added,
removed and reordered in place."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from drafter.formats.facts_document import FieldPath
from drafter.tui.messages import FieldChanged, ListChanged
from drafter.tui.widgets.fields import show_error


class ItemBox(Vertical):
    DEFAULT_CLASSES = "item"

    def __init__(self, path: FieldPath, number: int, item: Any) -> None:
        super().__init__()
        self.path, self.number = path, number
        self.item = {"text": item} if isinstance(item, str) else dict(item or {})
        self.help_text = "小标题（可省略）和正文；“沿用上年”表示这段还是去年的原文。"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="item-bar"):
            yield Label(f"第 {self.number + 1} 项", classes="item-number")
            yield Button("↑", id="up", classes="small")
            yield Button("↓", id="down", classes="small")
            yield Button("删除", id="remove", classes="small", variant="error")
            yield Checkbox("沿用上年", bool(self.item.get("carried_over")), id="carried")
        yield Input(
            self.item.get("heading") or "",
            placeholder="小标题（可省略），如“深化理论武装”",
            id="heading",
        )
        yield TextArea(self.item.get("text") or "", soft_wrap=True, classes="paragraph", id="text")
        yield Static("", classes="field-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(FieldChanged((*self.path, "heading"), event.value))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(FieldChanged((*self.path, "text"), event.text_area.text))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(FieldChanged((*self.path, "carried_over"), event.value or None))

    def show_error(self, message: str | None) -> None:
        show_error(self, message)


class ItemsEditor(Vertical):
    DEFAULT_CLASSES = "items"

    def __init__(
        self, path: FieldPath, label: str, items: list | None, help_text: str = ""
    ) -> None:
        super().__init__()
        self.path, self.label, self.items = path, label, list(items or [])
        self.help_text = help_text or label

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        for n, item in enumerate(self.items):
            yield ItemBox((*self.path, n), n, item)
        yield Button("＋ 添加一项", id="add", classes="add")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        box = next((a for a in event.button.ancestors if isinstance(a, ItemBox)), None)
        self.post_message(ItemAction(self.path, event.button.id or "", box.number if box else None))


class ItemAction(ListChanged):
    def __init__(self, path: FieldPath, action: str, index: int | None) -> None:
        super().__init__(path)
        self.action, self.index = action, index
