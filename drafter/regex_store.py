"""Compiled regular expressions kept between runs, like the interpreter's own __pycache__.

A command compiles ~190 patterns as it starts (the knowledge data's, the readers', the standard
library's): ~35 ms, a sixth of checking one report, again in every run. A compiled pattern is a
program of integers that the regex engine builds from the pattern's text; the store keeps those
programs in drafter's cache folder, and `restore` puts the patterns they make into the `re`
module's own cache at start-up, so `re.compile` anywhere finds them made (~4 ms for ~300).

What prefilter.py works out from a pattern's parse tree (the characters any match needs) is
kept beside its program, for the same reason: `remembered` functions of a pattern's text.

This leans on internals of CPython's `re` (re_internals.py, `_sre.compile`, `re._cache`). The
store is keyed by the interpreter's exact version and engine, and where anything is missing or
differs nothing is restored or stored: patterns are then compiled as usual, exactly as without
the store."""

from __future__ import annotations

import functools
import pickle
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from drafter import cache

# A run that compiled this many patterns the store lacks rewrites it (its first run, or a
# command with other patterns); a few new ones (say, built from a report's own words) do not.
ENOUGH_NEW = 20
MAX_PATTERNS = 400  # below `re`'s own cache size (512 in 3.11–3.13)

Key = tuple[type, str, int]  # as `re._cache` keys a pattern: (str, text, flags)
_programs: dict[Key, tuple] = {}  # what `restore` found in the store
# what `remembered` functions said of a pattern: function name → {(text, flags): result}
_derived: dict[str, dict[tuple[str, int], Any]] = {}
_new_derived = 0  # results this run added
R = TypeVar("R")


def _stamp() -> tuple:
    import _sre

    return (sys.version, _sre.MAGIC, _sre.CODESIZE)


def _path():
    place = cache.folder("regex")
    return place / "programs.pickle" if place else None


def program(text: str, flags: int) -> tuple:
    """The arguments `_sre.compile` takes for this pattern: what `re._compiler.compile` makes."""
    from drafter.re_internals import compiler, parser

    tree = parser.parse(text, flags)
    code = [int(op) for op in compiler._code(tree, flags)]
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        text,
        flags | tree.state.flags,
        code,
        tree.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def remembered(function: Callable[[str, int], R]) -> Callable[..., R]:
    """`function(regex, flags)`, a pure function of a pattern, worked out once and kept in the
    store with the programs (the store's folder changes with drafter's code: cache.code_stamp)."""
    table = _derived.setdefault(f"{function.__module__}.{function.__qualname__}", {})

    @functools.wraps(function)
    def lookup(regex: str, flags: int = 0) -> R:
        global _new_derived
        key = (regex, flags)
        try:
            return table[key]
        except KeyError:
            result = table[key] = function(regex, flags)
            _new_derived += 1
            return result

    lookup.cache_clear = table.clear  # type: ignore[attr-defined]  # as functools.cache's
    return lookup


def build(args: tuple) -> re.Pattern[str]:
    import _sre

    return _sre.compile(*args)


def restore() -> None:
    """Put the stored patterns into `re`'s cache (none when the store is missing, damaged or
    made by another interpreter)."""
    path = _path()
    if path is None or not isinstance(getattr(re, "_cache", None), dict):
        return
    try:
        stamp, programs, derived = pickle.loads(path.read_bytes())
        if stamp != _stamp():
            return
        made = {key: build(args) for key, args in programs.items()}
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: compile as usual
        return
    for key, pattern in made.items():
        re._cache.setdefault(key, pattern)
    _programs.update(programs)
    for name, results in derived.items():
        _derived.setdefault(name, {}).update(results)


def save() -> None:
    """Store the programs of the patterns in `re`'s cache when it holds many the store lacks."""
    path = _path()
    cached = getattr(re, "_cache", None)
    if path is None or not isinstance(cached, dict):
        return
    try:
        new = [
            key
            for key in list(cached)
            if key not in _programs
            and key[0] is str
            and isinstance(key[2], int)
            and not key[2] & re.DEBUG
        ]
        if len(new) + _new_derived < ENOUGH_NEW and path.exists():
            return
        programs = dict(_programs)
        for key in new[: max(0, MAX_PATTERNS - len(programs))]:
            programs[key] = program(key[1], key[2])
        derived = {
            name: dict(list(results.items())[:MAX_PATTERNS]) for name, results in _derived.items()
        }
        data = pickle.dumps((_stamp(), programs, derived), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - `re` is not as this module knows it: store nothing
        return
    cache.write(path, data)
    _programs.update(programs)
