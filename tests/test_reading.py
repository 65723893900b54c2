"""Reading real reports: hand-checked outlines of all five seeds, the same outline whatever the
file's encoding or format, noise and mention rules with their examples, odd real-world texts."""

from __future__ import annotations

import io
import json
import random
import re

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.errors import DrafterError
from drafter.formats.docx_reader import read_docx_bytes
from drafter.formats.reader import read_document
from drafter.learn.learner import learn
from drafter.models.catalogue import taxonomy
from drafter.reading.metadata import issuer_of, parse_date
from drafter.reading.outline import read_outline
from drafter.reading.parser import noise_kind, normalize_line, parse_text
from drafter.resources import load_data
from tests.conftest import ROOT, SEEDS

EXPECTED = ROOT / "tests" / "data" / "seeds_expected"
ODD = ROOT / "tests" / "data" / "outline"


def summary(outline) -> dict:
    return {
        "title": outline.title,
        "year": outline.year,
        "addressee": outline.addressee,
        "signers": outline.document.signers,
        "date": outline.document.date,
        "statutory": outline.statutory,
        "headings": [[h.level, h.number, h.title] for h in outline.headings],
    }


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_seed_outline_matches_hand_checked_expectation(seed):
    expected = json.loads((EXPECTED / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert summary(read_outline(read_document(seed))) == expected


def test_statutory_statuses_the_brief_names():
    status = {s.stem[:3]: read_outline(read_document(s)).statutory for s in SEEDS}
    assert status["000"]["shortcomings"] == "missing"  # 栾城区 2024: no shortcomings at all
    assert status["000"]["next_year"] == "mentioned"  # an unheaded 「下一步」 paragraph
    assert status["004"]["shortcomings"] == status["004"]["next_year"] == "mentioned"  # 开州区
    assert status["003"]["leader_duty"] == "section"  # 惠济区: leader duty is section 一
    assert status["003"]["shortcomings"] == status["003"]["next_year"] == "section"  # combined 三


def test_combined_heading_maps_to_both():
    outline = read_outline(read_document(SEEDS[3]))
    combined = next(h for h in outline.headings if h.title == "存在问题及下一步打算")
    assert combined.sections == ["shortcomings", "next_year"]
    # its sub-headings are plans (「加强组织领导……」), the paragraph on weak points is the
    # shortcomings, and 「2023年，我区将……」 opens the plans
    under = [h for h in outline.headings if h.line > combined.line]
    assert [h.section for h in under] == ["next_year"] * 4

    def line_of(start: str) -> int:
        return next(p.line for p in outline.document.paragraphs if p.full_text.startswith(start))

    assert outline.section_of_line[line_of("我区法治政府建设薄弱环节")] == "shortcomings"
    assert outline.section_of_line[line_of("2023年，我区将")] == "next_year"


def test_a_mention_is_the_first_paragraph_that_states_it():
    """Neither the announcement of what the report covers nor words that run on from one
    paragraph into the next (「……2025年」/「我县将……」) mention the plans; the paragraph that says
    「2025年，我县将……」 does, and it is the evidence."""
    text = (
        "示例县人民政府关于2024年度法治政府建设情况的报告\n"
        "现将2024年度法治政府建设情况及下一步工作安排，报告如下。\n"
        "一、2024年度推进法治政府建设的主要举措和成效\n"
        "全年审结行政复议案件120件，规划到2025年\n"
        "我县将此项工作纳入考核的做法得到推广。\n"
        "加强执法监督。\n"
        "2025年，我县将持续深化法治政府建设。\n"
        "坚持依法决策。2025年，我县将完善制度。\n"
    )
    outline = read_outline(parse_text(text), year=2024)
    assert outline.statutory["next_year"] == "mentioned"
    assert outline.evidence["next_year"] == [7]


COMBINED = """示例县人民政府关于2024年度法治政府建设情况的报告
一、2024年度推进法治政府建设的主要举措和成效
全年审结行政复议案件120件。
二、存在的问题和下一步工作打算
{body}
"""


@pytest.mark.parametrize(
    "body, sections",
    [
        (  # problems as sub-headings, then plans
            "（一）法治意识有待进一步增强\n部分干部运用法治思维不够。\n"
            "（二）行政执法不够规范\n执法程序有待完善。\n"
            "（三）加强法治教育培训\n开展专题培训。\n（四）规范行政执法行为\n推行三项制度。",
            ["shortcomings", "shortcomings", "next_year", "next_year"],
        ),
        (  # each part named by its own sub-heading
            "（一）存在的问题\n基层力量薄弱。\n（二）下一步工作打算\n持续推进。",
            ["shortcomings", "next_year"],
        ),
        (  # a plan that names a weak point is still a plan; a neutral one follows the one before
            "（一）推进力度不均衡\n个别单位重视不够。\n（二）补齐基层法治短板\n充实力量。\n"
            "（三）法治宣传教育\n深化普法。",
            ["shortcomings", "next_year", "next_year"],
        ),
    ],
)
def test_sub_headings_of_a_combined_heading_go_to_their_own_content(tmp_path, body, sections):
    path = tmp_path / "combined.txt"
    path.write_text(COMBINED.format(body=body), encoding="utf-8")
    outline = read_outline(read_document(path))
    combined = next(h for h in outline.headings if h.title == "存在的问题和下一步工作打算")
    assert combined.sections == ["shortcomings", "next_year"]
    assert [h.section for h in outline.headings if h.line > combined.line] == sections


@pytest.mark.parametrize("held_out", range(len(SEEDS)), ids=[s.stem[:3] for s in SEEDS])
def test_leave_one_out(held_out):
    """A model learned from the other four seeds still reads the fifth as expected."""
    model, problems = learn([s for i, s in enumerate(SEEDS) if i != held_out])
    assert not problems and model.reports == 4
    seed = SEEDS[held_out]
    expected = json.loads((EXPECTED / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert summary(read_outline(read_document(seed), model=model)) == expected


def as_docx(text: str, styled: bool = False) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        if styled and re.match(r"^[一二三四五六七八九十]+、", line):
            document.add_paragraph(
                re.sub(r"^[一二三四五六七八九十]+、", "", line), style="Heading 1"
            )
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_same_outline_in_every_encoding_and_docx(seed, tmp_path):
    text = seed.read_text(encoding="utf-8")
    reference = summary(read_outline(read_document(seed)))
    variants = {
        "gb18030.txt": text.encode("gb18030"),
        "utf16.txt": text.encode("utf-16"),  # with BOM
        "utf16le.txt": text.encode("utf-16-le"),  # without BOM
        "bom.txt": text.encode("utf-8-sig"),
        "report.docx": as_docx(text),
    }
    for name, data in variants.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert summary(read_outline(read_document(path))) == reference, name


def test_docx_heading_styles_give_levels_when_numbers_are_automatic():
    text = SEEDS[2].read_text(encoding="utf-8")  # 乐平市: 「一、主要举措和成效」 …
    doc = read_docx_bytes(as_docx(text, styled=True))
    level1 = [p.heading for p in doc.headings if p.level == 1]
    assert level1 == ["主要举措和成效", "存在问题和不足", "下一步工作打算"]


def test_markdown_report(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "# 某某县2025年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n**（一）深化理论武装。**严格落实制度。\n\n"
        "## 二、存在的不足和原因\n\n一是基层力量薄弱。\n",
        encoding="utf-8",
    )
    outline = read_outline(read_document(path))
    assert outline.title == "某某县2025年度法治政府建设情况报告"
    assert [(h.level, h.title) for h in outline.headings] == [
        (1, "主要举措和成效"),
        (2, "深化理论武装"),
        (1, "存在的不足和原因"),
    ]


def test_noisy_web_page():
    outline = read_outline(read_document(ODD / "noisy_web_page.txt"))
    doc = outline.document
    assert outline.title == "某某县2025年度法治政府建设情况报告" and outline.year == 2025
    assert [d.line for d in doc.noise] == [1, 3, 4, 18]
    assert doc.signers == ["某某县人民政府"] and doc.date == "2026年2月5日"
    assert all(v == "section" for k, v in outline.statutory.items() if k != "other")
    run_in = [h for h in outline.headings if h.level == 2]
    assert [h.title for h in run_in] == ["深化理论武装", "规范行政执法", "提升执法质量"]
    assert all(h.run_in for h in run_in)


def test_issuer_of_a_title_split_after_its_year():
    """GB/T 9704 titles break over lines: 「东城县人民政府关于2026年度」「法治政府建设情况的报告」."""
    doc = parse_text("东城县人民政府关于2026年度\n法治政府建设情况的报告\n\n一、主要举措\n正文。\n")
    assert doc.title == ["东城县人民政府关于2026年度", "法治政府建设情况的报告"]
    assert issuer_of(doc) == "东城县人民政府"


def test_split_title_lost_numbers_and_chinese_date():
    outline = read_outline(read_document(ODD / "split_title_lost_numbers.txt"))
    doc = outline.document
    assert doc.title == ["某某市人民政府办公室", "关于2025年度法治政府建设工作情况的报告"]
    assert outline.issuer == "某某市人民政府办公室" and outline.year == 2025
    assert doc.addressee == "市委全面依法治市委员会办公室"
    assert doc.date == "二〇二六年一月二十日" and parse_date(doc.date) == (2026, 1, 20)
    assert [(h.level, h.number) for h in outline.headings if h.level == 1] == [(1, None), (1, "二")]
    assert [h.number for h in outline.headings if h.level == 2] == [
        "一",
        "二",
        "三",
        "四",
    ]  # continues across sections
    assert outline.statutory == {
        "measures": "section",
        "shortcomings": "mentioned",
        "leader_duty": "mentioned",
        "next_year": "mentioned",
        "other": "missing",
    }


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025年1月15日", (2025, 1, 15)),
        ("2019129", (2019, 12, 9)),
        ("二〇二五年十二月三十一日", (2025, 12, 31)),
    ],
)
def test_dates(text, date):
    assert parse_date(text) == date


def test_noise_rules_fire_on_their_examples():
    for rule in load_data("noise.yaml")["patterns"]:
        assert rule["fires"] and rule["quiet"], rule["id"]
        for example in rule["fires"]:
            assert noise_kind(example) == rule["id"], (rule["id"], example)
        for example in rule["quiet"]:
            assert noise_kind(example) is None, (rule["id"], example)


def test_mention_rules_fire_on_their_examples():
    for section_id, rules in taxonomy().mentions.items():
        assert section_id in taxonomy().statutory_ids
        for rule in rules:
            pattern = re.compile(rule.regex.replace("{next_year}", "2025"))
            for example in rule.fires:
                assert pattern.search(example), (section_id, example)
            for example in rule.quiet:
                assert not pattern.search(example), (section_id, example)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "97-2003"),
        ("encrypted.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "加密"),
        (
            "random.docx",
            bytes(random.Random(1).randrange(256) for _ in range(4000)),
            "不是有效的 .docx",
        ),
        ("empty.docx", b"", "空"),
        ("report.wps", b"whatever", "WPS"),
    ],
)
def test_unreadable_inputs_get_a_clear_message(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DrafterError) as info:
        read_document(path)
    assert message in info.value.render()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash_the_readers(data):
    for reader in (lambda d: read_docx_bytes(d, "x.docx"),):
        try:
            reader(data)
        except DrafterError:
            pass
    from drafter.formats.text_reader import read_text_bytes

    for markdown in (False, True):
        try:
            read_text_bytes(data, markdown=markdown)
        except DrafterError as exc:  # bytes that are no text in any encoding: said so
            assert "无法识别文件的文字编码" in exc.message or "不是文字" in exc.message
    from drafter.formats.html_reader import read_html_bytes
    from drafter.formats.pdf_reader import _body_lines, paragraphs

    try:
        read_html_bytes(data)
    except DrafterError as exc:  # bytes that are no text: said so
        assert "不是文字" in exc.message
    paragraphs(_body_lines(data.decode("utf-8", "replace")))


