"""`drafter check` as users run it: exit codes, JSON for tools, folder summaries, Word comments."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import fields
from pathlib import Path

import docx

from drafter.models.catalogue import taxonomy
from drafter.models.findings import Finding
from tests.conftest import EXAMPLES, ROOT, SEEDS, soffice_convert


def drafted(tmp_path, cli, example=EXAMPLES[0]):
    out = tmp_path / f"{example.stem}.docx"
    assert cli("draft", example, "-o", out).code == 0
    return out


def test_exit_codes(tmp_path, cli):
    assert cli("check", drafted(tmp_path, cli)).code == 0  # clean
    assert cli("check", SEEDS[0]).code == 1  # statutory-missing is an error
    assert cli("check", SEEDS[2]).code == 0  # warnings only
    assert cli("check", tmp_path / "nope.docx").code == 2
    assert cli("check").code == 2  # misuse


def test_text_output_groups_and_quotes(cli):
    result = cli("check", SEEDS[0])
    assert "错误（1）" in result.out and "警告（" in result.out
    assert "第28行 [statutory-mentioned-only]" in result.out
    assert "「下一步，栾城区将继续坚持" in result.out
    assert result.out.rstrip().endswith("提示 0")


def test_json_output_follows_the_documented_shape(cli):
    data = json.loads(cli("check", SEEDS[3], SEEDS[0], "--format", "json").out)
    assert data["version"] == 1 and set(data) == {"version", "reports", "summary"}
    assert data["summary"] == {"reports": 2, "errors": 1, "warnings": 4, "infos": 1}
    report = data["reports"][0]
    assert set(report) == {"path", "title", "issuer", "year", "statutory", "outline", "findings"}
    assert report["year"] == 2022 and report["issuer"] == "郑州市惠济区人民政府"
    assert set(report["statutory"]) == set(taxonomy().statutory_ids)
    assert report["outline"][0] == {
        "level": 1,
        "number": "一",
        "title": "党政主要负责人履行推进法治建设第一责任人职责情况",
        "section": "leader_duty",
        "line": 8,
    }
    for finding in report["findings"]:
        assert set(finding) == {"code", "severity", "message", "line", "excerpt", "field"}
        assert list(finding) == [f.name for f in fields(Finding)]  # a new field is written too
        assert finding["severity"] in ("error", "warning", "info")


def test_folder_summary_csv_and_html(tmp_path, cli):
    summary = tmp_path / "汇总.csv"
    result = cli("check", ROOT / "seeds", "--summary", summary)
    assert result.code == 1 and "汇总已写入" in result.err
    rows = list(csv.reader(io.StringIO(summary.read_bytes().decode("utf-8-sig"))))
    header = rows[0]
    for section in taxonomy().statutory:
        assert section.name in header
    assert len(rows) == 1 + len(SEEDS)
    first = dict(zip(header, rows[1], strict=True))
    assert first["存在的不足和原因"] == "缺" and first["年度"] == "2024"
    html = tmp_path / "汇总.html"
    assert cli("check", ROOT / "seeds", "--summary", html).code == 1
    text = html.read_text(encoding="utf-8")
    assert text.count('<a href="#r') == len(SEEDS) and "郑州市惠济区人民政府" in text
    xlsx = tmp_path / "汇总.xlsx"
    assert cli("check", ROOT / "seeds", "--summary", xlsx).code == 1
    assert zipfile.is_zipfile(xlsx)
    # never overwritten without --force
    assert cli("check", ROOT / "seeds", "--summary", html).code == 2
    assert cli("check", ROOT / "seeds", "--summary", html, "--force").code == 1


def test_summary_needs_a_known_suffix(tmp_path, cli):
    result = cli("check", SEEDS[0], "--summary", tmp_path / "x.pdf")
    assert result.code == 2 and not (tmp_path / "x.pdf").exists()
    assert ".xlsx" in result.err


def test_annotate_writes_comments_into_a_copy(tmp_path, cli):
    source = tmp_path / "草稿.docx"
    document = docx.Document()
    for line in SEEDS[0].read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(source)
    before = source.read_bytes()
    out = tmp_path / "批注版.docx"
    result = cli("check", source, "--annotate", out)
    assert result.code == 1 and source.read_bytes() == before
    comments = list(docx.Document(out).comments)
    assert len(comments) >= 3
    assert any("存在的不足和原因" in c.text for c in comments)


def test_annotate_only_for_one_docx(tmp_path, cli):
    result = cli("check", SEEDS[0], "--annotate", tmp_path / "x.docx")
    assert result.code == 2 and "只能用于单个 .docx" in result.err


def test_annotated_copy_opens_in_libreoffice_with_comments(tmp_path, cli):
    source = drafted(tmp_path, cli, EXAMPLES[1])  # has placeholders → comments
    out = tmp_path / "annotated.docx"
    assert cli("check", source, "--annotate", out).code == 1
    soffice_convert(out, "odt", tmp_path / "lo")
    content = zipfile.ZipFile(tmp_path / "annotated.odt").read("content.xml").decode("utf-8")
    assert content.count("<office:annotation") >= 2
    assert "待填写" in content and "drafter 检查" in content


def test_a_facts_file_or_a_file_without_chinese_is_not_checked_as_a_report(tmp_path, cli):
    from tests.conftest import EXAMPLES

    result = cli("check", EXAMPLES[0])
    assert result.code == 2 and "这是事实文件" in result.out
    readme = tmp_path / "README.md"
    readme.write_text("# Reports\n\nThis folder holds the reports.\n", encoding="utf-8")
    result = cli("check", readme)
    assert result.code == 2 and "不像一份报告" in result.out


def test_a_folder_on_the_pool_reports_as_each_file_alone(tmp_path, cli):
    """Twelve reports are shared with helper processes (a folder of 8 or more is): each report's
    JSON and text, the totals and the summary rows are what checking that file alone gives, in
    order."""
    for n in range(12):
        (tmp_path / f"r{n:02d}.txt").write_bytes(SEEDS[n % len(SEEDS)].read_bytes())
    folder = json.loads(cli("check", tmp_path, "--format", "json").out)
    alone = [
        json.loads(cli("check", p, "--format", "json").out) for p in sorted(tmp_path.iterdir())
    ]
    assert folder["reports"] == [a["reports"][0] for a in alone]
    for key in ("errors", "warnings", "infos"):
        assert folder["summary"][key] == sum(a["summary"][key] for a in alone) > 0
    text = cli("check", tmp_path).out
    heads = [line.split("  《")[0] for line in text.splitlines() if line.startswith("== ")]
    assert heads == [f"== {p}" for p in sorted(tmp_path.iterdir())]
    summary = tmp_path.parent / "汇总.csv"
    cli("check", tmp_path, "--summary", summary)
    rows = list(csv.reader(io.StringIO(summary.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 13 and all(row[0] for row in rows[1:])


def test_a_report_whose_helper_died_is_told_not_dropped():
    """A helper process that dies (parallel.py) costs its reports a finding, not the folder."""
    from drafter.batch import INTERNAL_ERROR, _lost

    report = _lost(lambda r: r, Path("县.docx"))
    assert report.path == "县.docx" and not report.readable
    assert [f.code for f in report.findings] == ["input-unreadable"]
    assert INTERNAL_ERROR in report.findings[0].message


def test_a_broken_style_or_model_is_said_once_in_chinese(tmp_path, cli):
    """A --style or --model file that does not fit is a usage error naming its file, line and
    field in Chinese (not a finding on each report, not pydantic's English)."""
    style = (ROOT / "templates" / "styles" / "gbt9704.yaml").read_text(encoding="utf-8")
    bad_style = tmp_path / "版式.yaml"
    bad_style.write_text(style.replace("top_mm: 37", "top_mm: abc", 1), encoding="utf-8")
    line = 1 + style.split("top_mm: 37")[0].count("\n")
    result = cli("check", ROOT / "seeds", "--style", bad_style)
    assert result.code == 2 and result.out == ""
    assert f"{bad_style}:{line}: page.top_mm: 版式配置有误：应为数字，现在是 'abc'" in result.err
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("name: 国标\n".encode("gbk"))
    result = cli("check", ROOT / "seeds", "--style", gbk)
    assert result.code == 2 and "版式配置不是 UTF-8 编码" in result.err
    assert "Traceback" not in result.err
    extra = tmp_path / "extra.yaml"
    extra.write_text(style + "colour: red\n", encoding="utf-8")
    assert "不认识的字段“colour”" in cli("check", ROOT / "seeds", "--style", extra).err
    model = (ROOT / "templates" / "structure.yaml").read_text(encoding="utf-8")
    bad_model = tmp_path / "model.yaml"
    bad_model.write_text(model.replace("reports: ", "reports: many #", 1), encoding="utf-8")
    result = cli("check", ROOT / "seeds", "--model", bad_model)
    assert result.code == 2 and "结构模型有误：应为整数，现在是 'many'" in result.err
    assert f"{bad_model}:" in result.err and "Input should" not in result.err
