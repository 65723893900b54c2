"""Every regular expression drafter compiles — from its code and from the data files under
templates/ — collected in a fresh interpreter: `re._compile` is wrapped before drafter is
imported, every module is imported, and the pipeline runs once over the seeds and examples
(check, outline, extract, draft, learn), so patterns built from YAML at run time are seen too.
Module-level compiled patterns are gathered as well. Prints a JSON list of [pattern, flags]."""

from __future__ import annotations

import contextlib
import io
import json
import pkgutil
import re
import sys
import tempfile
from pathlib import Path

SEEN: set[tuple[str, int]] = set()
DRAFTER = Path(__file__).resolve().parents[2] / "drafter"
_original = re._compile  # type: ignore[attr-defined]


def _recording(pattern, flags):
    """Records the patterns compiled by drafter's own code (the first caller outside `re`)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == re.__file__:
        frame = frame.f_back
    if frame is not None and DRAFTER in Path(frame.f_code.co_filename).parents:
        if isinstance(pattern, str):
            SEEN.add((pattern, int(flags)))
        elif isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str):
            SEEN.add((pattern.pattern, int(pattern.flags)))
    return _original(pattern, flags)


def _module_patterns(value, depth=0):
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        SEEN.add((value.pattern, int(value.flags)))
    elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _module_patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            _module_patterns(item, depth + 1)


def main() -> None:
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    re._compile = _recording  # type: ignore[attr-defined]
    import drafter
    from drafter.cli import main as cli

    modules = [
        __import__(m.name, fromlist=["_"])
        for m in pkgutil.walk_packages(drafter.__path__, "drafter.")
        if not m.name.endswith("__main__")
    ]
    seeds = sorted((root / "seeds").glob("*.txt"))
    examples = sorted((root / "examples").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
        with contextlib.redirect_stderr(io.StringIO()):
            out = Path(tmp)
            cli(["draft", str(examples[0]), "-o", str(out / "r.docx")])
            cli(["draft", str(examples[0]), "-o", str(out / "r.md")])
            cli(
                [
                    "check",
                    *map(str, seeds),
                    str(out / "r.docx"),
                    str(out / "r.md"),
                    "--previous",
                    str(seeds[0]),
                    "--no-progress",
                ]
            )
            cli(["outline", str(seeds[1])])
            cli(["extract", str(seeds[2]), "-o", str(out / "f.yaml")])
            cli(["draft", str(out / "f.yaml"), "-o", str(out / "f.txt")])
            cli(["learn", *map(str, seeds), "-o", str(out / "s.yaml"), "--no-progress"])
    for module in modules:
        for value in vars(module).values():
            _module_patterns(value)
    print(json.dumps(sorted(SEEN)))  # ASCII escapes: patterns may hold lone surrogates


if __name__ == "__main__":
    main()
