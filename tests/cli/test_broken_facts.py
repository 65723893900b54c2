"""Every broken facts file: exit code 2, the right line and field, a Chinese message, no output,
no traceback. Each file states its expectation in its first line:
`# expect: line=N field=path [hint=word]` (field=- when no field applies)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import docx
import pytest

from tests.conftest import ROOT, SEEDS
from tests.support import hostile

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


# ---- generated hostile facts (tests/support/hostile.py), issue 11 ------------------------------
HOSTILE_FACTS = {
    # name: (facts text, text on the line the message names, words in the message)
    "capitalised-key": (
        lambda: hostile.facts_with("\nmeasures:", "\nMeasures:"),
        "Measures:",
        "不认识的字段“Measures”",
    ),
    "huge-count": (
        lambda: hostile.facts_with(
            "study_sessions: {value: 12", "study_sessions: {value: " + "9" * 40
        ),
        "9" * 40,
        "不能大于 1000000000000",
    ),
    "inf-amount": (
        lambda: hostile.facts_with("review_received: {value: ", "review_received: {value: .inf} #"),
        None,
        "应为整数",
    ),
    "omap-value": (
        lambda: hostile.facts_with("\nmeta:", "\n'meta': !!omap [{issuer: 1}]\nmetaX:"),
        None,
        "metaX",
    ),
    "deep-nesting": (hostile.deep_facts, None, "嵌套层次过深"),
    "python-tag": (
        lambda: hostile.facts_with(
            "\nmeta:", "\nx: !!python/object/apply:os.system ['echo pwned']\nmeta:"
        ),
        None,
        "YAML",
    ),
    "year-99999": (
        lambda: hostile.facts_with("year: 2026", "year: 99999"),
        "year: 99999",
        "不能大于 2100",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FACTS))
def test_hostile_facts(tmp_path, cli, name):
    build, marker, words = HOSTILE_FACTS[name]
    facts = tmp_path / f"{name}.yaml"
    text = build()
    facts.write_text(text, encoding="utf-8")
    result = cli("draft", facts, "-o", tmp_path / "r.docx")
    assert result.code == 2 and "Traceback" not in result.err
    assert words in result.err, result.err
    if marker is not None:
        line = next(n for n, t in enumerate(text.splitlines(), start=1) if marker in t)
        assert f"{facts}:{line}:" in result.err
    assert "百分比" not in result.err  # the percentage hint is for rates only
    assert not (tmp_path / "r.docx").exists()


def test_date_in_2999_is_flagged(tmp_path, cli):
    facts = tmp_path / "late.yaml"
    facts.write_text(hostile.facts_with("date: 2027-01-15", "date: 2999-01-01"), encoding="utf-8")
    result = cli("draft", facts, "-o", tmp_path / "r.md")
    assert "警告：成文日期 2999年1月1日不在 2027 年" in result.err


def test_alias_bomb_is_refused_fast_without_expanding(tmp_path):
    facts = tmp_path / "bomb.yaml"
    facts.write_text(hostile.alias_bomb_facts(), encoding="utf-8")
    start = time.perf_counter()
    done = hostile.run_limited("draft", facts, "-o", tmp_path / "r.docx", timeout=60)
    assert time.perf_counter() - start < 30
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "别名" in err and len(err) < 2000
    assert not (tmp_path / "r.docx").exists()


def test_odd_but_valid_facts_draft(tmp_path, cli):
    """≥ 100 numbered items (Chinese numbers past 九十九), an issuer of 300 characters (Word's
    core properties hold 255) and XML-illegal control characters all draft without a crash."""
    cases = {
        "many": hostile.many_items_facts(120),
        "issuer": hostile.facts_with("issuer: 示例县人民政府", "issuer: " + "示" * 300),
        "control": hostile.facts_with(
            "issuer: 示例县人民政府", 'issuer: "示例县\\x01\\x1b[2J\\x0b人民政府"'
        ),
    }
    for name, text in cases.items():
        facts = tmp_path / f"{name}.yaml"
        facts.write_text(text, encoding="utf-8")
        out = tmp_path / f"{name}.docx"
        result = cli("draft", facts, "-o", out)
        assert result.code == 0, result.err
        document = docx.Document(out)
        body = "\n".join(p.text for p in document.paragraphs)
        if name == "many":
            assert "（一百零一）工作安排101" in body
        if name == "issuer":
            assert len(document.core_properties.author) == 255
        if name == "control":
            assert "示例县[2J" in body and "\x1b" not in body and "\x01" not in body


def test_extract_of_text_with_control_characters(tmp_path, cli):
    source = tmp_path / "2025.txt"
    text = SEEDS[0].read_text(encoding="utf-8").replace("法治", "法\x01治\x1b", 3)
    source.write_text(text, encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    assert cli("extract", source, "-o", facts).code == 0
    assert "\\x01" not in facts.read_text(encoding="utf-8")
    result = cli("draft", facts, "-o", tmp_path / "r.docx")
    assert result.code in (0, 2) and "Traceback" not in result.err
