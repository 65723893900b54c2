"""The report's date (a report on year Y is dated in Y+1, or draft warns) and the notice when
the fonts a style names are not installed."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.fonts import FontProbe, families_from_fc_list, families_from_registry
from drafter.formats.style_file import load_style
from drafter.formats.yaml_io import read_facts
from drafter.render.report import render_report
from tests.conftest import EXAMPLES, require_tool

EXAMPLE = EXAMPLES[0]  # county-2026, dated 2027-01-15


def undated():
    facts = read_facts(EXAMPLE)
    return facts.model_copy(update={"meta": facts.meta.model_copy(update={"date": None})})


def date_warnings(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "成文" in w]


def test_default_date_in_the_next_year_is_today_without_a_warning():
    document, warnings = render_report(undated(), dt.date(2027, 2, 3))
    assert date_warnings(warnings) == []
    assert document.date == "2027年2月3日"


@pytest.mark.parametrize("today", [dt.date(2026, 12, 1), dt.date(2028, 1, 5)])
def test_default_date_outside_the_next_year_is_said(today):
    _, warnings = render_report(undated(), today)
    (warning,) = date_warnings(warnings)
    assert "没有填写成文日期，已用今天" in warning and "不在 2027 年" in warning
    assert "meta.date" in warning


def test_given_date_two_years_on_is_said():
    facts = read_facts(EXAMPLE)
    late = facts.model_copy(
        update={"meta": facts.meta.model_copy(update={"date": dt.date(2029, 1, 5)})}
    )
    _, warnings = render_report(late, dt.date(2027, 1, 1))
    (warning,) = date_warnings(warnings)
    assert "成文日期 2029年1月5日不在 2027 年" in warning
    _, warnings = render_report(read_facts(EXAMPLE), dt.date(2030, 1, 1))
    assert date_warnings(warnings) == []  # the example's own date is right, whatever today is


def test_cli_draft_prints_the_date_warning(tmp_path, cli):
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("date: 2027-01-15", "date: 2029-01-05"),
        encoding="utf-8",
    )
    result = cli("draft", facts, "-o", tmp_path / "r.md")
    assert result.code == 0 and "警告：成文日期 2029年1月5日不在 2027 年" in result.err


def test_font_names_from_fc_list_and_the_windows_registry():
    assert families_from_fc_list("AR PL UKai CN,文鼎PL中楷\nNoto Sans CJK SC\n\n") == {
        "AR PL UKai CN",
        "文鼎PL中楷",
        "Noto Sans CJK SC",
    }
    assert families_from_registry(
        ["仿宋_GB2312 (TrueType)", "SimSun & NSimSun (TrueType)", "Microsoft YaHei UI (OpenType)"]
    ) == {"仿宋_GB2312", "SimSun", "NSimSun", "Microsoft YaHei UI"}


def probe_with(families: set[str] | None) -> FontProbe:
    probe = FontProbe.__new__(FontProbe)
    probe._process, probe._families = None, families
    return probe


def test_missing_fonts_are_the_styles_chinese_fonts_not_installed():
    style = load_style("gbt9704")
    assert probe_with(set()).missing(style) == style.east_asia_fonts
    assert probe_with(set(style.east_asia_fonts)).missing(style) == []
    assert probe_with({"仿宋_gb2312"}).missing(style) == [
        f for f in style.east_asia_fonts if f != "仿宋_GB2312"
    ]
    assert probe_with(None).missing(style) == []  # unknown: nothing is said


def test_real_fc_list_is_read():
    require_tool("fc-list")
    families = FontProbe().families()
    assert families and "AR PL UKai CN" in families  # installed by .ci/run


@pytest.mark.parametrize(
    ("installed", "noticed"),
    [(set(), True), ({"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}, False)],
)
def test_cli_draft_names_the_common_fonts_profile(tmp_path, cli, monkeypatch, installed, noticed):
    monkeypatch.setattr(FontProbe, "families", lambda self: installed)
    result = cli("draft", EXAMPLE, "-o", tmp_path / "r.docx")
    assert result.code == 0
    assert ("--style gbt9704-common" in result.err) is noticed
    assert ("方正小标宋简体" in result.err) is noticed
    # a profile with common fonts names no other profile
    result = cli("draft", EXAMPLE, "-o", tmp_path / "c.docx", "--style", "gbt9704-common")
    assert "--style" not in result.err
    # text output has no fonts: nothing is said
    assert "字体" not in cli("draft", EXAMPLE, "-o", tmp_path / "r.md").err
