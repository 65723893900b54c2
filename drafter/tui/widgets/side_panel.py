"""Help while writing: the live preview of the current section and the typical phrasings that
real reports use for it (from the structure model)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, TextArea


class SidePanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Label("预览", classes="panel-title")
        # a read-only text area keeps its size when its text changes: no re-layout per keystroke
        yield TextArea("", id="preview", read_only=True, soft_wrap=True, show_cursor=False)
        yield Label("常见表述（ctrl+t 插入）", classes="panel-title")
        yield OptionList(id="phrasings")

    def show_preview(self, text: str) -> None:
        preview = self.query_one("#preview", TextArea)
        if preview.text != text:
            preview.load_text(text)

    def show_phrasings(self, phrasings: list[str]) -> None:
        options = self.query_one("#phrasings", OptionList)
        options.clear_options()
        options.add_options(phrasings or ["（本部分暂无）"])
        options.help_text = (
            "真实报告中常用的说法（数字处为 {n}）。选中后按 ctrl+t 插入到正文框的光标处。"
        )
