"""Findings written into a copy of the .docx as Word comments; the original is never touched."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from drafter.models.findings import SEVERITY_LABELS, ReportResult

AUTHOR = "drafter 检查"


def annotate(data: bytes, result: ReportResult) -> bytes:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    # paragraph numbers count every w:p in the body, as the reader does
    paragraphs = [Paragraph(p, document._body) for p in body.iter(qn("w:p"))]
    anchored = [p for p in paragraphs if p.runs]
    for f in result.findings:
        target = paragraphs[f.line - 1] if f.line and 0 < f.line <= len(paragraphs) else None
        if target is None or not target.runs:
            target = anchored[0] if anchored else None
        if target is None:
            target = document.add_paragraph()
            target.add_run(" ")
        document.add_comment(
            target.runs,
            text=f"【{SEVERITY_LABELS[f.severity]}】{f.message}（{f.code}）",
            author=AUTHOR,
            initials="DR",
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
