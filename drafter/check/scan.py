"""One regex pass over all of a report's paragraphs instead of one per paragraph. Most patterns
match in none or a few of them; a single scan of the joined text finds those few, and only they
are searched one by one (with exactly the code that searched every paragraph before)."""

from __future__ import annotations

import re
from bisect import bisect_right

from drafter.reading.prefilter import local

SEPARATOR = "\n"


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

    def _index(self, position: int) -> int:
        """The text a position of the joined text is in (a separator counts to the text before)."""
        return bisect_right(self.starts, position) - 1

    def holding(self, pattern: re.Pattern[str]) -> list[int]:
        """The indexes, in order, of the texts in which `pattern` may match: all those a match over
        the joined text reaches into. Exact for a pattern whose match depends on the matched
        characters only (`prefilter.local`): its match in one text is a match of the joined
        text at the same place, unless a match found before covers that place; either way a match
        reaches into that text. Any other pattern: every text."""
        everything = list(range(len(self.texts)))
        if not local(pattern.pattern, pattern.flags & ~re.UNICODE) or pattern.match(""):
            return everything  # (a local pattern that matches nothing matches every text)
        found: list[int] = []
        for match in pattern.finditer(self.text):
            first = self._index(match.start())
            if found and found[-1] >= first:
                first = found[-1] + 1
            found.extend(range(first, self._index(match.end() - 1) + 1))
        return found
