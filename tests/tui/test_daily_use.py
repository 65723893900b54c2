"""Issue 13: the form for a whole afternoon's use, driven through Pilot. Each test names the
defect it guards; all of them failed on the form before the fix."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from rich.cells import cell_len
from textual.command import CommandPalette
from textual.widgets import Button, Checkbox, Input, Label, OptionList, TextArea

from drafter.formats.facts_document import journal_path
from drafter.formats.yaml_io import read_facts
from drafter.tui.app import JOURNAL_DELAY, DrafterApp
from drafter.tui.screens.dialogs import Ask, AskPath
from drafter.tui.screens.findings import FindingsScreen
from drafter.tui.screens.help import HelpScreen
from tests.conftest import SEEDS
from tests.tui.conftest import goto, import_report, press, until

TODAY = dt.date(2027, 1, 10)
SMALL = (80, 24)


def shown_preview(app) -> str:
    """What the preview draws on screen now (not its text attribute)."""
    preview = app.query_one("#preview")
    return "".join(
        "".join(segment.text for segment in preview.render_line(y))
        for y in range(preview.size.height)
    ).replace(" ", "")


def screen_text(app) -> str:
    """The text drawn on screen, as in the SVG screenshot."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def in_form(app, section_id) -> bool:
    return app.focused is not None and any(
        a.id == f"form-{section_id}" for a in app.focused.ancestors
    )


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char)
    await pilot.pause()


