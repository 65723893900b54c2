"""Import boundaries: drafting must not pay for the TUI (textual), python-docx (the .docx is
written as OOXML directly; only --official edits it with python-docx) or anything slow."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

PROBE = """
import sys
from drafter.cli import main
code = main(["draft", {facts!r}, "-o", {out!r}])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {{"textual", "rich", "hypothesis", "pytest", "docx"}})
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


def test_the_form_reaches_the_core_only_through_the_pipeline():
    """tui/ may use the pipeline, the models, the error type and process.py (the collector once
    the first screen is up); drafting, reading, checking and file formats are reached through
    `drafter.pipeline` (type-only imports aside)."""
    import ast

    allowed = (
        "drafter.pipeline",
        "drafter.models",
        "drafter.errors",
        "drafter.process",
        "drafter.tui",
    )
    offending = []
    for path in sorted((ROOT / "drafter" / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for node in ast.walk(block)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and id(node) not in type_only:
                module = node.module or ""
                names = [a.name for a in node.names]
                if module == "drafter":
                    module = "drafter." + names[0]
                if module.startswith("drafter") and not module.startswith(allowed):
                    offending.append(f"{path.relative_to(ROOT)}: {module}")
    assert offending == []
