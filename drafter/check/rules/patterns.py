"""Leftovers of templates and drafting (placeholders), and web debris (input noise)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafter.check.context import CheckContext, finding
from drafter.models.findings import Finding
from drafter.reading.joined import Joined
from drafter.reading.prefilter import ScreenedGroup
from drafter.resources import load_data


@cache
def placeholder_rules() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (r["id"], re.compile(r["regex"])) for r in load_data("rules/placeholders.yaml")["rules"]
    ]


@cache
def _screened() -> ScreenedGroup:
    return ScreenedGroup([pattern for _, pattern in placeholder_rules()])


def placeholders_in(text: str) -> list[re.Match[str]]:
    """Each rule's matches in turn; a rule is tried only on a text holding what it needs."""
    rules = placeholder_rules()
    return [m for i in _screened().possible(text) for m in rules[i][1].finditer(text)]


def placeholders_each(texts: list[str]) -> list[list[re.Match[str]]]:
    """`placeholders_in` of each text: each rule is tried on the texts that pass its screen, and
    one that looks at its match only is searched once over those texts joined, then again in
    the few it matched (most texts that hold a 「（」 hold no 「（此处……）」)."""
    rules, group = placeholder_rules(), _screened()
    screened: dict[int, list[int]] = {}  # rule → the texts that pass its screen
    for n, text in enumerate(texts):
        for i in group.possible(text):
            screened.setdefault(i, []).append(n)
    found: list[list[re.Match[str]]] = [[] for _ in texts]
    for i, candidates in sorted(screened.items()):
        pattern = rules[i][1]
        if group.local[i]:
            held = Joined([texts[n] for n in candidates]).holding(pattern)
            candidates = [candidates[k] for k in held]
        for n in candidates:
            found[n].extend(pattern.finditer(texts[n]))
    return found


def check(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    lines = [(doc.title_line, doc.title_text or "")]
    lines += [(p.line, text) for p, text in zip(doc.paragraphs, ctx.texts, strict=True)]
    # the 署名 stand on the lines right above the date
    first = doc.date_line - len(doc.signers) if doc.date_line else None
    lines += [(first + n if first else None, s) for n, s in enumerate(doc.signers)]
    found = placeholders_each([text for _, text in lines])
    for (line, text), matches in zip(lines, found, strict=True):
        for match in matches:
            yield finding(
                "placeholder",
                f"有未替换的占位内容“{match.group(0)}”",
                line,
                text,
                match.start(),
                match.end(),
            )
    if doc.noise:
        line, text, _ = doc.noise[0]
        yield finding(
            "input-noise",
            f"文本中有 {len(doc.noise)} 行网页杂项（导航、来源、打印等），已忽略",
            line,
            text,
        )
