"""`Document` → plain text or Markdown, with the same content as the .docx.

The text form is what a person would type, and the outline parser reads it back like any
foreign report. The Markdown form also carries drafter's record (formats/own_marks.py), so that
reading it back gives exactly the same `Document`."""

from __future__ import annotations

import re

from drafter.formats.own_marks import md_comment, record_of
from drafter.models.document import Document, Paragraph


def write_text(document: Document) -> str:
    lines: list[str] = []
    if document.title:
        lines += [*document.title, ""]
    if document.addressee:
        lines += [f"{document.addressee}：", ""]
    lines += [p.full_text for p in document.paragraphs]
    if document.closing:
        lines += ["", document.closing]
    if document.signers or document.date:
        lines += ["", *document.signers, *([document.date] if document.date else [])]
    return "\n".join(lines) + "\n"


MD_SPECIAL_START = re.compile(r"^([#>*+\\-]|\d+[.)]|<!--)")


def _escape(text: str) -> str:
    """Body text that Markdown would take for markup (a heading, a list, a comment) at its start."""
    return "\\" + text if MD_SPECIAL_START.match(text) else text


def _markdown_paragraph(p: Paragraph) -> tuple[str, str]:
    """(block, kind): the kind goes into the file's record so that reading it back is exact."""
    if not p.is_heading:
        return _escape(p.full_text), "text"
    head = f"{p.number or ''}{p.heading}"
    if p.text:  # run-in heading: the heading phrase in bold, the body after it
        return f"**{head}。**{p.text}", f"runin{p.level}"
    return f"{'#' * (p.level + 1)} {head}", f"heading{p.level}"


def write_markdown(document: Document) -> str:
    blocks: list[tuple[str, str]] = []
    if document.title:
        blocks.append(("# " + "".join(document.title), "title"))
    if document.addressee:
        blocks.append((f"{document.addressee}：", "addressee"))
    blocks += [_markdown_paragraph(p) for p in document.paragraphs]
    if document.closing:
        blocks.append((document.closing, "closing"))
    tail = [*document.signers, *([document.date] if document.date else [])]
    if tail:  # hard line breaks keep 署名 and date on their own lines
        kind = f"tail{len(document.signers)}{'d' if document.date else ''}"
        blocks.append(("  \n".join(tail), kind))
    record = md_comment(record_of(document, [kind for _, kind in blocks]))
    return "\n\n".join([record, *(block for block, _ in blocks)]) + "\n"
