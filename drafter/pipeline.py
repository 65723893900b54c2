"""The stages every verb and the form go through, and nothing else does:

    facts file ──load_facts──► Facts ──draft──► Document ──render──► .docx / .md / .txt bytes
    report file ──read──► Document (+ page layout)
    Document ──outline──► Outline ──check──► findings

`cli.py` and `tui/` call these functions; neither reaches past them into formats/, reading/,
render/ or check/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.models.catalogue import Section
from drafter.models.document import Document
from drafter.models.findings import Finding
from drafter.models.layout import Layout
from drafter.models.outline import Outline
from drafter.models.structure import StructureModel

if TYPE_CHECKING:  # Facts: only `load_facts` and `draft` build one; `check` never does
    from drafter.extract import Extraction
    from drafter.formats.facts_document import FactsDocument
    from drafter.models.facts import Facts


@dataclass
class Drafted:
    document: Document
    text: str  # the report as plain text (for previews and golden tests)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReadReport:
    document: Document
    layout: Layout | None = None  # .docx only


def load_facts(path: Path) -> Facts:
    from drafter.formats.yaml_io import read_facts

    return read_facts(path)


def open_facts(path: Path, year: int, issuer: str = "") -> FactsDocument:
    """A facts file to edit (the form): the file, or a new skeleton not written until saved."""
    from drafter.formats.facts_document import FactsDocument
    from drafter.skeleton import skeleton

    return FactsDocument.open(path, skeleton(issuer, year))


def extract(path: Path, year: int | None = None) -> Extraction:
    """Last year's report → this year's facts (as data) and what was recognised."""
    from drafter.extract import extract_file

    return extract_file(path, year)


def section_plan() -> tuple[list[Section], list[Section]]:
    """The statutory contents and topic areas in the order and with the headings drafting uses."""
    from drafter.formats.structure_file import section_plan

    return section_plan()


def structure_model() -> StructureModel | None:
    """The structure model learned from real reports (phrasings, headings, order)."""
    from drafter.formats.structure_file import default_model

    return default_model()


def save(path: Path, data: bytes, force: bool = False, inputs: tuple[Path, ...] = ()) -> None:
    """Write a file the way every verb does: atomically, never over one of its `inputs` or an
    existing file without `force`."""
    from drafter.files import write_atomic

    write_atomic(path, data, force=force, inputs=inputs)


def draft(
    facts: Facts, today: dt.date | None = None, template_dirs: list[Path] | None = None
) -> Drafted:
    from drafter.draft import draft_document

    result = draft_document(facts, today, template_dirs)
    return Drafted(result.document, result.text, result.warnings)


def render(
    document: Document, fmt: str, style: str = "gbt9704", author: str | None = None
) -> bytes:
    from drafter.draft import Draft, render_bytes

    return render_bytes(Draft(document, ""), fmt, style, author)


def read(path: Path, with_layout: bool = False) -> ReadReport:
    from drafter.formats.reader import read_report

    document, layout = read_report(path, with_layout=with_layout)
    return ReadReport(document, layout)


def outline(
    document: Document, model: StructureModel | None = None, year: int | None = None, path=None
) -> Outline:
    """Which section each heading and paragraph is, and the five contents' status; `year`
    overrides what the text says, `path` is only shown."""
    from drafter.formats.structure_file import default_model
    from drafter.reading.outline import read_outline

    return read_outline(document, path, model or default_model(), year)


def check(
    document: Document,
    *,
    layout: Layout | None = None,
    previous: Document | Outline | None = None,
    year: int | None = None,
    style: str = "gbt9704",
    model: StructureModel | None = None,
    path: str | None = None,
) -> tuple[Outline, list[Finding]]:
    """The outline of a document and what `drafter check` finds in it; `previous` is last
    year's report (or its outline, when many reports are checked against it), `layout` the
    page set-up of a .docx."""
    from drafter.check.context import CheckContext
    from drafter.check.engine import check_outline
    from drafter.formats.style_file import load_style

    read_ = outline(document, model, year, path)
    before = outline(previous, model) if isinstance(previous, Document) else previous
    return read_, check_outline(CheckContext(read_, load_style(style), layout, before))
