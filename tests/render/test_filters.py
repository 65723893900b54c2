from __future__ import annotations

import datetime as dt

import pytest

from drafter.render.filters import amount, cn_date, cn_number, percent, sentence


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (14, "十四"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (35, "三十五"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (119, "一百一十九"),
        (999, "九百九十九"),
        (1010, "一千零一十"),
        (9999, "九千九百九十九"),
        (10000, "10000"),
    ],
)
def test_cn_number(n, text):
    assert cn_number(n) == text


@pytest.mark.parametrize("n", [0, -1])
def test_cn_number_out_of_range(n):
    with pytest.raises(ValueError):
        cn_number(n)


def test_cn_date_has_no_padding():
    assert cn_date(dt.date(2027, 1, 5)) == "2027年1月5日"
    assert cn_date(dt.date(2025, 12, 31)) == "2025年12月31日"


@pytest.mark.parametrize(
    ("value", "text"), [(96.94, "96.9%"), (100, "100%"), (12.45, "12.5%"), (0, "0%"), (28.0, "28%")]
)
def test_percent(value, text):
    assert percent(value) == text


@pytest.mark.parametrize(
    ("yuan", "text"),
    [
        (5000, "5000元"),
        (806600, "80.66万元"),
        (69000000, "6900万元"),
        (320000000, "3.2亿元"),
        (10000, "1万元"),
    ],
)
def test_amount(yuan, text):
    assert amount(yuan) == text


def test_sentence_ends_with_full_stop_once():
    assert sentence("继续推进") == "继续推进。"
    assert sentence("继续推进。") == "继续推进。"
    assert sentence("报告如下：") == "报告如下："
