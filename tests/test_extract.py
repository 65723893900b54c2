"""Carry-over from last year's report: figures recognised against hand-made expectations, nothing
invented, and extract → draft → check works on every seed."""

from __future__ import annotations

import json

import pytest

from drafter.batch import Options, check_file
from drafter.extract import extract_file
from drafter.formats.yaml_io import read_facts
from tests.conftest import ROOT, SEEDS

EXPECTED = ROOT / "tests" / "data" / "extract_expected"
CASES = sorted(EXPECTED.glob("*.json"))


@pytest.mark.parametrize("expected_file", CASES, ids=[c.stem[:3] for c in CASES])
def test_recognised_figures_against_hand_made_expectations(expected_file):
    expected = {
        k: v
        for k, v in json.loads(expected_file.read_text(encoding="utf-8")).items()
        if not k.startswith("_")
    }
    extraction = extract_file(ROOT / "seeds" / f"{expected_file.stem}.txt")
    got = extraction.recognised
    right = {k for k, v in expected.items() if got.get(k) == v}
    assert len(right) / len(expected) >= 0.9, (sorted(set(expected) - right), got)
    invented = {k: v for k, v in got.items() if expected.get(k) != v}
    assert not invented, invented  # every recognised value is one a person reads in the text


def test_extracted_facts_carry_over(tmp_path, cli):
    out = tmp_path / "facts-2025.yaml"
    result = cli("extract", SEEDS[0], "-o", out)
    assert result.code == 0, result.err
    assert "识别为上年数值的指标：16 项" in result.err and "未对应到指标的数字" in result.err
    facts = read_facts(out)
    assert facts.meta.year == 2025 and facts.meta.issuer == "石家庄市栾城区人民政府"
    disputes = facts.measures.areas.disputes
    assert (
        disputes.metrics.review_accepted.previous == 184
        and disputes.metrics.review_accepted.value is None
    )
    assert all(h.carried_over for h in disputes.highlights)
    plans = [
        p
        for area in (
            "party_leadership",
            "functions",
            "rules",
            "decisions",
            "enforcement",
            "emergency",
            "disputes",
            "supervision",
            "publicity",
            "digital",
            "capacity",
        )
        for p in (
            getattr(facts.measures.areas, area).last_year_plans
            if getattr(facts.measures.areas, area)
            else []
        )
    ]
    plans += facts.measures.last_year_plans
    assert "切实提升行政执法质量" in plans and "全面提升法律服务水平" in plans
    free = [
        f
        for area in ("enforcement",)
        for h in getattr(facts.measures.areas, area).highlights
        for f in h.figures
    ]
    assert any(
        f.label == "查处食品生产流通环节案件" and f.previous == 70 and f.value is None for f in free
    )
    assert out.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=facts.schema.json"
    )


def test_new_from_is_the_same_as_extract(tmp_path, cli):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert cli("extract", SEEDS[4], "-o", a).code == 0
    assert cli("new", "--from", SEEDS[4], "-o", b).code == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_extract_draft_check_round_trip(tmp_path, cli, seed):
    facts, report = tmp_path / "facts.yaml", tmp_path / "report.docx"
    assert cli("extract", seed, "-o", facts).code == 0
    result = cli("draft", facts, "-o", report)
    assert result.code == 0, result.err
    assert "沿用上年内容" in result.err  # nothing rewritten yet: the writer is told
    checked = check_file(report, Options())
    seed_missing = {
        sid for sid, s in check_file(seed, Options()).statutory.items() if s == "missing"
    }
    for finding in checked.findings:
        if finding.code == "statutory-missing":
            assert any(sid in finding.message for sid in seed_missing)
    copied = check_file(report, Options(previous=seed))
    assert any(f.code == "previous-copied" for f in copied.findings)  # unchanged text is caught


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "97-2003"),
        ("broken.docx", b"PK\x03\x04junk", "不是有效的 .docx"),
        (
            "no-year.txt",
            "某县法治政府建设情况报告\n一、主要举措和成效\n做了很多工作。\n".encode(),
            "年度",
        ),
    ],
)
def test_broken_inputs_write_nothing(tmp_path, cli, name, data, message):
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "facts.yaml"
    result = cli("extract", source, "-o", out)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err
    assert not out.exists()


def test_year_option_when_text_has_none(tmp_path, cli):
    source = tmp_path / "no-year.txt"
    source.write_text(
        "某县法治政府建设情况报告\n一、主要举措和成效\n做了很多工作。\n", encoding="utf-8"
    )
    out = tmp_path / "facts.yaml"
    assert cli("extract", source, "-o", out, "--year", "2025").code == 0
    assert read_facts(out).meta.year == 2026
