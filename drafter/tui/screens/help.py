"""F1: what the focused field is for, and every key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "关闭"), ("f1", "dismiss", "关闭")]

    def __init__(self, topic: str, keys: list[str]) -> None:
        super().__init__()
        self.topic, self.keys = topic, keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("帮助（esc 关闭）", classes="dialog-question")
            with VerticalScroll():
                yield Static(self.topic, classes="help-topic")
                yield Static("按键", classes="help-heading")
                yield Static("\n".join(self.keys), classes="help-keys", markup=False)
