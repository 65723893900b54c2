"""The document model: a paragraph's full text follows its fields, also when they change after
it was read once (it is kept between reads)."""

from __future__ import annotations

import pickle

from drafter.models.data import plain
from drafter.models.document import Paragraph


def test_full_text_follows_the_fields():
    paragraph = Paragraph(level=2, number="（一）", heading="深化理论武装", text="严格落实制度。")
    assert paragraph.full_text == "（一）深化理论武装。严格落实制度。"
    assert paragraph.is_heading and paragraph.is_run_in
    paragraph.text = ""
    assert paragraph.full_text == "（一）深化理论武装"
    assert paragraph.is_heading and not paragraph.is_run_in
    paragraph.heading = None  # no longer a heading: its number and body
    assert paragraph.full_text == "（一）" and not paragraph.is_heading
    paragraph.number, paragraph.text = None, "正文。"
    assert paragraph.full_text == "正文。"


def test_a_kept_full_text_is_no_field():
    read = Paragraph(text="正文。", line=3)
    assert read.full_text == "正文。"
    fresh = Paragraph(text="正文。", line=3)
    assert read == fresh and plain(read) == plain(fresh)
    assert pickle.loads(pickle.dumps(read)) == fresh
