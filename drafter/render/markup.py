"""The paragraph markup the report templates write, and its reading into a `Document`.

Every paragraph a template writes is one line `@kind key=value … | text`: the template states
what the paragraph is (its kind, heading level and number, section id, and the facts field it
comes from), so drafting never guesses structure from wording. User text is only ever the part
after `|`, and the environment turns its line breaks into `PARAGRAPH_BREAK`, so whatever a
highlight begins with it cannot start a line of markup or change the outline.

`environment.py` adds `at=<template>:<line>` to each marker when it compiles a template, so a
template that writes invalid structure is reported at its own file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.errors import DrafterError, Location
from drafter.formats.own_marks import source_path
from drafter.models.document import Document, Paragraph

PARAGRAPH_BREAK = "\u2029"  # a line break inside user text: a new paragraph of the same kind
MARKER = re.compile(r"^@([a-z]+)((?:[ \t]+[a-z]+=[^ \t|]*)*)[ \t]*\|[ \t]?(.*)$")
ATTRIBUTE = re.compile(r"(?<![a-z])([a-z]+)=([^ \t|]*)")  # one start per word: linear
KINDS = ("title", "addressee", "heading", "text", "runin", "closing", "signer", "date")
ATTRIBUTES = {"at", "level", "number", "section", "source"}
HINT = "每一段以“@类别 属性=值 … | 文字”开头，类别见 report.txt.j2 开头的说明。"


@dataclass
class Mark:
    kind: str
    attrs: dict[str, str]
    text: str
    at: Location | None


def _location(at: str | None) -> Location | None:
    if not at:
        return None
    name, _, line = at.rpartition(":")
    return Location(name, int(line)) if line.isdigit() else Location(at)


def marks(rendered: str) -> list[Mark]:
    """The rendered report → its marked lines, in order; anything else is a template error,
    reported at the template being rendered and its last marker line (the environment marks
    where each template begins and ends)."""
    out: list[Mark] = []
    stack: list[Location] = []  # the templates being rendered, innermost last
    for line in rendered.split("\n"):  # not splitlines(): it also splits at PARAGRAPH_BREAK
        if not line.strip():
            continue
        match = MARKER.match(line.strip())
        if match is None:
            raise DrafterError(
                f"模板输出了没有段落标记的一行：{line.strip()[:40]}",
                hint=HINT + "（位置为这一行之前最近的段落标记或模板开头）",
                location=stack[-1] if stack else None,
            )
        kind, attr_text, text = match.groups()
        attrs = dict(ATTRIBUTE.findall(attr_text))
        mark = Mark(kind, attrs, text.strip(), _location(attrs.pop("at", None)))
        if kind == "begin" and mark.at:
            stack.append(mark.at)
            continue
        if kind == "end":
            stack = stack[:-1]
            continue
        if stack and mark.at:
            stack[-1] = mark.at
        _validate(mark)
        out.append(mark)
    return out


def _validate(mark: Mark) -> None:
    def fail(message: str) -> DrafterError:
        return DrafterError(message, hint=HINT, location=mark.at)

    if mark.kind not in KINDS:
        raise fail(f"未知的段落类别“@{mark.kind}”")
    unknown = set(mark.attrs) - ATTRIBUTES
    if unknown:
        raise fail(f"未知的段落属性：{'、'.join(sorted(unknown))}")
    if mark.kind == "heading":
        level = mark.attrs.get("level", "")
        if not level.isdigit() or not 1 <= int(level) <= 4:
            raise fail("标题需要 level=1 到 level=4")
        if PARAGRAPH_BREAK in mark.text:
            raise fail("标题文字中不能换行")


def to_document(rendered: str, known_sections: set[str]) -> Document:
    """Marked lines → `Document`, each paragraph with its section (from the heading above it that
    names one) and the facts field it came from."""
    doc = Document()
    sources: dict[str, tuple[str | int, ...] | None] = {}
    for mark in marks(rendered):
        source = source_path(mark.attrs.get("source"))
        sources.setdefault(mark.kind, source)
        pieces = [p.strip() for p in mark.text.split(PARAGRAPH_BREAK) if p.strip()]
        if mark.kind == "title":
            doc.title += pieces
        elif mark.kind == "addressee":
            doc.addressee = "".join(pieces).rstrip("：:") or None
        elif mark.kind == "closing":
            doc.closing = "".join(pieces)
        elif mark.kind == "signer":
            doc.signers += pieces
        elif mark.kind == "date":
            doc.date = "".join(pieces)
        elif mark.kind == "heading":
            level = int(mark.attrs["level"])
            section = mark.attrs.get("section") or None
            if section is not None and section not in known_sections:
                raise DrafterError(f"未知的章节 id：{section}", hint=HINT, location=mark.at)
            doc.paragraphs.append(
                Paragraph(
                    level=level,
                    number=mark.attrs.get("number") or None,
                    heading=" ".join(pieces).rstrip("。"),
                    section=section,
                    source=source,
                )
            )
        elif mark.kind == "runin":
            last = doc.paragraphs[-1] if doc.paragraphs else None
            if last is None or not last.is_heading or last.text:
                raise DrafterError("@runin 只能紧接在一个标题之后", hint=HINT, location=mark.at)
            last.text = pieces[0] if pieces else ""
            last.source = source or last.source
            more = pieces[1:]
            doc.paragraphs += [Paragraph(text=p, source=source) for p in more]
        else:  # text
            doc.paragraphs += [Paragraph(text=p, source=source) for p in pieces]
    doc.spread_sections()
    _number_lines(doc, sources)
    return doc


def _number_lines(doc: Document, sources: dict[str, tuple[str | int, ...] | None]) -> None:
    """Line numbers as in the plain-text form (title first, date last), so that findings on a
    drafted document point at a line, and each line at its facts field."""
    line = 0
    if doc.title:
        doc.title_line = line = 1
        doc.line_sources[line] = sources.get("title") or ("meta", "title")
    if doc.addressee:
        line += 1
        doc.line_sources[line] = sources.get("addressee") or ("meta", "addressee")
    for paragraph in doc.paragraphs:
        line += 1
        paragraph.line = line
    line += 1 if doc.closing else 0
    for _ in doc.signers:
        line += 1
        doc.line_sources[line] = ("meta", "signers")
    if doc.date:
        doc.date_line = line = line + 1
        doc.line_sources[line] = sources.get("date") or ("meta", "date")
