"""The hostile corpus, generated: every odd or malicious input of issue 11 and the classics (XXE,
entity bomb, zip bomb, `!!python` tags), built from small recipes instead of binary files.

Each builder returns bytes; the tests say what must come out (message, exit code, findings,
files untouched, time and memory bounds)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, SEEDS

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GIB = 1 << 30


# ---- .docx ------------------------------------------------------------------------------------
def zipped(parts: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def body(paragraphs: str) -> str:
    return f'<?xml version="1.0"?><w:document {W_NS}><w:body>{paragraphs}</w:body></w:document>'


def para(text: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def minimal_docx(paragraphs: str = "", content_types: bool = True) -> bytes:
    parts: dict[str, bytes | str] = {"word/document.xml": body(paragraphs or para("某县报告"))}
    if content_types:
        parts["[Content_Types].xml"] = CONTENT_TYPES
    return zipped(parts)


def superscript_outline_level() -> bytes:
    """「²」 is a digit to str.isdigit(), not to int()."""
    return minimal_docx(para("一、主要举措", '<w:pPr><w:outlineLvl w:val="²"/></w:pPr>'))


def corrupt_deflate() -> bytes:
    """A valid zip directory over a deflate stream with flipped bytes: zlib.error on reading."""
    data = bytearray(minimal_docx(para("法治政府建设" * 400)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    for offset in range(40, 80, 3):
        data[start + offset] ^= 0x5A
    return bytes(data)


def many_compressed_parts(parts: int = 63, size: int = 30 * 1024 * 1024) -> bytes:
    """The 230 KB .docx of the issue: many footer parts, each a highly compressed 30 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", body(para("某县报告")))
        chunk = b"<w:t>" + b" " * (1024 * 1024 - 11) + b"</w:t>"
        for n in range(1, parts + 1):
            with z.open(f"word/footer{n}.xml", "w", force_zip64=True) as handle:
                for _ in range(size // len(chunk)):
                    handle.write(chunk)
    return buffer.getvalue()


def too_many_parts(count: int = 2500) -> bytes:
    parts: dict[str, bytes | str] = {"[Content_Types].xml": CONTENT_TYPES}
    parts["word/document.xml"] = body(para("某县报告"))
    parts.update({f"customXml/item{n}.xml": "<a/>" for n in range(count)})
    return zipped(parts, zipfile.ZIP_STORED)


def zip_bomb(size: int = 1 << 30) -> bytes:
    """1 GiB of zeros in word/document.xml, about 1 MB on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


def xxe() -> bytes:
    return zipped(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": (
                '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                f"<w:document {W_NS}><w:body>{para('标题&xxe;')}</w:body></w:document>"
            ),
        }
    )


def entity_bomb() -> bytes:
    """Billion laughs inside document.xml."""
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    return zipped(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": (
                f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
                f"<w:document {W_NS}><w:body>{para('&a9;')}</w:body></w:document>"
            ),
        }
    )


def deep_xml(depth: int = 5000) -> bytes:
    nested = "<w:sdt>" * depth + para("某县报告") + "</w:sdt>" * depth
    return minimal_docx(nested)


def escape_sequences_docx() -> bytes:
    """Terminal escapes in a report (C1 CSI survives XML; ESC itself is not legal XML 1.0)."""
    return minimal_docx(para("某县2025年度法治政府建设情况报告") + para("\u009b2J清屏\u202e反向"))


def valid_docx(text: str = "某县2025年度法治政府建设情况报告") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---- text -------------------------------------------------------------------------------------
def seed_text(index: int = 0) -> str:
    return SEEDS[index].read_text(encoding="utf-8")


def markdown_spaces(size: int = 100_000) -> bytes:
    """The Markdown line-break regex `\\s{2,}$` was quadratic on long runs of spaces."""
    return ("# 标题\n" + "正文" + " " * size + "。\n").encode("utf-8")


# ---- facts ------------------------------------------------------------------------------------
def example_facts() -> str:
    return EXAMPLES[0].read_text(encoding="utf-8")


def facts_with(old: str, new: str) -> str:
    text = example_facts()
    assert old in text, old
    return text.replace(old, new, 1)


def alias_bomb_facts() -> str:
    lines = ["  x:", "    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"    {name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
    return facts_with("  issuer: 示例县人民政府\n", "\n".join(lines) + "\n  issuer: *i\n")


def many_items_facts(count: int = 120) -> str:
    items = "".join(
        f"    - heading: 工作安排{n}\n      text: 第{n}项工作安排的内容。\n"
        for n in range(1, count + 1)
    )
    text = example_facts()
    start = text.index("next_year:")
    return text[:start] + "next_year:\n  items:\n" + items + _after_section(text, start)


def _after_section(text: str, start: int) -> str:
    rest = text[start:].splitlines(keepends=True)[1:]
    for n, line in enumerate(rest):
        if line and not line.startswith((" ", "\n", "#")):
            return "".join(rest[n:])
    return ""


def deep_facts(depth: int = 5000) -> str:
    return example_facts() + "\ndeep: " + "[" * depth + "]" * depth + "\n"


# ---- running ----------------------------------------------------------------------------------
def run_limited(
    *args: str | Path, timeout: float = 60, memory: int = 2 * GIB, env: dict | None = None
) -> subprocess.CompletedProcess:
    """`python -m drafter ARGS` in a child with an address-space cap (where `resource` exists)
    and a timeout: a hostile input must neither hang nor blow up memory."""

    def limit() -> None:
        try:
            import resource
        except ImportError:  # Windows: only this limit is skipped
            return
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "drafter", *map(str, args)],
        capture_output=True,
        timeout=timeout,
        preexec_fn=limit if os.name == "posix" else None,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every entry under `folder`: bytes (None for non-files) and mode, to prove nothing moved."""
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        out[str(path.relative_to(folder))] = (data, info.st_mode)
    return out
