"""Screens as SVG snapshots at a fixed terminal size (pytest-textual-snapshot).
Update with: pytest tests/tui/test_snapshots.py --snapshot-update"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from drafter.tui.app import DrafterApp
from tests.conftest import EXAMPLES

SIZE = (100, 30)


@pytest.fixture
def app(tmp_path) -> DrafterApp:
    folder = tmp_path / "report"
    folder.mkdir()
    shutil.copy(EXAMPLES[0], folder / "facts.yaml")
    return DrafterApp(Path(folder / "facts.yaml"), today=dt.date(2027, 1, 10))


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE)


def test_section_form_with_an_error(snap_compare, app):
    async def break_a_metric(pilot):
        app.show_section(next(s for s in app.specs if s.id == "rules"))
        await pilot.pause()
        row = next(r for r in app.query("MetricRow") if r.metric.id == "normative_reviewed")
        row.query_one(".metric-value", Input).value = "-3"
        row.scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=break_a_metric)


def test_findings_list(snap_compare, app):
    async def empty_the_plans(pilot):
        await pilot.pause()
        app.doc.set(("next_year",), None)
        app.doc.set(("leader_duty",), None)
        await pilot.press("ctrl+k")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=empty_the_plans)
