"""The form: sidebar of sections, the current section's form, and the preview, findings and
phrasings. Drafting and checking go through the shared pipeline (via tui/findings.py)."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Header, OptionList, TextArea

from drafter import pipeline, process
from drafter.models.facts import FieldPath
from drafter.models.slots import phrasing_slots
from drafter.tui import keys
from drafter.tui.files import FileActions
from drafter.tui.messages import FieldChanged
from drafter.tui.preview import derived_lines, length, preview
from drafter.tui.screens.dialogs import Ask
from drafter.tui.screens.help import HelpScreen
from drafter.tui.sections import SectionSpec, section_specs
from drafter.tui.widgets.footer import KeyFooter
from drafter.tui.widgets.form import SectionForm
from drafter.tui.widgets.items import ItemAction, ItemBox
from drafter.tui.widgets.metrics import MetricRow
from drafter.tui.widgets.side_panel import SidePanel
from drafter.tui.widgets.sidebar import SectionList
from drafter.tui.widgets.status import StatusLine

JOURNAL_DELAY = 1.0  # seconds after a change until the recovery journal is written
FINDINGS_DELAY = 0.6  # seconds after the last change until the findings are checked again
STARTUP_FINDINGS_DELAY = 1.5  # the first check imports the checker (~1 s): not while starting
EDITORS = "Input, TextArea, Select, Checkbox, Button"
# actions that act on the form: not while a dialog is open (its own keys apply there)
FORM_ACTIONS = {k[1] for k in keys.KEYS} - {"quit", "help"}


class DrafterApp(FileActions, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "法治政府建设情况报告"
    BINDINGS = keys.bindings()

    def __init__(
        self,
        path: Path,
        year: int | None = None,
        issuer: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self.doc = pipeline.open_facts(path, year or self.today.year - 1, issuer or "")
        self.specs = section_specs()
        self.labels = {s.id: s.label for s in self.specs}
        self.current: SectionSpec = self.specs[0]
        self._journal_timer = None
        self._findings_timer = None
        self.findings = None  # the last check's Review (drafter.tui.findings)
        self.deleted: tuple[FieldPath, int, object] | None = None  # for ctrl+z
        self.forms: dict[str, SectionForm] = {}
        self.phrasings: list[str] = []  # the current section's, with their slots
        self.show_save_state()

    # ---- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # No cyclic garbage collection while the first screen is built (a full one took 50–70
        # ms of the start); once it is drawn, process.steady freezes what start-up built
        gc.disable()
        yield Header()
        first = self.specs[0]
        self.forms[first.id] = SectionForm(first, self.doc)
        with Horizontal(id="main"):
            yield SectionList(self.specs)
            # the first form in the same pass as the rest: mounted later, it costs a second layout
            yield ContentSwitcher(self.forms[first.id], id="forms", initial=f"form-{first.id}")
            yield SidePanel(id="side")
        yield StatusLine("", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # the first preview drafts the whole report (the template engine's first use): it is
        # filled in just after the first screen is drawn, which shows 「正在生成预览…」 till then
        self.show_section(self.specs[0], preview_now=False)
        self.query_one(SectionList).refresh_states(self.doc)
        self.call_after_refresh(self.refresh_views)
        self.call_after_refresh(process.steady)
        # the first check imports the checker: only once the first screen is up
        self.call_after_refresh(self.schedule_findings, STARTUP_FINDINGS_DELAY)
        if self.doc.journal() is not None:
            self.push_screen(
                Ask(
                    "发现上次未保存的修改（恢复日志），是否恢复？",
                    [("restore", "恢复"), ("discard", "丢弃")],
                ),
                self._restore_answer,
            )

    def on_unmount(self) -> None:
        gc.unfreeze()  # what start-up built is garbage now (tests run many forms)
        gc.enable()

    def _restore_answer(self, answer: str | None) -> None:
        if answer == "restore":
            self.doc.restore_journal()
            self.rebuild_forms()
            self.show_save_state()
            self.notify("已恢复上次未保存的修改。")
        elif answer == "discard":
            self.doc.discard_journal()

    def show_save_state(self) -> None:
        """「facts.yaml · 未保存」 in the header: whether what is on screen is in the file."""
        if not self.doc.dirty:
            state = "已保存"
        elif self._journal_timer is None and self.doc.path.exists():
            state = "未保存（已写入恢复日志）"
        else:
            state = "未保存"
        sub_title = f"{self.doc.path.name} · {state}"
        if self.sub_title != sub_title:
            self.sub_title = sub_title

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in FORM_ACTIONS and isinstance(self.screen, ModalScreen):
            return False  # the key goes to the dialog
        if action == "undo" and self.deleted is None:
            return self._focused_undo() is not None
        return True

    # ---- sections -------------------------------------------------------------------------
    def show_section(
        self, spec: SectionSpec, focus: bool = False, preview_now: bool = True
    ) -> None:
        self.current = spec
        switcher = self.query_one("#forms", ContentSwitcher)
        if spec.id not in self.forms:
            self.forms[spec.id] = SectionForm(spec, self.doc)
            switcher.mount(self.forms[spec.id])
        switcher.current = f"form-{spec.id}"
        sidebar = self.query_one(SectionList)
        index = self.specs.index(spec)
        if sidebar.highlighted != index:
            sidebar.highlighted = index
        model = pipeline.structure_model()
        seen = model.section(spec.id) if model else None
        self.phrasings = [p.text for p in seen.phrasings] if seen else []
        self.query_one(SidePanel).show_phrasings([self.filled(p) for p in self.phrasings])
        if preview_now:
            self.show_preview()  # at once: never the previous section's text
            self.call_after_refresh(self.refresh_views)
        if focus:
            self.call_after_refresh(self.focus_field, spec.id, None)

    def focus_field(self, section_id: str, path: FieldPath | None) -> None:
        """Focus the editor of the field at `path` (the deepest field holding it), or the
        form's first editor."""
        form = self.forms.get(section_id)
        if form is None:
            return
        holders = [
            w
            for w in form.query("FieldBox, MetricRow, ItemBox, ItemsEditor, MetricGrid")
            if path is not None and path[: len(w.path)] == w.path
        ]
        holder: Widget = max(holders, key=lambda w: len(w.path)) if holders else form
        editor = next((w for w in holder.query(EDITORS) if w.focusable), None)
        if editor is not None:
            editor.focus()
            editor.scroll_visible(animate=False)

    def rebuild_forms(self) -> None:
        for form in self.forms.values():
            form.remove()
        self.forms.clear()
        self.call_after_refresh(self.show_section, self.current)

    @on(OptionList.OptionSelected, "SectionList")
    def _sidebar_selected(self, event: OptionList.OptionSelected) -> None:
        spec_id = (event.option.id or "sec-meta").removeprefix("sec-")
        self.show_section(next(s for s in self.specs if s.id == spec_id))

    def _step(self, by: int) -> None:
        index = min(max(self.specs.index(self.current) + by, 0), len(self.specs) - 1)
        in_form = self.focused is not None and self.focused not in (
            self.query_one(SectionList),
            None,
        )
        self.show_section(self.specs[index], focus=in_form)

    def action_next_section(self) -> None:
        self._step(1)

    def action_previous_section(self) -> None:
        self._step(-1)

    # ---- editing --------------------------------------------------------------------------
    def on_field_changed(self, event: FieldChanged) -> None:
        try:
            changed = self.doc.set(event.path, event.value)
        except Exception as exc:  # never lose typed text: the journal first, then the error
            self.doc.write_journal()
            self.notify(
                f"这处修改没能写入（{type(exc).__name__}），已写入恢复日志。", severity="error"
            )
            return
        if not changed:
            return
        self.deleted = None  # ctrl+z is for the text now
        self.schedule_journal()
        try:
            self.refresh_views()
        except Exception:
            self.doc.write_journal()  # whatever fails in drawing, what was typed is kept
            raise
        self.show_save_state()
        self.schedule_findings()

    def schedule_journal(self) -> None:
        if self._journal_timer is None:
            self._journal_timer = self.set_timer(JOURNAL_DELAY, self._write_journal)

    async def on_item_action(self, event: ItemAction) -> None:
        i, editor = event.index, event.editor
        if event.action == "add":
            await editor.add_item()
            return
        items = self.doc.list_at(event.path)
        if i is None or i >= len(items):  # a box not typed into yet
            await editor.show_items(items, len(items) - 1 if items else None)
            return
        focus, button = i, event.action
        if event.action == "remove":
            self.deleted = (event.path, i, items[i])
            del items[i]
            button = "remove" if items else "text"
            self.notify(f"已删除第 {i + 1} 项（ctrl+z 撤销）。")
        elif event.action in ("up", "down"):
            j = i - 1 if event.action == "up" else i + 1
            if 0 <= j < len(items):
                items[i], items[j] = items[j], items[i]
                focus = j
        await self._items_changed(editor, items, focus, button)

    async def _items_changed(self, editor, items: list, focus: int | None, button: str) -> None:
        self.doc.dirty = True
        self.doc.validate()
        self.schedule_journal()
        self.forms[self.current.id].forget_fields()
        await editor.show_items(items, focus, button)
        self.refresh_views()
        self.show_save_state()
        self.schedule_findings()

    async def action_undo(self) -> None:
        if self.deleted is None:
            undo = self._focused_undo()
            if undo is not None:
                undo()
            return
        path, index, item = self.deleted
        self.deleted = None
        items = self.doc.list_at(path)
        items.insert(min(index, len(items)), item)
        section = next(s for s in self.specs if s.id == self._section_of(path))
        if section is not self.current:
            self.show_section(section)  # its form exists: the item was deleted there
        form = self.forms[section.id]
        editor = next(e for e in form.query("ItemsEditor") if e.path == path)
        await self._items_changed(editor, items, index, "text")
        self.notify(f"已恢复第 {index + 1} 项。")

    def _focused_undo(self):
        focused = self.focused
        return focused.action_undo if isinstance(focused, TextArea) else None

    def _section_of(self, path: FieldPath) -> str:
        from drafter.tui.findings import section_of_path

        return section_of_path(self.specs, path) or self.current.id

    def _write_journal(self) -> None:
        self._journal_timer = None
        self.doc.write_journal()
        self.show_save_state()

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
        self.show_preview()

    def show_preview(self) -> None:
        facts = self.doc.facts  # a new object after every change that validates
        shown = getattr(self, "_previewed", (None, None))
        if facts is not None and shown[0] is facts and shown[1] == self.current.id:
            return  # drawn already (a section's form reports its initial values on mount)
        self._previewed = (facts, self.current.id)
        text = preview(self.current, self.doc, self.today)
        self.query_one(SidePanel).show_preview(
            text, length(text) if self.doc.facts is not None else ""
        )

    # ---- findings -------------------------------------------------------------------------
    def schedule_findings(self, delay: float | None = None) -> None:
        """Check again once typing pauses (a check drafts the whole report: ~50 ms)."""
        if self._findings_timer is not None:
            self._findings_timer.stop()
        delay = FINDINGS_DELAY if delay is None else delay
        self._findings_timer = self.set_timer(max(delay, 0.01), self.update_findings)

    @work(exclusive=True, thread=True, group="findings")
    def update_findings(self) -> None:
        from drafter.tui.findings import form_findings

        self._findings_timer = None
        review = form_findings(self.doc, self.specs, self.today)
        if self.is_running:
            self.call_from_thread(self._show_findings, review)

    def _show_findings(self, review) -> None:
        self.findings = review
        for panel in self.query(SidePanel):  # none while the app closes
            panel.show_findings(review, self.labels)

    @on(OptionList.OptionSelected, "#findings")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        if (event.option.id or "").startswith("f"):
            self.jump(self.findings.placed[int(event.option.id[1:])])

    def action_check(self) -> None:
        from drafter.tui.findings import form_findings
        from drafter.tui.screens.findings import FindingsScreen

        self.findings = form_findings(self.doc, self.specs, self.today)
        self._show_findings(self.findings)
        self.push_screen(FindingsScreen(self.findings, self.labels), self.jump)

    def jump(self, placed) -> None:
        """To the finding's section, focusing its field (or the section's first field)."""
        if placed is None or placed.section is None:
            return
        spec = next(s for s in self.specs if s.id == placed.section)
        self.show_section(spec)
        self.call_after_refresh(self.focus_field, spec.id, placed.field)

    # ---- phrasings ------------------------------------------------------------------------
    def action_insert_phrasing(self) -> None:
        options = self.query_one("#phrasings", OptionList)
        focused = self.focused
        if options.highlighted is None or not isinstance(focused, TextArea) or focused.read_only:
            self.notify(
                "先在右下选中一条表述，再把光标放到正文框中，然后按 ctrl+t。", severity="warning"
            )
            return
        if options.highlighted >= len(self.phrasings):
            return
        focused.insert(self.filled(self.phrasings[options.highlighted]))

    def filled(self, phrasing: str) -> str:
        """Slots the form knows (issuer, year) filled; the rest 【待填：…】 for check to report."""
        year = self.doc.get(("meta", "year"))
        issuer = self.doc.get(("meta", "issuer"))
        return phrasing_slots().fill(
            phrasing,
            issuer if isinstance(issuer, str) else None,
            year if isinstance(year, int) else None,
        )

    # ---- help, palette and quitting -------------------------------------------------------
    def action_help(self) -> None:
        widget = self.focused
        topic = "（当前没有选中的字段）"
        while widget is not None:
            if getattr(widget, "help_text", None):
                topic = widget.help_text
                break
            widget = widget.parent
        self.push_screen(HelpScreen(topic, keys.help_lines(JOURNAL_DELAY)))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: str = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """On the status line above the footer (see widgets/status.py), never a toast."""
        text = f"{title}：{message}" if title else message
        lines = self.screen_stack[0].query(StatusLine) if self.screen_stack else []
        if lines:
            lines.first().show(text, severity, timeout)

    def action_help_quit(self) -> None:
        self.notify("按 ctrl+q 退出。", title="要退出吗？")

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="搜索命令…", id="--command-palette"))

    async def action_quit(self) -> None:
        if not self.doc.dirty:
            self.exit()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save_now()
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
        """In Chinese, from the same list as the footer and F1; Textual's own in Chinese too."""
        for _key, action, _label, name, text in keys.KEYS:
            yield SystemCommand(name, text, getattr(self, f"action_{action}"))
        yield SystemCommand("主题", "更换界面配色", self.action_change_theme)
        yield SystemCommand(
            "截图",
            "把当前屏幕保存为 SVG 图片",
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
