"""What a report says about itself: its year, its date, its issuer."""

from __future__ import annotations

import re

from drafter.models.document import Document
from drafter.models.language import frame
from drafter.reading.parser import DATE, DATE_CN, DATE_GARBLED, cn_to_int

YEAR_IN_TITLE = re.compile(frame().title_year.regex)


def report_year(doc: Document) -> int | None:
    """From the title; failing that, the first year the body speaks of."""
    for text in [doc.title_text or "", *(p.full_text for p in doc.paragraphs[:3])]:
        match = YEAR_IN_TITLE.search(text)
        if match:
            return int(match.group(1))
    dated = parse_date(doc.date) if doc.date else None
    if dated:  # reports are dated early in the following year
        year, month, _ = dated
        return year - 1 if month <= 6 else year
    return None


def parse_date(text: str) -> tuple[int, int, int] | None:
    """「2025年1月15日」, 「二〇二五年一月十五日」 or garbled 「2019129」 → (year, month, day)."""
    if match := DATE.match(text):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    if match := DATE_CN.match(text):
        parts = [cn_to_int(g) for g in match.groups()]
        return (parts[0], parts[1], parts[2]) if None not in parts else None
    if match := DATE_GARBLED.match(text):
        year, rest = int(match.group(1)), match.group(2)
        # 「129」 → 12-9 (or 1-29); take the reading with a valid month, longer month first
        for cut in (2, 1):
            month, day = int(rest[:cut]), int(rest[cut:] or 0)
            if 1 <= month <= 12 and 1 <= day <= 31:
                return year, month, day
    return None


def issuer_of(doc: Document) -> str | None:
    title = doc.title_text or ""
    words = frame().title
    if len(doc.title) > 1 and words.report not in doc.title[0]:
        return doc.title[0]
    if words.about in title:
        return title.split(words.about)[0] or None
    match = YEAR_IN_TITLE.search(title)
    if match and match.start() > 0:
        return title[: match.start()]
    return doc.signers[0] if doc.signers else None
