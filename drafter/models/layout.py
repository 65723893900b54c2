"""What a .docx looks like on the page: page size, margins, and each paragraph's runs with their
effective East Asian font and size. The format checks compare it with the style profile.
Plain dataclasses: the reader makes ~60 of them per .docx from what it has already checked, and
a validated model costs several times as much to make."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RunLook:
    text: str
    east_asia: (
        str | None
    )  # None: not set anywhere (the application's default); "theme": a theme font
    size_pt: float | None


@dataclass(slots=True)
class ParagraphLook:
    number: int  # paragraph number, as the reader counts them
    runs: list[RunLook] = field(default_factory=list)
    line_twips: int | None = None
    line_rule: str | None = None  # exact / atLeast / auto


@dataclass(slots=True)
class Layout:
    page_width_mm: float | None = None
    page_height_mm: float | None = None
    margins_mm: dict[str, float] = field(default_factory=dict)  # top / bottom / left / right
    paragraphs: dict[int, ParagraphLook] = field(default_factory=dict)
    page_field: bool = False  # a PAGE field in some footer
    footer_texts: list[str] = field(default_factory=list)
