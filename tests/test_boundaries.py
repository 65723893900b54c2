"""Import boundaries: drafting must not pay for the TUI (textual) or anything slow."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

PROBE = """
import sys
from drafter.cli import main
code = main(["draft", {facts!r}, "-o", {out!r}])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {{"textual", "rich", "hypothesis", "pytest"}})
print(code, heavy)
"""


def test_draft_does_not_import_textual(tmp_path):
    out = tmp_path / "r.docx"
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(facts=str(EXAMPLES[0]), out=str(out))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert proc.stdout.strip() == "0 []", proc.stdout + proc.stderr
    assert out.exists()


def test_models_do_not_import_formats_or_render():
    code = (
        "import sys, drafter.models.facts, drafter.models.document, drafter.models.style;"
        "print(sorted(m for m in sys.modules if m.startswith(('drafter.formats', 'drafter.render', 'jinja2', 'docx'))))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert proc.stdout.strip() == "[]"
