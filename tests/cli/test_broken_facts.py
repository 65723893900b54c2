"""Every broken facts file: exit code 2, the right line and field, a Chinese message, no output,
no traceback. Each file states its expectation in its first line:
`# expect: line=N field=path [hint=word]` (field=- when no field applies)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

BROKEN = sorted((ROOT / "tests" / "data" / "broken_facts").glob("*.yaml"))


def expectation(path: Path) -> dict[str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name} has no expectation line"
    return dict(part.split("=", 1) for part in first.removeprefix("# expect:").split())


def test_corpus_is_large_enough():
    assert len(BROKEN) >= 20


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_facts_file(path: Path, tmp_path: Path, cli):
    expect = expectation(path)
    output = tmp_path / "out" / "report.docx"
    result = cli("draft", path, "-o", output)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert not output.exists() and not output.parent.exists()
    assert re.search(r"[\u4e00-\u9fff]", result.err), "message should be in Chinese"
    lines = [line for line in result.err.splitlines() if line.startswith("错误：")]
    assert lines, result.err
    wanted = f"{path}:{expect['line']}:"
    matching = [line for line in lines if wanted in line]
    assert matching, f"no problem reported at {wanted}:\n{result.err}"
    if expect["field"] != "-":
        whole_field = re.compile(rf" {re.escape(expect['field'])}(（[^）]*）)?: ")
        assert any(whole_field.search(line) for line in matching), result.err
    assert len(matching) == 1, f"one problem reported twice:\n{result.err}"
    if "hint" in expect:
        assert f"“{expect['hint']}”" in result.err


def test_not_utf8(tmp_path: Path, cli):
    facts = tmp_path / "gbk.yaml"
    facts.write_bytes("meta:\n  issuer: 示例县人民政府\n  year: 2026\n".encode("gbk"))
    result = cli("draft", facts, "-o", tmp_path / "r.docx")
    assert result.code == 2 and "UTF-8" in result.err
    assert not (tmp_path / "r.docx").exists()


def test_missing_file(tmp_path: Path, cli):
    result = cli("draft", tmp_path / "nope.yaml", "-o", tmp_path / "r.docx")
    assert result.code == 2 and "找不到事实文件" in result.err
