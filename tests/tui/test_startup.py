"""The first screen, built for speed (bench/tui_latency.py times it): the footer's keys drawn with
the rest and not redrawn when the focus moves, the preview drafted just after, the sidebar one
list whose entries show their state, and the garbage collector paused only while it starts."""

from __future__ import annotations

import datetime as dt
import gc

from textual.widgets import Input

from drafter.tui.app import DrafterApp
from drafter.tui.keys import HIDDEN, KEYS
from drafter.tui.widgets.side_panel import PREVIEW_PENDING
from tests.tui.conftest import goto, until

TODAY = dt.date(2027, 1, 10)
SIZE = (100, 30)


async def test_footer_keys_are_drawn_once_and_kept_when_the_focus_moves(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = list(app.query("FooterKey"))
        shown = [label for _, action, label, _, _ in KEYS if action not in HIDDEN]
        assert sorted(str(k.description) for k in keys) == sorted([*shown, "命令"])
        assert all(k.has_class("-compact") for k in keys)
        first, second = list(app.query_one("#form-meta").query(Input))[:2]
        first.focus()
        await pilot.pause()
        keys = list(app.query("FooterKey"))
        second.focus()  # the same keys in the same order: nothing to draw again
        await pilot.pause()
        assert app.focused is second
        assert list(app.query("FooterKey")) == keys and all(k.is_attached for k in keys)


async def test_preview_is_drafted_after_the_first_screen(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        preview = app.query_one("#preview")
        assert await until(pilot, lambda: preview.text != PREVIEW_PENDING)
        assert preview.text.startswith("示例县人民政府")
        assert app.query_one("#preview-title").render().plain.startswith("预览 ")


async def test_sidebar_draws_a_section_with_an_error_in_the_error_colour(facts_file):
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await goto(app, pilot, "disputes")
        sidebar = app.query_one("SectionList")
        row = next(r for r in form.query("MetricRow") if r.metric.id == "mediation_cases")
        row.query_one(".metric-value", Input).value = "-5"
        await pilot.pause()
        prompt = sidebar.get_option("sec-disputes").prompt
        assert "✗" in sidebar.entry_text("disputes")
        assert [s.style for s in prompt.spans] == ["$error"]
        assert not sidebar.get_option("sec-meta").prompt.spans  # sections without errors: plain


async def test_collector_runs_again_after_the_first_screen_and_nothing_stays_frozen(facts_file):
    DrafterApp(facts_file, today=TODAY)
    assert gc.isenabled()  # paused only while a running app builds its first screen
    app = DrafterApp(facts_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
