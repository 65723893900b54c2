"""What a report says about itself: its year (with the evidence), its date, its issuer."""

from __future__ import annotations

import re

from drafter.models.document import Document, Paragraph
from drafter.models.language import frame
from drafter.models.outline import YearEvidence, YearSource
from drafter.models.reading_rules import compiled, fold, noise_rules, reading_rules
from drafter.reading.parser import BULLET, DATE, DATE_CN, DATE_GARBLED, cn_to_int

YEAR_IN_TITLE = re.compile(frame().title_year.regex)
BOOK_TITLES = re.compile(r"《[^》]*》")  # 《2024年全县法治政府建设工作要点》 is a document's name
STRONG = ("title", "opening", "heading")


def _stated(text: str) -> re.Match[str] | None:
    return compiled(reading_rules().year.stated.regex).search(BOOK_TITLES.sub("", fold(text)))


def year_evidence(doc: Document) -> list[YearEvidence]:
    """Every place the report states its year, strongest first: the title, the opening sentence
    (「2024年，……」, 「现将2024年……报告如下」), a level-1 heading (「一、2024年度推进……」);
    then what lets one infer it (「今年以来」 with the page's publication date, the report's own
    date). Ranges (「纲要（2021—2025年）」), documents' names and page-header dates are not
    evidence."""
    rules = reading_rules().year
    found: list[YearEvidence] = []
    if doc.title_text and (match := _stated(doc.title_text)):
        found.append(_evidence(match.group(1), "title", doc.title_line, doc.title_text))
    body = [p for p in doc.paragraphs if not p.is_heading]
    first_heading = next((p.line or 0 for p in doc.paragraphs if p.is_heading), None)
    opening = [p for p in body[:2] if first_heading is None or (p.line or 0) < first_heading]
    places: dict[YearSource, list[tuple[Paragraph, str]]] = {
        "opening": [(p, BULLET.sub("", p.text)) for p in opening],
        "heading": [(h, h.heading or "") for h in doc.headings if h.level == 1],
    }
    for source, texts in places.items():
        first = next(((p, m) for p, text in texts if (m := _stated(text))), None)
        if first:
            found.append(_evidence(first[1].group(1), source, first[0].line, first[0].full_text))
    relative = compiled(rules.relative.regex)
    if not any(e.source in STRONG for e in found) and any(
        relative.search(p.text) for p in body[:3]
    ):
        published = compiled(rules.published.regex)
        for dropped in doc.noise:
            if match := published.search(fold(dropped.text)):
                year = _reported(int(match.group("year")), int(match.group("month")))
                found.append(_evidence(year, "published", dropped.line, dropped.text))
                break
    dated = parse_date(doc.date) if doc.date else None
    if dated:
        year = _reported(dated[0], dated[1])
        found.append(_evidence(year, "dated", doc.date_line, doc.date or ""))
    return found


def _evidence(year: int | str, source: YearSource, line: int | None, text: str) -> YearEvidence:
    return YearEvidence(year=int(year), source=source, line=line, text=text)


def _reported(year: int, month: int) -> int:
    """Reports are published early in the following year, or late in the year itself."""
    return year - 1 if month <= 6 else year


def report_year(doc: Document) -> tuple[int | None, list[YearEvidence], bool]:
    """(year, evidence, uncertain). The strongest evidence decides. The year is uncertain when
    the report's statements disagree (the opening with the title, or, without a title, the
    opening with the headings; a heading that contradicts the title is a slip `year-mismatch`
    reports), or when it states none and only the page's publication date, not the report's
    own date, lets one infer it."""
    evidence = year_evidence(doc)
    if not evidence:
        return None, evidence, False
    strong = [e for e in evidence if e.source in STRONG]
    if strong and strong[0].source == "title":
        strong = [e for e in strong if e.source != "heading"]
    inferred = not strong and not any(e.source == "dated" for e in evidence)
    uncertain = inferred or len({e.year for e in strong or evidence}) > 1
    return evidence[0].year, evidence, uncertain


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
    """The organ (or organs) that issue the report: the title's first line(s) when the title is
    split (「中共乐平市委」/「乐平市人民政府」/「关于……的报告」), what precedes 「关于」 or the
    year, what follows a leading year (「2020年静海区法治政府……」); failing a title, the page's
    publishing organ, then the signers."""
    continuation = compiled(reading_rules().title_continuation.regex)
    about = frame().title.about
    lines = doc.title
    if len(lines) > 1 and continuation.search(fold(lines[-1])) and not _stated(lines[0]):
        return " ".join(t.strip() for t in lines[:-1] if about not in t) or None
    title = (doc.title_text or "").strip()
    if about in title:
        return title.split(about)[0].strip() or None
    match = YEAR_IN_TITLE.search(title)
    if match and match.start() > 0:
        return title[: match.start()].strip()
    if match:  # 「2020年静海区法治政府建设情况报告」
        words = reading_rules().title_organ
        rest = compiled(words.period.regex).sub("", title[match.end() :])
        if organ := compiled(words.organ.regex).match(fold(rest)):
            return rest[: organ.end(1)].strip()
    return _published_by(doc) or (" ".join(doc.signers) if doc.signers else None)


def _published_by(doc: Document) -> str | None:
    patterns = {p.id: compiled(p.regex) for p in noise_rules().patterns if p.field == "issuer"}
    for dropped in doc.noise:
        if dropped.kind in patterns:
            match = patterns[dropped.kind].search(BULLET.sub("", fold(dropped.text)))
            if match:
                return BULLET.sub("", dropped.text)[
                    match.start("value") : match.end("value")
                ].strip()
    return None
