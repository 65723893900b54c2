"""A PDF's text layer → `Document`, through poppler's `pdftotext -layout`.

Why pdftotext -layout (README「读取的文件格式」): on a report LibreOffice printed from a drafted
.docx, pdftotext, pypdf and pdfminer.six all give the CJK text in reading order, but pdftotext
takes ~70 ms where pypdf takes ~280 ms and pdfminer.six ~520 ms (bench/pdf_readers.py), adds no
Python dependency, and -layout keeps each line's indent: 公文 paragraphs start with a two-character
indent, the one reliable sign of where a paragraph that PDF wrapping split into lines begins.

Lines are joined back into paragraphs (a line continues the one above unless that one ended short
of the right margin or this one is indented), page numbers (「— 1 —」「第 1 页 共 3 页」) and
running headers/footers repeated on most pages are dropped, and the gaps extraction puts between
characters (font changes, the letter-spaced text layer OCR puts on scans) are closed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.models.document import Document
from drafter.reading.parser import normalize_lines, parse_lines, split_heading

TIMEOUT_SECONDS = 120
# matched whole against the stripped line (`is_page_number`), and anchored: a line of spaces is
# not tried in n² ways, as a pattern with spaces at both ends or searched from every place would be
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]*\s*\d{1,3}\s*[-—–－]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
CJK = "\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
# pdftotext puts a space where the font changes between Chinese and digits/Latin (「学法 12 次」);
# typed reports have none there.
FONT_GAP = re.compile(rf"(?<=[{CJK}])\s(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])\s(?=[{CJK}])")
WIDE_GAP = re.compile(r"\s{2,}")
# The text layer that OCR puts on a scan often has a space after every character (「法 治 政 府」).
SPACED_CJK = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")
SPACED = re.compile(rf"(?<=[{CJK}0-9%.]) (?=[{CJK}0-9%.])")
CJK_CHAR = re.compile(rf"[{CJK}]")
SENTENCE_END = "。！？：；"
DIGITS = re.compile(r"\d+")
EDGE_LINES = 2  # lines at the top and at the bottom of a page where running heads stand
SHORT_BY = 4  # a line ending this many columns (two Chinese characters) early ends a paragraph
SHORT_SHARE = 0.8  # with indented first lines: a line this much shorter than full ends one
INDENT_BY = 2  # columns beyond the page's left edge that mark a paragraph's first line
INDENTED_SHARE = 0.1  # the text indents first lines when at least this share of lines is indented


def is_page_number(line: str) -> bool:
    return bool(PAGE_NUMBER.fullmatch(line.strip()))


def pdftotext_command() -> str:
    found = shutil.which("pdftotext")
    if found:
        return found
    raise DrafterError(
        "读取 PDF 需要 poppler 的 pdftotext 命令，但没有找到",
        hint="安装 poppler：Debian/Ubuntu 运行 `sudo apt-get install poppler-utils`，macOS 运行 "
        "`brew install poppler`，Windows 安装 poppler 并把其 bin 目录加入 PATH；"
        "或把报告另存为 .docx/.txt 后再处理。",
    )


def pdf_layout_text(data: bytes, path: str) -> str:
    command = pdftotext_command()
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as folder:
        source = Path(folder) / "input.pdf"
        source.write_bytes(data)
        try:
            done = subprocess.run(
                [command, "-layout", "-enc", "UTF-8", str(source), "-"],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired:
            raise DrafterError(
                f"读取 PDF 超时（{TIMEOUT_SECONDS} 秒）", location=Location(path)
            ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DrafterError(
            f"无法读取 PDF：{reason[-1] if reason else '未知错误'}",
            hint="文件可能已损坏或设有打开密码；请另存为不加密的 PDF 或 .docx。",
            location=Location(path),
        )
    return done.stdout.decode("utf-8", "replace")


def _width(text: str) -> int:
    """Columns in full-width units of two: Chinese characters and the quotes and dashes set
    full-width among them count 2, digits and Latin letters 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _edge_key(line: str) -> str:
    """Running heads and feet compared with their numbers blanked: 「第 2 页」, 「…/report 2/5」."""
    return DIGITS.sub("#", line.strip())


def _body_lines(text: str) -> list[str]:
    """All pages' lines in order, without page numbers and the running headers and footers that
    stand at the top or bottom of most pages."""
    pages = [[line.rstrip() for line in page.splitlines()] for page in text.split("\f")]
    pages = [[line for line in page if line.strip()] for page in pages]
    pages = [page for page in pages if page]
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({_edge_key(line) for line in page[:EDGE_LINES] + page[-EDGE_LINES:]})
    repeated = {key for key, count in edges.items() if len(pages) >= 2 and count > len(pages) / 2}
    return [
        line
        for page in pages
        for line in page
        if not is_page_number(line) and _edge_key(line) not in repeated
    ]


def clean_line(line: str) -> str:
    """One extracted line as typed: no gaps from font changes, none between letter-spaced
    characters, wide gaps (between joint issuers) as one space."""
    text = FONT_GAP.sub("", line.strip())
    characters = len(CJK_CHAR.findall(text))
    if characters >= 4 and len(SPACED_CJK.findall(text)) >= characters / 2:
        text = SPACED.sub("", text)
    return WIDE_GAP.sub(" ", text)


def _join(current: str, following: str) -> str:
    if current[-1:].isascii() and following[:1].isascii() and current[-1:].isalnum():
        return f"{current} {following}"
    return current + following


def paragraphs(lines: list[str]) -> list[str]:
    """Wrapped lines joined back into paragraphs. When the text indents paragraphs' first lines
    (公文 do), an indented line starts a paragraph and a line ends one only when clearly short;
    otherwise a line ending short of the right margin ends its paragraph."""
    if not lines:
        return []
    left = min(_indent(line) for line in lines)
    widths = sorted(_width(line.strip()) for line in lines)
    full = widths[int(len(widths) * 0.9)]  # most lines of running text reach the right margin
    indented = [_indent(line) - left >= INDENT_BY for line in lines]
    uses_indent = sum(indented) >= INDENTED_SHARE * len(lines)
    short = full * SHORT_SHARE if uses_indent else full - SHORT_BY
    out: list[str] = []
    ended = True
    for line, is_indented in zip(lines, indented, strict=True):
        text = clean_line(line)
        heading = out and out[-1][-1:] in SENTENCE_END and split_heading(text)
        if ended or is_indented or heading:
            out.append(text)
        else:
            out[-1] = _join(out[-1], text)
        ended = _width(line.strip()) <= short
    return out


def read_pdf_bytes(data: bytes, path: str = "<pdf>") -> Document:
    lines = _body_lines(pdf_layout_text(data, path))
    if not lines:
        raise DrafterError(
            "PDF 中没有文字（可能是扫描件，只有图像）",
            hint="请先用文字识别（OCR）转成文字，或使用报告的 .docx/.txt 原件。",
            location=Location(path),
        )
    numbered = list(enumerate(normalize_lines(list(paragraphs(lines))), start=1))
    return parse_lines([(n, text) for n, text in numbered if text])
