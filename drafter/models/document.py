"""The one document model: what a report is made of, whether drafted or read from a file.
Plain dataclasses: the reader makes dozens of paragraphs per report, and `check` never imports
pydantic (models/data.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple


@dataclass(init=False)
class Paragraph:
    """A body paragraph or a heading. A run-in heading (「（一）深化理论武装。严格落实……」) is one
    paragraph with both `heading` and `text`. `is_heading`, `is_run_in` and `full_text` (the
    paragraph as it reads) are made with it and again when a field changes: the reader and the
    rules ask them of every paragraph many times per report."""

    level: int  # 0 body text; 1 「一、」 2 「（一）」 3 「1.」 4 「（1）」
    number: str | None  # the number as written, normalized: 「一、」「（一）」「1.」「（1）」
    heading: str | None  # heading text, without number and without the run-in body
    text: str  # body text; for a run-in heading, what follows the heading's 「。」
    line: int | None  # 1-based line (text) or paragraph (docx) in the source
    # Known when drafter wrote the paragraph (or read back its own file); None for foreign text,
    # where the outline decides. `section` is a section id (statutory content or topic area);
    # `source` the facts field the text came from, e.g. ("measures", "areas", "mediation",
    # "highlights", 0, "text").
    section: str | None
    source: tuple[str | int, ...] | None
    if TYPE_CHECKING:  # made with the paragraph (`_derived`), not fields
        is_heading: bool
        is_run_in: bool
        full_text: str

    def __init__(
        self,
        *,
        level: int = 0,
        number: str | None = None,
        heading: str | None = None,
        text: str = "",
        line: int | None = None,
        section: str | None = None,
        source: tuple[str | int, ...] | None = None,
    ) -> None:
        if not 0 <= level <= 4:
            raise ValueError(f"heading level {level} is not 0–4")
        # straight into the instance: `__setattr__` is for changes made later
        self.__dict__.update(
            level=level,
            number=number,
            heading=heading,
            text=text,
            line=line,
            section=section,
            source=source,
            **self._derived(level, number, heading, text),
        )

    @staticmethod
    def _derived(level: int, number: str | None, heading: str | None, text: str) -> dict:
        """`is_heading`, `is_run_in` and `full_text`, from the fields they follow."""
        if not (level > 0 and heading is not None):
            return {"is_heading": False, "is_run_in": False, "full_text": f"{number or ''}{text}"}
        head = f"{number or ''}{heading}"
        return {
            "is_heading": True,
            "is_run_in": bool(text),
            "full_text": f"{head}。{text}" if text else head,
        }

    def __setattr__(self, name: str, value: object) -> None:
        if name in DERIVED:
            raise AttributeError(f"{name} follows the paragraph's fields")
        self.__dict__[name] = value
        if name in ("level", "number", "heading", "text"):
            self.__dict__.update(self._derived(self.level, self.number, self.heading, self.text))


DERIVED = ("is_heading", "is_run_in", "full_text")


class Dropped(NamedTuple):
    """A line the reader left out (page furniture), and the noise rule that dropped it."""

    line: int
    text: str
    kind: str


@dataclass(kw_only=True)
class Document:
    title: list[str] = field(default_factory=list)  # one or more lines as written
    # What drafter knew when it wrote the report (from the facts), read back from its own files;
    # None for foreign files, where reading/metadata.py works them out from the text.
    issuer: str | None = None
    kind: str | None = None  # government | department | joint
    year: int | None = None
    # the metric values the report states, by metric id (next year's `extract` takes them as
    # last year's values without reading them back from sentences)
    metrics: dict[str, int | float] = field(default_factory=dict)
    title_line: int | None = None
    addressee: str | None = None  # 主送机关, without the trailing 「：」
    paragraphs: list[Paragraph] = field(default_factory=list)
    closing: str | None = None  # 「特此报告。」
    signers: list[str] = field(default_factory=list)
    date: str | None = None  # as written, e.g. 「2025年1月15日」
    date_line: int | None = None
    noise: list[Dropped] = field(default_factory=list)  # dropped page furniture, by line
    # drafted documents: the facts field behind each line that is not a paragraph (title, date)
    line_sources: dict[int, tuple[str | int, ...]] = field(
        default_factory=dict, metadata={"exclude": True}
    )

    def sources_by_line(self) -> dict[int, tuple[str | int, ...] | None]:
        """The facts field each line was drafted from (None for foreign text): a paragraph's
        own, the first paragraph of a line winning, else the title's or the date's."""
        sources: dict = dict(self.line_sources)
        for paragraph in reversed(self.paragraphs):
            sources[paragraph.line] = paragraph.source
        sources.pop(None, None)
        return sources

    @property
    def title_text(self) -> str | None:
        return "".join(self.title) if self.title else None

    @property
    def headings(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.is_heading]

    def spread_sections(self) -> None:
        """Each paragraph without a section of its own takes the section of the nearest heading
        above it at a lower level that has one (a heading's own section beats its parent's)."""
        current: dict[int, str | None] = {}
        for paragraph in self.paragraphs:
            if paragraph.is_heading:
                current = {lvl: sid for lvl, sid in current.items() if lvl < paragraph.level}
                inherited = next((current[lvl] for lvl in sorted(current, reverse=True)), None)
                paragraph.section = paragraph.section or inherited
                current[paragraph.level] = paragraph.section
            elif paragraph.section is None:
                paragraph.section = next(
                    (current[lvl] for lvl in sorted(current, reverse=True)), None
                )
