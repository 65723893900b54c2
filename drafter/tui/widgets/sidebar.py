"""The sections in report order, each with its state (required or optional; empty, partly
filled, complete, has errors). One OptionList, not a ListView of ListItems: a widget per
section cost a tenth of a second at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.sections import STATE_MARKS, SectionSpec

if TYPE_CHECKING:
    from drafter.formats.facts_document import FactsDocument


def entry_text(spec: SectionSpec, state: str) -> str:
    need = "*" if spec.required else " "
    return f"{'  ' * spec.indent}{STATE_MARKS[state]}{need}{spec.label}"


def entry(spec: SectionSpec, state: str) -> Content:
    text = entry_text(spec, state)
    return Content.styled(text, "$error") if state == "error" else Content(text)


class SectionList(OptionList):
    def __init__(self, specs: list[SectionSpec]) -> None:
        self.specs = specs
        self.states = ["empty"] * len(specs)
        super().__init__(
            *[Option(entry(s, "empty"), id=f"sec-{s.id}") for s in specs], compact=True
        )
        self.help_text = "报告的各部分：● 完成 ◐ 部分 ○ 未填 ✗ 有错误；* 为必填。回车或点击进入。"

    def entry_text(self, section_id: str) -> str:
        """What the sidebar shows for a section (its mark and label)."""
        return str(self.get_option(f"sec-{section_id}").prompt)

    def refresh_states(self, doc: FactsDocument) -> None:
        for index, spec in enumerate(self.specs):
            state = spec.state(doc)
            if self.states[index] != state:  # redraw only what changed
                self.states[index] = state
                self.replace_option_prompt_at_index(index, entry(spec, state))
