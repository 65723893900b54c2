"""What every rule sees: the outline of the report, its year, and (when available) the .docx
layout, the style profile, and last year's report."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from drafter.models.codes import severity_of
from drafter.models.document import Paragraph
from drafter.models.findings import Finding
from drafter.models.layout import Layout
from drafter.models.outline import Outline
from drafter.models.style import Style
from drafter.reading.joined import Joined

EXCERPT_CHARS = 60


@dataclass
class CheckContext:
    outline: Outline
    style: Style
    layout: Layout | None = None  # .docx only
    previous: Outline | None = None

    @property
    def document(self):
        return self.outline.document

    @property
    def year(self) -> int | None:
        return self.outline.year

    def paragraphs_of(self, content: str) -> list[Paragraph]:
        return self.outline.paragraphs_in(content)

    @cached_property
    def texts(self) -> list[str]:
        """Each paragraph's full text, in order: made once for all the rules."""
        return [p.full_text for p in self.document.paragraphs]

    @cached_property
    def joined(self) -> Joined:
        """The paragraphs' texts as one, to search all of them at once."""
        return Joined(self.texts)


def excerpt(text: str, start: int = 0, end: int | None = None) -> str:
    """The text around [start, end), at most EXCERPT_CHARS, marked with … where cut."""
    end = start if end is None else end
    width = max(EXCERPT_CHARS - (end - start), 10)
    left = max(0, start - width // 2)
    right = min(len(text), end + width // 2)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def finding(
    code: str,
    message: str,
    line: int | None = None,
    text: str | None = None,
    start: int = 0,
    end: int | None = None,
) -> Finding:
    """A finding of `code`, with the severity `templates/rules/codes.yaml` gives it."""
    return Finding(
        code=code,
        severity=severity_of(code),
        message=message,
        line=line,
        excerpt=excerpt(text, start, end) if text else None,
    )
