"""The checker's findings on the current facts; choosing one jumps to its section."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from drafter.models.findings import SEVERITY_LABELS, Finding


class FindingsScreen(ModalScreen[str | None]):
    """Dismissed with the section id to jump to, or None."""

    BINDINGS = [("escape", "dismiss(None)", "关闭")]

    def __init__(self, findings: list[tuple[Finding, str | None]]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog findings"):
            count = len(self.findings)
            yield Label(
                f"检查结果：{count} 个问题（回车跳到对应部分，esc 关闭）"
                if count
                else "检查结果：未发现问题。",
                classes="dialog-question",
            )
            options = [
                Option(f"[{SEVERITY_LABELS[f.severity]}] {f.message}", id=f"f{n}")
                for n, (f, _) in enumerate(self.findings)
            ]
            yield OptionList(*options, id="findings-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        index = int((event.option.id or "f0")[1:])
        self.dismiss(self.findings[index][1])
