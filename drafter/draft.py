"""`drafter draft`: facts file → report text → `Document` → .docx / .pdf / .md / .txt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError
from drafter.files import refuse_target, write_atomic
from drafter.formats.style_file import load_style
from drafter.formats.text_writer import write_markdown, write_text
from drafter.formats.yaml_io import read_facts
from drafter.models.document import Document
from drafter.models.facts import Facts
from drafter.render.report import render_report

if TYPE_CHECKING:
    from drafter.render.official import Frame

FORMATS = ("docx", "md", "txt", "pdf")


@dataclass
class Draft:
    document: Document
    text: str
    warnings: list[str] = field(default_factory=list)


def draft_document(
    facts: Facts, today: dt.date | None = None, template_dirs: list[Path] | None = None
) -> Draft:
    document, warnings = render_report(facts, today, template_dirs)
    return Draft(document, write_text(document), warnings)


def output_format(output: Path, requested: str | None) -> str:
    if requested:
        return requested
    suffix = output.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    from drafter.files import refuse_target

    refuse_target(output, force=True)  # a folder (a link, a device) is said as what it is
    raise DrafterError(
        f"无法从文件名判断输出格式：{output.name}",
        hint="输出文件用 .docx、.pdf、.md 或 .txt 结尾，或用 --format 指定。",
    )


def render_bytes(
    draft: Draft, fmt: str, style_name: str, author: str | None, frame: Frame | None = None
) -> bytes:
    """The report as bytes; `frame` adds the 版头 and 版记 of a 公文 (.docx and .pdf)."""
    if fmt in ("docx", "pdf"):
        from drafter.formats.docx_writer import write_docx  # python-docx: only when writing one

        data = write_docx(draft.document, load_style(style_name), author)
        if frame is not None:
            from drafter.formats.docx_official import add_frame

            data = add_frame(data, frame, load_style(style_name))
        if fmt == "pdf":
            from drafter.formats.pdf import docx_to_pdf

            data = docx_to_pdf(data)
        return data
    if fmt == "md":
        return write_markdown(draft.document).encode("utf-8")
    return write_text(draft.document).encode("utf-8")


def draft_file(
    facts_path: Path,
    output: Path,
    fmt: str | None = None,
    force: bool = False,
    style: str = "gbt9704",
    template_dirs: list[Path] | None = None,
    today: dt.date | None = None,
    official: bool = False,
) -> Draft:
    fmt = output_format(output, fmt)
    if official and fmt not in ("docx", "pdf"):
        raise DrafterError("版头和版记（--official）只用于 .docx 或 .pdf", hint="用 -o 报告.docx。")
    if fmt == "pdf":
        from drafter.formats.pdf import soffice

        soffice()  # say it before any work when LibreOffice is missing
    inputs = [facts_path, *(template_dirs or [])]
    if Path(style).suffix:
        inputs.append(Path(style))
    refuse_target(output, force, inputs)  # say so before any work, and write nothing
    facts = read_facts(facts_path)
    result = draft_document(facts, today, template_dirs)
    frame_ = None
    if official:
        from drafter.render.official import frame as official_frame

        frame_, warnings = official_frame(facts, today or dt.date.today())
        result.warnings += warnings
    data = render_bytes(result, fmt, style, facts.meta.issuer, frame_)
    write_atomic(output, data, force=force, inputs=inputs)
    return result
