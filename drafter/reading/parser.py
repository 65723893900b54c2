"""Text → `Document`: the one outline parser, used for drafted text and for real reports alike.

Real texts are noisy (web debris, half-width punctuation, lost numbering, run-in headings); the
rules here keep to what reports actually look like (see ../shared/reference/domain.md).
"""

from __future__ import annotations

import re
from functools import cache

from drafter.control_chars import xml_safe
from drafter.models.document import Document, Dropped, Paragraph
from drafter.models.language import frame
from drafter.models.reading_rules import compiled, fold, noise_rules, reading_rules
from drafter.reading.prefilter import Screened, ScreenedGroup
from drafter.resources import load_data

CN_DIGITS = "〇零一二三四五六七八九十百"
# 「,」「:」「;」 next to Chinese text are full-width marks typed half-width; between digits
# (「1,000」「11:30」) they are part of a number and stay: the result of replacing each match of
# `(?<=[^\x00-\x7f])\s*([,:;])|([,:;])(?=\s*[^\x00-\x7f])` by its mark in full width. A text
# has hundreds of marks to change and few to keep, and a replacement per match is slow, so this
# pattern matches the few instead: a mark that stays (set aside as a control character, which no
# line holds once `xml_safe` has run) and spaces with the mark after them (the spaces go); plain
# string replacements then change every other mark. It opens with the character class every
# match starts with, which the regex engine scans for fast; the lookarounds check the rest.
# Spaces outside ASCII are ASCII spaces by now (`_safe_spaces`), so the Chinese character before
# the spaces may as well be no space: the same matches, and a run of em spaces is no longer
# searched again from each of its spaces (quadratic: 20,000 of them took seconds).
_HALF_PUNCT = Screened(
    r"[\s,:;](?:(?<=[^\x00-\x7f\s]\s)\s*[,:;]|(?<=[,:;])(?<![^\x00-\x7f][,:;])(?!\s*[^\x00-\x7f]))"
)
# every other space outside ASCII (em and en spaces typed to indent, line separators): a space
_OTHER_SPACES = Screened("[\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]")
_FULL = {",": "，", ":": "：", ";": "；"}
_KEPT = {",": "\x01", ":": "\x02", ";": "\x03"}

# Heading numbers, after normalization. Level 3 takes 「1.」「1、」「1．」; a digit right after the
# point is a decimal (「1.5万」), not a heading.
HEADING_NUMBERS = {  # each with one group: the number
    1: rf"([{CN_DIGITS}]+)、",
    2: rf"（([{CN_DIGITS}]+)）",
    4: r"（(\d{1,2})）",
    3: r"(\d{1,2}|\*{1,2})(?:\.(?!\d)|、|．)",  # 「*.加强组织领导。」: published copies mask numbers
}
HEADING_PATTERNS = [(lvl, re.compile(rf"^{n}\s*(.*)$")) for lvl, n in HEADING_NUMBERS.items()]
# all levels in one match (the numbers begin differently: at most one level fits); the groups
# of the level that fits are the last two, its number and the rest
ANY_HEADING = re.compile("^(?:" + "|".join(rf"{n}\s*(.*)" for n in HEADING_NUMBERS.values()) + ")$")
HEADING_LEVELS = list(HEADING_NUMBERS)
NUMBER_FORMS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
LOST_LEVEL1 = re.compile(r"^[-–—•·]\s+(.+)$")  # 「- 坚持党的领导，……」: 「一、」 lost in conversion
MAX_HEADING = 60  # longer first sentences are numbered paragraphs, not headings

# the report's frame: templates/frame.yaml
DATE = re.compile(frame().date.regex)
DATE_CN = re.compile(frame().date_cn.regex)
DATE_GARBLED = re.compile(frame().date_garbled.regex)  # 「2019129」: 年月日 lost in conversion
CLOSING = re.compile(frame().closing.regex)
SENTENCE_END = "。；！？"


BULLET = re.compile(r"^[-–—•·]\s*")


@cache
def noise_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(p.id, re.compile(p.regex)) for p in noise_rules().patterns]


