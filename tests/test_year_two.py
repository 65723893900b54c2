"""Year two: last year's report (drafter's own .docx, or a real one) → this year's facts → this
year's report → `check --previous`. The issuer, kind, addressee and signers carry over, the year
moves on by one, the title says the new year once, and every carried-over paragraph still
unchanged is flagged."""

from __future__ import annotations

import pytest

from drafter import pipeline
from drafter.check.rules.previous import normal_text, settings
from drafter.formats.yaml_io import load_yaml, read_facts
from drafter.models.catalogue import catalogue
from drafter.models.facts import Facts
from tests.conftest import EXAMPLES, SEEDS

COUNTY = next(p for p in EXAMPLES if p.stem == "county-2026")


def _check_json(cli, *args):
    import json

    result = cli("check", *args, "--format", "json")
    assert result.code in (0, 1), result.err
    return json.loads(result.out)["reports"][0]


def test_drafted_report_year_two(tmp_path, cli):
    a, b, c = tmp_path / "a.docx", tmp_path / "b.yaml", tmp_path / "c.docx"
    assert cli("draft", COUNTY, "-o", a).code == 0
    assert cli("extract", a, "-o", b).code == 0
    facts = read_facts(b)
    original = read_facts(COUNTY)
    assert facts.meta.issuer == original.meta.issuer
    assert facts.meta.kind == original.meta.kind
    assert facts.meta.year == original.meta.year + 1
    assert facts.meta.addressee == original.meta.addressee
    assert facts.meta.signer_list == original.meta.signer_list
    # every count and amount the report stated is next year's previous value, nothing else
    stated = pipeline.draft(original).document.metrics
    carried = {
        metric: entry["previous"]
        for area in yaml_data(b)["measures"]["areas"].values()
        for metric, entry in (area.get("metrics") or {}).items()
    }
    assert carried == {m: v for m, v in stated.items() if catalogue().metric(m).kind != "rate"}
    assert len(carried) >= 40
    assert cli("draft", b, "-o", c).code == 0
    report = _check_json(cli, c, "--previous", a)
    assert report["title"] == "示例县人民政府关于2027年度法治政府建设情况的报告"
    assert report["title"].count("年度") == 1 and report["year"] == 2027
    codes = [f["code"] for f in report["findings"]]
    assert "year-mismatch" not in codes
    carried = _carried_paragraphs(facts)
    copied = [f for f in report["findings"] if f["code"] == "previous-copied"]
    assert carried and len(copied) >= len(carried)
    flagged = "".join(f["excerpt"].strip("…") for f in copied)
    for text in carried:
        assert text[:12] in flagged, text


def yaml_data(path):
    return load_yaml(path.read_text(encoding="utf-8"), str(path))


def _carried_paragraphs(facts: Facts) -> list[str]:
    """Carried-over texts long enough to be compared (shorter ones repeat legitimately)."""
    texts = []
    for area in facts.measures.areas.__dict__.values():
        if area is not None:
            texts += [h.text for h in area.highlights if h.carried_over]
    for part in (facts.shortcomings, facts.leader_duty, facts.other):
        texts += [i.text for i in part.items if i.carried_over]
    return [t for t in texts if len(normal_text(t)) >= settings()["min_chars"]]


def test_joint_department_year_two_keeps_kind_and_title_shape(tmp_path, cli):
    facts_file = tmp_path / "joint.yaml"
    facts_file.write_text(
        "meta:\n  issuer: 中共乐平市委 乐平市人民政府\n  issuer_short: 乐平市\n  kind: joint\n"
        "  year: 2024\n  signers: [中共乐平市委, 乐平市人民政府]\n"
        "shortcomings:\n  items: [基层执法力量相对薄弱，执法人员专业素质与综合执法改革要求还有差距，培训投入不足，执法装备保障有待加强。]\n",
        encoding="utf-8",
    )
    a, b, c = tmp_path / "a.docx", tmp_path / "b.yaml", tmp_path / "c.md"
    assert cli("draft", facts_file, "-o", a).code == 0
    assert cli("extract", a, "-o", b).code == 0
    again = read_facts(b)
    assert again.meta.kind == "joint" and again.meta.year == 2025
    assert again.meta.issuer == "中共乐平市委 乐平市人民政府"
    assert again.meta.signers == ["中共乐平市委", "乐平市人民政府"]
    assert cli("draft", b, "-o", c).code == 0
    report = _check_json(cli, c, "--previous", a)
    assert report["year"] == 2025 and "year-mismatch" not in [f["code"] for f in report["findings"]]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_year_two(tmp_path, cli, seed):
    b, c = tmp_path / "b.yaml", tmp_path / "c.docx"
    assert cli("extract", seed, "-o", b).code == 0
    facts = read_facts(b)
    report_last = _check_json(cli, seed)
    assert facts.meta.year == report_last["year"] + 1
    assert facts.meta.issuer == report_last["issuer"]
    assert cli("draft", b, "-o", c).code == 0
    report = _check_json(cli, c, "--previous", seed)
    assert report["year"] == facts.meta.year
    assert f"{facts.meta.year}年度" in report["title"] and report["title"].count("年度") == 1
    assert "year-mismatch" not in [f["code"] for f in report["findings"]]
