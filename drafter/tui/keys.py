"""Every key of the form, in one place: the footer, the F1 help screen and the command palette
are all made from this list. Priority bindings: they work wherever the focus is, also in a
text field (whose own ctrl+k would otherwise delete to the end of the line)."""

from __future__ import annotations

from textual.binding import Binding

# (key, action, footer label, name in the command palette, what it does)
KEYS = [
    ("ctrl+s", "save", "保存", "保存", "保存事实文件"),
    ("ctrl+g", "generate", "生成", "生成报告", "生成 GB/T 9704 版式的 .docx（先列出还没填写的）"),
    ("ctrl+k", "check", "检查", "检查", "检查当前内容，列出问题；回车跳到对应的字段"),
    ("ctrl+o", "import_report", "导入", "导入去年的报告", "从去年的报告导入（先列出会改变什么）"),
    ("f7", "previous_section", "上节", "上一部分", "到上一部分"),
    ("f8", "next_section", "下节", "下一部分", "到下一部分"),
    ("ctrl+t", "insert_phrasing", "表述", "插入常见表述", "把选中的常见表述插入正文框的光标处"),
    ("ctrl+z", "undo", "撤销", "撤销", "撤销刚删除的一项，或文本框中的输入"),
    ("f1", "help", "帮助", "帮助", "当前字段的说明和全部按键"),
    ("ctrl+q", "quit", "退出", "退出", "退出（有未保存的修改时先询问）"),
]
PALETTE = ("ctrl+p", "command_palette", "命令", "命令面板", "按名称查找并执行命令")
# keys of the widgets themselves, listed in F1 (not bound here)
WIDGET_KEYS = [
    ("tab / shift+tab", "下一个 / 上一个字段"),
    ("回车", "在侧栏进入所选部分；在提醒中跳到对应的字段"),
    ("esc", "关闭对话框"),
]


HIDDEN = {"undo"}  # in F1 and the toast after a deletion; the footer has room for the rest


def bindings() -> list[Binding]:
    return [
        Binding(
            key,
            action,
            label,
            show=action not in HIDDEN,
            key_display=key.upper() if key.startswith("f") else None,
            priority=True,
            tooltip=text,
        )
        for key, action, label, _, text in [*KEYS, PALETTE]
    ]


def key_display(key: str) -> str:
    return key.replace("ctrl+", "^").upper() if key.startswith("f") else key.replace("ctrl+", "^")


def help_lines(journal_delay: float) -> list[str]:
    width = 8
    lines = [f"{key_display(k):<{width}}{name}：{text}" for k, _, _, name, text in [*KEYS, PALETTE]]
    lines += [f"{k:<{width}}{text}" for k, text in WIDGET_KEYS]
    lines.append(f"修改后约 {journal_delay:g} 秒自动写入恢复日志；意外退出后重新打开会提示恢复。")
    return lines
