"""The form's file actions: save, generate the .docx (after saying what is still unfilled) and
import last year's report (after saying what would change). Drafting goes through the shared
pipeline; files are written by drafter/files.py."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError
from drafter.tui.screens.dialogs import Ask, AskPath


def listed(lines: list[str], limit: int = 12) -> str:
    shown = [f"·{line}" for line in lines[:limit]]  # no space: a wrap would break there
    if len(lines) > limit:
        shown.append(f"……另有 {len(lines) - limit} 条")
    return "\n".join(shown)


class FileActions:
    """Mixed into the app (which provides doc, today, specs, notify, push_screen…)."""

    def action_save(self) -> None:
        self.call_later(self.save_now)  # after the edits already on their way to the app

    def save_now(self) -> None:
        try:
            self.doc.save()
        except DrafterError as exc:
            self.notify(exc.render(), severity="error", markup=False)
            return
        self.show_save_state()
        self.notify(f"已保存：{self.doc.path}", markup=False)

    # ---- generate -------------------------------------------------------------------------
    def action_generate(self) -> None:
        if self.doc.facts is None:
            self.notify(
                f"有 {len(self.doc.problems)} 处错误（侧栏 ✗），改正后才能生成报告。",
                severity="error",
            )
            return
        from drafter import pipeline

        drafted = pipeline.draft(self.doc.facts, self.today)
        if not drafted.warnings:
            self._ask_target()
            return
        self.push_screen(
            Ask(
                f"还有{len(drafted.warnings)}处没有填好，生成的报告里会是【待填写】标记或上年的内容：\n"
                + listed(drafted.warnings)
                + "\n仍然生成吗？",
                [("generate", "仍然生成"), ("fill", "先去填写"), ("cancel", "取消")],
            ),
            self._unfilled_answer,
        )

    def _unfilled_answer(self, answer: str | None) -> None:
        if answer == "generate":
            self._ask_target()
        elif answer == "fill":
            self.action_check()

    def _ask_target(self) -> None:
        default = str(self.doc.path.with_suffix(".docx"))
        self.push_screen(AskPath("生成 .docx 到：", default), self._generate_to)

    def _generate_to(self, target: str | None, force: bool = False) -> None:
        if not target:
            return
        path = Path(target)
        if path.exists() and not force:
            self.push_screen(
                Ask(f"{path} 已存在，覆盖吗？", [("overwrite", "覆盖"), ("cancel", "取消")]),
                lambda answer: (
                    self._generate_to(target, force=True) if answer == "overwrite" else None
                ),
            )
            return
        from drafter import pipeline

        try:
            drafted = pipeline.draft(self.doc.facts, self.today)
            data = pipeline.render(drafted.document, "docx", author=self.doc.facts.meta.issuer)
            pipeline.save(path, data, force=force, inputs=(self.doc.path,))
        except DrafterError as exc:
            self.notify(exc.render(), severity="error", markup=False)
            return
        self.schedule_findings(0)
        notes = len(drafted.warnings)
        self.notify(
            f"报告已生成：{path.resolve()}"
            + (f"\n{notes} 条提醒：按 ctrl+k 查看，或看右侧“提醒”。" if notes else ""),
            markup=False,
        )

    # ---- import ---------------------------------------------------------------------------
    def action_import_report(self) -> None:
        self.push_screen(AskPath("去年的报告（.docx / .txt / .md）：", ""), self._import_from)

    def _import_from(self, source: str | None) -> None:
        if not source:
            return
        from drafter import pipeline
        from drafter.tui.sections import replacement_changes

        try:
            extraction = pipeline.extract(Path(source))
        except DrafterError as exc:
            self.notify(exc.render(), severity="error", markup=False)
            return
        changes = replacement_changes(self.doc, extraction.facts, self.specs)

        def apply(answer: str | None) -> None:
            if answer == "replace":
                self.doc.replace(extraction.facts)
                self.rebuild_forms()
                self.show_save_state()
                self.schedule_findings()
                self.notify(
                    f"已导入：识别到 {len(extraction.recognised)} 项去年的指标数值；沿用的段落已标记。"
                )

        self.push_screen(
            Ask(
                "用去年报告的内容替换当前表单吗？（保存前不会写入文件）\n将会改变：\n"
                + (listed(changes) if changes else "·（当前表单是空的，不会丢失内容）"),
                [("replace", "替换"), ("cancel", "取消")],
            ),
            apply,
        )
