"""A cheap test that lets a text skip a regex that cannot match it. Most paragraphs hold no
placeholder, no noise and no mention of a given content, yet a pattern that opens with a
lookbehind or `\\b` is tried at every position of every paragraph. From the pattern's own parse
tree comes a set of characters of which any match needs one in the text (「年」 for
`(?=[\\dxX×]{4}\\s*年)…`); a look for those characters (`in` for a few plain ones, else one scan
for a character class) rules most texts out.

The set is derived, never written by hand: the patterns stay the single source (the YAML data)
and each finds exactly what it found before. A pattern the analysis cannot bound (a negated
class, `.`, an optional whole) gets no prefilter and is always tried."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from drafter import regex_store
from drafter.re_internals import EXTRA_CASES
from drafter.re_internals import constants as sre
from drafter.re_internals import parser as sre_parse

# one piece of a character class: (its regex source, matched ignoring case, how many characters)
Piece = tuple[str, bool, int]
CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
CATEGORY_SIZE = 10_000  # a category is a weak bound: any other set is preferred
SMALL_RANGE = 16  # a range of fewer characters is looked for character by character
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
Pieces = frozenset[Piece]


def _char(code: int) -> str:
    return re.escape(chr(code))


def _in(items: list, icase: bool) -> Pieces | None:
    pieces = set()
    for op, av in items:
        if op is sre.LITERAL:
            pieces.add((_char(av), icase, 1))
        elif op is sre.RANGE and av[1] - av[0] < SMALL_RANGE:  # its characters, each
            pieces.update((_char(code), icase, 1) for code in range(av[0], av[1] + 1))
        elif op is sre.RANGE:
            pieces.add((f"{_char(av[0])}-{_char(av[1])}", icase, av[1] - av[0] + 1))
        elif op is sre.CATEGORY and av in CATEGORIES:
            pieces.add((CATEGORIES[av], icase, CATEGORY_SIZE))
        else:  # a negated class, or what this analysis does not know
            return None
    return frozenset(pieces)


def _size(pieces: Pieces) -> int:
    """How many characters the set lets through: the fewer, the more texts it rules out."""
    return sum(size for _, _, size in pieces)


def _required(items, icase: bool) -> list[Pieces]:
    """Sets of characters of which the text holds at least one of each wherever this sequence
    matches: every part of a sequence must match, so each part's needs are needed."""
    needs: list[Pieces] = []
    for op, av in items:
        needs += [n for n in _node(op, av, icase) if n not in needs]
    return needs


def _node(op, av, icase: bool) -> list[Pieces]:
    if op is sre.LITERAL:
        return [frozenset({(_char(av), icase, 1)})]
    if op is sre.IN:
        found = _in(av, icase)
        return [found] if found else []
    if op is sre.SUBPATTERN:
        _, add, remove, body = av
        ignore = sre.SRE_FLAG_IGNORECASE
        return _required(body, bool((icase or add & ignore) and not remove & ignore))
    if op is sre.BRANCH:  # one of the alternatives: the union of one need of each
        alternatives = [_required(alternative, icase) for alternative in av[1]]
        return [_cover(alternatives)] if all(alternatives) else []
    if op in REPEATS:
        low, _, body = av
        return _required(body, icase) if low > 0 else []
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _required(av, icase)
    if op is sre.ASSERT:  # what a lookahead or lookbehind needs is in the text too
        return _required(av[1], icase)
    return []  # anchors, negative lookarounds, `.`, group references: no bound


def _cover(alternatives: list[list[Pieces]]) -> Pieces:
    """One need of each alternative, together letting few characters through: each one's
    smallest, then each in turn takes the one that adds least to what the others chose
    (「第[xX×]|[xX×](?=个|名|件)」 needs one of 「xX×」, not of 「第xX×」: 第 is common in reports)."""
    chosen = [min(needs, key=_size) for needs in alternatives]
    counted = Counter(n for needs in alternatives for n in needs)
    if all(count == 1 for count in counted.values()):  # nothing to share (lists of words, mostly)
        return frozenset().union(*chosen)
    for k, needs in enumerate(alternatives):
        others = frozenset().union(*chosen[:k], *chosen[k + 1 :])
        chosen[k] = min(needs, key=lambda n: _size(n - others))
    return frozenset().union(*chosen)


def _class(pieces: Pieces) -> re.Pattern[str]:
    parts = []
    for ignoring in (False, True):
        chosen = sorted(p for p, i, _ in pieces if i == ignoring)
        if chosen:
            parts.append(("(?i:[{}])" if ignoring else "[{}]").format("".join(chosen)))
    return re.compile("|".join(parts))


# The characters outside ASCII whose lower case is an ASCII letter (İ → i, K → k): with `re`'s
# own extra cases (ı for i, ſ for s), what makes the ASCII letters' case-insensitive matches
# known in full. tests/test_prefilter.py checks this against every character.
LOWER_TO_ASCII = "\u0130\u212a"


