"""The Chinese-language knowledge the readers and rules use lives in data (`templates/frame.yaml`,
`templates/figures.yaml`, `templates/rules/years.yaml`, `rates.yaml`, `previous.yaml`); every
pattern's examples run through the compiled pattern the code actually uses."""

from __future__ import annotations

import pytest

from drafter import extract
from drafter.check.rules import numbers, previous, years
from drafter.models.facts import Meta
from drafter.models.language import figure_words, frame, year_patterns
from drafter.models.reading_rules import reading_rules
from drafter.reading import metadata, outline, parser
from drafter.reading.figures import figures
from drafter.resources import load_data

IN_USE = {  # data entry → (its examples, the pattern the code compiled from it)
    "frame.date": (frame().date, parser.DATE),
    "frame.date_cn": (frame().date_cn, parser.DATE_CN),
    "frame.date_garbled": (frame().date_garbled, parser.DATE_GARBLED),
    "frame.closing": (frame().closing, parser.CLOSING),
    "frame.title_year": (frame().title_year, metadata.YEAR_IN_TITLE),
    "frame.enumerated": (frame().enumerated, extract.ENUMERATED),
    "years.year": (year_patterns().year, years.YEAR),
    "years.plan_year": (year_patterns().plan_year, years.PLAN_YEAR),
    "years.book_title": (year_patterns().book_title, years.BOOK_TITLE),
    "years.leading_year": (year_patterns().leading_year, years.LEADING_YEAR),
    "years.paragraph_year": (year_patterns().paragraph_year, years.PARAGRAPH_YEAR),
    "reading.combined.problem": (reading_rules().combined.problem, outline._combined_rules()[0]),
    "reading.combined.plan": (reading_rules().combined.plan, outline._combined_rules()[1]),
}


@pytest.mark.parametrize("entry", sorted(IN_USE))
def test_pattern_examples(entry):
    examples, pattern = IN_USE[entry]
    assert pattern.pattern == examples.regex  # the code uses the data, not a copy
    for text in examples.fires:
        assert pattern.search(text), text
    for text in examples.quiet:
        assert not pattern.search(text), text


def test_plan_item_examples():
    data = load_data("rules/previous.yaml")["plan_item"]
    pattern = previous.settings()["plan_item_re"]
    assert pattern.pattern == data["regex"]
    assert all(pattern.search(t) for t in data["fires"])
    assert not any(pattern.search(t) for t in data["quiet"])


def test_every_date_form_is_read():
    for entry in (frame().date, frame().date_cn, frame().date_garbled):
        for text in entry.fires:
            assert metadata.parse_date(text), text
    assert metadata.parse_date("二〇二五年一月十五日") == (2025, 1, 15)
    assert metadata.parse_date("2019129") == (2019, 12, 9)


def test_closing_line_is_the_documents_closing():
    for text in frame().closing.fires:
        doc = parser.parse_text(
            f"一、主要举措和成效\n全年受理矛盾纠纷1178件。\n{text}\n示例县人民政府"
        )
        assert doc.closing == text and all(p.text != text for p in doc.paragraphs)


@pytest.mark.parametrize("example", figure_words().examples, ids=lambda e: e.text[:12])
def test_figure_examples(example):
    assert [f"{f.name} {f.text} {f.unit}" for f in figures(example.text)] == example.figures


def test_every_unit_and_filler_is_used_by_an_example_or_read():
    words = figure_words()
    for unit in words.units:
        assert [f.unit for f in figures(f"受理案件12{unit}")] == [unit], unit
    for word in words.leading:
        assert figures(f"{word}受理案件12件")[0].name == "受理案件", word
    for word in words.trailing:
        assert figures(f"调解率{word}12%")[0].name == "调解率", word
    for word in words.approx:
        assert figures(f"受理案件12{word}件")[0].approx, word
    assert extract.AMOUNT_FACTOR == words.magnitudes and set(words.magnitudes) <= set(words.units)


def test_change_words_are_not_rates():
    data = load_data("rules/rates.yaml")
    for word in data["change_words"]:
        assert not numbers.sentence_problems(f"复议纠错率{word}120%。"), word
    assert numbers.sentence_problems("复议纠错率120%。")


@pytest.mark.parametrize("example", frame().title.examples, ids=lambda e: e.text.split()[0])
def test_title_examples(example):
    doc = parser.parse_text(example.text)
    assert (len(doc.title), metadata.issuer_of(doc)) == (example.lines, example.issuer)


def test_issuer_short_name_examples():
    for issuer, short in frame().issuer_short.examples.items():
        assert Meta(issuer=issuer, year=2025).short_name == short, issuer
