"""`Document` → .docx laid out per GB/T 9704-2012, by a style profile.

Written as OOXML text straight into the zip: the package is the few parts Word, WPS and
LibreOffice need (no theme, no thumbnail, no unused built-in styles). python-docx has no API for
the East Asian font slot, character condensing, "chars" indents or fields anyway, and building
its object tree cost more than the rest of drafting (techniques and measurements: gbt9704.md §9).
Element order inside w:pPr and w:rPr follows the OOXML schema.
"""

from __future__ import annotations

import math
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from drafter.control_chars import core_property, xml_safe
from drafter.formats.own_marks import PROPERTY, STYLE_PREFIX, dumps, record_of
from drafter.models.document import Document, Paragraph
from drafter.models.style import Font, Style

# Each paragraph's role, as a paragraph style based on Normal (the look stays in direct
# formatting): reading drafter's own .docx back needs no guessing, and headings carry an outline
# level, so Word's navigation pane shows the outline.
ROLE_STYLES = ("title", "addressee", "text", "closing", "signer", "date")
RUNIN_STYLES = tuple(f"runin-{n}" for n in range(1, 5))  # a heading with its text in one paragraph
HEADING_STYLES = tuple(f"heading-{n}" for n in range(1, 5))
CHAR_TWIPS = 320  # one 3号 character: 16 pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = {
    "/word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "/word/settings.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "/word/footer1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "/word/footer2.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "/docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
}
PACKAGE_RELS = (
    ("officeDocument", f"{DOC_RELS}/officeDocument", "word/document.xml"),
    ("core", f"{PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
    ("app", f"{DOC_RELS}/extended-properties", "docProps/app.xml"),
    ("custom", f"{DOC_RELS}/custom-properties", "docProps/custom.xml"),
)
DOCUMENT_RELS = (
    ("styles", f"{DOC_RELS}/styles", "styles.xml"),
    ("settings", f"{DOC_RELS}/settings", "settings.xml"),
    ("footerOdd", f"{DOC_RELS}/footer", "footer1.xml"),
    ("footerEven", f"{DOC_RELS}/footer", "footer2.xml"),
)
SETTINGS = (
    f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:useFELayout/>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
    ' w:val="14"/></w:compat></w:settings>'
)
CUSTOM_PROPS = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="%s">'
    "<vt:lpwstr>%s</vt:lpwstr></property></Properties>"
)
CORE_PROPS = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
    "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:description>由 drafter 生成</dc:description>"
    "<dc:language>zh-CN</dc:language><cp:revision>1</cp:revision>"
    # a fixed date: the same facts give the same bytes
    '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)
APP_PROPS = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>drafter</Application></Properties>"
)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def escape(text: str) -> str:
    """XML character data (not xml.sax.saxutils: importing it imports urllib.request)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    return '"' + escape(xml_safe(text)).replace('"', "&quot;") + '"'


def role_style(role: str) -> str:
    return STYLE_PREFIX + role


def text_width(text: str) -> float:
    """Width in 字: CJK and full-width count 1, ASCII (Times New Roman digits) 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


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


