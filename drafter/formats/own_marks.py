"""What drafter writes into its own files so that reading them back is exact, not a guess.

A drafted .docx carries this record in a custom document property and names each paragraph's
role in its paragraph style; a drafted .md carries it in an HTML comment on its first line. The
record holds what the text alone cannot say for sure: issuer, kind and year, the title's lines,
each heading's section id, and (for Markdown) each block's kind. A file edited since it was
drafted keeps what still matches and leaves the rest to the text parser."""

from __future__ import annotations

import json
from typing import Any

from drafter.models.document import Document

VERSION = 1
PROPERTY = "drafter"  # the custom document property's name (.docx)
STYLE_PREFIX = "drafter-"  # paragraph styles naming each paragraph's role (.docx)
FRAME_ROLE = "frame"  # a 公文's 版头 and 版记 (draft --official): not part of the report
MD_PREFIX = "<!-- drafter "
MD_SUFFIX = " -->"


def record_of(document: Document, blocks: list[str] | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "version": VERSION,
        "issuer": document.issuer,
        "kind": document.kind,
        "year": document.year,
        "metrics": document.metrics,
        "title": document.title,
        "sections": [[p.heading, p.section, p.number] for p in document.headings],
        # the facts field each paragraph came from: next year's `extract` knows, for instance,
        # which sentences were generated from metrics (their figures become previous values)
        "sources": [
            ".".join(map(str, p.source)) if p.source else None for p in document.paragraphs
        ],
    }
    if blocks is not None:
        record["blocks"] = blocks
    return record


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> dict[str, Any] | None:
    """The record, or None when there is none or it is not one of ours (never an error: a
    damaged record only means the file is read like any other)."""
    if not text:
        return None
    try:
        record = json.loads(text)
    except ValueError:
        return None
    if not isinstance(record, dict) or record.get("version") != VERSION:
        return None
    return record


def apply_record(document: Document, record: dict[str, Any]) -> Document:
    """Metadata and section ids from the record onto a document read from the same file."""
    issuer, kind, year = record.get("issuer"), record.get("kind"), record.get("year")
    document.issuer = issuer if isinstance(issuer, str) else None
    document.kind = kind if isinstance(kind, str) else None
    document.year = year if isinstance(year, int) and not isinstance(year, bool) else None
    metrics = record.get("metrics")
    if isinstance(metrics, dict):
        document.metrics = {
            str(k): v
            for k, v in metrics.items()
            if isinstance(v, int | float) and not isinstance(v, bool)
        }
    title = record.get("title")
    if isinstance(title, list) and "".join(map(str, title)) == "".join(document.title):
        document.title = [str(t) for t in title]
    sections = [s[:2] for s in record_headings(record)]
    headings = document.headings
    # In order while the headings match; a heading edited since drafting is looked up by text.
    by_text = {str(text): sid for text, sid in sections}
    for n, paragraph in enumerate(headings):
        if n < len(sections) and sections[n][0] == paragraph.heading:
            paragraph.section = sections[n][1]
        else:
            paragraph.section = by_text.get(paragraph.heading or "")
    document.spread_sections()
    sources = record.get("sources")
    if isinstance(sources, list) and len(sources) == len(document.paragraphs):
        for paragraph, source in zip(document.paragraphs, sources, strict=True):
            paragraph.source = source_path(source) if isinstance(source, str) else None
    return document


def source_path(value: str | None) -> tuple[str | int, ...] | None:
    """「measures.areas.mediation.highlights.0.text」 → ("measures", "areas", …, 0, "text")."""
    if not value:
        return None
    return tuple(int(p) if p.isdigit() else p for p in value.split("."))


def record_headings(record: dict[str, Any]) -> list[list]:
    """[heading, section id, number] of each heading, as drafted."""
    return [
        [*s, None][:3]
        for s in record.get("sections") or []
        if isinstance(s, list) and len(s) in (2, 3) and all(isinstance(x, str | None) for x in s)
    ]


def split_known_number(text: str, numbers: list, index: int) -> tuple[str | None, str] | None:
    """The `index`-th heading's number as drafter wrote it (「1.」 before 「0」 is a number, not a
    decimal; a heading drafted without a number has none): (number, rest), or None when the
    record does not know this heading."""
    if index >= len(numbers):
        return None
    number = numbers[index]
    if number is None:
        return None, text
    return (number, text[len(number) :]) if text.startswith(number) else None


def md_comment(record: dict[str, Any]) -> str:
    return MD_PREFIX + dumps(record).replace("--", "\\u002d\\u002d") + MD_SUFFIX


def md_record(first_line: str) -> dict[str, Any] | None:
    line = first_line.strip()
    if not (line.startswith(MD_PREFIX) and line.endswith(MD_SUFFIX)):
        return None
    return loads(line[len(MD_PREFIX) : -len(MD_SUFFIX)])
