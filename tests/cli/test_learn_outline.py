"""`drafter learn` and `drafter outline` as a user runs them; the committed model is current."""

from __future__ import annotations

import json
import random
import shutil

from drafter.formats.structure_file import default_model_path, dumps
from drafter.learn.learner import learn
from tests.conftest import ROOT, SEEDS


def test_committed_structure_model_is_current():
    model, problems = learn(SEEDS)
    assert not problems
    committed = default_model_path().read_text(encoding="utf-8")
    assert committed == dumps(model), "run: drafter learn seeds/ -o templates/structure.yaml"


def test_learning_is_deterministic_whatever_the_input_order():
    shuffled = SEEDS[:]
    random.Random(7).shuffle(shuffled)
    assert dumps(learn(shuffled)[0]) == dumps(learn(SEEDS)[0])


def test_model_contents():
    model = learn(SEEDS)[0]
    assert model.reports == 5
    by_id = {s.id: s for s in model.sections}
    assert [s.id for s in model.statutory] == [
        "measures",
        "shortcomings",
        "leader_duty",
        "next_year",
        "other",
    ]
    assert by_id["measures"].support == 1.0 and by_id["shortcomings"].support == 0.8
    assert by_id["leader_duty"].as_section == 0.2  # only 惠济区 gives it a section
    assert all(s.required for s in model.statutory if s.id != "other")
    assert "存在问题及下一步打算" in [h.text for h in by_id["shortcomings"].headings]
    assert "存在问题及下一步打算" in [h.text for h in by_id["next_year"].headings]
    assert any("{n}" in p.text for p in by_id["functions"].phrasings)
    assert ("受理行政复议申请", "件") in {(m.name, m.unit) for m in by_id["disputes"].metrics}
    positions = [s.position for s in model.areas if s.position is not None]
    assert positions == sorted(positions)


def test_learn_command_writes_and_reports(tmp_path, cli):
    out = tmp_path / "model.yaml"
    result = cli("learn", ROOT / "seeds", "-o", out, "--report")
    assert result.code == 0, result.err
    assert "结构模型：5 份报告" in result.out and "存在的不足和原因" in result.out
    assert out.read_text(encoding="utf-8") == default_model_path().read_text(encoding="utf-8")
    # its own output may be regenerated without --force; someone else's file may not
    assert cli("learn", ROOT / "seeds", "-o", out).code == 0
    other = tmp_path / "mine.yaml"
    other.write_text("my notes\n", encoding="utf-8")
    result = cli("learn", ROOT / "seeds", "-o", other)
    assert result.code == 2 and other.read_text(encoding="utf-8") == "my notes\n"


def test_learn_skips_unreadable_files(tmp_path, cli):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder)
    (folder / "broken.docx").write_bytes(b"not a zip")
    result = cli("learn", folder, "-o", tmp_path / "m.yaml")
    assert result.code == 0 and "broken.docx" in result.err and "跳过" in result.err


def test_learn_with_nothing_readable(tmp_path, cli):
    (tmp_path / "a.docx").write_bytes(b"junk")
    result = cli("learn", tmp_path, "-o", tmp_path / "m.yaml")
    assert result.code == 2 and not (tmp_path / "m.yaml").exists()


def test_outline_command_text(cli):
    result = cli("outline", ROOT / "seeds" / "002_a780ee8589bcad1d.txt")
    assert result.code == 0
    assert "一、主要举措和成效  →  主要举措和成效" in result.out
    assert "党政主要负责人履行推进法治建设第一责任人职责情况：仅在正文中提及" in result.out


def test_outline_command_json(cli):
    result = cli("outline", SEEDS[3], "--format", "json")
    data = json.loads(result.out)
    assert data["year"] == 2022 and data["addressee"] == "市人民政府"
    first = data["headings"][0]
    assert first == {
        "level": 1,
        "number": "一",
        "title": "党政主要负责人履行推进法治建设第一责任人职责情况",
        "section": "leader_duty",
        "sections": ["leader_duty"],
        "confidence": 1.0,
        "line": 8,
        "run_in": False,
    }


def test_outline_of_missing_file(tmp_path, cli):
    result = cli("outline", tmp_path / "nope.docx")
    assert result.code == 2 and "找不到" in result.err and "Traceback" not in result.err