@cache
def _screened_noise() -> ScreenedGroup:
    return ScreenedGroup([p for _, p in noise_patterns()])


@cache
def _trims() -> list[Screened]:
    return [Screened(t.regex) for t in noise_rules().trims]


def noise_kind(line: str) -> str | None:
    """The noise pattern a line matches (page furniture), if any, tried on the line with its
    list bullet removed too (「• 来源：司法厅」). Short lines only: a real paragraph that happens
    to contain 「来源」 is text."""
    if len(line) > 80:
        return None
    line = fold(line)
    # the bare line holds no character the line does not: screened on the line
    candidates = _screened_noise().possible(line)
    if not candidates:  # most lines
        return None
    bare = BULLET.sub("", line)
    patterns = noise_patterns()
    for i in candidates:
        if patterns[i][1].search(line) or (bare and patterns[i][1].search(bare)):
            return patterns[i][0]
    return None


def is_report_title(line: str) -> bool:
    """「静海区2023年度法治政府建设情况报告」, also in traditional characters; not 「工作报告」."""
    return _is_title_like(line) and any(
        compiled(rule.regex).search(fold(line)) for rule in reading_rules().titles
    )


CN_VALUES = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}


def cn_to_int(text: str) -> int | None:
    """「二〇二五」 → 2025, 「十五」 → 15, 「二十一」 → 21."""
    if "十" not in text:
        digits = [CN_VALUES.get(ch) for ch in text]
        return None if None in digits or not digits else int("".join(map(str, digits)))
    tens, _, ones = text.partition("十")
    t = CN_VALUES.get(tens, -1) if tens else 1
    o = CN_VALUES.get(ones, -1) if ones else 0
    return None if t < 0 or o < 0 else t * 10 + o


def normalize_line(line: str) -> str:
    """Spaces and half-width punctuation as real texts carry them → the forms reports use."""
    line = _safe_spaces(line).strip()
    line = _full_width(line)
    for trim in _trims():
        line = trim.sub("", line)
    return line


def normalize_lines(lines: list[str]) -> list[str]:
    """`normalize_line` of each line, with one regex call per step for all of them instead of
    one per line: the lines are joined by NUL, which no line holds once `xml_safe` has run and
    no step matches across (NUL is no space, no mark and no Chinese character). The trims, whose
    patterns may be anchored to a line's end, run line by line where their screen lets them."""
    whole = "\n".join(lines)
    if whole.count("\n") != len(lines) - 1:  # a line holds a line break: one at a time
        return [normalize_line(line) for line in lines]
    joined = "\x00".join(line.strip() for line in _safe_spaces(whole).split("\n"))
    joined = _full_width(joined)
    normalized = joined.split("\x00")
    for trim in _trims():
        if trim.possible(joined):
            normalized = [trim.sub("", line) for line in normalized]
    return normalized


