"""The form driven through Pilot: open, edit, validate, save, generate, check, recover, quit."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList, TextArea

from drafter.batch import Options, check_file
from drafter.formats.facts_document import journal_path
from drafter.formats.yaml_io import read_facts
from drafter.tui import app as app_module
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import Ask, AskPath
from drafter.tui.screens.findings import FindingsScreen
from drafter.tui.screens.help import HelpScreen
from tests.conftest import EXAMPLES, SEEDS
from tests.tui.conftest import goto, import_report, press, until

TODAY = dt.date(2027, 1, 10)
SIZE = (100, 30)


def metric_input(form, metric_id, which=".metric-value") -> Input:
    row = next(r for r in form.query("MetricRow") if r.metric.id == metric_id)
    return row.query_one(which, Input)


async def test_open_is_clean_and_every_section_is_reachable(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.doc.dirty and not app.doc.problems
        sidebar = app.query_one("SectionList")
        for index, section in enumerate(app.specs):
            sidebar.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            assert app.current.id == section.id
            assert app.query_one("#forms").current == f"form-{section.id}"
        facts_sections = {"meta", "measures", "shortcomings", "leader_duty", "next_year", "other"}
        assert facts_sections | {a for a in type(app.doc.facts.measures.areas).model_fields} == {
            s.id for s in app.specs
        }


async def test_required_contents_visible_on_first_screen_80x24(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.export_screenshot()
        for label in ("基本信息", "主要举措和成效", "不足原因", "第一责任人", "下年安排"):
            assert label in screen


async def test_fill_metric_add_highlight_save_reload(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "emergency")
        metric_input(form, "emergency_drills").value = "70"
        metric_input(form, "emergency_drills", ".metric-previous").value = "63"
        await pilot.pause()
        assert "开展应急演练：同比增长11.1%" in str(form.query_one(".derived").render())
        add = app.query_one("#form-emergency #add")
        add.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(add)
        await pilot.pause()
        form = app.query_one("#form-emergency")
        box = list(form.query("ItemBox"))[-1]
        box.query_one("#heading", Input).value = "开展防汛演练"
        box.query_one("#text", TextArea).text = "汛前组织县乡两级开展防汛抢险综合演练。"
        await pilot.pause()
        assert not app.doc.problems
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.doc.dirty and not journal_path(facts_file).exists()
    facts = read_facts(facts_file)
    area = facts.measures.areas.emergency
    assert (
        area.metrics.emergency_drills.value == 70 and area.metrics.emergency_drills.previous == 63
    )
    assert area.highlights[-1].heading == "开展防汛演练"
    text = facts_file.read_text(encoding="utf-8")
    assert (
        text.startswith("# yaml-language-server")
        and "emergency_drills: {value: 70, previous: 63}" in text
    )


async def test_invalid_value_shows_error_and_blocks_generating(facts_file, tmp_path):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "disputes")
        metric_input(form, "mediation_success").value = "2000"  # more than the 1178 received
        await pilot.pause()
        row = next(r for r in form.query("MetricRow") if r.metric.id == "mediation_success")
        assert "不能大于" in str(row.query_one(".field-error").render())
        assert "✗" in app.query_one("SectionList").entry_text("disputes")
        metric_input(form, "mediation_cases").value = "-5"
        await pilot.pause()
        await press(pilot, "ctrl+g")
        assert not isinstance(app.screen, AskPath)  # blocked: nothing asked, nothing written
    assert not (tmp_path / "facts.docx").exists()


async def test_generate_writes_a_docx_that_checks_clean(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    target = facts_file.with_suffix(".docx")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, AskPath)
        assert app.screen.query_one(Input).value == str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists()
        # a second time it asks before overwriting; "cancel" keeps the file
        before = target.stat().st_mtime_ns
        await press(pilot, "ctrl+g")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        await pilot.click("#cancel")
        await pilot.pause()
        assert target.stat().st_mtime_ns == before
    assert check_file(target, Options()).findings == []


async def test_check_lists_findings_and_jumps(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text(EXAMPLES[1].read_text(encoding="utf-8"), encoding="utf-8")  # lacks two contents
    app = DrafterApp(path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+k")
        assert isinstance(app.screen, FindingsScreen)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("待填写" in p for p in prompts)
        first = next(i for i, p in enumerate(prompts) if "存在的不足和原因" in p)
        options.highlighted = first
        await pilot.press("enter")
        await pilot.pause()
        assert app.current.id == "shortcomings"


async def test_journal_written_and_restored_after_a_crash(facts_file, monkeypatch):
    monkeypatch.setattr(app_module, "JOURNAL_DELAY", 0.05)
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "meta")
        form.query_one("TextField Input", Input).value = "示例县人民政府（修改）"
        assert await until(pilot, journal_path(facts_file).exists)
        # the process dies here: no save, no quit
    assert "修改" not in facts_file.read_text(encoding="utf-8")
    again = DrafterApp(facts_file, today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, Ask)
        await pilot.click("#restore")
        await pilot.pause()
        assert again.doc.get(("meta", "issuer")) == "示例县人民政府（修改）" and again.doc.dirty


async def test_quit_asks_when_there_are_unsaved_changes(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "meta")
        form.query_one("TextField Input", Input).value = "另一个县人民政府"
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Ask) and app.is_running
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
    assert read_facts(facts_file).meta.issuer == "另一个县人民政府"


async def test_new_file_starts_from_the_skeleton(tmp_path):
    path = tmp_path / "new.yaml"
    app = DrafterApp(path, year=2026, issuer="示例县人民政府", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not path.exists() and app.doc.dirty
        assert app.doc.get(("meta", "year")) == 2026
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = path.read_text(encoding="utf-8")
    assert "# 发文机关全称" in text and read_facts(path).meta.issuer == "示例县人民政府"


async def test_import_last_years_report(tmp_path):
    path = tmp_path / "new.yaml"
    app = DrafterApp(path, year=2025, issuer="石家庄市栾城区人民政府", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await import_report(pilot, SEEDS[0])
        await pilot.click("#replace")
        await pilot.pause()
        assert (
            app.doc.get(("measures", "areas", "disputes", "metrics", "review_accepted", "previous"))
            == 184
        )
        assert "◐" in app.query_one("SectionList").entry_text("disputes")  # carried over: partly


async def test_f1_explains_the_focused_field(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "meta")
        form.query_one("TextField Input", Input).focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and "发文机关全称" in app.screen.topic


async def test_phrasing_inserted_into_the_focused_paragraph(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "functions")
        options = app.query_one("#phrasings", OptionList)
        options.highlighted = 0
        phrase = str(options.get_option_at_index(0).prompt)
        area = form.query_one(TextArea)
        area.focus()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert phrase in area.text and phrase in (
            app.doc.get(("measures", "areas", "functions", "intro")) or ""
        )


async def test_items_are_removed_and_reordered(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "next_year")
        before = [i["heading"] for i in app.doc.get(("next_year", "items"))]
        second = list(form.query("ItemBox"))[1]
        second.query_one("#up").press()
        await pilot.pause()
        await pilot.pause()
        after = [i["heading"] for i in app.doc.get(("next_year", "items"))]
        assert after == [before[1], before[0], *before[2:]]
        form = app.query_one("#form-next_year")
        list(form.query("ItemBox"))[0].query_one("#remove").press()
        await pilot.pause()
        await pilot.pause()
        assert [i["heading"] for i in app.doc.get(("next_year", "items"))] == [
            before[0],
            *before[2:],
        ]
        assert len(app.query_one("#form-next_year").query("ItemBox")) == len(before) - 1
        assert app.doc.dirty and not app.doc.problems
