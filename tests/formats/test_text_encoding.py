"""The encoding of a text report without UTF-8 or a BOM (formats/text_reader.py): what GB18030
alone decodes is settled without the detector, and the answer is the one the detector gives;
damaged UTF-8 is told from the first KB as from the whole sample."""

from __future__ import annotations

import random
from pathlib import Path

from charset_normalizer import from_bytes

from drafter.formats.text_reader import (
    DETECT_SAMPLE,
    LEGACY,
    _decodes,
    _mostly_utf8,
    encoding_of,
)
from tests.conftest import ROOT, SEEDS

TEXTS = [
    path.read_text(encoding="utf-8")
    for path in [*SEEDS, *sorted(Path(ROOT / "tests/data/real").glob("*.txt"))]
]


def _by_the_detector(data: bytes) -> str | None:
    """The answer before the shortcut: the detector's, else GB18030 when it decodes the text."""
    sample = data[:DETECT_SAMPLE]
    best = from_bytes(sample, cp_isolation=LEGACY).best()
    if best is not None:
        return best.encoding
    return "gb18030" if _decodes(sample, "gb18030") else None


def _variants(text: str) -> list[bytes]:
    """The whole text and pieces of it (short texts are where detectors hesitate), in GB18030
    and in Big5 (where the shortcut must not answer)."""
    pieces = [text, text[:40], text[:200], text[len(text) // 2 :][:300]]
    big5 = "".join(c for c in text if c.encode("big5", errors="ignore") or c.isascii())
    return [p.encode("gb18030") for p in pieces] + [big5[:300].encode("big5")]


def test_the_shortcut_answers_what_the_detector_answers():
    settled = 0
    for text in TEXTS:
        for data in _variants(text):
            if _decodes(data, "utf-8"):  # pure ASCII pieces never reach the detector
                continue
            sample = data[:DETECT_SAMPLE]
            alone = [e for e in LEGACY if _decodes(sample, e)] == ["gb18030"]
            settled += alone
            assert encoding_of(data) == _by_the_detector(data), (alone, text[:20])
    assert settled > len(TEXTS) * 2  # the shortcut is taken for most GB18030 texts


def _mostly_utf8_on_the_whole_sample(data: bytes) -> str | None:
    sample = data[:DETECT_SAMPLE]
    text = sample.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - sample.count("\ufffd".encode())
    return "utf-8" if damaged <= max(8, len(text) // 1000) else None


def test_damaged_utf8_is_told_from_its_first_kb_as_from_the_whole():
    """The first KB settles most GBK files; what it settles is what the whole sample says, at
    the threshold too (damage around it, written U+FFFD and a character cut at the KB's end)."""
    rng = random.Random(14)
    text = "".join(TEXTS)
    cases = [text[:n].encode("gb18030") for n in (300, 3000, 200_000)]
    cases.append(("a" * 900 + text[:2000]).encode("gb18030"))  # ASCII first, GBK later
    for size in (1500, 30_000, 300_000):
        utf8 = (text * 3).encode()[:size]
        for damage in (0, 8, 9, 10, 11, 30, 31, 32, 300, 2000):
            data = bytearray(utf8)
            for at in rng.sample(range(len(data)), min(damage, len(data))):
                data[at] = 0xFF
            cases.append(bytes(data))
            # written U+FFFD (no damage), one of them cut by the end of the first KB
            cases.append(bytes(data[:1022]) + "\ufffd\ufffd".encode() + bytes(data[1022:]))
    for data in cases:
        assert _mostly_utf8(data) == _mostly_utf8_on_the_whole_sample(data), len(data)
    assert {_mostly_utf8(data) for data in cases} == {"utf-8", None}
