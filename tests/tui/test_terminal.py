"""A real terminal: tmux runs `drafter tui` on a new file at 100×30; the screen shows the
sections, typed keys reach the form, ctrl+s writes the file, ctrl+q exits cleanly."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path

from drafter.formats.yaml_io import read_facts
from tests.conftest import require_tool

DRAFTER = Path(sys.executable).with_name("drafter")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def wait_for(session: str, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared:\n{screen}")


def test_tui_in_tmux(tmp_path):
    require_tool("tmux")
    session = f"drafter-{tmp_path.name}"
    facts = tmp_path / "new.yaml"
    command = f"cd {shlex.quote(str(tmp_path))} && {shlex.quote(str(DRAFTER))} tui --year 2026 --issuer 示例县人民政府 new.yaml; echo EXITED=$?; sleep 30"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], check=True
    )
    try:
        wait_for(session, "基本信息")
        screen = wait_for(session, "示例县人民政府关于")  # the preview is drawn: the app is ready
        for label in ("主要举措和成效", "不足原因", "第一责任人", "下年安排"):
            assert label in screen
        tmux("send-keys", "-t", session, "Tab")  # into the first field: the issuer
        time.sleep(0.5)
        tmux("send-keys", "-t", session, "End")
        time.sleep(0.2)
        tmux("send-keys", "-t", session, "-l", "办公室")
        wait_for(session, "示例县人民政府办公室")
        tmux("send-keys", "-t", session, "C-s")
        deadline = time.monotonic() + 10
        while not facts.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert read_facts(facts).meta.issuer == "示例县人民政府办公室"
        tmux("send-keys", "-t", session, "C-q")
        screen = wait_for(session, "EXITED=")
        assert "EXITED=0" in screen and "Traceback" not in screen
    finally:
        tmux("kill-session", "-t", session)
