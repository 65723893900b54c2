"""`.docx` → `Document`, reading the WordprocessingML directly and defensively.

Drafts come from many hands, so the reader assumes nothing: the zip may be truncated, encrypted
(an OLE file), a zip bomb, or carry an XML entity attack. No entity is ever resolved, no DTD
loaded, and no part is decompressed past a fixed cap."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from drafter.errors import DrafterError, Location
from drafter.formats.docx_body import BodyParagraph, BodyRun, W, walk_body
from drafter.formats.own_marks import (
    FRAME_ROLE,
    PROPERTY,
    STYLE_PREFIX,
    apply_record,
    loads,
    record_headings,
    split_known_number,
)
from drafter.formats.zip_limits import LimitedZip
from drafter.models.document import Document, Paragraph
from drafter.models.layout import Layout, ParagraphLook, RunLook
from drafter.reading.parser import (
    normalize_line,
    normalize_lines,
    parse_lines,
    split_heading,
    split_number,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, .wps, and encrypted .docx
INTEGER = re.compile(r"-?[0-9]{1,9}\Z")
HEADING_STYLE = re.compile(r"^(heading|标题)\s*(\d)$", re.I)
FOOTER_PART = re.compile(r"word/footer\d*\.xml$")
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


def _child(el: etree._Element | None, *tags: str) -> etree._Element | None:
    """`el.find("{W}a/{W}b")` without ElementPath (which costs more than the lookup itself on
    each of the thousands of calls a document takes): the first child of each tag in turn."""
    for tag in tags:
        if el is None:
            return None
        el = next(el.iterchildren(tag), None)
    return el


@lru_cache(maxsize=1024)  # a document repeats a few values (sizes, spacings) in every run
def _int(value: str | None) -> int | None:
    """An attribute's integer: ASCII digits only (「²」 is a digit to str.isdigit), sane size."""
    return int(value) if value and INTEGER.match(value) else None


def _fail(path: str, message: str, hint: str) -> DrafterError:
    return DrafterError(message, hint=hint, location=Location(path))


def open_package(data: bytes, path: str) -> LimitedZip:
    if data.startswith(OLE_MAGIC):
        raise _fail(
            path,
            "这是 Word 97-2003 格式（.doc/.wps）或加密的文档，无法直接读取",
            "请在 Word/WPS 中另存为 .docx（并取消密码）后再检查。",
        )
    if not data:
        raise _fail(path, "文件是空的", "确认文件已完整保存。")
    return LimitedZip(data, path)


def read_part(package: LimitedZip, name: str, path: str) -> etree._Element | None:
    """Parse one XML part, decompressed within the caps of `zip_limits` (zip bombs)."""
    raw = package.read(name)
    if raw is None:
        return None
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
        if outline is not None and _int(outline.get(f"{W}val")) is not None:
            level = _int(outline.get(f"{W}val")) + 1
        elif match:
            level = int(match.group(2))
        else:
            continue
        if style_id and 1 <= level <= 4:
            levels[style_id] = level
    return levels


class DocxPackage:
    """One .docx, unzipped and parsed once; its text and its layout are read from the same trees."""

    def __init__(self, data: bytes, path: str = "<docx>") -> None:
        self.path = path
        self.zip = open_package(data, path)
        self.root = read_part(self.zip, "word/document.xml", path)
        if self.root is None:
            raise _fail(
                path, "文件中没有正文部件（word/document.xml）", "这不是 Word 文档，或已损坏。"
            )
        self.body = self.root.find(f"{W}body")
        self.styles = _styles_of(self.zip, path)
        self._paragraphs: list[BodyParagraph] | None = None

    def paragraphs(self) -> list[BodyParagraph]:
        """The body walked once, for the text and the layout alike."""
        if self._paragraphs is None:
            self._paragraphs = walk_body(self.body)
        return self._paragraphs

    def document(self) -> Document:
        record = self.own_record()
        if record is not None:
            return apply_record(own_document(self, record), record)
        entries = paragraph_texts(self)
        texts = normalize_lines([t for _, t, _ in entries])
        levels = {n: lvl for n, _, lvl in entries if lvl}
        return parse_lines([(e[0], t) for e, t in zip(entries, texts, strict=True) if t], levels)

    def layout(self) -> Layout:
        return read_layout(self)

    def own_record(self) -> dict | None:
        """drafter's record, when drafter wrote this file (formats/own_marks.py)."""
        props = read_part(self.zip, "docProps/custom.xml", self.path)
        if props is None:
            return None
        for prop in props:
            if prop.get("name") == PROPERTY:
                return loads("".join(prop.itertext()))
        return None


