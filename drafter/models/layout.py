"""What a .docx looks like on the page: page size, margins, and each paragraph's runs with their
effective East Asian font and size. The format checks compare it with the style profile."""

from __future__ import annotations

from pydantic import BaseModel, Field


class RunLook(BaseModel):
    text: str
    east_asia: (
        str | None
    )  # None: not set anywhere (the application's default); "theme": a theme font
    size_pt: float | None


class ParagraphLook(BaseModel):
    number: int  # paragraph number, as the reader counts them
    runs: list[RunLook] = Field(default_factory=list)
    line_twips: int | None = None
    line_rule: str | None = None  # exact / atLeast / auto

    def dominant(self, skip: int = 0) -> RunLook | None:
        """The run with the most text (after the first `skip` runs): the paragraph's face."""
        runs = [r for r in self.runs if r.text.strip()][skip:]
        return max(runs, key=lambda r: len(r.text)) if runs else None


class Layout(BaseModel):
    page_width_mm: float | None = None
    page_height_mm: float | None = None
    margins_mm: dict[str, float] = Field(default_factory=dict)  # top / bottom / left / right
    paragraphs: dict[int, ParagraphLook] = Field(default_factory=dict)
    page_field: bool = False  # a PAGE field in some footer
    footer_texts: list[str] = Field(default_factory=list)
