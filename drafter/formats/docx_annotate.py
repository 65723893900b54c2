"""Findings written into a copy of the .docx as Word comments; the original is never touched."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from drafter.control_chars import xml_safe
from drafter.errors import DrafterError, Location
from drafter.formats.zip_limits import check_package
from drafter.models.findings import SEVERITY_LABELS, ReportResult

AUTHOR = "drafter 检查"


def annotate(data: bytes, result: ReportResult, path: str = "<docx>") -> bytes:
    """The annotated copy's bytes. python-docx unzips every part, so the zip caps are checked
    first; whatever python-docx raises on a package it cannot handle (no [Content_Types].xml,
    a broken relationship) is a message naming the file."""
    check_package(data, path)
    try:
        return _annotate(data, result)
    except (RecursionError, MemoryError) as exc:
        raise DrafterError(
            f"无法写入批注：文档过大或嵌套过深（{type(exc).__name__}）",
            location=Location(path),
        ) from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises anything on a broken package
        raise DrafterError(
            f"无法在这份文档中写入批注（{type(exc).__name__}）",
            hint="文档的结构不完整；请用 Word/WPS 打开后另存为 .docx，再加 --annotate。",
            location=Location(path),
        ) from None


def _annotate(data: bytes, result: ReportResult) -> bytes:
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
            text=xml_safe(f"【{SEVERITY_LABELS[f.severity]}】{f.message}（{f.code}）"),
            author=AUTHOR,
            initials="DR",
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
