"""Ctrl-C during a folder check: one line saying so, exit 130, no traceback from any of the
processes sharing the folder (Ctrl-C reaches the whole process group), none left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT, SEEDS


def test_ctrl_c_during_a_folder_check(tmp_path):
    for n in range(1500):  # long enough to be interrupted while helpers work
        (tmp_path / f"r{n:04d}.txt").write_bytes(SEEDS[n % len(SEEDS)].read_bytes())
    run = subprocess.Popen(
        [sys.executable, "-m", "drafter", "check", "--no-progress", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        assert run.stdout is not None
        run.stdout.readline()  # the first report is written: the helpers start now
        time.sleep(0.3)
        os.killpg(run.pid, signal.SIGINT)
        out, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, err.decode()
    assert err.decode("utf-8") == "已中断。\n"
    group = subprocess.run(["pgrep", "-g", str(run.pid)], capture_output=True, text=True)
    assert group.stdout == ""  # no helper left behind
