"""The editing core works without textual, and neither `draft` nor `check` pays for textual."""

from __future__ import annotations

import subprocess
import sys

from drafter.formats.facts_document import FactsDocument, journal_path
from drafter.formats.yaml_io import read_facts
from drafter.skeleton import skeleton
from drafter.tui.sections import section_specs
from tests.conftest import EXAMPLES, ROOT, SEEDS

CORE = ["drafter.formats.facts_document", "drafter.tui.sections", "drafter.tui.preview"]


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
