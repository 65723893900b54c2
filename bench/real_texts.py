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
from drafter.reading.parser import normalize_line  # noqa: E402

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"


def key(text: str | None) -> str | None:
    """Titles compared as a reader sees them: normalized marks, no spaces."""
    return None if text is None else "".join(normalize_line(text).split())


@dataclass
class Score:
    texts: int = 0
    headings_found: int = 0
    headings_labelled: int = 0
    headings_matched: int = 0
    year: int = 0
    title: int = 0
    issuer: int = 0
    statutory: int = 0
    statutory_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.headings_matched / self.headings_found if self.headings_found else 1.0

    @property
    def recall(self) -> float:
        return self.headings_matched / self.headings_labelled if self.headings_labelled else 1.0

    def rate(self, name: str) -> float:
        total = self.statutory_total if name == "statutory" else self.texts
        return getattr(self, name) / total if total else 1.0


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
        score.headings_found += sum(found.values())
        score.headings_labelled += sum(wanted.values())
        score.headings_matched += sum((found & wanted).values())
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
                setattr(score, attr, getattr(score, attr) + 1)
            else:
                score.misses.append(f"{name} {attr:<15} read {got!r}, labelled {want!r}")
        for sid, want in label["statutory"].items():
            score.statutory_total += 1
            got = read.statutory.get(sid)
            if got == want:
                score.statutory += 1
            else:
                score.misses.append(f"{name} statutory {sid:<12} read {got}, labelled {want}")
    return score


def main() -> None:
    score = evaluate()
    print(f"labelled real texts: {score.texts}")
    print(
        f"outline: precision {score.precision:.3f}  recall {score.recall:.3f}  "
        f"({score.headings_matched} matched, {score.headings_found} read, "
        f"{score.headings_labelled} labelled)"
    )
    for name in ("year", "title", "issuer"):
        print(f"{name:<9} {getattr(score, name)}/{score.texts} = {score.rate(name):.1%}")
    print(f"statutory {score.statutory}/{score.statutory_total} = {score.rate('statutory'):.1%}")
    if "-q" not in sys.argv:
        print(f"\nmisses ({len(score.misses)}):")
        for miss in score.misses:
            print("  " + miss)


if __name__ == "__main__":
    main()
