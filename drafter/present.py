"""Human-readable output for the terminal: outlines, learning summaries, progress bars.
stdout carries the product; progress goes to stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from drafter.control_chars import visible
from drafter.models.catalogue import taxonomy
from drafter.models.outline import YEAR_SOURCE_NAMES, Outline
from drafter.models.structure import StructureModel

STATUS_LABELS = {"section": "有独立部分", "mentioned": "仅在正文中提及", "missing": "缺少"}


def section_name(section_id: str | None) -> str:
    if not section_id:
        return "（未识别）"
    try:
        return taxonomy().section(section_id).name
    except StopIteration:
        return section_id


def year_basis(outline: Outline) -> str:
    """「依据：标题「…2023年度…」（第5行）；开头（第9行）」, and 「不确定」 when it is."""
    if not outline.year_evidence:
        return ""
    parts = [
        f"{YEAR_SOURCE_NAMES[e.source]} {e.year}" + (f"（第{e.line}行）" if e.line else "")
        for e in outline.year_evidence
    ]
    sure = "，不确定，可用 --year 指定" if outline.year_uncertain else ""
    return f"（依据：{'；'.join(parts)}{sure}）"


def outline_text(outline: Outline, show_dropped: bool = False) -> str:
    lines = [
        f"文件：{outline.path}",
        f"标题：{outline.title or '（无标题）'}",
        f"发文机关：{outline.issuer or '（未识别）'}    "
        f"报告年度：{outline.year or '（未识别）'}{year_basis(outline)}",
        "",
        "法定内容：",
    ]
    for sid, status in outline.statutory.items():
        lines.append(f"  {section_name(sid)}：{STATUS_LABELS[status]}")
    lines += ["", "标题层级（行号  层级  标题  →  章节 置信度）："]
    for h in outline.headings:
        number = (
            {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}[h.level].format(h.number)
            if h.number
            else "（编号缺失）"
        )
        target = "、".join(section_name(s) for s in h.sections) or "（未识别）"
        lines.append(
            f"  {h.line or '-':>4}  {'  ' * (h.level - 1)}{number}{h.title}  →  {target} {h.confidence:.2f}"
        )
    dropped = outline.document.noise
    if dropped and show_dropped:
        lines += ["", "丢弃的行（行号  规则  原文；规则见 templates/noise.yaml）："]
        lines += [f"  {d.line:>4}  {d.kind}  {d.text}" for d in dropped]
    elif dropped:
        lines += ["", f"丢弃了 {len(dropped)} 行网页杂项（--show-dropped 列出）"]
    return visible("\n".join(lines)) + "\n"  # titles are the report's text: no escapes


def learn_report(model: StructureModel) -> str:
    lines = [f"结构模型：{model.reports} 份报告", ""]
    for s in model.sections:
        mark = "必备" if s.required else "可选"
        position = f"{s.position:.2f}" if s.position is not None else "-"
        lines.append(
            f"{s.name}（{s.id}，{mark}）：出现 {s.support:.0%}，独立成节 {s.as_section:.0%}，位置 {position}"
        )
        for seen in s.headings[:3]:
            lines.append(f"    标题例：{seen.text}（{seen.reports} 份）")
    return visible("\n".join(lines)) + "\n"


@contextmanager
def progress(total: int, label: str, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long runs in a terminal; silent otherwise."""
    if not enabled or total < 20 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
