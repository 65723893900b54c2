"""The encoding of a text report without UTF-8 or a BOM (formats/text_reader.py): what GB18030
alone decodes is settled without the detector, and the answer is the one the detector gives."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from drafter.formats.text_reader import DETECT_SAMPLE, LEGACY, _decodes, encoding_of
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
