"""The findings of `drafter check --format json` over the seeds, the real texts of tests/data/real
and a 100-report bench corpus (half .docx), with and without last year's report: written once as
a golden before a speed change, compared after it. A faster check must find exactly the same.

Paths are written relative to their set, so two runs in different temporary folders compare.
Usage: .venv/bin/python bench/check_golden.py write golden.json
       .venv/bin/python bench/check_golden.py compare golden.json   (exit 1 on any difference)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REAL = sorted((ROOT / "tests" / "data" / "real").glob("*.txt"))


def check(paths: list[Path], *extra: str) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "drafter", "check", "--no-progress", "--format", "json", *extra]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def outputs() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp) / "corpus", 100, docx_share=0.5)
        found = {
            "seeds": check(SEEDS),
            "real": check(REAL),
            "corpus": check(corpus),
            "previous": check([*SEEDS, *corpus[:20], *corpus[50:70]], "--previous", str(SEEDS[0])),
            "year": check(corpus[:10] + SEEDS, "--year", "2030"),
        }
        text = json.dumps(found, ensure_ascii=False, indent=1)
        for prefix in (str(Path(tmp) / "corpus") + "/", str(ROOT) + "/"):
            text = text.replace(prefix, "")
        return json.loads(text)


def main() -> None:
    action, golden = sys.argv[1], Path(sys.argv[2])
    found = outputs()
    if action == "write":
        golden.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"written: {golden}")
        return
    expected = json.loads(golden.read_text(encoding="utf-8"))
    differences = 0
    for name, value in expected.items():
        if found.get(name) != value:
            differences += 1
            print(f"{name}: DIFFERENT")
            _show(value, found.get(name))
        else:
            print(f"{name}: identical")
    sys.exit(1 if differences else 0)


def _show(expected: object, found: object) -> None:
    """The first reports that differ."""
    left = expected.get("reports", []) if isinstance(expected, dict) else []
    right = found.get("reports", []) if isinstance(found, dict) else []
    shown = 0
    for a, b in zip(left, right, strict=False):
        if a != b and shown < 3:
            shown += 1
            print("  expected:", json.dumps(a, ensure_ascii=False)[:600])
            print("  found:   ", json.dumps(b, ensure_ascii=False)[:600])


if __name__ == "__main__":
    main()
