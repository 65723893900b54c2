"""`Document` → .docx laid out per GB/T 9704-2012, by a style profile.

python-docx has no API for the East Asian font slot, character condensing, "chars" indents or
fields, so those are written as OOXML here (techniques and measurements: gbt9704.md §9).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from xml.sax.saxutils import escape as xml_escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.control_chars import core_property, xml_safe
from drafter.formats.own_marks import PROPERTY, STYLE_PREFIX, dumps, record_of
from drafter.models.document import Document, Paragraph
from drafter.models.style import Font, Style

THEME_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")
# Each paragraph's role, as a paragraph style based on Normal (the look stays in direct
# formatting): reading drafter's own .docx back needs no guessing, and headings carry an outline
# level, so Word's navigation pane shows the outline.
ROLE_STYLES = ("title", "addressee", "text", "closing", "signer", "date")

CUSTOM_PROPS = "/docProps/custom.xml"
CUSTOM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPS_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
CUSTOM_PROPS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="%s">'
    "<vt:lpwstr>%s</vt:lpwstr></property></Properties>"
)


def role_style(role: str) -> str:
    return STYLE_PREFIX + role


CHAR_TWIPS = 320  # one 3号 character: 16 pt


def text_width(text: str) -> float:
    """Width in 字: CJK and full-width count 1, ASCII (Times New Roman digits) 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def split_title(title: str, style: Style) -> list[str]:
    """Break a long title into a 梯形 (upper lines longer), at preferred words, never inside a
    number, each line within the profile's maximum."""
    limit = style.title.max_chars_per_line
    if text_width(title) <= limit:
        return [title]
    best: tuple[tuple[int, int, float], int] | None = None
    for cut in range(1, len(title)):
        if title[cut - 1].isdigit() and title[cut].isdigit():
            continue
        upper, lower = title[:cut], title[cut:]
        if text_width(upper) > limit or text_width(lower) > limit:
            continue
        preferred = any(lower.startswith(word) for word in style.title.break_before)
        trapezoid = text_width(upper) >= text_width(lower)
        score = (not trapezoid, not preferred, abs(text_width(upper) - text_width(lower)))
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:  # too long for two lines: fill lines evenly
        n = math.ceil(text_width(title) / limit)
        step = math.ceil(len(title) / n)
        return [title[i : i + step] for i in range(0, len(title), step)]
    return [title[: best[1]], title[best[1] :]]


def _on_off(tag: str, value: bool):
    el = OxmlElement(tag)
    el.set(qn("w:val"), "1" if value else "0")
    return el


