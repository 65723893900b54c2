"""A web page saved from a browser (.html/.htm) → `Document`.

Government sites wrap a report in menus, breadcrumbs, metadata tables, share links and footers.
The report is the block that holds most of the page's running text: each block element becomes
one line, lines of running text (long, with sentence punctuation, not mostly links) are counted for every element
that contains them, and the deepest element holding nearly all of that prose is the content. The
page's title (the nearest heading above the content, else <title>) is put back on top when the
content block starts without it. No site's class names are relied on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from drafter.formats.pdf_reader import is_page_number
from drafter.formats.text_reader import decode, refuse_binary
from drafter.models.document import Document
from drafter.reading.parser import normalize_lines, parse_lines

DROPPED = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "nav", "aside", "form", "select", "option", "button", "input", "textarea", "head", "map",
}  # fmt: skip
BLOCKS = {
    "address", "article", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3"}
PROSE_CHARS = 25  # running text is this long and has sentence punctuation; menus, labels,
PROSE_MARKS = "，。；"  # metadata and footers have neither
MAX_LINK_SHARE = 0.5  # lines mostly made of links are lists of other pages
CONTENT_SHARE = 0.85  # the content block holds at least this share of the page's prose
# 「报告标题_某某县人民政府」; (?<!\s): a run of spaces is tried once (linear)
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s*[_|–—-]{1,2}\s*")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
CJK = "\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
SOURCE_WRAP = re.compile(rf"(?<=[{CJK}])\s*\n\s*(?=[{CJK}])")  # a newline in the HTML source
SPACES = re.compile(r"\s+")


@dataclass
class Line:
    text: str
    block: etree._Element  # the innermost block element the line belongs to
    link_chars: int = 0


def html_text(data: bytes) -> str:
    """The page's characters: by its BOM, else its <meta charset> (GB2312 and GBK read as their
    superset GB18030) when the bytes decode so, else UTF-8, else GB18030."""
    match = CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else None
    declared = "gb18030" if declared in ("gb2312", "gbk", "x-gbk") else declared
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a page that says utf-8 but is GBK (or the reverse) is common
    return decode(data)[0]


def parse_page(text: str) -> etree._Element:
    """The page (its characters, `html_text`) as a tree."""
    text = XML_DECLARATION.sub("", text)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        return lxml_html.document_fromstring(text or "<html></html>", parser=parser)
    except etree.ParserError:
        return lxml_html.document_fromstring("<html></html>", parser=parser)


def page_lines(root: etree._Element) -> list[Line]:
    """Each block element's own text as one line, in document order."""
    lines: list[Line] = []
    parts: list[str] = []
    link_chars = 0
    blocks = [root]

    def flush() -> None:
        nonlocal link_chars
        text = SPACES.sub(" ", SOURCE_WRAP.sub("", "".join(parts))).strip()
        if text:
            lines.append(Line(text, blocks[-1], min(link_chars, len(text))))
        parts.clear()
        link_chars = 0

    def add(text: str | None, in_link: bool) -> None:
        nonlocal link_chars
        if text:
            parts.append(text)
            link_chars += len(text.strip()) if in_link else 0

    def walk(element: etree._Element, in_link: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in DROPPED:
            return
        block = tag.lower() in BLOCKS
        in_link = in_link or tag.lower() == "a"
        if block:
            flush()
            blocks.append(element)
        add(element.text, in_link)
        for child in element:
            walk(child, in_link)
            add(child.tail, in_link)
        if block:
            flush()
            blocks.pop()

    walk(root, False)
    flush()
    return lines


def _is_prose(line: Line) -> bool:
    return (
        len(line.text) >= PROSE_CHARS
        and any(mark in line.text for mark in PROSE_MARKS)
        and line.link_chars <= MAX_LINK_SHARE * len(line.text)
    )


def content_block(lines: list[Line], root: etree._Element) -> etree._Element:
    """The deepest element that holds at least CONTENT_SHARE of the page's prose."""
    prose: dict[etree._Element, int] = {}
    for line in lines:
        if _is_prose(line):
            for element in (line.block, *line.block.iterancestors()):
                prose[element] = prose.get(element, 0) + len(line.text)
    total = prose.get(root, 0)
    if not total:
        return root
    best, depth = root, 0
    for element, chars in prose.items():
        element_depth = sum(1 for _ in element.iterancestors())
        if chars >= CONTENT_SHARE * total and element_depth > depth:
            best, depth = element, element_depth
    return best


def _inside(line: Line, block: etree._Element) -> bool:
    return line.block is block or block in line.block.iterancestors()


def _page_title(root: etree._Element, before: list[Line]) -> str | None:
    """The title above the content block: the page's <title> (without the site's name) when the
    page repeats it above the content, else the nearest h1–h3 there."""
    shown = [line for line in before if line.link_chars < len(line.text) / 2]
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        name = TITLE_SEPARATORS.split(title.text.strip())[0]
        key = name.replace(" ", "")
        if key and any(key in line.text.replace(" ", "") for line in shown):
            return name
    headings = [line.text for line in shown if line.block.tag in HEADINGS]
    return headings[-1] if headings else None


def read_html_bytes(data: bytes) -> Document:
    text = html_text(data)
    refuse_binary(text)
    root = parse_page(text)
    lines = page_lines(root)
    block = content_block(lines, root)
    first = next((i for i, line in enumerate(lines) if _inside(line, block)), len(lines))
    kept = [line.text for line in lines if _inside(line, block)]
    title = _page_title(root, lines[:first])
    if title and not any(title.replace(" ", "") in text.replace(" ", "") for text in kept[:3]):
        kept.insert(0, title)
    numbered = list(enumerate(normalize_lines(kept), start=1))
    return parse_lines([(n, text) for n, text in numbered if text and not is_page_number(text)])