def run_text(text: str) -> str:
    """Text as the inside of a w:r: tabs and line breaks are elements of their own."""
    parts = []
    for n, line in enumerate(xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if n:
            parts.append("<w:br/>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(parts)


def indent(**chars: float) -> str:
    """Indents in characters (`w:*Chars`, hundredths) with a twips fallback (16 pt/char)."""
    attrs = "".join(
        f' w:{side}Chars="{round(value * 100)}" w:{side}="{round(value * CHAR_TWIPS)}"'
        for side, value in chars.items()
        if value
    )
    return f"<w:ind{attrs}/>" if attrs else ""


@dataclass
class Para:
    """One paragraph to write: its look (as direct formatting) and its runs (OOXML)."""

    role: str | None = None
    align: str | None = None  # center, right
    first_line: float = 0  # indents in characters
    right: float = 0
    keep_with_next: bool = False
    snap_to_grid: bool = True
    runs: list[str] = field(default_factory=list)


class DocxWriter:
    def __init__(self, style: Style) -> None:
        self.style = style
        self.paras: list[Para] = []
        self._props: dict[tuple[Font, bool], str] = {}

    # ---- pieces ---------------------------------------------------------------------------
    def fonts(self, font: Font) -> str:
        latin = quoteattr(font.latin or self.style.latin_font)
        return (
            f"<w:rFonts w:ascii={latin} w:hAnsi={latin} w:cs={latin} "
            f"w:eastAsia={quoteattr(font.east_asia)}/>"
        )

    def run_props(self, font: Font, condense: bool) -> str:
        key = (font, condense)
        if key not in self._props:
            spacing = self.style.grid.char_spacing_twips if condense else 0
            condensed = f'<w:spacing w:val="{spacing}"/>' if spacing else ""
            size = round(font.size_pt * 2)
            self._props[key] = (
                f"<w:rPr>{self.fonts(font)}{'<w:b/>' if font.bold else ''}{condensed}"
                f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            )
        return self._props[key]

    def run(self, text: str, font: Font, condense: bool = True, inner: str = "") -> str:
        return f"<w:r>{self.run_props(font, condense)}{run_text(text)}{inner}</w:r>"

    def add(self, *runs: str, **look) -> Para:
        para = Para(runs=list(runs), **look)
        self.paras.append(para)
        return para

    def paragraph_xml(self, para: Para, pitch: int) -> str:
        ppr = [
            f'<w:pStyle w:val="{role_style(para.role)}"/>' if para.role else "",
            "<w:keepNext/>" if para.keep_with_next else "",
            "" if para.snap_to_grid else '<w:snapToGrid w:val="0"/>',
            f'<w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>',
            indent(firstLine=para.first_line, right=para.right),
            f'<w:jc w:val="{para.align}"/>' if para.align else "",
        ]
        return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{''.join(para.runs)}</w:p>"

    def page_number(self, align: str, side: str) -> str:
        """「— 1 —」: the page number field between dashes, in the footer."""
        font = self.style.fonts.page_number
        dash = self.style.page_number.dash
        field_runs = "".join(
            self.run("", font, False, inner)
            for inner in (
                '<w:fldChar w:fldCharType="begin"/>',
                '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>',
                "<w:t>1</w:t>",
                '<w:fldChar w:fldCharType="end"/>',
            )
        )
        ppr = (
            f'<w:pPr><w:pStyle w:val="Footer"/><w:spacing w:line="{round(font.size_pt * 20)}" '
            f'w:lineRule="exact"/>{indent(**{side: self.style.page_number.side_space_chars})}'
            f'<w:jc w:val="{align}"/></w:pPr>'
        )
        return (
            f'{XML_HEAD}<w:ftr xmlns:w="{W_NS}"><w:p>{ppr}{self.run(f"{dash} ", font, False)}'
            f"{field_runs}{self.run(f' {dash}', font, False)}</w:p></w:ftr>"
        )

    # ---- content --------------------------------------------------------------------------
    def body(self, document: Document) -> None:
        style = self.style
        fonts = style.fonts
        first = style.first_line_indent_chars
        if document.title:
            lines = (
                document.title if len(document.title) > 1 else split_title(document.title[0], style)
            )
            # 22 pt characters on a 28.95 pt line grid: without snapToGrid off the renderer may
            # give each title line more than one grid line.
            self.add(
                *(
                    self.run(line, fonts.title, False, "<w:br/>" if n < len(lines) - 1 else "")
                    for n, line in enumerate(lines)
                ),
                role="title",
                align="center",
                keep_with_next=True,
                snap_to_grid=False,
            )
            self.add()  # one blank line below the title (7.3.2)
        if document.addressee:
            self.add(self.run(f"{document.addressee}：", fonts.body), role="addressee")
        for para in document.paragraphs:
            self.body_paragraph(para, first)
        if document.closing:
            self.add(
                self.run(document.closing, fonts.body),
                role="closing",
                first_line=first,
                keep_with_next=True,
            )
        self.signature(document)

    def body_paragraph(self, para: Paragraph, first: float) -> None:
        fonts = self.style.fonts
        if not para.is_heading:
            self.add(self.run(para.full_text, fonts.body), role="text", first_line=first)
            return
        head = f"{para.number or ''}{para.heading}"
        head_font = fonts.heading(para.level)
        if para.text:  # run-in: only the heading phrase in the heading face
            runs = [self.run(f"{head}。", head_font), self.run(para.text, fonts.body)]
            self.add(*runs, role=f"runin-{para.level}", first_line=first)
        else:
            self.add(
                self.run(head, head_font),
                role=f"heading-{para.level}",
                first_line=first,
                keep_with_next=True,
            )

    def signature(self, document: Document) -> None:
        """GB/T 9704 7.3.5.2 (no seal): one blank line, 署名 right-indented 2 chars, the date on
        the next line starting 2 chars right of the 署名's first char."""
        if not document.signers and not document.date:
            return
        sig = self.style.signature
        body = self.style.fonts.body
        if self.paras:  # keep the last body lines with the closing block
            self.paras[-1].keep_with_next = True
        self.add(keep_with_next=True)
        w_sig = max((text_width(s) for s in document.signers), default=0)
        w_date = text_width(document.date or "")
        # The date starts `date_shift_chars` right of the 署名 and keeps at least `right_chars`.
        date_right = max(sig.right_chars, w_sig - sig.date_shift_chars + sig.right_chars - w_date)
        sig_right = date_right + w_date + sig.date_shift_chars - w_sig
        for signer in document.signers:
            right = sig_right + (w_sig - text_width(signer))
            self.add(
                self.run(signer, body),
                role="signer",
                align="right",
                right=right,
                keep_with_next=True,
            )
        if document.date:
            self.add(self.run(document.date, body), role="date", align="right", right=date_right)

    # ---- parts ----------------------------------------------------------------------------
    def document_xml(self) -> str:
        style = self.style
        page, pitch = style.page, style.grid.line_pitch_twips
        paragraphs = "".join(self.paragraph_xml(p, pitch) for p in self.paras)
        section = (
            '<w:sectPr><w:footerReference w:type="default" r:id="footerOdd"/>'
            '<w:footerReference w:type="even" r:id="footerEven"/>'
            f'<w:pgSz w:w="{twips(page.width_mm)}" w:h="{twips(page.height_mm)}"/>'
            f'<w:pgMar w:top="{twips(page.top_mm)}" w:right="{twips(page.right_mm)}" '
            f'w:bottom="{twips(page.bottom_mm)}" w:left="{twips(page.left_mm)}" w:header="720" '
            f'w:footer="{twips(page.footer_distance_mm)}" w:gutter="0"/>'
            f'<w:cols w:space="720"/><w:docGrid w:type="lines" w:linePitch="{pitch}"/></w:sectPr>'
        )
        return (
            f'{XML_HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f"<w:body>{paragraphs}{section}</w:body></w:document>"
        )

    def styles_xml(self) -> str:
        style = self.style
        body = style.fonts.body
        size = round(body.size_pt * 2)
        spacing = (
            f'<w:spacing w:after="0" w:line="{style.grid.line_pitch_twips}" w:lineRule="exact"/>'
        )
        run = f'{self.fonts(body)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        roles = []
        for role in (*ROLE_STYLES, *HEADING_STYLES, *RUNIN_STYLES):
            heading = role in HEADING_STYLES
            level = f'<w:pPr><w:outlineLvl w:val="{int(role[-1]) - 1}"/></w:pPr>' if heading else ""
            roles.append(
                f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{role_style(role)}">'
                f'<w:name w:val="{role_style(role)}"/><w:basedOn w:val="Normal"/>'
                f"{'<w:qFormat/>' if heading else ''}{level}</w:style>"
            )
        return (
            f'{XML_HEAD}<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{run}'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            # autoSpace off: digits stay on the 28-character grid (Word)
            '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
            f"{spacing}</w:pPr></w:pPrDefault></w:docDefaults>"
            # widowControl off: full pages of 22 lines (GB/T 9704 5.2.3)
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            f'<w:qFormat/><w:pPr><w:widowControl w:val="0"/>{spacing}</w:pPr><w:rPr>{run}</w:rPr>'
            '</w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
            '<w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" '
            'w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
            '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            '</w:tblPr></w:style><w:style w:type="paragraph" w:styleId="Footer">'
            '<w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
            '<w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            f"</w:pPr></w:style>{''.join(roles)}</w:styles>"
        )

    def write(self, document: Document, author: str | None = None) -> bytes:
        self.body(document)
        author = author or (document.signers[0] if document.signers else "")
        parts = {
            "word/document.xml": self.document_xml(),
            "word/styles.xml": self.styles_xml(),
            "word/settings.xml": XML_HEAD + SETTINGS,
            "word/footer1.xml": self.page_number("right", "right"),
            "word/footer2.xml": self.page_number("left", "left"),
            "word/_rels/document.xml.rels": relationships(DOCUMENT_RELS),
            "docProps/core.xml": XML_HEAD
            + CORE_PROPS.format(
                title=escape(core_property(document.title_text or "")),
                author=escape(core_property(author)),
            ),
            "docProps/app.xml": XML_HEAD + APP_PROPS,
            "docProps/custom.xml": XML_HEAD
            + CUSTOM_PROPS % (PROPERTY, escape(xml_safe(dumps(record_of(document))))),
        }
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr(zipfile.ZipInfo("[Content_Types].xml", ZIP_TIME), content_types(), 8)
            package.writestr(
                zipfile.ZipInfo("_rels/.rels", ZIP_TIME), relationships(PACKAGE_RELS), 8
            )
            for name, text in parts.items():
                package.writestr(zipfile.ZipInfo(name, ZIP_TIME), text.encode("utf-8"), 8)
        return buffer.getvalue()


def relationships(rels: tuple[tuple[str, str, str], ...]) -> str:
    items = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels
    )
    return f'{XML_HEAD}<Relationships xmlns="{PKG_RELS}">{items}</Relationships>'


def content_types() -> str:
    overrides = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>'
        for name, kind in CONTENT_TYPES.items()
    )
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


def write_docx(document: Document, style: Style, author: str | None = None) -> bytes:
    return DocxWriter(style).write(document, author)
