"""Text → `Document`: the one outline parser, used for drafted text and for real reports alike.

Real texts are noisy (web debris, half-width punctuation, lost numbering, run-in headings); the
rules here keep to what reports actually look like (see ../shared/reference/domain.md).
"""

from __future__ import annotations

import re

from drafter.models.document import Document, Paragraph

CN_DIGITS = "〇零一二三四五六七八九十百"
_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})

# Heading numbers, after normalization. Level 3 takes 「1.」「1、」「1．」; a digit right after the
# point is a decimal (「1.5万」), not a heading.
HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^([{CN_DIGITS}]+)、\s*(.*)$")),
    (2, re.compile(rf"^（([{CN_DIGITS}]+)）\s*(.*)$")),
    (4, re.compile(r"^（(\d{1,2})）\s*(.*)$")),
    (3, re.compile(r"^(\d{1,2})(?:\.(?!\d)|、|．)\s*(.*)$")),
]
NUMBER_FORMS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
LOST_LEVEL1 = re.compile(r"^[-–—•·]\s+(.+)$")  # 「- 坚持党的领导，……」: 「一、」 lost in conversion
MAX_HEADING = 60  # longer first sentences are numbered paragraphs, not headings

DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
DATE_CN = re.compile(rf"^([{CN_DIGITS}]{{4}})年([{CN_DIGITS}]{{1,3}})月([{CN_DIGITS}]{{1,3}})日$")
DATE_GARBLED = re.compile(r"^(\d{4})(\d{3,4})$")  # 「2019129」: 年月日 lost in conversion
CLOSING = re.compile(r"^特此报告[。.]?$")
SENTENCE_END = "。；！？"


def normalize_line(line: str) -> str:
    """Spaces and half-width punctuation as real texts carry them → the forms reports use."""
    line = line.replace("\u00a0", " ").replace("\u3000", " ").replace("\ufeff", "").strip()
    return line.translate(_HALF_TO_FULL)


def split_heading(line: str) -> Paragraph | None:
    """「（一）深化理论武装。严格落实……」 → level 2, heading 「深化理论武装」, text 「严格落实……」."""
    for level, pattern in HEADING_PATTERNS:
        match = pattern.match(line)
        if match:
            number, rest = match.groups()
            return _heading(level, NUMBER_FORMS[level].format(number), rest)
    match = LOST_LEVEL1.match(line)
    if match and "。" not in match.group(1).rstrip("。"):
        return _heading(1, None, match.group(1))
    return None


def _heading(level: int, number: str | None, rest: str) -> Paragraph | None:
    head, stop, body = rest.partition("。")
    head = head.strip()
    if not head or len(head) > MAX_HEADING:
        return None
    if stop and body.strip():
        return Paragraph(level=level, number=number, heading=head, text=body.strip())
    if any(mark in head for mark in SENTENCE_END):
        return None
    return Paragraph(level=level, number=number, heading=head)


def is_date(line: str) -> bool:
    return bool(DATE.match(line) or DATE_CN.match(line) or DATE_GARBLED.match(line))


def _is_title_like(line: str) -> bool:
    return (
        len(line) <= MAX_HEADING
        and line[-1] not in SENTENCE_END + "，：、"
        and split_heading(line) is None
        and not is_date(line)
    )


def _is_signer_like(line: str) -> bool:
    return len(line) <= 40 and not any(mark in line for mark in SENTENCE_END + "，：、")


def parse_text(text: str) -> Document:
    lines = [(n, normalize_line(raw)) for n, raw in enumerate(text.splitlines(), start=1)]
    return parse_lines([(n, line) for n, line in lines if line])


def parse_lines(lines: list[tuple[int, str]]) -> Document:
    """Numbered, normalized, non-empty lines → `Document`."""
    doc = Document()
    end = len(lines)
    # The tail: date, then signers above it, then 「特此报告。」 above them.
    if end and is_date(lines[end - 1][1]):
        doc.date_line, doc.date = lines[end - 1]
        end -= 1
    signers: list[str] = []
    while end and _is_signer_like(lines[end - 1][1]) and len(signers) < 3 and doc.date:
        if CLOSING.match(lines[end - 1][1]) or split_heading(lines[end - 1][1]):
            break
        signers[:0] = lines[end - 1][1].split()
        end -= 1
    doc.signers = signers
    if end and CLOSING.match(lines[end - 1][1]):
        doc.closing = lines[end - 1][1]
        end -= 1

    start = 0
    title: list[tuple[int, str]] = []
    while start < end and len(title) < 3 and _is_title_like(lines[start][1]):
        title.append(lines[start])
        start += 1
        if "报告" in lines[start - 1][1]:
            break
    if title and not any("报告" in t for _, t in title) and len(title) > 1:
        start -= len(title) - 1  # only the first line may be a title without 「报告」
        title = title[:1]
    if title:
        doc.title = [t for _, t in title]
        doc.title_line = title[0][0]
    if start < end and _is_addressee(lines[start][1]):
        doc.addressee = lines[start][1].rstrip("：")
        start += 1

    for number, line in lines[start:end]:
        if CLOSING.match(line):
            doc.closing = line
            continue
        paragraph = split_heading(line) or Paragraph(text=line)
        paragraph.line = number
        doc.paragraphs.append(paragraph)
    return doc


def _is_addressee(line: str) -> bool:
    return line.endswith("：") and len(line) <= 40 and "，" not in line and "。" not in line
