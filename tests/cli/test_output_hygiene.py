"""What reaches the terminal and the exit code on odd streams and arguments: control characters
shown visibly, a closed pipe, a stdout that cannot encode Chinese, bounded --year, the right file
named for --previous and --model, and skipped subfolders said."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from drafter.control_chars import visible
from tests.conftest import ROOT, SEEDS
from tests.support import hostile


def test_visible_escapes():
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\x1b]52;c;ZWNobw==\x07") == "\\x1b]52;c;ZWNobw==\\x07"
    assert visible("\u009b2J\u202e") == "\\x9b2J\\u202e"
    assert visible("行一\n\t行二") == "行一\n\t行二"


def test_report_text_shows_control_characters(tmp_path, cli):
    path = tmp_path / "escapes.docx"
    path.write_bytes(hostile.escape_sequences_docx())
    for verb in (["check", path], ["outline", path]):
        result = cli(*verb)
        assert "\u009b" not in result.out and "\u202e" not in result.out
    text = tmp_path / "escapes.txt"
    text.write_bytes("某县2025年度法治政府建设情况报告\n\x1b[2J\x1b]52;c;eA==\x07正文\n".encode())
    result = cli("check", text)
    assert "\x1b" not in result.out and "\x07" not in result.out


def test_broken_pipe(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "check", *map(str, SEEDS), "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode("utf-8", errors="replace")
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "gbk"}, {"LANG": "C", "LC_ALL": "C"}],
    ids=["ascii", "gbk", "lang-c"],
)
def test_stdout_that_cannot_encode(tmp_path, env):
    report = tmp_path / "r.txt"  # 「𝟘」 and 「²」 are not in GBK
    report.write_text(SEEDS[0].read_text(encoding="utf-8") + "\n𝟘²\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "check", str(report), "--no-progress"],
        capture_output=True,
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}, **env},
        timeout=60,
    )
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    assert b"statutory-missing" in done.stdout


@pytest.mark.parametrize("value", ["-5", "99999", "1989", "二〇二六"])
@pytest.mark.parametrize(
    "verb",
    [
        ["check", SEEDS[0]],
        ["outline", SEEDS[0]],
        ["extract", SEEDS[0]],
        ["new", "--issuer", "示例县人民政府"],
        ["tui", "x.yaml"],
    ],
    ids=["check", "outline", "extract", "new", "tui"],
)
def test_year_out_of_range_is_usage_error(cli, verb, value):
    result = cli(*verb, "--year", value)
    assert result.code == 2 and "年度" in result.err


def test_bad_previous_is_named(tmp_path, cli):
    previous = tmp_path / "last-year.docx"
    previous.write_bytes(b"not a zip")
    result = cli("check", SEEDS[0], "--previous", previous)
    assert result.code == 2 and "去年的报告无法读取" in result.err
    assert str(previous) in result.err and str(SEEDS[0]) not in result.err
    assert result.out == ""


@pytest.mark.parametrize("content", [b"sections: [1, 2\n", b"\xff\xfe\x00bad", b"- a list\n"])
def test_bad_model_is_named(tmp_path, cli, content):
    model = tmp_path / "model.yaml"
    model.write_bytes(content)
    result = cli("check", SEEDS[0], "--model", model)
    assert result.code == 2 and str(model) in result.err and "Traceback" not in result.err
    assert result.out == ""


def test_unreadable_subfolder_is_named(tmp_path, cli, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_bytes(SEEDS[2].read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_bytes(SEEDS[2].read_bytes())
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("check", tmp_path, "--format", "json")
    assert f"跳过无法读取的文件夹：{locked}" in result.err
    paths = [r["path"] for r in json.loads(result.out)["reports"]]
    assert paths == [str(tmp_path / "ok" / "a.txt")]
