"""The editing core works without textual, and neither `draft` nor `check` pays for textual."""

from __future__ import annotations

import subprocess
import sys

from drafter.formats.facts_document import FactsDocument, journal_path
from drafter.formats.yaml_io import read_facts
from drafter.skeleton import skeleton
from drafter.tui.sections import section_specs
from tests.conftest import EXAMPLES, ROOT, SEEDS

CORE = [
    "drafter.formats.facts_document",
    "drafter.tui.sections",
    "drafter.tui.preview",
    "drafter.tui.findings",
]


def imports_textual(code: str) -> bool:
    probe = f"import sys\n{code}\nprint(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return out.stdout.strip() == "True"


def test_core_imports_no_textual():
    assert not imports_textual("\n".join(f"import {m}" for m in CORE))


def test_check_does_not_import_textual():
    assert not imports_textual(f"from drafter.cli import main; main(['check', {str(SEEDS[0])!r}])")


def test_tui_does_import_textual():  # the probe itself works
    assert imports_textual("import drafter.tui.app")


def test_hand_edited_skeleton_keeps_its_comments(tmp_path):
    path = tmp_path / "facts.yaml"
    text = skeleton("示例县人民政府", 2026).replace(
        "  addressee:\n", "  addressee: 示例市人民政府  # 手写的注释\n"
    )
    path.write_text(text, encoding="utf-8")
    doc = FactsDocument.open(path, "")
    doc.set(("measures", "areas", "disputes", "metrics", "review_received"), 197)
    doc.save()
    saved = path.read_text(encoding="utf-8")
    assert "# 手写的注释" in saved and "# 收到行政复议申请（件）" in saved
    assert saved.count("\n#") >= text.count("\n#") - 1  # top comments kept
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    assert all(c in saved for c in comments)
    assert read_facts(path).measures.areas.disputes.metrics.review_received.value == 197


def test_journal_round_trip(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_bytes(EXAMPLES[0].read_bytes())
    doc = FactsDocument.open(path, "")
    assert doc.journal() is None
    doc.set(("meta", "addressee"), "另一个市人民政府")
    doc.write_journal()
    assert journal_path(path).exists() and path.read_bytes() == EXAMPLES[0].read_bytes()
    again = FactsDocument.open(path, "")
    assert again.journal() is not None
    again.restore_journal()
    assert again.get(("meta", "addressee")) == "另一个市人民政府"
    again.save()
    assert not journal_path(path).exists()


def test_section_states(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_bytes(EXAMPLES[1].read_bytes())
    doc = FactsDocument.open(path, "")
    states = {s.id: s.state(doc) for s in section_specs()}
    assert states["shortcomings"] == "empty" and states["disputes"] == "complete"
    assert states["emergency"] == "empty" and states["meta"] == "complete"
    doc.set(("measures", "areas", "disputes", "metrics", "review_received"), -1)
    states = {s.id: s.state(doc) for s in section_specs()}
    assert states["disputes"] == "error" and states["measures"] == "error"


# ---- issue 13 ---------------------------------------------------------------------------------
def county_doc(tmp_path):
    from drafter.formats.facts_document import FactsDocument

    path = tmp_path / "facts.yaml"
    path.write_text(
        EXAMPLES_BY_NAME["county-2026.yaml"].read_text(encoding="utf-8"), encoding="utf-8"
    )
    return FactsDocument.open(path, "")


EXAMPLES_BY_NAME = {p.name: p for p in EXAMPLES}


def test_plain_string_items_are_edited_in_place(tmp_path):
    doc = county_doc(tmp_path)
    assert isinstance(doc.get(("shortcomings", "items", 0)), str)
    assert doc.set(("shortcomings", "items", 0, "text"), "一是认识不够。")
    assert doc.get(("shortcomings", "items", 0)) == "一是认识不够。"  # still the short form
    assert not doc.set(("shortcomings", "items", 0, "text"), "一是认识不够。")
    assert not doc.set(("shortcomings", "items", 1, "heading"), "")  # nothing typed: no change
    assert isinstance(doc.get(("shortcomings", "items", 1)), str)
    assert doc.set(("shortcomings", "items", 1, "heading"), "执法力量")
    assert doc.get(("shortcomings", "items", 1, "heading")) == "执法力量"
    assert doc.get(("shortcomings", "items", 1, "text")).startswith("二是")
    assert not doc.problems


def test_an_item_exists_once_typed_into(tmp_path):
    doc = county_doc(tmp_path)
    count = len(doc.get(("next_year", "items")))
    assert doc.set(("next_year", "items", count, "text"), "加强")
    assert doc.get(("next_year", "items", count)) == {"text": "加强"} and not doc.problems


def test_dates_are_saved_unquoted(tmp_path):
    doc = county_doc(tmp_path)
    doc.set(("meta", "date"), "2027-01-20")
    doc.save()
    text = doc.path.read_text(encoding="utf-8")
    assert "  date: 2027-01-20\n" in text
    assert read_facts(doc.path).meta.date.isoformat() == "2027-01-20"


def test_facts_problems_are_findings_with_their_field(tmp_path):
    from drafter.check.engine import CODES
    from drafter.tui.findings import form_findings

    doc = county_doc(tmp_path)
    doc.set(("measures", "areas", "rules", "metrics", "normative_reviewed"), -3)
    review = form_findings(doc, section_specs())
    (placed,) = review.placed
    assert placed.finding.code == "facts-invalid" and "facts-invalid" in CODES
    assert placed.finding.field == ("measures", "areas", "rules", "metrics", "normative_reviewed")
    assert placed.section == "rules"


def test_check_findings_are_placed_in_their_section(tmp_path):
    from drafter.tui.findings import form_findings

    doc = county_doc(tmp_path)
    doc.set(("measures", "areas", "disputes", "intro"), "全年受理XX件。")
    placed = [
        p for p in form_findings(doc, section_specs()).placed if p.finding.code == "placeholder"
    ]
    assert [p.section for p in placed] == ["disputes"]


def test_length_counts_characters_and_gbt9704_pages():
    from drafter.tui.preview import length

    one_page = "\n".join(["字" * 26] * 22)  # 26 characters + 2 of indent: one line each
    assert length(one_page) == f"{26 * 22}字/1.0页"
    assert length("") == ""


def test_replacing_lists_what_changes(tmp_path):
    from drafter.tui.sections import replacement_changes

    doc = county_doc(tmp_path)
    new = {"schema_version": 1, "meta": {"issuer": "石家庄市栾城区人民政府", "year": 2024}}
    changes = replacement_changes(doc, new, section_specs())
    assert "报告所述年度：2026 → 2024" in changes
    assert "发文机关全称：示例县人民政府 → 石家庄市栾城区人民政府" in changes
    assert any(c.startswith("不足原因：现有内容将被清空") for c in changes)


def test_saved_files_follow_the_umask(tmp_path):
    import os
    import stat

    from drafter.formats.facts_document import FactsDocument

    old = os.umask(0o022)
    try:
        doc = FactsDocument.open(tmp_path / "new.yaml", skeleton("示例县人民政府", 2026))
        doc.save()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644
