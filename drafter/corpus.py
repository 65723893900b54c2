"""Inputs that may be files or folders → the report files to read, in a stable order."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError
from drafter.formats.reader import READABLE


def expand(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(
                p
                for p in item.rglob("*")
                if p.is_file()
                and p.suffix.lower() in READABLE
                and not p.name.startswith((".", "~$"))
                # a browser's 「网页，全部」 save puts the page's frames and scripts in NAME_files/
                and not any(part.endswith("_files") for part in p.relative_to(item).parts[:-1])
            )
            files.extend(found)
        elif item.exists():
            files.append(item)
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
