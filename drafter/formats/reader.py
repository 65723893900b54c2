"""Any report file → `Document`: .docx, .txt (any common encoding), .md, web pages (.html/.htm),
PDF, and through LibreOffice .doc/.wps/.odt/.rtf.

The file's content decides how it is read, its suffix only when the content does not: a PDF
renamed .docx, a web page saved as .txt or a .doc that is really RTF or HTML are read as what
they are."""

from __future__ import annotations

import io
import re
import zipfile
from itertools import chain
from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.files import read_input
from drafter.formats.docx_reader import OLE_MAGIC, DocxPackage
from drafter.formats.office_convert import KINDS as OFFICE_KINDS
from drafter.formats.office_convert import convert_to_docx
from drafter.formats.text_reader import decode, read_text_bytes
from drafter.models.document import Document
from drafter.models.layout import Layout

READABLE = (".docx", ".txt", ".md", ".html", ".htm", ".pdf", *OFFICE_KINDS)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # .doc and .wps; not in an encrypted .docx
BINARY_NAMES = {**OFFICE_KINDS, ".pdf": "PDF"}
HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
MAX_FILE_BYTES = 200 * 1024 * 1024


def read_document(path: Path) -> Document:
    return read_report(path)[0]


FACTS_SUFFIXES = (".yaml", ".yml", ".json")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def read_report(path: Path, with_layout: bool = False) -> tuple[Document, Layout | None]:
    """The document, and for a .docx (when asked) its page layout, from one read of the file."""
    document, layout = _read(path, with_layout)
    texts = chain(document.title, (p.full_text for p in document.paragraphs))
    if not any(CHINESE.search(t) for t in texts):  # lazily: the title is usually enough
        raise DrafterError(
            "文件中没有中文正文，不像一份报告",
            hint="检查是否选错了文件（如说明文件、空白文档或扫描件）。",
            location=Location(str(path)),
        )
    return document, layout


def _read(path: Path, with_layout: bool) -> tuple[Document, Layout | None]:
    suffix = path.suffix.lower()
    if suffix in FACTS_SUFFIXES:
        raise DrafterError(
            "这是事实文件（或数据文件），不是报告",
            hint="先用 drafter draft 起草为 .docx 再检查；事实文件中的错误在起草时就会指出。",
            location=Location(str(path)),
        )
    data = read_input(path, MAX_FILE_BYTES)
    kind = sniff(data, suffix)
    if kind is None:
        raise DrafterError(
            f"不是有效的{BINARY_NAMES[suffix]}文件（内容无法识别）",
            hint="文件可能已损坏；请用 Word/WPS 打开后另存为 .docx 再处理。",
            location=Location(str(path)),
        )
    if kind == ".docx":
        package = DocxPackage(data, str(path))
        return package.document(), package.layout() if with_layout else None
    # the readers of the rarer kinds are imported when a file of theirs comes
    if kind == ".pdf":
        from drafter.formats.pdf_reader import read_pdf_bytes

        return read_pdf_bytes(data, str(path)), None
    if kind == ".html":
        from drafter.formats.html_reader import read_html_bytes

        return read_html_bytes(data), None
    if kind in OFFICE_KINDS:
        return DocxPackage(convert_to_docx(data, kind, str(path)), str(path)).document(), None
    return read_text_bytes(data, markdown=kind == ".md", path=str(path)), None


def sniff(data: bytes, suffix: str) -> str | None:
    """What the bytes are, as a suffix (.docx .pdf .html .md .txt or one of OFFICE_KINDS), or
    None when a binary format's suffix does not match content of any kind drafter reads."""
    head = data[:1024]
    if b"%PDF-" in head:
        return ".pdf"
    if head.startswith(OLE_MAGIC):
        if WORD_STREAM not in data:  # the directory may lie anywhere in the file
            return ".docx"  # encrypted .docx or no Word file at all: the .docx reader says so
        return suffix if suffix in (".doc", ".wps") else ".doc"
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"PK"):
        return _zip_kind(data)
    if suffix in (".html", ".htm") or HTML_START.match(decode(head)[0]):
        return ".html"
    if suffix == ".docx":
        return ".docx"  # the .docx reader names what is wrong
    if suffix in BINARY_NAMES:
        return None
    return ".md" if suffix == ".md" else ".txt"


def _zip_kind(data: bytes) -> str:
    """An OpenDocument text declares itself in its first member; anything else is read (and if
    need be rejected) as a .docx."""
    if b"mimetype" not in data:  # member names are stored as they are: no such member
        return ".docx"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            if "mimetype" in names and "word/document.xml" not in names:
                with package.open("mimetype") as handle:
                    if handle.read(len(ODT_MIMETYPE)) == ODT_MIMETYPE:
                        return ".odt"
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        pass
    return ".docx"
