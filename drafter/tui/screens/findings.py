"""The checker's findings on the current facts and drafting's notes; choosing a finding focuses
its field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from drafter.tui.findings import Placed, Review


def finding_options(review: Review, labels: dict[str, str]) -> list[Option]:
    """One line per finding, 「错误 · 不足原因：…」, then drafting's notes (no field to focus)."""
    from drafter.models.findings import SEVERITY_LABELS

    options = [
        Option(
            f"{SEVERITY_LABELS[p.finding.severity]}·"
            + (f"{labels[p.section]}：" if p.section in labels else "")
            + p.finding.message,
            id=f"f{n}",
        )
        for n, p in enumerate(review.placed)
    ]
    options += [Option(f"提醒·{note}", id=f"n{n}") for n, note in enumerate(review.notes)]
    return options


class FindingsScreen(ModalScreen[Placed | None]):
    """Dismissed with the finding to go to, or None."""

    BINDINGS = [("escape", "dismiss(None)", "关闭")]

    def __init__(self, review: Review, labels: dict[str, str]) -> None:
        super().__init__()
        self.review, self.labels = review, labels

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog findings"):
            count = len(self.review)
            yield Label(
                f"检查结果：{count} 条（回车跳到对应的字段，esc 关闭）"
                if count
                else "检查结果：未发现问题。（esc 关闭）",
                classes="dialog-question",
            )
            yield OptionList(*finding_options(self.review, self.labels), id="findings-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("f"):
            self.dismiss(self.review.placed[int(option_id[1:])])
        else:
            self.dismiss(None)
