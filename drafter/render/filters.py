"""Jinja filters for the way Chinese official reports write numbers and dates."""

from __future__ import annotations

import datetime as dt

from drafter.models.figures import (
    format_amount,
    format_count,
    format_number,
    format_percent,
    format_range,
)

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Heading numbers: 1 → 一, 10 → 十, 14 → 十四, 99 → 九十九, 101 → 一百零一, 110 → 一百一十;
    from 10000 on, Arabic numerals (no report has that many items)."""
    if n < 1:
        raise ValueError(f"cn_number: {n} is not a positive number")
    if n >= 10000:
        return str(n)
    out, zero = "", False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = n // size % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if unit == "十" and digit == 1 and not out else _DIGITS[digit]) + unit
    return out


def cn_date(value: dt.date) -> str:
    """GB/T 9704 7.3.5.4: Arabic numerals, full year, no padding: 「2027年1月5日」."""
    return f"{value.year}年{value.month}月{value.day}日"


def percent(value: float, places: int | None = None) -> str:
    return format_percent(value, places)


def amount(yuan: float) -> str:
    return format_amount(yuan)


def number(value: float, places: int = 2) -> str:
    return format_number(value, places)


def count(value: float, unit: str = "") -> str:
    """「{{ 60000 | count('人次') }}」 → 「6万人次」."""
    return format_count(value, unit)


def number_range(low: float, high: float, unit: str = "") -> str:
    """「{{ 50000 | number_range(100000, '人次') }}」 → 「5万～10万人次」."""
    return format_range(low, high, unit)


def sentence(text: str) -> str:
    """Ends a paragraph with 「。」 unless it already ends with a sentence mark."""
    text = text.strip()
    return text if not text or text[-1] in "。！？；：…”" else text + "。"


FILTERS = {
    "cn_number": cn_number,
    "cn_date": cn_date,
    "percent": percent,
    "amount": amount,
    "number": number,
    "count": count,
    "number_range": number_range,
    "sentence": sentence,
}
