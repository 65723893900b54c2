"""A cache of work that depends only on a file's contents: the project's YAML data as JSON
(parsing YAML costs ~10× reading JSON) and compiled report templates. Kept in the user's cache
folder (`DRAFTER_CACHE`, else XDG_CACHE_HOME / ~/.cache, or LOCALAPPDATA on Windows), keyed by
each file's path, size and modification time and by drafter's own code. A cache that cannot be
read or written is simply not used; `DRAFTER_CACHE=off` turns it off."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


@cache
def cache_dir() -> Path | None:
    chosen = os.environ.get("DRAFTER_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "drafter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "drafter"


@cache
def code_stamp() -> str:
    """Changes whenever drafter's code that shapes cached results changes."""
    from drafter import __version__

    parts = [__version__, sys.version]
    for name in ("cache.py", "render/environment.py"):
        stat = (_PACKAGE / name).stat()
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def folder(kind: str) -> Path | None:
    """`kind`'s folder in the cache, created; None when there is no usable cache."""
    base = cache_dir()
    if base is None:
        return None
    path = base / f"{kind}-{code_stamp()}"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def _write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def parsed(path: Path, parse: Callable[[str], Any]) -> Any:
    """`parse(text of path)`, remembered as JSON while the file is unchanged. Data that JSON
    cannot hold exactly (dates, non-string keys) is parsed every time."""
    place = folder("data")
    try:
        stat = path.stat()
    except OSError:
        place = None
    if place is None:
        return parse(path.read_text(encoding="utf-8"))
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    stored = place / f"{hashlib.sha1(key.encode()).hexdigest()[:24]}.json"
    try:
        return json.loads(stored.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse(path.read_text(encoding="utf-8"))
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) == data:
            _write(stored, text)
    except (TypeError, ValueError, OSError):
        pass
    return data


def template_cache():
    """Jinja's bytecode cache in our folder, or None."""
    place = folder("templates")
    if place is None:
        return None
    from jinja2 import FileSystemBytecodeCache

    return FileSystemBytecodeCache(str(place))
