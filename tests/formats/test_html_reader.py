"""Web pages saved from a browser: the report is taken out of the site's menus, breadcrumbs,
metadata table, share links, related-article lists and footer."""

from __future__ import annotations

import json

from drafter.formats.html_reader import read_html_bytes
from drafter.pipeline import outline
from tests.conftest import ROOT

PAGE = ROOT / "tests" / "data" / "html" / "saved_page_with_menus.html"
FURNITURE = [
    "设为首页",
    "首页",
    "政务公开",
    "索引号",
    "发布时间",
    "分享到",
    "打印",
    "相关文章",
    "网站标识码",
    "ICP",
]


def test_saved_page_reads_as_the_report_alone():
    document = read_html_bytes(PAGE.read_bytes())
    assert document.title_text == "示例县人民政府关于2023年度法治政府建设情况的报告"
    assert document.addressee == "示例市人民政府"
    assert (document.closing, document.signers, document.date) == (
        "特此报告。",
        ["示例县人民政府"],
        "2024年3月25日",
    )
    body = "\n".join(p.full_text for p in document.paragraphs)
    for word in FURNITURE:
        assert word not in body, word
    assert not document.noise  # nothing of the page's furniture even reached the parser
    # table cells are lines in row order, between the paragraphs around the table
    texts = [p.full_text for p in document.paragraphs]
    table = texts.index("指标")
    assert texts[table : table + 4] == ["指标", "2023年", "行政复议申请受理数", "184件"]
    assert texts[table - 1].startswith("（二）") and texts[table + 4].startswith("（三）")


def test_saved_page_outline():
    read = outline(read_html_bytes(PAGE.read_bytes()))
    assert read.year == 2023
    assert [(h.level, h.number) for h in read.headings] == [
        (1, "一"),
        (2, "一"),
        (2, "二"),
        (2, "三"),
        (1, "二"),
        (1, "三"),
        (1, "四"),
    ]
    assert {k: v for k, v in read.statutory.items() if k != "other"} == {
        "measures": "section",
        "shortcomings": "section",
        "leader_duty": "section",
        "next_year": "section",
    }


def test_source_line_wraps_do_not_split_chinese_text():
    page = "<html><body><p>2023年，示例县坚持\n        依法行政，法治政府建设取得新进展。</p></body></html>"
    document = read_html_bytes(page.encode())
    assert document.paragraphs[0].text == "2023年，示例县坚持依法行政，法治政府建设取得新进展。"


def test_page_without_wrappers_and_in_gbk():
    page = (
        '<html><head><meta charset="gbk"><title>门户网站</title></head><body>'
        "<p>示例县2023年法治政府建设年度报告</p>"
        "<p>一、主要举措和成效</p><p>全年办理行政复议案件184件，调解和解结案50件，行政争议实质性化解水平持续提升。</p>"
        "<p>二、存在的不足</p><p>基层行政执法力量相对薄弱，执法人员专业素质还有差距，培训投入不足。</p>"
        "</body></html>"
    )
    document = read_html_bytes(page.encode("gbk"))
    assert document.title_text == "示例县2023年法治政府建设年度报告"  # not the site's <title>
    assert [p.heading for p in document.headings] == ["主要举措和成效", "存在的不足"]


def test_folder_check_skips_a_saved_pages_resources(tmp_path, cli):
    (tmp_path / "report.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "report_files").mkdir()
    (tmp_path / "report_files" / "frame.htm").write_text("<html><body>菜单</body></html>")
    result = cli("check", tmp_path, "--format", "json")
    paths = [r["path"] for r in json.loads(result.out)["reports"]]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["report.html"]


def test_declared_charset_that_is_wrong():
    page = '<html><head><meta charset="utf-8"></head><body><p>二、存在的不足</p></body></html>'
    document = read_html_bytes(page.encode("gbk"))
    assert [p.heading for p in document.headings] == ["存在的不足"]