def _safe_spaces(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u3000", " ").replace("\ufeff", "")
    return xml_safe(_OTHER_SPACES.sub(" ", text))


def _full_width(text: str) -> str:
    """Half-width marks next to Chinese text and brackets → full width (see `_HALF_PUNCT`)."""
    if _HALF_PUNCT.possible(text):
        text = _HALF_PUNCT.pattern.sub(_kept_or_full, text)
        for half, full in _FULL.items():
            text = text.replace(half, full)
        for half, kept in _KEPT.items():
            text = text.replace(kept, half)
    return text.replace("(", "（").replace(")", "）")  # (str.translate is ~10× slower here)


def _kept_or_full(match: re.Match[str]) -> str:
    """A mark alone stays half-width (set aside); spaces and a mark become the full-width mark."""
    found = match[0]
    return _KEPT[found] if len(found) == 1 else _FULL[found[-1]]


def split_heading(line: str, at: int | None = None) -> Paragraph | None:
    """「（一）深化理论武装。严格落实……」 → level 2, heading 「深化理论武装」, text 「严格落实……」;
    `at` is the paragraph's line in the source."""
    match = ANY_HEADING.match(line)
    if match:
        last = match.lastindex or 0  # the rest's group: the level's number is the one before
        level = HEADING_LEVELS[last // 2 - 1]
        return _heading(level, NUMBER_FORMS[level].format(match[last - 1]), match[last], at)
    match = LOST_LEVEL1.match(line)
    # 「- 坚持党的领导，……」 lost its 「一、」; 「• 发文字号：〔〕号」 and menu items did not
    if match and "。" not in match.group(1).rstrip("。") and _lost_heading(match.group(1)):
        return _heading(1, None, match.group(1), at)
    return None


def split_number(text: str, level: int) -> tuple[str | None, str]:
    """A heading whose level is known (from a style or drafter's record): its number as written
    for that level, and the rest. 「（一）深化理论武装」 at level 2 → (「（一）」, 「深化理论武装」)."""
    for lvl, pattern in HEADING_PATTERNS:
        match = pattern.match(text) if lvl == level else None
        if match:
            return NUMBER_FORMS[level].format(match.group(1)), match.group(2).strip()
    return None, text.strip()


def _lost_heading(text: str) -> bool:
    return len(text) >= 4 and not any(mark in text for mark in "：|｜>")


def _heading(level: int, number: str | None, rest: str, at: int | None) -> Paragraph | None:
    head, stop, body = rest.partition("。")
    head = head.strip()
    if not head or len(head) > MAX_HEADING:
        return None
    if stop and body.strip():
        return Paragraph(level=level, number=number, heading=head, text=body.strip(), line=at)
    if any(mark in head for mark in SENTENCE_END):
        return None
    return Paragraph(level=level, number=number, heading=head, line=at)


def is_date(line: str) -> bool:
    return bool(DATE.match(line) or DATE_CN.match(line) or DATE_GARBLED.match(line))


def _is_title_like(line: str) -> bool:
    return (
        0 < len(line) <= MAX_HEADING  # an empty line (none below the title) is no title
        and line[-1] not in SENTENCE_END + "，：、"
        and split_heading(line) is None
        and not is_date(line)
    )


def _is_signer_like(line: str) -> bool:
    return len(line) <= 40 and not any(mark in line for mark in SENTENCE_END + "，：、")


def parse_text(text: str) -> Document:
    lines = normalize_lines(text.splitlines())
    return parse_lines([(n, line) for n, line in enumerate(lines, start=1) if line])


def parse_lines(lines: list[tuple[int, str]], levels: dict[int, int] | None = None) -> Document:
    """Numbered, normalized, non-empty lines → `Document`. `levels` carries heading levels known
    from elsewhere (a .docx paragraph style or outline level), keyed by line number."""
    doc = Document()
    kept = []
    for number, line in lines:
        kind = noise_kind(line)
        if kind:
            doc.noise.append(Dropped(number, line, kind))
        else:
            kept.append((number, line))
    lines = _without_official(kept)
    levels = levels or {}
    end = len(lines)
    # The tail: date, then signers above it, then 「特此报告。」 above them.
    if end and is_date(lines[end - 1][1]):
        doc.date_line, doc.date = lines[end - 1]
        end -= 1
    signers: list[str] = []
    while end and _is_signer_like(lines[end - 1][1]) and len(signers) < 3 and doc.date:
        if CLOSING.match(lines[end - 1][1]) or split_heading(lines[end - 1][1]):
            break
        signers[:0] = lines[end - 1][1].split()
        end -= 1
    doc.signers = signers
    if end and CLOSING.match(lines[end - 1][1]):
        doc.closing = lines[end - 1][1]
        end -= 1

    title, start = _report_title(lines, end, doc)
    if not title:
        title, start = _leading_title(lines, end)
    if title:
        doc.title = [t for _, t in title]
        doc.title_line = title[0][0]
    if start < end and _is_addressee(lines[start][1]):
        doc.addressee = lines[start][1].rstrip("：")
        start += 1

    for number, line in lines[start:end]:
        if CLOSING.match(line):
            doc.closing = line
            continue
        doc.paragraphs.append(
            split_heading(line, number)
            or _styled_heading(line, levels.get(number), number)
            or Paragraph(text=line, line=number)
        )
    doc.noise.sort()
    return doc


def _leading_title(lines: list[tuple[int, str]], end: int) -> tuple[list[tuple[int, str]], int]:
    """The first title-like lines, up to one holding 「报告」 (a title whose wording is unusual)."""
    start = 0
    title: list[tuple[int, str]] = []
    while start < end and len(title) < 3 and _is_title_like(lines[start][1]):
        title.append(lines[start])
        start += 1
        if frame().title.report in fold(lines[start - 1][1]):
            break
    if title and not any(frame().title.report in fold(t) for _, t in title) and len(title) > 1:
        start -= len(title) - 1  # only the first line may be a title without 「报告」
        title = title[:1]
    return title, start


def _report_title(
    lines: list[tuple[int, str]], end: int, doc: Document
) -> tuple[list[tuple[int, str]], int]:
    """The first line before the first heading that reads as a report title, with the organ's
    line above it when the title is split (「太康县人民政府」/「关于2023年……的报告」). What comes
    before it (page header, column name, a cover letter) is not the report: dropped as
    `before-title`; the title repeated below it (page title, then the document's) as
    `title-repeat`."""
    limit = next((i for i in range(end) if split_heading(lines[i][1])), end)
    found = next((i for i in range(limit) if is_report_title(lines[i][1])), None)
    if found is None:
        return [], 0
    first, last = found, found
    continuation = compiled(reading_rules().title_continuation.regex)
    if continuation.search(fold(lines[found][1])):
        # the organ(s) above: 「中共乐平市委」/「乐平市人民政府」/「关于……的报告」
        while first > max(0, found - 2) and _is_organ_line(lines[first - 1][1]):
            first -= 1
    below = lines[found + 1][1] if found + 1 < limit else ""
    if (
        frame().title.report not in fold(lines[found][1])
        and _is_title_like(below)
        and fold(below).endswith(frame().title.report)
    ):
        last = found + 1
    doc.noise += [Dropped(n, text, "before-title") for n, text in lines[:first]]
    title = lines[first : last + 1]
    joined = _key("".join(t for _, t in title))
    start = last + 1
    while start < limit and (
        is_report_title(lines[start][1])
        or (_is_title_like(lines[start][1]) and _key(lines[start][1]) in joined)
    ):
        doc.noise.append(Dropped(*lines[start], "title-repeat"))
        start += 1
    return title, start


def _is_organ_line(line: str) -> bool:
    return _is_title_like(line) and len(line) <= 40 and not is_report_title(line)


def _key(text: str) -> str:
    return "".join(fold(text).split())


@cache
def official_patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The 版头 and 版记 lines of a 公文 (templates/official.yaml)."""
    data = load_data("official.yaml")
    return {
        part: [(p["id"], re.compile(p["regex"])) for p in data[part]] for part in ("head", "tail")
    }


def official_kind(line: str, part: str) -> str | None:
    return next((kind for kind, p in official_patterns()[part] if p.search(line)), None)


def _without_official(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines without a 公文's 版头 (only when a 发文字号 is among the first lines) and 版记."""
    head = 0
    while head < min(len(lines), 4) and official_kind(lines[head][1], "head"):
        head += 1
    kinds = {official_kind(line, "head") for _, line in lines[:head]}
    if "document-number" not in kinds:
        head = 0
    tail = len(lines)
    while tail > head and official_kind(lines[tail - 1][1], "tail"):
        tail -= 1
    return lines[head:tail]


def _styled_heading(line: str, level: int | None, at: int) -> Paragraph | None:
    """A heading known only from its .docx style (its number may be automatic numbering)."""
    if (
        level is None
        or len(line) > MAX_HEADING
        or any(m in line.rstrip("。") for m in SENTENCE_END)
    ):
        return None
    return Paragraph(level=level, heading=line.rstrip("。"), line=at)


def _is_addressee(line: str) -> bool:
    return line.endswith("：") and len(line) <= 40 and "，" not in line and "。" not in line
