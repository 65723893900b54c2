"""Screens as SVG snapshots at 80×24 (the smallest supported terminal) and 120×40
(pytest-textual-snapshot). Update with: pytest tests/tui/test_snapshots.py --snapshot-update"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from drafter.tui.app import DrafterApp
from tests.conftest import EXAMPLES

SIZES = [(80, 24), (120, 40)]
COUNTY = next(p for p in EXAMPLES if p.name == "county-2026.yaml")
LUANCHENG = next(p for p in EXAMPLES if p.name == "luancheng-2024.yaml")


@pytest.fixture(autouse=True)
def no_background_check(monkeypatch):
    """The findings panel fills in a thread after start-up: not at a moment a snapshot could
    catch or miss. Screens that show findings ask for them (ctrl+k, ctrl+g)."""
    import drafter.tui.app as app_module

    monkeypatch.setattr(app_module, "STARTUP_FINDINGS_DELAY", 600)
    monkeypatch.setattr(app_module, "FINDINGS_DELAY", 600)
    monkeypatch.setattr(app_module, "JOURNAL_DELAY", 600)  # the header's save state, likewise


def make_app(tmp_path, example: Path = COUNTY) -> DrafterApp:
    folder = tmp_path / "report"
    folder.mkdir()
    shutil.copy(example, folder / "facts.yaml")
    return DrafterApp(Path(folder / "facts.yaml"), today=dt.date(2027, 1, 10))


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, tmp_path, size):
    assert snap_compare(make_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_metrics_form_with_an_error(snap_compare, tmp_path, size):
    app = make_app(tmp_path)

    async def break_a_metric(pilot):
        app.show_section(next(s for s in app.specs if s.id == "rules"))
        await pilot.pause()
        row = next(r for r in app.query("MetricRow") if r.metric.id == "normative_reviewed")
        row.query_one(".metric-value", Input).value = "-3"
        row.scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=break_a_metric)


@pytest.mark.parametrize("size", SIZES)
def test_items_with_a_deleted_one(snap_compare, tmp_path, size):
    """删除 and 沿用上年 whole; the toast after deleting keeps its full-width characters."""
    app = make_app(tmp_path)

    async def delete_the_first(pilot):
        app.show_section(next(s for s in app.specs if s.id == "next_year"))
        await pilot.pause()
        box = next(iter(app.query("ItemBox")))
        box.query_one("#remove", Button).press()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=delete_the_first)


DIALOGS = [("ctrl+k", LUANCHENG), ("ctrl+g", LUANCHENG), ("f1", COUNTY)]  # findings, generate, help


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("key", "example"), DIALOGS, ids=["findings", "generate", "help"])
def test_dialog(snap_compare, tmp_path, size, key, example):
    async def press(pilot):
        await pilot.press(key)
        await settle(pilot)

    assert snap_compare(make_app(tmp_path, example), terminal_size=size, run_before=press)
