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
        """The indexes, in order, of the texts in which `pattern` may match: those a search of the
        joined text reaches into, searching on from the text after each match. Exact for a
        pattern whose match depends on the matched characters only (`prefilter.local`): a text
        with a match is searched from its start or before, so the search finds that match or
        one before it, and it reaches into that text or the search goes on from before it.
        Any other pattern: every text."""
        if not local(pattern.pattern, pattern.flags & ~re.UNICODE) or pattern.match(""):
            return list(range(len(self.texts)))  # (a local pattern matching nothing matches all)
        found: list[int] = []
        position = 0
        while match := pattern.search(self.text, position):
            first, last = self._index(match.start()), self._index(match.end() - 1)
            found.extend(range(first, last + 1))  # each search starts after what it found
            if last + 1 == len(self.starts):
                break
            position = self.starts[last + 1]
        return found
