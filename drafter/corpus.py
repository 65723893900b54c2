"""Inputs that may be files or folders → the report files to read, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.formats.reader import READABLE


def expand(inputs: list[Path], on_skip: Callable[[str], None] | None = None) -> list[Path]:
    """Files as given; folders searched recursively for reports. A subfolder that cannot be
    listed is not silently dropped: `on_skip` is told which (the CLI prints it)."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(_search(item, on_skip))
        elif item.exists() or item.is_symlink():
            files.append(item)  # a FIFO or device is refused by the reader, as a finding
        else:
            raise DrafterError(f"找不到文件或文件夹：{item}", hint="检查路径是否正确。")
    seen: set[Path] = set()
    unique = []
    for path in files:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _search(folder: Path, on_skip: Callable[[str], None] | None) -> list[Path]:
    def skipped(error: OSError) -> None:
        if on_skip:
            on_skip(f"跳过无法读取的文件夹：{error.filename}（{error.strerror}）")

    found = []
    for root, dirs, names in os.walk(folder, onerror=skipped):
        # a browser's 「网页，全部」 save puts the page's frames and scripts in NAME_files/
        dirs[:] = [d for d in dirs if not d.endswith("_files")]
        for name in names:
            path = Path(root, name)
            if (
                path.suffix.lower() in READABLE
                and not name.startswith((".", "~$"))
                and path.is_file()  # regular files (or links to them) only
            ):
                found.append(path)
    return sorted(found)
