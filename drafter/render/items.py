"""How a list of items is written (templates/items.yaml): a lone item is not numbered, and a
run of short items without headings becomes one paragraph 「一是……；二是……」."""

from __future__ import annotations

import re
from functools import cache

from drafter.models.data import DataModel, validate
from drafter.render.filters import cn_number
from drafter.resources import load_data


class RunIn(DataModel):
    min_items: int
    max_items: int
    max_chars: int
    ordinal: str
    joiner: str
    end: str
    strip: str


@cache
def rules() -> RunIn:
    return validate(RunIn, load_data("items.yaml")["run_in"])


@cache
def _strip() -> re.Pattern[str]:
    return re.compile(rules().strip)


def run_in(texts: list[str]) -> str | None:
    """The items as one paragraph, or None when they are better written one by one."""
    r = rules()
    bare = [_strip().sub("", t.strip()) for t in texts]
    if not r.min_items <= len(bare) <= r.max_items:
        return None
    if any(not b or len(b) > r.max_chars or "\n" in b for b in bare):
        return None
    return (
        r.joiner.join(r.ordinal.format(n=cn_number(n)) + b for n, b in enumerate(bare, 1)) + r.end
    )


def numbered(items: list) -> bool:
    """Whether items with headings get numbers: only when there are at least two of them."""
    return sum(1 for item in items if getattr(item, "heading", None)) >= 2
