"""Small modal dialogs: a question with buttons, and a prompt for a path."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class Ask(ModalScreen[str]):
    """A question; dismissed with the id of the button chosen ("cancel" on escape)."""

    BINDINGS = [("escape", "dismiss('cancel')", "取消")]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question, self.choices = question, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                for key, label in self.choices:
                    yield Button(
                        label, id=key, variant="primary" if key == self.choices[0][0] else "default"
                    )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")


class AskPath(ModalScreen[str | None]):
    BINDINGS = [("escape", "dismiss(None)", "取消")]

    def __init__(self, question: str, default: str) -> None:
        super().__init__()
        self.question, self.default = question, default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            yield Input(self.default, id="path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", id="ok", variant="primary")
                yield Button("取消", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(
            self.query_one("#path", Input).value.strip() or None
            if event.button.id == "ok"
            else None
        )
