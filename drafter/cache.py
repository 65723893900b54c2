"""A cache of work that depends only on a file's contents: the project's YAML data as JSON
(parsing YAML costs ~10× reading JSON), data files' validated models (pickled: loading one needs
no validator, see models/data.py) and compiled report templates. Kept in the user's cache
folder (`DRAFTER_CACHE`, else XDG_CACHE_HOME / ~/.cache, or LOCALAPPDATA on Windows), keyed by
each file's path, size and modification time and by drafter's own code. A cache that cannot be
read or written is simply not used; `DRAFTER_CACHE=off` turns it off."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

M = TypeVar("M")

_PACKAGE = Path(__file__).resolve().parent
OWN_FOLDER = re.compile(r"(data|models|templates|regex)-[0-9a-f]{12}")  # KIND-CODESTAMP


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
    # the models (dataclasses, models/data.py): a pickled model is read back by the code that wrote it
    models = sorted(p.relative_to(_PACKAGE).as_posix() for p in (_PACKAGE / "models").glob("*.py"))
    # and what the regex store keeps beside the programs (regex_store.remembered)
    for name in ("cache.py", "render/environment.py", "reading/prefilter.py", *models):
        stat = (_PACKAGE / name).stat()
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def folder(kind: str) -> Path | None:
    """`kind`'s folder in the cache, created; None when there is no usable cache."""
    base = cache_dir()
    if base is None:
        return None
    path = base / f"{kind}-{code_stamp()}"
    if path.is_dir():
        try:
            os.utime(path)  # in use: what another install prunes is what nobody uses
        except OSError:
            pass
        return path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    # What an older drafter left, once no run has used it for a week (another install of
    # drafter may still use its own folder now and then). Only drafter's own names: the
    # folder DRAFTER_CACHE names may hold other things.
    week_ago = time.time() - 7 * 24 * 3600
    for stale in base.glob(f"{kind}-*"):
        try:
            if (
                stale != path
                and OWN_FOLDER.fullmatch(stale.name)
                and stale.stat().st_mtime < week_ago
            ):
                import shutil  # (here only: a run that finds its folder never prunes)

                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass
    return path


def write(path: Path, data: str | bytes) -> None:
    import tempfile  # (here only: most runs read the cache and write nothing)

    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def parsed(path: Path, parse: Callable[[str], Any]) -> Any:
    """`parse(text of path)`, remembered as JSON while the file is unchanged. Data that JSON
    cannot hold exactly (dates, non-string keys) is parsed every time."""
    stored = _entry("data", path, "json")
    if stored is None:
        return parse(path.read_text(encoding="utf-8"))
    try:
        return json.loads(stored.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse(path.read_text(encoding="utf-8"))
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) == data:
            write(stored, text)
    except (TypeError, ValueError, OSError):
        pass
    return data


def _entry(kind: str, path: Path, suffix: str, tag: str = "") -> Path | None:
    """Where the cache keeps `kind` of work on the file at `path` as it is now; None without a
    usable cache."""
    place = folder(kind)
    if place is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{tag}"
    return place / f"{hashlib.sha1(key.encode()).hexdigest()[:24]}.{suffix}"


def validated(path: Path, model: type[M], parse: Callable[[str], Any]) -> M:
    """`data.validate(model, parse(text of path))`, remembered while the file and drafter's code
    are unchanged. Pickled, like the interpreter's own __pycache__, in the user's own cache
    folder; an entry that cannot be read back for any reason is simply made again. Validation
    errors (data.InvalidData) are raised as usual (nothing is stored)."""
    stored = _entry("models", path, "pickle", f"{model.__module__}.{model.__qualname__}")
    if stored is not None:
        try:
            loaded = pickle.loads(stored.read_bytes())
            if isinstance(loaded, model):
                return loaded
        except Exception:  # noqa: BLE001 - a missing, stale or damaged entry: validate again
            pass
    from drafter.models.data import validate

    result = validate(model, parsed(path, parse))
    if stored is not None:
        try:
            write(stored, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError, OSError):
            pass
    return result


def template_cache():
    """Jinja's bytecode cache in our folder, or None."""
    place = folder("templates")
    if place is None:
        return None
    from jinja2 import FileSystemBytecodeCache

    return FileSystemBytecodeCache(str(place))