def _role(ppr: etree._Element | None, styles: _Styles) -> str:
    """The role its drafter paragraph style names. By the style's name: LibreOffice, converting
    a .doc/.odt/.rtf back, keeps names but rewrites ids (drafter-title → Draftertitle)."""
    style = _child(ppr, f"{W}pStyle")
    style_id = style.get(f"{W}val", "") if style is not None else ""
    name = styles.styles[style_id].find(f"{W}name") if style_id in styles.styles else None
    name_text = name.get(f"{W}val", "") if name is not None else ""
    return (name_text if name_text.startswith(STYLE_PREFIX) else style_id).removeprefix(
        STYLE_PREFIX
    )


def own_document(package: DocxPackage, record: dict) -> Document:
    """A .docx drafter wrote: each paragraph's role is its paragraph style, each heading's number
    is in the record. A paragraph added in Word since (no drafter style) is read as the text
    parser would read it."""
    doc = Document()
    numbers = [number for _, _, number in record_headings(record)]
    for p in package.paragraphs():
        if not p.shown:
            continue
        number, role = p.number, _role(p.ppr, package.styles)
        lines = [t.strip() for t in p.texts()]  # as written: nothing to normalise
        text = "".join(lines)
        if not text:
            continue
        if role == FRAME_ROLE:  # 版头 and 版记 (draft --official)
            continue
        if role == "title":
            doc.title, doc.title_line = [t for t in lines if t], number
        elif role == "addressee":
            doc.addressee = text.rstrip("：")
        elif role == "closing":
            doc.closing = text
        elif role == "signer":
            doc.signers.append(text)
        elif role == "date":
            doc.date, doc.date_line = text, number
        elif role[:-1] in ("heading-", "runin-") and role[-1:] in "1234":
            level = int(role[-1])
            number_text, rest = split_known_number(
                text, numbers, len(doc.headings)
            ) or split_number(text, level)
            head, body_text = rest, ""
            if role.startswith("runin"):  # 「（一）标题。正文」: the heading phrase has no 「。」
                head, _, body_text = rest.partition("。")
            doc.paragraphs.append(
                Paragraph(
                    level=level, number=number_text, heading=head, text=body_text, line=number
                )
            )
        elif role == "text":
            doc.paragraphs.append(Paragraph(text=text, line=number))
        else:
            text = normalize_line(text)
            doc.paragraphs.append(split_heading(text, number) or Paragraph(text=text, line=number))
    return doc


STYLES_CACHE: dict[tuple[int, int], _Styles] = {}
STYLES_CACHE_SIZE = 16


def _styles_of(package: LimitedZip, path: str) -> _Styles:
    """Reports from one office share one template: styles.xml is parsed once per distinct part
    (keyed by its CRC and size); python-docx's own is 350 KB, about 5 ms to parse."""
    info = package.info("word/styles.xml")
    if info is None:
        return _Styles(None)
    key = (info.CRC, info.file_size)
    if key not in STYLES_CACHE:
        if len(STYLES_CACHE) >= STYLES_CACHE_SIZE:
            STYLES_CACHE.pop(next(iter(STYLES_CACHE)))
        STYLES_CACHE[key] = _Styles(read_part(package, "word/styles.xml", path))
    return STYLES_CACHE[key]


def paragraph_texts(package: DocxPackage) -> list[tuple[int, str, int | None]]:
    """(paragraph number, text, heading level from style/outline) for each line of the body."""
    style_levels = package.styles.levels
    out: list[tuple[int, str, int | None]] = []
    for p in package.paragraphs():
        if not p.shown:
            continue
        level = None
        if p.ppr is not None:
            outline, style = _child(p.ppr, f"{W}outlineLvl"), _child(p.ppr, f"{W}pStyle")
            if outline is not None and _int(outline.get(f"{W}val")) is not None:
                level = _int(outline.get(f"{W}val")) + 1
            elif style is not None:
                level = style_levels.get(style.get(f"{W}val", ""))
        for text in p.texts():
            out.append((p.number, text, level if level and level <= 4 else None))
    return out


TWIPS_PER_MM = 1440 / 25.4


