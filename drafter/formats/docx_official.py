"""The 版头 and 版记 added to a drafted .docx when the report is sent as a 公文 (GB/T 9704—2012
7.2 and 7.4; gbt9704.md §9b): the red 发文机关标志, the 发文字号 (with 签发人 on the right, as
an 上行文), the red separator line, and at the foot of the last page the 抄送机关 and the
印发机关和印发日期 between separator lines. The body itself is not touched."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.control_chars import xml_safe
from drafter.formats.docx_writer import CHAR_TWIPS, role_style, text_width
from drafter.formats.own_marks import FRAME_ROLE
from drafter.models.style import Font, Style
from drafter.render.official import Frame

RED = RGBColor(0xFF, 0x00, 0x00)
MARK_MAX_PT = 42  # 初号: the largest size commonly used for a 发文机关标志
MARK_TOP_MM = 80  # 上行文: the mark's top edge 80 mm below the top of the type area (7.2.4)
NOTE_PT = 14  # 版记: 4号仿宋
THICK, THIN = 8, 6  # separator lines in eighths of a point: ~0.35 mm and ~0.25 mm
# what follows w:framePr and w:pBdr inside w:pPr (OOXML order)
_AFTER_FRAME = ("w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr")
_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:outlineLvl",
    "w:rPr",
)


def _width_twips(style: Style) -> int:
    page = style.page
    return round(Mm(page.width_mm - page.left_mm - page.right_mm).twips)


def _borders(p, **sides: tuple[int, str]) -> None:
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    for side in ("top", "bottom"):
        if side in sides:
            size, colour = sides[side]
            line = OxmlElement(f"w:{side}")
            for key, value in (("val", "single"), ("sz", str(size)), ("space", "1")):
                line.set(qn(f"w:{key}"), value)
            line.set(qn("w:color"), colour)
            border.append(line)
    ppr.insert_element_before(border, *_AFTER_BORDER)


def _float_at_foot(table, width: int, top: int) -> None:
    """The 版记 sits at the foot of the last page's type area (7.4): a floating table whose top
    is `top` twips below the top of the type area (LibreOffice ignores 「bottom」 alignment)."""
    tbl_pr = table._tbl.tblPr
    position = OxmlElement("w:tblpPr")
    for key, value in (
        ("vertAnchor", "margin"),
        ("horzAnchor", "margin"),
        ("tblpXSpec", "center"),
        ("tblpY", str(top)),
    ):
        position.set(qn(f"w:{key}"), value)
    tbl_pr.insert(0, position) if tbl_pr.find(qn("w:tblStyle")) is None else tbl_pr.find(
        qn("w:tblStyle")
    ).addnext(position)
    for tag in ("w:tblW", "w:tblBorders", "w:tblLayout", "w:tblCellMar"):
        old = tbl_pr.find(qn(tag))
        if old is not None:
            tbl_pr.remove(old)
    table_width = OxmlElement("w:tblW")
    table_width.set(qn("w:w"), str(width))
    table_width.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side, size in (
        ("top", THICK),
        ("left", 0),
        ("bottom", THICK),
        ("right", 0),
        ("insideH", THIN),
        ("insideV", 0),
    ):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single" if size else "nil")
        if size:
            line.set(qn("w:sz"), str(size))
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
        borders.append(line)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "0")
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    # OOXML order inside w:tblPr: tblStyle, tblpPr, …, tblW, jc, …, tblBorders, …, tblLayout, tblCellMar
    anchor = tbl_pr.find(qn("w:tblLook"))
    for el in (table_width, borders, layout, margins):
        if anchor is not None:
            anchor.addprevious(el)
        else:
            tbl_pr.append(el)
    grid = table._tbl.tblGrid
    for col in grid.findall(qn("w:gridCol")):
        col.set(qn("w:w"), str(width))


def _on_off(tag: str, value: bool):
    el = OxmlElement(tag)
    el.set(qn("w:val"), "1" if value else "0")
    return el


class _FrameWriter:
    """Edits the drafted .docx with python-docx: the frame is written once per report, so its
    cost does not matter, and tables and borders are easier through python-docx's API."""

    def __init__(self, style: Style, data: bytes) -> None:
        self.style = style
        self.doc = docx.Document(io.BytesIO(data))
        # the frame's paragraphs have a role of their own: reading drafter's file skips them
        frame_style = self.doc.styles.add_style(role_style(FRAME_ROLE), WD_STYLE_TYPE.PARAGRAPH)
        frame_style.base_style = self.doc.styles["Normal"]
        self.frame_style_id = frame_style.style_id

    def _run(self, paragraph: DocxParagraph, text: str, font: Font, condense: bool = True):
        """A run in the writer's look: fonts, bold, condensing to the grid, size (OOXML order)."""
        run = paragraph.add_run(xml_safe(text))
        rpr = run._r.get_or_add_rPr()
        fonts = OxmlElement("w:rFonts")
        latin = font.latin or self.style.latin_font
        for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin)):
            fonts.set(qn(attr), name)
        fonts.set(qn("w:eastAsia"), font.east_asia)
        rpr.append(fonts)
        if font.bold:
            rpr.append(OxmlElement("w:b"))
        if condense and self.style.grid.char_spacing_twips:
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(self.style.grid.char_spacing_twips))
            rpr.append(spacing)
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), str(round(font.size_pt * 2)))
            rpr.append(size)
        return run

    def _paragraph(
        self,
        align: WD_ALIGN_PARAGRAPH | None = None,
        pitch_twips: int | None = None,
    ) -> DocxParagraph:
        p = self.doc.add_paragraph()
        p._p.style = self.frame_style_id
        pf = p.paragraph_format
        pf.line_spacing = Twips(pitch_twips or self.style.grid.line_pitch_twips)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.space_before = pf.space_after = Pt(0)
        if align is not None:
            pf.alignment = align
        return p

    def _indent(self, p: DocxParagraph, **chars: float) -> None:
        """Indents in characters (`w:*Chars`, hundredths) with a twips fallback (16 pt/char)."""
        ind = p._p.get_or_add_pPr().get_or_add_ind()
        for side, value in chars.items():
            if value:
                ind.set(qn(f"w:{side}Chars"), str(round(value * 100)))
                ind.set(qn(f"w:{side}"), str(round(value * CHAR_TWIPS)))

    def _font(self, base: Font, size_pt: float) -> Font:
        return replace(base, size_pt=size_pt, bold=False)

    def header(self, frame: Frame) -> list:
        fonts, style = self.style.fonts, self.style
        width_pt = _width_twips(style) / 20
        size = min(MARK_MAX_PT, int(width_pt / max(text_width(frame.mark), 1)))
        mark = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, pitch_twips=round(size * 20 * 1.2))
        mark.paragraph_format.space_before = Mm(MARK_TOP_MM)
        after_snap = _AFTER_BORDER[_AFTER_BORDER.index("w:snapToGrid") + 1 :]
        mark._p.get_or_add_pPr().insert_element_before(_on_off("w:snapToGrid", False), *after_snap)
        self._run(
            mark, frame.mark, self._font(fonts.title, size), condense=False
        ).font.color.rgb = RED
        blanks = [self._paragraph(), self._paragraph()]  # 标志下空二行
        if frame.signer:  # 上行文: 发文字号 left (空一字), 签发人 right (空一字)
            number = self._paragraph()
            self._indent(number, left=1)
            number.paragraph_format.tab_stops.add_tab_stop(
                Twips(_width_twips(style) - CHAR_TWIPS), WD_TAB_ALIGNMENT.RIGHT
            )
            self._run(number, frame.number + "\t", fonts.body, condense=False)
            self._run(number, "签发人：", fonts.body, condense=False)
            self._run(number, frame.signer, self._font(fonts.heading2, fonts.body.size_pt))
        else:
            number = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
            self._run(number, frame.number, fonts.body, condense=False)
        line = self._paragraph(pitch_twips=round(Mm(4).twips))  # the red line 4 mm below
        _borders(line, bottom=(12, "FF0000"))
        after = [self._paragraph(), self._paragraph()]  # 分隔线下空二行 to the title
        return [mark, *blanks, number, line, *after]

    def notes(self, frame: Frame) -> None:
        """A one-column table floating at the foot of the type area: rows 抄送 and 印发, the
        first and last lines thick, the line between thin, no side lines."""
        style = self.style
        font = self._font(style.fonts.body, NOTE_PT)
        char = NOTE_PT / 16  # one 4号 character, in the writer's 3号 characters
        rows = [r for r in (frame.cc_line, f"{frame.printed_by}\t{frame.printed_on}") if r]
        table = self.doc.add_table(rows=len(rows), cols=1)
        width = _width_twips(style)
        row_height = round(NOTE_PT * 20 * 1.6)
        type_area = round(Mm(style.page.height_mm - style.page.top_mm - style.page.bottom_mm).twips)
        _float_at_foot(table, width, type_area - len(rows) * row_height - 2 * THICK * 20 // 8)
        for row, text in zip(table.rows, rows, strict=True):
            p = row.cells[0].paragraphs[0]
            p._p.style = self.frame_style_id
            pf = p.paragraph_format
            pf.line_spacing, pf.line_spacing_rule = Twips(row_height), 4  # exact
            pf.space_before = pf.space_after = Twips(0)
            self._indent(p, left=char, right=char)
            if "\t" in text:
                pf.tab_stops.add_tab_stop(
                    Twips(width - round(2 * char * CHAR_TWIPS)), WD_TAB_ALIGNMENT.RIGHT
                )
            self._run(p, text, font, condense=False)
            row.cells[0].width = Twips(width)
        # a floating table is anchored to the paragraph after it (a minimal one)
        self._paragraph(pitch_twips=20)

    def framed(self, frame: Frame) -> bytes:
        body = self.doc.element.body
        first = body[0]
        for p in self.header(frame):
            first.addprevious(p._p)
        self.notes(frame)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def add_frame(data: bytes, frame: Frame, style: Style) -> bytes:
    """A drafted .docx → the same with 版头 and 版记."""
    return _FrameWriter(style, data).framed(frame)
