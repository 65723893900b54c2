"""Any report file → `Document`: .docx, .txt (any common encoding), .md."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.formats.docx_reader import DocxPackage
from drafter.formats.text_reader import read_text_bytes
from drafter.models.document import Document
from drafter.models.layout import Layout

READABLE = (".docx", ".txt", ".md")
UNSUPPORTED = {
    ".doc": "Word 97-2003 格式（.doc）",
    ".wps": "WPS 格式（.wps）",
    ".pdf": "PDF",
    ".odt": "OpenDocument 格式（.odt）",
}
MAX_FILE_BYTES = 200 * 1024 * 1024


def read_document(path: Path) -> Document:
    return read_report(path)[0]


def read_report(path: Path, with_layout: bool = False) -> tuple[Document, Layout | None]:
    """The document, and for a .docx (when asked) its page layout, from one read of the file."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise DrafterError(
            f"不支持{UNSUPPORTED[suffix]}的文件",
            hint="请另存为 .docx 或 .txt 后再处理。",
            location=Location(str(path)),
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DrafterError("文件过大，不像一份报告", location=Location(str(path)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise DrafterError(f"找不到文件：{path}", hint="检查路径是否正确。") from None
    except IsADirectoryError:
        raise DrafterError(
            f"这是一个文件夹：{path}", hint="给出文件，或使用支持文件夹的命令。"
        ) from None
    except OSError as exc:
        raise DrafterError(f"无法读取文件：{exc.strerror}", location=Location(str(path))) from None
    if suffix == ".docx":
        package = DocxPackage(data, str(path))
        return package.document(), package.layout() if with_layout else None
    return read_text_bytes(data, markdown=suffix == ".md"), None