def _cases(letter: str) -> str | None:
    """Every character that `re` matches to the ASCII letter `letter` ignoring case, None for
    another character (or where `re`'s table of extra cases is not to be had)."""
    if not (letter.isascii() and letter.isalpha()) or EXTRA_CASES is None:
        return None
    lower = letter.lower()
    found = {lower, letter.upper(), *(ch for ch in LOWER_TO_ASCII if ch.lower()[0] == lower)}
    found.update(chr(code) for code in EXTRA_CASES.get(ord(lower), ()))
    return "".join(sorted(found))


def _as_written(pieces: Pieces) -> Pieces:
    """The same characters, an ASCII letter matched ignoring case as each of its cases matched
    as written: looked for with `in` or a plain class (a class that ignores case is scanned
    ~3× slower, and a text cannot be lowered for less)."""
    written = set()
    for piece in pieces:
        source, ignoring, size = piece
        cases = _cases(source) if ignoring and size == 1 else None
        written.update([(c, False, 1) for c in cases] if cases else [piece])
    return frozenset(written)


def _letter(piece: Piece) -> str | None:
    """The one character a piece stands for (as escaped: its last), when it is matched as
    written: not a range or a category, nor a character matched ignoring case."""
    source, ignoring, size = piece
    return source[-1] if size == 1 and not ignoring else None


MAX_LETTERS = 24


def _test(pieces: Pieces) -> Callable[[str], object]:
    """A function telling whether a text holds one of the characters: a few plain characters
    are looked for one by one (`in`: ~0.1 µs on a page of Chinese text, where a scan for a
    character class takes 20-60 µs), anything else by the class."""
    letters = [_letter(p) for p in sorted(_as_written(pieces))]
    if None in letters or len(letters) > MAX_LETTERS:
        return _class(pieces).search
    if len(letters) == 1:
        letter = letters[0]
        return lambda text: letter in text
    return lambda text: any(map(text.__contains__, letters))


MAX_SCREENS = 3


@cache
def _parsed(regex: str, flags: int) -> sre_parse.SubPattern | None:
    """The parse tree of `regex`, made once for `needs`, `local` and `firsts` (None: no tree)."""
    try:
        return sre_parse.parse(regex, flags)
    except Exception:  # noqa: BLE001 - the parser is CPython's private module: without it, no bound
        return None


@regex_store.remembered
def needs(regex: str, flags: int = 0) -> tuple[Pieces, ...]:
    """Sets of characters of each of which a text `regex` can match holds one (none: no bound).
    The rarest few; a category (`\\d`) only when nothing else bounds the pattern."""
    parsed = _parsed(regex, flags)
    if parsed is None:
        return ()
    found = sorted(_required(parsed, bool(parsed.state.flags & sre.SRE_FLAG_IGNORECASE)), key=_size)
    narrow = [n for n in found if _size(n) < CATEGORY_SIZE] or found[:1]
    return tuple(narrow[:MAX_SCREENS])


CONTEXT_OPS = {sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF_EXISTS}


def _local(items) -> bool:
    for op, av in items:
        if op in CONTEXT_OPS:
            return False
        for part in av if isinstance(av, tuple | list) else [av]:
            if isinstance(part, sre_parse.SubPattern) and not _local(part):
                return False
            if isinstance(part, list) and any(
                isinstance(p, sre_parse.SubPattern) and not _local(p) for p in part
            ):
                return False
    return True


@regex_store.remembered
def local(regex: str, flags: int = 0) -> bool:
    """Whether a match depends on the matched characters only: no anchor, `\\b` or lookaround
    looks past them. Such a pattern that matches a piece of a text matches the text too, so one
    search of a paragraph can rule out all its sentences."""
    parsed = _parsed(regex, flags)
    return parsed is not None and _local(parsed)  # without a parse tree: assume it looks


ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


def _firsts(items, icase: bool) -> Pieces | None:
    """The characters a match of this sequence can begin with (None: not bounded here)."""
    for op, av in items:
        if op in ZERO_WIDTH:  # an anchor or a lookaround consumes nothing: the next item begins
            continue
        if op is sre.LITERAL:
            return frozenset({(_char(av), icase, 1)})
        if op is sre.IN:
            return _in(av, icase)
        if op is sre.SUBPATTERN:
            _, add, remove, body = av
            ignore = sre.SRE_FLAG_IGNORECASE
            return _firsts(body, bool((icase or add & ignore) and not remove & ignore))
        if op is sre.BRANCH:
            found = [_firsts(alternative, icase) for alternative in av[1]]
            return None if None in found else frozenset().union(*found)
        if op in REPEATS:
            low, _, body = av
            return _firsts(body, icase) if low > 0 else None  # optional: what follows may begin
        return None  # `.`, a negated class, a group reference, …
    return None  # nothing consumed: the empty string may match


