"""One regex pass over all of a report's paragraphs instead of one per paragraph. Most patterns
match in none or a few of them; a single scan of the joined text finds those few, and only they
are searched one by one (with exactly the code that searched every paragraph before)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from drafter.reading.prefilter import Screened, local

SEPARATOR = "\n"


@cache
def _screened(pattern: re.Pattern[str]) -> Screened:
    return Screened(pattern)


class Joined:
    """Texts (a report's lines) joined into one, and where each starts in it."""

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
        """The indexes, in order, of the texts in which `pattern` may match: each text a match of
        the joined text begins in, searching on from the start of the next one. Exact for a
        pattern whose match depends on the matched characters only (`prefilter.local`): such a
        match in a text is one of the joined text too, so a search from that text's start or
        before finds a match that begins in it or before it, and in the second case the next
        search starts at a later text, still not past it. Any other pattern: every text."""
        if not local(pattern.pattern, pattern.flags & ~re.UNICODE):
            return list(range(len(self.texts)))
        begins = _screened(pattern).start  # as pattern.search(…).start(), faster on a long text
        found: list[int] = []
        position = 0
        while (start := begins(self.text, position)) is not None:
            index = bisect_right(self.starts, start) - 1  # (a separator counts to the text before)
            found.append(index)
            if index + 1 == len(self.starts):
                break
            position = self.starts[index + 1]
        return found
