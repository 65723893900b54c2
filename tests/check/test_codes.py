"""The code registry (`templates/rules/codes.yaml`): every code a rule emits is declared there
once, every declared code has examples, and every example behaves as declared."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from drafter import pipeline
from drafter.batch import Options, check_file
from drafter.formats.docx_writer import write_docx
from drafter.formats.style_file import load_style
from drafter.models.codes import CodeExample, registry, severity_of
from drafter.models.data import plain, validate
from drafter.models.findings import SEVERITY_LABELS
from drafter.models.style import Style
from drafter.reading.parser import parse_text

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "drafter" / "check"
EMITTERS = {"finding", "Problem"}  # the calls whose first argument is a code


def emitted_codes() -> dict[str, str]:
    """Every code literal the checker emits → the module that emits it."""
    found = {}
    for path in CHECK.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            first = node.args[0]
            if name in EMITTERS and isinstance(first, ast.Constant):
                found[first.value] = path.relative_to(ROOT).as_posix()
    return found


def test_every_emitted_code_is_registered():
    emitted = emitted_codes()
    assert len(emitted) >= 20  # the scan still sees the rules
    unknown = {code: module for code, module in emitted.items() if code not in registry().codes}
    assert not unknown, f"add these codes to templates/rules/codes.yaml: {unknown}"


def test_an_unregistered_code_cannot_be_emitted():
    with pytest.raises(KeyError, match="codes.yaml"):
        severity_of("no-such-code")


def _merged(base: dict, override: dict) -> dict:
    return {
        key: _merged(base[key], value) if isinstance(value, dict) else value
        for key, value in {**base, **override}.items()
    }


def found_codes(example: CodeExample, tmp_path: Path) -> set[str]:
    if example.facts:  # as the form (drafter tui) checks what is being edited
        from drafter.formats.facts_document import FactsDocument
        from drafter.tui.findings import form_findings
        from drafter.tui.sections import section_specs

        doc = FactsDocument(tmp_path / "facts.yaml", example.facts)
        return {p.finding.code for p in form_findings(doc, section_specs()).placed}
    if example.file:
        path = tmp_path / example.file
        path.write_text(example.text, encoding="utf-8")
        return {f.code for f in check_file(path, Options(year=example.year)).findings}
    document, layout = parse_text(example.text), None
    if (
        example.style is not None
    ):  # drafted with the overridden profile, checked against the default
        style = validate(Style, _merged(plain(load_style()), example.style))
        path = tmp_path / "example.docx"
        path.write_bytes(write_docx(document, style, None))
        read = pipeline.read(path, with_layout=True)
        document, layout = read.document, read.layout
    previous = parse_text(example.previous) if example.previous else None
    _, findings = pipeline.check(document, layout=layout, previous=previous, year=example.year)
    return {f.code for f in findings}


EXAMPLES = [
    pytest.param(code, kind, example, id=f"{code}-{kind}-{n}")
    for code, entry in registry().codes.items()
    for kind in ("fires", "quiet")
    for n, example in enumerate(getattr(entry, kind))
]


@pytest.mark.parametrize(("code", "kind", "example"), EXAMPLES)
def test_example(tmp_path, code, kind, example):
    found = found_codes(example, tmp_path)
    assert (code in found) == (kind == "fires"), found


def test_every_code_has_both_kinds_of_examples():
    for code, entry in registry().codes.items():
        assert entry.fires and entry.quiet, code


def readme_codes() -> dict[str, str]:
    """README's code table: code → severity word. A row may hold several codes with one word,
    or one word per code (「`a` / `b` | 警告 / 提示」)."""
    table = {}
    for row in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        codes = re.findall(r"`([a-z]+(?:-[a-z]+)*)`", cells[0]) if row.startswith("| `") else []
        words = [w.strip() for w in cells[1].split("/")] if codes else []
        for n, code in enumerate(codes):
            table[code] = words[n] if len(words) == len(codes) else words[0]
    return table


def test_readme_lists_exactly_the_registered_codes():
    assert readme_codes() == {
        code: SEVERITY_LABELS[entry.severity] for code, entry in registry().codes.items()
    }
