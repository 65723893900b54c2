"""`Document` → plain text or Markdown, with the same content as the .docx.

The text form is what the templates produce and what the outline parser reads, so
`parse_text(write_text(doc))` gives back the same document."""

from __future__ import annotations

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


def _markdown_paragraph(p: Paragraph) -> str:
    if not p.is_heading:
        return p.full_text
    head = f"{p.number or ''}{p.heading}"
    if p.text:  # run-in heading: the heading phrase in bold, the body after it
        return f"**{head}。**{p.text}"
    return f"{'#' * (p.level + 1)} {head}"


def write_markdown(document: Document) -> str:
    blocks: list[str] = []
    if document.title:
        blocks.append("# " + "".join(document.title))
    if document.addressee:
        blocks.append(f"{document.addressee}：")
    blocks += [_markdown_paragraph(p) for p in document.paragraphs]
    if document.closing:
        blocks.append(document.closing)
    tail = [*document.signers, *([document.date] if document.date else [])]
    if tail:
        blocks.append("  \n".join(tail))  # hard line breaks keep 署名 and date on their own lines
    return "\n\n".join(blocks) + "\n"
