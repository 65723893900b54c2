"""Which canonical section a heading belongs to, and whether each statutory content is present
as a section of its own, only mentioned in sentences, or missing.

The knowledge is data: cue words in `templates/taxonomy.yaml`, and, when a structure model is
given, the headings it has seen in real reports (an exact match is certain)."""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from drafter.models.catalogue import taxonomy
from drafter.models.document import Document
from drafter.models.outline import (
    Outline,
    OutlineHeading,
    Status,
    YearEvidence,
    statutory_owner,
)
from drafter.models.reading_rules import fold, reading_rules
from drafter.models.structure import StructureModel, heading_key
from drafter.reading.figures import SENTENCE
from drafter.reading.joined import SEPARATOR, Joined
from drafter.reading.metadata import issuer_of, report_year
from drafter.reading.prefilter import ScreenedGroup

BARE_NUMBER = re.compile(r"[、.（）()]")
SUB_SECTION_CONTENT = "leader_duty"  # the statutory content reports often file under the measures
SUB_SECTION_CONFIDENCE = 0.6  # a cue of 3+ characters


@cache
def _mention_patterns(next_year: int) -> tuple[ScreenedGroup, list[str]]:
    """Every mention regex, screened together, and the content each one names."""
    pairs = [
        (sid, m.regex.replace("{next_year}", str(next_year)))
        for sid, rules in taxonomy().mentions.items()
        for m in rules
    ]
    return ScreenedGroup([regex for _, regex in pairs]), [sid for sid, _ in pairs]


@cache
def _cues() -> dict[str, list[str]]:
    """Each section's cue words, by id (looked up for every heading)."""
    return {s.id: s.cues for s in [*taxonomy().statutory, *taxonomy().areas][::-1]}


@cache
def _area_ids() -> list[str]:
    return [a.id for a in taxonomy().areas]


def score_heading(text: str, candidates: Sequence[str]) -> dict[str, int]:
    """Sum of the lengths of the cue words each candidate section finds in the heading (read
    in simplified characters)."""
    text = fold(text)
    scores = {}
    cues = _cues()
    for sid in candidates:
        score = sum(len(cue) for cue in cues[sid] if cue in text)
        if score:
            scores[sid] = score
    return scores


def classify_heading(
    text: str, level: int, under: str | None, model: StructureModel | None = None
) -> tuple[list[str], float]:
    """(section ids, confidence). Level-1 headings may be statutory contents or topic areas (many
    reports organise the measures by topic); headings below a statutory section are its areas."""
    if model is not None:
        seen = model.heading_index().get(heading_key(text))
        if seen and (level == 1 or seen[0] not in taxonomy().statutory_ids):
            return list(seen), 1.0  # (a copy: the model's index is shared by every report)
    ids, confidence = _by_cues(text, level == 1 or under is None, under)
    return list(ids), confidence


@lru_cache(maxsize=4096)  # the same headings recur from report to report of a batch
def _by_cues(text: str, top: bool, under: str | None) -> tuple[tuple[str, ...], float]:
    """`classify_heading` by the cue words alone, for a top-level heading (or one with nothing
    above it) or one under the section `under`."""
    areas = _area_ids()
    if top:
        scores = score_heading(text, taxonomy().statutory_ids)
        if not scores:
            scores = score_heading(text, areas)
    elif under == "measures" or under in areas:
        # a sub-section on the leader's duty (「（二）主要负责人带头履行……第一责任人职责」) is that
        # statutory content's own section, wherever the report files it
        scores = score_heading(text, [SUB_SECTION_CONTENT]) or score_heading(text, areas)
    else:
        return (under,), 0.5  # an item of shortcomings / plans / leader duty
    if not scores:
        return (), 0.0
    best = max(scores.values())
    # a combined heading (「存在问题及下一步打算」) keeps every section it names strongly enough,
    # in the order it names them
    folded = fold(text)
    chosen = sorted(
        (sid for sid, score in scores.items() if score >= best * 0.5),
        key=lambda s: min(folded.find(cue) for cue in _cues()[s] if cue in folded),
    )
    # more cue text matched, more certain: 2 chars → 0.5, 4 → 0.67, 8 → 0.8
    return tuple(chosen), round(best / (best + 2), 2)


