"""Caps on what is unzipped from a .docx: the number of parts, each part's size, the total, and
the compression ratio. A report is a few MB; a zip bomb or a corrupt archive is refused with a
clear message before (and while) anything is decompressed. Every zip and deflate error becomes a
`DrafterError` here, so no reader sees `zlib.error` or `BadZipFile`."""

from __future__ import annotations

import io
import zipfile
import zlib

from drafter.errors import DrafterError, Location

MAX_PARTS = 2000  # python-docx's own blank document has 20; a long report with images ~100
MAX_PART_BYTES = 32 * 1024 * 1024  # one XML part; a real document.xml is well under 5 MB
MAX_READ_BYTES = 96 * 1024 * 1024  # all XML parts one reader decompresses, together
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # every part, images included, as the zip declares them
MAX_RATIO = 200  # deflated XML shrinks 5-20×; beyond 200× is a bomb (checked past 1 MB)
RATIO_FLOOR = 1024 * 1024
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError)
ZIP_ERRORS += (NotImplementedError, KeyError, IndexError, OverflowError, UnicodeError)
BOMB_HINT = "文件可能已损坏，或被构造为压缩炸弹。"
BROKEN_HINT = "请用 Word/WPS 打开后重新保存为 .docx。"


class LimitedZip:
    """A .docx opened under the caps; `read` decompresses one part within what is left."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        self.left = MAX_READ_BYTES
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except ZIP_ERRORS:
            raise self.fail(
                "不是有效的 .docx 文件（文件损坏、不完整或不是 Word 文档）", BROKEN_HINT
            ) from None
        if len(infos) > MAX_PARTS:
            raise self.fail(f"文档部件过多（{len(infos)} 个，最多 {MAX_PARTS} 个）", BOMB_HINT)
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise self.fail(f"文档解压后过大（{total} 字节）", BOMB_HINT)
        for info in infos:
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise self.fail(
                    f"文档部件 {info.filename} 的压缩比异常（{info.file_size // max(info.compress_size, 1)} 倍）",
                    BOMB_HINT,
                )
        self.names = {i.filename: i for i in infos}

    def fail(self, message: str, hint: str) -> DrafterError:
        return DrafterError(message, hint=hint, location=Location(self.path))

    def namelist(self) -> list[str]:
        return list(self.names)

    def info(self, name: str) -> zipfile.ZipInfo | None:
        return self.names.get(name)

    def read(self, name: str) -> bytes | None:
        """The part's bytes, or None when there is no such part."""
        info = self.names.get(name)
        if info is None:
            return None
        limit = min(MAX_PART_BYTES, self.left)
        if info.file_size > limit:
            raise self.fail(f"文档部件 {name} 过大（{info.file_size} 字节）", BOMB_HINT)
        try:
            with self.zip.open(info) as handle:
                raw = handle.read(limit + 1)
        except ZIP_ERRORS as exc:
            raise self.fail(
                f"无法解压文档部件 {name}：{type(exc).__name__}", "文件可能已损坏或加密。"
            ) from None
        if len(raw) > limit:
            raise self.fail(f"文档部件 {name} 解压后过大", BOMB_HINT)
        self.left -= len(raw)
        return raw


def check_package(data: bytes, path: str) -> None:
    """Refuse a .docx past the caps before handing it to a library that unzips everything."""
    LimitedZip(data, path)
