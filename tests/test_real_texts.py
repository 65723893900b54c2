"""Real report texts as found on government sites (tests/data/real/, hand-labelled), and the
phenomena behind them: page furniture, the report's own year, titles and issuers, statutory
contents. The labelled corpus must be read to the issue's thresholds; bench/real_texts.py prints
the same figures with every miss."""

from __future__ import annotations

import json
import re

import pytest

from bench.real_texts import evaluate, labelled_texts
from drafter import pipeline
from drafter.models.catalogue import taxonomy
from drafter.models.data import plain
from drafter.models.document import Dropped
from drafter.models.reading_rules import fold, noise_rules, reading_rules
from drafter.reading.parser import noise_kind, normalize_line, parse_text

STATUSES = {"section", "mentioned", "missing"}
LEVELS = {"province", "city", "county", "district", "township", "street", "department"}


def read(text: str, tmp_path, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = pipeline.read(path).document
    return pipeline.check(document)


def test_labelled_corpus_is_read_to_the_issue_thresholds():
    score = evaluate()
    assert score.texts >= 40
    assert score.precision >= 0.95 and score.recall >= 0.95, score.misses
    assert score.rate("year") >= 0.95, score.misses
    assert score.rate("title") >= 0.95, score.misses
    assert score.rate("statutory") >= 0.95, score.misses


def test_labels_are_complete_and_the_corpus_is_varied():
    labels = [
        json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in labelled_texts()
    ]
    for label in labels:
        assert set(label["statutory"]) == set(taxonomy().statutory_ids)
        assert set(label["statutory"].values()) <= STATUSES
        assert label["level"] in LEVELS and 2017 <= label["year"] <= 2025
        assert all(h["level"] in (1, 2, 3, 4) and h["title"] for h in label["outline"])
    assert {label["level"] for label in labels} == LEVELS
    assert len({label["region"] for label in labels}) >= 12
    assert {label["year"] for label in labels} >= set(range(2017, 2026)) - {2018}


def test_noise_trims_hold_their_examples():
    for trim in noise_rules().trims:
        pattern = re.compile(trim.regex)
        for example in trim.examples:
            assert pattern.sub("", normalize_line(example.before)) == normalize_line(example.after)


def test_reading_rules_hold_their_examples():
    rules = reading_rules()
    examples = [
        *rules.titles,
        rules.title_continuation,
        *plain(rules.title_organ).values(),
        *plain(rules.year).values(),
    ]
    for rule in examples:
        rule = rule if isinstance(rule, dict) else plain(rule)
        pattern = re.compile(rule["regex"])
        for text in rule["fires"]:
            assert pattern.search(fold(normalize_line(text))), (rule["regex"], text)
        for text in rule["quiet"]:
            assert not pattern.search(fold(normalize_line(text))), (rule["regex"], text)


def test_announcement_rules_hold_their_examples():
    for rule in taxonomy().announcements:
        for text in rule.fires:
            assert re.search(rule.regex, text), text
        for text in rule.quiet:
            assert not re.search(rule.regex, text), text


def test_page_furniture_is_dropped_and_shown_with_its_rule(tmp_path, cli):
    text = (
        "今天是:2019年10月31日 星期三 农历十月初七\n工作报告\n无障碍 简体| 繁体\n"
        "某某区2020年法治政府建设情况报告\n文章来源:司法局 更新时间:2021/03/29 11:30:01\n"
        "某某区2020年法治政府建设情况报告\n• 发文字号：〔〕号\n"
        "2020年，某某区坚持依法行政。\n一、主要举措和成效\n（一）规范执法。推行三项制度。\n"
    )
    outline, _ = read(text, tmp_path)
    assert outline.title == "某某区2020年法治政府建设情况报告" and outline.year == 2020
    assert [(h.level, h.title) for h in outline.headings] == [
        (1, "主要举措和成效"),
        (2, "规范执法"),
    ]
    kinds = [d.kind for d in outline.document.noise]
    assert kinds == [
        "page-header-date",
        "site-label",
        "site-menu",
        "source-line",
        "title-repeat",
        "metadata",
    ]
    result = cli("outline", tmp_path / "report.txt", "--show-dropped")
    assert "page-header-date  今天是" in result.out and "title-repeat" in result.out


def test_a_cover_letter_before_the_title_is_not_the_report(tmp_path):
    text = (
        "某环法〔2023〕23号\n市委、市政府：\n"
        "报告包括四个方面：主要举措和成效、存在的不足和原因、第一责任人职责情况以及2023年主要安排。\n"
        "某某市生态环境局\n2023年1月28日\n某某市生态环境局关于2022年度\n法治政府建设情况的报告\n"
        "2022年，我局坚持依法行政。\n一、2022年推进法治政府建设的主要举措和成效\n（一）学法。全年学法12次。\n"
    )
    outline, _ = read(text, tmp_path)
    assert outline.document.title == ["某某市生态环境局关于2022年度", "法治政府建设情况的报告"]
    assert outline.issuer == "某某市生态环境局" and outline.year == 2022
    assert {d.kind for d in outline.document.noise} == {"before-title"}
    assert outline.statutory["shortcomings"] == outline.statutory["leader_duty"] == "missing"


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        (
            "中共乐平市委 乐平市人民政府关于2023年度法治政府建设情况的报告",
            "中共乐平市委 乐平市人民政府",
        ),
        (
            "中共乐平市委\n乐平市人民政府\n关于2023年度法治政府建设情况的报告",
            "中共乐平市委 乐平市人民政府",
        ),
        ("某某县司法局\n2023年度法治政府建设情况报告", "某某县司法局"),
        ("2023年某某街道法治政府建设情况报告", "某某街道"),
        ("某某鄉2023年法治政府建設情況報告", "某某鄉"),
    ],
)
def test_issuers_joint_split_departments_and_streets(tmp_path, title, issuer):
    outline, _ = read(f"{title}\n2023年，我们坚持依法行政。\n一、主要举措和成效\n", tmp_path)
    assert outline.issuer == issuer and outline.year == 2023


