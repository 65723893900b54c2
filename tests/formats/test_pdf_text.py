"""Text from `pdftotext -layout` back into paragraphs: wrapped lines joined, page numbers and
running headers dropped. Made-up page text, so the rules are seen one by one."""

from __future__ import annotations

from drafter.formats.pdf_reader import _body_lines, clean_line, is_page_number, paragraphs

FULL = "全面推进依法行政，法治政府建设取得新进展新成效，现将有关"  # 28 characters: a full line
BODY = [  # lines that differ in more than their numbers, as real pages' lines do
    "县委、县政府坚持把学习贯彻习近平法治思想作为首要政治任务，",
    "深化“放管服”改革，取消和下放行政审批事项二十七项，全面推",
    "严格规范公正文明执法，全面落实行政执法“三项制度”，开展行",
    "发挥行政复议化解行政争议主渠道作用，推行繁简分流和复议调",
    "加强依法行政能力建设，举办法治专题培训班，组织年度学法考",
    "健全突发事件应对体系，修订完善应急预案，开展应急演练活动",
]


def test_page_numbers():
    for line in ["— 1 —", "—12—", "- 3 -", "  7  ", "第 2 页", "第2页 共5页", "3/12"]:
        assert is_page_number(line), line
    for line in ["2026年", "一、主要举措", "1.深化理论武装。", "— 1 — 附件"]:
        assert not is_page_number(line), line


def test_running_headers_and_page_numbers_are_dropped():
    pages = [
        f"      示例县司法局文件\n  {BODY[n]}\n{BODY[n + 3]}\n\n                 — {n} —\n"
        for n in (0, 1, 2)
    ]
    lines = _body_lines("\f".join(pages))
    assert [line.strip() for line in lines] == [BODY[i] for i in (0, 3, 1, 4, 2, 5)]


def test_indented_first_lines_start_paragraphs():
    lines = [
        "        示例县人民政府关于2026年度",  # centred title lines: each its own
        "          法治政府建设情况的报告",
        "示例市人民政府：",
        f"  2026 年，{FULL[:24]}",
        FULL,
        "情况报告如下：",
        "  一、2026 年度法治政府建设主要举措和成效",
        f"  （一）坚持党的领导。{FULL[:22]}",
        FULL,  # a full last line: the next paragraph's indent still separates them
        f"  全年开展专题学法 12 次。{FULL[:18]}",
        "同比增长 20%。",
    ]
    assert paragraphs(lines) == [
        "示例县人民政府关于2026年度",
        "法治政府建设情况的报告",
        "示例市人民政府：",
        f"2026年，{FULL[:24]}{FULL}情况报告如下：",
        "一、2026年度法治政府建设主要举措和成效",
        f"（一）坚持党的领导。{FULL[:22]}{FULL}",
        f"全年开展专题学法12次。{FULL[:18]}同比增长20%。",
    ]


def test_without_indents_a_short_line_ends_its_paragraph():
    lines = [FULL, FULL, "报告如下：", "一、主要举措和成效", FULL, "考核。", FULL, "完成。"]
    assert paragraphs(lines) == [
        f"{FULL}{FULL}报告如下：",
        "一、主要举措和成效",
        f"{FULL}考核。",
        f"{FULL}完成。",
    ]


def test_latin_words_split_by_wrapping_keep_their_space():
    lines = [f"{FULL[:26]}via", "PDF export，也要读对。"]
    assert paragraphs(lines) == [f"{FULL[:26]}via PDF export，也要读对。"]


def test_running_heads_with_page_numbers_in_them_are_dropped():
    """A page printed from a browser: date and page title on top, address and 「n/m」 below."""
    pages = [
        f"2024/3/28 09:30    示例县2023年法治政府建设年度报告\n  {BODY[n]}\n{BODY[n + 2]}\n"
        f"https://www.example.gov.cn/art/2024/3/28/art_1.html    {n + 1}/2\n"
        for n in (0, 1)
    ]
    lines = _body_lines("\f".join(pages))
    assert [line.strip() for line in lines] == [BODY[0], BODY[2], BODY[1], BODY[3]]


def test_lines_read_as_typed():
    assert clean_line("  学法 12 次，同比增长 20%。") == "学法12次，同比增长20%。"
    # an OCR text layer spaces out every character
    assert (
        clean_line("一 、 2 0 2 3 年 度 法 治 政 府 建 设 情 况") == "一、2023年度法治政府建设情况"
    )
    assert clean_line("受 理 1 8 4 件 ， 占 9 8 . 2 %") == "受理184件，占98.2%"
    # joint issuers stay two, a Latin phrase keeps its spaces
    assert clean_line("中共乐平市委    乐平市人民政府") == "中共乐平市委 乐平市人民政府"
    assert clean_line("推行 PDF export 功能") == "推行PDF export功能"
