"""The body of a .docx walked once: each paragraph's properties, its own text line by line, and
the runs inside it, for the text reader and the layout alike (formats/docx_reader.py)."""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, PPR, R, RPR = f"{W}p", f"{W}pPr", f"{W}r", f"{W}rPr"
T, TAB, BR, CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
DEL, MOVE_FROM, FALLBACK = f"{W}del", f"{W}moveFrom", f"{MC}Fallback"
# Text not read as part of a paragraph: tracked deletions and moves away, the fallback copy of a
# text box (mc:AlternateContent holds the same box twice), and a text box's own paragraphs,
# which are read after the paragraph that anchors them.
NOT_OWN_TEXT = {DEL, MOVE_FROM, FALLBACK, P}
WALKED = (P, PPR, R, RPR, T, TAB, BR, CR, DEL, MOVE_FROM, FALLBACK)  # what walk_body stops at


class BodyRun:
    """One w:r: its own properties and the text of every w:t inside it."""

    __slots__ = ("rpr", "texts")

    def __init__(self) -> None:
        self.rpr: etree._Element | None = None
        self.texts: list[str] = []


class BodyParagraph:
    """One w:p of the body: its properties, its own text by line, and every run inside it."""

    __slots__ = ("number", "shown", "ppr", "lines", "runs")

    def __init__(self, number: int, shown: bool) -> None:
        self.number = number  # every w:p counts, as the layout and Word comments count them
        self.shown = shown  # False in a text box's fallback copy: mc:Choice holds the same text
        self.ppr: etree._Element | None = None
        self.lines: list[list[str]] = [[]]  # the pieces of each line; a manual break starts one
        self.runs: list[BodyRun] = []  # a text box's runs too, as the layout has always read them

    def texts(self) -> list[str]:
        """The paragraph's text as it reads with tracked changes accepted, line by line."""
        return ["".join(line) for line in self.lines]


def walk_body(body: etree._Element | None) -> list[BodyParagraph]:
    """Every w:p of the body in document order, from one walk over the tree that stops only at
    the tags of WALKED (lxml's iterwalk, in C): a per-paragraph and per-run descent of the tree
    cost several times as much. The open w:p and exclusions (`owners`) and the open w:r
    (`runs`) say where each element belongs: a w:t, w:tab or break is the text of the nearest
    of w:p, w:del, w:moveFrom and mc:Fallback around it when that is a w:p; a w:t is also the
    text of every run around it, and a run is every paragraph's around it."""
    paragraphs: list[BodyParagraph] = []
    if body is None:
        return paragraphs
    owners: list[BodyParagraph | str] = []  # an open w:p as its record, an exclusion as its tag
    runs: list[BodyRun] = []
    for event, el in etree.iterwalk(body, events=("start", "end"), tag=WALKED):
        tag = el.tag
        if event == "end":
            if tag == R:
                runs.pop()
            elif tag in NOT_OWN_TEXT:
                owners.pop()
            continue
        owner = owners[-1] if owners and isinstance(owners[-1], BodyParagraph) else None
        if tag == T:
            text = el.text or ""
            for run in runs:
                run.texts.append(text)
            if owner is not None:
                owner.lines[-1].append(text)
        elif tag == R:
            run = BodyRun()
            for paragraph in owners:
                if isinstance(paragraph, BodyParagraph):
                    paragraph.runs.append(run)
            runs.append(run)
        elif tag == P:
            paragraph = BodyParagraph(len(paragraphs) + 1, shown=FALLBACK not in owners)
            paragraphs.append(paragraph)
            owners.append(paragraph)
        elif tag in NOT_OWN_TEXT:
            owners.append(tag)
        elif tag == PPR:  # the first w:pPr child; a w:p parent is the innermost owner
            if el.getparent().tag == P and owner.ppr is None:
                owner.ppr = el
        elif tag == RPR:  # the first w:rPr child; a w:r parent is the innermost run
            if el.getparent().tag == R and runs[-1].rpr is None:
                runs[-1].rpr = el
        elif owner is not None:
            if tag == TAB:
                owner.lines[-1].append(" ")
            elif el.get(f"{W}type") not in ("page", "column"):  # w:br, w:cr
                owner.lines.append([])
    return paragraphs
