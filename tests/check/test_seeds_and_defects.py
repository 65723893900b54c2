"""The checker on the five real seeds (hand-checked findings), on each seed with a planted
defect (the defect's code fires and was not there before), and on drafted reports (clean)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest

from drafter.batch import Options, check_file
from drafter.draft import draft_document, render_bytes
from drafter.formats.yaml_io import read_facts
from drafter.models.calendar import calendar
from tests.conftest import EXAMPLES, SEEDS

SEED = {s.stem[:3]: s for s in SEEDS}
UNTOUCHED = {
    "000": {
        "statutory-missing",
        "statutory-mentioned-only",
        "date-missing",
    },  # no shortcomings at all
    "001": {"statutory-missing", "input-noise"},  # no leader duty; web page debris
    "002": {"title-missing", "statutory-mentioned-only"},  # no title; leader duty only mentioned
    "003": {"order", "input-noise"},  # leader duty as section 一; 「打印此文 关闭窗口」
    "004": {"date-missing", "statutory-mentioned-only"},  # shortcomings and plans in closing lines
}


def codes(path: Path, **options) -> set[str]:
    return {f.code for f in check_file(path, Options(**options)).findings}


@pytest.mark.parametrize("seed", sorted(UNTOUCHED))
def test_untouched_seed_findings(seed):
    assert codes(SEED[seed]) == UNTOUCHED[seed]


def test_statutory_findings_name_the_content():
    result = check_file(SEED["000"], Options())
    missing = [f for f in result.findings if f.code == "statutory-missing"]
    assert (
        len(missing) == 1
        and "存在的不足和原因" in missing[0].message
        and missing[0].severity == "error"
    )
    assert result.statutory["shortcomings"] == "missing"


PLANTS = [
    # (code, seed, old, new)
    ("statutory-missing", "002", r"二、存在问题和不足\n[^\n]*\n", ""),  # heading and its paragraph
    ("statutory-mentioned-only", "001", "三、下一步工作\n", ""),
    ("section-empty", "001", "二、存在的问题\n\n", "二、存在的问题\n\n三、存在不足的原因\n\n"),
    ("order", "002", "一、主要举措和成效", "一、下一步工作打算\n一、主要举措和成效"),
    ("title-missing", "004", "开州区2024年法治政府建设情况报告\n", ""),
    ("date-missing", "002", "2025年1月15日", ""),
    ("date-late", "002", "2025年1月15日", "2025年5月15日"),
    ("placeholder", "000", "栾城区共收到行政复议申请", "XX区共收到行政复议申请"),
    (
        "year-mismatch",
        "003",
        "二、2022年度法治政府建设主要举措和成效",
        "二、2021年度法治政府建设主要举措和成效",
    ),
    ("year-uncertain", "004", "2024年,开州区坚持", "2023年,开州区坚持"),  # title says 2024
    ("year-stale", "002", "2024年,在推进法治建设方面", "2023年,在推进法治建设方面"),
    ("term-outdated", "000", "认真学习贯彻党的二十届三中全会精神", "认真学习贯彻党的十九大精神"),
    ("plan-expired", "000", "(四)“八五”普法规划有力实施", "(四)“七五”普法规划有力实施"),
    ("number-percent-range", "000", "调解成功率97%", "调解成功率197%"),
    ("number-rate-mismatch", "000", "调解成功率97%", "调解成功率99%"),
    ("number-part-exceeds-whole", "000", "受理行政案件24件,办结18件", "受理行政案件24件,办结28件"),
    ("input-noise", "000", "2024年,在区委", "打印此文 关闭窗口\n2024年,在区委"),
]


@pytest.mark.parametrize(("code", "seed", "old", "new"), PLANTS, ids=[p[0] for p in PLANTS])
def test_planted_defect_fires(tmp_path, code, seed, old, new):
    text = SEED[seed].read_text(encoding="utf-8")
    changed = (
        re.sub(old, new, text, count=1)
        if old.startswith("二、存在问题和不足")
        else text.replace(old, new, 1)
    )
    assert changed != text, "the plant no longer matches the seed"
    planted = tmp_path / f"{seed}.txt"
    planted.write_text(changed, encoding="utf-8")
    assert code not in UNTOUCHED[seed]
    assert code in codes(planted)


def test_plan_year_mismatch(tmp_path):
    text = (
        SEED["004"]
        .read_text(encoding="utf-8")
        .replace("2025年,我区将坚持", "下一步，2024年,我区将坚持")
    )
    path = tmp_path / "plans.txt"
    path.write_text(text, encoding="utf-8")
    found = [f for f in check_file(path, Options()).findings if f.code == "year-mismatch"]
    assert found and "应为 2025 年" in found[0].message


def test_expired_plan_names_the_period_it_ended(tmp_path):
    text = SEED["000"].read_text(encoding="utf-8").replace("“八五”普法", "“七五”普法", 1)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    found = [f for f in check_file(path, Options()).findings if f.code == "plan-expired"]
    assert len(found) == 1 and found[0].line
    assert "（2016—2020年）已于 2020 年结束" in found[0].message
    assert "现行的是“八五”普法规划（2021—2025年）" in found[0].message


def test_next_year_plans_are_read_in_the_next_year(tmp_path):
    """Seed 002 names 「八五」普法 in its work (line 23) and in its plans (line 33), and the
    2021—2025 outline in its plans (line 31). Read as a 2025 report, its plans are for 2026,
    when both have ended and 「九五」 is current."""

    def plan_lines(path: Path, year: int) -> list[tuple[str, int | None]]:
        found = check_file(path, Options(year=year)).findings
        return [(f.code, f.line) for f in found if f.code in ("plan-expired", "term-outdated")]

    assert plan_lines(SEED["002"], 2024) == []
    assert plan_lines(SEED["002"], 2025) == [("plan-expired", 31), ("plan-expired", 33)]
    text = SEED["002"].read_text(encoding="utf-8")
    text = text.replace("全面推进“八五”普法", "全面推进“九五”普法").replace("(2021—2025年)", "")
    path = tmp_path / "plans.txt"
    path.write_text(text, encoding="utf-8")
    assert plan_lines(path, 2025) == []
    assert plan_lines(path, 2024) == [("term-outdated", 33)]  # 2025 is before 「九五」


def test_year_option_overrides(tmp_path):
    assert "year-mismatch" in codes(SEED["003"], year=2023)  # title says 2022


def test_every_untouched_seed_and_plant_covers_all_text_codes():
    planted = {p[0] for p in PLANTS} | {"year-mismatch"}
    from drafter.check.engine import CODES

    text_codes = {
        c for c in CODES if not c.startswith(("format-", "previous-", "input-unreadable", "facts-"))
    }
    assert text_codes <= planted


def drafted_docx(tmp_path: Path, example: Path, style: str = "gbt9704") -> Path:
    draft = draft_document(read_facts(example), dt.date(2027, 1, 10))
    path = tmp_path / f"{example.stem}.docx"
    path.write_bytes(render_bytes(draft, "docx", style, None))
    return path


@pytest.mark.parametrize("style", ["gbt9704", "gbt9704-common"])
def test_drafted_report_checks_clean(tmp_path, style):
    result = check_file(drafted_docx(tmp_path, EXAMPLES[0], style), Options())
    assert result.findings == []
    assert all(v == "section" for v in result.statutory.values())


def test_the_example_speaks_of_its_years_period():
    """The 2026 example works under the plan current in 2026 and names no plan ended before."""
    facts = read_facts(EXAMPLES[0])
    text = draft_document(facts, dt.date(2027, 1, 10)).text
    year = facts.meta.year
    assert calendar().current("publicity", year).name in text
    for plan in calendar().plans:
        if plan.period[1] < year:
            assert not re.search(plan.regex, text), plan.id


def test_drafted_report_with_gaps_reports_placeholders(tmp_path):
    result = check_file(drafted_docx(tmp_path, EXAMPLES[1]), Options())
    assert {f.code for f in result.findings} == {"placeholder"}


def test_format_findings_on_a_plain_word_document(tmp_path):
    document = docx.Document()  # Letter paper, Calibri, no page numbers
    for line in SEED["003"].read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plain.docx"
    document.save(path)
    found = codes(path)
    from drafter.check.engine import CODES

    for code in sorted(c for c in CODES if c.startswith("format-")):
        assert code in found, code


def test_format_font_names_the_wrong_font(tmp_path):
    path = drafted_docx(tmp_path, EXAMPLES[0])
    document = docx.Document(path)
    for p in document.paragraphs:
        if p.text.startswith("一、"):
            p.runs[0]._r.rPr.rFonts.set(docx.oxml.ns.qn("w:eastAsia"), "宋体")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    font = [f for f in check_file(path, Options()).findings if f.code == "format-font"]
    assert len(font) == 1 and "一级标题" in font[0].message and "宋体" in font[0].message


def test_previous_report(tmp_path):
    this_year = tmp_path / "this.txt"
    text = SEED["000"].read_text(encoding="utf-8")
    this_year.write_text(text.replace("调解成功率97%", "调解成功率97%，成效明显"), encoding="utf-8")
    result = check_file(this_year, Options(previous=SEED["000"]))
    copied = [f for f in result.findings if f.code == "previous-copied"]
    assert copied and all(f.severity == "warning" for f in copied)
    assert all(
        "成效明显" not in (f.excerpt or "") for f in copied
    )  # the changed paragraph is not flagged
    result = check_file(SEED["004"], Options(previous=SEED["002"]))
    unaddressed = [f for f in result.findings if f.code == "previous-plan-unaddressed"]
    assert unaddressed and all(f.severity == "info" for f in unaddressed)
    assert not [f for f in result.findings if f.code == "previous-copied"]
