"""Inputs that may be files or folders → the report files to read, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.formats.reader import READABLE


def expand(inputs: list[Path], on_skip: Callable[[str], None] | None = None) -> list[Path]:
    """Files as given; folders searched recursively for reports. A subfolder that cannot be
    listed is not silently dropped: `on_skip` is told which (the CLI prints it). A file reached
    twice (named twice, or also through a link) is read once."""
    found: list[tuple[Path, Path]] = []  # (the path as shown, the real file)
    for item in inputs:
        if item.is_dir():
            found.extend(_search(item, on_skip))
        elif item.exists() or item.is_symlink():
            found.append((item, item.resolve()))  # a FIFO or device: refused by the reader
        else:
            raise DrafterError(f"找不到文件或文件夹：{item}", hint="检查路径是否正确。")
    seen: set[Path] = set()
    unique = []
    for path, real in found:
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return unique


def _search(folder: Path, on_skip: Callable[[str], None] | None) -> list[tuple[Path, Path]]:
    """The report files under `folder`, sorted, each with its real path. The folder is resolved
    once and links to folders are not followed, so a file's real path is its folder's plus its
    name unless the file itself is a link (resolving 600 paths one by one costs ~20 ms)."""
    found = []
    pending = [(folder, folder.resolve())]
    while pending:
        shown, real = pending.pop()
        try:
            with os.scandir(shown) as listing:
                entries = list(listing)
        except OSError as error:
            if on_skip:
                on_skip(f"跳过无法读取的文件夹：{error.filename}（{error.strerror}）")
            continue
        for entry in entries:
            name = entry.name
            if entry.is_dir(follow_symlinks=False):
                # a browser's 「网页，全部」 save puts the page's frames and scripts in NAME_files/
                if not name.endswith("_files"):
                    pending.append((shown / name, real / name))
            elif (
                os.path.splitext(name)[1].lower() in READABLE
                and not name.startswith((".", "~$"))
                and entry.is_file()  # regular files (or links to them) only
            ):
                path = shown / name
                found.append((path, path.resolve() if entry.is_symlink() else real / name))
    return sorted(found)