# ---- a crash that loses work ----------------------------------------------------------------
async def test_typing_into_a_plain_string_item_keeps_the_text(facts_file, monkeypatch):
    import drafter.tui.app as app_module

    monkeypatch.setattr(app_module, "JOURNAL_DELAY", 0.05)
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "shortcomings")
        area = next(b for b in form.query("ItemBox")).query_one("#text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await type_text(pilot, "甲")
        assert await until(pilot, journal_path(facts_file).exists)
        assert app.is_running
        assert app.doc.get(("shortcomings", "items", 0)).endswith("需要加强。甲"[-1:])
        assert "甲" in journal_path(facts_file).read_text(encoding="utf-8")
        assert not app.doc.problems


async def test_a_failing_edit_writes_the_journal_and_keeps_the_app(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "meta")
        form.query_one("TextField Input", Input).value = "示例县人民政府办公室"
        await pilot.pause()

        def broken(path, value):
            raise RuntimeError("boom")

        app.doc.set = broken
        form.query_one("TextField Input", Input).value = "示例县人民政府办"
        await pilot.pause()
        assert app.is_running
        assert "示例县人民政府办公室" in journal_path(facts_file).read_text(encoding="utf-8")


async def test_a_crash_while_drawing_keeps_the_typed_text(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    with pytest.raises(RuntimeError, match="boom"):
        async with app.run_test(size=(100, 30)) as pilot:
            form = await goto(app, pilot, "meta")

            def broken():
                raise RuntimeError("boom")

            app.refresh_views = broken
            form.query_one("TextField Input", Input).value = "示例县人民政府办公室"
            await pilot.pause()
    assert "示例县人民政府办公室" in journal_path(facts_file).read_text(encoding="utf-8")


# ---- preview ----------------------------------------------------------------------------------
async def test_preview_follows_every_keystroke(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "meta")
        issuer = form.query_one("TextField Input", Input)
        issuer.focus()
        await pilot.press("end")
        for typed in ("甲", "乙", "丙"):
            await type_text(pilot, typed)
            assert f"示例县人民政府{'甲乙丙'[: '甲乙丙'.index(typed) + 1]}关于" in shown_preview(
                app
            )


async def test_preview_after_f8_shows_the_new_section_and_keeps_focus(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "disputes")
        form.query_one(TextArea).focus()
        await pilot.pause()
        before = shown_preview(app)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.pause()
        assert app.current.id == "capacity"
        assert shown_preview(app) != before and "依法行政能力" in shown_preview(app)
        assert in_form(app, "capacity")  # focus moved with the form, not lost
        await pilot.press("f7")
        await pilot.pause()
        await pilot.pause()
        assert shown_preview(app) == before and in_form(app, "disputes")


async def test_preview_shows_the_current_date_error(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "meta")
        date = next(f for f in form.query("TextField") if f.path == ("meta", "date"))
        date.query_one(Input).value = "2027-1"
        await pilot.pause()
        first = shown_preview(app)
        assert "✗" in first
        date.query_one(Input).value = "2026-12-01"  # a date, but within the report's year
        await pilot.pause()
        assert "应在报告年度" in shown_preview(app) and shown_preview(app) != first
        date.query_one(Input).value = "2027-01-20"
        await pilot.pause()
        assert "✗" not in shown_preview(app)
        assert "2027年1月20日" in app.query_one("#preview", TextArea).text


async def test_preview_title_counts_characters_and_pages(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await goto(app, pilot, "disputes")
        title = str(app.query_one("#preview-title", Label).render())
        assert "字/" in title and title.endswith("页")


# ---- keys in text fields --------------------------------------------------------------------
@pytest.mark.parametrize("editor", ["input", "textarea"])
async def test_ctrl_k_checks_and_never_deletes_text(facts_file, editor):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "meta")
        widget = form.query_one(Input if editor == "input" else TextArea)
        before = widget.value if editor == "input" else widget.text
        widget.focus()
        await pilot.press("home")
        await press(pilot, "ctrl+k")
        assert isinstance(app.screen, FindingsScreen)
        after = widget.value if editor == "input" else widget.text
        assert after == before


async def test_every_footer_key_works_inside_a_paragraph(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "disputes")
        area = form.query_one(TextArea)
        area.focus()
        await pilot.press("f7")
        await pilot.pause()
        assert app.current.id == "supervision"
        await pilot.press("f8")
        await pilot.pause()
        assert app.current.id == "disputes"
        for key, screen in (("f1", HelpScreen), ("ctrl+g", (Ask, AskPath)), ("ctrl+o", AskPath)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen), key
            await pilot.press("escape")
            await pilot.pause()
        footer = {b.binding.key for b in app.active_bindings.values() if b.binding.show}
        assert {"ctrl+s", "ctrl+g", "ctrl+k", "ctrl+o", "f7", "f8", "ctrl+t", "f1"} <= footer


# ---- phrasings --------------------------------------------------------------------------------
async def test_inserted_phrasing_has_no_raw_slots_and_is_checked(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "disputes")
        options = app.query_one("#phrasings", OptionList)
        raw = app.phrasings
        index = next(i for i, p in enumerate(raw) if "{n}" in p)
        options.highlighted = index
        area = form.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press("ctrl+t")
        await pilot.pause()
        intro = app.doc.get(("measures", "areas", "disputes", "intro"))
        assert "{" not in intro and "【待填：数字】" in intro
        await press(pilot, "ctrl+k")
        placed = [p for p in app.screen.review.placed if p.finding.code == "placeholder"]
        assert placed and placed[0].section == "disputes"
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert not any("{" in s for s in shown)


# ---- adding, removing and restoring items ---------------------------------------------------
async def test_adding_an_item_keeps_the_form_and_focus_and_saves_clean(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "next_year")
        editor = form.query_one("ItemsEditor")
        count = len(app.doc.get(("next_year", "items")))
        add = editor.query_one("#add", Button)
        add.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#form-next_year") is form and editor.is_attached  # not rebuilt
        box = list(editor.query("ItemBox"))[-1]
        assert app.focused is box.query_one("#text", TextArea)
        assert not app.doc.problems and "✗" not in app.query_one("SectionList").entry_text(
            "next_year"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(read_facts(facts_file).next_year.items) == count  # nothing half-added
        await type_text(pilot, "加强")
        assert app.doc.get(("next_year", "items", count, "text")) == "加强"
        assert not app.doc.problems
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_facts(facts_file).next_year.items[-1].text == "加强"


async def test_deleted_item_comes_back_with_ctrl_z(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "next_year")
        before = [dict(i) for i in app.doc.get(("next_year", "items"))]
        list(form.query("ItemBox"))[1].query_one("#remove", Button).press()
        await pilot.pause()
        await pilot.pause()
        assert len(app.doc.get(("next_year", "items"))) == len(before) - 1
        # a deletion is journaled like typing
        assert await until(pilot, lambda: "已写入恢复日志" in app.sub_title, JOURNAL_DELAY + 10)
        assert journal_path(facts_file).exists()
        # the message keeps its full-width characters on screen (a toast drew 「项（」 blank)
        assert "已删除第 2 项（ctrl+z 撤销）。" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        assert [dict(i) for i in app.doc.get(("next_year", "items"))] == before
        assert len(app.query_one("#form-next_year").query("ItemBox")) == len(before)


# ---- 80×24 --------------------------------------------------------------------------------------
def whole(widget) -> bool:
    """The widget's text fits its region on screen."""
    text = str(widget.render()) if not isinstance(widget, Button | Checkbox) else str(widget.label)
    return widget.region.width >= cell_len(text) and widget.region.height >= 1


async def test_80x24_labels_are_whole(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        form = await goto(app, pilot, "disputes")
        for row in form.query("MetricRow"):
            row.scroll_visible(animate=False)
            await pilot.pause()
            assert whole(row.query_one(".metric-name", Label)), row.metric.name
        box = next(iter(form.query("ItemBox")))
        box.scroll_visible(animate=False, top=True)
        await pilot.pause()
        for widget in (box.query_one("#remove", Button), box.query_one("#carried", Checkbox)):
            assert widget.display and whole(widget) and widget.region.right <= form.region.right
        footer = app.query_one("Footer")
        keys = list(footer.query("FooterKey"))
        assert len(keys) >= 9 and all(k.region.right <= SMALL[0] for k in keys)


# ---- findings ---------------------------------------------------------------------------------
async def test_enter_on_a_finding_focuses_its_field(luancheng_file):
    app = DrafterApp(luancheng_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+k")
        review = app.screen.review
        index = next(i for i, p in enumerate(review.placed) if p.section == "shortcomings")
        app.screen.query_one(OptionList).highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.current.id == "shortcomings" and in_form(app, "shortcomings")
        await type_text(pilot, "一是")
        assert "一是" in str(app.doc.get(("shortcomings",)))


async def test_invalid_value_finding_carries_its_field_and_focuses_it(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "rules")
        row = next(r for r in form.query("MetricRow") if r.metric.id == "normative_reviewed")
        row.query_one(".metric-value", Input).value = "-3"
        await pilot.pause()
        await goto(app, pilot, "meta")
        await press(pilot, "ctrl+k")
        placed = app.screen.review.placed
        assert placed[0].finding.code == "facts-invalid"
        assert placed[0].finding.field[:4] == ("measures", "areas", "rules", "metrics")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.focused is row.query_one(".metric-value", Input)


async def test_findings_panel_updates_after_typing(facts_file, monkeypatch):
    import drafter.tui.app as app_module

    monkeypatch.setattr(app_module, "FINDINGS_DELAY", 0.05)
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "disputes")
        area = form.query_one(TextArea)
        area.focus()
        await type_text(pilot, "XX")
        await until(
            pilot, lambda: app.findings.placed
        )  # the check runs in a thread once typing pauses
        options = app.query_one("#findings", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("矛盾纠纷化解" in p and "XX" in p for p in prompts), prompts
        assert "提醒（" in str(app.query_one("#findings-title", Label).render())


# ---- generate and import ----------------------------------------------------------------------
async def test_generate_lists_what_is_unfilled_and_the_notes_can_be_opened(luancheng_file):
    app = DrafterApp(luancheng_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, Ask) and "【待填写】" in app.screen.question
        assert "存在的不足和原因" in app.screen.question
        await pilot.click("#generate")
        await pilot.pause()
        assert isinstance(app.screen, AskPath)
        await pilot.press("enter")
        await pilot.pause()
        assert luancheng_file.with_suffix(".docx").exists()
        await press(pilot, "ctrl+k")
        assert isinstance(app.screen, FindingsScreen) and app.screen.review.notes


async def test_generate_can_be_declined(luancheng_file):
    app = DrafterApp(luancheng_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+g")
        await pilot.click("#cancel")
        await pilot.pause()
    assert not luancheng_file.with_suffix(".docx").exists()


async def test_import_says_what_will_change_and_asks(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await import_report(pilot, SEEDS[0])
        assert isinstance(app.screen, Ask)
        question = app.screen.question
        assert "报告所述年度：2026 →" in question and "示例县人民政府 →" in question
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.doc.get(("meta", "year")) == 2026 and not app.doc.dirty


# ---- Chinese throughout, saving ---------------------------------------------------------------
async def test_command_palette_and_footer_are_chinese(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles and all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in titles)
        labels = [str(k.description) for k in app.query("FooterKey")]
        assert "palette" not in labels and "命令" in labels
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "搜索命令…"


async def test_help_lists_every_key_and_the_real_journal_delay(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(app.screen.keys)
        for binding in app.BINDINGS:
            shown = binding.key_display or binding.key.replace("ctrl+", "^")
            assert shown in text, binding.key
        assert f"{JOURNAL_DELAY:g} 秒" in text and "两秒" not in text


async def test_save_state_is_visible_and_dates_stay_unquoted(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await goto(app, pilot, "meta")
        assert app.sub_title.endswith("已保存")
        date = next(f for f in form.query("TextField") if f.path == ("meta", "date"))
        date.query_one(Input).value = "2027-01-20"
        await pilot.pause()
        assert "未保存" in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.sub_title.endswith("已保存")
    text = facts_file.read_text(encoding="utf-8")
    assert "  date: 2027-01-20\n" in text
