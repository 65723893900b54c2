"""One regex pass over all of a report's paragraphs (or lines) instead of one per paragraph.
Most patterns match in none or a few of them; a single scan of the joined text finds those few,
and only they are searched one by one. Used by the outline (where a missing content is first
mentioned) and by the rules (the paragraphs a term, a figure or a placeholder may be in)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from drafter.reading.prefilter import Screened, local

SEPARATOR = "\n"


@cache
def _screened(pattern: re.Pattern[str]) -> tuple[Screened, bool]:
    return Screened(pattern), local(pattern.pattern, pattern.flags & ~re.UNICODE)


class Joined:
    """Texts joined into one, and where each starts in it."""

    __slots__ = ("texts", "text", "starts")

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.text = SEPARATOR.join(texts)
        self.starts = []
        at = 0
        for text in texts:
            self.starts.append(at)
            at += len(text) + len(SEPARATOR)

    def holding(self, pattern: re.Pattern[str]) -> list[int]:
        """The indexes, in order, of the texts in which `pattern` may match (see `screened`)."""
        return list(self.screened(*_screened(pattern)))

    def screened(self, pattern: Screened, is_local: bool) -> Iterator[int]:
        """The indexes, in order, of the texts in which `pattern` may match: each text a match of
        the joined text begins in, searching on from the start of the next one. Exact for a
        pattern whose match depends on the matched characters only (`is_local`, from
        `prefilter.local`): such a match in a text is one of the joined text too, so a search
        from that text's start or before finds a match that begins in it or before it, and in
        the second case the next search starts at a later text, still not past it. Any other
        pattern: every text its screen lets through."""
        if not is_local:
            yield from (i for i, text in enumerate(self.texts) if pattern.possible(text))
            return
        if not self.texts:
            return
        position = 0
        # `start` is pattern.search(…).start(), faster on a long text
        while (begins := pattern.start(self.text, position)) is not None:
            index = bisect_right(self.starts, begins) - 1  # (a separator counts to the text before)
            yield index
            if index + 1 == len(self.starts):
                return
            position = self.starts[index + 1]
