"""Help while writing: the live preview of the current section (with its length), the checker's
findings as you type, and the typical phrasings that real reports use for the section."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, TextArea
from textual.widgets.option_list import Option

PREVIEW_PENDING = "正在生成预览…"  # until the first draft is done, just after the first screen


class PreviewArea(TextArea):
    """A read-only text area keeps its size when its text changes (no re-layout per keystroke).
    Its rendered lines are cached by position, so a new text must drop the cache, or the old
    lines stay on screen."""

    def load_text(self, text: str) -> None:
        super().load_text(text)
        self._line_cache.clear()
        self.refresh()


class SidePanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Label("预览", classes="panel-title", id="preview-title")
        yield PreviewArea(
            PREVIEW_PENDING, id="preview", read_only=True, soft_wrap=True, show_cursor=False
        )
        yield Label("提醒", classes="panel-title", id="findings-title")
        findings = OptionList(id="findings")
        findings.help_text = "检查当前内容发现的问题（输入停顿后自动更新）。回车跳到对应的字段。"
        yield findings
        yield Label("常见表述（ctrl+t 插入）", classes="panel-title")
        yield OptionList(id="phrasings")

    def show_preview(self, text: str, length: str) -> None:
        preview = self.query_one("#preview", PreviewArea)
        if preview.text != text:
            preview.load_text(text)
        title = f"预览 {length}" if length else "预览"
        label = self.query_one("#preview-title", Label)
        if getattr(self, "_title", None) != title:
            self._title = title
            label.update(title, layout=False)  # one line of fixed width: no re-layout

    def show_findings(self, review, labels: dict[str, str]) -> None:
        from drafter.tui.screens.findings import finding_options

        options = self.query_one("#findings", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            finding_options(review, labels) or [Option("（没有发现问题）", disabled=True)]
        )
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted
        self.query_one("#findings-title", Label).update(f"提醒（{len(review)}）")

    def show_phrasings(self, phrasings: list[str]) -> None:
        options = self.query_one("#phrasings", OptionList)
        options.clear_options()
        options.add_options(phrasings or ["（本部分暂无）"])
        options.help_text = (
            "真实报告中常用的说法。选中后按 ctrl+t 插入到正文框的光标处；"
            "能从表单得知的（发文机关、年度）自动填入，其余为【待填：…】标记，检查会提醒。"
        )
