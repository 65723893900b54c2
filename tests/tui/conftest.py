"""Shared Pilot helpers: a copy of an example to edit, and going to a section's form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

COUNTY = next(p for p in EXAMPLES if p.name == "county-2026.yaml")
LUANCHENG = next(p for p in EXAMPLES if p.name == "luancheng-2024.yaml")  # lacks two contents


@pytest.fixture
def facts_file(tmp_path) -> Path:
    path = tmp_path / "facts.yaml"
    shutil.copy(COUNTY, path)
    return path


@pytest.fixture
def luancheng_file(tmp_path) -> Path:
    path = tmp_path / "facts.yaml"
    shutil.copy(LUANCHENG, path)
    return path


def spec(app, section_id):
    return next(s for s in app.specs if s.id == section_id)


async def goto(app, pilot, section_id):
    app.show_section(spec(app, section_id))
    await pilot.pause()
    await pilot.pause()
    return app.query_one(f"#form-{section_id}")


async def until(pilot, condition, timeout: float = 10.0) -> bool:
    """Let the app run until condition() holds: timers and threads are slow on a loaded CI machine."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def import_report(pilot, source: Path) -> None:
    """ctrl+o, the path of last year's report, enter: the question that follows is on screen."""
    from textual.widgets import Input

    await press(pilot, "ctrl+o")
    pilot.app.screen.query_one(Input).value = str(source)
    await press(pilot, "enter")