def test_issuer_from_page_metadata_when_there_is_no_title(tmp_path):
    text = "- 索 引 号: 001/2025-00003\n- 发布机构: 某某镇人民政府\n2024年，某某镇坚持依法行政。\n一、主要举措和成效\n"
    outline, _ = read(text, tmp_path)
    assert outline.title is None and outline.issuer == "某某镇人民政府" and outline.year == 2024


def test_year_ranges_and_page_dates_are_not_the_year(tmp_path):
    text = (
        "某某市人民政府 2019年12月3日星期二\n"
        "根据《全面深化法治领域改革纲要(2023—2027年)》要求，2023年，某某街道深入推进法治建设。\n"
        "一、推进法治建设的主要举措和成效\n"
    )
    outline, findings = read(text, tmp_path)
    assert outline.year == 2023 and not outline.year_uncertain
    assert [e.source for e in outline.year_evidence] == ["opening"]
    assert "year-mismatch" not in {f.code for f in findings}


def test_disagreeing_evidence_is_reported_with_its_candidates(tmp_path):
    text = "2024年，某某乡坚持依法行政。\n一、2023年度推进法治政府建设的主要举措和成效\n（一）学法。学法4次。\n"
    outline, findings = read(text, tmp_path)
    assert outline.year == 2024 and outline.year_uncertain
    uncertain = [f for f in findings if f.code == "year-uncertain"]
    assert len(uncertain) == 1 and "开头 2024 年" in uncertain[0].message
    assert "一级标题 2023 年" in uncertain[0].message


def test_this_year_so_far_takes_the_publication_date(tmp_path):
    text = (
        "发布时间：2017-12-13 09:30\n今年以来，我县深入推进依法行政。\n一、依法全面履行政府职能\n"
    )
    outline, findings = read(text, tmp_path)
    assert outline.year == 2017 and outline.year_uncertain
    assert [e.source for e in outline.year_evidence] == ["published"]
    assert "year-uncertain" in {f.code for f in findings}