@regex_store.remembered
def firsts(regex: str, flags: int = 0) -> Pieces | None:
    """The characters of which every match of `regex` begins with one, when the parse tree
    bounds them: 「存在」, 「仍存在」, 「不足之处」… begin with 存, 仍 or 不."""
    parsed = _parsed(regex, flags)
    if parsed is None:
        return None
    return _firsts(parsed, bool(parsed.state.flags & sre.SRE_FLAG_IGNORECASE))


def _starts(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that matches one character exactly where `pattern` begins a match: that
    character, from the set every match begins with, then a look back at it that holds only
    when `pattern` matches from there. The regex engine skips straight to the characters of
    a pattern that begins with a class, but tries every position for one that begins with a
    group of alternatives (as many of the data's patterns do): ~10× faster on long texts."""
    found = firsts(pattern.pattern, pattern.flags & ~re.UNICODE)
    if not found or any(ignoring for _, ignoring, _ in found):
        return pattern
    first = _class(found).pattern
    try:
        return re.compile(f"{first}(?<=(?={pattern.pattern}){first})", pattern.flags)
    except re.error:  # e.g. global flags inside: search as written
        return pattern


def _always(text: str) -> bool:
    return True


class Screened:
    """A compiled pattern with its prefilter: `search`, `finditer` and `sub` skip the pattern
    on a text that lacks every character of one of the sets it needs."""

    __slots__ = ("pattern", "needs", "possible", "_starts")

    def __init__(self, pattern: re.Pattern[str] | str) -> None:
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self.needs = needs(self.pattern.pattern, self.pattern.flags & ~re.UNICODE)
        # `possible(text)` is truthy when the pattern may match the text
        classes = [_test(n) for n in self.needs]
        if not classes:
            self.possible = _always
        elif len(classes) == 1:
            self.possible = classes[0]
        else:  # MAX_SCREENS: two or three, each a plain call (no generator on the hot path)
            first, second, third = (*classes, _always)[:3]
            self.possible = lambda text: first(text) and second(text) and third(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.possible(text) else None

    def start(self, text: str, position: int = 0) -> int | None:
        """Where the first match at or after `position` begins, as `pattern.search(text,
        position)` says (faster on a long text: see `_starts`)."""
        if not hasattr(self, "_starts"):  # made when first needed: most patterns never are
            self._starts = _starts(self.pattern)
        match = self._starts.search(text, position)
        return match.start() if match else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.possible(text) else iter(())

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text) if self.possible(text) else text


MAX_REMEMBERED = 4096  # combinations of sets found, per group: hostile texts bring many


class ScreenedGroup:
    """Many screened patterns tried on the same texts: one scan of a text for every character
    any of them needs, then each pattern's needs are checked against the few characters found,
    as bits: the sets of characters the members need are numbered, each character found stands
    for the sets it belongs to, and a member may match when its sets are all among them."""

    def __init__(self, patterns: list[re.Pattern[str] | str]) -> None:
        self.members = [Screened(p) for p in patterns]
        # which members a search of a whole text settles for every piece of it (see `local`)
        self.local = [local(m.pattern.pattern, m.pattern.flags & ~re.UNICODE) for m in self.members]
        sets = list(dict.fromkeys(n for m in self.members for n in m.needs))
        self._set_tests = [_class(n).search for n in sets]
        # the bits of the sets each member needs (0 for an unbounded member: always possible)
        self._needed = [sum(1 << sets.index(n) for n in m.needs) for m in self.members]
        self._bits: dict[str, int] = {}  # a character found → the bits of the sets it is in
        self._members: dict[int, tuple[int, ...]] = {}  # the bits found → the possible members
        pieces = _as_written(frozenset().union(*sets))
        # one class each for the characters matched as written and those matched ignoring
        # case: a single class is scanned fast, an alternation of two is not
        self._scans = [
            _class(frozenset(p for p in pieces if p[1] == ignoring)).findall
            for ignoring in (False, True)
            if any(p[1] == ignoring for p in pieces)
        ]

    def possible(self, text: str) -> tuple[int, ...]:
        """The positions of the members that may match `text`, in order."""
        found = 0
        for scan in self._scans:
            for char in set(scan(text)):
                bits = self._bits.get(char)
                if bits is None:  # at most once per character the scans can find
                    bits = sum(1 << k for k, test in enumerate(self._set_tests) if test(char))
                    self._bits[char] = bits
                found |= bits
        members = self._members.get(found)
        if members is None:  # once per combination of sets found (a few per group)
            members = tuple(i for i, needed in enumerate(self._needed) if needed & found == needed)
            if len(self._members) < MAX_REMEMBERED:
                self._members[found] = members
        return members
