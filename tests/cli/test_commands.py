"""The commands as a user runs them: new → draft, formats, overwrite safety, schema, help."""

from __future__ import annotations

import json
import re

import docx
import pytest

from drafter.cli import COMMANDS
from drafter.skeleton import schema_json
from tests.conftest import EXAMPLES, ROOT, drafter_process


def test_new_then_draft(tmp_path, cli):
    facts = tmp_path / "facts.yaml"
    result = cli("new", "--year", "2026", "--issuer", "示例县人民政府", "-o", facts)
    assert result.code == 0, result.err
    text = facts.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=facts.schema.json")
    assert (
        json.loads((tmp_path / "facts.schema.json").read_text(encoding="utf-8"))["title"] == "Facts"
    )
    for section in ("meta:", "measures:", "shortcomings:", "leader_duty:", "next_year:", "other:"):
        assert f"\n{section}" in text
    assert "review_received:" in text and "# 收到行政复议申请（件）" in text
    out = tmp_path / "报告.docx"
    result = cli("draft", facts, "-o", out)
    assert result.code == 0, result.err
    assert "【待填写】" in result.err  # the skeleton has no content yet: warned
    assert any("示例县人民政府关于2026年度" in p.text for p in docx.Document(out).paragraphs)


def test_new_refuses_to_overwrite(tmp_path, cli):
    facts = tmp_path / "facts.yaml"
    facts.write_text("mine", encoding="utf-8")
    result = cli("new", "--year", "2026", "--issuer", "示例县人民政府", "-o", facts)
    assert result.code == 2 and facts.read_text(encoding="utf-8") == "mine"


def test_new_to_stdout(cli):
    result = cli("new", "--year", "2025", "--issuer", "某某局")
    assert result.code == 0 and "year: 2025" in result.out and '"某某局"' in result.out


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_draft_text_formats(tmp_path, cli, fmt):
    out = tmp_path / f"report.{fmt}"
    result = cli("draft", EXAMPLES[0], "-o", out)
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "特此报告。" in text and "二、存在的不足和原因" in text
    if fmt == "md":
        assert text.startswith("<!-- drafter {")  # the record that makes reading it back exact
        assert "\n\n# 示例县人民政府关于2026年度法治政府建设情况的报告\n" in text
        assert "## 一、2026年度法治政府建设主要举措和成效" in text
        assert "**1.深化理论武装。**严格落实" in text


def test_format_flag_overrides_suffix(tmp_path, cli):
    out = tmp_path / "report.out"
    assert cli("draft", EXAMPLES[0], "-o", out).code == 2  # cannot tell the format
    assert cli("draft", EXAMPLES[0], "-o", out, "--format", "md").code == 0
    assert "\n\n# " in out.read_text(encoding="utf-8")


def test_draft_never_overwrites_without_force(tmp_path, cli):
    out = tmp_path / "report.docx"
    out.write_bytes(b"user's own file")
    result = cli("draft", EXAMPLES[0], "-o", out)
    assert result.code == 2 and "已存在" in result.err
    assert out.read_bytes() == b"user's own file"
    assert cli("draft", EXAMPLES[0], "-o", out, "--force").code == 0
    assert out.read_bytes().startswith(b"PK")
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_draft_creates_output_folder(tmp_path, cli):
    out = tmp_path / "a" / "b" / "report.docx"
    assert cli("draft", EXAMPLES[0], "-o", out).code == 0 and out.exists()


def test_draft_refuses_to_write_over_the_facts_file(tmp_path, cli):
    facts = tmp_path / "facts.txt"
    facts.write_bytes(EXAMPLES[0].read_bytes())
    result = cli("draft", facts, "-o", facts, "--force")
    assert result.code == 2 and facts.read_bytes() == EXAMPLES[0].read_bytes()


def test_draft_to_a_folder_says_it_is_a_folder(tmp_path, cli):
    result = cli("draft", EXAMPLES[0], "-o", tmp_path)
    assert result.code == 2 and "输出位置是一个文件夹" in result.err
    unknown = cli("draft", EXAMPLES[0], "-o", tmp_path / "报告.doc")
    assert unknown.code == 2 and "无法从文件名判断输出格式" in unknown.err


def test_unknown_style(tmp_path, cli):
    result = cli("draft", EXAMPLES[0], "-o", tmp_path / "r.docx", "--style", "nope")
    assert result.code == 2 and "gbt9704-common" in result.err
    assert not (tmp_path / "r.docx").exists()


def test_committed_schema_is_current():
    committed = (ROOT / "examples" / "facts.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "run: drafter schema > examples/facts.schema.json"


def test_schema_command(cli):
    result = cli("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    assert "meta" in schema["properties"] and "Metrics_disputes" in schema["$defs"]
    disputes = schema["$defs"]["Metrics_disputes"]["properties"]
    assert disputes["review_received"]["description"] == "收到行政复议申请（件）"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(command, cli):
    result = cli(command, "--help")
    assert result.code == 0
    assert "例：drafter " + command in result.out
    # argparse's own words in Chinese too
    assert result.out.startswith("用法：drafter " + command) and "显示本帮助并退出" in result.out
    assert not re.search(r"usage:|options:|positional arguments|show this help", result.out)


def test_top_level_help_is_in_chinese(cli):
    result = cli("--help")
    assert result.code == 0 and result.out.startswith("用法：drafter")
    assert "选项" in result.out and "显示版本并退出" in result.out
    assert not re.search(r"usage:|options:|positional arguments|show this help", result.out)


def test_readme_covers_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert re.search(rf"drafter {command}\b", readme), command
    assert "make demo" in readme and "make test" in readme


def test_no_command_is_usage_error(cli):
    result = cli()
    assert result.code == 2 and "命令" in result.err


def test_entry_point_runs_as_module(tmp_path):
    out = tmp_path / "r.txt"
    proc = drafter_process("draft", EXAMPLES[1], "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "栾城区" in out.read_text(encoding="utf-8")
    assert "警告" in proc.stderr  # the seed has no shortcomings: placeholder + warning


def test_makefile_demo_drafts_the_shipped_example():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_facts = re.search(r"^DEMO_FACTS\s*=\s*(\S+)", makefile, re.M).group(1)
    assert (ROOT / demo_facts) in EXAMPLES


def test_every_example_drafts_cleanly(tmp_path, cli):
    for example in EXAMPLES:
        out = tmp_path / f"{example.stem}.docx"
        result = cli("draft", example, "-o", out)
        assert result.code == 0, result.err
        assert out.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["draft"], "缺少必需的参数"),
        (["frob"], "无效"),
        (["check", "--year", "abc", "x.docx"], "年度应为整数"),
        (["outline", "a.txt", "--no-such-flag"], "无法识别的参数"),
    ],
)
def test_usage_errors_are_chinese_with_exit_code_2(capsys, args, expected):
    from drafter.cli import main

    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and "错误：" in err
    assert "the following arguments" not in err and "invalid choice" not in err
