"""A real terminal: tmux runs `drafter tui`; the screen shows the sections, typed keys reach the
form, the preview redraws, the footer's keys work from inside text fields (80×24), ctrl+s writes
the file, ctrl+q exits cleanly."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from drafter.formats.yaml_io import read_facts
from tests.conftest import EXAMPLES, require_tool

DRAFTER = Path(sys.executable).with_name("drafter")
# the test runner's COLUMNS/LINES (80×24) reach tmux's environment and would size the app
UNSIZED = "env -u COLUMNS -u LINES"
EXAMPLE = next(p for p in EXAMPLES if p.name == "county-2026.yaml")


def tmux(session: str, *args: str, check: bool = False) -> str:
    """tmux on a server of the session's own (`-L`): no test races with a server that another
    test (or anybody else on the machine) is starting or shutting down."""
    return subprocess.run(
        ["tmux", "-L", session, *args], capture_output=True, text=True, check=check
    ).stdout


def wait_for(session: str, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux(session, "capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared:\n{screen}")


def test_tui_in_tmux(tmp_path):
    require_tool("tmux")
    session = f"drafter-{os.getpid()}-{tmp_path.name}"
    facts = tmp_path / "new.yaml"
    command = f"cd {shlex.quote(str(tmp_path))} && {UNSIZED} {shlex.quote(str(DRAFTER))} tui --year 2026 --issuer 示例县人民政府 new.yaml; echo EXITED=$?; sleep 30"
    tmux(session, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command, check=True)
    tmux(session, "resize-window", "-t", session, "-x", "100", "-y", "30")
    try:
        wait_for(session, "基本信息")
        screen = wait_for(session, "示例县人民政府关于")  # the preview is drawn: the app is ready
        for label in ("主要举措和成效", "不足原因", "第一责任人", "下年安排"):
            assert label in screen
        tmux(session, "send-keys", "-t", session, "Tab")  # into the first field: the issuer
        time.sleep(0.5)
        tmux(session, "send-keys", "-t", session, "End")
        time.sleep(0.2)
        tmux(session, "send-keys", "-t", session, "-l", "办公室")
        wait_for(session, "示例县人民政府办公室")
        tmux(session, "send-keys", "-t", session, "C-s")
        deadline = time.monotonic() + 10
        while not facts.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert read_facts(facts).meta.issuer == "示例县人民政府办公室"
        tmux(session, "send-keys", "-t", session, "C-q")
        screen = wait_for(session, "EXITED=")
        assert "EXITED=0" in screen and "Traceback" not in screen
    finally:
        tmux(session, "kill-server")


def start(tmp_path: Path, size: tuple[int, int]) -> tuple[str, Path]:
    """`drafter tui` on a copy of the example in tmux; returns the session and the facts file."""
    require_tool("tmux")
    session = f"drafter-{os.getpid()}-{tmp_path.name}"
    facts = tmp_path / "facts.yaml"
    shutil.copy(EXAMPLE, facts)
    command = f"cd {shlex.quote(str(tmp_path))} && {UNSIZED} {shlex.quote(str(DRAFTER))} tui facts.yaml; echo EXITED=$?; sleep 30"
    tmux(
        session,
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        str(size[0]),
        "-y",
        str(size[1]),
        command,
        check=True,
    )
    # a running tmux server may size new windows by its default: set the size explicitly
    tmux(session, "resize-window", "-t", session, "-x", str(size[0]), "-y", str(size[1]))
    wait_for(session, "示例县人民政府关于")
    return session, facts


def keys(session: str, *names: str, literal: bool = False) -> None:
    tmux(session, "send-keys", "-t", session, *(["-l"] if literal else []), *names)
    time.sleep(0.4)


def test_preview_redraws_on_every_keystroke_in_a_terminal(tmp_path):
    session, _ = start(tmp_path, (100, 30))
    try:
        keys(session, "Tab")
        keys(session, "End")
        keys(session, "甲", literal=True)
        wait_for(session, "示例县人民政府甲关于")  # the preview's first line at 100 columns
        keys(session, "乙", literal=True)
        wait_for(session, "示例县人民政府甲乙关于")
    finally:
        tmux(session, "kill-server")


def test_footer_keys_reach_the_app_from_text_fields_at_80x24(tmp_path):
    session, facts = start(tmp_path, (80, 24))
    try:
        deadline = time.monotonic() + 10  # until the app has its 24 rows (footer at the bottom)
        footer = ""
        while "保存" not in footer and time.monotonic() < deadline:
            footer = tmux(session, "capture-pane", "-t", session, "-p").rstrip().splitlines()[-1]
            time.sleep(0.2)
        for label in ("保存", "生成", "检查", "导入", "F7", "F8", "^t", "F1", "命令"):
            assert label in footer, (label, footer)
        keys(session, "Tab")  # into the issuer
        keys(session, "Home")
        keys(session, "C-k")  # the checker, not "delete to the end of the line"
        wait_for(session, "检查结果")
        keys(session, "Escape")
        deadline = time.monotonic() + 10  # until the dialog is closed
        while "检查结果" in tmux(session, "capture-pane", "-t", session, "-p"):
            assert time.monotonic() < deadline, "the findings dialog did not close"
            time.sleep(0.2)
        time.sleep(0.5)  # a lone Esc then F8 at once would read as alt+F8
        keys(session, "F8")  # from inside the field: the next section, focus in its form
        wait_for(session, "本部分总述")
        keys(session, "乙", literal=True)
        keys(session, "C-s")
        deadline = time.monotonic() + 10
        while "乙" not in facts.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)
        saved = read_facts(facts)
        assert saved.meta.issuer == "示例县人民政府"  # ctrl+k deleted nothing
        assert (saved.measures.intro or "").startswith("乙")  # F8 kept the focus in the form
        keys(session, "C-q")
        assert "EXITED=0" in wait_for(session, "EXITED=")
    finally:
        tmux(session, "kill-server")
