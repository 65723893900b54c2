"""Plain text and Markdown reports → `Document`. Text arrives as UTF-8, GB18030/GBK, Big5, UTF-16
or UTF-32, with or without a BOM."""

from __future__ import annotations

import codecs
import re

from drafter.errors import DrafterError, Location
from drafter.formats.own_marks import (
    apply_record,
    md_record,
    record_headings,
    split_known_number,
)
from drafter.models.document import Document, Paragraph
from drafter.reading.parser import parse_text, split_number

BOMS = [  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# what a report saved without UTF-8 arrives in: mainland GBK/GB18030, Taiwan/HK Big5, and the
# "Unicode" of Windows Notepad (UTF-16) or of some exporters (UTF-32), without a BOM
LEGACY = ["gb18030", "big5", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
DETECT_SAMPLE = 256 * 1024
MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding), never raising: bytes no encoding fits are read as GB18030 with U+FFFD
    (for sniffing and for formats that carry their own text, such as saved web pages)."""
    return _decoded(data) or (data.decode("gb18030", errors="replace"), "gb18030")


def decode_report(data: bytes, path: str | None = None) -> tuple[str, str]:
    """As `decode`, but a text report that is no text in any encoding is refused with a
    message instead of being read as garbage (and reported as missing every content)."""
    decoded = _decoded(data)
    if decoded is None:
        raise DrafterError(
            "无法识别文件的文字编码（不是 UTF-8、GBK/GB18030、Big5、UTF-16 或 UTF-32）",
            hint="请用记事本或 WPS 打开后另存为 UTF-8 编码的 .txt。",
            location=Location(path) if path else None,
        )
    if decoded[1] != "utf-8":  # (UTF-8 decodes no binary file without errors)
        refuse_binary(decoded[0], path)
    return decoded


def refuse_binary(text: str, path: str | None = None) -> None:
    """A file whose decoded characters are no text (binary data under a text file's name) is
    refused with a message instead of being read as garbage."""
    if not _reads_as_text(text):
        raise DrafterError(
            "文件内容不是文字（像是图片、压缩包或程序等二进制文件，只是以文本文件或网页命名）",
            hint="确认选对了文件：报告应为 Word 文档、文本文件、网页或 PDF。",
            location=Location(path) if path else None,
        )


# What the text of a report is made of, in any script it may be written in: what else fills
# more than a fifth of it is bytes read in an encoding they are not (binary data holding NUL
# bytes reads as UTF-16: about half of its characters fall outside these ranges).
_NOT_TEXT = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u024f\u2000-\u2bff\u2e80-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
TEXT_SAMPLE = 20_000


def _reads_as_text(text: str) -> bool:
    sample = text[:TEXT_SAMPLE]
    return len(_NOT_TEXT.findall(sample)) * 5 <= len(sample)


def _decoded(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) in the encoding `encoding_of` finds, None when none fits. UTF-8 without
    a BOM (most files) is decoded once, not once to tell the encoding and again to read it."""
    if not data.startswith(codecs.BOM_UTF8):  # no other BOM is valid UTF-8
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    encoding = encoding_of(data)
    return None if encoding is None else (data.decode(encoding, errors="replace"), encoding)


def encoding_of(data: bytes) -> str | None:
    """A BOM, else UTF-8, else NUL-byte patterns (UTF-16/32 beside ASCII), else UTF-8 with a
    little damage, else a detector over the legacy encodings; None when none fits."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _by_nul_bytes(data) or _mostly_utf8(data) or _detect(data)


def _by_nul_bytes(data: bytes) -> str | None:
    """Chinese UTF-16 has NULs only beside ASCII characters, UTF-32 in every character; line
    breaks and digits show which bytes of each unit are the NULs."""
    sample = data[:20000]
    if b"\x00" not in sample:
        return None
    quads = sample[: len(sample) - len(sample) % 4]
    if quads and quads[3::4].count(0) == len(quads) // 4:
        return "utf-32-le"
    if quads and quads[0::4].count(0) == len(quads) // 4:
        return "utf-32-be"
    pairs = sample[: len(sample) - len(sample) % 2]
    breaks = list(zip(pairs[0::2], pairs[1::2], strict=True))
    le_breaks, be_breaks = breaks.count((10, 0)), breaks.count((0, 10))
    if le_breaks != be_breaks:  # U+0A00 is rare, while U+4E00 「一」 has a NUL byte too
        return "utf-16-le" if le_breaks > be_breaks else "utf-16-be"
    low_nul = pairs[1::2].count(0)  # ASCII in little-endian: 'a\x00'
    high_nul = pairs[0::2].count(0)
    if low_nul == high_nul:
        return None
    return "utf-16-le" if low_nul > high_nul else "utf-16-be"


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a bad download, a flipped bit) is still UTF-8: read it
    with U+FFFD in place of the damage. A GBK or Big5 file fails on almost every character."""
    sample = data[:DETECT_SAMPLE]
    # Its first KB usually says so, without decoding the rest: the damage there, less two
    # (a character cut at the end of the KB), is damage of the whole sample, whose text is no
    # longer than its bytes.
    if _damage(sample[:1024])[0] - 2 > max(8, len(sample) // 1000):
        return None
    damaged, length = _damage(sample)
    return "utf-8" if damaged <= max(8, length // 1000) else None


def _damage(data: bytes) -> tuple[int, int]:
    """How many bytes UTF-8 replaces with U+FFFD (U+FFFD written in the data is no damage),
    and the length of the text."""
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") - data.count("\ufffd".encode()), len(text)


def _detect(data: bytes) -> str | None:
    sample = data[:DETECT_SAMPLE]
    # The detector weighs only the encodings that decode the sample without an error, and a
    # text it declines is read as GB18030 below when GB18030 decodes it: when GB18030 is the only
    # one that does (most GBK files), the answer is GB18030 without the detector (~5× faster).
    gb18030 = _decodes(sample, "gb18030")
    if gb18030 and not any(_decodes(sample, e) for e in LEGACY if e != "gb18030"):
        return "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=LEGACY).best()
    if best is not None:
        return best.encoding
    # the detector declines some short texts that are plainly GB18030
    return "gb18030" if gb18030 else None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def markdown_to_text(text: str) -> str:
    """Markdown as people write reports in it: `## 一、…`, `**（一）标题。**正文`, quotes."""
    lines = []
    for line in text.splitlines():
        if line.strip() in {"---", "***", "___"}:
            continue
        line = _without_break(line)
        # a list dash before a lost number (「- 坚持党的领导」) is the noise the outline expects
        if not re.match(r"^\s{0,3}-\s+\S", line):
            line = MARKDOWN_PREFIX.sub("", line)
        lines.append(MARKDOWN_EMPHASIS.sub(r"\2", line))
    return "\n".join(lines)


def _without_break(line: str) -> str:
    """A Markdown hard break (two trailing spaces, or a trailing backslash) removed; plain
    string operations, since the regex `\\s{2,}$` is quadratic on long runs of spaces."""
    stripped = line.rstrip()
    if len(line) - len(stripped) >= 2:
        return stripped
    return line[:-1] if line.endswith("\\") else line


def read_text_bytes(data: bytes, markdown: bool = False, path: str | None = None) -> Document:
    text, _ = decode_report(data, path)
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
