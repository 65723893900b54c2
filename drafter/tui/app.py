"""The form: sidebar of sections, the current section's form, and the preview and phrasings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Footer, Header, ListView, OptionList, TextArea

from drafter.errors import DrafterError
from drafter.formats.facts_document import FactsDocument
from drafter.formats.structure_file import default_model
from drafter.models.catalogue import taxonomy
from drafter.skeleton import skeleton
from drafter.tui.messages import FieldChanged
from drafter.tui.preview import derived_lines, preview
from drafter.tui.screens.dialogs import Ask, AskPath
from drafter.tui.screens.findings import FindingsScreen
from drafter.tui.screens.help import HelpScreen
from drafter.tui.sections import SectionSpec, section_specs
from drafter.tui.widgets.form import SectionForm
from drafter.tui.widgets.items import ItemAction, ItemBox
from drafter.tui.widgets.metrics import MetricRow
from drafter.tui.widgets.side_panel import SidePanel
from drafter.tui.widgets.sidebar import SectionList

JOURNAL_DELAY = 1.0  # seconds after a change; the promise is "within two seconds"


class DrafterApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "法治政府建设情况报告"
    BINDINGS = [
        Binding("ctrl+s", "save", "保存"),
        Binding("ctrl+g", "generate", "生成"),
        Binding("ctrl+k", "check", "检查"),
        Binding("ctrl+o", "import_report", "导入去年"),
        Binding("f7", "previous_section", "上一部分"),
        Binding("f8", "next_section", "下一部分"),
        Binding("ctrl+t", "insert_phrasing", "插入表述"),
        Binding("f1", "help", "帮助"),
        Binding("ctrl+q", "quit", "退出", priority=True),
    ]

    def __init__(
        self,
        path: Path,
        year: int | None = None,
        issuer: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self.doc = FactsDocument.open(path, skeleton(issuer or "", year or self.today.year - 1))
        self.specs = section_specs()
        self.current: SectionSpec = self.specs[0]
        self._journal_timer = None
        self.forms: dict[str, SectionForm] = {}
        self.sub_title = path.name

    # ---- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield SectionList(self.specs)
            yield ContentSwitcher(id="forms")
            yield SidePanel(id="side")
        yield Footer()

    def on_mount(self) -> None:
        self.show_section(self.specs[0])
        if self.doc.journal() is not None:
            self.push_screen(
                Ask(
                    "发现上次未保存的修改（恢复日志），是否恢复？",
                    [("restore", "恢复"), ("discard", "丢弃")],
                ),
                self._restore_answer,
            )

    def _restore_answer(self, answer: str | None) -> None:
        if answer == "restore":
            self.doc.restore_journal()
            self.rebuild_forms()
            self.notify("已恢复上次未保存的修改。")
        elif answer == "discard":
            self.doc.discard_journal()

    # ---- sections -------------------------------------------------------------------------
    def show_section(self, spec: SectionSpec) -> None:
        self.current = spec
        switcher = self.query_one("#forms", ContentSwitcher)
        if spec.id not in self.forms:
            self.forms[spec.id] = SectionForm(spec, self.doc)
            switcher.mount(self.forms[spec.id])
        switcher.current = f"form-{spec.id}"
        sidebar = self.query_one(SectionList)
        index = self.specs.index(spec)
        if sidebar.index != index:
            sidebar.index = index
        model = default_model()
        seen = model.section(spec.id) if model else None
        self.query_one(SidePanel).show_phrasings([p.text for p in seen.phrasings] if seen else [])
        self.call_after_refresh(self.refresh_views)

    def rebuild_forms(self) -> None:
        for form in self.forms.values():
            form.remove()
        self.forms.clear()
        self.call_after_refresh(self.show_section, self.current)

    @on(ListView.Selected, "SectionList")
    def _sidebar_selected(self, event: ListView.Selected) -> None:
        spec_id = (event.item.id or "sec-meta").removeprefix("sec-")
        self.show_section(next(s for s in self.specs if s.id == spec_id))

    def action_next_section(self) -> None:
        self.show_section(self.specs[min(self.specs.index(self.current) + 1, len(self.specs) - 1)])

    def action_previous_section(self) -> None:
        self.show_section(self.specs[max(self.specs.index(self.current) - 1, 0)])

    # ---- editing --------------------------------------------------------------------------
    def on_field_changed(self, event: FieldChanged) -> None:
        if not self.doc.set(event.path, event.value):
            return
        self.refresh_views()
        if self._journal_timer is None:
            self._journal_timer = self.set_timer(JOURNAL_DELAY, self._write_journal)

    def on_item_action(self, event: ItemAction) -> None:
        items = self.doc.list_at(event.path)
        i = event.index
        if event.action == "add":
            items.append({"text": None})
        elif event.action == "remove" and i is not None:
            del items[i]
        elif event.action in ("up", "down") and i is not None:
            j = i - 1 if event.action == "up" else i + 1
            if 0 <= j < len(items):
                items[i], items[j] = items[j], items[i]
        self.doc.dirty = True
        self.doc.validate()
        self.rebuild_forms()

    def _write_journal(self) -> None:
        self._journal_timer = None
        self.doc.write_journal()

    def refresh_views(self) -> None:
        self.query_one(SectionList).refresh_states(self.doc)
        form = self.forms.get(self.current.id)
        if form is not None:
            for widget in form.fields():
                if isinstance(widget, ItemBox | MetricRow):
                    found = self.doc.problems_under(widget.path)
                    message = "；".join(found.values()) if found else None
                else:
                    message = self.doc.problems.get(widget.path)
                widget.show_error(message)
            for grid in form.grids():
                grid.show_derived(derived_lines(self.current, self.doc))
        self.query_one(SidePanel).show_preview(preview(self.current, self.doc, self.today))

    def action_insert_phrasing(self) -> None:
        options = self.query_one("#phrasings", OptionList)
        focused = self.focused
        if options.highlighted is None or not isinstance(focused, TextArea):
            self.notify(
                "先在右下选中一条表述，再把光标放到正文框中，然后按 ctrl+t。", severity="warning"
            )
            return
        focused.insert(str(options.get_option_at_index(options.highlighted).prompt))

    # ---- files ----------------------------------------------------------------------------
    def action_save(self) -> None:
        try:
            self.doc.save()
        except DrafterError as exc:
            self.notify(exc.render(), severity="error")
            return
        self.notify(f"已保存：{self.doc.path}")

    def action_generate(self) -> None:
        if self.doc.facts is None:
            self.notify(
                f"有 {len(self.doc.problems)} 处错误（侧栏 ✗），改正后才能生成报告。",
                severity="error",
            )
            return
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
        from drafter.draft import draft_document, render_bytes
        from drafter.files import write_atomic

        try:
            result = draft_document(self.doc.facts, self.today)
            write_atomic(
                path,
                render_bytes(result, "docx", "gbt9704", self.doc.facts.meta.issuer),
                force=force,
                inputs=[self.doc.path],
            )
        except DrafterError as exc:
            self.notify(exc.render(), severity="error")
            return
        self.notify(
            f"报告已生成：{path.resolve()}"
            + (f"（{len(result.warnings)} 条提醒）" if result.warnings else "")
        )

    def action_check(self) -> None:
        self.push_screen(FindingsScreen(self.current_findings()), self._jump)

    def current_findings(self):
        from drafter.models.findings import Finding

        if self.doc.facts is None:
            described = self.doc.described_problems()
            return [
                (
                    Finding(code="facts-invalid", severity="error", message=text),
                    self._section_of_path(path),
                )
                for path, text in zip(self.doc.problems, described, strict=True)
            ]
        from drafter.check.context import CheckContext
        from drafter.check.engine import check_outline
        from drafter.draft import draft_document
        from drafter.formats.style_file import load_style
        from drafter.reading.outline import read_outline

        outline = read_outline(
            draft_document(self.doc.facts, self.today).document, None, default_model()
        )
        ctx = CheckContext(outline, load_style(), None, None)
        return [(f, self._section_of_finding(f, outline)) for f in check_outline(ctx)]

    def _section_of_path(self, path) -> str | None:
        best = max(
            (s for s in self.specs if path[: len(s.path)] == s.path),
            key=lambda s: len(s.path),
            default=None,
        )
        return best.id if best else ("meta" if path[:1] == ("opening",) else None)

    def _section_of_finding(self, finding, outline) -> str | None:
        if finding.line is not None:
            return outline.section_of_line.get(finding.line)
        return next((s.id for s in taxonomy().statutory if s.name in finding.message), None)

    def _jump(self, section_id: str | None) -> None:
        spec = next((s for s in self.specs if s.id == section_id), None)
        if spec is not None:
            self.show_section(spec)

    def action_import_report(self) -> None:
        self.push_screen(AskPath("去年的报告（.docx / .txt / .md）：", ""), self._import_from)

    def _import_from(self, source: str | None) -> None:
        if not source:
            return
        from drafter.extract import extract_file

        try:
            extraction = extract_file(Path(source))
        except DrafterError as exc:
            self.notify(exc.render(), severity="error")
            return

        def apply(answer: str | None) -> None:
            if answer == "replace":
                self.doc.replace(extraction.facts)
                self.rebuild_forms()
                self.notify(
                    f"已导入：识别到 {len(extraction.recognised)} 项去年的指标数值；沿用的段落已标记。"
                )

        self.push_screen(
            Ask(
                "用去年报告的内容替换当前表单吗？（保存前不会写入文件）",
                [("replace", "替换"), ("cancel", "取消")],
            ),
            apply,
        )

    # ---- help and quitting ----------------------------------------------------------------
    def action_help(self) -> None:
        widget = self.focused
        topic = "（当前没有选中的字段）"
        while widget is not None:
            if getattr(widget, "help_text", None):
                topic = widget.help_text
                break
            widget = widget.parent
        self.push_screen(HelpScreen(topic))

    async def action_quit(self) -> None:
        if not self.doc.dirty:
            self.exit()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
                if not self.doc.dirty:
                    self.exit()
            elif choice == "discard":
                self.doc.discard_journal()
                self.exit()

        self.push_screen(
            Ask(
                "有未保存的修改。",
                [("save", "保存并退出"), ("discard", "不保存退出"), ("cancel", "取消")],
            ),
            answer,
        )

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for title, help_text, action in (
            ("保存", "保存事实文件（ctrl+s）", self.action_save),
            ("生成报告", "生成 GB/T 9704 版式的 .docx（ctrl+g）", self.action_generate),
            ("检查", "检查当前内容并列出问题（ctrl+k）", self.action_check),
            ("导入去年的报告", "从去年的报告生成内容（ctrl+o）", self.action_import_report),
            ("下一部分", "F8", self.action_next_section),
            ("上一部分", "F7", self.action_previous_section),
            ("帮助", "当前字段的说明（F1）", self.action_help),
        ):
            yield SystemCommand(title, help_text, action)
