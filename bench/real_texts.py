"""How well the reading pipeline reads the labelled real texts in tests/data/real/.

Each text (saved unchanged from a government site, page furniture included) has a sidecar .json
of hand labels: outline headings (level, number, title), year, title, issuer and the status of
each statutory content. This prints outline precision/recall (a heading matches by level and
title), year/title/issuer accuracy, statutory accuracy, and every miss.
Usage: .venv/bin/python bench/real_texts.py [-q]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafter import pipeline  # noqa: E402
from drafter.models.catalogue import taxonomy  # noqa: E402
from drafter.reading.parser import normalize_line  # noqa: E402

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
STATUTORY = taxonomy().statutory_ids


def key(text: str | None) -> str | None:
    """Titles compared as a reader sees them: normalized marks, no spaces."""
    return None if text is None else "".join(normalize_line(text).split())


@dataclass
class Score:
    """Headings counted (found, labelled, matched); right answers per field; the misses."""

    texts: int = 0
    headings: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.headings["matched"] / (self.headings["found"] or 1)

    @property
    def recall(self) -> float:
        return self.headings["matched"] / (self.headings["labelled"] or 1)

    def total(self, name: str) -> int:
        return self.texts * len(STATUTORY) if name == "statutory" else self.texts

    def rate(self, name: str) -> float:
        return self.right[name] / (self.total(name) or 1)


def labelled_texts() -> list[Path]:
    return sorted(REAL.glob("*.txt"))


def evaluate(paths: list[Path] | None = None) -> Score:
    score = Score()
    for path in paths or labelled_texts():
        label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        read = pipeline.outline(pipeline.read(path).document, path=str(path))
        name = path.stem[:3]
        score.texts += 1
        found = Counter((h.level, key(h.title)) for h in read.headings)
        wanted = Counter((h["level"], key(h["title"])) for h in label["outline"])
        score.headings["found"] += sum(found.values())
        score.headings["labelled"] += sum(wanted.values())
        score.headings["matched"] += sum((found & wanted).values())
        for level, title in (found - wanted).elements():
            score.misses.append(f"{name} extra heading   L{level} {title}")
        for level, title in (wanted - found).elements():
            score.misses.append(f"{name} missed heading  L{level} {title}")
        for attr, got, want in (
            ("year", read.year, label["year"]),
            ("title", key(read.title), key(label["title"])),
            ("issuer", key(read.issuer), key(label["issuer"])),
        ):
            if got == want:
                score.right[attr] += 1
            else:
                score.misses.append(f"{name} {attr:<15} read {got!r}, labelled {want!r}")
        for sid in STATUTORY:
            got, want = read.statutory.get(sid), label["statutory"][sid]
            if got == want:
                score.right["statutory"] += 1
            else:
                score.misses.append(f"{name} statutory {sid:<12} read {got}, labelled {want}")
    return score


def main() -> None:
    score = evaluate()
    print(f"labelled real texts: {score.texts}")
    h = score.headings
    print(
        f"outline: precision {score.precision:.3f}  recall {score.recall:.3f}  "
        f"({h['matched']} matched, {h['found']} read, {h['labelled']} labelled)"
    )
    for name in ("year", "title", "issuer", "statutory"):
        print(f"{name:<9} {score.right[name]}/{score.total(name)} = {score.rate(name):.1%}")
    if "-q" not in sys.argv:
        print(f"\nmisses ({len(score.misses)}):")
        for miss in score.misses:
            print("  " + miss)


if __name__ == "__main__":
    main()
