"""Windows consoles and pipes may encode in GBK (code page 936). Redirected output is a file's
content and stays UTF-8; messages on a GBK console stay readable (Python escapes on stderr what
GBK lacks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

NOT_IN_GBK = "\U0001f600"  # an emoji pasted into a report or a file name


def run_gbk(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args], cwd=cwd, env=env, capture_output=True
    )


def test_the_test_character_is_outside_gbk():
    with pytest.raises(UnicodeEncodeError):
        NOT_IN_GBK.encode("gbk")


def test_redirected_output_is_utf8(tmp_path):
    schema = run_gbk("schema", cwd=tmp_path)
    assert schema.returncode == 0
    assert (
        json.loads(schema.stdout.decode("utf-8"))["properties"]["meta"]["title"] == "报告基本信息"
    )
    skeleton = run_gbk("new", "--year", "2026", "--issuer", "示例县人民政府", cwd=tmp_path)
    (tmp_path / "facts.yaml").write_bytes(skeleton.stdout)
    drafted = run_gbk("draft", "facts.yaml", "-o", "报告.docx", cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr.decode("gbk", "replace")


def test_report_text_with_a_character_gbk_lacks(tmp_path):
    report = tmp_path / "报告 一.txt"
    report.write_text(
        f"示例县2026年度法治政府建设情况报告\n\n一、主要举措\n\n共办理XX件{NOT_IN_GBK}。\n",
        encoding="utf-8",
    )
    result = run_gbk("check", report.name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode("gbk", "replace")
    assert f"共办理XX件{NOT_IN_GBK}" in result.stdout.decode("utf-8")
    assert b"Traceback" not in result.stderr


def test_messages_on_a_gbk_console_stay_readable(tmp_path):
    result = run_gbk("draft", f"没有{NOT_IN_GBK}.yaml", "-o", "x.docx", cwd=tmp_path)
    assert result.returncode == 2
    message = result.stderr.decode("gbk")
    assert "找不到事实文件：没有" in message and b"Traceback" not in result.stderr


def test_gbk_terminal_prints_what_it_can(tmp_path):
    """stdout a GBK terminal (a pseudo-terminal here): the emoji becomes "?", the rest prints."""
    pty = pytest.importorskip("pty")  # POSIX test machinery; the code under test is not
    report = tmp_path / "报告.txt"
    report.write_text(f"示例县2026年度法治政府建设情况报告\n\n共办理XX件{NOT_IN_GBK}。\n", "utf-8")
    main, terminal = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0", "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "check", report.name, "--no-progress"],
        cwd=tmp_path,
        env=env,
        stdout=terminal,
        stderr=subprocess.PIPE,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    code, err = process.wait(timeout=60), process.stderr.read()
    os.close(main)
    assert code == 1 and b"Traceback" not in err, err.decode("gbk", "replace")
    assert "共办理XX件?" in b"".join(chunks).decode("gbk")
