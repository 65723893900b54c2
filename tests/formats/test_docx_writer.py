"""Reopen each drafted .docx and measure it against GB/T 9704-2012 and the style profile."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm

from drafter.draft import draft_document, render_bytes
from drafter.formats.docx_writer import split_title, text_width
from drafter.formats.style_file import available_styles, load_style
from drafter.formats.yaml_io import read_facts
from tests.conftest import EXAMPLES
from tests.formats.docx_dump import dump, run_fonts

TODAY = dt.date(2027, 1, 10)


def drafted(path, style="gbt9704") -> bytes:
    return render_bytes(draft_document(read_facts(path), TODAY), "docx", style, "示例县人民政府")


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example_docx(request):
    return docx.Document(io.BytesIO(drafted(request.param)))


def test_page_size_and_margins(example_docx):
    section = example_docx.sections[0]
    measured = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    # stored in twips: within 0.05 mm of the standard's numbers
    assert [round(x.mm, 1) for x in measured] == [210, 297, 37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"


def test_every_paragraph_has_exact_28_95_pt_pitch(example_docx):
    for p in example_docx.paragraphs:
        pf = p.paragraph_format
        assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert pf.line_spacing.twips == 579


def test_fonts_and_sizes_by_element(example_docx):
    style = load_style("gbt9704")
    paragraphs = [p for p in example_docx.paragraphs if p.text]
    title = paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for run in title.runs:
        assert run_fonts(run)["east_asia"] == "方正小标宋简体" and run.font.size.pt == 22
    seen = set()
    for p in paragraphs[1:]:
        for run in p.runs:
            fonts = run_fonts(run)
            assert fonts["east_asia"], f"run without East Asian font: {run.text}"
            assert fonts["ascii"] == "Times New Roman"
            assert run.font.size.pt == 16
            seen.add(fonts["east_asia"])
            spacing = run._r.rPr.find(qn("w:spacing"))
            assert spacing is not None and spacing.get(qn("w:val")) == "-5"
    assert {
        style.fonts.body.east_asia,
        style.fonts.heading1.east_asia,
        style.fonts.heading2.east_asia,
    } <= seen


def test_headings_use_their_faces_and_keep_with_next(example_docx):
    for p in example_docx.paragraphs:
        if p.text.startswith("一、"):
            assert run_fonts(p.runs[0])["east_asia"] == "黑体"
            assert p.paragraph_format.keep_with_next
        if p.text.startswith("（一）") and "。" not in p.text:
            assert run_fonts(p.runs[0])["east_asia"] == "楷体_GB2312"
            assert p.paragraph_format.keep_with_next


def test_run_in_heading_only_the_phrase_in_heading_face(example_docx):
    run_in = [p for p in example_docx.paragraphs if p.text.startswith("1.")]
    assert run_in
    for p in run_in:
        head, body = p.runs[0], p.runs[1]
        assert head.text.endswith("。") and run_fonts(body)["east_asia"] == "仿宋_GB2312"


def test_body_first_line_indent_two_chars(example_docx):
    body = [p for p in example_docx.paragraphs if p.text.startswith("全年")]
    assert body
    for p in body:
        ind = p._p.pPr.find(qn("w:ind"))
        assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"


def test_signature_and_date_per_7_3_5_2(example_docx):
    paragraphs = example_docx.paragraphs
    date, signer, blank, closing = paragraphs[-1], paragraphs[-2], paragraphs[-3], paragraphs[-4]
    assert closing.text == "特此报告。" and blank.text == ""
    assert signer.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    sig_right = int(signer._p.pPr.find(qn("w:ind")).get(qn("w:rightChars"))) / 100
    date_right = int(date._p.pPr.find(qn("w:ind")).get(qn("w:rightChars"))) / 100
    assert date_right >= 2
    # the date's first character sits two characters right of the 署名's first character
    assert (sig_right + text_width(signer.text)) - (date_right + text_width(date.text)) == 2
    assert closing.paragraph_format.keep_with_next and signer.paragraph_format.keep_with_next


def test_page_numbers_odd_right_even_left_with_page_field(example_docx):
    assert example_docx.settings.odd_and_even_pages_header_footer
    section = example_docx.sections[0]
    assert not section.different_first_page_header_footer
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "rightChars"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "leftChars"),
    ):
        p = footer.paragraphs[0]
        assert p.alignment == align
        assert p._p.pPr.find(qn("w:ind")).get(qn(f"w:{side}")) == "100"
        assert p.text.startswith("— ") and p.text.endswith(" —")
        instr = [el.text for el in p._p.iter(qn("w:instrText"))]
        assert instr == [" PAGE "]
        kinds = [el.get(qn("w:fldCharType")) for el in p._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        for run in p.runs:
            assert run_fonts(run)["east_asia"] == "宋体" and run.font.size.pt == 14
    assert abs(section.footer_distance - Mm(25.5)) < Mm(0.1)


def test_core_properties(example_docx):
    props = example_docx.core_properties
    assert props.title.endswith("报告") and props.author == "示例县人民政府"


def test_docx_defaults_have_no_theme_fonts(example_docx):
    styles = example_docx.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme"):
            assert fonts.get(qn(attr)) is None
    lang = styles.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_common_profile_uses_plain_font_names():
    document = docx.Document(io.BytesIO(drafted(EXAMPLES[0], "gbt9704-common")))
    faces = {run_fonts(r)["east_asia"] for p in document.paragraphs for r in p.runs}
    assert "仿宋" in faces and "楷体" in faces and not any("GB2312" in f for f in faces if f)
    assert set(available_styles()) >= {"gbt9704", "gbt9704-common"}


def test_every_style_offered_is_a_style():
    """`--style` lists the files of templates/styles/: each must load as a profile."""
    for name in available_styles():
        assert load_style(name).name


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_docx_golden_dump(path, snapshot):
    assert dump(drafted(path)) == snapshot


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "示例县人民政府关于2026年度法治政府建设情况的报告",
            ["示例县人民政府关于2026年度", "法治政府建设情况的报告"],
        ),
        ("开州区2024年法治政府建设情况报告", ["开州区2024年法治政府建设情况报告"]),
    ],
)
def test_title_breaks_into_a_trapezoid(title, lines):
    assert split_title(title, load_style()) == lines


def test_long_title_lines_stay_within_limit():
    style = load_style()
    title = "某某省某某市某某县某某镇人民政府关于2026年度法治政府建设工作情况的报告"
    parts = split_title(title, style)
    assert "".join(parts) == title
    assert all(text_width(p) <= style.title.max_chars_per_line for p in parts)
    assert text_width(parts[0]) >= text_width(parts[-1])


# The OOXML schema's order of w:pPr and w:rPr children (ECMA-376 §17.3.1.26, §17.3.2.28), for
# the elements the writer uses: Word rejects or ignores misplaced ones.
PPR_ORDER = ["pStyle", "keepNext", "widowControl", "autoSpaceDE", "autoSpaceDN", "snapToGrid",
             "spacing", "ind", "jc", "outlineLvl"]  # fmt: skip
RPR_ORDER = ["rFonts", "b", "spacing", "sz", "szCs", "lang"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_written_package_is_small_and_in_schema_order(tmp_path):
    import zipfile

    from lxml import etree

    data = render_bytes(draft_document(read_facts(EXAMPLES[0])), "docx", "gbt9704", None)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        assert not any("thumbnail" in n or "theme" in n for n in names)
        for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            root = etree.fromstring(package.read(name))
            for props, order in (("pPr", PPR_ORDER), ("rPr", RPR_ORDER)):
                for element in root.iter(f"{W}{props}"):
                    tags = [etree.QName(child).localname for child in element]
                    assert tags == sorted(tags, key=order.index), (name, tags)
    assert len(data) < 40_000


def test_characters_xml_cannot_hold_never_reach_the_package(tmp_path):
    """A control character in a style's font name, U+FFFE in the facts: the .docx stays
    well-formed XML and drafter reads its own file back."""
    import zipfile

    from lxml import etree

    from drafter.formats.reader import read_report

    facts = read_facts(EXAMPLES[0])
    facts.meta.issuer = "示例县\ufffe人民政府"
    style = load_style("gbt9704")
    odd = replace(style.fonts.body, east_asia="仿宋\x01_GB2312")
    style = replace(style, fonts=replace(style.fonts, body=odd))
    from drafter.formats.docx_writer import write_docx

    data = write_docx(draft_document(facts).document, style, facts.meta.issuer)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # raises on a character XML forbids
    path = tmp_path / "odd.docx"
    path.write_bytes(data)
    assert read_report(path)[0].issuer == "示例县人民政府"


def test_official_frame_keeps_schema_order():
    import zipfile

    from lxml import etree

    from drafter.render.official import frame

    facts = read_facts(EXAMPLES[0])
    framed, _ = frame(facts, dt.date(2027, 1, 15))
    data = render_bytes(draft_document(facts), "docx", "gbt9704", None, framed)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    for element in root.iter(f"{W}pPr"):
        tags = [etree.QName(child).localname for child in element]
        known = [t for t in tags if t in PPR_ORDER]
        assert known == sorted(known, key=PPR_ORDER.index), tags
