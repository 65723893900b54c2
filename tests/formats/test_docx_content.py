"""What a reviewer's .docx holds besides plain paragraphs: tracked changes (read as if
accepted), tables (cell paragraphs in row order) and text boxes (once, where they stand)."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from drafter.formats.docx_reader import DocxPackage, read_docx_bytes

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
TRACKED = f"""<w:p {NS}>
  <w:r><w:t>全年办理行政复议案件</w:t></w:r>
  <w:del w:id="1" w:author="审核人"><w:r><w:delText>150</w:delText></w:r></w:del>
  <w:ins w:id="2" w:author="审核人"><w:r><w:t>184</w:t></w:r></w:ins>
  <w:r><w:t>件</w:t></w:r>
  <w:moveFrom w:id="3" w:author="审核人"><w:r><w:t>，同比增长15%</w:t></w:r></w:moveFrom>
  <w:r><w:t>。</w:t></w:r>
</w:p>"""
MOVED_TO = f"""<w:p {NS}>
  <w:moveTo w:id="4" w:author="审核人"><w:r><w:t>受理数同比增长15%。</w:t></w:r></w:moveTo>
</w:p>"""


def text_box(text: str) -> str:
    """A text box as Word writes it: the DrawingML shape, and a VML copy for old readers."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return f"""<w:p {NS}>
  <w:r><w:t>见右侧说明。</w:t></w:r>
  <w:r><mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent></w:r>
</w:p>"""


def reviewed_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("示例县2023年法治政府建设年度报告")
    document.add_paragraph("一、主要举措和成效")
    body = document.element.body
    for xml in (TRACKED, MOVED_TO, text_box("说明：数据截至2023年12月31日。")):
        body.sectPr.addprevious(parse_xml(xml))
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("指标", "数值"), ("受理数", "184件")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("二、存在的不足")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_tracked_changes_tables_and_text_boxes_read_in_order():
    document = read_docx_bytes(reviewed_docx(), "reviewed.docx")
    assert document.title_text == "示例县2023年法治政府建设年度报告"
    assert [p.full_text for p in document.paragraphs] == [
        "一、主要举措和成效",
        "全年办理行政复议案件184件。",  # deletion and move away dropped, insertion kept
        "受理数同比增长15%。",  # the move's destination
        "见右侧说明。",
        "说明：数据截至2023年12月31日。",  # once, after the paragraph anchoring the box
        "指标",
        "数值",
        "受理数",
        "184件",
        "二、存在的不足",
    ]


def test_layout_numbers_paragraphs_as_the_text_does():
    """The text and the layout come from one walk of the body: the same paragraph numbers (every
    w:p counts, the text box's fallback copy too), each paragraph's runs in order."""
    package = DocxPackage(reviewed_docx(), "reviewed.docx")
    document, layout = package.document(), package.layout()
    assert sorted(layout.paragraphs) == list(range(1, 13))
    texts = {p.line: p.full_text for p in document.paragraphs}
    assert 7 not in texts  # the fallback copy of the text box: read once, as number 6
    for number in (2, 4, 6, 8, 9, 10, 11, 12):
        assert "".join(r.text for r in layout.paragraphs[number].runs) == texts[number]
    tracked = [r.text for r in layout.paragraphs[3].runs]  # a deleted run has no w:t
    assert tracked == ["全年办理行政复议案件", "", "184", "件", "，同比增长15%", "。"]
