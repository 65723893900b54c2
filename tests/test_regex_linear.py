"""Every regex drafter compiles (code and data files, collected by regex_inventory.py) runs in
linear time on user text: each gets 1 MB of adversarial text — long runs of the characters it
matches and of the openers it waits to see closed — and must finish under a time bound."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

INVENTORY = Path(__file__).parent / "support" / "regex_inventory.py"
SIZE = 1024 * 1024
BOUND = 2.0  # seconds per pattern and text; a linear scan of 1 MB takes a few milliseconds
GENERIC = [" ", "a", "1", "一", "\u2003"]  # U+2003: a space outside ASCII
# openers that make a pattern scan ahead for a closer, and runs of what its quantifiers repeat
OPENERS = [
    "{{",
    "{%",
    "${",
    "【待填",
    "（此处",
    "**",
    "__",
    "、",
    "2025年 ",
    "1.",
    "\t",
    "字体：",
    ", ",
    "某",
    "X",
    "。",
    "（",
    "是",
    "一是",
    "_",
    "#",
    "下一步",
    "-",
]


def _inventory() -> list[re.Pattern]:
    out = subprocess.run(
        [sys.executable, str(INVENTORY)], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    patterns = {re.compile(p, f) for p, f in json.loads(out)}
    return sorted(patterns, key=lambda p: p.pattern)


PATTERNS = _inventory()


def _texts(pattern: re.Pattern) -> list[tuple[str, str]]:
    units = GENERIC + [u for u in OPENERS if set(u.strip()) & set(pattern.pattern)]
    return [(unit, unit * (SIZE // len(unit.encode("utf-8")) + 1)) for unit in units]


class _TooSlow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _TooSlow


def test_inventory_is_complete():
    """The collection sees patterns from code and from each data file (a broken collector would
    make the bound test pass vacuously)."""
    texts = {p.pattern for p in PATTERNS}
    assert len(texts) >= 50
    assert any("普法" in t for t in texts)  # templates/rules/terms.yaml
    assert any("待填" in t for t in texts)  # templates/rules/placeholders.yaml
    assert any("来源" in t for t in texts)  # templates/noise.yaml
    assert any("#{1,6}" in t for t in texts)  # formats/text_reader.py


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.pattern[:40] for p in PATTERNS])
def test_regex_is_linear_on_1mb(pattern):
    use_alarm = hasattr(signal, "setitimer")  # POSIX; elsewhere the time is still asserted
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for unit, text in _texts(pattern):
            start = time.perf_counter()
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, BOUND)
            try:
                for _ in pattern.finditer(text):
                    pass
            except _TooSlow:
                pytest.fail(f"{pattern.pattern!r} takes over {BOUND} s on 1 MB of {unit!r}")
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - start
            assert elapsed < BOUND, f"{pattern.pattern!r}: {elapsed:.1f} s on 1 MB of {unit!r}"
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, previous)
