"""A normalized, readable dump of a .docx for golden tests and assertions (never zip bytes)."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn


def run_fonts(run) -> dict[str, str | None]:
    rpr = run._r.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    get = (lambda a: fonts.get(qn(a))) if fonts is not None else (lambda a: None)
    return {"east_asia": get("w:eastAsia"), "ascii": get("w:ascii"), "hAnsi": get("w:hAnsi")}


def dump(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = []
    for p in document.paragraphs:
        pf = p.paragraph_format
        ind = p._p.pPr.find(qn("w:ind")) if p._p.pPr is not None else None
        ind_text = (
            ",".join(f"{k.split('}')[1]}={v}" for k, v in sorted(ind.attrib.items()))
            if ind is not None
            else ""
        )
        head = f"[{pf.alignment or 'left'}|{pf.line_spacing.pt if pf.line_spacing else None}|{ind_text}|kwn={bool(pf.keep_with_next)}]"
        runs = " + ".join(
            f"{run_fonts(r)['east_asia']}/{r.font.size.pt if r.font.size else None}{'/b' if r.font.bold else ''}:{r.text}"
            for r in p.runs
            if r.text
        )
        lines.append(f"{head} {runs}")
    return "\n".join(lines) + "\n"
