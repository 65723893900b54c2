"""A list of items (highlights, shortcomings, plans): each a heading and a paragraph, added,
removed and reordered in place. An added item is only a box until something is typed into it:
it does not exist in the facts (no error, nothing saved) before then."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from drafter.models.facts import FieldPath
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
            yield Button("↑", id="up", classes="small", compact=True, tooltip="上移")
            yield Button("↓", id="down", classes="small", compact=True, tooltip="下移")
            yield Button("删除", id="remove", classes="small", variant="error", compact=True)
        yield Checkbox("沿用上年", bool(self.item.get("carried_over")), id="carried", compact=True)
        yield Input(
            self.item.get("heading") or "",
            placeholder="小标题（可省略），如“深化理论武装”",
            id="heading",
            select_on_focus=False,
        )
        yield TextArea(self.item.get("text") or "", soft_wrap=True, classes="paragraph", id="text")
        yield Static("", classes="field-error")

    @property
    def is_blank(self) -> bool:
        return not (
            self.query_one("#text", TextArea).text.strip()
            or self.query_one("#heading", Input).value.strip()
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.app.post_message(FieldChanged((*self.path, "heading"), event.value))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.app.post_message(FieldChanged((*self.path, "text"), event.text_area.text))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.app.post_message(FieldChanged((*self.path, "carried_over"), event.value or None))

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

    def boxes(self) -> list[ItemBox]:
        return list(self.query(ItemBox))

    async def add_item(self) -> ItemBox:
        """A new empty box after the others, focused; one blank box at a time."""
        boxes = self.boxes()
        if boxes and boxes[-1].is_blank and boxes[-1].number >= len(self.items):
            box = boxes[-1]
        else:
            number = len(boxes)
            box = ItemBox((*self.path, number), number, None)
            await self.mount(box, before=self.query_one("#add"))
        box.query_one("#text", TextArea).focus()
        box.scroll_visible(animate=False)
        return box

    async def show_items(self, items: list, focus: int | None, button: str = "text") -> None:
        """Redraw after a removal or a move, focusing item `focus` (or the add button)."""
        self.items = list(items)
        await self.recompose()
        boxes = self.boxes()
        if focus is not None and boxes:
            box = boxes[min(focus, len(boxes) - 1)]
            box.query_one(f"#{button}").focus()
            box.scroll_visible(animate=False)
        else:
            self.query_one("#add").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        box = next((a for a in event.button.ancestors if isinstance(a, ItemBox)), None)
        self.post_message(
            ItemAction(self, self.path, event.button.id or "", box.number if box else None)
        )


class ItemAction(ListChanged):
    def __init__(
        self, editor: ItemsEditor, path: FieldPath, action: str, index: int | None
    ) -> None:
        super().__init__(path)
        self.editor, self.action, self.index = editor, action, index
