"""The .docx against GB/T 9704-2012 as the style profile states it (the same data the writer
uses): page, margins, fonts and sizes by element, line pitch, page numbers."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from drafter.check.context import CheckContext, finding
from drafter.models.findings import Finding
from drafter.models.layout import RunLook
from drafter.models.style import Font
from drafter.resources import load_data

ROLE_NAMES = {
    "title": "标题",
    "body": "正文",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "heading3": "三级标题",
    "heading4": "四级标题",
}
MARGIN_NAMES = {"top": "上（天头）", "bottom": "下", "left": "左（订口）", "right": "右"}
PITCH_RANGE = (540, 580)  # exact 27–29 pt; 579 is the widest that still fits 22 lines


@cache
def font_group() -> dict[str, str]:
    return {
        name: group
        for group, names in load_data("font_groups.yaml")["groups"].items()
        for name in names
    }


def same_font(found: str | None, wanted: str) -> bool:
    groups = font_group()
    return found is not None and groups.get(found, found) == groups.get(wanted, wanted)


def check(ctx: CheckContext) -> Iterator[Finding]:
    layout, style = ctx.layout, ctx.style
    if layout is None:
        return
    page = style.page
    if layout.page_width_mm and (
        abs(layout.page_width_mm - page.width_mm) > 1
        or abs(layout.page_height_mm - page.height_mm) > 1
    ):
        yield finding(
            "format-page-size",
            f"纸张为 {layout.page_width_mm}×{layout.page_height_mm} mm，应为 A4（{page.width_mm:g}×{page.height_mm:g} mm）",
        )
    wanted = {
        "top": page.top_mm,
        "bottom": page.bottom_mm,
        "left": page.left_mm,
        "right": page.right_mm,
    }
    off = [
        f"{MARGIN_NAMES[k]} {layout.margins_mm[k]:g} mm（应为 {v:g}）"
        for k, v in wanted.items()
        if k in layout.margins_mm and abs(layout.margins_mm[k] - v) > 1
    ]
    if off:
        yield finding("format-margins", "页边距不符合 GB/T 9704：" + "，".join(off))
    yield from _fonts(ctx)
    if not layout.page_field:
        yield finding("format-page-number", "页脚中没有页码（应为“— 1 —”形式，4号宋体）")
    elif not any(style.page_number.dash in text for text in layout.footer_texts):
        yield finding("format-page-number", "页码两侧应有一字线，形如“— 1 —”")


def _roles(ctx: CheckContext) -> Iterator[tuple[str, int, list[RunLook]]]:
    """(role, paragraph number, runs) for each paragraph whose role is known."""
    doc, layout = ctx.document, ctx.layout
    if doc.title_line and doc.title_line in layout.paragraphs:
        yield "title", doc.title_line, layout.paragraphs[doc.title_line].runs
    for paragraph in doc.paragraphs:
        look = layout.paragraphs.get(paragraph.line or 0)
        runs = [r for r in look.runs if r.text.strip()] if look else []
        if not runs:
            continue
        if paragraph.is_heading and paragraph.level:
            yield f"heading{paragraph.level}", paragraph.line, runs[:1]
            if paragraph.is_run_in and len(runs) > 1:  # the body after a run-in heading
                yield "body", paragraph.line, [_face(runs[1:])]
        else:
            yield "body", paragraph.line, [_face(runs)]


def _face(runs: list[RunLook]) -> RunLook:
    """A paragraph's face: of its runs with text, the one with the most."""
    return max(runs, key=lambda r: len(r.text))


def _fonts(ctx: CheckContext) -> Iterator[Finding]:
    fonts = ctx.style.fonts
    bad_font: dict[str, list[tuple[int, str]]] = {}
    bad_size: dict[str, list[tuple[int, float | None]]] = {}
    bad_pitch: list[int] = []
    for role, line, runs in _roles(ctx):
        want: Font = getattr(fonts, role)
        for run in runs:  # (the wanted font's own name, as most runs give it, is in its group)
            if run.east_asia != want.east_asia and not same_font(run.east_asia, want.east_asia):
                bad_font.setdefault(role, []).append((line, run.east_asia or "（未设置）"))
            if run.size_pt is None or abs(run.size_pt - want.size_pt) > 0.25:
                bad_size.setdefault(role, []).append((line, run.size_pt))
        if role != "body":
            continue
        look = ctx.layout.paragraphs[line]
        if not (
            look.line_rule == "exact" and PITCH_RANGE[0] <= (look.line_twips or 0) <= PITCH_RANGE[1]
        ):
            bad_pitch.append(line)
    for role, bad in bad_font.items():
        want = getattr(fonts, role)
        found = "、".join(sorted({f for _, f in bad}))
        yield finding(
            "format-font",
            f"{ROLE_NAMES[role]}有 {len(bad)} 处字体为“{found}”，应为“{want.east_asia}”",
            bad[0][0],
        )
    for role, bad in bad_size.items():
        want = getattr(fonts, role)
        found = "、".join(sorted({f"{s:g}磅" if s else "未设置" for _, s in bad}))
        yield finding(
            "format-size",
            f"{ROLE_NAMES[role]}有 {len(bad)} 处字号为 {found}，应为 {want.size_pt:g} 磅",
            bad[0][0],
        )
    if bad_pitch:
        yield finding(
            "format-line-pitch",
            f"正文有 {len(bad_pitch)} 段行距不是固定值约 28.95 磅（每页 22 行）",
            bad_pitch[0],
        )
