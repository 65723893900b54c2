"""Synthetic corpora for benchmarks: the seed reports varied (numbers, names, dropped sections),
written as .txt (and optionally .docx) into a folder."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PLACES = ["东城区", "西山县", "南湖市", "北岭县", "清河区", "白云县", "青山市", "长乐县"]


def variant(text: str, rng: random.Random) -> str:
    text = re.sub(
        r"\d+",
        lambda m: (
            str(max(1, int(m.group()) + rng.randint(-3, 9))) if len(m.group()) < 4 else m.group()
        ),
        text,
    )
    lines = text.splitlines()
    if len(lines) > 20 and rng.random() < 0.5:  # drop a paragraph or two
        for _ in range(rng.randint(1, 2)):
            del lines[rng.randrange(5, len(lines) - 5)]
    return "\n".join(lines).replace("区", rng.choice(PLACES)[-1], 1)


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_corpus(folder: Path, count: int, docx_share: float = 0.0, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    texts = [s.read_text(encoding="utf-8") for s in SEEDS]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = variant(texts[i % len(texts)], rng)
        if i < count * docx_share:
            path = folder / f"r{i:04d}.docx"
            path.write_bytes(as_docx(text))
        else:
            path = folder / f"r{i:04d}.txt"
            path.write_text(text, encoding="gb18030" if i % 3 == 0 else "utf-8")
        paths.append(path)
    return paths
