"""Writing the user's files: atomic, never half-written, never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, Location


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write through a temporary file in the same folder and rename: a crash never leaves half a
    file, and an existing file is replaced only with `force`."""
    if path.exists() and not force:
        raise DrafterError(f"输出文件已存在：{path}", hint="换一个文件名，或加 --force 覆盖。")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise DrafterError(
            f"无法写入输出文件：{exc.strerror}", location=Location(str(path))
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
