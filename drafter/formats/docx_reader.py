"""`.docx` → `Document`, reading the WordprocessingML directly and defensively.

Drafts come from many hands, so the reader assumes nothing: the zip may be truncated, encrypted
(an OLE file), a zip bomb, or carry an XML entity attack. No entity is ever resolved, no DTD
loaded, and no part is decompressed past a fixed cap."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from drafter.errors import DrafterError, Location
from drafter.models.document import Document
from drafter.outline import normalize_line, parse_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, .wps, and encrypted .docx
MAX_PART_BYTES = 64 * 1024 * 1024  # a real report's document.xml is well under 5 MB
HEADING_STYLE = re.compile(r"^(heading|标题)\s*(\d)$", re.I)
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


def _fail(path: str, message: str, hint: str) -> DrafterError:
    return DrafterError(message, hint=hint, location=Location(path))


def open_package(data: bytes, path: str) -> zipfile.ZipFile:
    if data.startswith(OLE_MAGIC):
        raise _fail(
            path,
            "这是 Word 97-2003 格式（.doc/.wps）或加密的文档，无法直接读取",
            "请在 Word/WPS 中另存为 .docx（并取消密码）后再检查。",
        )
    if not data:
        raise _fail(path, "文件是空的", "确认文件已完整保存。")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _fail(
            path,
            "不是有效的 .docx 文件（文件损坏、不完整或不是 Word 文档）",
            "请用 Word/WPS 打开后重新保存为 .docx。",
        ) from None


def read_part(package: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    """Parse one XML part with a hard cap on what is decompressed (zip bombs)."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise _fail(
            path,
            f"文档部件 {name} 过大（{info.file_size} 字节）",
            "文件可能已损坏或被构造为压缩炸弹。",
        )
    try:
        with package.open(info) as handle:
            raw = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise _fail(path, f"无法解压文档部件 {name}：{exc}", "文件可能已损坏或加密。") from None
    if len(raw) > MAX_PART_BYTES:
        raise _fail(path, f"文档部件 {name} 解压后过大", "文件可能已损坏或被构造为压缩炸弹。")
    try:
        return etree.fromstring(raw, PARSER)
    except etree.XMLSyntaxError as exc:
        raise _fail(
            path, f"文档部件 {name} 不是有效的 XML：{exc.msg}", "请用 Word/WPS 打开后重新保存。"
        ) from None


def _style_levels(styles: etree._Element | None) -> dict[str, int]:
    """styleId → heading level (1-based), from the style's outline level or its name."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    for style in styles.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        name = style.find(f"{W}name")
        match = HEADING_STYLE.match(name.get(f"{W}val", "")) if name is not None else None
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            level = int(outline.get(f"{W}val")) + 1
        elif match:
            level = int(match.group(2))
        else:
            continue
        if style_id and 1 <= level <= 4:
            levels[style_id] = level
    return levels


def _paragraph_lines(p: etree._Element) -> list[str]:
    """A paragraph's text; a manual line break (as in a two-line title) starts a new line."""
    lines, current = [], []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if el.tag == f"{W}t":
            current.append(el.text or "")
        elif el.tag == f"{W}tab":
            current.append(" ")
        elif el.get(f"{W}type") not in ("page", "column"):
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    return lines


def paragraph_texts(data: bytes, path: str) -> list[tuple[int, str, int | None]]:
    """(paragraph number, text, heading level from style/outline) for each line of the body."""
    package = open_package(data, path)
    root = read_part(package, "word/document.xml", path)
    if root is None:
        raise _fail(path, "文件中没有正文部件（word/document.xml）", "这不是 Word 文档，或已损坏。")
    style_levels = _style_levels(read_part(package, "word/styles.xml", path))
    body = root.find(f"{W}body")
    out: list[tuple[int, str, int | None]] = []
    for number, p in enumerate(body.iter(f"{W}p") if body is not None else [], start=1):
        level = None
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        style = p.find(f"{W}pPr/{W}pStyle")
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            level = int(outline.get(f"{W}val")) + 1
        elif style is not None:
            level = style_levels.get(style.get(f"{W}val", ""))
        for text in _paragraph_lines(p):
            out.append((number, text, level if level and level <= 4 else None))
    return out


def read_docx_bytes(data: bytes, path: str = "<docx>") -> Document:
    entries = paragraph_texts(data, path)
    lines = [(n, normalize_line(t)) for n, t, _ in entries]
    levels = {n: lvl for n, _, lvl in entries if lvl}
    return parse_lines([(n, t) for n, t in lines if t], levels)