@cache
def _combined_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = reading_rules().combined
    return re.compile(rules.problem.regex), re.compile(rules.plan.regex)


def combined_part(text: str, parts: list[str], before: str | None) -> str:
    """Which content of a combined heading (「存在问题及下一步打算」: `parts`) a sub-heading under
    it belongs to (templates/reading.yaml `combined`); `before` is where the previous one went."""
    problem, plan = _combined_rules()
    text = fold(text)
    if {"shortcomings", "next_year"} <= set(parts):
        if plan.search(text) and not problem.search(text):
            return "next_year"
        if problem.search(text):
            return "shortcomings"
    scores = score_heading(text, parts)
    if scores:
        return max(scores, key=lambda sid: scores[sid])
    return before or parts[0]


def _mentioned_part(text: str, parts: list[str], next_year: int) -> str | None:
    """The first of `parts` a paragraph speaks of (「2023年，我区将……」 names the plans)."""
    group, owners = _mention_patterns(next_year)
    text = fold(text)
    for i in group.possible(text):
        if owners[i] in parts and group.members[i].pattern.search(text):
            return owners[i]
    return None


@lru_cache(maxsize=256)  # a few dozen numbers: 「一、」「（一）」「1.」…
def bare_number(number: str | None) -> str | None:
    return BARE_NUMBER.sub("", number) if number else None


def read_outline(
    doc: Document,
    path: str | None = None,
    model: StructureModel | None = None,
    year: int | None = None,
) -> Outline:
    statutory = taxonomy().statutory_ids
    if year is None and doc.year is None:
        year, evidence, uncertain = report_year(doc)
    else:  # given on the command line, or recorded in drafter's own file
        source = "given" if year is not None else "recorded"
        year = year if year is not None else doc.year
        evidence, uncertain = [YearEvidence(year=year, source=source)], False
    outline = Outline(
        path=path,
        title=doc.title_text,
        issuer=doc.issuer or issuer_of(doc),
        year=year,
        year_evidence=evidence,
        year_uncertain=uncertain,
        addressee=doc.addressee,
        document=doc,
    )
    # the open headings' sections and the contents an open combined heading names (「存在问题及
    # 下一步打算」), as (level, …) with levels rising; where the last sub-heading under it went
    parents: list[tuple[int, str | None]] = []
    combined: list[tuple[int, list[str]]] = []
    last_part: str | None = None
    opening: list[str] | None = None  # the parts of the combined heading just above, if any
    current: str | None = None
    for paragraph in doc.paragraphs:
        if paragraph.is_heading:
            level = paragraph.level
            _close(parents, level)
            _close(combined, level)
            under = parents[-1][1] if parents else None
            parts = combined[-1][1] if combined else None
            if paragraph.section is not None:  # drafted, or read back from drafter's own file
                ids, confidence = [paragraph.section], 1.0
            elif parts and under in parts:
                last_part = combined_part(paragraph.heading or "", parts, last_part)
                ids, confidence = [last_part], 0.5
            else:
                ids, confidence = classify_heading(paragraph.heading or "", level, under, model)
            if level == 1 and not any(i in statutory for i in ids):
                ids = ids or ["measures"]  # a topical level-1 heading: the measures, by topic
            outline.headings.append(
                OutlineHeading(
                    level=level,
                    number=bare_number(paragraph.number),
                    title=paragraph.heading or "",
                    section=ids[0] if ids else None,
                    sections=ids,
                    confidence=confidence,
                    line=paragraph.line,
                    run_in=paragraph.is_run_in,
                )
            )
            current = ids[0] if ids else under
            parents.append((level, current))
            named = [sid for sid in ids if sid in statutory]
            if len(named) > 1:
                combined.append((level, named))
                last_part = None
            opening = named if len(named) > 1 else None
        elif opening and current in opening[:-1]:
            # a paragraph right under it that speaks of a later part opens that part
            later = opening[opening.index(current) + 1 :]
            current = _mentioned_part(paragraph.full_text, later, (year or 0) + 1) or current
        outline.section_of_line[paragraph.line or 0] = current
    outline.statutory, outline.evidence = statutory_status(outline, doc)
    _assign_unheaded_contents(outline, doc)
    return outline


