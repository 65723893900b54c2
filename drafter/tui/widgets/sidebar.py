"""The sections in report order, each with its state (required or optional; empty, partly
filled, complete, has errors)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Label, ListItem, ListView

from drafter.tui.sections import STATE_MARKS, SectionSpec

if TYPE_CHECKING:
    from drafter.formats.facts_document import FactsDocument


def entry_text(spec: SectionSpec, state: str) -> str:
    need = "*" if spec.required else " "
    return f"{'  ' * spec.indent}{STATE_MARKS[state]}{need}{spec.label}"


class SectionList(ListView):
    def __init__(self, specs: list[SectionSpec]) -> None:
        self.specs = specs
        super().__init__(
            *[ListItem(Label(entry_text(s, "empty")), id=f"sec-{s.id}") for s in specs]
        )
        self.help_text = "报告的各部分：● 完成 ◐ 部分 ○ 未填 ✗ 有错误；* 为必填。回车或点击进入。"

    def refresh_states(self, doc: FactsDocument) -> None:
        if not getattr(self, "_entry_items", None):
            self._entry_items = list(self.query(ListItem))
        for item, spec in zip(self._entry_items, self.specs, strict=True):
            state = spec.state(doc)
            if getattr(item, "_drafter_state", None) != state:  # redraw only what changed
                item.query_one(Label).update(entry_text(spec, state))
                item.set_class(state == "error", "state-error")
                item._drafter_state = state
