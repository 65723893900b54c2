"""The page style profile (fonts, sizes, margins, grid), validated from `templates/styles/*.yaml`.
The .docx writer lays out by it and the format checks measure against it."""

from __future__ import annotations

from dataclasses import field, fields

from drafter.models.data import DataModel


class Page(DataModel):
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    footer_distance_mm: float


class Grid(DataModel):
    lines_per_page: int
    chars_per_line: int
    line_pitch_twips: int
    char_spacing_twips: int


class Font(DataModel):
    east_asia: str
    latin: str | None = None  # None: the profile's latin_font
    size_pt: float
    bold: bool = False


class Fonts(DataModel):
    title: Font
    body: Font
    heading1: Font
    heading2: Font
    heading3: Font
    heading4: Font
    page_number: Font

    def heading(self, level: int) -> Font:
        return getattr(self, f"heading{level}")


class Title(DataModel):
    max_chars_per_line: int
    break_before: list[str] = field(default_factory=list)


class Signature(DataModel):
    right_chars: float
    date_shift_chars: float


class PageNumber(DataModel):
    dash: str
    side_space_chars: float


class Style(DataModel):
    name: str
    description: str
    page: Page
    grid: Grid
    first_line_indent_chars: float
    latin_font: str
    fonts: Fonts
    title: Title
    signature: Signature
    page_number: PageNumber
    # the profile to suggest when this one's fonts are not installed
    fallback: str | None = None

    @property
    def east_asia_fonts(self) -> list[str]:
        """The Chinese fonts the profile names, each once, in order of use."""
        return list(
            dict.fromkeys(getattr(self.fonts, r).east_asia for r in (f.name for f in fields(Fonts)))
        )