def _close(open_levels: list, level: int) -> None:
    """Drop what belongs to the open headings at `level` or deeper (a heading at `level` ends them)."""
    while open_levels and open_levels[-1][0] >= level:
        open_levels.pop()


def _assign_unheaded_contents(outline: Outline, doc: Document) -> None:
    """A content with no heading of its own (「下一步，我区将……」, 「但仍存在……不足」) owns its
    paragraph and the plain paragraphs after it (「一是……」「二是……」) up to the next heading or
    the next such content. Run-in headings that merely mention it stay where they are."""
    starts = {}
    for sid in ("shortcomings", "next_year", "other"):
        if outline.statutory.get(sid) == "mentioned":
            for line in outline.evidence.get(sid, []):
                starts.setdefault(line, sid)
    owner = None
    for paragraph in doc.paragraphs:
        if paragraph.is_heading:
            owner = None
            continue
        owner = starts.get(paragraph.line, owner)
        if owner is not None:
            outline.section_of_line[paragraph.line or 0] = owner


def statutory_status(
    outline: Outline, doc: Document
) -> tuple[dict[str, Status], dict[str, list[int]]]:
    status: dict[str, Status] = {sid: "missing" for sid in taxonomy().statutory_ids}
    evidence: dict[str, list[int]] = {sid: [] for sid in status}
    top = 9  # the highest level seen so far: a copy cut before 「一、」 starts at 「（三）」
    for heading in outline.headings:
        is_top = heading.level <= top
        top = min(top, heading.level)
        for sid in heading.sections:
            owner = statutory_owner(sid)
            own = owner == sid and heading.confidence >= SUB_SECTION_CONFIDENCE
            if owner and (is_top or own):
                status[owner] = "section"
                evidence[owner].append(heading.line or 0)
    group, owners = _mention_patterns((outline.year or 0) + 1)
    texts = _folded([paragraph.full_text for paragraph in doc.paragraphs])
    for sid in dict.fromkeys(owners):
        members = [i for i, owner in enumerate(owners) if owner == sid]
        found = _first_mention(group, members, texts) if status[sid] == "missing" else None
        if found is not None:
            status[sid] = "mentioned"
            evidence[sid].append(doc.paragraphs[found].line or 0)
    return status, evidence


def _folded(paragraphs: list[str]) -> Joined:
    """A report's paragraphs as matched: folded (traditional characters are rare: the joined
    text is folded once to see whether any paragraph needs it)."""
    whole = SEPARATOR.join(paragraphs)
    if fold(whole) != whole:
        paragraphs = [fold(text) for text in paragraphs]
    return Joined(paragraphs)


def _first_mention(group: ScreenedGroup, members: list[int], texts: Joined) -> int | None:
    """The first paragraph (its index) with a sentence one of the `members` matches, not
    counting the sentences that announce what the report will say."""
    candidates = heapq.merge(*(texts.screened(group.members[i], group.local[i]) for i in members))
    patterns = [group.members[i].pattern for i in members]
    tried = -1
    for index in candidates:
        if index == tried:  # two members may both point at the same paragraph
            continue
        tried = index
        # a sentence that matches, unless it announces (the rarer test last)
        for sentence in SENTENCE.findall(texts.texts[index]):
            if any(p.search(sentence) for p in patterns) and not _announces(sentence):
                return index
    return None


@cache
def _announcement_patterns() -> list[re.Pattern[str]]:
    return [re.compile(rule.regex) for rule in taxonomy().announcements]


def _announces(sentence: str) -> bool:
    """「现将……存在不足及下一步安排报告如下」 names the contents to come; it is none of them."""
    return any(p.search(sentence) for p in _announcement_patterns())
