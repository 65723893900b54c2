"""Where the project's data lives: the `templates/` folder (report templates, taxonomy, metric
catalogue, style profiles). In a source checkout it is the top-level folder; an installed wheel
carries a copy inside the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    for candidate in (_PACKAGE.parent / "templates", _PACKAGE / "_templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("drafter: templates folder not found next to the package")


@cache
def load_data(name: str) -> Any:
    """Load one of the project's own YAML data files (trusted, so no line tracking)."""
    return YAML(typ="safe").load((templates_dir() / name).read_text(encoding="utf-8"))
