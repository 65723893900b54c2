"""Plain text and Markdown reports → `Document`. Text arrives as UTF-8, GB18030/GBK or UTF-16,
with or without a BOM."""

from __future__ import annotations

import codecs
import re

from drafter.formats.own_marks import (
    apply_record,
    md_record,
    record_headings,
    split_known_number,
)
from drafter.models.document import Document, Paragraph
from drafter.reading.parser import parse_text, split_number

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
MARKDOWN_BREAK = re.compile(r"\s{2,}$|\\$")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). Never raises: undecodable bytes become U+FFFD under GB18030."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:20000]:  # text never holds NUL bytes; UTF-16 without a BOM does
        encoding = _utf16_order(data)
        if encoding:
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "gb18030"


def _utf16_order(data: bytes) -> str | None:
    """Chinese UTF-16 has NULs only beside ASCII characters; line breaks and digits show which
    byte of each pair is the NUL."""
    sample = data[: len(data) - len(data) % 2][:20000]
    low_nul = sample[1::2].count(0)  # ASCII in little-endian: 'a\x00'
    high_nul = sample[0::2].count(0)
    if low_nul == high_nul:
        return None
    return "utf-16-le" if low_nul > high_nul else "utf-16-be"


def markdown_to_text(text: str) -> str:
    """Markdown as people write reports in it: `## 一、…`, `**（一）标题。**正文`, quotes."""
    lines = []
    for line in text.splitlines():
        if line.strip() in {"---", "***", "___"}:
            continue
        line = MARKDOWN_BREAK.sub("", line)
        # a list dash before a lost number (「- 坚持党的领导」) is the noise the outline expects
        if not re.match(r"^\s{0,3}-\s+\S", line):
            line = MARKDOWN_PREFIX.sub("", line)
        lines.append(MARKDOWN_EMPHASIS.sub(r"\2", line))
    return "\n".join(lines)


def read_text_bytes(data: bytes, markdown: bool = False) -> Document:
    text, _ = decode(data)
    if markdown:
        first, _, rest = text.lstrip("\ufeff").partition("\n")
        record = md_record(first)
        own = _own_markdown(rest, record) if record else None
        if own is not None:
            return own
    return parse_text(markdown_to_text(text) if markdown else text)


def _own_markdown(text: str, record: dict) -> Document | None:
    """A Markdown file drafter wrote: each block's kind is in the record, nothing is guessed.
    None when the blocks no longer match the record (the file was edited): read it as text."""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text.strip("\n")) if b.strip()]
    kinds = record.get("blocks")
    if not isinstance(kinds, list) or len(kinds) != len(blocks):
        return None
    doc = Document()
    numbers = [number for _, _, number in record_headings(record)]
    for line, (block, kind) in enumerate(zip(blocks, kinds, strict=True), start=1):
        kind = str(kind)
        if kind == "title":
            doc.title = [block.removeprefix("# ")]
        elif kind == "addressee":
            doc.addressee = block.rstrip("：")
        elif kind == "closing":
            doc.closing = block
        elif kind.startswith("tail"):
            lines = [t.rstrip() for t in block.split("\n")]
            if kind.endswith("d"):
                doc.date = lines.pop()
            doc.signers = lines
        elif kind.startswith(("heading", "runin")) and kind[-1:] in "1234":
            level = int(kind[-1])
            if kind.startswith("runin"):
                match = re.match(r"^\*\*(.*?)。\*\*(.*)$", block, re.S)
                if match is None:
                    return None
                head, body = match.groups()
            else:
                head, body = block.lstrip("#").strip(), ""
            number, heading = split_known_number(head, numbers, len(doc.headings)) or split_number(
                head, level
            )
            doc.paragraphs.append(
                Paragraph(level=level, number=number, heading=heading, text=body, line=line)
            )
        elif kind == "text":
            doc.paragraphs.append(Paragraph(text=block.removeprefix("\\"), line=line))
        else:
            return None
    return apply_record(doc, record)
