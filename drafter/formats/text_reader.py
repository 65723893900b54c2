"""Plain text and Markdown reports → `Document`. Text arrives as UTF-8, GB18030/GBK or UTF-16,
with or without a BOM."""

from __future__ import annotations

import codecs
import re

from drafter.models.document import Document
from drafter.reading.parser import parse_text

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
    return parse_text(markdown_to_text(text) if markdown else text)