@pytest.mark.parametrize("part", ["head", "tail"])
def test_official_frame_rule_examples(part):
    from drafter.reading.parser import official_kind

    for rule in load_data("official.yaml")[part]:
        for text in rule["fires"]:
            assert official_kind(normalize_line(text), part) == rule["id"], text
        for text in rule["quiet"]:
            assert official_kind(normalize_line(text), part) is None, text


def test_a_frame_is_not_title_nor_signature():
    doc = parse_text(
        "示例县人民政府文件\n示政报〔2027〕3号 签发人：李明\n示例县人民政府关于2026年度法治政府建设情况的报告\n"
        "示例市人民政府：\n一、主要举措和成效\n正文。\n特此报告。\n示例县人民政府\n2027年1月15日\n"
        "抄送：示例市司法局。\n示例县人民政府办公室 2027年1月16日印发\n"
    )
    assert doc.title == ["示例县人民政府关于2026年度法治政府建设情况的报告"]
    assert doc.signers == ["示例县人民政府"] and doc.date == "2027年1月15日"
    assert all("抄送" not in p.full_text for p in doc.paragraphs)
    # without a 发文字号 a first line ending in 「文件」 stays what it is
    assert parse_text("关于规范性文件\n一、主要举措\n正文。\n").title == ["关于规范性文件"]


def _split_heading_level_by_level(line: str):
    """split_heading as it was written before ANY_HEADING: each level's pattern in turn."""
    from drafter.reading import parser

    for level, pattern in parser.HEADING_PATTERNS:
        match = pattern.match(line)
        if match:
            number, rest = match.groups()
            return parser._heading(level, parser.NUMBER_FORMS[level].format(number), rest, 7)
    match = parser.LOST_LEVEL1.match(line)
    if match and "。" not in match.group(1).rstrip("。") and parser._lost_heading(match.group(1)):
        return parser._heading(1, None, match.group(1), 7)
    return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([*"一二十（）()123*.、．。 a中-•", "12", "（一）", "1.", "一、"])))
def test_one_match_finds_the_heading_each_levels_pattern_finds(pieces):
    """split_heading tries all heading numbers in one match (ANY_HEADING): the same paragraph
    as each level's pattern tried in turn, or None where that finds none."""
    from drafter.reading.parser import split_heading

    line = "".join(pieces)
    assert split_heading(line, 7) == _split_heading_level_by_level(line)
