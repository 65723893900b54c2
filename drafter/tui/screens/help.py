"""F1: what the focused field is for, and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS = """\
ctrl+s 保存    ctrl+g 生成 .docx    ctrl+k 检查    ctrl+o 导入去年的报告
F7 / F8 上一部分 / 下一部分    ctrl+t 插入常见表述    ctrl+p 命令面板    ctrl+q 退出
修改后两秒内自动写入恢复日志；意外退出后重新打开会提示恢复。"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "关闭"), ("f1", "dismiss", "关闭")]

    def __init__(self, topic: str) -> None:
        super().__init__()
        self.topic = topic

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("帮助", classes="dialog-question")
            yield Static(self.topic, classes="help-topic")
            yield Static(KEYS, classes="help-keys")