class _Styles:
    """Effective run and paragraph properties through the style chain (basedOn) and defaults."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.defaults_rpr = self.defaults_ppr = None
        self.levels: dict[str, int] = {}
        self.default_para: str | None = None
        self._inherited: dict[str | None, tuple[str | None, ...]] = {}
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            sid = style.get(f"{W}styleId")
            if sid:
                self.styles[sid] = style
                if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in (
                    "1",
                    "true",
                ):
                    self.default_para = sid
        self.defaults_rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults_ppr = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self.levels = _style_levels(root)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out, seen = [], set()
        sid = style_id or self.default_para
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            out.append(self.styles[sid])
            based = self.styles[sid].find(f"{W}basedOn")
            sid = based.get(f"{W}val") if based is not None else None
        return out

    def first(self, candidates: list[etree._Element | None], tag: str, attr: str) -> str | None:
        for element in candidates:
            if element is None:
                continue
            found = _child(element, tag)
            if found is not None and found.get(f"{W}{attr}") is not None:
                return found.get(f"{W}{attr}")
            if attr == "eastAsia" and found is not None and found.get(f"{W}eastAsiaTheme"):
                return "theme"
        return None

    def inherited(self, style_id: str | None) -> tuple[str | None, ...]:
        """(east Asian font, size, line, line rule) a paragraph of this style has from its style
        chain and the defaults; worked out once per style (the same for every run)."""
        if style_id not in self._inherited:
            chain = self.chain(style_id)
            rprs = [*(s.find(f"{W}rPr") for s in chain), self.defaults_rpr]
            pprs = [*(s.find(f"{W}pPr") for s in chain), self.defaults_ppr]
            self._inherited[style_id] = (
                self.first(rprs, f"{W}rFonts", "eastAsia"),
                self.first(rprs, f"{W}sz", "val"),
                self.first(pprs, f"{W}spacing", "line"),
                self.first(pprs, f"{W}spacing", "lineRule"),
            )
        return self._inherited[style_id]


def _run_look(run: BodyRun, inherited: tuple[str | None, ...], styles: _Styles) -> RunLook:
    east_asia, size = inherited[0], inherited[1]
    if run.rpr is not None:
        east_asia = styles.first([run.rpr], f"{W}rFonts", "eastAsia") or east_asia
        size = styles.first([run.rpr], f"{W}sz", "val") or size
    half_points = _int(size)
    return RunLook(
        text="".join(run.texts),
        east_asia=east_asia,
        size_pt=half_points / 2 if half_points is not None else None,
    )


def read_layout(package: DocxPackage) -> Layout:
    """Page set-up and each paragraph's effective fonts, sizes and line spacing."""
    styles = package.styles
    layout = Layout()
    body, path = package.body, package.path
    sect = body.find(f"{W}sectPr") if body is not None else None
    if sect is not None:
        size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        if size is not None and _int(size.get(f"{W}w")) is not None:
            layout.page_width_mm = round(_int(size.get(f"{W}w")) / TWIPS_PER_MM, 1)
            layout.page_height_mm = round((_int(size.get(f"{W}h")) or 0) / TWIPS_PER_MM, 1)
        if margins is not None:
            for side in ("top", "bottom", "left", "right"):
                value = margins.get(f"{W}{side}")
                if _int(value) is not None:
                    layout.margins_mm[side] = round(_int(value) / TWIPS_PER_MM, 1)
    for p in package.paragraphs():
        style = _child(p.ppr, f"{W}pStyle")
        inherited = styles.inherited(style.get(f"{W}val") if style is not None else None)
        spacing = _child(p.ppr, f"{W}spacing")
        line = (spacing.get(f"{W}line") if spacing is not None else None) or inherited[2]
        rule = (spacing.get(f"{W}lineRule") if spacing is not None else None) or inherited[3]
        layout.paragraphs[p.number] = ParagraphLook(
            number=p.number,
            runs=[_run_look(r, inherited, styles) for r in p.runs],
            line_twips=_int(line),
            line_rule=rule or ("auto" if line else None),
        )
    for name in package.zip.namelist():
        if FOOTER_PART.match(name):
            footer = read_part(package.zip, name, path)
            if footer is None:
                continue
            instr = " ".join(t.text or "" for t in footer.iter(f"{W}instrText"))
            instr += " ".join(f.get(f"{W}instr") or "" for f in footer.iter(f"{W}fldSimple"))
            layout.page_field = layout.page_field or "PAGE" in instr.upper()
            layout.footer_texts.append("".join(t.text or "" for t in footer.iter(f"{W}t")))
    return layout


def read_docx_bytes(data: bytes, path: str = "<docx>") -> Document:
    return DocxPackage(data, path).document()