def test_masked_numbering_and_run_in_markers(tmp_path):
    text = (
        "某某街道2025年法治政府建设年度报告\n****年，某某街道坚持依法行政。\n"
        "一、****年推进法治政府建设的主要举措和成效\n*.加强组织领导。调整领导小组。\n"
        "一是健全机制。二是完善考核。\n"
    )
    outline, _ = read(text, tmp_path)
    assert [(h.level, h.number, h.title) for h in outline.headings] == [
        (1, "一", "****年推进法治政府建设的主要举措和成效"),
        (3, "*", "加强组织领导"),
    ]
    assert outline.year == 2025


def test_leader_duty_sub_section_and_first_responsibility_without_person(tmp_path):
    text = (
        "某某县2024年度法治政府建设情况报告\n2024年，我县坚持依法行政。\n一、主要举措和成效\n"
        "（一）主要负责人带头履行推进法治建设第一责任人职责。县长主持专题会议。\n"
        "二、存在的不足和原因\n执法力量不足。\n三、2025年工作安排\n深化改革。\n"
    )
    outline, findings = read(text, tmp_path)
    assert outline.statutory["leader_duty"] == "section"
    assert "statutory-mentioned-only" not in {f.code for f in findings}
    text = "某某市2023年法治政府建设情况报告\n2023年，我市坚持依法行政。\n一、持续加强党的领导，切实扛稳法治建设“第一责任”\n市委常委会定期研究。\n"
    assert read(text, tmp_path)[0].statutory["leader_duty"] == "section"


def test_announcements_and_work_verbs_are_not_mentions(tmp_path):
    text = (
        "2025年，某某街道扎实推进依法行政。现将本年度工作情况、存在不足及下一步安排报告如下：\n"
        "一、2025年推进法治政府建设总体情况\n定期研究法治建设存在问题，及时解决工作中存在的问题。\n"
    )
    outline, _ = read(text, tmp_path)
    assert outline.statutory["shortcomings"] == outline.statutory["next_year"] == "missing"
    text = "2025年，某某街道扎实推进依法行政。\n一、主要举措和成效\n学法12次。\n但仍存在执法力量不足等问题。下一步，街道将深化改革。\n"
    outline, _ = read(text, tmp_path)
    assert outline.statutory["shortcomings"] == outline.statutory["next_year"] == "mentioned"


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        (  # traditional characters read like simplified
            "某某鄉2024年法治政府建設情況報告\n2024年，某某鄉堅持依法行政。\n"
            "一、2024年度推進法治政府建設的主要舉措和成效\n（一）規範執法。推行三項制度。\n"
            "二、2024年度推進法治政府建設存在的不足和原因\n法治隊伍建設有待加強。\n",
            [],
        ),
        (  # a copy cut before its first section starts at 「（三）」
            "2021年上半年法治政府建设工作情况报告(乡镇版)\n……(开头部分已省略650字)\n"
            "(三)规范执法，提高行政执法工作效能。\n全镇执法人员持证上岗。\n"
            "二、法治政府建设工作存在的问题及原因\n存在的问题主要有：\n一是依法行政意识不强；\n",
            [Dropped(2, "……（开头部分已省略650字）", "cut")],
        ),
    ],
    ids=["traditional", "cut-copy"],
)
def test_sections_of_traditional_and_cut_copies(tmp_path, text, dropped):
    outline, _ = read(text, tmp_path)
    assert outline.title == text.splitlines()[0].replace("(", "（").replace(")", "）")
    assert outline.year in (2021, 2024) and outline.document.noise == dropped
    assert outline.statutory["measures"] == outline.statutory["shortcomings"] == "section"


def test_lost_number_headings_are_not_menu_or_metadata_bullets():
    doc = parse_text(
        "某某县2024年度法治政府建设情况报告\n- 坚持党的领导，压实责任\n- 来源：县司法局\n- 首页\n"
    )
    assert [p.heading for p in doc.headings] == ["坚持党的领导，压实责任"]
    assert noise_kind("• 发文字号：〔〕号") == "metadata"