class DocxWriter:
    def __init__(self, style: Style) -> None:
        self.style = style
        self.doc = docx.Document()
        self.style_ids: dict[str, str] = {}  # role → its paragraph style's id

    # ---- document-wide set-up -------------------------------------------------------------
    def _setup(self, document: Document, author: str | None) -> None:
        style, doc = self.style, self.doc
        body = style.fonts.body
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        self._set_fonts(rpr, body)
        lang = rpr.find(qn("w:lang"))
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        spacing = ppr.find(qn("w:spacing"))
        spacing.attrib.clear()
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), str(style.grid.line_pitch_twips))
        spacing.set(qn("w:lineRule"), "exact")
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # keep digits on the 28-char grid (Word)
            ppr.append(_on_off(tag, False))

        for fonts in doc.styles.element.iter(qn("w:rFonts")):  # built-in styles: no theme fonts
            for attr in THEME_ATTRS:
                fonts.attrib.pop(qn(attr), None)
        normal = doc.styles["Normal"]
        self._set_fonts(normal.element.get_or_add_rPr(), body)
        pf = normal.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Twips(style.grid.line_pitch_twips)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.widow_control = False  # full pages of 22 lines (GB/T 9704 5.2.3)

        section = doc.sections[0]
        page = style.page
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
        section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
        section.footer_distance = Mm(page.footer_distance_mm)
        grid = section._sectPr.find(qn("w:docGrid"))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(style.grid.line_pitch_twips))

        doc.settings.odd_and_even_pages_header_footer = True
        section.different_first_page_header_footer = False
        self._page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT, "right")
        self._page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT, "left")

        self._role_styles()
        self._record(document)

        props = doc.core_properties
        props.title = core_property(document.title_text or "")
        props.author = core_property(author or (document.signers[0] if document.signers else ""))
        props.last_modified_by = props.author
        props.language = "zh-CN"
        props.comments = "由 drafter 生成"
        props.created = props.modified = dt.datetime(2000, 1, 1)  # reproducible bytes-free dumps

    def _role_styles(self) -> None:
        styles = self.doc.styles
        runin = [f"runin-{n}" for n in range(1, 5)]  # a heading with its text in one paragraph
        for role in (*ROLE_STYLES, *(f"heading-{n}" for n in range(1, 5)), *runin):
            style = styles.add_style(role_style(role), WD_STYLE_TYPE.PARAGRAPH)
            self.style_ids[role] = style.style_id
            style.base_style = styles["Normal"]
            style.quick_style = role.startswith("heading")
            if role.startswith("heading"):
                level = OxmlElement("w:outlineLvl")
                level.set(qn("w:val"), str(int(role[-1]) - 1))
                style.element.get_or_add_pPr().append(level)

    def _record(self, document: Document) -> None:
        """drafter's record of the document (formats/own_marks.py) as a custom property."""
        package = self.doc.part.package
        text = xml_escape(dumps(record_of(document)))
        blob = (CUSTOM_PROPS_XML % (PROPERTY, text)).encode("utf-8")
        part = Part(PackURI(CUSTOM_PROPS), CUSTOM_PROPS_TYPE, blob, package)
        package.relate_to(part, CUSTOM_PROPS_REL)

    def _set_fonts(self, rpr, font: Font) -> None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in THEME_ATTRS:  # a theme attribute beats an explicit name
            fonts.attrib.pop(qn(attr), None)
        latin = font.latin or self.style.latin_font
        for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin)):
            fonts.set(qn(attr), name)
        fonts.set(qn("w:eastAsia"), font.east_asia)
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(round(font.size_pt * 2)))

    def _run(self, paragraph: DocxParagraph, text: str, font: Font, condense: bool = True):
        run = paragraph.add_run(xml_safe(text))
        rpr = run._r.get_or_add_rPr()
        self._set_fonts(rpr, font)
        run.font.size = Pt(font.size_pt)
        run.font.bold = font.bold or None
        if condense and self.style.grid.char_spacing_twips:
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(self.style.grid.char_spacing_twips))
            rpr.append(spacing)
        return run

    def _paragraph(
        self,
        align: WD_ALIGN_PARAGRAPH | None = None,
        first_line_chars: float = 0,
        right_chars: float = 0,
        keep_with_next: bool = False,
        pitch_twips: int | None = None,
        role: str | None = None,
    ) -> DocxParagraph:
        p = self.doc.add_paragraph()
        if role:  # by id: python-docx looks a style name up by scanning every style, each time
            p._p.style = self.style_ids.get(role) or self.doc.styles[role_style(role)].style_id
        pf = p.paragraph_format
        pf.line_spacing = Twips(pitch_twips or self.style.grid.line_pitch_twips)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.space_before = pf.space_after = Pt(0)
        if align is not None:
            pf.alignment = align
        if keep_with_next:
            pf.keep_with_next = True
        self._indent(p, first_line=first_line_chars, right=right_chars)
        return p

    def _indent(self, p: DocxParagraph, **chars: float) -> None:
        """Indents in characters (`w:*Chars`, hundredths) with a twips fallback (16 pt/char)."""
        values = {k: v for k, v in chars.items() if v}
        if not values:
            return
        ind = p._p.get_or_add_pPr().get_or_add_ind()
        for side, value in values.items():
            key = {"first_line": "firstLine", "right": "right", "left": "left"}[side]
            ind.set(qn(f"w:{key}Chars"), str(round(value * 100)))
            ind.set(qn(f"w:{key}"), str(round(value * CHAR_TWIPS)))

    def _page_number(self, p: DocxParagraph, align: WD_ALIGN_PARAGRAPH, side: str) -> None:
        font = self.style.fonts.page_number
        p.paragraph_format.alignment = align
        p.paragraph_format.line_spacing = Pt(font.size_pt)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        self._indent(p, **{side: self.style.page_number.side_space_chars})
        dash = self.style.page_number.dash
        self._run(p, f"{dash} ", font, condense=False)
        for kind, text in (
            ("begin", None),
            (None, " PAGE "),
            ("separate", None),
            (None, "1"),
            ("end", None),
        ):
            run = self._run(p, "", font, condense=False)
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                run.text = text
        self._run(p, f" {dash}", font, condense=False)

    # ---- content --------------------------------------------------------------------------
    def write(self, document: Document, author: str | None = None) -> bytes:
        self._setup(document, author)
        style = self.style
        fonts = style.fonts
        indent = style.first_line_indent_chars
        if document.title:
            lines = (
                document.title if len(document.title) > 1 else split_title(document.title[0], style)
            )
            p = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, keep_with_next=True, role="title")
            # 22 pt characters on a 28.95 pt line grid: without this the renderer may give each
            # title line more than one grid line.
            p._p.get_or_add_pPr().append(_on_off("w:snapToGrid", False))
            for n, line in enumerate(lines):
                run = self._run(p, line, fonts.title, condense=False)
                if n < len(lines) - 1:
                    run.add_break()
            self._paragraph()  # one blank line below the title (7.3.2)
        if document.addressee:
            p = self._paragraph(role="addressee")
            self._run(p, f"{document.addressee}：", fonts.body)

        for para in document.paragraphs:
            self._body_paragraph(para, indent)
        if document.closing:
            p = self._paragraph(first_line_chars=indent, keep_with_next=True, role="closing")
            self._run(p, document.closing, fonts.body)
        self._signature(document)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _body_paragraph(self, para: Paragraph, indent: float) -> None:
        fonts = self.style.fonts
        if not para.is_heading:
            p = self._paragraph(first_line_chars=indent, role="text")
            self._run(p, para.full_text, fonts.body)
            return
        head_font = fonts.heading(para.level)
        head = f"{para.number or ''}{para.heading}"
        p = self._paragraph(
            first_line_chars=indent,
            keep_with_next=not para.text,
            role=f"{'runin' if para.text else 'heading'}-{para.level}",
        )
        if para.text:  # run-in: only the heading phrase in the heading face
            self._run(p, f"{head}。", head_font)
            self._run(p, para.text, fonts.body)
        else:
            self._run(p, head, head_font)

    def _signature(self, document: Document) -> None:
        """GB/T 9704 7.3.5.2 (no seal): one blank line, 署名 right-indented 2 chars, the date on
        the next line starting 2 chars right of the 署名's first char."""
        if not document.signers and not document.date:
            return
        sig = self.style.signature
        if self.doc.paragraphs:  # keep the last body lines with the closing block
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        self._paragraph(keep_with_next=True)
        w_sig = max((text_width(s) for s in document.signers), default=0)
        w_date = text_width(document.date or "")
        # The date starts `date_shift_chars` right of the 署名 and keeps at least `right_chars`.
        date_right = max(sig.right_chars, w_sig - sig.date_shift_chars + sig.right_chars - w_date)
        sig_right = date_right + w_date + sig.date_shift_chars - w_sig
        for signer in document.signers:
            right = sig_right + (w_sig - text_width(signer))
            p = self._paragraph(
                WD_ALIGN_PARAGRAPH.RIGHT, right_chars=right, keep_with_next=True, role="signer"
            )
            self._run(p, signer, self.style.fonts.body)
        if document.date:
            p = self._paragraph(WD_ALIGN_PARAGRAPH.RIGHT, right_chars=date_right, role="date")
            self._run(p, document.date, self.style.fonts.body)


def write_docx(document: Document, style: Style, author: str | None = None) -> bytes:
    return DocxWriter(style).write(document, author)
