"""Read a corpus, mine each report, build the model. Unreadable files are skipped and listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.formats.reader import read_document
from drafter.learn.mining import ReportFacts, mine
from drafter.learn.model import build_model
from drafter.models.structure import StructureModel
from drafter.reading.outline import read_outline


def learn(
    files: list[Path], advance: Callable[[], None] | None = None
) -> tuple[StructureModel, list[DrafterError]]:
    reports: list[tuple[str, ReportFacts]] = []
    problems: list[DrafterError] = []
    for path in files:
        try:
            outline = read_outline(read_document(path), str(path))
            reports.append((path.name, mine(outline)))
        except DrafterError as exc:
            problems.append(exc)
        if advance:
            advance()
    if not reports:
        raise DrafterError(
            "没有可以学习的报告",
            hint="给出 .docx、.txt 或 .md 报告文件或所在文件夹。",
            related=problems,
        )
    return build_model(reports), problems
