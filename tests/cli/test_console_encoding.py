"""A GBK console (Windows, code page 936) cannot encode every character a report may contain;
the commands still finish and print what they can."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

NOT_IN_GBK = "\U0001f600"  # an emoji pasted into a report


def run_gbk(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args], cwd=cwd, env=env, capture_output=True
    )


def test_check_prints_a_character_gbk_lacks(tmp_path):
    with pytest.raises(UnicodeEncodeError):
        NOT_IN_GBK.encode("gbk")
    report = tmp_path / "报告 一.txt"
    report.write_text(
        f"示例县2026年度法治政府建设情况报告\n\n一、主要举措\n\n共办理XX件{NOT_IN_GBK}。\n",
        encoding="utf-8",
    )
    result = run_gbk("check", report.name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode("gbk", "replace")
    out = result.stdout.decode("gbk")
    assert "placeholder" in out or "占位" in out
    assert "共办理XX件?" in out  # the excerpt, with the character replaced
    assert b"Traceback" not in result.stderr


def test_usage_error_message_is_readable_in_gbk(tmp_path):
    result = run_gbk("draft", "没有 这个文件.yaml", "-o", "x.docx", cwd=tmp_path)
    assert result.returncode == 2
    assert "找不到事实文件" in result.stderr.decode("gbk")
